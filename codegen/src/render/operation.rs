//! Per-operation items: the operation marker and the operation's error enum.

use super::prelude::*;
use crate::render::HomePaths;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::{docs, ident, names, Ctx};
use crate::ir::{Shape, ShapeId, ShapeKind};

/// Unit tests (under `#[cfg(test)]`) from the operation's `smithy.api#examples`:
/// each example's input decodes into the input type (and, with the protocol
/// layer, becomes a request), and its output decodes into the output type and
/// survives a re-encoding.
fn example_tests(ctx: &Ctx, op: &Shape, input: &TokenStream, output: &TokenStream) -> TokenStream {
    let (Some(crate::ast::Node::Array(examples)), ShapeKind::Operation(operation)) =
        (op.traits.other.get("smithy.api#examples"), &op.kind)
    else {
        return quote!();
    };
    let cfg = ctx.protocol_cfg();
    let tests = examples.iter().enumerate().filter(|(_, e)| e.get("error").is_none()).map(|(i, example)| {
        let name = format_ident!("example_{}", i + 1);
        let wire = |key: &str, shape: &Option<ShapeId>| match (example.get(key), shape) {
            (Some(v), Some(id)) => super::examples::to_wire(ctx, id, None, v).to_string(),
            (Some(v), None) => v.to_string(),
            (None, _) => "{}".to_string(),
        };
        let input_json = wire("input", &operation.input);
        let output_check = example.get("output").map(|_| {
            let json = wire("output", &operation.output);
            quote! {
                let output: #output = ::serde_json::from_str(#json).expect("the example output decodes");
                let again: #output = ::serde_json::from_slice(&::serde_json::to_vec(&output).expect("encodes"))
                    .expect("the re-encoded output decodes");
                assert_eq!(again, output);
            }
        });
        quote! {
            #[test]
            fn #name() {
                let input: #input = ::serde_json::from_str(#input_json).expect("the example input decodes");
                let again: #input = ::serde_json::from_slice(&::serde_json::to_vec(&input).expect("encodes"))
                    .expect("the re-encoded input decodes");
                assert_eq!(again, input);
                #cfg
                input.to_http_request().expect("the example input becomes a request");
                #output_check
            }
        }
    });
    quote! {
        #[cfg(test)]
        mod examples {
            #(#tests)*
        }
    }
}

/// A doc paragraph for `smithy.api#paginated` (the operation's settings over the service's).
fn pagination_doc(ctx: &Ctx, op: &Shape) -> TokenStream {
    let Some(op_settings) = op.traits.other.get("smithy.api#paginated") else {
        return quote!();
    };
    let service_settings =
        ctx.closure.service.as_ref().and_then(|s| ctx.shape(s).traits.other.get("smithy.api#paginated"));
    let setting = |key: &str| {
        op_settings.get(key).or_else(|| service_settings.and_then(|s| s.get(key))).and_then(crate::ast::Node::as_str)
    };
    let mut text = String::from("\nPaginated:");
    if let (Some(input), Some(output)) = (setting("inputToken"), setting("outputToken")) {
        text.push_str(&format!(" pass the output's `{output}` as the input's `{input}` to fetch the next page"));
    }
    if let Some(items) = setting("items") {
        text.push_str(&format!("; the page's items are in `{items}`"));
    }
    if let Some(size) = setting("pageSize") {
        text.push_str(&format!("; `{size}` bounds the page size"));
    }
    text.push('.');
    docs::lines_to_attrs(&text)
}

/// Renders the operation marker and its error enum.
pub(crate) fn render(ctx: &Ctx, op: &Shape) -> Vec<TokenStream> {
    let Some(planned) = ctx.plan.operations.get(&op.id) else {
        return Vec::new();
    };
    let op_ident = ident(&planned.type_name);
    let error_name = ident(&planned.error_name);
    let op_doc = match &op.traits.documentation {
        Some(d) => docs::attrs(d),
        None => docs::lines_to_attrs(&format!("The `{}` operation.", op.id.name())),
    };
    let op_id_str = op.id.as_str();
    let deprecated = super::deprecated_attr(&op.traits);
    let pagination = pagination_doc(ctx, op);
    let http_consts = match &op.traits.http {
        Some(http) => {
            let method = &http.method;
            let uri = &http.uri;
            let code = http.code;
            quote! {
                /// The HTTP method of the operation.
                pub const HTTP_METHOD: &'static str = #method;
                /// The URI pattern of the operation, with `{Label}` placeholders.
                pub const URI_PATTERN: &'static str = #uri;
                /// The HTTP status of a successful response.
                pub const SUCCESS_STATUS: u16 = #code;
            }
        }
        None => quote!(),
    };

    let errors: Vec<&ShapeId> = planned.errors.iter().collect();
    let protocol = super::protocol::render_operation(ctx, op, &errors);
    let ShapeKind::Operation(operation) = &op.kind else {
        return Vec::new();
    };
    let io_path = |id: &Option<ShapeId>| id.as_ref().and_then(|id| ctx.homes.get(id)).map(|h| h.path());
    let examples = match (io_path(&operation.input), io_path(&operation.output)) {
        (Some(input), Some(output)) => example_tests(ctx, op, &input, &output),
        _ => quote!(),
    };
    let sent_members = match (&operation.input, io_path(&operation.input)) {
        (Some(id), Some(path)) => super::sent_members::render(ctx, op, ctx.shape(id), &path),
        _ => quote!(),
    };
    let error_enum = error_enum(ctx, op, &error_name, &errors);
    vec![quote! {
        #protocol
        #examples
        #sent_members
        #op_doc
        #pagination
        #deprecated
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
        #[non_exhaustive]
        pub struct #op_ident;
        impl #op_ident {
            /// The operation's shape id in the model.
            pub const SHAPE_ID: &'static str = #op_id_str;
            #http_consts
        }

        #error_enum
    }]
}

/// The operation's error enum: one variant per modeled error, and `Unhandled`.
fn error_enum(ctx: &Ctx, op: &Shape, error_name: &proc_macro2::Ident, errors: &[&ShapeId]) -> TokenStream {
    let_prelude!(ctx.prelude => OPTION, SOME);
    let mut variants = Vec::new();
    let mut arms_code = Vec::new();
    let mut arms_message = Vec::new();
    let mut arms_status = Vec::new();
    let mut arms_display = Vec::new();
    let mut arms_source = Vec::new();
    let mut predicates = Vec::new();
    for id in errors {
        let home = &ctx.homes[*id];
        let variant = ident(&home.name);
        let path = home.path();
        let doc = match &ctx.shape(id).traits.documentation {
            Some(d) => docs::attrs(d),
            None => docs::lines_to_attrs(&format!("The `{}` error.", id.name())),
        };
        variants.push(quote!(#doc #variant(#path),));
        arms_code.push(quote!(Self::#variant(_) => #SOME(#path::CODE),));
        arms_message.push(quote!(Self::#variant(e) => e.message(),));
        arms_status.push(quote!(Self::#variant(_) => #path::STATUS,));
        arms_display.push(quote!(Self::#variant(e) => ::std::fmt::Display::fmt(e, f),));
        arms_source.push(quote!(Self::#variant(e) => #SOME(e),));
        let pred = format_ident!("is_{}", names::snake(&home.name));
        let pred_doc = docs::lines_to_attrs(&format!("Whether the error is a `{}`.", home.name));
        predicates.push(quote! {
            #pred_doc
            pub fn #pred(&self) -> bool {
                ::std::matches!(self, Self::#variant(_))
            }
        });
    }
    let error_doc = docs::lines_to_attrs(&format!("Every error the `{}` operation can return.", op.id.name()));
    quote! {
    #error_doc
    #[non_exhaustive]
    #[derive(Debug, Clone, PartialEq)]
    pub enum #error_name {
        #(#variants)*
        /// An error the model does not describe (unknown code, unreadable body,
        /// a status from a proxy); it keeps the status, code and message, and
        /// the start of a body it could not read.
        Unhandled(crate::error::Unhandled),
    }
    impl #error_name {
        /// The error code: the modeled error's name, or the code an unhandled error carried.
        pub fn code(&self) -> #OPTION<&str> {
            match self {
                #(#arms_code)*
                Self::Unhandled(e) => e.code(),
            }
        }
        /// The error message, if any.
        pub fn message(&self) -> #OPTION<&str> {
            match self {
                #(#arms_message)*
                Self::Unhandled(e) => e.message(),
            }
        }
        /// The HTTP status code of the error.
        pub fn status(&self) -> u16 {
            match self {
                #(#arms_status)*
                Self::Unhandled(e) => e.status(),
            }
        }
        /// Whether retrying may succeed: throttling (429) and server errors (5xx).
        pub fn is_retryable(&self) -> bool {
            let status = self.status();
            status == 429 || (500..600).contains(&status)
        }
        #(#predicates)*
        /// Whether the error is not one the model describes.
        pub fn is_unhandled(&self) -> bool {
            ::std::matches!(self, Self::Unhandled(_))
        }
    }
    impl ::std::fmt::Display for #error_name {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            match self {
                #(#arms_display)*
                Self::Unhandled(e) => ::std::fmt::Display::fmt(e, f),
            }
        }
    }
    impl ::std::error::Error for #error_name {
        fn source(&self) -> #OPTION<&(dyn ::std::error::Error + 'static)> {
            match self {
                #(#arms_source)*
                Self::Unhandled(e) => #SOME(e),
            }
        }
    }
    }
}

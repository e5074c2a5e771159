//! Event streams: the `@streaming` unions, as typed events over the runtime's
//! framing (`smithy_codegen_runtime::event_stream`).
//!
//! The plan (`plan::event_streams`) decides, per union, which members are
//! events and which errors, and where each event member travels (a header,
//! the payload, or the JSON payload of the rest); this module writes it out. The
//! union's enum keeps its events plus an `Unknown` variant; its errors become
//! `types::error::<Union>Error`, as in aws-sdk-*.

use super::prelude::*;
use proc_macro2::TokenStream;
use quote::quote;

use super::structure::{fields, FieldKind};
use super::{docs, ident, names, Ctx, HomePaths};
use crate::ir::{Shape, ShapeId};
use crate::plan::{EventPlan, HeaderForm, HeaderPlan, HeaderScalar, PayloadForm, StreamPlan, TimestampJson};

/// The Rust path of the runtime module, as generated code names it.
const RUNTIME: &str = "::smithy_codegen_runtime::event_stream";

fn runtime() -> TokenStream {
    RUNTIME.parse().expect("a path")
}

/// Renders the union's enum and its `EventUnion` impl.
pub(crate) fn render_union(ctx: &Ctx, shape: &Shape) -> TokenStream {
    let_prelude!(ctx.prelude => OPTION, SOME, NONE, RESULT, OK, ERR);
    let plan = &ctx.plan.streams[&shape.id];
    let rt = runtime();
    let name = ident(&plan.name);
    let error_path = error_path(plan);
    let doc = match &shape.traits.documentation {
        Some(d) => docs::attrs(d),
        None => docs::lines_to_attrs(&format!("The events of the `{}` stream.", shape.id.name())),
    };
    let stream_doc = docs::lines_to_attrs(&format!(
        "\nAn event stream: [`EventDecoder`]({RUNTIME}::EventDecoder) decodes its frames into these \
         events (and [`{}`]({}) errors), [`EventEncoder`]({RUNTIME}::EventEncoder) writes them.",
        plan.error_name,
        error_link(plan)
    ));
    let mut variants = Vec::new();
    let mut accessors = Vec::new();
    let mut decode_arms = Vec::new();
    let mut encode_arms = Vec::new();
    for event in &plan.events {
        let member = shape.members().iter().find(|m| m.name == event.event_type).expect("planned from the members");
        let ty = ctx.homes[&event.target].path();
        let variant = ident(&event.variant);
        let vdoc = match member.traits.documentation.as_ref().or(ctx.shape(&event.target).traits.documentation.as_ref())
        {
            Some(d) => docs::attrs(d),
            None => docs::lines_to_attrs(&format!("The `{}` event.", event.event_type)),
        };
        variants.push(quote!(#vdoc #variant(#ty),));
        let as_fn = ident(&format!("as_{}", names::snake(&event.variant)));
        let is_fn = ident(&format!("is_{}", names::snake(&event.variant)));
        let as_doc =
            docs::lines_to_attrs(&format!("The `{}` event, or `Err(self)` for another one.", event.event_type));
        let is_doc = docs::lines_to_attrs(&format!("Whether this is a `{}` event.", event.event_type));
        accessors.push(quote! {
            #as_doc
            pub fn #as_fn(&self) -> #RESULT<&#ty, &Self> {
                if let #name::#variant(value) = self { #OK(value) } else { #ERR(self) }
            }
            #is_doc
            pub fn #is_fn(&self) -> bool {
                self.#as_fn().is_ok()
            }
        });
        let event_type = &event.event_type;
        let decode = decode_event(ctx, event, &ty);
        decode_arms.push(quote!(#event_type => Self::#variant(#decode),));
        let encode = encode_event(ctx, event);
        // An event without members writes nothing of it.
        let binding = if event.headers.is_empty() && event.payload.is_none() && event.body_json_names.is_empty() {
            quote!(_)
        } else {
            quote!(event)
        };
        encode_arms.push(quote!(Self::#variant(#binding) => #encode,));
    }
    // A union without events knows no event type.
    let decode_body = if plan.events.is_empty() {
        quote! {
            let _ = (event_type, message);
            #OK(#NONE)
        }
    } else {
        quote! {
            #OK(#SOME(match event_type {
                #(#decode_arms)*
                _ => return #OK(#NONE),
            }))
        }
    };
    quote! {
        #doc
        #stream_doc
        #[non_exhaustive]
        #[derive(Debug, Clone, PartialEq)]
        pub enum #name {
            #(#variants)*
            /// An event of a type this version of the crate does not know, kept
            /// with its type and whole message (re-encoded byte for byte).
            Unknown(#rt::UnknownEvent),
        }
        impl #name {
            #(#accessors)*
            /// Whether the event is of a type this version does not know.
            pub fn is_unknown(&self) -> bool {
                ::std::matches!(self, Self::Unknown(_))
            }
        }
        impl #rt::EventUnion for #name {
            type Error = #error_path;
            #[inline]
            fn decode_event(
                event_type: &str,
                message: &#rt::Message<'_>,
            ) -> #RESULT<#OPTION<Self>, #rt::EventDecodeError> {
                #decode_body
            }
            fn from_unknown(event: #rt::UnknownEvent) -> Self {
                Self::Unknown(event)
            }
            fn encode_event(&self) -> #RESULT<#rt::Message<'static>, #rt::EncodeError> {
                match self {
                    #(#encode_arms)*
                    Self::Unknown(event) => #OK(event.message().clone()),
                }
            }
        }
    }
}

fn error_path(plan: &StreamPlan) -> TokenStream {
    let name = ident(&plan.error_name);
    quote!(crate::types::error::#name)
}

fn error_link(plan: &StreamPlan) -> String {
    format!("crate::types::error::{}", plan.error_name)
}

/// The expression that reads one event's structure from `message`.
fn decode_event(ctx: &Ctx, event: &EventPlan, ty: &TokenStream) -> TokenStream {
    let_prelude!(ctx.prelude => SOME, NONE, BOX);
    let rt = runtime();
    let event_type = &event.event_type;
    let target = ctx.shape(&event.target);
    let Some((payload_field, form)) = &event.payload else {
        // The JSON payload holds every member but the headers; required
        // headers get a placeholder there, overwritten below.
        let placeholders = event.headers.iter().filter(|h| h.kind == FieldKind::Required).map(|h| {
            let json_name = &h.json_name;
            let value = placeholder(&h.form);
            quote!((#json_name, #value))
        });
        let mut sets = Vec::new();
        for h in &event.headers {
            let field = ident(&h.field);
            let read = read_header(ctx, h);
            sets.push(match &h.kind {
                FieldKind::Required | FieldKind::Optional => quote!(event.#field = #read;),
                FieldKind::Default(_) => quote!(if let #SOME(value) = #read { event.#field = value; }),
            });
        }
        let read = quote!(#rt::json_payload(message, #event_type, &[#(#placeholders),*])?);
        if event.headers.is_empty() {
            return read;
        }
        return quote!({
            let mut event: #ty = #read;
            #(#sets)*
            event
        });
    };
    // With an `@eventPayload`, every other member is a header.
    let target_fields = fields(ctx, target);
    let field_named = |name: &str| target_fields.iter().find(|f| f.name == name).expect("a planned field");
    let mut inits = Vec::new();
    for h in &event.headers {
        let field = ident(&h.field);
        let read = read_header(ctx, h);
        let value = match &h.kind {
            FieldKind::Optional | FieldKind::Required => read,
            FieldKind::Default(_) => {
                let default = field_named(&h.field).default_value(ctx.prelude);
                quote!(#read.unwrap_or_else(|| #default))
            }
        };
        inits.push(quote!(#field: #value,));
    }
    let f = field_named(payload_field);
    let target_ty = &f.target_ty;
    let read = match form {
        PayloadForm::Blob => quote!(crate::primitives::Blob::new(message.payload())),
        PayloadForm::Text { is_enum: false } => quote!(#rt::text_payload(message, #event_type)?),
        PayloadForm::Text { is_enum: true } => {
            quote!(<#target_ty>::from(#rt::text_payload(message, #event_type)?.as_str()))
        }
        PayloadForm::Json => quote!(#rt::json_member::<#target_ty>(message, #event_type)?),
    };
    let read = if f.boxed { quote!(#BOX::new(#read)) } else { read };
    let read = match (&f.kind, form) {
        // An empty payload is an absent member, except for bytes (as aws-sdk-* reads them).
        (FieldKind::Optional, PayloadForm::Blob) => quote!(#SOME(#read)),
        (FieldKind::Optional, _) => quote!(if message.payload().is_empty() { #NONE } else { #SOME(#read) }),
        _ => read,
    };
    let field = ident(payload_field);
    inits.push(quote!(#field: #read,));
    quote!(#ty { #(#inits)* })
}

/// A header's value as its member holds it: `Option<T>`, or `T` when required.
fn read_header(ctx: &Ctx, h: &HeaderPlan) -> TokenStream {
    let_prelude!(ctx.prelude => STRING);
    let rt = runtime();
    let header = &h.header;
    let required = h.kind == FieldKind::Required;
    match &h.form {
        HeaderForm::IntEnum(target) => {
            let ty = ctx.homes[target].path();
            if required {
                quote!(#ty(#rt::required_header(message, #header, event_type)?))
            } else {
                quote!(#rt::header(message, #header, event_type)?.map(#ty))
            }
        }
        HeaderForm::Value(_) if required => quote!(#rt::required_header(message, #header, event_type)?),
        HeaderForm::Value(_) => quote!(#rt::header(message, #header, event_type)?),
        HeaderForm::Enum if required => {
            quote!(#rt::required_header::<#STRING>(message, #header, event_type)?.as_str().into())
        }
        HeaderForm::Enum => {
            quote!(#rt::header::<#STRING>(message, #header, event_type)?.map(|value| value.as_str().into()))
        }
    }
}

/// A JSON value that a required header member's serde accepts.
fn placeholder(form: &HeaderForm) -> TokenStream {
    match form {
        HeaderForm::Value(HeaderScalar::Bool) => quote!(::serde_json::Value::Bool(false)),
        HeaderForm::Value(
            HeaderScalar::Byte
            | HeaderScalar::Short
            | HeaderScalar::Integer
            | HeaderScalar::Long
            | HeaderScalar::Timestamp(TimestampJson::EpochSeconds),
        )
        | HeaderForm::IntEnum(_) => quote!(::serde_json::Value::from(0)),
        HeaderForm::Value(HeaderScalar::Timestamp(TimestampJson::DateTime)) => {
            quote!(::serde_json::Value::from("1970-01-01T00:00:00Z"))
        }
        HeaderForm::Value(HeaderScalar::Timestamp(TimestampJson::HttpDate)) => {
            quote!(::serde_json::Value::from("Thu, 01 Jan 1970 00:00:00 GMT"))
        }
        HeaderForm::Value(HeaderScalar::Blob | HeaderScalar::String) | HeaderForm::Enum => {
            quote!(::serde_json::Value::from(""))
        }
    }
}

/// The expression that writes `event` (a reference to the event's structure) as a message.
fn encode_event(ctx: &Ctx, event: &EventPlan) -> TokenStream {
    let_prelude!(ctx.prelude => SOME, NONE, VEC);
    let rt = runtime();
    let event_type = &event.event_type;
    let headers = event.headers.iter().map(|h| {
        let field = ident(&h.field);
        let header = &h.header;
        let value = match &h.form {
            HeaderForm::Value(_) => quote!(#rt::HeaderType::to_header(value)),
            HeaderForm::Enum => quote!(value.as_str()),
            HeaderForm::IntEnum(_) => quote!(value.0),
        };
        match &h.kind {
            FieldKind::Optional => quote! {
                if let #SOME(value) = &event.#field {
                    builder = builder.header(#header, #value);
                }
            },
            _ => quote! {
                let value = &event.#field;
                builder = builder.header(#header, #value);
            },
        }
    });
    let (content_type, payload) = match &event.payload {
        // Headers only: no payload, and no `:content-type` (as the suite's frames have it).
        None if event.body_json_names.is_empty() => (None, None),
        None => {
            let names = &event.body_json_names;
            if event.headers.is_empty() {
                (Some("application/json"), Some(quote!(#rt::to_json(event)?)))
            } else {
                (Some("application/json"), Some(quote!(#rt::json_members(event, &[#(#names),*])?)))
            }
        }
        Some((field, form)) => {
            let id = ident(field);
            let f = fields(ctx, ctx.shape(&event.target)).into_iter().find(|f| &f.name == field).expect("a field");
            let (content_type, bytes) = match form {
                PayloadForm::Blob => ("application/octet-stream", quote!(value.as_bytes().to_vec())),
                PayloadForm::Text { is_enum: false } => ("text/plain", quote!(value.as_bytes().to_vec())),
                PayloadForm::Text { is_enum: true } => ("text/plain", quote!(value.as_str().as_bytes().to_vec())),
                PayloadForm::Json => ("application/json", quote!(#rt::to_json(value)?)),
            };
            let bytes = match f.kind {
                FieldKind::Optional => quote!(match &event.#id { #SOME(value) => #bytes, #NONE => #VEC::new() }),
                _ => quote!({ let value = &event.#id; #bytes }),
            };
            (Some(content_type), Some(bytes))
        }
    };
    let content_type = match content_type {
        Some(content_type) => quote!(#SOME(#content_type)),
        None => quote!(#NONE),
    };
    let start = quote!(#rt::event_message(#event_type, #content_type));
    let end = match payload {
        Some(payload) => quote!(.payload(#payload).build()),
        None => quote!(.build()),
    };
    if event.headers.is_empty() {
        return quote!(#start #end);
    }
    quote!({
        let mut builder = #start;
        #(#headers)*
        builder #end
    })
}

/// The `<Union>Error` enums of every `@streaming` union whose home is in
/// `types`: they live in `types::error`.
pub(crate) fn render_errors(ctx: &Ctx) -> Vec<TokenStream> {
    ctx.plan.streams.values().map(|plan| render_error(ctx, plan)).collect()
}

fn render_error(ctx: &Ctx, plan: &StreamPlan) -> TokenStream {
    let_prelude!(ctx.prelude => OPTION, SOME, NONE, RESULT, OK);
    let rt = runtime();
    let name = ident(&plan.error_name);
    let doc = docs::lines_to_attrs(&format!(
        "The errors that end a [`{}`](crate::types::{}) stream: its modeled errors, and `Unhandled`\n\
         for errors the model does not describe (`:message-type error`, or an exception type\n\
         this version does not know).",
        plan.name, plan.name
    ));
    let mut variants = Vec::new();
    let mut decode_arms = Vec::new();
    let mut encode_arms = Vec::new();
    let mut display_arms = Vec::new();
    for error in &plan.errors {
        let ty = ctx.homes[&error.target].path();
        let variant = ident(&error.variant);
        let vdoc = docs::lines_to_attrs(&format!("The `{}` error.", error.exception_type));
        variants.push(quote!(#vdoc #variant(#ty),));
        let exception_type = &error.exception_type;
        decode_arms.push(quote!(#exception_type => Self::#variant(#rt::json_member(message, exception_type)?),));
        encode_arms.push(quote!(Self::#variant(error) => #rt::exception_message(#exception_type, error),));
        display_arms.push(quote!(Self::#variant(error) => ::std::fmt::Display::fmt(error, f),));
    }
    // A stream without modeled errors knows no exception type.
    let decode_body = if plan.errors.is_empty() {
        quote! {
            let _ = (exception_type, message);
            #OK(#NONE)
        }
    } else {
        quote! {
            #OK(#SOME(match exception_type {
                #(#decode_arms)*
                _ => return #OK(#NONE),
            }))
        }
    };
    quote! {
        #doc
        #[non_exhaustive]
        #[derive(Debug, Clone, PartialEq)]
        pub enum #name {
            #(#variants)*
            /// An error the model does not describe, with its code and message.
            Unhandled(#rt::UnmodeledError),
        }
        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match self {
                    #(#display_arms)*
                    Self::Unhandled(error) => ::std::fmt::Display::fmt(error, f),
                }
            }
        }
        impl ::std::error::Error for #name {}
        impl #rt::EventUnionError for #name {
            fn decode_exception(
                exception_type: &str,
                message: &#rt::Message<'_>,
            ) -> #RESULT<#OPTION<Self>, #rt::EventDecodeError> {
                #decode_body
            }
            fn unhandled(error: #rt::UnmodeledError) -> Self {
                Self::Unhandled(error)
            }
            fn encode_error(&self) -> #RESULT<#rt::Message<'static>, #rt::EncodeError> {
                match self {
                    #(#encode_arms)*
                    Self::Unhandled(error) => error.encode(),
                }
            }
        }
    }
}

/// The crate's `event_stream` module, for a closure with event streams: the
/// runtime's decoder, encoder and error types, re-exported so that users need
/// no dependency of their own on the runtime crate.
pub(crate) fn runtime_module(ctx: &Ctx) -> Option<TokenStream> {
    let has_streams = !ctx.plan.streams.is_empty();
    let rt = runtime();
    has_streams.then(|| {
        quote! {
            /// Event streams: [`EventDecoder`](crate::event_stream::EventDecoder) reads the
            /// frames of a `@streaming` member into its union's events,
            /// [`EventEncoder`](crate::event_stream::EventEncoder) writes them (both sans-IO).
            pub mod event_stream {
                pub use #rt::{
                    EncodeError, EventDecodeError, EventDecoder, EventEncoder, EventStreamError, HeaderValue,
                    Message, UnknownEvent, UnmodeledError,
                };
            }
        }
    })
}

/// Whether the error structure `id` is only ever an event-stream error (a
/// member of a `@streaming` union), never an operation's or the service's:
/// then it has no HTTP error glue, which nothing would call.
pub(crate) fn is_only_a_stream_error(ctx: &Ctx, id: &ShapeId) -> bool {
    ctx.plan.stream_only_errors.contains(id)
}

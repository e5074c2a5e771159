//! The server side: parsing requests into inputs, and writing responses.

use super::bindings::{Binding, BodyTypes};
use super::decode::{DecodeArgs, DecodeInputs};
use super::encode::{encode_body, encode_payload};
use crate::render::prelude::*;
use crate::render::structure::Field;
use crate::render::Ctx;
use proc_macro2::TokenStream;
use quote::quote;

/// A response body: the payload member (with its content type), else the
/// JSON of the body members, else `{}`.
pub(super) fn response_body(
    ctx: &Ctx,
    bound: &[(Field, Binding)],
    types: &Option<BodyTypes>,
) -> (TokenStream, Option<String>) {
    if let Some((body, content_type)) = encode_payload(ctx, bound, false) {
        return (body, Some(content_type));
    }
    (encode_body(bound, types).unwrap_or_else(|| quote!(b"{}".to_vec())), None)
}

/// A JSON response with `status`, the error code `code` (an `Option<&str>`
/// expression), the body, and the headers that `header_statements` insert
/// into `headers`.
pub(super) fn response(
    status: TokenStream,
    code: TokenStream,
    (body, content_type): (TokenStream, Option<String>),
    header_statements: Vec<TokenStream>,
) -> TokenStream {
    let content_type = content_type
        .map(|ct| quote!(headers.insert(::http::header::CONTENT_TYPE, ::http::HeaderValue::from_static(#ct));));
    if content_type.is_none() && header_statements.is_empty() {
        return quote!(::smithy_codegen_runtime::response::json_response(#status, #code, #body));
    }
    quote! {
        let mut response = ::smithy_codegen_runtime::response::json_response(#status, #code, #body);
        let headers = response.headers_mut();
        #content_type
        #(#header_statements)*
        response
    }
}

/// The body of `decode_http_request` after the method check: match the path,
/// read what the input's members need (labels, query), decode them, then give
/// the members the request left out their model default (see
/// [`crate::plan::Plan::unset_default`]), so that a handler sees the same value
/// whether or not the client sent it.
pub(super) fn decode_request(
    op_ident: &proc_macro2::Ident,
    input_bound: &[(Field, Binding)],
    style: PreludeStyle,
) -> TokenStream {
    let_prelude!(style => OK, ERR);
    let reads = DecodeInputs::of(input_bound);
    let labels = if reads.labels {
        quote! {
            let labels = ::smithy_codegen_runtime::uri::match_path(#op_ident::PATH, request.uri().path()).ok_or_else(path_mismatch)?;
        }
    } else {
        quote! {
            if ::smithy_codegen_runtime::uri::match_path(#op_ident::PATH, request.uri().path()).is_none() {
                return #ERR(path_mismatch());
            }
        }
    };
    let query = if reads.query {
        quote!(let query = ::smithy_codegen_runtime::uri::parse_query(request.uri().query());)
    } else {
        quote!()
    };
    let args = reads.args(DecodeArgs {
        status: quote!(0),
        labels: quote!(&labels),
        query: quote!(&query),
        headers: quote!(request.headers()),
        body: quote!(request.body().as_ref()),
    });
    let decode = quote!(Self::decode_http(#args));
    let mut fills = Vec::new();
    for (f, _) in input_bound {
        let Some(default) = &f.unset_default else { continue };
        let id = &f.ident;
        let value = f.default_value(style);
        fills.push(if default.is_number() || default.is_boolean() {
            quote!(input.#id.get_or_insert(#value);)
        } else if f.zero_default {
            quote!(input.#id.get_or_insert_default();)
        } else {
            quote!(input.#id.get_or_insert_with(|| #value);)
        });
    }
    let decode = if fills.is_empty() {
        decode
    } else {
        quote! {
            let mut input = #decode?;
            #(#fills)*
            #OK(input)
        }
    };
    quote! {
        #labels
        #query
        #decode
    }
}

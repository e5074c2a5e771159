//! The client side: the statements that build a request (path, query,
//! headers and body) and fill in idempotency tokens.

use super::bindings::{scalar_kind, to_str, to_text, Binding, LiteralQuery, ScalarKind, UriSegment};
use crate::render::prelude::*;
use crate::render::structure::{Field, FieldKind};
use crate::render::types::Repr;
use proc_macro2::TokenStream;
use quote::quote;

/// A request body expression, and whether the request states its length.
pub(super) enum RequestBody {
    /// No member travels in the body: no body, no `Content-Length`.
    None,
    /// A JSON body, never empty.
    Json(TokenStream),
    /// A payload member's bytes, empty when it is unset.
    Payload(TokenStream),
    /// The head of an event stream: the frames follow, of unknown length.
    Stream(TokenStream),
}

/// The statements of `to_http_request` after the path: the query (none when
/// nothing can be in it), then the request with its headers and body.
///
/// The request holds its whole body, so it states its `Content-Length` (as
/// the AWS SDKs do); HTTP clients (ureq, hyper) keep the one they are given.
pub(super) fn request_statements(
    method: &TokenStream,
    query_build: &QueryBuild,
    headers: &[TokenStream],
    body: RequestBody,
    style: PreludeStyle,
) -> (TokenStream, TokenStream) {
    let_prelude!(style => VEC);
    let QueryBuild { literal_pairs, pushes } = query_build;
    let pair_ty = quote!(#VEC<(::std::borrow::Cow<'_, str>, ::std::borrow::Cow<'_, str>)>);
    // The URI's literal pairs start the vector (pushing them onto an empty one
    // is clippy's `vec_init_then_push`); `mut` only where members push more.
    let declare = match (literal_pairs.is_empty(), pushes.is_empty()) {
        (true, true) => None,
        (true, false) => Some(quote!(let mut query: #pair_ty = #VEC::new();)),
        (false, true) => Some(quote!(let query: #pair_ty = vec![#(#literal_pairs),*];)),
        (false, false) => Some(quote!(let mut query: #pair_ty = vec![#(#literal_pairs),*];)),
    };
    let query = match declare {
        None => quote!(),
        Some(declare) => quote! {
            #declare
            #(#pushes)*
            for (i, (k, v)) in query.iter().enumerate() {
                uri.push(if i == 0 { '?' } else { '&' });
                ::smithy_codegen_runtime::uri::push_query_component(&mut uri, k);
                uri.push('=');
                ::smithy_codegen_runtime::uri::push_query_component(&mut uri, v);
            }
        },
    };
    let length = quote!(builder = builder.header(::http::header::CONTENT_LENGTH, body.len()););
    let (body, length) = match body {
        RequestBody::None => (quote!(#VEC::new()), None),
        RequestBody::Json(body) => (body, Some(length)),
        RequestBody::Payload(body) => (body, Some(quote!(if !body.is_empty() { #length }))),
        RequestBody::Stream(body) => (body, None),
    };
    let request = match length {
        None if headers.is_empty() => quote!(::http::Request::builder().method(#method).uri(uri).body(#body)),
        None => quote! {
            let mut builder = ::http::Request::builder().method(#method).uri(uri);
            #(#headers)*
            builder.body(#body)
        },
        Some(length) => quote! {
            let body = #body;
            let mut builder = ::http::Request::builder().method(#method).uri(uri);
            #(#headers)*
            #length
            builder.body(body)
        },
    };
    (query, request)
}

/// Statements that append the path to `uri`: literal segments, and labels
/// percent-encoded from the input's members.
pub(super) fn uri_statements(segments: &[UriSegment], label_order: &[&Field]) -> Vec<TokenStream> {
    let mut uri_build = Vec::new();
    for (literal, label, greedy) in segments {
        uri_build.push(quote!(uri.push('/');));
        match label {
            None => uri_build.push(quote!(uri.push_str(#literal);)),
            Some(name) => {
                let f = label_order.iter().find(|f| &f.member.name == name).expect("checked");
                let kind = scalar_kind(f).clone();
                let id = &f.ident;
                let text = to_str(&kind, quote!(self.#id));
                uri_build.push(quote!(::smithy_codegen_runtime::uri::push_label(&mut uri, #text, #greedy);));
            }
        }
    }
    if segments.is_empty() {
        uri_build.push(quote!(uri.push('/');));
    }
    uri_build
}

/// How a request's query is built: the URI's literal pairs, which the vector
/// starts with, then the statements that push the `httpQueryParams` maps'
/// and the `httpQuery` members' pairs onto `query`.
pub(super) struct QueryBuild {
    pub literal_pairs: Vec<TokenStream>,
    pub pushes: Vec<TokenStream>,
}

/// The query of a request (see [`QueryBuild`]).
pub(super) fn query_statements(
    literal_query: &LiteralQuery,
    input_bound: &[(Field, Binding)],
    style: PreludeStyle,
) -> QueryBuild {
    let_prelude!(style => SOME);
    let literal_pairs = literal_query
        .iter()
        .map(|(k, v)| quote!((::std::borrow::Cow::Borrowed(#k), ::std::borrow::Cow::Borrowed(#v))))
        .collect();
    let mut query_build = Vec::new();
    for (f, b) in input_bound {
        if *b == Binding::QueryParams {
            query_build.push(query_params_statement(f, style));
            continue;
        }
        let Binding::Query(key) = b else { continue };
        let id = &f.ident;
        let kind = scalar_kind(f).clone();
        let push = match &kind {
            ScalarKind::ListOf(inner) => {
                let t = to_text(inner, quote!(item));
                quote!(for item in v.iter() { query.push((::std::borrow::Cow::Borrowed(#key), #t)); })
            }
            k => {
                let t = to_text(k, quote!(v));
                quote!(query.push((::std::borrow::Cow::Borrowed(#key), #t));)
            }
        };
        query_build.push(if f.kind == FieldKind::Optional {
            quote!(if let #SOME(v) = &self.#id { #push })
        } else {
            quote!({ let v = &self.#id; #push })
        });
    }
    QueryBuild { literal_pairs, pushes: query_build }
}

/// The statement that pushes an `httpQueryParams` map's pairs (a map of lists
/// repeats its key).
fn query_params_statement(f: &Field, style: PreludeStyle) -> TokenStream {
    let_prelude!(style => SOME);
    let id = &f.ident;
    let push = if f.map_of_lists {
        quote!(for (k, values) in map.iter() {
            for v in values {
                query.push((::std::borrow::Cow::Borrowed(k.as_str()), ::std::borrow::Cow::Borrowed(v.as_str())));
            }
        })
    } else {
        quote!(for (k, v) in map.iter() {
            query.push((::std::borrow::Cow::Borrowed(k.as_str()), ::std::borrow::Cow::Borrowed(v.as_str())));
        })
    };
    if f.kind == FieldKind::Optional {
        quote!(if let #SOME(map) = &self.#id { #push })
    } else {
        quote!({ let map = &self.#id; #push })
    }
}

/// Idempotency tokens the caller left empty are filled in from `tokens`, as
/// the SDKs do; `rebuild` is the call that builds the filled-in copy's request.
pub(super) fn fill_idempotency_tokens(
    input_bound: &[(Field, Binding)],
    rebuild: &TokenStream,
    style: PreludeStyle,
) -> Vec<TokenStream> {
    let_prelude!(style => SOME);
    input_bound
        .iter()
        .filter(|(f, _)| f.member.traits.idempotency_token && f.kind == FieldKind::Optional && f.repr == Repr::String)
        .map(|(f, _)| {
            let id = &f.ident;
            quote! {
                if self.#id.is_none() {
                    let mut filled = self.clone();
                    filled.#id = #SOME(tokens.make_idempotency_token());
                    return filled.#rebuild;
                }
            }
        })
        .collect()
}

//! The client side: the statements that build a request.

use crate::render::prelude::*;
use proc_macro2::TokenStream;
use quote::quote;

/// The statements of `to_http_request` after the path: the query (none when
/// nothing can be in it), then the request with its headers and body.
pub(super) fn request_statements(
    method: &TokenStream,
    query_build: &[TokenStream],
    headers: &[TokenStream],
    body: TokenStream,
) -> (TokenStream, TokenStream) {
    let query = if query_build.is_empty() {
        quote!()
    } else {
        quote! {
            let mut query: #VEC<(::std::borrow::Cow<'_, str>, ::std::borrow::Cow<'_, str>)> = #VEC::new();
            #(#query_build)*
            for (i, (k, v)) in query.iter().enumerate() {
                uri.push(if i == 0 { '?' } else { '&' });
                ::smithy_codegen_runtime::uri::push_query_component(&mut uri, k);
                uri.push('=');
                ::smithy_codegen_runtime::uri::push_query_component(&mut uri, v);
            }
        }
    };
    let request = if headers.is_empty() {
        quote!(::http::Request::builder().method(#method).uri(uri).body(#body))
    } else {
        quote! {
            let mut builder = ::http::Request::builder().method(#method).uri(uri);
            #(#headers)*
            builder.body(#body)
        }
    };
    (query, request)
}

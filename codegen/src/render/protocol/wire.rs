//! The client's steps after the bindings: the host prefix as a request
//! extension, gzip, `Content-MD5`; and the server's media type checks and
//! inflating of gzip bodies.

use super::bindings::Binding;
use crate::plan::{BodyMediaType, HostPrefixPart, WirePlan};
use crate::render::prelude::*;
use crate::render::structure::Field;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// Statements (with `request` in scope, mutable) that store the operation's
/// expanded host prefix in the request's extensions; each label's value must
/// be a valid host label.
pub(super) fn host_prefix_statements(
    wire: &WirePlan,
    input_bound: &[(Field, Binding)],
    style: PreludeStyle,
) -> TokenStream {
    let_prelude!(style => STRING);
    let Some(parts) = &wire.host_prefix else { return quote!() };
    // Literal text cannot hold `{` or `}` (they delimit labels), so it is a
    // format string as is; each label's checked value is a local first.
    let label_count = parts.iter().filter(|p| matches!(p, HostPrefixPart::Label(_))).count();
    let mut template = String::new();
    let mut checks = Vec::new();
    for part in parts {
        match part {
            HostPrefixPart::Literal(text) => template.push_str(text),
            HostPrefixPart::Label(position) => {
                let (field, _) = &input_bound[*position];
                let (id, member) = (&field.ident, field.member.name.as_str());
                let local = if label_count == 1 { "label".to_string() } else { format!("label_{}", checks.len() + 1) };
                template.push_str(&format!("{{{local}}}"));
                let local = format_ident!("{}", local);
                checks.push(quote!(let #local = ::smithy_codegen_runtime::endpoint::host_label(#member, &self.#id)?;));
            }
        }
    }
    let prefix = if checks.is_empty() { quote!(#STRING::from(#template)) } else { quote!(format!(#template)) };
    quote! {
        #(#checks)*
        let host_prefix = ::smithy_codegen_runtime::endpoint::HostPrefix::new(#prefix);
        request.extensions_mut().insert(host_prefix);
    }
}

/// Statements (with `request` in scope, mutable, and `compression` for gzip
/// operations) that compress the body, then add its `Content-MD5`: the
/// checksum is of the body as sent.
pub(super) fn finish_statements(wire: &WirePlan) -> Vec<TokenStream> {
    let mut out = Vec::new();
    if wire.gzip_regardless_of_size {
        out.push(quote!(
            ::smithy_codegen_runtime::compression::gzip_request(&mut request, &compression.regardless_of_size());
        ));
    } else if wire.gzip_requests {
        out.push(quote!(::smithy_codegen_runtime::compression::gzip_request(&mut request, compression);));
    }
    if wire.content_md5 {
        out.push(quote!(::smithy_codegen_runtime::checksum::add_content_md5(&mut request);));
    }
    out
}

/// Statements of `from_http_request` (with `request` in scope) that refuse
/// an `Accept` the response cannot satisfy (406) and a `Content-Type` other
/// than the input's (415), as the operation's `Unhandled` error.
pub(super) fn media_type_checks(wire: &WirePlan, error_ident: &proc_macro2::Ident, style: PreludeStyle) -> TokenStream {
    let_prelude!(style => SOME, NONE);
    let as_tokens = |media_type: Option<&str>| match media_type {
        Some(media_type) => quote!(#SOME(#media_type)),
        None => quote!(#NONE),
    };
    let accept = (wire.response_media_type != BodyMediaType::Unchecked).then(|| {
        let produced = as_tokens(wire.response_media_type.as_option());
        quote! {
            ::smithy_codegen_runtime::media_type::check_accept(request.headers(), #produced).map_err(#error_ident::Unhandled)?;
        }
    });
    let content_type = (wire.request_media_type != BodyMediaType::Unchecked).then(|| {
        let expected = as_tokens(wire.request_media_type.as_option());
        quote! {
            ::smithy_codegen_runtime::media_type::check_content_type(request.headers(), request.body().as_ref(), #expected)
                .map_err(#error_ident::Unhandled)?;
        }
    });
    quote!(#accept #content_type)
}

/// The statement of `from_http_request` that decodes `input`: through
/// [`gunzip_request`] first for operations that compress their requests, so
/// that a gzip body (`Content-Encoding` ending in `gzip`) is read inflated.
/// `fail_decode` turns a message into the operation's error.
///
/// [`gunzip_request`]: https://docs.rs/smithy-codegen-runtime/latest/smithy_codegen_runtime/compression/fn.gunzip_request.html
pub(super) fn decode_input(wire: &WirePlan, fail_decode: &TokenStream, style: PreludeStyle) -> TokenStream {
    let_prelude!(style => SOME, NONE);
    if !wire.gzip_requests {
        return quote!(let input = Self::decode_http_request(request).map_err(#fail_decode)?;);
    }
    quote! {
        let inflated = ::smithy_codegen_runtime::compression::gunzip_request(request).map_err(#fail_decode)?;
        let decoded = match &inflated {
            #SOME(inflated) => Self::decode_http_request(inflated),
            #NONE => Self::decode_http_request(request),
        };
        let input = decoded.map_err(#fail_decode)?;
    }
}

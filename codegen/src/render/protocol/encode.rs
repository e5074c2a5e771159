//! Writing members into an HTTP message: JSON bodies, payloads and headers,
//! shared by requests (client) and responses (server).

use super::bindings::{scalar_kind, to_str, to_text, Binding, BodyTypes, PayloadKind, ScalarKind};
use crate::render::prelude::*;
use crate::render::structure::{Field, FieldKind};
use crate::render::Ctx;
use proc_macro2::TokenStream;
use quote::quote;

/// An expression of the encoded JSON body (`Vec<u8>`) of `self`; `None` when
/// no member travels in the body.
pub(super) fn encode_body(bound: &[(Field, Binding)], types: &Option<BodyTypes>) -> Option<TokenStream> {
    let body_count = bound.iter().filter(|(_, b)| *b == Binding::Body).count();
    if body_count == 0 {
        return None;
    }
    Some(match types {
        None => quote!(::smithy_codegen_runtime::response::encode_json(self)),
        Some(t) => {
            let name = &t.borrowed_name;
            let inits = bound.iter().filter(|(_, b)| *b == Binding::Body).map(|(f, _)| {
                let id = &f.ident;
                if f.kind == FieldKind::Optional {
                    quote!(#id: self.#id.as_ref(),)
                } else {
                    quote!(#id: &self.#id,)
                }
            });
            quote!(::smithy_codegen_runtime::response::encode_json(&#name { #(#inits)* }))
        }
    })
}

/// The payload member's body expression and content type, if the structure
/// has one. An unset structure payload is `{}` in a request and no body in a
/// response, as the restJson1 suite expects
/// (`RestJsonHttpWithEmptyStructurePayload`,
/// `RestJsonHttpPayloadWithStructureAndEmptyResponseBody`).
pub(super) fn encode_payload(ctx: &Ctx, bound: &[(Field, Binding)], request: bool) -> Option<(TokenStream, String)> {
    let_prelude!(ctx.prelude => SOME, NONE, VEC);
    let (f, _) = bound.iter().find(|(_, b)| *b == Binding::Payload)?;
    let id = &f.ident;
    let target = ctx.shape(&f.member.target);
    let bytes = match f.payload {
        PayloadKind::Json { .. } | PayloadKind::Document => quote!(::smithy_codegen_runtime::response::encode_json(v)),
        PayloadKind::Blob => quote!(v.as_bytes().to_vec()),
        // The frames follow the head, written by the stream's `EventEncoder`.
        PayloadKind::EventStream => quote!({ let _ = v; #VEC::new() }),
        PayloadKind::Text { .. } => quote!(v.as_str().as_bytes().to_vec()),
    };
    let content_type = crate::plan::payload_media_type(f.payload, Some(target));
    let unset = match f.payload {
        PayloadKind::Json { structure: true } if request => quote!(b"{}".to_vec()),
        _ => quote!(#VEC::new()),
    };
    let body = if f.kind == FieldKind::Optional {
        quote!(match &self.#id { #SOME(v) => #bytes, #NONE => #unset })
    } else {
        quote!({ let v = &self.#id; #bytes })
    };
    Some((body, content_type))
}

/// Header statements: `add(name, value)` for every bound header. A value that
/// HTTP cannot carry runs `on_error` (which sees the `ValidationError` as `e`),
/// or with `None` is left out: a response is still worth sending.
pub(super) fn encode_headers(
    bound: &[(Field, Binding)],
    on_error: Option<TokenStream>,
    add: &dyn Fn(TokenStream, TokenStream) -> TokenStream,
    style: PreludeStyle,
) -> Vec<TokenStream> {
    let_prelude!(style => SOME, OK, ERR, VEC);
    // `checked` is a `Result` of a header; `pattern` binds its `Ok` value.
    let use_header = |checked: TokenStream, pattern: TokenStream, added: TokenStream| match &on_error {
        Some(on_error) => quote! {
            match #checked {
                #OK(#pattern) => #added,
                #ERR(e) => #on_error,
            }
        },
        None => quote! {
            if let #OK(#pattern) = #checked {
                #added;
            }
        },
    };
    let mut out = Vec::new();
    for (f, b) in bound {
        if let Binding::PrefixHeaders(prefix) = b {
            let id = &f.ident;
            let member = f.member.name.as_str();
            let push = use_header(
                quote!(::smithy_codegen_runtime::validation::prefixed_header(#member, #prefix, k, v)),
                quote!((name, value)),
                add(quote!(name), quote!(value)),
            );
            let skips = bound_beside_prefix(bound, prefix);
            let push = if skips.is_empty() {
                quote!(for (k, v) in map.iter() { #push })
            } else {
                quote!(for (k, v) in map.iter() {
                    #(if #skips { continue; })*
                    #push
                })
            };
            out.push(if f.kind == FieldKind::Optional {
                quote!(if let #SOME(map) = &self.#id { #push })
            } else {
                quote!({ let map = &self.#id; #push })
            });
            continue;
        }
        let Binding::Header(name) = b else { continue };
        let lower = f.header.clone().unwrap_or_else(|| name.to_ascii_lowercase());
        let id = &f.ident;
        let member = f.member.name.as_str();
        let kind = scalar_kind(f).clone();
        let text = match &kind {
            ScalarKind::ListOf(inner) => {
                let item = match **inner {
                    // Quoted when they hold a comma or a quote.
                    ScalarKind::String | ScalarKind::Enum => {
                        quote!(::smithy_codegen_runtime::header_list::quote_item(item.as_str()))
                    }
                    _ => to_text(inner, quote!(item)),
                };
                quote!(&v.iter().map(|item| #item).collect::<#VEC<_>>().join(", "))
            }
            k => to_str(k, quote!(v)),
        };
        let push = use_header(
            quote!(::smithy_codegen_runtime::validation::header_value(#member, #text)),
            quote!(value),
            add(quote!(::http::HeaderName::from_static(#lower)), quote!(value)),
        );
        out.push(if f.kind == FieldKind::Optional {
            quote!(if let #SOME(v) = &self.#id { #push })
        } else {
            quote!({ let v = &self.#id; #push })
        });
    }
    out
}

/// Conditions on a prefix-headers entry `k` under which a member bound to
/// that very header is set: the member wins, rather than the header being
/// sent twice (the suite's `RestJsonHttpEmptyPrefixHeadersRequestClient`).
fn bound_beside_prefix(bound: &[(Field, Binding)], prefix: &str) -> Vec<TokenStream> {
    bound
        .iter()
        .filter_map(|(f, b)| {
            let Binding::Header(name) = b else { return None };
            let lower = f.header.clone().unwrap_or_else(|| name.to_ascii_lowercase());
            let suffix = lower.strip_prefix(prefix)?.to_string();
            let id = &f.ident;
            Some(if f.kind == FieldKind::Optional {
                quote!(self.#id.is_some() && k.eq_ignore_ascii_case(#suffix))
            } else {
                quote!(k.eq_ignore_ascii_case(#suffix))
            })
        })
        .collect()
}

pub(super) fn insert_header(name: TokenStream, value: TokenStream) -> TokenStream {
    quote!(headers.insert(#name, #value))
}

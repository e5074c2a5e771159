//! Reading members out of an HTTP message: one decode function per structure,
//! shared by responses (client) and requests (server).

use super::bindings::{from_text, scalar_kind, scalar_ty, Binding, BodyTypes, PayloadKind, ScalarKind};
use crate::plan::TimestampFormat;
use crate::render::prelude::*;
use crate::render::structure::{Field, FieldKind};
use crate::render::Home;
use proc_macro2::TokenStream;
use quote::quote;

/// Statements that decode the body into `body` (when there are body members)
/// and an initializer per field, reading labels from `labels`, headers from
/// `headers`, query pairs from `query`. Errors are `String`s naming the member.
pub(super) fn decode_fields(
    home: &Home,
    bound: &[(Field, Binding)],
    types: &Option<BodyTypes>,
    style: PreludeStyle,
) -> (TokenStream, Vec<TokenStream>) {
    let_prelude!(style => SOME, STRING);
    let what = &home.name;
    let body_count = bound.iter().filter(|(_, b)| *b == Binding::Body).count();
    let decode = match types {
        _ if body_count == 0 => quote!(),
        None => quote!(),
        Some(t) => {
            let name = &t.owned_name;
            quote!(let body: #name = ::smithy_codegen_runtime::json_body::decode_json(body, #what)?;)
        }
    };
    let mut inits = Vec::new();
    let mut label_index = 0usize;
    for (f, b) in bound {
        let id = &f.ident;
        let member = f.member.name.as_str();
        let ty_of_code = &f.target_ty;
        let init = match b {
            Binding::Payload => payload_init(what, f, style),
            Binding::ResponseCode => present(quote!(<#ty_of_code>::from(status)), f, style),
            Binding::PrefixHeaders(prefix) => {
                let missing = absent(f, style);
                let value = present(quote!(map), f, style);
                quote!({
                    let map: ::std::collections::HashMap<#STRING, #STRING> = headers
                        .iter()
                        .filter_map(|(name, value)| {
                            let key = name.as_str().strip_prefix(#prefix)?;
                            #SOME((key.to_owned(), value.to_str().ok()?.to_owned()))
                        })
                        .collect();
                    if map.is_empty() { #missing } else { #value }
                })
            }
            Binding::QueryParams => query_params_init(f, style),
            Binding::Body => {
                if types.is_some() {
                    quote!(body.#id)
                } else {
                    // Unreachable: all-body structures decode whole.
                    absent(f, style)
                }
            }
            Binding::Label => {
                let kind = scalar_kind(f).clone();
                let ty = scalar_ty(f);
                let value = present(from_text(&kind, &ty, member), f, style);
                let i = label_index;
                label_index += 1;
                quote!({
                    let s: &str = &labels[#i];
                    #value
                })
            }
            Binding::Header(name) => header_init(f, name, style),
            Binding::Query(key) => query_init(f, key, style),
        };
        inits.push(quote!(#id: #init,));
    }
    (decode, inits)
}

/// The value of a member the message leaves out: `None`, the model's
/// default, or an error naming a required member.
fn absent(f: &Field, style: PreludeStyle) -> TokenStream {
    let_prelude!(style => NONE, ERR, STRING, DEFAULT);
    let member = f.member.name.as_str();
    match &f.kind {
        FieldKind::Optional => quote!(#NONE),
        FieldKind::Required => {
            let msg = format!("{member}: required member is missing");
            quote!(return #ERR(#STRING::from(#msg)))
        }
        FieldKind::Default(_) => {
            if f.zero_default {
                quote!(#DEFAULT::default())
            } else {
                f.default_value(style)
            }
        }
    }
}

/// A value the message carries, wrapped in `Some` for an optional member.
fn present(value: TokenStream, f: &Field, style: PreludeStyle) -> TokenStream {
    let_prelude!(style => SOME);
    if f.kind == FieldKind::Optional {
        quote!(#SOME(#value))
    } else {
        value
    }
}

/// The payload member from the whole body: JSON, bytes or text.
fn payload_init(what: &str, f: &Field, style: PreludeStyle) -> TokenStream {
    let_prelude!(style => STRING, BOX);
    let member = f.member.name.as_str();
    let missing = absent(f, style);
    let ty = &f.target_ty;
    let what_member = format!("{what}.{member}");
    let decoded = match f.payload {
        PayloadKind::Json { .. } => {
            quote!(::smithy_codegen_runtime::json_body::decode_json::<#ty>(body, #what_member)?)
        }
        PayloadKind::Document => {
            quote!(::smithy_codegen_runtime::json_body::decode_json_value::<#ty>(body, #what_member)?)
        }
        PayloadKind::Blob => quote!(crate::primitives::Blob::new(body.to_vec())),
        // The body received so far (never "missing"); the caller feeds the rest as it arrives.
        PayloadKind::EventStream => {
            return quote!(::smithy_codegen_runtime::event_stream::EventDecoder::with_unread(body.to_vec()))
        }
        PayloadKind::Text { is_enum } => {
            let msg = format!("{member}: the body is not UTF-8 text");
            let text = quote!(::std::str::from_utf8(body).map_err(|_| #STRING::from(#msg))?);
            if is_enum {
                quote!(<#ty>::from(#text))
            } else {
                quote!(#text.to_owned())
            }
        }
    };
    let boxed = if f.boxed { quote!(#BOX::new(#decoded)) } else { decoded };
    let value = present(boxed, f, style);
    // An unset structure travels as `{}`: read it back as unset.
    let unset = match f.payload {
        PayloadKind::Json { structure: true } if f.kind == FieldKind::Optional => {
            quote!(::smithy_codegen_runtime::json_body::is_empty_object(body))
        }
        _ => quote!(body.is_empty()),
    };
    quote!(if #unset { #missing } else { #value })
}

/// An `httpQueryParams` map: every query pair, those that `httpQuery`
/// members bind included (as the restJson1 compliance suite expects servers to do).
fn query_params_init(f: &Field, style: PreludeStyle) -> TokenStream {
    let_prelude!(style => STRING, VEC);
    let missing = absent(f, style);
    let value = present(quote!(map), f, style);
    let collect = if f.map_of_lists {
        quote! {
            let mut map: ::std::collections::HashMap<#STRING, #VEC<#STRING>> = ::std::collections::HashMap::new();
            for (k, v) in query.iter() {
                map.entry(k.clone()).or_default().push(v.clone());
            }
        }
    } else {
        quote! {
            let mut map: ::std::collections::HashMap<#STRING, #STRING> = ::std::collections::HashMap::new();
            for (k, v) in query.iter() {
                map.entry(k.clone()).or_insert_with(|| v.clone());
            }
        }
    };
    quote!({
        #collect
        if map.is_empty() { #missing } else { #value }
    })
}

/// An `httpHeader` member: a scalar, or a comma-separated list.
fn header_init(f: &Field, name: &str, style: PreludeStyle) -> TokenStream {
    let_prelude!(style => SOME, NONE, VEC);
    let member = f.member.name.as_str();
    let kind = scalar_kind(f).clone();
    let ty = scalar_ty(f);
    let missing = absent(f, style);
    match &kind {
        ScalarKind::ListOf(inner) => {
            let parse = from_text(inner, &ty, member);
            let value = present(quote!(items), f, style);
            // Strings may be quoted (they can hold commas); HTTP dates hold a comma.
            let push = quote!(items.push(#parse););
            let read_items = match **inner {
                ScalarKind::String | ScalarKind::Enum => quote! {
                    for s in ::smithy_codegen_runtime::header_list::split(text) {
                        let s = s.as_str();
                        #push
                    }
                },
                ScalarKind::Timestamp(TimestampFormat::HttpDate) => quote! {
                    for s in ::smithy_codegen_runtime::header_list::split_http_dates(text) {
                        #push
                    }
                },
                _ => quote! {
                    for s in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                        #push
                    }
                },
            };
            quote!(match ::smithy_codegen_runtime::validation::header(headers, #name) {
                #SOME(text) => {
                    let mut items = #VEC::new();
                    #read_items
                    #value
                }
                #NONE => #missing,
            })
        }
        ScalarKind::String if f.kind == FieldKind::Optional => {
            quote!(::smithy_codegen_runtime::validation::header(headers, #name).map(str::to_owned))
        }
        ScalarKind::Enum if f.kind == FieldKind::Optional => {
            quote!(::smithy_codegen_runtime::validation::header(headers, #name).map(<#ty>::from))
        }
        _ => {
            let value = present(from_text(&kind, &ty, member), f, style);
            quote!(match ::smithy_codegen_runtime::validation::header(headers, #name) {
                #SOME(s) => #value,
                #NONE => #missing,
            })
        }
    }
}

/// An `httpQuery` member: the first value of its key, or every value for a list.
fn query_init(f: &Field, key: &str, style: PreludeStyle) -> TokenStream {
    let_prelude!(style => SOME, NONE, VEC);
    let member = f.member.name.as_str();
    let kind = scalar_kind(f).clone();
    let ty = scalar_ty(f);
    let missing = absent(f, style);
    match &kind {
        ScalarKind::ListOf(inner) => {
            let parse = from_text(inner, &ty, member);
            let value = present(quote!(items), f, style);
            quote!({
                let mut items = #VEC::new();
                for (_, s) in query.iter().filter(|(k, _)| k == #key) {
                    let s = s.as_str();
                    items.push(#parse);
                }
                if items.is_empty() { #missing } else { #value }
            })
        }
        _ => {
            let value = present(from_text(&kind, &ty, member), f, style);
            quote!(match query.iter().find(|(k, _)| k == #key) {
                #SOME((_, s)) => {
                    let s = s.as_str();
                    #value
                }
                #NONE => #missing,
            })
        }
    }
}

/// The parts of an HTTP message that a structure's decoder reads; it takes
/// those as parameters, and no others.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct DecodeInputs {
    pub(super) status: bool,
    pub(super) labels: bool,
    pub(super) query: bool,
    pub(super) headers: bool,
    pub(super) body: bool,
}

/// What a call of `decode_http` passes for each part of the message.
pub(super) struct DecodeArgs {
    pub(super) status: TokenStream,
    pub(super) labels: TokenStream,
    pub(super) query: TokenStream,
    pub(super) headers: TokenStream,
    pub(super) body: TokenStream,
}

impl DecodeInputs {
    pub(super) fn of(bound: &[(Field, Binding)]) -> DecodeInputs {
        let mut inputs = DecodeInputs::default();
        for (_, b) in bound {
            match b {
                Binding::ResponseCode => inputs.status = true,
                Binding::Label => inputs.labels = true,
                Binding::Query(_) | Binding::QueryParams => inputs.query = true,
                Binding::Header(_) | Binding::PrefixHeaders(_) => inputs.headers = true,
                Binding::Payload | Binding::Body => inputs.body = true,
            }
        }
        inputs
    }

    pub(super) fn params(self, style: PreludeStyle) -> TokenStream {
        let_prelude!(style => STRING);
        let params = [
            (self.status, quote!(status: u16)),
            (self.labels, quote!(labels: &[#STRING])),
            (self.query, quote!(query: &[(#STRING, #STRING)])),
            (self.headers, quote!(headers: &::http::HeaderMap)),
            (self.body, quote!(body: &[u8])),
        ];
        let params = params.into_iter().filter(|(used, _)| *used).map(|(_, p)| p);
        quote!(#(#params),*)
    }

    pub(super) fn args(self, args: DecodeArgs) -> TokenStream {
        let args = [
            (self.status, args.status),
            (self.labels, args.labels),
            (self.query, args.query),
            (self.headers, args.headers),
            (self.body, args.body),
        ];
        let args = args.into_iter().filter(|(used, _)| *used).map(|(_, a)| a);
        quote!(#(#args),*)
    }
}

/// A decode function `fn(<the parts it reads>) -> Result<Self, String>`
/// shared by the client (responses) and the server (requests).
pub(super) fn decode_fn(
    home: &Home,
    bound: &[(Field, Binding)],
    types: &Option<BodyTypes>,
    style: PreludeStyle,
) -> TokenStream {
    let_prelude!(style => RESULT, OK, STRING);
    let what = &home.name;
    let all_body = !bound.is_empty() && bound.iter().all(|(_, b)| *b == Binding::Body);
    let body_expr = if all_body {
        quote!(::smithy_codegen_runtime::json_body::decode_json::<Self>(body, #what))
    } else {
        let (decode, inits) = decode_fields(home, bound, types, style);
        quote! {
            #decode
            #OK(Self { #(#inits)* })
        }
    };
    let params = DecodeInputs::of(bound).params(style);
    quote! {
        pub(crate) fn decode_http(#params) -> #RESULT<Self, #STRING> {
            #body_expr
        }
    }
}

//! Modeled errors: their HTTP encoding and decoding, and the error a server
//! answers malformed requests with.

use super::bindings::{body_types, bound_fields};
use super::decode::{decode_fn, DecodeArgs, DecodeInputs};
use super::encode::{encode_headers, insert_header};
use super::server::{response, response_body};
use crate::ir::Shape;
use crate::render::prelude::*;
use crate::render::structure::{fields, FieldKind};
use crate::render::HomePaths;
use crate::render::{ident, Ctx, Home};
use proc_macro2::TokenStream;
use quote::quote;

/// The HTTP decode/encode of one error structure, shared by every operation
/// that can return it.
pub(crate) fn render_error(ctx: &Ctx, shape: &Shape, home: &Home) -> TokenStream {
    let_prelude!(ctx.prelude => SOME, VEC);
    let cfg = ctx.protocol_cfg();
    let path = home.path();
    let bound = bound_fields(ctx, shape);
    let types = body_types(ctx, shape, home, &bound);
    let decode = decode_fn(home, &bound, &types, ctx.prelude);
    let headers = encode_headers(&bound, None, &insert_header, ctx.prelude);
    let response =
        response(quote!(Self::STATUS), quote!(#SOME(Self::CODE)), response_body(ctx, &bound, &types), headers);
    let body_types = types.iter().flat_map(|t| [t.owned.clone(), t.borrowed.clone()]);
    quote! {
        #(#body_types)*
        #cfg
        impl #path {
            #decode
            pub(crate) fn encode_http(&self) -> ::http::Response<#VEC<u8>> {
                #response
            }
        }
    }
}

/// The arm of an operation error's `from_http_response` for one modeled error
/// (`status`, `headers`, `body` and the error metadata `meta` are in scope).
pub(super) fn error_decode_arm(ctx: &Ctx, id: &crate::ir::ShapeId) -> TokenStream {
    let_prelude!(ctx.prelude => SOME, OK, ERR);
    let home = &ctx.homes[id];
    let name = ident(&home.name);
    let path = home.path();
    let code = id.name();
    let args = DecodeInputs::of(&bound_fields(ctx, ctx.shape(id))).args(DecodeArgs {
        status: quote!(status),
        labels: quote!(&[]),
        query: quote!(&[]),
        headers: quote!(headers),
        body: quote!(body),
    });
    // The metadata's message stands in for an absent modeled one.
    let fields = fields(ctx, ctx.shape(id));
    let fill_message =
        ctx.plan.errors[id].message.map(|i| &fields[i]).filter(|f| f.kind == FieldKind::Optional).map(|f| &f.ident);
    let decoded = match fill_message {
        Some(field) => quote!(#OK(mut e) => {
            if e.#field.is_none() {
                e.#field = meta.message;
            }
            Self::#name(e)
        }),
        None => quote!(#OK(e) => Self::#name(e),),
    };
    quote! {
        #SOME(#code) => match #path::decode_http(#args) {
            #decoded
            #ERR(problem) => Self::Unhandled(meta.undecodable(status, problem, body)),
        },
    }
}

/// The expression (with `message: String` in scope) of the error a server
/// answers a malformed request with: the operation's first 400 error that
/// carries a message, else an unmodeled 400 with the code `unmodeled_code`.
pub(super) fn bad_request_error(
    ctx: &Ctx,
    bad_request: Option<&crate::ir::ShapeId>,
    error_ident: &proc_macro2::Ident,
    unmodeled_code: &str,
) -> TokenStream {
    bad_request_error_listing(ctx, bad_request, error_ident, unmodeled_code, None)
}

/// [`bad_request_error`], with `field_list` (a `Vec` expression) as the
/// error's list of violations where the plan found one.
pub(super) fn bad_request_error_listing(
    ctx: &Ctx,
    bad_request: Option<&crate::ir::ShapeId>,
    error_ident: &proc_macro2::Ident,
    unmodeled_code: &str,
    field_list: Option<TokenStream>,
) -> TokenStream {
    let_prelude!(ctx.prelude => SOME, NONE, STRING, DEFAULT);
    if let Some(id) = bad_request {
        let list_member = ctx.plan.errors[id].field_list.as_ref().map(|l| l.member);
        let fields = fields(ctx, ctx.shape(id));
        let message = ctx.plan.errors[id].message.expect("the plan picks a bad-request error with a message");
        let home = &ctx.homes[id];
        let path = home.path();
        let variant = ident(&home.name);
        let mut inits = Vec::new();
        for (i, f) in fields.iter().enumerate() {
            let id = &f.ident;
            let value = match &f.kind {
                FieldKind::Optional if Some(i) == list_member && field_list.is_some() => quote!(#SOME(#field_list)),
                _ if Some(i) == list_member && field_list.is_some() => quote!(#field_list),
                FieldKind::Optional if i == message => quote!(#SOME(message)),
                // Field-init shorthand, which clippy asks for.
                _ if i == message && id == "message" => {
                    inits.push(quote!(message,));
                    continue;
                }
                _ if i == message => quote!(message),
                FieldKind::Optional => quote!(#NONE),
                FieldKind::Default(_) if f.zero_default => quote!(#DEFAULT::default()),
                FieldKind::Default(_) => f.default_value(ctx.prelude),
                FieldKind::Required => {
                    unreachable!("the plan picks an error whose only required member is its message")
                }
            };
            inits.push(quote!(#id: #value,));
        }
        return quote!(#error_ident::#variant(#path { #(#inits)* }));
    }
    quote! {
        #error_ident::Unhandled(crate::error::Unhandled::new(
            400,
            #SOME(#STRING::from(#unmodeled_code)),
            #SOME(message),
        ))
    }
}

/// The operation error enum's `impl`: reading error responses (client) and
/// writing them (server); each modeled error's own encode and decode are
/// rendered once per error shape.
pub(super) fn operation_error_impl(
    ctx: &Ctx,
    error_ident: &proc_macro2::Ident,
    errors: &[&crate::ir::ShapeId],
) -> TokenStream {
    let_prelude!(ctx.prelude => VEC, AS_REF);
    let decode_arms: Vec<TokenStream> = errors.iter().map(|id| error_decode_arm(ctx, id)).collect();
    let encode_arms = errors.iter().map(|id| {
        let name = ident(&ctx.homes[*id].name);
        quote!(Self::#name(e) => e.encode_http(),)
    });
    // An operation without modeled errors has only `Unhandled`: no match.
    let (decode, encode) = if errors.is_empty() {
        (
            quote!(Self::Unhandled(meta.unhandled(status, body))),
            quote! {
                let Self::Unhandled(e) = self;
                e.to_http_response()
            },
        )
    } else {
        (
            quote! {
                match meta.code.as_deref() {
                    #(#decode_arms)*
                    _ => Self::Unhandled(meta.unhandled(status, body)),
                }
            },
            quote! {
                match self {
                    #(#encode_arms)*
                    Self::Unhandled(e) => e.to_http_response(),
                }
            },
        )
    };
    quote! {
        impl #error_ident {
            /// Reads an error response: the code from `X-Amzn-ErrorType`, the body's
            /// `code`/`Code` or `__type`; a known code decodes into its variant,
            /// whose members read their exact JSON names (a modeled message that is
            /// absent takes the body's `message`, else `Message`); anything else is
            /// [`Self::Unhandled`] with the status, code and message.
            pub fn from_http_response<B: #AS_REF<[u8]>>(response: &::http::Response<B>) -> Self {
                let status = response.status().as_u16();
                let headers = response.headers();
                let body = response.body().as_ref();
                let meta = ::smithy_codegen_runtime::error_metadata::ErrorMetadata::read(headers, body);
                #decode
            }

            /// The error response on the server side: status from `httpError`, the
            /// `X-Amzn-ErrorType` header, a JSON body and bound headers such as `Retry-After`.
            pub fn to_http_response(&self) -> ::http::Response<#VEC<u8>> {
                #encode
            }
        }
    }
}

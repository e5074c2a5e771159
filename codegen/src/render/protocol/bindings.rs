//! Where each member travels (labels, query, headers, payload, body), how its
//! value is written as text, and the private body types of split structures.

use crate::ir::Shape;
pub(crate) use crate::plan::{literal_query_keys, Binding, LiteralQuery, PayloadKind, ScalarKind, UriSegment};
use crate::render::prelude::*;
use crate::render::structure::{fields, Field, FieldKind};
use crate::render::{Ctx, Home};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// A structure's fields with their bindings.
pub(crate) fn bound_fields<'a>(ctx: &Ctx<'a>, shape: &'a Shape) -> Vec<(Field<'a>, Binding)> {
    fields(ctx, shape)
        .into_iter()
        .map(|f| {
            let b = f.binding.clone();
            (f, b)
        })
        .collect()
}

/// How a label, query or header field's value is written as text (the plan
/// decides it for every such member of an HTTP message).
pub(super) fn scalar_kind<'f>(field: &'f Field) -> &'f ScalarKind {
    field.scalar.as_ref().expect("the plan gives every label, query and header member of a message a text form")
}

/// Text of one scalar value `v` (an expression of type `&T`).
pub(super) fn to_text(kind: &ScalarKind, v: TokenStream) -> TokenStream {
    match kind {
        ScalarKind::String => quote!(::std::borrow::Cow::Borrowed(#v.as_str())),
        ScalarKind::Timestamp(format) => {
            let format = quote::format_ident!("{}", format.variant());
            quote!(::std::borrow::Cow::<str>::Owned(#v.fmt(crate::primitives::TimestampFormat::#format)))
        }
        ScalarKind::Enum => quote!(::std::borrow::Cow::Borrowed(#v.as_str())),
        ScalarKind::IntEnum => quote!(::std::borrow::Cow::<str>::Owned(#v.0.to_string())),
        ScalarKind::Base64String => {
            quote!(::std::borrow::Cow::<str>::Owned(::smithy_codegen_runtime::media_type::encode_header(#v.as_str())))
        }
        ScalarKind::Float => {
            quote!(::std::borrow::Cow::<str>::Owned(::smithy_codegen_runtime::serde_support::float::to_text(#v)))
        }
        _ => quote!(::std::borrow::Cow::<str>::Owned(#v.to_string())),
    }
}

/// A `&str` of one scalar value `v` (an expression of type `T` or `&T`).
pub(super) fn to_str(kind: &ScalarKind, v: TokenStream) -> TokenStream {
    match kind {
        ScalarKind::String | ScalarKind::Enum => quote!(#v.as_str()),
        ScalarKind::Timestamp(format) => {
            let format = quote::format_ident!("{}", format.variant());
            quote!(&#v.fmt(crate::primitives::TimestampFormat::#format))
        }
        ScalarKind::IntEnum => quote!(&#v.0.to_string()),
        ScalarKind::Base64String => quote!(&::smithy_codegen_runtime::media_type::encode_header(#v.as_str())),
        ScalarKind::Float => quote!(&::smithy_codegen_runtime::serde_support::float::to_text(&#v)),
        _ => quote!(&#v.to_string()),
    }
}

/// An expression of type `ty` parsed from `s: &str`; failures return early
/// with a `String` that names the member.
pub(super) fn from_text(kind: &ScalarKind, ty: &TokenStream, member: &str) -> TokenStream {
    match kind {
        ScalarKind::String => quote!(s.to_owned()),
        ScalarKind::Enum => quote!(<#ty>::from(s)),
        ScalarKind::Timestamp(format) => {
            let format = format.variant();
            let format_ident = quote::format_ident!("{}", format);
            let msg = format!("{member}: {{}} is not a timestamp in the {format} format");
            quote!(::smithy_codegen_runtime::serde_support::parse_timestamp_text(s, crate::primitives::TimestampFormat::#format_ident)
                .ok_or_else(|| format!(#msg, ::smithy_codegen_runtime::validation::quote_value(s)))?)
        }
        ScalarKind::Base64String => {
            let msg = format!("{member}: {{}} is not base64 of UTF-8 text");
            quote!(::smithy_codegen_runtime::media_type::decode_header(s)
                .ok_or_else(|| format!(#msg, ::smithy_codegen_runtime::validation::quote_value(s)))?)
        }
        ScalarKind::IntEnum => {
            let msg = format!("{member}: cannot parse {{}} as a value of this member");
            quote!(s.parse::<i32>().map(#ty).map_err(|_| format!(#msg, ::smithy_codegen_runtime::validation::quote_value(s)))?)
        }
        _ => {
            let msg = format!("{member}: cannot parse {{}} as a value of this member");
            quote!(s.parse::<#ty>().map_err(|_| format!(#msg, ::smithy_codegen_runtime::validation::quote_value(s)))?)
        }
    }
}

/// The element type of a list field, or the field's own type.
pub(super) fn scalar_ty(field: &Field) -> TokenStream {
    field.elem_ty.clone().unwrap_or_else(|| field.target_ty.clone())
}

/// Private body types for a structure whose members are split between HTTP
/// bindings and the JSON body; `None` when the body is all or none of it.
pub(super) struct BodyTypes {
    /// Decodes the body members.
    pub(super) owned: TokenStream,
    pub(super) owned_name: TokenStream,
    /// Encodes the body members by reference.
    pub(super) borrowed: TokenStream,
    pub(super) borrowed_name: TokenStream,
}

pub(super) fn body_types(ctx: &Ctx, shape: &Shape, home: &Home, bound: &[(Field, Binding)]) -> Option<BodyTypes> {
    let_prelude!(ctx.prelude => OPTION);
    let body: Vec<&Field> = bound.iter().filter(|(_, b)| *b == Binding::Body).map(|(f, _)| f).collect();
    if body.is_empty() || body.len() == bound.len() {
        return None;
    }
    let owned_name = format_ident!("{}HttpBody", home.name);
    let borrowed_name = format_ident!("{}HttpBodyRef", home.name);
    let mut owned_fields = Vec::new();
    let mut borrowed_fields = Vec::new();
    // The default helpers `serde_attrs` asks for are already beside the
    // structure, in this same module: rendering them twice would not compile.
    let mut already_rendered = Vec::new();
    for f in &body {
        let id = &f.ident;
        let ty = &f.ty;
        let wire = &f.wire;
        let attrs = crate::render::structure::serde_attrs(shape, f, &mut already_rendered, ctx.prelude);
        let serializer = crate::render::structure::borrowed_serializer(f).map(|path| quote!(, serialize_with = #path));
        let (owned_ty, borrowed_field) = if f.kind == FieldKind::Optional {
            (
                quote!(#OPTION<#ty>),
                quote! {
                    #[serde(rename = #wire #serializer, skip_serializing_if = "::std::option::Option::is_none")]
                    #id: #OPTION<&'a #ty>,
                },
            )
        } else {
            (quote!(#ty), quote!(#[serde(rename = #wire #serializer)] #id: &'a #ty,))
        };
        owned_fields.push(quote!(#attrs #id: #owned_ty,));
        borrowed_fields.push(borrowed_field);
    }
    let cfg = ctx.protocol_cfg();
    Some(BodyTypes {
        owned: quote! {
            #cfg
            #[derive(::serde::Deserialize)]
            struct #owned_name { #(#owned_fields)* }
        },
        owned_name: quote!(#owned_name),
        borrowed: quote! {
            #cfg
            #[derive(::serde::Serialize)]
            struct #borrowed_name<'a> { #(#borrowed_fields)* }
        },
        borrowed_name: quote!(#borrowed_name),
    })
}

//! Where each member travels (labels, query, headers, payload, body), how its
//! value is written as text, and the private body types of split structures.

use crate::error::Error;
use crate::ir::{Shape, ShapeKind, Simple};
use crate::render::prelude::*;
use crate::render::structure::{fields, Field, FieldKind};
use crate::render::{Ctx, Home};
use crate::traits::Http;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// Where a member travels in an HTTP message.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Binding {
    Label,
    Query(String),
    QueryParams,
    Header(String),
    PrefixHeaders(String),
    Payload,
    ResponseCode,
    Body,
}

pub(super) fn binding(field: &Field) -> Result<Binding, Error> {
    let t = &field.member.traits;
    Ok(if t.http_payload {
        Binding::Payload
    } else if let Some(prefix) = &t.http_prefix_headers {
        Binding::PrefixHeaders(prefix.to_ascii_lowercase())
    } else if t.http_query_params {
        Binding::QueryParams
    } else if t.http_response_code {
        Binding::ResponseCode
    } else if t.http_label {
        Binding::Label
    } else if let Some(q) = &t.http_query {
        Binding::Query(q.clone())
    } else if let Some(h) = &t.http_header {
        Binding::Header(h.clone())
    } else {
        Binding::Body
    })
}

/// A member's fields with their bindings.
pub(crate) fn bound_fields<'a>(ctx: &Ctx, shape: &'a Shape) -> Result<Vec<(Field<'a>, Binding)>, Error> {
    fields(ctx, shape)?
        .into_iter()
        .map(|f| {
            let b = binding(&f)?;
            Ok((f, b))
        })
        .collect()
}

/// Whether a member's value can be written as text (labels, query, headers).
pub(super) fn scalar_kind(ctx: &Ctx, field: &Field) -> Result<ScalarKind, Error> {
    let target = ctx.shape(&field.member.target);
    // Timestamps: the model's format, else http-date in headers and date-time elsewhere.
    let timestamp = |shape: &Shape| {
        let format = field.member.traits.timestamp_format.as_ref().or(shape.traits.timestamp_format.as_ref());
        ScalarKind::Timestamp(match format.map(String::as_str) {
            Some("epoch-seconds") => "EpochSeconds",
            Some("http-date") => "HttpDate",
            Some(_) => "DateTime",
            None if field.member.traits.http_header.is_some() => "HttpDate",
            None => "DateTime",
        })
    };
    let at = || field.at.clone();
    Ok(match (&target.kind, field.repr) {
        // A header cannot carry any text: a `@mediaType` string travels in base64.
        (ShapeKind::Simple(Simple::String), _)
            if field.member.traits.http_header.is_some()
                && target.traits.other.contains_key("smithy.api#mediaType") =>
        {
            ScalarKind::Base64String
        }
        (ShapeKind::Simple(Simple::String), _) => ScalarKind::String,
        (ShapeKind::Enum(_), _) => ScalarKind::Enum,
        (ShapeKind::Simple(Simple::Timestamp), _) => timestamp(target),
        (ShapeKind::IntEnum(_), _) => ScalarKind::IntEnum,
        (ShapeKind::Simple(Simple::Boolean), _) => ScalarKind::Display,
        (ShapeKind::Simple(Simple::Float | Simple::Double), _) => ScalarKind::Float,
        (ShapeKind::Simple(s), _) if s.is_number() => ScalarKind::Display,
        (ShapeKind::List(m), _) => {
            let inner = ctx.shape(&m.target);
            match &inner.kind {
                ShapeKind::Simple(Simple::String) => ScalarKind::ListOf(Box::new(ScalarKind::String)),
                ShapeKind::Enum(_) => ScalarKind::ListOf(Box::new(ScalarKind::Enum)),
                ShapeKind::IntEnum(_) => ScalarKind::ListOf(Box::new(ScalarKind::IntEnum)),
                ShapeKind::Simple(Simple::Timestamp) => ScalarKind::ListOf(Box::new(timestamp(inner))),
                ShapeKind::Simple(Simple::Float | Simple::Double) => ScalarKind::ListOf(Box::new(ScalarKind::Float)),
                ShapeKind::Simple(s) if s.is_number() || *s == Simple::Boolean => {
                    ScalarKind::ListOf(Box::new(ScalarKind::Display))
                }
                _ => {
                    return Err(Error::Unsupported { at: at(), what: "HTTP-bound lists of non-scalar members".into() })
                }
            }
        }
        _ => return Err(Error::Unsupported { at: at(), what: "HTTP bindings of this member type".into() }),
    })
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum ScalarKind {
    String,
    Enum,
    /// A timestamp in the named `TimestampFormat` variant.
    Timestamp(&'static str),
    /// A `@mediaType` string in a header: base64 of its text.
    Base64String,
    /// An intEnum's `i32` newtype: its number, as text.
    IntEnum,
    /// Floats and doubles: `NaN` and the infinities spelled as in JSON, `FromStr` in.
    Float,
    /// Numbers and booleans: `Display` out, `FromStr` in.
    Display,
    ListOf(Box<ScalarKind>),
}

/// Text of one scalar value `v` (an expression of type `&T`).
pub(super) fn to_text(kind: &ScalarKind, v: TokenStream) -> TokenStream {
    match kind {
        ScalarKind::String => quote!(::std::borrow::Cow::Borrowed(#v.as_str())),
        ScalarKind::Timestamp(format) => {
            let format = quote::format_ident!("{}", format);
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
            let format = quote::format_ident!("{}", format);
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
            let format_ident = quote::format_ident!("{}", format);
            let msg = format!("{member}: {{}} is not a timestamp in the {format} format");
            quote!(crate::primitives::DateTime::parse(s, crate::primitives::TimestampFormat::#format_ident)
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

pub(super) fn body_types(
    ctx: &Ctx,
    shape: &Shape,
    home: &Home,
    bound: &[(Field, Binding)],
) -> Result<Option<BodyTypes>, Error> {
    let body: Vec<&Field> = bound.iter().filter(|(_, b)| *b == Binding::Body).map(|(f, _)| f).collect();
    if body.is_empty() || body.len() == bound.len() {
        return Ok(None);
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
        let attrs = crate::render::structure::serde_attrs(ctx, shape, f, &mut already_rendered)?;
        let serializer =
            crate::render::structure::borrowed_float_serializer(ctx, f)?.map(|path| quote!(, serialize_with = #path));
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
    Ok(Some(BodyTypes {
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
    }))
}

/// Whether an `httpQueryParams` member is a map of lists (repeated keys) rather than of strings.
pub(super) fn map_of_lists(ctx: &Ctx, f: &Field) -> bool {
    match &ctx.shape(&f.member.target).kind {
        ShapeKind::Map { value, .. } => matches!(ctx.shape(&value.target).kind, ShapeKind::List(_)),
        _ => false,
    }
}

/// How a payload member travels.
pub(super) enum PayloadKind {
    /// A structure, union or document: JSON.
    Json,
    /// A blob (streaming or not): the raw bytes.
    Blob,
    /// A string or enum: the raw UTF-8 text.
    Text { is_enum: bool },
}

pub(super) fn payload_kind(ctx: &Ctx, f: &Field) -> PayloadKind {
    if f.streaming {
        return PayloadKind::Blob;
    }
    match &ctx.shape(&f.member.target).kind {
        ShapeKind::Simple(Simple::Blob) => PayloadKind::Blob,
        ShapeKind::Simple(Simple::String) => PayloadKind::Text { is_enum: false },
        ShapeKind::Enum(_) => PayloadKind::Text { is_enum: true },
        _ => PayloadKind::Json,
    }
}

/// A header name from the model, lowercased and checked to be an HTTP token.
pub(super) fn header_name(f: &Field, name: &str) -> Result<String, Error> {
    let token = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c);
    if name.is_empty() || !name.chars().all(token) {
        return Err(Error::at(f.at.clone(), format!("`{name}` is not a valid HTTP header name")));
    }
    Ok(name.to_ascii_lowercase())
}

/// One path segment of a URI pattern: literal text, or a label name and whether it is greedy.
pub(super) type UriSegment = (String, Option<String>, bool);

/// Literal `key=value` pairs of a URI pattern's query part.
pub(super) type LiteralQuery = Vec<(String, String)>;

/// Parses a URI pattern into path segments and literal query pairs.
pub(super) fn parse_uri(op: &Shape, http: &Http) -> Result<(Vec<UriSegment>, LiteralQuery), Error> {
    let (path, query) = http.uri.split_once('?').unwrap_or((&http.uri, ""));
    let mut segments = Vec::new();
    for part in path.trim_start_matches('/').split('/').filter(|p| !p.is_empty()) {
        if let Some(label) = part.strip_prefix('{').and_then(|p| p.strip_suffix('}')) {
            let (name, greedy) = match label.strip_suffix('+') {
                Some(n) => (n, true),
                None => (label, false),
            };
            segments.push((String::new(), Some(name.to_string()), greedy));
        } else if part.contains(['{', '}']) {
            return Err(Error::at(op.id.as_str(), format!("uri segment `{part}` mixes a label with text")));
        } else {
            segments.push((part.to_string(), None, false));
        }
    }
    Ok((segments, literal_query(query)))
}

/// The `key=value` pairs of a URI pattern's query part.
pub(super) fn literal_query(query: &str) -> LiteralQuery {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (k.to_string(), v.to_string())
        })
        .collect()
}

/// The keys of the literal query pairs of an `http` trait's URI pattern.
pub(crate) fn literal_query_keys(uri: &str) -> Vec<String> {
    literal_query(uri.split_once('?').map_or("", |(_, query)| query)).into_iter().map(|(k, _)| k).collect()
}

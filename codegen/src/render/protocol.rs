//! restJson1 glue from the model's HTTP traits: client requests and responses,
//! server-side parsing and responses, and constraint validation.

use super::prelude::*;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::structure::{fields, Field, FieldKind};
use super::types::{default_expr, is_zero_default, Repr};
use super::{ident, Ctx, Home};
use crate::error::Error;
use crate::ir::{Shape, ShapeKind, Simple};
use crate::traits::Http;

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

fn binding(field: &Field) -> Result<Binding, Error> {
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
fn scalar_kind(ctx: &Ctx, field: &Field) -> Result<ScalarKind, Error> {
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
        (ShapeKind::Simple(Simple::String), _) => ScalarKind::String,
        (ShapeKind::Enum(_), _) => ScalarKind::Enum,
        (ShapeKind::Simple(Simple::Timestamp), _) => timestamp(target),
        (ShapeKind::IntEnum(_), _) => {
            return Err(Error::Unsupported { at: at(), what: "HTTP-bound intEnum members".into() })
        }
        (ShapeKind::Simple(Simple::Boolean), _) => ScalarKind::Display,
        (ShapeKind::Simple(s), _) if s.is_number() => ScalarKind::Display,
        (ShapeKind::List(m), _) => {
            let inner = ctx.shape(&m.target);
            match &inner.kind {
                ShapeKind::Simple(Simple::String) => ScalarKind::ListOf(Box::new(ScalarKind::String)),
                ShapeKind::Enum(_) => ScalarKind::ListOf(Box::new(ScalarKind::Enum)),
                ShapeKind::Simple(Simple::Timestamp) => ScalarKind::ListOf(Box::new(timestamp(inner))),
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
enum ScalarKind {
    String,
    Enum,
    /// A timestamp in the named `TimestampFormat` variant.
    Timestamp(&'static str),
    /// Numbers and booleans: `Display` out, `FromStr` in.
    Display,
    ListOf(Box<ScalarKind>),
}

/// Text of one scalar value `v` (an expression of type `&T`).
fn to_text(kind: &ScalarKind, v: TokenStream) -> TokenStream {
    match kind {
        ScalarKind::String => quote!(::std::borrow::Cow::Borrowed(#v.as_str())),
        ScalarKind::Timestamp(format) => {
            let format = quote::format_ident!("{}", format);
            quote!(::std::borrow::Cow::<str>::Owned(#v.fmt(crate::primitives::TimestampFormat::#format)))
        }
        ScalarKind::Enum => quote!(::std::borrow::Cow::Borrowed(#v.as_str())),
        _ => quote!(::std::borrow::Cow::<str>::Owned(#v.to_string())),
    }
}

/// A `&str` of one scalar value `v` (an expression of type `T` or `&T`).
fn to_str(kind: &ScalarKind, v: TokenStream) -> TokenStream {
    match kind {
        ScalarKind::String | ScalarKind::Enum => quote!(#v.as_str()),
        ScalarKind::Timestamp(format) => {
            let format = quote::format_ident!("{}", format);
            quote!(&#v.fmt(crate::primitives::TimestampFormat::#format))
        }
        _ => quote!(&#v.to_string()),
    }
}

/// An expression of type `ty` parsed from `s: &str`; failures return early
/// with a `String` that names the member.
fn from_text(kind: &ScalarKind, ty: &TokenStream, member: &str) -> TokenStream {
    match kind {
        ScalarKind::String => quote!(s.to_owned()),
        ScalarKind::Enum => quote!(<#ty>::from(s)),
        ScalarKind::Timestamp(format) => {
            let format_ident = quote::format_ident!("{}", format);
            let msg = format!("{member}: {{}} is not a timestamp in the {format} format");
            quote!(crate::primitives::DateTime::parse(s, crate::primitives::TimestampFormat::#format_ident)
                .ok_or_else(|| format!(#msg, crate::protocol::quote_value(s)))?)
        }
        _ => {
            let msg = format!("{member}: cannot parse {{}} as a value of this member");
            quote!(s.parse::<#ty>().map_err(|_| format!(#msg, crate::protocol::quote_value(s)))?)
        }
    }
}

/// The element type of a list field, or the field's own type.
fn scalar_ty(field: &Field) -> TokenStream {
    field.elem_ty.clone().unwrap_or_else(|| field.target_ty.clone())
}

/// `validate()` for a structure: every constraint trait of its members.
pub(crate) fn render_validate(ctx: &Ctx, shape: &Shape, home: &Home) -> Result<TokenStream, Error> {
    let cfg = ctx.protocol_cfg();
    let name = ident(&home.name);
    let mut checks = Vec::new();
    let mut unchecked = Vec::new();
    for f in fields(ctx, shape)? {
        let target = ctx.shape(&f.member.target);
        let member = f.member.name.as_str();
        let id = &f.ident;
        // Member traits refine the target's.
        let length = f.member.traits.length.or(target.traits.length);
        let pattern = f.member.traits.pattern.clone().or_else(|| target.traits.pattern.clone());
        let range = f.member.traits.range.clone().or_else(|| target.traits.range.clone());
        let mut inner = Vec::new();
        if let Some(l) = length {
            let min = opt_u64(l.min);
            let max = opt_u64(l.max);
            match f.repr {
                Repr::String => inner.push(quote!(crate::protocol::check_string_length(#member, v, #min, #max)?;)),
                Repr::List | Repr::Map => {
                    inner.push(quote!(crate::protocol::check_count(#member, v.len() as u64, #min, #max)?;))
                }
                _ => {}
            }
        }
        if let (Some(p), Repr::String) = (&pattern, f.repr) {
            if let Err(e) = regex_lite::Regex::new(p) {
                let look_around = e.to_string().contains("look-around");
                if !(look_around && ctx.settings.skip_look_around_patterns) {
                    return Err(Error::at(
                        shape.id.member(member),
                        format!("trait `smithy.api#pattern`: pattern `{p}` does not compile: {e}"),
                    ));
                }
                unchecked.push(format!("- `{member}`: `{}`", p.replace('`', "'")));
            } else {
                inner.push(quote! {
                static PATTERN: ::std::sync::OnceLock<::regex_lite::Regex> = ::std::sync::OnceLock::new();
                crate::protocol::check_pattern(#member, v, &PATTERN, #p)?;
                });
            }
        }
        if let (Some(r), Repr::Copy) = (&range, f.repr) {
            if matches!(target.kind, ShapeKind::Simple(s) if s.is_number()) {
                let min = opt_f64(r.min.as_ref().and_then(|n| n.as_f64()));
                let max = opt_f64(r.max.as_ref().and_then(|n| n.as_f64()));
                let value = if matches!(target.kind, ShapeKind::Simple(Simple::Double)) {
                    quote!(*v)
                } else {
                    quote!(*v as f64)
                };
                inner.push(quote!(crate::protocol::check_range(#member, #value, #min, #max)?;));
            }
        }
        // Nested structures validate themselves.
        let nested = match &target.kind {
            ShapeKind::Structure(_) => Some(quote!(v.validate()?;)),
            ShapeKind::List(m) if matches!(ctx.shape(&m.target).kind, ShapeKind::Structure(_)) => {
                Some(quote!(for item in v.iter() {
                    item.validate()?;
                }))
            }
            ShapeKind::Map { value, .. } if matches!(ctx.shape(&value.target).kind, ShapeKind::Structure(_)) => {
                Some(quote!(for item in v.values() {
                    item.validate()?;
                }))
            }
            _ => None,
        };
        inner.extend(nested);
        if inner.is_empty() {
            continue;
        }
        let borrow = match f.repr {
            Repr::String => quote!(self.#id.as_str()),
            _ => quote!(&self.#id),
        };
        checks.push(if f.kind == FieldKind::Optional {
            let deref_opt = match f.repr {
                Repr::String => quote!(.as_deref()),
                _ => quote!(.as_ref()),
            };
            quote! {
                if let #SOME(v) = self.#id #deref_opt {
                    #(#inner)*
                }
            }
        } else {
            quote! {
                {
                    let v = #borrow;
                    #(#inner)*
                }
            }
        });
    }
    let mut doc = "Checks the model's constraints (`length`, `pattern`, `range`), also of\nnested structures; the error names the member and the offending value.".to_string();
    if !unchecked.is_empty() {
        doc.push_str("\n\nThese patterns need look-around, which the regex engine lacks, and are\nnot checked here (the service still checks them):\n\n");
        doc.push_str(&unchecked.join("\n"));
    }
    let doc = super::docs::lines_to_attrs(&doc);
    Ok(quote! {
        #cfg
        impl #name {
            #doc
            pub fn validate(&self) -> #RESULT<(), crate::protocol::ValidationError> {
                #(#checks)*
                #OK(())
            }
        }
    })
}

fn opt_u64(v: Option<u64>) -> TokenStream {
    match v {
        Some(v) => quote!(#SOME(#v)),
        None => quote!(#NONE),
    }
}

fn opt_f64(v: Option<f64>) -> TokenStream {
    match v {
        Some(v) => quote!(#SOME(#v)),
        None => quote!(#NONE),
    }
}

/// Private body types for a structure whose members are split between HTTP
/// bindings and the JSON body; `None` when the body is all or none of it.
struct BodyTypes {
    /// Decodes the body members.
    owned: TokenStream,
    owned_name: TokenStream,
    /// Encodes the body members by reference.
    borrowed: TokenStream,
    borrowed_name: TokenStream,
}

fn body_types(ctx: &Ctx, shape: &Shape, home: &Home, bound: &[(Field, Binding)]) -> Result<Option<BodyTypes>, Error> {
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
        let attrs = super::structure::serde_attrs(ctx, shape, f, &mut already_rendered)?;
        let (owned_ty, borrowed_field) = if f.kind == FieldKind::Optional {
            (
                quote!(#OPTION<#ty>),
                quote! {
                    #[serde(rename = #wire, skip_serializing_if = "::std::option::Option::is_none")]
                    #id: #OPTION<&'a #ty>,
                },
            )
        } else {
            (quote!(#ty), quote!(#[serde(rename = #wire)] #id: &'a #ty,))
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

/// An expression of the encoded JSON body (`Vec<u8>`) of `self`; `None` when
/// no member travels in the body.
fn encode_body(bound: &[(Field, Binding)], types: &Option<BodyTypes>) -> Option<TokenStream> {
    let body_count = bound.iter().filter(|(_, b)| *b == Binding::Body).count();
    if body_count == 0 {
        return None;
    }
    Some(match types {
        None => quote!(crate::protocol::encode_json(self)),
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
            quote!(crate::protocol::encode_json(&#name { #(#inits)* }))
        }
    })
}

/// A response body: the payload member (with its content type), else the
/// JSON of the body members, else `{}`.
fn response_body(ctx: &Ctx, bound: &[(Field, Binding)], types: &Option<BodyTypes>) -> (TokenStream, Option<String>) {
    if let Some((body, content_type)) = encode_payload(ctx, bound) {
        return (body, Some(content_type));
    }
    (encode_body(bound, types).unwrap_or_else(|| quote!(b"{}".to_vec())), None)
}

/// A JSON response with `status`, the error code `code` (an `Option<&str>`
/// expression), the body, and the headers that `header_statements` insert
/// into `headers`.
fn response(
    status: TokenStream,
    code: TokenStream,
    (body, content_type): (TokenStream, Option<String>),
    header_statements: Vec<TokenStream>,
) -> TokenStream {
    let content_type = content_type
        .map(|ct| quote!(headers.insert(::http::header::CONTENT_TYPE, ::http::HeaderValue::from_static(#ct));));
    if content_type.is_none() && header_statements.is_empty() {
        return quote!(crate::protocol::json_response(#status, #code, #body));
    }
    quote! {
        let mut response = crate::protocol::json_response(#status, #code, #body);
        let headers = response.headers_mut();
        #content_type
        #(#header_statements)*
        response
    }
}

/// Statements that decode the body into `body` (when there are body members)
/// and an initializer per field, reading labels from `labels`, headers from
/// `headers`, query pairs from `query`. Errors are `String`s naming the member.
fn decode_fields(
    ctx: &Ctx,
    shape: &Shape,
    home: &Home,
    bound: &[(Field, Binding)],
    types: &Option<BodyTypes>,
) -> Result<(TokenStream, Vec<TokenStream>), Error> {
    let what = &home.name;
    let body_count = bound.iter().filter(|(_, b)| *b == Binding::Body).count();
    let decode = match types {
        _ if body_count == 0 => quote!(),
        None => quote!(),
        Some(t) => {
            let name = &t.owned_name;
            quote!(let body: #name = crate::protocol::decode_json(body, #what)?;)
        }
    };
    let mut inits = Vec::new();
    let mut label_index = 0usize;
    for (f, b) in bound {
        let id = &f.ident;
        let member = f.member.name.as_str();
        let absent = |f: &Field| -> Result<TokenStream, Error> {
            Ok(match &f.kind {
                FieldKind::Optional => quote!(#NONE),
                FieldKind::Required => {
                    let msg = format!("{member}: required member is missing");
                    quote!(return #ERR(#STRING::from(#msg)))
                }
                FieldKind::Default(v) => {
                    if is_zero_default(ctx, &f.member.target, v) {
                        quote!(#DEFAULT::default())
                    } else {
                        default_expr(ctx, &f.member.target, v, &shape.id.member(member))?
                    }
                }
            })
        };
        let present = |value: TokenStream, f: &Field| -> TokenStream {
            if f.kind == FieldKind::Optional {
                quote!(#SOME(#value))
            } else {
                value
            }
        };
        let ty_of_code = &f.target_ty;
        let init = match b {
            Binding::Payload => {
                let missing = absent(f)?;
                let ty = &f.target_ty;
                let what_member = format!("{what}.{member}");
                let decoded = match payload_kind(ctx, f) {
                    PayloadKind::Json => quote!(crate::protocol::decode_json::<#ty>(body, #what_member)?),
                    PayloadKind::Blob => quote!(crate::primitives::Blob::new(body.to_vec())),
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
                let value = present(boxed, f);
                quote!(if body.is_empty() { #missing } else { #value })
            }
            Binding::ResponseCode => present(quote!(<#ty_of_code>::from(status)), f),
            Binding::PrefixHeaders(prefix) => {
                let missing = absent(f)?;
                let value = present(quote!(map), f);
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
            Binding::QueryParams => {
                let missing = absent(f)?;
                let value = present(quote!(map), f);
                let bound_keys: Vec<&str> = bound
                    .iter()
                    .filter_map(|(_, b)| match b {
                        Binding::Query(k) => Some(k.as_str()),
                        _ => None,
                    })
                    .collect();
                let collect = if map_of_lists(ctx, f) {
                    quote! {
                        let mut map: ::std::collections::HashMap<#STRING, #VEC<#STRING>> = ::std::collections::HashMap::new();
                        for (k, v) in query.iter().filter(|(k, _)| ![#(#bound_keys),*].contains(&k.as_str())) {
                            map.entry(k.clone()).or_default().push(v.clone());
                        }
                    }
                } else {
                    quote! {
                        let mut map: ::std::collections::HashMap<#STRING, #STRING> = ::std::collections::HashMap::new();
                        for (k, v) in query.iter().filter(|(k, _)| ![#(#bound_keys),*].contains(&k.as_str())) {
                            map.entry(k.clone()).or_insert_with(|| v.clone());
                        }
                    }
                };
                quote!({
                    #collect
                    if map.is_empty() { #missing } else { #value }
                })
            }
            Binding::Body => {
                if types.is_some() {
                    quote!(body.#id)
                } else {
                    // Unreachable: all-body structures decode whole.
                    absent(f)?
                }
            }
            Binding::Label => {
                let kind = scalar_kind(ctx, f)?;
                let ty = scalar_ty(f);
                let value = present(from_text(&kind, &ty, member), f);
                let i = label_index;
                label_index += 1;
                quote!({
                    let s: &str = &labels[#i];
                    #value
                })
            }
            Binding::Header(name) => {
                let kind = scalar_kind(ctx, f)?;
                let ty = scalar_ty(f);
                let missing = absent(f)?;
                match &kind {
                    ScalarKind::ListOf(inner) => {
                        let parse = from_text(inner, &ty, member);
                        let value = present(quote!(items), f);
                        quote!(match crate::protocol::header(headers, #name) {
                            #SOME(text) => {
                                let mut items = #VEC::new();
                                for s in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                                    items.push(#parse);
                                }
                                #value
                            }
                            #NONE => #missing,
                        })
                    }
                    ScalarKind::String if f.kind == FieldKind::Optional => {
                        quote!(crate::protocol::header(headers, #name).map(str::to_owned))
                    }
                    ScalarKind::Enum if f.kind == FieldKind::Optional => {
                        quote!(crate::protocol::header(headers, #name).map(<#ty>::from))
                    }
                    _ => {
                        let value = present(from_text(&kind, &ty, member), f);
                        quote!(match crate::protocol::header(headers, #name) {
                            #SOME(s) => #value,
                            #NONE => #missing,
                        })
                    }
                }
            }
            Binding::Query(key) => {
                let kind = scalar_kind(ctx, f)?;
                let ty = scalar_ty(f);
                let missing = absent(f)?;
                match &kind {
                    ScalarKind::ListOf(inner) => {
                        let parse = from_text(inner, &ty, member);
                        let value = present(quote!(items), f);
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
                        let value = present(from_text(&kind, &ty, member), f);
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
        };
        inits.push(quote!(#id: #init,));
    }
    Ok((decode, inits))
}

/// The parts of an HTTP message that a structure's decoder reads; it takes
/// those as parameters, and no others.
#[derive(Debug, Clone, Copy, Default)]
struct DecodeInputs {
    status: bool,
    labels: bool,
    query: bool,
    headers: bool,
    body: bool,
}

/// What a call of `decode_http` passes for each part of the message.
struct DecodeArgs {
    status: TokenStream,
    labels: TokenStream,
    query: TokenStream,
    headers: TokenStream,
    body: TokenStream,
}

impl DecodeInputs {
    fn of(bound: &[(Field, Binding)]) -> DecodeInputs {
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

    fn params(self) -> TokenStream {
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

    fn args(self, args: DecodeArgs) -> TokenStream {
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
fn decode_fn(
    ctx: &Ctx,
    shape: &Shape,
    home: &Home,
    bound: &[(Field, Binding)],
    types: &Option<BodyTypes>,
) -> Result<TokenStream, Error> {
    let what = &home.name;
    let all_body = !bound.is_empty() && bound.iter().all(|(_, b)| *b == Binding::Body);
    let body_expr = if all_body {
        quote!(crate::protocol::decode_json::<Self>(body, #what))
    } else {
        let (decode, inits) = decode_fields(ctx, shape, home, bound, types)?;
        quote! {
            #decode
            #OK(Self { #(#inits)* })
        }
    };
    let params = DecodeInputs::of(bound).params();
    Ok(quote! {
        pub(crate) fn decode_http(#params) -> #RESULT<Self, #STRING> {
            #body_expr
        }
    })
}

/// Whether an `httpQueryParams` member is a map of lists (repeated keys) rather than of strings.
fn map_of_lists(ctx: &Ctx, f: &Field) -> bool {
    match &ctx.shape(&f.member.target).kind {
        ShapeKind::Map { value, .. } => matches!(ctx.shape(&value.target).kind, ShapeKind::List(_)),
        _ => false,
    }
}

/// How a payload member travels.
enum PayloadKind {
    /// A structure, union or document: JSON.
    Json,
    /// A blob (streaming or not): the raw bytes.
    Blob,
    /// A string or enum: the raw UTF-8 text.
    Text { is_enum: bool },
}

fn payload_kind(ctx: &Ctx, f: &Field) -> PayloadKind {
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

/// The payload member's body expression and content type, if the structure has one.
fn encode_payload(ctx: &Ctx, bound: &[(Field, Binding)]) -> Option<(TokenStream, String)> {
    let (f, _) = bound.iter().find(|(_, b)| *b == Binding::Payload)?;
    let id = &f.ident;
    let target = ctx.shape(&f.member.target);
    let media_type = target.traits.other.get("smithy.api#mediaType").and_then(|v| v.as_str()).map(str::to_string);
    let (bytes, content_type) = match payload_kind(ctx, f) {
        PayloadKind::Json => (quote!(crate::protocol::encode_json(v)), "application/json".to_string()),
        PayloadKind::Blob => {
            let default = if matches!(target.kind, ShapeKind::Union(_)) {
                "application/vnd.amazon.eventstream"
            } else {
                "application/octet-stream"
            };
            (quote!(v.as_bytes().to_vec()), media_type.unwrap_or_else(|| default.to_string()))
        }
        PayloadKind::Text { .. } => {
            (quote!(v.as_str().as_bytes().to_vec()), media_type.unwrap_or_else(|| "text/plain".to_string()))
        }
    };
    let body = if f.kind == FieldKind::Optional {
        quote!(match &self.#id { #SOME(v) => #bytes, #NONE => #VEC::new() })
    } else {
        quote!({ let v = &self.#id; #bytes })
    };
    Some((body, content_type))
}

/// A header name from the model, lowercased and checked to be an HTTP token.
fn header_name(f: &Field, name: &str) -> Result<String, Error> {
    let token = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c);
    if name.is_empty() || !name.chars().all(token) {
        return Err(Error::at(f.at.clone(), format!("`{name}` is not a valid HTTP header name")));
    }
    Ok(name.to_ascii_lowercase())
}

/// Header statements: `add(name, value)` for every bound header. A value that
/// HTTP cannot carry runs `on_error` (which sees the `ValidationError` as `e`),
/// or with `None` is left out: a response is still worth sending.
fn encode_headers(
    ctx: &Ctx,
    bound: &[(Field, Binding)],
    on_error: Option<TokenStream>,
    add: &dyn Fn(TokenStream, TokenStream) -> TokenStream,
) -> Result<Vec<TokenStream>, Error> {
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
                quote!(crate::protocol::prefixed_header(#member, #prefix, k, v)),
                quote!((name, value)),
                add(quote!(name), quote!(value)),
            );
            let push = quote!(for (k, v) in map.iter() { #push });
            out.push(if f.kind == FieldKind::Optional {
                quote!(if let #SOME(map) = &self.#id { #push })
            } else {
                quote!({ let map = &self.#id; #push })
            });
            continue;
        }
        let Binding::Header(name) = b else { continue };
        let lower = header_name(f, name)?;
        let id = &f.ident;
        let member = f.member.name.as_str();
        let kind = scalar_kind(ctx, f)?;
        let text = match &kind {
            ScalarKind::ListOf(inner) => {
                let item = to_text(inner, quote!(item));
                quote!(&v.iter().map(|item| #item).collect::<#VEC<_>>().join(", "))
            }
            k => to_str(k, quote!(v)),
        };
        let push = use_header(
            quote!(crate::protocol::header_value(#member, #text)),
            quote!(value),
            add(quote!(::http::HeaderName::from_static(#lower)), quote!(value)),
        );
        out.push(if f.kind == FieldKind::Optional {
            quote!(if let #SOME(v) = &self.#id { #push })
        } else {
            quote!({ let v = &self.#id; #push })
        });
    }
    Ok(out)
}

/// One path segment of a URI pattern: literal text, or a label name and whether it is greedy.
type UriSegment = (String, Option<String>, bool);

/// Literal `key=value` pairs of a URI pattern's query part.
type LiteralQuery = Vec<(String, String)>;

/// Parses a URI pattern into path segments and literal query pairs.
fn parse_uri(op: &Shape, http: &Http) -> Result<(Vec<UriSegment>, LiteralQuery), Error> {
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
fn literal_query(query: &str) -> LiteralQuery {
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

fn insert_header(name: TokenStream, value: TokenStream) -> TokenStream {
    quote!(headers.insert(#name, #value))
}

/// The HTTP decode/encode of one error structure, shared by every operation
/// that can return it.
pub(crate) fn render_error(ctx: &Ctx, shape: &Shape, home: &Home) -> Result<TokenStream, Error> {
    let cfg = ctx.protocol_cfg();
    let path = home.path();
    let bound = bound_fields(ctx, shape)?;
    let types = body_types(ctx, shape, home, &bound)?;
    let decode = decode_fn(ctx, shape, home, &bound, &types)?;
    let headers = encode_headers(ctx, &bound, None, &insert_header)?;
    let response =
        response(quote!(Self::STATUS), quote!(#SOME(Self::CODE)), response_body(ctx, &bound, &types), headers);
    let body_types = types.iter().flat_map(|t| [t.owned.clone(), t.borrowed.clone()]);
    Ok(quote! {
        #(#body_types)*
        #cfg
        impl #path {
            #decode
            pub(crate) fn encode_http(&self) -> ::http::Response<#VEC<u8>> {
                #response
            }
        }
    })
}

/// Everything protocol-related for one operation.
pub(crate) fn render_operation(ctx: &Ctx, op: &Shape, errors: &[&crate::ir::ShapeId]) -> Result<TokenStream, Error> {
    let cfg = ctx.protocol_cfg();
    let ShapeKind::Operation(operation) = &op.kind else {
        return Ok(quote!());
    };
    let Some(http) = &op.traits.http else {
        return Err(Error::Unsupported {
            at: op.id.to_string(),
            what: "operations without the smithy.api#http trait (restJson1 needs it)".into(),
        });
    };
    let op_type = super::names::type_name(&ctx.renamed(&op.id));
    let op_ident = ident(&op_type);
    let error_ident = ident(&super::names::suffixed(&op_type, "Error"));
    let method = &http.method;
    let success = http.code;
    let (segments, literal_query) = parse_uri(op, http)?;

    let empty = Shape { id: op.id.clone(), kind: ShapeKind::Structure(Vec::new()), traits: Default::default() };
    let input = operation.input.as_ref().map(|id| ctx.shape(id)).unwrap_or(&empty);
    let output = operation.output.as_ref().map(|id| ctx.shape(id)).unwrap_or(&empty);
    let (Some(input_home), Some(output_home)) = (
        operation.input.as_ref().and_then(|id| ctx.homes.get(id)),
        operation.output.as_ref().and_then(|id| ctx.homes.get(id)),
    ) else {
        return Err(Error::Unsupported {
            at: op.id.to_string(),
            what: "operations without input or output structures".into(),
        });
    };
    let input_bound = bound_fields(ctx, input)?;
    let output_bound = bound_fields(ctx, output)?;

    // A label may appear once in the URI, and a query key be bound once.
    let mut seen_labels = std::collections::BTreeSet::new();
    for (_, label, _) in &segments {
        if let Some(name) = label {
            if !seen_labels.insert(name) {
                return Err(Error::at(op.id.as_str(), format!("uri label `{name}` appears more than once")));
            }
        }
    }
    let mut seen_keys: std::collections::BTreeSet<&str> = literal_query.iter().map(|(k, _)| k.as_str()).collect();
    for (f, b) in &input_bound {
        if let Binding::Query(key) = b {
            if !seen_keys.insert(key) {
                return Err(Error::at(f.at.clone(), format!("query parameter `{key}` is bound more than once")));
            }
        }
    }
    // Labels of the URI must be httpLabel members, and vice versa.
    let labels: Vec<&Field> = input_bound.iter().filter(|(_, b)| *b == Binding::Label).map(|(f, _)| f).collect();
    let mut label_order = Vec::new();
    for (_, label, _) in &segments {
        if let Some(name) = label {
            let field = labels.iter().find(|f| &f.member.name == name).ok_or_else(|| {
                Error::at(op.id.as_str(), format!("uri label `{name}` has no httpLabel member in the input"))
            })?;
            label_order.push(*field);
        }
    }
    if let Some(f) = labels.iter().find(|f| !label_order.iter().any(|l| l.member.name == f.member.name)) {
        return Err(Error::at(
            input.id.member(&f.member.name),
            format!("httpLabel member has no `{{{}}}` in the operation's uri", f.member.name),
        ));
    }
    // Labels follow the URI's order; decode_fields numbers them in member order, so
    // reorder the bound list of labels to URI order for decoding.
    let mut input_bound_uri_order: Vec<(Field, Binding)> =
        label_order.iter().map(|f| ((*f).clone(), Binding::Label)).collect();
    input_bound_uri_order.extend(input_bound.iter().filter(|(_, b)| *b != Binding::Label).cloned());

    // --- URI building (client) ---
    let mut uri_build = Vec::new();
    for (literal, label, greedy) in &segments {
        uri_build.push(quote!(uri.push('/');));
        match label {
            None => uri_build.push(quote!(uri.push_str(#literal);)),
            Some(name) => {
                let f = label_order.iter().find(|f| &f.member.name == name).expect("checked");
                let kind = scalar_kind(ctx, f)?;
                let id = &f.ident;
                let text = to_str(&kind, quote!(self.#id));
                uri_build.push(quote!(::smithy_codegen_runtime::uri::push_label(&mut uri, #text, #greedy);));
            }
        }
    }
    if segments.is_empty() {
        uri_build.push(quote!(uri.push('/');));
    }
    let mut query_build = Vec::new();
    for (k, v) in &literal_query {
        query_build.push(quote!(query.push((::std::borrow::Cow::Borrowed(#k), ::std::borrow::Cow::Borrowed(#v)));));
    }
    for (f, b) in &input_bound {
        if *b == Binding::QueryParams {
            let id = &f.ident;
            let lists = map_of_lists(ctx, f);
            let push = if lists {
                quote!(for (k, values) in map.iter() {
                    for v in values {
                        query
                            .push((::std::borrow::Cow::Borrowed(k.as_str()), ::std::borrow::Cow::Borrowed(v.as_str())));
                    }
                })
            } else {
                quote!(for (k, v) in map.iter() {
                    query.push((::std::borrow::Cow::Borrowed(k.as_str()), ::std::borrow::Cow::Borrowed(v.as_str())));
                })
            };
            query_build.push(if f.kind == FieldKind::Optional {
                quote!(if let #SOME(map) = &self.#id { #push })
            } else {
                quote!({ let map = &self.#id; #push })
            });
            continue;
        }
        let Binding::Query(key) = b else { continue };
        let id = &f.ident;
        let kind = scalar_kind(ctx, f)?;
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
    // Idempotency tokens the caller left empty are filled in, as the SDKs do.
    let fill_tokens: Vec<TokenStream> = input_bound
        .iter()
        .filter(|(f, _)| f.member.traits.idempotency_token && f.kind == FieldKind::Optional && f.repr == Repr::String)
        .map(|(f, _)| {
            let id = &f.ident;
            quote! {
                if self.#id.is_none() {
                    let mut filled = self.clone();
                    filled.#id = #SOME(crate::protocol::idempotency_token());
                    return filled.to_http_request();
                }
            }
        })
        .collect();
    let input_types = body_types(ctx, input, input_home, &input_bound)?;
    let method_tokens = match method.as_str() {
        "GET" | "PUT" | "POST" | "DELETE" | "HEAD" | "PATCH" | "OPTIONS" => {
            let method_const = format_ident!("{}", method);
            quote!(::http::Method::#method_const)
        }
        other => quote!(::http::Method::from_bytes(#other.as_bytes()).expect("model method")),
    };
    let mut input_headers = encode_headers(
        ctx,
        &input_bound,
        Some(quote!(return #ERR(e.into()))),
        &|name, value| quote!(builder = builder.header(#name, #value)),
    )?;
    let input_body = match encode_payload(ctx, &input_bound)
        .map(|(body, ct)| (body, quote!(#ct)))
        .or_else(|| encode_body(&input_bound, &input_types).map(|b| (b, quote!("application/json"))))
    {
        Some((body, content_type)) => {
            input_headers.push(quote!(builder = builder.header(::http::header::CONTENT_TYPE, #content_type);));
            body
        }
        None => quote!(#VEC::new()),
    };
    let (query_statements, request) = request_statements(&method_tokens, &query_build, &input_headers, input_body);
    let input_decode = decode_fn(ctx, input, input_home, &input_bound_uri_order, &input_types)?;
    let decode_request = decode_request(ctx, &op_ident, &input_bound)?;

    let pattern_tokens = segments
        .iter()
        .map(|(literal, label, greedy)| match (label, greedy) {
            (None, _) => quote!(::smithy_codegen_runtime::uri::Segment::Literal(#literal)),
            (Some(_), false) => quote!(::smithy_codegen_runtime::uri::Segment::Label),
            (Some(_), true) => quote!(::smithy_codegen_runtime::uri::Segment::Greedy),
        })
        .collect::<Vec<_>>();
    let literal_query_checks = if literal_query.is_empty() {
        quote!()
    } else {
        let checks = literal_query
            .iter()
            .map(|(k, v)| quote!(if !query.iter().any(|(qk, qv)| qk == #k && qv == #v) { return false; }));
        quote! {
            let query = ::smithy_codegen_runtime::uri::parse_query(request.uri().query());
            #(#checks)*
        }
    };

    // The error a server answers malformed requests with: the operation's first
    // client error with status 400 that carries a message, else an unmodeled 400.
    let bad_request = bad_request_error(ctx, errors, &error_ident)?;

    let output_types = body_types(ctx, output, output_home, &output_bound)?;
    let output_status = match output_bound.iter().find(|(_, b)| *b == Binding::ResponseCode) {
        Some((f, _)) => {
            let id = &f.ident;
            if f.kind == FieldKind::Optional {
                quote!(self.#id.and_then(|c| u16::try_from(c).ok()).unwrap_or(#success))
            } else {
                quote!(u16::try_from(self.#id).unwrap_or(#success))
            }
        }
        None => quote!(#success),
    };
    let output_headers = encode_headers(ctx, &output_bound, None, &insert_header)?;
    let output_response =
        response(output_status, quote!(#NONE), response_body(ctx, &output_bound, &output_types), output_headers);
    let output_decode = decode_fn(ctx, output, output_home, &output_bound, &output_types)?;
    let output_args = DecodeInputs::of(&output_bound).args(DecodeArgs {
        status: quote!(status),
        labels: quote!(&[]),
        query: quote!(&[]),
        headers: quote!(response.headers()),
        body: quote!(response.body().as_ref()),
    });

    let input_name = ident(&input_home.name);
    let output_name = ident(&output_home.name);
    let body_type_items: Vec<TokenStream> = [&input_types, &output_types]
        .into_iter()
        .flatten()
        .flat_map(|t| [t.owned.clone(), t.borrowed.clone()])
        .collect();

    // --- Errors (their own decode/encode impls are rendered once per error shape) ---
    let decode_arms = errors.iter().map(|id| error_decode_arm(ctx, id)).collect::<Result<Vec<_>, _>>()?;
    let encode_arms = errors.iter().map(|id| {
        let name = ident(&ctx.homes[*id].name);
        quote!(Self::#name(e) => e.encode_http(),)
    });

    let input_doc = format!(
        "Builds the HTTP request ({method} `{}`): constraints are checked first, labels are\npercent-encoded as single path segments. The URI holds the path and query only;\nthe caller adds scheme and host.",
        http.uri
    );
    let input_doc = super::docs::lines_to_attrs(&input_doc);

    Ok(quote! {
        #cfg
        impl #op_ident {
            /// The URI's path, segment by segment.
            const PATH: &'static [::smithy_codegen_runtime::uri::Segment] = &[#(#pattern_tokens),*];

            /// Whether a request is addressed to this operation (method, path and
            /// the URI's literal query parameters); it says nothing of the rest.
            pub fn matches<B>(request: &::http::Request<B>) -> bool {
                if request.method() != #method_tokens {
                    return false;
                }
                #literal_query_checks
                ::smithy_codegen_runtime::uri::match_path(Self::PATH, request.uri().path()).is_some()
            }
        }

        #(#body_type_items)*

        #cfg
        impl #input_name {
            #input_doc
            pub fn to_http_request(&self) -> #RESULT<::http::Request<#VEC<u8>>, crate::protocol::RequestError> {
                #(#fill_tokens)*
                self.validate()?;
                self.encode_http_request()
            }

            /// The request of [`Self::to_http_request`], without the constraint check.
            pub(crate) fn encode_http_request(&self) -> #RESULT<::http::Request<#VEC<u8>>, crate::protocol::RequestError> {
                let mut uri = #STRING::with_capacity(64);
                #(#uri_build)*
                #query_statements
                #request.map_err(|e| crate::protocol::RequestError::Build(e.to_string()))
            }

            /// Parses a request on the server side: method and path must match,
            /// labels are percent-decoded and parsed, members the request leaves out
            /// get the model's default where they have one, constraints are checked.
            /// Any failure is the operation's bad-request error (status 400).
            pub fn from_http_request<B: #AS_REF<[u8]>>(request: &::http::Request<B>) -> #RESULT<Self, #error_ident> {
                let fail = |message: #STRING| -> #error_ident { #bad_request };
                let input = Self::decode_http_request(request).map_err(fail)?;
                input.validate().map_err(|e| fail(e.to_string()))?;
                #OK(input)
            }

            /// The input of [`Self::from_http_request`], without the constraint check.
            pub(crate) fn decode_http_request<B: #AS_REF<[u8]>>(request: &::http::Request<B>) -> #RESULT<Self, #STRING> {
                if request.method() != #method_tokens {
                    return #ERR(format!("method {} does not match {}", request.method(), #method));
                }
                let path_mismatch = || format!("path `{}` does not match `{}`", request.uri().path(), #op_ident::URI_PATTERN);
                #decode_request
            }

            #input_decode
        }

        #cfg
        impl #output_name {
            /// Reads a response on the client side: a success status decodes the
            /// body (and bound headers); any other status, or a body that does not
            /// decode, becomes the operation's error.
            pub fn from_http_response<B: #AS_REF<[u8]>>(response: &::http::Response<B>) -> #RESULT<Self, #error_ident> {
                let status = response.status().as_u16();
                if !(200..300).contains(&status) {
                    return #ERR(#error_ident::from_http_response(response));
                }
                Self::decode_http(#output_args).map_err(|problem| {
                    let error = crate::error::Unhandled::new(status, #NONE, #SOME(problem));
                    #error_ident::Unhandled(error.with_body_snippet(response.body().as_ref()))
                })
            }

            /// The success response on the server side: the model's status, JSON body
            /// and bound headers (values HTTP cannot carry are left out).
            pub fn to_http_response(&self) -> ::http::Response<#VEC<u8>> {
                #output_response
            }

            #output_decode
        }

        #cfg
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
                let meta = crate::protocol::ErrorMetadata::read(headers, body);
                match meta.code.as_deref() {
                    #(#decode_arms)*
                    _ => Self::Unhandled(meta.unhandled(status, body)),
                }
            }

            /// The error response on the server side: status from `httpError`, the
            /// `X-Amzn-ErrorType` header, a JSON body and bound headers such as `Retry-After`.
            pub fn to_http_response(&self) -> ::http::Response<#VEC<u8>> {
                match self {
                    #(#encode_arms)*
                    Self::Unhandled(e) => e.to_http_response(),
                }
            }
        }
    })
}

/// The arm of an operation error's `from_http_response` for one modeled error
/// (`status`, `headers`, `body` and the error metadata `meta` are in scope).
fn error_decode_arm(ctx: &Ctx, id: &crate::ir::ShapeId) -> Result<TokenStream, Error> {
    let home = &ctx.homes[id];
    let name = ident(&home.name);
    let path = home.path();
    let code = id.name();
    let args = DecodeInputs::of(&bound_fields(ctx, ctx.shape(id))?).args(DecodeArgs {
        status: quote!(status),
        labels: quote!(&[]),
        query: quote!(&[]),
        headers: quote!(headers),
        body: quote!(body),
    });
    // The metadata's message stands in for an absent modeled one.
    let fill_message = fields(ctx, ctx.shape(id))?
        .into_iter()
        .find(|f| f.member.name.eq_ignore_ascii_case("message") && f.repr == Repr::String)
        .filter(|f| f.kind == FieldKind::Optional)
        .map(|f| f.ident);
    let decoded = match fill_message {
        Some(field) => quote!(#OK(mut e) => {
            if e.#field.is_none() {
                e.#field = meta.message;
            }
            Self::#name(e)
        }),
        None => quote!(#OK(e) => Self::#name(e),),
    };
    Ok(quote! {
        #SOME(#code) => match #path::decode_http(#args) {
            #decoded
            #ERR(problem) => Self::Unhandled(meta.undecodable(status, problem, body)),
        },
    })
}

/// The statements of `to_http_request` after the path: the query (none when
/// nothing can be in it), then the request with its headers and body.
fn request_statements(
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

/// The body of `decode_http_request` after the method check: match the path,
/// read what the input's members need (labels, query), decode them, then give
/// the members the request left out their model default (see
/// [`super::structure::unset_default`]), so that a handler sees the same value
/// whether or not the client sent it.
fn decode_request(
    ctx: &Ctx,
    op_ident: &proc_macro2::Ident,
    input_bound: &[(Field, Binding)],
) -> Result<TokenStream, Error> {
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
        let value = default_expr(ctx, &f.member.target, default, &f.at)?;
        fills.push(if default.is_number() || default.is_boolean() {
            quote!(input.#id.get_or_insert(#value);)
        } else if is_zero_default(ctx, &f.member.target, default) {
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
    Ok(quote! {
        #labels
        #query
        #decode
    })
}

/// The expression (with `message: String` in scope) of the error a server
/// answers a malformed request with.
fn bad_request_error(
    ctx: &Ctx,
    errors: &[&crate::ir::ShapeId],
    error_ident: &proc_macro2::Ident,
) -> Result<TokenStream, Error> {
    for id in errors {
        let shape = ctx.shape(id);
        if shape.traits.http_error != Some(400) {
            continue;
        }
        let fields = fields(ctx, shape)?;
        let Some(message) =
            fields.iter().find(|f| f.member.name.eq_ignore_ascii_case("message") && f.repr == Repr::String)
        else {
            continue;
        };
        if fields.iter().any(|f| f.kind == FieldKind::Required && f.member.name != message.member.name) {
            continue;
        }
        let home = &ctx.homes[*id];
        let path = home.path();
        let variant = ident(&home.name);
        let mut inits = Vec::new();
        for f in &fields {
            let id = &f.ident;
            let value = if f.member.name == message.member.name {
                if f.kind == FieldKind::Optional {
                    quote!(#SOME(message))
                } else {
                    quote!(message)
                }
            } else {
                match &f.kind {
                    FieldKind::Optional => quote!(#NONE),
                    FieldKind::Default(v) if is_zero_default(ctx, &f.member.target, v) => {
                        quote!(#DEFAULT::default())
                    }
                    FieldKind::Default(v) => default_expr(ctx, &f.member.target, v, &shape.id.member(&f.member.name))?,
                    FieldKind::Required => unreachable!("skipped above"),
                }
            };
            inits.push(quote!(#id: #value,));
        }
        return Ok(quote!(#error_ident::#variant(#path { #(#inits)* })));
    }
    Ok(quote! {
        #error_ident::Unhandled(crate::error::Unhandled::new(
            400,
            #SOME(#STRING::from("ValidationException")),
            #SOME(message),
        ))
    })
}

//! Rust types of member targets.

use super::prelude::*;
use proc_macro2::TokenStream;
use quote::quote;
use serde_json::Value;

use super::Ctx;
use crate::error::Error;
use crate::ir::{ShapeId, ShapeKind, Simple};

/// How a target is represented, as far as getters and defaults care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Repr {
    /// `String`
    String,
    /// A `Copy` scalar (`bool`, integers, floats).
    Copy,
    /// `Vec<T>`
    List,
    /// `HashMap<K, T>`, keyed by `String` or by the key's enum
    Map,
    /// A generated type (structure, enum, union), a blob or a timestamp:
    /// getters lend it by reference.
    Named,
    /// `serde_json::Value`
    Document,
}

/// The Rust type of a target, and how it is represented.
pub(crate) fn rust_type(ctx: &Ctx, target: &ShapeId, at: &str) -> Result<(TokenStream, Repr), Error> {
    let shape = ctx.shape(target);
    let unsupported = |what: &str| Error::Unsupported { at: at.to_string(), what: what.to_string() };
    Ok(match &shape.kind {
        ShapeKind::Simple(simple) => match simple {
            Simple::String => (quote!(#STRING), Repr::String),
            Simple::Boolean => (quote!(bool), Repr::Copy),
            Simple::Byte => (quote!(i8), Repr::Copy),
            Simple::Short => (quote!(i16), Repr::Copy),
            Simple::Integer => (quote!(i32), Repr::Copy),
            Simple::Long => (quote!(i64), Repr::Copy),
            Simple::Float => (quote!(f32), Repr::Copy),
            Simple::Double => (quote!(f64), Repr::Copy),
            Simple::Document => (quote!(::serde_json::Value), Repr::Document),
            Simple::Blob => (quote!(crate::primitives::Blob), Repr::Named),
            Simple::Timestamp => (quote!(crate::primitives::DateTime), Repr::Named),
            Simple::BigInteger | Simple::BigDecimal => return Err(unsupported("bigInteger and bigDecimal members")),
        },
        ShapeKind::List(member) => {
            let (inner, _) = rust_type(ctx, &member.target, at)?;
            (quote!(#VEC<#inner>), Repr::List)
        }
        ShapeKind::Map { key, value } => {
            let (key_ty, _) = map_key_type(ctx, &key.target, at)?;
            let (inner, _) = rust_type(ctx, &value.target, at)?;
            (quote!(::std::collections::HashMap<#key_ty, #inner>), Repr::Map)
        }
        ShapeKind::Enum(_) | ShapeKind::IntEnum(_) | ShapeKind::Structure(_) | ShapeKind::Union(_) => {
            let home = ctx
                .homes
                .get(target)
                .ok_or_else(|| Error::at(at, format!("target `{target}` has no generated type")))?;
            (home.path(), Repr::Named)
        }
        ShapeKind::Operation(_) | ShapeKind::Resource(_) | ShapeKind::Service(_) => {
            return Err(Error::at(at, format!("target `{target}` is not a data shape")))
        }
    })
}

/// The key type of a map: its enum when the key targets one (unknown keys
/// are kept by the enum's fallback variant), else `String`.
pub(crate) fn map_key_type(ctx: &Ctx, key: &ShapeId, at: &str) -> Result<(TokenStream, Repr), Error> {
    match ctx.shape(key).kind {
        ShapeKind::Enum(_) => rust_type(ctx, key, at),
        _ => Ok((quote!(#STRING), Repr::String)),
    }
}

/// Whether `default` equals the Rust type's `Default::default()`.
pub(crate) fn is_zero_default(ctx: &Ctx, target: &ShapeId, default: &Value) -> bool {
    match (&ctx.shape(target).kind, default) {
        (ShapeKind::Simple(Simple::Boolean), Value::Bool(b)) => !b,
        (ShapeKind::Simple(s), Value::Number(n)) if s.is_number() => n.as_f64() == Some(0.0),
        (ShapeKind::Simple(Simple::String | Simple::Blob), Value::String(s)) => s.is_empty(),
        (ShapeKind::List(_), Value::Array(a)) => a.is_empty(),
        (ShapeKind::Map { .. }, Value::Object(o)) => o.is_empty(),
        _ => false,
    }
}

/// An expression of the default value `default` for a member targeting `target`.
pub(crate) fn default_expr(ctx: &Ctx, target: &ShapeId, default: &Value, at: &str) -> Result<TokenStream, Error> {
    let shape = ctx.shape(target);
    let bad = || Error::at(at, format!("default value {default} does not fit target `{target}`"));
    Ok(match (&shape.kind, default) {
        (ShapeKind::Simple(Simple::Boolean), Value::Bool(b)) => quote!(#b),
        (ShapeKind::Simple(Simple::String), Value::String(s)) => quote!(#STRING::from(#s)),
        (ShapeKind::Simple(simple), Value::Number(n)) => {
            let literal = match simple {
                Simple::Byte => n.as_i64().and_then(|v| i8::try_from(v).ok()).map(|v| quote!(#v)),
                Simple::Short => n.as_i64().and_then(|v| i16::try_from(v).ok()).map(|v| quote!(#v)),
                Simple::Integer => n.as_i64().and_then(|v| i32::try_from(v).ok()).map(|v| quote!(#v)),
                Simple::Long => n.as_i64().map(|v| quote!(#v)),
                Simple::Float => n.as_f64().map(|v| {
                    let v = v as f32;
                    quote!(#v)
                }),
                Simple::Double => n.as_f64().map(|v| quote!(#v)),
                // Epoch seconds.
                Simple::Timestamp => match n.as_i64() {
                    Some(seconds) => Some(quote!(crate::primitives::DateTime::from_secs(#seconds))),
                    None => n.as_f64().map(|seconds| quote!(crate::primitives::DateTime::from_secs_f64(#seconds))),
                },
                _ => None,
            };
            literal.ok_or_else(bad)?
        }
        (ShapeKind::Enum(values), Value::String(s)) => {
            if !values.iter().any(|v| &v.value == s) {
                return Err(Error::at(at, format!("default `{s}` is not a value of enum `{target}`")));
            }
            let path = ctx.homes[target].path();
            quote!(#path::from(#s))
        }
        (ShapeKind::Simple(Simple::Blob), Value::String(s)) if s.is_empty() => {
            quote!(crate::primitives::Blob::default())
        }
        // Smithy writes blob defaults in base64; the bytes go in as a byte string.
        (ShapeKind::Simple(Simple::Blob), Value::String(s)) => {
            let bytes = proc_macro2::Literal::byte_string(&decode_base64(s).ok_or_else(bad)?);
            quote!(crate::primitives::Blob::new(#bytes.to_vec()))
        }
        (ShapeKind::Simple(Simple::Document), document) => document_expr(document).ok_or_else(bad)?,
        (ShapeKind::IntEnum(_), Value::Number(n)) => {
            let value = n.as_i64().and_then(|v| i32::try_from(v).ok()).ok_or_else(bad)?;
            let path = ctx.homes[target].path();
            quote!(#path(#value))
        }
        (ShapeKind::List(_), Value::Array(a)) if a.is_empty() => quote!(#VEC::new()),
        (ShapeKind::Map { .. }, Value::Object(o)) if o.is_empty() => quote!(::std::collections::HashMap::new()),
        _ => return Err(bad()),
    })
}

/// A document default: a scalar, or an empty list or object (what Smithy
/// models write; larger documents are left to the model's author).
fn document_expr(document: &Value) -> Option<TokenStream> {
    Some(match document {
        Value::Null => quote!(::serde_json::Value::Null),
        Value::Bool(b) => quote!(::serde_json::Value::Bool(#b)),
        Value::String(s) => quote!(::serde_json::Value::String(#STRING::from(#s))),
        Value::Number(n) => {
            let text = n.to_string();
            quote!(::serde_json::Value::Number(#text.parse().expect("a JSON number")))
        }
        Value::Array(a) if a.is_empty() => quote!(::serde_json::Value::Array(#VEC::new())),
        Value::Object(o) if o.is_empty() => quote!(::serde_json::Value::Object(::serde_json::Map::new())),
        _ => return None,
    })
}

/// Standard base64 (padding optional); `None` for anything else.
fn decode_base64(text: &str) -> Option<Vec<u8>> {
    let digits = text.trim_end_matches('=').as_bytes();
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    if digits.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let mut bits = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            bits |= u32::from(value(c)?) << (18 - 6 * i);
        }
        out.extend_from_slice(&bits.to_be_bytes()[1..chunk.len()]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::decode_base64;

    #[test]
    fn base64_defaults_decode() {
        assert_eq!(decode_base64("YWJj").as_deref(), Some(&b"abc"[..]));
        assert_eq!(decode_base64("YQ==").as_deref(), Some(&b"a"[..]));
        assert_eq!(decode_base64("YWI").as_deref(), Some(&b"ab"[..]));
        assert_eq!(decode_base64(""), Some(Vec::new()));
        assert_eq!(decode_base64("Y"), None);
        assert_eq!(decode_base64("Y*=="), None);
    }
}

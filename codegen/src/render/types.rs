//! Rust types of member targets.

use super::prelude::*;
use proc_macro2::TokenStream;
use quote::quote;

use super::Ctx;
use crate::ast::Node;
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
pub(crate) fn is_zero_default(ctx: &Ctx, target: &ShapeId, default: &Node) -> bool {
    match (&ctx.shape(target).kind, default) {
        (ShapeKind::Simple(Simple::Boolean), Node::Bool(b)) => !b,
        (ShapeKind::Simple(s), Node::Number(n)) if s.is_number() => n.as_f64() == Some(0.0),
        (ShapeKind::Simple(Simple::String | Simple::Blob), Node::String(s)) => s.is_empty(),
        (ShapeKind::List(_), Node::Array(a)) => a.is_empty(),
        (ShapeKind::Map { .. }, Node::Object(o)) => o.is_empty(),
        _ => false,
    }
}

/// An expression of the default value `default` for a member targeting `target`.
pub(crate) fn default_expr(ctx: &Ctx, target: &ShapeId, default: &Node, at: &str) -> Result<TokenStream, Error> {
    let shape = ctx.shape(target);
    let bad = || Error::at(at, format!("default value {default} does not fit target `{target}`"));
    Ok(match (&shape.kind, default) {
        (ShapeKind::Simple(Simple::Boolean), Node::Bool(b)) => quote!(#b),
        (ShapeKind::Simple(Simple::String), Node::String(s)) => quote!(#STRING::from(#s)),
        (ShapeKind::Simple(simple), Node::Number(n)) => {
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
                _ => None,
            };
            literal.ok_or_else(bad)?
        }
        (ShapeKind::Enum(values), Node::String(s)) => {
            if !values.iter().any(|v| &v.value == s) {
                return Err(Error::at(at, format!("default `{s}` is not a value of enum `{target}`")));
            }
            let path = ctx.homes[target].path();
            quote!(#path::from(#s))
        }
        (ShapeKind::List(_), Node::Array(a)) if a.is_empty() => quote!(#VEC::new()),
        (ShapeKind::Map { .. }, Node::Object(o)) if o.is_empty() => quote!(::std::collections::HashMap::new()),
        _ => return Err(bad()),
    })
}

//! The Rust type of every member target, and member defaults, as data.

use crate::ast::Node;

use super::{Home, Plan};
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

/// A Rust type that generated code names.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum RustType {
    String,
    Bool,
    I8,
    I16,
    I32,
    I64,
    F32,
    F64,
    /// `serde_json::Value`
    Document,
    /// The runtime's `Blob`.
    Blob,
    /// The runtime's `DateTime`.
    DateTime,
    Vec(Box<RustType>),
    /// `HashMap<key, value>`
    Map(Box<RustType>, Box<RustType>),
    /// A generated type, by the home the plan gave it.
    Generated(Home),
    /// The runtime's `EventDecoder` of a `@streaming` union (the union's home).
    EventDecoder(Home),
}

impl Plan {
    /// The Rust type of a target, and how it is represented; `at` names the member for errors.
    pub(crate) fn rust_type(&self, target: &ShapeId, at: &str) -> Result<(RustType, Repr), Error> {
        let shape = &self.model.shapes[target];
        let unsupported = |what: &str| Error::Unsupported { at: at.to_string(), what: what.to_string() };
        Ok(match &shape.kind {
            ShapeKind::Simple(simple) => match simple {
                Simple::String => (RustType::String, Repr::String),
                Simple::Boolean => (RustType::Bool, Repr::Copy),
                Simple::Byte => (RustType::I8, Repr::Copy),
                Simple::Short => (RustType::I16, Repr::Copy),
                Simple::Integer => (RustType::I32, Repr::Copy),
                Simple::Long => (RustType::I64, Repr::Copy),
                Simple::Float => (RustType::F32, Repr::Copy),
                Simple::Double => (RustType::F64, Repr::Copy),
                Simple::Document => (RustType::Document, Repr::Document),
                Simple::Blob => (RustType::Blob, Repr::Named),
                Simple::Timestamp => (RustType::DateTime, Repr::Named),
                Simple::BigInteger | Simple::BigDecimal => {
                    return Err(unsupported("bigInteger and bigDecimal members"))
                }
            },
            ShapeKind::List(member) => {
                let (inner, _) = self.rust_type(&member.target, at)?;
                (RustType::Vec(Box::new(inner)), Repr::List)
            }
            ShapeKind::Map { key, value } => {
                let (key_ty, _) = self.map_key_type(&key.target, at)?;
                let (inner, _) = self.rust_type(&value.target, at)?;
                (RustType::Map(Box::new(key_ty), Box::new(inner)), Repr::Map)
            }
            ShapeKind::Enum(_) | ShapeKind::IntEnum(_) | ShapeKind::Structure(_) | ShapeKind::Union(_) => {
                let home = self
                    .homes
                    .get(target)
                    .ok_or_else(|| Error::at(at, format!("target `{target}` has no generated type")))?;
                (RustType::Generated(home.clone()), Repr::Named)
            }
            ShapeKind::Operation(_) | ShapeKind::Resource(_) | ShapeKind::Service(_) => {
                return Err(Error::at(at, format!("target `{target}` is not a data shape")))
            }
        })
    }

    /// The key type of a map: its enum when the key targets one (unknown keys
    /// are kept by the enum's fallback variant), else `String`.
    pub(crate) fn map_key_type(&self, key: &ShapeId, at: &str) -> Result<(RustType, Repr), Error> {
        match self.model.shapes[key].kind {
            ShapeKind::Enum(_) => self.rust_type(key, at),
            _ => Ok((RustType::String, Repr::String)),
        }
    }

    /// Whether `default` equals the Rust type's `Default::default()`.
    pub(crate) fn is_zero_default(&self, target: &ShapeId, default: &Node) -> bool {
        match (&self.model.shapes[target].kind, default) {
            (ShapeKind::Simple(Simple::Boolean), Node::Bool(b)) => !b,
            (ShapeKind::Simple(s), Node::Number(n)) if s.is_number() => n.as_f64() == Some(0.0),
            (ShapeKind::Simple(Simple::String | Simple::Blob), Node::String(s)) => s.is_empty(),
            (ShapeKind::List(_), Node::Array(a)) => a.is_empty(),
            (ShapeKind::Map { .. }, Node::Object(o)) => o.is_empty(),
            _ => false,
        }
    }

    /// The default value `default` for a member targeting `target`, checked
    /// against the target.
    pub(crate) fn default_value(&self, target: &ShapeId, default: &Node, at: &str) -> Result<DefaultValue, Error> {
        let shape = &self.model.shapes[target];
        let bad = || Error::at(at, format!("default value {default} does not fit target `{target}`"));
        Ok(match (&shape.kind, default) {
            (ShapeKind::Simple(Simple::Boolean), Node::Bool(b)) => DefaultValue::Bool(*b),
            (ShapeKind::Simple(Simple::String), Node::String(s)) => DefaultValue::String(s.clone()),
            (ShapeKind::Simple(simple), Node::Number(n)) => {
                let literal = match simple {
                    Simple::Byte => n.as_i64().and_then(|v| i8::try_from(v).ok()).map(DefaultValue::I8),
                    Simple::Short => n.as_i64().and_then(|v| i16::try_from(v).ok()).map(DefaultValue::I16),
                    Simple::Integer => n.as_i64().and_then(|v| i32::try_from(v).ok()).map(DefaultValue::I32),
                    Simple::Long => n.as_i64().map(DefaultValue::I64),
                    // A number beyond the type's range has no literal.
                    Simple::Float => n.as_f64().map(|v| v as f32).filter(|v| v.is_finite()).map(DefaultValue::F32),
                    Simple::Double => n.as_f64().filter(|v| v.is_finite()).map(DefaultValue::F64),
                    _ => None,
                };
                literal.ok_or_else(bad)?
            }
            (ShapeKind::Enum(values), Node::String(s)) => {
                if !values.iter().any(|v| &v.value == s) {
                    return Err(Error::at(at, format!("default `{s}` is not a value of enum `{target}`")));
                }
                DefaultValue::Enum(self.homes[target].clone(), s.clone())
            }
            (ShapeKind::List(_), Node::Array(a)) if a.is_empty() => DefaultValue::EmptyVec,
            (ShapeKind::Map { .. }, Node::Object(o)) if o.is_empty() => DefaultValue::EmptyMap,
            _ => return Err(bad()),
        })
    }
}

/// A model default, as the Rust value it becomes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum DefaultValue {
    Bool(bool),
    String(String),
    I8(i8),
    I16(i16),
    I32(i32),
    I64(i64),
    F32(f32),
    F64(f64),
    /// A known value of a generated enum.
    Enum(Home, String),
    EmptyVec,
    EmptyMap,
}

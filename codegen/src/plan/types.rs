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
    /// `Option<T>`: the items of a `@sparse` list or map, which may be null.
    Option(Box<RustType>),
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
                let (inner, _) = self.item_type(target, &member.target, at)?;
                (RustType::Vec(Box::new(inner)), Repr::List)
            }
            ShapeKind::Map { key, value } => {
                let (key_ty, _) = self.map_key_type(&key.target, at)?;
                let (inner, _) = self.item_type(target, &value.target, at)?;
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

    /// The type of the items of `collection` (a list's members, a map's
    /// values): `Option<T>` when the collection is `@sparse`, so that its
    /// nulls are kept, as smithy-rs holds them; `T` otherwise.
    pub(crate) fn item_type(&self, collection: &ShapeId, item: &ShapeId, at: &str) -> Result<(RustType, Repr), Error> {
        let (ty, repr) = self.rust_type(item, at)?;
        Ok(if self.is_sparse(collection) { (RustType::Option(Box::new(ty)), Repr::Named) } else { (ty, repr) })
    }

    /// Whether a list or map is `@sparse` (its items may be null).
    pub(crate) fn is_sparse(&self, collection: &ShapeId) -> bool {
        self.model.shapes[collection].traits.has("smithy.api#sparse")
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
                    // Epoch seconds.
                    Simple::Timestamp => match n.as_i64() {
                        Some(seconds) => Some(DefaultValue::EpochSeconds(seconds)),
                        None => n.as_f64().map(DefaultValue::EpochSecondsF64),
                    },
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
            // Smithy writes blob defaults in base64: decoded here, written as bytes.
            (ShapeKind::Simple(Simple::Blob), Node::String(s)) => DefaultValue::Blob(decode_base64(s).ok_or_else(bad)?),
            (ShapeKind::Simple(Simple::Document), document) => {
                DefaultValue::Document(DocumentDefault::of(document).ok_or_else(bad)?)
            }
            (ShapeKind::IntEnum(_), Node::Number(n)) => {
                let value = n.as_i64().and_then(|v| i32::try_from(v).ok()).ok_or_else(bad)?;
                DefaultValue::IntEnum(self.homes[target].clone(), value)
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
    /// A value of a generated intEnum.
    IntEnum(Home, i32),
    /// A timestamp, in whole seconds since the epoch.
    EpochSeconds(i64),
    /// A timestamp, in fractional seconds since the epoch.
    EpochSecondsF64(f64),
    /// A blob's bytes (decoded from the model's base64).
    Blob(Vec<u8>),
    /// A document.
    Document(DocumentDefault),
    EmptyVec,
    EmptyMap,
}

/// A document default: a scalar, or an empty list or object (what Smithy
/// models write; larger documents are left to the model's author).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum DocumentDefault {
    Null,
    Bool(bool),
    String(String),
    /// A JSON number's text, which `serde_json::Number` parses.
    Number(String),
    EmptyArray,
    EmptyObject,
}

impl DocumentDefault {
    /// The document default `node` stands for; `None` for larger documents
    /// and for numbers `serde_json` cannot hold.
    fn of(node: &Node) -> Option<DocumentDefault> {
        Some(match node {
            Node::Null => DocumentDefault::Null,
            Node::Bool(b) => DocumentDefault::Bool(*b),
            Node::String(s) => DocumentDefault::String(s.clone()),
            Node::Number(n) => {
                let text = n.as_str();
                text.parse::<serde_json::Number>().ok()?;
                DocumentDefault::Number(text.to_string())
            }
            Node::Array(a) if a.is_empty() => DocumentDefault::EmptyArray,
            Node::Object(o) if o.is_empty() => DocumentDefault::EmptyObject,
            _ => return None,
        })
    }
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

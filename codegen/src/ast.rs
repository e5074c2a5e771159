//! Parse stage: serde types that mirror the Smithy JSON AST (IDL 2.0) one to one.
//!
//! Nothing here is validated beyond JSON syntax and field types; traits stay
//! node values ([`Node`], numbers as written) so that unknown traits survive a
//! read/write round trip. Models are read from text in memory (`serde_json`'s
//! `from_str` or `from_slice`): node values borrow their text while they are read.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

pub use crate::node::{Node, NodeMap, Number};
use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::Error;

/// A whole model file: `{"smithy": "2.0", "metadata": {...}, "shapes": {...}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AstModel {
    /// The IDL version (`"2.0"`, or `"1.0"` for legacy files).
    pub smithy: String,
    /// Free-form model metadata, kept as is.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub metadata: BTreeMap<String, Node>,
    /// Shapes by absolute shape id, in the file's order.
    #[serde(default)]
    pub shapes: OrderedMap<AstShape>,
}

/// A reference to another shape: `{"target": "ns#Name"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AstRef {
    /// The absolute id of the referenced shape.
    pub target: String,
}

/// A member of an aggregate shape: a target plus member traits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AstMember {
    /// The absolute id of the member's target shape.
    pub target: String,
    /// Member traits by absolute trait id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub traits: BTreeMap<String, Node>,
}

/// One shape of any type; fields that do not apply to the type stay empty.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AstShape {
    /// The shape type (`structure`, `string`, `operation`, ...).
    #[serde(rename = "type")]
    pub shape_type: String,
    /// Structure, union, enum and intEnum members, in declaration order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members: Option<OrderedMap<AstMember>>,
    /// The member of a list or set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<AstMember>,
    /// The key of a map.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<AstMember>,
    /// The value of a map.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<AstMember>,
    /// Operation input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input: Option<AstRef>,
    /// Operation output.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<AstRef>,
    /// Operation or service errors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<AstRef>>,
    /// Service version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Operations bound to a service or resource.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operations: Option<Vec<AstRef>>,
    /// Resources bound to a service or resource.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resources: Option<Vec<AstRef>>,
    /// Service shape renames (`shape id -> new name`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rename: Option<BTreeMap<String, String>>,
    /// Resource identifiers, in declaration order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifiers: Option<OrderedMap<AstRef>>,
    /// Resource properties, in declaration order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub properties: Option<OrderedMap<AstRef>>,
    /// Resource lifecycle operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create: Option<AstRef>,
    /// Resource lifecycle operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub put: Option<AstRef>,
    /// Resource lifecycle operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read: Option<AstRef>,
    /// Resource lifecycle operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub update: Option<AstRef>,
    /// Resource lifecycle operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delete: Option<AstRef>,
    /// Resource lifecycle operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list: Option<AstRef>,
    /// Operations bound to a resource's collection.
    #[serde(default, rename = "collectionOperations", skip_serializing_if = "Option::is_none")]
    pub collection_operations: Option<Vec<AstRef>>,
    /// Mixins applied to this shape.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mixins: Option<Vec<AstRef>>,
    /// Shape traits by absolute trait id; unknown traits are kept as they are.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub traits: BTreeMap<String, Node>,
}

/// A JSON object read into a vector, so that declaration order survives
/// (member order is part of a Smithy model) and duplicate keys are caught.
#[derive(Debug, Clone, PartialEq)]
pub struct OrderedMap<V>(pub Vec<(String, V)>);

impl<V> Default for OrderedMap<V> {
    fn default() -> Self {
        OrderedMap(Vec::new())
    }
}

impl<V> OrderedMap<V> {
    /// The value stored under `key`.
    pub fn get(&self, key: &str) -> Option<&V> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Entries in declaration order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &V)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether the map has no entry.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<V: Serialize> Serialize for OrderedMap<V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for OrderedMap<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OrderedVisitor<V>(PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for OrderedVisitor<V> {
            type Value = OrderedMap<V>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                let mut entries: Vec<(String, V)> = Vec::with_capacity(access.size_hint().unwrap_or(0));
                let mut seen = std::collections::HashSet::new();
                while let Some((key, value)) = access.next_entry::<String, V>()? {
                    if !seen.insert(key.clone()) {
                        return Err(serde::de::Error::custom(format_args!("duplicate key `{key}`")));
                    }
                    entries.push((key, value));
                }
                Ok(OrderedMap(entries))
            }
        }
        deserializer.deserialize_map(OrderedVisitor(PhantomData))
    }
}

/// Reads a model from JSON bytes; errors carry the line and column.
pub fn parse(bytes: &[u8]) -> Result<AstModel, Error> {
    serde_json::from_slice(bytes).map_err(|source| Error::Json {
        line: source.line(),
        column: source.column(),
        message: source.to_string(),
    })
}

/// A model file read only down to its shapes: each shape stays the raw JSON
/// text it is in the file, to be parsed when (and if) it is needed. Reading it
/// checks the whole file's JSON syntax and catches duplicate shape ids, but
/// costs about a fifth of [`parse`] on a large model whose bytes are mostly
/// documentation.
#[derive(Debug, Deserialize)]
pub struct AstIndex<'a> {
    /// The IDL version.
    pub smithy: String,
    /// Shapes by absolute shape id, in the file's order, as raw JSON.
    #[serde(default, borrow)]
    pub shapes: OrderedMap<&'a serde_json::value::RawValue>,
}

/// Reads a model file's index (see [`AstIndex`]); errors as in [`parse`].
pub fn parse_index(bytes: &[u8]) -> Result<AstIndex<'_>, Error> {
    serde_json::from_slice(bytes).map_err(|source| Error::Json {
        line: source.line(),
        column: source.column(),
        message: source.to_string(),
    })
}

/// Parses one shape of an index; the error names the shape.
pub fn parse_shape(id: &str, raw: &serde_json::value::RawValue) -> Result<AstShape, Error> {
    serde_json::from_str(raw.get()).map_err(|e| Error::at(id, e.to_string()))
}

/// The value of the top-level `"type"` key of a shape's JSON text, found
/// without parsing the rest of the object (the key usually comes first).
/// `json` must be valid JSON, as a `RawValue` is. `None` when the answer is not
/// plain: no such key, a value that is not a string, or escapes in a key or
/// in the value; the caller then parses the shape instead.
pub fn shape_type(json: &str) -> Option<&str> {
    let bytes = json.as_bytes();
    let mut at = skip_whitespace(bytes, 0);
    if bytes.get(at) != Some(&b'{') {
        return None;
    }
    at += 1;
    loop {
        at = skip_whitespace(bytes, at);
        let (key, after_key) = json_string(bytes, at)?;
        at = skip_whitespace(bytes, after_key);
        if bytes.get(at) != Some(&b':') {
            return None;
        }
        at = skip_whitespace(bytes, at + 1);
        if key.contains(&b'\\') {
            return None;
        }
        if key == b"type" {
            let (value, _) = json_string(bytes, at)?;
            return if value.contains(&b'\\') { None } else { std::str::from_utf8(value).ok() };
        }
        at = skip_whitespace(bytes, skip_json_value(bytes, at)?);
        if bytes.get(at) != Some(&b',') {
            return None;
        }
        at += 1;
    }
}

fn skip_whitespace(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r')) {
        at += 1;
    }
    at
}

/// The raw contents of the JSON string starting at `at` (escapes left as they
/// are) and the position after its closing quote.
fn json_string(bytes: &[u8], at: usize) -> Option<(&[u8], usize)> {
    if bytes.get(at) != Some(&b'"') {
        return None;
    }
    let mut end = at + 1;
    loop {
        match bytes.get(end)? {
            b'\\' => end += 2,
            b'"' => return Some((&bytes[at + 1..end], end + 1)),
            _ => end += 1,
        }
    }
}

/// The position after the JSON value starting at `at`.
fn skip_json_value(bytes: &[u8], at: usize) -> Option<usize> {
    match bytes.get(at)? {
        b'"' => json_string(bytes, at).map(|(_, end)| end),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut end = at;
            loop {
                match bytes.get(end)? {
                    b'"' => {
                        end = json_string(bytes, end)?.1;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(end + 1);
                        }
                    }
                    _ => {}
                }
                end += 1;
            }
        }
        // A number, `true`, `false` or `null`.
        _ => Some(
            bytes[at..]
                .iter()
                .position(|b| matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r'))
                .map_or(bytes.len(), |n| at + n),
        ),
    }
}

/// Writes a model as pretty JSON (4-space indent, trailing newline).
pub fn to_json_pretty(model: &AstModel) -> String {
    let mut out = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(b"    ");
    let mut ser = serde_json::Serializer::with_formatter(&mut out, formatter);
    model.serialize(&mut ser).expect("serializing an in-memory model to a Vec cannot fail");
    let mut text = String::from_utf8(out).expect("serde_json writes UTF-8");
    text.push('\n');
    text
}

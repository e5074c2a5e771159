//! The constraint checks of structures and unions (`length`, `range`,
//! `pattern`, `enum`/`intEnum`, `uniqueItems`), down into list items, map
//! keys and values, and nested structures and unions.

use std::collections::{BTreeMap, BTreeSet};

use super::types::RustType;
use super::Plan;
use crate::ast::Number;
use crate::error::Error;
use crate::ir::{Member, ShapeId, ShapeKind, Simple};
use crate::traits::Traits;

const UNIQUE_ITEMS: &str = "smithy.api#uniqueItems";
const INTERNAL: &str = "smithy.api#internal";

/// The checked members of a structure or union, in model order (members
/// without checks are left out).
pub(crate) type ShapeChecks = Vec<MemberChecks>;

/// The checks of one member.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct MemberChecks {
    /// The member's position among the shape's members.
    pub index: usize,
    /// The model's member name: the path segment of its value.
    pub name: String,
    pub checks: ValueChecks,
}

/// What is checked of one value: a member's, a list item's, a map key's or value's.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct ValueChecks {
    pub length: Option<LengthCheck>,
    pub range: Option<RangeCheck>,
    pub pattern: Option<Pattern>,
    /// An enum or intEnum value: its type's `check_known`.
    pub known_value: bool,
    pub unique_items: Option<UniqueItems>,
    pub inner: Inner,
}

impl ValueChecks {
    pub(crate) fn is_empty(&self) -> bool {
        *self == ValueChecks::default()
    }
}

/// `length`: inclusive bounds, and what is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LengthCheck {
    pub min: Option<u64>,
    pub max: Option<u64>,
    pub unit: LengthUnit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LengthUnit {
    /// A string: Unicode scalar values.
    Chars,
    /// A blob: bytes.
    Bytes,
    /// A list or map: entries.
    Entries,
}

/// `range`: inclusive bounds in the number's own Rust type (a bound the
/// type cannot reach is left out, since every value meets it).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RangeCheck {
    pub ty: RustType,
    pub min: Option<Bound>,
    pub max: Option<Bound>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Bound {
    Int(i64),
    Float(f64),
}

/// A string's `pattern`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Pattern {
    /// Compiles with `regex-lite`: checked.
    Checked(String),
    /// Needs look-around or Unicode classes (`\p{L}`), which `regex-lite`
    /// lacks, and the settings allow leaving such patterns unchecked:
    /// documented instead.
    Unchecked(String),
}

/// The values of an enum or intEnum, for its `check_known` (a server
/// refuses a value the model does not list).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct EnumSet {
    /// The wire values an error message lists: the model's, without internal ones.
    pub listed: Vec<String>,
    /// An intEnum (`is_known()`) rather than an enum (`Unknown` variant).
    pub int_enum: bool,
}

/// How `uniqueItems` compares a list's items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UniqueItems {
    /// The items hash (strings, integers, booleans, blobs, timestamps, enums, lists of these).
    Hashed,
    /// The items only compare (floats, documents, maps, structures, unions): pairwise.
    Equality,
}

/// Checks of the values a value holds.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) enum Inner {
    #[default]
    None,
    /// A structure or union with checks of its own (its `check_constraints`).
    Shape,
    /// Every list item (`sparse`: the nulls of a sparse list have nothing to check).
    Items { items: Box<ValueChecks>, sparse: bool },
    /// Every map key (reported at the map) and value (at the key; `sparse`:
    /// null values are skipped).
    Entries { key: Box<ValueChecks>, value: Box<ValueChecks>, sparse: bool },
}

impl Plan {
    /// The value sets of the enums and intEnums, for their `check_known`.
    pub(crate) fn plan_enum_sets(&self) -> BTreeMap<ShapeId, EnumSet> {
        let listed = |traits: &Traits| !traits.other.contains_key(INTERNAL);
        let mut out = BTreeMap::new();
        for id in self.homes.keys() {
            let set = match &self.model.shapes[id].kind {
                ShapeKind::Enum(values) => EnumSet {
                    listed: values.iter().filter(|v| listed(&v.traits)).map(|v| v.value.clone()).collect(),
                    int_enum: false,
                },
                ShapeKind::IntEnum(values) => EnumSet {
                    listed: values.iter().filter(|v| listed(&v.traits)).map(|v| v.value.to_string()).collect(),
                    int_enum: true,
                },
                _ => continue,
            };
            out.insert(id.clone(), set);
        }
        out
    }

    /// The checks of every structure and (non-streaming) union that has any.
    pub(crate) fn plan_checks(&self) -> Result<BTreeMap<ShapeId, ShapeChecks>, Error> {
        // A shape has checks when a member has some of its own, or holds a
        // shape that has checks.
        self.settle_aggregates(|id, checked| self.members_checks(id, checked))
    }

    fn members_checks(&self, id: &ShapeId, checked: &BTreeSet<ShapeId>) -> Result<ShapeChecks, Error> {
        let shape = &self.model.shapes[id];
        let mut out = Vec::new();
        for (index, member) in shape.members().iter().enumerate() {
            let target = &self.model.shapes[&member.target];
            if member.traits.streaming || target.traits.streaming {
                continue;
            }
            let at = id.member(&member.name);
            let checks = self.value_checks(Some(member), &member.target, checked, &at)?;
            if !checks.is_empty() {
                out.push(MemberChecks { index, name: member.name.clone(), checks });
            }
        }
        Ok(out)
    }

    /// The checks of a value of `target`, refined by the traits of `member`
    /// (the structure, union, list or map member that holds it).
    fn value_checks(
        &self,
        member: Option<&Member>,
        target: &ShapeId,
        checked: &BTreeSet<ShapeId>,
        at: &str,
    ) -> Result<ValueChecks, Error> {
        let shape = &self.model.shapes[target];
        let length = member.and_then(|m| m.traits.length).or(shape.traits.length);
        let unit = match &shape.kind {
            ShapeKind::Simple(Simple::String) => Some(LengthUnit::Chars),
            ShapeKind::Simple(Simple::Blob) => Some(LengthUnit::Bytes),
            ShapeKind::List(_) | ShapeKind::Map { .. } => Some(LengthUnit::Entries),
            _ => None,
        };
        let mut checks = ValueChecks {
            length: length.zip(unit).map(|(l, unit)| LengthCheck { min: l.min, max: l.max, unit }),
            ..ValueChecks::default()
        };
        match &shape.kind {
            ShapeKind::Simple(Simple::String) => checks.pattern = self.checked_pattern(member, target, at)?,
            ShapeKind::Simple(s) if s.is_number() => checks.range = self.range_check(member, target, at)?,
            // The enum shape's own pattern and length also apply to its values,
            // but a known value meets them by construction (the model is valid).
            ShapeKind::Enum(_) | ShapeKind::IntEnum(_) => checks.known_value = true,
            ShapeKind::Structure(_) | ShapeKind::Union(_) if checked.contains(target) => checks.inner = Inner::Shape,
            ShapeKind::List(item) => {
                let unique = |t: &Traits| t.other.contains_key(UNIQUE_ITEMS);
                if member.is_some_and(|m| unique(&m.traits)) || unique(&shape.traits) {
                    checks.unique_items =
                        Some(if self.hashes(&item.target) { UniqueItems::Hashed } else { UniqueItems::Equality });
                }
                let items = self.value_checks(Some(item), &item.target, checked, at)?;
                if !items.is_empty() {
                    checks.inner = Inner::Items { items: Box::new(items), sparse: self.is_sparse(target) };
                }
            }
            ShapeKind::Map { key, value } => {
                let key_checks = self.value_checks(Some(key), &key.target, checked, at)?;
                let value_checks = self.value_checks(Some(value), &value.target, checked, at)?;
                if !key_checks.is_empty() || !value_checks.is_empty() {
                    checks.inner = Inner::Entries {
                        key: Box::new(key_checks),
                        value: Box::new(value_checks),
                        sparse: self.is_sparse(target),
                    };
                }
            }
            _ => {}
        }
        Ok(checks)
    }

    /// Whether values of `target` implement `Hash` and `Eq` in generated code.
    fn hashes(&self, target: &ShapeId) -> bool {
        match &self.model.shapes[target].kind {
            ShapeKind::Simple(Simple::Float | Simple::Double | Simple::Document) => false,
            ShapeKind::Simple(_) | ShapeKind::Enum(_) | ShapeKind::IntEnum(_) => true,
            ShapeKind::List(item) => self.hashes(&item.target),
            _ => false,
        }
    }

    /// The `pattern` of a string (the member's refines the target's), which
    /// must compile unless the settings let patterns beyond `regex-lite` pass.
    fn checked_pattern(&self, member: Option<&Member>, target: &ShapeId, at: &str) -> Result<Option<Pattern>, Error> {
        let shape = &self.model.shapes[target];
        let Some(pattern) = member.and_then(|m| m.traits.pattern.clone()).or_else(|| shape.traits.pattern.clone())
        else {
            return Ok(None);
        };
        match regex_lite::Regex::new(&pattern) {
            Ok(_) => Ok(Some(Pattern::Checked(pattern))),
            Err(e) if beyond_regex_lite(&e) && self.settings.skip_look_around_patterns => {
                Ok(Some(Pattern::Unchecked(pattern)))
            }
            Err(e) => {
                Err(Error::at(at, format!("trait `smithy.api#pattern`: pattern `{pattern}` does not compile: {e}")))
            }
        }
    }

    /// The `range` of a number (the member's refines the target's), with its
    /// bounds in the number's Rust type.
    fn range_check(&self, member: Option<&Member>, target: &ShapeId, at: &str) -> Result<Option<RangeCheck>, Error> {
        let shape = &self.model.shapes[target];
        let Some(range) = member.and_then(|m| m.traits.range.clone()).or_else(|| shape.traits.range.clone()) else {
            return Ok(None);
        };
        let (ty, _) = self.rust_type(target, at)?;
        let limits = match ty {
            RustType::I8 => Some((i8::MIN as i64, i8::MAX as i64)),
            RustType::I16 => Some((i16::MIN as i64, i16::MAX as i64)),
            RustType::I32 => Some((i32::MIN as i64, i32::MAX as i64)),
            RustType::I64 => Some((i64::MIN, i64::MAX)),
            _ => None,
        };
        let bound = |n: Option<&Number>, is_min: bool| -> Option<Bound> {
            let n = n?;
            let Some((low, high)) = limits else { return n.as_f64().map(Bound::Float) };
            // An integer type's bound is the nearest integer inside the range
            // (float-to-integer casts saturate); one the type cannot pass is left out.
            let v = match n.as_i64() {
                Some(v) => v,
                None if is_min => n.as_f64()?.ceil() as i64,
                None => n.as_f64()?.floor() as i64,
            };
            let always_met = if is_min { v <= low } else { v >= high };
            (!always_met).then_some(Bound::Int(v.clamp(low, high)))
        };
        let (min, max) = (bound(range.min.as_ref(), true), bound(range.max.as_ref(), false));
        Ok((min.is_some() || max.is_some()).then_some(RangeCheck { ty, min, max }))
    }
}

/// Whether a pattern fails to compile only for what `regex-lite` leaves out
/// on purpose (look-around, Unicode classes), not for being malformed.
fn beyond_regex_lite(error: &regex_lite::Error) -> bool {
    let message = error.to_string();
    message.contains("look-around") || message.contains("Unicode character classes")
}

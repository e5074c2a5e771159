//! Enums and unions: variant names, checked for collisions, and union member types.

use std::collections::BTreeMap;

use super::names;
use super::structures::WireForm;
use super::types::RustType;
use super::Plan;
use crate::error::Error;
use crate::ir::{is_unit, EnumValue, Shape, ShapeKind};

/// Variant names of an enum's members, checked for collisions.
fn variant_names<'a>(shape: &Shape, members: impl Iterator<Item = &'a str>) -> Result<Vec<String>, Error> {
    let mut taken: BTreeMap<String, &str> = BTreeMap::new();
    let mut out = Vec::new();
    for name in members {
        let variant = names::variant(name);
        if let Some(other) = taken.insert(variant.clone(), name) {
            return Err(Error::at(
                shape.id.member(name),
                format!("enum member collides with `{other}`: both become the variant `{variant}`"),
            ));
        }
        out.push(variant);
    }
    Ok(out)
}

/// A string enum's variant names: at least one value, no value twice.
fn string_enum(shape: &Shape, values: &[EnumValue]) -> Result<Vec<String>, Error> {
    if values.is_empty() {
        return Err(Error::at(shape.id.as_str(), "an enum needs at least one value"));
    }
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for v in values {
        if let Some(other) = seen.insert(&v.value, &v.name) {
            return Err(Error::at(
                shape.id.member(&v.name),
                format!("enum value `{}` is also the value of `{other}`", v.value),
            ));
        }
    }
    variant_names(shape, values.iter().map(|v| v.name.as_str()))
}

/// One member of a union, as a variant.
#[derive(Debug, Clone)]
pub(crate) struct VariantPlan {
    /// The Rust variant name.
    pub name: String,
    /// The JSON name.
    pub wire: String,
    /// The payload type (unboxed); `None` for a unit member.
    pub ty: Option<RustType>,
    /// Whether the payload is boxed (it leads back to the union).
    pub boxed: bool,
    /// The payload's JSON form, where its type's own serde impl falls short
    /// (floats, text timestamps, collections of them).
    pub form: WireForm,
}

impl Plan {
    /// The variant names of an enum or intEnum (model order), or the variants
    /// of a union; `None` for other shapes.
    pub(crate) fn plan_variants(&self, shape: &Shape) -> Result<Option<Variants>, Error> {
        Ok(Some(match &shape.kind {
            ShapeKind::Enum(values) => Variants::Enum(string_enum(shape, values)?),
            ShapeKind::IntEnum(values) => Variants::Enum(variant_names(shape, values.iter().map(|v| v.name.as_str()))?),
            ShapeKind::Union(_) => Variants::Union(self.union_variants(shape)?),
            _ => return Ok(None),
        }))
    }

    /// The variants of a union; members that collide after conversion are an error.
    fn union_variants(&self, shape: &Shape) -> Result<Vec<VariantPlan>, Error> {
        let mut taken = BTreeMap::new();
        let mut out = Vec::new();
        for member in shape.members() {
            let at = shape.id.member(&member.name);
            let name = names::variant(&member.name);
            if let Some(other) = taken.insert(name.clone(), member.name.clone()) {
                return Err(Error::at(
                    at,
                    format!("union member collides with `{other}`: both become the variant `{name}`"),
                ));
            }
            let wire = member.traits.json_name.clone().unwrap_or_else(|| member.name.clone());
            let (ty, boxed, form) = if is_unit(&member.target) {
                (None, false, WireForm::Plain)
            } else {
                let (ty, _) = self.rust_type(&member.target, &at)?;
                (Some(ty), self.cycles.is_recursive(&shape.id, &member.target), self.member_wire_form(member))
            };
            out.push(VariantPlan { name, wire, ty, boxed, form });
        }
        Ok(out)
    }
}

/// The variants of an enum-like shape.
#[derive(Debug, Clone)]
pub(crate) enum Variants {
    /// An enum's or intEnum's variant names, in model order.
    Enum(Vec<String>),
    /// A union's members.
    Union(Vec<VariantPlan>),
}

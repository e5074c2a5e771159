//! What `smithy-codegen extract` writes: the closure of some operations as a
//! model file ([`extract`]), and its documentation policies: [`strip_docs`] is
//! `--docs none`, [`keep_docs`] is `--docs keep:FILE`.
//!
//! [`is_kept_trait`] is also the set of traits [`crate::diff`] compares, so a
//! trait that `extract` drops can never show up as a change.

use std::collections::BTreeMap;

use crate::ast::{AstMember, AstModel, AstShape, Node};
use crate::closure;
use crate::error::Error;
use crate::ir::{self, ShapeId};

/// Namespaces whose traits matter to callers or generated code; the `none` docs policy keeps only these.
pub const KEPT_NAMESPACES: &[&str] = &["smithy.api", "aws.protocols", "aws.api", "aws.auth"];

/// Whether `extract --docs none` keeps the trait: a kept namespace, and neither documentation nor tags.
pub fn is_kept_trait(trait_id: &str) -> bool {
    let ns = trait_id.split_once('#').map(|(ns, _)| ns).unwrap_or(trait_id);
    KEPT_NAMESPACES.contains(&ns) && trait_id != "smithy.api#documentation" && trait_id != "smithy.api#tags"
}

/// The trait id of documentation.
const DOC: &str = "smithy.api#documentation";
/// The trait id of examples.
const EXAMPLES: &str = "smithy.api#examples";
/// The trait id of legacy enums.
const LEGACY_ENUM: &str = "smithy.api#enum";

fn strip_trait_map(traits: &mut BTreeMap<String, Node>) {
    traits.retain(|k, _| is_kept_trait(k));
    if let Some(Node::Array(examples)) = traits.get_mut(EXAMPLES) {
        for e in examples.iter_mut().filter_map(Node::as_object_mut) {
            e.remove("documentation");
            e.remove("title");
        }
    }
    if let Some(Node::Array(defs)) = traits.get_mut(LEGACY_ENUM) {
        for d in defs.iter_mut().filter_map(Node::as_object_mut) {
            d.remove("documentation");
        }
    }
}

/// Every member of a shape: (name, member), with `member`/`key`/`value` for lists and maps.
fn members_mut(shape: &mut AstShape) -> Vec<(String, &mut AstMember)> {
    let mut out: Vec<(String, &mut AstMember)> = Vec::new();
    if let Some(ms) = shape.members.as_mut() {
        out.extend(ms.0.iter_mut().map(|(k, m)| (k.clone(), m)));
    }
    for (name, m) in [("member", &mut shape.member), ("key", &mut shape.key), ("value", &mut shape.value)] {
        if let Some(m) = m.as_mut() {
            out.push((name.to_string(), m));
        }
    }
    out
}

fn member_of<'a>(shape: &'a AstShape, name: &str) -> Option<&'a AstMember> {
    match name {
        "member" if shape.member.is_some() => shape.member.as_ref(),
        "key" if shape.key.is_some() => shape.key.as_ref(),
        "value" if shape.value.is_some() => shape.value.as_ref(),
        _ => shape.members.as_ref().and_then(|ms| ms.get(name)),
    }
}

/// `--docs none`: removes every `smithy.api#documentation` trait, the prose of
/// `smithy.api#examples` entries (`documentation`, `title`) and of legacy enum
/// definitions, `smithy.api#tags`, and every trait outside [`KEPT_NAMESPACES`].
pub fn strip_docs(model: &mut AstModel) {
    for (_, shape) in model.shapes.0.iter_mut() {
        strip_trait_map(&mut shape.traits);
        for (_, m) in members_mut(shape) {
            strip_trait_map(&mut m.traits);
        }
    }
}

fn doc_of(traits: &BTreeMap<String, Node>) -> Option<&Node> {
    traits.get(DOC)
}

/// The documentation `ours` gives an enum value: a legacy definition with the
/// same value, or an enum member with that name or wire value.
fn enum_value_doc<'a>(ours: &'a AstShape, name: Option<&str>, value: &str) -> Option<&'a Node> {
    if let Some(Node::Array(defs)) = ours.traits.get(LEGACY_ENUM) {
        return defs
            .iter()
            .find(|d| d.get("value").and_then(Node::as_str) == Some(value))
            .and_then(|d| d.get("documentation"));
    }
    let members = ours.members.as_ref()?;
    let by_name = name.and_then(|n| members.get(n));
    let by_value = || {
        members
            .iter()
            .find(|(k, m)| m.traits.get("smithy.api#enumValue").and_then(Node::as_str).unwrap_or(k) == value)
            .map(|(_, m)| m)
    };
    by_name.or_else(by_value).and_then(|m| doc_of(&m.traits))
}

/// `--docs keep:FILE`: like [`strip_docs`], then documentation (shape and member
/// docs, legacy enum value docs, example `documentation`/`title`) is taken from
/// `ours` wherever the shape or member exists there. Returns what still lacks
/// documentation: new shapes, and members or examples upstream documents that
/// `ours` does not, as `ns#Shape`, `ns#Shape$member` or `ns#Shape (example N)`.
pub fn keep_docs(model: &mut AstModel, ours: &AstModel) -> Vec<String> {
    let mut missing = Vec::new();
    for (id, shape) in model.shapes.0.iter_mut() {
        let upstream = shape.clone();
        strip_trait_map(&mut shape.traits);
        let our_shape = ours.shapes.get(id);
        // The shape's own documentation.
        match our_shape {
            None => missing.push(format!("{id} (new shape)")),
            Some(o) => match doc_of(&o.traits) {
                Some(d) => {
                    shape.traits.insert(DOC.to_string(), d.clone());
                }
                None if doc_of(&upstream.traits).is_some() => missing.push(id.clone()),
                None => {}
            },
        }
        // Members.
        let is_enum = matches!(shape.shape_type.as_str(), "enum" | "intEnum");
        for (name, m) in members_mut(shape) {
            let upstream_doc = member_of(&upstream, &name).and_then(|u| doc_of(&u.traits)).is_some();
            strip_trait_map(&mut m.traits);
            let value = m.traits.get("smithy.api#enumValue").and_then(Node::as_str).unwrap_or(&name).to_string();
            let doc = our_shape.and_then(|o| {
                if is_enum {
                    enum_value_doc(o, Some(&name), &value)
                } else {
                    member_of(o, &name).and_then(|om| doc_of(&om.traits))
                }
            });
            match doc {
                Some(d) => {
                    m.traits.insert(DOC.to_string(), d.clone());
                }
                None if upstream_doc => missing.push(format!("{id}${name}")),
                None => {}
            }
        }
        // Legacy enum definitions.
        if let (Some(Node::Array(defs)), Some(Node::Array(up_defs))) =
            (shape.traits.get_mut(LEGACY_ENUM), upstream.traits.get(LEGACY_ENUM))
        {
            for (d, up) in defs.iter_mut().zip(up_defs) {
                let value = d.get("value").and_then(Node::as_str).unwrap_or_default().to_string();
                let name = d.get("name").and_then(Node::as_str).map(str::to_string);
                let doc = our_shape.and_then(|o| enum_value_doc(o, name.as_deref(), &value));
                match (doc, d.as_object_mut()) {
                    (Some(doc), Some(obj)) => {
                        obj.insert("documentation".into(), doc.clone());
                    }
                    _ if up.get("documentation").is_some() => missing.push(format!("{id} (enum value `{value}`)")),
                    _ => {}
                }
            }
        }
        // Example prose, matched by equal `input`.
        if let (Some(Node::Array(examples)), Some(Node::Array(up_examples))) =
            (shape.traits.get_mut(EXAMPLES), upstream.traits.get(EXAMPLES))
        {
            let our_examples = our_shape.and_then(|o| o.traits.get(EXAMPLES)).and_then(Node::as_array);
            for (i, (e, up)) in examples.iter_mut().zip(up_examples).enumerate() {
                let ours_e = our_examples.and_then(|list| list.iter().find(|oe| oe.get("input") == e.get("input")));
                let mut found = false;
                if let (Some(oe), Some(obj)) = (ours_e, e.as_object_mut()) {
                    for key in ["title", "documentation"] {
                        if let Some(v) = oe.get(key) {
                            obj.insert(key.to_string(), v.clone());
                            found = true;
                        }
                    }
                }
                let upstream_prose = up.get("title").is_some() || up.get("documentation").is_some();
                if !found && upstream_prose {
                    missing.push(format!("{id} (example {})", i + 1));
                }
            }
        }
    }
    missing
}

/// The closure of `operations` (absolute ids or bare names; empty: every
/// operation) as a model file, service included, bindings trimmed.
pub fn extract(ast: &AstModel, operations: &[&str]) -> Result<AstModel, Error> {
    let model = ir::resolve(ast)?;
    let closure = if operations.is_empty() {
        let all: Vec<String> = closure::all_operations(&model)?.iter().map(ShapeId::to_string).collect();
        let all: Vec<&str> = all.iter().map(String::as_str).collect();
        closure::closure(&model, &all)?
    } else {
        closure::closure(&model, operations)?
    };
    Ok(closure.to_ast(ast))
}

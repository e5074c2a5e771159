//! Mixin flattening: copies what each shape inherits from its mixins
//! (members, traits, and the bindings of services, resources and operations)
//! into the shape, and applies `"type": "apply"` entries to the members
//! they name. Resolve runs it before anything else looks at a model.

use std::collections::{BTreeMap, HashMap};

use crate::ast::{AstMember, AstModel, AstRef, AstShape, Node, OrderedMap};
use crate::error::Error;

const MIXIN: &str = "smithy.api#mixin";

/// Whether the model has anything to flatten.
pub fn needs_flattening(model: &AstModel) -> bool {
    model.shapes.iter().any(|(_, s)| s.shape_type == "apply" || s.mixins.as_ref().is_some_and(|m| !m.is_empty()))
}

/// Checks what flattening checks (member conflicts, missing mixins and
/// `apply` targets, cycles) without building the flattened model: only the
/// shapes with mixins or applied traits, and their mixins, are flattened.
pub fn check(model: &AstModel) -> Result<(), Error> {
    let mut flattener = Flattener::new(model)?;
    for (id, shape) in model.shapes.iter() {
        let mixed = shape.mixins.as_ref().is_some_and(|m| !m.is_empty());
        if shape.shape_type != "apply" && (mixed || flattener.applies.contains_key(id.as_str())) {
            flattener.flat(id)?;
        }
    }
    Ok(())
}

/// The model with mixins flattened. With `keep_mixins`, mixin shapes and the
/// `mixins` lists stay (every shape still shows all it inherits); without, they
/// are removed, as Smithy's flattened models are.
pub fn flatten(model: &AstModel, keep_mixins: bool) -> Result<AstModel, Error> {
    let mut flattener = Flattener::new(model)?;
    let mut shapes = OrderedMap::default();
    for (id, shape) in model.shapes.iter() {
        if shape.shape_type == "apply" || (!keep_mixins && shape.traits.contains_key(MIXIN)) {
            continue;
        }
        let mut flat = flattener.flat(id)?;
        if !keep_mixins {
            flat.mixins = None;
        }
        shapes.0.push((id.clone(), flat));
    }
    Ok(AstModel { smithy: model.smithy.clone(), metadata: model.metadata.clone(), shapes })
}

/// Traits an `apply` entry adds to a member (by name; empty for the shape).
type AppliedTraits<'a> = (String, &'a BTreeMap<String, Node>);

struct Flattener<'a> {
    shapes: HashMap<&'a str, &'a AstShape>,
    /// `apply` entries by owner shape: member name (empty for the shape) and traits.
    applies: HashMap<String, Vec<AppliedTraits<'a>>>,
    done: HashMap<String, AstShape>,
    in_progress: Vec<String>,
}

impl<'a> Flattener<'a> {
    fn new(model: &'a AstModel) -> Result<Self, Error> {
        let mut flattener = Flattener {
            shapes: model
                .shapes
                .iter()
                .filter(|(_, s)| s.shape_type != "apply")
                .map(|(k, s)| (k.as_str(), s))
                .collect(),
            applies: HashMap::new(),
            done: HashMap::new(),
            in_progress: Vec::new(),
        };
        for (id, shape) in model.shapes.iter().filter(|(_, s)| s.shape_type == "apply") {
            let (owner, member) = id.split_once('$').unwrap_or((id, ""));
            if !flattener.shapes.contains_key(owner) {
                return Err(Error::at(id.as_str(), "`apply` targets a shape that is not defined"));
            }
            flattener.applies.entry(owner.to_string()).or_default().push((member.to_string(), &shape.traits));
        }
        Ok(flattener)
    }

    fn flat(&mut self, id: &str) -> Result<AstShape, Error> {
        if let Some(shape) = self.done.get(id) {
            return Ok(shape.clone());
        }
        if self.in_progress.iter().any(|p| p == id) {
            return Err(Error::at(id, format!("mixin cycle: {} -> {id}", self.in_progress.join(" -> "))));
        }
        let Some(&shape) = self.shapes.get(id) else {
            return Err(Error::at(id, "mixin shape is not defined"));
        };
        self.in_progress.push(id.to_string());
        let result = self.flatten_shape(id, shape);
        self.in_progress.pop();
        let mut flat = result?;
        for (member, traits) in self.applies.get(id).cloned().unwrap_or_default() {
            let target = if member.is_empty() {
                Some(&mut flat.traits)
            } else {
                members_of(&mut flat).into_iter().find(|(n, _)| *n == member).map(|(_, m)| &mut m.traits)
            };
            let Some(target) = target else {
                return Err(Error::at(format!("{id}${member}"), "`apply` targets a member that does not exist"));
            };
            target.extend(traits.iter().map(|(k, v)| (k.clone(), v.clone())));
        }
        self.done.insert(id.to_string(), flat.clone());
        Ok(flat)
    }

    fn flatten_shape(&mut self, id: &str, shape: &AstShape) -> Result<AstShape, Error> {
        let mixins = shape.mixins.clone().unwrap_or_default();
        if mixins.is_empty() {
            return Ok(shape.clone());
        }
        let mut out =
            AstShape { shape_type: shape.shape_type.clone(), mixins: shape.mixins.clone(), ..Default::default() };
        // Member name -> (mixin that brought it, member).
        let mut members: Vec<(String, String, AstMember)> = Vec::new();
        let mut traits = BTreeMap::new();
        for mixin in &mixins {
            let flat = self.flat(&mixin.target)?;
            let local_only = local_traits(&flat);
            for (name, value) in &flat.traits {
                if !local_only.iter().any(|l| l == name) {
                    traits.insert(name.clone(), value.clone());
                }
            }
            let mut flat = flat;
            for (name, member) in members_of(&mut flat) {
                let from = format!("{}${name}", mixin.target);
                match members.iter_mut().find(|(n, _, _)| n == name) {
                    Some((_, first, existing)) if existing.target != member.target => {
                        return Err(Error::at(
                            format!("{id}${name}"),
                            format!("member conflicts with an inherited mixin member: `{first}` and `{from}`"),
                        ));
                    }
                    Some((_, _, existing)) => existing.traits.extend(member.traits.clone()),
                    None => members.push((name.to_string(), from, member.clone())),
                }
            }
            inherit_bindings(&mut out, &flat);
        }
        let mut local = shape.clone();
        for (name, member) in members_of(&mut local) {
            match members.iter_mut().find(|(n, _, _)| n == name) {
                Some((_, from, existing)) if existing.target != member.target => {
                    return Err(Error::at(
                        format!("{id}${name}"),
                        format!("member conflicts with an inherited mixin member: `{from}`"),
                    ));
                }
                Some((_, _, existing)) => existing.traits.extend(member.traits.clone()),
                None => members.push((name.to_string(), String::new(), member.clone())),
            }
        }
        traits.extend(shape.traits.clone());
        out.traits = traits;
        let local_bindings =
            AstShape { mixins: None, members: None, member: None, key: None, value: None, ..shape.clone() };
        inherit_bindings(&mut out, &local_bindings);
        set_members(&mut out, members.into_iter().map(|(n, _, m)| (n, m)).collect());
        Ok(out)
    }
}

/// The traits a mixin keeps to itself: `mixin` and its `localTraits`.
fn local_traits(shape: &AstShape) -> Vec<String> {
    let mut local = vec![MIXIN.to_string()];
    if let Some(Node::Array(ids)) = shape.traits.get(MIXIN).and_then(|m| m.get("localTraits")) {
        local.extend(ids.iter().filter_map(Node::as_str).map(str::to_string));
    }
    local
}

/// Every member of a shape (structure/union/enum members, or list/map slots).
fn members_of(shape: &mut AstShape) -> Vec<(&str, &mut AstMember)> {
    let mut out: Vec<(&str, &mut AstMember)> = Vec::new();
    if let Some(members) = &mut shape.members {
        out.extend(members.0.iter_mut().map(|(n, m)| (n.as_str(), m)));
    }
    for (name, slot) in [("member", &mut shape.member), ("key", &mut shape.key), ("value", &mut shape.value)] {
        if let Some(member) = slot {
            out.push((name, member));
        }
    }
    out
}

fn set_members(shape: &mut AstShape, members: Vec<(String, AstMember)>) {
    match shape.shape_type.as_str() {
        "list" | "set" | "map" => {
            for (name, member) in members {
                match name.as_str() {
                    "member" => shape.member = Some(member),
                    "key" => shape.key = Some(member),
                    _ => shape.value = Some(member),
                }
            }
        }
        "structure" | "union" | "enum" | "intEnum" => shape.members = Some(OrderedMap(members)),
        _ => {}
    }
}

/// Adds the bindings of `from` (a mixin, or the shape itself last): lists
/// are concatenated without repeats, single values and maps are overridden.
fn inherit_bindings(into: &mut AstShape, from: &AstShape) {
    fn extend(into: &mut Option<Vec<AstRef>>, from: &Option<Vec<AstRef>>) {
        if let Some(from) = from {
            let list = into.get_or_insert_with(Vec::new);
            for r in from {
                if !list.contains(r) {
                    list.push(r.clone());
                }
            }
        }
    }
    fn replace<T: Clone>(into: &mut Option<T>, from: &Option<T>) {
        if from.is_some() {
            into.clone_from(from);
        }
    }
    fn merge_map(into: &mut Option<OrderedMap<AstRef>>, from: &Option<OrderedMap<AstRef>>) {
        if let Some(from) = from {
            let map = into.get_or_insert_with(OrderedMap::default);
            for (k, v) in from.iter() {
                match map.0.iter_mut().find(|(n, _)| n == k) {
                    Some((_, existing)) => *existing = v.clone(),
                    None => map.0.push((k.clone(), v.clone())),
                }
            }
        }
    }
    extend(&mut into.errors, &from.errors);
    extend(&mut into.operations, &from.operations);
    extend(&mut into.resources, &from.resources);
    extend(&mut into.collection_operations, &from.collection_operations);
    replace(&mut into.version, &from.version);
    replace(&mut into.input, &from.input);
    replace(&mut into.output, &from.output);
    for (into, from) in [
        (&mut into.create, &from.create),
        (&mut into.put, &from.put),
        (&mut into.read, &from.read),
        (&mut into.update, &from.update),
        (&mut into.delete, &from.delete),
        (&mut into.list, &from.list),
    ] {
        replace(into, from);
    }
    merge_map(&mut into.identifiers, &from.identifiers);
    merge_map(&mut into.properties, &from.properties);
    if let Some(rename) = &from.rename {
        into.rename.get_or_insert_with(BTreeMap::new).extend(rename.clone());
    }
}

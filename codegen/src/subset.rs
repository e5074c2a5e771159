//! Reads just the part of a model file that a set of operations needs.
//!
//! A service model is mostly documentation of shapes a given build does not
//! use: Lambda's is 968 KB and 664 shapes, of which `GetLayerVersion` needs 26.
//! [`read`] takes the file's index ([`crate::ast::AstIndex`]: JSON syntax
//! checked, shapes kept as raw text), finds the service and its resources from
//! each shape's `"type"`, and parses only the shapes reachable from the chosen
//! operations. What it returns is a smaller model file for the ordinary
//! resolve and closure stages, which then compute the same closure as on the
//! whole file, and the renderer the same bytes.
//!
//! Shapes outside that part are not validated: generating a set of operations
//! checks what it generates (`smithy-codegen check` checks a whole model).
//! Whenever the part cannot be settled here (a shape that does not parse, a
//! missing target, an unknown operation, several services, a resource cycle),
//! [`read`] answers `None` and the caller reads the whole file, whose error
//! message is then the one users see.

use std::collections::{BTreeSet, HashMap};

use serde_json::value::RawValue;

use crate::ast::{self, AstModel, AstShape, OrderedMap};
use crate::closure::trim_bindings;
use crate::ir::PRELUDE;

/// The model file trimmed to what `operations` (absolute ids or bare names,
/// not empty) need, or `None` when the whole file must be read instead.
pub fn read(bytes: &[u8], operations: &[&str]) -> Option<AstModel> {
    if operations.is_empty() {
        return None;
    }
    let index = ast::parse_index(bytes).ok()?;
    let raw: HashMap<&str, &RawValue> = index.shapes.iter().map(|(id, raw)| (id.as_str(), *raw)).collect();
    let mut parsed: HashMap<&str, AstShape> = HashMap::new();
    let parse = |id: &str| -> Option<AstShape> { ast::parse_shape(id, raw.get(id)?).ok() };

    // The service and the resources: every operation a user may ask for is bound through them.
    let mut services = Vec::new();
    let mut resources = Vec::new();
    let mut operation_shapes = Vec::new();
    for (id, raw) in index.shapes.iter() {
        match ast::shape_type(raw.get())? {
            "service" => services.push(id.as_str()),
            "resource" => resources.push(id.as_str()),
            "operation" => operation_shapes.push(id.as_str()),
            // Traits applied to inherited members: the whole file settles those.
            "apply" => return None,
            _ => {}
        }
    }
    if services.len() > 1 {
        return None;
    }
    for &id in services.iter().chain(resources.iter()) {
        parsed.insert(id, parse(id)?);
    }
    let all_operations: BTreeSet<&str> = match services.first() {
        Some(service) => {
            let mut found = BTreeSet::new();
            bound_operations(&parsed, service, &mut found, &mut Vec::new())?;
            found
        }
        None => operation_shapes.into_iter().collect(),
    };

    // The chosen operations, matched as `closure::closure` matches them.
    let mut pending: Vec<&str> = Vec::new();
    for wanted in operations {
        let id = if wanted.contains('#') {
            all_operations.get(wanted).copied()
        } else {
            all_operations.iter().copied().find(|id| id.rsplit('#').next() == Some(*wanted))
        };
        pending.push(id?);
    }

    // Everything reachable from them, from the service's errors and from the
    // resources' identifiers and properties.
    let mut keep: BTreeSet<&str> = services.iter().chain(resources.iter()).copied().collect();
    for id in services.iter().chain(resources.iter()) {
        let shape = &parsed[id];
        pending.extend(shape.errors.iter().flatten().map(|r| r.target.as_str()));
        for named in [&shape.identifiers, &shape.properties].into_iter().flatten() {
            pending.extend(named.iter().map(|(_, r)| r.target.as_str()));
        }
    }
    let mut pending: Vec<String> = pending.into_iter().map(str::to_string).collect();
    let mut reached: HashMap<&str, AstShape> = HashMap::new();
    while let Some(id) = pending.pop() {
        if id.strip_prefix(PRELUDE).is_some_and(|rest| rest.starts_with('#')) || keep.contains(id.as_str()) {
            continue;
        }
        // The index's own copy of the id, which outlives this loop.
        let (&id, _) = raw.get_key_value(id.as_str())?;
        let shape = parse(id)?;
        pending.extend(references(&shape).map(str::to_string));
        keep.insert(id);
        reached.insert(id, shape);
    }

    let mut shapes = Vec::with_capacity(keep.len());
    for (id, _) in index.shapes.iter() {
        let Some(mut shape) = reached.remove(id.as_str()).or_else(|| parsed.remove(id.as_str())) else {
            continue;
        };
        trim_bindings(&mut shape, |target| keep.contains(target));
        shapes.push((id.clone(), shape));
    }
    Some(AstModel { smithy: index.smithy, metadata: Default::default(), shapes: OrderedMap(shapes) })
}

/// Collects the operations bound to `container` and to its resources,
/// recursively; `None` on a resource cycle or a binding to an unknown resource.
fn bound_operations<'a>(
    parsed: &'a HashMap<&str, AstShape>,
    container: &'a str,
    found: &mut BTreeSet<&'a str>,
    path: &mut Vec<&'a str>,
) -> Option<()> {
    if path.contains(&container) {
        return None;
    }
    path.push(container);
    let shape = parsed.get(container)?;
    let lifecycle = [&shape.create, &shape.put, &shape.read, &shape.update, &shape.delete, &shape.list];
    found.extend(lifecycle.into_iter().flatten().map(|r| r.target.as_str()));
    for list in [&shape.operations, &shape.collection_operations].into_iter().flatten() {
        found.extend(list.iter().map(|r| r.target.as_str()));
    }
    for r in shape.resources.iter().flatten() {
        bound_operations(parsed, &r.target, found, path)?;
    }
    path.pop();
    Some(())
}

/// The shapes a structure, union, list, map or operation refers to (its
/// mixins too: resolve flattens them into the shape).
fn references(shape: &AstShape) -> impl Iterator<Item = &str> {
    let members = shape.members.iter().flat_map(|m| m.iter().map(|(_, m)| m.target.as_str()));
    let single = [&shape.member, &shape.key, &shape.value].into_iter().flatten().map(|m| m.target.as_str());
    let io = [&shape.input, &shape.output].into_iter().flatten().map(|r| r.target.as_str());
    let errors = shape.errors.iter().flatten().map(|r| r.target.as_str());
    let mixins = shape.mixins.iter().flatten().map(|r| r.target.as_str());
    members.chain(single).chain(io).chain(errors).chain(mixins)
}

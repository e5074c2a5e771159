//! The shape closure of a chosen set of operations.
//!
//! Operations are found through the service's operation list and, recursively,
//! through its resources (an operation is often bound only to a resource). The
//! closure keeps the service and the resources on the way, trimmed to the chosen
//! operations, so that it is itself a valid model.

use std::collections::{BTreeMap, BTreeSet};

use crate::ast::{AstModel, AstRef, AstShape, OrderedMap};
use crate::error::Error;
use crate::ir::{Model, ShapeId, ShapeKind, PRELUDE};

/// The shapes needed by a set of operations.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Closure {
    /// The service the operations belong to.
    pub service: Option<ShapeId>,
    /// The chosen operations, ordered by id.
    pub operations: BTreeSet<ShapeId>,
    /// Resources on the binding paths from the service to the operations.
    pub resources: BTreeSet<ShapeId>,
    /// Every shape of the closure (service, resources and operations included,
    /// prelude shapes left out), ordered by id.
    pub shapes: BTreeSet<ShapeId>,
}

/// The single service shape of a model.
pub fn service(model: &Model) -> Result<Option<&ShapeId>, Error> {
    let mut services = model.shapes.values().filter(|s| matches!(s.kind, ShapeKind::Service(_))).map(|s| &s.id);
    let first = services.next();
    if let Some(second) = services.next() {
        return Err(Error::at(
            second.as_str(),
            format!(
                "a second service beside `{}`; models with several services are not supported",
                first.map(ShapeId::as_str).unwrap_or("")
            ),
        ));
    }
    Ok(first)
}

/// Every operation reachable from the service, directly or through resources, by id.
pub fn all_operations(model: &Model) -> Result<BTreeSet<ShapeId>, Error> {
    let mut ops = BTreeSet::new();
    match service(model)? {
        Some(svc) => {
            let mut seen = BTreeSet::new();
            collect_operations(model, svc, &mut ops, &mut seen)?;
        }
        None => {
            // A service-less model: every operation shape counts.
            ops.extend(
                model.shapes.values().filter(|s| matches!(s.kind, ShapeKind::Operation(_))).map(|s| s.id.clone()),
            );
        }
    }
    Ok(ops)
}

fn bindings(model: &Model, id: &ShapeId) -> (Vec<ShapeId>, Vec<ShapeId>) {
    match &model.shapes[id].kind {
        ShapeKind::Service(s) => (s.operations.clone(), s.resources.clone()),
        ShapeKind::Resource(r) => (r.operations.clone(), r.resources.clone()),
        _ => (Vec::new(), Vec::new()),
    }
}

fn collect_operations(
    model: &Model,
    container: &ShapeId,
    ops: &mut BTreeSet<ShapeId>,
    path: &mut BTreeSet<ShapeId>,
) -> Result<(), Error> {
    if !path.insert(container.clone()) {
        return Err(Error::at(
            container.as_str(),
            "resource cycle: the resource binds itself, directly or through children",
        ));
    }
    let (operations, resources) = bindings(model, container);
    ops.extend(operations);
    for r in &resources {
        collect_operations(model, r, ops, path)?;
    }
    path.remove(container);
    Ok(())
}

/// Operation ids close to `wanted`, for "did you mean" messages.
fn suggestions(all: &BTreeSet<ShapeId>, wanted: &str) -> Vec<String> {
    let wanted_name = wanted.rsplit('#').next().unwrap_or(wanted).to_ascii_lowercase();
    let mut scored: Vec<(usize, &ShapeId)> =
        all.iter().map(|id| (edit_distance(&id.name().to_ascii_lowercase(), &wanted_name), id)).collect();
    scored.sort();
    let limit = (wanted_name.len() / 3).max(2);
    scored.into_iter().filter(|(d, _)| *d <= limit).take(3).map(|(_, id)| id.to_string()).collect()
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// Computes the closure of `operations` (absolute ids, or bare names in the service's namespace).
pub fn closure(model: &Model, operations: &[&str]) -> Result<Closure, Error> {
    let svc = service(model)?.cloned();
    let all = all_operations(model)?;
    let mut chosen = BTreeSet::new();
    for wanted in operations {
        let id = if wanted.contains('#') {
            ShapeId::parse(wanted).ok()
        } else {
            all.iter().find(|id| id.name() == *wanted).cloned()
        };
        match id {
            Some(id) if all.contains(&id) => {
                chosen.insert(id);
            }
            _ => {
                return Err(Error::UnknownOperation { id: wanted.to_string(), suggestions: suggestions(&all, wanted) })
            }
        }
    }

    let mut out = Closure { service: svc.clone(), operations: chosen.clone(), ..Closure::default() };
    let mut pending: Vec<ShapeId> = chosen.iter().cloned().collect();
    if let Some(svc) = &svc {
        out.shapes.insert(svc.clone());
        let mut path = Vec::new();
        mark_resources(model, svc, &chosen, &mut out.resources, &mut path);
        if let ShapeKind::Service(s) = &model.shapes[svc].kind {
            if !chosen.is_empty() {
                pending.extend(s.errors.iter().cloned());
            }
        }
        for r in &out.resources {
            if let ShapeKind::Resource(res) = &model.shapes[r].kind {
                pending.extend(res.identifiers.iter().chain(res.properties.iter()).map(|(_, t)| t.clone()));
            }
        }
        out.shapes.extend(out.resources.iter().cloned());
    }
    while let Some(id) = pending.pop() {
        if id.namespace() == PRELUDE || !out.shapes.insert(id.clone()) {
            continue;
        }
        let shape = &model.shapes[&id];
        match &shape.kind {
            ShapeKind::Operation(op) => {
                pending.extend(op.input.iter().chain(op.output.iter()).chain(op.errors.iter()).cloned());
            }
            _ => pending.extend(shape.all_members().into_iter().map(|m| m.target.clone())),
        }
    }
    Ok(out)
}

/// Marks the resources under `container` that lead to a chosen operation; returns whether any does.
fn mark_resources(
    model: &Model,
    container: &ShapeId,
    chosen: &BTreeSet<ShapeId>,
    marked: &mut BTreeSet<ShapeId>,
    path: &mut Vec<ShapeId>,
) -> bool {
    if path.contains(container) {
        return false;
    }
    path.push(container.clone());
    let (operations, resources) = bindings(model, container);
    let mut leads = operations.iter().any(|o| chosen.contains(o));
    for r in &resources {
        if mark_resources(model, r, chosen, marked, path) {
            marked.insert(r.clone());
            leads = true;
        }
    }
    path.pop();
    leads
}

/// Drops the bindings of a service or resource shape to shapes `keep` rejects
/// (other shapes are left as they are), so that a part of a model is itself a
/// valid model. Empty optional binding lists of resources are removed.
pub(crate) fn trim_bindings(shape: &mut AstShape, keep: impl Fn(&str) -> bool) {
    if !matches!(shape.shape_type.as_str(), "service" | "resource") {
        return;
    }
    let keep = |r: &AstRef| keep(&r.target) || r.target.starts_with("smithy.api#");
    let trim = |list: &Option<Vec<AstRef>>| -> Option<Vec<AstRef>> {
        list.as_ref().map(|l| l.iter().filter(|r| keep(r)).cloned().collect())
    };
    let trim_one = |r: &Option<AstRef>| r.as_ref().filter(|r| keep(r)).cloned();
    shape.operations = trim(&shape.operations);
    shape.resources = trim(&shape.resources);
    shape.collection_operations = trim(&shape.collection_operations).filter(|l| !l.is_empty());
    shape.create = trim_one(&shape.create);
    shape.put = trim_one(&shape.put);
    shape.read = trim_one(&shape.read);
    shape.update = trim_one(&shape.update);
    shape.delete = trim_one(&shape.delete);
    shape.list = trim_one(&shape.list);
    if shape.shape_type == "resource" {
        shape.operations = shape.operations.take().filter(|l| !l.is_empty());
        shape.resources = shape.resources.take().filter(|l| !l.is_empty());
    }
}

impl Closure {
    /// The closure as a model file: the chosen shapes, with the service's and
    /// resources' bindings trimmed to what the closure holds.
    pub fn to_ast(&self, ast: &AstModel) -> AstModel {
        let mut shapes = Vec::new();
        for (id, shape) in ast.shapes.iter() {
            if !self.shapes.contains(id.as_str()) {
                continue;
            }
            let mut shape: AstShape = shape.clone();
            trim_bindings(&mut shape, |target| self.shapes.contains(target));
            shapes.push((id.clone(), shape));
        }
        shapes.sort_by(|a, b| a.0.cmp(&b.0));
        AstModel { smithy: ast.smithy.clone(), metadata: BTreeMap::new(), shapes: OrderedMap(shapes) }
    }
}

//! Operation inputs and outputs of their own, as smithy-rs gives them.

use std::collections::BTreeMap;

use crate::closure::Closure;
use crate::error::Error;
use crate::ir::{Model, Shape, ShapeId, ShapeKind};

/// Gives every operation an input and output structure of its own, as
/// smithy-rs does: `smithy.api#Unit` becomes an empty structure, and a shape
/// that several operations share (or that members also target) is copied, so
/// that each `<Op>Input`/`<Op>Output` type carries only its operation's glue.
pub(crate) fn operation_io(model: &Model, closure: &Closure) -> Result<(Model, Closure), Error> {
    // Only the closure (and the prelude) is rendered: copy just that.
    let mut model = Model {
        shapes: model
            .shapes
            .iter()
            .filter(|(id, _)| closure.shapes.contains(*id) || id.namespace() == crate::ir::PRELUDE)
            .map(|(id, shape)| (id.clone(), shape.clone()))
            .collect(),
    };
    // Bindings to operations and resources outside the closure go with them.
    let kept: std::collections::BTreeSet<ShapeId> = model.shapes.keys().cloned().collect();
    for shape in model.shapes.values_mut() {
        let (operations, resources) = match &mut shape.kind {
            ShapeKind::Service(s) => (&mut s.operations, &mut s.resources),
            ShapeKind::Resource(r) => (&mut r.operations, &mut r.resources),
            _ => continue,
        };
        operations.retain(|id| kept.contains(id));
        resources.retain(|id| kept.contains(id));
    }
    // How often each shape is used as an operation's input or output, or as a member target.
    let mut uses: BTreeMap<ShapeId, usize> = BTreeMap::new();
    for id in &closure.shapes {
        match &model.shapes[id].kind {
            ShapeKind::Operation(op) => {
                for io in op.input.iter().chain(op.output.iter()) {
                    *uses.entry(io.clone()).or_default() += 1;
                }
            }
            _ => {
                for m in model.shapes[id].all_members() {
                    *uses.entry(m.target.clone()).or_default() += 1;
                }
            }
        }
    }
    for op_id in &closure.operations {
        let ShapeKind::Operation(op) = &model.shapes[op_id].kind else {
            continue;
        };
        let ios = [(op.input.clone(), "Input"), (op.output.clone(), "Output")];
        for (io, suffix) in ios {
            let template = match &io {
                Some(id) if uses.get(id).copied().unwrap_or(0) <= 1 => continue,
                Some(id) => model.shapes[id].clone(),
                None => Shape {
                    id: op_id.clone(),
                    kind: ShapeKind::Structure(Vec::new()),
                    traits: crate::traits::Traits::default(),
                },
            };
            let mut name = format!("{}{suffix}", op_id.name());
            while model.shapes.keys().any(|k| k.namespace() == op_id.namespace() && k.name() == name) {
                name.push('_');
            }
            let id = ShapeId::parse(&format!("{}#{name}", op_id.namespace()))?;
            model.shapes.insert(id.clone(), Shape { id: id.clone(), ..template });
            if let Some(Shape { kind: ShapeKind::Operation(op), .. }) = model.shapes.get_mut(op_id) {
                if suffix == "Input" {
                    op.input = Some(id);
                } else {
                    op.output = Some(id);
                }
            }
        }
    }
    let ops: Vec<String> = closure.operations.iter().map(ShapeId::to_string).collect();
    let ops: Vec<&str> = ops.iter().map(String::as_str).collect();
    let closure = crate::closure::closure(&model, &ops)?;
    Ok((model, closure))
}

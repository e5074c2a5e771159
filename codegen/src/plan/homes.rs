//! Where every generated type lives: its module and its Rust name.

use std::collections::BTreeMap;

use super::names;
use crate::closure::Closure;
use crate::error::Error;
use crate::ir::{Model, ShapeId, ShapeKind};

/// Where a generated type lives.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Place {
    /// `types`
    Types,
    /// `types::error`
    Errors,
    /// `operation::<module>`
    Operation(String),
}

#[cfg(feature = "diff")]
impl Place {
    /// The module path as a reader writes it (`types::error`, `operation::invoke`).
    pub(crate) fn module_path(&self) -> String {
        match self {
            Place::Types => "types".to_string(),
            Place::Errors => "types::error".to_string(),
            Place::Operation(m) => format!("operation::{m}"),
        }
    }
}

/// A generated type's module and name.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Home {
    pub place: Place,
    pub name: String,
}

impl Home {
    /// The name of the type's builder (`GetLayerVersionInputBuilder`).
    pub fn builder_name(&self) -> String {
        names::suffixed(&self.name, "Builder")
    }
}

/// The name a shape goes by: the service's `rename` for it, else its own.
pub(crate) fn renamed(model: &Model, closure: &Closure, id: &ShapeId) -> String {
    closure
        .service
        .as_ref()
        .and_then(|s| match &model.shapes[s].kind {
            ShapeKind::Service(svc) => svc.rename.get(id).cloned(),
            _ => None,
        })
        .unwrap_or_else(|| id.name().to_string())
}

/// Decides where every type of the closure lives and checks that names do not collide.
pub(crate) fn assign(model: &Model, closure: &Closure) -> Result<BTreeMap<ShapeId, Home>, Error> {
    let mut homes: BTreeMap<ShapeId, Home> = BTreeMap::new();
    for op_id in &closure.operations {
        let ShapeKind::Operation(op) = &model.shapes[op_id].kind else {
            continue;
        };
        let module = names::module(&renamed(model, closure, op_id));
        let op_name = names::type_name(&renamed(model, closure, op_id));
        for (io, suffix) in [(&op.input, "Input"), (&op.output, "Output")] {
            if let Some(id) = io {
                homes.entry(id.clone()).or_insert(Home {
                    place: Place::Operation(module.clone()),
                    name: names::suffixed(&op_name, suffix),
                });
            }
        }
    }
    for id in &closure.shapes {
        if homes.contains_key(id) {
            continue;
        }
        let shape = &model.shapes[id];
        let place = match &shape.kind {
            ShapeKind::Structure(_) if shape.traits.error.is_some() => Place::Errors,
            ShapeKind::Structure(_) | ShapeKind::Union(_) | ShapeKind::Enum(_) | ShapeKind::IntEnum(_) => Place::Types,
            _ => continue,
        };
        homes.insert(id.clone(), Home { place, name: names::type_name(&renamed(model, closure, id)) });
    }
    check_names(&homes)?;
    Ok(homes)
}

/// Every name must be a Rust identifier, and two shapes may not land on the
/// same Rust path (nor on a builder's name).
fn check_names(homes: &BTreeMap<ShapeId, Home>) -> Result<(), Error> {
    // Renames and odd shape names may not be identifiers.
    for (id, home) in homes {
        if syn::parse_str::<syn::Ident>(&home.name).is_err() {
            return Err(Error::at(
                id.as_str(),
                format!("its Rust name `{}` is not an identifier; rename the shape", home.name),
            ));
        }
    }
    let mut taken: BTreeMap<(Place, String), &ShapeId> = BTreeMap::new();
    for (id, home) in homes {
        for name in [home.name.clone(), home.builder_name()] {
            if let Some(other) = taken.insert((home.place.clone(), name.clone()), id) {
                return Err(Error::at(
                    id.as_str(),
                    format!("its Rust name `{name}` collides with the one of `{other}`"),
                ));
            }
        }
    }
    Ok(())
}

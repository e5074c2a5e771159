//! Where a request body's JSON may leave out required members: a server
//! that cannot decode a body looks there, so that a missing member is
//! reported as a constraint violation at its path (`/list/0/name`) rather
//! than as a body that does not deserialize.

use std::collections::{BTreeMap, BTreeSet};

use super::bindings::Binding;
use super::{types::RustType, Plan};
use crate::error::Error;
use crate::ir::{Member, ShapeId, ShapeKind};

/// The members of a structure or union to look at in its JSON object.
pub(crate) type RequiredWalk = Vec<WalkMember>;

/// One member to look at.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct WalkMember {
    /// The model's member name: the path segment.
    pub name: String,
    /// The JSON name.
    pub wire: String,
    /// `required` without a default: absent or `null` is a violation.
    pub required: bool,
    /// What to look at inside its value.
    pub inner: JsonWalk,
}

/// What to look at inside a JSON value.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) enum JsonWalk {
    #[default]
    None,
    /// A structure or union with a walk of its own (its `find_missing_required`).
    Shape(RustType),
    /// Every list item.
    Items(Box<JsonWalk>),
    /// Every map value.
    Values(Box<JsonWalk>),
}

impl Plan {
    /// The walks of the operation inputs (their body members) and of the
    /// structures and unions their bodies can hold, where required members
    /// are somewhere inside.
    pub(crate) fn plan_required_walks(&self) -> Result<BTreeMap<ShapeId, RequiredWalk>, Error> {
        let mut out = self.settle_aggregates(|id, walked| self.walk_members(id, walked))?;
        // Keep the inputs and what their walks reach, so that no walk goes unused.
        let mut reached: BTreeSet<ShapeId> =
            self.operation_inputs.iter().filter(|id| out.contains_key(*id)).cloned().collect();
        let mut todo: Vec<ShapeId> = reached.iter().cloned().collect();
        while let Some(id) = todo.pop() {
            for member in &out[&id] {
                for target in self.walk_targets(&self.model.shapes[&id].members()[self.member_index(&id, &member.name)])
                {
                    if out.contains_key(&target) && reached.insert(target.clone()) {
                        todo.push(target);
                    }
                }
            }
        }
        out.retain(|id, _| reached.contains(id));
        Ok(out)
    }

    fn member_index(&self, id: &ShapeId, name: &str) -> usize {
        self.model.shapes[id].members().iter().position(|m| m.name == name).expect("a member of the shape")
    }

    /// The structures and unions a member's value holds, through lists and maps.
    fn walk_targets(&self, member: &Member) -> Vec<ShapeId> {
        let mut target = &member.target;
        loop {
            match &self.model.shapes[target].kind {
                ShapeKind::List(m) | ShapeKind::Map { value: m, .. } => target = &m.target,
                ShapeKind::Structure(_) | ShapeKind::Union(_) => return vec![target.clone()],
                _ => return Vec::new(),
            }
        }
    }

    fn walk_members(&self, id: &ShapeId, walked: &BTreeSet<ShapeId>) -> Result<RequiredWalk, Error> {
        let shape = &self.model.shapes[id];
        let is_structure = matches!(shape.kind, ShapeKind::Structure(_));
        // An input's members outside the body are `missing_required`'s own business.
        let body_only = self.operation_inputs.contains(id);
        let mut out = Vec::new();
        for member in shape.members() {
            let target = &self.model.shapes[&member.target];
            if member.traits.streaming || target.traits.streaming || (body_only && Binding::of(member) != Binding::Body)
            {
                continue;
            }
            let has_default =
                member.traits.default.as_ref().or(target.traits.default.as_ref()).is_some_and(|d| !d.is_null());
            let required = is_structure && member.traits.required && !has_default;
            let inner = self.json_walk(&member.target, walked, &id.member(&member.name))?;
            if required || inner != JsonWalk::None {
                let wire = member.traits.json_name.clone().unwrap_or_else(|| member.name.clone());
                out.push(WalkMember { name: member.name.clone(), wire, required, inner });
            }
        }
        Ok(out)
    }

    fn json_walk(&self, target: &ShapeId, walked: &BTreeSet<ShapeId>, at: &str) -> Result<JsonWalk, Error> {
        Ok(match &self.model.shapes[target].kind {
            ShapeKind::Structure(_) | ShapeKind::Union(_) if walked.contains(target) => {
                JsonWalk::Shape(self.rust_type(target, at)?.0)
            }
            ShapeKind::List(m) => match self.json_walk(&m.target, walked, at)? {
                JsonWalk::None => JsonWalk::None,
                inner => JsonWalk::Items(Box::new(inner)),
            },
            ShapeKind::Map { value, .. } => match self.json_walk(&value.target, walked, at)? {
                JsonWalk::None => JsonWalk::None,
                inner => JsonWalk::Values(Box::new(inner)),
            },
            _ => JsonWalk::None,
        })
    }
}

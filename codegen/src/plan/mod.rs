//! Plan stage: every Rust-level decision about a closure, made once, before
//! anything is printed.
//!
//! [`build`] takes a resolved model and the closure of the chosen operations
//! and decides, one module a concept:
//!
//! - where each type lives and what it is called (`homes`, `names`), after
//!   giving every operation an input and output of its own (`synthesize`);
//! - which members need a `Box` (`cycles`);
//! - every structure's fields: Rust name and type, `Option` or plain, the
//!   default, serde's special cases, the pattern and other `validate()` checks
//!   (`structures`, `types`), and where each travels in an HTTP message and
//!   how it is written there (`bindings`);
//! - enum and union variants (`enums`);
//! - every operation's names, errors and URI layout (`operations`);
//! - how prelude names are written (`prelude`).
//!
//! The model checks these decisions need are made here, so that the render
//! stage prints from the [`Plan`] and cannot fail on a model that planned.

mod bindings;
mod checks;
mod cycles;
mod enums;
mod event_streams;
mod homes;
pub mod names;
mod operations;
mod prelude;
mod required;
mod structures;
mod synthesize;
mod types;
mod wire;

use std::collections::{BTreeMap, BTreeSet};

use crate::closure::Closure;
use crate::error::Error;
use crate::ir::{Model, ShapeId, ShapeKind};
use crate::Settings;

pub(crate) use bindings::{Binding, PayloadKind, ScalarKind, TimestampFormat};
pub(crate) use checks::{Bound, Inner, LengthUnit, MemberChecks, Pattern, UniqueItems, ValueChecks};
pub(crate) use cycles::Cycles;
pub(crate) use enums::{VariantPlan, Variants};
pub(crate) use event_streams::{
    EventPlan, HeaderForm, HeaderPlan, HeaderScalar, PayloadForm, StreamPlan, TimestampJson,
};
pub(crate) use homes::{renamed, Home, Place};
pub(crate) use operations::{literal_query_keys, LiteralQuery, OperationPlan, UriSegment};
pub use prelude::PreludeStyle;
#[cfg(test)]
pub(crate) use prelude::PRELUDE_NAMES;
pub(crate) use required::{JsonWalk, WalkMember};
pub(crate) use structures::{FieldKind, FieldPlan, SerdeWith, WireForm};
/// The model and closure [`build`] plans: every operation with an input and
/// output of its own (for names as the render stage writes them).
#[cfg(feature = "protocol-tests")]
pub(crate) use synthesize::operation_io as synthesize_operation_io;
pub(crate) use types::{DefaultValue, DocumentDefault, Repr, RustType};
pub(crate) use wire::{payload_media_type, BodyMediaType, HostPrefixPart, WirePlan};

/// Everything the render stage prints from.
#[derive(Debug)]
pub struct Plan {
    /// The closure's shapes (and the prelude), with the synthesized
    /// operation inputs and outputs.
    pub(crate) model: Model,
    /// The closure over [`Plan::model`].
    pub(crate) closure: Closure,
    /// The settings the plan was made for.
    pub(crate) settings: Settings,
    /// Where every generated type lives, by shape id.
    pub(crate) homes: BTreeMap<ShapeId, Home>,
    /// The operations' input structures: their top-level members follow the
    /// request rules for defaults.
    pub(crate) operation_inputs: BTreeSet<ShapeId>,
    /// The members that close a cycle and are boxed.
    pub(crate) cycles: Cycles,
    /// How prelude names are written.
    pub(crate) prelude: PreludeStyle,
    /// The fields of every structure, by shape id.
    pub(crate) structures: BTreeMap<ShapeId, Vec<FieldPlan>>,
    /// The variants of every enum, intEnum and union, by shape id.
    pub(crate) variants: BTreeMap<ShapeId, Variants>,
    /// What every error structure answers with, by shape id.
    pub(crate) errors: BTreeMap<ShapeId, ErrorPlan>,
    /// The constraint checks of the structures and unions that have any, by shape id.
    pub(crate) checks: BTreeMap<ShapeId, checks::ShapeChecks>,
    /// The value sets of the enums and intEnums, by shape id.
    pub(crate) enum_sets: BTreeMap<ShapeId, checks::EnumSet>,
    /// Where request bodies may leave out required members, by structure or union id.
    pub(crate) required_walks: BTreeMap<ShapeId, required::RequiredWalk>,
    /// The HTTP layout of every operation, by shape id.
    pub(crate) operations: BTreeMap<ShapeId, OperationPlan>,
    /// The `@streaming` unions (event streams), by shape id.
    pub(crate) streams: BTreeMap<ShapeId, StreamPlan>,
    /// The error structures that only event streams use (no HTTP error glue).
    pub(crate) stream_only_errors: BTreeSet<ShapeId>,
    /// The operations whose model gives no output (before synthesizing one).
    pub(crate) operations_without_output: BTreeSet<ShapeId>,
    /// Whether a member of the closure is an idempotency token (the
    /// generated crate then needs the runtime's `idempotency-token` feature).
    pub(crate) idempotency_tokens: bool,
    /// The operations without a modeled input (`smithy.api#Unit`), whose
    /// synthesized input takes no body at all.
    pub(crate) unit_inputs: BTreeSet<ShapeId>,
}

/// What an error structure answers with.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ErrorPlan {
    /// Its HTTP status: `httpError`, else 500 for a server fault and 400 for a client one.
    pub status: u16,
    /// The `httpError` trait's status, if the model gives one.
    pub status_trait: Option<u16>,
    /// The position of its string `message` member (any case), if it has one.
    pub message: Option<usize>,
    /// Its list of violated constraints, when it has one in the form of
    /// `smithy.framework#ValidationException` (`fieldList`).
    pub field_list: Option<FieldListPlan>,
}

/// Where a bad-request error lists the violated constraints: a `fieldList`
/// member, a list of structures with just the string members `path` and `message`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FieldListPlan {
    /// The position of `fieldList` in the error.
    pub member: usize,
    /// The item structure.
    pub item: ShapeId,
}

/// The closure's operations for which `test` holds.
fn operations_where(
    model: &Model,
    closure: &Closure,
    test: impl Fn(&crate::ir::Operation) -> bool,
) -> BTreeSet<ShapeId> {
    closure
        .operations
        .iter()
        .filter(|id| matches!(&model.shapes[*id].kind, ShapeKind::Operation(op) if test(op)))
        .cloned()
        .collect()
}

/// Plans the rendering of `closure`.
pub fn build(model: &Model, closure: &Closure, settings: &Settings) -> Result<Plan, Error> {
    // Synthesis gives every operation an input and an output structure, so
    // which of them the model left out is noted first.
    let unit_inputs = operations_where(model, closure, |op| op.input.is_none());
    let operations_without_output = operations_where(model, closure, |op| op.output.is_none());
    let (model, closure) = synthesize::operation_io(model, closure)?;
    let mut plan = Plan::names_only(model, closure, settings)?;
    plan.unit_inputs = unit_inputs;
    plan.operations_without_output = operations_without_output;
    plan.cycles = Cycles::find(&plan.model, plan.closure.shapes.iter());
    plan.prelude = prelude_style(&plan.model, &plan.closure, &plan.homes);
    plan.plan_shapes()?;
    plan.checks = plan.plan_checks()?;
    plan.enum_sets = plan.plan_enum_sets();
    plan.required_walks = plan.plan_required_walks()?;
    plan.errors = plan.plan_errors();
    plan.plan_operations()?;
    plan.plan_streams()?;
    plan.idempotency_tokens = plan.has_idempotency_tokens();
    Ok(plan)
}

impl Plan {
    /// A plan of where each type lives and what it is called, and no more:
    /// no cycles, no fields (what [`build`] starts from, and `diff` needs).
    pub(crate) fn names_only(model: Model, closure: Closure, settings: &Settings) -> Result<Plan, Error> {
        let homes = homes::assign(&model, &closure)?;
        let operation_inputs = operation_inputs(&model, &closure);
        Ok(Plan {
            model,
            closure,
            settings: settings.clone(),
            homes,
            operation_inputs,
            cycles: Cycles::default(),
            prelude: PreludeStyle::Bare,
            structures: BTreeMap::new(),
            variants: BTreeMap::new(),
            operations: BTreeMap::new(),
            errors: BTreeMap::new(),
            checks: BTreeMap::new(),
            enum_sets: BTreeMap::new(),
            required_walks: BTreeMap::new(),
            streams: BTreeMap::new(),
            stream_only_errors: BTreeSet::new(),
            operations_without_output: BTreeSet::new(),
            idempotency_tokens: false,
            unit_inputs: BTreeSet::new(),
        })
    }

    /// The HTTP layout of every operation.
    fn plan_operations(&mut self) -> Result<(), Error> {
        let mut operations = BTreeMap::new();
        for id in &self.closure.operations {
            if let Some(planned) = self.plan_operation(&self.model.shapes[id])? {
                operations.insert(id.clone(), planned);
            }
        }
        self.operations = operations;
        Ok(())
    }

    /// The status and message member of every error structure.
    fn plan_errors(&self) -> BTreeMap<ShapeId, ErrorPlan> {
        let mut out = BTreeMap::new();
        for (id, fields) in &self.structures {
            let shape = &self.model.shapes[id];
            let Some(fault) = shape.traits.error else { continue };
            let status = shape.traits.http_error.unwrap_or(match fault {
                crate::traits::Fault::Server => 500,
                crate::traits::Fault::Client => 400,
            });
            // Member names that differ only in case collide as fields, so at most one matches.
            let message = shape
                .members()
                .iter()
                .zip(fields)
                .position(|(m, f)| m.name.eq_ignore_ascii_case("message") && f.repr == Repr::String);
            let field_list = self.field_list(shape);
            out.insert(id.clone(), ErrorPlan { status, status_trait: shape.traits.http_error, message, field_list });
        }
        out
    }

    /// The `fieldList` member of an error, if it lists violations the way
    /// `smithy.framework#ValidationException` does.
    fn field_list(&self, shape: &crate::ir::Shape) -> Option<FieldListPlan> {
        let member = shape.members().iter().position(|m| m.name == "fieldList")?;
        let ShapeKind::List(item) = &self.model.shapes[&shape.members()[member].target].kind else { return None };
        let item_shape = &self.model.shapes[&item.target];
        let ShapeKind::Structure(item_members) = &item_shape.kind else { return None };
        let is_string = |m: &crate::ir::Member| {
            matches!(self.model.shapes[&m.target].kind, ShapeKind::Simple(crate::ir::Simple::String))
        };
        let mut names: Vec<&str> = item_members.iter().filter(|m| is_string(m)).map(|m| m.name.as_str()).collect();
        names.sort_unstable();
        (item_members.len() == 2 && names == ["message", "path"])
            .then(|| FieldListPlan { member, item: item.target.clone() })
    }

    /// Whether a member of the closure is an idempotency token.
    fn has_idempotency_tokens(&self) -> bool {
        self.closure
            .shapes
            .iter()
            .filter_map(|id| self.model.shapes.get(id))
            .flat_map(crate::ir::Shape::all_members)
            .any(|member| member.traits.idempotency_token)
    }

    /// The operations' inputs and outputs.
    fn http_messages(&self) -> BTreeSet<ShapeId> {
        let mut out = BTreeSet::new();
        for id in &self.closure.operations {
            if let ShapeKind::Operation(op) = &self.model.shapes[id].kind {
                out.extend(op.input.iter().chain(op.output.iter()).cloned());
            }
        }
        out
    }

    /// For every structure and non-streaming union of the closure, the member
    /// entries `members(id, marked)` gives, where `marked` holds the shapes
    /// whose own entries came out non-empty. A shape's entries can depend on
    /// the shapes it holds, and shapes can hold each other, so the entries are
    /// recomputed until `marked` settles; shapes left without entries are
    /// dropped. The constraint checks and the required-member walks share it.
    fn settle_aggregates<T>(
        &self,
        members: impl Fn(&ShapeId, &BTreeSet<ShapeId>) -> Result<Vec<T>, Error>,
    ) -> Result<BTreeMap<ShapeId, Vec<T>>, Error> {
        let aggregates: Vec<&ShapeId> = self
            .homes
            .keys()
            .filter(|id| {
                let shape = &self.model.shapes[*id];
                match shape.kind {
                    ShapeKind::Structure(_) => true,
                    ShapeKind::Union(_) => !shape.traits.streaming,
                    _ => false,
                }
            })
            .collect();
        let mut marked = BTreeSet::new();
        let mut out = BTreeMap::new();
        loop {
            let mut grew = false;
            for id in &aggregates {
                let entries = members(id, &marked)?;
                if !entries.is_empty() && marked.insert((*id).clone()) {
                    grew = true;
                }
                out.insert((*id).clone(), entries);
            }
            if !grew {
                break;
            }
        }
        out.retain(|_, entries: &mut Vec<T>| !entries.is_empty());
        Ok(out)
    }

    /// The fields of every structure and the variants of every enum and
    /// union that get a type, checked in the order of their homes.
    fn plan_shapes(&mut self) -> Result<(), Error> {
        let (mut structures, mut variants) = (BTreeMap::new(), BTreeMap::new());
        let messages = self.http_messages();
        for id in self.homes.keys() {
            let shape = &self.model.shapes[id];
            if let ShapeKind::Structure(_) = shape.kind {
                let http_message = messages.contains(id) || shape.traits.error.is_some();
                structures.insert(id.clone(), self.plan_fields(shape, http_message)?);
            } else if let Some(planned) = self.plan_variants(shape)? {
                variants.insert(id.clone(), planned);
            }
        }
        self.structures = structures;
        self.variants = variants;
        Ok(())
    }
}

/// The input structures of the closure's operations.
fn operation_inputs(model: &Model, closure: &Closure) -> BTreeSet<ShapeId> {
    closure
        .operations
        .iter()
        .filter_map(|id| match &model.shapes[id].kind {
            ShapeKind::Operation(op) => op.input.clone(),
            _ => None,
        })
        .collect()
}

/// The prelude style for the types the modules define: shapes, and per
/// operation a marker type and an error enum (builders end in `Builder`, no
/// prelude name does).
fn prelude_style(model: &Model, closure: &Closure, homes: &BTreeMap<ShapeId, Home>) -> PreludeStyle {
    let operation_types: Vec<String> = closure
        .operations
        .iter()
        .flat_map(|id| [id.name().to_string(), renamed(model, closure, id)])
        .map(|name| names::type_name(&name))
        .flat_map(|name| [names::suffixed(&name, "Error"), name])
        .collect();
    PreludeStyle::for_types(
        homes.values().map(|home| home.name.as_str()).chain(operation_types.iter().map(String::as_str)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const MODEL: &str = r##"{
        "smithy": "2.0",
        "shapes": {
            "ex#Things": { "type": "service", "version": "1", "operations": [{ "target": "ex#GetThing" }] },
            "ex#GetThing": {
                "type": "operation",
                "input": { "target": "ex#GetThingRequest" },
                "output": { "target": "ex#GetThingResponse" },
                "traits": { "smithy.api#http": { "method": "GET", "uri": "/things/{Name}", "code": 200 } }
            },
            "ex#GetThingRequest": {
                "type": "structure",
                "members": {
                    "Limit": { "target": "smithy.api#Integer", "traits": { "smithy.api#httpQuery": "limit", "smithy.api#default": 10 } },
                    "Name": { "target": "smithy.api#String", "traits": { "smithy.api#httpLabel": {}, "smithy.api#required": {} } }
                }
            },
            "ex#GetThingResponse": {
                "type": "structure",
                "members": {
                    "Root": { "target": "ex#Node" },
                    "Limit": { "target": "smithy.api#Integer", "traits": { "smithy.api#default": 10 } }
                }
            },
            "ex#Node": {
                "type": "structure",
                "members": { "Child": { "target": "ex#Node" }, "Siblings": { "target": "ex#Nodes" } }
            },
            "ex#Nodes": { "type": "list", "member": { "target": "ex#Node" } }
        }
    }"##;

    fn plan() -> Plan {
        let model = crate::ir::resolve(&crate::ast::parse(MODEL.as_bytes()).unwrap()).unwrap();
        let closure = crate::closure::closure(&model, &["GetThing"]).unwrap();
        build(&model, &closure, &Settings::default()).unwrap()
    }

    fn id(name: &str) -> ShapeId {
        ShapeId::parse(name).unwrap()
    }

    #[test]
    fn decides_homes_fields_and_boxes_once() {
        let plan = plan();
        let input = &plan.homes[&id("ex#GetThingRequest")];
        assert_eq!((input.place.clone(), input.name.as_str()), (Place::Operation("get_thing".into()), "GetThingInput"));
        assert_eq!(plan.homes[&id("ex#Node")].place, Place::Types);
        // A member leading back to its structure is boxed; one through a list is not.
        let node = &plan.structures[&id("ex#Node")];
        assert_eq!((node[0].name.as_str(), node[0].boxed), ("child", true));
        assert_eq!((node[1].name.as_str(), node[1].boxed), ("siblings", false));
        // An input's defaulted member is optional and sent only when set; an output's starts at the default.
        let input = &plan.structures[&id("ex#GetThingRequest")];
        assert_eq!(input[0].kind, FieldKind::Optional);
        assert_eq!(input[0].unset_default, Some(crate::ast::Node::from(10)));
        assert_eq!(input[0].binding, Binding::Query("limit".into()));
        assert_eq!(input[0].scalar, Some(ScalarKind::Display));
        let output = &plan.structures[&id("ex#GetThingResponse")];
        assert_eq!(output[1].kind, FieldKind::Default(crate::ast::Node::from(10)));
        assert_eq!(plan.prelude, PreludeStyle::Bare);
    }

    #[test]
    fn lays_out_each_operation() {
        let plan = plan();
        let op = &plan.operations[&id("ex#GetThing")];
        assert_eq!(
            (op.module.as_str(), op.type_name.as_str(), op.error_name.as_str()),
            ("get_thing", "GetThing", "GetThingError")
        );
        assert_eq!(
            op.segments,
            vec![("things".to_string(), None, false), (String::new(), Some("Name".to_string()), false)]
        );
        // `Name` is the input's second member.
        assert_eq!(op.label_order, vec![1]);
        assert!(op.errors.is_empty());
        assert!(!op.no_output);
    }

    #[test]
    fn output_query_members_travel_in_the_body_and_unit_outputs_are_empty() {
        let model = MODEL.replace(
            r#""Limit": { "target": "smithy.api#Integer", "traits": { "smithy.api#default": 10 } }"#,
            r#""Limit": { "target": "smithy.api#Integer", "traits": { "smithy.api#httpQuery": "limit" } }"#,
        );
        let model = crate::ir::resolve(&crate::ast::parse(model.as_bytes()).unwrap()).unwrap();
        let closure = crate::closure::closure(&model, &["GetThing"]).unwrap();
        let plan = build(&model, &closure, &Settings::default()).unwrap();
        assert_eq!(plan.structures[&id("ex#GetThingResponse")][1].binding, Binding::Body);
        assert_eq!(plan.structures[&id("ex#GetThingRequest")][0].binding, Binding::Query("limit".into()));

        let model = MODEL.replace(r#""output": { "target": "ex#GetThingResponse" },"#, "");
        let model = crate::ir::resolve(&crate::ast::parse(model.as_bytes()).unwrap()).unwrap();
        let closure = crate::closure::closure(&model, &["GetThing"]).unwrap();
        let plan = build(&model, &closure, &Settings::default()).unwrap();
        assert!(plan.operations[&id("ex#GetThing")].no_output);
    }

    #[test]
    fn refuses_a_query_key_bound_twice_before_printing() {
        let model = MODEL
            .replace(r#""smithy.api#httpLabel": {}, "smithy.api#required": {}"#, r#""smithy.api#httpQuery": "limit""#);
        let model = model.replace("/things/{Name}", "/things");
        let model = crate::ir::resolve(&crate::ast::parse(model.as_bytes()).unwrap()).unwrap();
        let closure = crate::closure::closure(&model, &["GetThing"]).unwrap();
        let error = build(&model, &closure, &Settings::default()).unwrap_err().to_string();
        assert!(error.contains("query parameter `limit` is bound more than once"), "{error}");
        assert!(error.contains("GetThing"), "{error}");
    }

    const SCALARS: &str = r##"{
        "smithy": "2.0",
        "shapes": {
            "ex#Things": { "type": "service", "version": "1", "operations": [{ "target": "ex#PutThing" }] },
            "ex#PutThing": {
                "type": "operation",
                "input": { "target": "ex#PutThingRequest" },
                "traits": { "smithy.api#http": { "method": "PUT", "uri": "/things", "code": 200 } }
            },
            "ex#PutThingRequest": {
                "type": "structure",
                "members": {
                    "Level": { "target": "ex#Level", "traits": { "smithy.api#httpHeader": "x-level" } },
                    "Levels": { "target": "ex#Levels", "traits": { "smithy.api#httpQuery": "levels" } },
                    "Ratio": { "target": "smithy.api#Float", "traits": { "smithy.api#httpQuery": "ratio" } },
                    "Ratios": { "target": "ex#Ratios", "traits": { "smithy.api#httpHeader": "x-ratios" } },
                    "Json": { "target": "ex#Json", "traits": { "smithy.api#httpHeader": "x-json" } },
                    "Plain": { "target": "smithy.api#String", "traits": { "smithy.api#httpHeader": "x-plain" } },
                    "Body": { "target": "ex#Defaults" }
                }
            },
            "ex#Defaults": {
                "type": "structure",
                "members": {
                    "When": { "target": "smithy.api#Timestamp", "traits": { "smithy.api#default": 1515531081 } },
                    "Bytes": { "target": "smithy.api#Blob", "traits": { "smithy.api#default": "YWJj" } },
                    "Doc": { "target": "smithy.api#Document", "traits": { "smithy.api#default": {} } },
                    "Level": { "target": "ex#Level", "traits": { "smithy.api#default": 10 } },
                    "Ratio": { "target": "smithy.api#Float" },
                    "Ratios": { "target": "ex#Ratios" }
                }
            },
            "ex#Json": { "type": "string", "traits": { "smithy.api#mediaType": "application/json" } },
            "ex#Level": {
                "type": "intEnum",
                "members": { "LOW": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": 1 } },
                             "HIGH": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": 10 } } }
            },
            "ex#Levels": { "type": "list", "member": { "target": "ex#Level" } },
            "ex#Ratios": { "type": "list", "member": { "target": "smithy.api#Float" } }
        }
    }"##;

    #[test]
    fn plans_int_enums_floats_media_types_and_defaults() {
        let model = crate::ir::resolve(&crate::ast::parse(SCALARS.as_bytes()).unwrap()).unwrap();
        let closure = crate::closure::closure(&model, &["PutThing"]).unwrap();
        let plan = build(&model, &closure, &Settings::default()).unwrap();
        let input = &plan.structures[&id("ex#PutThingRequest")];
        let scalars: Vec<_> = input.iter().map(|f| f.scalar.clone()).collect();
        let list = |k: ScalarKind| Some(ScalarKind::ListOf(Box::new(k)));
        assert_eq!(
            scalars,
            vec![
                Some(ScalarKind::IntEnum),
                list(ScalarKind::IntEnum),
                Some(ScalarKind::Float),
                list(ScalarKind::Float),
                Some(ScalarKind::Base64String),
                Some(ScalarKind::String),
                None,
            ]
        );
        // Floats use the runtime's float module, as doubles do.
        assert_eq!(input[2].serde_with, Some(SerdeWith::Scalar("::smithy_codegen_runtime::serde_support::float")));
        let defaults = &plan.structures[&id("ex#Defaults")];
        let values: Vec<_> = defaults.iter().map(|f| f.default_value.clone()).collect();
        assert_eq!(
            values[..4],
            [
                Some(DefaultValue::EpochSeconds(1515531081)),
                Some(DefaultValue::Blob(b"abc".to_vec())),
                Some(DefaultValue::Document(DocumentDefault::EmptyObject)),
                Some(DefaultValue::IntEnum(plan.homes[&id("ex#Level")].clone(), 10)),
            ]
        );
        assert_eq!(defaults[5].serde_with, Some(SerdeWith::Items(WireForm::List(Box::new(WireForm::Float)))));
    }

    /// [`SCALARS`] with `ex#Ratios` sparse, a list of them, and a list of date-times.
    fn sparse_model(ratios_binding: &str) -> String {
        SCALARS
            .replace(
                r#""ex#Ratios": { "type": "list", "member": { "target": "smithy.api#Float" } }"#,
                r#""ex#Ratios": { "type": "list", "member": { "target": "smithy.api#Float" }, "traits": { "smithy.api#sparse": {} } },
                "ex#Grid": { "type": "list", "member": { "target": "ex#Ratios" } },
                "ex#Stamps": { "type": "list", "member": { "target": "smithy.api#Timestamp", "traits": { "smithy.api#timestampFormat": "date-time" } } }"#,
            )
            .replace(
                r#""Ratios": { "target": "ex#Ratios" }"#,
                r#""Ratios": { "target": "ex#Ratios" }, "Grid": { "target": "ex#Grid" }, "Stamps": { "target": "ex#Stamps" }"#,
            )
            .replace(r#""smithy.api#httpHeader": "x-ratios""#, ratios_binding)
    }

    #[test]
    fn sparse_items_are_options_and_each_item_keeps_its_form() {
        let model = sparse_model(r#""smithy.api#documentation": "in the body""#);
        let model = crate::ir::resolve(&crate::ast::parse(model.as_bytes()).unwrap()).unwrap();
        let closure = crate::closure::closure(&model, &["PutThing"]).unwrap();
        let plan = build(&model, &closure, &Settings::default()).unwrap();
        let defaults = &plan.structures[&id("ex#Defaults")];
        let (ratios, grid, stamps) = (&defaults[5], &defaults[6], &defaults[7]);
        let option_f32 = RustType::Option(Box::new(RustType::F32));
        assert_eq!(ratios.target_ty, RustType::Vec(Box::new(option_f32.clone())));
        assert_eq!(ratios.elem.as_ref().map(|(ty, _)| ty), Some(&option_f32));
        let sparse_floats = WireForm::List(Box::new(WireForm::Nullable(Box::new(WireForm::Float))));
        assert_eq!(ratios.serde_with, Some(SerdeWith::Items(sparse_floats.clone())));
        assert_eq!(grid.serde_with, Some(SerdeWith::Items(WireForm::List(Box::new(sparse_floats)))));
        assert_eq!(stamps.serde_with, Some(SerdeWith::Items(WireForm::List(Box::new(WireForm::DateTimeText)))));
    }

    #[test]
    fn refuses_a_sparse_list_in_a_header_by_name() {
        let model = sparse_model(r#""smithy.api#httpHeader": "x-ratios""#);
        let model = crate::ir::resolve(&crate::ast::parse(model.as_bytes()).unwrap()).unwrap();
        let closure = crate::closure::closure(&model, &["PutThing"]).unwrap();
        let error = build(&model, &closure, &Settings::default()).unwrap_err().to_string();
        assert!(error.contains("ex#PutThingRequest$Ratios") && error.contains("`@sparse` list"), "{error}");
    }

    #[test]
    fn refuses_a_blob_default_that_is_not_base64() {
        let model = SCALARS.replace(r#""smithy.api#default": "YWJj""#, r#""smithy.api#default": "Y*==""#);
        let model = crate::ir::resolve(&crate::ast::parse(model.as_bytes()).unwrap()).unwrap();
        let closure = crate::closure::closure(&model, &["PutThing"]).unwrap();
        let error = build(&model, &closure, &Settings::default()).unwrap_err().to_string();
        assert!(error.contains("ex#Defaults$Bytes") && error.contains("does not fit"), "{error}");
    }
}

//! Structures: every member's Rust field, decided once for the printers.

use std::collections::BTreeMap;

use crate::ast::Node;

use super::bindings::{Binding, PayloadKind, ScalarKind};
use super::names;
use super::types::{DefaultValue, Repr, RustType};
use super::Plan;
use crate::error::Error;
use crate::ir::{Member, Shape, ShapeId, ShapeKind, Simple};

/// How a member is held in its structure.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum FieldKind {
    /// `required` without a default: a plain field that builders must set.
    Required,
    /// A model default: a plain field that starts at the default (but see
    /// [`Plan::unset_default`] for operation inputs).
    Default(Node),
    /// Anything else, and operation-input members whose default the caller may
    /// leave unset: `Option<T>`.
    Optional,
}

/// How a member's JSON form departs from its type's own serde impl.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum SerdeWith {
    /// A runtime `serde_support` module with `serialize`/`deserialize` for `T` and an
    /// `option` child for `Option<T>`.
    Scalar(&'static str),
    /// A list or map whose items need their own form (floats, text
    /// timestamps, at any depth, and the `Option` items of sparse
    /// collections among them): written through the runtime's
    /// `serde_support::items` forms.
    Items(WireForm),
}

/// The JSON form of a value, item by item, as the runtime's
/// `serde_support::items` spells it; [`WireForm::Plain`] where the Rust
/// type's own serde impl is the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum WireForm {
    Plain,
    /// `f32` or `f64`, with `NaN` and infinities as strings.
    Float,
    /// A timestamp as an RFC 3339 string.
    DateTimeText,
    /// A timestamp as an IMF-fixdate string.
    HttpDateText,
    /// `Option<T>` (the items of a sparse collection), null for `None`.
    Nullable(Box<WireForm>),
    /// `Vec<T>`, each item in its form.
    List(Box<WireForm>),
    /// `HashMap<K, T>`, each value in its form.
    Map(Box<WireForm>),
    /// `&T` in its form (printers' borrowed body types; the plan never makes it).
    Ref(Box<WireForm>),
}

/// One member of a structure, as a Rust field.
#[derive(Debug, Clone)]
pub(crate) struct FieldPlan {
    /// The member's id, `ns#Shape$Member`, for messages.
    pub at: String,
    /// The Rust field name (`r#type`, `build_value`).
    pub name: String,
    /// The JSON name.
    pub wire: String,
    /// The unboxed target type (the raw body's `Blob` for a streaming member).
    pub target_ty: RustType,
    pub repr: Repr,
    /// The element type of a list, or the value type of a map, and its representation.
    pub elem: Option<(RustType, Repr)>,
    /// The key type of a map, and its representation.
    pub key: Option<(RustType, Repr)>,
    pub kind: FieldKind,
    pub sensitive: bool,
    pub boxed: bool,
    /// A streaming blob (carried as the raw HTTP body) or event stream.
    pub streaming: bool,
    /// An event stream (a `@streaming` union): held as the decoder of its
    /// events (see `render::event_stream`), a plain field.
    pub event_stream: bool,
    /// The model default of an `Optional` member that has one (see
    /// [`Plan::unset_default`]).
    pub unset_default: Option<Node>,
    /// Whether the model default equals the Rust type's `Default::default()`.
    pub zero_default: bool,
    /// The model default as a Rust value, where a printer writes it out
    /// (`None` where `Default::default()` is written instead).
    pub default_value: Option<DefaultValue>,
    /// The runtime serde module the member's JSON form needs, if any.
    pub serde_with: Option<SerdeWith>,
    /// Where the member travels in an HTTP message.
    pub binding: Binding,
    /// How a label, query or header value is written as text (for the
    /// members of operation inputs, outputs and errors).
    pub scalar: Option<ScalarKind>,
    /// The lowercased name of a header member (as `scalar`).
    pub header: Option<String>,
    /// How the member travels when it is the HTTP payload.
    pub payload: PayloadKind,
    /// Whether the member is a map of lists (for `httpQueryParams`: repeated keys).
    pub map_of_lists: bool,
}

impl Plan {
    /// Whether a member with a model default is held as `Option<T>` instead of
    /// starting at its default: a top-level member of an operation's input that is
    /// not `required`.
    ///
    /// A request carries such a member only when the caller set it, even to the
    /// default, as the Smithy specification and its compliance suite ask
    /// (`RestJsonClientSkipsTopLevelDefaultValuesInInput`): the service may change
    /// the default, and a client that sent the old one would pin its callers to
    /// it. Nested structures, outputs and errors keep the default as a plain
    /// value, except members with `@clientOptional`, which clients treat as
    /// optional wherever they are (as smithy-rs does, and the suite's
    /// `RestJsonClientIgnoresNonTopLevelDefaultsOnMembersWithClientOptional`).
    pub(crate) fn unset_default(&self, shape: &Shape, member: &Member) -> bool {
        let client_optional = member.traits.other.contains_key("smithy.api#clientOptional");
        client_optional || (self.operation_inputs.contains(&shape.id) && !member.traits.required)
    }

    /// Whether a member target is an event stream (a `@streaming` union).
    pub(crate) fn is_event_stream(&self, target: &crate::ir::ShapeId) -> bool {
        let shape = &self.model.shapes[target];
        shape.traits.streaming && matches!(shape.kind, ShapeKind::Union(_))
    }

    /// Whether a target is sensitive, looking through lists and maps.
    fn is_sensitive(&self, member: &Member) -> bool {
        if member.traits.sensitive {
            return true;
        }
        let mut target = &member.target;
        loop {
            let shape = &self.model.shapes[target];
            if shape.traits.sensitive {
                return true;
            }
            match &shape.kind {
                ShapeKind::List(m) | ShapeKind::Map { value: m, .. } => {
                    if m.traits.sensitive {
                        return true;
                    }
                    target = &m.target;
                }
                _ => return false,
            }
        }
    }

    /// The fields of a structure; member names or JSON names that collide are
    /// an error. The members of a structure that is an HTTP message
    /// (`http_message`: an operation's input or output, or an error) are
    /// checked to fit where they travel.
    pub(crate) fn plan_fields(&self, shape: &Shape, http_message: bool) -> Result<Vec<FieldPlan>, Error> {
        let mut taken: BTreeMap<String, &str> = BTreeMap::new();
        let mut wire_names: BTreeMap<String, &str> = BTreeMap::new();
        let mut out = Vec::new();
        for member in shape.members() {
            let wire = member.traits.json_name.as_deref().unwrap_or(&member.name);
            if let Some(other) = wire_names.insert(wire.to_string(), &member.name) {
                return Err(Error::at(
                    shape.id.member(&member.name),
                    format!("its JSON name `{wire}` is also the JSON name of `{other}`"),
                ));
            }
            let name = names::member(&member.name);
            if let Some(other) = taken.insert(name.clone(), &member.name) {
                return Err(Error::at(
                    shape.id.member(&member.name),
                    format!("member name collides with `{other}`: both become the Rust field `{name}`"),
                ));
            }
            let mut field = self.plan_field(shape, member, name)?;
            if http_message {
                self.plan_http_text(member, &mut field)?;
            }
            out.push(field);
        }
        Ok(out)
    }

    /// One field: its types, how it is held, its default and serde form.
    fn plan_field(&self, shape: &Shape, member: &Member, name: String) -> Result<FieldPlan, Error> {
        let at = shape.id.member(&member.name);
        let target = &self.model.shapes[&member.target];
        // Streaming blobs are carried as the raw body, event streams as the decoder of their events.
        let streaming = member.traits.streaming || target.traits.streaming;
        let event_stream = self.is_event_stream(&member.target);
        let (target_ty, repr) = if event_stream {
            (RustType::EventDecoder(self.homes[&member.target].clone()), Repr::Named)
        } else if streaming {
            (RustType::Blob, Repr::Named)
        } else {
            self.rust_type(&member.target, &at)?
        };
        let default = member.traits.default.clone().or_else(|| target.traits.default.clone());
        let default = default.filter(|v| !v.is_null());
        let held_unset = default.is_some() && self.unset_default(shape, member);
        // An empty stream is an unset one (the suite's
        // `RestJsonStreamingTraitsWithNoBlobBody`): no default is filled in for it.
        let unset_default = default.clone().filter(|_| held_unset && !streaming);
        let kind = match &default {
            Some(_) if held_unset => FieldKind::Optional,
            Some(v) => FieldKind::Default(v.clone()),
            None if member.traits.required || event_stream => FieldKind::Required,
            None => FieldKind::Optional,
        };
        let elem = match &target.kind {
            ShapeKind::List(m) | ShapeKind::Map { value: m, .. } if !streaming => {
                Some(self.item_type(&member.target, &m.target, &at)?)
            }
            _ => None,
        };
        let key = match &target.kind {
            ShapeKind::Map { key, .. } if !streaming => Some(self.map_key_type(&key.target, &at)?),
            _ => None,
        };
        let boxed = repr == Repr::Named && self.cycles.is_recursive(&shape.id, &member.target);
        let zero_default = default.as_ref().is_some_and(|v| self.is_zero_default(&member.target, v));
        // Printers write the default out for an input's unset default, and for
        // a plain default unless `Default::default()` is the same value.
        let default_value = match &default {
            Some(v) if unset_default.is_some() || !zero_default || boxed => {
                Some(self.default_value(&member.target, v, &at)?)
            }
            _ => None,
        };
        let serde_with = if streaming { None } else { self.serde_with(member) };
        Ok(FieldPlan {
            at,
            name,
            wire: member.traits.json_name.clone().unwrap_or_else(|| member.name.clone()),
            target_ty,
            repr,
            elem,
            key,
            kind,
            sensitive: self.is_sensitive(member),
            boxed,
            streaming,
            event_stream,
            unset_default,
            zero_default,
            default_value,
            serde_with,
            binding: self.binding(shape, member),
            scalar: None,
            header: None,
            payload: self.payload_kind(member, streaming),
            map_of_lists: self.map_of_lists(member),
        })
    }

    /// The runtime `serde_support` module a member needs for its JSON form, if any.
    fn serde_with(&self, member: &Member) -> Option<SerdeWith> {
        match self.member_wire_form(member) {
            WireForm::Plain => None,
            WireForm::Float => Some(SerdeWith::Scalar("::smithy_codegen_runtime::serde_support::float")),
            WireForm::DateTimeText => Some(SerdeWith::Scalar("::smithy_codegen_runtime::serde_support::date_time")),
            WireForm::HttpDateText => Some(SerdeWith::Scalar("::smithy_codegen_runtime::serde_support::http_date")),
            items => Some(SerdeWith::Items(items)),
        }
    }

    /// The JSON form of a member's value (its timestamp format is the
    /// member's, else its target's).
    pub(crate) fn member_wire_form(&self, member: &Member) -> WireForm {
        let target = &self.model.shapes[&member.target];
        let format = member.traits.timestamp_format.as_ref().or(target.traits.timestamp_format.as_ref());
        self.wire_form(&member.target, format)
    }

    /// The JSON form of a value of `target`, whose timestamp format (the
    /// referring member's, else the target's) is `format`.
    fn wire_form(&self, target: &ShapeId, format: Option<&String>) -> WireForm {
        let shape = &self.model.shapes[target];
        match &shape.kind {
            ShapeKind::Simple(Simple::Double | Simple::Float) => WireForm::Float,
            ShapeKind::Simple(Simple::Timestamp) => match format.map(String::as_str) {
                Some("date-time") => WireForm::DateTimeText,
                Some("http-date") => WireForm::HttpDateText,
                _ => WireForm::Plain,
            },
            ShapeKind::List(item) | ShapeKind::Map { value: item, .. } => {
                let item_target = &self.model.shapes[&item.target];
                let item_format =
                    item.traits.timestamp_format.as_ref().or(item_target.traits.timestamp_format.as_ref());
                let item_form = match self.wire_form(&item.target, item_format) {
                    // `Option<T>`'s own serde impl reads and writes null.
                    WireForm::Plain => return WireForm::Plain,
                    form if self.is_sparse(target) => WireForm::Nullable(Box::new(form)),
                    form => form,
                };
                match shape.kind {
                    ShapeKind::List(_) => WireForm::List(Box::new(item_form)),
                    _ => WireForm::Map(Box::new(item_form)),
                }
            }
            _ => WireForm::Plain,
        }
    }
}

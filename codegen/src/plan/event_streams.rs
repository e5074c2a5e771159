//! Event streams: per `@streaming` union, which members are events and which
//! errors, and where each event member travels (a header, the payload, or
//! the JSON payload of the rest). `render::event_stream` prints it.

use super::structures::{FieldKind, FieldPlan};
use super::{names, Home, Place, Plan};
use crate::error::Error;
use crate::ir::{Member, Shape, ShapeId, ShapeKind, Simple};

/// How one `@streaming` union travels: decided before anything is printed.
#[derive(Debug, Clone)]
pub(crate) struct StreamPlan {
    /// The union's Rust name (`InvokeWithResponseStreamResponseEvent`).
    pub name: String,
    /// The error enum's Rust name (`<Union>Error`, in `types::error`).
    pub error_name: String,
    /// Members that are events, in model order.
    pub events: Vec<EventPlan>,
    /// Members that are modeled errors (targets with `@error`), in model order.
    pub errors: Vec<StreamErrorPlan>,
}

/// One event: a union member whose target is a structure.
#[derive(Debug, Clone)]
pub(crate) struct EventPlan {
    /// The `:event-type`: the member's name.
    pub event_type: String,
    pub variant: String,
    pub target: ShapeId,
    /// `@eventHeader` members, by field name: each a header named as the member.
    pub headers: Vec<HeaderPlan>,
    /// The `@eventPayload` member (field name, and how it is written).
    pub payload: Option<(String, PayloadForm)>,
    /// JSON names of the members that the JSON payload holds when there is
    /// no `@eventPayload` (all but the headers), in declaration order.
    pub body_json_names: Vec<String>,
}

/// One `@eventHeader` member.
#[derive(Debug, Clone)]
pub(crate) struct HeaderPlan {
    pub field: String,
    /// The header's name: the member's name.
    pub header: String,
    pub kind: FieldKind,
    /// The member's JSON name (for the placeholder of a required header).
    pub json_name: String,
    pub form: HeaderForm,
}

/// How a header's value converts.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum HeaderForm {
    /// Through the runtime's `HeaderType` for this Rust type.
    Value(HeaderScalar),
    /// A string enum: the enum's `as_str` and `From<&str>`.
    Enum,
    /// An intEnum (a newtype of `i32`, this shape): an `i32` header.
    IntEnum(ShapeId),
}

/// The Rust types that the runtime converts to and from headers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum HeaderScalar {
    Bool,
    Byte,
    Short,
    Integer,
    Long,
    Blob,
    String,
    /// With the member's JSON timestamp format, for placeholders.
    Timestamp(TimestampJson),
}

/// How the enclosing structure writes a timestamp member in JSON.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum TimestampJson {
    EpochSeconds,
    DateTime,
    HttpDate,
}

/// How an `@eventPayload` member is written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum PayloadForm {
    /// Raw bytes (`application/octet-stream`).
    Blob,
    /// UTF-8 text (`text/plain`); `true` for a string enum.
    Text { is_enum: bool },
    /// A structure or union as JSON (`application/json`).
    Json,
}

/// One modeled error of a stream.
#[derive(Debug, Clone)]
pub(crate) struct StreamErrorPlan {
    /// The `:exception-type`: the member's name.
    pub exception_type: String,
    pub variant: String,
    pub target: ShapeId,
}

impl Plan {
    /// Decides how the `@streaming` union `shape` travels.
    pub(crate) fn plan_stream(&self, shape: &Shape, home: &Home) -> Result<StreamPlan, Error> {
        let mut events = Vec::new();
        let mut errors = Vec::new();
        let mut taken = std::collections::BTreeMap::new();
        for member in shape.members() {
            let at = shape.id.member(&member.name);
            let target = &self.model.shapes[&member.target];
            let mut variant = names::variant(&member.name);
            // `Unhandled` is taken by the error enum's fallback (as `names::variant` keeps `Unknown` free).
            if target.traits.error.is_some() && matches!(variant.as_str(), "Unhandled" | "UnhandledValue") {
                variant.push_str(if variant == "Unhandled" { "Value" } else { "_" });
            }
            if let Some(other) = taken.insert(variant.clone(), member.name.clone()) {
                return Err(Error::at(
                    at,
                    format!("union member collides with `{other}`: both become the variant `{variant}`"),
                ));
            }
            if !matches!(target.kind, ShapeKind::Structure(_)) {
                return Err(Error::at(
                    at,
                    format!(
                        "an event-stream member must target a structure; this one targets `{}`",
                        target.kind.type_name()
                    ),
                ));
            }
            if target.traits.error.is_some() {
                errors.push(StreamErrorPlan {
                    exception_type: member.name.clone(),
                    variant,
                    target: member.target.clone(),
                });
            } else {
                events.push(self.plan_event(target, member.name.clone(), variant)?);
            }
        }
        Ok(StreamPlan { name: home.name.clone(), error_name: names::suffixed(&home.name, "Error"), events, errors })
    }

    fn plan_event(&self, target: &Shape, event_type: String, variant: String) -> Result<EventPlan, Error> {
        let mut headers = Vec::new();
        let mut payload = None;
        let fields: Vec<(&Member, &FieldPlan)> = target.members().iter().zip(&self.structures[&target.id]).collect();
        for &(member, f) in &fields {
            let traits = &member.traits;
            if traits.has("smithy.api#eventHeader") {
                headers.push(HeaderPlan {
                    field: f.name.clone(),
                    header: member.name.clone(),
                    kind: f.kind.clone(),
                    json_name: f.wire.clone(),
                    form: self.header_form(member, f)?,
                });
            } else if traits.has("smithy.api#eventPayload") {
                let form = match &self.model.shapes[&member.target].kind {
                ShapeKind::Simple(Simple::Blob) => PayloadForm::Blob,
                ShapeKind::Simple(Simple::String) => PayloadForm::Text { is_enum: false },
                ShapeKind::Enum(_) => PayloadForm::Text { is_enum: true },
                ShapeKind::Structure(_) | ShapeKind::Union(_) => PayloadForm::Json,
                other => {
                    return Err(Error::at(
                        f.at.clone(),
                        format!(
                            "an `@eventPayload` member must target a blob, string, structure or union; this one targets `{}`",
                            other.type_name()
                        ),
                    ))
                }
            };
                if payload.is_some() {
                    return Err(Error::at(f.at.clone(), "a second `@eventPayload` member; an event has at most one"));
                }
                payload = Some((f.name.clone(), form));
            }
        }
        if payload.is_some() {
            let loose = fields.iter().find(|(member, _)| {
                !member.traits.has("smithy.api#eventHeader") && !member.traits.has("smithy.api#eventPayload")
            });
            if let Some((_, f)) = loose {
                return Err(Error::at(
                    f.at.clone(),
                    "beside an `@eventPayload` member, every member must be an `@eventHeader`",
                ));
            }
        }
        let body_json_names = fields
            .iter()
            .filter(|(member, _)| !member.traits.has("smithy.api#eventHeader"))
            .map(|(_, f)| f.wire.clone())
            .collect();
        Ok(EventPlan { event_type, variant, target: target.id.clone(), headers, payload, body_json_names })
    }

    fn header_form(&self, member: &Member, f: &FieldPlan) -> Result<HeaderForm, Error> {
        let target = &self.model.shapes[&member.target];
        let format = member.traits.timestamp_format.as_deref().or(target.traits.timestamp_format.as_deref());
        Ok(HeaderForm::Value(match &target.kind {
            ShapeKind::Enum(_) => return Ok(HeaderForm::Enum),
            ShapeKind::IntEnum(_) => return Ok(HeaderForm::IntEnum(member.target.clone())),
            ShapeKind::Simple(Simple::Boolean) => HeaderScalar::Bool,
            ShapeKind::Simple(Simple::Byte) => HeaderScalar::Byte,
            ShapeKind::Simple(Simple::Short) => HeaderScalar::Short,
            ShapeKind::Simple(Simple::Integer) => HeaderScalar::Integer,
            ShapeKind::Simple(Simple::Long) => HeaderScalar::Long,
            ShapeKind::Simple(Simple::Blob) => HeaderScalar::Blob,
            ShapeKind::Simple(Simple::String) => HeaderScalar::String,
            ShapeKind::Simple(Simple::Timestamp) => HeaderScalar::Timestamp(match format {
                Some("date-time") => TimestampJson::DateTime,
                Some("http-date") => TimestampJson::HttpDate,
                _ => TimestampJson::EpochSeconds,
            }),
            other => {
                return Err(Error::at(
                    f.at.clone(),
                    format!(
                        "an `@eventHeader` member must target a boolean, byte, short, integer, long, blob, string, \
                     enum, intEnum or timestamp; this one targets `{}`",
                        other.type_name()
                    ),
                ))
            }
        }))
    }
}

impl Plan {
    /// The `@streaming` unions that get a type, planned; an error enum whose
    /// name another error type has is refused.
    pub(crate) fn plan_streams(&mut self) -> Result<(), Error> {
        let mut streams = std::collections::BTreeMap::new();
        for (id, home) in self.homes.iter().filter(|(_, home)| home.place == Place::Types) {
            let shape = &self.model.shapes[id];
            if !(matches!(shape.kind, ShapeKind::Union(_)) && shape.traits.streaming) {
                continue;
            }
            let stream = self.plan_stream(shape, home)?;
            let taken = self.homes.iter().find(|(_, h)| h.place == Place::Errors && h.name == stream.error_name);
            if let Some((other, _)) = taken {
                return Err(Error::at(
                    id.as_str(),
                    format!("its error type `{}` collides with the one of `{other}`", stream.error_name),
                ));
            }
            streams.insert(id.clone(), stream);
        }
        self.stream_only_errors = self.stream_only_errors();
        self.streams = streams;
        Ok(())
    }

    /// The error structures that are only ever event-stream errors (members of
    /// a `@streaming` union), never an operation's or the service's: they get
    /// no HTTP error glue, which nothing would call.
    fn stream_only_errors(&self) -> std::collections::BTreeSet<ShapeId> {
        let shape = |id: &ShapeId| &self.model.shapes[id];
        let operation_errors: std::collections::BTreeSet<&ShapeId> = self
            .closure
            .operations
            .iter()
            .chain(self.closure.service.iter())
            .flat_map(|owner| match &shape(owner).kind {
                ShapeKind::Operation(op) => op.errors.iter().collect::<Vec<_>>(),
                ShapeKind::Service(service) => service.errors.iter().collect(),
                _ => Vec::new(),
            })
            .collect();
        self.closure
            .shapes
            .iter()
            .map(shape)
            .filter(|s| s.traits.streaming && matches!(s.kind, ShapeKind::Union(_)))
            .flat_map(|s| s.members().iter().map(|m| &m.target))
            .filter(|id| shape(id).traits.error.is_some() && !operation_errors.contains(id))
            .cloned()
            .collect()
    }
}

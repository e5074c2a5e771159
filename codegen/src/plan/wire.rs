//! What an operation's request needs beyond its bindings: the host prefix of
//! its `endpoint` trait, `Content-MD5` (`httpChecksumRequired`), gzip
//! (`requestCompression`), and the media types a server checks the
//! request's `Content-Type` and `Accept` against.

use super::bindings::{Binding, PayloadKind};
use super::structures::{FieldKind, FieldPlan};
use super::types::Repr;
use super::Plan;
use crate::error::Error;
use crate::ir::{Shape, ShapeId, ShapeKind};

/// One piece of an expanded host prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum HostPrefixPart {
    /// Text written as is (`foo.`).
    Literal(String),
    /// The value of the input's `hostLabel` field at this position among its fields.
    Label(usize),
}

/// What a server checks a header against: the media type of a message's body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum BodyMediaType {
    /// Nothing is bound to the body.
    None,
    /// The body's `Content-Type`.
    Is(String),
    /// Not checked: event streams (their decoders check their framing), and
    /// blobs without a modeled media type (any bytes are a blob).
    Unchecked,
}

impl BodyMediaType {
    /// The media type to print, `None` for no body.
    pub(crate) fn as_option(&self) -> Option<&str> {
        match self {
            BodyMediaType::Is(media_type) => Some(media_type),
            BodyMediaType::None | BodyMediaType::Unchecked => None,
        }
    }
}

/// The wire decisions of one operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WirePlan {
    /// The `endpoint` trait's host prefix, split at its labels.
    pub host_prefix: Option<Vec<HostPrefixPart>>,
    /// `httpChecksumRequired`: requests carry `Content-MD5`.
    pub content_md5: bool,
    /// `requestCompression` (with `gzip`, the one encoding Smithy defines).
    pub gzip_requests: bool,
    /// The input has a `@streaming` blob: compressed whatever its size, as
    /// the specification asks of streams.
    pub gzip_regardless_of_size: bool,
    /// The request body's media type (what `Content-Type` must say).
    pub request_media_type: BodyMediaType,
    /// The response body's media type (what `Accept` must take): JSON unless
    /// a payload says otherwise, since a response without one is `{}`.
    pub response_media_type: BodyMediaType,
}

impl Plan {
    /// Plans what `op`'s requests need beyond their bindings.
    pub(crate) fn plan_wire(&self, op: &Shape, input: &ShapeId, output: &ShapeId) -> Result<WirePlan, Error> {
        let input_fields = self.structures.get(input).map(Vec::as_slice).unwrap_or_default();
        let gzip_requests = gzip_requests(op)?;
        Ok(WirePlan {
            host_prefix: self.host_prefix(op, &self.model.shapes[input], input_fields)?,
            content_md5: op.traits.has("smithy.api#httpChecksumRequired"),
            gzip_requests,
            gzip_regardless_of_size: gzip_requests && self.has_stream(op, input)?,
            request_media_type: match self.body_media_type(input) {
                // A modeled input without members still reads as `{}`: the
                // body of an empty JSON structure.
                BodyMediaType::None
                    if !self.unit_inputs.contains(&op.id) && self.model.shapes[input].members().is_empty() =>
                {
                    BodyMediaType::Is("application/json".to_string())
                }
                media_type => media_type,
            },
            // A response without a payload is JSON, `{}` at least.
            response_media_type: match self.body_media_type(output) {
                BodyMediaType::None => BodyMediaType::Is("application/json".to_string()),
                media_type => media_type,
            },
        })
    }

    /// The host prefix of `op`'s `endpoint` trait, checked against the
    /// input's `hostLabel` members: each label names one, which is a required
    /// string, and no two labels are adjacent. A `hostLabel` member that no
    /// label names is ignored, as the Smithy specification says.
    fn host_prefix(
        &self,
        op: &Shape,
        input: &Shape,
        fields: &[FieldPlan],
    ) -> Result<Option<Vec<HostPrefixPart>>, Error> {
        let members = input.members();
        let host_labels: Vec<usize> =
            (0..members.len()).filter(|&i| members[i].traits.has("smithy.api#hostLabel")).collect();
        let Some(endpoint) = op.traits.other.get("smithy.api#endpoint") else {
            return Ok(None);
        };
        let Some(prefix) = endpoint.get("hostPrefix").and_then(|p| p.as_str()) else {
            return Err(Error::at(op.id.as_str(), "the endpoint trait needs a string `hostPrefix`"));
        };
        let mut parts = Vec::new();
        let mut rest = prefix;
        while let Some(open) = rest.find('{') {
            let close = rest[open..].find('}').map(|c| open + c).ok_or_else(|| {
                Error::at(op.id.as_str(), format!("hostPrefix `{prefix}` has a `{{` without its `}}`"))
            })?;
            if rest[..open].contains('}') {
                return Err(Error::at(op.id.as_str(), format!("hostPrefix `{prefix}` has a `}}` without its `{{`")));
            }
            if open > 0 {
                parts.push(HostPrefixPart::Literal(rest[..open].to_string()));
            } else if matches!(parts.last(), Some(HostPrefixPart::Label(_))) {
                // Where would one value end and the next begin?
                return Err(Error::at(op.id.as_str(), format!("hostPrefix `{prefix}` has two adjacent labels")));
            }
            let name = &rest[open + 1..close];
            let position = host_labels.iter().copied().find(|&i| members[i].name == name).ok_or_else(|| {
                Error::at(op.id.as_str(), format!("hostPrefix label `{{{name}}}` has no hostLabel member in the input"))
            })?;
            let field = &fields[position];
            if field.repr != Repr::String || field.kind != FieldKind::Required {
                return Err(Error::at(field.at.clone(), "a hostLabel member must be a required string"));
            }
            parts.push(HostPrefixPart::Label(position));
            rest = &rest[close + 1..];
        }
        if rest.contains('}') {
            return Err(Error::at(op.id.as_str(), format!("hostPrefix `{prefix}` has a `}}` without its `{{`")));
        }
        if !rest.is_empty() {
            parts.push(HostPrefixPart::Literal(rest.to_string()));
        }
        Ok(Some(parts))
    }

    /// Whether `input` has a `@streaming` blob member; a compressed one must
    /// not also have `requiresLength` (its compressed length is unknown until
    /// the whole stream is read).
    fn has_stream(&self, op: &Shape, input: &ShapeId) -> Result<bool, Error> {
        let fields = self.structures.get(input).map(Vec::as_slice).unwrap_or_default();
        let members = self.model.shapes[input].members();
        let mut streaming = false;
        for (field, member) in fields.iter().zip(members) {
            if !field.streaming || field.event_stream {
                continue;
            }
            let target = self.model.shapes.get(&member.target);
            if target.is_some_and(|t| t.traits.has("smithy.api#requiresLength")) {
                return Err(Error::at(
                    field.at.clone(),
                    format!("{} compresses its requests, so its stream cannot have requiresLength", op.id),
                ));
            }
            streaming = true;
        }
        Ok(streaming)
    }

    /// The media type of a message of `structure`: its payload's, else JSON
    /// when a member travels in the body, else none.
    fn body_media_type(&self, structure: &ShapeId) -> BodyMediaType {
        let fields = self.structures.get(structure).map(Vec::as_slice).unwrap_or_default();
        let members = self.model.shapes[structure].members();
        if let Some((field, member)) = fields.iter().zip(members).find(|(f, _)| f.binding == Binding::Payload) {
            let target = self.model.shapes.get(&member.target);
            let modeled = target.is_some_and(|t| t.traits.has("smithy.api#mediaType"));
            return match field.payload {
                // Any bytes are `application/octet-stream`: a blob without a
                // modeled media type takes whatever the client says it is.
                PayloadKind::EventStream => BodyMediaType::Unchecked,
                PayloadKind::Blob if !modeled => BodyMediaType::Unchecked,
                kind => BodyMediaType::Is(payload_media_type(kind, target)),
            };
        }
        if fields.iter().any(|f| f.binding == Binding::Body) {
            BodyMediaType::Is("application/json".to_string())
        } else {
            BodyMediaType::None
        }
    }
}

/// The `Content-Type` of a payload: its target's `mediaType`, else the
/// default of its kind.
pub(crate) fn payload_media_type(kind: PayloadKind, target: Option<&Shape>) -> String {
    let modeled = target.and_then(|t| t.traits.other.get("smithy.api#mediaType")).and_then(|v| v.as_str());
    let is_union = target.is_some_and(|t| matches!(t.kind, ShapeKind::Union(_)));
    match kind {
        PayloadKind::Json { .. } | PayloadKind::Document => "application/json".to_string(),
        PayloadKind::EventStream => "application/vnd.amazon.eventstream".to_string(),
        PayloadKind::Blob if is_union => "application/vnd.amazon.eventstream".to_string(),
        PayloadKind::Blob => modeled.unwrap_or("application/octet-stream").to_string(),
        PayloadKind::Text { .. } => modeled.unwrap_or("text/plain").to_string(),
    }
}

/// Whether `op` compresses its requests: its `requestCompression` trait
/// lists encodings, each one supported (`gzip`, the only one Smithy defines),
/// as the specification's validation asks.
fn gzip_requests(op: &Shape) -> Result<bool, Error> {
    let Some(trait_value) = op.traits.other.get("smithy.api#requestCompression") else {
        return Ok(false);
    };
    let encodings =
        trait_value.get("encodings").and_then(|e| e.as_array()).filter(|e| !e.is_empty()).ok_or_else(|| {
            Error::at(op.id.as_str(), "the requestCompression trait needs a non-empty list of `encodings`")
        })?;
    for encoding in encodings {
        if !encoding.as_str().is_some_and(|e| e.eq_ignore_ascii_case("gzip")) {
            return Err(Error::at(
                op.id.as_str(),
                format!("requestCompression encoding {encoding} is not supported (Smithy defines `gzip` only)"),
            ));
        }
    }
    Ok(true)
}

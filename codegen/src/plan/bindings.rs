//! Where each member travels in an HTTP message, and how its value is
//! written as text there.

use super::structures::FieldPlan;
use super::Plan;
use crate::error::Error;
use crate::ir::{Member, Shape, ShapeKind, Simple};

/// Where a member travels in an HTTP message.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Binding {
    Label,
    Query(String),
    QueryParams,
    Header(String),
    /// `httpPrefixHeaders`, lowercased.
    PrefixHeaders(String),
    Payload,
    ResponseCode,
    Body,
}

impl Binding {
    /// The binding a member's traits ask for.
    pub(crate) fn of(member: &Member) -> Binding {
        let t = &member.traits;
        if t.http_payload {
            Binding::Payload
        } else if let Some(prefix) = &t.http_prefix_headers {
            Binding::PrefixHeaders(prefix.to_ascii_lowercase())
        } else if t.http_query_params {
            Binding::QueryParams
        } else if t.http_response_code {
            Binding::ResponseCode
        } else if t.http_label {
            Binding::Label
        } else if let Some(q) = &t.http_query {
            Binding::Query(q.clone())
        } else if let Some(h) = &t.http_header {
            Binding::Header(h.clone())
        } else {
            Binding::Body
        }
    }
}

impl Plan {
    /// Where a member of `shape` travels: labels and query parameters bind
    /// request members only; elsewhere (outputs, errors) the member travels
    /// in the body, as the restJson1 suite expects
    /// (`RestJsonIgnoreQueryParamsInResponse`).
    pub(crate) fn binding(&self, shape: &Shape, member: &Member) -> Binding {
        match Binding::of(member) {
            Binding::Label | Binding::Query(_) | Binding::QueryParams if !self.operation_inputs.contains(&shape.id) => {
                Binding::Body
            }
            binding => binding,
        }
    }
}

/// How a payload member travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PayloadKind {
    /// A structure or union: a JSON object. An unset structure travels as
    /// `{}` in requests (the restJson1 suite's
    /// `RestJsonHttpWithEmptyStructurePayload`), and `{}` reads back as unset;
    /// otherwise an unset payload travels as no body.
    Json { structure: bool },
    /// A document: any JSON value, a string or a number as well as an object.
    Document,
    /// A blob (streaming or not): the raw bytes.
    Blob,
    /// A string or enum: the raw UTF-8 text.
    Text { is_enum: bool },
    /// An event stream: frames that its decoder reads (`render::event_stream`).
    EventStream,
}

/// A timestamp's text format (the runtime's `TimestampFormat`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TimestampFormat {
    DateTime,
    HttpDate,
    EpochSeconds,
}

impl TimestampFormat {
    /// The runtime's variant name, which messages also use.
    pub(crate) fn variant(self) -> &'static str {
        match self {
            TimestampFormat::DateTime => "DateTime",
            TimestampFormat::HttpDate => "HttpDate",
            TimestampFormat::EpochSeconds => "EpochSeconds",
        }
    }
}

/// How a label, query or header value is written as text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum ScalarKind {
    String,
    Enum,
    Timestamp(TimestampFormat),
    /// A `@mediaType` string in a header: base64 of its text.
    Base64String,
    /// An intEnum's `i32` newtype: its number, as text.
    IntEnum,
    /// Floats and doubles: `NaN` and the infinities spelled as in JSON, `FromStr` in.
    Float,
    /// Numbers and booleans: `Display` out, `FromStr` in.
    Display,
    ListOf(Box<ScalarKind>),
}

impl Plan {
    /// How a label, query or header member's value is written as text;
    /// members of other types cannot travel there.
    pub(crate) fn scalar_kind(&self, member: &Member, at: &str) -> Result<ScalarKind, Error> {
        let target = &self.model.shapes[&member.target];
        // Timestamps: the model's format, else http-date in headers and date-time elsewhere.
        let timestamp = |shape: &Shape| {
            let format = member.traits.timestamp_format.as_ref().or(shape.traits.timestamp_format.as_ref());
            ScalarKind::Timestamp(match format.map(String::as_str) {
                Some("epoch-seconds") => TimestampFormat::EpochSeconds,
                Some("http-date") => TimestampFormat::HttpDate,
                Some(_) => TimestampFormat::DateTime,
                None if member.traits.http_header.is_some() => TimestampFormat::HttpDate,
                None => TimestampFormat::DateTime,
            })
        };
        let unsupported = |what: &str| Error::Unsupported { at: at.to_string(), what: what.into() };
        Ok(match &target.kind {
            // A header cannot carry any text: a `@mediaType` string travels in base64.
            ShapeKind::Simple(Simple::String)
                if member.traits.http_header.is_some() && target.traits.other.contains_key("smithy.api#mediaType") =>
            {
                ScalarKind::Base64String
            }
            ShapeKind::Simple(Simple::String) => ScalarKind::String,
            ShapeKind::Enum(_) => ScalarKind::Enum,
            ShapeKind::Simple(Simple::Timestamp) => timestamp(target),
            ShapeKind::IntEnum(_) => ScalarKind::IntEnum,
            ShapeKind::Simple(Simple::Boolean) => ScalarKind::Display,
            ShapeKind::Simple(Simple::Float | Simple::Double) => ScalarKind::Float,
            ShapeKind::Simple(s) if s.is_number() => ScalarKind::Display,
            ShapeKind::List(m) => {
                let inner = &self.model.shapes[&m.target];
                match &inner.kind {
                    ShapeKind::Simple(Simple::String) => ScalarKind::ListOf(Box::new(ScalarKind::String)),
                    ShapeKind::Enum(_) => ScalarKind::ListOf(Box::new(ScalarKind::Enum)),
                    ShapeKind::IntEnum(_) => ScalarKind::ListOf(Box::new(ScalarKind::IntEnum)),
                    ShapeKind::Simple(Simple::Timestamp) => ScalarKind::ListOf(Box::new(timestamp(inner))),
                    ShapeKind::Simple(Simple::Float | Simple::Double) => {
                        ScalarKind::ListOf(Box::new(ScalarKind::Float))
                    }
                    ShapeKind::Simple(s) if s.is_number() || *s == Simple::Boolean => {
                        ScalarKind::ListOf(Box::new(ScalarKind::Display))
                    }
                    _ => return Err(unsupported("HTTP-bound lists of non-scalar members")),
                }
            }
            _ => return Err(unsupported("HTTP bindings of this member type")),
        })
    }

    /// How `member` travels when it is an HTTP payload.
    pub(crate) fn payload_kind(&self, member: &Member, streaming: bool) -> PayloadKind {
        if self.is_event_stream(&member.target) {
            return PayloadKind::EventStream;
        }
        if streaming {
            return PayloadKind::Blob;
        }
        match &self.model.shapes[&member.target].kind {
            ShapeKind::Simple(Simple::Blob) => PayloadKind::Blob,
            ShapeKind::Simple(Simple::String) => PayloadKind::Text { is_enum: false },
            ShapeKind::Enum(_) => PayloadKind::Text { is_enum: true },
            ShapeKind::Simple(Simple::Document) => PayloadKind::Document,
            ShapeKind::Structure(_) => PayloadKind::Json { structure: true },
            _ => PayloadKind::Json { structure: false },
        }
    }

    /// Whether `member`, bound with `httpQueryParams`, is a map of lists
    /// (repeated keys) rather than of strings.
    pub(crate) fn map_of_lists(&self, member: &Member) -> bool {
        match &self.model.shapes[&member.target].kind {
            ShapeKind::Map { value, .. } => matches!(self.model.shapes[&value.target].kind, ShapeKind::List(_)),
            _ => false,
        }
    }

    /// Fills in how a label, query or header field is written as text, and
    /// its header name, checked.
    pub(crate) fn plan_http_text(&self, member: &Member, field: &mut FieldPlan) -> Result<(), Error> {
        let text = matches!(field.binding, Binding::Label | Binding::Query(_) | Binding::Header(_));
        if text && self.is_sparse(&member.target) {
            // Headers and query strings have no spelling for a null item.
            return Err(Error::Unsupported {
                at: field.at.clone(),
                what: "a `@sparse` list bound to a label, query parameter or header".into(),
            });
        }
        match &field.binding {
            Binding::Label | Binding::Query(_) => field.scalar = Some(self.scalar_kind(member, &field.at)?),
            Binding::Header(name) => {
                field.header = Some(header_name(&field.at, name)?);
                field.scalar = Some(self.scalar_kind(member, &field.at)?);
            }
            _ => {}
        }
        Ok(())
    }
}

/// A header name from the model, lowercased and checked to be an HTTP token.
fn header_name(at: &str, name: &str) -> Result<String, Error> {
    let token = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c);
    if name.is_empty() || !name.chars().all(token) {
        return Err(Error::at(at, format!("`{name}` is not a valid HTTP header name")));
    }
    Ok(name.to_ascii_lowercase())
}

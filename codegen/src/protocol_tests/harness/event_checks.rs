#![allow(dead_code)] // Not every service has event-stream cases.
//! The comparisons the event-stream cases make: an encoded message against
//! the case's headers and body, and what the receiving side decoded against
//! the case's expectation.
//! Copied into every compliance crate by `smithy-codegen protocol-tests`.

use std::fmt::Debug;

use smithy_codegen_runtime::event_stream::{EventStreamError, HeaderValue, Message};
use smithy_codegen_runtime::{Blob, DateTime, TimestampFormat};

use crate::checks::body_problem;

/// A header value as the case types it (`smithy.test#EventHeaderValue`).
pub enum ExpectedHeader {
    Boolean(bool),
    Byte(i8),
    Short(i16),
    Integer(i32),
    Long(i64),
    /// Base64, as the case writes it.
    Blob(&'static str),
    String(&'static str),
    /// A date-time, or epoch seconds, as the case writes it.
    Timestamp(&'static str),
}

/// What a sent message must look like.
pub struct ExpectedEvent {
    pub headers: &'static [(&'static str, ExpectedHeader)],
    pub forbid_headers: &'static [&'static str],
    pub require_headers: &'static [&'static str],
    pub body: Option<&'static str>,
    pub body_media_type: Option<&'static str>,
}

/// How the receiving side must end: every message decoded as the case says,
/// or a failure (of the named modeled error, when there is one).
pub enum Expected {
    Success,
    Failure(Option<&'static str>),
}

/// Why the receiving side stopped early.
#[derive(Debug)]
pub enum Received {
    /// A message or the initial message did not decode: the error, and the
    /// shape id of the modeled error it is, if it is one.
    Failed { error: String, error_id: Option<&'static str> },
    /// Something decoded, but not to what the case says.
    Differs(String),
}

/// The headers of a sent message compare as a set: order is free, and each
/// name appears once.
pub fn check_event(message: &Message<'_>, expected: &ExpectedEvent) -> Result<(), String> {
    let mut problems = Vec::new();
    let mut names: Vec<&str> = message.headers().map(|h| h.name()).collect();
    names.sort_unstable();
    for pair in names.windows(2).filter(|pair| pair[0] == pair[1]) {
        problems.push(format!("header `{}` appears more than once", pair[0]));
    }
    for (name, wanted) in expected.headers {
        match message.header(name) {
            None => problems.push(format!("header `{name}` missing")),
            Some(actual) => problems.extend(header_problem(name, actual, wanted)),
        }
    }
    for name in expected.forbid_headers {
        if message.header(name).is_some() {
            problems.push(format!("header `{name}` must be absent"));
        }
    }
    for name in expected.require_headers {
        if message.header(name).is_none() {
            problems.push(format!("header `{name}` is required"));
        }
    }
    problems.extend(body_problem(message.payload(), expected.body, expected.body_media_type));
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

fn header_problem(name: &str, actual: HeaderValue<'_>, wanted: &ExpectedHeader) -> Option<String> {
    let same = match (wanted, actual) {
        (ExpectedHeader::Boolean(w), HeaderValue::Bool(a)) => *w == a,
        (ExpectedHeader::Byte(w), HeaderValue::Byte(a)) => *w == a,
        (ExpectedHeader::Short(w), HeaderValue::Int16(a)) => *w == a,
        (ExpectedHeader::Integer(w), HeaderValue::Int32(a)) => *w == a,
        (ExpectedHeader::Long(w), HeaderValue::Int64(a)) => *w == a,
        (ExpectedHeader::String(w), HeaderValue::String(a)) => *w == a,
        (ExpectedHeader::Blob(w), HeaderValue::ByteArray(a)) => match base64(w) {
            Ok(bytes) => bytes == a,
            Err(e) => return Some(format!("header `{name}`: {e}")),
        },
        (ExpectedHeader::Timestamp(w), HeaderValue::Timestamp(a)) => match epoch_millis(w) {
            Some(millis) => millis == a,
            None => return Some(format!("header `{name}`: the case's timestamp `{w}` does not parse")),
        },
        _ => false,
    };
    (!same).then(|| format!("header `{name}`: {actual:?} (expected {})", describe(wanted)))
}

fn describe(header: &ExpectedHeader) -> String {
    match header {
        ExpectedHeader::Boolean(v) => format!("boolean {v}"),
        ExpectedHeader::Byte(v) => format!("byte {v}"),
        ExpectedHeader::Short(v) => format!("short {v}"),
        ExpectedHeader::Integer(v) => format!("integer {v}"),
        ExpectedHeader::Long(v) => format!("long {v}"),
        ExpectedHeader::Blob(v) => format!("blob {v} (base64)"),
        ExpectedHeader::String(v) => format!("string {v:?}"),
        ExpectedHeader::Timestamp(v) => format!("timestamp {v}"),
    }
}

/// A date-time (`2024-10-31T14:15:14Z`) or epoch seconds, in milliseconds.
fn epoch_millis(text: &str) -> Option<i64> {
    let time = match text.parse::<f64>() {
        Ok(seconds) => DateTime::from_secs_f64(seconds),
        Err(_) => DateTime::parse(text, TimestampFormat::DateTime)?,
    };
    i64::try_from(time.as_nanos().div_euclid(1_000_000)).ok()
}

/// Standard base64, as the suite writes messages and blob headers.
pub fn base64(text: &str) -> Result<Vec<u8>, String> {
    serde_json::from_value::<Blob>(serde_json::Value::String(text.to_string()))
        .map(Blob::into_inner)
        .map_err(|e| format!("the case's base64 `{text}` does not decode: {e}"))
}

/// The messages of one direction, one after the other: the stream's bytes.
pub fn stream_bytes(messages: &[&str]) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    for message in messages {
        bytes.extend(base64(message)?);
    }
    Ok(bytes)
}

/// Judges what the receiving side came to against the case's expectation.
pub fn judge_received(received: Result<(), Received>, expected: Expected) -> Result<(), String> {
    match (received, expected) {
        (Ok(()), Expected::Success) => Ok(()),
        (Ok(()), Expected::Failure(_)) => Err("every message decoded, but the case expects a failure".into()),
        (Err(Received::Differs(message)), _) => Err(message),
        (Err(Received::Failed { error, .. }), Expected::Success) => Err(error),
        (Err(Received::Failed { .. }), Expected::Failure(None)) => Ok(()),
        (Err(Received::Failed { error, error_id }), Expected::Failure(Some(wanted))) => {
            // The case may name the error relatively (`ErrorEvent`).
            let name = |id: &str| id.rsplit('#').next().unwrap_or(id).to_string();
            match error_id {
                Some(id) if name(id) == name(wanted) => Ok(()),
                _ => Err(format!("expected the modeled error {wanted}, the failure was: {error}")),
            }
        }
    }
}

/// A stream error as a failure, with the modeled error's shape id (`ids`
/// names it) when the service sent one.
pub fn stream_failure<E: Debug>(
    error: EventStreamError<E>,
    ids: impl Fn(&E) -> Option<&'static str>,
) -> Received {
    let error_id = match &error {
        EventStreamError::Service(service) => ids(service),
        _ => None,
    };
    Received::Failed { error: format!("the stream failed: {error:?}"), error_id }
}

/// A request with a binary body (an event stream's frames).
pub fn request_with_bytes(
    method: &str,
    uri: &str,
    query: &[&str],
    headers: &[(&str, &str)],
    body: Vec<u8>,
) -> Result<http::Request<Vec<u8>>, String> {
    let uri = if query.is_empty() { uri.to_string() } else { format!("{uri}?{}", query.join("&")) };
    let mut builder = http::Request::builder().method(method).uri(uri.as_str());
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    builder.body(body).map_err(|e| format!("the case's request `{uri}` is not valid HTTP here: {e}"))
}

/// A response with a binary body (an event stream's frames).
pub fn response_with_bytes(
    code: u16,
    headers: &[(&str, &str)],
    body: Vec<u8>,
) -> Result<http::Response<Vec<u8>>, String> {
    let mut builder = http::Response::builder().status(code);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    builder.body(body).map_err(|e| format!("the case's response is not valid HTTP here: {e}"))
}

#![allow(dead_code)] // Not every service has cases of every kind.
//! The comparisons the compliance cases make: requests and responses against
//! the case's expectations, decoded values against the case's params.
//! Copied into every compliance crate by `smithy-codegen protocol-tests`.

use std::fmt::Debug;

use crate::expected_failures::Category;

/// One case of the table: its category, id and function.
pub struct Case {
    pub category: Category,
    pub id: &'static str,
    pub run: fn() -> Result<(), String>,
}

/// Turns what a builder's `build()` returns into the value: builders of
/// structures with required members return a `Result`, the others the value.
pub trait Finish {
    type Output;
    fn finish(self) -> Self::Output;
}

impl<T> Finish for Result<T, service::error::BuildError> {
    type Output = T;
    fn finish(self) -> T {
        match self {
            Ok(value) => value,
            Err(e) => panic!("the case's params do not build: {e}"),
        }
    }
}

/// What a request must look like (`httpRequestTests`).
pub struct ExpectedRequest {
    pub method: &'static str,
    pub uri: &'static str,
    pub host: Option<&'static str>,
    pub resolved_host: Option<&'static str>,
    pub query_params: &'static [&'static str],
    pub forbid_query_params: &'static [&'static str],
    pub require_query_params: &'static [&'static str],
    pub headers: &'static [(&'static str, &'static str)],
    pub forbid_headers: &'static [&'static str],
    pub require_headers: &'static [&'static str],
    pub body: Option<&'static str>,
    pub body_media_type: Option<&'static str>,
}

/// What a response must look like (`httpResponseTests` on the server).
pub struct ExpectedResponse {
    pub code: u16,
    pub headers: &'static [(&'static str, &'static str)],
    pub forbid_headers: &'static [&'static str],
    pub require_headers: &'static [&'static str],
    pub body: Option<&'static str>,
    pub body_media_type: Option<&'static str>,
}

/// How a malformed request's response body is checked.
pub enum BodyCheck {
    /// The whole body, with its media type.
    Contents(&'static str, &'static str),
    /// A regex the body's `message` must match.
    MessageRegex(&'static str),
}

/// What the response to a malformed request must look like.
pub struct ExpectedMalformed {
    pub code: u16,
    pub headers: &'static [(&'static str, &'static str)],
    pub body: Option<BodyCheck>,
}

/// A request as the case describes it (servers decode it).
pub fn request(
    method: &str,
    uri: &str,
    query: &[&str],
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> Result<http::Request<Vec<u8>>, String> {
    let uri = if query.is_empty() { uri.to_string() } else { format!("{uri}?{}", query.join("&")) };
    let mut builder = http::Request::builder().method(method).uri(uri.as_str());
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    builder
        .body(body.unwrap_or_default().as_bytes().to_vec())
        .map_err(|e| format!("the case's request `{uri}` is not valid HTTP here: {e}"))
}

/// A response as the case describes it (clients decode it).
pub fn response(code: u16, headers: &[(&str, &str)], body: Option<&str>) -> Result<http::Response<Vec<u8>>, String> {
    let mut builder = http::Response::builder().status(code);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    builder
        .body(body.unwrap_or_default().as_bytes().to_vec())
        .map_err(|e| format!("the case's response is not valid HTTP here: {e}"))
}

/// Equality for decoded values; NaN equals NaN (the suite sends NaN floats).
pub fn same<T: PartialEq + Debug>(actual: &T, expected: &T) -> Result<(), String> {
    if actual == expected {
        return Ok(());
    }
    let (actual, expected) = (format!("{actual:?}"), format!("{expected:?}"));
    // Only a NaN makes unequal values print alike; maps print in any order,
    // so the texts are compared as multisets of their atoms.
    if actual.contains("NaN") && atoms(&actual) == atoms(&expected) {
        return Ok(());
    }
    Err(format!("decoded value differs\n  actual:   {actual}\n  expected: {expected}"))
}

/// The words and literals of a Debug text, sorted.
fn atoms(debug: &str) -> Vec<&str> {
    let mut atoms: Vec<&str> = debug.split(|c: char| "{}[](), ".contains(c)).filter(|atom| !atom.is_empty()).collect();
    atoms.sort_unstable();
    atoms
}

pub fn check_request(actual: &http::Request<Vec<u8>>, expected: &ExpectedRequest) -> Result<(), String> {
    let mut problems = Vec::new();
    if actual.method().as_str() != expected.method {
        problems.push(format!("method {} (expected {})", actual.method(), expected.method));
    }
    if actual.uri().path() != expected.uri {
        problems.push(format!("path `{}` (expected `{}`)", actual.uri().path(), expected.uri));
    }
    problems.extend(query_problems(actual.uri().query(), expected));
    problems.extend(header_problems(
        actual.headers(),
        expected.headers,
        expected.forbid_headers,
        expected.require_headers,
    ));
    if let Some(resolved) = expected.resolved_host {
        let host = actual.uri().host().or(expected.host).unwrap_or_default();
        if host != resolved {
            problems.push(format!("host `{host}` (expected `{resolved}`)"));
        }
    }
    problems.extend(body_problem(actual.body(), expected.body, expected.body_media_type));
    report(problems)
}

pub fn check_response(actual: &http::Response<Vec<u8>>, expected: &ExpectedResponse) -> Result<(), String> {
    let mut problems = Vec::new();
    if actual.status().as_u16() != expected.code {
        problems.push(format!("status {} (expected {})", actual.status().as_u16(), expected.code));
    }
    problems.extend(header_problems(
        actual.headers(),
        expected.headers,
        expected.forbid_headers,
        expected.require_headers,
    ));
    problems.extend(body_problem(actual.body(), expected.body, expected.body_media_type));
    report(problems)
}

pub fn check_malformed(actual: &http::Response<Vec<u8>>, expected: &ExpectedMalformed) -> Result<(), String> {
    let mut problems = Vec::new();
    if actual.status().as_u16() != expected.code {
        problems.push(format!("status {} (expected {})", actual.status().as_u16(), expected.code));
    }
    problems.extend(header_problems(actual.headers(), expected.headers, &[], &[]));
    match &expected.body {
        None => {}
        Some(BodyCheck::Contents(body, media_type)) => {
            problems.extend(body_problem(actual.body(), Some(body), Some(media_type)))
        }
        Some(BodyCheck::MessageRegex(regex)) => problems.extend(message_problem(actual.body(), regex)),
    }
    report(problems)
}

fn report(problems: Vec<String>) -> Result<(), String> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// Query parameters compare as decoded pairs, in any order.
fn query_problems(query: Option<&str>, expected: &ExpectedRequest) -> Vec<String> {
    let actual = smithy_codegen_runtime::uri::parse_query(query);
    let mut problems = Vec::new();
    let mut unmatched = actual.clone();
    for pair in expected.query_params {
        let wanted = smithy_codegen_runtime::uri::parse_query(Some(pair));
        for wanted in wanted {
            match unmatched.iter().position(|p| *p == wanted) {
                Some(index) => {
                    unmatched.remove(index);
                }
                None => problems.push(format!("query `{pair}` missing (query: {query:?})")),
            }
        }
    }
    for name in expected.forbid_query_params {
        if actual.iter().any(|(k, _)| k == name) {
            problems.push(format!("query parameter `{name}` must be absent (query: {query:?})"));
        }
    }
    for name in expected.require_query_params {
        if !actual.iter().any(|(k, _)| k == name) {
            problems.push(format!("query parameter `{name}` is required (query: {query:?})"));
        }
    }
    problems
}

/// Header names compare case-insensitively; several values of one name join with `, `.
fn header_problems(
    actual: &http::HeaderMap,
    expected: &[(&str, &str)],
    forbid: &[&str],
    require: &[&str],
) -> Vec<String> {
    let mut problems = Vec::new();
    for (name, value) in expected {
        let values: Vec<String> =
            actual.get_all(*name).iter().map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned()).collect();
        if values.is_empty() {
            problems.push(format!("header `{name}` missing (expected `{value}`)"));
        } else if values.join(", ") != *value {
            problems.push(format!("header `{name}`: `{}` (expected `{value}`)", values.join(", ")));
        }
    }
    for name in forbid {
        if actual.contains_key(*name) {
            problems.push(format!("header `{name}` must be absent"));
        }
    }
    for name in require {
        if !actual.contains_key(*name) {
            problems.push(format!("header `{name}` is required"));
        }
    }
    problems
}

/// JSON bodies compare as values (numbers by value), any other as bytes.
pub fn body_problem(actual: &[u8], expected: Option<&str>, media_type: Option<&str>) -> Option<String> {
    let expected = expected?;
    let is_json = media_type.is_some_and(|m| m == "application/json" || m.ends_with("+json"));
    if is_json && !expected.is_empty() {
        let wanted: serde_json::Value = match serde_json::from_str(expected) {
            Ok(value) => value,
            Err(e) => return Some(format!("the case's JSON body does not parse: {e}")),
        };
        return match serde_json::from_slice::<serde_json::Value>(actual) {
            Ok(value) if json_equal(&value, &wanted) => None,
            Ok(value) => Some(format!("body {value} (expected {wanted})")),
            Err(_) => Some(format!("body `{}` is not JSON (expected {wanted})", String::from_utf8_lossy(actual))),
        };
    }
    (actual != expected.as_bytes())
        .then(|| format!("body `{}` (expected `{expected}`)", String::from_utf8_lossy(actual)))
}

fn json_equal(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    use serde_json::Value;
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x == y || x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(x, y)| json_equal(x, y)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| json_equal(v, w)))
        }
        _ => a == b,
    }
}

fn message_problem(actual: &[u8], regex: &str) -> Option<String> {
    let pattern = match regex_lite::Regex::new(regex) {
        Ok(pattern) => pattern,
        Err(e) => return Some(format!("the case's messageRegex does not compile here: {e}")),
    };
    let body: serde_json::Value = match serde_json::from_slice(actual) {
        Ok(body) => body,
        Err(_) => return Some(format!("body `{}` is not JSON", String::from_utf8_lossy(actual))),
    };
    match body.get("message").and_then(|m| m.as_str()) {
        Some(message) if pattern.is_match(message) => None,
        Some(message) => Some(format!("message `{message}` does not match `{regex}`")),
        None => Some(format!("body {body} has no `message`")),
    }
}

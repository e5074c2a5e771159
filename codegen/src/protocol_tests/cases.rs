//! The compliance cases of one service, read from the test traits of its
//! operations and error structures.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;
use serde_json::Value;

use super::parameters;
use crate::ast::{AstModel, AstShape, Node};
use crate::error::Error;

const REQUEST_TESTS: &str = "smithy.test#httpRequestTests";
const RESPONSE_TESTS: &str = "smithy.test#httpResponseTests";
const MALFORMED_TESTS: &str = "smithy.test#httpMalformedRequestTests";
const EVENT_STREAM_TESTS: &str = "smithy.test#eventStreamTests";

/// Which side a case is for (`appliesTo`); a case without it is for both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AppliesTo {
    /// Only clients run it.
    Client,
    /// Only servers run it.
    Server,
}

/// Whether a case with this `appliesTo` runs on `side`.
fn runs_on(applies_to: Option<AppliesTo>, side: AppliesTo) -> bool {
    applies_to.is_none_or(|only| only == side)
}

/// One `httpRequestTests` case: a request built from `params` (client) or
/// decoded into them (server).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HttpRequestCase {
    /// The case id (unique among request cases).
    pub id: String,
    /// The protocol trait's shape id (`aws.protocols#restJson1`).
    pub protocol: String,
    /// The operation the trait is on (filled in by the reader).
    #[serde(skip)]
    pub operation: String,
    /// The side it applies to; `None` for both.
    #[serde(default)]
    pub applies_to: Option<AppliesTo>,
    /// The HTTP method.
    pub method: String,
    /// The path, without the query string.
    pub uri: String,
    /// The host the request is sent to.
    #[serde(default)]
    pub host: Option<String>,
    /// The host expected after endpoint resolution (`hostPrefix`, labels).
    #[serde(default)]
    pub resolved_host: Option<String>,
    /// Expected query pairs, `name=value` as serialized.
    #[serde(default)]
    pub query_params: Vec<String>,
    /// Query parameter names that must be absent.
    #[serde(default)]
    pub forbid_query_params: Vec<String>,
    /// Query parameter names that must be present.
    #[serde(default)]
    pub require_query_params: Vec<String>,
    /// Expected headers (names compared case-insensitively).
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    /// Header names that must be absent.
    #[serde(default)]
    pub forbid_headers: Vec<String>,
    /// Header names that must be present.
    #[serde(default)]
    pub require_headers: Vec<String>,
    /// The expected body.
    #[serde(default)]
    pub body: Option<String>,
    /// How to compare the body (`application/json`: as JSON values).
    #[serde(default)]
    pub body_media_type: Option<String>,
    /// The operation input (an empty object when absent).
    #[serde(default = "empty_object")]
    pub params: Value,
    /// Implementation-specific settings (an empty object when absent).
    #[serde(default = "empty_object")]
    pub vendor_params: Value,
    /// The shape of `vendorParams`.
    #[serde(default)]
    pub vendor_params_shape: Option<String>,
    /// The auth scheme trait's shape id.
    #[serde(default)]
    pub auth_scheme: Option<String>,
    /// What the case checks.
    #[serde(default)]
    pub documentation: Option<String>,
    /// Free-form tags.
    #[serde(default)]
    pub tags: Vec<String>,
}

/// One `httpResponseTests` case: a response decoded into `params` (client)
/// or encoded from them (server), for an operation's output or an error.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HttpResponseCase {
    /// The case id (unique among response cases).
    pub id: String,
    /// The protocol trait's shape id.
    pub protocol: String,
    /// The operation or error structure the trait is on (filled in by the reader).
    #[serde(skip)]
    pub shape: String,
    /// Whether the trait is on an error structure (filled in by the reader).
    #[serde(skip)]
    pub is_error: bool,
    /// The side it applies to; `None` for both.
    #[serde(default)]
    pub applies_to: Option<AppliesTo>,
    /// The HTTP status code.
    pub code: u16,
    /// Expected headers (names compared case-insensitively).
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    /// Header names that must be absent.
    #[serde(default)]
    pub forbid_headers: Vec<String>,
    /// Header names that must be present.
    #[serde(default)]
    pub require_headers: Vec<String>,
    /// The body.
    #[serde(default)]
    pub body: Option<String>,
    /// How to compare the body.
    #[serde(default)]
    pub body_media_type: Option<String>,
    /// The output or error (an empty object when absent).
    #[serde(default = "empty_object")]
    pub params: Value,
    /// Implementation-specific settings (an empty object when absent).
    #[serde(default = "empty_object")]
    pub vendor_params: Value,
    /// The shape of `vendorParams`.
    #[serde(default)]
    pub vendor_params_shape: Option<String>,
    /// The auth scheme trait's shape id.
    #[serde(default)]
    pub auth_scheme: Option<String>,
    /// What the case checks.
    #[serde(default)]
    pub documentation: Option<String>,
    /// Free-form tags.
    #[serde(default)]
    pub tags: Vec<String>,
}

/// One expanded `httpMalformedRequestTests` case (servers only): a request
/// the server must reject with the given response.
#[derive(Debug, Clone, PartialEq)]
pub struct MalformedRequestCase {
    /// The case id; `{id}_case{i}` for parameterized cases.
    pub id: String,
    /// `i` of `_case{i}` for a case expanded from `testParameters`.
    pub parameter_index: Option<usize>,
    /// The protocol trait's shape id.
    pub protocol: String,
    /// The operation the trait is on.
    pub operation: String,
    /// The request to send.
    pub request: MalformedRequest,
    /// The response expected.
    pub response: MalformedResponse,
    /// What the case checks.
    pub documentation: Option<String>,
    /// Free-form tags.
    pub tags: Vec<String>,
}

/// The request of a malformed case.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MalformedRequest {
    /// The HTTP method.
    pub method: String,
    /// The path, without the query string.
    pub uri: String,
    /// The host.
    #[serde(default)]
    pub host: Option<String>,
    /// Query pairs, `name=value` as serialized.
    #[serde(default)]
    pub query_params: Vec<String>,
    /// Headers.
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    /// The body.
    #[serde(default)]
    pub body: Option<String>,
    /// The body's media type.
    #[serde(default)]
    pub body_media_type: Option<String>,
}

/// The expected response of a malformed case.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MalformedResponse {
    /// The HTTP status code.
    pub code: u16,
    /// Headers that must be present with these values; others are ignored.
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    /// The body check, when there is one.
    #[serde(default)]
    pub body: Option<MalformedResponseBody>,
}

/// The body check of a malformed case's response.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MalformedResponseBody {
    /// How the body is checked.
    pub assertion: BodyAssertion,
    /// The body's media type.
    pub media_type: String,
}

/// How a malformed case's response body is checked.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub enum BodyAssertion {
    /// The whole body, compared by media type.
    Contents(String),
    /// A regex the body's `message` must match.
    MessageRegex(String),
}

/// The `httpMalformedRequestTests` case as written, before expansion.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ParameterizedMalformedCase {
    id: String,
    protocol: String,
    request: MalformedRequest,
    response: MalformedResponse,
    #[serde(default)]
    documentation: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    /// Value lists by name, all of one length; kept in the file's order.
    #[serde(default)]
    test_parameters: crate::ast::OrderedMap<Vec<String>>,
}

/// One `eventStreamTests` case: the initial messages and the events of one
/// exchange over an event-stream operation, and the outcome expected.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EventStreamCase {
    /// The case id (unique among event-stream cases).
    pub id: String,
    /// The protocol trait's shape id.
    pub protocol: String,
    /// The operation the trait is on (filled in by the reader).
    #[serde(skip)]
    pub operation: String,
    /// The input's members other than the stream, when the case sets them.
    #[serde(default)]
    pub initial_request_params: Option<Value>,
    /// The initial request as HTTP (restJson1: the request head).
    #[serde(default)]
    pub initial_request: Option<InitialRequest>,
    /// The shape `initialRequest` follows (`smithy.test#InitialHttpRequest`).
    #[serde(default)]
    pub initial_request_shape: Option<String>,
    /// The output's members other than the stream, when the case sets them.
    #[serde(default)]
    pub initial_response_params: Option<Value>,
    /// The initial response as HTTP (restJson1: the response head).
    #[serde(default)]
    pub initial_response: Option<InitialResponse>,
    /// The shape `initialResponse` follows (`smithy.test#InitialHttpResponse`).
    #[serde(default)]
    pub initial_response_shape: Option<String>,
    /// The events, in the order they are sent.
    #[serde(default)]
    pub events: Vec<EventCase>,
    /// What the exchange must come to (success when absent).
    #[serde(default)]
    pub expectation: Expectation,
    /// Implementation-specific settings (an empty object when absent).
    #[serde(default = "empty_object")]
    pub vendor_params: Value,
    /// The shape of `vendorParams`.
    #[serde(default)]
    pub vendor_params_shape: Option<String>,
    /// What the case checks.
    #[serde(default)]
    pub documentation: Option<String>,
    /// The side it applies to; `None` for both.
    #[serde(default)]
    pub applies_to: Option<AppliesTo>,
    /// Free-form tags.
    #[serde(default)]
    pub tags: Vec<String>,
}

/// The initial request of an event-stream case (`smithy.test#InitialHttpRequest`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InitialRequest {
    /// The HTTP method.
    pub method: String,
    /// The path, without the query string.
    pub uri: String,
    /// The host the request is sent to.
    #[serde(default)]
    pub host: Option<String>,
    /// The host expected after endpoint resolution.
    #[serde(default)]
    pub resolved_host: Option<String>,
    /// Expected query pairs, `name=value` as serialized.
    #[serde(default)]
    pub query_params: Vec<String>,
    /// Query parameter names that must be absent.
    #[serde(default)]
    pub forbid_query_params: Vec<String>,
    /// Query parameter names that must be present.
    #[serde(default)]
    pub require_query_params: Vec<String>,
    /// Expected headers (names compared case-insensitively).
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    /// Header names that must be absent.
    #[serde(default)]
    pub forbid_headers: Vec<String>,
    /// Header names that must be present.
    #[serde(default)]
    pub require_headers: Vec<String>,
    /// The body, when the initial request has one.
    #[serde(default)]
    pub body: Option<String>,
    /// How to compare the body.
    #[serde(default)]
    pub body_media_type: Option<String>,
}

/// The initial response of an event-stream case (`smithy.test#InitialHttpResponse`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InitialResponse {
    /// The HTTP status code.
    pub code: u16,
    /// Expected headers (names compared case-insensitively).
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    /// Header names that must be absent.
    #[serde(default)]
    pub forbid_headers: Vec<String>,
    /// Header names that must be present.
    #[serde(default)]
    pub require_headers: Vec<String>,
    /// The body, when the initial response has one.
    #[serde(default)]
    pub body: Option<String>,
    /// How to compare the body.
    #[serde(default)]
    pub body_media_type: Option<String>,
}

/// Which way an event travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventDirection {
    /// From the client to the server (the input's stream).
    Request,
    /// From the server to the client (the output's stream).
    Response,
}

/// One event of an event-stream case.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EventCase {
    /// Which way it travels.
    #[serde(rename = "type")]
    pub direction: EventDirection,
    /// The union value it carries (one member: an event or an error); absent
    /// for an event the model does not describe.
    #[serde(default)]
    pub params: Option<Value>,
    /// Headers the encoded message must carry, with their types.
    #[serde(default)]
    pub headers: BTreeMap<String, EventHeaderValue>,
    /// Header names that must be absent.
    #[serde(default)]
    pub forbid_headers: Vec<String>,
    /// Header names that must be present.
    #[serde(default)]
    pub require_headers: Vec<String>,
    /// The expected payload.
    #[serde(default)]
    pub body: Option<String>,
    /// How to compare the payload.
    #[serde(default)]
    pub body_media_type: Option<String>,
    /// The whole message, base64: what the receiving side decodes.
    #[serde(default)]
    pub bytes: Option<String>,
    /// Implementation-specific settings (an empty object when absent).
    #[serde(default = "empty_object")]
    pub vendor_params: Value,
    /// The shape of `vendorParams`.
    #[serde(default)]
    pub vendor_params_shape: Option<String>,
}

/// A typed event header value as the suite writes it (`smithy.test#EventHeaderValue`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventHeaderValue {
    /// A boolean header.
    Boolean(bool),
    /// A byte header.
    Byte(i8),
    /// A 16-bit integer header.
    Short(i16),
    /// A 32-bit integer header.
    Integer(i32),
    /// A 64-bit integer header.
    Long(i64),
    /// A byte-array header, base64 as written.
    Blob(String),
    /// A string header.
    String(String),
    /// A timestamp header: a date-time string or epoch seconds, as written.
    Timestamp(Value),
}

/// What an event-stream case must come to.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Expectation {
    /// Every message is what the case says.
    #[default]
    Success,
    /// The receiving side fails, with this modeled error when one is named.
    Failure {
        /// The error's shape id.
        error_id: Option<String>,
    },
}

impl<'de> Deserialize<'de> for Expectation {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        /// `smithy.test#TestExpectation`, a union of `success` and `failure`.
        #[derive(Deserialize)]
        #[serde(rename_all = "lowercase", deny_unknown_fields)]
        enum Written {
            Success(serde::de::IgnoredAny),
            Failure(FailureWritten),
        }
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase", deny_unknown_fields)]
        struct FailureWritten {
            #[serde(default)]
            error_id: Option<String>,
        }
        Ok(match Written::deserialize(deserializer)? {
            Written::Success(_) => Expectation::Success,
            Written::Failure(failure) => Expectation::Failure { error_id: failure.error_id },
        })
    }
}

/// Every compliance case of one service, in operation-id order (and, for
/// errors, error-id order), each trait's cases in their written order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ServiceCases {
    /// The service's shape id.
    pub service: String,
    /// `httpRequestTests` cases.
    pub requests: Vec<HttpRequestCase>,
    /// `httpResponseTests` cases, of operations then of error structures.
    pub responses: Vec<HttpResponseCase>,
    /// `httpMalformedRequestTests` cases, expanded.
    pub malformed: Vec<MalformedRequestCase>,
    /// `eventStreamTests` cases.
    pub event_streams: Vec<EventStreamCase>,
}

impl ServiceCases {
    /// The request cases `side` runs.
    pub fn requests_for(&self, side: AppliesTo) -> impl Iterator<Item = &HttpRequestCase> {
        self.requests.iter().filter(move |case| runs_on(case.applies_to, side))
    }

    /// The response cases `side` runs.
    pub fn responses_for(&self, side: AppliesTo) -> impl Iterator<Item = &HttpResponseCase> {
        self.responses.iter().filter(move |case| runs_on(case.applies_to, side))
    }

    /// The event-stream cases `side` runs.
    pub fn event_streams_for(&self, side: AppliesTo) -> impl Iterator<Item = &EventStreamCase> {
        self.event_streams.iter().filter(move |case| runs_on(case.applies_to, side))
    }
}

/// Reads the cases of `service` (an absolute shape id): those on its
/// operations (bound directly or through resources) and on the errors those
/// operations and the service declare. A malformed case is an error naming
/// the shape and the case id.
pub fn service_cases(model: &AstModel, service: &str) -> Result<ServiceCases, Error> {
    let service_shape = shape(model, service)?;
    if service_shape.shape_type != "service" {
        return Err(Error::at(service, format!("a {}, not a service", service_shape.shape_type)));
    }
    let operations = operations_of(model, service)?;
    let mut errors = BTreeSet::new();
    errors.extend(refs(&service_shape.errors));
    let mut cases = ServiceCases { service: service.to_string(), ..ServiceCases::default() };
    for operation in &operations {
        let op = shape(model, operation)?;
        errors.extend(refs(&op.errors));
        for mut case in read_cases::<HttpRequestCase>(op, operation, REQUEST_TESTS)? {
            check_request(&case).map_err(|e| case_error(operation, REQUEST_TESTS, &case.id, e))?;
            case.operation = operation.clone();
            cases.requests.push(case);
        }
        cases.responses.extend(response_cases(op, operation, false)?);
        for case in read_cases::<ParameterizedMalformedCase>(op, operation, MALFORMED_TESTS)? {
            let id = case.id.clone();
            let expanded = expand(case, operation).map_err(|e| case_error(operation, MALFORMED_TESTS, &id, e))?;
            cases.malformed.extend(expanded);
        }
        for mut case in read_cases::<EventStreamCase>(op, operation, EVENT_STREAM_TESTS)? {
            check_case_id(&case.id).map_err(|e| case_error(operation, EVENT_STREAM_TESTS, &case.id, e))?;
            case.operation = operation.clone();
            cases.event_streams.push(case);
        }
    }
    for error in &errors {
        cases.responses.extend(response_cases(shape(model, error)?, error, true)?);
    }
    Ok(cases)
}

fn shape<'m>(model: &'m AstModel, id: &str) -> Result<&'m AstShape, Error> {
    model.shapes.get(id).ok_or_else(|| Error::at(id, "no such shape in the model"))
}

fn refs(list: &Option<Vec<crate::ast::AstRef>>) -> impl Iterator<Item = String> + '_ {
    list.iter().flatten().map(|r| r.target.clone())
}

/// The operations bound to `service`, directly or through its resources, sorted.
fn operations_of(model: &AstModel, service: &str) -> Result<BTreeSet<String>, Error> {
    let mut operations = BTreeSet::new();
    let mut containers = vec![service.to_string()];
    let mut seen = BTreeSet::new();
    while let Some(id) = containers.pop() {
        if !seen.insert(id.clone()) {
            continue;
        }
        let container = shape(model, &id)?;
        operations.extend(refs(&container.operations));
        operations.extend(refs(&container.collection_operations));
        let lifecycle = [&container.create, &container.put, &container.read, &container.update, &container.delete];
        operations.extend(lifecycle.into_iter().chain([&container.list]).flatten().map(|r| r.target.clone()));
        containers.extend(refs(&container.resources));
    }
    Ok(operations)
}

fn response_cases(on: &AstShape, id: &str, is_error: bool) -> Result<Vec<HttpResponseCase>, Error> {
    let mut cases = read_cases::<HttpResponseCase>(on, id, RESPONSE_TESTS)?;
    for case in &mut cases {
        check_case_id(&case.id).map_err(|e| case_error(id, RESPONSE_TESTS, &case.id, e))?;
        check_status(case.code).map_err(|e| case_error(id, RESPONSE_TESTS, &case.id, e))?;
        case.shape = id.to_string();
        case.is_error = is_error;
    }
    Ok(cases)
}

/// The cases of trait `trait_id` on `on` (none when the trait is absent).
fn read_cases<T: serde::de::DeserializeOwned>(on: &AstShape, id: &str, trait_id: &str) -> Result<Vec<T>, Error> {
    let Some(value) = on.traits.get(trait_id) else { return Ok(Vec::new()) };
    let Node::Array(items) = value else {
        return Err(Error::at(id, format!("{trait_id}: expected a list of test cases")));
    };
    items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            item.to_json_value().and_then(T::deserialize).map_err(|e| {
                let case = item.get("id").and_then(Node::as_str).map_or(format!("#{index}"), str::to_string);
                case_error(id, trait_id, &case, e.to_string())
            })
        })
        .collect()
}

fn case_error(shape: &str, trait_id: &str, case: &str, message: impl std::fmt::Display) -> Error {
    Error::at(shape, format!("{trait_id} case `{case}`: {message}"))
}

fn check_request(case: &HttpRequestCase) -> Result<(), String> {
    check_case_id(&case.id)?;
    check_non_empty("method", &case.method)?;
    check_non_empty("uri", &case.uri)
}

/// Ids become test names, so they must be identifiers (the trait's pattern).
fn check_case_id(id: &str) -> Result<(), String> {
    let mut chars = id.chars();
    let starts_well = chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
    if starts_well && id.len() >= 2 && chars.all(|c| c.is_ascii_alphanumeric() || c == '_') {
        Ok(())
    } else {
        Err(format!("the id `{id}` does not match ^[A-Za-z_][A-Za-z0-9_]+$"))
    }
}

fn check_non_empty(field: &str, value: &str) -> Result<(), String> {
    if value.is_empty() {
        Err(format!("`{field}` is empty"))
    } else {
        Ok(())
    }
}

fn check_status(code: u16) -> Result<(), String> {
    if (100..=599).contains(&code) {
        Ok(())
    } else {
        Err(format!("status code {code} is outside 100..=599"))
    }
}

/// One case per index of the test parameters (or the case itself without them).
fn expand(case: ParameterizedMalformedCase, operation: &str) -> Result<Vec<MalformedRequestCase>, String> {
    check_case_id(&case.id)?;
    check_non_empty("request.method", &case.request.method)?;
    check_non_empty("request.uri", &case.request.uri)?;
    check_status(case.response.code)?;
    let base = MalformedRequestCase {
        id: case.id,
        parameter_index: None,
        protocol: case.protocol,
        operation: operation.to_string(),
        request: case.request,
        response: case.response,
        documentation: case.documentation,
        tags: case.tags,
    };
    let parameters = &case.test_parameters;
    let Some((_, first)) = parameters.iter().next() else { return Ok(vec![base]) };
    if let Some((name, values)) = parameters.iter().find(|(_, values)| values.len() != first.len()) {
        return Err(format!(
            "testParameters `{name}` has {} values where the first parameter has {}",
            values.len(),
            first.len()
        ));
    }
    (0..first.len())
        .map(|index| {
            let values: Vec<(&str, &str)> =
                parameters.iter().map(|(name, values)| (name.as_str(), values[index].as_str())).collect();
            instantiate(&base, index, &values)
        })
        .collect()
}

/// The `index`th case: Smithy formats the tags, documentation, request uri,
/// query, headers and body, and response headers and body (not the hosts).
fn instantiate(
    base: &MalformedRequestCase,
    index: usize,
    values: &parameters::Values<'_>,
) -> Result<MalformedRequestCase, String> {
    let format = |text: &str| parameters::format(text, values);
    let format_map = |map: &BTreeMap<String, String>| -> Result<BTreeMap<String, String>, String> {
        map.iter().map(|(name, value)| Ok((format(name)?, format(value)?))).collect()
    };
    let mut case = base.clone();
    case.id = format!("{}_case{index}", base.id);
    case.parameter_index = Some(index);
    case.tags = base.tags.iter().map(|tag| format(tag)).collect::<Result<_, _>>()?;
    case.documentation = base.documentation.as_deref().map(format).transpose()?;
    let request = &mut case.request;
    request.uri = format(&base.request.uri)?;
    request.query_params = base.request.query_params.iter().map(|pair| format(pair)).collect::<Result<_, _>>()?;
    request.headers = format_map(&base.request.headers)?;
    request.body = base.request.body.as_deref().map(format).transpose()?;
    case.response.headers = format_map(&base.response.headers)?;
    if let Some(body) = &mut case.response.body {
        body.media_type = format(&body.media_type)?;
        body.assertion = match &body.assertion {
            BodyAssertion::Contents(text) => BodyAssertion::Contents(format(text)?),
            BodyAssertion::MessageRegex(text) => BodyAssertion::MessageRegex(format(text)?),
        };
    }
    Ok(case)
}

fn empty_object() -> Value {
    Value::Object(serde_json::Map::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A service with one operation carrying `traits`, and one error carrying `error_traits`.
    fn model(traits: Value, error_traits: Value) -> AstModel {
        let json = serde_json::json!({
            "smithy": "2.0",
            "shapes": {
                "ex#Service": {"type": "service", "operations": [{"target": "ex#Op"}]},
                "ex#Op": {"type": "operation", "errors": [{"target": "ex#Oops"}], "traits": traits},
                "ex#Oops": {"type": "structure", "members": {}, "traits": error_traits},
            }
        });
        crate::ast::parse(json.to_string().as_bytes()).unwrap()
    }

    fn request(id: &str) -> Value {
        serde_json::json!({"id": id, "protocol": "aws.protocols#restJson1", "method": "POST", "uri": "/op"})
    }

    #[test]
    fn request_and_response_cases_are_read_with_their_side_and_shape() {
        let mut client_only = request("ClientOnly");
        client_only["appliesTo"] = "client".into();
        client_only["headers"] = serde_json::json!({"X-A": "1"});
        let traits = serde_json::json!({
            REQUEST_TESTS: [request("Both"), client_only],
            RESPONSE_TESTS: [{"id": "Out", "protocol": "p#p", "code": 200, "appliesTo": "server"}],
        });
        let error_traits = serde_json::json!({RESPONSE_TESTS: [{"id": "Err", "protocol": "p#p", "code": 400}]});
        let cases = service_cases(&model(traits, error_traits), "ex#Service").unwrap();
        assert_eq!(cases.requests.len(), 2);
        assert_eq!(cases.requests[1].operation, "ex#Op");
        assert_eq!(cases.requests[1].headers["X-A"], "1");
        assert_eq!(cases.requests[0].params, serde_json::json!({}));
        assert_eq!(cases.requests_for(AppliesTo::Server).count(), 1);
        assert_eq!(cases.requests_for(AppliesTo::Client).count(), 2);
        let shapes: Vec<(&str, bool)> = cases.responses.iter().map(|c| (c.shape.as_str(), c.is_error)).collect();
        assert_eq!(shapes, [("ex#Op", false), ("ex#Oops", true)]);
        assert_eq!(cases.responses_for(AppliesTo::Client).map(|c| c.id.as_str()).collect::<Vec<_>>(), ["Err"]);
    }

    #[test]
    fn parameterized_malformed_cases_expand_in_order() {
        let traits = serde_json::json!({MALFORMED_TESTS: [{
            "id": "Bad",
            "protocol": "p#p",
            "documentation": "length $n:L",
            "request": {"method": "POST", "uri": "/op/$v:L", "host": "$v:L", "body": "{\"s\": $v:S}", "headers": {"x-$v:L": "$n:L"}},
            "response": {"code": 400, "body": {"mediaType": "application/json", "assertion": {"messageRegex": "^$v:L$$"}}},
            "testParameters": {"v": ["a", "b"], "n": ["1", "2"]},
        }]});
        let cases = service_cases(&model(traits, Value::Object(Default::default())), "ex#Service").unwrap();
        let ids: Vec<&str> = cases.malformed.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["Bad_case0", "Bad_case1"]);
        assert_eq!(cases.malformed[1].parameter_index, Some(1));
        let second = &cases.malformed[1];
        assert_eq!(second.request.uri, "/op/b");
        assert_eq!(second.request.host.as_deref(), Some("$v:L"), "Smithy leaves the host as written");
        assert_eq!(second.request.body.as_deref(), Some("{\"s\": \"b\"}"));
        assert_eq!(second.request.headers["x-b"], "2");
        assert_eq!(second.documentation.as_deref(), Some("length 2"));
        let assertion = &second.response.body.as_ref().unwrap().assertion;
        assert_eq!(assertion, &BodyAssertion::MessageRegex("^b$".into()));
    }

    #[test]
    fn a_malformed_case_without_parameters_keeps_its_text() {
        let traits = serde_json::json!({MALFORMED_TESTS: [{
            "id": "Plain", "protocol": "p#p",
            "request": {"method": "GET", "uri": "/"},
            "response": {"code": 400, "body": {"mediaType": "m", "assertion": {"contents": "a$$b"}}},
        }]});
        let cases = service_cases(&model(traits, Value::Object(Default::default())), "ex#Service").unwrap();
        assert_eq!(cases.malformed[0].id, "Plain");
        assert_eq!(cases.malformed[0].parameter_index, None);
        assert_eq!(
            cases.malformed[0].response.body.as_ref().unwrap().assertion,
            BodyAssertion::Contents("a$$b".into())
        );
    }

    #[test]
    fn event_stream_cases_are_read_with_their_events_and_expectation() {
        let traits = serde_json::json!({EVENT_STREAM_TESTS: [
            {"id": "Ab", "protocol": "p#p", "initialRequest": {"method": "POST", "uri": "/a", "headers": {"h": "v"}}},
            {"id": "Bb", "protocol": "p#p", "appliesTo": "server", "expectation": {"failure": {"errorId": "ex#Oops"}},
             "events": [{"type": "request", "params": {"e": {}}, "headers": {"x": {"long": 4}, "t": {"timestamp": 5}},
                         "bytes": "AAAA"}]},
            {"id": "Cb", "protocol": "p#p", "expectation": {"success": {}}},
        ]});
        let cases = service_cases(&model(traits, Value::Object(Default::default())), "ex#Service").unwrap();
        let ids = |side| cases.event_streams_for(side).map(|c| c.id.as_str()).collect::<Vec<_>>();
        assert_eq!(ids(AppliesTo::Client), ["Ab", "Cb"]);
        assert_eq!(ids(AppliesTo::Server), ["Ab", "Bb", "Cb"]);
        let a = &cases.event_streams[0];
        assert_eq!(a.operation, "ex#Op");
        assert_eq!(a.initial_request.as_ref().unwrap().headers["h"], "v");
        let b = &cases.event_streams[1];
        assert_eq!(b.expectation, Expectation::Failure { error_id: Some("ex#Oops".into()) });
        assert_eq!(b.events[0].direction, EventDirection::Request);
        assert_eq!(b.events[0].headers["x"], EventHeaderValue::Long(4));
        assert_eq!(b.events[0].headers["t"], EventHeaderValue::Timestamp(5.into()));
        assert_eq!(b.events[0].bytes.as_deref(), Some("AAAA"));
        assert_eq!(cases.event_streams[2].expectation, Expectation::Success);
    }

    /// Each malformed trait value and the message expected, after `ex#Op: ` or `ex#Oops: `.
    #[test]
    fn malformed_cases_are_errors_naming_the_shape_and_the_case() {
        let mut no_method = request("NoMethod");
        no_method.as_object_mut().unwrap().remove("method");
        let mut bad_side = request("BadSide");
        bad_side["appliesTo"] = "both".into();
        let mut typo = request("Typo");
        typo["header"] = serde_json::json!({});
        let malformed = |parameters: Value, body: &str| {
            serde_json::json!({MALFORMED_TESTS: [{
                "id": "Mal", "protocol": "p#p",
                "request": {"method": "POST", "uri": "/", "body": body},
                "response": {"code": 400},
                "testParameters": parameters,
            }]})
        };
        let cases = [
            (serde_json::json!({REQUEST_TESTS: [no_method]}), "ex#Op: smithy.test#httpRequestTests case `NoMethod`: missing field `method`"),
            (serde_json::json!({REQUEST_TESTS: [bad_side]}), "ex#Op: smithy.test#httpRequestTests case `BadSide`: unknown variant `both`"),
            (serde_json::json!({REQUEST_TESTS: [typo]}), "ex#Op: smithy.test#httpRequestTests case `Typo`: unknown field `header`"),
            (serde_json::json!({REQUEST_TESTS: [request("1abc")]}), "ex#Op: smithy.test#httpRequestTests case `1abc`: the id `1abc` does not match"),
            (serde_json::json!({REQUEST_TESTS: [{"protocol": "p#p"}]}), "ex#Op: smithy.test#httpRequestTests case `#0`: missing field `id`"),
            (serde_json::json!({REQUEST_TESTS: {"id": "x"}}), "ex#Op: smithy.test#httpRequestTests: expected a list of test cases"),
            (serde_json::json!({RESPONSE_TESTS: [{"id": "Resp", "protocol": "p#p", "code": 99}]}), "ex#Op: smithy.test#httpResponseTests case `Resp`: status code 99 is outside 100..=599"),
            (malformed(serde_json::json!({"a": ["1", "2"], "b": ["1"]}), "$a:L"), "ex#Op: smithy.test#httpMalformedRequestTests case `Mal`: testParameters `b` has 1 values where the first parameter has 2"),
            (malformed(serde_json::json!({"a": ["1"]}), "$c:L"), "ex#Op: smithy.test#httpMalformedRequestTests case `Mal`: `$c:L` names no test parameter"),
            (serde_json::json!({EVENT_STREAM_TESTS: [{"id": "Ev", "protocol": "p#p", "appliesTo": 3}]}), "ex#Op: smithy.test#eventStreamTests case `Ev`: invalid type"),
            (serde_json::json!({EVENT_STREAM_TESTS: [{"id": "Ev", "protocol": "p#p", "events": [{"type": "sideways"}]}]}), "ex#Op: smithy.test#eventStreamTests case `Ev`: unknown variant `sideways`"),
            (serde_json::json!({EVENT_STREAM_TESTS: [{"id": "Ev", "protocol": "p#p", "events": [{"type": "request", "headers": {"h": {"float": 1}}}]}]}), "ex#Op: smithy.test#eventStreamTests case `Ev`: unknown variant `float`"),
            (serde_json::json!({EVENT_STREAM_TESTS: [{"id": "Ev", "protocol": "p#p", "expectation": {"failure": {"errorID": "x"}}}]}), "ex#Op: smithy.test#eventStreamTests case `Ev`: unknown field `errorID`"),
        ];
        for (traits, expected) in cases {
            let error = service_cases(&model(traits.clone(), Value::Object(Default::default())), "ex#Service")
                .unwrap_err()
                .to_string();
            assert!(error.starts_with(expected), "{traits}:\n{error}");
        }
        let on_error = serde_json::json!({RESPONSE_TESTS: [{"id": "Ev", "protocol": "p#p"}]});
        let error =
            service_cases(&model(Value::Object(Default::default()), on_error), "ex#Service").unwrap_err().to_string();
        assert!(error.starts_with("ex#Oops: smithy.test#httpResponseTests case `Ev`: missing field `code`"), "{error}");
    }

    #[test]
    fn the_service_must_exist_and_be_a_service() {
        let model = model(Value::Object(Default::default()), Value::Object(Default::default()));
        assert_eq!(service_cases(&model, "ex#Nope").unwrap_err().to_string(), "ex#Nope: no such shape in the model");
        assert_eq!(service_cases(&model, "ex#Op").unwrap_err().to_string(), "ex#Op: a operation, not a service");
    }
}

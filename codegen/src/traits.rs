//! Typed view of the traits the generator understands; every other trait is kept raw.

use std::collections::BTreeMap;

use crate::ast::{Node, Number};

use crate::error::Error;

/// `smithy.api#length`: inclusive bounds on a length or size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Length {
    /// Smallest allowed length.
    pub min: Option<u64>,
    /// Largest allowed length.
    pub max: Option<u64>,
}

/// `smithy.api#range`: inclusive bounds on a number.
#[derive(Debug, Clone, PartialEq)]
pub struct Range {
    /// Smallest allowed value.
    pub min: Option<Number>,
    /// Largest allowed value.
    pub max: Option<Number>,
}

/// `smithy.api#http`: how an operation binds to HTTP.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Http {
    /// The method, e.g. `GET`.
    pub method: String,
    /// The URI pattern, e.g. `/layers/{LayerName}/versions/{VersionNumber}`.
    pub uri: String,
    /// The success status code.
    pub code: u16,
}

/// `smithy.api#error`: who is at fault.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// The caller's fault (4xx).
    Client,
    /// The service's fault (5xx).
    Server,
}

/// `smithy.api#deprecated`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Deprecated {
    /// Why, and what to use instead.
    pub message: Option<String>,
    /// Since when.
    pub since: Option<String>,
}

/// The traits of one shape or member.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Traits {
    /// `smithy.api#documentation` (CommonMark or HTML).
    pub documentation: Option<String>,
    /// `smithy.api#required`.
    pub required: bool,
    /// `smithy.api#default`: `Some(Node::Null)` means "explicitly no default".
    pub default: Option<Node>,
    /// `smithy.api#length`.
    pub length: Option<Length>,
    /// `smithy.api#range`.
    pub range: Option<Range>,
    /// `smithy.api#pattern` (checked to compile when rendered).
    pub pattern: Option<String>,
    /// `smithy.api#http`.
    pub http: Option<Http>,
    /// `smithy.api#httpLabel`.
    pub http_label: bool,
    /// `smithy.api#httpQuery`: the query parameter name.
    pub http_query: Option<String>,
    /// `smithy.api#httpQueryParams`.
    pub http_query_params: bool,
    /// `smithy.api#httpHeader`: the header name.
    pub http_header: Option<String>,
    /// `smithy.api#httpPrefixHeaders`: the header prefix.
    pub http_prefix_headers: Option<String>,
    /// `smithy.api#httpPayload`.
    pub http_payload: bool,
    /// `smithy.api#httpResponseCode`.
    pub http_response_code: bool,
    /// `smithy.api#httpError`: the status code of an error.
    pub http_error: Option<u16>,
    /// `smithy.api#error`.
    pub error: Option<Fault>,
    /// `smithy.api#sensitive`.
    pub sensitive: bool,
    /// `smithy.api#streaming`.
    pub streaming: bool,
    /// `smithy.api#idempotencyToken`.
    pub idempotency_token: bool,
    /// `smithy.api#deprecated`.
    pub deprecated: Option<Deprecated>,
    /// `smithy.api#timestampFormat`.
    pub timestamp_format: Option<String>,
    /// `smithy.api#jsonName`.
    pub json_name: Option<String>,
    /// `smithy.api#enumValue`.
    pub enum_value: Option<Node>,
    /// Every other trait, raw, by absolute trait id (including those typed above
    /// only as flags, such as `smithy.api#readonly` and `smithy.api#paginated`).
    pub other: BTreeMap<String, Node>,
}

fn bad(at: &str, trait_id: &str, what: &str) -> Error {
    Error::at(at, format!("trait `{trait_id}`: {what}"))
}

fn string(at: &str, id: &str, v: &Node) -> Result<String, Error> {
    v.as_str().map(str::to_string).ok_or_else(|| bad(at, id, "expected a string"))
}

fn opt_u64(at: &str, id: &str, v: &Node, key: &str) -> Result<Option<u64>, Error> {
    match v.get(key) {
        None | Some(Node::Null) => Ok(None),
        Some(n) => n
            .as_u64()
            .map(Some)
            .ok_or_else(|| bad(at, id, &format!("`{key}` must be a non-negative integer, found {n}"))),
    }
}

fn opt_number(at: &str, id: &str, v: &Node, key: &str) -> Result<Option<Number>, Error> {
    match v.get(key) {
        None | Some(Node::Null) => Ok(None),
        Some(Node::Number(n)) => Ok(Some(n.clone())),
        Some(other) => Err(bad(at, id, &format!("`{key}` must be a number, found {other}"))),
    }
}

impl Traits {
    /// Types the traits of the shape or member at `at`.
    pub fn from_ast(at: &str, raw: &BTreeMap<String, Node>) -> Result<Traits, Error> {
        let mut t = Traits::default();
        for (id, v) in raw {
            match id.as_str() {
                "smithy.api#documentation" => t.documentation = Some(string(at, id, v)?),
                "smithy.api#required" => t.required = true,
                "smithy.api#default" => t.default = Some(v.clone()),
                "smithy.api#length" => {
                    let length = Length { min: opt_u64(at, id, v, "min")?, max: opt_u64(at, id, v, "max")? };
                    if let (Some(min), Some(max)) = (length.min, length.max) {
                        if min > max {
                            return Err(bad(at, id, &format!("min {min} is greater than max {max}")));
                        }
                    }
                    t.length = Some(length);
                }
                "smithy.api#range" => {
                    let range = Range { min: opt_number(at, id, v, "min")?, max: opt_number(at, id, v, "max")? };
                    if let (Some(min), Some(max)) = (&range.min, &range.max) {
                        if min.as_f64() > max.as_f64() {
                            return Err(bad(at, id, &format!("min {min} is greater than max {max}")));
                        }
                    }
                    t.range = Some(range);
                }
                "smithy.api#pattern" => {
                    // Compiled when a closure that uses it is rendered: a model may
                    // hold ECMA-262 patterns (look-around) that only matter there.
                    t.pattern = Some(string(at, id, v)?);
                }
                "smithy.api#http" => {
                    let method = v.get("method").and_then(Node::as_str);
                    let uri = v.get("uri").and_then(Node::as_str);
                    let (Some(method), Some(uri)) = (method, uri) else {
                        return Err(bad(at, id, "needs string `method` and `uri`"));
                    };
                    let code = match v.get("code") {
                        None => 200,
                        Some(c) => c
                            .as_u64()
                            .and_then(|c| u16::try_from(c).ok())
                            .filter(|c| (100..=999).contains(c))
                            .ok_or_else(|| bad(at, id, &format!("`code` must be an HTTP status, found {c}")))?,
                    };
                    let token = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c);
                    if method.is_empty() || !method.chars().all(token) {
                        return Err(bad(at, id, &format!("method {method:?} is not an HTTP method token")));
                    }
                    if !uri.starts_with('/') {
                        return Err(bad(at, id, &format!("uri `{uri}` must start with `/`")));
                    }
                    t.http = Some(Http { method: method.to_string(), uri: uri.to_string(), code });
                }
                "smithy.api#httpLabel" => t.http_label = true,
                "smithy.api#httpQuery" => t.http_query = Some(string(at, id, v)?),
                "smithy.api#httpQueryParams" => t.http_query_params = true,
                "smithy.api#httpHeader" => t.http_header = Some(string(at, id, v)?),
                "smithy.api#httpPrefixHeaders" => t.http_prefix_headers = Some(string(at, id, v)?),
                "smithy.api#httpPayload" => t.http_payload = true,
                "smithy.api#httpResponseCode" => t.http_response_code = true,
                "smithy.api#httpError" => {
                    let code = v
                        .as_u64()
                        .and_then(|c| u16::try_from(c).ok())
                        .filter(|c| (100..=999).contains(c))
                        .ok_or_else(|| bad(at, id, &format!("expected an HTTP status code, found {v}")))?;
                    t.http_error = Some(code);
                }
                "smithy.api#error" => {
                    t.error = Some(match v.as_str() {
                        Some("client") => Fault::Client,
                        Some("server") => Fault::Server,
                        _ => return Err(bad(at, id, &format!("expected \"client\" or \"server\", found {v}"))),
                    })
                }
                "smithy.api#sensitive" => t.sensitive = true,
                "smithy.api#streaming" => t.streaming = true,
                "smithy.api#idempotencyToken" => t.idempotency_token = true,
                "smithy.api#deprecated" => {
                    t.deprecated = Some(Deprecated {
                        message: v.get("message").and_then(Node::as_str).map(str::to_string),
                        since: v.get("since").and_then(Node::as_str).map(str::to_string),
                    })
                }
                "smithy.api#timestampFormat" => {
                    let format = string(at, id, v)?;
                    if !matches!(format.as_str(), "date-time" | "epoch-seconds" | "http-date") {
                        return Err(bad(at, id, &format!("unknown timestamp format `{format}`")));
                    }
                    t.timestamp_format = Some(format);
                }
                "smithy.api#jsonName" => t.json_name = Some(string(at, id, v)?),
                "smithy.api#enumValue" => t.enum_value = Some(v.clone()),
                _ => {
                    t.other.insert(id.clone(), v.clone());
                }
            }
        }
        Ok(t)
    }

    /// Whether a raw (untyped) trait is present, e.g. `smithy.api#readonly`.
    pub fn has(&self, id: &str) -> bool {
        self.other.contains_key(id)
    }

    /// Whether the member has a usable default value (not the explicit `null`).
    pub fn has_default(&self) -> bool {
        matches!(&self.default, Some(v) if !v.is_null())
    }
}

//! The bodies of the fuzz targets, shared with `tests/fuzz_corpus_replay.rs`
//! (which includes this file with `#[path]`), so that the committed corpus runs
//! through exactly the same code on stable in every `cargo test`.
//!
//! Inputs are plain bytes in a small text format, so that corpus files can be
//! written and read by hand:
//!
//! - `response_decoding`: `STATUS\nName: value\n...\n\nBODY` — the first line is
//!   the status (anything that is not a status in 100..=999 means 200), then
//!   header lines up to the first empty line, then the body. Header names or
//!   values that `http` refuses are skipped, never unwrapped.
//! - `server_request_parsing`: `METHOD\nREQUEST-TARGET\nName: value\n...\n\nBODY`
//!   (request target = path and query); an invalid method or URI is skipped.
//! - `json_decode`: the bytes are a JSON document, decoded as every generated
//!   type of the default features.
//!
//! Each function panics only when a property fails: a decoded value that does
//! not survive re-encoding, or a panic inside the generated code.

use lambda_model::operation::get_layer_version::{
    GetLayerVersion, GetLayerVersionError, GetLayerVersionInput, GetLayerVersionOutput,
};
use lambda_model::types::error::{
    InvalidParameterValueException, ResourceNotFoundException, ServiceException, TooManyRequestsException,
};
use lambda_model::types::{Architecture, LayerVersionContentOutput, Runtime, ThrottleReason};

/// Splits `data` at the first empty line (`\n\n` or `\r\n\r\n`): head and body.
pub fn split_head_body(data: &[u8]) -> (&[u8], &[u8]) {
    for i in 0..data.len() {
        if data[i..].starts_with(b"\n\n") {
            return (&data[..i], &data[i + 2..]);
        }
        if data[i..].starts_with(b"\r\n\r\n") {
            return (&data[..i], &data[i + 4..]);
        }
    }
    (data, &[])
}

fn lines(head: &[u8]) -> impl Iterator<Item = &[u8]> {
    head.split(|b| *b == b'\n').map(|line| line.strip_suffix(b"\r").unwrap_or(line))
}

fn add_headers<'a>(headers: &mut http::HeaderMap, lines: impl Iterator<Item = &'a [u8]>) {
    for line in lines {
        let Some(colon) = line.iter().position(|b| *b == b':') else {
            continue;
        };
        let (name, value) = (&line[..colon], &line[colon + 1..]);
        let value = value.strip_prefix(b" ").unwrap_or(value);
        let (Ok(name), Ok(value)) = (http::HeaderName::from_bytes(name), http::HeaderValue::from_bytes(value)) else {
            continue;
        };
        headers.append(name, value);
    }
}

/// The response that `response_decoding` input describes; never fails.
pub fn response_from_bytes(data: &[u8]) -> http::Response<Vec<u8>> {
    let (head, body) = split_head_body(data);
    let mut lines = lines(head);
    let status = lines
        .next()
        .and_then(|line| std::str::from_utf8(line).ok())
        .and_then(|line| line.trim().parse::<u16>().ok())
        .and_then(|code| http::StatusCode::from_u16(code).ok())
        .unwrap_or(http::StatusCode::OK);
    let mut response = http::Response::new(body.to_vec());
    *response.status_mut() = status;
    add_headers(response.headers_mut(), lines);
    response
}

/// The request that `server_request_parsing` input describes, if its method
/// and request target are valid for `http`.
pub fn request_from_bytes(data: &[u8]) -> Option<http::Request<Vec<u8>>> {
    let (head, body) = split_head_body(data);
    let mut lines = lines(head);
    let method = http::Method::from_bytes(lines.next()?).ok()?;
    let uri = http::Uri::try_from(lines.next().unwrap_or(b"/")).ok()?;
    let mut request = http::Request::new(body.to_vec());
    *request.method_mut() = method;
    *request.uri_mut() = uri;
    add_headers(request.headers_mut(), lines);
    Some(request)
}

/// `GetLayerVersionOutput::from_http_response` on any response: no panic; a
/// decoded output goes back through the server side and the client unchanged;
/// an error can always be displayed and written as a response.
pub fn response_decoding(data: &[u8]) {
    let response = response_from_bytes(data);
    match GetLayerVersionOutput::from_http_response(&response) {
        Ok(output) => {
            let again = output.to_http_response();
            let back = GetLayerVersionOutput::from_http_response(&again)
                .unwrap_or_else(|e| panic!("re-encoded output does not decode: {e:?}\n{output:?}"));
            assert_eq!(back, output, "output changed through to_http_response");
        }
        Err(error) => exercise_error(&error),
    }
}

fn exercise_error(error: &GetLayerVersionError) {
    let _ = error.to_string();
    let _ = (error.status(), error.code(), error.message(), error.is_retryable());
    let response = error.to_http_response();
    // Writing an error and reading it back must not panic either.
    let _ = GetLayerVersionOutput::from_http_response(&response);
}

/// `GetLayerVersionInput::from_http_request` on any request: no panic, and an
/// accepted input becomes a request again that parses to the same input.
pub fn server_request_parsing(data: &[u8]) {
    let Some(request) = request_from_bytes(data) else {
        return;
    };
    let matches = GetLayerVersion::matches(&request);
    match GetLayerVersionInput::from_http_request(&request) {
        Ok(input) => {
            assert!(matches, "parsed but does not match: {}", request.uri());
            let again =
                input.to_http_request().unwrap_or_else(|e| panic!("accepted input {input:?} cannot be sent: {e}"));
            let back = GetLayerVersionInput::from_http_request(&again)
                .unwrap_or_else(|e| panic!("re-encoded request {} refused: {e}", again.uri()));
            assert_eq!(back, input, "input changed through to_http_request");
        }
        Err(error) => {
            assert_eq!(error.status(), 400, "server-side errors are bad requests: {error:?}");
            exercise_error(&error);
        }
    }
}

/// Decodes `data` as `T`; a decoded value must encode and decode to itself.
fn round_trip<T>(data: &[u8])
where
    T: serde::de::DeserializeOwned + serde::Serialize + PartialEq + std::fmt::Debug,
{
    if let Ok(value) = serde_json::from_slice::<T>(data) {
        let bytes = serde_json::to_vec(&value).expect("a decoded value encodes");
        let back: T = serde_json::from_slice(&bytes)
            .unwrap_or_else(|e| panic!("re-encoded {} does not decode: {e}", String::from_utf8_lossy(&bytes)));
        assert_eq!(back, value, "value changed through JSON");
    }
}

/// An enum decoded from a JSON string writes the same string back.
fn enum_round_trip<T>(data: &[u8], as_str: fn(&T) -> &str)
where
    T: serde::de::DeserializeOwned + serde::Serialize,
{
    if let Ok(value) = serde_json::from_slice::<T>(data) {
        let text: String = serde_json::from_slice(data).expect("an enum is read from a string");
        assert_eq!(as_str(&value), text, "enum value changed");
        assert_eq!(
            serde_json::to_string(&value).expect("an enum encodes"),
            serde_json::to_string(&text).expect("a string encodes")
        );
    }
}

/// Every generated type of the default features, decoded from `data`.
pub fn json_decode(data: &[u8]) {
    round_trip::<GetLayerVersionOutput>(data);
    round_trip::<LayerVersionContentOutput>(data);
    round_trip::<GetLayerVersionInput>(data);
    round_trip::<InvalidParameterValueException>(data);
    round_trip::<ResourceNotFoundException>(data);
    round_trip::<ServiceException>(data);
    round_trip::<TooManyRequestsException>(data);
    enum_round_trip::<Runtime>(data, Runtime::as_str);
    enum_round_trip::<Architecture>(data, Architecture::as_str);
    enum_round_trip::<ThrottleReason>(data, ThrottleReason::as_str);
}

//! Media types: the server's `Content-Type` and `Accept` checks, and strings
//! with a `@mediaType` bound to a header, which travel base64-encoded (their
//! text may hold anything, JSON say, that a header cannot carry).

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;

use crate::error::Unhandled;

/// The header text of a `@mediaType` string: standard base64 of its UTF-8.
///
/// ```
/// assert_eq!(smithy_codegen_runtime::media_type::encode_header("true"), "dHJ1ZQ==");
/// ```
pub fn encode_header(value: &str) -> String {
    STANDARD.encode(value)
}

/// The string a `@mediaType` header carries: `None` unless the text is
/// canonical standard base64 (padding included) of UTF-8.
///
/// ```
/// use smithy_codegen_runtime::media_type::decode_header;
///
/// assert_eq!(decode_header("dHJ1ZQ==").as_deref(), Some("true"));
/// assert_eq!(decode_header("YmxvYg="), None);
/// assert_eq!(decode_header("-_=="), None);
/// ```
pub fn decode_header(text: &str) -> Option<String> {
    String::from_utf8(STANDARD.decode(text).ok()?).ok()
}

/// The `type/subtype` of a media type or media range, lowercased, without
/// parameters (`Application/JSON; charset=utf-8` is `application/json`).
fn essence(text: &str) -> String {
    text.split(';').next().unwrap_or_default().trim().to_ascii_lowercase()
}

/// Checks a request's `Content-Type` against the one its operation's input
/// is sent with (`None` when the input has nothing for a body), as restJson1
/// servers do: a request with a body must carry the expected type (parameters
/// aside), and an operation without a body takes no `Content-Type`. A request
/// without a body is not checked. A refusal is status 415 with the error code
/// `UnsupportedMediaTypeException`.
///
/// ```
/// use smithy_codegen_runtime::media_type::check_content_type;
///
/// let headers = |ct: &str| {
///     let mut map = http::HeaderMap::new();
///     map.insert("content-type", ct.parse().unwrap());
///     map
/// };
/// let json = Some("application/json");
/// assert!(check_content_type(&headers("application/json; charset=utf-8"), b"{}", json).is_ok());
/// assert_eq!(check_content_type(&headers("application/hal+json"), b"{}", json).unwrap_err().status(), 415);
/// assert!(check_content_type(&http::HeaderMap::new(), b"{}", json).is_err());
/// assert!(check_content_type(&http::HeaderMap::new(), b"", json).is_ok());
/// assert!(check_content_type(&headers("application/json"), b"{}", None).is_err());
/// ```
pub fn check_content_type(headers: &http::HeaderMap, body: &[u8], expected: Option<&str>) -> Result<(), Unhandled> {
    if body.is_empty() {
        return Ok(());
    }
    let actual = headers.get(http::header::CONTENT_TYPE).map(|v| essence(&String::from_utf8_lossy(v.as_bytes())));
    let problem = match (actual, expected) {
        (None, None) => return Ok(()),
        (Some(actual), Some(expected)) if actual == essence(expected) => return Ok(()),
        (Some(actual), Some(expected)) => format!("Content-Type `{actual}` is not `{expected}`"),
        (None, Some(expected)) => format!("a body needs Content-Type `{expected}`"),
        (Some(actual), None) => format!("this operation takes no body, but Content-Type is `{actual}`"),
    };
    Err(Unhandled::new(415, Some("UnsupportedMediaTypeException".into()), Some(problem)))
}

/// Checks a request's `Accept` against the `Content-Type` its operation's
/// response is sent with (`None` when the output has nothing for a body,
/// which any `Accept` takes). No `Accept` (or one without a media range)
/// accepts anything; otherwise one of
/// its media ranges must match: `*/*`, `type/*` or the type itself
/// (parameters and quality values aside). A refusal is status 406 with the
/// error code `NotAcceptableException`.
///
/// ```
/// use smithy_codegen_runtime::media_type::check_accept;
///
/// let headers = |accept: &str| {
///     let mut map = http::HeaderMap::new();
///     map.insert("accept", accept.parse().unwrap());
///     map
/// };
/// let json = Some("application/json");
/// assert!(check_accept(&http::HeaderMap::new(), json).is_ok());
/// assert!(check_accept(&headers("text/html, application/*;q=0.8"), json).is_ok());
/// assert!(check_accept(&headers("*/*"), Some("image/jpeg")).is_ok());
/// assert_eq!(check_accept(&headers("application/hal+json"), json).unwrap_err().status(), 406);
/// assert!(check_accept(&headers("application/json"), None).is_ok());
/// ```
pub fn check_accept(headers: &http::HeaderMap, produced: Option<&str>) -> Result<(), Unhandled> {
    let Some(produced) = produced else { return Ok(()) };
    let produced = essence(produced);
    let produced_type = produced.split('/').next().unwrap_or_default();
    let mut ranges = headers
        .get_all(http::header::ACCEPT)
        .iter()
        .flat_map(|v| String::from_utf8_lossy(v.as_bytes()).split(',').map(essence).collect::<Vec<_>>())
        .filter(|range| !range.is_empty())
        .peekable();
    if ranges.peek().is_none() {
        return Ok(());
    }
    let mut seen = Vec::new();
    for range in ranges {
        let satisfied = match range.split_once('/') {
            Some(("*", "*")) => true,
            Some((kind, "*")) => kind == produced_type,
            _ => range == produced,
        };
        if satisfied {
            return Ok(());
        }
        seen.push(range);
    }
    Err(Unhandled::new(
        406,
        Some("NotAcceptableException".into()),
        Some(format!("the response is `{produced}`, which Accept `{}` does not take", seen.join(", "))),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_types_compare_without_case_and_parameters() {
        assert_eq!(essence(" Text/Plain ; charset=UTF-8"), "text/plain");
    }

    #[test]
    fn an_empty_accept_value_accepts_anything() {
        let mut map = http::HeaderMap::new();
        map.insert("accept", http::HeaderValue::from_static(""));
        // No media range at all: no preference, as an absent header.
        assert!(check_accept(&map, Some("application/json")).is_ok());
    }

    #[test]
    fn refusals_name_what_was_sent() {
        let mut map = http::HeaderMap::new();
        map.insert("content-type", http::HeaderValue::from_static("application/json"));
        let error = check_content_type(&map, b"x", Some("text/plain")).unwrap_err();
        assert_eq!(error.code(), Some("UnsupportedMediaTypeException"));
        assert!(error.message().unwrap().contains("application/json"), "{error}");
    }
}

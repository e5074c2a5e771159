//! The error code and message of a restJson1 error response.

use crate::error::Unhandled;
use std::borrow::Cow;

/// The error code and message of an error response, read as restJson1 says:
/// the code from `X-Amzn-ErrorType`, else the body's `code`/`Code`, else
/// `__type`; cut at the first `:` and after the last `#`. The message is the
/// body's `message`, else `Message`, as botocore reads them.
///
/// These spellings are metadata only, and never make a modeled error
/// unreadable: the modeled error's members read their exact JSON names, so
/// `{"__type": "ServiceException", "message": "a", "Message": "b"}` is a
/// `ServiceException` whose `Message` member is `b` (botocore's modeled
/// member too), while `a` is this metadata's message. A modeled error whose
/// message member is absent from the body takes this message, as the AWS
/// SDKs do.
///
/// ```
/// use smithy_codegen_runtime::error_metadata::ErrorMetadata;
///
/// let body = br#"{"__type": "com.amazonaws.lambda#ResourceNotFoundException:http://x", "message": "gone"}"#;
/// let meta = ErrorMetadata::read(&http::HeaderMap::new(), body);
/// assert_eq!(meta.code.as_deref(), Some("ResourceNotFoundException"));
/// assert_eq!(meta.message.as_deref(), Some("gone"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ErrorMetadata {
    /// The error code, without namespace or suffix; `None` when the response has none.
    pub code: Option<String>,
    /// The body's `message` (else `Message`), if any.
    pub message: Option<String>,
}

#[derive(serde::Deserialize, Default)]
struct ErrorBody<'a> {
    #[serde(default, borrow)]
    code: Option<Cow<'a, str>>,
    #[serde(default, borrow, rename = "Code")]
    code_upper: Option<Cow<'a, str>>,
    #[serde(default, borrow, rename = "__type")]
    type_: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    message: Option<Cow<'a, str>>,
    #[serde(default, borrow, rename = "Message")]
    message_upper: Option<Cow<'a, str>>,
}

/// Strips `namespace#` prefixes and `:suffix` parts from an error code.
///
/// ```
/// use smithy_codegen_runtime::error_metadata::sanitize_error_code;
///
/// assert_eq!(sanitize_error_code("aws.protocoltests#FooError:http://internal"), "FooError");
/// assert_eq!(sanitize_error_code(" FooError "), "FooError");
/// ```
pub fn sanitize_error_code(code: &str) -> &str {
    let code = code.split(':').next().unwrap_or(code);
    let code = code.rsplit('#').next().unwrap_or(code);
    code.trim()
}

impl ErrorMetadata {
    /// Reads the code and message of an error response; a body that is not a
    /// JSON object (empty, HTML from a proxy) yields no code or message of its own.
    pub fn read(headers: &http::HeaderMap, body: &[u8]) -> ErrorMetadata {
        let parsed: ErrorBody<'_> = serde_json::from_slice(body).unwrap_or_default();
        let header = headers.get("x-amzn-errortype").and_then(|v| v.to_str().ok()).map(Cow::Borrowed);
        let code = header
            .or(parsed.code)
            .or(parsed.code_upper)
            .or(parsed.type_)
            .map(|c| sanitize_error_code(&c).to_owned())
            .filter(|c| !c.is_empty());
        ErrorMetadata { code, message: parsed.message.or(parsed.message_upper).map(Cow::into_owned) }
    }

    /// The error for a response that no modeled error matches. A body that
    /// gave no message (an HTML page from a proxy, say) is kept as a snippet.
    pub fn unhandled(self, status: u16, body: &[u8]) -> Unhandled {
        let unreadable = self.message.is_none();
        let error = Unhandled::new(status, self.code, self.message);
        if unreadable {
            error.with_body_snippet(body)
        } else {
            error
        }
    }

    /// The error for a modeled error whose body does not decode; `problem`
    /// says where, and a snippet of the body is kept.
    pub fn undecodable(self, status: u16, problem: String, body: &[u8]) -> Unhandled {
        let message = match self.message {
            Some(message) => format!("{message} ({problem})"),
            None => problem,
        };
        Unhandled::new(status, self.code, Some(message)).with_body_snippet(body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(header: Option<&str>, body: &str) -> ErrorMetadata {
        let mut headers = http::HeaderMap::new();
        if let Some(code) = header {
            headers.insert("x-amzn-errortype", code.parse().unwrap());
        }
        ErrorMetadata::read(&headers, body.as_bytes())
    }

    #[test]
    fn header_wins_over_body_codes() {
        let meta = read(Some("Throttled:extra"), r#"{"code": "A", "__type": "B"}"#);
        assert_eq!(meta.code.as_deref(), Some("Throttled"));
    }

    #[test]
    fn body_codes_in_order() {
        assert_eq!(read(None, r#"{"Code": "A", "__type": "B"}"#).code.as_deref(), Some("A"));
        assert_eq!(read(None, r#"{"__type": "ns#B"}"#).code.as_deref(), Some("B"));
        assert_eq!(read(None, r#"{"__type": ":"}"#).code, None);
    }

    #[test]
    fn lower_case_message_first() {
        assert_eq!(read(None, r#"{"message": "a", "Message": "b"}"#).message.as_deref(), Some("a"));
        assert_eq!(read(None, r#"{"Message": "b"}"#).message.as_deref(), Some("b"));
    }

    #[test]
    fn unreadable_body_is_kept_as_snippet() {
        let error = read(None, "<html>502</html>").unhandled(502, b"<html>502</html>");
        assert_eq!(error.code(), None);
        assert_eq!(error.body_snippet(), Some("<html>502</html>"));
        let error = read(None, r#"{"message": "m"}"#).unhandled(500, b"{}");
        assert_eq!(error.body_snippet(), None);
    }

    #[test]
    fn undecodable_keeps_message_problem_and_snippet() {
        let error = read(Some("E"), r#"{"message": "m"}"#).undecodable(400, "Size: not a number".into(), b"{}");
        assert_eq!(error.message(), Some("m (Size: not a number)"));
        assert_eq!(error.code(), Some("E"));
        assert_eq!(error.body_snippet(), Some("{}"));
    }
}

//! The HTTP responses that restJson1 servers write: JSON bodies, and errors
//! named by the `X-Amzn-ErrorType` header.

use crate::error::Unhandled;

/// Encodes a JSON body.
///
/// # Panics
///
/// When `value`'s `Serialize` impl fails, which the generated types' impls
/// never do: their keys are strings and no custom serializer returns an error.
///
/// ```
/// assert_eq!(smithy_codegen_runtime::response::encode_json(&[1, 2]), b"[1,2]");
/// ```
pub fn encode_json<T: serde::Serialize + ?Sized>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).expect("generated types serialize to JSON")
}

/// A response with a JSON body, its `Content-Length` and, for errors, the
/// `X-Amzn-ErrorType` header (left out when `error_code` cannot be a header
/// value). A status that is not one becomes 500.
///
/// The whole body is at hand, so its length is known; HTTP servers (hyper)
/// keep a `Content-Length` they are given rather than add their own. Statuses
/// that carry no body (1xx, 204, 304) get none, as RFC 9110 asks.
///
/// ```
/// use smithy_codegen_runtime::response::json_response;
///
/// let response = json_response(429, Some("TooManyRequestsException"), b"{}".to_vec());
/// assert_eq!(response.status(), 429);
/// assert_eq!(response.headers()["x-amzn-errortype"], "TooManyRequestsException");
/// assert_eq!(response.headers()["content-type"], "application/json");
/// assert_eq!(response.headers()["content-length"], "2");
/// ```
pub fn json_response(status: u16, error_code: Option<&str>, body: Vec<u8>) -> http::Response<Vec<u8>> {
    let length = body.len();
    let mut response = http::Response::new(body);
    *response.status_mut() = http::StatusCode::from_u16(status).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
    let status = response.status();
    let map = response.headers_mut();
    map.insert(http::header::CONTENT_TYPE, http::HeaderValue::from_static("application/json"));
    let bodiless =
        status.is_informational() || status == http::StatusCode::NO_CONTENT || status == http::StatusCode::NOT_MODIFIED;
    if !bodiless {
        map.insert(http::header::CONTENT_LENGTH, http::HeaderValue::from(length));
    }
    if let Some(code) = error_code {
        if let Ok(v) = http::HeaderValue::from_str(code) {
            map.insert("x-amzn-errortype", v);
        }
    }
    response
}

impl Unhandled {
    /// The error as a response: its status, `X-Amzn-ErrorType` when it has a
    /// code, and a JSON body with its message.
    ///
    /// ```
    /// use smithy_codegen_runtime::error::Unhandled;
    ///
    /// let response = Unhandled::new(418, Some("Teapot".into()), Some("short and stout".into())).to_http_response();
    /// assert_eq!(response.status(), 418);
    /// assert_eq!(response.headers()["x-amzn-errortype"], "Teapot");
    /// assert_eq!(response.body(), br#"{"message":"short and stout"}"#);
    /// ```
    pub fn to_http_response(&self) -> http::Response<Vec<u8>> {
        #[derive(serde::Serialize)]
        struct Body<'a> {
            #[serde(skip_serializing_if = "Option::is_none")]
            message: Option<&'a str>,
        }
        let body = encode_json(&Body { message: self.message() });
        json_response(self.status(), self.code(), body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_status_becomes_500() {
        assert_eq!(json_response(1000, None, Vec::new()).status(), 500);
    }

    #[test]
    fn code_that_is_no_header_value_is_left_out() {
        let response = json_response(400, Some("bad\ncode"), Vec::new());
        assert!(response.headers().get("x-amzn-errortype").is_none());
    }

    #[test]
    fn content_length_is_the_body_length_and_absent_without_a_body() {
        let response = json_response(200, None, Vec::new());
        assert_eq!(response.headers()["content-length"], "0");
        assert_eq!(response.headers().get_all("content-length").iter().count(), 1);
        for status in [100, 204, 304] {
            assert!(json_response(status, None, Vec::new()).headers().get("content-length").is_none(), "{status}");
        }
    }

    #[test]
    fn unhandled_without_message_has_an_empty_object() {
        let response = Unhandled::new(503, None, None).to_http_response();
        assert_eq!(response.body(), b"{}");
        assert!(response.headers().get("x-amzn-errortype").is_none());
    }
}

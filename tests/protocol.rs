//! The restJson1 layer without a network: request encoding, validation,
//! response and error decoding, and the server side.

use lambda_model::operation::get_layer_version::{
    GetLayerVersion, GetLayerVersionError, GetLayerVersionInput, GetLayerVersionOutput,
};
use lambda_model::protocol::{decode_label, encode_label, RequestError};
use lambda_model::types::error::{ResourceNotFoundException, TooManyRequestsException};
use lambda_model::types::ThrottleReason;

const EXAMPLE: &str = include_str!("data/get_layer_version_example.json");
const ARN: &str = "arn:aws:lambda:us-east-2:123456789012:layer:my-layer";

fn input(name: &str, version: i64) -> GetLayerVersionInput {
    GetLayerVersionInput::builder().layer_name(name).version_number(version).build().unwrap()
}

fn response(status: u16, headers: &[(&str, &str)], body: &str) -> http::Response<Vec<u8>> {
    let mut builder = http::Response::builder().status(status);
    for (k, v) in headers {
        builder = builder.header(*k, *v);
    }
    builder.body(body.as_bytes().to_vec()).unwrap()
}

fn request(method: &str, uri: &str) -> http::Request<Vec<u8>> {
    http::Request::builder().method(method).uri(uri).body(Vec::new()).unwrap()
}

#[test]
fn labels_are_encoded_as_single_segments() {
    let table = [
        ("my-layer", "my-layer"),
        (ARN, "arn%3Aaws%3Alambda%3Aus-east-2%3A123456789012%3Alayer%3Amy-layer"),
        ("a b", "a%20b"),
        ("a/b", "a%2Fb"),
        ("a%2Fb", "a%252Fb"),
        ("..", ".."),
        ("ü", "%C3%BC"),
        ("+", "%2B"),
        ("*", "%2A"),
        ("~_.-", "~_.-"),
        ("a?b#c&d=e", "a%3Fb%23c%26d%3De"),
    ];
    for (raw, encoded) in table {
        assert_eq!(encode_label(raw), encoded, "encoding {raw:?}");
        assert_eq!(decode_label(encoded).as_deref(), Some(raw), "decoding {encoded:?}");
    }
    assert_eq!(decode_label("%ZZ"), None);
    assert_eq!(decode_label("%C3"), None, "a lone UTF-8 lead byte is not text");
    assert_eq!(decode_label("%4"), None);
}

#[test]
fn requests_carry_method_and_encoded_path() {
    let table = [
        ("my-layer", "/2018-10-31/layers/my-layer/versions/1"),
        (ARN, "/2018-10-31/layers/arn%3Aaws%3Alambda%3Aus-east-2%3A123456789012%3Alayer%3Amy-layer/versions/1"),
        // The model's pattern is a search, not a full match: these pass validation.
        ("a b", "/2018-10-31/layers/a%20b/versions/1"),
        ("a/b", "/2018-10-31/layers/a%2Fb/versions/1"),
        ("a%2Fb", "/2018-10-31/layers/a%252Fb/versions/1"),
    ];
    for (name, uri) in table {
        let req = input(name, 1).to_http_request().unwrap();
        assert_eq!(req.method(), http::Method::GET);
        assert_eq!(req.uri().to_string(), uri);
        assert!(req.body().is_empty());
        assert!(req.headers().get("content-type").is_none());
        // The server side reads back exactly what was sent.
        let back = GetLayerVersionInput::from_http_request(&req).unwrap();
        assert_eq!(back.layer_name(), name);
        assert_eq!(back.version_number(), 1);
        assert!(GetLayerVersion::matches(&req));
    }
    let req = input("my-layer", -3).to_http_request().unwrap();
    assert_eq!(req.uri().path(), "/2018-10-31/layers/my-layer/versions/-3");
}

#[test]
fn constraints_are_checked_before_sending() {
    let long = "a".repeat(141);
    let err = input(&long, 1).to_http_request().unwrap_err();
    let RequestError::Validation(v) = &err else { panic!("{err:?}") };
    assert_eq!(v.member(), "LayerName");
    assert_eq!(v.path(), "/LayerName");
    assert_eq!(
        v.message(),
        "Value with length 141 at '/LayerName' failed to satisfy constraint: Member must have length between 1 and 140, inclusive"
    );
    assert!(!v.to_string().contains("aaaa"), "the value is not quoted (it may be sensitive): {v}");
    assert!(input(&"a".repeat(140), 1).to_http_request().is_ok());

    let err = input("", 1).to_http_request().unwrap_err();
    assert!(err.to_string().contains("Value with length 0 at '/LayerName'"), "{err}");

    for bad in ["..", "ü", "+", "*", "layer!"] {
        let err = input(bad, 1).to_http_request().unwrap_err();
        assert!(err.to_string().contains("Member must satisfy regular expression pattern"), "{bad:?}: {err}");
    }
}

#[test]
fn success_response_decodes() {
    let out = GetLayerVersionOutput::from_http_response(&response(200, &[], EXAMPLE)).unwrap();
    assert_eq!(out, serde_json::from_str::<GetLayerVersionOutput>(EXAMPLE).unwrap());
    let empty = GetLayerVersionOutput::from_http_response(&response(200, &[], "")).unwrap();
    assert_eq!(empty.version(), 0);
}

#[test]
fn bad_success_body_names_the_field_and_keeps_the_status() {
    let err = GetLayerVersionOutput::from_http_response(&response(200, &[], r#"{"Content": {"CodeSize": "big"}}"#))
        .unwrap_err();
    let GetLayerVersionError::Unhandled(u) = &err else { panic!("{err:?}") };
    assert_eq!(u.status(), 200);
    let message = u.message().unwrap();
    assert!(message.contains("at `Content.CodeSize`"), "{message}");
    let err = GetLayerVersionOutput::from_http_response(&response(200, &[], "<html>")).unwrap_err();
    assert_eq!(err.status(), 200);
    assert!(err.message().unwrap().contains("invalid GetLayerVersionOutput body"));
}

#[test]
fn error_code_sources_in_order() {
    // Header first, cut at ':' and after '#'.
    let err = GetLayerVersionOutput::from_http_response(&response(
        404,
        &[("x-amzn-errortype", "ResourceNotFoundException:http://internal.amazon.com/coral/")],
        r#"{"Type": "User", "Message": "Layer version not found"}"#,
    ))
    .unwrap_err();
    let GetLayerVersionError::ResourceNotFoundException(e) = &err else { panic!("{err:?}") };
    assert_eq!(e.r#type(), Some("User"));
    assert_eq!(e.message(), Some("Layer version not found"));
    assert_eq!(err.status(), 404);
    assert!(!err.is_retryable());
    assert_eq!(err.to_string(), "ResourceNotFoundException: Layer version not found");

    // Body `code`, then `Code`, then `__type` with a namespace.
    for body in [
        r#"{"code": "InvalidParameterValueException", "message": "bad"}"#,
        r#"{"Code": "InvalidParameterValueException", "Message": "bad"}"#,
        r#"{"__type": "com.amazonaws.lambda#InvalidParameterValueException", "message": "bad"}"#,
    ] {
        let err = GetLayerVersionOutput::from_http_response(&response(400, &[], body)).unwrap_err();
        assert!(err.is_invalid_parameter_value_exception(), "{body}: {err:?}");
        assert_eq!(err.message(), Some("bad"), "{body}");
        assert_eq!(err.code(), Some("InvalidParameterValueException"));
    }
}

#[test]
fn throttling_carries_retry_after_and_reason() {
    let err = GetLayerVersionOutput::from_http_response(&response(
        429,
        &[("X-Amzn-ErrorType", "TooManyRequestsException"), ("Retry-After", "7")],
        r#"{"Reason": "CallerRateLimitExceeded", "Type": "User", "message": "Rate exceeded"}"#,
    ))
    .unwrap_err();
    let GetLayerVersionError::TooManyRequestsException(e) = &err else { panic!("{err:?}") };
    assert_eq!(e.retry_after_seconds(), Some("7"));
    assert_eq!(e.reason(), Some(&ThrottleReason::CallerRateLimitExceeded));
    assert_eq!(e.message(), Some("Rate exceeded"));
    assert!(err.is_retryable());

    // Unknown reasons are kept.
    let err = GetLayerVersionOutput::from_http_response(&response(
        429,
        &[("X-Amzn-ErrorType", "TooManyRequestsException")],
        r#"{"Reason": "SomethingNew"}"#,
    ))
    .unwrap_err();
    let GetLayerVersionError::TooManyRequestsException(e) = &err else { panic!("{err:?}") };
    assert_eq!(e.reason().map(|r| r.as_str()), Some("SomethingNew"));
}

#[test]
fn anything_else_is_unhandled_with_status_code_and_message() {
    type Case<'a> = (u16, &'a [(&'a str, &'a str)], &'a str, Option<&'a str>, Option<&'a str>);
    let cases: [Case; 5] = [
        (400, &[], r#"{"__type": "SomeNewException", "message": "new"}"#, Some("SomeNewException"), Some("new")),
        (502, &[], "", None, None),
        (503, &[], "<html><body>Service Unavailable</body></html>", None, None),
        (500, &[("x-amzn-errortype", "")], "{}", None, None),
        (418, &[], r#"{"message": 5}"#, None, None),
    ];
    for (status, headers, body, code, message) in cases {
        let err = GetLayerVersionOutput::from_http_response(&response(status, headers, body)).unwrap_err();
        let GetLayerVersionError::Unhandled(u) = &err else { panic!("{status}: {err:?}") };
        assert_eq!(u.status(), status);
        assert_eq!(u.code(), code, "{status}");
        assert_eq!(u.message(), message, "{status}");
        assert_eq!(err.is_retryable(), status >= 500);
    }
    // A known code whose body does not decode still keeps status, code and message.
    let err = GetLayerVersionOutput::from_http_response(&response(
        429,
        &[("X-Amzn-ErrorType", "TooManyRequestsException")],
        r#"{"message": "slow down", "Reason": 7}"#,
    ))
    .unwrap_err();
    let GetLayerVersionError::Unhandled(u) = &err else { panic!("{err:?}") };
    assert_eq!((u.status(), u.code()), (429, Some("TooManyRequestsException")));
    assert!(u.message().unwrap().starts_with("slow down ("), "{:?}", u.message());
}

#[test]
fn server_parses_requests_and_rejects_bad_ones_with_400() {
    let ok =
        GetLayerVersionInput::from_http_request(&request("GET", "/2018-10-31/layers/my-layer/versions/12")).unwrap();
    assert_eq!((ok.layer_name(), ok.version_number()), ("my-layer", 12));

    let long = format!("/2018-10-31/layers/{}/versions/1", "a".repeat(141));
    let cases = [
        ("POST", "/2018-10-31/layers/my-layer/versions/1", "method POST"),
        ("GET", "/2018-10-31/layers/my-layer/versions/one", "VersionNumber: cannot parse `one`"),
        ("GET", "/2018-10-31/layers/my-layer/versions/", "does not match"),
        ("GET", "/2018-10-31/layers/my-layer", "does not match"),
        ("GET", "/2018-10-31/layers/%FF/versions/1", "does not match"),
        (
            "GET",
            long.as_str(),
            "1 validation error detected. Value with length 141 at '/LayerName' failed to satisfy constraint",
        ),
        (
            "GET",
            "/2018-10-31/layers/layer%21/versions/1",
            "Value at '/LayerName' failed to satisfy constraint: Member must satisfy regular expression pattern",
        ),
    ];
    for (method, uri, expected) in cases {
        let err = GetLayerVersionInput::from_http_request(&request(method, uri)).unwrap_err();
        assert!(err.is_invalid_parameter_value_exception(), "{uri}: {err:?}");
        assert_eq!(err.status(), 400);
        let message = err.message().unwrap_or_default();
        assert!(message.contains(expected), "{uri}: {message}");
        let response = err.to_http_response();
        assert_eq!(response.status(), 400);
        assert_eq!(response.headers()["x-amzn-errortype"], "InvalidParameterValueException");
    }
    assert!(!GetLayerVersion::matches(&request("GET", "/2018-10-31/layers/my-layer")));
    assert!(!GetLayerVersion::matches(&request("DELETE", "/2018-10-31/layers/a/versions/1")));
}

#[test]
fn server_responses_round_trip_through_the_client() {
    let out: GetLayerVersionOutput = serde_json::from_str(EXAMPLE).unwrap();
    let resp = out.to_http_response();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["content-type"], "application/json");
    assert_eq!(GetLayerVersionOutput::from_http_response(&resp).unwrap(), out);

    let throttled = GetLayerVersionError::TooManyRequestsException(
        TooManyRequestsException::builder()
            .retry_after_seconds("3")
            .reason(ThrottleReason::ConcurrentInvocationLimitExceeded)
            .message("slow down")
            .build(),
    );
    let resp = throttled.to_http_response();
    assert_eq!(resp.status(), 429);
    assert_eq!(resp.headers()["retry-after"], "3");
    assert_eq!(resp.headers()["x-amzn-errortype"], "TooManyRequestsException");
    assert_eq!(resp.headers()["content-type"], "application/json");
    let body: serde_json::Value = serde_json::from_slice(resp.body()).unwrap();
    assert_eq!(body, serde_json::json!({"Reason": "ConcurrentInvocationLimitExceeded", "message": "slow down"}));
    assert_eq!(GetLayerVersionOutput::from_http_response(&resp).unwrap_err(), throttled);

    let missing = GetLayerVersionError::ResourceNotFoundException(
        ResourceNotFoundException::builder().message("gone").r#type("User").build(),
    );
    let resp = missing.to_http_response();
    assert_eq!(resp.status(), 404);
    assert_eq!(GetLayerVersionOutput::from_http_response(&resp).unwrap_err(), missing);

    let unhandled = GetLayerVersionError::Unhandled(lambda_model::error::Unhandled::new(
        503,
        Some("Overloaded".into()),
        Some("try later".into()),
    ));
    let resp = unhandled.to_http_response();
    assert_eq!(resp.status(), 503);
    assert_eq!(GetLayerVersionOutput::from_http_response(&resp).unwrap_err(), unhandled);
}

#[test]
fn both_spellings_of_message_keep_the_modeled_error() {
    // botocore: `a` is the error metadata's message, the modeled `Message` member is `b`.
    let body = r#"{"__type":"ServiceException","message":"a","Message":"b"}"#;
    let err = GetLayerVersionOutput::from_http_response(&response(500, &[], body)).unwrap_err();
    let GetLayerVersionError::ServiceException(e) = &err else { panic!("{err:?}") };
    assert_eq!(e.message(), Some("b"));
    assert!(err.is_retryable());

    // A member spelled `message` in the model reads `message`.
    let body = r#"{"__type":"InvalidParameterValueException","message":"a","Message":"b"}"#;
    let err = GetLayerVersionOutput::from_http_response(&response(400, &[], body)).unwrap_err();
    let GetLayerVersionError::InvalidParameterValueException(e) = &err else { panic!("{err:?}") };
    assert_eq!(e.message(), Some("a"));

    // Only the other spelling: the metadata's message fills the modeled member.
    for (body, expected) in [
        (r#"{"__type":"ServiceException","message":"only lower"}"#, "only lower"),
        (r#"{"__type":"ServiceException","Message":"only upper"}"#, "only upper"),
    ] {
        let err = GetLayerVersionOutput::from_http_response(&response(500, &[], body)).unwrap_err();
        let GetLayerVersionError::ServiceException(e) = &err else { panic!("{body}: {err:?}") };
        assert_eq!(e.message(), Some(expected), "{body}");
    }

    // Every key spelling the metadata reads, all at once, still gives the modeled error.
    let body =
        r#"{"code":"ResourceNotFoundException","Code":"X","__type":"Y","message":"a","Message":"b","Type":"User"}"#;
    let err = GetLayerVersionOutput::from_http_response(&response(404, &[], body)).unwrap_err();
    let GetLayerVersionError::ResourceNotFoundException(e) = &err else { panic!("{err:?}") };
    assert_eq!((e.message(), e.r#type()), (Some("b"), Some("User")));
}

#[test]
fn an_unreadable_error_body_is_kept_as_a_bounded_snippet() {
    let html = "<html>\n<head><title>500 Internal Server Error</title></head>\n</html>";
    let err = GetLayerVersionOutput::from_http_response(&response(500, &[], html)).unwrap_err();
    let GetLayerVersionError::Unhandled(u) = &err else { panic!("{err:?}") };
    assert_eq!((u.status(), u.code(), u.message()), (500, None, None));
    assert_eq!(u.body_snippet(), Some(html));
    assert_eq!(
        err.to_string(),
        r#"unhandled error (HTTP 500); body: "<html>\n<head><title>500 Internal Server Error</title></head>\n</html>""#
    );

    // Long bodies keep their first 256 bytes; a character cut in two is left out whole.
    let long = format!("{}é{}", "x".repeat(255), "y".repeat(10_000));
    let err = GetLayerVersionOutput::from_http_response(&response(502, &[], &long)).unwrap_err();
    let GetLayerVersionError::Unhandled(u) = &err else { panic!("{err:?}") };
    assert_eq!(u.body_snippet(), Some("x".repeat(255).as_str()));
    assert!(err.to_string().ends_with("xx\"…"), "{err}");

    // Bytes that are not UTF-8 are replaced; an empty body keeps nothing.
    let invalid = lambda_model::error::Unhandled::new(500, None, None).with_body_snippet(b"bad \xff byte");
    assert_eq!(invalid.body_snippet(), Some("bad \u{fffd} byte"));
    let empty = GetLayerVersionOutput::from_http_response(&response(502, &[], "")).unwrap_err();
    let GetLayerVersionError::Unhandled(u) = &empty else { panic!("{empty:?}") };
    assert_eq!(u.body_snippet(), None);
    assert_eq!(empty.to_string(), "unhandled error (HTTP 502)");

    // A JSON error with a message needs no snippet: the message says it.
    let err = GetLayerVersionOutput::from_http_response(&response(400, &[], r#"{"__type":"New","message":"m"}"#))
        .unwrap_err();
    let GetLayerVersionError::Unhandled(u) = &err else { panic!("{err:?}") };
    assert_eq!(u.body_snippet(), None);

    // A success status whose body is a proxy's page keeps it too.
    let err = GetLayerVersionOutput::from_http_response(&response(200, &[], "<html>login</html>")).unwrap_err();
    let GetLayerVersionError::Unhandled(u) = &err else { panic!("{err:?}") };
    assert_eq!(u.body_snippet(), Some("<html>login</html>"));
}

#[test]
fn http_is_reexported_at_the_version_the_api_uses() {
    let response: lambda_model::http::Response<Vec<u8>> = response(404, &[], "{}");
    assert!(GetLayerVersionOutput::from_http_response(&response).is_err());
}

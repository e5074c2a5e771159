//! The restJson1 layer (feature `http`), in ns per call:
//!
//! - `response_*`: `GetLayerVersionOutput::from_http_response` for the success
//!   case (the documented example body) and for each error case; `response_plain_decode`
//!   is the bare `serde_json::from_slice::<GetLayerVersionOutput>` of the same
//!   success body, so the protocol overhead of the success path is a ratio;
//! - `request_*`: client-side `GetLayerVersionInput::to_http_request` (validation,
//!   label encoding, `http::Request` building);
//! - `server_*`: server-side `GetLayerVersionInput::from_http_request`.
//!
//! Every case is checked once, outside the timing, to take the path it names.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use lambda_model::operation::get_layer_version::{GetLayerVersionError, GetLayerVersionInput, GetLayerVersionOutput};

mod common;

fn response(status: u16, headers: &[(&str, &str)], body: &[u8]) -> http::Response<Vec<u8>> {
    let mut builder = http::Response::builder().status(status);
    for (k, v) in headers {
        builder = builder.header(*k, *v);
    }
    builder.body(body.to_vec()).unwrap()
}

fn request(uri: &str) -> http::Request<Vec<u8>> {
    http::Request::builder().method("GET").uri(uri).body(Vec::new()).unwrap()
}

const JSON: (&str, &str) = ("Content-Type", "application/json");

/// (bench name, response, predicate the outcome must satisfy).
#[allow(clippy::type_complexity)]
fn responses(
) -> Vec<(&'static str, http::Response<Vec<u8>>, fn(&Result<GetLayerVersionOutput, GetLayerVersionError>) -> bool)> {
    vec![
        ("response_success", response(200, &[JSON], common::EXAMPLE_BODY), |r| r.is_ok()),
        (
            "response_invalid_parameter_400",
            response(
                400,
                &[JSON, ("X-Amzn-ErrorType", "InvalidParameterValueException:http://internal.amazon.com/coral/com.amazonaws.lambda/")],
                br#"{"Type":"User","message":"1 validation error detected: Value 'my layer' at 'layerName' failed to satisfy constraint"}"#,
            ),
            |r| matches!(r, Err(GetLayerVersionError::InvalidParameterValueException(_))),
        ),
        (
            "response_not_found_404",
            response(
                404,
                &[JSON, ("X-Amzn-ErrorType", "ResourceNotFoundException")],
                br#"{"Type":"User","Message":"Layer version arn:aws:lambda:us-east-2:123456789012:layer:my-layer:7 does not exist."}"#,
            ),
            |r| matches!(r, Err(GetLayerVersionError::ResourceNotFoundException(_))),
        ),
        (
            "response_service_500",
            response(500, &[JSON, ("X-Amzn-ErrorType", "ServiceException")], br#"{"Type":"Service","Message":"An internal error occurred."}"#),
            |r| matches!(r, Err(GetLayerVersionError::ServiceException(_))),
        ),
        (
            "response_throttled_429",
            response(
                429,
                &[JSON, ("X-Amzn-ErrorType", "TooManyRequestsException"), ("Retry-After", "3")],
                br#"{"Type":"User","message":"Rate exceeded","Reason":"CallerRateLimitExceeded"}"#,
            ),
            |r| matches!(r, Err(GetLayerVersionError::TooManyRequestsException(e)) if e.retry_after_seconds() == Some("3")),
        ),
        (
            "response_unknown_code_502",
            response(
                502,
                &[JSON, ("X-Amzn-ErrorType", "KMSAccessDeniedException")],
                br#"{"Type":"User","Message":"Lambda was unable to decrypt the environment variables because KMS access was denied."}"#,
            ),
            |r| matches!(r, Err(GetLayerVersionError::Unhandled(_))),
        ),
    ]
}

const LAYER_ARN: &str = "arn:aws:lambda:us-east-2:123456789012:layer:my-layer";

fn client_responses(c: &mut Criterion) {
    let mut group = c.benchmark_group("protocol");
    for (name, resp, expected) in responses() {
        assert!(expected(&GetLayerVersionOutput::from_http_response(&resp)), "{name}: unexpected outcome");
        group.bench_function(name, |b| b.iter(|| GetLayerVersionOutput::from_http_response(black_box(&resp))));
    }
    let body = common::EXAMPLE_BODY;
    group.bench_function("response_plain_decode", |b| {
        b.iter(|| serde_json::from_slice::<GetLayerVersionOutput>(black_box(body)).unwrap())
    });

    for (name, layer) in [("request_name", "my-layer"), ("request_arn", LAYER_ARN)] {
        let input = GetLayerVersionInput::builder().layer_name(layer).version_number(1).build().unwrap();
        let req = input.to_http_request().expect("a valid input builds a request");
        assert!(req.uri().path().starts_with("/2018-10-31/layers/"), "{name}: {}", req.uri());
        group.bench_function(name, |b| b.iter(|| black_box(&input).to_http_request().unwrap()));
    }

    for (name, layer) in [("server_name", "my-layer"), ("server_arn", LAYER_ARN)] {
        let input = GetLayerVersionInput::builder().layer_name(layer).version_number(1).build().unwrap();
        let req = request(&input.to_http_request().unwrap().uri().to_string());
        let parsed = GetLayerVersionInput::from_http_request(&req).expect("the server parses what the client built");
        assert_eq!(parsed, input, "{name}: round trip");
        group.bench_function(name, |b| b.iter(|| GetLayerVersionInput::from_http_request(black_box(&req)).unwrap()));
    }
    group.finish();
}

criterion_group!(benches, client_responses);
criterion_main!(benches);

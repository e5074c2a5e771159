//! Shape types and traits of the whole Lambda model, with every operation
//! enabled (`--features full`): timestamps, blobs, doubles, sensitive members,
//! idempotency tokens, payloads and status codes.
#![cfg(all(feature = "full", feature = "http"))]

use lambda_model::operation::checkpoint_durable_execution::CheckpointDurableExecutionInput;
use lambda_model::operation::invoke::{InvokeInput, InvokeOutput};
use lambda_model::operation::list_durable_executions_by_function::ListDurableExecutionsByFunctionInput;
use lambda_model::primitives::{Blob, DateTime, TimestampFormat};
use lambda_model::types::{EnvironmentResponse, FunctionCode, TargetTrackingScalingPolicy};

#[test]
fn timestamps_travel_as_epoch_seconds_in_bodies_and_date_time_in_queries() {
    let at = DateTime::from_secs_and_nanos(1_542_236_632, 894_000_000);
    let input =
        ListDurableExecutionsByFunctionInput::builder().function_name("my-function").started_after(at).build().unwrap();
    let request = input.to_http_request().unwrap();
    let query = request.uri().query().unwrap();
    assert!(query.contains("StartedAfter=2018-11-14T23%3A03%3A52.894Z"), "{query}");
    let back = ListDurableExecutionsByFunctionInput::from_http_request(&request).unwrap();
    assert_eq!(back.started_after, Some(at));

    assert_eq!(serde_json::to_string(&at).unwrap(), "1542236632.894");
    assert_eq!(serde_json::from_str::<DateTime>("1542236632").unwrap(), DateTime::from_secs(1_542_236_632));
    assert_eq!(at.fmt(TimestampFormat::HttpDate), "Wed, 14 Nov 2018 23:03:52 GMT");
    assert_eq!(
        DateTime::parse("Wed, 14 Nov 2018 23:03:52 GMT", TimestampFormat::HttpDate),
        Some(DateTime::from_secs(1_542_236_632))
    );
    assert!(serde_json::from_str::<DateTime>("\"yesterday\"").is_err());
}

#[test]
fn blobs_are_base64_in_json_and_raw_as_payloads() {
    let code = FunctionCode::builder().zip_file(Blob::new(b"PK\x03\x04zip".to_vec())).build();
    let json = serde_json::to_string(&code).unwrap();
    assert_eq!(json, r#"{"ZipFile":"UEsDBHppcA=="}"#);
    assert_eq!(serde_json::from_str::<FunctionCode>(&json).unwrap(), code);
    assert!(serde_json::from_str::<FunctionCode>(r#"{"ZipFile":"not base64!"}"#).is_err());

    // Invoke's payload is the raw HTTP body both ways.
    let input = InvokeInput::builder()
        .function_name("my-function")
        .payload(Blob::new(br#"{"hello":"world"}"#.to_vec()))
        .build()
        .unwrap();
    let request = input.to_http_request().unwrap();
    assert_eq!(request.body(), br#"{"hello":"world"}"#);
    let response = http::Response::builder()
        .status(200)
        .header("X-Amz-Executed-Version", "$LATEST")
        .body(br#""done""#.to_vec())
        .unwrap();
    let output = InvokeOutput::from_http_response(&response).unwrap();
    assert_eq!(output.payload.as_ref().map(Blob::as_bytes), Some(&br#""done""#[..]));
    assert_eq!(output.status_code, 200, "httpResponseCode comes from the status line");
    assert_eq!(output.executed_version.as_deref(), Some("$LATEST"));
    let served = output.to_http_response();
    assert_eq!(served.status(), 200);
    assert_eq!(served.body(), br#""done""#);
}

#[test]
fn doubles_that_json_cannot_spell_travel_as_strings() {
    for (value, text) in
        [(f64::NAN, r#""NaN""#), (f64::INFINITY, r#""Infinity""#), (f64::NEG_INFINITY, r#""-Infinity""#)]
    {
        let policy: TargetTrackingScalingPolicy = serde_json::from_str(&format!(
            r#"{{"PredefinedMetricType":"LambdaCapacityProviderAverageCPUUtilization","TargetValue":{text}}}"#
        ))
        .unwrap();
        let back = serde_json::to_string(&policy).unwrap();
        assert!(back.contains(&format!(r#""TargetValue":{text}"#)), "{back}");
        assert_eq!(policy.target_value.is_nan(), value.is_nan());
    }
}

#[test]
fn sensitive_members_are_redacted_in_debug() {
    let env: EnvironmentResponse = serde_json::from_str(r#"{"Variables": {"DB_PASSWORD": "hunter2"}}"#).unwrap();
    let debug = format!("{env:?}");
    assert!(!debug.contains("hunter2") && !debug.contains("DB_PASSWORD"), "{debug}");
    assert!(debug.contains("*** Sensitive Data Redacted ***"), "{debug}");
    // The value itself is intact.
    assert_eq!(env.variables.as_ref().unwrap()["DB_PASSWORD"], "hunter2");
}

#[test]
fn idempotency_tokens_are_filled_when_absent() {
    let without = CheckpointDurableExecutionInput::builder()
        .durable_execution_arn("arn:aws:lambda:us-east-1:123456789012:function:f:1/durable-execution/a/b")
        .checkpoint_token("t")
        .build()
        .unwrap();
    let body = |input: &CheckpointDurableExecutionInput| -> serde_json::Value {
        serde_json::from_slice(input.to_http_request().unwrap().body()).unwrap()
    };
    let first = body(&without)["ClientToken"].as_str().unwrap().to_string();
    let second = body(&without)["ClientToken"].as_str().unwrap().to_string();
    assert_ne!(first, second, "each request gets a fresh token");
    assert_eq!(first.len(), 36);
    assert_eq!(&first[14..15], "4", "a version 4 UUID: {first}");
    let mut with = without.clone();
    with.client_token = Some("mine".into());
    assert_eq!(body(&with)["ClientToken"], "mine");
}

//! GetLayerVersionByArn (a query-bound ARN, the same output as GetLayerVersion)
//! works beside GetLayerVersion when both features are enabled.
#![cfg(all(feature = "http", feature = "get-layer-version", feature = "get-layer-version-by-arn"))]

use lambda_model::operation::get_layer_version::{GetLayerVersion, GetLayerVersionOutput};
use lambda_model::operation::get_layer_version_by_arn::{
    GetLayerVersionByArn, GetLayerVersionByArnError, GetLayerVersionByArnInput, GetLayerVersionByArnOutput,
};

const ARN: &str = "arn:aws:lambda:us-east-2:123456789012:layer:my-layer:1";
const EXAMPLE: &str = include_str!("data/get_layer_version_example.json");

#[test]
fn request_carries_the_arn_in_the_query() {
    let input = GetLayerVersionByArnInput::builder().arn(ARN).build().unwrap();
    let request = input.to_http_request().unwrap();
    assert_eq!(request.method(), http::Method::GET);
    assert_eq!(
        request.uri().to_string(),
        "/2018-10-31/layers?find=LayerVersion&Arn=arn%3Aaws%3Alambda%3Aus-east-2%3A123456789012%3Alayer%3Amy-layer%3A1"
    );
    assert!(GetLayerVersionByArn::matches(&request));
    assert!(!GetLayerVersion::matches(&request));
    let back = GetLayerVersionByArnInput::from_http_request(&request).unwrap();
    assert_eq!(back, input);
}

#[test]
fn the_arn_is_validated_on_both_sides() {
    let bad = GetLayerVersionByArnInput::builder().arn("my-layer").build().unwrap();
    let err = bad.to_http_request().unwrap_err();
    assert!(
        err.to_string()
            .contains("Value at '/Arn' failed to satisfy constraint: Member must satisfy regular expression pattern"),
        "{err}"
    );

    let request = http::Request::get("/2018-10-31/layers?find=LayerVersion").body(Vec::new()).unwrap();
    let err = GetLayerVersionByArnInput::from_http_request(&request).unwrap_err();
    assert!(matches!(err, GetLayerVersionByArnError::InvalidParameterValueException(_)), "{err:?}");
    assert!(err.to_string().contains("Value at '/Arn' failed to satisfy constraint: Member must not be null"), "{err}");

    let without_find = http::Request::get(format!("/2018-10-31/layers?Arn={ARN}")).body(Vec::<u8>::new()).unwrap();
    assert!(!GetLayerVersionByArn::matches(&without_find));
}

#[test]
fn both_outputs_decode_the_same_body() {
    let response = http::Response::builder().status(200).body(EXAMPLE.as_bytes().to_vec()).unwrap();
    let by_arn = GetLayerVersionByArnOutput::from_http_response(&response).unwrap();
    let by_name = GetLayerVersionOutput::from_http_response(&response).unwrap();
    assert_eq!(by_arn.layer_version_arn(), Some(ARN));
    assert_eq!(by_arn.layer_version_arn(), by_name.layer_version_arn());
    assert_eq!(by_arn.version(), 1);
    assert_eq!(serde_json::to_value(&by_arn).unwrap(), serde_json::to_value(&by_name).unwrap());
}

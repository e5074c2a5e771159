//! Inputs and the hand-written baseline shared by the `wire` and `memory` benches.
//!
//! Not a bench target of its own: Cargo only discovers `benches/*.rs` and
//! `benches/*/main.rs`.

#![allow(dead_code)]

use serde::{Deserialize, Serialize};

/// The documented example response body of `GetLayerVersion`.
pub const EXAMPLE_BODY: &[u8] = include_bytes!("../../tests/data/get_layer_version_example.json");

/// The large body's fixed parts, exposed for the report (and asserted by `large_body`).
pub const DESCRIPTION_LEN: usize = 256;
pub const LICENSE_INFO_LEN: usize = 512;
pub const LOCATION_LEN: usize = 10_000;
pub const CODE_SHA256_LEN: usize = 44;
/// `LayerArn` is as long as a layer name may be (`LayerName` is at most 140
/// characters, ARN form included); the version ARN appends `:15`. Both are
/// well-formed ARNs that match the model's patterns, far below the 2048 the
/// `LayerArn`/`LayerVersionArn` shapes would allow.
pub const LAYER_ARN_LEN: usize = 140;

/// Fifteen runtimes (the model's maximum for `CompatibleRuntimes`).
pub const RUNTIMES: [&str; 15] = [
    "nodejs18.x",
    "nodejs20.x",
    "nodejs22.x",
    "java17",
    "java21",
    "python3.9",
    "python3.10",
    "python3.11",
    "python3.12",
    "python3.13",
    "dotnet8",
    "ruby3.3",
    "ruby3.4",
    "provided.al2",
    "provided.al2023",
];

/// Both architectures (the model's maximum for `CompatibleArchitectures`).
pub const ARCHITECTURES: [&str; 2] = ["x86_64", "arm64"];

/// Repeats `alphabet` until the text is exactly `len` bytes long (ASCII only).
fn filler(alphabet: &str, len: usize) -> String {
    alphabet.chars().cycle().take(len).collect()
}

/// Pads `prefix` with `alphabet` to exactly `len` bytes.
fn padded(prefix: &str, alphabet: &str, len: usize) -> String {
    assert!(prefix.len() <= len, "prefix longer than {len}");
    let mut s = prefix.to_owned();
    s.push_str(&filler(alphabet, len - prefix.len()));
    s
}

/// A `GetLayerVersion` response with every optional member present and at its
/// maximum length from the model (see the constants above), as compact JSON.
pub fn large_body() -> Vec<u8> {
    let arn_prefix = "arn:aws:lambda:us-east-2:123456789012:layer:";
    let layer_arn =
        padded(&format!("{arn_prefix}shared-observability-"), "abcdefghijklmnopqrstuvwxyz0123456789-_", LAYER_ARN_LEN);
    let layer_version_arn = format!("{layer_arn}:15");
    let description = padded(
        "OpenTelemetry collector, structured logging and metrics helpers shared by every team's functions. ",
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ",
        DESCRIPTION_LEN,
    );
    let license_info = padded(
        "Apache-2.0 AND MIT AND BSD-3-Clause. Copyright (c) Example Corp. ",
        "Permission is hereby granted, free of charge, to any person obtaining a copy. ",
        LICENSE_INFO_LEN,
    );
    // A presigned S3 URL; the security token makes up the bulk of real ones.
    let location = padded(
        "https://awslambda-us-east-2-layers.s3.us-east-2.amazonaws.com/snapshots/123456789012/\
         shared-observability-4aaa2fbb-ff77-4b0a-ad92-5b78a716a96a?versionId=27iWyA73cCAYqyH\
         &X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20181114T230352Z&X-Amz-SignedHeaders=host\
         &X-Amz-Expires=600&X-Amz-Credential=ASIAEXAMPLE%2F20181114%2Fus-east-2%2Fs3%2Faws4_request\
         &X-Amz-Signature=0b4ea1f1b2a1c1d8e0f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5\
         &X-Amz-Security-Token=",
        "IQoJb3JpZ2luX2VjEJr%2F%2F%2F%2F%2FwEaCXVzLWVhc3QtMiJHMEUCIQDexample",
        LOCATION_LEN,
    );
    let code_sha256 = "tv9jJO+rPbXUUXuRKi7CwHzKtLDkDRJLB3cC3Z/ouXo=";
    assert_eq!(code_sha256.len(), CODE_SHA256_LEN);
    let body = serde_json::json!({
        "Content": {
            "Location": location,
            "CodeSha256": code_sha256,
            "CodeSize": 52_428_800,
            "SigningProfileVersionArn": "arn:aws:signer:us-east-2:123456789012:/signing-profiles/SharedObservabilityProfile/a1B2c3D4e5",
            "SigningJobArn": "arn:aws:signer:us-east-2:123456789012:/signing-jobs/2c3d2d5c-4f5e-4b8a-9f6d-0c1e2b3a4d5f",
        },
        "LayerArn": layer_arn,
        "LayerVersionArn": layer_version_arn,
        "Description": description,
        "CreatedDate": "2024-11-14T23:03:52.894+0000",
        "Version": 15,
        "CompatibleArchitectures": ARCHITECTURES,
        "CompatibleRuntimes": RUNTIMES,
        "LicenseInfo": license_info,
    });
    let bytes = serde_json::to_vec(&body).expect("a JSON value serializes");
    debug_assert!(bytes.len() > LOCATION_LEN);
    bytes
}

/// The baseline: what one would write by hand without a model, plain serde
/// derives, `String` for runtimes and architectures, `Option` for every member.
/// `skip_serializing_if` makes it write the same bytes as the generated type.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct PlainOutput {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<PlainContent>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layer_arn: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layer_version_arn: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compatible_architectures: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compatible_runtimes: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license_info: Option<String>,
}

/// The baseline's `Content`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct PlainContent {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_sha256: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_size: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signing_profile_version_arn: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signing_job_arn: Option<String>,
}

/// The bodies every wire bench runs on: (name, compact JSON bytes).
pub fn bodies() -> Vec<(&'static str, Vec<u8>)> {
    vec![("example", EXAMPLE_BODY.to_vec()), ("large", large_body())]
}

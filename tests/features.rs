//! Cargo.toml has exactly one feature per operation of the model, and `full`
//! enables them all; `cargo lambda-features` prints the list.

use std::collections::BTreeSet;

fn model_features() -> BTreeSet<String> {
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/model/lambda.json")).expect("model");
    smithy_codegen::operation_names(&bytes)
        .expect("the model resolves to one service")
        .iter()
        .map(|name| smithy_codegen::render::names::cargo_feature(name))
        .collect()
}

/// `(name, value)` of each entry of the `[features]` table (values may span lines).
fn manifest_features() -> Vec<(String, String)> {
    let manifest = include_str!("../Cargo.toml");
    let table = manifest.split("[features]").nth(1).expect("a [features] table");
    let table = table.split("\n[").next().unwrap_or(table);
    let mut entries: Vec<(String, String)> = Vec::new();
    for line in table.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        match line.split_once(" = ") {
            Some((name, value)) => entries.push((name.to_string(), value.to_string())),
            None => entries.last_mut().expect("a continuation line follows an entry").1.push_str(line),
        }
    }
    entries
}

#[test]
fn one_feature_per_operation() {
    let expected = model_features();
    assert_eq!(expected.len(), 85, "the Lambda model has 85 operations");
    let entries = manifest_features();
    // An operation feature enables nothing but, at most, the runtime features
    // its closure needs (`idempotency-token` for CheckpointDurableExecution).
    let is_operation_feature = |value: &str| {
        let inner = value.trim_start_matches('[').trim_end_matches(']');
        inner.split(", ").filter(|f| !f.is_empty()).all(|f| f.starts_with("\"smithy-codegen-runtime/"))
    };
    let operation_features: BTreeSet<String> =
        entries.iter().filter(|(_, value)| is_operation_feature(value)).map(|(name, _)| name.clone()).collect();
    assert_eq!(operation_features, expected, "refresh the list with `cargo lambda-features`");
    let full = &entries.iter().find(|(name, _)| name == "full").expect("a `full` feature").1;
    for feature in &expected {
        assert!(full.contains(&format!("\"{feature}\"")), "`full` lacks {feature}");
    }
    let default = &entries.iter().find(|(name, _)| name == "default").expect("default").1;
    assert_eq!(default, r#"["http", "get-layer-version"]"#);
}

/// Operations whose input has an idempotency token enable the runtime's
/// `idempotency-token` feature (their generated code calls it), and no other
/// operation feature does (it pulls `uuid` and `getrandom`). Lambda has no
/// tokens deeper than an input's own members.
#[test]
fn operations_with_idempotency_tokens_enable_the_runtime_feature() {
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/model/lambda.json")).expect("model");
    let model: serde_json::Value = serde_json::from_slice(&bytes).expect("the model is JSON");
    let shapes = model["shapes"].as_object().expect("shapes");
    let has_token = |id: &str| {
        shapes[id]["members"]
            .as_object()
            .is_some_and(|members| members.values().any(|m| m["traits"].get("smithy.api#idempotencyToken").is_some()))
    };
    let expected: BTreeSet<String> = shapes
        .iter()
        .filter(|(_, shape)| shape["type"] == "operation")
        .filter(|(_, shape)| shape["input"]["target"].as_str().is_some_and(has_token))
        .map(|(id, _)| smithy_codegen::render::names::cargo_feature(id.rsplit('#').next().expect("a name")))
        .collect();
    assert!(!expected.is_empty(), "Lambda has operations with idempotency tokens");
    let enabling: BTreeSet<String> = manifest_features()
        .into_iter()
        .filter(|(name, value)| name != "full" && value.contains("\"smithy-codegen-runtime/idempotency-token\""))
        .map(|(name, _)| name)
        .collect();
    assert_eq!(enabling, expected);
}

/// Operations whose input or output has an event stream (a member targeting a
/// `@streaming` union) enable the runtime's `event-stream` feature (their
/// generated code decodes and encodes events with it), and no other operation
/// feature does. Lambda's event streams are top-level members.
#[test]
fn operations_with_event_streams_enable_the_runtime_feature() {
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/model/lambda.json")).expect("model");
    let model: serde_json::Value = serde_json::from_slice(&bytes).expect("the model is JSON");
    let shapes = model["shapes"].as_object().expect("shapes");
    let is_event_stream = |id: &str| {
        shapes.get(id).is_some_and(|s| s["type"] == "union" && s["traits"].get("smithy.api#streaming").is_some())
    };
    let has_stream = |id: Option<&str>| {
        // Units (`smithy.api#Unit`) are no shapes of the model.
        id.and_then(|id| shapes.get(id))
            .and_then(|shape| shape["members"].as_object())
            .is_some_and(|members| members.values().any(|m| m["target"].as_str().is_some_and(is_event_stream)))
    };
    let expected: BTreeSet<String> = shapes
        .iter()
        .filter(|(_, shape)| shape["type"] == "operation")
        .filter(|(_, shape)| {
            has_stream(shape["input"]["target"].as_str()) || has_stream(shape["output"]["target"].as_str())
        })
        .map(|(id, _)| smithy_codegen::render::names::cargo_feature(id.rsplit('#').next().expect("a name")))
        .collect();
    assert_eq!(expected, BTreeSet::from(["invoke-with-response-stream".to_string()]));
    let enabling: BTreeSet<String> = manifest_features()
        .into_iter()
        .filter(|(name, value)| name != "full" && value.contains("\"smithy-codegen-runtime/event-stream\""))
        .map(|(name, _)| name)
        .collect();
    assert_eq!(enabling, expected);
}

/// Operations with `httpChecksumRequired` or `requestCompression` would need
/// the runtime's `content-md5` or `request-compression` feature (their
/// generated code calls it). Lambda has none, so no feature enables them and
/// its dependency tree stays without `md-5` and `flate2`.
#[test]
fn no_lambda_operation_needs_checksums_or_compression() {
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/model/lambda.json")).expect("model");
    let model: serde_json::Value = serde_json::from_slice(&bytes).expect("the model is JSON");
    let shapes = model["shapes"].as_object().expect("shapes");
    let needing: Vec<&String> = shapes
        .iter()
        .filter(|(_, shape)| shape["type"] == "operation")
        .filter(|(_, shape)| {
            let traits = &shape["traits"];
            traits.get("smithy.api#httpChecksumRequired").is_some()
                || traits.get("smithy.api#requestCompression").is_some()
        })
        .map(|(id, _)| id)
        .collect();
    assert!(needing.is_empty(), "give these operations' features the runtime features they need: {needing:?}");
    let enabling: Vec<String> = manifest_features()
        .into_iter()
        .filter(|(_, value)| value.contains("/content-md5\"") || value.contains("/request-compression\""))
        .map(|(name, _)| name)
        .collect();
    assert!(enabling.is_empty(), "{enabling:?}");
}

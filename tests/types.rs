//! The generated GetLayerVersion types: decoding, encoding, builders and enums.

use lambda_model::error::BuildError;
use lambda_model::operation::get_layer_version::{GetLayerVersionInput, GetLayerVersionOutput};
use lambda_model::types::{Architecture, LayerVersionContentOutput, Runtime, ThrottleReason};

const EXAMPLE: &str = include_str!("data/get_layer_version_example.json");

fn example() -> GetLayerVersionOutput {
    serde_json::from_str(EXAMPLE).expect("the documented example decodes")
}

#[test]
fn documented_example_decodes_into_every_field() {
    let out = example();
    assert_eq!(out.compatible_runtimes(), &[Runtime::Python36, Runtime::Python37]);
    let content = out.content().expect("Content is present");
    assert_eq!(content.code_sha256(), Some("tv9jJO+rPbXUUXuRKi7CwHzKtLDkDRJLB3cC3Z/ouXo="));
    assert_eq!(content.code_size(), 169);
    assert_eq!(
        content.location(),
        Some("https://awslambda-us-east-2-layers.s3.us-east-2.amazonaws.com/snapshots/123456789012/my-layer-4aaa2fbb-ff77-4b0a-ad92-5b78a716a96a?versionId=27iWyA73cCAYqyH...")
    );
    assert_eq!(content.signing_profile_version_arn(), None);
    assert_eq!(content.signing_job_arn(), None);
    assert_eq!(out.created_date(), Some("2018-11-14T23:03:52.894+0000"));
    assert_eq!(out.description(), Some("My Python layer"));
    assert_eq!(out.layer_arn(), Some("arn:aws:lambda:us-east-2:123456789012:layer:my-layer"));
    assert_eq!(out.layer_version_arn(), Some("arn:aws:lambda:us-east-2:123456789012:layer:my-layer:1"));
    assert_eq!(out.license_info(), Some("MIT"));
    assert_eq!(out.version(), 1);
    assert_eq!(out.compatible_architectures(), &[] as &[Architecture]);
    assert_eq!(out.compatible_architectures, None);

    let created = out.created_date_time().expect("present").expect("parses");
    assert_eq!(created.unix_timestamp(), 1_542_236_632);
    assert_eq!(created.millisecond(), 894);
}

#[test]
fn documented_example_reencodes() {
    let out = example();
    let value = serde_json::to_value(&out).unwrap();
    // Absent optionals are not written; the defaulted Version and CodeSize are.
    insta::assert_json_snapshot!("get_layer_version_example_reencoded", value);
    // Re-encoding loses nothing: the same JSON value as the documented bytes.
    let original: serde_json::Value = serde_json::from_str(EXAMPLE).unwrap();
    assert_eq!(value, original);
    let again: GetLayerVersionOutput = serde_json::from_value(value).unwrap();
    assert_eq!(again, out);
}

#[test]
fn null_reads_as_absent_and_unknown_fields_are_ignored() {
    let out: GetLayerVersionOutput = serde_json::from_str(
        r#"{"Description": null, "Version": null, "Content": {"CodeSize": null}, "SomethingNew": {"a": [1]}}"#,
    )
    .unwrap();
    assert_eq!(out.description, None);
    assert_eq!(out.version, 0);
    assert_eq!(out.content.as_ref().map(|c| c.code_size), Some(0));
    let empty: GetLayerVersionOutput = serde_json::from_str("{}").unwrap();
    assert_eq!(serde_json::to_string(&empty).unwrap(), r#"{"Version":0}"#);
}

#[test]
fn bad_field_types_name_the_field() {
    let err = serde_json::from_str::<GetLayerVersionOutput>(r#"{"Version": "one"}"#).unwrap_err();
    assert!(err.to_string().contains("invalid type: string \"one\", expected i64"), "{err}");
    let err = serde_json::from_str::<GetLayerVersionOutput>(r#"{"Content": {"CodeSize": 1e400}}"#).unwrap_err();
    assert!(err.to_string().contains("number out of range"), "{err}");
    let err = serde_json::from_str::<GetLayerVersionInput>(r#"{"VersionNumber": 1}"#).unwrap_err();
    assert!(err.to_string().contains("missing field `LayerName`"), "{err}");
}

#[test]
fn unknown_enum_values_round_trip_byte_for_byte() {
    let body = r#"{"CompatibleRuntimes":["python3.12","python9.9","Python3.12 ","ünï"],"CompatibleArchitectures":["riscv64"],"Version":2}"#;
    let out: GetLayerVersionOutput = serde_json::from_str(body).unwrap();
    assert_eq!(out.compatible_runtimes()[0], Runtime::Python312);
    assert_eq!(out.compatible_runtimes()[1].as_str(), "python9.9");
    assert!(matches!(out.compatible_runtimes()[2], Runtime::Unknown(_)));
    assert_eq!(out.compatible_architectures()[0].as_str(), "riscv64");
    // Fields are written in model order; every enum string comes back unchanged.
    assert_eq!(
        serde_json::to_string(&out).unwrap(),
        r#"{"Version":2,"CompatibleArchitectures":["riscv64"],"CompatibleRuntimes":["python3.12","python9.9","Python3.12 ","ünï"]}"#
    );
}

#[test]
fn enums_convert_like_aws_sdk() {
    assert_eq!(Runtime::from("python9.9").as_str(), "python9.9");
    assert_eq!("python3.12".parse::<Runtime>(), Ok(Runtime::Python312));
    assert_eq!("nodejs4.3-edge".parse::<Runtime>(), Ok(Runtime::Nodejs43edge));
    assert_eq!(Runtime::from("java8.al2"), Runtime::Java8al2);
    assert_eq!(Runtime::from("provided.al2023"), Runtime::Providedal2023);
    assert_eq!(Runtime::from("go1.x"), Runtime::Go1x);
    assert_eq!(Runtime::from("nodejs10.x"), Runtime::Nodejs10x);
    assert_eq!(Architecture::from("x86_64"), Architecture::X8664);
    assert_eq!(Architecture::from("arm64"), Architecture::Arm64);
    assert_eq!(Runtime::values().len(), 46);
    assert_eq!(Runtime::values()[0], "nodejs");
    assert_eq!(Runtime::values()[45], "provided.al2023");
    for value in Runtime::values() {
        let parsed = Runtime::try_parse(value).expect("known values parse strictly");
        assert_eq!(parsed.as_str(), *value);
        assert!(!matches!(parsed, Runtime::Unknown(_)));
    }
    let err = Runtime::try_parse("python9.9").unwrap_err();
    assert_eq!(err.to_string(), "`python9.9` is not a known Runtime value");
    assert_eq!(Runtime::Python312.to_string(), "python3.12");
    assert_eq!(ThrottleReason::values().len(), 6);
}

#[test]
fn builders_name_the_missing_required_member() {
    let err: BuildError = GetLayerVersionInput::builder().version_number(1).build().unwrap_err();
    assert_eq!(err.member(), "LayerName");
    assert_eq!(err.field(), "layer_name");
    assert_eq!(
        err.to_string(),
        "missing required member `LayerName` (field `layer_name`) when building `GetLayerVersionInput`"
    );
    let err = GetLayerVersionInput::builder().layer_name("my-layer").build().unwrap_err();
    assert_eq!(err.member(), "VersionNumber");

    let input = GetLayerVersionInput::builder().layer_name("my-layer").version_number(1).build().unwrap();
    assert_eq!(input.layer_name(), "my-layer");
    assert_eq!(input.version_number, 1);

    let output = GetLayerVersionOutput::builder()
        .content(LayerVersionContentOutput::builder().code_size(169).build())
        .compatible_runtimes(Runtime::Python312)
        .compatible_runtimes(Runtime::from("python9.9"))
        .build();
    assert_eq!(output.version, 0);
    assert_eq!(output.compatible_runtimes().len(), 2);
    assert_eq!(output.content().map(|c| c.code_size()), Some(169));
}

#[test]
fn bad_timestamps_are_errors() {
    let out: GetLayerVersionOutput = serde_json::from_str(r#"{"CreatedDate": "last tuesday"}"#).unwrap();
    let err = out.created_date_time().unwrap().unwrap_err();
    assert_eq!(err.value(), "last tuesday");
    let rfc: GetLayerVersionOutput = serde_json::from_str(r#"{"CreatedDate": "2018-11-14T23:03:52.894Z"}"#).unwrap();
    assert_eq!(rfc.created_date_time().unwrap().unwrap().unix_timestamp(), 1_542_236_632);
}

#[test]
fn date_time_displays_as_aws_smithy_types_does() {
    use lambda_model::primitives::{DateTime, TimestampFormat};
    // RFC 3339 in UTC; the fraction only when non-zero, in microseconds, without trailing zeros.
    assert_eq!(DateTime::from_secs(0).to_string(), "1970-01-01T00:00:00Z");
    assert_eq!(DateTime::from_secs_and_nanos(1_542_236_632, 894_000_000).to_string(), "2018-11-14T23:03:52.894Z");
    assert_eq!(DateTime::from_secs_and_nanos(1_542_236_632, 123_456_789).to_string(), "2018-11-14T23:03:52.123456Z");
    assert_eq!(DateTime::from_secs_and_nanos(1_542_236_632, 999).to_string(), "2018-11-14T23:03:52Z");
    assert_eq!(DateTime::from_secs(-1).to_string(), "1969-12-31T23:59:59Z");
    // Years RFC 3339 cannot write fall back to epoch seconds.
    assert_eq!(DateTime::from_secs(253_402_300_800).to_string(), "253402300800");
    assert_eq!(DateTime::from_secs_and_nanos(-62_135_596_801, 500_000_000).to_string(), "-62135596800.5");
    assert_eq!(DateTime::from_secs_and_nanos(-1, 500_000_000).fmt(TimestampFormat::EpochSeconds), "-0.5");
}

#[test]
fn date_time_constructors_and_accessors_match_aws_smithy_types() {
    use lambda_model::primitives::DateTime;
    assert_eq!(DateTime::from_millis(1_700_000_000_500), DateTime::from_secs_and_nanos(1_700_000_000, 500_000_000));
    assert_eq!(DateTime::from_millis(-1), DateTime::from_secs_and_nanos(-1, 999_000_000));
    assert_eq!(DateTime::from_secs_f64(-0.25), DateTime::from_secs_and_nanos(-1, 750_000_000));
    assert_eq!(DateTime::from_secs_f64(f64::NAN), DateTime::from_secs(0));
    assert_eq!(DateTime::from_secs_and_nanos(-1, 750_000_000).as_nanos(), -250_000_000);
    assert!(DateTime::from_millis(1).has_subsec_nanos() && !DateTime::from_secs(1).has_subsec_nanos());
}

#[test]
fn structures_read_json_objects_only_whatever_the_call_path() {
    use serde::Deserialize;
    // serde's derives would fill the fields from an array by position; the
    // trait's own `deserialize` (the only one there is) refuses it.
    let mut de = serde_json::Deserializer::from_str(r#"["arn", 1]"#);
    let error = <LayerVersionContentOutput as Deserialize>::deserialize(&mut de).expect_err("an array is no object");
    assert!(error.to_string().contains("expected struct LayerVersionContentOutput"), "{error}");
    let mut de = serde_json::Deserializer::from_str(r#"[null, "arn", "arn", "", "2018", 3]"#);
    assert!(GetLayerVersionOutput::deserialize(&mut de).is_err());
    let mut de = serde_json::Deserializer::from_str(r#"{"Version": 3}"#);
    assert_eq!(GetLayerVersionOutput::deserialize(&mut de).expect("an object decodes").version(), 3);
}

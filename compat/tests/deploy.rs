//! Ports of deploy-tool code written against aws-sdk-lambda: building a
//! CreateFunction request and reading a function's configuration back. Only
//! client calls are left out; everything else is as an SDK user writes it.

use std::collections::HashMap;

use aws_sdk_lambda::operation::create_function::CreateFunctionInput;
use aws_sdk_lambda::operation::get_function::GetFunctionOutput;
use aws_sdk_lambda::primitives::Blob;
use aws_sdk_lambda::types::{
    Architecture, Environment, FunctionCode, FunctionConfiguration, PackageType, Runtime, TracingConfig, TracingMode,
    VpcConfig,
};

fn create_function_request(zip: Vec<u8>) -> Result<CreateFunctionInput, Box<dyn std::error::Error>> {
    let code = FunctionCode::builder().zip_file(Blob::new(zip)).build();
    let environment =
        Environment::builder().variables("RUST_LOG", "info").variables("STAGE", String::from("prod")).build();
    let vpc = VpcConfig::builder()
        .subnet_ids("subnet-0a1b")
        .subnet_ids(String::from("subnet-2c3d"))
        .security_group_ids("sg-0123")
        .build();
    let input = CreateFunctionInput::builder()
        .function_name("deploy-demo")
        .runtime(Runtime::Providedal2023)
        .role("arn:aws:iam::123456789012:role/lambda-exec")
        .handler("bootstrap")
        .code(code)
        .environment(environment)
        .vpc_config(vpc)
        .architectures(Architecture::Arm64)
        .memory_size(256)
        .timeout(30)
        .package_type(PackageType::Zip)
        .tracing_config(TracingConfig::builder().mode(TracingMode::Active).build())
        .set_tags(Some(HashMap::from([("team".to_string(), "infra".to_string())])))
        .build()?;
    Ok(input)
}

#[test]
fn create_function_input_is_built_as_with_the_sdk() {
    let input = create_function_request(b"PK\x03\x04".to_vec()).unwrap();
    assert_eq!(input.function_name(), "deploy-demo");
    assert_eq!(input.runtime(), Some(&Runtime::Providedal2023));
    assert_eq!(input.architectures(), &[Architecture::Arm64]);
    assert_eq!(input.memory_size(), Some(256));
    assert_eq!(input.code().zip_file().map(|b| b.as_ref().len()), Some(4));
    let variables = input.environment().and_then(|e| e.variables()).unwrap();
    assert_eq!(variables["STAGE"], "prod");
    assert_eq!(input.vpc_config().unwrap().subnet_ids(), ["subnet-0a1b", "subnet-2c3d"]);
    assert_eq!(input.tags().unwrap().get("team").map(String::as_str), Some("infra"));
    assert_eq!(input.tracing_config().and_then(|t| t.mode()), Some(&TracingMode::Active));
}

#[test]
fn a_missing_required_member_is_an_error_from_build() {
    let missing = CreateFunctionInput::builder().function_name("f").build();
    assert!(missing.unwrap_err().to_string().contains("Role"));
}

/// What a deploy tool prints about a function.
fn describe(config: &FunctionConfiguration) -> String {
    let runtime = match config.runtime() {
        Some(Runtime::Python312 | Runtime::Python313) => "python 3".to_string(),
        Some(Runtime::Providedal2023) => "custom runtime".to_string(),
        Some(other) => other.as_str().to_string(),
        None => "container image".to_string(),
    };
    let arch = config.architectures().first().map(Architecture::as_str).unwrap_or("x86_64");
    format!(
        "{} ({runtime}, {arch}, {} MB, modified {})",
        config.function_name().unwrap_or("?"),
        config.memory_size().unwrap_or(128),
        config.last_modified().unwrap_or("never"),
    )
}

#[test]
fn function_configuration_is_read_through_sdk_getters() {
    let body = r#"{
        "Configuration": {
            "FunctionName": "deploy-demo",
            "Runtime": "provided.al2023",
            "MemorySize": 256,
            "Architectures": ["arm64"],
            "LastModified": "2026-11-29T10:00:00.000+0000",
            "Environment": {"Variables": {"STAGE": "prod"}}
        },
        "Tags": {"team": "infra"}
    }"#;
    let output: GetFunctionOutput = serde_json::from_str(body).unwrap();
    let config = output.configuration().unwrap();
    assert_eq!(describe(config), "deploy-demo (custom runtime, arm64, 256 MB, modified 2026-11-29T10:00:00.000+0000)");
    let stage = config.environment().and_then(|e| e.variables()).and_then(|v| v.get("STAGE")).cloned();
    assert_eq!(stage.as_deref(), Some("prod"));
    assert_eq!(output.tags().map(|t| t.len()), Some(1));
}

#[test]
fn a_runtime_newer_than_the_model_is_kept() {
    let config: FunctionConfiguration = serde_json::from_str(r#"{"Runtime": "python9.9"}"#).unwrap();
    assert_eq!(describe(&config), "? (python9.9, x86_64, 128 MB, modified never)");
    assert_eq!(serde_json::to_value(&config).unwrap()["Runtime"], "python9.9");
}

//! Generates the crate's types from the Smithy model in `model/` into `OUT_DIR`.
//!
//! Only the operations whose Cargo feature is enabled are generated (feature
//! `get-layer-version` -> operation `GetLayerVersion`), together with the shapes
//! they need. `LAMBDA_MODEL_FILE` may name another model file to build from.
//!
//! These are the lambda-model crate's generation settings; the generator itself
//! knows nothing about Lambda. `cargo lambda-generate` (an alias in
//! `.cargo/config.toml`) writes the same output for the default features to
//! `generated/`.

use std::path::PathBuf;

/// The model this crate is generated from, relative to the crate root.
const MODEL: &str = "model/lambda.json";
/// The Cargo feature that gates the HTTP protocol layer.
const PROTOCOL_FEATURE: &str = "http";

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=LAMBDA_MODEL_FILE");
    let model_path = match std::env::var_os("LAMBDA_MODEL_FILE") {
        Some(path) => PathBuf::from(path),
        None => PathBuf::from(MODEL),
    };
    println!("cargo:rerun-if-changed={}", model_path.display());

    let bytes = std::fs::read(&model_path)
        .unwrap_or_else(|e| fail(&format!("cannot read model {}: {e}", model_path.display())));
    let enabled: Vec<String> = smithy_codegen::operation_names(&bytes)
        .unwrap_or_else(|e| fail(&e.to_string()))
        .into_iter()
        .filter(|name| feature_enabled(name))
        .collect();
    let enabled: Vec<&str> = enabled.iter().map(String::as_str).collect();
    // Exactly: with every operation's feature off, no operation (not all of them).
    let code = smithy_codegen::Settings::new()
        .with_protocol_feature(PROTOCOL_FEATURE)
        .with_skip_look_around_patterns(true)
        .generate_exactly(&bytes, &enabled)
        .unwrap_or_else(|e| fail(&e.to_string()));

    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("lambda_model.rs");
    std::fs::write(&out, code).unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", out.display())));
}

/// Whether the Cargo feature of `operation` (or `full`) is on.
fn feature_enabled(operation: &str) -> bool {
    let feature = smithy_codegen::render::names::cargo_feature(operation);
    std::env::var_os(smithy_codegen::render::names::cargo_feature_env(&feature)).is_some()
        || std::env::var_os("CARGO_FEATURE_FULL").is_some()
}

fn fail(message: &str) -> ! {
    eprintln!("lambda-model build script: {message}");
    std::process::exit(1);
}

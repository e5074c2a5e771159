//! Generates the crate's types from the Smithy model in `model/` into `OUT_DIR`.
//!
//! Only the operations whose Cargo feature is enabled are generated (feature
//! `get-layer-version` -> operation `GetLayerVersion`), together with the shapes
//! they need. `LAMBDA_MODEL_FILE` may name another model file to build from
//! (a relative path resolves against this package's folder; see `build/model_file.rs`).

use std::path::PathBuf;

#[path = "build/model_file.rs"]
mod model_file;

use model_file::ModelFile;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=build/model_file.rs");
    println!("cargo:rerun-if-env-changed={}", model_file::VARIABLE);
    let package_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let model_file = ModelFile::locate(std::env::var_os(model_file::VARIABLE).as_deref(), &package_dir);
    println!("cargo:rerun-if-changed={}", model_file.path.display());

    let bytes = model_file.read().unwrap_or_else(|message| fail(&message));
    let ast = or_fail(smithy_codegen::ast::parse(&bytes), &model_file);
    let model = or_fail(smithy_codegen::ir::resolve(&ast), &model_file);
    let all = or_fail(smithy_codegen::closure::all_operations(&model), &model_file);
    let model_features: Vec<String> =
        all.iter().map(|id| smithy_codegen::render::names::cargo_feature(id.name())).collect();
    let variables: Vec<String> = std::env::vars_os().filter_map(|(name, _)| name.into_string().ok()).collect();
    for feature in model_file::features_without_operation(variables.iter().map(String::as_str), &model_features) {
        println!(
            "cargo:warning=feature `{feature}` is enabled, but {} has no operation for it (an older model?): \
             its module is not generated",
            model_file.shown
        );
    }
    let enabled: Vec<String> = all
        .iter()
        .map(|id| id.name().to_string())
        .filter(|name| {
            let feature = smithy_codegen::render::names::cargo_feature(name);
            std::env::var_os(smithy_codegen::render::names::cargo_feature_env(&feature)).is_some()
                || std::env::var_os("CARGO_FEATURE_FULL").is_some()
        })
        .collect();
    let enabled: Vec<&str> = enabled.iter().map(String::as_str).collect();
    let closure = or_fail(smithy_codegen::closure::closure(&model, &enabled), &model_file);
    let options = smithy_codegen::render::Options {
        model_sha256: smithy_codegen::sha256::hex_digest(&bytes),
        protocol_feature: Some("http".to_string()),
        skip_look_around_patterns: true,
    };
    let code = or_fail(smithy_codegen::render::render(&model, &closure, &options), &model_file);

    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("lambda_model.rs");
    std::fs::write(&out, code).unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", out.display())));
}

/// The value, or the end of the build with the error, naming the model file.
fn or_fail<T>(result: Result<T, smithy_codegen::Error>, model_file: &ModelFile) -> T {
    result.unwrap_or_else(|e| fail(&model_file.error(&e.to_string())))
}

fn fail(message: &str) -> ! {
    eprintln!("lambda-model build script: {message}");
    std::process::exit(1);
}

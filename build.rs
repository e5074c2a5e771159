//! Generates the crate's types from the Smithy model in `model/` into `OUT_DIR`.
//!
//! Only the operations whose Cargo feature is enabled are generated (feature
//! `get-layer-version` -> operation `GetLayerVersion`), together with the shapes
//! they need. `LAMBDA_MODEL_FILE` may name another model file to build from
//! (a relative path resolves against this package's folder; see `build/model_file.rs`),
//! also a `.smithy` file or a directory of them with the feature `idl`.
//!
//! These are the lambda-model crate's generation settings; the generator itself
//! knows nothing about Lambda. `cargo lambda-generate` (an alias in
//! `.cargo/config.toml`) writes the same output for the default features to
//! `generated/`.

use std::path::PathBuf;

#[path = "build/model_file.rs"]
mod model_file;

use model_file::ModelFile;

/// The path users write to this crate, for the generated doc examples.
const CRATE_NAME: &str = "lambda_model";
/// The Cargo feature that gates the HTTP protocol layer.
const PROTOCOL_FEATURE: &str = "http";

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=build/model_file.rs");
    println!("cargo:rerun-if-env-changed={}", model_file::VARIABLE);
    let package_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let model_file = ModelFile::locate(std::env::var_os(model_file::VARIABLE).as_deref(), &package_dir);
    println!("cargo:rerun-if-changed={}", model_file.path.display());

    let bytes = read_model(&model_file);
    let all = or_fail(smithy_codegen::operation_names(&bytes), &model_file);
    let model_features: Vec<String> =
        all.iter().map(|name| smithy_codegen::render::names::cargo_feature(name)).collect();
    let variables: Vec<String> = std::env::vars_os().filter_map(|(name, _)| name.into_string().ok()).collect();
    for feature in model_file::features_without_operation(variables.iter().map(String::as_str), &model_features) {
        println!(
            "cargo:warning=feature `{feature}` is enabled, but {} has no operation for it (an older model?): \
             its module is not generated",
            model_file.shown
        );
    }
    let enabled: Vec<&str> = all.iter().map(String::as_str).filter(|name| feature_enabled(name)).collect();
    // Exactly: with every operation's feature off, no operation (not all of them).
    let code = or_fail(
        smithy_codegen::Settings::new()
            .with_protocol_feature(PROTOCOL_FEATURE)
            .with_skip_look_around_patterns(true)
            .with_crate_name(CRATE_NAME)
            .with_operation_features(true)
            .generate_exactly(&bytes, &enabled),
        &model_file,
    );

    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("lambda_model.rs");
    std::fs::write(&out, code).unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", out.display())));
}

/// Whether the Cargo feature of `operation` (or `full`) is on.
fn feature_enabled(operation: &str) -> bool {
    let feature = smithy_codegen::render::names::cargo_feature(operation);
    std::env::var_os(smithy_codegen::render::names::cargo_feature_env(&feature)).is_some()
        || std::env::var_os("CARGO_FEATURE_FULL").is_some()
}

/// The value, or the end of the build with the error, naming the model file.
fn or_fail<T>(result: Result<T, smithy_codegen::Error>, model_file: &ModelFile) -> T {
    result.unwrap_or_else(|e| fail(&model_file.error(&e.to_string())))
}

/// The model as JSON AST bytes. IDL files and directories (`.smithy`) need the
/// crate feature `idl`; they are loaded and written as JSON for the generator.
fn read_model(model_file: &ModelFile) -> Vec<u8> {
    let path = &model_file.path;
    let is_idl = path.is_dir() || path.extension().is_some_and(|e| e == "smithy");
    if !is_idl {
        return model_file.read().unwrap_or_else(|message| fail(&message));
    }
    #[cfg(feature = "idl")]
    {
        let ast = or_fail(smithy_codegen::idl::load_paths(&[path.as_path()]), model_file);
        smithy_codegen::ast::to_json_pretty(&ast).into_bytes()
    }
    #[cfg(not(feature = "idl"))]
    fail(&model_file.error("this is Smithy IDL: enable lambda-model's feature `idl` to build from it"))
}

fn fail(message: &str) -> ! {
    eprintln!("lambda-model build script: {message}");
    std::process::exit(1);
}

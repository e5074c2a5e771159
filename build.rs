//! Generates the crate's types from the Smithy model in `model/` into `OUT_DIR`.
//!
//! Only the operations whose Cargo feature is enabled are generated (feature
//! `get-layer-version` -> operation `GetLayerVersion`), together with the shapes
//! they need. `LAMBDA_MODEL_FILE` may name another model file to build from
//! (a `.smithy` file or a directory of them with the feature `idl`).

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=LAMBDA_MODEL_FILE");
    let model_path = match std::env::var_os("LAMBDA_MODEL_FILE") {
        Some(path) => PathBuf::from(path),
        None => PathBuf::from("model/lambda.json"),
    };
    println!("cargo:rerun-if-changed={}", model_path.display());

    let (bytes, ast) = read_model(&model_path);
    let model = smithy_codegen::ir::resolve(&ast).unwrap_or_else(|e| fail(&e.to_string()));
    let all = smithy_codegen::closure::all_operations(&model).unwrap_or_else(|e| fail(&e.to_string()));
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
    let closure = smithy_codegen::closure::closure(&model, &enabled).unwrap_or_else(|e| fail(&e.to_string()));
    let options = smithy_codegen::render::Options {
        model_sha256: smithy_codegen::sha256::hex_digest(&bytes),
        protocol_feature: Some("http".to_string()),
        skip_look_around_patterns: true,
    };
    let code = smithy_codegen::render::render(&model, &closure, &options).unwrap_or_else(|e| fail(&e.to_string()));

    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("lambda_model.rs");
    std::fs::write(&out, code).unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", out.display())));
}

/// The model's bytes (for the digest in the header) and its AST. IDL files
/// and directories (`.smithy`) need the crate feature `idl`.
fn read_model(path: &std::path::Path) -> (Vec<u8>, smithy_codegen::ast::AstModel) {
    let is_idl = path.is_dir() || path.extension().is_some_and(|e| e == "smithy");
    if is_idl {
        #[cfg(feature = "idl")]
        {
            let ast = smithy_codegen::idl::load_paths(&[path]).unwrap_or_else(|e| fail(&e.to_string()));
            return (smithy_codegen::ast::to_json_pretty(&ast).into_bytes(), ast);
        }
        #[cfg(not(feature = "idl"))]
        fail(&format!("{} is Smithy IDL: enable lambda-model's feature `idl` to build from it", path.display()));
    }
    let bytes = std::fs::read(path).unwrap_or_else(|e| fail(&format!("cannot read model {}: {e}", path.display())));
    let ast = smithy_codegen::ast::parse(&bytes).unwrap_or_else(|e| fail(&e.to_string()));
    (bytes, ast)
}

fn fail(message: &str) -> ! {
    eprintln!("lambda-model build script: {message}");
    std::process::exit(1);
}

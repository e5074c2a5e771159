//! `generated/` is the reviewable copy of what `build.rs` produces for the
//! default features; this test fails when it is stale.

use std::path::Path;

const REFRESH: &str = "UPDATE_GENERATED=1 cargo test --test generated` or `cargo lambda-generate";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The default feature set's operations, as build.rs derives them from features.
const DEFAULT_OPERATIONS: &[&str] = &["GetLayerVersion"];

/// build.rs's settings (and those of the `lambda-generate` alias).
fn regenerate() -> String {
    let model = std::fs::read(root().join("model/lambda.json")).expect("model/lambda.json is readable");
    smithy_codegen::Settings::new()
        .with_protocol_feature("http")
        .with_skip_look_around_patterns(true)
        .with_crate_name("lambda_model")
        .with_operation_features(true)
        .generate(&model, DEFAULT_OPERATIONS)
        .expect("the model generates")
}

#[test]
fn generated_copy_is_fresh() {
    let path = root().join("generated/lambda_model.rs");
    let fresh = regenerate();
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed != fresh {
        if std::env::var_os("UPDATE_GENERATED").is_some() {
            std::fs::write(&path, &fresh).expect("generated/ is writable");
            return;
        }
        panic!("generated/lambda_model.rs is stale; refresh it with `{REFRESH}` and review the diff");
    }
}

#[test]
fn build_script_output_matches_generated_copy() {
    let built = include_str!(concat!(env!("OUT_DIR"), "/lambda_model.rs"));
    // Other workspace members may enable more operations (Cargo unifies
    // features), so look at what was built rather than at this test's features.
    let default_features_only = operation_modules(built) == ["get_layer_version"];
    if !default_features_only || std::env::var_os("LAMBDA_MODEL_FILE").is_some() {
        eprintln!("skipping: the crate was built with other features or another model than generated/ mirrors");
        return;
    }
    assert!(built == regenerate(), "build.rs output differs from the in-memory generation of the default features");
}

/// The operation modules of generated code, e.g. `["get_layer_version"]`.
fn operation_modules(code: &str) -> Vec<&str> {
    let Some(start) = code.find("\npub mod operation {") else { return Vec::new() };
    code[start + 1..]
        .lines()
        .skip(1)
        .take_while(|line| *line != "}")
        .filter_map(|line| line.strip_prefix("    pub mod ")?.strip_suffix(" {"))
        .collect()
}

#[test]
fn generation_is_deterministic() {
    assert_eq!(regenerate(), regenerate());
}

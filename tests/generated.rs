//! `generated/` is the reviewable copy of what `build.rs` produces for the
//! default features; this test fails when it is stale.

use std::path::Path;

const REFRESH: &str = "UPDATE_GENERATED=1 cargo test --test generated";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The default feature set's operations, as build.rs derives them from features.
const DEFAULT_OPERATIONS: &[&str] = &["GetLayerVersion"];

fn regenerate() -> String {
    let model = std::fs::read(root().join("model/lambda.json")).expect("model/lambda.json is readable");
    let settings = smithy_codegen::Settings {
        protocol_feature: Some("http".into()),
        skip_look_around_patterns: true,
        crate_name: Some("lambda_model".into()),
        operation_features: true,
    };
    smithy_codegen::generate(&model, DEFAULT_OPERATIONS, &settings).expect("the model generates")
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
    let default_features_only = cfg!(feature = "get-layer-version") && !cfg!(feature = "full");
    if !default_features_only || std::env::var_os("LAMBDA_MODEL_FILE").is_some() {
        eprintln!("skipping: the crate was built with other features or another model than generated/ mirrors");
        return;
    }
    assert!(built == regenerate(), "build.rs output differs from the in-memory generation of the default features");
}

#[test]
fn generation_is_deterministic() {
    assert_eq!(regenerate(), regenerate());
}

//! The build script's model file handling (`build/model_file.rs`, included
//! here as the build script includes it), tested without running a build.

use std::path::{Path, PathBuf};

#[path = "../build/model_file.rs"]
mod model_file;

use model_file::ModelFile;

/// A fresh package-like folder for one test.
fn package_dir(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("build_script").join(test);
    if dir.exists() {
        std::fs::remove_dir_all(&dir).expect("old scratch folder removed");
    }
    std::fs::create_dir_all(dir.join("model")).expect("scratch folder");
    dir
}

#[test]
fn without_the_variable_the_crate_model_is_read_from_the_package_folder() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let file = ModelFile::locate(None, dir);
    assert_eq!(file.path, dir.join("model/lambda.json"));
    assert!(file.read().is_ok_and(|bytes| !bytes.is_empty()));
    assert_eq!(file.error("oops"), "model/lambda.json: oops");
}

#[test]
fn a_relative_path_resolves_against_the_package_folder_and_errors_say_so() {
    let dir = package_dir("relative");
    std::fs::write(dir.join("model/x.json"), "{]").expect("bad model written");
    let file = ModelFile::locate(Some("model/x.json".as_ref()), &dir);
    assert_eq!(file.path, dir.join("model/x.json"));
    let bytes = file.read().expect("the file is found in the package folder");
    let parse_error = smithy_codegen::ast::parse(&bytes).expect_err("not a model");
    let message = file.error(&parse_error.to_string());
    assert!(message.starts_with("model/x.json: invalid model JSON at line 1, column 2"), "{message}");
    let resolution = format!(
        "LAMBDA_MODEL_FILE=model/x.json is a relative path, so it was resolved against the lambda-model package folder ({})",
        dir.display()
    );
    assert!(message.contains(&resolution), "{message}");
    assert!(message.contains("relative = true"), "{message}");
}

#[test]
fn a_missing_file_is_named_with_its_resolution() {
    let dir = package_dir("missing");
    let message = ModelFile::locate(Some("no/such.json".as_ref()), &dir).read().expect_err("no such file");
    assert!(message.starts_with("no/such.json: cannot read the model: "), "{message}");
    assert!(message.contains(&format!("giving {}", dir.join("no/such.json").display())), "{message}");
}

#[test]
fn an_absolute_path_is_read_as_given() {
    let dir = package_dir("absolute");
    let path = dir.join("model/y.json");
    std::fs::write(&path, "{}").expect("model written");
    let file = ModelFile::locate(Some(path.as_os_str()), Path::new("/elsewhere"));
    assert_eq!(file.path, path);
    assert_eq!(file.read().expect("read"), b"{}");
    assert_eq!(file.error("oops"), format!("{}: oops", path.display()), "no resolution note");
}

/// The feature of each operation of a model, as build.rs computes them.
fn operation_features(model_json: &[u8]) -> Vec<String> {
    let model =
        smithy_codegen::ir::resolve(&smithy_codegen::ast::parse(model_json).expect("parses")).expect("resolves");
    smithy_codegen::closure::all_operations(&model)
        .expect("one service")
        .iter()
        .map(|id| smithy_codegen::render::names::cargo_feature(id.name()))
        .collect()
}

fn features(names: &[&str]) -> Vec<String> {
    names.iter().map(|name| name.to_string()).collect()
}

#[test]
fn enabled_features_without_an_operation_in_the_model_are_listed() {
    let model = features(&["get-layer-version", "list-layers"]);
    let variables = [
        "CARGO_FEATURE_DEFAULT",
        "CARGO_FEATURE_HTTP",
        "CARGO_FEATURE_GET_LAYER_VERSION",
        "CARGO_FEATURE_INVOKE_WITH_RESPONSE_STREAM",
        "CARGO_FEATURE_CREATE_CAPACITY_PROVIDER",
        "CARGO_MANIFEST_DIR",
        "PATH",
    ];
    assert_eq!(
        model_file::features_without_operation(variables, &model),
        ["create-capacity-provider", "invoke-with-response-stream"]
    );
    assert!(model_file::features_without_operation(["CARGO_FEATURE_LIST_LAYERS"], &model).is_empty());
}

/// Every feature of Cargo.toml is an operation of our model or one the
/// function knows is not: a new non-operation feature would otherwise warn on
/// every build.
#[test]
fn every_feature_of_the_crate_is_an_operation_or_known_not_to_be() {
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/model/lambda.json")).expect("model");
    let model_features = operation_features(&bytes);
    let manifest = include_str!("../Cargo.toml");
    let table = manifest.split("\n[features]\n").nth(1).expect("a [features] table");
    let table = table.split("\n[").next().unwrap_or(table);
    let variables: Vec<String> = table
        .lines()
        .filter_map(|line| line.split_once(" = ").map(|(name, _)| name.trim()))
        .filter(|name| !name.starts_with('#') && !name.is_empty())
        .map(smithy_codegen::render::names::cargo_feature_env)
        .collect();
    assert!(variables.len() > 85, "{variables:?}");
    let absent = model_file::features_without_operation(variables.iter().map(String::as_str), &model_features);
    assert!(absent.is_empty(), "features that are no operation would warn on every build: {absent:?}");
}

/// An older official model lacks operations that our features name: the
/// build would warn for them (2024-07-01 has no capacity providers).
#[test]
fn an_older_model_lacks_newer_operations() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/models/lambda-2024-07-01.json");
    let Ok(bytes) = std::fs::read(&path) else {
        assert!(std::env::var("CI").as_deref() != Ok("true"), "{} is required under CI=true", path.display());
        eprintln!("skipping: {} not found", path.display());
        return;
    };
    let model_features = operation_features(&bytes);
    let absent = model_file::features_without_operation(
        ["CARGO_FEATURE_GET_LAYER_VERSION", "CARGO_FEATURE_CREATE_CAPACITY_PROVIDER"],
        &model_features,
    );
    assert_eq!(absent, ["create-capacity-provider"]);
}

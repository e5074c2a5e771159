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

//! Which model file the build script reads, what its errors say about it, and
//! which enabled features the model has no operation for.
//!
//! `build.rs` uses this module and `tests/build_script.rs` includes it, so the
//! build script's decisions are tested without running a build.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

/// The variable that names another model file.
pub const VARIABLE: &str = "LAMBDA_MODEL_FILE";

/// The model file of the crate, relative to its package folder.
pub const DEFAULT_MODEL: &str = "model/lambda.json";

/// Features that do not stand for an operation.
const NON_OPERATION_FEATURES: &[&str] = &["default", "full", "http", "idl"];

/// The model file a build reads.
#[derive(Debug)]
pub struct ModelFile {
    /// The path as given (or the default), as messages show it.
    pub shown: String,
    /// The path the file is read from.
    pub path: PathBuf,
    /// For a relative `LAMBDA_MODEL_FILE`: how it was resolved.
    resolution: Option<String>,
}

impl ModelFile {
    /// `LAMBDA_MODEL_FILE` when set, else the crate's own model.
    ///
    /// Cargo runs build scripts in the package's folder (`package_dir`), not in
    /// the folder `cargo` was started from, and tells them nothing about the
    /// latter: a relative path therefore resolves against `package_dir`, and
    /// every error says so. Cargo's own fix for this is `[env]` with
    /// `relative = true` in `.cargo/config.toml`, which makes the value absolute
    /// (relative to the folder that holds `.cargo/`).
    pub fn locate(variable: Option<&OsStr>, package_dir: &Path) -> ModelFile {
        let Some(given) = variable else {
            return ModelFile {
                shown: DEFAULT_MODEL.to_string(),
                path: package_dir.join(DEFAULT_MODEL),
                resolution: None,
            };
        };
        let given = PathBuf::from(given);
        let shown = given.display().to_string();
        if given.is_absolute() {
            return ModelFile { shown, path: given, resolution: None };
        }
        let path = package_dir.join(&given);
        let resolution = format!(
            "{VARIABLE}={shown} is a relative path, so it was resolved against the lambda-model package folder \
             ({}), where Cargo runs build scripts, giving {}; use an absolute path, or set it in \
             .cargo/config.toml as `[env] {VARIABLE} = {{ value = \"{shown}\", relative = true }}` to resolve it \
             against the folder that holds `.cargo/`",
            package_dir.display(),
            path.display(),
        );
        ModelFile { shown, path, resolution: Some(resolution) }
    }

    /// The file's bytes; the error names the file.
    pub fn read(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.path).map_err(|e| self.error(&format!("cannot read the model: {e}")))
    }

    /// `message` about this file: the file first (`model/x.json: invalid model
    /// JSON at line 1, column 2`), then how a relative path was resolved.
    pub fn error(&self, message: &str) -> String {
        match &self.resolution {
            Some(resolution) => format!("{}: {message}\n({resolution})", self.shown),
            None => format!("{}: {message}", self.shown),
        }
    }
}

/// The enabled features, by Cargo's `CARGO_FEATURE_<NAME>` variables, that
/// stand for an operation `model_features` lacks (an older model built with a
/// newer feature): their modules are not generated, which deserves a warning.
pub fn features_without_operation<'a>(
    variables: impl IntoIterator<Item = &'a str>,
    model_features: &[String],
) -> Vec<String> {
    let mut absent: Vec<String> = variables
        .into_iter()
        .filter_map(|variable| variable.strip_prefix("CARGO_FEATURE_"))
        .map(|name| name.to_ascii_lowercase().replace('_', "-"))
        .filter(|feature| !NON_OPERATION_FEATURES.contains(&feature.as_str()))
        .filter(|feature| !model_features.contains(feature))
        .collect();
    absent.sort();
    absent
}

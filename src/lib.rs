//! Typed AWS Lambda API models, generated at build time from the Smithy model
//! in `model/` by the `smithy-codegen` crate of this workspace.
//!
//! Module paths and names are those of `aws-sdk-lambda`:
//!
// The crate documents whatever operations its features enable: links and the
// example that name GetLayerVersion items are there only when they resolve
// (`.ci/run` documents the crate without any operation, with -Dwarnings).
#![cfg_attr(
    feature = "get-layer-version",
    doc = "- [`operation::get_layer_version`]: `GetLayerVersionInput`, `GetLayerVersionOutput`",
    doc = "  and `GetLayerVersionError`;",
    doc = "- [`types`]: structures and enums such as [`types::Runtime`];"
)]
#![cfg_attr(
    not(feature = "get-layer-version"),
    doc = "- [`operation`]: a module per enabled operation with its input, output and error",
    doc = "  (`operation::get_layer_version`: `GetLayerVersionInput`, `GetLayerVersionOutput`",
    doc = "  and `GetLayerVersionError`);",
    doc = "- [`types`]: the structures and enums of the enabled operations;"
)]
//! - [`types::error`]: the modeled errors.
//!
#![cfg_attr(
    feature = "get-layer-version",
    doc = r##"```
use lambda_model::operation::get_layer_version::GetLayerVersionOutput;
use lambda_model::types::Runtime;

let body = r#"{"Version": 1, "CompatibleRuntimes": ["python3.12", "python9.9"]}"#;
let output: GetLayerVersionOutput = serde_json::from_str(body).unwrap();
assert_eq!(output.compatible_runtimes()[0], Runtime::Python312);
assert_eq!(output.compatible_runtimes()[1].as_str(), "python9.9");
```
"##
)]
//! # Cargo features
//!
//! Every operation has a feature of its own, its name in kebab case
//! (`get-layer-version`, `list-layers`, `invoke`, ...), and a crate compiles
//! only the operations it enables and the shapes they need. The defaults are
//! `get-layer-version` and `http` (the restJson1 layer: `to_http_request`,
//! `from_http_response` and the server side, with the `http` crate re-exported
//! as `lambda_model::http`); `full` enables every operation. An error such as
//! ``could not find `invoke` in `operation` `` means that operation's feature is
//! off:
//!
//! ```toml
//! [dependencies]
//! lambda-model = { version = "0.1", features = ["invoke", "list-layers"] }
//! ```
//!
//! The [`operation`] module lists the operations of a build with their
//! features; on docs.rs, every operation module carries its feature's badge.

#![warn(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

include!(concat!(env!("OUT_DIR"), "/lambda_model.rs"));

/// The `http` crate (1.x) whose types the restJson1 layer takes and returns,
/// re-exported so that `lambda_model::http::Response` is always the version
/// this crate was built with: no separate `http` dependency to keep in step.
#[cfg(feature = "http")]
pub use http;

mod timestamp;

pub use timestamp::{parse_timestamp, TimestampError};

/// The README's Rust snippets, compiled and run as doc tests. They use the
/// default features, so a build without them skips the snippets rather than
/// failing on them.
#[cfg(all(doctest, feature = "http", feature = "get-layer-version"))]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

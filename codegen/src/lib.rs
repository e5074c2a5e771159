//! A Smithy-to-Rust generator: parse (JSON AST) -> resolve (validated IR) ->
//! closure (the shapes a set of operations needs) -> render (Rust source).
//!
//! It knows Smithy and Rust, nothing about any particular service. Every stage
//! is a plain function over in-memory data, so tests and build scripts run it
//! without touching the file system.
//!
//! ```no_run
//! let model = std::fs::read("model/lambda.json").unwrap();
//! let rust = smithy_codegen::generate(&model, &["GetLayerVersion"], &Default::default()).unwrap();
//! ```

pub mod ast;
pub mod closure;
pub mod diff;
pub mod error;
#[cfg(feature = "idl")]
pub mod idl;
pub mod ir;
pub mod mixins;
mod parallel;
#[cfg(feature = "protocol-tests")]
pub mod protocol_tests;
pub mod render;
pub mod sha256;
pub mod subset;
pub mod traits;

pub use error::Error;

/// Generation settings.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// The Cargo feature that gates the HTTP protocol layer (`None`: always on).
    pub protocol_feature: Option<String>,
    /// Leave look-around patterns unchecked (documented) instead of failing; see
    /// [`render::Options::skip_look_around_patterns`].
    pub skip_look_around_patterns: bool,
}

/// Runs the whole pipeline on model bytes for the given operations (absolute ids
/// or bare names); an empty list means every operation of the service.
///
/// For a list of operations only the shapes they need are parsed and
/// validated ([`subset`]); an empty list reads and validates the whole model.
pub fn generate(model_json: &[u8], operations: &[&str], settings: &Settings) -> Result<String, Error> {
    // The model's digest (for the header) is computed beside the other stages.
    let (model_sha256, read) = parallel::join(
        || sha256::hex_digest(model_json),
        || {
            let model = read_model(model_json, operations)?;
            let closure = closure_of(&model, operations)?;
            Ok::<_, Error>((model, closure))
        },
    );
    let (model, closure) = read?;
    let options = render::Options {
        model_sha256,
        protocol_feature: settings.protocol_feature.clone(),
        skip_look_around_patterns: settings.skip_look_around_patterns,
    };
    render::render(&model, &closure, &options)
}

/// Parses and resolves what `operations` need (everything for an empty list).
fn read_model(model_json: &[u8], operations: &[&str]) -> Result<ir::Model, Error> {
    let ast = match subset::read(model_json, operations) {
        Some(part) => part,
        None => ast::parse(model_json)?,
    };
    ir::resolve(&ast)
}

/// The closure of `operations`, or of every operation for an empty list.
fn closure_of(model: &ir::Model, operations: &[&str]) -> Result<closure::Closure, Error> {
    if operations.is_empty() {
        let all: Vec<String> = closure::all_operations(model)?.iter().map(|id| id.to_string()).collect();
        let all: Vec<&str> = all.iter().map(String::as_str).collect();
        closure::closure(model, &all)
    } else {
        closure::closure(model, operations)
    }
}

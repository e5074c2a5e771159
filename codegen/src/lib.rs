//! A Smithy-to-Rust generator: parse (JSON AST) -> resolve (validated IR) ->
//! closure (the shapes a set of operations needs) -> plan (every Rust-level
//! decision: names, homes, field types, bindings) -> render (Rust source).
//!
//! It knows Smithy and Rust, nothing about any particular service. Every stage
//! is a plain function over in-memory data, so tests and build scripts run it
//! without touching the file system.
//!
//! [`Settings`] and [`generate`] are the entry point; the stage modules are
//! public for benches and tools that time or reuse one stage.
//!
//! ```no_run
//! let model = std::fs::read("model/lambda.json").unwrap();
//! let rust = smithy_codegen::generate(&model, &["GetLayerVersion"], &Default::default()).unwrap();
//! ```
//!
//! With the feature `idl`, the library takes Smithy IDL wherever it takes
//! JSON AST: `Settings::generate_from_paths` reads `.smithy` and `.json`
//! files and directories together as one model, `Settings::generate_from_sources`
//! does the same for texts in memory, and `idl::load_paths` gives the merged
//! [`ast::AstModel`] to every other stage ([`Settings::generate_from_ast`],
//! [`operation_names_of`], [`ir::resolve`]).

pub mod ast;
pub mod closure;
#[cfg(feature = "diff")]
pub mod diff;
pub mod error;
#[cfg(feature = "diff")]
pub mod extract;
#[cfg(feature = "idl")]
pub mod idl;
pub mod ir;
pub mod mixins;
pub mod node;
mod parallel;
pub mod plan;
#[cfg(feature = "protocol-tests")]
pub mod protocol_tests;
pub mod render;
pub mod subset;
pub mod traits;

pub use error::Error;

/// How to generate: the one way in for build scripts, the CLI, benches and tests.
///
/// A builder in the style of prost-build's `Config`: start from
/// [`Settings::new`] (or `Default`), set what differs, then call
/// [`Settings::generate`] (or the free [`generate`]).
///
/// ```no_run
/// let model = std::fs::read("model/lambda.json")?;
/// let rust = smithy_codegen::Settings::new()
///     .with_protocol_feature("http")
///     .with_skip_look_around_patterns(true)
///     .generate(&model, &["GetLayerVersion"])?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Settings {
    /// The Cargo feature that gates the HTTP protocol layer (`None`: always on).
    pub protocol_feature: Option<String>,
    /// Patterns that need look-around or Unicode classes (`\p{L}`), beyond
    /// `regex-lite`: `false` makes them a generation error, `true` leaves them
    /// unchecked by the generated checks, and `validate()` lists them in its
    /// documentation.
    pub skip_look_around_patterns: bool,
    /// The name users write in paths to the generated crate (`lambda_model`);
    /// with it, every operation module gets a doc example (a doc test).
    pub crate_name: Option<String>,
    /// The crate has one Cargo feature per operation, named by
    /// [`plan::names::cargo_feature`] (`GetLayerVersion` -> `get-layer-version`):
    /// the docs name each operation's feature, with a docs.rs badge.
    pub operation_features: bool,
}

impl Settings {
    /// The defaults: protocol layer ungated, look-around patterns an error.
    pub fn new() -> Settings {
        Settings::default()
    }

    /// Gates the HTTP protocol layer behind the Cargo feature `feature`.
    pub fn with_protocol_feature(&mut self, feature: impl Into<String>) -> &mut Settings {
        self.protocol_feature = Some(feature.into());
        self
    }

    /// Leaves patterns that need look-around or Unicode classes unchecked
    /// (`true`) instead of failing.
    pub fn with_skip_look_around_patterns(&mut self, skip: bool) -> &mut Settings {
        self.skip_look_around_patterns = skip;
        self
    }

    /// Names the generated crate (`lambda_model`), so that every operation
    /// module gets a doc example written against that path.
    pub fn with_crate_name(&mut self, name: impl Into<String>) -> &mut Settings {
        self.crate_name = Some(name.into());
        self
    }

    /// Declares one Cargo feature per operation (see [`Settings::operation_features`]).
    pub fn with_operation_features(&mut self, on: bool) -> &mut Settings {
        self.operation_features = on;
        self
    }

    /// Runs the whole pipeline; see [`generate`] (an empty list means every operation).
    pub fn generate(&self, model_json: &[u8], operations: &[&str]) -> Result<String, Error> {
        let model = read_model(model_json, operations)?;
        let closure = closure_of(&model, operations)?;
        render::render(&model, &closure, self)
    }

    /// Like [`Settings::generate`], but an empty list generates no operation,
    /// only the runtime support: what a build script with every operation's
    /// feature off needs.
    pub fn generate_exactly(&self, model_json: &[u8], operations: &[&str]) -> Result<String, Error> {
        let model = read_model(model_json, operations)?;
        let closure = closure::closure(&model, operations)?;
        render::render(&model, &closure, self)
    }

    /// Like [`Settings::generate`], from model files and directories: Smithy
    /// IDL (`.smithy`) and JSON AST (`.json`) mixed, merged into one model as
    /// [`idl::load_paths`] does (directories are searched for both kinds).
    ///
    /// ```no_run
    /// use std::path::Path;
    /// let rust = smithy_codegen::Settings::new()
    ///     .generate_from_paths(&[Path::new("model/main.smithy"), Path::new("model/shared")], &[])?;
    /// # Ok::<(), smithy_codegen::Error>(())
    /// ```
    #[cfg(feature = "idl")]
    pub fn generate_from_paths<P: AsRef<std::path::Path>>(
        &self,
        paths: &[P],
        operations: &[&str],
    ) -> Result<String, Error> {
        self.generate_from_ast(&idl::load_paths(paths)?, operations)
    }

    /// Like [`Settings::generate`], from model texts held in memory (IDL, or
    /// JSON AST for a [`idl::Source`] whose name ends in `.json`), merged into
    /// one model as [`idl::load_sources`] does: what a test or a build script
    /// with an embedded model needs.
    #[cfg(feature = "idl")]
    pub fn generate_from_sources(&self, sources: &[idl::Source], operations: &[&str]) -> Result<String, Error> {
        self.generate_from_ast(&idl::load_sources(sources)?, operations)
    }

    /// Like [`Settings::generate`], from a model already read (by [`ast::parse`],
    /// `idl::load_paths` with the feature `idl`, or built in code).
    pub fn generate_from_ast(&self, model: &ast::AstModel, operations: &[&str]) -> Result<String, Error> {
        let model = ir::resolve(model)?;
        let closure = closure_of(&model, operations)?;
        render::render(&model, &closure, self)
    }
}

/// Runs the whole pipeline on model bytes for the given operations (absolute ids
/// or bare names); an empty list means every operation of the service.
///
/// For a list of operations only the shapes they need are parsed and
/// validated ([`subset`]); an empty list reads and validates the whole model.
pub fn generate(model_json: &[u8], operations: &[&str], settings: &Settings) -> Result<String, Error> {
    settings.generate(model_json, operations)
}

/// The bare names of every operation of the model's service (through its
/// resources too), in shape id order: what a build script maps to Cargo
/// features (see [`plan::names::cargo_feature`]).
pub fn operation_names(model_json: &[u8]) -> Result<Vec<String>, Error> {
    operation_names_of(&ast::parse(model_json)?)
}

/// Like [`operation_names`], for a model already read (from JSON AST or IDL).
pub fn operation_names_of(model: &ast::AstModel) -> Result<Vec<String>, Error> {
    let model = ir::resolve(model)?;
    Ok(closure::all_operations(&model)?.iter().map(|id| id.name().to_string()).collect())
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

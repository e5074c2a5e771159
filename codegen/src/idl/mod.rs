//! Reads Smithy IDL (`.smithy` files, IDL 1.0 and 2.0) into the same
//! [`AstModel`] the JSON AST path produces, and prints a model back as IDL.
//!
//! Stages: `lexer` (tokens with line and column), `parser` (one file, its
//! references still relative), `loader` (several files and JSON AST files
//! merged into one model, references resolved: [`load_paths`],
//! [`load_sources`]), `printer` (model to IDL: [`to_idl`]).

mod lexer;
mod loader;
mod parser;
mod prelude;
mod printer;

use std::fmt;
use std::sync::Arc;

pub use loader::{load_paths, load_sources, Source};
pub use printer::to_idl;

use crate::ast::AstModel;

/// A place in a model file (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    /// The file's name as given (shared by every location in the file).
    pub file: Arc<str>,
    /// 1-based line.
    pub line: usize,
    /// 1-based column (in characters).
    pub column: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

pub use crate::error::Diagnostic;

impl Diagnostic {
    pub(crate) fn at(at: &Location, message: impl Into<String>) -> Self {
        Diagnostic { file: at.file.to_string(), line: at.line, column: at.column, message: message.into() }
    }
}

/// Reads one IDL text (named `file` in messages) into a model; the prelude is
/// built in.
pub fn parse_idl(file: &str, text: &str) -> Result<AstModel, crate::Error> {
    load_sources(&[Source { name: file.to_string(), text: text.to_string() }])
}

//! The one error type of every stage; each variant names where the problem is.

/// Why a model could not be read, resolved or rendered.
#[derive(Debug, thiserror::Error, PartialEq)]
#[non_exhaustive]
pub enum Error {
    /// The input is not valid JSON, or not of the JSON AST's form.
    #[error("invalid model JSON at line {line}, column {column}: {message}")]
    Json {
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// What serde_json reported.
        message: String,
    },
    /// The `smithy` version is not one this generator reads.
    #[error("unsupported Smithy IDL version `{0}` (expected \"1.0\" or \"2.0\")")]
    Version(String),
    /// A shape id that is not of the form `namespace#Name`.
    #[error("`{0}`: not an absolute shape id (expected `namespace#Name`)")]
    BadShapeId(String),
    /// A problem with one shape or member, named by its id (`ns#Shape` or `ns#Shape$member`).
    #[error("{at}: {message}")]
    Shape {
        /// The shape id, with `$member` for a member.
        at: String,
        /// What is wrong there.
        message: String,
    },
    /// An operation id asked for that the model does not hold.
    #[error("unknown operation `{id}`{}", suggestions_text(.suggestions))]
    UnknownOperation {
        /// The id asked for.
        id: String,
        /// Close existing operation ids.
        suggestions: Vec<String>,
    },
    /// A model feature the renderer does not handle yet; never silently wrong.
    #[error("{at}: not supported: {what}")]
    Unsupported {
        /// The shape or member id.
        at: String,
        /// What is not supported.
        what: String,
    },
    /// Rendered tokens that are not valid Rust (a generator bug).
    #[error("generated code does not parse: {0}")]
    Render(String),
    /// Problems in Smithy IDL files (or in merging model files), one per
    /// line as `file:line:column: message`.
    #[error("{}", lines(.0))]
    Model(Vec<Diagnostic>),
}

/// A problem at a place in a model file: `file:line:column: message`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// The file's name as given.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column (in characters).
    pub column: usize,
    /// What is wrong; for syntax errors, the token found and what was expected.
    pub message: String,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}: {}", self.file, self.line, self.column, self.message)
    }
}

fn lines(diagnostics: &[Diagnostic]) -> String {
    diagnostics.iter().map(Diagnostic::to_string).collect::<Vec<_>>().join("\n")
}

fn suggestions_text(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", suggestions.join(", "))
    }
}

impl Error {
    /// A problem located at a shape or member id.
    pub fn at(at: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Shape { at: at.into(), message: message.into() }
    }
}

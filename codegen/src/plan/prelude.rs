//! Whether generated code may name Rust's prelude items bare.
//!
//! Bare names (`Option<String>`) read best, but a generated type of the same
//! name (a model may well have a shape called `String` or `Result`) shadows a
//! prelude name in its module; then every use is written as an absolute path.
//!
//! The plan decides the style once (`Plan::prelude`), and the printers read it
//! from the plan (`Ctx::prelude`, passed down as a `Copy` value to helpers);
//! `render::prelude` turns it into tokens.

/// How the printers write the prelude items generated code uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PreludeStyle {
    /// `Option<String>`, `Some(x)`
    #[default]
    Bare,
    /// `::std::option::Option<::std::string::String>`
    Absolute,
}

/// The prelude names generated code uses (the printers' table in
/// `render::prelude` lists the same names, a test checks it).
pub(crate) const PRELUDE_NAMES: &[&str] =
    &["Option", "Some", "None", "Result", "Ok", "Err", "String", "Vec", "Box", "Default", "Into", "AsRef"];

impl PreludeStyle {
    /// The style for a crate that defines the types `type_names`.
    pub(crate) fn for_types<'a>(mut type_names: impl Iterator<Item = &'a str>) -> PreludeStyle {
        if type_names.any(|name| PRELUDE_NAMES.contains(&name)) {
            PreludeStyle::Absolute
        } else {
            PreludeStyle::Bare
        }
    }
}

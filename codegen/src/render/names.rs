//! Rust names for Smithy names, spelled as smithy-rs (aws-sdk-*) spells them.

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Keywords that can be written as raw identifiers (`r#type`).
const RAW_KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn", "else", "enum",
    "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "macro", "match", "mod", "move",
    "mut", "override", "priv", "pub", "ref", "return", "static", "struct", "trait", "true", "try", "type", "typeof",
    "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers; they get a trailing underscore.
const NON_RAW_KEYWORDS: &[&str] = &["self", "Self", "super", "crate", "_"];

/// A field or function name: snake case, keywords escaped (`Type` -> `r#type`).
pub fn field(member: &str) -> String {
    escape(&snake(member))
}

/// Snake case as smithy-rs produces it (`CodeSha256` -> `code_sha256`).
pub fn snake(name: &str) -> String {
    let s = name.to_snake_case();
    if s.is_empty() {
        "_unnamed".to_string()
    } else if s.starts_with(|c: char| c.is_ascii_digit()) {
        format!("_{s}")
    } else {
        s
    }
}

/// An identifier that is not a keyword: `type` -> `r#type`, `self` -> `self_`.
pub fn escape(ident: &str) -> String {
    if NON_RAW_KEYWORDS.contains(&ident) {
        format!("{ident}_")
    } else if RAW_KEYWORDS.contains(&ident) {
        format!("r#{ident}")
    } else {
        ident.to_string()
    }
}

/// The Cargo feature of an operation (`GetLayerVersion` -> `get-layer-version`).
pub fn cargo_feature(operation: &str) -> String {
    snake(operation).replace('_', "-")
}

/// The environment variable Cargo sets for an enabled feature (`CARGO_FEATURE_GET_LAYER_VERSION`).
pub fn cargo_feature_env(feature: &str) -> String {
    format!("CARGO_FEATURE_{}", feature.replace('-', "_").to_ascii_uppercase())
}

/// A module name for an operation (`GetLayerVersion` -> `get_layer_version`).
pub fn module(name: &str) -> String {
    field(name)
}

/// A type name; shape names are already upper camel case in AWS models, so
/// they are kept, only made valid (`self` and friends cannot be type names).
pub fn type_name(shape_name: &str) -> String {
    let mut name = shape_name.to_string();
    if !name.starts_with(|c: char| c.is_ascii_uppercase()) {
        let camel = name.to_upper_camel_case();
        // `_1` would become `1`: keep a name that camel case cannot improve.
        if camel.starts_with(|c: char| c.is_ascii_alphabetic()) {
            name = camel;
        }
    }
    if name == "Self" {
        name.push('_');
    }
    name
}

/// A type name with a suffix (`Builder`, `Error`, `Input`), kept in upper
/// camel case: `Err_` becomes `ErrBuilder_`, not `Err_Builder`.
pub fn suffixed(type_name: &str, suffix: &str) -> String {
    let stem = type_name.trim_end_matches('_');
    let underscores = &type_name[stem.len()..];
    format!("{stem}{suffix}{underscores}")
}

/// An enum variant name: the member name upper camel cased with separators
/// dropped (`nodejs4.3-edge` -> `Nodejs43edge`, `x86_64` -> `X8664`).
pub fn variant(member_name: &str) -> String {
    let cleaned: String = member_name.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect();
    let mut name = cleaned.to_upper_camel_case();
    if name.is_empty() {
        name = "Value".to_string();
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name = format!("_{name}");
    }
    if name == "Self" {
        name.push('_');
    }
    // `Unknown` is taken by the fallback variant.
    if name == "Unknown" {
        name = "UnknownValue".to_string();
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_follow_aws_sdk_spelling() {
        assert_eq!(field("CodeSha256"), "code_sha256");
        assert_eq!(field("SigningProfileVersionArn"), "signing_profile_version_arn");
        assert_eq!(field("retryAfterSeconds"), "retry_after_seconds");
        assert_eq!(field("Type"), "r#type");
        assert_eq!(field("Self"), "self_");
        assert_eq!(field("async"), "r#async");
        assert_eq!(field("crate"), "crate_");
    }

    #[test]
    fn variants_follow_smithy_rs() {
        assert_eq!(variant("python312"), "Python312");
        assert_eq!(variant("nodejs43edge"), "Nodejs43edge");
        assert_eq!(variant("java8al2"), "Java8al2");
        assert_eq!(variant("providedal2023"), "Providedal2023");
        assert_eq!(variant("go1x"), "Go1x");
        assert_eq!(variant("nodejs10x"), "Nodejs10x");
        assert_eq!(variant("x86_64"), "X8664");
        assert_eq!(variant("arm64"), "Arm64");
        assert_eq!(variant("ConcurrentInvocationLimitExceeded"), "ConcurrentInvocationLimitExceeded");
        assert_eq!(variant("Unknown"), "UnknownValue");
        assert_eq!(variant("nodejs4.3-edge"), "Nodejs43Edge");
    }

    #[test]
    fn suffixes_keep_upper_camel_case() {
        assert_eq!(suffixed("GetLayerVersion", "Error"), "GetLayerVersionError");
        assert_eq!(suffixed("Err_", "Builder"), "ErrBuilder_");
    }
}

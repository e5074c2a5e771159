//! Rust names for Smithy names, spelled as smithy-rs (aws-sdk-*) spells them.
//!
//! smithy-rs uses two word splitters: members and modules go through its own
//! (acronyms end before a capitalized word, `GiB`-like words stay whole:
//! `ExecutionEnvironmentMemoryGiBPerVCpu` -> `execution_environment_memory_gib_per_v_cpu`),
//! while type and variant names go through Smithy's `CaseUtils` snake case and
//! back (`KMSAccessDeniedException` -> `KmsAccessDeniedException`). Both are
//! rewritten here from their documented behaviour, since the spellings must
//! agree with the SDK's letter for letter.

/// Keywords that can be written as raw identifiers (`r#type`).
const RAW_KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn", "else", "enum",
    "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "macro", "match", "mod", "move",
    "mut", "override", "priv", "pub", "ref", "return", "static", "struct", "trait", "true", "try", "type", "typeof",
    "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers; they get a trailing underscore.
const NON_RAW_KEYWORDS: &[&str] = &["self", "Self", "super", "crate", "_"];

/// Structure member names that would clash with the functions every
/// structure or builder has; smithy-rs appends `_value` to them. The first
/// row is smithy-rs's list; the second holds the methods of our own protocol
/// glue on every structure.
const RESERVED_MEMBER_NAMES: &[&str] = &[
    "build",
    "builder",
    "default",
    "send",
    "make_operation",
    "presigned",
    "customize",
    "meta",
    "validate",
    "to_http_request",
    "from_http_request",
    "to_http_response",
    "from_http_response",
    "decode_http",
    "encode_http",
];

/// Words smithy-rs never splits although their case changes inside (`IPv4`, `GiB`).
const WHOLE_WORDS: &[&str] = &["ipv4", "ipv6", "sigv4", "mib", "gib", "kib", "ttl"];

/// Splits a name into words the way smithy-rs does for snake case.
fn split_words(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    let all_lowercase = name.to_lowercase() == name;
    let mut words = Vec::new();
    let mut word = String::new();
    for (index, &c) in chars.iter().enumerate() {
        if !c.is_alphanumeric() {
            if !word.is_empty() {
                words.push(std::mem::take(&mut word).to_lowercase());
            }
            continue;
        }
        let Some(last) = word.chars().last() else {
            word.push(c);
            continue;
        };
        let peek = chars.get(index + 1).copied();
        let double_peek = chars.get(index + 2).copied();
        let lower_then_upper = c.is_uppercase() && (last.is_lowercase() || last.is_numeric());
        let digit_then_lower = all_lowercase && last.is_numeric() && c.is_lowercase();
        let boundary = ((lower_then_upper || digit_then_lower) && !inside_whole_word(&word, &chars[index..]))
            || acronym_ends(last, c, peek, double_peek);
        if boundary {
            words.push(std::mem::take(&mut word).to_lowercase());
        }
        word.push(c);
    }
    if !word.is_empty() {
        words.push(word.to_lowercase());
    }
    words
}

/// Whether `word` followed by `rest` begins one of [`WHOLE_WORDS`] that
/// `word` has not completed yet (`G` + `iBPer...` is inside `gib`).
fn inside_whole_word(word: &str, rest: &[char]) -> bool {
    let word = word.to_lowercase();
    let ahead: String = word.chars().chain(rest.iter().flat_map(|c| c.to_lowercase())).take(8).collect();
    WHOLE_WORDS.iter().any(|w| ahead.starts_with(w)) && !WHOLE_WORDS.contains(&word.as_str())
}

/// Whether `c` starts a new word after an acronym: `DB[P]roxy`, `IAM[U]ser`,
/// but not `AR[N]s` (a plural) nor `DynamoD[B]v2` (a version).
fn acronym_ends(last: char, c: char, peek: Option<char>, double_peek: Option<char>) -> bool {
    if !last.is_uppercase() || !c.is_uppercase() || !peek.is_some_and(char::is_lowercase) {
        return false;
    }
    let plural = peek == Some('s') && !double_peek.is_some_and(char::is_lowercase);
    let version = peek == Some('v') && double_peek.is_some_and(|d| d.is_ascii_digit());
    !plural && !version
}

/// Smithy's `CaseUtils.toSnakeCase`: `_` before the last capital of a run
/// that starts a word (`KMSAccess` -> `KMS_Access`), between a lowercase
/// letter or digit and a capital, and for spaces and hyphens; then lowercase.
fn smithy_snake(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 8);
    for (index, &c) in chars.iter().enumerate() {
        let prev = index.checked_sub(1).map(|i| chars[i]);
        let next = chars.get(index + 1).copied();
        if c.is_ascii_uppercase() {
            let after_capital = prev.is_some_and(|p| p.is_ascii_uppercase());
            let starts_word = next.is_some_and(|n| n.is_ascii_lowercase());
            let after_lower_or_digit = prev.is_some_and(|p| p.is_ascii_lowercase() || p.is_ascii_digit());
            if (after_capital && starts_word) || after_lower_or_digit {
                out.push('_');
            }
        }
        if c.is_whitespace() || c == '-' {
            out.push('_');
        } else {
            out.push(c);
        }
    }
    out.to_lowercase()
}

/// smithy-rs's PascalCase: Smithy's snake case, then each `_`-, `-`- or
/// space-separated word capitalized and the separators dropped.
pub fn pascal(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut capitalize = true;
    for c in smithy_snake(name).chars() {
        if matches!(c, '_' | '-' | ' ') {
            capitalize = !out.is_empty();
        } else if capitalize || out.is_empty() {
            out.extend(c.to_uppercase());
            capitalize = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// A field or function name: snake case, keywords escaped (`Type` -> `r#type`).
pub fn field(member: &str) -> String {
    escape(&snake(member))
}

/// A structure member's field, getter and builder method name: [`field`],
/// except for names every structure or builder already uses (`build` -> `build_value`).
pub fn member(member: &str) -> String {
    let name = snake(member);
    if RESERVED_MEMBER_NAMES.contains(&name.as_str()) {
        format!("{name}_value")
    } else {
        escape(&name)
    }
}

/// Snake case as smithy-rs produces it (`CodeSha256` -> `code_sha256`,
/// `KMSKeyArn` -> `kms_key_arn`).
pub fn snake(name: &str) -> String {
    let s = split_words(name).join("_");
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

/// The Cargo feature of an operation (`GetLayerVersion` -> `get-layer-version`):
/// its module name with hyphens.
pub fn cargo_feature(operation: &str) -> String {
    snake(&pascal(operation)).replace('_', "-")
}

/// The environment variable Cargo sets for an enabled feature (`CARGO_FEATURE_GET_LAYER_VERSION`).
pub fn cargo_feature_env(feature: &str) -> String {
    format!("CARGO_FEATURE_{}", feature.replace('-', "_").to_ascii_uppercase())
}

/// A module name for an operation (`GetLayerVersion` -> `get_layer_version`):
/// the snake case of its type name, as smithy-rs derives it.
pub fn module(name: &str) -> String {
    field(&pascal(name))
}

/// A type name (`KMSAccessDeniedException` -> `KmsAccessDeniedException`,
/// `DocumentDBEventSourceConfig` -> `DocumentDbEventSourceConfig`).
pub fn type_name(shape_name: &str) -> String {
    if !shape_name.chars().all(|c| c.is_alphanumeric() || c == '_') {
        // A rename that is no identifier: left as given, for the caller to report.
        return shape_name.to_string();
    }
    let name = pascal(shape_name);
    if !name.starts_with(|c: char| c.is_alphabetic()) {
        // `_1` cannot become `1`: keep a name that camel case cannot improve
        // (a name that is no identifier at all is reported by the caller).
        return shape_name.to_string();
    }
    match name.as_str() {
        "Self" => name + "Value",
        "SelfValue" => name + "_",
        _ => name,
    }
}

/// A type name with a suffix (`Builder`, `Error`, `Input`), kept in upper
/// camel case: `Err_` becomes `ErrBuilder_`, not `Err_Builder`.
pub fn suffixed(type_name: &str, suffix: &str) -> String {
    let stem = type_name.trim_end_matches('_');
    let underscores = &type_name[stem.len()..];
    format!("{stem}{suffix}{underscores}")
}

/// An enum or union variant name: the member name in PascalCase
/// (`x86_64` -> `X8664`, `python312` -> `Python312`).
pub fn variant(member_name: &str) -> String {
    let cleaned: String = member_name.chars().map(|c| if c.is_alphanumeric() { c } else { '_' }).collect();
    let mut name = pascal(&cleaned);
    if name.is_empty() {
        name = "Value".to_string();
    }
    if name.starts_with(|c: char| c.is_numeric()) {
        name = format!("_{name}");
    }
    // `Unknown` is taken by the fallback variant, `Self` by Rust.
    match name.as_str() {
        "Unknown" | "Self" => name + "Value",
        "UnknownValue" | "SelfValue" => name + "_",
        _ => name,
    }
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
    fn members_split_acronyms_digits_and_whole_words() {
        assert_eq!(member("ExecutionEnvironmentMemoryGiBPerVCpu"), "execution_environment_memory_gib_per_v_cpu");
        assert_eq!(member("KMSKeyArn"), "kms_key_arn");
        assert_eq!(member("SubnetIds"), "subnet_ids");
        assert_eq!(member("DocumentDBEventSourceConfig"), "document_db_event_source_config");
        assert_eq!(member("EC2ErrorCode"), "ec2_error_code");
        assert_eq!(member("S3Bucket"), "s3_bucket");
        assert_eq!(member("IPv6AllowedForDualStack"), "ipv6_allowed_for_dual_stack");
        assert_eq!(member("TTLSeconds"), "ttl_seconds");
        assert_eq!(member("FunctionARNs"), "function_arns");
        assert_eq!(member("DynamoDBv2Table"), "dynamo_dbv2_table");
        assert_eq!(member("IAMUser"), "iam_user");
        assert_eq!(member("s3key"), "s3_key");
        assert_eq!(member("Build"), "build_value");
        assert_eq!(member("builder"), "builder_value");
        assert_eq!(member("Meta"), "meta_value");
        assert_eq!(member("Type"), "r#type");
    }

    #[test]
    fn types_follow_smithy_pascal_case() {
        assert_eq!(type_name("KMSAccessDeniedException"), "KmsAccessDeniedException");
        assert_eq!(type_name("EC2ThrottledException"), "Ec2ThrottledException");
        assert_eq!(type_name("EFSIOException"), "EfsioException");
        assert_eq!(type_name("InvalidSubnetIDException"), "InvalidSubnetIdException");
        assert_eq!(type_name("DocumentDBEventSourceConfig"), "DocumentDbEventSourceConfig");
        assert_eq!(type_name("ENILimitReachedException"), "EniLimitReachedException");
        assert_eq!(type_name("GetLayerVersion"), "GetLayerVersion");
        assert_eq!(type_name("lowerCase"), "LowerCase");
        assert_eq!(type_name("Self"), "SelfValue");
        assert_eq!(type_name("_1"), "_1");
        assert_eq!(module("GetFunctionURLConfig"), "get_function_url_config");
        assert_eq!(cargo_feature("GetLayerVersion"), "get-layer-version");
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
        assert_eq!(variant("UnknownValue"), "UnknownValue_");
        assert_eq!(variant("Self"), "SelfValue");
        assert_eq!(variant("nodejs4.3-edge"), "Nodejs43Edge");
        assert_eq!(variant("KAFKA_BOOTSTRAP_SERVERS"), "KafkaBootstrapServers");
        assert_eq!(variant("SASL_SCRAM_512_AUTH"), "SaslScram512Auth");
    }

    #[test]
    fn suffixes_keep_upper_camel_case() {
        assert_eq!(suffixed("GetLayerVersion", "Error"), "GetLayerVersionError");
        assert_eq!(suffixed("Err_", "Builder"), "ErrBuilder_");
    }
}

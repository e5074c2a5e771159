//! The model's constraints (`length`, `range`, `pattern`) checked on member
//! values, the errors of building a request, and the header helpers that
//! refuse values a header cannot carry.

use std::fmt;
use std::sync::OnceLock;

/// A member value that breaks one of the model's constraints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    member: &'static str,
    message: String,
}

impl ValidationError {
    pub(crate) fn new(member: &'static str, message: String) -> Self {
        ValidationError { member, message }
    }

    /// The model's name of the offending member, for example `LayerName`.
    pub fn member(&self) -> &'static str {
        self.member
    }

    /// What is wrong, without the member name.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.member, self.message)
    }
}

impl std::error::Error for ValidationError {}

/// Why a request could not be built.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RequestError {
    /// A member breaks a constraint of the model.
    Validation(ValidationError),
    /// The body could not be serialized, or the `http` crate refused a part.
    Build(String),
}

impl fmt::Display for RequestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RequestError::Validation(e) => write!(f, "invalid request: {e}"),
            RequestError::Build(e) => write!(f, "cannot build request: {e}"),
        }
    }
}

impl std::error::Error for RequestError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            RequestError::Validation(e) => Some(e),
            RequestError::Build(_) => None,
        }
    }
}

impl From<ValidationError> for RequestError {
    fn from(e: ValidationError) -> Self {
        RequestError::Validation(e)
    }
}

/// How many characters of an offending value an error message quotes.
const QUOTED_CHARS: usize = 64;

/// The value in backticks, escaped and cut to a readable length for an
/// error message.
///
/// ```
/// use smithy_codegen_runtime::validation::quote_value;
///
/// assert_eq!(quote_value("a\nb"), "`a\\nb`");
/// assert_eq!(quote_value(&"x".repeat(100)), format!("`{}`…", "x".repeat(64)));
/// ```
pub fn quote_value(value: &str) -> String {
    let mut chars = value.chars();
    let head: String = chars.by_ref().take(QUOTED_CHARS).collect();
    let ellipsis = if chars.next().is_some() { "…" } else { "" };
    format!("`{}`{ellipsis}", head.escape_debug())
}

fn range_text(min: Option<u64>, max: Option<u64>) -> String {
    match (min, max) {
        (Some(a), Some(b)) => format!("{a}..={b}"),
        (Some(a), None) => format!("{a}.."),
        (None, Some(b)) => format!("..={b}"),
        (None, None) => "..".to_owned(),
    }
}

/// `length` of a string: counted in Unicode scalar values, as Smithy specifies.
///
/// ```
/// use smithy_codegen_runtime::validation::check_string_length;
///
/// assert!(check_string_length("Name", "é", Some(1), Some(1)).is_ok());
/// let error = check_string_length("Name", "", Some(1), None).unwrap_err();
/// assert_eq!(error.to_string(), "Name: length 0 is outside 1.. (value ``)");
/// ```
pub fn check_string_length(
    member: &'static str,
    value: &str,
    min: Option<u64>,
    max: Option<u64>,
) -> Result<(), ValidationError> {
    let len = value.chars().count() as u64;
    check_count(member, len, min, max).map_err(|mut e| {
        e.message = format!("{} (value {})", e.message, quote_value(value));
        e
    })
}

/// `length` of a list or map: counted in entries.
///
/// ```
/// use smithy_codegen_runtime::validation::check_count;
///
/// assert!(check_count("Layers", 5, None, Some(5)).is_ok());
/// assert_eq!(check_count("Layers", 6, None, Some(5)).unwrap_err().message(), "length 6 is outside ..=5");
/// ```
pub fn check_count(member: &'static str, len: u64, min: Option<u64>, max: Option<u64>) -> Result<(), ValidationError> {
    let too_short = min.is_some_and(|m| len < m);
    let too_long = max.is_some_and(|m| len > m);
    if too_short || too_long {
        return Err(ValidationError::new(member, format!("length {len} is outside {}", range_text(min, max))));
    }
    Ok(())
}

/// `range` of a number.
///
/// ```
/// use smithy_codegen_runtime::validation::check_range;
///
/// assert!(check_range("MemorySize", 128.0, Some(128.0), Some(10240.0)).is_ok());
/// let error = check_range("MemorySize", 64.0, Some(128.0), Some(10240.0)).unwrap_err();
/// assert_eq!(error.message(), "value 64 is outside 128..=10240");
/// ```
pub fn check_range(
    member: &'static str,
    value: f64,
    min: Option<f64>,
    max: Option<f64>,
) -> Result<(), ValidationError> {
    if min.is_some_and(|m| value < m) || max.is_some_and(|m| value > m) {
        let bound = |b: Option<f64>| b.map(|b| b.to_string()).unwrap_or_default();
        return Err(ValidationError::new(member, format!("value {value} is outside {}..={}", bound(min), bound(max))));
    }
    Ok(())
}

/// `pattern`: a search (not an implicit full match), as ECMA-262 `test` does.
/// `regex` caches the compiled `pattern`, which the generator compiled once
/// already, so compiling cannot fail here.
///
/// ```
/// use std::sync::OnceLock;
/// use smithy_codegen_runtime::validation::check_pattern;
///
/// static DIGITS: OnceLock<regex_lite::Regex> = OnceLock::new();
/// assert!(check_pattern("Version", "v12", &DIGITS, "[0-9]+").is_ok());
/// assert!(check_pattern("Version", "v", &DIGITS, "[0-9]+").is_err());
/// ```
pub fn check_pattern(
    member: &'static str,
    value: &str,
    regex: &'static OnceLock<regex_lite::Regex>,
    pattern: &'static str,
) -> Result<(), ValidationError> {
    let regex = regex.get_or_init(|| regex_lite::Regex::new(pattern).expect("pattern checked at generation time"));
    if regex.is_match(value) {
        Ok(())
    } else {
        Err(ValidationError::new(member, format!("value {} does not match pattern `{pattern}`", quote_value(value))))
    }
}

/// A header's value as text, if present and visible ASCII.
///
/// ```
/// let mut headers = http::HeaderMap::new();
/// headers.insert("x-amz-log-type", http::HeaderValue::from_static("Tail"));
/// assert_eq!(smithy_codegen_runtime::validation::header(&headers, "X-Amz-Log-Type"), Some("Tail"));
/// ```
pub fn header<'a>(headers: &'a http::HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// A header value from text; characters a header cannot carry are an error.
///
/// ```
/// use smithy_codegen_runtime::validation::header_value;
///
/// assert_eq!(header_value("Qualifier", "1").unwrap(), "1");
/// assert!(header_value("Qualifier", "a\nb").is_err());
/// ```
pub fn header_value(member: &'static str, value: &str) -> Result<http::HeaderValue, ValidationError> {
    http::HeaderValue::from_str(value).map_err(|_| {
        ValidationError::new(member, format!("value {} cannot be sent in an HTTP header", quote_value(value)))
    })
}

/// A header of an `httpPrefixHeaders` map: the prefix plus the map key.
///
/// ```
/// use smithy_codegen_runtime::validation::prefixed_header;
///
/// let (name, value) = prefixed_header("Meta", "x-meta-", "color", "red").unwrap();
/// assert_eq!((name.as_str(), value.to_str().unwrap()), ("x-meta-color", "red"));
/// assert!(prefixed_header("Meta", "x-meta-", "a b", "red").is_err());
/// ```
pub fn prefixed_header(
    member: &'static str,
    prefix: &str,
    key: &str,
    value: &str,
) -> Result<(http::HeaderName, http::HeaderValue), ValidationError> {
    let name = http::HeaderName::from_bytes(format!("{prefix}{key}").as_bytes())
        .map_err(|_| ValidationError::new(member, format!("key {} cannot be an HTTP header name", quote_value(key))))?;
    Ok((name, header_value(member, value)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_length_counts_scalar_values_and_quotes_the_value() {
        assert!(check_string_length("M", "日本", Some(2), Some(2)).is_ok());
        let error = check_string_length("M", "日本語", None, Some(2)).unwrap_err();
        assert_eq!(error.member(), "M");
        assert_eq!(error.message(), "length 3 is outside ..=2 (value `日本語`)");
    }

    #[test]
    fn range_names_both_bounds_even_when_one_is_open() {
        let error = check_range("N", 1.5, None, Some(1.0)).unwrap_err();
        assert_eq!(error.message(), "value 1.5 is outside ..=1");
        assert!(check_range("N", f64::MAX, None, None).is_ok());
    }

    #[test]
    fn pattern_is_a_search_not_a_full_match() {
        static PATTERN: OnceLock<regex_lite::Regex> = OnceLock::new();
        assert!(check_pattern("P", "xx-abc-yy", &PATTERN, "abc").is_ok());
        let error = check_pattern("P", "zzz", &PATTERN, "abc").unwrap_err();
        assert_eq!(error.to_string(), "P: value `zzz` does not match pattern `abc`");
    }

    #[test]
    fn request_error_wraps_the_validation_error_as_its_source() {
        let error = RequestError::from(ValidationError::new("M", "bad".to_owned()));
        assert_eq!(error.to_string(), "invalid request: M: bad");
        let source = std::error::Error::source(&error).expect("a source");
        assert_eq!(source.to_string(), "M: bad");
        assert!(std::error::Error::source(&RequestError::Build("x".to_owned())).is_none());
    }

    #[test]
    fn quoting_cuts_long_values_on_character_boundaries() {
        let quoted = quote_value(&"é".repeat(65));
        assert_eq!(quoted, format!("`{}`…", "é".repeat(64)));
    }
}

//! The model's constraints (`length`, `range`, `pattern`, `enum`, `required`,
//! `uniqueItems`) checked on member values, with Smithy's messages and
//! JSON-pointer paths; the errors of building a request; and the header helpers
//! that refuse values a header cannot carry.

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::hash::Hash;
use std::sync::OnceLock;

mod path;
pub use path::Path;

/// A value that breaks one of the model's constraints: where it is (a JSON
/// pointer from the input's root, built from the model's member names) and
/// Smithy's message, which never quotes the value (it may be sensitive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    member: &'static str,
    path: String,
    message: String,
}

impl ValidationError {
    fn new(at: &Path<'_>, message: String) -> Self {
        ValidationError { member: at.member_name(), path: at.to_string(), message }
    }

    /// An error about a top-level member's value as a whole.
    pub(crate) fn of_member(member: &'static str, message: impl FnOnce(&Path<'_>) -> String) -> Self {
        let at = Path::ROOT.member(member);
        let message = message(&at);
        Self::new(&at, message)
    }

    /// The model's name of the innermost member holding the offending value,
    /// for example `LayerName` (for `/Layers/2`, `Layers`).
    pub fn member(&self) -> &'static str {
        self.member
    }

    /// Where the offending value is: a JSON pointer such as `/list/0`.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// Smithy's message, for example `Value at '/string' failed to satisfy
    /// constraint: Member must satisfy regular expression pattern: ^[a-m]+$`.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ValidationError {}

/// Every constraint an input breaks, in the order the checks met them
/// (never empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationErrors(Vec<ValidationError>);

impl ValidationErrors {
    /// The errors, in the order the checks met them.
    pub fn errors(&self) -> &[ValidationError] {
        &self.0
    }

    /// Smithy's summary: the count, then each error's message.
    ///
    /// ```
    /// use smithy_codegen_runtime::validation::{Path, Violations};
    ///
    /// let mut violations = Violations::server();
    /// violations.required(&Path::ROOT.member("name"));
    /// let errors = violations.into_result().unwrap_err();
    /// assert_eq!(
    ///     errors.message(),
    ///     "1 validation error detected. Value at '/name' failed to satisfy constraint: Member must not be null"
    /// );
    /// ```
    pub fn message(&self) -> String {
        let count = self.0.len();
        let plural = if count == 1 { "" } else { "s" };
        let messages: Vec<&str> = self.0.iter().map(ValidationError::message).collect();
        format!("{count} validation error{plural} detected. {}", messages.join("; "))
    }
}

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for ValidationErrors {}

/// A map's entries in the order of their keys' text, for generated code to
/// check them in: a `HashMap` iterates in an order that changes from one
/// process to the next, and the violations found in a map would too (the
/// server lists them, the client reports the first).
///
/// ```
/// use std::collections::HashMap;
/// use smithy_codegen_runtime::validation::entries_by_key;
///
/// let map = HashMap::from([("b".to_string(), 2), ("c".to_string(), 3), ("a".to_string(), 1)]);
/// let keys: Vec<&str> = entries_by_key(&map, String::as_str).iter().map(|(k, _)| k.as_str()).collect();
/// assert_eq!(keys, ["a", "b", "c"]);
/// ```
pub fn entries_by_key<K, V, S>(map: &HashMap<K, V, S>, text: impl Fn(&K) -> &str) -> Vec<(&K, &V)> {
    let mut entries: Vec<_> = map.iter().collect();
    entries.sort_unstable_by(|(a, _), (b, _)| text(a).cmp(text(b)));
    entries
}

/// Collects the constraint violations of one input while generated code
/// walks it.
///
/// A client and a server check the same constraints, except one: a server
/// refuses enum values outside the model's set, while a client keeps them
/// (a newer service may send or accept values this version does not know).
#[derive(Debug, Clone, Default)]
pub struct Violations {
    errors: Vec<ValidationError>,
    refuse_unknown_enum_values: bool,
}

impl Violations {
    /// The checks of a client, before it sends a request: unknown enum values pass.
    pub fn client() -> Self {
        Violations { errors: Vec::new(), refuse_unknown_enum_values: false }
    }

    /// The checks of a server, on a request it received: unknown enum values are refused.
    pub fn server() -> Self {
        Violations { errors: Vec::new(), refuse_unknown_enum_values: true }
    }

    fn push(&mut self, at: &Path<'_>, message: String) {
        self.errors.push(ValidationError::new(at, message));
    }

    /// `length` of a string, counted in Unicode scalar values as Smithy specifies.
    ///
    /// ```
    /// use smithy_codegen_runtime::validation::{Path, Violations};
    ///
    /// let mut violations = Violations::client();
    /// violations.string_length(&Path::ROOT.member("name"), "é", Some(1), Some(1));
    /// assert!(violations.into_first().is_ok());
    /// let mut violations = Violations::client();
    /// violations.string_length(&Path::ROOT.member("name"), "👍", Some(2), Some(8));
    /// assert_eq!(
    ///     violations.into_first().unwrap_err().message(),
    ///     "Value with length 1 at '/name' failed to satisfy constraint: Member must have length between 2 and 8, inclusive"
    /// );
    /// ```
    pub fn string_length(&mut self, at: &Path<'_>, value: &str, min: Option<u64>, max: Option<u64>) {
        self.length(at, value.chars().count(), min, max);
    }

    /// `length` of a blob (in bytes), list or map (in entries).
    ///
    /// ```
    /// use smithy_codegen_runtime::validation::{Path, Violations};
    ///
    /// let mut violations = Violations::client();
    /// violations.length(&Path::ROOT.member("list"), 9, None, Some(8));
    /// assert_eq!(
    ///     violations.into_first().unwrap_err().message(),
    ///     "Value with length 9 at '/list' failed to satisfy constraint: Member must have length less than or equal to 8"
    /// );
    /// ```
    pub fn length(&mut self, at: &Path<'_>, length: usize, min: Option<u64>, max: Option<u64>) {
        let length = length as u64;
        if min.is_some_and(|m| length < m) || max.is_some_and(|m| length > m) {
            let bound = bound_text(min, max);
            self.push(at, format!("Value with length {length} at '{at}' failed to satisfy constraint: Member must have length {bound}"));
        }
    }

    /// `range` of a number, compared in the number's own type.
    ///
    /// ```
    /// use smithy_codegen_runtime::validation::{Path, Violations};
    ///
    /// let mut violations = Violations::client();
    /// violations.range(&Path::ROOT.member("float"), 8.8f32, Some(2.2), Some(8.8));
    /// violations.range(&Path::ROOT.member("float"), 9.0f32, Some(2.2), Some(8.8));
    /// assert_eq!(
    ///     violations.into_first().unwrap_err().message(),
    ///     "Value at '/float' failed to satisfy constraint: Member must be between 2.2 and 8.8, inclusive"
    /// );
    /// ```
    pub fn range<T: PartialOrd + fmt::Display>(&mut self, at: &Path<'_>, value: T, min: Option<T>, max: Option<T>) {
        // A NaN compares false both ways: it is outside any bound.
        let below =
            min.as_ref().is_some_and(|m| !matches!(value.partial_cmp(m), Some(Ordering::Greater | Ordering::Equal)));
        let above =
            max.as_ref().is_some_and(|m| !matches!(value.partial_cmp(m), Some(Ordering::Less | Ordering::Equal)));
        if below || above {
            let bound = bound_text(min, max);
            self.push(at, format!("Value at '{at}' failed to satisfy constraint: Member must be {bound}"));
        }
    }

    /// `pattern`: a search (not an implicit full match), as ECMA-262 `test`
    /// does. `regex` caches the compiled `pattern`, which the generator
    /// compiled once already, so compiling cannot fail here.
    ///
    /// ```
    /// use std::sync::OnceLock;
    /// use smithy_codegen_runtime::validation::{Path, Violations};
    ///
    /// static PATTERN: OnceLock<regex_lite::Regex> = OnceLock::new();
    /// let mut violations = Violations::client();
    /// violations.pattern(&Path::ROOT.member("version"), "v12", &PATTERN, "[0-9]+");
    /// violations.pattern(&Path::ROOT.member("version"), "v", &PATTERN, "[0-9]+");
    /// assert_eq!(
    ///     violations.into_first().unwrap_err().message(),
    ///     "Value at '/version' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9]+"
    /// );
    /// ```
    pub fn pattern(
        &mut self,
        at: &Path<'_>,
        value: &str,
        regex: &'static OnceLock<regex_lite::Regex>,
        pattern: &'static str,
    ) {
        let regex = regex.get_or_init(|| regex_lite::Regex::new(pattern).expect("pattern checked at generation time"));
        if !regex.is_match(value) {
            self.push(
                at,
                format!("Value at '{at}' failed to satisfy constraint: Member must satisfy regular expression pattern: {pattern}"),
            );
        }
    }

    /// An enum or intEnum value outside the model's set: a server refuses
    /// it, a client lets it pass. The message lists the set without its
    /// internal values (`listed`).
    ///
    /// ```
    /// use smithy_codegen_runtime::validation::{Path, Violations};
    ///
    /// let mut violations = Violations::client();
    /// violations.unknown_enum_value(&Path::ROOT.member("kind"), &["abc", "def"]);
    /// assert!(violations.into_first().is_ok());
    /// let mut violations = Violations::server();
    /// violations.unknown_enum_value(&Path::ROOT.member("kind"), &["abc", "def"]);
    /// assert_eq!(
    ///     violations.into_first().unwrap_err().message(),
    ///     "Value at '/kind' failed to satisfy constraint: Member must satisfy enum value set: [abc, def]"
    /// );
    /// ```
    pub fn unknown_enum_value(&mut self, at: &Path<'_>, listed: &[&str]) {
        if self.refuse_unknown_enum_values {
            let set = listed.join(", ");
            self.push(
                at,
                format!("Value at '{at}' failed to satisfy constraint: Member must satisfy enum value set: [{set}]"),
            );
        }
    }

    /// `required`: the member is absent (or `null`).
    pub fn required(&mut self, at: &Path<'_>) {
        self.push(at, format!("Value at '{at}' failed to satisfy constraint: Member must not be null"));
    }

    /// `uniqueItems` of a list whose items hash.
    ///
    /// ```
    /// use smithy_codegen_runtime::validation::{Path, Violations};
    ///
    /// let mut violations = Violations::client();
    /// violations.unique_items(&Path::ROOT.member("list"), &["a", "b", "a"]);
    /// assert_eq!(
    ///     violations.into_first().unwrap_err().message(),
    ///     "Value at '/list' failed to satisfy constraint: Member must have unique values"
    /// );
    /// ```
    pub fn unique_items<T: Hash + Eq>(&mut self, at: &Path<'_>, items: &[T]) {
        let mut seen = HashSet::with_capacity(items.len());
        if !items.iter().all(|item| seen.insert(item)) {
            self.not_unique(at);
        }
    }

    /// `uniqueItems` of a list whose items only compare (structures, floats,
    /// documents): each item against the ones before it. Floats compare by
    /// value, so `0.0` and `-0.0` are the same item.
    ///
    /// ```
    /// use smithy_codegen_runtime::validation::{Path, Violations};
    ///
    /// let mut violations = Violations::client();
    /// violations.unique_items_by_equality(&Path::ROOT.member("list"), &[1.5, 2.5]);
    /// assert!(violations.into_first().is_ok());
    /// ```
    pub fn unique_items_by_equality<T: PartialEq>(&mut self, at: &Path<'_>, items: &[T]) {
        let repeats = items.iter().enumerate().any(|(i, item)| items[..i].contains(item));
        if repeats {
            self.not_unique(at);
        }
    }

    fn not_unique(&mut self, at: &Path<'_>) {
        self.push(at, format!("Value at '{at}' failed to satisfy constraint: Member must have unique values"));
    }

    /// The first violation, if any (what a client reports).
    pub fn into_first(self) -> Result<(), ValidationError> {
        match self.errors.into_iter().next() {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }

    /// Every violation, if any (what a server reports).
    pub fn into_result(self) -> Result<(), ValidationErrors> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(ValidationErrors(self.errors))
        }
    }
}

/// The bounds as Smithy words them.
fn bound_text<T: fmt::Display>(min: Option<T>, max: Option<T>) -> String {
    match (min, max) {
        (Some(a), Some(b)) => format!("between {a} and {b}, inclusive"),
        (Some(a), None) => format!("greater than or equal to {a}"),
        (None, Some(b)) => format!("less than or equal to {b}"),
        (None, None) => "without bounds".to_owned(),
    }
}

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
        ValidationError::of_member(member, |at| {
            format!("Value {} at '{at}' cannot be sent in an HTTP header", quote_value(value))
        })
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
    let name = http::HeaderName::from_bytes(format!("{prefix}{key}").as_bytes()).map_err(|_| {
        ValidationError::of_member(member, |at| {
            format!("Key {} at '{at}' cannot be part of an HTTP header name", quote_value(key))
        })
    })?;
    Ok((name, header_value(member, value)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_length_counts_scalar_values() {
        let at = Path::ROOT.member("M");
        let mut violations = Violations::client();
        violations.string_length(&at, "日本", Some(2), Some(2));
        violations.string_length(&at, "日本語", None, Some(2));
        let error = violations.into_first().unwrap_err();
        assert_eq!(error.member(), "M");
        assert_eq!(error.path(), "/M");
        assert_eq!(
            error.message(),
            "Value with length 3 at '/M' failed to satisfy constraint: Member must have length less than or equal to 2"
        );
    }

    #[test]
    fn range_words_each_kind_of_bound() {
        let at = Path::ROOT.member("n");
        let mut violations = Violations::server();
        violations.range(&at, 1i8, Some(2), None);
        violations.range(&at, 9i64, None, Some(8));
        violations.range(&at, f64::NAN, Some(0.0), None);
        violations.range(&at, f64::MAX, None, None);
        let messages: Vec<String> =
            violations.into_result().unwrap_err().errors().iter().map(|e| e.message().to_owned()).collect();
        assert_eq!(
            messages,
            [
                "Value at '/n' failed to satisfy constraint: Member must be greater than or equal to 2",
                "Value at '/n' failed to satisfy constraint: Member must be less than or equal to 8",
                "Value at '/n' failed to satisfy constraint: Member must be greater than or equal to 0",
            ]
        );
    }

    #[test]
    fn pattern_is_a_search_not_a_full_match() {
        static PATTERN: OnceLock<regex_lite::Regex> = OnceLock::new();
        let mut violations = Violations::client();
        violations.pattern(&Path::ROOT.member("P"), "xx-abc-yy", &PATTERN, "abc");
        assert!(violations.into_first().is_ok());
    }

    #[test]
    fn a_server_reports_every_violation_in_order() {
        let root = Path::ROOT;
        let list = root.member("list");
        let mut violations = Violations::server();
        violations.length(&list, 1, Some(2), None);
        violations.unknown_enum_value(&list.index(0), &["a"]);
        violations.unique_items(&list, &[true, true]);
        violations.unique_items_by_equality(&list, &[0.0, -0.0]);
        let errors = violations.into_result().unwrap_err();
        assert_eq!(errors.errors().len(), 4);
        assert_eq!(errors.errors()[1].path(), "/list/0");
        assert_eq!(errors.errors()[1].member(), "list");
        assert!(errors.message().starts_with("4 validation errors detected. Value with length 1 at '/list' "));
        assert!(errors.message().contains("; Value at '/list/0' failed"));
    }

    #[test]
    fn request_error_wraps_the_validation_error_as_its_source() {
        let mut violations = Violations::client();
        violations.required(&Path::ROOT.member("M"));
        let error = RequestError::from(violations.into_first().unwrap_err());
        let expected = "Value at '/M' failed to satisfy constraint: Member must not be null";
        assert_eq!(error.to_string(), format!("invalid request: {expected}"));
        let source = std::error::Error::source(&error).expect("a source");
        assert_eq!(source.to_string(), expected);
        assert!(std::error::Error::source(&RequestError::Build("x".to_owned())).is_none());
    }

    #[test]
    fn quoting_cuts_long_values_on_character_boundaries() {
        let quoted = quote_value(&"é".repeat(65));
        assert_eq!(quoted, format!("`{}`…", "é".repeat(64)));
    }
}

//! The errors that generated types share: a builder's missing member, an enum
//! value that is not known, and an error response that the model does not
//! describe.

use std::fmt;

/// A builder's `build()` failed because a required member was not set.
///
/// ```
/// use smithy_codegen_runtime::error::BuildError;
///
/// let error = BuildError::missing("GetLayerVersionInput", "LayerName", "layer_name");
/// assert_eq!(error.member(), "LayerName");
/// assert_eq!(
///     error.to_string(),
///     "missing required member `LayerName` (field `layer_name`) when building `GetLayerVersionInput`"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildError {
    shape: &'static str,
    member: &'static str,
    field: &'static str,
}

impl BuildError {
    /// The error of a builder of `shape` whose `member` (Rust field `field`) is not set.
    #[doc(hidden)]
    pub const fn missing(shape: &'static str, member: &'static str, field: &'static str) -> Self {
        BuildError { shape, member, field }
    }

    /// The model's name of the missing member (for example `LayerName`).
    pub fn member(&self) -> &'static str {
        self.member
    }

    /// The Rust field of the missing member (for example `layer_name`).
    pub fn field(&self) -> &'static str {
        self.field
    }

    /// The type that could not be built.
    pub fn shape(&self) -> &'static str {
        self.shape
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "missing required member `{}` (field `{}`) when building `{}`", self.member, self.field, self.shape)
    }
}

impl std::error::Error for BuildError {}

/// A string that is none of an enum's known values (returned by `try_parse`).
///
/// ```
/// use smithy_codegen_runtime::error::UnknownVariantError;
///
/// let error = UnknownVariantError::new("Runtime", "cobol85");
/// assert_eq!(error.value(), "cobol85");
/// assert_eq!(error.to_string(), "`cobol85` is not a known Runtime value");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownVariantError {
    enum_name: &'static str,
    value: String,
}

impl UnknownVariantError {
    /// The error of reading `value` as the enum `enum_name`.
    #[doc(hidden)]
    pub fn new(enum_name: &'static str, value: &str) -> Self {
        UnknownVariantError { enum_name, value: value.to_owned() }
    }

    /// The value that was not recognised.
    pub fn value(&self) -> &str {
        &self.value
    }
}

impl fmt::Display for UnknownVariantError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` is not a known {} value", self.value, self.enum_name)
    }
}

impl std::error::Error for UnknownVariantError {}

/// An error response that the operation's model does not describe: an unknown
/// error code, a body that is not JSON, or a status from a proxy.
///
/// ```
/// use smithy_codegen_runtime::error::Unhandled;
///
/// let error = Unhandled::new(502, None, None).with_body_snippet(b"<html>Bad Gateway</html>");
/// assert_eq!(error.status(), 502);
/// assert_eq!(error.body_snippet(), Some("<html>Bad Gateway</html>"));
/// assert_eq!(error.to_string(), r#"unhandled error (HTTP 502); body: "<html>Bad Gateway</html>""#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unhandled {
    status: u16,
    code: Option<String>,
    message: Option<String>,
    body_snippet: Option<BodySnippet>,
}

/// The start of a response body, as text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct BodySnippet {
    text: String,
    truncated: bool,
}

/// How much of an unreadable body an [`Unhandled`] keeps: enough to
/// recognise a proxy's error page, bounded however large the body.
const BODY_SNIPPET_BYTES: usize = 256;

impl Unhandled {
    /// An unmodeled error with its HTTP status, error code and message.
    pub fn new(status: u16, code: Option<String>, message: Option<String>) -> Self {
        Unhandled { status, code, message, body_snippet: None }
    }

    /// The same error, keeping the start of the response body that could not
    /// be read (an HTML page from a proxy, say): its first 256 bytes, cut on
    /// a character boundary, as UTF-8 with invalid bytes replaced. An empty
    /// body keeps nothing.
    pub fn with_body_snippet(mut self, body: &[u8]) -> Self {
        if body.is_empty() {
            return self;
        }
        let mut end = body.len().min(BODY_SNIPPET_BYTES);
        // A character cut in two is left out whole: back up over UTF-8
        // continuation bytes (`0b10xx_xxxx`, at most three per character).
        let mut backed_up = 0;
        while end < body.len() && end > 0 && backed_up < 3 && body[end] & 0xC0 == 0x80 {
            end -= 1;
            backed_up += 1;
        }
        self.body_snippet =
            Some(BodySnippet { text: String::from_utf8_lossy(&body[..end]).into_owned(), truncated: end < body.len() });
        self
    }

    /// The HTTP status code of the response.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The error code, if the response carried one.
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// The error message, if the response carried one.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The start of a response body that could not be read, if one was kept
    /// (see [`Self::with_body_snippet`]).
    pub fn body_snippet(&self) -> Option<&str> {
        self.body_snippet.as_ref().map(|snippet| snippet.text.as_str())
    }
}

impl fmt::Display for Unhandled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unhandled error (HTTP {})", self.status)?;
        if let Some(code) = &self.code {
            write!(f, " {code}")?;
        }
        if let Some(message) = &self.message {
            write!(f, ": {message}")?;
        }
        if let Some(snippet) = &self.body_snippet {
            let more = if snippet.truncated { "…" } else { "" };
            write!(f, "; body: {:?}{more}", snippet.text)?;
        }
        Ok(())
    }
}

impl std::error::Error for Unhandled {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unhandled_displays_code_and_message() {
        let error = Unhandled::new(400, Some("Throttled".into()), Some("slow down".into()));
        assert_eq!(error.to_string(), "unhandled error (HTTP 400) Throttled: slow down");
        assert_eq!(error.code(), Some("Throttled"));
        assert_eq!(error.message(), Some("slow down"));
        assert_eq!(error.body_snippet(), None);
    }

    #[test]
    fn empty_body_keeps_no_snippet() {
        assert_eq!(Unhandled::new(500, None, None).with_body_snippet(b"").body_snippet(), None);
    }

    #[test]
    fn long_body_is_cut_and_marked() {
        let body = vec![b'x'; 1000];
        let error = Unhandled::new(500, None, None).with_body_snippet(&body);
        assert_eq!(error.body_snippet().map(str::len), Some(BODY_SNIPPET_BYTES));
        assert!(error.to_string().ends_with("\"…"), "{error}");
    }

    #[test]
    fn snippet_never_splits_a_character() {
        // 255 ASCII bytes, then a three-byte character across the 256-byte cut.
        let mut body = vec![b'a'; 255];
        body.extend_from_slice("€ and more".as_bytes());
        let error = Unhandled::new(500, None, None).with_body_snippet(&body);
        assert_eq!(error.body_snippet(), Some("a".repeat(255).as_str()));
    }

    #[test]
    fn invalid_utf8_is_replaced() {
        let error = Unhandled::new(500, None, None).with_body_snippet(&[b'o', 0xFF, b'k']);
        assert_eq!(error.body_snippet(), Some("o\u{FFFD}k"));
    }
}

//! Strings with a `@mediaType` bound to a header travel base64-encoded
//! (their text may hold anything, JSON say, that a header cannot carry).

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;

/// The header text of a `@mediaType` string: standard base64 of its UTF-8.
///
/// ```
/// assert_eq!(smithy_codegen_runtime::media_type::encode_header("true"), "dHJ1ZQ==");
/// ```
pub fn encode_header(value: &str) -> String {
    STANDARD.encode(value)
}

/// The string a `@mediaType` header carries: `None` unless the text is
/// canonical standard base64 (padding included) of UTF-8.
///
/// ```
/// use smithy_codegen_runtime::media_type::decode_header;
///
/// assert_eq!(decode_header("dHJ1ZQ==").as_deref(), Some("true"));
/// assert_eq!(decode_header("YmxvYg="), None);
/// assert_eq!(decode_header("-_=="), None);
/// ```
pub fn decode_header(text: &str) -> Option<String> {
    String::from_utf8(STANDARD.decode(text).ok()?).ok()
}

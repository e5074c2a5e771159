//! Decoding restJson1 bodies into the generated types, with errors that name
//! the bad field and stay short whatever the body holds.

use std::fmt;

/// How many characters of a decode error a message keeps.
const MESSAGE_CHARS: usize = 240;

/// Decodes a JSON body (an empty body reads as `{}`); on failure the message
/// names `what` was decoded and the path of the bad field.
///
/// ```
/// use std::collections::BTreeMap;
/// use smithy_codegen_runtime::json_body::decode_json;
///
/// let map: BTreeMap<String, u8> = decode_json(b"", "response").unwrap();
/// assert!(map.is_empty());
/// let error = decode_json::<BTreeMap<String, u8>>(br#"{"a": "x"}"#, "response").unwrap_err();
/// assert!(error.starts_with("invalid response body at `a`: "), "{error}");
/// let error = decode_json::<BTreeMap<String, u8>>(br#"{"a": 1}abc"#, "request").unwrap_err();
/// assert!(error.starts_with("invalid request body: trailing characters"), "{error}");
/// ```
pub fn decode_json<T: serde::de::DeserializeOwned>(body: &[u8], what: &str) -> Result<T, String> {
    let body = if body.is_empty() { b"{}".as_slice() } else { body };
    // restJson1 bodies are JSON objects; serde's derives would also fill a
    // structure from an array, by position.
    if body.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        return Err(format!("invalid {what} body: expected a JSON object"));
    }
    match serde_json::from_slice(body) {
        Ok(value) => Ok(value),
        // Decode again, slowly, only to learn where it failed.
        Err(error) => {
            let de = &mut serde_json::Deserializer::from_slice(body);
            match serde_path_to_error::deserialize::<_, T>(de) {
                // The value decodes: what failed is after it (trailing content).
                Ok(_) => Err(format!("invalid {what} body: {}", bounded_display(&error, MESSAGE_CHARS))),
                Err(e) => {
                    let path = e.path().to_string();
                    let problem = bounded_display(e.inner(), MESSAGE_CHARS);
                    if path == "." {
                        Err(format!("invalid {what} body: {problem}"))
                    } else {
                        Err(format!("invalid {what} body at `{path}`: {problem}"))
                    }
                }
            }
        }
    }
}

/// Decodes a JSON body that may hold any JSON value (a document payload:
/// `"hello"` or `[1, 2]` as well as an object); errors as [`decode_json`]'s.
///
/// ```
/// use smithy_codegen_runtime::json_body::decode_json_value;
///
/// let text: String = decode_json_value(br#""hello""#, "request").unwrap();
/// assert_eq!(text, "hello");
/// assert!(decode_json_value::<String>(b"", "request").unwrap_err().starts_with("invalid request body: "));
/// ```
pub fn decode_json_value<T: serde::de::DeserializeOwned>(body: &[u8], what: &str) -> Result<T, String> {
    serde_json::from_slice(body).map_err(|e| format!("invalid {what} body: {}", bounded_display(&e, MESSAGE_CHARS)))
}

/// Whether a body is empty or an empty JSON object (`{}`, blanks allowed): an
/// unset structure payload, which clients send as `{}`.
///
/// ```
/// use smithy_codegen_runtime::json_body::is_empty_object;
///
/// assert!(is_empty_object(b""));
/// assert!(is_empty_object(b" { }\n"));
/// assert!(!is_empty_object(br#"{"a":1}"#));
/// ```
pub fn is_empty_object(body: &[u8]) -> bool {
    let mut rest = body.iter().filter(|b| !b.is_ascii_whitespace());
    match rest.next() {
        None => true,
        Some(b'{') => rest.next() == Some(&b'}') && rest.next().is_none(),
        Some(_) => false,
    }
}

/// `value` displayed, cut after `limit` characters: serde quotes offending
/// values whole, and a 100 MB string must not become a 100 MB message.
fn bounded_display(value: &dyn fmt::Display, limit: usize) -> String {
    struct Bounded {
        text: String,
        left: usize,
    }
    impl fmt::Write for Bounded {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            for c in s.chars() {
                if self.left == 0 {
                    self.text.push('…');
                    return Err(fmt::Error);
                }
                self.text.push(c);
                self.left -= 1;
            }
            Ok(())
        }
    }
    let mut out = Bounded { text: String::new(), left: limit };
    // An error only says that the limit was reached: either way the text is the answer.
    let _reached_limit = fmt::Write::write_fmt(&mut out, format_args!("{value}")).is_err();
    out.text
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn arrays_are_refused_although_serde_would_fill_a_struct_by_position() {
        let error = decode_json::<BTreeMap<String, u8>>(b" [1]", "request").unwrap_err();
        assert_eq!(error, "invalid request body: expected a JSON object");
    }

    #[test]
    fn a_huge_offending_value_gives_a_bounded_message() {
        let body = format!(r#"{{"a": "{}"}}"#, "x".repeat(1_000_000));
        let error = decode_json::<BTreeMap<String, u8>>(body.as_bytes(), "response").unwrap_err();
        assert!(error.len() < 400, "{} bytes", error.len());
        assert!(error.ends_with('…'), "{error}");
    }

    #[test]
    fn bounded_display_keeps_short_text_whole() {
        assert_eq!(bounded_display(&"short", 5), "short");
        assert_eq!(bounded_display(&"longer", 5), "longe…");
    }
}

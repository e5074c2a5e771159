//! URI labels and query strings as restJson1 writes and reads them: RFC 3986
//! percent-encoding of everything but the unreserved characters, and request
//! paths matched against an operation's URI pattern.

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Every byte but RFC 3986's unreserved characters (`A-Za-z0-9-._~`) is escaped.
const LABEL: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// As [`LABEL`], keeping the `/` that separates the segments of a greedy label.
const GREEDY_LABEL: &AsciiSet = &LABEL.remove(b'/');

/// Appends `value` percent-encoded as one path segment (or, for a greedy
/// label, as segments whose `/` separators are kept).
pub fn push_label(out: &mut String, value: &str, greedy: bool) {
    let set = if greedy { GREEDY_LABEL } else { LABEL };
    out.extend(utf8_percent_encode(value, set));
}

/// `value` percent-encoded as one URI path segment, as the official SDKs
/// encode labels: only `A-Za-z0-9-._~` stay, every other byte becomes `%XX`.
///
/// ```
/// use smithy_codegen_runtime::uri::{decode_label, encode_label};
///
/// assert_eq!(encode_label("my layer/1"), "my%20layer%2F1");
/// assert_eq!(decode_label("my%20layer%2F1").as_deref(), Some("my layer/1"));
/// ```
pub fn encode_label(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    push_label(&mut out, value, false);
    out
}

/// The inverse of [`encode_label`]: `None` for a malformed escape or non-UTF-8 bytes.
pub fn decode_label(segment: &str) -> Option<String> {
    percent_decode(segment)
}

/// Appends `value` percent-encoded as a query key or value.
pub fn push_query_component(out: &mut String, value: &str) {
    push_label(out, value, false);
}

/// Decodes `%XX` escapes; `None` when an escape is malformed or the result is not UTF-8.
pub fn percent_decode(value: &str) -> Option<String> {
    // The crate leaves a malformed escape as it is; a request that has one is refused.
    let bytes = value.as_bytes();
    let well_formed = bytes
        .iter()
        .enumerate()
        .filter(|(_, &b)| b == b'%')
        .all(|(i, _)| bytes.get(i + 1..i + 3).is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit)));
    if !well_formed {
        return None;
    }
    percent_decode_str(value).decode_utf8().ok().map(|text| text.into_owned())
}

/// One piece of a URI pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Segment {
    /// Literal text between slashes.
    Literal(&'static str),
    /// `{Name}`: exactly one segment.
    Label,
    /// `{Name+}`: one or more segments.
    Greedy,
}

/// Matches a request path against a pattern; returns the decoded labels in order.
///
/// ```
/// use smithy_codegen_runtime::uri::{match_path, Segment};
///
/// let pattern = [Segment::Literal("layers"), Segment::Label, Segment::Literal("versions"), Segment::Label];
/// assert_eq!(match_path(&pattern, "/layers/my%20layer/versions/3"), Some(vec!["my layer".into(), "3".into()]));
/// assert_eq!(match_path(&pattern, "/layers/my-layer/versions"), None);
/// ```
pub fn match_path(pattern: &[Segment], path: &str) -> Option<Vec<String>> {
    let path = path.strip_prefix('/')?;
    let parts: Vec<&str> = if path.is_empty() { Vec::new() } else { path.split('/').collect() };
    let mut labels = Vec::new();
    let mut at = 0;
    for (i, segment) in pattern.iter().enumerate() {
        match segment {
            Segment::Literal(text) => {
                if parts.get(at)? != text {
                    return None;
                }
                at += 1;
            }
            Segment::Label => {
                let part = parts.get(at)?;
                if part.is_empty() {
                    return None;
                }
                labels.push(percent_decode(part)?);
                at += 1;
            }
            Segment::Greedy => {
                let rest = pattern.len() - i - 1;
                let end = parts.len().checked_sub(rest)?;
                if end <= at {
                    return None;
                }
                labels.push(percent_decode(&parts[at..end].join("/"))?);
                at = end;
            }
        }
    }
    (at == parts.len()).then_some(labels)
}

/// Splits a query string into decoded key/value pairs (a bare key has an
/// empty value); a pair with a malformed escape is left out.
///
/// ```
/// use smithy_codegen_runtime::uri::parse_query;
///
/// let pairs = parse_query(Some("Marker=a%2Bb&flag&MaxItems=5"));
/// assert_eq!(pairs, [("Marker", "a+b"), ("flag", ""), ("MaxItems", "5")].map(|(k, v)| (k.to_owned(), v.to_owned())));
/// ```
pub fn parse_query(query: Option<&str>) -> Vec<(String, String)> {
    query
        .unwrap_or("")
        .split('&')
        .filter(|p| !p.is_empty())
        .filter_map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            Some((percent_decode(k)?, percent_decode(v)?))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_keep_only_unreserved_bytes() {
        assert_eq!(encode_label("A-z_0.9~"), "A-z_0.9~");
        assert_eq!(encode_label("a b/c?d#e%f+g"), "a%20b%2Fc%3Fd%23e%25f%2Bg");
        assert_eq!(encode_label("é"), "%C3%A9");
    }

    #[test]
    fn greedy_labels_keep_slashes() {
        let mut out = String::from("/");
        push_label(&mut out, "a b/c", true);
        assert_eq!(out, "/a%20b/c");
    }

    #[test]
    fn malformed_escapes_and_bad_utf8_are_refused() {
        for bad in ["%", "%4", "%zz", "a%+1", "%C3"] {
            assert_eq!(percent_decode(bad), None, "{bad}");
        }
        assert_eq!(percent_decode("%c3%a9").as_deref(), Some("é"));
        assert_eq!(percent_decode("plain+text").as_deref(), Some("plain+text"));
    }

    #[test]
    fn round_trips_any_text() {
        let text = "ünïcode / % & = + ? #\u{1F600}";
        assert_eq!(decode_label(&encode_label(text)).as_deref(), Some(text));
    }

    #[test]
    fn greedy_segment_takes_what_the_rest_leaves() {
        let pattern = [Segment::Literal("objects"), Segment::Greedy, Segment::Literal("acl")];
        assert_eq!(match_path(&pattern, "/objects/a/b%20c/acl"), Some(vec!["a/b c".to_owned()]));
        assert_eq!(match_path(&pattern, "/objects/acl"), None);
    }

    #[test]
    fn empty_labels_and_extra_segments_do_not_match() {
        let pattern = [Segment::Literal("f"), Segment::Label];
        assert_eq!(match_path(&pattern, "/f/"), None);
        assert_eq!(match_path(&pattern, "/f/x/y"), None);
        assert_eq!(match_path(&pattern, "f/x"), None);
        assert_eq!(match_path(&[], "/"), Some(vec![]));
    }

    #[test]
    fn query_pairs_with_bad_escapes_are_left_out() {
        assert_eq!(parse_query(Some("a=%zz&b=1")), vec![("b".to_owned(), "1".to_owned())]);
        assert_eq!(parse_query(None), Vec::new());
    }
}

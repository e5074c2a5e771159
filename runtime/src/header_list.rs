//! List-valued headers (`X-Items: a, "b,c", d`): items are separated by
//! commas, and an item that holds a comma or a double quote travels as an
//! RFC 9110 quoted string. HTTP dates hold a comma of their own, so a list
//! of them is split after each date instead.

use std::borrow::Cow;

/// The items of a list header, trimmed, quoted items unquoted; empty items
/// are skipped.
///
/// ```
/// use smithy_codegen_runtime::header_list::split;
///
/// assert_eq!(split(r#"b,c, "\"def\"", "x,y" , a"#), ["b", "c", "\"def\"", "x,y", "a"]);
/// ```
pub fn split(text: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut chars = text.chars().peekable();
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let Some(&first) = chars.peek() else { break };
        let mut item = String::new();
        if first == '"' {
            chars.next();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => item.extend(chars.next()),
                    '"' => break,
                    c => item.push(c),
                }
            }
            // Anything between the closing quote and the comma is dropped.
            for c in chars.by_ref() {
                if c == ',' {
                    break;
                }
            }
            items.push(item);
        } else {
            for c in chars.by_ref() {
                if c == ',' {
                    break;
                }
                item.push(c);
            }
            let item = item.trim_end();
            if !item.is_empty() {
                items.push(item.to_string());
            }
        }
    }
    items
}

/// The dates of a list of HTTP dates (`Mon, 16 Dec 2019 23:48:18 GMT, ...`):
/// each ends with `GMT`.
///
/// ```
/// use smithy_codegen_runtime::header_list::split_http_dates;
///
/// let text = "Mon, 16 Dec 2019 23:48:18 GMT, Tue, 17 Dec 2019 23:48:18 GMT";
/// assert_eq!(split_http_dates(text), ["Mon, 16 Dec 2019 23:48:18 GMT", "Tue, 17 Dec 2019 23:48:18 GMT"]);
/// ```
pub fn split_http_dates(text: &str) -> Vec<&str> {
    let mut dates = Vec::new();
    let mut rest = text;
    while let Some(end) = rest.find("GMT") {
        let date = rest[..end + 3].trim().trim_start_matches(',').trim();
        if !date.is_empty() {
            dates.push(date);
        }
        rest = &rest[end + 3..];
    }
    let tail = rest.trim().trim_start_matches(',').trim();
    if !tail.is_empty() {
        // Not a date: left for the caller's parser to refuse.
        dates.push(tail);
    }
    dates
}

/// An item as a list header writes it: quoted when it holds a comma or a
/// double quote (a backslash escapes `"` and `\` inside).
///
/// ```
/// use smithy_codegen_runtime::header_list::quote_item;
///
/// assert_eq!(quote_item("a"), "a");
/// assert_eq!(quote_item("b,c"), r#""b,c""#);
/// assert_eq!(quote_item(r#""def""#), r#""\"def\"""#);
/// ```
pub fn quote_item(item: &str) -> Cow<'_, str> {
    if !item.contains([',', '"']) {
        return Cow::Borrowed(item);
    }
    let mut quoted = String::with_capacity(item.len() + 2);
    quoted.push('"');
    for c in item.chars() {
        if matches!(c, '"' | '\\') {
            quoted.push('\\');
        }
        quoted.push(c);
    }
    quoted.push('"');
    Cow::Owned(quoted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_items_round_trip() {
        let items = ["plain", "with,comma", "with \"quotes\"", "back\\slash", " spaced "];
        let text = items.iter().map(|i| quote_item(i)).collect::<Vec<_>>().join(", ");
        let expected: Vec<&str> = items.iter().map(|i| if i.starts_with(' ') { "spaced" } else { i }).collect();
        // An unquoted item is trimmed (spaces are not significant around commas).
        assert_eq!(split(&text), expected);
    }

    #[test]
    fn empty_items_and_trailing_commas_are_skipped() {
        assert_eq!(split(" a ,, b ,"), ["a", "b"]);
        assert_eq!(split(""), Vec::<String>::new());
        assert_eq!(split(r#""unterminated"#), ["unterminated"]);
    }

    #[test]
    fn a_date_list_with_garbage_keeps_the_garbage_for_the_parser() {
        assert_eq!(split_http_dates("Mon, 16 Dec 2019 23:48:18 GMT, nope"), ["Mon, 16 Dec 2019 23:48:18 GMT", "nope"]);
        assert_eq!(split_http_dates(""), Vec::<&str>::new());
    }
}

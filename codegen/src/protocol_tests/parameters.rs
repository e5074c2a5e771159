//! `testParameters` of `httpMalformedRequestTests`: one case per index, with
//! `$name:L` (the value as is) and `$name:S` (the value as a quoted string
//! literal) replaced in the case's strings, and `$$` read as one `$`.
//!
//! This is Smithy's own expansion (its code-writer syntax), so the expanded
//! cases and their ids (`{id}_case{i}`) are those every other SDK runs. As in
//! Smithy, only parameterized cases are formatted: a case without
//! `testParameters` keeps its text, `$$` included.

/// One index's values, by parameter name.
pub(crate) type Values<'a> = [(&'a str, &'a str)];

/// `template` with its placeholders replaced; the error says what is wrong.
pub(crate) fn format(template: &str, values: &Values<'_>) -> Result<String, String> {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(dollar) = rest.find('$') {
        out.push_str(&rest[..dollar]);
        rest = &rest[dollar + 1..];
        if let Some(after) = rest.strip_prefix('$') {
            out.push('$');
            rest = after;
            continue;
        }
        let name_len = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(rest.len());
        let (name, after_name) = rest.split_at(name_len);
        let mut after_colon = after_name.chars();
        let (Some(':'), Some(formatter)) = (after_colon.next(), after_colon.next()) else {
            return Err(format!("`${}` is not a placeholder (`$name:L`, `$name:S` or `$$`)", excerpt(rest)));
        };
        let Some(&(_, value)) = values.iter().find(|(n, _)| *n == name) else {
            return Err(format!("`${name}:{formatter}` names no test parameter"));
        };
        match formatter {
            'L' => out.push_str(value),
            'S' => push_quoted(&mut out, value),
            other => return Err(format!("`${name}:{other}`: unsupported formatter `{other}` (L or S)")),
        }
        rest = after_colon.as_str();
    }
    out.push_str(rest);
    Ok(out)
}

/// The few characters after a stray `$`, for the message.
fn excerpt(text: &str) -> &str {
    let end = text.char_indices().nth(12).map_or(text.len(), |(i, _)| i);
    &text[..end]
}

/// `value` as a double-quoted string literal with Java's escapes, which are
/// also JSON's: `\"`, `\\`, `\n`-style controls, and `\uXXXX` (UTF-16) for
/// everything outside printable ASCII.
fn push_quoted(out: &mut String, value: &str) {
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            ' '..='~' => out.push(c),
            _ => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    out.push_str(&std::format!("\\u{unit:04X}"));
                }
            }
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::format;

    #[test]
    fn literal_and_string_placeholders_are_replaced() {
        let values = [("value", "abc"), ("inputLength", "3")];
        assert_eq!(format("{\"s\": $value:S} is $inputLength:L long", &values).unwrap(), "{\"s\": \"abc\"} is 3 long");
    }

    #[test]
    fn a_double_dollar_is_one_dollar() {
        assert_eq!(format("^[a-m]+$$", &[]).unwrap(), "^[a-m]+$");
    }

    #[test]
    fn string_literals_escape_quotes_and_non_ascii_as_json_does() {
        let values = [("v", "[\"a\"]\u{1F44D}")];
        let quoted = format("$v:S", &values).unwrap();
        assert_eq!(quoted, "\"[\\\"a\\\"]\\uD83D\\uDC4D\"");
        assert_eq!(serde_json::from_str::<String>(&quoted).unwrap(), "[\"a\"]\u{1F44D}");
    }

    #[test]
    fn unknown_names_formatters_and_stray_dollars_are_errors() {
        let values = [("value", "x")];
        assert_eq!(format("$other:L", &values).unwrap_err(), "`$other:L` names no test parameter");
        assert!(format("$value:Q", &values).unwrap_err().contains("unsupported formatter `Q`"));
        assert!(format("costs $5", &values).unwrap_err().contains("`$5` is not a placeholder"));
        assert!(format("ends in $", &values).unwrap_err().contains("is not a placeholder"));
    }
}

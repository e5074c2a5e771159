//! Reads the JSON text of one node value that serde_json has already checked
//! and delimited (a `RawValue`): numbers keep their text, and nested values
//! are read in the same pass (going back through serde for each level would
//! scan a value once per level of nesting).
//!
//! The text is valid JSON, so a failure here means a bug; it is still an
//! error naming the byte offset, never a panic.

use super::{Node, NodeMap, Number};

/// Reads `text`, one JSON value with optional surrounding whitespace.
pub(super) fn read(text: &str) -> Result<Node, String> {
    let mut reader = Reader { text, at: 0 };
    let node = reader.node()?;
    reader.skip_whitespace();
    if reader.at != text.len() {
        return Err(reader.unexpected("the end of the value"));
    }
    Ok(node)
}

struct Reader<'a> {
    text: &'a str,
    at: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn unexpected(&self, expected: &str) -> String {
        format!("expected {expected} at byte {} of a JSON value", self.at)
    }

    fn expect(&mut self, byte: u8) -> Result<(), String> {
        self.skip_whitespace();
        if self.peek() != Some(byte) {
            return Err(self.unexpected(&format!("`{}`", byte as char)));
        }
        self.at += 1;
        Ok(())
    }

    /// Whether the next byte (after whitespace) is `byte`; consumes it if so.
    fn eat(&mut self, byte: u8) -> bool {
        self.skip_whitespace();
        let found = self.peek() == Some(byte);
        if found {
            self.at += 1;
        }
        found
    }

    fn node(&mut self) -> Result<Node, String> {
        self.skip_whitespace();
        match self.peek() {
            Some(b'{') => self.object(),
            Some(b'[') => self.array(),
            Some(b'"') => self.string().map(Node::String),
            Some(b't') => self.word("true", Node::Bool(true)),
            Some(b'f') => self.word("false", Node::Bool(false)),
            Some(b'n') => self.word("null", Node::Null),
            _ => self.number(),
        }
    }

    fn object(&mut self) -> Result<Node, String> {
        self.at += 1;
        let mut entries = NodeMap::new();
        if self.eat(b'}') {
            return Ok(Node::Object(entries));
        }
        loop {
            self.skip_whitespace();
            let key = self.string()?;
            self.expect(b':')?;
            // A repeated key keeps its last value, as serde_json's maps do.
            entries.insert(key, self.node()?);
            if self.eat(b'}') {
                return Ok(Node::Object(entries));
            }
            self.expect(b',')?;
        }
    }

    fn array(&mut self) -> Result<Node, String> {
        self.at += 1;
        let mut items = Vec::new();
        if self.eat(b']') {
            return Ok(Node::Array(items));
        }
        loop {
            items.push(self.node()?);
            if self.eat(b']') {
                return Ok(Node::Array(items));
            }
            self.expect(b',')?;
        }
    }

    fn word(&mut self, word: &str, node: Node) -> Result<Node, String> {
        if !self.text[self.at..].starts_with(word) {
            return Err(self.unexpected(&format!("`{word}`")));
        }
        self.at += word.len();
        Ok(node)
    }

    fn number(&mut self) -> Result<Node, String> {
        let start = self.at;
        let bytes = self.text.as_bytes();
        while bytes.get(self.at).is_some_and(|b| matches!(b, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E')) {
            self.at += 1;
        }
        let text = &self.text[start..self.at];
        Number::parse(text).map(Node::Number).ok_or_else(|| {
            self.at = start;
            self.unexpected("a value")
        })
    }

    /// A string's contents, escapes decoded; copied in runs between escapes.
    fn string(&mut self) -> Result<String, String> {
        if self.peek() != Some(b'"') {
            return Err(self.unexpected("a string"));
        }
        self.at += 1;
        let bytes = self.text.as_bytes();
        let mut out = String::new();
        loop {
            let run = memchr::memchr2(b'"', b'\\', &bytes[self.at..]);
            let Some(run) = run else { return Err(self.unexpected("the end of the string")) };
            out.push_str(&self.text[self.at..self.at + run]);
            self.at += run + 1;
            if bytes[self.at - 1] == b'"' {
                return Ok(out);
            }
            let escaped = bytes.get(self.at).copied();
            self.at += 1;
            match escaped {
                Some(b'"') => out.push('"'),
                Some(b'\\') => out.push('\\'),
                Some(b'/') => out.push('/'),
                Some(b'b') => out.push('\u{8}'),
                Some(b'f') => out.push('\u{c}'),
                Some(b'n') => out.push('\n'),
                Some(b'r') => out.push('\r'),
                Some(b't') => out.push('\t'),
                Some(b'u') => out.push(self.unicode_escape()?),
                _ => {
                    self.at -= 1;
                    return Err(self.unexpected("an escape"));
                }
            }
        }
    }

    /// The character of a `\uXXXX` escape (after `\u`), joining a surrogate
    /// pair. serde_json's scan lets a lone surrogate through; it is refused
    /// here, as serde_json refuses it when it decodes a string.
    fn unicode_escape(&mut self) -> Result<char, String> {
        let high = self.hex4()?;
        let lone = |code: u32| format!("lone surrogate `\\u{code:04X}` in a string");
        if (0xDC00..0xE000).contains(&high) {
            return Err(lone(high));
        }
        if !(0xD800..0xDC00).contains(&high) {
            return char::from_u32(high).ok_or_else(|| self.unexpected("a character"));
        }
        if !self.text[self.at..].starts_with("\\u") {
            return Err(lone(high));
        }
        self.at += 2;
        let low = self.hex4()?;
        if !(0xDC00..0xE000).contains(&low) {
            return Err(lone(high));
        }
        let code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
        char::from_u32(code).ok_or_else(|| self.unexpected("a character"))
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let digits = self.text.get(self.at..self.at + 4).ok_or_else(|| self.unexpected("four hex digits"))?;
        let value = u32::from_str_radix(digits, 16).map_err(|_| self.unexpected("four hex digits"))?;
        if digits.starts_with('+') {
            return Err(self.unexpected("four hex digits"));
        }
        self.at += 4;
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_nested_values_with_numbers_as_written() {
        let node = read(" {\"a\": [1, -2.50, 3E+400, true, false, null], \"b\": {}, \"c\": []} ").unwrap();
        assert_eq!(node.to_string(), r#"{"a":[1,-2.50,3E+400,true,false,null],"b":{},"c":[]}"#);
    }

    #[test]
    fn decodes_every_escape() {
        let node = read(r#""q\" b\\ s\/ \b\f\n\r\t \u00e9 \ud83d\ude00 end""#).unwrap();
        assert_eq!(node.as_str(), Some("q\" b\\ s/ \u{8}\u{c}\n\r\t \u{e9} \u{1F600} end"));
    }

    #[test]
    fn broken_text_is_an_error_not_a_panic() {
        for bad in [
            "",
            "{",
            "[1,",
            "{\"a\" 1}",
            "\"open",
            "\"\\x\"",
            "\"\\u12\"",
            "\"\\ud800\"",
            "\"\\ud800\\u0041\"",
            "\"\\u+123\"",
            "tru",
            "01",
            "1 2",
            "{1: 2}",
            "[1 2]",
        ] {
            assert!(read(bad).is_err(), "`{bad}` is refused");
        }
        assert_eq!(read(r#""a\udc00""#).unwrap_err(), "lone surrogate `\\uDC00` in a string");
        assert_eq!(read(r#""a\ud800b""#).unwrap_err(), "lone surrogate `\\uD800` in a string");
    }
}

//! Tokens of the Smithy IDL, with their line and column.
//!
//! Whitespace, commas, newlines and comments are tokens too: the IDL is
//! whitespace-sensitive in places (a statement ends at a line break, `with`
//! must stay on the shape's line), so the parser decides what to skip.

use super::Diagnostic;

/// What a token is; strings and text blocks carry their decoded value.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// `[A-Za-z_][A-Za-z0-9_]*`.
    Ident(String),
    /// A quoted string, escapes resolved.
    Str(String),
    /// A `"""` text block, incidental whitespace and escapes resolved.
    TextBlock(String),
    /// A number, as written.
    Number(String),
    Colon,
    Walrus,
    Equal,
    LBrace,
    RBrace,
    LBracket,
    RBracket,
    LParen,
    RParen,
    At,
    Dollar,
    Pound,
    Dot,
    Comma,
    /// Spaces and tabs.
    Space,
    Newline,
    /// A `//` comment; `doc` for `///`, with the text after the slashes.
    Comment {
        doc: bool,
        text: String,
    },
    /// Input the lexer already reported as an error.
    Invalid,
    Eof,
}

impl Kind {
    /// How an error message names the token.
    pub fn describe(&self) -> String {
        match self {
            Kind::Ident(name) => format!("identifier `{name}`"),
            Kind::Str(s) => format!("string {}", serde_json::Value::String(s.clone())),
            Kind::TextBlock(_) => "text block".into(),
            Kind::Number(n) => format!("number `{n}`"),
            Kind::Colon => "`:`".into(),
            Kind::Walrus => "`:=`".into(),
            Kind::Equal => "`=`".into(),
            Kind::LBrace => "`{`".into(),
            Kind::RBrace => "`}`".into(),
            Kind::LBracket => "`[`".into(),
            Kind::RBracket => "`]`".into(),
            Kind::LParen => "`(`".into(),
            Kind::RParen => "`)`".into(),
            Kind::At => "`@`".into(),
            Kind::Dollar => "`$`".into(),
            Kind::Pound => "`#`".into(),
            Kind::Dot => "`.`".into(),
            Kind::Comma => "`,`".into(),
            Kind::Space => "a space".into(),
            Kind::Newline => "a line break".into(),
            Kind::Comment { doc: true, .. } => "a doc comment".into(),
            Kind::Comment { .. } => "a comment".into(),
            Kind::Invalid => "invalid input".into(),
            Kind::Eof => "end of file".into(),
        }
    }

    /// Whitespace, commas, newlines and comments.
    pub fn is_trivia(&self) -> bool {
        matches!(self, Kind::Space | Kind::Newline | Kind::Comma | Kind::Comment { .. })
    }
}

/// A token and where it starts (1-based).
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub kind: Kind,
    // u32 keeps a token at 40 bytes instead of 48: there is one per few bytes of input.
    pub line: u32,
    pub column: u32,
}

/// Splits `text` into tokens; the last one is always [`Kind::Eof`]. Lexical
/// errors are pushed to `errors` and leave an [`Kind::Invalid`] token behind.
pub fn tokenize(file: &str, text: &str, errors: &mut Vec<Diagnostic>) -> Vec<Token> {
    let mut lexer = Lexer { file, text, at: 0, line: 1, column: 1, errors };
    // About one token per four bytes in real models; growing costs copies.
    let mut tokens = Vec::with_capacity(text.len() / 4);
    loop {
        let (line, column) = (lexer.line, lexer.column);
        let kind = lexer.next_kind();
        let done = kind == Kind::Eof;
        tokens.push(Token { kind, line: saturate(line), column: saturate(column) });
        if done {
            return tokens;
        }
    }
}

/// A position as stored in a token (files past 4 GiB lines or columns stop counting).
fn saturate(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

struct Lexer<'a> {
    file: &'a str,
    text: &'a str,
    /// Byte offset of the next character.
    at: usize,
    line: usize,
    column: usize,
    errors: &'a mut Vec<Diagnostic>,
}

impl<'a> Lexer<'a> {
    /// The next character; models are mostly ASCII, so bytes come first.
    #[inline]
    fn current(&self) -> Option<char> {
        match self.text.as_bytes().get(self.at) {
            Some(&b) if b.is_ascii() => Some(b as char),
            None => None,
            Some(_) => self.text[self.at..].chars().next(),
        }
    }

    /// The character after the next one.
    fn second(&self) -> Option<char> {
        let mut rest = self.text[self.at..].chars();
        rest.next();
        rest.next()
    }

    /// Skips ASCII bytes matching `keep` on the current line; returns how many.
    fn skip_ascii(&mut self, keep: impl Fn(u8) -> bool) -> usize {
        let rest = &self.text.as_bytes()[self.at..];
        let n = rest.iter().position(|&b| !keep(b)).unwrap_or(rest.len());
        self.at += n;
        self.column += n;
        n
    }

    #[inline]
    fn bump(&mut self) -> Option<char> {
        let c = self.current()?;
        self.at += c.len_utf8();
        if c == '\n' {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
        Some(c)
    }

    fn error(&mut self, line: usize, column: usize, message: String) -> Kind {
        self.errors.push(Diagnostic { file: self.file.to_string(), line, column, message });
        Kind::Invalid
    }

    fn next_kind(&mut self) -> Kind {
        let (line, column) = (self.line, self.column);
        let Some(c) = self.bump() else { return Kind::Eof };
        match c {
            ' ' | '\t' => {
                self.skip_ascii(|b| b == b' ' || b == b'\t');
                Kind::Space
            }
            '\n' => Kind::Newline,
            '\r' if self.current() == Some('\n') => {
                self.bump();
                Kind::Newline
            }
            '\r' => Kind::Newline,
            ',' => Kind::Comma,
            ':' if self.current() == Some('=') => {
                self.bump();
                Kind::Walrus
            }
            ':' => Kind::Colon,
            '=' => Kind::Equal,
            '{' => Kind::LBrace,
            '}' => Kind::RBrace,
            '[' => Kind::LBracket,
            ']' => Kind::RBracket,
            '(' => Kind::LParen,
            ')' => Kind::RParen,
            '@' => Kind::At,
            '$' => Kind::Dollar,
            '#' => Kind::Pound,
            '.' => Kind::Dot,
            '/' if self.current() == Some('/') => self.comment(),
            '"' if self.current() == Some('"') && self.second() == Some('"') => {
                self.bump();
                self.bump();
                self.text_block(line, column)
            }
            '"' => self.quoted(line, column),
            '-' | '0'..='9' => self.number(c, line, column),
            c if c == '_' || c.is_ascii_alphabetic() => {
                let start = self.at - 1;
                if c == '_' {
                    self.skip_ascii(|b| b == b'_');
                    // An identifier has a letter after its leading underscores.
                    if !self.current().is_some_and(|c| c.is_ascii_alphabetic()) {
                        let found = self.current().map_or("end of file".to_string(), |c| format!("{c:?}"));
                        let name = &self.text[start..self.at];
                        let (line, column) = (self.line, self.column);
                        let message = format!("expected a letter in identifier `{name}` but found {found}");
                        return self.error(line, column, message);
                    }
                }
                self.skip_ascii(|b| b == b'_' || b.is_ascii_alphanumeric());
                Kind::Ident(self.text[start..self.at].to_string())
            }
            other => self.error(line, column, format!("unexpected character {other:?}")),
        }
    }

    fn comment(&mut self) -> Kind {
        self.bump();
        let doc = self.current() == Some('/');
        if doc {
            self.bump();
        }
        let rest = &self.text[self.at..];
        let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
        let text = &rest[..end];
        self.at += end;
        self.column += text.chars().count();
        // Only doc comments keep their text: nothing reads the others'.
        Kind::Comment { doc, text: if doc { text.to_string() } else { String::new() } }
    }

    fn number(&mut self, first: char, line: usize, column: usize) -> Kind {
        let mut text = String::from(first);
        let take_digits = |lexer: &mut Self, text: &mut String| {
            let mut any = false;
            while let Some(c) = lexer.current().filter(char::is_ascii_digit) {
                text.push(c);
                lexer.bump();
                any = true;
            }
            any
        };
        if first == '-' && !take_digits(self, &mut text) {
            return self.error(line, column, "invalid number `-`: `-` must be followed by a digit".into());
        }
        take_digits(self, &mut text);
        if self.current() == Some('.') {
            text.push('.');
            self.bump();
            if !take_digits(self, &mut text) {
                return self.error(line, column, format!("invalid number `{text}`: `.` must be followed by a digit"));
            }
        }
        if let Some(e @ ('e' | 'E')) = self.current() {
            text.push(e);
            self.bump();
            if let Some(sign @ ('+' | '-')) = self.current() {
                text.push(sign);
                self.bump();
            }
            if !take_digits(self, &mut text) {
                return self.error(
                    line,
                    column,
                    format!("invalid number `{text}`: the exponent must be followed by a digit"),
                );
            }
        }
        Kind::Number(text)
    }

    /// The raw text up to the closing delimiter (`"` or `"""`), escapes kept
    /// and `\r\n` read as `\n`; `None` at the end of the input.
    fn raw_until_close(&mut self, triple: bool) -> Option<std::borrow::Cow<'a, str>> {
        let text: &'a str = self.text;
        let bytes = text.as_bytes();
        let start = self.at;
        let mut at = start;
        let mut line_start = None;
        let end = loop {
            // Jump to the next byte that matters; models' strings are mostly plain text.
            at = bytes
                .get(at..)
                .and_then(|rest| memchr::memchr3(b'"', b'\\', b'\n', rest))
                .map_or(bytes.len(), |i| at + i);
            let Some(&byte) = bytes.get(at) else {
                // Unclosed: the error points at the end of the input.
                self.at = text.len();
                self.column = match line_start {
                    Some(line_start) => text[line_start..].chars().count() + 1,
                    None => self.column + text[start..].chars().count(),
                };
                return None;
            };
            match byte {
                b'\\' => {
                    // An escaped newline still ends a line.
                    if bytes.get(at + 1) == Some(&b'\n') {
                        self.line += 1;
                        line_start = Some(at + 2);
                    }
                    at += 2;
                }
                b'\n' => {
                    self.line += 1;
                    at += 1;
                    line_start = Some(at);
                }
                b'"' if !triple => break at,
                b'"' if bytes.get(at + 1) == Some(&b'"') && bytes.get(at + 2) == Some(&b'"') => break at,
                _ => at += 1,
            }
        };
        let close = if triple { 3 } else { 1 };
        self.at = end + close;
        self.column = match line_start {
            Some(line_start) => text[line_start..end].chars().count() + 1 + close,
            None => self.column + text[start..end].chars().count() + close,
        };
        let raw = &text[start..end];
        Some(if raw.contains('\r') { raw.replace("\r\n", "\n").into() } else { raw.into() })
    }

    fn quoted(&mut self, line: usize, column: usize) -> Kind {
        let Some(raw) = self.raw_until_close(false) else {
            return self.error(self.line, self.column, "unclosed string: expected `\"` but found end of file".into());
        };
        match unescape(&raw) {
            Ok(text) => Kind::Str(text),
            Err(why) => self.error(line, column, format!("invalid string: {why}")),
        }
    }

    fn text_block(&mut self, line: usize, column: usize) -> Kind {
        let Some(raw) = self.raw_until_close(true) else {
            return self.error(
                self.line,
                self.column,
                "unclosed text block: expected `\"\"\"` but found end of file".into(),
            );
        };
        let Some(body) = raw.strip_prefix('\n') else {
            return self.error(line, column, "invalid text block: `\"\"\"` must be followed by a line break".into());
        };
        match unescape(&strip_incidental_whitespace(body)) {
            Ok(text) => Kind::TextBlock(text),
            Err(why) => self.error(line, column, format!("invalid text block: {why}")),
        }
    }
}

/// Removes the indentation common to the lines of a text block (blank lines
/// do not count, the closing delimiter's line does) and trailing spaces.
fn strip_incidental_whitespace(body: &str) -> String {
    let indent = |l: &str| l.len() - l.trim_start_matches([' ', '\t']).len();
    // `split` always yields the last line, the closing delimiter's.
    let last = body.rsplit('\n').next().unwrap_or_default();
    let common = body
        .split('\n')
        .filter(|l| !l.trim().is_empty())
        .map(indent)
        .chain(std::iter::once(indent(last)))
        .min()
        .unwrap_or(0);
    // A closing delimiter on a line of its own leaves an empty last line.
    let closing_alone = last.trim().is_empty();
    let mut out = String::with_capacity(body.len());
    let mut lines = body.split('\n').peekable();
    while let Some(line) = lines.next() {
        let is_last = lines.peek().is_none();
        if is_last && closing_alone {
            break;
        }
        let cut = common.min(indent(line));
        out.push_str(line[cut..].trim_end_matches([' ', '\t']));
        if !is_last {
            out.push('\n');
        }
    }
    out
}

/// The four hex digits of a `\u` escape.
fn hex4(chars: &mut std::str::Chars) -> Result<u32, String> {
    let hex: String = chars.by_ref().take(4).collect();
    if hex.len() < 4 {
        return Err("unclosed unicode escape".into());
    }
    if let Some(bad) = hex.chars().find(|c| !c.is_ascii_hexdigit()) {
        return Err(format!("invalid unicode escape character `{bad}`"));
    }
    u32::from_str_radix(&hex, 16).map_err(|e| e.to_string())
}

/// Resolves the escapes of a string or text block.
fn unescape(raw: &str) -> Result<String, String> {
    if !raw.contains('\\') {
        return Ok(raw.to_string());
    }
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('"') => out.push('"'),
            Some('\\') => out.push('\\'),
            Some('/') => out.push('/'),
            Some('b') => out.push('\u{8}'),
            Some('f') => out.push('\u{c}'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some('\n') => {}
            Some('u') => {
                let code = hex4(&mut chars)?;
                let high_surrogate = (0xD800..0xDC00).contains(&code);
                // A surrogate pair is two escapes: `\uD83D\uDE00`.
                let code = if high_surrogate && chars.as_str().starts_with("\\u") {
                    chars.nth(1);
                    let low = hex4(&mut chars)?;
                    if !(0xDC00..0xE000).contains(&low) {
                        return Err(format!("unpaired surrogate in unicode escape `\\u{code:04X}`"));
                    }
                    0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    code
                };
                match char::from_u32(code) {
                    Some(c) => out.push(c),
                    None => return Err(format!("unpaired surrogate in unicode escape `\\u{code:04X}`")),
                }
            }
            Some(other) => return Err(format!("invalid escape `\\{other}`")),
            None => return Err("unclosed escape".into()),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> (Vec<Kind>, Vec<String>) {
        let mut errors = Vec::new();
        let tokens = tokenize("t.smithy", text, &mut errors);
        (tokens.into_iter().map(|t| t.kind).collect(), errors.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn escapes_resolve_including_surrogate_pairs() {
        let (tokens, errors) = kinds(r#""a\"\\\/\n\u00e9\uD83D\uDE00""#);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(tokens[0], Kind::Str("a\"\\/\n\u{e9}\u{1F600}".into()));
        let (_, errors) = kinds(r#""\uD83D""#);
        assert_eq!(errors, ["t.smithy:1:1: invalid string: unpaired surrogate in unicode escape `\\uD83D`"]);
        let (_, errors) = kinds(r#""\q""#);
        assert_eq!(errors, ["t.smithy:1:1: invalid string: invalid escape `\\q`"]);
    }

    #[test]
    fn text_blocks_lose_incidental_whitespace() {
        let (tokens, _) = kinds("\"\"\"\n    a\n      b\n    \"\"\"");
        assert_eq!(tokens[0], Kind::TextBlock("a\n  b\n".into()));
        let (tokens, _) = kinds("\"\"\"\n  x \\\n  y\"\"\"");
        assert_eq!(tokens[0], Kind::TextBlock("x y".into()));
    }

    #[test]
    fn numbers_and_positions() {
        let mut errors = Vec::new();
        let tokens = tokenize("t.smithy", "x\n  -1.5e3 1.", &mut errors);
        assert_eq!((tokens[2].line, tokens[2].column), (2, 1));
        assert_eq!(tokens[3].kind, Kind::Number("-1.5e3".into()));
        assert_eq!((tokens[3].line, tokens[3].column), (2, 3));
        assert_eq!(errors[0].to_string(), "t.smithy:2:10: invalid number `1.`: `.` must be followed by a digit");
    }
}

//! Model documentation (HTML, as AWS writes it) to rustdoc Markdown.
//!
//! Text is escaped so that nothing in it can change the meaning of the doc
//! comment: Markdown emphasis, links, code spans, HTML tags and bare URLs
//! (which rustdoc warns about) are all neutralised or turned into their
//! Markdown equivalents.

use proc_macro2::TokenStream;
use quote::quote;

/// `#[doc = "..."]` attributes for a documentation string, one per line.
pub fn attrs(doc: &str) -> TokenStream {
    let markdown = to_markdown(doc);
    lines_to_attrs(&markdown)
}

/// `#[doc]` attributes for Markdown that the generator wrote itself.
pub fn lines_to_attrs(markdown: &str) -> TokenStream {
    let lines = markdown.lines().map(|l| if l.is_empty() { String::new() } else { format!(" {l}") });
    quote! { #( #[doc = #lines] )* }
}

/// Converts model documentation to Markdown.
pub fn to_markdown(html: &str) -> String {
    // Plain-text (CommonMark) docs separate paragraphs with blank lines.
    let paragraphs;
    let html = if html.contains("\n\n") && !html.contains("<p") {
        paragraphs = html.split("\n\n").collect::<Vec<_>>().join("<p>");
        paragraphs.as_str()
    } else {
        html
    };
    let mut out = Writer::default();
    let mut rest = html;
    let mut link: Option<(String, String)> = None;
    let mut code_depth = 0usize;
    let mut pre = false;
    while !rest.is_empty() {
        if let Some(tag_start) = rest.find('<') {
            let (text, after) = rest.split_at(tag_start);
            emit_text(&mut out, text, code_depth > 0, pre, link.as_mut());
            match parse_tag(after) {
                Some((tag, len)) => {
                    rest = &after[len..];
                    handle_tag(&mut out, &tag, &mut link, &mut code_depth, &mut pre);
                }
                None => {
                    // A lone `<` that starts no tag: plain text.
                    emit_text(&mut out, "<", code_depth > 0, pre, link.as_mut());
                    rest = &after[1..];
                }
            }
        } else {
            emit_text(&mut out, rest, code_depth > 0, pre, link.as_mut());
            rest = "";
        }
    }
    if code_depth > 0 {
        out.close_code();
    }
    out.finish()
}

#[derive(Debug)]
struct Tag {
    name: String,
    closing: bool,
    href: Option<String>,
}

/// Parses `<name attr="..">` or `</name>` at the start of `s`; returns the tag and its byte length.
fn parse_tag(s: &str) -> Option<(Tag, usize)> {
    let end = s.find('>')?;
    let inner = &s[1..end];
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, inner),
    };
    let name: String = inner.chars().take_while(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_lowercase();
    if name.is_empty() || !inner[name.len()..].chars().next().is_none_or(|c| c.is_whitespace() || c == '/') {
        return None;
    }
    let href = inner.find("href=").map(|i| {
        let v = &inner[i + 5..];
        let quote = v.chars().next().filter(|c| *c == '"' || *c == '\'');
        match quote {
            Some(q) => v[1..].split(q).next().unwrap_or("").to_string(),
            None => v.split_whitespace().next().unwrap_or("").to_string(),
        }
    });
    Some((Tag { name, closing, href }, end + 1))
}

fn handle_tag(
    out: &mut Writer,
    tag: &Tag,
    link: &mut Option<(String, String)>,
    code_depth: &mut usize,
    pre: &mut bool,
) {
    match (tag.name.as_str(), tag.closing) {
        // A paragraph that opens a list item stays on the item's line.
        ("p", false) if out.at_item_start() => {}
        ("p" | "div" | "note" | "important" | "ul" | "ol" | "dl", _) => out.paragraph(),
        ("br", _) => out.line_break(),
        ("li" | "dt" | "dd", false) => out.list_item(),
        ("li" | "dt" | "dd", true) => out.line_break(),
        ("pre", false) => {
            out.paragraph();
            *pre = true;
            out.raw("```text\n");
        }
        ("pre", true) => {
            *pre = false;
            out.raw("\n```");
            out.paragraph();
        }
        ("code", false) if !*pre => {
            if *code_depth == 0 {
                out.open_code();
            }
            *code_depth += 1;
        }
        ("code", true) if !*pre => {
            if *code_depth == 1 {
                out.close_code();
            }
            *code_depth = code_depth.saturating_sub(1);
        }
        ("b" | "strong", _) if *code_depth == 0 && !*pre => out.raw("**"),
        ("i" | "em", _) if *code_depth == 0 && !*pre => out.raw("*"),
        ("a", false) => {
            *link = tag.href.clone().map(|h| (h, String::new()));
        }
        ("a", true) => {
            if let Some((href, text)) = link.take() {
                let text = text.trim().to_string();
                if href.starts_with("https://") || href.starts_with("http://") {
                    let href = href.replace(' ', "%20").replace(')', "%29").replace('(', "%28");
                    let text = if text.is_empty() { escape(&href) } else { text };
                    out.raw(&format!("[{text}]({href})"));
                } else {
                    out.raw(&text);
                }
            }
        }
        _ => {}
    }
}

fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        let decoded = after.find(';').filter(|&end| end <= 10).and_then(|end| {
            let entity = &after[1..end];
            let ch = match entity {
                "lt" => Some('<'),
                "gt" => Some('>'),
                "amp" => Some('&'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ => entity
                    .strip_prefix("#x")
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            ch.map(|c| (c, end + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &after[len..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Escapes Markdown-significant characters in plain text.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            _ => out.push(c),
        }
    }
    out
}

/// Escapes text, turning bare URLs into autolinks (rustdoc warns on bare URLs).
fn escape_with_urls(text: &str) -> String {
    let mut out = String::new();
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let start = word.find("https://").or_else(|| word.find("http://"));
        let url = start.map(|i| {
            let rest = &word[i..];
            // Trailing punctuation ends the sentence, not the URL; a closing
            // parenthesis belongs to the URL only when it has an opening one.
            let mut url = rest.trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '"']);
            while url.ends_with(')') && url.matches('(').count() < url.matches(')').count() {
                url = url[..url.len() - 1].trim_end_matches(['.', ',', ';', ':']);
            }
            (i, url)
        });
        match url {
            Some((i, url)) if !url.contains(['<', '>', '"', '`']) && url.len() > "https://".len() => {
                out.push_str(&escape(&word[..i]));
                out.push('<');
                out.push_str(url);
                out.push('>');
                out.push_str(&escape(&word[i + url.len()..]));
            }
            _ => out.push_str(&escape(word)),
        }
    }
    out
}

fn emit_text(out: &mut Writer, text: &str, in_code: bool, pre: bool, link: Option<&mut (String, String)>) {
    let decoded = decode_entities(text);
    if pre {
        out.raw(&decoded.replace("```", "` ` `"));
        return;
    }
    let collapsed = collapse_whitespace(&decoded);
    if collapsed.is_empty() {
        return;
    }
    if let Some((_, link_text)) = link {
        if in_code {
            link_text.push_str(&code_span(&collapsed));
        } else {
            link_text.push_str(&escape(&collapsed));
        }
        return;
    }
    if in_code {
        out.code_text(&collapsed);
    } else {
        out.text(&escape_with_urls(&collapsed));
    }
}

fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

fn code_span(text: &str) -> String {
    let fence = if text.contains('`') { "``" } else { "`" };
    let pad = if text.starts_with('`') || text.ends_with('`') { " " } else { "" };
    format!("{fence}{pad}{}{pad}{fence}", text.trim())
}

/// Accumulates Markdown, tracking paragraph breaks and an open code span.
#[derive(Default)]
struct Writer {
    out: String,
    code: Option<String>,
}

impl Writer {
    fn raw(&mut self, s: &str) {
        self.out.push_str(s);
    }

    fn text(&mut self, s: &str) {
        let at_line_start = self.out.is_empty() || self.out.ends_with('\n');
        let s = if at_line_start { s.trim_start() } else { s };
        self.out.push_str(s);
    }

    fn code_text(&mut self, s: &str) {
        if let Some(code) = &mut self.code {
            code.push_str(s);
        }
    }

    fn open_code(&mut self) {
        self.code = Some(String::new());
    }

    fn close_code(&mut self) {
        if let Some(code) = self.code.take() {
            if !code.trim().is_empty() {
                let span = code_span(&code);
                self.out.push_str(&span);
            }
        }
    }

    fn trim_line_end(&mut self) {
        while self.out.ends_with(' ') {
            self.out.pop();
        }
    }

    fn paragraph(&mut self) {
        self.trim_line_end();
        if self.out.is_empty() || self.out.ends_with("\n\n") {
            return;
        }
        if self.out.ends_with('\n') {
            self.out.push('\n');
        } else {
            self.out.push_str("\n\n");
        }
    }

    fn line_break(&mut self) {
        self.trim_line_end();
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
    }

    fn at_item_start(&self) -> bool {
        self.out.ends_with("- ")
    }

    fn list_item(&mut self) {
        self.line_break();
        self.out.push_str("- ");
    }

    fn finish(mut self) -> String {
        self.close_code();
        let mut lines: Vec<String> = self.out.lines().map(|l| l.trim_end().to_string()).collect();
        // Drop empty list items and collapse runs of blank lines.
        lines.retain(|l| l != "-");
        let mut result = String::new();
        let mut blank = true;
        for line in lines {
            if line.is_empty() {
                if !blank {
                    result.push('\n');
                }
                blank = true;
            } else {
                result.push_str(&line);
                result.push('\n');
                blank = false;
            }
        }
        result.trim_end().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::to_markdown;

    #[test]
    fn paragraphs_code_and_links() {
        let md = to_markdown(
            "<p>Returns a <code>Layer</code>.</p><p>See <a href=\"https://example.com/x\">the guide</a>.</p>",
        );
        assert_eq!(md, "Returns a `Layer`.\n\nSee [the guide](https://example.com/x).");
    }

    #[test]
    fn markdown_and_html_in_text_are_neutralised() {
        let md = to_markdown("a *b* _c_ [d] `e` <unclosed */ #[x] &lt;tag&gt;");
        assert_eq!(md, r"a \*b\* \_c\_ \[d\] \`e\` &lt;unclosed \*/ \#\[x\] &lt;tag&gt;");
    }

    #[test]
    fn plain_text_paragraphs_and_urls_in_parentheses() {
        assert_eq!(to_markdown("a\n\nb"), "a\n\nb");
        assert_eq!(to_markdown("(see https://example.com/x)."), "(see <https://example.com/x>).");
        assert_eq!(to_markdown("https://example.com/path_(x)"), "<https://example.com/path_(x)>");
    }

    #[test]
    fn lists_and_bare_urls() {
        let md = to_markdown("<ul><li><p>one</p></li><li>two https://aws.amazon.com/x.</li></ul>");
        assert_eq!(md, "- one\n\n- two <https://aws.amazon.com/x>.");
    }
}

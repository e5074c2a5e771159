//! Recursive-descent parser of one IDL file into shapes whose references are
//! still relative; [`super::loader`] resolves them once every file is read.

use std::collections::BTreeMap;

use super::lexer::{tokenize, Kind, Token};
use super::{Diagnostic, Location};
use crate::ast::{AstMember, AstRef, AstShape, OrderedMap};

/// A node value as written; unquoted shape ids are resolved by the loader.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Null,
    Bool(bool),
    Number(crate::ast::Number),
    Str(String),
    /// An unquoted shape id, as written.
    ShapeId(String),
    Array(Vec<Node>),
    Object(Vec<(String, Node)>),
}

/// A trait as written: its (relative) name and value (`None`: no value given).
#[derive(Debug, Clone)]
pub struct TraitUse {
    pub name: String,
    pub value: Option<Node>,
    pub at: Location,
}

/// A shape of one file, its targets still relative.
#[derive(Debug, Clone)]
pub struct ParsedShape {
    /// The shape's name (without namespace).
    pub name: String,
    pub at: Location,
    /// Shape fields; `traits` is empty, see `traits`/`member_traits`.
    pub shape: AstShape,
    pub traits: Vec<TraitUse>,
    /// Traits per member name (members in `shape`).
    pub member_traits: BTreeMap<String, Vec<TraitUse>>,
    /// Doc comments per member name, and for the shape (`None` key = shape).
    pub docs: BTreeMap<Option<String>, String>,
    /// Members written as `$name`, whose target comes from a mixin or the resource.
    pub elided: Vec<(String, Location)>,
    /// The resource of `for`, whose identifiers and properties elided members may use.
    pub for_resource: Option<String>,
}

/// `apply TARGET @trait...`.
#[derive(Debug, Clone)]
pub struct Apply {
    pub target: String,
    pub traits: Vec<TraitUse>,
    pub at: Location,
}

/// Everything one file states.
#[derive(Debug, Clone, Default)]
pub struct ParsedFile {
    pub file: String,
    /// `$version`, `"1.0"` when absent.
    pub version: String,
    pub namespace: Option<String>,
    /// Names imported by `use`, to absolute ids.
    pub uses: BTreeMap<String, String>,
    pub metadata: Vec<(String, Node, Location)>,
    pub shapes: Vec<ParsedShape>,
    pub applies: Vec<Apply>,
}

impl ParsedFile {
    /// Whether the file is IDL 2 (mixins, defaults, inline IO, enums...).
    pub fn is_v2(&self) -> bool {
        self.version.starts_with('2')
    }
}

/// Parses one file; every error found is returned (the parser skips to the
/// next statement after each).
pub fn parse_file(file: &str, text: &str) -> Result<ParsedFile, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let tokens = tokenize(file, text, &mut errors);
    let mut parser = Parser {
        file: file.into(),
        out: ParsedFile { file: file.to_string(), version: "1.0".into(), ..ParsedFile::default() },
        tokens,
        pos: 0,
        errors,
        input_suffix: "Input".into(),
        output_suffix: "Output".into(),
    };
    parser.file();
    if parser.errors.is_empty() {
        Ok(parser.out)
    } else {
        parser.errors.sort_by_key(|d| (d.line, d.column));
        parser.errors.dedup();
        Err(parser.errors)
    }
}

/// The parse was abandoned after an error (already recorded).
struct Stop;

type Parsed<T> = Result<T, Stop>;

const SIMPLE_TYPES: &[&str] = &[
    "blob",
    "boolean",
    "document",
    "string",
    "byte",
    "short",
    "integer",
    "long",
    "float",
    "double",
    "bigInteger",
    "bigDecimal",
    "timestamp",
];

struct Parser {
    out: ParsedFile,
    /// The file's name, shared by the locations.
    file: std::sync::Arc<str>,
    tokens: Vec<Token>,
    pos: usize,
    errors: Vec<Diagnostic>,
    input_suffix: String,
    output_suffix: String,
}

impl Parser {
    // ---- token access -------------------------------------------------

    fn peek(&self) -> &Kind {
        &self.tokens[self.pos].kind
    }

    fn token(&self) -> &Token {
        &self.tokens[self.pos]
    }

    fn here(&self) -> Location {
        let t = self.token();
        Location { file: self.file.clone(), line: t.line as usize, column: t.column as usize }
    }

    fn advance(&mut self) {
        if self.pos + 1 < self.tokens.len() {
            self.pos += 1;
        }
    }

    /// Moves out the text of the current token if it is an identifier (or,
    /// with `strings`, a quoted string or text block) and advances past it.
    /// The parser never reads a token's text twice, so nothing is copied.
    fn take_text(&mut self, strings: bool) -> Option<String> {
        let text = match &mut self.tokens[self.pos].kind {
            Kind::Ident(text) => std::mem::take(text),
            Kind::Str(text) | Kind::TextBlock(text) if strings => std::mem::take(text),
            _ => return None,
        };
        self.advance();
        Some(text)
    }

    /// A key: an identifier or a quoted string (not a text block).
    fn key_text(&mut self) -> Option<String> {
        match self.peek() {
            Kind::Ident(_) | Kind::Str(_) => self.take_text(true),
            _ => None,
        }
    }

    fn at_ident(&self, word: &str) -> bool {
        matches!(self.peek(), Kind::Ident(w) if w == word)
    }

    /// Records an error at the current token, unless the lexer already did.
    fn fail<T>(&mut self, message: String) -> Parsed<T> {
        if *self.peek() != Kind::Invalid {
            let t = self.token();
            let (line, column) = (t.line as usize, t.column as usize);
            self.errors.push(Diagnostic { file: self.out.file.clone(), line, column, message });
        }
        Err(Stop)
    }

    fn error_at(&mut self, at: &Location, message: String) {
        self.errors.push(Diagnostic::at(at, message));
    }

    fn expected<T>(&mut self, what: &str) -> Parsed<T> {
        let found = self.peek().describe();
        self.fail(format!("expected {what} but found {found}"))
    }

    fn expect(&mut self, kind: Kind, what: &str) -> Parsed<()> {
        if *self.peek() == kind {
            self.advance();
            Ok(())
        } else {
            self.expected(what)
        }
    }

    fn ident(&mut self) -> Parsed<String> {
        match self.take_text(false) {
            Some(name) => Ok(name),
            None => self.expected("an identifier"),
        }
    }

    // ---- whitespace ---------------------------------------------------

    /// Skips spaces and tabs.
    fn sp(&mut self) {
        while *self.peek() == Kind::Space {
            self.advance();
        }
    }

    /// Skips whitespace, commas, newlines and comments.
    fn ws(&mut self) {
        while self.peek().is_trivia() {
            self.advance();
        }
    }

    /// At least one space or tab.
    fn sp1(&mut self) -> Parsed<()> {
        if *self.peek() != Kind::Space {
            return self.expected("a space");
        }
        self.sp();
        Ok(())
    }

    /// A line break (a comment ends one too), or the end of the file.
    fn br(&mut self) -> Parsed<()> {
        while matches!(self.peek(), Kind::Space | Kind::Comma) {
            self.advance();
        }
        match self.peek() {
            Kind::Newline | Kind::Comment { .. } | Kind::Eof => {
                self.ws();
                Ok(())
            }
            _ => self.expected("a line break"),
        }
    }

    /// The doc comment right before the current token (only whitespace between).
    fn docs_before(&self) -> Option<String> {
        let mut lines = Vec::new();
        let mut i = self.pos;
        while i > 0 {
            i -= 1;
            match &self.tokens[i].kind {
                Kind::Comment { doc: true, text } => {
                    // A doc comment after a statement on the same line documents nothing.
                    let mut before = i;
                    while before > 0 && self.tokens[before - 1].kind == Kind::Space {
                        before -= 1;
                    }
                    let starts_line = before == 0 || self.tokens[before - 1].kind.is_trivia();
                    if !starts_line {
                        break;
                    }
                    lines.push(text.strip_prefix(' ').unwrap_or(text).to_string())
                }
                Kind::Space | Kind::Newline | Kind::Comma => {}
                _ => break,
            }
        }
        if lines.is_empty() {
            return None;
        }
        lines.reverse();
        Some(lines.join("\n"))
    }

    /// Skips to the next statement after an error: a line that starts with
    /// something other than whitespace or `}`.
    fn recover(&mut self) {
        loop {
            match self.peek() {
                Kind::Eof => return,
                Kind::Newline => {
                    self.advance();
                    let t = self.token();
                    let starts_statement =
                        t.column == 1 && matches!(t.kind, Kind::Ident(_) | Kind::At | Kind::Dollar | Kind::Eof);
                    if starts_statement {
                        return;
                    }
                }
                _ => {
                    self.advance();
                }
            }
        }
    }

    // ---- statements ---------------------------------------------------

    fn file(&mut self) {
        self.ws();
        let mut seen_controls: BTreeMap<String, Location> = BTreeMap::new();
        while *self.peek() == Kind::Dollar {
            if self.control(&mut seen_controls).is_err() {
                self.recover();
            }
        }
        while self.at_ident("metadata") {
            if self.metadata().is_err() {
                self.recover();
            }
        }
        if self.at_ident("namespace") {
            if self.namespace().is_err() {
                self.recover();
            }
        } else if *self.peek() != Kind::Eof {
            let _ = self.expected::<()>("a namespace statement");
            return;
        }
        while self.at_ident("use") {
            if self.use_statement().is_err() {
                self.recover();
            }
        }
        while *self.peek() != Kind::Eof {
            if self.shape_or_apply().is_err() {
                self.recover();
            }
        }
    }

    fn control(&mut self, seen: &mut BTreeMap<String, Location>) -> Parsed<()> {
        self.advance();
        let at = self.here();
        let key = match self.key_text() {
            Some(key) => key,
            None => return self.expected("a control statement name"),
        };
        self.sp();
        self.expect(Kind::Colon, "`:`")?;
        self.sp();
        let value_at = self.here();
        let value = self.node_value()?;
        self.br()?;
        if let Some(first) = seen.get(&key) {
            let message = format!("duplicate control statement `{key}` (first at {first})");
            self.error_at(&value_at, message);
            return Ok(());
        }
        seen.insert(key.clone(), at.clone());
        let text = match &value {
            Node::Str(s) => s.clone(),
            _ => {
                self.error_at(&value_at, format!("the `${key}` control statement needs a string value"));
                return Ok(());
            }
        };
        match key.as_str() {
            "version" => match text.as_str() {
                "1" | "1.0" | "2" | "2.0" => self.out.version = text,
                _ => self.error_at(&value_at, format!("unsupported Smithy IDL version `{text}` (expected 1.0 or 2.0)")),
            },
            "operationInputSuffix" | "operationOutputSuffix" if !is_name_suffix(&text) => {
                let message = format!("`${key}` must be letters, digits and `_` (it ends shape names), not {text:?}");
                self.error_at(&value_at, message);
            }
            "operationInputSuffix" => self.input_suffix = text,
            "operationOutputSuffix" => self.output_suffix = text,
            // Unknown control statements are allowed (Smithy warns).
            _ => {}
        }
        Ok(())
    }

    fn metadata(&mut self) -> Parsed<()> {
        self.advance();
        self.sp1()?;
        let at = self.here();
        let key = match self.key_text() {
            Some(key) => key,
            None => return self.expected("a metadata key (an identifier or a string)"),
        };
        self.sp();
        self.expect(Kind::Equal, "`=`")?;
        self.sp();
        let value = self.node_value()?;
        self.br()?;
        self.out.metadata.push((key, value, at));
        Ok(())
    }

    fn namespace(&mut self) -> Parsed<()> {
        self.advance();
        self.sp1()?;
        let mut name = self.ident()?;
        while *self.peek() == Kind::Dot {
            self.advance();
            name.push('.');
            name.push_str(&self.ident()?);
        }
        self.br()?;
        self.out.namespace = Some(name);
        Ok(())
    }

    fn use_statement(&mut self) -> Parsed<()> {
        self.advance();
        self.sp1()?;
        let at = self.here();
        let mut id = self.ident()?;
        while *self.peek() == Kind::Dot {
            self.advance();
            id.push('.');
            id.push_str(&self.ident()?);
        }
        self.expect(Kind::Pound, "`#` (a `use` statement needs an absolute shape id)")?;
        id.push('#');
        id.push_str(&self.ident()?);
        if *self.peek() == Kind::Dollar {
            self.advance();
            id.push('$');
            id.push_str(&self.ident()?);
        }
        self.br()?;
        let name = id.split_once('#').map_or("", |(_, name)| name);
        if name.contains('$') {
            self.error_at(&at, format!("`use` statements cannot use members: `{id}`"));
            return Ok(());
        }
        if let Some(previous) = self.out.uses.get(name).filter(|p| **p != id) {
            let message = format!("cannot use `{id}` because the name conflicts with `{previous}`");
            self.error_at(&at, message);
            return Ok(());
        }
        self.out.uses.insert(name.to_string(), id);
        Ok(())
    }

    /// `ns.ns#Name$member`, `Name` or `Name$member`, as written.
    fn shape_id(&mut self) -> Parsed<String> {
        let mut id = self.ident()?;
        while *self.peek() == Kind::Dot {
            self.advance();
            id.push('.');
            id.push_str(&self.ident()?);
        }
        if *self.peek() == Kind::Pound {
            self.advance();
            id.push('#');
            id.push_str(&self.ident()?);
        } else if id.contains('.') {
            return self.expected("`#`");
        }
        if *self.peek() == Kind::Dollar {
            self.advance();
            id.push('$');
            id.push_str(&self.ident()?);
        }
        Ok(id)
    }

    fn shape_or_apply(&mut self) -> Parsed<()> {
        if self.at_ident("apply") {
            return self.apply();
        }
        let docs = self.docs_before();
        let traits = self.traits()?;
        let at = self.here();
        let kind = match self.peek().clone() {
            Kind::Ident(k) => k,
            _ if !traits.is_empty() => return self.expected("a shape statement after its traits"),
            _ => return self.expected("a shape statement"),
        };
        if kind == "apply" {
            return self.fail("traits cannot be applied to an `apply` statement".into());
        }
        let known = SIMPLE_TYPES.contains(&kind.as_str())
            || matches!(
                kind.as_str(),
                "enum"
                    | "intEnum"
                    | "list"
                    | "set"
                    | "map"
                    | "structure"
                    | "union"
                    | "service"
                    | "resource"
                    | "operation"
            );
        if !known {
            return self.fail(format!("unknown shape type `{kind}`"));
        }
        self.advance();
        self.sp1()?;
        let name_at = self.here();
        let name = self.ident()?;
        if self.out.namespace.is_none() {
            self.error_at(&at, "a shape needs a namespace statement before it".into());
        }
        let mut shape = ParsedShape {
            name,
            at: name_at,
            shape: AstShape { shape_type: kind.clone(), ..AstShape::default() },
            traits,
            member_traits: BTreeMap::new(),
            docs: BTreeMap::new(),
            elided: Vec::new(),
            for_resource: None,
        };
        if let Some(docs) = docs {
            shape.docs.insert(None, docs);
        }
        self.version_checks(&kind, &at);
        if SIMPLE_TYPES.contains(&kind.as_str()) {
            self.sp();
            self.mixins(&mut shape.shape)?;
            self.br()?;
        } else {
            match kind.as_str() {
                "enum" | "intEnum" => {
                    self.sp();
                    self.mixins(&mut shape.shape)?;
                    self.ws();
                    self.enum_members(&mut shape)?;
                }
                "service" | "resource" | "operation" => {
                    self.sp();
                    self.mixins(&mut shape.shape)?;
                    self.ws();
                    if kind == "operation" {
                        self.operation_body(&mut shape)?;
                    } else {
                        let at = self.here();
                        let body = self.object_entries()?;
                        self.entity_body(&mut shape, body, &at);
                    }
                }
                _ => {
                    self.sp();
                    if self.at_ident("for") {
                        self.advance();
                        self.sp1()?;
                        shape.for_resource = Some(self.shape_id()?);
                        self.sp();
                    }
                    self.mixins(&mut shape.shape)?;
                    self.ws();
                    self.members(&mut shape)?;
                }
            }
            self.br()?;
        }
        self.out.shapes.push(shape);
        Ok(())
    }

    /// Shape types that exist in only one IDL version.
    fn version_checks(&mut self, kind: &str, at: &Location) {
        let v2 = self.out.is_v2();
        let problem = match kind {
            "enum" | "intEnum" if !v2 => Some(format!("{kind} shapes cannot be used in Smithy version 1.0")),
            "set" if v2 => Some("set shapes cannot be used in Smithy version 2.0; use a list with @uniqueItems".into()),
            _ => None,
        };
        if let Some(problem) = problem {
            self.error_at(at, problem);
        }
    }

    /// `with [A, B]`, if present.
    fn mixins(&mut self, shape: &mut AstShape) -> Parsed<()> {
        if !self.at_ident("with") {
            return Ok(());
        }
        let at = self.here();
        self.advance();
        self.ws();
        self.expect(Kind::LBracket, "`[`")?;
        self.ws();
        let mut ids = vec![AstRef { target: self.shape_id()? }];
        self.ws();
        while *self.peek() != Kind::RBracket {
            ids.push(AstRef { target: self.shape_id()? });
            self.ws();
        }
        self.advance();
        if !self.out.is_v2() {
            let version = self.out.version.clone();
            self.error_at(&at, format!("mixins can only be used with Smithy version 2 or later, not `{version}`"));
        }
        shape.mixins = Some(ids);
        Ok(())
    }

    fn apply(&mut self) -> Parsed<()> {
        let at = self.here();
        self.advance();
        self.sp1()?;
        let target = self.shape_id()?;
        if *self.peek() != Kind::Space {
            return self.expected("a space");
        }
        self.ws();
        let traits = if *self.peek() == Kind::LBrace {
            self.advance();
            self.ws();
            let traits = self.traits()?;
            self.expect(Kind::RBrace, "`}`")?;
            traits
        } else {
            if *self.peek() != Kind::At {
                return self.expected("`@` or `{`");
            }
            vec![self.trait_use()?]
        };
        self.br()?;
        self.out.applies.push(Apply { target, traits, at });
        Ok(())
    }

    // ---- traits and node values ---------------------------------------

    /// Zero or more traits, each followed by whitespace.
    fn traits(&mut self) -> Parsed<Vec<TraitUse>> {
        let mut traits = Vec::new();
        while *self.peek() == Kind::At {
            traits.push(self.trait_use()?);
            self.ws();
        }
        Ok(traits)
    }

    fn trait_use(&mut self) -> Parsed<TraitUse> {
        let at = self.here();
        self.advance();
        let name = self.shape_id()?;
        if *self.peek() != Kind::LParen {
            return Ok(TraitUse { name, value: None, at });
        }
        self.advance();
        self.ws();
        if *self.peek() == Kind::RParen {
            self.advance();
            return Ok(TraitUse { name, value: Some(Node::Object(Vec::new())), at });
        }
        let structured = matches!(self.peek(), Kind::Ident(_) | Kind::Str(_)) && {
            let mut i = self.pos + 1;
            while self.tokens[i].kind.is_trivia() {
                i += 1;
            }
            self.tokens[i].kind == Kind::Colon
        };
        let value = if structured {
            let mut entries = Vec::new();
            while *self.peek() != Kind::RParen {
                entries.push(self.object_entry()?);
                self.ws();
            }
            Node::Object(entries)
        } else {
            let value = self.node_value()?;
            self.ws();
            value
        };
        self.expect(Kind::RParen, "`)`")?;
        Ok(TraitUse { name, value: Some(value), at })
    }

    fn object_entry(&mut self) -> Parsed<(String, Node)> {
        let key = match self.key_text() {
            Some(key) => key,
            None => return self.expected("an object key (an identifier or a string)"),
        };
        self.ws();
        self.expect(Kind::Colon, "`:`")?;
        self.ws();
        let value = self.node_value()?;
        Ok((key, value))
    }

    fn node_object(&mut self) -> Parsed<Node> {
        Ok(Node::Object(self.object_entries()?))
    }

    /// The entries of `{ key: value ... }`.
    fn object_entries(&mut self) -> Parsed<Vec<(String, Node)>> {
        self.expect(Kind::LBrace, "`{`")?;
        self.ws();
        let mut entries: Vec<(String, Node)> = Vec::new();
        while *self.peek() != Kind::RBrace {
            let at = self.here();
            let (key, value) = self.object_entry()?;
            if entries.iter().any(|(k, _)| *k == key) {
                self.error_at(&at, format!("duplicate object key `{key}`"));
            }
            entries.push((key, value));
            self.ws();
        }
        self.advance();
        Ok(entries)
    }

    fn node_value(&mut self) -> Parsed<Node> {
        match self.peek() {
            Kind::LBrace => self.node_object(),
            Kind::LBracket => {
                self.advance();
                self.ws();
                let mut items = Vec::new();
                while *self.peek() != Kind::RBracket {
                    items.push(self.node_value()?);
                    self.ws();
                }
                self.advance();
                Ok(Node::Array(items))
            }
            Kind::Str(_) | Kind::TextBlock(_) => Ok(Node::Str(self.take_text(true).unwrap_or_default())),
            Kind::Number(text) => match number_value(text) {
                Some(n) => {
                    self.advance();
                    Ok(Node::Number(n))
                }
                None => {
                    let message = format!("invalid number `{text}`");
                    self.fail(message)
                }
            },
            Kind::Ident(word) => match word.as_str() {
                "true" | "false" => {
                    let value = word == "true";
                    self.advance();
                    Ok(Node::Bool(value))
                }
                "null" => {
                    self.advance();
                    Ok(Node::Null)
                }
                _ => Ok(Node::ShapeId(self.shape_id()?)),
            },
            _ => self.expected("a value (string, text block, number, identifier, `{` or `[`)"),
        }
    }

    // ---- shape bodies -------------------------------------------------

    /// `= value` after a member, as its `smithy.api#default` trait.
    fn default_value(&mut self, name: &str, shape: &mut ParsedShape) -> Parsed<bool> {
        self.sp();
        if *self.peek() != Kind::Equal {
            return Ok(false);
        }
        let at = self.here();
        self.advance();
        self.sp();
        let value = self.node_value()?;
        self.br()?;
        if !self.out.is_v2() {
            self.error_at(&at, "`= value` defaults are only supported in IDL version 2 or later".into());
        }
        let trait_name = if matches!(shape.shape.shape_type.as_str(), "enum" | "intEnum") {
            "smithy.api#enumValue"
        } else {
            "smithy.api#default"
        };
        shape.member_traits.entry(name.to_string()).or_default().push(TraitUse {
            name: trait_name.into(),
            value: Some(value),
            at,
        });
        Ok(true)
    }

    fn add_member(&mut self, shape: &mut ParsedShape, name: String, target: String, at: Location) -> Parsed<()> {
        let kind = shape.shape.shape_type.clone();
        let member = AstMember { target, traits: BTreeMap::new() };
        let slot = match (kind.as_str(), name.as_str()) {
            ("list" | "set", "member") => &mut shape.shape.member,
            ("map", "key") => &mut shape.shape.key,
            ("map", "value") => &mut shape.shape.value,
            ("list" | "set" | "map", _) => {
                self.error_at(&at, format!("{kind} shapes cannot have a member named `{name}`"));
                return Ok(());
            }
            _ => {
                let members = shape.shape.members.get_or_insert_with(OrderedMap::default);
                if members.get(&name).is_some() {
                    self.error_at(&at, format!("duplicate member `{name}`"));
                    return Ok(());
                }
                members.0.push((name, member));
                return Ok(());
            }
        };
        if slot.is_some() {
            self.error_at(&at, format!("duplicate member `{name}`"));
        }
        *slot = Some(member);
        Ok(())
    }

    /// `{ name: Target ... }` of structures, unions, lists and maps.
    fn members(&mut self, shape: &mut ParsedShape) -> Parsed<()> {
        self.expect(Kind::LBrace, "`{`")?;
        self.ws();
        if matches!(shape.shape.shape_type.as_str(), "structure" | "union") {
            shape.shape.members = Some(OrderedMap::default());
        }
        while *self.peek() != Kind::RBrace {
            let docs = self.docs_before();
            let traits = self.traits()?;
            let at = self.here();
            let (name, target) = if *self.peek() == Kind::Dollar {
                self.advance();
                let name = self.ident()?;
                if !self.out.is_v2() {
                    self.error_at(&at, "members can only elide targets in IDL version 2 or later".into());
                }
                shape.elided.push((name.clone(), at.clone()));
                (name, String::new())
            } else {
                let name = self.ident()?;
                self.sp();
                self.expect(Kind::Colon, "`:`")?;
                self.ws();
                (name, self.shape_id()?)
            };
            self.add_member(shape, name.clone(), target, at)?;
            if let Some(docs) = docs {
                shape.docs.insert(Some(name.clone()), docs);
            }
            if !traits.is_empty() {
                shape.member_traits.entry(name.clone()).or_default().extend(traits);
            }
            self.default_value(&name, shape)?;
            self.ws();
        }
        self.advance();
        Ok(())
    }

    fn enum_members(&mut self, shape: &mut ParsedShape) -> Parsed<()> {
        self.expect(Kind::LBrace, "`{`")?;
        self.ws();
        shape.shape.members = Some(OrderedMap::default());
        while *self.peek() != Kind::RBrace {
            let docs = self.docs_before();
            let traits = self.traits()?;
            let at = self.here();
            let name = self.ident()?;
            self.add_member(shape, name.clone(), "smithy.api#Unit".into(), at)?;
            if let Some(docs) = docs {
                shape.docs.insert(Some(name.clone()), docs);
            }
            if !traits.is_empty() {
                shape.member_traits.entry(name.clone()).or_default().extend(traits);
            }
            self.default_value(&name, shape)?;
            self.ws();
        }
        self.advance();
        Ok(())
    }

    fn operation_body(&mut self, shape: &mut ParsedShape) -> Parsed<()> {
        let body_at = self.here();
        self.expect(Kind::LBrace, "`{`")?;
        self.ws();
        let mut entries = Vec::new();
        while *self.peek() != Kind::RBrace {
            let key_at = self.here();
            let key = self.ident()?;
            self.ws();
            if *self.peek() == Kind::Walrus && (key == "input" || key == "output") {
                self.advance();
                self.ws();
                let id = self.inline_structure(shape, &key, &key_at)?;
                entries.push((key, Node::ShapeId(id)));
            } else {
                self.expect(Kind::Colon, "`:`")?;
                self.ws();
                entries.push((key, self.node_value()?));
            }
            self.ws();
        }
        self.advance();
        self.entity_body(shape, entries, &body_at);
        Ok(())
    }

    /// `input := @traits with [M] { members }`: a structure of its own.
    fn inline_structure(&mut self, operation: &ParsedShape, key: &str, at: &Location) -> Parsed<String> {
        if !self.out.is_v2() {
            let version = self.out.version.clone();
            self.error_at(
                at,
                format!("inline operation input and output need Smithy version 2 or later, not `{version}`"),
            );
        }
        let docs = self.docs_before();
        let mut traits = self.traits()?;
        let (suffix, marker) = if key == "input" {
            (self.input_suffix.clone(), "smithy.api#input")
        } else {
            (self.output_suffix.clone(), "smithy.api#output")
        };
        traits.push(TraitUse { name: marker.into(), value: Some(Node::Object(Vec::new())), at: at.clone() });
        let mut shape = ParsedShape {
            name: format!("{}{suffix}", operation.name),
            at: at.clone(),
            shape: AstShape { shape_type: "structure".into(), ..AstShape::default() },
            traits,
            member_traits: BTreeMap::new(),
            docs: BTreeMap::new(),
            elided: Vec::new(),
            for_resource: None,
        };
        if let Some(docs) = docs {
            shape.docs.insert(None, docs);
        }
        if self.at_ident("for") {
            self.advance();
            self.sp1()?;
            shape.for_resource = Some(self.shape_id()?);
            self.ws();
        }
        self.mixins(&mut shape.shape)?;
        self.ws();
        self.members(&mut shape)?;
        let name = shape.name.clone();
        self.out.shapes.push(shape);
        Ok(name)
    }

    /// Service, resource and operation properties from their node object.
    fn entity_body(&mut self, shape: &mut ParsedShape, body: Vec<(String, Node)>, at: &Location) {
        let kind = shape.shape.shape_type.clone();
        let s = &mut shape.shape;
        for (key, value) in body {
            let problem = match (kind.as_str(), key.as_str()) {
                ("service", "version") => match value {
                    Node::Str(v) => {
                        s.version = Some(v);
                        None
                    }
                    _ => Some("a string".to_string()),
                },
                ("service" | "resource", "operations") => set_refs(&mut s.operations, value),
                ("service" | "resource", "resources") => set_refs(&mut s.resources, value),
                ("service" | "operation", "errors") => set_refs(&mut s.errors, value),
                ("service", "rename") => match value {
                    Node::Object(entries) => {
                        let mut rename = BTreeMap::new();
                        let mut bad = None;
                        for (from, to) in entries {
                            match to {
                                Node::Str(to) => {
                                    rename.insert(from, to);
                                }
                                _ => bad = Some("an object of strings".to_string()),
                            }
                        }
                        s.rename = Some(rename);
                        bad
                    }
                    _ => Some("an object of strings".into()),
                },
                ("resource", "identifiers") => set_ref_map(&mut s.identifiers, value),
                ("resource", "properties") => {
                    if !self.out.version.starts_with('2') {
                        self.error_at(at, "resource properties can only be used with Smithy version 2 or later".into());
                    }
                    set_ref_map(&mut s.properties, value)
                }
                ("resource", "create") => set_ref(&mut s.create, value),
                ("resource", "put") => set_ref(&mut s.put, value),
                ("resource", "read") => set_ref(&mut s.read, value),
                ("resource", "update") => set_ref(&mut s.update, value),
                ("resource", "delete") => set_ref(&mut s.delete, value),
                ("resource", "list") => set_ref(&mut s.list, value),
                ("resource", "collectionOperations") => set_refs(&mut s.collection_operations, value),
                ("operation", "input") => set_ref(&mut s.input, value),
                ("operation", "output") => set_ref(&mut s.output, value),
                _ => {
                    self.error_at(at, format!("unknown {kind} property `{key}`"));
                    None
                }
            };
            if let Some(expected) = problem {
                self.error_at(at, format!("{kind} property `{key}` must be {expected}"));
            }
        }
    }
}

/// Whether `text` can end an identifier.
fn is_name_suffix(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b == b'_' || b.is_ascii_alphanumeric())
}

fn set_ref(slot: &mut Option<AstRef>, value: Node) -> Option<String> {
    match value {
        Node::ShapeId(id) => {
            *slot = Some(AstRef { target: id });
            None
        }
        _ => Some("a shape id".into()),
    }
}

fn set_refs(slot: &mut Option<Vec<AstRef>>, value: Node) -> Option<String> {
    let Node::Array(items) = value else { return Some("a list of shape ids".into()) };
    let mut refs = Vec::new();
    for item in items {
        let Node::ShapeId(id) = item else { return Some("a list of shape ids".into()) };
        refs.push(AstRef { target: id });
    }
    *slot = Some(refs);
    None
}

fn set_ref_map(slot: &mut Option<OrderedMap<AstRef>>, value: Node) -> Option<String> {
    let Node::Object(entries) = value else { return Some("an object of shape ids".into()) };
    let mut map = OrderedMap::default();
    for (key, item) in entries {
        let Node::ShapeId(id) = item else { return Some("an object of shape ids".into()) };
        map.0.push((key, AstRef { target: id }));
    }
    *slot = Some(map);
    None
}

/// A number token as a node number, its text kept. The lexer lets leading
/// zeros through (`007`); they are dropped, since JSON has no such form.
fn number_value(text: &str) -> Option<crate::ast::Number> {
    crate::ast::Number::parse(text).or_else(|| {
        let (sign, unsigned) = text.strip_prefix('-').map_or(("", text), |rest| ("-", rest));
        let trimmed = unsigned.trim_start_matches('0');
        let trimmed = if trimmed.is_empty() || !trimmed.starts_with(|c: char| c.is_ascii_digit()) {
            format!("0{trimmed}")
        } else {
            trimmed.to_string()
        };
        crate::ast::Number::parse(&format!("{sign}{trimmed}"))
    })
}

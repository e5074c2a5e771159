//! The public names of a generated crate's API, read from its Rust source:
//! types and their modules, struct fields, inherent functions (getters with
//! their return types, builder methods), and enum variants with the wire
//! value `as_str()` gives.
//!
//! The same reader runs on aws-sdk-lambda's source (to write the committed
//! table) and on our generated source (to compare with it), so a difference
//! is a difference of spelling, not of reading.

use std::collections::BTreeMap;
use std::fmt;

use quote::ToTokens;
use syn::{Expr, Fields, FnArg, ImplItem, Item, Lit, Pat, ReceiverKind, ReturnType, Stmt, Type, Visibility};

/// What a name names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// A public struct or enum; `owner` is its module path.
    Type,
    /// A public field of a struct.
    Field,
    /// A public inherent function (getters, builder methods, `builder()`).
    Fn,
    /// An enum variant; `value` is its wire value when the enum has `as_str()`.
    Variant,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Type => "type",
            Kind::Field => "field",
            Kind::Fn => "fn",
            Kind::Variant => "variant",
        }
    }

    fn parse(text: &str) -> Option<Kind> {
        Some(match text {
            "type" => Kind::Type,
            "field" => Kind::Field,
            "fn" => Kind::Fn,
            "variant" => Kind::Variant,
            _ => return None,
        })
    }
}

/// One public name: a table row `kind<TAB>owner<TAB>name<TAB>value`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Entry {
    pub kind: Kind,
    /// The module of a type; the type of a field, function or variant.
    pub owner: String,
    pub name: String,
    /// The wire value of an enum variant, the return type of a getter
    /// (without paths), else empty.
    pub value: String,
}

impl fmt::Display for Entry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}\t{}\t{}\t{}", self.kind.as_str(), self.owner, self.name, self.value)
    }
}

/// The names of one Rust source file whose items sit in module `module`
/// (`types`, `operation::invoke`; inline `mod` blocks extend it).
pub fn read_source(source: &str, module: &str) -> Result<Vec<Entry>, syn::Error> {
    let file = syn::parse_file(source)?;
    let mut out = Vec::new();
    read_items(&file.items, module, &mut out);
    Ok(out)
}

fn read_items(items: &[Item], module: &str, out: &mut Vec<Entry>) {
    for item in items {
        match item {
            Item::Mod(m) if is_pub(&m.vis) => {
                if let Some((_, items)) = &m.content {
                    let child = if module.is_empty() { m.ident.to_string() } else { format!("{module}::{}", m.ident) };
                    read_items(items, &child, out);
                }
            }
            Item::Struct(s) if is_pub(&s.vis) => {
                let name = s.ident.to_string();
                out.push(type_entry(module, &name));
                if let Fields::Named(fields) = &s.fields {
                    for field in fields.named.iter().filter(|f| is_pub(&f.vis)) {
                        if let Some(ident) = &field.ident {
                            out.push(entry(Kind::Field, &name, &ident.to_string(), ""));
                        }
                    }
                }
            }
            Item::Enum(e) if is_pub(&e.vis) => {
                let name = e.ident.to_string();
                out.push(type_entry(module, &name));
                for variant in &e.variants {
                    out.push(entry(Kind::Variant, &name, &variant.ident.to_string(), ""));
                }
            }
            Item::Impl(i) if i.trait_.is_none() => read_impl(i, out),
            _ => {}
        }
    }
}

/// A type entry; builders are defined beside their type in the SDK's files
/// but live in the `builders` child module, where ours are written.
fn type_entry(module: &str, name: &str) -> Entry {
    let in_builders = name.ends_with("Builder") && !name.ends_with("FluentBuilder") && !module.ends_with("builders");
    let module = if in_builders { format!("{module}::builders") } else { module.to_string() };
    entry(Kind::Type, &module, name, "")
}

fn read_impl(item: &syn::ItemImpl, out: &mut Vec<Entry>) {
    let Type::Path(path) = &*item.self_ty else { return };
    let Some(owner) = path.path.segments.last().map(|s| s.ident.to_string()) else { return };
    for inner in &item.items {
        let ImplItem::Fn(function) = inner else { continue };
        if !is_pub(&function.vis) {
            continue;
        }
        let name = function.sig.ident.to_string();
        if name == "as_str" {
            read_wire_values(&owner, &function.block.stmts, out);
        }
        out.push(entry(Kind::Fn, &owner, &name, &signature(&function.sig)));
    }
}

/// What a method's signature says about its member: a getter's (`&self`
/// and nothing else) return type, `Option<&DateTime>`; a builder method's
/// (`self` and arguments) argument types, `(implInto<String>)`; empty for
/// other functions. Types are written without paths.
fn signature(sig: &syn::Signature) -> String {
    let Some(FnArg::Receiver(receiver)) = sig.inputs.first() else { return String::new() };
    let arguments: Vec<String> = sig
        .inputs
        .iter()
        .skip(1)
        .filter_map(|input| match input {
            FnArg::Typed(typed) => Some(without_paths(&typed.ty.to_token_stream().to_string())),
            FnArg::Receiver(_) => None,
        })
        .collect();
    match (&receiver.kind, &sig.output) {
        (ReceiverKind::Reference(_, _, None), ReturnType::Type(_, ty)) if arguments.is_empty() => {
            without_paths(&ty.to_token_stream().to_string())
        }
        (ReceiverKind::Value, _) if !arguments.is_empty() => format!("({})", arguments.join(",")),
        _ => String::new(),
    }
}

/// Type text without path prefixes, spaced as rustfmt spaces it:
/// `:: std :: option :: Option < & str >` -> `Option<&str>`,
/// `impl :: std :: convert :: Into < String >` -> `impl Into<String>`.
fn without_paths(text: &str) -> String {
    let is_word = |t: &str| t.chars().all(|c| c.is_alphanumeric() || c == '_');
    // Groups print their delimiter against the first token (`[::std`).
    let spaced = text.replace("::", " :: ");
    let mut tokens: Vec<&str> = Vec::new();
    for token in spaced.split_whitespace() {
        if token == "::" {
            // Drop the path segment before `::`, but not a keyword (`impl ::std::...`).
            if tokens.last().is_some_and(|t| is_word(t) && !matches!(*t, "impl" | "dyn" | "mut")) {
                tokens.pop();
            }
            continue;
        }
        tokens.push(token);
    }
    let mut out = String::new();
    for (index, token) in tokens.iter().enumerate() {
        if index > 0 && is_word(token) && is_word(tokens[index - 1]) {
            out.push(' ');
        }
        out.push_str(token);
    }
    // rustfmt and prettyplease end long generic lists with a comma.
    out.replace(",>", ">")
}

/// `Enum::Variant => "value"` arms of an `as_str` match.
fn read_wire_values(owner: &str, stmts: &[Stmt], out: &mut Vec<Entry>) {
    let Some(Stmt::Expr(Expr::Match(m), _)) = stmts.last() else { return };
    for arm in &m.arms {
        let (Pat::Path(pat), Expr::Lit(lit)) = (&arm.pat, &*arm.body) else { continue };
        let (Some(variant), Lit::Str(value)) = (pat.path.segments.last(), &lit.lit) else { continue };
        out.push(entry(Kind::Variant, owner, &variant.ident.to_string(), &value.value()));
    }
}

fn is_pub(vis: &Visibility) -> bool {
    matches!(vis, Visibility::Public(_))
}

fn entry(kind: Kind, owner: &str, name: &str, value: &str) -> Entry {
    Entry { kind, owner: owner.to_string(), name: name.to_string(), value: value.to_string() }
}

/// Sorted, without duplicates; a variant listed with its wire value replaces
/// the same variant without one.
pub fn normalize(mut entries: Vec<Entry>) -> Vec<Entry> {
    entries.sort();
    entries.dedup();
    let valued: std::collections::BTreeSet<(String, String)> = entries
        .iter()
        .filter(|e| e.kind == Kind::Variant && !e.value.is_empty())
        .map(|e| (e.owner.clone(), e.name.clone()))
        .collect();
    entries.retain(|e| {
        !(e.kind == Kind::Variant && e.value.is_empty() && valued.contains(&(e.owner.clone(), e.name.clone())))
    });
    entries
}

/// Parses a table written by [`Entry`]'s `Display`; `#` lines are comments.
pub fn parse_table(text: &str) -> Result<Vec<Entry>, String> {
    let mut out = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let parts: Vec<&str> = line.split('\t').collect();
        let kind = parts.first().and_then(|k| Kind::parse(k));
        match (kind, parts.len()) {
            (Some(kind), 4) => out.push(entry(kind, parts[1], parts[2], parts[3])),
            _ => {
                return Err(format!("line {}: expected `kind<TAB>owner<TAB>name<TAB>value`, found {line:?}", index + 1))
            }
        }
    }
    Ok(out)
}

/// A name without case, separators or raw-identifier prefix: the key that
/// pairs `KMSAccessDeniedException` with `KmsAccessDeniedException`.
pub fn key(name: &str) -> String {
    name.trim_start_matches("r#").chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// A name that two tables spell differently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// What is named, e.g. `field of types::DocumentDbEventSourceConfig`.
    pub what: String,
    pub theirs: String,
    pub ours: String,
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: aws-sdk-lambda `{}`, ours `{}`", self.what, self.theirs, self.ours)
    }
}

/// The comparison of two tables.
#[derive(Debug, Default)]
pub struct Comparison {
    /// Names present on both sides (paired by [`key`], variants with a wire
    /// value by that value).
    pub compared: usize,
    pub differences: Vec<Difference>,
}

/// Pairs the names of `theirs` and `ours` and lists those spelled differently;
/// what only one side has (a newer model's shapes, our extra functions) is ignored.
pub fn compare(theirs: &[Entry], ours: &[Entry]) -> Comparison {
    let index = |entries: &[Entry]| -> BTreeMap<(Kind, String, String), Entry> {
        entries
            .iter()
            .map(|e| {
                let owner = if e.kind == Kind::Type { String::new() } else { key(&e.owner) };
                let name =
                    if e.kind == Kind::Variant && !e.value.is_empty() { format!("={}", e.value) } else { key(&e.name) };
                ((e.kind, owner, name), e.clone())
            })
            .collect()
    };
    let ours = index(ours);
    let mut comparison = Comparison::default();
    for (k, their) in index(theirs) {
        let Some(our) = ours.get(&k) else { continue };
        comparison.compared += 1;
        let (theirs_spelled, ours_spelled) = match their.kind {
            Kind::Type => (format!("{}::{}", their.owner, their.name), format!("{}::{}", our.owner, our.name)),
            _ => (their.name.clone(), our.name.clone()),
        };
        if theirs_spelled != ours_spelled {
            let what = match their.kind {
                Kind::Type => "type".to_string(),
                kind => format!("{} of {}", kind.as_str(), their.owner),
            };
            comparison.differences.push(Difference { what, theirs: theirs_spelled, ours: ours_spelled });
        }
        let both_typed = their.kind == Kind::Fn && !their.value.is_empty() && !our.value.is_empty();
        if both_typed && their.value != our.value && !deliberate(&their.value, &our.value) {
            let what = if their.value.starts_with('(') { "arguments" } else { "return type" };
            comparison.differences.push(Difference {
                what: format!("{what} of {}::{}", their.owner, their.name),
                theirs: their.value.clone(),
                ours: our.value.clone(),
            });
        }
    }
    comparison
}

/// Our deliberate getter differences (the README's switching table): a
/// required (or defaulted) member is a plain value where the SDK's input
/// getter returns an `Option` of it (`Option<&str>` / `&str`), streaming
/// bodies are the raw `Blob` where the SDK has a `ByteStream`, and event
/// streams are a sans-IO `EventDecoder` of the same event type where the SDK
/// has an `EventReceiver`.
fn deliberate(theirs: &str, ours: &str) -> bool {
    let required_is_plain = theirs.strip_prefix("Option<").and_then(|t| t.strip_suffix('>')) == Some(ours);
    let streaming = theirs.contains("ByteStream") && ours.contains("Blob");
    let event_stream = theirs.contains("EventReceiver<") && ours.contains("EventDecoder<");
    required_is_plain || streaming || event_stream
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = r#"
        pub mod types {
            pub struct KmsError { pub kms_key_arn: Option<String>, secret: u8 }
            impl KmsError { pub fn kms_key_arn(&self) -> Option<&str> { None } fn hidden(&self) {} }
            impl Clone for KmsError { fn clone(&self) -> Self { todo!() } }
            pub enum Arch { X8664, Unknown(String) }
            impl Arch { pub fn as_str(&self) -> &str { match self { Arch::X8664 => "x86_64", Arch::Unknown(v) => v } } }
            pub mod builders { pub struct KmsErrorBuilder; }
        }
    "#;

    #[test]
    fn reads_types_fields_functions_and_wire_values() {
        let table = normalize(read_source(SOURCE, "").unwrap());
        let rows: Vec<String> = table.iter().map(ToString::to_string).collect();
        assert_eq!(
            rows,
            [
                "type\ttypes\tArch\t",
                "type\ttypes\tKmsError\t",
                "type\ttypes::builders\tKmsErrorBuilder\t",
                "field\tKmsError\tkms_key_arn\t",
                "fn\tArch\tas_str\t&str",
                "fn\tKmsError\tkms_key_arn\tOption<&str>",
                "variant\tArch\tUnknown\t",
                "variant\tArch\tX8664\tx86_64",
            ]
        );
        assert_eq!(parse_table(&rows.join("\n")).unwrap(), table);
    }

    #[test]
    fn getter_return_types_must_agree_but_for_plain_required_members() {
        let theirs = parse_table("fn\tT\ta\tOption<&DateTime>\nfn\tT\tb\tOption<&str>\nfn\tT\tc\t\n").unwrap();
        let ours = parse_table("fn\tT\ta\tOption<DateTime>\nfn\tT\tb\t&str\nfn\tT\tc\tbool\n").unwrap();
        let comparison = compare(&theirs, &ours);
        let shown: Vec<String> = comparison.differences.iter().map(ToString::to_string).collect();
        assert_eq!(shown, ["return type of T::a: aws-sdk-lambda `Option<&DateTime>`, ours `Option<DateTime>`"]);
        assert_eq!(without_paths(":: std :: option :: Option < & crate :: types :: Runtime >"), "Option<&Runtime>");
        assert_eq!(without_paths("Option < Vec < T > , >"), "Option<Vec<T>>");
        assert_eq!(without_paths("& [::std :: string :: String]"), "&[String]");
        assert_eq!(without_paths("impl :: std :: convert :: Into < :: std :: string :: String >"), "impl Into<String>");
    }

    #[test]
    fn compare_shows_both_spellings_and_ignores_one_sided_names() {
        let theirs =
            parse_table("type\ttypes\tKmsError\t\nfield\tKmsError\tkms_key_arn\t\nfield\tKmsError\tnewer\t").unwrap();
        let ours =
            parse_table("type\ttypes\tKMSError\t\nfield\tKMSError\tk_m_s_key_arn\t\nfn\tKMSError\textra\t").unwrap();
        let comparison = compare(&theirs, &ours);
        assert_eq!(comparison.compared, 2);
        let shown: Vec<String> = comparison.differences.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "type: aws-sdk-lambda `types::KmsError`, ours `types::KMSError`",
                "field of KmsError: aws-sdk-lambda `kms_key_arn`, ours `k_m_s_key_arn`",
            ]
        );
    }
}

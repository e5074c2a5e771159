//! Prints a model as Smithy IDL, one file per namespace (an IDL file has a
//! single namespace). Reading the files back gives the same model.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use super::prelude::is_prelude_name;
use crate::ast::{AstMember, AstModel, AstRef, AstShape, Node, OrderedMap};

const INDENT: &str = "    ";

/// The model as IDL: `(namespace, file text)` per namespace, sorted by
/// namespace; the model's metadata is written in the first file.
pub fn to_idl(model: &AstModel) -> Vec<(String, String)> {
    let mut by_namespace: BTreeMap<&str, Vec<(&str, &AstShape)>> = BTreeMap::new();
    for (id, shape) in model.shapes.iter() {
        let namespace = id.split('#').next().unwrap_or_default();
        by_namespace.entry(namespace).or_default().push((id, shape));
    }
    // A model without shapes still has a version (and maybe metadata).
    if by_namespace.is_empty() {
        by_namespace.insert("", Vec::new());
    }
    let defined: BTreeSet<&str> = model.shapes.iter().map(|(id, _)| id.as_str()).collect();
    let mut files = Vec::new();
    for (i, (namespace, shapes)) in by_namespace.into_iter().enumerate() {
        let printer = Printer { namespace, defined: &defined };
        let mut out = String::new();
        let _ = writeln!(out, "$version: {}", quote(&model.smithy));
        out.push('\n');
        if i == 0 && !model.metadata.is_empty() {
            for (key, value) in &model.metadata {
                let _ = writeln!(out, "metadata {} = {}", key_text(key), node(value, ""));
            }
            out.push('\n');
        }
        if !namespace.is_empty() {
            let _ = writeln!(out, "namespace {namespace}");
        }
        for (id, shape) in shapes {
            out.push('\n');
            printer.shape(&mut out, id, shape);
        }
        files.push((namespace.to_string(), out));
    }
    files
}

struct Printer<'a> {
    namespace: &'a str,
    defined: &'a BTreeSet<&'a str>,
}

impl Printer<'_> {
    /// The shortest id that resolves back to `id` in this file.
    fn short<'b>(&self, id: &'b str) -> std::borrow::Cow<'b, str> {
        let Some((namespace, name)) = id.split_once('#') else { return id.into() };
        let base = name.split('$').next().unwrap_or(name);
        let local = format!("{}#{base}", self.namespace);
        // A bare name means the namespace's shape if there is one, else the
        // prelude's: an undefined local name that the prelude has stays absolute.
        if namespace == self.namespace && (self.defined.contains(local.as_str()) || !is_prelude_name(base)) {
            return name.into();
        }
        if namespace == "smithy.api" && is_prelude_name(base) && !self.defined.contains(local.as_str()) {
            return name.into();
        }
        id.into()
    }

    fn traits(&self, out: &mut String, traits: &BTreeMap<String, Node>, indent: &str, skip: &[&str]) {
        // A doc comment only counts before the traits.
        let docs = traits.get_key_value("smithy.api#documentation");
        for (name, value) in docs.into_iter().chain(traits.iter().filter(|(n, _)| *n != "smithy.api#documentation")) {
            if skip.contains(&name.as_str()) {
                continue;
            }
            if name == "smithy.api#documentation" {
                if let Some(docs) = value.as_str().filter(|d| !d.contains('\r')) {
                    for line in docs.split('\n') {
                        let _ = writeln!(out, "{indent}/// {line}");
                    }
                    continue;
                }
            }
            let name = self.short(name);
            match value {
                Node::Object(map) if map.is_empty() => {
                    let _ = writeln!(out, "{indent}@{name}");
                }
                _ => {
                    let _ = writeln!(out, "{indent}@{name}({})", node(value, indent));
                }
            }
        }
    }

    fn shape(&self, out: &mut String, id: &str, shape: &AstShape) {
        let name = id.split_once('#').map_or(id, |(_, n)| n);
        if shape.shape_type == "apply" {
            let _ = writeln!(out, "apply {} {{", self.short(id));
            self.traits(out, &shape.traits, INDENT, &[]);
            out.push_str("}\n");
            return;
        }
        self.traits(out, &shape.traits, "", &[]);
        let _ = write!(out, "{} {name}", shape.shape_type);
        if let Some(mixins) = shape.mixins.as_ref().filter(|m| !m.is_empty()) {
            let ids: Vec<_> = mixins.iter().map(|m| self.short(&m.target)).collect();
            let _ = write!(out, " with [{}]", ids.join(", "));
        }
        match shape.shape_type.as_str() {
            "structure" | "union" | "enum" | "intEnum" => {
                let members = shape.members.iter().flat_map(OrderedMap::iter).map(|(n, m)| (n.as_str(), m));
                self.members(out, members.collect(), &shape.shape_type)
            }
            "list" | "set" => self.members(out, [("member", &shape.member)].into_iter().flat_map(slot).collect(), ""),
            "map" => self.members(
                out,
                [("key", &shape.key), ("value", &shape.value)].into_iter().flat_map(slot).collect(),
                "",
            ),
            "service" | "resource" | "operation" => self.entity(out, shape),
            _ => out.push('\n'),
        }
    }

    fn members(&self, out: &mut String, members: Vec<(&str, &AstMember)>, kind: &str) {
        let mut body = String::new();
        let enum_like = kind == "enum" || kind == "intEnum";
        for (name, member) in members {
            let inner = INDENT;
            if enum_like {
                self.traits(&mut body, &member.traits, inner, &["smithy.api#enumValue"]);
                match member.traits.get("smithy.api#enumValue") {
                    Some(value) => {
                        let _ = writeln!(body, "{inner}{name} = {}", node(value, inner));
                    }
                    None => {
                        let _ = writeln!(body, "{inner}{name}");
                    }
                }
            } else {
                self.traits(&mut body, &member.traits, inner, &[]);
                let _ = writeln!(body, "{inner}{name}: {}", self.short(&member.target));
            }
        }
        if body.is_empty() {
            out.push_str(" {}\n");
        } else {
            let _ = write!(out, " {{\n{body}}}\n");
        }
    }

    fn entity(&self, out: &mut String, shape: &AstShape) {
        let mut body = String::new();
        let mut one = |key: &str, r: &Option<AstRef>| {
            if let Some(r) = r {
                let _ = writeln!(body, "{INDENT}{key}: {}", self.short(&r.target));
            }
        };
        one("input", &shape.input);
        one("output", &shape.output);
        for (key, r) in [
            ("create", &shape.create),
            ("put", &shape.put),
            ("read", &shape.read),
            ("update", &shape.update),
            ("delete", &shape.delete),
            ("list", &shape.list),
        ] {
            one(key, r);
        }
        if let Some(version) = &shape.version {
            let _ = writeln!(body, "{INDENT}version: {}", quote(version));
        }
        for (key, map) in [("identifiers", &shape.identifiers), ("properties", &shape.properties)] {
            if let Some(map) = map {
                let entries: Vec<String> =
                    map.iter().map(|(k, r)| format!("{}: {}", key_text(k), self.short(&r.target))).collect();
                let _ = writeln!(body, "{INDENT}{key}: {{ {} }}", entries.join(", "));
            }
        }
        for (key, list) in [
            ("operations", &shape.operations),
            ("collectionOperations", &shape.collection_operations),
            ("resources", &shape.resources),
            ("errors", &shape.errors),
        ] {
            if let Some(list) = list {
                let ids: Vec<_> = list.iter().map(|r| self.short(&r.target)).collect();
                let flat = ids.join(", ");
                if flat.len() + key.len() <= 100 {
                    let _ = writeln!(body, "{INDENT}{key}: [{flat}]");
                } else {
                    // One id per line: long lists (a service's operations) diff well.
                    let _ = writeln!(body, "{INDENT}{key}: [");
                    for id in &ids {
                        let _ = writeln!(body, "{INDENT}{INDENT}{id}");
                    }
                    let _ = writeln!(body, "{INDENT}]");
                }
            }
        }
        if let Some(rename) = &shape.rename {
            let entries: Vec<String> = rename.iter().map(|(k, v)| format!("{}: {}", quote(k), quote(v))).collect();
            let _ = writeln!(body, "{INDENT}rename: {{ {} }}", entries.join(", "));
        }
        if body.is_empty() {
            out.push_str(" {}\n");
        } else {
            let _ = write!(out, " {{\n{body}}}\n");
        }
    }
}

fn slot<'m>((name, member): (&'static str, &'m Option<AstMember>)) -> Option<(&'static str, &'m AstMember)> {
    member.as_ref().map(|m| (name, m))
}

/// A JSON string literal, which is also a valid IDL string.
fn quote(text: &str) -> String {
    Node::String(text.to_string()).to_string()
}

/// An object key: bare when it is an identifier.
fn key_text(key: &str) -> String {
    let mut chars = key.chars();
    let identifier = chars.next().is_some_and(|c| c == '_' || c.is_ascii_alphabetic())
        && chars.all(|c| c == '_' || c.is_ascii_alphanumeric());
    if identifier {
        key.to_string()
    } else {
        quote(key)
    }
}

/// A node value in IDL; objects and arrays longer than a line are split.
fn node(value: &Node, indent: &str) -> String {
    let flat = flat_node(value);
    if flat.len() <= 80 {
        return flat;
    }
    let inner = format!("{indent}{INDENT}");
    match value {
        Node::Array(items) => {
            let lines: Vec<String> = items.iter().map(|v| format!("{inner}{}", node(v, &inner))).collect();
            format!("[\n{}\n{indent}]", lines.join("\n"))
        }
        Node::Object(map) => {
            let lines: Vec<String> =
                map.iter().map(|(k, v)| format!("{inner}{}: {}", key_text(k), node(v, &inner))).collect();
            format!("{{\n{}\n{indent}}}", lines.join("\n"))
        }
        _ => flat,
    }
}

/// A node value on one line.
fn flat_node(value: &Node) -> String {
    match value {
        Node::Array(items) => format!("[{}]", items.iter().map(flat_node).collect::<Vec<_>>().join(", ")),
        Node::Object(map) => {
            let entries: Vec<String> = map.iter().map(|(k, v)| format!("{}: {}", key_text(k), flat_node(v))).collect();
            format!("{{{}}}", entries.join(", "))
        }
        other => other.to_string(),
    }
}

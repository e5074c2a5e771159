//! The doc example of an operation module: build the input with its builder,
//! then decode an output from JSON. Written from the model (required members,
//! and the values of the operation's first `smithy.api#examples` entry where it
//! has them), so that it is right by construction; the doc test checks it.

use super::structure::{fields, FieldKind};
use super::types::Repr;
use super::{Ctx, Home, Place};
use crate::ast::{Node, NodeMap};
use crate::ir::{Shape, ShapeId, ShapeKind, Simple};

/// How deep nested structures may go before an example gives up on the input.
const MAX_DEPTH: usize = 4;

/// The Markdown of the example (a fenced doc test), or `None` when the
/// operation has no input or output type.
pub(crate) fn operation_example(ctx: &Ctx, op: &Shape, crate_name: &str) -> Option<String> {
    let ShapeKind::Operation(operation) = &op.kind else { return None };
    let (input_id, output_id) = (operation.input.as_ref()?, operation.output.as_ref()?);
    let (input_home, output_home) = (ctx.homes.get(input_id)?, ctx.homes.get(output_id)?);
    let example = op
        .traits
        .other
        .get("smithy.api#examples")
        .and_then(Node::as_array)
        .and_then(|all| all.iter().find(|e| e.get("error").is_none()));
    let Place::Operation(module) = &input_home.place else { return None };

    let mut code =
        vec![format!("use {crate_name}::operation::{module}::{{{}, {}}};", input_home.name, output_home.name)];
    code.push(String::new());
    // An input that cannot be spelled as plain values (a union, deep nesting)
    // is left out; the output part still shows the type at work.
    let example_input = example.and_then(|e| e.get("input"));
    if let Some(builder) = builder_expr(ctx, input_id, &input_home.name, example_input, crate_name, 0, "\n    ") {
        code.push(format!("let input = {builder};"));
    }
    let output_json = match example.and_then(|e| e.get("output")) {
        Some(value) => super::examples::to_wire(ctx, output_id, None, value),
        None => minimal_json(ctx, output_id, None, 0),
    };
    let json = serde_json::to_string_pretty(&output_json).ok()?;
    let hashes = "#".repeat((1..).find(|n| !json.contains(&format!("\"{}", "#".repeat(*n))))?);
    code.push(format!("let output: {} = serde_json::from_str(r{hashes}\"{json}\"{hashes})?;", output_home.name));
    code.push("# Ok::<(), Box<dyn std::error::Error>>(())".to_string());
    Some(format!(
        "# Example\n\nBuild the input, and decode an output as the service sends it:\n\n```\n{}\n```",
        code.join("\n")
    ))
}

/// The path users write to a generated type.
fn type_path(home: &Home, crate_name: &str) -> String {
    match &home.place {
        Place::Types => format!("{crate_name}::types::{}", home.name),
        Place::Errors => format!("{crate_name}::types::error::{}", home.name),
        Place::Operation(module) => format!("{crate_name}::operation::{module}::{}", home.name),
    }
}

/// `Type::builder().member(value)...build()` (with `?` when `build` can fail),
/// setting the required members and those the example gives.
fn builder_expr(
    ctx: &Ctx,
    id: &ShapeId,
    type_name: &str,
    example: Option<&Node>,
    crate_name: &str,
    depth: usize,
    separator: &str,
) -> Option<String> {
    if depth > MAX_DEPTH {
        return None;
    }
    let shape = ctx.shape(id);
    let fields = fields(ctx, shape);
    let mut out = format!("{type_name}::builder()");
    for field in &fields {
        let given = example.and_then(|e| e.get(&field.member.name));
        if given.is_none() && field.kind != FieldKind::Required {
            continue;
        }
        let method = field.ident.to_string();
        let target = &field.member.target;
        if field.event_stream {
            out.push_str(&format!("{separator}.{method}(Default::default())"));
            continue;
        }
        if field.streaming {
            out.push_str(&format!("{separator}.{method}({crate_name}::primitives::Blob::new(\"example\"))"));
            continue;
        }
        match (field.repr, &ctx.shape(target).kind) {
            (Repr::List, ShapeKind::List(item)) => {
                let items = given.and_then(Node::as_array).cloned().unwrap_or_else(|| vec![Node::Null]);
                for item_value in items.iter().take(2) {
                    let value = item_expr(ctx, target, &item.target, item_value, crate_name, depth)?;
                    out.push_str(&format!("{separator}.{method}({value})"));
                }
            }
            (Repr::Map, ShapeKind::Map { value: entry, .. }) => {
                let placeholder = [("key".to_string(), Node::Null)].into_iter().collect();
                let entries = given.and_then(Node::as_object).filter(|m| !m.is_empty()).unwrap_or(&placeholder);
                for (key, entry_value) in entries.iter().take(2) {
                    let value = item_expr(ctx, target, &entry.target, entry_value, crate_name, depth)?;
                    out.push_str(&format!("{separator}.{method}({key:?}, {value})"));
                }
            }
            _ => {
                let value = value_expr(ctx, target, given, crate_name, depth, Text::Literal)?;
                out.push_str(&format!("{separator}.{method}({value})"));
            }
        }
    }
    let fallible = fields.iter().any(|f| f.kind == FieldKind::Required);
    out.push_str(&format!("{separator}.build(){}", if fallible { "?" } else { "" }));
    Some(out)
}

/// How a string value is passed: setters take `impl Into<String>`, list
/// items and map values a `String`.
#[derive(Clone, Copy, PartialEq)]
enum Text {
    Literal,
    Owned,
}

/// A Rust expression of a value of `target`, from the example where it gives one.
fn value_expr(
    ctx: &Ctx,
    target: &ShapeId,
    example: Option<&Node>,
    crate_name: &str,
    depth: usize,
    text: Text,
) -> Option<String> {
    let shape = ctx.shape(target);
    let home = ctx.homes.get(target);
    Some(match &shape.kind {
        ShapeKind::Simple(Simple::String) => {
            let literal = format!("{:?}", example.and_then(Node::as_str).unwrap_or("example"));
            if text == Text::Owned {
                format!("{literal}.to_string()")
            } else {
                literal
            }
        }
        ShapeKind::Simple(Simple::Boolean) => example.and_then(Node::as_bool).unwrap_or(true).to_string(),
        ShapeKind::Simple(Simple::Float | Simple::Double) => {
            format!("{:?}", example.and_then(Node::as_f64).unwrap_or(1.0))
        }
        ShapeKind::Simple(s) if s.is_number() => example.and_then(Node::as_i64).unwrap_or(1).to_string(),
        ShapeKind::Simple(Simple::Timestamp) => format!("{crate_name}::primitives::DateTime::from_secs(0)"),
        ShapeKind::Simple(Simple::Blob) => {
            let text = example.and_then(Node::as_str).unwrap_or("example");
            format!("{crate_name}::primitives::Blob::new({text:?})")
        }
        ShapeKind::Simple(Simple::Document) => "serde_json::Value::Null".to_string(),
        ShapeKind::Enum(values) => {
            let value = example.and_then(Node::as_str).unwrap_or(&values.first()?.value);
            format!("{}::from({value:?})", type_path(home?, crate_name))
        }
        ShapeKind::IntEnum(values) => {
            let value = example.and_then(Node::as_i64).unwrap_or(i64::from(values.first()?.value));
            format!("{}({value})", type_path(home?, crate_name))
        }
        ShapeKind::Structure(_) => {
            let path = type_path(home?, crate_name);
            builder_expr(ctx, target, &path, example, crate_name, depth + 1, "")?
        }
        ShapeKind::List(item) => {
            format!("vec![{}]", item_expr(ctx, target, &item.target, &Node::Null, crate_name, depth)?)
        }
        ShapeKind::Map { value, .. } => format!(
            "std::collections::HashMap::from([(\"key\".to_string(), {})])",
            item_expr(ctx, target, &value.target, &Node::Null, crate_name, depth)?
        ),
        _ => return None,
    })
}

/// An item of the list or map `collection` (an `Option` in a sparse one,
/// `None` where the example has null), from the example's value where it
/// gives one.
fn item_expr(
    ctx: &Ctx,
    collection: &ShapeId,
    item: &ShapeId,
    example: &Node,
    crate_name: &str,
    depth: usize,
) -> Option<String> {
    if !ctx.plan.is_sparse(collection) {
        return value_expr(ctx, item, Some(example), crate_name, depth, Text::Owned);
    }
    if example.is_null() {
        return Some("None".to_string());
    }
    Some(format!("Some({})", value_expr(ctx, item, Some(example), crate_name, depth, Text::Owned)?))
}

/// The smallest JSON document of `target` that decodes: its required members
/// only (`format` is the member's timestamp format, if it names one).
fn minimal_json(ctx: &Ctx, target: &ShapeId, format: Option<&String>, depth: usize) -> Node {
    let shape = ctx.shape(target);
    let member_json = |m: &crate::ir::Member| {
        let wire = m.traits.json_name.clone().unwrap_or_else(|| m.name.clone());
        (wire, minimal_json(ctx, &m.target, m.traits.timestamp_format.as_ref(), depth + 1))
    };
    match &shape.kind {
        ShapeKind::Structure(members) if depth <= MAX_DEPTH => {
            let required = members.iter().filter(|m| m.traits.required && m.traits.default.is_none());
            Node::Object(required.map(member_json).collect())
        }
        ShapeKind::Union(members) => Node::Object(members.first().map(member_json).into_iter().collect()),
        ShapeKind::Simple(Simple::String) => Node::from("example"),
        ShapeKind::Simple(Simple::Boolean) => Node::from(true),
        ShapeKind::Simple(Simple::Timestamp) => {
            match format.or(shape.traits.timestamp_format.as_ref()).map(String::as_str) {
                Some("date-time") => Node::from("1970-01-01T00:00:00Z"),
                Some("http-date") => Node::from("Thu, 01 Jan 1970 00:00:00 GMT"),
                _ => Node::from(0),
            }
        }
        ShapeKind::Simple(Simple::Blob) => Node::from(""),
        ShapeKind::Simple(s) if s.is_number() => Node::from(1),
        ShapeKind::Enum(values) => values.first().map(|v| Node::from(v.value.clone())).unwrap_or(Node::Null),
        ShapeKind::IntEnum(values) => values.first().map(|v| Node::from(v.value)).unwrap_or(Node::Null),
        ShapeKind::List(_) => Node::Array(Vec::new()),
        _ => Node::Object(NodeMap::new()),
    }
}

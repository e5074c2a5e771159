//! Our `model/lambda.json` against the official AWS Lambda model.
//!
//! The generator computes the closure of every operation in the official
//! model; once documentation and traits outside `smithy.api` and
//! `aws.protocols` are dropped, it must equal our model shape for shape, and
//! so must the closure of `GetLayerVersion` in both. Our model carries its own
//! documentation: none of the official text may appear in it.
//!
//! The official model lives outside this repository (`/work/shared/models`);
//! when it is absent the comparisons print why and pass, except under
//! `CI=true`, where they fail (`test_data::read_shared`).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;
use smithy_codegen::ast::{self, AstMember, AstModel, AstShape, Node};
use smithy_codegen::{closure, ir, Error};

/// The official model, under the shared test data.
const OFFICIAL: &str = "models/lambda-2026-06-19.json";
const OURS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../model/lambda.json");
const OPERATION: &str = "com.amazonaws.lambda#GetLayerVersion";
const DOCUMENTATION: &str = "smithy.api#documentation";

/// The official model's bytes; `None` skips (a failure under `CI=true`).
fn official_bytes() -> Option<Vec<u8>> {
    test_data::read_shared(OFFICIAL)
}

fn our_bytes() -> Vec<u8> {
    std::fs::read(OURS).unwrap_or_else(|e| panic!("cannot read {OURS}: {e}"))
}

fn parse(bytes: &[u8], what: &str) -> AstModel {
    ast::parse(bytes).unwrap_or_else(|e| panic!("{what}: {e}"))
}

/// The closure of `operations` (all of them when empty) in the official model, as a model.
///
/// `ir::resolve` rejects the official model as a whole: some of its patterns
/// use ECMA-262 look-around, which the generator's regex engine (regex-lite)
/// does not compile (a generator limitation, see the report). Those pattern
/// traits are dropped before resolving, one error at a time, and the test
/// then checks that none of them belongs to the closure, so the comparison
/// is unaffected.
fn official_closure_of(bytes: &[u8], operations: &[&str]) -> AstModel {
    let mut parsed = parse(bytes, OFFICIAL);
    let mut dropped: Vec<String> = Vec::new();
    let model = loop {
        match ir::resolve(&parsed) {
            Ok(model) => break model,
            Err(Error::Shape { at, message })
                if message.starts_with("trait `smithy.api#pattern`: ") && !dropped.contains(&at) =>
            {
                drop_pattern(&mut parsed, &at);
                dropped.push(at);
            }
            Err(e) => panic!("{OFFICIAL}: {e}"),
        }
    };
    let all: Vec<String> =
        closure::all_operations(&model).expect("one service").iter().map(|id| id.to_string()).collect();
    let operations: Vec<&str> =
        if operations.is_empty() { all.iter().map(String::as_str).collect() } else { operations.to_vec() };
    let closure = closure::closure(&model, &operations).unwrap_or_else(|e| panic!("{OFFICIAL}: {e}"));
    if !dropped.is_empty() {
        eprintln!("note: dropped {} pattern traits the generator cannot compile: {dropped:?}", dropped.len());
    }
    for at in &dropped {
        let shape = at.split_once('$').map_or(at.as_str(), |(shape, _)| shape);
        assert!(
            !closure.shapes.contains(shape),
            "{at} is in the closure, but its pattern does not compile with the generator and was dropped"
        );
    }
    closure.to_ast(&parsed)
}

/// The closure of `GetLayerVersion` in the official model.
fn official_closure(bytes: &[u8]) -> AstModel {
    official_closure_of(bytes, &[OPERATION])
}

/// The closure of `GetLayerVersion` in our model.
fn our_closure() -> AstModel {
    let ours = parse(&our_bytes(), OURS);
    let model = ir::resolve(&ours).expect("our model resolves");
    closure::closure(&model, &[OPERATION]).expect("closure").to_ast(&ours)
}

/// Removes the `smithy.api#pattern` trait of a shape (`ns#Shape`) or member (`ns#Shape$member`).
fn drop_pattern(model: &mut AstModel, at: &str) {
    let (shape_id, member) = match at.split_once('$') {
        Some((shape, member)) => (shape, Some(member)),
        None => (at, None),
    };
    let (_, shape) =
        model.shapes.0.iter_mut().find(|(id, _)| id == shape_id).unwrap_or_else(|| panic!("no shape {shape_id}"));
    let traits = match member {
        None => &mut shape.traits,
        Some(name) => {
            let in_members =
                shape.members.as_mut().and_then(|m| m.0.iter_mut().find(|(n, _)| n == name).map(|(_, m)| m));
            let member = match in_members {
                Some(m) => m,
                None => match name {
                    "member" => shape.member.as_mut(),
                    "key" => shape.key.as_mut(),
                    "value" => shape.value.as_mut(),
                    _ => None,
                }
                .unwrap_or_else(|| panic!("no member {at}")),
            };
            &mut member.traits
        }
    };
    traits.remove("smithy.api#pattern");
}

/// Drops documentation, tags, example prose and every trait outside
/// `smithy.api` and `aws.protocols`.
fn normalise_traits(traits: &mut BTreeMap<String, Node>) {
    traits.retain(|id, _| {
        let namespace = id.split_once('#').map_or("", |(ns, _)| ns);
        matches!(namespace, "smithy.api" | "aws.protocols") && id != DOCUMENTATION && id != "smithy.api#tags"
    });
    if let Some(Node::Array(examples)) = traits.get_mut("smithy.api#examples") {
        for example in examples {
            if let Node::Object(fields) = example {
                fields.remove("documentation");
                fields.remove("title");
            }
        }
    }
}

fn normalise_member(member: &mut AstMember) {
    normalise_traits(&mut member.traits);
}

fn normalise(mut model: AstModel) -> AstModel {
    for (_, shape) in model.shapes.0.iter_mut() {
        normalise_traits(&mut shape.traits);
        if let Some(members) = &mut shape.members {
            for (_, member) in members.0.iter_mut() {
                normalise_member(member);
            }
        }
        for member in [&mut shape.member, &mut shape.key, &mut shape.value].into_iter().flatten() {
            normalise_member(member);
        }
    }
    model
}

fn by_id(model: &AstModel) -> BTreeMap<&str, &AstShape> {
    model.shapes.iter().map(|(id, shape)| (id.as_str(), shape)).collect()
}

fn pretty(shape: Option<&AstShape>) -> String {
    match shape {
        Some(shape) => serde_json::to_string_pretty(shape).expect("a shape serializes"),
        None => "(absent)".to_string(),
    }
}

/// What differs between two shapes, most specific first.
fn difference(ours: &AstShape, official: &AstShape) -> String {
    if ours.shape_type != official.shape_type {
        return format!("type `{}` != official `{}`", ours.shape_type, official.shape_type);
    }
    let names = |s: &AstShape| -> Vec<String> {
        s.members.iter().flat_map(|m| m.iter().map(|(name, _)| name.clone())).collect()
    };
    if names(ours) != names(official) {
        return format!("members {:?} != official {:?}", names(ours), names(official));
    }
    for ((name, a), (_, b)) in
        ours.members.iter().flat_map(|m| m.iter()).zip(official.members.iter().flat_map(|m| m.iter()))
    {
        if a.target != b.target {
            return format!("member `{name}` targets `{}`, official `{}`", a.target, b.target);
        }
        if a.traits != b.traits {
            return format!("member `{name}` traits differ");
        }
    }
    if ours.traits != official.traits {
        let keys = |s: &AstShape| s.traits.keys().cloned().collect::<Vec<_>>();
        return format!("traits {:?} vs official {:?} (or their values)", keys(ours), keys(official));
    }
    "bindings or list/map members differ".to_string()
}

/// The first shape id (in id order) at which two models differ, with what
/// differs and both shapes; `None` when the models are equal.
fn first_difference(ours: &AstModel, official: &AstModel) -> Option<String> {
    if ours.smithy != official.smithy {
        return Some(format!("IDL versions differ: {} vs official {}", ours.smithy, official.smithy));
    }
    if ours.metadata != official.metadata {
        return Some("metadata differs".to_string());
    }
    let ours_by_id = by_id(ours);
    let official_by_id = by_id(official);
    let ids: BTreeSet<&str> = ours_by_id.keys().chain(official_by_id.keys()).copied().collect();
    for id in ids {
        let (a, b) = (ours_by_id.get(id).copied(), official_by_id.get(id).copied());
        let what = match (a, b) {
            (Some(a), Some(b)) if a == b => continue,
            (Some(a), Some(b)) => difference(a, b),
            (Some(_), None) => "only in our model".to_string(),
            (None, _) => "missing from our model".to_string(),
        };
        return Some(format!(
            "first differing shape: {id}: {what}\n--- ours (normalised)\n{}\n--- official closure (normalised)\n{}",
            pretty(a),
            pretty(b)
        ));
    }
    None
}

/// Asserts that two models are equal, naming the first shape id that differs.
fn assert_same_model(ours: &AstModel, official: &AstModel) {
    if let Some(difference) = first_difference(ours, official) {
        panic!("{difference}");
    }
}

#[test]
fn our_model_is_the_official_closure_without_documentation() {
    let Some(bytes) = official_bytes() else { return };
    let everything = official_closure_of(&bytes, &[]);
    let ours = parse(&our_bytes(), OURS);
    assert_same_model(&normalise(ours), &normalise(everything));
}

#[test]
fn our_get_layer_version_closure_is_the_official_one() {
    let Some(bytes) = official_bytes() else { return };
    assert_same_model(&normalise(our_closure()), &normalise(official_closure(&bytes)));
}

#[test]
fn the_official_closure_has_the_expected_size() {
    let Some(bytes) = official_bytes() else { return };
    let closure = official_closure(&bytes);
    assert_eq!(closure.shapes.len(), 26, "shapes: {:?}", by_id(&closure).keys().collect::<Vec<_>>());
    let runtime = closure.shapes.get("com.amazonaws.lambda#Runtime").expect("the closure holds Runtime");
    assert_eq!(runtime.shape_type, "enum");
    assert_eq!(runtime.members.as_ref().map_or(0, |m| m.len()), 46);
    // The closure is itself a model the generator accepts.
    let json = ast::to_json_pretty(&closure);
    let reparsed = ast::parse(json.as_bytes()).expect("the closure's JSON parses");
    assert_eq!(reparsed, closure);
    ir::resolve(&reparsed).expect("the closure resolves");
}

#[test]
fn our_model_has_the_expected_size() {
    let ours = parse(&our_bytes(), OURS);
    assert_eq!(ours.shapes.len(), 664);
    let runtime = ours.shapes.get("com.amazonaws.lambda#Runtime").expect("Runtime");
    assert_eq!(runtime.members.as_ref().map_or(0, |m| m.len()), 46);
    let model = ir::resolve(&ours).expect("our model resolves");
    let ops: Vec<String> =
        closure::all_operations(&model).expect("one service").iter().map(|id| id.to_string()).collect();
    assert_eq!(ops.len(), 85);
    assert!(ops.iter().any(|op| op == OPERATION));
    assert_eq!(our_closure().shapes.len(), 26);
}

#[test]
fn our_model_documents_every_shape_and_member() {
    let ours = parse(&our_bytes(), OURS);
    let mut missing = Vec::new();
    let documented = |traits: &BTreeMap<String, Node>| matches!(traits.get(DOCUMENTATION), Some(Node::String(s)) if !s.trim().is_empty());
    for (id, shape) in ours.shapes.iter() {
        if !documented(&shape.traits) {
            missing.push(id.clone());
        }
        if matches!(shape.shape_type.as_str(), "enum" | "intEnum") {
            continue;
        }
        for (name, member) in shape.members.iter().flat_map(|m| m.iter()) {
            if !documented(&member.traits) {
                missing.push(format!("{id}${name}"));
            }
        }
        for (name, member) in [("member", &shape.member), ("key", &shape.key), ("value", &shape.value)] {
            if let Some(member) = member {
                if !documented(&member.traits) {
                    missing.push(format!("{id}${name}"));
                }
            }
        }
    }
    assert!(missing.is_empty(), "no documentation on: {missing:#?}");
}

/// Every documentation string under `value`: `smithy.api#documentation` traits
/// and the `documentation`/`title` of examples and legacy enum definitions.
fn collect_docs(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(fields) => {
            for (key, field) in fields {
                if matches!(key.as_str(), DOCUMENTATION | "documentation" | "title") {
                    if let Value::String(s) = field {
                        out.push(s.clone());
                    }
                }
                collect_docs(field, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|item| collect_docs(item, out)),
        _ => {}
    }
}

/// Every string in a JSON value (keys included).
fn collect_strings(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) => out.push(s.clone()),
        Value::Object(fields) => {
            for (key, field) in fields {
                out.push(key.clone());
                collect_strings(field, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|item| collect_strings(item, out)),
        _ => {}
    }
}

#[test]
fn our_model_contains_none_of_the_official_documentation() {
    let Some(bytes) = official_bytes() else { return };
    let official: Value = serde_json::from_slice(&bytes).expect("official JSON");
    let ours_text = String::from_utf8(our_bytes()).expect("our model is UTF-8");
    let ours: Value = serde_json::from_str(&ours_text).expect("our JSON");
    let closure = official_closure_of(&bytes, &[]);

    let mut docs = Vec::new();
    for (id, _) in closure.shapes.iter() {
        collect_docs(&official["shapes"][id.as_str()], &mut docs);
    }
    docs.retain(|d| d.chars().count() >= 40);
    docs.sort();
    docs.dedup();
    assert!(docs.len() > 50, "expected the official closure to be documented, found {} long strings", docs.len());

    let mut our_strings = Vec::new();
    collect_strings(&ours, &mut our_strings);
    let copied: Vec<&String> = docs
        .iter()
        .filter(|doc| {
            let escaped = serde_json::to_string(doc).expect("a string serializes");
            let escaped = &escaped[1..escaped.len() - 1];
            ours_text.contains(doc.as_str())
                || ours_text.contains(escaped)
                || our_strings.iter().any(|s| s.contains(doc.as_str()))
        })
        .collect();
    assert!(copied.is_empty(), "official documentation copied into {OURS}: {copied:#?}");
}

fn shape_mut<'a>(model: &'a mut AstModel, id: &str) -> &'a mut AstShape {
    &mut model.shapes.0.iter_mut().find(|(i, _)| i == id).expect("shape").1
}

fn mismatch_message(ours: &AstModel, official: &AstModel) -> String {
    first_difference(ours, official).expect("the models differ")
}

#[test]
fn a_mismatch_names_the_first_differing_shape() {
    let ours = normalise(parse(&our_bytes(), OURS));
    assert_eq!(first_difference(&ours, &ours.clone()), None);

    let response = "com.amazonaws.lambda#GetLayerVersionResponse";

    // A member that targets another shape.
    let mut changed = ours.clone();
    let members = shape_mut(&mut changed, response).members.as_mut().expect("members");
    members.0[0].1.target = "com.amazonaws.lambda#String".to_string();
    let message = mismatch_message(&changed, &ours);
    assert!(message.starts_with(&format!("first differing shape: {response}: member `")), "{message}");

    // The same members in another order.
    let mut reordered = ours.clone();
    shape_mut(&mut reordered, response).members.as_mut().expect("members").0.swap(0, 1);
    let message = mismatch_message(&reordered, &ours);
    assert!(message.starts_with(&format!("first differing shape: {response}: members [")), "{message}");

    // A binding that differs: the service's resources.
    let service = "com.amazonaws.lambda#AWSGirApiService";
    let mut unbound = ours.clone();
    shape_mut(&mut unbound, service).resources = Some(Vec::new());
    let message = mismatch_message(&unbound, &ours);
    assert!(message.starts_with(&format!("first differing shape: {service}: bindings")), "{message}");

    // A shape that is missing, and a trait that differs: the first id wins.
    let mut fewer = ours.clone();
    fewer.shapes.0.retain(|(id, _)| id != "com.amazonaws.lambda#Runtime");
    shape_mut(&mut fewer, "com.amazonaws.lambda#ThrottleReason")
        .traits
        .insert("smithy.api#sensitive".into(), Node::Object(Default::default()));
    let message = mismatch_message(&fewer, &ours);
    assert!(
        message.starts_with("first differing shape: com.amazonaws.lambda#Runtime: missing from our model"),
        "{message}"
    );
}

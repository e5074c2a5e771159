//! Several IDL (and JSON AST) files make one model: `use` is per file,
//! `apply` and references cross files, metadata merges, and conflicts name
//! both places. Errors read `file:line:column: message`, every one of them.

use serde_json::{json, Value};
use smithy_codegen::ast::{AstModel, Node};
use smithy_codegen::idl::{load_sources, Source};

fn source(name: &str, text: &str) -> Source {
    Source { name: name.into(), text: text.into() }
}

/// A node value as serde_json's, to compare with `json!` literals.
fn as_json(node: Option<&Node>) -> Option<Value> {
    node.map(|n| n.to_json_value().unwrap())
}

fn load(sources: &[Source]) -> AstModel {
    load_sources(sources).unwrap_or_else(|e| panic!("{e}"))
}

fn errors(sources: &[Source]) -> Vec<String> {
    match load_sources(sources) {
        Ok(_) => panic!("the model loads"),
        Err(e) => e.to_string().lines().map(str::to_string).collect(),
    }
}

#[test]
fn references_and_apply_cross_files_and_use_stays_in_its_file() {
    let a = source(
        "a.smithy",
        "$version: \"2.0\"\nnamespace ex\n\nuse other#String\n\nstructure A {\n    own: String\n    b: B\n}\n",
    );
    let b = source(
        "b.smithy",
        "$version: \"2.0\"\nnamespace ex\n\nstructure B {\n    plain: String\n}\n\napply A$own @sensitive\n",
    );
    let other = source("other.smithy", "$version: \"2.0\"\nnamespace other\n\nstring String\n");
    let model = load(&[a, b, other]);
    let a = model.shapes.get("ex#A").unwrap().members.as_ref().unwrap();
    assert_eq!(a.get("own").unwrap().target, "other#String", "a.smithy's `use`");
    assert_eq!(a.get("b").unwrap().target, "ex#B", "a shape of the namespace from another file");
    assert_eq!(
        as_json(a.get("own").unwrap().traits.get("smithy.api#sensitive")),
        Some(json!({})),
        "apply from b.smithy"
    );
    let b = model.shapes.get("ex#B").unwrap().members.as_ref().unwrap();
    assert_eq!(b.get("plain").unwrap().target, "smithy.api#String", "b.smithy has no `use`: the prelude");
}

#[test]
fn metadata_lists_concatenate_and_other_conflicts_name_both_places() {
    let one = source("one.smithy", "metadata tags = [\"a\"]\nmetadata same = 1\nmetadata clash = \"x\"\n");
    let two = source("two.smithy", "metadata tags = [\"b\"]\nmetadata same = 1\n\nmetadata clash = \"y\"\n");
    let json = source("three.json", r#"{"smithy": "2.0", "metadata": {"tags": ["c"]}}"#);
    let errors = errors(&[one.clone(), two.clone(), json.clone()]);
    assert_eq!(errors, ["two.smithy:4:10: metadata `clash` conflicts with its value at one.smithy:3:10"]);
    let two = source("two.smithy", "metadata tags = [\"b\"]\nmetadata same = 1\n");
    let model = load(&[one, two, json]);
    assert_eq!(
        as_json(model.metadata.get("tags")),
        Some(json!(["c", "a", "b"])),
        "JSON files first, then IDL in order"
    );
    assert_eq!(as_json(model.metadata.get("same")), Some(json!(1)));
}

#[test]
fn a_shape_defined_twice_names_both_places() {
    let one = source("one.smithy", "namespace ex\nstring Dup\n");
    let two = source("two.smithy", "namespace ex\n\n\ninteger Dup\n");
    assert_eq!(errors(&[one, two]), ["two.smithy:4:9: shape `ex#Dup` is already defined at one.smithy:2:8"]);
}

#[test]
fn every_error_of_a_file_is_reported() {
    let text = "$version: \"2.0\"\nnamespace ex\n\nstructure A {\n    a String\n}\n\nstring\n\nlist L {\n    member: String\n}\n\nunion U { a: = }\n";
    assert_eq!(
        errors(&[source("bad.smithy", text)]),
        [
            "bad.smithy:5:7: expected `:` but found identifier `String`",
            "bad.smithy:8:7: expected a space but found a line break",
            "bad.smithy:14:14: expected an identifier but found `=`",
        ]
    );
}

#[test]
fn unknown_traits_stay_node_values_and_known_ones_resolve() {
    let text = "$version: \"2.0\"\nnamespace ex\n\n@unknown.ns#thing(a: [1, {b: true}], ref: Target)\n@deprecated\nstring S\n\nstring Target\n";
    let model = load(&[source("t.smithy", text)]);
    let traits = &model.shapes.get("ex#S").unwrap().traits;
    assert_eq!(as_json(traits.get("unknown.ns#thing")), Some(json!({"a": [1, {"b": true}], "ref": "ex#Target"})));
    assert_eq!(as_json(traits.get("smithy.api#deprecated")), Some(json!({})));
}

const SERVICE_IDL: &str = r#"$version: "2.0"
namespace com.example

service Svc {
    version: "1"
    operations: [GetColor]
}

@http(method: "GET", uri: "/color", code: 200)
operation GetColor {
    output := {
        /// The color.
        Color: Color
    }
}
"#;

const COLOR_JSON: &str = r#"{"smithy": "2.0", "shapes": {"com.example#Color": {"type": "enum", "members": {
    "RED": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "red"}}}}}}"#;

/// The same model as one JSON AST document.
const WHOLE_JSON: &str = r#"{"smithy": "2.0", "shapes": {
    "com.example#Svc": {"type": "service", "version": "1", "operations": [{"target": "com.example#GetColor"}]},
    "com.example#GetColor": {"type": "operation", "input": {"target": "smithy.api#Unit"},
        "output": {"target": "com.example#GetColorOutput"},
        "traits": {"smithy.api#http": {"method": "GET", "uri": "/color", "code": 200}}},
    "com.example#GetColorOutput": {"type": "structure", "members": {
        "Color": {"target": "com.example#Color", "traits": {"smithy.api#documentation": "The color."}}},
        "traits": {"smithy.api#output": {}}},
    "com.example#Color": {"type": "enum", "members": {
        "RED": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "red"}}}}}}"#;

#[test]
fn the_library_generates_from_idl_and_json_paths_and_sources() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("idl_files_library");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("service.smithy"), SERVICE_IDL).unwrap();
    std::fs::write(dir.join("color.json"), COLOR_JSON).unwrap();

    let settings = smithy_codegen::Settings::new();
    let expected = settings.generate(WHOLE_JSON.as_bytes(), &[]).unwrap_or_else(|e| panic!("{e}"));
    assert!(expected.contains("GetColor"), "the JSON model generates its operation");

    let from_files = settings.generate_from_paths(&[dir.join("service.smithy"), dir.join("color.json")], &["GetColor"]);
    assert_eq!(from_files.unwrap_or_else(|e| panic!("{e}")), expected, "two files, IDL and JSON");
    let from_dir = settings.generate_from_paths(&[&dir], &[]);
    assert_eq!(from_dir.unwrap_or_else(|e| panic!("{e}")), expected, "a directory of both");
    let from_sources =
        settings.generate_from_sources(&[source("service.smithy", SERVICE_IDL), source("color.json", COLOR_JSON)], &[]);
    assert_eq!(from_sources.unwrap_or_else(|e| panic!("{e}")), expected, "texts in memory");
    let names =
        smithy_codegen::operation_names_of(&load(&[source("s.smithy", SERVICE_IDL), source("c.json", COLOR_JSON)]));
    assert_eq!(names.unwrap(), ["GetColor"]);

    let missing = settings.generate_from_paths(&[dir.join("missing.smithy")], &[]).unwrap_err().to_string();
    assert!(missing.contains("missing.smithy") && missing.contains("cannot read"), "{missing}");
}

//! `generate` for a list of operations reads only the shapes they need
//! (`smithy_codegen::subset`): the output must be byte for byte what the whole
//! file gives, and whatever the shortcut cannot settle must end in the whole
//! file's error.

use std::path::{Path, PathBuf};

use smithy_codegen::{ast, closure, ir, render, Error, Settings};

fn settings() -> Settings {
    let mut settings = Settings::new();
    settings.with_protocol_feature("http").with_skip_look_around_patterns(true);
    settings
}

/// The pipeline over the whole file, stage by stage, as `generate` ran it
/// before it learned to read only a part.
fn generate_from_whole_file(bytes: &[u8], operations: &[&str], settings: &Settings) -> Result<String, Error> {
    let model = ir::resolve(&ast::parse(bytes)?)?;
    let closure = closure::closure(&model, operations)?;
    render::render(&model, &closure, settings)
}

fn our_model() -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("../model/lambda.json")).expect("model/lambda.json")
}

/// The shared official models that are present (none in a bare clone).
fn official_models() -> Vec<(PathBuf, Vec<u8>)> {
    let versions = ["2022-12-01", "2024-07-01", "2025-04-02", "2026-04-22", "2026-06-19"];
    versions
        .iter()
        .filter_map(|v| {
            let relative = format!("models/lambda-{v}.json");
            let bytes = test_data::read_shared(&relative)?;
            Some((test_data::shared_dir().join(relative), bytes))
        })
        .collect()
}

/// Operation lists that walk different paths: a service binding, resource
/// lifecycle and collection bindings, an absolute id, several at once.
const OPERATION_SETS: &[&[&str]] = &[
    &["GetLayerVersion"],
    &["GetLayerVersionByArn", "GetLayerVersion"],
    &["ListLayerVersions", "AddLayerVersionPermission"],
    &["com.amazonaws.lambda#GetAlias"],
    &["Invoke", "CreateFunction", "GetFunctionConfiguration"],
];

#[test]
fn a_part_generates_the_same_bytes_as_the_whole_file() {
    let mut models = vec![(PathBuf::from("model/lambda.json"), our_model())];
    models.extend(official_models());
    for (path, bytes) in &models {
        for operations in OPERATION_SETS {
            let part = smithy_codegen::generate(bytes, operations, &settings());
            let whole = generate_from_whole_file(bytes, operations, &settings());
            match (part, whole) {
                (Ok(part), Ok(whole)) => assert!(part == whole, "{}: {operations:?} differ", path.display()),
                // Older models lack some operations: then both must fail alike.
                (part, whole) => assert_eq!(part.err(), whole.err(), "{}: {operations:?}", path.display()),
            }
        }
    }
}

#[test]
fn the_part_is_what_the_operations_need() {
    let bytes = our_model();
    let part = smithy_codegen::subset::read(&bytes, &["GetLayerVersion"]).expect("a part");
    let ids: Vec<&str> = part.shapes.iter().map(|(id, _)| id.as_str()).collect();
    for needed in [
        "com.amazonaws.lambda#GetLayerVersion",
        "com.amazonaws.lambda#GetLayerVersionRequest",
        "com.amazonaws.lambda#GetLayerVersionResponse",
        "com.amazonaws.lambda#Runtime",
        "com.amazonaws.lambda#ServiceException",
    ] {
        assert!(ids.contains(&needed), "{needed} missing from {ids:?}");
    }
    assert!(!ids.contains(&"com.amazonaws.lambda#Invoke"), "{ids:?}");
    assert!(ids.len() < 60, "{} shapes: {ids:?}", ids.len());
}

/// A model with one operation and an unrelated shape that is broken.
const BROKEN_ELSEWHERE: &str = r##"{
    "smithy": "2.0",
    "shapes": {
        "ns#Svc": { "type": "service", "version": "1", "operations": [{ "target": "ns#Op" }],
                    "traits": { "aws.protocols#restJson1": {} } },
        "ns#Op": { "type": "operation", "input": { "target": "ns#OpInput" },
                   "traits": { "smithy.api#http": { "method": "GET", "uri": "/op" } } },
        "ns#OpInput": { "type": "structure", "members": {} },
        "ns#Unused": { "type": "structure", "members": { "X": { "target": "ns#Missing" } } }
    }
}"##;

#[test]
fn shapes_outside_the_part_are_not_validated_but_the_whole_model_is() {
    smithy_codegen::generate(BROKEN_ELSEWHERE.as_bytes(), &["Op"], &settings()).expect("Op does not need ns#Unused");
    let every_operation = smithy_codegen::generate(BROKEN_ELSEWHERE.as_bytes(), &[], &settings());
    assert_eq!(
        every_operation.expect_err("the whole model is checked").to_string(),
        "ns#Unused$X: target `ns#Missing` not found"
    );
}

#[test]
fn what_the_part_cannot_settle_gets_the_whole_files_error() {
    let cases: Vec<(String, Vec<&str>)> = vec![
        // A broken shape inside the part: the whole file's message, with line and column.
        (BROKEN_ELSEWHERE.replace(r#""members": {} }"#, r#""members": 7 }"#), vec!["Op"]),
        // A dangling target inside the part.
        (BROKEN_ELSEWHERE.replace(r#""target": "ns#OpInput""#, r#""target": "ns#Gone""#), vec!["Op"]),
        // An unknown operation: the message suggests the close ones.
        (BROKEN_ELSEWHERE.to_string(), vec!["Opp"]),
        // Not JSON at all.
        ("{ \"smithy\": ".to_string(), vec!["Op"]),
    ];
    for (model, operations) in cases {
        let part = smithy_codegen::generate(model.as_bytes(), &operations, &settings()).expect_err("fails");
        let whole = generate_from_whole_file(model.as_bytes(), &operations, &settings()).expect_err("fails");
        assert_eq!(part, whole, "{model}");
    }
}

#[test]
fn shape_type_reads_the_type_key_of_every_shape() {
    let mut files: Vec<(String, Vec<u8>)> = vec![("model/lambda.json".into(), our_model())];
    files.extend(official_models().into_iter().map(|(p, b)| (p.display().to_string(), b)));
    let malformed = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/malformed");
    for entry in std::fs::read_dir(&malformed).expect("the malformed corpus") {
        let path = entry.expect("an entry").path();
        files.push((path.display().to_string(), std::fs::read(&path).expect("readable")));
    }
    let mut checked = 0;
    for (name, bytes) in &files {
        let (Ok(index), Ok(parsed)) = (ast::parse_index(bytes), ast::parse(bytes)) else {
            continue;
        };
        for ((id, raw), (_, shape)) in index.shapes.iter().zip(parsed.shapes.iter()) {
            assert_eq!(ast::shape_type(raw.get()), Some(shape.shape_type.as_str()), "{name}: {id}");
            checked += 1;
        }
    }
    assert!(checked > 600, "only {checked} shapes checked");
}

#[test]
fn shape_type_edge_cases() {
    let cases: &[(&str, Option<&str>)] = &[
        (r#"{"type":"string"}"#, Some("string")),
        (" {\n\t\"type\" :\r \"list\" , \"member\": {} }", Some("list")),
        // Keys and values before `type`, with nested objects, arrays, escapes and a `type` inside.
        (
            r#"{"traits": {"type": "x", "a\"b": [1, {"}": "]"}], "c": "\\"}, "n": -1.5e3, "t": true, "z": null, "type": "enum"}"#,
            Some("enum"),
        ),
        (r#"{"members": {}}"#, None),
        (r#"{"type": 3}"#, None),
        (r#"{"typ\u0065": "string"}"#, None),
        (r#"{"type": "str\u0069ng"}"#, None),
        (r#"[]"#, None),
        (r#"{}"#, None),
    ];
    for (json, expected) in cases {
        assert_eq!(ast::shape_type(json), *expected, "{json}");
    }
}

#[test]
fn duplicate_shape_ids_are_an_error_of_the_index_too() {
    let model = r#"{"smithy": "2.0", "shapes": {"ns#A": {"type": "string"}, "ns#A": {"type": "string"}}}"#;
    let err = ast::parse_index(model.as_bytes()).expect_err("duplicate key");
    assert!(err.to_string().contains("duplicate key `ns#A`"), "{err}");
}

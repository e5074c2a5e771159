//! What the malformed-model corpus (`malformed.rs`, which pins the message of
//! every malformed model) cannot express: typed error values, unknown
//! operations (they need an operation list), the stage that finds a resource
//! cycle, small models that must generate, and determinism.

use smithy_codegen::{ast, closure, ir, Error, Settings};

/// A valid model around `__EXTRA__`: service `ns#Svc` binds operation `ns#Op`
/// (input `ns#OpInput`, output `ns#OpOutput`). `extra` must define
/// `ns#OpInput` and may define more shapes.
const BASE: &str = r##"{
    "smithy": "2.0",
    "shapes": {
        "ns#Svc": {
            "type": "service",
            "version": "2024-01-01",
            "operations": [{ "target": "ns#Op" }],
            "traits": { "aws.protocols#restJson1": {} }
        },
        "ns#Op": {
            "type": "operation",
            "input": { "target": "ns#OpInput" },
            "output": { "target": "ns#OpOutput" },
            "traits": { "smithy.api#http": { "method": "POST", "uri": "/op" } }
        },
        "ns#OpOutput": { "type": "structure", "members": {} },
        __EXTRA__
    }
}"##;

fn model(extra: &str) -> String {
    BASE.replace("__EXTRA__", extra)
}

/// The error of generating every operation of `model`.
fn generate_err(model: &str) -> Error {
    match smithy_codegen::generate(model.as_bytes(), &[], &Settings::default()) {
        Ok(_) => panic!("generation succeeded, expected an error for\n{model}"),
        Err(e) => e,
    }
}

fn message(model: &str) -> String {
    generate_err(model).to_string()
}

#[test]
fn invalid_json_names_line_and_column() {
    let bad = "{\n    \"smithy\": \"2.0\",\n    \"shapes\": {,}\n}\n";
    let err = ast::parse(bad.as_bytes()).unwrap_err();
    assert_eq!(
        err,
        Error::Json { line: 3, column: 16, message: "key must be a string at line 3 column 16".to_string() }
    );
    assert_eq!(err.to_string(), "invalid model JSON at line 3, column 16: key must be a string at line 3 column 16");
    // The same through the whole pipeline.
    assert_eq!(generate_err(bad), err);
}

#[test]
fn wrong_smithy_version() {
    let bad = model(r#""ns#OpInput": { "type": "structure", "members": {} }"#)
        .replace(r#""smithy": "2.0""#, r#""smithy": "3.0""#);
    assert_eq!(generate_err(&bad), Error::Version("3.0".to_string()));
}

/// Three operations, for "did you mean".
const THREE_OPERATIONS: &str = r##"{
    "smithy": "2.0",
    "shapes": {
        "ns#Svc": {
            "type": "service",
            "version": "2024-01-01",
            "operations": [{ "target": "ns#GetThing" }, { "target": "ns#GetThings" }, { "target": "ns#PutThing" }],
            "traits": { "aws.protocols#restJson1": {} }
        },
        "ns#GetThing": {
            "type": "operation",
            "input": { "target": "ns#In" },
            "output": { "target": "ns#Out" },
            "traits": { "smithy.api#http": { "method": "GET", "uri": "/thing" } }
        },
        "ns#GetThings": {
            "type": "operation",
            "input": { "target": "ns#In" },
            "output": { "target": "ns#Out" },
            "traits": { "smithy.api#http": { "method": "GET", "uri": "/things" } }
        },
        "ns#PutThing": {
            "type": "operation",
            "input": { "target": "ns#In" },
            "output": { "target": "ns#Out" },
            "traits": { "smithy.api#http": { "method": "PUT", "uri": "/thing" } }
        },
        "ns#In": { "type": "structure", "members": { "Id": { "target": "smithy.api#String" } } },
        "ns#Out": { "type": "structure", "members": { "Id": { "target": "smithy.api#String" } } }
    }
}"##;

fn operations_err(operations: &[&str]) -> Error {
    smithy_codegen::generate(THREE_OPERATIONS.as_bytes(), operations, &Settings::default())
        .expect_err("unknown operation")
}

#[test]
fn unknown_operation_with_suggestions() {
    let err = operations_err(&["GetThng"]);
    assert_eq!(
        err,
        Error::UnknownOperation {
            id: "GetThng".to_string(),
            suggestions: vec!["ns#GetThing".to_string(), "ns#GetThings".to_string()],
        }
    );
    assert_eq!(err.to_string(), "unknown operation `GetThng`; did you mean ns#GetThing, ns#GetThings?");
}

#[test]
fn unknown_operation_by_absolute_id() {
    assert_eq!(
        operations_err(&["ns#PutThings"]).to_string(),
        "unknown operation `ns#PutThings`; did you mean ns#PutThing, ns#GetThings, ns#GetThing?"
    );
    // The right name in the wrong namespace is not the operation.
    assert_eq!(
        operations_err(&["other#GetThing"]).to_string(),
        "unknown operation `other#GetThing`; did you mean ns#GetThing, ns#GetThings, ns#PutThing?"
    );
}

#[test]
fn unknown_operation_without_suggestions() {
    assert_eq!(operations_err(&["DeleteEverything"]).to_string(), "unknown operation `DeleteEverything`");
}

#[test]
fn unknown_operation_among_known_ones() {
    assert_eq!(
        operations_err(&["GetThing", "getthing"]).to_string(),
        "unknown operation `getthing`; did you mean ns#GetThing, ns#GetThings, ns#PutThing?"
    );
}

#[test]
fn enum_members_unknown_and_unknown_value_stay_apart() {
    // As in smithy-rs: `Unknown` is renamed `UnknownValue`, and a member that
    // is itself `UnknownValue` moves on to `UnknownValue_`.
    let model = model(
        r#""ns#OpInput": { "type": "structure", "members": { "State": { "target": "ns#State" } } },
        "ns#State": {
            "type": "enum",
            "members": {
                "Unknown": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "unknown" } },
                "UnknownValue": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "unknown-value" } }
            }
        }"#,
    );
    let code = smithy_codegen::generate(model.as_bytes(), &[], &Settings::default()).expect("the model generates");
    assert!(code.contains("State::UnknownValue => \"unknown\""), "{code}");
    assert!(code.contains("State::UnknownValue_ => \"unknown-value\""), "{code}");
}

#[test]
fn resource_cycle() {
    let bad = model(
        r#""ns#OpInput": { "type": "structure", "members": {} },
        "ns#Parent": { "type": "resource", "resources": [{ "target": "ns#Child" }] },
        "ns#Child": { "type": "resource", "resources": [{ "target": "ns#Parent" }] }"#,
    )
    .replace(
        r#""operations": [{ "target": "ns#Op" }],"#,
        r#""operations": [{ "target": "ns#Op" }], "resources": [{ "target": "ns#Parent" }],"#,
    );
    // The model itself resolves; the cycle is found when operations are collected.
    let parsed = ast::parse(bad.as_bytes()).expect("valid JSON");
    let resolved = ir::resolve(&parsed).expect("a cycle is not a resolve error");
    let expected = "ns#Parent: resource cycle: the resource binds itself, directly or through children";
    assert_eq!(closure::all_operations(&resolved).unwrap_err().to_string(), expected);
    assert_eq!(closure::closure(&resolved, &["Op"]).unwrap_err().to_string(), expected);
    assert_eq!(message(&bad), expected);
}

#[test]
fn mixins_are_flattened_in_resolve() {
    let with_mixin = model(
        r#""ns#OpInput": { "type": "structure", "members": {}, "mixins": [{ "target": "ns#Base" }] },
        "ns#Base": { "type": "structure", "members": { "inherited": { "target": "smithy.api#String" } },
                     "traits": { "smithy.api#mixin": {} } }"#,
    );
    let parsed = ast::parse(with_mixin.as_bytes()).unwrap();
    let resolved = ir::resolve(&parsed).expect("a model with mixins resolves");
    let input = resolved.shapes.iter().find(|(id, _)| id.as_str() == "ns#OpInput").map(|(_, s)| s).unwrap();
    let names: Vec<&str> = input.members().iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["inherited"]);
    assert!(!resolved.shapes.keys().any(|id| id.as_str() == "ns#Base"), "mixin shapes are not kept");
    // Generating one operation reads only its part of the file: the mixin and
    // traits applied to inherited members must come along.
    let with_apply = with_mixin.replace(
        r#""ns#OpOutput": {"#,
        r#""ns#OpInput$inherited": { "type": "apply", "traits": { "smithy.api#required": {} } },
        "ns#OpOutput": {"#,
    );
    for json in [&with_mixin, &with_apply] {
        let whole = smithy_codegen::generate(json.as_bytes(), &[], &Settings::default()).unwrap();
        let part = smithy_codegen::generate(json.as_bytes(), &["Op"], &Settings::default()).unwrap();
        assert_eq!(part, whole);
    }
    let required = smithy_codegen::generate(with_apply.as_bytes(), &["Op"], &Settings::default()).unwrap();
    assert!(required.contains("pub inherited: String,"), "the applied @required makes the member non-optional");
}

#[test]
fn union_members_generate() {
    let good = model(
        r#""ns#OpInput": { "type": "structure", "members": { "U": { "target": "ns#U" } } },
        "ns#U": { "type": "union", "members": { "A": { "target": "smithy.api#String" }, "B": { "target": "smithy.api#Unit" } } }"#,
    );
    let rust = smithy_codegen::generate(good.as_bytes(), &[], &Settings::default()).expect("generates");
    assert!(rust.contains("pub enum U {"), "{rust}");
    assert!(rust.contains("Unknown(crate::primitives::UnknownUnionMember)"));
}

#[test]
fn timestamp_members_generate() {
    let good =
        model(r#""ns#OpInput": { "type": "structure", "members": { "At": { "target": "smithy.api#Timestamp" } } }"#);
    let rust = smithy_codegen::generate(good.as_bytes(), &[], &Settings::default()).expect("generates");
    assert!(rust.contains("pub at: Option<crate::primitives::DateTime>"), "{rust}");
}

#[test]
fn operations_with_unit_output_get_an_empty_output() {
    let good = model(r#""ns#OpInput": { "type": "structure", "members": {} }"#)
        .replace(r#""output": { "target": "ns#OpOutput" },"#, r#""output": { "target": "smithy.api#Unit" },"#);
    let rust = smithy_codegen::generate(good.as_bytes(), &[], &Settings::default()).expect("generates");
    assert!(rust.contains("pub struct OpOutput {}"), "{rust}");
}

#[test]
fn http_payload_members_generate() {
    let good = model(
        r#""ns#OpInput": {
            "type": "structure",
            "members": { "Body": { "target": "smithy.api#String", "traits": { "smithy.api#httpPayload": {} } } }
        }"#,
    );
    let rust = smithy_codegen::generate(good.as_bytes(), &[], &Settings::default()).expect("generates");
    assert!(rust.contains("text/plain"), "{rust}");
}

#[test]
fn generating_twice_gives_the_same_bytes() {
    let good = model(
        r#""ns#OpInput": {
            "type": "structure",
            "members": {
                "Zeta": { "target": "ns#Mode" },
                "Alpha": { "target": "ns#Pairs" },
                "Mid": { "target": "smithy.api#Integer", "traits": { "smithy.api#default": 3 } }
            }
        },
        "ns#Mode": {
            "type": "enum",
            "members": {
                "Z": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "z" } },
                "A": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "a" } }
            }
        },
        "ns#Pairs": { "type": "map", "key": { "target": "smithy.api#String" }, "value": { "target": "ns#Pair" } },
        "ns#Pair": { "type": "structure", "members": { "K": { "target": "smithy.api#String" } } }"#,
    );
    let settings = Settings::default();
    let first = smithy_codegen::generate(good.as_bytes(), &[], &settings).expect("generates");
    let second = smithy_codegen::generate(good.as_bytes(), &[], &settings).expect("generates");
    assert_eq!(first.as_bytes(), second.as_bytes());
    // Naming the operation gives the same file as "every operation".
    let named = smithy_codegen::generate(good.as_bytes(), &["Op"], &settings).expect("generates");
    assert_eq!(first, named);
    let absolute = smithy_codegen::generate(good.as_bytes(), &["ns#Op"], &settings).expect("generates");
    assert_eq!(first, absolute);
    // Member order is the model's, not alphabetical.
    let zeta = first.find("pub zeta:").expect("zeta field");
    let alpha = first.find("pub alpha:").expect("alpha field");
    assert!(zeta < alpha, "members must keep declaration order");
}

#[test]
fn operation_order_does_not_matter() {
    let settings = Settings::default();
    let ab = smithy_codegen::generate(THREE_OPERATIONS.as_bytes(), &["PutThing", "GetThing"], &settings);
    let ba = smithy_codegen::generate(THREE_OPERATIONS.as_bytes(), &["GetThing", "PutThing"], &settings);
    let ab = ab.expect("generates");
    assert_eq!(ab, ba.expect("generates"));
    let twice = smithy_codegen::generate(THREE_OPERATIONS.as_bytes(), &["GetThing", "GetThing", "PutThing"], &settings);
    assert_eq!(ab, twice.expect("generates"));
}

#[test]
fn the_header_marks_the_file_generated() {
    let good = model(r#""ns#OpInput": { "type": "structure", "members": {} }"#);
    let rust = smithy_codegen::generate(good.as_bytes(), &[], &Settings::default()).expect("generates");
    let mut header = rust.lines();
    assert_eq!(header.next(), Some(format!("// @generated by smithy-codegen {}.", env!("CARGO_PKG_VERSION")).as_str()));
    assert_eq!(header.next(), Some("// Do not edit: change the model or the generator, then regenerate."));
}

/// An event stream (output member `Events`, union `ns#Stream`) whose `Bad`
/// event is `event`; `extra` defines more shapes.
fn event_stream_model(event: &str, extra: &str) -> String {
    let shapes = format!(
        r#""ns#OpInput": {{ "type": "structure", "members": {{}} }},
        "ns#Stream": {{
            "type": "union",
            "members": {{ "Bad": {{ "target": "ns#Bad" }} }},
            "traits": {{ "smithy.api#streaming": {{}} }}
        }},
        "ns#Bad": {event}{extra}"#
    );
    model(&shapes).replace(
        r#""ns#OpOutput": { "type": "structure", "members": {} },"#,
        r#""ns#OpOutput": { "type": "structure", "members": { "Events": { "target": "ns#Stream", "traits": { "smithy.api#httpPayload": {} } } } },"#,
    )
}

#[test]
fn event_stream_members_that_cannot_travel_are_named() {
    let not_a_structure = event_stream_model(r#"{ "type": "string" }"#, "");
    assert_eq!(
        message(&not_a_structure),
        "ns#Stream$Bad: an event-stream member must target a structure; this one targets `string`"
    );

    let list_header = event_stream_model(
        r#"{ "type": "structure", "members": { "Tags": { "target": "ns#Tags", "traits": { "smithy.api#eventHeader": {} } } } }"#,
        r#", "ns#Tags": { "type": "list", "member": { "target": "smithy.api#String" } }"#,
    );
    let error = message(&list_header);
    assert!(error.starts_with("ns#Bad$Tags: an `@eventHeader` member must target a boolean"), "{error}");
    assert!(error.ends_with("this one targets `list`"), "{error}");

    let loose_member = event_stream_model(
        r#"{ "type": "structure", "members": {
            "Data": { "target": "smithy.api#Blob", "traits": { "smithy.api#eventPayload": {} } },
            "Note": { "target": "smithy.api#String" }
        } }"#,
        "",
    );
    assert_eq!(
        message(&loose_member),
        "ns#Bad$Note: beside an `@eventPayload` member, every member must be an `@eventHeader`"
    );

    let number_payload = event_stream_model(
        r#"{ "type": "structure", "members": { "N": { "target": "smithy.api#Integer", "traits": { "smithy.api#eventPayload": {} } } } }"#,
        "",
    );
    assert_eq!(
        message(&number_payload),
        "ns#Bad$N: an `@eventPayload` member must target a blob, string, structure or union; this one targets `integer`"
    );
}

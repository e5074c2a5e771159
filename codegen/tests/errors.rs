//! Error messages for bad input, each pinned to its exact text, and the
//! generator's determinism.

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
    assert_eq!(message(bad), err.to_string());
}

#[test]
fn truncated_json() {
    let err = ast::parse(b"{\"smithy\": \"2.0\", \"shapes\": {").unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid model JSON at line 1, column 29: EOF while parsing an object at line 1 column 29"
    );
}

#[test]
fn json_of_the_wrong_form() {
    let err = ast::parse(br#"{"smithy": "2.0", "shapes": {"ns#A": {"members": {}}}}"#).unwrap_err();
    assert_eq!(err.to_string(), "invalid model JSON at line 1, column 52: missing field `type` at line 1 column 52");
}

#[test]
fn duplicate_json_key() {
    let bad = r#"{"smithy": "2.0", "shapes": {"ns#A": {"type": "string"}, "ns#A": {"type": "long"}}}"#;
    assert_eq!(
        ast::parse(bad.as_bytes()).unwrap_err().to_string(),
        "invalid model JSON at line 1, column 82: duplicate key `ns#A` at line 1 column 82"
    );
}

#[test]
fn wrong_smithy_version() {
    let bad = model(r#""ns#OpInput": { "type": "structure", "members": {} }"#)
        .replace(r#""smithy": "2.0""#, r#""smithy": "3.0""#);
    assert_eq!(generate_err(&bad), Error::Version("3.0".to_string()));
    assert_eq!(message(&bad), r#"unsupported Smithy IDL version `3.0` (expected "1.0" or "2.0")"#);
}

#[test]
fn bad_shape_id() {
    let bad = r#"{"smithy": "2.0", "shapes": {"NoNamespace": {"type": "string"}}}"#;
    assert_eq!(message(bad), "`NoNamespace`: not an absolute shape id (expected `namespace#Name`)");
}

#[test]
fn dangling_member_target() {
    let bad = model(
        r#""ns#OpInput": {
            "type": "structure",
            "members": { "Name": { "target": "ns#Missing" } }
        }"#,
    );
    assert_eq!(message(&bad), "ns#OpInput$Name: target `ns#Missing` not found");
}

#[test]
fn dangling_list_member_target() {
    let bad = model(
        r#""ns#OpInput": { "type": "structure", "members": { "Names": { "target": "ns#Names" } } },
        "ns#Names": { "type": "list", "member": { "target": "ns#Nope" } }"#,
    );
    assert_eq!(message(&bad), "ns#Names$member: target `ns#Nope` not found");
}

#[test]
fn member_target_that_is_not_an_absolute_id() {
    let bad = model(r#""ns#OpInput": { "type": "structure", "members": { "Name": { "target": "String" } } }"#);
    assert_eq!(message(&bad), "ns#OpInput$Name: target `String` is not an absolute shape id");
}

#[test]
fn member_targeting_an_operation() {
    let bad = model(r#""ns#OpInput": { "type": "structure", "members": { "Op": { "target": "ns#Op" } } }"#);
    assert_eq!(message(&bad), "ns#OpInput$Op: target `ns#Op` is an operation, which a member cannot target");
}

#[test]
fn member_targeting_a_service() {
    let bad = model(r#""ns#OpInput": { "type": "structure", "members": { "S": { "target": "ns#Svc" } } }"#);
    assert_eq!(message(&bad), "ns#OpInput$S: target `ns#Svc` is a service, which a member cannot target");
}

#[test]
fn unknown_shape_type() {
    let bad = model(
        r#""ns#OpInput": { "type": "structure", "members": {} },
        "ns#Gadget": { "type": "widget" }"#,
    );
    assert_eq!(message(&bad), "ns#Gadget: unknown shape type `widget`");
}

#[test]
fn length_min_greater_than_max() {
    let bad = model(
        r#""ns#OpInput": { "type": "structure", "members": { "Name": { "target": "ns#Name" } } },
        "ns#Name": { "type": "string", "traits": { "smithy.api#length": { "min": 5, "max": 2 } } }"#,
    );
    assert_eq!(message(&bad), "ns#Name: trait `smithy.api#length`: min 5 is greater than max 2");
}

#[test]
fn length_on_a_member_with_a_negative_bound() {
    let bad = model(
        r#""ns#OpInput": {
            "type": "structure",
            "members": { "Name": { "target": "smithy.api#String", "traits": { "smithy.api#length": { "min": -1 } } } }
        }"#,
    );
    assert_eq!(
        message(&bad),
        "ns#OpInput$Name: trait `smithy.api#length`: `min` must be a non-negative integer, found -1"
    );
}

#[test]
fn range_min_greater_than_max() {
    let bad = model(
        r#""ns#OpInput": { "type": "structure", "members": { "N": { "target": "ns#N" } } },
        "ns#N": { "type": "double", "traits": { "smithy.api#range": { "min": 1.5, "max": 0.5 } } }"#,
    );
    assert_eq!(message(&bad), "ns#N: trait `smithy.api#range`: min 1.5 is greater than max 0.5");
}

#[test]
fn pattern_that_does_not_compile() {
    let bad = model(
        r#""ns#OpInput": { "type": "structure", "members": { "Name": { "target": "ns#Name" } } },
        "ns#Name": { "type": "string", "traits": { "smithy.api#pattern": "^[a-$" } }"#,
    );
    assert_eq!(
        message(&bad),
        "ns#OpInput$Name: trait `smithy.api#pattern`: pattern `^[a-$` does not compile: invalid range in character class"
    );
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
fn duplicate_enum_values() {
    let bad = model(
        r#""ns#OpInput": { "type": "structure", "members": { "Color": { "target": "ns#Color" } } },
        "ns#Color": {
            "type": "enum",
            "members": {
                "Red": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "red" } },
                "Crimson": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "red" } }
            }
        }"#,
    );
    assert_eq!(message(&bad), "ns#Color$Crimson: enum value `red` is also the value of `Red`");
}

#[test]
fn duplicate_legacy_enum_values() {
    let bad = model(
        r#""ns#OpInput": { "type": "structure", "members": { "Color": { "target": "ns#Color" } } },
        "ns#Color": {
            "type": "string",
            "traits": { "smithy.api#enum": [{ "value": "red", "name": "RED" }, { "value": "red", "name": "CRIMSON" }] }
        }"#,
    );
    assert_eq!(message(&bad), "ns#Color$CRIMSON: enum value `red` is also the value of `RED`");
}

#[test]
fn enum_members_colliding_after_case_conversion() {
    let bad = model(
        r#""ns#OpInput": { "type": "structure", "members": { "Mode": { "target": "ns#Mode" } } },
        "ns#Mode": {
            "type": "enum",
            "members": {
                "foo_bar": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "a" } },
                "fooBar": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "b" } }
            }
        }"#,
    );
    assert_eq!(message(&bad), "ns#Mode$fooBar: enum member collides with `foo_bar`: both become the variant `FooBar`");
}

#[test]
fn legacy_enum_values_colliding_after_case_conversion() {
    // Without `name`, a legacy enum value names its variant.
    let bad = model(
        r#""ns#OpInput": { "type": "structure", "members": { "Runtime": { "target": "ns#Runtime" } } },
        "ns#Runtime": {
            "type": "string",
            "traits": { "smithy.api#enum": [{ "value": "nodejs4.3" }, { "value": "nodejs43" }] }
        }"#,
    );
    assert_eq!(
        message(&bad),
        "ns#Runtime$nodejs43: enum member collides with `nodejs4.3`: both become the variant `Nodejs43`"
    );
}

#[test]
fn enum_member_colliding_with_the_renamed_unknown() {
    let bad = model(
        r#""ns#OpInput": { "type": "structure", "members": { "State": { "target": "ns#State" } } },
        "ns#State": {
            "type": "enum",
            "members": {
                "Unknown": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "unknown" } },
                "UnknownValue": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "unknown-value" } }
            }
        }"#,
    );
    assert_eq!(
        message(&bad),
        "ns#State$UnknownValue: enum member collides with `Unknown`: both become the variant `UnknownValue`"
    );
}

#[test]
fn structure_members_colliding_after_snake_case() {
    let bad = model(
        r#""ns#OpInput": {
            "type": "structure",
            "members": {
                "FooBar": { "target": "smithy.api#String" },
                "foo_bar": { "target": "smithy.api#String" }
            }
        }"#,
    );
    assert_eq!(
        message(&bad),
        "ns#OpInput$foo_bar: member name collides with `FooBar`: both become the Rust field `foo_bar`"
    );
}

#[test]
fn structure_members_colliding_through_keyword_escapes() {
    // `self` becomes `self_`, which is also what `self_` stays.
    let bad = model(
        r#""ns#OpInput": {
            "type": "structure",
            "members": {
                "self": { "target": "smithy.api#String" },
                "self_": { "target": "smithy.api#String" }
            }
        }"#,
    );
    assert_eq!(message(&bad), "ns#OpInput$self_: member name collides with `self`: both become the Rust field `self_`");
}

#[test]
fn operation_input_that_is_not_a_structure() {
    let bad = model(r#""ns#OpInput": { "type": "string" }"#);
    assert_eq!(message(&bad), "ns#Op: input `ns#OpInput` is a simple shape, not a structure");
}

#[test]
fn operation_output_that_is_a_list() {
    let bad = BASE.replace(r#""ns#OpOutput": { "type": "structure", "members": {} },"#, "").replace(
        "__EXTRA__",
        r#""ns#OpInput": { "type": "structure", "members": {} },
            "ns#OpOutput": { "type": "list", "member": { "target": "smithy.api#String" } }"#,
    );
    assert_eq!(message(&bad), "ns#Op: output `ns#OpOutput` is a list, not a structure");
}

#[test]
fn operation_error_without_the_error_trait() {
    let bad = model(
        r#""ns#OpInput": { "type": "structure", "members": {} }, "ns#Oops": { "type": "structure", "members": {} }"#,
    )
    .replace(
        r#""output": { "target": "ns#OpOutput" },"#,
        r#""output": { "target": "ns#OpOutput" }, "errors": [{ "target": "ns#Oops" }],"#,
    );
    assert_eq!(message(&bad), "ns#Oops: bound as an error of `ns#Op` but has no `smithy.api#error` trait");
}

#[test]
fn service_binding_a_structure_as_an_operation() {
    let bad = model(r#""ns#OpInput": { "type": "structure", "members": {} }"#)
        .replace(r#""operations": [{ "target": "ns#Op" }],"#, r#""operations": [{ "target": "ns#OpInput" }],"#);
    assert_eq!(message(&bad), "ns#Svc: binds `ns#OpInput` as an operation, but it is a structure");
}

#[test]
fn service_binding_an_operation_as_a_resource() {
    let bad = model(r#""ns#OpInput": { "type": "structure", "members": {} }"#)
        .replace(r#""operations": [{ "target": "ns#Op" }],"#, r#""resources": [{ "target": "ns#Op" }],"#);
    assert_eq!(message(&bad), "ns#Svc: binds `ns#Op` as a resource, but it is an operation");
}

#[test]
fn map_key_that_is_not_a_string() {
    let bad = model(
        r#""ns#OpInput": { "type": "structure", "members": { "M": { "target": "ns#M" } } },
        "ns#M": { "type": "map", "key": { "target": "smithy.api#Integer" }, "value": { "target": "smithy.api#String" } }"#,
    );
    assert_eq!(message(&bad), "ns#M$key: map keys must target a string shape");
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
fn resource_binding_itself() {
    let bad = model(
        r#""ns#OpInput": { "type": "structure", "members": {} },
        "ns#Loop": { "type": "resource", "resources": [{ "target": "ns#Loop" }] }"#,
    )
    .replace(
        r#""operations": [{ "target": "ns#Op" }],"#,
        r#""operations": [{ "target": "ns#Op" }], "resources": [{ "target": "ns#Loop" }],"#,
    );
    assert_eq!(message(&bad), "ns#Loop: resource cycle: the resource binds itself, directly or through children");
}

#[test]
fn two_services() {
    let bad = model(
        r#""ns#OpInput": { "type": "structure", "members": {} },
        "ns#Zvc": { "type": "service", "version": "1" }"#,
    );
    assert_eq!(
        message(&bad),
        "ns#Zvc: a second service beside `ns#Svc`; models with several services are not supported"
    );
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
fn operations_without_the_http_trait_are_not_supported() {
    let bad = model(r#""ns#OpInput": { "type": "structure", "members": {} }"#)
        .replace(r#""traits": { "smithy.api#http": { "method": "POST", "uri": "/op" } }"#, r#""traits": {}"#);
    assert_eq!(
        message(&bad),
        "ns#Op: not supported: operations without the smithy.api#http trait (restJson1 needs it)"
    );
}

#[test]
fn uri_label_without_a_member() {
    let bad = model(r#""ns#OpInput": { "type": "structure", "members": {} }"#)
        .replace(r#""uri": "/op""#, r#""uri": "/op/{Id}""#);
    assert_eq!(message(&bad), "ns#Op: uri label `Id` has no httpLabel member in the input");
}

#[test]
fn label_member_missing_from_the_uri() {
    let bad = model(
        r#""ns#OpInput": {
            "type": "structure",
            "members": { "Id": { "target": "smithy.api#String", "traits": { "smithy.api#required": {}, "smithy.api#httpLabel": {} } } }
        }"#,
    );
    assert_eq!(message(&bad), "ns#OpInput$Id: httpLabel member has no `{Id}` in the operation's uri");
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
fn header_bound_to_a_structure() {
    let bad = model(
        r#""ns#OpInput": {
            "type": "structure",
            "members": { "Meta": { "target": "ns#Meta", "traits": { "smithy.api#httpHeader": "X-Meta" } } }
        },
        "ns#Meta": { "type": "structure", "members": {} }"#,
    );
    assert_eq!(message(&bad), "ns#OpInput$Meta: not supported: HTTP bindings of this member type");
}

#[test]
fn default_that_does_not_fit_its_target() {
    let bad = model(
        r#""ns#OpInput": {
            "type": "structure",
            "members": { "N": { "target": "smithy.api#Integer", "traits": { "smithy.api#default": "three" } } }
        }"#,
    );
    assert_eq!(message(&bad), "ns#OpInput$N: default value \"three\" does not fit target `smithy.api#Integer`");
}

#[test]
fn default_that_is_not_an_enum_value() {
    let bad = model(
        r#""ns#OpInput": {
            "type": "structure",
            "members": { "M": { "target": "ns#Mode", "traits": { "smithy.api#default": "medium" } } }
        },
        "ns#Mode": {
            "type": "enum",
            "members": { "FAST": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "fast" } } }
        }"#,
    );
    assert_eq!(message(&bad), "ns#OpInput$M: default `medium` is not a value of enum `ns#Mode`");
}

#[test]
fn bad_http_trait() {
    let bad =
        model(r#""ns#OpInput": { "type": "structure", "members": {} }"#).replace(r#""uri": "/op""#, r#""uri": "op""#);
    assert_eq!(message(&bad), "ns#Op: trait `smithy.api#http`: uri `op` must start with `/`");
}

#[test]
fn bad_error_trait() {
    let bad = model(
        r#""ns#OpInput": { "type": "structure", "members": {} },
        "ns#Oops": { "type": "structure", "members": {}, "traits": { "smithy.api#error": "caller" } }"#,
    );
    assert_eq!(message(&bad), r#"ns#Oops: trait `smithy.api#error`: expected "client" or "server", found "caller""#);
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
fn the_header_names_the_model_digest() {
    let good = model(r#""ns#OpInput": { "type": "structure", "members": {} }"#);
    let rust = smithy_codegen::generate(good.as_bytes(), &[], &Settings::default()).expect("generates");
    let digest = smithy_codegen::sha256::hex_digest(good.as_bytes());
    assert_eq!(digest.len(), 64);
    let first_line = rust.lines().next().expect("a header");
    assert_eq!(
        first_line,
        format!("// @generated by smithy-codegen {} from a model with sha256 {digest}.", env!("CARGO_PKG_VERSION"))
    );
}

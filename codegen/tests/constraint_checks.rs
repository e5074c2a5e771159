//! Constraint checks at run time: a small model with every constraint trait,
//! inside lists, maps, unions and nested structures, generated into a crate
//! whose tests send requests to the server side and read the
//! `ValidationException` it answers with (Smithy's messages and paths), and
//! check that the client side keeps unknown enum values.

mod common;

use smithy_codegen::Settings;

const MODEL: &str = r##"{
    "smithy": "2.0",
    "shapes": {
        "com.example#Checked": {
            "type": "service",
            "version": "2024-01-01",
            "operations": [{ "target": "com.example#PutThings" }],
            "traits": { "aws.protocols#restJson1": {} }
        },
        "com.example#PutThings": {
            "type": "operation",
            "input": { "target": "com.example#PutThingsInput" },
            "output": { "target": "com.example#PutThingsOutput" },
            "errors": [{ "target": "smithy.framework#ValidationException" }],
            "traits": { "smithy.api#http": { "method": "POST", "uri": "/things" } }
        },
        "com.example#PutThingsInput": {
            "type": "structure",
            "members": {
                "name": { "target": "smithy.api#String", "traits": { "smithy.api#required": {}, "smithy.api#length": { "min": 2 } } },
                "token": { "target": "smithy.api#String", "traits": { "smithy.api#required": {}, "smithy.api#httpHeader": "x-token" } },
                "blob": { "target": "smithy.api#Blob", "traits": { "smithy.api#length": { "max": 2 } } },
                "ratio": { "target": "smithy.api#Float", "traits": { "smithy.api#range": { "min": 0.5, "max": 8.8 } } },
                "count": { "target": "smithy.api#Byte", "traits": { "smithy.api#range": { "max": 3 } } },
                "tags": { "target": "com.example#Tags" },
                "numbers": { "target": "com.example#Numbers" },
                "flags": { "target": "com.example#Flags" },
                "blobs": { "target": "com.example#Blobs" },
                "times": { "target": "com.example#Times" },
                "colors": { "target": "com.example#Colors" },
                "groups": { "target": "com.example#Groups" },
                "items": { "target": "com.example#Items" },
                "byColor": { "target": "com.example#ByColor" },
                "choice": { "target": "com.example#Choice" },
                "level": { "target": "com.example#Level" },
                "pairs": { "target": "com.example#Pairs" },
                "pairsByName": { "target": "com.example#PairsByName" },
                "labels": { "target": "com.example#Labels" }
            },
            "traits": { "smithy.api#input": {} }
        },
        "com.example#PutThingsOutput": { "type": "structure", "members": {}, "traits": { "smithy.api#output": {} } },
        "com.example#Tag": { "type": "string", "traits": { "smithy.api#pattern": "^[a-z]+$" } },
        "com.example#Labels": { "type": "map", "key": { "target": "com.example#Tag" }, "value": { "target": "com.example#Tag" } },
        "com.example#Tags": { "type": "list", "member": { "target": "com.example#Tag" }, "traits": { "smithy.api#uniqueItems": {} } },
        "com.example#Numbers": { "type": "list", "member": { "target": "smithy.api#Integer" }, "traits": { "smithy.api#uniqueItems": {} } },
        "com.example#Flags": { "type": "list", "member": { "target": "smithy.api#Boolean" }, "traits": { "smithy.api#uniqueItems": {} } },
        "com.example#Blobs": { "type": "list", "member": { "target": "smithy.api#Blob" }, "traits": { "smithy.api#uniqueItems": {} } },
        "com.example#Times": { "type": "list", "member": { "target": "smithy.api#Timestamp" }, "traits": { "smithy.api#uniqueItems": {} } },
        "com.example#Colors": { "type": "list", "member": { "target": "com.example#Color" }, "traits": { "smithy.api#uniqueItems": {} } },
        "com.example#Groups": { "type": "list", "member": { "target": "com.example#Tags" }, "traits": { "smithy.api#uniqueItems": {} } },
        "com.example#Items": { "type": "list", "member": { "target": "com.example#Item" }, "traits": { "smithy.api#uniqueItems": {} } },
        "com.example#Item": {
            "type": "structure",
            "members": {
                "id": { "target": "smithy.api#String", "traits": { "smithy.api#length": { "max": 3 } } },
                "child": { "target": "com.example#Item" }
            }
        },
        "com.example#Pairs": { "type": "list", "member": { "target": "com.example#Pair" } },
        "com.example#PairsByName": { "type": "map", "key": { "target": "smithy.api#String" }, "value": { "target": "com.example#Pair" } },
        "com.example#Pair": {
            "type": "structure",
            "members": {
                "left": { "target": "smithy.api#String", "traits": { "smithy.api#required": {} } },
                "right": { "target": "smithy.api#Integer", "traits": { "smithy.api#required": {}, "smithy.api#default": 0 } }
            }
        },
        "com.example#ByColor": {
            "type": "map",
            "key": { "target": "com.example#Color" },
            "value": { "target": "com.example#Tag" },
            "traits": { "smithy.api#length": { "max": 2 } }
        },
        "com.example#Choice": {
            "type": "union",
            "members": {
                "tag": { "target": "com.example#Tag" },
                "item": { "target": "com.example#Item" }
            }
        },
        "com.example#Color": {
            "type": "enum",
            "members": {
                "RED": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "red" } },
                "SECRET": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "secret", "smithy.api#internal": {} } },
                "BLUE": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "blue" } }
            }
        },
        "com.example#Level": {
            "type": "intEnum",
            "members": {
                "LOW": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": 1 } },
                "HIGH": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": 2 } }
            }
        },
        "smithy.framework#ValidationException": {
            "type": "structure",
            "members": {
                "message": { "target": "smithy.api#String", "traits": { "smithy.api#required": {} } },
                "fieldList": { "target": "smithy.framework#ValidationExceptionFieldList" }
            },
            "traits": { "smithy.api#error": "client" }
        },
        "smithy.framework#ValidationExceptionFieldList": {
            "type": "list",
            "member": { "target": "smithy.framework#ValidationExceptionField" }
        },
        "smithy.framework#ValidationExceptionField": {
            "type": "structure",
            "members": {
                "path": { "target": "smithy.api#String", "traits": { "smithy.api#required": {} } },
                "message": { "target": "smithy.api#String", "traits": { "smithy.api#required": {} } }
            }
        }
    }
}"##;

#[test]
fn constraints_are_checked_at_run_time() {
    let code = Settings::default().generate(MODEL.as_bytes(), &[]).expect("generates");
    let dir = common::write_crate_with_test("constraint-checks", &code, "checks", AT_RUN_TIME);
    if let Err(output) = common::cargo_test(&dir, &["--test", "checks"]) {
        panic!("the generated constraint checks misbehave:\n{output}");
    }
}

const AT_RUN_TIME: &str = r##"
use constraint_checks::operation::put_things::PutThingsInput;
use constraint_checks::types::Color;

/// The server's answer to a request with `body` (and the header `x-token`
/// unless `token` is false): the error response's message and fieldList.
fn refused(body: &str, token: bool) -> (String, Vec<(String, String)>) {
    let mut request = http::Request::post("/things").header("content-type", "application/json");
    if token {
        request = request.header("x-token", "t");
    }
    let request = request.body(body.as_bytes().to_vec()).unwrap();
    let error = PutThingsInput::from_http_request(&request).expect_err("refused");
    let response = error.to_http_response();
    assert_eq!(response.status(), 400);
    assert_eq!(response.headers()["x-amzn-errortype"], "ValidationException");
    let json: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
    let fields = json["fieldList"]
        .as_array()
        .expect("a fieldList")
        .iter()
        .map(|f| (f["path"].as_str().unwrap().to_owned(), f["message"].as_str().unwrap().to_owned()))
        .collect();
    (json["message"].as_str().unwrap().to_owned(), fields)
}

/// The paths the server reports for `members` (JSON members after `"name"`).
fn paths(members: &str) -> Vec<String> {
    refused(&format!(r#"{{"name": "ok", {members}}}"#), true).1.into_iter().map(|(path, _)| path).collect()
}

#[test]
fn a_valid_request_passes() {
    let body = r#"{"name": "ok", "tags": ["a", "b"], "numbers": [1, 2], "flags": [true, false],
        "blobs": ["YQ==", "Yg=="], "times": [1, 2], "colors": ["red", "blue"], "groups": [["a"], ["a", "b"]],
        "items": [{"id": "a"}, {"id": "a", "child": {"id": "b"}}], "byColor": {"red": "a"},
        "choice": {"item": {"id": "abc"}}, "level": 2, "ratio": 8.8, "count": 3, "blob": "YWI="}"#;
    let request = http::Request::post("/things").header("x-token", "t").header("content-type", "application/json").body(body.as_bytes().to_vec()).unwrap();
    let input = PutThingsInput::from_http_request(&request).expect("accepted");
    assert_eq!(input.name(), "ok");
}

#[test]
fn repeated_items_of_any_type_break_unique_items() {
    for (member, list) in [
        ("tags", r#"["a", "a"]"#),
        ("numbers", "[1, 2, 1]"),
        ("flags", "[true, true]"),
        ("blobs", r#"["YQ==", "YQ=="]"#),
        ("times", "[5, 5]"),
        ("colors", r#"["red", "red"]"#),
        ("groups", r#"[["a", "b"], ["a", "b"]]"#),
        ("items", r#"[{"id": "a"}, {"id": "a"}]"#),
    ] {
        let (message, fields) = refused(&format!(r#"{{"name": "ok", "{member}": {list}}}"#), true);
        let expected = format!("Value at '/{member}' failed to satisfy constraint: Member must have unique values");
        assert_eq!(message, format!("1 validation error detected. {expected}"), "{member}");
        assert_eq!(fields, [(format!("/{member}"), expected)], "{member}");
    }
}

#[test]
fn checks_reach_into_lists_maps_unions_and_nested_structures() {
    assert_eq!(paths(r#""tags": ["a", "B"]"#), ["/tags/1"]);
    assert_eq!(paths(r#""groups": [["a"], ["b", "C"]]"#), ["/groups/1/1"]);
    assert_eq!(paths(r#""items": [{"id": "a", "child": {"id": "long"}}]"#), ["/items/0/child/id"]);
    assert_eq!(paths(r#""byColor": {"red": "X"}"#), ["/byColor/red"]);
    assert_eq!(paths(r#""byColor": {"green": "x"}"#), ["/byColor"]);
    assert_eq!(paths(r#""byColor": {"red": "a", "blue": "b", "secret": "c"}"#), ["/byColor"]);
    assert_eq!(paths(r#""choice": {"tag": "X"}"#), ["/choice/tag"]);
    assert_eq!(paths(r#""choice": {"item": {"child": {"id": "long"}}}"#), ["/choice/item/child/id"]);
}

#[test]
fn a_map_s_violations_come_in_key_order() {
    // A `HashMap` iterates in a different order in every process.
    let labels = r#""labels": {"h": "X", "c": "X", "f": "X", "a": "X", "g": "X", "b": "X", "e": "X", "d": "X"}"#;
    let expected: Vec<String> = "abcdefgh".chars().map(|key| format!("/labels/{key}")).collect();
    assert_eq!(paths(labels), expected);
    let input = PutThingsInput::builder()
        .name("ok")
        .token("t")
        .labels("z", "Z")
        .labels("y", "Y")
        .labels("x", "X")
        .build()
        .unwrap();
    assert_eq!(input.validate().unwrap_err().path(), "/labels/x", "the client reports the first key");
}

#[test]
fn every_violation_is_reported_with_smithy_s_message() {
    let (message, fields) =
        refused(r#"{"name": "x", "ratio": 9, "count": 4, "blob": "YWJj", "colors": ["green"], "level": 3}"#, true);
    let expected = [
        ("/name", "Value with length 1 at '/name' failed to satisfy constraint: Member must have length greater than or equal to 2"),
        ("/blob", "Value with length 3 at '/blob' failed to satisfy constraint: Member must have length less than or equal to 2"),
        ("/ratio", "Value at '/ratio' failed to satisfy constraint: Member must be between 0.5 and 8.8, inclusive"),
        ("/count", "Value at '/count' failed to satisfy constraint: Member must be less than or equal to 3"),
        // Internal values are accepted but not listed.
        ("/colors/0", "Value at '/colors/0' failed to satisfy constraint: Member must satisfy enum value set: [red, blue]"),
        ("/level", "Value at '/level' failed to satisfy constraint: Member must satisfy enum value set: [1, 2]"),
    ];
    let expected: Vec<(String, String)> = expected.iter().map(|(p, m)| (p.to_string(), m.to_string())).collect();
    assert_eq!(fields, expected);
    assert!(message.starts_with("6 validation errors detected. Value with length 1 at '/name'"), "{message}");
    let internal = r#"{"name": "ok", "colors": ["secret"]}"#;
    let request = http::Request::post("/things").header("x-token", "t").header("content-type", "application/json").body(internal.as_bytes().to_vec()).unwrap();
    assert!(PutThingsInput::from_http_request(&request).is_ok(), "an internal value is a value of the enum");
}

#[test]
fn missing_required_members_are_constraint_violations() {
    let missing = "Member must not be null";
    let (_, fields) = refused("{}", true);
    assert_eq!(fields, [("/name".to_owned(), format!("Value at '/name' failed to satisfy constraint: {missing}"))]);
    let (_, fields) = refused(r#"{"name": null}"#, false);
    let paths: Vec<&str> = fields.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(paths, ["/name", "/token"]);
    // At any depth; a member with a default may be left out.
    let (message, fields) = refused(r#"{"name": "ok", "pairs": [{"left": "a"}, {"right": 1}]}"#, true);
    assert_eq!(message, "1 validation error detected. Value at '/pairs/1/left' failed to satisfy constraint: Member must not be null");
    assert_eq!(fields.len(), 1);
    let (_, fields) = refused(r#"{"name": "ok", "pairsByName": {"k": {"left": null}}}"#, true);
    assert_eq!(fields[0].0, "/pairsByName/k/left");
    // A body that is not JSON does not deserialize, whatever it leaves out.
    let request = http::Request::post("/things").header("x-token", "t").header("content-type", "application/json").body(b"{".to_vec()).unwrap();
    let error = PutThingsInput::from_http_request(&request).expect_err("refused");
    assert_eq!(error.to_http_response().headers()["x-amzn-errortype"], "SerializationException");
}

#[test]
fn the_client_keeps_unknown_enum_values_but_checks_the_rest() {
    let input = PutThingsInput::builder()
        .name("ok")
        .token("t")
        .colors(Color::from("green"))
        .build()
        .unwrap();
    assert!(input.validate().is_ok());
    assert!(input.to_http_request().is_ok());
    let input = PutThingsInput::builder().name("x").token("t").build().unwrap();
    let error = input.validate().unwrap_err();
    assert_eq!((error.member(), error.path()), ("name", "/name"));
}
"##;

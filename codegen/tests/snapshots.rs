//! Snapshot tests of the rendered Rust, one small model per feature.
//!
//! The models are written as raw JSON strings (not `serde_json::json!`) so that
//! member order is exactly what the test says: the parser keeps declaration
//! order, while a `serde_json::Value` would sort the keys.
//!
//! Every rendered file ends with the same runtime (`runtime/support.rs` and
//! `runtime/protocol.rs`); the snapshots hold only what comes before it, and
//! `render_model` checks that the runtime really is there, unchanged.
//!
//! Besides the snapshots, each generated file of these models was compiled and
//! documented against serde, serde_json, http, regex-lite and
//! serde_path_to_error (outside this repository) without errors, and without
//! warnings apart from unused runtime helpers, when these tests were written;
//! regression tests for bugs found that way close this file.

use smithy_codegen::{ast, closure, ir, Settings};

/// The runtime support and the protocol runtime, appended verbatim at the end
/// of every file (ungated: `Settings::default()` has no protocol feature).
fn rendered_support() -> String {
    format!("\n{}\n{}", include_str!("../runtime/support.rs"), include_str!("../runtime/protocol.rs"))
}

/// Generates every operation of `model`, checks that the output is a valid Rust
/// file ending with the runtime support, and returns the part before the support.
fn render_model(model: &str) -> String {
    let rust = smithy_codegen::generate(model.as_bytes(), &[], &Settings::default())
        .unwrap_or_else(|e| panic!("generation failed: {e}"));
    syn::parse_file(&rust).unwrap_or_else(|e| panic!("generated code is not a Rust file: {e}\n{rust}"));
    let support = rendered_support();
    let body = rust
        .strip_suffix(&support)
        .unwrap_or_else(|| panic!("the output does not end with the runtime support:\n{rust}"));
    body.trim_end().to_string() + "\n"
}

// (a) Enums with odd member names and odd values.
const ENUMS: &str = r##"{
    "smithy": "2.0",
    "shapes": {
        "com.example#EnumService": {
            "type": "service",
            "version": "2024-01-01",
            "operations": [{ "target": "com.example#PutRuntime" }],
            "traits": { "aws.protocols#restJson1": {} }
        },
        "com.example#PutRuntime": {
            "type": "operation",
            "input": { "target": "com.example#PutRuntimeInput" },
            "output": { "target": "com.example#PutRuntimeOutput" },
            "traits": { "smithy.api#http": { "method": "PUT", "uri": "/runtime", "code": 204 } }
        },
        "com.example#PutRuntimeInput": {
            "type": "structure",
            "members": {
                "Architecture": { "target": "com.example#Architecture" },
                "Runtime": { "target": "com.example#Runtime" },
                "Odd": { "target": "com.example#OddValues" },
                "Legacy": { "target": "com.example#LegacyRuntime" },
                "Level": { "target": "com.example#Level" }
            },
            "traits": { "smithy.api#input": {} }
        },
        "com.example#PutRuntimeOutput": {
            "type": "structure",
            "members": { "Runtime": { "target": "com.example#Runtime" } }
        },
        "com.example#Architecture": {
            "type": "enum",
            "members": {
                "x86_64": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "x86_64" } },
                "arm64": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "arm64" } }
            }
        },
        "com.example#Runtime": {
            "type": "enum",
            "members": {
                "nodejs43edge": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "nodejs4.3-edge" } },
                "java8al2": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "java8.al2" } },
                "provided": { "target": "smithy.api#Unit" },
                "python27": {
                    "target": "smithy.api#Unit",
                    "traits": {
                        "smithy.api#enumValue": "python2.7",
                        "smithy.api#deprecated": { "message": "Python 2.7 is end of life." }
                    }
                },
                "Unknown": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "unknown" } }
            }
        },
        "com.example#OddValues": {
            "type": "enum",
            "members": {
                "quote": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "say \"hi\"" } },
                "backslash": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "C:\\path\\" } },
                "spaces": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": " two  words " } },
                "nonAscii": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "café ünïcødé ✓ 日本" } },
                "backtick": {
                    "target": "smithy.api#Unit",
                    "traits": { "smithy.api#enumValue": "`tick`", "smithy.api#documentation": "A value with backticks." }
                }
            }
        },
        "com.example#LegacyRuntime": {
            "type": "string",
            "traits": {
                "smithy.api#enum": [
                    { "value": "nodejs4.3-edge", "name": "nodejs43edge" },
                    { "value": "go1.x" },
                    { "value": "dotnet-core_2.1", "name": "DOTNET_CORE_2_1", "documentation": "Retired.", "deprecated": true }
                ]
            }
        },
        "com.example#Level": {
            "type": "intEnum",
            "members": {
                "LOW": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": 1 } },
                "high_value": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": 10 } },
                "Negative": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": -1 } }
            }
        }
    }
}"##;

#[test]
fn enums_with_odd_names_and_values() {
    insta::assert_snapshot!("enums_with_odd_names_and_values", render_model(ENUMS));
}

// (b) Rust keywords as structure member and enum member names.
const KEYWORDS: &str = r##"{
    "smithy": "2.0",
    "shapes": {
        "com.example#KeywordService": {
            "type": "service",
            "version": "2024-01-01",
            "operations": [{ "target": "com.example#FindMatches" }, { "target": "com.example#RunAsync" }],
            "traits": { "aws.protocols#restJson1": {} }
        },
        "com.example#FindMatches": {
            "type": "operation",
            "input": { "target": "com.example#MatchRequest" },
            "output": { "target": "com.example#MatchResponse" },
            "traits": { "smithy.api#http": { "method": "POST", "uri": "/match" } }
        },
        "com.example#RunAsync": {
            "type": "operation",
            "input": { "target": "com.example#AsyncRequest" },
            "output": { "target": "com.example#AsyncResponse" },
            "traits": { "smithy.api#http": { "method": "POST", "uri": "/async" } }
        },
        "com.example#MatchRequest": {
            "type": "structure",
            "members": {
                "type": { "target": "smithy.api#String", "traits": { "smithy.api#required": {} } },
                "match": { "target": "smithy.api#Integer" },
                "self": { "target": "com.example#Inner" },
                "crate": { "target": "smithy.api#Boolean", "traits": { "smithy.api#default": false } },
                "async": { "target": "com.example#KeywordList" },
                "fn": { "target": "com.example#Keyword", "traits": { "smithy.api#default": "type" } }
            }
        },
        "com.example#MatchResponse": {
            "type": "structure",
            "members": {
                "Self": { "target": "smithy.api#String" },
                "Type": { "target": "com.example#Keyword", "traits": { "smithy.api#default": "match" } },
                "super": { "target": "smithy.api#Long" }
            }
        },
        "com.example#AsyncRequest": {
            "type": "structure",
            "members": {
                "await": { "target": "smithy.api#String" },
                "dyn": { "target": "smithy.api#String" }
            }
        },
        "com.example#AsyncResponse": {
            "type": "structure",
            "members": { "loop": { "target": "smithy.api#Boolean" } }
        },
        "com.example#Inner": {
            "type": "structure",
            "members": {
                "impl": { "target": "smithy.api#String" }
            }
        },
        "com.example#KeywordList": {
            "type": "list",
            "member": { "target": "com.example#Keyword" }
        },
        "com.example#Keyword": {
            "type": "enum",
            "members": {
                "type": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "type" } },
                "match": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "match" } },
                "Self": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "Self" } },
                "crate": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "crate" } },
                "async": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "async" } }
            }
        }
    }
}"##;

#[test]
fn rust_keywords_as_names() {
    let body = render_model(KEYWORDS);
    // `render_model` already parsed the whole file; check the escapes too.
    for expected in [
        "pub r#type: ::std::string::String,",
        "pub self_: ::std::option::Option<crate::types::Inner>,",
        "pub crate_: bool,",
        "pub r#async: ::std::option::Option<",
        "pub r#fn: crate::types::Keyword,",
        "pub super_: ::std::option::Option<i64>,",
        "pub r#type: crate::types::Keyword,",
        "pub fn set_type(",
        "pub fn get_crate_(",
        "pub fn r#match(",
        "Self_,",
    ] {
        assert!(body.contains(expected), "missing `{expected}` in\n{body}");
    }
    insta::assert_snapshot!("rust_keywords_as_names", body);
}

// (c) Constraint traits: length, pattern and range on shapes and members.
const CONSTRAINTS: &str = r##"{
    "smithy": "2.0",
    "shapes": {
        "com.example#ConstraintService": {
            "type": "service",
            "version": "2024-01-01",
            "operations": [{ "target": "com.example#CreateThing" }],
            "traits": { "aws.protocols#restJson1": {} }
        },
        "com.example#CreateThing": {
            "type": "operation",
            "input": { "target": "com.example#CreateThingInput" },
            "output": { "target": "com.example#CreateThingOutput" },
            "traits": { "smithy.api#http": { "method": "POST", "uri": "/things/{Name}", "code": 201 } }
        },
        "com.example#CreateThingInput": {
            "type": "structure",
            "members": {
                "Name": {
                    "target": "com.example#ThingName",
                    "traits": { "smithy.api#required": {}, "smithy.api#httpLabel": {} }
                },
                "Digits": { "target": "com.example#Digits" },
                "Count": { "target": "com.example#Count" },
                "Ratio": { "target": "com.example#Ratio" },
                "Tags": { "target": "com.example#Tags" },
                "Nickname": {
                    "target": "smithy.api#String",
                    "traits": { "smithy.api#length": { "min": 2 } }
                },
                "Limit": {
                    "target": "smithy.api#Integer",
                    "traits": { "smithy.api#range": { "max": 50 }, "smithy.api#httpQuery": "limit" }
                }
            }
        },
        "com.example#CreateThingOutput": {
            "type": "structure",
            "members": {
                "Name": { "target": "com.example#ThingName" }
            }
        },
        "com.example#ThingName": {
            "type": "string",
            "traits": {
                "smithy.api#length": { "min": 1, "max": 64 },
                "smithy.api#pattern": "^[a-z][a-z0-9-]*$"
            }
        },
        "com.example#Digits": {
            "type": "string",
            "traits": { "smithy.api#pattern": "^\\d+(\\.\\d+)?$" }
        },
        "com.example#Count": {
            "type": "integer",
            "traits": { "smithy.api#range": { "min": 0, "max": 100 } }
        },
        "com.example#Ratio": {
            "type": "double",
            "traits": { "smithy.api#range": { "min": 0.5, "max": 1.5 } }
        },
        "com.example#Tags": {
            "type": "list",
            "member": { "target": "smithy.api#String" },
            "traits": { "smithy.api#length": { "max": 10 } }
        }
    }
}"##;

#[test]
fn constraint_traits() {
    insta::assert_snapshot!("constraint_traits", render_model(CONSTRAINTS));
}

// (d) Modeled errors: client and server faults, explicit and default HTTP
// statuses, `message` and `Message`, an `httpHeader` member, a service error.
const ERRORS: &str = r##"{
    "smithy": "2.0",
    "shapes": {
        "com.example#ErrorService": {
            "type": "service",
            "version": "2024-01-01",
            "operations": [{ "target": "com.example#GetThing" }],
            "errors": [{ "target": "com.example#ThrottledException" }],
            "traits": { "aws.protocols#restJson1": {} }
        },
        "com.example#GetThing": {
            "type": "operation",
            "input": { "target": "com.example#GetThingInput" },
            "output": { "target": "com.example#GetThingOutput" },
            "errors": [
                { "target": "com.example#NotFoundException" },
                { "target": "com.example#ServiceFailure" },
                { "target": "com.example#BadRequest" }
            ],
            "traits": { "smithy.api#http": { "method": "GET", "uri": "/things/{Id}" }, "smithy.api#readonly": {} }
        },
        "com.example#GetThingInput": {
            "type": "structure",
            "members": {
                "Id": { "target": "smithy.api#String", "traits": { "smithy.api#required": {}, "smithy.api#httpLabel": {} } }
            }
        },
        "com.example#GetThingOutput": {
            "type": "structure",
            "members": {
                "Id": { "target": "smithy.api#String" }
            }
        },
        "com.example#NotFoundException": {
            "type": "structure",
            "members": {
                "message": { "target": "smithy.api#String" },
                "ResourceType": { "target": "smithy.api#String" }
            },
            "traits": {
                "smithy.api#error": "client",
                "smithy.api#httpError": 404,
                "smithy.api#documentation": "The thing does not exist."
            }
        },
        "com.example#ServiceFailure": {
            "type": "structure",
            "members": {
                "Message": { "target": "smithy.api#String" },
                "retryAfterSeconds": {
                    "target": "smithy.api#String",
                    "traits": { "smithy.api#httpHeader": "Retry-After" }
                }
            },
            "traits": { "smithy.api#error": "server", "smithy.api#httpError": 503 }
        },
        "com.example#BadRequest": {
            "type": "structure",
            "members": {
                "Reason": { "target": "smithy.api#String" },
                "message": { "target": "smithy.api#String" }
            },
            "traits": { "smithy.api#error": "client" }
        },
        "com.example#ThrottledException": {
            "type": "structure",
            "members": {
                "message": { "target": "smithy.api#String" },
                "Type": { "target": "smithy.api#String" }
            },
            "traits": { "smithy.api#error": "client", "smithy.api#httpError": 429 }
        }
    }
}"##;

#[test]
fn modeled_errors() {
    insta::assert_snapshot!("modeled_errors", render_model(ERRORS));
}

// (e) Operations bound only through resources: service -> resource ->
// collectionOperations / read, and a child resource.
const RESOURCES: &str = r##"{
    "smithy": "2.0",
    "shapes": {
        "com.example#ResourceService": {
            "type": "service",
            "version": "2024-01-01",
            "operations": [],
            "resources": [{ "target": "com.example#Layer" }],
            "traits": { "aws.protocols#restJson1": {} }
        },
        "com.example#Layer": {
            "type": "resource",
            "identifiers": { "LayerName": { "target": "com.example#LayerName" } },
            "read": { "target": "com.example#GetLayer" },
            "collectionOperations": [{ "target": "com.example#ListLayers" }],
            "resources": [{ "target": "com.example#LayerVersion" }]
        },
        "com.example#LayerVersion": {
            "type": "resource",
            "identifiers": {
                "LayerName": { "target": "com.example#LayerName" },
                "VersionNumber": { "target": "smithy.api#Long" }
            },
            "collectionOperations": [{ "target": "com.example#GetLayerVersion" }]
        },
        "com.example#LayerName": { "type": "string" },
        "com.example#ListLayers": {
            "type": "operation",
            "input": { "target": "com.example#ListLayersInput" },
            "output": { "target": "com.example#ListLayersOutput" },
            "traits": { "smithy.api#http": { "method": "GET", "uri": "/layers" }, "smithy.api#readonly": {} }
        },
        "com.example#ListLayersInput": {
            "type": "structure",
            "members": {
                "Marker": { "target": "smithy.api#String", "traits": { "smithy.api#httpQuery": "Marker" } }
            }
        },
        "com.example#ListLayersOutput": {
            "type": "structure",
            "members": {
                "Names": { "target": "com.example#LayerNameList" }
            }
        },
        "com.example#LayerNameList": { "type": "list", "member": { "target": "com.example#LayerName" } },
        "com.example#GetLayer": {
            "type": "operation",
            "input": { "target": "com.example#GetLayerInput" },
            "output": { "target": "com.example#GetLayerOutput" },
            "traits": { "smithy.api#http": { "method": "GET", "uri": "/layers/{LayerName}" }, "smithy.api#readonly": {} }
        },
        "com.example#GetLayerInput": {
            "type": "structure",
            "members": {
                "LayerName": {
                    "target": "com.example#LayerName",
                    "traits": { "smithy.api#required": {}, "smithy.api#httpLabel": {} }
                }
            }
        },
        "com.example#GetLayerOutput": {
            "type": "structure",
            "members": {
                "LayerName": { "target": "com.example#LayerName" }
            }
        },
        "com.example#GetLayerVersion": {
            "type": "operation",
            "input": { "target": "com.example#GetLayerVersionInput" },
            "output": { "target": "com.example#GetLayerVersionOutput" },
            "traits": { "smithy.api#http": { "method": "GET", "uri": "/layers/{LayerName}/versions/{VersionNumber}" } }
        },
        "com.example#GetLayerVersionInput": {
            "type": "structure",
            "members": {
                "LayerName": {
                    "target": "com.example#LayerName",
                    "traits": { "smithy.api#required": {}, "smithy.api#httpLabel": {} }
                },
                "VersionNumber": {
                    "target": "smithy.api#Long",
                    "traits": { "smithy.api#required": {}, "smithy.api#httpLabel": {} }
                }
            }
        },
        "com.example#GetLayerVersionOutput": {
            "type": "structure",
            "members": {
                "Description": { "target": "smithy.api#String" }
            }
        }
    }
}"##;

#[test]
fn operations_bound_through_resources() {
    insta::assert_snapshot!("operations_bound_through_resources", render_model(RESOURCES));
}

#[test]
fn closure_of_a_collection_operation_trims_the_resource_tree() {
    let parsed = ast::parse(RESOURCES.as_bytes()).expect("parses");
    let model = ir::resolve(&parsed).expect("resolves");
    let all: Vec<String> = closure::all_operations(&model)
        .expect("one service")
        .iter()
        .map(|id| id.to_string())
        .collect();
    assert_eq!(
        all,
        ["com.example#GetLayer", "com.example#GetLayerVersion", "com.example#ListLayers"],
        "operations bound only through resources are found"
    );
    let chosen = closure::closure(&model, &["ListLayers"]).expect("closure");
    insta::assert_snapshot!("closure_of_list_layers", ast::to_json_pretty(&chosen.to_ast(&parsed)));
}

// (f) Defaults: zero values, non-zero values, an enum and a list default, a
// prelude primitive, and a required member whose default is removed (`null`).
const DEFAULTS: &str = r##"{
    "smithy": "2.0",
    "shapes": {
        "com.example#DefaultService": {
            "type": "service",
            "version": "2024-01-01",
            "operations": [{ "target": "com.example#Configure" }],
            "traits": { "aws.protocols#restJson1": {} }
        },
        "com.example#Configure": {
            "type": "operation",
            "input": { "target": "com.example#ConfigureInput" },
            "output": { "target": "com.example#ConfigureOutput" },
            "traits": { "smithy.api#http": { "method": "PUT", "uri": "/config", "code": 200 } }
        },
        "com.example#ConfigureInput": {
            "type": "structure",
            "members": {
                "Count": { "target": "smithy.api#Integer", "traits": { "smithy.api#default": 0 } },
                "Enabled": { "target": "smithy.api#Boolean", "traits": { "smithy.api#default": false } },
                "Name": { "target": "smithy.api#String", "traits": { "smithy.api#default": "" } },
                "Retries": { "target": "smithy.api#Integer", "traits": { "smithy.api#default": 3 } },
                "Ratio": { "target": "smithy.api#Double", "traits": { "smithy.api#default": 1.5 } },
                "Verbose": { "target": "smithy.api#Boolean", "traits": { "smithy.api#default": true } },
                "Greeting": { "target": "smithy.api#String", "traits": { "smithy.api#default": "hello \"world\"" } },
                "Mode": { "target": "com.example#Mode", "traits": { "smithy.api#default": "fast" } },
                "Tags": { "target": "com.example#TagList", "traits": { "smithy.api#default": [] } },
                "Primitive": { "target": "smithy.api#PrimitiveInteger" },
                "Token": {
                    "target": "smithy.api#String",
                    "traits": { "smithy.api#required": {}, "smithy.api#default": null }
                },
                "Note": { "target": "smithy.api#String" }
            }
        },
        "com.example#ConfigureOutput": {
            "type": "structure",
            "members": {
                "Applied": { "target": "smithy.api#Boolean", "traits": { "smithy.api#required": {}, "smithy.api#default": false } }
            }
        },
        "com.example#Mode": {
            "type": "enum",
            "members": {
                "FAST": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "fast" } },
                "SLOW": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "slow" } }
            }
        },
        "com.example#TagList": { "type": "list", "member": { "target": "smithy.api#String" } }
    }
}"##;

#[test]
fn member_defaults() {
    insta::assert_snapshot!("member_defaults", render_model(DEFAULTS));
}

// (g) Lists and maps of structures, nested collections and recursion.
const COLLECTIONS: &str = r##"{
    "smithy": "2.0",
    "shapes": {
        "com.example#CollectionService": {
            "type": "service",
            "version": "2024-01-01",
            "operations": [{ "target": "com.example#ListItems" }],
            "traits": { "aws.protocols#restJson1": {} }
        },
        "com.example#ListItems": {
            "type": "operation",
            "input": { "target": "com.example#ListItemsInput" },
            "output": { "target": "com.example#ListItemsOutput" },
            "traits": { "smithy.api#http": { "method": "GET", "uri": "/items" }, "smithy.api#readonly": {} }
        },
        "com.example#ListItemsInput": {
            "type": "structure",
            "members": {
                "MaxItems": { "target": "smithy.api#Integer", "traits": { "smithy.api#httpQuery": "MaxItems" } }
            }
        },
        "com.example#ListItemsOutput": {
            "type": "structure",
            "members": {
                "Items": { "target": "com.example#ItemList" },
                "ById": { "target": "com.example#ItemMap" },
                "Groups": { "target": "com.example#ItemGroups" },
                "Grid": { "target": "com.example#ItemGrid" },
                "ByColor": { "target": "com.example#ColorMap" },
                "Root": { "target": "com.example#Tree" }
            }
        },
        "com.example#Item": {
            "type": "structure",
            "members": {
                "Name": { "target": "smithy.api#String", "traits": { "smithy.api#required": {} } },
                "Size": { "target": "smithy.api#Long" }
            }
        },
        "com.example#ItemList": { "type": "list", "member": { "target": "com.example#Item" } },
        "com.example#ItemMap": {
            "type": "map",
            "key": { "target": "smithy.api#String" },
            "value": { "target": "com.example#Item" }
        },
        "com.example#ItemGroups": {
            "type": "map",
            "key": { "target": "smithy.api#String" },
            "value": { "target": "com.example#ItemList" }
        },
        "com.example#ItemGrid": { "type": "list", "member": { "target": "com.example#ItemList" } },
        "com.example#Color": {
            "type": "enum",
            "members": {
                "RED": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "red" } }
            }
        },
        "com.example#ColorMap": {
            "type": "map",
            "key": { "target": "com.example#Color" },
            "value": { "target": "com.example#Item" }
        },
        "com.example#Tree": {
            "type": "structure",
            "members": {
                "Label": { "target": "smithy.api#String" },
                "Children": { "target": "com.example#TreeList" },
                "Parent": { "target": "com.example#Tree" }
            }
        },
        "com.example#TreeList": { "type": "list", "member": { "target": "com.example#Tree" } }
    }
}"##;

#[test]
fn lists_and_maps_of_structures() {
    insta::assert_snapshot!("lists_and_maps_of_structures", render_model(COLLECTIONS));
}

// (h) Documentation that could break out of a doc comment or be misread as
// Markdown or HTML.
const DOCS: &str = r##"{
    "smithy": "2.0",
    "shapes": {
        "com.example#DocService": {
            "type": "service",
            "version": "2024-01-01",
            "operations": [{ "target": "com.example#Describe" }],
            "traits": {
                "aws.protocols#restJson1": {},
                "smithy.api#documentation": "<p>The service. Ends a comment */ here.</p>"
            }
        },
        "com.example#Describe": {
            "type": "operation",
            "input": { "target": "com.example#DescribeInput" },
            "output": { "target": "com.example#DescribeOutput" },
            "traits": {
                "smithy.api#http": { "method": "POST", "uri": "/describe" },
                "smithy.api#documentation": "<p>Closes a block comment */ and opens an attribute #[doc = \"x\"] and #![allow(unused)].</p> <p>Code: <code>a`b</code>, <code>`edge`</code> and ``double``.</p>"
            }
        },
        "com.example#DescribeInput": {
            "type": "structure",
            "members": {
                "Html": {
                    "target": "smithy.api#String",
                    "traits": {
                        "smithy.api#documentation": "<p>Opens a paragraph <b>bold never closed <i>italic</i></p></div> stray close <unknown-tag attr=1> if a < b and c > d &amp; &lt;tag&gt; &bogus; <a href=\"https://example.com/a b(c)\">a link</a> <a>no href</a></p><ul><li>first</li><li><code>second</code></li></ul>"
                    }
                },
                "Markdown": {
                    "target": "smithy.api#String",
                    "traits": {
                        "smithy.api#documentation": "*star* _under_ **strong** __strong2__ ~strike~ [link](http://x.example) # not a heading | not | a table \\ backslash"
                    }
                },
                "Urls": {
                    "target": "smithy.api#String",
                    "traits": {
                        "smithy.api#documentation": "See https://docs.aws.amazon.com/lambda/latest/dg/welcome.html. Or http://example.com/path_x, then https://example.org/a?b=c&amp;d=e; and <a href=\"https://example.com\">https://example.com</a>."
                    }
                },
                "Pre": {
                    "target": "smithy.api#String",
                    "traits": {
                        "smithy.api#documentation": "<p>Example:</p><pre><code>let x = \"*/\";\n```\n#[attr]</code></pre><p>After.</p>"
                    }
                },
                "Choice": { "target": "com.example#Choice" }
            },
            "traits": {
                "smithy.api#documentation": "Line one\nline two with trailing spaces   \n and `backticks` <code>code</code>"
            }
        },
        "com.example#DescribeOutput": {
            "type": "structure",
            "members": { "Choice": { "target": "com.example#Choice" } }
        },
        "com.example#Choice": {
            "type": "enum",
            "members": {
                "A": {
                    "target": "smithy.api#Unit",
                    "traits": { "smithy.api#enumValue": "a*/", "smithy.api#documentation": "Value <b>A</b> ends a comment */" }
                },
                "B": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "#[b]" } }
            },
            "traits": { "smithy.api#documentation": "An enum whose values end comments: <code>*/</code>." }
        }
    }
}"##;

#[test]
fn documentation_is_escaped() {
    let body = render_model(DOCS);
    // A doc attribute is a string literal, so `*/` can never end a comment; the
    // check that matters is that nothing turned into code outside the attributes.
    let file = syn::parse_file(&body).expect("the generated part parses on its own");
    assert!(!file.items.is_empty());
    insta::assert_snapshot!("documentation_is_escaped", body);
}

// Regression tests for generator bugs found while writing these tests.

/// A one-operation model: the operation is named `op`, and its one error
/// shape `ns#Oops` is the JSON `error`.
fn edge_model(op: &str, error: &str) -> String {
    r##"{
    "smithy": "2.0",
    "shapes": {
        "ns#Svc": {
            "type": "service",
            "version": "2024-01-01",
            "operations": [{ "target": "ns#__OP__" }],
            "traits": { "aws.protocols#restJson1": {} }
        },
        "ns#__OP__": {
            "type": "operation",
            "input": { "target": "ns#OpInput" },
            "output": { "target": "ns#OpOutput" },
            "errors": [{ "target": "ns#Oops" }],
            "traits": { "smithy.api#http": { "method": "POST", "uri": "/op" } }
        },
        "ns#OpInput": { "type": "structure", "members": { "Id": { "target": "smithy.api#String" } } },
        "ns#OpOutput": { "type": "structure", "members": { "Id": { "target": "smithy.api#String" } } },
        "ns#Oops": __ERROR__
    }
}"##
    .replace("__OP__", op)
    .replace("__ERROR__", error)
}

const PLAIN_ERROR: &str = r#"{ "type": "structure", "members": { "message": { "target": "smithy.api#String" } }, "traits": { "smithy.api#error": "client" } }"#;

#[test]
fn edge_models_are_otherwise_fine() {
    // The control case for the tests below: the same models, minus the bug, generate.
    render_model(&edge_model("Op", PLAIN_ERROR));
}

#[test]
fn error_without_a_message_member_compiles() {
    let error = r#"{ "type": "structure", "members": { "Reason": { "target": "smithy.api#String" } }, "traits": { "smithy.api#error": "client" } }"#;
    let body = render_model(&edge_model("Op", error));
    assert!(!body.contains("= ::std::option::Option::None {"), "untyped None in\n{body}");
}

#[test]
fn error_with_a_required_message_compiles() {
    let error = r#"{ "type": "structure", "members": { "message": { "target": "smithy.api#String", "traits": { "smithy.api#required": {} } } }, "traits": { "smithy.api#error": "client" } }"#;
    let body = render_model(&edge_model("Op", error));
    assert!(
        !(body.contains("pub fn message(&self) -> &str") && body.contains("Self::Oops(e) => e.message(),")),
        "`&str` returned where `Option<&str>` is expected in\n{body}"
    );
}

#[test]
fn empty_structures_render_without_warnings() {
    let model = edge_model("Op", PLAIN_ERROR).replace(
        r#""ns#OpOutput": { "type": "structure", "members": { "Id": { "target": "smithy.api#String" } } },"#,
        r#""ns#OpOutput": { "type": "structure", "members": {} },"#,
    );
    let body = render_model(&model);
    assert!(!body.contains("{ ::std::result::Result::Ok(Self {}) }"), "redundant braces in\n{body}");
}

#[test]
fn doc_links_into_keyword_named_modules_resolve() {
    let body = render_model(&edge_model("Match", PLAIN_ERROR));
    assert!(body.contains("pub mod r#match {"));
    assert!(!body.contains("(crate::operation::r#"), "raw identifier in an intra-doc link in\n{body}");
}

#[test]
fn urls_in_parentheses_become_autolinks() {
    assert_eq!(
        smithy_codegen::render::to_markdown("see (https://example.org/in-parens) now"),
        "see (<https://example.org/in-parens>) now"
    );
}

#[test]
fn urls_ending_in_a_parenthesis_keep_it() {
    assert_eq!(
        smithy_codegen::render::to_markdown("Or http://example.com/path_(x), then"),
        "Or <http://example.com/path_(x)>, then"
    );
}

#[test]
fn plain_text_paragraphs_survive() {
    assert_eq!(smithy_codegen::render::to_markdown("First paragraph.\n\nSecond paragraph."), "First paragraph.\n\nSecond paragraph.");
}

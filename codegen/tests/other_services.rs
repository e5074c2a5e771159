//! The generator is not Lambda-specific: the restJson1 models of AWS SSO and
//! Amazon Polly generate into temporary crates that compile (`cargo check`).

mod common;

use common::{cargo_check, cargo_doc_test, crate_dir, write_crate};
use smithy_codegen::Settings;

/// The HTTP layer behind the feature `http`, look-around patterns left unchecked.
fn lambda_like_settings() -> Settings {
    let mut settings = Settings::new();
    settings.with_protocol_feature("http").with_skip_look_around_patterns(true);
    settings
}

fn check_service(model: &str, name: &str, expected_operations: usize) {
    let Some(bytes) = test_data::read_shared(&format!("models/other/{model}")) else { return };
    let settings = lambda_like_settings();
    let code = smithy_codegen::generate(&bytes, &[], &settings).unwrap_or_else(|e| panic!("{model}: {e}"));
    assert_eq!(code.matches("pub const SHAPE_ID: &'static str").count(), expected_operations);

    let dir = crate_dir(name);
    write_crate(&dir, name, &code);
    for features in [&[][..], &["--no-default-features"][..]] {
        if let Err(stderr) = cargo_check(&dir, features) {
            panic!("{name} ({features:?}) does not compile:\n{stderr}");
        }
    }
}

#[test]
fn sso_compiles() {
    check_service("sso.json", "generated-sso", 4);
}

#[test]
fn polly_compiles() {
    check_service("polly.json", "generated-polly", 10);
}

/// Shape names that clash with the prelude (`Option`, `Result`, `String`,
/// `Box`, `Vec`), keyword member names, a deprecated and a paginated
/// operation, hostile documentation, and names that collide with the
/// associated items and methods of the traits the generated code implements
/// or derives (`Err`, `Error`, `Item`, `Output`, `Target`, `Owned`, `Value`;
/// `from`, `into`, `clone`, `fmt`, `hash`, `serialize`, `deserialize`,
/// `as_str`, `values`, `builder`, `build`, and the glue's own methods) as
/// enum members, structure members and shape names: the generated crate
/// compiles without warnings, with and without the protocol layer.
const HOSTILE: &str = r##"{
    "smithy": "2.0",
    "shapes": {
        "ns#Svc": {
            "type": "service",
            "version": "1",
            "operations": [{ "target": "ns#Option" }, { "target": "ns#Match" }, { "target": "ns#Value" }, { "target": "ns#Err" }],
            "traits": {
                "aws.protocols#restJson1": {},
                "smithy.api#paginated": { "inputToken": "next", "outputToken": "next", "pageSize": "limit" }
            }
        },
        "ns#Option": {
            "type": "operation",
            "input": { "target": "ns#Result" },
            "output": { "target": "ns#Box" },
            "traits": {
                "smithy.api#http": { "method": "POST", "uri": "/option/{type}" },
                "smithy.api#deprecated": { "message": "use \"Match\" instead", "since": "2024" },
                "smithy.api#documentation": "Ends a comment */ and starts an attribute #[x] with `ticks` and <b>unbalanced"
            }
        },
        "ns#Match": {
            "type": "operation",
            "input": { "target": "ns#MatchInput" },
            "output": { "target": "ns#Vec" },
            "traits": {
                "smithy.api#http": { "method": "GET", "uri": "/match" },
                "smithy.api#paginated": { "items": "items" }
            }
        },
        "ns#Result": {
            "type": "structure",
            "members": {
                "type": { "target": "smithy.api#String", "traits": { "smithy.api#httpLabel": {}, "smithy.api#required": {} } },
                "match": { "target": "ns#String" },
                "self": { "target": "smithy.api#Integer", "traits": { "smithy.api#httpQuery": "self" } },
                "super": { "target": "ns#Default", "traits": { "smithy.api#httpHeader": "X-Super" } },
                "crate": { "target": "smithy.api#Boolean", "traits": { "smithy.api#default": false } },
                "async": { "target": "ns#Vec", "traits": { "smithy.api#deprecated": {} } }
            }
        },
        "ns#MatchInput": {
            "type": "structure",
            "members": {
                "next": { "target": "smithy.api#String", "traits": { "smithy.api#httpQuery": "next" } },
                "limit": { "target": "smithy.api#Integer", "traits": { "smithy.api#httpQuery": "limit" } }
            }
        },
        "ns#String": { "type": "structure", "members": { "Option": { "target": "smithy.api#String" } } },
        "ns#Box": { "type": "structure", "members": { "String": { "target": "ns#String" }, "Box": { "target": "ns#Box" } } },
        "ns#Vec": {
            "type": "structure",
            "members": {
                "next": { "target": "smithy.api#String" },
                "items": { "target": "ns#Items" }
            }
        },
        "ns#Items": { "type": "list", "member": { "target": "ns#String" } },
        "ns#Value": {
            "type": "operation",
            "input": { "target": "ns#Item" },
            "output": { "target": "ns#Target" },
            "errors": [{ "target": "ns#Error" }],
            "traits": { "smithy.api#http": { "method": "PUT", "uri": "/value/{from}" } }
        },
        "ns#Err": {
            "type": "operation",
            "input": { "target": "ns#Owned" },
            "output": { "target": "ns#Output" },
            "traits": { "smithy.api#http": { "method": "POST", "uri": "/err" } }
        },
        "ns#Item": {
            "type": "structure",
            "members": {
                "from": { "target": "smithy.api#String", "traits": { "smithy.api#httpLabel": {}, "smithy.api#required": {} } },
                "into": { "target": "smithy.api#String", "traits": { "smithy.api#httpQuery": "into" } },
                "clone": { "target": "smithy.api#String", "traits": { "smithy.api#httpHeader": "X-Clone" } },
                "fmt": { "target": "smithy.api#String" },
                "hash": { "target": "smithy.api#Integer" },
                "serialize": { "target": "ns#Methods" },
                "deserialize": { "target": "ns#Assoc" },
                "as_str": { "target": "ns#Number" },
                "values": { "target": "ns#Items" },
                "builder": { "target": "smithy.api#String" },
                "build": { "target": "smithy.api#String" },
                "validate": { "target": "smithy.api#String" },
                "to_http_request": { "target": "smithy.api#String" },
                "from_http_request": { "target": "smithy.api#String" },
                "decode_http": { "target": "smithy.api#String" },
                "matches": { "target": "smithy.api#String" }
            }
        },
        "ns#Target": {
            "type": "structure",
            "members": {
                "from_http_response": { "target": "smithy.api#String", "traits": { "smithy.api#httpHeader": "X-From" } },
                "to_http_response": { "target": "smithy.api#String" },
                "encode_http": { "target": "smithy.api#String" },
                "decode_http": { "target": "smithy.api#String" },
                "Err": { "target": "ns#Err_" },
                "Value": { "target": "ns#Assoc" }
            }
        },
        "ns#Error": {
            "type": "structure",
            "members": {
                "message": { "target": "smithy.api#String" },
                "code": { "target": "smithy.api#String" },
                "status": { "target": "smithy.api#Integer" },
                "source": { "target": "smithy.api#String" },
                "builder": { "target": "smithy.api#String" }
            },
            "traits": { "smithy.api#error": "client", "smithy.api#httpError": 409 }
        },
        "ns#Owned": { "type": "structure", "members": { "Output": { "target": "ns#Output" } } },
        "ns#Output": { "type": "structure", "members": { "Owned": { "target": "smithy.api#String" } } },
        "ns#Err_": { "type": "structure", "members": { "Item": { "target": "smithy.api#String" } } },
        "ns#Methods": {
            "type": "structure",
            "members": {
                "Err": { "target": "smithy.api#String" },
                "Error": { "target": "smithy.api#String" },
                "Item": { "target": "smithy.api#String" },
                "Target": { "target": "smithy.api#String" },
                "into": { "target": "smithy.api#String" },
                "clone": { "target": "ns#Methods" },
                "eq": { "target": "smithy.api#String" },
                "ne": { "target": "smithy.api#String" },
                "default": { "target": "smithy.api#String" },
                "to_owned": { "target": "smithy.api#String" },
                "to_string": { "target": "smithy.api#String" },
                "serializer": { "target": "ns#Serialize" },
                "deserializer": { "target": "ns#Deserialize" },
                "cloned": { "target": "ns#Clone" },
                "debug": { "target": "ns#Debug" },
                "from_value": { "target": "ns#From" },
                "hasher": { "target": "ns#Hash" },
                "into_value": { "target": "ns#Into" },
                "iter": { "target": "ns#Iterator" }
            }
        },
        "ns#Serialize": { "type": "structure", "members": { "Deserialize": { "target": "ns#Deserialize" } } },
        "ns#Deserialize": { "type": "enum", "members": { "Serialize": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "s" } } } },
        "ns#Clone": { "type": "structure", "members": { "clone": { "target": "smithy.api#String" } } },
        "ns#Debug": { "type": "enum", "members": { "Debug": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "d" } } } },
        "ns#From": { "type": "structure", "members": { "from": { "target": "ns#Into" } } },
        "ns#Into": { "type": "enum", "members": { "From": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "f" } } } },
        "ns#Hash": { "type": "structure", "members": { "Hash": { "target": "smithy.api#Integer" } } },
        "ns#Iterator": { "type": "union", "members": { "Item": { "target": "smithy.api#String" }, "next": { "target": "smithy.api#Integer" } } },
        "ns#Assoc": {
            "type": "enum",
            "members": {
                "Err": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "err" } },
                "Error": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "error" } },
                "Item": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "item" } },
                "Output": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "output" } },
                "Target": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "target" } },
                "Owned": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "owned" } },
                "Value": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "value" } },
                "from": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "from" } },
                "into": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "into" } },
                "clone": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "clone" } },
                "fmt": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "fmt" } },
                "hash": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "hash" } },
                "serialize": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "serialize" } },
                "deserialize": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "deserialize" } },
                "as_str": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "as_str" } },
                "values": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "values" } },
                "builder": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "builder" } },
                "build": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "build" } },
                "known": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "known" } },
                "try_parse": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "try_parse" } },
                "from_str": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "from_str" } }
            }
        },
        "ns#Number": {
            "type": "intEnum",
            "members": {
                "values": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": 1 } },
                "is_known": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": 2 } },
                "Err": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": 3 } }
            }
        },
        "ns#Default": {
            "type": "enum",
            "members": {
                "Some": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "Some \"quoted\" \\ value" } },
                "None": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "ünïcode" } },
                "Self": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "self" } }
            }
        }
    }
}"##;

#[test]
fn hostile_names_compile() {
    let mut settings = lambda_like_settings();
    settings.with_crate_name("generated_hostile").with_operation_features(true);
    let code = smithy_codegen::generate(HOSTILE.as_bytes(), &[], &settings).unwrap_or_else(|e| panic!("{e}"));
    assert!(code.contains("#[deprecated(note = \"use \\\"Match\\\" instead (deprecated since 2024)\")]"), "{code}");
    assert!(code.contains("/// Paginated: pass the output's `next` as the input's `next`"), "{code}");
    let dir = crate_dir("generated-hostile");
    write_crate(&dir, "generated-hostile", &code);
    for features in [&[][..], &["--no-default-features"][..]] {
        if let Err(stderr) = cargo_check(&dir, features) {
            panic!("does not compile ({features:?}):\n{stderr}");
        }
    }
    // The doc example of every operation module builds its input and decodes an output.
    assert_eq!(code.matches("/// # Example").count(), 4, "{code}");
    if let Err(output) = cargo_doc_test(&dir) {
        panic!("the doc examples fail:\n{output}");
    }
}

/// Our crate regenerated against every shared Lambda model version (the
/// GetLayerVersion closure, as the default features build it) compiles.
#[test]
fn every_shared_lambda_version_compiles() {
    let versions = ["2022-12-01", "2024-07-01", "2025-04-02", "2026-04-22", "2026-06-19"];
    let settings = lambda_like_settings();
    for version in versions {
        let Some(bytes) = test_data::read_shared(&format!("models/lambda-{version}.json")) else { continue };
        let code = smithy_codegen::generate(&bytes, &["GetLayerVersion"], &settings)
            .unwrap_or_else(|e| panic!("{version}: {e}"));
        let name = format!("lambda-{version}");
        let dir = crate_dir(&name);
        write_crate(&dir, &name, &code);
        if let Err(stderr) = cargo_check(&dir, &[]) {
            panic!("the crate generated from {version} does not compile:\n{stderr}");
        }
    }
}

//! The generator is not Lambda-specific: the restJson1 models of AWS SSO and
//! Amazon Polly generate into temporary crates that compile (`cargo check`).

mod common;

use common::{cargo_check, crate_dir, write_crate};
use smithy_codegen::Settings;

fn check_service(model: &str, name: &str, expected_operations: usize) {
    let Some(bytes) = test_data::read_shared(&format!("models/other/{model}")) else { return };
    let settings = Settings { protocol_feature: Some("http".into()), skip_look_around_patterns: true };
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
/// operation, and hostile documentation: the generated crate compiles without
/// warnings.
const HOSTILE: &str = r##"{
    "smithy": "2.0",
    "shapes": {
        "ns#Svc": {
            "type": "service",
            "version": "1",
            "operations": [{ "target": "ns#Option" }, { "target": "ns#Match" }],
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
    let settings = Settings { protocol_feature: Some("http".into()), skip_look_around_patterns: true };
    let code = smithy_codegen::generate(HOSTILE.as_bytes(), &[], &settings).unwrap_or_else(|e| panic!("{e}"));
    assert!(code.contains("#[deprecated(note = \"use \\\"Match\\\" instead (deprecated since 2024)\")]"), "{code}");
    assert!(code.contains("/// Paginated: pass the output's `next` as the input's `next`"), "{code}");
    let dir = crate_dir("generated-hostile");
    write_crate(&dir, "generated-hostile", &code);
    if let Err(stderr) = cargo_check(&dir, &[]) {
        panic!("does not compile:\n{stderr}");
    }
}

/// Our crate regenerated against every shared Lambda model version (the
/// GetLayerVersion closure, as the default features build it) compiles.
#[test]
fn every_shared_lambda_version_compiles() {
    let versions = ["2022-12-01", "2024-07-01", "2025-04-02", "2026-04-22", "2026-06-19"];
    let settings = Settings { protocol_feature: Some("http".into()), skip_look_around_patterns: true };
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

//! The `smithy-codegen` binary: exit codes, messages, `extract` round trips,
//! `generate` into a directory and `check`.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;
use smithy_codegen::{ast, extract};

const BIN: &str = env!("CARGO_BIN_EXE_smithy-codegen");

/// The workspace root (the lambda-model crate).
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn our_model() -> PathBuf {
    root().join("model/lambda.json")
}

/// A shared official model; `None` skips (a failure under `CI=true`).
fn official(name: &str) -> Option<PathBuf> {
    test_data::shared_path(&format!("models/{name}"))
}

/// A fresh scratch directory for one test.
fn scratch(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli_commands").join(test);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch directory");
    dir
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run_in(dir: &Path, args: &[&str]) -> Run {
    let out = Command::new(BIN).args(args).current_dir(dir).output().expect("the binary runs");
    Run {
        code: out.status.code().expect("exited normally"),
        stdout: String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    }
}

fn run(args: &[&str]) -> Run {
    run_in(&root(), args)
}

/// Runs the binary with a stdout whose reader is gone before the child starts
/// (as after `| head -1`), so that every write to stdout meets a closed pipe.
fn run_with_closed_stdout(args: &[&str]) -> Run {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let out = Command::new(BIN)
        .args(args)
        .current_dir(root())
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .expect("the binary runs");
    Run {
        code: out.status.code().expect("exited normally, not by a signal"),
        stdout: String::new(),
        stderr: String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    }
}

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// A one-operation model whose `Color` enum (output) has the given values.
fn color_model(values: &[&str]) -> String {
    let members: Vec<String> = values
        .iter()
        .map(|v| {
            format!(
                r#""{}": {{ "target": "smithy.api#Unit", "traits": {{ "smithy.api#enumValue": "{v}" }} }}"#,
                v.to_uppercase()
            )
        })
        .collect();
    format!(
        r#"{{
    "smithy": "2.0",
    "shapes": {{
        "com.example#Svc": {{ "type": "service", "version": "1", "operations": [{{ "target": "com.example#GetColor" }}] }},
        "com.example#GetColor": {{
            "type": "operation",
            "output": {{ "target": "com.example#GetColorOutput" }},
            "traits": {{ "smithy.api#http": {{ "method": "GET", "uri": "/color", "code": 200 }} }}
        }},
        "com.example#GetColorOutput": {{
            "type": "structure",
            "members": {{ "Color": {{ "target": "com.example#Color", "traits": {{ "smithy.api#documentation": "The color." }} }} }}
        }},
        "com.example#Color": {{ "type": "enum", "members": {{ {} }} }}
    }}
}}"#,
        members.join(", ")
    )
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("scratch file");
    path
}

#[test]
fn diff_exits_0_without_breaking_changes() {
    let dir = scratch("diff_0");
    let old = write(&dir, "old.json", &color_model(&["red"]));
    let new = write(&dir, "new.json", &color_model(&["red", "green"]));
    let r = run(&["diff", s(&old), s(&new)]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "0 breaking, 1 compatible, 0 docs\ncompatible  output  com.example#Color: enum value added `green`\n"
    );
    let same = run(&["diff", s(&our_model()), s(&our_model())]);
    assert_eq!((same.code, same.stdout.as_str()), (0, "0 breaking, 0 compatible, 0 docs\n"));
}

#[test]
fn diff_exits_1_with_breaking_changes() {
    let dir = scratch("diff_1");
    let old = write(&dir, "old.json", &color_model(&["red", "green"]));
    let new = write(&dir, "new.json", &color_model(&["red"]));
    let r = run(&["diff", s(&old), s(&new), "--operation", "GetColor"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stdout.starts_with("1 breaking, 0 compatible, 0 docs\n"), "{}", r.stdout);
    assert!(r.stderr.is_empty(), "{}", r.stderr);
}

#[test]
fn a_closed_stdout_ends_quietly_with_the_usual_exit_code() {
    let dir = scratch("closed_stdout");
    let old = write(&dir, "old.json", &color_model(&["red", "green"]));
    let new = write(&dir, "new.json", &color_model(&["red", "blue"]));
    let cases: [(&[&str], i32); 5] = [
        (&["diff", s(&old), s(&new)], 1),
        (&["diff", s(&old), s(&new), "--format", "json"], 1),
        (&["diff", s(&old), s(&old)], 0),
        (&["features", "--model", s(&old)], 0),
        (&["--help"], 0),
    ];
    for (args, code) in cases {
        let r = run_with_closed_stdout(args);
        assert_eq!(r.code, code, "{args:?}: {}", r.stderr);
        assert!(r.stderr.is_empty(), "{args:?} wrote to stderr: {}", r.stderr);
    }
}

#[test]
fn diff_json_format() {
    let dir = scratch("diff_json");
    let old = write(&dir, "old.json", &color_model(&["red", "green"]));
    let new = write(&dir, "new.json", &color_model(&["red", "blue"]));
    let r = run(&["diff", s(&old), s(&new), "--format", "json"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let json: Value = serde_json::from_str(&r.stdout).expect("JSON report");
    assert_eq!(
        json,
        serde_json::json!([
            { "kind": "breaking", "direction": "output", "shape": "com.example#Color", "message": "enum value removed `green`" },
            { "kind": "compatible", "direction": "output", "shape": "com.example#Color", "message": "enum value added `blue`" },
        ])
    );
}

#[test]
fn diff_exits_2_on_a_missing_file() {
    let r = run(&["diff", "no/such/old.json", s(&our_model())]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.starts_with("error: cannot read no/such/old.json"), "{}", r.stderr);
    assert!(r.stdout.is_empty());
}

#[test]
fn diff_exits_2_on_invalid_json_with_line_and_column() {
    let dir = scratch("diff_json_error");
    let bad = write(&dir, "bad.json", "{\n    \"smithy\": \"2.0\",\n    \"shapes\": { oops }\n}\n");
    let r = run(&["diff", s(&our_model()), s(&bad)]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.starts_with("error: "), "{}", r.stderr);
    assert!(r.stderr.contains("bad.json: invalid model JSON at line 3, column 17"), "{}", r.stderr);
}

#[test]
fn diff_exits_2_on_an_unknown_operation_with_a_suggestion() {
    let r = run(&["diff", s(&our_model()), s(&our_model()), "--operation", "GetLayerVersio"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("unknown operation `GetLayerVersio`; did you mean com.amazonaws.lambda#GetLayerVersion?"),
        "{}",
        r.stderr
    );
}

#[test]
fn diff_exits_2_on_a_dangling_target() {
    let dir = scratch("diff_dangling");
    let dangling =
        color_model(&["red"]).replace(r#""target": "com.example#Color""#, r#""target": "com.example#Colour""#);
    let bad = write(&dir, "dangling.json", &dangling);
    let r = run(&["diff", s(&bad), s(&bad)]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("com.example#GetColorOutput$Color: target `com.example#Colour` not found"),
        "{}",
        r.stderr
    );
}

#[test]
fn bad_arguments_exit_2() {
    for args in [&["diff", "only-one.json"][..], &["diff", "a", "b", "--format", "xml"], &["frobnicate"], &[]] {
        let r = run(args);
        assert_eq!(r.code, 2, "{args:?}");
        assert!(r.stderr.starts_with("error: "), "{args:?}: {}", r.stderr);
    }
    let r = run(&["generate", "--nope"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.starts_with("error: unknown flag `--nope`"), "{}", r.stderr);
    assert_eq!(run(&["--help"]).code, 0);
}

#[test]
fn diff_official_2024_07_01_to_2026_06_19_is_breaking() {
    let (Some(old), Some(new)) = (official("lambda-2024-07-01.json"), official("lambda-2026-06-19.json")) else {
        return;
    };
    let r = run(&["diff", s(&old), s(&new), "--operation", "com.amazonaws.lambda#GetLayerVersion"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    // The summary comes first, for a reader who pipes the report into `head`.
    // Of the four breaking changes a plain shape-id comparison sees, three are
    // output members retargeted to a shape with the same Rust type (`String`).
    assert_eq!(r.stdout.lines().next(), Some("1 breaking, 24 compatible, 7 docs"));
}

/// Traits of our model that the comparison with upstream looks at beyond
/// `extract --docs none`: upstream's other `aws.api`/`aws.auth` traits (such as
/// `aws.api#tagEnabled` on the service) are not part of our model.
const OUR_AWS_TRAITS: &[&str] = &["aws.api#service", "aws.auth#sigv4", "aws.api#arn"];

fn normalized(path: &Path, strip: bool) -> Value {
    let mut model = ast::parse(&std::fs::read(path).expect("model readable")).expect("model parses");
    if strip {
        extract::strip_docs(&mut model);
    }
    for (_, shape) in model.shapes.0.iter_mut() {
        shape.traits.retain(|k, _| {
            !(k.starts_with("aws.api#") || k.starts_with("aws.auth#")) || OUR_AWS_TRAITS.contains(&k.as_str())
        });
    }
    serde_json::to_value(&model).expect("model serializes")
}

#[test]
fn extract_docs_none_round_trip() {
    let Some(upstream) = official("lambda-2026-06-19.json") else { return };
    let dir = scratch("extract_none");
    let out = dir.join("extracted.json");
    // Our model holds every operation: extracting them all gives it back.
    let r = run(&["extract", "--model", s(&upstream), "--docs", "none", "--out", s(&out)]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let extracted = normalized(&out, false);
    // Extraction already removed the docs: normalizing again changes nothing.
    assert_eq!(extracted, normalized(&out, true));
    assert_eq!(extracted, normalized(&our_model(), true));
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(!text.contains("smithy.api#documentation") && !text.contains("smithy.api#tags"));
    assert!(!text.contains("smithy.rules#") && !text.contains("aws.iam#"));
}

#[test]
fn extract_docs_keep_round_trip() {
    let Some(upstream) = official("lambda-2026-06-19.json") else { return };
    let dir = scratch("extract_keep");
    let out = dir.join("extracted.json");
    let keep = format!("keep:{}", s(&our_model()));
    let r = run(&["extract", "--model", s(&upstream), "--docs", &keep, "--out", s(&out)]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // Our model is exactly this extraction, docs included.
    assert_eq!(normalized(&out, false), normalized(&our_model(), false));
}

#[test]
fn extract_docs_keep_lists_what_is_missing() {
    let dir = scratch("extract_keep_missing");
    // Upstream grows a documented member and a new shape; ours documents the rest.
    let ours = write(&dir, "ours.json", &color_model(&["red"]).replace("The color.", "Our own words."));
    let upstream = color_model(&["red"]).replace(
        r#""members": { "Color": { "target": "com.example#Color", "traits": { "smithy.api#documentation": "The color." } } }"#,
        r#""members": {
                "Color": { "target": "com.example#Color", "traits": { "smithy.api#documentation": "The color." } },
                "Shade": { "target": "com.example#Shade", "traits": { "smithy.api#documentation": "How dark." } }
            }"#,
    ) .replace(
        r#""com.example#Color": {"#,
        r#""com.example#Shade": { "type": "integer", "traits": { "smithy.api#documentation": "Darkness.", "custom.ns#thing": {} } },
        "com.example#Color": {"#,
    );
    let upstream = write(&dir, "upstream.json", &upstream);
    let out = dir.join("out.json");
    let keep = format!("keep:{}", s(&ours));
    let r = run(&[
        "extract",
        "--model",
        s(&upstream),
        "--operation",
        "com.example#GetColor",
        "--docs",
        &keep,
        "--out",
        s(&out),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("documentation missing for 2 shapes/members"), "{}", r.stderr);
    assert!(r.stderr.contains("  com.example#GetColorOutput$Shade\n"), "{}", r.stderr);
    assert!(r.stderr.contains("  com.example#Shade (new shape)\n"), "{}", r.stderr);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("Our own words.") && !text.contains("The color.") && !text.contains("How dark."));
    assert!(!text.contains("Darkness.") && !text.contains("custom.ns#thing"), "{text}");
}

#[test]
fn extract_accepts_bare_names_and_absolute_ids() {
    let dir = scratch("extract_ids");
    let (a, b) = (dir.join("a.json"), dir.join("b.json"));
    let bare = run(&["extract", "--model", s(&our_model()), "--operation", "GetLayerVersion", "--out", s(&a)]);
    let absolute = run(&[
        "extract",
        "--model",
        s(&our_model()),
        "--operation",
        "com.amazonaws.lambda#GetLayerVersion",
        "--out",
        s(&b),
    ]);
    assert_eq!((bare.code, absolute.code), (0, 0), "{}{}", bare.stderr, absolute.stderr);
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    // The closure of GetLayerVersion in our model: the operation's 24 shapes,
    // its resource and the service.
    let closure: serde_json::Value = serde_json::from_slice(&std::fs::read(&a).unwrap()).unwrap();
    assert_eq!(closure["shapes"].as_object().map(|m| m.len()), Some(26));
    let unknown = run(&["extract", "--model", s(&our_model()), "--operation", "GetLayerVersoin", "--out", s(&a)]);
    assert_eq!(unknown.code, 2);
    assert!(unknown.stderr.contains("did you mean com.amazonaws.lambda#GetLayerVersion?"), "{}", unknown.stderr);
}

#[test]
fn generate_then_check() {
    let dir = scratch("generate_check");
    let model = our_model();
    let file = dir.join("lambda_model.rs");
    let r = run(&["generate", "--model", s(&model), "--operation", "GetLayerVersion", "--out", s(&file)]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let code = std::fs::read_to_string(&file).expect("generate wrote --out");
    syn::parse_file(&code).expect("generated code parses");

    let check = |generated: &Path| {
        run(&["check", "--model", s(&model), "--operation", "GetLayerVersion", "--generated", s(generated)])
    };
    let fresh = check(&file);
    assert_eq!(fresh.code, 0, "{}", fresh.stderr);

    std::fs::write(&file, code.replacen("pub enum Runtime", "pub enum Runtim", 1)).unwrap();
    let stale = check(&file);
    assert_eq!(stale.code, 1, "{}", stale.stderr);
    assert_eq!(stale.stderr.lines().count(), 1, "{}", stale.stderr);
    assert!(stale.stderr.starts_with("error: "), "{}", stale.stderr);
    assert!(stale.stderr.contains("is stale (first difference at line"), "{}", stale.stderr);
    assert!(
        stale.stderr.contains("refresh it with `cargo run -p smithy-codegen -- generate --model"),
        "{}",
        stale.stderr
    );

    let missing = check(&dir.join("missing.rs"));
    assert_eq!(missing.code, 1, "{}", missing.stderr);
    let bad = run(&["check", "--model", "no/such/model.json", "--generated", s(&file)]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.starts_with("error: cannot read no/such/model.json"), "{}", bad.stderr);
}

#[test]
fn generate_and_check_name_what_is_missing() {
    for (args, missing) in [
        (&["check"][..], "--model is required"),
        (&["generate", "--out", "x.rs"], "--model is required"),
        (&["check", "--model", "model/lambda.json"], "--generated is required"),
        (&["generate", "--model", "model/lambda.json"], "--out is required"),
        (&["features"], "features takes --model PATH"),
    ] {
        let r = run(args);
        assert_eq!(r.code, 2, "{args:?}");
        assert!(r.stderr.starts_with("error: "), "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains(missing), "{args:?}: {}", r.stderr);
    }
}

/// The generator's arguments of a `cargo run -p smithy-codegen -- ...` alias
/// in the workspace's `.cargo/config.toml`.
fn alias(name: &str) -> Vec<String> {
    let config = std::fs::read_to_string(root().join(".cargo/config.toml")).expect(".cargo/config.toml");
    let line = config
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{name} = ")))
        .unwrap_or_else(|| panic!("alias {name} in .cargo/config.toml"));
    let command = line.trim_matches('"');
    let (_, args) = command.split_once(" -- ").expect("a `run ... -- ARGS` alias");
    args.split_whitespace().map(str::to_string).collect()
}

#[test]
fn lambda_model_aliases_run_with_that_crates_settings() {
    // generated/ belongs to the crate and may be mid-refresh while the generator
    // changes; what matters here is that the alias's arguments are valid (never
    // exit 2) and that a stale file names the refresh command.
    let check = alias("lambda-check");
    let r = run(&check.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(r.code == 0 || r.code == 1, "exit {}: {}", r.code, r.stderr);
    if r.code == 1 {
        assert!(r.stderr.contains("generated/lambda_model.rs is stale"), "{}", r.stderr);
    }
    let generate = alias("lambda-generate");
    let as_check: Vec<String> =
        check.iter().map(|a| if a == "--generated" { "--out".into() } else { a.clone() }).collect();
    assert_eq!(generate[1..], as_check[1..], "lambda-generate and lambda-check agree");
    let features = alias("lambda-features");
    let r = run(&features.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("get-layer-version = []"), "{}", r.stdout);
}

/// `color_model(&["red", "green"])` split in two: the service, operation and
/// output in IDL, the enum in JSON AST.
fn split_color_model(dir: &Path) -> (PathBuf, PathBuf) {
    let idl = write(
        dir,
        "service.smithy",
        r#"$version: "2.0"
namespace com.example

service Svc {
    version: "1"
    operations: [GetColor]
}

@http(method: "GET", uri: "/color", code: 200)
operation GetColor {
    output: GetColorOutput
}

structure GetColorOutput {
    /// The color.
    Color: Color
}
"#,
    );
    let json = write(
        dir,
        "color.json",
        r#"{
    "smithy": "2.0",
    "shapes": {
        "com.example#Color": { "type": "enum", "members": {
            "RED": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "red" } },
            "GREEN": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "green" } }
        } }
    }
}"#,
    );
    (idl, json)
}

#[test]
fn every_model_command_merges_several_models_idl_and_json() {
    let dir = scratch("several_models");
    let whole = write(&dir, "whole.json", &color_model(&["red", "green"]));
    let parts = scratch("several_models_parts");
    let (idl, json) = split_color_model(&parts);
    let split = ["--model", s(&idl), "--model", s(&json)];

    let expected = dir.join("whole.rs");
    let r = run(&["generate", "--model", s(&whole), "--out", s(&expected)]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let expected = std::fs::read_to_string(&expected).unwrap();
    for (name, models) in [("split.rs", &split[..]), ("dir.rs", &["--model", s(&parts)][..])] {
        let out = dir.join(name);
        let r = run(&[&["generate"][..], models, &["--out", s(&out)]].concat());
        assert_eq!(r.code, 0, "{name}: {}", r.stderr);
        assert_eq!(std::fs::read_to_string(&out).unwrap(), expected, "{name}: the same code as from one JSON model");
        let r = run(&[&["check"][..], models, &["--generated", s(&out)]].concat());
        assert_eq!(r.code, 0, "{name}: {}", r.stderr);
    }

    // A stale file: the refresh command repeats every --model and keeps switches as switches.
    let stale = dir.join("stale.rs");
    std::fs::write(&stale, "// stale\n").unwrap();
    let r = run(&[&["check"][..], &split[..], &["--operation-features", "--generated", s(&stale)]].concat());
    assert_eq!(r.code, 1, "{}", r.stderr);
    let refresh =
        format!("generate --model {} --model {} --operation-features --out {}`", s(&idl), s(&json), s(&stale));
    assert!(r.stderr.contains(&refresh), "{}", r.stderr);

    let features = run(&[&["features"][..], &split[..]].concat());
    assert_eq!(features.code, 0, "{}", features.stderr);
    assert_eq!(features.stdout, "get-color = []\nfull = [\"get-color\"]\n");

    let extracted = dir.join("extracted.json");
    let r = run(&[&["extract"][..], &split[..], &["--operation", "GetColor", "--out", s(&extracted)]].concat());
    assert_eq!(r.code, 0, "{}", r.stderr);
    let model = ast::parse(&std::fs::read(&extracted).unwrap()).unwrap();
    for id in ["com.example#Svc", "com.example#GetColor", "com.example#GetColorOutput", "com.example#Color"] {
        assert!(model.shapes.get(id).is_some(), "extract keeps {id} from both files");
    }

    // diff takes one path per side; an IDL directory against the JSON twin is no change.
    let r = run(&["diff", s(&parts), s(&whole)]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
}

#[test]
fn an_error_in_one_of_several_models_names_its_file_and_line() {
    let dir = scratch("several_models_error");
    let (idl, _) = split_color_model(&dir);
    let bad =
        write(&dir, "bad.smithy", "$version: \"2.0\"\nnamespace com.example\n\nstructure Broken {\n    x String\n}\n");
    let r = run(&["features", "--model", s(&idl), "--model", s(&bad)]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.starts_with("error: "), "{}", r.stderr);
    assert!(r.stderr.contains("bad.smithy:5:"), "names the file, line and column: {}", r.stderr);
}

//! `smithy-codegen convert`: sorted, stable JSON AST from IDL, IDL printing,
//! and JSON -> IDL -> JSON giving back the same bytes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_smithy-codegen");

/// `../shared/smithy`, or `None` with a note when it is absent (a failure under `CI=true`).
fn shared_smithy() -> Option<PathBuf> {
    test_data::shared_path("smithy")
}

fn scratch(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("idl_convert").join(test);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `convert` and returns its stdout; panics with stderr on failure.
fn convert(args: &[&str]) -> String {
    let output = Command::new(BIN).arg("convert").args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "convert {args:?} failed: {stderr}");
    String::from_utf8(output.stdout).unwrap()
}

/// Shape counts per namespace and type: what the snapshot records of the
/// suite (its text stays in ../shared).
fn summary(json: &str) -> String {
    let model: Value = serde_json::from_str(json).unwrap();
    let mut counts: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for (id, shape) in model["shapes"].as_object().unwrap() {
        let namespace = id.split('#').next().unwrap().to_string();
        let kind = shape["type"].as_str().unwrap().to_string();
        *counts.entry(namespace).or_default().entry(kind).or_default() += 1;
    }
    let mut out = format!("smithy: {}\n", model["smithy"]);
    for (namespace, kinds) in counts {
        let kinds: Vec<String> = kinds.iter().map(|(k, n)| format!("{k} {n}")).collect();
        out.push_str(&format!("{namespace}: {}\n", kinds.join(", ")));
    }
    out
}

#[test]
fn the_protocol_suite_converts_to_sorted_json_and_back_through_idl() {
    let Some(root) = shared_smithy() else { return };
    let tests = root.join("protocol-tests");
    let definitions = root.join("definitions");
    let (tests, definitions) = (tests.to_str().unwrap(), definitions.to_str().unwrap());
    let json = convert(&["--model", tests, "--model", definitions, "--to", "json"]);
    assert_eq!(json, convert(&["--model", definitions, "--model", tests, "--to", "json"]), "output depends on order");
    let ids: Vec<String> =
        serde_json::from_str::<Value>(&json).unwrap()["shapes"].as_object().unwrap().keys().cloned().collect();
    let position = |id: &str| json.find(&format!("\n        \"{id}\": {{")).unwrap();
    assert!(ids.windows(2).all(|w| position(&w[0]) < position(&w[1])), "shapes are not sorted by id");
    insta::assert_snapshot!("protocol_suite_summary", summary(&json));

    let dir = scratch("suite");
    let json_file = dir.join("suite.json");
    std::fs::write(&json_file, &json).unwrap();
    let idl_dir = dir.join("idl");
    std::fs::create_dir_all(&idl_dir).unwrap();
    convert(&["--model", json_file.to_str().unwrap(), "--to", "idl", "--out", idl_dir.to_str().unwrap()]);
    let back = convert(&["--model", idl_dir.to_str().unwrap(), "--to", "json"]);
    assert!(back == json, "JSON -> IDL -> JSON changed the suite");
}

#[test]
fn the_lambda_model_converts_to_idl_and_back() {
    let model = Path::new(env!("CARGO_MANIFEST_DIR")).join("../model/lambda.json");
    let model = model.to_str().unwrap();
    let idl = convert(&["--model", model, "--to", "idl"]);
    assert!(idl.starts_with("$version: \"2.0\"\n\nnamespace com.amazonaws.lambda\n"), "{}", &idl[..80]);
    let dir = scratch("lambda");
    let idl_file = dir.join("lambda.smithy");
    std::fs::write(&idl_file, &idl).unwrap();
    let back = convert(&["--model", idl_file.to_str().unwrap(), "--to", "json"]);
    assert!(back == convert(&["--model", model, "--to", "json"]), "JSON -> IDL -> JSON changed model/lambda.json");
}

/// Numbers keep their text both ways, whatever their size: Smithy holds
/// `bigDecimal` and `bigInteger` values beyond f64 and u64 (the loader suite's
/// `traits.smithy` has such values). Leading zeros, which JSON cannot write,
/// are dropped.
#[test]
fn numbers_keep_their_text_through_json_and_idl() {
    let dir = scratch("numbers");
    let idl_file = dir.join("numbers.smithy");
    let written = ["1.7976931348623157E+309", "2e+308", "-1.50", "18446744073709551616", "-0", "1e3"];
    let mut idl = "$version: \"2.0\"\nnamespace ex\n\n@trait\ndocument n\n".to_string();
    for (i, number) in written.iter().enumerate() {
        idl.push_str(&format!("\n@n({number})\nstring S{i}\n"));
    }
    idl.push_str("\n@n(007)\nstring Zeros\n");
    std::fs::write(&idl_file, idl).unwrap();
    let json = convert(&["--model", idl_file.to_str().unwrap(), "--to", "json"]);
    for number in written {
        assert!(json.contains(&format!("\"ex#n\": {number}\n")), "{number} in\n{json}");
    }
    assert!(json.contains("\"ex#n\": 7\n"), "007 becomes 7:\n{json}");
    let json_file = dir.join("numbers.json");
    std::fs::write(&json_file, &json).unwrap();
    let again = convert(&["--model", json_file.to_str().unwrap(), "--to", "idl"]);
    for number in written {
        assert!(again.contains(&format!("@n({number})")), "{number} in\n{again}");
    }
}

#[test]
fn convert_errors_name_the_file_line_and_column() {
    let dir = scratch("errors");
    let file = dir.join("bad.smithy");
    std::fs::write(
        &file,
        "$version: \"2.0\"\nnamespace example\n\nstructure Foo {\n    a: String\n    b String\n}\n\nstring\n",
    )
    .unwrap();
    let output = Command::new(BIN).args(["convert", "--to", "json", "--model"]).arg(&file).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let at = file.display();
    assert!(stderr.contains(&format!("{at}:6:7: expected `:` but found identifier `String`")), "{stderr}");
    assert!(stderr.contains(&format!("{at}:9:7: expected a space but found a line break")), "{stderr}");
}

/// The other commands take IDL wherever they take JSON: `diff` of the model
/// against its own IDL form finds nothing, `features` lists the same.
#[test]
fn other_commands_take_idl_models() {
    let json = Path::new(env!("CARGO_MANIFEST_DIR")).join("../model/lambda.json");
    let dir = scratch("commands");
    let idl_file = dir.join("lambda.smithy");
    std::fs::write(&idl_file, convert(&["--model", json.to_str().unwrap(), "--to", "idl"])).unwrap();
    let run = |args: &[&std::ffi::OsStr]| {
        let output = Command::new(BIN).args(args).output().unwrap();
        assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8(output.stdout).unwrap()
    };
    let diff = run(&["diff".as_ref(), json.as_os_str(), idl_file.as_os_str()]);
    assert_eq!(diff.trim(), "0 breaking, 0 compatible, 0 docs");
    let features = |model: &Path| run(&["features".as_ref(), "--model".as_ref(), model.as_os_str()]);
    assert_eq!(features(&idl_file), features(&json));
}

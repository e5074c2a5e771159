//! With feature `full`: lists every `*Output` struct that lambda-model generates
//! for the whole model, by running the generator on `../model/lambda.json` (as
//! the crate's own build script does) and reading the module path of each
//! `pub struct …Output` from the rendered source. Writes
//! `OUT_DIR/full_outputs.rs` with `fn decode_full_outputs(data: &[u8])`, which
//! decodes `data` as each of them and re-encodes what decodes.
//!
//! Floats (doubles, epoch-seconds timestamps) do not always survive a decimal
//! round trip bit for bit, so these types are checked for "no panic" only.

use std::fmt::Write as _;
use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=../model/lambda.json");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("full_outputs.rs");
    if std::env::var_os("CARGO_FEATURE_FULL").is_none() {
        std::fs::write(&out, "").expect("write full_outputs.rs");
        return;
    }
    let model = std::fs::read("../model/lambda.json").expect("read ../model/lambda.json");
    let mut settings = smithy_codegen::Settings::new();
    settings.with_protocol_feature("http").with_skip_look_around_patterns(true);
    let code = smithy_codegen::generate(&model, &[], &settings).expect("the model generates");
    let paths = output_paths(&code);
    assert!(
        paths.len() > 50,
        "expected every operation's output, found {}",
        paths.len()
    );
    let mut body = String::new();
    writeln!(
        body,
        "/// Decodes `data` as each of the {} `*Output` types of feature `full`.",
        paths.len()
    )
    .unwrap();
    writeln!(body, "#[allow(deprecated)]").unwrap();
    writeln!(body, "pub fn decode_full_outputs(data: &[u8]) {{").unwrap();
    for path in &paths {
        writeln!(
            body,
            "    if let Ok(v) = ::serde_json::from_slice::<::lambda_model::{path}>(data) {{ let _ = ::serde_json::to_vec(&v).expect(\"encodes\"); }}"
        )
        .unwrap();
    }
    writeln!(body, "}}").unwrap();
    std::fs::write(&out, body).expect("write full_outputs.rs");
}

/// `module::path::NameOutput` of every `pub struct NameOutput` in prettyplease
/// output, tracking `pub mod name {` / `}` pairs by indentation.
fn output_paths(code: &str) -> Vec<String> {
    let mut modules: Vec<(usize, String)> = Vec::new();
    let mut paths = Vec::new();
    for line in code.lines() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if let Some(rest) = trimmed.strip_prefix("pub mod ") {
            if let Some(name) = rest.strip_suffix(" {") {
                modules.push((indent, name.to_string()));
            }
        } else if trimmed == "}" {
            if modules.last().is_some_and(|(i, _)| *i == indent) {
                modules.pop();
            }
        } else if let Some(rest) = trimmed.strip_prefix("pub struct ") {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if name.ends_with("Output") {
                let mut path: Vec<&str> = modules.iter().map(|(_, m)| m.as_str()).collect();
                path.push(&name);
                paths.push(path.join("::"));
            }
        }
    }
    paths.sort();
    paths.dedup();
    paths
}

//! The malformed-model corpus: every `tests/malformed/*.json` (a small Smithy
//! JSON AST, each broken in one way) goes through the whole pipeline
//! (`smithy_codegen::generate` for every operation, default settings), and the
//! outcome of each is pinned in one insta snapshot, one `file: outcome` line per
//! model. The outcome is the error message, or `ok: generates` for the few
//! dubious models the generator accepts (recorded on purpose).
//!
//! The generator must never panic on any of them. Models that make it panic
//! today are listed in `KNOWN_PANICS`: they are left out of the snapshot and
//! run by an ignored test until the generator is fixed. Likewise the invalid
//! models it accepts today are in `ACCEPTED_BUT_INVALID`.

use std::path::{Path, PathBuf};

use smithy_codegen::Settings;

/// Models on which `generate` panics today (generator bugs), with the panic.
/// Remove a name once `generate` returns an error for it.
const KNOWN_PANICS: &[&str] = &[
    // `format_ident!("{}", method.to_ascii_uppercase())` in render/protocol.rs
    // (render_operation) runs before the method is matched, for any method:
    // "Ident is not allowed to be empty; use Option<Ident>".
    "http_method_empty",
    // The same line: "\"GET IT\" is not a valid Ident".
    "http_method_not_a_token",
    // names::type_name("_") is "" and render::ident panics:
    // "Ident is not allowed to be empty; use Option<Ident>".
    "shape_name_underscore",
    // names::type_name("_1") is "1": "Ident cannot be a number; use Literal instead".
    "shape_name_underscore_digit",
    // A service `rename` to a name that starts with an upper-case letter is kept
    // as is by names::type_name, so render::ident gets "Not A Name":
    // "\"Not A Name\" is not a valid Ident".
    "service_rename_to_invalid_identifier",
];

/// Models that Smithy's own validation rejects but this generator accepts (and
/// generates wrong code for); `ok: generates` in the snapshot until fixed.
const ACCEPTED_BUT_INVALID: &[&str] = &[
    // Two members with jsonName "x": serde gets two fields renamed "x"; the second
    // is never read (rustc: unreachable pattern), and a value with both set
    // encodes to `{"x":…,"x":…}`, which does not decode ("duplicate field `x`").
    "json_name_collision",
    // Two members bound to the query parameter "q": the client sends `q` twice,
    // the server reads the first `q` into both.
    "http_query_collision",
    // The label `{Id}` twice in the uri.
    "uri_label_repeated",
    // A member named "" (not a Smithy identifier): field `_unnamed`, wire name "".
    "member_name_empty",
];

fn corpus() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/malformed");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
}

fn name(path: &Path) -> String {
    path.file_stem().expect("a file name").to_string_lossy().into_owned()
}

/// What `generate` does with the model: `error: …`, `ok: generates`, or `PANIC: …`.
fn outcome(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    let result = std::panic::catch_unwind(|| smithy_codegen::generate(&bytes, &[], &Settings::default()));
    match result {
        Ok(Ok(_)) => "ok: generates".to_string(),
        Ok(Err(e)) => format!("error: {e}"),
        Err(payload) => {
            let message = payload
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "(no message)".to_string());
            format!("PANIC: {message}")
        }
    }
}

#[test]
fn the_corpus_is_large_enough_and_every_known_panic_exists() {
    let names: Vec<String> = corpus().iter().map(|p| name(p)).collect();
    assert!(names.len() >= 30, "only {} malformed models", names.len());
    for known in KNOWN_PANICS.iter().chain(ACCEPTED_BUT_INVALID) {
        assert!(names.iter().any(|n| n == known), "a list names a missing file: {known}");
    }
}

#[test]
fn malformed_models_give_clear_errors() {
    let mut lines = Vec::new();
    let mut panics = Vec::new();
    for path in corpus() {
        let name = name(&path);
        if KNOWN_PANICS.contains(&name.as_str()) {
            continue;
        }
        let outcome = outcome(&path);
        if outcome.starts_with("PANIC") {
            panics.push(format!("{name}: {outcome}"));
        }
        lines.push(format!("{name}: {outcome}"));
    }
    assert!(panics.is_empty(), "the generator panicked:\n{}", panics.join("\n"));
    insta::assert_snapshot!("malformed_models", lines.join("\n"));
}

#[test]
#[ignore = "bug: the generator panics on these models (see KNOWN_PANICS)"]
fn known_panics_are_errors_too() {
    let mut panics = Vec::new();
    for path in corpus() {
        let name = name(&path);
        if KNOWN_PANICS.contains(&name.as_str()) {
            let outcome = outcome(&path);
            if !outcome.starts_with("error: ") {
                panics.push(format!("{name}: {outcome}"));
            }
        }
    }
    assert!(panics.is_empty(), "expected errors:\n{}", panics.join("\n"));
}

#[test]
#[ignore = "bug: the generator accepts these invalid models (see ACCEPTED_BUT_INVALID)"]
fn invalid_models_are_refused() {
    let mut accepted = Vec::new();
    for path in corpus() {
        let name = name(&path);
        if ACCEPTED_BUT_INVALID.contains(&name.as_str()) {
            let outcome = outcome(&path);
            if !outcome.starts_with("error: ") {
                accepted.push(format!("{name}: {outcome}"));
            }
        }
    }
    assert!(accepted.is_empty(), "expected errors:\n{}", accepted.join("\n"));
}

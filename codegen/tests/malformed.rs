//! The malformed-model corpus: every `tests/malformed/*.json` (a small Smithy
//! JSON AST, each broken in one way) goes through the whole pipeline
//! (`smithy_codegen::generate` for every operation, default settings), and the
//! outcome of each is pinned in one insta snapshot, one `file: outcome` line per
//! model. The outcome is the error message, or `ok: generates` for the few
//! dubious models the generator accepts (recorded on purpose).
//!
//! The generator must never panic on any of them. (The first run of this
//! corpus found five panics and four invalid models that were accepted; they
//! are errors now, and stay in the snapshot as regression cases.)

use std::path::{Path, PathBuf};

use smithy_codegen::Settings;

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
}

#[test]
fn malformed_models_give_clear_errors() {
    let mut lines = Vec::new();
    let mut panics = Vec::new();
    for path in corpus() {
        let name = name(&path);
        let outcome = outcome(&path);
        if outcome.starts_with("PANIC") {
            panics.push(format!("{name}: {outcome}"));
        }
        lines.push(format!("{name}: {outcome}"));
    }
    assert!(panics.is_empty(), "the generator panicked:\n{}", panics.join("\n"));
    insta::assert_snapshot!("malformed_models", lines.join("\n"));
}

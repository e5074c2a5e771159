//! The IDL reader never panics and prints what it accepts faithfully: the
//! `idl_parse` fuzz corpus (`fuzz/corpus/idl_parse/`) replayed on stable, and
//! every prefix-cut of Smithy's loader suite files (read from ../shared).

#[path = "support/idl_oracle.rs"]
mod idl_oracle;

use std::path::{Path, PathBuf};

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files_under(&path, out);
        } else if !path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')) {
            out.push(path);
        }
    }
}

fn replay(path: &Path, data: &[u8]) {
    let outcome = std::panic::catch_unwind(|| idl_oracle::check(data));
    assert!(outcome.is_ok(), "{} panicked", path.display());
}

#[test]
fn the_fuzz_corpus_replays() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/corpus/idl_parse");
    let mut files = Vec::new();
    files_under(&dir, &mut files);
    assert!(files.len() >= 10, "{} holds only {} seeds", dir.display(), files.len());
    for path in files {
        replay(&path, &std::fs::read(&path).unwrap());
    }
}

/// Each loader-suite file whole and cut at 32 points (inside tokens, strings, blocks).
#[test]
fn cut_loader_suite_files_never_panic() {
    let Some(dir) = test_data::shared_path("smithy/idl-loader") else { return };
    let mut files = Vec::new();
    files_under(&dir, &mut files);
    files.retain(|p| p.extension().is_some_and(|e| e == "smithy"));
    assert!(files.len() > 200);
    for path in files {
        let data = std::fs::read(&path).unwrap();
        for i in 0..=32 {
            replay(&path, &data[..data.len() * i / 32]);
        }
    }
}

//! Replays every file of `fuzz/corpus/<target>/` through the fuzz targets' own
//! code (`fuzz/src/lib.rs`), so that the committed corpus runs on stable in
//! every `cargo test`, without cargo-fuzz or a nightly compiler.

#![cfg(all(feature = "http", feature = "get-layer-version"))]

#[path = "../fuzz/src/lib.rs"]
mod targets;

use std::path::{Path, PathBuf};

fn corpus(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus").join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.is_file())
        .filter(|path| !path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
        .collect();
    files.sort();
    assert!(files.len() >= 10, "{} holds only {} seeds", dir.display(), files.len());
    files
}

fn replay(target: &str, run: fn(&[u8])) {
    for path in corpus(target) {
        // A fuzzer running at the same time may replace files: skip vanished ones.
        let data = match std::fs::read(&path) {
            Ok(data) => data,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => panic!("read {}: {e}", path.display()),
        };
        // Name the file that failed; the panic itself is the target's message.
        let outcome = std::panic::catch_unwind(|| run(&data));
        assert!(outcome.is_ok(), "{target}: {} panicked", path.display());
    }
}

#[test]
fn response_decoding_corpus() {
    replay("response_decoding", targets::response_decoding);
}

#[test]
fn server_request_parsing_corpus() {
    replay("server_request_parsing", targets::server_request_parsing);
}

#[test]
fn json_decode_corpus() {
    replay("json_decode", targets::json_decode);
}

/// The input format itself: seeds mean what their names say.
#[test]
fn seed_format_builds_the_described_messages() {
    let response = targets::response_from_bytes(b"429\nRetry-After: 7\nbad header\nx-bad\x01: v\n\n{\"a\":1}");
    assert_eq!(response.status(), 429);
    assert_eq!(response.headers()["retry-after"], "7");
    assert_eq!(response.headers().len(), 1, "lines that are not valid headers are skipped");
    assert_eq!(response.body(), b"{\"a\":1}");
    assert_eq!(targets::response_from_bytes(b"xyz").status(), 200);
    assert_eq!(targets::response_from_bytes(b"1000\r\n\r\nbody").body(), b"body");

    let request = targets::request_from_bytes(b"GET\n/2018-10-31/layers/a/versions/1?x=1\n").expect("valid");
    assert_eq!(request.method(), http::Method::GET);
    assert_eq!(request.uri().query(), Some("x=1"));
    assert!(targets::request_from_bytes(b"G T\n/").is_none());
    assert!(targets::request_from_bytes(b"GET\n/a b").is_none());
}

//! Replays every file of `fuzz/corpus/event_stream_decoding/` through the fuzz
//! target's own code (`fuzz/src/event_stream.rs`), so that the committed corpus
//! runs on stable in every `cargo test`, without cargo-fuzz or a nightly compiler.
#![cfg(feature = "event-stream")]

#[path = "../../fuzz/src/event_stream.rs"]
mod target;

use std::path::{Path, PathBuf};

fn corpus(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/corpus").join(target);
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

#[test]
fn event_stream_decoding_corpus() {
    for path in corpus("event_stream_decoding") {
        // A fuzzer running at the same time may replace files: skip vanished ones.
        let data = match std::fs::read(&path) {
            Ok(data) => data,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => panic!("read {}: {e}", path.display()),
        };
        // Name the file that failed; the panic itself is the target's message.
        let outcome = std::panic::catch_unwind(|| target::event_stream_decoding(&data));
        assert!(outcome.is_ok(), "{} panicked", path.display());
    }
}

/// The hand-written seeds mean what their names say.
#[test]
fn named_seeds_decode_as_described() {
    use smithy_codegen_runtime::event_stream::{decode_all, DecodeErrorKind};
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/corpus/event_stream_decoding");
    let stream = |name: &str| {
        let data = std::fs::read(dir.join(name)).unwrap_or_else(|e| panic!("read seed {name}: {e}"));
        data[1..].to_vec()
    };
    let lambda_stream = stream("lambda_payload_chunks_then_complete_7_byte_chunks");
    let messages = decode_all(&lambda_stream).unwrap();
    let payloads: Vec<&[u8]> = messages.iter().map(|m| m.payload()).collect();
    assert_eq!(payloads, [&b"hello "[..], b"world", b"{}"]);
    assert_eq!(decode_all(&stream("every_header_type_3_byte_chunks")).unwrap()[0].headers().count(), 10);
    let kind = |name: &str| decode_all(&stream(name)).unwrap_err().kind().clone();
    assert!(matches!(kind("truncated_after_prelude"), DecodeErrorKind::Truncated { buffered: 20, .. }));
    assert!(matches!(kind("wrong_prelude_crc"), DecodeErrorKind::PreludeCrcMismatch { .. }));
    assert!(matches!(kind("wrong_message_crc"), DecodeErrorKind::MessageCrcMismatch { .. }));
    assert!(matches!(kind("total_length_below_minimum"), DecodeErrorKind::FrameTooShort { .. }));
    assert!(matches!(kind("total_length_above_16_mib"), DecodeErrorKind::FrameTooLong { .. }));
    assert!(matches!(kind("headers_above_128_kib"), DecodeErrorKind::HeadersTooLong { .. }));
    assert!(matches!(kind("unknown_header_type"), DecodeErrorKind::UnknownHeaderType { type_code: 42, .. }));
    assert!(matches!(kind("non_utf8_string_header"), DecodeErrorKind::HeaderStringNotUtf8 { .. }));
    assert!(matches!(kind("non_utf8_header_name"), DecodeErrorKind::HeaderNameNotUtf8 { .. }));
    assert!(matches!(kind("header_past_its_block"), DecodeErrorKind::HeaderOverrun { .. }));
}

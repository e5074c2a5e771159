//! The body of the `event_stream_decoding` target, shared with
//! `runtime/tests/fuzz_corpus_replay.rs` (which includes this file with
//! `#[path]`), so the committed corpus runs in every `cargo test`.
//!
//! Input: the first byte is a chunk length (0 and 1 both mean one byte at a
//! time), the rest is an event stream. The stream is decoded at once and in
//! chunks of that length. This panics only when a property fails: the two
//! decodings differ, or a decoded message does not rebuild to the same bytes
//! from its own headers and payload.

use smithy_codegen_runtime::event_stream::{decode_all, DecodeError, Decoder, Message};

pub fn event_stream_decoding(data: &[u8]) {
    let Some((&chunk_len, stream)) = data.split_first() else {
        return;
    };
    let whole = decode_all(stream);
    let chunked = decode_in_chunks(stream, usize::from(chunk_len).max(1));
    assert_eq!(whole, chunked, "decoding at once and in {chunk_len}-byte chunks differ");
    match whole {
        Ok(messages) => {
            for message in &messages {
                let rebuilt = message
                    .headers()
                    .fold(Message::builder(), |builder, h| builder.header(h.name(), h.value()))
                    .payload(message.payload())
                    .build()
                    .expect("a decoded message fits the format");
                assert_eq!(rebuilt.as_bytes(), message.as_bytes(), "{message:?} rebuilds differently");
                assert!(!format!("{message:?}").is_empty());
            }
        }
        Err(error) => assert!(error.to_string().starts_with("event-stream frame at byte ")),
    }
}

fn decode_in_chunks(stream: &[u8], chunk_len: usize) -> Result<Vec<Message<'_>>, DecodeError> {
    let mut decoder = Decoder::new();
    let mut messages = Vec::new();
    for chunk in stream.chunks(chunk_len) {
        for message in decoder.feed(chunk) {
            messages.push(message?);
        }
    }
    decoder.finish()?;
    Ok(messages)
}

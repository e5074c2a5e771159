//! The event-stream frame decoder of `smithy-codegen-runtime` on arbitrary
//! bytes, at once and in chunks (input format: see `src/event_stream.rs`).
#![no_main]

#[path = "../src/event_stream.rs"]
mod event_stream;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    event_stream::event_stream_decoding(data);
});

//! `GetLayerVersionOutput::from_http_response` on arbitrary status, headers and
//! body (input format: see `src/lib.rs`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    lambda_model_fuzz::response_decoding(data);
});

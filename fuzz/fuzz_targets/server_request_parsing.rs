//! `GetLayerVersionInput::from_http_request` on arbitrary method, path, query,
//! headers and body (input format: see `src/lib.rs`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    lambda_model_fuzz::server_request_parsing(data);
});

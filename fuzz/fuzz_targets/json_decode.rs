//! serde_json decoding of every generated type of the default features; with
//! `--features full`, also of every `*Output` type of the whole model.
#![no_main]

#[cfg(feature = "full")]
mod full {
    // `fn decode_full_outputs(data: &[u8])`, written by build.rs.
    include!(concat!(env!("OUT_DIR"), "/full_outputs.rs"));
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    lambda_model_fuzz::json_decode(data);
    #[cfg(feature = "full")]
    full::decode_full_outputs(data);
});

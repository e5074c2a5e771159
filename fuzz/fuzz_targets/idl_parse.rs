//! The Smithy IDL lexer, parser and loader of smithy-codegen: no input makes
//! them panic, and an accepted model prints as IDL that reads back the same.
#![no_main]

#[path = "../../codegen/tests/support/idl_oracle.rs"]
mod idl_oracle;

libfuzzer_sys::fuzz_target!(|data: &[u8]| idl_oracle::check(data));

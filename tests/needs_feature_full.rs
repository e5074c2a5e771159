//! `cargo test --workspace` builds the default features, where the whole-model
//! tests (`tests/full_model.rs`, `tests/by_arn.rs`) compile to nothing. This
//! ignored test makes that visible in the test output, with the command that
//! runs them, instead of a silent "0 tests".

#[cfg(not(all(feature = "full", feature = "http")))]
#[test]
#[ignore = "tests/full_model.rs and tests/by_arn.rs need every operation: run `cargo test --features full`"]
fn whole_model_tests_need_feature_full() {}

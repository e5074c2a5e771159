//! Every name we generate for a shape aws-sdk-lambda also has is spelled as
//! the SDK spells it: types (and their modules), fields, getters, builder
//! methods, enum variants (paired by wire value) and error variants; and
//! every getter returns, and every builder method takes, the types the
//! SDK's do, but for the deliberate
//! differences of the README's switching table (required members are plain
//! values, streaming bodies are `Blob`s, event streams are `EventDecoder`s).
//!
//! `data/aws-sdk-lambda.names` is read from the SDK's source by
//! `scripts/sdk-name-table`; ours is read the same way from the code
//! generated for every operation of `model/lambda.json`. The SDK's model is
//! newer than ours: names only one side has are model differences, not
//! naming differences, and are left out.

use sdk_compat::name_table::{compare, normalize, parse_table, read_source};

const TABLE: &str = include_str!("../data/aws-sdk-lambda.names");
const MODEL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../model/lambda.json");

#[test]
fn generated_names_are_the_sdk_names() {
    let theirs = parse_table(TABLE).expect("the committed table parses");
    let model = std::fs::read(MODEL).expect("model/lambda.json is readable");
    let mut settings = smithy_codegen::Settings::new();
    settings.with_protocol_feature("http").with_skip_look_around_patterns(true);
    let code = smithy_codegen::generate(&model, &[], &settings).expect("the whole model generates");
    let ours = normalize(read_source(&code, "").expect("generated code parses"));

    let comparison = compare(&theirs, &ours);
    let differences: Vec<String> = comparison.differences.iter().map(ToString::to_string).collect();
    assert!(
        differences.is_empty(),
        "{} of {} names shared with aws-sdk-lambda differ in spelling or types:\n{}",
        differences.len(),
        comparison.compared,
        differences.join("\n")
    );
    eprintln!("{} names paired with aws-sdk-lambda's, all alike", comparison.compared);
    // Guard against a reader that silently pairs nothing.
    assert!(comparison.compared > 5_000, "only {} names paired with the SDK's", comparison.compared);
}

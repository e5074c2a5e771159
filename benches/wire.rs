//! Wire speed: `GetLayerVersionOutput` decoded from and encoded to JSON,
//! against a hand-written plain serde struct of the same fields measured in the
//! same group (see `common::PlainOutput`). Goal: generated / baseline <= 1.10.
//!
//! Groups: `decode_example`, `decode_large`, `encode_example`, `encode_large`,
//! each with the functions `generated` and `baseline`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use lambda_model::operation::get_layer_version::GetLayerVersionOutput;

mod common;
use common::PlainOutput;

/// Checks, outside any timing, that both types read the body completely and
/// write the same bytes, so that the two sides of a ratio do the same work.
fn check(name: &str, body: &[u8]) -> (GetLayerVersionOutput, PlainOutput) {
    let generated: GetLayerVersionOutput = serde_json::from_slice(body).expect("generated type decodes the body");
    let plain: PlainOutput = serde_json::from_slice(body).expect("baseline decodes the body");
    let a = serde_json::to_vec(&generated).unwrap();
    let b = serde_json::to_vec(&plain).unwrap();
    assert_eq!(a, b, "{name}: generated and baseline encode differently");
    assert!(
        generated.compatible_runtimes().iter().all(|r| lambda_model::types::Runtime::try_parse(r.as_str()).is_ok()),
        "{name}: every runtime of the bench bodies is a known one"
    );
    generated.validate().unwrap_or_else(|e| panic!("{name}: body breaks the model's constraints: {e}"));
    (generated, plain)
}

fn decode(c: &mut Criterion) {
    for (name, body) in common::bodies() {
        check(name, &body);
        let mut group = c.benchmark_group(format!("decode_{name}"));
        group.throughput(Throughput::Bytes(body.len() as u64));
        group.bench_function("generated", |b| {
            b.iter(|| serde_json::from_slice::<GetLayerVersionOutput>(black_box(&body)).unwrap())
        });
        group.bench_function("baseline", |b| {
            b.iter(|| serde_json::from_slice::<PlainOutput>(black_box(&body)).unwrap())
        });
        group.finish();
    }
}

fn encode(c: &mut Criterion) {
    for (name, body) in common::bodies() {
        let (generated, plain) = check(name, &body);
        let len = serde_json::to_vec(&plain).unwrap().len();
        let mut group = c.benchmark_group(format!("encode_{name}"));
        group.throughput(Throughput::Bytes(len as u64));
        group.bench_function("generated", |b| b.iter(|| serde_json::to_vec(black_box(&generated)).unwrap()));
        group.bench_function("baseline", |b| b.iter(|| serde_json::to_vec(black_box(&plain)).unwrap()));
        group.finish();
    }
}

criterion_group!(benches, decode, encode);
criterion_main!(benches);

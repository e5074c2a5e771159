//! Generator speed on the full official Lambda model
//! (`../shared/models/lambda-2026-06-19.json` from the crate root, 968 KB), all
//! functions in the group `generator`, against `baseline_json_value`, the bare
//! `serde_json::from_slice::<serde_json::Value>` of the same bytes.
//!
//! - `end_to_end_glv`: `smithy_codegen::generate` for `GetLayerVersion`, i.e.
//!   parse + resolve + closure + render. Goal: within 3x of the baseline.
//! - `whole_model`: parse + resolve + closure of every operation.
//! - `whole_model_generate`: `generate` for every operation (85 of them, as the
//!   `full` feature builds them; look-around patterns left unchecked as the
//!   build script leaves them).
//! - `stage_*`: each stage alone, on the previous stage's output.
//!
//! `LAMBDA_OFFICIAL_MODEL` may name another model file. When the model file is
//! absent the bench prints why and measures nothing.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput};
use smithy_codegen::{ast, closure, ir, render, Settings};

const OPERATION: &str = "GetLayerVersion";

/// The file named by `LAMBDA_OFFICIAL_MODEL`, or the shared official model
/// (`None` when absent: a skip, or a failure under `CI=true`).
fn model_bytes() -> Option<Vec<u8>> {
    match std::env::var_os("LAMBDA_OFFICIAL_MODEL") {
        Some(path) => {
            let path = PathBuf::from(path);
            Some(std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display())))
        }
        None => test_data::read_shared("models/lambda-2026-06-19.json"),
    }
}

/// The settings as the build script passes them, bar look-around patterns
/// (checked here, as they would be for a new model).
fn settings() -> Settings {
    let mut settings = Settings::new();
    settings.with_protocol_feature("http");
    settings
}

/// Parse, resolve and the closure of every operation: the "whole model" figure.
fn whole_model(bytes: &[u8]) -> closure::Closure {
    let parsed = ast::parse(bytes).unwrap();
    let model = ir::resolve(&parsed).unwrap();
    let all: Vec<String> = closure::all_operations(&model).unwrap().iter().map(|id| id.to_string()).collect();
    let all: Vec<&str> = all.iter().map(String::as_str).collect();
    closure::closure(&model, &all).unwrap()
}

fn bench(c: &mut Criterion, bytes: &[u8]) {
    // Every stage's input, computed once; each call is also a check that the stage succeeds.
    let parsed = ast::parse(bytes).expect("the official model parses");
    let model = ir::resolve(&parsed).expect("the official model resolves");
    let glv = closure::closure(&model, &[OPERATION]).expect("GetLayerVersion is in the model");
    let settings = settings();
    let code = render::render(&model, &glv, &settings).expect("GetLayerVersion renders");
    let all = whole_model(bytes);
    eprintln!(
        "generator: model {} bytes, {} shapes; GetLayerVersion closure {} shapes -> {} bytes of Rust; whole model {} operations, {} shapes",
        bytes.len(),
        model.shapes.len(),
        glv.shapes.len(),
        code.len(),
        all.operations.len(),
        all.shapes.len()
    );
    let all_ids: Vec<String> = all.operations.iter().map(|id| id.to_string()).collect();
    let all_ids: Vec<&str> = all_ids.iter().map(String::as_str).collect();

    let mut group = c.benchmark_group("generator");
    // Calls take milliseconds: ten samples keep a run to a few seconds per function.
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("baseline_json_value", |b| {
        b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(bytes)).unwrap())
    });
    group.bench_function("end_to_end_glv", |b| {
        b.iter(|| smithy_codegen::generate(black_box(bytes), &[OPERATION], &settings).unwrap())
    });
    group.bench_function("whole_model", |b| b.iter(|| whole_model(black_box(bytes))));
    let mut every_operation = settings.clone();
    every_operation.with_skip_look_around_patterns(true);
    group.bench_function("whole_model_generate", |b| {
        b.iter(|| smithy_codegen::generate(black_box(bytes), &[], &every_operation).unwrap())
    });
    group.bench_function("stage_parse", |b| b.iter(|| ast::parse(black_box(bytes)).unwrap()));
    group.bench_function("stage_resolve", |b| b.iter(|| ir::resolve(black_box(&parsed)).unwrap()));
    group
        .bench_function("stage_closure_glv", |b| b.iter(|| closure::closure(black_box(&model), &[OPERATION]).unwrap()));
    group
        .bench_function("stage_render_glv", |b| b.iter(|| render::render(black_box(&model), &glv, &settings).unwrap()));
    group.bench_function("stage_closure_all", |b| b.iter(|| closure::closure(black_box(&model), &all_ids).unwrap()));
    group.finish();
}

fn main() {
    let Some(bytes) = model_bytes() else {
        println!("generator: skipped, the official model is absent");
        return;
    };
    let mut c = Criterion::default().configure_from_args();
    bench(&mut c, &bytes);
    c.final_summary();
}

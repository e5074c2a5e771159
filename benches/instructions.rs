//! A harness for instruction counts: `instructions CASE N` runs one case N times,
//! so that `valgrind --tool=callgrind` counts it (`scripts/bench-report` runs it
//! with N and with 0 and divides the difference by N; setup cancels out).
//! Instruction counts do not move with the machine's load, unlike timings on a
//! shared 2-core machine, so these ratios are the repeatable check of the goals.
//!
//! `instructions list` prints the cases. Run without arguments (as `cargo bench`
//! does) it runs every case once, as a smoke test, and prints nothing else.

use std::hint::black_box;
use std::path::PathBuf;

use lambda_model::operation::get_layer_version::GetLayerVersionOutput;
use smithy_codegen::{ast, closure, ir, render, Settings};

mod common;
use common::PlainOutput;

const OPERATION: &str = "GetLayerVersion";

const CASES: &[&str] = &[
    "decode_example/generated",
    "decode_example/baseline",
    "decode_large/generated",
    "decode_large/baseline",
    "encode_example/generated",
    "encode_example/baseline",
    "encode_large/generated",
    "encode_large/baseline",
    "generator/baseline_json_value",
    "generator/end_to_end_glv",
    "generator/whole_model",
    "generator/stage_parse",
    "generator/stage_resolve",
    "generator/stage_closure_glv",
    "generator/stage_render_glv",
];

/// The official model (as in `benches/generator.rs`): `LAMBDA_OFFICIAL_MODEL`
/// or the shared one (`None` when absent: a skip, or a failure under `CI=true`).
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

fn body(name: &str) -> Vec<u8> {
    common::bodies().into_iter().find(|(n, _)| *n == name).expect("a known body").1
}

/// Runs `case` `n` times; `false` when the case cannot run here (no model file).
fn run(case: &str, n: usize) -> bool {
    let (group, function) = case.split_once('/').expect("GROUP/FUNCTION");
    if let Some(which) = group.strip_prefix("decode_") {
        let body = body(which);
        for _ in 0..n {
            match function {
                "generated" => {
                    drop(black_box(serde_json::from_slice::<GetLayerVersionOutput>(black_box(&body)).unwrap()))
                }
                _ => drop(black_box(serde_json::from_slice::<PlainOutput>(black_box(&body)).unwrap())),
            }
        }
        return true;
    }
    if let Some(which) = group.strip_prefix("encode_") {
        let body = body(which);
        let generated: GetLayerVersionOutput = serde_json::from_slice(&body).unwrap();
        let plain: PlainOutput = serde_json::from_slice(&body).unwrap();
        for _ in 0..n {
            match function {
                "generated" => drop(black_box(serde_json::to_vec(black_box(&generated)).unwrap())),
                _ => drop(black_box(serde_json::to_vec(black_box(&plain)).unwrap())),
            }
        }
        return true;
    }
    let Some(bytes) = model_bytes() else {
        return false;
    };
    let bytes = bytes.as_slice();
    // The inputs of the later stages, computed whatever the case (and so cancelled out).
    let parsed = ast::parse(bytes).unwrap();
    let model = ir::resolve(&parsed).unwrap();
    let glv = closure::closure(&model, &[OPERATION]).unwrap();
    let settings = settings();
    for _ in 0..n {
        match function {
            "baseline_json_value" => {
                drop(black_box(serde_json::from_slice::<serde_json::Value>(black_box(bytes)).unwrap()))
            }
            "end_to_end_glv" => {
                drop(black_box(smithy_codegen::generate(black_box(bytes), &[OPERATION], &settings).unwrap()))
            }
            "whole_model" => {
                let parsed = ast::parse(black_box(bytes)).unwrap();
                let model = ir::resolve(&parsed).unwrap();
                let all: Vec<String> =
                    closure::all_operations(&model).unwrap().iter().map(|id| id.to_string()).collect();
                let all: Vec<&str> = all.iter().map(String::as_str).collect();
                drop(black_box(closure::closure(&model, &all).unwrap()));
            }
            "stage_parse" => drop(black_box(ast::parse(black_box(bytes)).unwrap())),
            "stage_resolve" => drop(black_box(ir::resolve(black_box(&parsed)).unwrap())),
            "stage_closure_glv" => drop(black_box(closure::closure(black_box(&model), &[OPERATION]).unwrap())),
            "stage_render_glv" => drop(black_box(render::render(black_box(&model), &glv, &settings).unwrap())),
            other => panic!("unknown case generator/{other}"),
        }
    }
    true
}

fn main() {
    // `cargo bench` passes `--bench` (and bench-report's criterion flags reach
    // only the timing benches); anything not a case means "smoke test".
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    match args.as_slice() {
        [list] if list == "list" => CASES.iter().for_each(|c| println!("{c}")),
        [case, n] => {
            assert!(CASES.contains(&case.as_str()), "unknown case {case}; see `list`");
            let n: usize = n.parse().expect("N is a count");
            if !run(case, n) {
                println!("skipped: the official model is absent");
            }
        }
        _ => {
            for case in CASES {
                run(case, 1);
            }
        }
    }
}

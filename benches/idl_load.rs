//! Reading the restJson1 protocol suite from IDL against a plain serde_json
//! parse of the same model's JSON AST (as `convert --to json` writes it), in
//! one run. Goal (issue 15): `idl_load` at most 2x `baseline_json_value`.
//!
//! - `idl_load`: lex, parse and load every file of
//!   `../shared/smithy/protocol-tests/` and `../shared/smithy/definitions/`
//!   (texts already in memory) into one model.
//! - `baseline_json_value`: `serde_json::from_slice::<serde_json::Value>` of
//!   that model's JSON AST.
//! - `json_ast_parse`: `ast::parse` of the same JSON (our typed JSON path).
//!
//! Without `../shared` the bench prints why and measures nothing.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput};
use smithy_codegen::ast;
use smithy_codegen::idl::{load_sources, Source};

fn smithy_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            smithy_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "smithy") {
            out.push(path);
        }
    }
}

fn main() {
    // Skips without ../shared, and fails under CI=true.
    let Some(root) = test_data::shared_path("smithy") else { return };
    let mut paths = Vec::new();
    smithy_files(&root.join("protocol-tests"), &mut paths);
    smithy_files(&root.join("definitions"), &mut paths);
    let sources: Vec<Source> = paths
        .iter()
        .map(|p| Source { name: p.display().to_string(), text: std::fs::read_to_string(p).unwrap() })
        .collect();
    let idl_bytes: usize = sources.iter().map(|s| s.text.len()).sum();
    let model = load_sources(&sources).unwrap_or_else(|e| panic!("the suite does not load: {e}"));
    let json = ast::to_json_pretty(&model).into_bytes();
    eprintln!("idl_load: {} files, {idl_bytes} bytes of IDL; JSON AST {} bytes", sources.len(), json.len());

    // `IDL_LOAD_REPEAT=idl:N` (or `json:N`) runs one side N times without
    // criterion, for instruction counts (`perf stat -e instructions:u`),
    // which a busy machine does not disturb.
    if let Ok(repeat) = std::env::var("IDL_LOAD_REPEAT") {
        let (side, times) = repeat.split_once(':').expect("IDL_LOAD_REPEAT=idl:N or json:N");
        for _ in 0..times.parse::<usize>().expect("a count") {
            match side {
                "idl" => drop(black_box(load_sources(black_box(&sources)).unwrap())),
                _ => drop(black_box(serde_json::from_slice::<serde_json::Value>(black_box(&json)).unwrap())),
            }
        }
        return;
    }

    let mut criterion = Criterion::default().configure_from_args();
    let mut group = criterion.benchmark_group("idl");
    group.throughput(Throughput::Bytes(idl_bytes as u64));
    group.bench_function("idl_load", |b| b.iter(|| load_sources(black_box(&sources)).unwrap()));
    group.throughput(Throughput::Bytes(json.len() as u64));
    group.bench_function("baseline_json_value", |b| {
        b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(&json)).unwrap())
    });
    group.bench_function("json_ast_parse", |b| b.iter(|| ast::parse(black_box(&json)).unwrap()));
    group.finish();
    criterion.final_summary();
}

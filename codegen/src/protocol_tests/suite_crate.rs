//! The compliance crate of one service: its generated code, one test
//! function per case and side, and a runner that judges the run against the
//! expected-failure list.
//!
//! [`compliance_crate`] returns the files as text; writing them is the
//! caller's business (the `protocol-tests` command).

use std::collections::BTreeMap;

use quote::quote;

use super::case_tests::{self, CaseContext};
use super::event_stream_cases;
use super::expected_failures::{self, Category};
use super::values::ValueBuilder;
use super::{service_cases, AppliesTo, ServiceCases};
use crate::ast::{AstModel, OrderedMap};
use crate::error::Error;
use crate::ir::{self, Model, ShapeId, ShapeKind};
use crate::Settings;

/// The runner's hand-written parts, copied into every compliance crate.
const RUNNER_MAIN: &str = include_str!("harness/main.rs");
const RUNNER_CHECKS: &str = include_str!("harness/checks.rs");
const RUNNER_EVENT_CHECKS: &str = include_str!("harness/event_checks.rs");
/// The list format and `judge`, shared with the runner as source text.
const EXPECTED_FAILURES_SOURCE: &str = include_str!("expected_failures.rs");

/// How to write the crate.
#[derive(Debug, Clone)]
pub struct CrateOptions {
    /// The Cargo package name (`restjson-compliance`).
    pub package: String,
    /// The path of `smithy-codegen-runtime`, as Cargo.toml should name it.
    pub runtime_path: String,
    /// The expected-failure list (its text); entries for cases of other
    /// services of the model are dropped.
    pub expected_failures: String,
}

/// The files of a compliance crate, and what went into it.
#[derive(Debug, Clone)]
pub struct ComplianceCrate {
    /// Relative path and text of every file.
    pub files: Vec<(String, String)>,
    /// The service's operations that do not generate, with the generator's error.
    pub skipped_operations: BTreeMap<String, String>,
    /// Cases per category.
    pub case_counts: BTreeMap<Category, usize>,
}

/// The services of a model, by id.
pub fn services(model: &AstModel) -> Vec<String> {
    model.shapes.0.iter().filter(|(_, s)| s.shape_type == "service").map(|(id, _)| id.clone()).collect()
}

/// The service `wanted` names (an absolute id or a bare name), or the only one.
pub fn pick_service(model: &AstModel, wanted: Option<&str>) -> Result<String, String> {
    let all = services(model);
    match wanted {
        Some(wanted) => all
            .iter()
            .find(|id| id.as_str() == wanted || id.split_once('#').is_some_and(|(_, name)| name == wanted))
            .cloned()
            .ok_or_else(|| format!("no service `{wanted}` in the model (services: {})", all.join(", "))),
        None => match all.as_slice() {
            [one] => Ok(one.clone()),
            [] => Err("the model has no service".into()),
            _ => Err(format!("the model has several services; pick one with --service ({})", all.join(", "))),
        },
    }
}

/// The model without the services other than `service`, so that the
/// generator sees one service and its closure only.
fn only_service(model: &AstModel, service: &str) -> AstModel {
    let shapes =
        model.shapes.0.iter().filter(|(id, shape)| shape.shape_type != "service" || id == service).cloned().collect();
    AstModel { smithy: model.smithy.clone(), metadata: model.metadata.clone(), shapes: OrderedMap(shapes) }
}

/// The generated code of a service's operations that generate.
struct GeneratedService {
    code: String,
    operations: Vec<String>,
    /// The operations that do not generate, with the generator's error.
    skipped: BTreeMap<String, String>,
}

/// Generates the operations that can be, and says why the others cannot.
fn generate_service(model: &Model, settings: &Settings) -> Result<GeneratedService, Error> {
    let all: Vec<String> = crate::closure::all_operations(model)?.iter().map(ShapeId::to_string).collect();
    let render = |ops: &[String]| {
        let ops: Vec<&str> = ops.iter().map(String::as_str).collect();
        crate::closure::closure(model, &ops).and_then(|closure| crate::render::render(model, &closure, settings))
    };
    if let Ok(code) = render(&all) {
        return Ok(GeneratedService { code, operations: all, skipped: BTreeMap::new() });
    }
    let mut good = Vec::new();
    let mut skipped = BTreeMap::new();
    for op in &all {
        match render(std::slice::from_ref(op)) {
            Ok(_) => good.push(op.clone()),
            Err(e) => {
                skipped.insert(op.clone(), e.to_string());
            }
        }
    }
    Ok(GeneratedService { code: render(&good)?, operations: good, skipped })
}

/// The compliance crate of `service` in `model`.
pub fn compliance_crate(model: &AstModel, service: &str, options: &CrateOptions) -> Result<ComplianceCrate, Error> {
    let every_case: Vec<ServiceCases> =
        services(model).iter().map(|s| service_cases(model, s)).collect::<Result<_, _>>()?;
    let cases = service_cases(model, service)?;
    let expected = expected_failures_for(&options.expected_failures, &cases, &every_case)?;

    let ast = only_service(model, service);
    let resolved = ir::resolve(&ast)?;
    let GeneratedService { code, operations: generated, skipped } = generate_service(&resolved, &Settings::new())?;
    let generated: Vec<&str> = generated.iter().map(String::as_str).collect();
    let closure = crate::closure::closure(&resolved, &generated)?;
    let names = crate::render::rendered_names(&resolved, &closure)?;
    let service_id = ShapeId::parse(service)?;
    let service_errors = match &resolved.shapes[&service_id].kind {
        ShapeKind::Service(s) => s.errors.clone(),
        _ => Vec::new(),
    };
    let values = ValueBuilder { model: &resolved, paths: &names.paths, krate: quote!(service) };
    let operations = closure
        .operations
        .iter()
        .filter_map(|op| Some((op.clone(), case_tests::operation_types(&resolved, &values, &service_errors, op)?)))
        .collect();
    // The stream unions' variant and error names, as the generator decided them.
    let plan = crate::plan::build(&resolved, &closure, &Settings::new())?;
    let streams = event_stream_cases::stream_types(&plan, &values);
    let ctx = CaseContext { values, operations, skipped: skipped.clone(), streams };
    let cases_rs = case_tests::cases_file(&ctx, &cases);

    let files = vec![
        ("Cargo.toml".to_string(), cargo_toml(options)),
        ("src/lib.rs".to_string(), code),
        ("tests/compliance/main.rs".to_string(), RUNNER_MAIN.to_string()),
        ("tests/compliance/checks.rs".to_string(), RUNNER_CHECKS.to_string()),
        ("tests/compliance/event_checks.rs".to_string(), RUNNER_EVENT_CHECKS.to_string()),
        ("tests/compliance/expected_failures.rs".to_string(), runner_expected_failures()),
        ("tests/compliance/cases.rs".to_string(), cases_rs),
        ("expected-failures.txt".to_string(), expected),
    ];
    Ok(ComplianceCrate { files, skipped_operations: skipped, case_counts: case_counts(&cases) })
}

fn case_counts(cases: &ServiceCases) -> BTreeMap<Category, usize> {
    BTreeMap::from([
        (Category::ClientRequest, cases.requests_for(AppliesTo::Client).count()),
        (Category::ClientResponse, cases.responses_for(AppliesTo::Client).count()),
        (Category::ServerRequest, cases.requests_for(AppliesTo::Server).count()),
        (Category::ServerResponse, cases.responses_for(AppliesTo::Server).count()),
        (Category::Malformed, cases.malformed.len()),
        (Category::EventStreamClient, cases.event_streams_for(AppliesTo::Client).count()),
        (Category::EventStreamServer, cases.event_streams_for(AppliesTo::Server).count()),
    ])
}

/// Whether `cases` has a case `id` in `category`.
fn has_case(cases: &ServiceCases, category: Category, id: &str) -> bool {
    match category {
        Category::ClientRequest => cases.requests_for(AppliesTo::Client).any(|c| c.id == id),
        Category::ServerRequest => cases.requests_for(AppliesTo::Server).any(|c| c.id == id),
        Category::ClientResponse => cases.responses_for(AppliesTo::Client).any(|c| c.id == id),
        Category::ServerResponse => cases.responses_for(AppliesTo::Server).any(|c| c.id == id),
        Category::Malformed => cases.malformed.iter().any(|c| c.id == id),
        Category::EventStreamClient => cases.event_streams_for(AppliesTo::Client).any(|c| c.id == id),
        Category::EventStreamServer => cases.event_streams_for(AppliesTo::Server).any(|c| c.id == id),
    }
}

/// The list's lines for this service's cases. An entry that names a case of
/// no service of the model is stale: an error, so that the list cannot rot.
fn expected_failures_for(list: &str, cases: &ServiceCases, every: &[ServiceCases]) -> Result<String, Error> {
    let entries = expected_failures::parse(list).map_err(|e| Error::at("expected-failure list", e.to_string()))?;
    let mut kept = String::from("# The entries of the expected-failure list for this service.\n");
    let lines: Vec<&str> = list.lines().collect();
    for entry in entries {
        if has_case(cases, entry.category, &entry.id) {
            kept.push_str(lines[entry.line - 1].trim());
            kept.push('\n');
        } else if !every.iter().any(|c| has_case(c, entry.category, &entry.id)) {
            return Err(Error::at(
                "expected-failure list",
                format!("line {}: {} {} is a case of no service of the model", entry.line, entry.category, entry.id),
            ));
        }
    }
    Ok(kept)
}

/// `expected_failures.rs` without its unit tests (they run in smithy-codegen).
fn runner_expected_failures() -> String {
    let source = EXPECTED_FAILURES_SOURCE;
    let end = source.find("#[cfg(test)]").unwrap_or(source.len());
    format!(
        "// Copied from smithy-codegen's protocol_tests/expected_failures.rs.\n#![allow(dead_code)]\n\n{}",
        &source[..end]
    )
}

fn cargo_toml(options: &CrateOptions) -> String {
    let CrateOptions { package, runtime_path, .. } = options;
    format!(
        r#"# @generated by smithy-codegen protocol-tests.
[package]
name = "{package}"
version = "0.0.0"
edition = "2021"
publish = false

[lib]
name = "service"
path = "src/lib.rs"
doctest = false

[[test]]
name = "compliance"
path = "tests/compliance/main.rs"
harness = false

[dependencies]
serde = {{ version = "1.0.200", features = ["derive"] }}
serde_json = "1.0.120"
time = {{ version = "0.3.36", default-features = false, features = ["std", "parsing", "formatting"] }}
http = "1.1"
regex-lite = "0.1.6"
# `event-stream`: the suite's event-stream operations are typed event streams;
# `content-md5` and `request-compression`: its httpChecksumRequired and
# requestCompression operations.
smithy-codegen-runtime = {{ path = {runtime_path:?}, features = ["http", "idempotency-token", "event-stream", "content-md5", "request-compression"] }}

# A crate of its own, outside any workspace it is written into.
[workspace]
"#
    )
}

//! The compliance runner (`harness = false`): runs every case of `cases.rs`
//! (or those whose id or function name contains one of the arguments), prints
//! the failures and one summary line per category, and fails when the run
//! does not match `expected-failures.txt`.
//! Copied into every compliance crate by `smithy-codegen protocol-tests`.

mod cases;
mod checks;
mod event_checks;
mod expected_failures;

use std::panic;
use std::process::ExitCode;

use expected_failures::{judge, parse, Category, Outcome};

const EXPECTED_FAILURES: &str = include_str!("../../expected-failures.txt");

fn main() -> ExitCode {
    // libtest's own flags are accepted and ignored; anything else filters.
    let filters: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with('-')).collect();
    let verbose = std::env::args().any(|a| a == "--verbose" || a == "-v");
    let entries = match parse(EXPECTED_FAILURES) {
        Ok(entries) => entries,
        Err(e) => {
            eprintln!("expected-failures.txt: {e}");
            return ExitCode::FAILURE;
        }
    };
    let selected = |category: Category, id: &str| {
        filters.is_empty()
            || filters.iter().any(|f| id.contains(f.as_str()) || format!("{category} {id}").contains(f.as_str()))
    };
    // A panic is a failure of its case; the hook's report would only repeat it.
    panic::set_hook(Box::new(|_| {}));
    let mut outcomes = Vec::new();
    for case in cases::CASES.iter().filter(|c| selected(c.category, c.id)) {
        let result = match panic::catch_unwind(case.run) {
            Ok(result) => result,
            Err(payload) => Err(format!("panicked: {}", panic_message(&payload))),
        };
        let listed = entries.iter().any(|e| e.category == case.category && e.id == case.id);
        if let Err(message) = &result {
            if !listed || verbose {
                let indented = message.replace('\n', "\n    ");
                println!("FAILED {} {}:\n    {indented}", case.category, case.id);
            }
        }
        outcomes.push(Outcome { category: case.category, id: case.id.to_string(), passed: result.is_ok() });
    }
    let _ = panic::take_hook();
    let entries: Vec<_> = entries.into_iter().filter(|e| selected(e.category, &e.id)).collect();
    let verdict = judge(&entries, &outcomes);
    for category in Category::ALL {
        let of = |o: &&Outcome| o.category == category;
        let ran = outcomes.iter().filter(of).count();
        let passed = outcomes.iter().filter(of).filter(|o| o.passed).count();
        let listed_failures = outcomes
            .iter()
            .filter(of)
            .filter(|o| !o.passed && entries.iter().any(|e| e.category == category && e.id == o.id))
            .count();
        println!(
            "{:<19} {ran:>4} cases: {passed:>4} passed, {:>4} failed ({listed_failures} expected)",
            category.as_str(),
            ran - passed
        );
    }
    for (category, id) in &verdict.unexpected_failures {
        println!("unexpected failure: {category} {id} (fix it, or list it with a reason)");
    }
    for (category, id) in &verdict.unexpected_passes {
        println!("unexpected pass: {category} {id} (remove it from the expected-failure list)");
    }
    for (category, id) in &verdict.not_run {
        println!("listed but not run: {category} {id} (remove it from the expected-failure list)");
    }
    if verdict.is_success() {
        println!("compliance: ok");
        ExitCode::SUCCESS
    } else {
        println!("compliance: FAILED");
        ExitCode::FAILURE
    }
}

fn panic_message(payload: &Box<dyn std::any::Any + Send>) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".into())
}

//! `smithy-codegen protocol-tests`: writes the compliance crate of a service
//! (see `smithy_codegen::protocol_tests::compliance_crate`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use smithy_codegen::protocol_tests::{compliance_crate, pick_service, CrateOptions};

pub const USAGE: &str = "  smithy-codegen protocol-tests --model PATH... [--service ID] --out DIR
                          [--runtime-path DIR] [--expected-failures FILE] [--package NAME]";

struct Options {
    models: Vec<PathBuf>,
    service: Option<String>,
    out: PathBuf,
    runtime: Option<PathBuf>,
    expected_failures: Option<PathBuf>,
    package: Option<String>,
}

fn parse(args: &[String]) -> Result<Options, String> {
    const VALUES: &[&str] = &["--model", "--service", "--out", "--runtime-path", "--expected-failures", "--package"];
    let args = crate::Args::parse(args, VALUES, &[])?;
    if let Some(extra) = args.positional.first() {
        return Err(format!("protocol-tests: unexpected argument `{extra}`\nusage:\n{USAGE}"));
    }
    let models: Vec<PathBuf> = args.all("--model").into_iter().map(PathBuf::from).collect();
    if models.is_empty() {
        return Err("protocol-tests: --model is required".into());
    }
    Ok(Options {
        models,
        service: args.one("--service")?,
        out: args.one("--out")?.map(PathBuf::from).ok_or("protocol-tests: --out DIR is required")?,
        runtime: args.one("--runtime-path")?.map(PathBuf::from),
        expected_failures: args.one("--expected-failures")?.map(PathBuf::from),
        package: args.one("--package")?,
    })
}

/// The workspace's `runtime/` directory above the current directory, if any.
fn workspace_runtime() -> Option<PathBuf> {
    let start = std::env::current_dir().ok()?;
    start.ancestors().map(|dir| dir.join("runtime")).find(|dir| {
        std::fs::read_to_string(dir.join("Cargo.toml")).is_ok_and(|t| t.contains("name = \"smithy-codegen-runtime\""))
    })
}

/// Runs `protocol-tests` with the arguments after the command name.
pub fn run(args: &[String]) -> Result<ExitCode, String> {
    let options = parse(args)?;
    let model = smithy_codegen::idl::load_paths(&options.models).map_err(|e| e.to_string())?;
    let service = pick_service(&model, options.service.as_deref())?;
    let runtime = match options.runtime.or_else(workspace_runtime) {
        Some(dir) => dir.canonicalize().map_err(|e| format!("runtime path {}: {e}", dir.display()))?,
        None => return Err("protocol-tests: --runtime-path is required outside the lambda-model workspace".into()),
    };
    let expected_failures = match &options.expected_failures {
        Some(path) => std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?,
        None => String::new(),
    };
    let service_name = service.split_once('#').map_or(service.as_str(), |(_, name)| name);
    let package = options.package.unwrap_or_else(|| format!("{}-compliance", service_name.to_ascii_lowercase()));
    let crate_options = CrateOptions { package, runtime_path: runtime.display().to_string(), expected_failures };
    let built = compliance_crate(&model, &service, &crate_options).map_err(|e| e.to_string())?;
    for (path, text) in &built.files {
        write_file(&options.out.join(path), text)?;
    }
    // The workspace's lock file pins versions its build has already fetched.
    if let Some(lock) = runtime.parent().map(|root| root.join("Cargo.lock")).filter(|p| p.is_file()) {
        std::fs::copy(&lock, options.out.join("Cargo.lock"))
            .map_err(|e| format!("cannot copy {}: {e}", lock.display()))?;
    }
    let counts: Vec<String> = built.case_counts.iter().map(|(c, n)| format!("{c} {n}")).collect();
    let mut summary = format!("{service}: wrote {} ({})\n", options.out.display(), counts.join(", "));
    for (op, reason) in &built.skipped_operations {
        summary.push_str(&format!("left out {op}: {reason}\n"));
    }
    crate::report(&summary)?;
    Ok(ExitCode::SUCCESS)
}

fn write_file(path: &Path, text: &str) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

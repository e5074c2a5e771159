//! Command line of the generator: `generate`, `check`, `extract`, `diff`,
//! `features` and `convert`; every `--model` takes JSON AST, IDL or a directory,
//! and may be given several times.
//!
//! Exit status: 0 on success, 1 when `check` finds a stale file or `diff`
//! finds breaking changes, 2 on bad input (arguments, unreadable or invalid
//! model, unknown operation). Reports go to stdout; errors (prefixed with
//! `error:`) and notes go to stderr. A reader that stops early (`diff ... | head -1`)
//! is not an error: the command ends quietly with the exit code it would have had.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use smithy_codegen::{ast, diff, extract, Settings};

mod convert_command;
mod protocol_tests_command;

/// Steps slower than this report their duration on stderr.
const SLOW: Duration = Duration::from_millis(1500);

fn usage() -> &'static str {
    "usage:
  smithy-codegen generate --model PATH... [--operation ID ...] [--all-operations]
                          [--protocol-feature NAME|none] [--crate-name NAME]
                          [--operation-features] --out FILE
  smithy-codegen check    --model PATH... [--operation ID ...] [--all-operations]
                          [--protocol-feature NAME|none] [--crate-name NAME]
                          [--operation-features] --generated FILE
  smithy-codegen extract  --model PATH... [--operation ID ...] [--docs upstream|keep:FILE|none] --out FILE
  smithy-codegen diff     OLD NEW [--operation ID ...] [--format text|json]
  smithy-codegen features --model PATH...   (the Cargo [features] of one feature per operation)
  smithy-codegen convert  --model PATH... --to json|idl [--out FILE|DIR]
  smithy-codegen protocol-tests --model PATH... [--service ID] --out DIR
                          [--runtime-path DIR] [--expected-failures FILE] [--package NAME]

--model PATH: a JSON AST file, a Smithy IDL file (.smithy) or a directory of
  both; several --model values (IDL and JSON mixed) merge into one model. diff
  takes one such path per side.
Operation ids are absolute (`com.amazonaws.lambda#GetLayerVersion`) or bare names.
generate/check: without --operation, every operation of the model is generated;
  --protocol-feature gates the HTTP layer behind that Cargo feature (default: none,
  ungated); --crate-name gives every operation module a doc example written
  against that crate path; --operation-features says the crate has one Cargo
  feature per operation (docs name it, with a docs.rs badge). In the lambda-model workspace, `cargo lambda-generate` and
  `cargo lambda-check` run them with that crate's settings.
extract: --docs upstream (default) keeps the model's documentation; none drops it
  and every trait outside smithy.api, aws.protocols, aws.api, aws.auth (and
  smithy.api#tags); keep:FILE does what none does, then takes the documentation
  of existing shapes and members from FILE and lists what is left undocumented.
  Without --operation, every operation is extracted.
diff: compares the closures of the operations present in both models (or of
  --operation); exit 1 when a change is breaking.
protocol-tests: writes a crate whose `cargo test` runs the service's Smithy
  protocol compliance cases (client and server side) against the generated code
  and prints one line per category; --service picks one service of a model with
  several; --runtime-path is smithy-codegen-runtime's directory (default: runtime/
  of the workspace it runs in, whose Cargo.lock is copied too); --expected-failures
  lists the cases known to fail (default: none). Operations that do not generate
  are left out, and their cases fail with the generator's error.
Exit status: 0 ok, 1 stale (check) or breaking changes (diff), 2 bad input.
"
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(message) => {
            note(&format!("error: {message}"));
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let Some((command, rest)) = args.split_first() else {
        return Err(format!("no command given\n{}", usage()));
    };
    if rest.iter().any(|a| a == "--help" || a == "-h") {
        report(usage())?;
        return Ok(ExitCode::SUCCESS);
    }
    match command.as_str() {
        "generate" => generate(rest),
        "check" => check(rest),
        "extract" => extract(rest),
        "diff" => diff_command(rest),
        "features" => features(rest),
        "convert" => convert_command::run(rest),
        "protocol-tests" => protocol_tests_command::run(rest),
        "--help" | "-h" | "help" => {
            report(usage())?;
            Ok(ExitCode::SUCCESS)
        }
        other => Err(format!("unknown command `{other}`\n{}", usage())),
    }
}

/// Parsed arguments: flag values in order, switches, positionals.
#[derive(Debug, Default)]
struct Args {
    values: BTreeMap<String, Vec<String>>,
    switches: Vec<String>,
    positional: Vec<String>,
}

impl Args {
    /// Reads `--flag value`, `--flag=value` and switches; anything else not
    /// starting with `--` is positional.
    fn parse(args: &[String], value_flags: &[&str], switch_flags: &[&str]) -> Result<Args, String> {
        let mut out = Args::default();
        let mut it = args.iter();
        while let Some(arg) = it.next() {
            if !arg.starts_with("--") {
                out.positional.push(arg.clone());
                continue;
            }
            let (flag, inline) = match arg.split_once('=') {
                Some((f, v)) => (f, Some(v.to_string())),
                None => (arg.as_str(), None),
            };
            if value_flags.contains(&flag) {
                let value = match inline {
                    Some(v) => v,
                    None => it.next().cloned().ok_or_else(|| format!("{flag} needs a value"))?,
                };
                out.values.entry(flag.to_string()).or_default().push(value);
            } else if switch_flags.contains(&flag) && inline.is_none() {
                out.switches.push(flag.to_string());
            } else {
                return Err(format!("unknown flag `{arg}`\n{}", usage()));
            }
        }
        Ok(out)
    }

    fn all(&self, flag: &str) -> Vec<String> {
        self.values.get(flag).cloned().unwrap_or_default()
    }

    /// The single value of `flag`; an error when given twice.
    fn one(&self, flag: &str) -> Result<Option<String>, String> {
        match self.values.get(flag).map(Vec::as_slice) {
            None | Some([]) => Ok(None),
            Some([v]) => Ok(Some(v.clone())),
            Some(_) => Err(format!("{flag} given more than once")),
        }
    }

    fn switch(&self, flag: &str) -> bool {
        self.switches.iter().any(|s| s == flag)
    }
}

/// Runs `f`, noting its duration on stderr when it is slow.
fn timed<T>(label: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let value = f();
    let elapsed = start.elapsed();
    if elapsed >= SLOW {
        note(&format!("{label}: {:.1}s", elapsed.as_secs_f64()));
    }
    value
}

fn read(path: &str) -> Result<Vec<u8>, String> {
    if let Some(json) = convert_command::idl_model_as_json(Path::new(path))? {
        return Ok(json);
    }
    std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))
}

/// The JSON AST bytes of the model that the `--model` values make together:
/// one JSON file is read as it is (so that `generate --operation` still parses
/// only what it needs); IDL, directories and several paths are merged as
/// `convert` merges them.
fn read_models(paths: &[String]) -> Result<Vec<u8>, String> {
    match paths {
        [] => Err("--model is required".into()),
        [path] => read(path),
        _ => convert_command::models_as_json(paths),
    }
}

/// How messages name the model of several `--model` values.
fn model_label(paths: &[String]) -> String {
    paths.join(" + ")
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// What `generate` and `check` generate.
struct Generation {
    models: Vec<String>,
    operations: Vec<String>,
    settings: Settings,
}

impl Generation {
    fn from_args(args: &Args) -> Result<Generation, String> {
        let models = args.all("--model");
        if models.is_empty() {
            return Err("--model is required".into());
        }
        let operations = args.all("--operation");
        if args.switch("--all-operations") && !operations.is_empty() {
            return Err("--all-operations and --operation exclude each other".into());
        }
        let mut settings = Settings::new();
        settings.with_skip_look_around_patterns(true);
        if let Some(feature) = args.one("--protocol-feature")?.filter(|f| f != "none") {
            settings.with_protocol_feature(feature);
        }
        if let Some(name) = args.one("--crate-name")? {
            settings.with_crate_name(name);
        }
        settings.with_operation_features(args.switch("--operation-features"));
        Ok(Generation { models, operations, settings })
    }

    fn run(&self) -> Result<String, String> {
        let bytes = read_models(&self.models)?;
        let label = model_label(&self.models);
        let ops: Vec<&str> = self.operations.iter().map(String::as_str).collect();
        timed(&format!("generated from {label}"), || self.settings.generate(&bytes, &ops))
            .map_err(|e| format!("{label}: {e}"))
    }
}

fn generation_flags() -> Vec<&'static str> {
    vec!["--model", "--operation", "--protocol-feature", "--crate-name"]
}

/// The switches of `generate` and `check`.
const GENERATION_SWITCHES: &[&str] = &["--all-operations", "--operation-features"];

fn generate(rest: &[String]) -> Result<ExitCode, String> {
    let mut flags = generation_flags();
    flags.push("--out");
    let args = Args::parse(rest, &flags, GENERATION_SWITCHES)?;
    if let Some(p) = args.positional.first() {
        return Err(format!("unexpected argument `{p}`\n{}", usage()));
    }
    let generation = Generation::from_args(&args)?;
    let out = args.one("--out")?.ok_or("generate: --out is required")?;
    let code = generation.run()?;
    write(Path::new(&out), &code)?;
    Ok(ExitCode::SUCCESS)
}

fn check(rest: &[String]) -> Result<ExitCode, String> {
    let mut flags = generation_flags();
    flags.push("--generated");
    let args = Args::parse(rest, &flags, GENERATION_SWITCHES)?;
    if let Some(p) = args.positional.first() {
        return Err(format!("unexpected argument `{p}`\n{}", usage()));
    }
    let generation = Generation::from_args(&args)?;
    let path = PathBuf::from(args.one("--generated")?.ok_or("check: --generated is required")?);
    let fresh = generation.run()?;

    // The command that refreshes the file: `generate` with the same arguments.
    let mut refresh = String::from("cargo run -p smithy-codegen -- generate");
    let mut it = rest.iter();
    while let Some(a) = it.next() {
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) => (f, Some(v)),
            None => (a.as_str(), None),
        };
        let flag = if flag == "--generated" { "--out" } else { flag };
        refresh.push(' ');
        refresh.push_str(flag);
        if let Some(v) = inline {
            refresh.push('=');
            refresh.push_str(v);
        } else if !GENERATION_SWITCHES.contains(&flag) {
            if let Some(v) = it.next() {
                refresh.push(' ');
                refresh.push_str(v);
            }
        }
    }

    let current = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            note(&format!("error: {} does not exist; generate it with `{refresh}`", path.display()));
            return Ok(ExitCode::from(1));
        }
        Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
    };
    if current == fresh.as_bytes() {
        return Ok(ExitCode::SUCCESS);
    }
    let current = String::from_utf8_lossy(&current);
    let line = current
        .lines()
        .zip(fresh.lines())
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| current.lines().count().min(fresh.lines().count()))
        + 1;
    note(&format!("error: {} is stale (first difference at line {line}); refresh it with `{refresh}`", path.display()));
    Ok(ExitCode::from(1))
}

/// The `--docs` policy of `extract`.
enum Docs {
    Upstream,
    None,
    Keep(String),
}

fn extract(rest: &[String]) -> Result<ExitCode, String> {
    let args = Args::parse(rest, &["--model", "--operation", "--docs", "--out"], &[])?;
    if let Some(p) = args.positional.first() {
        return Err(format!("unexpected argument `{p}`\n{}", usage()));
    }
    let model_paths = args.all("--model");
    if model_paths.is_empty() {
        return Err("extract: --model is required".into());
    }
    let out = args.one("--out")?.ok_or("extract: --out is required")?;
    let docs = match args.one("--docs")?.as_deref() {
        None | Some("upstream") => Docs::Upstream,
        Some("none") => Docs::None,
        Some(other) => match other.strip_prefix("keep:") {
            Some(file) if !file.is_empty() => Docs::Keep(file.to_string()),
            _ => return Err(format!("--docs must be upstream, none or keep:FILE, not `{other}`")),
        },
    };
    // Read the documentation source first: a bad FILE fails before any work.
    let ours = match &docs {
        Docs::Keep(file) => Some(ast::parse(&read(file)?).map_err(|e| format!("{file}: {e}"))?),
        _ => None,
    };
    let bytes = read_models(&model_paths)?;
    let label = model_label(&model_paths);
    let operations = args.all("--operation");
    let ops: Vec<&str> = operations.iter().map(String::as_str).collect();
    let mut model = timed(&format!("read and resolved {label}"), || {
        let ast = ast::parse(&bytes)?;
        extract::extract(&ast, &ops)
    })
    .map_err(|e| format!("{label}: {e}"))?;
    let missing = match (&docs, &ours) {
        (Docs::None, _) => {
            extract::strip_docs(&mut model);
            Vec::new()
        }
        (Docs::Keep(_), Some(ours)) => extract::keep_docs(&mut model, ours),
        _ => Vec::new(),
    };
    write(Path::new(&out), &ast::to_json_pretty(&model))?;
    note(&format!("wrote {} shapes to {out}", model.shapes.len()));
    if let Docs::Keep(file) = &docs {
        if missing.is_empty() {
            note(&format!("every documented shape and member has its documentation from {file}"));
        } else {
            note(&format!(
                "documentation missing for {} shapes/members (not in {file}); write it in {out}:",
                missing.len()
            ));
            for m in &missing {
                note(&format!("  {m}"));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn diff_command(rest: &[String]) -> Result<ExitCode, String> {
    let args = Args::parse(rest, &["--operation", "--format"], &[])?;
    let [old, new] = args.positional.as_slice() else {
        return Err(format!("diff needs two model files, OLD and NEW\n{}", usage()));
    };
    let format = args.one("--format")?.unwrap_or_else(|| "text".into());
    if format != "text" && format != "json" {
        return Err(format!("--format must be text or json, not `{format}`"));
    }
    let operations = args.all("--operation");
    let ops: Vec<&str> = operations.iter().map(String::as_str).collect();
    let (old_bytes, new_bytes) = (read(old)?, read(new)?);
    let changes = timed("compared the models", || -> Result<_, String> {
        let old_model = resolve(old, &old_bytes)?;
        let new_model = resolve(new, &new_bytes)?;
        let common: Vec<String>;
        let ops: Vec<&str> = if ops.is_empty() {
            common = diff::common_operations(&old_model, &new_model).map_err(|e| e.to_string())?;
            if common.is_empty() {
                return Err("the two models have no operation in common; name the operations with --operation".into());
            }
            common.iter().map(String::as_str).collect()
        } else {
            ops
        };
        let closure = |path: &str, model: &smithy_codegen::ir::Model| {
            smithy_codegen::closure::closure(model, &ops).map_err(|e| format!("{path}: {e}"))
        };
        let old_side = diff::Side { closure: closure(old, &old_model)?, model: old_model };
        let new_side = diff::Side { closure: closure(new, &new_model)?, model: new_model };
        Ok(diff::diff(&old_side, &new_side))
    })?;
    if format == "json" {
        report(&diff::to_json(&changes))?;
    } else {
        report(&diff::to_text(&changes))?;
    }
    let breaking = diff::Summary::of(&changes).breaking > 0;
    Ok(if breaking { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn resolve(path: &str, bytes: &[u8]) -> Result<smithy_codegen::ir::Model, String> {
    let at = |e: smithy_codegen::Error| format!("{path}: {e}");
    smithy_codegen::ir::resolve(&ast::parse(bytes).map_err(at)?).map_err(at)
}

/// Prints the `[features]` entries of a crate with one feature per operation
/// of the model, plus `full`; `tests/features.rs` keeps Cargo.toml in step.
fn features(rest: &[String]) -> Result<ExitCode, String> {
    let args = Args::parse(rest, &["--model"], &[])?;
    let models = args.all("--model");
    if models.is_empty() || !args.positional.is_empty() {
        return Err(format!("features takes --model PATH [--model PATH ...]\n{}", usage()));
    }
    let bytes = read_models(&models)?;
    let label = model_label(&models);
    let operations = smithy_codegen::operation_names(&bytes).map_err(|e| format!("{label}: {e}"))?;
    let names: Vec<String> = operations.iter().map(|name| smithy_codegen::render::names::cargo_feature(name)).collect();
    let mut text: String = names.iter().map(|name| format!("{name} = []\n")).collect();
    let all: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
    text.push_str(&format!("full = [{}]\n", all.join(", ")));
    report(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// Writes to stdout; every report goes through here. A closed stdout (the
/// reader of a pipe has gone, as with `| head -1`) is not an error: nobody is
/// left to read the rest, and the command keeps the exit code it would have had.
fn report(text: &str) -> Result<(), String> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(format!("cannot write to stdout: {e}")),
        _ => Ok(()),
    }
}

/// Writes one line to stderr. When stderr itself is closed there is nobody to
/// tell, so a failed write is dropped rather than turned into a panic.
fn note(line: &str) {
    writeln!(std::io::stderr().lock(), "{line}").ok();
}

//! `smithy-codegen convert`: reads models (JSON AST and IDL; the binary's
//! `cli` feature brings the `idl` one) and prints them as sorted JSON AST or as IDL. Part of the binary;
//! [`idl_model_as_json`] lets the other commands take IDL too.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use smithy_codegen::ast::{self, AstModel, OrderedMap};

pub const USAGE: &str = "  smithy-codegen convert  --model PATH [--model PATH ...] --to json|idl [--out FILE|DIR]";

/// Runs `convert` with the arguments after the command name.
pub fn run(args: &[String]) -> Result<ExitCode, String> {
    let args = crate::Args::parse(args, &["--model", "--to", "--out"], &[])?;
    if let Some(extra) = args.positional.first() {
        return Err(format!("convert: unexpected argument `{extra}`\nusage:\n{USAGE}"));
    }
    let models: Vec<PathBuf> = args.all("--model").into_iter().map(PathBuf::from).collect();
    let (to, out) = (args.one("--to")?, args.one("--out")?.map(PathBuf::from));
    if models.is_empty() {
        return Err("convert: --model is required".into());
    }
    let model = load(&models)?;
    match to.as_deref() {
        Some("json") => emit(out.as_deref(), &sorted_json(&model)),
        Some("idl") => idl_output(&model, out.as_deref()),
        Some(other) => Err(format!("convert: --to must be json or idl, not `{other}`")),
        None => Err("convert: --to json|idl is required".into()),
    }?;
    Ok(ExitCode::SUCCESS)
}

/// The model as JSON AST with shapes sorted by id, so that outputs diff well
/// (members keep their declaration order: it is part of the model).
pub fn sorted_json(model: &AstModel) -> String {
    let mut shapes = model.shapes.0.clone();
    shapes.sort_by(|(a, _), (b, _)| a.cmp(b));
    let sorted =
        AstModel { smithy: model.smithy.clone(), metadata: model.metadata.clone(), shapes: OrderedMap(shapes) };
    ast::to_json_pretty(&sorted)
}

fn emit(out: Option<&Path>, text: &str) -> Result<(), String> {
    match out {
        Some(path) => std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display())),
        None => super::report(text),
    }
}

/// For an IDL model (a `.smithy` file or a directory), its JSON AST bytes;
/// `None` for anything else (read as JSON AST by the caller).
pub fn idl_model_as_json(path: &Path) -> Result<Option<Vec<u8>>, String> {
    if !(path.is_dir() || path.extension().is_some_and(|e| e == "smithy")) {
        return Ok(None);
    }
    let model = load(&[path.to_path_buf()])?;
    Ok(Some(ast::to_json_pretty(&model).into_bytes()))
}

/// Several model paths (IDL and JSON AST, files and directories) merged into
/// one model, as JSON AST bytes.
pub fn models_as_json(paths: &[String]) -> Result<Vec<u8>, String> {
    let paths: Vec<PathBuf> = paths.iter().map(PathBuf::from).collect();
    Ok(ast::to_json_pretty(&load(&paths)?).into_bytes())
}

fn load(paths: &[PathBuf]) -> Result<AstModel, String> {
    smithy_codegen::idl::load_paths(paths).map_err(|e| e.to_string())
}

/// One namespace prints to `--out FILE` or stdout; several need `--out DIR`
/// (an IDL file holds one namespace), which gets `NAMESPACE.smithy` files.
fn idl_output(model: &AstModel, out: Option<&Path>) -> Result<(), String> {
    let files = smithy_codegen::idl::to_idl(model);
    match (files.as_slice(), out) {
        ([(_, text)], out) if out.is_none_or(|o| !o.is_dir()) => emit(out, text),
        (_, Some(dir)) if dir.is_dir() => {
            for (namespace, text) in &files {
                let path = dir.join(format!("{namespace}.smithy"));
                std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            }
            Ok(())
        }
        _ => Err(format!(
            "convert: the model has {} namespaces and an IDL file holds one: give --out DIR (an existing directory)",
            files.len()
        )),
    }
}

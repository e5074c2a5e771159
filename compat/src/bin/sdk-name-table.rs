//! Prints the name table of an aws-sdk-* crate's source directory on stdout:
//! `sdk-name-table ~/.cargo/registry/src/*/aws-sdk-lambda-1.156.0/src`.
//! `scripts/sdk-name-table` fetches the crate and runs this.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use sdk_compat::name_table::{normalize, read_source, Entry};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [src] = args.as_slice() else {
        eprintln!("usage: sdk-name-table SDK_SRC_DIR");
        return ExitCode::from(2);
    };
    match table(Path::new(src)) {
        Ok(entries) => {
            let mut text = String::new();
            for entry in entries {
                text.push_str(&entry.to_string());
                text.push('\n');
            }
            // A closed stdout (`| head`) is not an error worth a panic.
            use std::io::Write;
            let _ = std::io::stdout().write_all(text.as_bytes());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("sdk-name-table: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The names of the `types` and `operation` modules, where the model's shapes live.
fn table(src: &Path) -> Result<Vec<Entry>, String> {
    let mut files = Vec::new();
    for top in ["types", "operation"] {
        let file = src.join(format!("{top}.rs"));
        if !file.is_file() {
            return Err(format!("{} is missing: is this an aws-sdk-* `src` directory?", file.display()));
        }
        files.push(file);
        collect(&src.join(top), &mut files)?;
    }
    files.sort();
    let mut entries = Vec::new();
    for file in files {
        let source = std::fs::read_to_string(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        let module = module_of(src, &file);
        entries.extend(read_source(&source, &module).map_err(|e| format!("{}: {e}", file.display()))?);
    }
    Ok(normalize(entries))
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), String> {
    let Ok(read) = std::fs::read_dir(dir) else { return Ok(()) };
    for item in read {
        let path = item.map_err(|e| format!("cannot list {}: {e}", dir.display()))?.path();
        if path.is_dir() {
            collect(&path, files)?;
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    Ok(())
}

/// The public module of a file: `types/error/_efsio_exception.rs` -> `types::error`
/// (`_`-prefixed modules are private, their items re-exported by the parent).
fn module_of(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).unwrap_or(file).with_extension("");
    let parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .filter(|part| !part.starts_with('_'))
        .collect();
    parts.join("::")
}

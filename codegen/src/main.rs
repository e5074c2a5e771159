//! Command line of the generator.

use std::process::ExitCode;

fn usage() -> &'static str {
    "usage:\n  smithy-codegen generate --model FILE [--operation ID ...] [--protocol-feature NAME] --out FILE\n"
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let Some((command, rest)) = args.split_first() else {
        return Err(usage().to_string());
    };
    match command.as_str() {
        "generate" => {
            let mut model = None;
            let mut out = None;
            let mut ops = Vec::new();
            let mut settings = smithy_codegen::Settings::default();
            let mut it = rest.iter();
            while let Some(flag) = it.next() {
                let mut value = || it.next().cloned().ok_or_else(|| format!("{flag} needs a value"));
                match flag.as_str() {
                    "--model" => model = Some(value()?),
                    "--out" => out = Some(value()?),
                    "--operation" => ops.push(value()?),
                    "--protocol-feature" => settings.protocol_feature = Some(value()?),
                    other => return Err(format!("unknown flag `{other}`\n{}", usage())),
                }
            }
            let model = model.ok_or("--model is required")?;
            let out = out.ok_or("--out is required")?;
            let bytes = std::fs::read(&model).map_err(|e| format!("cannot read {model}: {e}"))?;
            let ops: Vec<&str> = ops.iter().map(String::as_str).collect();
            let code = smithy_codegen::generate(&bytes, &ops, &settings).map_err(|e| format!("{model}: {e}"))?;
            std::fs::write(&out, code).map_err(|e| format!("cannot write {out}: {e}"))?;
            Ok(ExitCode::SUCCESS)
        }
        "--help" | "-h" | "help" => {
            print!("{}", usage());
            Ok(ExitCode::SUCCESS)
        }
        other => Err(format!("unknown command `{other}`\n{}", usage())),
    }
}

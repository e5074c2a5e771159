//! A local GetLayerVersion server for trying the client example and for tests.
//!
//! ```text
//! cargo run -p lambda-model-interop --example layer_server -- --listen 127.0.0.1:9001 [--data DIR]
//! ```
//!
//! Without `--data` it serves the documented example as `my-layer` version 1;
//! with it, every `DIR/<name>/<version>.json` (a GetLayerVersion response body).
//! It prints `listening on http://ADDR` once bound, so port 0 works for scripts.

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use lambda_model_interop::server::{self, LayerStore};

const USAGE: &str = "\
usage: layer_server --listen ADDR [--data DIR]

  --listen ADDR  loopback address and port to listen on, e.g. 127.0.0.1:9001
                 (port 0 picks a free port; the bound address is printed)
  --data DIR     serve DIR/<name>/<version>.json, each a GetLayerVersion
                 response body; without it, `my-layer` version 1 is the
                 documented example";

struct Args {
    listen: SocketAddr,
    data: Option<PathBuf>,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut listen = None;
    let mut data = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--listen" => {
                let value = args.next().ok_or("--listen needs a value")?;
                let addr: SocketAddr =
                    value.parse().map_err(|_| format!("--listen: `{value}` is not an IP address and port"))?;
                if !addr.ip().is_loopback() {
                    return Err(format!(
                        "--listen: {addr} is not a loopback address; this server is for local use only"
                    ));
                }
                listen = Some(addr);
            }
            "--data" => data = Some(PathBuf::from(args.next().ok_or("--data needs a value")?)),
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unexpected argument `{other}`")),
        }
    }
    Ok(Args { listen: listen.ok_or("--listen is required")?, data })
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(problem) => {
            if !problem.is_empty() {
                eprintln!("error: {problem}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let store = match &args.data {
        None => LayerStore::built_in(),
        Some(dir) => match LayerStore::from_dir(dir) {
            Ok(store) => store,
            Err(e) => {
                eprintln!("error: cannot read the data directory {}: {e}", dir.display());
                return ExitCode::from(2);
            }
        },
    };
    for skipped in store.skipped() {
        eprintln!("skipped {skipped}");
    }
    eprintln!("serving {} layer version(s)", store.version_count());

    let listener = match tokio::net::TcpListener::bind(args.listen).await {
        Ok(listener) => listener,
        Err(e) => {
            eprintln!("error: cannot listen on {}: {e}", args.listen);
            return ExitCode::FAILURE;
        }
    };
    let addr = match listener.local_addr() {
        Ok(addr) => addr,
        Err(e) => {
            eprintln!("error: cannot read the bound address: {e}");
            return ExitCode::FAILURE;
        }
    };
    // stdout may be a pipe read by a script waiting for this line: flush it, and
    // keep serving (rather than panic as `println!` would) if nobody reads it.
    let mut stdout = std::io::stdout();
    if let Err(e) = writeln!(stdout, "listening on http://{addr}").and_then(|()| stdout.flush()) {
        eprintln!("listening on http://{addr} (cannot write to stdout: {e})");
    }

    server::serve(listener, Arc::new(store)).await;
    ExitCode::SUCCESS
}

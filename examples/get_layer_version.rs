//! GetLayerVersion with the generated sans-IO glue, offline: builds the
//! request for `my-layer` version 1, then decodes the documented example
//! response into the typed output. It needs no HTTP client and no network.
//!
//! ```text
//! cargo run --example get_layer_version
//! ```
//!
//! The same over real HTTP (ureq, SigV4 when credentials are set), against the
//! hyper layer server or the real service, is the `lambda-model-interop`
//! workspace member's example:
//!
//! ```text
//! cargo run -p lambda-model-interop --example layer_server -- --listen 127.0.0.1:9001 &
//! cargo run -p lambda-model-interop --example fetch_layer_version -- --endpoint http://127.0.0.1:9001
//! ```

use std::process::ExitCode;

use lambda_model::operation::get_layer_version::{GetLayerVersionError, GetLayerVersionInput, GetLayerVersionOutput};

/// `println!` that ignores a closed stdout (say, `| head`) instead of panicking.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

/// The documented GetLayerVersion response body.
const EXAMPLE_RESPONSE: &str = include_str!("../tests/data/get_layer_version_example.json");

fn main() -> ExitCode {
    if let Some(argument) = std::env::args().nth(1) {
        eprintln!("error: unexpected argument `{argument}`");
        eprintln!(
            "usage: get_layer_version (no arguments; for HTTP, see lambda-model-interop's fetch_layer_version example)"
        );
        return ExitCode::from(2);
    }
    let request = match build_request("my-layer", 1) {
        Ok(request) => request,
        Err(problem) => {
            eprintln!("error: {problem}");
            return ExitCode::FAILURE;
        }
    };
    say!("request: {} {}", request.method(), request.uri());

    let response = http::Response::builder()
        .status(200)
        .header(http::header::CONTENT_TYPE, "application/json")
        .body(EXAMPLE_RESPONSE.as_bytes().to_vec());
    let response = match response {
        Ok(response) => response,
        Err(e) => {
            eprintln!("error: cannot build the example response: {e}");
            return ExitCode::FAILURE;
        }
    };
    say!("response (documented example): HTTP {}", response.status());
    report(GetLayerVersionOutput::from_http_response(&response))
}

/// The input, checked against the model's constraints, as an HTTP request.
fn build_request(layer: &str, version: i64) -> Result<http::Request<Vec<u8>>, String> {
    let input =
        GetLayerVersionInput::builder().layer_name(layer).version_number(version).build().map_err(|e| e.to_string())?;
    input.to_http_request().map_err(|e| e.to_string())
}

/// Prints the typed output (exit 0) or the typed error (exit 1).
fn report(result: Result<GetLayerVersionOutput, GetLayerVersionError>) -> ExitCode {
    match result {
        Ok(output) => {
            say!("{output:#?}");
            match output.created_date_time() {
                Some(Ok(created)) => say!("created_date_time: {created}"),
                Some(Err(e)) => say!("created_date_time: {e}"),
                None => say!("created_date_time: (no CreatedDate)"),
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            say!(
                "GetLayerVersion failed: HTTP {} {} (retryable: {})",
                error.status(),
                error.code().unwrap_or("(no error code)"),
                error.is_retryable()
            );
            if let Some(message) = error.message() {
                say!("message: {message}");
            }
            say!("{error:#?}");
            ExitCode::FAILURE
        }
    }
}

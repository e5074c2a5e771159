//! GetLayerVersion over HTTP with the generated sans-IO glue: builds the
//! request, sends it with ureq and decodes the real response (or error). Try it
//! against the local server of the `layer_server` example:
//!
//! ```text
//! cargo run -p lambda-model-interop --example layer_server -- --listen 127.0.0.1:9001 &
//! cargo run -p lambda-model-interop --example fetch_layer_version -- --endpoint http://127.0.0.1:9001 --layer my-layer --version 1
//! ```
//!
//! (The root crate's `cargo run --example get_layer_version` is the offline
//! version of this: no HTTP client, no network.)
//!
//! With `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY` (and optionally
//! `AWS_SESSION_TOKEN`) set, the request is signed with SigV4 for the region in
//! `AWS_REGION` or `AWS_DEFAULT_REGION` (default `us-east-1`), so it also works
//! against `https://lambda.REGION.amazonaws.com`.

use std::net::IpAddr;
use std::process::ExitCode;
use std::time::{Duration, SystemTime};

use aws_credential_types::Credentials;
use aws_sigv4::http_request::{sign, SignableBody, SignableRequest, SigningSettings};
use aws_sigv4::sign::v4;
use lambda_model::operation::get_layer_version::{GetLayerVersionInput, GetLayerVersionOutput};

/// `println!` that ignores a closed stdout (say, `| head`) instead of panicking.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

/// Largest response body read from the endpoint.
const MAX_RESPONSE_BODY: u64 = 10 * 1024 * 1024;

const USAGE: &str = "\
usage: fetch_layer_version --endpoint URL [--layer NAME] [--version N]

  --endpoint URL      send the request to URL (http:// or https://, no path),
                      e.g. http://127.0.0.1:9001 or https://lambda.us-east-2.amazonaws.com
  --layer NAME        layer name or layer ARN (default my-layer)
  --version N         layer version number (default 1)

With AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY set (AWS_SESSION_TOKEN optional),
requests are signed with SigV4 for AWS_REGION / AWS_DEFAULT_REGION (default us-east-1).";

/// Where to send the request.
struct Endpoint {
    /// `scheme://authority`, without a trailing slash.
    base: String,
    /// The `host` header: the authority as written.
    host: http::HeaderValue,
    /// Whether the host is this machine (then proxies from the environment are not used).
    loopback: bool,
}

struct Remote {
    endpoint: Endpoint,
    layer: String,
    version: i64,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Remote, String> {
    let mut endpoint = None;
    let mut layer = None;
    let mut version = None;
    while let Some(arg) = args.next() {
        let mut value = |flag: &str| args.next().ok_or_else(|| format!("{flag} needs a value"));
        match arg.as_str() {
            "--endpoint" => endpoint = Some(parse_endpoint(&value("--endpoint")?)?),
            "--layer" => layer = Some(value("--layer")?),
            "--version" => {
                let text = value("--version")?;
                version = Some(text.parse::<i64>().map_err(|_| format!("--version: `{text}` is not a whole number"))?);
            }
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unexpected argument `{other}`")),
        }
    }
    let endpoint = endpoint.ok_or("--endpoint is required (the offline demo is the root crate's example)")?;
    Ok(Remote { endpoint, layer: layer.unwrap_or_else(|| "my-layer".to_owned()), version: version.unwrap_or(1) })
}

fn parse_endpoint(text: &str) -> Result<Endpoint, String> {
    let bad = |why: &str| format!("--endpoint: `{text}` {why}");
    let uri: http::Uri = text.parse().map_err(|_| bad("is not a URL"))?;
    let scheme = match uri.scheme_str() {
        Some(s @ ("http" | "https")) => s,
        _ => return Err(bad("must start with http:// or https://")),
    };
    let authority = uri.authority().ok_or_else(|| bad("has no host"))?;
    if authority.as_str().contains('@') {
        return Err(bad("must not contain user information"));
    }
    if !matches!(uri.path(), "" | "/") || uri.query().is_some() {
        return Err(bad("must not have a path or query"));
    }
    let host = http::HeaderValue::from_str(authority.as_str()).map_err(|_| bad("has an invalid host"))?;
    let name = authority.host().trim_start_matches('[').trim_end_matches(']');
    let loopback = name.eq_ignore_ascii_case("localhost") || name.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback());
    Ok(Endpoint { base: format!("{scheme}://{authority}"), host, loopback })
}

fn main() -> ExitCode {
    match parse_args(std::env::args().skip(1)) {
        Ok(remote) => over_http(remote),
        Err(problem) => usage_error(&problem),
    }
}

fn usage_error(problem: &str) -> ExitCode {
    if !problem.is_empty() {
        eprintln!("error: {problem}");
    }
    eprintln!("{USAGE}");
    ExitCode::from(2)
}

/// The input, checked against the model's constraints, as an HTTP request.
fn build_request(layer: &str, version: i64) -> Result<http::Request<Vec<u8>>, String> {
    let input =
        GetLayerVersionInput::builder().layer_name(layer).version_number(version).build().map_err(|e| e.to_string())?;
    input.to_http_request().map_err(|e| e.to_string())
}

fn over_http(remote: Remote) -> ExitCode {
    let mut request = match build_request(&remote.layer, remote.version) {
        Ok(request) => request,
        Err(problem) => return usage_error(&problem),
    };
    // `to_http_request` gives path and query only; the endpoint adds scheme and host.
    let url = format!("{}{}", remote.endpoint.base, request.uri());
    *request.uri_mut() = match url.parse() {
        Ok(uri) => uri,
        Err(e) => {
            eprintln!("error: `{url}` is not a valid URL: {e}");
            return ExitCode::from(2);
        }
    };
    request.headers_mut().insert(http::header::HOST, remote.endpoint.host.clone());

    match AwsEnv::from_env() {
        Ok(Some(aws)) => {
            if let Err(e) = sign_request(&mut request, &aws) {
                eprintln!("error: cannot sign the request: {e}");
                return ExitCode::FAILURE;
            }
            eprintln!("signed with SigV4 (service lambda, region {})", aws.region);
        }
        Ok(None) => eprintln!("not signed (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY not set)"),
        Err(problem) => {
            eprintln!("error: {problem}");
            return ExitCode::from(2);
        }
    }

    say!("request: {} {}", request.method(), request.uri());
    let response = match send(&remote.endpoint, request) {
        Ok(response) => response,
        Err(e) => {
            eprintln!("error: the request failed: {e}");
            return ExitCode::FAILURE;
        }
    };
    say!("response: HTTP {}", response.status());
    report(GetLayerVersionOutput::from_http_response(&response))
}

/// Sends `request` with ureq and reads the whole response into an `http::Response`.
fn send(endpoint: &Endpoint, request: http::Request<Vec<u8>>) -> Result<http::Response<Vec<u8>>, ureq::Error> {
    let mut config = ureq::Agent::config_builder()
        // Error statuses are responses to decode into the typed error, not transport errors.
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(30)))
        .user_agent(concat!("lambda-model-interop/", env!("CARGO_PKG_VERSION")));
    if endpoint.loopback {
        config = config.proxy(None);
    }
    let agent: ureq::Agent = config.build().into();

    let (parts, body) = request.into_parts();
    let response = if body.is_empty() {
        agent.run(http::Request::from_parts(parts, ()))?
    } else {
        agent.run(http::Request::from_parts(parts, body))?
    };
    let (parts, mut body) = response.into_parts();
    let bytes = body.with_config().limit(MAX_RESPONSE_BODY).read_to_vec()?;
    Ok(http::Response::from_parts(parts, bytes))
}

/// Credentials and region from the environment, as the AWS SDKs read them.
struct AwsEnv {
    access_key_id: String,
    secret_access_key: String,
    session_token: Option<String>,
    region: String,
}

impl AwsEnv {
    fn from_env() -> Result<Option<AwsEnv>, String> {
        let var = |name: &str| match std::env::var(name) {
            Ok(value) if !value.is_empty() => Ok(Some(value)),
            Ok(_) | Err(std::env::VarError::NotPresent) => Ok(None),
            Err(std::env::VarError::NotUnicode(_)) => Err(format!("{name} is not valid UTF-8")),
        };
        let (access_key_id, secret_access_key) = match (var("AWS_ACCESS_KEY_ID")?, var("AWS_SECRET_ACCESS_KEY")?) {
            (Some(key), Some(secret)) => (key, secret),
            (None, None) => return Ok(None),
            _ => return Err("set both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or neither".into()),
        };
        let region = match var("AWS_REGION")? {
            Some(region) => region,
            None => var("AWS_DEFAULT_REGION")?.unwrap_or_else(|| "us-east-1".to_owned()),
        };
        Ok(Some(AwsEnv { access_key_id, secret_access_key, session_token: var("AWS_SESSION_TOKEN")?, region }))
    }
}

/// Signs `request` (absolute URI, `host` header set) with SigV4 for Lambda.
fn sign_request(request: &mut http::Request<Vec<u8>>, aws: &AwsEnv) -> Result<(), String> {
    let identity = Credentials::new(
        aws.access_key_id.as_str(),
        aws.secret_access_key.as_str(),
        aws.session_token.clone(),
        None,
        "environment",
    )
    .into();
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region(&aws.region)
        .name("lambda")
        .time(SystemTime::now())
        .settings(SigningSettings::default())
        .build()
        .map_err(|e| e.to_string())?
        .into();

    let uri = request.uri().to_string();
    let mut headers = Vec::new();
    for (name, value) in request.headers() {
        let value = value.to_str().map_err(|_| format!("header {name} is not visible ASCII"))?;
        headers.push((name.as_str(), value));
    }
    let signable =
        SignableRequest::new(request.method().as_str(), uri, headers.into_iter(), SignableBody::Bytes(request.body()))
            .map_err(|e| e.to_string())?;
    let (instructions, _signature) = sign(signable, &params).map_err(|e| e.to_string())?.into_parts();

    // `SigningInstructions::apply_to_request_http1x` does this too, but panics on
    // a value that is not a valid header (say, a stray byte in a session token).
    if !instructions.params().is_empty() {
        return Err("SigV4 returned query parameters for a header-signed request".into());
    }
    for (name, value) in instructions.headers() {
        let name = http::HeaderName::from_bytes(name.as_bytes()).map_err(|_| format!("invalid header name {name}"))?;
        let mut value =
            http::HeaderValue::from_str(value).map_err(|_| format!("the credentials give an invalid {name} header"))?;
        value.set_sensitive(matches!(name.as_str(), "authorization" | "x-amz-security-token"));
        request.headers_mut().insert(name, value);
    }
    Ok(())
}

/// Prints the typed output (exit 0) or the typed error (exit 1).
fn report(
    result: Result<GetLayerVersionOutput, lambda_model::operation::get_layer_version::GetLayerVersionError>,
) -> ExitCode {
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

//! A loopback GetLayerVersion server on the generated restJson1 glue (which
//! also serves a streamed InvokeWithResponseStream: [`crate::stream_server`]).
//!
//! [`handle`] is the whole service, sans-IO: an `http::Request` in, an
//! `http::Response` out. [`serve`] runs it on hyper 1 for a bound listener.

use std::collections::{BTreeMap, HashMap};
use std::convert::Infallible;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use http_body_util::{BodyExt, Full, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use lambda_model::error::Unhandled;
use lambda_model::operation::get_layer_version::{
    GetLayerVersion, GetLayerVersionError, GetLayerVersionInput, GetLayerVersionOutput,
};
use lambda_model::types::error::{InvalidParameterValueException, ResourceNotFoundException, ServiceException};

/// The documented GetLayerVersion response, served as `my-layer` version 1 by
/// [`LayerStore::built_in`].
pub const EXAMPLE_JSON: &str = include_str!("../../tests/data/get_layer_version_example.json");

/// Name and version of the built-in layer version.
pub const EXAMPLE_LAYER: (&str, i64) = ("my-layer", 1);

/// Largest request body the server reads (GetLayerVersion has none).
const MAX_REQUEST_BODY: usize = 64 * 1024;

/// Lambda's message for a missing layer or layer version.
const NOT_FOUND_MESSAGE: &str = "The resource you requested does not exist.";

/// One stored layer version: its response, or why its file cannot be served.
type Entry = Result<GetLayerVersionOutput, String>;

/// Layer versions by layer name, then version number.
#[derive(Debug, Default)]
pub struct LayerStore {
    layers: HashMap<String, BTreeMap<i64, Entry>>,
    skipped: Vec<String>,
}

impl LayerStore {
    /// Only `my-layer` version 1: the documented example.
    pub fn built_in() -> Self {
        let (name, version) = EXAMPLE_LAYER;
        let entry = serde_json::from_str::<GetLayerVersionOutput>(EXAMPLE_JSON)
            .map_err(|e| format!("the built-in example does not decode: {e}"));
        let mut store = LayerStore::default();
        store.layers.entry(name.to_owned()).or_default().insert(version, entry);
        store
    }

    /// Every `DIR/<name>/<version>.json` (a GetLayerVersion response body).
    ///
    /// Files are read and decoded now; a file that cannot be read or decoded
    /// is kept as a failure that a request for it answers with a
    /// `ServiceException` (500) naming the file. Entries that do not follow
    /// the layout are listed by [`Self::skipped`]. Only `dir` itself not
    /// being a readable directory is an error.
    pub fn from_dir(dir: &Path) -> std::io::Result<Self> {
        let mut store = LayerStore::default();
        for layer_dir in sorted_entries(dir)? {
            let Some(name) = layer_dir.file_name().and_then(|n| n.to_str()).map(str::to_owned) else {
                store.skip(&layer_dir, "the name is not UTF-8");
                continue;
            };
            if !layer_dir.is_dir() {
                store.skip(&layer_dir, "not a directory");
                continue;
            }
            if !is_layer_name(&name) {
                store.skip(&layer_dir, "not a layer name (1 to 140 of a-z, A-Z, 0-9, `-`, `_`)");
                continue;
            }
            let files = match sorted_entries(&layer_dir) {
                Ok(files) => files,
                Err(e) => {
                    store.skip(&layer_dir, &format!("cannot list: {e}"));
                    continue;
                }
            };
            for file in files {
                let Some(version) = version_of_file(&file) else {
                    store.skip(&file, "not `<version>.json` with a positive version number");
                    continue;
                };
                let entry = load(&file);
                store.layers.entry(name.clone()).or_default().insert(version, entry);
            }
        }
        Ok(store)
    }

    /// Directory entries that [`Self::from_dir`] ignored, with the reason.
    pub fn skipped(&self) -> &[String] {
        &self.skipped
    }

    /// How many layer versions (served or failing) the store holds.
    pub fn version_count(&self) -> usize {
        self.layers.values().map(BTreeMap::len).sum()
    }

    fn get(&self, name: &str, version: i64) -> Option<&Entry> {
        self.layers.get(name)?.get(&version)
    }

    fn skip(&mut self, path: &Path, reason: &str) {
        self.skipped.push(format!("{}: {reason}", path.display()));
    }
}

fn sorted_entries(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut paths =
        std::fs::read_dir(dir)?.map(|entry| entry.map(|e| e.path())).collect::<std::io::Result<Vec<_>>>()?;
    paths.sort();
    Ok(paths)
}

/// `3.json` -> 3; the stem must be the canonical decimal form of a positive number.
fn version_of_file(path: &Path) -> Option<i64> {
    if !path.is_file() || path.extension()? != "json" {
        return None;
    }
    let stem = path.file_stem()?.to_str()?;
    let version: i64 = stem.parse().ok()?;
    (version > 0 && version.to_string() == stem).then_some(version)
}

fn load(path: &Path) -> Entry {
    let text = std::fs::read(path).map_err(|e| format!("cannot read layer version file {}: {e}", path.display()))?;
    serde_json::from_slice(&text)
        .map_err(|e| format!("layer version file {} is not a GetLayerVersion response body: {e}", path.display()))
}

/// A plain layer name: what Lambda accepts, stricter than the model's pattern
/// (whose alternatives are anchored on one side each).
fn is_layer_name(name: &str) -> bool {
    (1..=140).contains(&name.len()) && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The layer name of `LayerName`: the name itself, or NAME of
/// `arn:PARTITION:lambda:REGION:ACCOUNT:layer:NAME`.
fn layer_name_of(value: &str) -> Option<&str> {
    let name = if value.starts_with("arn:") {
        let parts: Vec<&str> = value.split(':').collect();
        match parts.as_slice() {
            ["arn", _partition, "lambda", _region, _account, "layer", name] => *name,
            _ => return None,
        }
    } else {
        value
    };
    is_layer_name(name).then_some(name)
}

/// The service: GetLayerVersion from `store`, a JSON error for anything else.
/// Every response carries an `x-amzn-RequestId`, as Lambda's do.
pub fn handle(store: &LayerStore, request: http::Request<Vec<u8>>) -> http::Response<Vec<u8>> {
    let mut response = route(store, request);
    let id = smithy_codegen_runtime::idempotency_token();
    if let Ok(value) = http::HeaderValue::from_str(&id) {
        response.headers_mut().insert("x-amzn-requestid", value);
    }
    response
}

fn route(store: &LayerStore, request: http::Request<Vec<u8>>) -> http::Response<Vec<u8>> {
    if crate::stream_server::matches(&request) {
        return crate::stream_server::handle(&request);
    }
    if !GetLayerVersion::matches(&request) {
        return Unhandled::new(
            404,
            Some("UnknownOperationException".into()),
            Some(format!("no operation matches {} {}", request.method(), request.uri().path())),
        )
        .to_http_response();
    }
    let input = match GetLayerVersionInput::from_http_request(&request) {
        Ok(input) => input,
        // Lambda marks the caller's mistakes with `Type: User`.
        Err(GetLayerVersionError::InvalidParameterValueException(mut e)) => {
            e.r#type = Some("User".into());
            return GetLayerVersionError::InvalidParameterValueException(e).to_http_response();
        }
        Err(e) => return e.to_http_response(),
    };
    let Some(name) = layer_name_of(input.layer_name()) else {
        return GetLayerVersionError::InvalidParameterValueException(
            InvalidParameterValueException::builder()
                .message(format!(
                    "LayerName: {:?} is neither a layer name nor a layer ARN \
                     (arn:PARTITION:lambda:REGION:ACCOUNT:layer:NAME)",
                    input.layer_name()
                ))
                .r#type("User")
                .build(),
        )
        .to_http_response();
    };
    match store.get(name, input.version_number()) {
        Some(Ok(output)) => output.to_http_response(),
        Some(Err(problem)) => GetLayerVersionError::ServiceException(
            ServiceException::builder().message(problem.as_str()).r#type("Service").build(),
        )
        .to_http_response(),
        None => GetLayerVersionError::ResourceNotFoundException(
            ResourceNotFoundException::builder().message(NOT_FOUND_MESSAGE).r#type("User").build(),
        )
        .to_http_response(),
    }
}

/// Serves `store` with [`handle`] on every connection `listener` accepts.
pub async fn serve(listener: tokio::net::TcpListener, store: Arc<LayerStore>) {
    serve_with(listener, move |request| handle(&store, request)).await
}

/// Serves any sans-IO handler over HTTP/1.1 with hyper; never returns.
pub async fn serve_with<F>(listener: tokio::net::TcpListener, handler: F)
where
    F: Fn(http::Request<Vec<u8>>) -> http::Response<Vec<u8>> + Send + Sync + 'static,
{
    let handler = Arc::new(handler);
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _peer)) => stream,
            Err(e) => {
                // Out of file descriptors and the like: wait a little instead of spinning.
                eprintln!("accept failed: {e}");
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let handler = Arc::clone(&handler);
        tokio::spawn(async move {
            let service = service_fn(move |request| respond(Arc::clone(&handler), request));
            if let Err(e) =
                hyper::server::conn::http1::Builder::new().serve_connection(TokioIo::new(stream), service).await
            {
                eprintln!("connection error: {e}");
            }
        });
    }
}

async fn respond<F>(
    handler: Arc<F>,
    request: http::Request<Incoming>,
) -> Result<http::Response<Full<Bytes>>, Infallible>
where
    F: Fn(http::Request<Vec<u8>>) -> http::Response<Vec<u8>>,
{
    let (parts, body) = request.into_parts();
    let response = match Limited::new(body, MAX_REQUEST_BODY).collect().await {
        Ok(body) => handler(http::Request::from_parts(parts, body.to_bytes().to_vec())),
        Err(e) => Unhandled::new(
            413,
            Some("RequestEntityTooLargeException".into()),
            Some(format!("cannot read the request body (at most {MAX_REQUEST_BODY} bytes): {e}")),
        )
        .to_http_response(),
    };
    Ok(response.map(|body| Full::new(Bytes::from(body))))
}

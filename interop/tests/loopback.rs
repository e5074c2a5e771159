//! The generated restJson1 glue over real HTTP on loopback: the `layer_server`
//! example's service (hyper) driven by a real client (ureq), plus sans-IO
//! properties of the URI label encoding.
//!
//! Servers bind 127.0.0.1:0 before their thread starts, so a client can connect
//! right away (the kernel queues the connection until the first accept).

use std::cell::Cell;
use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use lambda_model::operation::get_layer_version::{
    GetLayerVersion, GetLayerVersionError, GetLayerVersionInput, GetLayerVersionOutput,
};
use lambda_model::protocol::RequestError;
use lambda_model_interop::server::{self, LayerStore};
use proptest::prelude::*;
use proptest::test_runner::{Config as ProptestRunnerConfig, TestRunner};

const EXAMPLE: &str = include_str!("../../tests/data/get_layer_version_example.json");
const MY_LAYER_ARN: &str = "arn:aws:lambda:us-east-2:123456789012:layer:my-layer";

fn example() -> GetLayerVersionOutput {
    serde_json::from_str(EXAMPLE).expect("the documented example decodes")
}

// ---------------------------------------------------------------------------
// Loopback plumbing
// ---------------------------------------------------------------------------

/// Binds 127.0.0.1:0, runs `serve` on it in a thread with a current-thread
/// runtime, and returns `http://127.0.0.1:PORT`. The thread lives until the
/// test process exits.
fn start<F, Fut>(serve: F) -> String
where
    F: FnOnce(tokio::net::TcpListener) -> Fut + Send + 'static,
    Fut: Future<Output = ()>,
{
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
    listener.set_nonblocking(true).expect("non-blocking listener");
    let addr = listener.local_addr().expect("bound address");
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("tokio runtime");
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).expect("tokio listener");
            serve(listener).await;
        });
    });
    format!("http://{addr}")
}

fn start_store(store: LayerStore) -> String {
    start(move |listener| server::serve(listener, Arc::new(store)))
}

/// The layer server with the built-in store (`my-layer` version 1), shared by the tests.
fn layer_server() -> &'static str {
    static BASE: OnceLock<String> = OnceLock::new();
    BASE.get_or_init(|| start_store(LayerStore::built_in()))
}

/// Answers the `GetLayerVersionInput` that `from_http_request` decodes, as JSON,
/// with the path it saw in `x-echo-path`.
fn echo(request: http::Request<Vec<u8>>) -> http::Response<Vec<u8>> {
    match GetLayerVersionInput::from_http_request(&request) {
        Ok(input) => {
            let mut response = http::Response::new(serde_json::to_vec(&input).unwrap_or_default());
            if let Ok(path) = http::HeaderValue::from_str(request.uri().path()) {
                response.headers_mut().insert("x-echo-path", path);
            }
            response
        }
        Err(e) => e.to_http_response(),
    }
}

fn echo_server() -> &'static str {
    static BASE: OnceLock<String> = OnceLock::new();
    BASE.get_or_init(|| start(|listener| server::serve_with(listener, echo)))
}

/// A client that returns 4xx/5xx as responses, never uses a proxy, and gives up
/// rather than hang if a server thread died.
fn agent() -> &'static ureq::Agent {
    static AGENT: OnceLock<ureq::Agent> = OnceLock::new();
    AGENT.get_or_init(|| {
        ureq::Agent::config_builder()
            .http_status_as_error(false)
            .proxy(None)
            .timeout_global(Some(Duration::from_secs(60)))
            .build()
            .into()
    })
}

/// Sends a request whose URI is a path (as `to_http_request` builds it) to `base`.
fn send(base: &str, request: http::Request<Vec<u8>>) -> http::Response<Vec<u8>> {
    let (mut parts, body) = request.into_parts();
    assert!(body.is_empty(), "GetLayerVersion requests have no body");
    parts.uri = format!("{base}{}", parts.uri).parse().expect("absolute URI");
    let response = agent().run(http::Request::from_parts(parts, ())).expect("the loopback server answers");
    let (parts, mut body) = response.into_parts();
    let bytes = body.read_to_vec().expect("response body");
    http::Response::from_parts(parts, bytes)
}

/// A raw request, bypassing the client-side encoding and validation.
fn send_raw(base: &str, method: http::Method, path: &str) -> http::Response<Vec<u8>> {
    let request = http::Request::builder().method(method).uri(path).body(Vec::new()).expect("raw request");
    send(base, request)
}

fn request_for(layer: &str, version: i64) -> http::Request<Vec<u8>> {
    GetLayerVersionInput::builder()
        .layer_name(layer)
        .version_number(version)
        .build()
        .expect("both members set")
        .to_http_request()
        .expect("a valid request")
}

fn get_layer_version(
    base: &str,
    layer: &str,
    version: i64,
) -> (http::Response<Vec<u8>>, Result<GetLayerVersionOutput, GetLayerVersionError>) {
    let response = send(base, request_for(layer, version));
    let decoded = GetLayerVersionOutput::from_http_response(&response);
    (response, decoded)
}

fn header<'a>(response: &'a http::Response<Vec<u8>>, name: &str) -> Option<&'a str> {
    response.headers().get(name).and_then(|v| v.to_str().ok())
}

// ---------------------------------------------------------------------------
// The layer server over HTTP
// ---------------------------------------------------------------------------

#[test]
fn found_layer_version_decodes_to_the_documented_example() {
    let (response, decoded) = get_layer_version(layer_server(), "my-layer", 1);
    assert_eq!(response.status(), 200);
    assert_eq!(header(&response, "content-type"), Some("application/json"));
    // The generated response states its length; hyper sends it once, unchanged.
    assert_eq!(response.headers().get_all("content-length").iter().count(), 1);
    assert_eq!(header(&response, "content-length"), Some(response.body().len().to_string().as_str()));
    let output = decoded.expect("my-layer version 1 is served");
    assert_eq!(output, example());
    assert_eq!(output.created_date_time().expect("present").expect("parses").unix_timestamp(), 1_542_236_632);
}

#[test]
fn unknown_layer_or_version_is_resource_not_found() {
    for (layer, version) in [("my-layer", 2), ("other-layer", 1), ("my-layer", 0), ("my-layer", -1)] {
        let (response, decoded) = get_layer_version(layer_server(), layer, version);
        assert_eq!(response.status(), 404, "{layer} {version}");
        assert_eq!(header(&response, "x-amzn-errortype"), Some("ResourceNotFoundException"));
        let error = decoded.expect_err("not found");
        let GetLayerVersionError::ResourceNotFoundException(e) = &error else {
            panic!("expected ResourceNotFoundException, got {error:?}");
        };
        assert_eq!(error.status(), 404);
        assert_eq!(error.code(), Some("ResourceNotFoundException"));
        assert!(error.message().is_some_and(|m| !m.is_empty()), "message present: {error:?}");
        assert_eq!(e.r#type(), Some("User"));
        assert!(!error.is_retryable());
    }
}

#[test]
fn too_long_layer_name_is_invalid_parameter_value() {
    let name = "a".repeat(141);
    // The client refuses it ...
    let refused = GetLayerVersionInput::builder()
        .layer_name(name.as_str())
        .version_number(1)
        .build()
        .expect("both members set")
        .to_http_request();
    assert!(matches!(refused, Err(RequestError::Validation(_))), "{refused:?}");
    // ... so send it raw: the server's `from_http_request` refuses it too.
    let response = send_raw(layer_server(), http::Method::GET, &format!("/2018-10-31/layers/{name}/versions/1"));
    assert_eq!(response.status(), 400);
    assert_eq!(header(&response, "x-amzn-errortype"), Some("InvalidParameterValueException"));
    let error = GetLayerVersionOutput::from_http_response(&response).expect_err("bad request");
    assert!(error.is_invalid_parameter_value_exception(), "{error:?}");
    assert_eq!(error.status(), 400);
    let message = error.message().expect("message present");
    assert!(message.contains("Value with length 141 at '/LayerName'"), "{message}");
}

#[test]
fn full_layer_arn_finds_the_layer() {
    let request = request_for(MY_LAYER_ARN, 1);
    assert_eq!(
        request.uri().path(),
        "/2018-10-31/layers/arn%3Aaws%3Alambda%3Aus-east-2%3A123456789012%3Alayer%3Amy-layer/versions/1"
    );
    let response = send(layer_server(), request);
    assert_eq!(response.status(), 200);
    let output = GetLayerVersionOutput::from_http_response(&response).expect("found by its ARN");
    assert_eq!(output, example());
    assert_eq!(output.layer_arn(), Some(MY_LAYER_ARN));

    // Another partition, region or account names the same layer in this store.
    let (response, decoded) =
        get_layer_version(layer_server(), "arn:aws-cn:lambda:cn-north-1:210987654321:layer:my-layer", 1);
    assert_eq!(response.status(), 200);
    assert_eq!(decoded.expect("found"), example());
}

#[test]
fn unknown_paths_are_unhandled_404() {
    let cases = [
        (http::Method::GET, "/"),
        (http::Method::GET, "/2018-10-31/functions"),
        (http::Method::GET, "/2018-10-31/layers/my-layer/versions"),
        (http::Method::GET, "/2018-10-31/layers/my-layer/versions/1/extra"),
        (http::Method::POST, "/2018-10-31/layers/my-layer/versions/1"),
        (http::Method::DELETE, "/2018-10-31/layers/my-layer/versions/1"),
    ];
    for (method, path) in cases {
        let response = send_raw(layer_server(), method.clone(), path);
        assert_eq!(response.status(), 404, "{method} {path}");
        assert_eq!(header(&response, "x-amzn-errortype"), Some("UnknownOperationException"));
        let error = GetLayerVersionOutput::from_http_response(&response).expect_err("unknown operation");
        let GetLayerVersionError::Unhandled(unhandled) = &error else {
            panic!("expected Unhandled for {method} {path}, got {error:?}");
        };
        assert_eq!(unhandled.status(), 404);
        assert_eq!(unhandled.code(), Some("UnknownOperationException"));
        assert!(unhandled.message().is_some_and(|m| m.contains(path)), "{unhandled:?}");
    }
}

/// A fresh directory under cargo's scratch space for integration tests.
fn scratch_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("loopback-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch directory");
    dir
}

#[test]
fn data_dir_is_served_and_corrupt_files_are_service_exceptions() {
    let dir = scratch_dir("data-dir");
    let other = GetLayerVersionOutput::builder()
        .layer_arn("arn:aws:lambda:us-east-2:123456789012:layer:other-layer")
        .layer_version_arn("arn:aws:lambda:us-east-2:123456789012:layer:other-layer:3")
        .description("Another layer")
        .created_date("2024-02-29T12:00:00.000+0000")
        .version(3)
        .compatible_runtimes(lambda_model::types::Runtime::Python312)
        .build();
    std::fs::create_dir_all(dir.join("other-layer")).unwrap();
    std::fs::write(dir.join("other-layer/3.json"), serde_json::to_vec_pretty(&other).unwrap()).unwrap();
    std::fs::write(dir.join("other-layer/notes.txt"), "not a layer version").unwrap();
    std::fs::create_dir_all(dir.join("broken-layer")).unwrap();
    std::fs::write(dir.join("broken-layer/1.json"), "{\"Version\": 1, \"CompatibleRuntimes\": ").unwrap();
    std::fs::create_dir_all(dir.join("bad name")).unwrap();

    let store = LayerStore::from_dir(&dir).expect("the directory is readable");
    assert_eq!(store.version_count(), 2, "other-layer 3 and broken-layer 1");
    let skipped = store.skipped().join("\n");
    assert!(skipped.contains("notes.txt") && skipped.contains("bad name"), "{skipped}");
    let base = start_store(store);

    let (response, decoded) = get_layer_version(&base, "other-layer", 3);
    assert_eq!(response.status(), 200);
    assert_eq!(decoded.expect("other-layer 3 is served"), other);

    // The built-in example is not part of a data directory.
    let (response, decoded) = get_layer_version(&base, "my-layer", 1);
    assert_eq!(response.status(), 404);
    assert!(decoded.expect_err("absent").is_resource_not_found_exception());

    let (response, decoded) = get_layer_version(&base, "broken-layer", 1);
    assert_eq!(response.status(), 500);
    assert_eq!(header(&response, "x-amzn-errortype"), Some("ServiceException"));
    let error = decoded.expect_err("corrupt file");
    assert!(error.is_service_exception(), "{error:?}");
    assert!(error.is_retryable());
    let message = error.message().expect("message present");
    let file = dir.join("broken-layer").join("1.json");
    assert!(message.contains(&file.display().to_string()), "names the file: {message}");

    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn missing_data_dir_is_an_error() {
    let dir = scratch_dir("missing").join("does-not-exist");
    assert!(LayerStore::from_dir(&dir).is_err());
}

// ---------------------------------------------------------------------------
// The service without IO: bad input gets JSON errors, never a panic
// ---------------------------------------------------------------------------

#[test]
fn bad_requests_get_json_errors() {
    let store = LayerStore::built_in();
    let cases: &[(http::Method, &str, u16, &str)] = &[
        (http::Method::GET, "/2018-10-31/layers/my-layer/versions/abc", 400, "InvalidParameterValueException"),
        (
            http::Method::GET,
            "/2018-10-31/layers/my-layer/versions/99999999999999999999",
            400,
            "InvalidParameterValueException",
        ),
        (http::Method::GET, "/2018-10-31/layers/my-layer/versions/", 404, "UnknownOperationException"),
        (http::Method::GET, "/2018-10-31/layers/%ZZ/versions/1", 404, "UnknownOperationException"),
        (http::Method::GET, "/2018-10-31/layers/%FF/versions/1", 404, "UnknownOperationException"),
        (http::Method::GET, "/2018-10-31/layers/my%20layer/versions/1", 400, "InvalidParameterValueException"),
        // Names that would leave a data directory, and ARNs with a version suffix.
        (
            http::Method::GET,
            "/2018-10-31/layers/..%2F..%2Fetc%2Fpasswd1/versions/1",
            400,
            "InvalidParameterValueException",
        ),
        (http::Method::GET, "/2018-10-31/layers/..%2Fmy-layer/versions/1", 400, "InvalidParameterValueException"),
        (
            http::Method::GET,
            "/2018-10-31/layers/arn%3Aaws%3Alambda%3Aus-east-2%3A123456789012%3Alayer%3Amy-layer%3A1/versions/1",
            400,
            "InvalidParameterValueException",
        ),
        (http::Method::GET, "/2018-10-31/layers/my-layer/versions/1?x=%FF&&=", 200, ""),
    ];
    for (method, path, status, code) in cases {
        let request = http::Request::builder().method(method.clone()).uri(*path).body(Vec::new()).expect("request");
        let response = server::handle(&store, request);
        assert_eq!(response.status().as_u16(), *status, "{method} {path}");
        assert_eq!(header(&response, "content-type"), Some("application/json"), "{method} {path}");
        assert_eq!(header(&response, "x-amzn-errortype").unwrap_or(""), *code, "{method} {path}");
        serde_json::from_slice::<serde_json::Value>(response.body()).expect("a JSON body");
    }
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

/// Layer names the model allows: plain names and layer ARNs.
fn valid_layer_names() -> impl Strategy<Value = String> {
    prop_oneof!["[a-zA-Z0-9_-]{1,140}", "arn:aws:lambda:us-east-2:123456789012:layer:[a-zA-Z0-9_-]{1,40}",]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Client encode (`to_http_request`) -> real HTTP -> server decode
    /// (`from_http_request`) gives back the same input, and the path arrives
    /// exactly as the client encoded it.
    #[test]
    fn valid_layer_names_survive_http_round_trip(name in valid_layer_names(), version in 1..=i64::MAX) {
        let input = GetLayerVersionInput::builder()
            .layer_name(name.as_str())
            .version_number(version)
            .build()
            .expect("both members set");
        let request = input.to_http_request().map_err(|e| TestCaseError::fail(format!("{name:?}: {e}")))?;
        let sent_path = request.uri().path().to_owned();
        let response = send(echo_server(), request);
        prop_assert_eq!(response.status(), 200, "{}", String::from_utf8_lossy(response.body()));
        prop_assert_eq!(header(&response, "x-echo-path"), Some(sent_path.as_str()));
        let decoded: GetLayerVersionInput = serde_json::from_slice(response.body()).expect("echoed input");
        prop_assert_eq!(decoded, input);
    }
}

const SANS_IO_CASES: u32 = 256;

fn sans_io_runner() -> TestRunner {
    TestRunner::new(ProptestRunnerConfig {
        cases: SANS_IO_CASES,
        failure_persistence: None,
        ..ProptestRunnerConfig::default()
    })
}

/// Arbitrary strings, some made to end like a layer name, and valid names: the
/// model's pattern `^(arn:…)|[a-zA-Z0-9-_]+$` anchors its plain-name alternative
/// only at the end, so arbitrary text ending in a name character passes validation.
fn layer_name_candidates() -> impl Strategy<Value = (String, i64)> {
    let names = prop_oneof![
        any::<String>(),
        (any::<String>(), "[a-zA-Z0-9_-]").prop_map(|(text, tail)| text + &tail),
        valid_layer_names(),
    ];
    (names, any::<i64>())
}

/// Runs `property` on candidates that pass `validate()`; the others must be
/// refused by `to_http_request`. Fails if too few candidates were valid.
fn for_valid_candidates(property: impl Fn(&GetLayerVersionInput, http::Request<Vec<u8>>) -> Result<(), TestCaseError>) {
    let valid = Cell::new(0u32);
    let result = sans_io_runner().run(&layer_name_candidates(), |(name, version)| {
        let input =
            GetLayerVersionInput::builder().layer_name(name).version_number(version).build().expect("both members set");
        if input.validate().is_err() {
            prop_assert!(matches!(input.to_http_request(), Err(RequestError::Validation(_))));
            return Ok(());
        }
        valid.set(valid.get() + 1);
        let request = input.to_http_request().map_err(|e| TestCaseError::fail(format!("valid input refused: {e}")))?;
        property(&input, request)
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    assert!(valid.get() >= SANS_IO_CASES / 8, "only {} of {SANS_IO_CASES} candidates were valid", valid.get());
}

#[test]
fn arbitrary_valid_names_survive_label_encoding() {
    for_valid_candidates(|input, request| {
        prop_assert!(GetLayerVersion::matches(&request), "{}", request.uri());
        let decoded = GetLayerVersionInput::from_http_request(&request)
            .map_err(|e| TestCaseError::fail(format!("{}: {e}", request.uri())))?;
        prop_assert_eq!(&decoded, input);
        Ok(())
    });
}

/// Whether `segment` is only RFC 3986 unreserved characters and `%XX` escapes.
fn unreserved_or_escaped(segment: &str) -> bool {
    let bytes = segment.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = |j: usize| bytes.get(j).is_some_and(u8::is_ascii_hexdigit);
                if !(hex(i + 1) && hex(i + 2)) {
                    return false;
                }
                i += 3;
            }
            b if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') => i += 1,
            _ => return false,
        }
    }
    true
}

#[test]
fn label_segment_is_unreserved_characters_or_escapes() {
    for_valid_candidates(|input, request| {
        prop_assert!(request.uri().query().is_none());
        let path = request.uri().path();
        let parts: Vec<&str> = path.split('/').collect();
        prop_assert_eq!(parts.len(), 6, "{}", path);
        prop_assert_eq!(&parts[..3], &["", "2018-10-31", "layers"][..]);
        prop_assert_eq!(parts[4], "versions");
        prop_assert_eq!(parts[5], input.version_number().to_string());
        prop_assert!(!parts[3].is_empty());
        prop_assert!(unreserved_or_escaped(parts[3]), "label segment {:?}", parts[3]);
        Ok(())
    });
}

#[test]
fn unreserved_or_escaped_rejects_what_it_should() {
    assert!(unreserved_or_escaped("my-layer_1.~"));
    assert!(unreserved_or_escaped("arn%3Aaws%3a"));
    for bad in ["a b", "a/b", "a:b", "%", "%4", "%GG", "é"] {
        assert!(!unreserved_or_escaped(bad), "{bad}");
    }
}

// ---------------------------------------------------------------------------
// A streamed invoke: the server's event frames through the example client
// ---------------------------------------------------------------------------

#[allow(dead_code)]
#[path = "../examples/invoke_stream.rs"]
mod invoke_stream_example;

use lambda_model::event_stream::EventStreamError;
use lambda_model::types::error::InvokeWithResponseStreamResponseEventError;
use lambda_model_interop::stream_server::{BROKEN_FUNCTION, CHUNK_LEN, FAILING_FUNCTION};

#[test]
fn streamed_invoke_reads_payload_chunks_until_invoke_complete() {
    let payload = b"a streamed answer, in pieces";
    // Reads of 1, 5 and 4096 bytes: frames split anywhere, or many per read.
    for read_size in [1, 5, 4096] {
        let mut received = Vec::new();
        let streamed =
            invoke_stream_example::invoke_stream(agent(), layer_server(), "echo", payload, read_size, |bytes| {
                received.extend_from_slice(bytes)
            })
            .unwrap_or_else(|e| panic!("reads of {read_size}: {e}"));
        assert_eq!(received, payload, "reads of {read_size}");
        assert_eq!(streamed.chunks, payload.len().div_ceil(CHUNK_LEN));
        assert_eq!(streamed.output.status_code(), 200);
        assert_eq!(streamed.output.executed_version(), Some("$LATEST"));
        assert_eq!(streamed.output.response_stream_content_type(), Some("application/vnd.amazon.eventstream"));
        assert_eq!(streamed.complete.error_code(), None);
        assert_eq!(streamed.complete.log_result(), Some("bG9n"));
    }
}

#[test]
fn streamed_invoke_reports_the_functions_error_in_invoke_complete() {
    let streamed = invoke_stream_example::invoke_stream(agent(), layer_server(), FAILING_FUNCTION, b"", 7, |_| {})
        .expect("the stream completes");
    assert_eq!(streamed.chunks, 0);
    assert_eq!(streamed.complete.error_code(), Some("Unhandled"));
    assert_eq!(streamed.complete.error_details(), Some("the function failed"));
}

#[test]
fn streamed_invoke_cut_by_an_unmodeled_error_names_its_code_and_message() {
    let mut received = Vec::new();
    let error =
        invoke_stream_example::invoke_stream(agent(), layer_server(), BROKEN_FUNCTION, b"partial", 3, |bytes| {
            received.extend_from_slice(bytes)
        })
        .expect_err("the stream breaks");
    assert_eq!(received, b"partial", "the chunks before the error arrived");
    let error = error
        .downcast::<EventStreamError<InvokeWithResponseStreamResponseEventError>>()
        .unwrap_or_else(|e| panic!("not an event-stream error: {e}"));
    let EventStreamError::Service(InvokeWithResponseStreamResponseEventError::Unhandled(e)) = *error else {
        panic!("{error:?}")
    };
    assert_eq!(e.code(), "ServiceException");
    assert_eq!(e.message(), Some("the function's stream broke"));
}

#[test]
fn a_request_body_goes_out_with_one_content_length() {
    use std::io::{BufRead, BufReader, Write};
    use std::net::TcpListener;

    use lambda_model::operation::invoke_with_response_stream::InvokeWithResponseStreamInput;
    use lambda_model::primitives::Blob;

    // A listener that records the request head as ureq writes it.
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let base = format!("http://{}", listener.local_addr().expect("local address"));
    let recorder = std::thread::spawn(move || {
        let (stream, _) = listener.accept().expect("a connection");
        let mut reader = BufReader::new(stream);
        let mut head = Vec::new();
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).expect("a head line");
            if line == "\r\n" || line.is_empty() {
                break;
            }
            head.push(line.trim_end().to_ascii_lowercase());
        }
        let mut stream = reader.into_inner();
        stream.write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\nconnection: close\r\n\r\n").expect("answer");
        head
    });

    let input = InvokeWithResponseStreamInput::builder().function_name("f").payload(Blob::new("hello")).build();
    let request = input.expect("valid input").to_http_request().expect("a valid request");
    assert_eq!(request.headers()["content-length"], "5");
    let (mut parts, body) = request.into_parts();
    parts.uri = format!("{base}{}", parts.uri).parse().expect("absolute URI");
    agent().run(http::Request::from_parts(parts, body)).expect("the recorder answers");

    let head = recorder.join().expect("the recorder thread");
    let lengths: Vec<&String> = head.iter().filter(|line| line.starts_with("content-length:")).collect();
    assert_eq!(lengths, ["content-length: 5"], "{head:?}");
}

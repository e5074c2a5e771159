//! Hostile response bodies through the client side (`from_http_response`) and
//! plain serde_json: deep nesting, huge strings, duplicate keys, numbers out of
//! range, invalid UTF-8. Each must be a clear error (naming the field where
//! serde can), never a panic or a stack overflow, and decoding must not
//! allocate much beyond the size of its input.
//!
//! A counting global allocator measures the peak heap growth of the calling
//! thread during one decode; the counters are per thread, so tests running in
//! parallel do not disturb each other.

#![cfg(all(feature = "http", feature = "get-layer-version"))]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use lambda_model::operation::get_layer_version::{GetLayerVersionError, GetLayerVersionOutput};

// ---------------------------------------------------------------------------
// Per-thread heap accounting
// ---------------------------------------------------------------------------

struct Counting;

thread_local! {
    static CURRENT: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

fn record(delta: isize) {
    let _ = CURRENT.try_with(|current| {
        let now = current.get() + delta;
        current.set(now);
        let _ = PEAK.try_with(|peak| peak.set(peak.get().max(now)));
    });
}

// SAFETY: every call is forwarded to the system allocator unchanged; the
// bookkeeping only touches thread-local cells (never allocating).
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        record(layout.size() as isize);
        System.alloc(layout)
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        record(layout.size() as isize);
        System.alloc_zeroed(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        record(-(layout.size() as isize));
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        record(new_size as isize - layout.size() as isize);
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Runs `f` and returns its result with the peak heap growth (bytes) of this
/// thread while it ran, the result included.
fn peak_heap<R>(f: impl FnOnce() -> R) -> (R, usize) {
    let start = CURRENT.with(Cell::get);
    PEAK.with(|peak| peak.set(start));
    let result = f();
    let peak = PEAK.with(Cell::get);
    (result, (peak - start).max(0) as usize)
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

const MB: usize = 1024 * 1024;

fn response(status: u16, body: Vec<u8>) -> http::Response<Vec<u8>> {
    http::Response::builder().status(status).body(body).expect("a valid response")
}

/// The message of the `Unhandled` error that a 200 response with `body` gives.
fn bad_success_body(body: impl Into<Vec<u8>>) -> String {
    let response = response(200, body.into());
    let error = GetLayerVersionOutput::from_http_response(&response).expect_err("the body does not decode");
    let GetLayerVersionError::Unhandled(unhandled) = &error else {
        panic!("a success status with a bad body is Unhandled, got {error:?}");
    };
    assert_eq!(unhandled.status(), 200);
    assert_eq!(unhandled.code(), None);
    unhandled.message().expect("the problem is the message").to_string()
}

fn serde_error(body: &[u8]) -> String {
    serde_json::from_slice::<GetLayerVersionOutput>(body).expect_err("the body does not decode").to_string()
}

// ---------------------------------------------------------------------------
// Deep nesting
// ---------------------------------------------------------------------------

const DEPTH: usize = 100_000;

fn nested(open: &str, close: &str, inner: &str) -> Vec<u8> {
    let mut body = Vec::with_capacity(DEPTH * (open.len() + close.len()) + inner.len());
    for _ in 0..DEPTH {
        body.extend_from_slice(open.as_bytes());
    }
    body.extend_from_slice(inner.as_bytes());
    for _ in 0..DEPTH {
        body.extend_from_slice(close.as_bytes());
    }
    body
}

#[test]
fn deeply_nested_arrays_stop_at_the_first_type_mismatch() {
    // 100k `[`: a body that is not a JSON object is refused before decoding.
    let body = nested("[", "]", "");
    let (message, peak) = peak_heap(|| bad_success_body(body.clone()));
    assert_eq!(message, "invalid GetLayerVersionOutput body: expected a JSON object");
    assert!(peak < 2 * body.len() + MB, "peak {peak} for a {} byte body", body.len());

    // Where a type would recurse without end (a generic JSON value), serde_json's
    // recursion limit of 128 stops it before the stack runs out.
    let unclosed = vec![b'['; DEPTH];
    let err = serde_json::from_slice::<serde_json::Value>(&unclosed).unwrap_err();
    assert_eq!(err.to_string(), "recursion limit exceeded at line 1 column 128");
    let err = serde_json::from_slice::<serde_json::Value>(&body).unwrap_err();
    assert_eq!(err.to_string(), "recursion limit exceeded at line 1 column 128");
}

#[test]
fn deep_nesting_in_typed_fields_is_an_error_naming_the_field() {
    let mut body = b"{\"CompatibleRuntimes\": ".to_vec();
    body.extend(nested("[", "]", ""));
    body.push(b'}');
    assert_eq!(
        bad_success_body(body),
        "invalid GetLayerVersionOutput body at `CompatibleRuntimes[0]`: invalid type: sequence, expected a string at line 1 column 24"
    );
    let mut body = b"{\"Content\": {\"CodeSize\": ".to_vec();
    body.extend(nested("{\"a\":", "}", "1"));
    body.push(b'}');
    assert_eq!(
        bad_success_body(body),
        "invalid GetLayerVersionOutput body at `Content.CodeSize`: invalid type: map, expected i64 at line 1 column 25"
    );
}

#[test]
fn deep_nesting_in_unknown_fields_is_skipped_without_recursion() {
    // serde_json skips an ignored value with a loop and one byte of state per
    // level, not by recursion: any depth is fine, in memory linear in the input.
    for (open, close, inner) in [("[", "]", ""), ("{\"a\":", "}", "null")] {
        let mut body = b"{\"SomethingNew\": ".to_vec();
        body.extend(nested(open, close, inner));
        body.extend_from_slice(b", \"Version\": 4}");
        let response = response(200, body);
        let (output, peak) = peak_heap(|| GetLayerVersionOutput::from_http_response(&response));
        assert_eq!(output.expect("unknown fields are skipped").version(), 4);
        assert!(peak <= 2 * DEPTH + MB, "peak {peak} for {DEPTH} levels");
    }
    // Unclosed: an error at the unknown field, after all levels are read.
    let mut body = b"{\"SomethingNew\": ".to_vec();
    body.extend(vec![b'['; DEPTH]);
    let (message, peak) = peak_heap(|| bad_success_body(body.clone()));
    assert_eq!(
        message,
        "invalid GetLayerVersionOutput body at `SomethingNew`: EOF while parsing a list at line 1 column 100017"
    );
    assert!(peak < 2 * body.len() + MB, "peak {peak} for a {} byte body", body.len());
}

#[test]
fn deep_nesting_in_error_bodies_is_unhandled() {
    for status in [400, 404, 429, 500] {
        let body = nested("{\"a\":", "}", "1");
        let response = response(status, body);
        let error = GetLayerVersionOutput::from_http_response(&response).expect_err("an error status");
        let GetLayerVersionError::Unhandled(unhandled) = &error else { panic!("{error:?}") };
        assert_eq!((unhandled.status(), unhandled.code(), unhandled.message()), (status, None, None));
    }
    // A known code with a hostile body: the code is kept, the problem is the message.
    let mut response = response(404, nested("[", "]", ""));
    response.headers_mut().insert("x-amzn-errortype", http::HeaderValue::from_static("ResourceNotFoundException"));
    let error = GetLayerVersionOutput::from_http_response(&response).expect_err("an error status");
    let GetLayerVersionError::Unhandled(unhandled) = &error else { panic!("{error:?}") };
    assert_eq!(unhandled.code(), Some("ResourceNotFoundException"));
    assert_eq!(unhandled.message(), Some("invalid ResourceNotFoundException body: expected a JSON object"));
}

// ---------------------------------------------------------------------------
// A 100 MB string
// ---------------------------------------------------------------------------

const HUGE: usize = 100 * MB;

/// `{"<member>":"aaa…"}` with a `HUGE`-byte value, built with one allocation.
fn huge_string_body(member: &str, value_byte: u8) -> Vec<u8> {
    let head = format!("{{\"{member}\":\"");
    let (head, tail) = (head.as_bytes(), &b"\"}"[..]);
    let mut body = Vec::with_capacity(head.len() + HUGE + tail.len());
    body.extend_from_slice(head);
    body.resize(head.len() + HUGE, value_byte);
    body.extend_from_slice(tail);
    body
}

#[test]
fn a_100_mb_description_decodes_with_one_copy() {
    let body = huge_string_body("Description", b'a');
    let response = response(200, body);
    let (output, peak) = peak_heap(|| GetLayerVersionOutput::from_http_response(&response));
    let output = output.expect("a long but valid string decodes");
    let description = output.description().expect("present");
    assert_eq!(description.len(), HUGE);
    assert!(description.bytes().all(|b| b == b'a'));
    // The decoded String itself, and nothing else of that size.
    assert!(peak < HUGE + MB, "peak {} MB for a {} MB body", peak / MB, HUGE / MB);
}

#[test]
fn a_100_mb_string_of_the_wrong_type_is_an_error_of_bounded_size() {
    // Version is an integer: the error names the field. serde's message quotes
    // the whole offending string, and `decode_json` builds it twice (plain
    // serde_json, then serde_path_to_error) before formatting it once more:
    // measured peak 4x the input. Bounded, but see the ignored test below.
    let body = huge_string_body("Version", b'a');
    let response = response(200, body);
    let (error, peak) = peak_heap(|| GetLayerVersionOutput::from_http_response(&response));
    let message = error.expect_err("a string is not an i64").message().unwrap().to_string();
    assert!(
        message.starts_with("invalid GetLayerVersionOutput body at `Version`: invalid type: string \"aaaa"),
        "{}",
        &message[..80]
    );
    // serde quotes the value whole; the message keeps its start only.
    assert!(message.ends_with('…'), "{}", &message[message.len() - 80..]);
    assert!(message.len() < 1024, "a {} byte message", message.len());
    assert!(peak < 5 * HUGE, "peak {} MB for a {} MB body", peak / MB, HUGE / MB);
}

#[test]
fn decode_error_messages_are_short_whatever_the_value() {
    let mut body = b"{\"Version\": \"".to_vec();
    body.resize(body.len() + MB, b'a');
    body.extend_from_slice(b"\"}");
    let message = bad_success_body(body);
    assert!(message.len() < 1024, "a {} byte message", message.len());
}

#[test]
fn a_100_mb_string_with_invalid_utf8_at_the_end_is_an_error() {
    let mut body = huge_string_body("Description", b'a');
    let last = body.len() - 3;
    body[last] = 0xff;
    let response = response(200, body);
    let (error, peak) = peak_heap(|| GetLayerVersionOutput::from_http_response(&response));
    let message = error.expect_err("invalid UTF-8").message().unwrap().to_string();
    assert_eq!(
        message,
        "invalid GetLayerVersionOutput body at `Description`: invalid unicode code point at line 1 column 104857616"
    );
    assert!(peak < MB, "peak {} bytes: nothing is copied before the error", peak);
}

// ---------------------------------------------------------------------------
// Duplicate keys
// ---------------------------------------------------------------------------

#[test]
fn duplicate_keys_are_errors_naming_the_field() {
    // serde's derive refuses a known field seen twice, wherever it is.
    assert_eq!(
        bad_success_body(r#"{"Version": 1, "Version": 2}"#),
        "invalid GetLayerVersionOutput body: duplicate field `Version` at line 1 column 24"
    );
    assert_eq!(
        bad_success_body(r#"{"Content": {"CodeSize": 1, "CodeSize": 1}}"#),
        "invalid GetLayerVersionOutput body at `Content`: duplicate field `CodeSize` at line 1 column 38"
    );
    assert_eq!(
        bad_success_body(r#"{"Description": "a", "Description": null}"#),
        "invalid GetLayerVersionOutput body: duplicate field `Description` at line 1 column 34"
    );
    assert_eq!(serde_error(br#"{"Version": 1, "Version": 1}"#), "duplicate field `Version` at line 1 column 24");
}

#[test]
fn duplicate_unknown_keys_are_ignored() {
    // Unknown fields are skipped without being remembered, so repeating one is fine.
    let response = response(200, br#"{"New": 1, "New": 2, "Version": 3}"#.to_vec());
    let output = GetLayerVersionOutput::from_http_response(&response).expect("unknown fields are ignored");
    assert_eq!(output.version(), 3);
}

#[test]
fn duplicate_keys_in_error_bodies_keep_the_code() {
    // The error metadata reader is lenient: a body it cannot read gives no code or message.
    let response = response(404, br#"{"message": "a", "message": "b"}"#.to_vec());
    let error = GetLayerVersionOutput::from_http_response(&response).expect_err("an error status");
    let GetLayerVersionError::Unhandled(unhandled) = &error else { panic!("{error:?}") };
    assert_eq!((unhandled.code(), unhandled.message()), (None, None));
}

// ---------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------

#[test]
fn integers_out_of_i64_range_name_the_field() {
    let cases = [
        (
            r#"{"Version": 9223372036854775808}"#,
            "invalid GetLayerVersionOutput body at `Version`: invalid value: integer `9223372036854775808`, expected i64 at line 1 column 31",
        ),
        (
            r#"{"Version": -9223372036854775809}"#,
            "invalid GetLayerVersionOutput body at `Version`: invalid type: floating point `-9.223372036854776e+18`, expected i64 at line 1 column 32",
        ),
        (
            r#"{"Version": 100000000000000000000000000000}"#,
            "invalid GetLayerVersionOutput body at `Version`: invalid type: floating point `1e+29`, expected i64 at line 1 column 42",
        ),
        (
            r#"{"Version": 1.5}"#,
            "invalid GetLayerVersionOutput body at `Version`: invalid type: floating point `1.5`, expected i64 at line 1 column 15",
        ),
        (
            r#"{"Content": {"CodeSize": 1e400}}"#,
            "invalid GetLayerVersionOutput body at `Content.CodeSize`: number out of range at line 1 column 30",
        ),
        (
            r#"{"Content": {"CodeSize": -1e400}}"#,
            "invalid GetLayerVersionOutput body at `Content.CodeSize`: number out of range at line 1 column 31",
        ),
        (
            r#"{"Version": 1e400}"#,
            "invalid GetLayerVersionOutput body at `Version`: number out of range at line 1 column 17",
        ),
    ];
    for (body, expected) in cases {
        assert_eq!(bad_success_body(body), expected, "{body}");
    }
    // The extremes themselves decode.
    let output = GetLayerVersionOutput::from_http_response(&response(
        200,
        br#"{"Version": -9223372036854775808, "Content": {"CodeSize": 9223372036854775807}}"#.to_vec(),
    ))
    .expect("i64::MIN and i64::MAX fit");
    assert_eq!(output.version(), i64::MIN);
    assert_eq!(output.content().map(|c| c.code_size()), Some(i64::MAX));
}

#[test]
fn a_long_run_of_digits_is_bounded() {
    // A 10 MB number: serde_json reads it as a float (out of i64 range) without
    // building a big integer.
    let mut body = b"{\"Version\": ".to_vec();
    body.resize(body.len() + 10 * MB, b'9');
    body.push(b'}');
    let (message, peak) = peak_heap(|| bad_success_body(body.clone()));
    assert!(message.starts_with("invalid GetLayerVersionOutput body at `Version`: number out of range"), "{message}");
    assert!(peak < 2 * body.len() + MB, "peak {peak} for a {} byte body", body.len());
}

// ---------------------------------------------------------------------------
// Invalid UTF-8 and bad escapes
// ---------------------------------------------------------------------------

#[test]
fn invalid_utf8_is_an_error_naming_the_field() {
    let cases: [(&[u8], &str); 5] = [
        (
            b"{\"Description\": \"caf\xe9\"}",
            "invalid GetLayerVersionOutput body at `Description`: invalid unicode code point at line 1 column 21",
        ),
        (
            b"{\"Content\": {\"Location\": \"\xff\xfe\"}}",
            "invalid GetLayerVersionOutput body at `Content.Location`: invalid unicode code point at line 1 column 27",
        ),
        (
            b"{\"CompatibleRuntimes\": [\"python3.12\", \"\xc3\"]}",
            "invalid GetLayerVersionOutput body at `CompatibleRuntimes[1]`: invalid unicode code point at line 1 column 40",
        ),
        (
            br#"{"Description": "\ud800"}"#,
            "invalid GetLayerVersionOutput body at `Description`: unexpected end of hex escape at line 1 column 24",
        ),
        (
            b"{\"Descr\xffiption\": \"x\"}",
            // The key is not known yet, so serde_path_to_error says `?`.
            "invalid GetLayerVersionOutput body at `?`: invalid unicode code point at line 1 column 8",
        ),
    ];
    for (body, expected) in cases {
        assert_eq!(bad_success_body(body), expected, "{}", String::from_utf8_lossy(body));
    }
    // Outside strings the bytes are simply not JSON.
    assert_eq!(
        bad_success_body(b"\xef\xbb\xbf{}".to_vec()),
        "invalid GetLayerVersionOutput body: expected a JSON object"
    );
}

#[test]
fn invalid_utf8_in_error_bodies_and_headers_is_unhandled() {
    let mut response = response(404, b"{\"message\": \"\xff\"}".to_vec());
    let error = GetLayerVersionOutput::from_http_response(&response).expect_err("an error status");
    assert!(matches!(error, GetLayerVersionError::Unhandled(_)), "{error:?}");
    assert_eq!(error.message(), None);

    // An error-type header that is not visible ASCII is ignored; the body's code is used.
    *response.body_mut() = br#"{"code": "ResourceNotFoundException", "message": "gone"}"#.to_vec();
    response.headers_mut().insert(
        "x-amzn-errortype",
        http::HeaderValue::from_bytes(b"Resource\xffNotFound").expect("obs-text is a valid header value"),
    );
    let error = GetLayerVersionOutput::from_http_response(&response).expect_err("an error status");
    assert!(error.is_resource_not_found_exception(), "{error:?}");
    assert_eq!(error.message(), Some("gone"));
}

// ---------------------------------------------------------------------------
// Large arrays
// ---------------------------------------------------------------------------

#[test]
fn a_million_runtimes_cost_a_bounded_multiple_of_the_input() {
    // Each 3-byte `"",` becomes a 24-byte `Runtime` (an unknown, empty value):
    // amplification is by the size of the element type, not unbounded.
    let count = 1_000_000;
    let mut body = b"{\"CompatibleRuntimes\": [".to_vec();
    for i in 0..count {
        if i > 0 {
            body.push(b',');
        }
        body.extend_from_slice(b"\"\"");
    }
    body.extend_from_slice(b"]}");
    let response = response(200, body);
    let (output, peak) = peak_heap(|| GetLayerVersionOutput::from_http_response(&response));
    let output = output.expect("empty strings are unknown runtimes");
    assert_eq!(output.compatible_runtimes().len(), count);
    let per_element = std::mem::size_of::<lambda_model::types::Runtime>();
    // A growing Vec may hold up to twice its final size while it reallocates.
    assert!(peak <= 3 * per_element * count + MB, "peak {} MB for {count} elements of {per_element} bytes", peak / MB);
}

// ---------------------------------------------------------------------------
// Arrays in place of objects
// ---------------------------------------------------------------------------

#[test]
fn arrays_are_not_structures() {
    // serde's derives alone would read `[null, "arn:x"]` as an output with
    // LayerArn `arn:x` and `{"Content": [null, null, 12]}` as CodeSize 12.
    for body in [&b"[]"[..], br#"[null, "arn:x"]"#, br#"{"Content": [null, null, 12]}"#] {
        let decoded = GetLayerVersionOutput::from_http_response(&response(200, body.to_vec()));
        assert!(decoded.is_err(), "{} decoded as {decoded:?}", String::from_utf8_lossy(body));
        assert!(serde_json::from_slice::<GetLayerVersionOutput>(body).is_err());
    }
    let mut response = response(404, br#"["User", "gone"]"#.to_vec());
    response.headers_mut().insert("x-amzn-errortype", http::HeaderValue::from_static("ResourceNotFoundException"));
    let error = GetLayerVersionOutput::from_http_response(&response).expect_err("an error status");
    assert!(matches!(error, GetLayerVersionError::Unhandled(_)), "{error:?}");
}

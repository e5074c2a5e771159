//! Properties of the generated types over arbitrary values (proptest, bounded
//! case counts, no persisted failure files):
//!
//! - any `GetLayerVersionOutput` (arbitrary strings, unknown enum values, every
//!   `Option` pattern, i64 edge values) serializes and deserializes back to an
//!   equal value, through serde_json and through the HTTP response glue;
//! - any string read as `Runtime` (and `Architecture`, `ThrottleReason`) writes
//!   back byte for byte, through `From<&str>`, `FromStr`, `as_str` and serde_json;
//! - any sequence of InvokeWithResponseStream events (unknown ones too),
//!   encoded and cut at arbitrary byte boundaries, decodes to itself.
//!
//! The layer-name property (any valid name survives client encode -> server
//! decode) lives in `tests/loopback.rs`, both over HTTP and sans-IO
//! (`arbitrary_valid_names_survive_label_encoding`).

use lambda_model::operation::get_layer_version::GetLayerVersionOutput;
use lambda_model::types::{Architecture, LayerVersionContentOutput, Runtime, ThrottleReason};
use proptest::prelude::*;
use proptest::test_runner::Config;

const CASES: u32 = 256;

fn config() -> Config {
    Config { cases: CASES, failure_persistence: None, ..Config::default() }
}

/// Any text, biased towards what is interesting on the wire: empty, quotes,
/// escapes, control characters, non-ASCII, and long-ish values.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => any::<String>(),
        1 => Just(String::new()),
        1 => "[\"\\\\/\u{0}-\u{1f}\u{7f}\u{2028}\u{feff}é😀 ]{0,8}",
        1 => "[a-z0-9.:/_-]{100,300}",
    ]
}

fn i64_value() -> impl Strategy<Value = i64> {
    prop_oneof![
        Just(i64::MIN),
        Just(i64::MIN + 1),
        Just(-1i64),
        Just(0i64),
        Just(1i64),
        Just(i64::MAX - 1),
        Just(i64::MAX),
        any::<i64>(),
    ]
}

/// Known values and arbitrary strings (mostly unknown values), both as `Runtime::from`.
fn runtime() -> impl Strategy<Value = Runtime> {
    prop_oneof![
        prop::sample::select(Runtime::values()).prop_map(Runtime::from),
        text().prop_map(|s| Runtime::from(s.as_str())),
    ]
}

fn architecture() -> impl Strategy<Value = Architecture> {
    prop_oneof![
        prop::sample::select(Architecture::values()).prop_map(Architecture::from),
        text().prop_map(|s| Architecture::from(s.as_str())),
    ]
}

fn content() -> impl Strategy<Value = LayerVersionContentOutput> {
    (
        proptest::option::of(text()),
        proptest::option::of(text()),
        proptest::option::of(i64_value()),
        proptest::option::of(text()),
        proptest::option::of(text()),
    )
        .prop_map(|(location, sha, size, profile, job)| {
            LayerVersionContentOutput::builder()
                .set_location(location)
                .set_code_sha256(sha)
                .set_code_size(size)
                .set_signing_profile_version_arn(profile)
                .set_signing_job_arn(job)
                .build()
        })
}

/// Every member absent or present (lists also present and empty).
fn output() -> impl Strategy<Value = GetLayerVersionOutput> {
    (
        proptest::option::of(content()),
        proptest::option::of(text()),
        proptest::option::of(text()),
        proptest::option::of(text()),
        proptest::option::of(text()),
        proptest::option::of(i64_value()),
        proptest::option::of(prop::collection::vec(architecture(), 0..4)),
        proptest::option::of(prop::collection::vec(runtime(), 0..6)),
        proptest::option::of(text()),
    )
        .prop_map(
            |(content, layer_arn, version_arn, description, created, version, architectures, runtimes, license)| {
                GetLayerVersionOutput::builder()
                    .set_content(content)
                    .set_layer_arn(layer_arn)
                    .set_layer_version_arn(version_arn)
                    .set_description(description)
                    .set_created_date(created)
                    .set_version(version)
                    .set_compatible_architectures(architectures)
                    .set_compatible_runtimes(runtimes)
                    .set_license_info(license)
                    .build()
            },
        )
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_output_survives_serde_json(output in output()) {
        let json = serde_json::to_string(&output).expect("an output encodes");
        let back: GetLayerVersionOutput = serde_json::from_str(&json).expect("its own encoding decodes");
        prop_assert_eq!(&back, &output);
        // And the bytes are stable: encoding the decoded value gives the same text.
        prop_assert_eq!(serde_json::to_string(&back).expect("encodes"), json);
        // Through a generic JSON value too (the order of keys does not matter).
        let value = serde_json::to_value(&output).expect("encodes to a value");
        prop_assert_eq!(serde_json::from_value::<GetLayerVersionOutput>(value).expect("decodes"), output);
    }

    #[test]
    fn any_runtime_string_writes_back_byte_for_byte(s in text()) {
        let runtime = Runtime::from(s.as_str());
        prop_assert_eq!(runtime.as_str(), s.as_str());
        prop_assert_eq!(runtime.to_string(), s.clone());
        prop_assert_eq!(s.parse::<Runtime>().expect("parse never fails"), runtime.clone());
        let json = serde_json::to_string(&s).expect("a string encodes");
        prop_assert_eq!(serde_json::to_string(&runtime).expect("a runtime encodes"), json.clone());
        let read: Runtime = serde_json::from_str(&json).expect("any JSON string is a runtime");
        prop_assert_eq!(read.as_str(), s.as_str());
        prop_assert_eq!(&read, &runtime);
        // Known values, and only those, parse strictly.
        prop_assert_eq!(Runtime::try_parse(&s).is_ok(), Runtime::values().contains(&s.as_str()));
    }

    #[test]
    fn known_runtime_values_are_not_unknown(value in prop::sample::select(Runtime::values())) {
        let runtime = Runtime::from(value);
        prop_assert!(!matches!(runtime, Runtime::Unknown(_)), "{}", value);
        prop_assert_eq!(serde_json::to_string(&runtime).expect("encodes"), format!("\"{value}\""));
    }

    #[test]
    fn any_architecture_or_throttle_reason_string_writes_back(s in text()) {
        let json = serde_json::to_string(&s).expect("a string encodes");
        let architecture: Architecture = serde_json::from_str(&json).expect("any JSON string");
        prop_assert_eq!(architecture.as_str(), s.as_str());
        prop_assert_eq!(serde_json::to_string(&architecture).expect("encodes"), json.clone());
        let reason: ThrottleReason = serde_json::from_str(&json).expect("any JSON string");
        prop_assert_eq!(reason.as_str(), s.as_str());
        prop_assert_eq!(serde_json::to_string(&reason).expect("encodes"), json);
    }
}

proptest! {
    #![proptest_config(config())]

    /// The server writes any output and the client reads back the same value.
    #[test]
    fn any_output_survives_the_http_response_glue(output in output()) {
        let response = output.to_http_response();
        prop_assert_eq!(response.status(), 200);
        let back = GetLayerVersionOutput::from_http_response(&response)
            .map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        prop_assert_eq!(back, output);
    }
}

/// Escaped forms of a string decode to the same runtime as the plain form.
#[test]
fn escaped_json_strings_read_as_their_text() {
    for (json, text) in [
        (r#""python3.12""#, "python3.12"),
        (r#""python3\u002e12""#, "python3.12"),
        (r#""\ud83d\ude00""#, "😀"),
        (r#""a\"b\\c\/d""#, "a\"b\\c/d"),
        (r#""""#, ""),
    ] {
        let runtime: Runtime = serde_json::from_str(json).unwrap();
        assert_eq!(runtime.as_str(), text, "{json}");
        assert_eq!(runtime, Runtime::from(text));
    }
}

// ---------------------------------------------------------------------------
// InvokeWithResponseStream's events through the event-stream codec
// ---------------------------------------------------------------------------

use lambda_model::event_stream::{EventDecoder, EventEncoder, Message};
use lambda_model::types::{
    InvokeResponseStreamUpdate, InvokeWithResponseStreamCompleteEvent, InvokeWithResponseStreamResponseEvent as Event,
};

/// A `PayloadChunk` of arbitrary bytes, an `InvokeComplete` with any
/// `Option` pattern of arbitrary texts, or an event of a type this crate does
/// not know (kept as `Unknown`).
fn event() -> impl Strategy<Value = Event> {
    let chunk = prop::collection::vec(any::<u8>(), 0..64)
        .prop_map(|bytes| Event::PayloadChunk(InvokeResponseStreamUpdate::builder().payload(bytes.into()).build()));
    let complete = (prop::option::of(text()), prop::option::of(text()), prop::option::of(text())).prop_map(
        |(code, details, log)| {
            let event = InvokeWithResponseStreamCompleteEvent::builder()
                .set_error_code(code)
                .set_error_details(details)
                .set_log_result(log);
            Event::InvokeComplete(event.build())
        },
    );
    let unknown = ("[A-Za-z]{1,20}", prop::collection::vec(any::<u8>(), 0..32)).prop_filter_map(
        "a known event type",
        |(event_type, payload)| {
            let message = Message::builder()
                .header(":message-type", "event")
                .header(":event-type", event_type.as_str())
                .payload(payload)
                .build()
                .ok()?;
            let mut decoder = EventDecoder::<Event>::new();
            let decoded = decoder.feed(message.as_bytes()).next()?.ok()?;
            decoded.is_unknown().then_some(decoded)
        },
    );
    prop_oneof![3 => chunk, 2 => complete, 1 => unknown]
}

proptest! {
    #![proptest_config(config())]

    /// Any sequence of events, encoded and cut at arbitrary byte boundaries,
    /// decodes to itself (unknown events byte for byte).
    #[test]
    fn any_event_sequence_survives_any_chunking(
        events in prop::collection::vec(event(), 0..8),
        cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..12),
    ) {
        let encoder = EventEncoder::<Event>::new();
        let mut bytes = Vec::new();
        for event in &events {
            bytes.extend_from_slice(encoder.encode(event).expect("encodes").as_bytes());
        }
        let mut cuts: Vec<usize> = cuts.iter().map(|i| i.index(bytes.len() + 1)).collect();
        cuts.extend([0, bytes.len()]);
        cuts.sort_unstable();
        let mut decoder = EventDecoder::<Event>::new();
        let mut decoded = Vec::new();
        for piece in cuts.windows(2) {
            decoded.extend(decoder.feed(&bytes[piece[0]..piece[1]]));
        }
        decoded.extend(decoder.finish());
        let decoded: Vec<Event> = decoded.into_iter().collect::<Result<_, _>>().expect("decodes");
        prop_assert_eq!(decoded, events);
    }
}

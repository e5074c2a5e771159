//! Properties of the framing: any sequence of messages, encoded and cut at
//! arbitrary byte boundaries, decodes to itself; a damaged stream gives the
//! same error however it is cut.
#![cfg(feature = "event-stream")]

use proptest::prelude::*;
use proptest::sample::Index;
use smithy_codegen_runtime::event_stream::{decode_all, DecodeError, Decoder, HeaderValue, Message};

/// A header value that owns its bytes, for the strategies.
#[derive(Debug, Clone)]
enum Value {
    Bool(bool),
    Byte(i8),
    Int16(i16),
    Int32(i32),
    Int64(i64),
    ByteArray(Vec<u8>),
    String(String),
    Timestamp(i64),
    Uuid([u8; 16]),
}

impl Value {
    fn as_header_value(&self) -> HeaderValue<'_> {
        match self {
            Value::Bool(v) => HeaderValue::Bool(*v),
            Value::Byte(v) => HeaderValue::Byte(*v),
            Value::Int16(v) => HeaderValue::Int16(*v),
            Value::Int32(v) => HeaderValue::Int32(*v),
            Value::Int64(v) => HeaderValue::Int64(*v),
            Value::ByteArray(v) => HeaderValue::ByteArray(v),
            Value::String(v) => HeaderValue::String(v),
            Value::Timestamp(v) => HeaderValue::Timestamp(*v),
            Value::Uuid(v) => HeaderValue::Uuid(*v),
        }
    }
}

fn value() -> impl Strategy<Value = Value> {
    prop_oneof![
        any::<bool>().prop_map(Value::Bool),
        any::<i8>().prop_map(Value::Byte),
        any::<i16>().prop_map(Value::Int16),
        any::<i32>().prop_map(Value::Int32),
        any::<i64>().prop_map(Value::Int64),
        prop::collection::vec(any::<u8>(), 0..40).prop_map(Value::ByteArray),
        "\\PC{0,20}".prop_map(Value::String),
        any::<i64>().prop_map(Value::Timestamp),
        any::<[u8; 16]>().prop_map(Value::Uuid),
    ]
}

#[derive(Debug, Clone)]
struct Event {
    headers: Vec<(String, Value)>,
    payload: Vec<u8>,
}

fn event() -> impl Strategy<Value = Event> {
    let header = ("\\PC{0,12}", value());
    (prop::collection::vec(header, 0..6), prop::collection::vec(any::<u8>(), 0..300))
        .prop_map(|(headers, payload)| Event { headers, payload })
}

fn encode(event: &Event) -> Message<'static> {
    let builder =
        event.headers.iter().fold(Message::builder(), |b, (name, value)| b.header(name, value.as_header_value()));
    builder.payload(event.payload.clone()).build().expect("small events fit the format")
}

/// Feeds `stream` cut at `cuts`, collecting what the decoder yields, then `finish`.
fn decode_cut<'s>(stream: &'s [u8], cuts: &[Index]) -> Result<Vec<Message<'s>>, DecodeError> {
    let mut at: Vec<usize> = cuts.iter().map(|i| i.index(stream.len() + 1)).collect();
    at.push(0);
    at.push(stream.len());
    at.sort_unstable();
    let mut decoder = Decoder::new();
    let mut messages = Vec::new();
    for pair in at.windows(2) {
        for message in decoder.feed(&stream[pair[0]..pair[1]]) {
            messages.push(message?);
        }
    }
    decoder.finish()?;
    Ok(messages)
}

proptest! {
    #[test]
    fn events_cut_anywhere_decode_to_themselves(
        events in prop::collection::vec(event(), 0..8),
        cuts in prop::collection::vec(any::<Index>(), 0..12),
    ) {
        let messages: Vec<Message> = events.iter().map(encode).collect();
        let stream: Vec<u8> = messages.iter().flat_map(|m| m.as_bytes().iter().copied()).collect();
        let decoded = decode_cut(&stream, &cuts).expect("a valid stream decodes");
        prop_assert_eq!(&decoded, &messages);
        for (message, event) in decoded.iter().zip(&events) {
            let headers: Vec<_> = message.headers().map(|h| (h.name(), h.value())).collect();
            let expected: Vec<_> = event.headers.iter().map(|(n, v)| (n.as_str(), v.as_header_value())).collect();
            prop_assert_eq!(headers, expected);
            prop_assert_eq!(message.payload(), &event.payload[..]);
        }
    }

    #[test]
    fn damaged_streams_fail_the_same_way_however_cut(
        events in prop::collection::vec(event(), 1..4),
        damage_at in any::<Index>(),
        flip in 1u8..,
        truncate in any::<bool>(),
        cuts in prop::collection::vec(any::<Index>(), 0..12),
    ) {
        let frames: Vec<Vec<u8>> = events.iter().map(|e| encode(e).into_bytes()).collect();
        let boundaries: Vec<usize> = frames.iter().scan(0, |end, f| { *end += f.len(); Some(*end) }).collect();
        let mut stream = frames.concat();
        let at = damage_at.index(stream.len());
        if truncate {
            stream.truncate(at);
        } else {
            stream[at] ^= flip;
        }
        let whole = decode_all(&stream);
        // Cutting a stream between two frames leaves a valid, shorter stream.
        let still_valid = truncate && (at == 0 || boundaries.contains(&at));
        prop_assert_eq!(whole.is_ok(), still_valid, "damage at {}: {:?}", at, whole);
        prop_assert_eq!(decode_cut(&stream, &cuts), whole);
    }
}

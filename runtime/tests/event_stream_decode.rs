//! The decoder against published frames and against each kind of bad input:
//! every bad stream is an error naming the frame's offset, never a panic.
#![cfg(feature = "event-stream")]

use smithy_codegen_runtime::event_stream::{
    decode_all, DecodeError, DecodeErrorKind, Decoder, HeaderValue, Message, MAX_MESSAGE_LEN,
};

fn hex(s: &str) -> Vec<u8> {
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex digits")).collect()
}

/// A frame with the given lengths and correct CRCs around arbitrary header and
/// payload bytes, so that each check can be reached on its own.
fn raw_frame(headers: &[u8], payload: &[u8]) -> Vec<u8> {
    let total_len = (16 + headers.len() + payload.len()) as u32;
    let mut frame = total_len.to_be_bytes().to_vec();
    frame.extend_from_slice(&(headers.len() as u32).to_be_bytes());
    let prelude_crc = crc32fast::hash(&frame);
    frame.extend_from_slice(&prelude_crc.to_be_bytes());
    frame.extend_from_slice(headers);
    frame.extend_from_slice(payload);
    let message_crc = crc32fast::hash(&frame);
    frame.extend_from_slice(&message_crc.to_be_bytes());
    frame
}

fn prelude_only(total_len: u32, headers_len: u32) -> Vec<u8> {
    let mut bytes = total_len.to_be_bytes().to_vec();
    bytes.extend_from_slice(&headers_len.to_be_bytes());
    let crc = crc32fast::hash(&bytes);
    bytes.extend_from_slice(&crc.to_be_bytes());
    bytes
}

fn decode_err(stream: &[u8]) -> DecodeError {
    decode_all(stream).expect_err("a bad stream")
}

fn event(n: i32) -> Message<'static> {
    Message::builder().header(":event-type", "PayloadChunk").header("n", n).payload(vec![b'p'; 10]).build().unwrap()
}

// The AWS event-stream test vectors (aws-c-event-stream's encoded messages).
const EMPTY_MESSAGE: &str = "000000100000000005c248eb7d98c8ff";
const ONE_HEADER_MESSAGE: &str = "0000003d0000002007fd83960c636f6e74656e742d747970650700106170706c69636174696f6e2f6a736f6e7b27666f6f273a27626172277d8d9c08b1";

#[test]
fn published_vectors_decode_and_encode_byte_for_byte() {
    let empty_vector = hex(EMPTY_MESSAGE);
    let empty = decode_all(&empty_vector).unwrap();
    assert_eq!(empty.len(), 1);
    assert_eq!(empty[0].headers().count(), 0);
    assert_eq!(empty[0].payload(), b"");
    assert_eq!(Message::builder().build().unwrap().as_bytes(), hex(EMPTY_MESSAGE));

    let vector = hex(ONE_HEADER_MESSAGE);
    let decoded = decode_all(&vector).unwrap();
    assert_eq!(decoded[0].header("content-type"), Some(HeaderValue::String("application/json")));
    assert_eq!(decoded[0].payload(), b"{'foo':'bar'}");
    let built =
        Message::builder().header("content-type", "application/json").payload(&b"{'foo':'bar'}"[..]).build().unwrap();
    assert_eq!(built.as_bytes(), vector);
}

#[test]
fn one_byte_at_a_time_decodes_every_message() {
    let messages: Vec<_> = (0..3).map(event).collect();
    let stream: Vec<u8> = messages.iter().flat_map(|m| m.as_bytes().to_vec()).collect();
    let mut decoder = Decoder::new();
    let mut decoded = Vec::new();
    for byte in stream.chunks(1) {
        decoded.extend(decoder.feed(byte).map(Result::unwrap));
        assert!(decoder.buffered() < messages[0].as_bytes().len());
    }
    decoder.finish().unwrap();
    assert_eq!(decoded, messages);
}

#[test]
fn whole_frames_are_borrowed_from_the_chunk_and_split_ones_owned() {
    let stream = [event(1).into_bytes(), event(2).into_bytes()].concat();
    let in_stream = |m: &Message<'_>| stream.as_ptr_range().contains(&m.as_bytes().as_ptr());
    let mut decoder = Decoder::new();
    let whole: Vec<_> = decoder.feed(&stream).map(Result::unwrap).collect();
    assert!(whole.iter().all(in_stream), "no copy for frames inside the chunk");

    let cut = stream.len() / 2 + 3;
    let mut decoder = Decoder::new();
    let first: Vec<_> = decoder.feed(&stream[..cut]).map(Result::unwrap).collect();
    let second: Vec<_> = decoder.feed(&stream[cut..]).map(Result::unwrap).collect();
    assert!(in_stream(&first[0]));
    assert!(!in_stream(&second[0]), "the split frame was assembled in the decoder's buffer");
    assert_eq!([first, second].concat(), whole);
    let owned: Message<'static> = whole[0].clone().into_owned();
    assert_eq!(owned, whole[0]);
}

#[test]
fn dropping_the_iterator_early_loses_nothing() {
    let messages: Vec<_> = (0..3).map(event).collect();
    let stream: Vec<u8> = messages.iter().flat_map(|m| m.as_bytes().to_vec()).collect();
    let mut decoder = Decoder::new();
    let first = decoder.feed(&stream).next().unwrap().unwrap();
    assert_eq!(first, messages[0]);
    let err = decoder.finish().unwrap_err();
    assert_eq!(err.kind(), &DecodeErrorKind::Undecoded { buffered: stream.len() - first.as_bytes().len() });
    let rest: Vec<_> = decoder.feed(&[]).map(Result::unwrap).collect();
    assert_eq!(rest, messages[1..]);
    decoder.finish().unwrap();
}

#[test]
fn truncated_stream_is_reported_by_finish() {
    let frame = event(1).into_bytes();
    for cut in 1..frame.len() {
        let err = decode_err(&frame[..cut]);
        let frame_len = (cut >= 12).then_some(frame.len());
        assert_eq!(err.kind(), &DecodeErrorKind::Truncated { buffered: cut, frame_len }, "cut at {cut}");
        assert_eq!(err.offset(), 0);
    }
    // After a complete frame, the offset is that of the cut frame.
    let mut stream = frame.clone();
    stream.extend_from_slice(&frame[..5]);
    let err = decode_err(&stream);
    assert_eq!(err.offset(), frame.len() as u64);
    assert_eq!(
        err.to_string(),
        format!(
            "event-stream frame at byte {}: the stream ends inside the frame: 5 bytes arrived, fewer than the 12-byte prelude",
            frame.len()
        )
    );
}

#[test]
fn wrong_prelude_crc() {
    let mut frame = event(1).into_bytes();
    frame[8] ^= 0x80;
    let err = decode_err(&frame);
    assert!(matches!(err.kind(), DecodeErrorKind::PreludeCrcMismatch { .. }), "{err}");
    assert!(err.to_string().starts_with("event-stream frame at byte 0: prelude CRC is 0x"), "{err}");
}

#[test]
fn wrong_message_crc_anywhere_in_the_frame() {
    let frame = event(1).into_bytes();
    for at in 12..frame.len() {
        let mut bad = frame.clone();
        bad[at] ^= 0x01;
        let err = decode_err(&bad);
        assert!(matches!(err.kind(), DecodeErrorKind::MessageCrcMismatch { .. }), "byte {at}: {err}");
    }
}

#[test]
fn total_length_below_the_minimum() {
    let err = decode_err(&prelude_only(15, 0));
    assert_eq!(err.kind(), &DecodeErrorKind::FrameTooShort { total_len: 15, headers_len: 0 });
    let err = decode_err(&prelude_only(20, 8));
    assert_eq!(
        err.to_string(),
        "event-stream frame at byte 0: total length 20 is below the 24 bytes that a 8-byte header block needs"
    );
}

#[test]
fn total_length_above_16_mib_fails_before_buffering() {
    let mut decoder = Decoder::new();
    let prelude = prelude_only(MAX_MESSAGE_LEN as u32 + 1, 0);
    let err = decoder.feed(&prelude).next().expect("an error at once").unwrap_err();
    assert_eq!(err.kind(), &DecodeErrorKind::FrameTooLong { total_len: MAX_MESSAGE_LEN as u32 + 1 });
    // The same through the buffer, when the prelude arrives split.
    let mut decoder = Decoder::new();
    assert!(decoder.feed(&prelude[..5]).next().is_none());
    let err = decoder.feed(&prelude[5..]).next().expect("an error at once").unwrap_err();
    assert!(matches!(err.kind(), DecodeErrorKind::FrameTooLong { .. }));
    assert!(decoder.buffered() <= 12);
}

#[test]
fn header_block_above_128_kib() {
    let err = decode_err(&prelude_only(1024 * 1024, 128 * 1024 + 1));
    assert_eq!(err.kind(), &DecodeErrorKind::HeadersTooLong { headers_len: 128 * 1024 + 1 });
}

#[test]
fn unknown_header_type() {
    let err = decode_err(&raw_frame(&[1, b'a', 0, 4, b'k', b'i', b'n', b'd', 42], b""));
    assert_eq!(err.kind(), &DecodeErrorKind::UnknownHeaderType { index: 1, name: "kind".into(), type_code: 42 });
    assert_eq!(err.to_string(), "event-stream frame at byte 0: header 1 (\"kind\") has unknown type code 42");
}

#[test]
fn non_utf8_string_header_and_name() {
    let err = decode_err(&raw_frame(&[1, b's', 7, 0, 1, 0xff], b""));
    assert_eq!(err.kind(), &DecodeErrorKind::HeaderStringNotUtf8 { index: 0, name: "s".into() });
    let err = decode_err(&raw_frame(&[2, b'a', 0xfe, 0], b""));
    assert_eq!(err.kind(), &DecodeErrorKind::HeaderNameNotUtf8 { index: 0, name: vec![b'a', 0xfe] });
    assert_eq!(err.to_string(), "event-stream frame at byte 0: header 0 has a name that is not UTF-8: \"a\\xfe\"");
}

#[test]
fn header_running_past_its_block() {
    // A string header that claims 5 bytes where the block has 2.
    let err = decode_err(&raw_frame(&[1, b's', 7, 0, 5, b'a', b'b'], b"payload"));
    assert_eq!(err.kind(), &DecodeErrorKind::HeaderOverrun { index: 0, name: Some("s".into()) });
}

#[test]
fn error_sticks_and_names_the_bad_frames_offset() {
    let good = event(1).into_bytes();
    let mut bad = event(2).into_bytes();
    let last = bad.len() - 1;
    bad[last] ^= 1;
    let stream = [good.clone(), bad, good.clone()].concat();
    let mut decoder = Decoder::new();
    let results: Vec<_> = decoder.feed(&stream).collect();
    assert_eq!(results.len(), 2, "one message, then the error, then nothing");
    assert!(results[0].is_ok());
    let err = results[1].clone().unwrap_err();
    assert_eq!(err.offset(), good.len() as u64);
    // Later chunks and finish repeat the error rather than decoding garbage.
    let again: Vec<_> = decoder.feed(&good).collect();
    assert_eq!(again, [Err(err.clone())]);
    assert_eq!(decoder.finish(), Err(err));
}

#[test]
fn decoder_debug_counts_buffered_bytes() {
    let frame = event(1).into_bytes();
    let mut decoder = Decoder::new();
    assert_eq!(decoder.feed(&frame[..frame.len() - 1]).count(), 0);
    assert_eq!(format!("{decoder:?}"), format!("Decoder {{ offset: 0, buffered: {}, failed: None }}", frame.len() - 1));
}

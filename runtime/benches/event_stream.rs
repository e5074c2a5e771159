//! Event-stream decoding speed: a 1 MiB stream of 1 KiB events decoded, against
//! a bare `crc32fast` pass over the same bytes in the same group. Goal: decode /
//! crc32fast <= 2.
//!
//! Group `event_stream_1mib`, functions `crc32fast` (the baseline: one pass
//! over the whole stream), `crc32fast_per_frame` (one `crc32fast::hash` per
//! frame, the frames' bounds known in advance: what checking each frame with
//! `crc32fast` would cost; the decoder's own CRC kernel, on CPUs with
//! AVX-512, costs less), `decode_whole` (the stream fed as one chunk) and
//! `decode_16k_chunks` (fed as 16 KiB chunks, as an HTTP body arrives, so that
//! frames are split at chunk boundaries), and `typed_whole`: the stream fed at
//! once to an `EventDecoder` of a union like Lambda's generated one (each
//! `PayloadChunk` event owns a copy of its payload, as a `Blob` does).
//!
//! `EVENT_STREAM_REPEAT=NAME:N` (NAME one of the functions above) runs one
//! function N times without criterion: for instruction counts under
//! callgrind, which a busy machine does not disturb (the count of `NAME:10`
//! minus that of `NAME:0`, over 10, is one run; valgrind hides AVX-512, so
//! these count the portable `crc32fast` path), or for wall-clock A/B runs of
//! two builds, the minimum of several runs each.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use smithy_codegen_runtime::event_stream::{
    Decoder, EncodeError, EventDecodeError, EventDecoder, EventUnion, Message, UnknownEvent, UnmodeledError,
};

/// A one-event union, decoded as generated code decodes Lambda's
/// `PayloadChunk`: the payload copied into the event.
enum PayloadEvent {
    PayloadChunk(Vec<u8>),
    Unknown,
}

impl EventUnion for PayloadEvent {
    type Error = UnmodeledError;

    // Generated code marks it so too: inlined into the runtime's router, its
    // large result is not written to memory and read back.
    #[inline]
    fn decode_event(event_type: &str, message: &Message<'_>) -> Result<Option<Self>, EventDecodeError> {
        Ok(match event_type {
            "PayloadChunk" => Some(PayloadEvent::PayloadChunk(message.payload().to_vec())),
            _ => None,
        })
    }

    fn from_unknown(_: UnknownEvent) -> Self {
        PayloadEvent::Unknown
    }

    fn encode_event(&self) -> Result<Message<'static>, EncodeError> {
        unreachable!("the bench only decodes")
    }
}

fn decode_typed(stream: &[u8]) -> usize {
    let mut payload_bytes = 0;
    for event in EventDecoder::<PayloadEvent>::new().feed(stream) {
        match event {
            Ok(PayloadEvent::PayloadChunk(payload)) => payload_bytes += payload.len(),
            _ => panic!("the bench stream holds PayloadChunk events only"),
        }
    }
    payload_bytes
}

const STREAM_LEN: usize = 1024 * 1024;
const PAYLOAD_LEN: usize = 1024;
const CHUNK_LEN: usize = 16 * 1024;

/// Lambda's `PayloadChunk` events with 1 KiB payloads, up to 1 MiB in all,
/// and the length of each frame.
fn stream() -> (Vec<u8>, Vec<usize>) {
    let mut stream = Vec::with_capacity(STREAM_LEN + 2 * PAYLOAD_LEN);
    let mut frame_lens = Vec::new();
    while stream.len() < STREAM_LEN {
        let count = frame_lens.len();
        let payload: Vec<u8> = (0..PAYLOAD_LEN).map(|i| (i * 31 + count) as u8).collect();
        let message = Message::builder()
            .header(":message-type", "event")
            .header(":event-type", "PayloadChunk")
            .header(":content-type", "application/octet-stream")
            .payload(payload)
            .build()
            .expect("a valid message");
        stream.extend_from_slice(message.as_bytes());
        frame_lens.push(message.as_bytes().len());
    }
    (stream, frame_lens)
}

/// The CRC-32 of each frame of the stream, one call per frame.
fn crc_per_frame(stream: &[u8], frame_lens: &[usize]) -> u32 {
    let mut rest = stream;
    let mut all = 0;
    for &len in frame_lens {
        let (frame, tail) = rest.split_at(len);
        all ^= crc32fast::hash(frame);
        rest = tail;
    }
    all
}

fn decode(decoder: &mut Decoder, chunk: &[u8]) -> usize {
    let mut payload_bytes = 0;
    for message in decoder.feed(chunk) {
        payload_bytes += message.expect("the bench stream is valid").payload().len();
    }
    payload_bytes
}

fn event_stream(c: &mut Criterion) {
    let (stream, frame_lens) = stream();
    let count = frame_lens.len();
    // Outside the timings: both ways of feeding decode every event.
    let mut decoder = Decoder::new();
    assert_eq!(decode(&mut decoder, &stream), count * PAYLOAD_LEN);
    let mut decoder = Decoder::new();
    let chunked: usize = stream.chunks(CHUNK_LEN).map(|chunk| decode(&mut decoder, chunk)).sum();
    assert_eq!(chunked, count * PAYLOAD_LEN);
    decoder.finish().expect("the stream ends at a frame boundary");
    assert_eq!(decode_typed(&stream), count * PAYLOAD_LEN);

    if let Ok(repeat) = std::env::var("EVENT_STREAM_REPEAT") {
        let (name, times) = repeat.split_once(':').expect("EVENT_STREAM_REPEAT=NAME:N");
        for _ in 0..times.parse::<usize>().expect("a count") {
            match name {
                "crc32fast" => {
                    black_box(crc32fast::hash(black_box(&stream)));
                }
                "crc32fast_per_frame" => {
                    black_box(crc_per_frame(black_box(&stream), &frame_lens));
                }
                "decode_whole" => {
                    black_box(decode(&mut Decoder::new(), black_box(&stream)));
                }
                "decode_16k_chunks" => {
                    let mut decoder = Decoder::new();
                    let decoded: usize = black_box(&stream).chunks(CHUNK_LEN).map(|c| decode(&mut decoder, c)).sum();
                    black_box(decoded);
                }
                "typed_whole" => {
                    black_box(decode_typed(black_box(&stream)));
                }
                other => panic!("EVENT_STREAM_REPEAT: no function `{other}`"),
            }
        }
        return;
    }

    let mut group = c.benchmark_group("event_stream_1mib");
    group.throughput(Throughput::Bytes(stream.len() as u64));
    group.bench_function("crc32fast", |b| b.iter(|| crc32fast::hash(black_box(&stream))));
    group.bench_function("crc32fast_per_frame", |b| b.iter(|| crc_per_frame(black_box(&stream), &frame_lens)));
    group.bench_function("decode_whole", |b| {
        b.iter(|| {
            let mut decoder = Decoder::new();
            decode(&mut decoder, black_box(&stream))
        })
    });
    group.bench_function("decode_16k_chunks", |b| {
        b.iter(|| {
            let mut decoder = Decoder::new();
            black_box(&stream).chunks(CHUNK_LEN).map(|chunk| decode(&mut decoder, chunk)).sum::<usize>()
        })
    });
    group.bench_function("typed_whole", |b| b.iter(|| decode_typed(black_box(&stream))));
    group.finish();
}

criterion_group!(benches, event_stream);
criterion_main!(benches);

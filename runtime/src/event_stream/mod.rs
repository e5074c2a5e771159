//! The AWS event-stream message format (`application/vnd.amazon.eventstream`),
//! sans-IO: bytes in, messages out, and back.
//!
//! A stream is a sequence of frames, each one message:
//!
//! ```text
//! total length (u32) | headers length (u32) | prelude CRC32 (u32)
//! headers (headers length bytes) | payload (the rest) | message CRC32 (u32)
//! ```
//!
//! Integers are big-endian. The prelude CRC covers the first 8 bytes, the
//! message CRC everything before it (CRC-32/IEEE, as `crc32fast` computes).
//! Each header is a name (one length byte, then UTF-8), a type byte and a value
//! of that type (see [`HeaderValue`]).
//!
//! - [`Decoder`] takes the stream in chunks of any size, with frames split
//!   anywhere, and yields each [`Message`] once its last byte has arrived.
//!   [`Decoder::finish`] reports a frame cut off by the end of the stream.
//! - [`Message::builder`] writes a frame; [`Message::as_bytes`] is what goes
//!   on the wire.
//!
//! - Typed events: generated code implements [`EventUnion`] for each
//!   `@streaming` union (and [`EventUnionError`] for its errors);
//!   [`EventDecoder`] turns a stream's chunks into its events, and
//!   [`EventEncoder`] turns events into frames.
//!
//! Malformed input is an error that names the frame's offset in the stream
//! and what is wrong with it, never a panic. Memory stays bounded by the
//! format's limits: a frame is at most [`MAX_MESSAGE_LEN`] bytes (16 MiB) and
//! its header block at most [`MAX_HEADERS_LEN`] (128 KiB), checked as soon as
//! the 12-byte prelude has arrived and before anything is buffered for it.
//!
//! ```
//! use smithy_codegen_runtime::event_stream::{Decoder, HeaderValue, Message};
//!
//! let chunk = Message::builder()
//!     .header(":message-type", "event")
//!     .header(":event-type", "PayloadChunk")
//!     .payload(&b"hello"[..])
//!     .build()?;
//! let complete = Message::builder()
//!     .header(":message-type", "event")
//!     .header(":event-type", "InvokeComplete")
//!     .build()?;
//! let stream = [chunk.as_bytes(), complete.as_bytes()].concat();
//!
//! // The transport hands over bytes in whatever pieces it likes.
//! let mut decoder = Decoder::new();
//! let mut events = Vec::new();
//! for piece in stream.chunks(7) {
//!     for message in decoder.feed(piece) {
//!         events.push(message?);
//!     }
//! }
//! decoder.finish()?;
//!
//! assert_eq!(events, [chunk, complete]);
//! assert_eq!(events[0].header(":event-type"), Some(HeaderValue::String("PayloadChunk")));
//! assert_eq!(events[0].payload(), b"hello");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod crc;
mod decoder;
mod error;
mod frame;
mod header;
mod message;
mod typed;

pub use decoder::{decode_all, Decoder, Messages};
pub use error::{DecodeError, DecodeErrorKind, EncodeError};
pub use header::{Header, HeaderValue, Headers};
pub use message::{Message, MessageBuilder};
pub use typed::{
    decode_message, event_message, exception_message, header, json_member, json_members, json_payload, required_header,
    text_payload, to_json, EventDecodeError, EventDecoder, EventEncoder, EventStreamError, EventUnion, EventUnionError,
    Events, HeaderType, UnknownEvent, UnmodeledError,
};

/// The fixed start of every frame: total length, headers length, prelude CRC.
pub const PRELUDE_LEN: usize = 12;
/// The shortest frame: a prelude and a message CRC, with no headers and no payload.
pub const MIN_MESSAGE_LEN: usize = PRELUDE_LEN + 4;
/// The longest frame the format allows: 16 MiB, prelude and CRCs included.
pub const MAX_MESSAGE_LEN: usize = 16 * 1024 * 1024;
/// The longest header block the format allows: 128 KiB.
pub const MAX_HEADERS_LEN: usize = 128 * 1024;
/// The longest header name: its length is one byte on the wire.
pub const MAX_HEADER_NAME_LEN: usize = u8::MAX as usize;
/// The longest byte-array or string header value: its length is two bytes on the wire.
pub const MAX_HEADER_VALUE_LEN: usize = u16::MAX as usize;

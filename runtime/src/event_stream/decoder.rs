//! The sans-IO decoder: chunks of a stream in, messages out.

use std::fmt;

use super::crc::FrameCrc;
use super::error::{DecodeError, DecodeErrorKind};
use super::frame::{check_frame, crc_covered, peek_frame, read_prelude};
use super::header::LastCheckedBlock;
use super::message::Message;
use super::PRELUDE_LEN;

/// Decodes a stream of event-stream frames that arrives in chunks of any size.
///
/// [`Decoder::feed`] returns an iterator over the messages that the chunk
/// completes; a frame split across chunks is kept until its last byte arrives.
/// When the stream ends, [`Decoder::finish`] says whether it ended inside a
/// frame. A frame that lies whole in a chunk is not copied: its [`Message`]
/// borrows the chunk. Only the pieces of a split frame are copied into the
/// decoder's buffer, which never holds more than one frame (at most 16 MiB)
/// plus what an iterator dropped early left.
///
/// ```
/// use smithy_codegen_runtime::event_stream::{DecodeErrorKind, Decoder, Message};
///
/// let frame = Message::builder().header(":event-type", "PayloadChunk").payload("hi").build()?;
/// let bytes = frame.as_bytes();
///
/// let mut decoder = Decoder::new();
/// assert_eq!(decoder.feed(&bytes[..10]).count(), 0, "the frame is incomplete");
/// let messages: Vec<_> = decoder.feed(&bytes[10..]).collect::<Result<_, _>>()?;
/// assert_eq!(messages, [frame.clone()]);
/// assert!(decoder.finish().is_ok());
///
/// // A stream that stops inside a frame.
/// let mut decoder = Decoder::new();
/// assert_eq!(decoder.feed(&bytes[..bytes.len() - 1]).count(), 0);
/// let err = decoder.finish().unwrap_err();
/// assert!(matches!(err.kind(), DecodeErrorKind::Truncated { .. }));
/// assert_eq!(
///     err.to_string(),
///     "event-stream frame at byte 0: the stream ends inside the frame: 44 of its 45 bytes arrived"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Default, Clone)]
pub struct Decoder {
    /// Undecoded bytes from earlier chunks, from `pending[consumed..]` on: the
    /// start of a split frame, or the rest of a chunk whose iterator was dropped.
    pending: Vec<u8>,
    consumed: usize,
    /// The stream position of the first undecoded byte.
    offset: u64,
    /// Framing is lost after an error: it is returned from then on.
    failed: Option<DecodeError>,
    /// The CRC kernel, chosen once for the CPU.
    crc: FrameCrc,
    /// The last header block that passed its checks.
    checked_block: LastCheckedBlock,
}

impl Decoder {
    /// A decoder at the start of a stream.
    pub fn new() -> Self {
        Decoder::default()
    }

    /// Takes the next chunk of the stream; the iterator yields each message it
    /// completes, in order.
    ///
    /// After an error the iterator ends, and every later `feed` yields the same
    /// error once. The bytes of `chunk` that a dropped iterator did not reach
    /// are kept: the next `feed` (an empty chunk will do) yields their messages.
    pub fn feed<'d, 'c>(&'d mut self, chunk: &'c [u8]) -> Messages<'d, 'c> {
        Messages { decoder: self, chunk, reported: false, next_message_crc: None }
    }

    /// A decoder at the start of a stream whose first bytes are `bytes`:
    /// decoded by the next `feed`, as if an earlier iterator had not reached them.
    pub(super) fn with_buffered(bytes: Vec<u8>) -> Self {
        Decoder { pending: bytes, ..Decoder::default() }
    }

    /// How many bytes of the stream are buffered and not yet decoded.
    pub fn buffered(&self) -> usize {
        self.pending.len() - self.consumed
    }

    /// Checks the end of the stream: an error if it ended inside a frame, or if
    /// decoding failed earlier.
    pub fn finish(&self) -> Result<(), DecodeError> {
        if let Some(error) = &self.failed {
            return Err(error.clone());
        }
        let rest = &self.pending[self.consumed..];
        if rest.is_empty() {
            return Ok(());
        }
        let frame_len =
            rest.first_chunk::<PRELUDE_LEN>().and_then(|p| read_prelude(p, &self.crc).ok()).map(|p| p.total_len);
        let kind = match frame_len {
            Some(len) if rest.len() >= len => DecodeErrorKind::Undecoded { buffered: rest.len() },
            _ => DecodeErrorKind::Truncated { buffered: rest.len(), frame_len },
        };
        Err(DecodeError::new(self.offset, kind))
    }
}

/// Two decoders are equal when they are at the same stream position with the
/// same undecoded bytes (and the same error, after one).
impl PartialEq for Decoder {
    fn eq(&self, other: &Self) -> bool {
        self.offset == other.offset
            && self.pending[self.consumed..] == other.pending[other.consumed..]
            && self.failed == other.failed
    }
}

impl fmt::Debug for Decoder {
    /// Counts the buffered bytes rather than listing up to 16 MiB of them.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Decoder")
            .field("offset", &self.offset)
            .field("buffered", &self.buffered())
            .field("failed", &self.failed)
            .finish()
    }
}

/// The messages that one chunk completes: see [`Decoder::feed`].
#[must_use = "the messages are decoded as the iterator is advanced"]
pub struct Messages<'d, 'c> {
    decoder: &'d mut Decoder,
    chunk: &'c [u8],
    /// Whether this iterator has yielded the decoder's error.
    reported: bool,
    /// The message CRC of the frame at the start of `chunk`, computed
    /// together with the previous frame's (see [`Messages::message_crc`]).
    next_message_crc: Option<u32>,
}

impl fmt::Debug for Messages<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Messages").field("decoder", &self.decoder).field("chunk_left", &self.chunk.len()).finish()
    }
}

impl<'c> Iterator for Messages<'_, 'c> {
    type Item = Result<Message<'c>, DecodeError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(error) = &self.decoder.failed {
            return if std::mem::replace(&mut self.reported, true) { None } else { Some(Err(error.clone())) };
        }
        let next = if self.decoder.buffered() > 0 { self.next_from_pending() } else { self.next_from_chunk() };
        match next {
            Ok(message) => message.map(Ok),
            Err(kind) => {
                let error = DecodeError::new(self.decoder.offset, kind);
                self.decoder.failed = Some(error.clone());
                self.reported = true;
                Some(Err(error))
            }
        }
    }
}

impl<'c> Messages<'_, 'c> {
    /// The decoder, for its end-of-stream check once the messages run out.
    pub(super) fn decoder(&self) -> &Decoder {
        self.decoder
    }

    /// Whether the message last yielded has byte for byte the header block of
    /// the one before it, so that the typed layer can route it the same way.
    pub(super) fn headers_repeated(&self) -> bool {
        self.decoder.checked_block.repeated()
    }

    /// Reads a frame that lies whole in the chunk without copying it into the
    /// buffer; keeps an incomplete one.
    fn next_from_chunk(&mut self) -> Result<Option<Message<'c>>, DecodeErrorKind> {
        let chunk: &'c [u8] = self.chunk;
        let Some(prelude) = chunk.first_chunk::<PRELUDE_LEN>() else {
            self.keep_rest_of_chunk();
            return Ok(None);
        };
        let prelude = read_prelude(prelude, &self.decoder.crc)?;
        let total_len = prelude.total_len;
        let Some(frame) = chunk.get(..total_len) else {
            // The frame's length is known good: its buffer is allocated once,
            // not grown as the rest arrives.
            self.decoder.pending.reserve_exact(total_len);
            self.keep_rest_of_chunk();
            return Ok(None);
        };
        let computed = self.message_crc(frame);
        check_frame(frame, prelude, computed, &mut self.decoder.checked_block)?;
        let message = Message::from_checked_frame(frame);
        self.chunk = &chunk[total_len..];
        self.decoder.offset += total_len as u64;
        Ok(Some(message))
    }

    /// The message CRC of `frame`, the chunk's first frame.
    ///
    /// When the frame after it also lies whole in the chunk, its CRC is
    /// computed in the same call and kept for the next message: the CPU
    /// overlaps the two, where one alone waits on its own chain of
    /// multiplications.
    fn message_crc(&mut self, frame: &[u8]) -> u32 {
        if let Some(computed) = self.next_message_crc.take() {
            return computed;
        }
        let crc = &self.decoder.crc;
        match peek_frame(&self.chunk[frame.len()..]) {
            Some(next) => {
                let (this, next) = crc.checksum_pair(crc_covered(frame), crc_covered(next));
                self.next_message_crc = Some(next);
                this
            }
            None => crc.checksum(crc_covered(frame)),
        }
    }

    /// Completes the buffered frame from the chunk: first its prelude, then,
    /// once the prelude is known good, the rest of it.
    fn next_from_pending(&mut self) -> Result<Option<Message<'c>>, DecodeErrorKind> {
        if !self.move_to_pending(PRELUDE_LEN) {
            return Ok(None);
        }
        let decoder = &mut *self.decoder;
        let Some(prelude) = decoder.pending[decoder.consumed..].first_chunk::<PRELUDE_LEN>() else {
            return Ok(None);
        };
        let prelude = read_prelude(prelude, &decoder.crc)?;
        let total_len = prelude.total_len;
        if !self.move_to_pending(total_len) {
            return Ok(None);
        }
        let decoder = &mut *self.decoder;
        let start = decoder.consumed;
        let frame = &decoder.pending[start..start + total_len];
        check_frame(frame, prelude, decoder.crc.checksum(crc_covered(frame)), &mut decoder.checked_block)?;
        let message = if start == 0 && decoder.pending.len() == total_len {
            // The buffer is exactly this frame: hand it over instead of copying it.
            Message::from_checked_frame(std::mem::take(&mut decoder.pending))
        } else {
            let frame = decoder.pending[start..start + total_len].to_vec();
            decoder.consumed += total_len;
            if decoder.consumed == decoder.pending.len() {
                decoder.pending.clear();
                decoder.consumed = 0;
            }
            Message::from_checked_frame(frame)
        };
        decoder.offset += total_len as u64;
        Ok(Some(message))
    }

    /// Moves bytes from the chunk into the buffer until it holds `len` bytes of
    /// the current frame; false if the chunk runs out first.
    fn move_to_pending(&mut self, len: usize) -> bool {
        let missing = len.saturating_sub(self.decoder.buffered());
        let (moved, rest) = self.chunk.split_at(missing.min(self.chunk.len()));
        self.decoder.pending.extend_from_slice(moved);
        self.chunk = rest;
        moved.len() == missing
    }

    fn keep_rest_of_chunk(&mut self) {
        self.decoder.pending.extend_from_slice(self.chunk);
        self.chunk = &[];
    }
}

impl Drop for Messages<'_, '_> {
    /// Keeps the bytes this iterator did not reach, so that no message is lost
    /// when it is dropped early.
    fn drop(&mut self) {
        if self.decoder.failed.is_none() {
            self.keep_rest_of_chunk();
        }
    }
}

/// Decodes a whole stream at once: every message (borrowing `stream`), or the
/// first error (including a stream that ends inside a frame).
///
/// ```
/// use smithy_codegen_runtime::event_stream::{decode_all, DecodeErrorKind, Message};
///
/// let mut stream = Message::builder().header("n", 1i32).build()?.into_bytes();
/// assert_eq!(decode_all(&stream)?.len(), 1);
///
/// let last = stream.len() - 1;
/// stream[last] ^= 0xff; // corrupt the message CRC
/// let err = decode_all(&stream).unwrap_err();
/// assert!(matches!(err.kind(), DecodeErrorKind::MessageCrcMismatch { .. }), "{err}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn decode_all(stream: &[u8]) -> Result<Vec<Message<'_>>, DecodeError> {
    let mut decoder = Decoder::new();
    let messages = decoder.feed(stream).collect::<Result<Vec<_>, _>>()?;
    decoder.finish()?;
    Ok(messages)
}

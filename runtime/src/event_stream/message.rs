//! A message: one frame, kept as its wire bytes and read through views.

use std::borrow::Cow;
use std::fmt;

use super::error::EncodeError;
use super::frame;
use super::header::{self, write_header, HeaderValue, Headers};

/// One event-stream message: headers and a payload.
///
/// A `Message` holds its whole frame, which was checked when it was decoded
/// or built, so reading it cannot fail and [`Message::as_bytes`] is its
/// encoding. Two messages are equal when their frames are.
///
/// A message decoded from a frame that lay whole in the chunk fed to the
/// [`Decoder`](super::Decoder) borrows it (`'a`), so decoding copies nothing;
/// [`Message::into_owned`] keeps it beyond the chunk. Built messages own their
/// frame (`Message<'static>`).
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Message<'a> {
    frame: Cow<'a, [u8]>,
}

impl Message<'static> {
    /// Starts a message to encode.
    ///
    /// ```
    /// use smithy_codegen_runtime::event_stream::{HeaderValue, Message};
    ///
    /// let message = Message::builder()
    ///     .header(":message-type", "event")
    ///     .header(":event-type", "PayloadChunk")
    ///     .header("sent-at", HeaderValue::Timestamp(1_700_000_000_000))
    ///     .payload(&b"{\"ok\":true}"[..])
    ///     .build()?;
    /// assert_eq!(message.as_bytes().len(), 12 + 66 + 11 + 4);
    /// assert_eq!(message.header("sent-at"), Some(HeaderValue::Timestamp(1_700_000_000_000)));
    ///
    /// // The format's limits are errors, not panics.
    /// let long_name = "x".repeat(256);
    /// assert!(Message::builder().header(&long_name, true).build().is_err());
    /// # Ok::<(), smithy_codegen_runtime::event_stream::EncodeError>(())
    /// ```
    pub fn builder() -> MessageBuilder {
        MessageBuilder::default()
    }
}

impl<'a> Message<'a> {
    /// Wraps a frame that was checked (CRCs, lengths, every header).
    pub(super) fn from_checked_frame(frame: impl Into<Cow<'a, [u8]>>) -> Self {
        Message { frame: frame.into() }
    }

    /// The same message, owning its frame (copied if it was borrowed).
    pub fn into_owned(self) -> Message<'static> {
        Message { frame: Cow::Owned(self.frame.into_owned()) }
    }

    /// The headers, in wire order.
    pub fn headers(&self) -> Headers<'_> {
        Headers::new(frame::header_block(&self.frame))
    }

    /// The value of the first header called `name`.
    pub fn header(&self, name: &str) -> Option<HeaderValue<'_>> {
        header::find_value(frame::header_block(&self.frame), name)
    }

    /// The values of the first headers with the given names, found in one
    /// walk of the header block (for the typed layer's routing headers).
    #[inline]
    pub(super) fn raw_header_values<const N: usize>(&self, names: [&str; N]) -> [Option<header::RawValue<'_>>; N] {
        header::find_raw_values(frame::header_block(&self.frame), names)
    }

    /// The payload.
    #[inline]
    pub fn payload(&self) -> &[u8] {
        frame::payload(&self.frame)
    }

    /// The whole frame, as it goes on the wire.
    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        &self.frame
    }

    /// The whole frame, as it goes on the wire.
    pub fn into_bytes(self) -> Vec<u8> {
        self.frame.into_owned()
    }
}

impl fmt::Debug for Message<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Message")
            .field("headers", &self.headers())
            .field("payload", &PayloadPreview(self.payload()))
            .finish()
    }
}

/// Shows at most the first 128 bytes of a payload, so that a 16 MiB message
/// does not flood a log.
struct PayloadPreview<'a>(&'a [u8]);

impl fmt::Debug for PayloadPreview<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const SHOWN: usize = 128;
        let shown = &self.0[..self.0.len().min(SHOWN)];
        write!(f, "b\"{}\"", shown.escape_ascii())?;
        if self.0.len() > SHOWN {
            write!(f, "... ({} bytes)", self.0.len())?;
        }
        Ok(())
    }
}

/// Builds a [`Message`]: headers in the order given, then the payload.
///
/// A header that the format cannot carry (a name over 255 bytes, a value over
/// 65,535) is reported by [`MessageBuilder::build`], as are a header block over
/// 128 KiB and a frame over 16 MiB.
#[derive(Debug, Clone, Default)]
pub struct MessageBuilder {
    headers: Vec<u8>,
    payload: Vec<u8>,
    error: Option<EncodeError>,
}

impl MessageBuilder {
    /// Appends a header.
    pub fn header<'v>(mut self, name: &str, value: impl Into<HeaderValue<'v>>) -> Self {
        if self.error.is_none() {
            if let Err(error) = write_header(&mut self.headers, name, value.into()) {
                self.error = Some(error);
            }
        }
        self
    }

    /// Sets the payload (empty unless set).
    pub fn payload(mut self, payload: impl Into<Vec<u8>>) -> Self {
        self.payload = payload.into();
        self
    }

    /// Writes the frame.
    pub fn build(self) -> Result<Message<'static>, EncodeError> {
        if let Some(error) = self.error {
            return Err(error);
        }
        frame::write_frame(&self.headers, &self.payload).map(Message::from_checked_frame)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_message_is_the_16_byte_minimum() {
        let message = Message::builder().build().unwrap();
        assert_eq!(message.as_bytes().len(), 16);
        assert_eq!(message.headers().count(), 0);
        assert_eq!(message.payload(), b"");
    }

    #[test]
    fn first_error_wins_and_later_headers_are_ignored() {
        let err = Message::builder().header(&"a".repeat(300), 1i32).header("b", "c".repeat(70_000).as_str()).build();
        assert!(matches!(err, Err(EncodeError::HeaderNameTooLong { len: 300, .. })), "{err:?}");
    }

    #[test]
    fn header_block_over_128_kib_is_refused() {
        let value = vec![0u8; 60_000];
        let builder = (0..3).fold(Message::builder(), |b, i| b.header(&format!("h{i}"), value.as_slice()));
        assert!(matches!(builder.build(), Err(EncodeError::HeadersTooLong { len }) if len > 128 * 1024));
    }

    #[test]
    fn debug_shows_headers_and_a_bounded_payload() {
        let message =
            Message::builder().header(":event-type", "PayloadChunk").payload(vec![b'x'; 1000]).build().unwrap();
        let debug = format!("{message:?}");
        assert!(
            debug.starts_with(r#"Message { headers: {":event-type": String("PayloadChunk")}, payload: b"xxx"#),
            "{debug}"
        );
        assert!(debug.ends_with("... (1000 bytes) }"), "{debug}");
        assert!(debug.len() < 250, "{debug}");
    }
}

//! What can be wrong with a stream being decoded, or a message being built.

use std::error::Error;
use std::fmt;

use super::header::{BadHeader, HeaderProblem};
use super::{
    MAX_HEADERS_LEN, MAX_HEADER_NAME_LEN, MAX_HEADER_VALUE_LEN, MAX_MESSAGE_LEN, MIN_MESSAGE_LEN, PRELUDE_LEN,
};

/// A stream that is not a valid sequence of event-stream frames: where the
/// bad frame starts, and what is wrong with it.
///
/// The framing cannot be recovered after an error, so a [`Decoder`](super::Decoder)
/// that returned one keeps returning it.
///
/// It is a single pointer, so that the decoder's items,
/// `Result<Message, DecodeError>`, take no more room than a [`Message`](super::Message).
#[derive(Clone, PartialEq, Eq)]
pub struct DecodeError(Box<Located>);

#[derive(Clone, PartialEq, Eq)]
struct Located {
    offset: u64,
    kind: DecodeErrorKind,
}

impl DecodeError {
    pub(super) fn new(offset: u64, kind: DecodeErrorKind) -> Self {
        DecodeError(Box::new(Located { offset, kind }))
    }

    /// The position in the stream of the first byte of the bad frame.
    pub fn offset(&self) -> u64 {
        self.0.offset
    }

    /// What is wrong with the frame.
    pub fn kind(&self) -> &DecodeErrorKind {
        &self.0.kind
    }
}

impl fmt::Debug for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DecodeError").field("offset", &self.0.offset).field("kind", &self.0.kind).finish()
    }
}

/// What is wrong with a frame. Header indexes count from zero in wire order.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DecodeErrorKind {
    /// The stream ended inside a frame.
    Truncated {
        /// How many bytes of the frame had arrived.
        buffered: usize,
        /// The frame's total length, once its prelude had arrived.
        frame_len: Option<usize>,
    },
    /// [`Decoder::finish`](super::Decoder::finish) was called while complete
    /// frames were still buffered, left by a [`Messages`](super::Messages)
    /// iterator dropped before its end; feeding an empty chunk yields them.
    Undecoded {
        /// How many bytes are buffered.
        buffered: usize,
    },
    /// The prelude's CRC does not match its first 8 bytes.
    PreludeCrcMismatch {
        /// The CRC written in the frame.
        wire: u32,
        /// The CRC of the bytes received.
        computed: u32,
    },
    /// The message CRC does not match the frame's bytes.
    MessageCrcMismatch {
        /// The CRC written in the frame.
        wire: u32,
        /// The CRC of the bytes received.
        computed: u32,
    },
    /// The total length cannot hold the prelude, the header block and the message CRC.
    FrameTooShort {
        /// The total length from the prelude.
        total_len: u32,
        /// The headers length from the prelude.
        headers_len: u32,
    },
    /// The total length is above the format's 16 MiB limit.
    FrameTooLong {
        /// The total length from the prelude.
        total_len: u32,
    },
    /// The header block is above the format's 128 KiB limit.
    HeadersTooLong {
        /// The headers length from the prelude.
        headers_len: u32,
    },
    /// A header runs past the end of the header block.
    HeaderOverrun {
        /// Which header.
        index: usize,
        /// Its name, when the name itself was complete.
        name: Option<String>,
    },
    /// A header name is not UTF-8.
    HeaderNameNotUtf8 {
        /// Which header.
        index: usize,
        /// The name's bytes (at most 255).
        name: Vec<u8>,
    },
    /// A header has a type code that the format does not define (0 to 9 are).
    UnknownHeaderType {
        /// Which header.
        index: usize,
        /// Its name.
        name: String,
        /// The type code found.
        type_code: u8,
    },
    /// A string header's value is not UTF-8.
    HeaderStringNotUtf8 {
        /// Which header.
        index: usize,
        /// Its name.
        name: String,
    },
}

impl From<BadHeader> for DecodeErrorKind {
    fn from(bad: BadHeader) -> Self {
        let index = bad.index;
        match bad.problem {
            HeaderProblem::Overrun { name } => DecodeErrorKind::HeaderOverrun { index, name },
            HeaderProblem::NameNotUtf8 { name } => DecodeErrorKind::HeaderNameNotUtf8 { index, name },
            HeaderProblem::UnknownType { name, type_code } => {
                DecodeErrorKind::UnknownHeaderType { index, name, type_code }
            }
            HeaderProblem::StringNotUtf8 { name } => DecodeErrorKind::HeaderStringNotUtf8 { index, name },
        }
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "event-stream frame at byte {}: {}", self.0.offset, self.0.kind)
    }
}

impl fmt::Display for DecodeErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeErrorKind::Truncated { buffered, frame_len: Some(len) } => {
                write!(f, "the stream ends inside the frame: {buffered} of its {len} bytes arrived")
            }
            DecodeErrorKind::Truncated { buffered, frame_len: None } => write!(
                f,
                "the stream ends inside the frame: {buffered} bytes arrived, fewer than the {PRELUDE_LEN}-byte prelude"
            ),
            DecodeErrorKind::Undecoded { buffered } => write!(
                f,
                "{buffered} bytes of complete frames were never decoded (an iterator from `feed` was dropped early)"
            ),
            DecodeErrorKind::PreludeCrcMismatch { wire, computed } => {
                write!(f, "prelude CRC is {wire:#010x}, but its bytes give {computed:#010x}")
            }
            DecodeErrorKind::MessageCrcMismatch { wire, computed } => {
                write!(f, "message CRC is {wire:#010x}, but the frame's bytes give {computed:#010x}")
            }
            DecodeErrorKind::FrameTooShort { total_len, headers_len } => write!(
                f,
                "total length {total_len} is below the {} bytes that a {headers_len}-byte header block needs",
                u64::from(*headers_len) + MIN_MESSAGE_LEN as u64
            ),
            DecodeErrorKind::FrameTooLong { total_len } => {
                write!(f, "total length {total_len} is above the limit of {MAX_MESSAGE_LEN} bytes")
            }
            DecodeErrorKind::HeadersTooLong { headers_len } => {
                write!(f, "headers length {headers_len} is above the limit of {MAX_HEADERS_LEN} bytes")
            }
            DecodeErrorKind::HeaderOverrun { index, name: Some(name) } => {
                write!(f, "header {index} ({name:?}) runs past the end of the header block")
            }
            DecodeErrorKind::HeaderOverrun { index, name: None } => {
                write!(f, "header {index} runs past the end of the header block")
            }
            DecodeErrorKind::HeaderNameNotUtf8 { index, name } => {
                write!(f, "header {index} has a name that is not UTF-8: \"{}\"", name.escape_ascii())
            }
            DecodeErrorKind::UnknownHeaderType { index, name, type_code } => {
                write!(f, "header {index} ({name:?}) has unknown type code {type_code}")
            }
            DecodeErrorKind::HeaderStringNotUtf8 { index, name } => {
                write!(f, "header {index} ({name:?}) is a string that is not UTF-8")
            }
        }
    }
}

impl Error for DecodeError {}

/// A message that the format cannot carry.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum EncodeError {
    /// A header name is longer than 255 bytes.
    HeaderNameTooLong {
        /// The name's first 64 bytes (or fewer, at a character boundary).
        name_prefix: String,
        /// The name's length in bytes.
        len: usize,
    },
    /// A string or byte-array header value is longer than 65,535 bytes.
    HeaderValueTooLong {
        /// The header's name.
        name: String,
        /// The value's length in bytes.
        len: usize,
    },
    /// The header block is longer than 128 KiB.
    HeadersTooLong {
        /// The header block's length in bytes.
        len: usize,
    },
    /// The frame is longer than 16 MiB.
    MessageTooLong {
        /// The frame's length in bytes.
        len: usize,
    },
    /// An event's members could not be written as a JSON payload.
    Payload {
        /// What went wrong.
        reason: String,
    },
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EncodeError::HeaderNameTooLong { name_prefix, len } => write!(
                f,
                "header name {name_prefix:?}... is {len} bytes long, above the limit of {MAX_HEADER_NAME_LEN}"
            ),
            EncodeError::HeaderValueTooLong { name, len } => {
                write!(f, "header {name:?} has a {len}-byte value, above the limit of {MAX_HEADER_VALUE_LEN}")
            }
            EncodeError::HeadersTooLong { len } => {
                write!(f, "the header block is {len} bytes long, above the limit of {MAX_HEADERS_LEN}")
            }
            EncodeError::MessageTooLong { len } => {
                write!(f, "the frame would be {len} bytes long, above the limit of {MAX_MESSAGE_LEN}")
            }
            EncodeError::Payload { reason } => write!(f, "the event's payload cannot be written: {reason}"),
        }
    }
}

impl Error for EncodeError {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event_stream::Message;

    #[test]
    fn a_decoded_item_is_no_larger_than_a_message() {
        assert_eq!(size_of::<Option<Result<Message<'_>, DecodeError>>>(), size_of::<Message<'_>>());
    }

    #[test]
    fn debug_names_the_offset_and_the_kind() {
        let error = DecodeError::new(7, DecodeErrorKind::Undecoded { buffered: 3 });
        assert_eq!(format!("{error:?}"), "DecodeError { offset: 7, kind: Undecoded { buffered: 3 } }");
    }
}

//! Typed events over the framing: the traits that generated event-stream
//! unions implement, the decoder and encoder of one stream, and the helpers
//! their generated impls call.
//!
//! A message's `:message-type` header says what it is:
//!
//! - `event`: one of the union's events, chosen by `:event-type` (a member
//!   name); a type this version does not know becomes the union's unknown
//!   variant, which keeps the whole message;
//! - `exception`: a modeled error, chosen by `:exception-type`, its members
//!   as a JSON payload;
//! - `error`: an error the model does not describe, with `:error-code` and
//!   `:error-message`.

use std::error::Error;
use std::fmt;
use std::marker::PhantomData;

use serde::de::DeserializeOwned;
use serde::Serialize;

use super::decoder::{Decoder, Messages};
use super::error::{DecodeError, EncodeError};
use super::header::{HeaderValue, RawValue};
use super::message::{Message, MessageBuilder};
use crate::{Blob, DateTime};

/// The union of a stream's events, as generated code implements it.
pub trait EventUnion: Sized {
    /// The errors that end the stream: the union's error members, and
    /// errors the model does not describe.
    type Error: EventUnionError;

    /// The event of `event_type` (a member name), or `None` for a type this
    /// version does not know.
    fn decode_event(event_type: &str, message: &Message<'_>) -> Result<Option<Self>, EventDecodeError>;

    /// The unknown variant, holding an event of a type this version does not know.
    fn from_unknown(event: UnknownEvent) -> Self;

    /// The event as a message (`:message-type event`); an unknown event is
    /// its message, byte for byte.
    fn encode_event(&self) -> Result<Message<'static>, EncodeError>;
}

/// The errors of an event stream, as generated code implements it.
pub trait EventUnionError: Sized {
    /// The modeled error of `exception_type` (a member name), or `None` for a
    /// type this version does not know.
    fn decode_exception(exception_type: &str, message: &Message<'_>) -> Result<Option<Self>, EventDecodeError>;

    /// The variant of errors the model does not describe.
    fn unhandled(error: UnmodeledError) -> Self;

    /// The error as a message: `:message-type exception` for a modeled
    /// error, `error` for an unmodeled one.
    fn encode_error(&self) -> Result<Message<'static>, EncodeError>;
}

/// An event of a type this version of the crate does not know: its
/// `:event-type` and the whole message, kept as it arrived.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct UnknownEvent {
    event_type: String,
    message: Message<'static>,
}

impl UnknownEvent {
    /// The `:event-type` header.
    pub fn event_type(&self) -> &str {
        &self.event_type
    }

    /// The message, as it arrived.
    pub fn message(&self) -> &Message<'static> {
        &self.message
    }
}

/// An error the model does not describe: an `error` message with its
/// `:error-code` and `:error-message`, or an exception of a type this version
/// does not know (its type as the code, its payload's `message` if any).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct UnmodeledError {
    code: String,
    message: Option<String>,
}

impl UnmodeledError {
    /// An error with a code and, if given, a message (for servers to send).
    pub fn new(code: impl Into<String>, message: Option<String>) -> Self {
        UnmodeledError { code: code.into(), message }
    }

    /// The error code.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The error message, if one came.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The error as an `error` message.
    pub fn encode(&self) -> Result<Message<'static>, EncodeError> {
        let builder = Message::builder().header(":message-type", "error").header(":error-code", self.code.as_str());
        match &self.message {
            Some(message) => builder.header(":error-message", message.as_str()).build(),
            None => builder.build(),
        }
    }
}

impl fmt::Display for UnmodeledError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.message {
            Some(message) => write!(f, "{}: {message}", self.code),
            None => f.write_str(&self.code),
        }
    }
}

impl Error for UnmodeledError {}

/// The errors of a stream whose union models none: every exception is unmodeled.
impl EventUnionError for UnmodeledError {
    fn decode_exception(_: &str, _: &Message<'_>) -> Result<Option<Self>, EventDecodeError> {
        Ok(None)
    }

    fn unhandled(error: UnmodeledError) -> Self {
        error
    }

    fn encode_error(&self) -> Result<Message<'static>, EncodeError> {
        self.encode()
    }
}

/// A message that is not an event of the stream's union.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum EventDecodeError {
    /// The bytes are not event-stream frames.
    Framing(DecodeError),
    /// A header the message needs is missing (`:message-type`, `:event-type`, ...).
    MissingHeader {
        /// The header's name.
        header: String,
    },
    /// A header is not of the type its member (or the format) needs.
    HeaderType {
        /// The event (or exception) type; `None` for the format's own
        /// `:`-headers (`:message-type`, `:event-type`, ...).
        event_type: Option<String>,
        /// The header's name.
        header: String,
        /// The type the member needs.
        expected: &'static str,
        /// The type that came.
        found: &'static str,
    },
    /// `:message-type` is none of `event`, `exception` and `error`.
    UnknownMessageType(String),
    /// The payload of an event is not what its members need (bad JSON, not UTF-8).
    BadPayload {
        /// The event (or exception) type.
        event_type: String,
        /// What is wrong.
        reason: String,
    },
}

impl fmt::Display for EventDecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EventDecodeError::Framing(e) => e.fmt(f),
            EventDecodeError::MissingHeader { header } => write!(f, "event-stream message without a `{header}` header"),
            EventDecodeError::HeaderType { event_type, header, expected, found } => {
                if let Some(event_type) = event_type {
                    write!(f, "event `{event_type}`: ")?;
                }
                write!(f, "header `{header}` is a {found}, expected a {expected}")
            }
            EventDecodeError::UnknownMessageType(t) => {
                write!(f, "event-stream message of unknown `:message-type` {t:?} (expected event, exception or error)")
            }
            EventDecodeError::BadPayload { event_type, reason } => {
                write!(f, "event `{event_type}`: bad payload: {reason}")
            }
        }
    }
}

impl Error for EventDecodeError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            EventDecodeError::Framing(e) => Some(e),
            _ => None,
        }
    }
}

/// What a stream yields instead of an event: an error the service sent, or a
/// message that could not be decoded.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum EventStreamError<E> {
    /// The service ended the stream with an error, modeled or not.
    Service(E),
    /// The bytes are not a stream of the union's events.
    Malformed(EventDecodeError),
}

impl<E: fmt::Display> fmt::Display for EventStreamError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EventStreamError::Service(e) => write!(f, "the service sent an error: {e}"),
            EventStreamError::Malformed(e) => e.fmt(f),
        }
    }
}

impl<E: Error + 'static> Error for EventStreamError<E> {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            EventStreamError::Service(e) => Some(e),
            EventStreamError::Malformed(e) => Some(e),
        }
    }
}

/// The event, service error or decoding error that one message is.
///
/// ```
/// use smithy_codegen_runtime::event_stream::{decode_message, EventStreamError, Message, UnmodeledError};
/// # use smithy_codegen_runtime::event_stream::{EventUnion, EventUnionError, EventDecodeError, EncodeError, UnknownEvent};
/// # #[derive(Debug)] struct Never;
/// # impl EventUnion for Never {
/// #     type Error = UnmodeledError;
/// #     fn decode_event(_: &str, _: &Message<'_>) -> Result<Option<Self>, EventDecodeError> { Ok(None) }
/// #     fn from_unknown(_: UnknownEvent) -> Self { Never }
/// #     fn encode_event(&self) -> Result<Message<'static>, EncodeError> { Message::builder().build() }
/// # }
/// let error = UnmodeledError::new("Throttled", Some("slow down".into()));
/// let result = decode_message::<Never>(&error.encode()?);
/// assert!(matches!(result, Err(EventStreamError::Service(e)) if e == error));
/// # Ok::<(), EncodeError>(())
/// ```
pub fn decode_message<E: EventUnion>(message: &Message<'_>) -> Result<E, EventStreamError<E::Error>> {
    decode_routed(message, None)
}

/// [`decode_message`], given how the stream's previous message was routed.
fn decode_routed<'a, E: EventUnion>(
    message: &'a Message<'_>,
    mut route: Option<&'a mut Route>,
) -> Result<E, EventStreamError<E::Error>> {
    let malformed = EventStreamError::Malformed;
    if let Some(route) = route.as_deref_mut() {
        route.previous_is_event = false;
    }
    // One walk of the headers finds both routing headers of an event, the
    // usual message; `:message-type` is compared as bytes.
    let [message_type, event_type] = message.raw_header_values([":message-type", ":event-type"]);
    match string_bytes(message_type, ":message-type").map_err(malformed)? {
        b"event" => {
            let event_type = string_bytes(event_type, ":event-type").map_err(malformed)?;
            let event_type = match route {
                Some(route) => {
                    let text = event_type_text(event_type, &mut route.event_type);
                    route.previous_is_event = text.is_some();
                    text
                }
                None => std::str::from_utf8(event_type).ok(),
            }
            .ok_or_else(|| malformed(EventDecodeError::MissingHeader { header: ":event-type".to_owned() }))?;
            decode_event_of_type(event_type, message)
        }
        b"exception" => {
            let exception_type = string_header(message, ":exception-type").map_err(malformed)?;
            let error = match E::Error::decode_exception(exception_type, message).map_err(malformed)? {
                Some(error) => error,
                None => E::Error::unhandled(UnmodeledError {
                    code: exception_type.to_owned(),
                    message: payload_message(message.payload()),
                }),
            };
            Err(EventStreamError::Service(error))
        }
        b"error" => {
            let code = string_header(message, ":error-code").map_err(malformed)?;
            let text = match message.header(":error-message") {
                Some(value) => Some(
                    value
                        .as_str()
                        .ok_or_else(|| header_type_error(None, ":error-message", "string", value))
                        .map_err(malformed)?
                        .to_owned(),
                ),
                None => None,
            };
            Err(EventStreamError::Service(E::Error::unhandled(UnmodeledError { code: code.to_owned(), message: text })))
        }
        // The block was checked, so a string value is UTF-8 and nothing is lost.
        other => Err(malformed(EventDecodeError::UnknownMessageType(String::from_utf8_lossy(other).into_owned()))),
    }
}

/// An event whose `:event-type` is `event_type`: the union's member, or its
/// unknown variant keeping the message whole.
fn decode_event_of_type<E: EventUnion>(
    event_type: &str,
    message: &Message<'_>,
) -> Result<E, EventStreamError<E::Error>> {
    match E::decode_event(event_type, message).map_err(EventStreamError::Malformed)? {
        Some(event) => Ok(event),
        None => Ok(E::from_unknown(UnknownEvent {
            event_type: event_type.to_owned(),
            message: message.clone().into_owned(),
        })),
    }
}

/// How a stream's previous message was routed, kept to route the next one
/// with less work: most streams send one kind of event, with the same header
/// block every time.
#[derive(Debug, Clone, Default)]
struct Route {
    /// The last event's `:event-type`, for [`event_type_text`].
    event_type: String,
    /// Whether the previous message was an event of `event_type`. A message
    /// whose header block is byte for byte the same is then one too, and
    /// needs no header lookups.
    previous_is_event: bool,
}

/// The `message` (or `Message`) string of a JSON payload, as unmodeled
/// exceptions carry it.
fn payload_message(payload: &[u8]) -> Option<String> {
    let value: serde_json::Value = serde_json::from_slice(payload).ok()?;
    let text = value.get("message").or_else(|| value.get("Message"))?.as_str()?;
    Some(text.to_owned())
}

fn header_type_error(
    event_type: Option<&str>,
    header: &str,
    expected: &'static str,
    found: HeaderValue<'_>,
) -> EventDecodeError {
    EventDecodeError::HeaderType {
        event_type: event_type.map(str::to_owned),
        header: header.to_owned(),
        expected,
        found: found.type_name(),
    }
}

/// The bytes of one of the format's string headers, which must be there,
/// found by [`Message::raw_header_values`].
#[inline]
fn string_bytes<'m>(value: Option<RawValue<'m>>, name: &str) -> Result<&'m [u8], EventDecodeError> {
    match value.and_then(|value| value.string_bytes()) {
        Some(bytes) => Ok(bytes),
        None => Err(not_a_string(value, name)),
    }
}

/// Why one of the format's string headers is not a string: missing, or of
/// another type. Out of line: the usual path is the string.
#[cold]
fn not_a_string(value: Option<RawValue<'_>>, name: &str) -> EventDecodeError {
    // A value that cannot be read counts as missing, as `Message::header` has it.
    match value.and_then(|value| value.value()) {
        Some(found) => header_type_error(None, name, "string", found),
        None => EventDecodeError::MissingHeader { header: name.to_owned() },
    }
}

/// An `:event-type` as text. A stream's events are mostly of one or a few
/// types, so `previous` keeps the last one: bytes equal to it need no UTF-8
/// check (which costs more than the compare on these short names).
fn event_type_text<'a>(bytes: &[u8], previous: &'a mut String) -> Option<&'a str> {
    if previous.as_bytes() != bytes {
        let text = std::str::from_utf8(bytes).ok()?;
        previous.clear();
        previous.push_str(text);
    }
    Some(previous)
}

/// One of the format's string headers, which must be there.
fn string_header<'m>(message: &'m Message<'_>, name: &str) -> Result<&'m str, EventDecodeError> {
    let value = message.header(name).ok_or_else(|| EventDecodeError::MissingHeader { header: name.to_owned() })?;
    value.as_str().ok_or_else(|| header_type_error(None, name, "string", value))
}

/// Decodes one stream of a union's events that arrives in chunks: the typed
/// layer over [`Decoder`](super::Decoder), sans-IO.
///
/// Feed it the body's chunks as they arrive; each call returns the events
/// (and errors) that the chunk completed. When the body ends, call
/// [`EventDecoder::finish`], which reports a stream cut inside a frame.
/// After a framing error, every later call returns that error again.
///
/// An example with a generated union is in the generated crate's docs; here,
/// the unmodeled errors alone:
///
/// ```
/// use smithy_codegen_runtime::event_stream::{EventDecoder, EventStreamError, UnmodeledError};
/// # use smithy_codegen_runtime::event_stream::{EventUnion, EventUnionError, EventDecodeError, EncodeError, Message, UnknownEvent};
/// # #[derive(Debug, PartialEq)] struct Unknown(UnknownEvent);
/// # impl EventUnion for Unknown {
/// #     type Error = UnmodeledError;
/// #     fn decode_event(_: &str, _: &Message<'_>) -> Result<Option<Self>, EventDecodeError> { Ok(None) }
/// #     fn from_unknown(event: UnknownEvent) -> Self { Unknown(event) }
/// #     fn encode_event(&self) -> Result<Message<'static>, EncodeError> { Ok(self.0.message().clone()) }
/// # }
/// let frame = UnmodeledError::new("Boom", None).encode()?;
/// let mut decoder = EventDecoder::<Unknown>::new();
/// assert_eq!(decoder.feed(&frame.as_bytes()[..5]).count(), 0);
/// let results: Vec<_> = decoder.feed(&frame.as_bytes()[5..]).collect();
/// assert!(matches!(&results[..], [Err(EventStreamError::Service(e))] if e.code() == "Boom"));
/// assert_eq!(decoder.finish().count(), 0, "the stream ended between frames");
/// # Ok::<(), EncodeError>(())
/// ```
pub struct EventDecoder<E> {
    /// The framing, holding any bytes not yet decoded (including those given
    /// to [`EventDecoder::with_unread`]).
    frames: Decoder,
    /// How the previous message was routed.
    route: Route,
    union: PhantomData<fn() -> E>,
}

impl<E: EventUnion> EventDecoder<E> {
    /// A decoder at the start of a stream.
    pub fn new() -> Self {
        EventDecoder { frames: Decoder::new(), route: Route::default(), union: PhantomData }
    }

    /// A decoder at the start of a stream whose first bytes have already
    /// arrived (they are decoded by the next [`EventDecoder::feed`] or
    /// [`EventDecoder::finish`]).
    pub fn with_unread(bytes: impl Into<Vec<u8>>) -> Self {
        EventDecoder { frames: Decoder::with_buffered(bytes.into()), route: Route::default(), union: PhantomData }
    }

    /// Decodes a chunk of the stream: an iterator over the events (and
    /// errors) that it completes, each decoded as the iterator reaches it.
    ///
    /// Bytes of `chunk` that the iterator did not reach when it is dropped
    /// are kept for the next call, so no event is lost.
    pub fn feed<'d, 'c>(&'d mut self, chunk: &'c [u8]) -> Events<'d, 'c, E> {
        Events { messages: self.frames.feed(chunk), route: &mut self.route, at_end: false, union: PhantomData }
    }

    /// Ends the stream: the events of bytes not yet decoded, then an error if
    /// the stream stopped inside a frame.
    pub fn finish(&mut self) -> Events<'_, 'static, E> {
        Events { messages: self.frames.feed(&[]), route: &mut self.route, at_end: true, union: PhantomData }
    }
}

/// The events and errors that one chunk completes: see [`EventDecoder::feed`].
///
/// Events are decoded one at a time, as the iterator is advanced, straight
/// from the chunk (or from the decoder's buffer for a frame split across
/// chunks): nothing is collected first.
#[must_use = "the events are decoded as the iterator is advanced"]
pub struct Events<'d, 'c, E> {
    messages: Messages<'d, 'c>,
    route: &'d mut Route,
    /// Whether the stream ends after this chunk: the framing's end-of-stream
    /// check follows the last message.
    at_end: bool,
    union: PhantomData<fn() -> E>,
}

impl<E: EventUnion> Iterator for Events<'_, '_, E> {
    type Item = Result<E, EventStreamError<E::Error>>;

    fn next(&mut self) -> Option<Self::Item> {
        let framing_error = |e| EventStreamError::Malformed(EventDecodeError::Framing(e));
        match self.messages.next() {
            Some(Ok(message)) if self.route.previous_is_event && self.messages.headers_repeated() => {
                Some(decode_event_of_type(&self.route.event_type, &message))
            }
            Some(Ok(message)) => Some(decode_routed(&message, Some(self.route))),
            Some(Err(e)) => Some(Err(framing_error(e))),
            None if std::mem::take(&mut self.at_end) => {
                self.messages.decoder().finish().err().map(|e| Err(framing_error(e)))
            }
            None => None,
        }
    }
}

impl<E> fmt::Debug for Events<'_, '_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Events").field("messages", &self.messages).field("at_end", &self.at_end).finish()
    }
}

impl<E: EventUnion> Default for EventDecoder<E> {
    fn default() -> Self {
        Self::new()
    }
}

impl<E> Clone for EventDecoder<E> {
    fn clone(&self) -> Self {
        EventDecoder { frames: self.frames.clone(), route: self.route.clone(), union: PhantomData }
    }
}

/// Two decoders are equal when they are in the same state: the same bytes
/// kept, at the same stream position.
impl<E> PartialEq for EventDecoder<E> {
    fn eq(&self, other: &Self) -> bool {
        self.frames == other.frames
    }
}

impl<E> fmt::Debug for EventDecoder<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EventDecoder").field("frames", &self.frames).finish()
    }
}

/// Encodes a union's events and errors as frames: the server side of a stream.
///
/// ```
/// use smithy_codegen_runtime::event_stream::{EventEncoder, UnmodeledError};
/// # use smithy_codegen_runtime::event_stream::{EventUnion, EventUnionError, EventDecodeError, EncodeError, Message, UnknownEvent};
/// # #[derive(Debug, PartialEq)] struct Unknown(UnknownEvent);
/// # impl EventUnion for Unknown {
/// #     type Error = UnmodeledError;
/// #     fn decode_event(_: &str, _: &Message<'_>) -> Result<Option<Self>, EventDecodeError> { Ok(None) }
/// #     fn from_unknown(event: UnknownEvent) -> Self { Unknown(event) }
/// #     fn encode_event(&self) -> Result<Message<'static>, EncodeError> { Ok(self.0.message().clone()) }
/// # }
/// let encoder = EventEncoder::<Unknown>::new();
/// let frame = encoder.encode_error(&UnmodeledError::new("Boom", Some("it broke".into())))?;
/// assert_eq!(frame.header(":error-message").and_then(|v| v.as_str()), Some("it broke"));
/// # Ok::<(), EncodeError>(())
/// ```
pub struct EventEncoder<E> {
    union: PhantomData<fn(&E)>,
}

impl<E: EventUnion> EventEncoder<E> {
    /// An encoder for one stream.
    pub fn new() -> Self {
        EventEncoder { union: PhantomData }
    }

    /// The frame of an event.
    pub fn encode(&self, event: &E) -> Result<Message<'static>, EncodeError> {
        event.encode_event()
    }

    /// The frame of an error that ends the stream.
    pub fn encode_error(&self, error: &E::Error) -> Result<Message<'static>, EncodeError> {
        error.encode_error()
    }
}

impl<E: EventUnion> Default for EventEncoder<E> {
    fn default() -> Self {
        Self::new()
    }
}

impl<E> Clone for EventEncoder<E> {
    fn clone(&self) -> Self {
        EventEncoder { union: PhantomData }
    }
}

impl<E> fmt::Debug for EventEncoder<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("EventEncoder")
    }
}

/// A Rust value that an event header carries: the conversions of
/// `@eventHeader` members.
pub trait HeaderType: Sized {
    /// The format's name of the header type, for error messages.
    const TYPE_NAME: &'static str;

    /// The value of a header of the right type.
    fn from_header(value: HeaderValue<'_>) -> Option<Self>;

    /// The header value.
    fn to_header(&self) -> HeaderValue<'_>;
}

macro_rules! copy_header_type {
    ($($ty:ty => $variant:ident, $name:literal;)*) => {$(
        impl HeaderType for $ty {
            const TYPE_NAME: &'static str = $name;
            fn from_header(value: HeaderValue<'_>) -> Option<Self> {
                match value {
                    HeaderValue::$variant(v) => Some(v),
                    _ => None,
                }
            }
            fn to_header(&self) -> HeaderValue<'_> {
                HeaderValue::$variant(*self)
            }
        }
    )*};
}

copy_header_type! {
    bool => Bool, "bool";
    i8 => Byte, "byte";
    i16 => Int16, "short";
    i32 => Int32, "integer";
    i64 => Int64, "long";
}

impl HeaderType for String {
    const TYPE_NAME: &'static str = "string";
    fn from_header(value: HeaderValue<'_>) -> Option<Self> {
        value.as_str().map(str::to_owned)
    }
    fn to_header(&self) -> HeaderValue<'_> {
        HeaderValue::String(self)
    }
}

impl HeaderType for Blob {
    const TYPE_NAME: &'static str = "byte array";
    fn from_header(value: HeaderValue<'_>) -> Option<Self> {
        match value {
            HeaderValue::ByteArray(bytes) => Some(Blob::new(bytes)),
            _ => None,
        }
    }
    fn to_header(&self) -> HeaderValue<'_> {
        HeaderValue::ByteArray(self.as_bytes())
    }
}

/// Timestamps travel as milliseconds since the epoch (sub-millisecond
/// precision is cut, towards the past).
impl HeaderType for DateTime {
    const TYPE_NAME: &'static str = "timestamp";
    fn from_header(value: HeaderValue<'_>) -> Option<Self> {
        match value {
            HeaderValue::Timestamp(millis) => Some(DateTime::from_millis(millis)),
            _ => None,
        }
    }
    fn to_header(&self) -> HeaderValue<'_> {
        let millis = self.as_nanos().div_euclid(1_000_000);
        HeaderValue::Timestamp(i64::try_from(millis).unwrap_or(if millis < 0 { i64::MIN } else { i64::MAX }))
    }
}

/// The value of the `@eventHeader` member `name` of an event, if the
/// message has that header; a header of another type is an error.
pub fn header<T: HeaderType>(
    message: &Message<'_>,
    name: &str,
    event_type: &str,
) -> Result<Option<T>, EventDecodeError> {
    match message.header(name) {
        None => Ok(None),
        Some(value) => T::from_header(value)
            .map(Some)
            .ok_or_else(|| header_type_error(Some(event_type), name, T::TYPE_NAME, value)),
    }
}

/// The value of a required `@eventHeader` member; its absence is an error.
pub fn required_header<T: HeaderType>(
    message: &Message<'_>,
    name: &str,
    event_type: &str,
) -> Result<T, EventDecodeError> {
    header(message, name, event_type)?.ok_or_else(|| EventDecodeError::MissingHeader { header: name.to_owned() })
}

/// An event's members from its JSON payload (an empty payload is `{}`), with
/// `placeholders` set first where the payload lacks them: values of the right
/// type for required members that headers or the `@eventPayload` carry,
/// which the caller then overwrites.
pub fn json_payload<T: DeserializeOwned>(
    message: &Message<'_>,
    event_type: &str,
    placeholders: &[(&str, serde_json::Value)],
) -> Result<T, EventDecodeError> {
    let bad = |reason: String| EventDecodeError::BadPayload { event_type: event_type.to_owned(), reason };
    let payload = message.payload();
    let mut object = if payload.is_empty() {
        serde_json::Map::new()
    } else {
        serde_json::from_slice(payload).map_err(|e| bad(format!("not a JSON object: {e}")))?
    };
    for (name, value) in placeholders {
        object.entry(*name).or_insert_with(|| value.clone());
    }
    serde_json::from_value(serde_json::Value::Object(object)).map_err(|e| bad(e.to_string()))
}

/// A structure or union `@eventPayload`: the payload as JSON.
pub fn json_member<T: DeserializeOwned>(message: &Message<'_>, event_type: &str) -> Result<T, EventDecodeError> {
    serde_json::from_slice(message.payload())
        .map_err(|e| EventDecodeError::BadPayload { event_type: event_type.to_owned(), reason: e.to_string() })
}

/// A string `@eventPayload`: the payload as UTF-8 text.
pub fn text_payload(message: &Message<'_>, event_type: &str) -> Result<String, EventDecodeError> {
    String::from_utf8(message.payload().to_vec()).map_err(|e| EventDecodeError::BadPayload {
        event_type: event_type.to_owned(),
        reason: format!("not UTF-8 text: {e}"),
    })
}

/// The start of an event's message: `:message-type event`, its
/// `:event-type` and, for an event with a payload, its `:content-type`.
pub fn event_message(event_type: &str, content_type: Option<&str>) -> MessageBuilder {
    let builder = Message::builder().header(":message-type", "event").header(":event-type", event_type);
    match content_type {
        Some(content_type) => builder.header(":content-type", content_type),
        None => builder,
    }
}

/// The message of a modeled error: `:message-type exception`, its
/// `:exception-type`, and its members as a JSON payload.
pub fn exception_message<T: Serialize>(exception_type: &str, error: &T) -> Result<Message<'static>, EncodeError> {
    Message::builder()
        .header(":message-type", "exception")
        .header(":exception-type", exception_type)
        .header(":content-type", "application/json")
        .payload(to_json(error)?)
        .build()
}

/// A structure or union as a JSON payload, members in declaration order.
pub fn to_json<T: Serialize>(value: &T) -> Result<Vec<u8>, EncodeError> {
    serde_json::to_vec(value).map_err(|e| EncodeError::Payload { reason: e.to_string() })
}

/// The JSON payload of an event whose other members travel as headers: the
/// members named in `members` (JSON names, in declaration order) that `value`
/// writes, in that order.
pub fn json_members<T: Serialize>(value: &T, members: &[&str]) -> Result<Vec<u8>, EncodeError> {
    let payload_error = |e: serde_json::Error| EncodeError::Payload { reason: e.to_string() };
    let json = serde_json::to_value(value).map_err(payload_error)?;
    let mut out = vec![b'{'];
    for name in members {
        if let Some(member) = json.get(*name) {
            if out.len() > 1 {
                out.push(b',');
            }
            serde_json::to_writer(&mut out, name).map_err(payload_error)?;
            out.push(b':');
            serde_json::to_writer(&mut out, member).map_err(payload_error)?;
        }
    }
    out.push(b'}');
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A union of one event `Note` with a string header `author` and a JSON
    /// member `text`, and one modeled error `Gone` (written by hand as the
    /// generator writes it).
    #[derive(Debug, Clone, PartialEq)]
    enum Stream {
        Note { author: Option<String>, text: String },
        Unknown(UnknownEvent),
    }

    #[derive(Debug, Clone, PartialEq)]
    enum StreamError {
        Gone { message: Option<String> },
        Unhandled(UnmodeledError),
    }

    #[derive(serde::Serialize, serde::Deserialize)]
    struct NoteBody {
        text: String,
    }

    #[derive(serde::Serialize, serde::Deserialize)]
    struct GoneBody {
        message: Option<String>,
    }

    impl EventUnion for Stream {
        type Error = StreamError;
        fn decode_event(event_type: &str, message: &Message<'_>) -> Result<Option<Self>, EventDecodeError> {
            Ok(Some(match event_type {
                "Note" => {
                    let body: NoteBody = json_payload(message, event_type, &[])?;
                    Stream::Note { author: header(message, "author", event_type)?, text: body.text }
                }
                _ => return Ok(None),
            }))
        }
        fn from_unknown(event: UnknownEvent) -> Self {
            Stream::Unknown(event)
        }
        fn encode_event(&self) -> Result<Message<'static>, EncodeError> {
            match self {
                Stream::Note { author, text } => {
                    let mut builder = event_message("Note", Some("application/json"));
                    if let Some(author) = author {
                        builder = builder.header("author", author.to_header());
                    }
                    builder.payload(json_members(&NoteBody { text: text.clone() }, &["text"])?).build()
                }
                Stream::Unknown(event) => Ok(event.message().clone()),
            }
        }
    }

    impl EventUnionError for StreamError {
        fn decode_exception(exception_type: &str, message: &Message<'_>) -> Result<Option<Self>, EventDecodeError> {
            Ok(match exception_type {
                "Gone" => {
                    Some(StreamError::Gone { message: json_member::<GoneBody>(message, exception_type)?.message })
                }
                _ => None,
            })
        }
        fn unhandled(error: UnmodeledError) -> Self {
            StreamError::Unhandled(error)
        }
        fn encode_error(&self) -> Result<Message<'static>, EncodeError> {
            match self {
                StreamError::Gone { message } => exception_message("Gone", &GoneBody { message: message.clone() }),
                StreamError::Unhandled(e) => e.encode(),
            }
        }
    }

    fn stream_of(messages: &[Message<'static>]) -> Vec<u8> {
        messages.iter().flat_map(|m| m.as_bytes().to_vec()).collect()
    }

    #[test]
    fn events_errors_and_unknown_types_round_trip_through_any_chunking() {
        let encoder = EventEncoder::<Stream>::new();
        let note = Stream::Note { author: Some("ann".into()), text: "hi".into() };
        let unknown = Message::builder()
            .header(":message-type", "event")
            .header(":event-type", "Future")
            .header("x", 7i32)
            .payload(&b"\x00raw"[..])
            .build()
            .unwrap();
        let gone = StreamError::Gone { message: Some("bye".into()) };
        let unmodeled = StreamError::Unhandled(UnmodeledError::new("Throttled", None));
        let bytes = stream_of(&[
            encoder.encode(&note).unwrap(),
            unknown.clone(),
            encoder.encode_error(&gone).unwrap(),
            encoder.encode_error(&unmodeled).unwrap(),
        ]);
        for size in [1, 3, 17, bytes.len()] {
            let mut decoder = EventDecoder::<Stream>::new();
            let mut results = Vec::new();
            for chunk in bytes.chunks(size) {
                results.extend(decoder.feed(chunk));
            }
            results.extend(decoder.finish());
            assert_eq!(results.len(), 4, "chunks of {size}");
            assert_eq!(results[0], Ok(note.clone()));
            let Ok(Stream::Unknown(kept)) = &results[1] else { panic!("{:?}", results[1]) };
            assert_eq!(kept.event_type(), "Future");
            assert_eq!(kept.message(), &unknown, "kept byte for byte");
            assert_eq!(Stream::Unknown(kept.clone()).encode_event().unwrap().as_bytes(), unknown.as_bytes());
            assert_eq!(results[2], Err(EventStreamError::Service(gone.clone())));
            assert_eq!(results[3], Err(EventStreamError::Service(unmodeled.clone())));
        }
    }

    #[test]
    fn unknown_exception_types_are_unhandled_with_the_payload_message() {
        let message = exception_message("Later", &GoneBody { message: Some("why".into()) }).unwrap();
        let result = decode_message::<Stream>(&message);
        let expected = StreamError::Unhandled(UnmodeledError::new("Later", Some("why".into())));
        assert_eq!(result, Err(EventStreamError::Service(expected)));
    }

    #[test]
    fn bad_messages_are_errors_that_say_what_is_wrong() {
        let cases: [(MessageBuilder, &str); 6] = [
            (
                Message::builder().header(":message-type", &b"event"[..]),
                "header `:message-type` is a byte array, expected a string",
            ),
            (Message::builder(), "event-stream message without a `:message-type` header"),
            (Message::builder().header(":message-type", "gossip"), "unknown `:message-type` \"gossip\""),
            (Message::builder().header(":message-type", "event"), "without a `:event-type` header"),
            (
                event_message("Note", Some("application/json")).payload("{"),
                "event `Note`: bad payload: not a JSON object",
            ),
            (
                event_message("Note", Some("application/json")).header("author", 5i32).payload(r#"{"text":"t"}"#),
                "event `Note`: header `author` is a integer, expected a string",
            ),
        ];
        for (builder, expected) in cases {
            let message = builder.build().unwrap();
            let Err(EventStreamError::Malformed(e)) = decode_message::<Stream>(&message) else {
                panic!("{message:?} decoded")
            };
            assert!(e.to_string().contains(expected), "{e} lacks {expected}");
        }
    }

    #[test]
    fn framing_errors_and_truncation_are_reported() {
        let frame = EventEncoder::<Stream>::new().encode(&Stream::Note { author: None, text: "t".into() }).unwrap();
        let mut decoder = EventDecoder::<Stream>::new();
        assert_eq!(decoder.feed(&frame.as_bytes()[..20]).count(), 0);
        let end: Vec<_> = decoder.finish().collect();
        assert!(matches!(&end[..], [Err(EventStreamError::Malformed(EventDecodeError::Framing(_)))]), "{end:?}");

        let mut corrupt = frame.as_bytes().to_vec();
        *corrupt.last_mut().unwrap() ^= 1;
        let results: Vec<_> = EventDecoder::<Stream>::new().feed(&corrupt).collect();
        assert!(matches!(&results[..], [Err(EventStreamError::Malformed(EventDecodeError::Framing(_)))]));
    }

    #[test]
    fn events_are_decoded_as_reached_and_a_dropped_iterator_loses_none() {
        let encoder = EventEncoder::<Stream>::new();
        let notes: Vec<_> = ["a", "b", "c"].map(|t| Stream::Note { author: None, text: t.into() }).into();
        let bytes = stream_of(&notes.iter().map(|n| encoder.encode(n).unwrap()).collect::<Vec<_>>());
        let mut decoder = EventDecoder::<Stream>::new();
        let first = decoder.feed(&bytes).next();
        assert_eq!(first, Some(Ok(notes[0].clone())));
        let rest: Vec<_> = decoder.finish().collect();
        assert_eq!(rest, [Ok(notes[1].clone()), Ok(notes[2].clone())], "kept for the next call");
        assert_eq!(decoder.finish().count(), 0);
    }

    #[test]
    fn messages_repeating_a_header_block_are_routed_as_the_first() {
        let encoder = EventEncoder::<Stream>::new();
        let note = |text: &str| Stream::Note { author: Some("ann".into()), text: text.into() };
        let gone = StreamError::Gone { message: Some("bye".into()) };
        let bad_note = event_message("Note", Some("application/json")).header("author", "ann").payload("{").build();
        let messages = [
            encoder.encode(&note("a")).unwrap(),
            encoder.encode(&note("b")).unwrap(),
            bad_note.unwrap(),
            encoder.encode_error(&gone).unwrap(),
            encoder.encode_error(&gone).unwrap(),
            encoder.encode(&note("c")).unwrap(),
        ];
        assert_eq!(messages[0].as_bytes()[12..60], messages[2].as_bytes()[12..60], "one header block");
        let bytes = stream_of(&messages);
        for size in [1, 50, bytes.len()] {
            let mut decoder = EventDecoder::<Stream>::new();
            let mut results = Vec::new();
            for chunk in bytes.chunks(size) {
                results.extend(decoder.feed(chunk));
            }
            assert_eq!(results.len(), 6, "chunks of {size}");
            assert_eq!(results[..2], [Ok(note("a")), Ok(note("b"))]);
            assert!(
                matches!(&results[2], Err(EventStreamError::Malformed(e)) if e.to_string().contains("bad payload")),
                "{:?}",
                results[2]
            );
            assert_eq!(
                results[3..5],
                [Err(EventStreamError::Service(gone.clone())), Err(EventStreamError::Service(gone.clone()))]
            );
            assert_eq!(results[5], Ok(note("c")));
        }
    }

    #[test]
    fn the_previous_event_type_is_reused_only_for_the_same_bytes() {
        let mut previous = String::new();
        assert_eq!(event_type_text(b"Note", &mut previous), Some("Note"));
        assert_eq!(event_type_text(b"Note", &mut previous), Some("Note"));
        assert_eq!(event_type_text(b"Ping", &mut previous), Some("Ping"));
        assert_eq!(event_type_text(b"\xff", &mut previous), None);
        assert_eq!(previous, "Ping", "kept after bytes that are not UTF-8");
    }

    #[test]
    fn unread_bytes_are_decoded_first() {
        let frame = EventEncoder::<Stream>::new().encode(&Stream::Note { author: None, text: "t".into() }).unwrap();
        let mut decoder = EventDecoder::<Stream>::with_unread(frame.as_bytes().to_vec());
        assert_ne!(decoder, EventDecoder::new());
        let mut fed = EventDecoder::<Stream>::new();
        assert_eq!(decoder.finish().count(), 1);
        assert_eq!(fed.feed(frame.as_bytes()).count(), 1);
        assert_eq!(decoder, fed, "the same state as a decoder fed the bytes");
        assert_eq!(decoder.finish().count(), 0, "decoded once");
    }

    #[test]
    fn json_members_keep_the_given_order_and_skip_absent_ones() {
        #[derive(serde::Serialize)]
        struct Event {
            zeta: u8,
            #[serde(skip_serializing_if = "Option::is_none")]
            absent: Option<u8>,
            header: &'static str,
            alpha: &'static str,
        }
        let event = Event { zeta: 1, absent: None, header: "h", alpha: "a\"" };
        assert_eq!(json_members(&event, &["zeta", "absent", "alpha"]).unwrap(), br#"{"zeta":1,"alpha":"a\""}"#);
        assert_eq!(json_members(&event, &[]).unwrap(), b"{}");
    }

    #[test]
    fn header_types_convert_both_ways() {
        fn round_trip<T: HeaderType + PartialEq + fmt::Debug>(value: T) {
            assert_eq!(T::from_header(value.to_header()), Some(value));
        }
        round_trip(true);
        round_trip(-3i8);
        round_trip(300i16);
        round_trip(70_000i32);
        round_trip(1i64 << 40);
        round_trip(String::from("s"));
        round_trip(Blob::new("b"));
        round_trip(DateTime::from_millis(-1_500));
        assert_eq!(DateTime::from_secs_and_nanos(0, 1_999_999).to_header(), HeaderValue::Timestamp(1));
        assert_eq!(i32::from_header(HeaderValue::Int64(1)), None);
    }
}

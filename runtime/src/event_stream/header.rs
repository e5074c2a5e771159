//! Header values: the ten wire types, how each is read and written.

use std::fmt;

use super::{MAX_HEADER_NAME_LEN, MAX_HEADER_VALUE_LEN};
use crate::event_stream::EncodeError;

/// The type byte that precedes each header value on the wire.
mod type_code {
    pub const BOOL_TRUE: u8 = 0;
    pub const BOOL_FALSE: u8 = 1;
    pub const BYTE: u8 = 2;
    pub const INT16: u8 = 3;
    pub const INT32: u8 = 4;
    pub const INT64: u8 = 5;
    pub const BYTE_ARRAY: u8 = 6;
    pub const STRING: u8 = 7;
    pub const TIMESTAMP: u8 = 8;
    pub const UUID: u8 = 9;
}

/// A header value, borrowed from the frame it was read from (or to be written
/// into a frame). The variants are the format's ten wire types; `true` and
/// `false` are two type codes with no value bytes, both [`HeaderValue::Bool`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HeaderValue<'a> {
    /// Type codes 0 (`true`) and 1 (`false`).
    Bool(bool),
    /// Type code 2: one signed byte.
    Byte(i8),
    /// Type code 3: a big-endian `i16`.
    Int16(i16),
    /// Type code 4: a big-endian `i32`.
    Int32(i32),
    /// Type code 5: a big-endian `i64`.
    Int64(i64),
    /// Type code 6: up to 65,535 bytes.
    ByteArray(&'a [u8]),
    /// Type code 7: up to 65,535 bytes of UTF-8.
    String(&'a str),
    /// Type code 8: milliseconds since the Unix epoch, a big-endian `i64`.
    Timestamp(i64),
    /// Type code 9: the 16 bytes of a UUID.
    Uuid([u8; 16]),
}

impl<'a> HeaderValue<'a> {
    /// The string, for a [`HeaderValue::String`].
    pub fn as_str(&self) -> Option<&'a str> {
        match *self {
            HeaderValue::String(s) => Some(s),
            _ => None,
        }
    }

    /// The format's name for the value's type, as error messages use it.
    pub fn type_name(&self) -> &'static str {
        match self {
            HeaderValue::Bool(_) => "bool",
            HeaderValue::Byte(_) => "byte",
            HeaderValue::Int16(_) => "short",
            HeaderValue::Int32(_) => "integer",
            HeaderValue::Int64(_) => "long",
            HeaderValue::ByteArray(_) => "byte array",
            HeaderValue::String(_) => "string",
            HeaderValue::Timestamp(_) => "timestamp",
            HeaderValue::Uuid(_) => "uuid",
        }
    }
}

impl From<bool> for HeaderValue<'_> {
    fn from(value: bool) -> Self {
        HeaderValue::Bool(value)
    }
}

impl From<i8> for HeaderValue<'_> {
    fn from(value: i8) -> Self {
        HeaderValue::Byte(value)
    }
}

impl From<i16> for HeaderValue<'_> {
    fn from(value: i16) -> Self {
        HeaderValue::Int16(value)
    }
}

impl From<i32> for HeaderValue<'_> {
    fn from(value: i32) -> Self {
        HeaderValue::Int32(value)
    }
}

impl From<i64> for HeaderValue<'_> {
    fn from(value: i64) -> Self {
        HeaderValue::Int64(value)
    }
}

impl<'a> From<&'a [u8]> for HeaderValue<'a> {
    fn from(value: &'a [u8]) -> Self {
        HeaderValue::ByteArray(value)
    }
}

impl<'a> From<&'a str> for HeaderValue<'a> {
    fn from(value: &'a str) -> Self {
        HeaderValue::String(value)
    }
}

impl<'a> From<&'a String> for HeaderValue<'a> {
    fn from(value: &'a String) -> Self {
        HeaderValue::String(value)
    }
}

/// One header of a message: its name and value, borrowed from the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Header<'a> {
    name: &'a str,
    value: HeaderValue<'a>,
}

impl<'a> Header<'a> {
    /// The header's name, such as `:event-type`.
    pub fn name(&self) -> &'a str {
        self.name
    }

    /// The header's value.
    pub fn value(&self) -> HeaderValue<'a> {
        self.value
    }
}

/// The headers of a [`Message`](super::Message), in wire order (names may repeat).
#[derive(Clone)]
pub struct Headers<'a> {
    block: &'a [u8],
}

impl<'a> Headers<'a> {
    /// Iterates over a header block that [`check_block`] accepted.
    pub(super) fn new(block: &'a [u8]) -> Self {
        Headers { block }
    }
}

impl<'a> Iterator for Headers<'a> {
    type Item = Header<'a>;

    fn next(&mut self) -> Option<Header<'a>> {
        // The block was checked when its message was built or decoded, so this
        // read cannot fail; if it somehow did, the iteration would just end.
        let (header, rest) = read_header(self.block)?;
        self.block = rest;
        Some(header)
    }
}

impl fmt::Debug for Headers<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.clone().map(|h| (h.name, h.value))).finish()
    }
}

/// What is wrong with a header block: the zero-based index of the header, and
/// the problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct BadHeader {
    pub index: usize,
    pub problem: HeaderProblem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum HeaderProblem {
    /// The header runs past the end of the block; `name` once it was read.
    Overrun {
        name: Option<String>,
    },
    NameNotUtf8 {
        name: Vec<u8>,
    },
    UnknownType {
        name: String,
        type_code: u8,
    },
    StringNotUtf8 {
        name: String,
    },
}

/// Checks every header of a block: each ends inside it, has a known type, and
/// has UTF-8 in its name and string value.
pub(super) fn check_block(block: &[u8]) -> Result<(), BadHeader> {
    // In an all-ASCII block (the usual case) every name and string is UTF-8:
    // one check of the whole block instead of one per name and string, and a
    // walk that only follows the lengths. Anything else takes the walk that
    // says what is wrong.
    if is_ascii(block) && headers_fit(block) {
        return Ok(());
    }
    find_bad_header(block)
}

/// The last header block that passed [`check_block`], to recognise a repeat.
///
/// Most streams send the same header block in every message (Lambda's
/// `PayloadChunk` events differ only in their payloads). Walking a block is a
/// chain of dependent reads (each header's length says where the next one
/// starts), which costs more than comparing it with the last good block: on
/// 1 KiB frames the walk was two thirds of the decoder's work besides the CRC.
#[derive(Debug, Default, Clone)]
pub(super) struct LastCheckedBlock {
    bytes: Vec<u8>,
    /// Whether `bytes` is the block of the last frame checked (not of an
    /// earlier one, kept while a longer block went by).
    holds_last: bool,
    /// Whether the last frame checked had the same block as the one before it.
    repeated: bool,
}

impl LastCheckedBlock {
    /// Blocks longer than this are walked every time rather than copied.
    const MAX_KEPT: usize = 512;

    /// [`check_block`], skipped for a block equal to the last one that passed.
    pub(super) fn check(&mut self, block: &[u8]) -> Result<(), BadHeader> {
        self.repeated = self.holds_last && block == self.bytes.as_slice();
        if self.repeated {
            return Ok(());
        }
        self.holds_last = false;
        check_block(block)?;
        if block.len() <= Self::MAX_KEPT {
            self.bytes.clear();
            self.bytes.extend_from_slice(block);
            self.holds_last = true;
        }
        Ok(())
    }

    /// Whether the block last checked is byte for byte the one checked before it.
    pub(super) fn repeated(&self) -> bool {
        self.repeated
    }
}

/// `<[u8]>::is_ascii`, eight bytes at a time to the end: the standard one
/// checks what follows its last 64-byte block byte by byte, which is most of
/// a usual header block (about 90 bytes).
fn is_ascii(block: &[u8]) -> bool {
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let Some(last) = block.last_chunk::<8>() else { return block.is_ascii() };
    let words = block.chunks_exact(8).map(|word| u64::from_ne_bytes(word.try_into().expect("eight bytes")));
    // The last word overlaps the one before it when the length is not a multiple of 8.
    let all = words.fold(u64::from_ne_bytes(*last), |all, word| all | word);
    all & HIGH_BITS == 0
}

/// How a header value's length is known from its type code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ValueLength {
    /// The type has a fixed size, in bytes.
    Fixed(usize),
    /// A big-endian `u16` length precedes the bytes (byte arrays, strings).
    Prefixed,
}

/// The length rule of a type code, `None` for a code the format does not define.
#[inline]
fn value_length(type_code: u8) -> Option<ValueLength> {
    Some(match type_code {
        type_code::BOOL_TRUE | type_code::BOOL_FALSE => ValueLength::Fixed(0),
        type_code::BYTE => ValueLength::Fixed(1),
        type_code::INT16 => ValueLength::Fixed(2),
        type_code::INT32 => ValueLength::Fixed(4),
        type_code::INT64 | type_code::TIMESTAMP => ValueLength::Fixed(8),
        type_code::UUID => ValueLength::Fixed(16),
        type_code::BYTE_ARRAY | type_code::STRING => ValueLength::Prefixed,
        _ => return None,
    })
}

/// Whether the lengths of a block's headers add up to the block, every type
/// code being known: [`split_header`]'s checks, without building its results.
fn headers_fit(block: &[u8]) -> bool {
    let mut at = 0;
    while at < block.len() {
        // The name, then the type code.
        at += 1 + usize::from(block[at]);
        let Some(&type_code) = block.get(at) else { return false };
        at += 1;
        at += match value_length(type_code) {
            Some(ValueLength::Fixed(length)) => length,
            Some(ValueLength::Prefixed) => match block.get(at..at + 2) {
                Some(&[high, low]) => 2 + usize::from(u16::from_be_bytes([high, low])),
                _ => return false,
            },
            None => return false,
        };
    }
    at == block.len()
}

/// The first header of `block` that is not well formed.
// Kept out of `check_block`, whose usual path is the quick walk.
#[cold]
#[inline(never)]
fn find_bad_header(mut block: &[u8]) -> Result<(), BadHeader> {
    let all_ascii = block.is_ascii();
    let mut index = 0;
    while !block.is_empty() {
        let bad = |problem| BadHeader { index, problem };
        let (raw, rest) = split_header(block).map_err(bad)?;
        if !all_ascii {
            raw.check().map_err(bad)?;
        }
        block = rest;
        index += 1;
    }
    Ok(())
}

/// The value of the first header called `name` in a checked block. Names are
/// compared as bytes, so that only the header found has its value read (and
/// its string checked as UTF-8 again, which `&str` needs).
pub(super) fn find_value<'a>(mut block: &'a [u8], name: &str) -> Option<HeaderValue<'a>> {
    while !block.is_empty() {
        let (raw, rest) = split_header(block).ok()?;
        if raw.name == name.as_bytes() {
            return raw.interpret_value();
        }
        block = rest;
    }
    None
}

/// A header's value as it lies in a checked block, not yet interpreted: the
/// typed layer compares the format's own string headers as bytes.
#[derive(Clone, Copy)]
pub(super) struct RawValue<'a> {
    type_code: u8,
    bytes: &'a [u8],
}

impl<'a> RawValue<'a> {
    /// The bytes of a string value; `None` for a value of another type.
    pub(super) fn string_bytes(&self) -> Option<&'a [u8]> {
        (self.type_code == type_code::STRING).then_some(self.bytes)
    }

    /// The value, read as [`Message::header`](super::Message::header) reads it.
    pub(super) fn value(&self) -> Option<HeaderValue<'a>> {
        RawHeader { name: &[], type_code: self.type_code, value: self.bytes }.interpret_value()
    }
}

/// The values of the first headers called `names[0]`, `names[1]`, ... in a
/// checked block, found in one walk that stops once each has been found.
// Inlined, so that the names are constants at the call: their compares
// become a few loads instead of `memcmp` calls.
#[inline]
pub(super) fn find_raw_values<'a, const N: usize>(mut block: &'a [u8], names: [&str; N]) -> [Option<RawValue<'a>>; N] {
    let mut found = [None; N];
    let mut missing = N;
    while missing > 0 {
        let Some((name, value, rest)) = next_checked_header(block) else { break };
        for (slot, wanted) in found.iter_mut().zip(names) {
            if slot.is_none() && name == wanted.as_bytes() {
                *slot = Some(value);
                missing -= 1;
            }
        }
        block = rest;
    }
    found
}

/// The name and value of the header at the start of a checked block, and the
/// rest: [`split_header`] without its error reports (`None` at the end).
#[inline]
fn next_checked_header(block: &[u8]) -> Option<(&[u8], RawValue<'_>, &[u8])> {
    let (&name_len, rest) = block.split_first()?;
    let (name, rest) = rest.split_at_checked(usize::from(name_len))?;
    let (&type_code, rest) = rest.split_first()?;
    let (value_len, rest) = match type_code {
        type_code::BOOL_TRUE | type_code::BOOL_FALSE => (0, rest),
        type_code::BYTE => (1, rest),
        type_code::INT16 => (2, rest),
        type_code::INT32 => (4, rest),
        type_code::INT64 | type_code::TIMESTAMP => (8, rest),
        type_code::UUID => (16, rest),
        _ => {
            let (len, rest) = rest.split_first_chunk::<2>()?;
            (usize::from(u16::from_be_bytes(*len)), rest)
        }
    };
    let (bytes, rest) = rest.split_at_checked(value_len)?;
    Some((name, RawValue { type_code, bytes }, rest))
}

/// Reads the header at the start of a checked block: the header and the rest.
fn read_header(block: &[u8]) -> Option<(Header<'_>, &[u8])> {
    let (raw, rest) = split_header(block).ok()?;
    Some((raw.interpret()?, rest))
}

/// A header cut into its parts, not yet interpreted: `value` is the value's
/// bytes without the length prefix of strings and byte arrays.
struct RawHeader<'a> {
    name: &'a [u8],
    type_code: u8,
    value: &'a [u8],
}

/// Cuts the header at the start of `bytes` into its parts, and returns the
/// bytes after it.
fn split_header(bytes: &[u8]) -> Result<(RawHeader<'_>, &[u8]), HeaderProblem> {
    let mut input = Input { bytes };
    let name_len = input.take::<1>().ok_or(HeaderProblem::Overrun { name: None })?[0];
    let name = input.slice(usize::from(name_len)).ok_or(HeaderProblem::Overrun { name: None })?;
    let lossy_name = || String::from_utf8_lossy(name).into_owned();
    let overrun = || HeaderProblem::Overrun { name: Some(lossy_name()) };
    let type_code = input.take::<1>().ok_or_else(overrun)?[0];
    let value_len = match value_length(type_code) {
        Some(ValueLength::Fixed(length)) => length,
        Some(ValueLength::Prefixed) => usize::from(u16::from_be_bytes(input.take().ok_or_else(overrun)?)),
        None => return Err(HeaderProblem::UnknownType { name: lossy_name(), type_code }),
    };
    let value = input.slice(value_len).ok_or_else(overrun)?;
    Ok((RawHeader { name, type_code, value }, input.bytes))
}

impl<'a> RawHeader<'a> {
    /// Checks the UTF-8 of the name and of a string value (ASCII first, which
    /// is cheaper to check than full UTF-8).
    fn check(&self) -> Result<(), HeaderProblem> {
        let utf8 = |bytes: &[u8]| bytes.is_ascii() || std::str::from_utf8(bytes).is_ok();
        if !utf8(self.name) {
            return Err(HeaderProblem::NameNotUtf8 { name: self.name.to_vec() });
        }
        if self.type_code == type_code::STRING && !utf8(self.value) {
            return Err(HeaderProblem::StringNotUtf8 { name: String::from_utf8_lossy(self.name).into_owned() });
        }
        Ok(())
    }

    /// The header, if [`RawHeader::check`] accepts it.
    fn interpret(&self) -> Option<Header<'a>> {
        Some(Header { name: std::str::from_utf8(self.name).ok()?, value: self.interpret_value()? })
    }

    /// The header's value, if [`RawHeader::check`] accepts it.
    fn interpret_value(&self) -> Option<HeaderValue<'a>> {
        Some(match self.type_code {
            type_code::BOOL_TRUE => HeaderValue::Bool(true),
            type_code::BOOL_FALSE => HeaderValue::Bool(false),
            type_code::BYTE => HeaderValue::Byte(i8::from_be_bytes(self.fixed()?)),
            type_code::INT16 => HeaderValue::Int16(i16::from_be_bytes(self.fixed()?)),
            type_code::INT32 => HeaderValue::Int32(i32::from_be_bytes(self.fixed()?)),
            type_code::INT64 => HeaderValue::Int64(i64::from_be_bytes(self.fixed()?)),
            type_code::BYTE_ARRAY => HeaderValue::ByteArray(self.value),
            type_code::STRING => HeaderValue::String(std::str::from_utf8(self.value).ok()?),
            type_code::TIMESTAMP => HeaderValue::Timestamp(i64::from_be_bytes(self.fixed()?)),
            type_code::UUID => HeaderValue::Uuid(self.fixed()?),
            _ => return None,
        })
    }

    fn fixed<const N: usize>(&self) -> Option<[u8; N]> {
        self.value.try_into().ok()
    }
}

/// A read position in a header block; every read is `None` past its end.
struct Input<'a> {
    bytes: &'a [u8],
}

impl<'a> Input<'a> {
    fn slice(&mut self, len: usize) -> Option<&'a [u8]> {
        if self.bytes.len() < len {
            return None;
        }
        let (head, rest) = self.bytes.split_at(len);
        self.bytes = rest;
        Some(head)
    }

    fn take<const N: usize>(&mut self) -> Option<[u8; N]> {
        self.slice(N)?.try_into().ok()
    }
}

/// Appends one header to a header block, or says why it cannot be written.
pub(super) fn write_header(block: &mut Vec<u8>, name: &str, value: HeaderValue<'_>) -> Result<(), EncodeError> {
    if name.len() > MAX_HEADER_NAME_LEN {
        return Err(EncodeError::HeaderNameTooLong { name_prefix: prefix(name, 64).to_owned(), len: name.len() });
    }
    let value_len = match value {
        HeaderValue::ByteArray(bytes) => bytes.len(),
        HeaderValue::String(s) => s.len(),
        _ => 0,
    };
    if value_len > MAX_HEADER_VALUE_LEN {
        return Err(EncodeError::HeaderValueTooLong { name: name.to_owned(), len: value_len });
    }
    // Both lengths were checked against their wire fields (one and two bytes).
    block.push(name.len() as u8);
    block.extend_from_slice(name.as_bytes());
    match value {
        HeaderValue::Bool(true) => block.push(type_code::BOOL_TRUE),
        HeaderValue::Bool(false) => block.push(type_code::BOOL_FALSE),
        HeaderValue::Byte(v) => write_fixed(block, type_code::BYTE, &v.to_be_bytes()),
        HeaderValue::Int16(v) => write_fixed(block, type_code::INT16, &v.to_be_bytes()),
        HeaderValue::Int32(v) => write_fixed(block, type_code::INT32, &v.to_be_bytes()),
        HeaderValue::Int64(v) => write_fixed(block, type_code::INT64, &v.to_be_bytes()),
        HeaderValue::ByteArray(bytes) => {
            write_fixed(block, type_code::BYTE_ARRAY, &(value_len as u16).to_be_bytes());
            block.extend_from_slice(bytes);
        }
        HeaderValue::String(s) => {
            write_fixed(block, type_code::STRING, &(value_len as u16).to_be_bytes());
            block.extend_from_slice(s.as_bytes());
        }
        HeaderValue::Timestamp(millis) => write_fixed(block, type_code::TIMESTAMP, &millis.to_be_bytes()),
        HeaderValue::Uuid(bytes) => write_fixed(block, type_code::UUID, &bytes),
    }
    Ok(())
}

fn write_fixed(block: &mut Vec<u8>, type_code: u8, bytes: &[u8]) {
    block.push(type_code);
    block.extend_from_slice(bytes);
}

/// At most `max` bytes of `s`, cut at a character boundary.
pub(super) fn prefix(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block_of(headers: &[(&str, HeaderValue<'_>)]) -> Vec<u8> {
        let mut block = Vec::new();
        for (name, value) in headers {
            write_header(&mut block, name, *value).expect("writable header");
        }
        block
    }

    #[test]
    fn raw_values_are_the_first_of_each_name_in_one_walk() {
        let block = block_of(&[
            ("a", HeaderValue::Int32(1)),
            (":event-type", HeaderValue::String("First")),
            ("b", HeaderValue::ByteArray(b"xy")),
            (":event-type", HeaderValue::String("Second")),
        ]);
        let [event_type, b, absent] = find_raw_values(&block, [":event-type", "b", "absent"]);
        assert_eq!(event_type.and_then(|v| v.string_bytes()), Some(&b"First"[..]));
        let b = b.expect("b is there");
        assert_eq!(b.string_bytes(), None, "a byte array is not a string");
        assert_eq!(b.value(), Some(HeaderValue::ByteArray(b"xy")));
        assert!(absent.is_none());
        let [a] = find_raw_values(&block, ["a"]);
        assert_eq!(a.and_then(|v| v.value()), Some(HeaderValue::Int32(1)));
    }

    #[test]
    fn every_type_reads_back_as_written() {
        let uuid = *b"0123456789abcdef";
        let headers = [
            ("t", HeaderValue::Bool(true)),
            ("f", HeaderValue::Bool(false)),
            ("byte", HeaderValue::Byte(-7)),
            ("short", HeaderValue::Int16(-300)),
            ("int", HeaderValue::Int32(70_000)),
            ("long", HeaderValue::Int64(-5_000_000_000)),
            ("bytes", HeaderValue::ByteArray(&[0, 255, 1])),
            ("string", HeaderValue::String("héllo")),
            ("time", HeaderValue::Timestamp(1_700_000_000_123)),
            ("uuid", HeaderValue::Uuid(uuid)),
        ];
        let block = block_of(&headers);
        assert_eq!(check_block(&block), Ok(()));
        let read: Vec<_> = Headers::new(&block).map(|h| (h.name(), h.value())).collect();
        assert_eq!(read, headers);
    }

    #[test]
    fn wire_layout_of_each_type() {
        // name length, name, type code, value: big-endian, strings length-prefixed.
        assert_eq!(block_of(&[("a", true.into())]), [1, b'a', 0]);
        assert_eq!(block_of(&[("a", false.into())]), [1, b'a', 1]);
        assert_eq!(block_of(&[("a", (-1i8).into())]), [1, b'a', 2, 0xff]);
        assert_eq!(block_of(&[("a", 0x0102i16.into())]), [1, b'a', 3, 1, 2]);
        assert_eq!(block_of(&[("a", 0x0102_0304i32.into())]), [1, b'a', 4, 1, 2, 3, 4]);
        assert_eq!(block_of(&[("a", 1i64.into())]), [1, b'a', 5, 0, 0, 0, 0, 0, 0, 0, 1]);
        assert_eq!(block_of(&[("a", (&b"xy"[..]).into())]), [1, b'a', 6, 0, 2, b'x', b'y']);
        assert_eq!(block_of(&[("a", "xy".into())]), [1, b'a', 7, 0, 2, b'x', b'y']);
        assert_eq!(block_of(&[("a", HeaderValue::Timestamp(256))]), [1, b'a', 8, 0, 0, 0, 0, 0, 0, 1, 0]);
        let uuid = [9u8; 16];
        assert_eq!(block_of(&[("a", HeaderValue::Uuid(uuid))])[..3], [1, b'a', 9]);
    }

    #[test]
    fn the_fast_walk_agrees_with_the_full_one_on_every_cut() {
        let block = block_of(&[
            ("a", HeaderValue::String("xyz")),
            ("b", HeaderValue::Int64(1)),
            ("c", HeaderValue::ByteArray(b"12")),
            ("d", HeaderValue::Uuid([1; 16])),
            ("e", HeaderValue::Bool(false)),
        ]);
        for cut in 0..=block.len() {
            let fits = headers_fit(&block[..cut]);
            assert_eq!(fits, find_bad_header(&block[..cut]).is_ok(), "cut at {cut}");
        }
        let mut unknown = block.clone();
        unknown[2] = 10;
        assert!(!headers_fit(&unknown));
    }

    #[test]
    fn the_word_wise_ascii_check_agrees_with_the_standard_one() {
        let text = b"0123456789abcdefghijklmnopqrstuvwxyz";
        for len in 0..=text.len() {
            for bad in 0..len {
                let mut bytes = text[..len].to_vec();
                assert!(is_ascii(&bytes), "len {len}");
                bytes[bad] = 0xc3;
                assert!(!is_ascii(&bytes), "len {len}, byte {bad}");
            }
        }
    }

    #[test]
    fn values_are_found_by_name_as_the_iterator_finds_them() {
        let block = block_of(&[
            ("a", HeaderValue::String("first")),
            ("b", HeaderValue::Int32(2)),
            ("a", HeaderValue::String("second")),
            ("é", HeaderValue::Bool(true)),
        ]);
        for name in ["a", "b", "é", "c", ""] {
            let iterated = Headers::new(&block).find(|h| h.name() == name).map(|h| h.value());
            assert_eq!(find_value(&block, name), iterated, "{name}");
        }
        assert_eq!(find_value(&block, "a"), Some(HeaderValue::String("first")));
    }

    #[test]
    fn unknown_type_names_the_header_and_code() {
        let err = check_block(&[1, b'a', 0, 2, b'b', b'c', 10]).unwrap_err();
        assert_eq!(err.index, 1);
        assert_eq!(err.problem, HeaderProblem::UnknownType { name: "bc".into(), type_code: 10 });
    }

    #[test]
    fn a_repeated_block_is_accepted_without_a_walk_and_a_bad_one_never() {
        let mut checked = LastCheckedBlock::default();
        let mut good = Vec::new();
        write_header(&mut good, ":event-type", HeaderValue::String("PayloadChunk")).unwrap();
        assert_eq!(checked.check(&good), Ok(()));
        assert!(!checked.repeated());
        assert_eq!(checked.check(&good), Ok(()));
        assert!(checked.repeated());
        let bad = [1, b'a', 7, 0, 2, 0xc3, 0x28];
        assert!(checked.check(&bad).is_err());
        assert!(checked.check(&bad).is_err(), "a refused block is not remembered");
        assert_eq!(checked.check(&good), Ok(()));
        assert!(!checked.repeated(), "a block in between is not skipped over");
        let mut long = Vec::new();
        write_header(&mut long, "long", HeaderValue::String(&"x".repeat(600))).unwrap();
        assert_eq!(checked.check(&long), Ok(()));
        assert_eq!(checked.check(&good), Ok(()));
        assert!(!checked.repeated(), "nor is a block too long to keep");
    }

    #[test]
    fn non_utf8_string_and_name_are_refused() {
        let err = check_block(&[1, b'a', 7, 0, 2, 0xc3, 0x28]).unwrap_err();
        assert_eq!(err.problem, HeaderProblem::StringNotUtf8 { name: "a".into() });
        let err = check_block(&[1, 0xff, 0]).unwrap_err();
        assert_eq!(err.problem, HeaderProblem::NameNotUtf8 { name: vec![0xff] });
    }

    #[test]
    fn a_header_cut_anywhere_is_an_overrun() {
        let block = block_of(&[("name", HeaderValue::String("value")), ("n", HeaderValue::Int64(1))]);
        let first_len = 1 + 4 + 1 + 2 + 5;
        for cut in 1..block.len() {
            if cut == first_len {
                continue;
            }
            let err = check_block(&block[..cut]).unwrap_err();
            assert!(matches!(err.problem, HeaderProblem::Overrun { .. }), "cut at {cut}: {err:?}");
            assert_eq!(err.index, usize::from(cut > first_len));
        }
    }

    #[test]
    fn oversized_names_and_values_are_encode_errors() {
        let long_name = "n".repeat(256);
        let err = write_header(&mut Vec::new(), &long_name, true.into()).unwrap_err();
        assert!(matches!(err, EncodeError::HeaderNameTooLong { len: 256, .. }), "{err:?}");
        let long_value = "v".repeat(65_536);
        let mut block = vec![7];
        let err = write_header(&mut block, "n", long_value.as_str().into()).unwrap_err();
        assert!(matches!(err, EncodeError::HeaderValueTooLong { len: 65_536, .. }), "{err:?}");
        assert_eq!(block, [7], "nothing of a refused header is written");
        let max_value = vec![0u8; 65_535];
        write_header(&mut Vec::new(), &"n".repeat(255), max_value.as_slice().into()).expect("at the limits");
    }

    #[test]
    fn prefix_cuts_at_a_char_boundary() {
        assert_eq!(prefix("héllo", 2), "h");
        assert_eq!(prefix("abc", 10), "abc");
    }
}

//! [`Blob`], binary data: standard base64 in JSON documents.

use base64::Engine as _;

/// Binary data; standard base64 (with padding) in JSON documents.
///
/// ```
/// use smithy_codegen_runtime::Blob;
///
/// let blob = Blob::new("hi!");
/// assert_eq!(blob.as_bytes(), b"hi!");
/// assert_eq!(serde_json::to_string(&blob).unwrap(), r#""aGkh""#);
/// assert_eq!(serde_json::from_str::<Blob>(r#""aGkh""#).unwrap(), blob);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Blob(Vec<u8>);

impl Blob {
    /// Wraps bytes.
    pub fn new(bytes: impl Into<Vec<u8>>) -> Self {
        Blob(bytes.into())
    }

    /// The bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The bytes, owned.
    pub fn into_inner(self) -> Vec<u8> {
        self.0
    }
}

impl AsRef<[u8]> for Blob {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl From<Vec<u8>> for Blob {
    fn from(bytes: Vec<u8>) -> Self {
        Blob(bytes)
    }
}

impl From<&[u8]> for Blob {
    fn from(bytes: &[u8]) -> Self {
        Blob(bytes.to_vec())
    }
}

/// Standard base64. Padding is written, and optional when read; stray bits
/// in the last character are ignored: the decoder this replaces accepted both.
const BASE64: base64::engine::GeneralPurpose = base64::engine::GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    base64::engine::GeneralPurposeConfig::new()
        .with_encode_padding(true)
        .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent)
        .with_decode_allow_trailing_bits(true),
);

impl serde::Serialize for Blob {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&BASE64.encode(&self.0))
    }
}

/// Canonical standard base64, as servers read it (see [`crate::serde_support::strict`]):
/// padding required, no stray bits in the last character.
const STRICT_BASE64: base64::engine::GeneralPurpose = base64::engine::GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    base64::engine::GeneralPurposeConfig::new()
        .with_encode_padding(true)
        .with_decode_padding_mode(base64::engine::DecodePaddingMode::RequireCanonical)
        .with_decode_allow_trailing_bits(false),
);

impl<'de> serde::Deserialize<'de> for Blob {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(deserializer)?;
        let engine = if crate::serde_support::strict::is_strict() { &STRICT_BASE64 } else { &BASE64 };
        engine.decode(text.as_bytes()).map(Blob).map_err(|_| <D::Error as serde::de::Error>::custom("invalid base64"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &str) -> Result<Blob, serde_json::Error> {
        serde_json::from_str(json)
    }

    #[test]
    fn writes_padded_base64() {
        for (bytes, text) in [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg==")] {
            assert_eq!(serde_json::to_value(Blob::new(bytes)).unwrap(), text, "{bytes:?}");
        }
    }

    #[test]
    fn reads_with_or_without_padding() {
        assert_eq!(read(r#""Zm9vYg==""#).unwrap().as_bytes(), b"foob");
        assert_eq!(read(r#""Zm9vYg""#).unwrap().as_bytes(), b"foob");
        assert_eq!(read(r#""""#).unwrap().as_bytes(), b"");
    }

    #[test]
    fn refuses_what_is_not_base64() {
        for bad in [r#""Zm9v!""#, r#""Z""#, r#""Zm-_""#, "3"] {
            assert!(read(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn strict_parsing_wants_canonical_base64() {
        use crate::serde_support::strict::parse_strictly;
        for lenient_only in [r#""xyz""#, r#""YmxvYg=""#, r#""Zm9vYg""#, r#""Zm9vYh==""#] {
            assert!(read(lenient_only).is_ok(), "{lenient_only}");
            assert!(parse_strictly(|| read(lenient_only)).is_err(), "{lenient_only}");
        }
        assert_eq!(parse_strictly(|| read(r#""Zm9vYg==""#)).unwrap().as_bytes(), b"foob");
    }

    #[test]
    fn round_trips_every_byte() {
        let blob = Blob::new((0..=255u8).collect::<Vec<u8>>());
        assert_eq!(read(&serde_json::to_string(&blob).unwrap()).unwrap(), blob);
    }
}

/// Errors of building values and of reading enum values.
pub mod error {
    /// A builder's `build()` failed because a required member was not set.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct BuildError {
        shape: &'static str,
        member: &'static str,
        field: &'static str,
    }

    impl BuildError {
        #[doc(hidden)]
        pub const fn missing(shape: &'static str, member: &'static str, field: &'static str) -> Self {
            BuildError { shape, member, field }
        }

        /// The model's name of the missing member (for example `LayerName`).
        pub fn member(&self) -> &'static str {
            self.member
        }

        /// The Rust field of the missing member (for example `layer_name`).
        pub fn field(&self) -> &'static str {
            self.field
        }

        /// The type that could not be built.
        pub fn shape(&self) -> &'static str {
            self.shape
        }
    }

    impl ::std::fmt::Display for BuildError {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            write!(
                f,
                "missing required member `{}` (field `{}`) when building `{}`",
                self.member, self.field, self.shape
            )
        }
    }

    impl ::std::error::Error for BuildError {}

    /// A string that is none of an enum's known values (returned by `try_parse`).
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct UnknownVariantError {
        enum_name: &'static str,
        value: ::std::string::String,
    }

    impl UnknownVariantError {
        #[allow(dead_code)]
        pub(crate) fn new(enum_name: &'static str, value: &str) -> Self {
            UnknownVariantError {
                enum_name,
                value: value.to_owned(),
            }
        }

        /// The value that was not recognised.
        pub fn value(&self) -> &str {
            &self.value
        }
    }

    impl ::std::fmt::Display for UnknownVariantError {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            write!(f, "`{}` is not a known {} value", self.value, self.enum_name)
        }
    }

    impl ::std::error::Error for UnknownVariantError {}

    /// An error response that the operation's model does not describe: an unknown
    /// error code, a body that is not JSON, or a status from a proxy.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Unhandled {
        status: u16,
        code: ::std::option::Option<::std::string::String>,
        message: ::std::option::Option<::std::string::String>,
        body_snippet: ::std::option::Option<BodySnippet>,
    }

    /// The start of a response body, as text.
    #[derive(Debug, Clone, PartialEq, Eq)]
    struct BodySnippet {
        text: ::std::string::String,
        truncated: bool,
    }

    /// How much of an unreadable body an [`Unhandled`] keeps: enough to
    /// recognise a proxy's error page, bounded however large the body.
    const BODY_SNIPPET_BYTES: usize = 256;

    impl Unhandled {
        /// An unmodeled error with its HTTP status, error code and message.
        pub fn new(
            status: u16,
            code: ::std::option::Option<::std::string::String>,
            message: ::std::option::Option<::std::string::String>,
        ) -> Self {
            Unhandled {
                status,
                code,
                message,
                body_snippet: ::std::option::Option::None,
            }
        }

        /// The same error, keeping the start of the response body that could not
        /// be read (an HTML page from a proxy, say): its first 256 bytes, cut on
        /// a character boundary, as UTF-8 with invalid bytes replaced. An empty
        /// body keeps nothing.
        pub fn with_body_snippet(mut self, body: &[u8]) -> Self {
            if body.is_empty() {
                return self;
            }
            let mut end = body.len().min(BODY_SNIPPET_BYTES);
            // A character cut in two is left out whole: back up over UTF-8
            // continuation bytes (`0b10xx_xxxx`, at most three per character).
            let mut backed_up = 0;
            while end < body.len() && end > 0 && backed_up < 3 && body[end] & 0xC0 == 0x80 {
                end -= 1;
                backed_up += 1;
            }
            self.body_snippet = ::std::option::Option::Some(BodySnippet {
                text: ::std::string::String::from_utf8_lossy(&body[..end]).into_owned(),
                truncated: end < body.len(),
            });
            self
        }

        /// The HTTP status code of the response.
        pub fn status(&self) -> u16 {
            self.status
        }

        /// The error code, if the response carried one.
        pub fn code(&self) -> ::std::option::Option<&str> {
            self.code.as_deref()
        }

        /// The error message, if the response carried one.
        pub fn message(&self) -> ::std::option::Option<&str> {
            self.message.as_deref()
        }

        /// The start of a response body that could not be read, if one was kept
        /// (see [`Self::with_body_snippet`]).
        pub fn body_snippet(&self) -> ::std::option::Option<&str> {
            self.body_snippet.as_ref().map(|snippet| snippet.text.as_str())
        }
    }

    impl ::std::fmt::Display for Unhandled {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            write!(f, "unhandled error (HTTP {})", self.status)?;
            if let ::std::option::Option::Some(code) = &self.code {
                write!(f, " {code}")?;
            }
            if let ::std::option::Option::Some(message) = &self.message {
                write!(f, ": {message}")?;
            }
            if let ::std::option::Option::Some(snippet) = &self.body_snippet {
                let more = if snippet.truncated { "…" } else { "" };
                write!(f, "; body: {:?}{more}", snippet.text)?;
            }
            ::std::result::Result::Ok(())
        }
    }

    impl ::std::error::Error for Unhandled {}
}

/// Building blocks of the generated types.
pub mod primitives {
    /// Binary data; base64 in JSON documents.
    #[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
    pub struct Blob(::std::vec::Vec<u8>);

    impl Blob {
        /// Wraps bytes.
        pub fn new(bytes: impl ::std::convert::Into<::std::vec::Vec<u8>>) -> Self {
            Blob(bytes.into())
        }

        /// The bytes.
        pub fn as_bytes(&self) -> &[u8] {
            &self.0
        }

        /// The bytes, owned.
        pub fn into_inner(self) -> ::std::vec::Vec<u8> {
            self.0
        }
    }

    impl ::std::convert::AsRef<[u8]> for Blob {
        fn as_ref(&self) -> &[u8] {
            &self.0
        }
    }

    impl ::std::convert::From<::std::vec::Vec<u8>> for Blob {
        fn from(bytes: ::std::vec::Vec<u8>) -> Self {
            Blob(bytes)
        }
    }

    impl ::std::convert::From<&[u8]> for Blob {
        fn from(bytes: &[u8]) -> Self {
            Blob(bytes.to_vec())
        }
    }

    impl ::serde::Serialize for Blob {
        fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
            serializer.serialize_str(&crate::serde_support::base64_encode(&self.0))
        }
    }

    impl<'de> ::serde::Deserialize<'de> for Blob {
        fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
            let text = <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(deserializer)?;
            crate::serde_support::base64_decode(&text)
                .map(Blob)
                .ok_or_else(|| <D::Error as ::serde::de::Error>::custom("invalid base64"))
        }
    }

    /// A point in time with nanosecond precision; epoch seconds in JSON
    /// documents unless the model names another format.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub struct DateTime {
        seconds: i64,
        subsec_nanos: u32,
    }

    /// The wire formats of timestamps.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum TimestampFormat {
        /// `1542236632.894`
        EpochSeconds,
        /// RFC 3339, `2018-11-14T23:03:52.894Z`
        DateTime,
        /// IMF-fixdate, `Wed, 14 Nov 2018 23:03:52 GMT`
        HttpDate,
    }

    impl DateTime {
        /// Whole seconds since the Unix epoch.
        pub fn from_secs(seconds: i64) -> Self {
            DateTime { seconds, subsec_nanos: 0 }
        }

        /// Seconds and nanoseconds since the Unix epoch (nanoseconds are capped below one second).
        pub fn from_secs_and_nanos(seconds: i64, subsec_nanos: u32) -> Self {
            DateTime {
                seconds,
                subsec_nanos: subsec_nanos.min(999_999_999),
            }
        }

        /// Fractional seconds since the Unix epoch; `None` when not finite or out of range.
        pub fn from_fractional_secs(value: f64) -> ::std::option::Option<Self> {
            if !value.is_finite() || value.abs() > 1e15 {
                return ::std::option::Option::None;
            }
            let seconds = value.floor();
            let nanos = ((value - seconds) * 1e9).round().min(999_999_999.0) as u32;
            ::std::option::Option::Some(DateTime::from_secs_and_nanos(seconds as i64, nanos))
        }

        /// Milliseconds since the Unix epoch.
        pub fn from_millis(epoch_millis: i64) -> Self {
            let nanos = epoch_millis.rem_euclid(1000) as u32 * 1_000_000;
            DateTime::from_secs_and_nanos(epoch_millis.div_euclid(1000), nanos)
        }

        /// Fractional seconds since the Unix epoch, saturating out of range
        /// (`NaN` is the epoch); see [`Self::from_fractional_secs`] to refuse those.
        pub fn from_secs_f64(epoch_seconds: f64) -> Self {
            let seconds = epoch_seconds.floor();
            let nanos = ((epoch_seconds - seconds) * 1e9).clamp(0.0, 999_999_999.0) as u32;
            DateTime::from_secs_and_nanos(seconds as i64, nanos)
        }

        /// Nanoseconds since the Unix epoch.
        pub fn as_nanos(&self) -> i128 {
            i128::from(self.seconds) * 1_000_000_000 + i128::from(self.subsec_nanos)
        }

        /// Whether there is a fraction of a second.
        pub fn has_subsec_nanos(&self) -> bool {
            self.subsec_nanos != 0
        }

        /// Whole seconds since the Unix epoch.
        pub fn secs(&self) -> i64 {
            self.seconds
        }

        /// The nanoseconds past `secs()`.
        pub fn subsec_nanos(&self) -> u32 {
            self.subsec_nanos
        }

        /// Fractional seconds since the Unix epoch.
        pub fn as_secs_f64(&self) -> f64 {
            self.seconds as f64 + f64::from(self.subsec_nanos) / 1e9
        }

        /// As a `time::OffsetDateTime` in UTC; `None` outside its range.
        pub fn to_offset_date_time(&self) -> ::std::option::Option<::time::OffsetDateTime> {
            ::time::OffsetDateTime::from_unix_timestamp_nanos(self.as_nanos()).ok()
        }

        /// From a `time::OffsetDateTime`.
        pub fn from_offset_date_time(value: ::time::OffsetDateTime) -> Self {
            DateTime::from_secs_and_nanos(value.unix_timestamp(), value.nanosecond())
        }

        /// The timestamp in a wire format.
        pub fn fmt(&self, format: TimestampFormat) -> ::std::string::String {
            match format {
                TimestampFormat::EpochSeconds => {
                    if self.subsec_nanos == 0 {
                        self.seconds.to_string()
                    } else {
                        // Before the epoch, -1 s + 0.5 s is written -0.5.
                        let text = if self.seconds < 0 {
                            format!("-{}.{:09}", self.seconds.unsigned_abs() - 1, 1_000_000_000 - self.subsec_nanos)
                        } else {
                            format!("{}.{:09}", self.seconds, self.subsec_nanos)
                        };
                        text.trim_end_matches('0').to_owned()
                    }
                }
                TimestampFormat::DateTime => {
                    self.rfc3339().unwrap_or_else(|| self.fmt(TimestampFormat::EpochSeconds))
                }
                TimestampFormat::HttpDate => match self.to_offset_date_time() {
                    ::std::option::Option::Some(t) => {
                        const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
                        const MONTHS: [&str; 12] =
                            ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
                        format!(
                            "{}, {:02} {} {:04} {:02}:{:02}:{:02} GMT",
                            DAYS[usize::from(t.weekday().number_days_from_monday())],
                            t.day(),
                            MONTHS[usize::from(u8::from(t.month()) - 1)],
                            t.year(),
                            t.hour(),
                            t.minute(),
                            t.second()
                        )
                    }
                    ::std::option::Option::None => self.seconds.to_string(),
                },
            }
        }

        /// RFC 3339 in UTC as aws-smithy-types writes it: microseconds, with
        /// the fraction only when non-zero and without trailing zeros
        /// (`2018-11-14T23:03:52.894Z`); `None` outside years 1 to 9999.
        fn rfc3339(&self) -> ::std::option::Option<::std::string::String> {
            let t = self.to_offset_date_time()?;
            if !(1..=9999).contains(&t.year()) {
                return ::std::option::Option::None;
            }
            let mut text = format!(
                "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
                t.year(),
                u8::from(t.month()),
                t.day(),
                t.hour(),
                t.minute(),
                t.second()
            );
            let micros = t.microsecond();
            if micros > 0 {
                text.push_str(format!(".{micros:06}").trim_end_matches('0'));
            }
            text.push('Z');
            ::std::option::Option::Some(text)
        }

        /// Parses a timestamp in a wire format; `None` when it is not one.
        pub fn parse(text: &str, format: TimestampFormat) -> ::std::option::Option<Self> {
            match format {
                TimestampFormat::EpochSeconds => text.parse::<f64>().ok().and_then(DateTime::from_fractional_secs),
                TimestampFormat::DateTime => {
                    ::time::OffsetDateTime::parse(text, &::time::format_description::well_known::Rfc3339)
                        .ok()
                        .map(DateTime::from_offset_date_time)
                }
                TimestampFormat::HttpDate => {
                    ::time::OffsetDateTime::parse(text, &::time::format_description::well_known::Rfc2822)
                        .ok()
                        .map(DateTime::from_offset_date_time)
                }
            }
        }
    }

    /// RFC 3339 (`2018-11-14T23:03:52.894Z`), or epoch seconds for dates
    /// RFC 3339 cannot write, as aws-smithy-types' `DateTime` displays.
    impl ::std::fmt::Display for DateTime {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.write_str(&DateTime::fmt(self, TimestampFormat::DateTime))
        }
    }

    impl ::serde::Serialize for DateTime {
        fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
            if self.subsec_nanos == 0 {
                serializer.serialize_i64(self.seconds)
            } else {
                serializer.serialize_f64(self.as_secs_f64())
            }
        }
    }

    impl<'de> ::serde::Deserialize<'de> for DateTime {
        fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
            let secs = f64::deserialize(deserializer)?;
            DateTime::from_fractional_secs(secs)
                .ok_or_else(|| <D::Error as ::serde::de::Error>::custom("timestamp out of range"))
        }
    }

    /// A union member this version of the crate does not know, kept with its
    /// name and JSON value so that it is written back unchanged.
    #[derive(Debug, Clone, PartialEq)]
    pub struct UnknownUnionMember {
        pub(crate) name: ::std::string::String,
        pub(crate) value: ::serde_json::Value,
    }

    impl UnknownUnionMember {
        /// The member name as it was read.
        pub fn name(&self) -> &str {
            &self.name
        }

        /// The member's JSON value as it was read.
        pub fn value(&self) -> &::serde_json::Value {
            &self.value
        }
    }

    /// The opaque payload of enums' `Unknown` variants.
    pub mod sealed_enum_unknown {
        /// A wire value that this version of the crate does not know.
        ///
        /// It cannot be built or matched outside the crate, so code that handles
        /// a value by its string keeps working when a later version turns the
        /// value into a named variant: compare with `as_str()` instead.
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct UnknownVariantValue(pub(crate) ::std::string::String);

        impl UnknownVariantValue {
            /// The value exactly as it was read.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }
    }
}

/// Serde helpers shared by the generated types.
#[allow(dead_code)]
mod serde_support {
    use ::serde::de::{Deserialize, Deserializer, Error, Visitor};
    use ::serde::{Serialize, Serializer};

    /// A deserializer that reads structures from maps only: serde's derives
    /// also accept a sequence and fill the fields by position, which restJson1
    /// never means.
    pub(crate) struct MapOnly<D>(pub(crate) D);

    impl<'de, D: Deserializer<'de>> Deserializer<'de> for MapOnly<D> {
        type Error = D::Error;

        fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> ::std::result::Result<V::Value, D::Error> {
            self.0.deserialize_any(visitor)
        }

        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _name: &'static str,
            _fields: &'static [&'static str],
            visitor: V,
        ) -> ::std::result::Result<V::Value, D::Error> {
            self.0.deserialize_map(visitor)
        }

        fn is_human_readable(&self) -> bool {
            self.0.is_human_readable()
        }

        ::serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
            bytes byte_buf option unit unit_struct newtype_struct seq tuple
            tuple_struct map enum identifier ignored_any
        }
    }

    const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /// Standard base64 with padding.
    pub(crate) fn base64_encode(bytes: &[u8]) -> ::std::string::String {
        let mut out = ::std::string::String::with_capacity(bytes.len().div_ceil(3) * 4);
        for chunk in bytes.chunks(3) {
            let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
            let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
            for i in 0..4 {
                if i <= chunk.len() {
                    out.push(BASE64[((n >> (18 - 6 * i)) & 63) as usize] as char);
                } else {
                    out.push('=');
                }
            }
        }
        out
    }

    /// Decodes standard base64 (padding optional); `None` on any other character.
    pub(crate) fn base64_decode(text: &str) -> ::std::option::Option<::std::vec::Vec<u8>> {
        let text = text.trim_end_matches('=');
        let mut out = ::std::vec::Vec::with_capacity(text.len() * 3 / 4);
        let mut acc = 0u32;
        let mut bits = 0;
        for c in text.bytes() {
            let v = BASE64.iter().position(|&b| b == c)? as u32;
            acc = (acc << 6) | v;
            bits += 6;
            if bits >= 8 {
                bits -= 8;
                out.push((acc >> bits) as u8);
                acc &= (1 << bits) - 1;
            }
        }
        if bits >= 6 {
            return ::std::option::Option::None;
        }
        ::std::option::Option::Some(out)
    }

    /// Floats that JSON cannot spell (`NaN`, `Infinity`, `-Infinity`) travel as strings.
    pub(crate) mod float {
        use super::*;

        pub(crate) fn serialize<S: Serializer>(value: &f64, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
            if value.is_nan() {
                serializer.serialize_str("NaN")
            } else if value.is_infinite() {
                serializer.serialize_str(if *value > 0.0 { "Infinity" } else { "-Infinity" })
            } else {
                serializer.serialize_f64(*value)
            }
        }

        #[derive(::serde::Deserialize)]
        #[serde(untagged)]
        enum Wire<'a> {
            Number(f64),
            #[serde(borrow)]
            Text(::std::borrow::Cow<'a, str>),
        }

        pub(crate) fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> ::std::result::Result<f64, D::Error> {
            match Wire::deserialize(deserializer)? {
                Wire::Number(n) => ::std::result::Result::Ok(n),
                Wire::Text(t) => match &*t {
                    "NaN" => ::std::result::Result::Ok(f64::NAN),
                    "Infinity" => ::std::result::Result::Ok(f64::INFINITY),
                    "-Infinity" => ::std::result::Result::Ok(f64::NEG_INFINITY),
                    other => ::std::result::Result::Err(D::Error::custom(format!("`{other}` is not a number"))),
                },
            }
        }

        /// The same for optional members (`null` reads as absent).
        pub(crate) mod option {
            use super::*;

            pub(crate) fn serialize<S: Serializer>(
                value: &::std::option::Option<f64>,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                match value {
                    ::std::option::Option::Some(v) => super::serialize(v, serializer),
                    ::std::option::Option::None => serializer.serialize_none(),
                }
            }

            pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<::std::option::Option<f64>, D::Error> {
                #[derive(::serde::Deserialize)]
                struct Wrapped(#[serde(with = "super")] f64);
                ::std::result::Result::Ok(::std::option::Option::<Wrapped>::deserialize(deserializer)?.map(|w| w.0))
            }

            /// For members with a zero default: `null` reads as the default.
            pub(crate) fn deserialize_or_default<'de, D: Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<f64, D::Error> {
                deserialize(deserializer).map(::std::option::Option::unwrap_or_default)
            }
        }
    }

    /// `f64` through [`float`], for collections of doubles.
    pub(crate) struct Float(pub(crate) f64);

    impl Serialize for Float {
        fn serialize<S: Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
            float::serialize(&self.0, serializer)
        }
    }

    impl<'de> Deserialize<'de> for Float {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
            float::deserialize(deserializer).map(Float)
        }
    }

    /// Maps of doubles, optional (`NaN` and infinities as strings).
    pub(crate) mod float_map {
        use super::*;
        type Map = ::std::collections::HashMap<::std::string::String, f64>;

        pub(crate) fn serialize<S: Serializer>(
            value: &::std::option::Option<Map>,
            serializer: S,
        ) -> ::std::result::Result<S::Ok, S::Error> {
            match value {
                ::std::option::Option::Some(map) => serializer.collect_map(map.iter().map(|(k, v)| (k, Float(*v)))),
                ::std::option::Option::None => serializer.serialize_none(),
            }
        }

        pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
            deserializer: D,
        ) -> ::std::result::Result<::std::option::Option<Map>, D::Error> {
            let map = ::std::option::Option::<::std::collections::HashMap<::std::string::String, Float>>::deserialize(
                deserializer,
            )?;
            ::std::result::Result::Ok(map.map(|m| m.into_iter().map(|(k, v)| (k, v.0)).collect()))
        }
    }

    /// Lists of doubles, optional (`NaN` and infinities as strings).
    pub(crate) mod float_list {
        use super::*;

        pub(crate) fn serialize<S: Serializer>(
            value: &::std::option::Option<::std::vec::Vec<f64>>,
            serializer: S,
        ) -> ::std::result::Result<S::Ok, S::Error> {
            match value {
                ::std::option::Option::Some(list) => serializer.collect_seq(list.iter().map(|v| Float(*v))),
                ::std::option::Option::None => serializer.serialize_none(),
            }
        }

        pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
            deserializer: D,
        ) -> ::std::result::Result<::std::option::Option<::std::vec::Vec<f64>>, D::Error> {
            let list = ::std::option::Option::<::std::vec::Vec<Float>>::deserialize(deserializer)?;
            ::std::result::Result::Ok(list.map(|l| l.into_iter().map(|v| v.0).collect()))
        }
    }

    /// Timestamps in a text format named by the model (`date-time`, `http-date`).
    pub(crate) fn serialize_timestamp<S: Serializer>(
        value: &crate::primitives::DateTime,
        format: crate::primitives::TimestampFormat,
        serializer: S,
    ) -> ::std::result::Result<S::Ok, S::Error> {
        match format {
            crate::primitives::TimestampFormat::EpochSeconds => value.serialize(serializer),
            other => serializer.serialize_str(&value.fmt(other)),
        }
    }

    pub(crate) fn deserialize_timestamp<'de, D: Deserializer<'de>>(
        format: crate::primitives::TimestampFormat,
        deserializer: D,
    ) -> ::std::result::Result<crate::primitives::DateTime, D::Error> {
        match format {
            crate::primitives::TimestampFormat::EpochSeconds => crate::primitives::DateTime::deserialize(deserializer),
            other => {
                let text = <::std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                crate::primitives::DateTime::parse(&text, other)
                    .ok_or_else(|| D::Error::custom(format!("`{text}` is not a timestamp in the {other:?} format")))
            }
        }
    }

    macro_rules! timestamp_format_module {
        ($name:ident, $format:ident) => {
            pub(crate) mod $name {
                use super::*;
                pub(crate) fn serialize<S: Serializer>(
                    value: &crate::primitives::DateTime,
                    serializer: S,
                ) -> ::std::result::Result<S::Ok, S::Error> {
                    serialize_timestamp(value, crate::primitives::TimestampFormat::$format, serializer)
                }
                pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
                    deserializer: D,
                ) -> ::std::result::Result<crate::primitives::DateTime, D::Error> {
                    deserialize_timestamp(crate::primitives::TimestampFormat::$format, deserializer)
                }
                pub(crate) mod option {
                    use super::*;
                    pub(crate) fn serialize<S: Serializer>(
                        value: &::std::option::Option<crate::primitives::DateTime>,
                        serializer: S,
                    ) -> ::std::result::Result<S::Ok, S::Error> {
                        match value {
                            ::std::option::Option::Some(v) => super::serialize(v, serializer),
                            ::std::option::Option::None => serializer.serialize_none(),
                        }
                    }
                    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
                        deserializer: D,
                    ) -> ::std::result::Result<::std::option::Option<crate::primitives::DateTime>, D::Error> {
                        #[derive(::serde::Deserialize)]
                        struct Wrapped(#[serde(with = "super")] crate::primitives::DateTime);
                        ::std::result::Result::Ok(
                            ::std::option::Option::<Wrapped>::deserialize(deserializer)?.map(|w| w.0),
                        )
                    }
                }
            }
        };
    }

    timestamp_format_module!(date_time, DateTime);
    timestamp_format_module!(http_date, HttpDate);

    /// Reads `null` as the member's default, as Smithy's JSON protocols require.
    pub(crate) fn null_as_default<'de, D, T>(deserializer: D) -> ::std::result::Result<T, D::Error>
    where
        D: Deserializer<'de>,
        T: Deserialize<'de> + ::std::default::Default,
    {
        ::std::option::Option::<T>::deserialize(deserializer).map(::std::option::Option::unwrap_or_default)
    }

    /// Reads a string enum without allocating for known values and keeps
    /// unknown values byte for byte.
    pub(crate) fn string_enum<'de, D, T>(deserializer: D) -> ::std::result::Result<T, D::Error>
    where
        D: Deserializer<'de>,
        T: for<'a> ::std::convert::From<&'a str> + ::std::convert::From<::std::string::String>,
    {
        struct EnumVisitor<T>(::std::marker::PhantomData<T>);
        impl<'de, T> Visitor<'de> for EnumVisitor<T>
        where
            T: for<'a> ::std::convert::From<&'a str> + ::std::convert::From<::std::string::String>,
        {
            type Value = T;
            fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: Error>(self, v: &str) -> ::std::result::Result<T, E> {
                ::std::result::Result::Ok(T::from(v))
            }
            fn visit_string<E: Error>(self, v: ::std::string::String) -> ::std::result::Result<T, E> {
                ::std::result::Result::Ok(T::from(v))
            }
        }
        deserializer.deserialize_str(EnumVisitor(::std::marker::PhantomData))
    }
}

/// Impls that every generated type of one kind shares, written once here and
/// invoked by the generated code with the type's name: less code to generate,
/// review and compile than a copy per type.
// A model without enums (or errors) leaves a macro unused.
#[allow(unused_macros, unused_imports)]
mod shared_impls {
    /// For a string enum whose inherent `as_str()` and `known()` the generator
    /// writes: `try_parse`, the conversions from strings, `Display` and serde
    /// (unknown values kept byte for byte).
    macro_rules! string_enum {
        ($name:ident) => {
            impl $name {
                /// Parses a known value; unlike `From<&str>`, unknown values are an error.
                pub fn try_parse(value: &str) -> ::std::result::Result<Self, crate::error::UnknownVariantError> {
                    Self::known(value)
                        .ok_or_else(|| crate::error::UnknownVariantError::new(::std::stringify!($name), value))
                }
            }
            impl ::std::convert::From<&str> for $name {
                fn from(value: &str) -> Self {
                    Self::known(value).unwrap_or_else(|| {
                        $name::Unknown(crate::primitives::sealed_enum_unknown::UnknownVariantValue(value.to_owned()))
                    })
                }
            }
            impl ::std::convert::From<::std::string::String> for $name {
                fn from(value: ::std::string::String) -> Self {
                    match Self::known(&value) {
                        ::std::option::Option::Some(known) => known,
                        ::std::option::Option::None => {
                            $name::Unknown(crate::primitives::sealed_enum_unknown::UnknownVariantValue(value))
                        }
                    }
                }
            }
            impl ::std::str::FromStr for $name {
                type Err = ::std::convert::Infallible;
                fn from_str(value: &str) -> ::std::result::Result<Self, <Self as ::std::str::FromStr>::Err> {
                    ::std::result::Result::Ok(Self::from(value))
                }
            }
            impl ::std::convert::AsRef<str> for $name {
                fn as_ref(&self) -> &str {
                    self.as_str()
                }
            }
            impl ::std::fmt::Display for $name {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    f.write_str(self.as_str())
                }
            }
            impl ::serde::Serialize for $name {
                fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                    serializer.serialize_str(self.as_str())
                }
            }
            impl<'de> ::serde::Deserialize<'de> for $name {
                fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                    crate::serde_support::string_enum(deserializer)
                }
            }
        };
    }
    pub(crate) use string_enum;

    /// For an error structure with `CODE` and `message()`: `Display` (the code,
    /// then the message if there is one) and `std::error::Error`.
    macro_rules! modeled_error {
        ($name:ident) => {
            impl ::std::fmt::Display for $name {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    f.write_str(Self::CODE)?;
                    if let ::std::option::Option::Some(message) = self.message() {
                        ::std::write!(f, ": {message}")?;
                    }
                    ::std::result::Result::Ok(())
                }
            }
            impl ::std::error::Error for $name {}
        };
    }
    pub(crate) use modeled_error;
}

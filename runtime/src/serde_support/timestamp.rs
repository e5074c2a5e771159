//! Timestamps in a text format that the model names (`date-time`,
//! `http-date`) instead of the epoch seconds of [`DateTime`]'s own serde impl.

use crate::{DateTime, TimestampFormat};
use serde::de::{Deserialize, Deserializer, Error};
use serde::{Serialize, Serializer};
use std::borrow::Cow;

/// Writes a timestamp in `format`: epoch seconds as a number, the others as strings.
pub fn serialize_timestamp<S: Serializer>(
    value: &DateTime,
    format: TimestampFormat,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match format {
        TimestampFormat::EpochSeconds => value.serialize(serializer),
        other => serializer.serialize_str(&value.fmt(other)),
    }
}

/// Reads a timestamp in `format`; text in another format is an error naming it.
pub fn deserialize_timestamp<'de, D: Deserializer<'de>>(
    format: TimestampFormat,
    deserializer: D,
) -> Result<DateTime, D::Error> {
    match format {
        TimestampFormat::EpochSeconds => DateTime::deserialize(deserializer),
        other => {
            let text = <Cow<'de, str>>::deserialize(deserializer)?;
            parse_text(&text, other)
                .ok_or_else(|| D::Error::custom(format!("`{text}` is not a timestamp in the {other:?} format")))
        }
    }
}

/// Parses a timestamp's text in `format`, strictly inside
/// [`parse_strictly`](super::strict::parse_strictly) (servers), generously
/// elsewhere (clients): see [`DateTime::parse_strict`].
///
/// ```
/// use smithy_codegen_runtime::serde_support::{parse_timestamp_text, strict::parse_strictly};
/// use smithy_codegen_runtime::TimestampFormat;
///
/// let offset = "2019-12-16T22:48:18-01:00";
/// assert!(parse_timestamp_text(offset, TimestampFormat::DateTime).is_some());
/// assert!(parse_strictly(|| parse_timestamp_text(offset, TimestampFormat::DateTime)).is_none());
/// ```
pub fn parse_text(text: &str, format: TimestampFormat) -> Option<DateTime> {
    if super::strict::is_strict() {
        DateTime::parse_strict(text, format)
    } else {
        DateTime::parse(text, format)
    }
}

/// A `#[serde(with = ...)]` module for one format, with an `option` child for
/// optional members.
macro_rules! timestamp_format_module {
    ($(#[$doc:meta])* $name:ident, $format:ident) => {
        $(#[$doc])*
        pub mod $name {
            use super::*;

            /// Writes the timestamp in this module's format.
            pub fn serialize<S: Serializer>(value: &DateTime, serializer: S) -> Result<S::Ok, S::Error> {
                serialize_timestamp(value, TimestampFormat::$format, serializer)
            }

            /// Reads a timestamp in this module's format.
            pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<DateTime, D::Error> {
                deserialize_timestamp(TimestampFormat::$format, deserializer)
            }

            /// The same for optional members (`null` reads as absent).
            pub mod option {
                use super::*;

                /// Writes a present timestamp in this format, an absent one as `null`.
                pub fn serialize<S: Serializer>(value: &Option<DateTime>, serializer: S) -> Result<S::Ok, S::Error> {
                    match value {
                        Some(v) => super::serialize(v, serializer),
                        None => serializer.serialize_none(),
                    }
                }

                /// Reads `null` as `None`, anything else as a timestamp in this format.
                pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<DateTime>, D::Error> {
                    #[derive(serde::Deserialize)]
                    struct Wrapped(#[serde(with = "super")] DateTime);
                    Ok(Option::<Wrapped>::deserialize(deserializer)?.map(|w| w.0))
                }
            }
        }
    };
}

timestamp_format_module!(
    /// RFC 3339 strings (`2018-11-14T23:03:52.894Z`).
    ///
    /// ```
    /// #[derive(serde::Serialize, serde::Deserialize)]
    /// struct Event {
    ///     #[serde(with = "smithy_codegen_runtime::serde_support::date_time")]
    ///     at: smithy_codegen_runtime::DateTime,
    /// }
    ///
    /// let event: Event = serde_json::from_str(r#"{"at": "2018-11-14T23:03:52Z"}"#).unwrap();
    /// assert_eq!(event.at.secs(), 1_542_236_632);
    /// assert_eq!(serde_json::to_string(&event).unwrap(), r#"{"at":"2018-11-14T23:03:52Z"}"#);
    /// ```
    date_time,
    DateTime
);
timestamp_format_module!(
    /// IMF-fixdate strings (`Wed, 14 Nov 2018 23:03:52 GMT`).
    http_date,
    HttpDate
);

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn text_formats_are_strings_both_ways() {
        let t = DateTime::from_secs(1_542_236_632);
        let text = "Wed, 14 Nov 2018 23:03:52 GMT";
        assert_eq!(http_date::serialize(&t, serde_json::value::Serializer).unwrap(), json!(text));
        assert_eq!(http_date::deserialize(json!(text)).unwrap(), t);
        assert_eq!(date_time::option::deserialize(json!(null)).unwrap(), None);
        assert_eq!(date_time::option::serialize(&None, serde_json::value::Serializer).unwrap(), json!(null));
    }

    #[test]
    fn wrong_format_is_an_error_naming_it() {
        let error = date_time::deserialize(json!("Wed, 14 Nov 2018 23:03:52 GMT")).unwrap_err().to_string();
        assert!(error.contains("in the DateTime format"), "{error}");
        assert!(date_time::deserialize(json!(1542236632)).is_err());
    }

    #[test]
    fn epoch_seconds_stay_numbers() {
        let t = DateTime::from_millis(1500);
        assert_eq!(
            serialize_timestamp(&t, TimestampFormat::EpochSeconds, serde_json::value::Serializer).unwrap(),
            json!(1.5)
        );
        assert_eq!(deserialize_timestamp(TimestampFormat::EpochSeconds, json!(1.5)).unwrap(), t);
    }
}

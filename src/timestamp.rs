//! Lambda's timestamps: strings such as `2018-11-14T23:03:52.894+0000`.
//!
//! The model types them as strings, so they stay the exact text the service
//! sent; these helpers parse them on demand.

use time::format_description::well_known::{Iso8601, Rfc3339};
use time::OffsetDateTime;

/// A timestamp string that is neither Lambda's format nor RFC 3339.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimestampError {
    value: String,
}

impl TimestampError {
    /// The text that could not be parsed.
    pub fn value(&self) -> &str {
        &self.value
    }
}

impl std::fmt::Display for TimestampError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "`{}` is not a timestamp like `2018-11-14T23:03:52.894+0000` or RFC 3339", self.value)
    }
}

impl std::error::Error for TimestampError {}

/// Parses Lambda's `YYYY-MM-DDThh:mm:ss.sss+hhmm` form, or RFC 3339.
pub fn parse_timestamp(value: &str) -> Result<OffsetDateTime, TimestampError> {
    OffsetDateTime::parse(value, &Rfc3339)
        .or_else(|_| OffsetDateTime::parse(value, &Iso8601::DEFAULT))
        .map_err(|_| TimestampError { value: value.to_owned() })
}

#[cfg(feature = "get-layer-version")]
impl crate::operation::get_layer_version::GetLayerVersionOutput {
    /// `CreatedDate` parsed; `None` when absent, an error when it is not a timestamp.
    pub fn created_date_time(&self) -> Option<Result<OffsetDateTime, TimestampError>> {
        self.created_date.as_deref().map(parse_timestamp)
    }
}

#[cfg(feature = "get-layer-version-by-arn")]
impl crate::operation::get_layer_version_by_arn::GetLayerVersionByArnOutput {
    /// `CreatedDate` parsed; `None` when absent, an error when it is not a timestamp.
    pub fn created_date_time(&self) -> Option<Result<OffsetDateTime, TimestampError>> {
        self.created_date.as_deref().map(parse_timestamp)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lambda_form_and_rfc3339() {
        let lambda = parse_timestamp("2018-11-14T23:03:52.894+0000").unwrap();
        let rfc = parse_timestamp("2018-11-14T23:03:52.894Z").unwrap();
        assert_eq!(lambda, rfc);
        assert_eq!(lambda.unix_timestamp(), 1_542_236_632);
        assert_eq!(lambda.millisecond(), 894);
        let offset = parse_timestamp("2018-11-14T23:03:52+01:30").unwrap();
        assert_eq!(offset.unix_timestamp(), 1_542_236_632 - 5400);
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        for bad in ["", "yesterday", "2018-13-14T23:03:52.894+0000", "2018-11-14", "\u{0}"] {
            let err = parse_timestamp(bad).unwrap_err();
            assert_eq!(err.value(), bad);
        }
    }
}

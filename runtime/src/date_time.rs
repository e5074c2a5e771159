//! [`DateTime`], a point in time, and the [`TimestampFormat`]s it is written in.

/// A point in time with nanosecond precision; epoch seconds in JSON
/// documents unless the model names another format.
///
/// ```
/// use smithy_codegen_runtime::{DateTime, TimestampFormat};
///
/// let t = DateTime::from_millis(1_542_236_632_894);
/// assert_eq!(t.fmt(TimestampFormat::DateTime), "2018-11-14T23:03:52.894Z");
/// assert_eq!(t.fmt(TimestampFormat::HttpDate), "Wed, 14 Nov 2018 23:03:52 GMT");
/// assert_eq!(t.fmt(TimestampFormat::EpochSeconds), "1542236632.894");
/// assert_eq!(DateTime::parse("2018-11-14T23:03:52.894Z", TimestampFormat::DateTime), Some(t));
/// assert_eq!(serde_json::to_string(&t).unwrap(), "1542236632.894");
/// ```
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
        DateTime { seconds, subsec_nanos: subsec_nanos.min(999_999_999) }
    }

    /// Fractional seconds since the Unix epoch; `None` when not finite or out of range.
    pub fn from_fractional_secs(value: f64) -> Option<Self> {
        if !value.is_finite() || value.abs() > 1e15 {
            return Option::None;
        }
        let seconds = value.floor();
        let nanos = ((value - seconds) * 1e9).round().min(999_999_999.0) as u32;
        Option::Some(DateTime::from_secs_and_nanos(seconds as i64, nanos))
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
    pub fn to_offset_date_time(&self) -> Option<time::OffsetDateTime> {
        time::OffsetDateTime::from_unix_timestamp_nanos(self.as_nanos()).ok()
    }

    /// From a `time::OffsetDateTime`.
    pub fn from_offset_date_time(value: time::OffsetDateTime) -> Self {
        DateTime::from_secs_and_nanos(value.unix_timestamp(), value.nanosecond())
    }

    /// The timestamp in a wire format.
    pub fn fmt(&self, format: TimestampFormat) -> String {
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
            TimestampFormat::DateTime => self.rfc3339().unwrap_or_else(|| self.fmt(TimestampFormat::EpochSeconds)),
            TimestampFormat::HttpDate => match self.to_offset_date_time() {
                Option::Some(t) => {
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
                Option::None => self.seconds.to_string(),
            },
        }
    }

    /// RFC 3339 in UTC as aws-smithy-types writes it: microseconds, with
    /// the fraction only when non-zero and without trailing zeros
    /// (`2018-11-14T23:03:52.894Z`); `None` outside years 1 to 9999.
    fn rfc3339(&self) -> Option<String> {
        let t = self.to_offset_date_time()?;
        if !(1..=9999).contains(&t.year()) {
            return Option::None;
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
        Option::Some(text)
    }

    /// Parses a timestamp in a wire format; `None` when it is not one.
    pub fn parse(text: &str, format: TimestampFormat) -> Option<Self> {
        match format {
            TimestampFormat::EpochSeconds => text.parse::<f64>().ok().and_then(DateTime::from_fractional_secs),
            TimestampFormat::DateTime => {
                time::OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339)
                    .ok()
                    .map(DateTime::from_offset_date_time)
            }
            TimestampFormat::HttpDate => {
                time::OffsetDateTime::parse(text, &time::format_description::well_known::Rfc2822)
                    .ok()
                    .map(DateTime::from_offset_date_time)
            }
        }
    }

    /// Parses a timestamp as a server reads requests: a `date-time` must be
    /// RFC 3339's `date-time` production in UTC (`T` between date and time,
    /// `Z` for the offset), where [`Self::parse`], as clients read responses,
    /// also takes UTC offsets and a space for the `T`. Other formats parse as
    /// in [`Self::parse`].
    ///
    /// ```
    /// use smithy_codegen_runtime::{DateTime, TimestampFormat};
    ///
    /// let format = TimestampFormat::DateTime;
    /// assert_eq!(DateTime::parse_strict("2019-12-16T23:48:18Z", format), Some(DateTime::from_secs(1_576_540_098)));
    /// assert_eq!(DateTime::parse("2019-12-16T22:48:18-01:00", format), Some(DateTime::from_secs(1_576_540_098)));
    /// assert_eq!(DateTime::parse_strict("2019-12-16T22:48:18-01:00", format), None);
    /// assert_eq!(DateTime::parse_strict("2019-12-16 23:48:18Z", format), None);
    /// ```
    pub fn parse_strict(text: &str, format: TimestampFormat) -> Option<Self> {
        if format == TimestampFormat::DateTime {
            let bytes = text.as_bytes();
            let utc = matches!(bytes.last(), Some(b'Z' | b'z'));
            if !utc || !matches!(bytes.get(10), Some(b'T' | b't')) {
                return Option::None;
            }
        }
        DateTime::parse(text, format)
    }
}

/// RFC 3339 (`2018-11-14T23:03:52.894Z`), or epoch seconds for dates
/// RFC 3339 cannot write, as aws-smithy-types' `DateTime` displays.
impl std::fmt::Display for DateTime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&DateTime::fmt(self, TimestampFormat::DateTime))
    }
}

impl serde::Serialize for DateTime {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.subsec_nanos == 0 {
            serializer.serialize_i64(self.seconds)
        } else {
            serializer.serialize_f64(self.as_secs_f64())
        }
    }
}

impl<'de> serde::Deserialize<'de> for DateTime {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let secs = <f64 as serde::Deserialize>::deserialize(deserializer)?;
        DateTime::from_fractional_secs(secs)
            .ok_or_else(|| <D::Error as serde::de::Error>::custom("timestamp out of range"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_seconds_before_the_epoch() {
        assert_eq!(DateTime::from_millis(-500).fmt(TimestampFormat::EpochSeconds), "-0.5");
        assert_eq!(DateTime::from_secs(-3).fmt(TimestampFormat::EpochSeconds), "-3");
    }

    #[test]
    fn date_time_outside_rfc3339_falls_back_to_epoch_seconds() {
        let far = DateTime::from_secs(400_000_000_000);
        assert_eq!(far.fmt(TimestampFormat::DateTime), "400000000000");
        assert_eq!(far.to_string(), "400000000000");
    }

    #[test]
    fn date_time_keeps_microseconds_without_trailing_zeros() {
        let t = DateTime::from_secs_and_nanos(0, 120_000_999);
        assert_eq!(t.fmt(TimestampFormat::DateTime), "1970-01-01T00:00:00.12Z");
    }

    #[test]
    fn parses_each_format() {
        let t = DateTime::from_secs(1_542_236_632);
        assert_eq!(DateTime::parse("1542236632", TimestampFormat::EpochSeconds), Some(t));
        assert_eq!(DateTime::parse("Wed, 14 Nov 2018 23:03:52 GMT", TimestampFormat::HttpDate), Some(t));
        assert_eq!(DateTime::parse("2018-11-14T23:03:52Z", TimestampFormat::DateTime), Some(t));
        assert_eq!(DateTime::parse("yesterday", TimestampFormat::DateTime), None);
        assert_eq!(DateTime::parse("NaN", TimestampFormat::EpochSeconds), None);
    }

    #[test]
    fn strict_date_times_are_utc_with_a_t() {
        let t = DateTime::from_secs_and_nanos(851_013_597, 120_000_000);
        assert_eq!(DateTime::parse_strict("1996-12-19T16:39:57.12Z", TimestampFormat::DateTime), Some(t));
        assert_eq!(DateTime::parse_strict("1996-12-19t16:39:57.12z", TimestampFormat::DateTime), Some(t));
        for refused in
            ["1996-12-19T16:39:57+00:00", "1996-12-19 16:39:57Z", "1996-12-19T16:39:57", "19961219T163957Z", ""]
        {
            assert_eq!(DateTime::parse_strict(refused, TimestampFormat::DateTime), None, "{refused}");
        }
        assert_eq!(
            DateTime::parse("1996-12-19 16:39:57Z", TimestampFormat::DateTime).map(|d| d.secs()),
            Some(851_013_597)
        );
        assert_eq!(
            DateTime::parse_strict("851013597", TimestampFormat::EpochSeconds),
            Some(DateTime::from_secs(851_013_597))
        );
    }

    #[test]
    fn fractional_seconds_out_of_range_are_refused() {
        assert_eq!(DateTime::from_fractional_secs(f64::INFINITY), None);
        assert_eq!(DateTime::from_fractional_secs(1e16), None);
        assert_eq!(DateTime::from_secs_f64(f64::NAN), DateTime::from_secs(0));
    }

    #[test]
    fn json_is_whole_or_fractional_seconds() {
        assert_eq!(serde_json::to_string(&DateTime::from_secs(7)).unwrap(), "7");
        assert_eq!(serde_json::from_str::<DateTime>("7.25").unwrap(), DateTime::from_millis(7250));
        assert!(serde_json::from_str::<DateTime>("1e300").is_err());
        assert!(serde_json::from_str::<DateTime>("\"7\"").is_err());
    }
}

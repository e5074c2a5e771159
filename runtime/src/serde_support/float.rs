//! Doubles whose JSON cannot spell them (`NaN`, `Infinity`, `-Infinity`)
//! travel as those strings; other doubles are numbers.
//!
//! ```
//! #[derive(serde::Serialize, serde::Deserialize)]
//! struct Reading {
//!     #[serde(with = "smithy_codegen_runtime::serde_support::float")]
//!     value: f64,
//! }
//!
//! let json = serde_json::to_string(&Reading { value: f64::NEG_INFINITY }).unwrap();
//! assert_eq!(json, r#"{"value":"-Infinity"}"#);
//! let read: Reading = serde_json::from_str(r#"{"value": "NaN"}"#).unwrap();
//! assert!(read.value.is_nan());
//! ```

use serde::de::{Deserialize, Deserializer, Error};
use serde::{Serialize, Serializer};
use std::borrow::Cow;
use std::collections::HashMap;

/// Writes a double, as a string when JSON has no number for it.
pub fn serialize<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    if value.is_nan() {
        serializer.serialize_str("NaN")
    } else if value.is_infinite() {
        serializer.serialize_str(if *value > 0.0 { "Infinity" } else { "-Infinity" })
    } else {
        serializer.serialize_f64(*value)
    }
}

#[derive(serde::Deserialize)]
#[serde(untagged)]
enum Wire<'a> {
    Number(f64),
    #[serde(borrow)]
    Text(Cow<'a, str>),
}

/// Reads a number, or one of the strings `NaN`, `Infinity` and `-Infinity`.
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f64, D::Error> {
    match Wire::deserialize(deserializer)? {
        Wire::Number(n) => Ok(n),
        Wire::Text(t) => match &*t {
            "NaN" => Ok(f64::NAN),
            "Infinity" => Ok(f64::INFINITY),
            "-Infinity" => Ok(f64::NEG_INFINITY),
            other => Err(D::Error::custom(format!("`{other}` is not a number"))),
        },
    }
}

/// The same for optional members (`null` reads as absent).
pub mod option {
    use super::*;

    /// Writes a present double as [`super::serialize`] does, an absent one as `null`.
    pub fn serialize<S: Serializer>(value: &Option<f64>, serializer: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => super::serialize(v, serializer),
            None => serializer.serialize_none(),
        }
    }

    /// Reads `null` as `None`, anything else as [`super::deserialize`] does.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<f64>, D::Error> {
        Ok(Option::<Float>::deserialize(deserializer)?.map(|w| w.0))
    }

    /// For members with a zero default: `null` reads as the default.
    pub fn deserialize_or_default<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f64, D::Error> {
        deserialize(deserializer).map(Option::unwrap_or_default)
    }
}

/// `f64` through this module's rules, for collections of doubles.
struct Float(f64);

impl Serialize for Float {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize(&self.0, serializer)
    }
}

impl<'de> Deserialize<'de> for Float {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize(deserializer).map(Float)
    }
}

/// Optional maps of doubles (`NaN` and infinities as strings).
pub mod map {
    use super::*;

    type Map = HashMap<String, f64>;

    /// Writes each value as [`super::serialize`] does; `None` as `null`.
    pub fn serialize<S: Serializer>(value: &Option<Map>, serializer: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(map) => serializer.collect_map(map.iter().map(|(k, v)| (k, Float(*v)))),
            None => serializer.serialize_none(),
        }
    }

    /// Reads each value as [`super::deserialize`] does; `null` as `None`.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Map>, D::Error> {
        let map = Option::<HashMap<String, Float>>::deserialize(deserializer)?;
        Ok(map.map(|m| m.into_iter().map(|(k, v)| (k, v.0)).collect()))
    }
}

/// Optional lists of doubles (`NaN` and infinities as strings).
pub mod list {
    use super::*;

    /// Writes each element as [`super::serialize`] does; `None` as `null`.
    pub fn serialize<S: Serializer>(value: &Option<Vec<f64>>, serializer: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(list) => serializer.collect_seq(list.iter().map(|v| Float(*v))),
            None => serializer.serialize_none(),
        }
    }

    /// Reads each element as [`super::deserialize`] does; `null` as `None`.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Vec<f64>>, D::Error> {
        let list = Option::<Vec<Float>>::deserialize(deserializer)?;
        Ok(list.map(|l| l.into_iter().map(|v| v.0).collect()))
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    fn write(value: f64) -> Value {
        super::serialize(&value, serde_json::value::Serializer).unwrap()
    }

    fn read(value: Value) -> Result<f64, serde_json::Error> {
        super::deserialize(value)
    }

    #[test]
    fn finite_doubles_are_numbers() {
        assert_eq!(write(1.5), json!(1.5));
        assert_eq!(read(json!(2)).unwrap(), 2.0);
    }

    #[test]
    fn non_finite_doubles_are_strings_both_ways() {
        for (value, text) in [(f64::INFINITY, "Infinity"), (f64::NEG_INFINITY, "-Infinity")] {
            assert_eq!(write(value), json!(text));
            assert_eq!(read(json!(text)).unwrap(), value);
        }
        assert_eq!(write(f64::NAN), json!("NaN"));
        assert!(read(json!("NaN")).unwrap().is_nan());
    }

    #[test]
    fn other_strings_are_refused_by_name() {
        let error = read(json!("infinity")).unwrap_err().to_string();
        assert!(error.contains("`infinity` is not a number"), "{error}");
    }

    #[test]
    fn optional_and_collections() {
        assert_eq!(super::option::deserialize(json!(null)).unwrap(), None);
        assert_eq!(super::option::deserialize_or_default(json!(null)).unwrap(), 0.0);
        let list = super::list::deserialize(json!([1, "Infinity"])).unwrap().unwrap();
        assert_eq!(list, vec![1.0, f64::INFINITY]);
        let map = super::map::deserialize(json!({"a": "-Infinity"})).unwrap().unwrap();
        assert_eq!(map["a"], f64::NEG_INFINITY);
        let written = super::list::serialize(&Some(vec![f64::INFINITY]), serde_json::value::Serializer).unwrap();
        assert_eq!(written, json!(["Infinity"]));
        assert_eq!(super::map::serialize(&None, serde_json::value::Serializer).unwrap(), json!(null));
    }
}

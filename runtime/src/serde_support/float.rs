//! Floats and doubles whose JSON cannot spell them (`NaN`, `Infinity`,
//! `-Infinity`) travel as those strings; other values are numbers.
//!
//! Every function takes `f32` or `f64`, by value or by reference (the
//! private body types of split structures serialize through references).
//! Lists and maps of floats go through [`items`](super::items)' `Float` form.
//!
//! ```
//! #[derive(serde::Serialize, serde::Deserialize)]
//! struct Reading {
//!     #[serde(with = "smithy_codegen_runtime::serde_support::float")]
//!     value: f64,
//!     #[serde(with = "smithy_codegen_runtime::serde_support::float")]
//!     ratio: f32,
//! }
//!
//! let json = serde_json::to_string(&Reading { value: f64::NEG_INFINITY, ratio: 1.1 }).unwrap();
//! assert_eq!(json, r#"{"value":"-Infinity","ratio":1.1}"#);
//! let read: Reading = serde_json::from_str(r#"{"value": "NaN", "ratio": "Infinity"}"#).unwrap();
//! assert!(read.value.is_nan());
//! assert_eq!(read.ratio, f32::INFINITY);
//! ```

use serde::de::{Deserialize, Deserializer, Error};
use serde::{Serialize, Serializer};
use std::borrow::Cow;

/// `f32` and `f64`, as this module reads and writes them.
pub trait JsonFloat: Copy + std::fmt::Display + sealed::Sealed {
    /// Writes a finite value as a JSON number.
    fn serialize_finite<S: Serializer>(self, serializer: S) -> Result<S::Ok, S::Error>;
    /// The value as an `f64` (for the checks).
    fn to_f64(self) -> f64;
    /// The nearest value to `value`.
    fn from_f64(value: f64) -> Self;
}

impl JsonFloat for f64 {
    fn serialize_finite<S: Serializer>(self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(self)
    }
    fn to_f64(self) -> f64 {
        self
    }
    fn from_f64(value: f64) -> Self {
        value
    }
}

impl JsonFloat for f32 {
    fn serialize_finite<S: Serializer>(self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f32(self)
    }
    fn to_f64(self) -> f64 {
        f64::from(self)
    }
    fn from_f64(value: f64) -> Self {
        // JSON numbers are read as f64 first; the nearest f32 is the value.
        value as f32
    }
}

/// A float, or a reference to one: what the `serialize` functions take.
pub trait FloatValue {
    /// `f32` or `f64`.
    type Float: JsonFloat;
    /// The float.
    fn value(&self) -> Self::Float;
}

impl FloatValue for f64 {
    type Float = f64;
    fn value(&self) -> f64 {
        *self
    }
}

impl FloatValue for f32 {
    type Float = f32;
    fn value(&self) -> f32 {
        *self
    }
}

impl<T: FloatValue> FloatValue for &T {
    type Float = T::Float;
    fn value(&self) -> T::Float {
        (**self).value()
    }
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for f32 {}
    impl Sealed for f64 {}
}

/// Writes a float, as a string when JSON has no number for it.
pub fn serialize<V: FloatValue, S: Serializer>(value: &V, serializer: S) -> Result<S::Ok, S::Error> {
    write(value.value(), serializer)
}

fn write<F: JsonFloat, S: Serializer>(value: F, serializer: S) -> Result<S::Ok, S::Error> {
    let wide = value.to_f64();
    if wide.is_nan() {
        serializer.serialize_str("NaN")
    } else if wide.is_infinite() {
        serializer.serialize_str(if wide > 0.0 { "Infinity" } else { "-Infinity" })
    } else {
        value.serialize_finite(serializer)
    }
}

/// A float as text (labels, query, headers): `NaN`, `Infinity` and
/// `-Infinity` spelled as in JSON, other values as Rust prints them.
///
/// ```
/// use smithy_codegen_runtime::serde_support::float::to_text;
///
/// assert_eq!(to_text(&f64::NEG_INFINITY), "-Infinity");
/// assert_eq!(to_text(&1.5f32), "1.5");
/// ```
pub fn to_text<V: FloatValue>(value: &V) -> String {
    let value = value.value();
    let wide = value.to_f64();
    if wide.is_nan() {
        "NaN".to_string()
    } else if wide.is_infinite() {
        (if wide > 0.0 { "Infinity" } else { "-Infinity" }).to_string()
    } else {
        value.to_string()
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
pub fn deserialize<'de, F: JsonFloat, D: Deserializer<'de>>(deserializer: D) -> Result<F, D::Error> {
    let wide = match Wire::deserialize(deserializer)? {
        Wire::Number(n) => n,
        Wire::Text(t) => match &*t {
            "NaN" => f64::NAN,
            "Infinity" => f64::INFINITY,
            "-Infinity" => f64::NEG_INFINITY,
            other => return Err(D::Error::custom(format!("`{other}` is not a number"))),
        },
    };
    Ok(F::from_f64(wide))
}

/// The same for optional members (`null` reads as absent).
pub mod option {
    use super::*;

    /// Writes a present float as [`super::serialize`] does, an absent one as `null`.
    pub fn serialize<V: FloatValue, S: Serializer>(value: &Option<V>, serializer: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => super::serialize(v, serializer),
            None => serializer.serialize_none(),
        }
    }

    /// Reads `null` as `None`, anything else as [`super::deserialize`] does.
    pub fn deserialize<'de, F: JsonFloat, D: Deserializer<'de>>(deserializer: D) -> Result<Option<F>, D::Error> {
        Ok(Option::<Float<F>>::deserialize(deserializer)?.map(|w| w.0))
    }

    /// For members with a zero default: `null` reads as the default.
    pub fn deserialize_or_default<'de, F: JsonFloat + Default, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<F, D::Error> {
        deserialize(deserializer).map(Option::unwrap_or_default)
    }
}

/// A float through this module's rules, inside an `Option`.
struct Float<F>(F);

impl<F: JsonFloat> Serialize for Float<F> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        write(self.0, serializer)
    }
}

impl<'de, F: JsonFloat> Deserialize<'de> for Float<F> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserialize(deserializer).map(Float)
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
    fn optional_floats() {
        assert_eq!(super::option::deserialize::<f64, _>(json!(null)).unwrap(), None);
        assert_eq!(super::option::deserialize_or_default::<f64, _>(json!(null)).unwrap(), 0.0);
        assert_eq!(super::option::deserialize::<f32, _>(json!("-Infinity")).unwrap(), Some(f32::NEG_INFINITY));
        assert_eq!(super::option::serialize(&None::<f64>, serde_json::value::Serializer).unwrap(), json!(null));
    }

    #[test]
    fn floats_keep_their_short_form_and_references_serialize_alike() {
        let mut text = Vec::new();
        super::serialize(&1.1f32, &mut serde_json::Serializer::new(&mut text)).unwrap();
        assert_eq!(text, b"1.1", "an f32 is written in its own shortest form");
        assert_eq!(super::serialize(&&f32::NAN, serde_json::value::Serializer).unwrap(), json!("NaN"));
        let read: f32 = super::deserialize(json!("-Infinity")).unwrap();
        assert_eq!(read, f32::NEG_INFINITY);
        let borrowed = super::option::serialize(&Some(&f64::INFINITY), serde_json::value::Serializer).unwrap();
        assert_eq!(borrowed, json!("Infinity"));
    }
}

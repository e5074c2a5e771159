//! The JSON form of values whose items need more than their type's own
//! serde impl: lists and maps of floats (`NaN` and infinities as strings) or
//! of text-format timestamps, at any depth, and the nulls of `@sparse`
//! collections. A wire form is a type built from this module's pieces
//! (`List<Nullable<Float>>` for a sparse list of doubles), and generated
//! fields name it in `serialize_with` and `deserialize_with`:
//!
//! ```
//! use smithy_codegen_runtime::DateTime;
//!
//! #[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
//! struct Readings {
//!     #[serde(
//!         serialize_with = "smithy_codegen_runtime::serde_support::items::serialize::<smithy_codegen_runtime::serde_support::items::List<smithy_codegen_runtime::serde_support::items::Nullable<smithy_codegen_runtime::serde_support::items::Float>>, _, _>",
//!         deserialize_with = "smithy_codegen_runtime::serde_support::items::deserialize::<smithy_codegen_runtime::serde_support::items::List<smithy_codegen_runtime::serde_support::items::Nullable<smithy_codegen_runtime::serde_support::items::Float>>, _, _>"
//!     )]
//!     values: Vec<Option<f64>>,
//!     #[serde(
//!         serialize_with = "smithy_codegen_runtime::serde_support::items::serialize::<smithy_codegen_runtime::serde_support::items::List<smithy_codegen_runtime::serde_support::items::DateTimeText>, _, _>",
//!         deserialize_with = "smithy_codegen_runtime::serde_support::items::deserialize::<smithy_codegen_runtime::serde_support::items::List<smithy_codegen_runtime::serde_support::items::DateTimeText>, _, _>"
//!     )]
//!     at: Vec<DateTime>,
//! }
//!
//! let json = r#"{"values":[1.5,null,"Infinity"],"at":["1970-01-01T00:00:01Z"]}"#;
//! let read: Readings = serde_json::from_str(json).unwrap();
//! assert_eq!(read.values, vec![Some(1.5), None, Some(f64::INFINITY)]);
//! assert_eq!(read.at, vec![DateTime::from_secs(1)]);
//! assert_eq!(serde_json::to_string(&read).unwrap(), json);
//! ```

use std::collections::HashMap;
use std::hash::Hash;
use std::marker::PhantomData;

use serde::de::{Deserialize, DeserializeSeed, Deserializer};
use serde::ser::{Serialize, Serializer};

use super::float::{self, JsonFloat};
use super::timestamp::{deserialize_timestamp, serialize_timestamp};
use crate::{DateTime, TimestampFormat};

/// A wire form that writes a `T`.
pub trait SerializeAs<T: ?Sized> {
    /// Writes `value` in this form.
    fn serialize_as<S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error>;
}

/// A wire form that reads a `T`.
pub trait DeserializeAs<'de, T> {
    /// Reads a value in this form.
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error>;
}

/// Writes `value` in the wire form `F` (for `serialize_with`).
pub fn serialize<F: SerializeAs<T>, T: ?Sized, S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error> {
    F::serialize_as(value, serializer)
}

/// Reads a value in the wire form `F` (for `deserialize_with`).
pub fn deserialize<'de, F: DeserializeAs<'de, T>, T, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    F::deserialize_as(deserializer)
}

/// Reads a value in the wire form `F`, `null` as the type's default (for
/// members whose model default is the empty list or map).
pub fn deserialize_or_default<'de, F, T, D>(deserializer: D) -> Result<T, D::Error>
where
    F: DeserializeAs<'de, T>,
    T: Default,
    D: Deserializer<'de>,
{
    Nullable::<F>::deserialize_as(deserializer).map(Option::unwrap_or_default)
}

/// The type's own serde impl.
pub struct Plain;

impl<T: Serialize + ?Sized> SerializeAs<T> for Plain {
    fn serialize_as<S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error> {
        value.serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de>> DeserializeAs<'de, T> for Plain {
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
        T::deserialize(deserializer)
    }
}

/// `f32` or `f64` as [`float`] writes them (`"NaN"`, `"Infinity"`, `"-Infinity"`).
pub struct Float;

impl<F: JsonFloat + float::FloatValue> SerializeAs<F> for Float {
    fn serialize_as<S: Serializer>(value: &F, serializer: S) -> Result<S::Ok, S::Error> {
        float::serialize(value, serializer)
    }
}

impl<'de, F: JsonFloat> DeserializeAs<'de, F> for Float {
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<F, D::Error> {
        float::deserialize(deserializer)
    }
}

/// A [`DateTime`] as an RFC 3339 string (`date-time`).
pub struct DateTimeText;

impl SerializeAs<DateTime> for DateTimeText {
    fn serialize_as<S: Serializer>(value: &DateTime, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_timestamp(value, TimestampFormat::DateTime, serializer)
    }
}

impl<'de> DeserializeAs<'de, DateTime> for DateTimeText {
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<DateTime, D::Error> {
        deserialize_timestamp(TimestampFormat::DateTime, deserializer)
    }
}

/// A [`DateTime`] as an IMF-fixdate string (`http-date`).
pub struct HttpDateText;

impl SerializeAs<DateTime> for HttpDateText {
    fn serialize_as<S: Serializer>(value: &DateTime, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_timestamp(value, TimestampFormat::HttpDate, serializer)
    }
}

impl<'de> DeserializeAs<'de, DateTime> for HttpDateText {
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<DateTime, D::Error> {
        deserialize_timestamp(TimestampFormat::HttpDate, deserializer)
    }
}

/// `Option<T>`: `None` is `null`, `Some` is `T` in the form `F` (the items of
/// sparse collections, optional members).
pub struct Nullable<F>(PhantomData<F>);

impl<T, F: SerializeAs<T>> SerializeAs<Option<T>> for Nullable<F> {
    fn serialize_as<S: Serializer>(value: &Option<T>, serializer: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(value) => serializer.serialize_some(&Formatted::<F, T>::new(value)),
            None => serializer.serialize_none(),
        }
    }
}

impl<'de, T, F: DeserializeAs<'de, T>> DeserializeAs<'de, Option<T>> for Nullable<F> {
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<Option<T>, D::Error> {
        Ok(Option::<Read<F, T>>::deserialize(deserializer)?.map(|read| read.value))
    }
}

/// `Vec<T>`, each item in the form `F`.
pub struct List<F>(PhantomData<F>);

impl<T, F: SerializeAs<T>> SerializeAs<Vec<T>> for List<F> {
    fn serialize_as<S: Serializer>(value: &Vec<T>, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(value.iter().map(Formatted::<F, T>::new))
    }
}

impl<'de, T, F: DeserializeAs<'de, T>> DeserializeAs<'de, Vec<T>> for List<F> {
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<Vec<T>, D::Error> {
        let items = Vec::<Read<F, T>>::deserialize(deserializer)?;
        Ok(items.into_iter().map(|read| read.value).collect())
    }
}

/// `HashMap<K, T>`, keys as their own serde impl writes them, each value in the form `F`.
pub struct Map<F>(PhantomData<F>);

impl<K: Serialize, T, F: SerializeAs<T>> SerializeAs<HashMap<K, T>> for Map<F> {
    fn serialize_as<S: Serializer>(value: &HashMap<K, T>, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(value.iter().map(|(key, value)| (key, Formatted::<F, T>::new(value))))
    }
}

impl<'de, K, T, F> DeserializeAs<'de, HashMap<K, T>> for Map<F>
where
    K: Deserialize<'de> + Eq + Hash,
    F: DeserializeAs<'de, T>,
{
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<HashMap<K, T>, D::Error> {
        let entries = HashMap::<K, Read<F, T>>::deserialize(deserializer)?;
        Ok(entries.into_iter().map(|(key, read)| (key, read.value)).collect())
    }
}

/// `&T` in the form `F` (bodies written from borrowed members).
pub struct Ref<F>(PhantomData<F>);

impl<T: ?Sized, F: SerializeAs<T>> SerializeAs<&T> for Ref<F> {
    fn serialize_as<S: Serializer>(value: &&T, serializer: S) -> Result<S::Ok, S::Error> {
        F::serialize_as(*value, serializer)
    }
}

/// A borrowed value that serializes in the form `F` (for generated
/// `Serialize` impls, such as unions', that write values one by one).
///
/// ```
/// use smithy_codegen_runtime::serde_support::items::{Float, Formatted, List};
///
/// let values = vec![f64::NAN];
/// assert_eq!(serde_json::to_string(&Formatted::<List<Float>, _>::new(&values)).unwrap(), r#"["NaN"]"#);
/// ```
pub struct Formatted<'a, F, T: ?Sized> {
    value: &'a T,
    form: PhantomData<F>,
}

impl<'a, F, T: ?Sized> Formatted<'a, F, T> {
    /// `value`, to be written in the form `F`.
    pub fn new(value: &'a T) -> Self {
        Formatted { value, form: PhantomData }
    }
}

impl<F: SerializeAs<T>, T: ?Sized> Serialize for Formatted<'_, F, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        F::serialize_as(self.value, serializer)
    }
}

/// Reads a `T` in the form `F` (for generated `Deserialize` impls, such as
/// unions', that read values one by one: `MapAccess::next_value_seed`).
///
/// ```
/// use serde::de::DeserializeSeed;
/// use smithy_codegen_runtime::serde_support::items::{DateTimeText, Seed};
/// use smithy_codegen_runtime::DateTime;
///
/// let mut json = serde_json::Deserializer::from_str(r#""1970-01-01T00:00:02Z""#);
/// let read = Seed::<DateTimeText, DateTime>::new().deserialize(&mut json).unwrap();
/// assert_eq!(read, DateTime::from_secs(2));
/// ```
pub struct Seed<F, T> {
    form: PhantomData<(F, T)>,
}

impl<F, T> Seed<F, T> {
    /// A seed for one value.
    pub fn new() -> Self {
        Seed { form: PhantomData }
    }
}

impl<F, T> Default for Seed<F, T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<'de, F: DeserializeAs<'de, T>, T> DeserializeSeed<'de> for Seed<F, T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        F::deserialize_as(deserializer)
    }
}

/// A value read in the form `F`.
struct Read<F, T> {
    value: T,
    form: PhantomData<F>,
}

impl<'de, F: DeserializeAs<'de, T>, T> Deserialize<'de> for Read<F, T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Read { value: F::deserialize_as(deserializer)?, form: PhantomData })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn write<F: SerializeAs<T>, T>(value: &T) -> Value {
        serialize::<F, T, _>(value, serde_json::value::Serializer).unwrap()
    }

    fn read<F: for<'de> DeserializeAs<'de, T>, T>(value: Value) -> Result<T, serde_json::Error> {
        deserialize::<F, T, _>(value)
    }

    #[test]
    fn sparse_lists_keep_their_nulls_both_ways() {
        let items = vec![None, Some("hi".to_string())];
        assert_eq!(write::<List<Nullable<Plain>>, _>(&items), json!([null, "hi"]));
        assert_eq!(read::<List<Nullable<Plain>>, Vec<Option<String>>>(json!([null, "hi"])).unwrap(), items);
    }

    #[test]
    fn nested_collections_of_floats_and_timestamps() {
        let nested = vec![vec![f64::NAN], vec![1.5, f64::NEG_INFINITY]];
        let written = write::<List<List<Float>>, _>(&nested);
        assert_eq!(written, json!([["NaN"], [1.5, "-Infinity"]]));
        let back = read::<List<List<Float>>, Vec<Vec<f64>>>(written).unwrap();
        assert!(back[0][0].is_nan());
        assert_eq!(back[1], vec![1.5, f64::NEG_INFINITY]);

        let dates = HashMap::from([("a".to_string(), vec![DateTime::from_secs(0)])]);
        let written = write::<Map<List<HttpDateText>>, _>(&dates);
        assert_eq!(written, json!({"a": ["Thu, 01 Jan 1970 00:00:00 GMT"]}));
        assert_eq!(read::<Map<List<HttpDateText>>, HashMap<String, Vec<DateTime>>>(written).unwrap(), dates);
    }

    #[test]
    fn bad_items_are_errors_and_null_can_be_the_default() {
        let error = read::<List<DateTimeText>, Vec<DateTime>>(json!(["yesterday"])).unwrap_err().to_string();
        assert!(error.contains("`yesterday` is not a timestamp"), "{error}");
        assert!(read::<List<Float>, Vec<f64>>(json!([null])).is_err(), "a dense list has no nulls");
        let empty: Vec<f64> = deserialize_or_default::<List<Float>, _, _>(json!(null)).unwrap();
        assert!(empty.is_empty());
        assert_eq!(read::<Nullable<List<Float>>, Option<Vec<f32>>>(json!(null)).unwrap(), None);
    }

    #[test]
    fn borrowed_values_write_alike() {
        let items = vec![f32::INFINITY];
        let borrowed: Option<&Vec<f32>> = Some(&items);
        assert_eq!(write::<Nullable<Ref<List<Float>>>, _>(&borrowed), json!(["Infinity"]));
        assert_eq!(write::<Ref<List<Float>>, _>(&&items), json!(["Infinity"]));
    }
}

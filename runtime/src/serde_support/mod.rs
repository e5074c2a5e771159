//! Serde helpers for the JSON forms of generated types: the modules that
//! generated `#[serde(with = "...")]` attributes name, and the functions
//! behind generated `Deserialize` impls. They follow Smithy's JSON protocols
//! (`NaN` and infinities as strings, `null` as a member's default, structures
//! only from objects); user code has little reason to call them.

use serde::de::{Deserialize, Deserializer, Error, Visitor};
use std::fmt;
use std::marker::PhantomData;

pub mod float;
pub mod items;
pub mod strict;
mod timestamp;

pub use timestamp::{
    date_time, deserialize_timestamp, http_date, parse_text as parse_timestamp_text, serialize_timestamp,
};

/// A deserializer that reads structures from maps only: serde's derives also
/// accept a sequence and fill the fields by position, which restJson1 never
/// means.
///
/// ```
/// use serde::Deserialize;
/// use smithy_codegen_runtime::serde_support::MapOnly;
///
/// #[derive(Deserialize, Debug, PartialEq)]
/// struct Layer {
///     name: String,
/// }
///
/// let mut from_map = serde_json::Deserializer::from_str(r#"{"name": "x"}"#);
/// assert_eq!(Layer::deserialize(MapOnly(&mut from_map)).unwrap(), Layer { name: "x".into() });
/// let mut from_array = serde_json::Deserializer::from_str(r#"["x"]"#);
/// assert!(Layer::deserialize(MapOnly(&mut from_array)).is_err());
/// ```
pub struct MapOnly<D>(pub D);

impl<'de, D: Deserializer<'de>> Deserializer<'de> for MapOnly<D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_any(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_map(visitor)
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
    }
}

/// Reads `null` as the member's default, as Smithy's JSON protocols require.
///
/// ```
/// #[derive(serde::Deserialize)]
/// struct Limits {
///     #[serde(deserialize_with = "smithy_codegen_runtime::serde_support::null_as_default")]
///     count: i32,
/// }
///
/// let limits: Limits = serde_json::from_str(r#"{"count": null}"#).unwrap();
/// assert_eq!(limits.count, 0);
/// ```
pub fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Option::<T>::deserialize(deserializer).map(Option::unwrap_or_default)
}

/// Reads a string enum without allocating for known values (`From<&str>`)
/// and keeps unknown values byte for byte (an owned string goes to
/// `From<String>` whole).
pub fn string_enum<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: for<'a> From<&'a str> + From<String>,
{
    deserializer.deserialize_str(StringEnumVisitor(PhantomData))
}

struct StringEnumVisitor<T>(PhantomData<T>);

impl<'de, T> Visitor<'de> for StringEnumVisitor<T>
where
    T: for<'a> From<&'a str> + From<String>,
{
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: Error>(self, v: &str) -> Result<T, E> {
        Ok(T::from(v))
    }

    fn visit_string<E: Error>(self, v: String) -> Result<T, E> {
        Ok(T::from(v))
    }
}

/// The next key of a union's JSON object, past any `__type` entry: some
/// services name the union's shape there, and it is not a member (the
/// restJson1 suite's `RestJsonDeserializeIgnoreType`). Generated unions with
/// a member of that name read their keys directly instead.
///
/// ```
/// use serde::de::{Deserializer, MapAccess, Visitor};
/// use smithy_codegen_runtime::serde_support::next_union_key;
///
/// struct Keys;
/// impl<'de> Visitor<'de> for Keys {
///     type Value = Vec<String>;
///     fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
///         f.write_str("an object")
///     }
///     fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Vec<String>, A::Error> {
///         let mut keys = Vec::new();
///         while let Some(key) = next_union_key(&mut map)? {
///             map.next_value::<serde::de::IgnoredAny>()?;
///             keys.push(key);
///         }
///         Ok(keys)
///     }
/// }
///
/// let mut de = serde_json::Deserializer::from_str(r#"{"__type": "x#U", "a": 1, "__type": "y"}"#);
/// assert_eq!(de.deserialize_map(Keys).unwrap(), ["a"]);
/// ```
pub fn next_union_key<'de, A: serde::de::MapAccess<'de>>(map: &mut A) -> Result<Option<String>, A::Error> {
    loop {
        match map.next_key::<String>()? {
            Some(key) if key == "__type" => {
                map.next_value::<serde::de::IgnoredAny>()?;
            }
            other => return Ok(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq)]
    enum Color {
        Red,
        Other(String),
    }

    impl From<&str> for Color {
        fn from(value: &str) -> Self {
            match value {
                "red" => Color::Red,
                other => Color::Other(other.to_owned()),
            }
        }
    }

    impl From<String> for Color {
        fn from(value: String) -> Self {
            if value == "red" {
                Color::Red
            } else {
                Color::Other(value)
            }
        }
    }

    fn color(json: &str) -> Result<Color, serde_json::Error> {
        string_enum(&mut serde_json::Deserializer::from_str(json))
    }

    #[test]
    fn string_enum_keeps_unknown_values_exactly() {
        assert_eq!(color(r#""red""#).unwrap(), Color::Red);
        assert_eq!(color(r#""Red ""#).unwrap(), Color::Other("Red ".into()));
        assert_eq!(color(r#""\u00e9""#).unwrap(), Color::Other("é".into()));
        assert!(color("1").is_err());
    }

    #[test]
    fn null_as_default_reads_values_too() {
        let read = |json: &str| null_as_default::<_, Vec<u8>>(&mut serde_json::Deserializer::from_str(json));
        assert_eq!(read("null").unwrap(), Vec::<u8>::new());
        assert_eq!(read("[1]").unwrap(), vec![1]);
        assert!(read(r#""x""#).is_err());
    }
}

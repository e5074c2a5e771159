/// Errors of building values and of reading enum values.
pub mod error {
    pub use ::smithy_codegen_runtime::error::{BuildError, Unhandled, UnknownVariantError};
}

/// Building blocks of the generated types.
pub mod primitives {
    pub use ::smithy_codegen_runtime::{Blob, DateTime, TimestampFormat};

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

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
    }

    impl Unhandled {
        /// An unmodeled error with its HTTP status, error code and message.
        pub fn new(
            status: u16,
            code: ::std::option::Option<::std::string::String>,
            message: ::std::option::Option<::std::string::String>,
        ) -> Self {
            Unhandled { status, code, message }
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
    }

    impl ::std::fmt::Display for Unhandled {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            write!(f, "unhandled error (HTTP {})", self.status)?;
            if let Some(code) = &self.code {
                write!(f, " {code}")?;
            }
            if let Some(message) = &self.message {
                write!(f, ": {message}")?;
            }
            Ok(())
        }
    }

    impl ::std::error::Error for Unhandled {}
}

/// Building blocks of the generated types.
pub mod primitives {
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

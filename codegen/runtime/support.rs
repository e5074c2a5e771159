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
                    ::smithy_codegen_runtime::serde_support::string_enum(deserializer)
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

//! The impls that every generated type of one kind shares, as macros the
//! generated code invokes with the type's name: written, reviewed and
//! compiled once here instead of once per type.
//!
//! They name everything by absolute or `$crate` paths, so they expand the same
//! in any crate; what belongs to the invoking crate is passed in.

/// For a string enum with inherent `as_str()`, `known()` (the variant of a
/// known value) and `unknown()` (the variant that keeps any other value)
/// functions: `try_parse`, the conversions from strings, `AsRef<str>`,
/// `Display` and serde (unknown values kept byte for byte).
///
/// `unknown()` stays with the enum because the type that holds an unknown
/// value is private to the enum's crate: no user can build or match one.
///
/// ```
/// mod sealed {
///     #[derive(Debug, Clone, PartialEq)]
///     pub struct UnknownValue(pub(crate) String);
///     impl UnknownValue {
///         pub fn as_str(&self) -> &str {
///             &self.0
///         }
///     }
/// }
///
/// #[derive(Debug, Clone, PartialEq)]
/// enum Architecture {
///     X86_64,
///     Unknown(sealed::UnknownValue),
/// }
///
/// impl Architecture {
///     fn as_str(&self) -> &str {
///         match self {
///             Architecture::X86_64 => "x86_64",
///             Architecture::Unknown(value) => value.as_str(),
///         }
///     }
///     fn known(value: &str) -> Option<Self> {
///         (value == "x86_64").then_some(Architecture::X86_64)
///     }
///     fn unknown(value: String) -> Self {
///         Architecture::Unknown(sealed::UnknownValue(value))
///     }
/// }
///
/// smithy_codegen_runtime::string_enum!(Architecture);
///
/// assert_eq!(Architecture::from("x86_64"), Architecture::X86_64);
/// assert_eq!(Architecture::from("riscv").to_string(), "riscv");
/// assert!(Architecture::try_parse("riscv").is_err());
/// let read: Architecture = serde_json::from_str(r#""r\u00e9""#).unwrap();
/// assert_eq!(serde_json::to_string(&read).unwrap(), "\"ré\"");
/// ```
#[macro_export]
macro_rules! string_enum {
    ($name:ident) => {
        impl $name {
            /// Parses a known value; unlike `From<&str>`, unknown values are an error.
            pub fn try_parse(value: &str) -> ::core::result::Result<Self, $crate::error::UnknownVariantError> {
                Self::known(value)
                    .ok_or_else(|| $crate::error::UnknownVariantError::new(::core::stringify!($name), value))
            }
        }
        impl ::core::convert::From<&str> for $name {
            fn from(value: &str) -> Self {
                Self::known(value).unwrap_or_else(|| Self::unknown(value.to_owned()))
            }
        }
        impl ::core::convert::From<::std::string::String> for $name {
            fn from(value: ::std::string::String) -> Self {
                match Self::known(&value) {
                    ::core::option::Option::Some(known) => known,
                    ::core::option::Option::None => Self::unknown(value),
                }
            }
        }
        impl ::core::str::FromStr for $name {
            type Err = ::core::convert::Infallible;
            fn from_str(value: &str) -> ::core::result::Result<Self, ::core::convert::Infallible> {
                ::core::result::Result::Ok(Self::from(value))
            }
        }
        impl ::core::convert::AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }
        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl $crate::__private::serde::Serialize for $name {
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                $crate::serde_support::string_enum(deserializer)
            }
        }
    };
}

/// For an error structure with a `CODE` constant and a `message()` function:
/// `Display` (the code, then the message if there is one) and
/// `std::error::Error`.
///
/// ```
/// #[derive(Debug)]
/// struct TooManyRequests {
///     message: Option<String>,
/// }
///
/// impl TooManyRequests {
///     const CODE: &'static str = "TooManyRequestsException";
///     fn message(&self) -> Option<&str> {
///         self.message.as_deref()
///     }
/// }
///
/// smithy_codegen_runtime::modeled_error!(TooManyRequests);
///
/// let error = TooManyRequests { message: Some("slow down".into()) };
/// assert_eq!(error.to_string(), "TooManyRequestsException: slow down");
/// assert_eq!(TooManyRequests { message: None }.to_string(), "TooManyRequestsException");
/// let _: &dyn std::error::Error = &error;
/// ```
#[macro_export]
macro_rules! modeled_error {
    ($name:ident) => {
        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(Self::CODE)?;
                if let ::core::option::Option::Some(message) = self.message() {
                    ::core::write!(f, ": {message}")?;
                }
                ::core::result::Result::Ok(())
            }
        }
        impl ::std::error::Error for $name {}
    };
}

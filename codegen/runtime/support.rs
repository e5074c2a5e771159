/// Errors of building values and of reading enum values.
pub mod error {
    pub use ::smithy_codegen_runtime::error::{BuildError, Unhandled, UnknownVariantError};
}

// `UnknownUnionMember` and `UnknownVariantValue` stay generated on purpose:
// their fields are private to this crate, so only its own code can build them,
// and a later version can turn an unknown value into a named variant without
// breaking users. A runtime type could not be sealed to one generated crate.
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

//! Rust types and default values, as tokens, from the plan's data.

use super::prelude::*;
use proc_macro2::TokenStream;
use quote::quote;

use super::HomePaths;
pub(crate) use crate::plan::{DefaultValue, DocumentDefault, Repr, RustType, WireForm};

/// The tokens of a Rust type.
pub(crate) fn type_tokens(ty: &RustType, style: PreludeStyle) -> TokenStream {
    let_prelude!(style => STRING, VEC, OPTION);
    match ty {
        RustType::String => quote!(#STRING),
        RustType::Bool => quote!(bool),
        RustType::I8 => quote!(i8),
        RustType::I16 => quote!(i16),
        RustType::I32 => quote!(i32),
        RustType::I64 => quote!(i64),
        RustType::F32 => quote!(f32),
        RustType::F64 => quote!(f64),
        RustType::Document => quote!(::serde_json::Value),
        RustType::Blob => quote!(crate::primitives::Blob),
        RustType::DateTime => quote!(crate::primitives::DateTime),
        RustType::Vec(inner) => {
            let inner = type_tokens(inner, style);
            quote!(#VEC<#inner>)
        }
        RustType::Map(key, value) => {
            let (key, value) = (type_tokens(key, style), type_tokens(value, style));
            quote!(::std::collections::HashMap<#key, #value>)
        }
        RustType::Option(inner) => {
            let inner = type_tokens(inner, style);
            quote!(#OPTION<#inner>)
        }
        RustType::Generated(home) => home.path(),
        RustType::EventDecoder(home) => {
            let union = home.path();
            quote!(::smithy_codegen_runtime::event_stream::EventDecoder<#union>)
        }
    }
}

/// An expression of a default value.
pub(crate) fn default_tokens(value: &DefaultValue, style: PreludeStyle) -> TokenStream {
    let_prelude!(style => STRING, VEC);
    match value {
        DefaultValue::Bool(b) => quote!(#b),
        DefaultValue::String(s) => quote!(#STRING::from(#s)),
        DefaultValue::I8(v) => quote!(#v),
        DefaultValue::I16(v) => quote!(#v),
        DefaultValue::I32(v) => quote!(#v),
        DefaultValue::I64(v) => quote!(#v),
        DefaultValue::F32(v) => quote!(#v),
        DefaultValue::F64(v) => quote!(#v),
        DefaultValue::Enum(home, s) => {
            let path = home.path();
            quote!(#path::from(#s))
        }
        DefaultValue::IntEnum(home, value) => {
            let path = home.path();
            quote!(#path(#value))
        }
        DefaultValue::EpochSeconds(seconds) => quote!(crate::primitives::DateTime::from_secs(#seconds)),
        DefaultValue::EpochSecondsF64(seconds) => quote!(crate::primitives::DateTime::from_secs_f64(#seconds)),
        DefaultValue::Blob(bytes) if bytes.is_empty() => quote!(crate::primitives::Blob::default()),
        // The bytes go in as a byte string.
        DefaultValue::Blob(bytes) => {
            let bytes = proc_macro2::Literal::byte_string(bytes);
            quote!(crate::primitives::Blob::new(#bytes.to_vec()))
        }
        DefaultValue::Document(document) => document_tokens(document, style),
        DefaultValue::EmptyVec => quote!(#VEC::new()),
        DefaultValue::EmptyMap => quote!(::std::collections::HashMap::new()),
    }
}

/// A document default, as a `serde_json::Value`.
fn document_tokens(document: &DocumentDefault, style: PreludeStyle) -> TokenStream {
    let_prelude!(style => STRING, VEC);
    match document {
        DocumentDefault::Null => quote!(::serde_json::Value::Null),
        DocumentDefault::Bool(b) => quote!(::serde_json::Value::Bool(#b)),
        DocumentDefault::String(s) => quote!(::serde_json::Value::String(#STRING::from(#s))),
        DocumentDefault::Number(text) => quote!(::serde_json::Value::Number(#text.parse().expect("a JSON number"))),
        DocumentDefault::EmptyArray => quote!(::serde_json::Value::Array(#VEC::new())),
        DocumentDefault::EmptyObject => quote!(::serde_json::Value::Object(::serde_json::Map::new())),
    }
}

/// The runtime's type for a wire form (`...::items::List<...::items::Float>`),
/// as text: serde attributes name it in strings.
pub(crate) fn wire_form_path(form: &WireForm) -> String {
    const ITEMS: &str = "::smithy_codegen_runtime::serde_support::items";
    match form {
        WireForm::Plain => format!("{ITEMS}::Plain"),
        WireForm::Float => format!("{ITEMS}::Float"),
        WireForm::DateTimeText => format!("{ITEMS}::DateTimeText"),
        WireForm::HttpDateText => format!("{ITEMS}::HttpDateText"),
        WireForm::Nullable(inner) => format!("{ITEMS}::Nullable<{}>", wire_form_path(inner)),
        WireForm::List(inner) => format!("{ITEMS}::List<{}>", wire_form_path(inner)),
        WireForm::Map(inner) => format!("{ITEMS}::Map<{}>", wire_form_path(inner)),
        WireForm::Ref(inner) => format!("{ITEMS}::Ref<{}>", wire_form_path(inner)),
    }
}

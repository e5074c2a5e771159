//! Enums with a lossless fallback for values this version does not know.

use super::prelude::*;

use proc_macro2::TokenStream;
use quote::quote;

use super::{deprecated_attr, docs, ident, names, Ctx, Home};
use crate::ir::{EnumValue, IntEnumValue, Shape};
use crate::plan::Variants;

fn shape_doc(shape: &Shape) -> TokenStream {
    match &shape.traits.documentation {
        Some(d) => docs::attrs(d),
        None => docs::lines_to_attrs(&format!("The `{}` enum.", shape.id.name())),
    }
}

/// The variant names the plan gave an enum or intEnum.
fn variant_names<'a>(ctx: &'a Ctx, shape: &Shape) -> &'a [String] {
    match ctx.plan.variants.get(&shape.id) {
        Some(Variants::Enum(names)) => names,
        _ => &[],
    }
}

/// A string enum: one variant per value plus `Unknown`, with `as_str`, `values`,
/// infallible `From<&str>`/`FromStr`, a strict `try_parse`, and serde that keeps
/// unknown values byte for byte.
pub(crate) fn render_enum(ctx: &Ctx, shape: &Shape, home: &Home, values: &[EnumValue]) -> TokenStream {
    let_prelude!(ctx.prelude => OPTION, SOME, NONE, STRING);
    let name = ident(&home.name);
    let variants: Vec<_> = variant_names(ctx, shape).iter().map(|v| ident(v)).collect();
    let wire: Vec<&str> = values.iter().map(|v| v.value.as_str()).collect();
    let variant_defs = values.iter().zip(&variants).map(|(v, variant)| {
        let doc = match &v.traits.documentation {
            Some(d) => {
                let mut t = docs::attrs(d);
                t.extend(docs::lines_to_attrs(&format!("\nWire value: `{}`.", v.value.replace('`', "'"))));
                t
            }
            None => docs::lines_to_attrs(&format!("Wire value `{}`.", v.value.replace('`', "'"))),
        };
        let deprecated = deprecated_attr(&v.traits);
        quote!(#doc #deprecated #variant,)
    });
    let doc = shape_doc(shape);
    let fallback_doc = docs::lines_to_attrs(
        "A value this version of the crate does not know. Compare it with `as_str()`; do not\nmatch on it, since a later version may turn the value into a named variant.",
    );
    let deprecated = deprecated_attr(&shape.traits);
    quote! {
        #doc
        ///
        /// Values unknown to this version of the crate are kept in [`Self::Unknown`]
        /// and written back unchanged.
        #deprecated
        #[non_exhaustive]
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum #name {
            #(#variant_defs)*
            #fallback_doc
            Unknown(crate::primitives::sealed_enum_unknown::UnknownVariantValue),
        }
        #[allow(deprecated)]
        impl #name {
            /// The wire value.
            pub fn as_str(&self) -> &str {
                match self {
                    #(#name::#variants => #wire,)*
                    #name::Unknown(value) => value.as_str(),
                }
            }
            /// The known wire values, in model order.
            pub const fn values() -> &'static [&'static str] {
                &[#(#wire),*]
            }
            fn known(value: &str) -> #OPTION<Self> {
                #SOME(match value {
                    #(#wire => #name::#variants,)*
                    _ => return #NONE,
                })
            }
            fn unknown(value: #STRING) -> Self {
                #name::Unknown(crate::primitives::sealed_enum_unknown::UnknownVariantValue(value))
            }
        }
        ::smithy_codegen_runtime::string_enum!(#name);
    }
}

/// An intEnum: one associated constant per value over an `i32` newtype, so that
/// every integer round-trips.
pub(crate) fn render_int_enum(ctx: &Ctx, shape: &Shape, home: &Home, values: &[IntEnumValue]) -> TokenStream {
    let name = ident(&home.name);
    let consts: Vec<_> =
        variant_names(ctx, shape).iter().map(|v| ident(&names::snake(v).to_ascii_uppercase())).collect();
    let defs = values.iter().zip(&consts).map(|(v, c)| {
        let doc = match &v.traits.documentation {
            Some(d) => docs::attrs(d),
            None => docs::lines_to_attrs(&format!("Wire value `{}`.", v.value)),
        };
        let value = v.value;
        quote!(#doc pub const #c: #name = #name(#value);)
    });
    let numbers: Vec<i32> = values.iter().map(|v| v.value).collect();
    let doc = shape_doc(shape);
    quote! {
        #doc
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, ::serde::Serialize, ::serde::Deserialize)]
        #[serde(transparent)]
        pub struct #name(pub i32);
        impl #name {
            #(#defs)*
            /// The known values, in model order.
            pub const fn values() -> &'static [i32] {
                &[#(#numbers),*]
            }
            /// Whether the value is one the model names.
            pub fn is_known(&self) -> bool {
                Self::values().contains(&self.0)
            }
        }
    }
}

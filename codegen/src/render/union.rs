//! Unions: tagged JSON objects with exactly one member, plus a fallback that
//! keeps members this version does not know (name and JSON value).

use super::prelude::*;
use proc_macro2::TokenStream;
use quote::quote;

use super::types::{type_tokens, wire_form_path, WireForm};
use super::{docs, ident, names, Ctx, Home};
use crate::ir::Shape;
use crate::plan::{VariantPlan, Variants};

/// Renders a union shape.
pub(crate) fn render(ctx: &Ctx, shape: &Shape, home: &Home) -> TokenStream {
    let_prelude!(ctx.prelude => SOME, RESULT, OK, ERR, STRING, BOX);
    let name = ident(&home.name);
    let doc = match &shape.traits.documentation {
        Some(d) => docs::attrs(d),
        None => docs::lines_to_attrs(&format!("The `{}` union.", shape.id.name())),
    };
    let planned: &[VariantPlan] = match ctx.plan.variants.get(&shape.id) {
        Some(Variants::Union(variants)) => variants,
        _ => &[],
    };
    let mut variants = Vec::new();
    let mut ser_arms = Vec::new();
    let mut de_arms = Vec::new();
    let mut accessors = Vec::new();
    for (member, planned) in shape.members().iter().zip(planned) {
        let variant_name = &planned.name;
        let variant = ident(variant_name);
        let wire = &planned.wire;
        let vdoc =
            match member.traits.documentation.as_ref().or(ctx.shape(&member.target).traits.documentation.as_ref()) {
                Some(d) => docs::attrs(d),
                None => docs::lines_to_attrs(&format!("The `{}` member.", member.name)),
            };
        let Some(ty) = &planned.ty else {
            variants.push(quote!(#vdoc #variant,));
            ser_arms.push(quote!(Self::#variant => map.serialize_entry(#wire, &::serde_json::Map::new())?,));
            de_arms.push(quote!(#wire => { map.next_value::<::serde::de::IgnoredAny>()?; #name::#variant }));
            continue;
        };
        let ty = type_tokens(ty, ctx.prelude);
        // Floats, text timestamps and collections of them go through the runtime's item forms.
        let (next, written) = if planned.form == WireForm::Plain {
            (quote!(map.next_value::<#ty>()?), quote!(value))
        } else {
            let form: TokenStream = wire_form_path(&planned.form).parse().expect("wire form paths are Rust types");
            (
                quote!(map.next_value_seed(::smithy_codegen_runtime::serde_support::items::Seed::<#form, #ty>::new())?),
                quote!(&::smithy_codegen_runtime::serde_support::items::Formatted::<#form, _>::new(value)),
            )
        };
        let (field_ty, value) =
            if planned.boxed { (quote!(#BOX<#ty>), quote!(#BOX::new(#next))) } else { (ty.clone(), next) };
        variants.push(quote!(#vdoc #variant(#field_ty),));
        ser_arms.push(quote!(Self::#variant(value) => map.serialize_entry(#wire, #written)?,));
        de_arms.push(quote!(#wire => #name::#variant(#value),));
        // smithy-rs derives these from the variant name (`Unknown` -> `as_unknown_value`).
        let as_fn = ident(&format!("as_{}", names::snake(variant_name)));
        let is_fn = ident(&format!("is_{}", names::snake(variant_name)));
        let as_doc = format!("The `{}` value, or `Err(self)` for another member.", member.name);
        let is_doc = format!("Whether this is the `{}` member.", member.name);
        // `&T` even where the variant boxes it (`&Box<T>` is clippy's
        // `borrowed_box`); `Ok(value)` derefs the box by coercion.
        accessors.push(quote! {
            #[doc = #as_doc]
            pub fn #as_fn(&self) -> #RESULT<&#ty, &Self> {
                if let #name::#variant(value) = self { #OK(value) } else { #ERR(self) }
            }
            #[doc = #is_doc]
            pub fn #is_fn(&self) -> bool {
                self.#as_fn().is_ok()
            }
        });
    }
    let type_name = home.name.as_str();
    let expecting = format!("a `{type_name}` union: an object with exactly one member");
    // A `__type` entry names the union's shape, unless a member has that name.
    let next_key = if planned.iter().any(|v| v.wire == "__type") {
        quote!(map.next_key::<#STRING>()?)
    } else {
        quote!(::smithy_codegen_runtime::serde_support::next_union_key(&mut map)?)
    };
    let unknown_member = format!("`{{}}` is not a member of the `{type_name}` union");
    quote! {
        #doc
        #[non_exhaustive]
        #[derive(Debug, Clone, PartialEq)]
        pub enum #name {
            #(#variants)*
            /// A member this version of the crate does not know, kept as it was read.
            Unknown(crate::primitives::UnknownUnionMember),
        }
        impl #name {
            #(#accessors)*
            /// Whether the member is one this version does not know.
            pub fn is_unknown(&self) -> bool {
                ::std::matches!(self, Self::Unknown(_))
            }
        }
        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> #RESULT<S::Ok, S::Error> {
                use ::serde::ser::SerializeMap;
                let mut map = serializer.serialize_map(#SOME(1))?;
                match self {
                    #(#ser_arms)*
                    Self::Unknown(member) => map.serialize_entry(&member.name, &member.value)?,
                }
                map.end()
            }
        }
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> #RESULT<Self, D::Error> {
                struct UnionVisitor;
                impl<'de> ::serde::de::Visitor<'de> for UnionVisitor {
                    type Value = #name;
                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(#expecting)
                    }
                    fn visit_map<A: ::serde::de::MapAccess<'de>>(self, mut map: A) -> #RESULT<#name, A::Error> {
                        let key: #STRING = #next_key
                            .ok_or_else(|| <A::Error as ::serde::de::Error>::custom(#expecting))?;
                        let value = match key.as_str() {
                            #(#de_arms)*
                            // A server refuses a member it does not know; a client keeps it.
                            _ if ::smithy_codegen_runtime::serde_support::strict::is_strict() => {
                                return #ERR(<A::Error as ::serde::de::Error>::custom(format!(#unknown_member, key)));
                            }
                            _ => #name::Unknown(crate::primitives::UnknownUnionMember {
                                value: map.next_value::<::serde_json::Value>()?,
                                name: key,
                            }),
                        };
                        if #next_key.is_some() {
                            return #ERR(<A::Error as ::serde::de::Error>::custom(#expecting));
                        }
                        #OK(value)
                    }
                }
                deserializer.deserialize_map(UnionVisitor)
            }
        }
    }
}

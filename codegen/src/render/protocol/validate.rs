//! The `validate()` method: the model's `length`, `range` and `pattern` checks.

use crate::ir::Shape;
use crate::plan::{Nested, Pattern};
use crate::render::prelude::*;
use crate::render::structure::{fields, FieldKind};
use crate::render::types::Repr;
use crate::render::{ident, Ctx, Home};
use proc_macro2::TokenStream;
use quote::quote;

/// `validate()` for a structure: every constraint trait of its members.
pub(crate) fn render_validate(ctx: &Ctx, shape: &Shape, home: &Home) -> TokenStream {
    let_prelude!(ctx.prelude => SOME, RESULT, OK);
    let cfg = ctx.protocol_cfg();
    let name = ident(&home.name);
    let mut checks = Vec::new();
    let mut unchecked = Vec::new();
    for f in fields(ctx, shape) {
        let member = f.member.name.as_str();
        let id = &f.ident;
        let mut inner = Vec::new();
        if let Some((min, max)) = f.constraints.length {
            let (min, max) = (opt_u64(min, ctx.prelude), opt_u64(max, ctx.prelude));
            inner.push(match f.repr {
                Repr::String => {
                    quote!(::smithy_codegen_runtime::validation::check_string_length(#member, v, #min, #max)?;)
                }
                _ => quote!(::smithy_codegen_runtime::validation::check_count(#member, v.len() as u64, #min, #max)?;),
            });
        }
        match &f.pattern {
            Some(Pattern::Checked(p)) => inner.push(quote! {
            static PATTERN: ::std::sync::OnceLock<::regex_lite::Regex> = ::std::sync::OnceLock::new();
            ::smithy_codegen_runtime::validation::check_pattern(#member, v, &PATTERN, #p)?;
            }),
            Some(Pattern::LookAround(p)) => unchecked.push(format!("- `{member}`: `{}`", p.replace('`', "'"))),
            None => {}
        }
        if let Some(r) = &f.constraints.range {
            let (min, max) = (opt_f64(r.min, ctx.prelude), opt_f64(r.max, ctx.prelude));
            let value = if r.is_f64 { quote!(*v) } else { quote!(*v as f64) };
            inner.push(quote!(::smithy_codegen_runtime::validation::check_range(#member, #value, #min, #max)?;));
        }
        // Nested structures validate themselves.
        let nested = match f.constraints.nested {
            Nested::Structure => Some(quote!(v.validate()?;)),
            // The nulls of a sparse collection have nothing to check.
            Nested::List { sparse } => {
                let items = if sparse { quote!(v.iter().flatten()) } else { quote!(v.iter()) };
                Some(quote!(for item in #items {
                    item.validate()?;
                }))
            }
            Nested::MapValues { sparse } => {
                let items = if sparse { quote!(v.values().flatten()) } else { quote!(v.values()) };
                Some(quote!(for item in #items {
                    item.validate()?;
                }))
            }
            Nested::None => None,
        };
        inner.extend(nested);
        if inner.is_empty() {
            continue;
        }
        let borrow = match f.repr {
            Repr::String => quote!(self.#id.as_str()),
            _ => quote!(&self.#id),
        };
        checks.push(if f.kind == FieldKind::Optional {
            let deref_opt = match f.repr {
                Repr::String => quote!(.as_deref()),
                _ => quote!(.as_ref()),
            };
            quote! {
                if let #SOME(v) = self.#id #deref_opt {
                    #(#inner)*
                }
            }
        } else {
            quote! {
                {
                    let v = #borrow;
                    #(#inner)*
                }
            }
        });
    }
    let mut doc = "Checks the model's constraints (`length`, `pattern`, `range`), also of\nnested structures; the error names the member and the offending value.".to_string();
    if !unchecked.is_empty() {
        doc.push_str("\n\nThese patterns need look-around, which the regex engine lacks, and are\nnot checked here (the service still checks them):\n\n");
        doc.push_str(&unchecked.join("\n"));
    }
    let doc = crate::render::docs::lines_to_attrs(&doc);
    quote! {
        #cfg
        impl #name {
            #doc
            pub fn validate(&self) -> #RESULT<(), crate::protocol::ValidationError> {
                #(#checks)*
                #OK(())
            }
        }
    }
}

pub(super) fn opt_u64(v: Option<u64>, style: PreludeStyle) -> TokenStream {
    let_prelude!(style => SOME, NONE);
    match v {
        Some(v) => quote!(#SOME(#v)),
        None => quote!(#NONE),
    }
}

pub(super) fn opt_f64(v: Option<f64>, style: PreludeStyle) -> TokenStream {
    let_prelude!(style => SOME, NONE);
    match v {
        Some(v) => quote!(#SOME(#v)),
        None => quote!(#NONE),
    }
}

//! The `validate()` method: the model's `length`, `range` and `pattern` checks.

use crate::ir::{Shape, ShapeKind, Simple};
use crate::plan::Pattern;
use crate::render::prelude::*;
use crate::render::structure::{fields, FieldKind};
use crate::render::types::Repr;
use crate::render::{ident, Ctx, Home};
use proc_macro2::TokenStream;
use quote::quote;

/// `validate()` for a structure: every constraint trait of its members.
pub(crate) fn render_validate(ctx: &Ctx, shape: &Shape, home: &Home) -> TokenStream {
    let cfg = ctx.protocol_cfg();
    let name = ident(&home.name);
    let mut checks = Vec::new();
    let mut unchecked = Vec::new();
    for f in fields(ctx, shape) {
        let target = ctx.shape(&f.member.target);
        let member = f.member.name.as_str();
        let id = &f.ident;
        // Member traits refine the target's.
        let length = f.member.traits.length.or(target.traits.length);
        let range = f.member.traits.range.clone().or_else(|| target.traits.range.clone());
        let mut inner = Vec::new();
        if let Some(l) = length {
            let min = opt_u64(l.min);
            let max = opt_u64(l.max);
            match f.repr {
                Repr::String => inner
                    .push(quote!(::smithy_codegen_runtime::validation::check_string_length(#member, v, #min, #max)?;)),
                Repr::List | Repr::Map => inner.push(
                    quote!(::smithy_codegen_runtime::validation::check_count(#member, v.len() as u64, #min, #max)?;),
                ),
                _ => {}
            }
        }
        match &f.pattern {
            Some(Pattern::Checked(p)) => inner.push(quote! {
            static PATTERN: ::std::sync::OnceLock<::regex_lite::Regex> = ::std::sync::OnceLock::new();
            ::smithy_codegen_runtime::validation::check_pattern(#member, v, &PATTERN, #p)?;
            }),
            Some(Pattern::LookAround(p)) => unchecked.push(format!("- `{member}`: `{}`", p.replace('`', "'"))),
            None => {}
        }
        if let (Some(r), Repr::Copy) = (&range, f.repr) {
            if matches!(target.kind, ShapeKind::Simple(s) if s.is_number()) {
                let min = opt_f64(r.min.as_ref().and_then(|n| n.as_f64()));
                let max = opt_f64(r.max.as_ref().and_then(|n| n.as_f64()));
                let value = if matches!(target.kind, ShapeKind::Simple(Simple::Double)) {
                    quote!(*v)
                } else {
                    quote!(*v as f64)
                };
                inner.push(quote!(::smithy_codegen_runtime::validation::check_range(#member, #value, #min, #max)?;));
            }
        }
        // Nested structures validate themselves.
        let nested = match &target.kind {
            ShapeKind::Structure(_) => Some(quote!(v.validate()?;)),
            ShapeKind::List(m) if matches!(ctx.shape(&m.target).kind, ShapeKind::Structure(_)) => {
                Some(quote!(for item in v.iter() {
                    item.validate()?;
                }))
            }
            ShapeKind::Map { value, .. } if matches!(ctx.shape(&value.target).kind, ShapeKind::Structure(_)) => {
                Some(quote!(for item in v.values() {
                    item.validate()?;
                }))
            }
            _ => None,
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

pub(super) fn opt_u64(v: Option<u64>) -> TokenStream {
    match v {
        Some(v) => quote!(#SOME(#v)),
        None => quote!(#NONE),
    }
}

pub(super) fn opt_f64(v: Option<f64>) -> TokenStream {
    match v {
        Some(v) => quote!(#SOME(#v)),
        None => quote!(#NONE),
    }
}

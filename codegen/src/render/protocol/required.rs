//! `find_missing_required`: the required members a request body's JSON
//! leaves out (or sets to `null`), looked for only once the body failed to
//! decode (see `validate::server_checks`).

use crate::ir::Shape;
use crate::plan::{JsonWalk, WalkMember};
use crate::render::prelude::*;
use crate::render::types::type_tokens;
use crate::render::{ident, Ctx, Home};
use proc_macro2::TokenStream;
use quote::quote;

/// `find_missing_required` for a structure or union the plan gives a walk.
pub(crate) fn render_required_walk(ctx: &Ctx, shape: &Shape, home: &Home) -> TokenStream {
    let Some(members) = ctx.plan.required_walks.get(&shape.id) else { return quote!() };
    let_prelude!(ctx.prelude => SOME);
    let cfg = ctx.protocol_cfg();
    let name = ident(&home.name);
    let members = members.iter().map(|m| member_walk(ctx, m));
    quote! {
        #cfg
        impl #name {
            /// Records the required members that `value` (this type's JSON) leaves
            /// out or sets to `null`, at paths under `at`.
            pub(crate) fn find_missing_required(
                value: &::serde_json::Value,
                at: &::smithy_codegen_runtime::validation::Path<'_>,
                violations: &mut ::smithy_codegen_runtime::validation::Violations,
            ) {
                let #SOME(object) = value.as_object() else { return };
                #(#members)*
            }
        }
    }
}

fn member_walk(ctx: &Ctx, m: &WalkMember) -> TokenStream {
    let_prelude!(ctx.prelude => SOME);
    let (name, wire) = (&m.name, &m.wire);
    let inner = json_walk(ctx, &m.inner);
    let walk_value = (!inner.is_empty()).then(|| {
        quote! {
            let at = at.member(#name);
            #inner
        }
    });
    if m.required && walk_value.is_none() {
        quote! {
            if object.get(#wire).is_none_or(::serde_json::Value::is_null) {
                violations.required(&at.member(#name));
            }
        }
    } else if m.required {
        quote! {
            match object.get(#wire) {
                #SOME(v) if !v.is_null() => { #walk_value }
                _ => violations.required(&at.member(#name)),
            }
        }
    } else {
        quote! {
            if let #SOME(v) = object.get(#wire) {
                #walk_value
            }
        }
    }
}

/// What to look at in the JSON value `v` at `at`.
fn json_walk(ctx: &Ctx, walk: &JsonWalk) -> TokenStream {
    let_prelude!(ctx.prelude => SOME);
    match walk {
        JsonWalk::None => quote!(),
        JsonWalk::Shape(ty) => {
            let ty = type_tokens(ty, ctx.prelude);
            quote!(#ty::find_missing_required(v, &at, violations);)
        }
        JsonWalk::Items(inner) => {
            let inner = json_walk(ctx, inner);
            quote! {
                if let #SOME(items) = v.as_array() {
                    for (i, v) in items.iter().enumerate() {
                        let at = at.index(i);
                        #inner
                    }
                }
            }
        }
        JsonWalk::Values(inner) => {
            let inner = json_walk(ctx, inner);
            quote! {
                if let #SOME(entries) = v.as_object() {
                    for (key, v) in entries {
                        let at = at.key(key);
                        #inner
                    }
                }
            }
        }
    }
}

//! The constraint checks: `validate()` of every structure (the client's, which
//! stops at the first violation), and `check_constraints` of the structures
//! and unions the plan gives checks (which record every violation, with its
//! path, for a client or a server).

use super::bindings::Binding;
use super::errors::{bad_request_error, bad_request_error_listing};
use crate::ir::Shape;
use crate::plan::{Bound, Inner, LengthUnit, MemberChecks, Pattern, UniqueItems, ValueChecks, Variants};
use crate::render::prelude::*;
use crate::render::structure::{fields, Field, FieldKind};
use crate::render::types::{Repr, RustType};
use crate::render::{ident, Ctx, Home, HomePaths};
use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// `validate()` for a structure, and its `check_constraints` when it has checks.
pub(crate) fn render_validate(ctx: &Ctx, shape: &Shape, home: &Home) -> TokenStream {
    let_prelude!(ctx.prelude => RESULT, OK, SOME);
    let cfg = ctx.protocol_cfg();
    let name = ident(&home.name);
    let members = ctx.plan.checks.get(&shape.id).map(Vec::as_slice).unwrap_or_default();
    let mut doc = "Checks the model's constraints (`length`, `range`, `pattern`, `uniqueItems`),\n\
        also inside lists, maps, nested structures and unions; the error is the first\n\
        violation, with its path. Enum values the model does not list pass: a newer\n\
        service may know them."
        .to_string();
    let unchecked = unchecked_patterns(members);
    if !unchecked.is_empty() {
        doc.push_str("\n\nThese patterns need look-around or Unicode classes, which the regex engine\nlacks, and are not checked here (the service still checks them):\n\n");
        doc.push_str(&unchecked.join("\n"));
    }
    let doc = crate::render::docs::lines_to_attrs(&doc);
    if members.is_empty() {
        return quote! {
            #cfg
            impl #name {
                #doc
                pub fn validate(&self) -> #RESULT<(), crate::protocol::ValidationError> {
                    #OK(())
                }
            }
        };
    }
    let fields = fields(ctx, shape);
    let checks = members.iter().map(|m| {
        let f = &fields[m.index];
        let id = &f.ident;
        let body = member_checks(ctx, m);
        if f.kind == FieldKind::Optional {
            let borrow = if f.repr == Repr::String { quote!(.as_deref()) } else { quote!(.as_ref()) };
            quote! {
                if let #SOME(v) = self.#id #borrow {
                    #body
                }
            }
        } else {
            quote! {
                {
                    let v = &self.#id;
                    #body
                }
            }
        }
    });
    let check_constraints = check_constraints_fn(quote!(#(#checks)*));
    quote! {
        #cfg
        impl #name {
            #doc
            pub fn validate(&self) -> #RESULT<(), crate::protocol::ValidationError> {
                let mut violations = ::smithy_codegen_runtime::validation::Violations::client();
                self.check_constraints(&::smithy_codegen_runtime::validation::Path::ROOT, &mut violations);
                violations.into_first()
            }

            #check_constraints
        }
    }
}

/// `check_known` for an enum or intEnum: a server refuses values outside its set.
pub(crate) fn render_enum_check(ctx: &Ctx, shape: &Shape, home: &Home) -> TokenStream {
    let Some(set) = ctx.plan.enum_sets.get(&shape.id) else { return quote!() };
    let cfg = ctx.protocol_cfg();
    let name = ident(&home.name);
    let listed = &set.listed;
    let unknown = if set.int_enum { quote!(!self.is_known()) } else { quote!(::std::matches!(self, Self::Unknown(_))) };
    quote! {
        #cfg
        impl #name {
            /// Records a violation when this is not one of the model's values: a
            /// server refuses it, a client lets it pass.
            pub(crate) fn check_known(
                &self,
                at: &::smithy_codegen_runtime::validation::Path<'_>,
                violations: &mut ::smithy_codegen_runtime::validation::Violations,
            ) {
                if #unknown {
                    violations.unknown_enum_value(at, &[#(#listed),*]);
                }
            }
        }
    }
}

/// `check_constraints` for a union the plan gives checks (the member present is checked).
pub(crate) fn render_union_checks(ctx: &Ctx, shape: &Shape, home: &Home) -> TokenStream {
    let Some(members) = ctx.plan.checks.get(&shape.id) else { return quote!() };
    let Some(Variants::Union(variants)) = ctx.plan.variants.get(&shape.id) else { return quote!() };
    let cfg = ctx.protocol_cfg();
    let name = ident(&home.name);
    let arms: Vec<(TokenStream, TokenStream)> = members
        .iter()
        .map(|m| {
            let variant = ident(&variants[m.index].name);
            (quote!(Self::#variant(v)), member_checks(ctx, m))
        })
        .collect();
    // One checked member is an `if let` (clippy's single_match).
    let check_constraints = check_constraints_fn(match arms.as_slice() {
        [(pattern, body)] => quote! {
            if let #pattern = self {
                #body
            }
        },
        _ => {
            let arms = arms.iter().map(|(pattern, body)| quote!(#pattern => { #body }));
            quote! {
                match self {
                    #(#arms)*
                    _ => {}
                }
            }
        }
    });
    quote! {
        #cfg
        impl #name {
            #check_constraints
        }
    }
}

fn check_constraints_fn(body: TokenStream) -> TokenStream {
    quote! {
        /// Records every constraint this value breaks, at paths under `at`.
        pub(crate) fn check_constraints(
            &self,
            at: &::smithy_codegen_runtime::validation::Path<'_>,
            violations: &mut ::smithy_codegen_runtime::validation::Violations,
        ) {
            #body
        }
    }
}

/// The checks of a member whose value is borrowed as `v`.
fn member_checks(ctx: &Ctx, m: &MemberChecks) -> TokenStream {
    let name = &m.name;
    let checks = value_checks(ctx, &m.checks);
    quote! {
        let at = at.member(#name);
        #checks
    }
}

/// The checks of a value borrowed as `v` at the path `at`.
fn value_checks(ctx: &Ctx, checks: &ValueChecks) -> TokenStream {
    let_prelude!(ctx.prelude => SOME, NONE);
    let mut out = Vec::new();
    if let Some(length) = &checks.length {
        let (min, max) = (opt_u64(length.min, ctx.prelude), opt_u64(length.max, ctx.prelude));
        out.push(match length.unit {
            LengthUnit::Chars => quote!(violations.string_length(&at, v, #min, #max);),
            LengthUnit::Bytes => {
                quote!(violations.length(&at, ::std::convert::AsRef::<[u8]>::as_ref(v).len(), #min, #max);)
            }
            LengthUnit::Entries => quote!(violations.length(&at, v.len(), #min, #max);),
        });
    }
    if let Some(range) = &checks.range {
        let bound = |b: Option<Bound>| match b {
            Some(b) => {
                let literal = bound_literal(&range.ty, b);
                quote!(#SOME(#literal))
            }
            None => quote!(#NONE),
        };
        let (min, max) = (bound(range.min), bound(range.max));
        out.push(quote!(violations.range(&at, *v, #min, #max);));
    }
    if let Some(Pattern::Checked(pattern)) = &checks.pattern {
        out.push(quote! {
            static PATTERN: ::std::sync::OnceLock<::regex_lite::Regex> = ::std::sync::OnceLock::new();
            violations.pattern(&at, v, &PATTERN, #pattern);
        });
    }
    if checks.known_value {
        out.push(quote!(v.check_known(&at, violations);));
    }
    match checks.unique_items {
        Some(UniqueItems::Hashed) => out.push(quote!(violations.unique_items(&at, v);)),
        Some(UniqueItems::Equality) => out.push(quote!(violations.unique_items_by_equality(&at, v);)),
        None => {}
    }
    match &checks.inner {
        Inner::None => {}
        Inner::Shape => out.push(quote!(v.check_constraints(&at, violations);)),
        Inner::Items { items, sparse } => {
            let items = value_checks(ctx, items);
            let skip_null = sparse.then(|| quote!(let #SOME(v) = v else { continue };));
            out.push(quote! {
                for (i, v) in v.iter().enumerate() {
                    #skip_null
                    let at = at.index(i);
                    #items
                }
            });
        }
        Inner::Entries { key, value, sparse } => {
            // A bad key is reported at the map, a bad value under its key.
            let key_checks = (!key.is_empty()).then(|| {
                let checks = value_checks(ctx, key);
                quote!({
                    let v = key;
                    #checks
                })
            });
            let value_checks = (!value.is_empty()).then(|| {
                let checks = value_checks(ctx, value);
                let checks = quote! {
                    let at = at.key(key.as_str());
                    #checks
                };
                if *sparse {
                    quote!(if let #SOME(v) = v { #checks })
                } else {
                    checks
                }
            });
            // In key order: the same violations in the same order on every run.
            let value = if value_checks.is_some() { quote!(v) } else { quote!(_) };
            out.push(quote! {
                for (key, #value) in ::smithy_codegen_runtime::validation::entries_by_key(v, |key| key.as_str()) {
                    #key_checks
                    #value_checks
                }
            });
        }
    }
    quote!(#(#out)*)
}

/// A bound as a literal of the number's type (`2i8`, `2.2f32`).
fn bound_literal(ty: &RustType, bound: Bound) -> Literal {
    match (ty, bound) {
        (RustType::I8, Bound::Int(v)) => Literal::i8_suffixed(v as i8),
        (RustType::I16, Bound::Int(v)) => Literal::i16_suffixed(v as i16),
        (RustType::I32, Bound::Int(v)) => Literal::i32_suffixed(v as i32),
        (RustType::F32, Bound::Float(v)) => Literal::f32_suffixed(v as f32),
        (RustType::F64, Bound::Float(v)) => Literal::f64_suffixed(v),
        (_, Bound::Int(v)) => Literal::i64_suffixed(v),
        (_, Bound::Float(v)) => Literal::f64_suffixed(v),
    }
}

/// The documented patterns that are not checked, anywhere under `members`.
fn unchecked_patterns(members: &[MemberChecks]) -> Vec<String> {
    fn walk(name: &str, checks: &ValueChecks, out: &mut Vec<String>) {
        if let Some(Pattern::Unchecked(p)) = &checks.pattern {
            out.push(format!("- `{name}`: `{}`", p.replace('`', "'")));
        }
        match &checks.inner {
            Inner::Items { items, .. } => walk(name, items, out),
            Inner::Entries { key, value, .. } => {
                walk(name, key, out);
                walk(name, value, out);
            }
            Inner::None | Inner::Shape => {}
        }
    }
    let mut out = Vec::new();
    for m in members {
        walk(&m.name, &m.checks, &mut out);
    }
    out
}

fn opt_u64(v: Option<u64>, style: PreludeStyle) -> TokenStream {
    let_prelude!(style => SOME, NONE);
    match v {
        Some(v) => quote!(#SOME(#v)),
        None => quote!(#NONE),
    }
}

/// The closure `invalid` of `from_http_request`: the bad-request error for
/// the violations `errors`, listing them where the error has a `fieldList`.
fn invalid_closure(
    ctx: &Ctx,
    bad_request: Option<&crate::ir::ShapeId>,
    error_ident: &proc_macro2::Ident,
) -> TokenStream {
    let_prelude!(ctx.prelude => SOME);
    let field_list = bad_request.and_then(|id| ctx.plan.errors[id].field_list.as_ref()).map(|list| {
        let path = ctx.homes[&list.item].path();
        let inits = fields(ctx, ctx.shape(&list.item)).into_iter().map(|f| {
            let id = &f.ident;
            let value =
                if f.member.name == "path" { quote!(e.path().to_owned()) } else { quote!(e.message().to_owned()) };
            if f.kind == FieldKind::Optional {
                quote!(#id: #SOME(#value),)
            } else {
                quote!(#id: #value,)
            }
        });
        quote!(errors.errors().iter().map(|e| #path { #(#inits)* }).collect())
    });
    let error = bad_request_error_listing(ctx, bad_request, error_ident, "ValidationException", field_list);
    quote! {
        let invalid = |errors: ::smithy_codegen_runtime::validation::ValidationErrors| -> #error_ident {
            let message = errors.message();
            #error
        };
    }
}

/// `missing_required`: the `required` members (without a default) a request
/// leaves out or sets to `null`, as violations: headers, query parameters, a
/// payload, and body members at any depth (`find_missing_required`). A server
/// asks only after the request failed to decode, so that a missing member is
/// reported as a constraint violation rather than as a body that does not
/// deserialize. `None` when the input has no such members.
fn missing_required_fn(ctx: &Ctx, input: &crate::ir::ShapeId, input_bound: &[(Field, Binding)]) -> Option<TokenStream> {
    let_prelude!(ctx.prelude => OPTION, SOME, AS_REF);
    let outside_body: Vec<&(Field, Binding)> = input_bound
        .iter()
        .filter(|(f, b)| {
            f.kind == FieldKind::Required && matches!(b, Binding::Header(_) | Binding::Query(_) | Binding::Payload)
        })
        .collect();
    let walks_body = ctx.plan.required_walks.contains_key(input);
    if outside_body.is_empty() && !walks_body {
        return None;
    }
    // A body that is not JSON fails as such, not as missing members.
    let body = walks_body.then(|| {
        quote! {
            let body: #OPTION<::serde_json::Value> = ::serde_json::from_slice(request.body().as_ref()).ok();
            if let #SOME(body) = &body {
                Self::find_missing_required(body, &::smithy_codegen_runtime::validation::Path::ROOT, &mut violations);
            }
        }
    });
    let reads_query = outside_body.iter().any(|(_, b)| matches!(b, Binding::Query(_)));
    let query =
        reads_query.then(|| quote!(let query = ::smithy_codegen_runtime::uri::parse_query(request.uri().query());));
    let checks = outside_body.iter().map(|(f, b)| {
        let name = f.member.name.as_str();
        let missing = match b {
            Binding::Header(header) => quote!(request.headers().get(#header).is_none()),
            Binding::Query(key) => quote!(!query.iter().any(|(k, _)| k == #key)),
            _ => quote!(request.body().as_ref().is_empty()),
        };
        quote! {
            if #missing {
                violations.required(&::smithy_codegen_runtime::validation::Path::ROOT.member(#name));
            }
        }
    });
    Some(quote! {
        /// The required members `request` leaves out (or sets to `null`), if any.
        fn missing_required<B: #AS_REF<[u8]>>(
            request: &::http::Request<B>,
        ) -> #OPTION<::smithy_codegen_runtime::validation::ValidationErrors> {
            let mut violations = ::smithy_codegen_runtime::validation::Violations::server();
            #body
            #query
            #(#checks)*
            violations.into_result().err()
        }
    })
}

/// How `from_http_request` turns failures into the operation's error.
pub(super) struct ServerChecks {
    /// The closures the other parts call: `fail_decode`, `invalid`.
    pub closures: TokenStream,
    /// What a decode failure (a `String`) is mapped with.
    pub fail_decode: TokenStream,
    /// The constraint checks of the decoded `input`.
    pub check_input: TokenStream,
    /// The `missing_required` function, where the input has required members.
    pub missing_required: Option<TokenStream>,
}

/// The server's error mapping: a request that does not deserialize is the
/// operation's modeled 400 error (`bad_request`), else a
/// `SerializationException` as the restJson1 compliance suite expects; an
/// error that lists violations (`smithy.framework#ValidationException`) is
/// kept for constraint violations, which is all it means. A request that
/// fails to decode because it leaves out required members breaks a
/// constraint instead.
pub(super) fn server_checks(
    ctx: &Ctx,
    input: &crate::ir::ShapeId,
    input_bound: &[(Field, Binding)],
    bad_request: Option<&crate::ir::ShapeId>,
    error_ident: &proc_macro2::Ident,
) -> ServerChecks {
    let_prelude!(ctx.prelude => SOME, NONE, STRING);
    let lists_violations = bad_request.is_some_and(|id| ctx.plan.errors[id].field_list.is_some());
    let mut closures = Vec::new();
    if bad_request.is_some() && !lists_violations {
        let error = bad_request_error(ctx, bad_request, error_ident, "ValidationException");
        closures.push(quote!(let fail_decode = |message: #STRING| -> #error_ident { #error };));
    } else {
        let error = bad_request_error(ctx, None, error_ident, "SerializationException");
        closures.push(quote!(let fail_decode = |message: #STRING| -> #error_ident { #error };));
    }
    let missing_required = missing_required_fn(ctx, input, input_bound);
    let fail_decode = if missing_required.is_some() {
        quote!(|problem| match Self::missing_required(request) {
            #SOME(errors) => invalid(errors),
            #NONE => fail_decode(problem),
        })
    } else {
        quote!(fail_decode)
    };
    let check_input = if ctx.plan.checks.contains_key(input) {
        quote! {
            let mut violations = ::smithy_codegen_runtime::validation::Violations::server();
            input.check_constraints(&::smithy_codegen_runtime::validation::Path::ROOT, &mut violations);
            violations.into_result().map_err(invalid)?;
        }
    } else {
        quote!()
    };
    if missing_required.is_some() || !check_input.is_empty() {
        closures.push(invalid_closure(ctx, bad_request, error_ident));
    }
    ServerChecks { closures: quote!(#(#closures)*), fail_decode, check_input, missing_required }
}

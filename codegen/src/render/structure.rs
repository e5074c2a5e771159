//! Structures: the type, its getters, serde attributes, `Debug` (with redaction)
//! and its builder.

use super::prelude::*;
use super::HomePaths;

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::types::{default_tokens, type_tokens, wire_form_path, Repr};
use super::{deprecated_attr, docs, ident, names, Ctx, Home};
use crate::ir::{Member, Shape};
pub(crate) use crate::plan::FieldKind;
use crate::plan::{ErrorPlan, FieldPlan, SerdeWith, WireForm};

/// One member of a structure: the plan's decisions (reached through `Deref`:
/// `field.kind`, `field.binding`, ...) and their tokens.
#[derive(Clone)]
pub(crate) struct Field<'a> {
    pub member: &'a Member,
    /// What the plan decided.
    pub plan: &'a FieldPlan,
    pub ident: Ident,
    /// The member's Rust type without `Option` (boxed where recursive).
    pub ty: TokenStream,
    /// The unboxed target type.
    pub target_ty: TokenStream,
    /// The element type of a list, or the value type of a map.
    pub elem_ty: Option<TokenStream>,
    /// How the element or value type is represented.
    pub elem_repr: Option<Repr>,
    /// The key type of a map, and how it is represented.
    pub key: Option<(TokenStream, Repr)>,
    /// The model default as an expression, where one is written out.
    pub default_expr: Option<TokenStream>,
}

impl std::ops::Deref for Field<'_> {
    type Target = FieldPlan;

    fn deref(&self) -> &FieldPlan {
        self.plan
    }
}

impl Field<'_> {
    /// The expression of the member's model default (`Default::default()`
    /// where that is the same value).
    pub(crate) fn default_value(&self, style: PreludeStyle) -> TokenStream {
        let_prelude!(style => DEFAULT);
        match &self.default_expr {
            Some(expr) => expr.clone(),
            None => quote!(#DEFAULT::default()),
        }
    }
}

/// The fields of a structure, as the plan decided them.
pub(crate) fn fields<'a>(ctx: &Ctx<'a>, shape: &'a Shape) -> Vec<Field<'a>> {
    let Some(planned) = ctx.plan.structures.get(&shape.id) else {
        return Vec::new();
    };
    shape.members().iter().zip(planned).map(|(member, plan)| field(member, plan, ctx.prelude)).collect()
}

/// One field's tokens.
fn field<'a>(member: &'a Member, plan: &'a FieldPlan, style: PreludeStyle) -> Field<'a> {
    let_prelude!(style => BOX);
    let target_ty = type_tokens(&plan.target_ty, style);
    let ty = if plan.boxed { quote!(#BOX<#target_ty>) } else { target_ty.clone() };
    Field {
        member,
        plan,
        ident: ident(&plan.name),
        ty,
        target_ty,
        elem_ty: plan.elem.as_ref().map(|(ty, _)| type_tokens(ty, style)),
        elem_repr: plan.elem.as_ref().map(|(_, repr)| *repr),
        key: plan.key.as_ref().map(|(ty, repr)| (type_tokens(ty, style), *repr)),
        default_expr: plan.default_value.as_ref().map(|value| default_tokens(value, style)),
    }
}

fn member_doc(ctx: &Ctx, field: &Field) -> TokenStream {
    let doc = field
        .member
        .traits
        .documentation
        .clone()
        .or_else(|| ctx.shape(&field.member.target).traits.documentation.clone());
    let mut tokens = match doc {
        Some(d) => docs::attrs(&d),
        None => docs::lines_to_attrs(&format!("The `{}` member.", field.member.name)),
    };
    if field.event_stream {
        tokens.extend(docs::lines_to_attrs(
            "\nAn event stream: feed the HTTP body's chunks to this decoder, which yields the\nstream's events.",
        ));
    } else if field.streaming {
        tokens.extend(docs::lines_to_attrs(
            "\nA streaming member: this is the raw HTTP body (for an event stream, its\nencoded frames), not decoded by this crate.",
        ));
    }
    let note = match &field.kind {
        FieldKind::Required => "This member is required.".to_string(),
        FieldKind::Default(v) => format!("Defaults to `{v}` when absent."),
        FieldKind::Optional => match &field.unset_default {
            Some(v) => format!(
                "Sent only when set, even to the model's default (`{v}`): a request without it\nlets the service apply its own default. A server reading such a request fills\nin the model's default."
            ),
            None => String::new(),
        },
    };
    if !note.is_empty() {
        tokens.extend(docs::lines_to_attrs(&format!("\n{note}")));
    }
    tokens
}

/// A manual `Debug` that redacts sensitive members; `None` when a derive will do.
fn debug_impl(name: &Ident, fields: &[Field], generics: TokenStream) -> Option<TokenStream> {
    if !fields.iter().any(|f| f.sensitive) {
        return None;
    }
    let type_name = name.to_string();
    let entries = fields.iter().map(|f| {
        let label = &f.name;
        let id = &f.ident;
        if f.sensitive {
            quote!(.field(#label, &"*** Sensitive Data Redacted ***"))
        } else {
            quote!(.field(#label, &self.#id))
        }
    });
    Some(quote! {
        impl #generics ::std::fmt::Debug for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct(#type_name) #(#entries)* .finish()
            }
        }
    })
}

fn getter(field: &Field, style: PreludeStyle) -> TokenStream {
    let_prelude!(style => OPTION);
    let id = &field.ident;
    let ty = &field.ty;
    let doc = match &field.member.traits.documentation {
        Some(d) => docs::attrs(d),
        None => docs::lines_to_attrs(&format!("The `{}` member.", field.member.name)),
    };
    // A recursive member is boxed; its getter lends the target itself
    // (`&T`, not `&Box<T>`: clippy's `borrowed_box`), as deref coercion allows.
    let target_ty = &field.target_ty;
    let body = match (&field.kind, field.repr) {
        (FieldKind::Optional, Repr::Named) if field.boxed => quote!(-> #OPTION<&#target_ty> { self.#id.as_deref() }),
        (_, Repr::Named) if field.boxed => quote!(-> &#target_ty { &self.#id }),
        (FieldKind::Optional, Repr::String) => quote!(-> #OPTION<&str> { self.#id.as_deref() }),
        (FieldKind::Optional, Repr::List) => {
            let elem = &field.elem_ty;
            quote!(-> &[#elem] { self.#id.as_deref().unwrap_or_default() })
        }
        (FieldKind::Optional, Repr::Copy) => quote!(-> #OPTION<#ty> { self.#id }),
        (FieldKind::Optional, _) => quote!(-> #OPTION<&#ty> { self.#id.as_ref() }),
        (_, Repr::String) => quote!(-> &str { &self.#id }),
        (_, Repr::Copy) => quote!(-> #ty { self.#id }),
        (_, Repr::List) => {
            let elem = &field.elem_ty;
            quote!(-> &[#elem] { &self.#id })
        }
        (_, _) => quote!(-> &#ty { &self.#id }),
    };
    quote! {
        #doc
        pub fn #id(&self) #body
    }
}

/// The `serialize_with` of a member in a private body type that holds
/// references (`Option<&f64>`, `&f32`, `Option<&Vec<DateTime>>`): the float
/// module's functions take references too, and the runtime's item forms
/// write through `Ref` (from the plan's [`SerdeWith`]).
pub(crate) fn borrowed_serializer(field: &Field) -> Option<String> {
    const FLOAT: &str = "::smithy_codegen_runtime::serde_support::float";
    let optional = field.kind == FieldKind::Optional;
    let by_reference = |form: WireForm| {
        let form = WireForm::Ref(Box::new(form));
        items_fn("serialize", &if optional { WireForm::Nullable(Box::new(form)) } else { form })
    };
    match &field.serde_with {
        Some(SerdeWith::Items(form)) => Some(by_reference(form.clone())),
        Some(SerdeWith::Scalar(module)) if *module == FLOAT => Some(match field.kind {
            FieldKind::Optional => format!("{module}::option::serialize"),
            _ => format!("{module}::serialize"),
        }),
        Some(SerdeWith::Scalar(module)) if module.ends_with("::date_time") => {
            Some(by_reference(WireForm::DateTimeText))
        }
        Some(SerdeWith::Scalar(module)) if module.ends_with("::http_date") => {
            Some(by_reference(WireForm::HttpDateText))
        }
        _ => None,
    }
}

/// The path of a runtime `serde_support::items` function (`serialize`,
/// `deserialize`, `deserialize_or_default`) for the wire form `form`.
fn items_fn(function: &str, form: &WireForm) -> String {
    format!("::smithy_codegen_runtime::serde_support::items::{function}::<{}, _, _>", wire_form_path(form))
}

pub(crate) fn serde_attrs(
    shape: &Shape,
    field: &Field,
    extra: &mut Vec<TokenStream>,
    style: PreludeStyle,
) -> TokenStream {
    let_prelude!(style => OPTION, RESULT, OK);
    if field.streaming {
        // The raw body is never part of a JSON document.
        return quote!(#[serde(skip)]);
    }
    let wire = &field.wire;
    let mut parts = vec![quote!(rename = #wire)];
    // Wire forms serde's own impls do not produce: text timestamps, and
    // doubles that JSON cannot spell.
    let special = field.serde_with.as_ref();
    if let Some(SerdeWith::Items(form)) = special {
        let (ser, de) = match field.kind {
            FieldKind::Optional => {
                parts.push(quote!(default));
                parts.push(quote!(skip_serializing_if = "::std::option::Option::is_none"));
                let form = WireForm::Nullable(Box::new(form.clone()));
                (items_fn("serialize", &form), items_fn("deserialize", &form))
            }
            FieldKind::Required => (items_fn("serialize", form), items_fn("deserialize", form)),
            // A list's or map's only default is the empty one, as is null.
            FieldKind::Default(_) => {
                parts.push(quote!(default));
                (items_fn("serialize", form), items_fn("deserialize_or_default", form))
            }
        };
        parts.push(quote!(serialize_with = #ser));
        parts.push(quote!(deserialize_with = #de));
        return quote!(#[serde(#(#parts),*)]);
    }
    if let Some(SerdeWith::Scalar(module)) = special {
        let path = match &field.kind {
            FieldKind::Optional => format!("{module}::option"),
            FieldKind::Required => module.to_string(),
            FieldKind::Default(_) if field.zero_default => {
                let ser = format!("{module}::serialize");
                let de = format!("{module}::option::deserialize_or_default");
                parts.push(quote!(default));
                parts.push(quote!(serialize_with = #ser));
                parts.push(quote!(deserialize_with = #de));
                return quote!(#[serde(#(#parts),*)]);
            }
            // Non-zero defaults: the generic path below, through the module.
            FieldKind::Default(_) => {
                let ser = format!("{module}::serialize");
                parts.push(quote!(serialize_with = #ser));
                String::new()
            }
        };
        if !path.is_empty() {
            parts.push(quote!(with = #path));
        }
    }
    match &field.kind {
        FieldKind::Optional => {
            parts.push(quote!(default));
            parts.push(quote!(skip_serializing_if = "::std::option::Option::is_none"));
        }
        FieldKind::Required => {}
        FieldKind::Default(_) => {
            if field.zero_default && !field.boxed {
                parts.push(quote!(default));
                parts.push(quote!(deserialize_with = "::smithy_codegen_runtime::serde_support::null_as_default"));
            } else {
                let expr = field.default_value(style);
                let ty = &field.ty;
                let base =
                    format!("__default_{}_{}", names::snake(shape.id.name()), field.name.trim_start_matches("r#"));
                let default_fn = format_ident!("{}", base);
                let de_fn = format_ident!("{}_or_null", base);
                let default_path = default_fn.to_string();
                let de_path = de_fn.to_string();
                let read_option = match special {
                    Some(SerdeWith::Scalar(module)) => {
                        let module: TokenStream = module.parse().expect("the runtime's module paths are Rust paths");
                        quote!(#module::option::deserialize(d)?)
                    }
                    _ => quote!(<#OPTION<#ty> as ::serde::Deserialize>::deserialize(d)?),
                };
                extra.push(quote! {
                    fn #default_fn() -> #ty { #expr }
                    fn #de_fn<'de, D: ::serde::Deserializer<'de>>(d: D) -> #RESULT<#ty, D::Error> {
                        #OK(#read_option.unwrap_or_else(#default_fn))
                    }
                });
                parts.push(quote!(default = #default_path));
                parts.push(quote!(deserialize_with = #de_path));
            }
        }
    }
    quote!(#[serde(#(#parts),*)])
}

/// Renders a structure and its builder.
pub(crate) fn render(ctx: &Ctx, shape: &Shape, home: &Home) -> (TokenStream, TokenStream) {
    let_prelude!(ctx.prelude => OPTION, DEFAULT);
    let fields = fields(ctx, shape);
    let name = ident(&home.name);
    let is_error = shape.traits.error.is_some();
    let mut extra = Vec::new();

    let doc = match &shape.traits.documentation {
        Some(d) => docs::attrs(d),
        None => docs::lines_to_attrs(&format!("The `{}` structure.", shape.id.name())),
    };
    let mut field_tokens = Vec::new();
    let mut wire_fields = Vec::new();
    for f in &fields {
        let fdoc = member_doc(ctx, f);
        let serde = serde_attrs(shape, f, &mut extra, ctx.prelude);
        let id = &f.ident;
        let ty = &f.ty;
        let ty = if f.kind == FieldKind::Optional { quote!(#OPTION<#ty>) } else { quote!(#ty) };
        let deprecated = deprecated_attr(&f.member.traits);
        field_tokens.push(quote! {
            #fdoc
            #deprecated
            pub #id: #ty,
        });
        wire_fields.push(quote! {
            #serde
            #id: #ty,
        });
    }
    let debug = debug_impl(&name, &fields, quote!());
    let derive_debug = if debug.is_some() { quote!() } else { quote!(Debug,) };
    // An error's `message` getter is the uniform `Option<&str>` one of `error_impls`.
    let getters = fields.iter().filter(|f| !(is_error && f.name == "message")).map(|f| getter(f, ctx.prelude));
    let builder_path = home.builder_path();
    let builder_doc = docs::lines_to_attrs(&format!("A builder for [`{}`].", home.name));

    let error_impls = match ctx.plan.errors.get(&shape.id) {
        Some(error) => error_impls(shape, &name, &fields, error, ctx.prelude),
        None => quote!(),
    };

    let wire = wire_serde(&name, &wire_fields, ctx.prelude);
    let deprecated = deprecated_attr(&shape.traits);
    let item = quote! {
        #doc
        #deprecated
        #[non_exhaustive]
        #[derive(#derive_debug Clone, PartialEq)]
        pub struct #name {
            #(#field_tokens)*
        }
        #wire
        impl #name {
            #(#getters)*
            #builder_doc
            pub fn builder() -> #builder_path {
                #DEFAULT::default()
            }
        }
        #debug
        #error_impls
        #(#extra)*
    };
    let builder = render_builder(home, &fields, ctx.prelude);
    (item, builder)
}

/// The structure's serde impls, through a private twin that carries the wire
/// names: serde's derives with `remote` write the code (as fast as a plain
/// derive), while the public type gets no inherent `serialize`/`deserialize`
/// of its own, and reads JSON objects only, never an array by position.
fn wire_serde(name: &Ident, wire_fields: &[TokenStream], style: PreludeStyle) -> TokenStream {
    let_prelude!(style => RESULT);
    let type_name = name.to_string();
    let wire = ident(&names::suffixed(&type_name, "Wire"));
    quote! {
        const _: () = {
            #[derive(::serde::Serialize, ::serde::Deserialize)]
            #[serde(remote = #type_name, rename = #type_name)]
            struct #wire {
                #(#wire_fields)*
            }
            impl ::serde::Serialize for #name {
                fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> #RESULT<S::Ok, S::Error> {
                    #wire::serialize(self, serializer)
                }
            }
            impl<'de> ::serde::Deserialize<'de> for #name {
                fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> #RESULT<Self, D::Error> {
                    #wire::deserialize(::smithy_codegen_runtime::serde_support::MapOnly(deserializer))
                }
            }
        };
    }
}

fn error_impls(shape: &Shape, name: &Ident, fields: &[Field], error: &ErrorPlan, style: PreludeStyle) -> TokenStream {
    let_prelude!(style => OPTION, SOME, NONE);
    let code = shape.id.name();
    let status = error.status;
    let message_body = match error.message.map(|i| &fields[i]) {
        Some(f) => {
            let id = &f.ident;
            if f.kind == FieldKind::Optional {
                quote!(self.#id.as_deref())
            } else {
                quote!(#SOME(self.#id.as_str()))
            }
        }
        _ => quote!(#NONE),
    };
    quote! {
        impl #name {
            /// The error code that identifies this error on the wire.
            pub const CODE: &'static str = #code;
            /// The HTTP status code the service answers this error with.
            pub const STATUS: u16 = #status;
            /// The error message, if the error carries one.
            pub fn message(&self) -> #OPTION<&str> { #message_body }
        }
        ::smithy_codegen_runtime::modeled_error!(#name);
    }
}

/// The parameter type of a builder method that takes one list element, map
/// key or map value, and the expression that stores `name`: strings are taken
/// as `impl Into<String>`, as aws-sdk-* builders take them.
fn element_param(
    ty: Option<&TokenStream>,
    repr: Option<Repr>,
    name: TokenStream,
    style: PreludeStyle,
) -> (TokenStream, TokenStream) {
    let_prelude!(style => STRING, INTO);
    match repr {
        Some(Repr::String) => (quote!(impl #INTO<#STRING>), quote!(#name.into())),
        _ => (quote!(#ty), name),
    }
}

/// A builder's methods for one field: the setter that takes a value (or
/// appends one element), `set_*` and `get_*`.
fn builder_methods(f: &Field, style: PreludeStyle) -> TokenStream {
    let_prelude!(style => OPTION, SOME, STRING, VEC, BOX, INTO);
    let id = &f.ident;
    let ty = &f.ty;
    let target_ty = &f.target_ty;
    let set = format_ident!("set_{}", f.name.trim_start_matches("r#"));
    let get = format_ident!("get_{}", f.name.trim_start_matches("r#"));
    let member = &f.member.name;
    let wrap = |v: TokenStream| if f.boxed { quote!(#BOX::new(#v)) } else { v };
    let setter = match f.repr {
        Repr::List => {
            let (elem, push) = element_param(f.elem_ty.as_ref(), f.elem_repr, quote!(input), style);
            let doc =
                docs::lines_to_attrs(&format!("Appends an item to `{member}`; use `{set}` to replace the whole list."));
            quote! {
                #doc
                pub fn #id(mut self, input: #elem) -> Self {
                    self.#id.get_or_insert_with(#VEC::new).push(#push);
                    self
                }
            }
        }
        Repr::Map => {
            let (key_ty, key) =
                element_param(f.key.as_ref().map(|k| &k.0), f.key.as_ref().map(|k| k.1), quote!(key), style);
            let (value_ty, value) = element_param(f.elem_ty.as_ref(), f.elem_repr, quote!(value), style);
            let doc = docs::lines_to_attrs(&format!(
                "Inserts an entry into `{member}`; use `{set}` to replace the whole map."
            ));
            quote! {
                #doc
                pub fn #id(mut self, key: #key_ty, value: #value_ty) -> Self {
                    self.#id.get_or_insert_with(::std::collections::HashMap::new).insert(#key, #value);
                    self
                }
            }
        }
        Repr::String => {
            let doc = docs::lines_to_attrs(&format!("Sets `{member}`."));
            quote! {
                #doc
                pub fn #id(mut self, input: impl #INTO<#STRING>) -> Self {
                    self.#id = #SOME(input.into());
                    self
                }
            }
        }
        _ => {
            let doc = docs::lines_to_attrs(&format!("Sets `{member}`."));
            let value = wrap(quote!(input));
            quote! {
                #doc
                pub fn #id(mut self, input: #target_ty) -> Self {
                    self.#id = #SOME(#value);
                    self
                }
            }
        }
    };
    let set_doc = docs::lines_to_attrs(&format!("Sets or clears `{member}`."));
    let get_doc = docs::lines_to_attrs(&format!("The value of `{member}` set so far."));
    quote! {
        #setter
        #set_doc
        pub fn #set(mut self, input: #OPTION<#ty>) -> Self {
            self.#id = input;
            self
        }
        #get_doc
        pub fn #get(&self) -> &#OPTION<#ty> {
            &self.#id
        }
    }
}

fn render_builder(home: &Home, fields: &[Field], style: PreludeStyle) -> TokenStream {
    let_prelude!(style => OPTION, RESULT, OK);
    let builder = ident(&names::suffixed(&home.name, "Builder"));
    let path = home.path();
    // Builders live in a `builders` child of their type's module.
    let doc = docs::lines_to_attrs(&format!("A builder for [`{}`](super::{}).", home.name, home.name));
    let builder_fields = fields.iter().map(|f| {
        let id = &f.ident;
        let ty = &f.ty;
        quote!(pub(crate) #id: #OPTION<#ty>,)
    });
    let methods: Vec<TokenStream> = fields.iter().map(|f| builder_methods(f, style)).collect();
    let fallible = fields.iter().any(|f| f.kind == FieldKind::Required);
    let shape_name = home.name.as_str();
    let shape_link = format!("[`{shape_name}`](super::{shape_name})");
    let mut inits = Vec::new();
    for f in fields {
        let id = &f.ident;
        let member = &f.member.name;
        let field_name = f.name.trim_start_matches("r#");
        let init = match &f.kind {
            FieldKind::Optional => quote!(self.#id),
            FieldKind::Required => quote! {
                self.#id.ok_or(crate::error::BuildError::missing(#shape_name, #member, #field_name))?
            },
            FieldKind::Default(v) => {
                if f.zero_default && !f.boxed {
                    quote!(self.#id.unwrap_or_default())
                } else {
                    let expr = f.default_value(style);
                    if v.is_number() || v.is_boolean() {
                        quote!(self.#id.unwrap_or(#expr))
                    } else {
                        quote!(self.#id.unwrap_or_else(|| #expr))
                    }
                }
            }
        };
        inits.push(quote!(#id: #init,));
    }
    let build = if fallible {
        let doc = docs::lines_to_attrs(&format!(
            "Builds a {shape_link}; fails with [`BuildError`](crate::error::BuildError) naming the first required member that is not set."
        ));
        quote! {
            #doc
            pub fn build(self) -> #RESULT<#path, crate::error::BuildError> {
                #OK(#path { #(#inits)* })
            }
        }
    } else {
        let doc = docs::lines_to_attrs(&format!("Builds a {shape_link}."));
        quote! {
            #doc
            pub fn build(self) -> #path {
                #path { #(#inits)* }
            }
        }
    };
    let debug = debug_impl(&builder, fields, quote!());
    let derive_debug = if debug.is_some() { quote!() } else { quote!(Debug,) };
    quote! {
        #doc
        #[non_exhaustive]
        #[derive(#derive_debug Clone, PartialEq, Default)]
        pub struct #builder {
            #(#builder_fields)*
        }
        impl #builder {
            #(#methods)*
            #build
        }
        #debug
    }
}

//! Structures: the type, its getters, serde attributes, `Debug` (with redaction)
//! and its builder.

use super::prelude::*;
use std::collections::BTreeMap;

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};
use serde_json::Value;

use super::types::{default_expr, is_zero_default, map_key_type, rust_type, Repr};
use super::{deprecated_attr, docs, ident, names, Ctx, Home};
use crate::error::Error;
use crate::ir::{Member, Shape, ShapeId, ShapeKind};

/// How a member is held in its structure.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum FieldKind {
    /// `required` without a default: a plain field that builders must set.
    Required,
    /// A model default: a plain field that starts at the default (but see
    /// [`unset_default`] for operation inputs).
    Default(Value),
    /// Anything else, and operation-input members whose default the caller may
    /// leave unset: `Option<T>`.
    Optional,
}

/// One member of a structure, with everything the renderers need.
#[derive(Clone)]
pub(crate) struct Field<'a> {
    pub member: &'a Member,
    /// The member's id, `ns#Shape$Member`, for messages.
    pub at: String,
    pub ident: Ident,
    pub name: String,
    pub wire: String,
    /// The member's Rust type without `Option` (boxed where recursive).
    pub ty: TokenStream,
    /// The unboxed target type.
    pub target_ty: TokenStream,
    pub repr: Repr,
    /// The element type of a list, or the value type of a map.
    pub elem_ty: Option<TokenStream>,
    /// How the element or value type is represented.
    pub elem_repr: Option<Repr>,
    /// The key type of a map, and how it is represented.
    pub key: Option<(TokenStream, Repr)>,
    pub kind: FieldKind,
    pub sensitive: bool,
    pub boxed: bool,
    /// A streaming blob or event stream, carried as the raw HTTP body.
    pub streaming: bool,
    /// The model default of an `Optional` member that has one (see
    /// [`unset_default`]): left out of requests until the caller sets it,
    /// filled in by the server when a request leaves it out.
    pub unset_default: Option<Value>,
}

/// Whether a member with a model default is held as `Option<T>` instead of
/// starting at its default: a top-level member of an operation's input that is
/// not `required`.
///
/// A request carries such a member only when the caller set it, even to the
/// default, as the Smithy specification and its compliance suite ask
/// (`RestJsonClientSkipsTopLevelDefaultValuesInInput`): the service may change
/// the default, and a client that sent the old one would pin its callers to
/// it. Nested structures, outputs and errors keep the default as a plain value.
pub(crate) fn unset_default(ctx: &Ctx, shape: &Shape, member: &Member) -> bool {
    ctx.operation_inputs.contains(&shape.id) && !member.traits.required
}

/// Whether a target is sensitive, looking through lists and maps.
pub(crate) fn is_sensitive(ctx: &Ctx, member: &Member) -> bool {
    if member.traits.sensitive {
        return true;
    }
    let mut target = &member.target;
    loop {
        let shape = ctx.shape(target);
        if shape.traits.sensitive {
            return true;
        }
        match &shape.kind {
            ShapeKind::List(m) | ShapeKind::Map { value: m, .. } => {
                if m.traits.sensitive {
                    return true;
                }
                target = &m.target;
            }
            _ => return false,
        }
    }
}

/// Whether `target` leads back to `owner` through structure or union members
/// only (lists and maps already allocate, so they need no box).
pub(crate) fn is_recursive(ctx: &Ctx, owner: &ShapeId, target: &ShapeId) -> bool {
    let mut stack = vec![target];
    let mut seen = std::collections::BTreeSet::new();
    while let Some(id) = stack.pop() {
        if id == owner {
            return true;
        }
        if !seen.insert(id) {
            continue;
        }
        stack.extend(ctx.shape(id).members().iter().map(|m| &m.target));
    }
    false
}

/// The fields of a structure; member names that collide after conversion are an error.
pub(crate) fn fields<'a>(ctx: &Ctx, shape: &'a Shape) -> Result<Vec<Field<'a>>, Error> {
    let mut out = Vec::new();
    let mut taken: BTreeMap<String, &str> = BTreeMap::new();
    let mut wire_names: BTreeMap<String, &str> = BTreeMap::new();
    for member in shape.members() {
        let wire = member.traits.json_name.as_deref().unwrap_or(&member.name);
        if let Some(other) = wire_names.insert(wire.to_string(), &member.name) {
            return Err(Error::at(
                shape.id.member(&member.name),
                format!("its JSON name `{wire}` is also the JSON name of `{other}`"),
            ));
        }
        let at = shape.id.member(&member.name);
        let name = names::member(&member.name);
        if let Some(other) = taken.insert(name.clone(), &member.name) {
            return Err(Error::at(
                at,
                format!("member name collides with `{other}`: both become the Rust field `{name}`"),
            ));
        }
        let target = ctx.shape(&member.target);
        // Streaming blobs and event streams are carried as the raw body.
        let streaming = member.traits.streaming || target.traits.streaming;
        let (target_ty, repr) = if streaming {
            (quote!(crate::primitives::Blob), Repr::Named)
        } else {
            rust_type(ctx, &member.target, &at)?
        };
        let default = member.traits.default.clone().or_else(|| target.traits.default.clone());
        let default = default.filter(|v| !v.is_null());
        let unset_default = default.clone().filter(|_| unset_default(ctx, shape, member));
        let kind = match default {
            Some(_) if unset_default.is_some() => FieldKind::Optional,
            Some(v) => FieldKind::Default(v),
            None if member.traits.required => FieldKind::Required,
            None => FieldKind::Optional,
        };
        let (elem_ty, elem_repr) = match &target.kind {
            ShapeKind::List(m) | ShapeKind::Map { value: m, .. } if !streaming => {
                let (ty, repr) = rust_type(ctx, &m.target, &at)?;
                (Some(ty), Some(repr))
            }
            _ => (None, None),
        };
        let key = match &target.kind {
            ShapeKind::Map { key, .. } if !streaming => Some(map_key_type(ctx, &key.target, &at)?),
            _ => None,
        };
        let boxed = repr == Repr::Named && is_recursive(ctx, &shape.id, &member.target);
        let ty = if boxed { quote!(#BOX<#target_ty>) } else { target_ty.clone() };
        out.push(Field {
            member,
            at: at.clone(),
            ident: ident(&name),
            name,
            wire: member.traits.json_name.clone().unwrap_or_else(|| member.name.clone()),
            ty,
            target_ty,
            repr,
            elem_ty,
            elem_repr,
            key,
            kind,
            sensitive: is_sensitive(ctx, member),
            boxed,
            streaming,
            unset_default,
        });
    }
    Ok(out)
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
    if field.streaming {
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

fn getter(field: &Field) -> TokenStream {
    let id = &field.ident;
    let ty = &field.ty;
    let doc = match &field.member.traits.documentation {
        Some(d) => docs::attrs(d),
        None => docs::lines_to_attrs(&format!("The `{}` member.", field.member.name)),
    };
    let body = match (&field.kind, field.repr) {
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

/// How a member's JSON form departs from its type's own serde impl.
#[derive(Clone, Copy)]
enum SerdeWith {
    /// A runtime `serde_support` module with `serialize`/`deserialize` for `T` and an
    /// `option` child for `Option<T>`.
    Scalar(&'static str),
    /// A runtime `serde_support` module for an optional collection (`Option<Vec<T>>`,
    /// `Option<HashMap<String, T>>`) of such scalars.
    Collection(&'static str),
}

/// The runtime `serde_support` module a member needs for its JSON form, if any.
fn special_serde_module(ctx: &Ctx, field: &Field) -> Result<Option<SerdeWith>, Error> {
    let target = ctx.shape(&field.member.target);
    let module_for = |shape: &crate::ir::Shape, format: Option<&String>| match &shape.kind {
        ShapeKind::Simple(crate::ir::Simple::Double | crate::ir::Simple::Float) => {
            Some("::smithy_codegen_runtime::serde_support::float")
        }
        ShapeKind::Simple(crate::ir::Simple::Timestamp) => match format.map(String::as_str) {
            Some("date-time") => Some("::smithy_codegen_runtime::serde_support::date_time"),
            Some("http-date") => Some("::smithy_codegen_runtime::serde_support::http_date"),
            _ => None,
        },
        _ => None,
    };
    let format = field.member.traits.timestamp_format.as_ref().or(target.traits.timestamp_format.as_ref());
    if let Some(module) = module_for(target, format) {
        return Ok(Some(SerdeWith::Scalar(module)));
    }
    // Inside lists and maps the element's own serde impl is used; formats it
    // cannot express are refused rather than written wrongly.
    if let ShapeKind::List(m) | ShapeKind::Map { value: m, .. } = &target.kind {
        let inner = ctx.shape(&m.target);
        let doubles = matches!(inner.kind, ShapeKind::Simple(crate::ir::Simple::Double | crate::ir::Simple::Float));
        if doubles && field.kind == FieldKind::Optional {
            return Ok(Some(SerdeWith::Collection(if matches!(target.kind, ShapeKind::List(_)) {
                "::smithy_codegen_runtime::serde_support::float::list"
            } else {
                "::smithy_codegen_runtime::serde_support::float::map"
            })));
        }
        let format = m.traits.timestamp_format.as_ref().or(inner.traits.timestamp_format.as_ref());
        if module_for(inner, format).is_some() {
            return Err(Error::Unsupported {
                at: field.at.clone(),
                what: "lists or maps of doubles or of text-format timestamps".into(),
            });
        }
    }
    Ok(None)
}

/// The `serialize_with` of a float member in a private body type that holds
/// references (`Option<&f64>`, `&f32`, `Option<&Vec<f64>>`): the float
/// module's functions take references too.
pub(crate) fn borrowed_float_serializer(ctx: &Ctx, field: &Field) -> Result<Option<String>, Error> {
    const FLOAT: &str = "::smithy_codegen_runtime::serde_support::float";
    Ok(match special_serde_module(ctx, field)? {
        Some(SerdeWith::Collection(module)) if module.starts_with(FLOAT) => Some(format!("{module}::serialize")),
        Some(SerdeWith::Scalar(module)) if module == FLOAT => Some(match field.kind {
            FieldKind::Optional => format!("{module}::option::serialize"),
            _ => format!("{module}::serialize"),
        }),
        _ => None,
    })
}

pub(crate) fn serde_attrs(
    ctx: &Ctx,
    shape: &Shape,
    field: &Field,
    extra: &mut Vec<TokenStream>,
) -> Result<TokenStream, Error> {
    if field.streaming {
        // The raw body is never part of a JSON document.
        return Ok(quote!(#[serde(skip)]));
    }
    let wire = &field.wire;
    let mut parts = vec![quote!(rename = #wire)];
    // Wire forms serde's own impls do not produce: text timestamps, and
    // doubles that JSON cannot spell.
    let special = special_serde_module(ctx, field)?;
    if let Some(SerdeWith::Collection(module)) = special {
        parts.push(quote!(with = #module));
        parts.push(quote!(default));
        parts.push(quote!(skip_serializing_if = "::std::option::Option::is_none"));
        return Ok(quote!(#[serde(#(#parts),*)]));
    }
    if let Some(SerdeWith::Scalar(module)) = special {
        let path = match &field.kind {
            FieldKind::Optional => format!("{module}::option"),
            FieldKind::Required => module.to_string(),
            FieldKind::Default(v) if is_zero_default(ctx, &field.member.target, v) => {
                let ser = format!("{module}::serialize");
                let de = format!("{module}::option::deserialize_or_default");
                parts.push(quote!(default));
                parts.push(quote!(serialize_with = #ser));
                parts.push(quote!(deserialize_with = #de));
                return Ok(quote!(#[serde(#(#parts),*)]));
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
        FieldKind::Default(v) => {
            if is_zero_default(ctx, &field.member.target, v) && !field.boxed {
                parts.push(quote!(default));
                parts.push(quote!(deserialize_with = "::smithy_codegen_runtime::serde_support::null_as_default"));
            } else {
                let at = shape.id.member(&field.member.name);
                let expr = default_expr(ctx, &field.member.target, v, &at)?;
                let ty = &field.ty;
                let base =
                    format!("__default_{}_{}", names::snake(shape.id.name()), field.name.trim_start_matches("r#"));
                let default_fn = format_ident!("{}", base);
                let de_fn = format_ident!("{}_or_null", base);
                let default_path = default_fn.to_string();
                let de_path = de_fn.to_string();
                let read_option = match special {
                    Some(SerdeWith::Scalar(module)) => {
                        let module: TokenStream = module.parse().map_err(|_| Error::Render(module.to_string()))?;
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
    Ok(quote!(#[serde(#(#parts),*)]))
}

/// Renders a structure and its builder.
pub(crate) fn render(ctx: &Ctx, shape: &Shape, home: &Home) -> Result<(TokenStream, TokenStream), Error> {
    let fields = fields(ctx, shape)?;
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
        let serde = serde_attrs(ctx, shape, f, &mut extra)?;
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
    let getters = fields.iter().filter(|f| !(is_error && f.name == "message")).map(getter);
    let builder_path = home.builder_path();
    let builder_doc = docs::lines_to_attrs(&format!("A builder for [`{}`].", home.name));

    let error_impls = if is_error { error_impls(shape, &name, &fields) } else { quote!() };

    let wire = wire_serde(&name, &wire_fields);
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
    let builder = render_builder(ctx, shape, home, &fields)?;
    Ok((item, builder))
}

/// The structure's serde impls, through a private twin that carries the wire
/// names: serde's derives with `remote` write the code (as fast as a plain
/// derive), while the public type gets no inherent `serialize`/`deserialize`
/// of its own, and reads JSON objects only, never an array by position.
fn wire_serde(name: &Ident, wire_fields: &[TokenStream]) -> TokenStream {
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

fn error_impls(shape: &Shape, name: &Ident, fields: &[Field]) -> TokenStream {
    let code = shape.id.name();
    let status = shape.traits.http_error.unwrap_or(match shape.traits.error {
        Some(crate::traits::Fault::Server) => 500,
        _ => 400,
    });
    let message_field = fields.iter().find(|f| f.member.name.eq_ignore_ascii_case("message"));
    let message_body = match message_field {
        Some(f) if f.repr == Repr::String => {
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
fn element_param(ty: Option<&TokenStream>, repr: Option<Repr>, name: TokenStream) -> (TokenStream, TokenStream) {
    match repr {
        Some(Repr::String) => (quote!(impl #INTO<#STRING>), quote!(#name.into())),
        _ => (quote!(#ty), name),
    }
}

fn render_builder(ctx: &Ctx, shape: &Shape, home: &Home, fields: &[Field]) -> Result<TokenStream, Error> {
    let builder = ident(&names::suffixed(&home.name, "Builder"));
    let path = home.path();
    // Builders live in a `builders` child of their type's module.
    let doc = docs::lines_to_attrs(&format!("A builder for [`{}`](super::{}).", home.name, home.name));
    let builder_fields = fields.iter().map(|f| {
        let id = &f.ident;
        let ty = &f.ty;
        quote!(pub(crate) #id: #OPTION<#ty>,)
    });
    let mut methods = Vec::new();
    for f in fields {
        let id = &f.ident;
        let ty = &f.ty;
        let target_ty = &f.target_ty;
        let set = format_ident!("set_{}", f.name.trim_start_matches("r#"));
        let get = format_ident!("get_{}", f.name.trim_start_matches("r#"));
        let member = &f.member.name;
        let wrap = |v: TokenStream| if f.boxed { quote!(#BOX::new(#v)) } else { v };
        let setter = match f.repr {
            Repr::List => {
                let (elem, push) = element_param(f.elem_ty.as_ref(), f.elem_repr, quote!(input));
                let doc = docs::lines_to_attrs(&format!(
                    "Appends an item to `{member}`; use `{set}` to replace the whole list."
                ));
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
                    element_param(f.key.as_ref().map(|k| &k.0), f.key.as_ref().map(|k| k.1), quote!(key));
                let (value_ty, value) = element_param(f.elem_ty.as_ref(), f.elem_repr, quote!(value));
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
        methods.push(quote! {
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
        });
    }
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
                if is_zero_default(ctx, &f.member.target, v) && !f.boxed {
                    quote!(self.#id.unwrap_or_default())
                } else {
                    let at = shape.id.member(member);
                    let expr = default_expr(ctx, &f.member.target, v, &at)?;
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
    Ok(quote! {
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
    })
}

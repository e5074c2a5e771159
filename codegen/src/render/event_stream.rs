//! Event streams: the `@streaming` unions, as typed events over the runtime's
//! framing (`smithy_codegen_runtime::event_stream`).
//!
//! [`plan`] decides, per union, which members are events and which errors,
//! and where each event member travels (a header, the payload, or the JSON
//! payload of the rest); the printers below only write that plan out. The
//! union's enum keeps its events plus an `Unknown` variant; its errors become
//! `types::error::<Union>Error`, as in aws-sdk-*.

use super::prelude::*;
use proc_macro2::TokenStream;
use quote::quote;

use super::structure::{fields, Field, FieldKind};
use super::types::{default_expr, rust_type};
use super::{docs, ident, names, Ctx, Home, Place};
use crate::error::Error;
use crate::ir::{Shape, ShapeId, ShapeKind, Simple};

/// The Rust path of the runtime module, as generated code names it.
const RUNTIME: &str = "::smithy_codegen_runtime::event_stream";

fn runtime() -> TokenStream {
    RUNTIME.parse().expect("a path")
}

/// How one `@streaming` union travels: decided before anything is printed.
#[derive(Debug, Clone)]
pub(crate) struct StreamPlan {
    /// The union's Rust name (`InvokeWithResponseStreamResponseEvent`).
    pub name: String,
    /// The error enum's Rust name (`<Union>Error`, in `types::error`).
    pub error_name: String,
    /// Members that are events, in model order.
    pub events: Vec<EventPlan>,
    /// Members that are modeled errors (targets with `@error`), in model order.
    pub errors: Vec<ErrorPlan>,
}

/// One event: a union member whose target is a structure.
#[derive(Debug, Clone)]
pub(crate) struct EventPlan {
    /// The `:event-type`: the member's name.
    pub event_type: String,
    pub variant: String,
    pub target: ShapeId,
    /// `@eventHeader` members, by field name: each a header named as the member.
    pub headers: Vec<HeaderPlan>,
    /// The `@eventPayload` member (field name, and how it is written).
    pub payload: Option<(String, PayloadForm)>,
    /// JSON names of the members that the JSON payload holds when there is
    /// no `@eventPayload` (all but the headers), in declaration order.
    pub body_json_names: Vec<String>,
}

/// One `@eventHeader` member.
#[derive(Debug, Clone)]
pub(crate) struct HeaderPlan {
    pub field: String,
    /// The header's name: the member's name.
    pub header: String,
    pub kind: FieldKind,
    /// The member's JSON name (for the placeholder of a required header).
    pub json_name: String,
    pub form: HeaderForm,
}

/// How a header's value converts.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum HeaderForm {
    /// Through the runtime's `HeaderType` for this Rust type.
    Value(HeaderScalar),
    /// A string enum: the enum's `as_str` and `From<&str>`.
    Enum,
    /// An intEnum (a newtype of `i32`, this shape): an `i32` header.
    IntEnum(ShapeId),
}

/// The Rust types that the runtime converts to and from headers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum HeaderScalar {
    Bool,
    Byte,
    Short,
    Integer,
    Long,
    Blob,
    String,
    /// With the member's JSON timestamp format, for placeholders.
    Timestamp(TimestampJson),
}

/// How the enclosing structure writes a timestamp member in JSON.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum TimestampJson {
    EpochSeconds,
    DateTime,
    HttpDate,
}

/// How an `@eventPayload` member is written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum PayloadForm {
    /// Raw bytes (`application/octet-stream`).
    Blob,
    /// UTF-8 text (`text/plain`); `true` for a string enum.
    Text { is_enum: bool },
    /// A structure or union as JSON (`application/json`).
    Json,
}

/// One modeled error of a stream.
#[derive(Debug, Clone)]
pub(crate) struct ErrorPlan {
    /// The `:exception-type`: the member's name.
    pub exception_type: String,
    pub variant: String,
    pub target: ShapeId,
}

/// Decides how the `@streaming` union `shape` travels.
pub(crate) fn plan(ctx: &Ctx, shape: &Shape, home: &Home) -> Result<StreamPlan, Error> {
    let mut events = Vec::new();
    let mut errors = Vec::new();
    let mut taken = std::collections::BTreeMap::new();
    for member in shape.members() {
        let at = shape.id.member(&member.name);
        let target = ctx.shape(&member.target);
        let mut variant = names::variant(&member.name);
        // `Unhandled` is taken by the error enum's fallback (as `names::variant` keeps `Unknown` free).
        if target.traits.error.is_some() && matches!(variant.as_str(), "Unhandled" | "UnhandledValue") {
            variant.push_str(if variant == "Unhandled" { "Value" } else { "_" });
        }
        if let Some(other) = taken.insert(variant.clone(), member.name.clone()) {
            return Err(Error::at(
                at,
                format!("union member collides with `{other}`: both become the variant `{variant}`"),
            ));
        }
        if !matches!(target.kind, ShapeKind::Structure(_)) {
            return Err(Error::at(
                at,
                format!(
                    "an event-stream member must target a structure; this one targets `{}`",
                    target.kind.type_name()
                ),
            ));
        }
        if target.traits.error.is_some() {
            errors.push(ErrorPlan { exception_type: member.name.clone(), variant, target: member.target.clone() });
        } else {
            events.push(plan_event(ctx, target, member.name.clone(), variant)?);
        }
    }
    Ok(StreamPlan { name: home.name.clone(), error_name: names::suffixed(&home.name, "Error"), events, errors })
}

fn plan_event(ctx: &Ctx, target: &Shape, event_type: String, variant: String) -> Result<EventPlan, Error> {
    let mut headers = Vec::new();
    let mut payload = None;
    for f in fields(ctx, target)? {
        let traits = &f.member.traits;
        if traits.has("smithy.api#eventHeader") {
            headers.push(HeaderPlan {
                field: f.name.clone(),
                header: f.member.name.clone(),
                kind: f.kind.clone(),
                json_name: f.wire.clone(),
                form: header_form(ctx, &f)?,
            });
        } else if traits.has("smithy.api#eventPayload") {
            let form = match &ctx.shape(&f.member.target).kind {
                ShapeKind::Simple(Simple::Blob) => PayloadForm::Blob,
                ShapeKind::Simple(Simple::String) => PayloadForm::Text { is_enum: false },
                ShapeKind::Enum(_) => PayloadForm::Text { is_enum: true },
                ShapeKind::Structure(_) | ShapeKind::Union(_) => PayloadForm::Json,
                other => {
                    return Err(Error::at(
                        f.at.clone(),
                        format!(
                            "an `@eventPayload` member must target a blob, string, structure or union; this one targets `{}`",
                            other.type_name()
                        ),
                    ))
                }
            };
            if payload.is_some() {
                return Err(Error::at(f.at.clone(), "a second `@eventPayload` member; an event has at most one"));
            }
            payload = Some((f.name.clone(), form));
        }
    }
    if payload.is_some() {
        let all = fields(ctx, target)?;
        let loose = all.iter().find(|f| {
            !f.member.traits.has("smithy.api#eventHeader") && !f.member.traits.has("smithy.api#eventPayload")
        });
        if let Some(f) = loose {
            return Err(Error::at(
                f.at.clone(),
                "beside an `@eventPayload` member, every member must be an `@eventHeader`",
            ));
        }
    }
    let body_json_names = fields(ctx, target)?
        .iter()
        .filter(|f| !f.member.traits.has("smithy.api#eventHeader"))
        .map(|f| f.wire.clone())
        .collect();
    Ok(EventPlan { event_type, variant, target: target.id.clone(), headers, payload, body_json_names })
}

fn header_form(ctx: &Ctx, f: &Field) -> Result<HeaderForm, Error> {
    let target = ctx.shape(&f.member.target);
    let format = f.member.traits.timestamp_format.as_deref().or(target.traits.timestamp_format.as_deref());
    Ok(HeaderForm::Value(match &target.kind {
        ShapeKind::Enum(_) => return Ok(HeaderForm::Enum),
        ShapeKind::IntEnum(_) => return Ok(HeaderForm::IntEnum(f.member.target.clone())),
        ShapeKind::Simple(Simple::Boolean) => HeaderScalar::Bool,
        ShapeKind::Simple(Simple::Byte) => HeaderScalar::Byte,
        ShapeKind::Simple(Simple::Short) => HeaderScalar::Short,
        ShapeKind::Simple(Simple::Integer) => HeaderScalar::Integer,
        ShapeKind::Simple(Simple::Long) => HeaderScalar::Long,
        ShapeKind::Simple(Simple::Blob) => HeaderScalar::Blob,
        ShapeKind::Simple(Simple::String) => HeaderScalar::String,
        ShapeKind::Simple(Simple::Timestamp) => HeaderScalar::Timestamp(match format {
            Some("date-time") => TimestampJson::DateTime,
            Some("http-date") => TimestampJson::HttpDate,
            _ => TimestampJson::EpochSeconds,
        }),
        other => {
            return Err(Error::at(
                f.at.clone(),
                format!(
                    "an `@eventHeader` member must target a boolean, byte, short, integer, long, blob, string, \
                     enum, intEnum or timestamp; this one targets `{}`",
                    other.type_name()
                ),
            ))
        }
    }))
}

/// Renders the union's enum and its `EventUnion` impl.
pub(crate) fn render_union(ctx: &Ctx, shape: &Shape, home: &Home) -> Result<TokenStream, Error> {
    let plan = plan(ctx, shape, home)?;
    let rt = runtime();
    let name = ident(&plan.name);
    let error_path = error_path(&plan);
    let doc = match &shape.traits.documentation {
        Some(d) => docs::attrs(d),
        None => docs::lines_to_attrs(&format!("The events of the `{}` stream.", shape.id.name())),
    };
    let stream_doc = docs::lines_to_attrs(&format!(
        "\nAn event stream: [`EventDecoder`]({RUNTIME}::EventDecoder) decodes its frames into these \
         events (and [`{}`]({}) errors), [`EventEncoder`]({RUNTIME}::EventEncoder) writes them.",
        plan.error_name,
        error_link(&plan)
    ));
    let mut variants = Vec::new();
    let mut accessors = Vec::new();
    let mut decode_arms = Vec::new();
    let mut encode_arms = Vec::new();
    for event in &plan.events {
        let member = shape.members().iter().find(|m| m.name == event.event_type).expect("planned from the members");
        let (ty, _) = rust_type(ctx, &event.target, &shape.id.member(&member.name))?;
        let variant = ident(&event.variant);
        let vdoc = match member.traits.documentation.as_ref().or(ctx.shape(&event.target).traits.documentation.as_ref())
        {
            Some(d) => docs::attrs(d),
            None => docs::lines_to_attrs(&format!("The `{}` event.", event.event_type)),
        };
        variants.push(quote!(#vdoc #variant(#ty),));
        let as_fn = ident(&format!("as_{}", names::snake(&event.variant)));
        let is_fn = ident(&format!("is_{}", names::snake(&event.variant)));
        let as_doc =
            docs::lines_to_attrs(&format!("The `{}` event, or `Err(self)` for another one.", event.event_type));
        let is_doc = docs::lines_to_attrs(&format!("Whether this is a `{}` event.", event.event_type));
        accessors.push(quote! {
            #as_doc
            pub fn #as_fn(&self) -> #RESULT<&#ty, &Self> {
                if let #name::#variant(value) = self { #OK(value) } else { #ERR(self) }
            }
            #is_doc
            pub fn #is_fn(&self) -> bool {
                self.#as_fn().is_ok()
            }
        });
        let event_type = &event.event_type;
        let decode = decode_event(ctx, event, &ty)?;
        decode_arms.push(quote!(#event_type => Self::#variant(#decode),));
        let encode = encode_event(ctx, event)?;
        // An event without members writes nothing of it.
        let binding = if event.headers.is_empty() && event.payload.is_none() && event.body_json_names.is_empty() {
            quote!(_)
        } else {
            quote!(event)
        };
        encode_arms.push(quote!(Self::#variant(#binding) => #encode,));
    }
    // A union without events knows no event type.
    let decode_body = if plan.events.is_empty() {
        quote! {
            let _ = (event_type, message);
            #OK(#NONE)
        }
    } else {
        quote! {
            #OK(#SOME(match event_type {
                #(#decode_arms)*
                _ => return #OK(#NONE),
            }))
        }
    };
    Ok(quote! {
        #doc
        #stream_doc
        #[non_exhaustive]
        #[derive(Debug, Clone, PartialEq)]
        pub enum #name {
            #(#variants)*
            /// An event of a type this version of the crate does not know, kept
            /// with its type and whole message (re-encoded byte for byte).
            Unknown(#rt::UnknownEvent),
        }
        impl #name {
            #(#accessors)*
            /// Whether the event is of a type this version does not know.
            pub fn is_unknown(&self) -> bool {
                ::std::matches!(self, Self::Unknown(_))
            }
        }
        impl #rt::EventUnion for #name {
            type Error = #error_path;
            fn decode_event(
                event_type: &str,
                message: &#rt::Message<'_>,
            ) -> #RESULT<#OPTION<Self>, #rt::EventDecodeError> {
                #decode_body
            }
            fn from_unknown(event: #rt::UnknownEvent) -> Self {
                Self::Unknown(event)
            }
            fn encode_event(&self) -> #RESULT<#rt::Message<'static>, #rt::EncodeError> {
                match self {
                    #(#encode_arms)*
                    Self::Unknown(event) => #OK(event.message().clone()),
                }
            }
        }
    })
}

fn error_path(plan: &StreamPlan) -> TokenStream {
    let name = ident(&plan.error_name);
    quote!(crate::types::error::#name)
}

fn error_link(plan: &StreamPlan) -> String {
    format!("crate::types::error::{}", plan.error_name)
}

/// The expression that reads one event's structure from `message`.
fn decode_event(ctx: &Ctx, event: &EventPlan, ty: &TokenStream) -> Result<TokenStream, Error> {
    let rt = runtime();
    let event_type = &event.event_type;
    let target = ctx.shape(&event.target);
    let Some((payload_field, form)) = &event.payload else {
        // The JSON payload holds every member but the headers; required
        // headers get a placeholder there, overwritten below.
        let placeholders = event.headers.iter().filter(|h| h.kind == FieldKind::Required).map(|h| {
            let json_name = &h.json_name;
            let value = placeholder(&h.form);
            quote!((#json_name, #value))
        });
        let mut sets = Vec::new();
        for h in &event.headers {
            let field = ident(&h.field);
            let read = read_header(ctx, h)?;
            sets.push(match &h.kind {
                FieldKind::Required | FieldKind::Optional => quote!(event.#field = #read;),
                FieldKind::Default(_) => quote!(if let #SOME(value) = #read { event.#field = value; }),
            });
        }
        let read = quote!(#rt::json_payload(message, #event_type, &[#(#placeholders),*])?);
        if event.headers.is_empty() {
            return Ok(read);
        }
        return Ok(quote!({
            let mut event: #ty = #read;
            #(#sets)*
            event
        }));
    };
    // With an `@eventPayload`, every other member is a header.
    let mut inits = Vec::new();
    for h in &event.headers {
        let field = ident(&h.field);
        let read = read_header(ctx, h)?;
        let value = match &h.kind {
            FieldKind::Optional | FieldKind::Required => read,
            FieldKind::Default(v) => {
                let member = target.members().iter().find(|m| names::member(&m.name) == h.field).expect("a member");
                let at = target.id.member(&member.name);
                let default = default_expr(ctx, &member.target, v, &at)?;
                quote!(#read.unwrap_or_else(|| #default))
            }
        };
        inits.push(quote!(#field: #value,));
    }
    let payload_fields = fields(ctx, target)?;
    let f = payload_fields.iter().find(|f| &f.name == payload_field).expect("the payload member");
    let target_ty = &f.target_ty;
    let read = match form {
        PayloadForm::Blob => quote!(crate::primitives::Blob::new(message.payload())),
        PayloadForm::Text { is_enum: false } => quote!(#rt::text_payload(message, #event_type)?),
        PayloadForm::Text { is_enum: true } => {
            quote!(<#target_ty>::from(#rt::text_payload(message, #event_type)?.as_str()))
        }
        PayloadForm::Json => quote!(#rt::json_member::<#target_ty>(message, #event_type)?),
    };
    let read = if f.boxed { quote!(#BOX::new(#read)) } else { read };
    let read = match (&f.kind, form) {
        // An empty payload is an absent member, except for bytes (as aws-sdk-* reads them).
        (FieldKind::Optional, PayloadForm::Blob) => quote!(#SOME(#read)),
        (FieldKind::Optional, _) => quote!(if message.payload().is_empty() { #NONE } else { #SOME(#read) }),
        _ => read,
    };
    let field = ident(payload_field);
    inits.push(quote!(#field: #read,));
    Ok(quote!(#ty { #(#inits)* }))
}

/// A header's value as its member holds it: `Option<T>`, or `T` when required.
fn read_header(ctx: &Ctx, h: &HeaderPlan) -> Result<TokenStream, Error> {
    let rt = runtime();
    let header = &h.header;
    let required = h.kind == FieldKind::Required;
    Ok(match &h.form {
        HeaderForm::IntEnum(target) => {
            let (ty, _) = rust_type(ctx, target, target.as_str())?;
            if required {
                quote!(#ty(#rt::required_header(message, #header, event_type)?))
            } else {
                quote!(#rt::header(message, #header, event_type)?.map(#ty))
            }
        }
        HeaderForm::Value(_) if required => quote!(#rt::required_header(message, #header, event_type)?),
        HeaderForm::Value(_) => quote!(#rt::header(message, #header, event_type)?),
        HeaderForm::Enum if required => {
            quote!(#rt::required_header::<#STRING>(message, #header, event_type)?.as_str().into())
        }
        HeaderForm::Enum => {
            quote!(#rt::header::<#STRING>(message, #header, event_type)?.map(|value| value.as_str().into()))
        }
    })
}

/// A JSON value that a required header member's serde accepts.
fn placeholder(form: &HeaderForm) -> TokenStream {
    match form {
        HeaderForm::Value(HeaderScalar::Bool) => quote!(::serde_json::Value::Bool(false)),
        HeaderForm::Value(
            HeaderScalar::Byte
            | HeaderScalar::Short
            | HeaderScalar::Integer
            | HeaderScalar::Long
            | HeaderScalar::Timestamp(TimestampJson::EpochSeconds),
        )
        | HeaderForm::IntEnum(_) => quote!(::serde_json::Value::from(0)),
        HeaderForm::Value(HeaderScalar::Timestamp(TimestampJson::DateTime)) => {
            quote!(::serde_json::Value::from("1970-01-01T00:00:00Z"))
        }
        HeaderForm::Value(HeaderScalar::Timestamp(TimestampJson::HttpDate)) => {
            quote!(::serde_json::Value::from("Thu, 01 Jan 1970 00:00:00 GMT"))
        }
        HeaderForm::Value(HeaderScalar::Blob | HeaderScalar::String) | HeaderForm::Enum => {
            quote!(::serde_json::Value::from(""))
        }
    }
}

/// The expression that writes `event` (a reference to the event's structure) as a message.
fn encode_event(ctx: &Ctx, event: &EventPlan) -> Result<TokenStream, Error> {
    let rt = runtime();
    let event_type = &event.event_type;
    let headers = event.headers.iter().map(|h| {
        let field = ident(&h.field);
        let header = &h.header;
        let value = match &h.form {
            HeaderForm::Value(_) => quote!(#rt::HeaderType::to_header(value)),
            HeaderForm::Enum => quote!(value.as_str()),
            HeaderForm::IntEnum(_) => quote!(value.0),
        };
        match &h.kind {
            FieldKind::Optional => quote! {
                if let #SOME(value) = &event.#field {
                    builder = builder.header(#header, #value);
                }
            },
            _ => quote! {
                let value = &event.#field;
                builder = builder.header(#header, #value);
            },
        }
    });
    let (content_type, payload) = match &event.payload {
        // Headers only: no payload, and no `:content-type` (as the suite's frames have it).
        None if event.body_json_names.is_empty() => (None, None),
        None => {
            let names = &event.body_json_names;
            if event.headers.is_empty() {
                (Some("application/json"), Some(quote!(#rt::to_json(event)?)))
            } else {
                (Some("application/json"), Some(quote!(#rt::json_members(event, &[#(#names),*])?)))
            }
        }
        Some((field, form)) => {
            let id = ident(field);
            let f = fields(ctx, ctx.shape(&event.target))?.into_iter().find(|f| &f.name == field).expect("a field");
            let (content_type, bytes) = match form {
                PayloadForm::Blob => ("application/octet-stream", quote!(value.as_bytes().to_vec())),
                PayloadForm::Text { is_enum: false } => ("text/plain", quote!(value.as_bytes().to_vec())),
                PayloadForm::Text { is_enum: true } => ("text/plain", quote!(value.as_str().as_bytes().to_vec())),
                PayloadForm::Json => ("application/json", quote!(#rt::to_json(value)?)),
            };
            let bytes = match f.kind {
                FieldKind::Optional => quote!(match &event.#id { #SOME(value) => #bytes, #NONE => #VEC::new() }),
                _ => quote!({ let value = &event.#id; #bytes }),
            };
            (Some(content_type), Some(bytes))
        }
    };
    let content_type = match content_type {
        Some(content_type) => quote!(#SOME(#content_type)),
        None => quote!(#NONE),
    };
    let start = quote!(#rt::event_message(#event_type, #content_type));
    let end = match payload {
        Some(payload) => quote!(.payload(#payload).build()),
        None => quote!(.build()),
    };
    if event.headers.is_empty() {
        return Ok(quote!(#start #end));
    }
    Ok(quote!({
        let mut builder = #start;
        #(#headers)*
        builder #end
    }))
}

/// The `<Union>Error` enums of every `@streaming` union whose home is in
/// `types`: they live in `types::error`.
pub(crate) fn render_errors(ctx: &Ctx) -> Result<Vec<TokenStream>, Error> {
    let mut out = Vec::new();
    for (id, home) in ctx.homes.iter().filter(|(_, home)| home.place == Place::Types) {
        let shape = ctx.shape(id);
        if matches!(shape.kind, ShapeKind::Union(_)) && shape.traits.streaming {
            let plan = plan(ctx, shape, home)?;
            if let Some((other, _)) =
                ctx.homes.iter().find(|(_, h)| h.place == Place::Errors && h.name == plan.error_name)
            {
                return Err(Error::at(
                    id.as_str(),
                    format!("its error type `{}` collides with the one of `{other}`", plan.error_name),
                ));
            }
            out.push(render_error(ctx, shape, &plan)?);
        }
    }
    Ok(out)
}

fn render_error(ctx: &Ctx, shape: &Shape, plan: &StreamPlan) -> Result<TokenStream, Error> {
    let rt = runtime();
    let name = ident(&plan.error_name);
    let doc = docs::lines_to_attrs(&format!(
        "The errors that end a [`{}`](crate::types::{}) stream: its modeled errors, and `Unhandled`\n\
         for errors the model does not describe (`:message-type error`, or an exception type\n\
         this version does not know).",
        plan.name, plan.name
    ));
    let mut variants = Vec::new();
    let mut decode_arms = Vec::new();
    let mut encode_arms = Vec::new();
    let mut display_arms = Vec::new();
    for error in &plan.errors {
        let (ty, _) = rust_type(ctx, &error.target, &shape.id.member(&error.exception_type))?;
        let variant = ident(&error.variant);
        let vdoc = docs::lines_to_attrs(&format!("The `{}` error.", error.exception_type));
        variants.push(quote!(#vdoc #variant(#ty),));
        let exception_type = &error.exception_type;
        decode_arms.push(quote!(#exception_type => Self::#variant(#rt::json_member(message, exception_type)?),));
        encode_arms.push(quote!(Self::#variant(error) => #rt::exception_message(#exception_type, error),));
        display_arms.push(quote!(Self::#variant(error) => ::std::fmt::Display::fmt(error, f),));
    }
    // A stream without modeled errors knows no exception type.
    let decode_body = if plan.errors.is_empty() {
        quote! {
            let _ = (exception_type, message);
            #OK(#NONE)
        }
    } else {
        quote! {
            #OK(#SOME(match exception_type {
                #(#decode_arms)*
                _ => return #OK(#NONE),
            }))
        }
    };
    Ok(quote! {
        #doc
        #[non_exhaustive]
        #[derive(Debug, Clone, PartialEq)]
        pub enum #name {
            #(#variants)*
            /// An error the model does not describe, with its code and message.
            Unhandled(#rt::UnmodeledError),
        }
        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match self {
                    #(#display_arms)*
                    Self::Unhandled(error) => ::std::fmt::Display::fmt(error, f),
                }
            }
        }
        impl ::std::error::Error for #name {}
        impl #rt::EventUnionError for #name {
            fn decode_exception(
                exception_type: &str,
                message: &#rt::Message<'_>,
            ) -> #RESULT<#OPTION<Self>, #rt::EventDecodeError> {
                #decode_body
            }
            fn unhandled(error: #rt::UnmodeledError) -> Self {
                Self::Unhandled(error)
            }
            fn encode_error(&self) -> #RESULT<#rt::Message<'static>, #rt::EncodeError> {
                match self {
                    #(#encode_arms)*
                    Self::Unhandled(error) => error.encode(),
                }
            }
        }
    })
}

/// The type of a member that targets the `@streaming` union `target`: the
/// decoder of its events.
pub(crate) fn member_type(ctx: &Ctx, target: &ShapeId, at: &str) -> Result<TokenStream, Error> {
    let rt = runtime();
    let (union, _) = rust_type(ctx, target, at)?;
    Ok(quote!(#rt::EventDecoder<#union>))
}

/// Whether a member targets an event stream (a `@streaming` union).
pub(crate) fn is_event_stream(ctx: &Ctx, target: &ShapeId) -> bool {
    let shape = ctx.shape(target);
    shape.traits.streaming && matches!(shape.kind, ShapeKind::Union(_))
}

/// The crate's `event_stream` module, for a closure with event streams: the
/// runtime's decoder, encoder and error types, re-exported so that users need
/// no dependency of their own on the runtime crate.
pub(crate) fn runtime_module(model: &crate::ir::Model, closure: &crate::closure::Closure) -> Option<TokenStream> {
    let has_streams = closure
        .shapes
        .iter()
        .filter_map(|id| model.shapes.get(id))
        .any(|shape| shape.traits.streaming && matches!(shape.kind, ShapeKind::Union(_)));
    let rt = runtime();
    has_streams.then(|| {
        quote! {
            /// Event streams: [`EventDecoder`](crate::event_stream::EventDecoder) reads the
            /// frames of a `@streaming` member into its union's events,
            /// [`EventEncoder`](crate::event_stream::EventEncoder) writes them (both sans-IO).
            pub mod event_stream {
                pub use #rt::{
                    EncodeError, EventDecodeError, EventDecoder, EventEncoder, EventStreamError, HeaderValue,
                    Message, UnknownEvent, UnmodeledError,
                };
            }
        }
    })
}

/// Whether the error structure `id` is only ever an event-stream error (a
/// member of a `@streaming` union), never an operation's or the service's:
/// then it has no HTTP error glue, which nothing would call.
pub(crate) fn is_only_a_stream_error(ctx: &Ctx, id: &ShapeId) -> bool {
    let operation_error =
        ctx.closure.operations.iter().chain(ctx.closure.service.iter()).any(|owner| match &ctx.shape(owner).kind {
            ShapeKind::Operation(op) => op.errors.contains(id),
            ShapeKind::Service(service) => service.errors.contains(id),
            _ => false,
        });
    let stream_error = ctx.closure.shapes.iter().map(|s| ctx.shape(s)).any(|shape| {
        shape.traits.streaming
            && matches!(shape.kind, ShapeKind::Union(_))
            && shape.members().iter().any(|m| &m.target == id)
    });
    stream_error && !operation_error
}

//! restJson1 glue from the model's HTTP traits: client requests and responses,
//! server-side parsing and responses, and constraint validation.

mod bindings;
mod client;
mod decode;
mod encode;
mod errors;
mod server;
mod validate;

pub(crate) use bindings::{bound_fields, literal_query_keys, Binding};
pub(crate) use errors::render_error;
pub(crate) use validate::render_validate;

use crate::error::Error;
use crate::ir::{Shape, ShapeKind};
use crate::render::prelude::*;
use crate::render::structure::{Field, FieldKind};
use crate::render::types::Repr;
use crate::render::{ident, Ctx};
use bindings::{body_types, map_of_lists, parse_uri, scalar_kind, to_str, to_text, ScalarKind};
use client::request_statements;
use decode::{decode_fn, DecodeArgs, DecodeInputs};
use encode::{encode_body, encode_headers, encode_payload, insert_header};
use errors::{bad_request_error, error_decode_arm};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use server::{decode_request, response, response_body};

/// Everything protocol-related for one operation.
pub(crate) fn render_operation(ctx: &Ctx, op: &Shape, errors: &[&crate::ir::ShapeId]) -> Result<TokenStream, Error> {
    let cfg = ctx.protocol_cfg();
    let ShapeKind::Operation(operation) = &op.kind else {
        return Ok(quote!());
    };
    let Some(http) = &op.traits.http else {
        return Err(Error::Unsupported {
            at: op.id.to_string(),
            what: "operations without the smithy.api#http trait (restJson1 needs it)".into(),
        });
    };
    let op_type = crate::render::names::type_name(&ctx.renamed(&op.id));
    let op_ident = ident(&op_type);
    let error_ident = ident(&crate::render::names::suffixed(&op_type, "Error"));
    let method = &http.method;
    let success = http.code;
    let (segments, literal_query) = parse_uri(op, http)?;

    let empty = Shape { id: op.id.clone(), kind: ShapeKind::Structure(Vec::new()), traits: Default::default() };
    let input = operation.input.as_ref().map(|id| ctx.shape(id)).unwrap_or(&empty);
    let output = operation.output.as_ref().map(|id| ctx.shape(id)).unwrap_or(&empty);
    let (Some(input_home), Some(output_home)) = (
        operation.input.as_ref().and_then(|id| ctx.homes.get(id)),
        operation.output.as_ref().and_then(|id| ctx.homes.get(id)),
    ) else {
        return Err(Error::Unsupported {
            at: op.id.to_string(),
            what: "operations without input or output structures".into(),
        });
    };
    let input_bound = bound_fields(ctx, input)?;
    let output_bound = bound_fields(ctx, output)?;

    // A label may appear once in the URI, and a query key be bound once.
    let mut seen_labels = std::collections::BTreeSet::new();
    for (_, label, _) in &segments {
        if let Some(name) = label {
            if !seen_labels.insert(name) {
                return Err(Error::at(op.id.as_str(), format!("uri label `{name}` appears more than once")));
            }
        }
    }
    let mut seen_keys: std::collections::BTreeSet<&str> = literal_query.iter().map(|(k, _)| k.as_str()).collect();
    for (f, b) in &input_bound {
        if let Binding::Query(key) = b {
            if !seen_keys.insert(key) {
                return Err(Error::at(f.at.clone(), format!("query parameter `{key}` is bound more than once")));
            }
        }
    }
    // Labels of the URI must be httpLabel members, and vice versa.
    let labels: Vec<&Field> = input_bound.iter().filter(|(_, b)| *b == Binding::Label).map(|(f, _)| f).collect();
    let mut label_order = Vec::new();
    for (_, label, _) in &segments {
        if let Some(name) = label {
            let field = labels.iter().find(|f| &f.member.name == name).ok_or_else(|| {
                Error::at(op.id.as_str(), format!("uri label `{name}` has no httpLabel member in the input"))
            })?;
            label_order.push(*field);
        }
    }
    if let Some(f) = labels.iter().find(|f| !label_order.iter().any(|l| l.member.name == f.member.name)) {
        return Err(Error::at(
            input.id.member(&f.member.name),
            format!("httpLabel member has no `{{{}}}` in the operation's uri", f.member.name),
        ));
    }
    // Labels follow the URI's order; decode_fields numbers them in member order, so
    // reorder the bound list of labels to URI order for decoding.
    let mut input_bound_uri_order: Vec<(Field, Binding)> =
        label_order.iter().map(|f| ((*f).clone(), Binding::Label)).collect();
    input_bound_uri_order.extend(input_bound.iter().filter(|(_, b)| *b != Binding::Label).cloned());

    // --- URI building (client) ---
    let mut uri_build = Vec::new();
    for (literal, label, greedy) in &segments {
        uri_build.push(quote!(uri.push('/');));
        match label {
            None => uri_build.push(quote!(uri.push_str(#literal);)),
            Some(name) => {
                let f = label_order.iter().find(|f| &f.member.name == name).expect("checked");
                let kind = scalar_kind(ctx, f)?;
                let id = &f.ident;
                let text = to_str(&kind, quote!(self.#id));
                uri_build.push(quote!(::smithy_codegen_runtime::uri::push_label(&mut uri, #text, #greedy);));
            }
        }
    }
    if segments.is_empty() {
        uri_build.push(quote!(uri.push('/');));
    }
    let mut query_build = Vec::new();
    for (k, v) in &literal_query {
        query_build.push(quote!(query.push((::std::borrow::Cow::Borrowed(#k), ::std::borrow::Cow::Borrowed(#v)));));
    }
    for (f, b) in &input_bound {
        if *b == Binding::QueryParams {
            let id = &f.ident;
            let lists = map_of_lists(ctx, f);
            let push = if lists {
                quote!(for (k, values) in map.iter() {
                    for v in values {
                        query
                            .push((::std::borrow::Cow::Borrowed(k.as_str()), ::std::borrow::Cow::Borrowed(v.as_str())));
                    }
                })
            } else {
                quote!(for (k, v) in map.iter() {
                    query.push((::std::borrow::Cow::Borrowed(k.as_str()), ::std::borrow::Cow::Borrowed(v.as_str())));
                })
            };
            query_build.push(if f.kind == FieldKind::Optional {
                quote!(if let #SOME(map) = &self.#id { #push })
            } else {
                quote!({ let map = &self.#id; #push })
            });
            continue;
        }
        let Binding::Query(key) = b else { continue };
        let id = &f.ident;
        let kind = scalar_kind(ctx, f)?;
        let push = match &kind {
            ScalarKind::ListOf(inner) => {
                let t = to_text(inner, quote!(item));
                quote!(for item in v.iter() { query.push((::std::borrow::Cow::Borrowed(#key), #t)); })
            }
            k => {
                let t = to_text(k, quote!(v));
                quote!(query.push((::std::borrow::Cow::Borrowed(#key), #t));)
            }
        };
        query_build.push(if f.kind == FieldKind::Optional {
            quote!(if let #SOME(v) = &self.#id { #push })
        } else {
            quote!({ let v = &self.#id; #push })
        });
    }
    // Idempotency tokens the caller left empty are filled in, as the SDKs do.
    let fill_tokens: Vec<TokenStream> = input_bound
        .iter()
        .filter(|(f, _)| f.member.traits.idempotency_token && f.kind == FieldKind::Optional && f.repr == Repr::String)
        .map(|(f, _)| {
            let id = &f.ident;
            quote! {
                if self.#id.is_none() {
                    let mut filled = self.clone();
                    filled.#id = #SOME(crate::protocol::idempotency_token());
                    return filled.to_http_request();
                }
            }
        })
        .collect();
    let input_types = body_types(ctx, input, input_home, &input_bound)?;
    let method_tokens = match method.as_str() {
        "GET" | "PUT" | "POST" | "DELETE" | "HEAD" | "PATCH" | "OPTIONS" => {
            let method_const = format_ident!("{}", method);
            quote!(::http::Method::#method_const)
        }
        other => quote!(::http::Method::from_bytes(#other.as_bytes()).expect("model method")),
    };
    let mut input_headers = encode_headers(
        ctx,
        &input_bound,
        Some(quote!(return #ERR(e.into()))),
        &|name, value| quote!(builder = builder.header(#name, #value)),
    )?;
    let input_body = match encode_payload(ctx, &input_bound)
        .map(|(body, ct)| (body, quote!(#ct)))
        .or_else(|| encode_body(&input_bound, &input_types).map(|b| (b, quote!("application/json"))))
    {
        Some((body, content_type)) => {
            input_headers.push(quote!(builder = builder.header(::http::header::CONTENT_TYPE, #content_type);));
            body
        }
        None => quote!(#VEC::new()),
    };
    let (query_statements, request) = request_statements(&method_tokens, &query_build, &input_headers, input_body);
    let input_decode = decode_fn(ctx, input, input_home, &input_bound_uri_order, &input_types)?;
    let decode_request = decode_request(ctx, &op_ident, &input_bound)?;

    let pattern_tokens = segments
        .iter()
        .map(|(literal, label, greedy)| match (label, greedy) {
            (None, _) => quote!(::smithy_codegen_runtime::uri::Segment::Literal(#literal)),
            (Some(_), false) => quote!(::smithy_codegen_runtime::uri::Segment::Label),
            (Some(_), true) => quote!(::smithy_codegen_runtime::uri::Segment::Greedy),
        })
        .collect::<Vec<_>>();
    let literal_query_checks = if literal_query.is_empty() {
        quote!()
    } else {
        let checks = literal_query
            .iter()
            .map(|(k, v)| quote!(if !query.iter().any(|(qk, qv)| qk == #k && qv == #v) { return false; }));
        quote! {
            let query = ::smithy_codegen_runtime::uri::parse_query(request.uri().query());
            #(#checks)*
        }
    };

    // The error a server answers malformed requests with: the operation's first
    // client error with status 400 that carries a message, else an unmodeled 400.
    let bad_request = bad_request_error(ctx, errors, &error_ident)?;

    let output_types = body_types(ctx, output, output_home, &output_bound)?;
    let output_status = match output_bound.iter().find(|(_, b)| *b == Binding::ResponseCode) {
        Some((f, _)) => {
            let id = &f.ident;
            if f.kind == FieldKind::Optional {
                quote!(self.#id.and_then(|c| u16::try_from(c).ok()).unwrap_or(#success))
            } else {
                quote!(u16::try_from(self.#id).unwrap_or(#success))
            }
        }
        None => quote!(#success),
    };
    let output_headers = encode_headers(ctx, &output_bound, None, &insert_header)?;
    let output_response =
        response(output_status, quote!(#NONE), response_body(ctx, &output_bound, &output_types), output_headers);
    let output_decode = decode_fn(ctx, output, output_home, &output_bound, &output_types)?;
    let output_args = DecodeInputs::of(&output_bound).args(DecodeArgs {
        status: quote!(status),
        labels: quote!(&[]),
        query: quote!(&[]),
        headers: quote!(response.headers()),
        body: quote!(response.body().as_ref()),
    });

    let input_name = ident(&input_home.name);
    let output_name = ident(&output_home.name);
    let body_type_items: Vec<TokenStream> = [&input_types, &output_types]
        .into_iter()
        .flatten()
        .flat_map(|t| [t.owned.clone(), t.borrowed.clone()])
        .collect();

    // --- Errors (their own decode/encode impls are rendered once per error shape) ---
    let decode_arms = errors.iter().map(|id| error_decode_arm(ctx, id)).collect::<Result<Vec<_>, _>>()?;
    let encode_arms = errors.iter().map(|id| {
        let name = ident(&ctx.homes[*id].name);
        quote!(Self::#name(e) => e.encode_http(),)
    });

    let input_doc = format!(
        "Builds the HTTP request ({method} `{}`): constraints are checked first, labels are\npercent-encoded as single path segments. The URI holds the path and query only;\nthe caller adds scheme and host.",
        http.uri
    );
    let input_doc = crate::render::docs::lines_to_attrs(&input_doc);

    Ok(quote! {
        #cfg
        impl #op_ident {
            /// The URI's path, segment by segment.
            const PATH: &'static [::smithy_codegen_runtime::uri::Segment] = &[#(#pattern_tokens),*];

            /// Whether a request is addressed to this operation (method, path and
            /// the URI's literal query parameters); it says nothing of the rest.
            pub fn matches<B>(request: &::http::Request<B>) -> bool {
                if request.method() != #method_tokens {
                    return false;
                }
                #literal_query_checks
                ::smithy_codegen_runtime::uri::match_path(Self::PATH, request.uri().path()).is_some()
            }
        }

        #(#body_type_items)*

        #cfg
        impl #input_name {
            #input_doc
            pub fn to_http_request(&self) -> #RESULT<::http::Request<#VEC<u8>>, crate::protocol::RequestError> {
                #(#fill_tokens)*
                self.validate()?;
                self.encode_http_request()
            }

            /// The request of [`Self::to_http_request`], without the constraint check.
            pub(crate) fn encode_http_request(&self) -> #RESULT<::http::Request<#VEC<u8>>, crate::protocol::RequestError> {
                let mut uri = #STRING::with_capacity(64);
                #(#uri_build)*
                #query_statements
                #request.map_err(|e| crate::protocol::RequestError::Build(e.to_string()))
            }

            /// Parses a request on the server side: method and path must match,
            /// labels are percent-decoded and parsed, members the request leaves out
            /// get the model's default where they have one, constraints are checked.
            /// Any failure is the operation's bad-request error (status 400).
            pub fn from_http_request<B: #AS_REF<[u8]>>(request: &::http::Request<B>) -> #RESULT<Self, #error_ident> {
                let fail = |message: #STRING| -> #error_ident { #bad_request };
                let input = Self::decode_http_request(request).map_err(fail)?;
                input.validate().map_err(|e| fail(e.to_string()))?;
                #OK(input)
            }

            /// The input of [`Self::from_http_request`], without the constraint check.
            pub(crate) fn decode_http_request<B: #AS_REF<[u8]>>(request: &::http::Request<B>) -> #RESULT<Self, #STRING> {
                if request.method() != #method_tokens {
                    return #ERR(format!("method {} does not match {}", request.method(), #method));
                }
                let path_mismatch = || format!("path `{}` does not match `{}`", request.uri().path(), #op_ident::URI_PATTERN);
                #decode_request
            }

            #input_decode
        }

        #cfg
        impl #output_name {
            /// Reads a response on the client side: a success status decodes the
            /// body (and bound headers); any other status, or a body that does not
            /// decode, becomes the operation's error.
            pub fn from_http_response<B: #AS_REF<[u8]>>(response: &::http::Response<B>) -> #RESULT<Self, #error_ident> {
                let status = response.status().as_u16();
                if !(200..300).contains(&status) {
                    return #ERR(#error_ident::from_http_response(response));
                }
                Self::decode_http(#output_args).map_err(|problem| {
                    let error = crate::error::Unhandled::new(status, #NONE, #SOME(problem));
                    #error_ident::Unhandled(error.with_body_snippet(response.body().as_ref()))
                })
            }

            /// The success response on the server side: the model's status, JSON body
            /// and bound headers (values HTTP cannot carry are left out).
            pub fn to_http_response(&self) -> ::http::Response<#VEC<u8>> {
                #output_response
            }

            #output_decode
        }

        #cfg
        impl #error_ident {
            /// Reads an error response: the code from `X-Amzn-ErrorType`, the body's
            /// `code`/`Code` or `__type`; a known code decodes into its variant,
            /// whose members read their exact JSON names (a modeled message that is
            /// absent takes the body's `message`, else `Message`); anything else is
            /// [`Self::Unhandled`] with the status, code and message.
            pub fn from_http_response<B: #AS_REF<[u8]>>(response: &::http::Response<B>) -> Self {
                let status = response.status().as_u16();
                let headers = response.headers();
                let body = response.body().as_ref();
                let meta = crate::protocol::ErrorMetadata::read(headers, body);
                match meta.code.as_deref() {
                    #(#decode_arms)*
                    _ => Self::Unhandled(meta.unhandled(status, body)),
                }
            }

            /// The error response on the server side: status from `httpError`, the
            /// `X-Amzn-ErrorType` header, a JSON body and bound headers such as `Retry-After`.
            pub fn to_http_response(&self) -> ::http::Response<#VEC<u8>> {
                match self {
                    #(#encode_arms)*
                    Self::Unhandled(e) => e.to_http_response(),
                }
            }
        }
    })
}

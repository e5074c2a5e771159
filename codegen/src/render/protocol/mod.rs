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
use crate::render::{ident, Ctx};
use bindings::{body_types, parse_uri};
use client::{fill_idempotency_tokens, query_statements, request_statements, uri_statements};
use decode::{decode_fn, DecodeArgs, DecodeInputs};
use encode::{encode_body, encode_headers, encode_payload, insert_header};
use errors::{bad_request_error, operation_error_impl};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use server::{decode_request, response, response_body};

/// Everything protocol-related for one operation.
pub(crate) fn render_operation(ctx: &Ctx, op: &Shape, errors: &[&crate::ir::ShapeId]) -> Result<TokenStream, Error> {
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
    let names = OperationNames {
        op: ident(&op_type),
        error: ident(&crate::render::names::suffixed(&op_type, "Error")),
        method: method_tokens(&http.method),
    };
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
    let label_order = uri_labels(op, input, &segments, &literal_query, &input_bound)?;

    let input_types = body_types(ctx, input, input_home, &input_bound)?;
    let output_types = body_types(ctx, output, output_home, &output_bound)?;
    let body_type_items: Vec<TokenStream> = [&input_types, &output_types]
        .into_iter()
        .flatten()
        .flat_map(|t| [t.owned.clone(), t.borrowed.clone()])
        .collect();
    let matches = matches_impl(&names, &segments, &literal_query);
    let input_impl = input_impl(
        ctx,
        &names,
        http,
        InputParts { shape: input, home: input_home, bound: &input_bound, types: &input_types },
        RequestLayout { segments: &segments, literal_query: &literal_query, label_order: &label_order },
        errors,
    )?;
    let output_impl = output_impl(ctx, &names, http.code, output, output_home, &output_bound, &output_types)?;
    let error_impl = operation_error_impl(ctx, &names.error, errors)?;
    let cfg = ctx.protocol_cfg();
    Ok(quote! {
        #cfg
        #matches

        #(#body_type_items)*

        #cfg
        #input_impl

        #cfg
        #output_impl

        #cfg
        #error_impl
    })
}

/// The Rust names of an operation's generated items.
struct OperationNames {
    /// The operation's marker type.
    op: proc_macro2::Ident,
    /// The operation's error enum.
    error: proc_macro2::Ident,
    /// The HTTP method as an `http::Method` expression.
    method: TokenStream,
}

/// The input structure with its bindings and private body types.
struct InputParts<'a> {
    shape: &'a Shape,
    home: &'a crate::render::Home,
    bound: &'a [(Field<'a>, Binding)],
    types: &'a Option<bindings::BodyTypes>,
}

/// The operation's URI: its segments, literal query pairs, and its labels'
/// members in URI order.
struct RequestLayout<'a> {
    segments: &'a [bindings::UriSegment],
    literal_query: &'a bindings::LiteralQuery,
    label_order: &'a [&'a Field<'a>],
}

/// An `http::Method` expression: a constant for the standard methods.
fn method_tokens(method: &str) -> TokenStream {
    match method {
        "GET" | "PUT" | "POST" | "DELETE" | "HEAD" | "PATCH" | "OPTIONS" => {
            let method_const = format_ident!("{}", method);
            quote!(::http::Method::#method_const)
        }
        other => quote!(::http::Method::from_bytes(#other.as_bytes()).expect("model method")),
    }
}

/// Checks the URI against the input's bindings (a label appears once and has
/// an `httpLabel` member, and vice versa; a query key is bound once) and
/// returns the label members in URI order.
fn uri_labels<'a>(
    op: &Shape,
    input: &Shape,
    segments: &[bindings::UriSegment],
    literal_query: &bindings::LiteralQuery,
    input_bound: &'a [(Field<'a>, Binding)],
) -> Result<Vec<&'a Field<'a>>, Error> {
    let mut seen_labels = std::collections::BTreeSet::new();
    for (_, label, _) in segments {
        if let Some(name) = label {
            if !seen_labels.insert(name) {
                return Err(Error::at(op.id.as_str(), format!("uri label `{name}` appears more than once")));
            }
        }
    }
    let mut seen_keys: std::collections::BTreeSet<&str> = literal_query.iter().map(|(k, _)| k.as_str()).collect();
    for (f, b) in input_bound {
        if let Binding::Query(key) = b {
            if !seen_keys.insert(key) {
                return Err(Error::at(f.at.clone(), format!("query parameter `{key}` is bound more than once")));
            }
        }
    }
    let labels: Vec<&Field> = input_bound.iter().filter(|(_, b)| *b == Binding::Label).map(|(f, _)| f).collect();
    let mut label_order = Vec::new();
    for (_, label, _) in segments {
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
    Ok(label_order)
}

/// The operation's `PATH` pattern and `matches()`.
fn matches_impl(
    names: &OperationNames,
    segments: &[bindings::UriSegment],
    literal_query: &bindings::LiteralQuery,
) -> TokenStream {
    let OperationNames { op: op_ident, method: method_tokens, .. } = names;
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
        let checks = literal_query.iter().map(|(k, v)| {
            let value_matches = if v.is_empty() { quote!(qv.is_empty()) } else { quote!(qv == #v) };
            quote!(if !query.iter().any(|(qk, qv)| qk == #k && #value_matches) { return false; })
        });
        quote! {
            let query = ::smithy_codegen_runtime::uri::parse_query(request.uri().query());
            #(#checks)*
        }
    };
    quote! {
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
    }
}

/// The input's `impl`: building requests (client) and parsing them (server).
fn input_impl(
    ctx: &Ctx,
    names: &OperationNames,
    http: &crate::traits::Http,
    input: InputParts,
    layout: RequestLayout,
    errors: &[&crate::ir::ShapeId],
) -> Result<TokenStream, Error> {
    let OperationNames { op: op_ident, error: error_ident, method: method_tokens } = names;
    let method = &http.method;
    let uri_build = uri_statements(ctx, layout.segments, layout.label_order)?;
    let query_build = query_statements(ctx, layout.literal_query, input.bound)?;
    let fill_tokens = fill_idempotency_tokens(input.bound);
    let mut input_headers = encode_headers(
        ctx,
        input.bound,
        Some(quote!(return #ERR(e.into()))),
        &|name, value| quote!(builder = builder.header(#name, #value)),
    )?;
    let input_body = match encode_payload(ctx, input.bound)
        .map(|(body, ct)| (body, quote!(#ct)))
        .or_else(|| encode_body(input.bound, input.types).map(|b| (b, quote!("application/json"))))
    {
        Some((body, content_type)) => {
            input_headers.push(quote!(builder = builder.header(::http::header::CONTENT_TYPE, #content_type);));
            body
        }
        None => quote!(#VEC::new()),
    };
    let (query_statements, request) = request_statements(method_tokens, &query_build, &input_headers, input_body);
    // Labels follow the URI's order; decode_fields numbers them in member order, so
    // reorder the bound list of labels to URI order for decoding.
    let mut input_bound_uri_order: Vec<(Field, Binding)> =
        layout.label_order.iter().map(|f| ((*f).clone(), Binding::Label)).collect();
    input_bound_uri_order.extend(input.bound.iter().filter(|(_, b)| *b != Binding::Label).cloned());
    let input_decode = decode_fn(ctx, input.shape, input.home, &input_bound_uri_order, input.types)?;
    let decode_request = decode_request(ctx, op_ident, input.bound)?;
    // The error a server answers malformed requests with: the operation's first
    // client error with status 400 that carries a message, else an unmodeled 400.
    let bad_request = bad_request_error(ctx, errors, error_ident, "ValidationException")?;
    // Without a modeled 400 error, a request that does not deserialize is a
    // SerializationException, as the restJson1 compliance suite expects; a
    // constraint violation stays a ValidationException.
    let undecodable = bad_request_error(ctx, errors, error_ident, "SerializationException")?;
    let (fail_decode, decode_closure) = if undecodable.to_string() == bad_request.to_string() {
        (quote!(fail), quote!())
    } else {
        (quote!(fail_decode), quote!(let fail_decode = |message: #STRING| -> #error_ident { #undecodable };))
    };
    let input_name = ident(&input.home.name);
    let input_doc = format!(
        "Builds the HTTP request ({method} `{}`): constraints are checked first, labels are\npercent-encoded as single path segments. The URI holds the path and query only;\nthe caller adds scheme and host.",
        http.uri
    );
    let input_doc = crate::render::docs::lines_to_attrs(&input_doc);
    Ok(quote! {
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
                #decode_closure
                let input = Self::decode_http_request(request).map_err(#fail_decode)?;
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
    })
}

/// The output's `impl`: reading responses (client) and writing them (server).
fn output_impl(
    ctx: &Ctx,
    names: &OperationNames,
    success: u16,
    output: &Shape,
    output_home: &crate::render::Home,
    output_bound: &[(Field, Binding)],
    output_types: &Option<bindings::BodyTypes>,
) -> Result<TokenStream, Error> {
    let error_ident = &names.error;
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
    let output_headers = encode_headers(ctx, output_bound, None, &insert_header)?;
    let output_response =
        response(output_status, quote!(#NONE), response_body(ctx, output_bound, output_types), output_headers);
    let output_decode = decode_fn(ctx, output, output_home, output_bound, output_types)?;
    let output_args = DecodeInputs::of(output_bound).args(DecodeArgs {
        status: quote!(status),
        labels: quote!(&[]),
        query: quote!(&[]),
        headers: quote!(response.headers()),
        body: quote!(response.body().as_ref()),
    });
    let output_name = ident(&output_home.name);
    Ok(quote! {
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
    })
}

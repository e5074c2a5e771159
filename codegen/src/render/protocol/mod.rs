//! restJson1 glue from the model's HTTP traits: client requests and responses,
//! server-side parsing and responses, and constraint validation.

mod bindings;
mod client;
mod decode;
mod encode;
mod errors;
mod required;
mod server;
mod validate;

pub(crate) use bindings::{bound_fields, literal_query_keys, Binding};
use bindings::{LiteralQuery, UriSegment};
pub(crate) use errors::render_error;
pub(crate) use required::render_required_walk;
pub(crate) use validate::{render_enum_check, render_union_checks, render_validate};

use crate::ir::Shape;
use crate::render::prelude::*;
use crate::render::structure::{Field, FieldKind};
use crate::render::{ident, Ctx};
use bindings::body_types;
use client::{fill_idempotency_tokens, query_statements, request_statements, uri_statements};
use decode::{decode_fn, DecodeArgs, DecodeInputs};
use encode::{encode_body, encode_headers, encode_payload, insert_header};
use errors::operation_error_impl;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use server::{decode_request, response, response_body};
use validate::ServerChecks;

/// Everything protocol-related for one operation.
pub(crate) fn render_operation(ctx: &Ctx, op: &Shape, errors: &[&crate::ir::ShapeId]) -> TokenStream {
    let Some(planned) = ctx.plan.operations.get(&op.id) else {
        return quote!();
    };
    let http = &planned.http;
    let names = OperationNames {
        op: ident(&planned.type_name),
        error: ident(&planned.error_name),
        method: method_tokens(&http.method),
    };
    let (segments, literal_query) = (&planned.segments, &planned.literal_query);
    let (input, output) = (ctx.shape(&planned.input), ctx.shape(&planned.output));
    let (input_home, output_home) = (&ctx.homes[&planned.input], &ctx.homes[&planned.output]);
    let input_bound = bound_fields(ctx, input);
    let output_bound = bound_fields(ctx, output);
    let label_order: Vec<&Field> = planned.label_order.iter().map(|&i| &input_bound[i].0).collect();

    let input_types = body_types(ctx, input, input_home, &input_bound);
    let output_types = body_types(ctx, output, output_home, &output_bound);
    let body_type_items: Vec<TokenStream> = [&input_types, &output_types]
        .into_iter()
        .flatten()
        .flat_map(|t| [t.owned.clone(), t.borrowed.clone()])
        .collect();
    let matches = matches_impl(&names, segments, literal_query);
    let input_impl = input_impl(
        ctx,
        &names,
        http,
        InputParts { id: &planned.input, home: input_home, bound: &input_bound, types: &input_types },
        RequestLayout { segments, literal_query, label_order: &label_order },
        planned.bad_request.as_ref(),
    );
    let output_impl = output_impl(ctx, &names, http.code, output_home, &output_bound, &output_types);
    let error_impl = operation_error_impl(ctx, &names.error, errors);
    let cfg = ctx.protocol_cfg();
    quote! {
        #cfg
        #matches

        #(#body_type_items)*

        #cfg
        #input_impl

        #cfg
        #output_impl

        #cfg
        #error_impl
    }
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
    id: &'a crate::ir::ShapeId,
    home: &'a crate::render::Home,
    bound: &'a [(Field<'a>, Binding)],
    types: &'a Option<bindings::BodyTypes>,
}

/// The operation's URI: its segments, literal query pairs, and its labels'
/// members in URI order.
struct RequestLayout<'a> {
    segments: &'a [UriSegment],
    literal_query: &'a LiteralQuery,
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

/// The operation's `PATH` pattern and `matches()`.
fn matches_impl(names: &OperationNames, segments: &[UriSegment], literal_query: &LiteralQuery) -> TokenStream {
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
    bad_request: Option<&crate::ir::ShapeId>,
) -> TokenStream {
    let_prelude!(ctx.prelude => RESULT, OK, ERR, STRING, VEC, AS_REF);
    let OperationNames { op: op_ident, error: error_ident, method: method_tokens } = names;
    let method = &http.method;
    let uri_build = uri_statements(layout.segments, layout.label_order);
    let query_build = query_statements(layout.literal_query, input.bound, ctx.prelude);
    let fill_tokens = fill_idempotency_tokens(input.bound, ctx.prelude);
    let mut input_headers = encode_headers(
        input.bound,
        Some(quote!(return #ERR(e.into()))),
        &|name, value| quote!(builder = builder.header(#name, #value)),
        ctx.prelude,
    );
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
    let (query_statements, request) =
        request_statements(method_tokens, &query_build, &input_headers, input_body, ctx.prelude);
    // Labels follow the URI's order; decode_fields numbers them in member order, so
    // reorder the bound list of labels to URI order for decoding.
    let mut input_bound_uri_order: Vec<(Field, Binding)> =
        layout.label_order.iter().map(|f| ((*f).clone(), Binding::Label)).collect();
    input_bound_uri_order.extend(input.bound.iter().filter(|(_, b)| *b != Binding::Label).cloned());
    let input_decode = decode_fn(input.home, &input_bound_uri_order, input.types, ctx.prelude);
    let decode_request = decode_request(op_ident, input.bound, ctx.prelude);
    let server = validate::server_checks(ctx, input.id, input.bound, bad_request, error_ident);
    let input_name = ident(&input.home.name);
    let input_doc = format!(
        "Builds the HTTP request ({method} `{}`): constraints are checked first, labels are\npercent-encoded as single path segments. The URI holds the path and query only;\nthe caller adds scheme and host.",
        http.uri
    );
    let input_doc = crate::render::docs::lines_to_attrs(&input_doc);
    let ServerChecks { closures, fail_decode, check_input, missing_required } = server;
    quote! {
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
                #closures
                let input = Self::decode_http_request(request).map_err(#fail_decode)?;
                #check_input
                #OK(input)
            }

            #missing_required

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
    }
}

/// The output's `impl`: reading responses (client) and writing them (server).
fn output_impl(
    ctx: &Ctx,
    names: &OperationNames,
    success: u16,
    output_home: &crate::render::Home,
    output_bound: &[(Field, Binding)],
    output_types: &Option<bindings::BodyTypes>,
) -> TokenStream {
    let_prelude!(ctx.prelude => SOME, NONE, RESULT, ERR, VEC, AS_REF);
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
    let output_headers = encode_headers(output_bound, None, &insert_header, ctx.prelude);
    let output_response =
        response(output_status, quote!(#NONE), response_body(ctx, output_bound, output_types), output_headers);
    let output_decode = decode_fn(output_home, output_bound, output_types, ctx.prelude);
    let output_args = DecodeInputs::of(output_bound).args(DecodeArgs {
        status: quote!(status),
        labels: quote!(&[]),
        query: quote!(&[]),
        headers: quote!(response.headers()),
        body: quote!(response.body().as_ref()),
    });
    let output_name = ident(&output_home.name);
    quote! {
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
    }
}

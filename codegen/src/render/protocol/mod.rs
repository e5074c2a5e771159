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
mod wire;

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
use bindings::PayloadKind;
use client::{fill_idempotency_tokens, query_statements, request_statements, uri_statements, RequestBody};
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
        &planned.wire,
    );
    let output_impl =
        output_impl(ctx, &names, (http.code, planned.no_output), output_home, &output_bound, &output_types);
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
    wire_plan: &crate::plan::WirePlan,
) -> TokenStream {
    let input_name = ident(&input.home.name);
    let client = request_building_fns(ctx, names, http, &input, &layout, wire_plan);
    let server = request_parsing_fns(ctx, names, &http.method, &input, &layout, bad_request, wire_plan);
    quote! {
        impl #input_name {
            #client

            #server
        }
    }
}

/// The client's side of the input: `to_http_request` (and its variants with
/// options) and `encode_http_request`.
fn request_building_fns(
    ctx: &Ctx,
    names: &OperationNames,
    http: &crate::traits::Http,
    input: &InputParts,
    layout: &RequestLayout,
    wire_plan: &crate::plan::WirePlan,
) -> TokenStream {
    let_prelude!(ctx.prelude => RESULT, OK, ERR, STRING, VEC);
    let method = &http.method;
    let uri_build = uri_statements(layout.segments, layout.label_order);
    let query_build = query_statements(layout.literal_query, input.bound, ctx.prelude);
    let fill_tokens = fill_idempotency_tokens(input.bound, &request_with_call(wire_plan), ctx.prelude);
    let mut input_headers = encode_headers(
        input.bound,
        Some(quote!(return #ERR(e.into()))),
        &|name, value| quote!(builder = builder.header(#name, #value)),
        ctx.prelude,
    );
    let is_stream = input.bound.iter().any(|(f, b)| *b == Binding::Payload && f.payload == PayloadKind::EventStream);
    // A member bound to `Content-Type` wins over the payload's default type.
    let binds_content_type = input.bound.iter().any(|(f, _)| f.header.as_deref() == Some("content-type"));
    let input_body = match encode_payload(ctx, input.bound, true) {
        Some((body, content_type)) => {
            let set = quote!(builder = builder.header(::http::header::CONTENT_TYPE, #content_type););
            input_headers.push(if binds_content_type {
                quote!(if !builder.headers_ref().is_some_and(|h| h.contains_key(::http::header::CONTENT_TYPE)) { #set })
            } else {
                set
            });
            if is_stream {
                RequestBody::Stream(body)
            } else {
                RequestBody::Payload(body)
            }
        }
        None => match encode_body(input.bound, input.types) {
            Some(body) => {
                input_headers.push(quote!(builder = builder.header(::http::header::CONTENT_TYPE, "application/json");));
                RequestBody::Json(body)
            }
            None => RequestBody::None,
        },
    };
    let (query_statements, request) =
        request_statements(&names.method, &query_build, &input_headers, input_body, ctx.prelude);
    let host_prefix = wire::host_prefix_statements(wire_plan, input.bound, ctx.prelude);
    let build_request = if host_prefix.is_empty() {
        quote!(#request.map_err(|e| crate::protocol::RequestError::Build(e.to_string())))
    } else {
        quote! {
            let built = { #request };
            let mut request = built.map_err(|e| crate::protocol::RequestError::Build(e.to_string()))?;
            #host_prefix
            #OK(request)
        }
    };
    let finish = wire::finish_statements(wire_plan);
    let encode_and_finish = if finish.is_empty() {
        quote!(self.encode_http_request())
    } else {
        quote! {
            let mut request = self.encode_http_request()?;
            #(#finish)*
            #OK(request)
        }
    };
    let to_http_request = to_http_request_fns(&fill_tokens, &encode_and_finish, wire_plan, ctx.prelude);
    let input_doc = format!(
        "Builds the HTTP request ({method} `{}`): constraints are checked first, labels are\npercent-encoded as single path segments. The URI holds the path and query only;\nthe caller adds scheme and host.",
        http.uri
    );
    let input_doc = if wire_plan.host_prefix.is_some() {
        format!("{input_doc}\nThe request carries the operation's host prefix (an\n`smithy_codegen_runtime::endpoint::HostPrefix` extension), which\n`smithy_codegen_runtime::endpoint::apply_endpoint` puts before the host.")
    } else {
        input_doc
    };
    let input_doc = if wire_plan.content_md5 {
        format!("{input_doc}\nIt carries `Content-MD5`, the digest of the body as sent (`httpChecksumRequired`).")
    } else {
        input_doc
    };
    let input_doc = crate::render::docs::lines_to_attrs(&input_doc);
    quote! {
        #input_doc
        #to_http_request

        /// The request of [`Self::to_http_request`], without the constraint check.
        pub(crate) fn encode_http_request(&self) -> #RESULT<::http::Request<#VEC<u8>>, crate::protocol::RequestError> {
            let mut uri = #STRING::with_capacity(64);
            #(#uri_build)*
            #query_statements
            #build_request
        }
    }
}

/// The server's side of the input: `from_http_request` (media types,
/// decoding, constraint checks) and `decode_http_request`.
fn request_parsing_fns(
    ctx: &Ctx,
    names: &OperationNames,
    method: &str,
    input: &InputParts,
    layout: &RequestLayout,
    bad_request: Option<&crate::ir::ShapeId>,
    wire_plan: &crate::plan::WirePlan,
) -> TokenStream {
    let_prelude!(ctx.prelude => RESULT, OK, ERR, STRING, AS_REF);
    let OperationNames { op: op_ident, error: error_ident, method: method_tokens } = names;
    // Labels follow the URI's order; decode_fields numbers them in member order, so
    // reorder the bound list of labels to URI order for decoding.
    let mut input_bound_uri_order: Vec<(Field, Binding)> =
        layout.label_order.iter().map(|f| ((*f).clone(), Binding::Label)).collect();
    input_bound_uri_order.extend(input.bound.iter().filter(|(_, b)| *b != Binding::Label).cloned());
    let input_decode = decode_fn(input.home, &input_bound_uri_order, input.types, ctx.prelude);
    let decode_request = decode_request(op_ident, input.bound, ctx.prelude);
    let ServerChecks { closures, fail_decode, check_input, missing_required } =
        validate::server_checks(ctx, input.id, input.bound, bad_request, error_ident);
    let media_type_checks = wire::media_type_checks(wire_plan, error_ident, ctx.prelude);
    let decode_input = wire::decode_input(wire_plan, &fail_decode, ctx.prelude);
    quote! {
        /// Parses a request on the server side: method and path must match,
        /// labels are percent-decoded and parsed, members the request leaves out
        /// get the model's default where they have one, constraints are checked.
        /// Any failure is the operation's bad-request error (status 400).
        pub fn from_http_request<B: #AS_REF<[u8]>>(request: &::http::Request<B>) -> #RESULT<Self, #error_ident> {
            #closures
            #media_type_checks
            #decode_input
            #check_input
            #OK(input)
        }

        #missing_required

        /// The input of [`Self::from_http_request`], without the constraint check.
        pub(crate) fn decode_http_request<B: #AS_REF<[u8]>>(request: &::http::Request<B>) -> #RESULT<Self, #STRING> {
            // A server refuses what a client would accept (UTC offsets, loose base64, unknown union members).
            let _strict = ::smithy_codegen_runtime::serde_support::strict::StrictParsing::begin();
            if request.method() != #method_tokens {
                return #ERR(format!("method {} does not match {}", request.method(), #method));
            }
            let path_mismatch = || format!("path `{}` does not match `{}`", request.uri().path(), #op_ident::URI_PATTERN);
            #decode_request
        }

        #input_decode
    }
}

/// The call of the request builder that takes the request options an
/// operation has: idempotency tokens, request compression.
fn request_with_call(wire_plan: &crate::plan::WirePlan) -> TokenStream {
    let compression = wire_plan.gzip_requests.then(|| quote!(compression));
    quote!(request_with(tokens, #compression))
}

/// `to_http_request`; an operation with idempotency tokens also gets
/// `to_http_request_with_tokens`, one that compresses its requests
/// `to_http_request_with_compression`. Both call `request_with`, which takes
/// every option the operation has.
fn to_http_request_fns(
    fill_tokens: &[TokenStream],
    encode_and_finish: &TokenStream,
    wire_plan: &crate::plan::WirePlan,
    style: PreludeStyle,
) -> TokenStream {
    let_prelude!(style => RESULT, VEC);
    let checked = quote! {
        #(#fill_tokens)*
        self.validate()?;
        #encode_and_finish
    };
    let request = quote!(#RESULT<::http::Request<#VEC<u8>>, crate::protocol::RequestError>);
    let has_tokens = !fill_tokens.is_empty();
    if !has_tokens && !wire_plan.gzip_requests {
        return quote! {
            pub fn to_http_request(&self) -> #request {
                #checked
            }
        };
    }
    let random_tokens = quote!(&crate::protocol::RandomIdempotencyTokens);
    let default_compression = quote!(&::smithy_codegen_runtime::compression::RequestCompression::default());
    let tokens_param = has_tokens.then(|| quote!(tokens: &dyn crate::protocol::IdempotencyTokenProvider,));
    let compression_param = wire_plan
        .gzip_requests
        .then(|| quote!(compression: &::smithy_codegen_runtime::compression::RequestCompression,));
    let tokens_arg = has_tokens.then(|| quote!(#random_tokens,));
    let compression_arg = wire_plan.gzip_requests.then(|| quote!(#default_compression,));
    let with_tokens = has_tokens.then(|| {
        let compression_arg = wire_plan.gzip_requests.then(|| quote!(#default_compression));
        quote! {
            /// The request of [`Self::to_http_request`], with the idempotency tokens
            /// left unset taken from `tokens` (a closure `|| String` will do, e.g. a
            /// fixed token in tests).
            pub fn to_http_request_with_tokens(&self, tokens: &dyn crate::protocol::IdempotencyTokenProvider) -> #request {
                self.request_with(tokens, #compression_arg)
            }
        }
    });
    let with_compression = wire_plan.gzip_requests.then(|| {
        let tokens_arg = has_tokens.then(|| quote!(#random_tokens,));
        quote! {
            /// [`Self::to_http_request`] with the given request compression: the
            /// operation's body is gzipped when `compression` is enabled and the
            /// body reaches its minimum size (`Content-Encoding` then ends in `gzip`).
            pub fn to_http_request_with_compression(
                &self,
                compression: &::smithy_codegen_runtime::compression::RequestCompression,
            ) -> #request {
                self.request_with(#tokens_arg compression)
            }
        }
    });
    let tokens_doc = has_tokens.then(|| {
        quote! {
            ///
            /// Idempotency tokens left unset are random UUIDs; see
            /// [`Self::to_http_request_with_tokens`] to choose them.
        }
    });
    quote! {
        #tokens_doc
        pub fn to_http_request(&self) -> #request {
            self.request_with(#tokens_arg #compression_arg)
        }

        #with_tokens

        #with_compression

        /// The request with every option of this operation given.
        fn request_with(&self, #tokens_param #compression_param) -> #request {
            #checked
        }
    }
}

/// The output's `impl`: reading responses (client) and writing them (server).
fn output_impl(
    ctx: &Ctx,
    names: &OperationNames,
    (success, no_output): (u16, bool),
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
    let mut output_headers = encode_headers(output_bound, None, &insert_header, ctx.prelude);
    if output_bound.iter().any(|(f, b)| *b == Binding::Payload && f.payload == PayloadKind::EventStream) {
        // The frames follow the head: their length is not known yet.
        output_headers.push(quote!(headers.remove(::http::header::CONTENT_LENGTH);));
    }
    let body = if no_output { (quote!(#VEC::new()), None) } else { response_body(ctx, output_bound, output_types) };
    let output_response = response(output_status, quote!(#NONE), body, output_headers);
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

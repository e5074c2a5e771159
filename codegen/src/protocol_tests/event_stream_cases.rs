//! The bodies of the `eventStreamTests` case functions, one per case and side.
//!
//! Each side sends what it sends and receives what it receives:
//!
//! - the client builds the input from `initialRequestParams` and checks
//!   `to_http_request` against `initialRequest`; encodes each `request` event
//!   with the union's `EventEncoder` and checks its headers (as a set) and
//!   payload; then decodes the HTTP response (`initialResponse`, or a 200
//!   whose body is the `response` events' `bytes`) and its stream;
//! - the server decodes the HTTP request (`initialRequest`, or the
//!   operation's method and path, with the `request` events' `bytes` as the
//!   body) and its stream; then builds the output from
//!   `initialResponseParams`, checks `to_http_response` against
//!   `initialResponse`, and encodes each `response` event.
//!
//! The receiving half is judged against the case's expectation: every
//! message decoded to its params, or a failure (of the named modeled error).
//! restJson1 carries the input's and output's other members in the HTTP
//! head, so there is no initial-request or initial-response message.

use std::collections::BTreeMap;

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};
use serde_json::Value;

use super::case_tests::{expected_request, expected_response, option, pairs, strings, CaseContext, OperationTypes};
use super::cases::{EventCase, EventDirection, EventHeaderValue, EventStreamCase, Expectation};
use super::values::ValueBuilder;
use crate::ir::{Member, ShapeId};
use crate::render::names;

/// The generated types of one `@streaming` union, from the plan.
pub(crate) struct StreamTypes {
    /// The union's enum, as the test crate names it.
    pub union: TokenStream,
    /// Its error enum (`types::error::<Union>Error`).
    pub error: TokenStream,
    /// Event members: name to variant.
    pub events: BTreeMap<String, (Ident, ShapeId)>,
    /// Error members: name to variant.
    pub errors: BTreeMap<String, (Ident, ShapeId)>,
}

/// The types of every `@streaming` union the plan has, by shape id.
pub(crate) fn stream_types(plan: &crate::plan::Plan, values: &ValueBuilder) -> BTreeMap<ShapeId, StreamTypes> {
    plan.streams
        .iter()
        .filter_map(|(id, stream)| {
            let union = values.path(values.paths.get(id)?);
            let error = values.path(&format!("types::error::{}", stream.error_name));
            let variant = |name: &str| crate::render::ident(name);
            let events =
                stream.events.iter().map(|e| (e.event_type.clone(), (variant(&e.variant), e.target.clone()))).collect();
            let errors = stream
                .errors
                .iter()
                .map(|e| (e.exception_type.clone(), (variant(&e.variant), e.target.clone())))
                .collect();
            Some((id.clone(), StreamTypes { union, error, events, errors }))
        })
        .collect()
}

/// The stream member of an operation's input or output.
struct StreamMember<'c> {
    field: Ident,
    types: &'c StreamTypes,
}

const RT: &str = "::smithy_codegen_runtime::event_stream";

fn runtime() -> TokenStream {
    RT.parse().expect("a path")
}

fn stream_member<'c>(ctx: &'c CaseContext, members: &[Member]) -> Option<StreamMember<'c>> {
    members.iter().find_map(|member| {
        let types = ctx.streams.get(&member.target)?;
        Some(StreamMember { field: crate::render::ident(&names::member(&member.name)), types })
    })
}

fn events(case: &EventStreamCase, direction: EventDirection) -> Vec<(usize, &EventCase)> {
    case.events.iter().enumerate().filter(|(_, e)| e.direction == direction).collect()
}

/// The client's half of `case`.
pub(super) fn client(ctx: &CaseContext, op: &OperationTypes, case: &EventStreamCase) -> Result<TokenStream, String> {
    let mut steps = Vec::new();
    if case.initial_request_params.is_some() || case.initial_request.is_some() {
        steps.push(initial_request(ctx, op, case)?);
    }
    steps.push(send_events(ctx, &op.input.1, &events(case, EventDirection::Request), "input")?);
    let received = receive_response(ctx, op, case)?;
    let expected = expectation(&case.expectation);
    Ok(quote! {
        #(#steps)*
        judge_received(#received, #expected)
    })
}

/// The server's half of `case`.
pub(super) fn server(ctx: &CaseContext, op: &OperationTypes, case: &EventStreamCase) -> Result<TokenStream, String> {
    let received = receive_request(ctx, op, case)?;
    let expected = expectation(&case.expectation);
    let mut steps = Vec::new();
    if case.initial_response_params.is_some() || case.initial_response.is_some() {
        steps.push(initial_response(ctx, op, case)?);
    }
    steps.push(send_events(ctx, &op.output.1, &events(case, EventDirection::Response), "output")?);
    Ok(quote! {
        judge_received(#received, #expected)?;
        #(#steps)*
        Ok(())
    })
}

fn expectation(expectation: &Expectation) -> TokenStream {
    match expectation {
        Expectation::Success => quote!(Expected::Success),
        Expectation::Failure { error_id: None } => quote!(Expected::Failure(None)),
        Expectation::Failure { error_id: Some(id) } => quote!(Expected::Failure(Some(#id))),
    }
}

/// The input or output built from the case's params, its stream set to `stream`.
fn io_value(
    ctx: &CaseContext,
    (path, members): &(TokenStream, Vec<Member>),
    params: Option<&Value>,
    stream: TokenStream,
    at: &str,
) -> Result<TokenStream, String> {
    let extra = match stream_member(ctx, members) {
        Some(StreamMember { field, .. }) => vec![quote!(.#field(#stream))],
        None => Vec::new(),
    };
    ctx.values.structure_with(path, members, params.unwrap_or(&Value::Null), at, &extra)
}

fn initial_request(ctx: &CaseContext, op: &OperationTypes, case: &EventStreamCase) -> Result<TokenStream, String> {
    let rt = runtime();
    let input = io_value(
        ctx,
        &op.input,
        case.initial_request_params.as_ref(),
        quote!(#rt::EventDecoder::new()),
        "initialRequestParams",
    )?;
    let check = match &case.initial_request {
        None => quote!(let _ = request;),
        Some(r) => {
            let expected = expected_request!(r);
            quote! {
                check_request(&request, &#expected).map_err(|e| format!("initial request: {e}"))?;
            }
        }
    };
    Ok(quote! {
        let request = #input.to_http_request().map_err(|e| format!("to_http_request failed: {e}"))?;
        #check
    })
}

fn initial_response(ctx: &CaseContext, op: &OperationTypes, case: &EventStreamCase) -> Result<TokenStream, String> {
    let rt = runtime();
    let output = io_value(
        ctx,
        &op.output,
        case.initial_response_params.as_ref(),
        quote!(#rt::EventDecoder::new()),
        "initialResponseParams",
    )?;
    let check = match &case.initial_response {
        None => quote!(let _ = response;),
        Some(r) => {
            let expected = expected_response!(r);
            quote! {
                check_response(&response, &#expected).map_err(|e| format!("initial response: {e}"))?;
            }
        }
    };
    Ok(quote! {
        let response = #output.to_http_response();
        #check
    })
}

/// Encodes the events this side sends and checks each message.
fn send_events(
    ctx: &CaseContext,
    members: &[Member],
    sent: &[(usize, &EventCase)],
    side: &str,
) -> Result<TokenStream, String> {
    if sent.is_empty() {
        return Ok(TokenStream::new());
    }
    let stream = stream_member(ctx, members).ok_or_else(|| format!("the operation's {side} has no event stream"))?;
    let rt = runtime();
    let union = &stream.types.union;
    let checks = sent
        .iter()
        .map(|(index, event)| {
            let at = format!("events[{index}]");
            let params = event.params.as_ref().ok_or_else(|| {
                format!("{at}: an event without params is not modeled, and the typed encoder cannot send it")
            })?;
            let encode = match union_value(ctx, stream.types, params, &at)? {
                UnionValue::Event(value) => quote!(encoder.encode(&#value)),
                UnionValue::Error(value) => quote!(encoder.encode_error(&#value)),
            };
            let expected = expected_event(event);
            Ok(quote! {
                let message = #encode.map_err(|e| format!("{}: encoding failed: {e}", #at))?;
                check_event(&message, &#expected).map_err(|e| format!("{}: {e}", #at))?;
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    Ok(quote! {
        let encoder = #rt::EventEncoder::<#union>::new();
        #(#checks)*
    })
}

fn expected_event(event: &EventCase) -> TokenStream {
    let headers = event.headers.iter().map(|(name, value)| {
        let value = match value {
            EventHeaderValue::Boolean(v) => quote!(ExpectedHeader::Boolean(#v)),
            EventHeaderValue::Byte(v) => quote!(ExpectedHeader::Byte(#v)),
            EventHeaderValue::Short(v) => quote!(ExpectedHeader::Short(#v)),
            EventHeaderValue::Integer(v) => quote!(ExpectedHeader::Integer(#v)),
            EventHeaderValue::Long(v) => quote!(ExpectedHeader::Long(#v)),
            EventHeaderValue::Blob(v) => quote!(ExpectedHeader::Blob(#v)),
            EventHeaderValue::String(v) => quote!(ExpectedHeader::String(#v)),
            EventHeaderValue::Timestamp(v) => {
                let text = v.as_str().map_or_else(|| v.to_string(), str::to_string);
                quote!(ExpectedHeader::Timestamp(#text))
            }
        };
        quote!((#name, #value))
    });
    let (forbid, require) = (strings(&event.forbid_headers), strings(&event.require_headers));
    let (body, media_type) = (option(&event.body), option(&event.body_media_type));
    quote! {
        ExpectedEvent {
            headers: &[#(#headers),*],
            forbid_headers: #forbid,
            require_headers: #require,
            body: #body,
            body_media_type: #media_type,
        }
    }
}

/// A union value of an event case: an event, or one of the stream's errors.
enum UnionValue {
    Event(TokenStream),
    Error(TokenStream),
}

fn union_value(ctx: &CaseContext, stream: &StreamTypes, params: &Value, at: &str) -> Result<UnionValue, String> {
    let object = params
        .as_object()
        .filter(|o| o.len() == 1)
        .ok_or_else(|| format!("{at}.params: an event must be an object with one member, found {params}"))?;
    let (name, value) = object.iter().next().expect("one member");
    let at = format!("{at}.params.{name}");
    if let Some((variant, target)) = stream.events.get(name) {
        let union = &stream.union;
        let inner = ctx.values.value(target, value, &at)?;
        Ok(UnionValue::Event(quote!(#union::#variant(#inner))))
    } else if let Some((variant, target)) = stream.errors.get(name) {
        let error = &stream.error;
        let inner = ctx.values.value(target, value, &at)?;
        Ok(UnionValue::Error(quote!(#error::#variant(#inner))))
    } else {
        Err(format!("{at}: the stream has no member `{name}`"))
    }
}

/// Whether a received message is expected to be an event (or unmodeled) or an error.
enum CheckKind {
    Event,
    Error,
}

/// A closure naming the modeled error (its shape id) of a stream error.
fn stream_error_ids(stream: &StreamTypes) -> TokenStream {
    let error = &stream.error;
    let arms = stream.errors.values().map(|(variant, target)| {
        let id = target.to_string();
        quote!(#error::#variant(_) => Some(#id),)
    });
    let arms: Vec<_> = arms.collect();
    if arms.is_empty() {
        // No modeled errors: a `match` with only `_` would be clippy's `match_single_binding`.
        return quote!(|_: &#error| -> Option<&'static str> { None });
    }
    quote!(|error: &#error| -> Option<&'static str> { match error { #(#arms)* _ => None } })
}

/// The checks of the events this side receives, from `decoded` (an iterator
/// of the stream's results), ending the body of a closure that returns
/// `Result<(), Received>`.
fn receive_events(
    ctx: &CaseContext,
    stream: &StreamMember,
    received: &[(usize, &EventCase)],
) -> Result<TokenStream, String> {
    let ids = stream_error_ids(stream.types);
    let rt = runtime();
    let mut checks = Vec::new();
    for (index, event) in received {
        let at = format!("events[{index}]");
        let ended_value = quote!(Err(Received::Differs(format!("the stream ended before {}", #at))));
        let failed_value = quote!(Err(stream_failure(error, #ids)));
        let ended = quote!(None => return #ended_value,);
        let failed = quote!(Some(Err(error)) => return #failed_value,);
        let value = event.params.as_ref().map(|p| union_value(ctx, stream.types, p, &at)).transpose()?;
        let check_kind = match &value {
            Some(UnionValue::Error(_)) => CheckKind::Error,
            _ => CheckKind::Event,
        };
        let check = match value {
            None => quote! {
                match decoded.next() {
                    Some(Ok(_)) => {}
                    #failed
                    #ended
                }
            },
            Some(UnionValue::Event(expected)) => quote! {
                match decoded.next() {
                    Some(Ok(event)) => same(&event, &#expected).map_err(|e| Received::Differs(format!("{}: {e}", #at)))?,
                    #failed
                    #ended
                }
            },
            // The closure's last expression (an error ends the stream): its
            // arms are the closure's value, without `return` (clippy's `needless_return`).
            Some(UnionValue::Error(expected)) => quote! {
                match decoded.next() {
                    Some(Err(#rt::EventStreamError::Service(error))) => {
                        same(&error, &#expected).map_err(|e| Received::Differs(format!("{}: {e}", #at)))?;
                        Err(stream_failure(#rt::EventStreamError::Service(error), #ids))
                    }
                    Some(Ok(event)) => {
                        Err(Received::Differs(format!("{}: decoded the event {event:?}, expected an error", #at)))
                    }
                    Some(Err(error)) => #failed_value,
                    None => #ended_value,
                }
            },
        };
        let ends_the_stream = matches!(check_kind, CheckKind::Error);
        checks.push(check);
        // An error ends the stream: its check returns, and nothing follows it.
        if ends_the_stream {
            return Ok(quote!(#(#checks)*));
        }
    }
    checks.push(quote! {
        match decoded.next() {
            None => {}
            Some(Ok(event)) => return Err(Received::Differs(format!("an event the case does not have: {event:?}"))),
            Some(Err(error)) => return Err(stream_failure(error, #ids)),
        }
        Ok(())
    });
    Ok(quote!(#(#checks)*))
}

/// The bytes of the events received, base64 as the case gives them.
fn received_bytes(received: &[(usize, &EventCase)]) -> Result<TokenStream, String> {
    let messages = received
        .iter()
        .map(|(index, event)| {
            event.bytes.as_deref().ok_or_else(|| format!("events[{index}] has no `bytes` to receive"))
        })
        .collect::<Result<Vec<_>, String>>()?;
    Ok(quote!(stream_bytes(&[#(#messages),*]).map_err(Received::Differs)?))
}

/// An expression naming the modeled error (its shape id) of the operation
/// error `error`, an `Option<&'static str>`.
fn operation_error_id(ctx: &CaseContext, op: &OperationTypes) -> TokenStream {
    let error = &op.error;
    let arms = op.errors.iter().filter_map(|id| {
        let relative = ctx.values.paths.get(id)?;
        let variant = format_ident!("{}", relative.rsplit("::").next().unwrap_or(relative));
        let id = id.to_string();
        Some(quote!(#error::#variant(_) => Some(#id),))
    });
    let arms: Vec<_> = arms.collect();
    if arms.is_empty() {
        return quote!(None);
    }
    quote!(match &error { #(#arms)* _ => None })
}

const EVENT_STREAM_MEDIA_TYPE: &str = "application/vnd.amazon.eventstream";

/// The client decodes the response (head and stream): a `Result<(), Received>`.
fn receive_response(ctx: &CaseContext, op: &OperationTypes, case: &EventStreamCase) -> Result<TokenStream, String> {
    let received = events(case, EventDirection::Response);
    if received.is_empty() && case.initial_response.is_none() && case.initial_response_params.is_none() {
        return Ok(quote!(Ok(())));
    }
    let stream = stream_member(ctx, &op.output.1);
    let body = match case.initial_response.as_ref().and_then(|r| r.body.as_deref()) {
        Some(text) => quote!(#text.as_bytes().to_vec()),
        None => received_bytes(&received)?,
    };
    let (code, headers) = match &case.initial_response {
        Some(r) => (r.code, pairs(&r.headers)),
        None => (200, quote!(&[("Content-Type", #EVENT_STREAM_MEDIA_TYPE)])),
    };
    let output_type = &op.output.0;
    let error_id = operation_error_id(ctx, op);
    let (compare, decode_stream) = receiving_checks(ctx, op, case, Receiver::Client, stream.as_ref(), &received)?;
    Ok(quote! {
        (|| -> Result<(), Received> {
            let body = #body;
            let response = response_with_bytes(#code, #headers, body).map_err(Received::Differs)?;
            #[allow(unused_mut)]
            let mut output = match #output_type::from_http_response(&response) {
                Ok(output) => output,
                Err(error) => {
                    let error_id: Option<&'static str> = #error_id;
                    return Err(Received::Failed { error: format!("from_http_response failed: {error:?}"), error_id });
                }
            };
            #compare
            #decode_stream
        })()
    })
}

/// The server decodes the request (head and stream): a `Result<(), Received>`.
fn receive_request(ctx: &CaseContext, op: &OperationTypes, case: &EventStreamCase) -> Result<TokenStream, String> {
    let received = events(case, EventDirection::Request);
    if received.is_empty() && case.initial_request.is_none() && case.initial_request_params.is_none() {
        return Ok(quote!(Ok(())));
    }
    let stream = stream_member(ctx, &op.input.1);
    let body = match case.initial_request.as_ref().and_then(|r| r.body.as_deref()) {
        Some(text) => quote!(#text.as_bytes().to_vec()),
        None => received_bytes(&received)?,
    };
    let (method, uri, query, mut headers) = match &case.initial_request {
        Some(r) => (r.method.clone(), r.uri.clone(), r.query_params.clone(), r.headers.clone()),
        None => {
            let http = http_of(ctx, &case.operation)?;
            if http.1.contains('{') {
                return Err(format!(
                    "the operation's URI `{}` has labels, and the case gives no initialRequest",
                    http.1
                ));
            }
            let (path, query) = http.1.split_once('?').unwrap_or((&http.1, ""));
            let query = query.split('&').filter(|q| !q.is_empty()).map(str::to_string).collect();
            (http.0.clone(), path.to_string(), query, BTreeMap::new())
        }
    };
    // What a client sends with a stream, when the case leaves it out.
    if stream.is_some() && !headers.keys().any(|h| h.eq_ignore_ascii_case("content-type")) {
        headers.insert("Content-Type".into(), EVENT_STREAM_MEDIA_TYPE.into());
    }
    let (query, headers) = (strings(&query), pairs(&headers));
    let input_type = &op.input.0;
    let (compare, decode_stream) = receiving_checks(ctx, op, case, Receiver::Server, stream.as_ref(), &received)?;
    Ok(quote! {
        (|| -> Result<(), Received> {
            let body = #body;
            let request = request_with_bytes(#method, #uri, #query, #headers, body).map_err(Received::Differs)?;
            #[allow(unused_mut)]
            let mut input = match #input_type::from_http_request(&request) {
                Ok(input) => input,
                Err(error) => {
                    return Err(Received::Failed { error: format!("from_http_request failed: {error:?}"), error_id: None });
                }
            };
            #compare
            #decode_stream
        })()
    })
}

/// The side that receives a stream: the client its response, the server its
/// request.
#[derive(Clone, Copy)]
enum Receiver {
    Client,
    Server,
}

impl Receiver {
    /// `output` or `input`: also the variable the decoded initial message is held in.
    fn what(self) -> &'static str {
        match self {
            Receiver::Client => "output",
            Receiver::Server => "input",
        }
    }

    /// The operation's output or input.
    fn io(self, op: &OperationTypes) -> &(TokenStream, Vec<Member>) {
        match self {
            Receiver::Client => &op.output,
            Receiver::Server => &op.input,
        }
    }

    /// The case's params of the initial message, with their field's name and
    /// what failures call that message.
    fn initial_params(self, case: &EventStreamCase) -> (Option<&Value>, &'static str, &'static str) {
        match self {
            Receiver::Client => (case.initial_response_params.as_ref(), "initialResponseParams", "initial response"),
            Receiver::Server => (case.initial_request_params.as_ref(), "initialRequestParams", "initial request"),
        }
    }
}

/// What the receiving side checks once the initial message has decoded into
/// `input` or `output`: its members against the case's initial params, then
/// the events of its stream against `received`.
fn receiving_checks(
    ctx: &CaseContext,
    op: &OperationTypes,
    case: &EventStreamCase,
    receiver: Receiver,
    stream: Option<&StreamMember>,
    received: &[(usize, &EventCase)],
) -> Result<(TokenStream, TokenStream), String> {
    let (var, io) = (format_ident!("{}", receiver.what()), receiver.io(op));
    let (params, at, initial) = receiver.initial_params(case);
    let compare = match params {
        None => TokenStream::new(),
        Some(params) => {
            let stream_value = match stream {
                Some(stream) => {
                    let field = &stream.field;
                    quote!(#var.#field.clone())
                }
                None => TokenStream::new(),
            };
            let expected = io_value(ctx, io, Some(params), stream_value, at)?;
            let message = format!("{initial}: {{e}}");
            quote!(same(&#var, &#expected).map_err(|e| Received::Differs(format!(#message)))?;)
        }
    };
    let decode_stream = match stream {
        Some(stream) => {
            let field = &stream.field;
            let checks = receive_events(ctx, stream, received)?;
            quote! {
                let mut decoded = #var.#field.finish();
                #checks
            }
        }
        None if received.is_empty() => quote! {
            let _ = #var;
            Ok(())
        },
        None => return Err(format!("the operation's {} has no event stream", receiver.what())),
    };
    Ok((compare, decode_stream))
}

/// The operation's `@http` method and URI.
fn http_of(ctx: &CaseContext, operation: &str) -> Result<(String, String), String> {
    let id = ShapeId::parse(operation).map_err(|e| e.to_string())?;
    let http = ctx.values.model.shapes.get(&id).and_then(|shape| shape.traits.http.as_ref());
    let http = http.ok_or_else(|| format!("the operation {operation} has no @http trait"))?;
    Ok((http.method.clone(), http.uri.clone()))
}

//! Generated tests (under `#[cfg(test)]`) that a request carries only what the
//! caller set: an input built with only its required members (placeholder
//! values) sends no other query parameter, header or body member; members with
//! a model default that the caller sets, even to the default, are sent; and a
//! server reading a request without them sees the defaults.
//!
//! The tests use the crate-private halves of `to_http_request` and
//! `from_http_request` that skip the constraint check, since placeholders do
//! not match the model's patterns.

use super::prelude::*;
use proc_macro2::TokenStream;
use quote::quote;
use serde_json::{json, Map, Value};

use super::protocol::{bound_fields, literal_query_keys, Binding};
use super::structure::{Field, FieldKind};
use super::Ctx;
use crate::ast::Node;
use crate::ir::{Member, Shape, ShapeKind, Simple};

/// The key of placeholder maps (also the query key or header suffix they become).
const MAP_KEY: &str = "k";

/// A value of `member`'s target in the JSON form of its structure's serde impl.
fn placeholder(ctx: &Ctx, member: &Member) -> Value {
    let target = ctx.shape(&member.target);
    match &target.kind {
        ShapeKind::Simple(simple) => match simple {
            Simple::String => json!("x"),
            Simple::Boolean => json!(true),
            Simple::Float | Simple::Double => json!(1.0),
            Simple::Blob => json!("eA=="),
            Simple::Document => json!({}),
            Simple::Timestamp => {
                let format = member.traits.timestamp_format.as_ref().or(target.traits.timestamp_format.as_ref());
                match format.map(String::as_str) {
                    Some("date-time") => json!("1970-01-01T00:00:01Z"),
                    Some("http-date") => json!("Thu, 01 Jan 1970 00:00:01 GMT"),
                    _ => json!(1),
                }
            }
            _ => json!(1),
        },
        ShapeKind::Enum(values) => values.first().map_or(json!("x"), |v| json!(v.value)),
        ShapeKind::IntEnum(values) => values.first().map_or(json!(1), |v| json!(v.value)),
        ShapeKind::List(m) => json!([placeholder(ctx, m)]),
        ShapeKind::Map { value, .. } => json!({ MAP_KEY: placeholder(ctx, value) }),
        ShapeKind::Structure(members) => required_only(ctx, members),
        ShapeKind::Union(members) => {
            let mut object = Map::new();
            if let Some(m) = members.first() {
                object.insert(wire_name(m), placeholder(ctx, m));
            }
            Value::Object(object)
        }
        _ => Value::Null,
    }
}

fn wire_name(member: &Member) -> String {
    member.traits.json_name.clone().unwrap_or_else(|| member.name.clone())
}

/// A structure with its required members only.
fn required_only(ctx: &Ctx, members: &[Member]) -> Value {
    Value::Object(members.iter().filter(|m| m.traits.required).map(|m| (wire_name(m), placeholder(ctx, m))).collect())
}

/// What a request of the input should carry, for `protocol::assert_sent`.
#[derive(Default)]
struct Expected {
    query: Vec<String>,
    headers: Vec<String>,
    body_keys: Vec<String>,
    payload: bool,
    has_body_members: bool,
    /// An optional structure payload, which is `{}` when unset.
    structure_payload: bool,
}

impl Expected {
    /// The members the request always carries: literal query keys, and required members.
    fn new(http_uri: &str, bound: &[(Field, Binding)]) -> Self {
        let mut expected = Expected { query: literal_query_keys(http_uri), ..Expected::default() };
        for (f, b) in bound {
            expected.has_body_members |= *b == Binding::Body;
            expected.structure_payload |= *b == Binding::Payload
                && f.kind == FieldKind::Optional
                && f.payload == crate::plan::PayloadKind::Json { structure: true };
            if f.kind != FieldKind::Optional {
                expected.add(f, b);
            }
        }
        expected
    }

    fn add(&mut self, f: &Field, b: &Binding) {
        match b {
            Binding::Query(key) => self.query.push(key.clone()),
            Binding::QueryParams => self.query.push(MAP_KEY.to_string()),
            Binding::Header(name) => self.headers.push(name.to_ascii_lowercase()),
            Binding::PrefixHeaders(prefix) => self.headers.push(format!("{prefix}{MAP_KEY}")),
            Binding::Payload => self.payload = true,
            Binding::Body => self.body_keys.push(f.wire.clone()),
            Binding::Label | Binding::ResponseCode => {}
        }
    }

    /// The arguments of `assert_sent` after the request.
    fn assert_args(&self, has_payload_member: bool) -> TokenStream {
        let sorted = |items: &[String]| {
            let mut items = items.to_vec();
            items.sort();
            items.dedup();
            items
        };
        let (query, headers, body_keys) = (sorted(&self.query), sorted(&self.headers), sorted(&self.body_keys));
        let body = if self.payload {
            quote!(crate::protocol::SentBody::Payload)
        } else if self.has_body_members && !has_payload_member {
            quote!(crate::protocol::SentBody::JsonKeys(&[#(#body_keys),*]))
        } else if self.structure_payload {
            quote!(crate::protocol::SentBody::JsonKeys(&[]))
        } else {
            quote!(crate::protocol::SentBody::Empty)
        };
        quote!(&[#(#query),*], &[#(#headers),*], #body)
    }
}

/// The test module of one operation whose input is `input` (at `input_path`).
pub(crate) fn render(ctx: &Ctx, op: &Shape, input: &Shape, input_path: &TokenStream) -> TokenStream {
    let_prelude!(ctx.prelude => SOME, NONE);
    let (Some(http), ShapeKind::Structure(members)) = (&op.traits.http, &input.kind) else {
        return quote!();
    };
    let cfg = ctx.protocol_cfg();
    let bound = bound_fields(ctx, input);
    let has_payload_member = bound.iter().any(|(_, b)| *b == Binding::Payload);
    let required = required_only(ctx, members);
    let required_json = required.to_string();
    let expected = Expected::new(&http.uri, &bound);
    let required_args = expected.assert_args(has_payload_member);

    let defaulted: Vec<&(Field, Binding)> = bound.iter().filter(|(f, _)| f.unset_default.is_some()).collect();
    let defaults_test = if defaulted.is_empty() {
        quote!()
    } else {
        let mut explicit = required.clone();
        let mut explicit_expected = expected;
        let mut server_checks = Vec::new();
        for (f, b) in &defaulted {
            let default = f.unset_default.as_ref().expect("filtered");
            if let Value::Object(object) = &mut explicit {
                // The plan refused defaults that do not fit their type, and every number that fits is finite.
                let json = default.to_json_value().expect("a planned default is finite");
                object.insert(f.wire.clone(), json);
            }
            // An empty list or map set explicitly has no form in a query or a header.
            let empty =
                matches!(default, Node::Array(a) if a.is_empty()) || matches!(default, Node::Object(o) if o.is_empty());
            if !empty || *b == Binding::Body {
                explicit_expected.add(f, b);
            }
            let id = &f.ident;
            let value = f.default_value(ctx.prelude);
            server_checks.push(quote! {
                assert_eq!(input.#id, #NONE);
                assert_eq!(from_server.#id, #SOME(#value));
                assert_eq!(explicit_from_server.#id, #SOME(#value));
            });
        }
        let explicit_json = explicit.to_string();
        let explicit_args = explicit_expected.assert_args(has_payload_member);
        quote! {
            /// Members with a model default set to that default are sent, and a
            /// server reading a request without them fills the defaults in.
            #[test]
            fn defaults_are_sent_when_set_and_filled_in_by_the_server() {
                let input: #input_path = ::serde_json::from_str(#required_json).expect("the placeholder input decodes");
                let request = input.encode_http_request().expect("the input becomes a request");
                let from_server = <#input_path>::decode_http_request(&request).expect("the server reads the request");
                let explicit: #input_path = ::serde_json::from_str(#explicit_json).expect("the explicit input decodes");
                let explicit_request = explicit.encode_http_request().expect("the input becomes a request");
                crate::protocol::assert_sent(&explicit_request, #explicit_args);
                let explicit_from_server =
                    <#input_path>::decode_http_request(&explicit_request).expect("the server reads the request");
                #(#server_checks)*
            }
        }
    };
    quote! {
        #cfg
        #[cfg(test)]
        mod sent_members {
            /// With only its required members set, a request carries nothing else.
            #[test]
            fn only_members_set_are_sent() {
                let input: #input_path = ::serde_json::from_str(#required_json).expect("the placeholder input decodes");
                let request = input.encode_http_request().expect("the input becomes a request");
                crate::protocol::assert_sent(&request, #required_args);
            }
            #defaults_test
        }
    }
}

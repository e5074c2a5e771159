//! Rust expressions that build a case's `params` as the generated types:
//! structures through their builders, unions by variant, enums from their
//! value, and the suite's conventions for scalars (blobs are strings of raw
//! bytes, timestamps epoch seconds or date-time text, floats may be `"NaN"` or `"Infinity"`).

use std::collections::BTreeMap;

use proc_macro2::{Literal, TokenStream};
use quote::quote;
use serde_json::Value;

use crate::ir::{Member, Model, ShapeId, ShapeKind, Simple};
use crate::render::names;

/// Where the generated types live, for the expressions that build them.
pub(crate) struct ValueBuilder<'a> {
    /// The resolved model.
    pub model: &'a Model,
    /// The Rust path of every generated type (`types::Foo`), relative to the crate.
    pub paths: &'a BTreeMap<ShapeId, String>,
    /// The generated crate's name in the test crate (`service`).
    pub krate: TokenStream,
}

impl ValueBuilder<'_> {
    /// The absolute path of a generated type given its crate-relative path.
    pub fn path(&self, relative: &str) -> TokenStream {
        let krate = &self.krate;
        let path: syn::Path = syn::parse_str(relative).expect("generated paths are Rust paths");
        quote!(#krate::#path)
    }

    fn type_path(&self, id: &ShapeId, at: &str) -> Result<TokenStream, String> {
        let relative = self.paths.get(id).ok_or_else(|| format!("{at}: `{id}` has no generated type"))?;
        Ok(self.path(relative))
    }

    /// An expression of type `type_path` (a structure) with `members` set from `value`.
    pub fn structure(
        &self,
        type_path: &TokenStream,
        members: &[Member],
        value: &Value,
        at: &str,
    ) -> Result<TokenStream, String> {
        self.structure_with(type_path, members, value, at, &[])
    }

    /// [`ValueBuilder::structure`], with `extra` setter calls (`.stream(...)`)
    /// for members that `value` cannot hold.
    pub fn structure_with(
        &self,
        type_path: &TokenStream,
        members: &[Member],
        value: &Value,
        at: &str,
        extra: &[TokenStream],
    ) -> Result<TokenStream, String> {
        let empty = serde_json::Map::new();
        let object = match value {
            Value::Object(object) => object,
            Value::Null => &empty,
            other => return Err(format!("{at}: expected an object, found {other}")),
        };
        let mut setters = Vec::new();
        for (name, member_value) in object {
            let member = members
                .iter()
                .find(|m| &m.name == name)
                .ok_or_else(|| format!("{at}: the structure has no member `{name}`"))?;
            if member_value.is_null() {
                continue;
            }
            let member_at = format!("{at}.{name}");
            let expr = self.value(&member.target, member_value, &member_at)?;
            let field = names::member(&member.name);
            let target = &self.model.shapes[&member.target];
            // Lists and maps are set whole (their plain setters append one item).
            let setter = if matches!(target.kind, ShapeKind::List(_) | ShapeKind::Map { .. })
                && !(member.traits.streaming || target.traits.streaming)
            {
                let set = crate::render::ident(&format!("set_{}", field.trim_start_matches("r#")));
                quote!(.#set(::std::option::Option::Some(#expr)))
            } else {
                let setter = crate::render::ident(&field);
                quote!(.#setter(#expr))
            };
            setters.push(setter);
        }
        Ok(quote!(crate::checks::Finish::finish(#type_path::builder() #(#setters)* #(#extra)* .build())))
    }

    /// An expression of the Rust type of `target` holding `value`.
    pub fn value(&self, target: &ShapeId, value: &Value, at: &str) -> Result<TokenStream, String> {
        let shape = self.model.shapes.get(target).ok_or_else(|| format!("{at}: no shape `{target}`"))?;
        let mismatch = || format!("{at}: {value} does not fit `{target}` ({})", shape.kind.type_name());
        Ok(match &shape.kind {
            ShapeKind::Simple(simple) => self.simple(*simple, value, at).ok_or_else(mismatch)??,
            ShapeKind::Enum(_) => {
                let text = value.as_str().ok_or_else(mismatch)?;
                let path = self.type_path(target, at)?;
                quote!(#path::from(#text))
            }
            ShapeKind::IntEnum(_) => {
                let number = value.as_i64().and_then(|n| i32::try_from(n).ok()).ok_or_else(mismatch)?;
                let path = self.type_path(target, at)?;
                quote!(#path(#number))
            }
            ShapeKind::List(member) => {
                let sparse = shape.traits.has("smithy.api#sparse");
                let items = value.as_array().ok_or_else(mismatch)?;
                let items = items
                    .iter()
                    .enumerate()
                    .map(|(index, item)| self.item(sparse, &member.target, item, &format!("{at}[{index}]"), "list"))
                    .collect::<Result<Vec<_>, _>>()?;
                quote!(::std::vec![#(#items),*])
            }
            ShapeKind::Map { key, value: map_value } => {
                let sparse = shape.traits.has("smithy.api#sparse");
                let entries = value.as_object().ok_or_else(mismatch)?;
                let entries = entries
                    .iter()
                    .map(|(name, item)| {
                        let key = self.value(&key.target, &Value::String(name.clone()), &format!("{at}.{name}"))?;
                        let item = self.item(sparse, &map_value.target, item, &format!("{at}.{name}"), "map")?;
                        Ok(quote!((#key, #item)))
                    })
                    .collect::<Result<Vec<_>, String>>()?;
                quote!(::std::collections::HashMap::from([#(#entries),*]))
            }
            ShapeKind::Structure(members) => {
                let path = self.type_path(target, at)?;
                self.structure(&path, members, value, at)?
            }
            ShapeKind::Union(members) => self.union(target, members, value, at)?,
            ShapeKind::Operation(_) | ShapeKind::Resource(_) | ShapeKind::Service(_) => return Err(mismatch()),
        })
    }

    /// An item of a list or map: an `Option` in a sparse one, where null is `None`.
    fn item(&self, sparse: bool, target: &ShapeId, value: &Value, at: &str, kind: &str) -> Result<TokenStream, String> {
        match (sparse, value) {
            (true, Value::Null) => Ok(quote!(::std::option::Option::None)),
            (true, value) => {
                let item = self.value(target, value, at)?;
                Ok(quote!(::std::option::Option::Some(#item)))
            }
            (false, Value::Null) => Err(format!("{at}: null in a {kind} that is not @sparse")),
            (false, value) => self.value(target, value, at),
        }
    }

    fn union(&self, target: &ShapeId, members: &[Member], value: &Value, at: &str) -> Result<TokenStream, String> {
        let object = value
            .as_object()
            .filter(|o| o.len() == 1)
            .ok_or_else(|| format!("{at}: a union value must be an object with one member, found {value}"))?;
        let (name, member_value) = object.iter().next().expect("one member");
        let member = members
            .iter()
            .find(|m| &m.name == name)
            .ok_or_else(|| format!("{at}: the union has no member `{name}`"))?;
        let path = self.type_path(target, at)?;
        let variant = crate::render::ident(&names::variant(name));
        if member.target.as_str() == "smithy.api#Unit" {
            return Ok(quote!(#path::#variant));
        }
        let inner = self.value(&member.target, member_value, &format!("{at}.{name}"))?;
        // Recursive members are boxed; `into` boxes or passes the value through.
        let boxable = matches!(self.model.shapes[&member.target].kind, ShapeKind::Structure(_) | ShapeKind::Union(_));
        Ok(if boxable {
            quote!(#path::#variant(::std::convert::Into::into(#inner)))
        } else {
            quote!(#path::#variant(#inner))
        })
    }

    /// `None` when `value` does not fit the type; `Some(Err)` for an unsupported one.
    fn simple(&self, simple: Simple, value: &Value, at: &str) -> Option<Result<TokenStream, String>> {
        let krate = &self.krate;
        Some(Ok(match (simple, value) {
            (Simple::String, Value::String(s)) => quote!(::std::string::String::from(#s)),
            (Simple::Boolean, Value::Bool(b)) => quote!(#b),
            (Simple::Byte, Value::Number(n)) => {
                Literal::i8_suffixed(i8::try_from(n.as_i64()?).ok()?).into_token_stream()
            }
            (Simple::Short, Value::Number(n)) => {
                Literal::i16_suffixed(i16::try_from(n.as_i64()?).ok()?).into_token_stream()
            }
            (Simple::Integer, Value::Number(n)) => {
                Literal::i32_suffixed(i32::try_from(n.as_i64()?).ok()?).into_token_stream()
            }
            (Simple::Long, Value::Number(n)) => Literal::i64_suffixed(n.as_i64()?).into_token_stream(),
            (Simple::Float, value) => float(value, quote!(f32), |v| Literal::f32_suffixed(v as f32))?,
            (Simple::Double, value) => float(value, quote!(f64), Literal::f64_suffixed)?,
            (Simple::Blob, Value::String(s)) => {
                let bytes = Literal::byte_string(s.as_bytes());
                quote!(#krate::primitives::Blob::new(#bytes.to_vec()))
            }
            (Simple::Timestamp, Value::Number(n)) => match n.as_i64() {
                Some(seconds) => quote!(#krate::primitives::DateTime::from_secs(#seconds)),
                None => {
                    // The suite's fractions are decimal (`.123`): rounded to the
                    // microsecond, as binary f64 arithmetic would miss them.
                    let value = n.as_f64()?;
                    let seconds = value.floor();
                    let micros = ((value - seconds) * 1e6).round() as u32;
                    let (seconds, nanos) = (seconds as i64, micros * 1000);
                    quote!(#krate::primitives::DateTime::from_secs_and_nanos(#seconds, #nanos))
                }
            },
            // Event-stream cases write date-times as text (`2024-10-31T14:15:14Z`).
            (Simple::Timestamp, Value::String(text)) => quote!(#krate::primitives::DateTime::parse(
                #text,
                #krate::primitives::TimestampFormat::DateTime
            )
            .expect("the case's timestamp is a date-time")),
            (Simple::Document, value) => {
                let text = value.to_string();
                quote!(::serde_json::from_str::<::serde_json::Value>(#text).expect("the case's document is JSON"))
            }
            (Simple::BigInteger | Simple::BigDecimal, _) => {
                return Some(Err(format!("{at}: bigInteger and bigDecimal are not generated")))
            }
            _ => return None,
        }))
    }
}

/// A float literal, or the named constant for `NaN`, `Infinity`, `-Infinity`.
fn float(value: &Value, ty: TokenStream, literal: impl Fn(f64) -> Literal) -> Option<TokenStream> {
    Some(match value {
        Value::Number(n) => literal(n.as_f64()?).into_token_stream(),
        Value::String(s) if s == "NaN" => quote!(#ty::NAN),
        Value::String(s) if s == "Infinity" => quote!(#ty::INFINITY),
        Value::String(s) if s == "-Infinity" => quote!(#ty::NEG_INFINITY),
        _ => return None,
    })
}

trait IntoTokens {
    fn into_token_stream(self) -> TokenStream;
}

impl IntoTokens for Literal {
    fn into_token_stream(self) -> TokenStream {
        quote!(#self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> Model {
        let json = serde_json::json!({
            "smithy": "2.0",
            "shapes": {
                "ex#Thing": {"type": "structure", "members": {
                    "name": {"target": "smithy.api#String"},
                    "count": {"target": "smithy.api#Integer"},
                    "ratio": {"target": "smithy.api#Float"},
                    "data": {"target": "smithy.api#Blob"},
                    "when": {"target": "smithy.api#Timestamp"},
                    "tags": {"target": "ex#Tags"},
                    "sizes": {"target": "ex#Sizes"},
                    "color": {"target": "ex#Color"},
                    "choice": {"target": "ex#Choice"},
                    "doc": {"target": "smithy.api#Document"},
                }},
                "ex#Tags": {"type": "list", "member": {"target": "smithy.api#String"}},
                "ex#Sizes": {"type": "map", "key": {"target": "smithy.api#String"}, "value": {"target": "smithy.api#Long"}},
                "ex#Color": {"type": "enum", "members": {"RED": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "red"}}}},
                "ex#Choice": {"type": "union", "members": {"none": {"target": "smithy.api#Unit"}, "thing": {"target": "ex#Thing"}}},
            }
        });
        crate::ir::resolve(&crate::ast::parse(json.to_string().as_bytes()).unwrap()).unwrap()
    }

    fn build(value: Value) -> Result<String, String> {
        let model = model();
        let paths = BTreeMap::from(
            ["Thing", "Color", "Choice"]
                .map(|name| (ShapeId::parse(&format!("ex#{name}")).unwrap(), format!("types::{name}"))),
        );
        let builder = ValueBuilder { model: &model, paths: &paths, krate: quote!(service) };
        builder.value(&ShapeId::parse("ex#Thing").unwrap(), &value, "params").map(|tokens| tokens.to_string())
    }

    #[test]
    fn params_become_builder_calls_with_the_suite_conventions() {
        let code = build(serde_json::json!({
            "name": "a", "count": 3, "ratio": "NaN", "data": "raw", "when": 1.5, "tags": ["x"],
            "sizes": {"k": 2}, "color": "red", "choice": {"none": {}}, "doc": {"d": [1]},
        }))
        .unwrap();
        for expected in [
            "service :: types :: Thing :: builder ()",
            ". name (:: std :: string :: String :: from (\"a\"))",
            ". count (3i32)",
            ". ratio (f32 :: NAN)",
            ". data (service :: primitives :: Blob :: new (b\"raw\" . to_vec ()))",
            ". when (service :: primitives :: DateTime :: from_secs_and_nanos (1i64 , 500000000u32))",
            ". set_tags (:: std :: option :: Option :: Some (:: std :: vec ! [:: std :: string :: String :: from (\"x\")]))",
            ". set_sizes (:: std :: option :: Option :: Some (:: std :: collections :: HashMap :: from ([(:: std :: string :: String :: from (\"k\") , 2i64)])))",
            ". color (service :: types :: Color :: from (\"red\"))",
            ". choice (service :: types :: Choice :: None)",
            "serde_json :: from_str :: < :: serde_json :: Value > (\"{\\\"d\\\":[1]}\")",
        ] {
            assert!(code.contains(expected), "{expected}\nnot in\n{code}");
        }
    }

    #[test]
    fn recursive_union_members_may_be_boxed_and_nulls_are_unset() {
        let code = build(serde_json::json!({"choice": {"thing": {"name": null}}})).unwrap();
        assert!(code.contains("Choice :: Thing (:: std :: convert :: Into :: into ("), "{code}");
        assert!(!code.contains(". name ("), "{code}");
    }

    #[test]
    fn params_that_do_not_fit_the_model_say_where() {
        let cases = [
            (serde_json::json!({"nope": 1}), "params: the structure has no member `nope`"),
            (serde_json::json!({"count": "x"}), "params.count: \"x\" does not fit `smithy.api#Integer` (integer)"),
            (serde_json::json!({"tags": [null]}), "params.tags[0]: null in a list"),
            (serde_json::json!({"choice": {}}), "params.choice: a union value must be an object with one member"),
        ];
        for (value, expected) in cases {
            let error = build(value.clone()).unwrap_err();
            assert!(error.starts_with(expected), "{value}: {error}");
        }
    }
}

//! Resolve stage: the validated intermediate representation.
//!
//! Every target is resolved, shape types are checked against their use, and the
//! traits the renderer needs are typed. Legacy (IDL 1.0 style) string shapes with
//! the `smithy.api#enum` trait become enum shapes here, so later stages see one form.

use std::collections::BTreeMap;
use std::fmt;

use crate::ast::{AstMember, AstModel, AstRef, AstShape, Node};
use crate::error::Error;
use crate::traits::Traits;

/// The legacy enum trait, which turns a string shape into an enum.
const LEGACY_ENUM: &str = "smithy.api#enum";

/// An absolute shape id, `namespace#Name`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ShapeId(String);

/// A Smithy identifier: a letter or `_`, then letters, digits or `_`.
fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

impl ShapeId {
    /// Checks the `namespace#Name` form.
    pub fn parse(id: &str) -> Result<ShapeId, Error> {
        let (ns, name) = id.split_once('#').ok_or_else(|| Error::BadShapeId(id.to_string()))?;
        let ident_ok = |s: &str| s.split('.').all(is_identifier);
        if !ident_ok(ns) || !is_identifier(name) {
            return Err(Error::BadShapeId(id.to_string()));
        }
        Ok(ShapeId(id.to_string()))
    }

    /// The namespace part.
    pub fn namespace(&self) -> &str {
        self.0.split_once('#').map(|(ns, _)| ns).unwrap_or("")
    }

    /// The shape name part.
    pub fn name(&self) -> &str {
        self.0.split_once('#').map(|(_, n)| n).unwrap_or(&self.0)
    }

    /// The whole id.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The id of a member of this shape, for messages.
    pub fn member(&self, member: &str) -> String {
        format!("{}${}", self.0, member)
    }
}

impl fmt::Display for ShapeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The simple (scalar) shape types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Simple {
    /// `blob`
    Blob,
    /// `boolean`
    Boolean,
    /// `string`
    String,
    /// `byte`
    Byte,
    /// `short`
    Short,
    /// `integer`
    Integer,
    /// `long`
    Long,
    /// `float`
    Float,
    /// `double`
    Double,
    /// `bigInteger`
    BigInteger,
    /// `bigDecimal`
    BigDecimal,
    /// `timestamp`
    Timestamp,
    /// `document`
    Document,
}

impl Simple {
    fn from_type(t: &str) -> Option<Simple> {
        Some(match t {
            "blob" => Simple::Blob,
            "boolean" => Simple::Boolean,
            "string" => Simple::String,
            "byte" => Simple::Byte,
            "short" => Simple::Short,
            "integer" => Simple::Integer,
            "long" => Simple::Long,
            "float" => Simple::Float,
            "double" => Simple::Double,
            "bigInteger" => Simple::BigInteger,
            "bigDecimal" => Simple::BigDecimal,
            "timestamp" => Simple::Timestamp,
            "document" => Simple::Document,
            _ => return None,
        })
    }

    /// Whether the type is a number.
    pub fn is_number(self) -> bool {
        matches!(
            self,
            Simple::Byte
                | Simple::Short
                | Simple::Integer
                | Simple::Long
                | Simple::Float
                | Simple::Double
                | Simple::BigInteger
                | Simple::BigDecimal
        )
    }
}

/// A member of a structure, union, list or map.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// The member name as written in the model (the wire name unless `jsonName` says otherwise).
    pub name: String,
    /// The resolved target.
    pub target: ShapeId,
    /// The member's own traits.
    pub traits: Traits,
}

/// One value of an enum shape.
#[derive(Debug, Clone, PartialEq)]
pub struct EnumValue {
    /// The member name (names the Rust variant).
    pub name: String,
    /// The wire value.
    pub value: String,
    /// Documentation and deprecation of the value.
    pub traits: Traits,
}

/// One value of an intEnum shape.
#[derive(Debug, Clone, PartialEq)]
pub struct IntEnumValue {
    /// The member name (names the Rust constant).
    pub name: String,
    /// The wire value.
    pub value: i32,
    /// Documentation and deprecation of the value.
    pub traits: Traits,
}

/// An operation's bindings.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Operation {
    /// The input structure, if any (`smithy.api#Unit` counts as none).
    pub input: Option<ShapeId>,
    /// The output structure, if any.
    pub output: Option<ShapeId>,
    /// Error structures, in model order.
    pub errors: Vec<ShapeId>,
}

/// A service's bindings.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Service {
    /// The service version.
    pub version: Option<String>,
    /// Directly bound operations.
    pub operations: Vec<ShapeId>,
    /// Directly bound resources.
    pub resources: Vec<ShapeId>,
    /// Errors every operation of the service can return.
    pub errors: Vec<ShapeId>,
    /// Renamed shapes: shape id -> name used in generated code.
    pub rename: BTreeMap<ShapeId, String>,
}

/// A resource's bindings.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Resource {
    /// Identifiers: name -> target, in declaration order.
    pub identifiers: Vec<(String, ShapeId)>,
    /// Properties: name -> target, in declaration order.
    pub properties: Vec<(String, ShapeId)>,
    /// Every bound operation: lifecycle, instance and collection operations.
    pub operations: Vec<ShapeId>,
    /// Child resources.
    pub resources: Vec<ShapeId>,
}

/// What a shape is.
// Members carry their traits inline; boxing them would buy nothing for a
// structure that exists once per shape.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum ShapeKind {
    /// A scalar.
    Simple(Simple),
    /// A string enum (also legacy strings with the `enum` trait).
    Enum(Vec<EnumValue>),
    /// An integer enum.
    IntEnum(Vec<IntEnumValue>),
    /// A list or set.
    List(Member),
    /// A map.
    Map {
        /// The key member (a string shape).
        key: Member,
        /// The value member.
        value: Member,
    },
    /// A structure, members in declaration order.
    Structure(Vec<Member>),
    /// A tagged union, members in declaration order.
    Union(Vec<Member>),
    /// An operation.
    Operation(Operation),
    /// A resource.
    Resource(Resource),
    /// A service.
    Service(Service),
}

impl ShapeKind {
    /// The Smithy type name (`string`, `structure`, `intEnum`, ...).
    pub fn type_name(&self) -> &'static str {
        match self {
            ShapeKind::Simple(s) => match s {
                Simple::Blob => "blob",
                Simple::Boolean => "boolean",
                Simple::String => "string",
                Simple::Byte => "byte",
                Simple::Short => "short",
                Simple::Integer => "integer",
                Simple::Long => "long",
                Simple::Float => "float",
                Simple::Double => "double",
                Simple::BigInteger => "bigInteger",
                Simple::BigDecimal => "bigDecimal",
                Simple::Timestamp => "timestamp",
                Simple::Document => "document",
            },
            ShapeKind::Enum(_) => "enum",
            ShapeKind::IntEnum(_) => "intEnum",
            ShapeKind::List(_) => "list",
            ShapeKind::Map { .. } => "map",
            ShapeKind::Structure(_) => "structure",
            ShapeKind::Union(_) => "union",
            ShapeKind::Operation(_) => "operation",
            ShapeKind::Resource(_) => "resource",
            ShapeKind::Service(_) => "service",
        }
    }
}

/// A resolved shape.
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    /// The shape id.
    pub id: ShapeId,
    /// The shape type and its members or bindings.
    pub kind: ShapeKind,
    /// The shape's traits.
    pub traits: Traits,
}

impl Shape {
    /// The members of a structure or union (empty for other shapes).
    pub fn members(&self) -> &[Member] {
        match &self.kind {
            ShapeKind::Structure(m) | ShapeKind::Union(m) => m,
            _ => &[],
        }
    }

    /// Every member of an aggregate: structure and union members, a list's
    /// member, a map's key and value (empty for other shapes).
    pub fn all_members(&self) -> Vec<&Member> {
        match &self.kind {
            ShapeKind::List(m) => vec![m],
            ShapeKind::Map { key, value } => vec![key, value],
            ShapeKind::Structure(ms) | ShapeKind::Union(ms) => ms.iter().collect(),
            _ => Vec::new(),
        }
    }
}

/// A resolved model: every target exists, every trait the generator reads is typed.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// All shapes, ordered by id, prelude shapes included where referenced.
    pub shapes: BTreeMap<ShapeId, Shape>,
}

/// The prelude's shape namespace.
pub const PRELUDE: &str = "smithy.api";

fn prelude_shape(id: &ShapeId) -> Option<Shape> {
    if id.namespace() != PRELUDE {
        return None;
    }
    let simple = |s| ShapeKind::Simple(s);
    let kind = match id.name() {
        "Unit" => ShapeKind::Structure(Vec::new()),
        "Blob" => simple(Simple::Blob),
        "Boolean" | "PrimitiveBoolean" => simple(Simple::Boolean),
        "String" => simple(Simple::String),
        "Byte" | "PrimitiveByte" => simple(Simple::Byte),
        "Short" | "PrimitiveShort" => simple(Simple::Short),
        "Integer" | "PrimitiveInteger" => simple(Simple::Integer),
        "Long" | "PrimitiveLong" => simple(Simple::Long),
        "Float" | "PrimitiveFloat" => simple(Simple::Float),
        "Double" | "PrimitiveDouble" => simple(Simple::Double),
        "BigInteger" => simple(Simple::BigInteger),
        "BigDecimal" => simple(Simple::BigDecimal),
        "Timestamp" => simple(Simple::Timestamp),
        "Document" => simple(Simple::Document),
        _ => return None,
    };
    let mut traits = Traits::default();
    if id.name().starts_with("Primitive") {
        traits.default = Some(if id.name() == "PrimitiveBoolean" { Node::Bool(false) } else { Node::from(0) });
    }
    Some(Shape { id: id.clone(), kind, traits })
}

/// The id of the prelude's `Unit` shape (an operation without input or output).
pub fn is_unit(id: &ShapeId) -> bool {
    id.as_str() == "smithy.api#Unit"
}

/// Validates a parsed model and builds the IR.
pub fn resolve(ast: &AstModel) -> Result<Model, Error> {
    if crate::mixins::needs_flattening(ast) {
        return resolve(&crate::mixins::flatten(ast, false)?);
    }
    if ast.smithy != "2.0" && ast.smithy != "2" && ast.smithy != "1.0" && ast.smithy != "1" {
        return Err(Error::Version(ast.smithy.clone()));
    }
    let mut shapes = BTreeMap::new();
    for (id, shape) in ast.shapes.iter() {
        let id = ShapeId::parse(id)?;
        let resolved = resolve_shape(&id, shape)?;
        shapes.insert(id, resolved);
    }
    let mut model = Model { shapes };
    add_prelude_targets(&mut model)?;
    validate_targets(&model)?;
    Ok(model)
}

fn target(at: &str, r: &str) -> Result<ShapeId, Error> {
    ShapeId::parse(r).map_err(|_| Error::at(at, format!("target `{r}` is not an absolute shape id")))
}

fn refs(at: &str, list: &Option<Vec<AstRef>>) -> Result<Vec<ShapeId>, Error> {
    list.iter().flatten().map(|r| target(at, &r.target)).collect()
}

fn member(owner: &ShapeId, name: &str, m: &AstMember) -> Result<Member, Error> {
    let at = owner.member(name);
    if !is_identifier(name) {
        return Err(Error::at(owner.as_str(), format!("member name {name:?} is not an identifier")));
    }
    Ok(Member { name: name.to_string(), target: target(&at, &m.target)?, traits: Traits::from_ast(&at, &m.traits)? })
}

/// The values of the legacy (IDL 1.0 style) `smithy.api#enum` trait on a string.
fn legacy_enum(at: &str, v: &Node) -> Result<Vec<EnumValue>, Error> {
    let id = LEGACY_ENUM;
    let bad = |at: &str, id: &str, what: &str| Error::at(at, format!("trait `{id}`: {what}"));
    let list = v.as_array().ok_or_else(|| bad(at, id, "expected a list"))?;
    if list.is_empty() {
        return Err(bad(at, id, "an enum needs at least one value"));
    }
    list.iter()
        .map(|def| {
            let value = def
                .get("value")
                .and_then(Node::as_str)
                .ok_or_else(|| bad(at, id, "each definition needs a string `value`"))?;
            let name = def.get("name").and_then(Node::as_str).unwrap_or(value);
            let mut traits = Traits {
                documentation: def.get("documentation").and_then(Node::as_str).map(str::to_string),
                ..Traits::default()
            };
            if def.get("deprecated").and_then(Node::as_bool) == Some(true) {
                traits.deprecated = Some(crate::traits::Deprecated::default());
            }
            // A value tagged `internal` is the legacy form of `@internal`.
            let tags = def.get("tags").and_then(Node::as_array);
            if tags.is_some_and(|tags| tags.iter().any(|t| t.as_str() == Some("internal"))) {
                traits.other.insert("smithy.api#internal".to_string(), Node::Object(Default::default()));
            }
            Ok(EnumValue { name: name.to_string(), value: value.to_string(), traits })
        })
        .collect()
}

fn require<'a, T>(id: &ShapeId, field: &str, value: &'a Option<T>) -> Result<&'a T, Error> {
    value.as_ref().ok_or_else(|| Error::at(id.as_str(), format!("missing `{field}`")))
}

fn resolve_shape(id: &ShapeId, shape: &AstShape) -> Result<Shape, Error> {
    if shape.mixins.as_ref().is_some_and(|m| !m.is_empty()) {
        return Err(Error::Unsupported { at: id.to_string(), what: "mixins (flatten the model first)".into() });
    }
    let mut traits = Traits::from_ast(id.as_str(), &shape.traits)?;
    // The legacy enum trait is checked on any shape, and read on strings.
    let legacy_values = match traits.other.remove(LEGACY_ENUM) {
        Some(raw) => Some(legacy_enum(id.as_str(), &raw)?),
        None => None,
    };
    let aggregate_members = || -> Result<Vec<Member>, Error> {
        let members = require(id, "members", &shape.members).map(|m| m.iter().collect::<Vec<_>>());
        // Structures and unions may omit `members` when empty.
        let members = members.unwrap_or_default();
        members.into_iter().map(|(name, m)| member(id, name, m)).collect()
    };
    let kind = match shape.shape_type.as_str() {
        "string" if legacy_values.is_some() => ShapeKind::Enum(legacy_values.unwrap_or_default()),
        t if Simple::from_type(t).is_some() => ShapeKind::Simple(Simple::from_type(t).unwrap_or(Simple::String)),
        "enum" => {
            let members = require(id, "members", &shape.members)?;
            let mut values = Vec::new();
            for (name, m) in members.iter() {
                let at = id.member(name);
                let member_traits = Traits::from_ast(&at, &m.traits)?;
                let value = match &member_traits.enum_value {
                    None => name.clone(),
                    Some(Node::String(s)) => s.clone(),
                    Some(other) => return Err(Error::at(at, format!("enumValue must be a string, found {other}"))),
                };
                values.push(EnumValue { name: name.clone(), value, traits: member_traits });
            }
            ShapeKind::Enum(values)
        }
        "intEnum" => {
            let members = require(id, "members", &shape.members)?;
            let mut values = Vec::new();
            for (name, m) in members.iter() {
                let at = id.member(name);
                let member_traits = Traits::from_ast(&at, &m.traits)?;
                let value = member_traits
                    .enum_value
                    .as_ref()
                    .and_then(Node::as_i64)
                    .and_then(|v| i32::try_from(v).ok())
                    .ok_or_else(|| Error::at(&at, "intEnum member needs an integer enumValue in i32 range"))?;
                values.push(IntEnumValue { name: name.clone(), value, traits: member_traits });
            }
            ShapeKind::IntEnum(values)
        }
        "list" | "set" => ShapeKind::List(member(id, "member", require(id, "member", &shape.member)?)?),
        "map" => ShapeKind::Map {
            key: member(id, "key", require(id, "key", &shape.key)?)?,
            value: member(id, "value", require(id, "value", &shape.value)?)?,
        },
        "structure" => ShapeKind::Structure(aggregate_members()?),
        "union" => ShapeKind::Union(aggregate_members()?),
        "operation" => {
            let at = id.as_str();
            let io = |r: &Option<AstRef>| -> Result<Option<ShapeId>, Error> {
                match r {
                    None => Ok(None),
                    Some(r) => {
                        let t = target(at, &r.target)?;
                        Ok(if is_unit(&t) { None } else { Some(t) })
                    }
                }
            };
            ShapeKind::Operation(Operation {
                input: io(&shape.input)?,
                output: io(&shape.output)?,
                errors: refs(at, &shape.errors)?,
            })
        }
        "service" => {
            let at = id.as_str();
            let mut rename = BTreeMap::new();
            for (from, to) in shape.rename.iter().flatten() {
                rename.insert(target(at, from)?, to.clone());
            }
            ShapeKind::Service(Service {
                version: shape.version.clone(),
                operations: refs(at, &shape.operations)?,
                resources: refs(at, &shape.resources)?,
                errors: refs(at, &shape.errors)?,
                rename,
            })
        }
        "resource" => {
            let at = id.as_str();
            let named = |m: &Option<crate::ast::OrderedMap<AstRef>>| -> Result<Vec<(String, ShapeId)>, Error> {
                m.iter().flat_map(|m| m.iter()).map(|(k, r)| Ok((k.clone(), target(at, &r.target)?))).collect()
            };
            let mut operations = Vec::new();
            for r in [&shape.create, &shape.put, &shape.read, &shape.update, &shape.delete, &shape.list]
                .into_iter()
                .flatten()
            {
                operations.push(target(at, &r.target)?);
            }
            operations.extend(refs(at, &shape.operations)?);
            operations.extend(refs(at, &shape.collection_operations)?);
            ShapeKind::Resource(Resource {
                identifiers: named(&shape.identifiers)?,
                properties: named(&shape.properties)?,
                operations,
                resources: refs(at, &shape.resources)?,
            })
        }
        other => {
            return Err(Error::at(id.as_str(), format!("unknown shape type `{other}`")));
        }
    };
    Ok(Shape { id: id.clone(), kind, traits })
}

/// Every target, for validation: (where it is referenced, the target).
fn references(shape: &Shape) -> Vec<(String, &ShapeId)> {
    let at = |m: &Member| shape.id.member(&m.name);
    let here = || shape.id.to_string();
    match &shape.kind {
        ShapeKind::Simple(_)
        | ShapeKind::Enum(_)
        | ShapeKind::IntEnum(_)
        | ShapeKind::List(_)
        | ShapeKind::Map { .. }
        | ShapeKind::Structure(_)
        | ShapeKind::Union(_) => shape.all_members().into_iter().map(|m| (at(m), &m.target)).collect(),
        ShapeKind::Operation(op) => {
            op.input.iter().chain(op.output.iter()).chain(op.errors.iter()).map(|t| (here(), t)).collect()
        }
        ShapeKind::Service(s) => {
            s.operations.iter().chain(s.resources.iter()).chain(s.errors.iter()).map(|t| (here(), t)).collect()
        }
        ShapeKind::Resource(r) => r
            .identifiers
            .iter()
            .chain(r.properties.iter())
            .map(|(_, t)| t)
            .chain(r.operations.iter())
            .chain(r.resources.iter())
            .map(|t| (here(), t))
            .collect(),
    }
}

fn add_prelude_targets(model: &mut Model) -> Result<(), Error> {
    let mut missing = Vec::new();
    for shape in model.shapes.values() {
        for (_, t) in references(shape) {
            if !model.shapes.contains_key(t) {
                if let Some(p) = prelude_shape(t) {
                    missing.push(p);
                }
            }
        }
    }
    for p in missing {
        model.shapes.insert(p.id.clone(), p);
    }
    Ok(())
}

/// The noun for a shape kind in validation messages (simple shapes as a group).
fn type_name(kind: &ShapeKind) -> &'static str {
    match kind {
        ShapeKind::Simple(_) => "simple shape",
        other => other.type_name(),
    }
}

fn with_article(noun: &str) -> String {
    let vowel = noun.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {noun}", if vowel { "an" } else { "a" })
}

fn validate_targets(model: &Model) -> Result<(), Error> {
    for shape in model.shapes.values() {
        for (at, t) in references(shape) {
            let Some(target) = model.shapes.get(t) else {
                return Err(Error::at(at, format!("target `{t}` not found")));
            };
            let ok = match &shape.kind {
                ShapeKind::List(_) | ShapeKind::Map { .. } | ShapeKind::Structure(_) | ShapeKind::Union(_) => {
                    !matches!(target.kind, ShapeKind::Operation(_) | ShapeKind::Resource(_) | ShapeKind::Service(_))
                }
                _ => true,
            };
            if !ok {
                return Err(Error::at(
                    at,
                    format!("target `{t}` is {}, which a member cannot target", with_article(type_name(&target.kind))),
                ));
            }
        }
        match &shape.kind {
            ShapeKind::Operation(op) => {
                for (role, t) in op
                    .input
                    .iter()
                    .map(|t| ("input", t))
                    .chain(op.output.iter().map(|t| ("output", t)))
                    .chain(op.errors.iter().map(|t| ("error", t)))
                {
                    let target = &model.shapes[t];
                    if !matches!(target.kind, ShapeKind::Structure(_)) {
                        return Err(Error::at(
                            shape.id.as_str(),
                            format!("{role} `{t}` is {}, not a structure", with_article(type_name(&target.kind))),
                        ));
                    }
                    if role == "error" && target.traits.error.is_none() {
                        return Err(Error::at(
                            t.as_str(),
                            format!("bound as an error of `{}` but has no `smithy.api#error` trait", shape.id),
                        ));
                    }
                }
            }
            ShapeKind::Service(s) => {
                for t in &s.operations {
                    expect_kind(model, &shape.id, t, "operation", |k| matches!(k, ShapeKind::Operation(_)))?;
                }
                for t in &s.resources {
                    expect_kind(model, &shape.id, t, "resource", |k| matches!(k, ShapeKind::Resource(_)))?;
                }
            }
            ShapeKind::Resource(r) => {
                for t in &r.operations {
                    expect_kind(model, &shape.id, t, "operation", |k| matches!(k, ShapeKind::Operation(_)))?;
                }
                for t in &r.resources {
                    expect_kind(model, &shape.id, t, "resource", |k| matches!(k, ShapeKind::Resource(_)))?;
                }
            }
            ShapeKind::Map { key, .. } => {
                let k = &model.shapes[&key.target];
                if !matches!(k.kind, ShapeKind::Simple(Simple::String) | ShapeKind::Enum(_)) {
                    return Err(Error::at(shape.id.member("key"), "map keys must target a string shape"));
                }
            }
            _ => {}
        }
    }
    Ok(())
}

fn expect_kind(
    model: &Model,
    at: &ShapeId,
    t: &ShapeId,
    what: &str,
    ok: impl Fn(&ShapeKind) -> bool,
) -> Result<(), Error> {
    let target = &model.shapes[t];
    if ok(&target.kind) {
        Ok(())
    } else {
        Err(Error::at(
            at.as_str(),
            format!("binds `{t}` as {}, but it is {}", with_article(what), with_article(type_name(&target.kind))),
        ))
    }
}

impl std::borrow::Borrow<str> for ShapeId {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

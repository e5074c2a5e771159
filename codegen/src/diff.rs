//! A semantic diff of two models' operation closures (`smithy-codegen diff`).
//!
//! [`diff`] compares the shapes two closures hold, after [`crate::ir::resolve`]
//! (so a legacy `string` + `smithy.api#enum` shape and an `enum` shape with the
//! same values are equal). Every [`Change`] has a [`Kind`] and the [`Direction`]
//! the shape is used in: reached from an operation's input, from its output or
//! errors (errors count as output), or both. Member order and trait order are
//! never changes.
//!
//! | change | kind |
//! |---|---|
//! | shape added | compatible |
//! | shape removed | breaking |
//! | shape type changed | breaking |
//! | enum value added | compatible |
//! | enum value removed | breaking |
//! | enum member renamed: its Rust variant ([`names::variant`]) changes / stays the same | breaking / compatible |
//! | generated Rust type or operation module renamed (service `rename`, [`names`]) | breaking |
//! | member added, optional (or required with a default) | compatible |
//! | member added, required without a default, on an input structure | breaking (compatible on output only) |
//! | member removed, or renamed (same target; the Rust field or the wire name changes) | breaking |
//! | member target changed to a shape with another Rust type, or another wire format (`timestampFormat`, `streaming`) | breaking |
//! | member target changed to a shape with the same Rust type and wire format | as the target's constraint and `sensitive` changes would be (compatible when none) |
//! | `required` added | breaking on input, compatible on output only |
//! | `required` removed | breaking on output (callers relied on the value being present), compatible on input only |
//! | `default` added, removed or changed | breaking |
//! | `length`/`range` tightened (min up, max down, bound added), `pattern` added or changed | breaking on input, compatible on output only |
//! | `length`/`range` loosened, `pattern` removed | compatible |
//! | `http` trait, HTTP binding traits, `jsonName`, `timestampFormat`, `error`, `httpError`, `streaming` changed | breaking |
//! | operation input/output target changed, operation or service error removed | breaking |
//! | operation or service error added | compatible |
//! | resource identifier added, removed or retargeted; service `rename` changed | breaking |
//! | protocol trait (`aws.protocols#*`) removed or changed | breaking |
//! | `deprecated`, `sensitive`, `idempotencyToken` and other kept traits added, removed or changed | compatible |
//! | documentation, `examples`, `title`, `externalDocumentation`, deprecation message | docs |
//!
//! Rust names and types are decided as the renderer decides them
//! ([`crate::render`]'s names functions), so the verdicts follow the generated
//! API rather than the model's shape ids. The text report starts with the
//! summary line. A shape used in both directions gets the stricter verdict. Operations,
//! resources and the service count as `both`; shapes reached only through a
//! resource's identifiers or properties count as `none`, where only the changes
//! that break in every direction (removals, retargets, defaults, ...) are breaking.
//! Traits outside the `smithy.api`, `aws.protocols`, `aws.api` and `aws.auth`
//! namespaces, and `smithy.api#tags`/`smithy.api#suppress`, are ignored (the
//! traits [`crate::extract`] drops).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::Serialize;

use crate::ast::Node;
use crate::closure::{self, Closure};
use crate::error::Error;
use crate::extract::is_kept_trait;
use crate::ir::{self, EnumValue, Member, Model, Shape, ShapeId, ShapeKind};
use crate::render::{self, names, RustNames};
use crate::traits::{Deprecated, Length, Range, Traits};

/// How a change affects callers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Existing callers or generated-code users may break.
    Breaking,
    /// Additive or loosening; existing callers keep working.
    Compatible,
    /// Documentation only.
    Docs,
}

impl Kind {
    /// The lower-case name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Breaking => "breaking",
            Kind::Compatible => "compatible",
            Kind::Docs => "docs",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// Where a shape is used: sent by callers (input), received by them (output), or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Reached from an operation's input only.
    Input,
    /// Reached from an operation's output or errors only.
    Output,
    /// Reached from both; also operations, resources and the service.
    Both,
    /// Not reached from any input, output or error (e.g. a resource identifier only).
    None,
}

impl Direction {
    /// The lower-case name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Input => "input",
            Direction::Output => "output",
            Direction::Both => "both",
            Direction::None => "none",
        }
    }

    fn from_flags(input: bool, output: bool) -> Direction {
        match (input, output) {
            (true, true) => Direction::Both,
            (true, false) => Direction::Input,
            (false, true) => Direction::Output,
            (false, false) => Direction::None,
        }
    }

    /// Whether callers send values of the shape.
    pub fn is_input(self) -> bool {
        matches!(self, Direction::Input | Direction::Both)
    }

    /// Whether callers receive values of the shape.
    pub fn is_output(self) -> bool {
        matches!(self, Direction::Output | Direction::Both)
    }

    /// Both directions' uses together.
    pub fn union(self, other: Direction) -> Direction {
        Direction::from_flags(self.is_input() || other.is_input(), self.is_output() || other.is_output())
    }
}

impl fmt::Display for Direction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// One semantic change between two models.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// Breaking, compatible or docs.
    pub kind: Kind,
    /// How the shape is used.
    pub direction: Direction,
    /// The absolute shape id.
    pub shape: String,
    /// The member name, for a member change.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub member: Option<String>,
    /// What changed.
    pub message: String,
}

impl Change {
    fn sort_key(&self) -> (&str, Option<&str>, Kind, &str) {
        (&self.shape, self.member.as_deref(), self.kind, &self.message)
    }

    /// `ns#Shape` or `ns#Shape$member`.
    pub fn location(&self) -> String {
        match &self.member {
            Some(m) => format!("{}${m}", self.shape),
            None => self.shape.clone(),
        }
    }
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:<10}  {:<6}  {}: {}", self.kind, self.direction, self.location(), self.message)
    }
}

/// Counts of changes by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    /// Breaking changes.
    pub breaking: usize,
    /// Compatible changes.
    pub compatible: usize,
    /// Documentation changes.
    pub docs: usize,
}

impl Summary {
    /// Counts `changes`.
    pub fn of(changes: &[Change]) -> Summary {
        let mut s = Summary::default();
        for c in changes {
            match c.kind {
                Kind::Breaking => s.breaking += 1,
                Kind::Compatible => s.compatible += 1,
                Kind::Docs => s.docs += 1,
            }
        }
        s
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} breaking, {} compatible, {} docs", self.breaking, self.compatible, self.docs)
    }
}

/// The text report: the summary line, then one line per change.
pub fn to_text(changes: &[Change]) -> String {
    let mut out = Summary::of(changes).to_string();
    out.push('\n');
    for c in changes {
        out.push_str(&c.to_string());
        out.push('\n');
    }
    out
}

/// The JSON report: an array of `{kind, direction, shape, member?, message}`.
pub fn to_json(changes: &[Change]) -> String {
    let mut text = serde_json::to_string_pretty(changes).expect("changes serialize");
    text.push('\n');
    text
}

/// One side of a diff: a resolved model and the closure to compare.
#[derive(Debug, Clone)]
pub struct Side {
    /// The resolved model.
    pub model: Model,
    /// The shapes to compare.
    pub closure: Closure,
}

impl Side {
    /// Parses and resolves model bytes and computes the closure of `operations`.
    pub fn from_bytes(bytes: &[u8], operations: &[&str]) -> Result<Side, Error> {
        let model = ir::resolve(&crate::ast::parse(bytes)?)?;
        let closure = closure::closure(&model, operations)?;
        Ok(Side { model, closure })
    }
}

/// The operations (absolute ids) both models hold, in id order.
pub fn common_operations(old: &Model, new: &Model) -> Result<Vec<String>, Error> {
    let old_ops = closure::all_operations(old)?;
    let new_ops = closure::all_operations(new)?;
    Ok(old_ops.intersection(&new_ops).map(ShapeId::to_string).collect())
}

/// Diffs two model files. With no `operations`, compares the closure of every
/// operation present in both; otherwise the closure of the given ones (absolute
/// ids or bare names) in each model.
pub fn diff_bytes(old: &[u8], new: &[u8], operations: &[&str]) -> Result<Vec<Change>, Error> {
    let old_model = ir::resolve(&crate::ast::parse(old)?)?;
    let new_model = ir::resolve(&crate::ast::parse(new)?)?;
    let common: Vec<String>;
    let operations: Vec<&str> = if operations.is_empty() {
        common = common_operations(&old_model, &new_model)?;
        if common.is_empty() {
            return Err(Error::at(
                "operations",
                "the two models have no operation in common; name the operations to compare",
            ));
        }
        common.iter().map(String::as_str).collect()
    } else {
        operations.to_vec()
    };
    let old = Side { closure: closure::closure(&old_model, &operations)?, model: old_model };
    let new = Side { closure: closure::closure(&new_model, &operations)?, model: new_model };
    Ok(diff(&old, &new))
}

/// The direction of use of every shape of `side`'s closure.
pub fn directions(side: &Side) -> BTreeMap<ShapeId, Direction> {
    let model = &side.model;
    let mut input = BTreeSet::new();
    let mut output = BTreeSet::new();
    for op in &side.closure.operations {
        if let Some(ShapeKind::Operation(o)) = model.shapes.get(op).map(|s| &s.kind) {
            if let Some(i) = &o.input {
                reach(model, i, &mut input);
            }
            for t in o.output.iter().chain(o.errors.iter()) {
                reach(model, t, &mut output);
            }
        }
    }
    if let Some(svc) = &side.closure.service {
        if let Some(ShapeKind::Service(s)) = model.shapes.get(svc).map(|s| &s.kind) {
            if !side.closure.operations.is_empty() {
                for e in &s.errors {
                    reach(model, e, &mut output);
                }
            }
        }
    }
    side.closure
        .shapes
        .iter()
        .map(|id| {
            let d = match model.shapes.get(id).map(|s| &s.kind) {
                Some(ShapeKind::Operation(_) | ShapeKind::Resource(_) | ShapeKind::Service(_)) => Direction::Both,
                _ => Direction::from_flags(input.contains(id), output.contains(id)),
            };
            (id.clone(), d)
        })
        .collect()
}

fn reach(model: &Model, root: &ShapeId, seen: &mut BTreeSet<ShapeId>) {
    let mut pending = vec![root.clone()];
    while let Some(id) = pending.pop() {
        if !seen.insert(id.clone()) {
            continue;
        }
        let Some(shape) = model.shapes.get(&id) else { continue };
        pending.extend(shape.all_members().into_iter().map(|m| m.target.clone()));
    }
}

/// The semantic diff of two closures, sorted by shape id, member, kind and message.
pub fn diff(old: &Side, new: &Side) -> Vec<Change> {
    let old_dirs = directions(old);
    let new_dirs = directions(new);
    let ids: BTreeSet<&ShapeId> = old.closure.shapes.iter().chain(new.closure.shapes.iter()).collect();
    let mut out = Changes::new(old, new);
    for id in ids {
        let o = old_dirs.get(id).and_then(|_| old.model.shapes.get(id));
        let n = new_dirs.get(id).and_then(|_| new.model.shapes.get(id));
        match (o, n) {
            (Some(o), None) => {
                out.push(Kind::Breaking, old_dirs[id], id, None, format!("shape removed ({})", o.kind.type_name()))
            }
            (None, Some(n)) => {
                out.push(Kind::Compatible, new_dirs[id], id, None, format!("shape added ({})", n.kind.type_name()))
            }
            (Some(o), Some(n)) => {
                let dir = old_dirs[id].union(new_dirs[id]);
                compare_shape(&mut out, dir, o, n);
            }
            (None, None) => {}
        }
    }
    compare_rust_paths(&mut out, &old_dirs, &new_dirs);
    let mut changes = out.list;
    changes.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    changes.dedup();
    changes
}

/// The changes found so far, and what the comparisons look up on each side.
struct Changes<'a> {
    list: Vec<Change>,
    old: &'a Model,
    new: &'a Model,
    old_names: RustNames,
    new_names: RustNames,
}

impl<'a> Changes<'a> {
    /// Decides both sides' Rust names. A new model whose names cannot be decided
    /// (two shapes on one Rust name, a name that is no identifier) does not
    /// generate, which breaks every user: that is reported as a change.
    fn new(old: &'a Side, new: &'a Side) -> Changes<'a> {
        let old_names = render::rust_names(&old.model, &old.closure).unwrap_or_default();
        let mut changes =
            Changes { list: Vec::new(), old: &old.model, new: &new.model, old_names, new_names: RustNames::default() };
        match render::rust_names(&new.model, &new.closure) {
            Ok(names) => changes.new_names = names,
            Err(e) => {
                if let Some(at) = new.closure.service.as_ref().or(new.closure.operations.iter().next()) {
                    changes.push(Kind::Breaking, Direction::Both, at, None, format!("generates no Rust code: {e}"));
                }
            }
        }
        changes
    }

    fn push(&mut self, kind: Kind, direction: Direction, shape: &ShapeId, member: Option<&str>, message: String) {
        self.list.push(Change {
            kind,
            direction,
            shape: shape.to_string(),
            member: member.map(str::to_string),
            message,
        });
    }
}

/// A generated type or operation module whose Rust path changes breaks every
/// user that names it (a service `rename`, a renamed operation).
fn compare_rust_paths(
    out: &mut Changes,
    old_dirs: &BTreeMap<ShapeId, Direction>,
    new_dirs: &BTreeMap<ShapeId, Direction>,
) {
    let renamed: Vec<(ShapeId, String, String)> = out
        .old_names
        .paths
        .iter()
        .filter_map(|(id, old)| {
            let new = out.new_names.paths.get(id)?;
            (old != new).then(|| (id.clone(), old.clone(), new.clone()))
        })
        .collect();
    for (id, old, new) in renamed {
        let dir = match (old_dirs.get(&id), new_dirs.get(&id)) {
            (Some(a), Some(b)) => a.union(*b),
            _ => Direction::Both,
        };
        let what = if out.new.shapes.get(&id).is_some_and(|s| matches!(s.kind, ShapeKind::Operation(_))) {
            "Rust module"
        } else {
            "Rust type"
        };
        out.push(Kind::Breaking, dir, &id, None, format!("{what} renamed from `{old}` to `{new}`"));
    }
}

/// Breaking when the shape is used in a direction where the change breaks.
fn verdict(dir: Direction, breaks_input: bool, breaks_output: bool) -> Kind {
    if (dir.is_input() && breaks_input) || (dir.is_output() && breaks_output) {
        Kind::Breaking
    } else {
        Kind::Compatible
    }
}

fn compare_shape(out: &mut Changes, dir: Direction, o: &Shape, n: &Shape) {
    let id = &n.id;
    compare_traits(out, dir, id, None, &o.traits, &n.traits);
    let (ot, nt) = (o.kind.type_name(), n.kind.type_name());
    if ot != nt {
        out.push(Kind::Breaking, dir, id, None, format!("type changed from {ot} to {nt}"));
        return;
    }
    match (&o.kind, &n.kind) {
        (ShapeKind::Enum(ov), ShapeKind::Enum(nv)) => compare_enum(out, dir, id, ov, nv),
        (ShapeKind::IntEnum(ov), ShapeKind::IntEnum(nv)) => {
            let key = |v: &crate::ir::IntEnumValue| (v.value.to_string(), v.name.clone(), v.traits.clone());
            // Int enum variants are not spelled by a `names` function: any renamed member counts as breaking.
            compare_values(out, dir, id, ov.iter().map(key).collect(), nv.iter().map(key).collect(), None);
        }
        (ShapeKind::List(om), ShapeKind::List(nm)) => compare_member(out, dir, id, om, nm),
        (ShapeKind::Map { key: ok, value: ov }, ShapeKind::Map { key: nk, value: nv }) => {
            compare_member(out, dir, id, ok, nk);
            compare_member(out, dir, id, ov, nv);
        }
        (ShapeKind::Structure(om), ShapeKind::Structure(nm)) => compare_members(out, dir, id, om, nm, true),
        (ShapeKind::Union(om), ShapeKind::Union(nm)) => compare_members(out, dir, id, om, nm, false),
        (ShapeKind::Operation(oo), ShapeKind::Operation(no)) => {
            for (role, a, b) in [("input", &oo.input, &no.input), ("output", &oo.output, &no.output)] {
                if a != b {
                    out.push(
                        Kind::Breaking,
                        dir,
                        id,
                        None,
                        format!("{role} changed from {} to {}", opt_id(a), opt_id(b)),
                    );
                }
            }
            compare_errors(out, dir, id, &oo.errors, &no.errors);
        }
        (ShapeKind::Service(os), ShapeKind::Service(ns)) => {
            if os.version != ns.version {
                out.push(
                    Kind::Compatible,
                    dir,
                    id,
                    None,
                    format!("version changed from {} to {}", opt_str(&os.version), opt_str(&ns.version)),
                );
            }
            compare_errors(out, dir, id, &os.errors, &ns.errors);
            if os.rename != ns.rename {
                out.push(Kind::Breaking, dir, id, None, "shape renames changed".to_string());
            }
        }
        (ShapeKind::Resource(or), ShapeKind::Resource(nr)) => {
            let oi: BTreeMap<_, _> = or.identifiers.iter().cloned().collect();
            let ni: BTreeMap<_, _> = nr.identifiers.iter().cloned().collect();
            for (name, t) in &oi {
                match ni.get(name) {
                    None => out.push(Kind::Breaking, dir, id, None, format!("identifier `{name}` removed")),
                    Some(nt) if nt != t => out.push(
                        Kind::Breaking,
                        dir,
                        id,
                        None,
                        format!("identifier `{name}` target changed from `{t}` to `{nt}`"),
                    ),
                    _ => {}
                }
            }
            for name in ni.keys().filter(|k| !oi.contains_key(*k)) {
                out.push(Kind::Breaking, dir, id, None, format!("identifier `{name}` added"));
            }
        }
        _ => {}
    }
}

fn opt_id(id: &Option<ShapeId>) -> String {
    match id {
        Some(id) => format!("`{id}`"),
        None => "none".to_string(),
    }
}

fn opt_str(s: &Option<String>) -> String {
    match s {
        Some(s) => format!("`{s}`"),
        None => "none".to_string(),
    }
}

fn compare_errors(out: &mut Changes, dir: Direction, id: &ShapeId, old: &[ShapeId], new: &[ShapeId]) {
    for e in old.iter().filter(|e| !new.contains(e)) {
        out.push(Kind::Breaking, dir, id, None, format!("error `{e}` removed"));
    }
    for e in new.iter().filter(|e| !old.contains(e)) {
        out.push(Kind::Compatible, dir, id, None, format!("error `{e}` added"));
    }
}

fn compare_enum(out: &mut Changes, dir: Direction, id: &ShapeId, old: &[EnumValue], new: &[EnumValue]) {
    let key = |v: &EnumValue| (v.value.clone(), v.name.clone(), v.traits.clone());
    compare_values(out, dir, id, old.iter().map(key).collect(), new.iter().map(key).collect(), Some(names::variant));
}

/// Enum values compared by wire value: (value, member name, traits). A renamed
/// member breaks users when its Rust variant (`variant` of the name) changes;
/// without `variant`, every rename counts as one.
fn compare_values(
    out: &mut Changes,
    dir: Direction,
    id: &ShapeId,
    old: Vec<(String, String, Traits)>,
    new: Vec<(String, String, Traits)>,
    variant: Option<fn(&str) -> String>,
) {
    let old: BTreeMap<String, (String, Traits)> = old.into_iter().map(|(v, n, t)| (v, (n, t))).collect();
    let new: BTreeMap<String, (String, Traits)> = new.into_iter().map(|(v, n, t)| (v, (n, t))).collect();
    for (value, (name, traits)) in &old {
        let Some((new_name, new_traits)) = new.get(value) else {
            out.push(Kind::Breaking, dir, id, None, format!("enum value removed `{value}`"));
            continue;
        };
        if name != new_name {
            let renamed = format!("enum value `{value}` renamed from `{name}` to `{new_name}`");
            let (kind, message) = match variant.map(|variant| (variant(name), variant(new_name))) {
                Some((a, b)) if a == b => (Kind::Compatible, format!("{renamed} (its Rust variant stays `{a}`)")),
                Some((a, b)) => (Kind::Breaking, format!("{renamed} (its Rust variant changes from `{a}` to `{b}`)")),
                None => (Kind::Breaking, format!("{renamed} (its Rust variant changes)")),
            };
            out.push(kind, dir, id, None, message);
        }
        let what = format!("enum value `{value}`");
        if traits.documentation != new_traits.documentation {
            out.push(
                Kind::Docs,
                dir,
                id,
                None,
                format!("documentation of {what} {}", added_removed(&traits.documentation, &new_traits.documentation)),
            );
        }
        if let Some((kind, message)) = deprecation_change(&what, &traits.deprecated, &new_traits.deprecated) {
            out.push(kind, dir, id, None, message);
        }
    }
    for value in new.keys().filter(|v| !old.contains_key(*v)) {
        out.push(Kind::Compatible, dir, id, None, format!("enum value added `{value}`"));
    }
}

fn added_removed<T: PartialEq>(old: &Option<T>, new: &Option<T>) -> &'static str {
    match (old, new) {
        (None, Some(_)) => "added",
        (Some(_), None) => "removed",
        _ => "changed",
    }
}

/// A change of `smithy.api#deprecated` on `what` (a shape, member or enum value).
fn deprecation_change(what: &str, old: &Option<Deprecated>, new: &Option<Deprecated>) -> Option<(Kind, String)> {
    match (old, new) {
        (None, Some(_)) => Some((Kind::Compatible, format!("{what} deprecated"))),
        (Some(_), None) => Some((Kind::Compatible, format!("{what} no longer deprecated"))),
        (Some(a), Some(b)) if a != b => Some((Kind::Docs, format!("deprecation note of {what} changed"))),
        _ => None,
    }
}

fn compare_members(out: &mut Changes, dir: Direction, id: &ShapeId, old: &[Member], new: &[Member], structure: bool) {
    let rust_name = |m: &Member| if structure { names::member(&m.name) } else { names::variant(&m.name) };
    let what = if structure { "field" } else { "variant" };
    let mut renamed_to: BTreeSet<&str> = BTreeSet::new();
    for m in old {
        if let Some(n) = new.iter().find(|n| n.name == m.name) {
            compare_member(out, dir, id, m, n);
            continue;
        }
        // A member of the same target that keeps either the Rust name or the
        // wire name is a rename, reported as one line that says what changes.
        let rename = new
            .iter()
            .filter(|n| !old.iter().any(|o| o.name == n.name) && n.target == m.target)
            .find(|n| (rust_name(m) == rust_name(n)) != (wire_name(m) == wire_name(n)));
        let message = match rename {
            Some(n) if rust_name(m) == rust_name(n) => {
                renamed_to.insert(&n.name);
                format!(
                    "member renamed to `{}`: Rust {what} `{}` stays, wire name `{}` becomes `{}`",
                    n.name,
                    rust_name(m),
                    wire_name(m),
                    wire_name(n)
                )
            }
            Some(n) => {
                renamed_to.insert(&n.name);
                format!(
                    "member renamed to `{}`: wire name `{}` stays, Rust {what} `{}` becomes `{}`",
                    n.name,
                    wire_name(m),
                    rust_name(m),
                    rust_name(n)
                )
            }
            None => format!("member removed (Rust {what} `{}`)", rust_name(m)),
        };
        out.push(Kind::Breaking, dir, id, Some(&m.name), message);
    }
    for n in new.iter().filter(|n| !old.iter().any(|m| m.name == n.name) && !renamed_to.contains(n.name.as_str())) {
        let (kind, message) = if structure && n.traits.required && !n.traits.has_default() {
            (verdict(dir, true, false), format!("required member added (target `{}`)", n.target))
        } else {
            (Kind::Compatible, format!("optional member added (target `{}`)", n.target))
        };
        let message = if structure { message } else { format!("variant added (target `{}`)", n.target) };
        out.push(kind, dir, id, Some(&n.name), message);
    }
}

/// The name a member travels under: its header or query name when bound
/// there, else its `jsonName`, else the member name.
fn wire_name(m: &Member) -> &str {
    let t = &m.traits;
    t.http_header.as_deref().or(t.http_query.as_deref()).or(t.json_name.as_deref()).unwrap_or(&m.name)
}

fn compare_member(out: &mut Changes, dir: Direction, id: &ShapeId, o: &Member, n: &Member) {
    let member = Some(n.name.as_str());
    if o.target != n.target {
        let (kind, message) = retarget(out, dir, &o.target, &n.target);
        out.push(kind, dir, id, member, message);
    }
    compare_traits(out, dir, id, member, &o.traits, &n.traits);
}

/// A member's new target, judged by what it changes for users: the field's
/// Rust type, the wire format, then the target's constraints and `sensitive`
/// as if they had changed on the old target itself.
fn retarget(out: &Changes, dir: Direction, old: &ShapeId, new: &ShapeId) -> (Kind, String) {
    let changed = format!("target changed from `{old}` to `{new}`");
    let (Some(old_type), Some(new_type)) = (out.old_names.member_types.get(old), out.new_names.member_types.get(new))
    else {
        return (Kind::Breaking, changed);
    };
    if old_type != new_type {
        return (Kind::Breaking, format!("{changed}: Rust type `{old_type}` becomes `{new_type}`"));
    }
    let mut effects = Vec::new();
    if let Err(why) = target_effects(out.old, out.new, dir, old, new, &mut effects) {
        return (Kind::Breaking, format!("{changed}: same Rust type `{old_type}`, but {why}"));
    }
    let kind = effects.iter().map(|(kind, _)| *kind).min().unwrap_or(Kind::Compatible);
    let mut message = format!("{changed}: same Rust type `{old_type}` and wire format");
    for (_, effect) in &effects {
        message.push_str("; ");
        message.push_str(effect);
    }
    (kind, message)
}

/// What changes between a value of `old_id` (old model) and one of `new_id`
/// (new model) whose Rust types are equal: `Err` with the reason when the wire
/// format or the generated type's shape differs, else the constraint and
/// `sensitive` changes with their verdict for `dir`.
fn target_effects(
    old_model: &Model,
    new_model: &Model,
    dir: Direction,
    old_id: &ShapeId,
    new_id: &ShapeId,
    effects: &mut Vec<(Kind, String)>,
) -> Result<(), &'static str> {
    if old_id == new_id {
        // The same shape: compared on its own, where it is reported.
        return Ok(());
    }
    let (Some(o), Some(n)) = (old_model.shapes.get(old_id), new_model.shapes.get(new_id)) else {
        return Err("a target is missing");
    };
    match (&o.kind, &n.kind) {
        (ShapeKind::Simple(_), ShapeKind::Simple(_)) => {}
        (ShapeKind::List(om), ShapeKind::List(nm)) => {
            target_effects(old_model, new_model, dir, &om.target, &nm.target, effects)?
        }
        (ShapeKind::Map { key: ok, value: ov }, ShapeKind::Map { key: nk, value: nv }) => {
            target_effects(old_model, new_model, dir, &ok.target, &nk.target, effects)?;
            target_effects(old_model, new_model, dir, &ov.target, &nv.target, effects)?;
        }
        _ => return Err("the generated type now comes from another shape"),
    }
    let (ot, nt) = (&o.traits, &n.traits);
    if ot.timestamp_format != nt.timestamp_format || ot.streaming != nt.streaming {
        return Err("its wire format changes (`timestampFormat` or `streaming`)");
    }
    let mut push = |kind: Kind, message: String| effects.push((kind, message));
    compare_constraints(&mut push, dir, (&ot.length, &ot.range, &ot.pattern), nt);
    if ot.sensitive != nt.sensitive {
        let m = if nt.sensitive { "now sensitive" } else { "no longer sensitive" };
        push(Kind::Compatible, m.to_string());
    }
    Ok(())
}

fn show_length(l: &Option<Length>) -> String {
    match l {
        None => "none".into(),
        Some(l) => show_bounds(l.min.map(|v| v.to_string()), l.max.map(|v| v.to_string())),
    }
}

fn show_range(r: &Option<Range>) -> String {
    match r {
        None => "none".into(),
        Some(r) => show_bounds(r.min.as_ref().map(|v| v.to_string()), r.max.as_ref().map(|v| v.to_string())),
    }
}

fn show_bounds(min: Option<String>, max: Option<String>) -> String {
    match (min, max) {
        (Some(a), Some(b)) => format!("`{a}..={b}`"),
        (Some(a), None) => format!("`{a}..`"),
        (None, Some(b)) => format!("`..={b}`"),
        (None, None) => "`..`".into(),
    }
}

/// Whether new bounds exclude something old bounds allowed: (tightened, loosened).
fn bounds_change(old: (Option<f64>, Option<f64>), new: (Option<f64>, Option<f64>)) -> (bool, bool) {
    let mut tightened = false;
    let mut loosened = false;
    match (old.0, new.0) {
        (None, Some(_)) => tightened = true,
        (Some(_), None) => loosened = true,
        (Some(a), Some(b)) if b > a => tightened = true,
        (Some(a), Some(b)) if b < a => loosened = true,
        _ => {}
    }
    match (old.1, new.1) {
        (None, Some(_)) => tightened = true,
        (Some(_), None) => loosened = true,
        (Some(a), Some(b)) if b < a => tightened = true,
        (Some(a), Some(b)) if b > a => loosened = true,
        _ => {}
    }
    (tightened, loosened)
}

fn tightness(tightened: bool, loosened: bool) -> &'static str {
    match (tightened, loosened) {
        (true, true) => "tightened and loosened",
        (true, false) => "tightened",
        (false, true) => "loosened",
        (false, false) => "unchanged",
    }
}

/// Compares every typed trait and the kept raw ones. `o` is destructured field
/// by field (no `..`), so a trait added to [`Traits`] does not compile until it
/// is compared here, and an unused binding is a warning.
fn compare_traits(out: &mut Changes, dir: Direction, id: &ShapeId, member: Option<&str>, o: &Traits, n: &Traits) {
    let Traits {
        documentation,
        required,
        default,
        length,
        range,
        pattern,
        http,
        http_label,
        http_query,
        http_query_params,
        http_header,
        http_prefix_headers,
        http_payload,
        http_response_code,
        http_error,
        error,
        sensitive,
        streaming,
        idempotency_token,
        deprecated,
        timestamp_format,
        json_name,
        // An enum member's wire value: `compare_values` matches values by it.
        enum_value: _,
        other,
    } = o;
    let mut push = |kind: Kind, message: String| out.push(kind, dir, id, member, message);
    if *documentation != n.documentation {
        push(Kind::Docs, format!("documentation {}", added_removed(documentation, &n.documentation)));
    }
    if *required != n.required {
        let (kind, message) = if n.required {
            (verdict(dir, true, false), "now required")
        } else {
            (verdict(dir, false, true), "no longer required")
        };
        push(kind, message.to_string());
    }
    if *default != n.default {
        let show = |v: &Option<Node>| v.as_ref().map(|v| format!("`{v}`")).unwrap_or_else(|| "none".into());
        push(Kind::Breaking, format!("default changed from {} to {}", show(default), show(&n.default)));
    }
    compare_constraints(&mut push, dir, (length, range, pattern), n);
    if *http != n.http {
        let show = |h: &Option<crate::traits::Http>| match h {
            Some(h) => format!("`{} {} {}`", h.method, h.uri, h.code),
            None => "none".into(),
        };
        push(Kind::Breaking, format!("http binding changed from {} to {}", show(http), show(&n.http)));
    }
    let wire: [(&str, String, String); 12] = [
        ("httpLabel", flag(*http_label), flag(n.http_label)),
        ("httpQuery", opt_str(http_query), opt_str(&n.http_query)),
        ("httpQueryParams", flag(*http_query_params), flag(n.http_query_params)),
        ("httpHeader", opt_str(http_header), opt_str(&n.http_header)),
        ("httpPrefixHeaders", opt_str(http_prefix_headers), opt_str(&n.http_prefix_headers)),
        ("httpPayload", flag(*http_payload), flag(n.http_payload)),
        ("httpResponseCode", flag(*http_response_code), flag(n.http_response_code)),
        ("httpError", opt_str(&http_error.map(|c| c.to_string())), opt_str(&n.http_error.map(|c| c.to_string()))),
        ("error", opt_str(&error.map(fault)), opt_str(&n.error.map(fault))),
        ("streaming", flag(*streaming), flag(n.streaming)),
        ("timestampFormat", opt_str(timestamp_format), opt_str(&n.timestamp_format)),
        ("jsonName", opt_str(json_name), opt_str(&n.json_name)),
    ];
    for (name, a, b) in wire {
        if a != b {
            push(Kind::Breaking, format!("trait `smithy.api#{name}` changed from {a} to {b}"));
        }
    }
    if *sensitive != n.sensitive {
        let m = if n.sensitive { "now sensitive" } else { "no longer sensitive" };
        push(Kind::Compatible, m.to_string());
    }
    if *idempotency_token != n.idempotency_token {
        push(
            Kind::Compatible,
            format!(
                "trait `smithy.api#idempotencyToken` changed from {} to {}",
                flag(*idempotency_token),
                flag(n.idempotency_token)
            ),
        );
    }
    let what = if member.is_some() { "member" } else { "shape" };
    if let Some((kind, message)) = deprecation_change(what, deprecated, &n.deprecated) {
        push(kind, message);
    }
    compare_other_traits(&mut push, other, &n.other);
}

/// `length`, `range` and `pattern`: tightening breaks input only.
fn compare_constraints(
    push: &mut impl FnMut(Kind, String),
    dir: Direction,
    (length, range, pattern): (&Option<Length>, &Option<Range>, &Option<String>),
    n: &Traits,
) {
    if *length != n.length {
        let b = |l: &Option<Length>| (l.and_then(|l| l.min).map(|v| v as f64), l.and_then(|l| l.max).map(|v| v as f64));
        let (t, l) = bounds_change(b(length), b(&n.length));
        push(
            verdict(dir, t, false),
            format!("length changed from {} to {} ({})", show_length(length), show_length(&n.length), tightness(t, l)),
        );
    }
    if *range != n.range {
        let b = |r: &Option<Range>| {
            (
                r.as_ref().and_then(|r| r.min.as_ref()).and_then(|v| v.as_f64()),
                r.as_ref().and_then(|r| r.max.as_ref()).and_then(|v| v.as_f64()),
            )
        };
        let (t, l) = bounds_change(b(range), b(&n.range));
        push(
            verdict(dir, t, false),
            format!("range changed from {} to {} ({})", show_range(range), show_range(&n.range), tightness(t, l)),
        );
    }
    if *pattern != n.pattern {
        let (kind, message) = match (pattern, &n.pattern) {
            (None, Some(p)) => (verdict(dir, true, false), format!("pattern added `{p}`")),
            (Some(p), None) => (Kind::Compatible, format!("pattern removed `{p}`")),
            (Some(a), Some(b)) => (verdict(dir, true, false), format!("pattern changed from `{a}` to `{b}`")),
            (None, None) => unreachable!("patterns differ"),
        };
        push(kind, message);
    }
}

/// Raw traits of the kept namespaces (see [`is_kept_trait`]).
fn compare_other_traits(
    push: &mut impl FnMut(Kind, String),
    old: &BTreeMap<String, Node>,
    new: &BTreeMap<String, Node>,
) {
    let keys: BTreeSet<&String> = old.keys().chain(new.keys()).collect();
    for key in keys {
        if !is_kept_trait(key) || key == "smithy.api#suppress" {
            continue;
        }
        let (a, b) = (old.get(key), new.get(key));
        if a == b {
            continue;
        }
        let docs_like =
            matches!(key.as_str(), "smithy.api#examples" | "smithy.api#title" | "smithy.api#externalDocumentation");
        let kind = if docs_like {
            Kind::Docs
        } else if key.starts_with("aws.protocols#") && b.is_none_or(|_| a.is_some()) {
            Kind::Breaking
        } else {
            Kind::Compatible
        };
        push(kind, format!("trait `{key}` {}", added_removed(&a, &b)));
    }
}

fn fault(f: crate::traits::Fault) -> String {
    match f {
        crate::traits::Fault::Client => "client".into(),
        crate::traits::Fault::Server => "server".into(),
    }
}

fn flag(b: bool) -> String {
    if b { "present" } else { "absent" }.to_string()
}

//! Model updates: a semantic diff of two models' operation closures, and the
//! documentation policies of `smithy-codegen extract`.
//!
//! # Diff
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
//! | enum value removed, or its member (Rust variant) renamed | breaking |
//! | member added, optional (or required with a default) | compatible |
//! | member added, required without a default, on an input structure | breaking (compatible on output only) |
//! | member removed | breaking |
//! | member target changed to another shape id | breaking |
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
//! A shape used in both directions gets the stricter verdict. Operations,
//! resources and the service count as `both`; shapes reached only through a
//! resource's identifiers or properties count as `none`, where only the changes
//! that break in every direction (removals, retargets, defaults, ...) are breaking.
//! Traits outside the `smithy.api`, `aws.protocols`, `aws.api` and `aws.auth`
//! namespaces, and `smithy.api#tags`/`smithy.api#suppress`, are ignored.
//!
//! # Documentation policies of `extract`
//!
//! [`strip_docs`] is `--docs none`; [`keep_docs`] is `--docs keep:FILE`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::Serialize;
use serde_json::Value;

use crate::ast::{AstMember, AstModel, AstShape};
use crate::closure::{self, Closure};
use crate::error::Error;
use crate::ir::{self, EnumValue, Member, Model, Shape, ShapeId, ShapeKind};
use crate::traits::{Length, Range, Traits};

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

/// The text report: one line per change, then the summary line.
pub fn to_text(changes: &[Change]) -> String {
    let mut out = String::new();
    for c in changes {
        out.push_str(&c.to_string());
        out.push('\n');
    }
    out.push_str(&Summary::of(changes).to_string());
    out.push('\n');
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
    let mut out = Changes::default();
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
    let mut changes = out.0;
    changes.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    changes.dedup();
    changes
}

#[derive(Default)]
struct Changes(Vec<Change>);

impl Changes {
    fn push(&mut self, kind: Kind, direction: Direction, shape: &ShapeId, member: Option<&str>, message: String) {
        self.0.push(Change { kind, direction, shape: shape.to_string(), member: member.map(str::to_string), message });
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
            compare_values(out, dir, id, ov.iter().map(key).collect(), nv.iter().map(key).collect());
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
    compare_values(out, dir, id, old.iter().map(key).collect(), new.iter().map(key).collect());
}

/// Enum values compared by wire value: (value, member name, traits).
fn compare_values(
    out: &mut Changes,
    dir: Direction,
    id: &ShapeId,
    old: Vec<(String, String, Traits)>,
    new: Vec<(String, String, Traits)>,
) {
    let old: BTreeMap<String, (String, Traits)> = old.into_iter().map(|(v, n, t)| (v, (n, t))).collect();
    let new: BTreeMap<String, (String, Traits)> = new.into_iter().map(|(v, n, t)| (v, (n, t))).collect();
    for (value, (name, traits)) in &old {
        let Some((new_name, new_traits)) = new.get(value) else {
            out.push(Kind::Breaking, dir, id, None, format!("enum value removed `{value}`"));
            continue;
        };
        if name != new_name {
            out.push(
                Kind::Breaking,
                dir,
                id,
                None,
                format!("enum value `{value}` renamed from `{name}` to `{new_name}` (its Rust variant changes)"),
            );
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
        compare_deprecated(out, dir, id, None, &what, traits, new_traits);
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

fn compare_deprecated(
    out: &mut Changes,
    dir: Direction,
    id: &ShapeId,
    member: Option<&str>,
    what: &str,
    old: &Traits,
    new: &Traits,
) {
    match (&old.deprecated, &new.deprecated) {
        (None, Some(_)) => out.push(Kind::Compatible, dir, id, member, format!("{what} deprecated")),
        (Some(_), None) => out.push(Kind::Compatible, dir, id, member, format!("{what} no longer deprecated")),
        (Some(a), Some(b)) if a != b => {
            out.push(Kind::Docs, dir, id, member, format!("deprecation note of {what} changed"))
        }
        _ => {}
    }
}

fn compare_members(out: &mut Changes, dir: Direction, id: &ShapeId, old: &[Member], new: &[Member], structure: bool) {
    for m in old {
        match new.iter().find(|n| n.name == m.name) {
            None => out.push(Kind::Breaking, dir, id, Some(&m.name), "member removed".to_string()),
            Some(n) => compare_member(out, dir, id, m, n),
        }
    }
    for n in new.iter().filter(|n| !old.iter().any(|m| m.name == n.name)) {
        let (kind, message) = if structure && n.traits.required && !n.traits.has_default() {
            (verdict(dir, true, false), format!("required member added (target `{}`)", n.target))
        } else {
            (Kind::Compatible, format!("optional member added (target `{}`)", n.target))
        };
        let message = if structure { message } else { format!("variant added (target `{}`)", n.target) };
        out.push(kind, dir, id, Some(&n.name), message);
    }
}

fn compare_member(out: &mut Changes, dir: Direction, id: &ShapeId, o: &Member, n: &Member) {
    let member = Some(n.name.as_str());
    if o.target != n.target {
        out.push(Kind::Breaking, dir, id, member, format!("target changed from `{}` to `{}`", o.target, n.target));
    }
    compare_traits(out, dir, id, member, &o.traits, &n.traits);
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

/// Namespaces whose traits matter to callers or generated code; the `none` docs policy keeps only these.
pub const KEPT_NAMESPACES: &[&str] = &["smithy.api", "aws.protocols", "aws.api", "aws.auth"];

/// Whether `extract --docs none` keeps the trait: a kept namespace, and neither documentation nor tags.
pub fn is_kept_trait(trait_id: &str) -> bool {
    let ns = trait_id.split_once('#').map(|(ns, _)| ns).unwrap_or(trait_id);
    KEPT_NAMESPACES.contains(&ns) && trait_id != "smithy.api#documentation" && trait_id != "smithy.api#tags"
}

fn compare_traits(out: &mut Changes, dir: Direction, id: &ShapeId, member: Option<&str>, o: &Traits, n: &Traits) {
    if o.documentation != n.documentation {
        out.push(
            Kind::Docs,
            dir,
            id,
            member,
            format!("documentation {}", added_removed(&o.documentation, &n.documentation)),
        );
    }
    if o.required != n.required {
        let (kind, message) = if n.required {
            (verdict(dir, true, false), "now required")
        } else {
            (verdict(dir, false, true), "no longer required")
        };
        out.push(kind, dir, id, member, message.to_string());
    }
    if o.default != n.default {
        let show = |v: &Option<Value>| v.as_ref().map(|v| format!("`{v}`")).unwrap_or_else(|| "none".into());
        out.push(
            Kind::Breaking,
            dir,
            id,
            member,
            format!("default changed from {} to {}", show(&o.default), show(&n.default)),
        );
    }
    if o.length != n.length {
        let b = |l: &Option<Length>| (l.and_then(|l| l.min).map(|v| v as f64), l.and_then(|l| l.max).map(|v| v as f64));
        let (t, l) = bounds_change(b(&o.length), b(&n.length));
        out.push(
            verdict(dir, t, false),
            dir,
            id,
            member,
            format!(
                "length changed from {} to {} ({})",
                show_length(&o.length),
                show_length(&n.length),
                tightness(t, l)
            ),
        );
    }
    if o.range != n.range {
        let b = |r: &Option<Range>| {
            (
                r.as_ref().and_then(|r| r.min.as_ref()).and_then(|v| v.as_f64()),
                r.as_ref().and_then(|r| r.max.as_ref()).and_then(|v| v.as_f64()),
            )
        };
        let (t, l) = bounds_change(b(&o.range), b(&n.range));
        out.push(
            verdict(dir, t, false),
            dir,
            id,
            member,
            format!("range changed from {} to {} ({})", show_range(&o.range), show_range(&n.range), tightness(t, l)),
        );
    }
    if o.pattern != n.pattern {
        let (kind, message) = match (&o.pattern, &n.pattern) {
            (None, Some(p)) => (verdict(dir, true, false), format!("pattern added `{p}`")),
            (Some(p), None) => (Kind::Compatible, format!("pattern removed `{p}`")),
            (Some(a), Some(b)) => (verdict(dir, true, false), format!("pattern changed from `{a}` to `{b}`")),
            (None, None) => unreachable!("patterns differ"),
        };
        out.push(kind, dir, id, member, message);
    }
    if o.http != n.http {
        let show = |h: &Option<crate::traits::Http>| match h {
            Some(h) => format!("`{} {} {}`", h.method, h.uri, h.code),
            None => "none".into(),
        };
        out.push(
            Kind::Breaking,
            dir,
            id,
            member,
            format!("http binding changed from {} to {}", show(&o.http), show(&n.http)),
        );
    }
    let wire: [(&str, String, String); 12] = [
        ("httpLabel", flag(o.http_label), flag(n.http_label)),
        ("httpQuery", opt_str(&o.http_query), opt_str(&n.http_query)),
        ("httpQueryParams", flag(o.http_query_params), flag(n.http_query_params)),
        ("httpHeader", opt_str(&o.http_header), opt_str(&n.http_header)),
        ("httpPrefixHeaders", opt_str(&o.http_prefix_headers), opt_str(&n.http_prefix_headers)),
        ("httpPayload", flag(o.http_payload), flag(n.http_payload)),
        ("httpResponseCode", flag(o.http_response_code), flag(n.http_response_code)),
        ("httpError", opt_str(&o.http_error.map(|c| c.to_string())), opt_str(&n.http_error.map(|c| c.to_string()))),
        ("error", opt_str(&o.error.map(fault)), opt_str(&n.error.map(fault))),
        ("streaming", flag(o.streaming), flag(n.streaming)),
        ("timestampFormat", opt_str(&o.timestamp_format), opt_str(&n.timestamp_format)),
        ("jsonName", opt_str(&o.json_name), opt_str(&n.json_name)),
    ];
    for (name, a, b) in wire {
        if a != b {
            out.push(Kind::Breaking, dir, id, member, format!("trait `smithy.api#{name}` changed from {a} to {b}"));
        }
    }
    if o.sensitive != n.sensitive {
        let m = if n.sensitive { "now sensitive" } else { "no longer sensitive" };
        out.push(Kind::Compatible, dir, id, member, m.to_string());
    }
    if o.idempotency_token != n.idempotency_token {
        out.push(
            Kind::Compatible,
            dir,
            id,
            member,
            format!(
                "trait `smithy.api#idempotencyToken` changed from {} to {}",
                flag(o.idempotency_token),
                flag(n.idempotency_token)
            ),
        );
    }
    let what = match member {
        Some(_) => "member",
        None => "shape",
    };
    compare_deprecated(out, dir, id, member, what, o, n);
    let keys: BTreeSet<&String> = o.other.keys().chain(n.other.keys()).collect();
    for key in keys {
        if !is_kept_trait(key) || key == "smithy.api#suppress" {
            continue;
        }
        let (a, b) = (o.other.get(key), n.other.get(key));
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
        out.push(kind, dir, id, member, format!("trait `{key}` {}", added_removed(&a, &b)));
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

// ---------------------------------------------------------------------------
// Documentation policies of `extract`.

/// The trait id of documentation.
const DOC: &str = "smithy.api#documentation";
/// The trait id of examples.
const EXAMPLES: &str = "smithy.api#examples";
/// The trait id of legacy enums.
const LEGACY_ENUM: &str = "smithy.api#enum";

fn strip_trait_map(traits: &mut BTreeMap<String, Value>) {
    traits.retain(|k, _| is_kept_trait(k));
    if let Some(Value::Array(examples)) = traits.get_mut(EXAMPLES) {
        for e in examples.iter_mut().filter_map(Value::as_object_mut) {
            e.remove("documentation");
            e.remove("title");
        }
    }
    if let Some(Value::Array(defs)) = traits.get_mut(LEGACY_ENUM) {
        for d in defs.iter_mut().filter_map(Value::as_object_mut) {
            d.remove("documentation");
        }
    }
}

/// Every member of a shape: (name, member), with `member`/`key`/`value` for lists and maps.
fn members_mut(shape: &mut AstShape) -> Vec<(String, &mut AstMember)> {
    let mut out: Vec<(String, &mut AstMember)> = Vec::new();
    if let Some(ms) = shape.members.as_mut() {
        out.extend(ms.0.iter_mut().map(|(k, m)| (k.clone(), m)));
    }
    for (name, m) in [("member", &mut shape.member), ("key", &mut shape.key), ("value", &mut shape.value)] {
        if let Some(m) = m.as_mut() {
            out.push((name.to_string(), m));
        }
    }
    out
}

fn member_of<'a>(shape: &'a AstShape, name: &str) -> Option<&'a AstMember> {
    match name {
        "member" if shape.member.is_some() => shape.member.as_ref(),
        "key" if shape.key.is_some() => shape.key.as_ref(),
        "value" if shape.value.is_some() => shape.value.as_ref(),
        _ => shape.members.as_ref().and_then(|ms| ms.get(name)),
    }
}

/// `--docs none`: removes every `smithy.api#documentation` trait, the prose of
/// `smithy.api#examples` entries (`documentation`, `title`) and of legacy enum
/// definitions, `smithy.api#tags`, and every trait outside [`KEPT_NAMESPACES`].
pub fn strip_docs(model: &mut AstModel) {
    for (_, shape) in model.shapes.0.iter_mut() {
        strip_trait_map(&mut shape.traits);
        for (_, m) in members_mut(shape) {
            strip_trait_map(&mut m.traits);
        }
    }
}

fn doc_of(traits: &BTreeMap<String, Value>) -> Option<&Value> {
    traits.get(DOC)
}

/// The documentation `ours` gives an enum value: a legacy definition with the
/// same value, or an enum member with that name or wire value.
fn enum_value_doc<'a>(ours: &'a AstShape, name: Option<&str>, value: &str) -> Option<&'a Value> {
    if let Some(Value::Array(defs)) = ours.traits.get(LEGACY_ENUM) {
        return defs
            .iter()
            .find(|d| d.get("value").and_then(Value::as_str) == Some(value))
            .and_then(|d| d.get("documentation"));
    }
    let members = ours.members.as_ref()?;
    let by_name = name.and_then(|n| members.get(n));
    let by_value = || {
        members
            .iter()
            .find(|(k, m)| m.traits.get("smithy.api#enumValue").and_then(Value::as_str).unwrap_or(k) == value)
            .map(|(_, m)| m)
    };
    by_name.or_else(by_value).and_then(|m| doc_of(&m.traits))
}

/// `--docs keep:FILE`: like [`strip_docs`], then documentation (shape and member
/// docs, legacy enum value docs, example `documentation`/`title`) is taken from
/// `ours` wherever the shape or member exists there. Returns what still lacks
/// documentation: new shapes, and members or examples upstream documents that
/// `ours` does not, as `ns#Shape`, `ns#Shape$member` or `ns#Shape (example N)`.
pub fn keep_docs(model: &mut AstModel, ours: &AstModel) -> Vec<String> {
    let mut missing = Vec::new();
    for (id, shape) in model.shapes.0.iter_mut() {
        let upstream = shape.clone();
        strip_trait_map(&mut shape.traits);
        let our_shape = ours.shapes.get(id);
        // The shape's own documentation.
        match our_shape {
            None => missing.push(format!("{id} (new shape)")),
            Some(o) => match doc_of(&o.traits) {
                Some(d) => {
                    shape.traits.insert(DOC.to_string(), d.clone());
                }
                None if doc_of(&upstream.traits).is_some() => missing.push(id.clone()),
                None => {}
            },
        }
        // Members.
        let is_enum = matches!(shape.shape_type.as_str(), "enum" | "intEnum");
        for (name, m) in members_mut(shape) {
            let upstream_doc = member_of(&upstream, &name).and_then(|u| doc_of(&u.traits)).is_some();
            strip_trait_map(&mut m.traits);
            let value = m.traits.get("smithy.api#enumValue").and_then(Value::as_str).unwrap_or(&name).to_string();
            let doc = our_shape.and_then(|o| {
                if is_enum {
                    enum_value_doc(o, Some(&name), &value)
                } else {
                    member_of(o, &name).and_then(|om| doc_of(&om.traits))
                }
            });
            match doc {
                Some(d) => {
                    m.traits.insert(DOC.to_string(), d.clone());
                }
                None if upstream_doc => missing.push(format!("{id}${name}")),
                None => {}
            }
        }
        // Legacy enum definitions.
        if let (Some(Value::Array(defs)), Some(Value::Array(up_defs))) =
            (shape.traits.get_mut(LEGACY_ENUM), upstream.traits.get(LEGACY_ENUM))
        {
            for (d, up) in defs.iter_mut().zip(up_defs) {
                let value = d.get("value").and_then(Value::as_str).unwrap_or_default().to_string();
                let name = d.get("name").and_then(Value::as_str).map(str::to_string);
                let doc = our_shape.and_then(|o| enum_value_doc(o, name.as_deref(), &value));
                match (doc, d.as_object_mut()) {
                    (Some(doc), Some(obj)) => {
                        obj.insert("documentation".into(), doc.clone());
                    }
                    _ if up.get("documentation").is_some() => missing.push(format!("{id} (enum value `{value}`)")),
                    _ => {}
                }
            }
        }
        // Example prose, matched by equal `input`.
        if let (Some(Value::Array(examples)), Some(Value::Array(up_examples))) =
            (shape.traits.get_mut(EXAMPLES), upstream.traits.get(EXAMPLES))
        {
            let our_examples = our_shape.and_then(|o| o.traits.get(EXAMPLES)).and_then(Value::as_array);
            for (i, (e, up)) in examples.iter_mut().zip(up_examples).enumerate() {
                let ours_e = our_examples.and_then(|list| list.iter().find(|oe| oe.get("input") == e.get("input")));
                let mut found = false;
                if let (Some(oe), Some(obj)) = (ours_e, e.as_object_mut()) {
                    for key in ["title", "documentation"] {
                        if let Some(v) = oe.get(key) {
                            obj.insert(key.to_string(), v.clone());
                            found = true;
                        }
                    }
                }
                let upstream_prose = up.get("title").is_some() || up.get("documentation").is_some();
                if !found && upstream_prose {
                    missing.push(format!("{id} (example {})", i + 1));
                }
            }
        }
    }
    missing
}

/// The closure of `operations` (absolute ids or bare names; empty: every
/// operation) as a model file, service included, bindings trimmed.
pub fn extract(ast: &AstModel, operations: &[&str]) -> Result<AstModel, Error> {
    let model = ir::resolve(ast)?;
    let closure = if operations.is_empty() {
        let all: Vec<String> = closure::all_operations(&model)?.iter().map(ShapeId::to_string).collect();
        let all: Vec<&str> = all.iter().map(String::as_str).collect();
        closure::closure(&model, &all)?
    } else {
        closure::closure(&model, operations)?
    };
    Ok(closure.to_ast(ast))
}

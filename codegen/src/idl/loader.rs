//! Merges IDL files (and JSON AST files) into one model: resolves relative
//! shape ids per file (`use`, then the namespace's shapes from any file, then
//! the prelude), turns traits and doc comments into trait values, fills in
//! elided member targets, applies `apply` statements and merges metadata.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use super::parser::{parse_file, Node, ParsedFile, ParsedShape, TraitUse};
use super::prelude::{is_prelude_list_trait, is_prelude_name};
use super::{Diagnostic, Location};
use crate::ast::{self, AstMember, AstModel, AstRef, AstShape, OrderedMap};
use crate::error::Error;

/// One model file's text and the name that messages use for it. Names ending
/// in `.json` are read as JSON AST, everything else as IDL.
#[derive(Debug, Clone)]
pub struct Source {
    /// The file's name or path.
    pub name: String,
    /// Its contents.
    pub text: String,
}

/// Loads model files and directories (searched for `.smithy` and `.json`
/// files, in name order) into one model.
pub fn load_paths<P: AsRef<Path>>(paths: &[P]) -> Result<AstModel, Error> {
    let mut files = Vec::new();
    for path in paths {
        collect_files(path.as_ref(), &mut files)?;
    }
    let mut sources = Vec::with_capacity(files.len());
    for file in files {
        let name = file.display().to_string();
        let text = std::fs::read_to_string(&file).map_err(|e| Error::at(name.clone(), format!("cannot read: {e}")))?;
        sources.push(Source { name, text });
    }
    load_sources(&sources)
}

fn collect_files(path: &Path, files: &mut Vec<PathBuf>) -> Result<(), Error> {
    let name = || path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| Error::at(name(), format!("cannot read: {e}")))?;
    if !meta.is_dir() {
        files.push(path.to_path_buf());
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|e| Error::at(name(), format!("cannot list: {e}")))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for entry in entries {
        let is_model = entry.extension().is_some_and(|e| e == "smithy" || e == "json");
        if entry.is_dir() || is_model {
            collect_files(&entry, files)?;
        }
    }
    Ok(())
}

/// Loads model texts into one model; every problem found is reported.
pub fn load_sources(sources: &[Source]) -> Result<AstModel, Error> {
    let mut loader = Loader {
        json_models: Vec::new(),
        defined: HashMap::new(),
        model: AstModel { smithy: "1.0".into(), metadata: BTreeMap::new(), shapes: OrderedMap::default() },
        index: HashMap::new(),
        errors: Vec::new(),
        metadata_at: BTreeMap::new(),
    };
    let mut idl_files = Vec::new();
    for parsed in parse_sources(sources) {
        match parsed {
            Parsed::Json(name, model) => loader.json_models.push((name, model)),
            Parsed::Idl(file) => idl_files.push(file),
            Parsed::Errors(errors) => loader.errors.extend(errors),
        }
    }
    if !loader.errors.is_empty() {
        return Err(Error::Model(loader.errors));
    }
    loader.load(idl_files);
    if loader.errors.is_empty() {
        Ok(loader.model)
    } else {
        Err(Error::Model(loader.errors))
    }
}

/// One source, read on its own: files do not depend on each other until
/// their names are resolved.
enum Parsed {
    Json(String, AstModel),
    Idl(ParsedFile),
    Errors(Vec<Diagnostic>),
}

fn parse_source(source: &Source) -> Parsed {
    if !source.name.ends_with(".json") {
        return match parse_file(&source.name, &source.text) {
            Ok(file) => Parsed::Idl(file),
            Err(errors) => Parsed::Errors(errors),
        };
    }
    match ast::parse(source.text.as_bytes()) {
        Ok(model) => Parsed::Json(source.name.clone(), model),
        Err(Error::Json { line, column, message }) => {
            Parsed::Errors(vec![Diagnostic { file: source.name.clone(), line, column, message }])
        }
        Err(other) => Parsed::Errors(vec![Diagnostic {
            file: source.name.clone(),
            line: 1,
            column: 1,
            message: other.to_string(),
        }]),
    }
}

/// Every source read, in order: on two threads (when there are two CPUs),
/// each taking about half of the bytes, since reading is most of a load.
fn parse_sources(sources: &[Source]) -> Vec<Parsed> {
    let total: usize = sources.iter().map(|s| s.text.len()).sum();
    let mut so_far = 0;
    let half = sources
        .iter()
        .position(|s| {
            so_far += s.text.len();
            so_far * 2 >= total
        })
        .map_or(sources.len(), |i| i + 1);
    let (first, second) = sources.split_at(half);
    let (mut parsed, rest) = crate::parallel::join(
        || first.iter().map(parse_source).collect::<Vec<_>>(),
        || second.iter().map(parse_source).collect::<Vec<_>>(),
    );
    parsed.extend(rest);
    parsed
}

struct Loader {
    json_models: Vec<(String, AstModel)>,
    /// Every shape id defined, where, and its type.
    defined: HashMap<String, (Location, String)>,
    model: AstModel,
    /// Position of each shape id in `model.shapes`.
    index: HashMap<String, usize>,
    errors: Vec<Diagnostic>,
    metadata_at: BTreeMap<String, Location>,
}

/// `first`, `separator`, `second` as one string: shape ids are built for
/// every reference, and `format!` costs several times this.
fn join(first: &str, separator: char, second: &str) -> String {
    let mut id = String::with_capacity(first.len() + 1 + second.len());
    id.push_str(first);
    id.push(separator);
    id.push_str(second);
    id
}

/// How one file's relative names resolve.
struct Scope<'a> {
    file: &'a ParsedFile,
    defined: &'a HashMap<String, (Location, String)>,
}

impl Scope<'_> {
    /// The absolute id of `name` (`Name`, `Name$member` or absolute).
    fn resolve(&self, name: &str) -> String {
        if name.contains('#') {
            return name.to_string();
        }
        let (base, member) = match name.split_once('$') {
            Some((base, member)) => (base, Some(member)),
            None => (name, None),
        };
        let namespace = self.file.namespace.as_deref().unwrap_or("");
        let local = join(namespace, '#', base);
        let mut absolute = if let Some(used) = self.file.uses.get(base) {
            used.clone()
        } else if self.defined.contains_key(&local) || !is_prelude_name(base) {
            local
        } else {
            join("smithy.api", '#', base)
        };
        if let Some(member) = member {
            absolute.push('$');
            absolute.push_str(member);
        }
        absolute
    }

    /// Whether `name` resolves to a shape that exists.
    fn resolve_existing(&self, name: &str) -> Option<String> {
        let id = self.resolve(name);
        let base = id.split('$').next().unwrap_or(&id);
        let exists = self.defined.contains_key(base) || base.strip_prefix("smithy.api#").is_some_and(is_prelude_name);
        exists.then_some(id)
    }

    /// A node value as JSON; unquoted shape ids that name a shape become absolute.
    fn value(&self, node: Node) -> ast::Node {
        match node {
            Node::Null => ast::Node::Null,
            Node::Bool(b) => ast::Node::Bool(b),
            Node::Number(n) => ast::Node::Number(n),
            Node::Str(s) => ast::Node::String(s),
            Node::ShapeId(id) => ast::Node::String(self.resolve_existing(&id).unwrap_or(id)),
            Node::Array(items) => ast::Node::Array(items.into_iter().map(|i| self.value(i)).collect()),
            Node::Object(entries) => ast::Node::Object(entries.into_iter().map(|(k, v)| (k, self.value(v))).collect()),
        }
    }
}

impl Loader {
    fn error(&mut self, at: &Location, message: impl Into<String>) {
        self.errors.push(Diagnostic::at(at, message));
    }

    fn load(&mut self, mut files: Vec<ParsedFile>) {
        self.define_shapes(&files);
        for (name, json) in std::mem::take(&mut self.json_models) {
            if !json.smithy.starts_with('2') {
                self.check_json_v1(&name, &json);
            }
            if json.smithy.starts_with('2') {
                self.model.smithy = "2.0".into();
            }
            self.merge_metadata_json(&name, json.metadata);
            for (id, shape) in json.shapes.0 {
                self.push_shape(id, shape);
            }
        }
        for file in &mut files {
            if file.is_v2() {
                self.model.smithy = "2.0".into();
            }
            self.load_file(file);
        }
        for file in &files {
            self.fill_elided(file);
        }
        for file in &mut files {
            self.apply_statements(file);
        }
        self.check_shapes(&files);
        if self.errors.is_empty() && crate::mixins::needs_flattening(&self.model) {
            self.check_mixins();
        }
    }

    /// Flattening finds member conflicts between a shape and its mixins.
    fn check_mixins(&mut self) {
        if let Err(error) = crate::mixins::check(&self.model) {
            let message = error.to_string();
            let shape = match &error {
                Error::Shape { at, .. } => at.split('$').next().unwrap_or(at).to_string(),
                _ => String::new(),
            };
            let at = self.defined.get(&shape).map(|(at, _)| at.clone()).unwrap_or_else(|| Location {
                file: self.defined.values().next().map_or_else(|| "".into(), |(at, _)| at.file.clone()),
                line: 1,
                column: 1,
            });
            self.error(&at, message);
        }
    }

    /// IDL 2 features that a JSON AST file of version 1 may not use.
    fn check_json_v1(&mut self, file: &str, json: &AstModel) {
        let at = Location { file: file.into(), line: 1, column: 1 };
        for (id, shape) in json.shapes.iter() {
            let problem = if shape.properties.is_some() {
                "resource properties can only be used with Smithy version 2 or later"
            } else if matches!(shape.shape_type.as_str(), "enum" | "intEnum") {
                "enum and intEnum shapes cannot be used in Smithy version 1.0"
            } else if shape.mixins.as_ref().is_some_and(|m| !m.is_empty()) {
                "mixins can only be used with Smithy version 2 or later"
            } else {
                continue;
            };
            let version = &json.smithy;
            self.error(&at, format!("`{id}`: {problem}, and the file's version is `{version}`"));
        }
    }

    /// Records every shape id of every file; a second definition is an error
    /// naming both places (identical JSON definitions are allowed).
    fn define_shapes(&mut self, files: &[ParsedFile]) {
        let mut json_shapes: HashMap<String, AstShape> = HashMap::new();
        for (name, json) in &self.json_models {
            for (id, shape) in json.shapes.iter() {
                let at = Location { file: name.as_str().into(), line: 1, column: 1 };
                if shape.shape_type == "apply" {
                    continue;
                }
                if let Some(previous) = json_shapes.get(id) {
                    if previous != shape {
                        let message = format!("shape `{id}` is defined again, differently (first in {})", name);
                        self.errors.push(Diagnostic::at(&at, message));
                    }
                    continue;
                }
                json_shapes.insert(id.clone(), shape.clone());
                self.defined.insert(id.clone(), (at, shape.shape_type.clone()));
            }
        }
        // Identical JSON duplicates were merged; keep one copy of each.
        let mut seen = std::collections::HashSet::new();
        for (_, json) in &mut self.json_models {
            json.shapes.0.retain(|(id, s)| s.shape_type == "apply" || seen.insert(id.clone()));
        }
        for file in files {
            let namespace = file.namespace.clone().unwrap_or_default();
            for shape in &file.shapes {
                let id = join(&namespace, '#', &shape.name);
                if let Some(used) = file.uses.get(&shape.name) {
                    let message = format!("shape name `{}` conflicts with imported shape `{used}`", shape.name);
                    self.error(&shape.at, message);
                }
                if let Some((previous, _)) = self.defined.get(&id) {
                    let message = format!("shape `{id}` is already defined at {previous}");
                    self.error(&shape.at, message);
                    continue;
                }
                self.defined.insert(id, (shape.at.clone(), shape.shape.shape_type.clone()));
            }
        }
    }

    /// Adds a file's metadata and shapes; their trait values move out of `file`.
    fn load_file(&mut self, file: &mut ParsedFile) {
        let defined = std::mem::take(&mut self.defined);
        let metadata = std::mem::take(&mut file.metadata);
        let mut shapes = std::mem::take(&mut file.shapes);
        let scope = Scope { file, defined: &defined };
        for (key, node, at) in metadata {
            self.merge_metadata(key, scope.value(node), &at);
        }
        let namespace = file.namespace.clone().unwrap_or_default();
        for parsed in &mut shapes {
            let id = join(&namespace, '#', &parsed.name);
            let shape = self.build_shape(&scope, parsed, &id);
            self.push_shape(id, shape);
        }
        file.shapes = shapes;
        self.defined = defined;
    }

    /// The AST shape of a parsed shape: targets absolute, traits as values.
    fn build_shape(&mut self, scope: &Scope, parsed: &mut ParsedShape, id: &str) -> AstShape {
        let mut shape = std::mem::take(&mut parsed.shape);
        resolve_refs(&mut shape, |name| scope.resolve(name));
        let mut docs = std::mem::take(&mut parsed.docs);
        shape.traits = self.trait_values(scope, docs.remove(&None), std::mem::take(&mut parsed.traits));
        let mut member_traits = std::mem::take(&mut parsed.member_traits);
        for_each_member(&mut shape, |name, member| {
            let traits = member_traits.remove(name).unwrap_or_default();
            let docs = docs.remove(&Some(name.to_string()));
            member.traits = self.trait_values(scope, docs, traits);
        });
        if let Some(resource) = &parsed.for_resource {
            let resource_id = scope.resolve(resource);
            let kind = scope.defined.get(&resource_id).map(|(_, kind)| kind.as_str());
            if kind != Some("resource") {
                let found = kind.map_or("nothing".to_string(), |k| format!("a {k} shape"));
                let message =
                    format!("`{id}`: the target of `for` must be a resource shape, but `{resource_id}` is {found}");
                self.error(&parsed.at, message);
            }
        }
        shape
    }

    /// Trait values by absolute id; a doc comment becomes `smithy.api#documentation`.
    fn trait_values(
        &mut self,
        scope: &Scope,
        docs: Option<String>,
        traits: Vec<TraitUse>,
    ) -> BTreeMap<String, ast::Node> {
        let mut values = BTreeMap::new();
        if let Some(docs) = docs {
            values.insert("smithy.api#documentation".to_string(), ast::Node::String(docs));
        }
        let mut written: BTreeMap<String, Location> = BTreeMap::new();
        for t in traits {
            let name = scope.resolve(&t.name);
            let value = match t.value {
                Some(node) => scope.value(node),
                None if scope.defined.get(&name).is_some_and(|(_, kind)| kind == "list" || kind == "set")
                    || name.strip_prefix("smithy.api#").is_some_and(is_prelude_list_trait) =>
                {
                    ast::Node::Array(Vec::new())
                }
                None => ast::Node::Object(Default::default()),
            };
            if let Some(first) = written.get(&name) {
                if values.get(&name) != Some(&value) {
                    let message = format!("trait `{name}` is applied twice, differently (first at {first})");
                    self.errors.push(Diagnostic::at(&t.at, message));
                }
                continue;
            }
            written.insert(name.clone(), t.at);
            values.insert(name, value);
        }
        values
    }

    fn merge_metadata(&mut self, key: String, value: ast::Node, at: &Location) {
        if let Some(existing) = self.model.metadata.get_mut(&key) {
            match (existing, value) {
                (ast::Node::Array(items), ast::Node::Array(more)) => items.extend(more),
                (existing, value) if *existing == value => {}
                _ => {
                    let first = self.metadata_at.get(&key).map(ToString::to_string).unwrap_or_default();
                    self.error(at, format!("metadata `{key}` conflicts with its value at {first}"));
                }
            }
            return;
        }
        self.metadata_at.insert(key.clone(), at.clone());
        self.model.metadata.insert(key, value);
    }

    fn merge_metadata_json(&mut self, file: &str, metadata: BTreeMap<String, ast::Node>) {
        let at = Location { file: file.into(), line: 1, column: 1 };
        for (key, value) in metadata {
            self.merge_metadata(key, value, &at);
        }
    }

    fn shape(&self, id: &str) -> Option<&AstShape> {
        self.index.get(id).map(|&i| &self.model.shapes.0[i].1)
    }

    fn shape_mut(&mut self, id: &str) -> Option<&mut AstShape> {
        self.index.get(id).map(|&i| &mut self.model.shapes.0[i].1)
    }

    /// Adds a shape (or an `apply` entry) to the model and the index.
    fn push_shape(&mut self, id: String, shape: AstShape) {
        self.index.insert(id.clone(), self.model.shapes.0.len());
        self.model.shapes.0.push((id, shape));
    }

    /// The target of member `name` of `id` or of its mixins, recursively.
    fn inherited_target(&self, id: &str, name: &str, depth: usize) -> Option<String> {
        let shape = self.shape(id)?;
        if depth > 0 {
            let slot = match name {
                "member" => shape.member.as_ref(),
                "key" => shape.key.as_ref(),
                "value" => shape.value.as_ref(),
                _ => None,
            };
            let member = shape.members.as_ref().and_then(|m| m.get(name)).or(slot);
            if let Some(member) = member.filter(|m| !m.target.is_empty()) {
                return Some(member.target.clone());
            }
        }
        let mixins = shape.mixins.as_deref().unwrap_or_default();
        mixins.iter().find_map(|mixin| self.inherited_target(&mixin.target, name, depth + 1))
    }

    /// Targets of `$name` members: the `for` resource's identifiers and
    /// properties first, then the mixins' members.
    fn fill_elided(&mut self, file: &ParsedFile) {
        let namespace = file.namespace.clone().unwrap_or_default();
        let defined = std::mem::take(&mut self.defined);
        let scope = Scope { file, defined: &defined };
        for parsed in file.shapes.iter().filter(|s| !s.elided.is_empty()) {
            let id = join(&namespace, '#', &parsed.name);
            for (name, at) in &parsed.elided {
                let from_resource = parsed.for_resource.as_ref().and_then(|resource| {
                    let resource = self.shape(&scope.resolve(resource))?;
                    let of = |map: &Option<OrderedMap<AstRef>>| map.as_ref().and_then(|m| m.get(name)).cloned();
                    of(&resource.identifiers).or_else(|| of(&resource.properties)).map(|r| r.target)
                });
                let Some(target) = from_resource.or_else(|| self.inherited_target(&id, name, 0)) else {
                    let message = format!(
                        "{id}${name}: member target was elided, but no bound resource or mixin has an \
                         identifier, property or member named `{name}`"
                    );
                    self.error(at, message);
                    continue;
                };
                if let Some(shape) = self.shape_mut(&id) {
                    for_each_member(shape, |member_name, member| {
                        if member_name == name {
                            member.target = target.clone();
                        }
                    });
                }
            }
        }
        self.defined = defined;
    }

    fn apply_statements(&mut self, file: &mut ParsedFile) {
        let defined = std::mem::take(&mut self.defined);
        let applies = std::mem::take(&mut file.applies);
        let scope = Scope { file, defined: &defined };
        for apply in applies {
            let target = scope.resolve(&apply.target);
            let traits = self.trait_values(&scope, None, apply.traits);
            let (shape_id, member) = match target.split_once('$') {
                Some((shape, member)) => (shape.to_string(), Some(member.to_string())),
                None => (target.clone(), None),
            };
            if !defined.contains_key(&shape_id) {
                self.error(&apply.at, format!("`apply` targets `{target}`, which is not defined"));
                continue;
            }
            let local = self.shape_mut(&shape_id).and_then(|shape| match &member {
                None => Some(&mut shape.traits),
                Some(name) => member_traits_mut(shape, name),
            });
            let result = match local {
                Some(existing) => merge_traits(existing, traits),
                None => {
                    // A member inherited from a mixin: kept as an `apply` entry,
                    // as Smithy's JSON AST writes it; flattening applies it.
                    let key = target.clone();
                    if let Some(entry) = self.shape_mut(&key) {
                        merge_traits(&mut entry.traits, traits)
                    } else {
                        let entry = AstShape { shape_type: "apply".into(), traits, ..AstShape::default() };
                        self.push_shape(key, entry);
                        Ok(())
                    }
                }
            };
            if let Err(name) = result {
                self.error(&apply.at, format!("`apply` of trait `{name}` conflicts with its value on `{target}`"));
            }
        }
        self.defined = defined;
    }

    /// Checks that need the whole shape: required members and enum values.
    fn check_shapes(&mut self, files: &[ParsedFile]) {
        let mut problems = Vec::new();
        for file in files {
            let namespace = file.namespace.as_deref().unwrap_or_default();
            for parsed in &file.shapes {
                let id = join(namespace, '#', &parsed.name);
                let Some(shape) = self.shape(&id) else { continue };
                for problem in shape_problems(&id, shape, file.is_v2()) {
                    problems.push(Diagnostic::at(&parsed.at, problem));
                }
            }
        }
        self.errors.extend(problems);
    }
}

fn shape_problems(id: &str, shape: &AstShape, v2: bool) -> Vec<String> {
    let mut problems = Vec::new();
    let has_mixins = shape.mixins.as_ref().is_some_and(|m| !m.is_empty());
    match shape.shape_type.as_str() {
        "list" | "set" if shape.member.is_none() && !has_mixins => {
            problems.push(format!("missing required member of shape `{id}`: member"))
        }
        "map" if (shape.key.is_none() || shape.value.is_none()) && !has_mixins => {
            let missing: Vec<&str> = [("key", &shape.key), ("value", &shape.value)]
                .into_iter()
                .filter(|(_, m)| m.is_none())
                .map(|(n, _)| n)
                .collect();
            problems.push(format!("missing required members of shape `{id}`: {}", missing.join(", ")))
        }
        "intEnum" => {
            let members = shape.members.as_ref().map(|m| m.0.as_slice()).unwrap_or_default();
            if members.is_empty() && !has_mixins {
                problems.push(format!("`{id}`: intEnum shapes must have at least one member"));
            }
            for (name, member) in members {
                match member.traits.get("smithy.api#enumValue") {
                    Some(ast::Node::Number(n)) if n.as_i64().is_some_and(|v| i32::try_from(v).is_ok()) => {}
                    Some(ast::Node::Number(n)) if n.is_i64() || n.is_u64() => {
                        problems.push(format!("{id}${name}: intEnum members must fit within an integer, but found {n}"))
                    }
                    Some(other) => {
                        problems.push(format!("{id}${name}: intEnum members require integer values, but found {other}"))
                    }
                    // A member redefined over a mixin's takes the mixin's value.
                    None if has_mixins => {}
                    None => problems.push(format!("{id}${name}: intEnum members require an integer value")),
                }
            }
        }
        "enum" => {
            for (name, member) in shape.members.iter().flat_map(|m| m.iter()) {
                match member.traits.get("smithy.api#enumValue") {
                    None | Some(ast::Node::String(_)) => {}
                    Some(other) => problems.push(format!(
                        "{id}${name}: enum members can only be assigned string values, but found {other}"
                    )),
                }
            }
        }
        "operation" if shape.traits.contains_key("smithy.api#mixin") => {
            let is_unit = |r: &Option<AstRef>| r.as_ref().is_none_or(|r| r.target == "smithy.api#Unit");
            if !is_unit(&shape.input) || !is_unit(&shape.output) {
                problems.push(format!(
                    "operation mixin `{id}` must not define input or output (they must be `smithy.api#Unit`)"
                ));
            }
        }
        "resource" if shape.traits.contains_key("smithy.api#mixin") => {
            let defines = |m: &Option<OrderedMap<AstRef>>| m.as_ref().is_some_and(|m| !m.is_empty());
            if defines(&shape.properties) || defines(&shape.identifiers) {
                problems.push(format!("resource mixin `{id}` may not define identifiers or properties"));
            }
        }
        _ => {}
    }
    if !v2 && shape.traits.contains_key("smithy.api#mixin") {
        problems.push(format!("`{id}`: mixins can only be used in Smithy 2.0 or later, but the file's version is 1.0"));
    }
    problems
}

fn member_traits_mut<'a>(shape: &'a mut AstShape, name: &str) -> Option<&'a mut BTreeMap<String, ast::Node>> {
    if let Some(members) = &mut shape.members {
        return members.0.iter_mut().find(|(n, _)| n == name).map(|(_, m)| &mut m.traits);
    }
    let slot = match name {
        "member" => &mut shape.member,
        "key" => &mut shape.key,
        "value" => &mut shape.value,
        _ => return None,
    };
    slot.as_mut().map(|m| &mut m.traits)
}

/// Adds applied traits; lists concatenate, equal values are fine, anything
/// else is a conflict (the conflicting trait's name is returned).
fn merge_traits(existing: &mut BTreeMap<String, ast::Node>, traits: BTreeMap<String, ast::Node>) -> Result<(), String> {
    for (name, value) in traits {
        match existing.get_mut(&name) {
            None => {
                existing.insert(name, value);
            }
            Some(ast::Node::Array(items)) if value.is_array() => {
                if let ast::Node::Array(more) = value {
                    items.extend(more);
                }
            }
            Some(current) if *current == value => {}
            Some(_) => return Err(name),
        }
    }
    Ok(())
}

/// Calls `f` on every member of a shape with its name.
fn for_each_member(shape: &mut AstShape, mut f: impl FnMut(&str, &mut AstMember)) {
    if let Some(members) = &mut shape.members {
        for (name, member) in &mut members.0 {
            f(name, member);
        }
    }
    for (name, slot) in [("member", &mut shape.member), ("key", &mut shape.key), ("value", &mut shape.value)] {
        if let Some(member) = slot {
            f(name, member);
        }
    }
}

/// Rewrites every shape reference of a shape (members, mixins, bindings).
fn resolve_refs(shape: &mut AstShape, resolve: impl Fn(&str) -> String) {
    for_each_member(shape, |_, member| {
        if !member.target.is_empty() {
            member.target = resolve(&member.target);
        }
    });
    let one = |r: &mut Option<AstRef>| {
        if let Some(r) = r {
            r.target = resolve(&r.target);
        }
    };
    for slot in [
        &mut shape.input,
        &mut shape.output,
        &mut shape.create,
        &mut shape.put,
        &mut shape.read,
        &mut shape.update,
        &mut shape.delete,
        &mut shape.list,
    ] {
        one(slot);
    }
    for list in [
        &mut shape.errors,
        &mut shape.operations,
        &mut shape.resources,
        &mut shape.collection_operations,
        &mut shape.mixins,
    ] {
        for r in list.iter_mut().flatten() {
            r.target = resolve(&r.target);
        }
    }
    for map in [&mut shape.identifiers, &mut shape.properties] {
        for (_, r) in map.iter_mut().flat_map(|m| m.0.iter_mut()) {
            r.target = resolve(&r.target);
        }
    }
}

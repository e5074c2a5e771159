//! Operations: the URI pattern, its labels in URI order, and the input and
//! output structures, checked against each other.

use std::collections::BTreeSet;

use super::bindings::Binding;
use super::structures::FieldPlan;
use super::{names, renamed, Plan};
use crate::error::Error;
use crate::ir::{Shape, ShapeId, ShapeKind};
use crate::traits::Http;

/// One path segment of a URI pattern: literal text, or a label name and whether it is greedy.
pub(crate) type UriSegment = (String, Option<String>, bool);

/// Literal `key=value` pairs of a URI pattern's query part.
pub(crate) type LiteralQuery = Vec<(String, String)>;

/// What the printers need of one operation.
#[derive(Debug, Clone)]
pub(crate) struct OperationPlan {
    /// The name the operation goes by: the service's rename, else its own.
    pub name: String,
    /// Its module under `operation` (`get_layer_version`).
    pub module: String,
    /// Its marker type (`GetLayerVersion`).
    pub type_name: String,
    /// Its error enum (`GetLayerVersionError`).
    pub error_name: String,
    /// The errors it can return: its own, then the service's, each once.
    pub errors: Vec<ShapeId>,
    /// The error a server answers a malformed request with: the first of
    /// `errors` with status 400 whose only required member (if any) is its
    /// string message; `None` for an unmodeled 400.
    pub bad_request: Option<ShapeId>,
    /// The operation's `http` trait.
    pub http: Http,
    /// The URI pattern's path segments.
    pub segments: Vec<UriSegment>,
    /// The URI pattern's literal query pairs.
    pub literal_query: LiteralQuery,
    /// The input's label members, by position among its fields, in URI order.
    pub label_order: Vec<usize>,
    /// The input structure (synthesized: every operation has its own).
    pub input: ShapeId,
    /// The output structure (likewise).
    pub output: ShapeId,
    /// Host prefix, checksum, compression and media types.
    pub wire: super::WirePlan,
    /// Whether the model gives the operation no output (none, or
    /// `smithy.api#Unit`): its success responses then have an empty body, as
    /// the restJson1 suite expects (`RestJsonNoInputAndNoOutput`), where an
    /// empty output structure answers `{}`.
    pub no_output: bool,
}

impl Plan {
    /// Plans one operation: it needs the `http` trait (restJson1 does), its
    /// own input and output, and a URI whose labels match the input's.
    pub(crate) fn plan_operation(&self, op: &Shape) -> Result<Option<OperationPlan>, Error> {
        let ShapeKind::Operation(operation) = &op.kind else {
            return Ok(None);
        };
        let Some(http) = &op.traits.http else {
            return Err(Error::Unsupported {
                at: op.id.to_string(),
                what: "operations without the smithy.api#http trait (restJson1 needs it)".into(),
            });
        };
        let (segments, literal_query) = parse_uri(op, http)?;
        let (Some(input), Some(output)) = (
            operation.input.as_ref().filter(|id| self.homes.contains_key(*id)),
            operation.output.as_ref().filter(|id| self.homes.contains_key(*id)),
        ) else {
            return Err(Error::Unsupported {
                at: op.id.to_string(),
                what: "operations without input or output structures".into(),
            });
        };
        let input_shape = &self.model.shapes[input];
        let input_fields = self.structures.get(input).map(Vec::as_slice).unwrap_or_default();
        let label_order = uri_labels(op, input_shape, &segments, &literal_query, input_fields)?;
        let errors = self.operation_errors(&operation.errors);
        let bad_request = errors.iter().find(|id| self.answers_bad_requests(id)).cloned();
        let name = renamed(&self.model, &self.closure, &op.id);
        let type_name = names::type_name(&name);
        let wire = self.plan_wire(op, input, output)?;
        Ok(Some(OperationPlan {
            module: names::module(&name),
            error_name: names::suffixed(&type_name, "Error"),
            type_name,
            name,
            errors,
            bad_request,
            http: http.clone(),
            segments,
            literal_query,
            label_order,
            input: input.clone(),
            output: output.clone(),
            wire,
            no_output: self.operations_without_output.contains(&op.id),
        }))
    }
}

impl Plan {
    /// An operation's errors (`own`), then the service's, each once.
    fn operation_errors(&self, own: &[ShapeId]) -> Vec<ShapeId> {
        let service_errors = self.closure.service.as_ref().and_then(|s| match &self.model.shapes[s].kind {
            ShapeKind::Service(svc) => Some(&svc.errors),
            _ => None,
        });
        let mut out: Vec<ShapeId> = Vec::new();
        for id in own.iter().chain(service_errors.into_iter().flatten()) {
            if !out.contains(id) {
                out.push(id.clone());
            }
        }
        out
    }

    /// Whether the error `id` can stand for a malformed request: status 400
    /// (an explicit `httpError`, or implied for an error that lists
    /// violations the way `smithy.framework#ValidationException` does), a
    /// string message, and no other required member.
    fn answers_bad_requests(&self, id: &ShapeId) -> bool {
        let answers =
            |e: &&super::ErrorPlan| e.status_trait == Some(400) || (e.status == 400 && e.field_list.is_some());
        let Some(error) = self.errors.get(id).filter(answers) else {
            return false;
        };
        let Some(message) = error.message else {
            return false;
        };
        let fields = &self.structures[id];
        !fields.iter().enumerate().any(|(i, f)| i != message && f.kind == super::FieldKind::Required)
    }
}

/// Checks the URI against the input's bindings (a label appears once and has
/// an `httpLabel` member, and vice versa; a query key is bound once) and
/// returns the label members' positions in URI order.
fn uri_labels(
    op: &Shape,
    input: &Shape,
    segments: &[UriSegment],
    literal_query: &LiteralQuery,
    input_fields: &[FieldPlan],
) -> Result<Vec<usize>, Error> {
    let mut seen_labels = BTreeSet::new();
    for (_, label, _) in segments {
        if let Some(name) = label {
            if !seen_labels.insert(name) {
                return Err(Error::at(op.id.as_str(), format!("uri label `{name}` appears more than once")));
            }
        }
    }
    let mut seen_keys: BTreeSet<&str> = literal_query.iter().map(|(k, _)| k.as_str()).collect();
    for f in input_fields {
        if let Binding::Query(key) = &f.binding {
            if !seen_keys.insert(key) {
                return Err(Error::at(f.at.clone(), format!("query parameter `{key}` is bound more than once")));
            }
        }
    }
    let members = input.members();
    let labels: Vec<usize> = (0..input_fields.len()).filter(|&i| input_fields[i].binding == Binding::Label).collect();
    let mut label_order = Vec::new();
    for (_, label, _) in segments {
        if let Some(name) = label {
            let position = labels.iter().find(|&&i| &members[i].name == name).ok_or_else(|| {
                Error::at(op.id.as_str(), format!("uri label `{name}` has no httpLabel member in the input"))
            })?;
            label_order.push(*position);
        }
    }
    if let Some(&i) = labels.iter().find(|i| !label_order.contains(i)) {
        return Err(Error::at(
            input.id.member(&members[i].name),
            format!("httpLabel member has no `{{{}}}` in the operation's uri", members[i].name),
        ));
    }
    Ok(label_order)
}

/// Parses a URI pattern into path segments and literal query pairs.
fn parse_uri(op: &Shape, http: &Http) -> Result<(Vec<UriSegment>, LiteralQuery), Error> {
    let (path, query) = http.uri.split_once('?').unwrap_or((&http.uri, ""));
    let mut segments = Vec::new();
    for part in path.trim_start_matches('/').split('/').filter(|p| !p.is_empty()) {
        if let Some(label) = part.strip_prefix('{').and_then(|p| p.strip_suffix('}')) {
            let (name, greedy) = match label.strip_suffix('+') {
                Some(n) => (n, true),
                None => (label, false),
            };
            segments.push((String::new(), Some(name.to_string()), greedy));
        } else if part.contains(['{', '}']) {
            return Err(Error::at(op.id.as_str(), format!("uri segment `{part}` mixes a label with text")));
        } else {
            segments.push((part.to_string(), None, false));
        }
    }
    Ok((segments, literal_query(query)))
}

/// The `key=value` pairs of a URI pattern's query part.
fn literal_query(query: &str) -> LiteralQuery {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (k.to_string(), v.to_string())
        })
        .collect()
}

/// The keys of the literal query pairs of an `http` trait's URI pattern.
pub(crate) fn literal_query_keys(uri: &str) -> Vec<String> {
    literal_query(uri.split_once('?').map_or("", |(_, query)| query)).into_iter().map(|(k, _)| k).collect()
}

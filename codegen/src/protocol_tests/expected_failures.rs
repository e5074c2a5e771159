//! The checked-in list of compliance cases known to fail, and the rule that
//! keeps it honest: a listed case that passes fails the run, as does a listed
//! case that did not run (a renamed or removed case).
//!
//! The format, one entry a line (`#` starts a comment line, blank lines are
//! skipped):
//!
//! ```text
//! CATEGORY CASE_ID | reason | smithy-rs: ENTRY
//! ```
//!
//! `CATEGORY` is one of `client-request`, `client-response`,
//! `server-request`, `server-response`, `malformed`, `event-stream-client`,
//! `event-stream-server`. The reason is one line
//! and required. The third field, optional, names smithy-rs's entry when its
//! list has the same case (`smithy-rs: server MalformedRequestTest`).

use std::collections::BTreeSet;
use std::fmt;

/// Where a case runs, and which kind it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    /// `httpRequestTests` on the client: build the request.
    ClientRequest,
    /// `httpResponseTests` on the client: decode the response.
    ClientResponse,
    /// `httpRequestTests` on the server: decode the request.
    ServerRequest,
    /// `httpResponseTests` on the server: encode the response.
    ServerResponse,
    /// `httpMalformedRequestTests` (servers only).
    Malformed,
    /// `eventStreamTests` on the client: send the request's events, decode the response's.
    EventStreamClient,
    /// `eventStreamTests` on the server: decode the request's events, send the response's.
    EventStreamServer,
}

impl Category {
    /// Every category, in report order.
    pub const ALL: [Category; 7] = [
        Category::ClientRequest,
        Category::ClientResponse,
        Category::ServerRequest,
        Category::ServerResponse,
        Category::Malformed,
        Category::EventStreamClient,
        Category::EventStreamServer,
    ];

    /// The name used in the list file.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::ClientRequest => "client-request",
            Category::ClientResponse => "client-response",
            Category::ServerRequest => "server-request",
            Category::ServerResponse => "server-response",
            Category::Malformed => "malformed",
            Category::EventStreamClient => "event-stream-client",
            Category::EventStreamServer => "event-stream-server",
        }
    }

    fn parse(text: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == text)
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One listed case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Its category.
    pub category: Category,
    /// The case id (`_caseN` included for expanded malformed cases).
    pub id: String,
    /// Why it fails, in one line.
    pub reason: String,
    /// smithy-rs's entry for the same case, when it has one.
    pub smithy_rs: Option<String>,
    /// The 1-based line of the entry.
    pub line: usize,
}

/// A problem in the list file: the line and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// The 1-based line.
    pub line: usize,
    /// What is wrong there.
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for ParseError {}

/// Reads a list file; the first problem is returned with its line.
pub fn parse(text: &str) -> Result<Vec<Entry>, ParseError> {
    let mut entries: Vec<Entry> = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let content = raw.trim();
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let entry = parse_entry(content, line).map_err(|message| ParseError { line, message })?;
        if let Some(first) = entries.iter().find(|e| e.category == entry.category && e.id == entry.id) {
            let message = format!("{} {} is already listed on line {}", entry.category, entry.id, first.line);
            return Err(ParseError { line, message });
        }
        entries.push(entry);
    }
    Ok(entries)
}

fn parse_entry(content: &str, line: usize) -> Result<Entry, String> {
    let mut fields = content.split('|').map(str::trim);
    let head = fields.next().unwrap_or_default();
    let mut words = head.split_whitespace();
    let (Some(category), Some(id), None) = (words.next(), words.next(), words.next()) else {
        return Err(format!("expected `CATEGORY CASE_ID | reason`, found `{head}`"));
    };
    let category = Category::parse(category).ok_or_else(|| {
        let known: Vec<&str> = Category::ALL.iter().map(|c| c.as_str()).collect();
        format!("unknown category `{category}` (one of {})", known.join(", "))
    })?;
    if !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err(format!("`{id}` is not a case id"));
    }
    let reason = fields.next().unwrap_or_default();
    if reason.is_empty() {
        return Err(format!("{category} {id} has no reason (`| why it fails`)"));
    }
    let smithy_rs = match fields.next() {
        None => None,
        Some(field) => match field.strip_prefix("smithy-rs:").map(str::trim) {
            Some(entry) if !entry.is_empty() => Some(entry.to_string()),
            _ => return Err(format!("the third field must be `smithy-rs: ENTRY`, found `{field}`")),
        },
    };
    if let Some(extra) = fields.next() {
        return Err(format!("unexpected field `{extra}` (at most three `|`-separated fields)"));
    }
    Ok(Entry { category, id: id.to_string(), reason: reason.to_string(), smithy_rs, line })
}

/// The result of one case in a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Its category.
    pub category: Category,
    /// The case id.
    pub id: String,
    /// Whether every check held.
    pub passed: bool,
}

/// A run judged against the list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Verdict {
    /// Cases that passed and are not listed.
    pub passed: usize,
    /// Listed cases that failed, as expected.
    pub expected_failures: usize,
    /// Cases that failed and are not listed.
    pub unexpected_failures: Vec<(Category, String)>,
    /// Listed cases that passed: the entry must go.
    pub unexpected_passes: Vec<(Category, String)>,
    /// Listed cases that did not run: the entry is stale.
    pub not_run: Vec<(Category, String)>,
}

impl Verdict {
    /// A run succeeds when every outcome is what the list says.
    pub fn is_success(&self) -> bool {
        self.unexpected_failures.is_empty() && self.unexpected_passes.is_empty() && self.not_run.is_empty()
    }
}

/// Judges `outcomes` against the list `entries`.
pub fn judge(entries: &[Entry], outcomes: &[Outcome]) -> Verdict {
    let listed: BTreeSet<(Category, &str)> = entries.iter().map(|e| (e.category, e.id.as_str())).collect();
    let ran: BTreeSet<(Category, &str)> = outcomes.iter().map(|o| (o.category, o.id.as_str())).collect();
    let mut verdict = Verdict::default();
    for outcome in outcomes {
        let key = (outcome.category, outcome.id.clone());
        match (listed.contains(&(outcome.category, outcome.id.as_str())), outcome.passed) {
            (false, true) => verdict.passed += 1,
            (true, false) => verdict.expected_failures += 1,
            (false, false) => verdict.unexpected_failures.push(key),
            (true, true) => verdict.unexpected_passes.push(key),
        }
    }
    verdict.not_run = entries
        .iter()
        .filter(|e| !ran.contains(&(e.category, e.id.as_str())))
        .map(|e| (e.category, e.id.clone()))
        .collect();
    verdict
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(category: Category, id: &str, passed: bool) -> Outcome {
        Outcome { category, id: id.to_string(), passed }
    }

    const LIST: &str = "\
# known failures
malformed RestJsonMalformedRangeFloat_case0 | float ranges are not validated | smithy-rs: server MalformedRequestTest

client-request RestJsonClientPopulatesDefaultValuesInInput | defaults are not serialized
";

    #[test]
    fn entries_are_read_with_their_lines_and_optional_smithy_rs_field() {
        let entries = parse(LIST).unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].category, Category::Malformed);
        assert_eq!(entries[0].id, "RestJsonMalformedRangeFloat_case0");
        assert_eq!(entries[0].smithy_rs.as_deref(), Some("server MalformedRequestTest"));
        assert_eq!(entries[0].line, 2);
        assert_eq!(entries[1].reason, "defaults are not serialized");
        assert_eq!(entries[1].smithy_rs, None);
        assert_eq!(entries[1].line, 4);
    }

    #[test]
    fn bad_lines_are_errors_naming_the_line() {
        let cases = [
            ("client-request Foo", "line 1: client-request Foo has no reason"),
            ("\nclient Foo | why", "line 2: unknown category `client`"),
            ("malformed | why", "line 1: expected `CATEGORY CASE_ID | reason`"),
            ("malformed A B | why", "line 1: expected `CATEGORY CASE_ID | reason`"),
            ("malformed A-B | why", "line 1: `A-B` is not a case id"),
            ("malformed A | why | rust: x", "line 1: the third field must be `smithy-rs: ENTRY`"),
            ("malformed A | why | smithy-rs: x | more", "line 1: unexpected field `more`"),
            ("malformed A | why\n\nmalformed A | again", "line 3: malformed A is already listed on line 1"),
        ];
        for (text, expected) in cases {
            let error = parse(text).unwrap_err().to_string();
            assert!(error.starts_with(expected), "{text:?}: {error}");
        }
    }

    #[test]
    fn the_same_id_may_be_listed_in_two_categories() {
        let entries = parse("client-request A | x\nserver-request A | y").unwrap();
        assert_eq!(entries.len(), 2);
    }

    #[test]
    fn event_stream_cases_have_a_category_per_side() {
        let entries = parse("event-stream-client A | x\nevent-stream-server A | y").unwrap();
        assert_eq!(entries[0].category, Category::EventStreamClient);
        assert_eq!(entries[1].category, Category::EventStreamServer);
        assert_eq!(entries[1].category.to_string(), "event-stream-server");
    }

    #[test]
    fn a_listed_case_that_passes_fails_the_run() {
        let entries = parse(LIST).unwrap();
        let outcomes = [
            outcome(Category::Malformed, "RestJsonMalformedRangeFloat_case0", true),
            outcome(Category::ClientRequest, "RestJsonClientPopulatesDefaultValuesInInput", false),
        ];
        let verdict = judge(&entries, &outcomes);
        assert!(!verdict.is_success());
        assert_eq!(verdict.unexpected_passes, [(Category::Malformed, "RestJsonMalformedRangeFloat_case0".to_string())]);
        assert_eq!(verdict.expected_failures, 1);
    }

    #[test]
    fn listed_failures_and_unlisted_passes_succeed() {
        let entries = parse(LIST).unwrap();
        let outcomes = [
            outcome(Category::Malformed, "RestJsonMalformedRangeFloat_case0", false),
            outcome(Category::ClientRequest, "RestJsonClientPopulatesDefaultValuesInInput", false),
            outcome(Category::ClientRequest, "SomethingElse", true),
        ];
        let verdict = judge(&entries, &outcomes);
        assert!(verdict.is_success(), "{verdict:?}");
        assert_eq!((verdict.passed, verdict.expected_failures), (1, 2));
    }

    #[test]
    fn an_unlisted_failure_fails_the_run() {
        let verdict = judge(&[], &[outcome(Category::ServerResponse, "X", false)]);
        assert!(!verdict.is_success());
        assert_eq!(verdict.unexpected_failures, [(Category::ServerResponse, "X".to_string())]);
    }

    #[test]
    fn a_listed_case_that_did_not_run_fails_the_run() {
        let entries = parse(LIST).unwrap();
        let verdict = judge(&entries, &[outcome(Category::Malformed, "RestJsonMalformedRangeFloat_case0", false)]);
        assert!(!verdict.is_success());
        assert_eq!(
            verdict.not_run,
            [(Category::ClientRequest, "RestJsonClientPopulatesDefaultValuesInInput".to_string())]
        );
    }

    #[test]
    fn the_category_matters_when_judging() {
        let entries = parse("client-request A | x").unwrap();
        let verdict = judge(&entries, &[outcome(Category::ServerRequest, "A", true)]);
        assert_eq!(verdict.not_run, [(Category::ClientRequest, "A".to_string())]);
        assert_eq!(verdict.passed, 1);
    }
}

//! The restJson1 protocol compliance suite (`../shared/smithy/protocol-tests/`,
//! read at run time with the trait definitions of `../shared/smithy/definitions/`
//! through the IDL reader): its cases are read, counted and pinned, so that a
//! change in the reader or in the suite shows up as a changed number.

#![cfg(feature = "protocol-tests")]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use smithy_codegen::ast::AstModel;
use smithy_codegen::protocol_tests::expected_failures::{self, Category, Entry};
use smithy_codegen::protocol_tests::{
    compliance_crate, service_cases, AppliesTo, BodyAssertion, ComplianceCrate, CrateOptions, ServiceCases,
};

const REST_JSON: &str = "aws.protocoltests.restjson#RestJson";
const REST_JSON_VALIDATION: &str = "aws.protocoltests.restjson.validation#RestJsonValidation";
const GLACIER: &str = "com.amazonaws.glacier#Glacier";
const API_GATEWAY: &str = "com.amazonaws.apigateway#BackplaneControlService";

/// `../shared/smithy`, or `None` with a note when it is absent (a failure under `CI=true`).
fn shared_smithy() -> Option<PathBuf> {
    test_data::shared_path("smithy")
}

fn load_suite(root: &Path) -> AstModel {
    let paths = [root.join("protocol-tests"), root.join("definitions")];
    smithy_codegen::idl::load_paths(&paths).unwrap_or_else(|e| panic!("the suite does not load:\n{e}"))
}

/// The number of cases per category and side.
#[derive(Debug, PartialEq, Eq)]
struct Counts {
    requests: usize,
    client_requests: usize,
    server_requests: usize,
    responses: usize,
    error_responses: usize,
    client_responses: usize,
    server_responses: usize,
    malformed: usize,
    malformed_as_written: usize,
    event_streams: usize,
    client_event_streams: usize,
    server_event_streams: usize,
}

fn counts(cases: &ServiceCases) -> Counts {
    Counts {
        requests: cases.requests.len(),
        client_requests: cases.requests_for(AppliesTo::Client).count(),
        server_requests: cases.requests_for(AppliesTo::Server).count(),
        responses: cases.responses.len(),
        error_responses: cases.responses.iter().filter(|c| c.is_error).count(),
        client_responses: cases.responses_for(AppliesTo::Client).count(),
        server_responses: cases.responses_for(AppliesTo::Server).count(),
        malformed: cases.malformed.len(),
        malformed_as_written: cases.malformed.iter().filter(|c| c.parameter_index.is_none_or(|i| i == 0)).count(),
        event_streams: cases.event_streams.len(),
        client_event_streams: cases.event_streams_for(AppliesTo::Client).count(),
        server_event_streams: cases.event_streams_for(AppliesTo::Server).count(),
    }
}

/// The ids of `ids` seen more than once.
fn duplicates<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut seen = BTreeSet::new();
    ids.filter(|id| !seen.insert(*id)).collect()
}

fn assert_unique_ids(cases: &ServiceCases) {
    let service = &cases.service;
    let requests = duplicates(cases.requests.iter().map(|c| c.id.as_str()));
    assert!(requests.is_empty(), "{service}: request case ids used twice: {requests:?}");
    let responses = duplicates(cases.responses.iter().map(|c| c.id.as_str()));
    assert!(responses.is_empty(), "{service}: response case ids used twice: {responses:?}");
    let malformed = duplicates(cases.malformed.iter().map(|c| c.id.as_str()));
    assert!(malformed.is_empty(), "{service}: malformed case ids used twice: {malformed:?}");
    let event_streams = duplicates(cases.event_streams.iter().map(|c| c.id.as_str()));
    assert!(event_streams.is_empty(), "{service}: event-stream case ids used twice: {event_streams:?}");
}

#[test]
fn the_suite_cases_are_read_and_counted() {
    let Some(root) = shared_smithy() else { return };
    let model = load_suite(&root);
    let rest_json = service_cases(&model, REST_JSON).unwrap_or_else(|e| panic!("{e}"));
    let validation = service_cases(&model, REST_JSON_VALIDATION).unwrap_or_else(|e| panic!("{e}"));
    for cases in [&rest_json, &validation] {
        eprintln!("{}: {:#?}", cases.service, counts(cases));
        assert_unique_ids(cases);
    }
    assert_eq!(
        counts(&rest_json),
        Counts {
            requests: 151,
            client_requests: 136,
            server_requests: 132,
            responses: 116,
            error_responses: 14,
            client_responses: 108,
            server_responses: 92,
            malformed: 530,
            malformed_as_written: 107,
            event_streams: 100,
            client_event_streams: 84,
            server_event_streams: 80,
        }
    );
    assert_eq!(
        counts(&validation),
        Counts {
            requests: 1,
            client_requests: 1,
            server_requests: 1,
            responses: 0,
            error_responses: 0,
            client_responses: 0,
            server_responses: 0,
            malformed: 125,
            malformed_as_written: 84,
            event_streams: 0,
            client_event_streams: 0,
            server_event_streams: 0,
        }
    );
}

#[test]
fn every_case_is_restjson1_and_outside_the_two_services_only_where_pinned() {
    let Some(root) = shared_smithy() else { return };
    let model = load_suite(&root);
    // The customization tests of two AWS services are read too, to show they parse.
    let services = [REST_JSON, REST_JSON_VALIDATION, GLACIER, API_GATEWAY]
        .map(|id| service_cases(&model, id).unwrap_or_else(|e| panic!("{e}")));
    let main_two: BTreeSet<&str> = services[..2]
        .iter()
        .flat_map(|cases| {
            let requests = cases.requests.iter().map(|c| c.operation.as_str());
            let responses = cases.responses.iter().map(|c| c.shape.as_str());
            requests.chain(responses).chain(cases.malformed.iter().map(|c| c.operation.as_str()))
        })
        .collect();
    let mut covered = BTreeSet::new();
    for cases in &services {
        for case in &cases.requests {
            assert_eq!(case.protocol, "aws.protocols#restJson1", "{}", case.id);
            covered.insert(case.operation.as_str());
        }
        for case in &cases.responses {
            assert_eq!(case.protocol, "aws.protocols#restJson1", "{}", case.id);
            covered.insert(case.shape.as_str());
        }
        for case in &cases.malformed {
            assert_eq!(case.protocol, "aws.protocols#restJson1", "{}", case.id);
            covered.insert(case.operation.as_str());
        }
    }
    let traits =
        ["smithy.test#httpRequestTests", "smithy.test#httpResponseTests", "smithy.test#httpMalformedRequestTests"];
    let carriers: BTreeSet<&str> = model
        .shapes
        .iter()
        .filter(|(_, shape)| traits.iter().any(|t| shape.traits.contains_key(*t)))
        .map(|(id, _)| id.as_str())
        .collect();
    let unbound: Vec<&&str> = carriers.difference(&covered).collect();
    assert_eq!(unbound, [&"aws.protocoltests.misc#AcceptHeaderStarService"], "cases on shapes no service reaches");
    let outside: Vec<&&str> = carriers.difference(&main_two).collect();
    assert_eq!(
        outside,
        [
            &"aws.protocoltests.misc#AcceptHeaderStarService",
            &"com.amazonaws.apigateway#GetRestApis",
            &"com.amazonaws.glacier#UploadArchive",
            &"com.amazonaws.glacier#UploadMultipartPart"
        ]
    );
}

#[test]
fn parameterized_cases_expand_like_smithy() {
    let Some(root) = shared_smithy() else { return };
    let validation = service_cases(&load_suite(&root), REST_JSON_VALIDATION).unwrap();
    let case = |id: &str| validation.malformed.iter().find(|c| c.id == id).unwrap_or_else(|| panic!("no case {id}"));

    let thumbs_up = case("RestJsonMalformedLengthString_case2");
    let body: serde_json::Value = serde_json::from_str(thumbs_up.request.body.as_deref().unwrap()).unwrap();
    assert_eq!(body["string"], "\u{1F44D}", "$value:S is a string literal");
    let Some(BodyAssertion::Contents(contents)) = thumbs_up.response.body.as_ref().map(|b| &b.assertion) else {
        panic!("{thumbs_up:?}")
    };
    assert!(contents.contains("Value with length 1 at '/string'"), "{contents}");
    assert!(validation.malformed.iter().all(|c| c.id != "RestJsonMalformedLengthString_case3"));

    // `$$` is one `$` in a parameterized case, and stays `$$` in a plain one
    // (as in Smithy; smithy-rs patches that case, RestJsonMalformedPatternReDOSString).
    let pattern = case("RestJsonMalformedPatternString_case0");
    let redos = case("RestJsonMalformedPatternReDOSString");
    let contents =
        |c: &smithy_codegen::protocol_tests::MalformedRequestCase| match &c.response.body.as_ref().unwrap().assertion {
            BodyAssertion::Contents(text) => text.clone(),
            BodyAssertion::MessageRegex(text) => text.clone(),
        };
    assert!(contents(pattern).contains("^[a-m]+$\""), "{}", contents(pattern));
    assert!(contents(redos).contains("^([0-9]+)+$$\""), "{}", contents(redos));
}

/// The ids of the suite's cases in `category` (RestJson and RestJsonValidation together).
fn ids_in(category: Category, services: &[ServiceCases]) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for cases in services {
        match category {
            Category::ClientRequest => ids.extend(cases.requests_for(AppliesTo::Client).map(|c| c.id.clone())),
            Category::ServerRequest => ids.extend(cases.requests_for(AppliesTo::Server).map(|c| c.id.clone())),
            Category::ClientResponse => ids.extend(cases.responses_for(AppliesTo::Client).map(|c| c.id.clone())),
            Category::ServerResponse => ids.extend(cases.responses_for(AppliesTo::Server).map(|c| c.id.clone())),
            Category::Malformed => ids.extend(cases.malformed.iter().map(|c| c.id.clone())),
            Category::EventStreamClient => ids.extend(cases.event_streams_for(AppliesTo::Client).map(|c| c.id.clone())),
            Category::EventStreamServer => ids.extend(cases.event_streams_for(AppliesTo::Server).map(|c| c.id.clone())),
        }
    }
    ids
}

fn read_list(name: &str) -> Vec<Entry> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("protocol-tests").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    expected_failures::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Entries whose case is not in the suite under that category and side.
fn unknown_entries(entries: &[Entry], services: &[ServiceCases]) -> Vec<String> {
    entries
        .iter()
        .filter(|e| !ids_in(e.category, services).contains(&e.id))
        .map(|e| format!("{} {}", e.category, e.id))
        .collect()
}

#[test]
fn the_expected_failure_lists_name_cases_of_the_suite() {
    let ours = read_list("expected-failures.txt");
    let smithy_rs = read_list("smithy-rs-expected-failures.txt");
    let per_category = |entries: &[Entry]| Category::ALL.map(|c| entries.iter().filter(|e| e.category == c).count());
    // client-request, client-response, server-request, server-response, malformed,
    // event-stream-client, event-stream-server (smithy-rs runs no eventStreamTests)
    assert_eq!(per_category(&smithy_rs), [3, 2, 4, 5, 39, 0, 0]);
    assert!(smithy_rs.iter().all(|e| e.smithy_rs.is_some()));

    let Some(root) = shared_smithy() else { return };
    let model = load_suite(&root);
    let services = [REST_JSON, REST_JSON_VALIDATION].map(|id| service_cases(&model, id).unwrap());
    // Two smithy-rs entries name cases this copy of the suite no longer has:
    // the dense-map case was removed upstream, and the HttpDate uniqueItems case
    // has one parameter value (so no `_case1`).
    let unknown = unknown_entries(&smithy_rs, &services);
    assert_eq!(
        unknown,
        [
            "client-response RestJsonDeserializesDenseSetMapAndSkipsNull",
            "malformed RestJsonMalformedUniqueItemsHttpDateList_case1"
        ],
        "smithy-rs entries that are not cases of the suite"
    );
    let unknown = unknown_entries(&ours, &services);
    assert!(unknown.is_empty(), "expected-failures.txt entries that are not cases of the suite: {unknown:#?}");
}

/// The compliance crate of `service`, written in memory.
fn compliance_crate_of(model: &AstModel, service: &str, list: &str) -> Result<ComplianceCrate, smithy_codegen::Error> {
    let options = CrateOptions {
        package: "compliance".into(),
        runtime_path: "/nowhere/runtime".into(),
        expected_failures: list.into(),
    };
    compliance_crate(model, service, &options)
}

#[test]
fn the_compliance_crate_has_one_function_per_case_and_side() {
    let Some(root) = shared_smithy() else { return };
    let model = load_suite(&root);
    let built = compliance_crate_of(&model, REST_JSON, "").unwrap_or_else(|e| panic!("{e}"));
    let validation = compliance_crate_of(&model, REST_JSON_VALIDATION, "").unwrap();
    assert!(validation.skipped_operations.is_empty(), "{:?}", validation.skipped_operations);
    // An operation that does not generate (a bigInteger member) is left out,
    // and its cases fail with the generator's reason.
    let mut with_big_integer: serde_json::Value =
        serde_json::from_str(&serde_json::to_string(&model).unwrap()).unwrap();
    with_big_integer["shapes"]["aws.protocoltests.restjson.validation#MalformedUniqueItemsInput"]["members"]["huge"] =
        serde_json::json!({ "target": "smithy.api#BigInteger" });
    // Through text: the model's nodes are raw JSON, which only a text deserializer fills.
    let with_big_integer: AstModel = serde_json::from_str(&with_big_integer.to_string()).unwrap();
    let validation = compliance_crate_of(&with_big_integer, REST_JSON_VALIDATION, "").unwrap();
    let skipped: Vec<&String> = validation.skipped_operations.keys().collect();
    assert_eq!(skipped, ["aws.protocoltests.restjson.validation#MalformedUniqueItems"]);
    let validation_cases = &validation.files.iter().find(|(path, _)| path == "tests/compliance/cases.rs").unwrap().1;
    assert!(validation_cases
        .contains("the operation aws.protocoltests.restjson.validation#MalformedUniqueItems does not generate"));
    let skipped: Vec<&String> = built.skipped_operations.keys().collect();
    assert!(skipped.is_empty(), "every operation of RestJson generates: {skipped:?}");
    let file = |name: &str| &built.files.iter().find(|(path, _)| path == name).unwrap().1;
    let cases_rs = file("tests/compliance/cases.rs");
    let rows = cases_rs.matches("Case {").count();
    assert_eq!(rows, built.case_counts.values().sum::<usize>());
    assert_eq!(rows, 136 + 108 + 132 + 92 + 530 + 84 + 80);
    let cases = service_cases(&model, REST_JSON).unwrap();
    for case in cases.requests_for(AppliesTo::Client) {
        assert!(cases_rs.contains(&format!("id: \"{}\"", case.id)), "{}", case.id);
    }
    assert!(cases_rs.contains("fn client_request_rest_json_all_query_string_types()"));
    assert_eq!(cases_rs.matches("category: Category::EventStreamClient").count(), 84);
    assert_eq!(cases_rs.matches("category: Category::EventStreamServer").count(), 80);
    for case in &cases.event_streams {
        assert!(cases_rs.contains(&format!("id: \"{}\"", case.id)), "{}", case.id);
    }
    assert!(cases_rs.contains("fn event_stream_client_initial_request_input()"));
    assert!(cases_rs.contains("use crate::event_checks::*;"));
    assert!(file("tests/compliance/event_checks.rs").contains("pub fn check_event("));
    assert!(file("Cargo.toml").contains("path = \"/nowhere/runtime\""));
    assert!(file("src/lib.rs").starts_with("// @generated"));
}

#[test]
fn the_compliance_crate_keeps_the_service_s_entries_and_refuses_stale_ones() {
    let Some(root) = shared_smithy() else { return };
    let model = load_suite(&root);
    let list = "client-request RestJsonListsSerializeNull_nope | x\n";
    let error = compliance_crate_of(&model, REST_JSON_VALIDATION, list).unwrap_err().to_string();
    assert!(
        error.contains("line 1: client-request RestJsonListsSerializeNull_nope is a case of no service of the model"),
        "{error}"
    );
    let list = "malformed RestJsonMalformedEnumString_case0 | enums\nclient-request RestJsonEndpointTrait | hosts\n";
    let built = compliance_crate_of(&model, REST_JSON_VALIDATION, list).unwrap();
    let kept = &built.files.iter().find(|(path, _)| path == "expected-failures.txt").unwrap().1;
    assert!(kept.contains("malformed RestJsonMalformedEnumString_case0 | enums"), "{kept}");
    assert!(!kept.contains("RestJsonEndpointTrait"), "{kept}");
}

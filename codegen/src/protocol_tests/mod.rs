//! The Smithy protocol compliance suite's cases (feature `protocol-tests`).
//!
//! [`service_cases`] reads every `smithy.test#httpRequestTests`,
//! `httpResponseTests`, `httpMalformedRequestTests` and `eventStreamTests` case of a service's
//! operations and errors into typed values, expanding parameterized malformed
//! cases into `_case0`, `_case1`, ...; and the `eventStreamTests` cases.
//! [`expected_failures`] reads the
//! checked-in list of cases known to fail and judges a run against it.
//!
//! [`compliance_crate`] turns a service's cases into a crate: the service's
//! generated code, one test function per case and side, and a runner that
//! judges the run against the list.

mod case_tests;
mod cases;
mod event_stream_cases;
pub mod expected_failures;
mod parameters;
mod suite_crate;
mod values;

pub use cases::{
    service_cases, AppliesTo, BodyAssertion, EventCase, EventDirection, EventHeaderValue, EventStreamCase, Expectation,
    HttpRequestCase, HttpResponseCase, InitialRequest, InitialResponse, MalformedRequest, MalformedRequestCase,
    MalformedResponse, MalformedResponseBody, ServiceCases,
};
pub use suite_crate::{compliance_crate, pick_service, services, ComplianceCrate, CrateOptions};

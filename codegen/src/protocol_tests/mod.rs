//! The Smithy protocol compliance suite's cases (feature `protocol-tests`).
//!
//! [`service_cases`] reads every `smithy.test#httpRequestTests`,
//! `httpResponseTests` and `httpMalformedRequestTests` case of a service's
//! operations and errors into typed values, expanding parameterized malformed
//! cases into `_case0`, `_case1`, ...; `eventStreamTests` cases are only counted
//! (they belong to the event-stream work). [`expected_failures`] reads the
//! checked-in list of cases known to fail and judges a run against it.
//!
//! Nothing here generates tests yet: this is the typed input of that stage.

mod cases;
pub mod expected_failures;
mod parameters;

pub use cases::{
    service_cases, AppliesTo, BodyAssertion, EventStreamCount, HttpRequestCase, HttpResponseCase, MalformedRequest,
    MalformedRequestCase, MalformedResponse, MalformedResponseBody, ServiceCases,
};

//! The runtime of the code that [`smithy-codegen`](https://docs.rs/smithy-codegen)
//! generates: the pieces every generated crate needs at run time, written and
//! tested once here instead of being printed into each generated file.
//!
//! Each piece sits behind a cargo feature of its own, and every feature is off
//! by default, so a crate that depends on this one pays only for what it uses.
//!
//! | feature | module | what it holds |
//! | --- | --- | --- |
//! | `event-stream` | `event_stream` | the AWS event-stream message framing (`vnd.amazon.eventstream`): headers, payload, CRCs; a sans-IO decoder and an encoder |
//!
//! The support that generated code still carries as pasted text (`Blob`,
//! `DateTime`, the serde helpers, URI label and query encoding, error-code
//! parsing) moves here in later releases; the generated types' public API stays
//! the same when it does.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

#[cfg(feature = "event-stream")]
#[cfg_attr(docsrs, doc(cfg(feature = "event-stream")))]
pub mod event_stream;

/// The README's example, compiled and run as a doc test.
#[cfg(all(doctest, feature = "event-stream"))]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

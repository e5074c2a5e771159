//! The runtime of the code that [`smithy-codegen`](https://docs.rs/smithy-codegen)
//! generates: the pieces every generated crate needs at run time, written and
//! tested once here instead of being printed into each generated file.
//!
//! Each piece sits behind a cargo feature of its own, and every feature is off
//! by default, so a crate that depends on this one pays only for what it uses.
//!
//! Always present, because every generated crate uses them: [`Blob`],
//! [`DateTime`] with its [`TimestampFormat`]s, the shared [`error`] types,
//! the [`serde_support`] helpers behind the generated serde impls, and the
//! macros that write the impls every enum ([`string_enum!`]) and every modeled
//! error ([`modeled_error!`]) share.
//! Generated crates re-export them where their users look for them (for
//! example `primitives::Blob` and `error::BuildError`).
//!
//! | feature | module | what it holds |
//! | --- | --- | --- |
//! | `http` | `endpoint`, `error_metadata`, `json_body`, `media_type`, `response`, `uri`, `validation` | host prefixes and base paths of endpoints; error codes and messages of error responses; `Content-Type`/`Accept` checks; JSON body decoding with the bad field's path; JSON responses on `http` 1.x types, `Unhandled::to_http_response`; URI label and query encoding, path matching; constraint checks with Smithy's messages and paths, request errors and header helpers |
//! | `content-md5` | `checksum` | `Content-MD5` of request bodies (`httpChecksumRequired`) |
//! | `request-compression` | `compression` | gzip request bodies above a minimum size (`requestCompression`) |
//! | `idempotency-token` | `idempotency_token`, `IdempotencyTokenProvider`, `RandomIdempotencyTokens` | random UUID v4 tokens for `smithy.api#idempotencyToken` members |
//! | `event-stream` | `event_stream` | the AWS event-stream message framing (`vnd.amazon.eventstream`): headers, payload, CRCs; a sans-IO decoder and an encoder; typed events of generated `@streaming` unions (`EventDecoder`, `EventEncoder`) |
//!
//! What generated code still carries as pasted text stays there on purpose:
//! the sealed types of unknown values (only the generated crate may build
//! them) and the `protocol` module's test glue (it exists only in the
//! generated crate's own test build).
#![cfg_attr(docsrs, feature(doc_cfg))]
#![deny(unsafe_code)]
#![warn(missing_docs)]

mod blob;
mod date_time;
pub mod error;
mod macros;
pub mod serde_support;

#[cfg(feature = "http")]
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
pub mod endpoint;
#[cfg(feature = "http")]
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
pub mod error_metadata;
#[cfg(feature = "http")]
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
pub mod header_list;
#[cfg(feature = "http")]
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
pub mod json_body;
#[cfg(feature = "http")]
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
pub mod media_type;
#[cfg(feature = "http")]
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
pub mod response;
#[cfg(feature = "http")]
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
pub mod uri;
#[cfg(feature = "http")]
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
pub mod validation;

/// What the exported macros name through `$crate`, so that they expand in
/// crates that do not name these dependencies themselves.
#[doc(hidden)]
pub mod __private {
    pub use serde;
}

pub use blob::Blob;
pub use date_time::{DateTime, TimestampFormat};

#[cfg(feature = "event-stream")]
#[cfg_attr(docsrs, doc(cfg(feature = "event-stream")))]
pub mod event_stream;

#[cfg(feature = "content-md5")]
#[cfg_attr(docsrs, doc(cfg(feature = "content-md5")))]
pub mod checksum;
#[cfg(feature = "request-compression")]
#[cfg_attr(docsrs, doc(cfg(feature = "request-compression")))]
pub mod compression;

#[cfg(feature = "idempotency-token")]
mod idempotency;
#[cfg(feature = "idempotency-token")]
#[cfg_attr(docsrs, doc(cfg(feature = "idempotency-token")))]
pub use idempotency::{idempotency_token, IdempotencyTokenProvider, RandomIdempotencyTokens};

/// The README's example, compiled and run as a doc test.
#[cfg(all(doctest, feature = "event-stream"))]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

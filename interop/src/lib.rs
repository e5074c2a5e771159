//! lambda-model's sans-IO restJson1 layer on real HTTP stacks, kept out of the
//! model crate so that its users (and its first `cargo run`) compile none of
//! this: [`server`] serves GetLayerVersion (and, through [`stream_server`],
//! a streamed InvokeWithResponseStream) on hyper; the `fetch_layer_version`
//! example fetches with ureq (SigV4-signed when credentials are set); the
//! tests drive one with the other over loopback, and `scripts/interop-boto3`
//! drives the server with the official Python SDK. The proptest properties of
//! the generated types (`tests/properties.rs`) live here too, for the same
//! reason: the model crate's own tests need no property-testing stack.

pub mod server;
pub mod stream_server;

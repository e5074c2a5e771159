//! The request features beyond bindings at run time: the `endpoint` trait's
//! host prefix (with a `hostLabel`), `httpChecksumRequired`,
//! `requestCompression` and the server's media type checks, through a crate
//! of generated code (`cargo test` on it).

mod common;

use smithy_codegen::Settings;

const MODEL: &str = r##"{
    "smithy": "2.0",
    "shapes": {
        "com.example#Store": {
            "type": "service",
            "version": "2024-01-01",
            "operations": [
                { "target": "com.example#PutThing" },
                { "target": "com.example#PutPicture" },
                { "target": "com.example#Upload" }
            ],
            "traits": { "aws.protocols#restJson1": {} }
        },
        "com.example#PutThing": {
            "type": "operation",
            "input": { "target": "com.example#PutThingInput" },
            "output": { "target": "com.example#PutThingOutput" },
            "traits": {
                "smithy.api#http": { "method": "POST", "uri": "/things" },
                "smithy.api#endpoint": { "hostPrefix": "{Tenant}.data." },
                "smithy.api#httpChecksumRequired": {},
                "smithy.api#requestCompression": { "encodings": ["gzip"] }
            }
        },
        "com.example#PutThingInput": {
            "type": "structure",
            "members": {
                "Tenant": {
                    "target": "smithy.api#String",
                    "traits": { "smithy.api#required": {}, "smithy.api#hostLabel": {} }
                },
                "Encoding": { "target": "smithy.api#String", "traits": { "smithy.api#httpHeader": "Content-Encoding" } },
                "Data": { "target": "smithy.api#String" }
            }
        },
        "com.example#PutThingOutput": { "type": "structure", "members": {} },
        "com.example#PutPicture": {
            "type": "operation",
            "input": { "target": "com.example#PutPictureInput" },
            "output": { "target": "com.example#PutPictureInput" },
            "traits": { "smithy.api#http": { "method": "PUT", "uri": "/picture" } }
        },
        "com.example#PutPictureInput": {
            "type": "structure",
            "members": {
                "Picture": { "target": "com.example#Png", "traits": { "smithy.api#httpPayload": {} } }
            }
        },
        "com.example#Png": { "type": "blob", "traits": { "smithy.api#mediaType": "image/png" } },
        "com.example#Upload": {
            "type": "operation",
            "input": { "target": "com.example#UploadInput" },
            "output": { "target": "com.example#PutThingOutput" },
            "traits": {
                "smithy.api#http": { "method": "PUT", "uri": "/upload" },
                "smithy.api#requestCompression": { "encodings": ["gzip"] }
            }
        },
        "com.example#UploadInput": {
            "type": "structure",
            "members": {
                "Body": { "target": "com.example#Stream", "traits": { "smithy.api#httpPayload": {} } }
            }
        },
        "com.example#Stream": { "type": "blob", "traits": { "smithy.api#streaming": {} } }
    }
}"##;

#[test]
fn wire_features_at_run_time() {
    let code = Settings::default().generate(MODEL.as_bytes(), &[]).expect("generates");
    let dir = common::write_crate_with_test("wire-behaviour", &code, "wire", AT_RUN_TIME);
    if let Err(output) = common::cargo_test(&dir, &["--test", "wire"]) {
        panic!("the generated request features misbehave:\n{output}");
    }
}

const AT_RUN_TIME: &str = r##"
use smithy_codegen_runtime::checksum::content_md5;
use smithy_codegen_runtime::compression::{gunzip, RequestCompression};
use smithy_codegen_runtime::endpoint::{apply_endpoint, HostPrefix};
use wire_behaviour::operation::put_picture::{PutPictureError, PutPictureInput};
use wire_behaviour::operation::put_thing::{PutThingError, PutThingInput};
use wire_behaviour::operation::upload::UploadInput;
use wire_behaviour::primitives::Blob;

fn thing(data: &str) -> PutThingInput {
    PutThingInput::builder().tenant("acme").encoding("custom").data(data).build().unwrap()
}

#[test]
fn a_large_body_is_gzipped_then_checksummed_and_the_server_reads_it_back() {
    let input = thing(&"x".repeat(20_000));
    let request = input.to_http_request().unwrap();
    assert_eq!(request.headers()["content-encoding"], "custom, gzip");
    assert_eq!(request.headers()["content-md5"], content_md5(request.body()).as_str());
    let json: serde_json::Value = serde_json::from_slice(&gunzip(request.body()).unwrap()).unwrap();
    assert_eq!(json["Data"].as_str().map(str::len), Some(20_000));
    // The server inflates the body and sees the client's own encoding.
    assert_eq!(PutThingInput::from_http_request(&request).unwrap(), input);
}

#[test]
fn a_small_body_or_disabled_compression_is_sent_as_is() {
    let request = thing("small").to_http_request().unwrap();
    assert_eq!(request.headers()["content-encoding"], "custom");
    assert_eq!(request.headers()["content-md5"], content_md5(request.body()).as_str());
    let large = thing(&"x".repeat(20_000));
    let request = large.to_http_request_with_compression(&RequestCompression::disabled()).unwrap();
    assert_eq!(request.headers()["content-encoding"], "custom");
    assert!(request.body().len() > 20_000);
}

#[test]
fn a_stream_is_gzipped_whatever_its_size_unless_disabled() {
    let input = UploadInput::builder().body(Blob::new(b"tiny".to_vec())).build();
    let request = input.to_http_request().unwrap();
    assert_eq!(request.headers()["content-encoding"], "gzip");
    assert_eq!(gunzip(request.body()).unwrap(), b"tiny");
    assert_eq!(UploadInput::from_http_request(&request).unwrap(), input);
    let request = input.to_http_request_with_compression(&RequestCompression::disabled()).unwrap();
    assert!(request.headers().get("content-encoding").is_none());
    assert_eq!(request.body(), b"tiny");
}

#[test]
fn a_body_that_claims_gzip_and_is_not_is_a_bad_request() {
    let mut request = thing("small").to_http_request().unwrap();
    request.headers_mut().insert("content-encoding", "gzip".parse().unwrap());
    match PutThingInput::from_http_request(&request) {
        Err(PutThingError::Unhandled(e)) => {
            assert_eq!(e.status(), 400);
            assert!(e.message().unwrap().contains("gzip"), "{e}");
        }
        other => panic!("expected a 400, got {other:?}"),
    }
}

#[test]
fn the_host_prefix_carries_the_host_label_and_meets_the_endpoint() {
    let mut request = thing("small").to_http_request().unwrap();
    assert_eq!(request.extensions().get::<HostPrefix>().map(HostPrefix::as_str), Some("acme.data."));
    apply_endpoint(&mut request, &"https://example.com/base".parse().unwrap()).unwrap();
    assert_eq!(request.uri(), "https://acme.data.example.com/base/things");
}

#[test]
fn a_host_label_that_is_no_host_label_is_refused() {
    let input = PutThingInput::builder().tenant("a.b").build().unwrap();
    let error = input.to_http_request().unwrap_err();
    assert!(error.to_string().contains("Tenant"), "{error}");
    assert!(error.to_string().contains("host label"), "{error}");
}

#[test]
fn a_modeled_media_type_is_sent_and_required() {
    let input = PutPictureInput::builder().picture(Blob::new(b"\x89PNG".to_vec())).build();
    let mut request = input.to_http_request().unwrap();
    assert_eq!(request.headers()["content-type"], "image/png");
    assert_eq!(PutPictureInput::from_http_request(&request).unwrap(), input);
    request.headers_mut().insert("content-type", "application/octet-stream".parse().unwrap());
    match PutPictureInput::from_http_request(&request) {
        Err(PutPictureError::Unhandled(e)) => assert_eq!((e.status(), e.code()), (415, Some("UnsupportedMediaTypeException"))),
        other => panic!("expected a 415, got {other:?}"),
    }
    request.headers_mut().insert("content-type", "image/png".parse().unwrap());
    request.headers_mut().insert("accept", "image/jpeg, text/*".parse().unwrap());
    match PutPictureInput::from_http_request(&request) {
        Err(PutPictureError::Unhandled(e)) => assert_eq!((e.status(), e.code()), (406, Some("NotAcceptableException"))),
        other => panic!("expected a 406, got {other:?}"),
    }
    request.headers_mut().insert("accept", "image/*".parse().unwrap());
    assert!(PutPictureInput::from_http_request(&request).is_ok());
}
"##;

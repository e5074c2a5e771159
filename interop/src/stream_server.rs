//! A loopback InvokeWithResponseStream service: the function echoes its
//! payload back as a stream of `PayloadChunk` events, then `InvokeComplete`.
//!
//! The head comes from the generated `to_http_response`, the body from the
//! stream's [`EventEncoder`]: each event one frame, as Lambda sends them.

use lambda_model::error::Unhandled;
use lambda_model::operation::invoke_with_response_stream::{
    InvokeWithResponseStream, InvokeWithResponseStreamError, InvokeWithResponseStreamInput,
    InvokeWithResponseStreamOutput,
};
use lambda_model::types::error::InvokeWithResponseStreamResponseEventError;
use lambda_model::types::{
    InvokeResponseStreamUpdate, InvokeWithResponseStreamCompleteEvent, InvokeWithResponseStreamResponseEvent,
};
use smithy_codegen_runtime::event_stream::{EventEncoder, UnmodeledError};

/// The payload bytes each `PayloadChunk` carries (the last one may carry fewer).
pub const CHUNK_LEN: usize = 4;

/// The function name whose invocation ends with an `InvokeComplete` that
/// reports an error.
pub const FAILING_FUNCTION: &str = "fails";

/// The function name whose stream is cut by an unmodeled error message.
pub const BROKEN_FUNCTION: &str = "breaks";

/// Whether `request` is an InvokeWithResponseStream call.
pub fn matches(request: &http::Request<Vec<u8>>) -> bool {
    InvokeWithResponseStream::matches(request)
}

/// Answers an InvokeWithResponseStream request: the response head, and the
/// event frames as its body.
pub fn handle(request: &http::Request<Vec<u8>>) -> http::Response<Vec<u8>> {
    let input = match InvokeWithResponseStreamInput::from_http_request(request) {
        Ok(input) => input,
        Err(e) => return e.to_http_response(),
    };
    match stream(&input) {
        Ok(response) => response,
        Err(e) => InvokeWithResponseStreamError::Unhandled(Unhandled::new(
            500,
            Some("ServiceException".into()),
            Some(format!("cannot encode the stream: {e}")),
        ))
        .to_http_response(),
    }
}

fn stream(input: &InvokeWithResponseStreamInput) -> Result<http::Response<Vec<u8>>, Box<dyn std::error::Error>> {
    let output = InvokeWithResponseStreamOutput::builder()
        .status_code(200)
        .executed_version("$LATEST")
        .event_stream(Default::default())
        .build()?;
    let mut response = output.to_http_response();
    let encoder = EventEncoder::<InvokeWithResponseStreamResponseEvent>::new();
    let payload = input.payload().map(|p| p.as_bytes()).unwrap_or_default();
    let mut body = Vec::new();
    for chunk in payload.chunks(CHUNK_LEN) {
        let event = InvokeWithResponseStreamResponseEvent::PayloadChunk(
            InvokeResponseStreamUpdate::builder().payload(chunk.to_vec().into()).build(),
        );
        body.extend_from_slice(encoder.encode(&event)?.as_bytes());
    }
    let function = input.function_name();
    if function == BROKEN_FUNCTION {
        let error = InvokeWithResponseStreamResponseEventError::Unhandled(UnmodeledError::new(
            "ServiceException",
            Some("the function's stream broke".into()),
        ));
        body.extend_from_slice(encoder.encode_error(&error)?.as_bytes());
    } else {
        let mut complete = InvokeWithResponseStreamCompleteEvent::builder().log_result("bG9n");
        if function == FAILING_FUNCTION {
            complete = complete.error_code("Unhandled").error_details("the function failed");
        }
        let event = InvokeWithResponseStreamResponseEvent::InvokeComplete(complete.build());
        body.extend_from_slice(encoder.encode(&event)?.as_bytes());
    }
    *response.body_mut() = body;
    Ok(response)
}

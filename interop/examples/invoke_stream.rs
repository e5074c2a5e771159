//! Invokes a function with InvokeWithResponseStream over a real HTTP client
//! (ureq) and prints the streamed payload as it arrives, chunk by chunk.
//!
//! ```text
//! cargo run -p lambda-model-interop --example invoke_stream -- --endpoint http://127.0.0.1:PORT --function echo --payload hello
//! ```
//!
//! The `layer_server` example serves it on loopback (the function echoes its
//! payload back). The response head decodes into the output; its
//! `event_stream` decoder is then fed the body as ureq reads it, and yields
//! `PayloadChunk`s until `InvokeComplete`.

use std::error::Error;
use std::io::{Read, Write};
use std::process::ExitCode;

use lambda_model::operation::invoke_with_response_stream::{
    InvokeWithResponseStreamInput, InvokeWithResponseStreamOutput,
};
use lambda_model::primitives::Blob;
use lambda_model::types::{InvokeWithResponseStreamCompleteEvent, InvokeWithResponseStreamResponseEvent};

const USAGE: &str = "usage: invoke_stream --endpoint URL --function NAME [--payload TEXT]";

/// What a streamed invocation returned, once `InvokeComplete` arrived.
#[derive(Debug)]
pub struct Streamed {
    /// The response head: status, executed version, content type.
    pub output: InvokeWithResponseStreamOutput,
    /// How many `PayloadChunk` events arrived.
    pub chunks: usize,
    /// The completion event: error code and details, log tail.
    pub complete: InvokeWithResponseStreamCompleteEvent,
}

/// Invokes `function` at `endpoint`, reading the body `read_size` bytes at a
/// time and handing each chunk's payload to `on_payload`.
pub fn invoke_stream(
    agent: &ureq::Agent,
    endpoint: &str,
    function: &str,
    payload: &[u8],
    read_size: usize,
    mut on_payload: impl FnMut(&[u8]),
) -> Result<Streamed, Box<dyn Error>> {
    let input = InvokeWithResponseStreamInput::builder().function_name(function).payload(Blob::new(payload)).build()?;
    let (mut parts, body) = input.to_http_request()?.into_parts();
    parts.uri = format!("{}{}", endpoint.trim_end_matches('/'), parts.uri).parse()?;
    let response = agent.run(http::Request::from_parts(parts, body))?;
    let (parts, body) = response.into_parts();
    if !parts.status.is_success() {
        // An error answer is a whole JSON body, decoded as usual.
        let status = parts.status;
        let mut bytes = Vec::new();
        body.into_reader().read_to_end(&mut bytes)?;
        let response = http::Response::from_parts(parts, bytes);
        return Err(match InvokeWithResponseStreamOutput::from_http_response(&response) {
            Err(e) => e.into(),
            Ok(_) => format!("unexpected status {status}").into(),
        });
    }
    // The head alone decodes into the output; the body follows as it arrives.
    let mut output =
        InvokeWithResponseStreamOutput::from_http_response(&http::Response::from_parts(parts, Vec::new()))?;
    let mut reader = body.into_reader();
    let mut buffer = vec![0; read_size.max(1)];
    let mut chunks = 0;
    loop {
        let read = reader.read(&mut buffer)?;
        let events = if read == 0 { output.event_stream.finish() } else { output.event_stream.feed(&buffer[..read]) };
        // The events borrow the decoder inside `output`: the loop ends before
        // `output` is returned.
        let mut completed = None;
        for event in events {
            match event? {
                InvokeWithResponseStreamResponseEvent::PayloadChunk(chunk) => {
                    chunks += 1;
                    on_payload(chunk.payload().map(Blob::as_bytes).unwrap_or_default());
                }
                InvokeWithResponseStreamResponseEvent::InvokeComplete(complete) => {
                    completed = Some(complete);
                    break;
                }
                // An event type newer than this crate: kept, and skipped here.
                other => eprintln!("skipping an event this version does not know: {other:?}"),
            }
        }
        if let Some(complete) = completed {
            return Ok(Streamed { output, chunks, complete });
        }
        if read == 0 {
            return Err("the stream ended before InvokeComplete".into());
        }
    }
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (mut endpoint, mut function, mut payload) = (None, None, String::new());
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--endpoint" => endpoint = args.next(),
            "--function" => function = args.next(),
            "--payload" => payload = args.next().unwrap_or_default(),
            _ => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let (Some(endpoint), Some(function)) = (endpoint, function) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
    let mut stdout = std::io::stdout();
    let result = invoke_stream(&agent, &endpoint, &function, payload.as_bytes(), 8 * 1024, |bytes| {
        // A closed stdout ends the output quietly.
        let _ = stdout.write_all(bytes).and_then(|()| stdout.flush());
    });
    match result {
        Ok(streamed) => {
            if let Some(code) = streamed.complete.error_code() {
                eprintln!("\nthe function failed: {code}: {}", streamed.complete.error_details().unwrap_or(""));
                return ExitCode::FAILURE;
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("invoke_stream: {e}");
            ExitCode::FAILURE
        }
    }
}

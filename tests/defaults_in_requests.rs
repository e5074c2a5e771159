//! Issue 18 through the public API: the Lambda input members with a model
//! default (`MaxItems`, `Publish`, `DryRun`) are sent only when the caller sets
//! them, and the server side fills in the default when a request leaves them
//! out. The generated `sent_members` tests check every operation with
//! placeholder values; these use values that pass the model's constraints.
#![cfg(all(feature = "full", feature = "http"))]

use lambda_model::operation::create_function::CreateFunctionInput;
use lambda_model::operation::get_durable_execution_history::GetDurableExecutionHistoryInput;
use lambda_model::operation::get_durable_execution_state::GetDurableExecutionStateInput;
use lambda_model::operation::list_durable_executions_by_function::ListDurableExecutionsByFunctionInput;
use lambda_model::operation::update_function_code::UpdateFunctionCodeInput;
use lambda_model::primitives::Blob;
use lambda_model::types::FunctionCode;

const EXECUTION_ARN: &str =
    "arn:aws:lambda:us-east-1:123456789012:function:my-function:1/durable-execution/run-1/execution-1";

fn body_json(request: &http::Request<Vec<u8>>) -> serde_json::Value {
    serde_json::from_slice(request.body()).expect("the body is JSON")
}

#[test]
fn max_items_is_sent_only_when_set() {
    let unset = GetDurableExecutionStateInput::builder()
        .durable_execution_arn(EXECUTION_ARN)
        .checkpoint_token("dG9rZW4=")
        .build()
        .unwrap();
    assert_eq!(unset.max_items(), None);
    let request = unset.to_http_request().unwrap();
    assert_eq!(request.uri().query(), Some("CheckpointToken=dG9rZW4%3D"));
    let served = GetDurableExecutionStateInput::from_http_request(&request).unwrap();
    assert_eq!(served.max_items(), Some(0), "the server fills in the model's default");

    let zero = GetDurableExecutionStateInput::builder()
        .durable_execution_arn(EXECUTION_ARN)
        .checkpoint_token("dG9rZW4=")
        .max_items(0)
        .build()
        .unwrap();
    let request = zero.to_http_request().unwrap();
    assert_eq!(request.uri().query(), Some("CheckpointToken=dG9rZW4%3D&MaxItems=0"));
    assert_eq!(GetDurableExecutionStateInput::from_http_request(&request).unwrap().max_items(), Some(0));

    let history = GetDurableExecutionHistoryInput::builder().durable_execution_arn(EXECUTION_ARN).build().unwrap();
    assert_eq!(history.to_http_request().unwrap().uri().query(), None);
    let listed = ListDurableExecutionsByFunctionInput::builder().function_name("my-function").build().unwrap();
    let request = listed.to_http_request().unwrap();
    assert_eq!(request.uri().query(), None);
    assert_eq!(ListDurableExecutionsByFunctionInput::from_http_request(&request).unwrap().max_items(), Some(0));
    let listed = ListDurableExecutionsByFunctionInput::builder().function_name("my-function").max_items(25).build();
    let request = listed.unwrap().to_http_request().unwrap();
    assert_eq!(request.uri().query(), Some("MaxItems=25"));
    assert_eq!(ListDurableExecutionsByFunctionInput::from_http_request(&request).unwrap().max_items(), Some(25));
}

#[test]
fn publish_and_dry_run_are_sent_only_when_set() {
    let unset = UpdateFunctionCodeInput::builder().function_name("my-function").build().unwrap();
    assert_eq!((unset.publish(), unset.dry_run()), (None, None));
    let request = unset.to_http_request().unwrap();
    assert_eq!(body_json(&request), serde_json::json!({}));
    let served = UpdateFunctionCodeInput::from_http_request(&request).unwrap();
    assert_eq!((served.publish(), served.dry_run()), (Some(false), Some(false)));

    let explicit =
        UpdateFunctionCodeInput::builder().function_name("my-function").publish(false).dry_run(false).build().unwrap();
    let request = explicit.to_http_request().unwrap();
    assert_eq!(body_json(&request), serde_json::json!({ "Publish": false, "DryRun": false }));
    let served = UpdateFunctionCodeInput::from_http_request(&request).unwrap();
    assert_eq!((served.publish(), served.dry_run()), (Some(false), Some(false)));

    let publish = UpdateFunctionCodeInput::builder().function_name("my-function").publish(true).build().unwrap();
    let request = publish.to_http_request().unwrap();
    assert_eq!(body_json(&request), serde_json::json!({ "Publish": true }));
    let served = UpdateFunctionCodeInput::from_http_request(&request).unwrap();
    assert_eq!((served.publish(), served.dry_run()), (Some(true), Some(false)));
}

#[test]
fn create_function_sends_publish_only_when_set() {
    let builder = || {
        CreateFunctionInput::builder()
            .function_name("my-function")
            .role("arn:aws:iam::123456789012:role/lambda-role")
            .code(FunctionCode::builder().zip_file(Blob::new(b"PK\x03\x04".to_vec())).build())
    };
    let request = builder().build().unwrap().to_http_request().unwrap();
    let body = body_json(&request);
    assert_eq!(body.get("Publish"), None, "{body}");
    assert_eq!(CreateFunctionInput::from_http_request(&request).unwrap().publish(), Some(false));

    let request = builder().publish(false).build().unwrap().to_http_request().unwrap();
    assert_eq!(body_json(&request).get("Publish"), Some(&serde_json::json!(false)));
    assert_eq!(CreateFunctionInput::from_http_request(&request).unwrap().publish(), Some(false));
}

#[test]
fn the_input_serde_form_keeps_unset_apart_from_the_default() {
    let unset = UpdateFunctionCodeInput::builder().function_name("my-function").build().unwrap();
    let json = serde_json::to_string(&unset).unwrap();
    assert_eq!(json, r#"{"FunctionName":"my-function"}"#);
    assert_eq!(serde_json::from_str::<UpdateFunctionCodeInput>(&json).unwrap(), unset);
    let explicit = UpdateFunctionCodeInput::builder().function_name("my-function").publish(false).build().unwrap();
    let json = serde_json::to_string(&explicit).unwrap();
    assert_eq!(json, r#"{"FunctionName":"my-function","Publish":false}"#);
    assert_eq!(serde_json::from_str::<UpdateFunctionCodeInput>(&json).unwrap(), explicit);
}

//! Ports of code that matches the errors of Invoke as aws-sdk-lambda users do
//! (`match err.into_service_error() { ... }`). The SDK hands the error over
//! inside `SdkError`; here it comes from `InvokeOutput::from_http_response`.

use aws_sdk_lambda::operation::invoke::{InvokeError, InvokeOutput};
use aws_sdk_lambda::types::error::{
    Ec2ThrottledException, EfsioException, InvalidSubnetIdException, KmsAccessDeniedException,
    ResourceNotFoundException, TooManyRequestsException,
};
use aws_sdk_lambda::types::ThrottleReason;

/// Whether a deploy script should retry, and what it tells the user.
fn classify(err: &InvokeError) -> (bool, String) {
    match err {
        InvokeError::ResourceNotFoundException(e) => {
            (false, format!("no such function: {}", e.message().unwrap_or("")))
        }
        InvokeError::TooManyRequestsException(e) => {
            let reason = e.reason().map(ThrottleReason::as_str).unwrap_or("unknown");
            (true, format!("throttled ({reason})"))
        }
        InvokeError::KmsAccessDeniedException(_)
        | InvokeError::KmsDisabledException(_)
        | InvokeError::KmsInvalidStateException(_)
        | InvokeError::KmsNotFoundException(_) => (false, "check the function's KMS key".into()),
        InvokeError::Ec2ThrottledException(_) | InvokeError::EniLimitReachedException(_) => {
            (true, "VPC networking is busy".into())
        }
        InvokeError::InvalidSubnetIdException(_) | InvokeError::InvalidSecurityGroupIdException(_) => {
            (false, "fix the VPC configuration".into())
        }
        InvokeError::EfsioException(_) | InvokeError::EfsMountTimeoutException(_) => (true, "EFS trouble".into()),
        other => (false, format!("unexpected: {other}")),
    }
}

fn response(status: u16, code: &str, body: &str) -> http::Response<Vec<u8>> {
    http::Response::builder().status(status).header("X-Amzn-ErrorType", code).body(body.as_bytes().to_vec()).unwrap()
}

#[test]
fn service_errors_match_by_sdk_variant_names() {
    let cases = [
        (404, "ResourceNotFoundException", false, "no such function: Function not found"),
        (429, "TooManyRequestsException", true, "throttled (CallerRateLimitExceeded)"),
        (502, "KMSAccessDeniedException", false, "check the function's KMS key"),
        (502, "EC2ThrottledException", true, "VPC networking is busy"),
        (502, "InvalidSubnetIDException", false, "fix the VPC configuration"),
        (410, "EFSIOException", true, "EFS trouble"),
    ];
    for (status, code, retry, said) in cases {
        let body = r#"{"Type":"User","message":"Function not found","Reason":"CallerRateLimitExceeded"}"#;
        let err = InvokeOutput::from_http_response(&response(status, code, body)).unwrap_err();
        assert_eq!(classify(&err), (retry, said.to_string()), "{code}");
    }
}

#[test]
fn is_helpers_and_error_structs_are_spelled_as_in_the_sdk() {
    let err = InvokeError::KmsAccessDeniedException(KmsAccessDeniedException::builder().message("denied").build());
    assert!(err.is_kms_access_denied_exception());
    assert!(!err.is_ec2_throttled_exception());
    assert_eq!(err.message(), Some("denied"));
    // The wire code keeps the model's spelling.
    assert_eq!(err.code(), Some("KMSAccessDeniedException"));
    let others: [InvokeError; 4] = [
        InvokeError::Ec2ThrottledException(Ec2ThrottledException::builder().build()),
        InvokeError::EfsioException(EfsioException::builder().build()),
        InvokeError::InvalidSubnetIdException(InvalidSubnetIdException::builder().build()),
        InvokeError::ResourceNotFoundException(ResourceNotFoundException::builder().build()),
    ];
    assert!(others[0].is_ec2_throttled_exception() && others[1].is_efsio_exception());
    assert!(others[2].is_invalid_subnet_id_exception() && others[3].is_resource_not_found_exception());
    let throttled = TooManyRequestsException::builder().retry_after_seconds("3").build();
    assert_eq!(throttled.retry_after_seconds(), Some("3"));
}

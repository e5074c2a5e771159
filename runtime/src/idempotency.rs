//! Idempotency tokens for members with `smithy.api#idempotencyToken` that the
//! caller left empty.

/// A fresh idempotency token: a random UUID v4 in its hyphenated lowercase
/// form, as the AWS SDKs send.
///
/// ```
/// let token = smithy_codegen_runtime::idempotency_token();
/// assert_eq!(token.len(), 36);
/// assert_eq!(&token[14..15], "4");
/// assert_ne!(token, smithy_codegen_runtime::idempotency_token());
/// ```
pub fn idempotency_token() -> String {
    uuid::Uuid::new_v4().hyphenated().to_string()
}

/// Where a request's missing idempotency tokens come from.
///
/// The request builders take one as an argument (no global state to set):
/// [`RandomIdempotencyTokens`] by default, any `Fn() -> String` closure
/// otherwise, e.g. a fixed token in tests.
///
/// ```
/// use smithy_codegen_runtime::{IdempotencyTokenProvider, RandomIdempotencyTokens};
///
/// let fixed = || "00000000-0000-4000-8000-000000000000".to_owned();
/// assert_eq!(fixed.make_idempotency_token(), "00000000-0000-4000-8000-000000000000");
/// assert_eq!(RandomIdempotencyTokens.make_idempotency_token().len(), 36);
/// ```
pub trait IdempotencyTokenProvider {
    /// A token for one request.
    fn make_idempotency_token(&self) -> String;
}

/// Random UUID v4 tokens ([`idempotency_token`]), as the AWS SDKs send.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RandomIdempotencyTokens;

impl IdempotencyTokenProvider for RandomIdempotencyTokens {
    fn make_idempotency_token(&self) -> String {
        idempotency_token()
    }
}

impl<F: Fn() -> String> IdempotencyTokenProvider for F {
    fn make_idempotency_token(&self) -> String {
        self()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_version_4_variant_1_uuids() {
        let token = idempotency_token();
        let parsed = uuid::Uuid::parse_str(&token).expect("a UUID");
        assert_eq!(parsed.get_version_num(), 4);
        assert_eq!(parsed.get_variant(), uuid::Variant::RFC4122);
        assert_eq!(token, token.to_lowercase());
    }

    #[test]
    fn a_closure_provides_its_tokens() {
        let provider: &dyn IdempotencyTokenProvider = &|| "fixed".to_owned();
        assert_eq!(provider.make_idempotency_token(), "fixed");
        assert_ne!(RandomIdempotencyTokens.make_idempotency_token(), RandomIdempotencyTokens.make_idempotency_token());
    }
}

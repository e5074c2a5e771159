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
}

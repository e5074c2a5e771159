/// restJson1 building blocks shared by every operation's generated glue
/// (validation, JSON bodies, headers and URI encoding come from the runtime).
/// Sans-IO: everything works on `http` crate types.
#[allow(dead_code)]
pub mod protocol {
    pub use ::smithy_codegen_runtime::validation::{RequestError, ValidationError};

    pub use ::smithy_codegen_runtime::uri::{decode_label, encode_label};

    pub(crate) use ::smithy_codegen_runtime::response::{encode_json, json_response};

    /// A fresh idempotency token (a random UUID v4) for members with
    /// `smithy.api#idempotencyToken` that the caller left empty. The randomness
    /// comes from the standard library's per-process hash keys, the clock and
    /// a counter: unique tokens, not secrets.
    pub fn idempotency_token() -> ::std::string::String {
        use ::std::hash::{BuildHasher, Hasher};
        static COUNTER: ::std::sync::atomic::AtomicU64 = ::std::sync::atomic::AtomicU64::new(0);
        let mut bytes = [0u8; 16];
        for (i, chunk) in bytes.chunks_mut(8).enumerate() {
            let mut hasher = ::std::collections::hash_map::RandomState::new().build_hasher();
            hasher.write_u64(COUNTER.fetch_add(1, ::std::sync::atomic::Ordering::Relaxed));
            hasher.write_usize(i);
            if let ::std::result::Result::Ok(now) = ::std::time::SystemTime::now().duration_since(::std::time::UNIX_EPOCH) {
                hasher.write_u128(now.as_nanos());
            }
            chunk.copy_from_slice(&hasher.finish().to_le_bytes());
        }
        bytes[6] = (bytes[6] & 0x0f) | 0x40;
        bytes[8] = (bytes[8] & 0x3f) | 0x80;
        let hex: ::std::string::String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
    }

    /// What the body of a request should be, for the generated tests of
    /// [`assert_sent`].
    #[cfg(test)]
    pub(crate) enum SentBody<'a> {
        /// No body at all.
        Empty,
        /// A payload member's bytes, whatever they are.
        Payload,
        /// A JSON object with exactly these keys.
        JsonKeys(&'a [&'a str]),
    }

    /// Asserts that a request carries exactly these query keys, these headers
    /// besides `content-type` (lowercase) and this body: the generated tests
    /// check with it that a request holds only the members the caller set.
    #[cfg(test)]
    pub(crate) fn assert_sent(
        request: &::http::Request<::std::vec::Vec<u8>>,
        query: &[&str],
        headers: &[&str],
        body: SentBody<'_>,
    ) {
        let mut query_keys: ::std::vec::Vec<::std::string::String> =
            ::smithy_codegen_runtime::uri::parse_query(request.uri().query()).into_iter().map(|(k, _)| k).collect();
        query_keys.sort();
        query_keys.dedup();
        assert_eq!(query_keys, query, "query keys of {}", request.uri());
        let mut header_names: ::std::vec::Vec<&str> =
            request.headers().keys().map(::http::HeaderName::as_str).filter(|name| *name != "content-type").collect();
        header_names.sort_unstable();
        header_names.dedup();
        assert_eq!(header_names, headers, "headers of {:?}", request.headers());
        let bytes = request.body();
        match body {
            SentBody::Empty => assert!(bytes.is_empty(), "body: {}", ::std::string::String::from_utf8_lossy(bytes)),
            SentBody::Payload => {}
            SentBody::JsonKeys(keys) => {
                let value: ::serde_json::Value = ::serde_json::from_slice(bytes).expect("the body is JSON");
                let object = value.as_object().expect("the body is a JSON object");
                let mut found: ::std::vec::Vec<&str> = object.keys().map(::std::string::String::as_str).collect();
                found.sort_unstable();
                assert_eq!(found, keys, "body: {value}");
            }
        }
    }
}

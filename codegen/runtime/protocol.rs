/// restJson1 building blocks shared by every operation's generated glue
/// (validation, JSON bodies, headers and URI encoding come from the runtime).
/// Sans-IO: everything works on `http` crate types.
pub mod protocol {
    pub use ::smithy_codegen_runtime::validation::{RequestError, ValidationError};

    pub use ::smithy_codegen_runtime::uri::{decode_label, encode_label};

    // The test glue below stays generated: it exists only in this crate's own
    // test build, so a runtime feature for it would have to be enabled by every
    // generated crate's dev-dependencies. It is `pub` (under `cfg(test)`, so
    // never public API) because a crate's tests use only the `SentBody`
    // variants its operations need, and unused public items do not warn.

    /// What the body of a request should be, for the generated tests of
    /// [`assert_sent`].
    #[cfg(test)]
    pub enum SentBody<'a> {
        /// No body at all.
        Empty,
        /// A payload member's bytes, whatever they are.
        Payload,
        /// A JSON object with exactly these keys.
        JsonKeys(&'a [&'a str]),
    }

    /// Asserts that a request carries exactly these query keys, these headers
    /// besides `content-type` and `content-length` (lowercase) and this body:
    /// the generated tests check with it that a request holds only the members
    /// the caller set.
    #[cfg(test)]
    pub fn assert_sent(
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
        let mut header_names: ::std::vec::Vec<&str> = request
            .headers()
            .keys()
            .map(::http::HeaderName::as_str)
            .filter(|name| !matches!(*name, "content-type" | "content-length"))
            .collect();
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

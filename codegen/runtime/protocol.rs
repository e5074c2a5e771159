/// restJson1 building blocks shared by every operation's generated glue:
/// JSON bodies, headers and constraint checks (URI encoding and error
/// metadata come from the runtime). Sans-IO: everything works on `http` crate types.
#[allow(dead_code)]
pub mod protocol {
    use ::std::fmt;

    /// A member value that breaks one of the model's constraints.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct ValidationError {
        member: &'static str,
        message: ::std::string::String,
    }

    impl ValidationError {
        pub(crate) fn new(member: &'static str, message: ::std::string::String) -> Self {
            ValidationError { member, message }
        }

        /// The model's name of the offending member, for example `LayerName`.
        pub fn member(&self) -> &'static str {
            self.member
        }

        /// What is wrong, without the member name.
        pub fn message(&self) -> &str {
            &self.message
        }
    }

    impl fmt::Display for ValidationError {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "{}: {}", self.member, self.message)
        }
    }

    impl ::std::error::Error for ValidationError {}

    /// Why a request could not be built.
    #[derive(Debug, Clone, PartialEq, Eq)]
    #[non_exhaustive]
    pub enum RequestError {
        /// A member breaks a constraint of the model.
        Validation(ValidationError),
        /// The body could not be serialized, or the `http` crate refused a part.
        Build(::std::string::String),
    }

    impl fmt::Display for RequestError {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            match self {
                RequestError::Validation(e) => write!(f, "invalid request: {e}"),
                RequestError::Build(e) => write!(f, "cannot build request: {e}"),
            }
        }
    }

    impl ::std::error::Error for RequestError {
        fn source(&self) -> ::std::option::Option<&(dyn ::std::error::Error + 'static)> {
            match self {
                RequestError::Validation(e) => ::std::option::Option::Some(e),
                RequestError::Build(_) => ::std::option::Option::None,
            }
        }
    }

    impl ::std::convert::From<ValidationError> for RequestError {
        fn from(e: ValidationError) -> Self {
            RequestError::Validation(e)
        }
    }

    /// How many characters of an offending value an error message quotes.
    const QUOTED_CHARS: usize = 64;

    /// The value, cut to a readable length for an error message.
    pub(crate) fn quote_value(value: &str) -> ::std::string::String {
        let mut chars = value.chars();
        let head: ::std::string::String = chars.by_ref().take(QUOTED_CHARS).collect();
        if chars.next().is_some() {
            format!("`{}`…", head.escape_debug())
        } else {
            format!("`{}`", head.escape_debug())
        }
    }

    fn range_text(min: ::std::option::Option<u64>, max: ::std::option::Option<u64>) -> ::std::string::String {
        match (min, max) {
            (::std::option::Option::Some(a), ::std::option::Option::Some(b)) => format!("{a}..={b}"),
            (::std::option::Option::Some(a), ::std::option::Option::None) => format!("{a}.."),
            (::std::option::Option::None, ::std::option::Option::Some(b)) => format!("..={b}"),
            _ => "..".to_owned(),
        }
    }

    /// `length` of a string: counted in Unicode scalar values, as Smithy specifies.
    pub(crate) fn check_string_length(
        member: &'static str,
        value: &str,
        min: ::std::option::Option<u64>,
        max: ::std::option::Option<u64>,
    ) -> ::std::result::Result<(), ValidationError> {
        let len = value.chars().count() as u64;
        check_count(member, len, min, max).map_err(|mut e| {
            e.message = format!("{} (value {})", e.message, quote_value(value));
            e
        })
    }

    /// `length` of a list or map: counted in entries.
    pub(crate) fn check_count(
        member: &'static str,
        len: u64,
        min: ::std::option::Option<u64>,
        max: ::std::option::Option<u64>,
    ) -> ::std::result::Result<(), ValidationError> {
        let too_short = min.is_some_and(|m| len < m);
        let too_long = max.is_some_and(|m| len > m);
        if too_short || too_long {
            return ::std::result::Result::Err(ValidationError::new(
                member,
                format!("length {len} is outside {}", range_text(min, max)),
            ));
        }
        ::std::result::Result::Ok(())
    }

    /// `range` of a number.
    pub(crate) fn check_range(
        member: &'static str,
        value: f64,
        min: ::std::option::Option<f64>,
        max: ::std::option::Option<f64>,
    ) -> ::std::result::Result<(), ValidationError> {
        if min.is_some_and(|m| value < m) || max.is_some_and(|m| value > m) {
            let bound = |b: ::std::option::Option<f64>| b.map(|b| b.to_string()).unwrap_or_default();
            return ::std::result::Result::Err(ValidationError::new(
                member,
                format!("value {value} is outside {}..={}", bound(min), bound(max)),
            ));
        }
        ::std::result::Result::Ok(())
    }

    /// `pattern`: a search (not an implicit full match), as ECMA-262 `test` does.
    pub(crate) fn check_pattern(
        member: &'static str,
        value: &str,
        regex: &'static ::std::sync::OnceLock<::regex_lite::Regex>,
        pattern: &'static str,
    ) -> ::std::result::Result<(), ValidationError> {
        // The generator compiled every pattern already, so this cannot fail.
        let regex = regex.get_or_init(|| ::regex_lite::Regex::new(pattern).expect("pattern checked at generation time"));
        if regex.is_match(value) {
            ::std::result::Result::Ok(())
        } else {
            ::std::result::Result::Err(ValidationError::new(
                member,
                format!("value {} does not match pattern `{pattern}`", quote_value(value)),
            ))
        }
    }

    pub use ::smithy_codegen_runtime::uri::{decode_label, encode_label};

    /// How many characters of a decode error a message keeps.
    const MESSAGE_CHARS: usize = 240;

    /// `value` displayed, cut after `limit` characters: serde quotes offending
    /// values whole, and a 100 MB string must not become a 100 MB message.
    fn bounded_display(value: &dyn fmt::Display, limit: usize) -> ::std::string::String {
        struct Bounded {
            text: ::std::string::String,
            left: usize,
        }
        impl fmt::Write for Bounded {
            fn write_str(&mut self, s: &str) -> fmt::Result {
                for c in s.chars() {
                    if self.left == 0 {
                        self.text.push('…');
                        return ::std::result::Result::Err(fmt::Error);
                    }
                    self.text.push(c);
                    self.left -= 1;
                }
                ::std::result::Result::Ok(())
            }
        }
        let mut out = Bounded {
            text: ::std::string::String::new(),
            left: limit,
        };
        // An error only says that the limit was reached: either way the text is the answer.
        match fmt::Write::write_fmt(&mut out, format_args!("{value}")) {
            ::std::result::Result::Ok(()) | ::std::result::Result::Err(fmt::Error) => out.text,
        }
    }

    /// Decodes a JSON body; on failure the message names the path of the bad field.
    pub(crate) fn decode_json<T: ::serde::de::DeserializeOwned>(body: &[u8], what: &str) -> ::std::result::Result<T, ::std::string::String> {
        let body = if body.is_empty() { b"{}".as_slice() } else { body };
        // restJson1 bodies are JSON objects; serde's derives would also fill a
        // structure from an array, by position.
        if body.iter().find(|b| !b.is_ascii_whitespace()) != ::std::option::Option::Some(&b'{') {
            return ::std::result::Result::Err(format!("invalid {what} body: expected a JSON object"));
        }
        match ::serde_json::from_slice(body) {
            ::std::result::Result::Ok(v) => ::std::result::Result::Ok(v),
            // Decode again, slowly, only to learn where it failed.
            ::std::result::Result::Err(_) => {
                let de = &mut ::serde_json::Deserializer::from_slice(body);
                match ::serde_path_to_error::deserialize::<_, T>(de) {
                    ::std::result::Result::Ok(v) => ::std::result::Result::Ok(v),
                    ::std::result::Result::Err(e) => {
                        let path = e.path().to_string();
                        let problem = bounded_display(e.inner(), MESSAGE_CHARS);
                        ::std::result::Result::Err(if path == "." {
                            format!("invalid {what} body: {problem}")
                        } else {
                            format!("invalid {what} body at `{path}`: {problem}")
                        })
                    }
                }
            }
        }
    }

    pub(crate) use ::smithy_codegen_runtime::response::{encode_json, json_response};

    /// A header's value as text, if present and visible ASCII.
    pub(crate) fn header<'a>(headers: &'a ::http::HeaderMap, name: &str) -> ::std::option::Option<&'a str> {
        headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// A header value from text; characters a header cannot carry are an error.
    pub(crate) fn header_value(member: &'static str, value: &str) -> ::std::result::Result<::http::HeaderValue, ValidationError> {
        ::http::HeaderValue::from_str(value).map_err(|_| {
            ValidationError::new(member, format!("value {} cannot be sent in an HTTP header", quote_value(value)))
        })
    }

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

    /// A header of an `httpPrefixHeaders` map: the prefix plus the map key.
    pub(crate) fn prefixed_header(
        member: &'static str,
        prefix: &str,
        key: &str,
        value: &str,
    ) -> ::std::result::Result<(::http::HeaderName, ::http::HeaderValue), ValidationError> {
        let name = ::http::HeaderName::from_bytes(format!("{prefix}{key}").as_bytes()).map_err(|_| {
            ValidationError::new(member, format!("key {} cannot be an HTTP header name", quote_value(key)))
        })?;
        ::std::result::Result::Ok((name, header_value(member, value)?))
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

//! Request compression for operations with Smithy's `requestCompression`
//! trait: the body is gzipped when it reaches a minimum size, and `gzip` is
//! appended to `Content-Encoding` (after any encoding the caller's input set).
//!
//! The defaults are the AWS SDKs': on, from 10240 bytes. A body below the
//! minimum is sent as is, because compressing it costs more than it saves.
//! Servers of such operations inflate gzip bodies ([`gunzip_request`]).

use std::io::{Read as _, Write as _};

use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use flate2::Compression;

/// The largest minimum size the AWS SDKs accept (10 MiB).
pub const MAX_MIN_SIZE_BYTES: usize = 10_485_760;

/// When a request body is compressed.
///
/// ```
/// use smithy_codegen_runtime::compression::RequestCompression;
///
/// let default = RequestCompression::default();
/// assert!(default.is_enabled());
/// assert_eq!(default.min_size_bytes(), 10_240);
/// let off = RequestCompression::disabled();
/// assert!(!off.is_enabled());
/// let eager = RequestCompression::default().with_min_size_bytes(0).unwrap();
/// assert_eq!(eager.min_size_bytes(), 0);
/// assert!(RequestCompression::default().with_min_size_bytes(10_485_761).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequestCompression {
    enabled: bool,
    min_size_bytes: usize,
}

impl Default for RequestCompression {
    fn default() -> Self {
        RequestCompression { enabled: true, min_size_bytes: 10_240 }
    }
}

impl RequestCompression {
    /// Never compress (the SDKs' `disable_request_compression`).
    pub fn disabled() -> Self {
        RequestCompression { enabled: false, ..Self::default() }
    }

    /// Compress bodies of at least `bytes` bytes (0 to [`MAX_MIN_SIZE_BYTES`]).
    pub fn with_min_size_bytes(self, bytes: usize) -> Result<Self, String> {
        if bytes > MAX_MIN_SIZE_BYTES {
            return Err(format!("the minimum compression size {bytes} exceeds {MAX_MIN_SIZE_BYTES} bytes"));
        }
        Ok(RequestCompression { min_size_bytes: bytes, ..self })
    }

    /// The same setting without a minimum size: streams are compressed
    /// whatever their size, when compression is on.
    ///
    /// ```
    /// use smithy_codegen_runtime::compression::RequestCompression;
    ///
    /// assert_eq!(RequestCompression::default().regardless_of_size().min_size_bytes(), 0);
    /// assert!(!RequestCompression::disabled().regardless_of_size().is_enabled());
    /// ```
    pub fn regardless_of_size(self) -> Self {
        RequestCompression { min_size_bytes: 0, ..self }
    }

    /// Whether bodies are compressed at all.
    pub fn is_enabled(&self) -> bool {
        self.enabled
    }

    /// The smallest body that is compressed.
    pub fn min_size_bytes(&self) -> usize {
        self.min_size_bytes
    }
}

/// Gzips the request's body when `options` say so, appending `gzip` to its
/// `Content-Encoding` (one header value, so that servers reading only the
/// first value see every encoding); returns whether it did.
///
/// ```
/// use smithy_codegen_runtime::compression::{gzip_request, RequestCompression};
///
/// let mut request = http::Request::post("/").header("Content-Encoding", "custom").body(vec![b'a'; 20_000]).unwrap();
/// assert!(gzip_request(&mut request, &RequestCompression::default()));
/// assert_eq!(request.headers()["content-encoding"], "custom, gzip");
/// assert!(request.body().len() < 20_000);
///
/// let mut small = http::Request::post("/").body(b"{}".to_vec()).unwrap();
/// assert!(!gzip_request(&mut small, &RequestCompression::default()));
/// assert!(small.headers().get("content-encoding").is_none());
/// ```
pub fn gzip_request(request: &mut http::Request<Vec<u8>>, options: &RequestCompression) -> bool {
    if !options.enabled || request.body().len() < options.min_size_bytes {
        return false;
    }
    let compressed = gzip(request.body());
    let mut encodings = content_encodings(request.headers());
    encodings.push(b"gzip");
    let value = joined(&encodings);
    request.headers_mut().insert(http::header::CONTENT_ENCODING, value);
    *request.body_mut() = compressed;
    true
}

/// The most a server inflates a gzip request body to (64 MiB): a few
/// kilobytes of gzip can claim gigabytes, so a bound keeps a hostile body from
/// exhausting memory.
pub const MAX_INFLATED_BYTES: usize = 64 << 20;

/// On the server side, the request as its handler must read it when its
/// `Content-Encoding` ends in `gzip`: the body inflated and `gzip` dropped
/// from `Content-Encoding` (the header removed when nothing else is left),
/// so that a member bound to that header sees the client's own encodings.
/// `Ok(None)` when the body is not gzipped; an error when it says it is but
/// does not inflate (or inflates beyond [`MAX_INFLATED_BYTES`]).
///
/// ```
/// use smithy_codegen_runtime::compression::{gunzip_request, gzip};
///
/// let request = http::Request::post("/")
///     .header("Content-Encoding", "custom, gzip")
///     .body(gzip(b"{\"data\":\"x\"}"))
///     .unwrap();
/// let inflated = gunzip_request(&request).unwrap().unwrap();
/// assert_eq!(inflated.body(), br#"{"data":"x"}"#);
/// assert_eq!(inflated.headers()["content-encoding"], "custom");
///
/// let plain = http::Request::post("/").body(b"{}".to_vec()).unwrap();
/// assert!(gunzip_request(&plain).unwrap().is_none());
/// ```
pub fn gunzip_request<B: AsRef<[u8]>>(request: &http::Request<B>) -> Result<Option<http::Request<Vec<u8>>>, String> {
    let mut encodings = content_encodings(request.headers());
    if !encodings.last().is_some_and(|e| e.eq_ignore_ascii_case(b"gzip")) {
        return Ok(None);
    }
    encodings.pop();
    let body = gunzip_bounded(request.body().as_ref(), MAX_INFLATED_BYTES)?;
    let mut inflated = http::Request::new(body);
    *inflated.method_mut() = request.method().clone();
    *inflated.uri_mut() = request.uri().clone();
    *inflated.version_mut() = request.version();
    *inflated.headers_mut() = request.headers().clone();
    let headers = inflated.headers_mut();
    headers.remove(http::header::CONTENT_ENCODING);
    headers.remove(http::header::CONTENT_LENGTH);
    if !encodings.is_empty() {
        headers.insert(http::header::CONTENT_ENCODING, joined(&encodings));
    }
    Ok(Some(inflated))
}

/// The encodings every `Content-Encoding` value lists, in order, as bytes:
/// a value need not be ASCII (obs-text), and none of it may be lost.
fn content_encodings(headers: &http::HeaderMap) -> Vec<&[u8]> {
    headers
        .get_all(http::header::CONTENT_ENCODING)
        .iter()
        .flat_map(|value| value.as_bytes().split(|&b| b == b','))
        .map(<[u8]>::trim_ascii)
        .filter(|encoding| !encoding.is_empty())
        .collect()
}

/// One `Content-Encoding` value listing `encodings`.
fn joined(encodings: &[&[u8]]) -> http::HeaderValue {
    let value = encodings.join(&b", "[..]);
    // Pieces of header values, trimmed, joined by ", ": still a header value.
    http::HeaderValue::from_bytes(&value).expect("pieces of header values, joined, are a header value")
}

/// The gzip of `bytes` (default level).
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::with_capacity(bytes.len() / 4), Compression::default());
    encoder.write_all(bytes).expect("writing to a Vec does not fail");
    encoder.finish().expect("writing to a Vec does not fail")
}

/// The bytes a gzip stream holds, or why it is not one.
///
/// ```
/// use smithy_codegen_runtime::compression::{gunzip, gzip};
///
/// assert_eq!(gunzip(&gzip(b"hello")).unwrap(), b"hello");
/// assert!(gunzip(b"hello").is_err());
/// ```
pub fn gunzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    gunzip_bounded(bytes, usize::MAX)
}

/// [`gunzip`], refusing to inflate beyond `limit` bytes.
fn gunzip_bounded(bytes: &[u8], limit: usize) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    GzDecoder::new(bytes).take(cap).read_to_end(&mut out).map_err(|e| format!("the body is not valid gzip: {e}"))?;
    if out.len() > limit {
        return Err(format!("the gzip body inflates beyond {limit} bytes"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(body: Vec<u8>) -> http::Request<Vec<u8>> {
        http::Request::post("/").body(body).unwrap()
    }

    #[test]
    fn a_body_of_exactly_the_minimum_is_compressed() {
        let mut r = request(vec![b'x'; 10_240]);
        assert!(gzip_request(&mut r, &RequestCompression::default()));
        assert_eq!(gunzip(r.body()).unwrap(), vec![b'x'; 10_240]);
        assert_eq!(r.headers()["content-encoding"], "gzip");
    }

    #[test]
    fn one_byte_below_the_minimum_is_not() {
        let mut r = request(vec![b'x'; 10_239]);
        assert!(!gzip_request(&mut r, &RequestCompression::default()));
        assert_eq!(r.body().len(), 10_239);
    }

    #[test]
    fn disabled_never_compresses() {
        let mut r = request(vec![b'x'; 100_000]);
        assert!(!gzip_request(&mut r, &RequestCompression::disabled()));
    }

    #[test]
    fn an_inflation_beyond_the_limit_is_refused() {
        let error = gunzip_bounded(&gzip(&[0; 1000]), 999).unwrap_err();
        assert!(error.contains("beyond 999 bytes"), "{error}");
        assert_eq!(gunzip_bounded(&gzip(&[0; 1000]), 1000).unwrap().len(), 1000);
    }

    #[test]
    fn a_body_that_claims_gzip_but_is_not_is_an_error() {
        let request = http::Request::post("/").header("content-encoding", "gzip").body(Vec::new()).unwrap();
        let error = gunzip_request(&request).unwrap_err();
        assert!(error.contains("not valid gzip"), "{error}");
    }

    #[test]
    fn gzip_alone_leaves_no_content_encoding() {
        let request = http::Request::post("/").header("content-encoding", "gzip").body(gzip(b"x")).unwrap();
        let inflated = gunzip_request(&request).unwrap().unwrap();
        assert!(inflated.headers().get("content-encoding").is_none());
        assert_eq!(inflated.body(), b"x");
    }

    #[test]
    fn gzip_before_another_encoding_is_not_undone() {
        let request = http::Request::post("/").header("content-encoding", "gzip, custom").body(Vec::new()).unwrap();
        assert!(gunzip_request(&request).unwrap().is_none());
    }

    #[test]
    fn several_encodings_become_one_value() {
        let mut r = http::Request::post("/")
            .header("content-encoding", "a")
            .header("content-encoding", "b")
            .body(Vec::new())
            .unwrap();
        assert!(gzip_request(&mut r, &RequestCompression::default().with_min_size_bytes(0).unwrap()));
        let values: Vec<_> = r.headers().get_all("content-encoding").iter().collect();
        assert_eq!(values, ["a, b, gzip"]);
    }

    #[test]
    fn encodings_that_are_not_ascii_are_kept_byte_for_byte() {
        let custom = http::HeaderValue::from_bytes(b"caf\xe9 , x\xff").unwrap();
        let mut r = http::Request::post("/").header("content-encoding", custom).body(b"{}".to_vec()).unwrap();
        assert!(gzip_request(&mut r, &RequestCompression::default().with_min_size_bytes(0).unwrap()));
        assert_eq!(r.headers()["content-encoding"].as_bytes(), b"caf\xe9, x\xff, gzip");
        let inflated = gunzip_request(&r).unwrap().unwrap();
        assert_eq!(inflated.headers()["content-encoding"].as_bytes(), b"caf\xe9, x\xff");
        assert_eq!(inflated.body(), b"{}");
    }
}

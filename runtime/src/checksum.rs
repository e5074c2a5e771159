//! `Content-MD5` for operations with Smithy's `httpChecksumRequired` trait:
//! the base64 of the body's MD5 digest (RFC 1864), computed over the body as
//! sent (after any request compression).

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use md5::{Digest, Md5};

/// The `Content-MD5` header value of `body`.
///
/// ```
/// use smithy_codegen_runtime::checksum::content_md5;
///
/// assert_eq!(content_md5(b""), "1B2M2Y8AsgTpgAmY7PhCfg==");
/// ```
pub fn content_md5(body: &[u8]) -> String {
    STANDARD.encode(Md5::digest(body))
}

/// Sets the request's `Content-MD5` header to its body's digest, unless the
/// caller already set one.
///
/// ```
/// use smithy_codegen_runtime::checksum::add_content_md5;
///
/// let mut request = http::Request::post("/").body(b"{}".to_vec()).unwrap();
/// add_content_md5(&mut request);
/// assert_eq!(request.headers()["content-md5"], "mZFLkyvTelC5g8XnyQrpOw==");
/// ```
pub fn add_content_md5(request: &mut http::Request<Vec<u8>>) {
    if request.headers().contains_key("content-md5") {
        return;
    }
    let value = http::HeaderValue::try_from(content_md5(request.body())).expect("base64 is a header value");
    request.headers_mut().insert("content-md5", value);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digest_of_rfc_1321_test_vector() {
        // MD5("abc") = 900150983cd24fb0d6963f7d28e17f72
        assert_eq!(
            content_md5(b"abc"),
            STANDARD.encode([
                0x90, 0x01, 0x50, 0x98, 0x3c, 0xd2, 0x4f, 0xb0, 0xd6, 0x96, 0x3f, 0x7d, 0x28, 0xe1, 0x7f, 0x72
            ])
        );
    }

    #[test]
    fn a_header_the_caller_set_is_kept() {
        let mut request = http::Request::post("/").header("Content-MD5", "given").body(b"x".to_vec()).unwrap();
        add_content_md5(&mut request);
        assert_eq!(request.headers()["content-md5"], "given");
    }
}

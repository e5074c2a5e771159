//! Where a built request goes: the operation's host prefix (Smithy's
//! `endpoint` trait, with its `hostLabel` members filled in) and the caller's
//! endpoint, which may carry a base path.
//!
//! `to_http_request` builds a request whose URI is the path and query only
//! (the caller owns scheme, host and port). An operation with a host prefix
//! stores it in the request's extensions as a [`HostPrefix`];
//! [`apply_endpoint`] then joins the caller's endpoint, that prefix and the
//! request's path into an absolute URI. A caller that must not prefix the
//! host (a proxy, a local test server) removes the extension first, as the
//! AWS SDKs' `disable_host_prefix` setting does.

use std::fmt;

use crate::validation::ValidationError;

/// The host prefix of an operation's `endpoint` trait, its labels filled in
/// (`foo.{label}.` with `label = "bar"` is `foo.bar.`), as a request extension.
///
/// ```
/// use smithy_codegen_runtime::endpoint::HostPrefix;
///
/// let prefix = HostPrefix::new("foo.bar.".to_string());
/// assert_eq!(prefix.as_str(), "foo.bar.");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostPrefix(String);

impl HostPrefix {
    /// A prefix already expanded (generated code checks its labels with [`host_label`]).
    pub fn new(prefix: String) -> Self {
        HostPrefix(prefix)
    }

    /// The prefix's text, prepended to the endpoint's host as is.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Checks that a `hostLabel` member's value can stand in a host name: an
/// RFC 1123 label of 1 to 63 ASCII letters, digits and hyphens, neither
/// starting nor ending with a hyphen.
///
/// ```
/// use smithy_codegen_runtime::endpoint::host_label;
///
/// assert_eq!(host_label("Label", "bar-1").unwrap(), "bar-1");
/// assert!(host_label("Label", "bar.baz").is_err());
/// assert!(host_label("Label", "").is_err());
/// ```
pub fn host_label<'a>(member: &'static str, value: &'a str) -> Result<&'a str, ValidationError> {
    let valid = (1..=63).contains(&value.len())
        && value.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !value.starts_with('-')
        && !value.ends_with('-');
    if valid {
        Ok(value)
    } else {
        Err(ValidationError::of_member(member, |at| {
            format!(
                "Value at '{at}' failed to satisfy constraint: Member must be a valid host label \
                 (1 to 63 letters, digits and inner hyphens)"
            )
        }))
    }
}

/// Why [`apply_endpoint`] refused an endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndpointError {
    message: String,
}

impl fmt::Display for EndpointError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for EndpointError {}

/// Points a request built by `to_http_request` at `endpoint`: its scheme and
/// port, its host behind the operation's [`HostPrefix`] (if the request has
/// one), and its path (if any) before the request's path and query.
///
/// ```
/// use smithy_codegen_runtime::endpoint::{apply_endpoint, HostPrefix};
///
/// let mut request = http::Request::get("/HostWithPathOperation?x=1").body(()).unwrap();
/// request.extensions_mut().insert(HostPrefix::new("foo.".to_string()));
/// apply_endpoint(&mut request, &"https://example.com:8443/custom/".parse().unwrap()).unwrap();
/// assert_eq!(request.uri(), "https://foo.example.com:8443/custom/HostWithPathOperation?x=1");
/// ```
pub fn apply_endpoint<B>(request: &mut http::Request<B>, endpoint: &http::Uri) -> Result<(), EndpointError> {
    let fail = |message: String| EndpointError { message };
    let (Some(scheme), Some(authority)) = (endpoint.scheme(), endpoint.authority()) else {
        return Err(fail(format!("endpoint `{endpoint}` needs a scheme and a host")));
    };
    let prefix = request.extensions().get::<HostPrefix>().map_or("", HostPrefix::as_str);
    let authority = format!("{prefix}{authority}");
    let base = endpoint.path().trim_end_matches('/');
    let path_and_query = request.uri().path_and_query().map_or("/", |p| p.as_str());
    let uri = http::Uri::builder()
        .scheme(scheme.clone())
        .authority(authority.as_str())
        .path_and_query(format!("{base}{path_and_query}"))
        .build()
        .map_err(|e| fail(format!("endpoint `{endpoint}` with host prefix `{prefix}`: {e}")))?;
    *request.uri_mut() = uri;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(uri: &str) -> http::Request<()> {
        http::Request::post(uri).body(()).unwrap()
    }

    #[test]
    fn without_a_prefix_the_host_is_the_endpoint_s() {
        let mut r = request("/EndpointOperation");
        apply_endpoint(&mut r, &"http://example.com".parse().unwrap()).unwrap();
        assert_eq!(r.uri(), "http://example.com/EndpointOperation");
    }

    #[test]
    fn the_prefix_goes_before_the_host() {
        let mut r = request("/EndpointWithHostLabelOperation");
        r.extensions_mut().insert(HostPrefix::new("foo.bar.".into()));
        apply_endpoint(&mut r, &"https://example.com".parse().unwrap()).unwrap();
        assert_eq!(r.uri().host(), Some("foo.bar.example.com"));
    }

    #[test]
    fn an_endpoint_without_a_scheme_is_refused() {
        let mut r = request("/x");
        let error = apply_endpoint(&mut r, &"example.com".parse().unwrap()).unwrap_err();
        assert!(error.to_string().contains("needs a scheme and a host"), "{error}");
        assert_eq!(r.uri(), "/x");
    }

    #[test]
    fn host_labels_refuse_what_a_host_cannot_hold() {
        for bad in ["-a", "a-", "a_b", "a.b", "é", &"a".repeat(64)] {
            let error = host_label("label", bad).unwrap_err();
            assert_eq!(error.member(), "label");
        }
        assert!(host_label("label", &"a".repeat(63)).is_ok());
    }
}

//! Strict parsing, for servers: a server refuses what a client tolerates.
//!
//! A client reads responses generously (a date-time with a UTC offset,
//! base64 without its padding, a union member newer than the crate), as
//! Smithy's compliance suite asks of clients; a server refuses the same
//! input with a 400. The generated `Deserialize` impls are shared by both
//! sides and serde passes no context down to them, so the server's request
//! decoding runs inside [`parse_strictly`] (or holds a [`StrictParsing`]),
//! and the few readers that differ ask [`is_strict`].
//!
//! ```
//! use smithy_codegen_runtime::serde_support::strict::{is_strict, parse_strictly};
//! use smithy_codegen_runtime::Blob;
//!
//! assert!(!is_strict());
//! assert!(serde_json::from_str::<Blob>(r#""YmxvYg""#).is_ok());
//! parse_strictly(|| {
//!     assert!(is_strict());
//!     assert!(serde_json::from_str::<Blob>(r#""YmxvYg""#).is_err());
//!     assert!(serde_json::from_str::<Blob>(r#""YmxvYg==""#).is_ok());
//! });
//! assert!(!is_strict());
//! ```

use std::cell::Cell;
use std::marker::PhantomData;

thread_local! {
    static STRICT: Cell<bool> = const { Cell::new(false) };
}

/// Runs `parse` with strict parsing on (on this thread), and restores the
/// previous setting afterwards, even if `parse` panics.
pub fn parse_strictly<R>(parse: impl FnOnce() -> R) -> R {
    let _strict = StrictParsing::begin();
    parse()
}

/// Strict parsing on this thread until the value is dropped (then the
/// previous setting is back): the form of [`parse_strictly`] for a whole
/// function body.
///
/// ```
/// use smithy_codegen_runtime::serde_support::strict::{is_strict, StrictParsing};
///
/// fn decode_request() -> bool {
///     let _strict = StrictParsing::begin();
///     is_strict()
/// }
/// assert!(decode_request());
/// assert!(!is_strict());
/// ```
#[must_use = "strict parsing ends when the guard is dropped"]
pub struct StrictParsing {
    previous: bool,
    /// The setting is per thread: the guard must be dropped where it was made.
    not_send: PhantomData<*const ()>,
}

impl StrictParsing {
    /// Turns strict parsing on for this thread.
    pub fn begin() -> Self {
        StrictParsing { previous: STRICT.with(|strict| strict.replace(true)), not_send: PhantomData }
    }
}

impl Drop for StrictParsing {
    fn drop(&mut self) {
        STRICT.with(|strict| strict.set(self.previous));
    }
}

/// Whether the current thread is inside [`parse_strictly`].
pub fn is_strict() -> bool {
    STRICT.with(Cell::get)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_scopes_restore_the_outer_setting() {
        parse_strictly(|| {
            parse_strictly(|| assert!(is_strict()));
            assert!(is_strict());
        });
        assert!(!is_strict());
    }

    #[test]
    fn a_panic_inside_restores_the_setting() {
        let result = std::panic::catch_unwind(|| parse_strictly(|| panic!("inside")));
        assert!(result.is_err());
        assert!(!is_strict());
    }

    #[test]
    fn other_threads_are_not_affected() {
        parse_strictly(|| {
            let other = std::thread::spawn(is_strict).join().unwrap();
            assert!(!other);
        });
    }
}

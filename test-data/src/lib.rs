//! The shared test data (official models, Smithy suites) lives in `../shared`
//! beside the workspace, outside the repository. Tests and benches that read it
//! go through [`shared_path`] or [`read_shared`], which carry the one rule:
//! absent data skips the test with a message, except under `CI=true`, where it
//! fails, so that CI cannot pass without running those tests.

use std::path::{Path, PathBuf};

/// The shared data directory (`../shared` from the workspace root).
pub fn shared_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared")
}

/// Whether the process runs in CI (`CI=true`, as CI services set it, or `CI=1`).
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|value| value.eq_ignore_ascii_case("true") || value == "1")
}

/// The path of `relative` under the shared directory when it exists.
///
/// When it does not, prints `skipping: ...` on stderr and returns `None`; under
/// `CI=true` it panics instead, naming the path.
pub fn shared_path(relative: &str) -> Option<PathBuf> {
    find(&shared_dir(), relative, in_ci())
}

/// The bytes of `relative` under the shared directory; absent data as in
/// [`shared_path`]. A file that exists but cannot be read is a panic.
pub fn read_shared(relative: &str) -> Option<Vec<u8>> {
    let path = shared_path(relative)?;
    Some(std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display())))
}

/// `dir/relative` when it exists; otherwise a skip message, or a panic in CI.
fn find(dir: &Path, relative: &str, ci: bool) -> Option<PathBuf> {
    let path = dir.join(relative);
    if path.exists() {
        return Some(path);
    }
    if ci {
        panic!("{} not found, and CI=true: the shared test data must be present in CI", path.display());
    }
    eprintln!("skipping: {} not found (the shared test data is absent)", path.display());
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn present_data_is_found_in_and_out_of_ci() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
        for ci in [false, true] {
            assert_eq!(find(dir, "Cargo.toml", ci), Some(dir.join("Cargo.toml")));
        }
    }

    #[test]
    fn absent_data_is_a_skip_outside_ci() {
        assert_eq!(find(Path::new(env!("CARGO_MANIFEST_DIR")), "no/such/file.json", false), None);
    }

    #[test]
    #[should_panic(expected = "no/such/file.json not found, and CI=true")]
    fn absent_data_fails_in_ci() {
        find(Path::new(env!("CARGO_MANIFEST_DIR")), "no/such/file.json", true);
    }
}

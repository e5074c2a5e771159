//! `fuzz/` is a workspace of its own with its own `Cargo.lock`: the packages it
//! shares with the root workspace must be locked at the root's versions, so
//! that the fuzz targets exercise the dependencies the crates ship with (and
//! `cargo fuzz` builds offline from what `cargo test` fetched). `.ci/run`
//! checks that the lock is complete (`cargo metadata --locked`).

use std::collections::{BTreeMap, BTreeSet};

/// `name -> versions` of a lock file's `[[package]]` entries.
fn locked_versions(lock: &str) -> BTreeMap<&str, BTreeSet<&str>> {
    let mut versions: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for entry in lock.split("[[package]]").skip(1) {
        let field = |key: &str| {
            entry
                .lines()
                .find_map(|line| line.strip_prefix(key)?.strip_prefix(" = \"")?.strip_suffix('"'))
                .unwrap_or_else(|| panic!("a [[package]] entry without {key}: {entry}"))
        };
        versions.entry(field("name")).or_default().insert(field("version"));
    }
    versions
}

#[test]
fn fuzz_lock_has_the_workspace_versions() {
    let root = locked_versions(include_str!("../Cargo.lock"));
    let fuzz = locked_versions(include_str!("../fuzz/Cargo.lock"));
    assert!(fuzz.contains_key("libfuzzer-sys"), "fuzz/Cargo.lock locks the fuzz crate's own dependencies");
    let mut stale = Vec::new();
    for (name, versions) in &fuzz {
        if let Some(root_versions) = root.get(name) {
            stale.extend(versions.difference(root_versions).map(|v| format!("{name} {v} (root: {root_versions:?})")));
        }
    }
    assert!(
        stale.is_empty(),
        "fuzz/Cargo.lock differs from Cargo.lock; `cargo update --manifest-path fuzz/Cargo.toml --offline -p NAME --precise VERSION`: {stale:#?}"
    );
}

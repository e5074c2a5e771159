//! `diff` and regeneration over the official Lambda models in /work/shared/models,
//! GetLayerVersion closure. The files are read at test time (never copied into
//! the repository); a test skips when its files are absent, and fails then under `CI=true`.

use std::collections::{BTreeMap, BTreeSet};

use quote::ToTokens;
use smithy_codegen::diff::{self, Change, Kind};
use smithy_codegen::Settings;

const VERSIONS: &[&str] = &["2022-12-01", "2024-07-01", "2025-04-02", "2026-04-22", "2026-06-19"];
const OPERATION: &str = "GetLayerVersion";
const RUNTIME: &str = "com.amazonaws.lambda#Runtime";

/// The bytes of a shared model file; `None` skips (a failure under `CI=true`).
fn read_shared(name: &str) -> Option<Vec<u8>> {
    test_data::read_shared(&format!("models/{name}"))
}

fn lambda(version: &str) -> Option<Vec<u8>> {
    read_shared(&format!("lambda-{version}.json"))
}

fn diff_versions(old: &str, new: &str) -> Option<Vec<Change>> {
    let (old, new) = (lambda(old)?, lambda(new)?);
    Some(diff::diff_bytes(&old, &new, &[OPERATION]).expect("official models diff"))
}

/// `runtime_values` of a file in sources.json.
fn runtime_values(sources: &serde_json::Value, version: &str) -> Vec<String> {
    sources["files"][format!("lambda-{version}.json")]["runtime_values"]
        .as_array()
        .unwrap_or_else(|| panic!("sources.json lists runtime_values of lambda-{version}.json"))
        .iter()
        .map(|v| v.as_str().expect("runtime values are strings").to_string())
        .collect()
}

fn runtime_value_changes(changes: &[Change], verb: &str) -> BTreeSet<String> {
    let prefix = format!("enum value {verb} `");
    changes
        .iter()
        .filter(|c| c.shape == RUNTIME)
        .filter_map(|c| c.message.strip_prefix(&prefix)?.strip_suffix('`').map(str::to_string))
        .collect()
}

#[test]
fn runtime_values_added_match_sources_json() {
    let Some(sources) = read_shared("sources.json") else { return };
    let sources: serde_json::Value = serde_json::from_slice(&sources).expect("sources.json is JSON");
    for pair in VERSIONS.windows(2).chain([["2024-07-01", "2026-06-19"].as_slice()]) {
        let (old, new) = (pair[0], pair[1]);
        let Some(changes) = diff_versions(old, new) else { return };
        let old_values: BTreeSet<String> = runtime_values(&sources, old).into_iter().collect();
        let new_values: BTreeSet<String> = runtime_values(&sources, new).into_iter().collect();
        let added: BTreeSet<String> = new_values.difference(&old_values).cloned().collect();
        let removed: BTreeSet<String> = old_values.difference(&new_values).cloned().collect();
        assert_eq!(runtime_value_changes(&changes, "added"), added, "{old} -> {new}");
        assert_eq!(runtime_value_changes(&changes, "removed"), removed, "{old} -> {new}");
        for c in changes.iter().filter(|c| c.shape == RUNTIME && c.message.starts_with("enum value added")) {
            assert_eq!(c.kind, Kind::Compatible);
            assert_eq!(c.to_string().split_whitespace().nth(1), Some("output"));
        }
    }
}

#[test]
fn diff_2024_07_01_to_2026_06_19() {
    let Some(changes) = diff_versions("2024-07-01", "2026-06-19") else { return };
    let text = diff::to_text(&changes);
    let lines: Vec<&str> = text.lines().collect();
    let expect = [
        // Patterns: input is breaking, output compatible.
        "breaking    input   com.amazonaws.lambda#LayerName: pattern changed from `^(arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\\d{12}:layer:[a-zA-Z0-9-_]+)|[a-zA-Z0-9-_]+$` to `^(arn:(aws[a-zA-Z-]*)?:lambda:(eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:\\d{12}:layer:[a-zA-Z0-9-_]+)|[a-zA-Z0-9-_]+$`",
        "compatible  output  com.amazonaws.lambda#LayerArn: pattern changed from `^arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\\d{12}:layer:[a-zA-Z0-9-_]+$` to `^arn:(aws[a-zA-Z-]*)?:lambda:(eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:\\d{12}:layer:[a-zA-Z0-9-_]+$`",
        "compatible  output  com.amazonaws.lambda#LicenseInfo: pattern added `^.*$`",
        // Lengths.
        "compatible  output  com.amazonaws.lambda#LayerArn: length changed from `1..=140` to `1..=2048` (loosened)",
        "compatible  output  com.amazonaws.lambda#LayerVersionArn: length changed from `1..=140` to `1..=2048` (loosened)",
        "compatible  output  com.amazonaws.lambda#Timestamp: length changed from none to `0..=100` (tightened)",
        // Member targets: the Rust type stays `String` and the wire format JSON
        // strings; only constraints are added, which do not break outputs.
        "compatible  output  com.amazonaws.lambda#LayerVersionContentOutput$Location: target changed from `com.amazonaws.lambda#String` to `com.amazonaws.lambda#SensitiveStringOnServerOnly`: same Rust type `String` and wire format; length changed from none to `0..=10000` (tightened)",
        "compatible  output  com.amazonaws.lambda#LayerVersionContentOutput$SigningJobArn: target changed from `com.amazonaws.lambda#String` to `com.amazonaws.lambda#Arn`: same Rust type `String` and wire format; length changed from none to `0..=10000` (tightened); pattern added `^arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\\-])+:((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1})?:(\\d{12})?:(.*)$`",
        // New shapes.
        "compatible  output  com.amazonaws.lambda#Arn: shape added (string)",
        "compatible  output  com.amazonaws.lambda#SensitiveStringOnServerOnly: shape added (string)",
        // One runtime value among the added ones.
        "compatible  output  com.amazonaws.lambda#Runtime: enum value added `python3.13`",
    ];
    for line in expect {
        assert!(lines.contains(&line), "missing line:\n{line}\nin report:\n{text}");
    }
    assert_eq!(lines[0], "1 breaking, 24 compatible, 7 docs", "the summary comes first");
    let breaking: Vec<&str> = lines.iter().copied().filter(|l| l.starts_with("breaking")).collect();
    assert_eq!(breaking.len(), 1, "{breaking:#?}");
    assert!(!text.contains("type changed"), "{text}");
    insta::assert_snapshot!("glv_2024-07-01_to_2026-06-19", text);
}

#[test]
fn consecutive_versions() {
    for pair in VERSIONS.windows(2) {
        let Some(changes) = diff_versions(pair[0], pair[1]) else { return };
        let text = diff::to_text(&changes);
        insta::assert_snapshot!(format!("glv_{}_to_{}", pair[0], pair[1]), text);
    }
}

#[test]
fn legacy_enum_reports_values_not_a_type_change() {
    let Some(changes) = diff_versions("2022-12-01", "2024-07-01") else { return };
    assert!(changes.iter().all(|c| !c.message.starts_with("type changed")), "{changes:#?}");
    assert!(!runtime_value_changes(&changes, "added").is_empty());
    assert!(changes.iter().all(|c| c.shape != RUNTIME || c.message.starts_with("enum value added")));
}

fn settings() -> Settings {
    let mut settings = Settings::new();
    settings.with_protocol_feature("http").with_skip_look_around_patterns(true);
    settings
}

fn generate(version: &str) -> Option<String> {
    let bytes = lambda(version)?;
    let code = smithy_codegen::generate(&bytes, &[OPERATION], &settings())
        .unwrap_or_else(|e| panic!("lambda-{version}.json does not generate: {e}"));
    Some(code)
}

#[test]
fn every_version_regenerates() {
    for version in VERSIONS {
        let Some(code) = generate(version) else { return };
        syn::parse_file(&code).unwrap_or_else(|e| panic!("code generated from {version} does not parse: {e}"));
        assert!(code.contains("pub enum Runtime {"), "{version}");
    }
}

/// Changed lines of a longest-common-subsequence line diff: (old indices, new indices).
fn changed_lines(old: &[&str], new: &[&str]) -> (Vec<usize>, Vec<usize>) {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..].iter().rev().zip(new[prefix..].iter().rev()).take_while(|(a, b)| a == b).count();
    let a = &old[prefix..old.len() - suffix];
    let b = &new[prefix..new.len() - suffix];
    // lcs[i][j]: LCS length of a[i..] and b[j..].
    let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
        }
    }
    let (mut removed, mut added) = (Vec::new(), Vec::new());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            added.push(prefix + j);
            j += 1;
        } else {
            removed.push(prefix + i);
            i += 1;
        }
    }
    (removed, added)
}

/// Lines `[start, end]` of the Runtime enum: its doc comment and attributes,
/// `pub enum Runtime`, and the `impl` blocks for it that follow (with the
/// runtime macro call among them).
fn runtime_region(lines: &[&str]) -> (usize, usize) {
    let at = lines
        .iter()
        .position(|l| l.trim_start().starts_with("pub enum Runtime {"))
        .expect("the code has the Runtime enum");
    let indent = &lines[at][..lines[at].len() - lines[at].trim_start().len()];
    let close = format!("{indent}}}");
    // Back over the doc comment and attributes, to the end of the previous item.
    let mut start = at;
    while start > 0 && lines[start - 1] != close && !lines[start - 1].trim_end().ends_with('{') {
        start -= 1;
    }
    let item_end = |from: usize| (from..lines.len()).find(|&k| lines[k] == close).expect("items are closed");
    let mut end = item_end(at);
    loop {
        let mut header = end + 1;
        // The runtime's `string_enum!(Runtime);` may sit between the impl blocks.
        while header < lines.len()
            && (lines[header].starts_with(&format!("{indent}#["))
                || lines[header].starts_with(&format!("{indent}///"))
                || lines[header].trim_end().ends_with("string_enum!(Runtime);"))
        {
            header += 1;
        }
        let is_runtime_impl = header < lines.len()
            && lines[header].starts_with(&format!("{indent}impl"))
            && lines[header].trim_end().ends_with(" Runtime {");
        if !is_runtime_impl {
            return (start, end);
        }
        end = item_end(header);
    }
}

#[test]
fn generated_2025_04_02_and_2026_04_22_differ_only_in_runtime() {
    let (Some(old), Some(new)) = (generate("2025-04-02"), generate("2026-04-22")) else { return };
    assert_only_runtime_changes(&old, &new);
}

fn assert_only_runtime_changes(old: &str, new: &str) {
    let (old, new): (Vec<&str>, Vec<&str>) = (old.lines().collect(), new.lines().collect());
    let (old_region, new_region) = (runtime_region(&old), runtime_region(&new));
    let (removed, added) = changed_lines(&old, &new);
    assert!(!removed.is_empty() || !added.is_empty(), "the two versions generate the same code");
    let inside = |(s, e): (usize, usize), i: usize| s <= i && i <= e;
    for &i in &removed {
        assert!(inside(old_region, i), "old line {} outside Runtime: {}", i + 1, old[i]);
    }
    for &i in &added {
        assert!(inside(new_region, i), "new line {} outside Runtime: {}", i + 1, new[i]);
    }
}

/// Every item of a file by module path and signature, with its tokens.
fn items(code: &str) -> BTreeMap<String, String> {
    fn walk(path: &str, items: &[syn::Item], out: &mut BTreeMap<String, String>) {
        for item in items {
            let (key, owner) = match item {
                syn::Item::Mod(m) => {
                    let inner = format!("{path}::{}", m.ident);
                    if let Some((_, content)) = &m.content {
                        walk(&inner, content, out);
                    }
                    continue;
                }
                // `const _: () = { .. };` holds a type's serde impls: it belongs to
                // the type of the first impl inside.
                syn::Item::Const(c) if c.ident == "_" => {
                    let syn::Expr::Block(block) = &*c.expr else { continue };
                    let owner = block.block.stmts.iter().find_map(|stmt| match stmt {
                        syn::Stmt::Item(syn::Item::Impl(i)) => Some(i.self_ty.to_token_stream().to_string()),
                        _ => None,
                    });
                    let owner = owner.unwrap_or_default();
                    (format!("const _ for {owner}"), owner)
                }
                syn::Item::Struct(s) => (format!("struct {}", s.ident), s.ident.to_string()),
                syn::Item::Enum(e) => (format!("enum {}", e.ident), e.ident.to_string()),
                syn::Item::Impl(i) => {
                    let self_ty = i.self_ty.to_token_stream().to_string();
                    let owner = self_ty.rsplit(' ').next().unwrap_or_default().to_string();
                    let trait_ = i.trait_.as_ref().map(|(p, _)| p.to_token_stream().to_string());
                    (format!("impl {} for {self_ty}", trait_.unwrap_or_default()), owner)
                }
                other => (other.to_token_stream().to_string(), String::new()),
            };
            let mut key = format!("{owner}\t{path} {key}");
            while out.contains_key(&key) {
                key.push('+');
            }
            out.insert(key, item.to_token_stream().to_string());
        }
    }
    let file = syn::parse_file(code).expect("generated code parses");
    let mut out = BTreeMap::new();
    walk("crate", &file.items, &mut out);
    out
}

/// The types (struct, enum, or impl self type) whose items differ.
fn changed_types(old: &str, new: &str) -> BTreeSet<String> {
    let (old, new) = (items(old), items(new));
    old.keys()
        .chain(new.keys())
        .filter(|k| old.get(*k) != new.get(*k))
        .map(|k| k.split('\t').next().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn generated_2025_04_02_and_2026_06_19_differ_in_runtime_and_retargeted_members() {
    let (Some(old), Some(new)) = (generate("2025-04-02"), generate("2026-06-19")) else { return };
    // Besides Runtime, 2026-06-19 retargets LayerVersionContentOutput's members to
    // constrained shapes and changes LayerName/LayerArn/LayerVersionArn patterns
    // (see the diff snapshots), which changes the validation of these types.
    let expected: BTreeSet<String> = [
        "Runtime",
        "LayerVersionContentOutput",
        "GetLayerVersionInput",
        "GetLayerVersionOutput",
        "GetLayerVersionOutputBuilder",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    let changed = changed_types(&old, &new);
    assert!(changed.is_subset(&expected), "unexpected changes in {:?}", changed.difference(&expected));
    assert!(changed.contains("Runtime"));
    // And between versions that only add runtimes, only Runtime's items change.
    if let (Some(a), Some(b)) = (generate("2025-04-02"), generate("2026-04-22")) {
        assert_eq!(changed_types(&a, &b), BTreeSet::from(["Runtime".to_string()]));
    }
}

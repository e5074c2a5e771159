//! Smithy's own IDL loader suite (`../shared/smithy/idl-loader/`, read at run
//! time): every valid IDL file loads to the same model as its JSON twin, the
//! `.flattened.smithy` forms equal the flattened models, and every invalid
//! file is refused (one snapshot shows Smithy's expected message beside ours).
//! Also: the restJson1 protocol suite loads, and JSON -> IDL -> JSON is the
//! identity over it and over `model/lambda.json`.

use std::path::{Path, PathBuf};

use smithy_codegen::ast::{AstModel, Node, NodeMap};
use smithy_codegen::idl::{self, Source};
use smithy_codegen::mixins;

/// `../shared/smithy`, or `None` with a note when it is absent (a failure under `CI=true`).
fn shared_smithy() -> Option<PathBuf> {
    test_data::shared_path("smithy")
}

/// Every file under `dir` whose name ends with `suffix`, sorted.
fn files(dir: &Path, suffix: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.to_string_lossy().ends_with(suffix) {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

fn source(path: &Path, root: &Path) -> Source {
    let name = path.strip_prefix(root).unwrap_or(path).display().to_string();
    Source { name, text: std::fs::read_to_string(path).unwrap() }
}

/// Loads files (IDL or JSON) into one model.
fn load(paths: &[&Path], root: &Path) -> Result<AstModel, String> {
    let sources: Vec<Source> = paths.iter().map(|p| source(p, root)).collect();
    idl::load_sources(&sources).map_err(|e| e.to_string())
}

/// A model as a value to compare: mixins flattened into every shape (mixin
/// shapes and `mixins` lists kept), enum members' implied values written out,
/// empty member lists dropped, the IDL version left out. Numbers compare by
/// value, as Smithy compares them (`2e+308` in IDL equals `2E+308` in JSON).
fn canonical(model: &AstModel) -> Node {
    let flat = mixins::flatten(model, true).unwrap_or_else(|e| panic!("flattening: {e}"));
    let mut shapes = NodeMap::new();
    for (id, shape) in flat.shapes.iter() {
        let mut value = Node::from_json_str(&serde_json::to_string(shape).unwrap()).unwrap();
        let object = value.as_object_mut().unwrap();
        if object.get("members").is_some_and(|m| m.as_object().is_some_and(|m| m.is_empty())) {
            object.remove("members");
        }
        if shape.shape_type == "operation" {
            // No input or output means `smithy.api#Unit`; no errors, none.
            for io in ["input", "output"] {
                object.entry(io.to_string()).or_insert_with(|| target("smithy.api#Unit"));
            }
            if object.get("errors").is_some_and(|e| e.as_array().is_some_and(Vec::is_empty)) {
                object.remove("errors");
            }
        }
        if shape.shape_type == "enum" {
            for (name, member) in object.get_mut("members").and_then(Node::as_object_mut).into_iter().flatten() {
                let traits = member
                    .as_object_mut()
                    .unwrap()
                    .entry("traits".to_string())
                    .or_insert_with(|| Node::Object(NodeMap::new()));
                traits
                    .as_object_mut()
                    .unwrap()
                    .entry("smithy.api#enumValue".to_string())
                    .or_insert_with(|| Node::String(name.clone()));
            }
        }
        shapes.insert(id.clone(), value);
    }
    let metadata = flat.metadata.into_iter().collect();
    Node::Object(NodeMap::from([
        ("metadata".to_string(), Node::Object(metadata)),
        ("shapes".to_string(), Node::Object(shapes)),
    ]))
}

/// `{"target": id}`.
fn target(id: &str) -> Node {
    Node::Object(NodeMap::from([("target".to_string(), Node::from(id))]))
}

/// A model flattened as Smithy flattens it (no mixin shapes left).
fn flattened(model: &AstModel) -> Node {
    canonical(&mixins::flatten(model, false).unwrap_or_else(|e| panic!("flattening: {e}")))
}

/// Valid cases that do not pass yet: the file, what its failure must say, and
/// the reason (the README lists them). A case on this list that starts passing,
/// or fails some other way, fails the test, so the list cannot rot.
const KNOWN_FAILING: &[(&str, &str, &str)] = &[];

#[derive(Default)]
struct Tally {
    passed: usize,
    failed: Vec<String>,
}

#[test]
fn valid_idl_files_load_to_their_json_twins() {
    let Some(root) = shared_smithy() else { return };
    let valid = root.join("idl-loader/valid");
    let shared = valid.join("__shared.json");
    let mut tally = Tally::default();
    let (mut pairs, mut alone, mut flat_forms) = (0, 0, 0);
    for idl_path in files(&valid, ".smithy") {
        let name = idl_path.strip_prefix(&valid).unwrap().display().to_string();
        if name.ends_with(".flattened.smithy") {
            continue;
        }
        let json_path = idl_path.with_extension("json");
        let flat_path = valid.join(name.replace(".smithy", ".flattened.smithy"));
        if json_path.exists() {
            pairs += 1;
        } else {
            alone += 1;
        }
        if flat_path.exists() {
            flat_forms += 1;
        }
        let idl_model = match load(&[&idl_path, &shared], &valid) {
            Ok(model) => model,
            Err(e) => {
                tally.failed.push(format!("{name}: does not load: {e}"));
                continue;
            }
        };
        if json_path.exists() {
            let json_model = load(&[&json_path, &shared], &valid).unwrap();
            if canonical(&idl_model) != canonical(&json_model) {
                let (ours, theirs) = (canonical(&idl_model), canonical(&json_model));
                tally.failed.push(format!("{name}: differs from its JSON twin\n  ours:   {ours}\n  theirs: {theirs}"));
                continue;
            }
            // Written as `convert --to json` writes it and read back, it is still the twin.
            let printed = smithy_codegen::ast::to_json_pretty(&idl_model);
            match smithy_codegen::ast::parse(printed.as_bytes()) {
                Ok(back) if canonical(&back) == canonical(&json_model) => {}
                Ok(_) => {
                    tally.failed.push(format!("{name}: its JSON (as `convert` writes it) differs from the twin"));
                    continue;
                }
                Err(e) => {
                    tally.failed.push(format!("{name}: its JSON (as `convert` writes it) does not load: {e}"));
                    continue;
                }
            }
        }
        if flat_path.exists() {
            match load(&[&flat_path, &shared], &valid) {
                Ok(flat) if flattened(&flat) == flattened(&idl_model) => {}
                Ok(flat) => {
                    let (ours, theirs) = (flattened(&idl_model), flattened(&flat));
                    tally.failed.push(format!("{name}: flattened differs\n  ours:   {ours}\n  theirs: {theirs}"));
                    continue;
                }
                Err(e) => {
                    tally.failed.push(format!("{name}: flattened form does not load: {e}"));
                    continue;
                }
            }
        }
        tally.passed += 1;
    }
    eprintln!("{pairs} pairs, {alone} without a JSON twin, {flat_forms} flattened forms; {} passed", tally.passed);
    let unexpected: Vec<&String> = tally
        .failed
        .iter()
        .filter(|f| !KNOWN_FAILING.iter().any(|(name, _, _)| f.starts_with(&format!("{name}: "))))
        .collect();
    assert!(
        unexpected.is_empty(),
        "{} failing:\n{}",
        unexpected.len(),
        unexpected.iter().map(|f| f.as_str()).collect::<Vec<_>>().join("\n")
    );
    for (name, symptom, _) in KNOWN_FAILING {
        let failure = tally.failed.iter().find(|f| f.starts_with(&format!("{name}: ")));
        let failure =
            failure.unwrap_or_else(|| panic!("{name} passes now: remove it from KNOWN_FAILING and the README"));
        assert!(failure.contains(symptom), "{name} fails another way than `{symptom}`:\n{failure}");
    }
    assert!(pairs >= 54 && alone >= 4 && flat_forms >= 11, "the suite looks incomplete");
}

#[test]
fn invalid_files_are_refused() {
    let Some(root) = shared_smithy() else { return };
    let invalid = root.join("idl-loader/invalid");
    let mut report = String::new();
    let mut accepted = Vec::new();
    let mut cases = files(&invalid, ".smithy");
    cases.extend(files(&invalid, ".json"));
    assert!(cases.len() >= 153, "the suite looks incomplete: {} invalid files", cases.len());
    for path in cases {
        let name = path.strip_prefix(&invalid).unwrap().display().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        // JSON has no comments: its IDL twin states the expected error.
        let stated = if name.ends_with(".json") {
            std::fs::read_to_string(path.with_extension("smithy")).unwrap_or_default()
        } else {
            text
        };
        let expected = stated.lines().next().unwrap_or_default().trim_start_matches('/').trim();
        let ours = match load(&[&path], &invalid) {
            Ok(_) => {
                accepted.push(name.clone());
                "(accepted)".to_string()
            }
            Err(e) => e,
        };
        report.push_str(&format!("{name}\n  smithy: {expected}\n  ours:   {}\n", ours.replace('\n', "\n          ")));
    }
    insta::assert_snapshot!("invalid_idl_messages", report);
    assert!(accepted.is_empty(), "{} invalid files accepted: {}", accepted.len(), accepted.join(", "));
}

/// The restJson1 protocol suite with the trait definitions it uses.
fn protocol_suite(root: &Path) -> Vec<PathBuf> {
    let mut paths = files(&root.join("protocol-tests"), ".smithy");
    paths.extend(files(&root.join("definitions"), ".smithy"));
    paths
}

#[test]
fn the_protocol_suite_loads() {
    let Some(root) = shared_smithy() else { return };
    let paths = protocol_suite(&root);
    let paths: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    let model = load(&paths, &root).unwrap_or_else(|e| panic!("{e}"));
    assert!(model.shapes.get("aws.protocoltests.restjson#RestJson").is_some_and(|s| s.shape_type == "service"));
    assert!(model.shapes.len() > 500, "only {} shapes", model.shapes.len());
}

/// The model with its shapes in id order (the order of files and namespaces
/// is not part of a model; the order of members is, and stays compared).
fn sorted(mut model: AstModel) -> AstModel {
    model.shapes.0.sort_by(|(a, _), (b, _)| a.cmp(b));
    model
}

/// Prints `model` as IDL (a file per namespace) and reads it back.
fn through_idl(model: &AstModel) -> AstModel {
    let sources: Vec<Source> = idl::to_idl(model)
        .into_iter()
        .map(|(namespace, text)| Source { name: format!("{namespace}.smithy"), text })
        .collect();
    idl::load_sources(&sources).unwrap_or_else(|e| panic!("the printed IDL does not load:\n{e}"))
}

#[test]
fn json_to_idl_to_json_is_the_identity_over_the_lambda_model() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../model/lambda.json");
    let model = smithy_codegen::ast::parse(&std::fs::read(path).unwrap()).unwrap();
    assert!(model.shapes.len() > 100);
    assert_eq!(sorted(through_idl(&model)), sorted(model));
}

#[test]
fn json_to_idl_to_json_is_the_identity_over_the_protocol_suite() {
    let Some(root) = shared_smithy() else { return };
    let paths = protocol_suite(&root);
    let paths: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    let model = load(&paths, &root).unwrap();
    // Through JSON text first, as `convert --to json` writes it.
    let json = smithy_codegen::ast::to_json_pretty(&model);
    let model = smithy_codegen::ast::parse(json.as_bytes()).unwrap();
    assert_eq!(sorted(through_idl(&model)), sorted(model));
}

/// Building lambda-model from an IDL model (`LAMBDA_MODEL_FILE=x.smithy`
/// with the feature `idl`) generates the same code as from its JSON AST.
#[test]
fn the_lambda_model_generates_the_same_code_from_idl() {
    use smithy_codegen::{closure, ir, render};
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../model/lambda.json");
    let json = smithy_codegen::ast::parse(&std::fs::read(path).unwrap()).unwrap();
    let generate = |ast: &AstModel| {
        let model = ir::resolve(ast).unwrap();
        let closure = closure::closure(&model, &["GetLayerVersion", "ListFunctions"]).unwrap();
        let mut settings = smithy_codegen::Settings::new();
        settings.with_protocol_feature("http").with_skip_look_around_patterns(true);
        render::render(&model, &closure, &settings).unwrap()
    };
    let from_json = generate(&json);
    assert!(from_json.contains("GetLayerVersion"));
    assert!(generate(&through_idl(&json)) == from_json, "the IDL model generates different code");
}

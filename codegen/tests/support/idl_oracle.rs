//! What must hold for any input to the IDL reader (shared by the fuzz target
//! `idl_parse` and the corpus replay test): it never panics, and a model it
//! accepts prints as IDL, and as JSON AST, that reads back to the same model
//! (so node values, numbers of any size included, survive both forms).

use smithy_codegen::ast::AstModel;
use smithy_codegen::idl::{self, Source};

fn sorted(mut model: AstModel) -> AstModel {
    model.shapes.0.sort_by(|(a, _), (b, _)| a.cmp(b));
    model
}

/// Parses `data` as one IDL file; an accepted model must survive printing.
pub fn check(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(model) = idl::parse_idl("input.smithy", text) else { return };
    let printed: Vec<Source> = idl::to_idl(&model)
        .into_iter()
        .map(|(namespace, text)| Source { name: format!("{namespace}.smithy"), text })
        .collect();
    let json = smithy_codegen::ast::to_json_pretty(&model);
    let from_json = smithy_codegen::ast::parse(json.as_bytes())
        .unwrap_or_else(|e| panic!("printed JSON does not load: {e}\n{json}"));
    assert_eq!(from_json, model, "JSON changed the model");
    let again = idl::load_sources(&printed).unwrap_or_else(|e| panic!("printed IDL does not load: {e}\n{printed:?}"));
    assert_eq!(sorted(again), sorted(model), "printing changed the model");
}

//! The classification rules of `smithy_codegen::diff`, one small model pair per rule.
//!
//! Models are raw JSON strings so that member order is exactly as written.

use smithy_codegen::diff::{self, Change, Direction, Kind};

/// A service with one operation `Put` (input `PutInput`, output `PutOutput`,
/// error `Oops`) plus the given shapes, which must define `PutInput` and `PutOutput`.
fn model(shapes: &str) -> String {
    format!(
        r##"{{
    "smithy": "2.0",
    "shapes": {{
        "com.example#Svc": {{
            "type": "service",
            "version": "2024-01-01",
            "operations": [{{ "target": "com.example#Put" }}]
        }},
        "com.example#Put": {{
            "type": "operation",
            "input": {{ "target": "com.example#PutInput" }},
            "output": {{ "target": "com.example#PutOutput" }},
            "errors": [{{ "target": "com.example#Oops" }}],
            "traits": {{ "smithy.api#http": {{ "method": "PUT", "uri": "/put", "code": 200 }} }}
        }},
        "com.example#Oops": {{
            "type": "structure",
            "members": {{ "Message": {{ "target": "smithy.api#String" }} }},
            "traits": {{ "smithy.api#error": "client" }}
        }},
        {shapes}
    }}
}}"##
    )
}

fn changes(old: &str, new: &str) -> Vec<Change> {
    diff::diff_bytes(model(old).as_bytes(), model(new).as_bytes(), &[]).unwrap_or_else(|e| panic!("diff failed: {e}"))
}

/// The report lines without the summary.
fn lines(old: &str, new: &str) -> Vec<String> {
    changes(old, new).iter().map(ToString::to_string).collect()
}

const IO: &str = r#"
        "com.example#PutInput": { "type": "structure", "members": { "Name": { "target": "com.example#Name" } } },
        "com.example#PutOutput": { "type": "structure", "members": { "Color": { "target": "com.example#Color" } } }"#;

fn with(extra: &str) -> String {
    format!("{IO},\n{extra}")
}

const NAME: &str =
    r#""com.example#Name": { "type": "string", "traits": { "smithy.api#length": { "min": 1, "max": 10 } } }"#;

fn color(values: &[(&str, &str)]) -> String {
    let members: Vec<String> = values
        .iter()
        .map(|(n, v)| {
            format!(r#""{n}": {{ "target": "smithy.api#Unit", "traits": {{ "smithy.api#enumValue": "{v}" }} }}"#)
        })
        .collect();
    format!(r#""com.example#Color": {{ "type": "enum", "members": {{ {} }} }}"#, members.join(", "))
}

fn base(color_values: &[(&str, &str)]) -> String {
    with(&format!("{NAME},\n{}", color(color_values)))
}

#[test]
fn identical_models_have_no_changes() {
    let m = base(&[("RED", "red")]);
    assert!(changes(&m, &m).is_empty());
    assert_eq!(diff::to_text(&[]), "0 breaking, 0 compatible, 0 docs\n");
}

#[test]
fn enum_value_added_is_compatible_and_removed_is_breaking() {
    let old = base(&[("RED", "red")]);
    let new = base(&[("RED", "red"), ("GREEN", "green")]);
    assert_eq!(lines(&old, &new), ["compatible  output  com.example#Color: enum value added `green`"]);
    assert_eq!(lines(&new, &old), ["breaking    output  com.example#Color: enum value removed `green`"]);
}

#[test]
fn enum_member_renamed_breaks_when_its_rust_variant_changes() {
    let old = base(&[("RED", "red")]);
    assert_eq!(
        lines(&old, &base(&[("CRIMSON", "red")])),
        ["breaking    output  com.example#Color: enum value `red` renamed from `RED` to `CRIMSON` (its Rust variant changes from `Red` to `Crimson`)"]
    );
    // Both spellings give the variant `Red`: nothing changes for Rust users or on the wire.
    assert_eq!(
        lines(&old, &base(&[("Red", "red")])),
        ["compatible  output  com.example#Color: enum value `red` renamed from `RED` to `Red` (its Rust variant stays `Red`)"]
    );
}

#[test]
fn legacy_string_enum_equals_enum_shape() {
    let legacy = with(&format!(
        r#"{NAME}, "com.example#Color": {{ "type": "string", "traits": {{ "smithy.api#enum": [{{ "value": "red", "name": "RED" }}] }} }}"#
    ));
    let modern = base(&[("RED", "red")]);
    assert!(changes(&legacy, &modern).is_empty(), "{:?}", lines(&legacy, &modern));
    let more = base(&[("RED", "red"), ("BLUE", "blue")]);
    assert_eq!(lines(&legacy, &more), ["compatible  output  com.example#Color: enum value added `blue`"]);
}

fn io(input_members: &str, output_members: &str) -> String {
    format!(
        r#""com.example#PutInput": {{ "type": "structure", "members": {{ {input_members} }} }},
        "com.example#PutOutput": {{ "type": "structure", "members": {{ {output_members} }} }},
        {NAME}"#
    )
}

const A: &str = r#""A": { "target": "smithy.api#String" }"#;
const A_REQUIRED: &str = r#""A": { "target": "smithy.api#String", "traits": { "smithy.api#required": {} } }"#;
const B: &str = r#""B": { "target": "smithy.api#String" }"#;
const B_REQUIRED: &str = r#""B": { "target": "smithy.api#String", "traits": { "smithy.api#required": {} } }"#;

#[test]
fn members_added() {
    assert_eq!(
        lines(&io(A, A), &io(&format!("{A}, {B}"), A)),
        ["compatible  input   com.example#PutInput$B: optional member added (target `smithy.api#String`)"]
    );
    assert_eq!(
        lines(&io(A, A), &io(&format!("{A}, {B_REQUIRED}"), A)),
        ["breaking    input   com.example#PutInput$B: required member added (target `smithy.api#String`)"]
    );
    assert_eq!(
        lines(&io(A, A), &io(A, &format!("{A}, {B_REQUIRED}"))),
        ["compatible  output  com.example#PutOutput$B: required member added (target `smithy.api#String`)"]
    );
    let with_default =
        r#""B": { "target": "smithy.api#Integer", "traits": { "smithy.api#required": {}, "smithy.api#default": 0 } }"#;
    assert_eq!(
        lines(&io(A, A), &io(&format!("{A}, {with_default}"), A)),
        ["compatible  input   com.example#PutInput$B: optional member added (target `smithy.api#Integer`)"]
    );
}

#[test]
fn member_removed_is_breaking_in_both_directions() {
    assert_eq!(
        lines(&io(&format!("{A}, {B}"), &format!("{A}, {B}")), &io(A, A)),
        [
            "breaking    input   com.example#PutInput$B: member removed (Rust field `b`)",
            "breaking    output  com.example#PutOutput$B: member removed (Rust field `b`)",
        ]
    );
}

#[test]
fn renamed_members_say_whether_the_rust_field_or_the_wire_name_changes() {
    let json_named = |name: &str| {
        format!(r#""{name}": {{ "target": "smithy.api#String", "traits": {{ "smithy.api#jsonName": "color" }} }}"#)
    };
    assert_eq!(
        lines(&io(A, &json_named("Color")), &io(A, &json_named("Colour"))),
        ["breaking    output  com.example#PutOutput$Color: member renamed to `Colour`: wire name `color` stays, Rust field `color` becomes `colour`"]
    );
    let plain = |name: &str| format!(r#""{name}": {{ "target": "smithy.api#String" }}"#);
    assert_eq!(
        lines(&io(&plain("LayerName"), A), &io(&plain("layerName"), A)),
        ["breaking    input   com.example#PutInput$LayerName: member renamed to `layerName`: Rust field `layer_name` stays, wire name `LayerName` becomes `layerName`"]
    );
    // Neither name kept: a removal and an addition.
    assert_eq!(
        lines(&io(&plain("Old"), A), &io(&plain("New"), A)),
        [
            "compatible  input   com.example#PutInput$New: optional member added (target `smithy.api#String`)",
            "breaking    input   com.example#PutInput$Old: member removed (Rust field `old`)",
        ]
    );
}

#[test]
fn member_target_changed_to_another_rust_type_is_breaking() {
    let old = io(A, A);
    let new = io(A, r#""A": { "target": "smithy.api#Integer" }"#);
    assert_eq!(
        lines(&old, &new),
        ["breaking    output  com.example#PutOutput$A: target changed from `smithy.api#String` to `smithy.api#Integer`: Rust type `String` becomes `i32`"]
    );
    let old = io(A, r#""A": { "target": "com.example#Names" }, "B": { "target": "com.example#Names" }"#)
        + r#", "com.example#Names": { "type": "list", "member": { "target": "smithy.api#String" } }"#;
    let new =
        old.replace(r#""member": { "target": "smithy.api#String" }"#, r#""member": { "target": "smithy.api#Long" }"#);
    assert!(
        lines(&old, &new).contains(&"breaking    output  com.example#Names$member: target changed from `smithy.api#String` to `smithy.api#Long`: Rust type `String` becomes `i64`".to_string()),
        "{:#?}",
        lines(&old, &new)
    );
}

#[test]
fn member_target_changed_to_the_same_rust_type_is_judged_by_its_constraints() {
    // `Name` (a string of length 1..=10) enters the closure with the new target.
    let old = io(A, A);
    let to_name = r#""A": { "target": "com.example#Name" }"#;
    assert_eq!(
        lines(&old, &io(to_name, A)),
        [
            "compatible  input   com.example#Name: shape added (string)",
            "breaking    input   com.example#PutInput$A: target changed from `smithy.api#String` to `com.example#Name`: same Rust type `String` and wire format; length changed from none to `1..=10` (tightened)",
        ]
    );
    assert_eq!(
        lines(&old, &io(A, to_name)),
        [
            "compatible  output  com.example#Name: shape added (string)",
            "compatible  output  com.example#PutOutput$A: target changed from `smithy.api#String` to `com.example#Name`: same Rust type `String` and wire format; length changed from none to `1..=10` (tightened)",
        ]
    );
    // Back to the unconstrained string loosens, which breaks no one.
    assert_eq!(
        lines(&io(to_name, A), &old),
        [
            "breaking    input   com.example#Name: shape removed (string)",
            "compatible  input   com.example#PutInput$A: target changed from `com.example#Name` to `smithy.api#String`: same Rust type `String` and wire format; length changed from `1..=10` to none (loosened)",
        ]
    );
}

#[test]
fn member_target_changed_to_a_sensitive_twin_is_compatible() {
    let secret = r#""com.example#Secret": { "type": "string", "traits": { "smithy.api#sensitive": {} } }"#;
    let old = io(A, A) + ", " + secret;
    let new = io(A, r#""A": { "target": "com.example#Secret" }"#) + ", " + secret;
    assert_eq!(
        lines(&old, &new),
        [
            "compatible  output  com.example#PutOutput$A: target changed from `smithy.api#String` to `com.example#Secret`: same Rust type `String` and wire format; now sensitive",
            "compatible  output  com.example#Secret: shape added (string)",
        ]
    );
}

#[test]
fn member_target_changed_to_another_timestamp_format_is_breaking() {
    let stamps = r#""com.example#Epoch": { "type": "timestamp" },
        "com.example#Iso": { "type": "timestamp", "traits": { "smithy.api#timestampFormat": "date-time" } }"#;
    let old = io(A, r#""T": { "target": "com.example#Epoch" }"#) + ", " + stamps;
    let new = io(A, r#""T": { "target": "com.example#Iso" }"#) + ", " + stamps;
    let report = lines(&old, &new);
    assert!(
        report.contains(&"breaking    output  com.example#PutOutput$T: target changed from `com.example#Epoch` to `com.example#Iso`: same Rust type `primitives::DateTime`, but its wire format changes (`timestampFormat` or `streaming`)".to_string()),
        "{report:#?}"
    );
}

/// A model whose service renames `Color` (to the given name, if any).
fn renaming(rename: Option<&str>, operation_rename: Option<&str>) -> String {
    let mut renames = Vec::new();
    if let Some(name) = rename {
        renames.push(format!(r#""com.example#Color": "{name}""#));
    }
    if let Some(name) = operation_rename {
        renames.push(format!(r#""com.example#Put": "{name}""#));
    }
    model(&base(&[("RED", "red")])).replace(
        r#""version": "2024-01-01","#,
        &format!(r#""version": "2024-01-01", "rename": {{ {} }},"#, renames.join(", ")),
    )
}

#[test]
fn renamed_rust_types_and_operation_modules_are_breaking() {
    let diff = |old: &str, new: &str| -> Vec<String> {
        diff::diff_bytes(old.as_bytes(), new.as_bytes(), &[]).unwrap().iter().map(ToString::to_string).collect()
    };
    assert_eq!(
        diff(&renaming(None, None), &renaming(Some("Colour"), None)),
        [
            "breaking    output  com.example#Color: Rust type renamed from `types::Color` to `types::Colour`",
            "breaking    both    com.example#Svc: shape renames changed",
        ]
    );
    let report = diff(&renaming(None, None), &renaming(None, Some("Store")));
    for line in [
        "breaking    both    com.example#Put: Rust module renamed from `operation::put` to `operation::store`",
        "breaking    input   com.example#PutInput: Rust type renamed from `operation::put::PutInput` to `operation::store::StoreInput`",
        "breaking    output  com.example#PutOutput: Rust type renamed from `operation::put::PutOutput` to `operation::store::StoreOutput`",
    ] {
        assert!(report.contains(&line.to_string()), "missing {line}\nin {report:#?}");
    }
}

#[test]
fn a_new_model_without_rust_names_is_breaking() {
    // Two shapes on one Rust type name: the new model does not generate.
    let old = renaming(None, None);
    let new = old
        .replace(
            r#""members": { "Color": { "target": "com.example#Color" } }"#,
            r#""members": { "Color": { "target": "com.example#Color" }, "Other": { "target": "com.other#Color" } }"#,
        )
        .replace(
            r#""com.example#Oops": {"#,
            r#""com.other#Color": { "type": "structure", "members": {} }, "com.example#Oops": {"#,
        );
    let report = diff::diff_bytes(old.as_bytes(), new.as_bytes(), &[]).unwrap();
    let line = report.iter().find(|c| c.message.starts_with("generates no Rust code")).expect("reported");
    assert_eq!(line.kind, Kind::Breaking);
    assert_eq!(line.shape, "com.example#Svc");
    assert!(line.message.contains("collides"), "{}", line.message);
}

#[test]
fn required_added_and_removed() {
    // Adding `required` to input breaks callers who omit the member.
    assert_eq!(lines(&io(A, A), &io(A_REQUIRED, A)), ["breaking    input   com.example#PutInput$A: now required"]);
    // On output, callers get a stronger guarantee.
    assert_eq!(lines(&io(A, A), &io(A, A_REQUIRED)), ["compatible  output  com.example#PutOutput$A: now required"]);
    // Removing it from output breaks callers who relied on the value being present.
    assert_eq!(
        lines(&io(A, A_REQUIRED), &io(A, A)),
        ["breaking    output  com.example#PutOutput$A: no longer required"]
    );
    assert_eq!(
        lines(&io(A_REQUIRED, A), &io(A, A)),
        ["compatible  input   com.example#PutInput$A: no longer required"]
    );
}

#[test]
fn default_changed_is_breaking() {
    let member =
        |d: &str| format!(r#""N": {{ "target": "smithy.api#Integer", "traits": {{ "smithy.api#default": {d} }} }}"#);
    assert_eq!(
        lines(&io(&member("0"), A), &io(&member("1"), A)),
        ["breaking    input   com.example#PutInput$N: default changed from `0` to `1`"]
    );
    assert_eq!(
        lines(&io(A, &member("0")), &io(A, &member("null"))),
        ["breaking    output  com.example#PutOutput$N: default changed from `0` to `null`"]
    );
}

/// `Name` (length 1..=10) used from input, output or both.
fn named(length: &str, input: bool, output: bool) -> String {
    let member = r#""Name": { "target": "com.example#Name" }"#;
    format!(
        r#""com.example#PutInput": {{ "type": "structure", "members": {{ {} }} }},
        "com.example#PutOutput": {{ "type": "structure", "members": {{ {} }} }},
        "com.example#Name": {{ "type": "string", "traits": {{ {length} }} }}"#,
        if input { member } else { "" },
        if output { member } else { "" },
    )
}

#[test]
fn length_tightened_or_loosened() {
    let l = |min: u32, max: u32| format!(r#""smithy.api#length": {{ "min": {min}, "max": {max} }}"#);
    assert_eq!(
        lines(&named(&l(1, 10), true, false), &named(&l(1, 5), true, false)),
        ["breaking    input   com.example#Name: length changed from `1..=10` to `1..=5` (tightened)"]
    );
    assert_eq!(
        lines(&named(&l(1, 10), true, false), &named(&l(0, 20), true, false)),
        ["compatible  input   com.example#Name: length changed from `1..=10` to `0..=20` (loosened)"]
    );
    assert_eq!(
        lines(&named(&l(1, 10), false, true), &named(&l(2, 10), false, true)),
        ["compatible  output  com.example#Name: length changed from `1..=10` to `2..=10` (tightened)"]
    );
    assert_eq!(
        lines(&named(&l(1, 10), true, true), &named(&l(2, 10), true, true)),
        ["breaking    both    com.example#Name: length changed from `1..=10` to `2..=10` (tightened)"]
    );
    assert_eq!(
        lines(&named("", true, false), &named(&l(0, 10), true, false)),
        ["breaking    input   com.example#Name: length changed from none to `0..=10` (tightened)"]
    );
}

#[test]
fn range_narrowed_on_input_is_breaking() {
    let r = |min: &str, max: &str| format!(r#""smithy.api#range": {{ "min": {min}, "max": {max} }}"#);
    let shape = |range: &str| {
        format!(
            r#""com.example#PutInput": {{ "type": "structure", "members": {{ "N": {{ "target": "com.example#Count" }} }} }},
            "com.example#PutOutput": {{ "type": "structure", "members": {{}} }},
            "com.example#Count": {{ "type": "integer", "traits": {{ {range} }} }}"#
        )
    };
    assert_eq!(
        lines(&shape(&r("0", "100")), &shape(&r("1", "100"))),
        ["breaking    input   com.example#Count: range changed from `0..=100` to `1..=100` (tightened)"]
    );
    assert_eq!(
        lines(&shape(&r("1", "100")), &shape(&r("0", "1000"))),
        ["compatible  input   com.example#Count: range changed from `1..=100` to `0..=1000` (loosened)"]
    );
}

#[test]
fn pattern_changed_is_breaking_on_input_only() {
    let p = |pattern: &str| format!(r#""smithy.api#pattern": "{pattern}""#);
    assert_eq!(
        lines(&named(&p("^[a-z]+$"), true, false), &named(&p("^[a-z0-9]+$"), true, false)),
        ["breaking    input   com.example#Name: pattern changed from `^[a-z]+$` to `^[a-z0-9]+$`"]
    );
    assert_eq!(
        lines(&named(&p("^[a-z]+$"), false, true), &named(&p("^[a-z0-9]+$"), false, true)),
        ["compatible  output  com.example#Name: pattern changed from `^[a-z]+$` to `^[a-z0-9]+$`"]
    );
    assert_eq!(
        lines(&named(&p("^[a-z]+$"), true, false), &named("", true, false)),
        ["compatible  input   com.example#Name: pattern removed `^[a-z]+$`"]
    );
}

#[test]
fn http_trait_changed_is_breaking() {
    let old = model(&io(A, A));
    let new = old.replace(r#""uri": "/put""#, r#""uri": "/v2/put""#);
    let changes = diff::diff_bytes(old.as_bytes(), new.as_bytes(), &["Put"]).unwrap();
    assert_eq!(
        changes.iter().map(ToString::to_string).collect::<Vec<_>>(),
        ["breaking    both    com.example#Put: http binding changed from `PUT /put 200` to `PUT /v2/put 200`"]
    );
}

#[test]
fn documentation_changes_are_docs() {
    let doc = |text: &str| {
        format!(
            r#""com.example#PutInput": {{ "type": "structure", "members": {{ "A": {{ "target": "smithy.api#String", "traits": {{ "smithy.api#documentation": "{text}" }} }} }}, "traits": {{ "smithy.api#documentation": "{text}" }} }},
            "com.example#PutOutput": {{ "type": "structure", "members": {{}} }}"#
        )
    };
    assert_eq!(
        lines(&doc("old"), &doc("new")),
        [
            "docs        input   com.example#PutInput: documentation changed",
            "docs        input   com.example#PutInput$A: documentation changed",
        ]
    );
}

#[test]
fn member_and_trait_order_are_not_changes() {
    let old = r#""com.example#PutInput": { "type": "structure", "members": {
            "A": { "target": "smithy.api#String", "traits": { "smithy.api#required": {}, "smithy.api#documentation": "a" } },
            "B": { "target": "smithy.api#String" } } },
        "com.example#PutOutput": { "type": "structure", "members": {} }"#;
    let new = r#""com.example#PutInput": { "type": "structure", "members": {
            "B": { "target": "smithy.api#String" },
            "A": { "target": "smithy.api#String", "traits": { "smithy.api#documentation": "a", "smithy.api#required": {} } } } },
        "com.example#PutOutput": { "type": "structure", "members": {} }"#;
    assert!(changes(old, new).is_empty(), "{:?}", lines(old, new));
}

#[test]
fn shapes_added_and_removed_and_error_directions() {
    let old = io(A, A);
    let new = io(A, r#""A": { "target": "smithy.api#String" }, "C": { "target": "com.example#Extra" }"#)
        + r#", "com.example#Extra": { "type": "structure", "members": {} }"#;
    assert_eq!(
        lines(&old, &new),
        [
            "compatible  output  com.example#Extra: shape added (structure)",
            "compatible  output  com.example#PutOutput$C: optional member added (target `com.example#Extra`)",
        ]
    );
    let report = lines(&new, &old);
    assert!(report.contains(&"breaking    output  com.example#Extra: shape removed (structure)".to_string()));
    // Errors count as output.
    let sides = diff::Side::from_bytes(model(&io(A, A)).as_bytes(), &["Put"]).unwrap();
    let dirs = diff::directions(&sides);
    assert_eq!(dirs["com.example#Oops"], Direction::Output);
    assert_eq!(dirs["com.example#PutInput"], Direction::Input);
    assert_eq!(dirs["com.example#Put"], Direction::Both);
}

#[test]
fn report_is_sorted_and_json_has_the_fields() {
    let old = base(&[("RED", "red"), ("GREEN", "green")]);
    let new = base(&[("RED", "red"), ("BLUE", "blue")]).replace(r#""max": 10"#, r#""max": 5"#);
    let changes = changes(&old, &new);
    assert_eq!(
        diff::to_text(&changes),
        "2 breaking, 1 compatible, 0 docs\n\
         breaking    output  com.example#Color: enum value removed `green`\n\
         compatible  output  com.example#Color: enum value added `blue`\n\
         breaking    input   com.example#Name: length changed from `1..=10` to `1..=5` (tightened)\n"
    );
    let json: serde_json::Value = serde_json::from_str(&diff::to_json(&changes)).unwrap();
    assert_eq!(
        json[0],
        serde_json::json!({
            "kind": "breaking",
            "direction": "output",
            "shape": "com.example#Color",
            "message": "enum value removed `green`",
        })
    );
    assert_eq!(changes[0].kind, Kind::Breaking);
    let member = lines(&io(A, A), &io(A, ""));
    assert_eq!(member, ["breaking    output  com.example#PutOutput$A: member removed (Rust field `a`)"]);
    let member_json = diff::to_json(&self::changes(&io(A, A), &io(A, "")));
    let member_json: serde_json::Value = serde_json::from_str(&member_json).unwrap();
    assert_eq!(member_json[0]["member"], "A");
}

#[test]
fn operations_default_to_those_in_both_models() {
    let old = model(&io(A, A));
    let extra_op = old.replace(
        r#""operations": [{ "target": "com.example#Put" }]"#,
        r#""operations": [{ "target": "com.example#Put" }, { "target": "com.example#Get" }]"#,
    );
    let new = extra_op.replace(
        r#""com.example#Oops": {"#,
        r#""com.example#Get": { "type": "operation", "traits": { "smithy.api#http": { "method": "GET", "uri": "/get", "code": 200 } } },
        "com.example#Oops": {"#,
    );
    // `Get` exists only in the new model: the default compares `Put` alone.
    assert!(diff::diff_bytes(old.as_bytes(), new.as_bytes(), &[]).unwrap().is_empty());
    // Named explicitly, it must exist on both sides.
    let err = diff::diff_bytes(old.as_bytes(), new.as_bytes(), &["Get"]).unwrap_err();
    assert!(err.to_string().contains("unknown operation `Get`"), "{err}");
}

#[test]
fn error_fault_and_status_changes_are_breaking() {
    let old = model(&io(A, A));
    let new = old.replace(
        r#""traits": { "smithy.api#error": "client" }"#,
        r#""traits": { "smithy.api#error": "server", "smithy.api#httpError": 503 }"#,
    );
    let changes = diff::diff_bytes(old.as_bytes(), new.as_bytes(), &[]).unwrap();
    assert_eq!(
        changes.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [
            "breaking    output  com.example#Oops: trait `smithy.api#error` changed from `client` to `server`",
            "breaking    output  com.example#Oops: trait `smithy.api#httpError` changed from none to `503`",
        ]
    );
}

//! Render stage: IR to Rust source (quote + prettyplease).
//!
//! Module layout and names follow aws-sdk-* so that moving between the two is
//! a matter of changing the crate name:
//! `operation::<op>::{<Op>Input, <Op>Output, <Op>Error}`, `types::*`,
//! `types::error::*`, builders in a `builders` module beside their type.

mod doc_example;
mod docs;
mod enums;
mod examples;
pub mod names;
mod operation;
mod prelude;
mod protocol;
mod sent_members;
mod structure;
mod types;
mod union;

use std::collections::BTreeMap;

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use crate::closure::Closure;
use crate::error::Error;
use crate::ir::{Model, Shape, ShapeId, ShapeKind};
use crate::Settings;

pub use docs::to_markdown;

/// The runtime support every generated crate carries (errors, enum payloads, serde helpers).
const SUPPORT: &str = include_str!("../../runtime/support.rs");

/// The restJson1 runtime (label encoding, error metadata, validation), gated like the glue.
const PROTOCOL: &str = include_str!("../../runtime/protocol.rs");

/// Where a generated type lives.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Place {
    /// `types`
    Types,
    /// `types::error`
    Errors,
    /// `operation::<module>`
    Operation(String),
}

/// A generated type's module and name.
#[derive(Debug, Clone)]
pub(crate) struct Home {
    pub place: Place,
    pub name: String,
}

impl Home {
    /// The absolute path of the type, e.g. `crate::types::Runtime`.
    pub fn path(&self) -> TokenStream {
        let name = ident(&self.name);
        match &self.place {
            Place::Types => quote!(crate::types::#name),
            Place::Errors => quote!(crate::types::error::#name),
            Place::Operation(m) => {
                let m = ident(m);
                quote!(crate::operation::#m::#name)
            }
        }
    }

    /// The absolute path of the type's builder.
    pub fn builder_path(&self) -> TokenStream {
        let name = ident(&names::suffixed(&self.name, "Builder"));
        match &self.place {
            Place::Types => quote!(crate::types::builders::#name),
            Place::Errors => quote!(crate::types::error::builders::#name),
            Place::Operation(m) => {
                let m = ident(m);
                quote!(crate::operation::#m::builders::#name)
            }
        }
    }
}

/// `#[deprecated]` for a shape or member with `smithy.api#deprecated`.
pub(crate) fn deprecated_attr(traits: &crate::traits::Traits) -> TokenStream {
    match &traits.deprecated {
        None => quote!(),
        Some(d) => {
            let note = match (&d.message, &d.since) {
                (Some(m), Some(since)) => format!("{m} (deprecated since {since})"),
                (Some(m), None) => m.clone(),
                (None, Some(since)) => format!("deprecated since {since}"),
                (None, None) => String::new(),
            };
            if note.is_empty() {
                quote!(#[deprecated])
            } else {
                quote!(#[deprecated(note = #note)])
            }
        }
    }
}

/// An identifier from a name that may be a raw identifier (`r#type`).
pub(crate) fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
    }
}

/// Shared state of one rendering.
pub(crate) struct Ctx<'a> {
    pub model: &'a Model,
    pub closure: &'a Closure,
    pub homes: BTreeMap<ShapeId, Home>,
    pub settings: &'a Settings,
    /// The operations' input structures (each its own shape, see
    /// [`synthesize_operation_io`]): their top-level members follow the
    /// request rules for defaults (see [`structure::unset_default`]).
    pub operation_inputs: std::collections::BTreeSet<ShapeId>,
    /// Whether prelude names are written as absolute paths (see [`prelude`]).
    pub absolute_prelude_paths: bool,
}

impl<'a> Ctx<'a> {
    pub fn shape(&self, id: &ShapeId) -> &'a Shape {
        &self.model.shapes[id]
    }

    /// The `#[cfg(feature = "...")]` of the protocol layer, if gated.
    pub fn protocol_cfg(&self) -> TokenStream {
        match &self.settings.protocol_feature {
            Some(f) => quote!(#[cfg(feature = #f)]),
            None => quote!(),
        }
    }

    fn renamed(&self, id: &ShapeId) -> String {
        self.closure
            .service
            .as_ref()
            .and_then(|s| match &self.model.shapes[s].kind {
                ShapeKind::Service(svc) => svc.rename.get(id).cloned(),
                _ => None,
            })
            .unwrap_or_else(|| id.name().to_string())
    }
}

/// Decides where every type of the closure lives and checks that names do not collide.
fn assign_homes(ctx: &mut Ctx) -> Result<(), Error> {
    let mut homes: BTreeMap<ShapeId, Home> = BTreeMap::new();
    for op_id in &ctx.closure.operations {
        let ShapeKind::Operation(op) = &ctx.model.shapes[op_id].kind else {
            continue;
        };
        let module = names::module(&ctx.renamed(op_id));
        let op_name = names::type_name(&ctx.renamed(op_id));
        for (io, suffix) in [(&op.input, "Input"), (&op.output, "Output")] {
            if let Some(id) = io {
                homes.entry(id.clone()).or_insert(Home {
                    place: Place::Operation(module.clone()),
                    name: names::suffixed(&op_name, suffix),
                });
            }
        }
    }
    for id in &ctx.closure.shapes {
        if homes.contains_key(id) {
            continue;
        }
        let shape = &ctx.model.shapes[id];
        let place = match &shape.kind {
            ShapeKind::Structure(_) if shape.traits.error.is_some() => Place::Errors,
            ShapeKind::Structure(_) | ShapeKind::Union(_) | ShapeKind::Enum(_) | ShapeKind::IntEnum(_) => Place::Types,
            _ => continue,
        };
        homes.insert(id.clone(), Home { place, name: names::type_name(&ctx.renamed(id)) });
    }
    // Every name must be a Rust identifier (renames and odd shape names may not be).
    for (id, home) in &homes {
        if syn::parse_str::<syn::Ident>(&home.name).is_err() {
            return Err(Error::at(
                id.as_str(),
                format!("its Rust name `{}` is not an identifier; rename the shape", home.name),
            ));
        }
    }
    // Two shapes may not land on the same Rust path (nor on a builder's name).
    let mut taken: BTreeMap<(Place, String), &ShapeId> = BTreeMap::new();
    for (id, home) in &homes {
        for name in [home.name.clone(), names::suffixed(&home.name, "Builder")] {
            if let Some(other) = taken.insert((home.place.clone(), name.clone()), id) {
                return Err(Error::at(
                    id.as_str(),
                    format!("its Rust name `{name}` collides with the one of `{other}`"),
                ));
            }
        }
    }
    ctx.homes = homes;
    Ok(())
}

/// The Rust names a closure generates, for `diff` to compare.
#[derive(Debug, Clone, Default)]
#[cfg(any(feature = "diff", feature = "protocol-tests"))]
pub(crate) struct RustNames {
    /// The path of every generated type (`types::Runtime`,
    /// `operation::get_layer_version::GetLayerVersionInput`) and of every
    /// operation's module (`operation::get_layer_version`), by shape id.
    pub paths: BTreeMap<ShapeId, String>,
    /// The Rust type of a member targeting each member target of the closure
    /// (`String`, `Vec<types::Runtime>`), by shape id.
    pub member_types: BTreeMap<ShapeId, String>,
}

/// The input structures of the closure's operations.
fn operation_inputs(model: &Model, closure: &Closure) -> std::collections::BTreeSet<ShapeId> {
    closure
        .operations
        .iter()
        .filter_map(|id| match &model.shapes[id].kind {
            ShapeKind::Operation(op) => op.input.clone(),
            _ => None,
        })
        .collect()
}

/// The Rust names of `closure`, decided as [`render`] decides them.
#[cfg(any(feature = "diff", feature = "protocol-tests"))]
pub(crate) fn rust_names(model: &Model, closure: &Closure) -> Result<RustNames, Error> {
    let settings = Settings::default();
    let operation_inputs = operation_inputs(model, closure);
    let mut ctx = Ctx {
        model,
        closure,
        homes: BTreeMap::new(),
        settings: &settings,
        operation_inputs,
        absolute_prelude_paths: false,
    };
    assign_homes(&mut ctx)?;
    let _bare_prelude_names = prelude::Style::enter(false);
    let module = |place: &Place| match place {
        Place::Types => "types".to_string(),
        Place::Errors => "types::error".to_string(),
        Place::Operation(m) => format!("operation::{m}"),
    };
    let mut paths: BTreeMap<ShapeId, String> =
        ctx.homes.iter().map(|(id, home)| (id.clone(), format!("{}::{}", module(&home.place), home.name))).collect();
    for op in &closure.operations {
        paths.insert(op.clone(), module(&Place::Operation(names::module(&ctx.renamed(op)))));
    }
    // Prelude shapes (`smithy.api#String`) are targets without being in the closure.
    let targets: std::collections::BTreeSet<&ShapeId> =
        closure.shapes.iter().flat_map(|id| model.shapes[id].all_members().into_iter().map(|m| &m.target)).collect();
    let member_types = targets
        .into_iter()
        .filter_map(|id| {
            let (tokens, _) = types::rust_type(&ctx, id, id.as_str()).ok()?;
            // `crate :: types :: Arn` as a reader writes it: `types::Arn`.
            let text = tokens.to_string().replace(' ', "").replace("crate::", "").replace("::std::collections::", "");
            let text = text.trim_start_matches("::").replace(',', ", ");
            Some((id.clone(), text))
        })
        .collect();
    Ok(RustNames { paths, member_types })
}

/// The Rust names of `closure` as [`render`] writes them: after each
/// operation gets input and output structures of its own, so that a shape
/// shared by operations or targeted by members keeps its `types` path.
#[cfg(feature = "protocol-tests")]
pub(crate) fn rendered_names(model: &Model, closure: &Closure) -> Result<RustNames, Error> {
    let (model, closure) = synthesize_operation_io(model, closure)?;
    rust_names(&model, &closure)
}

/// Items of one module and of its `builders` child.
#[derive(Default)]
struct ModuleItems {
    items: Vec<TokenStream>,
    builders: Vec<TokenStream>,
}

/// Gives every operation an input and output structure of its own, as
/// smithy-rs does: `smithy.api#Unit` becomes an empty structure, and a shape
/// that several operations share (or that members also target) is copied, so
/// that each `<Op>Input`/`<Op>Output` type carries only its operation's glue.
fn synthesize_operation_io(model: &Model, closure: &Closure) -> Result<(Model, Closure), Error> {
    // Only the closure (and the prelude) is rendered: copy just that.
    let mut model = Model {
        shapes: model
            .shapes
            .iter()
            .filter(|(id, _)| closure.shapes.contains(*id) || id.namespace() == crate::ir::PRELUDE)
            .map(|(id, shape)| (id.clone(), shape.clone()))
            .collect(),
    };
    // Bindings to operations and resources outside the closure go with them.
    let kept: std::collections::BTreeSet<ShapeId> = model.shapes.keys().cloned().collect();
    for shape in model.shapes.values_mut() {
        let (operations, resources) = match &mut shape.kind {
            ShapeKind::Service(s) => (&mut s.operations, &mut s.resources),
            ShapeKind::Resource(r) => (&mut r.operations, &mut r.resources),
            _ => continue,
        };
        operations.retain(|id| kept.contains(id));
        resources.retain(|id| kept.contains(id));
    }
    // How often each shape is used as an operation's input or output, or as a member target.
    let mut uses: BTreeMap<ShapeId, usize> = BTreeMap::new();
    for id in &closure.shapes {
        match &model.shapes[id].kind {
            ShapeKind::Operation(op) => {
                for io in op.input.iter().chain(op.output.iter()) {
                    *uses.entry(io.clone()).or_default() += 1;
                }
            }
            _ => {
                for m in model.shapes[id].all_members() {
                    *uses.entry(m.target.clone()).or_default() += 1;
                }
            }
        }
    }
    for op_id in &closure.operations {
        let ShapeKind::Operation(op) = &model.shapes[op_id].kind else {
            continue;
        };
        let ios = [(op.input.clone(), "Input"), (op.output.clone(), "Output")];
        for (io, suffix) in ios {
            let template = match &io {
                Some(id) if uses.get(id).copied().unwrap_or(0) <= 1 => continue,
                Some(id) => model.shapes[id].clone(),
                None => Shape {
                    id: op_id.clone(),
                    kind: ShapeKind::Structure(Vec::new()),
                    traits: crate::traits::Traits::default(),
                },
            };
            let mut name = format!("{}{suffix}", op_id.name());
            while model.shapes.keys().any(|k| k.namespace() == op_id.namespace() && k.name() == name) {
                name.push('_');
            }
            let id = ShapeId::parse(&format!("{}#{name}", op_id.namespace()))?;
            model.shapes.insert(id.clone(), Shape { id: id.clone(), ..template });
            if let Some(Shape { kind: ShapeKind::Operation(op), .. }) = model.shapes.get_mut(op_id) {
                if suffix == "Input" {
                    op.input = Some(id);
                } else {
                    op.output = Some(id);
                }
            }
        }
    }
    let ops: Vec<String> = closure.operations.iter().map(ShapeId::to_string).collect();
    let ops: Vec<&str> = ops.iter().map(String::as_str).collect();
    let closure = crate::closure::closure(&model, &ops)?;
    Ok((model, closure))
}

/// Renders the closure to formatted Rust source: the header, the `types`
/// module, the `operation` module, then the runtime support.
///
/// The two modules are rendered and formatted on two threads (when the process
/// may use more than one CPU): quote, syn and prettyplease are most of a
/// generation's time, and the modules do not depend on each other. Formatting
/// them apart gives the same text as formatting them together.
pub fn render(model: &Model, closure: &Closure, settings: &Settings) -> Result<String, Error> {
    let (model, closure) = synthesize_operation_io(model, closure)?;
    let (model, closure) = (&model, &closure);
    let operation_inputs = operation_inputs(model, closure);
    let mut ctx =
        Ctx { model, closure, homes: BTreeMap::new(), settings, operation_inputs, absolute_prelude_paths: false };
    assign_homes(&mut ctx)?;
    // The types the modules define: shapes, and per operation a marker type
    // and an error enum (builders end in `Builder`, no prelude name does).
    let operation_types: Vec<String> = closure
        .operations
        .iter()
        .flat_map(|id| [id.name().to_string(), ctx.renamed(id)])
        .map(|name| names::type_name(&name))
        .flat_map(|name| [names::suffixed(&name, "Error"), name])
        .collect();
    ctx.absolute_prelude_paths = prelude::needs_absolute_paths(
        ctx.homes.values().map(|home| home.name.as_str()).chain(operation_types.iter().map(String::as_str)),
    );
    let ctx = &ctx;

    let (operations, types) =
        crate::parallel::join(|| operation_module(ctx).and_then(format), || types_module(ctx).and_then(format));
    let (types, operations) = (types?, operations?);
    // The runtime files are already formatted Rust (their tests compile them in
    // every generated crate): appended as text, their comments stay and they
    // cost nothing to parse on every generation.
    let protocol_cfg = match &settings.protocol_feature {
        Some(feature) => format!("#[cfg(feature = {feature:?})]\n"),
        None => String::new(),
    };
    let protocol = protocol_runtime(model, closure);
    Ok(format!(
        "// @generated by smithy-codegen {}.\n// Do not edit: change the model or the generator, then regenerate.\n\n{types}{operations}\n{SUPPORT}\n{protocol_cfg}{protocol}",
        env!("CARGO_PKG_VERSION"),
    ))
}

/// The `protocol` module: the pasted runtime, plus `idempotency_token` when a
/// member of the closure is an idempotency token. Only then does the generated
/// crate need the runtime's `idempotency-token` feature, which pulls `uuid` and
/// `getrandom`.
fn protocol_runtime(model: &Model, closure: &Closure) -> String {
    let has_tokens = closure
        .shapes
        .iter()
        .filter_map(|id| model.shapes.get(id))
        .flat_map(Shape::all_members)
        .any(|member| member.traits.idempotency_token);
    if !has_tokens {
        return PROTOCOL.to_owned();
    }
    let body = PROTOCOL.trim_end().strip_suffix('}').expect("runtime/protocol.rs is one module");
    format!("{body}\n    pub use ::smithy_codegen_runtime::idempotency_token;\n}}\n")
}

/// Formats tokens that form whole items (prettyplease).
fn format(tokens: TokenStream) -> Result<String, Error> {
    let file: syn::File = syn::parse2(tokens).map_err(|e| Error::Render(e.to_string()))?;
    Ok(prettyplease::unparse(&file))
}

/// The items of one module and of its `builders` child, as module contents.
fn module_contents(items: &ModuleItems) -> TokenStream {
    let ModuleItems { items, builders } = items;
    let builders_mod = if builders.is_empty() {
        quote!()
    } else {
        quote! {
            /// Builders of the types of this module.
            pub mod builders { #(#builders)* }
        }
    };
    quote!(#(#items)* #builders_mod)
}

/// Renders the structures, enums and unions that live in `place`.
fn shape_items(ctx: &Ctx, place: &Place) -> Result<ModuleItems, Error> {
    let mut out = ModuleItems::default();
    for (id, home) in ctx.homes.iter().filter(|(_, home)| home.place == *place) {
        let shape = ctx.shape(id);
        match &shape.kind {
            ShapeKind::Structure(_) => {
                let (item, builder) = structure::render(ctx, shape, home)?;
                out.items.push(item);
                out.items.push(protocol::render_validate(ctx, shape, home)?);
                if shape.traits.error.is_some() {
                    out.items.push(protocol::render_error(ctx, shape, home)?);
                }
                out.builders.push(builder);
            }
            ShapeKind::Enum(values) => out.items.push(enums::render_enum(ctx, shape, home, values)?),
            ShapeKind::IntEnum(values) => out.items.push(enums::render_int_enum(ctx, shape, home, values)?),
            ShapeKind::Union(_) => out.items.push(union::render(ctx, shape, home)?),
            _ => {}
        }
    }
    Ok(out)
}

/// `pub mod types` (with `types::error`): the shared shapes and the errors.
fn types_module(ctx: &Ctx) -> Result<TokenStream, Error> {
    let _style = prelude::Style::enter(ctx.absolute_prelude_paths);
    let types = module_contents(&shape_items(ctx, &Place::Types)?);
    let errors = module_contents(&shape_items(ctx, &Place::Errors)?);
    let service_doc = match service_title(ctx) {
        Some(title) => format!("Shapes of {title} that the chosen operations use."),
        None => "Shapes that the chosen operations use.".to_string(),
    };
    let service_doc = docs::lines_to_attrs(&service_doc);
    Ok(quote! {
        #service_doc
        // Deprecated shapes stay usable inside the crate; users see the warnings.
        #[allow(deprecated)]
        pub mod types {
            #types
            /// Error structures the operations can return.
            pub mod error {
                #errors
            }
        }
    })
}

/// How the docs name the service: its `smithy.api#title` ("AWS Lambda"), else
/// its shape name.
fn service_title(ctx: &Ctx) -> Option<String> {
    let id = ctx.closure.service.as_ref()?;
    let title = ctx.shape(id).traits.other.get("smithy.api#title").and_then(serde_json::Value::as_str);
    Some(match title {
        Some(title) => title.to_string(),
        None => format!("`{}`", id.name()),
    })
}

/// The docs of one operation's module: what it holds, the Cargo feature that
/// enables it, and an example.
fn operation_module_doc(ctx: &Ctx, op_id: &ShapeId) -> String {
    let name = ctx.renamed(op_id);
    let mut doc = format!("Types of the `{name}` operation: its input, output and error.");
    if ctx.settings.operation_features {
        doc.push_str(&format!("\n\nEnabled by the Cargo feature `{}`.", names::cargo_feature(op_id.name())));
    }
    let example =
        ctx.settings.crate_name.as_deref().and_then(|c| doc_example::operation_example(ctx, ctx.shape(op_id), c));
    if let Some(example) = example {
        doc.push_str("\n\n");
        doc.push_str(&example);
    }
    doc
}

/// The docs of the `operation` module: one line per operation, with its
/// feature, and how to enable the others.
fn operation_list_doc(ctx: &Ctx, modules: &[(String, &ShapeId)]) -> String {
    let mut doc = String::from("One module per operation: its input, output and error types.\n");
    if ctx.settings.operation_features {
        doc.push_str(
            "\nEach operation is behind a Cargo feature of its own, so that a crate that uses one\n\
             operation compiles only that operation's types. A module missing here (``could not\n\
             find `invoke` in `operation` ``) is one whose feature is off: enable it in\n\
             `Cargo.toml`, for example `features = [\"invoke\"]`, or `\"full\"` for every operation.\n\n\
             The operations of this build:\n\n",
        );
    } else {
        doc.push('\n');
    }
    for (module, op_id) in modules {
        // Intra-doc links name keyword modules without `r#`.
        let module = module.trim_start_matches("r#");
        let name = ctx.renamed(op_id);
        let feature = names::cargo_feature(op_id.name());
        if ctx.settings.operation_features {
            doc.push_str(&format!(
                "- [`{module}`](crate::operation::{module}), the `{name}` operation: feature `{feature}`\n"
            ));
        } else {
            doc.push_str(&format!("- [`{module}`](crate::operation::{module}), the `{name}` operation\n"));
        }
    }
    doc
}

/// `pub mod operation`: one module per operation, with its input, output and
/// error types and its protocol glue.
fn operation_module(ctx: &Ctx) -> Result<TokenStream, Error> {
    let _style = prelude::Style::enter(ctx.absolute_prelude_paths);
    // In module order, as a reader of the file looks for them.
    let mut operations: Vec<(String, &ShapeId)> =
        ctx.closure.operations.iter().map(|id| (names::module(&ctx.renamed(id)), id)).collect();
    operations.sort();
    let mut op_mods = Vec::new();
    for (module, op_id) in &operations {
        let place = Place::Operation(module.clone());
        let mut items = shape_items(ctx, &place)?;
        items.items.extend(operation::render(ctx, ctx.shape(op_id))?);
        let contents = module_contents(&items);
        let m_ident = ident(module);
        let doc = docs::lines_to_attrs(&operation_module_doc(ctx, op_id));
        let badge = if ctx.settings.operation_features {
            let feature = names::cargo_feature(op_id.name());
            quote!(#[cfg_attr(docsrs, doc(cfg(feature = #feature)))])
        } else {
            quote!()
        };
        op_mods.push(quote! {
            #doc
            #badge
            pub mod #m_ident {
                #contents
            }
        });
    }
    let doc = docs::lines_to_attrs(&operation_list_doc(ctx, &operations));
    Ok(quote! {
        #doc
        #[allow(deprecated)]
        pub mod operation {
            #(#op_mods)*
        }
    })
}

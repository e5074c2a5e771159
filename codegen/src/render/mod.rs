//! Render stage: IR to Rust source (quote + prettyplease).
//!
//! Module layout and names follow aws-sdk-* so that moving between the two is
//! a matter of changing the crate name:
//! `operation::<op>::{<Op>Input, <Op>Output, <Op>Error}`, `types::*`,
//! `types::error::*`, builders in a `builders` module beside their type.

mod doc_example;
mod docs;
mod enums;
mod event_stream;
mod examples;
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
use crate::plan::{Home, Place, Plan, PreludeStyle};
use crate::Settings;

/// Rust names for Smithy names (decided by the plan stage; kept here for the
/// paths that name it `render::names`).
pub use crate::plan::names;

pub use docs::to_markdown;

/// The runtime support every generated crate carries (errors, enum payloads, serde helpers).
const SUPPORT: &str = include_str!("../../runtime/support.rs");

/// The restJson1 runtime (label encoding, error metadata, validation), gated like the glue.
const PROTOCOL: &str = include_str!("../../runtime/protocol.rs");

/// The paths of a generated type, as tokens.
pub(crate) trait HomePaths {
    /// The absolute path of the type, e.g. `crate::types::Runtime`.
    fn path(&self) -> TokenStream;
    /// The absolute path of the type's builder.
    fn builder_path(&self) -> TokenStream;
}

impl HomePaths for Home {
    fn path(&self) -> TokenStream {
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

    fn builder_path(&self) -> TokenStream {
        let name = ident(&self.builder_name());
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

/// What the printers read: the plan, and views of it.
pub(crate) struct Ctx<'a> {
    pub plan: &'a Plan,
    pub model: &'a Model,
    pub closure: &'a Closure,
    pub homes: &'a BTreeMap<ShapeId, Home>,
    pub settings: &'a Settings,
    /// How prelude names are written (see [`prelude`]).
    pub prelude: PreludeStyle,
}

impl<'a> Ctx<'a> {
    fn new(plan: &'a Plan) -> Ctx<'a> {
        Ctx {
            plan,
            model: &plan.model,
            closure: &plan.closure,
            homes: &plan.homes,
            settings: &plan.settings,
            prelude: plan.prelude,
        }
    }

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

/// The Rust names of `closure`, decided as [`render`] decides them.
#[cfg(any(feature = "diff", feature = "protocol-tests"))]
pub(crate) fn rust_names(model: &Model, closure: &Closure) -> Result<RustNames, Error> {
    let plan = Plan::names_only(model.clone(), closure.clone(), &Settings::default())?;
    let ctx = Ctx::new(&plan);
    let mut paths: BTreeMap<ShapeId, String> = ctx
        .homes
        .iter()
        .map(|(id, home)| (id.clone(), format!("{}::{}", home.place.module_path(), home.name)))
        .collect();
    for op in &closure.operations {
        paths.insert(
            op.clone(),
            Place::Operation(names::module(&crate::plan::renamed(model, closure, op))).module_path(),
        );
    }
    // Prelude shapes (`smithy.api#String`) are targets without being in the closure.
    let targets: std::collections::BTreeSet<&ShapeId> =
        closure.shapes.iter().flat_map(|id| model.shapes[id].all_members().into_iter().map(|m| &m.target)).collect();
    let member_types = targets
        .into_iter()
        .filter_map(|id| {
            let (ty, _) = plan.rust_type(id, id.as_str()).ok()?;
            let tokens = types::type_tokens(&ty, PreludeStyle::Bare);
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
    let (model, closure) = crate::plan::synthesize_operation_io(model, closure)?;
    rust_names(&model, &closure)
}

/// Items of one module and of its `builders` child.
#[derive(Default)]
struct ModuleItems {
    items: Vec<TokenStream>,
    builders: Vec<TokenStream>,
}

/// Renders the closure to formatted Rust source: the header, the `types`
/// module, the `operation` module, then the runtime support.
/// (planned by [`crate::plan::build`], then printed by [`print()`]).
pub fn render(model: &Model, closure: &Closure, settings: &Settings) -> Result<String, Error> {
    print(&crate::plan::build(model, closure, settings)?)
}

/// Prints a plan to formatted Rust source. The model checks were made while
/// planning; what can still fail is formatting the tokens (`prettyplease`).
///
/// The two modules are rendered and formatted on two threads (when the process
/// may use more than one CPU): quote, syn and prettyplease are most of a
/// generation's time, and the modules do not depend on each other. Formatting
/// them apart gives the same text as formatting them together.
pub fn print(plan: &Plan) -> Result<String, Error> {
    let ctx = &Ctx::new(plan);
    let settings = ctx.settings;
    let (operations, types) = crate::parallel::join(|| format(operation_module(ctx)), || format(types_module(ctx)));
    let (types, operations) = (types?, operations?);
    // The runtime files are already formatted Rust (their tests compile them in
    // every generated crate): appended as text, their comments stay and they
    // cost nothing to parse on every generation.
    let protocol_cfg = match &settings.protocol_feature {
        Some(feature) => format!("#[cfg(feature = {feature:?})]\n"),
        None => String::new(),
    };
    let protocol = protocol_runtime(plan.idempotency_tokens);
    let event_stream = match event_stream::runtime_module(ctx) {
        Some(module) => format(module)?,
        None => String::new(),
    };
    Ok(format!(
        "// @generated by smithy-codegen {}.\n// Do not edit: change the model or the generator, then regenerate.\n\n{types}{operations}{event_stream}\n{SUPPORT}\n{protocol_cfg}{protocol}",
        env!("CARGO_PKG_VERSION"),
    ))
}

/// The `protocol` module: the pasted runtime, plus `idempotency_token` and the
/// token providers that `to_http_request_with_tokens` takes when a
/// member of the closure is an idempotency token. Only then does the generated
/// crate need the runtime's `idempotency-token` feature, which pulls `uuid` and
/// `getrandom`.
fn protocol_runtime(idempotency_tokens: bool) -> String {
    if !idempotency_tokens {
        return PROTOCOL.to_owned();
    }
    let body = PROTOCOL.trim_end().strip_suffix('}').expect("runtime/protocol.rs is one module");
    format!(
        "{body}\n    pub use ::smithy_codegen_runtime::{{idempotency_token, IdempotencyTokenProvider, RandomIdempotencyTokens}};\n}}\n"
    )
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
fn shape_items(ctx: &Ctx, place: &Place) -> ModuleItems {
    let mut out = ModuleItems::default();
    for (id, home) in ctx.homes.iter().filter(|(_, home)| home.place == *place) {
        let shape = ctx.shape(id);
        match &shape.kind {
            ShapeKind::Structure(_) => {
                let (item, builder) = structure::render(ctx, shape, home);
                out.items.push(item);
                out.items.push(protocol::render_validate(ctx, shape, home));
                out.items.push(protocol::render_required_walk(ctx, shape, home));
                if shape.traits.error.is_some() && !event_stream::is_only_a_stream_error(ctx, id) {
                    out.items.push(protocol::render_error(ctx, shape, home));
                }
                out.builders.push(builder);
            }
            ShapeKind::Enum(values) => {
                out.items.push(enums::render_enum(ctx, shape, home, values));
                out.items.push(protocol::render_enum_check(ctx, shape, home));
            }
            ShapeKind::IntEnum(values) => {
                out.items.push(enums::render_int_enum(ctx, shape, home, values));
                out.items.push(protocol::render_enum_check(ctx, shape, home));
            }
            ShapeKind::Union(_) if shape.traits.streaming => out.items.push(event_stream::render_union(ctx, shape)),
            ShapeKind::Union(_) => {
                out.items.push(union::render(ctx, shape, home));
                out.items.push(protocol::render_union_checks(ctx, shape, home));
                out.items.push(protocol::render_required_walk(ctx, shape, home));
            }
            _ => {}
        }
    }
    if *place == Place::Errors {
        out.items.extend(event_stream::render_errors(ctx));
    }
    out
}

/// `pub mod types` (with `types::error`): the shared shapes and the errors.
fn types_module(ctx: &Ctx) -> TokenStream {
    let types = module_contents(&shape_items(ctx, &Place::Types));
    let errors = module_contents(&shape_items(ctx, &Place::Errors));
    let service_doc = match service_title(ctx) {
        Some(title) => format!("Shapes of {title} that the chosen operations use."),
        None => "Shapes that the chosen operations use.".to_string(),
    };
    let service_doc = docs::lines_to_attrs(&service_doc);
    quote! {
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
    }
}

/// How the docs name the service: its `smithy.api#title` ("AWS Lambda"), else
/// its shape name.
fn service_title(ctx: &Ctx) -> Option<String> {
    let id = ctx.closure.service.as_ref()?;
    let title = ctx.shape(id).traits.other.get("smithy.api#title").and_then(crate::ast::Node::as_str);
    Some(match title {
        Some(title) => title.to_string(),
        None => format!("`{}`", id.name()),
    })
}

/// The docs of one operation's module: what it holds, the Cargo feature that
/// enables it, and an example.
fn operation_module_doc(ctx: &Ctx, op_id: &ShapeId) -> String {
    let name = &ctx.plan.operations[op_id].name;
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
        let name = &ctx.plan.operations[*op_id].name;
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
fn operation_module(ctx: &Ctx) -> TokenStream {
    // In module order, as a reader of the file looks for them.
    let mut operations: Vec<(String, &ShapeId)> =
        ctx.plan.operations.iter().map(|(id, planned)| (planned.module.clone(), id)).collect();
    operations.sort();
    let mut op_mods = Vec::new();
    for (module, op_id) in &operations {
        let place = Place::Operation(module.clone());
        let mut items = shape_items(ctx, &place);
        items.items.extend(operation::render(ctx, ctx.shape(op_id)));
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
    quote! {
        #doc
        #[allow(deprecated)]
        pub mod operation {
            #(#op_mods)*
        }
    }
}

//! How generated code names the items of Rust's prelude it uses.
//!
//! Bare names (`Option<String>`, `Some(x)`) read best and cost a twelfth of the
//! tokens of absolute paths (`::std::option::Option`), which matters: the
//! renderer's time goes mostly to tokens that syn parses and prettyplease
//! prints. A generated type of the same name would shadow a prelude name in
//! its module, though (a model may well have a shape called `String` or
//! `Result`), so when any generated type takes one of these names, every use
//! is written as an absolute path instead.
//!
//! The plan decides the style ([`PreludeStyle`], `Plan::prelude`), and it
//! reaches the printers as a value: [`Ctx::prelude`](super::Ctx), or a
//! `style: PreludeStyle` argument for helpers without a `Ctx`. There is no
//! global or thread-local state: a printer binds the names it uses, as its
//! style writes them, to locals of the same names
//! (`let_prelude!(ctx.prelude => OPTION, STRING);`), and its templates
//! interpolate them (`quote!(#OPTION<#STRING>)`). The table's constants are
//! private and [`PreludeName`] has no `ToTokens`, so a template that names a
//! prelude item without binding it does not compile (rather than silently
//! picking a style).

use proc_macro2::{Ident, Punct, Spacing, Span, TokenStream};
use quote::{ToTokens, TokenStreamExt};

pub(crate) use crate::plan::PreludeStyle;

/// A prelude item: its bare name and the absolute path it stands for.
#[derive(Clone, Copy)]
pub(crate) struct PreludeName {
    bare: &'static str,
    path: &'static [&'static str],
}

macro_rules! prelude_table {
    ($($constant:ident = $($segment:ident)::+;)*) => {
        $(
            const $constant: PreludeName = PreludeName {
                bare: last!($($segment)+),
                path: &[$(stringify!($segment)),+],
            };
        )*
        /// Every prelude name as one style writes it ([`let_prelude!`]
        /// binds the fields a printer uses).
        #[allow(non_snake_case)]
        #[derive(Clone, Copy)]
        pub(crate) struct PreludeNames {
            $(pub $constant: Styled,)*
        }

        /// The prelude names as `style` writes them.
        pub(crate) fn prelude_names(style: PreludeStyle) -> PreludeNames {
            PreludeNames { $($constant: $constant.styled(style),)* }
        }

        /// Every bare name above: the plan's list must match it.
        #[cfg(test)]
        const BARE_NAMES: &[&str] = &[$($constant.bare),*];
    };
}

/// Binds the prelude names listed, as `style` writes them, to locals of the
/// same names for the templates that follow to interpolate:
/// `let_prelude!(ctx.prelude => OPTION, STRING);` then
/// `quote!(#OPTION<#STRING>)`. (The caller writes the names, so the locals
/// are visible to its code: a macro cannot bind names of its own there.)
macro_rules! let_prelude {
    ($style:expr => $($name:ident),+ $(,)?) => {
        #[allow(non_snake_case)]
        let $crate::render::prelude::PreludeNames { $($name,)+ .. } =
            $crate::render::prelude::prelude_names($style);
    };
}
pub(crate) use let_prelude;

macro_rules! last {
    ($first:ident) => { stringify!($first) };
    ($first:ident $($rest:ident)+) => { last!($($rest)+) };
}

prelude_table! {
    OPTION = std::option::Option;
    SOME = std::option::Option::Some;
    NONE = std::option::Option::None;
    RESULT = std::result::Result;
    OK = std::result::Result::Ok;
    ERR = std::result::Result::Err;
    STRING = std::string::String;
    VEC = std::vec::Vec;
    BOX = std::boxed::Box;
    DEFAULT = std::default::Default;
    INTO = std::convert::Into;
    AS_REF = std::convert::AsRef;
}

/// A prelude name as one style writes it: what templates interpolate.
#[derive(Clone, Copy)]
pub(crate) struct Styled {
    name: PreludeName,
    absolute: bool,
}

impl PreludeName {
    /// The name as `style` writes it.
    pub(crate) fn styled(self, style: PreludeStyle) -> Styled {
        Styled { name: self, absolute: style == PreludeStyle::Absolute }
    }
}

impl ToTokens for Styled {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        if self.absolute {
            for segment in self.name.path {
                tokens.append(Punct::new(':', Spacing::Joint));
                tokens.append(Punct::new(':', Spacing::Alone));
                tokens.append(Ident::new(segment, Span::call_site()));
            }
        } else {
            tokens.append(Ident::new(self.name.bare, Span::call_site()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    #[test]
    fn bare_unless_a_generated_type_shadows_a_name() {
        assert_eq!(PreludeStyle::for_types(["Runtime", "GetLayerVersionOutput"].into_iter()), PreludeStyle::Bare);
        assert_eq!(PreludeStyle::for_types(["Runtime", "String"].into_iter()), PreludeStyle::Absolute);
        assert_eq!(BARE_NAMES, crate::plan::PRELUDE_NAMES);
        let bare = {
            let PreludeNames { OPTION: option, STRING: string, .. } = prelude_names(PreludeStyle::Bare);
            quote!(#option<#string>).to_string()
        };
        let absolute = {
            let PreludeNames { OPTION: option, STRING: string, .. } = prelude_names(PreludeStyle::Absolute);
            quote!(#option<#string>).to_string()
        };
        assert_eq!(bare, "Option < String >");
        assert_eq!(absolute, ":: std :: option :: Option < :: std :: string :: String >");
    }
}

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
//! The plan decides the style ([`PreludeStyle`]); templates interpolate the
//! constants below (`#OPTION<#STRING>`), and the style that the printer in
//! progress on the current thread entered picks the form.

use std::cell::Cell;

use proc_macro2::{Ident, Punct, Spacing, Span, TokenStream};
use quote::{ToTokens, TokenStreamExt};

use crate::plan::PreludeStyle;

/// A prelude item: its bare name and the absolute path it stands for.
#[derive(Clone, Copy)]
pub(crate) struct PreludeName {
    bare: &'static str,
    path: &'static [&'static str],
}

macro_rules! prelude_names {
    ($($constant:ident = $($segment:ident)::+;)*) => {
        $(
            pub(crate) const $constant: PreludeName = PreludeName {
                bare: last!($($segment)+),
                path: &[$(stringify!($segment)),+],
            };
        )*
        /// Every bare name above: the plan's list must match it.
        #[cfg(test)]
        const BARE_NAMES: &[&str] = &[$($constant.bare),*];
    };
}

macro_rules! last {
    ($first:ident) => { stringify!($first) };
    ($first:ident $($rest:ident)+) => { last!($($rest)+) };
}

prelude_names! {
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

thread_local! {
    /// Whether the rendering on this thread writes absolute paths.
    static ABSOLUTE: Cell<bool> = const { Cell::new(false) };
}

/// Sets the style of the current thread's rendering until dropped.
pub(crate) struct Style {
    previous: bool,
}

impl Style {
    pub(crate) fn enter(style: PreludeStyle) -> Style {
        Style { previous: ABSOLUTE.replace(style == PreludeStyle::Absolute) }
    }
}

impl Drop for Style {
    fn drop(&mut self) {
        ABSOLUTE.set(self.previous);
    }
}

impl ToTokens for PreludeName {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        if ABSOLUTE.get() {
            for segment in self.path {
                tokens.append(Punct::new(':', Spacing::Joint));
                tokens.append(Punct::new(':', Spacing::Alone));
                tokens.append(Ident::new(segment, Span::call_site()));
            }
        } else {
            tokens.append(Ident::new(self.bare, Span::call_site()));
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
        let bare = quote!(#OPTION<#STRING>).to_string();
        let absolute = {
            let _style = Style::enter(PreludeStyle::Absolute);
            quote!(#OPTION<#STRING>).to_string()
        };
        assert_eq!(bare, "Option < String >");
        assert_eq!(absolute, ":: std :: option :: Option < :: std :: string :: String >");
        // The style ends with its guard.
        assert_eq!(quote!(#SOME).to_string(), "Some");
    }
}

//! Where a checked value sits in an input, as a JSON pointer.

use std::fmt;

/// The place of a value inside an input: a chain of member names, list
/// indexes and map keys, borrowed from the checks' stack frames so that
/// walking an input allocates nothing. It becomes text (a JSON pointer, RFC
/// 6901) only when a value breaks a constraint.
///
/// ```
/// use smithy_codegen_runtime::validation::Path;
///
/// let list = Path::ROOT.member("list");
/// let item = list.index(0);
/// assert_eq!(item.to_string(), "/list/0");
/// let map = Path::ROOT.member("map");
/// assert_eq!(map.key("a/b~c").to_string(), "/map/a~1b~0c");
/// assert_eq!(Path::ROOT.to_string(), "");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    segment: Segment<'a>,
}

#[derive(Debug, Clone, Copy)]
enum Segment<'a> {
    Root,
    Member(&'static str),
    Index(usize),
    Key(&'a str),
}

impl<'a> Path<'a> {
    /// The input itself.
    pub const ROOT: Path<'static> = Path { parent: None, segment: Segment::Root };

    /// The structure or union member `name` (the model's member name) of the value here.
    pub fn member(&'a self, name: &'static str) -> Path<'a> {
        Path { parent: Some(self), segment: Segment::Member(name) }
    }

    /// The list item at `index` of the value here.
    pub fn index(&'a self, index: usize) -> Path<'a> {
        Path { parent: Some(self), segment: Segment::Index(index) }
    }

    /// The map value under `key` of the value here.
    pub fn key(&'a self, key: &'a str) -> Path<'a> {
        Path { parent: Some(self), segment: Segment::Key(key) }
    }

    /// The innermost member name on the path (`""` at the root).
    pub fn member_name(&self) -> &'static str {
        let mut here = Some(self);
        while let Some(path) = here {
            if let Segment::Member(name) = path.segment {
                return name;
            }
            here = path.parent;
        }
        ""
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(parent) = self.parent {
            parent.fmt(f)?;
        }
        match self.segment {
            Segment::Root => Ok(()),
            Segment::Member(name) => write!(f, "/{name}"),
            Segment::Index(index) => write!(f, "/{index}"),
            Segment::Key(key) => {
                f.write_str("/")?;
                // RFC 6901: `~` and `/` inside a reference token are escaped.
                for c in key.chars() {
                    match c {
                        '~' => f.write_str("~0")?,
                        '/' => f.write_str("~1")?,
                        c => write!(f, "{c}")?,
                    }
                }
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn member_name_is_the_innermost_member() {
        let outer = Path::ROOT.member("outer");
        let list = outer.member("list");
        let item = list.index(3);
        let key = item.key("k");
        assert_eq!(key.member_name(), "list");
        assert_eq!(key.to_string(), "/outer/list/3/k");
        assert_eq!(Path::ROOT.member_name(), "");
    }
}

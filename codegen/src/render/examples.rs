//! `smithy.api#examples` values are Smithy node values, not wire JSON: blobs
//! are plain strings and timestamps are date-time strings. This turns them into
//! the JSON documents the generated serde impls read, guided by the shapes.

use super::Ctx;
use crate::ast::{Node, NodeMap};
use crate::ir::{ShapeId, ShapeKind, Simple};
use crate::traits::Traits;

/// The wire JSON of an example node value of `target`.
pub(crate) fn to_wire(ctx: &Ctx, target: &ShapeId, member: Option<&Traits>, value: &Node) -> Node {
    let shape = ctx.shape(target);
    match (&shape.kind, value) {
        (ShapeKind::Structure(members) | ShapeKind::Union(members), Node::Object(fields)) => {
            let mut out = NodeMap::new();
            for (name, field) in fields {
                match members.iter().find(|m| &m.name == name) {
                    Some(m) => {
                        let wire = m.traits.json_name.clone().unwrap_or_else(|| m.name.clone());
                        out.insert(wire, to_wire(ctx, &m.target, Some(&m.traits), field));
                    }
                    None => {
                        out.insert(name.clone(), field.clone());
                    }
                }
            }
            Node::Object(out)
        }
        (ShapeKind::List(m), Node::Array(items)) => {
            Node::Array(items.iter().map(|v| to_wire(ctx, &m.target, Some(&m.traits), v)).collect())
        }
        (ShapeKind::Map { value: m, .. }, Node::Object(fields)) => {
            Node::Object(fields.iter().map(|(k, v)| (k.clone(), to_wire(ctx, &m.target, Some(&m.traits), v))).collect())
        }
        (ShapeKind::Simple(Simple::Blob), Node::String(text)) => Node::String(base64(text.as_bytes())),
        (ShapeKind::Simple(Simple::Timestamp), Node::String(text)) => {
            let format =
                member.and_then(|t| t.timestamp_format.clone()).or_else(|| shape.traits.timestamp_format.clone());
            match (format.as_deref(), epoch_seconds(text)) {
                (None | Some("epoch-seconds"), Some(secs)) => {
                    crate::ast::Number::from_f64(secs).map(Node::Number).unwrap_or_else(|| value.clone())
                }
                _ => value.clone(),
            }
        }
        _ => value.clone(),
    }
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            out.push(if i <= chunk.len() { ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char } else { '=' });
        }
    }
    out
}

/// Seconds since the epoch of an RFC 3339 date-time (`2016-11-21T19:49:20.006Z`, `+01:00` offsets).
fn epoch_seconds(text: &str) -> Option<f64> {
    let (date, rest) = text.split_once(['T', 't'])?;
    let mut parts = date.split('-');
    let (y, m, d): (i64, i64, i64) =
        (parts.next()?.parse().ok()?, parts.next()?.parse().ok()?, parts.next()?.parse().ok()?);
    let (time, offset) = if let Some(t) = rest.strip_suffix(['Z', 'z']) {
        (t, 0)
    } else {
        let at = rest.rfind(['+', '-'])?;
        let (t, o) = rest.split_at(at);
        let sign = if o.starts_with('-') { -1 } else { 1 };
        let (oh, om) = o[1..].split_once(':')?;
        (t, sign * (oh.parse::<i64>().ok()? * 3600 + om.parse::<i64>().ok()? * 60))
    };
    let mut hms = time.split(':');
    let (h, mi): (i64, i64) = (hms.next()?.parse().ok()?, hms.next()?.parse().ok()?);
    let s: f64 = hms.next()?.parse().ok()?;
    // Days from civil (Howard Hinnant's algorithm).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some((days * 86_400 + h * 3600 + mi * 60 - offset) as f64 + s)
}

#[cfg(test)]
mod tests {
    use super::{base64, epoch_seconds};

    #[test]
    fn date_times_and_base64() {
        assert_eq!(epoch_seconds("2018-11-14T23:03:52.894Z"), Some(1_542_236_632.894));
        assert_eq!(epoch_seconds("1970-01-01T01:00:00+01:00"), Some(0.0));
        assert_eq!(epoch_seconds("not a date"), None);
        assert_eq!(base64(b"{}"), "e30=");
        assert_eq!(base64(b"abc"), "YWJj");
    }
}

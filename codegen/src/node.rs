//! Smithy node values (trait values, metadata, defaults) as the model writes them.
//!
//! Smithy holds numbers as BigDecimal, and its own suites use values beyond
//! the f64 range (`2e+308`). serde_json's `Value` holds only i64, u64 and
//! finite f64; its `arbitrary_precision` feature would hold more, but Cargo
//! unifies features, so it would change `serde_json::Value` for every crate of
//! a user's build. Hence a value type of our own, whose numbers keep their
//! source text beside a fast numeric view.

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::fmt;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;

mod reader;

/// The entries of an object node, sorted by key (as `serde_json::Map` keeps them).
pub type NodeMap = BTreeMap<String, Node>;

/// One node value: what JSON can write, with numbers of any size and precision.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Node {
    /// `null`.
    #[default]
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, kept as written.
    Number(Number),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Node>),
    /// An object.
    Object(NodeMap),
}

/// A number as written (JSON number syntax), with the closest machine value.
///
/// Two numbers are equal when they denote the same decimal value, as Smithy's
/// BigDecimal comparison has it: `2e+308 == 2E+308 == 20e307` and `1.0 == 1`.
#[derive(Clone)]
pub struct Number {
    text: Box<str>,
    view: View,
}

/// The machine value of a number: exact for integers within i64 or u64.
#[derive(Debug, Clone, Copy)]
enum View {
    Int(i64),
    UInt(u64),
    /// Infinite when the number is beyond the f64 range.
    Float(f64),
}

impl Number {
    /// The number written as `text`, or `None` unless `text` is a JSON number
    /// (Smithy's IDL writes numbers the same way).
    pub fn parse(text: &str) -> Option<Number> {
        let integral = is_json_number(text)?;
        let view = if integral {
            match text.parse::<i64>() {
                Ok(i) => View::Int(i),
                Err(_) => text.parse::<u64>().map_or_else(|_| View::Float(float(text)), View::UInt),
            }
        } else {
            View::Float(float(text))
        };
        Some(Number { text: text.into(), view })
    }

    /// A finite f64, written as serde_json writes it (`1.0`, `1e100`); `None` otherwise.
    pub fn from_f64(value: f64) -> Option<Number> {
        let text = serde_json::Number::from_f64(value)?.to_string();
        Some(Number { text: text.into(), view: View::Float(value) })
    }

    /// The number as written.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The value, when it is an integer written without fraction or exponent that fits an i64.
    pub fn as_i64(&self) -> Option<i64> {
        match self.view {
            View::Int(i) => Some(i),
            View::UInt(u) => i64::try_from(u).ok(),
            View::Float(_) => None,
        }
    }

    /// The value, when it is an integer written without fraction or exponent that fits a u64.
    pub fn as_u64(&self) -> Option<u64> {
        match self.view {
            View::Int(i) => u64::try_from(i).ok(),
            View::UInt(u) => Some(u),
            View::Float(_) => None,
        }
    }

    /// The closest f64, or `None` when the number is beyond the f64 range.
    pub fn as_f64(&self) -> Option<f64> {
        match self.view {
            View::Int(i) => Some(i as f64),
            View::UInt(u) => Some(u as f64),
            View::Float(f) => Some(f).filter(|f| f.is_finite()),
        }
    }

    /// The exact value of an integer written without fraction or exponent.
    fn integer(&self) -> Option<i128> {
        match self.view {
            View::Int(i) => Some(i128::from(i)),
            View::UInt(u) => Some(i128::from(u)),
            View::Float(_) => None,
        }
    }

    /// Whether [`Number::as_i64`] gives the value.
    pub fn is_i64(&self) -> bool {
        self.as_i64().is_some()
    }

    /// Whether [`Number::as_u64`] gives the value.
    pub fn is_u64(&self) -> bool {
        self.as_u64().is_some()
    }

    /// Whether the number has a fraction or an exponent, or is too large for an integer type.
    pub fn is_f64(&self) -> bool {
        matches!(self.view, View::Float(_))
    }

    /// The decimal value as sign, significant digits (no leading or trailing
    /// zeros; empty for zero) and exponent, such that the value is
    /// `0.DIGITS * 10^exponent`.
    fn decimal(&self) -> (bool, String, i64) {
        let text = self.text.as_ref();
        let (negative, unsigned) = text.strip_prefix('-').map_or((false, text), |rest| (true, rest));
        let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
            Some(at) => (&unsigned[..at], saturating_exponent(&unsigned[at + 1..])),
            None => (unsigned, 0),
        };
        let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let all: String = int.chars().chain(frac.chars()).collect();
        let leading = all.len() - all.trim_start_matches('0').len();
        let digits = all.trim_matches('0').to_string();
        if digits.is_empty() {
            return (false, digits, 0);
        }
        let point = int.len() as i64 - leading as i64;
        (negative, digits, exponent.saturating_add(point))
    }
}

/// Whether `text` is a JSON number; `Some(true)` when it has neither fraction nor exponent.
fn is_json_number(text: &str) -> Option<bool> {
    let bytes = text.strip_prefix('-').unwrap_or(text).as_bytes();
    let digits = |from: usize| bytes[from..].iter().take_while(|b| b.is_ascii_digit()).count();
    let int = digits(0);
    if int == 0 || (int > 1 && bytes[0] == b'0') {
        return None;
    }
    let mut at = int;
    if bytes.get(at) == Some(&b'.') {
        let frac = digits(at + 1);
        if frac == 0 {
            return None;
        }
        at += 1 + frac;
    }
    if matches!(bytes.get(at), Some(b'e' | b'E')) {
        at += 1;
        if matches!(bytes.get(at), Some(b'+' | b'-')) {
            at += 1;
        }
        let exp = digits(at);
        if exp == 0 {
            return None;
        }
        at += exp;
    }
    (at == bytes.len()).then_some(at == int)
}

/// The f64 nearest to a valid JSON number; infinite beyond the f64 range.
fn float(text: &str) -> f64 {
    text.parse::<f64>().unwrap_or(f64::NAN)
}

/// An exponent's value, clamped far beyond any number a model could use so
/// that arithmetic on it cannot overflow.
fn saturating_exponent(text: &str) -> i64 {
    const LIMIT: i64 = i64::MAX / 4;
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let magnitude = digits.bytes().try_fold(0i64, |n, d| n.checked_mul(10)?.checked_add(i64::from(d - b'0')));
    let magnitude = magnitude.unwrap_or(LIMIT).min(LIMIT);
    if negative {
        -magnitude
    } else {
        magnitude
    }
}

impl PartialEq for Number {
    fn eq(&self, other: &Number) -> bool {
        if self.text == other.text {
            return true;
        }
        match (self.integer(), other.integer()) {
            (Some(a), Some(b)) => a == b,
            _ => self.decimal() == other.decimal(),
        }
    }
}

impl PartialOrd for Number {
    /// Orders by decimal value, as [`PartialEq`] compares.
    fn partial_cmp(&self, other: &Number) -> Option<Ordering> {
        if self == other {
            return Some(Ordering::Equal);
        }
        let ((a_neg, a_digits, a_exp), (b_neg, b_digits, b_exp)) = (self.decimal(), other.decimal());
        // Magnitudes: zero is smallest, then the larger exponent, then the digits.
        let magnitude = match (a_digits.is_empty(), b_digits.is_empty()) {
            (true, true) => Ordering::Equal,
            (true, false) => Ordering::Less,
            (false, true) => Ordering::Greater,
            (false, false) => a_exp.cmp(&b_exp).then_with(|| a_digits.cmp(&b_digits)),
        };
        let sign = |negative: bool, digits: &str| match (negative, digits.is_empty()) {
            (_, true) => 0,
            (true, false) => -1,
            (false, false) => 1,
        };
        let (a_sign, b_sign) = (sign(a_neg, &a_digits), sign(b_neg, &b_digits));
        Some(match a_sign.cmp(&b_sign) {
            Ordering::Equal if a_sign < 0 => magnitude.reverse(),
            Ordering::Equal => magnitude,
            unequal => unequal,
        })
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl fmt::Debug for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Number({})", self.text)
    }
}

impl From<i64> for Number {
    fn from(value: i64) -> Number {
        Number { text: value.to_string().into(), view: View::Int(value) }
    }
}

impl From<u64> for Number {
    fn from(value: u64) -> Number {
        Number { text: value.to_string().into(), view: View::UInt(value) }
    }
}

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.view {
            // Integer text without fraction or exponent is canonical, except `-0`.
            View::Int(i) if &*self.text != "-0" => serializer.serialize_i64(i),
            View::UInt(u) => serializer.serialize_u64(u),
            // serde_json writes a raw value's text as it is.
            _ => RawValue::from_string(self.text.to_string()).map_err(serde::ser::Error::custom)?.serialize(serializer),
        }
    }
}

impl Node {
    /// Reads one JSON value; numbers keep their text, whatever their size.
    pub fn from_json_str(json: &str) -> Result<Node, serde_json::Error> {
        serde_json::from_str(json)
    }

    /// The value as serde_json's; fails on a number beyond the f64 range.
    pub fn to_json_value(&self) -> Result<serde_json::Value, serde_json::Error> {
        use serde_json::Value;
        Ok(match self {
            Node::Null => Value::Null,
            Node::Bool(b) => Value::Bool(*b),
            Node::Number(n) => match n.view {
                View::Int(i) => Value::from(i),
                View::UInt(u) => Value::from(u),
                View::Float(f) => serde_json::Number::from_f64(f)
                    .map(Value::Number)
                    .ok_or_else(|| serde_json::Error::custom(format_args!("number `{n}` is beyond the f64 range")))?,
            },
            Node::String(s) => Value::String(s.clone()),
            Node::Array(items) => Value::Array(items.iter().map(Node::to_json_value).collect::<Result<_, _>>()?),
            Node::Object(entries) => Value::Object(
                entries
                    .iter()
                    .map(|(k, v)| Ok((k.clone(), v.to_json_value()?)))
                    .collect::<Result<_, serde_json::Error>>()?,
            ),
        })
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Node::String(s) => Some(s),
            _ => None,
        }
    }

    /// The boolean, if this is one.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Node::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The number, if this is one.
    pub fn as_number(&self) -> Option<&Number> {
        match self {
            Node::Number(n) => Some(n),
            _ => None,
        }
    }

    /// See [`Number::as_i64`].
    pub fn as_i64(&self) -> Option<i64> {
        self.as_number()?.as_i64()
    }

    /// See [`Number::as_u64`].
    pub fn as_u64(&self) -> Option<u64> {
        self.as_number()?.as_u64()
    }

    /// See [`Number::as_f64`].
    pub fn as_f64(&self) -> Option<f64> {
        self.as_number()?.as_f64()
    }

    /// The items, if this is an array.
    pub fn as_array(&self) -> Option<&Vec<Node>> {
        match self {
            Node::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The items, if this is an array.
    pub fn as_array_mut(&mut self) -> Option<&mut Vec<Node>> {
        match self {
            Node::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The entries, if this is an object.
    pub fn as_object(&self) -> Option<&NodeMap> {
        match self {
            Node::Object(entries) => Some(entries),
            _ => None,
        }
    }

    /// The entries, if this is an object.
    pub fn as_object_mut(&mut self) -> Option<&mut NodeMap> {
        match self {
            Node::Object(entries) => Some(entries),
            _ => None,
        }
    }

    /// The value under `key`, if this is an object that has it.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.as_object()?.get(key)
    }

    /// Whether this is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Node::Null)
    }

    /// Whether this is `true` or `false`.
    pub fn is_boolean(&self) -> bool {
        matches!(self, Node::Bool(_))
    }

    /// Whether this is a number.
    pub fn is_number(&self) -> bool {
        matches!(self, Node::Number(_))
    }

    /// Whether this is a string.
    pub fn is_string(&self) -> bool {
        matches!(self, Node::String(_))
    }

    /// Whether this is an array.
    pub fn is_array(&self) -> bool {
        matches!(self, Node::Array(_))
    }

    /// Whether this is an object.
    pub fn is_object(&self) -> bool {
        matches!(self, Node::Object(_))
    }
}

impl<'de> Deserialize<'de> for Node {
    /// Borrows the value's text from the input (`serde_json::from_str` or
    /// `from_slice`), so that numbers are never converted on the way.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Node, D::Error> {
        let raw = <&'de RawValue>::deserialize(deserializer)?;
        reader::read(raw.get()).map_err(D::Error::custom)
    }
}

impl Serialize for Node {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Node::Null => serializer.serialize_unit(),
            Node::Bool(b) => serializer.serialize_bool(*b),
            Node::Number(n) => n.serialize(serializer),
            Node::String(s) => serializer.serialize_str(s),
            Node::Array(items) => items.serialize(serializer),
            Node::Object(entries) => entries.serialize(serializer),
        }
    }
}

/// Compact JSON, numbers as written.
impl fmt::Display for Node {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&serde_json::to_string(self).map_err(|_| fmt::Error)?)
    }
}

impl From<bool> for Node {
    fn from(value: bool) -> Node {
        Node::Bool(value)
    }
}

impl From<&str> for Node {
    fn from(value: &str) -> Node {
        Node::String(value.to_string())
    }
}

impl From<String> for Node {
    fn from(value: String) -> Node {
        Node::String(value)
    }
}

impl From<i32> for Node {
    fn from(value: i32) -> Node {
        Node::Number(i64::from(value).into())
    }
}

impl From<i64> for Node {
    fn from(value: i64) -> Node {
        Node::Number(value.into())
    }
}

impl From<u64> for Node {
    fn from(value: u64) -> Node {
        Node::Number(value.into())
    }
}

/// `null` for a value JSON cannot write (infinite or NaN), as serde_json does.
impl From<f64> for Node {
    fn from(value: f64) -> Node {
        Number::from_f64(value).map_or(Node::Null, Node::Number)
    }
}

impl From<Number> for Node {
    fn from(value: Number) -> Node {
        Node::Number(value)
    }
}

impl From<Vec<Node>> for Node {
    fn from(value: Vec<Node>) -> Node {
        Node::Array(value)
    }
}

impl From<NodeMap> for Node {
    fn from(value: NodeMap) -> Node {
        Node::Object(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(text: &str) -> Number {
        Number::parse(text).unwrap_or_else(|| panic!("`{text}` is a number"))
    }

    #[test]
    fn numbers_beyond_f64_keep_their_text_through_json() {
        let json = r#"{"a":1.7976931348623157E+309,"b":[2e+308,-0,0.5,18446744073709551616]}"#;
        let node = Node::from_json_str(json).unwrap();
        assert_eq!(node.to_string(), json);
        assert_eq!(node.get("a").and_then(Node::as_f64), None, "beyond f64: no f64 view");
        assert!(node.get("a").unwrap().as_number().unwrap().is_f64());
        assert_eq!(
            node.to_json_value().unwrap_err().to_string(),
            "number `1.7976931348623157E+309` is beyond the f64 range"
        );
        let small = Node::from_json_str(r#"[-0, 1.50, 1e2, 18446744073709551615]"#).unwrap();
        assert_eq!(small.to_json_value().unwrap().to_string(), "[0,1.5,100.0,18446744073709551615]");
    }

    #[test]
    fn numeric_views_are_exact_for_integers() {
        assert_eq!(number("-9223372036854775808").as_i64(), Some(i64::MIN));
        assert_eq!(number("18446744073709551615").as_u64(), Some(u64::MAX));
        assert_eq!(number("18446744073709551615").as_i64(), None);
        assert_eq!(number("-1").as_u64(), None);
        assert_eq!(number("1.0").as_i64(), None, "a fraction makes a float, as serde_json has it");
        assert_eq!(number("1e2").as_f64(), Some(100.0));
        assert_eq!(Node::from(1.5).to_string(), "1.5");
        assert_eq!(Node::from(f64::INFINITY), Node::Null);
    }

    #[test]
    fn numbers_compare_by_decimal_value() {
        let same = [
            ("2e+308", "2E+308"),
            ("2e+308", "20E307"),
            ("1", "1.0"),
            ("1", "1e0"),
            ("100", "1E2"),
            ("0.001", "1e-3"),
            ("0", "-0.0"),
            ("-1.50", "-15e-1"),
            ("1.7976931348623157E+309", "17976931348623157e293"),
        ];
        for (a, b) in same {
            assert_eq!(number(a), number(b), "{a} == {b}");
            assert_eq!(number(a).partial_cmp(&number(b)), Some(Ordering::Equal));
        }
        let ordered = ["-2e+308", "-1", "-0.5", "0", "1e-400", "0.5", "1", "10", "2e+308", "1e99999999999999999999999"];
        for pair in ordered.windows(2) {
            let (a, b) = (number(pair[0]), number(pair[1]));
            assert_ne!(a, b);
            assert_eq!(a.partial_cmp(&b), Some(Ordering::Less), "{a} < {b}");
            assert_eq!(b.partial_cmp(&a), Some(Ordering::Greater), "{b} > {a}");
        }
    }

    #[test]
    fn only_json_number_syntax_is_a_number() {
        for bad in ["", "-", "01", "1.", ".5", "1e", "1e+", "+1", "1x", "NaN", "Infinity", "0x10"] {
            assert!(Number::parse(bad).is_none(), "`{bad}` is not a number");
        }
        for good in ["0", "-0", "10", "1.5", "1e5", "1E-5", "-2.5e+10"] {
            assert_eq!(number(good).as_str(), good);
        }
    }

    #[test]
    fn strings_with_and_without_escapes_read_alike() {
        let node = Node::from_json_str(r#"["plain", "a\"b\u00e9\n", {"k\u0041": null}]"#).unwrap();
        assert_eq!(node.as_array().unwrap()[0].as_str(), Some("plain"));
        assert_eq!(node.as_array().unwrap()[1].as_str(), Some("a\"b\u{e9}\n"));
        assert!(node.as_array().unwrap()[2].get("kA").is_some_and(Node::is_null));
    }
}

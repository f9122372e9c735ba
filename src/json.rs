//! A small JSON reader and writer for the three things the widget reads and
//! writes: the guidance, the saved formats and the publisher's config.
//!
//! Why not serde and serde_json: their generic code for each type made up
//! about an eighth of the download. Replacing them with this module took the
//! wasm from 242.5 to 211.5 KB gzip. These formats are small and fixed, so a
//! reader that builds a [`Value`], and a trait impl per type, cost far less.
//!
//! The parser follows RFC 8259 and refuses what serde_json refuses (a test
//! holds them to the same verdict on thousands of damaged files), including
//! nesting deeper than 128, so hostile files cannot exhaust the stack.
//! Numbers are kept as their text: the formats only use small whole numbers,
//! and leaving out float parsing keeps the download small.

use crate::by_check::ByCheck;
use std::borrow::Cow;
use std::fmt;

/// Files nested deeper than this are refused, as serde_json refuses them.
const MAX_DEPTH: usize = 128;

/// JSON as read. Text without escapes is borrowed from the text read, not
/// copied: with 50 assessments saved, that cut the time to read them by a quarter.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'t> {
    Null,
    Bool(bool),
    /// The number as written; see [`Value::as_u32`].
    Number(Cow<'t, str>),
    String(Cow<'t, str>),
    Array(Vec<Value<'t>>),
    /// Members in the order written. A repeated key: the last one counts.
    Object(Vec<(Cow<'t, str>, Value<'t>)>),
}

impl<'t> Value<'t> {
    pub fn get(&self, key: &str) -> Option<&Value<'t>> {
        self.as_object()?.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Value<'t>]> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[(Cow<'t, str>, Value<'t>)]> {
        match self {
            Value::Object(o) => Some(o),
            _ => None,
        }
    }

    /// A whole number from 0 to 4,294,967,295 written without a fraction or exponent.
    pub fn as_u32(&self) -> Option<u32> {
        match self {
            Value::Number(n) if n.bytes().all(|b| b.is_ascii_digit()) => n.parse().ok(),
            _ => None,
        }
    }
}

impl<'t> From<&'t str> for Value<'t> {
    fn from(s: &'t str) -> Value<'t> {
        Value::String(Cow::Borrowed(s))
    }
}

impl From<String> for Value<'_> {
    fn from(s: String) -> Self {
        Value::String(Cow::Owned(s))
    }
}

/// An object with its members in this order.
pub fn object<'t, const N: usize>(members: [(&'t str, Value<'t>); N]) -> Value<'t> {
    Value::Object(members.into_iter().map(|(k, v)| (Cow::Borrowed(k), v)).collect())
}

/// Where the text stops being JSON, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// From 1, like an editor's.
    pub line: usize,
    /// From 1, counted in characters.
    pub column: usize,
    pub what: &'static str,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{} at line {} column {}", self.what, self.line, self.column)
    }
}

pub fn parse(text: &str) -> Result<Value<'_>, SyntaxError> {
    let mut p = Parser { text, bytes: text.as_bytes(), at: 0, items: Vec::new(), members: Vec::new() };
    p.space();
    let v = p.value(0)?;
    p.space();
    if p.at < p.bytes.len() {
        return Err(p.error("unexpected text after the end"));
    }
    Ok(v)
}

struct Parser<'t> {
    text: &'t str,
    bytes: &'t [u8],
    at: usize,
    // Stacks that lists and objects are read onto, then moved off in one
    // allocation of the right size: growing each list as it is read made
    // parsing 50 saved assessments about 15% slower.
    items: Vec<Value<'t>>,
    members: Vec<(Cow<'t, str>, Value<'t>)>,
}

impl<'t> Parser<'t> {
    fn error(&self, what: &'static str) -> SyntaxError {
        let at = self.at.min(self.bytes.len());
        // `at` may sit inside a character after bad input; count what came before.
        let before = &self.bytes[..at];
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let column = 1 + before[start..].iter().filter(|&&b| b & 0xC0 != 0x80).count();
        SyntaxError { line, column, what }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn word(&mut self, word: &str, v: Value<'t>) -> Result<Value<'t>, SyntaxError> {
        if self.bytes[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(v)
        } else {
            Err(self.error("expected a value"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value<'t>, SyntaxError> {
        match self.peek() {
            None => Err(self.error("the text ends where a value should be")),
            Some(b'n') => self.word("null", Value::Null),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'"') => self.string().map(Value::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'[') => {
                let depth = self.deeper(depth)?;
                let base = self.items.len();
                self.at += 1;
                self.space();
                if self.peek() == Some(b']') {
                    self.at += 1;
                    return Ok(Value::Array(Vec::new()));
                }
                loop {
                    self.space();
                    let item = self.value(depth)?;
                    self.items.push(item);
                    self.space();
                    match self.peek() {
                        Some(b',') => self.at += 1,
                        Some(b']') => {
                            self.at += 1;
                            return Ok(Value::Array(self.items.drain(base..).collect()));
                        }
                        _ => return Err(self.error("expected , or ] in a list")),
                    }
                }
            }
            Some(b'{') => {
                let depth = self.deeper(depth)?;
                let base = self.members.len();
                self.at += 1;
                self.space();
                if self.peek() == Some(b'}') {
                    self.at += 1;
                    return Ok(Value::Object(Vec::new()));
                }
                loop {
                    self.space();
                    if self.peek() != Some(b'"') {
                        return Err(self.error("expected a name in quotes"));
                    }
                    let key = self.string()?;
                    self.space();
                    if self.peek() != Some(b':') {
                        return Err(self.error("expected : after a name"));
                    }
                    self.at += 1;
                    self.space();
                    let item = self.value(depth)?;
                    self.members.push((key, item));
                    self.space();
                    match self.peek() {
                        Some(b',') => self.at += 1,
                        Some(b'}') => {
                            self.at += 1;
                            return Ok(Value::Object(self.members.drain(base..).collect()));
                        }
                        _ => return Err(self.error("expected , or } in an object")),
                    }
                }
            }
            Some(_) => Err(self.error("expected a value")),
        }
    }

    fn deeper(&self, depth: usize) -> Result<usize, SyntaxError> {
        if depth >= MAX_DEPTH {
            Err(self.error("nested too deeply"))
        } else {
            Ok(depth + 1)
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self) -> Result<Value<'t>, SyntaxError> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        let whole_start = self.at;
        let whole = self.digits();
        if whole == 0 || (whole > 1 && self.bytes[whole_start] == b'0') {
            return Err(self.error("this is not a number"));
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if self.digits() == 0 {
                return Err(self.error("this is not a number"));
            }
        }
        let mut exponent: i64 = 0;
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            let negative = match self.peek() {
                Some(b'-') => {
                    self.at += 1;
                    true
                }
                Some(b'+') => {
                    self.at += 1;
                    false
                }
                _ => false,
            };
            let exp_start = self.at;
            if self.digits() == 0 {
                return Err(self.error("this is not a number"));
            }
            for &b in &self.bytes[exp_start..self.at] {
                exponent = (exponent * 10 + i64::from(b - b'0')).min(100_000);
            }
            if negative {
                exponent = -exponent;
            }
        }
        // A number too big for a double is refused, as serde_json refuses it.
        // Estimated from its digits, so that no float parsing is compiled in.
        let significant = self.bytes[whole_start..whole_start + whole].iter().skip_while(|&&b| b == b'0').count();
        if significant > 0 && significant as i64 - 1 + exponent > 308 {
            return Err(self.error("this number is too big"));
        }
        Ok(Value::Number(Cow::Borrowed(&self.text[start..self.at])))
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let mut n = 0;
        for _ in 0..4 {
            let d = match self.peek() {
                Some(b @ b'0'..=b'9') => b - b'0',
                Some(b @ b'a'..=b'f') => b - b'a' + 10,
                Some(b @ b'A'..=b'F') => b - b'A' + 10,
                _ => return Err(self.error("a \\u escape needs four hex digits")),
            };
            n = n * 16 + u32::from(d);
            self.at += 1;
        }
        Ok(n)
    }

    fn string(&mut self) -> Result<Cow<'t, str>, SyntaxError> {
        self.at += 1;
        let mut out = String::new();
        let mut escaped = false;
        loop {
            let start = self.at;
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.at += 1;
            }
            // Stops only at ASCII, so this is always on a character boundary.
            let run = &self.text[start..self.at];
            match self.peek() {
                None => return Err(self.error("the text ends inside a string")),
                Some(b'"') if !escaped => {
                    self.at += 1;
                    return Ok(Cow::Borrowed(run));
                }
                Some(b'"') => {
                    self.at += 1;
                    out.push_str(run);
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    escaped = true;
                    out.push_str(run);
                    self.at += 1;
                    let c = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.at += 1;
                            let mut code = self.hex4()?;
                            if (0xDC00..0xE000).contains(&code) {
                                return Err(self.error("a lone low surrogate in a \\u escape"));
                            }
                            if (0xD800..0xDC00).contains(&code) {
                                if !self.bytes[self.at..].starts_with(b"\\u") {
                                    return Err(self.error("a lone high surrogate in a \\u escape"));
                                }
                                self.at += 2;
                                let low = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&low) {
                                    return Err(self.error("a lone high surrogate in a \\u escape"));
                                }
                                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                            }
                            out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                            continue;
                        }
                        _ => return Err(self.error("an unknown escape in a string")),
                    };
                    self.at += 1;
                    out.push(c);
                }
                Some(_) => return Err(self.error("a control character in a string")),
            }
        }
    }
}

/// Compact JSON, for storage and for files read by programs.
pub fn to_string<T: ToJson + ?Sized>(v: &T) -> String {
    let mut out = String::new();
    v.write_json(&mut out);
    out
}

/// JSON laid out for people: two spaces a level, as serde_json lays it out.
pub fn to_string_pretty(v: &Value) -> String {
    let mut out = String::new();
    write(&mut out, v, Some(0));
    out
}

fn newline(out: &mut String, indent: Option<usize>) {
    if let Some(n) = indent {
        out.push('\n');
        for _ in 0..n {
            out.push_str("  ");
        }
    }
}

fn write(out: &mut String, v: &Value, indent: Option<usize>) {
    let inner = indent.map(|n| n + 1);
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => b.write_json(out),
        Value::Number(n) => out.push_str(n),
        Value::String(s) => write_str(out, s),
        Value::Array(items) if items.is_empty() => out.push_str("[]"),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, inner);
                write(out, item, inner);
            }
            newline(out, indent);
            out.push(']');
        }
        Value::Object(members) if members.is_empty() => out.push_str("{}"),
        Value::Object(members) => {
            out.push('{');
            for (i, (k, item)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, inner);
                write_str(out, k);
                out.push_str(if indent.is_some() { ": " } else { ":" });
                write(out, item, inner);
            }
            newline(out, indent);
            out.push('}');
        }
    }
}

/// Writes a JSON object member by member, straight into the text:
/// `Object::start(out).member("id", &self.id).end()`. Saving builds no
/// [`Value`] first, which halves the time an answer takes to save.
pub struct Object<'o> {
    out: &'o mut String,
    empty: bool,
}

impl<'o> Object<'o> {
    pub fn start(out: &'o mut String) -> Object<'o> {
        out.push('{');
        Object { out, empty: true }
    }

    pub fn member<T: ToJson + ?Sized>(mut self, key: &str, value: &T) -> Object<'o> {
        if !self.empty {
            self.out.push(',');
        }
        self.empty = false;
        write_str(self.out, key);
        self.out.push(':');
        value.write_json(self.out);
        self
    }

    pub fn end(self) {
        self.out.push('}');
    }
}

fn write_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Why a value is not the shape a type needs, and where: `answers.x: …`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShapeError {
    path: Vec<String>,
    what: String,
}

impl ShapeError {
    pub fn new(what: impl Into<String>) -> ShapeError {
        ShapeError { path: Vec::new(), what: what.into() }
    }

    fn within(mut self, step: String) -> ShapeError {
        self.path.push(step);
        self
    }
}

impl fmt::Display for ShapeError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        for (i, step) in self.path.iter().rev().enumerate() {
            if i > 0 && !step.starts_with('[') {
                f.write_str(".")?;
            }
            f.write_str(step)?;
        }
        if !self.path.is_empty() {
            f.write_str(": ")?;
        }
        f.write_str(&self.what)
    }
}

/// A type read from JSON. Implemented by hand for each saved or content type.
pub trait FromJson: Sized {
    fn from_json(v: &Value) -> Result<Self, ShapeError>;
}

pub trait ToJson {
    /// Appends the compact JSON for `self` to `out`.
    fn write_json(&self, out: &mut String);
}

/// Parses `text` and reads a `T` from it; either kind of error as a sentence.
pub fn from_str<T: FromJson>(text: &str) -> Result<T, String> {
    let v = parse(text).map_err(|e| e.to_string())?;
    T::from_json(&v).map_err(|e| e.to_string())
}

/// The members of an object, read by name.
pub struct Fields<'v>(&'v Value<'v>);

impl<'v> Fields<'v> {
    pub fn of(v: &'v Value<'v>) -> Result<Fields<'v>, ShapeError> {
        match v {
            Value::Object(_) => Ok(Fields(v)),
            _ => Err(ShapeError::new("expected an object, in { }")),
        }
    }

    /// A member that must be there.
    pub fn req<T: FromJson>(&self, key: &str) -> Result<T, ShapeError> {
        match self.0.get(key) {
            None => Err(ShapeError::new(format!("{key} is missing"))),
            Some(v) => T::from_json(v).map_err(|e| e.within(key.to_string())),
        }
    }

    /// A member that may be left out (or null): then it is `T`'s default.
    pub fn opt<T: FromJson + Default>(&self, key: &str) -> Result<T, ShapeError> {
        match self.0.get(key) {
            None | Some(Value::Null) => Ok(T::default()),
            Some(v) => T::from_json(v).map_err(|e| e.within(key.to_string())),
        }
    }
}

impl FromJson for String {
    fn from_json(v: &Value) -> Result<Self, ShapeError> {
        v.as_str().map(str::to_string).ok_or_else(|| ShapeError::new("expected text, in quotes"))
    }
}

impl FromJson for bool {
    fn from_json(v: &Value) -> Result<Self, ShapeError> {
        match v {
            Value::Bool(b) => Ok(*b),
            _ => Err(ShapeError::new("expected true or false")),
        }
    }
}

impl FromJson for u32 {
    fn from_json(v: &Value) -> Result<Self, ShapeError> {
        v.as_u32().ok_or_else(|| ShapeError::new("expected a whole number"))
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(v: &Value) -> Result<Self, ShapeError> {
        match v {
            Value::Null => Ok(None),
            v => T::from_json(v).map(Some),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(v: &Value) -> Result<Self, ShapeError> {
        let items = v.as_array().ok_or_else(|| ShapeError::new("expected a list, in [ ]"))?;
        // Loops rather than `collect`, here and below: the download is smaller.
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            out.push(T::from_json(item).map_err(|e| e.within(format!("[{i}]")))?);
        }
        Ok(out)
    }
}

impl<T: FromJson> FromJson for ByCheck<T> {
    fn from_json(v: &Value) -> Result<Self, ShapeError> {
        let members = v.as_object().ok_or_else(|| ShapeError::new("expected an object, in { }"))?;
        if members.len() > crate::by_check::MAX_ENTRIES {
            return Err(ShapeError::new(format!(
                "{} entries, but no assessment has more than {}",
                members.len(),
                crate::by_check::MAX_ENTRIES
            )));
        }
        // A repeated key: the last one counts, as everywhere in this reader.
        let mut out = ByCheck::default();
        for (k, item) in members {
            out.insert(k.to_string(), T::from_json(item).map_err(|e| e.within(k.to_string()))?);
        }
        Ok(out)
    }
}

impl ToJson for Value<'_> {
    fn write_json(&self, out: &mut String) {
        write(out, self, None)
    }
}

impl ToJson for str {
    fn write_json(&self, out: &mut String) {
        write_str(out, self)
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) {
        write_str(out, self)
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" })
    }
}

impl ToJson for u32 {
    fn write_json(&self, out: &mut String) {
        out.push_str(&self.to_string())
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Some(v) => v.write_json(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            item.write_json(out);
        }
        out.push(']');
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        self.as_slice().write_json(out)
    }
}

impl<T: ToJson> ToJson for ByCheck<T> {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::start(out);
        for (k, v) in self.iter() {
            o = o.member(k, v);
        }
        o.end()
    }
}

/// Why a name is not one of an enum's: `"maybe" is not one of yes, no, not-sure`.
pub fn not_one_of(v: &Value, names: &[&str]) -> ShapeError {
    ShapeError::new(format!("{} is not one of {}", to_string(v), names.join(", ")))
}

/// Reads and writes an enum of names, such as `"not-sure"`, both ways from
/// one list, so the two can never disagree. `json_names!(T by key)` uses the
/// enum's own `T::ALL` and `key()`, for enums that already have them.
#[macro_export]
macro_rules! json_names {
    ($t:ty { $($variant:ident = $name:literal),+ $(,)? }) => {
        impl $crate::json::FromJson for $t {
            fn from_json(v: &$crate::json::Value) -> Result<Self, $crate::json::ShapeError> {
                match v.as_str() {
                    $(Some($name) => Ok(<$t>::$variant),)+
                    _ => Err($crate::json::not_one_of(v, &[$($name),+])),
                }
            }
        }
        impl $crate::json::ToJson for $t {
            fn write_json(&self, out: &mut String) {
                let name: &str = match self {
                    $(<$t>::$variant => $name,)+
                };
                name.write_json(out)
            }
        }
    };
    ($t:ident by key) => {
        impl $crate::json::FromJson for $t {
            fn from_json(v: &$crate::json::Value) -> Result<Self, $crate::json::ShapeError> {
                let name = v.as_str();
                <$t>::ALL
                    .into_iter()
                    .find(|x| Some(x.key()) == name)
                    .ok_or_else(|| $crate::json::not_one_of(v, &<$t>::ALL.map(<$t>::key)))
            }
        }
        impl $crate::json::ToJson for $t {
            fn write_json(&self, out: &mut String) {
                self.key().write_json(out)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_kind_of_value() {
        let v = parse(r#" {"a": [1, -2.5e3, true, false, null], "b": "x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00", "a": 0} "#)
            .unwrap();
        assert_eq!(v.get("a"), Some(&Value::Number("0".into())), "the last of a repeated name counts");
        assert_eq!(v.get("b").and_then(Value::as_str), Some("x\"\\/\u{8}\u{c}\n\r\té😀"));
        let Value::Object(members) = &v else { panic!() };
        assert_eq!(
            members[0].1,
            Value::Array(vec![
                Value::Number("1".into()),
                Value::Number("-2.5e3".into()),
                Value::Bool(true),
                Value::Bool(false),
                Value::Null
            ])
        );
    }

    #[test]
    fn says_where_the_json_breaks() {
        let e = parse("{\n  \"a\": 1,\n  oops\n}").unwrap_err();
        assert_eq!((e.line, e.column), (3, 3));
        assert_eq!(e.to_string(), "expected a name in quotes at line 3 column 3");
        let e = parse("[\"é\", x]").unwrap_err();
        assert_eq!((e.line, e.column), (1, 7), "columns count characters, not bytes");
    }

    #[test]
    fn writes_what_it_reads() {
        let text = r#"{"a":[1,{"b":"<\u0001\b\f>\n"},[],{}],"c":null,"d":"é😀"}"#;
        let v = parse(text).unwrap();
        assert_eq!(to_string(&v), text);
        assert_eq!(parse(&to_string_pretty(&v)).unwrap(), v);
        assert_eq!(
            to_string_pretty(&object([("a", Value::Array(vec![Value::Null]))])),
            "{\n  \"a\": [\n    null\n  ]\n}"
        );
        let mut out = String::new();
        let map = ByCheck::from([("x\"", vec![true]), ("y", vec![])]);
        Object::start(&mut out).member("a", &Some(7u32)).member("b", &None::<u32>).member("m", &map).end();
        assert_eq!(out, r#"{"a":7,"b":null,"m":{"x\"":[true],"y":[]}}"#);
    }

    // serde_json, the oracle, is a native-only test dependency.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn writes_as_serde_json_writes() {
        for text in [
            r#"{"a":"\u0000\u001f\"\\\n\t\r\u0008\u000c</script>","b":[true,false,null,12]}"#,
            r#"[{"x":{}},[],"é",{"y":[[]]}]"#,
        ] {
            let ours = parse(text).unwrap();
            let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
            assert_eq!(to_string(&ours), serde_json::to_string(&theirs).unwrap());
            assert_eq!(to_string_pretty(&ours), serde_json::to_string_pretty(&theirs).unwrap());
        }
    }

    // serde_json, the oracle, is a native-only test dependency.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn refuses_what_serde_json_refuses_on_thousands_of_damaged_files() {
        use crate::fuzz::{mutate, nested, Rng};
        let seeds = [
            include_str!("../tests/saved/v1.json"),
            include_str!("../tests/saved/v2.json"),
            include_str!("../config.example.json"),
            r#"{"n":[0,-0,1.5,-2e-3,1E+2,10,"\ud83d\ude00\u00e9"]}"#,
        ];
        let mut rng = Rng::new(11);
        for i in 0..20_000 {
            let text = mutate(&mut rng, seeds[i % seeds.len()]);
            let ours = parse(&text);
            let theirs = serde_json::from_str::<serde_json::Value>(&text);
            assert_eq!(ours.is_ok(), theirs.is_ok(), "{text:?}: ours {ours:?}, serde_json {theirs:?}");
            if let Ok(v) = ours {
                let written = to_string(&v);
                assert_eq!(parse(&written).unwrap(), v, "{text:?}");
            }
        }
        for text in
            ["", " ", "01", "1.", "-", "1e", "\"\\x\"", "\"\\ud800\"", "\"\\udc00\"", "1e309", "[1,]", "{\"a\"}", "nul"]
        {
            assert!(parse(text).is_err(), "{text:?}");
            assert!(serde_json::from_str::<serde_json::Value>(text).is_err(), "{text:?}");
        }
        assert!(parse(&nested(MAX_DEPTH)).is_ok());
        assert!(parse(&nested(MAX_DEPTH + 1)).is_err());
        assert!(parse(&nested(1_000_000)).is_err(), "deep nesting is refused, not a stack overflow");
    }

    #[test]
    fn shape_errors_say_where() {
        #[derive(Debug, Default, PartialEq)]
        struct Pair {
            names: Vec<String>,
            on: bool,
        }
        impl FromJson for Pair {
            fn from_json(v: &Value) -> Result<Self, ShapeError> {
                let o = Fields::of(v)?;
                Ok(Pair { names: o.opt("names")?, on: o.req("on")? })
            }
        }
        assert_eq!(from_str::<Pair>(r#"{"on":true}"#), Ok(Pair { names: vec![], on: true }));
        assert_eq!(from_str::<Pair>(r#"{"names":null,"on":false}"#), Ok(Pair { names: vec![], on: false }));
        assert_eq!(from_str::<Pair>(r#"{}"#), Err("on is missing".to_string()));
        assert_eq!(from_str::<Pair>(r#"{"on":1}"#), Err("on: expected true or false".to_string()));
        assert_eq!(
            from_str::<Pair>(r#"{"on":true,"names":["a",2]}"#),
            Err("names[1]: expected text, in quotes".to_string())
        );
        assert_eq!(from_str::<Vec<Pair>>("[{}, 3]"), Err("[0]: on is missing".to_string()));
        assert_eq!(from_str::<Pair>("[]"), Err("expected an object, in { }".to_string()));
        assert_eq!(from_str::<u32>("2"), Ok(2));
        for not_u32 in ["-1", "2.0", "1e2", "4294967296"] {
            assert!(from_str::<u32>(not_u32).is_err(), "{not_u32}");
        }
    }
}

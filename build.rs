//! Turns `content/guidance.json` into Rust data (`$OUT_DIR/guidance.rs`,
//! included by `src/content.rs`).
//!
//! Why: read at start-up, the guidance cost every page load a millisecond or
//! more in the browser, and the code that read it was several kilobytes of the
//! download. Compiled in, it is ready before the first line of the widget
//! runs. The JSON file stays the thing a DPO or maintainer edits; a mistake in
//! its shape stops the build with the path to the mistake, and
//! `Content::problems` (run by the unit tests) checks what the shape cannot.

use std::fmt::Write as _;

// json.rs reads the saved answers too, which are kept in a `ByCheck`.
#[allow(dead_code)]
#[path = "src/by_check.rs"]
mod by_check;
#[allow(dead_code, unused_macros)]
#[path = "src/json.rs"]
mod json;

use json::Value;

const GUIDANCE: &str = "content/guidance.json";

/// The shape of the file, and the Rust type each part becomes.
enum Kind {
    Text,
    Flag,
    /// Left out or `null` means not known: `None`.
    MaybeFlag,
    Texts,
    /// Left out or `null` means none.
    MaybeTexts,
    /// One of an enum's names: `"paid-plans"` becomes `Contract::PaidPlans`.
    /// A unit test holds every such enum to that naming rule.
    Name(&'static str),
    Names(&'static str),
    MaybeName(&'static str),
    Record(&'static str, &'static [(&'static str, Kind)]),
    Records(&'static str, &'static [(&'static str, Kind)]),
    /// An object of records by key, in key order.
    RecordsByKey(&'static str, &'static [(&'static str, Kind)]),
}

use Kind::*;

const SOURCE: &[(&str, Kind)] = &[("id", Text), ("title", Text), ("publisher", Text), ("url", Text), ("date", Text)];
const SECTION: &[(&str, Kind)] = &[("id", Text), ("title", Text), ("intro", Text), ("sources", Texts)];
const CHECK: &[(&str, Kind)] = &[
    ("id", Text),
    ("section", Text),
    ("statement", Text),
    ("why", Text),
    ("action", Text),
    ("uses", Names("Use")),
    ("orgs", Names("OrgType")),
    ("blocking", Flag),
    ("sources", Texts),
    ("tools", MaybeTexts),
    ("when", MaybeName("Condition")),
];
const HISTORY: &[(&str, Kind)] = &[("title", Text), ("text", Text), ("sources", Texts)];
const ATTRIBUTE: &[(&str, Kind)] = &[("id", Text), ("label", Text)];
const FACT: &[(&str, Kind)] = &[("text", Text), ("confirm", Flag), ("sources", Texts)];
const TOOL: &[(&str, Kind)] = &[
    ("id", Text),
    ("name", Text),
    ("note", Text),
    ("retired", Flag),
    ("sources", Texts),
    ("catalogue", MaybeFlag),
    ("contract", Name("Contract")),
    ("patient_account", MaybeFlag),
    ("facts", RecordsByKey("Fact", FACT)),
];
const CONTENT: Kind = Record(
    "Content",
    &[
        ("version", Text),
        ("reviewed", Text),
        ("sources", Records("Source", SOURCE)),
        ("sections", Records("Section", SECTION)),
        ("checks", Records("Check", CHECK)),
        ("history", Record("History", HISTORY)),
        ("attributes", Records("Attribute", ATTRIBUTE)),
        ("tools", Records("Tool", TOOL)),
    ],
);

fn main() {
    println!("cargo:rerun-if-changed={GUIDANCE}");
    println!("cargo:rerun-if-changed=src/json.rs");
    println!("cargo:rerun-if-changed=src/by_check.rs");
    let text = std::fs::read_to_string(GUIDANCE).unwrap_or_else(|e| fail(&format!("cannot read it: {e}")));
    let v = json::parse(&text).unwrap_or_else(|e| fail(&e.to_string()));
    let mut out = String::from("// Made by build.rs from content/guidance.json. Edit that file, not this one.\n");
    out.push_str("pub(crate) static GUIDANCE: Content = ");
    write(&v, &CONTENT, "", &mut out).unwrap_or_else(|e| fail(&e));
    out.push_str(";\n");
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("guidance.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
}

fn fail(problem: &str) -> ! {
    eprintln!("{GUIDANCE}: {problem}");
    std::process::exit(1)
}

fn write(v: &Value, kind: &Kind, path: &str, out: &mut String) -> Result<(), String> {
    let wrong =
        |expected: &str| Err(format!("{}: expected {expected}", if path.is_empty() { "the file" } else { path }));
    match (kind, v) {
        (Text, Value::String(s)) => write!(out, "{:?}", &**s).unwrap(),
        (Text, _) => return wrong("text"),
        (Flag, Value::Bool(b)) => write!(out, "{b}").unwrap(),
        (Flag, _) => return wrong("true or false"),
        (MaybeFlag, Value::Null) => out.push_str("None"),
        (MaybeFlag, Value::Bool(b)) => write!(out, "Some({b})").unwrap(),
        (MaybeFlag, _) => return wrong("true, false or null"),
        (MaybeTexts, Value::Null) => out.push_str("&[]"),
        (Texts | MaybeTexts, Value::Array(items)) => list(items, &Text, path, out)?,
        (Texts | MaybeTexts, _) => return wrong("a list of texts"),
        (Name(t), Value::String(s)) => write!(out, "{t}::{}", variant(s, path)?).unwrap(),
        (Name(_), _) => return wrong("a name"),
        (MaybeName(_), Value::Null) => out.push_str("None"),
        (MaybeName(t), Value::String(s)) => write!(out, "Some({t}::{})", variant(s, path)?).unwrap(),
        (MaybeName(_), _) => return wrong("a name or null"),
        (Names(t), Value::Array(items)) => list(items, &Name(t), path, out)?,
        (Names(_), _) => return wrong("a list of names"),
        (Records(t, fields), Value::Array(items)) => list(items, &Record(t, fields), path, out)?,
        (Records(..), _) => return wrong("a list"),
        (Record(t, fields), Value::Object(_)) => {
            write!(out, "{t} {{ ").unwrap();
            for (name, kind) in fields.iter() {
                let here = if path.is_empty() { name.to_string() } else { format!("{path}.{name}") };
                write!(out, "{name}: ").unwrap();
                match v.get(name) {
                    Some(member) => write(member, kind, &here, out)?,
                    None if matches!(kind, MaybeFlag | MaybeTexts | MaybeName(_)) => {
                        write(&Value::Null, kind, &here, out)?
                    }
                    None => return Err(format!("{here} is missing")),
                }
                out.push_str(", ");
            }
            out.push('}');
        }
        (Record(..), _) => return wrong("an object"),
        (RecordsByKey(t, fields), Value::Object(members)) => {
            // The last of a repeated key counts, as everywhere else in the widget.
            let mut keys: Vec<&str> = members.iter().map(|(k, _)| &**k).collect();
            keys.sort_unstable();
            keys.dedup();
            out.push_str("&[");
            for key in keys {
                write!(out, "({key:?}, ").unwrap();
                write(v.get(key).expect("a key just read"), &Record(t, fields), &format!("{path}.{key}"), out)?;
                out.push_str("), ");
            }
            out.push(']');
        }
        (RecordsByKey(..), _) => return wrong("an object"),
    }
    Ok(())
}

fn list(items: &[Value], kind: &Kind, path: &str, out: &mut String) -> Result<(), String> {
    out.push_str("&[");
    for (i, item) in items.iter().enumerate() {
        write(item, kind, &format!("{path}[{i}]"), out)?;
        out.push_str(", ");
    }
    out.push(']');
    Ok(())
}

/// `"paid-plans"` to `PaidPlans`. A name the enum lacks stops the build
/// with Rust's own "no variant named" error, pointing at this file's output.
fn variant(name: &str, path: &str) -> Result<String, String> {
    if !name.split('-').all(|w| {
        w.starts_with(|c: char| c.is_ascii_lowercase())
            && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    }) {
        return Err(format!("{path}: {name:?} is not a name (lower-case words joined by -)"));
    }
    Ok(name.split('-').map(|word| word[..1].to_ascii_uppercase() + &word[1..]).collect())
}

//! Turns `content/guidance.json` into Rust data (`$OUT_DIR/guidance.rs`,
//! included by `src/content.rs`).
//!
//! Why: read at start-up, the guidance cost every page load a millisecond or
//! more in the browser. Compiled in, it is ready before the first line of the
//! widget runs. The JSON file stays the thing a DPO or maintainer edits.
//!
//! serde reads it into the owned types below, which mirror the static types
//! in `src/content.rs` field for field: a mistake in its shape (a missing or
//! misspelt member, a value of the wrong kind) stops the build with the path
//! to the mistake, and `Content::problems` (run by the unit tests) checks what
//! the shape cannot. Then each value writes itself out as a Rust expression.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;

const GUIDANCE: &str = "content/guidance.json";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Content {
    version: String,
    reviewed: String,
    changes: Vec<Change>,
    sources: Vec<Source>,
    frameworks: Vec<Framework>,
    sections: Vec<Section>,
    checks: Vec<Check>,
    history: History,
    attributes: Vec<Attribute>,
    tools: Vec<Tool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Source {
    id: String,
    title: String,
    publisher: String,
    url: String,
    #[serde(default)]
    url_to_confirm: bool,
    date: String,
    checked: String,
    read: Name<Read>,
    #[serde(default)]
    copy: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Change {
    version: String,
    date: String,
    items: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Framework {
    id: String,
    name: String,
    items: Vec<FrameworkItem>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrameworkItem {
    id: String,
    label: String,
    sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Section {
    id: String,
    title: String,
    intro: String,
    sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Check {
    id: String,
    section: String,
    statement: String,
    why: String,
    action: String,
    uses: Vec<Name<Use>>,
    orgs: Vec<Name<OrgType>>,
    blocking: bool,
    strength: Name<Strength>,
    #[serde(default)]
    confirm: bool,
    sources: Vec<String>,
    evidence: Vec<String>,
    /// Left out means every tool.
    #[serde(default)]
    tools: Vec<String>,
    #[serde(default)]
    when: Option<Name<Condition>>,
    #[serde(default)]
    changed: Option<Changed>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Changed {
    version: String,
    what: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct History {
    title: String,
    text: String,
    sources: Vec<String>,
    today: String,
    today_sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Attribute {
    id: String,
    label: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Fact {
    text: String,
    confirm: bool,
    sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Tool {
    id: String,
    name: String,
    note: String,
    retired: bool,
    sources: Vec<String>,
    #[serde(default)]
    confirm: bool,
    #[serde(default)]
    catalogue: Option<bool>,
    contract: Name<Contract>,
    #[serde(default)]
    patient_account: Option<bool>,
    /// By attribute id, written out in id order.
    facts: BTreeMap<String, Fact>,
}

fn main() {
    println!("cargo:rerun-if-changed={GUIDANCE}");
    let text = std::fs::read_to_string(GUIDANCE).unwrap_or_else(|e| fail(&format!("cannot read it: {e}")));
    let de = &mut serde_json::Deserializer::from_str(&text);
    let content: Content = serde_path_to_error::deserialize(de).unwrap_or_else(|e| {
        let at = e.path().to_string();
        let at = if at == "." { "the file".to_string() } else { at };
        fail(&format!("{at}: {}", e.inner()))
    });
    let mut out = String::from("// Made by build.rs from content/guidance.json. Edit that file, not this one.\n");
    out.push_str("pub(crate) static GUIDANCE: Content = ");
    content.rust(&mut out);
    out.push_str(";\n");
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("guidance.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
}

fn fail(problem: &str) -> ! {
    eprintln!("{GUIDANCE}: {problem}");
    std::process::exit(1)
}

/// A value written as the Rust expression that builds its static twin.
trait Rust {
    fn rust(&self, out: &mut String);
}

impl Rust for String {
    fn rust(&self, out: &mut String) {
        write!(out, "{self:?}").unwrap();
    }
}

impl Rust for bool {
    fn rust(&self, out: &mut String) {
        write!(out, "{self}").unwrap();
    }
}

/// A list becomes a static slice.
impl<T: Rust> Rust for Vec<T> {
    fn rust(&self, out: &mut String) {
        out.push_str("&[");
        for item in self {
            item.rust(out);
            out.push_str(", ");
        }
        out.push(']');
    }
}

impl<T: Rust> Rust for Option<T> {
    fn rust(&self, out: &mut String) {
        match self {
            None => out.push_str("None"),
            Some(v) => {
                out.push_str("Some(");
                v.rust(out);
                out.push(')');
            }
        }
    }
}

/// Pairs of key and value, in key order.
impl<T: Rust> Rust for BTreeMap<String, T> {
    fn rust(&self, out: &mut String) {
        out.push_str("&[");
        for (key, value) in self {
            write!(out, "({key:?}, ").unwrap();
            value.rust(out);
            out.push_str("), ");
        }
        out.push(']');
    }
}

/// One of an enum's names: `"paid-plans"` in the file becomes
/// `Contract::PaidPlans`. A name the enum lacks stops the build with Rust's
/// own "no variant named" error, pointing at this file's output.
struct Name<E>(String, std::marker::PhantomData<E>);

/// The enums of `src/content.rs` that the file names, by their Rust names.
trait Enum {
    const RUST: &'static str;
}

macro_rules! enums {
    ($($t:ident),+) => { $(struct $t; impl Enum for $t { const RUST: &'static str = stringify!($t); })+ };
}
enums!(Use, OrgType, Condition, Contract, Read, Strength);

impl<'de, E> Deserialize<'de> for Name<E> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = String::deserialize(d)?;
        let is_name = name.split('-').all(|w| {
            w.starts_with(|c: char| c.is_ascii_lowercase())
                && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        });
        if !is_name {
            return Err(serde::de::Error::custom(format!("{name:?} is not a name (lower-case words joined by -)")));
        }
        Ok(Name(name, std::marker::PhantomData))
    }
}

impl<E: Enum> Rust for Name<E> {
    fn rust(&self, out: &mut String) {
        let variant: String = self.0.split('-').map(|word| word[..1].to_ascii_uppercase() + &word[1..]).collect();
        write!(out, "{}::{variant}", E::RUST).unwrap();
    }
}

/// Writes `Type { field: value, … }` for a struct whose fields all write themselves.
macro_rules! rust_struct {
    ($t:ident { $($field:ident),+ $(,)? }) => {
        impl Rust for $t {
            fn rust(&self, out: &mut String) {
                out.push_str(concat!(stringify!($t), " { "));
                $(
                    out.push_str(concat!(stringify!($field), ": "));
                    self.$field.rust(out);
                    out.push_str(", ");
                )+
                out.push('}');
            }
        }
    };
}

rust_struct!(Content { version, reviewed, changes, sources, frameworks, sections, checks, history, attributes, tools });
rust_struct!(Change { version, date, items });
rust_struct!(Framework { id, name, items });
rust_struct!(FrameworkItem { id, label, sources });
rust_struct!(Source { id, title, publisher, url, url_to_confirm, date, checked, read, copy });
rust_struct!(Section { id, title, intro, sources });
rust_struct!(History { title, text, sources, today, today_sources });
rust_struct!(Attribute { id, label });
rust_struct!(Fact { text, confirm, sources });
rust_struct!(Check {
    id,
    section,
    statement,
    why,
    action,
    uses,
    orgs,
    blocking,
    strength,
    confirm,
    sources,
    evidence,
    tools,
    when,
    changed
});
rust_struct!(Changed { version, what });
rust_struct!(Tool { id, name, note, retired, sources, confirm, catalogue, contract, patient_account, facts });

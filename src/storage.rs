//! The saved formats: one module owns them, their versions and migrations.
//!
//! Two formats, both JSON, both documented in `docs/file-format.md`:
//!
//! - **The assessment file** (`video-tool-check/assessment`, version 1): one
//!   assessment. Downloaded as JSON, embedded in every HTML report, and read
//!   back by import.
//! - **The library** (`video-tool-check/library`, version 2): every
//!   assessment kept in this browser's local storage. Version 1 of local
//!   storage held a single assessment file; it is migrated on load.
//!
//! Every version ever written has a sample in `tests/saved/` that must load.

use crate::assessment::Assessment;
use crate::json::{self, Fields, FromJson, ShapeError, ToJson, Value};
use crate::library::{Library, Saved};

pub const FILE_FORMAT: &str = "video-tool-check/assessment";
pub const FILE_VERSION: u32 = 1;
pub const LIBRARY_FORMAT: &str = "video-tool-check/library";
pub const LIBRARY_VERSION: u32 = 2;
/// The local storage key for the library.
pub const KEY: &str = "video-tool-check";
/// Where unreadable saved data is moved so it is never silently overwritten.
pub const UNREADABLE_KEY: &str = "video-tool-check.unreadable";
/// Files bigger than this are not read: no real assessment comes near it.
pub const MAX_FILE_BYTES: usize = 2 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// Not JSON, or not ours, or damaged.
    Unreadable(String),
    /// Saved by a newer version of the widget than this one.
    TooNew(u32),
}

impl LoadError {
    pub fn message(&self) -> String {
        match self {
            LoadError::Unreadable(why) => format!("The saved answers could not be read ({why})."),
            LoadError::TooNew(v) => format!(
                "The saved answers come from a newer version of this tool (format {v}). Ask whoever publishes this page to update it."
            ),
        }
    }
}

fn unreadable(e: ShapeError) -> LoadError {
    LoadError::Unreadable(e.to_string())
}

/// The text read as JSON, with the format and version every saved file starts with.
fn header(text: &str) -> Result<(Value<'_>, String, u32), LoadError> {
    let not_ours = |why: String| LoadError::Unreadable(format!("not a saved Video Tool Check: {why}"));
    let v = json::parse(text).map_err(|e| not_ours(e.to_string()))?;
    let read = || -> Result<(String, u32), ShapeError> {
        let o = Fields::of(&v)?;
        Ok((o.req("format")?, o.req("version")?))
    };
    let (format, version) = read().map_err(|e| not_ours(e.to_string()))?;
    Ok((v, format, version))
}

/// One assessment as a file.
pub fn encode(a: &Assessment, saved: &str) -> String {
    encode_named(a, saved, "")
}

pub fn encode_named(a: &Assessment, saved: &str, name: &str) -> String {
    let mut out = String::new();
    json::Object::start(&mut out)
        .member("format", FILE_FORMAT)
        .member("version", &FILE_VERSION)
        .member("saved", saved)
        .member("name", name)
        .member("assessment", a)
        .end();
    out
}

/// An assessment file, with its name and the date it was saved.
pub struct FileContents {
    pub assessment: Assessment,
    pub name: String,
    pub saved: String,
}

pub fn decode_file(text: &str) -> Result<FileContents, LoadError> {
    let (v, format, version) = header(text)?;
    file_from(&v, &format, version)
}

fn file_from(v: &Value, format: &str, version: u32) -> Result<FileContents, LoadError> {
    if format != FILE_FORMAT {
        return Err(LoadError::Unreadable(format!("its format is '{format}'")));
    }
    match version {
        FILE_VERSION => FileContents::from_json(v).map_err(unreadable),
        0 => Err(LoadError::Unreadable("format version 0 does not exist".to_string())),
        v => Err(LoadError::TooNew(v)),
    }
}

impl FromJson for FileContents {
    fn from_json(v: &Value) -> Result<Self, ShapeError> {
        let o = Fields::of(v)?;
        Ok(FileContents { assessment: o.req("assessment")?, name: o.opt("name")?, saved: o.opt("saved")? })
    }
}

pub fn decode(text: &str) -> Result<Assessment, LoadError> {
    decode_file(text).map(|f| f.assessment)
}

pub fn encode_library(lib: &Library) -> String {
    let mut out = String::new();
    json::Object::start(&mut out)
        .member("format", LIBRARY_FORMAT)
        .member("version", &LIBRARY_VERSION)
        .member("current", &lib.current)
        .member("saved", &lib.saved)
        .end();
    out
}

impl ToJson for Saved {
    fn write_json(&self, out: &mut String) {
        json::Object::start(out)
            .member("id", &self.id)
            .member("name", &self.name)
            .member("updated", &self.updated)
            .member("assessment", &self.assessment)
            .end()
    }
}

impl FromJson for Saved {
    fn from_json(v: &Value) -> Result<Self, ShapeError> {
        let o = Fields::of(v)?;
        Ok(Saved {
            id: o.req("id")?,
            name: o.opt("name")?,
            updated: o.opt("updated")?,
            assessment: o.req("assessment")?,
        })
    }
}

/// Reads local storage, whatever version of the widget wrote it.
pub fn decode_library(text: &str) -> Result<Library, LoadError> {
    // Read once: with 50 assessments saved, this runs while the page starts.
    let (v, format, version) = header(text)?;
    match (format.as_str(), version) {
        // Version 1 kept one assessment file under the same key.
        (FILE_FORMAT, _) => {
            let f = file_from(&v, &format, version)?;
            let mut lib = Library::with(f.assessment, "a1", &f.saved);
            lib.saved[0].name = f.name;
            Ok(lib)
        }
        (LIBRARY_FORMAT, LIBRARY_VERSION) => {
            let read = || -> Result<(String, Vec<Saved>), ShapeError> {
                let o = Fields::of(&v)?;
                Ok((o.req("current")?, o.req("saved")?))
            };
            let (current, saved) = read().map_err(unreadable)?;
            if saved.is_empty() {
                return Err(LoadError::Unreadable("it holds no assessments".to_string()));
            }
            let current = if saved.iter().any(|s| s.id == current) { current } else { saved[0].id.clone() };
            Ok(Library { current, saved })
        }
        (LIBRARY_FORMAT, v) if v > LIBRARY_VERSION => Err(LoadError::TooNew(v)),
        (format, v) => Err(LoadError::Unreadable(format!("its format is '{format}' version {v}"))),
    }
}

/// The browser's local storage. Errors are returned as sentences to show the user.
pub mod browser {
    use super::*;

    pub enum Loaded {
        Nothing,
        /// `raw` is the text as stored, so that saving it unchanged can be skipped.
        Found {
            library: Library,
            raw: String,
        },
        /// The raw text was moved to [`UNREADABLE_KEY`] when storage allowed,
        /// or left in place if a newer version saved it.
        Unreadable {
            raw: String,
            error: LoadError,
        },
    }

    fn storage() -> Option<web_sys::Storage> {
        // Blocked storage (sandboxed frames, some privacy modes) throws here.
        web_sys::window()?.local_storage().ok().flatten()
    }

    /// This tab's own storage, blocked where local storage is.
    fn tab_storage() -> Option<web_sys::Storage> {
        web_sys::window()?.session_storage().ok().flatten()
    }

    /// Which assessment this tab works on, kept for this tab alone (session
    /// storage lasts as long as the tab, reloads included). The library's own
    /// `current` is whichever tab saved last; without this, reloading a tab
    /// could quietly swap its assessment for another tab's.
    const THIS_TAB: &str = "video-tool-check.this-tab";

    pub fn this_tabs_assessment() -> Option<String> {
        tab_storage()?.get_item(THIS_TAB).ok().flatten()
    }

    pub fn remember_this_tabs_assessment(id: &str) {
        if let Some(s) = tab_storage() {
            let _ = s.set_item(THIS_TAB, id);
        }
    }

    /// Whether this page can keep anything: some browsers give a storage
    /// object that refuses every write.
    pub fn available() -> bool {
        let Some(s) = storage() else { return false };
        let probe = "video-tool-check.probe";
        let ok = s.set_item(probe, "1").is_ok();
        let _ = s.remove_item(probe);
        ok
    }

    pub fn load() -> Loaded {
        let Some(s) = storage() else { return Loaded::Nothing };
        match s.get_item(KEY) {
            Ok(Some(raw)) => match decode_library(&raw) {
                Ok(library) => Loaded::Found { library, raw },
                // A newer version's data stays where that version looks for
                // it; `save` will not write over it.
                Err(error @ LoadError::TooNew(_)) => Loaded::Unreadable { raw, error },
                Err(error) => {
                    if set_aside(&raw).is_ok() {
                        let _ = s.remove_item(KEY);
                    }
                    Loaded::Unreadable { raw, error }
                }
            },
            _ => Loaded::Nothing,
        }
    }

    /// Copies `raw`, saved data this version cannot use, to a key of its own,
    /// where it stays to be downloaded until the user removes everything. The
    /// first copy set aside is kept; a later one goes beside it. Only once
    /// this has worked may anything be written where `raw` was.
    pub fn set_aside(raw: &str) -> Result<(), String> {
        let s = storage().ok_or("This browser is not letting the page change what it saved.")?;
        let aside = if s.get_item(UNREADABLE_KEY).ok().flatten().is_some() {
            format!("{UNREADABLE_KEY}.{}", js_sys::Date::now() as u64)
        } else {
            UNREADABLE_KEY.to_string()
        };
        s.set_item(&aside, raw).map_err(|_| "Your browser's storage is full or refused to save.".to_string())
    }

    /// Saves the library unless `last`, the text this tab last read or wrote,
    /// is already exactly that. So opening the widget writes nothing, and a
    /// tab that has only been looked at never puts an older copy back over
    /// answers another tab has just saved.
    ///
    /// It only ever writes over `last`, or over nothing. Anything else in
    /// storage was written by another tab since this one last looked, or
    /// could not be read (a newer version's, or data that could not be moved
    /// aside): writing would lose it, so this refuses and says so.
    pub fn save(lib: &Library, last: &mut Option<String>) -> Result<(), String> {
        const NOT_OURS_TO_OVERWRITE: &str = "Answers this page could not read are saved in this browser, perhaps by a newer version of Video Tool Check or in another tab or window. So that they are not written over, this page has not saved. Reload the page to see them.";
        let text = encode_library(lib);
        if last.as_deref() == Some(text.as_str()) {
            return Ok(());
        }
        let Some(s) = storage() else {
            return Err("This browser is not letting the page save your answers.".to_string());
        };
        let stored = s.get_item(KEY).ok().flatten();
        if stored.is_some() && stored != *last {
            return Err(NOT_OURS_TO_OVERWRITE.to_string());
        }
        s.set_item(KEY, &text).map_err(|_| "Your browser's storage is full or refused to save.".to_string())?;
        *last = Some(text);
        Ok(())
    }

    /// Removes everything this widget keeps, including set-aside data.
    pub fn clear_all() {
        let Some(s) = storage() else { return };
        let mut ours = Vec::new();
        for i in 0..s.length().unwrap_or(0) {
            if let Ok(Some(k)) = s.key(i) {
                if k == KEY || k.starts_with("video-tool-check.") {
                    ours.push(k);
                }
            }
        }
        for k in ours {
            let _ = s.remove_item(&k);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::tests::complete_gp_teams;

    #[test]
    fn round_trip() {
        let a = complete_gp_teams();
        assert_eq!(decode(&encode(&a, "2026-11-22")).unwrap(), a);
        let mut lib = Library::with(a, "a1", "2026-11-22");
        lib.add(Assessment::default(), "Zoom next year", "a7".into(), "2026-11-23");
        assert_eq!(decode_library(&encode_library(&lib)).unwrap(), lib);
    }

    #[test]
    fn version_one_local_storage_becomes_a_library() {
        let lib = decode_library(include_str!("../tests/saved/v1.json")).expect("the v1 sample loads");
        assert_eq!(lib.saved.len(), 1);
        let a = &lib.current().assessment;
        assert_eq!(a.about.org_name, "Oak House Care Home");
        assert_eq!(a.answers.get("updates"), Some(&crate::assessment::Answer::NotSure));
        assert_eq!(lib.current().updated, "2026-11-22");
    }

    #[test]
    fn version_two_sample_loads() {
        let lib = decode_library(include_str!("../tests/saved/v2.json")).expect("the v2 sample loads");
        assert_eq!(lib.saved.len(), 2);
        assert_eq!(lib.current, "a2");
        assert_eq!(lib.current().name, "Zoom review 2026");
        let review = lib.get("a1").unwrap().assessment.review.as_ref().expect("the review is kept");
        assert_eq!(
            review.decisions.get("updates").expect("the sample has a decision on updates").verdict,
            crate::assessment::Verdict::NeedsChange
        );
    }

    #[test]
    fn corrupt_truncated_foreign_and_newer_data_is_refused_with_a_reason() {
        let good = encode_library(&Library::with(complete_gp_teams(), "a1", "2026-11-22"));
        let cases = [
            ("", "not a saved"),
            ("{not json", "not a saved"),
            (&good[..good.len() / 2], "not a saved"),
            (r#"{"format":"something-else","version":1}"#, "format is 'something-else'"),
            (r#"{"format":"video-tool-check/library","version":2,"current":"a","saved":[]}"#, "no assessments"),
            (
                r#"{"format":"video-tool-check/assessment","version":1,"assessment":{"answers":{"x":"maybe"}}}"#,
                "\"maybe\" is not one of yes, no, not-sure",
            ),
        ];
        for (text, why) in cases {
            match decode_library(text) {
                Err(LoadError::Unreadable(msg)) => assert!(msg.contains(why), "{text:?}: {msg}"),
                other => panic!("{text:?} gave {other:?}"),
            }
        }
        assert_eq!(decode_library(r#"{"format":"video-tool-check/library","version":7}"#), Err(LoadError::TooNew(7)));
        assert_eq!(decode(r#"{"format":"video-tool-check/assessment","version":3}"#), Err(LoadError::TooNew(3)));
    }
}

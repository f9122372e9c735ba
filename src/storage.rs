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

use serde::{Deserialize, Serialize};

use crate::assessment::Assessment;
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

/// Just enough of any saved JSON to know what it is.
#[derive(Deserialize)]
struct Header {
    format: String,
    version: u32,
}

#[derive(Serialize, Deserialize)]
struct AssessmentFile {
    format: String,
    version: u32,
    #[serde(default)]
    saved: String,
    #[serde(default)]
    name: String,
    assessment: Assessment,
}

#[derive(Serialize, Deserialize)]
struct LibraryFile {
    format: String,
    version: u32,
    current: String,
    saved: Vec<SavedEntry>,
}

#[derive(Serialize, Deserialize)]
struct SavedEntry {
    id: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    updated: String,
    assessment: Assessment,
}

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

fn header(text: &str) -> Result<Header, LoadError> {
    serde_json::from_str(text).map_err(|e| LoadError::Unreadable(format!("not a saved Video Tool Check: {e}")))
}

/// One assessment as a file.
pub fn encode(a: &Assessment, saved: &str) -> String {
    encode_named(a, saved, "")
}

pub fn encode_named(a: &Assessment, saved: &str, name: &str) -> String {
    let file = AssessmentFile {
        format: FILE_FORMAT.to_string(),
        version: FILE_VERSION,
        saved: saved.to_string(),
        name: name.to_string(),
        assessment: a.clone(),
    };
    serde_json::to_string(&file).expect("an assessment always serialises")
}

/// An assessment file, with its name and the date it was saved.
pub struct FileContents {
    pub assessment: Assessment,
    pub name: String,
    pub saved: String,
}

pub fn decode_file(text: &str) -> Result<FileContents, LoadError> {
    let h = header(text)?;
    if h.format != FILE_FORMAT {
        return Err(LoadError::Unreadable(format!("its format is '{}'", h.format)));
    }
    match h.version {
        FILE_VERSION => {
            let f: AssessmentFile = serde_json::from_str(text).map_err(|e| LoadError::Unreadable(e.to_string()))?;
            Ok(FileContents { assessment: f.assessment, name: f.name, saved: f.saved })
        }
        0 => Err(LoadError::Unreadable("format version 0 does not exist".to_string())),
        v => Err(LoadError::TooNew(v)),
    }
}

pub fn decode(text: &str) -> Result<Assessment, LoadError> {
    decode_file(text).map(|f| f.assessment)
}

pub fn encode_library(lib: &Library) -> String {
    let file = LibraryFile {
        format: LIBRARY_FORMAT.to_string(),
        version: LIBRARY_VERSION,
        current: lib.current.clone(),
        saved: lib
            .saved
            .iter()
            .map(|s| SavedEntry {
                id: s.id.clone(),
                name: s.name.clone(),
                updated: s.updated.clone(),
                assessment: s.assessment.clone(),
            })
            .collect(),
    };
    serde_json::to_string(&file).expect("a library always serialises")
}

/// Reads local storage, whatever version of the widget wrote it.
pub fn decode_library(text: &str) -> Result<Library, LoadError> {
    // Today's format in one pass: with 50 assessments saved, reading the
    // header first would read every one of them twice while the page starts.
    let today = match serde_json::from_str::<LibraryFile>(text) {
        Ok(f) if f.format == LIBRARY_FORMAT && f.version == LIBRARY_VERSION => return library_from(f),
        other => other,
    };
    let h = header(text)?;
    match (h.format.as_str(), h.version) {
        // Version 1 kept one assessment file under the same key.
        (FILE_FORMAT, _) => {
            let f = decode_file(text)?;
            let mut lib = Library::with(f.assessment, "a1", &f.saved);
            lib.saved[0].name = f.name;
            Ok(lib)
        }
        (LIBRARY_FORMAT, LIBRARY_VERSION) => {
            // The header says today's format, so the full read above failed: say why.
            library_from(today.map_err(|e| LoadError::Unreadable(e.to_string()))?)
        }
        (LIBRARY_FORMAT, v) if v > LIBRARY_VERSION => Err(LoadError::TooNew(v)),
        (format, v) => Err(LoadError::Unreadable(format!("its format is '{format}' version {v}"))),
    }
}

fn library_from(f: LibraryFile) -> Result<Library, LoadError> {
    if f.saved.is_empty() {
        return Err(LoadError::Unreadable("it holds no assessments".to_string()));
    }
    let saved: Vec<Saved> = f
        .saved
        .into_iter()
        .map(|e| Saved { id: e.id, name: e.name, updated: e.updated, assessment: e.assessment })
        .collect();
    let current = if saved.iter().any(|s| s.id == f.current) { f.current } else { saved[0].id.clone() };
    Ok(Library { current, saved })
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
        /// The raw text was moved to [`UNREADABLE_KEY`] (when storage allowed).
        Unreadable {
            raw: String,
            error: LoadError,
        },
    }

    fn storage() -> Option<web_sys::Storage> {
        // Blocked storage (sandboxed frames, some privacy modes) throws here.
        web_sys::window()?.local_storage().ok().flatten()
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
                Err(error) => {
                    // Keep the first unreadable copy; a later one goes beside it.
                    let aside = if s.get_item(UNREADABLE_KEY).ok().flatten().is_some() {
                        format!("{UNREADABLE_KEY}.{}", js_sys::Date::now() as u64)
                    } else {
                        UNREADABLE_KEY.to_string()
                    };
                    if s.set_item(&aside, &raw).is_ok() {
                        let _ = s.remove_item(KEY);
                    }
                    Loaded::Unreadable { raw, error }
                }
            },
            _ => Loaded::Nothing,
        }
    }

    /// Saves the library unless `last`, the text this tab last read or wrote,
    /// is already exactly that. So opening the widget writes nothing, and a
    /// tab that has only been looked at never puts an older copy back over
    /// answers another tab has just saved.
    pub fn save(lib: &Library, last: &mut Option<String>) -> Result<(), String> {
        let text = encode_library(lib);
        if last.as_deref() == Some(text.as_str()) {
            return Ok(());
        }
        let Some(s) = storage() else {
            return Err("This browser is not letting the page save your answers.".to_string());
        };
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
        assert_eq!(review.decisions["updates"].verdict, crate::assessment::Verdict::NeedsChange);
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
                "unknown variant",
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

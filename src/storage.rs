//! The saved formats: one module owns them, their versions and migrations.
//!
//! Three formats, all JSON, all documented in `docs/file-format.md`:
//!
//! - **The assessment file** (`video-tool-check/assessment`, version 1): one
//!   assessment. Downloaded as JSON, embedded in every HTML report, and read
//!   back by import.
//! - **The library** (`video-tool-check/library`, version 2): every
//!   assessment kept in this browser's local storage. Version 1 of local
//!   storage held a single assessment file; it is migrated on load.
//! - **The DPO's log** (`video-tool-check/dpo-log`, version 1): a DPO's log
//!   of approved tools, kept in local storage under its own key.
//!
//! Every version ever written has a sample in `tests/saved/` that must load,
//! and beside it what this version writes for it. Reading and writing go
//! through serde's derives on the saved types; the browser's storage itself
//! is `ui::browser_storage`.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::assessment::Assessment;
use crate::config::{LogEntry, LogProblem};
use crate::dpo_log::DpoLog;
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
pub const DPO_LOG_FORMAT: &str = "video-tool-check/dpo-log";
pub const DPO_LOG_VERSION: u32 = 1;
/// The local storage key for the DPO's log of approved tools.
pub const DPO_LOG_KEY: &str = "video-tool-check.dpo-log";
/// A saved log bigger than this is not read: 500 entries at their longest
/// come to under 1 MB.
pub const MAX_DPO_LOG_BYTES: usize = 1024 * 1024;

/// Why saved text could not be read. The screens turn it into a sentence.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// Not JSON: where it stops being JSON (from 1, as an editor counts).
    NotJson { line: usize, column: usize },
    /// JSON, but without the format and version every saved file starts with.
    NotOurs,
    /// Another format, or a version that never existed.
    OtherFormat { format: String, version: u32 },
    /// Ours, but a part of it is the wrong shape: where, and what is wrong.
    Damaged { at: String, problem: String },
    /// A library with no assessments in it.
    Empty,
    /// Saved by a newer version of the widget than this one.
    TooNew(u32),
}

/// What every saved file starts with. Read on its own first, so that a
/// newer version's file is recognised even if the rest has changed shape.
#[derive(Deserialize)]
struct Header {
    format: String,
    version: u32,
}

/// Saved text, read as JSON once, then as each type in turn. Types are read
/// from the [`Value`] rather than straight from the text: the code that
/// tracks where a problem is then wraps a simple reader, not serde_json's
/// parser for each type, which keeps it small in the download.
fn parse(text: &str) -> Result<(Value, Header), LoadError> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| LoadError::NotJson { line: e.line(), column: e.column() })?;
    let header = Header::deserialize(&value).map_err(|_| LoadError::NotOurs)?;
    Ok((value, header))
}

/// Reads `value` as a `T`, saying where in it a problem is.
fn read<T: serde::de::DeserializeOwned>(value: &Value) -> Result<T, LoadError> {
    serde_path_to_error::deserialize(value)
        .map_err(|e| LoadError::Damaged { at: e.path().to_string(), problem: plain_problem(&e.inner().to_string()) })
}

/// serde's description of a problem, in the words the widget uses:
/// `unknown variant `maybe`, expected one of `yes`, `no`` becomes
/// `"maybe" is not one of yes, no`. Used for saved files and the publisher's
/// configuration alike.
pub fn plain_problem(serde_message: &str) -> String {
    // serde_json adds where it was; the path already says so.
    let message = match serde_message.rfind(" at line ") {
        Some(at) => &serde_message[..at],
        None => serde_message,
    };
    let names = |list: &str| list.replace(" or ", ", ").replace("one of ", "").replace('`', "");
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        if let Some((name, expected)) = rest.split_once("`, expected ") {
            return format!("\"{name}\" is not one of {}", names(expected));
        }
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        return format!("{} is missing", rest.trim_end_matches('`'));
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            let expected = match expected {
                "a string" => "text, in quotes",
                "a boolean" => "true or false",
                other => other,
            };
            return format!("expected {expected}, not {}", found.replace('`', ""));
        }
    }
    message.replace('`', "")
}

/// One assessment as a file.
pub fn encode(a: &Assessment, saved: &str) -> String {
    encode_named(a, saved, "")
}

#[derive(Serialize)]
struct FileOut<'a, E: Serialize> {
    format: &'static str,
    version: u32,
    saved: &'a str,
    name: &'a str,
    assessment: &'a Assessment,
    /// Written for people and their spreadsheets, never read back: readers
    /// ignore members they do not know, so older versions still import it.
    #[serde(skip_serializing_if = "Option::is_none")]
    evidence: Option<E>,
}

fn file<'a, E: Serialize>(a: &'a Assessment, saved: &'a str, name: &'a str, evidence: Option<E>) -> FileOut<'a, E> {
    FileOut { format: FILE_FORMAT, version: FILE_VERSION, saved, name, assessment: a, evidence }
}

pub fn encode_named(a: &Assessment, saved: &str, name: &str) -> String {
    serde_json::to_string(&file(a, saved, name, None::<()>)).expect("an assessment always converts to JSON")
}

/// The same file laid out for people to read: two spaces a level.
pub fn encode_pretty(a: &Assessment, saved: &str, name: &str) -> String {
    serde_json::to_string_pretty(&file(a, saved, name, None::<()>)).expect("an assessment always converts to JSON")
}

/// The laid-out file with the evidence map after the answers, for the JSON download.
pub fn encode_pretty_with_evidence<E: Serialize>(a: &Assessment, saved: &str, name: &str, evidence: E) -> String {
    serde_json::to_string_pretty(&file(a, saved, name, Some(evidence))).expect("an assessment always converts to JSON")
}

/// An assessment file, with its name and the date it was saved.
#[derive(Deserialize)]
pub struct FileContents {
    pub assessment: Assessment,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub saved: String,
}

pub fn decode_file(text: &str) -> Result<FileContents, LoadError> {
    let (value, Header { format, version }) = parse(text)?;
    if format != FILE_FORMAT {
        return Err(LoadError::OtherFormat { format, version });
    }
    file_version(&value, version)
}

fn file_version(value: &Value, version: u32) -> Result<FileContents, LoadError> {
    match version {
        FILE_VERSION => read(value),
        0 => Err(LoadError::OtherFormat { format: FILE_FORMAT.to_string(), version }),
        v => Err(LoadError::TooNew(v)),
    }
}

pub fn decode(text: &str) -> Result<Assessment, LoadError> {
    decode_file(text).map(|f| f.assessment)
}

#[derive(Serialize)]
struct LibraryOut<'a> {
    format: &'static str,
    version: u32,
    current: &'a str,
    saved: &'a [Saved],
}

pub fn encode_library(lib: &Library) -> String {
    let file =
        LibraryOut { format: LIBRARY_FORMAT, version: LIBRARY_VERSION, current: &lib.current, saved: &lib.saved };
    serde_json::to_string(&file).expect("a library always converts to JSON")
}

#[derive(Deserialize)]
struct LibraryIn {
    current: String,
    saved: Vec<Saved>,
}

/// Reads local storage, whatever version of the widget wrote it.
pub fn decode_library(text: &str) -> Result<Library, LoadError> {
    let (value, Header { format, version }) = parse(text)?;
    match (format.as_str(), version) {
        // Version 1 kept one assessment file under the same key.
        (FILE_FORMAT, _) => {
            let f = file_version(&value, version)?;
            let mut lib = Library::with(f.assessment, "a1", &f.saved);
            lib.saved[0].name = f.name;
            Ok(lib)
        }
        (LIBRARY_FORMAT, LIBRARY_VERSION) => {
            let LibraryIn { current, saved } = read(&value)?;
            if saved.is_empty() {
                return Err(LoadError::Empty);
            }
            let current = if saved.iter().any(|s| s.id == current) { current } else { saved[0].id.clone() };
            Ok(Library { current, saved })
        }
        (LIBRARY_FORMAT, v) if v > LIBRARY_VERSION => Err(LoadError::TooNew(v)),
        _ => Err(LoadError::OtherFormat { format, version }),
    }
}

#[derive(Serialize)]
struct DpoLogOut<'a> {
    format: &'static str,
    version: u32,
    publisher: &'a str,
    entries: &'a [LogEntry],
}

/// The DPO's log as local storage keeps it.
pub fn encode_dpo_log(log: &DpoLog) -> String {
    let out = DpoLogOut {
        format: DPO_LOG_FORMAT,
        version: DPO_LOG_VERSION,
        publisher: &log.publisher,
        entries: &log.entries,
    };
    serde_json::to_string(&out).expect("a log always converts to JSON")
}

#[derive(Deserialize)]
struct DpoLogIn {
    #[serde(default)]
    publisher: String,
    entries: Vec<LogEntry>,
}

/// Reads the DPO's log from local storage. Every entry must keep the rules
/// `config.json`'s entries keep, and each tool may be there once: a log
/// that breaks them is refused, saying where, never half read.
pub fn decode_dpo_log(text: &str) -> Result<DpoLog, LoadError> {
    if text.len() > MAX_DPO_LOG_BYTES {
        let problem = format!("it is {} KB; a log of approved tools is at most 1024 KB", text.len() / 1024);
        return Err(LoadError::Damaged { at: String::new(), problem });
    }
    let (value, Header { format, version }) = parse(text)?;
    match (format.as_str(), version) {
        (DPO_LOG_FORMAT, DPO_LOG_VERSION) => {}
        (DPO_LOG_FORMAT, v) if v > DPO_LOG_VERSION => return Err(LoadError::TooNew(v)),
        _ => return Err(LoadError::OtherFormat { format, version }),
    }
    // Counted before the entries are read, so a huge list costs nothing.
    if value.get("entries").and_then(Value::as_array).is_some_and(|e| e.len() > crate::dpo_log::MAX_ENTRIES) {
        let problem = format!("more than {} tools", crate::dpo_log::MAX_ENTRIES);
        return Err(LoadError::Damaged { at: "entries".into(), problem });
    }
    let DpoLogIn { publisher, entries } = read(&value)?;
    let mut log = DpoLog { publisher, entries: Vec::with_capacity(entries.len()) };
    for (i, entry) in entries.into_iter().enumerate() {
        let at = |field: &str| format!("entries[{i}].{field}");
        if let Some(problem) = entry.problems().first() {
            let what = match problem {
                LogProblem::NoTool => "the tool is missing".to_string(),
                LogProblem::TooLong(f) => format!("longer than {} characters", f.max()),
                LogProblem::NotHttps => "must start with https://".to_string(),
            };
            return Err(LoadError::Damaged { at: at(problem.field().key()), problem: what });
        }
        if log.get(&entry.tool).is_some() {
            return Err(LoadError::Damaged { at: at("tool"), problem: "this tool is in the log twice".into() });
        }
        log.entries.push(entry);
    }
    Ok(log)
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
        let not_json = |e: &LoadError| matches!(e, LoadError::NotJson { .. });
        assert!(not_json(&decode_library("").unwrap_err()));
        assert_eq!(decode_library("{not json"), Err(LoadError::NotJson { line: 1, column: 2 }));
        assert!(not_json(&decode_library(&good[..good.len() / 2]).unwrap_err()));
        assert_eq!(decode_library(r#"{"answers": {}}"#), Err(LoadError::NotOurs));
        assert_eq!(
            decode_library(r#"{"format":"something-else","version":1}"#),
            Err(LoadError::OtherFormat { format: "something-else".into(), version: 1 })
        );
        assert_eq!(
            decode_library(r#"{"format":"video-tool-check/library","version":2,"current":"a","saved":[]}"#),
            Err(LoadError::Empty)
        );
        assert_eq!(
            decode_library(
                r#"{"format":"video-tool-check/assessment","version":1,"assessment":{"answers":{"x":"maybe"}}}"#
            ),
            Err(LoadError::Damaged {
                at: "assessment.answers.x".into(),
                problem: "\"maybe\" is not one of yes, no, not-sure".into()
            })
        );
        assert_eq!(decode_library(r#"{"format":"video-tool-check/library","version":7}"#), Err(LoadError::TooNew(7)));
        assert_eq!(decode(r#"{"format":"video-tool-check/assessment","version":3}"#), Err(LoadError::TooNew(3)));
    }

    #[test]
    fn serde_problems_read_as_the_widget_words_them() {
        for (serde_says, we_say) in [
            (
                "unknown variant `maybe`, expected one of `yes`, `no`, `not-sure` at line 1 column 9",
                "\"maybe\" is not one of yes, no, not-sure",
            ),
            ("unknown variant `x`, expected `listed` or `other`", "\"x\" is not one of listed, other"),
            ("missing field `verdict`", "verdict is missing"),
            ("invalid type: integer `42`, expected a string", "expected text, in quotes, not integer 42"),
            ("invalid type: string \"no\", expected a boolean", "expected true or false, not string \"no\""),
        ] {
            assert_eq!(plain_problem(serde_says), we_say);
        }
    }

    /// What this version writes for each saved sample, kept beside it: the
    /// move from the hand-written JSON writer to serde must not change a byte.
    #[test]
    fn each_sample_is_written_as_before() {
        for (sample, written) in [
            (include_str!("../tests/saved/v1.json"), include_str!("../tests/saved/v1.written.json")),
            (include_str!("../tests/saved/v2.json"), include_str!("../tests/saved/v2.written.json")),
        ] {
            assert_eq!(encode_library(&decode_library(sample).unwrap()), written.trim_end());
        }
        let file = include_str!("../tests/saved/file-v1.json");
        let f = decode_file(file).unwrap();
        assert_eq!(encode_pretty(&f.assessment, &f.saved, &f.name), file.trim_end());
    }

    #[test]
    fn a_reviewed_file_loads_and_older_readers_keep_every_answer() {
        use crate::config::Approval;
        use crate::review::Verdict;
        let text = include_str!("../tests/saved/file-v1-reviewed.json");
        let f = decode_file(text).expect("the reviewed sample loads");
        let a = &f.assessment;
        assert_eq!(a.about.contact_email, "sam.lee@riverside.example.nhs.uk");
        let review = a.review.as_ref().unwrap();
        assert_eq!(review.overall.as_ref().unwrap().decision, Approval::ApprovedWithConditions);
        assert_eq!(review.decisions.get("managed-devices").unwrap().verdict, Verdict::NeedsChange);
        assert_eq!(review.next_review, "2027-12-02");
        assert!(a.changed_since_review("managed-devices") && !a.changed_since_review("updates"));
        // Written again, it reads back the same.
        assert_eq!(decode_file(&encode_pretty(a, &f.saved, &f.name)).unwrap().assessment, *a);

        // The previous version read a review as this shape and ignored members
        // it did not know, so a reviewed file keeps every answer there too.
        #[derive(serde::Deserialize)]
        struct PreviousDecision {
            #[allow(dead_code)]
            verdict: Verdict,
            #[serde(default)]
            #[allow(dead_code)]
            reason: String,
        }
        let file: serde_json::Value = serde_json::from_str(text).unwrap();
        for (id, decision) in file["assessment"]["review"]["decisions"].as_object().unwrap() {
            assert!(serde_json::from_value::<PreviousDecision>(decision.clone()).is_ok(), "{id}");
        }
        let answers: std::collections::BTreeMap<String, crate::assessment::Answer> =
            serde_json::from_value(file["assessment"]["answers"].clone()).unwrap();
        assert_eq!(answers.len(), a.answers.len());
    }

    #[test]
    fn the_dpo_log_sample_loads_and_is_written_as_before() {
        let sample = include_str!("../tests/saved/dpo-log-v1.json");
        let log = decode_dpo_log(sample).expect("the dpo-log v1 sample loads");
        assert_eq!(log.publisher, "Example DPO Service");
        assert_eq!(log.entries.len(), 3);
        assert_eq!(log.get("teams").unwrap().status, crate::config::Approval::ApprovedWithConditions);
        assert_eq!(log.get("pexip").unwrap().assessment_url, "");
        assert_eq!(encode_dpo_log(&log), include_str!("../tests/saved/dpo-log-v1.written.json").trim_end());
        assert_eq!(decode_dpo_log(&encode_dpo_log(&log)).unwrap(), log);
    }

    #[test]
    fn a_damaged_foreign_or_newer_dpo_log_is_refused_with_a_reason() {
        let head = r#"{"format":"video-tool-check/dpo-log","version":1,"entries":"#;
        let with = |entries: &str| format!("{head}{entries}}}");
        assert_eq!(decode_dpo_log(r#"{"format":"video-tool-check/dpo-log","version":2}"#), Err(LoadError::TooNew(2)));
        assert_eq!(
            decode_dpo_log(r#"{"format":"video-tool-check/library","version":2}"#),
            Err(LoadError::OtherFormat { format: "video-tool-check/library".into(), version: 2 })
        );
        assert!(matches!(decode_dpo_log("{not json"), Err(LoadError::NotJson { .. })));
        assert_eq!(
            decode_dpo_log(&with(r#"[{"tool":"zoom","status":"aproved"}]"#)),
            Err(LoadError::Damaged {
                at: "entries[0].status".into(),
                problem: "\"aproved\" is not one of approved, approved-with-conditions, not-approved, under-review"
                    .into()
            })
        );
        assert_eq!(
            decode_dpo_log(&with(r#"[{"tool":"zoom","status":"approved","assessment_url":"javascript:alert(1)"}]"#)),
            Err(LoadError::Damaged {
                at: "entries[0].assessment_url".into(),
                problem: "must start with https://".into()
            })
        );
        assert_eq!(
            decode_dpo_log(&with(r#"[{"tool":"zoom","status":"approved"},{"tool":" ZOOM","status":"approved"}]"#)),
            Err(LoadError::Damaged { at: "entries[1].tool".into(), problem: "this tool is in the log twice".into() })
        );
        let many = format!("[{}]", vec![r#"{"tool":"x","status":"approved"}"#; 501].join(","));
        assert!(matches!(decode_dpo_log(&with(&many)), Err(LoadError::Damaged { at, .. }) if at == "entries"));
        let huge = with(&format!(r#"[{{"tool":"{}","status":"approved"}}]"#, "x".repeat(MAX_DPO_LOG_BYTES)));
        assert!(matches!(decode_dpo_log(&huge), Err(LoadError::Damaged { at, .. }) if at.is_empty()));
    }
}

//! The saved format: one module owns it, its versions and its migrations.
//!
//! The same envelope is kept in the browser's local storage and carried inside
//! every downloaded report, so a file saved today can be read back by any later
//! version of the widget.
//!
//! ```json
//! {"format": "video-tool-check/assessment", "version": 1, "saved": "2026-11-22",
//!  "assessment": { ... }}
//! ```

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::assessment::Assessment;

pub const FORMAT: &str = "video-tool-check/assessment";
pub const VERSION: u32 = 1;
/// The local storage key for the current assessment.
pub const KEY: &str = "video-tool-check";
/// Where unreadable saved data is moved so it is never silently overwritten.
pub const UNREADABLE_KEY: &str = "video-tool-check.unreadable";

#[derive(Debug, Serialize, Deserialize)]
struct Envelope {
    format: String,
    version: u32,
    #[serde(default)]
    saved: String,
    assessment: Value,
}

#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// Not JSON, or not ours.
    Unreadable(String),
    /// Saved by a newer version of the widget than this one.
    TooNew(u32),
}

impl LoadError {
    pub fn message(&self) -> String {
        match self {
            LoadError::Unreadable(why) => format!("The saved answers could not be read ({why})."),
            LoadError::TooNew(v) => {
                format!("The saved answers come from a newer version of this tool (format {v}). Ask whoever publishes this page to update it.")
            }
        }
    }
}

pub fn encode(a: &Assessment, saved: &str) -> String {
    let env = Envelope {
        format: FORMAT.to_string(),
        version: VERSION,
        saved: saved.to_string(),
        assessment: serde_json::to_value(a).expect("an assessment always serialises"),
    };
    serde_json::to_string(&env).expect("an envelope always serialises")
}

pub fn decode(text: &str) -> Result<Assessment, LoadError> {
    let env: Envelope =
        serde_json::from_str(text).map_err(|e| LoadError::Unreadable(format!("not a saved Video Tool Check: {e}")))?;
    if env.format != FORMAT {
        return Err(LoadError::Unreadable(format!("its format is '{}'", env.format)));
    }
    match env.version {
        VERSION => serde_json::from_value(env.assessment).map_err(|e| LoadError::Unreadable(e.to_string())),
        0 => Err(LoadError::Unreadable("format version 0 does not exist".to_string())),
        v => Err(LoadError::TooNew(v)),
    }
}

/// The browser's local storage. Errors are returned as sentences to show the user.
pub mod browser {
    use super::*;
    use gloo_storage::{LocalStorage, Storage};

    pub enum Loaded {
        Nothing,
        Found(Assessment),
        /// The raw text was moved to [`UNREADABLE_KEY`] (when storage allowed).
        Unreadable {
            raw: String,
            error: LoadError,
        },
    }

    fn storage() -> Option<web_sys::Storage> {
        // `raw()` panics when storage is blocked (sandboxed frames, some privacy modes).
        web_sys::window()?.local_storage().ok().flatten()
    }

    pub fn available() -> bool {
        storage().is_some()
    }

    pub fn load() -> Loaded {
        let Some(s) = storage() else { return Loaded::Nothing };
        match s.get_item(KEY) {
            Ok(Some(raw)) => match decode(&raw) {
                Ok(a) => Loaded::Found(a),
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

    pub fn save(a: &Assessment, today: &str) -> Result<(), String> {
        if storage().is_none() {
            return Err("This browser is not letting the page save your answers.".to_string());
        }
        LocalStorage::raw()
            .set_item(KEY, &encode(a, today))
            .map_err(|_| "Your browser's storage is full or refused to save.".to_string())
    }

    pub fn clear() {
        if let Some(s) = storage() {
            let _ = s.remove_item(KEY);
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
    }

    #[test]
    fn version_one_sample_still_loads() {
        let sample = include_str!("../tests/saved/v1.json");
        let a = decode(sample).expect("the v1 sample loads");
        assert_eq!(a.about.org_name, "Oak House Care Home");
        assert_eq!(a.answers.get("updates"), Some(&crate::assessment::Answer::NotSure));
    }

    #[test]
    fn corrupt_truncated_foreign_and_newer_data_is_refused_with_a_reason() {
        let good = encode(&complete_gp_teams(), "2026-11-22");
        let cases = [
            ("", "not a saved"),
            ("{not json", "not a saved"),
            (&good[..good.len() / 2], "not a saved"),
            (r#"{"format":"something-else","version":1,"assessment":{}}"#, "format is 'something-else'"),
            (
                r#"{"format":"video-tool-check/assessment","version":1,"assessment":{"answers":{"x":"maybe"}}}"#,
                "unknown variant",
            ),
        ];
        for (text, why) in cases {
            match decode(text) {
                Err(LoadError::Unreadable(msg)) => assert!(msg.contains(why), "{text:?}: {msg}"),
                other => panic!("{text:?} gave {other:?}"),
            }
        }
        assert_eq!(
            decode(r#"{"format":"video-tool-check/assessment","version":7,"assessment":{}}"#),
            Err(LoadError::TooNew(7))
        );
    }
}

//! The browser's local storage (every assessment, and a DPO's log of
//! approved tools) and session storage (which one this tab is on), through
//! gloo-storage. What is written there, and its
//! versions, is `crate::storage`'s business; this module only keeps it.
//!
//! The library is kept as the exact text last read or written, not only as
//! what it means: unreadable data must be kept byte for byte, and a tab may
//! only write over the text it last saw (see [`save`]). So the library is
//! read and written as text through gloo's `raw()` storage, and the tab's own
//! id, which is plain data, through gloo's typed `get` and `set`.

use gloo_storage::{LocalStorage, SessionStorage, Storage};

use crate::config::LogEntry;
use crate::dpo_log::{AddError, DpoLog};
use crate::library::Library;
use crate::storage::{
    decode_dpo_log, decode_library, encode_dpo_log, encode_library, LoadError, DPO_LOG_KEY, KEY, UNREADABLE_KEY,
};

/// Why an answer was not saved. The warnings say it as a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveError {
    /// The browser gives this page no storage (a sandboxed frame, some privacy modes).
    Unavailable,
    /// The browser refused the write: storage is full, or writes are blocked.
    Refused,
    /// Something this tab did not write is where it saves: another tab's
    /// newer save, or data that could not be read. Writing would lose it.
    NotOursToOverwrite,
}

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

/// Whether the browser gives this page storage at all. gloo's storage
/// accessors throw where it does not, so this is asked first.
fn has_local() -> bool {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten()).is_some()
}

fn has_session() -> bool {
    web_sys::window().and_then(|w| w.session_storage().ok().flatten()).is_some()
}

/// Which assessment this tab works on, kept for this tab alone (session
/// storage lasts as long as the tab, reloads included). The library's own
/// `current` is whichever tab saved last; without this, reloading a tab
/// could quietly swap its assessment for another tab's.
const THIS_TAB: &str = "video-tool-check.this-tab";

pub fn this_tabs_assessment() -> Option<String> {
    has_session().then(|| SessionStorage::get::<String>(THIS_TAB).ok()).flatten()
}

pub fn remember_this_tabs_assessment(id: &str) {
    if has_session() {
        let _ = SessionStorage::set(THIS_TAB, id);
    }
}

/// Whether this page can keep anything: some browsers give a storage
/// object that refuses every write.
pub fn available() -> bool {
    if !has_local() {
        return false;
    }
    let probe = "video-tool-check.probe";
    let ok = LocalStorage::raw().set_item(probe, "1").is_ok();
    LocalStorage::delete(probe);
    ok
}

fn stored_text() -> Option<String> {
    LocalStorage::raw().get_item(KEY).ok().flatten()
}

pub fn load() -> Loaded {
    if !has_local() {
        return Loaded::Nothing;
    }
    let Some(raw) = stored_text() else { return Loaded::Nothing };
    match decode_library(&raw) {
        Ok(library) => Loaded::Found { library, raw },
        // A newer version's data stays where that version looks for it;
        // `save` will not write over it.
        Err(error @ LoadError::TooNew(_)) => Loaded::Unreadable { raw, error },
        Err(error) => {
            if set_aside(&raw).is_ok() {
                LocalStorage::delete(KEY);
            }
            Loaded::Unreadable { raw, error }
        }
    }
}

/// Copies `raw`, saved data this version cannot use, to a key of its own,
/// where it stays to be downloaded until the user removes everything. The
/// first copy set aside is kept; a later one goes beside it. Only once
/// this has worked may anything be written where `raw` was.
pub fn set_aside(raw: &str) -> Result<(), SaveError> {
    if !has_local() {
        return Err(SaveError::Unavailable);
    }
    let storage = LocalStorage::raw();
    let aside = if storage.get_item(UNREADABLE_KEY).ok().flatten().is_some() {
        format!("{UNREADABLE_KEY}.{}", js_sys::Date::now() as u64)
    } else {
        UNREADABLE_KEY.to_string()
    };
    storage.set_item(&aside, raw).map_err(|_| SaveError::Refused)
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
pub fn save(lib: &Library, last: &mut Option<String>) -> Result<(), SaveError> {
    let text = encode_library(lib);
    if last.as_deref() == Some(text.as_str()) {
        return Ok(());
    }
    if !has_local() {
        return Err(SaveError::Unavailable);
    }
    let stored = stored_text();
    if stored.is_some() && stored != *last {
        return Err(SaveError::NotOursToOverwrite);
    }
    LocalStorage::raw().set_item(KEY, &text).map_err(|_| SaveError::Refused)?;
    *last = Some(text);
    Ok(())
}

/// Removes everything this widget keeps, including set-aside data.
pub fn clear_all() {
    if !has_local() {
        return;
    }
    let storage = LocalStorage::raw();
    let ours: Vec<String> = (0..LocalStorage::length())
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k == KEY || k.starts_with("video-tool-check."))
        .collect();
    for k in ours {
        LocalStorage::delete(k);
    }
}

/// What local storage holds of the DPO's log of approved tools.
pub enum LogLoaded {
    Nothing,
    /// `raw` is the text as stored: [`save_dpo_log`] writes only over it.
    Found {
        log: DpoLog,
        raw: String,
    },
    /// A log this version cannot read. A newer version's stays in place
    /// (`in_place`), where that version looks for it, and nothing is saved
    /// over it; any other is copied to [`UNREADABLE_KEY`] first, as
    /// unreadable answers are, and then a new log may be saved.
    Unreadable {
        raw: String,
        error: LoadError,
        in_place: bool,
    },
}

/// Reads the DPO's log of approved tools.
pub fn load_dpo_log() -> LogLoaded {
    if !has_local() {
        return LogLoaded::Nothing;
    }
    let Some(raw) = LocalStorage::raw().get_item(DPO_LOG_KEY).ok().flatten() else { return LogLoaded::Nothing };
    match decode_dpo_log(&raw) {
        Ok(log) => LogLoaded::Found { log, raw },
        Err(error @ LoadError::TooNew(_)) => LogLoaded::Unreadable { raw, error, in_place: true },
        Err(error) => {
            let in_place = set_aside(&raw).is_err();
            if !in_place {
                LocalStorage::delete(DPO_LOG_KEY);
            }
            LogLoaded::Unreadable { raw, error, in_place }
        }
    }
}

/// Saves the DPO's log, on the same terms as [`save`]: only over `last`,
/// the text this page last read or wrote, or over nothing.
pub fn save_dpo_log(log: &DpoLog, last: &mut Option<String>) -> Result<(), SaveError> {
    let text = encode_dpo_log(log);
    if last.as_deref() == Some(text.as_str()) {
        return Ok(());
    }
    if !has_local() {
        return Err(SaveError::Unavailable);
    }
    let stored = LocalStorage::raw().get_item(DPO_LOG_KEY).ok().flatten();
    if stored.is_some() && stored != *last {
        return Err(SaveError::NotOursToOverwrite);
    }
    LocalStorage::raw().set_item(DPO_LOG_KEY, &text).map_err(|_| SaveError::Refused)?;
    *last = Some(text);
    Ok(())
}

/// Why [`add_to_dpo_log`] did not add a decision.
#[derive(Debug, Clone, PartialEq)]
pub enum AddToLogError {
    /// The saved log could not be read; it has not been changed.
    Unreadable(LoadError),
    Invalid(AddError),
    NotSaved(SaveError),
}

/// Adds a DPO's reviewed decision to their saved log, or replaces the one
/// it has for that tool, in one step: for screens other than the log's own,
/// such as the DPO's review of an assessment.
pub fn add_to_dpo_log(entry: LogEntry) -> Result<(), AddToLogError> {
    let (mut log, mut last) = match load_dpo_log() {
        LogLoaded::Nothing => (DpoLog::default(), None),
        LogLoaded::Found { log, raw } => (log, Some(raw)),
        LogLoaded::Unreadable { error, .. } => return Err(AddToLogError::Unreadable(error)),
    };
    log.add_or_replace(entry).map_err(AddToLogError::Invalid)?;
    save_dpo_log(&log, &mut last).map_err(AddToLogError::NotSaved)
}

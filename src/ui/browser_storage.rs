//! The browser's local storage (every assessment) and session storage (which
//! one this tab is on), through gloo-storage. What is written there, and its
//! versions, is `crate::storage`'s business; this module only keeps it.
//!
//! The library is kept as the exact text last read or written, not only as
//! what it means: unreadable data must be kept byte for byte, and a tab may
//! only write over the text it last saw (see [`save`]). So the library is
//! read and written as text through gloo's `raw()` storage, and the tab's own
//! id, which is plain data, through gloo's typed `get` and `set`.

use gloo_storage::{LocalStorage, SessionStorage, Storage};

use crate::library::Library;
use crate::storage::{decode_library, encode_library, LoadError, KEY, UNREADABLE_KEY};

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

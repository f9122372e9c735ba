//! Keeping the library saved: loading it when the page opens, saving every
//! change, and following what other tabs save.

use leptos::ev;
use leptos::prelude::*;

use super::browser::focus_heading;
use super::browser_storage::{self as kept, Loaded, SaveError};
use super::AppState;
use crate::library::Library;
use crate::storage::{self, LoadError};

/// Saved data this version could not use, kept to download.
#[derive(Clone)]
pub struct Unreadable {
    pub raw: String,
    pub error: LoadError,
    /// Left where the widget saves, as a newer version's data is, so that
    /// version finds it. Until the user sets it aside, this page cannot save.
    pub in_place: bool,
    /// The user has set a newer version's data aside; this page saves again.
    pub set_aside: bool,
}

/// What the page found in storage when it opened.
pub struct Found {
    pub library: Library,
    /// The text as stored: see `browser_storage::save`.
    stored: Option<String>,
    unreadable: Option<Unreadable>,
}

pub fn load() -> Found {
    match kept::load() {
        Loaded::Nothing => Found { library: Library::default(), stored: None, unreadable: None },
        Loaded::Found { mut library, raw } => {
            if let Some(id) = kept::this_tabs_assessment() {
                library.open(&id);
            }
            Found { library, stored: Some(raw), unreadable: None }
        }
        Loaded::Unreadable { raw, error } => {
            let in_place = matches!(error, LoadError::TooNew(_));
            let unreadable = Unreadable { raw, error, in_place, set_aside: false };
            Found { library: Library::default(), stored: None, unreadable: Some(unreadable) }
        }
    }
}

/// What the warnings need to know about storage.
#[derive(Clone, Copy)]
pub struct StorageState {
    /// Whether the browser lets this page keep anything at all.
    pub available: bool,
    pub unreadable: RwSignal<Option<Unreadable>>,
    /// Why the latest change is not saved, until a save works again.
    pub save_problem: RwSignal<Option<SaveError>>,
    /// Sets a newer version's data aside, so this page can save.
    pub set_aside: Callback<()>,
}

/// Saves every change to the library, and takes in what other tabs save.
pub fn keep_saved(state: AppState, found: Found) -> StorageState {
    // What this tab last read from or wrote to storage: it only ever writes over that.
    let last_saved = StoredValue::new_local(found.stored);
    let unreadable = RwSignal::new(found.unreadable);
    let save_problem = RwSignal::new(None::<SaveError>);

    follow_other_tabs(state, last_saved);

    let save_library = move |lib: &Library| {
        let saved = last_saved.try_update_value(|last| kept::save(lib, last));
        save_problem.set(saved.and_then(Result::err));
    };

    // Persistence lives in this one effect: any change to any assessment
    // re-runs it, so nothing the user does can skip the save. Its first run
    // is the library as loaded, which storage already holds, so it is
    // skipped: with 50 assessments saved, that keeps the page free to answer
    // clicks while it starts. Data that could not be read at load is never
    // written over: it was moved aside. (Setting aside a newer version's
    // data also saves at once, through the same `save_library`.)
    Effect::new(move |first_run_done: Option<()>| {
        state.library.with(|lib| {
            if first_run_done.is_none() || (lib.is_blank() && unreadable.with_untracked(|u| u.is_some())) {
                return;
            }
            save_library(lib);
        });
    });

    // Which assessment this tab is on, for when it reloads.
    let this_tabs = Memo::new(move |_| state.library.with(|lib| lib.current.clone()));
    Effect::new(move |_| kept::remember_this_tabs_assessment(&this_tabs.read()));

    // The user's way out when a newer version's data is in the way: it is
    // set aside, not removed, and this page saves from then on.
    let set_aside = Callback::new(move |()| {
        let Some(u) = unreadable.get_untracked() else { return };
        match kept::set_aside(&u.raw) {
            Ok(()) => {
                // Its copy is safe, so this page may now write where it was:
                // one write, so other tabs see a change, not a removal.
                last_saved.set_value(Some(u.raw.clone()));
                state.library.with_untracked(save_library);
                unreadable.set(Some(Unreadable { in_place: false, set_aside: true, ..u }));
                state.tell("The newer answers are set aside. This page saves your answers from now on.");
                focus_heading();
            }
            Err(problem) => save_problem.set(Some(problem)),
        }
    });

    StorageState { available: kept::available(), unreadable, save_problem, set_aside }
}

/// Another tab saved. Take what it saved, so that this tab's next save
/// cannot silently undo an answer given there. This tab keeps working on
/// its own current assessment if that still exists.
fn follow_other_tabs(state: AppState, last_saved: StoredValue<Option<String>, LocalStorage>) {
    let on_storage = window_event_listener(ev::storage, move |ev| {
        // No key: the whole of storage was cleared.
        if ev.key().is_some_and(|k| k != storage::KEY) {
            return;
        }
        let Some(text) = ev.new_value() else {
            // Removed in another tab, as "Remove everything" does. A save from
            // here would put it all back, on what may be a shared computer.
            let blank = Library::default();
            last_saved.set_value(Some(storage::encode_library(&blank)));
            if state.library.with_untracked(|lib| !lib.is_blank()) {
                state.library.set(blank);
                state.tell("Your assessments were removed from this browser in another tab or window.");
            }
            return;
        };
        // Unreadable, perhaps a newer version's: `last_saved` stays as it
        // was, so the save will not write over it and tells the user why.
        let Ok(mut theirs) = storage::decode_library(&text) else { return };
        last_saved.set_value(Some(text));
        let changed_here = state.library.with_untracked(|lib| {
            theirs.open(&lib.current);
            theirs.current().assessment != lib.current().assessment
        });
        if state.library.with_untracked(|lib| lib != &theirs) {
            state.library.set(theirs);
            if changed_here {
                state.tell(
                    "Your answers were changed in another tab or window. This page now shows the latest answers.",
                );
            }
        }
    });
    // The page outlives the widget when a test or a host page unmounts it.
    on_cleanup(move || on_storage.remove());
}

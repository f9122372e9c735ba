//! The widget's screens. Each screen reads and changes the one [`Assessment`]
//! signal held in [`AppState`]; everything it shows is worked out by the domain
//! modules, so components stay thin.

mod about;
mod assessments;
pub mod browser;
mod common;
mod compare;
mod publisher;
pub mod route;
mod section;
mod start;
mod summary;
mod tool;

use leptos::ev;
use leptos::prelude::*;

use crate::assessment::Assessment;
use crate::config::Config;
use crate::content::Content;
use crate::library::Library;
use crate::storage::{self, browser::Loaded};
use route::Screen;

/// What every screen shares.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The assessment being worked on: what the flow screens read and change.
    pub assessment: RwSignal<Assessment>,
    /// Every assessment kept in this browser, the current one included.
    pub library: RwSignal<Library>,
    pub screen: RwSignal<Screen>,
    /// A one-off message shown at the top of a screen, such as "deleted".
    pub notice: RwSignal<Option<Notice>>,
    /// The publisher's settings, defaults until `config.json` has loaded.
    pub config: RwSignal<Config>,
    pub config_problems: RwSignal<Vec<String>>,
}

/// A one-off message and the screen it is for. Moving to any other screen
/// clears it; an action that sends the user to another screen names that one,
/// so its message is not cleared by the move it caused.
#[derive(Clone, PartialEq)]
pub struct Notice {
    pub screen: Screen,
    pub text: String,
}

impl AppState {
    /// Shows `text` at the top of the screen on view now.
    pub fn tell(&self, text: &str) {
        self.tell_on(self.screen.get_untracked(), text);
    }

    /// Shows `text` at the top of `screen`, which the user is being sent to.
    pub fn tell_on(&self, screen: Screen, text: &str) {
        self.notice.set(Some(Notice { screen, text: text.to_string() }));
    }

    pub fn content(&self) -> &'static Content {
        Content::builtin()
    }

    /// Makes another saved assessment the one being worked on.
    pub fn open(&self, id: &str) {
        let mut next = None;
        self.library.update(|lib| {
            if lib.open(id) {
                next = Some(lib.current().assessment.clone());
            }
        });
        if let Some(a) = next {
            self.assessment.set(a);
        }
    }

    /// Puts the library's current assessment on screen after the library changed.
    pub fn show_current(&self) {
        let a = self.library.with_untracked(|lib| lib.current().assessment.clone());
        if self.assessment.get_untracked() != a {
            self.assessment.set(a);
        }
    }

    /// A new id from the clock, unique in this library.
    pub fn fresh_id(&self) -> String {
        self.library.with_untracked(|lib| lib.fresh_id(js_sys::Date::now() as u64))
    }
}

/// A problem with the browser's storage, shown until it is fixed.
#[derive(Clone)]
struct Unreadable {
    raw: String,
    message: String,
    /// Left where the widget saves, as a newer version's data is, so that
    /// version finds it. Until the user sets it aside, this page cannot save.
    in_place: bool,
}

#[component]
pub fn App() -> impl IntoView {
    let (initial, stored, unreadable) = match storage::browser::load() {
        Loaded::Nothing => (Library::default(), None, None),
        Loaded::Found { mut library, raw } => {
            if let Some(id) = storage::browser::this_tabs_assessment() {
                library.open(&id);
            }
            (library, Some(raw), None)
        }
        Loaded::Unreadable { raw, error } => {
            let in_place = matches!(error, storage::LoadError::TooNew(_));
            (Library::default(), None, Some(Unreadable { raw, message: error.message(), in_place }))
        }
    };
    // What this tab last read from or wrote to storage: see `storage::browser::save`.
    let last_saved = StoredValue::new_local(stored);
    let state = AppState {
        assessment: RwSignal::new(initial.current().assessment.clone()),
        library: RwSignal::new(initial),
        screen: RwSignal::new(Screen::from_hash(&location_hash().unwrap_or_default())),
        notice: RwSignal::new(None),
        config: RwSignal::new(Config::default()),
        config_problems: RwSignal::new(Vec::new()),
    };
    provide_context(state);
    leptos::task::spawn_local(publisher::load(state));
    // After the first render, so there is a widget to measure.
    request_animation_frame(publisher::report_height);
    let save_problem = RwSignal::new(None::<String>);
    let storage_available = storage::browser::available();
    let unreadable = RwSignal::new(unreadable);

    let on_hash = window_event_listener(ev::hashchange, move |_| {
        let next = Screen::from_hash(&location_hash().unwrap_or_default());
        if state.screen.get_untracked() != next {
            state.screen.set(next);
        }
    });

    // Another tab saved. Take what it saved, so that this tab's next save
    // cannot silently undo an answer given there. This tab keeps working on
    // its own current assessment if that still exists.
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
                state.show_current();
                state.tell("Your assessments were removed from this browser in another tab or window.");
            }
            return;
        };
        // Unreadable, perhaps a newer version's: `last_saved` stays as it
        // was, so `save` will not write over it and tells the user why.
        let Ok(mut theirs) = storage::decode_library(&text) else { return };
        last_saved.set_value(Some(text));
        let mine = state.library.with_untracked(|lib| lib.current.clone());
        theirs.open(&mine);
        if state.library.with_untracked(|lib| lib != &theirs) {
            let changed_here = theirs.current().assessment != state.assessment.get_untracked();
            state.library.set(theirs);
            state.show_current();
            if changed_here {
                state.tell(
                    "Your answers were changed in another tab or window. This page now shows the latest answers.",
                );
            }
        }
    });

    // The page outlives the widget when a test or a host page unmounts it.
    on_cleanup(move || {
        on_hash.remove();
        on_storage.remove();
    });

    // Every answer goes into the library with today's date. The library only
    // tells its readers when something really changed...
    Effect::new(move |_| {
        state.assessment.with(|a| state.library.maybe_update(|lib| lib.update_current(a, &browser::today())));
    });

    // ...and persistence lives in this one effect: any change to any
    // assessment re-runs it, so nothing the user does can skip the save. Its
    // first run is the library as loaded, which storage already holds, so it
    // is skipped: with 50 assessments saved, that keeps the page free to
    // answer clicks while it starts. Data that could not be read at load is
    // never written over: it was moved aside. (Setting aside a newer
    // version's data also saves at once, through the same `save_library`.)
    let save_library = move |lib: &Library| {
        let saved = last_saved.try_update_value(|last| storage::browser::save(lib, last));
        save_problem.set(saved.and_then(Result::err));
    };
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
    Effect::new(move |_| storage::browser::remember_this_tabs_assessment(&this_tabs.read()));

    // Screen readers announce the new heading when the screen changes. Not on
    // first load, so a host page that embeds the widget keeps its own focus.
    Effect::new(move |previous: Option<Screen>| {
        let screen = state.screen.get();
        if previous.is_some_and(|p| p != screen) {
            if state.notice.with_untracked(|n| n.as_ref().is_some_and(|n| n.screen != screen)) {
                state.notice.set(None);
            }
            browser::focus_heading();
        }
        screen
    });

    // The user's way out when a newer version's data is in the way: it is
    // set aside, not removed, and this page saves from then on.
    let set_aside = Callback::new(move |()| {
        let Some(u) = unreadable.get_untracked() else { return };
        match storage::browser::set_aside(&u.raw) {
            Ok(()) => {
                // Its copy is safe, so this page may now write where it was:
                // one write, so other tabs see a change, not a removal.
                last_saved.set_value(Some(u.raw.clone()));
                state.library.with_untracked(save_library);
                unreadable.set(Some(Unreadable {
                    message: "The answers from the newer version are set aside in this browser.".to_string(),
                    in_place: false,
                    ..u
                }));
                state.tell("The newer answers are set aside. This page saves your answers from now on.");
                browser::focus_heading();
            }
            Err(problem) => save_problem.set(Some(problem)),
        }
    });

    let download_unreadable = move |_| {
        if let Some(u) = unreadable.get_untracked() {
            let _ = browser::download("video-tool-check-unreadable-data.json", "application/json", &u.raw);
        }
    };

    view! {
        <div class="vtc" style:--vtc-accent=move || state.config.get().accent_colour>
            <publisher::ConfigProblems/>
            {(!storage_available).then(|| view! {
                <div class="nhsuk-warning-callout" id="storage-unavailable">
                    <h2 class="nhsuk-warning-callout__label">"Your answers will not be kept"</h2>
                    <p>"This browser is not letting the page save your answers. You can still finish the check, but download your summary before you close this page."</p>
                </div>
            })}
            {move || unreadable.get().map(|u| view! {
                <div class="nhsuk-warning-callout" id="unreadable-data">
                    <h2 class="nhsuk-warning-callout__label">"We could not read your saved answers"</h2>
                    <p>{u.message}</p>
                    <p>"We have kept the saved data in this browser and not overwritten it. Download it and send it to whoever supports this page, or start again."</p>
                    {u.in_place.then(|| view! {
                        <p id="cannot-save">"Until you set it aside, this page cannot save your answers."</p>
                    })}
                    <div class="vtc-actions">
                        <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=download_unreadable>"Download the saved data"</button>
                        // While the data blocks saving, the message stays: hiding it
                        // would also hide the way out, the set-aside button below.
                        {(!u.in_place).then(|| view! {
                            <button type="button" id="hide-unreadable" class="nhsuk-button nhsuk-button--secondary" on:click=move |_| { unreadable.set(None); browser::focus_heading(); }>"Hide this message"</button>
                        })}
                    </div>
                    {u.in_place.then(|| view! {
                        <common::ConfirmButton id="set-aside" label="Set it aside and save here" class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-top-4"
                            question="Set the newer answers aside?"
                            explanation="This page then saves your answers in their place. The newer answers stay in this browser under another name, and you can still download them here. The newer version will not open them by itself."
                            yes="Yes, set them aside" no="No, leave them" on_yes=set_aside/>
                    })}
                </div>
            })}
            {move || save_problem.get().filter(|_| storage_available).map(|problem| view! {
                <div class="nhsuk-warning-callout" id="save-problem" role="alert">
                    <h2 class="nhsuk-warning-callout__label">"Your latest answers are not saved"</h2>
                    <p>{problem}" Your answers are still on this page. Download your summary now so you do not lose them."</p>
                    <p><a class="nhsuk-link" href="#/summary">"Go to your summary to download it"</a></p>
                </div>
            })}
            <div role="status" class="vtc-notice">
                {move || state.notice.get().map(|n| view! {
                    <div class="nhsuk-inset-text"><p>{n.text}</p></div>
                })}
            </div>
            {move || match state.screen.get() {
                Screen::Start => view! { <start::StartScreen/> }.into_any(),
                Screen::About => view! { <about::AboutScreen/> }.into_any(),
                Screen::Tool => view! { <tool::ToolScreen/> }.into_any(),
                Screen::Compare => view! { <compare::CompareScreen/> }.into_any(),
                Screen::Assessments => view! { <assessments::AssessmentsScreen/> }.into_any(),
                Screen::Section(id) => match state.content().section(&id) {
                    Some(section) => view! { <section::SectionScreen section=section/> }.into_any(),
                    None => view! { <start::StartScreen/> }.into_any(),
                },
                Screen::Summary => view! { <summary::SummaryScreen/> }.into_any(),
            }}
        </div>
    }
}

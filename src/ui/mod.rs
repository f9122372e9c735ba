//! The widget's screens. Every screen reads and changes one signal, the
//! [`Library`] in [`AppState`]: the assessment on screen is the library's
//! current one, read through [`Current`], never a copy kept in step. Storage
//! is written from that same signal (`sync`), so the screen and storage
//! cannot disagree.
//!
//! - `sync`: loading, saving, and following other tabs.
//! - `warnings`: what the user is told about storage and the publisher's settings.
//! - `router`: which screen the URL's hash shows.
//! - one module per screen: `start`, `about`, `tool`, `compare`, `section`,
//!   `summary`, `assessments`, `review` (a DPO reviews a practice's check), `log` (a DPO's log of
//!   approved tools) and `setup` for publishers.

mod about;
mod assessments;
pub mod browser;
pub mod browser_storage;
mod common;
mod compare;
#[cfg(feature = "dpo")]
mod log;
pub mod messages;
mod offline;
mod publisher;
#[cfg(feature = "dpo")]
mod review;
pub mod route;
mod router;
mod section;
#[cfg(feature = "dpo")]
mod setup;
mod start;
mod summary;
mod sync;
pub mod takeover;
mod tool;
mod warnings;

use leptos::prelude::*;

use crate::assessment::Assessment;
use crate::config::Config;
use crate::content::Content;
use crate::library::Library;
use route::Screen;

/// What every screen shares.
#[derive(Clone, Copy)]
pub struct AppState {
    /// Every assessment kept in this browser: what storage holds, and what
    /// every screen shows.
    pub library: RwSignal<Library>,
    /// The assessment being worked on: the library's current one.
    pub assessment: Current,
    pub screen: RwSignal<Screen>,
    /// A one-off message shown at the top of a screen, such as "deleted".
    pub notice: RwSignal<Option<Notice>>,
    /// The publisher's settings, defaults until `config.json` has loaded.
    pub config: RwSignal<Config>,
    pub config_problems: RwSignal<Vec<String>>,
    /// The widget's offline copy: a newer release ready, settings kept.
    pub offline: offline::Offline,
}

/// The library's current assessment, read and changed in place. It has the
/// methods of a signal, so a screen uses it as one; there is nothing to keep
/// in step.
#[derive(Clone, Copy)]
pub struct Current(RwSignal<Library>);

impl Current {
    pub fn with<R>(&self, f: impl FnOnce(&Assessment) -> R) -> R {
        self.0.with(|lib| f(&lib.current().assessment))
    }

    pub fn with_untracked<R>(&self, f: impl FnOnce(&Assessment) -> R) -> R {
        self.0.with_untracked(|lib| f(&lib.current().assessment))
    }

    pub fn get(&self) -> Assessment {
        self.with(Assessment::clone)
    }

    pub fn get_untracked(&self) -> Assessment {
        self.with_untracked(Assessment::clone)
    }

    /// Changes the assessment, dated today. Readers, and the save, are
    /// told only if something really changed.
    pub fn update(&self, change: impl FnOnce(&mut Assessment)) {
        self.0.maybe_update(|lib| lib.change_current(change, &browser::today()));
    }

    pub fn set(&self, a: Assessment) {
        self.update(|current| *current = a);
    }
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
    fn new(library: Library, screen: Screen) -> AppState {
        let library = RwSignal::new(library);
        AppState {
            library,
            assessment: Current(library),
            screen: RwSignal::new(screen),
            notice: RwSignal::new(None),
            config: RwSignal::new(Config::default()),
            config_problems: RwSignal::new(Vec::new()),
            offline: offline::Offline::default(),
        }
    }

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
        self.library.maybe_update(|lib| lib.current != id && lib.open(id));
    }

    /// A new id from the clock, unique in this library.
    pub fn fresh_id(&self) -> String {
        self.library.with_untracked(|lib| lib.fresh_id(js_sys::Date::now() as u64))
    }
}

#[component]
pub fn App() -> impl IntoView {
    let kept = sync::load();
    let state = AppState::new(kept.library.clone(), Screen::from_hash(&router::location_hash()));
    provide_context(state);
    leptos::task::spawn_local(publisher::load(state));
    // After the first render, so there is a widget to measure.
    request_animation_frame(publisher::report_height);
    let storage = sync::keep_saved(state, kept);
    router::follow_the_address(state);
    offline::keep_for_offline(state.offline);
    view! { <Widget warnings=view! { <warnings::StorageWarnings storage=storage/> }.into_any()/> }
}

/// What the user sees of the state in context: the same for the running
/// widget and for the first screen put into `index.html`.
#[component]
fn Widget(warnings: AnyView) -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <div class="vtc" style:--vtc-accent=move || state.config.get().accent_colour>
            <publisher::ConfigProblems/>
            {warnings}
            <div role="status" class="vtc-notice">
                {move || state.notice.get().map(|n| view! {
                    <div class="nhsuk-inset-text"><p>{n.text}</p></div>
                })}
            </div>
            <router::CurrentScreen/>
            // Below the screen: these come unasked, a moment after the page
            // opens, and above it they pushed down whatever a person was
            // about to click. A screen reader hears them wherever they are.
            <offline::OfflineNotices/>
        </div>
    }
}

/// The first screen of a first visit, as HTML. The release build puts it
/// into `index.html` (`src/bin/prerender.rs`), so that a person on a slow
/// link sees the task list while the rest of the widget arrives; rendered
/// by the widget's own components, so the two cannot differ.
pub fn first_screen_html() -> String {
    let owner = Owner::new();
    owner.with(|| {
        provide_context(AppState::new(Library::default(), Screen::Start));
        // Read once, as a page that never changes: no signal is followed.
        untrack(|| view! { <Widget warnings=().into_any()/> }.to_html())
    })
}

//! The widget's screens. Each screen reads and changes the one [`Assessment`]
//! signal held in [`AppState`]; everything it shows is worked out by the domain
//! modules, so components stay thin.

mod about;
pub mod browser;
mod common;
mod compare;
pub mod route;
mod section;
mod start;
mod summary;
mod tool;

use leptos::ev;
use leptos::prelude::*;

use crate::assessment::Assessment;
use crate::content::Content;
use crate::storage::{self, browser::Loaded};
use route::Screen;

/// What every screen shares.
#[derive(Clone, Copy)]
pub struct AppState {
    pub assessment: RwSignal<Assessment>,
    pub screen: RwSignal<Screen>,
    /// A one-off message shown at the top of the next screen, such as "deleted".
    pub notice: RwSignal<Option<String>>,
}

impl AppState {
    pub fn content(&self) -> &'static Content {
        Content::builtin()
    }
}

/// A problem with the browser's storage, shown until it is fixed.
#[derive(Clone)]
struct Unreadable {
    raw: String,
    message: String,
}

#[component]
pub fn App() -> impl IntoView {
    let (initial, unreadable) = match storage::browser::load() {
        Loaded::Nothing => (Assessment::default(), None),
        Loaded::Found(a) => (a, None),
        Loaded::Unreadable { raw, error } => {
            (Assessment::default(), Some(Unreadable { raw, message: error.message() }))
        }
    };
    let state = AppState {
        assessment: RwSignal::new(initial),
        screen: RwSignal::new(Screen::from_hash(&location_hash().unwrap_or_default())),
        notice: RwSignal::new(None),
    };
    provide_context(state);
    let save_problem = RwSignal::new(None::<String>);
    let storage_available = storage::browser::available();
    let unreadable = RwSignal::new(unreadable);

    let _ = window_event_listener(ev::hashchange, move |_| {
        let next = Screen::from_hash(&location_hash().unwrap_or_default());
        if state.screen.get_untracked() != next {
            state.screen.set(next);
        }
    });

    // Another tab saved the same assessment. Take its answers, so that this
    // tab's next save cannot silently undo what was answered there.
    let _ = window_event_listener(ev::storage, move |ev| {
        if ev.key().as_deref() != Some(storage::KEY) {
            return;
        }
        let theirs = match ev.new_value() {
            Some(text) => match storage::decode(&text) {
                Ok(a) => a,
                Err(_) => return,
            },
            None => Assessment::default(),
        };
        if state.assessment.get_untracked() != theirs {
            state.assessment.set(theirs);
            state.notice.set(Some(
                "Your answers were changed in another tab or window. This page now shows the latest answers.".into(),
            ));
        }
    });

    // Persistence lives in this one effect: any change to any answer re-runs
    // it, so nothing the user does can skip the save. A blank assessment is not
    // written, so unreadable data set aside at load is never overwritten by it.
    Effect::new(move |_| {
        let a = state.assessment.get();
        if a.is_blank() {
            return;
        }
        save_problem.set(storage::browser::save(&a, &browser::today()).err());
    });

    // Screen readers announce the new heading when the screen changes. Not on
    // first load, so a host page that embeds the widget keeps its own focus.
    Effect::new(move |previous: Option<Screen>| {
        let screen = state.screen.get();
        if previous.is_some_and(|p| p != screen) {
            state.notice.set(None);
            browser::focus_heading();
        }
        screen
    });

    let download_unreadable = move |_| {
        if let Some(u) = unreadable.get_untracked() {
            let _ = browser::download("video-tool-check-unreadable-data.json", "application/json", &u.raw);
        }
    };

    view! {
        <div class="vtc">
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
                    <div class="vtc-actions">
                        <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=download_unreadable>"Download the saved data"</button>
                        <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=move |_| unreadable.set(None)>"Hide this message"</button>
                    </div>
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
                    <div class="nhsuk-inset-text"><p>{n}</p></div>
                })}
            </div>
            {move || match state.screen.get() {
                Screen::Start => view! { <start::StartScreen/> }.into_any(),
                Screen::About => view! { <about::AboutScreen/> }.into_any(),
                Screen::Tool => view! { <tool::ToolScreen/> }.into_any(),
                Screen::Compare => view! { <compare::CompareScreen/> }.into_any(),
                Screen::Section(id) => match state.content().section(&id) {
                    Some(section) => view! { <section::SectionScreen section=section/> }.into_any(),
                    None => view! { <start::StartScreen/> }.into_any(),
                },
                Screen::Summary => view! { <summary::SummaryScreen/> }.into_any(),
            }}
        </div>
    }
}

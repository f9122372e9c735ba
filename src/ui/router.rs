//! Which screen is on view: the URL's hash says, so Back and reload keep the
//! user where they were (see `route`).

use leptos::ev;
use leptos::prelude::*;

use super::browser::focus_heading;
use super::route::Screen;
use super::{about, assessments, compare, section, start, summary, tool, AppState};
#[cfg(feature = "dpo")]
use super::{log, review, setup};

pub fn location_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// Follows the hash as the user moves, and moves focus with them.
pub fn follow_the_address(state: AppState) {
    let on_hash = window_event_listener(ev::hashchange, move |_| {
        let next = Screen::from_hash(&location_hash());
        if state.screen.get_untracked() != next {
            state.screen.set(next);
        }
    });
    // The page outlives the widget when a test or a host page unmounts it.
    on_cleanup(move || on_hash.remove());

    // Screen readers announce the new heading when the screen changes. Not on
    // first load, so a host page that embeds the widget keeps its own focus.
    Effect::new(move |previous: Option<Screen>| {
        let screen = state.screen.get();
        if previous.is_some_and(|p| p != screen) {
            if state.notice.with_untracked(|n| n.as_ref().is_some_and(|n| n.screen != screen)) {
                state.notice.set(None);
            }
            focus_heading();
        }
        screen
    });
}

#[component]
pub fn CurrentScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    // A section that does not exist shows the task list. Decided before the
    // match, so the task list's code is in the download once, not twice.
    let screen = Memo::new(move |_| match state.screen.get() {
        Screen::Section(id) if state.content().section(&id).is_none() => Screen::Start,
        screen => screen,
    });
    move || match screen.get() {
        Screen::Start => view! { <start::StartScreen/> }.into_any(),
        Screen::About => view! { <about::AboutScreen/> }.into_any(),
        Screen::Tool => view! { <tool::ToolScreen/> }.into_any(),
        Screen::Compare => view! { <compare::CompareScreen/> }.into_any(),
        Screen::Assessments => view! { <assessments::AssessmentsScreen/> }.into_any(),
        Screen::Section(id) => match state.content().section(&id) {
            Some(section) => view! { <section::SectionScreen section=section/> }.into_any(),
            None => ().into_any(),
        },
        Screen::Summary => view! { <summary::SummaryScreen/> }.into_any(),
        #[cfg(feature = "dpo")]
        Screen::Review => view! { <review::ReviewScreen/> }.into_any(),
        #[cfg(feature = "dpo")]
        Screen::Log => view! { <log::LogScreen/> }.into_any(),
        #[cfg(feature = "dpo")]
        Screen::Setup => view! { <setup::SetupScreen/> }.into_any(),
        // The practices' widget does not carry the DPO's tools: they are on
        // their own page (see `Screen::dpo_href`).
        #[cfg(not(feature = "dpo"))]
        screen @ (Screen::Review | Screen::Log | Screen::Setup) => view! {
            <h1 tabindex="-1">"The tools for DPOs are on their own page"</h1>
            <p><a class="nhsuk-link" href=screen.dpo_href()>"Open the tools for DPOs"</a></p>
        }
        .into_any(),
    }
}

//! Which screen is on view: the URL's hash says, so Back and reload keep the
//! user where they were (see `route`).

use leptos::ev;
use leptos::prelude::*;

use super::browser::focus_heading;
use super::route::Screen;
use super::{about, assessments, compare, log, review, section, setup, start, summary, tool, AppState};

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
        Screen::Review => view! { <review::ReviewScreen/> }.into_any(),
        Screen::Log => view! { <log::LogScreen/> }.into_any(),
        Screen::Setup => view! { <setup::SetupScreen/> }.into_any(),
    }
}

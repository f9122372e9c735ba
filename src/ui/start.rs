//! The first screen: what the check is, where the answers live, and the task list.

use leptos::prelude::*;

use super::browser::go;
use super::common::{sentence, typed, ConfirmButton, Sources, StatusTag};
use super::route::Screen;
use super::AppState;
use crate::assessment::{Assessment, TaskStatus};

#[component]
pub fn StartScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    let content = state.content();
    let a = state.assessment;

    let tasks = move || {
        let a = a.get();
        let mut rows = vec![
            ("about".to_string(), "About you".to_string(), Screen::About, a.about_status()),
            ("tool".to_string(), "Choose your video tool".to_string(), Screen::Tool, a.tool_status()),
        ];
        for s in a.sections(content) {
            rows.push((
                s.id.to_string(),
                s.title.to_string(),
                Screen::Section(s.id.to_string()),
                a.section_status(content, s.id),
            ));
        }
        rows.into_iter()
            .map(|(id, title, screen, status)| {
                let status_id = format!("task-{id}-status");
                view! {
                    <li class="nhsuk-task-list__item nhsuk-task-list__item--with-link">
                        <div class="nhsuk-task-list__name-and-hint">
                            <a class="nhsuk-link nhsuk-task-list__link" href=screen.to_hash() aria-describedby=status_id.clone()>{title}</a>
                        </div>
                        <div class="nhsuk-task-list__status" class:nhsuk-task-list__status--completed=status == TaskStatus::Done id=status_id>
                            <StatusTag status=status/>
                        </div>
                    </li>
                }
            })
            .collect_view()
    };

    let delete_everything = move |()| {
        a.set(Assessment::default());
        state.tell("Your answers have been deleted from this browser.");
        go(&Screen::Start);
    };

    view! {
        <h1 tabindex="-1">"Check a video tool"</h1>
        <p class="nhsuk-lede-text">"Check whether a video tool is safe to use for consultations with patients or for calls between staff, and what to do if it is not."</p>
        <p>"It takes about 10 minutes. At the end you get a summary to send to your data protection officer (DPO)."</p>
        <div class="nhsuk-inset-text">
            <p>"Your answers are saved only in this browser on this computer. Nothing is sent anywhere unless you send it. If you share this computer, download your summary and delete your answers when you finish."</p>
        </div>

        <h2>"Your tasks"</h2>
        <ul class="nhsuk-task-list" id="tasks">{tasks}</ul>
        // Below the task list, not above it, as is what follows: the first
        // screen in index.html has neither the publisher's words (config.json
        // arrives after the widget starts) nor a returning user's, and they
        // must not push the list down under a person about to click it.
        {move || {
            let config = state.config.get();
            (!config.introduction.is_empty() || !config.publisher.is_empty()).then(|| view! {
                <div class="nhsuk-inset-text">
                    {(!config.publisher.is_empty()).then(|| view! { <p><strong>"From "{typed(&config.publisher)}</strong></p> })}
                    {(!config.introduction.is_empty()).then(|| view! { <p dir="auto">{config.introduction.clone()}</p> })}
                </div>
            })
        }}
        {move || {
            // Read in place: a copy of the library would copy every saved
            // assessment, at start-up and after every change.
            let working_on = state.library.with(|lib| {
                (lib.saved.len() > 1).then(|| format!("You are working on: {}. ", lib.current().title(content)))
            });
            working_on.map(|text| view! {
                <p>{sentence(&text)}
                    <a class="nhsuk-link" href="#/assessments">"See all your assessments"</a></p>
            })
        }}

        <p><a class="nhsuk-link" href="#/compare">"Compare video tools side by side"</a></p>
        <p><a class="nhsuk-link" href="#/assessments">"Your assessments, import and removing your data"</a></p>

        <h2>"Send your summary"</h2>
        <p><a class="nhsuk-link" href="#/summary">"Check your answers and send them to your DPO"</a></p>
        {move || a.with(|a| a.review.as_ref().map(|r| r.decision_label())).map(|decision| view! {
            <div class="nhsuk-inset-text vtc-dpo-decision">
                <p>"Your DPO's review: "<strong>{decision}</strong>". "<a class="nhsuk-link" href="#/summary">"See their decisions on your summary"</a></p>
            </div>
        })}

        <div class="vtc-no-print">
            <h2>"For DPOs and publishers"</h2>
            <p><a class="nhsuk-link" href=Screen::Review.dpo_href()>"Review a practice's check"</a></p>
            <p><a class="nhsuk-link" href=Screen::Log.dpo_href()>"Your log of approved video tools"</a></p>
            <p><a class="nhsuk-link" href=Screen::Setup.dpo_href()>"Set up this widget for your organisation"</a></p>
        </div>

        <Disclosure summary=content.history.title>
            <h3 class="nhsuk-heading-xs">"In 2020"</h3>
            {paragraphs(content.history.text)}
            <Sources ids=content.history.sources/>
            <h3 class="nhsuk-heading-xs">"Today"</h3>
            {paragraphs(content.history.today)}
            <Sources ids=content.history.today_sources/>
        </Disclosure>

        <Disclosure summary="What changed in this guidance">
            {content.changes.iter().map(|change| view! {
                <h3 class="nhsuk-heading-xs">{format!("Version {}, {}", change.version, change.date)}</h3>
                <ul class="nhsuk-list nhsuk-list--bullet">{change.items.iter().map(|item| view! { <li>{*item}</li> }).collect_view()}</ul>
            }).collect_view()}
        </Disclosure>

        <p class="vtc-sources">{format!("Guidance version {}. Last reviewed {}.", content.version, content.reviewed)}</p>

        <div class="vtc-no-print">
            <h2>"Start again"</h2>
            <ConfirmButton id="start-again" label="Start again" class="nhsuk-button nhsuk-button--secondary"
                question="Delete your answers?"
                explanation="This deletes every answer in this assessment from this browser. You cannot undo it. Download your summary first if you need a copy."
                yes="Yes, delete my answers" no="No, keep my answers" on_yes=Callback::new(delete_everything)/>
        </div>
    }
}

/// A "details" whose text is drawn when it is first opened. The first screen
/// in index.html then carries only the summaries (the two texts are 3.4 KB of
/// its 5 KB gzipped), and the widget does not build them as it starts.
#[component]
fn Disclosure(summary: &'static str, children: ChildrenFn) -> impl IntoView {
    let opened = RwSignal::new(false);
    view! {
        <details class="nhsuk-details" on:toggle=move |_| opened.set(true)>
            <summary class="nhsuk-details__summary"><span class="nhsuk-details__summary-text">{summary}</span></summary>
            <div class="nhsuk-details__text">{move || opened.get().then(|| children())}</div>
        </details>
    }
}

/// Text from the guidance, a `<p>` for each paragraph (a blank line apart).
fn paragraphs(text: &'static str) -> impl IntoView {
    text.split("\n\n").map(|p| view! { <p>{p}</p> }).collect_view()
}

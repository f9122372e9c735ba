//! One section of checks, each answered Yes, No or Not sure.

use leptos::prelude::*;

use super::browser::go;
use super::common::{focus_error_summary, BackToTasks, ErrorSummary, Sources};
use super::route::Screen;
use super::AppState;
use crate::assessment::Answer;
use crate::content::{Check, Section};

/// One statement with its radios, why it matters, and its sources.
#[component]
fn CheckQuestion(check: &'static Check, #[prop(into)] show_error: Signal<bool>) -> impl IntoView {
    let a = expect_context::<AppState>().assessment;
    let id = check.id.as_str();
    let why_id = format!("{id}-why");
    let radios = Answer::ALL
        .into_iter()
        .map(|answer| {
            let input_id = format!("{id}-{}", answer.key());
            view! {
                <div class="nhsuk-radios__item">
                    <input class="nhsuk-radios__input" id=input_id.clone() name=id type="radio" value=answer.key()
                        prop:checked=move || a.with(|a| a.answers.get(id) == Some(&answer))
                        on:change=move |_| a.update(|a| a.answer(id, answer))/>
                    <label class="nhsuk-label nhsuk-radios__label" for=input_id>{answer.label()}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="nhsuk-form-group vtc-check" id=format!("check-{id}") class:nhsuk-form-group--error=move || show_error.get()>
            <fieldset class="nhsuk-fieldset" aria-describedby=move || if show_error.get() { format!("{id}-error") } else { String::new() }>
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
                    {check.statement.clone()}
                    {check.blocking.then(|| view! { " " <strong class="nhsuk-tag nhsuk-tag--red">"Essential"</strong> })}
                </legend>
                <details class="nhsuk-details nhsuk-u-margin-bottom-3" id=why_id>
                    <summary class="nhsuk-details__summary"><span class="nhsuk-details__summary-text">"Why this matters"</span></summary>
                    <div class="nhsuk-details__text">
                        <p>{check.why.clone()}</p>
                        <p><strong>"If your answer is No or Not sure: "</strong>{check.action.clone()}</p>
                        <Sources ids=check.sources.clone()/>
                    </div>
                </details>
                {move || show_error.get().then(|| view! {
                    <span class="nhsuk-error-message" id=format!("{id}-error")><span class="nhsuk-u-visually-hidden">"Error: "</span>"Select Yes, No or Not sure"</span>
                })}
                <div class="nhsuk-radios nhsuk-radios--inline">{radios}</div>
            </fieldset>
        </div>
    }
}

#[component]
pub fn SectionScreen(section: &'static Section) -> impl IntoView {
    let state = expect_context::<AppState>();
    let content = state.content();
    let a = state.assessment;
    let submitted = RwSignal::new(false);
    let checks = move || a.with(|a| a.checks_in(content, &section.id));
    let unanswered = move || {
        a.with(|a| {
            a.checks_in(content, &section.id)
                .into_iter()
                .filter(|c| !a.answers.contains_key(&c.id))
                .collect::<Vec<_>>()
        })
    };
    let position = move || {
        a.with(|a| {
            let sections = a.sections(content);
            let i = sections.iter().position(|s| s.id == section.id);
            (
                i,
                sections.len(),
                i.and_then(|i| sections.get(i + 1)).map(|s| s.id.clone()),
            )
        })
    };

    let on_continue = move |_| {
        submitted.set(true);
        if unanswered().is_empty() {
            go(&position().2.map_or(Screen::Summary, Screen::Section));
        } else {
            focus_error_summary();
        }
    };

    view! {
        <BackToTasks/>
        {move || match position() {
            (Some(i), n, _) => Some(view! { <span class="nhsuk-caption-l">{format!("Section {} of {}", i + 1, n)}</span> }),
            _ => None,
        }}
        <h1 tabindex="-1">{section.title.clone()}</h1>
        {move || {
            let missing = if submitted.get() { unanswered() } else { Vec::new() };
            (!missing.is_empty()).then(|| {
                let items = missing.iter().map(|c| (format!("{}-{}", c.id, Answer::Yes.key()), format!("Answer: {}", c.statement))).collect();
                view! { <ErrorSummary items=items intro="Answer every check. Choose Not sure if you do not know: it becomes an action to find out."/> }
            })
        }}
        <p>{section.intro.clone()}</p>
        <Sources ids=section.sources.clone()/>
        {move || checks().into_iter().map(|check| {
            let show_error = Signal::derive(move || submitted.get() && a.with(|a| !a.answers.contains_key(&check.id)));
            view! { <CheckQuestion check=check show_error=show_error/> }
        }).collect_view()}
        <button type="button" class="nhsuk-button" id="continue" on:click=on_continue>"Save and continue"</button>
    }
}

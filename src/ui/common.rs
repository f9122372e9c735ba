//! Pieces several screens use: source citations, status tags, error summaries,
//! and the question asked before something that cannot be undone.

use leptos::prelude::*;

use super::browser::{focus_id, focus_when_drawn};
use super::AppState;
use crate::assessment::TaskStatus;

/// One of the widget's sentences, with each piece of user text in it (as
/// `user_text::isolate` marked it) drawn in a `<bdi>`, so that its direction
/// cannot reorder the sentence's own words.
pub fn sentence(text: &str) -> AnyView {
    crate::user_text::pieces(text)
        .into_iter()
        .map(|(isolated, piece)| {
            let piece = piece.to_string();
            if isolated {
                view! { <bdi>{piece}</bdi> }.into_any()
            } else {
                piece.into_any()
            }
        })
        .collect_view()
        .into_any()
}

/// Text someone typed (or a file or the publisher's settings brought), shown
/// on its own: isolated in a `<bdi>` (see `crate::user_text`).
pub fn typed(text: &str) -> AnyView {
    sentence(&crate::user_text::isolate(text))
}

/// "Source: title, publisher (date). Checked …" for each source id, linked
/// where public, saying when we read it second-hand or could not confirm its
/// address, so a DPO can weigh each one.
#[component]
pub fn Sources(ids: &'static [&'static str]) -> impl IntoView {
    let content = expect_context::<AppState>().content();
    let items = ids
        .iter()
        .filter_map(|id| content.source(id))
        .map(|s| {
            let label = format!("{}, {} ({})", s.title, s.publisher, s.date);
            let note = s.how_checked();
            if s.url.is_empty() {
                view! { <li>{label}". "{note}</li> }.into_any()
            } else {
                view! {
                    <li>
                        <a class="nhsuk-link" href=s.url target="_blank" rel="noopener noreferrer">
                            {label}<span class="nhsuk-u-visually-hidden">" (opens in a new tab)"</span>
                        </a>
                        ". "{note}
                    </li>
                }
                .into_any()
            }
        })
        .collect_view();
    view! {
        <div class="vtc-sources">
            <p class="nhsuk-u-margin-bottom-1">{if ids.len() == 1 { "Source:" } else { "Sources:" }}</p>
            <ul class="nhsuk-list nhsuk-list--bullet">{items}</ul>
        </div>
    }
}

/// The framework items a check helps a DPO evidence, under its sources.
#[component]
pub fn Evidence(refs: &'static [&'static str]) -> impl IntoView {
    let content = expect_context::<AppState>().content();
    let items = refs
        .iter()
        .filter_map(|r| content.evidence_item(r))
        .map(|(framework, item)| view! { <li>{format!("{}: {}", framework.name, item.label)}</li> })
        .collect_view();
    view! {
        <div class="vtc-sources">
            <p class="nhsuk-u-margin-bottom-1">"Evidence for your DPO:"</p>
            <ul class="nhsuk-list nhsuk-list--bullet">{items}</ul>
        </div>
    }
}

#[component]
pub fn StatusTag(status: TaskStatus) -> impl IntoView {
    let class = match status {
        TaskStatus::Done => "nhsuk-tag nhsuk-tag--no-border nhsuk-tag--no-colour nhsuk-u-font-weight-normal",
        TaskStatus::InProgress => "nhsuk-tag nhsuk-tag--blue",
        TaskStatus::NotStarted => "nhsuk-tag nhsuk-tag--grey",
    };
    view! { <strong class=class>{status.label()}</strong> }
}

/// The NHS.UK error summary. Each item is (id of the field to focus, message);
/// its links move focus to the field in error. A message may quote text
/// someone typed, isolated as `sentence` draws it.
#[component]
pub fn ErrorSummary(items: Vec<(String, String)>, #[prop(optional)] intro: Option<&'static str>) -> impl IntoView {
    let links = items
        .into_iter()
        .map(|(target, message)| {
            let href = format!("#{target}");
            view! {
                <li>
                    <a href=href on:click=move |ev| { ev.prevent_default(); focus_id(&target); }>{sentence(&message)}</a>
                </li>
            }
        })
        .collect_view();
    view! {
        <ErrorBox heading="There is a problem" id="error-summary">
            {intro.map(|t| view! { <p>{t}</p> })}
            <ul class="nhsuk-list nhsuk-error-summary__list">{links}</ul>
        </ErrorBox>
    }
}

/// NHS.UK's error summary box around any body: a list of fields in error
/// ([`ErrorSummary`]), or why a file could not be read.
#[component]
pub fn ErrorBox(
    heading: &'static str,
    #[prop(optional)] id: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="nhsuk-error-summary" id=id tabindex="-1">
            // As NHS.UK's template: the alert inside the box that takes focus,
            // so a screen reader does not cut one short with the other.
            <div role="alert">
                <h2 class="nhsuk-error-summary__heading">{heading}</h2>
                <div class="nhsuk-error-summary__body">{children()}</div>
            </div>
        </div>
    }
}

/// Focus the error summary once it is drawn, as the NHS.UK pattern asks.
pub fn focus_error_summary() {
    focus_when_drawn("error-summary");
}

/// A button for something that cannot be undone, and the question it opens in
/// its place. The button the user pressed leaves the page while the question
/// is shown, so focus moves to the question, and back to the button once it is
/// answered either way: keyboard and screen reader users keep their place.
#[component]
pub fn ConfirmButton(
    /// The button's id. The question is `confirm-{id}` and its yes button `{id}-confirm`.
    id: &'static str,
    label: &'static str,
    /// The button's classes: a secondary or a warning button.
    class: &'static str,
    question: &'static str,
    explanation: &'static str,
    yes: &'static str,
    no: &'static str,
    /// What yes does.
    on_yes: Callback<()>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let question_id = format!("confirm-{id}");
    let heading_id = format!("confirm-{id}-question");
    let answer = move |go_ahead: bool| {
        if go_ahead {
            on_yes.run(());
        }
        open.set(false);
        focus_when_drawn(id);
    };
    move || {
        if open.get() {
            let heading_id = heading_id.clone();
            view! {
                <div class="nhsuk-warning-callout" id=question_id.clone()>
                    <h3 class="nhsuk-warning-callout__label" id=heading_id tabindex="-1">{question}</h3>
                    <p>{explanation}</p>
                    <div class="vtc-actions">
                        <button type="button" class="nhsuk-button nhsuk-button--warning" id=format!("{id}-confirm") on:click=move |_| answer(true)>{yes}</button>
                        <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=move |_| answer(false)>{no}</button>
                    </div>
                </div>
            }
            .into_any()
        } else {
            let heading_id = heading_id.clone();
            view! {
                <button type="button" class=class id=id on:click=move |_| {
                    open.set(true);
                    focus_when_drawn(heading_id.clone());
                }>{label}</button>
            }
            .into_any()
        }
    }
}

#[component]
pub fn BackToTasks() -> impl IntoView {
    view! {
        <p class="vtc-no-print"><a class="nhsuk-link" href="#/">"Back to your tasks"</a></p>
    }
}

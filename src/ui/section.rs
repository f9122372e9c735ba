//! One section of checks, each answered Yes, No or Not sure.

use leptos::prelude::*;

use super::browser::go;
use super::common::{focus_error_summary, sentence, BackToTasks, ErrorSummary, Evidence, Sources};
use super::route::Screen;
use super::AppState;
use crate::assessment::{Answer, DpiaDecision, DpiaScreening, DPIA_SECTION};
use crate::content::{Check, Section};

/// One statement with its radios, why it matters, and its sources.
#[component]
fn CheckQuestion(check: &'static Check, #[prop(into)] show_error: Signal<bool>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let a = state.assessment;
    let version = state.content().version;
    let id = check.id;
    let why_id = format!("{id}-why");
    let radios = Answer::ALL
        .into_iter()
        .map(|answer| {
            let input_id = format!("{id}-{}", answer.key());
            view! {
                <div class="nhsuk-radios__item">
                    <input class="nhsuk-radios__input" id=input_id.clone() name=id type="radio" value=answer.key()
                        prop:checked=move || a.with(|a| a.answers.get(id) == Some(&answer))
                        on:change=move |_| a.update(|a| {
                            a.answer(id, answer);
                            if a.guidance_version.is_empty() {
                                a.guidance_version = version.to_string();
                            }
                        })/>
                    <label class="nhsuk-label nhsuk-radios__label" for=input_id>{answer.label()}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="nhsuk-form-group" id=format!("check-{id}") class:nhsuk-form-group--error=move || show_error.get()>
            <fieldset class="nhsuk-fieldset" aria-describedby=move || if show_error.get() { format!("{id}-error") } else { String::new() }>
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
                    {check.statement}
                    {check.blocking.then(|| view! { " " <strong class="nhsuk-tag nhsuk-tag--red">"Essential"</strong> })}
                </legend>
                <details class="nhsuk-details nhsuk-u-margin-bottom-3" id=why_id>
                    <summary class="nhsuk-details__summary"><span class="nhsuk-details__summary-text">"Why this matters"<span class="nhsuk-u-visually-hidden">{format!(": {}", check.statement)}</span></span></summary>
                    <div class="nhsuk-details__text">
                        <p>{check.why}</p>
                        <p><strong>"If your answer is No or Not sure: "</strong>{check.action}</p>
                        <Sources ids=check.sources/>
                        <Evidence refs=check.evidence/>
                    </div>
                </details>
                {move || a.with(|a| a.rechecks.get(id).cloned()).map(|what| view! {
                    <p class="vtc-dpo-decision">"This check changed since last year's answer, so answer it again. "{what}</p>
                })}
                {move || a.with(|a| a.decision(id).map(|d| d.sentence())).map(|line| view! {
                    <p class="vtc-dpo-decision">{sentence(&line)}</p>
                })}
                {move || a.with(|a| a.changed_since_review(id)).then(|| view! {
                    <p><strong class="nhsuk-tag nhsuk-tag--yellow">"Changed since the DPO's review"</strong></p>
                })}
                {move || show_error.get().then(|| view! {
                    <span class="nhsuk-error-message" id=format!("{id}-error")><span class="nhsuk-u-visually-hidden">"Error: "</span>"Select Yes, No or Not sure"</span>
                })}
                <div class="nhsuk-radios nhsuk-radios--inline">{radios}</div>
            </fieldset>
        </div>
    }
}

/// The DPIA screening: does this use go beyond an existing DPIA?
#[component]
fn DpiaScreeningQuestion(#[prop(into)] show_error: Signal<bool>) -> impl IntoView {
    let a = expect_context::<AppState>().assessment;
    let decision = move || a.with(|a| a.dpia.decision);
    let radios = DpiaDecision::ALL
        .into_iter()
        .map(|d| {
            let id = format!("dpia-{}", d.key());
            let conditional = match d {
                DpiaDecision::Needed => None,
                DpiaDecision::Covered => Some(("dpia-reference", "Title or reference of the DPIA that covers this use")),
                DpiaDecision::NotNeeded => Some(("dpia-reason", "Why do you not need a DPIA?")),
            };
            view! {
                <div class="nhsuk-radios__item">
                    <input class="nhsuk-radios__input" id=id.clone() name="dpia" type="radio" value=d.key()
                        aria-controls=conditional.map(|(field, _)| format!("{field}-group"))
                        prop:checked=move || decision() == Some(d)
                        on:change=move |_| a.update(|a| a.dpia.decision = Some(d))/>
                    <label class="nhsuk-label nhsuk-radios__label" for=id>{d.label()}</label>
                </div>
                {conditional.map(|(field, label)| view! {
                    <div class="nhsuk-radios__conditional" id=format!("{field}-group")
                        class:nhsuk-radios__conditional--hidden=move || decision() != Some(d)>
                        <div class="nhsuk-form-group">
                            <label class="nhsuk-label" for=field>{label}</label>
                            <input class="nhsuk-input" id=field name=field type="text" dir="auto"
                                prop:value=move || a.with(|a| if d == DpiaDecision::Covered { a.dpia.reference.clone() } else { a.dpia.reason.clone() })
                                on:input=move |ev| {
                                    let v = event_target_value(&ev);
                                    a.update(|a| if d == DpiaDecision::Covered { a.dpia.reference = v } else { a.dpia.reason = v });
                                }/>
                        </div>
                    </div>
                })}
            }
        })
        .collect_view();
    view! {
        <div class="nhsuk-form-group" class:nhsuk-form-group--error=move || show_error.get()>
            <fieldset class="nhsuk-fieldset" aria-describedby="dpia-hint">
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
                    <h2 class="nhsuk-fieldset__heading">"Will you use personal or confidential patient information with this tool in a way that an existing DPIA does not cover?"</h2>
                </legend>
                <div class="nhsuk-hint" id="dpia-hint">"If you are not sure, ask your DPO. A DPIA looks at people's privacy rights; your risk assessment looks at all other risks."</div>
                {move || show_error.get().then(|| view! {
                    <span class="nhsuk-error-message" id="dpia-error"><span class="nhsuk-u-visually-hidden">"Error: "</span>{dpia_error(&a.get().dpia)}</span>
                })}
                <div class="nhsuk-radios">{radios}</div>
            </fieldset>
        </div>
        {move || (decision() == Some(DpiaDecision::Needed)).then(|| view! {
            <div class="nhsuk-inset-text" id="dpia-needed">
                <p><strong>"Your DPIA should be in place before you use this tool."</strong>" The checks below ask what it covers: what you plan to do, the data protection risks, whether it is necessary and proportionate, how you will reduce the risks, and a plan or confirmation that those steps are in place."</p>
            </div>
        })}
    }
}

/// What is missing from the screening, as the error message says it.
fn dpia_error(dpia: &DpiaScreening) -> &'static str {
    match dpia.decision {
        None => "Select whether you need a new DPIA",
        Some(DpiaDecision::Covered) => "Enter the title or reference of the DPIA that covers this use",
        _ => "Enter why you do not need a DPIA",
    }
}

/// Where an error summary link for the screening should take focus.
fn dpia_target(dpia: &DpiaScreening) -> String {
    match dpia.decision {
        None => format!("dpia-{}", DpiaDecision::Needed.key()),
        Some(DpiaDecision::Covered) => "dpia-reference".to_string(),
        _ => "dpia-reason".to_string(),
    }
}

#[component]
pub fn SectionScreen(section: &'static Section) -> impl IntoView {
    let state = expect_context::<AppState>();
    let content = state.content();
    let a = state.assessment;
    let submitted = RwSignal::new(false);
    let is_dpia = section.id == DPIA_SECTION;
    // Only the list of checks, not their answers: re-drawing the questions on
    // every answer would take focus away from the radio a keyboard user is on.
    let check_ids =
        Memo::new(move |_| a.with(|a| a.checks_in(content, section.id).iter().map(|c| c.id).collect::<Vec<_>>()));
    let screening_missing = move || is_dpia && a.with(|a| !a.dpia.is_answered());
    // (id to focus, message) for everything still to answer.
    let missing = move || {
        a.with(|a| {
            let mut out = Vec::new();
            if is_dpia && !a.dpia.is_answered() {
                out.push((dpia_target(&a.dpia), dpia_error(&a.dpia).to_string()));
            }
            for c in a.checks_in(content, section.id) {
                if !a.answers.contains_key(c.id) {
                    out.push((format!("{}-{}", c.id, Answer::Yes.key()), format!("Answer: {}", c.statement)));
                }
            }
            out
        })
    };
    let position = move || {
        a.with(|a| {
            let sections = a.sections(content);
            let i = sections.iter().position(|s| s.id == section.id);
            (i, sections.len(), i.and_then(|i| sections.get(i + 1)).map(|s| s.id))
        })
    };
    let title = move || match (section.id, a.with(|a| a.tool_name(content))) {
        ("tool-settings", Some(tool)) => format!("Settings for {}", crate::user_text::isolate(&tool)),
        _ => section.title.to_string(),
    };

    let on_continue = move |_| {
        submitted.set(true);
        if missing().is_empty() {
            go(&position().2.map_or(Screen::Summary, |id| Screen::Section(id.to_string())));
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
        <h1 tabindex="-1">{move || super::common::sentence(&title())}</h1>
        {move || {
            let items = if submitted.get() { missing() } else { Vec::new() };
            (!items.is_empty()).then(|| view! {
                <ErrorSummary items=items intro="Answer every question. Choose Not sure if you do not know: it becomes an action to find out."/>
            })
        }}
        <p>{section.intro}</p>
        <Sources ids=section.sources/>
        {is_dpia.then(|| view! { <DpiaScreeningQuestion show_error=Signal::derive(move || submitted.get() && screening_missing())/> })}
        {move || check_ids.get().into_iter().filter_map(|id| content.check(id)).map(|check| {
            let show_error = Signal::derive(move || submitted.get() && a.with(|a| !a.answers.contains_key(check.id)));
            view! { <CheckQuestion check=check show_error=show_error/> }
        }).collect_view()}
        <button type="button" class="nhsuk-button" id="continue" on:click=on_continue>"Save and continue"</button>
    }
}

//! "Your summary": the outcome, the actions, every answer with a way to change
//! it, and the ways to send it to the DPO.

use leptos::prelude::*;

use super::browser::{download, today};
use super::common::{sentence, typed, BackToTasks};
use super::route::Screen;
use super::AppState;
use crate::assessment::ActionPlan;
use crate::content::Check;
use crate::export::{email, file, report};
use crate::summary::{long_date, plan_sentence, DpoSummary, NOT_GIVEN};
use crate::user_text::isolate;

/// One action with its owner, due date and status, all editable and saved as typed.
#[component]
fn ActionRow(#[prop(into)] number: Signal<usize>, check: &'static Check) -> impl IntoView {
    let a = expect_context::<AppState>().assessment;
    let id = check.id;
    let answer = move || a.with(|a| a.answers.get(id).map_or("", |x| x.label()));
    let plan = move || a.with(|a| a.plans.get(id).cloned().unwrap_or_default());
    let edit = move |f: fn(&mut ActionPlan, String)| {
        move |ev| {
            let v = event_target_value(&ev);
            a.update(|a| f(a.plans.get_or_default(id), v))
        }
    };
    // Every action has the same three fields: a screen reader user hears
    // which action each is for, while the visible label stays short.
    let for_action = move || {
        view! { <span class="nhsuk-u-visually-hidden">{format!(" for the action: {}", check.action)}</span> }
    };
    view! {
        <li class="vtc-action" id=format!("action-{id}")>
            <h3 class="nhsuk-heading-s nhsuk-u-margin-bottom-2">
                {move || format!("{}. ", number.get())}
                {check.blocking.then(|| view! { <strong class="nhsuk-tag nhsuk-tag--red">"Essential"</strong> " " })}
                {check.action}
            </h3>
            <p class="vtc-sources">{move || format!("Because you answered {} to: {}", answer(), check.statement)}</p>
            <p class="vtc-print-only">{move || {
                let p = plan();
                sentence(&plan_sentence(&p.owner, &p.due, p.done))
            }}</p>
            <div class="vtc-plan vtc-no-print">
                <div class="nhsuk-form-group">
                    <label class="nhsuk-label" for=format!("owner-{id}")>"Owner"{for_action}</label>
                    <input class="nhsuk-input nhsuk-input--width-20" id=format!("owner-{id}") type="text" dir="auto"
                        prop:value=move || plan().owner on:input=edit(|p, v| p.owner = v)/>
                </div>
                <div class="nhsuk-form-group">
                    <label class="nhsuk-label" for=format!("due-{id}")>"Due date"{for_action}</label>
                    <input class="nhsuk-input nhsuk-input--width-10" id=format!("due-{id}") type="date"
                        prop:value=move || plan().due on:input=edit(|p, v| p.due = v)/>
                </div>
                <div class="nhsuk-checkboxes__item">
                    <input class="nhsuk-checkboxes__input" id=format!("done-{id}") type="checkbox"
                        prop:checked=move || plan().done
                        on:change=move |ev| { let done = event_target_checked(&ev); a.update(|a| a.plans.get_or_default(id).done = done); }/>
                    <label class="nhsuk-label nhsuk-checkboxes__label" for=format!("done-{id}")>"Done"{for_action}</label>
                </div>
            </div>
        </li>
    }
}

#[component]
pub fn SummaryScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    let content = state.content();
    let a = state.assessment;
    let summary = Memo::new(move |_| {
        let config = state.config.get();
        a.with(|a| DpoSummary::new(a, content, &today()).with_config(a, &config))
    });
    let download_problem = RwSignal::new(None::<String>);

    let save = move |extension: &'static str| {
        let s = summary.get_untracked();
        let name = state.library.with_untracked(|lib| lib.current().name.clone());
        let (mime, text) = match extension {
            "html" => ("text/html", a.with_untracked(|a| report::html(a, content, &s))),
            "json" => ("application/json", a.with_untracked(|a| file::json(a, &s, &name))),
            _ => ("text/plain", s.to_text()),
        };
        let result = download(&report::file_name(&s, extension), &format!("{mime};charset=utf-8"), &text);
        download_problem
            .set(result.err().map(|_| "Your browser did not let us make the file. Try another browser.".to_string()));
    };

    let copy_status = RwSignal::new(String::new());
    let copy = move |_| {
        let text = summary.get_untracked().to_text();
        let clipboard = window().navigator().clipboard();
        leptos::task::spawn_local(async move {
            let done = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text)).await;
            copy_status.set(match done {
                Ok(_) => "The summary is copied. Paste it into your email or ticket.".to_string(),
                Err(_) => "Your browser did not let us copy. Use Download as text instead.".to_string(),
            });
        });
    };

    let outcome_box = move || {
        let s = summary.get();
        let modifier = match s.outcome {
            _ if !s.is_complete() => "unfinished",
            crate::assessment::Outcome::Ready => "ready",
            crate::assessment::Outcome::UseWithActions => "use-with-actions",
            crate::assessment::Outcome::DoNotUseYet => "do-not-use-yet",
        };
        view! {
            <div class=format!("vtc-outcome vtc-outcome--{modifier}")>
                // A heading, as it looks: screen reader users find the outcome
                // in the page's headings as others find it by its size.
                <h2 class="nhsuk-heading-l nhsuk-u-margin-bottom-2">
                    <span class="nhsuk-caption-m nhsuk-u-margin-bottom-1">
                        {sentence(&a.with(|a| a.tool_name(content)).map_or("Outcome".to_string(), |tool| format!("Outcome for {}", isolate(&tool))))}
                        <span class="nhsuk-u-visually-hidden">": "</span>
                    </span>
                    {s.headline()}
                </h2>
                <p class="nhsuk-u-margin-bottom-0">{s.explanation()}</p>
            </div>
        }
    };

    let unfinished = move || {
        let s = summary.get();
        (!s.is_complete()).then(|| {
            view! {
                <div class="nhsuk-warning-callout" id="unfinished">
                    <h2 class="nhsuk-warning-callout__label">"This check is not finished"</h2>
                    <p>"Your summary says it is not finished. You still need to do:"</p>
                    <ul>{s.unfinished.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                    <p><a class="nhsuk-link" href="#/">"Go to your tasks"</a></p>
                </div>
            }
        })
    };

    let details = move || {
        let s = summary.get();
        // What people typed is isolated piece by piece, so that a name
        // cannot reorder the email address beside it.
        let given = |text: &str| if text.trim().is_empty() { NOT_GIVEN.to_string() } else { isolate(text) };
        let dpo = match (s.dpo_name.is_empty(), s.dpo_email.is_empty()) {
            (false, false) => format!("{}, {}", isolate(&s.dpo_name), isolate(&s.dpo_email)),
            _ => given(&format!("{}{}", s.dpo_name, s.dpo_email)),
        };
        let rows = [
            ("Organisation", given(&s.org_name), Screen::About),
            ("Type of organisation", s.org_type.clone(), Screen::About),
            ("Checked by", given(&s.checked_by), Screen::About),
            ("Data protection officer", dpo, Screen::About),
            ("Used for", s.purpose.clone(), Screen::About),
            ("Video tool", given(&s.tool), Screen::Tool),
            ("DPIA screening", s.dpia.clone(), Screen::Section(crate::assessment::DPIA_SECTION.to_string())),
        ];
        let approval = s.approval.clone();
        view! {
            <dl class="nhsuk-summary-list" id="details">
                {rows.into_iter().map(|(key, value, screen)| view! {
                    <div class="nhsuk-summary-list__row">
                        <dt class="nhsuk-summary-list__key">{key}</dt>
                        <dd class="nhsuk-summary-list__value">{sentence(&value)}</dd>
                        <dd class="nhsuk-summary-list__actions vtc-no-print">
                            <a class="nhsuk-link" href=screen.to_hash()>"Change"<span class="nhsuk-u-visually-hidden">{format!(" {}", key.to_ascii_lowercase())}</span></a>
                        </dd>
                    </div>
                }).collect_view()}
                {approval.map(|line| view! {
                    <div class="nhsuk-summary-list__row nhsuk-summary-list__row--no-actions">
                        <dt class="nhsuk-summary-list__key">"Log of approved tools"</dt>
                        <dd class="nhsuk-summary-list__value">{sentence(&line)}</dd>
                    </div>
                })}
                <div class="nhsuk-summary-list__row nhsuk-summary-list__row--no-actions">
                    <dt class="nhsuk-summary-list__key">"Date"</dt>
                    <dd class="nhsuk-summary-list__value">{long_date(&s.date)}</dd>
                </div>
                <div class="nhsuk-summary-list__row nhsuk-summary-list__row--no-actions">
                    <dt class="nhsuk-summary-list__key">"Guidance version"</dt>
                    <dd class="nhsuk-summary-list__value">{format!("{} (last reviewed {})", s.content_version, s.reviewed)}</dd>
                </div>
            </dl>
        }
    };

    // A keyed list: each action's row, with whatever field the user is
    // typing in, stays in place as answers add or remove other actions.
    let action_ids =
        Memo::new(move |_| summary.with(|s| s.actions.iter().map(|x| x.check_id.clone()).collect::<Vec<_>>()));
    let actions = move || {
        if action_ids.with(Vec::is_empty) {
            return view! { <p>"No actions. You answered Yes to every check you have answered."</p> }.into_any();
        }
        let checks = move || action_ids.get().into_iter().filter_map(|id| content.check(&id)).collect::<Vec<_>>();
        view! {
            <ol class="nhsuk-list vtc-action-list">
                <For each=checks key=|check| check.id let(check)>
                    <ActionRow check=check number=Signal::derive(move || {
                        action_ids.with(|ids| ids.iter().position(|id| id == check.id).map_or(0, |i| i + 1))
                    })/>
                </For>
            </ol>
        }
        .into_any()
    };

    let answers = move || {
        let sections = summary.get().sections;
        a.with(|a| {
            sections
                .into_iter()
                .map(|section| {
                    let rows = a
                        .checks_in(content, &section.id)
                        .into_iter()
                        .map(|c| {
                            let answer = a.answers.get(c.id).map_or("Not answered", |x| x.label());
                            let marks = [
                                a.decision(c.id).map(|d| d.sentence()),
                                a.changed_since_review(c.id).then(|| "Changed since the DPO's review.".to_string()),
                            ];
                            let href = Screen::Section(section.id.clone()).to_hash();
                            view! {
                                <div class="nhsuk-summary-list__row">
                                    <dt class="nhsuk-summary-list__key">{c.statement}</dt>
                                    <dd class="nhsuk-summary-list__value">{answer}
                                        {marks.into_iter().flatten().map(|m| view! { <br/>{sentence(&m)} }).collect_view()}
                                    </dd>
                                    <dd class="nhsuk-summary-list__actions vtc-no-print">
                                        <a class="nhsuk-link" href=href>"Change"<span class="nhsuk-u-visually-hidden">{format!(" your answer to: {}", c.statement)}</span></a>
                                    </dd>
                                </div>
                            }
                        })
                        .collect_view();
                    view! {
                        <h3>{format!("{}: {}", section.title, section.verdict())}</h3>
                        <p class="vtc-sources">{section.reason()}</p>
                        <dl class="nhsuk-summary-list vtc-answers">{rows}</dl>
                    }
                })
                .collect_view()
        })
    };

    let mailto = move || email::mailto(&summary.get());

    // The DPO's answer, once a reviewed file is imported: their decision, and
    // their conditions as actions of their own.
    let review = move || {
        summary.get().review.map(|r| {
            view! {
                <h2>"Your DPO's review"</h2>
                <div class="nhsuk-inset-text vtc-dpo-decision">
                    <p><strong>{sentence(&r.headline())}</strong></p>
                    {(!r.next_review.is_empty()).then(|| view! { <p>{format!("Next review: {}.", long_date(&r.next_review))}</p> })}
                </div>
                {(!r.conditions.is_empty()).then(|| view! {
                    <h3>"Actions from your DPO"</h3>
                    <ul class="nhsuk-list nhsuk-list--bullet">{r.conditions.iter().map(|c| view! { <li>{typed(c)}</li> }).collect_view()}</ul>
                })}
                {(!r.changed.is_empty()).then(|| view! {
                    <h3>"Changed since the DPO's review"</h3>
                    <p>"Your DPO will see these marked when you send the report again."</p>
                    <ul class="nhsuk-list nhsuk-list--bullet">{r.changed.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view()}</ul>
                })}
            }
        })
    };

    view! {
        <BackToTasks/>
        <h1 tabindex="-1">"Your summary"</h1>
        {outcome_box}
        {unfinished}
        {review}
        {details}

        <h2>"Actions"</h2>
        {actions}

        <div class="vtc-no-print">
            <h2>"Send this to your DPO"</h2>
            <p>"First download the report. Then use the email button: your email program opens with a short summary to your DPO. Attach the report before you send it."</p>
            {move || summary.get().dpo_email.is_empty().then(|| view! {
                <div class="nhsuk-inset-text" id="no-dpo-email">
                    <p>"You have not given your DPO's email address, so you will need to type it in. "<a class="nhsuk-link" href="#/about">"Add your DPO's email address"</a></p>
                </div>
            })}
            <div class="vtc-actions nhsuk-u-margin-bottom-4">
                <button type="button" class="nhsuk-button" on:click=move |_| save("html")>"Download summary"</button>
                <a class="nhsuk-button nhsuk-button--secondary" id="email-dpo" href=mailto>"Email your DPO"</a>
            </div>
            <details class="nhsuk-details">
                <summary class="nhsuk-details__summary"><span class="nhsuk-details__summary-text">"Other ways to save or send it"</span></summary>
                <div class="nhsuk-details__text">
                    <p>"Plain text is good for pasting into a ticket or a webmail message. The JSON file is for importing into Video Tool Check or another system."</p>
                    <div class="vtc-actions">
                        <button type="button" class="nhsuk-button nhsuk-button--secondary" id="copy-summary" on:click=copy>"Copy summary"</button>
                        <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=move |_| save("txt")>"Download as text"</button>
                        <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=move |_| save("json")>"Download as JSON"</button>
                    </div>
                    <p role="status" id="copy-status">{move || copy_status.get()}</p>
                </div>
            </details>
            {move || download_problem.get().map(|p| view! { <p class="nhsuk-error-message" role="alert">{p}</p> })}
            <p class="vtc-sources">"The report is a web page file. It opens in any browser without this tool, and you can print it or save it as a PDF."</p>
        </div>

        {move || {
            let c = state.config.get().ig_contact;
            (!c.name.is_empty() || !c.email.is_empty()).then(|| view! {
                <div class="nhsuk-inset-text">
                    <p>{sentence(&format!(
                        "If information is ever shared with the wrong people, contact {}{}{}.",
                        if c.role.is_empty() { "your IG contact".to_string() } else { format!("your {}", isolate(&c.role)) },
                        if c.name.is_empty() { String::new() } else { format!(", {}", isolate(&c.name)) },
                        [c.email.clone(), c.phone.clone()].iter().filter(|x| !x.is_empty()).map(|x| format!(", {}", isolate(x))).collect::<String>()
                    ))}</p>
                </div>
            })
        }}

        <h2>"Your answers"</h2>
        {answers}
    }
}

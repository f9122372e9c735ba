//! "Review a practice's check": the DPO opens the report or JSON file a
//! practice sent, records a decision on any check or action and on the whole
//! check, then downloads the reviewed report and emails the practice. The
//! review is kept with the assessment in this browser, like any other.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::assessments::read_chosen;
use super::browser::{download, today};
use super::common::{sentence, typed, BackToTasks, ErrorBox};
use super::AppState;
use crate::assessment::{Answer, Assessment};
use crate::config::Approval;
use crate::content::Check;
use crate::export::{email, file::ImportError, report};
use crate::review::{a_year_after, Decision, DpoReview, Overall, Verdict};
use crate::summary::{long_date, DpoSummary};

/// Changes the review of the current assessment, starting one if need be.
fn edit_review(a: super::Current, change: impl FnOnce(&mut DpoReview)) {
    a.update(|a| {
        let fresh = DpoReview::start(a, &today());
        change(a.review.get_or_insert(fresh));
    });
}

/// The DPO's decision on one check, with a reason, and for an action a
/// condition and a due date of their own.
#[component]
fn CheckDecision(check: &'static Check) -> impl IntoView {
    let a = expect_context::<AppState>().assessment;
    let id = check.id;
    let decision = move || a.with(|a| a.decision(id).cloned());
    let answer = move || a.with(|a| a.answers.get(id).copied());
    let is_action = move || matches!(answer(), Some(Answer::No | Answer::NotSure));
    // A reason or condition belongs to a decision, so those fields appear
    // once a decision is chosen.
    let set = move |change: fn(&mut Decision, String), value: String| {
        edit_review(a, |r| {
            if let Some(mut d) = r.decisions.get(id).cloned() {
                change(&mut d, value);
                r.decisions.insert(id.to_string(), d);
            }
        })
    };
    let context = move || view! { <span class="nhsuk-u-visually-hidden">{format!(": {}", check.statement)}</span> };
    let radios = Verdict::ALL
        .into_iter()
        .map(|v| {
            let input = format!("{id}-verdict-{}", v.key());
            view! {
                <div class="nhsuk-radios__item">
                    <input class="nhsuk-radios__input" id=input.clone() name=format!("{id}-verdict") type="radio"
                        prop:checked=move || decision().is_some_and(|d| d.verdict == v)
                        on:change=move |_| edit_review(a, |r| {
                            // A new verdict keeps the reason and condition already typed.
                            let d = r.decisions.get(id).cloned().unwrap_or_else(|| Decision::new(v));
                            r.decisions.insert(id.to_string(), Decision { verdict: v, ..d });
                        })/>
                    <label class="nhsuk-label nhsuk-radios__label" for=input>{v.label()}</label>
                </div>
            }
        })
        .collect_view();
    let field = move |key: &'static str,
                      label: &'static str,
                      kind: &'static str,
                      get: fn(&Decision) -> String,
                      change: fn(&mut Decision, String)| {
        let input = format!("{id}-{key}");
        view! {
            <div class="nhsuk-form-group">
                <label class="nhsuk-label" for=input.clone()>{label}{context()}</label>
                <input class="nhsuk-input" id=input type=kind dir="auto"
                    prop:value=move || decision().map(|d| get(&d)).unwrap_or_default()
                    on:input=move |ev| set(change, event_target_value(&ev))/>
            </div>
        }
    };
    view! {
        <details class="nhsuk-details nhsuk-u-margin-bottom-2">
            <summary class="nhsuk-details__summary"><span class="nhsuk-details__summary-text">
                {move || decision().map_or("Record your decision".to_string(), |d| format!("Your decision: {}", d.verdict.label()))}
                {context()}
            </span></summary>
            <div class="nhsuk-details__text">
                <fieldset class="nhsuk-fieldset">
                    <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">"Your decision"{context()}</legend>
                    <div class="nhsuk-radios nhsuk-radios--inline">{radios}</div>
                </fieldset>
                {move || decision().is_some().then(|| field("reason", "Reason", "text", |d| d.reason.clone(), |d, v| d.reason = v))}
                {move || (decision().is_some() && is_action()).then(|| view! {
                    {field("condition", "Your condition for this action", "text", |d| d.condition.clone(), |d, v| d.condition = v)}
                    {field("due", "Your due date for this action", "date", |d| d.due.clone(), |d, v| d.due = v)}
                })}
            </div>
        </details>
    }
}

/// One of the practice's answers, with its action plan and the DPO's decision.
#[component]
fn ReviewedAnswer(check: &'static Check) -> impl IntoView {
    let a = expect_context::<AppState>().assessment;
    let id = check.id;
    let answer = move || a.with(|a| a.answers.get(id).map_or("Not answered", |x| x.label()));
    let plan = move || {
        a.with(|a| {
            let plan = a.plans.get(id)?;
            let due = if plan.due.is_empty() { String::new() } else { format!(", due {}", long_date(&plan.due)) };
            (!plan.owner.trim().is_empty() || !due.is_empty())
                .then(|| format!("Their plan: {}{due}", plan.owner.trim()))
        })
    };
    view! {
        <li class="vtc-reviewed">
            <h4 class="nhsuk-heading-xs nhsuk-u-margin-bottom-1">{check.statement}
                {check.blocking.then(|| view! { " " <strong class="nhsuk-tag nhsuk-tag--red">"Essential"</strong> })}</h4>
            <p class="nhsuk-u-margin-bottom-1">"Their answer: "{answer}
                {move || a.with(|a| a.changed_since_review(id)).then(|| view! {
                    " " <strong class="nhsuk-tag nhsuk-tag--yellow">"Changed since your review"</strong>
                })}</p>
            {move || plan().map(|p| view! { <p class="nhsuk-u-margin-bottom-1">{typed(&p)}</p> })}
            <CheckDecision check=check/>
        </li>
    }
}

/// The decision on the whole check, who made it and when to look again.
#[component]
fn OverallDecision() -> impl IntoView {
    let a = expect_context::<AppState>().assessment;
    let review = move || a.with(|a| a.review.clone().unwrap_or_default());
    let chosen = move || review().overall.map(|o| o.decision);
    let radios = Approval::ALL
        .into_iter()
        .map(|choice| {
            let input = format!("overall-{}", choice.key());
            view! {
                <div class="nhsuk-radios__item">
                    <input class="nhsuk-radios__input" id=input.clone() name="overall" type="radio"
                        prop:checked=move || chosen() == Some(choice)
                        on:change=move |_| edit_review(a, |r| {
                            let conditions = r.overall.take().map(|o| o.conditions).unwrap_or_default();
                            r.overall = Some(Overall { decision: choice, conditions });
                        })/>
                    <label class="nhsuk-label nhsuk-radios__label" for=input>{choice.label()}</label>
                </div>
            }
        })
        .collect_view();
    let text = move |id: &'static str,
                     label: &'static str,
                     kind: &'static str,
                     get: fn(&DpoReview) -> String,
                     change: fn(&mut DpoReview, String)| {
        view! {
            <div class="nhsuk-form-group">
                <label class="nhsuk-label" for=id>{label}</label>
                <input class="nhsuk-input" id=id type=kind dir="auto"
                    prop:value=move || get(&review())
                    on:input=move |ev| { let v = event_target_value(&ev); edit_review(a, |r| change(r, v)) }/>
            </div>
        }
    };
    view! {
        <h2>"Your decision on the whole check"</h2>
        <div class="nhsuk-form-group">
            <fieldset class="nhsuk-fieldset">
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">"Can the practice use this tool?"</legend>
                <div class="nhsuk-radios">{radios}</div>
            </fieldset>
        </div>
        <div class="nhsuk-form-group">
            <label class="nhsuk-label" for="overall-conditions">"Conditions"</label>
            <div class="nhsuk-hint" id="overall-conditions-hint">"One condition a line. Each becomes an action for the practice."</div>
            <textarea class="nhsuk-textarea" id="overall-conditions" rows="4" dir="auto" aria-describedby="overall-conditions-hint"
                prop:value=move || review().overall.map(|o| o.conditions.join("\n")).unwrap_or_default()
                on:input=move |ev| {
                    let lines: Vec<String> = event_target_value(&ev).lines().map(str::to_string).collect();
                    edit_review(a, |r| match &mut r.overall {
                        Some(o) => o.conditions = lines,
                        None => r.overall = Some(Overall { decision: Approval::ApprovedWithConditions, conditions: lines }),
                    })
                }></textarea>
        </div>
        {text("reviewer", "Your name", "text", |r| r.reviewer.clone(), |r, v| r.reviewer = v)}
        {text("reviewer-role", "Your role", "text", |r| r.role.clone(), |r, v| r.role = v)}
        {text("review-date", "Date of your review", "date", |r| r.date.clone(), |r, v| {
            // The next review follows the review date until the DPO sets it.
            if r.next_review.is_empty() || r.next_review == a_year_after(&r.date) {
                r.next_review = a_year_after(&v);
            }
            r.date = v;
        })}
        {text("next-review", "Date of the next review", "date", |r| r.next_review.clone(), |r, v| r.next_review = v)}
    }
}

#[component]
pub fn ReviewScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    let content = state.content();
    let a = state.assessment;
    let problem = RwSignal::new(None::<ImportError>);
    // Only opening or closing a review redraws the form, so typing in it
    // keeps focus where it is.
    let reviewing = Memo::new(move |_| a.with(|a| a.review.is_some()));
    let summary = Memo::new(move |_| a.with(|a| DpoSummary::new(a, content, &today())));

    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        leptos::task::spawn_local(async move {
            let read = read_chosen(input.clone()).await;
            // Browsers only report a change of file: cleared, the same file
            // can be chosen again when the practice sends a new version.
            input.set_value("");
            match read {
                Some(Ok(imported)) => {
                    let mut opened: Assessment = imported.assessment;
                    if opened.review.is_none() {
                        opened.review = Some(DpoReview::start(&opened, &today()));
                    }
                    let label = if imported.name.trim().is_empty() {
                        opened.about.org_name.trim()
                    } else {
                        imported.name.trim()
                    };
                    let name = format!("Review of {label}");
                    let id = state.fresh_id();
                    state.library.update(|lib| lib.add(opened, &name, id, &today()));
                    problem.set(None);
                    state.tell("The practice's check is open. Record your decisions below.");
                }
                Some(Err(e)) => problem.set(Some(e)),
                None => {}
            }
        });
    };

    // The reviewed report records the answers as the DPO saw them, so a
    // later change by the practice is marked.
    let save_report = move |_| {
        a.update(|a| {
            let seen = a.answers.clone();
            if let Some(r) = a.review.as_mut() {
                r.answers_seen = seen;
            }
        });
        let s = summary.get_untracked();
        let html = a.with_untracked(|a| report::html(a, content, &s));
        let _ = download(
            &report::file_name(&s, "html").replace(".html", "-reviewed.html"),
            "text/html;charset=utf-8",
            &html,
        );
    };

    let practice = move || {
        let s = summary.get();
        let row = |key: &'static str, value: AnyView| {
            view! {
                <div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">{key}</dt><dd class="nhsuk-summary-list__value">{value}</dd></div>
            }
        };
        view! {
            <dl class="nhsuk-summary-list">
                {row("Organisation", view! { {typed(&s.org_name)}" ("{s.org_type.clone()}")" }.into_any())}
                {row("Checked by", typed(&s.checked_by))}
                {row("Their email", typed(&s.contact_email))}
                {row("Video tool", typed(&s.tool))}
                {row("Used for", s.purpose.clone().into_any())}
                {row("DPIA screening", sentence(&s.dpia))}
                {row("Their outcome", s.headline().into_any())}
            </dl>
        }
    };

    // Redrawn only when the checks that apply change, so a decision being
    // typed keeps its place and its open details.
    let asked = Memo::new(move |_| {
        a.with(|a| {
            a.sections(content)
                .into_iter()
                .map(|s| (s.id, a.checks_in(content, s.id).into_iter().map(|c| c.id).collect::<Vec<_>>()))
                .collect::<Vec<_>>()
        })
    });
    // The decision on the whole check goes into the DPO's own log, which the
    // widget they publish shows to practices.
    let logged = RwSignal::new(None::<Result<(), String>>);
    let add_to_log = move |_| {
        let entry = a.with_untracked(|a| {
            let r = a.review.as_ref()?;
            let overall = r.overall.as_ref()?;
            let tool = match a.tool.as_ref()? {
                crate::assessment::ToolChoice::Listed(id) => id.clone(),
                crate::assessment::ToolChoice::Other(name) => name.trim().to_string(),
            };
            Some(crate::config::LogEntry {
                tool,
                status: overall.decision,
                conditions: r.conditions().join(" "),
                assessment_url: String::new(),
                date: r.date.clone(),
            })
        });
        let Some(entry) = entry else {
            logged.set(Some(Err("Choose your decision on the whole check first.".to_string())));
            return;
        };
        logged.set(Some(
            super::browser_storage::add_to_dpo_log(entry).map_err(|e| super::messages::add_to_log_error(&e)),
        ));
    };

    let sections = move || {
        asked
            .get()
            .into_iter()
            .filter_map(|(section, ids)| Some((content.section(section)?, ids)))
            .map(|(section, ids)| {
                view! {
                    <h3>{section.title}</h3>
                    <ul class="nhsuk-list">
                        {ids.into_iter().filter_map(|id| content.check(id)).map(|c| view! { <ReviewedAnswer check=c/> }).collect_view()}
                    </ul>
                }
            })
            .collect_view()
    };

    view! {
        <BackToTasks/>
        <h1 tabindex="-1">"Review a practice's check"</h1>
        <p>"Open the report or JSON file a practice sent you. Record your decisions, then send the reviewed report back. Everything stays in this browser until you send it."</p>
        <div class="nhsuk-form-group">
            <label class="nhsuk-label" for="review-file">"Open the practice's report or JSON file"</label>
            <input class="vtc-file" id="review-file" type="file" on:change=on_file/>
        </div>
        {move || problem.get().map(|e| view! {
            <ErrorBox heading="We could not open that file">
                <p>{sentence(&super::messages::import_error(&e))}</p>
            </ErrorBox>
        })}
        {move || reviewing.get().then(|| view! {
            <h2>"The practice's check"</h2>
            {practice}
            <h2>"Their answers and actions"</h2>
            {sections}
            <OverallDecision/>
            <h2>"Send your review"</h2>
            <p>"First download the reviewed report. Then email the practice: your email program opens with your decision and conditions. Attach the report before you send it."</p>
            <div class="vtc-actions nhsuk-u-margin-bottom-4">
                <button type="button" class="nhsuk-button" on:click=save_report>"Download the reviewed report"</button>
                {move || email::reply_mailto(&summary.get()).map(|href| view! { <a class="nhsuk-button nhsuk-button--secondary" href=href>"Email the practice"</a> })}
            </div>
            {move || summary.with(|s| s.contact_email.is_empty()).then(|| view! {
                <p class="vtc-sources">"The practice gave no email address. Add it to your email before you send it."</p>
            })}
            <h2>"Your log of approved tools"</h2>
            <p>"Add your decision on this tool to your own log, which the widget you publish can show to every practice."</p>
            <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=add_to_log>"Add your decision to your log"</button>
            <div role="status">{move || logged.get().map(|result| match result {
                Ok(()) => view! { <p>"Added to your log. "<a class="nhsuk-link" href="#/log">"See your log of approved tools"</a></p> }.into_any(),
                Err(why) => view! { <p class="nhsuk-error-message">{sentence(&why)}</p> }.into_any(),
            })}</div>
        })}
    }
}

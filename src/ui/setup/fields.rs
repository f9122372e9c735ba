//! The settings a DPO fills in, each with the problems the widget's reader
//! finds in it shown beside it.

use leptos::prelude::*;

use super::super::common::{sentence, typed};
use super::*;
use crate::config::{Contact, LogEntry};
use crate::content::Content;

/// The problems with `field`, in the NHS.UK error message style. The
/// element is always there, so a field can name it in `aria-describedby`.
fn problems(draft: Draft, field: &'static str) -> impl IntoView {
    view! {
        <div id=format!("{field}-error")>
            {move || draft.problems_for(field).into_iter().map(|p| view! {
                <span class="nhsuk-error-message"><span class="nhsuk-u-visually-hidden">"Error: "</span>{sentence(&p)}</span>
            }).collect_view()}
        </div>
    }
}

/// A text setting: its label, hint, problems and box.
#[allow(clippy::too_many_arguments)]
fn text_field(
    draft: Draft,
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    kind: &'static str,
    get: fn(&Config) -> String,
    set: fn(&mut Config, String),
    multiline: bool,
) -> impl IntoView {
    let has_problem = move || !draft.problems_for(id).is_empty();
    let described = format!("{id}-hint {id}-error");
    let value = move || draft.config.with(get);
    let input = move |ev| draft.edit(id, |c| set(c, event_target_value(&ev)));
    let leave = move |_| draft.leave(id);
    let control = if multiline {
        view! {
            <textarea class="nhsuk-textarea" class:nhsuk-textarea--error=has_problem id=id name=id rows="5" dir="auto"
                aria-describedby=described prop:value=value on:input=input on:change=leave></textarea>
        }
        .into_any()
    } else {
        view! {
            <input class="nhsuk-input" class:nhsuk-input--error=has_problem id=id name=id type=kind dir="auto"
                spellcheck="false" autocomplete="off"
                aria-describedby=described prop:value=value on:input=input on:change=leave/>
        }
        .into_any()
    };
    view! {
        <div class="nhsuk-form-group" class:nhsuk-form-group--error=has_problem>
            <label class="nhsuk-label" for=id>{label}</label>
            <div class="nhsuk-hint" id=format!("{id}-hint")>{hint}</div>
            {problems(draft, id)}
            {control}
        </div>
    }
}

/// Who people contact: the DPO, or the IG contact for when information is
/// shared with the wrong people.
fn contact_fields(draft: Draft, dpo: bool) -> impl IntoView {
    fn of(c: &mut Config, dpo: bool) -> &mut Contact {
        if dpo {
            &mut c.dpo
        } else {
            &mut c.ig_contact
        }
    }
    if dpo {
        view! {
            <fieldset class="nhsuk-fieldset">
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m"><h2 class="nhsuk-fieldset__heading">"Your data protection officer (DPO)"</h2></legend>
                {text_field(draft, DPO_NAME, "DPO's name", "Shown to practices with your email address.", "text", |c| c.dpo.name.clone(), |c, v| of(c, true).name = v, false)}
                {text_field(draft, DPO_EMAIL, "DPO's email address", "Practices' summaries are addressed to this when they give no other.", "email", |c| c.dpo.email.clone(), |c, v| of(c, true).email = v, false)}
                {text_field(draft, DPO_PHONE, "DPO's phone number (optional)", "For example, 01234 567890.", "tel", |c| c.dpo.phone.clone(), |c, v| of(c, true).phone = v, false)}
            </fieldset>
        }
        .into_any()
    } else {
        view! {
            <fieldset class="nhsuk-fieldset">
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m"><h2 class="nhsuk-fieldset__heading">"If information is shared with the wrong people"</h2></legend>
                <div class="nhsuk-hint">"Who practices should contact, shown on their summary. Leave these empty if it is your DPO."</div>
                {text_field(draft, IG_ROLE, "IG contact's role", "For example, Caldicott Guardian or IG lead.", "text", |c| c.ig_contact.role.clone(), |c, v| of(c, false).role = v, false)}
                {text_field(draft, IG_NAME, "IG contact's name", "For example, Dr Sam Okafor.", "text", |c| c.ig_contact.name.clone(), |c, v| of(c, false).name = v, false)}
                {text_field(draft, IG_EMAIL, "IG contact's email address", "A shared inbox is best.", "email", |c| c.ig_contact.email.clone(), |c, v| of(c, false).email = v, false)}
                {text_field(draft, IG_PHONE, "IG contact's phone number (optional)", "For example, 01234 567891.", "tel", |c| c.ig_contact.phone.clone(), |c, v| of(c, false).phone = v, false)}
            </fieldset>
        }
        .into_any()
    }
}

/// The tools practices may choose from: none ticked offers them all.
fn tool_choices(draft: Draft) -> impl IntoView {
    let content = Content::builtin();
    let toggle = move |id: &'static str| {
        draft.edit(TOOLS, |c| {
            let was = c.offer_tools.iter().any(|t| t == id);
            // Kept in the catalogue's order, as the widget lists them.
            c.offer_tools = content
                .tools
                .iter()
                .filter(|t| if t.id == id { !was } else { c.offer_tools.iter().any(|o| o == t.id) })
                .map(|t| t.id.to_string())
                .collect();
        });
        draft.leave(TOOLS);
    };
    let boxes = content
        .tools
        .iter()
        .map(|t| {
            let id = format!("setup-tool-{}", t.id);
            let tool_id = t.id;
            let label = if t.retired { format!("{} (closed)", t.name) } else { t.name.to_string() };
            view! {
                <div class="nhsuk-checkboxes__item">
                    <input class="nhsuk-checkboxes__input" id=id.clone() name="setup-tools" type="checkbox" value=t.id
                        prop:checked=move || draft.config.with(|c| c.offer_tools.iter().any(|o| o == tool_id))
                        on:change=move |_| toggle(tool_id)/>
                    <label class="nhsuk-label nhsuk-checkboxes__label" for=id>{label}</label>
                </div>
            }
        })
        .collect_view();
    let offered = move || {
        draft.config.with(|c| match c.offer_tools.len() {
            0 => "Every tool is offered now, as none is ticked.".to_string(),
            1 => "1 tool is offered now, and \"Another tool\".".to_string(),
            n => format!("{n} tools are offered now, and \"Another tool\"."),
        })
    };
    view! {
        <div class="nhsuk-form-group" class:nhsuk-form-group--error=move || !draft.problems_for(TOOLS).is_empty()>
            <fieldset class="nhsuk-fieldset" aria-describedby=format!("{TOOLS}-hint {TOOLS}-error")>
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m"><h2 class="nhsuk-fieldset__heading">"Tools to offer"</h2></legend>
                <div class="nhsuk-hint" id=format!("{TOOLS}-hint")>"Tick the tools practices may choose from. Leave them all unticked to offer every tool. \"Another tool\" is always offered, for a tool not listed."</div>
                {problems(draft, TOOLS)}
                <div class="nhsuk-checkboxes">{boxes}</div>
            </fieldset>
            <p class="nhsuk-u-margin-top-3">{offered}</p>
        </div>
    }
}

/// The log of approved tools the loaded file holds, each entry removable.
/// Entries are added on the log's own screen, through [`Draft::replace_log`].
fn log_entries(draft: Draft) -> impl IntoView {
    let content = Content::builtin();
    let name_of = move |e: &LogEntry| content.tool(&e.tool).map_or_else(|| e.tool.clone(), |t| t.name.to_string());
    let rows = move || {
        let entries = draft.config.with(|c| c.approved_tools.clone());
        entries
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let name = name_of(e);
                let remove = move |_| {
                    let mut kept = draft.config.with_untracked(|c| c.approved_tools.clone());
                    if i < kept.len() {
                        kept.remove(i);
                    }
                    draft.replace_log(kept);
                    super::super::browser::focus_when_drawn(LOG);
                };
                view! {
                    <li class="vtc-saved">
                        <h3 class="nhsuk-heading-s nhsuk-u-margin-bottom-1">{typed(&name)}</h3>
                        <p class="nhsuk-u-margin-bottom-2">
                            {e.status.label()}
                            {(!e.date.is_empty()).then(|| view! { " ("{typed(&e.date)}")" })}
                            {(!e.conditions.is_empty()).then(|| view! { ". "{typed(&e.conditions)} })}
                        </p>
                        {(!e.assessment_url.is_empty()).then(|| view! {
                            <p class="vtc-sources nhsuk-u-margin-bottom-2">"Your assessment: "{typed(&e.assessment_url)}</p>
                        })}
                        <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" on:click=remove>
                            "Remove"<span class="nhsuk-u-visually-hidden">" "{typed(&name)}" from the log"</span>
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    // The log a DPO keeps in this browser (#/log) comes in with one button,
    // so the widget they publish shows it.
    let kept_here = RwSignal::new(None::<String>);
    let use_kept_log = move |_| {
        use super::super::browser_storage::{load_dpo_log, LogLoaded};
        let said = match load_dpo_log() {
            LogLoaded::Found { log, .. } if !log.entries.is_empty() => {
                let n = log.entries.len();
                draft.replace_log(log.entries);
                if n == 1 {
                    "1 tool from your log is in these settings.".to_string()
                } else {
                    format!("{n} tools from your log are in these settings.")
                }
            }
            LogLoaded::Unreadable { error, in_place, .. } => super::super::messages::log_load_error(&error, in_place),
            _ => "There is no log of approved tools in this browser yet. Keep one on the log's own page first."
                .to_string(),
        };
        kept_here.set(Some(said));
    };
    view! {
        <h2 id=LOG tabindex="-1">"Your log of approved tools"</h2>
        {problems(draft, LOG)}
        <p>"If you keep your log in this browser, bring it into these settings. "<a class="nhsuk-link" href="#/log">"Your log of approved video tools"</a></p>
        <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=use_kept_log>"Use the log kept in this browser"</button>
        <p role="status">{move || kept_here.get().map(|s| sentence(&s))}</p>
        {move || if draft.config.with(|c| c.approved_tools.is_empty()) {
            view! { <p>"There is no log in these settings. Practices are asked whether their DPO keeps one. Load your config.json above to bring in the log it holds."</p> }.into_any()
        } else {
            view! {
                <p>"Each tool shows its status in the list practices choose from. A tool you have not approved is flagged as stopping its use."</p>
                <ul class="nhsuk-list">{rows}</ul>
            }.into_any()
        }}
    }
}

/// Every setting, in the order the README lists them.
#[component]
pub fn Settings(draft: Draft) -> impl IntoView {
    view! {
        <h2>"Your organisation"</h2>
        {text_field(draft, PUBLISHER, "Your organisation or DPO service's name", "Shown on the check's first screen, and in \"Approved by …\" beside the tools you have approved.", "text", |c| c.publisher.clone(), |c, v| c.publisher = v, false)}
        {text_field(draft, INTRODUCTION, "Introduction (optional)", "Up to 2,000 characters, shown on the first screen as you type it.", "text", |c| c.introduction.clone(), |c, v| c.introduction = v, true)}
        {contact_fields(draft, true)}
        {contact_fields(draft, false)}
        {tool_choices(draft)}
        <h2>"Accent colour"</h2>
        {text_field(draft, ACCENT, "Accent colour (optional)", "For the top bar and the main buttons, written like #005eb8. It must have a contrast of 4.5:1 or more with white text. Leave it empty for the standard colours.", "text", |c| c.accent_colour.clone().unwrap_or_default(), |c, v| c.accent_colour = (!v.trim().is_empty()).then_some(v), false)}
        {log_entries(draft)}
    }
}

//! "About you": the organisation, its DPO, and what the tool is for. Every
//! keystroke is saved, so nothing typed is lost if the tab closes.

use leptos::prelude::*;

use super::browser::go;
use super::common::{focus_error_summary, typed, BackToTasks, ErrorSummary};
use super::route::Screen;
use super::AppState;
use crate::assessment::{About, OrgType, Purpose};

/// The id of the input an error link should focus.
fn first_input(field: &'static str) -> String {
    match field {
        "org-type" => format!("org-type-{}", OrgType::ALL[0].key()),
        "purpose" => format!("purpose-{}", Purpose::ALL[0].key()),
        f => f.to_string(),
    }
}

#[component]
pub fn AboutScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    let a = state.assessment;
    let submitted = RwSignal::new(false);
    let errors = move || {
        if submitted.get() {
            a.with(|a| a.about.errors())
        } else {
            Vec::new()
        }
    };
    let error_for = move |field: &'static str| errors().into_iter().find(|e| e.field == field).map(|e| e.message);
    let edit = move |f: fn(&mut About, String)| move |ev| a.update(|a| f(&mut a.about, event_target_value(&ev)));

    let on_continue = move |_| {
        submitted.set(true);
        if a.with_untracked(|a| a.about.errors().is_empty()) {
            go(&Screen::Tool);
        } else {
            focus_error_summary();
        }
    };

    let text_field = move |id: &'static str,
                           label: &'static str,
                           hint: &'static str,
                           kind: &'static str,
                           autocomplete: &'static str,
                           get: fn(&About) -> String,
                           set: fn(&mut About, String)| {
        let hint_id = format!("{id}-hint");
        let error_id = format!("{id}-error");
        view! {
            <div class="nhsuk-form-group" class:nhsuk-form-group--error=move || error_for(id).is_some()>
                <label class="nhsuk-label" for=id>{label}</label>
                <div class="nhsuk-hint" id=hint_id.clone()>{hint}</div>
                {move || error_for(id).map(|m| view! {
                    <span class="nhsuk-error-message" id=format!("{id}-error")><span class="nhsuk-u-visually-hidden">"Error: "</span>{m}</span>
                })}
                <input
                    class="nhsuk-input"
                    class:nhsuk-input--error=move || error_for(id).is_some()
                    id=id
                    name=id
                    type=kind
                    // A name typed in Arabic, Hebrew or Urdu reads right to left in its own field.
                    dir="auto"
                    autocomplete=autocomplete
                    spellcheck="false"
                    aria-describedby=move || if error_for(id).is_some() { format!("{hint_id} {error_id}") } else { hint_id.clone() }
                    prop:value=move || a.with(|a| get(&a.about))
                    on:input=edit(set)
                />
            </div>
        }
    };

    let radios = move |field: &'static str,
                       legend: &'static str,
                       options: Vec<(&'static str, &'static str)>,
                       is_checked: fn(&About, &str) -> bool,
                       set: fn(&mut About, &str)| {
        let items = options
            .into_iter()
            .map(|(key, label)| {
                let id = format!("{field}-{key}");
                view! {
                    <div class="nhsuk-radios__item">
                        <input class="nhsuk-radios__input" id=id.clone() name=field type="radio" value=key
                            prop:checked=move || a.with(|a| is_checked(&a.about, key))
                            on:change=move |_| a.update(|a| set(&mut a.about, key))/>
                        <label class="nhsuk-label nhsuk-radios__label" for=id>{label}</label>
                    </div>
                }
            })
            .collect_view();
        view! {
            <div class="nhsuk-form-group" class:nhsuk-form-group--error=move || error_for(field).is_some()>
                <fieldset class="nhsuk-fieldset" aria-describedby=move || error_for(field).map(|_| format!("{field}-error"))>
                    <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
                    {move || error_for(field).map(|m| view! {
                        <span class="nhsuk-error-message" id=format!("{field}-error")><span class="nhsuk-u-visually-hidden">"Error: "</span>{m}</span>
                    })}
                    <div class="nhsuk-radios">{items}</div>
                </fieldset>
            </div>
        }
    };

    view! {
        <BackToTasks/>
        <h1 tabindex="-1">"About you"</h1>
        {move || {
            let items: Vec<(String, String)> = errors().into_iter().map(|e| (first_input(e.field), e.message.to_string())).collect();
            (!items.is_empty()).then(|| view! { <ErrorSummary items=items/> })
        }}
        {radios(
            "org-type",
            "What type of organisation do you work for?",
            OrgType::ALL.iter().map(|o| (o.key(), o.label())).collect(),
            |a, key| a.org_type.is_some_and(|o| o.key() == key),
            |a, key| a.org_type = OrgType::ALL.into_iter().find(|o| o.key() == key),
        )}
        {text_field("org-name", "Name of your organisation", "For example, Riverside Surgery.", "text", "organization", |a| a.org_name.clone(), |a, v| a.org_name = v)}
        {text_field("your-name", "Your name and role (optional)", "So your DPO knows who did the check. For example, Sam Lee, practice manager.", "text", "name", |a| a.your_name.clone(), |a, v| a.your_name = v)}
        {text_field("contact-email", "Your email address (optional)", "So your DPO can send their review of this check back to you.", "email", "email", |a| a.contact_email.clone(), |a, v| a.contact_email = v)}
        {text_field("dpo-name", "Your data protection officer's name (optional)", "Your practice manager or IG lead will know who your DPO is.", "text", "off", |a| a.dpo_name.clone(), |a, v| a.dpo_name = v)}
        {text_field("dpo-email", "Your DPO's email address (optional)", "We use this to address the email with your summary. We do not send anything ourselves.", "email", "off", |a| a.dpo_email.clone(), |a, v| a.dpo_email = v)}
        {move || {
            let dpo = state.config.get().dpo;
            (!dpo.email.is_empty()).then(|| view! {
                <div class="nhsuk-inset-text">
                    <p>"This website's DPO is "
                        {(!dpo.name.is_empty()).then(|| view! { {typed(&dpo.name)}", " })}
                        {typed(&dpo.email)}
                        ". If you leave the DPO fields blank, your summary goes to them."</p>
                </div>
            })
        }}
        {radios(
            "purpose",
            "What will you use the video tool for?",
            Purpose::ALL.iter().map(|p| (p.key(), p.label())).collect(),
            |a, key| a.purpose.is_some_and(|p| p.key() == key),
            |a, key| a.purpose = Purpose::ALL.into_iter().find(|p| p.key() == key),
        )}
        <button type="button" class="nhsuk-button" id="continue" on:click=on_continue>"Save and continue"</button>
    }
}

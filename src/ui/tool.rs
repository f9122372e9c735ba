//! "Choose your video tool": the catalogue, or another tool by name.

use leptos::prelude::*;

use super::browser::go;
use super::common::{focus_error_summary, sentence, typed, BackToTasks, ErrorSummary};
use super::compare::{ConcernList, FactList};
use super::route::Screen;
use super::AppState;
use crate::assessment::{FieldError, ToolChoice, OTHER_TOOL};
use crate::choosing::{all_concerns, log_concern};

fn tool_errors(choice: &Option<ToolChoice>) -> Vec<FieldError> {
    match choice {
        None => vec![FieldError { field: "tool", message: "Select the video tool you use or plan to use" }],
        Some(ToolChoice::Other(name)) if name.trim().is_empty() => {
            vec![FieldError { field: "other-tool-name", message: "Enter the name of the video tool" }]
        }
        _ => Vec::new(),
    }
}

/// The publisher's log entry for a tool: status, conditions, date and a link
/// to their own assessment of it.
#[component]
fn LogEntryNote(entry: crate::config::LogEntry) -> impl IntoView {
    let owner = expect_context::<AppState>().config.get_untracked().log_owner().to_string();
    view! {
        <p class="vtc-log-entry">
            {sentence(&format!("{}'s log of approved tools: {}", owner, entry.status.label()))}
            {(!entry.date.is_empty()).then(|| view! { " ("{typed(&entry.date)}")" })}
            "."
            {(!entry.conditions.is_empty()).then(|| view! { " "{typed(&entry.conditions)} })}
            {(!entry.assessment_url.is_empty()).then(|| view! {
                " "<a class="nhsuk-link" href=entry.assessment_url.clone() target="_blank" rel="noopener noreferrer">
                    "Read their assessment of this tool"<span class="nhsuk-u-visually-hidden">" (opens in a new tab)"</span>
                </a>
            })}
        </p>
    }
}

/// What a log of approved tools is, or the question to ask when the
/// publisher has none: being on a log never stands in for the local risk
/// assessment and DPIA that NHS England's guidance asks for.
#[component]
fn AboutTheLog() -> impl IntoView {
    let config = expect_context::<AppState>().config;
    move || {
        let config = config.get();
        let text = if config.approved_tools.is_empty() {
            "Some DPOs keep a log of the video tools they have approved. Ask yours whether they keep one, and whether this tool is on it. Being on a log does not replace your own local risk assessment and DPIA.".to_string()
        } else {
            format!(
                "{}'s log lists the tools they have looked at, and what they decided. Being on it does not replace your own local risk assessment and DPIA.",
                config.log_owner()
            )
        };
        view! { <p class="vtc-sources">{sentence(&text)}</p> }
    }
}

#[component]
pub fn ToolScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    let content = state.content();
    let a = state.assessment;
    let submitted = RwSignal::new(false);
    let errors = move || {
        if submitted.get() {
            a.with(|a| tool_errors(&a.tool))
        } else {
            Vec::new()
        }
    };
    let has_error = move |field: &str| errors().iter().any(|e| e.field == field);
    let selected = move || match a.with(|a| a.tool.clone()) {
        Some(ToolChoice::Listed(id)) => Some(id),
        Some(ToolChoice::Other(_)) => Some(OTHER_TOOL.to_string()),
        None => None,
    };
    let first_section = move || a.with(|a| a.sections(content).first().map(|s| s.id));

    let on_continue = move |_| {
        submitted.set(true);
        if a.with_untracked(|a| tool_errors(&a.tool).is_empty()) {
            go(&first_section().map_or(Screen::Summary, |id| Screen::Section(id.to_string())));
        } else {
            focus_error_summary();
        }
    };

    // The publisher may offer only some tools, and says which it has approved.
    let options = move || {
        let config = state.config.get();
        config
            .offered(content)
            .map(|t| {
                let id = format!("tool-{}", t.id);
                let hint_id = format!("tool-{}-hint", t.id);
                let tool_id = t.id;
                let label = if t.retired { format!("{} (closed)", t.name) } else { t.name.to_string() };
                let hint = config.log_entry(t.id).map(|e| format!("{} by {}", e.status.label(), config.log_owner()));
                view! {
                    <div class="nhsuk-radios__item">
                        <input class="nhsuk-radios__input" id=id.clone() name="tool" type="radio" value=t.id
                            aria-describedby=hint.as_ref().map(|_| hint_id.clone())
                            prop:checked=move || selected().as_deref() == Some(tool_id)
                            on:change=move |_| a.update(|a| a.tool = Some(ToolChoice::Listed(tool_id.to_string())))/>
                        <label class="nhsuk-label nhsuk-radios__label" for=id>{label}</label>
                        {hint.map(|h| view! { <div class="nhsuk-hint nhsuk-radios__hint" id=hint_id>{sentence(&h)}</div> })}
                    </div>
                }
            })
            .collect_view()
    };

    // The error summary's link goes to the first option on screen, which is
    // "Another tool" when the publisher offers no listed tool.
    let first_option = move || {
        state
            .config
            .with_untracked(|c| c.offered(content).next().map(|t| format!("tool-{}", t.id)))
            .unwrap_or_else(|| "tool-other".to_string())
    };

    let other_name = move || match a.with(|a| a.tool.clone()) {
        Some(ToolChoice::Other(name)) => name,
        _ => String::new(),
    };

    // Only a change of tool redraws what we know about it.
    let listed = Memo::new(move |_| match a.with(|a| a.tool.clone()) {
        Some(ToolChoice::Listed(id)) => Some(id),
        _ => None,
    });
    let about_choice = move || {
        let tool = content.tool(&listed.get()?)?;
        let config = state.config.get();
        let found = a.with_untracked(|a| all_concerns(tool, &a.about, &config));
        let entry = config.log_entry(tool.id).cloned();
        let body = view! {
            <p>
                {tool.confirm.then(|| view! { <strong class="nhsuk-tag nhsuk-tag--yellow">"To confirm"</strong>" " })}
                {tool.note}
            </p>
            <h3 class="nhsuk-heading-xs">"What would stop you using it"</h3>
            <ConcernList concerns=found/>
            {entry.map(|e| view! { <LogEntryNote entry=e/> })}
            <AboutTheLog/>
            <details class="nhsuk-details">
                <summary class="nhsuk-details__summary"><span class="nhsuk-details__summary-text">{format!("What we know about {}", tool.name)}</span></summary>
                <div class="nhsuk-details__text"><FactList tool=tool/></div>
            </details>
        };
        Some(if tool.retired {
            view! {
                <div class="nhsuk-warning-callout">
                    <h2 class="nhsuk-warning-callout__label">{format!("{} has closed", tool.name)}</h2>
                    {body}
                </div>
            }
            .into_any()
        } else {
            view! {
                <div class="nhsuk-inset-text">
                    <h2 class="nhsuk-heading-s">{format!("About {}", tool.name)}</h2>
                    {body}
                </div>
            }
            .into_any()
        })
    };

    view! {
        <BackToTasks/>
        <h1 tabindex="-1">"Choose your video tool"</h1>
        {move || {
            let items: Vec<(String, String)> = errors()
                .into_iter()
                .map(|e| (if e.field == "tool" { first_option() } else { e.field.to_string() }, e.message.to_string()))
                .collect();
            (!items.is_empty()).then(|| view! { <ErrorSummary items=items/> })
        }}
        <div class="nhsuk-form-group" class:nhsuk-form-group--error=move || has_error("tool") || has_error("other-tool-name")>
            <fieldset class="nhsuk-fieldset" aria-describedby="tool-hint">
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">"Which video tool do you use, or plan to use?"</legend>
                <div class="nhsuk-hint" id="tool-hint">"Choose one. Not sure which? "<a class="nhsuk-link" href="#/compare">"Compare tools side by side"</a>"."</div>
                {move || has_error("tool").then(|| view! {
                    <span class="nhsuk-error-message" id="tool-error"><span class="nhsuk-u-visually-hidden">"Error: "</span>"Select the video tool you use or plan to use"</span>
                })}
                <div class="nhsuk-radios">
                    {options}
                    <div class="nhsuk-radios__divider">"or"</div>
                    <div class="nhsuk-radios__item">
                        <input class="nhsuk-radios__input" id="tool-other" name="tool" type="radio" value=OTHER_TOOL
                            aria-controls="other-tool"
                            prop:checked=move || selected().as_deref() == Some(OTHER_TOOL)
                            on:change=move |_| a.update(|a| {
                                if !matches!(a.tool, Some(ToolChoice::Other(_))) {
                                    a.tool = Some(ToolChoice::Other(String::new()));
                                }
                            })/>
                        <label class="nhsuk-label nhsuk-radios__label" for="tool-other">"Another tool"</label>
                    </div>
                    <div class="nhsuk-radios__conditional" id="other-tool" class:nhsuk-radios__conditional--hidden=move || selected().as_deref() != Some(OTHER_TOOL)>
                        <div class="nhsuk-form-group" class:nhsuk-form-group--error=move || has_error("other-tool-name")>
                            <label class="nhsuk-label" for="other-tool-name">"Name of the tool"</label>
                            {move || has_error("other-tool-name").then(|| view! {
                                <span class="nhsuk-error-message" id="other-tool-name-error"><span class="nhsuk-u-visually-hidden">"Error: "</span>"Enter the name of the video tool"</span>
                            })}
                            <input class="nhsuk-input" id="other-tool-name" name="other-tool-name" type="text" dir="auto" spellcheck="false"
                                class:nhsuk-input--error=move || has_error("other-tool-name")
                                prop:value=other_name
                                on:input=move |ev| a.update(|a| a.tool = Some(ToolChoice::Other(event_target_value(&ev))))/>
                        </div>
                        {move || {
                            let config = state.config.get();
                            let name = other_name();
                            let entry = config.log_entry(&name).cloned()?;
                            let found: Vec<_> = log_concern(Some(&entry), &config).into_iter().collect();
                            Some(view! { <div><ConcernList concerns=found/><LogEntryNote entry=entry/></div> })
                        }}
                    </div>
                </div>
            </fieldset>
        </div>
        {about_choice}
        <button type="button" class="nhsuk-button" id="continue" on:click=on_continue>"Save and continue"</button>
    }
}

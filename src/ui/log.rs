//! "Your log of approved video tools": a DPO keeps their decisions about
//! video tools in this browser, changes them by hand, and downloads the log
//! as the `config.json` their own widget reads, a web page to publish, and
//! CSV. The log is `crate::dpo_log`; its saved format `crate::storage`.

use leptos::prelude::*;

use super::browser::{download, focus_when_drawn, show_then_focus, today};
use super::browser_storage::{self as kept, LogLoaded, SaveError};
use super::common::{focus_error_summary, sentence, typed, ErrorSummary};
use super::messages;
use super::AppState;
use crate::config::{same_tool, Approval, LogEntry, LogField, LogProblem};
use crate::content::Content;
use crate::dpo_log::{tool_key, tool_name, AddError, DpoLog, MAX_ENTRIES};
use crate::export::log as export;
use crate::storage::LoadError;
use crate::summary::long_date;
use crate::user_text::isolate;

/// The tool radio for a tool not in the catalogue.
const OTHER: &str = "other";

/// What the form holds until it is added to the log.
#[derive(Clone, Default, PartialEq)]
struct Draft {
    /// A catalogue tool id, [`OTHER`], or empty while none is chosen.
    choice: String,
    other_name: String,
    status: Option<Approval>,
    conditions: String,
    link: String,
    date: String,
}

impl Draft {
    fn new() -> Draft {
        Draft { date: today(), ..Draft::default() }
    }

    fn from_entry(e: &LogEntry, content: &Content) -> Draft {
        let listed = content.tool(e.tool.trim()).map(|t| t.id.to_string());
        Draft {
            choice: listed.clone().unwrap_or_else(|| OTHER.to_string()),
            other_name: if listed.is_some() { String::new() } else { e.tool.clone() },
            status: Some(e.status),
            conditions: e.conditions.clone(),
            link: e.assessment_url.clone(),
            date: e.date.clone(),
        }
    }

    /// The entry the form describes; the status stands in until one is chosen.
    fn entry(&self, content: &Content) -> LogEntry {
        let tool = if self.choice == OTHER { tool_key(&self.other_name, content) } else { self.choice.clone() };
        LogEntry {
            tool,
            status: self.status.unwrap_or(Approval::UnderReview),
            conditions: self.conditions.clone(),
            assessment_url: self.link.clone(),
            date: self.date.clone(),
        }
    }

    /// Each problem as (which field, the message): what the form asks for,
    /// then the rules every log entry keeps (`LogEntry::problems`).
    fn errors(&self, content: &Content) -> Vec<(&'static str, String)> {
        let mut errors = Vec::new();
        for problem in self.entry(content).problems() {
            errors.push(match problem {
                LogProblem::NoTool if self.choice.is_empty() => {
                    ("tool", "Select the tool your decision is about".into())
                }
                LogProblem::NoTool => ("other-name", "Enter the name of the tool".into()),
                LogProblem::TooLong(field) => {
                    let (key, what) = match field {
                        LogField::Tool => ("other-name", "The tool's name"),
                        LogField::Conditions => ("conditions", "Conditions"),
                        LogField::AssessmentUrl => ("link", "The link"),
                        LogField::Date => ("date", "The date"),
                    };
                    (key, format!("{what} must be {} characters or fewer", thousands(field.max())))
                }
                LogProblem::NotHttps => ("link", "Enter a link that starts with https://, or leave it empty".into()),
            });
        }
        if self.status.is_none() {
            errors.push(("status", "Select your decision".into()));
        }
        if self.date.trim().is_empty() {
            errors.push(("date", "Enter the date of your decision".into()));
        }
        // In the order the fields are on the screen.
        let order = ["tool", "other-name", "status", "conditions", "link", "date"];
        let mut sorted = Vec::new();
        for key in order {
            sorted.extend(errors.iter().filter(|(k, _)| *k == key).cloned());
        }
        sorted
    }
}

fn thousands(n: usize) -> String {
    if n >= 1000 {
        format!("{},{:03}", n / 1000, n % 1000)
    } else {
        n.to_string()
    }
}

/// The id of the control an error summary link moves focus to.
fn field_id(key: &str) -> String {
    match key {
        "tool" => format!("log-tool-{}", Content::builtin().tools[0].id),
        "status" => format!("log-status-{}", Approval::ALL[0].key()),
        k => format!("log-{k}"),
    }
}

/// A tool's key in the keyed list: its name as the log compares names.
fn key_of(tool: &str) -> String {
    tool.trim().to_ascii_lowercase()
}

/// A key as an HTML id: letters and digits kept, anything else by its code,
/// so two tools never share an id.
fn id_part(key: &str) -> String {
    let mut out = String::new();
    for c in key.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else {
            out.push_str(&format!("_{:x}", c as u32));
        }
    }
    out
}

/// What a storage problem with the log is, as the screen says it.
#[derive(Clone)]
struct Unreadable {
    raw: String,
    error: LoadError,
    in_place: bool,
}

/// One tool in the log. Kept by its key in a keyed list, so the row and the
/// button pressed stay in place while the log changes around them.
#[component]
fn EntryRow(
    key: String,
    log: RwSignal<DpoLog>,
    on_change: Callback<String>,
    on_remove: Callback<String>,
) -> impl IntoView {
    let content = Content::builtin();
    let entry = {
        let key = key.clone();
        Memo::new(move |_| log.with(|l| l.get(&key).cloned()))
    };
    let name = move || entry.with(|e| e.as_ref().map(|e| tool_name(&e.tool, content).to_string()).unwrap_or_default());
    let confirming = RwSignal::new(false);
    let id = id_part(&key);
    let change_id = format!("log-change-{id}");
    let remove_id = format!("log-remove-{id}");
    let question_id = format!("log-remove-{id}-question");
    // Every row has the same buttons: a screen reader user hears which
    // tool each is for, while the visible label stays short.
    let hidden_for = move || view! { <span class="nhsuk-u-visually-hidden">" "{move || typed(&name())}</span> };
    let ask = show_then_focus(confirming, true, question_id.clone());
    let keep = show_then_focus(confirming, false, remove_id.clone());
    let remove = {
        let key = key.clone();
        move |_| on_remove.run(key.clone())
    };
    let change = {
        let key = key.clone();
        move |_| on_change.run(key.clone())
    };
    let details = move || {
        entry.get().map(|e| {
            let name = tool_name(&e.tool, content).to_string();
            let conditions = if e.conditions.is_empty() { "None".into_any() } else { typed(&e.conditions) };
            let link = if e.assessment_url.is_empty() {
                "Not given".into_any()
            } else {
                view! {
                    <a class="nhsuk-link" href=e.assessment_url.clone() target="_blank" rel="noopener noreferrer">
                        "Your assessment of "{typed(&name)}<span class="nhsuk-u-visually-hidden">" (opens in a new tab)"</span>
                    </a>
                }
                .into_any()
            };
            let date = if e.date.is_empty() { "Not given".into_any() } else { typed(&long_date(&e.date)) };
            view! {
                <dl class="nhsuk-summary-list nhsuk-u-margin-bottom-3">
                    <div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">"Decision"</dt><dd class="nhsuk-summary-list__value">{e.status.label()}</dd></div>
                    <div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">"Conditions"</dt><dd class="nhsuk-summary-list__value" dir="auto">{conditions}</dd></div>
                    <div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">"Your assessment"</dt><dd class="nhsuk-summary-list__value">{link}</dd></div>
                    <div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">"Date of decision"</dt><dd class="nhsuk-summary-list__value">{date}</dd></div>
                </dl>
            }
        })
    };
    view! {
        <li class="vtc-saved">
            <h3 class="nhsuk-heading-s nhsuk-u-margin-bottom-2">{move || typed(&name())}</h3>
            {details}
            {move || if confirming.get() {
                view! {
                    <div class="nhsuk-warning-callout">
                        <h4 class="nhsuk-warning-callout__label" id=question_id.clone() tabindex="-1">"Remove "{move || typed(&name())}" from your log?"</h4>
                        <p>"Your published files do not change until you download them again and publish them."</p>
                        <div class="vtc-actions">
                            <button type="button" class="nhsuk-button nhsuk-button--warning" on:click=remove.clone()>"Yes, remove it"{hidden_for()}</button>
                            <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=keep.clone()>"No, keep it"{hidden_for()}</button>
                        </div>
                    </div>
                }.into_any()
            } else {
                view! {
                    <div class="vtc-actions">
                        <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" id=change_id.clone() on:click=change.clone()>"Change"{hidden_for()}</button>
                        <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" id=remove_id.clone() on:click=ask.clone()>"Remove"{hidden_for()}</button>
                    </div>
                }.into_any()
            }}
        </li>
    }
}

#[component]
pub fn LogScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    let content = state.content();

    // Read afresh each time the screen opens, so a decision another screen
    // added (the DPO's review) is here.
    let (found, raw, unreadable) = match kept::load_dpo_log() {
        LogLoaded::Nothing => (DpoLog::default(), None, None),
        LogLoaded::Found { log, raw } => (log, Some(raw), None),
        LogLoaded::Unreadable { raw, error, in_place } => {
            (DpoLog::default(), None, Some(Unreadable { raw, error, in_place }))
        }
    };
    let blocked = unreadable.as_ref().is_some_and(|u| u.in_place);
    let available = kept::available();
    let log = RwSignal::new(found);
    let last_saved = StoredValue::new(raw);
    let save_problem = RwSignal::new(None::<SaveError>);

    // Every change is saved at once. Unsaved, the log stays on screen, and
    // the user is told to download it.
    Effect::new(move |first_run_done: Option<()>| {
        log.with(|l| {
            if first_run_done.is_none() {
                return;
            }
            if blocked {
                save_problem.set(Some(SaveError::NotOursToOverwrite));
                return;
            }
            let saved = last_saved.try_update_value(|last| kept::save_dpo_log(l, last));
            save_problem.set(saved.and_then(Result::err));
        });
    });

    let draft = RwSignal::new(Draft::new());
    let submitted = RwSignal::new(false);
    // The key of the entry being changed, if the form is changing one.
    let editing = RwSignal::new(None::<String>);
    let full = RwSignal::new(false);
    let notice = RwSignal::new(String::new());
    let download_problem = RwSignal::new(false);

    let errors = move || {
        if submitted.get() {
            draft.with(|d| d.errors(content))
        } else {
            Vec::new()
        }
    };
    let error_for = move |key: &'static str| errors().into_iter().find(|(k, _)| *k == key).map(|(_, m)| m);
    let summary_items = move || {
        let mut items: Vec<(String, String)> = errors().into_iter().map(|(k, m)| (field_id(k), m)).collect();
        if full.get() {
            items.push((
                field_id("tool"),
                format!("Your log holds {MAX_ENTRIES} tools, the most it can. Remove one before you add another."),
            ));
        }
        items
    };

    let reset = move || {
        draft.set(Draft::new());
        submitted.set(false);
        editing.set(None);
        full.set(false);
    };

    let on_submit = move |_| {
        submitted.set(true);
        full.set(false);
        if !draft.with_untracked(|d| d.errors(content)).is_empty() {
            focus_error_summary();
            return;
        }
        let entry = draft.with_untracked(|d| d.entry(content));
        // Marked, so the screen isolates the name from the sentence around it.
        let name = isolate(tool_name(&entry.tool, content));
        let was = editing.get_untracked();
        // Changed on a copy, so that nothing is lost if the log is full.
        let mut changed = log.get_untracked();
        if let Some(old) = &was {
            if !same_tool(old, &entry.tool) {
                changed.remove(old);
            }
        }
        let replacing = changed.get(&entry.tool).is_some();
        match changed.add_or_replace(entry.clone()) {
            Ok(()) => {
                log.set(changed);
                notice.set(if was.is_some() || replacing {
                    format!("Your decision about {name} is changed in your log.")
                } else {
                    format!("{name} is added to your log.")
                });
                reset();
                if was.is_some() {
                    focus_when_drawn(format!("log-change-{}", id_part(&key_of(&entry.tool))));
                }
            }
            Err(AddError::Full) => {
                full.set(true);
                focus_error_summary();
            }
            // The form's own checks are the log's: this cannot happen.
            Err(AddError::Invalid(_)) => focus_error_summary(),
        }
    };

    let on_change = Callback::new(move |key: String| {
        if let Some(e) = log.with_untracked(|l| l.get(&key).cloned()) {
            draft.set(Draft::from_entry(&e, content));
            submitted.set(false);
            full.set(false);
            editing.set(Some(key));
            notice.set(String::new());
            focus_when_drawn("log-form-heading");
        }
    });
    let on_remove = Callback::new(move |key: String| {
        let name = log.with_untracked(|l| l.get(&key).map(|e| isolate(tool_name(&e.tool, content))));
        log.update(|l| {
            l.remove(&key);
        });
        if editing.get_untracked().is_some_and(|k| same_tool(&k, &key)) {
            reset();
        }
        notice.set(format!("{} is removed from your log.", name.unwrap_or_default()));
        focus_when_drawn("log-entries-heading");
    });
    let cancel = move |_| {
        let key = editing.get_untracked();
        reset();
        if let Some(key) = key {
            focus_when_drawn(format!("log-change-{}", id_part(&key)));
        }
    };

    let save_file = move |kind: &'static str| {
        let day = today();
        let (name, mime, text) = log.with_untracked(|l| match kind {
            "json" => ("config.json".to_string(), "application/json", export::config_json(l, content, &day)),
            "html" => (export::file_name(&day, "html"), "text/html", export::html(l, content, &day)),
            _ => (export::file_name(&day, "csv"), "text/csv", export::csv(l, content)),
        });
        download_problem.set(download(&name, &format!("{mime};charset=utf-8"), &text).is_err());
    };
    let download_saved = move |raw: String| {
        move |_| {
            let _ = download("video-tool-check-unreadable-log.json", "application/json", &raw);
        }
    };

    let keys = move || log.with(|l| l.list(content).iter().map(|e| key_of(&e.tool)).collect::<Vec<_>>());
    let has_entries = move || log.with(|l| !l.entries.is_empty());

    let text_input = move |key: &'static str,
                           label: &'static str,
                           hint: &'static str,
                           kind: &'static str,
                           get: fn(&Draft) -> String,
                           set: fn(&mut Draft, String)| {
        let id = format!("log-{key}");
        let hint_id = format!("log-{key}-hint");
        let error_id = format!("log-{key}-error");
        view! {
            <div class="nhsuk-form-group" class:nhsuk-form-group--error=move || error_for(key).is_some()>
                <label class="nhsuk-label" for=id.clone()>{label}</label>
                {(!hint.is_empty()).then(|| view! { <div class="nhsuk-hint" id=hint_id.clone()>{hint}</div> })}
                {move || error_for(key).map(|m| view! {
                    <span class="nhsuk-error-message" id=format!("log-{key}-error")><span class="nhsuk-u-visually-hidden">"Error: "</span>{m}</span>
                })}
                <input class="nhsuk-input" class:nhsuk-input--error=move || error_for(key).is_some()
                    class:nhsuk-input--width-10=kind == "date"
                    id=id.clone() name=id type=kind dir="auto" spellcheck="false" autocomplete="off"
                    aria-describedby=move || {
                        let ids: Vec<String> = [(!hint.is_empty()).then(|| hint_id.clone()), error_for(key).map(|_| error_id.clone())]
                            .into_iter().flatten().collect();
                        (!ids.is_empty()).then(|| ids.join(" "))
                    }
                    prop:value=move || draft.with(get)
                    on:input=move |ev| draft.update(|d| set(d, event_target_value(&ev)))/>
            </div>
        }
    };

    let tool_options = content
        .tools
        .iter()
        .map(|t| {
            let id = format!("log-tool-{}", t.id);
            let tool_id = t.id;
            let label = if t.retired { format!("{} (closed)", t.name) } else { t.name.to_string() };
            view! {
                <div class="nhsuk-radios__item">
                    <input class="nhsuk-radios__input" id=id.clone() name="log-tool" type="radio" value=tool_id
                        prop:checked=move || draft.with(|d| d.choice == tool_id)
                        on:change=move |_| draft.update(|d| d.choice = tool_id.to_string())/>
                    <label class="nhsuk-label nhsuk-radios__label" for=id>{label}</label>
                </div>
            }
        })
        .collect_view();

    let status_options = Approval::ALL
        .into_iter()
        .map(|status| {
            let id = format!("log-status-{}", status.key());
            view! {
                <div class="nhsuk-radios__item">
                    <input class="nhsuk-radios__input" id=id.clone() name="log-status" type="radio" value=status.key()
                        prop:checked=move || draft.with(|d| d.status == Some(status))
                        on:change=move |_| draft.update(|d| d.status = Some(status))/>
                    <label class="nhsuk-label nhsuk-radios__label" for=id>{status.label()}</label>
                </div>
            }
        })
        .collect_view();

    let form_heading = move || match editing.get() {
        Some(key) => {
            let name = log.with(|l| l.get(&key).map(|e| tool_name(&e.tool, content).to_string())).unwrap_or_default();
            view! { "Change your decision about "{typed(&name)} }.into_any()
        }
        None => "Add a decision to your log".into_any(),
    };
    let error_message = move |key: &'static str| {
        move || {
            error_for(key).map(|m| view! {
                <span class="nhsuk-error-message" id=format!("log-{key}-error")><span class="nhsuk-u-visually-hidden">"Error: "</span>{m}</span>
            })
        }
    };

    view! {
        <p class="vtc-no-print"><a class="nhsuk-link" href="#/">"Back to the start"</a></p>
        <h1 tabindex="-1">"Your log of approved video tools"</h1>
        {unreadable.map(|u| view! {
            <div class="nhsuk-warning-callout">
                <h2 class="nhsuk-warning-callout__label">"We could not read your saved log"</h2>
                <p>{sentence(&messages::log_load_error(&u.error, u.in_place))}</p>
                <div class="vtc-actions">
                    <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=download_saved(u.raw)>"Download the saved log"</button>
                </div>
            </div>
        })}
        {(!available).then(|| view! {
            <div class="nhsuk-warning-callout">
                <h2 class="nhsuk-warning-callout__label">"Your log will not be kept"</h2>
                <p>"This browser is not letting the page save your log. You can still add to it, but download config.json or the CSV before you close this page."</p>
            </div>
        })}
        {move || save_problem.get().filter(|_| available).map(|problem| view! {
            <div class="nhsuk-warning-callout" role="alert">
                <h2 class="nhsuk-warning-callout__label">"Your log is not saved"</h2>
                <p>{messages::log_save_error(problem)}" Your log is still on this page. Download config.json or the CSV now so that you do not lose it."</p>
            </div>
        })}
        <p>"If you are a data protection officer (DPO), keep the decisions you reach about video tools here. Your log is kept only in this browser on this computer."</p>
        <p>"Download it as config.json and put that file beside your copy of this widget: practices then see your decision beside each tool. You can also publish it as a web page, or open it in a spreadsheet."</p>
        <div role="status" class="vtc-notice">
            {move || (!notice.get().is_empty()).then(|| view! { <div class="nhsuk-inset-text"><p>{sentence(&notice.get())}</p></div> })}
        </div>

        <h2 id="log-entries-heading" tabindex="-1">"Tools in your log"</h2>
        {move || (!has_entries()).then(|| view! { <p>"There are no tools in your log yet."</p> })}
        <ul class="nhsuk-list">
            <For each=keys key=|k| k.clone() let(key)>
                <EntryRow key=key log=log on_change=on_change on_remove=on_remove/>
            </For>
        </ul>

        <h2 id="log-form-heading" tabindex="-1">{form_heading}</h2>
        {move || {
            let items = summary_items();
            (!items.is_empty()).then(|| view! { <ErrorSummary items=items/> })
        }}
        <div class="nhsuk-form-group" class:nhsuk-form-group--error=move || error_for("tool").is_some() || error_for("other-name").is_some()>
            <fieldset class="nhsuk-fieldset" aria-describedby=move || error_for("tool").map(|_| "log-tool-error")>
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">"Which tool is your decision about?"</legend>
                {error_message("tool")}
                <div class="nhsuk-radios">
                    {tool_options}
                    <div class="nhsuk-radios__divider">"or"</div>
                    <div class="nhsuk-radios__item">
                        <input class="nhsuk-radios__input" id="log-tool-other" name="log-tool" type="radio" value=OTHER
                            aria-controls="log-other-tool"
                            prop:checked=move || draft.with(|d| d.choice == OTHER)
                            on:change=move |_| draft.update(|d| d.choice = OTHER.to_string())/>
                        <label class="nhsuk-label nhsuk-radios__label" for="log-tool-other">"Another tool"</label>
                    </div>
                    <div class="nhsuk-radios__conditional" id="log-other-tool" class:nhsuk-radios__conditional--hidden=move || draft.with(|d| d.choice != OTHER)>
                        {text_input("other-name", "Name of the tool", "", "text", |d| d.other_name.clone(), |d, v| d.other_name = v)}
                    </div>
                </div>
            </fieldset>
        </div>
        <div class="nhsuk-form-group" class:nhsuk-form-group--error=move || error_for("status").is_some()>
            <fieldset class="nhsuk-fieldset" aria-describedby=move || error_for("status").map(|_| "log-status-error")>
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">"What did you decide?"</legend>
                {error_message("status")}
                <div class="nhsuk-radios">{status_options}</div>
            </fieldset>
        </div>
        <div class="nhsuk-form-group" class:nhsuk-form-group--error=move || error_for("conditions").is_some()>
            <label class="nhsuk-label" for="log-conditions">"Conditions (optional)"</label>
            <div class="nhsuk-hint" id="log-conditions-hint">"For example, NHSmail accounts only. Practices see these beside the tool."</div>
            {error_message("conditions")}
            <textarea class="nhsuk-textarea" class:nhsuk-textarea--error=move || error_for("conditions").is_some()
                id="log-conditions" name="log-conditions" rows="3" dir="auto"
                aria-describedby=move || if error_for("conditions").is_some() { "log-conditions-hint log-conditions-error" } else { "log-conditions-hint" }
                prop:value=move || draft.with(|d| d.conditions.clone())
                on:input=move |ev| draft.update(|d| d.conditions = event_target_value(&ev))></textarea>
        </div>
        {text_input("link", "Link to your assessment of the tool (optional)", "For example, your light impact assessment on your website. It must start with https://", "url", |d| d.link.clone(), |d, v| d.link = v)}
        {text_input("date", "Date of your decision", "", "date", |d| d.date.clone(), |d, v| d.date = v)}
        <div class="vtc-actions">
            <button type="button" class="nhsuk-button" on:click=on_submit>
                {move || if editing.get().is_some() { "Save the change" } else { "Add to your log" }}
            </button>
            {move || editing.get().is_some().then(|| view! {
                <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=cancel>"Cancel the change"</button>
            })}
        </div>

        <h2 class="nhsuk-u-margin-top-4">"Publish your log"</h2>
        <div class="nhsuk-form-group">
            <label class="nhsuk-label" for="log-publisher">"Your organisation or DPO service (optional)"</label>
            <div class="nhsuk-hint" id="log-publisher-hint">"Shown on the web page, and in your widget as \"Approved by\" and your name."</div>
            <input class="nhsuk-input" id="log-publisher" name="log-publisher" type="text" dir="auto" spellcheck="false"
                autocomplete="organization" maxlength="200" aria-describedby="log-publisher-hint"
                prop:value=move || log.with(|l| l.publisher.clone())
                on:input=move |ev| log.update(|l| l.publisher = event_target_value(&ev))/>
        </div>
        <p>"config.json also has places for your DPO's and your Caldicott Guardian's details: fill them in before you publish it."</p>
        {move || download_problem.get().then(|| view! {
            <div class="nhsuk-warning-callout" role="alert">
                <h3 class="nhsuk-warning-callout__label">"The file was not made"</h3>
                <p>"Your browser did not let us make the file. Try another browser."</p>
            </div>
        })}
        <div class="vtc-actions">
            <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=move |_| save_file("json")>"Download config.json for your widget"</button>
            <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=move |_| save_file("html")>"Download the log as a web page"</button>
            <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=move |_| save_file("csv")>"Download as CSV"</button>
        </div>
        <p class="vtc-sources nhsuk-u-margin-top-4">"\"Remove everything\" on "<a class="nhsuk-link" href="#/assessments">"Your assessments"</a>" also removes this log from this browser."</p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_says_what_is_missing_in_screen_order() {
        let content = Content::builtin();
        let blank = Draft::default();
        let keys: Vec<&str> = blank.errors(content).iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, vec!["tool", "status", "date"]);
        let other = Draft {
            choice: OTHER.into(),
            status: Some(Approval::Approved),
            link: "http://example.org".into(),
            conditions: "x".repeat(1001),
            date: "2026-12-01".into(),
            ..Draft::default()
        };
        let errors = other.errors(content);
        assert_eq!(errors[0], ("other-name", "Enter the name of the tool".to_string()));
        assert_eq!(errors[1], ("conditions", "Conditions must be 1,000 characters or fewer".to_string()));
        assert_eq!(errors[2].0, "link");
        assert_eq!(field_id("tool"), "log-tool-teams");
        assert_eq!(field_id("status"), "log-status-approved");
    }

    #[test]
    fn another_tool_named_like_a_catalogue_tool_is_that_tool() {
        let content = Content::builtin();
        let d = Draft { choice: OTHER.into(), other_name: " zoom ".into(), ..Draft::default() };
        assert_eq!(d.entry(content).tool, "zoom");
        let back = Draft::from_entry(&d.entry(content), content);
        assert_eq!(back.choice, "zoom");
    }

    #[test]
    fn ids_are_unique_for_each_name() {
        assert_eq!(id_part("teams"), "teams");
        assert_ne!(id_part("a b"), id_part("a-b"));
        assert_eq!(id_part("a b"), "a_20b");
    }
}

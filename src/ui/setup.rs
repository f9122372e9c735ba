//! "Set up this widget for your organisation": a DPO's settings, written to
//! the `config.json` the widget reads, without writing JSON.
//!
//! The form edits one [`Config`]. Each change is written out as the file
//! would be and read back with [`config::parse`], the widget's own reader, so
//! the problems shown next to each setting are the ones the widget would
//! report, the preview shows what the widget would use, and the download is
//! what it will read. There is no second validation here.
//!
//! - `fields`: the form's settings, one function or component each.
//! - `publish`: the preview, the download and the embed snippet.

mod fields;
mod publish;

use leptos::prelude::*;

use super::common::{focus_error_summary, sentence, BackToTasks, ErrorSummary};
use crate::config::{self, Config, LogEntry};

/// The form's fields, by the id of the element an error link moves focus to.
pub const PUBLISHER: &str = "setup-publisher";
pub const INTRODUCTION: &str = "setup-introduction";
pub const DPO_NAME: &str = "setup-dpo-name";
pub const DPO_EMAIL: &str = "setup-dpo-email";
pub const DPO_PHONE: &str = "setup-dpo-phone";
pub const IG_ROLE: &str = "setup-ig-role";
pub const IG_NAME: &str = "setup-ig-name";
pub const IG_EMAIL: &str = "setup-ig-email";
pub const IG_PHONE: &str = "setup-ig-phone";
pub const TOOLS: &str = "setup-tools";
pub const ACCENT: &str = "setup-accent";
pub const LOG: &str = "setup-log";

/// The field a problem from [`config::parse`] is about, by the setting it
/// names first ("dpo.email: …", "approved_tools[2].status: …"), or `None`
/// when it is about the file as a whole ("line 3, column 1: …").
pub fn field_for(problem: &str) -> Option<&'static str> {
    let (setting, _) = problem.split_once(": ")?;
    let setting = setting.split('[').next().unwrap_or(setting);
    Some(match setting {
        "publisher" => PUBLISHER,
        "introduction" => INTRODUCTION,
        "dpo" | "dpo.name" | "dpo.role" => DPO_NAME,
        "dpo.email" => DPO_EMAIL,
        "dpo.phone" => DPO_PHONE,
        "ig_contact" | "ig_contact.role" => IG_ROLE,
        "ig_contact.name" => IG_NAME,
        "ig_contact.email" => IG_EMAIL,
        "ig_contact.phone" => IG_PHONE,
        "offer_tools" => TOOLS,
        "approved_tools" => LOG,
        "accent_colour" => ACCENT,
        _ => return None,
    })
}

/// The element an error link for `field` moves focus to: a group's first box.
fn focus_target(field: &str) -> String {
    match field {
        TOOLS => format!("setup-tool-{}", crate::content::Content::builtin().tools[0].id),
        f => f.to_string(),
    }
}

/// The settings being written, and what the widget would make of them.
#[derive(Clone, Copy)]
pub struct Draft {
    pub config: RwSignal<Config>,
    /// The settings the widget would use and each problem it would report,
    /// from the file as it would be written now.
    pub checked: Memo<(Config, Vec<String>)>,
    /// Fields the user has changed and left: their problems show.
    touched: RwSignal<Vec<&'static str>>,
    /// The user asked to download: every problem shows.
    submitted: RwSignal<bool>,
    /// The problems in the file the user loaded, each until that setting changes.
    pub loaded: RwSignal<Vec<String>>,
}

impl Draft {
    fn new() -> Draft {
        let config = RwSignal::new(Config::default());
        let checked =
            Memo::new(move |_| config.with(|c| config::parse(&c.to_text(), crate::content::Content::builtin())));
        Draft {
            config,
            checked,
            touched: RwSignal::new(Vec::new()),
            submitted: RwSignal::new(false),
            loaded: RwSignal::new(Vec::new()),
        }
    }

    /// The problems to show next to `field`: the loaded file's, and the
    /// form's own once the user has left the field or asked to download.
    pub fn problems_for(&self, field: &'static str) -> Vec<String> {
        let mut found: Vec<String> =
            self.loaded.with(|l| l.iter().filter(|p| field_for(p) == Some(field)).cloned().collect());
        if self.submitted.get() || self.touched.with(|t| t.contains(&field)) {
            self.checked
                .with(|(_, problems)| found.extend(problems.iter().filter(|p| field_for(p) == Some(field)).cloned()));
        }
        found
    }

    /// Changes the settings from `field`; the loaded file's problem with
    /// that setting is then out of date.
    pub fn edit(&self, field: &'static str, change: impl FnOnce(&mut Config)) {
        self.config.update(change);
        if self.loaded.with_untracked(|l| l.iter().any(|p| field_for(p) == Some(field))) {
            self.loaded.update(|l| l.retain(|p| field_for(p) != Some(field)));
        }
    }

    /// The user has left `field` after changing it.
    pub fn leave(&self, field: &'static str) {
        if !self.touched.with_untracked(|t| t.contains(&field)) {
            self.touched.update(|t| t.push(field));
        }
    }

    /// Puts a new log of approved tools in the settings. The log's own
    /// screen (adding entries by hand) gives its entries here.
    pub fn replace_log(&self, entries: Vec<LogEntry>) {
        self.edit(LOG, |c| c.approved_tools = entries);
    }

    /// Fills the form from a file read with the widget's own reader.
    fn load(&self, config: Config, problems: Vec<String>) {
        self.config.set(config);
        self.loaded.set(problems);
        self.touched.set(Vec::new());
        self.submitted.set(false);
    }
}

/// Reads the chosen file in the browser, with the widget's reader: nothing is uploaded.
async fn read_chosen(input: &web_sys::HtmlInputElement) -> Option<(String, Config, Vec<String>)> {
    let chosen = input.files()?.get(0)?;
    let name = chosen.name();
    let content = crate::content::Content::builtin();
    let (config, problems) = match config::too_big(chosen.size() as usize) {
        Some(problem) => (Config::default(), vec![problem]),
        None => match wasm_bindgen_futures::JsFuture::from(chosen.text()).await {
            Ok(text) => config::parse(&text.as_string().unwrap_or_default(), content),
            Err(_) => (Config::default(), vec!["the file could not be read".to_string()]),
        },
    };
    Some((name, config, problems))
}

#[component]
pub fn SetupScreen() -> impl IntoView {
    let draft = Draft::new();
    let file_input = NodeRef::<leptos::html::Input>::new();
    let load_status = RwSignal::new(String::new());

    let on_file = move |_| {
        let Some(input) = file_input.get_untracked() else { return };
        leptos::task::spawn_local(async move {
            let Some((name, config, problems)) = read_chosen(&input).await else { return };
            // Browsers only report a change of file: without this, choosing
            // the same file again after fixing it would do nothing.
            input.set_value("");
            let count = problems.len();
            draft.load(config, problems);
            load_status.set(match count {
                0 => format!("{name} is loaded. Its settings are in the form."),
                1 => format!("{name} is loaded. It has 1 problem, shown below and next to its setting."),
                n => format!("{name} is loaded. It has {n} problems, shown below and next to their settings."),
            });
        });
    };

    let errors = move || {
        if draft.submitted.get() {
            draft.checked.with(|(_, problems)| {
                problems.iter().map(|p| (focus_target(field_for(p).unwrap_or(PUBLISHER)), p.clone())).collect()
            })
        } else {
            Vec::<(String, String)>::new()
        }
    };

    view! {
        <BackToTasks/>
        <h1 tabindex="-1">"Set up this widget for your organisation"</h1>
        {move || {
            let items = errors();
            (!items.is_empty()).then(|| view! {
                <ErrorSummary items=items intro="Fix these settings before you download config.json:"/>
            })
        }}
        <p class="nhsuk-lede-text">"For DPOs and DPO services who publish this check on their own website."</p>
        <p>"Fill in your details and choose what the check offers. You will get a config.json file to put beside the widget, and the code to paste into your page. You do not need to write any code or JSON."</p>
        <p>"Nothing you type here is sent anywhere, or kept after you leave this page."</p>

        <h2>"Start from your current config.json"</h2>
        <div class="nhsuk-form-group">
            <label class="nhsuk-label" for="setup-file">"Load your current config.json (optional)"</label>
            <div class="nhsuk-hint" id="setup-file-hint">"We read the file in your browser and fill in the form with its settings."</div>
            <input class="vtc-file" id="setup-file" type="file" accept=".json,application/json" aria-describedby="setup-file-hint" node_ref=file_input on:change=on_file/>
        </div>
        <p role="status">{move || load_status.get()}</p>
        <LoadedProblems draft=draft/>

        <fields::Settings draft=draft/>
        <publish::Preview draft=draft/>
        <publish::Publish draft=draft/>
    }
}

/// Every problem in the loaded file, as the widget reports them; each one
/// that is about a setting links to it, where it is shown again.
#[component]
fn LoadedProblems(draft: Draft) -> impl IntoView {
    move || {
        let problems = draft.loaded.get();
        (!problems.is_empty()).then(|| {
            let items = problems
                .into_iter()
                .map(|p| match field_for(&p) {
                    Some(field) => {
                        let target = focus_target(field);
                        view! {
                            <li><a class="nhsuk-link" href=format!("#{target}") on:click=move |ev| {
                                ev.prevent_default();
                                super::browser::focus_id(&target);
                            }>{sentence(&p)}</a></li>
                        }
                        .into_any()
                    }
                    None => view! { <li>{sentence(&p)}</li> }.into_any(),
                })
                .collect_view();
            view! {
                <div class="nhsuk-warning-callout">
                    <h3 class="nhsuk-warning-callout__label">"The file you loaded has a problem"</h3>
                    <p>"The widget would use the standard settings where these are wrong, and so does the form. Fix them below:"</p>
                    <ul>{items}</ul>
                </div>
            }
        })
    }
}

/// Shows the download's error summary and moves focus to it.
fn ask_to_fix(draft: Draft) {
    draft.submitted.set(true);
    focus_error_summary();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Content;

    #[test]
    fn each_problem_the_reader_reports_has_its_field() {
        let text = r##"{
            "publisher": 42, "introduction": [],
            "dpo": {"name": 1, "email": "nobody", "phone": 2},
            "ig_contact": {"role": 3, "name": 4, "email": "x", "phone": 5},
            "approved_tools": [{"tool": "teams", "status": "aproved"}],
            "offer_tools": ["myspace"], "accent_colour": "#ffff00", "colour": "red"
        }"##;
        let (_, problems) = config::parse(text, Content::builtin());
        let fields: Vec<Option<&str>> = problems.iter().map(|p| field_for(p)).collect();
        for field in [
            PUBLISHER,
            INTRODUCTION,
            DPO_NAME,
            DPO_EMAIL,
            DPO_PHONE,
            IG_ROLE,
            IG_NAME,
            IG_EMAIL,
            IG_PHONE,
            LOG,
            TOOLS,
            ACCENT,
        ] {
            assert!(fields.contains(&Some(field)), "{field}: {problems:?}");
        }
        // An unknown setting, or broken JSON, is about the file as a whole.
        assert_eq!(fields.iter().filter(|f| f.is_none()).count(), 1, "{problems:?}");
        let (_, broken) = config::parse("{\n oops", Content::builtin());
        assert_eq!(field_for(&broken[0]), None);
        assert_eq!(focus_target(TOOLS), format!("setup-tool-{}", Content::builtin().tools[0].id));
    }
}

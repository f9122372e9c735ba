//! The publisher's configuration: who runs the page, their DPO, their log of
//! approved tools, and a few choices about what the widget offers.
//!
//! Read from `config.json` beside the widget. Every problem is reported with
//! where it is and what is wrong, and the widget carries on with the parts
//! that are right and defaults for the rest: a typo by the publisher must
//! never stop a practice manager finishing their check.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::content::Content;
use crate::user_text::isolate;

/// The most a configuration file may be; a real one is a few kilobytes.
pub const MAX_CONFIG_BYTES: usize = 256 * 1024;

/// Whether a fetched "file" is really a web page. Many hosts answer an
/// address with no file behind it with a page of their own (a "not found"
/// page, or the site's home page) and status 200, so a missing config.json
/// can arrive as HTML. JSON never starts with `<`.
pub fn is_web_page(text: &str) -> bool {
    text.trim_start_matches('\u{feff}').trim_start().starts_with('<')
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Contact {
    pub name: String,
    pub email: String,
    pub phone: String,
    /// For example "Caldicott Guardian" or "IG lead".
    pub role: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Approval {
    Approved,
    ApprovedWithConditions,
    NotApproved,
    UnderReview,
}

impl Approval {
    pub fn label(self) -> &'static str {
        match self {
            Approval::Approved => "Approved",
            Approval::ApprovedWithConditions => "Approved with conditions",
            Approval::NotApproved => "Not approved",
            Approval::UnderReview => "Under review",
        }
    }

    pub const ALL: [Approval; 4] =
        [Approval::Approved, Approval::ApprovedWithConditions, Approval::NotApproved, Approval::UnderReview];

    /// The name `config.json` and the saved log use.
    pub fn key(self) -> &'static str {
        match self {
            Approval::Approved => "approved",
            Approval::ApprovedWithConditions => "approved-with-conditions",
            Approval::NotApproved => "not-approved",
            Approval::UnderReview => "under-review",
        }
    }
}

/// One row of the publisher's log of approved tools. The same type, and the
/// same rules ([`LogEntry::problems`]), for `config.json`'s `approved_tools`
/// and the log a DPO keeps in the widget (`crate::dpo_log`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LogEntry {
    /// A catalogue tool id, or the name of another tool.
    pub tool: String,
    pub status: Approval,
    #[serde(default)]
    pub conditions: String,
    /// Link to the publisher's light impact assessment for the tool.
    #[serde(default)]
    pub assessment_url: String,
    #[serde(default)]
    pub date: String,
}

/// Whether two log entries' `tool`s name the same tool: trimmed, and
/// without regard to case. The widget finds a tool's entry this way, so a
/// log keeps one entry for each such name.
pub fn same_tool(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// A part of a log entry, for saying which one has a problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogField {
    Tool,
    Conditions,
    AssessmentUrl,
    Date,
}

impl LogField {
    /// Its name in `config.json` and the saved log.
    pub fn key(self) -> &'static str {
        match self {
            LogField::Tool => "tool",
            LogField::Conditions => "conditions",
            LogField::AssessmentUrl => "assessment_url",
            LogField::Date => "date",
        }
    }

    /// The most characters it may hold.
    pub fn max(self) -> usize {
        match self {
            LogField::Tool => 100,
            LogField::Conditions => 1000,
            LogField::AssessmentUrl => 500,
            LogField::Date => 30,
        }
    }
}

/// What is wrong with a log entry. The screens and `config.json`'s
/// messages each word it their own way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogProblem {
    /// No tool is named.
    NoTool,
    TooLong(LogField),
    /// The link to the assessment is not an https:// address.
    NotHttps,
}

impl LogProblem {
    pub fn field(self) -> LogField {
        match self {
            LogProblem::NoTool => LogField::Tool,
            LogProblem::TooLong(f) => f,
            LogProblem::NotHttps => LogField::AssessmentUrl,
        }
    }
}

impl LogEntry {
    /// Every rule a log entry must keep, wherever it comes from.
    pub fn problems(&self) -> Vec<LogProblem> {
        let mut problems = Vec::new();
        if self.tool.trim().is_empty() {
            problems.push(LogProblem::NoTool);
        }
        for (field, text) in [
            (LogField::Tool, &self.tool),
            (LogField::Conditions, &self.conditions),
            (LogField::AssessmentUrl, &self.assessment_url),
            (LogField::Date, &self.date),
        ] {
            if text.trim().chars().count() > field.max() {
                problems.push(LogProblem::TooLong(field));
            }
        }
        // Only web links: a javascript: or data: link must never become a link.
        let url = self.assessment_url.trim();
        if !url.is_empty() && !url.starts_with("https://") {
            problems.push(LogProblem::NotHttps);
        }
        problems
    }
}

/// What `config.json` holds, in its own names. Read setting by setting by
/// [`parse`], so that one mistake costs only that setting.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Config {
    /// The organisation or DPO service that publishes the widget.
    pub publisher: String,
    pub dpo: Contact,
    /// The Caldicott Guardian or IG contact for when something goes wrong.
    pub ig_contact: Contact,
    pub introduction: String,
    pub approved_tools: Vec<LogEntry>,
    /// Catalogue tool ids to offer; empty offers them all.
    pub offer_tools: Vec<String>,
    /// `#rrggbb`, dark enough for white text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accent_colour: Option<String>,
}

impl Config {
    /// The file [`parse`] reads back as this configuration, for the setup
    /// screen's download: pretty JSON, in the settings' own names.
    pub fn to_text(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The log entry for a catalogue tool id or another tool's name.
    pub fn log_entry(&self, tool: &str) -> Option<&LogEntry> {
        self.approved_tools.iter().find(|e| same_tool(&e.tool, tool))
    }

    pub fn offers(&self, tool_id: &str) -> bool {
        self.offer_tools.is_empty() || self.offer_tools.iter().any(|t| t == tool_id)
    }

    /// The catalogue's tools this publisher offers, in the catalogue's order.
    pub fn offered<'c>(&'c self, content: &'c Content) -> impl Iterator<Item = &'c crate::content::Tool> + 'c {
        content.tools.iter().filter(|t| self.offers(t.id))
    }

    /// Who the log belongs to, for sentences such as "Approved by …": the
    /// publisher's name is isolated from the words around it.
    pub fn log_owner(&self) -> String {
        if self.publisher.trim().is_empty() {
            "your DPO".to_string()
        } else {
            isolate(self.publisher.trim())
        }
    }
}

/// Reads a configuration file. Returns the configuration to use and each
/// problem found, as "where: what is wrong"; the caller puts the file name first.
pub fn parse(text: &str, content: &Content) -> (Config, Vec<String>) {
    if let Some(problem) = too_big(text.len()) {
        return (Config::default(), vec![problem]);
    }
    match serde_json::from_str::<Value>(text.trim_start_matches('\u{feff}')) {
        Ok(root) => read(&root, content),
        Err(e) => {
            let what = crate::storage::plain_problem(&e.to_string());
            let problem = format!("line {}, column {}: this is not valid JSON ({what})", e.line(), e.column());
            (Config::default(), vec![problem])
        }
    }
}

/// The problem with a file of `bytes`, if it is too big to read: for a
/// file chosen in the browser, before its text is read.
pub fn too_big(bytes: usize) -> Option<String> {
    (bytes > MAX_CONFIG_BYTES).then(|| format!("the file is {} KB; the most allowed is 256 KB", bytes / 1024))
}

/// Reads configuration already in JSON form, such as the embed snippet's
/// page parameters; problems as [`parse`] gives them.
pub fn read(root: &Value, content: &Content) -> (Config, Vec<String>) {
    let mut problems = Vec::new();
    let mut config = Config::default();
    let Some(members) = root.as_object() else {
        problems.push("the file must be a JSON object, in { }".to_string());
        return (config, problems);
    };

    let known = ["publisher", "dpo", "ig_contact", "introduction", "approved_tools", "offer_tools", "accent_colour"];
    for key in members.keys() {
        if !known.contains(&key.as_str()) && !key.starts_with('_') {
            let key = isolate(key);
            problems.push(format!("{key}: this setting does not exist (known settings: {})", known.join(", ")));
        }
    }
    config.publisher = text_field(root, "publisher", 200, &mut problems);
    config.introduction = text_field(root, "introduction", 2000, &mut problems);
    config.dpo = contact(root, "dpo", &mut problems);
    config.ig_contact = contact(root, "ig_contact", &mut problems);

    if let Some(v) = root.get("offer_tools") {
        match v.as_array() {
            None => problems.push("offer_tools: must be a list of tool ids, like [\"teams\", \"accurx\"]".to_string()),
            Some(list) => {
                for (i, t) in list.iter().enumerate() {
                    match t.as_str() {
                        Some(id) if content.tool(id).is_some() => config.offer_tools.push(id.to_string()),
                        _ => problems.push(format!(
                            "offer_tools[{i}]: {} is not a tool id (known ids: {})",
                            isolate(&t.to_string()),
                            content.tools.iter().map(|t| t.id).collect::<Vec<_>>().join(", ")
                        )),
                    }
                }
            }
        }
    }

    if let Some(v) = root.get("approved_tools") {
        match v.as_array() {
            None => problems.push("approved_tools: must be a list of entries, in [ ]".to_string()),
            Some(list) => {
                for (i, entry) in list.iter().enumerate() {
                    if let Some(e) = log_entry(entry, &format!("approved_tools[{i}]"), &mut problems) {
                        config.approved_tools.push(e);
                    }
                }
            }
        }
    }

    if let Some(v) = root.get("accent_colour") {
        match v.as_str().map(str::trim) {
            Some(c) if is_hex_colour(c) && contrast_with_white(c) >= 4.5 => {
                config.accent_colour = Some(c.to_ascii_lowercase())
            }
            Some(c) if is_hex_colour(c) => problems.push(format!(
                "accent_colour: {} is too light for white text (contrast {}:1; it needs at least 4.5:1)",
                isolate(c),
                crate::one_decimal(contrast_with_white(c))
            )),
            _ => problems.push(format!("accent_colour: {} is not a colour like \"#005eb8\"", isolate(&v.to_string()))),
        }
    }
    (config, problems)
}

/// The settings the embed snippet may give in the page address, by the
/// parameter's name and the setting's path in `config.json`.
pub const PAGE_PARAMETERS: [(&str, &str); 4] =
    [("publisher", "publisher"), ("accent", "accent_colour"), ("dpo-name", "dpo.name"), ("dpo-email", "dpo.email")];

/// Reads the page address's parameters (name and decoded value) with the same
/// checks as the file. A problem names the parameter as the publisher wrote
/// it, `accent`, not the setting it stands for.
pub fn from_page_parameters(params: &[(&str, String)], content: &Content) -> (Config, Vec<String>) {
    let mut root = serde_json::Map::new();
    for (param, value) in params {
        let Some((_, setting)) = PAGE_PARAMETERS.iter().find(|(p, _)| p == param) else { continue };
        match setting.split_once('.') {
            Some((outer, inner)) => {
                let entry = root.entry(outer).or_insert_with(|| Value::Object(Default::default()));
                if let Value::Object(contact) = entry {
                    contact.insert(inner.to_string(), Value::String(value.clone()));
                }
            }
            None => {
                root.insert(setting.to_string(), Value::String(value.clone()));
            }
        }
    }
    let (config, problems) = read(&Value::Object(root), content);
    let renamed = problems
        .into_iter()
        .map(|p| {
            PAGE_PARAMETERS
                .iter()
                .find_map(|(param, setting)| p.strip_prefix(setting).map(|rest| format!("{param}{rest}")))
                .unwrap_or(p)
        })
        .collect();
    (config, renamed)
}

/// `obj` is a JSON object; a member that is not there reads as empty.
fn text_field(obj: &Value, key: &str, max: usize, problems: &mut Vec<String>) -> String {
    match obj.get(key) {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) if s.chars().count() <= max => s.trim().to_string(),
        Some(Value::String(_)) => {
            problems.push(format!("{key}: longer than {max} characters"));
            String::new()
        }
        Some(other) => {
            problems.push(format!("{key}: must be text in quotes, not {}", isolate(&other.to_string())));
            String::new()
        }
    }
}

fn contact(obj: &Value, key: &str, problems: &mut Vec<String>) -> Contact {
    let Some(v) = obj.get(key) else { return Contact::default() };
    if v.as_object().is_none() {
        problems.push(format!("{key}: must be an object like {{\"name\": \"…\", \"email\": \"…\"}}"));
        return Contact::default();
    }
    let mut sub = Vec::new();
    let contact = Contact {
        name: text_field(v, "name", 200, &mut sub),
        email: text_field(v, "email", 200, &mut sub),
        phone: text_field(v, "phone", 50, &mut sub),
        role: text_field(v, "role", 100, &mut sub),
    };
    problems.extend(sub.into_iter().map(|p| format!("{key}.{p}")));
    if !contact.email.is_empty() && !crate::assessment::looks_like_email(&contact.email) {
        problems.push(format!("{key}.email: {} is not an email address", isolate(&contact.email)));
        return Contact { email: String::new(), ..contact };
    }
    contact
}

fn log_entry(v: &Value, at: &str, problems: &mut Vec<String>) -> Option<LogEntry> {
    if v.as_object().is_none() {
        problems.push(format!("{at}: must be an object like {{\"tool\": \"teams\", \"status\": \"approved\"}}"));
        return None;
    }
    let mut sub = Vec::new();
    let text = |field: LogField, sub: &mut Vec<String>| text_field(v, field.key(), field.max(), sub);
    let tool = text(LogField::Tool, &mut sub);
    let status_text = text_field(v, "status", 50, &mut sub);
    let conditions = text(LogField::Conditions, &mut sub);
    let assessment_url = text(LogField::AssessmentUrl, &mut sub);
    let date = text(LogField::Date, &mut sub);
    problems.extend(sub.into_iter().map(|p| format!("{at}.{p}")));
    let status = serde_json::from_value::<Approval>(Value::String(status_text));
    let mut entry =
        LogEntry { tool, status: *status.as_ref().unwrap_or(&Approval::UnderReview), conditions, assessment_url, date };
    // The rules every log entry keeps; lengths were checked as each was read.
    let rules = entry.problems();
    if rules.contains(&LogProblem::NoTool) {
        problems.push(format!("{at}.tool: missing; give a tool id such as \"teams\" or the tool's name"));
        return None;
    }
    if let Err(e) = status {
        problems.push(format!("{at}.status: {}", isolate(&crate::storage::plain_problem(&e.to_string()))));
        return None;
    }
    if rules.contains(&LogProblem::NotHttps) {
        problems.push(format!("{at}.assessment_url: must start with https://"));
        entry.assessment_url = String::new();
    }
    Some(entry)
}

fn is_hex_colour(c: &str) -> bool {
    c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|ch| ch.is_ascii_hexdigit())
}

/// WCAG contrast ratio of a `#rrggbb` colour against white.
fn contrast_with_white(c: &str) -> f64 {
    let channel = |i: usize| {
        let v = u8::from_str_radix(&c[i..i + 2], 16).unwrap_or(0) as f64 / 255.0;
        if v <= 0.03928 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
    1.05 / (l + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ok(text: &str) -> Config {
        let (c, problems) = parse(text, Content::builtin());
        assert_eq!(problems, Vec::<String>::new());
        c
    }

    #[test]
    fn the_documented_example_is_valid() {
        let c = parse_ok(include_str!("../config.example.json"));
        assert_eq!(c.dpo.email, "dpo@example-dpo-service.nhs.uk");
        assert_eq!(c.log_entry(" pexip ").unwrap().status, Approval::UnderReview, "another tool matches by name");
        assert_eq!(c.log_entry("teams").unwrap().status, Approval::ApprovedWithConditions);
        assert_eq!(c.log_entry("whatsapp").unwrap().status, Approval::NotApproved);
        assert!(c.accent_colour.is_some());
    }

    #[test]
    fn only_the_offered_tools_are_offered_in_catalogue_order() {
        let c = parse_ok(r#"{"offer_tools": ["whereby", "accurx"]}"#);
        let ids: Vec<&str> = c.offered(Content::builtin()).map(|t| t.id).collect();
        assert_eq!(ids, vec!["accurx", "whereby"]);
        assert_eq!(Config::default().offered(Content::builtin()).count(), Content::builtin().tools.len());
    }

    #[test]
    fn no_settings_means_defaults() {
        let c = parse_ok("{}");
        assert_eq!(c, Config::default());
        assert!(c.offers("zoom"));
        assert_eq!(c.log_owner(), "your DPO");
    }

    #[test]
    fn every_problem_says_where_and_what() {
        let text = r##"{
            "publisher": 42,
            "dpo": {"name": "Dana", "email": "not an email"},
            "approved_tools": [
                {"tool": "teams", "status": "aproved"},
                {"tool": "zoom", "status": "approved", "assessment_url": "javascript:alert(1)"},
                "accurx"
            ],
            "offer_tools": ["teams", "myspace"],
            "accent_colour": "#ffff00",
            "colour": "red"
        }"##;
        let (c, problems) = parse(text, Content::builtin());
        // As a reader reads them: each value quoted from the file is isolated.
        let problems: Vec<String> = problems.iter().map(|p| crate::user_text::plain(p)).collect();
        let has = |s: &str| problems.iter().any(|p| p.contains(s));
        assert!(has("publisher: must be text"), "{problems:?}");
        assert!(has("dpo.email: not an email is not an email address"), "{problems:?}");
        assert!(has("approved_tools[0].status: \"aproved\" is not one of approved"), "{problems:?}");
        assert!(has("approved_tools[1].assessment_url: must start with https://"), "{problems:?}");
        assert!(has("approved_tools[2]: must be an object"), "{problems:?}");
        assert!(has("offer_tools[1]: \"myspace\" is not a tool id"), "{problems:?}");
        assert!(has("accent_colour: #ffff00 is too light"), "{problems:?}");
        assert!(has("colour: this setting does not exist"), "{problems:?}");
        // What was right is still used.
        assert_eq!(c.dpo.name, "Dana");
        assert_eq!(c.dpo.email, "");
        assert_eq!(c.approved_tools.len(), 1);
        assert_eq!(c.approved_tools[0].assessment_url, "");
        assert_eq!(c.offer_tools, vec!["teams".to_string()]);
    }

    #[test]
    fn page_parameters_are_named_as_the_publisher_wrote_them() {
        let params =
            [("accent", "#ffff00".to_string()), ("dpo-email", "nope".to_string()), ("dpo-name", "Dana".into())];
        let (c, problems) = from_page_parameters(&params, Content::builtin());
        let problems: Vec<String> = problems.iter().map(|p| crate::user_text::plain(p)).collect();
        assert!(problems.iter().any(|p| p.starts_with("accent: #ffff00 is too light")), "{problems:?}");
        assert!(problems.iter().any(|p| p.starts_with("dpo-email: nope is not an email address")), "{problems:?}");
        assert!(!problems.iter().any(|p| p.contains("accent_colour") || p.contains("dpo.")), "{problems:?}");
        assert_eq!(c.dpo.name, "Dana");
        let (c, problems) = from_page_parameters(&[("publisher", "Our DPO service".into())], Content::builtin());
        assert_eq!((c.publisher.as_str(), problems.len()), ("Our DPO service", 0));
    }

    #[test]
    fn a_web_page_is_told_apart_from_a_configuration() {
        assert!(is_web_page("\u{feff}\n  <!DOCTYPE html><html>"));
        assert!(is_web_page("<html><body>Not found</body></html>"));
        assert!(!is_web_page(include_str!("../config.example.json")));
        assert!(!is_web_page("{\"publisher\": \"<b>\"}"));
        assert!(!is_web_page(""));
    }

    #[test]
    fn broken_json_says_which_line() {
        let (c, problems) = parse("{\n  \"publisher\": \"X\",\n  oops\n}", Content::builtin());
        assert_eq!(c, Config::default());
        assert!(problems[0].starts_with("line 3, column 3: this is not valid JSON"), "{problems:?}");
        let (_, problems) = parse("[1, 2]", Content::builtin());
        assert!(problems[0].contains("must be a JSON object"));
        let (_, problems) = parse(&" ".repeat(MAX_CONFIG_BYTES + 1), Content::builtin());
        assert!(problems[0].contains("the most allowed is 256 KB"));
    }

    #[test]
    fn thousands_of_damaged_configurations_never_panic_or_hang() {
        use crate::fuzz::{mutate, nested, Rng};
        let seed = include_str!("../config.example.json");
        let started = std::time::Instant::now();
        let mut rng = Rng::new(7);
        for _ in 0..4000 {
            let text = mutate(&mut rng, seed);
            let (_, problems) = parse(&text, Content::builtin());
            // Whatever is wrong is said, never swallowed.
            if serde_json::from_str::<Value>(&text).is_err() {
                assert!(!problems.is_empty(), "broken JSON passed silently: {text}");
            }
        }
        assert!(!parse(&nested(100_000), Content::builtin()).1.is_empty());
        assert!(started.elapsed().as_secs() < 20, "the configuration parser is too slow");
    }

    /// Whatever the setup screen can hold, once checked, is written and read
    /// back unchanged, with no problem: what the screen writes, the widget reads.
    #[test]
    fn what_the_setup_screen_writes_the_widget_reads_back() {
        use crate::fuzz::Rng;
        let content = Content::builtin();
        let texts = [
            "",
            "Example DPO Service",
            "<b>bold</b><script>alert(1)</script>",
            "Dana \u{202e}Patel\u{202c}",
            "\u{2067}عيادة\u{2069} \"quoted\" back\\slash",
            "Line one\nline two\ttabbed",
            "{\"publisher\": \"not a setting\"}",
            "emoji 🩺 and ‘curly’ quotes",
        ];
        let emails = ["", "dpo@example.nhs.uk", "o'neil+dpo@example.org"];
        let colours = [None, Some("#005eb8"), Some("#000000"), Some("#330072")];
        let statuses =
            [Approval::Approved, Approval::ApprovedWithConditions, Approval::NotApproved, Approval::UnderReview];
        let mut rng = Rng::new(16);
        let text = |rng: &mut Rng| texts[rng.below(texts.len())].to_string();
        let contact = |rng: &mut Rng| Contact {
            name: text(rng),
            email: emails[rng.below(emails.len())].to_string(),
            phone: text(rng),
            role: text(rng),
        };
        for _ in 0..500 {
            let r = &mut rng;
            let mut config = Config {
                publisher: text(r),
                introduction: text(r),
                dpo: contact(r),
                ig_contact: contact(r),
                ..Config::default()
            };
            config.offer_tools = content.tools.iter().filter(|_| r.below(3) == 0).map(|t| t.id.to_string()).collect();
            config.accent_colour = colours[r.below(colours.len())].map(str::to_string);
            for _ in 0..r.below(4) {
                let tool = if r.below(2) == 0 {
                    content.tools[r.below(content.tools.len())].id.to_string()
                } else {
                    "Pexip <i>".into()
                };
                config.approved_tools.push(LogEntry {
                    tool,
                    status: statuses[r.below(statuses.len())],
                    conditions: text(r),
                    assessment_url: ["", "https://example.org/log/a.pdf?x=1&y=<2>"][r.below(2)].to_string(),
                    date: ["", "2026-12-02"][r.below(2)].to_string(),
                });
            }
            // The screen keeps what parse gave back; that is what is written.
            let (checked, problems) = parse(&config.to_text(), content);
            assert_eq!(problems, Vec::<String>::new(), "{config:?}");
            let (again, problems) = parse(&checked.to_text(), content);
            assert_eq!((&again, problems.len()), (&checked, 0));
            // Text is kept as typed, markup and direction controls included
            // (only the ends are trimmed, as the widget reads every setting).
            assert_eq!(checked.publisher, config.publisher.trim());
            assert_eq!(checked.introduction, config.introduction.trim());
            assert_eq!(checked.dpo.role, config.dpo.role.trim());
            assert_eq!(checked.approved_tools.len(), config.approved_tools.len());
            assert_eq!(checked.offer_tools, config.offer_tools);
            assert_eq!(checked.accent_colour, config.accent_colour);
        }
    }

    #[test]
    fn contrast_is_measured_as_wcag_does() {
        assert!((contrast_with_white("#000000") - 21.0).abs() < 0.01);
        assert!((contrast_with_white("#ffffff") - 1.0).abs() < 0.01);
        assert!(contrast_with_white("#005eb8") > 4.5);
    }
}

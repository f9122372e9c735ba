//! A DPO's own log of approved video tools, kept in their browser: the
//! decisions they have reached, one entry a tool. It is what their published
//! widget's `config.json` lists as `approved_tools`, so each entry is a
//! [`LogEntry`] and keeps the same rules ([`LogEntry::problems`]).
//!
//! No web types: the screen is `ui::log`, the saved format `storage`, and
//! the downloads `export::log`.

use crate::config::{same_tool, LogEntry, LogProblem};
use crate::content::Content;

/// The most tools a log may hold: a DPO service reviews tens, not thousands.
pub const MAX_ENTRIES: usize = 500;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct DpoLog {
    /// The organisation or DPO service whose log it is, or empty.
    pub publisher: String,
    /// One entry a tool (see [`same_tool`]), in the order they were added.
    pub entries: Vec<LogEntry>,
}

/// Why an entry was not added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AddError {
    /// The entry breaks the rules every log entry keeps.
    Invalid(Vec<LogProblem>),
    /// The log already holds [`MAX_ENTRIES`] other tools.
    Full,
}

impl DpoLog {
    /// Adds a decision about a tool, or replaces the one the log already has
    /// for that tool (trimmed, without regard to case), keeping its place.
    /// Text is trimmed; nothing is changed if the entry breaks a rule.
    pub fn add_or_replace(&mut self, entry: LogEntry) -> Result<(), AddError> {
        let entry = LogEntry {
            tool: entry.tool.trim().to_string(),
            status: entry.status,
            conditions: entry.conditions.trim().to_string(),
            assessment_url: entry.assessment_url.trim().to_string(),
            date: entry.date.trim().to_string(),
        };
        let problems = entry.problems();
        if !problems.is_empty() {
            return Err(AddError::Invalid(problems));
        }
        match self.entries.iter().position(|e| same_tool(&e.tool, &entry.tool)) {
            Some(at) => self.entries[at] = entry,
            None if self.entries.len() >= MAX_ENTRIES => return Err(AddError::Full),
            None => self.entries.push(entry),
        }
        Ok(())
    }

    /// Removes the entry for `tool`; whether there was one.
    pub fn remove(&mut self, tool: &str) -> bool {
        let before = self.entries.len();
        self.entries.retain(|e| !same_tool(&e.tool, tool));
        self.entries.len() != before
    }

    pub fn get(&self, tool: &str) -> Option<&LogEntry> {
        self.entries.iter().find(|e| same_tool(&e.tool, tool))
    }

    /// The entries in the order of the tools' names as people read them
    /// (a catalogue tool by its name, not its id), without regard to case.
    /// Each is put in its place as it comes, rather than sorted: a log holds
    /// at most 500, and this way the download carries no sort and no
    /// Unicode case tables. Measured: `sort_unstable_by` and `to_lowercase`
    /// here cost 21 KB of the release `.wasm`, 10 KB gzip.
    pub fn list(&self, content: &Content) -> Vec<&LogEntry> {
        let mut list: Vec<(String, &LogEntry)> = Vec::with_capacity(self.entries.len());
        for e in &self.entries {
            let name = tool_name(&e.tool, content).to_ascii_lowercase();
            let at = list.iter().position(|(other, _)| *other > name).unwrap_or(list.len());
            list.insert(at, (name, e));
        }
        list.into_iter().map(|(_, e)| e).collect()
    }
}

/// The name a log entry's `tool` stands for: a catalogue tool's name for its
/// id, or the name of another tool as it was typed.
pub fn tool_name<'a>(tool: &'a str, content: &'a Content) -> &'a str {
    content.tool(tool.trim()).map_or(tool.trim(), |t| t.name)
}

/// What to keep in a log entry's `tool` for a name a DPO typed: the
/// catalogue's id when it names a catalogue tool (by id or by name), so the
/// widget shows the decision beside that tool; otherwise the name as typed.
pub fn tool_key(typed: &str, content: &Content) -> String {
    let typed = typed.trim();
    content
        .tools
        .iter()
        .find(|t| same_tool(t.id, typed) || same_tool(t.name, typed))
        .map_or_else(|| typed.to_string(), |t| t.id.to_string())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::config::{Approval, LogField};

    pub fn entry(tool: &str, status: Approval) -> LogEntry {
        LogEntry {
            tool: tool.into(),
            status,
            conditions: String::new(),
            assessment_url: String::new(),
            date: "2026-12-01".into(),
        }
    }

    #[test]
    fn an_entry_for_a_tool_already_there_replaces_it_in_its_place() {
        let mut log = DpoLog::default();
        log.add_or_replace(entry("teams", Approval::UnderReview)).unwrap();
        log.add_or_replace(entry("Pexip", Approval::Approved)).unwrap();
        let mut changed = entry("  PEXIP ", Approval::NotApproved);
        changed.conditions = "  No contract.  ".into();
        log.add_or_replace(changed).unwrap();
        assert_eq!(log.entries.len(), 2);
        assert_eq!(log.entries[1].tool, "PEXIP", "trimmed, and as last typed");
        assert_eq!(log.entries[1].status, Approval::NotApproved);
        assert_eq!(log.entries[1].conditions, "No contract.");
        assert_eq!(log.get("pexip").unwrap().status, Approval::NotApproved);
    }

    #[test]
    fn the_rules_of_config_json_are_kept() {
        let mut log = DpoLog::default();
        let mut bad = entry("  ", Approval::Approved);
        bad.assessment_url = "javascript:alert(1)".into();
        bad.conditions = "x".repeat(1001);
        assert_eq!(
            log.add_or_replace(bad),
            Err(AddError::Invalid(vec![
                LogProblem::NoTool,
                LogProblem::TooLong(LogField::Conditions),
                LogProblem::NotHttps
            ]))
        );
        let mut http = entry("zoom", Approval::Approved);
        http.assessment_url = "http://example.org/zoom.pdf".into();
        assert_eq!(log.add_or_replace(http), Err(AddError::Invalid(vec![LogProblem::NotHttps])));
        assert!(log.entries.is_empty(), "nothing is added when a rule is broken");
        let mut good = entry("zoom", Approval::Approved);
        good.assessment_url = " https://example.org/zoom.pdf ".into();
        log.add_or_replace(good).unwrap();
        assert_eq!(log.entries[0].assessment_url, "https://example.org/zoom.pdf");
    }

    #[test]
    fn a_full_log_takes_no_new_tool_but_changes_the_ones_it_has() {
        let mut log = DpoLog::default();
        for i in 0..MAX_ENTRIES {
            log.add_or_replace(entry(&format!("Tool {i}"), Approval::Approved)).unwrap();
        }
        assert_eq!(log.add_or_replace(entry("One more", Approval::Approved)), Err(AddError::Full));
        assert_eq!(log.add_or_replace(entry("tool 7", Approval::NotApproved)), Ok(()));
    }

    #[test]
    fn remove_takes_out_only_that_tool() {
        let mut log = DpoLog::default();
        log.add_or_replace(entry("teams", Approval::Approved)).unwrap();
        log.add_or_replace(entry("zoom", Approval::Approved)).unwrap();
        assert!(log.remove(" Teams"));
        assert!(!log.remove("teams"));
        assert_eq!(log.entries.len(), 1);
        assert_eq!(log.entries[0].tool, "zoom");
    }

    #[test]
    fn the_list_is_in_the_order_of_the_tools_names() {
        let content = Content::builtin();
        let mut log = DpoLog::default();
        for tool in ["zoom", "teams", "pexip", "accurx", "Bluejeans"] {
            log.add_or_replace(entry(tool, Approval::Approved)).unwrap();
        }
        let names: Vec<&str> = log.list(content).iter().map(|e| tool_name(&e.tool, content)).collect();
        assert_eq!(names, vec!["Accurx", "Bluejeans", "Microsoft Teams", "pexip", "Zoom"]);
    }

    #[test]
    fn a_typed_catalogue_tool_is_kept_by_its_id() {
        let content = Content::builtin();
        assert_eq!(tool_key(" microsoft teams ", content), "teams");
        assert_eq!(tool_key("ZOOM", content), "zoom");
        assert_eq!(tool_key(" Pexip ", content), "Pexip");
        assert_eq!(tool_name("teams", content), "Microsoft Teams");
        assert_eq!(tool_name(" Pexip", content), "Pexip");
    }
}

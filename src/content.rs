//! The guidance the widget checks against, from `content/guidance.json`.
//!
//! The content lives in a data file rather than in components so that a DPO or a
//! maintainer can change a check's wording, source or scope without reading Rust.
//! `build.rs` compiles it in as static data: a file in the wrong shape stops the
//! build, the tests below catch the rest, and a user's page never reads it.

use serde::{Deserialize, Serialize};

/// The tool id for "Another tool", which the catalogue does not list.
pub const OTHER_TOOL: &str = "other";

/// The kinds of organisation the guidance speaks to; saved in answers too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OrgType {
    /// GP practice or primary care network.
    Gp,
    /// NHS trust or foundation trust.
    Trust,
    /// Social care or another care provider.
    Care,
}

impl OrgType {
    pub const ALL: [OrgType; 3] = [OrgType::Gp, OrgType::Trust, OrgType::Care];

    pub fn label(self) -> &'static str {
        match self {
            OrgType::Gp => "GP practice or primary care network (PCN)",
            OrgType::Trust => "NHS trust or foundation trust",
            OrgType::Care => "Social care or other care provider",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            OrgType::Gp => "gp",
            OrgType::Trust => "trust",
            OrgType::Care => "care",
        }
    }
}

/// A use a check applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Use {
    Patients,
    Staff,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Content {
    pub version: &'static str,
    pub reviewed: &'static str,
    /// What changed in each version, newest first.
    pub changes: &'static [Change],
    pub sources: &'static [Source],
    /// The frameworks a DPO files evidence against, and their items we have read.
    pub frameworks: &'static [Framework],
    pub sections: &'static [Section],
    pub checks: &'static [Check],
    pub history: History,
    /// What is known about every tool, in the order the comparison shows it.
    pub attributes: &'static [Attribute],
    pub tools: &'static [Tool],
}

#[derive(Debug, Clone, PartialEq)]
pub struct Attribute {
    pub id: &'static str,
    pub label: &'static str,
}

/// A fact about a tool. `confirm` marks what the research could not verify:
/// the text must then ask the user to confirm it rather than state it.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub text: &'static str,
    pub confirm: bool,
    pub sources: &'static [&'static str],
}

/// Whether a contract and data processing agreement come with the tool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Contract {
    /// Comes with the tool for every organisation that uses it.
    Included,
    /// Comes with NHSmail's national licence; others need their own.
    Nhsmail,
    /// The supplier's terms include one for every customer, free plans too.
    AllPlans,
    /// Only paid or business plans have one.
    PaidPlans,
    /// A free consumer service.
    None,
    /// Not verified either way.
    ToConfirm,
}

/// How we read a source: the test of whether it can back a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Read {
    /// On the publisher's own page.
    Page,
    /// Second-hand, through the copy named in `Source::copy`.
    Copy,
    /// In one of the two guidance documents this project is built from
    /// (`content/seeds/`), named in `Source::copy`.
    Seed,
}

/// How strongly a check's source asks for it (see docs/content.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strength {
    /// The law or the guidance says "must".
    Must,
    /// The guidance says "should", "consider" or "if possible".
    Should,
    /// We ask for more than the guidance, and say why.
    Recommend,
}

/// One version's entry in "What changed in this guidance".
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub version: &'static str,
    pub date: &'static str,
    pub items: &'static [&'static str],
}

/// A framework a DPO reports against: UK GDPR, DTAC, the DSPT, NHS England's guidance.
#[derive(Debug, Clone, PartialEq)]
pub struct Framework {
    pub id: &'static str,
    pub name: &'static str,
    pub items: &'static [FrameworkItem],
}

#[derive(Debug, Clone, PartialEq)]
pub struct FrameworkItem {
    pub id: &'static str,
    pub label: &'static str,
    /// Where we read that this item exists and what it says.
    pub sources: &'static [&'static str],
}

/// A condition on the user's other answers that makes a check apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Condition {
    /// The DPIA screening found that a new DPIA is needed.
    DpiaNeeded,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub id: &'static str,
    pub title: &'static str,
    pub publisher: &'static str,
    /// Empty when the guidance was sent privately and has no public address.
    pub url: &'static str,
    /// The address is inferred (from a copy or a citation), not read.
    pub url_to_confirm: bool,
    /// The page's own date, as the page prints it.
    pub date: &'static str,
    /// When we read it.
    pub checked: &'static str,
    pub read: Read,
    /// The copy we read, for `Read::Copy` and `Read::Seed`.
    pub copy: &'static str,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub id: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub sources: &'static [&'static str],
}

/// One statement the user answers Yes, No or Not sure. Every statement is worded
/// so that Yes is the safe answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    pub id: &'static str,
    pub section: &'static str,
    pub statement: &'static str,
    pub why: &'static str,
    /// What to do when the answer is No or Not sure; it becomes the action.
    pub action: &'static str,
    pub uses: &'static [Use],
    pub orgs: &'static [OrgType],
    /// A No or Not sure here means the tool should not be used yet.
    pub blocking: bool,
    pub strength: Strength,
    /// Rests on second-hand sources, so it is worded as something to confirm.
    pub confirm: bool,
    pub sources: &'static [&'static str],
    /// `framework:item` references, for a DPO to file the answer against.
    pub evidence: &'static [&'static str],
    /// Tool ids (or "other") this check is for; empty means every tool.
    pub tools: &'static [&'static str],
    pub when: Option<Condition>,
    /// The version in which this check's meaning last changed, and how: a
    /// review started from older answers asks it again.
    pub changed: Option<Changed>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Changed {
    pub version: &'static str,
    pub what: &'static str,
}

/// A guidance version, `2026.12.1`, as numbers, so that `2026.12.10` comes
/// after `2026.12.9`. Anything unreadable (such as no version at all, from
/// a file saved before versions were kept) comes first.
pub fn version_order(version: &str) -> Vec<u32> {
    version.split('.').map(|part| part.trim().parse().unwrap_or(0)).collect()
}

#[derive(Debug, Clone, PartialEq)]
pub struct History {
    pub title: &'static str,
    /// What 2020's guidance allowed, in the past tense.
    pub text: &'static str,
    pub sources: &'static [&'static str],
    /// Today's position on the same questions.
    pub today: &'static str,
    pub today_sources: &'static [&'static str],
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tool {
    pub id: &'static str,
    pub name: &'static str,
    pub note: &'static str,
    pub retired: bool,
    pub sources: &'static [&'static str],
    /// The note rests on second-hand sources, so it is worded as something to confirm.
    pub confirm: bool,
    /// On the Buying Catalogue: `None` when not confirmed either way.
    pub catalogue: Option<bool>,
    pub contract: Contract,
    /// Patients need their own account or app: `None` when not confirmed.
    pub patient_account: Option<bool>,
    /// One fact for each of [`Content::attributes`], by attribute id, in id order.
    pub facts: &'static [(&'static str, Fact)],
}

// `GUIDANCE`, made by build.rs from content/guidance.json.
include!(concat!(env!("OUT_DIR"), "/guidance.rs"));

impl Source {
    /// When and how we read this source, in a sentence or two, for the
    /// screen and the report: a DPO weighs a second-hand copy differently.
    pub fn how_checked(&self) -> String {
        let mut out = format!("Checked {}.", self.checked);
        match self.read {
            Read::Page => {}
            Read::Copy => out.push_str(&format!(" Read second-hand, in a copy: {}.", self.copy)),
            Read::Seed => out.push_str(" Read in the copy of the guidance this widget is built from."),
        }
        if self.url_to_confirm {
            out.push_str(" We could not confirm this address.");
        }
        out
    }
}

impl Tool {
    /// What is known about this tool for one of [`Content::attributes`].
    pub fn fact(&self, attribute: &str) -> Option<&'static Fact> {
        self.facts.iter().find(|(id, _)| *id == attribute).map(|(_, fact)| fact)
    }
}

impl Content {
    /// The guidance shipped with this build.
    pub fn builtin() -> &'static Content {
        &GUIDANCE
    }

    pub fn source(&self, id: &str) -> Option<&'static Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    pub fn section(&self, id: &str) -> Option<&'static Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    pub fn check(&self, id: &str) -> Option<&'static Check> {
        self.checks.iter().find(|c| c.id == id)
    }

    pub fn tool(&self, id: &str) -> Option<&'static Tool> {
        self.tools.iter().find(|t| t.id == id)
    }

    /// Problems a maintainer must fix before shipping an edited file.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let ids = self
            .sources
            .iter()
            .map(|s| s.id)
            .chain(self.sections.iter().map(|s| s.id))
            .chain(self.checks.iter().map(|c| c.id))
            .chain(self.tools.iter().map(|t| t.id));
        for id in ids {
            if id.trim().is_empty() {
                problems.push("an item has an empty id".to_string());
            } else if !seen.insert(id) {
                problems.push(format!("the id '{id}' is used twice"));
            }
        }
        let refs = |problems: &mut Vec<String>, owner: &str, sources: &[&str]| {
            if sources.is_empty() {
                problems.push(format!("{owner} has no source"));
            }
            for s in sources {
                if self.source(s).is_none() {
                    problems.push(format!("{owner} names the unknown source '{s}'"));
                }
            }
        };
        for section in self.sections {
            refs(&mut problems, &format!("section '{}'", section.id), section.sources);
        }
        for check in self.checks {
            refs(&mut problems, &format!("check '{}'", check.id), check.sources);
        }
        for tool in self.tools {
            refs(&mut problems, &format!("tool '{}'", tool.id), tool.sources);
        }
        refs(&mut problems, "the history note", self.history.sources);
        for check in self.checks {
            if self.section(check.section).is_none() {
                problems.push(format!("check '{}' is in the unknown section '{}'", check.id, check.section));
            }
            if check.uses.is_empty() || check.orgs.is_empty() {
                problems.push(format!("check '{}' applies to nobody", check.id));
            }
            for (field, text) in [("statement", check.statement), ("why", check.why), ("action", check.action)] {
                if text.trim().is_empty() {
                    problems.push(format!("check '{}' has an empty {field}", check.id));
                }
            }
        }
        for section in self.sections {
            if !self.checks.iter().any(|c| c.section == section.id) {
                problems.push(format!("section '{}' has no checks", section.id));
            }
        }
        for source in self.sources {
            if source.title.trim().is_empty() || source.publisher.trim().is_empty() || source.date.trim().is_empty() {
                problems.push(format!("source '{}' needs a title, a publisher and a date", source.id));
            }
            if !(source.url.is_empty() || source.url.starts_with("https://")) {
                problems.push(format!("source '{}' has a link that is not https", source.id));
            }
        }
        for tool in self.tools {
            if tool.name.trim().is_empty() || tool.note.trim().is_empty() {
                problems.push(format!("tool '{}' needs a name and a note", tool.id));
            }
            for attribute in self.attributes {
                match tool.fact(attribute.id) {
                    None => problems.push(format!("tool '{}' has no fact for '{}'", tool.id, attribute.id)),
                    Some(fact) => {
                        refs(&mut problems, &format!("tool '{}' fact '{}'", tool.id, attribute.id), fact.sources);
                        if fact.text.trim().is_empty() {
                            problems.push(format!("tool '{}' has an empty fact for '{}'", tool.id, attribute.id));
                        }
                    }
                }
            }
            if let Some((extra, _)) = tool.facts.iter().find(|(k, _)| !self.attributes.iter().any(|a| a.id == *k)) {
                problems.push(format!("tool '{}' has a fact for the unknown attribute '{extra}'", tool.id));
            }
        }
        self.source_rules(&mut problems);
        self.wording_rules(&mut problems);
        for check in self.checks {
            for &t in check.tools {
                if t != OTHER_TOOL && self.tool(t).is_none() {
                    problems.push(format!("check '{}' is for the unknown tool '{t}'", check.id));
                }
            }
        }
        problems
    }
}

/// Words that claim more than "should": kept for what the law or the
/// guidance says "must" (see docs/content.md).
const STRONG_WORDS: [&str; 3] = ["must", "only", "never"];

/// `text` without the setting names it quotes ('Only organizers and
/// co-organizers' is a supplier's label, not our claim). A quote opens after
/// a space or bracket, so an apostrophe inside a word ("patient's") does not.
fn outside_quotes(text: &str) -> String {
    let mut out = String::new();
    let mut quoted = false;
    let mut previous = ' ';
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied().unwrap_or(' ');
        if c == '\'' && !quoted && !previous.is_alphanumeric() && next.is_alphanumeric() {
            quoted = true;
        } else if c == '\'' && quoted && !next.is_alphanumeric() {
            quoted = false;
            out.push(' ');
        } else if !quoted {
            out.push(c);
        }
        previous = c;
    }
    out
}

/// The strong words `text` uses outside quoted setting names.
pub(crate) fn strong_words(text: &str) -> Vec<&'static str> {
    let plain = outside_quotes(text).to_lowercase();
    let words: Vec<&str> = plain.split(|c: char| !c.is_alphanumeric()).collect();
    STRONG_WORDS.into_iter().filter(|w| words.contains(w)).collect()
}

/// Whether `text` speaks of patients or service users.
fn about_patients(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.contains("patient") || lower.contains("service user")
}

impl Content {
    /// A fact can rest on a source read on its own page, or on the guidance
    /// documents this project is built from.
    fn backs_a_fact(&self, id: &str) -> bool {
        self.source(id).is_some_and(|s| matches!(s.read, Read::Page | Read::Seed))
    }

    fn source_rules(&self, problems: &mut Vec<String>) {
        match self.changes.first() {
            Some(change) if change.version == self.version => {}
            _ => problems.push(format!("'changes' does not start with this version, {}", self.version)),
        }
        for change in self.changes {
            if change.items.is_empty() || change.date.trim().is_empty() {
                problems.push(format!("the changes in version {} need a date and at least one item", change.version));
            }
        }
        for source in self.sources {
            if source.checked.trim().is_empty() {
                problems.push(format!("source '{}' does not say when it was checked", source.id));
            }
            if matches!(source.read, Read::Copy | Read::Seed) && source.copy.trim().is_empty() {
                problems.push(format!("source '{}' was read in a copy but does not name it", source.id));
            }
        }
        let mut seen = std::collections::HashSet::new();
        for framework in self.frameworks {
            for item in framework.items {
                if !seen.insert((framework.id, item.id)) {
                    problems.push(format!("the evidence item '{}:{}' is listed twice", framework.id, item.id));
                }
                if item.sources.is_empty() || item.sources.iter().any(|s| self.source(s).is_none()) {
                    problems.push(format!("the evidence item '{}:{}' needs sources we list", framework.id, item.id));
                }
            }
        }
        for check in self.checks {
            if check.evidence.is_empty() {
                problems.push(format!("check '{}' names no evidence item", check.id));
            }
            for reference in check.evidence {
                if self.evidence_item(reference).is_none() {
                    problems.push(format!("check '{}' names the unknown evidence item '{reference}'", check.id));
                }
            }
        }
        let stated = |problems: &mut Vec<String>, owner: String, confirm: bool, sources: &[&str], texts: &[&str]| {
            if confirm {
                if !texts.iter().any(|t| t.to_lowercase().contains("confirm")) {
                    problems.push(format!("{owner} is unverified but not worded as something to confirm"));
                }
            } else if !sources.iter().any(|s| self.backs_a_fact(s)) {
                problems.push(format!("{owner} is stated as fact but cites no source read on its own page"));
            }
        };
        for check in self.checks {
            stated(
                problems,
                format!("check '{}'", check.id),
                check.confirm,
                check.sources,
                &[check.statement, check.why, check.action],
            );
        }
        for tool in self.tools {
            stated(problems, format!("tool '{}' note", tool.id), tool.confirm, tool.sources, &[tool.note]);
            for (attribute, fact) in tool.facts {
                stated(
                    problems,
                    format!("tool '{}' fact '{attribute}'", tool.id),
                    fact.confirm,
                    fact.sources,
                    &[fact.text],
                );
            }
        }
        stated(problems, "the history note".into(), false, self.history.sources, &[]);
        stated(problems, "today's position".into(), false, self.history.today_sources, &[]);
        for s in self.history.today_sources {
            if self.source(s).is_none() {
                problems.push(format!("today's position names the unknown source '{s}'"));
            }
        }
    }

    fn wording_rules(&self, problems: &mut Vec<String>) {
        for check in self.checks {
            let texts = [check.statement, check.why, check.action];
            match check.strength {
                Strength::Must if !check.blocking => {
                    problems.push(format!("check '{}' is a 'must' in its source but is not essential", check.id))
                }
                Strength::Must => {}
                Strength::Should | Strength::Recommend => {
                    let strong: Vec<_> = texts.iter().flat_map(|t| strong_words(t)).collect();
                    if !strong.is_empty() {
                        problems.push(format!("check '{}' says {strong:?}, stronger than its source", check.id));
                    }
                }
            }
            if check.strength == Strength::Recommend {
                if check.blocking {
                    problems.push(format!("check '{}' is our recommendation, so it cannot be essential", check.id));
                }
                if !(check.why.contains("We recommend") && check.why.contains("because")) {
                    problems.push(format!("check '{}' asks for more than the guidance without saying why", check.id));
                }
            }
            if let Some(changed) = &check.changed {
                if version_order(changed.version) > version_order(self.version) || changed.what.trim().is_empty() {
                    problems.push(format!("check '{}' says it changed in a later version, or not how", check.id));
                }
            }
            if check.uses.contains(&Use::Staff) && texts.iter().any(|t| about_patients(t)) {
                problems.push(format!("check '{}' speaks of patients but is shown for calls between staff", check.id));
            }
        }
    }

    /// The framework and item a `framework:item` reference names.
    pub fn evidence_item(&self, reference: &str) -> Option<(&'static Framework, &'static FrameworkItem)> {
        let (framework, item) = reference.split_once(':')?;
        let framework = self.frameworks.iter().find(|f| f.id == framework)?;
        Some((framework, framework.items.iter().find(|i| i.id == item)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_guidance_has_no_problems() {
        let content = Content::builtin();
        assert_eq!(content.problems(), Vec::<String>::new());
        assert!(content.checks.len() >= 8);
    }

    /// A changed copy of `items`. The guidance is static data, so a broken
    /// copy of it must live as long; it is kept until the tests end.
    fn changed<T: Clone>(items: &[T], change: impl FnOnce(&mut Vec<T>)) -> &'static [T] {
        let mut copy = items.to_vec();
        change(&mut copy);
        Vec::leak(copy)
    }

    #[test]
    fn problems_are_found_in_a_broken_file() {
        let mut content = Content::builtin().clone();
        content.checks = changed(content.checks, |checks| {
            checks[1].id = checks[0].id;
            checks[2].sources = &["nowhere"];
            checks[3].why = " ";
        });
        content.tools = changed(content.tools, |tools| {
            tools[0].sources = &[];
            let teams = tools.iter_mut().find(|t| t.id == "teams").unwrap();
            teams.facts = changed(teams.facts, |facts| {
                facts.retain(|(id, _)| *id != "lobby");
                facts.iter_mut().find(|(id, _)| *id == "data").unwrap().1.text = "Stored in the UK.";
            });
        });
        let problems = content.problems();
        assert!(problems.iter().any(|p| p.contains("used twice")), "{problems:?}");
        assert!(problems.iter().any(|p| p.contains("unknown source 'nowhere'")), "{problems:?}");
        assert!(problems.iter().any(|p| p.contains("empty why")), "{problems:?}");
        assert!(problems.iter().any(|p| p.contains("has no source")), "{problems:?}");
        assert!(problems.iter().any(|p| p.contains("has no fact for 'lobby'")), "{problems:?}");
        assert!(problems.iter().any(|p| p.contains("not worded as something to confirm")), "{problems:?}");
    }

    #[test]
    fn the_rules_on_sources_strength_and_scope_find_each_break() {
        let mut content = Content::builtin().clone();
        let copy_only = content.sources.iter().find(|s| s.read == Read::Copy).expect("a second-hand source").id;
        let ids: Vec<&str> = content.checks.iter().filter(|c| c.tools.is_empty()).map(|c| c.id).take(6).collect();
        content.checks = changed(content.checks, |checks| {
            let at = |checks: &Vec<Check>, n: usize| checks.iter().position(|c| c.id == ids[n]).unwrap();
            let i = at(checks, 0);
            checks[i].strength = Strength::Must;
            checks[i].blocking = false;
            let i = at(checks, 1);
            checks[i].strength = Strength::Recommend;
            checks[i].why = "It is safer.";
            let i = at(checks, 2);
            checks[i].strength = Strength::Should;
            checks[i].action = "You must never do this.";
            let i = at(checks, 3);
            checks[i].uses = &[Use::Patients, Use::Staff];
            checks[i].statement = "You tell the patient who else is in the room.";
            let i = at(checks, 4);
            checks[i].confirm = false;
            checks[i].sources = Vec::leak(vec![copy_only]);
            let i = at(checks, 5);
            checks[i].evidence = &["uk-gdpr:article-99"];
        });
        content.changes = &[];
        let problems = content.problems();
        let says = |what: &str, id: &str| {
            assert!(problems.iter().any(|p| p.contains(id) && p.contains(what)), "no '{what}' for {id}: {problems:?}")
        };
        says("is a 'must' in its source but is not essential", ids[0]);
        says("without saying why", ids[1]);
        says("stronger than its source", ids[2]);
        says("speaks of patients but is shown for calls between staff", ids[3]);
        says("cites no source read on its own page", ids[4]);
        says("unknown evidence item 'uk-gdpr:article-99'", ids[5]);
        says("does not start with this version", "changes");
    }

    #[test]
    fn strong_words_in_quoted_setting_names_do_not_count() {
        assert_eq!(strong_words("Set 'Only organizers and co-organizers'."), Vec::<&str>::new());
        assert_eq!(strong_words("The patient's own device. You must."), vec!["must"]);
        assert_eq!(strong_words("Only you can never say 'must'"), vec!["only", "never"]);
        assert_eq!(strong_words("A mustard-coloured, lonely button"), Vec::<&str>::new());
    }

    #[test]
    fn the_guidance_names_uses_and_organisations_as_saved_answers_do() {
        // build.rs reads "paid-plans" in the guidance as `PaidPlans`. Uses and
        // organisation types are also written in saved answers, by their own
        // names: read with the saved answers' readers, the file must give
        // what build.rs made of it, or a DPO's edit would name one thing in
        // the guidance and another in the saved file.
        let file: serde_json::Value = serde_json::from_str(include_str!("../content/guidance.json")).unwrap();
        let checks = file["checks"].as_array().unwrap();
        assert_eq!(checks.len(), GUIDANCE.checks.len());
        for (read, built) in checks.iter().zip(GUIDANCE.checks) {
            let uses: Vec<Use> = serde_json::from_value(read["uses"].clone()).unwrap();
            let orgs: Vec<OrgType> = serde_json::from_value(read["orgs"].clone()).unwrap();
            assert_eq!(uses, built.uses, "{}", built.id);
            assert_eq!(orgs, built.orgs, "{}", built.id);
        }
    }

    #[test]
    fn issue_two_checks_are_all_present() {
        // The first set of checks the product promised: risk assessment, DPIA,
        // DPO told, data location, encryption, recording, devices, updates.
        let content = Content::builtin();
        for id in [
            "risk-assessment",
            "dpia-risks",
            "dpo-told",
            "data-location",
            "e2ee",
            "recording-control",
            "managed-devices",
            "updates",
        ] {
            assert!(content.check(id).is_some(), "missing check {id}");
        }
    }

    #[test]
    fn the_catalogue_covers_the_tools_people_use() {
        let content = Content::builtin();
        for id in [
            "teams",
            "zoom",
            "whatsapp",
            "facetime",
            "google-meet",
            "webex",
            "signal",
            "accurx",
            "attend-anywhere",
            "whereby",
            "jitsi",
            "skype",
        ] {
            let tool = content.tool(id).unwrap_or_else(|| panic!("{id} missing"));
            assert_eq!(tool.facts.len(), content.attributes.len(), "{id}");
            let settings = content.checks.iter().filter(|c| c.tools.contains(&id)).count();
            assert!(tool.retired || settings >= 2, "{id} has {settings} settings checks");
        }
        let other = content.checks.iter().filter(|c| c.tools == ["other"]).count();
        assert_eq!(other, content.attributes.len(), "another tool gets one question per attribute");
    }

    #[test]
    fn retired_tools_say_so() {
        let skype = Content::builtin().tool("skype").expect("skype is listed");
        assert!(skype.retired);
        assert!(skype.note.contains("closed"));
    }
}

/// The map from every sentence of the seed guidance to what covers it.
#[cfg(test)]
mod seed_map {
    use super::*;

    #[derive(serde::Deserialize)]
    struct Map {
        sentences: Vec<Entry>,
    }

    #[derive(serde::Deserialize)]
    struct Entry {
        seed: String,
        starts: String,
        covered_by: Vec<String>,
    }

    /// Splits guidance text the way a reader would: lines, then sentences.
    fn sentences(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        // Non-breaking spaces read as spaces.
        let text = text.replace('\u{a0}', " ");
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let mut current = String::new();
            let chars: Vec<char> = line.chars().collect();
            for (i, c) in chars.iter().enumerate() {
                current.push(*c);
                let ends = matches!(c, '.' | '?' | '!')
                    && chars.get(i + 1) == Some(&' ')
                    && chars.get(i + 2).is_some_and(|n| n.is_uppercase());
                if ends {
                    out.push(current.trim().to_string());
                    current.clear();
                }
            }
            if !current.trim().is_empty() {
                out.push(current.trim().to_string());
            }
        }
        out
    }

    fn resolves(content: &Content, reference: &str) -> bool {
        match reference.split_once(':') {
            Some(("check", id)) => content.check(id).is_some(),
            Some(("section", id)) => content.section(id).is_some(),
            Some(("source", id)) => content.source(id).is_some(),
            Some(("tool", id)) => content.tool(id).is_some(),
            Some(("screen", "compare")) => true,
            None => matches!(reference, "history" | "dpia-screening" | "not-guidance"),
            _ => false,
        }
    }

    #[test]
    fn every_sentence_of_the_seed_guidance_is_covered() {
        let map: Map = serde_json::from_str(include_str!("../content/seed-map.json")).unwrap();
        let entries = map.sentences;
        let content = Content::builtin();
        for entry in &entries {
            assert!(!entry.covered_by.is_empty(), "'{}' is covered by nothing", entry.starts);
            for r in &entry.covered_by {
                assert!(resolves(content, r), "'{}' names '{r}', which does not exist", entry.starts);
            }
        }
        let seeds = [
            ("000_3c7080e70a492cce.txt", include_str!("../content/seeds/000_3c7080e70a492cce.txt")),
            ("001_84a6a9166316d787.txt", include_str!("../content/seeds/001_84a6a9166316d787.txt")),
        ];
        let mut total = 0;
        for (name, text) in seeds {
            for sentence in sentences(text) {
                total += 1;
                assert!(
                    entries.iter().any(|e| e.seed == name && sentence.starts_with(&e.starts)),
                    "no entry in content/seed-map.json covers this sentence of {name}: {sentence}"
                );
            }
        }
        assert_eq!(total, entries.len(), "the map has entries for sentences the seeds do not have");
    }

    #[test]
    fn sentences_split_like_a_reader_would() {
        assert_eq!(
            sentences("One thing. Two things? three\n\n- a list item"),
            vec!["One thing.", "Two things? three", "- a list item"]
        );
    }
}

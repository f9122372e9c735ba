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
    pub sources: &'static [Source],
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
    /// Comes with the licence most users have (for example NHSmail's Teams).
    Included,
    /// Only paid or business plans have one.
    PaidPlans,
    /// A free consumer service.
    None,
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
    pub date: &'static str,
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
    pub sources: &'static [&'static str],
    /// Tool ids (or "other") this check is for; empty means every tool.
    pub tools: &'static [&'static str],
    pub when: Option<Condition>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct History {
    pub title: &'static str,
    pub text: &'static str,
    pub sources: &'static [&'static str],
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tool {
    pub id: &'static str,
    pub name: &'static str,
    pub note: &'static str,
    pub retired: bool,
    pub sources: &'static [&'static str],
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
                        // Unverified facts are never stated as fact.
                        if fact.confirm && !fact.text.contains("Confirm") {
                            problems.push(format!(
                                "tool '{}' fact '{}' is unverified but not worded as something to confirm",
                                tool.id, attribute.id
                            ));
                        }
                    }
                }
            }
            if let Some((extra, _)) = tool.facts.iter().find(|(k, _)| !self.attributes.iter().any(|a| a.id == *k)) {
                problems.push(format!("tool '{}' has a fact for the unknown attribute '{extra}'", tool.id));
            }
        }
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

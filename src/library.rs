//! The assessments kept in this browser: one per tool or per review. The user
//! works on one at a time (`current`); the rest wait in the list.

use serde::{Deserialize, Serialize};

use crate::assessment::Assessment;
use crate::content::Content;

/// One assessment kept in the library, as local storage holds it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    /// Stable within this browser; made from the creation time and a counter.
    pub id: String,
    /// The user's own name for it; empty means "use the tool and organisation".
    #[serde(default)]
    pub name: String,
    /// ISO date of the last change.
    #[serde(default)]
    pub updated: String,
    pub assessment: Assessment,
}

/// Where an assessment stands against its next review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewDue {
    /// More than a month away.
    NotYet,
    /// Within a month.
    Soon,
    Overdue,
}

impl Saved {
    /// The next review: the DPO's date, or a year after the check was last
    /// changed once it is finished. `None` for a check not finished.
    pub fn next_review(&self, content: &Content) -> Option<String> {
        if let Some(date) = self.assessment.review.as_ref().map(|r| r.next_review.clone()).filter(|d| !d.is_empty()) {
            return Some(date);
        }
        let done = self.assessment.is_complete(content);
        done.then(|| crate::review::a_year_after(&self.updated)).filter(|d| !d.is_empty())
    }

    pub fn review_due(&self, content: &Content, today: &str) -> Option<ReviewDue> {
        let next = self.next_review(content)?;
        // ISO dates compare as text. A month before: the same day, a month earlier.
        let month_before = {
            let (y, m): (u32, u32) = (next[..4].parse().ok()?, next.get(5..7)?.parse().ok()?);
            let (y, m) = if m == 1 { (y - 1, 12) } else { (y, m - 1) };
            format!("{y:04}-{m:02}{}", next.get(7..)?)
        };
        Some(if today > next.as_str() {
            ReviewDue::Overdue
        } else if today >= month_before.as_str() {
            ReviewDue::Soon
        } else {
            ReviewDue::NotYet
        })
    }

    /// What the list shows: the user's name, or the tool and organisation.
    pub fn title(&self, content: &Content) -> String {
        use crate::user_text::isolate;
        if !self.name.trim().is_empty() {
            return isolate(self.name.trim());
        }
        let tool = match self.assessment.tool_name(content) {
            Some(tool) => isolate(&tool),
            None => "No tool chosen yet".to_string(),
        };
        match self.assessment.about.org_name.trim() {
            "" => tool,
            org => format!("{tool} for {}", isolate(org)),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Library {
    pub current: String,
    pub saved: Vec<Saved>,
}

impl Default for Library {
    fn default() -> Self {
        Library::with(Assessment::default(), "a1", "")
    }
}

impl Library {
    pub fn with(assessment: Assessment, id: &str, today: &str) -> Library {
        Library {
            current: id.to_string(),
            saved: vec![Saved { id: id.to_string(), name: String::new(), updated: today.to_string(), assessment }],
        }
    }

    pub fn current(&self) -> &Saved {
        self.saved.iter().find(|s| s.id == self.current).unwrap_or(&self.saved[0])
    }

    pub fn get(&self, id: &str) -> Option<&Saved> {
        self.saved.iter().find(|s| s.id == id)
    }

    /// An id no saved assessment has, based on `seed` (the clock, in the browser).
    pub fn fresh_id(&self, seed: u64) -> String {
        (seed..).map(|n| format!("a{n}")).find(|id| self.get(id).is_none()).expect("ids never run out")
    }

    /// Changes the current assessment, and dates it today if that changed
    /// anything. Returns whether it did, so readers are told only then.
    pub fn change_current(&mut self, change: impl FnOnce(&mut Assessment), today: &str) -> bool {
        let mut a = self.current().assessment.clone();
        change(&mut a);
        self.update_current(&a, today)
    }

    /// Stores the current assessment's latest answers. Returns whether anything changed.
    pub fn update_current(&mut self, assessment: &Assessment, today: &str) -> bool {
        let current = self.current.clone();
        match self.saved.iter_mut().find(|s| s.id == current) {
            Some(s) if &s.assessment != assessment => {
                s.assessment = assessment.clone();
                s.updated = today.to_string();
                true
            }
            Some(_) => false,
            None => {
                self.saved.push(Saved {
                    id: current,
                    name: String::new(),
                    updated: today.to_string(),
                    assessment: assessment.clone(),
                });
                true
            }
        }
    }

    /// Adds an assessment and makes it current. A library holding only an
    /// untouched blank assessment has that blank replaced.
    pub fn add(&mut self, assessment: Assessment, name: &str, id: String, today: &str) {
        if self.is_blank() {
            self.saved.clear();
        }
        self.saved.push(Saved { id: id.clone(), name: name.to_string(), updated: today.to_string(), assessment });
        self.current = id;
    }

    pub fn open(&mut self, id: &str) -> bool {
        if self.get(id).is_some() {
            self.current = id.to_string();
            true
        } else {
            false
        }
    }

    pub fn rename(&mut self, id: &str, name: &str) {
        if let Some(s) = self.saved.iter_mut().find(|s| s.id == id) {
            s.name = name.trim().to_string();
        }
    }

    /// A copy to start next year's review or another tool from.
    pub fn duplicate(&mut self, id: &str, new_id: String, today: &str, content: &Content) -> bool {
        let Some(original) = self.get(id).cloned() else { return false };
        // A name to keep, so without the title's isolating marks.
        let name = format!("Copy of {}", crate::user_text::plain(&original.title(content)));
        self.saved.push(Saved { id: new_id, name, updated: today.to_string(), assessment: original.assessment });
        true
    }

    /// This year's review of an assessment: a copy whose answers carry over,
    /// except for checks whose meaning changed in the guidance since they were
    /// given, which are asked again with what changed. The DPO's last review
    /// stays with last year's copy. Opens the new one.
    pub fn start_next_review(&mut self, id: &str, new_id: String, today: &str, content: &Content) -> bool {
        use crate::content::version_order;
        let Some(last) = self.get(id).cloned() else { return false };
        let title = crate::user_text::plain(&last.title(content));
        let mut a = last.assessment;
        let since = version_order(&a.guidance_version);
        for check in content.checks {
            let Some(changed) = &check.changed else { continue };
            if version_order(changed.version) > since && a.answers.remove(check.id).is_some() {
                a.rechecks.insert(check.id.to_string(), changed.what.to_string());
            }
        }
        a.review = None;
        a.guidance_version = content.version.to_string();
        let year = today.get(..4).unwrap_or(today);
        let name = format!("{title} review {year}");
        self.saved.push(Saved { id: new_id.clone(), name, updated: today.to_string(), assessment: a });
        self.current = new_id;
        true
    }

    /// Removes one, keeping its place so [`Library::restore`] can undo it.
    /// The last one left is replaced by a blank assessment rather than removed.
    pub fn delete(&mut self, id: &str, blank_id: String, today: &str) -> Option<(usize, Saved)> {
        let index = self.saved.iter().position(|s| s.id == id)?;
        let removed = self.saved.remove(index);
        if self.saved.is_empty() {
            self.saved.push(Saved {
                id: blank_id,
                name: String::new(),
                updated: today.to_string(),
                assessment: Assessment::default(),
            });
        }
        if self.current == id {
            self.current = self.saved[0].id.clone();
        }
        Some((index, removed))
    }

    pub fn restore(&mut self, index: usize, saved: Saved) {
        // A blank stand-in made by deleting the last one goes again.
        if self.saved.len() == 1 && self.saved[0].assessment.is_blank() && self.saved[0].name.is_empty() {
            self.saved.clear();
            self.current = saved.id.clone();
        }
        let index = index.min(self.saved.len());
        self.saved.insert(index, saved);
    }

    /// Nothing worth keeping: one blank assessment.
    pub fn is_blank(&self) -> bool {
        self.saved.iter().all(|s| s.assessment.is_blank() && s.name.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::tests::complete_gp_teams;

    #[test]
    fn add_open_rename_duplicate() {
        let content = Content::builtin();
        let mut lib = Library::with(complete_gp_teams(), "a1", "2026-11-01");
        assert_eq!(
            lib.current().title(content),
            "\u{2068}Microsoft Teams\u{2069} for \u{2068}Riverside Surgery\u{2069}"
        );
        lib.add(Assessment::default(), "", lib.fresh_id(1), "2026-11-22");
        assert_eq!(lib.current, "a2");
        assert_eq!(lib.saved.len(), 2);
        assert_eq!(lib.current().title(content), "No tool chosen yet");
        assert!(lib.open("a1"));
        assert!(!lib.open("nope"));
        lib.rename("a1", "  Teams review 2026 ");
        assert_eq!(lib.current().title(content), "\u{2068}Teams review 2026\u{2069}");
        assert!(lib.duplicate("a1", "a9".into(), "2026-11-22", content));
        assert_eq!(lib.get("a9").unwrap().name, "Copy of Teams review 2026");
        assert_eq!(lib.get("a9").unwrap().assessment, complete_gp_teams());
    }

    #[test]
    fn update_current_only_changes_the_date_when_answers_change() {
        let mut lib = Library::with(complete_gp_teams(), "a1", "2026-11-01");
        assert!(!lib.update_current(&complete_gp_teams(), "2026-11-22"));
        assert_eq!(lib.current().updated, "2026-11-01");
        let mut changed = complete_gp_teams();
        changed.answer("updates", crate::assessment::Answer::No);
        assert!(lib.update_current(&changed, "2026-11-22"));
        assert_eq!(lib.current().updated, "2026-11-22");
    }

    #[test]
    fn adding_to_an_untouched_library_replaces_its_blank() {
        let mut lib = Library::default();
        lib.add(complete_gp_teams(), "", "a5".into(), "d");
        assert_eq!(lib.saved.len(), 1);
        assert_eq!(lib.current, "a5");
    }

    #[test]
    fn delete_and_undo_put_it_back_where_it_was() {
        let mut lib = Library::with(complete_gp_teams(), "a1", "d");
        lib.add(Assessment::default(), "second", "a2".into(), "d");
        lib.add(Assessment::default(), "third", "a3".into(), "d");
        let (index, removed) = lib.delete("a2", "x".into(), "d").unwrap();
        assert_eq!(lib.saved.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), ["a1", "a3"]);
        lib.restore(index, removed);
        assert_eq!(lib.saved.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), ["a1", "a2", "a3"]);
    }

    #[test]
    fn deleting_the_last_leaves_a_blank_one_that_undo_removes() {
        let mut lib = Library::with(complete_gp_teams(), "a1", "d");
        let (index, removed) = lib.delete("a1", "a2".into(), "d").unwrap();
        assert!(lib.is_blank());
        assert_eq!(lib.current, "a2");
        lib.restore(index, removed);
        assert_eq!(lib.saved.len(), 1);
        assert_eq!(lib.current, "a1");
        assert_eq!(lib.current().assessment, complete_gp_teams());
    }

    #[test]
    fn this_years_review_asks_again_exactly_the_checks_that_changed_since() {
        use crate::content::{Changed, Content};
        // A test version of the guidance: one check changed in the version the
        // answers were given under, one after it.
        let mut content = Content::builtin().clone();
        content.version = "2027.3.1";
        let mut checks = content.checks.to_vec();
        for c in checks.iter_mut() {
            c.changed = match c.id {
                "updates" => Some(Changed { version: "2027.3.1", what: "It now asks about phones too." }),
                "e2ee" => Some(Changed { version: "2026.12.1", what: "Split in two." }),
                _ => None,
            };
        }
        content.checks = Vec::leak(checks);
        let content: &'static Content = Box::leak(Box::new(content));
        let mut last = crate::assessment::tests::complete_gp_teams();
        last.guidance_version = "2026.12.1".into();
        last.review = Some(crate::review::DpoReview::start(&last, "2026-12-02"));
        let mut lib = Library::with(last.clone(), "a1", "2026-12-02");
        assert!(lib.start_next_review("a1", "a2".into(), "2027-11-20", content));
        let new = lib.current();
        assert_eq!(new.id, "a2");
        assert_eq!(new.name, "Microsoft Teams for Riverside Surgery review 2027");
        let a = &new.assessment;
        assert_eq!(a.answers.get("updates"), None, "changed since: asked again");
        assert_eq!(a.rechecks.get("updates").map(String::as_str), Some("It now asks about phones too."));
        assert_eq!(a.answers.get("e2ee"), last.answers.get("e2ee"), "changed before: kept");
        assert_eq!(a.rechecks.len(), 1);
        assert_eq!(a.review, None, "the DPO reviews this year's afresh");
        assert_eq!(a.guidance_version, "2027.3.1");
        assert!(lib.get("a1").unwrap().assessment.review.is_some(), "last year's keeps its review");
        // Answering it again clears the note.
        let mut a = a.clone();
        a.answer("updates", crate::assessment::Answer::Yes);
        assert!(a.rechecks.is_empty());
        // Answers from before versions were kept are all treated as older.
        let mut unversioned = Library::with(crate::assessment::tests::complete_gp_teams(), "b1", "2026-12-02");
        unversioned.start_next_review("b1", "b2".into(), "2027-11-20", content);
        assert_eq!(unversioned.current().assessment.rechecks.len(), 2);
    }

    #[test]
    fn a_finished_check_is_due_for_review_a_year_on() {
        use crate::content::Content;
        let content = Content::builtin();
        let mut lib = Library::with(crate::assessment::tests::complete_gp_teams(), "a1", "2025-12-20");
        let saved = lib.get("a1").unwrap().clone();
        assert_eq!(saved.next_review(content).as_deref(), Some("2026-12-20"));
        assert_eq!(saved.review_due(content, "2026-11-01"), Some(ReviewDue::NotYet));
        assert_eq!(saved.review_due(content, "2026-12-02"), Some(ReviewDue::Soon));
        assert_eq!(saved.review_due(content, "2026-12-21"), Some(ReviewDue::Overdue));
        // The DPO's own date wins.
        lib.change_current(
            |a| {
                let mut r = crate::review::DpoReview::start(a, "2025-12-20");
                r.next_review = "2026-06-30".into();
                a.review = Some(r);
            },
            "2025-12-20",
        );
        assert_eq!(lib.get("a1").unwrap().next_review(content).as_deref(), Some("2026-06-30"));
        // Not finished: no review date yet.
        let blank = Library::default();
        assert_eq!(blank.current().next_review(content), None);
    }
}

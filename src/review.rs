//! The DPO's review of a practice's check: a decision on any check or
//! action, an overall decision with its conditions, and when to look again.
//!
//! It travels inside the assessment file, so a DPO with no server answers by
//! email: the practice sends its report, the DPO opens it here, records the
//! review and sends the file back, and the practice imports it. Every member
//! may be left out, so a file from before reviews, or from an older version
//! that wrote fewer members, still reads; a reader that does not know a
//! member ignores it.

use serde::{Deserialize, Serialize};

use crate::assessment::{Answer, Assessment};
use crate::by_check::ByCheck;
use crate::config::Approval;

// Members added after the first reviews are left out when empty, so a
// review that does not use them is written as it always was.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DpoReview {
    pub reviewer: String,
    /// For example "Data protection officer, Example DPO Service".
    #[serde(skip_serializing_if = "String::is_empty")]
    pub role: String,
    /// ISO date of the review.
    pub date: String,
    /// ISO date of the next review: 12 months after the review unless the DPO says otherwise.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub next_review: String,
    /// The DPO's decision on any check or action, by check id.
    pub decisions: ByCheck<Decision>,
    /// The decision on the whole check; `None` until the DPO makes one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overall: Option<Overall>,
    /// The practice's answers as the DPO saw them, so that an answer the
    /// practice changes afterwards is marked. This shows a change; it is not
    /// proof against someone editing the file.
    #[serde(skip_serializing_if = "ByCheck::is_empty")]
    pub answers_seen: ByCheck<Answer>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    pub verdict: Verdict,
    #[serde(default)]
    pub reason: String,
    /// For an action: what the DPO asks for before they accept it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub condition: String,
    /// For an action: the DPO's own due date (ISO), which wins over the practice's.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub due: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Accepted,
    NeedsChange,
    Rejected,
}

impl Verdict {
    pub const ALL: [Verdict; 3] = [Verdict::Accepted, Verdict::NeedsChange, Verdict::Rejected];

    pub fn label(self) -> &'static str {
        match self {
            Verdict::Accepted => "Accepted",
            Verdict::NeedsChange => "Needs changes",
            Verdict::Rejected => "Not acceptable",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Verdict::Accepted => "accepted",
            Verdict::NeedsChange => "needs-change",
            Verdict::Rejected => "rejected",
        }
    }
}

impl Decision {
    /// A verdict with nothing else said yet.
    pub fn new(verdict: Verdict) -> Decision {
        Decision { verdict, reason: String::new(), condition: String::new(), due: String::new() }
    }

    /// "Your DPO: Needs changes. …", with the DPO's own words isolated.
    pub fn sentence(&self) -> String {
        use crate::user_text::isolate;
        let mut out = format!("Your DPO: {}.", self.verdict.label());
        if !self.reason.trim().is_empty() {
            out.push_str(&format!(" {}", isolate(self.reason.trim())));
        }
        if !self.condition.trim().is_empty() {
            out.push_str(&format!(" Condition: {}", isolate(self.condition.trim())));
        }
        if !self.due.trim().is_empty() {
            out.push_str(&format!(" Due: {}.", isolate(&crate::summary::long_date(&self.due))));
        }
        out
    }
}

/// The DPO's decision on the whole check: the same statuses as the log of
/// approved tools, so a decision can go straight into the log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Overall {
    pub decision: Approval,
    /// One condition a line, for "Approved with conditions".
    #[serde(default)]
    pub conditions: Vec<String>,
}

/// The next review date: a year after `iso`, or the day before when the
/// review was on 29 February. Empty when `iso` is not a date.
pub fn a_year_after(iso: &str) -> String {
    let parts: Vec<&str> = iso.trim().split('-').collect();
    let [y, m, d] = parts[..] else { return String::new() };
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) else {
        return String::new();
    };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return String::new();
    }
    let next = y + 1;
    let leap = |y: u32| (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400);
    let d = if m == 2 && d == 29 && !leap(next) { 28 } else { d };
    format!("{next:04}-{m:02}-{d:02}")
}

impl DpoReview {
    /// A review begun today of the answers as they stand.
    pub fn start(a: &Assessment, today: &str) -> DpoReview {
        DpoReview {
            date: today.to_string(),
            next_review: a_year_after(today),
            answers_seen: a.answers.clone(),
            ..Default::default()
        }
    }

    /// The conditions the DPO has set: the overall ones, then each action's.
    pub fn conditions(&self) -> Vec<String> {
        let overall = self.overall.iter().flat_map(|o| o.conditions.iter()).filter(|c| !c.trim().is_empty());
        let each = self.decisions.iter().map(|(_, d)| &d.condition).filter(|c| !c.trim().is_empty());
        overall.chain(each).map(|c| c.trim().to_string()).collect()
    }

    /// The overall decision in words, or that the review is not finished.
    pub fn decision_label(&self) -> &'static str {
        self.overall.as_ref().map_or("No decision yet", |o| o.decision.label())
    }
}

impl Assessment {
    /// Whether the practice changed this answer after the DPO's review.
    pub fn changed_since_review(&self, check_id: &str) -> bool {
        self.review.as_ref().is_some_and(|r| r.answers_seen.get(check_id) != self.answers.get(check_id))
    }

    /// The DPO's decision on a check, when they made one.
    pub fn decision(&self, check_id: &str) -> Option<&Decision> {
        self.review.as_ref()?.decisions.get(check_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::tests::complete_gp_teams;

    #[test]
    fn the_next_review_is_a_year_on() {
        assert_eq!(a_year_after("2026-12-02"), "2027-12-02");
        assert_eq!(a_year_after("2028-02-29"), "2029-02-28");
        assert_eq!(a_year_after("not a date"), "");
        assert_eq!(a_year_after("2026-13-01"), "");
    }

    #[test]
    fn an_answer_changed_after_the_review_is_marked() {
        let mut a = complete_gp_teams();
        assert!(!a.changed_since_review("updates"), "no review, nothing to mark");
        a.review = Some(DpoReview::start(&a, "2026-12-02"));
        assert!(!a.changed_since_review("updates"));
        a.answer("updates", Answer::No);
        assert!(a.changed_since_review("updates"));
        assert!(!a.changed_since_review("e2ee"));
        // Changing it back is no change.
        a.answer("updates", Answer::Yes);
        assert!(!a.changed_since_review("updates"));
    }

    #[test]
    fn conditions_come_from_the_decision_and_each_action() {
        let mut r = DpoReview::start(&complete_gp_teams(), "2026-12-02");
        assert_eq!(r.decision_label(), "No decision yet");
        r.overall = Some(Overall {
            decision: Approval::ApprovedWithConditions,
            conditions: vec!["Use NHSmail accounts only.".into(), " ".into()],
        });
        r.decisions.insert(
            "updates".into(),
            Decision {
                verdict: Verdict::NeedsChange,
                reason: "Reception PCs lag behind.".into(),
                condition: "Turn on automatic updates.".into(),
                due: "2027-01-31".into(),
            },
        );
        assert_eq!(r.conditions(), vec!["Use NHSmail accounts only.", "Turn on automatic updates."]);
        assert_eq!(r.decision_label(), "Approved with conditions");
    }
}

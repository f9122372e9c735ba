//! The DPO summary: everything the exports say, worked out once from the
//! assessment, so the email, the report and the screen never disagree.

use crate::assessment::{Answer, Assessment, Outcome, TaskStatus};
use crate::config::Config;
use crate::content::Content;
use crate::user_text::isolate;

#[derive(Debug, Clone, PartialEq)]
pub struct SectionSummary {
    pub id: String,
    pub title: String,
    pub status: TaskStatus,
    pub outcome: Outcome,
    /// The checks answered No or Not sure that set the outcome.
    pub because: Vec<String>,
}

impl SectionSummary {
    /// Why the section has its outcome, in a sentence.
    pub fn reason(&self) -> String {
        match (self.status, self.because.len()) {
            (TaskStatus::NotStarted, _) => "You have not answered this section yet.".to_string(),
            (_, 0) => "You answered Yes to every check here.".to_string(),
            (_, n) => format!(
                "You answered No or Not sure to {}: {}",
                if n == 1 { "1 check".to_string() } else { format!("{n} checks") },
                self.because.join(" ")
            ),
        }
    }

    /// The section's outcome once every check in it is answered; until then, its status.
    pub fn verdict(&self) -> &'static str {
        match self.status {
            TaskStatus::Done => self.outcome.label(),
            other => other.label(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ActionItem {
    pub check_id: String,
    pub statement: String,
    pub answer: Answer,
    pub todo: String,
    pub essential: bool,
    pub owner: String,
    pub due: String,
    pub done: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AnswerItem {
    pub section: String,
    pub statement: String,
    pub answer: Option<Answer>,
    /// The practice changed it after the DPO's review.
    pub changed: bool,
}

/// One item of a framework a DPO reports against (an article of UK GDPR, a
/// DTAC section), with the answers in this check that speak to it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct EvidenceItem {
    pub framework: String,
    pub item: String,
    pub checks: Vec<EvidenceAnswer>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct EvidenceAnswer {
    pub check: String,
    pub statement: String,
    pub answer: String,
}

/// The DPO's review as the exports say it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewSummary {
    pub decision: String,
    pub reviewer: String,
    pub role: String,
    pub date: String,
    pub next_review: String,
    pub conditions: Vec<String>,
    /// The decision on each check the DPO decided, in the order they are asked.
    pub decisions: Vec<ReviewedCheck>,
    /// Statements whose answer the practice changed after the review.
    pub changed: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReviewedCheck {
    pub check_id: String,
    pub statement: String,
    pub verdict: String,
    pub reason: String,
    pub condition: String,
    pub due: String,
}

impl ReviewSummary {
    fn new(a: &Assessment, content: &Content) -> Option<ReviewSummary> {
        let r = a.review.as_ref()?;
        let asked: Vec<_> = a.sections(content).into_iter().flat_map(|s| a.checks_in(content, s.id)).collect();
        Some(ReviewSummary {
            decision: r.decision_label().to_string(),
            reviewer: r.reviewer.trim().to_string(),
            role: r.role.trim().to_string(),
            date: r.date.clone(),
            next_review: r.next_review.clone(),
            conditions: r.conditions(),
            decisions: asked
                .iter()
                .filter_map(|c| {
                    let d = r.decisions.get(c.id)?;
                    Some(ReviewedCheck {
                        check_id: c.id.to_string(),
                        statement: c.statement.to_string(),
                        verdict: d.verdict.label().to_string(),
                        reason: d.reason.trim().to_string(),
                        condition: d.condition.trim().to_string(),
                        due: d.due.clone(),
                    })
                })
                .collect(),
            changed: asked.iter().filter(|c| a.changed_since_review(c.id)).map(|c| c.statement.to_string()).collect(),
        })
    }

    /// "Approved with conditions by Dana Patel, DPO, on 2 December 2026."
    pub fn headline(&self) -> String {
        let by = match (self.reviewer.is_empty(), self.role.is_empty()) {
            (true, true) => String::new(),
            (false, true) => format!(" by {}", isolate(&self.reviewer)),
            (true, false) => format!(" by {}", isolate(&self.role)),
            (false, false) => format!(" by {}, {}", isolate(&self.reviewer), isolate(&self.role)),
        };
        let on = if self.date.is_empty() { String::new() } else { format!(" on {}", long_date(&self.date)) };
        format!("{}{by}{on}.", self.decision)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct DpoSummary {
    pub org_name: String,
    pub org_type: String,
    /// Who did the check, or empty.
    pub checked_by: String,
    pub dpo_name: String,
    pub dpo_email: String,
    pub tool: String,
    pub purpose: String,
    /// The purpose inside a sentence.
    pub purpose_phrase: String,
    pub date: String,
    pub content_version: String,
    pub reviewed: String,
    pub outcome: Outcome,
    pub dpia: String,
    /// What the publisher's log of approved tools says, when it lists the tool.
    pub approval: Option<String>,
    pub tool_closed: bool,
    pub unfinished: Vec<String>,
    pub sections: Vec<SectionSummary>,
    pub in_place: Vec<String>,
    pub actions: Vec<ActionItem>,
    pub answers: Vec<AnswerItem>,
    /// The evidence map: each framework item the applicable checks speak to.
    pub evidence: Vec<EvidenceItem>,
    /// The practice's own address, for the DPO's reply.
    pub contact_email: String,
    pub review: Option<ReviewSummary>,
}

pub const NOT_GIVEN: &str = "Not given";

/// A date kept as `2026-11-23` written as people read it: `23 November 2026`,
/// as the NHS style guide asks. Anything else, such as an imported file's
/// own wording, is shown as it is.
pub fn long_date(iso: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let parts: Vec<&str> = iso.trim().split('-').collect();
    let number = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<usize>().ok()).flatten()
    };
    match parts[..] {
        [y, m, d] => match (number(y, 4), number(m, 2), number(d, 2)) {
            (Some(y), Some(m @ 1..=12), Some(d @ 1..=31)) => format!("{d} {} {y}", MONTHS[m - 1]),
            _ => iso.to_string(),
        },
        _ => iso.to_string(),
    }
}

/// Each framework item, in the guidance's order, with the applicable checks
/// that name it and how they were answered. Items no check here names are left out.
fn evidence(a: &Assessment, content: &Content) -> Vec<EvidenceItem> {
    let mut out = Vec::new();
    for framework in content.frameworks {
        for item in framework.items {
            let reference = format!("{}:{}", framework.id, item.id);
            let checks: Vec<EvidenceAnswer> = content
                .checks
                .iter()
                .filter(|c| a.applies(c) && c.evidence.contains(&reference.as_str()))
                .map(|c| EvidenceAnswer {
                    check: c.id.to_string(),
                    statement: c.statement.to_string(),
                    answer: a.answers.get(c.id).map_or("Not answered", |x| x.label()).to_string(),
                })
                .collect();
            if !checks.is_empty() {
                out.push(EvidenceItem { framework: framework.name.to_string(), item: item.label.to_string(), checks });
            }
        }
    }
    out
}

/// Who does an action, by when, and whether it is done, as the plain text and
/// the printed summary both say it.
pub fn plan_sentence(owner: &str, due: &str, done: bool) -> String {
    format!(
        "Owner: {}. Due: {}. Status: {}.",
        isolate(&or_not_given(owner)),
        isolate(&or_not_given(&long_date(due))),
        if done { "done" } else { "to do" }
    )
}

/// `s` trimmed, or "Not given" when there is nothing.
pub fn or_not_given(s: &str) -> String {
    let s = s.trim();
    if s.is_empty() {
        NOT_GIVEN.to_string()
    } else {
        s.to_string()
    }
}

impl DpoSummary {
    /// `date` is the day the summary is made, as the user's clock has it.
    pub fn new(a: &Assessment, content: &Content, date: &str) -> DpoSummary {
        let sections = a.sections(content);
        DpoSummary {
            org_name: or_not_given(&a.about.org_name),
            org_type: a.about.org_type.map_or(NOT_GIVEN, |o| o.label()).to_string(),
            checked_by: a.about.your_name.trim().to_string(),
            dpo_name: a.about.dpo_name.trim().to_string(),
            dpo_email: a.about.dpo_email.trim().to_string(),
            tool: a.tool_name(content).unwrap_or_else(|| "No tool chosen".to_string()),
            purpose: a.about.purpose.map_or(NOT_GIVEN, |p| p.label()).to_string(),
            purpose_phrase: a.about.purpose.map_or("a purpose not yet given", |p| p.phrase()).to_string(),
            date: date.to_string(),
            content_version: content.version.to_string(),
            reviewed: content.reviewed.to_string(),
            outcome: a.outcome(content),
            dpia: a.dpia.outcome(),
            approval: None,
            tool_closed: a.tool_is_retired(content),
            unfinished: a.unfinished(content),
            sections: sections
                .iter()
                .map(|s| SectionSummary {
                    id: s.id.to_string(),
                    title: s.title.to_string(),
                    status: a.section_status(content, s.id),
                    outcome: a.section_outcome(content, s.id),
                    because: a
                        .checks_in(content, s.id)
                        .into_iter()
                        .filter(|c| matches!(a.answers.get(c.id), Some(Answer::No | Answer::NotSure)))
                        .map(|c| c.statement.to_string())
                        .collect(),
                })
                .collect(),
            in_place: a.in_place(content).iter().map(|c| c.statement.to_string()).collect(),
            actions: a
                .actions(content)
                .iter()
                .map(|x| {
                    let plan = a.plans.get(x.check.id).cloned().unwrap_or_default();
                    ActionItem {
                        check_id: x.check.id.to_string(),
                        statement: x.check.statement.to_string(),
                        answer: x.answer,
                        todo: x.check.action.to_string(),
                        essential: x.essential(),
                        owner: plan.owner.trim().to_string(),
                        due: plan.due,
                        done: plan.done,
                    }
                })
                .collect(),
            answers: sections
                .iter()
                .flat_map(|s| {
                    a.checks_in(content, s.id).into_iter().map(|c| AnswerItem {
                        section: s.title.to_string(),
                        statement: c.statement.to_string(),
                        answer: a.answers.get(c.id).copied(),
                        changed: a.changed_since_review(c.id),
                    })
                })
                .collect(),
            evidence: evidence(a, content),
            contact_email: a.about.contact_email.trim().to_string(),
            review: ReviewSummary::new(a, content),
        }
    }

    /// Fills in what the publisher configured: their DPO when the user gave
    /// none, and what their log of approved tools says about this tool.
    pub fn with_config(mut self, a: &Assessment, config: &Config) -> DpoSummary {
        if self.dpo_email.is_empty() && self.dpo_name.is_empty() {
            self.dpo_name = config.dpo.name.clone();
            self.dpo_email = config.dpo.email.clone();
        }
        let tool_key = match &a.tool {
            Some(crate::assessment::ToolChoice::Listed(id)) => Some(id.clone()),
            Some(crate::assessment::ToolChoice::Other(name)) => Some(name.clone()),
            None => None,
        };
        if let Some(entry) = tool_key.and_then(|k| config.log_entry(&k).cloned()) {
            let mut line = format!("{} ({}", entry.status.label(), config.log_owner());
            if !entry.date.is_empty() {
                line.push_str(&format!(", {}", isolate(&entry.date)));
            }
            line.push(')');
            if !entry.conditions.is_empty() {
                line.push_str(&format!(". {}", isolate(&entry.conditions)));
            }
            self.approval = Some(line);
        }
        self
    }

    pub fn is_complete(&self) -> bool {
        self.unfinished.is_empty()
    }

    /// "Ready to use", or "Not finished" while tasks remain: an outcome is
    /// only given for a finished check.
    pub fn headline(&self) -> String {
        if self.is_complete() {
            self.outcome.label().to_string()
        } else {
            "Not finished".to_string()
        }
    }

    /// Why the headline says what it says.
    pub fn explanation(&self) -> String {
        if self.is_complete() && !self.tool_closed {
            self.outcome.explanation().to_string()
        } else if self.tool_closed {
            format!("{} has closed. Choose another tool.", self.tool)
        } else if self.answers.iter().all(|a| a.answer.is_none()) {
            "You have not answered any checks yet.".to_string()
        } else {
            format!(
                "Answer every check to get an outcome. From your answers so far: {}.",
                self.outcome.label().to_ascii_lowercase()
            )
        }
    }

    /// Actions not yet marked done.
    pub fn open_actions(&self) -> impl Iterator<Item = &ActionItem> {
        self.actions.iter().filter(|a| !a.done)
    }

    /// A line each for the plain-text download.
    pub fn action_line(item: &ActionItem) -> String {
        let tag = if item.essential { "[Essential] " } else { "" };
        format!(
            "{tag}{} (you answered {}): {} {}",
            item.statement,
            item.answer.label(),
            item.todo,
            plan_sentence(&item.owner, &item.due, item.done)
        )
    }

    /// The whole summary as plain text, for the text download and the
    /// clipboard. Filtered as it leaves the widget, so no text in it, typed or
    /// not, carries a bidirectional or invisible control (see
    /// [`crate::user_text::plain`]).
    pub fn to_text(&self) -> String {
        crate::user_text::plain(&self.text_lines())
    }

    fn text_lines(&self) -> String {
        let mut t = String::new();
        let mut line = |s: &str| {
            t.push_str(s);
            t.push('\n');
        };
        line("VIDEO TOOL CHECK: SUMMARY FOR YOUR DATA PROTECTION OFFICER");
        line("");
        line(&format!("Organisation: {} ({})", self.org_name, self.org_type));
        if !self.checked_by.is_empty() {
            line(&format!("Checked by: {}", self.checked_by));
        }
        line(&format!("Video tool: {}", self.tool));
        line(&format!("Used for: {}", self.purpose));
        line(&format!("Date: {}", long_date(&self.date)));
        line(&format!("Guidance version: {} (last reviewed {})", self.content_version, self.reviewed));
        line("");
        line(&format!("OUTCOME: {}", self.headline()));
        line(&self.explanation());
        line(&format!("DPIA screening: {}", self.dpia));
        if let Some(approval) = &self.approval {
            line(&format!("Log of approved tools: {approval}"));
        }
        if !self.is_complete() {
            line(&format!("This check is not finished. Still to do: {}.", self.unfinished.join("; ")));
        }
        line("");
        line("SECTIONS");
        for s in &self.sections {
            line(&format!("- {}: {}. {}", s.title, s.verdict(), s.reason()));
        }
        line("");
        line(&format!("ACTIONS ({})", self.actions.len()));
        if self.actions.is_empty() {
            line("None.");
        }
        for (i, a) in self.actions.iter().enumerate() {
            line(&format!("{}. {}", i + 1, Self::action_line(a)));
        }
        line("");
        line(&format!("IN PLACE ({})", self.in_place.len()));
        for s in &self.in_place {
            line(&format!("- {s}"));
        }
        if let Some(r) = &self.review {
            line("");
            line("YOUR DPO'S REVIEW");
            line(&r.headline());
            if !r.next_review.is_empty() {
                line(&format!("Next review: {}", long_date(&r.next_review)));
            }
            for c in &r.conditions {
                line(&format!("- Condition: {c}"));
            }
            for d in &r.decisions {
                line(&format!("- {} {}. {}", d.statement, d.verdict, d.reason));
            }
            for c in &r.changed {
                line(&format!("- Changed since the DPO's review: {c}"));
            }
        }
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::tests::complete_gp_teams;
    use crate::assessment::Assessment;

    #[test]
    fn dates_read_as_people_write_them() {
        assert_eq!(long_date("2026-11-23"), "23 November 2026");
        assert_eq!(long_date("2027-01-05"), "5 January 2027");
        // Not a date this widget wrote: shown as it is.
        for odd in ["", "next week", "2026-13-01", "2026-1-5", "23/11/2026", "2026-11-23-01"] {
            assert_eq!(long_date(odd), odd);
        }
    }

    #[test]
    fn summary_of_a_finished_check_with_one_action() {
        let content = Content::builtin();
        let mut a = complete_gp_teams();
        a.answer("managed-devices", Answer::NotSure);
        let devices = content.check("managed-devices").unwrap().statement;
        let s = DpoSummary::new(&a, content, "2026-11-22");
        assert_eq!(s.tool, "Microsoft Teams");
        assert_eq!(s.headline(), "Use with actions");
        assert_eq!(s.actions.len(), 1);
        let text = s.to_text();
        assert!(text.contains("Organisation: Riverside Surgery (GP practice or primary care network (PCN))"));
        assert!(text.contains("Checked by: Sam Lee"));
        assert!(text.contains("OUTCOME: Use with actions"));
        assert!(text.contains(&format!("1. {devices} (you answered Not sure)")), "{text}");
        assert!(text.contains("Owner: Not given. Due: Not given. Status: to do."));
        assert!(text.contains("DPIA screening: DPIA needed before use"));
        assert!(
            text.contains(&format!(
                "- Using the tool safely: Use with actions. You answered No or Not sure to 1 check: {devices}"
            )),
            "{text}"
        );
        assert!(text.contains("- Risks of the tool: Ready to use. You answered Yes to every check here."));
        assert!(!text.contains("not finished"));
    }

    #[test]
    fn action_plans_travel_with_the_summary() {
        let content = Content::builtin();
        let mut a = complete_gp_teams();
        a.answer("managed-devices", Answer::No);
        a.answer("e2ee", Answer::No);
        a.plans.insert(
            "managed-devices".into(),
            crate::assessment::ActionPlan { owner: " Sam ".into(), due: "2026-12-01".into(), done: true },
        );
        let s = DpoSummary::new(&a, content, "2026-11-22");
        assert_eq!(s.open_actions().count(), 1);
        assert!(s.to_text().contains("Owner: Sam. Due: 1 December 2026. Status: done."));
    }

    #[test]
    fn the_publishers_dpo_and_log_fill_the_gaps() {
        let content = Content::builtin();
        let (config, _) = crate::config::parse(include_str!("../config.example.json"), content);
        let mut a = complete_gp_teams();
        a.about.dpo_email.clear();
        a.about.dpo_name.clear();
        let s = DpoSummary::new(&a, content, "2026-11-22").with_config(&a, &config);
        assert_eq!(s.dpo_email, "dpo@example-dpo-service.nhs.uk");
        assert_eq!(
            s.approval.as_deref(),
            Some("Approved with conditions (\u{2068}Example DPO Service\u{2069}, \u{2068}2026-09-15\u{2069}). \u{2068}NHSmail Teams only. Keep every team set to Private.\u{2069}")
        );
        assert!(s.to_text().contains("Log of approved tools: Approved with conditions"));
        // The user's own DPO wins.
        let b = complete_gp_teams();
        assert_eq!(DpoSummary::new(&b, content, "d").with_config(&b, &config).dpo_email, "dpo@example.nhs.uk");
    }

    #[test]
    fn a_closed_tool_is_never_ready() {
        let content = Content::builtin();
        let mut a = complete_gp_teams();
        a.tool = Some(crate::assessment::ToolChoice::Listed("skype".into()));
        let s = DpoSummary::new(&a, content, "2026-11-22");
        assert_eq!(s.outcome, crate::assessment::Outcome::DoNotUseYet);
        assert_eq!(s.explanation(), "Skype has closed. Choose another tool.");
    }

    #[test]
    fn an_unfinished_check_says_so() {
        let content = Content::builtin();
        let mut a = complete_gp_teams();
        a.answers.remove("e2ee");
        let s = DpoSummary::new(&a, content, "2026-11-22");
        assert!(!s.is_complete());
        assert_eq!(s.unfinished, vec!["Risks of the tool".to_string()]);
        assert_eq!(s.headline(), "Not finished");
        assert_eq!(s.explanation(), "Answer every check to get an outcome. From your answers so far: ready to use.");
        let blank = DpoSummary::new(&Assessment::default(), content, "2026-11-22");
        assert_eq!(blank.explanation(), "You have not answered any checks yet.");
        assert!(s.to_text().contains("This check is not finished. Still to do: Risks of the tool."));
        let e2ee = content.check("e2ee").unwrap().statement;
        assert!(s.answers.iter().any(|x| x.statement == e2ee && x.answer.is_none()));
    }
}

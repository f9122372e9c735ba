//! One organisation's assessment of one video tool: who they are, which tool,
//! their answers, and what follows from them. No web types here, so all of it
//! is tested with plain `cargo test`.

use serde::{Deserialize, Serialize};

use crate::by_check::ByCheck;
use crate::content::{Check, Condition, Content, Section};
pub use crate::content::{OrgType, Use, OTHER_TOOL};
use crate::user_text::isolate;

/// What the organisation will use the tool for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Purpose {
    Patients,
    Staff,
    Both,
}

impl Purpose {
    pub const ALL: [Purpose; 3] = [Purpose::Patients, Purpose::Staff, Purpose::Both];

    pub fn label(self) -> &'static str {
        match self {
            Purpose::Patients => "Consultations with patients or service users",
            Purpose::Staff => "Communication between staff",
            Purpose::Both => "Both",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Purpose::Patients => "patients",
            Purpose::Staff => "staff",
            Purpose::Both => "both",
        }
    }

    /// The purpose inside a sentence: "checked Zoom for …".
    pub fn phrase(self) -> &'static str {
        match self {
            Purpose::Patients => "consultations with patients or service users",
            Purpose::Staff => "communication between staff",
            Purpose::Both => "consultations with patients and communication between staff",
        }
    }

    pub fn covers(self, u: Use) -> bool {
        matches!((self, u), (Purpose::Both, _) | (Purpose::Patients, Use::Patients) | (Purpose::Staff, Use::Staff))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Answer {
    Yes,
    No,
    NotSure,
}

impl Answer {
    pub const ALL: [Answer; 3] = [Answer::Yes, Answer::No, Answer::NotSure];

    pub fn label(self) -> &'static str {
        match self {
            Answer::Yes => "Yes",
            Answer::No => "No",
            Answer::NotSure => "Not sure",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Answer::Yes => "yes",
            Answer::No => "no",
            Answer::NotSure => "not-sure",
        }
    }
}

/// Who is doing the assessment.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct About {
    pub org_type: Option<OrgType>,
    pub org_name: String,
    /// The person doing the check, so the DPO knows who to reply to.
    pub your_name: String,
    pub dpo_name: String,
    pub dpo_email: String,
    /// Where the DPO sends the reviewed check back to; optional. Left out
    /// when empty, so files without it are written as they always were.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub contact_email: String,
    pub purpose: Option<Purpose>,
}

/// A field of the "About you" form with what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: &'static str,
}

impl About {
    /// What the user must fix before going on, in the order the fields appear.
    pub fn errors(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if self.org_type.is_none() {
            errors.push(FieldError { field: "org-type", message: "Select the type of organisation you work for" });
        }
        if self.org_name.trim().is_empty() {
            errors.push(FieldError { field: "org-name", message: "Enter the name of your organisation" });
        }
        let contact = self.contact_email.trim();
        if !contact.is_empty() && !looks_like_email(contact) {
            errors.push(FieldError {
                field: "contact-email",
                message: "Enter your email address in the correct format, like name@example.nhs.uk",
            });
        }
        let email = self.dpo_email.trim();
        if !email.is_empty() && !looks_like_email(email) {
            errors.push(FieldError {
                field: "dpo-email",
                message: "Enter your DPO's email address in the correct format, like name@example.nhs.uk",
            });
        }
        if self.purpose.is_none() {
            errors.push(FieldError { field: "purpose", message: "Select what you will use the tool for" });
        }
        errors
    }
}

/// Deliberately loose: one @, something either side, a dot in the domain, no
/// spaces. The DPO's mail server is the real judge.
pub fn looks_like_email(s: &str) -> bool {
    let mut parts = s.split('@');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(local), Some(domain), None) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !s.chars().any(|c| c.is_whitespace() || c == ',' || c == ';' || c == '?' || c == '&')
        }
        _ => false,
    }
}

/// The tool being assessed. Saved as `{"kind": "listed", "value": "teams"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "kebab-case")]
pub enum ToolChoice {
    /// A tool from the catalogue, by id.
    Listed(String),
    /// "Another tool", with the name the user typed.
    Other(String),
}

/// The section that holds the DPIA screening question as well as checks.
pub const DPIA_SECTION: &str = "dpia";

/// The DPIA screening: does this use need a new DPIA?
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DpiaDecision {
    /// The processing goes beyond any existing DPIA.
    Needed,
    /// An existing DPIA covers it; see `reference`.
    Covered,
    /// No DPIA is needed; see `reason`.
    NotNeeded,
}

impl DpiaDecision {
    pub const ALL: [DpiaDecision; 3] = [DpiaDecision::Needed, DpiaDecision::Covered, DpiaDecision::NotNeeded];

    pub fn key(self) -> &'static str {
        match self {
            DpiaDecision::Needed => "needed",
            DpiaDecision::Covered => "covered",
            DpiaDecision::NotNeeded => "not-needed",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DpiaDecision::Needed => "Yes, so we need a new DPIA",
            DpiaDecision::Covered => "No, an existing DPIA covers it",
            DpiaDecision::NotNeeded => "No, we do not need a DPIA",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DpiaScreening {
    pub decision: Option<DpiaDecision>,
    /// The existing DPIA's title or reference, when it covers this use.
    pub reference: String,
    /// Why no DPIA is needed.
    pub reason: String,
}

impl DpiaScreening {
    /// Answered, with the reference or reason its answer asks for.
    pub fn is_answered(&self) -> bool {
        match self.decision {
            None => false,
            Some(DpiaDecision::Needed) => true,
            Some(DpiaDecision::Covered) => !self.reference.trim().is_empty(),
            Some(DpiaDecision::NotNeeded) => !self.reason.trim().is_empty(),
        }
    }

    /// The screening's outcome in the words a DPO expects.
    pub fn outcome(&self) -> String {
        match self.decision {
            None => "Not answered".to_string(),
            Some(DpiaDecision::Needed) => "DPIA needed before use".to_string(),
            Some(DpiaDecision::Covered) => format!("Covered by an existing DPIA: {}", isolate(self.reference.trim())),
            Some(DpiaDecision::NotNeeded) => format!("DPIA not needed: {}", isolate(self.reason.trim())),
        }
    }
}

/// Who will do an action and by when: filled in by the user on the summary.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActionPlan {
    pub owner: String,
    /// ISO date, as a date input gives it.
    pub due: String,
    pub done: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskStatus {
    NotStarted,
    InProgress,
    Done,
}

impl TaskStatus {
    pub fn label(self) -> &'static str {
        match self {
            TaskStatus::NotStarted => "Not started",
            TaskStatus::InProgress => "In progress",
            TaskStatus::Done => "Completed",
        }
    }
}

/// The verdict on a section or on the whole assessment, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    Ready,
    UseWithActions,
    DoNotUseYet,
}

impl Outcome {
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Ready => "Ready to use",
            Outcome::UseWithActions => "Use with actions",
            Outcome::DoNotUseYet => "Do not use yet",
        }
    }

    pub fn explanation(self) -> &'static str {
        match self {
            Outcome::Ready => "You answered Yes to every check.",
            Outcome::UseWithActions => "Some checks need action. None of them stops you using the tool, but finish the actions soon.",
            Outcome::DoNotUseYet => "At least one essential check is not in place. Do not use the tool until you have finished the actions marked essential.",
        }
    }
}

/// Something to do because a check was answered No or Not sure.
#[derive(Debug, Clone, PartialEq)]
pub struct Action<'c> {
    pub check: &'c Check,
    pub answer: Answer,
}

impl Action<'_> {
    pub fn essential(&self) -> bool {
        self.check.blocking
    }
}

// The saved form of an assessment, the same in local storage and in files
// (see docs/file-format.md). Every member may be left out, so a file from an
// older version, which lacks a newer member, still reads; members this
// version does not know are ignored. The names serde writes are part of the
// saved format: the samples in tests/saved/ stop loading if one changes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Assessment {
    pub about: About,
    pub tool: Option<ToolChoice>,
    /// Answers by check id. Answers to checks that no longer apply (say the user
    /// changed the purpose) are kept, so changing back loses nothing.
    pub answers: ByCheck<Answer>,
    pub dpia: DpiaScreening,
    /// Owner, due date and status of the action for a check, by check id.
    pub plans: ByCheck<ActionPlan>,
    /// The DPO's decisions, when a reviewed file comes back. Written by the
    /// DPO review round trip; kept and carried through every save and file.
    /// Left out until a DPO has reviewed, so files stay as they were before reviews.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<DpoReview>,
    /// The guidance version of the oldest answers here: set at the first
    /// answer and again when a yearly review starts. Left out when empty, as
    /// in files from before it was kept.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub guidance_version: String,
    /// Checks to answer again because their meaning changed since last
    /// year's answers, with what changed; each goes once answered.
    #[serde(skip_serializing_if = "ByCheck::is_empty")]
    pub rechecks: ByCheck<String>,
}

pub use crate::review::{Decision, DpoReview, Verdict};

impl Assessment {
    pub fn is_blank(&self) -> bool {
        self == &Assessment::default()
    }

    pub fn answer(&mut self, check_id: &str, answer: Answer) {
        self.answers.insert(check_id.to_string(), answer);
        self.rechecks.remove(check_id);
    }

    /// The tool's name as the user knows it.
    pub fn tool_name(&self, content: &Content) -> Option<String> {
        match &self.tool {
            Some(ToolChoice::Listed(id)) => content.tool(id).map(|t| t.name.to_string()),
            Some(ToolChoice::Other(name)) if !name.trim().is_empty() => Some(name.trim().to_string()),
            _ => None,
        }
    }

    pub fn applies(&self, check: &Check) -> bool {
        let org_ok = self.about.org_type.is_none_or(|o| check.orgs.contains(&o));
        let use_ok = self.about.purpose.is_none_or(|p| check.uses.iter().any(|u| p.covers(*u)));
        let tool_ok = check.tools.is_empty() || self.tool_key().is_some_and(|t| check.tools.contains(&t));
        let when_ok = match check.when {
            None => true,
            Some(Condition::DpiaNeeded) => self.dpia.decision == Some(DpiaDecision::Needed),
        };
        org_ok && use_ok && tool_ok && when_ok
    }

    /// The chosen tool's catalogue id, or "other".
    pub fn tool_key(&self) -> Option<&str> {
        match &self.tool {
            Some(ToolChoice::Listed(id)) => Some(id),
            Some(ToolChoice::Other(_)) => Some(OTHER_TOOL),
            None => None,
        }
    }

    /// A closed tool cannot be made safe by any answer.
    pub fn tool_is_retired(&self, content: &Content) -> bool {
        matches!(&self.tool, Some(ToolChoice::Listed(id)) if content.tool(id).is_some_and(|t| t.retired))
    }

    pub fn checks_in<'c>(&self, content: &'c Content, section_id: &str) -> Vec<&'c Check> {
        content.checks.iter().filter(|c| c.section == section_id && self.applies(c)).collect()
    }

    /// Sections with at least one question that applies to this organisation,
    /// use and tool. The DPIA section always has its screening question.
    pub fn sections<'c>(&self, content: &'c Content) -> Vec<&'c Section> {
        content.sections.iter().filter(|s| s.id == DPIA_SECTION || !self.checks_in(content, s.id).is_empty()).collect()
    }

    pub fn about_status(&self) -> TaskStatus {
        if self.about.errors().is_empty() {
            TaskStatus::Done
        } else if self.about == About::default() {
            TaskStatus::NotStarted
        } else {
            TaskStatus::InProgress
        }
    }

    pub fn tool_status(&self) -> TaskStatus {
        match &self.tool {
            None => TaskStatus::NotStarted,
            Some(ToolChoice::Other(name)) if name.trim().is_empty() => TaskStatus::InProgress,
            Some(_) => TaskStatus::Done,
        }
    }

    pub fn section_status(&self, content: &Content, section_id: &str) -> TaskStatus {
        let checks = self.checks_in(content, section_id);
        let mut answered = checks.iter().filter(|c| self.answers.contains_key(c.id)).count();
        let mut total = checks.len();
        if section_id == DPIA_SECTION {
            total += 1;
            answered += usize::from(self.dpia.is_answered());
            // A half-answered screening (no reference yet) is still progress.
            if !self.dpia.is_answered() && self.dpia.decision.is_some() && answered == 0 {
                return TaskStatus::InProgress;
            }
        }
        if answered == 0 {
            TaskStatus::NotStarted
        } else if answered < total {
            TaskStatus::InProgress
        } else {
            TaskStatus::Done
        }
    }

    /// The outcome of the answers given so far in one section.
    pub fn section_outcome(&self, content: &Content, section_id: &str) -> Outcome {
        outcome_of(
            self.checks_in(content, section_id).into_iter().filter_map(|c| self.answers.get(c.id).map(|a| (c, *a))),
        )
    }

    /// The outcome of every answer given so far.
    pub fn outcome(&self, content: &Content) -> Outcome {
        let answers = outcome_of(
            content.checks.iter().filter(|c| self.applies(c)).filter_map(|c| self.answers.get(c.id).map(|a| (c, *a))),
        );
        if self.tool_is_retired(content) {
            Outcome::DoNotUseYet
        } else {
            answers
        }
    }

    /// The tasks still to finish, by title, in task-list order.
    pub fn unfinished(&self, content: &Content) -> Vec<String> {
        let mut out = Vec::new();
        if self.about_status() != TaskStatus::Done {
            out.push("About you".to_string());
        }
        if self.tool_status() != TaskStatus::Done {
            out.push("Choose your video tool".to_string());
        }
        for section in self.sections(content) {
            if self.section_status(content, section.id) != TaskStatus::Done {
                out.push(section.title.to_string());
            }
        }
        out
    }

    pub fn is_complete(&self, content: &Content) -> bool {
        self.unfinished(content).is_empty()
    }

    /// Checks answered Yes, in content order.
    pub fn in_place<'c>(&self, content: &'c Content) -> Vec<&'c Check> {
        content.checks.iter().filter(|c| self.applies(c) && self.answers.get(c.id) == Some(&Answer::Yes)).collect()
    }

    /// Every No or Not sure becomes an action; essential ones first.
    pub fn actions<'c>(&self, content: &'c Content) -> Vec<Action<'c>> {
        let actions: Vec<Action> = content
            .checks
            .iter()
            .filter(|c| self.applies(c))
            .filter_map(|c| match self.answers.get(c.id) {
                Some(a @ (Answer::No | Answer::NotSure)) => Some(Action { check: c, answer: *a }),
                _ => None,
            })
            .collect();
        crate::first_those(actions, Action::essential)
    }
}

fn outcome_of<'c>(answers: impl Iterator<Item = (&'c Check, Answer)>) -> Outcome {
    answers
        .map(|(check, answer)| match (answer, check.blocking) {
            (Answer::Yes, _) => Outcome::Ready,
            (_, true) => Outcome::DoNotUseYet,
            (_, false) => Outcome::UseWithActions,
        })
        .max()
        .unwrap_or(Outcome::Ready)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A GP practice using Teams for patient consultations, every question
    /// answered Yes: the starting point most tests vary.
    pub(crate) fn complete_gp_teams() -> Assessment {
        let content = Content::builtin();
        let mut a = Assessment {
            about: About {
                org_type: Some(OrgType::Gp),
                org_name: "Riverside Surgery".into(),
                dpo_name: "Dana Patel".into(),
                dpo_email: "dpo@example.nhs.uk".into(),
                purpose: Some(Purpose::Patients),
                your_name: "Sam Lee".into(),
                contact_email: String::new(),
            },
            tool: Some(ToolChoice::Listed("teams".into())),
            dpia: DpiaScreening { decision: Some(DpiaDecision::Needed), ..Default::default() },
            ..Default::default()
        };
        for c in content.checks.iter().filter(|c| a.applies(c)).cloned().collect::<Vec<_>>() {
            a.answer(c.id, Answer::Yes);
        }
        a
    }

    #[test]
    fn calls_between_staff_are_never_asked_about_patients() {
        // Walk every tool, and another tool, for every kind of organisation
        // and every DPIA outcome: what a staff-only user sees never speaks of
        // patients or service users.
        let content = Content::builtin();
        let tools =
            content.tools.iter().map(|t| ToolChoice::Listed(t.id.into())).chain([ToolChoice::Other("Pexip".into())]);
        for tool in tools {
            for org in OrgType::ALL {
                for decision in DpiaDecision::ALL {
                    let a = Assessment {
                        about: About { org_type: Some(org), purpose: Some(Purpose::Staff), ..Default::default() },
                        tool: Some(tool.clone()),
                        dpia: DpiaScreening { decision: Some(decision), ..Default::default() },
                        ..Default::default()
                    };
                    for section in a.sections(content) {
                        for c in a.checks_in(content, section.id) {
                            for text in [c.statement, c.why, c.action] {
                                let lower = text.to_lowercase();
                                assert!(
                                    !lower.contains("patient") && !lower.contains("service user"),
                                    "{tool:?} for {org:?} staff calls shows '{}': {text}",
                                    c.id
                                );
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn all_yes_is_ready_and_complete() {
        let a = complete_gp_teams();
        let content = Content::builtin();
        assert!(a.is_complete(content));
        assert_eq!(a.outcome(content), Outcome::Ready);
        assert!(a.actions(content).is_empty());
    }

    #[test]
    fn a_no_on_an_ordinary_check_means_use_with_actions() {
        let content = Content::builtin();
        let mut a = complete_gp_teams();
        a.answer("managed-devices", Answer::No);
        assert_eq!(a.outcome(content), Outcome::UseWithActions);
        assert_eq!(a.section_outcome(content, "safe-use"), Outcome::UseWithActions);
        assert_eq!(a.section_outcome(content, "dpia"), Outcome::Ready);
        let actions = a.actions(content);
        assert_eq!(actions.len(), 1);
        assert_eq!(actions[0].check.id, "managed-devices");
    }

    #[test]
    fn not_sure_on_an_essential_check_means_do_not_use_yet_and_comes_first() {
        let content = Content::builtin();
        let mut a = complete_gp_teams();
        a.answer("managed-devices", Answer::No);
        a.answer("dpia-risks", Answer::NotSure);
        assert_eq!(a.outcome(content), Outcome::DoNotUseYet);
        let actions = a.actions(content);
        assert_eq!(actions[0].check.id, "dpia-risks");
        assert!(actions[0].essential());
        assert_eq!(actions[0].answer, Answer::NotSure);
    }

    #[test]
    fn patient_checks_only_apply_when_seeing_patients() {
        let content = Content::builtin();
        let mut a = complete_gp_teams();
        assert!(a.sections(content).iter().any(|s| s.id == "patients"));
        a.about.purpose = Some(Purpose::Staff);
        assert!(!a.sections(content).iter().any(|s| s.id == "patients"));
        // The answers are kept, so switching back loses nothing.
        assert!(a.answers.contains_key("identity-check"));
        a.about.purpose = Some(Purpose::Both);
        assert!(a.sections(content).iter().any(|s| s.id == "patients"));
    }

    #[test]
    fn organisation_type_picks_the_procurement_check() {
        let content = Content::builtin();
        let mut a = complete_gp_teams();
        let ids = |a: &Assessment| a.checks_in(content, "choosing").iter().map(|c| c.id).collect::<Vec<_>>();
        assert!(ids(&a).contains(&"gp-buying-catalogue"));
        assert!(!ids(&a).contains(&"trust-procurement"));
        a.about.org_type = Some(OrgType::Trust);
        a.about.purpose = Some(Purpose::Both);
        assert!(ids(&a).contains(&"trust-procurement"));
        assert!(!ids(&a).contains(&"gp-buying-catalogue"));
    }

    #[test]
    fn task_statuses_follow_the_answers() {
        let content = Content::builtin();
        let mut a = Assessment::default();
        assert_eq!(a.about_status(), TaskStatus::NotStarted);
        assert_eq!(a.section_status(content, "risk"), TaskStatus::NotStarted);
        a.about.org_name = "Riverside".into();
        assert_eq!(a.about_status(), TaskStatus::InProgress);
        a.answer("e2ee", Answer::Yes);
        assert_eq!(a.section_status(content, "risk"), TaskStatus::InProgress);
        for c in a.checks_in(content, "risk").iter().map(|c| c.id).collect::<Vec<_>>() {
            a.answer(c, Answer::No);
        }
        assert_eq!(a.section_status(content, "risk"), TaskStatus::Done);
        assert!(!a.is_complete(content));
        assert_eq!(a.unfinished(content)[0], "About you");
    }

    #[test]
    fn about_form_errors() {
        let mut about = About::default();
        let fields = |a: &About| a.errors().iter().map(|e| e.field).collect::<Vec<_>>();
        assert_eq!(fields(&about), vec!["org-type", "org-name", "purpose"]);
        about.org_type = Some(OrgType::Care);
        about.org_name = "  ".into();
        about.purpose = Some(Purpose::Both);
        about.dpo_email = "not an email".into();
        assert_eq!(fields(&about), vec!["org-name", "dpo-email"]);
        about.org_name = "Oak House".into();
        about.dpo_email = "ig@oakhouse.org.uk".into();
        assert!(about.errors().is_empty());
        for bad in ["a@b", "@b.com", "a@b.com?cc=x@y.z", "a b@c.com", "a@b@c.com", "a@.com"] {
            about.dpo_email = bad.into();
            assert_eq!(fields(&about), vec!["dpo-email"], "{bad}");
        }
    }

    #[test]
    fn tool_names() {
        let content = Content::builtin();
        let mut a = Assessment::default();
        assert_eq!(a.tool_name(content), None);
        a.tool = Some(ToolChoice::Listed("whatsapp".into()));
        assert_eq!(a.tool_name(content).as_deref(), Some("WhatsApp"));
        a.tool = Some(ToolChoice::Other("  ".into()));
        assert_eq!(a.tool_name(content), None);
        assert_eq!(a.tool_status(), TaskStatus::InProgress);
        a.tool = Some(ToolChoice::Other(" Pexip ".into()));
        assert_eq!(a.tool_name(content).as_deref(), Some("Pexip"));
    }
}

//! Helping the user choose a tool: what would stop each one being used by
//! this organisation for this purpose. Plain data in, sentences out.

use crate::assessment::{About, OrgType, Purpose};
use crate::config::{Approval, Config, LogEntry};
use crate::content::{Contract, Tool};

/// How serious a concern is: a blocker stops use; a caution needs a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Blocker,
    Caution,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Concern {
    pub severity: Severity,
    pub text: String,
}

fn concern(severity: Severity, text: impl Into<String>) -> Concern {
    Concern { severity, text: text.into() }
}

/// What would stop, or should make you think twice about, using `tool`.
/// Blockers come first.
pub fn concerns(tool: &Tool, about: &About) -> Vec<Concern> {
    let mut out = Vec::new();
    let patients = matches!(about.purpose, Some(Purpose::Patients | Purpose::Both));
    if tool.retired {
        out.push(concern(Severity::Blocker, format!("{} has closed and cannot be used.", tool.name)));
        return out;
    }
    // Article 28 of UK GDPR: a written contract must be in place whenever an
    // organisation uses a processor, so a missing one stops use; one we could
    // not verify is a question, never silence.
    match tool.contract {
        Contract::None => out.push(concern(
            Severity::Blocker,
            "A free consumer service. We found no contract or data processing agreement for organisations. UK GDPR says you must have a written contract with any supplier that handles personal data for you. Confirm with your DPO before you use it.",
        )),
        Contract::PaidPlans => out.push(concern(
            Severity::Caution,
            "Only paid or business plans come with a contract and data processing agreement. Use a paid plan.",
        )),
        Contract::Nhsmail => out.push(concern(
            Severity::Caution,
            "A contract comes with NHSmail's national licence. If your organisation does not use NHSmail, you need a contract of your own.",
        )),
        Contract::ToConfirm => out.push(concern(
            Severity::Caution,
            "Confirm that your organisation has a contract and data processing agreement with the supplier.",
        )),
        Contract::Included | Contract::AllPlans => {}
    }
    // NHS England: practices "should" buy through the catalogue and "may"
    // choose any product that meets the same standards, so this is a caution.
    if about.org_type == Some(OrgType::Gp) && patients {
        match tool.catalogue {
            Some(true) => {}
            Some(false) => out.push(concern(
                Severity::Caution,
                "Not on the Buying Catalogue. GP practices should buy video consultation tools through it. You may choose another tool if it meets the same standards, including DTAC. Ask your commissioner.",
            )),
            None => out.push(concern(
                Severity::Caution,
                "Confirm whether it is on the Buying Catalogue, or meets the same standards (including DTAC), before you use it for consultations.",
            )),
        }
    }
    if patients {
        match tool.patient_account {
            Some(true) => out.push(concern(
                Severity::Caution,
                "Patients need their own account and app, which shares their details with the supplier.",
            )),
            None => out.push(concern(Severity::Caution, "Confirm whether patients need an account to join.")),
            Some(false) => {}
        }
    }
    crate::first_those(out, |c| c.severity == Severity::Blocker)
}

/// What the publisher's log of approved tools says, as a concern: a tool the
/// publisher has not approved is flagged before anything else.
pub fn log_concern(entry: Option<&LogEntry>, config: &Config) -> Option<Concern> {
    let owner = config.log_owner();
    let entry = entry?;
    let conditions = if entry.conditions.is_empty() {
        String::new()
    } else {
        format!(" {}", crate::user_text::isolate(&entry.conditions))
    };
    Some(match entry.status {
        Approval::Approved => return None,
        Approval::ApprovedWithConditions => {
            concern(Severity::Caution, format!("Approved by {owner} with conditions.{conditions}"))
        }
        Approval::NotApproved => concern(Severity::Blocker, format!("Not approved by {owner}.{conditions}")),
        Approval::UnderReview => concern(
            Severity::Caution,
            format!("{owner} is still reviewing this tool. Ask them before you use it.{conditions}"),
        ),
    })
}

/// Every concern about a catalogue tool, the publisher's log first.
pub fn all_concerns(tool: &Tool, about: &About, config: &Config) -> Vec<Concern> {
    let mut out: Vec<Concern> = log_concern(config.log_entry(tool.id), config).into_iter().collect();
    out.extend(concerns(tool, about));
    crate::first_those(out, |c| c.severity == Severity::Blocker)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Content;

    fn about(org: OrgType, purpose: Purpose) -> About {
        About { org_type: Some(org), purpose: Some(purpose), ..Default::default() }
    }

    /// A copy of Teams with its contract and catalogue listing changed.
    fn teams_with(contract: Contract, catalogue: Option<bool>) -> Tool {
        Tool { contract, catalogue, patient_account: Some(false), ..Content::builtin().tool("teams").unwrap().clone() }
    }

    #[test]
    fn no_contract_stops_use_and_an_unverified_one_is_asked_about() {
        let gp = about(OrgType::Gp, Purpose::Patients);
        let found = concerns(&teams_with(Contract::None, Some(true)), &gp);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].severity, Severity::Blocker);
        assert!(found[0].text.contains("you must have a written contract"), "{found:?}");
        // Unverified is never silence: it becomes a question.
        let found = concerns(&teams_with(Contract::ToConfirm, Some(true)), &gp);
        assert_eq!(
            found,
            vec![concern(
                Severity::Caution,
                "Confirm that your organisation has a contract and data processing agreement with the supplier."
            )]
        );
        let found = concerns(&teams_with(Contract::Nhsmail, Some(true)), &gp);
        assert!(found[0].text.contains("If your organisation does not use NHSmail"), "{found:?}");
        assert_eq!(concerns(&teams_with(Contract::AllPlans, Some(true)), &gp), vec![]);
        assert_eq!(concerns(&teams_with(Contract::Included, Some(true)), &gp), vec![]);
    }

    #[test]
    fn a_gp_practice_may_choose_a_tool_off_the_catalogue_that_meets_its_standards() {
        // NHS England: practices "should" buy through the catalogue and "may"
        // choose any tool that meets the same standards: a caution, not a stop.
        let gp = about(OrgType::Gp, Purpose::Patients);
        for listed in [Some(false), None] {
            let found = concerns(&teams_with(Contract::Included, listed), &gp);
            assert_eq!(found.len(), 1, "{found:?}");
            assert_eq!(found[0].severity, Severity::Caution);
            assert!(found[0].text.contains("Buying Catalogue") && found[0].text.contains("DTAC"), "{found:?}");
        }
    }

    #[test]
    fn whatsapp_for_gp_consultations_is_stopped_by_its_missing_contract() {
        let c = Content::builtin();
        let found = concerns(c.tool("whatsapp").unwrap(), &about(OrgType::Gp, Purpose::Patients));
        assert_eq!(found[0].severity, Severity::Blocker, "{found:?}");
        assert!(found[0].text.contains("free consumer service"));
        assert!(found.iter().any(|c| c.text.contains("Buying Catalogue")), "{found:?}");
    }

    #[test]
    fn the_catalogue_only_matters_to_gp_consultations() {
        let c = Content::builtin();
        let staff = concerns(c.tool("whatsapp").unwrap(), &about(OrgType::Care, Purpose::Staff));
        assert!(!staff.iter().any(|c| c.text.contains("Catalogue")));
        assert!(!staff.iter().any(|c| c.text.contains("Patients need")));
        assert_eq!(staff.len(), 1);
    }

    #[test]
    fn the_publishers_log_comes_first() {
        let c = Content::builtin();
        let (config, _) = crate::config::parse(include_str!("../config.example.json"), c);
        let whatsapp = all_concerns(c.tool("whatsapp").unwrap(), &about(OrgType::Care, Purpose::Staff), &config);
        // The publisher's name is isolated from the words around it.
        assert!(whatsapp[0].text.starts_with("Not approved by \u{2068}Example DPO Service\u{2069}."), "{whatsapp:?}");
        let teams = all_concerns(c.tool("teams").unwrap(), &about(OrgType::Care, Purpose::Staff), &config);
        assert_eq!(
            teams[0],
            concern(
                Severity::Caution,
                "Approved by \u{2068}Example DPO Service\u{2069} with conditions. \u{2068}NHSmail Teams only. Keep every team set to Private.\u{2069}"
            )
        );
        // An approved tool adds nothing of the log's own.
        let accurx = c.tool("accurx").unwrap();
        let gp = about(OrgType::Gp, Purpose::Patients);
        assert_eq!(all_concerns(accurx, &gp, &config), concerns(accurx, &gp));
    }

    #[test]
    fn skype_is_closed() {
        let c = Content::builtin();
        let found = concerns(c.tool("skype").unwrap(), &about(OrgType::Trust, Purpose::Both));
        assert_eq!(found, vec![concern(Severity::Blocker, "Skype has closed and cannot be used.")]);
    }
}

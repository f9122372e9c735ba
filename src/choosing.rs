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
    match tool.contract {
        Contract::None => out.push(concern(
            Severity::Blocker,
            "A free consumer service: you are unlikely to have a contract or data processing agreement, so you may have no legal recourse if it fails. Confirm before use.",
        )),
        Contract::PaidPlans => out.push(concern(
            Severity::Caution,
            "Only paid or business plans come with a contract and data processing agreement. Do not use a free plan.",
        )),
        Contract::Included => {}
    }
    if about.org_type == Some(OrgType::Gp) && patients {
        match tool.catalogue {
            Some(true) => {}
            Some(false) => out.push(concern(
                Severity::Blocker,
                "Not on the Digital Services for Integrated Care Buying Catalogue. GP practices should buy video consultation tools there, or choose one that meets the same standards.",
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

    #[test]
    fn whatsapp_for_gp_consultations_is_blocked_twice() {
        let c = Content::builtin();
        let found = concerns(c.tool("whatsapp").unwrap(), &about(OrgType::Gp, Purpose::Patients));
        let blockers: Vec<_> = found.iter().filter(|c| c.severity == Severity::Blocker).collect();
        assert_eq!(blockers.len(), 2, "{found:?}");
        assert!(blockers[0].text.contains("free consumer service"));
        assert!(blockers[1].text.contains("Buying Catalogue"));
        assert!(found.iter().any(|c| c.text.contains("their own account")));
    }

    #[test]
    fn accurx_for_gp_consultations_has_no_concerns() {
        let c = Content::builtin();
        assert_eq!(concerns(c.tool("accurx").unwrap(), &about(OrgType::Gp, Purpose::Patients)), vec![]);
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
            teams,
            vec![concern(
                Severity::Caution,
                "Approved by \u{2068}Example DPO Service\u{2069} with conditions. \u{2068}NHSmail Teams only. Keep every team set to Private.\u{2069}"
            )]
        );
        let accurx = all_concerns(c.tool("accurx").unwrap(), &about(OrgType::Gp, Purpose::Patients), &config);
        assert_eq!(accurx, vec![]);
    }

    #[test]
    fn skype_is_closed() {
        let c = Content::builtin();
        let found = concerns(c.tool("skype").unwrap(), &about(OrgType::Trust, Purpose::Both));
        assert_eq!(found, vec![concern(Severity::Blocker, "Skype has closed and cannot be used.")]);
    }
}

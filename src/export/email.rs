//! The "Email your DPO" link. A `mailto:` link cannot attach a file and some
//! mail clients cut long links, so the body is short, stays under
//! [`MAX_LINK_LEN`], and asks the user to attach the downloaded report.

use crate::summary::{long_date, DpoSummary};
use crate::user_text::plain;

/// Well under the 2,000 characters that some browsers and mail clients accept.
pub const MAX_LINK_LEN: usize = 1900;

/// The subject line. Like the body and the address, it is filtered with
/// [`plain`] as it leaves the widget: no bidirectional or invisible control
/// from typed text reaches the email.
pub fn subject(s: &DpoSummary) -> String {
    plain(&format!(
        "Video tool check: {}, {}, {}, {}",
        clip(&s.org_name, 60),
        clip(&s.tool, 40),
        s.headline(),
        long_date(&s.date)
    ))
}

fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max - 1).collect();
        out.push('…');
        out
    }
}

/// The body with the first `shown` actions listed.
fn body(s: &DpoSummary, shown: usize) -> String {
    let greeting =
        if s.dpo_name.is_empty() { "Hello,".to_string() } else { format!("Hello {},", clip(&s.dpo_name, 60)) };
    let mut b = format!(
        "{greeting}\n\n{} has checked {} for {}.\n\nOutcome: {}\n{}\n",
        clip(&s.org_name, 100),
        clip(&s.tool, 60),
        s.purpose_phrase,
        s.headline(),
        s.explanation()
    );
    if !s.is_complete() {
        b.push_str(&format!("The check is not finished. Still to do: {}.\n", s.unfinished.join("; ")));
    }
    b.push_str(&format!("DPIA screening: {}\n", clip(&s.dpia, 200)));
    if let Some(approval) = &s.approval {
        b.push_str(&format!("Your log of approved tools: {}\n", clip(approval, 200)));
    }
    let open: Vec<_> = s.open_actions().collect();
    b.push_str(&format!("\nOpen actions: {}\n", open.len()));
    for a in open.iter().take(shown) {
        let tag = if a.essential { "[Essential] " } else { "" };
        let owner = if a.owner.is_empty() { String::new() } else { format!(" (owner: {})", clip(&a.owner, 40)) };
        b.push_str(&format!("- {tag}{}{owner}\n", a.todo));
    }
    let hidden = open.len() - shown.min(open.len());
    if hidden > 0 {
        b.push_str(&format!("- and {hidden} more in the attached report.\n"));
    }
    b.push_str("\nThe full report is attached. (To the sender: download the report from the Video Tool Check summary page and attach it before you send this email.)\n");
    if !s.checked_by.is_empty() {
        b.push_str(&format!("\n{}\n", clip(&s.checked_by, 100)));
    }
    b.push_str(&format!("\nMade with Video Tool Check, guidance version {}.\n", s.content_version));
    plain(&b)
}

/// Percent-encodes everything but RFC 3986's unreserved characters, so no
/// typed character can add a header or a recipient to the link.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.replace("\r\n", "\n").replace('\n', "\r\n").bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Undoes [`encode`] (and any `%XX` escaping). Fails on a broken escape or on
/// bytes that are not UTF-8, such as a character cut in half.
pub fn decode(s: &str) -> Result<String, String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let byte = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .ok_or_else(|| format!("a broken escape at character {i}"))?;
            out.push(byte);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| "not UTF-8 once decoded".to_string())
}

pub fn mailto(s: &DpoSummary) -> String {
    fitted(&s.dpo_email, &subject(s), s.actions.len(), |shown| body(s, shown))
}

/// The DPO's answer to the practice, once they have reviewed its check:
/// to the address the practice gave, with the decision and its conditions.
/// `None` when the review has no decision yet.
pub fn reply_mailto(s: &DpoSummary) -> Option<String> {
    let r = s.review.as_ref()?;
    let subject =
        plain(&format!("Video tool check reviewed: {}, {}, {}", clip(&s.org_name, 60), clip(&s.tool, 40), r.decision));
    let body = |shown: usize| {
        let mut b = format!(
            "Hello,\n\nWe have reviewed your check of {} for {}.\n\nDecision: {}\n",
            clip(&s.tool, 60),
            s.purpose_phrase,
            clip(&r.headline(), 200)
        );
        if !r.conditions.is_empty() {
            b.push_str("\nConditions:\n");
            for c in r.conditions.iter().take(shown) {
                b.push_str(&format!("- {}\n", clip(c, 200)));
            }
            let hidden = r.conditions.len() - shown.min(r.conditions.len());
            if hidden > 0 {
                b.push_str(&format!("- and {hidden} more in the attached report.\n"));
            }
        }
        if !r.next_review.is_empty() {
            b.push_str(&format!("\nNext review: {}\n", long_date(&r.next_review)));
        }
        b.push_str("\nThe reviewed report is attached. Import it into Video Tool Check to see each decision beside your answers. (To the sender: download the reviewed report and attach it before you send this email.)\n");
        plain(&b)
    };
    Some(fitted(&s.contact_email, &subject, r.conditions.len(), body))
}

/// A mailto link to `to` that stays under [`MAX_LINK_LEN`]: fewer listed
/// items until it fits (the attached report has them all).
fn fitted(to: &str, subject: &str, items: usize, body: impl Fn(usize) -> String) -> String {
    let to = if to.is_empty() { String::new() } else { encode(&plain(to)).replace("%40", "@") };
    let head = format!("mailto:{to}?subject={}&body=", encode(subject));
    for shown in (0..=items).rev() {
        let link = format!("{head}{}", encode(&body(shown)));
        if link.len() <= MAX_LINK_LEN {
            return link;
        }
    }
    // Only absurdly long typed names get here: keep as many whole characters
    // of the body as fit, so no character's escape is cut in half.
    let room = MAX_LINK_LEN.saturating_sub(head.len());
    let mut body_enc = String::new();
    for c in body(0).chars() {
        let e = encode(c.encode_utf8(&mut [0; 4]));
        if body_enc.len() + e.len() > room {
            break;
        }
        body_enc.push_str(&e);
    }
    format!("{head}{body_enc}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::{tests::complete_gp_teams, Answer};
    use crate::content::Content;

    fn decode(s: &str) -> String {
        super::decode(s).expect("a well-formed link")
    }

    #[test]
    fn the_dpo_replies_to_the_practice_with_the_decision_and_conditions() {
        use crate::config::Approval;
        use crate::review::{DpoReview, Overall};
        let content = Content::builtin();
        let mut a = complete_gp_teams();
        a.about.contact_email = "sam@riverside.example.nhs.uk".into();
        assert!(reply_mailto(&DpoSummary::new(&a, content, "2026-12-02")).is_none(), "no review, no reply");
        let mut review = DpoReview::start(&a, "2026-12-02");
        review.reviewer = "Dana Patel".into();
        review.overall = Some(Overall {
            decision: Approval::ApprovedWithConditions,
            conditions: (1..=60).map(|i| format!("Condition number {i} with some words in it.")).collect(),
        });
        a.review = Some(review);
        let link = reply_mailto(&DpoSummary::new(&a, content, "2026-12-02")).unwrap();
        assert!(link.len() <= MAX_LINK_LEN, "{}", link.len());
        let (to, query) = link.strip_prefix("mailto:").unwrap().split_once('?').unwrap();
        assert_eq!(to, "sam@riverside.example.nhs.uk");
        let (subject, body) = query.strip_prefix("subject=").unwrap().split_once("&body=").unwrap();
        assert_eq!(
            decode(subject),
            "Video tool check reviewed: Riverside Surgery, Microsoft Teams, Approved with conditions"
        );
        let body = decode(body);
        assert!(body.contains("Decision: Approved with conditions by Dana Patel on 2 December 2026."), "{body}");
        assert!(body.contains("- Condition number 1 with some words in it."), "{body}");
        assert!(body.contains("more in the attached report"), "{body}");
        assert!(body.contains("Next review: 2 December 2027"), "{body}");
        assert!(body.contains("The reviewed report is attached."), "{body}");
    }

    fn parts(link: &str) -> (String, String, String) {
        let rest = link.strip_prefix("mailto:").unwrap();
        let (to, query) = rest.split_once('?').unwrap();
        let (subject, body) = query.strip_prefix("subject=").unwrap().split_once("&body=").unwrap();
        (to.to_string(), decode(subject), decode(body))
    }

    #[test]
    fn link_goes_to_the_dpo_with_subject_and_actions() {
        let content = Content::builtin();
        let mut a = complete_gp_teams();
        a.answer("dpia-risks", Answer::No);
        let s = DpoSummary::new(&a, content, "2026-11-22");
        let (to, subject, body) = parts(&mailto(&s));
        assert_eq!(to, "dpo@example.nhs.uk");
        assert_eq!(subject, "Video tool check: Riverside Surgery, Microsoft Teams, Do not use yet, 22 November 2026");
        assert!(body.starts_with("Hello Dana Patel,\r\n"));
        assert!(body.contains("Outcome: Do not use yet"));
        assert!(body.contains("- [Essential] List the data protection risks in your DPIA"), "{body}");
        assert!(body.contains("The full report is attached."));
    }

    #[test]
    fn no_control_from_typed_text_reaches_the_link() {
        let content = Content::builtin();
        let mut a = complete_gp_teams();
        a.about.org_name = "Riverside \u{202e}Surgery\u{0}".into();
        a.about.dpo_name = "Dana \u{2066}Patel".into();
        a.about.dpo_email = "dpo\u{202e}@example.nhs.uk".into();
        let link = mailto(&DpoSummary::new(&a, content, "2026-11-22"));
        for control in ["%E2%80%AE", "%E2%81%A6", "%00"] {
            assert!(!link.contains(control), "{control} in {link}");
        }
        assert!(link.starts_with("mailto:dpo@example.nhs.uk?subject="), "{link}");
        assert!(decode(&link).contains("Riverside Surgery"), "{link}");
    }

    #[test]
    fn typed_text_cannot_add_headers_or_recipients() {
        let content = Content::builtin();
        let mut a = complete_gp_teams();
        a.about.org_name = "Evil&cc=attacker@example.com?bcc=x\r\nBcc: y".into();
        a.about.dpo_name = "<script>alert(1)</script>".into();
        let link = mailto(&DpoSummary::new(&a, content, "2026-11-22"));
        assert_eq!(link.matches('?').count(), 1);
        assert_eq!(link.matches('&').count(), 1);
        assert!(!link.contains('\n') && !link.contains('<') && !link.contains(' '));
        let (_, subject, body) = parts(&link);
        assert!(subject.contains("Evil&cc=attacker@example.com?bcc=x"));
        assert!(body.contains("Hello <script>alert(1)</script>,"));
    }

    #[test]
    fn long_link_drops_actions_and_says_how_many_are_left() {
        let content = Content::builtin();
        let mut a = complete_gp_teams();
        for c in content.checks.iter() {
            a.answer(c.id, Answer::NotSure);
        }
        let s = DpoSummary::new(&a, content, "2026-11-22");
        let link = mailto(&s);
        assert!(link.len() <= MAX_LINK_LEN, "{}", link.len());
        let (_, _, body) = parts(&link);
        assert!(body.contains(&format!("Open actions: {}", s.actions.len())));
        assert!(body.contains("more in the attached report."), "{body}");
    }

    #[test]
    fn absurdly_long_names_still_give_a_short_valid_link() {
        let content = Content::builtin();
        let mut a = complete_gp_teams();
        a.about.org_name = "Ü".repeat(5000);
        a.about.dpo_name = "😀".repeat(3000);
        a.tool = Some(crate::assessment::ToolChoice::Other("x".repeat(4000)));
        let link = mailto(&DpoSummary::new(&a, content, "2026-11-22"));
        assert!(link.len() <= MAX_LINK_LEN);
        // Still decodes: no escape was cut in half.
        let (_, subject, _) = parts(&link);
        assert!(subject.contains('…'));
    }

    #[test]
    fn no_dpo_email_gives_an_empty_recipient() {
        let content = Content::builtin();
        let mut a = complete_gp_teams();
        a.about.dpo_email.clear();
        a.about.dpo_name.clear();
        let link = mailto(&DpoSummary::new(&a, content, "2026-11-22"));
        assert!(link.starts_with("mailto:?subject="));
        assert!(parts(&link).2.starts_with("Hello,"));
    }
}

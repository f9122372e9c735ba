//! The downloadable report: one HTML file that opens in any browser with no
//! network, prints on A4, and carries the saved assessment inside it so the
//! widget can read it back.

use crate::assessment::Assessment;
use crate::content::Content;
use crate::storage;
use crate::summary::{long_date, DpoSummary};

/// The id of the `<script type="application/json">` that holds the saved data.
pub const DATA_ID: &str = "video-tool-check-data";

pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Text someone typed (or an imported file or the publisher brought),
/// escaped and isolated in a `<bdi>`, so that its direction cannot reorder
/// the report's own words (see `crate::user_text`).
pub(crate) fn bdi(s: &str) -> String {
    format!("<bdi>{}</bdi>", escape_html(&crate::user_text::without_bidi_controls(s)))
}

/// One of the widget's sentences, escaped, with each piece of user text in
/// it (marked by `user_text::isolate`) in a `<bdi>`.
fn sentence(s: &str) -> String {
    crate::user_text::pieces(s)
        .into_iter()
        .map(|(isolated, piece)| if isolated { bdi(piece) } else { escape_html(piece) })
        .collect()
}

/// JSON that cannot end its `<script>` element early: `<`, `>` and `&` only
/// occur inside JSON strings, where `\u003c` and friends mean the same.
fn script_safe_json(json: &str) -> String {
    json.replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026")
}

/// A name for the downloaded file: letters, digits and dashes only.
pub fn file_name(s: &DpoSummary, extension: &str) -> String {
    let mut slug = String::new();
    for c in s.org_name.chars().chain(" ".chars()).chain(s.tool.chars()) {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.len() >= 60 {
            break;
        }
    }
    let slug = slug.trim_matches('-');
    let slug = if slug.is_empty() { "assessment" } else { slug };
    format!("video-tool-check-{slug}-{}.{extension}", s.date)
}

const STYLE: &str = "body{font-family:Arial,sans-serif;color:#212b32;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5}\
h1{font-size:2rem;margin-bottom:.5rem}h2{font-size:1.4rem;margin-top:2rem;border-bottom:2px solid #d8dde0;padding-bottom:.25rem}\
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;border-bottom:1px solid #d8dde0;padding:.5rem .5rem .5rem 0}\
th[scope=row]{width:35%}.outcome{border-left:8px solid #005eb8;background:#f0f4f5;padding:1rem;margin:1rem 0}.outcome p{margin:.25rem 0}\
.outcome strong{font-size:1.5rem}.warning{border-left:8px solid #ffb81c;background:#fff9c4;padding:1rem}\
.essential{font-weight:bold}.small{font-size:.9rem;color:#4c6272}\
@media print{body{margin:0;max-width:none}h2{break-after:avoid}section{break-inside:avoid-page}table{break-inside:auto}tr{break-inside:avoid}}\
@page{size:A4;margin:18mm}";

pub fn html(a: &Assessment, content: &Content, s: &DpoSummary) -> String {
    let e = escape_html;
    let mut h = String::new();
    h.push_str("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    // A title is plain text: no element can isolate anything in it.
    let plain = crate::user_text::plain;
    h.push_str(&format!("<title>Video tool check: {} – {}</title>\n", e(&plain(&s.org_name)), e(&plain(&s.tool))));
    h.push_str(&format!("<style>{STYLE}</style>\n</head>\n<body>\n<main>\n"));
    h.push_str("<h1>Video tool check: summary for your data protection officer</h1>\n");
    h.push_str("<table>\n");
    // Each value is isolated on its own, so that a name cannot reorder the
    // email address beside it.
    let dpo = match (s.dpo_name.is_empty(), s.dpo_email.is_empty()) {
        (true, true) => e(crate::summary::NOT_GIVEN),
        (false, true) => bdi(&s.dpo_name),
        (true, false) => bdi(&s.dpo_email),
        (false, false) => format!("{} ({})", bdi(&s.dpo_name), bdi(&s.dpo_email)),
    };
    let checked_by = if s.checked_by.trim().is_empty() { e(crate::summary::NOT_GIVEN) } else { bdi(&s.checked_by) };
    for (k, v) in [
        ("Organisation", bdi(&s.org_name)),
        ("Type of organisation", e(&s.org_type)),
        ("Checked by", checked_by),
        ("Video tool", bdi(&s.tool)),
        ("Used for", e(&s.purpose)),
        ("Data protection officer", dpo),
        ("Date of this summary", bdi(&long_date(&s.date))),
        ("DPIA screening", sentence(&s.dpia)),
        ("Log of approved tools", s.approval.as_deref().map_or_else(|| e("Not listed"), sentence)),
        ("Guidance version", e(&format!("{} (last reviewed {})", s.content_version, s.reviewed))),
    ] {
        h.push_str(&format!("<tr><th scope=\"row\">{}</th><td>{v}</td></tr>\n", e(k)));
    }
    h.push_str("</table>\n");
    h.push_str(&format!(
        "<div class=\"outcome\"><p>Outcome</p><p><strong>{}</strong></p><p>{}</p></div>\n",
        e(&s.headline()),
        e(&s.explanation())
    ));
    if !s.is_complete() {
        h.push_str(&format!(
            "<p class=\"warning\">This check is not finished. Still to do: {}.</p>\n",
            e(&s.unfinished.join("; "))
        ));
    }

    if let Some(r) = &s.review {
        review_section(&mut h, r);
    }
    h.push_str(&format!("<section>\n<h2>Actions ({})</h2>\n", s.actions.len()));
    if s.actions.is_empty() {
        h.push_str("<p>No actions. Every check was answered Yes.</p>\n");
    } else {
        h.push_str("<table>\n<thead><tr><th scope=\"col\">What to do</th><th scope=\"col\">Owner</th><th scope=\"col\">Due</th><th scope=\"col\">Status</th></tr></thead>\n<tbody>\n");
        let or_blank = |v: &str| if v.is_empty() { "Not given".to_string() } else { bdi(v) };
        for a in &s.actions {
            let tag = if a.essential { "<span class=\"essential\">Essential. </span>" } else { "" };
            h.push_str(&format!(
                "<tr><td>{tag}{}<br><span class=\"small\">Because you answered {} to: {}</span></td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                e(&a.todo),
                e(a.answer.label()),
                e(&a.statement),
                or_blank(&a.owner),
                or_blank(&long_date(&a.due)),
                if a.done { "Done" } else { "To do" }
            ));
        }
        h.push_str("</tbody>\n</table>\n");
    }
    h.push_str("</section>\n");

    h.push_str("<section>\n<h2>Sections</h2>\n<table>\n<thead><tr><th scope=\"col\">Section</th><th scope=\"col\">Outcome</th></tr></thead>\n<tbody>\n");
    for sec in &s.sections {
        h.push_str(&format!(
            "<tr><td>{}</td><td>{}<br><span class=\"small\">{}</span></td></tr>\n",
            e(&sec.title),
            e(sec.verdict()),
            e(&sec.reason())
        ));
    }
    h.push_str("</tbody>\n</table>\n</section>\n");

    h.push_str("<section>\n<h2>Every answer</h2>\n");
    let mut current = "";
    for item in &s.answers {
        if item.section != current {
            if !current.is_empty() {
                h.push_str("</table>\n");
            }
            current = &item.section;
            h.push_str(&format!("<h3>{}</h3>\n<table>\n", e(current)));
        }
        let changed = if item.changed { " <strong>Changed since the DPO's review.</strong>" } else { "" };
        h.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td>{}{changed}</td></tr>\n",
            e(&item.statement),
            e(item.answer.map_or("Not answered", |x| x.label()))
        ));
    }
    if !current.is_empty() {
        h.push_str("</table>\n");
    }
    h.push_str("</section>\n");

    h.push_str("<section>\n<h2>Sources</h2>\n<ul>\n");
    for src in content.sources {
        let link =
            if src.url.is_empty() { String::new() } else { format!("<br><span class=\"small\">{}</span>", e(src.url)) };
        h.push_str(&format!(
            "<li>{}, {}. {}. {}{link}</li>\n",
            e(src.title),
            e(src.publisher),
            e(src.date),
            e(&src.how_checked())
        ));
    }
    h.push_str("</ul>\n</section>\n");

    h.push_str("<section>\n<h2>What changed in this guidance</h2>\n");
    for change in content.changes {
        h.push_str(&format!("<h3>Version {}, {}</h3>\n<ul>\n", e(change.version), e(change.date)));
        for item in change.items {
            h.push_str(&format!("<li>{}</li>\n", e(item)));
        }
        h.push_str("</ul>\n");
    }
    h.push_str("</section>\n");

    // Last, so the report reads as a summary first; a DPO files this part
    // against their toolkit submission.
    h.push_str("<section>\n<h2>Appendix: evidence map</h2>\n");
    h.push_str("<p>Each item a check speaks to, with the answers given.</p>\n");
    let mut framework = "";
    for item in &s.evidence {
        if item.framework != framework {
            if !framework.is_empty() {
                h.push_str("</tbody>\n</table>\n");
            }
            framework = &item.framework;
            h.push_str(&format!(
                "<h3>{}</h3>\n<table>\n<thead><tr><th scope=\"col\">Item</th><th scope=\"col\">Checks and answers</th></tr></thead>\n<tbody>\n",
                e(framework)
            ));
        }
        let answers: Vec<String> =
            item.checks.iter().map(|c| format!("{} <strong>{}</strong>", e(&c.statement), e(&c.answer))).collect();
        h.push_str(&format!("<tr><td>{}</td><td>{}</td></tr>\n", e(&item.item), answers.join("<br>")));
    }
    if !framework.is_empty() {
        h.push_str("</tbody>\n</table>\n");
    }
    h.push_str("</section>\n");
    h.push_str("<p class=\"small\">Made with Video Tool Check. This file also holds your answers in a form that Video Tool Check can read back. Your DPO can open this file in Video Tool Check to review it.</p>\n");
    h.push_str("</main>\n");
    h.push_str(&format!(
        "<script type=\"application/json\" id=\"{DATA_ID}\">{}</script>\n",
        script_safe_json(&storage::encode(a, &s.date))
    ));
    h.push_str("</body>\n</html>\n");
    h
}

/// The DPO's decision, conditions and decisions on each check.
fn review_section(h: &mut String, r: &crate::summary::ReviewSummary) {
    let e = escape_html;
    h.push_str("<section>\n<h2>Your DPO's review</h2>\n");
    h.push_str(&format!("<p><strong>{}</strong></p>\n", sentence(&r.headline())));
    if !r.next_review.is_empty() {
        h.push_str(&format!("<p>Next review: {}</p>\n", bdi(&long_date(&r.next_review))));
    }
    if !r.conditions.is_empty() {
        h.push_str("<h3>Conditions</h3>\n<ul>\n");
        for c in &r.conditions {
            h.push_str(&format!("<li>{}</li>\n", bdi(c)));
        }
        h.push_str("</ul>\n");
    }
    if !r.decisions.is_empty() {
        h.push_str("<h3>Decisions on each check</h3>\n<table>\n<thead><tr><th scope=\"col\">Check</th><th scope=\"col\">Decision</th></tr></thead>\n<tbody>\n");
        for d in &r.decisions {
            let mut cell = e(&d.verdict);
            for (label, text) in [("Reason", &d.reason), ("Condition", &d.condition)] {
                if !text.is_empty() {
                    cell.push_str(&format!("<br>{label}: {}", bdi(text)));
                }
            }
            if !d.due.is_empty() {
                cell.push_str(&format!("<br>Due: {}", bdi(&long_date(&d.due))));
            }
            h.push_str(&format!("<tr><td>{}</td><td>{cell}</td></tr>\n", e(&d.statement)));
        }
        h.push_str("</tbody>\n</table>\n");
    }
    if !r.changed.is_empty() {
        h.push_str("<h3>Changed since the DPO's review</h3>\n<ul>\n");
        for c in &r.changed {
            h.push_str(&format!("<li>{}</li>\n", e(c)));
        }
        h.push_str("</ul>\n");
    }
    h.push_str("</section>\n");
}

/// The saved data inside a downloaded report, for import.
pub fn embedded_data(report: &str) -> Option<String> {
    let open = format!("<script type=\"application/json\" id=\"{DATA_ID}\">");
    let start = report.find(&open)? + open.len();
    let len = report[start..].find("</script>")?;
    Some(report[start..start + len].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::{tests::complete_gp_teams, Answer};

    const HOSTILE: &str = "<script>alert('x')</script><img src=x onerror=alert(1)> & \"quotes\" </script>";

    #[test]
    fn report_states_outcome_and_actions_and_reads_back() {
        let content = Content::builtin();
        let mut a = complete_gp_teams();
        a.answer("recording-control", Answer::No);
        let s = DpoSummary::new(&a, content, "2026-11-22");
        let r = html(&a, content, &s);
        assert!(r.contains("<strong>Use with actions</strong>"));
        assert!(r.contains("<h2>Actions (1)</h2>"));
        assert!(r.contains(&escape_html(content.check("recording-control").unwrap().action)));
        assert!(r.contains(content.source("nhse-ig-video").unwrap().url));
        let back = storage::decode(&embedded_data(&r).unwrap()).unwrap();
        assert_eq!(back, a);
    }

    #[test]
    fn typed_text_is_escaped_and_cannot_break_out_of_the_data() {
        let content = Content::builtin();
        let mut a = complete_gp_teams();
        a.about.org_name = HOSTILE.into();
        a.tool = Some(crate::assessment::ToolChoice::Other(HOSTILE.into()));
        let s = DpoSummary::new(&a, content, "2026-11-22");
        let r = html(&a, content, &s);
        assert!(!r.contains("<script>alert"));
        assert!(!r.contains("<img"));
        assert!(r.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
        // One data script, closed once: the typed </script> did not end it.
        assert_eq!(r.matches("</script>").count(), 1);
        let back = storage::decode(&embedded_data(&r).unwrap()).unwrap();
        assert_eq!(back.about.org_name, HOSTILE);
    }

    #[test]
    fn typed_text_is_isolated_piece_by_piece() {
        let content = Content::builtin();
        let mut a = complete_gp_teams();
        a.about.dpo_name = "Dana \u{202e}Patel\u{2066}".into();
        a.dpia.decision = Some(crate::assessment::DpiaDecision::Covered);
        a.dpia.reference = "DPIA \u{202e}7".into();
        let s = DpoSummary::new(&a, content, "2026-11-22");
        let r = html(&a, content, &s);
        // The name and the address each in a <bdi> of their own, without the
        // controls that could break out of it.
        assert!(r.contains("<td><bdi>Dana Patel</bdi> (<bdi>dpo@example.nhs.uk</bdi>)</td>"), "{r}");
        assert!(r.contains("<td>Covered by an existing DPIA: <bdi>DPIA 7</bdi></td>"), "{r}");
        // The saved data inside keeps the text exactly as typed; what is shown has no override.
        let shown = &r[..r.find("<script").unwrap()];
        assert!(!shown.contains('\u{202e}'), "{shown}");
        assert_eq!(storage::decode(&embedded_data(&r).unwrap()).unwrap().about.dpo_name, a.about.dpo_name);
    }

    #[test]
    fn file_names_are_safe() {
        let content = Content::builtin();
        let mut a = complete_gp_teams();
        let s = DpoSummary::new(&a, content, "2026-11-22");
        assert_eq!(file_name(&s, "html"), "video-tool-check-riverside-surgery-microsoft-teams-2026-11-22.html");
        a.about.org_name = "../../etc/passwd ☃".into();
        a.tool = None;
        let s = DpoSummary::new(&a, content, "2026-11-22");
        assert_eq!(file_name(&s, "txt"), "video-tool-check-etc-passwd-no-tool-chosen-2026-11-22.txt");
    }
}

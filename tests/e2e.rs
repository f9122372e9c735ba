//! End-to-end tests: the release `dist/` served from a sub-path on loopback,
//! driven in Chromium through WebDriver as a person would use it.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use support::{
    button, checkbox, disclosure, field, heading, link, percent_decode, region, tool_name, Browser, COMPARE, MOUNT,
    ORG_TYPE, PURPOSE, TOOL,
};

#[tokio::test]
async fn gp_practice_checks_teams_and_sends_the_summary_to_its_dpo() {
    let b = Browser::start(1000).await;
    b.open("").await;
    b.heading_is("Check a video tool").await;
    b.assert_accessible("the start screen").await;
    b.screenshot("01-start").await;

    // 1. About you, first with nothing filled in.
    b.click(&link("About you")).await;
    b.heading_is("About you").await;
    b.assert_accessible("About you").await;
    b.click(&button("Save and continue")).await;
    assert!(b.error_summary().await.contains("Enter the name of your organisation"));
    b.assert_accessible("About you with errors").await;
    b.screenshot("02-about-errors").await;
    b.choose(ORG_TYPE, "GP practice or primary care network (PCN)").await;
    b.fill("Name of your organisation", "Riverside Surgery").await;
    b.fill("Your name and role (optional)", "Sam Lee, practice manager").await;
    b.fill("Your data protection officer's name (optional)", "Dana Patel").await;
    b.fill("Your DPO's email address (optional)", "dpo@example.nhs.uk").await;
    b.choose(PURPOSE, "Consultations with patients or service users").await;
    b.click(&button("Save and continue")).await;

    // 2. The tool.
    b.heading_is("Choose your video tool").await;
    b.choose(TOOL, "Microsoft Teams").await;
    assert!(b.section_text("About Microsoft Teams").await.contains("NHSmail includes Microsoft Teams"));
    b.assert_accessible("Choose your video tool").await;
    b.screenshot("03-tool").await;
    b.click(&button("Save and continue")).await;

    // 3. Every section, with a No and a Not sure among the Yeses.
    let answers = [("dpia", "needed"), ("dpia-risks", "not-sure"), ("updates", "no")];
    let seen = b.answer_every_section(&answers, true).await.checks;
    for id in [
        "risk-assessment",
        "dpia-activity",
        "dpia-risks",
        "dpo-told",
        "data-location",
        "e2ee",
        "recording-control",
        "managed-devices",
        "updates",
        "gp-buying-catalogue",
        "identity-check",
        "teams-team-private",
        "teams-lobby",
    ] {
        assert!(seen.iter().any(|s| s == id), "the check {id} was never asked; asked {seen:?}");
    }
    assert!(!seen.iter().any(|s| s == "trust-procurement"), "a GP practice was asked the trust question");
    assert!(
        !seen.iter().any(|s| s.starts_with("zoom-") || s.starts_with("other-")),
        "asked about another tool's settings"
    );

    // 4. The summary.
    b.heading_is("Your summary").await;
    assert!(b.outcome().await.contains("Do not use yet"));
    let actions = b.section_text("Actions").await;
    assert!(actions.contains("List the data protection risks in your DPIA"), "{actions}");
    assert!(actions.contains("Turn on automatic updates"), "{actions}");
    assert!(!b.shows(&heading("This check is not finished")).await, "a finished check was called unfinished");
    b.assert_accessible("Your summary").await;
    b.screenshot("05-summary").await;

    // The action plan: an owner for one action, another marked done.
    let dpia_risks = "List the data protection risks in your DPIA";
    b.type_into(&field("Owner").starting().in_item_containing(dpia_risks), "Jo Bloggs").await;
    b.click(&checkbox("Done").starting().in_item_containing("Turn on automatic updates")).await;
    assert!(b
        .section_text("Actions")
        .await
        .contains("Because you answered Not sure to: Your DPIA sets out the data protection risks."));

    // 5. The email link.
    let href = b.attr(&link("Email your DPO"), "href").await.unwrap();
    assert!(href.len() < 2000, "mailto link is {} characters", href.len());
    let rest = href.strip_prefix("mailto:").unwrap();
    let (to, query) = rest.split_once('?').unwrap();
    assert_eq!(to, "dpo@example.nhs.uk");
    let (subject, body) = query.strip_prefix("subject=").unwrap().split_once("&body=").unwrap();
    let subject = percent_decode(subject);
    assert!(subject.starts_with("Video tool check: Riverside Surgery, Microsoft Teams, Do not use yet, "), "{subject}");
    let body = percent_decode(body);
    assert!(body.contains("Hello Dana Patel,"), "{body}");
    assert!(body.contains("\r\nSam Lee, practice manager\r\n"), "signed by the person who did the check: {body}");
    assert!(body.contains("Open actions: 1"), "the done action is not open: {body}");
    assert!(body.contains("(owner: Jo Bloggs)"), "{body}");
    assert!(body.contains("DPIA screening: DPIA needed before use"), "{body}");
    assert!(body.contains("[Essential] List the data protection risks in your DPIA"), "{body}");
    assert!(body.contains("The full report is attached."), "{body}");

    // 6. The downloaded report opens on its own and carries the answers.
    b.click(&button("Download summary")).await;
    let (name, report) = b.downloaded(".html").await;
    assert!(name.starts_with("video-tool-check-riverside-surgery-microsoft-teams-"), "{name}");
    assert!(report.contains("<strong>Do not use yet</strong>"));
    assert!(report.contains("List the data protection risks in your DPIA"));
    assert!(report.contains("<td><bdi>Jo Bloggs</bdi></td>"), "the action owner is in the report, isolated");
    assert!(report.contains("<td><bdi>Riverside Surgery</bdi></td>"));
    let data = video_tool_check::export::report::embedded_data(&report).expect("the report carries its data");
    let back = video_tool_check::storage::decode(&data).unwrap();
    assert_eq!(back.about.org_name, "Riverside Surgery");
    assert_eq!(back.answers.get("updates"), Some(&video_tool_check::assessment::Answer::No));
    b.click(&disclosure("Other ways to save or send it")).await;
    b.click(&button("Download as text")).await;
    let (_, text) = b.downloaded(".txt").await;
    assert!(text.contains("OUTCOME: Do not use yet"));

    // The report is readable with no widget and no network: open it in the browser.
    let report_path = b.downloads.join(&name);
    b.client.goto(&format!("file://{}", report_path.display())).await.unwrap();
    assert_eq!(b.h1().await, "Video tool check: summary for your data protection officer");
    b.assert_accessible("the downloaded report").await;
    b.screenshot("06-report").await;

    // 7. Come back later: every answer is where it was left.
    b.open("").await;
    b.heading_is("Check a video tool").await;
    let tasks = b.tasks().await;
    assert!(tasks.len() > 2 && tasks.iter().all(|(_, status)| status == "Completed"), "{tasks:?}");
    b.client.refresh().await.unwrap();
    b.open("#/summary").await;
    assert!(b.outcome().await.contains("Do not use yet"));

    // The page asked only for its own files, all under the sub-path.
    let fetched = b.js("return performance.getEntriesByType('resource').map(e => e.name)").await;
    let fetched: Vec<String> = serde_json::from_value(fetched).unwrap();
    for url in &fetched {
        assert!(url.starts_with(&b.server.url()), "the widget fetched {url}");
    }
    for path in b.server.requests.lock().unwrap().iter() {
        assert!(path.starts_with(MOUNT), "the browser asked for {path}");
    }

    // 8. Start again asks first, then forgets everything.
    b.open("").await;
    b.click(&button("Start again")).await;
    b.find(&heading("Delete your answers?")).await;
    b.assert_accessible("the start-again question").await;
    b.click(&button("Yes, delete my answers")).await;
    assert_eq!(b.task_status("About you").await, "Not started");
    b.client.refresh().await.unwrap();
    b.h1().await;
    assert_eq!(b.task_status("About you").await, "Not started");
    b.close().await;
}

#[tokio::test]
async fn another_tool_by_name_works_on_a_phone_sized_screen() {
    let b = Browser::start(320).await;
    b.open("#/tool").await;
    b.heading_is("Choose your video tool").await;
    b.choose(TOOL, "Another tool").await;
    b.click(&button("Save and continue")).await;
    assert!(b.error_summary().await.contains("Enter the name of the video tool"));
    b.fill("Name of the tool", "<b>Pexip</b>").await;
    b.click(&button("Save and continue")).await;
    b.heading_is("Choosing and buying the tool").await;
    b.assert_accessible("a section at 320px").await;
    // Continuing with nothing answered lists every question, linked to it.
    b.click(&button("Save and continue")).await;
    let errors = b.error_summary().await;
    assert!(errors.contains("Answer: "), "{errors}");
    b.assert_accessible("a section's error summary at 320px").await;
    // Nothing is wider than the screen.
    let overflow = b.sideways_scroll().await;
    assert_eq!(overflow, 0, "the page scrolls sideways at 320px");
    b.screenshot("07-phone-section").await;
    b.open("#/summary").await;
    assert!(b.definition("Video tool").await.contains("<b>Pexip</b>"));
    b.screenshot("08-phone-summary").await;
    b.close().await;
}

#[tokio::test]
async fn care_home_checks_whatsapp_for_staff_calls() {
    let b = Browser::start(1000).await;
    b.open("#/about").await;
    b.about_a_care_home("Oak House Care Home").await;
    b.choose(TOOL, "WhatsApp").await;
    let note = b.section_text("About WhatsApp").await;
    assert!(note.contains("free consumer service"), "{note}");
    assert!(note.contains("Stops use"), "{note}");
    assert!(!note.contains("Buying Catalogue"), "the catalogue is for GP consultations only: {note}");
    b.click(&disclosure("What we know about WhatsApp")).await;
    assert!(b.disclosed("What we know about WhatsApp").await.contains("To confirm"));
    b.assert_accessible("WhatsApp chosen").await;
    b.screenshot("09-whatsapp").await;
    b.click(&button("Save and continue")).await;

    let answers = [("dpia", "covered"), ("service-agreement", "no"), ("whatsapp-backup", "not-sure")];
    let done = b.answer_every_section(&answers, false).await;
    let (headings, seen) = (done.headings, done.checks);
    assert!(headings.contains(&"Settings for WhatsApp".to_string()), "{headings:?}");
    assert!(!headings.iter().any(|h| h.contains("patients")), "staff calls were asked about patients: {headings:?}");
    for id in ["whatsapp-work-phone", "whatsapp-protect-ip", "whatsapp-backup", "secure-sharing", "approved-log"] {
        assert!(seen.iter().any(|s| s == id), "{id} not asked; asked {seen:?}");
    }
    for id in ["gp-buying-catalogue", "identity-check", "dpia-risks", "teams-lobby"] {
        assert!(!seen.iter().any(|s| s == id), "{id} should not be asked of a care home's staff calls");
    }

    b.heading_is("Your summary").await;
    assert!(b.outcome().await.contains("Use with actions"));
    let dpia = b.definition("DPIA screening").await;
    assert!(dpia.contains("Covered by an existing DPIA: DPIA-2025-07 Remote consultations"), "{dpia}");
    let actions = b.items_under("Actions").await;
    assert_eq!(actions.len(), 2, "{actions:?}");
    let actions = actions.join("\n");
    let content = video_tool_check::content::Content::builtin();
    for id in ["service-agreement", "whatsapp-backup"] {
        let todo = content.check(id).unwrap().action;
        assert!(actions.contains(todo), "{id}: {actions}");
    }
    b.assert_accessible("the care home's summary").await;
    b.close().await;
}

#[tokio::test]
async fn comparing_tools_shows_what_would_stop_each_one() {
    let b = Browser::start(1000).await;
    b.open("#/about").await;
    b.choose(ORG_TYPE, "GP practice or primary care network (PCN)").await;
    b.fill("Name of your organisation", "Riverside Surgery").await;
    b.choose(PURPOSE, "Consultations with patients or service users").await;
    b.click(&button("Save and continue")).await;
    b.heading_is("Choose your video tool").await;
    b.open("#/compare").await;
    b.heading_is("Compare video tools").await;
    b.text_starting("Choose at least 2 tools to compare them.").await;
    for tool in ["whatsapp", "accurx", "skype"] {
        b.choose(COMPARE, tool_name(tool)).await;
    }
    let table = b.text(&region("Your tools side by side")).await;
    // What could not be verified is asked, never left out.
    assert!(table.contains("Confirm whether it is on the Buying Catalogue"), "{table}");
    assert!(table.contains("Confirm that your organisation has a contract"), "accurx: {table}");
    assert!(table.contains("We found no contract or data processing agreement"), "whatsapp: {table}");
    assert!(table.contains("Skype has closed"), "{table}");
    b.assert_accessible("the comparison").await;
    b.screenshot("10-compare").await;
    b.click(&button("Check WhatsApp").in_region("Your tools side by side")).await;
    b.heading_is("Choose your video tool").await;
    assert!(b.section_text("About WhatsApp").await.contains("WhatsApp"));
    assert!(b.is_checked(&support::radio(TOOL, "WhatsApp")).await);
    b.close().await;
}

//! End-to-end tests of a DPO's log of approved tools: kept by hand, saved in
//! the browser, and published as the config.json another copy of the widget
//! reads, a web page and CSV.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::time::{Duration, Instant};
use support::{button, field, heading, item, link, radio, region, repo, Browser, StaticServer, TOOL};
use video_tool_check::config::Approval;
use video_tool_check::content::Content;

const LOG: &str = "Your log of approved video tools";
const WHICH_TOOL: &str = "Which tool is your decision about?";
const DECISION: &str = "What did you decide?";
const CONDITIONS: &str = "Conditions (optional)";
const LINK: &str = "Link to your assessment of the tool (optional)";
const ENTRIES: &str = "Tools in your log";
const PUBLISHER: &str = "Your organisation or DPO service (optional)";
/// The heading of the message about the publisher's configuration.
const CONFIG_PROBLEMS: &str = "This page's settings have a problem";

/// Today on the browser's clock, as the widget dates things.
async fn today(b: &Browser) -> String {
    let v = b
        .js("const d = new Date(); return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');")
        .await;
    v.as_str().unwrap().to_string()
}

/// Presses a key on what `q` finds, as a keyboard user would once Tab has got there.
async fn press(b: &Browser, q: &support::Query, keys: &str) {
    b.focus(q).await;
    b.press_keys(keys).await;
}

/// Every control on the screen has a name, and no two share one: the
/// repeated Change and Remove buttons say which tool each is for.
async fn assert_every_control_has_a_name_of_its_own(b: &Browser) {
    let found = b.control_names().await;
    assert!(found.contains(&"Change Microsoft Teams".to_string()), "{found:?}");
    assert!(found.iter().all(|n| !n.trim().is_empty() && !n.ends_with(": ")), "controls without a name: {found:?}");
    let mut repeated: Vec<&String> = found.iter().filter(|n| found.iter().filter(|m| m == n).count() > 1).collect();
    repeated.dedup();
    assert!(repeated.is_empty(), "these names are used by more than one control: {repeated:?}");
}

#[tokio::test]
async fn a_dpo_keeps_a_log_by_hand_and_publishes_it() {
    let b = Browser::start(1000).await;
    b.open("").await;
    b.click(&link(LOG)).await;
    b.heading_is(LOG).await;
    b.sees("There are no tools in your log yet.").await;
    b.assert_accessible("the empty log").await;

    // Nothing chosen: the error summary says what is missing, and its link
    // takes the user to the first tool.
    b.click(&button("Add to your log")).await;
    let errors = b.error_summary().await;
    assert!(errors.contains("Select the tool your decision is about"), "{errors}");
    assert!(errors.contains("Select your decision"), "{errors}");
    b.click(&link("Select the tool your decision is about")).await;
    b.focus_reaches(&radio(WHICH_TOOL, "Microsoft Teams"), "following the error summary's link").await;
    b.assert_accessible("the log's form with errors").await;

    // The first entry. A link that is not https is refused, with what to do.
    b.choose(WHICH_TOOL, "Microsoft Teams").await;
    b.choose(DECISION, "Approved with conditions").await;
    b.fill(CONDITIONS, "NHSmail accounts only. <b>Not</b> for group calls.").await;
    b.fill(LINK, "http://example-dpo.nhs.uk/log/teams.pdf").await;
    b.click(&button("Add to your log")).await;
    assert!(b.error_summary().await.contains("Enter a link that starts with https://"));
    b.fill(LINK, "https://example-dpo.nhs.uk/log/teams.pdf").await;
    b.click(&button("Add to your log")).await;
    b.announces("Microsoft Teams is added to your log.").await;
    b.items_are(ENTRIES, 1).await;

    // The second, by keyboard alone: Space picks a radio, as it does for a keyboard user.
    press(&b, &radio(WHICH_TOOL, "Another tool"), " ").await;
    b.type_into(&field("Name of the tool"), "Pexip").await;
    press(&b, &radio(DECISION, "Approved"), " ").await;
    assert!(b.is_checked(&radio(DECISION, "Approved")).await);
    press(&b, &button("Add to your log"), "\u{e007}").await;
    b.announces("Pexip is added to your log.").await;
    b.items_are(ENTRIES, 2).await;

    // Typed text is shown as text, and the tools are in name order.
    let items = b.items_under(ENTRIES).await;
    assert!(items[0].starts_with("Microsoft Teams"), "{items:?}");
    assert!(items[0].contains("NHSmail accounts only. <b>Not</b> for group calls."), "{items:?}");
    assert!(items[1].starts_with("Pexip"), "{items:?}");

    // Change one; remove another after being asked.
    b.click(&button("Change Pexip")).await;
    b.find(&heading("Change your decision about Pexip")).await;
    assert_eq!(b.value(&field("Name of the tool")).await, "Pexip");
    b.choose(DECISION, "Under review").await;
    b.click(&button("Save the change")).await;
    b.announces("Your decision about Pexip is changed in your log.").await;
    b.focus_reaches(&button("Change Pexip"), "saving the change").await;
    assert!(b.text(&item("Pexip")).await.contains("Under review"));

    b.choose(WHICH_TOOL, "Zoom").await;
    b.choose(DECISION, "Not approved").await;
    b.click(&button("Add to your log")).await;
    b.items_are(ENTRIES, 3).await;
    b.click(&button("Remove Zoom")).await;
    b.find(&heading("Remove Zoom from your log?")).await;
    b.click(&button("No, keep it Zoom")).await;
    b.focus_reaches(&button("Remove Zoom"), "keeping it").await;
    b.click(&button("Remove Zoom")).await;
    b.click(&button("Yes, remove it Zoom")).await;
    b.announces("Zoom is removed from your log.").await;
    b.items_are(ENTRIES, 2).await;

    b.fill(PUBLISHER, "Riverside DPO Service").await;
    assert_every_control_has_a_name_of_its_own(&b).await;
    b.assert_accessible("the log with two tools").await;
    b.screenshot("log-1000").await;

    // It is kept in the browser.
    b.client.refresh().await.unwrap();
    b.heading_is(LOG).await;
    b.items_are(ENTRIES, 2).await;
    assert_eq!(b.value(&field(PUBLISHER)).await, "Riverside DPO Service");

    let day = today(&b).await;
    b.click(&button("Download config.json for your widget")).await;
    let (name, config) = b.downloaded(".json").await;
    assert_eq!(name, "config.json");
    b.click(&button("Download as CSV")).await;
    let (_, csv) = b.downloaded(".csv").await;
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines[0], "Tool,Status,Conditions,Link to our assessment,Date of decision");
    assert_eq!(
        lines[1],
        format!("Microsoft Teams,Approved with conditions,NHSmail accounts only. <b>Not</b> for group calls.,https://example-dpo.nhs.uk/log/teams.pdf,{day}")
    );
    assert_eq!(lines[2], format!("Pexip,Under review,,,{day}"));
    b.click(&button("Download the log as a web page")).await;
    let (_, page) = b.downloaded(".html").await;

    // The setup screen brings the same log into the settings it publishes.
    b.open("dpo/#/setup").await;
    b.click(&button("Use the log kept in this browser")).await;
    b.announces("2 tools from your log are in these settings.").await;
    assert!(b.text(&item("Microsoft Teams")).await.contains("Approved with conditions"));
    b.close().await;

    // The config.json, beside a fresh copy of the widget, is read with no
    // problem, and the tool list shows each decision.
    let (parsed, problems) = video_tool_check::config::parse(&config, Content::builtin());
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(parsed.log_entry("teams").unwrap().status, Approval::ApprovedWithConditions);
    let server = StaticServer::serve(
        repo().join("dist"),
        vec![("config.json".to_string(), config), ("our-log.html".to_string(), page)],
    );
    let w = Browser::start_with(1000, server).await;
    w.open("#/tool").await;
    w.heading_is("Choose your video tool").await;
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let hint = w.description(&radio(TOOL, "Microsoft Teams")).await;
        if hint == "Approved with conditions by Riverside DPO Service" {
            break;
        }
        assert!(Instant::now() < deadline, "the tool list never showed the log: {hint:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(w.description(&radio(TOOL, "Zoom")).await, "", "a tool removed from the log has no status");
    w.choose(TOOL, "Microsoft Teams").await;
    let about = w.section_text("About Microsoft Teams").await;
    assert!(about.contains("Approved with conditions"), "{about}");
    assert!(about.contains("NHSmail accounts only. <b>Not</b> for group calls."), "{about}");
    assert!(about.contains("Read their assessment of this tool"), "{about}");
    w.choose(TOOL, "Another tool").await;
    w.fill("Name of the tool", "pexip").await;
    w.sees("Under review").await;
    assert!(!w.shows(&heading(CONFIG_PROBLEMS)).await, "the log's config.json has a problem");

    // The web page, published, reads well and passes axe.
    w.client.goto(&format!("{}our-log.html", w.server.url())).await.unwrap();
    w.heading_is("Our log of approved video tools").await;
    w.sees("Riverside DPO Service").await;
    w.sees("Last updated").await;
    let link_to_teams = w.attr(&link("Our assessment of Microsoft Teams"), "href").await;
    assert_eq!(link_to_teams.as_deref(), Some("https://example-dpo.nhs.uk/log/teams.pdf"));
    let table = w.sees("2 video tools, in order of name").await;
    assert!(table.contains("NHSmail accounts only. <b>Not</b> for group calls."), "{table}");
    w.assert_accessible("the published log").await;
    w.screenshot("log-page-1000").await;
    w.close().await;
}

#[tokio::test]
async fn at_phone_width_the_log_and_its_page_fit_without_sideways_scrolling() {
    let mut log = video_tool_check::dpo_log::DpoLog { publisher: "Riverside DPO Service".into(), ..Default::default() };
    for (tool, status) in [("teams", Approval::ApprovedWithConditions), ("attend-anywhere", Approval::Approved)] {
        let entry = video_tool_check::config::LogEntry {
            tool: tool.into(),
            status,
            conditions: "NHSmail accounts only, on practice computers kept up to date.".into(),
            assessment_url: "https://example-dpo-service.nhs.uk/log/assessments/2026/a-long-address.pdf".into(),
            date: "2026-12-01".into(),
        };
        log.add_or_replace(entry).unwrap();
    }
    let page = video_tool_check::export::log::html(&log, Content::builtin(), "2026-12-02");
    let server = StaticServer::serve(repo().join("dist"), vec![("our-log.html".to_string(), page)]);
    let b = Browser::start_with(320, server).await;
    b.open("").await;
    let stored = serde_json::to_string(&video_tool_check::storage::encode_dpo_log(&log)).unwrap();
    b.js(&format!("localStorage.setItem('{}', {stored}); return true;", video_tool_check::storage::DPO_LOG_KEY)).await;
    b.open("dpo/#/log").await;
    b.heading_is(LOG).await;
    b.items_are(ENTRIES, 2).await;
    b.choose(WHICH_TOOL, "Another tool").await;
    b.click(&button("Add to your log")).await;
    b.error_summary().await;
    assert_eq!(b.sideways_scroll().await, 0, "the log scrolls sideways at 320px");
    b.assert_accessible("the log at 320px").await;
    b.screenshot("log-320").await;

    b.client.goto(&format!("{}our-log.html", b.server.url())).await.unwrap();
    b.heading_is("Our log of approved video tools").await;
    assert_eq!(b.sideways_scroll().await, 0, "the published log scrolls sideways at 320px");
    b.assert_accessible("the published log at 320px").await;
    b.screenshot("log-page-320").await;
    b.close().await;
}

/// Storage that refuses to save: the DPO is told, and the log stays on the
/// page to download.
#[tokio::test]
async fn when_storage_is_full_the_dpo_is_told_and_nothing_is_lost() {
    let b = Browser::start(1000).await;
    b.open("dpo/#/log").await;
    b.heading_is(LOG).await;
    b.js("Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); }; return true;")
        .await;
    b.choose(WHICH_TOOL, "Accurx").await;
    b.choose(DECISION, "Approved").await;
    b.click(&button("Add to your log")).await;
    let alert = b.text(&region("Your log is not saved")).await;
    assert!(alert.contains("Your browser's storage is full or refused to save."), "{alert}");
    assert!(alert.contains("Download config.json or the CSV now"), "{alert}");
    b.items_are(ENTRIES, 1).await;
    b.click(&button("Download as CSV")).await;
    let (_, csv) = b.downloaded(".csv").await;
    assert!(csv.contains("\r\nAccurx,Approved,"), "{csv}");
    b.assert_accessible("the log that could not be saved").await;
    b.close().await;
}

/// A log saved by a newer version is kept as it is: this version says so,
/// offers it as a download, and saves nothing over it.
#[tokio::test]
async fn a_newer_versions_log_is_never_written_over() {
    let b = Browser::start(1000).await;
    b.open("").await;
    let newer = r#"{"format":"video-tool-check/dpo-log","version":2,"entries":{"teams":"approved"}}"#;
    let key = video_tool_check::storage::DPO_LOG_KEY;
    b.js(&format!("localStorage.setItem('{key}', {}); return true;", serde_json::to_string(newer).unwrap())).await;
    b.open("dpo/#/log").await;
    b.heading_is(LOG).await;
    let warning = b.section_text("We could not read your saved log").await;
    assert!(warning.contains("newer version of Video Tool Check (format 2)"), "{warning}");
    assert!(warning.contains("this page will not save over it"), "{warning}");
    b.choose(WHICH_TOOL, "Whereby").await;
    b.choose(DECISION, "Under review").await;
    b.click(&button("Add to your log")).await;
    b.find(&region("Your log is not saved")).await;
    b.items_are(ENTRIES, 1).await;
    assert_eq!(b.stored(key).await.as_str(), Some(newer), "the newer log was written over");
    b.click(&button("Download the saved log")).await;
    let (_, saved) = b.downloaded(".json").await;
    assert_eq!(saved, newer);
    b.close().await;
}

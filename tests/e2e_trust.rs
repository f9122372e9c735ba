//! End-to-end tests of trust: a strict Content Security Policy, no requests
//! beyond the widget's own files, the keyboard alone, keyboard focus around
//! questions that guard deleting, and two tabs at once.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::key::Key;
use std::time::{Duration, Instant};
use support::{
    button, field, heading, item, question, radio, region, repo, tool_name, Browser, Query, StaticServer, COMPARE,
    MOUNT, TOOL,
};

/// The heading of the alert that answers were not saved.
const SAVE_PROBLEM: &str = "Your latest answers are not saved";

/// The policy the README recommends to publishers, plus a report address so
/// the test hears of every violation.
fn csp() -> String {
    format!(
        "Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; \
         report-uri {MOUNT}csp-report\r\n"
    )
}

/// An image from a host the policy does not allow: a violation of the page's
/// policy that the test makes itself, told apart from any other by its address.
const SENTINEL: &str = "http://csp-sentinel.invalid/planted.png";

/// The bodies of every violation report the server has received.
fn csp_reports(server: &StaticServer) -> Vec<String> {
    let bodies = server.bodies.lock().unwrap();
    bodies.iter().filter(|(path, _)| path.contains("csp-report")).map(|(_, body)| body.clone()).collect()
}

#[tokio::test]
async fn runs_under_a_strict_csp_and_asks_only_for_its_own_files() {
    let server = StaticServer::serve_with_headers(repo().join("dist"), Vec::new(), csp());
    let b = Browser::start_with(1000, server).await;
    b.open("").await;
    b.heading_is("Check a video tool").await;
    for (link, heading) in [
        ("#/about", "About you"),
        ("#/tool", "Choose your video tool"),
        ("#/section/risk", "Risks of the tool"),
        ("#/compare", "Compare video tools"),
        ("#/assessments", "Your assessments"),
        ("#/summary", "Your summary"),
    ] {
        b.open(link).await;
        b.heading_is(heading).await;
    }
    b.open("#/about").await;
    b.heading_is("About you").await;
    b.click(&button("Save and continue")).await;
    b.error_summary().await;
    b.open("#/tool").await;
    b.heading_is("Choose your video tool").await;
    b.choose(TOOL, "Zoom").await;
    b.section_text("About Zoom").await;
    b.open("#/summary").await;
    b.heading_is("Your summary").await;
    b.click(&button("Download summary")).await;
    b.downloaded(".html").await;
    let fetched: Vec<String> =
        serde_json::from_value(b.js("return performance.getEntriesByType('resource').map(e => e.name)").await).unwrap();

    // The page breaks its policy once on purpose. Its report reaching the
    // server shows that a violation is heard of; it is sent after any the
    // steps above caused, so once it is in, theirs would be too.
    b.js(&format!("new Image().src = '{SENTINEL}'; return true")).await;
    let deadline = Instant::now() + Duration::from_secs(10);
    while !csp_reports(&b.server).iter().any(|r| r.contains("csp-sentinel.invalid")) {
        assert!(Instant::now() < deadline, "the planted violation was never reported: the probe hears nothing");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let reports: Vec<_> = csp_reports(&b.server).into_iter().filter(|r| !r.contains("csp-sentinel.invalid")).collect();
    assert!(reports.is_empty(), "the Content Security Policy was violated: {reports:?}");

    let requests = b.server.requests.lock().unwrap().clone();
    for path in requests.iter().filter(|r| !r.starts_with("POST ") || !r.contains("csp-report")) {
        assert!(path.starts_with(MOUNT), "the browser asked for {path}");
    }
    for url in &fetched {
        assert!(url.starts_with(&b.server.url()), "the widget fetched {url}");
    }
    b.close().await;
}

#[tokio::test]
async fn a_whole_assessment_can_be_done_with_the_keyboard_alone() {
    let b = Browser::start(1000).await;
    b.open("").await;
    let typed = [
        ("Name of your organisation", "Keyboard Surgery"),
        ("Your DPO's email address (optional)", "dpo@example.nhs.uk"),
    ];
    let mut presses = 0;
    loop {
        presses += 1;
        assert!(presses < 1500, "gave up after {presses} key presses");
        let f = b.focused().await;
        let heading = f["h1"].as_str().unwrap().to_string();
        if heading == "Your summary" {
            break;
        }
        let name = f["name"].as_str().unwrap();
        match f["role"].as_str().unwrap() {
            // From the task list, the first task.
            "link" if heading == "Check a video tool" => {
                if name == "About you" {
                    b.press_keys(&Key::Enter.to_string()).await;
                    b.heading_is("About you").await;
                    // Focus moves to the new screen's heading, and the next
                    // Tab goes on from there.
                    b.focus_reaches(&support::heading("About you").level(1), "Enter on About you").await;
                } else {
                    b.press_keys(&Key::Tab.to_string()).await;
                }
            }
            // An unanswered question: Space picks the focused (first) choice.
            "radio" if !f["answered"].as_bool().unwrap() => {
                b.press_keys(" ").await;
                b.press_keys(&Key::Tab.to_string()).await;
            }
            "textbox" if f["value"].as_str() == Some("") => {
                if let Some((_, text)) = typed.iter().find(|(label, _)| *label == name) {
                    b.press_keys(text).await;
                }
                b.press_keys(&Key::Tab.to_string()).await;
            }
            "button" if name == "Save and continue" => {
                b.press_keys(&Key::Enter.to_string()).await;
                b.leaves(&heading).await;
                // Focus moves to the new screen's heading.
                let now = b.h1().await;
                b.focus_reaches(&support::heading(&now).level(1), &format!("Enter on Continue on {heading}")).await;
            }
            _ => b.press_keys(&Key::Tab.to_string()).await,
        }
    }
    let outcome = b.outcome().await;
    assert!(outcome.contains("Ready to use"), "{outcome}");
    assert!(b.definition("Organisation").await.contains("Keyboard Surgery"));
    b.close().await;
}

/// Moves focus to what `q` describes, as Tab would, and presses `key`.
async fn focus_and_press(b: &Browser, q: &Query, key: Key) {
    b.focus(q).await;
    b.press_keys(&key.to_string()).await;
}

// A button that asks "are you sure?" is replaced by the question. Focus must
// follow it there and come back, or a keyboard or screen reader user is
// left at the top of the page, or nowhere, not knowing what appeared.
#[tokio::test]
async fn questions_before_deleting_keep_the_keyboard_in_place() {
    let b = Browser::start(1000).await;
    b.open("").await;
    b.heading_is("Check a video tool").await;
    focus_and_press(&b, &button("Start again"), Key::Enter).await;
    b.focus_reaches(&heading("Delete your answers?"), "Start again").await;
    b.press_keys(&Key::Tab.to_string()).await;
    b.focus_reaches(&button("Yes, delete my answers"), "Tab in the question").await;
    b.press_keys(&Key::Tab.to_string()).await;
    b.press_keys(&Key::Enter.to_string()).await;
    b.focus_reaches(&button("Start again"), "No, keep my answers").await;
    assert!(!b.shows(&heading("Delete your answers?")).await, "the question is still shown");

    // Each button in a row of the list of assessments: a new browser has one,
    // blank. Renamed first, so that it can be told from the blank one that
    // takes its place while it is deleted.
    b.open("#/assessments").await;
    b.heading_is("Your assessments").await;
    assert_eq!(b.items_under("Your assessments").await.len(), 1);
    let blank = "No tool chosen yet";
    focus_and_press(&b, &button("Rename").starting().in_item(blank), Key::Enter).await;
    b.focus_reaches(&field("New name").starting().in_item(blank), "Rename").await;
    b.press_keys("Zoom check").await;
    b.press_keys(&Key::Tab.to_string()).await;
    b.press_keys(&Key::Enter.to_string()).await;
    let row = "Zoom check";
    b.focus_reaches(&button("Rename").starting().in_item(row), "Save name").await;
    assert!(b.text(&item(row)).await.contains("Zoom check"));

    let delete = button("Delete").starting().in_item(row);
    let question = heading("Delete Zoom check?");
    focus_and_press(&b, &delete, Key::Enter).await;
    b.focus_reaches(&question, "Delete").await;
    b.press_keys(&Key::Tab.to_string()).await;
    b.press_keys(&Key::Tab.to_string()).await;
    b.press_keys(&Key::Enter.to_string()).await;
    b.focus_reaches(&delete, "No, keep it").await;

    b.press_keys(&Key::Enter.to_string()).await;
    b.focus_reaches(&question, "Delete again").await;
    b.press_keys(&Key::Tab.to_string()).await;
    b.press_keys(&Key::Enter.to_string()).await;
    b.focus_reaches(&button("Undo"), "Yes, delete it").await;
    assert!(!b.shows(&item(row)).await, "the assessment was not deleted");
    b.press_keys(&Key::Enter.to_string()).await;
    b.focus_reaches(&delete, "Undo").await;
    assert!(b.shows(&item(row)).await, "undo did not bring the assessment back");

    let rows = || b.items_under("Your assessments");
    let before = rows().await.len();
    focus_and_press(&b, &button("Duplicate").starting().in_item(row), Key::Enter).await;
    b.items_are("Your assessments", before + 1).await;
    b.focus_reaches(&button("Duplicate").starting().in_item(row), "Duplicate").await;

    let remove = button("Remove everything");
    let question = heading("Remove everything?");
    focus_and_press(&b, &remove, Key::Enter).await;
    b.focus_reaches(&question, "Remove everything").await;
    b.assert_accessible("the remove-everything question").await;
    b.press_keys(&Key::Tab.to_string()).await;
    b.press_keys(&Key::Tab.to_string()).await;
    b.press_keys(&Key::Enter.to_string()).await;
    b.focus_reaches(&remove, "No, keep them").await;
    assert_eq!(rows().await.len(), before + 1, "No removed something");

    focus_and_press(&b, &remove, Key::Enter).await;
    b.focus_reaches(&question, "Remove everything again").await;
    b.press_keys(&Key::Tab.to_string()).await;
    b.press_keys(&Key::Enter.to_string()).await;
    b.focus_reaches(&remove, "Yes, remove everything").await;
    assert_eq!(rows().await.len(), 1, "one blank assessment is left");
    b.announces("has been removed").await;
    b.close().await;
}

/// Waits until the radio or checkbox `q` describes is selected.
async fn becomes_checked(b: &Browser, q: &Query, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !b.is_checked(q).await {
        assert!(Instant::now() < deadline, "{what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn two_tabs_on_the_same_assessment_do_not_undo_each_other() {
    let b = Browser::start(1000).await;
    b.open("#/section/risk").await;
    let (first, second) = b.second_tab().await;
    b.open("#/section/risk").await;

    b.client.switch_to_window(first.clone()).await.unwrap();
    b.choose(question("e2ee"), "No").await;

    b.client.switch_to_window(second).await.unwrap();
    becomes_checked(&b, &radio(question("e2ee"), "No"), "the second tab never saw the first tab's answer").await;
    b.announces("changed in another tab").await;
    b.choose(question("data-location"), "Yes").await;

    b.client.switch_to_window(first).await.unwrap();
    becomes_checked(&b, &radio(question("data-location"), "Yes"), "the first tab never saw the second tab's answer")
        .await;
    b.client.refresh().await.unwrap();
    b.h1().await;
    let stored = b.stored(video_tool_check::storage::KEY).await;
    let lib = video_tool_check::storage::decode_library(stored.as_str().unwrap()).unwrap();
    let answers = &lib.current().assessment.answers;
    assert_eq!(answers.get("e2ee"), Some(&video_tool_check::assessment::Answer::No));
    assert_eq!(answers.get("data-location"), Some(&video_tool_check::assessment::Answer::Yes));
    b.close().await;
}

fn stored_script() -> String {
    format!("return localStorage.getItem('{}')", video_tool_check::storage::KEY)
}

// On a shared computer, "Remove everything" in one tab must not be undone by
// the next save of another tab that still holds the answers.
#[tokio::test]
async fn removing_everything_in_one_tab_is_not_undone_by_another() {
    let b = Browser::start(1000).await;
    b.open("#/about").await;
    b.fill("Name of your organisation", "Shared PC Surgery").await;
    b.until(&format!("{}?.includes('Shared PC Surgery') === true", stored_script()), "the name was never saved").await;
    let (first, _) = b.second_tab().await;
    b.open("#/assessments").await;
    b.click(&button("Remove everything")).await;
    b.click(&button("Yes, remove everything")).await;

    b.client.switch_to_window(first).await.unwrap();
    b.announces("removed from this browser in another tab").await;
    assert_eq!(b.value(&field("Name of your organisation")).await, "");
    b.fill("Your name and role (optional)", "Robin").await;
    b.until(&format!("{}?.includes('Robin') === true", stored_script()), "the new answer was never saved").await;
    let stored = b.stored(video_tool_check::storage::KEY).await;
    assert!(!stored.as_str().unwrap().contains("Shared PC Surgery"), "the removed answers came back: {stored}");
    b.close().await;
}

// A newer version of the widget in another tab saves a format this one
// cannot read. This tab must not write its older copy over it, and says so.
#[tokio::test]
async fn a_tab_never_writes_over_what_another_saved_and_it_cannot_read() {
    let b = Browser::start(1000).await;
    b.open("#/section/risk").await;
    b.choose(question("e2ee"), "Yes").await;
    let (first, _) = b.second_tab().await;
    b.open("").await;
    let newer = r#"{"format":"video-tool-check/library","version":99,"current":"a1","saved":[]}"#;
    b.js(&format!("localStorage.setItem('{}', {newer:?}); return true", video_tool_check::storage::KEY)).await;

    b.client.switch_to_window(first).await.unwrap();
    b.choose(question("data-location"), "No").await;
    b.text_with(&region(SAVE_PROBLEM), "could not read").await;
    b.assert_accessible("a tab that has stopped saving").await;
    assert_eq!(b.stored(video_tool_check::storage::KEY).await, newer, "this tab wrote over what the other saved");
    assert!(b.is_checked(&radio(question("data-location"), "No")).await, "the answer is still on screen");
    // Reloaded, this older version says whose the data is, offers it as a
    // download, and still leaves it where the newer version looks.
    b.client.refresh().await.unwrap();
    let unreadable = b.section_text("We could not read your saved answers").await;
    assert!(unreadable.contains("newer version"), "{unreadable}");
    b.assert_accessible("saved data this version cannot read").await;
    assert_eq!(b.stored(video_tool_check::storage::KEY).await, newer, "reloading wrote over what the other saved");
    b.screenshot("19-newer-data").await;
    // The way out: set it aside, after a question, and this page saves again.
    b.click(&button("Set it aside and save here")).await;
    b.find(&heading("Set the newer answers aside?")).await;
    b.assert_accessible("the question before setting data aside").await;
    b.screenshot("20-set-aside-question").await;
    b.click(&button("Yes, set them aside")).await;
    b.announces("The newer answers are set aside.").await;
    assert_eq!(b.stored(video_tool_check::storage::UNREADABLE_KEY).await, newer, "the newer answers were not kept");
    b.open("#/section/risk").await;
    b.choose(question("e2ee"), "No").await;
    let saved_here = format!(
        "const t = localStorage.getItem('{}'); return t !== null && t.includes('\"e2ee\":\"no\"')",
        video_tool_check::storage::KEY
    );
    b.until(&saved_here, "this page saved its answers once the newer ones were set aside").await;
    b.close().await;
}

// Two tabs on two assessments: the library remembers whichever was opened
// last, but reloading a tab must bring back the one that tab was on.
#[tokio::test]
async fn a_reloaded_tab_keeps_its_own_assessment() {
    use video_tool_check::{assessment::Assessment, library::Library, storage};
    let mut lib = Library::with(Assessment::default(), "a1", "2026-11-20");
    lib.saved[0].name = "Alpha check".into();
    lib.add(Assessment::default(), "Beta check", "a2".into(), "2026-11-21");
    lib.open("a1");
    let b = Browser::start(1000).await;
    b.open("").await;
    b.js(&format!("localStorage.setItem('{}', {:?}); return true", storage::KEY, storage::encode_library(&lib))).await;
    b.client.refresh().await.unwrap();
    let working_on = b.text_starting("You are working on:").await;
    assert!(working_on.contains("Alpha check"), "the first tab is not on Alpha: {working_on}");

    let (first, _) = b.second_tab().await;
    b.open("#/assessments").await;
    b.click(&button("Open").starting().in_item("Beta check")).await;
    b.heading_is("Check a video tool").await;
    assert!(b.text_starting("You are working on:").await.contains("Beta check"));

    b.client.switch_to_window(first).await.unwrap();
    b.client.refresh().await.unwrap();
    b.heading_is("Check a video tool").await;
    let working_on = b.text_starting("You are working on:").await;
    assert!(working_on.contains("Alpha check"), "the reloaded tab swapped to the other tab's assessment: {working_on}");
    b.close().await;
}

/// Every screen, filled in, at phone width and at 200% zoom: nothing may make
/// the page scroll sideways. Screenshots go to VTC_SCREENSHOTS for a look.
#[tokio::test]
async fn narrow_and_zoomed_screens_never_scroll_sideways() {
    use video_tool_check::assessment::{Answer, Assessment, DpiaDecision, ToolChoice};
    let content = video_tool_check::content::Content::builtin();
    let mut a = Assessment::default();
    a.about.org_type = Some(video_tool_check::assessment::OrgType::Gp);
    a.about.org_name = "The Very Long Named Riverside and District Integrated Primary Care Partnership".into();
    a.about.dpo_email = "information.governance.team@example-long-domain.nhs.uk".into();
    a.about.purpose = Some(video_tool_check::assessment::Purpose::Both);
    a.tool = Some(ToolChoice::Listed("teams".into()));
    a.dpia.decision = Some(DpiaDecision::Needed);
    for c in content.checks {
        if a.applies(c) {
            a.answer(c.id, if c.blocking { Answer::NotSure } else { Answer::Yes });
        }
    }
    let lib = video_tool_check::library::Library::with(a, "a1", "2026-11-22");
    for width in [320, 640] {
        let b = Browser::start(width).await;
        b.open("").await;
        let text = serde_json::to_string(&video_tool_check::storage::encode_library(&lib)).unwrap();
        b.js(&format!("localStorage.setItem('{}', {text}); return true;", video_tool_check::storage::KEY)).await;
        for (hash, name) in [
            ("", "start"),
            ("#/about", "about"),
            ("#/tool", "tool"),
            ("#/section/dpia", "dpia"),
            ("#/section/tool-settings", "settings"),
            ("#/summary", "summary"),
            ("#/compare", "compare"),
            ("#/assessments", "assessments"),
        ] {
            b.open(hash).await;
            b.client.refresh().await.unwrap();
            b.h1().await;
            if name == "compare" {
                for t in ["teams", "zoom", "whatsapp"] {
                    b.choose(COMPARE, tool_name(t)).await;
                }
                b.find(&region("Your tools side by side")).await;
            }
            let overflow = b.sideways_scroll().await;
            assert_eq!(overflow, 0, "{name} scrolls sideways at {width}px");
            b.screenshot(&format!("w{width}-{name}")).await;
        }
        b.close().await;
    }
}

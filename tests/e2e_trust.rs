//! End-to-end tests of trust: a strict Content Security Policy, no requests
//! beyond the widget's own files, the keyboard alone, keyboard focus around
//! questions that guard deleting, and two tabs at once.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::key::Key;
use serde_json::Value;
use std::time::{Duration, Instant};
use support::{repo, Browser, StaticServer, MOUNT};

/// The policy the README recommends to publishers, plus a report address so
/// the test hears of every violation.
fn csp() -> String {
    format!(
        "Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; \
         report-uri {MOUNT}csp-report\r\n"
    )
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
    b.click("#continue").await;
    b.wait_for("#error-summary").await;
    b.open("#/tool").await;
    b.choose("tool-zoom").await;
    b.open("#/summary").await;
    b.click("#download-report").await;
    b.downloaded(".html").await;
    tokio::time::sleep(Duration::from_millis(500)).await;

    let requests = b.server.requests.lock().unwrap().clone();
    let reports: Vec<_> = requests.iter().filter(|r| r.contains("csp-report")).collect();
    assert!(reports.is_empty(), "the Content Security Policy was violated: {reports:?}");
    for path in &requests {
        assert!(path.starts_with(MOUNT), "the browser asked for {path}");
    }
    let fetched: Vec<String> =
        serde_json::from_value(b.js("return performance.getEntriesByType('resource').map(e => e.name)").await).unwrap();
    for url in &fetched {
        assert!(url.starts_with(&b.server.url()), "the widget fetched {url}");
    }
    b.close().await;
}

/// What has keyboard focus, as the test needs to know it.
async fn focused(b: &Browser) -> Value {
    b.js("const e = document.activeElement;
          const group = e.type === 'radio' ? [...document.getElementsByName(e.name)] : [];
          return {tag: e.tagName, type: e.type || '', id: e.id || '', value: e.value || '',
                  answered: group.some(r => r.checked), heading: document.querySelector('.vtc h1').textContent};")
        .await
}

async fn press(b: &Browser, keys: &str) {
    b.client.active_element().await.unwrap().send_keys(keys).await.unwrap();
}

#[tokio::test]
async fn a_whole_assessment_can_be_done_with_the_keyboard_alone() {
    let b = Browser::start(1000).await;
    b.open("").await;
    let typed = [("org-name", "Keyboard Surgery"), ("dpo-email", "dpo@example.nhs.uk")];
    let mut presses = 0;
    loop {
        presses += 1;
        assert!(presses < 1500, "gave up after {presses} key presses");
        let f = focused(&b).await;
        let heading = f["heading"].as_str().unwrap().to_string();
        if heading == "Your summary" {
            break;
        }
        let id = f["id"].as_str().unwrap();
        match (f["tag"].as_str().unwrap(), f["type"].as_str().unwrap()) {
            // From the task list, the first task.
            ("A", _) if heading == "Check a video tool" => {
                let href = b.js("return document.activeElement.getAttribute('href')").await;
                if href.as_str() == Some("#/about") {
                    press(&b, &Key::Enter.to_string()).await;
                    b.heading_is("About you").await;
                } else {
                    press(&b, &Key::Tab.to_string()).await;
                }
            }
            // An unanswered question: Space picks the focused (first) choice.
            ("INPUT", "radio") if !f["answered"].as_bool().unwrap() => {
                press(&b, " ").await;
                press(&b, &Key::Tab.to_string()).await;
            }
            ("INPUT", "text" | "email") if f["value"].as_str() == Some("") => {
                if let Some((_, text)) = typed.iter().find(|(field, _)| *field == id) {
                    press(&b, text).await;
                }
                press(&b, &Key::Tab.to_string()).await;
            }
            ("BUTTON", _) if id == "continue" => {
                press(&b, &Key::Enter.to_string()).await;
                let deadline = Instant::now() + Duration::from_secs(10);
                while b.text(".vtc h1").await == heading {
                    assert!(Instant::now() < deadline, "Enter on Continue did not leave {heading}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
                // Focus moves to the new screen's heading.
                tokio::time::sleep(Duration::from_millis(100)).await;
                let now = focused(&b).await;
                assert_eq!(now["tag"], "H1", "focus did not move to the new heading after {heading}");
            }
            _ => press(&b, &Key::Tab.to_string()).await,
        }
    }
    assert!(b.text("#outcome").await.contains("Ready to use"), "{}", b.text("#outcome").await);
    assert!(b.text("#details").await.contains("Keyboard Surgery"));
    b.close().await;
}

/// Waits until the element with this id has keyboard focus, and fails with
/// what has it instead.
async fn focus_reaches(b: &Browser, id: &str, after: &str) {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let now = b.js("const e = document.activeElement; return (e.id || '') + ' ' + e.tagName + ' ' + e.textContent.slice(0, 40)").await;
        let now = now.as_str().unwrap().to_string();
        if now.split(' ').next() == Some(id) {
            return;
        }
        assert!(Instant::now() < deadline, "after {after}, focus is on {now:?}, not #{id}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn focus_and_press(b: &Browser, css: &str, key: Key) {
    b.js(&format!("document.querySelector('{css}').focus(); return true")).await;
    press(b, &key.to_string()).await;
}

// A button that asks "are you sure?" is replaced by the question. Focus must
// follow it there and come back, or a keyboard or screen reader user is
// left at the top of the page, or nowhere, not knowing what appeared.
#[tokio::test]
async fn questions_before_deleting_keep_the_keyboard_in_place() {
    let b = Browser::start(1000).await;
    b.open("").await;
    b.heading_is("Check a video tool").await;
    focus_and_press(&b, "#start-again", Key::Enter).await;
    focus_reaches(&b, "confirm-start-again-question", "Start again").await;
    press(&b, &Key::Tab.to_string()).await;
    focus_reaches(&b, "start-again-confirm", "Tab in the question").await;
    press(&b, &Key::Tab.to_string()).await;
    press(&b, &Key::Enter.to_string()).await;
    focus_reaches(&b, "start-again", "No, keep my answers").await;
    assert!(!b.exists("#confirm-start-again").await, "the question is still shown");

    // Each button in a row of the list of assessments.
    b.open("#/assessments").await;
    b.heading_is("Your assessments").await;
    let first = b.attr(".vtc-saved", "id").await.unwrap();
    let id = first.strip_prefix("saved-").unwrap().to_string();
    let delete = format!("delete-{id}");

    focus_and_press(&b, &format!("#{delete}"), Key::Enter).await;
    focus_reaches(&b, &format!("confirm-delete-{id}"), "Delete").await;
    press(&b, &Key::Tab.to_string()).await;
    press(&b, &Key::Tab.to_string()).await;
    press(&b, &Key::Enter.to_string()).await;
    focus_reaches(&b, &delete, "No, keep it").await;

    press(&b, &Key::Enter.to_string()).await;
    focus_reaches(&b, &format!("confirm-delete-{id}"), "Delete again").await;
    press(&b, &Key::Tab.to_string()).await;
    press(&b, &Key::Enter.to_string()).await;
    focus_reaches(&b, "undo-delete", "Yes, delete it").await;
    assert!(!b.exists(&format!("#{first}")).await, "the assessment was not deleted");
    press(&b, &Key::Enter.to_string()).await;
    focus_reaches(&b, &delete, "Undo").await;
    assert!(b.exists(&format!("#{first}")).await, "undo did not bring the assessment back");

    focus_and_press(&b, &format!("#rename-button-{id}"), Key::Enter).await;
    focus_reaches(&b, &format!("rename-{id}"), "Rename").await;
    press(&b, "Zoom check").await;
    press(&b, &Key::Tab.to_string()).await;
    press(&b, &Key::Enter.to_string()).await;
    focus_reaches(&b, &format!("rename-button-{id}"), "Save name").await;
    assert!(b.text(&format!("#{first}")).await.contains("Zoom check"));

    let rows = || b.js("return document.querySelectorAll('.vtc-saved').length");
    let before = rows().await.as_u64().unwrap();
    focus_and_press(&b, &format!("#duplicate-{id}"), Key::Enter).await;
    b.wait_for(&format!(".vtc-saved:nth-child({})", before + 1)).await;
    focus_reaches(&b, &format!("duplicate-{id}"), "Duplicate").await;

    focus_and_press(&b, "#remove-everything", Key::Enter).await;
    focus_reaches(&b, "confirm-remove-everything-question", "Remove everything").await;
    b.assert_accessible("the remove-everything question").await;
    press(&b, &Key::Tab.to_string()).await;
    press(&b, &Key::Tab.to_string()).await;
    press(&b, &Key::Enter.to_string()).await;
    focus_reaches(&b, "remove-everything", "No, keep them").await;
    assert_eq!(rows().await.as_u64(), Some(before + 1), "No removed something");

    focus_and_press(&b, "#remove-everything", Key::Enter).await;
    press(&b, &Key::Tab.to_string()).await;
    press(&b, &Key::Enter.to_string()).await;
    focus_reaches(&b, "remove-everything", "Yes, remove everything").await;
    assert_eq!(rows().await.as_u64(), Some(1), "one blank assessment is left");
    assert!(b.text(".vtc-notice").await.contains("has been removed"), "nobody is told everything went");
    b.close().await;
}

#[tokio::test]
async fn two_tabs_on_the_same_assessment_do_not_undo_each_other() {
    let b = Browser::start(1000).await;
    b.open("#/section/risk").await;
    let (first, second) = b.second_tab().await;
    b.open("#/section/risk").await;

    b.client.switch_to_window(first.clone()).await.unwrap();
    b.choose("e2ee-no").await;

    b.client.switch_to_window(second).await.unwrap();
    b.until("return document.querySelector('#e2ee-no').checked", "the second tab never saw the first tab's answer")
        .await;
    assert!(b.text(".vtc-notice").await.contains("changed in another tab"));
    b.choose("data-location-yes").await;

    b.client.switch_to_window(first).await.unwrap();
    b.until(
        "return document.querySelector('#data-location-yes').checked",
        "the first tab never saw the second tab's answer",
    )
    .await;
    b.client.refresh().await.unwrap();
    b.wait_for(".vtc h1").await;
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
    b.type_into("#org-name", "Shared PC Surgery").await;
    b.until(&format!("{}?.includes('Shared PC Surgery') === true", stored_script()), "the name was never saved").await;
    let (first, _) = b.second_tab().await;
    b.open("#/assessments").await;
    b.click("#remove-everything").await;
    b.click("#remove-everything-confirm").await;

    b.client.switch_to_window(first).await.unwrap();
    b.until(
        "return document.querySelector('.vtc-notice').textContent.includes('removed from this browser in another tab')",
        "the first tab was never told",
    )
    .await;
    assert_eq!(b.js("return document.querySelector('#org-name').value").await, "");
    b.type_into("#your-name", "Robin").await;
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
    b.choose("e2ee-yes").await;
    let (first, _) = b.second_tab().await;
    b.open("").await;
    let newer = r#"{"format":"video-tool-check/library","version":99,"current":"a1","saved":[]}"#;
    b.js(&format!("localStorage.setItem('{}', {newer:?}); return true", video_tool_check::storage::KEY)).await;

    b.client.switch_to_window(first).await.unwrap();
    b.choose("data-location-no").await;
    b.wait_for("#save-problem").await;
    assert!(b.text("#save-problem").await.contains("could not read"));
    b.assert_accessible("a tab that has stopped saving").await;
    assert_eq!(b.stored(video_tool_check::storage::KEY).await, newer, "this tab wrote over what the other saved");
    assert!(
        b.js("return document.querySelector('#data-location-no').checked").await == Value::Bool(true),
        "the answer is still on screen"
    );
    // Reloaded, this older version says whose the data is, offers it as a
    // download, and still leaves it where the newer version looks.
    b.client.refresh().await.unwrap();
    b.wait_for("#unreadable-data").await;
    assert!(b.text("#unreadable-data").await.contains("newer version"));
    b.assert_accessible("saved data this version cannot read").await;
    assert_eq!(b.stored(video_tool_check::storage::KEY).await, newer, "reloading wrote over what the other saved");
    b.screenshot("19-newer-data").await;
    // The way out: set it aside, after a question, and this page saves again.
    b.click("#set-aside").await;
    b.wait_for("#confirm-set-aside").await;
    b.assert_accessible("the question before setting data aside").await;
    b.screenshot("20-set-aside-question").await;
    b.click("#set-aside-confirm").await;
    b.wait_for(".vtc-notice .nhsuk-inset-text").await;
    assert_eq!(b.stored(video_tool_check::storage::UNREADABLE_KEY).await, newer, "the newer answers were not kept");
    b.open("#/section/risk").await;
    b.choose("e2ee-no").await;
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
    b.until(
        "return document.querySelector('#working-on')?.textContent.includes('Alpha check') === true",
        "the first tab is not on Alpha",
    )
    .await;

    let (first, _) = b.second_tab().await;
    b.open("#/assessments").await;
    b.click("#saved-a2 .vtc-open").await;
    b.heading_is("Check a video tool").await;
    assert!(b.text("#working-on").await.contains("Beta check"));

    b.client.switch_to_window(first).await.unwrap();
    b.client.refresh().await.unwrap();
    b.heading_is("Check a video tool").await;
    assert!(
        b.text("#working-on").await.contains("Alpha check"),
        "the reloaded tab swapped to the other tab's assessment"
    );
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
            b.wait_for(".vtc h1").await;
            if name == "compare" {
                for t in ["compare-teams", "compare-zoom", "compare-whatsapp"] {
                    b.choose(t).await;
                }
            }
            let overflow =
                b.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth").await;
            assert_eq!(overflow.as_i64(), Some(0), "{name} scrolls sideways at {width}px");
            b.screenshot(&format!("w{width}-{name}")).await;
        }
        b.close().await;
    }
}

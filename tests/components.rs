//! Component tests: the real widget mounted in headless Chromium, driven
//! through the DOM the way a browser would, with real local storage.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use video_tool_check::storage;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// One turn of the browser's event loop, so Leptos's effects and the
/// browser's events can run.
async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits until `ready` holds, however busy the machine; fails with `what`
/// after 20 seconds. Never a fixed wait.
async fn until(what: &str, ready: impl Fn() -> bool) {
    let started = js_sys::Date::now();
    while !ready() {
        assert!(js_sys::Date::now() - started < 20_000.0, "gave up waiting: {what}");
        tick().await;
    }
}

/// Waits until the widget has drawn its first screen and run its first
/// effects: the one that remembers this tab's assessment runs beside the
/// one that saves, so after it, a save that was going to happen has.
async fn started(root: &HtmlElement) {
    until("the first screen", || root.query_selector("h1").unwrap().is_some()).await;
    let session = window().session_storage().unwrap().unwrap();
    until("the first effects", || session.get_item("video-tool-check.this-tab").unwrap().is_some()).await;
}

/// Whether `selector` matches anything now.
fn has(root: &HtmlElement, selector: &str) -> bool {
    root.query_selector(selector).unwrap().is_some()
}

/// The button whose visible text is `name`.
fn button(root: &HtmlElement, name: &str) -> HtmlElement {
    let buttons = root.query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .map(|b| b.unchecked_into::<HtmlElement>())
        .find(|b| b.text_content().unwrap_or_default().trim() == name)
        .unwrap_or_else(|| panic!("no button {name:?}"))
}

fn local() -> web_sys::Storage {
    window().local_storage().unwrap().unwrap()
}

/// A fresh page state: empty storage, the given screen, the widget mounted.
fn mount_at(hash: &str, saved: Option<&str>) -> (HtmlElement, leptos::mount::UnmountHandle<impl Mountable>) {
    local().clear().unwrap();
    // Each test is a fresh tab: no assessment remembered from an earlier one.
    window().session_storage().unwrap().unwrap().clear().unwrap();
    if let Some(text) = saved {
        local().set_item(storage::KEY, text).unwrap();
    }
    window().location().set_hash(hash).unwrap();
    let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let handle = leptos::mount::mount_to(root.clone(), video_tool_check::App);
    (root, handle)
}

fn q(root: &HtmlElement, selector: &str) -> HtmlElement {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}")).unchecked_into()
}

fn text(root: &HtmlElement, selector: &str) -> String {
    q(root, selector).text_content().unwrap_or_default()
}

fn type_into(root: &HtmlElement, selector: &str, value: &str) {
    let input: HtmlInputElement = q(root, selector).unchecked_into();
    input.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    input.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap()).unwrap();
}

/// The assessment being worked on, as saved in local storage.
fn saved() -> video_tool_check::assessment::Assessment {
    let text = local().get_item(storage::KEY).unwrap().expect("something was saved");
    storage::decode_library(&text).unwrap().current().assessment.clone()
}

#[wasm_bindgen_test]
async fn blank_start_shows_every_task_not_started() {
    let (root, _h) = mount_at("#/", None);
    started(&root).await;
    assert_eq!(text(&root, "h1"), "Check a video tool");
    let statuses = root.query_selector_all(".nhsuk-task-list__status").unwrap();
    assert!(statuses.length() >= 9);
    for i in 0..statuses.length() {
        assert_eq!(statuses.item(i).unwrap().text_content().unwrap(), "Not started");
    }
    root.remove();
}

#[wasm_bindgen_test]
async fn answering_a_check_saves_it_and_updates_the_task_status() {
    let (root, _h) = mount_at("#/section/risk", None);
    started(&root).await;
    assert_eq!(text(&root, "h1"), "Risks of the tool");
    q(&root, "#e2ee-no").click();
    until("the answer is saved", || local().get_item(storage::KEY).unwrap().is_some()).await;
    assert_eq!(saved().answers.get("e2ee"), Some(&video_tool_check::assessment::Answer::No));
    window().location().set_hash("#/").unwrap();
    until("the task list", || has(&root, "#task-risk-status")).await;
    assert_eq!(text(&root, "#task-risk-status"), "In progress");
    root.remove();
}

#[wasm_bindgen_test]
async fn each_check_says_when_its_sources_were_read_and_what_it_evidences() {
    let content = video_tool_check::content::Content::builtin();
    let (root, _h) = mount_at("#/section/safe-use", None);
    started(&root).await;
    let check = content.check("updates").unwrap();
    let why = q(&root, "#updates-why").text_content().unwrap_or_default();
    for id in check.sources {
        let source = content.source(id).unwrap();
        assert!(why.contains(source.title), "{why}");
        assert!(why.contains(&source.how_checked()), "{why}");
    }
    assert!(why.contains("Evidence for your DPO:"), "{why}");
    for reference in check.evidence {
        let (framework, item) = content.evidence_item(reference).unwrap();
        assert!(why.contains(&format!("{}: {}", framework.name, item.label)), "{why}");
    }
    // The guidance's one "must" is essential.
    let legend = q(&root, "#check-updates legend").text_content().unwrap_or_default();
    assert!(legend.contains("Essential"), "{legend}");
    root.remove();
}

#[wasm_bindgen_test]
async fn a_tab_that_is_only_opened_never_writes_over_another_tabs_answer() {
    use video_tool_check::assessment::{Answer, Assessment};
    let lib = video_tool_check::library::Library::with(Assessment::default(), "a1", "2026-11-22");
    let (root, _h) = mount_at("#/section/risk", Some(&storage::encode_library(&lib)));
    // Another tab answers while this one is still starting up, before its
    // storage event can arrive here.
    let mut answered = Assessment::default();
    answered.answer("e2ee", Answer::No);
    let mut theirs = lib.clone();
    theirs.update_current(&answered, "2026-11-22");
    let theirs = storage::encode_library(&theirs);
    local().set_item(storage::KEY, &theirs).unwrap();
    started(&root).await;
    assert_eq!(text(&root, "h1"), "Risks of the tool");
    assert_eq!(local().get_item(storage::KEY).unwrap().as_deref(), Some(theirs.as_str()));
    // The same probe sees a save when this tab does make one: it is refused
    // and said, rather than written over the other tab's answer.
    q(&root, "#data-location-yes").click();
    until("the refusal is shown", || has(&root, "#save-problem")).await;
    assert_eq!(local().get_item(storage::KEY).unwrap().as_deref(), Some(theirs.as_str()));
    root.remove();
}

#[wasm_bindgen_test]
async fn continuing_with_unanswered_checks_lists_each_one() {
    let (root, _h) = mount_at("#/section/dpia", None);
    started(&root).await;
    q(&root, "#continue").click();
    until("the error summary", || has(&root, "#error-summary li a")).await;
    let links = root.query_selector_all("#error-summary li a").unwrap();
    assert_eq!(links.length(), 2);
    assert_eq!(links.item(0).unwrap().text_content().unwrap(), "Select whether you need a new DPIA");
    assert!(links.item(1).unwrap().text_content().unwrap().contains("You have told your DPO"));
    assert!(q(&root, "#check-dpo-told").class_name().contains("nhsuk-form-group--error"));
    // Saying a DPIA covers it asks for its reference, and adds no DPIA checks.
    q(&root, "#dpia-covered").click();
    q(&root, "#dpo-told-yes").click();
    until("one error left", || root.query_selector_all("#error-summary li a").unwrap().length() == 1).await;
    let links = root.query_selector_all("#error-summary li a").unwrap();
    assert!(links.item(0).unwrap().text_content().unwrap().contains("title or reference"));
    assert!(!has(&root, "#check-dpia-risks"));
    // Needing a DPIA adds a check for each thing it must set out.
    q(&root, "#dpia-needed").click();
    until("the DPIA checks", || has(&root, "#check-dpia-risks")).await;
    assert!(q(&root, "#check-dpia-risks").class_name().contains("nhsuk-form-group--error"));
    // Still on the same screen: nothing was skipped.
    assert_eq!(text(&root, "h1"), "Data protection impact assessment (DPIA)");
    root.remove();
}

#[wasm_bindgen_test]
async fn about_you_checks_its_fields_and_keeps_what_is_typed() {
    let (root, _h) = mount_at("#/about", None);
    started(&root).await;
    q(&root, "#continue").click();
    until("the error summary", || has(&root, "#error-summary")).await;
    let summary = text(&root, "#error-summary");
    assert!(summary.contains("Select the type of organisation"));
    assert!(summary.contains("Enter the name of your organisation"));
    assert!(summary.contains("Select what you will use the tool for"));
    type_into(&root, "#org-name", "Riverside Surgery");
    type_into(&root, "#dpo-email", "not-an-email");
    until("the errors follow the typing", || text(&root, "#error-summary").contains("correct format")).await;
    assert_eq!(saved().about.org_name, "Riverside Surgery");
    assert!(!text(&root, "#error-summary").contains("name of your organisation"));
    root.remove();
}

#[wasm_bindgen_test]
async fn corrupt_saved_data_is_reported_and_kept_aside() {
    let (root, _h) = mount_at("#/", Some("{\"format\":\"video-tool-check/assessment\",\"version\":1,\"assess"));
    started(&root).await;
    assert!(text(&root, "#unreadable-data").contains("We could not read your saved answers"));
    assert_eq!(
        local().get_item(storage::UNREADABLE_KEY).unwrap().as_deref(),
        Some("{\"format\":\"video-tool-check/assessment\",\"version\":1,\"assess")
    );
    // The message is the first thing a screen reader hears.
    let focused = || document().active_element().map(|e| e.text_content().unwrap_or_default()).unwrap_or_default();
    until("focus on the message", || focused().contains("We could not read your saved answers")).await;
    // Hiding the message removes the button pressed: focus goes to the heading.
    button(&root, "Hide this message").click();
    until("the message is hidden", || !has(&root, "#unreadable-data")).await;
    let on_heading = || document().active_element().is_some_and(|e| e.tag_name() == "H1");
    until("focus on the screen's heading", on_heading).await;
    root.remove();
}

/// A library saved by a version of the widget newer than this one.
const NEWER_LIBRARY: &str = r#"{"format":"video-tool-check/library","version":99,"current":"a1","saved":[]}"#;

#[wasm_bindgen_test]
async fn answers_saved_by_a_newer_version_stay_where_it_looks_for_them() {
    let newer = NEWER_LIBRARY;
    let (root, _h) = mount_at("#/about", Some(newer));
    started(&root).await;
    assert!(text(&root, "#unreadable-data").contains("newer version"));
    // Moving it aside would hide it from the newer version that saved it.
    assert_eq!(local().get_item(storage::KEY).unwrap().as_deref(), Some(newer));
    assert_eq!(local().get_item(storage::UNREADABLE_KEY).unwrap(), None);
    // Answers given here are not saved over it, and the user is told.
    type_into(&root, "#org-name", "Riverside Surgery");
    until("the not-saved warning", || has(&root, "#save-problem")).await;
    assert_eq!(local().get_item(storage::KEY).unwrap().as_deref(), Some(newer));
    assert!(text(&root, "#save-problem").contains("could not read"));
    assert_eq!(q(&root, "#org-name").unchecked_into::<HtmlInputElement>().value(), "Riverside Surgery");
    root.remove();
}

#[wasm_bindgen_test]
async fn a_newer_versions_answers_can_be_set_aside_so_this_page_saves_again() {
    let newer = NEWER_LIBRARY;
    let (root, _h) = mount_at("#/about", Some(newer));
    started(&root).await;
    assert!(text(&root, "#unreadable-data").contains("Until you set it aside, this page cannot save your answers."));
    // The warning cannot be hidden while it blocks saving, or the way out would go with it.
    assert!(!text(&root, "#unreadable-data").contains("Hide this message"), "the warning can be hidden");
    type_into(&root, "#org-name", "Riverside Surgery");
    until("the not-saved warning", || has(&root, "#save-problem")).await;
    assert!(text(&root, "#save-problem").contains("could not read"));
    // It asks first, and only then moves anything.
    button(&root, "Set it aside and save here").click();
    until("the question", || has(&root, "#confirm-set-aside")).await;
    assert!(text(&root, "#confirm-set-aside").contains("Set the newer answers aside?"));
    assert_eq!(local().get_item(storage::KEY).unwrap().as_deref(), Some(newer));
    button(&root, "Yes, set them aside").click();
    until("the newer answers are set aside", || local().get_item(storage::UNREADABLE_KEY).unwrap().is_some()).await;
    // Nothing is lost: the newer answers have a key of their own, and what
    // was typed before is saved at once, without typing it again.
    assert_eq!(local().get_item(storage::UNREADABLE_KEY).unwrap().as_deref(), Some(newer));
    until("the typed answer is saved", || saved().about.org_name == "Riverside Surgery").await;
    until("the not-saved warning goes", || !has(&root, "#save-problem")).await;
    assert!(text(&root, "#unreadable-data").contains("set aside in this browser"));
    assert!(!text(&root, "#unreadable-data").contains("Set it aside and save here"), "the way out is still offered");
    assert!(text(&root, ".vtc-notice").contains("This page saves your answers from now on."));
    button(&root, "Hide this message").click();
    until("the warning goes", || !has(&root, "#unreadable-data")).await;
    // And so it does.
    type_into(&root, "#org-name", "Riverside Surgery PCN");
    until("the next answer is saved", || saved().about.org_name == "Riverside Surgery PCN").await;
    root.remove();
}

#[wasm_bindgen_test]
async fn typed_html_is_shown_as_text_and_the_email_goes_to_the_dpo() {
    let mut a = video_tool_check::assessment::Assessment::default();
    a.about.org_name = "<img src=x onerror=\"document.title='owned'\">".into();
    a.about.dpo_email = "dpo@example.nhs.uk".into();
    a.tool = Some(video_tool_check::assessment::ToolChoice::Listed("zoom".into()));
    let (root, _h) = mount_at("#/summary", Some(&storage::encode(&a, "2026-11-22")));
    started(&root).await;
    until("the details", || has(&root, "#details")).await;
    assert!(!has(&root, "#details img"));
    assert!(text(&root, "#details").contains("<img src=x onerror="));
    let href = q(&root, "#email-dpo").get_attribute("href").unwrap();
    assert!(href.starts_with("mailto:dpo@example.nhs.uk?subject="), "{href}");
    assert!(text(&root, "#unfinished").contains("This check is not finished"));
    root.remove();
}

#[wasm_bindgen_test]
async fn start_again_asks_first_then_deletes() {
    let mut a = video_tool_check::assessment::Assessment::default();
    a.about.org_name = "Oak House".into();
    let (root, _h) = mount_at("#/", Some(&storage::encode(&a, "2026-11-22")));
    started(&root).await;
    q(&root, "#start-again").click();
    until("the question", || has(&root, "#confirm-start-again")).await;
    assert!(text(&root, "#confirm-start-again").contains("Delete your answers?"));
    assert!(local().get_item(storage::KEY).unwrap().is_some());
    q(&root, "#confirm-start-again .nhsuk-button--warning").click();
    until("the answers are deleted", || saved().is_blank()).await;
    until("the task list shows it", || text(&root, "#task-about-status") == "Not started").await;
    root.remove();
}

#[wasm_bindgen_test]
async fn full_storage_is_reported_at_once_and_the_answer_stays_on_screen() {
    let (root, _h) = mount_at("#/section/risk", None);
    started(&root).await;
    // Fill this origin's storage to the brim, as years of other apps might.
    let chunk = "x".repeat(512 * 1024);
    let mut i = 0;
    while local().set_item(&format!("filler-{i}"), &chunk).is_ok() {
        i += 1;
        assert!(i < 200, "storage never filled");
    }
    let mut j = 0;
    for size in [16 * 1024, 1024, 64, 4, 1] {
        let piece = "y".repeat(size);
        while local().set_item(&format!("small-{j}"), &piece).is_ok() {
            j += 1;
        }
    }
    q(&root, "#e2ee-no").click();
    until("the warning", || has(&root, "#save-problem")).await;
    let warning = text(&root, "#save-problem");
    assert!(warning.contains("Your latest answers are not saved"), "{warning}");
    assert!(warning.contains("full"), "{warning}");
    let radio: HtmlInputElement = q(&root, "#e2ee-no").unchecked_into();
    assert!(radio.checked(), "the answer vanished from the screen");
    local().clear().unwrap();
    // Room again: the next answer saves everything, the earlier one included.
    q(&root, "#data-location-yes").click();
    until("the warning goes", || !has(&root, "#save-problem")).await;
    assert_eq!(saved().answers.get("e2ee"), Some(&video_tool_check::assessment::Answer::No));
    root.remove();
}

#[wasm_bindgen_test]
async fn hostile_text_is_only_ever_text_on_every_screen() {
    use video_tool_check::assessment::{ActionPlan, Answer, Assessment, DpiaDecision, ToolChoice};
    let hostile = "<img src=x onerror=\"document.title='owned'\"><script>document.title='owned'</script>javascript:alert(1) \u{202e}ǅ𝕏";
    let mut a = Assessment::default();
    a.about.org_name = hostile.into();
    a.about.dpo_name = hostile.into();
    a.about.dpo_email = "dpo@example.nhs.uk".into();
    a.tool = Some(ToolChoice::Other(hostile.into()));
    a.dpia.decision = Some(DpiaDecision::NotNeeded);
    a.dpia.reason = hostile.into();
    a.answer("e2ee", Answer::No);
    a.plans.insert("e2ee".into(), ActionPlan { owner: hostile.into(), due: "2026-12-01".into(), done: false });
    let (root, _h) = mount_at("#/summary", Some(&storage::encode(&a, "2026-11-22")));
    started(&root).await;
    for (hash, heading) in [
        ("#/summary", "Your summary"),
        ("#/", "Check a video tool"),
        ("#/tool", "Choose your video tool"),
        ("#/about", "About you"),
        ("#/assessments", "Your assessments"),
        ("#/section/dpia", "Data protection impact assessment (DPIA)"),
    ] {
        window().location().set_hash(hash).unwrap();
        until(&format!("the screen {hash}"), || text(&root, "h1") == heading).await;
        assert!(root.query_selector("img, script, iframe, object").unwrap().is_none(), "markup got in on {hash}");
        assert!(root.query_selector("a[href^='javascript']").unwrap().is_none(), "a javascript: link on {hash}");
        assert_ne!(document().title(), "owned");
    }
    window().location().set_hash("#/summary").unwrap();
    until("the summary", || has(&root, "#details")).await;
    // Shown as text, isolated, without the override that could reorder the line.
    let shown = video_tool_check::user_text::without_bidi_controls(hostile);
    assert!(text(&root, "#details").contains(&shown));
    let owner: HtmlInputElement = q(&root, "#owner-e2ee").unchecked_into();
    assert_eq!(owner.value(), hostile);
    root.remove();
}

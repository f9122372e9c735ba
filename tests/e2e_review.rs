//! End-to-end: a practice and its DPO, in two browser profiles, answer each
//! other by file, with no server. The practice sends its report; the DPO
//! opens it, records decisions and conditions, and sends it back; the
//! practice imports it and sees them; an answer changed afterwards is marked
//! for both.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use support::{button, disclosure, field, heading, link, percent_decode, question, radio, Browser, TempDir};
use video_tool_check::assessment::{About, Answer, Assessment, DpiaDecision, OrgType, Purpose, ToolChoice};
use video_tool_check::content::Content;
use video_tool_check::library::Library;

const IMPORT: &str = "Choose a report or JSON file you downloaded from Video Tool Check";
const OPEN_FOR_REVIEW: &str = "Open the practice's report or JSON file";
const DEVICES: &str = "managed-devices";

/// Riverside Surgery's finished check of Teams: one action, on devices.
fn practice_check() -> Assessment {
    let mut a = Assessment {
        about: About {
            org_type: Some(OrgType::Gp),
            org_name: "Riverside Surgery".into(),
            your_name: "Sam Lee, practice manager".into(),
            contact_email: "sam.lee@riverside.example.nhs.uk".into(),
            dpo_email: "dpo@example.nhs.uk".into(),
            purpose: Some(Purpose::Patients),
            ..Default::default()
        },
        tool: Some(ToolChoice::Listed("teams".into())),
        ..Default::default()
    };
    a.dpia.decision = Some(DpiaDecision::NotNeeded);
    a.dpia.reason = "Covered by the practice's remote consultation DPIA".into();
    for c in Content::builtin().checks {
        if a.applies(c) {
            a.answer(c.id, Answer::Yes);
        }
    }
    a.answer(DEVICES, Answer::No);
    a
}

/// Moves a downloaded file where the other profile can choose it, so the
/// next download is the only one in the folder.
fn hand_over(from: &Browser, name: &str, to: &TempDir) -> std::path::PathBuf {
    let path = to.0.join(name);
    std::fs::rename(from.downloads.join(name), &path).unwrap();
    path
}

#[tokio::test]
async fn a_practice_and_its_dpo_review_a_check_by_email_with_no_server() {
    let post = TempDir::new("post");
    let devices = question(DEVICES);

    // The practice downloads its report.
    let practice = Browser::start(1000).await;
    practice.seed(&Library::with(practice_check(), "a1", "2026-12-01"), "#/summary").await;
    practice.click(&button("Download summary")).await;
    let (sent_name, sent) = practice.downloaded(".html").await;
    let first_report = sent.clone();
    assert!(sent.contains("Your DPO can open this file in Video Tool Check to review it."));
    let sent = hand_over(&practice, &sent_name, &post);

    // The DPO, in another profile, opens it.
    let dpo = Browser::start(1000).await;
    dpo.open("").await;
    dpo.click(&link("Review a practice's check")).await;
    dpo.heading_is("Review a practice's check").await;
    dpo.choose_file(OPEN_FOR_REVIEW, &sent).await;
    dpo.find(&heading("The practice's check")).await;
    assert!(dpo.definition("Organisation").await.contains("Riverside Surgery"));
    assert!(dpo.definition("Their email").await.contains("sam.lee@riverside.example.nhs.uk"));

    // A decision on the action, with a reason and a condition of their own.
    dpo.click(&disclosure("Record your decision").starting().in_item_containing(devices)).await;
    dpo.click(&radio("Your decision", "Needs changes").in_item_containing(devices)).await;
    dpo.type_into(&field("Reason").starting().in_item_containing(devices), "Two reception laptops are personal.").await;
    dpo.type_into(
        &field("Your condition for this action").starting().in_item_containing(devices),
        "Enrol both laptops in device management.",
    )
    .await;
    // The decision on the whole check.
    dpo.choose("Can the practice use this tool?", "Approved with conditions").await;
    dpo.type_into(&field("Conditions"), "Use NHSmail accounts only.").await;
    dpo.type_into(&field("Your name"), "Dana Patel").await;
    dpo.type_into(&field("Your role"), "Data protection officer").await;
    let reviewed_on = dpo.value(&field("Date of your review")).await;
    assert_eq!(
        dpo.value(&field("Date of the next review")).await,
        video_tool_check::review::a_year_after(&reviewed_on),
        "the next review is a year on"
    );
    dpo.assert_accessible("the review with decisions").await;
    dpo.screenshot("50-review").await;

    // The email back to the practice.
    let href = dpo.attr(&link("Email the practice"), "href").await.unwrap();
    let (to, query) = href.strip_prefix("mailto:").unwrap().split_once('?').unwrap();
    assert_eq!(to, "sam.lee@riverside.example.nhs.uk");
    let (subject, body) = query.strip_prefix("subject=").unwrap().split_once("&body=").unwrap();
    assert_eq!(
        percent_decode(subject),
        "Video tool check reviewed: Riverside Surgery, Microsoft Teams, Approved with conditions"
    );
    let body = percent_decode(body);
    assert!(body.contains("Decision: Approved with conditions by Dana Patel, Data protection officer"), "{body}");
    assert!(body.contains("- Use NHSmail accounts only."), "{body}");
    assert!(body.contains("- Enrol both laptops in device management."), "{body}");
    assert!(body.contains("attach"), "{body}");

    // The reviewed report.
    dpo.click(&button("Download the reviewed report")).await;
    let (reviewed_name, reviewed) = dpo.downloaded("-reviewed.html").await;
    assert!(reviewed.contains("<h2>Your DPO's review</h2>"), "no review in the report");
    assert!(reviewed.contains("<bdi>Enrol both laptops in device management.</bdi>"));
    let reviewed = hand_over(&dpo, &reviewed_name, &post);

    // The decision goes into the DPO's own log of approved tools.
    dpo.click(&button("Add your decision to your log")).await;
    dpo.click(&link("See your log of approved tools")).await;
    dpo.heading_is("Your log of approved video tools").await;
    let entry = dpo.text(&support::item("Microsoft Teams")).await;
    assert!(entry.contains("Approved with conditions") && entry.contains("Use NHSmail accounts only."), "{entry}");
    dpo.open("dpo/#/review").await;

    // The practice imports it and sees every decision, reason and condition.
    practice.open("#/assessments").await;
    practice.choose_file(IMPORT, &reviewed).await;
    practice.click(&button("Add it to your assessments")).await;
    practice.heading_is("Your summary").await;
    let review = practice.section_text("Your DPO's review").await;
    assert!(review.contains("Approved with conditions by Dana Patel, Data protection officer"), "{review}");
    assert!(review.contains("Use NHSmail accounts only."), "{review}");
    assert!(review.contains("Enrol both laptops in device management."), "{review}");
    let answers = practice.section_text("Your answers").await;
    assert!(answers.contains("Your DPO: Needs changes. Two reception laptops are personal."), "{answers}");
    practice.assert_accessible("the summary with the DPO's review").await;
    practice.open("").await;
    assert!(practice.text_starting("Your DPO's review:").await.contains("Approved with conditions"));

    // The practice changes that answer: marked on screen and in the next report.
    practice.open("#/section/safe-use").await;
    practice.choose(devices, "Yes").await;
    practice.open("#/summary").await;
    let changed = practice.section_text("Changed since the DPO's review").await;
    assert!(changed.contains(devices), "{changed}");
    practice.click(&button("Download summary")).await;
    let (again_name, again) = practice.downloaded(".html").await;
    assert_ne!(again, first_report, "the same report twice");
    assert!(again.contains("<strong>Changed since the DPO's review.</strong>"), "the report does not mark the change");
    let again = hand_over(&practice, &again_name, &post);

    // The DPO sees the same mark when the file comes back.
    dpo.open("dpo/#/review").await;
    dpo.choose_file(OPEN_FOR_REVIEW, &again).await;
    dpo.text_with(&support::item(devices), "Changed since your review").await;
    practice.close().await;
    dpo.close().await;
}

#[tokio::test]
async fn a_check_a_year_old_is_due_and_this_years_review_asks_again_what_changed() {
    let content = Content::builtin();
    let mut last_year = practice_check();
    last_year.answer(DEVICES, Answer::Yes);
    last_year.guidance_version = "2026.11.1".into();
    let b = Browser::start(1000).await;
    b.seed(&Library::with(last_year, "a1", "2025-11-01"), "#/assessments").await;
    let row = b.text(&support::item("Microsoft Teams for Riverside Surgery")).await;
    assert!(row.contains("Next review: 1 November 2026.") && row.contains("Overdue"), "{row}");
    b.assert_accessible("an overdue review").await;
    b.click(&button("Start this year's review").starting().in_item("Microsoft Teams for Riverside Surgery")).await;
    b.heading_is("Check a video tool").await;

    // The check whose meaning changed in this version is asked again, with what it used to ask.
    let changed = content.check(DEVICES).unwrap().changed.as_ref().expect("its meaning changed in this version");
    b.open("#/section/safe-use").await;
    let devices = b.text(&support::group(question(DEVICES))).await;
    assert!(devices.contains("answer it again") && devices.contains(changed.what), "{devices}");
    assert!(!b.is_checked(&radio(question(DEVICES), "Yes")).await, "the old answer was carried over");
    // One that did not change keeps last year's answer.
    assert!(content.check("updates").unwrap().changed.is_none());
    assert!(b.is_checked(&radio(question("updates"), "Yes")).await);
    b.click(&radio(question(DEVICES), "Yes")).await;
    // The note goes from that question once it is answered.
    let note_gone = format!(
        "const q = [...document.querySelectorAll('fieldset')].find((f) => f.innerText.includes({}));
         return !!q && !q.innerText.includes('answer it again');",
        serde_json::json!(question(DEVICES))
    );
    b.until(&note_gone, "the note to go once answered").await;
    b.open("#/assessments").await;
    assert_eq!(b.items_under("Your assessments").await.len(), 2);
    b.close().await;
}

#[tokio::test]
async fn a_dpo_can_review_with_the_keyboard_alone() {
    use fantoccini::key::Key;
    let post = TempDir::new("keyboard-post");
    let path = post.0.join("practice.json");
    let a = practice_check();
    std::fs::write(
        &path,
        video_tool_check::export::file::json(
            &a,
            &video_tool_check::summary::DpoSummary::new(&a, Content::builtin(), "2026-12-01"),
            "",
        ),
    )
    .unwrap();
    let devices = question(DEVICES);

    let b = Browser::start(1000).await;
    b.open("dpo/#/review").await;
    b.choose_file(OPEN_FOR_REVIEW, &path).await;
    b.find(&heading("The practice's check")).await;
    // The file chooser is the browser's own dialog; from the first question on, Tab does it all.
    b.focus(&disclosure("Record your decision").starting().in_item_containing(question("risk-assessment"))).await;
    let (mut opened, mut decided, mut reasoned, mut overall, mut named) = (false, false, false, false, false);
    let mut presses = 0;
    loop {
        presses += 1;
        assert!(presses < 2000, "gave up after {presses} key presses");
        let f = b.focused().await;
        let (role, name) = (f["role"].as_str().unwrap_or_default(), f["name"].as_str().unwrap_or_default());
        let tab = Key::Tab.to_string();
        match role {
            "summary" if !opened && name.starts_with("Record your decision") && name.contains(devices) => {
                b.press_keys(&Key::Enter.to_string()).await;
                opened = true;
                b.press_keys(&tab).await;
            }
            // Space picks the focused, first, choice: Accepted.
            "radio" if opened && !decided && name == "Accepted" => {
                b.press_keys(" ").await;
                decided = true;
                b.find(&field("Reason").starting().in_item_containing(devices)).await;
                b.press_keys(&tab).await;
            }
            "textbox" if decided && !reasoned && name.starts_with("Reason") => {
                b.press_keys("Managed laptops only, checked on a visit.").await;
                reasoned = true;
                b.press_keys(&tab).await;
            }
            "radio" if !overall && name == "Approved" => {
                b.press_keys(" ").await;
                overall = true;
                b.press_keys(&tab).await;
            }
            "textbox" if overall && !named && name == "Your name" => {
                b.press_keys("Kay Board").await;
                named = true;
                b.press_keys(&tab).await;
            }
            "button" if name == "Download the reviewed report" => {
                b.press_keys(&Key::Enter.to_string()).await;
                break;
            }
            _ => b.press_keys(&tab).await,
        }
    }
    assert!(opened && decided && reasoned && overall && named, "a step was never reached by Tab");
    let (_, report) = b.downloaded("-reviewed.html").await;
    assert!(report.contains("Approved by <bdi>Kay Board</bdi>"), "the decision is not in the report");
    assert!(report.contains("<bdi>Managed laptops only, checked on a visit.</bdi>"));
    b.close().await;
}

#[tokio::test]
async fn the_review_fits_a_phone_screen() {
    let post = TempDir::new("phone-post");
    let path = post.0.join("practice.json");
    let a = practice_check();
    let summary = video_tool_check::summary::DpoSummary::new(&a, Content::builtin(), "2026-12-01");
    std::fs::write(&path, video_tool_check::export::file::json(&a, &summary, "")).unwrap();
    let b = Browser::start(320).await;
    b.open("dpo/#/review").await;
    b.choose_file(OPEN_FOR_REVIEW, &path).await;
    b.find(&heading("The practice's check")).await;
    let devices = question(DEVICES);
    b.click(&disclosure("Record your decision").starting().in_item_containing(devices)).await;
    b.click(&radio("Your decision", "Needs changes").in_item_containing(devices)).await;
    b.find(&field("Your condition for this action").starting().in_item_containing(devices)).await;
    let sideways = b.sideways_scroll().await;
    assert_eq!(sideways, 0, "the review scrolls sideways at 320px");
    b.assert_accessible("the review on a phone").await;
    b.screenshot("51-review-320").await;
    b.close().await;
}

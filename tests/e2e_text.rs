//! End-to-end tests of what a person reads: text that people type cannot
//! reorder the widget's own words, on screen, in the downloaded report, in the
//! text download and in the email; and every control is named in context.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use serde_json::{json, Value};
use support::{button, disclosure, link, percent_decode, Browser, TempDir};
use video_tool_check::assessment::{
    About, ActionPlan, Answer, Assessment, DpiaDecision, DpiaScreening, OrgType, Purpose, ToolChoice,
};
use video_tool_check::library::Library;
use video_tool_check::storage;

/// A right-to-left override, a left-to-right isolate and a NUL: typed into a
/// name, the override alone used to draw the rest of the line backwards.
const RLO: char = '\u{202e}';
const LRI: char = '\u{2066}';
const NUL: char = '\u{0}';
/// An Arabic name, typed in earnest.
const ARABIC: &str = "علي حسن";
const EMAIL: &str = "dpo@example.nhs.uk";

fn hostile(label: &str) -> String {
    format!("{label} {RLO}Patel{LRI} {NUL}{ARABIC}")
}

/// An assessment with hostile text in every free-text field.
fn hostile_assessment() -> Assessment {
    let mut a = Assessment {
        about: About {
            org_type: Some(OrgType::Gp),
            org_name: hostile("Riverside"),
            your_name: hostile("Sam"),
            dpo_name: hostile("Dana"),
            dpo_email: EMAIL.into(),
            contact_email: String::new(),
            purpose: Some(Purpose::Patients),
        },
        tool: Some(ToolChoice::Other(hostile("Pexip"))),
        dpia: DpiaScreening {
            decision: Some(DpiaDecision::Covered),
            reference: hostile("DPIA"),
            reason: String::new(),
        },
        ..Default::default()
    };
    a.answer("updates", Answer::No);
    a.plans.insert("updates".into(), ActionPlan { owner: hostile("Jo"), due: "2026-12-01".into(), done: false });
    a
}

/// Where each character of `text` is drawn in the first element (of those
/// `selector` matches) whose text contains it: the middle of each
/// character's box, measured with a Range as the browser lays the glyphs
/// out. Null until such an element is drawn.
const GLYPHS: &str = "
    const [selector, text] = arguments;
    const el = [...document.querySelectorAll(selector)].find((e) => e.textContent.includes(text));
    if (!el) return null;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const chars = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      for (let i = 0; i < n.data.length; i++) chars.push([n, i]);
    }
    const flat = chars.map(([n, i]) => n.data[i]).join('');
    const at = flat.indexOf(text);
    if (at < 0) return null;
    const xs = [], ys = [];
    for (let k = at; k < at + text.length; k++) {
      const [n, i] = chars[k];
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + 1);
      const box = r.getBoundingClientRect();
      xs.push(box.left + box.width / 2);
      ys.push(box.top + box.height / 2);
    }
    return {xs, ys, line: el.textContent};";

/// Waits for `text` inside `selector`, then checks each of its characters is
/// drawn after the one before as English reads: to its right on the same
/// line, or on a line below.
async fn drawn_left_to_right(b: &Browser, selector: &str, text: &str, what: &str) {
    let args = vec![json!(selector), json!(text)];
    let mut found = Value::Null;
    for _ in 0..200 {
        found = b.client.execute(GLYPHS, args.clone()).await.unwrap();
        if !found.is_null() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(!found.is_null(), "{what}: {text:?} is never drawn in {selector}");
    let xs: Vec<f64> = serde_json::from_value(found["xs"].clone()).unwrap();
    let ys: Vec<f64> = serde_json::from_value(found["ys"].clone()).unwrap();
    let next_line = |i: usize| ys[i] > ys[i - 1] + 4.0;
    let backwards: Vec<usize> = (1..xs.len()).filter(|&i| !next_line(i) && xs[i] <= xs[i - 1]).collect();
    assert!(
        backwards.is_empty(),
        "{what}: {text:?} is drawn out of order at characters {backwards:?} (x: {xs:?}) in {:?}",
        found["line"]
    );
}

/// The bidirectional controls and invisible controls that must not reach plain text.
fn controls_in(text: &str) -> Vec<String> {
    text.chars()
        .filter(|&c| {
            matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
                || (c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        })
        .map(|c| format!("U+{:04X}", c as u32))
        .collect()
}

/// Whether the check below sees a reversal when there is one: the line the
/// issue reported, "Dana (ku.shn.elpmaxe@opd) letaP", made with no isolation.
async fn the_probe_sees_a_reversed_line(b: &Browser) -> bool {
    b.js(&format!(
        "const p = document.createElement('p'); p.className = 'probe';
         p.textContent = 'Dana {RLO}Patel ({EMAIL})'; document.body.append(p); return true;"
    ))
    .await;
    let found = b.client.execute(GLYPHS, vec![json!("p.probe"), json!(format!("({EMAIL})"))]).await.unwrap();
    b.js("document.querySelector('p.probe').remove(); return true;").await;
    let xs: Vec<f64> = serde_json::from_value(found["xs"].clone()).unwrap();
    (1..xs.len()).any(|i| xs[i] <= xs[i - 1])
}

#[tokio::test]
async fn typed_text_cannot_reorder_the_widgets_words_on_screen_or_in_the_report() {
    let b = Browser::start(1000).await;
    let mut lib = Library::with(hostile_assessment(), "a1", "2026-11-22");
    lib.saved[0].name = hostile("Review");
    b.seed(&lib, "#/summary").await;
    b.heading_is("Your summary").await;
    assert!(the_probe_sees_a_reversed_line(&b).await, "the measurement cannot tell a reversed line");

    // The summary row that the hostile name used to turn round: the name,
    // then ", " and the email address, all in order.
    drawn_left_to_right(&b, "dd", &format!(", {EMAIL}"), "the DPO row on screen").await;
    drawn_left_to_right(&b, "dd", "Covered by an existing DPIA: ", "the DPIA row on screen").await;
    drawn_left_to_right(&b, "span", "Outcome for ", "the outcome on screen").await;
    drawn_left_to_right(&b, "p", "Because you answered No to:", "the action on screen").await;
    // The assessment's own name, on the list of assessments: the "Open now"
    // tag after it still reads left to right.
    b.open("#/assessments").await;
    drawn_left_to_right(&b, "h3", "Open now", "the list of assessments").await;

    // The Arabic name still reads right to left in its own field.
    b.open("#/about").await;
    let direction = b
        .js("return getComputedStyle([...document.querySelectorAll('input')].find(i => i.value.includes('Dana'))).direction")
        .await;
    assert_eq!(direction, json!("ltr"), "a name that starts in English reads left to right");
    b.js(&format!(
        "const i = [...document.querySelectorAll('input')].find(i => i.value.includes('Sam'));
         i.value = '{ARABIC}'; i.dispatchEvent(new Event('input', {{bubbles: true}})); return true;"
    ))
    .await;
    let direction = b
        .js(&format!(
            "return getComputedStyle([...document.querySelectorAll('input')].find(i => i.value === '{ARABIC}')).direction"
        ))
        .await;
    assert_eq!(direction, json!("rtl"), "an Arabic name reads right to left in its own field");

    // The downloaded report, opened in the browser as a DPO would open it.
    b.open("#/summary").await;
    b.click(&button("Download summary")).await;
    let (_, report) = b.downloaded(".html").await;
    let dir = TempDir::new("report");
    let path = dir.0.join("report.html");
    std::fs::write(&path, &report).unwrap();
    b.client.goto(&format!("file://{}", path.display())).await.unwrap();
    drawn_left_to_right(&b, "td", &format!(" ({EMAIL})"), "the DPO row in the report").await;
    drawn_left_to_right(&b, "td", "Covered by an existing DPIA: ", "the DPIA row in the report").await;
    drawn_left_to_right(&b, "h1", "Video tool check: summary for your data protection officer", "the report's heading")
        .await;
    b.close().await;
}

#[tokio::test]
async fn the_text_download_and_the_email_carry_no_controls_from_typed_text() {
    let b = Browser::start(1000).await;
    b.seed(&Library::with(hostile_assessment(), "a1", "2026-11-22"), "#/summary").await;
    b.heading_is("Your summary").await;
    let href = b.attr(&link("Email your DPO"), "href").await.unwrap();
    let mail = percent_decode(href.strip_prefix("mailto:").unwrap());
    assert_eq!(controls_in(&mail), Vec::<String>::new(), "the email: {mail}");
    assert!(mail.contains(ARABIC), "the Arabic name is kept: {mail}");
    assert!(mail.contains("Hello Dana Patel"), "{mail}");

    b.click(&disclosure("Other ways to save or send it")).await;
    b.click(&button("Download as text")).await;
    let (_, text) = b.downloaded(".txt").await;
    assert_eq!(controls_in(&text), Vec::<String>::new(), "the text download: {text}");
    assert!(text.contains(&format!("Organisation: Riverside Patel {ARABIC} (GP practice")), "{text}");
    b.close().await;
}

/// Every control on every screen has a name of its own, as a screen reader
/// hears it: a radio button with its question.
#[tokio::test]
async fn every_control_is_named_in_context_on_every_screen() {
    let b = Browser::start(1000).await;
    let mut second = hostile_assessment();
    second.about.org_name = "Oak House".into();
    let mut lib = Library::with(hostile_assessment(), "a1", "2026-11-22");
    lib.add(second, "", "a2".into(), "2026-11-23");
    let mut plans = Assessment::default();
    for id in ["updates", "e2ee", "recording-control"] {
        plans.answer(id, Answer::No);
    }
    plans.about = lib.current().assessment.about.clone();
    plans.tool = Some(ToolChoice::Listed("teams".into()));
    // Reviewed by a DPO, who decided on two of the actions.
    let mut review = video_tool_check::review::DpoReview::start(&plans, "2026-12-02");
    for id in ["updates", "e2ee"] {
        let verdict = video_tool_check::review::Verdict::NeedsChange;
        let decision = video_tool_check::review::Decision {
            verdict,
            reason: hostile("Reason"),
            condition: hostile("Condition"),
            due: String::new(),
        };
        review.decisions.insert(id.into(), decision);
    }
    plans.review = Some(review);
    lib.add(plans, "Three actions", "a3".into(), "2026-11-24");
    b.seed(&lib, "#/").await;

    let mut screens = vec![
        "#/",
        "#/about",
        "#/tool",
        "#/summary",
        "#/assessments",
        "#/compare",
        "dpo/#/review",
        "dpo/#/log",
        "dpo/#/setup",
    ];
    let sections: Vec<String> =
        video_tool_check::content::Content::builtin().sections.iter().map(|s| format!("#/section/{}", s.id)).collect();
    screens.extend(sections.iter().map(String::as_str));
    for hash in screens {
        b.open(hash).await;
        if hash == "#/compare" {
            b.click(&support::checkbox("Microsoft Teams")).await;
            b.click(&support::checkbox("Zoom")).await;
            b.find(&button("Check Zoom")).await;
        }
        let found = b.control_names().await;
        assert!(found.len() > 1, "{hash}: no controls found");
        let unnamed: Vec<&String> = found.iter().filter(|n| n.trim().is_empty() || n.ends_with(": ")).collect();
        assert!(unnamed.is_empty(), "{hash}: controls without a name");
        let mut repeated: Vec<&String> = found.iter().filter(|n| found.iter().filter(|m| m == n).count() > 1).collect();
        repeated.dedup();
        assert!(repeated.is_empty(), "{hash}: these names are used by more than one control: {repeated:?}");
    }
    b.close().await;
}

/// Unreadable saved data is the first thing a screen reader user hears.
#[tokio::test]
async fn unreadable_data_on_opening_takes_focus_and_is_read_out() {
    let b = Browser::start(1000).await;
    b.open("").await;
    b.js(&format!("localStorage.setItem('{}', '{{\"format\": broken'); return true;", storage::KEY)).await;
    b.client.refresh().await.unwrap();
    b.h1().await;
    let heading = support::heading("We could not read your saved answers");
    b.focus_reaches(&heading, "opening the page").await;
    let description = b.description(&heading).await;
    assert!(description.contains("The saved answers could not be read"), "{description}");
    b.close().await;
}

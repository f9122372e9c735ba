//! End-to-end: what the widget says about its own guidance, as a DPO checks
//! it. Each check shows when its sources were read and what it evidences;
//! the start page dates every change; the report and the JSON carry the
//! evidence map; and calls between staff are never asked about patients.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use support::{button, disclosure, link, question, Browser, TOOL};
use video_tool_check::content::Content;

#[tokio::test]
async fn a_dpo_can_see_where_each_check_comes_from_and_what_it_evidences() {
    let content = Content::builtin();
    let b = Browser::start(1000).await;
    b.open("").await;
    b.heading_is("Check a video tool").await;

    // What changed, version by version, dated.
    b.click(&disclosure("What changed in this guidance")).await;
    let changes = b.disclosed("What changed in this guidance").await;
    let newest = &content.changes[0];
    assert!(changes.contains(&format!("Version {}, {}", newest.version, newest.date)), "{changes}");
    assert!(changes.contains(newest.items[0]), "{changes}");
    // The 2020 easing is history; today's position sits beside it.
    b.click(&disclosure(content.history.title)).await;
    let history = b.disclosed(content.history.title).await;
    assert!(history.contains("In 2020") && history.contains("Today"), "{history}");
    for paragraph in content.history.today.split("\n\n").chain(content.history.text.split("\n\n")) {
        assert!(history.contains(paragraph), "{history}");
    }
    b.assert_accessible("the start screen with the guidance's history open").await;
    b.screenshot("40-guidance-changes").await;

    // A practice that uses Teams only between staff.
    b.click(&link("About you")).await;
    b.about_a_care_home("Oak House Care Home").await;
    b.choose(TOOL, "Microsoft Teams").await;
    b.click(&button("Save and continue")).await;

    // The guidance's one "must" is essential, and says when its sources were read.
    let mut opened = false;
    let mut asked = Vec::new();
    for _ in 0..16 {
        let heading = b.h1().await;
        if heading == "Your summary" {
            break;
        }
        if !opened && b.shows(&support::group(question("updates"))).await {
            let check = support::group(question("updates"));
            b.click(&disclosure("Why this matters").starting().in_group(question("updates"))).await;
            let text = b.text_with(&check, "Evidence for your DPO:").await;
            let source = content.source(content.check("updates").unwrap().sources[0]).unwrap();
            assert!(text.contains(&format!("Checked {}.", source.checked)), "{text}");
            assert!(text.contains("Evidence for your DPO:"), "{text}");
            let (framework, item) = content.evidence_item(content.check("updates").unwrap().evidence[0]).unwrap();
            assert!(text.contains(&format!("{}: {}", framework.name, item.label)), "{text}");
            assert!(text.contains("Essential"), "{text}");
            b.assert_accessible("a check with its sources and evidence open").await;
            b.screenshot("41-check-evidence").await;
            opened = true;
        }
        asked.extend(b.answer_section(&[]).await);
        b.click(&button("Save and continue")).await;
        b.leaves(&heading).await;
    }
    assert!(opened, "the updates check was never asked; asked {asked:?}");
    // Nothing asked of a staff-only user speaks of patients.
    for id in &asked {
        let check = content.check(id).unwrap();
        for text in [check.statement, check.why, check.action] {
            assert!(!text.to_lowercase().contains("patient"), "{id} was asked of staff calls: {text}");
        }
    }

    // The report ends with the evidence map and dates every source.
    b.heading_is("Your summary").await;
    b.click(&button("Download summary")).await;
    let (name, report) = b.downloaded(".html").await;
    assert!(report.contains("<h2>Appendix: evidence map</h2>"), "no evidence map");
    assert!(report.contains("<h2>What changed in this guidance</h2>"));
    assert!(report.contains(&format!("Checked {}.", content.sources[0].checked)));
    let (framework, item) = content.evidence_item(content.check("updates").unwrap().evidence[0]).unwrap();
    assert!(report.contains(&format!("<h3>{}</h3>", framework.name)), "{}", framework.name);
    assert!(report.contains(item.label), "{}", item.label);

    // So does the JSON, for a spreadsheet.
    b.click(&disclosure("Other ways to save or send it")).await;
    b.click(&button("Download as JSON")).await;
    let (_, json) = b.downloaded(".json").await;
    let file: serde_json::Value = serde_json::from_str(&json).unwrap();
    let evidence = file["evidence"].as_array().expect("an evidence map");
    assert!(evidence.iter().any(|e| e["item"] == item.label), "{json}");

    let report_path = b.downloads.join(&name);
    b.client.goto(&format!("file://{}", report_path.display())).await.unwrap();
    b.assert_accessible("the report with its evidence map").await;
    b.close().await;
}

#[tokio::test]
async fn the_guidance_notes_fit_a_phone_screen() {
    let content = Content::builtin();
    let b = Browser::start(320).await;
    b.open("").await;
    b.heading_is("Check a video tool").await;
    b.click(&disclosure("What changed in this guidance")).await;
    b.disclosed("What changed in this guidance").await;
    b.click(&disclosure(content.history.title)).await;
    b.disclosed(content.history.title).await;
    b.assert_accessible("the guidance notes on a phone").await;
    b.screenshot("42-guidance-changes-320").await;
    let safe_use = content.section("safe-use").unwrap();
    b.open("#/section/safe-use").await;
    b.heading_is(safe_use.title).await;
    let check = support::group(question("updates"));
    b.click(&disclosure("Why this matters").starting().in_group(question("updates"))).await;
    b.text_with(&check, "Evidence for your DPO:").await;
    // Long addresses of second-hand copies wrap rather than push the page
    // sideways, for every check of every tool and the tool's own facts.
    let open_every_note = "document.querySelectorAll('details').forEach(d => d.open = true); return true;";
    // The probe sees overflow when there is some: a long unbroken address in a note.
    b.js("const p = document.createElement('p'); p.id = 'probe'; p.textContent = 'https://' + 'x'.repeat(200);
          document.querySelector('main, body').append(p); return true;")
        .await;
    assert!(b.sideways_scroll().await > 0, "the probe cannot see a page that scrolls sideways");
    b.js("document.getElementById('probe').remove(); return true;").await;
    for tool in content.tools {
        let mut a = video_tool_check::assessment::Assessment::default();
        a.about.purpose = Some(video_tool_check::assessment::Purpose::Both);
        a.dpia.decision = Some(video_tool_check::assessment::DpiaDecision::Needed);
        a.tool = Some(video_tool_check::assessment::ToolChoice::Listed(tool.id.into()));
        b.seed(&video_tool_check::library::Library::with(a.clone(), "a1", "2026-12-02"), "#/tool").await;
        b.js(open_every_note).await;
        assert_eq!(b.sideways_scroll().await, 0, "{} scrolls sideways at 320px", tool.id);
        for section in a.sections(content) {
            b.open(&format!("#/section/{}", section.id)).await;
            let title = if section.id == "tool-settings" {
                format!("Settings for {}", tool.name)
            } else {
                section.title.into()
            };
            b.heading_is(&title).await;
            b.js(open_every_note).await;
            assert_eq!(b.sideways_scroll().await, 0, "{} for {} scrolls sideways at 320px", section.id, tool.id);
        }
    }
    b.open("#/section/safe-use").await;
    b.heading_is(safe_use.title).await;
    b.click(&disclosure("Why this matters").starting().in_group(question("updates"))).await;
    b.text_with(&check, "Evidence for your DPO:").await;
    b.assert_accessible("a check's evidence on a phone").await;
    b.screenshot("43-check-evidence-320").await;
    b.close().await;
}

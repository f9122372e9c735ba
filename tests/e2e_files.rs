//! End-to-end tests of what leaves and comes back: downloads, import into a
//! fresh browser, several assessments, and printing.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use support::{button, field, heading, item, region, Browser, Engine};
use video_tool_check::assessment::{About, Answer, Assessment, OrgType, Purpose, ToolChoice};
use video_tool_check::content::Content;
use video_tool_check::library::Library;
use video_tool_check::storage;

/// A GP practice's finished check of Teams, with one No.
fn finished() -> Assessment {
    let content = Content::builtin();
    let mut a = Assessment {
        about: About {
            org_type: Some(OrgType::Gp),
            org_name: "Riverside Surgery".into(),
            dpo_name: "Dana Patel".into(),
            dpo_email: "dpo@example.nhs.uk".into(),
            purpose: Some(Purpose::Patients),
            your_name: String::new(),
            ..Default::default()
        },
        tool: Some(ToolChoice::Listed("teams".into())),
        ..Default::default()
    };
    a.dpia.decision = Some(video_tool_check::assessment::DpiaDecision::NotNeeded);
    a.dpia.reason = "Covered by the practice's remote consultation DPIA".into();
    for c in content.checks {
        if a.applies(c) {
            a.answer(c.id, Answer::Yes);
        }
    }
    a.answer("managed-devices", Answer::No);
    a
}

/// How many assessments the list of them shows.
async fn saved_count(b: &Browser) -> usize {
    b.items_under("Your assessments").await.len()
}

/// The file chooser on "Your assessments".
const IMPORT: &str = "Choose a report or JSON file you downloaded from Video Tool Check";

/// The import preview and the import error.
const PREVIEW: &str = "This is what the file holds";
const IMPORT_ERROR: &str = "We could not import that file";

async fn import(b: &Browser, path: &std::path::Path) {
    b.choose_file(IMPORT, path).await;
}

#[tokio::test]
async fn downloads_import_into_a_fresh_browser_and_bad_files_change_nothing() {
    // One browser makes the files...
    let a = Browser::start(1000).await;
    a.seed(&Library::with(finished(), "a1", "2026-11-20"), "#/summary").await;
    assert!(a.outcome().await.contains("Use with actions"));
    a.click(&button("Download summary")).await;
    let (report_name, _) = a.downloaded(".html").await;
    a.click(&support::disclosure("Other ways to save or send it")).await;
    a.click(&button("Download as JSON")).await;
    let (json_name, json) = a.downloaded(".json").await;
    assert!(json.contains("\"format\": \"video-tool-check/assessment\""), "{json}");
    let files = support::TempDir::new("files");
    let report = files.0.join(&report_name);
    std::fs::copy(a.downloads.join(&report_name), &report).unwrap();
    // A file whose extension was lost on the way.
    let no_extension = files.0.join("summary-from-email");
    std::fs::copy(a.downloads.join(&json_name), &no_extension).unwrap();
    let corrupt = files.0.join("corrupt.json");
    std::fs::write(&corrupt, &json[..json.len() / 2]).unwrap();
    let foreign = files.0.join("notes.html");
    std::fs::write(&foreign, "<html><body><script>alert(1)</script>Minutes</body></html>").unwrap();
    a.close().await;

    // ...and another, with a fresh profile, reads them back.
    let b = Browser::start(1000).await;
    b.open("#/assessments").await;
    b.heading_is("Your assessments").await;
    assert_eq!(saved_count(&b).await, 1);

    import(&b, &corrupt).await;
    let error = b.text_with(&region(IMPORT_ERROR), "could not be read").await;
    assert!(error.contains("Nothing has been changed."), "{error}");
    b.assert_accessible("an import error").await;
    b.screenshot("18-import-error").await;
    import(&b, &foreign).await;
    b.text_with(&region(IMPORT_ERROR), "not a Video Tool Check report").await;
    assert_eq!(saved_count(&b).await, 1, "a bad file changed the list");
    assert_eq!(b.value(&field(IMPORT)).await, "", "after a bad file the same file, fixed, could not be chosen again");

    // Cancel puts the user back where they chose the file, and adds nothing.
    import(&b, &report).await;
    b.click(&button("Cancel").in_region(PREVIEW)).await;
    b.focus_reaches(&field(IMPORT), "Cancel").await;
    assert!(!b.shows(&region(PREVIEW)).await, "Cancel left the preview");
    assert_eq!(saved_count(&b).await, 1, "Cancel added the file");

    import(&b, &report).await;
    let preview = b.text(&region(PREVIEW)).await;
    assert!(preview.contains("Riverside Surgery") && preview.contains("Microsoft Teams"), "{preview}");
    b.assert_accessible("an import preview").await;
    b.screenshot("11-import-preview").await;
    b.click(&button("Add it to your assessments")).await;
    b.heading_is("Your summary").await;
    b.announces("The file was added to your assessments").await;
    assert!(b.outcome().await.contains("Use with actions"));
    assert!(b
        .definition("DPIA screening")
        .await
        .contains("DPIA not needed: Covered by the practice's remote consultation DPIA"));

    b.open("#/assessments").await;
    import(&b, &no_extension).await;
    b.click(&button("Add it to your assessments")).await;
    b.heading_is("Your summary").await;
    b.open("#/assessments").await;
    assert_eq!(saved_count(&b).await, 2, "the blank one is replaced, then each import is added");
    let stored = b.stored(storage::KEY).await;
    let lib = storage::decode_library(stored.as_str().unwrap()).unwrap();
    assert!(lib.saved.iter().all(|s| s.assessment == finished()), "an import did not match the original");
    b.close().await;
}

#[tokio::test]
async fn several_assessments_can_be_renamed_copied_deleted_and_restored() {
    let b = Browser::start(1000).await;
    b.seed(&Library::with(finished(), "a1", "2026-11-20"), "#/assessments").await;
    let original = "Microsoft Teams for Riverside Surgery";
    let row = b.text(&item(original)).await;
    assert!(row.contains("Last changed 20 November 2026. Use with actions."), "{row}");

    b.click(&button("Rename").starting().in_item(original)).await;
    b.type_into(&field("New name").starting().in_item(original), "Teams review 2026").await;
    b.click(&button("Save name").starting().in_item(original)).await;
    let renamed = "Teams review 2026";
    b.find(&item(renamed)).await;
    assert!(!b.shows(&item(original)).await, "the old name is still shown");

    b.click(&button("Duplicate").starting().in_item(renamed)).await;
    b.items_are("Your assessments", 2).await;
    let list = b.items_under("Your assessments").await.join("\n");
    assert!(list.contains("Copy of Teams review 2026"), "{list}");
    b.assert_accessible("two assessments").await;
    b.screenshot("12-assessments").await;

    b.click(&button("Delete").starting().in_item(renamed)).await;
    b.find(&heading("Delete Teams review 2026?")).await;
    b.assert_accessible("a delete question").await;
    b.click(&button("Yes, delete it").starting().in_item(renamed)).await;
    b.announces("Teams review 2026 was deleted.").await;
    assert_eq!(saved_count(&b).await, 1);
    assert!(!b.shows(&item(renamed)).await, "the deleted one is still listed");
    b.click(&button("Undo")).await;
    b.items_are("Your assessments", 2).await;
    b.find(&item(renamed)).await;

    // A new one starts at "About you", and the start page says which is open.
    b.click(&button("Start a new assessment")).await;
    b.heading_is("About you").await;
    b.open("").await;
    assert!(b.text_starting("You are working on:").await.contains("You are working on: No tool chosen yet."));

    // On a shared computer, everything goes.
    b.open("#/assessments").await;
    b.click(&button("Remove everything")).await;
    b.click(&button("Yes, remove everything")).await;
    b.announces("has been removed").await;
    assert_eq!(saved_count(&b).await, 1);
    b.client.refresh().await.unwrap();
    b.heading_is("Your assessments").await;
    let keys = b.js("return Object.keys(localStorage).filter(k => k.startsWith('video-tool-check') && localStorage.getItem(k).includes('Riverside'))").await;
    assert_eq!(keys.as_array().unwrap().len(), 0, "something was left behind: {keys}");
    b.close().await;
}

/// The text on view once the page's `@media print` rules apply to the
/// screen too, for an engine whose driver cannot print. The controls are
/// shown first, so their absence afterwards is the print styles' doing.
async fn print_styles_on_screen(b: &Browser) -> String {
    let before = b.a11y("return A.read(document.body)", vec![]).await;
    assert!(before.as_str().unwrap().contains("Download summary"), "the controls are not on screen: {before}");
    let rules = b
        .js("const rules = [];
             for (const sheet of document.styleSheets) {
               for (const rule of sheet.cssRules) {
                 if (rule instanceof CSSMediaRule && [...rule.media].includes('print')) {
                   rules.push(...[...rule.cssRules].map((r) => r.cssText));
                 }
               }
             }
             const print = new CSSStyleSheet();
             print.replaceSync(rules.join('\\n'));
             document.adoptedStyleSheets = [...document.adoptedStyleSheets, print];
             return rules.length;")
        .await;
    assert!(rules.as_u64().unwrap() > 0, "the page has no print styles");
    b.a11y("return A.read(document.body)", vec![]).await.as_str().unwrap().to_string()
}

#[tokio::test]
async fn printing_the_summary_gives_a_clean_report() {
    let b = Browser::start(1000).await;
    let mut a = finished();
    a.plans.insert(
        "managed-devices".into(),
        video_tool_check::assessment::ActionPlan { owner: "Sam Lee".into(), due: "2026-12-01".into(), done: false },
    );
    b.seed(&Library::with(a, "a1", "2026-11-20"), "#/summary").await;
    let dir = support::TempDir::new("print");
    let path = dir.0.join("summary.pdf");
    let text = if b.engine() == Engine::WebKit {
        // WebKit's driver has no Print Page command. The page's own print
        // styles are applied to the screen instead, and what they leave on
        // view is what the printout would show.
        print_styles_on_screen(&b).await
    } else {
        let pdf = b.client.print(fantoccini::wd::PrintConfiguration::default()).await.unwrap();
        std::fs::write(&path, pdf).unwrap();
        let out = std::process::Command::new("pdftotext").arg(&path).arg("-").output().expect("pdftotext is installed");
        String::from_utf8_lossy(&out.stdout).to_string()
    };
    assert!(text.contains("Your summary"), "{text}");
    assert!(text.contains("Owner: Sam Lee. Due: 1 December 2026. Status: to do."), "{text}");
    for control in ["Download summary", "Email your DPO", "Back to your tasks", "Change"] {
        assert!(!text.contains(control), "the printout shows {control:?}");
    }
    if let (Ok(dir), true) = (std::env::var("VTC_SCREENSHOTS"), path.exists()) {
        std::fs::copy(&path, std::path::Path::new(&dir).join("13-summary-print.pdf")).unwrap();
    }
    b.close().await;
}

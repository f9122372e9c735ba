//! End-to-end tests of "Set up this widget for your organisation": a DPO
//! fills in the form as a person would, the preview shows the widget with
//! those settings, and the config.json it downloads, served beside a fresh
//! copy of the widget, gives the widget the same settings with no problem.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use serde_json::Value;
use std::time::{Duration, Instant};
use support::{
    button, checkbox, field, group, heading, link, percent_decode, radio, region, repo, tool_name, Browser,
    StaticServer, TempDir, ORG_TYPE, PURPOSE, TOOL,
};

const SETUP: &str = "Set up this widget for your organisation";
const CONFIG_PROBLEMS: &str = "This page's settings have a problem";
const PUBLISHER: &str = "Your organisation or DPO service's name";
const INTRODUCTION: &str = "Introduction (optional)";
const ACCENT: &str = "Accent colour (optional)";
const LOAD: &str = "Load your current config.json (optional)";

/// Waits until the accessible description of the field labelled `label`
/// (its hint and its problems) holds `words`, and returns it.
async fn described(b: &Browser, label: &str, words: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let d = b.description(&field(label)).await;
        if d.contains(words) {
            return d;
        }
        assert!(Instant::now() < deadline, "{label}: never said {words:?}; it says {d:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// What the preview draws (it is hidden from screen readers, which the form
/// tells all it shows), once it holds `words`.
async fn preview_with(b: &Browser, words: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let t = b
            .a11y(
                "const r = A.resolve(arguments[0]); return r.error ? '' : r.el.innerText;",
                vec![region("Preview").to_json()],
            )
            .await;
        let t = t.as_str().unwrap_or_default().to_string();
        if t.contains(words) {
            return t;
        }
        assert!(Instant::now() < deadline, "the preview never showed {words:?}: {t}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The settings a page shows, read the same way from the preview and from the
/// widget itself: the tools offered, and the colour of the main button.
async fn tools_and_accent(b: &Browser, within: Option<&str>) -> (Vec<String>, String) {
    let root = match within {
        Some(name) => region(name).to_json(),
        None => Value::Null,
    };
    let v = b
        .a11y(
            "const root = arguments[0] ? A.resolve(arguments[0]).el : document;
             const radios = [...root.querySelectorAll('input')].filter(i => A.role(i) === 'radio');
             const go = [...root.querySelectorAll('button')].find(x => A.norm(x.innerText) === 'Save and continue');
             return [radios.map(i => A.norm(i.labels[0].innerText)), getComputedStyle(go).backgroundColor];",
            vec![root],
        )
        .await;
    serde_json::from_value(v).unwrap()
}

#[tokio::test]
async fn the_setup_screens_file_gives_the_widget_the_settings_the_preview_showed() {
    let b = Browser::start(1000).await;
    b.open("").await;
    b.click(&link(SETUP)).await;
    b.heading_is(SETUP).await;
    b.assert_accessible("the setup screen, empty").await;
    b.screenshot("setup-1-empty").await;

    b.fill(PUBLISHER, "Riverside DPO Service").await;
    b.fill(INTRODUCTION, "Use this before you start with a new video tool, and send us the summary.").await;
    b.fill("DPO's name", "Dana Patel").await;
    b.fill("DPO's email address", "dpo@riverside.example.org").await;
    b.fill("IG contact's role", "Caldicott Guardian").await;
    b.fill("IG contact's name", "Dr Sam Okafor").await;
    b.fill("IG contact's email address", "caldicott@riverside.example.org").await;
    b.click(&checkbox(tool_name("accurx"))).await;
    b.click(&checkbox(tool_name("whereby"))).await;
    b.sees("2 tools are offered now").await;

    // A colour too light for white text: the widget's own check, beside the field.
    b.fill(ACCENT, "#ffff00").await;
    b.focus(&field(PUBLISHER)).await;
    described(&b, ACCENT, "accent_colour: #ffff00 is too light for white text").await;
    b.click(&button("Download config.json")).await;
    assert!(b.error_summary().await.contains("accent_colour: #ffff00 is too light"));
    b.assert_accessible("the setup screen with a problem").await;
    b.screenshot("setup-2-problem").await;
    b.click(&link("accent_colour: #ffff00 is too light for white text").starting()).await;
    b.focus_reaches(&field(ACCENT), "following the error summary's link").await;
    b.fill(ACCENT, "#330072").await;
    b.gone(&region("There is a problem")).await;

    // The preview is the widget's own screens with these settings.
    let preview = preview_with(&b, "From Riverside DPO Service").await;
    assert!(preview.contains("Use this before you start with a new video tool"), "{preview}");
    let (preview_tools, preview_accent) = tools_and_accent(&b, Some("Preview")).await;
    assert_eq!(preview_tools, vec![tool_name("accurx"), tool_name("whereby"), "Another tool"]);
    assert_eq!(preview_accent, "rgb(51, 0, 114)");

    b.click(&button("Download config.json")).await;
    let (name, text) = b.downloaded("config.json").await;
    assert_eq!(name, "config.json");
    let (read, problems) = video_tool_check::config::parse(&text, video_tool_check::content::Content::builtin());
    assert_eq!(problems, Vec::<String>::new());
    assert_eq!(read.publisher, "Riverside DPO Service");

    // The snippet for where it will be published.
    b.fill("Where will you publish the widget?", "http://example.org/widgets/video-check/").await;
    b.focus(&field(PUBLISHER)).await;
    described(&b, "Where will you publish the widget?", "starts with https://").await;
    b.fill("Where will you publish the widget?", "https://example.org/widgets/video-check").await;
    let snippet = b.value(&field("Embed code")).await;
    assert!(
        snippet.contains("<iframe src=\"https://example.org/widgets/video-check/\" title=\"Video Tool Check\""),
        "{snippet}"
    );
    assert!(
        snippet.contains("<script src=\"https://example.org/widgets/video-check/embed.js\" async></script>"),
        "{snippet}"
    );
    b.click(&button("Copy the embed code")).await;
    b.announces("The embed code is copied").await;
    b.assert_accessible("the setup screen, filled").await;
    b.screenshot("setup-3-filled").await;
    b.close().await;

    // The file beside a fresh copy of the widget: the same settings, no problem.
    let server = StaticServer::serve(repo().join("dist"), vec![("config.json".to_string(), text)]);
    let w = Browser::start_with(1000, server).await;
    w.open("").await;
    w.text_starting("From Riverside DPO Service").await;
    w.sees("Use this before you start with a new video tool, and send us the summary.").await;
    assert!(!w.shows(&heading(CONFIG_PROBLEMS)).await, "the setup screen's file has a problem");
    w.click(&link("About you")).await;
    assert!(w.text_starting("This website's DPO is").await.contains("dpo@riverside.example.org"));
    w.choose(ORG_TYPE, "GP practice or primary care network (PCN)").await;
    w.fill("Name of your organisation", "Riverside Surgery").await;
    w.choose(PURPOSE, "Consultations with patients or service users").await;
    w.click(&button("Save and continue")).await;
    w.heading_is("Choose your video tool").await;
    w.find(&radio(TOOL, tool_name("accurx"))).await;
    assert_eq!(tools_and_accent(&w, None).await, (preview_tools, preview_accent));
    w.open("#/summary").await;
    let href = w.attr(&link("Email your DPO"), "href").await.unwrap();
    assert!(href.starts_with("mailto:dpo@riverside.example.org?subject="), "{href}");
    assert!(percent_decode(&href).contains("Hello Dana Patel,"));
    let contact = w.text_starting("If information is ever shared with the wrong people").await;
    assert!(contact.contains("your Caldicott Guardian, Dr Sam Okafor"), "{contact}");
    assert!(!w.shows(&heading(CONFIG_PROBLEMS)).await);
    w.close().await;
}

#[tokio::test]
async fn a_loaded_config_fills_the_form_and_shows_each_problem_where_it_is() {
    let dir = TempDir::new("setup");
    let path = dir.0.join("config.json");
    let broken = r##"{
        "publisher": 42,
        "dpo": {"name": "Dana Patel", "email": "nobody"},
        "approved_tools": [
            {"tool": "teams", "status": "approved-with-conditions", "conditions": "NHSmail only", "date": "2026-09-15"},
            {"tool": "zoom", "status": "aproved"}
        ],
        "offer_tools": ["teams", "myspace"],
        "accent_colour": "#ffff00",
        "colour": "red"
    }"##;
    std::fs::write(&path, broken).unwrap();
    let b = Browser::start(1000).await;
    b.open("dpo/#/setup").await;
    b.heading_is(SETUP).await;
    b.choose_file(LOAD, &path).await;
    b.announces("config.json is loaded. It has 6 problems").await;

    // What was right fills the form; each problem is next to its setting.
    assert_eq!(b.value(&field("DPO's name")).await, "Dana Patel");
    described(&b, PUBLISHER, "publisher: must be text in quotes, not 42").await;
    described(&b, "DPO's email address", "dpo.email: nobody is not an email address").await;
    described(&b, ACCENT, "accent_colour: #ffff00 is too light").await;
    let tools = b.description(&group("Tools to offer")).await;
    assert!(tools.contains("offer_tools[1]: \"myspace\" is not a tool id"), "{tools}");
    assert!(b.is_checked(&checkbox(tool_name("teams"))).await);
    let log = b.section_text("Your log of approved tools").await;
    assert!(log.contains("approved_tools[1].status: \"aproved\" is not one of"), "{log}");
    assert!(log.contains("Approved with conditions (2026-09-15). NHSmail only"), "{log}");
    let file = b.section_text("The file you loaded has a problem").await;
    assert!(file.contains("colour: this setting does not exist"), "{file}");
    b.assert_accessible("the setup screen with a loaded file's problems").await;
    b.screenshot("setup-4-loaded").await;

    // Changing a setting clears the file's problem with it.
    b.fill("DPO's email address", "dpo@example.org").await;
    b.focus(&field(PUBLISHER)).await;
    let d = b.description(&field("DPO's email address")).await;
    assert!(!d.contains("not an email address"), "{d}");
    b.click(&button(&format!("Remove {} from the log", tool_name("teams")))).await;
    b.sees("There is no log in these settings").await;
    b.close().await;
}

#[tokio::test]
async fn on_a_phone_the_setup_screen_fits() {
    let b = Browser::start(320).await;
    b.open("dpo/#/setup").await;
    b.heading_is(SETUP).await;
    // What the publisher types is drawn as text, and a right-to-left
    // override in it cannot turn the widget's own words around.
    b.fill(PUBLISHER, "<b>Oak</b> \u{202e}DPO service with a rather long name for a small screen").await;
    let preview = preview_with(&b, "From <b>Oak</b> DPO service with a rather long name").await;
    assert!(!preview.contains('\u{202e}'), "{preview}");
    b.fill("Where will you publish the widget?", "https://example.org/widgets/video-check/").await;
    b.find(&field("Embed code")).await;
    let overflow = b.sideways_scroll().await;
    assert_eq!(overflow, 0, "the setup screen scrolls sideways at 320px");
    b.assert_accessible("the setup screen on a phone").await;
    b.screenshot("setup-5-phone").await;
    b.close().await;
}

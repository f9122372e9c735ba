//! End-to-end tests of publishing: the widget in another site's page, the
//! publisher's configuration, and a frame where storage is not allowed.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::time::{Duration, Instant};
use support::{
    button, field, frame, heading, link, percent_decode, radio, region, repo, Browser, StaticServer, ORG_TYPE, PURPOSE,
    TOOL,
};

/// The title the README's snippet gives the frame.
const FRAME: &str = "Video Tool Check";

/// The heading of the message about the publisher's configuration.
const CONFIG_PROBLEMS: &str = "This page's settings have a problem";

/// The heading of the alert that answers were not saved.
const SAVE_PROBLEM: &str = "Your latest answers are not saved";

/// A host website on another origin (another port), with the README's
/// snippet pointing at the widget. `sandbox` adds a sandbox attribute.
fn host_site(widget_url: &str, sandbox: Option<&str>) -> StaticServer {
    let mut page =
        std::fs::read_to_string(repo().join("examples/host.html")).unwrap().replace("WIDGET_URL", widget_url);
    if let Some(s) = sandbox {
        page = page.replace("data-video-tool-check", &format!("data-video-tool-check sandbox=\"{s}\""));
    }
    StaticServer::serve(repo().join("examples"), vec![("index.html".to_string(), page)])
}

async fn frame_height(b: &Browser) -> i64 {
    let h =
        b.a11y("return A.resolve(arguments[0]).el.getBoundingClientRect().height", vec![frame(FRAME).to_json()]).await;
    h.as_f64().unwrap() as i64
}

/// The widget's height inside its frame: the bottom of what the page draws.
async fn widget_height(b: &Browser) -> i64 {
    let h = b
        .js("return Math.ceil(Math.max(0, ...[...document.body.children].map(e => e.getBoundingClientRect().bottom)) + scrollY)")
        .await;
    h.as_i64().unwrap()
}

/// Waits until the host page has made the frame as tall as the widget.
async fn frame_fits(b: &Browser, inner: i64) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while (frame_height(b).await - inner).abs() > 4 {
        assert!(Instant::now() < deadline, "the frame is {} px; the widget is {inner} px", frame_height(b).await);
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn enter_frame(b: &Browser) {
    b.enter_frame(FRAME).await;
}

#[tokio::test]
async fn embedded_in_another_site_it_works_resizes_and_remembers() {
    let b = Browser::start(1000).await;
    let host = host_site(&b.server.url(), None);
    assert_ne!(host.port, b.server.port);
    b.client.goto(&host.url()).await.unwrap();
    enter_frame(&b).await;
    b.heading_is("Check a video tool").await;
    let inner = widget_height(&b).await;
    b.client.enter_parent_frame().await.unwrap();

    // The frame grows to the widget's height: no scroll bar inside it.
    frame_fits(&b, inner).await;
    b.assert_accessible("the host page").await;
    b.screenshot("14-embedded").await;

    // It can be used inside the frame, and the frame follows the new height.
    let start_height = frame_height(&b).await;
    enter_frame(&b).await;
    b.click(&link("About you")).await;
    b.heading_is("About you").await;
    b.about_a_care_home("Oak House Care Home").await;
    let inner = widget_height(&b).await;
    b.client.enter_parent_frame().await.unwrap();
    frame_fits(&b, inner).await;
    assert_ne!(frame_height(&b).await, start_height);

    // The whole check can be finished inside the frame.
    enter_frame(&b).await;
    b.choose(TOOL, "Accurx").await;
    b.click(&button("Save and continue")).await;
    b.leaves("Choose your video tool").await;
    b.answer_every_section(&[("dpia", "covered"), ("managed-devices", "no")], false).await;
    b.heading_is("Your summary").await;
    assert!(b.outcome().await.contains("Use with actions"));
    assert!(b.shows(&link("Email your DPO")).await && b.shows(&button("Download summary")).await);
    let inner = widget_height(&b).await;
    b.client.enter_parent_frame().await.unwrap();
    frame_fits(&b, inner).await;
    enter_frame(&b).await;
    let scrolls =
        b.js("return document.documentElement.scrollHeight > document.documentElement.clientHeight + 1").await;
    assert_eq!(scrolls.as_bool(), Some(false), "the frame has its own scroll bar");
    b.client.enter_parent_frame().await.unwrap();

    // Progress is kept when the host page is reloaded.
    b.client.refresh().await.unwrap();
    enter_frame(&b).await;
    assert_eq!(b.task_status("About you").await, "Completed");
    b.click(&link("About you")).await;
    b.heading_is("About you").await;
    assert_eq!(b.value(&field("Name of your organisation")).await, "Oak House Care Home");
    b.close().await;
}

#[tokio::test]
async fn the_publishers_settings_reach_the_tool_list_and_the_email() {
    let config = std::fs::read_to_string(repo().join("config.example.json")).unwrap();
    let server = StaticServer::serve(repo().join("dist"), vec![("config.json".to_string(), config)]);
    let b = Browser::start_with(1000, server).await;
    b.open("").await;
    // Each text_starting fails the test if no such text appears.
    b.text_starting("From Example DPO Service").await;
    b.click(&link("About you")).await;
    assert!(b.text_starting("This website's DPO is").await.contains("dpo@example-dpo-service.nhs.uk"));
    b.choose(ORG_TYPE, "GP practice or primary care network (PCN)").await;
    b.fill("Name of your organisation", "Riverside Surgery").await;
    b.choose(PURPOSE, "Consultations with patients or service users").await;
    b.click(&button("Save and continue")).await;

    b.heading_is("Choose your video tool").await;
    assert_eq!(b.description(&radio(TOOL, "WhatsApp")).await, "Not approved by Example DPO Service");
    assert_eq!(b.description(&radio(TOOL, "Accurx")).await, "Approved by Example DPO Service");
    b.choose(TOOL, "WhatsApp").await;
    let note = b.section_text("About WhatsApp").await;
    assert!(
        note.contains("Not approved by Example DPO Service. No contract or data processing agreement is available."),
        "{note}"
    );
    b.choose(TOOL, "Another tool").await;
    b.fill("Name of the tool", "pexip").await;
    b.sees("Example DPO Service is still reviewing this tool").await;
    b.choose(TOOL, "Microsoft Teams").await;
    let about_teams = b.section_text("About Microsoft Teams").await;
    assert!(about_teams.contains("Read their assessment of this tool"), "{about_teams}");
    // A log is what this publisher keeps; it never stands in for the practice's own assessment.
    assert!(about_teams.contains("Example DPO Service's log lists the tools they have looked at"), "{about_teams}");
    assert!(about_teams.contains("does not replace your own local risk assessment and DPIA"), "{about_teams}");
    b.assert_accessible("the tool list with the publisher's log").await;
    b.screenshot("15-configured-tools").await;

    b.open("#/summary").await;
    assert!(b.definition("Log of approved tools").await.starts_with("Approved with conditions (Example DPO Service"));
    let contact = b.text_starting("If information is ever shared with the wrong people").await;
    assert!(contact.contains("your Caldicott Guardian, Dr Sam Okafor"), "{contact}");
    let href = b.attr(&link("Email your DPO"), "href").await.unwrap();
    assert!(href.starts_with("mailto:dpo@example-dpo-service.nhs.uk?subject="), "{href}");
    assert!(percent_decode(&href).contains("Hello Dana Patel,"));
    // The accent colour is applied.
    let download = serde_json::to_value(b.find(&button("Download summary")).await).unwrap();
    let colour =
        b.client.execute("return getComputedStyle(arguments[0]).backgroundColor", vec![download]).await.unwrap();
    assert_eq!(colour.as_str(), Some("rgb(0, 94, 184)"));
    b.close().await;
}

/// Hosts that answer a missing file with a page of their own and status 200.
#[tokio::test]
async fn a_host_page_in_place_of_a_missing_configuration_is_no_configuration() {
    let page = "<!DOCTYPE html><html><body><h1>Page not found</h1></body></html>".to_string();
    let server = StaticServer::serve(
        repo().join("dist"),
        vec![("config.json".to_string(), page.clone()), ("other.json".to_string(), page)],
    );
    let b = Browser::start_with(1000, server).await;
    let url = b.server.url();
    // A file the publisher named is missing, and they are told, whether the
    // host sends its own page or a 404. This is also what shows the message
    // below is looked for where it would appear.
    b.client.goto(&format!("{url}?config=other.json")).await.unwrap();
    let problems = b.section_text(CONFIG_PROBLEMS).await;
    assert!(problems.contains("other.json: there is no such file"), "{problems}");
    b.client.goto(&format!("{url}?config=absent.json")).await.unwrap();
    let problems = b.section_text(CONFIG_PROBLEMS).await;
    assert!(problems.contains("absent.json: there is no such file"), "{problems}");

    // A missing config.json, though, is not a problem. The configuration is
    // fetched after the first screen; a publisher's name given in the page
    // address is applied in the same step that reads it, so once that name
    // shows, the configuration has been read and any problem would show.
    b.client.goto(&format!("{url}?publisher=Riverside%20DPO")).await.unwrap();
    b.heading_is("Check a video tool").await;
    let deadline = Instant::now() + Duration::from_secs(10);
    while !b.server.requests.lock().unwrap().iter().any(|r| r.ends_with("/config.json")) {
        assert!(Instant::now() < deadline, "config.json was never asked for");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    b.text_starting("From Riverside DPO").await;
    assert!(!b.shows(&heading(CONFIG_PROBLEMS)).await, "a missing config.json is not a problem");
    b.close().await;
}

#[tokio::test]
async fn a_broken_configuration_is_reported_and_the_widget_still_runs() {
    let broken = "{\n  \"publisher\": \"Example\",\n  \"approved_tools\": [ {\"tool\": \"zoom\", \"status\": \"aproved\"} ],\n  \"dpo\": {\"email\": \"nobody\"\n}".to_string();
    let server = StaticServer::serve(repo().join("dist"), vec![("config.json".to_string(), broken)]);
    let b = Browser::start_with(1000, server).await;
    b.open("").await;
    let problems = b.section_text(CONFIG_PROBLEMS).await;
    assert!(problems.contains("config.json: line 5, column 1: this is not valid JSON"), "{problems}");
    b.assert_accessible("a configuration problem").await;
    b.screenshot("17-config-problem").await;
    b.click(&link("About you")).await;
    b.heading_is("About you").await;
    b.close().await;

    let half_right = "{\"publisher\": \"Example\", \"approved_tools\": [{\"tool\": \"zoom\", \"status\": \"aproved\"}], \"accent_colour\": \"yellow\"}".to_string();
    let server = StaticServer::serve(repo().join("dist"), vec![("config.json".to_string(), half_right)]);
    let b = Browser::start_with(1000, server).await;
    b.open("").await;
    let problems = b.section_text(CONFIG_PROBLEMS).await;
    assert!(problems.contains("approved_tools[0].status: \"aproved\" is not one of approved"), "{problems}");
    assert!(problems.contains("accent_colour: \"yellow\" is not a colour"), "{problems}");
    // The right parts are still used.
    b.text_starting("From Example").await;
    b.close().await;
}

/// The publisher offers only some tools, and Teams, the first in the
/// catalogue, is not one of them: the error summary's link must still take
/// the user to the first option they can see.
#[tokio::test]
async fn the_tool_error_links_to_an_option_the_publisher_offers() {
    let config = r#"{"offer_tools": ["whereby", "accurx"]}"#.to_string();
    let server = StaticServer::serve(repo().join("dist"), vec![("config.json".to_string(), config)]);
    let b = Browser::start_with(1000, server).await;
    b.open("#/tool").await;
    b.heading_is("Choose your video tool").await;
    b.find(&radio(TOOL, "Accurx")).await;
    b.click(&button("Save and continue")).await;
    assert!(b.error_summary().await.contains("Select the video tool you use or plan to use"));
    b.click(&link("Select the video tool you use or plan to use")).await;
    b.focus_reaches(&radio(TOOL, "Accurx"), "following the error summary's link").await;
    b.close().await;
}

/// A problem with a page parameter is named as the publisher wrote it.
#[tokio::test]
async fn page_parameter_problems_name_the_parameter_as_written() {
    let b = Browser::start(1000).await;
    b.open("?accent=%23ffff00&dpo-email=nobody").await;
    let problems = b.section_text(CONFIG_PROBLEMS).await;
    assert!(problems.contains("the page address: accent: #ffff00 is too light"), "{problems}");
    assert!(problems.contains("the page address: dpo-email: nobody is not an email address"), "{problems}");
    assert!(!problems.contains("accent-colour") && !problems.contains("dpo.email"), "{problems}");
    b.close().await;
}

#[tokio::test]
async fn without_storage_it_still_works_and_says_so() {
    let b = Browser::start(1000).await;
    // A sandboxed frame with no same-origin rights cannot use local storage.
    let host = host_site(&b.server.url(), Some("allow-scripts allow-downloads"));
    b.client.goto(&host.url()).await.unwrap();
    enter_frame(&b).await;
    let warning = b.section_text("Your answers will not be kept").await;
    assert!(warning.contains("Your answers will not be kept"), "{warning}");
    assert!(warning.contains("download your summary before you close this page"), "{warning}");
    b.click(&link("About you")).await;
    b.heading_is("About you").await;
    b.fill("Name of your organisation", "Oak House").await;
    b.choose(ORG_TYPE, "Social care or other care provider").await;
    b.choose(PURPOSE, "Communication between staff").await;
    b.click(&button("Save and continue")).await;
    b.heading_is("Choose your video tool").await;
    // Every answer above was saved, or failed to, before Continue moved on.
    assert!(!b.shows(&region(SAVE_PROBLEM)).await, "a save error on top of the warning");
    b.assert_accessible("the storage warning").await;
    b.close().await;
}

#[tokio::test]
async fn embedded_on_a_phone_nothing_scrolls_sideways() {
    let b = Browser::start(320).await;
    let host = host_site(&b.server.url(), None);
    b.client.goto(&host.url()).await.unwrap();
    for (hash, screen) in
        [("#/about", "About you"), ("#/tool", "Choose your video tool"), ("#/summary", "Your summary")]
    {
        enter_frame(&b).await;
        b.js(&format!("location.hash = '{hash}'; return true;")).await;
        b.heading_is(screen).await;
        let overflow = b.sideways_scroll().await;
        assert_eq!(overflow, 0, "{hash} scrolls sideways inside the frame at 320px");
        b.client.enter_parent_frame().await.unwrap();
        let overflow = b.sideways_scroll().await;
        assert_eq!(overflow, 0, "the host page scrolls sideways at 320px on {hash}");
    }
    b.screenshot("16-embedded-phone").await;
    b.close().await;
}

/// Every colour drawn in the frame's right-hand strip, `strip` CSS pixels
/// wide, where a vertical scroll bar (or its empty track) would be: from a
/// screenshot of the window, over the part of the frame that is in view.
async fn right_edge_colours(b: &Browser, strip: f64) -> Vec<[u8; 4]> {
    let png = b.client.screenshot().await.unwrap();
    let r = b
        .a11y(
            "const r = A.resolve(arguments[0]).el.getBoundingClientRect();
             return [r.right, Math.max(r.top, 0), Math.min(r.bottom, innerHeight), devicePixelRatio];",
            vec![frame(FRAME).to_json()],
        )
        .await;
    let [right, top, bottom, scale] = [0, 1, 2, 3].map(|i| r[i].as_f64().unwrap());
    let picture = support::png::decode(&png);
    // Whole pixels inside the frame only: one that it shares with the host
    // page is a blend of the two.
    let (first, last) = (|v: f64| (v * scale).ceil() as usize, |v: f64| (v * scale).floor() as usize);
    let mut colours = Vec::new();
    for y in first(top)..last(bottom).min(picture.height) {
        for x in first(right - strip)..last(right).min(picture.width) {
            let p = picture.pixel(x, y);
            if !colours.contains(&p) {
                colours.push(p);
            }
        }
    }
    assert!(!colours.is_empty(), "the frame's right edge is not in view");
    colours
}

/// Takes screenshots of the frame's right edge until its colours are as
/// `wanted` says (the page may not have been drawn again yet): `Err` with the
/// last colours if they never are.
async fn right_edge_until(b: &Browser, wanted: impl Fn(&[[u8; 4]]) -> bool) -> Result<(), Vec<[u8; 4]>> {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let drawn = right_edge_colours(b, 10.0).await;
        if wanted(&drawn) {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err(drawn);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Inside the frame: the room a scroll bar takes, whether the page
/// overflows, the styles that draw a scroll bar, and the page's colour.
const SCROLL_BAR_PROBE: &str = "
    const html = document.documentElement, style = getComputedStyle(html);
    const body = getComputedStyle(document.body);
    return {room: innerWidth - html.clientWidth, overflows: html.scrollHeight > html.clientHeight,
            overflow: style.overflowY, bodyOverflow: body.overflowY, gutter: style.scrollbarGutter ?? 'auto',
            colour: body.backgroundColor};";

/// Makes the frame `width` wide on the host page ('100%' or '320px') and
/// waits until the host has made it as tall as the widget again.
async fn frame_width(b: &Browser, width: &str) {
    b.a11y(&format!("A.resolve(arguments[0]).el.style.width = '{width}'; return true"), vec![frame(FRAME).to_json()])
        .await;
    enter_frame(b).await;
    let inner = widget_height(b).await;
    b.client.enter_parent_frame().await.unwrap();
    frame_fits(b, inner).await;
}

/// "rgb(r, g, b)" as a pixel.
fn rgb(css: &str) -> [u8; 4] {
    let n: Vec<u8> =
        css.trim_start_matches("rgb(").trim_end_matches(')').split(',').map(|v| v.trim().parse().unwrap()).collect();
    [n[0], n[1], n[2], 255]
}

// The frame is as tall as the widget, so nothing of a scroll bar may be drawn
// inside it, not even an empty track, at a phone's width or a desktop's.
// What is drawn is read from a screenshot of the frame's right edge; the
// probe is first shown to see a scroll bar when the page asks for one.
#[tokio::test]
async fn no_scroll_bar_is_drawn_inside_the_frame() {
    let b = Browser::start(1000).await;
    let host = host_site(&b.server.url(), None);
    b.client.goto(&host.url()).await.unwrap();
    for width in ["100%", "320px"] {
        for (hash, screen) in [("", "Check a video tool"), ("#/about", "About you")] {
            enter_frame(&b).await;
            b.js(&format!("location.hash = '{hash}'; return true;")).await;
            b.heading_is(screen).await;
            b.client.enter_parent_frame().await.unwrap();
            frame_width(&b, width).await;
            let at = format!("{screen} in a frame {width} wide in {}", b.engine().name());

            // The probe: the page asks for a scroll bar, as NHS.UK's styles do
            // for every page, drawn as the engine draws it, and the
            // screenshot shows one.
            enter_frame(&b).await;
            b.js("const s = document.documentElement.style; s.overflowY = 'scroll'; s.scrollbarWidth = 'auto'; return true")
                .await;
            let forced = b.js(SCROLL_BAR_PROBE).await;
            b.client.enter_parent_frame().await.unwrap();
            let colour = rgb(forced["colour"].as_str().unwrap());
            let seen = right_edge_until(&b, |drawn| drawn != [colour]).await;
            assert!(seen.is_ok(), "{at}: a scroll bar asked for is not seen by the screenshot ({seen:?}); {forced}");
            assert!(forced["room"].as_f64().unwrap() > 0.0, "{at}: a scroll bar asked for takes no room: {forced}");

            // The widget as it is, once the frame fits it again: nothing
            // drawn but the page, no room taken.
            enter_frame(&b).await;
            b.js("const s = document.documentElement.style; s.overflowY = ''; s.scrollbarWidth = ''; return true")
                .await;
            let inner = widget_height(&b).await;
            b.client.enter_parent_frame().await.unwrap();
            frame_fits(&b, inner).await;
            let deadline = Instant::now() + Duration::from_secs(10);
            let (probe, drawn) = loop {
                enter_frame(&b).await;
                let probe = b.js(SCROLL_BAR_PROBE).await;
                b.client.enter_parent_frame().await.unwrap();
                let drawn = right_edge_colours(&b, 10.0).await;
                if (drawn == [colour] && probe["room"].as_f64() == Some(0.0)) || Instant::now() > deadline {
                    break (probe, drawn);
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            };
            assert_eq!(drawn, [colour], "{at}: the frame's right edge is not only the page's colour; {probe}");
            assert_eq!(probe["room"].as_f64(), Some(0.0), "{at}: {probe}");
            assert_eq!(probe["overflows"], false, "{at}: the frame's page is taller than the frame: {probe}");
            for (what, value) in [("overflow", "scroll"), ("bodyOverflow", "scroll")] {
                assert_ne!(probe[what].as_str(), Some(value), "{at}: {probe}");
            }
            assert_eq!(probe["gutter"].as_str(), Some("auto"), "{at}: a scroll bar's gutter is kept: {probe}");
        }
    }
    b.close().await;
}

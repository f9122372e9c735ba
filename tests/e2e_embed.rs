//! End-to-end tests of publishing: the widget in another site's page, the
//! publisher's configuration, and a frame where storage is not allowed.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::time::{Duration, Instant};
use support::{percent_decode, repo, Browser, StaticServer};

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
    b.js("return document.querySelector('iframe').getBoundingClientRect().height").await.as_f64().unwrap() as i64
}

/// The widget's height inside its frame, and that the frame does not scroll.
async fn widget_height(b: &Browser) -> i64 {
    let h = b.js("return Math.ceil(document.querySelector('.vtc').getBoundingClientRect().bottom + scrollY)").await;
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
    b.client.enter_frame(0).await.unwrap();
    b.wait_for(".vtc h1").await;
}

#[tokio::test]
async fn embedded_in_another_site_it_works_resizes_and_remembers() {
    let b = Browser::start(1000).await;
    let host = host_site(&b.server.url(), None);
    assert_ne!(host.port, b.server.port);
    b.client.goto(&host.url()).await.unwrap();
    b.wait_for("iframe").await;
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
    b.click("a[href='#/about']").await;
    b.heading_is("About you").await;
    b.choose("org-type-care").await;
    b.type_into("#org-name", "Oak House Care Home").await;
    b.choose("purpose-staff").await;
    b.click("#continue").await;
    b.heading_is("Choose your video tool").await;
    let inner = widget_height(&b).await;
    b.client.enter_parent_frame().await.unwrap();
    frame_fits(&b, inner).await;
    assert_ne!(frame_height(&b).await, start_height);

    // The whole check can be finished inside the frame.
    enter_frame(&b).await;
    b.choose("tool-accurx").await;
    b.click("#continue").await;
    b.wait_for(".vtc-check").await;
    b.answer_every_section(&[("dpia", "covered"), ("updates", "no")], false).await;
    b.heading_is("Your summary").await;
    assert!(b.text("#outcome").await.contains("Use with actions"));
    assert!(b.exists("#email-dpo").await && b.exists("#download-report").await);
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
    b.wait_for("iframe").await;
    enter_frame(&b).await;
    assert_eq!(b.text("#task-about-status").await, "Completed");
    b.click("a[href='#/about']").await;
    b.heading_is("About you").await;
    let name = b.js("return document.querySelector('#org-name').value").await;
    assert_eq!(name.as_str(), Some("Oak House Care Home"));
    b.close().await;
}

#[tokio::test]
async fn the_publishers_settings_reach_the_tool_list_and_the_email() {
    let config = std::fs::read_to_string(repo().join("config.example.json")).unwrap();
    let server = StaticServer::serve(repo().join("dist"), vec![("config.json".to_string(), config)]);
    let b = Browser::start_with(1000, server).await;
    b.open("").await;
    assert!(b.text("#publisher-intro").await.contains("From Example DPO Service"));
    b.click("a[href='#/about']").await;
    assert!(b.text("#configured-dpo").await.contains("dpo@example-dpo-service.nhs.uk"));
    b.choose("org-type-gp").await;
    b.type_into("#org-name", "Riverside Surgery").await;
    b.choose("purpose-patients").await;
    b.click("#continue").await;

    b.heading_is("Choose your video tool").await;
    assert_eq!(b.text("#tool-whatsapp-hint").await, "Not approved by Example DPO Service");
    assert_eq!(b.text("#tool-accurx-hint").await, "Approved by Example DPO Service");
    b.choose("tool-whatsapp").await;
    let note = b.text("#tool-note").await;
    assert!(
        note.contains("Not approved by Example DPO Service. No contract or data processing agreement is available."),
        "{note}"
    );
    b.choose("tool-other").await;
    b.type_into("#other-tool-name", "pexip").await;
    assert!(b.text("#other-tool-log").await.contains("Example DPO Service is still reviewing this tool"));
    b.choose("tool-teams").await;
    assert!(b.text("#tool-note").await.contains("Read their light impact assessment"));
    b.assert_accessible("the tool list with the publisher's log").await;
    b.screenshot("15-configured-tools").await;

    b.open("#/summary").await;
    assert!(b.text("#approval").await.starts_with("Approved with conditions (Example DPO Service"));
    assert!(b.text("#ig-contact").await.contains("your Caldicott Guardian, Dr Sam Okafor"));
    let href = b.attr("#email-dpo", "href").await.unwrap();
    assert!(href.starts_with("mailto:dpo@example-dpo-service.nhs.uk?subject="), "{href}");
    assert!(percent_decode(&href).contains("Hello Dana Patel,"));
    // The accent colour is applied.
    let colour = b.js("return getComputedStyle(document.querySelector('#download-report')).backgroundColor").await;
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
    b.open("").await;
    b.heading_is("Check a video tool").await;
    // The configuration is fetched after the first screen: wait until it was
    // asked for, then give the page a moment to read it.
    let deadline = Instant::now() + Duration::from_secs(10);
    while !b.server.requests.lock().unwrap().iter().any(|r| r.ends_with("/config.json")) {
        assert!(Instant::now() < deadline, "config.json was never asked for");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(!b.exists("#config-problems").await, "a missing config.json is not a problem");

    // A file the publisher named, though, is missing, and they are told,
    // whether the host sends its own page or a 404.
    let url = b.server.url();
    b.client.goto(&format!("{url}?config=other.json")).await.unwrap();
    let problems = b.text("#config-problems").await;
    assert!(problems.contains("other.json: there is no such file"), "{problems}");
    b.client.goto(&format!("{url}?config=absent.json")).await.unwrap();
    let problems = b.text("#config-problems").await;
    assert!(problems.contains("absent.json: there is no such file"), "{problems}");
    b.close().await;
}

#[tokio::test]
async fn a_broken_configuration_is_reported_and_the_widget_still_runs() {
    let broken = "{\n  \"publisher\": \"Example\",\n  \"approved_tools\": [ {\"tool\": \"zoom\", \"status\": \"aproved\"} ],\n  \"dpo\": {\"email\": \"nobody\"\n}".to_string();
    let server = StaticServer::serve(repo().join("dist"), vec![("config.json".to_string(), broken)]);
    let b = Browser::start_with(1000, server).await;
    b.open("").await;
    let problems = b.text("#config-problems").await;
    assert!(problems.contains("config.json: line 5, column 2: this is not valid JSON"), "{problems}");
    b.assert_accessible("a configuration problem").await;
    b.screenshot("17-config-problem").await;
    b.click("a[href='#/about']").await;
    b.heading_is("About you").await;
    b.close().await;

    let half_right = "{\"publisher\": \"Example\", \"approved_tools\": [{\"tool\": \"zoom\", \"status\": \"aproved\"}], \"accent_colour\": \"yellow\"}".to_string();
    let server = StaticServer::serve(repo().join("dist"), vec![("config.json".to_string(), half_right)]);
    let b = Browser::start_with(1000, server).await;
    b.open("").await;
    let problems = b.text("#config-problems").await;
    assert!(problems.contains("approved_tools[0].status: \"aproved\" is not one of approved"), "{problems}");
    assert!(problems.contains("accent_colour: \"yellow\" is not a colour"), "{problems}");
    assert!(b.text("#publisher-intro").await.contains("From Example"), "the right parts are still used");
    b.close().await;
}

#[tokio::test]
async fn without_storage_it_still_works_and_says_so() {
    let b = Browser::start(1000).await;
    // A sandboxed frame with no same-origin rights cannot use local storage.
    let host = host_site(&b.server.url(), Some("allow-scripts allow-downloads"));
    b.client.goto(&host.url()).await.unwrap();
    b.wait_for("iframe").await;
    enter_frame(&b).await;
    assert!(b.text("#storage-unavailable").await.contains("Your answers will not be kept"));
    b.click("a[href='#/about']").await;
    b.heading_is("About you").await;
    b.type_into("#org-name", "Oak House").await;
    b.choose("org-type-care").await;
    b.choose("purpose-staff").await;
    b.click("#continue").await;
    b.heading_is("Choose your video tool").await;
    assert!(!b.exists("#save-problem").await, "a save error on top of the warning");
    b.assert_accessible("the storage warning").await;
    b.close().await;
}

#[tokio::test]
async fn embedded_on_a_phone_nothing_scrolls_sideways() {
    let b = Browser::start(320).await;
    let host = host_site(&b.server.url(), None);
    b.client.goto(&host.url()).await.unwrap();
    b.wait_for("iframe").await;
    for hash in ["#/about", "#/tool", "#/summary"] {
        enter_frame(&b).await;
        b.js(&format!("location.hash = '{hash}'; return true;")).await;
        b.wait_for(".vtc h1").await;
        let overflow = b.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth").await;
        assert_eq!(overflow.as_i64(), Some(0), "{hash} scrolls sideways inside the frame at 320px");
        b.client.enter_parent_frame().await.unwrap();
        let overflow = b.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth").await;
        assert_eq!(overflow.as_i64(), Some(0), "the host page scrolls sideways at 320px on {hash}");
    }
    b.screenshot("16-embedded-phone").await;
    b.close().await;
}

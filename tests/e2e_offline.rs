//! End-to-end tests of the widget offline: once opened, it opens and works
//! with no network at all; a new release replaces the old one cleanly, said
//! on screen and applied on the next load; the publisher's settings are kept
//! for use offline, and the widget says when it is using the kept copy.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use serde_json::Value;
use support::{button, field, heading, link, repo, Browser, StaticServer, TempDir, ORG_TYPE, PURPOSE};

/// The message shown when a newer release has been kept.
const NEWER: &str =
    "A newer version of this check is ready. It opens the next time you load this page. Your answers are kept.";

/// Waits until the service worker has kept this release's files and runs
/// the page: the first visit registers it, and the next load is its.
async fn kept_for_offline(b: &Browser) {
    let ready = "const done = arguments[arguments.length - 1];
                 navigator.serviceWorker.ready.then(() => done(true), () => done(false));";
    assert_eq!(b.client.execute_async(ready, vec![]).await.unwrap(), Value::Bool(true));
    reload(b).await;
    b.h1().await;
    b.until("return !!navigator.serviceWorker.controller", "the page is not run by the service worker").await;
}

/// Loads the page again, as a person pressing the browser's reload button
/// does. Not WebDriver's refresh, which in Firefox passes the service worker
/// by, as a forced reload (Shift and reload) does.
async fn reload(b: &Browser) {
    // A mark on the old page, which the new one does not have.
    b.js("window.vtcOldPage = true; setTimeout(() => location.reload(), 0); return true").await;
    b.until("return window.vtcOldPage !== true", "the page never reloaded").await;
}

/// Whether a request for `path` (beside the widget) gets an answer now.
async fn network_answers(b: &Browser, path: &str) -> bool {
    let script = format!(
        "const done = arguments[arguments.length - 1];
         fetch('{path}', {{cache: 'no-store'}}).then(r => done(r.status), () => done('failed'));"
    );
    let answer = b.client.execute_async(&script, vec![]).await.unwrap();
    answer != "failed"
}

#[tokio::test]
async fn a_second_visit_opens_and_works_with_no_network() {
    let b = Browser::start(1000).await;
    b.open("").await;
    kept_for_offline(&b).await;

    // The probe: a file the widget does not keep is fetched while online,
    // and refused once the network is off.
    assert!(network_answers(&b, "dpo/index.html").await, "the probe cannot reach the server while online");
    b.server.link.set_offline(true);
    assert!(!network_answers(&b, "dpo/index.html").await, "the network is still on");

    reload(&b).await;
    b.heading_is("Check a video tool").await;
    b.click(&link("About you")).await;
    b.heading_is("About you").await;
    b.about_a_care_home("Oak Lodge Care Home").await;
    // Saved in this browser, with no network.
    reload(&b).await;
    b.heading_is("Choose your video tool").await;
    b.click(&link("Back to your tasks")).await;
    b.click(&link("About you")).await;
    b.heading_is("About you").await;
    assert_eq!(b.value(&field("Name of your organisation")).await, "Oak Lodge Care Home");
    // Nothing of the widget came from the network once it was off.
    assert!(!network_answers(&b, "dpo/index.html").await, "the network came back during the test");
    b.close().await;
}

/// A copy of `dist/`, which a test can publish a new release into.
fn site() -> TempDir {
    let copy = TempDir::new("site");
    let status = std::process::Command::new("cp").arg("-a").arg(repo().join("dist/.")).arg(&copy.0).status().unwrap();
    assert!(status.success());
    copy
}

/// Publishes a new release into `site`, as a publisher copying a new
/// `dist/` would: a changed page, and a service worker that lists it.
fn publish_new_release(site: &TempDir) {
    let index = site.0.join("index.html");
    let page = std::fs::read_to_string(&index).unwrap();
    let page = page.replace("<title>Video Tool Check</title>", "<title>Video Tool Check (release 2)</title>");
    assert!(page.contains("(release 2)"), "index.html has no title to change");
    std::fs::write(&index, page).unwrap();
    let status = std::process::Command::new("node")
        .arg(repo().join("scripts/service-worker.mjs"))
        .arg(&site.0)
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
}

#[tokio::test]
async fn a_new_release_is_announced_then_opens_on_the_next_load_with_every_answer() {
    let site = site();
    let b = Browser::start_with(1000, StaticServer::serve(site.0.clone(), Vec::new())).await;
    b.open("").await;
    kept_for_offline(&b).await;
    b.click(&link("About you")).await;
    b.choose(ORG_TYPE, "GP practice or primary care network (PCN)").await;
    b.fill("Name of your organisation", "Riverside Surgery").await;
    b.choose(PURPOSE, "Communication between staff").await;
    b.click(&button("Save and continue")).await;
    b.heading_is("Choose your video tool").await;
    assert!(b.announced().await.iter().all(|a| a != NEWER), "a newer version was announced before there was one");
    // The message comes unasked, and must not push the screen down.
    let heading_at = b.drawn_at(&heading("Choose your video tool").level(1)).await;

    publish_new_release(&site);
    // This load is still the old release, which finds the new one.
    reload(&b).await;
    b.h1().await;
    assert_eq!(b.client.title().await.unwrap(), "Video Tool Check");
    b.announces(NEWER).await;
    let now = b.drawn_at(&heading("Choose your video tool").level(1)).await;
    assert_eq!(now, heading_at, "the message pushed the screen down");
    b.assert_accessible("the message that a newer version is ready").await;
    b.screenshot("offline-newer-version-ready").await;

    // The next load is the new release, page and files together.
    reload(&b).await;
    b.heading_is("Choose your video tool").await;
    assert_eq!(b.client.title().await.unwrap(), "Video Tool Check (release 2)");
    b.open("#/about").await;
    b.heading_is("About you").await;
    assert_eq!(b.value(&field("Name of your organisation")).await, "Riverside Surgery");
    // Only the new release is kept.
    b.until(
        "caches.keys().then(k => { window.vtcCaches = k.filter(n => !n.includes('kept')).length; }); return window.vtcCaches === 1;",
        "an old release is still kept",
    )
    .await;
    b.close().await;
}

#[tokio::test]
async fn offline_the_publishers_settings_are_a_kept_copy_and_the_widget_says_so() {
    let config = r#"{"publisher": "Northshire DPO Service"}"#;
    let b = Browser::start_with(
        1000,
        StaticServer::serve(repo().join("dist"), vec![("config.json".into(), config.into())]),
    )
    .await;
    b.open("").await;
    kept_for_offline(&b).await;
    b.sees("From Northshire DPO Service").await;
    // Read once the settings have loaded; the same probe hears it offline below.
    assert!(
        b.announced().await.iter().all(|a| !a.contains("You seem to be offline")),
        "the kept copy was announced while online"
    );
    let heading_at = b.drawn_at(&heading("Check a video tool").level(1)).await;

    b.server.link.set_offline(true);
    reload(&b).await;
    b.h1().await;
    b.sees("From Northshire DPO Service").await;
    // The kept copy is the file as published: read with no problem.
    assert_eq!(b.count(&heading("This page's settings have a problem")).await, 0);
    let said = b.announces("You seem to be offline").await;
    assert!(said.contains("uses the settings its publisher gave it on"), "{said}");
    let now = b.drawn_at(&heading("Check a video tool").level(1)).await;
    assert_eq!(now, heading_at, "the message pushed the screen down");
    b.assert_accessible("the start screen with kept settings").await;
    b.screenshot("offline-kept-settings").await;
    b.close().await;
}

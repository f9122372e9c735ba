//! End-to-end tests of the first screen that the release build puts into
//! `index.html`: a person on a slow link sees the task list before the
//! widget's WebAssembly has arrived, and the widget takes over from it
//! without a flash, without moving anything, and without losing what the
//! person did in the meantime.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use serde_json::Value;
use support::{button, heading, link, Browser, StaticServer};

/// Where the main heading and the task list's first link are drawn.
async fn layout(b: &Browser) -> [Value; 2] {
    [b.drawn_at(&heading("Check a video tool").level(1)).await, b.drawn_at(&link("About you")).await]
}

/// Opens the widget with its WebAssembly held back, and waits until the
/// first screen shows without it.
async fn open_on_a_slow_link() -> Browser {
    open_on_a_slow_link_at(1000).await
}

async fn open_on_a_slow_link_at(width: u32) -> Browser {
    open_on_a_slow_link_from(width, StaticServer::start()).await
}

async fn open_on_a_slow_link_from(width: u32, server: StaticServer) -> Browser {
    server.link.hold_wasm();
    let b = Browser::start_with(width, server).await;
    // Not `open`, which waits for the widget to start.
    let url = b.server.url();
    b.client.goto(&url).await.unwrap();
    b.sees_heading("Check a video tool").await;
    b
}

/// Whether the widget has started: it marks the moment for the benchmark.
async fn started(b: &Browser) -> bool {
    b.js("return performance.getEntriesByName('vtc-interactive').length > 0").await == Value::Bool(true)
}

#[tokio::test]
async fn the_task_list_shows_before_the_widget_starts_and_stays_put_when_it_does() {
    let b = open_on_a_slow_link().await;
    // What a person sees while they wait: the task list, with every task.
    assert!(!started(&b).await, "the widget started although its WebAssembly was held back");
    let tasks = b.tasks().await;
    assert!(tasks.len() > 5, "the first screen lists the tasks: {tasks:?}");
    assert!(tasks.iter().all(|(_, status)| status == "Not started"), "{tasks:?}");
    let before = layout(&b).await;
    b.screenshot("first-screen-before-the-widget-starts").await;

    b.server.link.let_wasm_through();
    b.until("return performance.getEntriesByName('vtc-interactive').length > 0", "the widget never started").await;
    b.heading_is("Check a video tool").await;
    // One copy of the screen, not two, and nothing moved.
    assert_eq!(b.js("return document.querySelectorAll('h1').length").await, Value::from(1));
    assert_eq!(layout(&b).await, before, "the first screen moved when the widget took over");
    assert_eq!(b.tasks().await, tasks);
    b.assert_accessible("the start screen after the widget took over").await;
    b.close().await;
}

#[tokio::test]
async fn the_publishers_words_do_not_push_the_task_list_down_when_they_arrive() {
    let config = r#"{"publisher": "Oak DPO Service",
        "introduction": "Check every video tool your practice uses before 31 March. Ask us if you are unsure."}"#;
    let server =
        StaticServer::serve(support::repo().join("dist"), vec![("config.json".to_string(), config.to_string())]);
    let b = open_on_a_slow_link_from(1000, server).await;
    let before = layout(&b).await;
    b.server.link.let_wasm_through();
    // config.json is read after the widget starts, so its words come last.
    b.sees("From Oak DPO Service").await;
    b.sees("Check every video tool your practice uses before 31 March.").await;
    assert_eq!(layout(&b).await, before, "the publisher's words pushed the first screen down");
    b.screenshot("first-screen-with-the-publishers-words").await;
    b.close().await;
}

#[tokio::test]
async fn a_link_followed_before_the_widget_starts_still_opens_its_screen() {
    let b = open_on_a_slow_link().await;
    b.click(&link("Choose your video tool")).await;
    assert!(!started(&b).await, "the widget started although its WebAssembly was held back");
    b.server.link.let_wasm_through();
    b.heading_is("Choose your video tool").await;
    // The person is told where they are: focus is on the new screen's heading.
    b.until("return document.activeElement && document.activeElement.tagName === 'H1'", "focus was not on the heading")
        .await;
    b.close().await;
}

#[tokio::test]
async fn a_button_pressed_before_the_widget_starts_does_what_it_says_when_it_does() {
    let b = open_on_a_slow_link().await;
    b.click(&button("Start again")).await;
    assert!(!started(&b).await, "the widget started although its WebAssembly was held back");
    b.server.link.let_wasm_through();
    // The question the button asks, with focus on it, as if pressed just now.
    b.focus_reaches(&heading("Delete your answers?"), "Start again pressed before the widget started").await;
    b.click(&button("No, keep my answers")).await;
    b.focus_reaches(&button("Start again"), "No, keep my answers").await;
    b.close().await;
}

#[tokio::test]
async fn keyboard_focus_made_before_the_widget_starts_stays_where_it_was() {
    let b = open_on_a_slow_link().await;
    // Tab until the second task's link has focus, as a keyboard user would.
    for _ in 0..20 {
        if b.focused().await["name"] == "Choose your video tool" {
            break;
        }
        b.client.active_element().await.unwrap().send_keys("\u{E004}").await.unwrap();
    }
    b.focus_reaches(&link("Choose your video tool"), "pressing Tab").await;
    assert!(!started(&b).await, "the widget started although its WebAssembly was held back");
    b.server.link.let_wasm_through();
    b.until("return performance.getEntriesByName('vtc-interactive').length > 0", "the widget never started").await;
    b.heading_is("Check a video tool").await;
    let focused = b.focused().await;
    assert_eq!(focused["name"], Value::from("Choose your video tool"), "focus moved: {focused}");
    // And it is the widget's own link now: Enter opens the screen.
    b.press_keys("\u{E007}").await;
    b.heading_is("Choose your video tool").await;
    b.close().await;
}

#[tokio::test]
async fn on_a_phone_the_first_screen_fits_before_and_after_the_widget_starts() {
    let b = open_on_a_slow_link_at(320).await;
    // The probe sees overflow when there is some.
    b.js("document.body.style.minWidth = '400px'; return true").await;
    assert!(b.sideways_scroll().await > 0, "the probe does not see a page wider than the screen");
    b.js("document.body.style.minWidth = ''; return true").await;
    assert_eq!(b.sideways_scroll().await, 0, "the first screen scrolls sideways at 320 px");
    b.screenshot("first-screen-before-the-widget-starts-320").await;
    let before = layout(&b).await;
    b.server.link.let_wasm_through();
    b.until("return performance.getEntriesByName('vtc-interactive').length > 0", "the widget never started").await;
    b.heading_is("Check a video tool").await;
    assert_eq!(layout(&b).await, before, "the first screen moved when the widget took over");
    assert_eq!(b.sideways_scroll().await, 0, "the start screen scrolls sideways at 320 px");
    b.close().await;
}

//! The widget taking over from the first screen that the release build put
//! into `index.html` (see [`super::first_screen_html`]). Both are on the page
//! for one moment, with no paint between, so nothing flashes or moves; what
//! a person did in the meantime carries over: a link followed has already
//! changed the address, which the widget reads as it starts; an open
//! "details" stays open; keyboard focus stays on the same control; a button
//! pressed (noted by `takeover.js`, in the start-up script) is pressed again.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The id of the element `src/bin/prerender.rs` wraps the first screen in.
pub const PRERENDERED: &str = "vtc-prerendered";

/// What a person can focus or open on the first screen, in the same order
/// in both copies, since both come from the same components.
const CONTROLS: &str = "a[href], button, summary, details";

/// Runs `mount`, which adds the widget to the page, then removes the first
/// screen it replaces.
pub fn take_over(mount: impl FnOnce()) {
    let Some(first) = document().get_element_by_id(PRERENDERED) else {
        mount();
        return;
    };
    let before = controls(&first);
    let active = document().active_element();
    let focused = before.iter().position(|c| Some(c) == active.as_ref());
    let on_start_screen =
        super::route::Screen::from_hash(&super::router::location_hash()) == super::route::Screen::Start;
    // Places among `before`, found by the same CONTROLS as the widget's copy.
    let pressed: Vec<usize> = pressed_early().iter().filter_map(|b| before.iter().position(|c| c == b)).collect();
    mount();
    // The widget is added at the end of the page, after the first screen.
    let after = document().query_selector_all(".vtc").ok().and_then(|all| all.item(all.length().saturating_sub(1)));
    let after = after.and_then(|w| w.dyn_into::<web_sys::Element>().ok()).map(|w| controls(&w)).unwrap_or_default();
    // Both copies come from the same components, so a control's place in one
    // is its place in the other, as long as both are the start screen.
    let same_screen = on_start_screen && after.len() == before.len();
    if same_screen {
        for (old, new) in before.iter().zip(&after) {
            if old.has_attribute("open") {
                let _ = new.set_attribute("open", "");
            }
        }
    }
    first.remove();
    match focused {
        Some(i) if on_start_screen => {
            if let Some(el) = after.get(i).and_then(|e| e.dyn_ref::<web_sys::HtmlElement>()) {
                let _ = el.focus();
            }
        }
        // A link on the first screen was followed: say where the person is now.
        Some(_) => super::browser::focus_heading(),
        None => {}
    }
    // After focus, since a button may move it (to the question it asks).
    if same_screen {
        for i in pressed {
            if let Some(el) = after.get(i).and_then(|e| e.dyn_ref::<web_sys::HtmlElement>()) {
                el.click();
            }
        }
    }
}

/// The buttons pressed on the first screen before the widget started, in the
/// order they were pressed, as `takeover.js` noted them.
fn pressed_early() -> Vec<web_sys::Element> {
    let Ok(list) = js_sys::Reflect::get(&window(), &"vtcPressedEarly".into()) else { return Vec::new() };
    let Ok(list) = list.dyn_into::<js_sys::Array>() else { return Vec::new() };
    list.iter().filter_map(|b| b.dyn_into::<web_sys::Element>().ok()).collect()
}

fn controls(root: &web_sys::Element) -> Vec<web_sys::Element> {
    let Ok(list) = root.query_selector_all(CONTROLS) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into::<web_sys::Element>().ok()).collect()
}

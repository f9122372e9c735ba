//! Small wrappers around browser APIs the screens share.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::route::Screen;

/// Today's date on the user's clock, as YYYY-MM-DD.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
}

pub fn go(screen: &Screen) {
    let _ = window().location().set_hash(&screen.to_hash());
}

/// Moves focus to an element by id, for error summary links: a real `#id`
/// link would change the hash, which this widget uses for its screens.
pub fn focus_id(id: &str) {
    if let Some(el) = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Moves focus to an element once the screen is drawn again. For the button
/// that replaced another, or a row drawn afresh: without this, focus would
/// fall to the page's body and a keyboard user would lose their place.
pub fn focus_when_drawn(id: impl Into<String>) {
    let id = id.into();
    when_drawn_unless_moved_on(move || focus_id(&id));
}

/// A click that shows or hides part of a row (a question, a field) and then
/// moves focus to `id`, what takes the pressed button's place.
pub fn show_then_focus(shown: RwSignal<bool>, show: bool, id: String) -> impl Fn(leptos::ev::MouseEvent) + Clone {
    move |_| {
        shown.set(show);
        focus_when_drawn(id.clone());
    }
}

/// Runs `then` once the screen is drawn again, unless the person has put
/// focus somewhere else by then. That frame can come late: WebKit, busy,
/// has run it a tenth of a second after the screen changed, when the next
/// field had been clicked and typed in, and took focus from under the keys.
///
/// Of two moves waiting for the same frame, only the later is made: a late
/// frame once ran the move to a new screen's heading after the person had
/// already pressed Rename there, and the heading took the focus meant for
/// the name field.
fn when_drawn_unless_moved_on(then: impl FnOnce() + 'static) {
    thread_local! {
        static LATEST: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    }
    let this = LATEST.with(|l| {
        l.set(l.get().wrapping_add(1));
        l.get()
    });
    let before = document().active_element();
    request_animation_frame(move || {
        if LATEST.with(|l| l.get()) != this {
            return;
        }
        let body = document().body();
        let moved_on = document()
            .active_element()
            .is_some_and(|now| now.is_connected() && Some(&now) != before.as_ref() && body.is_none_or(|b| now != *b));
        if !moved_on {
            then();
        }
    });
}

/// Moves focus to the screen's heading so screen readers announce the new screen.
pub fn focus_heading() {
    when_drawn_unless_moved_on(|| {
        if let Some(h1) =
            document().query_selector(".vtc h1").ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = h1.focus();
        }
    });
}

/// Offers `text` as a file download, made in the browser: nothing is uploaded.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlAnchorElement = document().create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(name);
    let body = document().body().ok_or_else(|| JsValue::from_str("no body"))?;
    body.append_child(&link)?;
    link.click();
    link.remove();
    // Revoking at once can cancel the download in some browsers.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}

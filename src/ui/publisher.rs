//! What the publishing website controls: the configuration file beside the
//! widget, parameters in the embed snippet, and the frame's height.

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

use super::AppState;
use crate::config::{self, Config};

/// The configuration file's path from `?config=`, or `config.json`. Only a
/// plain relative path beside the widget: never another site's file.
pub fn config_path(search: &str) -> Result<String, String> {
    let wanted = query_value(search, "config").unwrap_or_else(|| "config.json".to_string());
    let plain = !wanted.is_empty()
        && wanted.len() <= 100
        && !wanted.contains("..")
        && !wanted.starts_with('/')
        && wanted.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'));
    if plain {
        Ok(wanted)
    } else {
        Err(format!("?config={wanted}: must be a file name beside the widget, such as config.json"))
    }
}

/// One value from a `?a=b&c=d` query, percent-decoded.
pub fn query_value(search: &str, key: &str) -> Option<String> {
    search.trim_start_matches('?').split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        // A broken escape is kept as typed rather than lost.
        (k == key).then(|| {
            let v = v.replace('+', " ");
            crate::export::email::decode(&v).unwrap_or(v)
        })
    })
}

/// The file's text, or `None` when there is no such file: a 404, or the
/// host's own web page sent in its place. Offline, the service worker answers
/// with the copy it kept, and the date it kept it goes into `kept_on`.
async fn fetch_text(path: &str, kept_on: RwSignal<Option<String>>) -> Result<Option<String>, String> {
    let response = wasm_bindgen_futures::JsFuture::from(window().fetch_with_str(path))
        .await
        .map_err(|_| format!("{path}: the file could not be fetched"))?;
    let response: web_sys::Response = response.unchecked_into();
    // The header offline/sw.js puts on a kept copy.
    kept_on.set(response.headers().get("X-Video-Tool-Check-Kept").ok().flatten());
    if response.status() == 404 {
        return Ok(None);
    }
    if !response.ok() {
        return Err(format!("{path}: the server answered {}", response.status()));
    }
    let text = response.text().map_err(|_| format!("{path}: the file could not be read"))?;
    let text =
        wasm_bindgen_futures::JsFuture::from(text).await.map_err(|_| format!("{path}: the file could not be read"))?;
    Ok(text.as_string().filter(|t| !config::is_web_page(t)))
}

/// Loads the configuration, then applies the snippet's parameters on top.
pub async fn load(state: AppState) {
    let search = window().location().search().unwrap_or_default();
    let mut problems = Vec::new();
    let mut config = Config::default();
    match config_path(&search) {
        Err(p) => problems.push(p),
        Ok(path) => match fetch_text(&path, state.offline.settings_kept_on).await {
            // No config.json: the publisher chose the defaults. A file named
            // with ?config=, though, was meant to be there.
            Ok(None) => {
                if query_value(&search, "config").is_some() {
                    problems.push(format!("{path}: there is no such file"));
                }
            }
            Ok(Some(text)) => {
                let (c, found) = config::parse(&text, state.content());
                config = c;
                problems.extend(found.into_iter().map(|p| format!("{path}: {p}")));
            }
            Err(p) => problems.push(p),
        },
    }
    let params: Vec<(&str, String)> =
        config::PAGE_PARAMETERS.iter().filter_map(|(k, _)| query_value(&search, k).map(|v| (*k, v))).collect();
    if !params.is_empty() {
        let (from_params, found) = config::from_page_parameters(&params, state.content());
        problems.extend(found.into_iter().map(|p| format!("the page address: {p}")));
        if !from_params.publisher.is_empty() {
            config.publisher = from_params.publisher;
        }
        if from_params.accent_colour.is_some() {
            config.accent_colour = from_params.accent_colour;
        }
        if !from_params.dpo.email.is_empty() || !from_params.dpo.name.is_empty() {
            config.dpo = from_params.dpo;
        }
    }
    for p in &problems {
        let p = crate::user_text::plain(p);
        web_sys::console::error_1(&JsValue::from_str(&format!("Video Tool Check configuration: {p}")));
    }
    state.config.set(config);
    state.config_problems.set(problems);
}

/// Tells the page that embeds the widget how tall it is, so the frame can
/// grow to fit and never shows a scroll bar of its own. Only the height is
/// sent; `embed.js` on the host page listens for it.
pub fn report_height() {
    let Ok(Some(parent)) = window().parent() else { return };
    if parent == window() {
        return;
    }
    // NHS.UK's styles always give the page a vertical scroll bar (`html {
    // overflow-y: scroll }`), which in a frame is an empty track beside the
    // widget, drawn in every engine with classic scroll bars. The frame is as
    // tall as the widget, so `.vtc-framed` lets it scroll only if it must.
    if let Some(html) = document().document_element() {
        let classes = html.class_name();
        if !classes.split_whitespace().any(|c| c == "vtc-framed") {
            html.set_class_name(format!("{classes} vtc-framed").trim());
        }
    }
    // The widget's own height, not the document's: the document is never
    // shorter than the frame, so it could grow the frame but never shrink it.
    let measure = || {
        document()
            .query_selector(".vtc")
            .ok()
            .flatten()
            .map_or(0.0_f64, |e| e.get_bounding_client_rect().bottom() + window().scroll_y().unwrap_or(0.0))
            .ceil() as i32
    };
    let send = move || {
        let height = measure();
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"video-tool-check:height".into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &JsValue::from(height));
        // The message holds a number only, so any embedding page may read it.
        let _ = parent.post_message(&message, "*");
    };
    let callback = Closure::<dyn FnMut()>::new(send);
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        if let Some(widget) = document().query_selector(".vtc").ok().flatten() {
            observer.observe(&widget);
        }
    }
    // The observer lives as long as the page.
    callback.forget();
}

/// The publisher's problems, for whoever runs the website.
#[component]
pub fn ConfigProblems() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let problems = state.config_problems.get();
        (!problems.is_empty()).then(|| {
            view! {
                <div class="nhsuk-warning-callout">
                    <h2 class="nhsuk-warning-callout__label">"This page's settings have a problem"</h2>
                    <p>"The check still works, with the standard settings where these are wrong. If you run this website, fix these in the configuration:"</p>
                    <ul>{problems.into_iter().map(|p| view! { <li>{super::common::sentence(&p)}</li> }).collect_view()}</ul>
                </div>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_parameters_are_decoded() {
        assert_eq!(query_value("?a=1&dpo-name=Dana+Patel&accent=%23005eb8", "dpo-name").as_deref(), Some("Dana Patel"));
        assert_eq!(query_value("?accent=%23005eb8", "accent").as_deref(), Some("#005eb8"));
        assert_eq!(query_value("?x=%E2%98%83", "x").as_deref(), Some("☃"));
        assert_eq!(query_value("?x=%zz%", "x").as_deref(), Some("%zz%"));
        assert_eq!(query_value("?x=1", "y"), None);
    }

    #[test]
    fn only_plain_relative_config_paths() {
        assert_eq!(config_path(""), Ok("config.json".to_string()));
        assert_eq!(config_path("?config=practice-a.json"), Ok("practice-a.json".to_string()));
        for bad in [
            "?config=https://evil.example/c.json",
            "?config=//evil.example/c.json",
            "?config=../secret.json",
            "?config=/etc/passwd",
            "?config=",
        ] {
            assert!(config_path(bad).is_err(), "{bad}");
        }
    }
}

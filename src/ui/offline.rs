//! Keeping the widget for use offline: registers its service worker
//! (`offline/sw.js`, written into `dist/sw.js` by the release build) and tells
//! the user when a newer release is ready or the publisher's settings are a
//! kept copy.

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// What the user is told about the widget's offline copy.
#[derive(Clone, Copy)]
pub struct Offline {
    /// A newer release is kept and opens on the next load.
    pub newer_ready: RwSignal<bool>,
    /// The network could not be reached, so the publisher's settings are the
    /// copy kept on this date (`YYYY-MM-DD`).
    pub settings_kept_on: RwSignal<Option<String>>,
}

impl Default for Offline {
    fn default() -> Offline {
        Offline { newer_ready: RwSignal::new(false), settings_kept_on: RwSignal::new(None) }
    }
}

/// Registers the service worker, after the widget has started so that it
/// never competes with the first screen for a slow link.
pub fn keep_for_offline(offline: Offline) {
    // A debug build (scripts/serve.sh) has no sw.js, and an edit must show on
    // the next reload, not the one after.
    // The DPO's page (dpo/) is not kept offline, and has no sw.js beside it.
    if cfg!(debug_assertions) || cfg!(feature = "dpo") {
        return;
    }
    // Read with Reflect, which catches: outside a secure context the property
    // is missing, and in a frame whose storage is blocked, reading it throws.
    // Either way the widget works online, as before.
    let Ok(container) = js_sys::Reflect::get(&window().navigator(), &JsValue::from_str("serviceWorker")) else {
        return;
    };
    let Ok(container) = container.dyn_into::<ServiceWorkerContainer>() else { return };
    let options = web_sys::RegistrationOptions::new();
    // The browser asks the host for sw.js itself, past its HTTP cache, so a
    // new release is found on the next visit.
    options.set_update_via_cache(web_sys::ServiceWorkerUpdateViaCache::None);
    let registering = container.register_with_options("./sw.js", &options);
    leptos::task::spawn_local(async move {
        if let Ok(registration) = wasm_bindgen_futures::JsFuture::from(registering).await {
            watch_for_newer(registration.unchecked_into(), container, offline);
        }
    });
}

/// A newer release is one installed while this page is run by an older one.
/// A first visit has no older one, so nothing is said.
fn watch_for_newer(registration: ServiceWorkerRegistration, container: ServiceWorkerContainer, offline: Offline) {
    let newer_is_ready = {
        let registration = registration.clone();
        move || {
            if container.controller().is_none() {
                return;
            }
            if let Some(waiting) = registration.waiting() {
                offline.newer_ready.set(true);
                // This page has every file it needs, so the new release may
                // take over now; the next load is the new release's.
                let _ = waiting.post_message(&JsValue::from_str("take-over"));
            }
        }
    };
    // Installed on an earlier visit and waiting since.
    newer_is_ready();
    let watched = registration.clone();
    let on_update = Closure::<dyn FnMut()>::new(move || {
        let Some(installing) = watched.installing() else { return };
        let worker = installing.clone();
        let newer_is_ready = newer_is_ready.clone();
        let on_state = Closure::<dyn FnMut()>::new(move || {
            if worker.state() == ServiceWorkerState::Installed {
                newer_is_ready();
            }
        });
        installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
        // Lives as long as the worker it watches.
        on_state.forget();
    });
    registration.set_onupdatefound(Some(on_update.as_ref().unchecked_ref()));
    // One per page, for as long as the page is open.
    on_update.forget();
}

/// The messages, in a live region so a screen reader hears them.
#[component]
pub fn OfflineNotices() -> impl IntoView {
    let offline = expect_context::<super::AppState>().offline;
    view! {
        <div role="status">
            {move || offline.newer_ready.get().then(|| view! {
                <div class="nhsuk-inset-text"><p>
                    "A newer version of this check is ready. It opens the next time you load this page. Your answers are kept."
                </p></div>
            })}
            {move || offline.settings_kept_on.get().map(|date| view! {
                <div class="nhsuk-inset-text"><p>
                    {format!("You seem to be offline. This page uses the settings its publisher gave it on {}.", crate::summary::long_date(&date))}
                </p></div>
            })}
        </div>
    }
}

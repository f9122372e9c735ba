//! What the settings give: a preview of the widget with them, the
//! `config.json` to download and the snippet to paste into the page.

use leptos::context::Provider;
use leptos::prelude::*;

use super::super::browser::download;
use super::super::{start, tool, AppState};
use super::*;

/// The README's embed snippet for the widget's folder at `address`, or what
/// is wrong with the address. Only https, and nothing that could end the
/// snippet's attributes early.
pub fn embed_snippet(address: &str) -> Result<String, &'static str> {
    let address = address.trim();
    let Some(rest) = address.strip_prefix("https://") else {
        return Err("Enter an address that starts with https://, like https://example.org/widgets/video-check/");
    };
    if rest.is_empty() || rest.starts_with('/') {
        return Err("Enter the address with your website's name, like https://example.org/widgets/video-check/");
    }
    if address.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '`' | '\\'))
    {
        return Err("Enter the address without spaces, quotes or angle brackets");
    }
    if address.contains(['?', '#']) {
        return Err("Enter the folder's address only, without ? or #");
    }
    let folder = address.strip_suffix("index.html").unwrap_or(address);
    let folder = if folder.ends_with('/') { folder.to_string() } else { format!("{folder}/") };
    let folder = folder.replace('&', "&amp;");
    Ok(format!(
        "<iframe src=\"{folder}\" title=\"Video Tool Check\"\n        data-video-tool-check style=\"width: 100%; border: 0; min-height: 600px\"></iframe>\n<script src=\"{folder}embed.js\" async></script>\n"
    ))
}

/// The widget's own screens, drawn with the settings the widget would use:
/// the real components under a copy of the app's state whose configuration
/// is the draft's. Inert: it cannot be focused or clicked, and screen
/// readers skip it, as the form above says all it shows.
#[component]
pub fn Preview(draft: Draft) -> impl IntoView {
    let state = expect_context::<AppState>();
    let config = RwSignal::new(draft.checked.with_untracked(|(c, _)| c.clone()));
    Effect::new(move || {
        let checked = draft.checked.with(|(c, _)| c.clone());
        config.set(checked);
    });
    let preview_state = AppState { config, config_problems: RwSignal::new(Vec::new()), ..state };
    let accent = move || config.with(|c| c.accent_colour.clone());
    view! {
        <section class="vtc-no-print" role="region" aria-labelledby="setup-preview">
            <h2 id="setup-preview">"Preview"</h2>
            <p>"The check's first screen and its list of tools, as practices will see them with these settings. It changes as you type. You cannot use it here."</p>
            <Provider value=preview_state>
                <h3 class="nhsuk-heading-s">"The first screen"</h3>
                <div class="vtc-preview" inert="" style:--vtc-accent=accent>
                    <start::StartScreen/>
                </div>
                <h3 class="nhsuk-heading-s">"Choosing a tool"</h3>
                <div class="vtc-preview" inert="" style:--vtc-accent=accent>
                    <tool::ToolScreen/>
                </div>
            </Provider>
        </section>
    }
}

/// The download and the snippet.
#[component]
pub fn Publish(draft: Draft) -> impl IntoView {
    let download_problem = RwSignal::new(None::<&'static str>);
    let save = move |_| {
        if draft.checked.with_untracked(|(_, problems)| !problems.is_empty()) {
            ask_to_fix(draft);
            return;
        }
        // What the widget read back, so the file is exactly what it will use.
        let text = draft.checked.with_untracked(|(c, _)| c.to_text());
        let made = download("config.json", "application/json;charset=utf-8", &text);
        download_problem.set(made.err().map(|_| "Your browser did not let us make the file. Try another browser."));
    };

    let address = RwSignal::new(String::new());
    let address_left = RwSignal::new(false);
    let snippet = move || address.with(|a| embed_snippet(a));
    let address_problem = move || {
        if address_left.get() && !address.with(String::is_empty) {
            snippet().err()
        } else {
            None
        }
    };
    let copy_status = RwSignal::new(String::new());
    let copy = move |_| {
        let Ok(text) = snippet() else { return };
        let clipboard = window().navigator().clipboard();
        leptos::task::spawn_local(async move {
            let done = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text)).await;
            copy_status.set(match done {
                Ok(_) => "The embed code is copied. Paste it into your page.".to_string(),
                Err(_) => "Your browser did not let us copy. Select the code and copy it yourself.".to_string(),
            });
        });
    };

    view! {
        <h2>"Download config.json"</h2>
        <p>"Put config.json beside the widget's index.html on your website. The widget reads it each time it opens."</p>
        <button type="button" class="nhsuk-button" on:click=save>"Download config.json"</button>
        {move || download_problem.get().map(|p| view! { <p class="nhsuk-error-message" role="alert">{p}</p> })}

        <h2>"Put the widget in your page"</h2>
        <div class="nhsuk-form-group" class:nhsuk-form-group--error=move || address_problem().is_some()>
            <label class="nhsuk-label" for="setup-address">"Where will you publish the widget?"</label>
            <div class="nhsuk-hint" id="setup-address-hint">"The address of the folder you copy the widget to, starting https://. For example, https://example.org/widgets/video-check/"</div>
            <div id="setup-address-error">
                {move || address_problem().map(|p| view! {
                    <span class="nhsuk-error-message"><span class="nhsuk-u-visually-hidden">"Error: "</span>{p}</span>
                })}
            </div>
            <input class="nhsuk-input" class:nhsuk-input--error=move || address_problem().is_some() id="setup-address" name="setup-address"
                type="url" inputmode="url" spellcheck="false" autocomplete="url" aria-describedby="setup-address-hint setup-address-error"
                prop:value=move || address.get() on:input=move |ev| address.set(event_target_value(&ev))
                on:change=move |_| address_left.set(true)/>
        </div>
        {move || snippet().ok().map(|code| view! {
            <div class="nhsuk-form-group">
                <label class="nhsuk-label" for="setup-snippet">"Embed code"</label>
                <div class="nhsuk-hint" id="setup-snippet-hint">"Paste this where the widget should appear in your page."</div>
                <textarea class="nhsuk-textarea vtc-code" id="setup-snippet" rows="7" readonly=true spellcheck="false"
                    aria-describedby="setup-snippet-hint" prop:value=code></textarea>
            </div>
            <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=copy>"Copy the embed code"</button>
        })}
        <p role="status">{move || copy_status.get()}</p>
    }
}

#[cfg(test)]
mod tests {
    use super::embed_snippet;

    #[test]
    fn the_snippet_is_the_readmes_for_an_https_folder() {
        let readme = include_str!("../../../README.md");
        let snippet = embed_snippet(" https://example.org/widgets/video-check ").unwrap();
        assert!(readme.contains(&snippet), "{snippet}");
        assert_eq!(embed_snippet("https://example.org/widgets/video-check/index.html").unwrap(), snippet);
        assert!(embed_snippet("https://example.org/a&b/").unwrap().contains("src=\"https://example.org/a&amp;b/\""));
        for bad in [
            "",
            "http://example.org/",
            "javascript:alert(1)",
            "https://",
            "https:///path",
            "https://example.org/\"><script>",
            "https://example.org/a b/",
            "https://example.org/?config=x.json",
        ] {
            assert!(embed_snippet(bad).is_err(), "{bad}");
        }
    }
}

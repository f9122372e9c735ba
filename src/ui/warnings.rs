//! What the user is told about storage: that nothing will be kept, that
//! saved data could not be read, or that the latest answers are not saved.
//! Each says what to do next, and none hides the way out while it matters.

use leptos::prelude::*;

use super::browser::{download, focus_heading, focus_when_drawn};
use super::common::{sentence, ConfirmButton};
use super::messages;
use super::sync::StorageState;

#[component]
pub fn StorageWarnings(storage: StorageState) -> impl IntoView {
    let StorageState { available, unreadable, save_problem, set_aside } = storage;
    // Unreadable data found on opening is the first thing a user must know:
    // focus goes to the message, so a screen reader reads it at once.
    if unreadable.with_untracked(Option::is_some) {
        focus_when_drawn("unreadable-data-title");
    }
    let download_unreadable = move |_| {
        if let Some(u) = unreadable.get_untracked() {
            let _ = download("video-tool-check-unreadable-data.json", "application/json", &u.raw);
        }
    };
    view! {
        {(!available).then(|| view! {
            <div class="nhsuk-warning-callout">
                <h2 class="nhsuk-warning-callout__label">"Your answers will not be kept"</h2>
                <p>"This browser is not letting the page save your answers. You can still finish the check, but download your summary before you close this page."</p>
            </div>
        })}
        {move || unreadable.get().map(|u| view! {
            <div class="nhsuk-warning-callout" id="unreadable-data">
                <h2 class="nhsuk-warning-callout__label" id="unreadable-data-title" tabindex="-1" aria-describedby="unreadable-data-message">
                    {if u.set_aside { "Your newer answers are set aside" } else { "We could not read your saved answers" }}
                </h2>
                <p id="unreadable-data-message">{sentence(&if u.set_aside {
                    "The answers from the newer version are set aside in this browser.".to_string()
                } else {
                    messages::load_error(&u.error)
                })}</p>
                <p>"We have kept the saved data in this browser and not overwritten it. Download it and send it to whoever supports this page, or start again."</p>
                {u.in_place.then(|| view! {
                    <p>"Until you set it aside, this page cannot save your answers."</p>
                })}
                <div class="vtc-actions">
                    <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=download_unreadable>"Download the saved data"</button>
                    // While the data blocks saving, the message stays: hiding it
                    // would also hide the way out, the set-aside button below.
                    {(!u.in_place).then(|| view! {
                        <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=move |_| { unreadable.set(None); focus_heading(); }>"Hide this message"</button>
                    })}
                </div>
                {u.in_place.then(|| view! {
                    <ConfirmButton id="set-aside" label="Set it aside and save here" class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-top-4"
                        question="Set the newer answers aside?"
                        explanation="This page then saves your answers in their place. The newer answers stay in this browser under another name, and you can still download them here. The newer version will not open them by itself."
                        yes="Yes, set them aside" no="No, leave them" on_yes=set_aside/>
                })}
            </div>
        })}
        {move || save_problem.get().filter(|_| available).map(|problem| view! {
            <div class="nhsuk-warning-callout" id="save-problem" role="alert">
                <h2 class="nhsuk-warning-callout__label">"Your latest answers are not saved"</h2>
                <p>{messages::save_error(problem)}" Your answers are still on this page. Download your summary now so you do not lose them."</p>
                <p><a class="nhsuk-link" href="#/summary">"Go to your summary to download it"</a></p>
            </div>
        })}
    }
}

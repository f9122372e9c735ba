//! "Your assessments": every assessment kept in this browser, import, and
//! removing everything from a shared computer.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::browser::{focus_when_drawn, go, show_then_focus, today};
use super::common::{sentence, typed, ConfirmButton, ErrorBox};
use super::route::Screen;
use super::AppState;
use crate::assessment::Assessment;
use crate::export::file::{self, ImportError, Imported};
use crate::library::{ReviewDue, Saved};
use crate::storage;
use crate::summary::{long_date, DpoSummary};

/// What the last delete removed, so it can be undone.
#[derive(Clone)]
struct Deleted {
    index: usize,
    saved: Saved,
    title: String,
}

/// One saved assessment. Kept by its id in a keyed list, so the row and the
/// button the user pressed stay in place while the library changes around
/// them; what it shows is read from the library as it is now.
#[component]
fn SavedRow(id: String, deleted: RwSignal<Option<Deleted>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let content = state.content();
    let saved = {
        let id = id.clone();
        Memo::new(move |_| state.library.with(|lib| lib.get(&id).cloned()))
    };
    let title = move || saved.with(|s| s.as_ref().map(|s| s.title(content)).unwrap_or_default());
    let is_current = {
        let id = id.clone();
        move || state.library.with(|lib| lib.current == id)
    };
    let headline = move || {
        saved.with(|s| {
            s.as_ref().map_or_else(String::new, |s| {
                let summary = DpoSummary::new(&s.assessment, content, &s.updated);
                let updated = if s.updated.is_empty() { "not recorded".to_string() } else { long_date(&s.updated) };
                format!("Last changed {updated}. {}.", summary.headline())
            })
        })
    };
    // When to look at this check again, and whether that is now.
    let due = move || {
        saved.with(|s| {
            let s = s.as_ref()?;
            Some((s.next_review(content)?, s.review_due(content, &today())?))
        })
    };
    let next_review = {
        let id = id.clone();
        move |_| {
            let new_id = state.fresh_id();
            state.library.update(|lib| {
                lib.start_next_review(&id, new_id, &today(), content);
            });
            state.tell_on(Screen::Start, "This year's review has started from last year's answers. Checks whose meaning changed are asked again.");
            go(&Screen::Start);
        }
    };
    let renaming = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let new_name = RwSignal::new(saved.with_untracked(|s| s.as_ref().map(|s| s.name.clone()).unwrap_or_default()));

    let open = {
        let id = id.clone();
        move |_| {
            state.open(&id);
            go(&Screen::Start);
        }
    };
    let duplicate = {
        let id = id.clone();
        move |_| {
            let new_id = state.fresh_id();
            state.library.update(|lib| {
                lib.duplicate(&id, new_id, &today(), content);
            });
            state.tell("A copy was added to your assessments.");
        }
    };
    let save_name = {
        let id = id.clone();
        move |_| {
            state.library.update(|lib| lib.rename(&id, &new_name.get_untracked()));
            renaming.set(false);
            // The Save button has gone: back to the button that began it.
            focus_when_drawn(format!("rename-button-{id}"));
        }
    };
    let delete = {
        let id = id.clone();
        move |_| {
            let blank = state.fresh_id();
            let title = title();
            let mut removed = None;
            state.library.update(|lib| removed = lib.delete(&id, blank, &today()));
            if let Some((index, saved)) = removed {
                deleted.set(Some(Deleted { index, saved, title }));
                focus_when_drawn("undo-delete");
            }
        }
    };
    let row_id = format!("saved-{id}");
    let name_id = format!("rename-{id}");
    let delete_id = format!("delete-{id}");
    let question_id = format!("confirm-delete-{id}");
    let ask = show_then_focus(confirming, true, question_id.clone());
    let keep = show_then_focus(confirming, false, delete_id.clone());
    let rename = show_then_focus(renaming, true, name_id.clone());
    // Every row has the same buttons: a screen reader user hears which
    // assessment each is for, while the visible label stays short.
    let hidden_for = move || {
        view! { <span class="nhsuk-u-visually-hidden">" "{move || sentence(&title())}</span> }
    };
    view! {
        <li class="vtc-saved" id=row_id>
            <h3 class="nhsuk-heading-s nhsuk-u-margin-bottom-1">
                {move || sentence(&title())}
                {move || is_current().then(|| view! { " " <strong class="nhsuk-tag nhsuk-tag--blue">"Open now"</strong> })}
            </h3>
            <p class="vtc-sources nhsuk-u-margin-bottom-2">{headline}</p>
            {move || due().map(|(date, due)| view! {
                <p class="nhsuk-u-margin-bottom-2">{format!("Next review: {}. ", long_date(&date))}
                    {match due {
                        ReviewDue::Overdue => view! { <strong class="nhsuk-tag nhsuk-tag--red">"Overdue"</strong> }.into_any(),
                        ReviewDue::Soon => view! { <strong class="nhsuk-tag nhsuk-tag--yellow">"Due"</strong> }.into_any(),
                        ReviewDue::NotYet => ().into_any(),
                    }}
                </p>
            })}
            {move || renaming.get().then(|| view! {
                <div class="nhsuk-form-group">
                    <label class="nhsuk-label" for=name_id.clone()>"New name"{hidden_for()}</label>
                    <input class="nhsuk-input nhsuk-input--width-30" id=name_id.clone() type="text" dir="auto"
                        prop:value=move || new_name.get() on:input=move |ev| new_name.set(event_target_value(&ev))/>
                </div>
            })}
            {move || if confirming.get() {
                view! {
                    <div class="nhsuk-warning-callout">
                        <h4 class="nhsuk-warning-callout__label" id=question_id.clone() tabindex="-1">{move || sentence(&format!("Delete {}?", title()))}</h4>
                        <p>"You can undo this until you leave this page."</p>
                        <div class="vtc-actions">
                            <button type="button" class="nhsuk-button nhsuk-button--warning" on:click=delete.clone()>"Yes, delete it"{hidden_for()}</button>
                            <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=keep.clone()>"No, keep it"{hidden_for()}</button>
                        </div>
                    </div>
                }.into_any()
            } else if renaming.get() {
                view! {
                    <div class="vtc-actions">
                        <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" on:click=save_name.clone()>"Save name"{hidden_for()}</button>
                    </div>
                }.into_any()
            } else {
                view! {
                    <div class="vtc-actions">
                        <button type="button" class="nhsuk-button nhsuk-button--small" on:click=open.clone()>"Open"{hidden_for()}</button>
                        <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" id=format!("rename-button-{id}") on:click=rename.clone()>"Rename"{hidden_for()}</button>
                        <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" on:click=duplicate.clone()>"Duplicate"{hidden_for()}</button>
                        {due().is_some_and(|(_, d)| d != ReviewDue::NotYet).then(|| view! {
                            <button type="button" class="nhsuk-button nhsuk-button--small" on:click=next_review.clone()>"Start this year's review"{hidden_for()}</button>
                        })}
                        <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" id=delete_id.clone() on:click=ask.clone()>"Delete"{hidden_for()}</button>
                    </div>
                }.into_any()
            }}
        </li>
    }
}

/// Reads the chosen file in the browser: nothing is uploaded.
pub(super) async fn read_chosen(input: web_sys::HtmlInputElement) -> Option<Result<Imported, ImportError>> {
    let chosen = input.files()?.get(0)?;
    let size = chosen.size() as usize;
    if size > storage::MAX_FILE_BYTES {
        return Some(file::read(size, ""));
    }
    let text = wasm_bindgen_futures::JsFuture::from(chosen.text()).await.ok()?.as_string().unwrap_or_default();
    Some(file::read(size, &text))
}

#[component]
pub fn AssessmentsScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    let content = state.content();
    let deleted = RwSignal::new(None::<Deleted>);
    let preview = RwSignal::new(None::<Result<Imported, ImportError>>);
    let file_input = NodeRef::<leptos::html::Input>::new();

    let ids = move || state.library.with(|lib| lib.saved.iter().map(|s| s.id.clone()).collect::<Vec<_>>());

    let new_assessment = move |_| {
        let id = state.fresh_id();
        state.library.update(|lib| lib.add(Assessment::default(), "", id, &today()));
        go(&Screen::About);
    };

    let undo = move |_| {
        if let Some(d) = deleted.get_untracked() {
            let restored = d.saved.id.clone();
            state.library.update(|lib| lib.restore(d.index, d.saved));
            deleted.set(None);
            focus_when_drawn(format!("delete-{restored}"));
        }
    };

    let on_file = move |_| {
        let Some(input) = file_input.get_untracked() else { return };
        let input: web_sys::HtmlInputElement = input.unchecked_into();
        leptos::task::spawn_local(async move {
            let read = read_chosen(input.clone()).await;
            // Browsers only report a change of file: without this, choosing
            // the same file again after fixing it would do nothing.
            if matches!(read, Some(Err(_))) {
                input.set_value("");
            }
            preview.set(read);
        });
    };

    let cancel_import = move |_| {
        preview.set(None);
        if let Some(input) = file_input.get_untracked() {
            input.set_value("");
        }
        // The Cancel button has gone: back to where the user chose the file.
        focus_when_drawn("import-file");
    };

    let add_imported = move |_| {
        if let Some(Ok(imported)) = preview.get_untracked() {
            let id = state.fresh_id();
            state.library.update(|lib| lib.add(imported.assessment, &imported.name, id, &today()));
            preview.set(None);
            state.tell_on(Screen::Summary, "The file was added to your assessments and is open now.");
            go(&Screen::Summary);
        }
    };

    let remove_everything = move |()| {
        super::browser_storage::clear_all();
        state.library.set(crate::library::Library::default());
        state.tell("Everything Video Tool Check kept on this computer has been removed.");
    };

    let preview_view = move || {
        preview.get().map(|result| match result {
            Err(error) => view! {
                <ErrorBox heading="We could not import that file">
                    <p>{sentence(&super::messages::import_error(&error))}</p>
                    <p>"Nothing has been changed."</p>
                </ErrorBox>
            }
            .into_any(),
            Ok(imported) => {
                let s = DpoSummary::new(&imported.assessment, content, &imported.saved);
                view! {
                    <div class="nhsuk-inset-text" role="status">
                        <h3 class="nhsuk-heading-s">"This is what the file holds"</h3>
                        <dl class="nhsuk-summary-list">
                            <div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">"Organisation"</dt><dd class="nhsuk-summary-list__value">{typed(&s.org_name)}</dd></div>
                            <div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">"Video tool"</dt><dd class="nhsuk-summary-list__value">{typed(&s.tool)}</dd></div>
                            <div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">"Saved"</dt><dd class="nhsuk-summary-list__value">{if s.date.is_empty() { "Not recorded".into_any() } else { typed(&long_date(&s.date)) }}</dd></div>
                            <div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">"Outcome"</dt><dd class="nhsuk-summary-list__value">{s.headline()}</dd></div>
                            <div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">"Answers"</dt><dd class="nhsuk-summary-list__value">{imported.assessment.answers.len().to_string()}</dd></div>
                        </dl>
                        <p>"Importing adds it as a new assessment. It does not change the ones you have."</p>
                        <div class="vtc-actions">
                            <button type="button" class="nhsuk-button" on:click=add_imported>"Add it to your assessments"</button>
                            <button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=cancel_import>"Cancel"</button>
                        </div>
                    </div>
                }
                .into_any()
            }
        })
    };

    view! {
        <p class="vtc-no-print"><a class="nhsuk-link" href="#/">"Back to your tasks"</a></p>
        <h1 tabindex="-1">"Your assessments"</h1>
        <div class="nhsuk-inset-text">
            <p>"These are kept only in this browser on this computer. If the browser's data is cleared, they are gone. Download a copy of each summary to keep it safe."</p>
        </div>
        {move || deleted.get().map(|d| view! {
            <div class="nhsuk-inset-text" role="status">
                <p>{sentence(&format!("{} was deleted. ", d.title))}
                <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0" id="undo-delete" on:click=undo>"Undo"</button></p>
            </div>
        })}
        <ul class="nhsuk-list">
            <For each=ids key=|id| id.clone() let(id)>
                <SavedRow id=id deleted=deleted/>
            </For>
        </ul>
        <button type="button" class="nhsuk-button" on:click=new_assessment>"Start a new assessment"</button>

        <h2>"Import a summary"</h2>
        <div class="nhsuk-form-group">
            <label class="nhsuk-label" for="import-file">"Choose a report or JSON file you downloaded from Video Tool Check"</label>
            <div class="nhsuk-hint" id="import-hint">"We read the file in your browser. It is not sent anywhere."</div>
            <input class="vtc-file" id="import-file" type="file" aria-describedby="import-hint" node_ref=file_input on:change=on_file/>
        </div>
        {preview_view}

        <h2>"Remove everything from this computer"</h2>
        <p>"On a shared computer, remove every assessment when you have finished. Download anything you need first."</p>
        <ConfirmButton id="remove-everything" label="Remove everything" class="nhsuk-button nhsuk-button--warning"
            question="Remove everything?"
            explanation="This removes every assessment Video Tool Check has kept in this browser, and a DPO's log of approved tools if there is one. You cannot undo it."
            yes="Yes, remove everything" no="No, keep them" on_yes=Callback::new(remove_everything)/>
    }
}

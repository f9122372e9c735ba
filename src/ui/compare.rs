//! What is known about each tool, and the comparison of two or more tools
//! against the user's organisation and purpose.

use leptos::prelude::*;

use super::browser::go;
use super::common::{sentence, BackToTasks, Sources};
use super::route::Screen;
use super::AppState;
use crate::assessment::ToolChoice;
use crate::choosing::{all_concerns, Concern, Severity};
use crate::content::Tool;

/// Blockers and cautions, as a warning callout when any blocks use.
#[component]
pub fn ConcernList(concerns: Vec<Concern>) -> impl IntoView {
    if concerns.is_empty() {
        return view! { <p class="vtc-concerns">"Nothing in what we know stops you using it. You still need to do the checks."</p> }.into_any();
    }
    let items = concerns
        .into_iter()
        .map(|c| {
            let tag = match c.severity {
                Severity::Blocker => view! { <strong class="nhsuk-tag nhsuk-tag--red">"Stops use"</strong> }.into_any(),
                Severity::Caution => view! { <strong class="nhsuk-tag nhsuk-tag--yellow">"Check"</strong> }.into_any(),
            };
            view! { <li>{tag}" "{sentence(&c.text)}</li> }
        })
        .collect_view();
    view! { <ul class="nhsuk-list vtc-concerns">{items}</ul> }.into_any()
}

/// Each attribute of a tool with its sources; unverified facts are marked.
#[component]
pub fn FactList(tool: &'static Tool) -> impl IntoView {
    let content = expect_context::<AppState>().content();
    let rows = content
        .attributes
        .iter()
        .filter_map(|attr| tool.fact(attr.id).map(|fact| (attr, fact)))
        .map(|(attr, fact)| {
            view! {
                <div class="nhsuk-summary-list__row">
                    <dt class="nhsuk-summary-list__key">{attr.label}</dt>
                    <dd class="nhsuk-summary-list__value">
                        {fact.confirm.then(|| view! { <strong class="nhsuk-tag nhsuk-tag--yellow">"To confirm"</strong>" " })}
                        {fact.text}
                        <Sources ids=fact.sources/>
                    </dd>
                </div>
            }
        })
        .collect_view();
    view! { <dl class="nhsuk-summary-list">{rows}</dl> }
}

/// One row's cells, a cell for each tool picked, kept by tool. Every row
/// uses this one keyed list, so its code is in the download once.
#[component]
fn ToolCells(tools: Memo<Vec<&'static Tool>>, cell: Callback<&'static Tool, AnyView>) -> impl IntoView {
    view! { <For each=move || tools.get() key=|t| t.id let(t)>{cell.run(t)}</For> }
}

#[component]
pub fn CompareScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    let content = state.content();
    let a = state.assessment;
    let picked = RwSignal::new(Vec::<String>::new());
    let about = move || a.with(|a| a.about.clone());

    let boxes = content
        .tools
        .iter()
        .map(|t| {
            let id = format!("compare-{}", t.id);
            let tool_id = t.id;
            view! {
                <div class="nhsuk-checkboxes__item">
                    <input class="nhsuk-checkboxes__input" id=id.clone() name="compare" type="checkbox" value=t.id
                        prop:checked=move || picked.with(|p| p.iter().any(|x| x == tool_id))
                        on:change=move |_| picked.update(|p| {
                            if let Some(i) = p.iter().position(|x| x == tool_id) { p.remove(i); } else { p.push(tool_id.to_string()); }
                        })/>
                    <label class="nhsuk-label nhsuk-checkboxes__label" for=id>{t.name}</label>
                </div>
            }
        })
        .collect_view();

    // The columns are a keyed list: adding or removing a tool leaves the
    // other tools' cells as they are. The table itself is drawn again only
    // when there come to be enough tools to compare, or too few.
    let enough = Memo::new(move |_| picked.with(|p| p.len() >= 2));
    let tools =
        Memo::new(move |_| picked.get().iter().filter_map(|id| content.tool(id)).collect::<Vec<&'static Tool>>());
    let table = move || {
        if !enough.get() {
            return view! { <p>"Choose at least 2 tools to compare them."</p> }.into_any();
        }
        let rows = content
            .attributes
            .iter()
            .map(|attr| {
                let cell = Callback::new(move |t: &'static Tool| {
                    let fact = t.fact(attr.id);
                    view! {
                        <td>
                            {fact.filter(|f| f.confirm).map(|_| view! { <strong class="nhsuk-tag nhsuk-tag--yellow">"To confirm"</strong>" " })}
                            {fact.map(|f| f.text)}
                        </td>
                    }
                    .into_any()
                });
                view! { <tr><th scope="row">{attr.label}</th><ToolCells tools=tools cell=cell/></tr> }
            })
            .collect_view();
        let name = Callback::new(|t: &'static Tool| view! { <th scope="col">{t.name}</th> }.into_any());
        let concerns = Callback::new(move |t: &'static Tool| {
            view! { <td>{move || view! { <ConcernList concerns=all_concerns(t, &about(), &state.config.get())/> }}</td> }
                .into_any()
        });
        let choose = Callback::new(move |t: &'static Tool| {
            view! {
                <td>
                    <button type="button" class="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                        on:click=move |_| { a.update(|a| a.tool = Some(ToolChoice::Listed(t.id.to_string()))); go(&Screen::Tool); }>
                        {format!("Check {}", t.name)}
                    </button>
                </td>
            }
            .into_any()
        });
        view! {
            <div class="vtc-table-scroll" role="region" aria-labelledby="comparison-caption" tabindex="0">
                <table class="nhsuk-table">
                    <caption class="nhsuk-table__caption" id="comparison-caption">"Your tools side by side"</caption>
                    <thead><tr><td></td><ToolCells tools=tools cell=name/></tr></thead>
                    <tbody>
                        <tr><th scope="row">"What would stop you"</th><ToolCells tools=tools cell=concerns/></tr>
                        {rows}
                        <tr><th scope="row">"Check it"</th><ToolCells tools=tools cell=choose/></tr>
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    };

    view! {
        <BackToTasks/>
        <h1 tabindex="-1">"Compare video tools"</h1>
        <p>"See what we know about two or more tools side by side, and what would stop you using each one."</p>
        {move || {
            let about = about();
            match (about.org_type, about.purpose) {
                (Some(org), Some(purpose)) => view! {
                    <p id="compare-for">{format!("Compared for: {}, using it for {}.", org.label(), purpose.phrase())}</p>
                }.into_any(),
                _ => view! {
                    <div class="nhsuk-inset-text" id="compare-for">
                        <p>"Fill in "<a class="nhsuk-link" href="#/about">"About you"</a>" first to see what would stop your organisation using each tool."</p>
                    </div>
                }.into_any(),
            }
        }}
        <div class="nhsuk-form-group">
            <fieldset class="nhsuk-fieldset">
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">"Which tools do you want to compare?"</legend>
                <div class="nhsuk-checkboxes">{boxes}</div>
            </fieldset>
        </div>
        {table}
    }
}

//! One of the reader's own articles: the reading view plus rename and delete.

use std::rc::Rc;

use dateline_format::article::{Article, EntityType};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::status::ErrorMessage;
use crate::corrections::{self, Correction};
use crate::data::{LoadError, Shared};
use crate::pages::not_found::NotFound;
use crate::pages::reader::ArticleView;
use crate::route::{select_in_route, Collection, Route, Selection};
use crate::store;

/// Props of [`MinePage`].
#[derive(Properties, PartialEq)]
pub struct MineProps {
    /// Article id.
    pub id: String,
    /// What is selected.
    pub selection: Selection,
}

/// What the tools row is doing.
#[derive(Clone, Debug, PartialEq)]
enum Mode {
    Idle,
    Renaming,
    ConfirmDelete,
}

/// Opens one of the reader's articles from the browser's storage.
#[function_component(MinePage)]
pub fn mine_page(props: &MineProps) -> Html {
    let navigator = use_navigator();
    // Bumped after every write, so the page shows what is stored.
    let revision = use_state(|| 0u32);
    let loaded = {
        let id = props.id.clone();
        use_memo((id, *revision), |(id, _)| {
            store::load(id).map(|a| Shared(Rc::new(a)))
        })
    };
    let mode = use_state(|| Mode::Idle);
    let problem = use_state(|| None::<String>);
    let rename_ref = use_node_ref();
    {
        let mode = mode.clone();
        let problem = problem.clone();
        use_effect_with(props.id.clone(), move |_| {
            gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
            mode.set(Mode::Idle);
            problem.set(None);
        });
    }
    {
        let rename_ref = rename_ref.clone();
        use_effect_with((*mode).clone(), move |mode| {
            if *mode == Mode::Renaming {
                if let Some(input) = rename_ref.cast::<HtmlInputElement>() {
                    input.focus().ok();
                    input.select();
                }
            }
        });
    }

    let article = match &*loaded {
        Ok(article) => article.clone(),
        Err(LoadError::NotFound) => return html! { <NotFound what="article" /> },
        Err(error) => {
            return html! { <ErrorMessage title="This article could not be opened" detail={error.to_string()} /> }
        }
    };

    let save = {
        let revision = revision.clone();
        let problem = problem.clone();
        move |next: Article| match store::save(&next) {
            Ok(()) => {
                problem.set(None);
                revision.set(*revision + 1);
                true
            }
            Err(error) => {
                problem.set(Some(error.to_string()));
                false
            }
        }
    };

    let on_select = select_in_route(navigator.clone(), Collection::Mine, &props.id);
    let set_mode = |next: Mode| {
        let mode = mode.clone();
        Callback::from(move |_: MouseEvent| mode.set(next.clone()))
    };
    let on_rename = {
        let article = article.clone();
        let mode = mode.clone();
        let problem = problem.clone();
        let rename_ref = rename_ref.clone();
        let save = save.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(input) = rename_ref.cast::<HtmlInputElement>() else {
                return;
            };
            let title = input.value().trim().to_string();
            if title.is_empty() {
                problem.set(Some("A title cannot be empty.".into()));
                return;
            }
            let mut next = (*article).clone();
            next.title = title;
            if save(next) {
                mode.set(Mode::Idle);
            }
        })
    };
    let on_delete = {
        let id = props.id.clone();
        let problem = problem.clone();
        let navigator = navigator.clone();
        Callback::from(move |_: MouseEvent| match store::delete(&id) {
            Ok(()) => {
                if let Some(navigator) = &navigator {
                    navigator.push(&Route::Library);
                }
            }
            Err(error) => problem.set(Some(error.to_string())),
        })
    };

    let tools = match &*mode {
        Mode::Idle => html! {
            <div class="own-tools" role="group" aria-label="Your article">
                <span class="own-badge">{"Yours · kept in this browser"}</span>
                <button type="button" class="tool" data-action="rename" onclick={set_mode(Mode::Renaming)}>{"Rename"}</button>
                <button type="button" class="tool danger" data-action="delete" onclick={set_mode(Mode::ConfirmDelete)}>{"Delete"}</button>
            </div>
        },
        Mode::Renaming => html! {
            <form class="own-tools rename-form" onsubmit={on_rename}>
                <label for="rename-title">{"New title"}</label>
                <input id="rename-title" type="text" ref={rename_ref.clone()} value={article.title.clone()} maxlength="300" />
                <button type="submit" class="tool primary" data-action="rename-save">{"Save title"}</button>
                <button type="button" class="tool" onclick={set_mode(Mode::Idle)}>{"Cancel"}</button>
            </form>
        },
        Mode::ConfirmDelete => html! {
            <div class="own-tools confirm" role="alertdialog" aria-label="Confirm deletion">
                <span>{"Delete this article from this browser? This cannot be undone (export it first to keep a copy)."}</span>
                <button type="button" class="tool danger" data-action="delete-confirm" onclick={on_delete}>{"Delete"}</button>
                <button type="button" class="tool" data-action="delete-cancel" onclick={set_mode(Mode::Idle)}>{"Keep it"}</button>
            </div>
        },
    };
    // A correction is saved at once; if it removed the selected name, the selection follows.
    let on_correct = {
        let article = article.clone();
        let problem = problem.clone();
        let navigator = navigator.clone();
        let save = save.clone();
        let id = props.id.clone();
        Callback::from(
            move |(correction, then): (Correction, Selection)| match corrections::apply(
                &article,
                &correction,
            ) {
                Ok(next) => {
                    if save(next) {
                        if let Some(navigator) = &navigator {
                            navigator.replace(&Route::to_article(Collection::Mine, &id, &then));
                        }
                    }
                }
                Err(why) => problem.set(Some(format!("That correction cannot be made: {why}."))),
            },
        )
    };
    let corrections = correction_panel(&article, &props.selection, &on_correct);
    html! {
        <ArticleView article={article} selection={props.selection.clone()} {on_select}>
            { tools }
            { corrections }
            if let Some(problem) = &*problem { <p class="form-error" role="alert">{problem}</p> }
        </ArticleView>
    }
}

/// The corrections for what is selected: an entity's type, merging it into another name, removing
/// one of its mentions; or an event's date.
fn correction_panel(
    article: &Article,
    selection: &Selection,
    on_correct: &Callback<(Correction, Selection)>,
) -> Html {
    match selection {
        Selection::None => html! {
            <p class="hint corrections-hint">{"To correct the analysis, select a name or an event."}</p>
        },
        Selection::Entity(id) => {
            let Some(entity) = article.entities.iter().find(|e| e.id == *id) else {
                return html! {};
            };
            let body: Vec<char> = article.body_text().chars().collect();
            let on_type = {
                let on_correct = on_correct.clone();
                let id = id.clone();
                Callback::from(move |event: Event| {
                    let Some(select) = event.target_dyn_into::<HtmlSelectElement>() else {
                        return;
                    };
                    if let Some(entity_type) = EntityType::from_code(&select.value()) {
                        on_correct.emit((
                            Correction::SetType {
                                entity: id.clone(),
                                entity_type,
                            },
                            Selection::Entity(id.clone()),
                        ));
                    }
                })
            };
            let on_merge = {
                let on_correct = on_correct.clone();
                let id = id.clone();
                Callback::from(move |event: SubmitEvent| {
                    event.prevent_default();
                    let select = gloo::utils::document()
                        .get_element_by_id("fix-merge")
                        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<HtmlSelectElement>(e).ok());
                    if let Some(into) = select.map(|s| s.value()).filter(|v| !v.is_empty()) {
                        on_correct.emit((
                            Correction::Merge {
                                into: into.clone(),
                                from: id.clone(),
                            },
                            Selection::Entity(into),
                        ));
                    }
                })
            };
            let last = entity.mentions.len() == 1;
            html! {
                <section class="corrections" aria-labelledby="corrections-title">
                    <h2 id="corrections-title">{format!("Correct “{}”", entity.name)}</h2>
                    <p class="fix-row">
                        <label for="fix-type">{"Type"}</label>
                        <select id="fix-type" data-action="set-type" onchange={on_type}>
                            { for EntityType::ALL.into_iter().map(|t| html! {
                                <option value={t.code()} selected={t == entity.entity_type}>{t.label()}</option>
                            }) }
                        </select>
                    </p>
                    if article.entities.len() > 1 {
                        <form class="fix-row" onsubmit={on_merge}>
                            <label for="fix-merge">{"Same as"}</label>
                            <select id="fix-merge">
                                { for article.entities.iter().filter(|e| e.id != *id).map(|e| html! {
                                    <option key={e.id.clone()} value={e.id.clone()}>{format!("{} ({})", e.name, e.entity_type.label())}</option>
                                }) }
                            </select>
                            <button type="submit" class="tool" data-action="merge">{"Merge"}</button>
                        </form>
                    }
                    <ul class="fix-mentions" aria-label="Mentions">
                        { for entity.mentions.iter().map(|m| {
                            let text: String = body[m.start.min(body.len())..m.end.min(body.len())].iter().collect();
                            let onclick = {
                                let on_correct = on_correct.clone();
                                let id = id.clone();
                                let start = m.start;
                                Callback::from(move |_: MouseEvent| on_correct.emit((
                                    Correction::RemoveMention { entity: id.clone(), start },
                                    if last { Selection::None } else { Selection::Entity(id.clone()) },
                                )))
                            };
                            html! {
                                <li key={m.start}>
                                    <span>{format!("“{text}”")}</span>
                                    <button type="button" class="tool" data-action="remove-mention" data-start={m.start.to_string()} {onclick}>{"Not a name here: remove"}</button>
                                </li>
                            }
                        }) }
                    </ul>
                </section>
            }
        }
        Selection::Event(id) => {
            let Some(event) = article.events.iter().find(|e| e.id == *id) else {
                return html! {};
            };
            let on_date = {
                let on_correct = on_correct.clone();
                let id = id.clone();
                Callback::from(move |submit: SubmitEvent| {
                    submit.prevent_default();
                    let input = gloo::utils::document()
                        .get_element_by_id("fix-date")
                        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<HtmlInputElement>(e).ok());
                    if let Some(date) = input.map(|i| i.value()) {
                        on_correct.emit((
                            Correction::SetEventDate {
                                event: id.clone(),
                                date,
                            },
                            Selection::Event(id.clone()),
                        ));
                    }
                })
            };
            html! {
                <section class="corrections" aria-labelledby="corrections-title">
                    <h2 id="corrections-title">{"Correct this event’s date"}</h2>
                    <form class="fix-row" onsubmit={on_date}>
                        <label for="fix-date">{"Date"}</label>
                        <input id="fix-date" type="text" value={event.date.clone()} aria-describedby="fix-date-note" />
                        <button type="submit" class="tool" data-action="fix-date">{"Save date"}</button>
                        <span id="fix-date-note" class="hint">{"YYYY, YYYY-MM or YYYY-MM-DD"}</span>
                    </form>
                </section>
            }
        }
    }
}

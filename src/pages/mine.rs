//! One of the reader's own articles: the reading view plus rename and delete.

use std::rc::Rc;

use dateline_core::article::Article;
use web_sys::HtmlInputElement;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::components::status::ErrorMessage;
use crate::data::{LoadError, Shared};
use crate::pages::not_found::NotFound;
use crate::pages::reader::{ArticleView, Selection};
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

    let on_select = {
        let navigator = navigator.clone();
        let id = props.id.clone();
        Callback::from(move |next: Selection| {
            if let Some(navigator) = &navigator {
                navigator.push(&Route::mine(&id, &next));
            }
        })
    };
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
    html! {
        <ArticleView article={article} selection={props.selection.clone()} {on_select}>
            { tools }
            if let Some(problem) = &*problem { <p class="form-error" role="alert">{problem}</p> }
        </ArticleView>
    }
}

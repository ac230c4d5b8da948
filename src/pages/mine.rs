//! One of the reader's articles ("mine"), read from this browser's storage: the reading view with
//! rename, delete and corrections, each saved at once.

use std::rc::Rc;

use dateline_format::article::Article;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::article_view::ArticleView;
use crate::components::correction_panel::CorrectionPanel;
use crate::components::mine_tools::MineTools;
use crate::components::status::ErrorMessage;
use crate::corrections::{self, Correction};
use crate::data::{LoadError, Shared};
use crate::pages::not_found::NotFound;
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
    let problem = use_state(|| None::<String>);
    {
        let problem = problem.clone();
        use_effect_with(props.id.clone(), move |_| {
            gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
            problem.set(None);
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
    let on_rename = {
        let article = article.clone();
        let problem = problem.clone();
        let save = save.clone();
        Callback::from(move |title: String| {
            let title = title.trim();
            if title.is_empty() {
                problem.set(Some("A title cannot be empty.".into()));
                return false;
            }
            let mut next = (*article).clone();
            next.title = title.to_string();
            save(next)
        })
    };
    let on_delete = {
        let id = props.id.clone();
        let problem = problem.clone();
        let navigator = navigator.clone();
        Callback::from(move |()| match store::delete(&id) {
            Ok(()) => {
                if let Some(navigator) = &navigator {
                    navigator.push(&Route::Library);
                }
            }
            Err(error) => problem.set(Some(error.to_string())),
        })
    };
    // A correction is saved at once; if it removed the selected name, the selection follows.
    let on_correct = {
        let article = article.clone();
        let problem = problem.clone();
        let navigator = navigator.clone();
        let id = props.id.clone();
        Callback::from(move |(correction, then): (Correction, Selection)| {
            let next = match corrections::apply(&article, &correction) {
                Ok(next) => next,
                Err(error) => return problem.set(Some(error.to_string())),
            };
            if save(next) {
                if let Some(navigator) = &navigator {
                    navigator.replace(&Route::to_article(Collection::Mine, &id, &then));
                }
            }
        })
    };
    let on_select = select_in_route(navigator, Collection::Mine, &props.id);
    html! {
        <ArticleView article={article.clone()} selection={props.selection.clone()} {on_select}>
            <MineTools key={props.id.clone()} title={article.title.clone()} {on_rename} {on_delete} />
            <CorrectionPanel article={article} selection={props.selection.clone()} {on_correct} />
            if let Some(problem) = &*problem { <p class="form-error" role="alert">{problem}</p> }
        </ArticleView>
    }
}

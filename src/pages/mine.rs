//! One of the reader's articles ("mine"), read from this browser's storage: the reading view with
//! rename, delete and corrections, each saved at once.

use std::rc::Rc;

use dateline_format::article::Article;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::article_view::ArticleView;
use crate::components::correction_panel::CorrectionPanel;
use crate::components::mine_tools::MineTools;
use crate::components::status::{ErrorMessage, Loading};
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
    let loaded = use_state(|| None::<Result<Shared<Article>, LoadError>>);
    {
        let loaded = loaded.clone();
        use_effect_with((props.id.clone(), *revision), move |(id, _)| {
            let (id, loaded) = (id.clone(), loaded.clone());
            wasm_bindgen_futures::spawn_local(async move {
                loaded.set(Some(store::load(&id).await.map(|a| Shared(Rc::new(a)))));
            });
        });
    }
    let problem = use_state(|| None::<String>);
    {
        let problem = problem.clone();
        use_effect_with(props.id.clone(), move |_| {
            gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
            problem.set(None);
        });
    }

    let article = match &*loaded {
        None => return html! { <Loading what="your article" /> },
        Some(Ok(article)) if article.id == props.id => article.clone(),
        Some(Ok(_)) => return html! { <Loading what="your article" /> },
        Some(Err(LoadError::NotFound)) => return html! { <NotFound what="article" /> },
        Some(Err(error)) => {
            return html! { <ErrorMessage title="This article could not be opened" detail={error.to_string()} /> }
        }
    };

    // Saves, then shows what is stored; the answer comes through `then` (true once saved).
    let save = {
        let revision = revision.clone();
        let problem = problem.clone();
        move |next: Article, then: Callback<bool>| {
            let (revision, problem) = (revision.clone(), problem.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match store::save(&next).await {
                    Ok(()) => {
                        problem.set(None);
                        revision.set(*revision + 1);
                        then.emit(true);
                    }
                    Err(error) => {
                        problem.set(Some(error.to_string()));
                        then.emit(false);
                    }
                }
            });
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
            save(next, Callback::noop());
            true
        })
    };
    let on_delete = {
        let id = props.id.clone();
        let problem = problem.clone();
        let navigator = navigator.clone();
        Callback::from(move |()| {
            let (id, problem, navigator) = (id.clone(), problem.clone(), navigator.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match store::delete(&id).await {
                    Ok(()) => {
                        if let Some(navigator) = &navigator {
                            navigator.push(&Route::Library);
                        }
                    }
                    Err(error) => problem.set(Some(error.to_string())),
                }
            });
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
            let (navigator, id) = (navigator.clone(), id.clone());
            save(
                next,
                Callback::from(move |saved: bool| {
                    if let (true, Some(navigator)) = (saved, &navigator) {
                        navigator.replace(&Route::to_article(Collection::Mine, &id, &then));
                    }
                }),
            );
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

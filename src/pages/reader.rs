//! A bundled article: loads it by id and shows it in the reading view; the selection lives in the
//! route.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::article_view::ArticleView;
use crate::components::status::{ErrorMessage, Loading};
use crate::data::{load_article, LoadError, Shared};
use crate::pages::not_found::NotFound;
use crate::prerendered::Preloaded;
use crate::route::{select_in_route, Collection, Selection};

/// Props of [`ReaderPage`].
#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    /// Article id.
    pub id: String,
    /// What is selected.
    pub selection: Selection,
}

/// Loads an article by id and shows it.
#[function_component(ReaderPage)]
pub fn reader_page(props: &ReaderProps) -> Html {
    let navigator = use_navigator();
    // A prerendered page hands over its article, so the first render equals the page.
    let preloaded = use_context::<Preloaded>().unwrap_or_default();
    let loaded = use_state(|| {
        preloaded
            .article(&props.id)
            .map(|article| (props.id.clone(), Ok::<_, LoadError>(article)))
    });
    {
        let loaded = loaded.clone();
        use_effect_with(props.id.clone(), move |id| {
            if matches!(&*loaded, Some((shown, Ok(_))) if shown == id) {
                // Hydrated: the article is on screen, and the reader may have scrolled already.
                return;
            }
            // Hash navigation keeps the scroll position; a different article starts at its top.
            gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
            let id = id.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let result = load_article(&id).await.map(|a| Shared(std::rc::Rc::new(a)));
                loaded.set(Some((id, result)));
            });
        });
    }
    match &*loaded {
        Some((id, Ok(article))) if *id == props.id => {
            let on_select = select_in_route(navigator.clone(), Collection::Bundled, id);
            html! { <ArticleView article={article.clone()} selection={props.selection.clone()} {on_select} /> }
        }
        Some((id, Err(LoadError::NotFound))) if *id == props.id => {
            html! { <NotFound what="article" /> }
        }
        Some((id, Err(error))) if *id == props.id => {
            html! { <ErrorMessage title="This article could not be opened" detail={error.to_string()} /> }
        }
        _ => html! { <Loading what="the article" /> },
    }
}

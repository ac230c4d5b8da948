//! The library: every bundled article.

use dateline_core::article::Library;
use yew::prelude::*;

use crate::app::Route;
use crate::components::status::{ErrorMessage, Loading};
use crate::data::{load_library, LoadError};
use crate::dates::{display_date, reading_minutes};

/// Lists the bundled articles, newest first.
#[function_component(LibraryPage)]
pub fn library_page() -> Html {
    let library = use_state(|| None::<Result<Library, LoadError>>);
    {
        let library = library.clone();
        use_effect_with((), move |_| {
            gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
            wasm_bindgen_futures::spawn_local(async move {
                library.set(Some(load_library().await));
            });
        });
    }
    use_effect_with((), |_| {
        gloo::utils::document().set_title("Dateline — library")
    });

    let body = match &*library {
        None => html! { <Loading what="the library" /> },
        Some(Err(error)) => {
            html! { <ErrorMessage title="The library could not be opened" detail={error.to_string()} /> }
        }
        Some(Ok(library)) if library.articles.is_empty() => html! {
            <p class="empty">{"No articles are bundled yet. Add one with `dateline bundle` (see the README)."}</p>
        },
        Some(Ok(library)) => html! {
            <ul class="article-list">
                { for library.articles.iter().map(|entry| {
                    let href = Route::Article { id: entry.id.clone() }.href();
                    html! {
                        <li key={entry.id.clone()} class="article-card">
                            <h2><a {href}>{&entry.title}</a></h2>
                            if !entry.standfirst.is_empty() { <p class="standfirst">{&entry.standfirst}</p> }
                            <p class="meta">
                                <span>{&entry.source}</span>
                                <span><time datetime={entry.published.clone()}>{display_date(&entry.published)}</time></span>
                                <span>{format!("{} min read", reading_minutes(entry.words))}</span>
                                <span>{format!("{} names · {} dated events", entry.entities, entry.events)}</span>
                            </p>
                        </li>
                    }
                }) }
            </ul>
        },
    };
    html! {
        <section class="library" aria-labelledby="library-title">
            <h1 id="library-title">{"Library"}</h1>
            <p class="lede">{"Open an article to read it with its people, organisations and places highlighted and its events on a timeline."}</p>
            { body }
        </section>
    }
}

//! The library: the reader's articles ("Your articles"), then every bundled article.

use dateline_format::library::{LibraryEntry, LibraryIndex};
use yew::prelude::*;

use crate::components::status::{ErrorMessage, Loading};
use crate::data::{load_library, LoadError};
use crate::dates::{display_date, display_published, reading_minutes};
use crate::route::{Collection, Route, Selection};
use crate::store;

/// One library card; the reader's articles carry `data-own="true"` (the DOM contract) and a badge.
fn card(entry: &LibraryEntry, collection: Collection) -> Html {
    let mine = collection == Collection::Mine;
    let href = Route::to_article(collection, &entry.id, &Selection::None).href();
    html! {
        <li key={entry.id.clone()} class={classes!("article-card", mine.then_some("mine"))} data-own={mine.then_some("true")}>
            if mine { <span class="mine-badge">{"Yours"}</span> }
            <h2><a {href}>{&entry.title}</a></h2>
            if !entry.standfirst.is_empty() { <p class="standfirst">{&entry.standfirst}</p> }
            <p class="meta">
                if !entry.source.is_empty() { <span>{&entry.source}</span> }
                if let Some(published) = &entry.published {
                    <span><time datetime={published.clone()}>{display_date(published)}</time></span>
                } else {
                    <span class="date-unknown">{display_published(None, false)}</span>
                }
                <span>{format!("{} min read", reading_minutes(entry.words as usize))}</span>
                <span>{format!("{} names · {} dated events", entry.entities, entry.events)}</span>
            </p>
        </li>
    }
}

/// Lists the reader's own articles, then the bundled ones, newest first.
#[function_component(LibraryPage)]
pub fn library_page() -> Html {
    let library = use_state(|| None::<Result<LibraryIndex, LoadError>>);
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
                { for library.articles.iter().map(|entry| card(entry, Collection::Bundled)) }
            </ul>
        },
    };
    // Read once when the library opens: every stored article is read and validated.
    let mine = use_memo((), |_| store::entries());
    html! {
        <section class="library" aria-labelledby="library-title">
            <h1 id="library-title">{"Library"}</h1>
            <p class="lede">{"Open an article to read it with its people, organisations and places highlighted and its events on a timeline."}</p>
            <section class="mine-articles" aria-labelledby="mine-title">
                <h2 id="mine-title">{"Your articles"}</h2>
                if mine.is_empty() {
                    <p class="empty-mine">{"Articles you analyze are kept here, in this browser only. "}
                        <a href={Route::Analyze.href()} data-nav="analyze">{"Analyze your own article"}</a></p>
                } else {
                    <p><a href={Route::Analyze.href()} data-nav="analyze">{"Analyze another article"}</a></p>
                    <ul class="article-list">
                        { for mine.iter().map(|entry| card(entry, Collection::Mine)) }
                    </ul>
                }
            </section>
            <h2 class="bundled-title">{"Bundled with Dateline"}</h2>
            { body }
        </section>
    }
}

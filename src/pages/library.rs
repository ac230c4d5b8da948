//! The library: every article, the reader's own ("Yours") among the bundled ones, with search as
//! you type over titles, standfirsts and names, filters by source, kind of name and year, and a
//! sort by date or title. The query and filters live in the address (`#/?q=…`), so a reload or a
//! shared link keeps them.

use std::fmt::Write;

use dateline_format::article::EntityType;
use dateline_format::library::names::search_key;
use dateline_format::library::LibraryEntry;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::status::{ErrorMessage, Loading};
use crate::data::{LoadError, Shared};
use crate::dates::{display_published, reading_minutes};
use crate::library::{Query, Shelf, UNKNOWN_YEAR};
use crate::markup::{escape, push_escaped};
use crate::prerendered::Preloaded;
use crate::route::{Collection, Route, Selection};

/// Cards rendered at once; "Show more" adds as many again, so the DOM stays small at 10,000.
const PAGE: usize = 50;

/// Appends `text` to `out` as HTML, the words a query begins marked (`<mark>`), every text
/// escaped.
fn push_highlighted(out: &mut String, text: &str, query_key: &str) {
    let words: Vec<&str> = query_key.split(' ').filter(|w| !w.is_empty()).collect();
    for token in text.split_inclusive(char::is_whitespace) {
        let word = token.trim_end();
        let key = search_key(word);
        let hit = !words.is_empty()
            && !key.is_empty()
            && key
                .split(' ')
                .any(|k| words.iter().any(|w| k.starts_with(w)));
        if hit {
            out.push_str("<mark>");
            push_escaped(out, word);
            out.push_str("</mark>");
            push_escaped(out, &token[word.len()..]);
        } else {
            push_escaped(out, token);
        }
    }
}

/// One library card as HTML: `data-article-id`; the reader's articles also `data-own="true"` and
/// a badge. The cards are one string of HTML (`markup`), like the reading view's text: the
/// prerendered library's fifty cards are adopted whole when the page is taken over, and a
/// keystroke's new cards are parsed by the browser in one go.
fn write_card(out: &mut String, shelf: &Shelf, article: u32, query_key: &str) {
    let entry: &LibraryEntry = &shelf.index.articles[article as usize];
    let collection = shelf.collection(&entry.id);
    let mine = collection == Collection::Mine;
    let href = Route::to_article(collection, &entry.id, &Selection::None).href();
    let id = escape(&entry.id);
    if mine {
        let _ = write!(
            out,
            "<li data-article-id=\"{id}\" class=\"article-card mine\" data-own=\"true\"><span class=\"mine-badge\">Yours</span>"
        );
    } else {
        let _ = write!(out, "<li data-article-id=\"{id}\" class=\"article-card\">");
    }
    let _ = write!(out, "<h2><a href=\"{}\">", escape(&href));
    push_highlighted(out, &entry.title, query_key);
    out.push_str("</a></h2>");
    if !entry.standfirst.is_empty() {
        out.push_str("<p class=\"standfirst\">");
        push_highlighted(out, &entry.standfirst, query_key);
        out.push_str("</p>");
    }
    out.push_str("<p class=\"meta\">");
    if !entry.source.is_empty() {
        let _ = write!(out, "<span>{}</span>", escape(&entry.source));
    }
    out.push_str("<span><time");
    if let Some(published) = &entry.published {
        let _ = write!(out, " datetime=\"{}\"", escape(published));
    }
    let _ = write!(
        out,
        ">{}</time></span><span>{} min read</span><span>{} names · {} events</span></p>",
        escape(&display_published(
            entry.published.as_deref(),
            entry.published_inferred
        )),
        reading_minutes(entry.words as usize),
        entry.entities,
        entry.events,
    );
    let matched = shelf.matched_names(article, query_key);
    if !matched.is_empty() {
        out.push_str("<p class=\"matched-names\">Names: ");
        for &(entity, mentions) in matched.iter().take(6) {
            let e = &shelf.index.entities[entity as usize];
            let _ = write!(
                out,
                "<a class=\"name-chip {}\" href=\"{}\">",
                e.entity_type.code().to_ascii_lowercase(),
                escape(&Route::Entity { id: e.id.clone() }.href())
            );
            push_highlighted(out, &e.name, query_key);
            let _ = write!(
                out,
                "<span class=\"count\" aria-label=\"{mentions} mentions\"> ×{mentions}</span></a>"
            );
        }
        out.push_str("</p>");
    }
    out.push_str("</li>");
}

/// The reader's kept articles that no longer validate: never dropped, each linked to its page,
/// which says what is wrong.
fn damaged_list(damaged: &[(String, String)]) -> Html {
    if damaged.is_empty() {
        return html! {};
    }
    html! {
        <ul class="damaged-list" role="status">
            { for damaged.iter().map(|(id, _)| html! {
                <li key={id.clone()} data-damaged-id={id.clone()}>
                    {"One of your kept articles could not be read: "}
                    <a href={Route::Mine { id: id.clone() }.href()}>{id}</a>
                    {". It is still kept; open it to see why."}
                </li>
            }) }
        </ul>
    }
}

/// A labelled `<select>` of a query field; choosing puts the new query into the address.
fn select(
    id: &'static str,
    label: &'static str,
    value: &str,
    options: Vec<(String, String)>,
    on_change: Callback<String>,
) -> Html {
    let onchange = Callback::from(move |e: Event| {
        if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
            on_change.emit(select.value());
        }
    });
    html! {
        <p class="filter">
            <label for={id}>{label}</label>
            <select {id} {onchange}>
                { for options.into_iter().map(|(v, text)| html! {
                    <option selected={v == value} value={v.clone()}>{text}</option>
                }) }
            </select>
        </p>
    }
}

/// The search box and the filters, bound to the address.
fn search_form(shelf: &Shelf, query: &Query, set: Callback<Query>) -> Html {
    let field = |update: fn(&mut Query, String)| {
        let (query, set) = (query.clone(), set.clone());
        Callback::from(move |value: String| {
            let mut next = query.clone();
            update(&mut next, value);
            set.emit(next);
        })
    };
    let on_input = {
        let on = field(|q, v| q.q = v);
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                on.emit(input.value());
            }
        })
    };
    let any = |label: &str| (String::new(), label.to_string());
    let sources = std::iter::once(any("Any source"))
        .chain(shelf.sources().iter().map(|s| (s.clone(), s.clone())))
        .collect();
    let kinds = std::iter::once(any("Any kind of name"))
        .chain(
            [
                EntityType::Person,
                EntityType::Organization,
                EntityType::Location,
                EntityType::Miscellaneous,
            ]
            .into_iter()
            .map(|t| (t.code().to_string(), format!("Names {}", t.plural_label()))),
        )
        .collect();
    let years = std::iter::once(any("Any year"))
        .chain(shelf.years().iter().cloned().map(|y| {
            let text = if y == UNKNOWN_YEAR {
                "Date unknown".to_string()
            } else {
                y.clone()
            };
            (y, text)
        }))
        .collect();
    let sorts = vec![any("Newest first"), ("title".into(), "By title".into())];
    html! {
        <form class="library-search" role="search" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <p class="search-box">
                <label for="library-q">{"Search titles, standfirsts and names"}</label>
                <input id="library-q" type="search" value={query.q.clone()} oninput={on_input}
                    autocomplete="off" spellcheck="false" placeholder="e.g. Putin, Hamburg, NATO" />
            </p>
            <div class="filters">
                { select("library-source", "Source", &query.source, sources, field(|q, v| q.source = v)) }
                { select("library-kind", "Names", &query.kind, kinds, field(|q, v| q.kind = v)) }
                { select("library-year", "Year", &query.year, years, field(|q, v| q.year = v)) }
                { select("library-sort", "Sort", &query.sort, sorts, field(|q, v| q.sort = v)) }
            </div>
        </form>
    }
}

/// The results of a query: their count, at most `shown` cards and "Show more".
fn results(shelf: &Shelf, query: &Query, found: &[u32], shown: &UseStateHandle<usize>) -> Html {
    let query_key = search_key(&query.q);
    let total = shelf.index.articles.len();
    let count = if query.filters() {
        format!("{} of {total} articles match", found.len())
    } else {
        format!("{total} articles")
    };
    let more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + PAGE))
    };
    let timeline =
        Route::Timeline.href_with_query(&serde_urlencoded::to_string(query).unwrap_or_default());
    let mut cards = String::new();
    for &article in found.iter().take(**shown) {
        write_card(&mut cards, shelf, article, &query_key);
    }
    html! {
        <>
        <p class="result-count" role="status" aria-live="polite" data-results={found.len().to_string()}>
            {count}{" · "}<a href={timeline} data-nav="timeline">{"See their events on the story timeline"}</a>
        </p>
        if found.is_empty() {
            <p class="empty">{"No article matches. Try fewer words or another filter."}</p>
        } else {
            <ul class="article-list">{ Html::from_html_unchecked(cards.into()) }</ul>
            if found.len() > **shown {
                <p class="show-more"><button type="button" class="tool" onclick={more}>
                    {format!("Show more ({} left)", found.len() - **shown)}
                </button></p>
            }
        }
        </>
    }
}

/// The library: search, filters, and the articles found.
#[function_component(LibraryPage)]
pub fn library_page() -> Html {
    let navigator = use_navigator();
    let location = use_location();
    let query: Query = location
        .and_then(|l| l.query::<Query>().ok())
        .unwrap_or_default();
    // A prerendered library starts with the bundled articles it was rendered from; the reader's
    // own are added once read from storage.
    let preloaded = use_context::<Preloaded>().unwrap_or_default();
    let shelf = use_state(|| preloaded.shelf().map(Ok::<_, LoadError>));
    {
        let shelf = shelf.clone();
        use_effect_with((), move |_| {
            gloo::utils::document().set_title("Library — Dateline");
            wasm_bindgen_futures::spawn_local(async move {
                shelf.set(Some(Shelf::load().await.map(Shared)));
            });
        });
    }
    let shown = use_state(|| PAGE);
    {
        let shown = shown.clone();
        use_effect_with(query.clone(), move |_| shown.set(PAGE));
    }
    let found = {
        let loaded = match &*shelf {
            Some(Ok(shelf)) => Some(shelf.clone()),
            _ => None,
        };
        use_memo((loaded, query.clone()), |(shelf, query)| {
            shelf
                .as_ref()
                .map(|shelf| shelf.search(query))
                .unwrap_or_default()
        })
    };
    let set_query = Callback::from(move |next: Query| {
        if let Some(navigator) = &navigator {
            navigator.replace_with_query(&Route::Library, &next).ok();
        }
    });

    let body = match &*shelf {
        None => html! { <Loading what="the library" /> },
        Some(Err(error)) => {
            html! { <ErrorMessage title="The library could not be opened" detail={error.to_string()} /> }
        }
        Some(Ok(shelf)) => html! {
            <>
            { search_form(shelf, &query, set_query) }
            if let Some(problem) = &shelf.store_problem {
                <p class="form-error" role="alert">{format!("Your own articles could not be read. {problem}")}</p>
            }
            { damaged_list(&shelf.damaged) }
            { results(shelf, &query, &found, &shown) }
            </>
        },
    };
    html! {
        <section class="library" aria-labelledby="library-title">
            <h1 id="library-title">{"Library"}</h1>
            <p class="lede">{"Open an article to read it with its people, organisations and places highlighted and its events on a timeline."}</p>
            <p class="mine-articles">{"Articles you analyze are kept in this browser only and marked “Yours”. "}
                <a href={Route::Analyze.href()} data-nav="analyze">{"Analyze your own article"}</a></p>
            { body }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlighting_marks_the_words_a_query_begins_and_escapes_the_rest() {
        let mark = |text: &str, query: &str| {
            let mut out = String::new();
            push_highlighted(&mut out, text, &search_key(query));
            out
        };
        assert_eq!(
            mark("Putin & Trump <meet> in Köln", "pu kol"),
            "<mark>Putin</mark> &amp; Trump &lt;meet&gt; in <mark>Köln</mark>"
        );
        assert_eq!(
            mark("Say \"hi\"", ""),
            "Say &quot;hi&quot;",
            "no query, no marks"
        );
        assert_eq!(mark("", "pu"), "");
    }
}

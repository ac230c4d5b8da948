//! One name across the library (`#/entity/<entity-id>`): every article that mentions it, with how
//! often and the sentence of its first mention (loaded lazily from the article's file, the first
//! few at once, more on demand); the names that occur with it most; its dated events.

use std::collections::HashMap;
use std::rc::Rc;

use dateline_format::article::{Article, Entity};
use dateline_format::library::names::{name_key, slug};
use dateline_format::library::LibraryEntity;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::status::{ErrorMessage, Loading};
use crate::data::{load_article, LoadError, Shared};
use crate::dates::{display_date, display_published};
use crate::library::Shelf;
use crate::pages::not_found::NotFound;
use crate::route::{Collection, Route, Selection};
use crate::store;

/// Articles listed (and snippets loaded) at once; "Show more" adds as many again.
const PAGE: usize = 20;
/// Events listed here; the story timeline of the name lists them all.
const EVENTS: usize = 50;
/// Companions listed.
const COMPANIONS: usize = 12;

/// The sentence of a name's first mention in one article, and the name's id there.
#[derive(Clone, Debug, PartialEq)]
enum Snippet {
    /// Text before the mention, the mention, text after; the article's entity id.
    Found(String, String, String, String),
    /// The article could not be read, or does not name it (after a correction).
    Missing,
}

/// The entity of an article that is this library name: same type, and a name or alias with the
/// same join key.
fn article_entity<'a>(article: &'a Article, entity: &LibraryEntity) -> Option<&'a Entity> {
    let keys: Vec<String> = std::iter::once(&entity.name)
        .chain(&entity.aliases)
        .map(|n| name_key(n))
        .collect();
    article
        .entities
        .iter()
        .filter(|e| e.entity_type == entity.entity_type)
        .find(|e| {
            std::iter::once(&e.name)
                .chain(&e.aliases)
                .any(|n| keys.contains(&name_key(n)))
        })
}

/// The sentence around the first mention of `entity` in `article`, cut to a readable length.
fn snippet(article: &Article, entity: &LibraryEntity) -> Snippet {
    let Some(found) = article_entity(article, entity) else {
        return Snippet::Missing;
    };
    let Some(span) = found.mentions.first() else {
        return Snippet::Missing;
    };
    let text: Vec<char> = article.body_text().chars().collect();
    let (start, end) = (span.start, span.end.min(text.len()));
    if start >= end {
        return Snippet::Missing;
    }
    let ends_sentence = |i: usize| {
        matches!(text[i], '.' | '?' | '!') && text.get(i + 1).is_none_or(|c| c.is_whitespace())
    };
    let mut from = start;
    while from > 0 && text[from - 1] != '\n' && !ends_sentence(from - 1) && start - from < 200 {
        from -= 1;
    }
    let mut to = end;
    while to < text.len() && text[to] != '\n' && start.abs_diff(to) < 300 {
        to += 1;
        if ends_sentence(to - 1) {
            break;
        }
    }
    let cut = |a: usize, b: usize| text[a..b].iter().collect::<String>();
    let lead = if from > 0 && text[from - 1] != '\n' && !ends_sentence(from - 1) {
        "…"
    } else {
        ""
    };
    Snippet::Found(
        format!("{lead}{}", cut(from, start).trim_start()),
        cut(start, end),
        cut(end, to),
        found.id.clone(),
    )
}

/// Loads the article files of `ids` one after the other and reports each one's snippet.
async fn load_snippets(
    ids: Vec<(String, Collection)>,
    entity: LibraryEntity,
    done: UseReducerHandle<Snippets>,
) {
    for (id, collection) in ids {
        let article = match collection {
            Collection::Bundled => load_article(&id).await,
            Collection::Mine => store::load(&id).await,
        };
        let snippet = article.map_or(Snippet::Missing, |a| snippet(&a, &entity));
        done.dispatch((id, snippet));
    }
}

/// Snippets loaded so far, by article id.
#[derive(Default, PartialEq)]
struct Snippets(HashMap<String, Snippet>);

impl Reducible for Snippets {
    type Action = (String, Snippet);
    fn reduce(self: Rc<Self>, (id, snippet): Self::Action) -> Rc<Self> {
        let mut next = self.0.clone();
        next.insert(id, snippet);
        Rc::new(Snippets(next))
    }
}

/// What the page shows of one name, worked out from the library once.
struct Profile {
    entity: LibraryEntity,
    /// (article index, mentions), most mentions first, then newest.
    articles: Vec<(u32, u32)>,
    /// (entity index, shared articles), most first.
    companions: Vec<(u32, u32)>,
}

/// The library id a link names: itself when the library has it, else the name of the same type
/// one of whose forms it spells (`per-putin` → `per-vladimir-putin`), as links from an article's
/// names are made from the article's own name.
fn resolve(shelf: &Shelf, id: &str) -> Option<String> {
    if shelf.index.entity(id).is_some() {
        return Some(id.to_string());
    }
    let (code, rest) = id.split_once('-')?;
    shelf
        .index
        .entities
        .iter()
        .filter(|e| e.entity_type.code().eq_ignore_ascii_case(code))
        .find(|e| {
            std::iter::once(&e.name)
                .chain(&e.aliases)
                .any(|n| slug(n) == rest)
        })
        .map(|e| e.id.clone())
}

impl Profile {
    fn of(shelf: &Shelf, id: &str) -> Option<Profile> {
        let (index, entity) = shelf.index.entity(id)?;
        let mut articles = Vec::new();
        let mut together: HashMap<u32, u32> = HashMap::new();
        for (a, entry) in shelf.index.articles.iter().enumerate() {
            if let Some(name) = entry.names.iter().find(|n| n.entity == index) {
                articles.push((a as u32, name.mentions));
                for other in entry.names.iter().filter(|n| n.entity != index) {
                    *together.entry(other.entity).or_default() += 1;
                }
            }
        }
        articles.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut companions: Vec<(u32, u32)> = together.into_iter().collect();
        companions.sort_by(|a, b| {
            b.1.cmp(&a.1).then_with(|| {
                shelf.index.entities[a.0 as usize]
                    .name
                    .cmp(&shelf.index.entities[b.0 as usize].name)
            })
        });
        companions.truncate(COMPANIONS);
        Some(Profile {
            entity: entity.clone(),
            articles,
            companions,
        })
    }
}

fn article_card(
    shelf: &Shelf,
    profile: &Profile,
    (article, mentions): (u32, u32),
    snippets: &Snippets,
) -> Html {
    let entry = &shelf.index.articles[article as usize];
    let collection = shelf.collection(&entry.id);
    let (quote, selection) = match snippets.0.get(&entry.id) {
        Some(Snippet::Found(before, mention, after, entity)) => (
            html! { <blockquote class="snippet">{before}<mark>{mention}</mark>{after}</blockquote> },
            Selection::Entity(entity.clone()),
        ),
        Some(Snippet::Missing) => (html! {}, Selection::None),
        None => (
            html! { <p class="snippet loading" aria-hidden="true">{"…"}</p> },
            Selection::None,
        ),
    };
    let mine = collection == Collection::Mine;
    html! {
        <li key={entry.id.clone()} data-article-id={entry.id.clone()} data-mentions={mentions.to_string()}
            class={classes!("article-card", mine.then_some("mine"))} data-own={mine.then_some("true")}>
            if mine { <span class="mine-badge">{"Yours"}</span> }
            <h3><a href={Route::to_article(collection, &entry.id, &selection).href()}>{&entry.title}</a></h3>
            { quote }
            <p class="meta">
                if !entry.source.is_empty() { <span>{&entry.source}</span> }
                <span>{display_published(entry.published.as_deref(), entry.published_inferred)}</span>
                <span class="mention-count">{format!("{mentions} {} of {}", if mentions == 1 { "mention" } else { "mentions" }, profile.entity.name)}</span>
            </p>
        </li>
    }
}

fn events_list(shelf: &Shelf, id: &str, index: u32) -> Html {
    let Some(events) = shelf.events() else {
        return html! {};
    };
    let mine: Vec<_> = events
        .events
        .iter()
        .filter(|e| e.entities.contains(&index))
        .collect();
    html! {
        <section class="entity-events" aria-labelledby="entity-events-title">
            <h2 id="entity-events-title">{format!("Events ({})", mine.len())}</h2>
            if mine.is_empty() {
                <p class="empty">{"No dated event of the library names it."}</p>
            } else {
                <p><a href={Route::Timeline.href_with_query(&format!("entity={id}"))} data-nav="timeline">{"See them on the story timeline"}</a></p>
                <ol class="story-list">
                    { for mine.iter().take(EVENTS).map(|event| {
                        let entry = &shelf.index.articles[event.article as usize];
                        let href = Route::to_article(shelf.collection(&entry.id), &entry.id, &Selection::Event(event.id.clone())).href();
                        html! {
                            <li key={format!("{}/{}", entry.id, event.id)} class="story-event"
                                data-event-id={event.id.clone()} data-date={event.date.clone()} data-article-id={entry.id.clone()}>
                                <time datetime={event.date.clone()}>{display_date(&event.date)}</time>
                                <a {href}>{&event.label}</a>
                                <span class="story-article">{&entry.title}</span>
                            </li>
                        }
                    }) }
                </ol>
                if mine.len() > EVENTS {
                    <p>{format!("and {} more on the story timeline", mine.len() - EVENTS)}</p>
                }
            }
        </section>
    }
}

/// Props of [`EntityPage`].
#[derive(Properties, PartialEq)]
pub struct EntityProps {
    /// Library entity id.
    pub id: String,
}

/// One name across the library.
#[function_component(EntityPage)]
pub fn entity_page(props: &EntityProps) -> Html {
    let shelf = use_state(|| None::<Result<Shared<Shelf>, LoadError>>);
    {
        let shelf = shelf.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let loaded = match Shelf::load().await {
                    Ok(shelf) => shelf.load_events().await.map(|_| Shared(shelf)),
                    Err(error) => Err(error),
                };
                shelf.set(Some(loaded));
            });
        });
    }
    let loaded = match &*shelf {
        Some(Ok(shelf)) => Some(shelf.clone()),
        _ => None,
    };
    let navigator = use_navigator();
    let profile = use_memo((loaded.clone(), props.id.clone()), |(shelf, id)| {
        shelf.as_ref().and_then(|s| Profile::of(s, id))
    });
    {
        // A link by a short form or alias moves to the name's own address.
        let (navigator, id) = (navigator.clone(), props.id.clone());
        use_effect_with(
            (loaded.clone(), profile.is_some()),
            move |(shelf, found)| {
                if let (Some(shelf), false, Some(navigator)) = (shelf, *found, navigator) {
                    if let Some(canonical) = resolve(shelf, &id).filter(|c| *c != id) {
                        navigator.replace(&Route::Entity { id: canonical });
                    }
                }
            },
        );
    }
    let shown = use_state(|| PAGE);
    let snippets = use_reducer(Snippets::default);
    {
        let (snippets, profile, shown) = (snippets.clone(), profile.clone(), *shown);
        use_effect_with(
            (props.id.clone(), shown, loaded.clone()),
            move |(_, shown, shelf)| {
                gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
                if let (Some(profile), Some(shelf)) = (profile.as_ref(), shelf) {
                    gloo::utils::document()
                        .set_title(&format!("{} — Dateline", profile.entity.name));
                    let ids: Vec<_> = profile
                        .articles
                        .iter()
                        .take(*shown)
                        .map(|&(a, _)| shelf.index.articles[a as usize].id.clone())
                        .filter(|id| !snippets.0.contains_key(id))
                        .map(|id| {
                            let collection = shelf.collection(&id);
                            (id, collection)
                        })
                        .collect();
                    let entity = profile.entity.clone();
                    wasm_bindgen_futures::spawn_local(load_snippets(ids, entity, snippets));
                }
            },
        );
    }
    let shelf = match &*shelf {
        None => return html! { <Loading what="the library" /> },
        Some(Err(error)) => {
            return html! { <ErrorMessage title="The library could not be opened" detail={error.to_string()} /> }
        }
        Some(Ok(shelf)) => shelf.clone(),
    };
    let Some(profile) = profile.as_ref() else {
        return html! { <NotFound what="name" /> };
    };
    let entity = &profile.entity;
    let index = shelf.index.entity(&props.id).map_or(0, |(i, _)| i);
    let more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + PAGE))
    };
    html! {
        <section class="entity-page" aria-labelledby="entity-title" data-entity-id={entity.id.clone()}>
            <p class="crumbs"><a href={Route::Library.href()}>{"Library"}</a></p>
            <h1 id="entity-title">
                <span class={classes!("type-badge", entity.entity_type.code().to_ascii_lowercase())}>{entity.entity_type.label()}</span>
                {&entity.name}
            </h1>
            if !entity.aliases.is_empty() {
                <p class="aliases">{"Also written: "}{entity.aliases.join(", ")}</p>
            }
            <p class="lede">{format!("Named {} times in {} of {} articles.", entity.mentions, profile.articles.len(), shelf.index.articles.len())}</p>
            <div class="entity-columns">
                <section class="entity-articles" aria-labelledby="entity-articles-title">
                    <h2 id="entity-articles-title">{format!("Articles ({})", profile.articles.len())}</h2>
                    <ul class="article-list">
                        { for profile.articles.iter().take(*shown).map(|&a| article_card(&shelf, profile, a, &snippets)) }
                    </ul>
                    if profile.articles.len() > *shown {
                        <p class="show-more"><button type="button" class="tool" onclick={more}>
                            {format!("Show more ({} left)", profile.articles.len() - *shown)}
                        </button></p>
                    }
                </section>
                <aside class="entity-side">
                    <section class="companions" aria-labelledby="companions-title">
                        <h2 id="companions-title">{"Named with it most"}</h2>
                        if profile.companions.is_empty() {
                            <p class="empty">{"No other name shares an article with it."}</p>
                        } else {
                            <ol>
                                { for profile.companions.iter().map(|&(other, shared)| {
                                    let e = &shelf.index.entities[other as usize];
                                    html! {
                                        <li key={e.id.clone()} data-companion-id={e.id.clone()}>
                                            <a class={classes!("name-chip", e.entity_type.code().to_ascii_lowercase())}
                                                href={Route::Entity { id: e.id.clone() }.href()}>{&e.name}</a>
                                            <span class="count">{format!(" in {shared} {}", if shared == 1 { "article" } else { "articles" })}</span>
                                        </li>
                                    }
                                }) }
                            </ol>
                        }
                    </section>
                    { events_list(&shelf, &entity.id, index) }
                </aside>
            </div>
        </section>
    }
}

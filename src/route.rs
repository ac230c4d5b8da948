//! The routes and the selection they carry. Hash routes survive reloads and static hosting: the
//! server serves `index.html`, or a bundled article's prerendered page (`article/<id>/`), whose
//! hash carries the route too (see [`crate::prerendered`]).

use yew::Callback;
use yew_router::prelude::*;

/// Every screen, by hash path.
#[derive(Clone, Debug, PartialEq, Routable)]
pub enum Route {
    /// The library of bundled articles.
    #[at("/")]
    Library,
    /// An article.
    #[at("/article/:id")]
    Article {
        /// Article id.
        id: String,
    },
    /// An article with one entity selected.
    #[at("/article/:id/entity/:entity")]
    ArticleEntity {
        /// Article id.
        id: String,
        /// Entity id.
        entity: String,
    },
    /// An article with one event selected.
    #[at("/article/:id/event/:event")]
    ArticleEvent {
        /// Article id.
        id: String,
        /// Event id.
        event: String,
    },
    /// The Analyze page: bring your own text.
    #[at("/analyze")]
    Analyze,
    /// About Dateline: privacy, and the data and licences behind the analysis.
    #[at("/about")]
    About,
    /// One of the reader's articles ("mine"), kept in the browser.
    #[at("/mine/:id")]
    Mine {
        /// Article id.
        id: String,
    },
    /// One of the reader's articles with one entity selected.
    #[at("/mine/:id/entity/:entity")]
    MineEntity {
        /// Article id.
        id: String,
        /// Entity id.
        entity: String,
    },
    /// One of the reader's articles with one event selected.
    #[at("/mine/:id/event/:event")]
    MineEvent {
        /// Article id.
        id: String,
        /// Event id.
        event: String,
    },
    /// One name across the library: the articles that mention it, its companions, its events.
    #[at("/entity/:id")]
    Entity {
        /// Library entity id (`per-vladimir-putin`).
        id: String,
    },
    /// The story timeline: every dated event of the library (or of the articles a query finds).
    #[at("/timeline")]
    Timeline,
    /// Anything else.
    #[not_found]
    #[at("/not-found")]
    NotFound,
}

/// What the reader has picked in an article; it lives in the route so reloads keep it.
#[derive(Clone, Debug, PartialEq)]
pub enum Selection {
    /// Nothing.
    None,
    /// An entity, by id.
    Entity(String),
    /// An event, by id.
    Event(String),
}

/// Where an article is read from: bundled with Dateline (`#/article/…`), or one of the reader's
/// articles kept in this browser (`#/mine/…`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Collection {
    /// Bundled with Dateline.
    Bundled,
    /// The reader's articles ("mine"), kept in this browser.
    Mine,
}

impl Route {
    /// The route of an article of either collection with a selection.
    pub fn to_article(collection: Collection, id: &str, selection: &Selection) -> Route {
        let id = id.to_string();
        match (collection, selection.clone()) {
            (Collection::Bundled, Selection::None) => Route::Article { id },
            (Collection::Bundled, Selection::Entity(entity)) => Route::ArticleEntity { id, entity },
            (Collection::Bundled, Selection::Event(event)) => Route::ArticleEvent { id, event },
            (Collection::Mine, Selection::None) => Route::Mine { id },
            (Collection::Mine, Selection::Entity(entity)) => Route::MineEntity { id, entity },
            (Collection::Mine, Selection::Event(event)) => Route::MineEvent { id, event },
        }
    }

    /// The article a route shows, with its collection and selection; `None` for other screens.
    pub fn article(&self) -> Option<(Collection, String, Selection)> {
        let (collection, id, selection) = match self {
            Route::Article { id } => (Collection::Bundled, id, Selection::None),
            Route::ArticleEntity { id, entity } => {
                (Collection::Bundled, id, Selection::Entity(entity.clone()))
            }
            Route::ArticleEvent { id, event } => {
                (Collection::Bundled, id, Selection::Event(event.clone()))
            }
            Route::Mine { id } => (Collection::Mine, id, Selection::None),
            Route::MineEntity { id, entity } => {
                (Collection::Mine, id, Selection::Entity(entity.clone()))
            }
            Route::MineEvent { id, event } => {
                (Collection::Mine, id, Selection::Event(event.clone()))
            }
            Route::Library
            | Route::Analyze
            | Route::About
            | Route::Entity { .. }
            | Route::Timeline
            | Route::NotFound => return None,
        };
        Some((collection, id.clone(), selection))
    }

    /// The `href` of a route, for plain links. A bundled article has a page of its own, made at
    /// build time, that readers without the app can read and crawlers follow:
    /// `article/<id>/`, with a selection in its hash (`article/<id>/#/article/<id>/entity/<e>`).
    /// Every other screen is `index.html`'s, by hash (`#/timeline`). Relative to the site's
    /// root: a page below it says so with `<base href>`.
    pub fn href(&self) -> String {
        match self.article() {
            Some((Collection::Bundled, id, Selection::None)) => Self::page_address(&id),
            Some((Collection::Bundled, id, _)) => {
                format!("{}#{}", Self::page_address(&id), self.to_path())
            }
            // The whole story timeline has its page too; a query is the app's to answer.
            None if *self == Route::Timeline => "timeline/".to_string(),
            _ => format!("#{}", self.to_path()),
        }
    }

    /// The `href` of a route with a query string (`q=putin`; empty: none), for plain links.
    pub fn href_with_query(&self, query: &str) -> String {
        if query.is_empty() {
            self.href()
        } else {
            format!("#{}?{query}", self.to_path())
        }
    }

    /// The address of a bundled article's page, relative to the site's root.
    pub fn page_address(id: &str) -> String {
        format!("article/{id}/")
    }
}

/// Asks to move an article's selection into the route, as a new history entry.
pub fn select_in_route(
    navigator: Option<Navigator>,
    collection: Collection,
    id: &str,
) -> Callback<Selection> {
    let id = id.to_string();
    Callback::from(move |next: Selection| {
        if let Some(navigator) = &navigator {
            navigator.push(&Route::to_article(collection, &id, &next));
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_routes_round_trip() {
        let selections = [
            Selection::None,
            Selection::Entity("putin".into()),
            Selection::Event("event-1".into()),
        ];
        for collection in [Collection::Bundled, Collection::Mine] {
            for selection in &selections {
                let route = Route::to_article(collection, "a-1", selection);
                assert_eq!(
                    route.article(),
                    Some((collection, "a-1".to_string(), selection.clone()))
                );
                assert_eq!(Route::recognize(&route.to_path()), Some(route));
            }
        }
        assert_eq!(
            Route::to_article(Collection::Mine, "m", &Selection::Event("e".into())).href(),
            "#/mine/m/event/e"
        );
        assert_eq!(
            Route::to_article(Collection::Bundled, "b", &Selection::None).href(),
            "article/b/"
        );
        assert_eq!(
            Route::to_article(Collection::Bundled, "b", &Selection::Entity("e".into())).href(),
            "article/b/#/article/b/entity/e"
        );
        assert_eq!(Route::Analyze.article(), None);
        assert_eq!(Route::Timeline.href(), "timeline/");
        assert_eq!(Route::Timeline.href_with_query("q=a"), "#/timeline?q=a");
        assert_eq!(Route::Library.href_with_query(""), "#/");
    }
}

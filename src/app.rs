//! The root component and the routes. Hash routes survive reloads and static hosting: the server
//! only ever serves `index.html`.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::pages::analyze::AnalyzePage;
use crate::pages::library::LibraryPage;
use crate::pages::mine::MinePage;
use crate::pages::not_found::NotFound;
use crate::pages::reader::{ReaderPage, Selection};

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
    /// One of the reader's own articles, kept in the browser.
    #[at("/mine/:id")]
    Mine {
        /// Article id.
        id: String,
    },
    /// One of the reader's own articles with one entity selected.
    #[at("/mine/:id/entity/:entity")]
    MineEntity {
        /// Article id.
        id: String,
        /// Entity id.
        entity: String,
    },
    /// One of the reader's own articles with one event selected.
    #[at("/mine/:id/event/:event")]
    MineEvent {
        /// Article id.
        id: String,
        /// Event id.
        event: String,
    },
    /// Anything else.
    #[not_found]
    #[at("/not-found")]
    NotFound,
}

impl Route {
    /// The route of an article with a selection.
    pub fn article(id: &str, selection: &Selection) -> Route {
        let id = id.to_string();
        match selection {
            Selection::None => Route::Article { id },
            Selection::Entity(entity) => Route::ArticleEntity {
                id,
                entity: entity.clone(),
            },
            Selection::Event(event) => Route::ArticleEvent {
                id,
                event: event.clone(),
            },
        }
    }

    /// The route of one of the reader's own articles with a selection.
    pub fn mine(id: &str, selection: &Selection) -> Route {
        let id = id.to_string();
        match selection {
            Selection::None => Route::Mine { id },
            Selection::Entity(entity) => Route::MineEntity {
                id,
                entity: entity.clone(),
            },
            Selection::Event(event) => Route::MineEvent {
                id,
                event: event.clone(),
            },
        }
    }

    /// The `href` of a route, for plain links (`#/article/<id>`).
    pub fn href(&self) -> String {
        format!("#{}", self.to_path())
    }
}

fn switch(route: Route) -> Html {
    // Every article route renders the same component at the same place, so changing the
    // selection keeps the loaded article instead of fetching it again.
    let (id, selection) = match route {
        Route::Library => return html! { <LibraryPage /> },
        Route::NotFound => return html! { <NotFound what="page" /> },
        Route::Analyze => return html! { <AnalyzePage /> },
        Route::Mine { id } => return html! { <MinePage {id} selection={Selection::None} /> },
        Route::MineEntity { id, entity } => {
            return html! { <MinePage {id} selection={Selection::Entity(entity)} /> }
        }
        Route::MineEvent { id, event } => {
            return html! { <MinePage {id} selection={Selection::Event(event)} /> }
        }
        Route::Article { id } => (id, Selection::None),
        Route::ArticleEntity { id, entity } => (id, Selection::Entity(entity)),
        Route::ArticleEvent { id, event } => (id, Selection::Event(event)),
    };
    html! { <ReaderPage {id} {selection} /> }
}

/// The app: header, the routed screen, footer.
#[function_component(App)]
pub fn app() -> Html {
    html! {
        <HashRouter>
            <a class="skip-link" href="#main" onclick={Callback::from(|e: MouseEvent| {
                // The hash belongs to the router; move focus by hand instead of following it.
                e.prevent_default();
                if let Some(main) = gloo::utils::document().get_element_by_id("main") {
                    if let Ok(main) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(main) {
                        main.focus().ok();
                    }
                }
            })}>{"Skip to content"}</a>
            <header class="site-header">
                <a class="brand" href={Route::Library.href()} aria-label="Dateline library">
                    <span class="brand-mark" aria-hidden="true"></span>{"Dateline"}
                </a>
                <span class="tagline">{"Read the story, see who and when."}</span>
                <nav class="site-nav" aria-label="Main">
                    <a href={Route::Library.href()}>{"Library"}</a>
                    <a href={Route::Analyze.href()} data-nav="analyze">{"Analyze your own"}</a>
                </nav>
            </header>
            <main id="main" tabindex="-1">
                <Switch<Route> render={switch} />
            </main>
            <footer class="site-footer">
                <p>{"Dateline runs entirely in your browser: nothing you read here is sent anywhere."}</p>
            </footer>
        </HashRouter>
    }
}

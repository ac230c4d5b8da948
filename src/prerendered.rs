//! Pages prerendered at build time (`crates/prerender`): every bundled article at
//! `article/<id>/`, the library (`index.html`) and the story timeline (`timeline/`), rendered
//! natively by the same components, then hydrated here.
//!
//! A prerendered page names its route on the app's root element (`<div id="app"
//! data-route="/article/<id>">`). At start the app reads the route the address asks for (its
//! hash; none means the page's own route) and hydrates only when it shows the same page: the same
//! article (any selection), the library or the story timeline (any query). It first renders the
//! page's bare route with the data the page was rendered from ([`Preloaded`], fetched from the
//! files the page preloads), so the first render equals the HTML; then it puts the address's
//! selection or query back, and the app carries on as usual. Any other route clears the page and
//! renders from scratch, as for a page that was never prerendered.

use std::rc::Rc;

use dateline_format::article::Article;
use dateline_format::library::LibraryEvents;

use crate::data::Shared;
use crate::library::Shelf;
use crate::route::{Collection, Route};

/// The attribute of `#app` that names the route a page was prerendered at.
pub const ROUTE_ATTRIBUTE: &str = "data-route";

/// The attribute `#app` gets once the app has taken over: `hydrated` (a prerendered page, kept
/// as it was) or `rendered` (drawn from scratch); `static` when the data a prerendered page was
/// made from could not be fetched, so the page stays as it is, without the app. Until then, on a
/// prerendered page, nothing responds to clicks.
pub const READY_ATTRIBUTE: &str = "data-app";

/// The data a prerendered page was rendered from, handed to the first render (a context) so it
/// draws the same DOM: the page's article, or the bundled library (and its events).
#[derive(Clone, Default, PartialEq)]
pub enum Preloaded {
    /// Rendered from scratch: pages load what they show.
    #[default]
    Nothing,
    /// A bundled article's page.
    Article(Shared<Article>),
    /// The library: the bundled articles only (the reader's own are added once read).
    Library(Shared<Shelf>),
    /// The story timeline: the bundled library with its events loaded.
    Story(Shared<Shelf>),
}

impl Preloaded {
    /// The preloaded article if it is `id`.
    pub fn article(&self, id: &str) -> Option<Shared<Article>> {
        match self {
            Preloaded::Article(article) if article.id == id => Some(article.clone()),
            _ => None,
        }
    }

    /// The preloaded library, with its events when the page is the story timeline.
    pub fn shelf(&self) -> Option<Shared<Shelf>> {
        match self {
            Preloaded::Library(shelf) | Preloaded::Story(shelf) => Some(shelf.clone()),
            _ => None,
        }
    }

    /// True on a prerendered page: long texts and timelines come in one go (the page has all of
    /// them) instead of part by part.
    pub fn is_page(&self) -> bool {
        !matches!(self, Preloaded::Nothing)
    }
}

/// The page a route shows, as far as prerendering goes: selection and query set aside.
pub fn page_of(route: &Route) -> Route {
    match route.article() {
        Some((Collection::Bundled, id, _)) => Route::Article { id },
        _ => route.clone(),
    }
}

/// Builds the [`Preloaded`] data of a bundled library (`index.json`, and `events.json` for the
/// story timeline), as the prerender step and the hydrating app both do.
pub fn bundled_shelf(
    index: Rc<dateline_format::library::LibraryIndex>,
    events: Option<Rc<LibraryEvents>>,
) -> Shared<Shelf> {
    let shelf = Shelf::new(index, crate::store::Kept::default(), None);
    if let Some(events) = events {
        shelf.set_events(events);
    }
    Shared(Rc::new(shelf))
}

pub use client::start;

mod client {
    use super::*;
    use crate::app::{App, AppProps};
    use crate::data::load_article;
    use wasm_bindgen::JsCast;
    use yew_router::Routable;

    /// The address's route as a hash path (`/article/x/entity/y`) and query (`?q=…`, may be
    /// empty); an empty or foreign hash is `None`.
    fn hash_route() -> Option<(String, String)> {
        let hash = gloo::utils::window().location().hash().ok()?;
        let route = hash.strip_prefix('#').filter(|h| h.starts_with('/'))?;
        let (path, query) = match route.find('?') {
            Some(at) => route.split_at(at),
            None => (route, ""),
        };
        Some((path.to_string(), query.to_string()))
    }

    /// Sets the address's hash without a navigation (the router reads it when it starts, or
    /// when told by `popstate`).
    fn set_hash(hash: &str) {
        let window = gloo::utils::window();
        let Ok(href) = window.location().href() else {
            return;
        };
        let base = href.split('#').next().unwrap_or_default();
        if let Ok(history) = window.history() {
            let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
            history
                .replace_state_with_url(&state, "", Some(&format!("{base}#{hash}")))
                .ok();
        }
    }

    /// Mounts the app into `root`: hydrates a prerendered page that shows what the address asks
    /// for, else renders from scratch.
    pub fn start(root: web_sys::Element) {
        let page_path = root.get_attribute(ROUTE_ATTRIBUTE);
        let page = page_path.as_deref().and_then(Route::recognize);
        let (Some(page_path), Some(page)) = (page_path.clone(), page) else {
            return render(root);
        };
        // A page opened without a route in its hash shows itself (not the library, which is what
        // the hash router makes of an empty hash).
        let (path, query) = hash_route().unwrap_or_else(|| (page_path.clone(), String::new()));
        let asked = Route::recognize(&path).unwrap_or(Route::NotFound);
        if page_of(&asked) != page {
            return render(root);
        }
        let wanted = format!("{path}{query}");
        set_hash(&page_path);
        wasm_bindgen_futures::spawn_local(async move {
            let preloaded = match &page {
                Route::Article { id } => load_article(id)
                    .await
                    .map(|article| Preloaded::Article(Shared(Rc::new(article)))),
                Route::Library => Shelf::bundled(false).await.map(Preloaded::Library),
                Route::Timeline => Shelf::bundled(true).await.map(Preloaded::Story),
                _ => Err(crate::data::LoadError::NotFound),
            };
            let preloaded = match preloaded {
                Ok(preloaded) => preloaded,
                Err(_) if page == Route::Library => {
                    // index.html serves every hash route, which need the app: it renders from
                    // scratch and says what failed.
                    set_hash(&wanted);
                    return render(root);
                }
                Err(error) => {
                    // An article's or the timeline's page stays as it was prerendered, readable
                    // as without the app (its links lead to other pages), rather than replaced by
                    // a message about a file it does not need.
                    web_sys::console::warn_1(
                        &format!("Dateline could not take over this page: {error}").into(),
                    );
                    set_hash(&wanted);
                    root.set_attribute(READY_ATTRIBUTE, "static").ok();
                    return;
                }
            };
            // Reading and checking the file is one task and hydrating another, so that neither
            // holds the page's main thread for long (a phone's taps wait behind such tasks).
            next_task().await;
            // What a reader typed or chose in the library's search form before the app came:
            // hydration sets the form to the page's (empty) query, so it is carried over in the
            // address like a query asked for, unless the address already asks for one.
            let typed = (page == Route::Library && query.is_empty())
                .then(typed_library_query)
                .flatten();
            let wanted = typed.map_or(wanted, |typed| format!("/?{typed}"));
            yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps { preloaded })
                .hydrate();
            // Yew hydrates once this task's microtasks run: the next task finds the page taken
            // over, and only then says so.
            next_task().await;
            root.set_attribute(READY_ATTRIBUTE, "hydrated").ok();
            if wanted != page_path {
                // After the first render: the router takes the selection or query as a navigation.
                set_hash(&wanted);
                if let Ok(event) = web_sys::Event::new("popstate") {
                    gloo::utils::window().dispatch_event(&event).ok();
                }
            }
        });
    }

    /// The library search form's values as a query string (`q=putin&kind=PER`), if any is set.
    fn typed_library_query() -> Option<String> {
        let document = gloo::utils::document();
        let value = |id: &str| {
            let element = document.get_element_by_id(id)?;
            if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
                Some(input.value())
            } else {
                element
                    .dyn_ref::<web_sys::HtmlSelectElement>()
                    .map(|select| select.value())
            }
        };
        let typed = crate::library::Query {
            q: value("library-q").unwrap_or_default(),
            source: value("library-source").unwrap_or_default(),
            kind: value("library-kind").unwrap_or_default(),
            year: value("library-year").unwrap_or_default(),
            sort: value("library-sort").unwrap_or_default(),
            entity: String::new(),
        };
        (typed != crate::library::Query::default())
            .then(|| serde_urlencoded::to_string(&typed).ok())
            .flatten()
    }

    /// Resolves in a later task of the event loop (a zero-delay timeout), letting the browser
    /// paint and handle input in between.
    async fn next_task() {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            gloo::utils::window()
                .set_timeout_with_callback(&resolve)
                .ok();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.ok();
    }

    fn render(root: web_sys::Element) {
        root.set_inner_html("");
        yew::Renderer::<App>::with_root(root.clone()).render();
        root.set_attribute(READY_ATTRIBUTE, "rendered").ok();
    }
}

#[cfg(feature = "ssr")]
pub use server::{render_page, StaticApp, StaticAppProps};

#[cfg(feature = "ssr")]
mod server {
    use super::*;
    use crate::app::Shell;
    use yew::prelude::*;
    use yew_router::history::{AnyHistory, History, MemoryHistory};
    use yew_router::prelude::Router;

    /// Props of [`StaticApp`].
    #[derive(Properties, PartialEq)]
    pub struct StaticAppProps {
        /// The route the page shows (`/article/<id>`, `/`, `/timeline`).
        pub route: AttrValue,
        /// The data it is rendered from.
        pub preloaded: Preloaded,
    }

    /// The app at a fixed route, for the server renderer: the same tree as [`crate::app::App`]
    /// with a router over memory instead of the address.
    #[function_component(StaticApp)]
    pub fn static_app(props: &StaticAppProps) -> Html {
        let history = use_memo(props.route.clone(), |route| {
            let history = MemoryHistory::new();
            history.push(route.to_string());
            AnyHistory::from(history)
        });
        html! {
            <ContextProvider<Preloaded> context={props.preloaded.clone()}>
                <Router history={(*history).clone()}><Shell /></Router>
            </ContextProvider<Preloaded>>
        }
    }

    /// The HTML of the app at `route`, ready to be hydrated. `preloaded` is made on the
    /// renderer's thread (its data is not `Send`).
    pub async fn render_page(
        route: String,
        preloaded: impl FnOnce() -> Preloaded + Send + 'static,
    ) -> String {
        yew::ServerRenderer::<StaticApp>::with_props(move || StaticAppProps {
            route: route.into(),
            preloaded: preloaded(),
        })
        .render()
        .await
    }
}

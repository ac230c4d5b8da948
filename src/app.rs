//! The root component: header, the routed screen (routes in [`crate::route`]), footer.
//!
//! [`App`] routes by the address's hash; the build's prerender step renders the same [`Shell`]
//! natively under a fixed route (`crate::prerendered::StaticApp`), and a prerendered page is
//! hydrated with the data it was rendered from ([`Preloaded`]), so both draw the same DOM.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::engine::EngineSession;
use crate::pages::about::AboutPage;
use crate::pages::analyze::AnalyzePage;
use crate::pages::entity::EntityPage;
use crate::pages::library::LibraryPage;
use crate::pages::mine::MinePage;
use crate::pages::not_found::NotFound;
use crate::pages::reader::ReaderPage;
use crate::pages::story::StoryPage;
use crate::prerendered::Preloaded;
use crate::route::{Collection, Route};

fn switch(route: Route, engine: &EngineSession) -> Html {
    // Every article route of a collection renders the same component at the same place, so
    // changing the selection keeps the loaded article instead of reading it again.
    let Some((collection, id, selection)) = route.article() else {
        return match route {
            Route::Library => html! { <LibraryPage /> },
            Route::Analyze => html! { <AnalyzePage engine={engine.clone()} /> },
            Route::About => html! { <AboutPage /> },
            Route::Entity { id } => html! { <EntityPage key={id.as_str()} id={id.clone()} /> },
            Route::Timeline => html! { <StoryPage /> },
            _ => html! { <NotFound what="page" /> },
        };
    };
    match collection {
        Collection::Bundled => html! { <ReaderPage {id} {selection} /> },
        Collection::Mine => html! { <MinePage {id} {selection} /> },
    }
}

/// Props of [`App`].
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// What a prerendered page was rendered from; nothing when the app renders from scratch.
    #[prop_or_default]
    pub preloaded: Preloaded,
}

/// The app in the browser: routes live in the address's hash.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    html! {
        <ContextProvider<Preloaded> context={props.preloaded.clone()}>
            <HashRouter><Shell /></HashRouter>
        </ContextProvider<Preloaded>>
    }
}

/// Header, the routed screen, footer: everything inside the router.
#[function_component(Shell)]
pub fn shell() -> Html {
    // One analysis engine session for the page: its idle worker outlives the Analyze page.
    let render = use_memo((), |_| {
        let engine = EngineSession::default();
        Callback::from(move |route| switch(route, &engine))
    });
    html! {
        <>
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
                    <a href={Route::Library.href()} data-nav="library">{"Library"}</a>
                    <a href={Route::Timeline.href()} data-nav="timeline">{"Timeline"}</a>
                    <a href={Route::Analyze.href()} data-nav="analyze">{"Analyze your own"}</a>
                </nav>
            </header>
            <main id="main" tabindex="-1">
                <Switch<Route> render={(*render).clone()} />
            </main>
            <footer class="site-footer">
                <p>
                    {"Dateline runs entirely in your browser: nothing you read here is sent anywhere. "}
                    <a href={Route::About.href()} data-nav="about">{"About, data and licences"}</a>
                </p>
            </footer>
        </>
    }
}

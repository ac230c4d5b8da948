//! Dateline's reading app: a Yew single-page app that loads bundled article JSON and shows the
//! article with its entities highlighted and its events on a timeline, entirely in the browser.

pub mod app;
pub mod batch;
pub mod components;
pub mod corrections;
pub mod data;
pub mod dates;
pub mod engine;
pub mod export;
pub mod import;
pub mod library;
pub mod markup;
pub mod message;
mod migrate;
pub mod offline;
pub mod page;
pub mod pages;
pub mod panic;
pub mod prerendered;
pub mod route;
pub mod store;

/// Mounts the app into `#app`: hydrates a prerendered page that shows what the address asks for,
/// else replaces what the page shows (the boot message, or another prerendered page).
pub fn start() {
    panic::show_panics_in_page();
    let document = gloo::utils::document();
    match document.get_element_by_id("app") {
        Some(root) => prerendered::start(root),
        None => {
            yew::Renderer::<app::App>::new().render();
        }
    }
    offline::register_service_worker();
}

/// What the unit tests share.
#[cfg(test)]
pub(crate) mod test_support {
    use dateline_format::article::{Article, SCHEMA_VERSION};

    /// An article with these paragraphs, published on 7 July 2017, and nothing found in it yet.
    pub fn article(paragraphs: &[&str]) -> Article {
        Article {
            schema_version: SCHEMA_VERSION,
            id: "t".into(),
            title: "T".into(),
            standfirst: String::new(),
            source: String::new(),
            published: Some("2017-07-07".into()),
            published_inferred: false,
            credit: None,
            language: "en".into(),
            paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
            entities: vec![],
            timexes: vec![],
            events: vec![],
        }
    }
}

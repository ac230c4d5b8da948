//! `dateline-prerender [DIR]`: writes the static pages of a built site (Trunk's post-build hook
//! runs it on its staging directory, `TRUNK_STAGING_DIR`; else `DIR`, default `dist`):
//! `article/<id>/index.html` for every bundled article, `timeline/index.html`, and the library
//! into `index.html` itself, each rendered by the app's components for the app to hydrate.
//!
//! `DATELINE_SITE_URL` (e.g. `https://example.org/dateline/`), when set, makes the pages'
//! canonical and Open Graph addresses; without it the pages name neither (a relative canonical
//! address is one search engines may misread).

use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::Instant;

use anyhow::{Context, Result};
use dateline_app::data::Shared;
use dateline_app::prerendered::{bundled_shelf, render_page, Preloaded};
use dateline_format::article::Article;
use dateline_format::library::{LibraryEvents, LibraryIndex};
use dateline_prerender::{article_page, fill, library_page, timeline_page, Page};

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}

/// Renders `page` (`preloaded` made on the renderer's thread) into the template and writes it.
fn write_page(
    dir: &Path,
    template: &str,
    page: &Page,
    site: Option<&str>,
    preloaded: impl FnOnce() -> Preloaded + Send + 'static,
) -> Result<()> {
    let app = futures::executor::block_on(render_page(page.route.clone(), preloaded));
    let html = fill(template, page, &app, site)?;
    let out = dir.join(&page.dir);
    std::fs::create_dir_all(&out).with_context(|| format!("cannot create {}", out.display()))?;
    let file = out.join("index.html");
    std::fs::write(&file, html).with_context(|| format!("cannot write {}", file.display()))
}

fn main() -> Result<()> {
    let started = Instant::now();
    let dir: PathBuf = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("TRUNK_STAGING_DIR").ok())
        .unwrap_or_else(|| "dist".into())
        .into();
    let site = std::env::var("DATELINE_SITE_URL")
        .ok()
        .filter(|s| !s.is_empty())
        .map(|s| if s.ends_with('/') { s } else { s + "/" });
    let site = site.as_deref();
    let template = read(&dir.join("index.html"))?;
    if template.contains(dateline_app::prerendered::ROUTE_ATTRIBUTE) {
        anyhow::bail!(
            "{} is prerendered already: run on Trunk's fresh output",
            dir.display()
        );
    }
    let articles = dir.join("articles");
    let index_json = read(&articles.join("index.json"))?;
    let events_json = read(&articles.join("events.json"))?;
    let index = LibraryIndex::from_json(&index_json).context("articles/index.json")?;
    let events = LibraryEvents::from_json(&events_json, &index).context("articles/events.json")?;

    for entry in &index.articles {
        let json = read(&articles.join(format!("{}.json", entry.id)))?;
        let article =
            Article::from_json(&json).with_context(|| format!("articles/{}.json", entry.id))?;
        let page = article_page(&article, site);
        write_page(&dir, &template, &page, site, move || {
            Preloaded::Article(Shared(Rc::new(article)))
        })?;
    }
    let story = timeline_page(events.events.len());
    let (index_for_story, events_for_story) = (index_json.clone(), events_json);
    write_page(&dir, &template, &story, site, move || {
        let index = Rc::new(LibraryIndex::from_json(&index_for_story).expect("read above"));
        let events = LibraryEvents::from_json(&events_for_story, &index).expect("read above");
        Preloaded::Story(bundled_shelf(index, Some(Rc::new(events))))
    })?;
    // Last: index.html is the template of the others.
    let library = library_page(index.articles.len());
    write_page(&dir, &template, &library, site, move || {
        let index = Rc::new(LibraryIndex::from_json(&index_json).expect("read above"));
        Preloaded::Library(bundled_shelf(index, None))
    })?;
    eprintln!(
        "dateline-prerender: {} article pages, the library and the story timeline in {:.1} s",
        index.articles.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

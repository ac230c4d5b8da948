//! The library as the app holds it: the bundled index (`articles/index.json`) with the reader's
//! own articles folded in by the same joining rule ([`LibraryBuilder`]), and what search as you
//! type needs, computed once when it loads so each keystroke is a plain scan.
//!
//! The bundled index and events are parsed once a page session and shared; the reader's articles
//! are read from storage each time a library page opens, so a new or renamed one shows at once.

use std::cell::{OnceCell, RefCell};
use std::collections::HashSet;
use std::rc::Rc;

use dateline_format::article::{Article, EntityType};
use dateline_format::library::names::search_key;
use dateline_format::library::{
    LibraryBuilder, LibraryEntry, LibraryEvents, LibraryIndex, LIBRARY_SCHEMA_VERSION,
};
use serde::{Deserialize, Serialize};

use crate::data::{fetch_text, LoadError, ARTICLES_URL};
use crate::route::Collection;
use crate::store;

thread_local! {
    /// The last library built, and the store generation it was built at.
    static SHELF: RefCell<Option<(u64, Rc<Shelf>)>> = const { RefCell::new(None) };
    static BUNDLED: RefCell<Option<Rc<LibraryIndex>>> = const { RefCell::new(None) };
    static BUNDLED_EVENTS: RefCell<Option<Rc<LibraryEvents>>> = const { RefCell::new(None) };
}

/// The bundled index, fetched and parsed once a page session.
async fn bundled_index() -> Result<Rc<LibraryIndex>, LoadError> {
    if let Some(index) = BUNDLED.with(|b| b.borrow().clone()) {
        return Ok(index);
    }
    let json = fetch_text(&format!("{ARTICLES_URL}/index.json")).await?;
    let index = Rc::new(LibraryIndex::from_json(&json).map_err(LoadError::Format)?);
    BUNDLED.with(|b| *b.borrow_mut() = Some(Rc::clone(&index)));
    Ok(index)
}

/// The bundled events (`articles/events.json`), fetched once a page session: only the story
/// timeline and entity pages ask for them.
async fn bundled_events(index: &LibraryIndex) -> Result<Rc<LibraryEvents>, LoadError> {
    if let Some(events) = BUNDLED_EVENTS.with(|b| b.borrow().clone()) {
        return Ok(events);
    }
    let json = fetch_text(&format!("{ARTICLES_URL}/events.json")).await?;
    let events = Rc::new(LibraryEvents::from_json(&json, index).map_err(LoadError::Format)?);
    BUNDLED_EVENTS.with(|b| *b.borrow_mut() = Some(Rc::clone(&events)));
    Ok(events)
}

/// The library a page shows: bundled and the reader's articles, names joined across both. Built
/// once and shared by the library pages until the reader's articles change.
#[derive(Debug)]
pub struct Shelf {
    /// Every article, newest first, and every name.
    pub index: Rc<LibraryIndex>,
    /// The bundled index the reader's articles were folded onto.
    bundled: Rc<LibraryIndex>,
    /// The reader's readable articles.
    kept: Vec<Article>,
    /// Dated events, once a page has asked for them ([`Shelf::load_events`]).
    events: RefCell<Option<Rc<LibraryEvents>>>,
    /// Ids of the reader's own articles.
    pub mine: HashSet<String>,
    /// The reader's kept articles that no longer validate (id, reason).
    pub damaged: Vec<(String, String)>,
    /// Why the reader's articles could not be read, if they could not.
    pub store_problem: Option<String>,
    /// Per article: the search key of its title and standfirst, each word after a space
    /// (`" putin and trump meet"`), so "a word begins with w" is "the key contains `" w"`".
    keys: Vec<String>,
    /// Per article: the entity types it names (bit per [`kind_bit`]).
    kinds: Vec<u8>,
    /// Article indices sorted by title, made the first time a page sorts by title.
    by_title: OnceCell<Vec<u32>>,
    /// The sources, sorted.
    sources: Vec<String>,
    /// The publication years, newest first, then [`UNKNOWN_YEAR`] if an article has none.
    years: Vec<String>,
    /// Per entity: the search key of its name and aliases, each word after a space.
    entity_keys: Vec<String>,
}

fn kind_bit(entity_type: EntityType) -> u8 {
    match entity_type {
        EntityType::Person => 1,
        EntityType::Organization => 2,
        EntityType::Location => 4,
        _ => 8,
    }
}

impl Shelf {
    /// The library: the one built already if the reader's articles have not changed since.
    pub async fn load() -> Result<Rc<Shelf>, LoadError> {
        let generation = store::generation();
        let cached = SHELF.with(|s| s.borrow().clone());
        if let Some((built, shelf)) = cached {
            if built == generation {
                return Ok(shelf);
            }
        }
        let index = bundled_index().await?;
        let (kept, store_problem) = match store::kept().await {
            Ok(kept) => (kept, None),
            Err(error) => (store::Kept::default(), Some(error.to_string())),
        };
        let shelf = Rc::new(Shelf::new(index, kept, store_problem));
        SHELF.with(|s| *s.borrow_mut() = Some((generation, Rc::clone(&shelf))));
        Ok(shelf)
    }

    /// The bundled library alone, without the reader's articles (read from storage, which takes
    /// a while), and its events if asked: what a prerendered page was rendered from.
    pub async fn bundled(with_events: bool) -> Result<crate::data::Shared<Shelf>, LoadError> {
        let index = bundled_index().await?;
        let events = match with_events {
            true => Some(bundled_events(&index).await?),
            false => None,
        };
        Ok(crate::prerendered::bundled_shelf(index, events))
    }

    /// Gives the library its dated events (the prerender step reads them from a file).
    pub fn set_events(&self, events: Rc<LibraryEvents>) {
        *self.events.borrow_mut() = Some(events);
    }

    /// Loads the library's dated events (once), the reader's folded in as the articles were.
    pub async fn load_events(&self) -> Result<Rc<LibraryEvents>, LoadError> {
        if let Some(events) = self.events() {
            return Ok(events);
        }
        let bundled = bundled_events(&self.bundled).await?;
        let events = if self.kept.is_empty() {
            bundled
        } else {
            // The same fold as the index's, so its article numbers are the index's.
            fold(&self.bundled, Some(&bundled), &self.kept)
                .1
                .unwrap_or(bundled)
        };
        *self.events.borrow_mut() = Some(Rc::clone(&events));
        Ok(events)
    }

    /// The dated events, if [`Shelf::load_events`] has loaded them.
    pub fn events(&self) -> Option<Rc<LibraryEvents>> {
        self.events.borrow().clone()
    }

    /// Folds the reader's articles onto the bundled library and prepares the search keys.
    pub fn new(
        bundled: Rc<LibraryIndex>,
        kept: store::Kept,
        store_problem: Option<String>,
    ) -> Shelf {
        let mine: HashSet<String> = kept.articles.iter().map(|a| a.id.clone()).collect();
        let index = if kept.articles.is_empty() {
            Rc::clone(&bundled)
        } else {
            fold(&bundled, None, &kept.articles).0
        };
        let entity_keys: Vec<String> = index
            .entities
            .iter()
            .map(|e| {
                let mut key = String::from(" ");
                key.push_str(&search_key(&e.name));
                for alias in &e.aliases {
                    key.push(' ');
                    key.push_str(&search_key(alias));
                }
                key
            })
            .collect();
        let mut keys = Vec::with_capacity(index.articles.len());
        let mut kinds = Vec::with_capacity(index.articles.len());
        for entry in &index.articles {
            let mut key = String::from(" ");
            key.push_str(&search_key(&entry.title));
            key.push(' ');
            key.push_str(&search_key(&entry.standfirst));
            let mut kind = 0;
            for name in &entry.names {
                kind |= kind_bit(index.entities[name.entity as usize].entity_type);
            }
            keys.push(key);
            kinds.push(kind);
        }
        let mut sources: Vec<String> = index
            .articles
            .iter()
            .map(|e| e.source.as_str())
            .filter(|s| !s.is_empty())
            .collect::<HashSet<_>>()
            .into_iter()
            .map(str::to_string)
            .collect();
        sources.sort();
        let mut years: Vec<String> = index
            .articles
            .iter()
            .map(year_of)
            .collect::<HashSet<_>>()
            .into_iter()
            .map(str::to_string)
            .collect();
        years.sort_by(|a, b| (a == UNKNOWN_YEAR).cmp(&(b == UNKNOWN_YEAR)).then(b.cmp(a)));
        Shelf {
            index,
            bundled,
            kept: kept.articles,
            events: RefCell::new(None),
            mine,
            damaged: kept.damaged,
            store_problem,
            keys,
            kinds,
            by_title: OnceCell::new(),
            sources,
            years,
            entity_keys,
        }
    }

    fn by_title(&self) -> &[u32] {
        self.by_title.get_or_init(|| {
            let titles: Vec<String> = self
                .index
                .articles
                .iter()
                .map(|e| search_key(&e.title))
                .collect();
            let mut order: Vec<u32> = (0..titles.len() as u32).collect();
            order.sort_by(|&a, &b| titles[a as usize].cmp(&titles[b as usize]));
            order
        })
    }

    /// Where an article is read from.
    pub fn collection(&self, id: &str) -> Collection {
        if self.mine.contains(id) {
            Collection::Mine
        } else {
            Collection::Bundled
        }
    }

    /// The indices of the articles a query finds, in its order.
    pub fn search(&self, query: &Query) -> Vec<u32> {
        // " w" in a key: a word of it begins with w (see `keys`).
        let needles: Vec<String> = search_key(&query.q)
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(|w| format!(" {w}"))
            .collect();
        // Per word, the names it begins a word of: an article matches the word by its title,
        // its standfirst or one of its names.
        let named: Vec<Vec<bool>> = needles
            .iter()
            .map(|n| {
                self.entity_keys
                    .iter()
                    .map(|k| k.contains(n.as_str()))
                    .collect()
            })
            .collect();
        let kind = query.kind_bit();
        let keep = |i: u32| {
            let entry = &self.index.articles[i as usize];
            let key = &self.keys[i as usize];
            (query.source.is_empty() || entry.source == query.source)
                && (kind == 0 || self.kinds[i as usize] & kind != 0)
                && (query.year.is_empty() || year_of(entry) == query.year)
                && needles.iter().zip(&named).all(|(needle, named)| {
                    key.contains(needle.as_str())
                        || entry.names.iter().any(|n| named[n.entity as usize])
                })
        };
        if query.sort == "title" {
            self.by_title()
                .iter()
                .copied()
                .filter(|&i| keep(i))
                .collect()
        } else {
            (0..self.index.articles.len() as u32)
                .filter(|&i| keep(i))
                .collect()
        }
    }

    /// The sources of the library, sorted, each once.
    pub fn sources(&self) -> &[String] {
        &self.sources
    }

    /// The publication years of the library, newest first, then [`UNKNOWN_YEAR`] if an article
    /// has none.
    pub fn years(&self) -> &[String] {
        &self.years
    }

    /// The names of an article whose key a query's words begin, most mentioned first.
    pub fn matched_names(&self, article: u32, query_key: &str) -> Vec<(u32, u32)> {
        if query_key.is_empty() {
            return Vec::new();
        }
        let words: Vec<&str> = query_key.split(' ').filter(|w| !w.is_empty()).collect();
        self.index.articles[article as usize]
            .names
            .iter()
            .filter(|n| {
                let key = &self.entity_keys[n.entity as usize];
                key.split(' ')
                    .any(|k| words.iter().any(|w| k.starts_with(w)))
            })
            .map(|n| (n.entity, n.mentions))
            .collect()
    }
}

/// What the year filter calls an article without a publication date.
pub const UNKNOWN_YEAR: &str = "unknown";

/// The year an article was published (`"2017"`), or [`UNKNOWN_YEAR`].
pub fn year_of(entry: &LibraryEntry) -> &str {
    entry
        .published
        .as_deref()
        .and_then(|p| p.get(0..4))
        .unwrap_or(UNKNOWN_YEAR)
}

/// The bundled library with the reader's articles added by the same joining rule.
fn fold(
    index: &LibraryIndex,
    events: Option<&Rc<LibraryEvents>>,
    mine: &[Article],
) -> (Rc<LibraryIndex>, Option<Rc<LibraryEvents>>) {
    let bundled_events = events.map(|e| (**e).clone()).unwrap_or(LibraryEvents {
        schema_version: LIBRARY_SCHEMA_VERSION,
        events: Vec::new(),
    });
    let mut builder = LibraryBuilder::from_index(index.clone(), bundled_events);
    for article in mine {
        builder.add(article);
    }
    let (index, folded_events) = builder.finish();
    (Rc::new(index), events.map(|_| Rc::new(folded_events)))
}

/// The library's search and filters as they stand in the address (`#/?q=…&kind=PER`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Query {
    /// Words searched for in titles, standfirsts and names.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub q: String,
    /// Only articles of this source.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// Only articles naming a name of this type (`PER`, `ORG`, `LOC`, `MISC`).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub kind: String,
    /// Only articles of this year, or [`UNKNOWN_YEAR`].
    #[serde(skip_serializing_if = "String::is_empty")]
    pub year: String,
    /// `title` sorts by title; anything else by date, newest first.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub sort: String,
    /// Only events naming this entity (the story timeline).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub entity: String,
}

impl Query {
    fn kind_bit(&self) -> u8 {
        EntityType::from_code(&self.kind).map_or(0, kind_bit)
    }

    /// True when it narrows the library at all (sorting does not).
    pub fn filters(&self) -> bool {
        !(self.q.trim().is_empty()
            && self.source.is_empty()
            && self.kind.is_empty()
            && self.year.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_format::library::{LibraryEntity, NameRef};

    fn entry(id: &str, title: &str, published: Option<&str>) -> LibraryEntry {
        LibraryEntry {
            id: id.into(),
            title: title.into(),
            standfirst: String::new(),
            source: "Wire".into(),
            published: published.map(str::to_string),
            published_inferred: false,
            words: 100,
            entities: 0,
            events: 0,
            names: Vec::new(),
        }
    }

    fn shelf() -> Shelf {
        let index = LibraryIndex {
            schema_version: LIBRARY_SCHEMA_VERSION,
            articles: vec![
                entry("b", "Zoë visits Köln", Some("2018-02-01")),
                LibraryEntry {
                    names: vec![NameRef {
                        entity: 0,
                        mentions: 2,
                    }],
                    ..entry("a", "Another story", None)
                },
            ],
            entities: vec![LibraryEntity {
                id: "per-vladimir-putin".into(),
                name: "Vladimir Putin".into(),
                entity_type: EntityType::Person,
                aliases: vec!["Putin".into()],
                articles: 1,
                mentions: 2,
            }],
        };
        Shelf::new(Rc::new(index), store::Kept::default(), None)
    }

    #[test]
    fn search_folds_accents_and_keeps_filters() {
        let shelf = shelf();
        let query = |q: &str| Query {
            q: q.into(),
            ..Query::default()
        };
        assert_eq!(shelf.search(&query("zoe koln")), vec![0]);
        assert_eq!(shelf.search(&query("")), vec![0, 1]);
        let by_title = Query {
            sort: "title".into(),
            ..Query::default()
        };
        assert_eq!(shelf.search(&by_title), vec![1, 0]);
        let unknown = Query {
            year: UNKNOWN_YEAR.into(),
            ..Query::default()
        };
        assert_eq!(shelf.search(&unknown), vec![1]);
        assert_eq!(shelf.years(), ["2018".to_string(), UNKNOWN_YEAR.into()]);
        // Words are matched from their start only.
        assert!(shelf.search(&query("oe")).is_empty());
        // By a name the article names, with its mentions; every word must match somewhere.
        assert_eq!(shelf.search(&query("vla pu")), vec![1]);
        assert_eq!(shelf.search(&query("putin story")), vec![1]);
        assert!(shelf.search(&query("putin koln")).is_empty());
        assert_eq!(shelf.matched_names(1, &search_key("putin")), vec![(0, 2)]);
        let people = Query {
            kind: "PER".into(),
            ..Query::default()
        };
        assert_eq!(shelf.search(&people), vec![1]);
    }
}

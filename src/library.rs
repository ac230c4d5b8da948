//! The library as the app holds it: the bundled index (`articles/index.json`) with the reader's
//! own articles folded in by the same joining rule ([`LibraryBuilder`]), and what search as you
//! type needs, computed once when it loads so each keystroke is a plain scan.
//!
//! The bundled index and events are parsed once a page session and shared; the reader's articles
//! are read from storage each time a library page opens, so a new or renamed one shows at once.

use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;

use dateline_format::article::{Article, EntityType};
use dateline_format::library::names::{matches_query, search_key};
use dateline_format::library::{
    LibraryBuilder, LibraryEntry, LibraryEvents, LibraryIndex, LIBRARY_SCHEMA_VERSION,
};
use serde::{Deserialize, Serialize};

use crate::data::{fetch_text, LoadError, ARTICLES_URL};
use crate::route::Collection;
use crate::store;

thread_local! {
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

/// The library a page shows: bundled and the reader's articles, names joined across both.
#[derive(Debug)]
pub struct Shelf {
    /// Every article, newest first, and every name.
    pub index: Rc<LibraryIndex>,
    /// Dated events, when the page asked for them.
    pub events: Option<Rc<LibraryEvents>>,
    /// Ids of the reader's own articles.
    pub mine: HashSet<String>,
    /// The reader's kept articles that no longer validate (id, reason).
    pub damaged: Vec<(String, String)>,
    /// Why the reader's articles could not be read, if they could not.
    pub store_problem: Option<String>,
    /// Per article: the search key of its title, standfirst and names.
    keys: Vec<String>,
    /// Per article: the entity types it names (bit per [`kind_bit`]).
    kinds: Vec<u8>,
    /// Article indices sorted by title.
    by_title: Vec<u32>,
    /// Per entity: the search key of its name and aliases.
    pub entity_keys: Vec<String>,
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
    /// Loads the library; with `events`, its dated events too.
    pub async fn load(events: bool) -> Result<Shelf, LoadError> {
        let index = bundled_index().await?;
        let bundled_events = match events {
            true => Some(bundled_events(&index).await?),
            false => None,
        };
        let (kept, store_problem) = match store::kept().await {
            Ok(kept) => (kept, None),
            Err(error) => (store::Kept::default(), Some(error.to_string())),
        };
        Ok(Shelf::new(index, bundled_events, kept, store_problem))
    }

    /// Folds the reader's articles onto the bundled library and prepares the search keys.
    pub fn new(
        index: Rc<LibraryIndex>,
        events: Option<Rc<LibraryEvents>>,
        kept: store::Kept,
        store_problem: Option<String>,
    ) -> Shelf {
        let mine: HashSet<String> = kept.articles.iter().map(|a| a.id.clone()).collect();
        let (index, events) = if kept.articles.is_empty() {
            (index, events)
        } else {
            fold(&index, events.as_deref(), &kept.articles)
        };
        let entity_keys: Vec<String> = index
            .entities
            .iter()
            .map(|e| {
                let mut text = e.name.clone();
                for alias in &e.aliases {
                    text.push(' ');
                    text.push_str(alias);
                }
                search_key(&text)
            })
            .collect();
        let mut keys = Vec::with_capacity(index.articles.len());
        let mut kinds = Vec::with_capacity(index.articles.len());
        for entry in &index.articles {
            let mut key = search_key(&format!("{} {}", entry.title, entry.standfirst));
            let mut kind = 0;
            for name in &entry.names {
                key.push(' ');
                key.push_str(&entity_keys[name.entity as usize]);
                kind |= kind_bit(index.entities[name.entity as usize].entity_type);
            }
            keys.push(key);
            kinds.push(kind);
        }
        let title_keys: Vec<String> = index
            .articles
            .iter()
            .map(|e| search_key(&e.title))
            .collect();
        let mut by_title: Vec<u32> = (0..index.articles.len() as u32).collect();
        by_title.sort_by(|&a, &b| title_keys[a as usize].cmp(&title_keys[b as usize]));
        Shelf {
            index,
            events,
            mine,
            damaged: kept.damaged,
            store_problem,
            keys,
            kinds,
            by_title,
            entity_keys,
        }
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
        let key = search_key(&query.q);
        let kind = query.kind_bit();
        let keep = |i: u32| {
            let entry = &self.index.articles[i as usize];
            (query.source.is_empty() || entry.source == query.source)
                && (kind == 0 || self.kinds[i as usize] & kind != 0)
                && (query.year.is_empty() || year_of(entry) == query.year)
                && matches_query(&self.keys[i as usize], &key)
        };
        let order: Box<dyn Iterator<Item = u32>> = if query.sort == "title" {
            Box::new(self.by_title.iter().copied())
        } else {
            Box::new(0..self.index.articles.len() as u32)
        };
        order.filter(|&i| keep(i)).collect()
    }

    /// The sources of the library, sorted, each once.
    pub fn sources(&self) -> Vec<String> {
        let mut sources: Vec<String> = self
            .index
            .articles
            .iter()
            .map(|e| e.source.clone())
            .filter(|s| !s.is_empty())
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        sources.sort();
        sources
    }

    /// The publication years of the library, newest first, then "unknown" if an article has none.
    pub fn years(&self) -> Vec<String> {
        let mut years: Vec<String> = self
            .index
            .articles
            .iter()
            .map(year_of)
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        years.sort_by(|a, b| (a == UNKNOWN_YEAR).cmp(&(b == UNKNOWN_YEAR)).then(b.cmp(a)));
        years
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
pub fn year_of(entry: &LibraryEntry) -> String {
    entry
        .published
        .as_deref()
        .and_then(|p| p.get(0..4))
        .unwrap_or(UNKNOWN_YEAR)
        .to_string()
}

/// The bundled library with the reader's articles added by the same joining rule.
fn fold(
    index: &LibraryIndex,
    events: Option<&LibraryEvents>,
    mine: &[Article],
) -> (Rc<LibraryIndex>, Option<Rc<LibraryEvents>>) {
    let bundled_events = events.cloned().unwrap_or(LibraryEvents {
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
                entry("a", "Another story", None),
            ],
            entities: Vec::new(),
        };
        Shelf::new(Rc::new(index), None, store::Kept::default(), None)
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
        assert_eq!(shelf.years(), vec!["2018".to_string(), UNKNOWN_YEAR.into()]);
    }
}

//! The library index: every bundled article in one small file (`static/articles/index.json`),
//! the names joined across articles, and the dated events of all articles in a second file
//! (`events.json`) that only the story timeline and entity pages load.
//!
//! [`LibraryBuilder`] makes both from articles; the CLI bundles with it, and the app folds the
//! reader's own articles onto the bundled index with [`LibraryBuilder::from_index`] by the same
//! rule. `docs/article-format.md` ("Library index") documents the files and the joining rule.
//!
//! ```
//! use dateline_format::article::Article;
//! use dateline_format::library::LibraryBuilder;
//!
//! let json = r#"{"schema_version": 2, "id": "x", "title": "T", "standfirst": "",
//!   "source": "S", "published": "2017-07-07", "language": "en",
//!   "paragraphs": ["Putin spoke."], "entities": [{"id": "putin", "name": "Putin",
//!   "type": "PER", "aliases": [], "mentions": [{"start": 0, "end": 5}]}],
//!   "timexes": [], "events": []}"#;
//! let mut builder = LibraryBuilder::new();
//! builder.add(&Article::from_json(json).unwrap());
//! let (index, _events) = builder.finish();
//! assert_eq!(index.entities[0].id, "per-putin");
//! assert_eq!(index.articles[0].names[0].entity, 0);
//! ```

mod builder;
pub mod names;

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::article::{is_valid_id, Article, EntityType, FormatError, Granularity};

pub use builder::LibraryBuilder;
use names::{entity_id, unique_id};

/// The schema version of `index.json` and `events.json`.
pub const LIBRARY_SCHEMA_VERSION: u32 = 2;

/// File name of the library index inside the bundle folder.
pub const INDEX_FILE: &str = "index.json";

/// File name of the library's events inside the bundle folder.
pub const EVENTS_FILE: &str = "events.json";

/// The library index (`index.json`): every article, and every name joined across articles.
/// Entity ids are not written: reading the index makes them again, in list order, as the
/// builder made them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "IndexFile")]
pub struct LibraryIndex {
    /// Always [`LIBRARY_SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Articles, newest first; undated ones last; then by id.
    pub articles: Vec<LibraryEntry>,
    /// Names joined across articles; [`NameRef::entity`] and [`LibraryEvent::entities`] index
    /// this list.
    pub entities: Vec<LibraryEntity>,
}

/// One article of the library index. Written as a JSON array in field order (see
/// `docs/article-format.md`): at 10,000 articles the keys alone would be a third of the file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(from = "EntryRow", into = "EntryRow")]
pub struct LibraryEntry {
    /// The article's id; its file is `<id>.json` beside the index.
    pub id: String,
    /// Headline.
    pub title: String,
    /// Dek.
    pub standfirst: String,
    /// Publisher.
    pub source: String,
    /// Publication date, `YYYY-MM-DD` or `YYYY-MM`; `None` when unknown.
    pub published: Option<String>,
    /// True when `published` was read from the text rather than given.
    pub published_inferred: bool,
    /// Number of words in the body.
    pub words: u32,
    /// Number of distinct entities in the article.
    pub entities: u32,
    /// Number of events in the article (dated or not).
    pub events: u32,
    /// The library entities the article names, most mentioned first.
    pub names: Vec<NameRef>,
}

impl Article {
    /// This article's library entry, without [`LibraryEntry::names`]: those index the
    /// library's entities, which [`LibraryBuilder`] makes.
    pub fn library_entry(&self) -> LibraryEntry {
        LibraryEntry {
            id: self.id.clone(),
            title: self.title.clone(),
            standfirst: self.standfirst.clone(),
            source: self.source.clone(),
            published: self.published.clone(),
            published_inferred: self.published_inferred,
            words: u32::try_from(self.word_count()).unwrap_or(u32::MAX),
            entities: self.entities.len() as u32,
            events: self.events.len() as u32,
            names: Vec::new(),
        }
    }
}

/// A library entity an article names, and how often. Written `[entity, mentions]` in JSON: at
/// 10,000 articles the index holds hundreds of thousands of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "(u32, u32)", into = "(u32, u32)")]
pub struct NameRef {
    /// Index into [`LibraryIndex::entities`].
    pub entity: u32,
    /// Mentions of it in the article.
    pub mentions: u32,
}

impl From<(u32, u32)> for NameRef {
    fn from((entity, mentions): (u32, u32)) -> NameRef {
        NameRef { entity, mentions }
    }
}

impl From<NameRef> for (u32, u32) {
    fn from(name: NameRef) -> (u32, u32) {
        (name.entity, name.mentions)
    }
}

/// A name joined across the articles of the library. Written as a JSON array in field order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(from = "EntityRow", into = "EntityRow")]
pub struct LibraryEntity {
    /// Library-wide id, `[a-z0-9-]+`: the type code lower-cased, a hyphen and the slug of the
    /// name (`per-vladimir-putin`); the route `#/entity/<id>`.
    pub id: String,
    /// Canonical name: the name most articles give it.
    pub name: String,
    /// Entity class.
    pub entity_type: EntityType,
    /// Every other form the articles use, sorted.
    pub aliases: Vec<String>,
    /// Number of articles naming it.
    pub articles: u32,
    /// Mentions over all articles.
    pub mentions: u32,
}

/// The dated events of every article (`events.json`), for the story timeline and entity pages.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LibraryEvents {
    /// Always [`LIBRARY_SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Events that can be placed on a calendar axis, ordered by date, then article, then id.
    pub events: Vec<LibraryEvent>,
}

/// One dated event of one article. Written as a JSON array in field order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(from = "EventRow", into = "EventRow")]
pub struct LibraryEvent {
    /// Index into [`LibraryIndex::articles`].
    pub article: u32,
    /// The event's id in its article.
    pub id: String,
    /// TIMEX3 value of its date.
    pub date: String,
    /// Precision of `date`.
    pub granularity: Granularity,
    /// The event's label.
    pub label: String,
    /// Indices into [`LibraryIndex::entities`] of the names taking part.
    pub entities: Vec<u32>,
}

/// [`LibraryEntry`] as written: its fields in order.
#[derive(Serialize, Deserialize)]
struct EntryRow(
    String,
    String,
    String,
    String,
    Option<String>,
    bool,
    u32,
    u32,
    u32,
    Vec<NameRef>,
);

impl From<EntryRow> for LibraryEntry {
    fn from(row: EntryRow) -> LibraryEntry {
        let EntryRow(
            id,
            title,
            standfirst,
            source,
            published,
            published_inferred,
            words,
            entities,
            events,
            names,
        ) = row;
        LibraryEntry {
            id,
            title,
            standfirst,
            source,
            published,
            published_inferred,
            words,
            entities,
            events,
            names,
        }
    }
}

impl From<LibraryEntry> for EntryRow {
    fn from(e: LibraryEntry) -> EntryRow {
        EntryRow(
            e.id,
            e.title,
            e.standfirst,
            e.source,
            e.published,
            e.published_inferred,
            e.words,
            e.entities,
            e.events,
            e.names,
        )
    }
}

/// [`LibraryIndex`] as read, before its entities get their ids.
#[derive(Deserialize)]
struct IndexFile {
    schema_version: u32,
    articles: Vec<LibraryEntry>,
    entities: Vec<LibraryEntity>,
}

impl From<IndexFile> for LibraryIndex {
    fn from(file: IndexFile) -> LibraryIndex {
        let mut entities = file.entities;
        let mut used = HashSet::with_capacity(entities.len());
        for entity in &mut entities {
            entity.id = unique_id(&entity_id(entity.entity_type, &entity.name), &mut used);
        }
        LibraryIndex {
            schema_version: file.schema_version,
            articles: file.articles,
            entities,
        }
    }
}

/// [`LibraryEntity`] as written: its fields in order, but the id, which is made from the type
/// and the name (a third of an entity's compressed bytes).
#[derive(Serialize, Deserialize)]
struct EntityRow(String, EntityType, Vec<String>, u32, u32);

impl From<EntityRow> for LibraryEntity {
    fn from(row: EntityRow) -> LibraryEntity {
        let EntityRow(name, entity_type, aliases, articles, mentions) = row;
        LibraryEntity {
            id: String::new(),
            name,
            entity_type,
            aliases,
            articles,
            mentions,
        }
    }
}

impl From<LibraryEntity> for EntityRow {
    fn from(e: LibraryEntity) -> EntityRow {
        EntityRow(e.name, e.entity_type, e.aliases, e.articles, e.mentions)
    }
}

/// [`LibraryEvent`] as written: its fields in order.
#[derive(Serialize, Deserialize)]
struct EventRow(u32, String, String, Granularity, String, Vec<u32>);

impl From<EventRow> for LibraryEvent {
    fn from(row: EventRow) -> LibraryEvent {
        let EventRow(article, id, date, granularity, label, entities) = row;
        LibraryEvent {
            article,
            id,
            date,
            granularity,
            label,
            entities,
        }
    }
}

impl From<LibraryEvent> for EventRow {
    fn from(e: LibraryEvent) -> EventRow {
        EventRow(e.article, e.id, e.date, e.granularity, e.label, e.entities)
    }
}

/// Parses a library file in one pass; when that fails, or the version is not ours, the error
/// names the version the file has, as the article reader's does.
fn parse_versioned<T: serde::de::DeserializeOwned>(
    json: &str,
    version_of: impl Fn(&T) -> u32,
) -> Result<T, FormatError> {
    #[derive(Deserialize)]
    struct Version {
        schema_version: Option<serde_json::Value>,
    }
    let wrong_version = |version: Option<serde_json::Value>| match version {
        Some(v) => FormatError::UnsupportedVersion(v.as_u64()),
        None => FormatError::UnsupportedVersion(None),
    };
    match serde_json::from_str::<T>(json) {
        Ok(file) if version_of(&file) == LIBRARY_SCHEMA_VERSION => Ok(file),
        Ok(file) => Err(FormatError::UnsupportedVersion(Some(u64::from(
            version_of(&file),
        )))),
        Err(error) => match serde_json::from_str::<Version>(json) {
            Ok(Version { schema_version })
                if schema_version.as_ref().and_then(|v| v.as_u64())
                    != Some(u64::from(LIBRARY_SCHEMA_VERSION)) =>
            {
                Err(wrong_version(schema_version))
            }
            _ => Err(FormatError::Malformed(error.to_string())),
        },
    }
}

/// `[a, b, c]` as JSON, one item a line, so the files stay small and diff line by line.
fn json_lines<T: Serialize>(items: &[T]) -> String {
    let lines: Vec<String> = items
        .iter()
        .map(|item| serde_json::to_string(item).expect("library items always serialize"))
        .collect();
    if lines.is_empty() {
        "[]".to_string()
    } else {
        format!("[\n{}\n]", lines.join(",\n"))
    }
}

impl LibraryIndex {
    /// Parses and checks an index file: version, ids, and every entity index in range.
    pub fn from_json(json: &str) -> Result<LibraryIndex, FormatError> {
        let index = parse_versioned(json, |i: &LibraryIndex| i.schema_version)?;
        index.validate()?;
        Ok(index)
    }

    /// Checks ids and entity indices.
    pub fn validate(&self) -> Result<(), FormatError> {
        let invalid = |why: String| Err(FormatError::Invalid(why));
        if let Some(bad) = self.articles.iter().find(|a| !is_valid_id(&a.id)) {
            return invalid(format!("library entry id {:?} is malformed", bad.id));
        }
        if let Some(bad) = self.entities.iter().find(|e| !is_valid_id(&e.id)) {
            return invalid(format!("library entity id {:?} is malformed", bad.id));
        }
        let count = self.entities.len();
        for entry in &self.articles {
            if let Some(name) = entry.names.iter().find(|n| n.entity as usize >= count) {
                return invalid(format!(
                    "library entry {:?} names entity {} of {count}",
                    entry.id, name.entity
                ));
            }
        }
        Ok(())
    }

    /// Serializes the index compactly, one article and one entity a line.
    pub fn to_json(&self) -> String {
        format!(
            "{{\"schema_version\":{},\n\"articles\":{},\n\"entities\":{}}}\n",
            self.schema_version,
            json_lines(&self.articles),
            json_lines(&self.entities)
        )
    }

    /// The entity with library id `id`, and its index.
    pub fn entity(&self, id: &str) -> Option<(u32, &LibraryEntity)> {
        self.entities
            .iter()
            .enumerate()
            .find(|(_, e)| e.id == id)
            .map(|(i, e)| (i as u32, e))
    }
}

impl LibraryEvents {
    /// Parses an events file and checks it against the index it belongs to.
    pub fn from_json(json: &str, index: &LibraryIndex) -> Result<LibraryEvents, FormatError> {
        let events = parse_versioned(json, |e: &LibraryEvents| e.schema_version)?;
        let (articles, entities) = (index.articles.len(), index.entities.len());
        for event in &events.events {
            if event.article as usize >= articles
                || event.entities.iter().any(|&e| e as usize >= entities)
            {
                return Err(FormatError::Invalid(format!(
                    "library event {:?} points past the index",
                    event.id
                )));
            }
        }
        Ok(events)
    }

    /// Serializes the events compactly, one a line.
    pub fn to_json(&self) -> String {
        format!(
            "{{\"schema_version\":{},\n\"events\":{}}}\n",
            self.schema_version,
            json_lines(&self.events)
        )
    }
}

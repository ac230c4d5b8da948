//! [`LibraryBuilder`]: articles in, the library index and its events out, with names joined
//! across articles.
//!
//! The join runs in [`LibraryBuilder::finish`] over everything added, in an order fixed by the
//! data (units by name key, articles by id), so the result never depends on the order articles
//! were added. Two rules, the same as within one article (the engine's `entities/merge.rs`):
//!
//! 1. Entities of the same type whose canonical names have the same [`name_key`] are one
//!    ("Vladimir Putin" in two articles).
//! 2. A name all of whose forms are short forms of exactly one longer entity of the same type
//!    joins it: a form of that entity ("Putin" when an article wrote "Vladimir Putin … Putin"),
//!    a first or last name or the last two words of a person ("Putin", "al-Assad"), or the
//!    acronym or first words of an organisation ("NATO", "Federal Reserve"). Of two candidates
//!    (two Smiths) it stays apart. Types never mix.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use super::names::{entity_id, join_key, key_words, unique_id};
use super::{
    LibraryEntity, LibraryEntry, LibraryEvent, LibraryEvents, LibraryIndex, NameRef,
    LIBRARY_SCHEMA_VERSION,
};
use crate::article::{Article, EntityType, Granularity};
use crate::calendar::Period;

/// Words an acronym leaves out ("FBI" for "Federal Bureau of Investigation"); the engine's
/// `data/acronym_skipped_words.txt`.
const ACRONYM_SKIPPED_WORDS: [&str; 4] = ["of", "the", "and", "for"];

/// Builds a [`LibraryIndex`] and its [`LibraryEvents`] from articles.
#[derive(Clone, Debug, Default)]
pub struct LibraryBuilder {
    /// The entities of a bundled index this builder extends; they keep their ids and names.
    bundled: Vec<LibraryEntity>,
    /// Every article, by id.
    articles: BTreeMap<String, Record>,
}

/// One article as the builder keeps it: its entry (without names), its names, its dated events.
#[derive(Clone, Debug)]
struct Record {
    entry: LibraryEntry,
    names: Vec<Name>,
    events: Vec<EventRecord>,
}

/// One name of one article, before the join.
#[derive(Clone, Debug)]
enum Name {
    /// An entity of the bundled index, joined already.
    Bundled { entity: usize, mentions: u32 },
    /// An entity of an added article.
    Added {
        entity_type: EntityType,
        name: String,
        aliases: Vec<String>,
        mentions: u32,
    },
}

/// A dated event of one article; `names` index the record's names.
#[derive(Clone, Debug)]
struct EventRecord {
    id: String,
    date: String,
    granularity: Granularity,
    label: String,
    names: Vec<usize>,
}

/// Names of one type and one key, with all their forms: what the join joins.
struct Unit {
    entity_type: EntityType,
    /// The bundled entity it is, if any.
    bundled: Option<usize>,
    forms: BTreeSet<String>,
    keys: BTreeSet<String>,
    /// Canonical-name spellings, by the number of articles giving each.
    votes: BTreeMap<String, u32>,
    /// The most words of any key.
    words: usize,
}

impl Unit {
    fn new(entity_type: EntityType, bundled: Option<usize>) -> Unit {
        Unit {
            entity_type,
            bundled,
            forms: BTreeSet::new(),
            keys: BTreeSet::new(),
            votes: BTreeMap::new(),
            words: 0,
        }
    }

    fn add_form(&mut self, form: &str) {
        let key = join_key(form);
        self.words = self.words.max(key_words(&key).count());
        self.keys.insert(key);
        self.forms.insert(form.to_string());
    }

    /// The spelling most articles give; of equals the longest, then the first in code order.
    fn name(&self) -> &str {
        self.votes
            .iter()
            .max_by(|a, b| {
                (a.1, a.0.chars().count())
                    .cmp(&(b.1, b.0.chars().count()))
                    .then_with(|| b.0.cmp(a.0))
            })
            .map(|(name, _)| name.as_str())
            .unwrap_or_default()
    }
}

impl LibraryBuilder {
    /// An empty library.
    pub fn new() -> LibraryBuilder {
        LibraryBuilder::default()
    }

    /// A builder holding a finished index and its events (the bundled library), to which the
    /// reader's own articles can be added. The bundled entities keep their ids, names and order;
    /// added articles join them by the same rule as in a full build. (One difference: a bundled
    /// name kept apart stays apart even when an added article would make it a unique short
    /// form; added articles never re-shape the bundled library.)
    pub fn from_index(index: LibraryIndex, events: LibraryEvents) -> LibraryBuilder {
        let mut by_article: HashMap<u32, Vec<LibraryEvent>> = HashMap::new();
        for event in events.events {
            by_article.entry(event.article).or_default().push(event);
        }
        let mut articles = BTreeMap::new();
        for (i, mut entry) in index.articles.into_iter().enumerate() {
            let mut names: Vec<Name> = std::mem::take(&mut entry.names)
                .into_iter()
                .map(|n| Name::Bundled {
                    entity: n.entity as usize,
                    mentions: n.mentions,
                })
                .collect();
            let events = by_article
                .remove(&(i as u32))
                .unwrap_or_default()
                .into_iter()
                .map(|event| bundled_event(event, &mut names))
                .collect();
            articles.insert(
                entry.id.clone(),
                Record {
                    entry,
                    names,
                    events,
                },
            );
        }
        LibraryBuilder {
            bundled: index.entities,
            articles,
        }
    }

    /// Adds an article, replacing one of the same id.
    pub fn add(&mut self, article: &Article) {
        let names = article
            .entities
            .iter()
            .map(|e| Name::Added {
                entity_type: e.entity_type,
                name: e.name.clone(),
                aliases: e.aliases.clone(),
                mentions: e.mentions.len() as u32,
            })
            .collect();
        let events = article
            .events
            .iter()
            .filter_map(|event| {
                Some(EventRecord {
                    id: event.id.clone(),
                    date: event.date.clone(),
                    granularity: event.granularity?,
                    label: event.label.clone(),
                    names: event
                        .entities
                        .iter()
                        .filter_map(|id| article.entities.iter().position(|e| e.id == *id))
                        .collect(),
                })
            })
            .collect();
        self.articles.insert(
            article.id.clone(),
            Record {
                entry: article.library_entry(),
                names,
                events,
            },
        );
    }

    /// Removes the article `id`; false when there is none.
    pub fn remove(&mut self, id: &str) -> bool {
        self.articles.remove(id).is_some()
    }

    /// Number of articles.
    pub fn len(&self) -> usize {
        self.articles.len()
    }

    /// True when no article was added.
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// The index and the events of everything added, names joined. It takes the builder, so
    /// titles, labels and ids move into the result instead of being copied.
    pub fn finish(self) -> (LibraryIndex, LibraryEvents) {
        let (mut units, unit_of) = self.units();
        let root = join_short_forms(&units);
        let (entities, entity_of_unit) = self.entities(&mut units, &root);
        drop(units);
        let mut records: Vec<(Record, Vec<usize>)> =
            self.articles.into_values().zip(unit_of).collect();
        records.sort_by(|a, b| newest_first(&a.0.entry, &b.0.entry));
        let mut index = LibraryIndex {
            schema_version: LIBRARY_SCHEMA_VERSION,
            articles: Vec::with_capacity(records.len()),
            entities,
        };
        let mut events: Vec<(Option<jiff::civil::Date>, LibraryEvent)> = Vec::new();
        for (a, (record, units_of_names)) in records.into_iter().enumerate() {
            let name_entity = |n: usize| entity_of_unit[units_of_names[n]];
            let names = name_refs(&record.names, name_entity);
            for name in &names {
                let entity = &mut index.entities[name.entity as usize];
                entity.articles += 1;
                entity.mentions += name.mentions;
            }
            index.articles.push(LibraryEntry {
                names,
                ..record.entry
            });
            for event in record.events {
                let mut entities: Vec<u32> = Vec::with_capacity(event.names.len());
                for &n in &event.names {
                    let entity = name_entity(n);
                    if !entities.contains(&entity) {
                        entities.push(entity);
                    }
                }
                let start = Period::of_value(&event.date).map(|p| p.start);
                let event = LibraryEvent {
                    article: a as u32,
                    id: event.id,
                    date: event.date,
                    granularity: event.granularity,
                    label: event.label,
                    entities,
                };
                events.push((start, event));
            }
        }
        events.sort_by(|(x_start, x), (y_start, y)| {
            (x_start, &x.date, x.article, &x.id).cmp(&(y_start, &y.date, y.article, &y.id))
        });
        let events = LibraryEvents {
            schema_version: LIBRARY_SCHEMA_VERSION,
            events: events.into_iter().map(|(_, event)| event).collect(),
        };
        (index, events)
    }

    /// One unit per bundled entity, then one per (type, key) of the added names; and, per
    /// article in id order, the unit of each of its names.
    fn units(&self) -> (Vec<Unit>, Vec<Vec<usize>>) {
        let mut units: Vec<Unit> = Vec::new();
        let mut by_key: HashMap<(EntityType, String), usize> = HashMap::new();
        for (b, entity) in self.bundled.iter().enumerate() {
            let mut unit = Unit::new(entity.entity_type, Some(b));
            unit.add_form(&entity.name);
            for alias in &entity.aliases {
                unit.add_form(alias);
            }
            unit.votes.insert(entity.name.clone(), 1);
            by_key
                .entry((entity.entity_type, join_key(&entity.name)))
                .or_insert(units.len());
            units.push(unit);
        }
        let mut unit_of = Vec::with_capacity(self.articles.len());
        for record in self.articles.values() {
            let mut of_names = Vec::with_capacity(record.names.len());
            for name in &record.names {
                let u = match name {
                    Name::Bundled { entity, .. } => *entity,
                    Name::Added {
                        entity_type,
                        name,
                        aliases,
                        ..
                    } => {
                        let u =
                            *by_key
                                .entry((*entity_type, join_key(name)))
                                .or_insert_with(|| {
                                    units.push(Unit::new(*entity_type, None));
                                    units.len() - 1
                                });
                        let unit = &mut units[u];
                        unit.add_form(name);
                        for alias in aliases {
                            unit.add_form(alias);
                        }
                        if unit.bundled.is_none() {
                            *unit.votes.entry(name.clone()).or_default() += 1;
                        }
                        u
                    }
                };
                of_names.push(u);
            }
            unit_of.push(of_names);
        }
        (units, unit_of)
    }

    /// The library entities: the bundled ones in their order, then the new roots by type and
    /// name key; and the entity of each unit.
    fn entities(&self, units: &mut [Unit], root: &[usize]) -> (Vec<LibraryEntity>, Vec<u32>) {
        let mut entities: Vec<LibraryEntity> = self.bundled.clone();
        for entity in &mut entities {
            entity.articles = 0;
            entity.mentions = 0;
        }
        let mut used: HashSet<String> = entities.iter().map(|e| e.id.clone()).collect();
        let mut new_roots: Vec<(EntityType, String, usize)> = (0..units.len())
            .filter(|&u| root[u] == u && units[u].bundled.is_none())
            .map(|u| (units[u].entity_type, join_key(units[u].name()), u))
            .collect();
        new_roots.sort();
        let mut entity_of_root: HashMap<usize, u32> = HashMap::new();
        for (u, unit) in units.iter().enumerate() {
            if let Some(b) = unit.bundled {
                entity_of_root.insert(u, b as u32);
            }
        }
        for (entity_type, _, u) in new_roots {
            let name = units[u].name().to_string();
            let id = unique_id(&entity_id(entity_type, &name), &mut used);
            entity_of_root.insert(u, entities.len() as u32);
            entities.push(LibraryEntity {
                id,
                name,
                entity_type,
                aliases: Vec::new(),
                articles: 0,
                mentions: 0,
            });
        }
        let entity_of_unit: Vec<u32> = root.iter().map(|r| entity_of_root[r]).collect();
        let mut aliases: Vec<BTreeSet<String>> = vec![BTreeSet::new(); entities.len()];
        for (u, unit) in units.iter_mut().enumerate() {
            aliases[entity_of_unit[u] as usize].append(&mut unit.forms);
        }
        for (entity, mut forms) in entities.iter_mut().zip(aliases) {
            forms.remove(&entity.name);
            forms.extend(entity.aliases.drain(..));
            entity.aliases = forms.into_iter().collect();
        }
        (entities, entity_of_unit)
    }
}

/// An article's names as library entities: one ref an entity (mentions added up), most
/// mentioned first, none without mentions.
fn name_refs(names: &[Name], name_entity: impl Fn(usize) -> u32) -> Vec<NameRef> {
    let mut refs: Vec<NameRef> = names
        .iter()
        .enumerate()
        .map(|(n, name)| NameRef {
            entity: name_entity(n),
            mentions: name.mentions(),
        })
        .collect();
    refs.sort_unstable_by_key(|r| r.entity);
    refs.dedup_by(|next, kept| {
        let same = next.entity == kept.entity;
        if same {
            kept.mentions += next.mentions;
        }
        same
    });
    refs.retain(|r| r.mentions > 0);
    refs.sort_by(|x, y| y.mentions.cmp(&x.mentions).then(x.entity.cmp(&y.entity)));
    refs
}

impl Name {
    fn mentions(&self) -> u32 {
        match self {
            Name::Bundled { mentions, .. } | Name::Added { mentions, .. } => *mentions,
        }
    }
}

/// A bundled event as a record of `names`, adding a name without mentions for an entity the
/// article's names lack.
fn bundled_event(event: LibraryEvent, names: &mut Vec<Name>) -> EventRecord {
    let names = event
        .entities
        .iter()
        .map(|&e| {
            let entity = e as usize;
            names
                .iter()
                .position(|n| matches!(n, Name::Bundled { entity: b, .. } if *b == entity))
                .unwrap_or_else(|| {
                    names.push(Name::Bundled {
                        entity,
                        mentions: 0,
                    });
                    names.len() - 1
                })
        })
        .collect();
    EventRecord {
        id: event.id,
        date: event.date,
        granularity: event.granularity,
        label: event.label,
        names,
    }
}

/// Newest first (a day before its month), undated last, then by id.
fn newest_first(a: &LibraryEntry, b: &LibraryEntry) -> std::cmp::Ordering {
    match (&a.published, &b.published) {
        (Some(x), Some(y)) => y.cmp(x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    }
    .then_with(|| a.id.cmp(&b.id))
}

/// For each unit, the unit it joins (itself when it stays apart). Units are visited from the
/// most words down, so every candidate's own join is settled before it is used.
fn join_short_forms(units: &[Unit]) -> Vec<usize> {
    let mut by_key: HashMap<(EntityType, &str), Vec<usize>> = HashMap::new();
    let mut by_word: HashMap<(EntityType, &str), Vec<usize>> = HashMap::new();
    let mut by_initials: HashMap<String, Vec<usize>> = HashMap::new();
    for (u, unit) in units.iter().enumerate() {
        let t = unit.entity_type;
        for key in &unit.keys {
            by_key.entry((t, key)).or_default().push(u);
            if matches!(t, EntityType::Person | EntityType::Organization) {
                for word in key_words(key) {
                    by_word.entry((t, word)).or_default().push(u);
                }
            }
            if t == EntityType::Organization {
                by_initials.entry(initials(key)).or_default().push(u);
            }
        }
    }
    let mut root: Vec<usize> = (0..units.len()).collect();
    let mut order: Vec<usize> = (0..units.len()).collect();
    order.sort_by_key(|&u| std::cmp::Reverse(units[u].words));
    for s in order {
        let short = &units[s];
        let Some(first) = short.keys.iter().next() else {
            continue;
        };
        if short.bundled.is_some() {
            continue;
        }
        let t = short.entity_type;
        let mut candidates: Vec<usize> = Vec::new();
        candidates.extend(by_key.get(&(t, first.as_str())).into_iter().flatten());
        if let Some(word) = key_words(first).next() {
            candidates.extend(by_word.get(&(t, word)).into_iter().flatten());
        }
        if t == EntityType::Organization {
            candidates.extend(by_initials.get(first.as_str()).into_iter().flatten());
        }
        let mut roots: BTreeSet<usize> = BTreeSet::new();
        for l in candidates {
            let long = &units[l];
            if l != s
                && long.words > short.words
                && short.keys.iter().all(|k| is_short_form(k, long))
            {
                roots.insert(root[l]);
            }
        }
        if roots.len() == 1 {
            root[s] = roots.into_iter().next().expect("one root");
        }
    }
    root
}

/// True when the name key `short` stands for the unit `long`: one of its forms, or a short form
/// by the words (see the module docs).
fn is_short_form(short: &str, long: &Unit) -> bool {
    if long.keys.contains(short) {
        return true;
    }
    let words: Vec<&str> = key_words(short).collect();
    long.keys.iter().any(|full| {
        let full: Vec<&str> = key_words(full).collect();
        full.len() > words.len()
            && match long.entity_type {
                EntityType::Person => is_short_person(&words, &full),
                EntityType::Organization => {
                    full.starts_with(&words)
                        || words.len() == 1 && {
                            let initials = initials_of(&full);
                            initials.chars().count() >= 2 && initials == words[0]
                        }
                }
                _ => false,
            }
    })
}

/// "Putin" (or "Vladimir") for "Vladimir Putin"; "al Assad" for "Bashar al Assad".
fn is_short_person(words: &[&str], full: &[&str]) -> bool {
    words.len() == 1 && (full.last() == words.first() || full.first() == words.first())
        || words.len() == 2 && full.ends_with(words)
}

fn initials(key: &str) -> String {
    initials_of(&key_words(key).collect::<Vec<_>>())
}

fn initials_of(words: &[&str]) -> String {
    words
        .iter()
        .filter(|w| !ACRONYM_SKIPPED_WORDS.contains(w))
        .filter_map(|w| w.chars().next())
        .collect()
}

#[cfg(test)]
mod tests;

use super::*;
use crate::article::{Entity, Event, Span, SCHEMA_VERSION};
use EntityType::{Location as Loc, Organization as Org, Person as Per};

/// An article naming `names` (type, canonical name, aliases, mentions); spans are placeholders,
/// the builder reads only names and counts.
fn article(id: &str, published: &str, names: &[(EntityType, &str, &[&str], usize)]) -> Article {
    let entities = names
        .iter()
        .enumerate()
        .map(|(i, (t, name, aliases, mentions))| Entity {
            id: format!("e{i}"),
            name: name.to_string(),
            entity_type: *t,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            mentions: (0..*mentions).map(|m| Span::new(m, m + 1)).collect(),
        })
        .collect();
    Article {
        schema_version: SCHEMA_VERSION,
        id: id.into(),
        title: format!("Title of {id}"),
        standfirst: String::new(),
        source: "Wire".into(),
        published: (!published.is_empty()).then(|| published.to_string()),
        published_inferred: false,
        credit: None,
        language: "en".into(),
        paragraphs: vec!["One two three.".into()],
        entities,
        timexes: vec![],
        events: vec![],
    }
}

fn event(id: &str, date: &str, entities: &[&str]) -> Event {
    Event {
        id: id.into(),
        date: date.into(),
        granularity: Granularity::of_value(date),
        label: format!("label {id}"),
        sentence: Span::new(0, 1),
        timex: Span::new(0, 1),
        entities: entities.iter().map(|e| e.to_string()).collect(),
    }
}

fn build(articles: &[Article]) -> (LibraryIndex, LibraryEvents) {
    let mut builder = LibraryBuilder::new();
    for a in articles {
        builder.add(a);
    }
    builder.finish()
}

#[test]
fn articles_are_newest_first_with_undated_ones_last() {
    let mut inferred = article("c", "2017-07", &[]);
    inferred.published_inferred = true;
    let (index, _) = build(&[
        article("z-undated", "", &[]),
        article("a-undated", "", &[]),
        inferred,
        article("b", "2017-07-02", &[]),
        article("d", "2016-12-31", &[]),
    ]);
    let order: Vec<(&str, Option<&str>, bool)> = index
        .articles
        .iter()
        .map(|a| (a.id.as_str(), a.published.as_deref(), a.published_inferred))
        .collect();
    assert_eq!(
        order,
        [
            ("b", Some("2017-07-02"), false),
            ("c", Some("2017-07"), true),
            ("d", Some("2016-12-31"), false),
            ("a-undated", None, false),
            ("z-undated", None, false),
        ]
    );
}

/// The library entity an article's name became: (id, name, articles, mentions).
fn entity_named<'a>(index: &'a LibraryIndex, name: &str) -> &'a LibraryEntity {
    index
        .entities
        .iter()
        .find(|e| e.name == name || e.aliases.iter().any(|a| a == name))
        .unwrap_or_else(|| panic!("no entity named {name:?} in {:?}", index.entities))
}

#[test]
fn the_same_name_in_two_articles_is_one_entity() {
    let (index, _) = build(&[
        article("a", "2017-07-07", &[(Per, "Vladimir Putin", &[], 2)]),
        article("b", "2017-07-08", &[(Per, "Vladimir Putin", &["Putin"], 3)]),
    ]);
    assert_eq!(index.entities.len(), 1);
    let putin = &index.entities[0];
    assert_eq!(putin.id, "per-vladimir-putin");
    assert_eq!(putin.name, "Vladimir Putin");
    assert_eq!(putin.aliases, ["Putin"]);
    assert_eq!((putin.articles, putin.mentions), (2, 5));
    // Newest first, each naming entity 0.
    let ids: Vec<&str> = index.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["b", "a"]);
    assert_eq!(
        index.articles[0].names,
        [NameRef {
            entity: 0,
            mentions: 3
        }]
    );
}

#[test]
fn a_short_form_joins_the_one_long_form() {
    let (index, _) = build(&[
        article("a", "2017-07-07", &[(Per, "Putin", &[], 4)]),
        article("b", "2017-07-08", &[(Per, "Vladimir Putin", &[], 1)]),
        article("c", "2017-07-09", &[(Org, "NATO", &[], 1)]),
        article(
            "d",
            "2017-07-10",
            &[(Org, "North Atlantic Treaty Organization", &[], 1)],
        ),
    ]);
    assert_eq!(index.entities.len(), 2, "{:?}", index.entities);
    let putin = entity_named(&index, "Putin");
    assert_eq!(putin.name, "Vladimir Putin");
    assert_eq!((putin.articles, putin.mentions), (2, 5));
    assert_eq!(
        entity_named(&index, "NATO").name,
        "North Atlantic Treaty Organization"
    );
}

#[test]
fn an_ambiguous_short_form_stays_apart() {
    let (index, _) = build(&[
        article("a", "2017-07-07", &[(Per, "Smith", &[], 1)]),
        article("b", "2017-07-08", &[(Per, "John Smith", &[], 1)]),
        article("c", "2017-07-09", &[(Per, "Jane Smith", &[], 1)]),
    ]);
    let names: BTreeSet<&str> = index.entities.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, BTreeSet::from(["Smith", "John Smith", "Jane Smith"]));
}

#[test]
fn a_short_form_of_two_forms_of_one_entity_is_not_ambiguous() {
    // "Putin" fits "Vladimir Putin" and "Vladimir Vladimirovich Putin"; both are one person
    // only if they join, which they don't ("Vladimir Putin" is not a two-word tail), so two.
    let (index, _) = build(&[
        article("a", "2017-07-07", &[(Per, "Putin", &[], 1)]),
        article("b", "2017-07-08", &[(Per, "Vladimir Putin", &[], 1)]),
        article(
            "c",
            "2017-07-09",
            &[(Per, "Vladimir Vladimirovich Putin", &[], 1)],
        ),
    ]);
    assert_eq!(entity_named(&index, "Putin").name, "Putin");
    // "al-Assad" is the tail of "Bashar al-Assad", and "Assad" of both: one person.
    let (index, _) = build(&[
        article("a", "2017-07-07", &[(Per, "Assad", &[], 1)]),
        article("b", "2017-07-08", &[(Per, "al-Assad", &[], 1)]),
        article("c", "2017-07-09", &[(Per, "Bashar al-Assad", &[], 1)]),
    ]);
    assert_eq!(index.entities.len(), 1, "{:?}", index.entities);
    assert_eq!(index.entities[0].name, "Bashar al-Assad");
}

#[test]
fn different_types_never_join() {
    let (index, _) = build(&[
        article("a", "2017-07-07", &[(Loc, "Georgia", &[], 1)]),
        article("b", "2017-07-08", &[(Per, "Georgia", &[], 1)]),
        article("c", "2017-07-09", &[(Per, "Georgia Smith", &[], 1)]),
    ]);
    let ids: BTreeSet<&str> = index.entities.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, BTreeSet::from(["loc-georgia", "per-georgia-smith"]));
    assert_eq!(entity_named(&index, "Georgia Smith").aliases, ["Georgia"]);
}

#[test]
fn a_form_another_article_used_joins_its_entity() {
    // "U.S." alone in one article, "United States" with "U.S." in another: one place.
    let (index, _) = build(&[
        article("a", "2017-07-07", &[(Loc, "U.S.", &[], 2)]),
        article("b", "2017-07-08", &[(Loc, "United States", &["U.S."], 1)]),
    ]);
    assert_eq!(index.entities.len(), 1);
    assert_eq!(index.entities[0].id, "loc-united-states");
}

#[test]
fn the_result_does_not_depend_on_the_order_articles_are_added() {
    let articles = [
        article(
            "a",
            "2017-07-07",
            &[(Per, "Putin", &[], 4), (Loc, "Moscow", &[], 1)],
        ),
        article("b", "2017-07-08", &[(Per, "Vladimir Putin", &[], 1)]),
        article(
            "c",
            "2017-07-09",
            &[(Per, "Smith", &[], 1), (Per, "Merkel", &[], 1)],
        ),
        article(
            "d",
            "2017-07-09",
            &[(Per, "John Smith", &[], 1), (Org, "EU", &[], 1)],
        ),
        article(
            "e",
            "2016-01",
            &[(Per, "Jane Smith", &[], 1), (Org, "European Union", &[], 1)],
        ),
    ];
    let forward = build(&articles);
    let mut reversed = articles.clone();
    reversed.reverse();
    assert_eq!(build(&reversed), forward);
    let mut rotated = articles.clone();
    rotated.rotate_left(2);
    assert_eq!(build(&rotated), forward);
}

#[test]
fn odd_unicode_names_get_ids_and_join_by_folded_key() {
    let (index, _) = build(&[
        article(
            "a",
            "2017-07-07",
            &[(Per, "José Mourinho", &[], 1), (Loc, "Москва", &[], 1)],
        ),
        article(
            "b",
            "2017-07-08",
            &[(Per, "Jose Mourinho", &[], 2), (Loc, "東京", &[], 1)],
        ),
        article(
            "c",
            "2017-07-09",
            &[(Loc, "京都", &[], 1), (Misc, "😀", &[], 1)],
        ),
    ]);
    let mourinho = entity_named(&index, "José Mourinho");
    assert_eq!(mourinho.id, "per-jose-mourinho");
    // One article each, equal length: the first in code order.
    assert_eq!(mourinho.name, "Jose Mourinho");
    let ids: Vec<&str> = index.entities.iter().map(|e| e.id.as_str()).collect();
    let unique: HashSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len(), "{ids:?}");
    assert!(
        ids.iter().all(|id| crate::article::is_valid_id(id)),
        "{ids:?}"
    );
    assert!(
        ids.iter().any(|id| id.starts_with("loc-entity-")),
        "{ids:?}"
    );
    index.validate().unwrap();
    // Ids are not written; reading the index makes the same ones.
    assert_eq!(LibraryIndex::from_json(&index.to_json()).unwrap(), index);
}

#[test]
fn names_with_one_slug_get_told_apart_and_keep_their_ids_when_read() {
    // Different keys ("o neill" and "oneill"), one slug.
    let (index, events) = build(&[
        article("a", "2017-07-07", &[(Per, "O Neill", &[], 1)]),
        article("b", "2017-07-08", &[(Per, "O‘Neill", &[], 1)]),
    ]);
    let ids: BTreeSet<&str> = index.entities.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, BTreeSet::from(["per-o-neill", "per-o-neill-2"]));
    let read = LibraryIndex::from_json(&index.to_json()).unwrap();
    assert_eq!(read, index);
    // A reader's article naming someone else: the bundled two keep their ids and places.
    let mut extended = LibraryBuilder::from_index(read, events);
    extended.add(&article("c", "2017-07-09", &[(Per, "Smith", &[], 1)]));
    let (extended, _) = extended.finish();
    assert_eq!(extended.entities[..2], index.entities[..]);
    assert_eq!(extended.entities[2].id, "per-smith");
    assert_eq!(
        LibraryIndex::from_json(&extended.to_json()).unwrap(),
        extended
    );
}

use EntityType::Miscellaneous as Misc;

#[test]
fn events_are_ordered_by_date_then_article_then_id() {
    let mut a = article("a", "2017-07-07", &[(Per, "Putin", &[], 1)]);
    a.events = vec![
        event("event-1", "2017-07-07", &["e0"]),
        event("event-2", "2017", &[]),
        event("event-3", "PRESENT_REF", &["e0"]),
        event("event-4", "2017-W27", &[]),
    ];
    let mut b = article("b", "2017-07-08", &[(Per, "Vladimir Putin", &[], 1)]);
    b.events = vec![event("event-1", "2017-07-07", &["e0", "e0"])];
    let (index, events) = build(&[a, b]);
    let got: Vec<(u32, &str, &str)> = events
        .events
        .iter()
        .map(|e| (e.article, e.id.as_str(), e.date.as_str()))
        .collect();
    // Articles: b (newer) is 0, a is 1. Undatable events are left out.
    assert_eq!(
        got,
        [
            (1, "event-2", "2017"),
            (1, "event-4", "2017-W27"),
            (0, "event-1", "2017-07-07"),
            (1, "event-1", "2017-07-07"),
        ]
    );
    assert_eq!(events.events[2].entities, [0], "joined and deduplicated");
    assert_eq!(index.articles[1].events, 4, "the entry counts every event");
}

#[test]
fn a_bundled_index_extended_with_own_articles_matches_a_full_build() {
    let bundled = [
        article("a", "2017-07-07", &[(Per, "Vladimir Putin", &["Putin"], 2)]),
        article(
            "b",
            "2017-07-08",
            &[(Per, "Putin", &[], 1), (Loc, "Hamburg", &[], 1)],
        ),
    ];
    let mut own = article(
        "mine-1",
        "2018-01-01",
        &[(Per, "Putin", &[], 3), (Loc, "Kyiv", &[], 1)],
    );
    own.events = vec![event("event-1", "2018-01-01", &["e0", "e1"])];
    let (index, events) = build(&bundled);
    // Extending a finished index with nothing gives it back.
    let same = LibraryBuilder::from_index(index.clone(), events.clone()).finish();
    assert_eq!(same, (index.clone(), events.clone()));
    // Through JSON, as the app reads it.
    let index = LibraryIndex::from_json(&index.to_json()).unwrap();
    let events = LibraryEvents::from_json(&events.to_json(), &index).unwrap();
    let mut extended = LibraryBuilder::from_index(index.clone(), events);
    extended.add(&own);
    let extended = extended.finish();
    let mut all = bundled.to_vec();
    all.push(own);
    assert_eq!(extended, build(&all));
    let putin = entity_named(&extended.0, "Putin");
    assert_eq!((putin.articles, putin.mentions), (3, 6));
    // The bundled entities keep their place, so their indices stay valid.
    assert_eq!(
        extended.0.entities[..index.entities.len()].len(),
        index.entities.len()
    );
    for (old, new) in index.entities.iter().zip(&extended.0.entities) {
        assert_eq!(old.id, new.id);
    }
}

#[test]
fn re_adding_an_article_replaces_it_and_remove_takes_it_out() {
    let mut builder = LibraryBuilder::new();
    builder.add(&article("a", "2017-07-07", &[(Per, "Putin", &[], 1)]));
    builder.add(&article("a", "2017-07-07", &[(Per, "Merkel", &[], 1)]));
    let (index, _) = builder.clone().finish();
    assert_eq!(index.articles.len(), 1);
    assert_eq!(index.entities.len(), 1);
    assert_eq!(index.entities[0].name, "Merkel");
    assert!(builder.remove("a"));
    assert!(!builder.remove("a"));
    assert_eq!(
        builder.finish().0,
        LibraryIndex {
            schema_version: 2,
            ..Default::default()
        }
    );
}

#[test]
fn index_files_round_trip_and_bad_ones_are_refused() {
    let (index, events) = build(&[article("a", "2017-07-07", &[(Per, "Putin", &[], 1)])]);
    let json = index.to_json();
    assert!(
        json.contains("[\"a\",\"Title of a\",\"\",\"Wire\",\"2017-07-07\",false,3,1,0,[[0,1]]]"),
        "{json}"
    );
    assert!(json.contains("[\"Putin\",\"PER\",[],1,1]"), "{json}");
    assert_eq!(index.entities[0].id, "per-putin");
    assert_eq!(LibraryIndex::from_json(&json).unwrap(), index);
    assert_eq!(
        LibraryEvents::from_json(&events.to_json(), &index).unwrap(),
        events
    );
    let old = json.replace("\"schema_version\":2", "\"schema_version\":1");
    assert_eq!(
        LibraryIndex::from_json(&old),
        Err(crate::article::FormatError::UnsupportedVersion(Some(1)))
    );
    let past = json.replace("[[0,1]]]", "[[7,1]]]");
    assert!(matches!(
        LibraryIndex::from_json(&past),
        Err(crate::article::FormatError::Invalid(_))
    ));
    assert!(LibraryIndex::from_json("{\"schema_version\":2").is_err());
    let bad_event = "{\"schema_version\":2,\"events\":[[3,\"e\",\"2017\",\"year\",\"x\",[]]]}";
    assert!(matches!(
        LibraryEvents::from_json(bad_event, &index),
        Err(crate::article::FormatError::Invalid(_))
    ));
}

//! The reader's corrections to an analysis: each takes an article and returns the corrected one,
//! checked by the article validator, or a [`CorrectionError`] saying why it cannot be made.

use std::fmt;

use dateline_format::article::{Article, EntityType, FormatError, Granularity};

/// A correction the reader asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum Correction {
    /// Give an entity another type.
    SetType {
        /// The entity.
        entity: String,
        /// Its new type.
        entity_type: EntityType,
    },
    /// Fold `from` into `into`: its mentions, its names as aliases, its events.
    Merge {
        /// The entity that stays.
        into: String,
        /// The entity that goes.
        from: String,
    },
    /// Remove one mention (by its start); an entity left with none is removed.
    RemoveMention {
        /// The entity.
        entity: String,
        /// Start of the mention's span.
        start: usize,
    },
    /// Give an event another date, a TIMEX3 calendar value (`2017`, `2017-11`, `2017-11-05`).
    SetEventDate {
        /// The event.
        event: String,
        /// The new date.
        date: String,
    },
}

/// Why a correction cannot be made.
#[derive(Clone, Debug, PartialEq)]
pub enum CorrectionError {
    /// No entity has this id.
    NoSuchName(String),
    /// A merge of an entity into itself.
    SameName,
    /// The entity has no mention starting there.
    NoSuchMention,
    /// No event has this id.
    NoSuchEvent(String),
    /// The date is not a TIMEX3 calendar value.
    NotADate(String),
    /// A day that the calendar does not have.
    NoSuchDay(String),
    /// A month that the calendar does not have.
    NoSuchMonth(String),
    /// The corrected article would break the format.
    Invalid(FormatError),
}

impl fmt::Display for CorrectionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CorrectionError::NoSuchName(id) => write!(
                f,
                "There is no name {id:?} in this article. Select a name in the text and try again."
            ),
            CorrectionError::SameName => write!(f, "Choose two different names to merge."),
            CorrectionError::NoSuchMention => write!(
                f,
                "That mention is not in the article. Reload the page and try again."
            ),
            CorrectionError::NoSuchEvent(id) => write!(
                f,
                "There is no event {id:?} in this article. Select an event on the timeline and try again."
            ),
            CorrectionError::NotADate(date) => write!(
                f,
                "“{date}” is not a calendar date. Write it as YYYY, YYYY-MM or YYYY-MM-DD."
            ),
            CorrectionError::NoSuchDay(day) => {
                write!(f, "“{day}” is not a day of the calendar. Check the date and try again.")
            }
            CorrectionError::NoSuchMonth(date) => {
                write!(f, "“{date}” has no such month. Check the date and try again.")
            }
            CorrectionError::Invalid(why) => write!(
                f,
                "That correction cannot be made: {why}. The article is kept as it was."
            ),
        }
    }
}

/// Applies a correction and validates the result.
pub fn apply(article: &Article, correction: &Correction) -> Result<Article, CorrectionError> {
    let mut next = article.clone();
    let find = |next: &Article, id: &str| {
        next.entities
            .iter()
            .position(|e| e.id == id)
            .ok_or_else(|| CorrectionError::NoSuchName(id.to_string()))
    };
    match correction {
        Correction::SetType {
            entity,
            entity_type,
        } => {
            let i = find(&next, entity)?;
            next.entities[i].entity_type = *entity_type;
        }
        Correction::Merge { into, from } => {
            if into == from {
                return Err(CorrectionError::SameName);
            }
            find(&next, into)?;
            let gone = next.entities.remove(find(&next, from)?);
            let keep = find(&next, into)?;
            let entity = &mut next.entities[keep];
            entity.mentions.extend(gone.mentions);
            entity.mentions.sort();
            for alias in std::iter::once(gone.name).chain(gone.aliases) {
                if alias != entity.name && !entity.aliases.contains(&alias) {
                    entity.aliases.push(alias);
                }
            }
            for event in &mut next.events {
                for id in &mut event.entities {
                    if id == from {
                        id.clone_from(into);
                    }
                }
                let mut seen = Vec::new();
                event.entities.retain(|id| {
                    let first = !seen.contains(id);
                    seen.push(id.clone());
                    first
                });
            }
        }
        Correction::RemoveMention { entity, start } => {
            let i = find(&next, entity)?;
            let mentions = &mut next.entities[i].mentions;
            let before = mentions.len();
            mentions.retain(|m| m.start != *start);
            if mentions.len() == before {
                return Err(CorrectionError::NoSuchMention);
            }
            if mentions.is_empty() {
                next.entities.remove(i);
                for event in &mut next.events {
                    event.entities.retain(|id| id != entity);
                }
            }
        }
        Correction::SetEventDate { event, date } => {
            let date = date.trim();
            let granularity = Granularity::of_value(date)
                .ok_or_else(|| CorrectionError::NotADate(date.to_string()))?;
            if let Some(day) = date.get(0..10).filter(|_| granularity <= Granularity::Day) {
                if !dateline_format::article::is_valid_date(day) {
                    return Err(CorrectionError::NoSuchDay(day.to_string()));
                }
            }
            if granularity == Granularity::Month && !matches!(date[5..7].parse::<u8>(), Ok(1..=12))
            {
                return Err(CorrectionError::NoSuchMonth(date.to_string()));
            }
            let e = next
                .events
                .iter_mut()
                .find(|e| e.id == *event)
                .ok_or_else(|| CorrectionError::NoSuchEvent(event.clone()))?;
            e.date = date.to_string();
            e.granularity = Some(granularity);
            // Keep the timeline order: dated events by date, undated ones last.
            next.events.sort_by(|a, b| {
                (a.granularity.is_none(), &a.date).cmp(&(b.granularity.is_none(), &b.date))
            });
        }
    }
    next.validate().map_err(CorrectionError::Invalid)?;
    Ok(next)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_format::article::{Entity, Event, Span};

    fn entity(id: &str, name: &str, mentions: &[(usize, usize)]) -> Entity {
        Entity {
            id: id.into(),
            name: name.into(),
            entity_type: EntityType::Person,
            aliases: vec![],
            mentions: mentions.iter().map(|&(s, e)| Span::new(s, e)).collect(),
        }
    }

    fn sample() -> Article {
        Article {
            entities: vec![
                entity("vladimir-putin", "Vladimir Putin", &[(0, 14)]),
                entity("putin", "Putin", &[(19, 24)]),
            ],
            timexes: vec![],
            events: vec![Event {
                id: "event-1".into(),
                date: "2017-05".into(),
                granularity: Some(Granularity::Month),
                label: "met".into(),
                sentence: Span::new(0, 32),
                timex: Span::new(28, 31),
                entities: vec!["vladimir-putin".into(), "putin".into()],
            }],
            ..crate::test_support::article(&["Vladimir Putin met Putin in May."])
        }
    }

    #[test]
    fn merges_mentions_aliases_and_events() {
        let merged = apply(
            &sample(),
            &Correction::Merge {
                into: "vladimir-putin".into(),
                from: "putin".into(),
            },
        )
        .unwrap();
        assert_eq!(merged.entities.len(), 1);
        assert_eq!(
            merged.entities[0].mentions,
            vec![Span::new(0, 14), Span::new(19, 24)]
        );
        assert_eq!(merged.entities[0].aliases, vec!["Putin"]);
        assert_eq!(merged.events[0].entities, vec!["vladimir-putin"]);
        let other_way = apply(
            &sample(),
            &Correction::Merge {
                into: "putin".into(),
                from: "vladimir-putin".into(),
            },
        )
        .unwrap();
        assert_eq!(other_way.entities[0].id, "putin");
    }

    #[test]
    fn removing_the_last_mention_removes_the_entity() {
        let next = apply(
            &sample(),
            &Correction::RemoveMention {
                entity: "putin".into(),
                start: 19,
            },
        )
        .unwrap();
        assert_eq!(next.entities.len(), 1);
        assert_eq!(next.events[0].entities, vec!["vladimir-putin"]);
        assert_eq!(
            apply(
                &sample(),
                &Correction::RemoveMention {
                    entity: "putin".into(),
                    start: 3
                }
            ),
            Err(CorrectionError::NoSuchMention)
        );
    }

    #[test]
    fn event_dates_are_checked() {
        let fix = |date: &str| {
            apply(
                &sample(),
                &Correction::SetEventDate {
                    event: "event-1".into(),
                    date: date.into(),
                },
            )
        };
        assert_eq!(
            fix("2016-11").unwrap().events[0].granularity,
            Some(Granularity::Month)
        );
        assert_eq!(
            fix("2017-05-18").unwrap().events[0].granularity,
            Some(Granularity::Day)
        );
        assert_eq!(
            fix("next week"),
            Err(CorrectionError::NotADate("next week".into()))
        );
        assert!(fix("next week")
            .unwrap_err()
            .to_string()
            .contains("not a calendar date"));
        assert_eq!(
            fix("2017-02-30"),
            Err(CorrectionError::NoSuchDay("2017-02-30".into()))
        );
        assert_eq!(
            fix("2017-13"),
            Err(CorrectionError::NoSuchMonth("2017-13".into()))
        );
        let retyped = apply(
            &sample(),
            &Correction::SetType {
                entity: "putin".into(),
                entity_type: EntityType::Location,
            },
        )
        .unwrap();
        assert_eq!(retyped.entities[1].entity_type, EntityType::Location);
    }
}

//! Article format v2: the JSON that Dateline bundles and the app reads; the library index is in
//! [`crate::library`].
//!
//! This module is the wire format and nothing else; `docs/article-format.md` documents it field by
//! field. Analysis internals never appear here. Every span is a pair of Unicode scalar (code
//! point) offsets into [`Article::body_text`], end-exclusive.

use std::collections::HashSet;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::span::{check_layer, check_span, paragraph_spans};

/// The schema version this crate writes. It also reads version 1 (see [`Article::from_json`]).
pub const SCHEMA_VERSION: u32 = 2;

/// The older version [`Article::from_json`] still reads: articles a reader kept in the browser
/// before version 2 existed.
pub const PREVIOUS_SCHEMA_VERSION: u32 = 1;

pub use crate::span::Span;
pub use crate::text::PARAGRAPH_SEPARATOR;

/// One bundled article with its analysis.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Always [`SCHEMA_VERSION`] for what this crate writes.
    pub schema_version: u32,
    /// Stable identifier, `[a-z0-9-]+`; used in routes (`#/article/<id>`) and file names.
    pub id: String,
    /// Headline.
    pub title: String,
    /// Dek under the headline; may be empty.
    pub standfirst: String,
    /// Publisher, e.g. "RT".
    pub source: String,
    /// Publication date: `YYYY-MM-DD` when the day is known, `YYYY-MM` when only the month is,
    /// `None` when it is unknown. Relative dates in the text are anchored to what it gives.
    pub published: Option<String>,
    /// True when the day in `published` was read from the text's own dateline
    /// ("WASHINGTON, Dec. 10, 2016 —") rather than given by the source's metadata.
    #[serde(default)]
    pub published_inferred: bool,
    /// Where the text comes from and the credit its licence asks for; `None` for texts with no
    /// licence to honour (the reader's own).
    #[serde(default)]
    pub credit: Option<Credit>,
    /// BCP 47 language tag, e.g. "en".
    pub language: String,
    /// Body text, one string a paragraph, none containing [`PARAGRAPH_SEPARATOR`].
    pub paragraphs: Vec<String>,
    /// Named entities, each with all its mentions.
    pub entities: Vec<Entity>,
    /// Time expressions, ordered by start, non-overlapping.
    pub timexes: Vec<Timex>,
    /// Events for the timeline, ordered by date (undated ones last).
    pub events: Vec<Event>,
}

/// Where an article's text comes from and the credit its licence asks for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Credit {
    /// The original's address (`https://…`).
    pub url: String,
    /// The licence's name, e.g. "CC BY 2.5" or "Public domain (U.S. government work)".
    pub licence: String,
    /// The licence's text, where it has one.
    #[serde(default)]
    pub licence_url: Option<String>,
    /// The credit line to show, including the note of changes the licence asks for.
    pub attribution: String,
}

/// CoNLL-style entity classes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EntityType {
    /// People.
    #[serde(rename = "PER")]
    Person,
    /// Organisations: companies, agencies, parties, teams, media.
    #[serde(rename = "ORG")]
    Organization,
    /// Places: countries, cities, regions, landmarks.
    #[serde(rename = "LOC")]
    Location,
    /// Other names: nationalities, events, works, products.
    #[serde(rename = "MISC")]
    Miscellaneous,
}

impl EntityType {
    /// All types, in the order the reading view lists them.
    pub const ALL: [EntityType; 4] = [
        EntityType::Person,
        EntityType::Organization,
        EntityType::Location,
        EntityType::Miscellaneous,
    ];

    /// The code used in JSON and in the DOM (`PER`, `ORG`, `LOC`, `MISC`).
    pub fn code(self) -> &'static str {
        match self {
            EntityType::Person => "PER",
            EntityType::Organization => "ORG",
            EntityType::Location => "LOC",
            EntityType::Miscellaneous => "MISC",
        }
    }

    /// Parses a code as written by [`EntityType::code`].
    pub fn from_code(code: &str) -> Option<Self> {
        EntityType::ALL.into_iter().find(|t| t.code() == code)
    }

    /// A reader-facing name, singular.
    pub fn label(self) -> &'static str {
        match self {
            EntityType::Person => "Person",
            EntityType::Organization => "Organisation",
            EntityType::Location => "Place",
            EntityType::Miscellaneous => "Other",
        }
    }

    /// A reader-facing name, plural.
    pub fn plural_label(self) -> &'static str {
        match self {
            EntityType::Person => "People",
            EntityType::Organization => "Organisations",
            EntityType::Location => "Places",
            EntityType::Miscellaneous => "Other names",
        }
    }
}

/// One entity: a person, organisation, place or other name, with every mention of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Unique within the article, `[a-z0-9-]+`.
    pub id: String,
    /// Canonical name: the longest full form the article uses ("Vladimir Putin").
    pub name: String,
    /// Entity class.
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    /// Other surface forms found in the article ("Putin"), without the canonical name.
    pub aliases: Vec<String>,
    /// Every mention, ordered by start, non-overlapping.
    pub mentions: Vec<Span>,
}

/// TIMEX3 types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period ("June 18th", "January this year").
    Date,
    /// A time of day ("this morning", "3 p.m.").
    Time,
    /// A length of time ("three years").
    Duration,
    /// A recurrence ("every Monday").
    Set,
}

/// How precise a date value is; the timeline draws a day as a point and longer units as bands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    /// A clock time or part of a day (`2017-07-07T15:00`, `2017-07-07TAF`).
    Time,
    /// A calendar day (`2017-06-18`).
    Day,
    /// An ISO week (`2017-W27`).
    Week,
    /// A month (`2017-01`).
    Month,
    /// A season (`2017-SU`).
    Season,
    /// A quarter (`2017-Q3`).
    Quarter,
    /// A year (`2017`).
    Year,
    /// A decade (`201`, TIMEX3's form of "the 2010s").
    Decade,
}

impl Granularity {
    /// The granularity of a TIMEX3 DATE/TIME value, or `None` when the value names no point on a
    /// calendar (`PRESENT_REF`, `XXXX-06`, `P3Y`).
    pub fn of_value(value: &str) -> Option<Granularity> {
        let bytes = value.as_bytes();
        let digits = |range: std::ops::Range<usize>| {
            bytes
                .get(range)
                .is_some_and(|s| s.iter().all(u8::is_ascii_digit))
        };
        if value.len() == 3 && digits(0..3) {
            return Some(Granularity::Decade);
        }
        if !digits(0..4) {
            return None;
        }
        let rest = &value[4..];
        if rest.is_empty() {
            return Some(Granularity::Year);
        }
        let rest = rest.strip_prefix('-')?;
        let two_digits = |s: &str| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit());
        match rest {
            "SP" | "SU" | "FA" | "WI" => Some(Granularity::Season),
            q if q.len() == 2 && q.starts_with('Q') && matches!(&q[1..], "1" | "2" | "3" | "4") => {
                Some(Granularity::Quarter)
            }
            w if w.starts_with('W')
                && (2..=3).contains(&w.len())
                && w[1..].bytes().all(|b| b.is_ascii_digit()) =>
            {
                Some(Granularity::Week)
            }
            m if two_digits(m) => Some(Granularity::Month),
            d if d.len() >= 5
                && two_digits(&d[0..2])
                && d.as_bytes()[2] == b'-'
                && two_digits(&d[3..5]) =>
            {
                if d.len() == 5 {
                    Some(Granularity::Day)
                } else if d[5..].starts_with('T') {
                    Some(Granularity::Time)
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    /// A reader-facing name ("day", "month").
    pub fn label(self) -> &'static str {
        match self {
            Granularity::Time => "time",
            Granularity::Day => "day",
            Granularity::Week => "week",
            Granularity::Month => "month",
            Granularity::Season => "season",
            Granularity::Quarter => "quarter",
            Granularity::Year => "year",
            Granularity::Decade => "decade",
        }
    }
}

/// A time expression in the body text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(from = "TimexFields", into = "TimexFields")]
pub struct Timex {
    /// Where it stands in the body text (`start` and `end` in the JSON object).
    pub span: Span,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub timex_type: TimexType,
    /// TIMEX3 value, normalized against the publication date (`2017-06-18`, `P3Y`, `PRESENT_REF`).
    pub value: String,
    /// Calendar precision of `value`, where it names a point in time.
    pub granularity: Option<Granularity>,
}

/// The words `split_whitespace` would give, counted without its iterator: ASCII bytes are
/// judged one by one and only other characters are decoded (the reading view counts a long text's
/// words as it opens).
fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut words, mut in_word, mut i) = (0, false, 0);
    while i < bytes.len() {
        let (space, width) = if bytes[i].is_ascii() {
            (char::from(bytes[i]).is_whitespace(), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        };
        words += usize::from(!space && !in_word);
        in_word = !space;
        i += width;
    }
    words
}

/// [`Timex`] as the format writes it, its span's fields inline. Serde's `flatten` would say the
/// same, but reads through a buffer of every field: a long text's thousands of time expressions
/// took a noticeable part of opening it.
#[derive(Serialize, Deserialize)]
struct TimexFields {
    start: usize,
    end: usize,
    #[serde(rename = "type")]
    timex_type: TimexType,
    value: String,
    granularity: Option<Granularity>,
}

impl From<TimexFields> for Timex {
    fn from(t: TimexFields) -> Timex {
        Timex {
            span: Span::new(t.start, t.end),
            timex_type: t.timex_type,
            value: t.value,
            granularity: t.granularity,
        }
    }
}

impl From<Timex> for TimexFields {
    fn from(t: Timex) -> TimexFields {
        TimexFields {
            start: t.span.start,
            end: t.span.end,
            timex_type: t.timex_type,
            value: t.value,
            granularity: t.granularity,
        }
    }
}

/// Something that happened (or is expected) at a date the article gives.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Unique within the article, `[a-z0-9-]+`.
    pub id: String,
    /// TIMEX3 value of the event's date.
    pub date: String,
    /// Precision of `date`; `None` when the date cannot be placed on a calendar axis.
    pub granularity: Option<Granularity>,
    /// A short readable label drawn from the event's clause.
    pub label: String,
    /// The sentence the event comes from.
    pub sentence: Span,
    /// The time expression that dates it.
    pub timex: Span,
    /// Ids of the entities taking part, in order of first mention in the sentence.
    pub entities: Vec<String>,
}

/// Why an article or index file was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormatError {
    /// Not JSON, or JSON of the wrong shape.
    Malformed(String),
    /// A `schema_version` this version of Dateline does not read.
    UnsupportedVersion(Option<u64>),
    /// Well-formed JSON that breaks a rule of the format.
    Invalid(String),
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormatError::Malformed(why) => write!(f, "the file is not a Dateline article: {why}"),
            FormatError::UnsupportedVersion(Some(v)) => write!(
                f,
                "the file uses article format version {v}; this Dateline reads version {SCHEMA_VERSION} (and {PREVIOUS_SCHEMA_VERSION})"
            ),
            FormatError::UnsupportedVersion(None) => {
                write!(f, "the file has no schema_version; this Dateline reads version {SCHEMA_VERSION} (and {PREVIOUS_SCHEMA_VERSION})")
            }
            FormatError::Invalid(why) => write!(f, "the article breaks the format: {why}"),
        }
    }
}

impl std::error::Error for FormatError {}

/// Reads the schema version alone, so that a file of another version gets that message rather
/// than a confusing one about a missing field. Returns it, one of `accepted`.
fn read_version(json: &str, accepted: &[u32]) -> Result<u32, FormatError> {
    /// The one field read first; serde skips the others without building them.
    #[derive(Deserialize)]
    struct Probe {
        schema_version: Option<u64>,
    }
    // The common case, a JSON object with a whole-number version, without building a tree of
    // the whole file (which cost as much as parsing the article itself); anything else goes the
    // slow way, for its precise message.
    if let Ok(Probe {
        schema_version: Some(v),
    }) = serde_json::from_str::<Probe>(json)
    {
        return accepted
            .iter()
            .copied()
            .find(|&a| u64::from(a) == v)
            .ok_or(FormatError::UnsupportedVersion(Some(v)));
    }
    let value: serde_json::Value =
        serde_json::from_str(json).map_err(|e| FormatError::Malformed(e.to_string()))?;
    let object = value
        .as_object()
        .ok_or_else(|| FormatError::Malformed("expected a JSON object".into()))?;
    match object.get("schema_version").map(|v| v.as_u64()) {
        Some(Some(v)) => accepted
            .iter()
            .copied()
            .find(|&a| u64::from(a) == v)
            .ok_or(FormatError::UnsupportedVersion(Some(v))),
        Some(None) | None => Err(FormatError::UnsupportedVersion(None)),
    }
}

/// Migrates an article read from a version 1 file, whose fields are a subset of version 2's:
/// its `published` day, which version 1 requires, is kept as a known day; it has no credit and
/// nothing inferred.
fn migrate_v1(mut article: Article) -> Result<Article, FormatError> {
    if article.published.is_none() {
        return Err(FormatError::Malformed(
            "a version 1 article needs \"published\", a date written YYYY-MM-DD".into(),
        ));
    }
    article.schema_version = SCHEMA_VERSION;
    article.published_inferred = false;
    article.credit = None;
    Ok(article)
}

/// True for ids of the form `[a-z0-9-]+`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// True for a real calendar date written `YYYY-MM-DD`.
pub fn is_valid_date(date: &str) -> bool {
    crate::calendar::parse_date(date).is_some()
}

/// True for a publication date as [`Article::published`] holds it: a real day `YYYY-MM-DD` or a
/// month `YYYY-MM`.
pub fn is_valid_publication_date(date: &str) -> bool {
    is_valid_date(date) || crate::calendar::parse_month(date).is_some()
}

/// Checks a credit: an http(s) address, a licence name and an attribution line.
fn check_credit(credit: &Credit) -> Result<(), FormatError> {
    let is_web_address = |url: &str| {
        (url.starts_with("https://") || url.starts_with("http://"))
            && !url.contains(char::is_whitespace)
    };
    if !is_web_address(&credit.url) {
        return Err(FormatError::Invalid(format!(
            "credit url {:?} is not a web address",
            credit.url
        )));
    }
    if let Some(url) = credit.licence_url.as_deref().filter(|u| !is_web_address(u)) {
        return Err(FormatError::Invalid(format!(
            "credit licence_url {url:?} is not a web address"
        )));
    }
    if credit.licence.trim().is_empty() || credit.attribution.trim().is_empty() {
        return Err(FormatError::Invalid(
            "a credit needs a licence and an attribution".into(),
        ));
    }
    Ok(())
}

impl Article {
    /// Parses and validates an article file of version 2, or of version 1, which it migrates
    /// (see [`SCHEMA_VERSION`] and `docs/article-format.md`).
    pub fn from_json(json: &str) -> Result<Article, FormatError> {
        const ACCEPTED: [u32; 2] = [SCHEMA_VERSION, PREVIOUS_SCHEMA_VERSION];
        // Version 1's fields are a subset of version 2's, so either reads as an `Article`. The
        // version is read on its own only when that fails: a file of another version then gets
        // that message, and a long article is not read twice.
        let mut article: Article = match serde_json::from_str(json) {
            Ok(article) => article,
            Err(e) => {
                read_version(json, &ACCEPTED)?;
                return Err(FormatError::Malformed(e.to_string()));
            }
        };
        match article.schema_version {
            SCHEMA_VERSION => {}
            PREVIOUS_SCHEMA_VERSION => article = migrate_v1(article)?,
            other => return Err(FormatError::UnsupportedVersion(Some(u64::from(other)))),
        }
        article.validate()?;
        Ok(article)
    }

    /// Serializes the article as pretty JSON with a final newline (the bundled form).
    pub fn to_json(&self) -> String {
        let mut json = serde_json::to_string_pretty(self).expect("an article always serializes");
        json.push('\n');
        json
    }

    /// The body text that spans index: paragraphs joined by [`PARAGRAPH_SEPARATOR`].
    pub fn body_text(&self) -> String {
        self.paragraphs.join(PARAGRAPH_SEPARATOR)
    }

    /// The span of each paragraph in the body text.
    pub fn paragraph_spans(&self) -> Vec<Span> {
        paragraph_spans(self.paragraphs.iter().map(String::as_str))
    }

    /// Number of whitespace-separated words in the body (as `split_whitespace` counts them).
    pub fn word_count(&self) -> usize {
        self.paragraphs.iter().map(|p| count_words(p)).sum()
    }

    /// Checks every rule of the format that serde's types do not already enforce.
    pub fn validate(&self) -> Result<(), FormatError> {
        let invalid = |why: String| Err(FormatError::Invalid(why));
        if self.schema_version != SCHEMA_VERSION {
            return Err(FormatError::UnsupportedVersion(Some(u64::from(
                self.schema_version,
            ))));
        }
        if !is_valid_id(&self.id) {
            return invalid(format!(
                "id {:?} must be lowercase letters, digits and hyphens",
                self.id
            ));
        }
        if self.title.trim().is_empty() {
            return invalid("the title is empty".into());
        }
        if let Some(published) = self
            .published
            .as_deref()
            .filter(|p| !is_valid_publication_date(p))
        {
            return invalid(format!(
                "published {published:?} is not a date written YYYY-MM-DD or a month YYYY-MM"
            ));
        }
        if self.published_inferred && !self.published.as_deref().is_some_and(is_valid_date) {
            return invalid("published_inferred is set but published is not a day".into());
        }
        if let Some(credit) = &self.credit {
            check_credit(credit)?;
        }
        if let Some(i) = self
            .paragraphs
            .iter()
            .position(|p| p.contains(PARAGRAPH_SEPARATOR))
        {
            return invalid(format!("paragraph {} contains a blank line", i + 1));
        }
        let paragraphs = self.paragraph_spans();
        let layer = |what: &str, spans: &mut dyn Iterator<Item = Span>| {
            check_layer(spans, &paragraphs, true)
                .map_err(|e| FormatError::Invalid(format!("{what}: {e}")))
        };

        let entity_ids = check_entities(&self.entities, &paragraphs)?;
        layer("time expression", &mut self.timexes.iter().map(|t| t.span))?;

        let mut event_ids = HashSet::new();
        for event in &self.events {
            if !is_valid_id(&event.id) || !event_ids.insert(event.id.as_str()) {
                return invalid(format!("event id {:?} is malformed or repeated", event.id));
            }
            if event.label.trim().is_empty() {
                return invalid(format!("event {:?} has an empty label", event.id));
            }
            for span in [event.sentence, event.timex] {
                check_span(span, &paragraphs)
                    .map_err(|e| FormatError::Invalid(format!("event {:?}: {e}", event.id)))?;
            }
            if event.granularity != Granularity::of_value(&event.date) {
                return invalid(format!(
                    "event {:?}: granularity does not match date {:?}",
                    event.id, event.date
                ));
            }
            if let Some(unknown) = event
                .entities
                .iter()
                .find(|e| !entity_ids.contains(e.as_str()))
            {
                return invalid(format!(
                    "event {:?} names unknown entity {unknown:?}",
                    event.id
                ));
            }
        }
        Ok(())
    }
}

/// Checks the entities of a text whose paragraphs have `paragraph_spans`: ids valid and unique,
/// a name and at least one mention each, each entity's mentions and all mentions together
/// ordered, disjoint and inside one paragraph. Returns the entity ids. The validator and the
/// engine's invariant check both use it.
pub fn check_entities<'a>(
    entities: &'a [Entity],
    paragraph_spans: &[Span],
) -> Result<HashSet<&'a str>, FormatError> {
    let invalid = |why: String| Err(FormatError::Invalid(why));
    let layer = |what: &str, spans: &mut dyn Iterator<Item = Span>| {
        check_layer(spans, paragraph_spans, true)
            .map_err(|e| FormatError::Invalid(format!("{what}: {e}")))
    };
    let mut ids = HashSet::new();
    let mut all_mentions = Vec::new();
    for entity in entities {
        if !is_valid_id(&entity.id) || !ids.insert(entity.id.as_str()) {
            return invalid(format!(
                "entity id {:?} is malformed or repeated",
                entity.id
            ));
        }
        if entity.name.trim().is_empty() || entity.mentions.is_empty() {
            return invalid(format!("entity {:?} has no name or no mention", entity.id));
        }
        let what = format!("a mention of {:?}", entity.id);
        layer(&what, &mut entity.mentions.iter().copied())?;
        all_mentions.extend(entity.mentions.iter().copied());
    }
    all_mentions.sort();
    layer("mentions of two entities", &mut all_mentions.into_iter())?;
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_time_expression_is_one_flat_json_object() {
        let json = r#"{"start":3,"end":7,"type":"DATE","value":"2017","granularity":"year"}"#;
        let timex: Timex = serde_json::from_str(json).unwrap();
        assert_eq!(timex.span, Span::new(3, 7));
        assert_eq!(timex.granularity, Some(Granularity::Year));
        assert_eq!(serde_json::to_string(&timex).unwrap(), json);
        assert!(serde_json::from_str::<Timex>(r#"{"start":3,"type":"DATE","value":"x"}"#).is_err());
    }

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        for text in [
            "",
            "   ",
            "Putin met Trump.",
            "  two\twords\n",
            "a\u{0B}b\u{0C}c\rd",
            "non\u{A0}breaking\u{2003}em\u{3000}ideographic\u{85}next",
            "Zoë met 習近平 in Köln 🇩🇪 — “quoted”",
            "word\u{200B}joined",
        ] {
            assert_eq!(
                count_words(text),
                text.split_whitespace().count(),
                "{text:?}"
            );
        }
    }

    fn sample() -> Article {
        Article {
            schema_version: SCHEMA_VERSION,
            id: "sample".into(),
            title: "Title".into(),
            standfirst: String::new(),
            source: "Wire".into(),
            published: Some("2017-07-07".into()),
            published_inferred: false,
            credit: None,
            language: "en".into(),
            paragraphs: vec!["Putin met Trump.".into(), "Trump left.".into()],
            entities: vec![Entity {
                id: "donald-trump".into(),
                name: "Trump".into(),
                entity_type: EntityType::Person,
                aliases: vec![],
                mentions: vec![Span::new(10, 15), Span::new(18, 23)],
            }],
            timexes: vec![],
            events: vec![],
        }
    }

    #[test]
    fn spans_index_code_points_of_the_joined_body() {
        let mut article = sample();
        article.paragraphs = vec!["Ünïcødé 😀 Trump.".into(), "x".into()];
        article.entities[0].mentions = vec![Span::new(10, 15)];
        let body: Vec<char> = article.body_text().chars().collect();
        assert_eq!(body[10..15].iter().collect::<String>(), "Trump");
        assert_eq!(
            article.paragraph_spans(),
            vec![Span::new(0, 16), Span::new(18, 19)]
        );
        article.validate().unwrap();
    }

    #[test]
    fn round_trips_through_json() {
        let article = sample();
        assert_eq!(Article::from_json(&article.to_json()).unwrap(), article);
    }

    #[test]
    fn refuses_other_versions_and_malformed_files() {
        let mut json: serde_json::Value = serde_json::from_str(&sample().to_json()).unwrap();
        json["schema_version"] = 3.into();
        assert_eq!(
            Article::from_json(&json.to_string()),
            Err(FormatError::UnsupportedVersion(Some(3)))
        );
        assert!(matches!(
            Article::from_json("{\"schema_version\": 1"),
            Err(FormatError::Malformed(_))
        ));
        assert!(matches!(
            Article::from_json("[]"),
            Err(FormatError::Malformed(_))
        ));
        assert_eq!(
            Article::from_json("{}"),
            Err(FormatError::UnsupportedVersion(None))
        );
        // Another version of another shape: its version is what the reader is told.
        assert_eq!(
            Article::from_json(r#"{"schema_version": 3, "text": "a new layout"}"#),
            Err(FormatError::UnsupportedVersion(Some(3)))
        );
    }

    #[test]
    fn refuses_spans_outside_the_text_or_across_paragraphs() {
        let mut article = sample();
        article.entities[0].mentions = vec![Span::new(10, 40)];
        assert!(matches!(article.validate(), Err(FormatError::Invalid(_))));
        article.entities[0].mentions = vec![Span::new(14, 19)];
        assert!(matches!(article.validate(), Err(FormatError::Invalid(_))));
    }

    #[test]
    fn refuses_overlapping_mentions_and_bad_dates() {
        let mut article = sample();
        article.entities[0].mentions = vec![Span::new(10, 15), Span::new(12, 14)];
        assert!(article.validate().is_err());
        let mut article = sample();
        article.published = Some("2017-02-30".into());
        assert!(article.validate().is_err());
        article.published = Some("2017-13".into());
        assert!(article.validate().is_err());
        article.published = Some("December 2016".into());
        assert!(article.validate().is_err());
    }

    #[test]
    fn publication_dates_may_be_a_day_a_month_or_unknown() {
        let mut article = sample();
        for published in [Some("2016-12-10"), Some("2016-12"), None] {
            article.published = published.map(str::to_string);
            article.validate().unwrap();
            assert_eq!(Article::from_json(&article.to_json()).unwrap(), article);
        }
        article.published_inferred = true;
        assert!(
            article.validate().is_err(),
            "an inferred date must be a day"
        );
        article.published = Some("2016-12".into());
        assert!(
            article.validate().is_err(),
            "an inferred date must be a day"
        );
        article.published = Some("2016-12-10".into());
        article.validate().unwrap();
    }

    #[test]
    fn version_1_articles_are_migrated() {
        let mut json: serde_json::Value = serde_json::from_str(&sample().to_json()).unwrap();
        let object = json.as_object_mut().unwrap();
        object.insert("schema_version".into(), 1.into());
        object.remove("published_inferred");
        object.remove("credit");
        let article = Article::from_json(&json.to_string()).unwrap();
        assert_eq!(article, sample());
        // Version 1 had no unknown dates and no inference: a null date is a broken file.
        json["published"] = serde_json::Value::Null;
        assert!(matches!(
            Article::from_json(&json.to_string()),
            Err(FormatError::Malformed(_))
        ));
        json["published"] = "2017-02-30".into();
        assert!(matches!(
            Article::from_json(&json.to_string()),
            Err(FormatError::Invalid(_))
        ));
    }

    #[test]
    fn credits_need_a_web_address_a_licence_and_an_attribution() {
        let mut article = sample();
        let credit = Credit {
            url: "https://en.wikinews.org/wiki/Example".into(),
            licence: "CC BY 2.5".into(),
            licence_url: Some("https://creativecommons.org/licenses/by/2.5/".into()),
            attribution: "Wikinews contributors; paragraphs joined.".into(),
        };
        article.credit = Some(credit.clone());
        article.validate().unwrap();
        assert_eq!(Article::from_json(&article.to_json()).unwrap(), article);
        for broken in [
            Credit {
                url: "javascript:alert(1)".into(),
                ..credit.clone()
            },
            Credit {
                licence_url: Some("creativecommons.org".into()),
                ..credit.clone()
            },
            Credit {
                licence: " ".into(),
                ..credit.clone()
            },
            Credit {
                attribution: String::new(),
                ..credit.clone()
            },
        ] {
            article.credit = Some(broken);
            assert!(matches!(article.validate(), Err(FormatError::Invalid(_))));
        }
    }

    #[test]
    fn granularity_follows_the_timex3_value() {
        let cases = [
            ("2017-06-18", Some(Granularity::Day)),
            ("2017-01", Some(Granularity::Month)),
            ("2017", Some(Granularity::Year)),
            ("2017-W27", Some(Granularity::Week)),
            ("2017-Q3", Some(Granularity::Quarter)),
            ("2017-SU", Some(Granularity::Season)),
            ("2017-07-07TAF", Some(Granularity::Time)),
            ("2017-07-07T15:00", Some(Granularity::Time)),
            ("201", Some(Granularity::Decade)),
            ("PRESENT_REF", None),
            ("XXXX-06", None),
            ("P3Y", None),
            ("", None),
            ("2017-13-", None),
        ];
        for (value, expected) in cases {
            assert_eq!(Granularity::of_value(value), expected, "{value}");
        }
    }
}

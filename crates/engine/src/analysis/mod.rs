//! Text analysis: sentences, tokens, named entities, time expressions and events.
//!
//! [`segment`] splits the text into sentences and tokens with code-point spans; `timex` finds
//! time expressions and normalizes them against the publication date; name mentions are found
//! (skipping time expressions) by the statistical tagger when an [`Analyzer`] has a model, else
//! by [`entities`]' rules and word lists, and either way merged into entities by [`merge`];
//! `events` dates the clauses that hold a calendar time expression.
//!
//! ```
//! use dateline_engine::analysis::{analyze, Analyzer};
//! use dateline_engine::ner::NerModel;
//!
//! let text = "Vladimir Putin met Donald Trump in Hamburg today. Putin spoke first.";
//! let published = "2017-07-07".parse().ok();
//! // Rules only:
//! let analysis = analyze(text, published);
//! assert!(analysis.entities.iter().any(|e| e.name == "Vladimir Putin" && e.aliases == ["Putin"]));
//! // With a model (the CLI embeds models/ner-news.bin). An untrained one finds no names
//! // itself; Dateline's word lists still supply listed names the model never saw.
//! let model = NerModel::from_bytes(&NerModel::from_parts(&Default::default(), 1.0).to_bytes()).unwrap();
//! let analyzer = Analyzer::new(Some(model));
//! let analysis = analyzer.analyze(text, published);
//! let names: Vec<&str> = analysis.entities.iter().map(|e| e.name.as_str()).collect();
//! assert_eq!(names, ["Hamburg"]);
//! assert_eq!(analysis.timexes[0].value, "2017-07-07");
//! ```
//!
//! Architecture invariant: no I/O, no clock, no panic on any input. Every span is a pair of
//! code-point offsets into the analysed text, and none crosses a paragraph break (`"\n\n"`).

pub mod entities;
mod events;
mod published;
pub(crate) mod segment;
mod timex;
mod word_lists;

use crate::ner::NerModel;
use dateline_format::article::{check_entities, Granularity, Span, Timex, PARAGRAPH_SEPARATOR};
use dateline_format::span::{check_layer, paragraph_spans};

pub use entities::{gazetteer_phrase, mentions_from_bio, merge, model_sentences, Mention};
pub use published::PublicationDate;

/// Everything the analysis finds in one text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Analysis {
    /// Sentence spans, ordered.
    pub sentences: Vec<Span>,
    /// Entities with their mentions (ids unique, mentions non-overlapping across entities).
    pub entities: Vec<dateline_format::article::Entity>,
    /// Time expressions, ordered, non-overlapping.
    pub timexes: Vec<Timex>,
    /// Dated events, ordered by date; undated ones last.
    pub events: Vec<dateline_format::article::Event>,
}

impl Analysis {
    /// Checks the invariants every analysis of `text` keeps, with the format's one span checker:
    /// each layer (sentences, one entity's mentions, all mentions, time expressions) is ordered,
    /// disjoint and inside one paragraph; ids are valid and unique; an event's time expression
    /// lies in its sentence, names known entities and has the granularity of its date (none only
    /// for a relative date with no publication day to count from). For tests and the fuzzer;
    /// says what broke.
    pub fn check_invariants(&self, text: &str) -> Result<(), String> {
        let paragraphs = paragraph_spans(text.split(PARAGRAPH_SEPARATOR));
        let layer = |what: &str, spans: &mut dyn Iterator<Item = Span>| {
            check_layer(spans, &paragraphs, true).map_err(|e| format!("{what}: {e}"))
        };
        layer("sentences", &mut self.sentences.iter().copied())?;
        let ids = check_entities(&self.entities, &paragraphs).map_err(|e| e.to_string())?;
        layer("time expressions", &mut self.timexes.iter().map(|t| t.span))?;
        if let Some(t) = self
            .timexes
            .iter()
            .find(|t| t.granularity != Granularity::of_value(&t.value))
        {
            return Err(format!("time expression {:?}: wrong granularity", t.value));
        }
        for event in &self.events {
            let what = format!("event {:?}", event.id);
            layer(&what, &mut std::iter::once(event.sentence))?;
            layer(&what, &mut std::iter::once(event.timex))?;
            if !event.sentence.contains(event.timex) {
                return Err(format!(
                    "{what}: its time expression is outside its sentence"
                ));
            }
            if event.granularity != Granularity::of_value(&event.date) {
                return Err(format!(
                    "{what}: granularity does not match date {:?}",
                    event.date
                ));
            }
            if event.label.trim().is_empty() {
                return Err(format!("{what}: empty label"));
            }
            if let Some(unknown) = event.entities.iter().find(|id| !ids.contains(id.as_str())) {
                return Err(format!("{what}: unknown entity {unknown:?}"));
            }
        }
        Ok(())
    }
}

/// Analyzes `text` with rules only (no model); relative dates are anchored to as much of the
/// publication date as is known (a day: `Some(date)`, or a [`PublicationDate`]). The same as
/// `Analyzer::new(None).analyze(text, published)`.
///
/// A blank line (`"\n\n"`) in `text` is a paragraph break: no sentence or span crosses it.
pub fn analyze(text: &str, published: impl Into<PublicationDate>) -> Analysis {
    analyze_with(text, published.into(), entities::rule_mentions)
}

/// The analysis pipeline with its entity finder: the statistical tagger when given a model,
/// the rules otherwise. Build it once and reuse it: loading a model is the costly part.
#[derive(Clone, Debug, Default)]
pub struct Analyzer {
    model: Option<NerModel>,
}

impl Analyzer {
    /// An analyzer that finds names with `model`, or with the rules when `None`.
    pub fn new(model: Option<NerModel>) -> Self {
        Analyzer { model }
    }

    /// The model in use, if any.
    pub fn model(&self) -> Option<&NerModel> {
        self.model.as_ref()
    }

    /// Analyzes `text`; relative dates are anchored to as much of the publication date as is
    /// known. Never fails and never panics: odd text gives a thin analysis, not an error.
    ///
    /// A blank line (`"\n\n"`) in `text` is a paragraph break: no sentence or span crosses it.
    pub fn analyze(&self, text: &str, published: impl Into<PublicationDate>) -> Analysis {
        let published = published.into();
        match &self.model {
            Some(model) => analyze_with(text, published, |doc, blocked| {
                entities::model_mentions(model, doc, blocked)
            }),
            None => analyze(text, published),
        }
    }
}

/// Sentences and tokens of `text` as code-point spans: what a statistical tagger labels before
/// its labels go through [`mentions_from_bio`] and [`merge`].
pub fn tokenize(text: &str) -> Vec<Vec<Span>> {
    let doc = segment::segment(text);
    doc.sentences
        .iter()
        .map(|s| {
            doc.tokens[s.tokens.clone()]
                .iter()
                .map(|t| t.span())
                .collect()
        })
        .collect()
}

fn analyze_with(
    text: &str,
    published: PublicationDate,
    find_mentions: impl FnOnce(&segment::Doc, &[bool]) -> Vec<Mention>,
) -> Analysis {
    let doc = segment::segment(text);
    let found = timex::find(&doc, published);
    let mut blocked = vec![false; doc.tokens.len()];
    for f in &found {
        for t in f.tokens.clone() {
            if let Some(b) = blocked.get_mut(t) {
                *b = true;
            }
        }
    }
    let entities = merge(text, find_mentions(&doc, &blocked));
    let events = events::build(&doc, &found, &entities);
    let timexes = found
        .into_iter()
        .map(|f| Timex {
            span: f.span,
            timex_type: f.timex_type,
            granularity: Granularity::of_value(&f.value),
            value: f.value,
        })
        .collect();
    Analysis {
        sentences: doc.sentences.iter().map(|s| s.span).collect(),
        entities,
        timexes,
        events,
    }
}

#[cfg(test)]
mod tests;

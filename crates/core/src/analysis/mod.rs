//! Text analysis: sentences, tokens, named entities, time expressions and events.
//!
//! The pipeline is rules and word lists, no statistics: [`segment`] splits the text into
//! sentences and tokens with code-point spans; `timex` finds time expressions and normalizes
//! them against the publication date; [`entities`] finds name mentions (skipping time
//! expressions) and merges them into entities; `events` dates the clauses that hold a
//! calendar time expression.
//!
//! Architecture invariant: no I/O, no clock, no panic on any input. Every span is a pair of
//! code-point offsets into the analysed text, and none crosses a paragraph break (`"\n\n"`).

pub mod entities;
mod events;
mod gazetteer;
pub(crate) mod segment;
mod timex;

use crate::article::{Granularity, Span, Timex};

pub use entities::{mentions_from_bio, merge, Mention};

/// Everything the analysis finds in one text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Analysis {
    /// Sentence spans, ordered.
    pub sentences: Vec<Span>,
    /// Entities with their mentions (ids unique, mentions non-overlapping across entities).
    pub entities: Vec<crate::article::Entity>,
    /// Time expressions, ordered, non-overlapping.
    pub timexes: Vec<Timex>,
    /// Dated events, ordered by date; undated ones last.
    pub events: Vec<crate::article::Event>,
}

/// Analyzes `text`; relative dates are anchored to `published` when given.
///
/// A blank line (`"\n\n"`) in `text` is a paragraph break: no sentence or span crosses it.
pub fn analyze(text: &str, published: Option<jiff::civil::Date>) -> Analysis {
    analyze_with(text, published, entities::rule_mentions)
}

/// Sentences and tokens of `text` as code-point spans: what a statistical tagger labels before
/// its labels go through [`mentions_from_bio`] and [`merge`].
pub fn tokenize(text: &str) -> Vec<Vec<Span>> {
    let doc = segment::segment(text);
    doc.sentences.iter().map(|s| doc.tokens[s.tokens.clone()].iter().map(|t| t.span()).collect()).collect()
}

fn analyze_with(
    text: &str,
    published: Option<jiff::civil::Date>,
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
        .map(|f| Timex { span: f.span, timex_type: f.timex_type, granularity: Granularity::of_value(&f.value), value: f.value })
        .collect();
    Analysis { sentences: doc.sentences.iter().map(|s| s.span).collect(), entities, timexes, events }
}

#[cfg(test)]
mod tests;

//! Text analysis: sentences, tokens, named entities, time expressions and events.

use crate::article::{Entity, Event, Span, Timex};

/// Everything the analysis finds in one text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Analysis {
    /// Sentence spans, ordered.
    pub sentences: Vec<Span>,
    /// Entities with their mentions (ids unique, mentions non-overlapping across entities).
    pub entities: Vec<Entity>,
    /// Time expressions, ordered, non-overlapping.
    pub timexes: Vec<Timex>,
    /// Dated events, ordered by date; undated ones last.
    pub events: Vec<Event>,
}

/// Analyzes `text`; relative dates are anchored to `published` when given.
///
/// A blank line (`"\n\n"`) in `text` is a paragraph break: no sentence or span crosses it.
pub fn analyze(text: &str, published: Option<jiff::civil::Date>) -> Analysis {
    let _ = (text, published);
    Analysis::default()
}

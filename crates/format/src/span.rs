//! Code-point spans: the one span type of the format, the one way to slice text by one, and the
//! one checker of the rules a layer of spans keeps (the validator, the fuzzer and the tests all
//! use it).
//!
//! ```
//! use dateline_format::span::{check_layer, paragraph_spans, slice, Span};
//!
//! let text = "Putin met Trump.\n\nTrump left.";
//! assert_eq!(slice(text, Span::new(10, 15)), "Trump");
//! let paragraphs = paragraph_spans(text.split("\n\n"));
//! assert!(check_layer([Span::new(0, 5), Span::new(10, 15)], &paragraphs, true).is_ok());
//! assert!(check_layer([Span::new(10, 20)], &paragraphs, true).is_err());
//! ```

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::text::PARAGRAPH_SEPARATOR;

/// A half-open range of code-point offsets into the body text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Number of code points covered.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True when `other` lies inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

/// The text `span` covers, by code point; the part outside the text is left out.
pub fn slice(text: &str, span: Span) -> String {
    text.chars().skip(span.start).take(span.len()).collect()
}

/// The span of each paragraph in the text that joins them with [`PARAGRAPH_SEPARATOR`].
pub fn paragraph_spans<'a>(paragraphs: impl IntoIterator<Item = &'a str>) -> Vec<Span> {
    let separator = PARAGRAPH_SEPARATOR.chars().count();
    let mut start = 0;
    paragraphs
        .into_iter()
        .map(|p| {
            let span = Span::new(start, start + p.chars().count());
            start = span.end + separator;
            span
        })
        .collect()
}

/// A rule of [`check_layer`] that a span breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpanError {
    /// The span covers nothing.
    Empty(Span),
    /// The span is not inside one paragraph: it reaches past the text or across a paragraph
    /// break.
    OutsideParagraphs(Span),
    /// The span starts before the one before it.
    OutOfOrder {
        /// The offending span.
        span: Span,
        /// The span before it.
        previous: Span,
    },
    /// In a layer that must be disjoint, the span overlaps the one before it.
    Overlaps {
        /// The offending span.
        span: Span,
        /// The span before it.
        previous: Span,
    },
}

impl SpanError {
    /// The span that breaks the rule.
    pub fn span(&self) -> Span {
        match *self {
            SpanError::Empty(span) | SpanError::OutsideParagraphs(span) => span,
            SpanError::OutOfOrder { span, .. } | SpanError::Overlaps { span, .. } => span,
        }
    }
}

impl fmt::Display for SpanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SpanError::Empty(span) => write!(f, "span {span} is empty"),
            SpanError::OutsideParagraphs(span) => {
                write!(
                    f,
                    "span {span} is outside the text or crosses a paragraph break"
                )
            }
            SpanError::OutOfOrder { span, previous } => {
                write!(f, "span {span} comes after {previous}: out of order")
            }
            SpanError::Overlaps { span, previous } => {
                write!(f, "span {span} overlaps {previous}")
            }
        }
    }
}

impl std::error::Error for SpanError {}

/// Checks one layer of spans (an entity's mentions, all mentions, time expressions, sentences):
/// each span is non-empty and inside one of `paragraphs` (the spans of the paragraphs, as
/// [`paragraph_spans`] gives them), and the spans are ordered by start and, when `disjoint`, do
/// not overlap. Linear in the spans and paragraphs.
pub fn check_layer(
    spans: impl IntoIterator<Item = Span>,
    paragraphs: &[Span],
    disjoint: bool,
) -> Result<(), SpanError> {
    let mut previous: Option<Span> = None;
    // Spans come ordered by start, so the paragraph that may hold one never moves back.
    let mut paragraph = 0;
    for span in spans {
        if span.is_empty() {
            return Err(SpanError::Empty(span));
        }
        if let Some(previous) = previous {
            if span.start < previous.start {
                return Err(SpanError::OutOfOrder { span, previous });
            }
            if disjoint && span.start < previous.end {
                return Err(SpanError::Overlaps { span, previous });
            }
        }
        while paragraphs
            .get(paragraph)
            .is_some_and(|p| p.end <= span.start)
        {
            paragraph += 1;
        }
        if !paragraphs.get(paragraph).is_some_and(|p| p.contains(span)) {
            return Err(SpanError::OutsideParagraphs(span));
        }
        previous = Some(span);
    }
    Ok(())
}

/// Checks one span on its own (an event's sentence or time expression): non-empty and inside one
/// of `paragraphs`. Logarithmic in the paragraphs, so checking every event of a long text stays
/// cheap (a [`check_layer`] of one span walks the paragraphs from the first).
pub fn check_span(span: Span, paragraphs: &[Span]) -> Result<(), SpanError> {
    if span.is_empty() {
        return Err(SpanError::Empty(span));
    }
    let holder = paragraphs.partition_point(|p| p.end <= span.start);
    if paragraphs.get(holder).is_some_and(|p| p.contains(span)) {
        Ok(())
    } else {
        Err(SpanError::OutsideParagraphs(span))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layer(spans: &[(usize, usize)], disjoint: bool) -> Result<(), SpanError> {
        // "Putin met Trump." (0..16), "Trump left." (18..29)
        let paragraphs = paragraph_spans(["Putin met Trump.", "Trump left."]);
        check_layer(
            spans.iter().map(|&(s, e)| Span::new(s, e)),
            &paragraphs,
            disjoint,
        )
    }

    #[test]
    fn slices_by_code_point() {
        let text = "Zoë met 習近平 in Köln 🇩🇪.";
        assert_eq!(slice(text, Span::new(8, 11)), "習近平");
        assert_eq!(slice(text, Span::new(15, 19)), "Köln");
        assert_eq!(slice(text, Span::new(20, 40)), "🇩🇪.");
    }

    #[test]
    fn paragraph_spans_skip_the_separator() {
        assert_eq!(
            paragraph_spans(["ab", "", "ü"]),
            vec![Span::new(0, 2), Span::new(4, 4), Span::new(6, 7)]
        );
    }

    #[test]
    fn accepts_ordered_spans_inside_paragraphs() {
        assert_eq!(layer(&[(0, 5), (10, 15), (18, 23)], true), Ok(()));
        assert_eq!(layer(&[(0, 16), (0, 5), (18, 29)], false), Ok(()));
        assert_eq!(layer(&[(0, 16), (10, 15)], false), Ok(()));
        assert_eq!(layer(&[], true), Ok(()));
    }

    #[test]
    fn a_span_on_its_own_is_checked_like_a_layer_of_one() {
        let paragraphs = paragraph_spans(["Putin met Trump.", "Trump left."]);
        for span in [
            (0, 5),
            (18, 29),
            (3, 3),
            (10, 20),
            (16, 18),
            (25, 40),
            (29, 30),
        ] {
            let span = Span::new(span.0, span.1);
            assert_eq!(
                check_span(span, &paragraphs),
                check_layer([span], &paragraphs, true),
                "{span}"
            );
        }
    }

    #[test]
    fn refuses_each_broken_rule() {
        assert_eq!(
            layer(&[(3, 3)], true),
            Err(SpanError::Empty(Span::new(3, 3)))
        );
        assert_eq!(
            layer(&[(10, 20)], true),
            Err(SpanError::OutsideParagraphs(Span::new(10, 20)))
        );
        assert_eq!(
            layer(&[(16, 18)], true),
            Err(SpanError::OutsideParagraphs(Span::new(16, 18)))
        );
        assert_eq!(
            layer(&[(25, 40)], true),
            Err(SpanError::OutsideParagraphs(Span::new(25, 40)))
        );
        assert_eq!(
            layer(&[(10, 15), (0, 5)], true),
            Err(SpanError::OutOfOrder {
                span: Span::new(0, 5),
                previous: Span::new(10, 15)
            })
        );
        assert_eq!(
            layer(&[(0, 9), (6, 15)], true),
            Err(SpanError::Overlaps {
                span: Span::new(6, 15),
                previous: Span::new(0, 9)
            })
        );
        assert_eq!(layer(&[(0, 9), (6, 15)], false), Ok(()));
    }
}

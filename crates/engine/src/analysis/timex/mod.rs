//! Time expressions: detection and TIMEX3 normalization against the publication date.
//!
//! A hand-written matcher walks each sentence's tokens and tries, at every position, the
//! patterns of English news dates: calendar dates ("June 18th", "Aug. 7, 1998", "18 June 2017"),
//! months and weekdays, deictic words ("today", "yesterday", "now"), relative units ("last week",
//! "next month", "this year", "two years ago"), durations ("three days", "the past two months",
//! "decades"), quarters, decades, clock times and recurrences ("every Monday", "daily").
//!
//! Finding an expression takes three steps, each in a module of its own:
//! - [`matcher`] reads the expression's extent, type and meaning off the words alone, as a
//!   [`value::Value`] ("last week" is `Relative { unit: Week, offset: -1 }`), with the lists of
//!   [`words`];
//! - [`tense`] reads whether the words around it speak of the past or the future;
//! - [`resolve`] places the value on the calendar: all arithmetic with the publication date
//!   happens there, with jiff.
//!
//! A bare month, weekday or month and day is placed by the tense around it: the nearest cue in
//! the sentence ("since", "after", "last", a past-tense verb → the most recent one; "will",
//! "next", "expected", "is to" → the coming one). With no cue, a weekday is the most recent one
//! (news reports what happened) and a month, or a month and day, lies in the publication year
//! (the TimeBank convention). Without a publication date, relative expressions are not guessed:
//! they get values with `X` placeholders (`XXXX-WXX-2` for "on Tuesday", `XXXX-06` for "in June")
//! or `PAST_REF`, `PRESENT_REF`, `FUTURE_REF` ("last year", "today", "next week"), which name no
//! calendar period, so their events are listed apart from the timeline. With only the month
//! known, what the month settles is anchored ("this year", "last month", "in June") and what
//! needs the day ("today", "on Tuesday", "last week") is left unanchored the same way.

use std::ops::Range;

use super::segment::Doc;
use super::PublicationDate;
use dateline_format::article::{Span, TimexType};
use matcher::Matcher;
use resolve::{is_unanchored, resolve, year_ago_quarters, Mentioned};
use tense::tense_around;

mod matcher;
mod resolve;
mod tense;
mod value;
mod words;

/// A time expression found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    pub span: Span,
    /// Token range in the document.
    pub tokens: Range<usize>,
    pub timex_type: TimexType,
    pub value: String,
    /// A date the publication day would have placed on the calendar, left unanchored because
    /// that day is not known ("today" as `PRESENT_REF`, "on Tuesday" as `XXXX-WXX-2`): it
    /// still makes an event, listed apart from the timeline.
    pub unanchored: bool,
}

/// Finds and normalizes the time expressions of a segmented text.
pub(crate) fn find(doc: &Doc, published: PublicationDate) -> Vec<Found> {
    let mut found = Vec::new();
    let mut mentioned = Mentioned::default();
    for sentence in &doc.sentences {
        let Some(toks) = doc.tokens.get(sentence.tokens.clone()) else {
            continue;
        };
        let offset = sentence.tokens.start;
        let matcher = Matcher::new(toks, published.is_known());
        let mut i = 0;
        while i < toks.len() {
            let Some(m) = matcher.at(i).filter(|m| m.end > i && m.end <= toks.len()) else {
                i += 1;
                continue;
            };
            if matcher.is_quoted_title(i, m.end) {
                i = m.end;
                continue;
            }
            let tense = m.tense.or_else(|| tense_around(toks, i..m.end));
            let value = resolve(&m.value, published, tense, &mentioned);
            if m.timex_type == TimexType::Date || m.timex_type == TimexType::Time {
                mentioned.note(&value);
            }
            if !value.is_empty() {
                let span = Span::new(toks[i].start, toks[m.end - 1].end);
                found.push(Found {
                    span,
                    tokens: offset + i..offset + m.end,
                    timex_type: m.timex_type,
                    unanchored: is_unanchored(&m.value, published, &value),
                    value,
                });
            }
            i = m.end;
        }
    }
    year_ago_quarters(doc, &mut found, published);
    found
}

#[cfg(test)]
mod tests;

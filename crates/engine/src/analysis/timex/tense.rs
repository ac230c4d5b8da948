//! Tense cues: whether the words around a time expression speak of the past or the future.
//!
//! A bare weekday, month or holiday is placed by the tense around it: "He said Monday" is the
//! Monday before publication, "They will meet Monday" the one after.

use std::ops::Range;

use super::words::{DETERMINERS, FUTURE_CUES, NOT_PAST_ED, PAST_CUES};
use crate::analysis::segment::{Kind, Token};

/// Which way from the publication date the text looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tense {
    Past,
    Future,
}

/// Words that mark the time they stand near as past or future.
fn tense_cue(token: &Token) -> Option<Tense> {
    let w = token.lower.as_str();
    if FUTURE_CUES.contains(&w) {
        return Some(Tense::Future);
    }
    if PAST_CUES.contains(&w) {
        return Some(Tense::Past);
    }
    // "-ed" verbs, but not names ("United").
    if token.kind == Kind::Word
        && !token.is_capitalized()
        && w.len() > 4
        && w.ends_with("ed")
        && !NOT_PAST_ED.contains(&w)
    {
        return Some(Tense::Past);
    }
    None
}

/// The tense cue of token `i`, read with its neighbours: "next to" and "set up" mark no time,
/// and "was expected", "had been scheduled" look back.
fn cue_at(toks: &[Token], i: usize) -> Option<Tense> {
    let token = toks.get(i)?;
    let next = toks.get(i + 1).map_or("", |t| t.lower.as_str());
    let before = |k: usize| {
        i.checked_sub(k)
            .and_then(|k| toks.get(k))
            .map_or("", |t| t.lower.as_str())
    };
    match token.lower.as_str() {
        "next" if matches!(next, "to" | "door") => return None,
        "set" if !matches!(next, "to" | "for") => return None,
        "due" if next != "to" => return None,
        "expected" | "scheduled" | "due" | "set" | "planned" | "going" | "supposed"
            if matches!(before(1), "was" | "were")
                || (before(1) == "been" && before(2) == "had") =>
        {
            return Some(Tense::Past)
        }
        // "as early as Tuesday", "as soon as Tuesday".
        "early" | "soon" if before(1) == "as" && next == "as" => return Some(Tense::Future),
        // "the plan", "their hopes": nouns, no future.
        "plan" | "plans" | "hope" | "hopes" if DETERMINERS.contains(&before(1)) => return None,
        // "an unspecified date", "the announced plan": adjectives, no past.
        w if w.ends_with("ed") && DETERMINERS.contains(&before(1)) => return None,
        // "were planning to drive": a plan, not a past event.
        "was" | "were" if next.len() > 4 && next.ends_with("ing") => return None,
        _ => {}
    }
    tense_cue(token)
}

/// The tense around tokens `range` of the sentence: the nearest cue, left side first on ties.
pub(super) fn tense_around(toks: &[Token], range: Range<usize>) -> Option<Tense> {
    // "is to meet" / "are to" mark the future too.
    let is_to = |i: usize| {
        matches!(
            toks.get(i).map(|t| t.lower.as_str()),
            Some("is" | "are" | "was" | "were")
        ) && toks.get(i + 1).is_some_and(|t| t.lower == "to")
    };
    for distance in 1..=12 {
        if let Some(i) = range.start.checked_sub(distance) {
            if is_to(i) {
                return Some(Tense::Future);
            }
            if let Some(d) = cue_at(toks, i) {
                return Some(d);
            }
        }
        let j = range.end + distance - 1;
        if is_to(j) {
            return Some(Tense::Future);
        }
        if let Some(d) = cue_at(toks, j) {
            return Some(d);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::segment::segment;

    /// The tense around the first token spelled `word` in `text`.
    fn tense_of(text: &str, word: &str) -> Option<Tense> {
        let doc = segment(text);
        let at = doc.tokens.iter().position(|t| t.text == word).unwrap();
        tense_around(&doc.tokens, at..at + 1)
    }

    #[test]
    fn the_nearest_cue_decides() {
        assert_eq!(
            tense_of("He said Monday it was done.", "Monday"),
            Some(Tense::Past)
        );
        assert_eq!(
            tense_of("They will meet Monday.", "Monday"),
            Some(Tense::Future)
        );
        assert_eq!(
            tense_of("The vote is to take place Monday.", "Monday"),
            Some(Tense::Future)
        );
        assert_eq!(tense_of("Sales in December.", "December"), None);
    }

    #[test]
    fn cues_read_with_their_neighbours() {
        assert_eq!(
            tense_of("The offer had been scheduled to expire Friday.", "Friday"),
            Some(Tense::Past)
        );
        assert_eq!(
            tense_of("They could come as early as Tuesday.", "Tuesday"),
            Some(Tense::Future)
        );
        // "next to" marks no time; "-ed" names are no past tense.
        assert_eq!(
            tense_of("A bomb next to the embassy Friday.", "Friday"),
            None
        );
        assert_eq!(tense_of("United Friday.", "Friday"), None);
    }

    #[test]
    fn nouns_and_adjectives_after_a_determiner_are_no_cues() {
        // "the plan" is no plan to do something; "an unspecified date" no past event.
        assert_eq!(
            tense_of("The thrift announced the plan Aug. 21.", "Aug."),
            Some(Tense::Past)
        );
        assert_eq!(
            tense_of("It falls on an unspecified date in January.", "January"),
            None
        );
    }
}

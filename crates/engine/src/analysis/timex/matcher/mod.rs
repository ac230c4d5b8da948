//! Matching: where time expressions are and what they mean, read off the tokens alone.
//!
//! [`Matcher::at`] tries the patterns of English news dates at one token and returns the
//! expression's end, its TIMEX3 type and an anchor-free [`Value`]: "last week" is
//! `Relative { unit: Week, offset: -1 }`, "in June" `Month { month: 6, which: ByTense }`. The
//! publication date comes in later, in [`super::resolve`].
//!
//! The patterns are grouped by what an expression starts with: `calendar` (month and weekday
//! names, years, clock times, holidays), `counted` (numbers: "1990s", "two years ago") and
//! `worded` (other words: "today", "last week", "the third quarter", "every Monday").

use dateline_format::article::TimexType;

use super::tense::Tense;
use super::value::{Unit, Value};
use super::words::{decade_word, number_word, ordinal_word, season_of, unit_of, TAKES_THE};
use crate::analysis::segment::{Kind, Token};

mod calendar;
mod counted;
mod worded;

/// A time expression found at a token.
pub(super) struct Match {
    /// One past its last token (in the sentence).
    pub end: usize,
    pub timex_type: TimexType,
    pub value: Value,
    /// A tense the expression carries itself ("Wednesday's ruling" is past).
    pub tense: Option<Tense>,
}

impl Match {
    fn new(end: usize, timex_type: TimexType, value: Value) -> Match {
        Match {
            end,
            timex_type,
            value,
            tense: None,
        }
    }

    fn literal(end: usize, timex_type: TimexType, value: impl Into<String>) -> Match {
        Match::new(end, timex_type, Value::Literal(value.into()))
    }

    /// The day `offset` days from the publication date, ending at token `end`.
    fn day_from_now(end: usize, timex_type: TimexType, offset: i64) -> Match {
        Match::new(end, timex_type, relative(Unit::Day, offset))
    }
}

fn relative(unit: Unit, offset: i64) -> Value {
    Value::Relative { unit, offset }
}

/// A part (a TIMEX3 code: "MO") of `day`.
fn part_of(day: Value, part: &'static str) -> Value {
    Value::PartOfDay {
        day: Box::new(day),
        part,
    }
}

/// The patterns over one sentence's tokens.
pub(super) struct Matcher<'a> {
    toks: &'a [Token],
    /// Whether the text has a publication date. Only "January this year" reads differently
    /// without one: with no year to count from, the month stands alone and "this year" becomes
    /// an expression of its own.
    dated: bool,
}

impl<'a> Matcher<'a> {
    pub(super) fn new(toks: &'a [Token], dated: bool) -> Matcher<'a> {
        Matcher { toks, dated }
    }

    /// The time expression starting at token `i`, if any.
    pub(super) fn at(&self, i: usize) -> Option<Match> {
        // Modifiers that belong to the expression: "early next year", "late November", "mid-1990s".
        let w = self.w(i);
        if matches!(w, "early" | "late" | "mid" | "earlier" | "later" | "fiscal") {
            let next = if self.w(i + 1) == "-" { i + 2 } else { i + 1 };
            return self
                .core(next)
                .filter(|m| m.timex_type != TimexType::Duration);
        }
        if w == "the" {
            return self.after_the(i);
        }
        self.core(i)
    }

    /// An expression starting with "the" at `i`.
    fn after_the(&self, i: usize) -> Option<Match> {
        if let Some(m) = self.core(i + 1).filter(|_| self.takes_the(i + 1)) {
            return Some(m);
        }
        // "the week of March 6": the week that day falls in.
        if self.w(i + 1) == "week" && self.w(i + 2) == "of" {
            if let Some(m) = self.month_date(i + 3).filter(|m| names_a_day(&m.value)) {
                let value = Value::WeekOf(Box::new(m.value));
                return Some(Match::new(m.end, TimexType::Date, value));
            }
        }
        // "the early summer", "the late 1970s"
        if matches!(self.w(i + 1), "early" | "late" | "mid") {
            return self.at(i + 1);
        }
        // "the end of the year", "the beginning of next month"
        if matches!(self.w(i + 1), "end" | "beginning" | "start" | "middle")
            && self.w(i + 2) == "of"
        {
            let inner = if self.w(i + 3) == "the" { i + 4 } else { i + 3 };
            if let Some(m) = self
                .core(inner)
                .filter(|m| m.timex_type != TimexType::Duration)
            {
                return Some(m);
            }
            if self.w(i + 3) == "the" {
                if let Some((unit, false)) = unit_of(self.w(i + 4)) {
                    return Some(Match::new(i + 5, TimexType::Date, relative(unit, 0)));
                }
            }
        }
        None
    }

    /// Expressions whose "the" is part of the extent.
    fn takes_the(&self, i: usize) -> bool {
        let w = self.w(i);
        TAKES_THE.contains(&w)
            || ordinal_word(w).is_some()
            || season_of(w).is_some()
            || decade_word(w).is_some()
            // "the 1988 third quarter"
            || (self.tok(i).and_then(year_number).is_some()
                && (ordinal_word(self.w(i + 1)).is_some()
                    || matches!(self.w(i + 1), "quarter" | "period")))
            || number_word(w).is_some()
            || self
                .tok(i)
                .is_some_and(|t| t.kind == Kind::Number && t.lower.ends_with('s'))
    }

    fn core(&self, i: usize) -> Option<Match> {
        let tok = self.tok(i)?;
        let w = tok.lower.as_str();
        if let Some(m) = self.month_date(i) {
            return Some(m);
        }
        if let Some(m) = self.weekday(i) {
            return Some(m);
        }
        if let Some(m) = self.clock(i) {
            return Some(m);
        }
        if tok.kind == Kind::Number {
            if let Some(m) = self.number_led(i) {
                return Some(m);
            }
        }
        if let Some((year, end)) = self.spelled_year(i, false) {
            return Some(Match::literal(end, TimexType::Date, format!("{year:04}")));
        }
        if let Some(m) = self.some_day(i) {
            return Some(m);
        }
        let article_unit = unit_of(self.w(i + 1)).is_some_and(|(u, _)| u != Unit::Second);
        if let Some(n) = number_word(w).filter(|_| !matches!(w, "a" | "an") || article_unit) {
            if let Some(m) = self.count_units(i, Some(n)) {
                return Some(m);
            }
        }
        self.word_led(i)
    }

    /// Whether tokens `start..end` are a title in quotes, named like a time: ABC's "This
    /// Week", CBS's "60 Minutes". Every word after the first is capitalized, as a time
    /// expression's words are not.
    pub(super) fn is_quoted_title(&self, start: usize, end: usize) -> bool {
        let opens_quote = start
            .checked_sub(1)
            .and_then(|k| self.tok(k))
            .is_some_and(|t| {
                t.kind == Kind::Punct && matches!(t.text.as_str(), "\"" | "'" | "`" | "“" | "‘")
            });
        let rest: Vec<&Token> = (start + 1..end).filter_map(|k| self.tok(k)).collect();
        opens_quote
            && !rest.is_empty()
            && rest
                .iter()
                .all(|t| t.kind != Kind::Word || t.is_capitalized())
            && rest.iter().any(|t| t.kind == Kind::Word)
    }

    /// The lowercased token at `i`, or "" past the sentence's end.
    fn w(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.lower.as_str())
    }

    fn tok(&self, i: usize) -> Option<&Token> {
        self.toks.get(i)
    }

    /// The lowercased token before `i`, or "" at the sentence's start.
    fn w_before(&self, i: usize) -> &str {
        self.w(i.wrapping_sub(1))
    }
}

/// Whether a matched value is a single day ("last Tuesday", "Christmas", "Oct. 23, 1998"), so
/// that "the day before" it is a day too.
pub(super) fn names_a_day(value: &Value) -> bool {
    match value {
        Value::Literal(v) => v.len() == 10 && v.as_bytes().get(4) == Some(&b'-'),
        Value::Relative { unit, .. } | Value::Anaphoric { unit, .. } => *unit == Unit::Day,
        Value::MonthDay { .. }
        | Value::Weekday { .. }
        | Value::AnaphoricWeekday { .. }
        | Value::Holiday(_) => true,
        Value::InRelativeYear { day, .. } => day.is_some(),
        _ => false,
    }
}

fn tok_cap(token: Option<&Token>) -> bool {
    token.is_some_and(Token::is_capitalized)
}

/// A day of the month written "18", "18th", "1st".
fn day_number(token: &Token) -> Option<u8> {
    if token.kind != Kind::Number {
        return None;
    }
    let digits = token
        .lower
        .trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &token.lower[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.len() > 2 {
        return None;
    }
    digits.parse::<u8>().ok().filter(|d| (1..=31).contains(d))
}

/// A year written with four digits, 1000..=2999.
fn year_number(token: &Token) -> Option<i16> {
    if token.kind != Kind::Number || token.text.len() != 4 {
        return None;
    }
    token
        .text
        .parse::<i16>()
        .ok()
        .filter(|y| (1000..=2999).contains(y))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::segment::segment;
    use crate::analysis::timex::value::Which;

    /// The end and value of the expression at the start of `text`, in a dated text.
    fn matched(text: &str) -> (usize, Value) {
        let doc = segment(text);
        let m = Matcher::new(&doc.tokens, true).at(0).unwrap();
        (m.end, m.value)
    }

    #[test]
    fn values_need_no_publication_date() {
        let last_week = Value::Relative {
            unit: Unit::Week,
            offset: -1,
        };
        assert_eq!(matched("last week"), (2, last_week));
        let next_tuesday = Value::Weekday {
            day: 2,
            which: Which::Next,
        };
        assert_eq!(matched("next Tuesday"), (2, next_tuesday));
        let june = Value::Month {
            month: 6,
            which: Which::ByTense,
        };
        assert_eq!(matched("June"), (1, june));
        assert_eq!(
            matched("Aug. 7, 1998"),
            (4, Value::Literal("1998-08-07".into()))
        );
        let tomorrow_morning = part_of(relative(Unit::Day, 1), "MO");
        assert_eq!(matched("tomorrow morning"), (2, tomorrow_morning));
        let three_pm_friday = Value::ClockTime {
            day: Box::new(Value::Weekday {
                day: 5,
                which: Which::ByTense,
            }),
            hour: 15,
            minute: 0,
        };
        assert_eq!(matched("3 p.m. Friday"), (3, three_pm_friday));
    }

    #[test]
    fn a_year_counted_from_publication_needs_a_publication_date() {
        let doc = segment("January this year");
        let dated = Matcher::new(&doc.tokens, true).at(0).unwrap();
        let in_this_year = Value::InRelativeYear {
            month: 1,
            day: None,
            year_offset: 0,
        };
        assert_eq!((dated.end, dated.value), (3, in_this_year));
        let undated = Matcher::new(&doc.tokens, false).at(0).unwrap();
        let january = Value::Month {
            month: 1,
            which: Which::ByTense,
        };
        assert_eq!((undated.end, undated.value), (1, january));
    }
}

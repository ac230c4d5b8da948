//! Time expressions: detection and TIMEX3 normalization against the publication date.
//!
//! A hand-written matcher walks each sentence's tokens and tries, at every position, the
//! patterns of English news dates: calendar dates ("June 18th", "Aug. 7, 1998", "18 June 2017"),
//! months and weekdays, deictic words ("today", "yesterday", "now"), relative units ("last week",
//! "next month", "this year", "two years ago"), durations ("three days", "the past two months",
//! "decades"), quarters, decades, clock times and recurrences ("every Monday", "daily").
//!
//! Normalization uses jiff for calendar arithmetic. A bare month, weekday or month and day is
//! placed by the tense around it: the nearest cue in the sentence ("since", "after", "last", a
//! past-tense verb → the most recent one; "will", "next", "expected", "is to" → the coming one).
//! With no cue, a weekday is the most recent one (news reports what happened) and a month, or a
//! month and day, lies in the publication year (the TimeBank convention). Without a publication
//! date, relative expressions get values with `X` placeholders or `PAST_REF`-style values.

use std::ops::Range;

use jiff::civil::Date;

use super::segment::{self, Doc, Kind, Token};
use dateline_format::article::{Span, TimexType};
use resolve::{format_date, resolve, shift, shift_days, Mentioned};
use tense::{tense_around, Tense};
use value::{Unit, Val};
use words::*;

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
}

struct Match {
    end: usize,
    timex_type: TimexType,
    val: Val,
    /// A clock time ("10 p.m. Wednesday"), appended to a value that resolves to a day.
    time: Option<(u32, u32)>,
    /// A tense the expression carries itself ("Wednesday's ruling" is past).
    tense: Option<Tense>,
}

impl Match {
    fn new(end: usize, timex_type: TimexType, val: Val) -> Match {
        Match {
            end,
            timex_type,
            val,
            time: None,
            tense: None,
        }
    }
    fn fixed(end: usize, timex_type: TimexType, value: impl Into<String>) -> Match {
        Match::new(end, timex_type, Val::Fixed(value.into()))
    }
    /// The resolved value with the clock time of this match.
    fn finish(&self, value: String) -> String {
        let day_level =
            !value.contains('T') && (value.len() == 10 || value.starts_with("XXXX-WXX-"));
        match self.time {
            Some((h, m)) if day_level => format!("{value}T{h:02}:{m:02}"),
            _ => value,
        }
    }
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

/// Finds and normalizes the time expressions of a segmented text.
pub(crate) fn find(doc: &Doc, anchor: Option<Date>) -> Vec<Found> {
    let mut found = Vec::new();
    let mut mentioned = Mentioned::default();
    for sentence in &doc.sentences {
        let Some(toks) = doc.tokens.get(sentence.tokens.clone()) else {
            continue;
        };
        let offset = sentence.tokens.start;
        let mut i = 0;
        while i < toks.len() {
            let Some(m) = Matcher { toks, anchor }
                .at(i)
                .filter(|m| m.end > i && m.end <= toks.len())
            else {
                i += 1;
                continue;
            };
            let tense = m.tense.or_else(|| tense_around(toks, i..m.end));
            let value = m.finish(resolve(&m.val, anchor, tense, &mentioned));
            if m.timex_type == TimexType::Date || m.timex_type == TimexType::Time {
                mentioned.note(&value);
            }
            if !value.is_empty() {
                let span = Span::new(toks[i].start, toks[m.end - 1].end);
                found.push(Found {
                    span,
                    tokens: offset + i..offset + m.end,
                    timex_type: m.timex_type,
                    value,
                });
            }
            i = m.end;
        }
    }
    year_ago_quarters(doc, &mut found);
    found
}

/// In a report on a quarter, "a year earlier" and "the year-ago quarter" mean that quarter a
/// year before: "third-quarter profit rose from a year ago" → `1988-Q3`.
fn year_ago_quarters(doc: &Doc, found: &mut [Found]) {
    let is_quarter = |v: &str| {
        v.len() == 7
            && v.as_bytes().get(5) == Some(&b'Q')
            && v[..4].bytes().all(|b| b.is_ascii_digit())
    };
    let mut reported: Option<String> = found
        .iter()
        .find(|f| is_quarter(&f.value))
        .map(|f| f.value.clone());
    for f in found.iter_mut() {
        if is_quarter(&f.value) {
            reported = Some(f.value.clone());
            continue;
        }
        let text = doc.slice(f.span).to_lowercase();
        let text = text.strip_prefix("the ").unwrap_or(&text);
        let year_back = matches!(
            text,
            "a year ago"
                | "a year earlier"
                | "one year ago"
                | "one year earlier"
                | "a year before"
                | "year-ago"
                | "year-earlier"
        );
        if let (true, Some(q)) = (year_back, reported.as_deref()) {
            if let Ok(year) = q[..4].parse::<i32>() {
                f.value = format!("{:04}-{}", year - 1, &q[5..]);
            }
        }
    }
}

struct Matcher<'a> {
    toks: &'a [Token],
    anchor: Option<Date>,
}

impl Matcher<'_> {
    fn w(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.lower.as_str())
    }

    fn tok(&self, i: usize) -> Option<&Token> {
        self.toks.get(i)
    }

    /// A relative value, or its placeholder without a publication date.
    fn rel(&self, unit: Unit, n: i64) -> Val {
        match self.anchor {
            Some(a) => shift(a, unit, n).map_or_else(|| Val::Fixed(String::new()), Val::Fixed),
            None if n < 0 => Val::Fixed("PAST_REF".into()),
            None if n > 0 => Val::Fixed("FUTURE_REF".into()),
            None => Val::Fixed("PRESENT_REF".into()),
        }
    }

    fn at(&self, i: usize) -> Option<Match> {
        // Modifiers that belong to the expression: "early next year", "late November", "mid-1990s".
        let w = self.w(i);
        if matches!(w, "early" | "late" | "mid" | "earlier" | "later" | "fiscal") {
            let next = if self.w(i + 1) == "-" { i + 2 } else { i + 1 };
            if let Some(m) = self
                .core(next)
                .filter(|m| m.timex_type != TimexType::Duration)
            {
                return Some(m);
            }
            return None;
        }
        if w == "the" {
            if let Some(m) = self.core(i + 1).filter(|_| self.takes_the(i + 1)) {
                return Some(m);
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
                        return Some(Match::new(i + 5, TimexType::Date, self.rel(unit, 0)));
                    }
                }
            }
            return None;
        }
        self.core(i)
    }

    /// Expressions whose "the" is part of the extent.
    fn takes_the(&self, i: usize) -> bool {
        let w = self.w(i);
        TAKES_THE.contains(&w)
            || ordinal_word(w).is_some()
            || season_of(w).is_some()
            || decade_word(w).is_some()
            // "the 1988 third quarter"
            || (self.tok(i).and_then(year_number).is_some() && ordinal_word(self.w(i + 1)).is_some())
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
            return Some(Match::fixed(end, TimexType::Date, format!("{year:04}")));
        }
        let article_unit = unit_of(self.w(i + 1)).is_some_and(|(u, _)| u != Unit::Second);
        if let Some(n) = number_word(w).filter(|_| !matches!(w, "a" | "an") || article_unit) {
            if let Some(m) = self.count_units(i, Some(n)) {
                return Some(m);
            }
        }
        self.word_led(i)
    }

    /// "June 18th", "June 18, 2017", "Aug. 7", "June 2017", "January this year", "June", and
    /// "18 June 2017", "the 18th of June".
    fn month_date(&self, i: usize) -> Option<Match> {
        let tok = self.tok(i)?;
        if let Some(day) = day_number(tok) {
            let mut j = i + 1;
            if self.w(j) == "of" {
                j += 1;
            }
            let month = self.tok(j).and_then(month_of)?;
            return Some(self.with_year(j + 1, month, Some(day)));
        }
        let month = month_of(tok)?;
        if let Some(day) = self.tok(i + 1).and_then(day_number) {
            // "June 18" but not "June 18 people" is hard to tell; accept unless a unit follows.
            if unit_of(self.w(i + 2)).is_none() {
                return Some(self.with_year(i + 2, month, Some(day)));
            }
        }
        // "May" and "March" are words too: take them alone only after a temporal preposition.
        if is_ambiguous_month(&tok.lower) {
            let before = i.checked_sub(1).map_or("", |p| self.w(p));
            let year_follows = self.tok(i + 1).and_then(year_number).is_some();
            if !year_follows && !MONTH_PREPOSITIONS.contains(&before) {
                return None;
            }
        }
        Some(self.with_year(i + 1, month, None))
    }

    /// Continues a month (and day) with an optional year: ", 2017", "2017", "this year".
    fn with_year(&self, j: usize, month: u8, day: Option<u8>) -> Match {
        let comma = usize::from(self.w(j) == ",");
        if let Some((year, end)) = self.year_at(j + comma) {
            let value = match day {
                Some(d) => Date::new(year, month as i8, d as i8)
                    .map_or_else(|_| format!("{year:04}-{month:02}"), format_date),
                None => format!("{year:04}-{month:02}"),
            };
            return Match::fixed(end, TimexType::Date, value);
        }
        let of = usize::from(self.w(j) == "of");
        if let (Some(a), Some(shift)) = (
            self.anchor,
            relative_year(self.w(j + of), self.w(j + of + 1)),
        ) {
            let year = i64::from(a.year()) + shift;
            let value = match day {
                Some(d) => format!("{year:04}-{month:02}-{d:02}"),
                None => format!("{year:04}-{month:02}"),
            };
            return Match::fixed(j + of + 2, TimexType::Date, value);
        }
        match day {
            Some(d) => Match::new(j, TimexType::Date, Val::MonthDay(month, d)),
            None => Match::new(j, TimexType::Date, Val::Month(month)),
        }
    }

    /// A year at `i`, in digits or words ("nineteen ninety-six"), and the token after it.
    fn year_at(&self, i: usize) -> Option<(i16, usize)> {
        match self.tok(i).and_then(year_number) {
            Some(year) => Some((year, i + 1)),
            None => self.spelled_year(i, true),
        }
    }

    /// A year in words: "nineteen ninety-six", "nineteen seventy-nine", and where the context says
    /// a year is meant (`year_context`), "two thousand" too.
    fn spelled_year(&self, i: usize, year_context: bool) -> Option<(i16, usize)> {
        let first = number_word(self.w(i)).filter(|_| !matches!(self.w(i), "a" | "an"))?;
        if (10..=20).contains(&first) {
            let tens =
                number_word(self.w(i + 1)).filter(|t| *t >= 20 && t % 10 == 0 && *t <= 90)?;
            let (ones, end) = match (self.w(i + 2), number_word(self.w(i + 3))) {
                ("-", Some(o)) if (1..=9).contains(&o) => (o, i + 4),
                _ => (0, i + 2),
            };
            return i16::try_from(first * 100 + tens + ones)
                .ok()
                .map(|y| (y, end));
        }
        if year_context && first == 2 && self.w(i + 1) == "thousand" {
            let k = if self.w(i + 2) == "and" { i + 3 } else { i + 2 };
            return match number_word(self.w(k))
                .filter(|o| (1..=19).contains(o) && !matches!(self.w(k), "a" | "an"))
            {
                Some(o) => i16::try_from(2000 + o).ok().map(|y| (y, k + 1)),
                None => Some((2000, i + 2)),
            };
        }
        None
    }

    /// "Friday", "Friday morning", "Friday, June 18", "Fridays" (a set).
    fn weekday(&self, i: usize) -> Option<Match> {
        let (day, plural) = weekday_of(self.tok(i)?)?;
        if plural {
            return Some(Match::fixed(
                i + 1,
                TimexType::Set,
                format!("XXXX-WXX-{day}"),
            ));
        }
        let comma = usize::from(self.w(i + 1) == ",");
        if let Some(m) = self
            .tok(i + 1 + comma)
            .and_then(month_of)
            .and(self.month_date(i + 1 + comma))
        {
            return Some(m);
        }
        if part_of_day(self.w(i + 1)).is_some() {
            // "Friday night": TimeBank mostly annotates the day alone.
            return Some(Match::new(i + 2, TimexType::Date, Val::Weekday(day)));
        }
        let mut m = Match::new(i + 1, TimexType::Date, Val::Weekday(day));
        if self.tok(i + 1).is_some_and(|t| t.kind == Kind::Possessive) {
            m.tense = Some(Tense::Past);
        }
        Some(m)
    }

    /// "3 p.m.", "10:30 a.m.", "noon", "midnight", optionally followed by a day: "6 a.m. Friday".
    fn clock(&self, i: usize) -> Option<Match> {
        let tok = self.tok(i)?;
        let (hour, minute, end) = match tok.lower.as_str() {
            "noon" | "midday" if self.w(i.wrapping_sub(1)) != "high" => (12, 0, i + 1),
            "midnight" => (24, 0, i + 1),
            _ if tok.kind == Kind::Number => {
                let (h, m) = match tok.lower.split_once(':') {
                    Some((h, m)) => (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?),
                    None => (tok.lower.parse::<u32>().ok()?, 0),
                };
                if h > 24 || m > 59 {
                    return None;
                }
                match self.w(i + 1) {
                    "a.m." | "am" => (if h == 12 { 0 } else { h }, m, i + 2),
                    "p.m." | "pm" => (if h < 12 { h + 12 } else { h }, m, i + 2),
                    "o'clock" => (h, m, i + 2),
                    _ if tok.lower.contains(':') && h <= 23 => (h, m, i + 1),
                    _ => return None,
                }
            }
            _ => return None,
        };
        let mut end = end;
        if TIME_ZONES.contains(&self.w(end)) {
            end += 1;
        }
        // A day right after: "6 a.m. Friday", "noon today", "5 p.m. EST, Nov. 6".
        let day_at = if matches!(self.w(end), "on" | ",") {
            end + 1
        } else {
            end
        };
        let mut m = match self.core_day(day_at) {
            Some(day) => Match::new(day.end, TimexType::Time, day.val),
            None => Match::new(end, TimexType::Time, self.rel(Unit::Day, 0)),
        };
        if self.anchor.is_none() && m.val == Val::Fixed("PRESENT_REF".into()) {
            m.val = Val::Fixed("XXXX-XX-XX".into());
        }
        m.time = Some((hour, minute));
        Some(m)
    }

    /// A day word, a weekday or a month and day at `i` (for clock times).
    fn core_day(&self, i: usize) -> Option<Match> {
        if self
            .tok(i)
            .and_then(weekday_of)
            .is_some_and(|(_, plural)| !plural)
        {
            return self.weekday(i);
        }
        if self.tok(i).and_then(month_of).is_some() {
            return self.month_date(i).filter(|m| {
                matches!(m.val, Val::MonthDay(..))
                    || matches!(&m.val, Val::Fixed(v) if v.len() == 10)
            });
        }
        let shift = day_word(self.w(i))?;
        Some(Match::new(
            i + 1,
            TimexType::Date,
            self.rel(Unit::Day, shift),
        ))
    }

    /// Expressions that start with a number: years, decades, "two years ago", "16-hour".
    fn number_led(&self, i: usize) -> Option<Match> {
        let tok = self.tok(i)?;
        let before = i.checked_sub(1).map_or("", |p| self.w(p));
        // Decades: "1990s", "the 1990s".
        if tok.lower.len() == 5 && tok.lower.ends_with("0s") {
            let decade = &tok.lower[..3];
            if decade.bytes().all(|b| b.is_ascii_digit()) {
                return Some(Match::fixed(i + 1, TimexType::Date, decade.to_string()));
            }
        }
        // "the 20th century"
        if self.w(i + 1) == "century" {
            let n = tok
                .lower
                .trim_end_matches(|c: char| c.is_ascii_alphabetic())
                .parse::<u32>()
                .ok()
                .filter(|n| (1..=30).contains(n))?;
            if tok.lower.len() > 2 && !tok.lower.ends_with(|c: char| c.is_ascii_digit()) {
                return Some(Match::fixed(
                    i + 2,
                    TimexType::Date,
                    format!("{:02}", n - 1),
                ));
            }
        }
        if let Some(year) = year_number(tok) {
            let after = self.w(i + 1);
            // "the 1988 third quarter"
            if let Some(q) = ordinal_word(after).filter(|q| *q <= 4) {
                let j = if self.w(i + 2) == "-" { i + 3 } else { i + 2 };
                if self.w(j) == "quarter" {
                    return Some(Match::fixed(
                        j + 1,
                        TimexType::Date,
                        format!("{year:04}-Q{q}"),
                    ));
                }
            }
            let unit_follows = unit_of(after).is_some();
            let money =
                matches!(before, "$" | "€" | "£" | "¥" | "no." | "#") || before.ends_with('$');
            let quantity = COUNTED.contains(&after);
            let in_a_list = before == ","
                && self
                    .tok(i.wrapping_sub(2))
                    .is_some_and(|t| t.kind == Kind::Number);
            if !(unit_follows || money || quantity || in_a_list) {
                return Some(Match::fixed(i + 1, TimexType::Date, format!("{year:04}")));
            }
        }
        let n = if tok.lower.bytes().all(|b| b.is_ascii_digit()) && tok.lower.len() <= 6 {
            tok.lower.parse::<u32>().ok()
        } else {
            None
        }?;
        self.count_units(i, Some(n))
    }

    /// "two years", "two years ago", "two-year", "a year earlier", "two to three weeks".
    fn count_units(&self, i: usize, n: Option<u32>) -> Option<Match> {
        let mut j = i + 1;
        let mut n = n;
        // "twenty-five", "a few", "a couple of", "one and a half"
        if self.w(j) == "-" && number_word(self.w(j + 1)).is_some_and(|d| d < 10) {
            n = n.zip(number_word(self.w(j + 1))).map(|(a, b)| a + b);
            j += 2;
        }
        if matches!(self.w(j), "to" | "or")
            && (number_word(self.w(j + 1)).is_some()
                || self.tok(j + 1).is_some_and(|t| t.kind == Kind::Number))
        {
            n = None;
            j += 2;
        }
        // "2 1/2 years"
        let half = n.is_some() && self.w(j) == "1" && self.w(j + 1) == "/" && self.w(j + 2) == "2";
        if half {
            j += 3;
        }
        let hyphen = self.w(j) == "-";
        if hyphen {
            j += 1;
        }
        let (unit, _) = unit_of(self.w(j))?;
        if half {
            return Some(Match::fixed(
                j + 1,
                TimexType::Duration,
                unit.and_a_half(n?).unwrap_or_else(|| unit.duration(n)),
            ));
        }
        // "a minute and a half"
        if matches!(self.w(j + 1), "and") && self.w(j + 2) == "a" && self.w(j + 3) == "half" {
            if let Some(value) = n.and_then(|n| unit.and_a_half(n)) {
                return Some(Match::fixed(j + 4, TimexType::Duration, value));
            }
        }
        j += 1;
        // "52 years old": an age, not a time expression.
        if !hyphen && self.w(j) == "old" {
            return None;
        }
        // "$1.76 a year", "700 seats a week", "24 hours a day": a rate, not a time expression.
        if matches!(self.w(i), "a" | "per")
            && self.is_rate_before(i)
            && !matches!(
                self.w(j),
                "ago" | "earlier" | "later" | "before" | "after" | "from" | "hence" | "-"
            )
        {
            return None;
        }
        if hyphen {
            // "two-year", "16-hour": adjectival durations; "year-ago" handled elsewhere.
            // "a 6-year-old": an age, not a time expression.
            if matches!(self.w(j), "-") && self.w(j + 1) == "old" {
                return None;
            }
            if matches!(self.w(j), "-") && self.w(j + 1) == "long" {
                j += 2;
            }
            return Some(Match::fixed(j, TimexType::Duration, unit.duration(n)));
        }
        match self.w(j) {
            "ago" | "earlier" | "before" if self.w(j) == "ago" || !self.after_reference(j + 1) => {
                let k = n.map_or(1, i64::from);
                return Some(Match::new(j + 1, TimexType::Date, self.rel(unit, -k)));
            }
            "later" | "hence" if !self.after_reference(j + 1) => {
                let k = n.map_or(1, i64::from);
                return Some(Match::new(j + 1, TimexType::Date, self.rel(unit, k)));
            }
            "from" if self.w(j + 1) == "now" => {
                let k = n.map_or(1, i64::from);
                return Some(Match::new(j + 2, TimexType::Date, self.rel(unit, k)));
            }
            _ => {}
        }
        if matches!(self.w(j), "a" | "per") && unit_of(self.w(j + 1)).is_some() {
            // "twice a day" is a set; "three times a week" too.
            return None;
        }
        Some(Match::fixed(j, TimexType::Duration, unit.duration(n)))
    }

    /// True when the token before `i` is an amount that "a week" or "a year" makes a rate of.
    fn is_rate_before(&self, i: usize) -> bool {
        let Some(before) = i.checked_sub(1).and_then(|p| self.tok(p)) else {
            return false;
        };
        before.kind == Kind::Number
            || RATE_AMOUNTS.contains(&before.lower.as_str())
            || unit_of(&before.lower).is_some_and(|(_, plural)| plural)
    }

    /// True when a time follows (as in "two days before the vote"): then "before"/"after" do
    /// not anchor to the publication date.
    fn after_reference(&self, j: usize) -> bool {
        matches!(
            self.w(j),
            "the" | "his" | "her" | "their" | "its" | "a" | "an"
        ) || self.tok(j).is_some_and(Token::is_capitalized)
    }

    fn word_led(&self, i: usize) -> Option<Match> {
        let w = self.w(i);
        let next = self.w(i + 1);
        let date = |end: usize, value: &str| Some(Match::fixed(end, TimexType::Date, value));
        match w {
            // "today's youth": the present age, not the day.
            "today"
                if self.tok(i + 1).is_some_and(|t| t.kind == Kind::Possessive)
                    && AGE_NOUNS.contains(&self.w(i + 2)) =>
            {
                return None
            }
            "today" | "tonight" | "yesterday" | "tomorrow" => {
                // "tonight" is today's night.
                let day = self.rel(Unit::Day, day_word(w).unwrap_or(0));
                if w == "tonight" {
                    return Some(Match::new(i + 1, TimexType::Time, with_part(day, "NI")));
                }
                if let Some(part) = part_of_day(next) {
                    return Some(Match::new(i + 2, TimexType::Time, with_part(day, part)));
                }
                return Some(Match::new(i + 1, TimexType::Date, day));
            }
            w if NOW.contains(&w) => return date(i + 1, "PRESENT_REF"),
            "current" if !matches!(next, "account" | "accounts" | "affairs") => {
                return date(i + 1, "PRESENT_REF")
            }
            "right" if next == "now" => return date(i + 2, "PRESENT_REF"),
            "at" if next == "present" => return date(i + 2, "PRESENT_REF"),
            "these" if next == "days" => return date(i + 2, "PRESENT_REF"),
            // "previously", "soon", a bare "recent" or "future" are too often no time expression.
            "recently" | "lately" => return date(i + 1, "PAST_REF"),
            "recent" => {
                // "in recent years": an unspecified stretch up to now.
                let (unit, plural) = unit_of(next)?;
                return plural
                    .then(|| Match::fixed(i + 2, TimexType::Duration, unit.duration(None)));
            }
            // "in the future", not "a rational approach to the future".
            "future"
                if self.w(i.wrapping_sub(1)) == "the"
                    && matches!(self.w(i.wrapping_sub(2)), "in" | "into" | "about") =>
            {
                return date(i + 1, "FUTURE_REF")
            }
            "that" | "same" => {
                // "that day", "that year", "the same day": the time mentioned last.
                let same = w == "same" && self.w(i.wrapping_sub(1)) == "the";
                let (unit, plural) = unit_of(next)?;
                return (!plural
                    && (w == "that" || same)
                    && !matches!(unit, Unit::Second | Unit::Minute | Unit::Hour))
                .then(|| Match::new(i + 2, TimexType::Date, Val::Anaphor(unit, 0)));
            }
            // "the day after his death": the day next to the one mentioned last; the event
            // named after it is not part of the expression.
            "day" if self.w(i.wrapping_sub(1)) == "the" && matches!(next, "before" | "after") => {
                let end = if self.after_reference(i + 2) {
                    i + 1
                } else {
                    i + 2
                };
                let n = if next == "before" { -1 } else { 1 };
                return Some(Match::new(end, TimexType::Date, Val::Anaphor(Unit::Day, n)));
            }
            "near" if next == "future" => return date(i + 2, "FUTURE_REF"),
            "present" if next == "day" => return date(i + 2, "PRESENT_REF"),
            w if recurrence_word(w).is_some() => {
                return recurrence_word(w).map(|value| Match::fixed(i + 1, TimexType::Set, value))
            }
            "year" if next == "-" && matches!(self.w(i + 2), "ago" | "earlier") => {
                return Some(Match::new(i + 3, TimexType::Date, self.rel(Unit::Year, -1)))
            }
            "year" if matches!((next, self.w(i + 2)), ("-" | "'s", "end") | ("end", _)) => {
                // "by year-end": the last day of this year; "since year-end", of the last one.
                let end = if next == "end" { i + 2 } else { i + 3 };
                let since = self.w(i.wrapping_sub(1)) == "since";
                let value = self.anchor.map_or_else(
                    || "XXXX-12-31".to_string(),
                    |a| format!("{:04}-12-31", a.year() - i16::from(since)),
                );
                return date(end, &value);
            }
            "every" | "each" => return self.set(i),
            _ if self.holiday(i).is_some() => return self.holiday(i),
            _ => {}
        }
        if w == "past"
            && self
                .tok(i.wrapping_sub(1))
                .is_some_and(|t| t.lower == "the")
            && unit_of(next).is_none()
            && number_word(next).is_none()
            && !self.tok(i + 1).is_some_and(|t| t.kind == Kind::Number)
        {
            return date(i + 1, "PAST_REF");
        }
        // "this/last/next/past/coming + unit, season, month or weekday"
        if let Some(shift) = step_word(w) {
            return self.relative(i, shift);
        }
        // Quarters: "third quarter", "third-quarter", "the quarter"; halves: "first half".
        if let Some(q) = ordinal_word(w).filter(|q| *q <= 4) {
            let j = if next == "-" { i + 2 } else { i + 1 };
            match self.w(j) {
                "quarter" => {
                    // "the third quarter of 1990"
                    let of = usize::from(self.w(j + 1) == "of");
                    if let Some(year) = self.tok(j + 1 + of).and_then(year_number) {
                        return date(j + 2 + of, &format!("{year:04}-Q{q}"));
                    }
                    return Some(Match::new(j + 1, TimexType::Date, Val::Quarter(Some(q))));
                }
                "half" if q <= 2 => {
                    let value = self
                        .anchor
                        .map_or_else(|| format!("XXXX-H{q}"), |a| format!("{:04}-H{q}", a.year()));
                    return date(j + 1, &value);
                }
                _ => {}
            }
            // "the first nine months"
            if let Some(n) = number_word(self.w(i + 1)) {
                return self
                    .count_units(i + 1, Some(n))
                    .filter(|m| m.timex_type == TimexType::Duration);
            }
        }
        let after_the = self
            .tok(i.wrapping_sub(1))
            .is_some_and(|t| t.lower == "the");
        if w == "quarter" && after_the {
            return Some(Match::new(i + 1, TimexType::Date, Val::Quarter(None)));
        }
        if after_the
            && matches!(w, "latest" | "fiscal" | "full")
            && matches!(self.w(i + 1), "quarter")
            || (after_the && w == "latest" && next == "period")
        {
            return Some(Match::new(i + 2, TimexType::Date, Val::Quarter(None)));
        }
        if after_the && matches!(w, "fiscal" | "full") && self.w(i + 1) == "year" {
            return Some(Match::new(i + 2, TimexType::Date, self.rel(Unit::Year, 0)));
        }
        if after_the && w == "year" {
            // "the year two thousand"
            if let Some((year, end)) = self.spelled_year(i + 1, true) {
                return date(end, &format!("{year:04}"));
            }
        }
        if after_the && matches!(w, "year" | "fiscal") {
            // "for the year ended March 31": a reporting period, a year long.
            let k = if w == "fiscal" { i + 2 } else { i + 1 };
            if (w == "year" || self.w(i + 1) == "year") && matches!(self.w(k), "ended" | "ending") {
                return Some(Match::fixed(k, TimexType::Duration, "P1Y"));
            }
        }
        if after_the && w == "year" && !AFTER_ANOTHER_YEAR.contains(&next) {
            return Some(Match::new(i + 1, TimexType::Date, self.rel(Unit::Year, 0)));
        }
        if w == "weekend"
            && self
                .tok(i.wrapping_sub(1))
                .is_some_and(|t| t.lower == "the")
        {
            return Some(Match::new(i + 1, TimexType::Date, Val::Weekend));
        }
        // "the nineties"
        if let Some(d) = decade_word(w).filter(|_| {
            matches!(
                self.w(i.wrapping_sub(1)),
                "the" | "early" | "late" | "mid" | "-"
            )
        }) {
            return date(i + 1, &format!("19{d}"));
        }
        // "the summer", "in winter", "the winter of 1994"
        if let Some(season) = season_of(w) {
            let before = self.w(i.wrapping_sub(1));
            let of = usize::from(next == "of");
            if let Some((year, end)) = self.year_at(i + 1 + of) {
                return date(end, &format!("{year:04}-{season}"));
            }
            if matches!(
                before,
                "the" | "in" | "during" | "early" | "late" | "mid" | "-"
            ) && next != "'s"
            {
                return Some(Match::new(i + 1, TimexType::Date, Val::Season(season)));
            }
        }
        // Plural units alone, in a temporal frame: "in decades", "for years", "several months".
        if let Some((unit, plural)) = unit_of(w) {
            let before = i.checked_sub(1).map_or("", |p| self.w(p));
            let quantifier = QUANTIFIERS.contains(&before);
            if plural && (quantifier || DURATION_FRAMES.contains(&before)) {
                if next == "ago" {
                    return date(i + 2, "PAST_REF");
                }
                if !matches!(next, "of" | "'" | "old") || before == "in" {
                    return Some(Match::fixed(
                        i + 1,
                        TimexType::Duration,
                        unit.duration(None),
                    ));
                }
            }
        }
        if matches!(w, "few" | "several" | "many" | "couple") {
            let j = if self.w(i + 1) == "of" { i + 2 } else { i + 1 };
            if let Some((unit, true)) = unit_of(self.w(j)) {
                if self.w(j + 1) == "ago" {
                    return date(j + 2, "PAST_REF");
                }
                let n = if w == "couple" { Some(2) } else { None };
                return Some(Match::fixed(j + 1, TimexType::Duration, unit.duration(n)));
            }
        }
        None
    }

    /// After "this/last/next/past/coming" at `i`.
    fn relative(&self, i: usize, shift: i64) -> Option<Match> {
        let j = i + 1;
        let next = self.w(j);
        let w = self.w(i);
        // "the past two years", "the next three months": durations.
        if matches!(
            w,
            "past" | "last" | "next" | "coming" | "previous" | "following"
        ) {
            if let Some(n) = number_word(next)
                .filter(|_| next != "a" && next != "an")
                .or_else(|| {
                    self.tok(j)
                        .filter(|t| t.kind == Kind::Number && t.lower.len() <= 4)
                        .and_then(|t| t.lower.parse().ok())
                })
            {
                return self
                    .count_units(j, Some(n))
                    .filter(|m| m.timex_type == TimexType::Duration);
            }
            if matches!(next, "few" | "several" | "many") {
                if let Some((unit, true)) = unit_of(self.w(j + 1)) {
                    return Some(Match::fixed(
                        j + 2,
                        TimexType::Duration,
                        unit.duration(None),
                    ));
                }
            }
        }
        if let Some((unit, plural)) = unit_of(next) {
            if plural {
                return Some(Match::fixed(
                    j + 1,
                    TimexType::Duration,
                    unit.duration(None),
                ));
            }
            // "the following year", "the next day", "the previous month": counted from the time
            // mentioned last.
            let the = self.w(i.wrapping_sub(1)) == "the";
            if the
                && matches!(w, "following" | "next" | "previous" | "preceding")
                && matches!(unit, Unit::Day | Unit::Week | Unit::Month | Unit::Year)
            {
                return Some(Match::new(
                    j + 1,
                    TimexType::Date,
                    Val::Anaphor(unit, shift),
                ));
            }
            if w == "past"
                || (w == "previous"
                    && self
                        .tok(i.wrapping_sub(1))
                        .is_some_and(|t| t.lower == "the"))
            {
                // "the past year": the year up to now.
                if self
                    .tok(i.wrapping_sub(1))
                    .is_some_and(|t| t.lower == "the")
                {
                    return Some(Match::fixed(
                        j + 1,
                        TimexType::Duration,
                        unit.duration(Some(1)),
                    ));
                }
            }
            if unit == Unit::Quarter {
                let val = match self.anchor {
                    Some(a) => Val::Fixed(shift_fn(a, Unit::Quarter, shift)),
                    None => Val::Quarter(None),
                };
                return Some(Match::new(j + 1, TimexType::Date, val));
            }
            return Some(Match::new(j + 1, TimexType::Date, self.rel(unit, shift)));
        }
        if let Some(season) = season_of(next) {
            let value = match self.anchor {
                Some(a) => {
                    let start = match season {
                        "SP" => 3,
                        "SU" => 6,
                        "FA" => 9,
                        _ => 12,
                    };
                    let month = i64::from(a.month());
                    let year = i64::from(a.year());
                    let y = match shift {
                        0 => year,
                        s if s < 0 => {
                            if start >= month {
                                year - 1
                            } else {
                                year
                            }
                        }
                        _ => {
                            if start <= month {
                                year + 1
                            } else {
                                year
                            }
                        }
                    };
                    format!("{y:04}-{season}")
                }
                None => format!("XXXX-{season}"),
            };
            return Some(Match::fixed(j + 1, TimexType::Date, value));
        }
        if let Some(month) = self.tok(j).and_then(month_of) {
            let value = match self.anchor {
                Some(a) => {
                    let (year, now) = (i64::from(a.year()), i64::from(a.month()));
                    let m = i64::from(month);
                    let y = match shift {
                        0 => year,
                        s if s < 0 => {
                            if m < now {
                                year
                            } else {
                                year - 1
                            }
                        }
                        _ => {
                            if m > now {
                                year
                            } else {
                                year + 1
                            }
                        }
                    };
                    format!("{y:04}-{m:02}")
                }
                None => format!("XXXX-{month:02}"),
            };
            return Some(Match::fixed(j + 1, TimexType::Date, value));
        }
        if let Some((day, false)) = self.tok(j).and_then(weekday_of) {
            let part = part_of_day(self.w(j + 1));
            let end = j + 1 + usize::from(part.is_some());
            let ttype = if part.is_some() {
                TimexType::Time
            } else {
                TimexType::Date
            };
            let value = match self.anchor {
                Some(a) => {
                    let today = i64::from(a.weekday().to_monday_one_offset());
                    let d = i64::from(day);
                    let offset = match shift {
                        0 => d - today,
                        s if s < 0 => -((today - d - 1).rem_euclid(7) + 1),
                        _ => (d - today - 1).rem_euclid(7) + 1,
                    };
                    let date = shift_days(a, offset).map_or_else(String::new, format_date);
                    match part {
                        Some(p) if !date.is_empty() => format!("{date}T{p}"),
                        _ => date,
                    }
                }
                None => format!("XXXX-WXX-{day}"),
            };
            return Some(Match::fixed(end, ttype, value));
        }
        if w == "this" || w == "last" {
            if let Some(part) = part_of_day(next) {
                let day = self.rel(Unit::Day, if w == "last" { -1 } else { 0 });
                return Some(Match::new(j + 1, TimexType::Time, with_part(day, part)));
            }
        }
        None
    }

    /// "every day", "each Thursday", "every winter".
    fn set(&self, i: usize) -> Option<Match> {
        let j = i + 1;
        if let Some((unit, false)) = unit_of(self.w(j)) {
            return Some(Match::fixed(j + 1, TimexType::Set, unit.duration(Some(1))));
        }
        if let Some((day, _)) = self.tok(j).and_then(weekday_of) {
            return Some(Match::fixed(
                j + 1,
                TimexType::Set,
                format!("XXXX-WXX-{day}"),
            ));
        }
        if let Some(season) = season_of(self.w(j)) {
            return Some(Match::fixed(
                j + 1,
                TimexType::Set,
                format!("XXXX-{season}"),
            ));
        }
        if let Some(part) = part_of_day(self.w(j)) {
            return Some(Match::fixed(
                j + 1,
                TimexType::Set,
                format!("XXXX-XX-XXT{part}"),
            ));
        }
        if let Some(month) = self.tok(j).and_then(month_of) {
            return Some(Match::fixed(
                j + 1,
                TimexType::Set,
                format!("XXXX-{month:02}"),
            ));
        }
        None
    }

    /// "Christmas Eve", "Thanksgiving Day", "New Year's Day 1999".
    fn holiday(&self, i: usize) -> Option<Match> {
        let name = HOLIDAYS.iter().find(|name| {
            (0..name.words.len()).all(|k| self.w(i + k) == name.words[k])
                && (i..i + name.capitals).all(|k| tok_cap(self.tok(k)))
        })?;
        let mut end = i + name.words.len();
        let val = match name.date {
            HolidayDate::Moving(holiday) => Val::Holiday(holiday),
            HolidayDate::Fixed(month, day) => {
                // The year is part of the expression, though the tense places the date.
                if self.tok(end).and_then(year_number).is_some() {
                    end += 1;
                }
                Val::MonthDay(month, day)
            }
        };
        Some(Match::new(end, TimexType::Date, val))
    }
}

fn tok_cap(token: Option<&Token>) -> bool {
    token.is_some_and(Token::is_capitalized)
}

fn shift_fn(anchor: Date, unit: Unit, n: i64) -> String {
    shift(anchor, unit, n).unwrap_or_default()
}

fn with_part(day: Val, part: &str) -> Val {
    match day {
        Val::Fixed(v) if v.len() == 10 => Val::Fixed(format!("{v}T{part}")),
        other => other,
    }
}

#[cfg(test)]
mod tests;

//! Expressions that start with a word other than a calendar name: deictic days ("today"),
//! references ("now", "recently"), anaphora ("that day"), recurrences ("every Monday"), steps
//! from the present ("last week", "next March"), quarters, years, seasons and vague durations
//! ("for years").

use dateline_format::article::TimexType;

use super::{day_number, names_a_day, part_of, relative, year_number, Match, Matcher};
use crate::analysis::segment::Kind;
use crate::analysis::timex::tense::Tense;
use crate::analysis::timex::value::{Unit, Value, Which};
use crate::analysis::timex::words::{
    day_word, decade_word, month_of, number_word, ordinal_word, part_of_day, recurrence_word,
    season_of, step_word, unit_of, weekday_of, AFTER_ANOTHER_YEAR, AGE_NOUNS, DURATION_FRAMES, NOW,
    QUANTIFIERS,
};

impl Matcher<'_> {
    /// An expression led by a word at `i`. A word belongs to one family of patterns; a family
    /// that finds nothing leaves the word to the next ("current account" is no reference to
    /// the present, but may step: "current quarter").
    pub(super) fn word_led(&self, i: usize) -> Option<Match> {
        self.deictic_day(i)
            .or_else(|| self.modified_part_of_day(i))
            .or_else(|| self.reference(i))
            .or_else(|| self.anaphoric(i))
            .or_else(|| self.recurrence(i))
            .or_else(|| self.year_word(i))
            .or_else(|| self.holiday(i))
            .or_else(|| self.half_year(i))
            .or_else(|| step_word(self.w(i)).and_then(|step| self.step(i, step)))
            .or_else(|| self.quarter_or_half(i))
            .or_else(|| self.the_year(i))
            .or_else(|| self.period_name(i))
            .or_else(|| self.vague_duration(i))
    }

    /// "today", "tonight", "yesterday", "tomorrow", and with a part of the day: "tomorrow
    /// morning".
    fn deictic_day(&self, i: usize) -> Option<Match> {
        let w = self.w(i);
        // "tonight" is today's night.
        let offset = if w == "tonight" { 0 } else { day_word(w)? };
        // "today's youth": the present age, not the day.
        if w == "today"
            && self.tok(i + 1).is_some_and(|t| t.kind == Kind::Possessive)
            && AGE_NOUNS.contains(&self.w(i + 2))
        {
            return None;
        }
        let day = relative(Unit::Day, offset);
        if w == "tonight" {
            return Some(Match::new(i + 1, TimexType::Time, part_of(day, "NI")));
        }
        if let Some(part) = part_of_day(self.w(i + 1)) {
            return Some(Match::new(i + 2, TimexType::Time, part_of(day, part)));
        }
        Some(Match::new(i + 1, TimexType::Date, day))
    }

    /// A part of a day after "mid", "early" or "late": "mid-afternoon yesterday", "late
    /// evening Friday", "by mid afternoon" (the day told last, or the publication date). "early
    /// morning" alone is too often no particular morning ("early morning raids").
    fn modified_part_of_day(&self, i: usize) -> Option<Match> {
        let part = part_of_day(self.w(i))?;
        let modifier = match self.w_before(i) {
            "-" => self.w(i.wrapping_sub(2)),
            w => w,
        };
        let day = if let Some(offset) = day_word(self.w(i + 1)) {
            Some((relative(Unit::Day, offset), i + 2))
        } else {
            self.tok(i + 1)
                .and_then(weekday_of)
                .filter(|(_, plural)| !plural)
                .map(|(day, _)| {
                    let which = Which::ByTense;
                    (Value::Weekday { day, which }, i + 2)
                })
        };
        let (day, end) = match (modifier, day) {
            ("mid" | "early" | "late", Some(day)) => day,
            ("mid", None) => {
                let that_day = Value::Anaphoric {
                    unit: Unit::Day,
                    offset: 0,
                };
                (that_day, i + 1)
            }
            _ => return None,
        };
        Some(Match::new(end, TimexType::Time, part_of(day, part)))
    }

    /// The present, the past or the future as a whole: "now", "recently", "in the future".
    fn reference(&self, i: usize) -> Option<Match> {
        let (w, next) = (self.w(i), self.w(i + 1));
        let (end, value) = match w {
            w if NOW.contains(&w) => (i + 1, "PRESENT_REF"),
            // "the current quarter", "the current fiscal year" step from the present instead.
            "current"
                if !matches!(next, "account" | "accounts" | "affairs" | "fiscal")
                    && unit_of(next).is_none() =>
            {
                (i + 1, "PRESENT_REF")
            }
            // "the then current price": the present of a past time.
            "then" if next == "current" => (i + 2, "PAST_REF"),
            "right" if next == "now" => (i + 2, "PRESENT_REF"),
            "at" if next == "present" => (i + 2, "PRESENT_REF"),
            "these" if next == "days" => (i + 2, "PRESENT_REF"),
            "present" if next == "day" => (i + 2, "PRESENT_REF"),
            // "previously", "soon", a bare "recent" or "future" are too often no time expression.
            "recently" | "lately" => (i + 1, "PAST_REF"),
            // "the past", but not "the past two years" or "the past few weeks".
            "past"
                if self.w_before(i) == "the"
                    && unit_of(next).is_none()
                    && number_word(next).is_none()
                    && !matches!(next, "few" | "several" | "many" | "couple")
                    && !self.tok(i + 1).is_some_and(|t| t.kind == Kind::Number) =>
            {
                (i + 1, "PAST_REF")
            }
            // "in the future", not "a rational approach to the future".
            "future"
                if self.w_before(i) == "the"
                    && matches!(self.w(i.wrapping_sub(2)), "in" | "into" | "about") =>
            {
                (i + 1, "FUTURE_REF")
            }
            "near" if next == "future" => (i + 2, "FUTURE_REF"),
            // "in the near term", "for the short term", "at a later date": a future not placed.
            "near" if next == "term" && self.w_before(i) == "the" => (i + 2, "FUTURE_REF"),
            "short" | "long"
                if next == "term"
                    && self.w_before(i) == "the"
                    && matches!(self.w(i.wrapping_sub(2)), "in" | "for" | "over") =>
            {
                (i + 2, "FUTURE_REF")
            }
            "a" if next == "later" && self.w(i + 2) == "date" => (i + 3, "FUTURE_REF"),
            _ => return None,
        };
        Some(Match::literal(end, TimexType::Date, value))
    }

    /// "one day" after a modal or a subject ("Islam will one day be", "he one day follows"):
    /// some day to come, not a day long.
    pub(super) fn some_day(&self, i: usize) -> Option<Match> {
        let before = self.w_before(i);
        let subject_or_modal = matches!(
            before,
            "will"
                | "would"
                | "could"
                | "may"
                | "might"
                | "can"
                | "should"
                | "i"
                | "we"
                | "you"
                | "he"
                | "she"
                | "they"
        );
        (self.w(i) == "one" && self.w(i + 1) == "day" && subject_or_modal)
            .then(|| Match::literal(i + 2, TimexType::Date, "FUTURE_REF"))
    }

    /// "that day", "the same year", "the day after": times counted from the one mentioned last.
    fn anaphoric(&self, i: usize) -> Option<Match> {
        let (w, next) = (self.w(i), self.w(i + 1));
        match w {
            "that" | "same" => {
                let same = w == "same" && self.w_before(i) == "the";
                let (unit, plural) = unit_of(next)?;
                let value = Value::Anaphoric { unit, offset: 0 };
                (!plural
                    && (w == "that" || same)
                    && !matches!(unit, Unit::Second | Unit::Minute | Unit::Hour))
                .then(|| Match::new(i + 2, TimexType::Date, value))
            }
            // "the day after his death": the day next to the one mentioned last; the event
            // named after it is not part of the expression.
            "day" if self.w_before(i) == "the" && matches!(next, "before" | "after") => {
                let days = if next == "before" { -1 } else { 1 };
                // "the day before last Tuesday", "the day after Christmas": a day from a day.
                if let Some(m) = self.core(i + 2).filter(|m| names_a_day(&m.value)) {
                    let value = Value::DayShift {
                        day: Box::new(m.value),
                        days,
                    };
                    let mut shifted = Match::new(m.end, TimexType::Date, value);
                    shifted.tense = m.tense;
                    return Some(shifted);
                }
                // "the day before returning", "the day before authorities acted": a clause
                // follows, and TimeBank marks no time.
                let clause_follows = self.tok(i + 2).is_some_and(|t| t.kind == Kind::Word);
                let end = if self.after_reference(i + 2) {
                    i + 1
                } else if clause_follows {
                    return None;
                } else {
                    i + 2
                };
                let value = Value::Anaphoric {
                    unit: Unit::Day,
                    offset: days,
                };
                Some(Match::new(end, TimexType::Date, value))
            }
            _ => None,
        }
    }

    /// "daily", "every day", "each Thursday", "every winter".
    fn recurrence(&self, i: usize) -> Option<Match> {
        let w = self.w(i);
        if let Some(value) = recurrence_word(w) {
            return Some(Match::literal(i + 1, TimexType::Set, value));
        }
        if !matches!(w, "every" | "each") {
            return None;
        }
        let j = i + 1;
        let value = if let Some((unit, false)) = unit_of(self.w(j)) {
            unit.duration(Some(1))
        } else if let Some((day, _)) = self.tok(j).and_then(weekday_of) {
            format!("XXXX-WXX-{day}")
        } else if let Some(season) = season_of(self.w(j)) {
            format!("XXXX-{}", season.code())
        } else if let Some(part) = part_of_day(self.w(j)) {
            format!("XXXX-XX-XXT{part}")
        } else {
            let month = self.tok(j).and_then(month_of)?;
            format!("XXXX-{month:02}")
        };
        Some(Match::literal(j + 1, TimexType::Set, value))
    }

    /// "year-ago", "year-earlier", "year-end".
    fn year_word(&self, i: usize) -> Option<Match> {
        if self.w(i) != "year" {
            return None;
        }
        let (next, after) = (self.w(i + 1), self.w(i + 2));
        if next == "-" && matches!(after, "ago" | "earlier") {
            let year_ago = Match::new(i + 3, TimexType::Date, relative(Unit::Year, -1));
            return Some(self.quarter_of(year_ago, -1));
        }
        if matches!((next, after), ("-" | "'s", "end") | ("end", _)) {
            // "by year-end": the last day of this year; "since year-end", of the last one.
            let end = if next == "end" { i + 2 } else { i + 3 };
            let previous = self.w_before(i) == "since";
            return Some(Match::new(
                end,
                TimexType::Date,
                Value::YearEnd { previous },
            ));
        }
        None
    }

    /// After "this/last/next/past/coming" at `i`, which take a `step` from the present one:
    /// "last week", "next March", "this Friday", "the past two years".
    fn step(&self, i: usize, step: i64) -> Option<Match> {
        // "the current fiscal year", "last fiscal year": the fiscal year is the year.
        let fiscal = self.w(i + 1) == "fiscal" && unit_of(self.w(i + 2)).is_some();
        if fiscal {
            let (unit, plural) = unit_of(self.w(i + 2))?;
            let mut m = self.step_unit(i, unit, plural, step);
            m.end += 1;
            return Some(m);
        }
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
                    let value = unit.duration(None);
                    return Some(Match::literal(j + 2, TimexType::Duration, value));
                }
            }
        }
        if let Some((unit, plural)) = unit_of(next) {
            return Some(self.step_unit(i, unit, plural, step));
        }
        let which = Which::from_step(step);
        if let Some(season) = season_of(next) {
            let value = Value::Season { season, which };
            return Some(Match::new(j + 1, TimexType::Date, value));
        }
        if let Some(month) = self.tok(j).and_then(month_of) {
            // "last Oct. 23": the day in the last October, "next June 5" in the next June.
            if let Some(day) = self.tok(j + 1).and_then(day_number) {
                let mut m = Match::new(j + 2, TimexType::Date, Value::MonthDay { month, day });
                m.tense = match which {
                    Which::Last => Some(Tense::Past),
                    Which::Next => Some(Tense::Future),
                    _ => None,
                };
                return Some(m);
            }
            let value = Value::Month { month, which };
            return Some(Match::new(j + 1, TimexType::Date, value));
        }
        if let Some((day, false)) = self.tok(j).and_then(weekday_of) {
            // "the previous Friday", "the following Monday": counted from the day told last.
            let anaphoric = self.w_before(i) == "the"
                && matches!(w, "previous" | "preceding" | "following")
                && part_of_day(self.w(j + 1)).is_none();
            if anaphoric {
                let value = Value::AnaphoricWeekday { day, which };
                return Some(Match::new(j + 1, TimexType::Date, value));
            }
            // "last Friday night"
            let day = Value::Weekday { day, which };
            return Some(match part_of_day(self.w(j + 1)) {
                Some(part) => Match::new(j + 2, TimexType::Time, part_of(day, part)),
                None => Match::new(j + 1, TimexType::Date, day),
            });
        }
        if w == "this" || w == "last" {
            if let Some(part) = part_of_day(next) {
                let day = relative(Unit::Day, if w == "last" { -1 } else { 0 });
                return Some(Match::new(j + 1, TimexType::Time, part_of(day, part)));
            }
        }
        None
    }

    /// A step word at `i` before a `unit`: "last week", "the following year", "the past year".
    fn step_unit(&self, i: usize, unit: Unit, plural: bool, step: i64) -> Match {
        let (w, end) = (self.w(i), i + 2);
        if plural {
            return Match::literal(end, TimexType::Duration, unit.duration(None));
        }
        let the = self.w_before(i) == "the";
        // "the following year", "the next day", "the previous month": counted from the time
        // mentioned last.
        if the
            && matches!(w, "following" | "next" | "previous" | "preceding")
            && matches!(unit, Unit::Day | Unit::Week | Unit::Month | Unit::Year)
        {
            let value = Value::Anaphoric { unit, offset: step };
            return Match::new(end, TimexType::Date, value);
        }
        // "the past year": the year up to now.
        if the && matches!(w, "past" | "previous") {
            return Match::literal(end, TimexType::Duration, unit.duration(Some(1)));
        }
        if unit == Unit::Quarter {
            let value = Value::Quarter(Which::from_step(step));
            return Match::new(end, TimexType::Date, value);
        }
        let m = Match::new(end, TimexType::Date, relative(unit, step));
        // "next year's first quarter", "last year's quarter"
        if unit == Unit::Year && self.tok(end).is_some_and(|t| t.kind == Kind::Possessive) {
            let mut of_year = Match::new(end + 1, m.timex_type, m.value.clone());
            of_year = self.quarter_of(of_year, step);
            if of_year.end > end + 1 {
                return of_year;
            }
        }
        m
    }

    /// A year expression `year` (`year_offset` years from the publication year) continued by the
    /// quarter or period it qualifies: "the year-ago third quarter", "the year-earlier period",
    /// "this year's third quarter". Anything else leaves `year` as it is.
    fn quarter_of(&self, year: Match, year_offset: i64) -> Match {
        let j = year.end;
        if let Some(quarter) = ordinal_word(self.w(j)).filter(|q| *q <= 4) {
            let k = if self.w(j + 1) == "-" { j + 2 } else { j + 1 };
            if self.w(k) == "quarter" {
                let value = Value::QuarterInRelativeYear {
                    quarter,
                    year_offset,
                };
                return Match::new(k + 1, TimexType::Date, value);
            }
        }
        // "the year-ago period" is the reported quarter a year back; "last year's period" too.
        if matches!(self.w(j), "quarter" | "period") {
            return Match::new(j + 1, year.timex_type, year.value);
        }
        year
    }

    /// Halves of a year: "the first half", "the second half of 1989", and with a year named,
    /// "the last half of 1989" and "the first two quarters of 1990" (TIMEX3 writes halves as
    /// "H1", "H2"). Without a year, "the last half" and "the first two quarters" stay what they
    /// say elsewhere ("the last half hour", a duration of two quarters).
    fn half_year(&self, i: usize) -> Option<Match> {
        let (w, next) = (self.w(i), self.w(i + 1));
        let (half, j, needs_year) = match (w, next) {
            ("first", "half") => (1, i + 2, false),
            ("second", "half") => (2, i + 2, false),
            ("last" | "latter", "half") => (2, i + 2, true),
            ("first", "two") if self.w(i + 2) == "quarters" => (1, i + 3, true),
            ("last", "two") if self.w(i + 2) == "quarters" => (2, i + 3, true),
            _ => return None,
        };
        if self.w(j) == "of" {
            if let Some((year, end)) = self.year_at(j + 1) {
                let value = format!("{year:04}-H{half}");
                return Some(Match::literal(end, TimexType::Date, value));
            }
        }
        // "the first half hour" is half an hour.
        (!needs_year && unit_of(self.w(j)).is_none())
            .then(|| Match::new(j, TimexType::Date, Value::HalfYear(half)))
    }

    /// Quarters: "third quarter", "third-quarter", "the quarter".
    fn quarter_or_half(&self, i: usize) -> Option<Match> {
        let (w, next) = (self.w(i), self.w(i + 1));
        if let Some(q) = ordinal_word(w).filter(|q| *q <= 4) {
            let j = if next == "-" { i + 2 } else { i + 1 };
            if self.w(j) == "quarter" {
                // "the third quarter of 1990"
                let of = usize::from(self.w(j + 1) == "of");
                if let Some(year) = self.tok(j + 1 + of).and_then(year_number) {
                    let value = format!("{year:04}-Q{q}");
                    return Some(Match::literal(j + 2 + of, TimexType::Date, value));
                }
                let value = Value::NumberedQuarter(q);
                return Some(Match::new(j + 1, TimexType::Date, value));
            }
            // "the first nine months"
            if let Some(n) = number_word(next) {
                return self
                    .count_units(i + 1, Some(n))
                    .filter(|m| m.timex_type == TimexType::Duration);
            }
        }
        let after_the = self.w_before(i) == "the";
        let the_quarter = after_the && w == "quarter";
        let quarter_named = after_the
            && (matches!(w, "latest" | "fiscal" | "full") && next == "quarter"
                || w == "latest" && next == "period");
        let end = if the_quarter {
            i + 1
        } else if quarter_named {
            i + 2
        } else {
            return None;
        };
        Some(Match::new(
            end,
            TimexType::Date,
            Value::Quarter(Which::ByTense),
        ))
    }

    /// "the year", "the fiscal year", "the year two thousand", "the year ended March 31".
    fn the_year(&self, i: usize) -> Option<Match> {
        let (w, next) = (self.w(i), self.w(i + 1));
        if self.w_before(i) != "the" {
            return None;
        }
        if matches!(w, "year" | "fiscal") {
            // "for the year ended March 31": a reporting period, a year long.
            let k = if w == "fiscal" { i + 2 } else { i + 1 };
            if (w == "year" || next == "year") && matches!(self.w(k), "ended" | "ending") {
                return Some(Match::literal(k, TimexType::Duration, "P1Y"));
            }
        }
        if matches!(w, "fiscal" | "full") && next == "year" {
            return Some(Match::new(i + 2, TimexType::Date, relative(Unit::Year, 0)));
        }
        if w == "year" {
            if let Some((year, end)) = self.spelled_year(i + 1, true) {
                return Some(Match::literal(end, TimexType::Date, format!("{year:04}")));
            }
        }
        if w == "year" && !AFTER_ANOTHER_YEAR.contains(&next) {
            return Some(Match::new(i + 1, TimexType::Date, relative(Unit::Year, 0)));
        }
        None
    }

    /// "the weekend", "the nineties", "the summer", "the winter of 1994".
    fn period_name(&self, i: usize) -> Option<Match> {
        let (w, next, before) = (self.w(i), self.w(i + 1), self.w_before(i));
        if w == "weekend" && before == "the" {
            return Some(Match::new(i + 1, TimexType::Date, Value::Weekend));
        }
        if let Some(d) = decade_word(w) {
            if matches!(before, "the" | "early" | "late" | "mid" | "-") {
                return Some(Match::literal(i + 1, TimexType::Date, format!("19{d}")));
            }
        }
        let season = season_of(w)?;
        let of = usize::from(next == "of");
        if let Some((year, end)) = self.year_at(i + 1 + of) {
            let value = format!("{year:04}-{}", season.code());
            return Some(Match::literal(end, TimexType::Date, value));
        }
        if matches!(
            before,
            "the" | "in" | "during" | "early" | "late" | "mid" | "-"
        ) && next != "'s"
        {
            let value = Value::Season {
                season,
                which: Which::ByTense,
            };
            return Some(Match::new(i + 1, TimexType::Date, value));
        }
        None
    }

    /// Units with no number, in a temporal frame: "in recent years", "for years", "several
    /// months", "a couple of weeks", "decades ago".
    fn vague_duration(&self, i: usize) -> Option<Match> {
        let (w, next, before) = (self.w(i), self.w(i + 1), self.w_before(i));
        if w == "recent" {
            // "in recent years": an unspecified stretch up to now.
            let (unit, plural) = unit_of(next)?;
            return plural.then(|| Match::literal(i + 2, TimexType::Duration, unit.duration(None)));
        }
        if let Some((unit, true)) = unit_of(w) {
            if QUANTIFIERS.contains(&before) || DURATION_FRAMES.contains(&before) {
                if next == "ago" {
                    return Some(Match::literal(i + 2, TimexType::Date, "PAST_REF"));
                }
                if !matches!(next, "of" | "'" | "old") || before == "in" {
                    let value = unit.duration(None);
                    return Some(Match::literal(i + 1, TimexType::Duration, value));
                }
            }
        }
        if matches!(w, "few" | "several" | "many" | "couple") {
            let j = if next == "of" { i + 2 } else { i + 1 };
            if let Some((unit, true)) = unit_of(self.w(j)) {
                if self.w(j + 1) == "ago" {
                    return Some(Match::literal(j + 2, TimexType::Date, "PAST_REF"));
                }
                let n = if w == "couple" { Some(2) } else { None };
                return Some(Match::literal(j + 1, TimexType::Duration, unit.duration(n)));
            }
        }
        None
    }
}

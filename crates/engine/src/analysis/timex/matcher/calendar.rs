//! Expressions built on calendar names: months and days ("June 18th", "18 June 2017"), years in
//! words ("nineteen ninety-six"), weekdays, clock times and holidays.

use dateline_format::article::TimexType;
use jiff::civil::Date;

use super::{day_number, names_a_day, tok_cap, year_number, Match, Matcher};
use crate::analysis::segment::Kind;
use crate::analysis::timex::tense::Tense;
use crate::analysis::timex::value::{Unit, Value, Which};
use crate::analysis::timex::words::{
    day_word, is_ambiguous_month, month_of, number_word, part_of_day, relative_year, unit_of,
    weekday_of, HolidayDate, HOLIDAYS, MONTH_PREPOSITIONS, TIME_ZONES,
};

impl Matcher<'_> {
    /// "June 18th", "June 18, 2017", "Aug. 7", "June 2017", "January this year", "June", and
    /// "18 June 2017", "the 18th of June".
    pub(super) fn month_date(&self, i: usize) -> Option<Match> {
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
            let year_follows = self.tok(i + 1).and_then(year_number).is_some();
            if !year_follows && !MONTH_PREPOSITIONS.contains(&self.w_before(i)) {
                return None;
            }
        }
        Some(self.with_year(i + 1, month, None))
    }

    /// Continues a month (and day) with an optional year: ", 2017", "2017", "this year".
    fn with_year(&self, j: usize, month: u8, day: Option<u8>) -> Match {
        let comma = usize::from(self.w(j) == ",");
        if let Some((year, end)) = self.year_at(j + comma) {
            // A day the month does not have ("Feb. 30, 1998") leaves the month.
            let value = match day {
                Some(d) if Date::new(year, month as i8, d as i8).is_ok() => {
                    format!("{year:04}-{month:02}-{d:02}")
                }
                _ => format!("{year:04}-{month:02}"),
            };
            return Match::literal(end, TimexType::Date, value);
        }
        let of = usize::from(self.w(j) == "of");
        if let Some(year_offset) = relative_year(self.w(j + of), self.w(j + of + 1)) {
            if self.dated {
                let value = Value::InRelativeYear {
                    month,
                    day,
                    year_offset,
                };
                return Match::new(j + of + 2, TimexType::Date, value);
            }
        }
        let value = match day {
            Some(day) => Value::MonthDay { month, day },
            None => Value::Month {
                month,
                which: Which::ByTense,
            },
        };
        Match::new(j, TimexType::Date, value)
    }

    /// A year at `i`, in digits or words ("nineteen ninety-six"), and the token after it.
    pub(super) fn year_at(&self, i: usize) -> Option<(i16, usize)> {
        match self.tok(i).and_then(year_number) {
            Some(year) => Some((year, i + 1)),
            None => self.spelled_year(i, true),
        }
    }

    /// A year in words: "nineteen ninety-six", "nineteen seventy-nine", and where the context says
    /// a year is meant (`year_context`), "two thousand" too.
    pub(super) fn spelled_year(&self, i: usize, year_context: bool) -> Option<(i16, usize)> {
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
    pub(super) fn weekday(&self, i: usize) -> Option<Match> {
        let (day, plural) = weekday_of(self.tok(i)?)?;
        if plural {
            return Some(Match::literal(
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
        let value = Value::Weekday {
            day,
            which: Which::ByTense,
        };
        match part_of_day(self.w(i + 1)) {
            // "Friday evening", "Friday afternoon": a part of the day.
            Some(part @ ("EV" | "AF")) => {
                return Some(Match::new(
                    i + 2,
                    TimexType::Time,
                    super::part_of(value, part),
                ));
            }
            // "Friday night", "Friday morning": TimeBank mostly annotates the day alone.
            Some(_) => return Some(Match::new(i + 2, TimexType::Date, value)),
            None => {}
        }
        let mut m = Match::new(i + 1, TimexType::Date, value);
        if self.tok(i + 1).is_some_and(|t| t.kind == Kind::Possessive) {
            m.tense = Some(Tense::Past);
        }
        Some(m)
    }

    /// "3 p.m.", "10:30 a.m.", "noon", "midnight", optionally followed by a day: "6 a.m. Friday".
    pub(super) fn clock(&self, i: usize) -> Option<Match> {
        let (hour, minute, mut end) = self.clock_time(i)?;
        if TIME_ZONES.contains(&self.w(end)) {
            end += 1;
        }
        // A day right after: "6 a.m. Friday", "noon today", "5 p.m. EST, Nov. 6".
        let day_at = if matches!(self.w(end), "on" | ",") {
            end + 1
        } else {
            end
        };
        // No day: the day the text spoke of last ("killed on Oct. 23 ... at 10 p.m."), or the
        // day of publication.
        let day = self.clock_day(day_at).unwrap_or_else(|| {
            let that_day = Value::Anaphoric {
                unit: Unit::Day,
                offset: 0,
            };
            Match::new(end, TimexType::Date, that_day)
        });
        let value = Value::ClockTime {
            day: Box::new(day.value),
            hour,
            minute,
        };
        Some(Match::new(day.end, TimexType::Time, value))
    }

    /// The hour and minute of a clock time at `i`, and the token after it.
    fn clock_time(&self, i: usize) -> Option<(u32, u32, usize)> {
        let tok = self.tok(i)?;
        match tok.lower.as_str() {
            "noon" | "midday" if self.w_before(i) != "high" => Some((12, 0, i + 1)),
            "midnight" => Some((24, 0, i + 1)),
            _ if tok.kind == Kind::Number => {
                let (h, m) = match tok.lower.split_once(':') {
                    Some((h, m)) => (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?),
                    None => (tok.lower.parse::<u32>().ok()?, 0),
                };
                if h > 24 || m > 59 {
                    return None;
                }
                match self.w(i + 1) {
                    "a.m." | "am" => Some((if h == 12 { 0 } else { h }, m, i + 2)),
                    "p.m." | "pm" => Some((if h < 12 { h + 12 } else { h }, m, i + 2)),
                    "o'clock" => Some((h, m, i + 2)),
                    _ if tok.lower.contains(':') && h <= 23 => Some((h, m, i + 1)),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// The day a clock time is on, at `i`: a day word, a weekday, or a month and day.
    fn clock_day(&self, i: usize) -> Option<Match> {
        if self
            .tok(i)
            .and_then(weekday_of)
            .is_some_and(|(_, plural)| !plural)
        {
            return self.weekday(i);
        }
        if self.tok(i).and_then(month_of).is_some() {
            return self.month_date(i).filter(|m| names_a_day(&m.value));
        }
        let offset = day_word(self.w(i))?;
        Some(Match::day_from_now(i + 1, TimexType::Date, offset))
    }

    /// "Christmas Eve", "Thanksgiving Day", "New Year's Day 1999".
    pub(super) fn holiday(&self, i: usize) -> Option<Match> {
        let name = HOLIDAYS.iter().find(|name| {
            (0..name.words.len()).all(|k| self.w(i + k) == name.words[k])
                && (i..i + name.capitals).all(|k| tok_cap(self.tok(k)))
        })?;
        let mut end = i + name.words.len();
        let value = match name.date {
            HolidayDate::Moving(holiday) => Value::Holiday(holiday),
            HolidayDate::Fixed(month, day) => {
                // The year is part of the expression, though the tense places the date.
                if self.tok(end).and_then(year_number).is_some() {
                    end += 1;
                }
                Value::MonthDay { month, day }
            }
        };
        Some(Match::new(end, TimexType::Date, value))
    }
}

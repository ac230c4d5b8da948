//! Resolution: matched values placed on the calendar. The only module that reads the
//! publication date.
//!
//! [`resolve`] turns a [`Value`] into a TIMEX3 string with the publication date, the tense around
//! the expression and the times the text [`Mentioned`] before it. Without a publication date,
//! positions on the calendar stay `X` placeholders ("XXXX-06") and times relative to the
//! present become `PAST_REF`, `PRESENT_REF` or `FUTURE_REF`. With only its month known, values
//! that need the day ("today", "on Tuesday", "last week") are resolved as without a date, and
//! the others against the middle of the month (the year of "in June" and the month of "last
//! month" do not depend on the day). Once a text is resolved,
//! [`year_ago_quarters`] moves "a year earlier" in a report on a quarter to that quarter.

use std::ops::Range;

use jiff::civil::Date;

use super::tense::Tense;
use super::value::{Holiday, Season, Unit, Value, Which};
use super::words::YEAR_BACK;
use super::Found;
use crate::analysis::segment::Doc;
use crate::analysis::PublicationDate;
use dateline_format::article::TimexType;

/// The TIMEX3 value of `value`, read in `tense`, against the publication date and the times
/// `mentioned` before it. Empty when the arithmetic leaves the calendar.
pub(super) fn resolve(
    value: &Value,
    published: PublicationDate,
    tense: Option<Tense>,
    mentioned: &Mentioned,
) -> String {
    let Some(published) = anchor(published, value) else {
        return undated(value, mentioned);
    };
    let year = i64::from(published.year());
    match value {
        Value::Literal(v) => v.clone(),
        Value::Relative { unit, offset } => shift(published, *unit, *offset).unwrap_or_default(),
        Value::Anaphoric { unit, offset } => {
            let reference = mentioned.at(*unit).unwrap_or(published);
            shift(reference, *unit, *offset).unwrap_or_default()
        }
        Value::Month { month, which } => {
            let y = month_year(published, *month, *which, tense);
            format!("{y:04}-{month:02}")
        }
        Value::MonthDay { month, day } => {
            let y = nearest_year(published, i64::from(*month), i64::from(*day), tense);
            format!("{y:04}-{month:02}-{day:02}")
        }
        Value::InRelativeYear {
            month,
            day,
            year_offset,
        } => {
            let y = year + year_offset;
            match day {
                Some(d) => format!("{y:04}-{month:02}-{d:02}"),
                None => format!("{y:04}-{month:02}"),
            }
        }
        Value::QuarterInRelativeYear {
            quarter,
            year_offset,
        } => format!("{:04}-Q{quarter}", year + year_offset),
        Value::Weekday { day, which } => weekday(published, *day, *which, tense),
        Value::AnaphoricWeekday { day, which } => weekday(
            mentioned.at(Unit::Day).unwrap_or(published),
            *day,
            *which,
            None,
        ),
        Value::DayShift { day, days } => {
            let day = resolve(day, published.into(), tense, mentioned);
            parse_day(&day)
                .and_then(|d| shift_days(d, *days))
                .map_or(day, format_date)
        }
        Value::WeekOf(day) => {
            let day = resolve(day, published.into(), tense, mentioned);
            parse_day(&day).map_or(day, format_week)
        }
        Value::Season { season, which } => {
            let y = season_year(published, *season, *which, tense);
            format!("{y:04}-{}", season.code())
        }
        Value::NumberedQuarter(q) => {
            let current = (i64::from(published.month()) - 1) / 3 + 1;
            let y = if tense == Some(Tense::Past) && i64::from(*q) > current {
                year - 1
            } else {
                year
            };
            format!("{y:04}-Q{q}")
        }
        Value::Quarter(which) => quarter(published, *which, tense, mentioned),
        Value::HalfYear(h) => format!("{:04}-H{h}", published.year()),
        Value::YearEnd { previous } => {
            format!("{:04}-12-31", published.year() - i16::from(*previous))
        }
        Value::Holiday(holiday) => holiday_near(published, *holiday, tense),
        Value::Weekend => weekend(published, tense),
        Value::PartOfDay { day, part } => {
            with_part(resolve(day, published.into(), tense, mentioned), part)
        }
        Value::ClockTime { day, hour, minute } => with_clock_time(
            resolve(day, published.into(), tense, mentioned),
            *hour,
            *minute,
        ),
    }
}

/// Whether `resolved`, the value of `value`, names no calendar period only because the
/// publication day is not known: with it, anything but a literal value ("now" is `PRESENT_REF`
/// whatever the date) would have been placed.
pub(super) fn is_unanchored(value: &Value, published: PublicationDate, resolved: &str) -> bool {
    !matches!(published, PublicationDate::Day(_))
        && !matches!(value, Value::Literal(_))
        && dateline_format::article::Granularity::of_value(resolved).is_none()
}

/// The date to resolve `value` against: the publication day; with only the month known, the
/// middle of the month, unless `value` needs the day; else none.
fn anchor(published: PublicationDate, value: &Value) -> Option<Date> {
    match published {
        PublicationDate::Day(day) => Some(day),
        PublicationDate::Month(first) if !needs_day(value) => shift_days(first, 14),
        PublicationDate::Month(_) | PublicationDate::Unknown => None,
    }
}

/// Whether `value` is placed by the day of publication: counted in days or weeks from it, or a
/// weekday or weekend near it.
fn needs_day(value: &Value) -> bool {
    match value {
        Value::Relative { unit, .. } | Value::Anaphoric { unit, .. } => matches!(
            unit,
            Unit::Second | Unit::Minute | Unit::Hour | Unit::Day | Unit::Week | Unit::Weekend
        ),
        Value::Weekday { .. } | Value::AnaphoricWeekday { .. } | Value::Weekend => true,
        Value::DayShift { day, .. } | Value::WeekOf(day) => needs_day(day),
        Value::PartOfDay { day, .. } | Value::ClockTime { day, .. } => needs_day(day),
        _ => false,
    }
}

/// [`resolve`] without a publication date: `X` placeholders ("XXXX-06") where the calendar
/// position is unknown, `PAST_REF`, `PRESENT_REF` or `FUTURE_REF` for times relative to it.
fn undated(value: &Value, mentioned: &Mentioned) -> String {
    match value {
        Value::Literal(v) => v.clone(),
        Value::Relative { offset, .. } => match offset.signum() {
            -1 => "PAST_REF".to_string(),
            1 => "FUTURE_REF".to_string(),
            _ => "PRESENT_REF".to_string(),
        },
        Value::Anaphoric { unit, offset } => match mentioned.at(*unit) {
            Some(reference) => shift(reference, *unit, *offset).unwrap_or_default(),
            None => "PAST_REF".to_string(),
        },
        Value::Month { month, .. } => format!("XXXX-{month:02}"),
        Value::MonthDay { month, day } => format!("XXXX-{month:02}-{day:02}"),
        // The matcher leaves "this year" apart from the month when there is no publication date.
        Value::InRelativeYear { month, day, .. } => match day {
            Some(d) => format!("XXXX-{month:02}-{d:02}"),
            None => format!("XXXX-{month:02}"),
        },
        Value::QuarterInRelativeYear { quarter, .. } => format!("XXXX-Q{quarter}"),
        Value::Weekday { day, .. } => format!("XXXX-WXX-{day}"),
        Value::AnaphoricWeekday { day, which } => match mentioned.at(Unit::Day) {
            Some(reference) => weekday(reference, *day, *which, None),
            None => format!("XXXX-WXX-{day}"),
        },
        Value::DayShift { day, days } => {
            let day = undated(day, mentioned);
            parse_day(&day)
                .and_then(|d| shift_days(d, *days))
                .map_or(day, format_date)
        }
        Value::WeekOf(day) => {
            let day = undated(day, mentioned);
            parse_day(&day).map_or_else(|| "XXXX-WXX".to_string(), format_week)
        }
        Value::Season { season, .. } => format!("XXXX-{}", season.code()),
        Value::NumberedQuarter(q) => format!("XXXX-Q{q}"),
        Value::Quarter(_) => "XXXX-QX".to_string(),
        Value::HalfYear(h) => format!("XXXX-H{h}"),
        Value::YearEnd { .. } => "XXXX-12-31".to_string(),
        Value::Holiday(Holiday::Thanksgiving | Holiday::ElectionDay) => "XXXX-11".to_string(),
        Value::Holiday(Holiday::LaborDay) => "XXXX-09".to_string(),
        Value::Weekend => "PAST_REF".to_string(),
        Value::PartOfDay { day, part } => with_part(undated(day, mentioned), part),
        Value::ClockTime { day, hour, minute } => {
            let day = match day.as_ref() {
                // "at 3 p.m.": on a day unknown, not at present.
                Value::Anaphoric {
                    unit: Unit::Day,
                    offset: 0,
                } if mentioned.at(Unit::Day).is_none() => "XXXX-XX-XX".to_string(),
                Value::Relative {
                    unit: Unit::Day,
                    offset: 0,
                } => "XXXX-XX-XX".to_string(),
                day => undated(day, mentioned),
            };
            with_clock_time(day, *hour, *minute)
        }
    }
}

/// `day` with a part of the day ("MO") when it is a calendar date, ten characters long.
/// Placeholders ("XXXX-WXX-5") take no part; "FUTURE_REF", ten characters too, does
/// ("FUTURE_REFTMO", as it always has).
fn with_part(day: String, part: &str) -> String {
    if day.len() == 10 && !day.starts_with('X') {
        format!("{day}T{part}")
    } else {
        day
    }
}

/// `day` with a clock time, when it is a day ("1998-02-11", "XXXX-WXX-3").
fn with_clock_time(day: String, hour: u32, minute: u32) -> String {
    let day_level = !day.contains('T') && (day.len() == 10 || day.starts_with("XXXX-WXX-"));
    if day_level {
        format!("{day}T{hour:02}:{minute:02}")
    } else {
        day
    }
}

/// The year of `month`: the one the tense points to or, after "last", "this" or "next", the
/// last, current or next one.
fn month_year(published: Date, month: u8, which: Which, tense: Option<Tense>) -> i64 {
    let (year, now) = (i64::from(published.year()), i64::from(published.month()));
    let m = i64::from(month);
    match which {
        Which::ByTense => nearest_year(published, m, 15, tense),
        Which::This => year,
        Which::Last if m < now => year,
        Which::Last => year - 1,
        Which::Next if m > now => year,
        Which::Next => year + 1,
    }
}

/// The year that puts month `m` (day `d`) nearest the publication date, unless the tense says otherwise:
/// a past cue moves a date more than two months ahead back a year, a future cue moves a date
/// more than two months behind forward a year. ("June 18th" after "shot down", published
/// 2017-07-07: 2017; "November" after "after his election triumph": 2016.)
fn nearest_year(published: Date, m: i64, d: i64, tense: Option<Tense>) -> i64 {
    let year = i64::from(published.year());
    // Distance in (approximate) days from the publication date to the date in year y.
    let offset = |y: i64| {
        (y - year) * 365
            + (m - i64::from(published.month())) * 30
            + (d - i64::from(published.day()))
    };
    let nearest = [year - 1, year, year + 1]
        .into_iter()
        .min_by_key(|&y| (offset(y).abs(), offset(y) > 0))
        .unwrap_or(year);
    match tense {
        Some(Tense::Past) if offset(nearest) > 60 => nearest - 1,
        Some(Tense::Future) if offset(nearest) < -60 => nearest + 1,
        _ => nearest,
    }
}

/// The year of `season`, as [`month_year`] finds a month's. By the tense, a season still to
/// start is last year's in the past, and one over is next year's in the future.
fn season_year(published: Date, season: Season, which: Which, tense: Option<Tense>) -> i64 {
    let (year, month) = (i64::from(published.year()), i64::from(published.month()));
    let start = season.start_month();
    match which {
        Which::ByTense => match tense {
            Some(Tense::Past) if start > month => year - 1,
            Some(Tense::Future) if start + 2 < month => year + 1,
            _ => year,
        },
        Which::This => year,
        Which::Last if start >= month => year - 1,
        Which::Last => year,
        Which::Next if start <= month => year + 1,
        Which::Next => year,
    }
}

/// The date of weekday `day` (1 = Monday). By the tense, the most recent one unless the text
/// looks ahead (news reports what happened); "last" and "next" skip the publication day.
fn weekday(published: Date, day: u8, which: Which, tense: Option<Tense>) -> String {
    let today = i64::from(published.weekday().to_monday_one_offset());
    let d = i64::from(day);
    let offset = match which {
        Which::ByTense => {
            let offset = match tense {
                Some(Tense::Future) => (d - today).rem_euclid(7),
                _ => -(today - d).rem_euclid(7),
            };
            return shift_days(published, offset)
                .map_or_else(|| format!("XXXX-WXX-{d}"), format_date);
        }
        Which::This => d - today,
        Which::Last => -((today - d - 1).rem_euclid(7) + 1),
        Which::Next => (d - today - 1).rem_euclid(7) + 1,
    };
    shift_days(published, offset).map_or_else(String::new, format_date)
}

/// "the quarter": in a report on a quarter, the finished quarter the text named last ("third-
/// quarter profit rose ... in the quarter"); else the current one, or in the past the last one.
/// "last/this/next quarter" step from the current one.
fn quarter(published: Date, which: Which, tense: Option<Tense>, mentioned: &Mentioned) -> String {
    let index = |d: Date| i64::from(d.year()) * 4 + (i64::from(d.month()) - 1) / 3;
    if let Some(named) = mentioned.quarter.filter(|_| which == Which::ByTense) {
        if (1..=3).contains(&(index(published) - index(named))) {
            return format!("{:04}-Q{}", named.year(), (named.month() - 1) / 3 + 1);
        }
    }
    let step = match which {
        Which::ByTense if tense == Some(Tense::Past) => -1,
        Which::ByTense => {
            let current = (i64::from(published.month()) - 1) / 3 + 1;
            return format!("{:04}-Q{current}", published.year());
        }
        Which::Last => -1,
        Which::This => 0,
        Which::Next => 1,
    };
    shift(published, Unit::Quarter, step).unwrap_or_default()
}

/// The date of a moving holiday near the publication date: the last one in the past, the
/// next one in the future, else the nearest.
fn holiday_near(published: Date, holiday: Holiday, tense: Option<Tense>) -> String {
    let dates = [-1, 0, 1].map(|k| holiday_date(holiday, published.year().saturating_add(k)));
    let days = |d: &Date| published.until(*d).map_or(0, |s| i64::from(s.get_days()));
    let pick = match tense {
        Some(Tense::Past) => dates.iter().flatten().filter(|d| days(d) <= 0).max(),
        Some(Tense::Future) => dates.iter().flatten().filter(|d| days(d) >= 0).min(),
        None => dates.iter().flatten().min_by_key(|d| days(d).abs()),
    };
    pick.map_or_else(String::new, |d| format_date(*d))
}

/// The date of a moving holiday in `year`.
fn holiday_date(holiday: Holiday, year: i16) -> Option<Date> {
    let (month, weekday, skip) = match holiday {
        Holiday::Thanksgiving => (11, 4, 21),
        Holiday::LaborDay => (9, 1, 0),
        Holiday::ElectionDay => (11, 1, 1),
    };
    let first = Date::new(year, month, 1).ok()?;
    let to_weekday = (weekday - i64::from(first.weekday().to_monday_one_offset())).rem_euclid(7);
    shift_days(first, to_weekday + skip)
}

/// "the weekend": early in the week, and in the past, the one just gone; else the coming one.
fn weekend(published: Date, tense: Option<Tense>) -> String {
    let today = i64::from(published.weekday().to_monday_one_offset());
    let back = match tense {
        Some(Tense::Past) => today <= 5,
        Some(Tense::Future) => false,
        None => today <= 2,
    };
    shift(published, Unit::Weekend, -i64::from(back)).unwrap_or_default()
}

/// In a report on a quarter, "a year earlier" and "the year-ago quarter" mean that quarter a
/// year before: "third-quarter profit rose from a year ago" → `1988-Q3`.
pub(super) fn year_ago_quarters(doc: &Doc, found: &mut [Found], published: PublicationDate) {
    let published = match published {
        PublicationDate::Day(day) | PublicationDate::Month(day) => Some(day),
        PublicationDate::Unknown => None,
    };
    let is_quarter = |v: &str| {
        v.len() == 7
            && v.as_bytes().get(5) == Some(&b'Q')
            && v[..4].bytes().all(|b| b.is_ascii_digit())
    };
    let rest = |f: &Found| year_back(&doc.slice(f.span).to_lowercase()).map(str::to_string);
    // "the year-ago third quarter" names a quarter, but not the one reported on; nor does a
    // quarter still to come ("losses through the third quarter of 1990").
    let current = published.map(|d| format!("{:04}-Q{}", d.year(), (d.month() - 1) / 3 + 1));
    let reports = |f: &Found| {
        is_quarter(&f.value)
            && rest(f).is_none()
            && current
                .as_ref()
                .is_none_or(|c| f.value.as_str() <= c.as_str())
    };
    let mut reported: Option<String> = found.iter().find(|f| reports(f)).map(|f| f.value.clone());
    // Sentences on a stretch of several quarters ("for the nine months"): there "a year
    // earlier" is that stretch a year back, in the year before, not a quarter.
    let several_quarters: Vec<usize> = found
        .iter()
        .filter(|f| f.timex_type == TimexType::Duration && spans_quarters(&f.value))
        .filter_map(|f| doc.sentence_of(f.tokens.start))
        .collect();
    for f in found.iter_mut() {
        if is_quarter(&f.value) {
            if reports(f) {
                reported = Some(f.value.clone());
            }
            continue;
        }
        // "the 1988 quarter": the quarter reported on, in 1988.
        let text = doc.slice(f.span).to_lowercase();
        let of_year = text
            .strip_suffix(" quarter")
            .or_else(|| text.strip_suffix(" period"))
            .and_then(|t| t.strip_prefix("the "))
            .filter(|y| y.len() == 4 && *y == f.value);
        if let (Some(year), Some(q)) = (of_year, reported.as_deref()) {
            f.value = format!("{year}-{}", &q[5..]);
            continue;
        }
        let back = rest(f).is_some_and(|r| matches!(r.as_str(), "" | " quarter" | " period"))
            && !doc
                .sentence_of(f.tokens.start)
                .is_some_and(|s| several_quarters.contains(&s));
        if let (true, Some(q)) = (back, reported.as_deref()) {
            if let Ok(year) = q[..4].parse::<i32>() {
                f.value = format!("{:04}-{}", year - 1, &q[5..]);
            }
        }
    }
}

/// Whether a duration is several quarters long but less than a year: "P6M", "P9M", "P2Q".
fn spans_quarters(value: &str) -> bool {
    let months = |n: &str| n.parse::<u32>().ok();
    match value.strip_prefix('P') {
        Some(v) if v.ends_with('M') => {
            months(&v[..v.len() - 1]).is_some_and(|n| (6..12).contains(&n))
        }
        Some(v) if v.ends_with('Q') => {
            months(&v[..v.len() - 1]).is_some_and(|n| (2..4).contains(&n))
        }
        _ => false,
    }
}

/// When `text` (lowercased) counts a year back from a reported period ("a year earlier", "the
/// year-ago quarter", "last year's third quarter"), what follows the words that do:
/// "", " quarter", " third quarter".
fn year_back(text: &str) -> Option<&str> {
    let text = text.strip_prefix("the ").unwrap_or(text);
    YEAR_BACK.iter().find_map(|phrase| {
        text.strip_prefix(phrase)
            .filter(|rest| rest.is_empty() || rest.starts_with(' '))
    })
}

/// The times a text has mentioned so far, at each granularity: what "that day", "that year" and
/// "the following year" refer to.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Mentioned {
    day: Option<Date>,
    month: Option<Date>,
    year: Option<Date>,
    /// The first day of the quarter named last ("1989-Q3").
    quarter: Option<Date>,
}

impl Mentioned {
    /// Remembers the date a resolved `value` names ("1995", "1998-06", "1998-10-23T15:00"), at
    /// each granularity it has.
    pub(super) fn note(&mut self, value: &str) {
        let num = |r: Range<usize>| {
            value
                .get(r)
                .filter(|s| s.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|s| s.parse::<i16>().ok())
        };
        let Some(year) = num(0..4) else { return };
        if value.len() == 7 && value.get(4..6) == Some("-Q") {
            let q = num(6..7).filter(|q| (1..=4).contains(q));
            self.quarter = q.and_then(|q| Date::new(year, (q as i8 - 1) * 3 + 1, 1).ok());
            return;
        }
        let month = if value.len() >= 7 && value.as_bytes().get(4) == Some(&b'-') {
            num(5..7)
        } else {
            None
        };
        let day = if value.len() >= 10 && value.as_bytes().get(7) == Some(&b'-') {
            num(8..10)
        } else {
            None
        };
        let date = |m: i16, d: i16| {
            i8::try_from(m)
                .ok()
                .zip(i8::try_from(d).ok())
                .and_then(|(m, d)| Date::new(year, m, d).ok())
        };
        if value.len() == 4 || month.is_some() {
            self.year = date(1, 1);
        }
        if let Some(m) = month {
            self.month = date(m, 1);
            if let Some(d) = day {
                self.day = date(m, d);
            }
        }
    }

    /// The mentioned time a relative `unit` counts from.
    fn at(&self, unit: Unit) -> Option<Date> {
        match unit {
            Unit::Second | Unit::Minute | Unit::Hour | Unit::Day | Unit::Week | Unit::Weekend => {
                self.day
            }
            Unit::Month | Unit::Quarter => self.month,
            Unit::Year | Unit::Decade | Unit::Century => self.year,
        }
    }
}

/// The date `n` units away from `anchor`, written at that unit's granularity.
fn shift(anchor: Date, unit: Unit, n: i64) -> Option<String> {
    let (year, month) = (i64::from(anchor.year()), i64::from(anchor.month()));
    Some(match unit {
        Unit::Second | Unit::Minute | Unit::Hour => format_date(anchor),
        Unit::Day => format_date(shift_days(anchor, n)?),
        Unit::Week => format_week(shift_days(anchor, n.checked_mul(7)?)?),
        Unit::Weekend => format!("{}-WE", format_week(shift_days(anchor, n.checked_mul(7)?)?)),
        Unit::Month => {
            let (y, m) = shift_month(year, month, n)?;
            format!("{y:04}-{m:02}")
        }
        Unit::Quarter => {
            let (y, m) = shift_month(year, month, n.checked_mul(3)?)?;
            format!("{y:04}-Q{}", (m - 1) / 3 + 1)
        }
        Unit::Year => format!("{:04}", valid_year(year.checked_add(n)?)?),
        Unit::Decade => format!(
            "{:03}",
            valid_year(year.checked_add(n.checked_mul(10)?)?)? / 10
        ),
        Unit::Century => format!(
            "{:02}",
            valid_year(year.checked_add(n.checked_mul(100)?)?)? / 100
        ),
    })
}

/// The day a resolved value names, when it names one ("1998-02-13", not "1998-W07").
fn parse_day(value: &str) -> Option<Date> {
    value.get(..10).filter(|_| value.len() == 10)?.parse().ok()
}

fn shift_days(date: Date, days: i64) -> Option<Date> {
    let span = jiff::Span::new().try_days(days).ok()?;
    date.checked_add(span).ok()
}

/// (year, month) shifted by `months`.
fn shift_month(year: i64, month: i64, months: i64) -> Option<(i64, i64)> {
    let index = year
        .checked_mul(12)?
        .checked_add(month - 1)?
        .checked_add(months)?;
    Some((valid_year(index.div_euclid(12))?, index.rem_euclid(12) + 1))
}

fn valid_year(year: i64) -> Option<i64> {
    (1..=9999).contains(&year).then_some(year)
}

fn format_date(date: Date) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

fn format_week(date: Date) -> String {
    let week = date.iso_week_date();
    format!("{:04}-W{:02}", week.year(), week.week())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `value` resolved against `published` in `tense`, with nothing mentioned before.
    fn on(published: &str, value: &Value, tense: Option<Tense>) -> String {
        let published = PublicationDate::parse(Some(published));
        resolve(value, published, tense, &Mentioned::default())
    }

    fn undated_value(value: &Value) -> String {
        resolve(value, PublicationDate::Unknown, None, &Mentioned::default())
    }

    #[test]
    fn a_known_month_anchors_what_does_not_need_the_day() {
        let relative = |unit, offset| Value::Relative { unit, offset };
        assert_eq!(on("2016-12", &relative(Unit::Year, 0), None), "2016");
        assert_eq!(on("2016-12", &relative(Unit::Year, -1), None), "2015");
        assert_eq!(on("2016-12", &relative(Unit::Month, -1), None), "2016-11");
        assert_eq!(on("2016-01", &relative(Unit::Month, -1), None), "2015-12");
        let june = Value::Month {
            month: 6,
            which: Which::ByTense,
        };
        assert_eq!(on("2016-12", &june, Some(Tense::Past)), "2016-06");
        // The day is not known: "today", "last week", "on Tuesday" are not placed.
        assert_eq!(on("2016-12", &relative(Unit::Day, 0), None), "PRESENT_REF");
        assert_eq!(on("2016-12", &relative(Unit::Week, -1), None), "PAST_REF");
        let tuesday = Value::Weekday {
            day: 2,
            which: Which::ByTense,
        };
        assert_eq!(on("2016-12", &tuesday, None), "XXXX-WXX-2");
        let morning = Value::PartOfDay {
            day: Box::new(relative(Unit::Day, -1)),
            part: "MO",
        };
        assert_eq!(on("2016-12", &morning, None), "PAST_REF");
    }

    #[test]
    fn relative_units_count_from_the_publication_date() {
        let last_week = Value::Relative {
            unit: Unit::Week,
            offset: -1,
        };
        assert_eq!(on("2017-07-07", &last_week, None), "2017-W26");
        assert_eq!(undated_value(&last_week), "PAST_REF");
        let next_quarter = Value::Quarter(Which::Next);
        assert_eq!(on("2017-11-30", &next_quarter, None), "2018-Q1");
        assert_eq!(undated_value(&next_quarter), "XXXX-QX");
    }

    #[test]
    fn weekdays_by_step_and_by_tense() {
        // 2017-07-07 is a Friday.
        let friday = |which| Value::Weekday { day: 5, which };
        assert_eq!(on("2017-07-07", &friday(Which::Last), None), "2017-06-30");
        assert_eq!(on("2017-07-07", &friday(Which::This), None), "2017-07-07");
        assert_eq!(on("2017-07-07", &friday(Which::Next), None), "2017-07-14");
        let monday = Value::Weekday {
            day: 1,
            which: Which::ByTense,
        };
        assert_eq!(on("2017-07-07", &monday, None), "2017-07-03");
        assert_eq!(on("2017-07-07", &monday, Some(Tense::Future)), "2017-07-10");
        assert_eq!(undated_value(&monday), "XXXX-WXX-1");
    }

    #[test]
    fn the_tense_places_months_and_holidays() {
        let march = Value::Month {
            month: 3,
            which: Which::ByTense,
        };
        assert_eq!(on("2017-07-07", &march, Some(Tense::Future)), "2018-03");
        assert_eq!(on("2017-07-07", &march, Some(Tense::Past)), "2017-03");
        let thanksgiving = Value::Holiday(Holiday::Thanksgiving);
        assert_eq!(
            on("2000-01-07", &thanksgiving, Some(Tense::Past)),
            "1999-11-25"
        );
        assert_eq!(
            on("2000-01-07", &thanksgiving, Some(Tense::Future)),
            "2000-11-23"
        );
    }

    #[test]
    fn anaphora_count_from_the_last_mention() {
        let following_year = Value::Anaphoric {
            unit: Unit::Year,
            offset: 1,
        };
        let mut mentioned = Mentioned::default();
        mentioned.note("1995");
        let published = PublicationDate::parse(Some("1998-04-18"));
        assert_eq!(
            resolve(&following_year, published, None, &mentioned),
            "1996"
        );
        assert_eq!(on("1998-04-18", &following_year, None), "1999");
        assert_eq!(undated_value(&following_year), "PAST_REF");
    }

    #[test]
    fn parts_of_days_and_clock_times() {
        let tomorrow = Value::Relative {
            unit: Unit::Day,
            offset: 1,
        };
        let morning = Value::PartOfDay {
            day: Box::new(tomorrow),
            part: "MO",
        };
        assert_eq!(on("2017-07-07", &morning, None), "2017-07-08TMO");
        // Kept as it has always been: "FUTURE_REF" takes the part as a date would.
        assert_eq!(undated_value(&morning), "FUTURE_REFTMO");
        let three_pm = Value::ClockTime {
            day: Box::new(Value::Relative {
                unit: Unit::Day,
                offset: 0,
            }),
            hour: 15,
            minute: 0,
        };
        assert_eq!(on("2017-07-07", &three_pm, None), "2017-07-07T15:00");
        assert_eq!(undated_value(&three_pm), "XXXX-XX-XXT15:00");
    }
}

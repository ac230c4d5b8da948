//! Calendar arithmetic: matched values placed against the publication date.

use std::ops::Range;

use jiff::civil::Date;

use super::tense::Tense;
use super::value::{Holiday, Unit, Val};

pub(super) fn format_date(date: Date) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

fn format_week(date: Date) -> String {
    let week = date.iso_week_date();
    format!("{:04}-W{:02}", week.year(), week.week())
}

fn valid_year(year: i64) -> Option<i64> {
    (1..=9999).contains(&year).then_some(year)
}

pub(super) fn shift_days(date: Date, days: i64) -> Option<Date> {
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

/// The date `n` units away from `anchor`, written at that unit's granularity.
pub(super) fn shift(anchor: Date, unit: Unit, n: i64) -> Option<String> {
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

/// The times a text has mentioned so far, at each granularity: what "that day", "that year" and
/// "the following year" refer to.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Mentioned {
    day: Option<Date>,
    month: Option<Date>,
    year: Option<Date>,
}

impl Mentioned {
    pub(super) fn note(&mut self, value: &str) {
        let num = |r: Range<usize>| {
            value
                .get(r)
                .filter(|s| s.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|s| s.parse::<i16>().ok())
        };
        let Some(year) = num(0..4) else { return };
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

pub(super) fn resolve(
    val: &Val,
    anchor: Option<Date>,
    tense: Option<Tense>,
    mentioned: &Mentioned,
) -> String {
    if let Val::Anaphor(unit, n) = val {
        return match mentioned.at(*unit).or(anchor) {
            Some(reference) => shift(reference, *unit, *n).unwrap_or_default(),
            None => "PAST_REF".to_string(),
        };
    }
    let Some(anchor) = anchor else {
        return match val {
            Val::Fixed(v) => v.clone(),
            Val::Month(m) => format!("XXXX-{m:02}"),
            Val::MonthDay(m, d) => format!("XXXX-{m:02}-{d:02}"),
            Val::Weekday(d) => format!("XXXX-WXX-{d}"),
            Val::Quarter(Some(q)) => format!("XXXX-Q{q}"),
            Val::Quarter(None) => "XXXX-QX".to_string(),
            Val::Holiday(Holiday::Thanksgiving | Holiday::ElectionDay) => "XXXX-11".to_string(),
            Val::Holiday(Holiday::LaborDay) => "XXXX-09".to_string(),
            Val::Season(season) => format!("XXXX-{season}"),
            Val::Anaphor(..) | Val::Weekend => "PAST_REF".to_string(),
        };
    };
    let year = i64::from(anchor.year());
    let month = i64::from(anchor.month());
    match val {
        Val::Fixed(v) => v.clone(),
        Val::Month(m) => {
            let m = i64::from(*m);
            let y = nearest_year(anchor, m, 15, tense);
            format!("{y:04}-{m:02}")
        }
        Val::MonthDay(m, d) => {
            let y = nearest_year(anchor, i64::from(*m), i64::from(*d), tense);
            format!("{y:04}-{m:02}-{d:02}")
        }
        Val::Weekday(d) => {
            let today = i64::from(anchor.weekday().to_monday_one_offset());
            let d = i64::from(*d);
            let offset = match tense {
                Some(Tense::Future) => (d - today).rem_euclid(7),
                _ => -(today - d).rem_euclid(7),
            };
            shift_days(anchor, offset).map_or_else(|| format!("XXXX-WXX-{d}"), format_date)
        }
        Val::Holiday(h) => {
            let dates = [-1, 0, 1].map(|k| holiday_date(*h, anchor.year().saturating_add(k)));
            let days = |d: &Date| anchor.until(*d).map_or(0, |s| i64::from(s.get_days()));
            let pick = match tense {
                Some(Tense::Past) => dates.iter().flatten().filter(|d| days(d) <= 0).max(),
                Some(Tense::Future) => dates.iter().flatten().filter(|d| days(d) >= 0).min(),
                None => dates.iter().flatten().min_by_key(|d| days(d).abs()),
            };
            pick.map_or_else(String::new, |d| format_date(*d))
        }
        Val::Season(season) => {
            let start = match *season {
                "SP" => 3,
                "SU" => 6,
                "FA" => 9,
                _ => 12,
            };
            let y = match tense {
                Some(Tense::Past) if start > month => year - 1,
                Some(Tense::Future) if start + 2 < month => year + 1,
                _ => year,
            };
            format!("{y:04}-{season}")
        }
        Val::Weekend => {
            // Early in the week, "the weekend" is the one just past.
            let today = i64::from(anchor.weekday().to_monday_one_offset());
            let back = match tense {
                Some(Tense::Past) => today <= 5,
                Some(Tense::Future) => false,
                None => today <= 2,
            };
            shift(anchor, Unit::Weekend, -i64::from(back)).unwrap_or_default()
        }
        Val::Anaphor(..) => String::new(),
        Val::Quarter(q) => {
            let current = (month - 1) / 3 + 1;
            match q {
                Some(q) => {
                    let q = i64::from(*q);
                    let y = if tense == Some(Tense::Past) && q > current {
                        year - 1
                    } else {
                        year
                    };
                    format!("{y:04}-Q{q}")
                }
                None if tense == Some(Tense::Past) => {
                    shift(anchor, Unit::Quarter, -1).unwrap_or_default()
                }
                None => format!("{year:04}-Q{current}"),
            }
        }
    }
}

/// The year that puts month `m` (day `d`) nearest the anchor, unless the tense says otherwise:
/// a past cue moves a date more than two months ahead back a year, a future cue moves a date
/// more than two months behind forward a year. ("June 18th" after "shot down", published
/// 2017-07-07: 2017; "November" after "after his election triumph": 2016.)
fn nearest_year(anchor: Date, m: i64, d: i64, tense: Option<Tense>) -> i64 {
    let year = i64::from(anchor.year());
    // Distance in (approximate) days from the anchor to the date in year y.
    let offset = |y: i64| {
        (y - year) * 365 + (m - i64::from(anchor.month())) * 30 + (d - i64::from(anchor.day()))
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

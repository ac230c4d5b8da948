//! Calendar periods of TIMEX3 values, for placing events on a time axis.

use jiff::civil::Date;
use jiff::Span;

use crate::article::Granularity;

/// The stretch of calendar a TIMEX3 value names: `[start, end)` in whole days.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    /// First day.
    pub start: Date,
    /// The day after the last one.
    pub end: Date,
    /// How precise the value is.
    pub granularity: Granularity,
}

/// The calendar date written `YYYY-MM-DD`, or `None` for anything else or a day that does not
/// exist. Reads the digits itself: jiff's general parser (datetimes, offsets, time zone
/// annotations) would put its time zone code into the reading app's WebAssembly.
pub fn parse_date(text: &str) -> Option<Date> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| {
        bytes[range].iter().try_fold(0i16, |n, &b| {
            b.is_ascii_digit().then(|| n * 10 + i16::from(b - b'0'))
        })
    };
    Date::new(number(0..4)?, number(5..7)? as i8, number(8..10)? as i8).ok()
}

/// The (year, month) written `YYYY-MM`, or `None` for anything else or a month that does not
/// exist.
pub fn parse_month(text: &str) -> Option<(i16, i8)> {
    let bytes = text.as_bytes();
    if bytes.len() != 7 || bytes[4] != b'-' {
        return None;
    }
    let first = parse_date(&format!("{text}-01"))?;
    Some((first.year(), first.month()))
}

/// `start` moved by `span`. The fallible span constructors (`try_months`, not `1.month()`) and
/// `duration_until` keep jiff's panic paths, and with them its error messages and time zone code,
/// out of the reading app, which draws its timeline with this module.
fn add(start: Date, span: Result<Span, jiff::Error>) -> Option<Date> {
    start.checked_add(span.ok()?).ok()
}

impl Period {
    /// The period `value` names, or `None` for values with no place on a calendar.
    ///
    /// A time of day is given its whole day: the axis is drawn in days.
    pub fn of_value(value: &str) -> Option<Period> {
        let granularity = Granularity::of_value(value)?;
        let number = |range: std::ops::Range<usize>| value.get(range)?.parse::<i16>().ok();
        let year = if granularity == Granularity::Decade {
            number(0..3)? * 10
        } else {
            number(0..4)?
        };
        let (start, end) = match granularity {
            Granularity::Decade => (
                Date::new(year, 1, 1).ok()?,
                Date::new(year + 10, 1, 1).ok()?,
            ),
            Granularity::Year => (Date::new(year, 1, 1).ok()?, Date::new(year + 1, 1, 1).ok()?),
            Granularity::Month => {
                let start = Date::new(year, number(5..7)? as i8, 1).ok()?;
                (start, add(start, Span::new().try_months(1))?)
            }
            Granularity::Day | Granularity::Time => {
                let start = Date::new(year, number(5..7)? as i8, number(8..10)? as i8).ok()?;
                (start, start.tomorrow().ok()?)
            }
            Granularity::Week => {
                let week = number(6..value.len())? as i8;
                let start = jiff::civil::ISOWeekDate::new(year, week, jiff::civil::Weekday::Monday)
                    .ok()?
                    .date();
                (start, add(start, Span::new().try_weeks(1))?)
            }
            Granularity::Quarter => {
                let quarter = number(6..7)? as i8;
                let start = Date::new(year, (quarter - 1) * 3 + 1, 1).ok()?;
                (start, add(start, Span::new().try_months(3))?)
            }
            // Meteorological seasons of the northern hemisphere; winter runs into the next year.
            Granularity::Season => {
                let month = match value.get(5..7)? {
                    "SP" => 3,
                    "SU" => 6,
                    "FA" => 9,
                    _ => 12,
                };
                let start = Date::new(year, month, 1).ok()?;
                (start, add(start, Span::new().try_months(3))?)
            }
        };
        Some(Period {
            start,
            end,
            granularity,
        })
    }

    /// Number of days covered.
    pub fn days(&self) -> i32 {
        (self.start.duration_until(self.end).as_secs() / 86_400) as i32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(value: &str) -> Option<(String, String)> {
        Period::of_value(value).map(|p| (p.start.to_string(), p.end.to_string()))
    }

    #[test]
    fn dates_are_read_as_jiff_reads_them() {
        for text in [
            "2017-06-18",
            "2016-02-29",
            "2017-02-29",
            "2017-13-01",
            "2017-00-10",
            "0000-01-01",
            "9999-12-31",
            "2017-6-18",
            "2017-06-1x",
            "+017-06-18",
            "2017/06/18",
            "20170618",
            "2017-06-18T",
            "",
            "2017-06-32",
            "-201-06-18",
        ] {
            let jiff = (text.len() == 10)
                .then(|| text.parse::<Date>().ok())
                .flatten();
            assert_eq!(parse_date(text), jiff, "{text}");
        }
    }

    #[test]
    fn months_are_read_strictly() {
        assert_eq!(parse_month("2016-12"), Some((2016, 12)));
        for text in [
            "2016-13",
            "2016-00",
            "2016-1",
            "2016-12-01",
            "201612",
            "+016-12",
            "",
        ] {
            assert_eq!(parse_month(text), None, "{text}");
        }
    }

    #[test]
    fn periods_of_timex3_values() {
        let some = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        assert_eq!(period("2017-06-18"), some("2017-06-18", "2017-06-19"));
        assert_eq!(period("2017-07-07TAF"), some("2017-07-07", "2017-07-08"));
        assert_eq!(period("2016-11"), some("2016-11-01", "2016-12-01"));
        assert_eq!(period("2017-12"), some("2017-12-01", "2018-01-01"));
        assert_eq!(period("2017"), some("2017-01-01", "2018-01-01"));
        assert_eq!(period("2017-W27"), some("2017-07-03", "2017-07-10"));
        assert_eq!(period("2017-Q3"), some("2017-07-01", "2017-10-01"));
        assert_eq!(period("2017-WI"), some("2017-12-01", "2018-03-01"));
        assert_eq!(period("199"), some("1990-01-01", "2000-01-01"));
        assert_eq!(period("2017-02-30"), None);
        assert_eq!(period("2017-W60"), None);
        assert_eq!(period("PRESENT_REF"), None);
    }

    #[test]
    fn days_counts_the_period() {
        assert_eq!(Period::of_value("2016-11").unwrap().days(), 30);
        assert_eq!(Period::of_value("2017-06-18").unwrap().days(), 1);
    }
}

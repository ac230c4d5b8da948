//! What the analysis knows of an article's publication date, to anchor relative dates to: the
//! day, only the month, or nothing. The arithmetic against it is all in `timex::resolve`.

use dateline_format::calendar::{parse_date, parse_month};
use jiff::civil::Date;

/// The publication date as far as it is known.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PublicationDate {
    /// The day is known: every relative date is anchored to it.
    Day(Date),
    /// Only the month is known (its first day here): "this year", "last month", "in June" are
    /// anchored; "today", "on Tuesday", "last week" are not.
    Month(Date),
    /// Unknown: no relative date is anchored.
    #[default]
    Unknown,
}

impl PublicationDate {
    /// Reads `YYYY-MM-DD` as a day, `YYYY-MM` as a month; anything else, or `None`, is unknown.
    pub fn parse(value: Option<&str>) -> PublicationDate {
        let Some(value) = value else {
            return PublicationDate::Unknown;
        };
        if let Some(day) = parse_date(value) {
            return PublicationDate::Day(day);
        }
        parse_month(value)
            .and_then(|(year, month)| Date::new(year, month, 1).ok())
            .map_or(PublicationDate::Unknown, PublicationDate::Month)
    }

    /// Whether any of it is known (the year, at least).
    pub fn is_known(self) -> bool {
        self != PublicationDate::Unknown
    }
}

impl From<Option<Date>> for PublicationDate {
    fn from(day: Option<Date>) -> Self {
        day.map_or(PublicationDate::Unknown, PublicationDate::Day)
    }
}

impl From<Date> for PublicationDate {
    fn from(day: Date) -> Self {
        PublicationDate::Day(day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_day_a_month_or_nothing() {
        let day = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(
            PublicationDate::parse(Some("2016-12-10")),
            PublicationDate::Day(day("2016-12-10"))
        );
        assert_eq!(
            PublicationDate::parse(Some("2016-12")),
            PublicationDate::Month(day("2016-12-01"))
        );
        for unknown in [None, Some(""), Some("2016-13"), Some("Dec. 2016")] {
            assert_eq!(PublicationDate::parse(unknown), PublicationDate::Unknown);
        }
    }
}

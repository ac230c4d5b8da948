//! Reading the calendar day out of the date strings pages put in their metadata.
//!
//! Pages write dates every way there is: ISO 8601 with or without a time and an offset
//! (`2017-06-18T23:30:00-04:00`), slashes or dots (`2017/06/18`), packed digits (`20170618`),
//! English month names (`June 18, 2017`, `18 Jun 2017`, RFC 2822 `Sun, 18 Jun 2017 10:00:00
//! +0000`). Where a time carries an offset, the date as written is the publisher's local day, and
//! that is the day kept: converting to UTC could move it.

use dateline_format::dateline::{named_month_day, plausible_date as date};
use jiff::civil::Date;

/// The day `value` names, written `YYYY-MM-DD`, or `None` when it names no real day.
pub(crate) fn day_of(value: &str) -> Option<String> {
    let value = value.trim();
    numeric_day(value)
        .or_else(|| named_month_day(value))
        .map(|date| date.to_string())
}

/// A date that starts with a four-digit year: `YYYY-MM-DD`, `YYYY/M/D`, `YYYY.MM.DD`, `YYYYMMDD`,
/// each optionally followed by a time (`T…` or ` …`).
fn numeric_day(value: &str) -> Option<Date> {
    let bytes = value.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits == 8 {
        // `20170618`, `20170618T1000`; not `20170618abc`.
        if bytes
            .get(8)
            .is_some_and(|b| b.is_ascii_alphanumeric() && *b != b'T')
        {
            return None;
        }
        let n = |r: std::ops::Range<usize>| value[r].parse::<i64>().ok();
        return date(n(0..4)?, n(4..6)?, n(6..8)?);
    }
    if digits != 4 {
        return None;
    }
    let separator = *bytes.get(4)?;
    if !matches!(separator, b'-' | b'/' | b'.') {
        return None;
    }
    let (month, rest) = value[5..].split_once(char::from(separator))?;
    let day_len = rest.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&month.len()) || !(1..=2).contains(&day_len) {
        return None;
    }
    // What follows the day must not continue a number: `2017-06-18T…`, `2017-06-18 10:00`.
    if rest[day_len..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    date(
        value[..4].parse().ok()?,
        month.parse().ok()?,
        rest[..day_len].parse().ok()?,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Asserts the day each value names.
    fn assert_days(cases: &[(&str, &str)]) {
        for (value, expected) in cases {
            assert_eq!(day_of(value).as_deref(), Some(*expected), "{value:?}");
        }
    }

    #[test]
    fn iso_dates_keep_the_day_as_written() {
        assert_days(&[
            ("2017-06-18", "2017-06-18"),
            ("2017-06-18T23:30:00-04:00", "2017-06-18"),
            ("2017-06-19T01:30:00+09:00", "2017-06-19"),
            ("2017-06-18T03:00:00Z", "2017-06-18"),
            (" 2017-06-18 10:00:00 ", "2017-06-18"),
            ("2017/6/8", "2017-06-08"),
            ("2017.06.18", "2017-06-18"),
            ("20170618", "2017-06-18"),
            ("20170618T1000", "2017-06-18"),
        ]);
    }

    #[test]
    fn dates_with_month_names() {
        assert_days(&[
            ("June 18, 2017", "2017-06-18"),
            ("18 June 2017", "2017-06-18"),
            ("Jun 8 2017", "2017-06-08"),
            ("Sept. 3, 2016", "2016-09-03"),
            ("Sun, 18 Jun 2017 10:00:00 +0000", "2017-06-18"),
            ("Published on Tuesday, June 20th 2017", "2017-06-20"),
        ]);
    }

    #[test]
    fn anything_else_is_no_day() {
        for value in [
            "",
            "yesterday",
            "2017",
            "2017-06",
            "2017-02-30",
            "2017-13-01",
            "0000-00-00",
            "201706181",
            "2017-06-181",
            "1499999999",
            "June 2017",
            "May the fourth",
            "12/06/2017",
        ] {
            assert_eq!(day_of(value), None, "{value:?}");
        }
    }
}

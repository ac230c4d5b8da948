//! Dates as people write them: `June 18, 2017`, `18 Jun 2017`, `Sept. 3, 2016`, and the
//! dateline a text opens with (`WASHINGTON, Dec. 10, 2016 — The council…`, or a first paragraph
//! that is only a date, `Tuesday, September 1, 2015`).
//!
//! One copy for everything that reads them: the analysis engine proposes a text's dateline as
//! its publication day when its metadata gives none, the page extractor reads dates in page
//! metadata with [`named_month_day`], and the page worker reports a saved page's dateline.

use jiff::civil::Date;

/// Years a publication date may fall in; anything else is a placeholder or a misreading.
const YEARS: std::ops::RangeInclusive<i16> = 1800..=2200;

/// The date `year`-`month`-`day` when it exists and its year is plausible (1800 to 2200).
pub fn plausible_date(year: i64, month: i64, day: i64) -> Option<Date> {
    let year = i16::try_from(year).ok().filter(|y| YEARS.contains(y))?;
    Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

/// The month an English month name or its three-letter abbreviation (`Sept.` too) stands for.
fn month_number(word: &str) -> Option<i64> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let word = word.to_ascii_lowercase();
    if word.len() < 3 {
        return None;
    }
    let position = MONTHS
        .iter()
        .position(|m| *m == word || (word.len() <= 4 && m.starts_with(&word)))?;
    Some(position as i64 + 1)
}

/// A day number: `7`, `07`, `7th`, `21st`.
fn day_number(token: &str) -> Option<i64> {
    let digits = token.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &token[digits.len()..];
    if !(1..=2).contains(&digits.len())
        || !matches!(
            suffix.to_ascii_lowercase().as_str(),
            "" | "st" | "nd" | "rd" | "th"
        )
    {
        return None;
    }
    digits.parse().ok()
}

/// A date written with an English month name: `June 18, 2017`, `18 June 2017`,
/// `Sun, 18 Jun 2017 10:00:00 +0000`, `Published on Tuesday, June 18th 2017`.
pub fn named_month_day(value: &str) -> Option<Date> {
    let tokens: Vec<&str> = value
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| !t.is_empty())
        .collect();
    let at = tokens.iter().position(|t| month_number(t).is_some())?;
    let month = month_number(tokens[at])?;
    let year = |t: &&str| (t.len() == 4).then(|| t.parse::<i64>().ok()).flatten();
    // Day right after the month (`June 18, 2017`) or right before it (`18 June 2017`).
    let (day, after_day) = match tokens.get(at + 1).and_then(|t| day_number(t)) {
        Some(day) => (day, at + 2),
        None => (day_number(tokens.get(at.checked_sub(1)?)?)?, at + 1),
    };
    let year = tokens.get(after_day).and_then(year)?;
    plausible_date(year, month, day)
}

/// The longest dateline read: a place, a weekday and a date fit well within it.
const MAX_DATELINE_CHARS: usize = 60;

/// The day (`YYYY-MM-DD`) the first paragraph's dateline names, or `None` when it starts with
/// no dateline.
///
/// The dateline is what comes before the first dash (`—`, `–`, `--`, ` - `) of the first
/// paragraph, or the whole paragraph when it is short and has no dash. It must be at most
/// 60 characters, every word in it capitalized (a place, a weekday, a month), and end with the
/// year, after an optional agency in parentheses: `PARIS, June 3, 2019 (Reuters) —`.
///
/// ```
/// use dateline_format::dateline::text_dateline;
/// let text = ["WASHINGTON, Dec. 10, 2016 — The Senate voted on Friday.".to_string()];
/// assert_eq!(text_dateline(&text).as_deref(), Some("2016-12-10"));
/// ```
pub fn text_dateline(paragraphs: &[String]) -> Option<String> {
    paragraph_dateline(paragraphs.first()?).map(|dateline| dateline.day)
}

/// A dateline found at the start of a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dateline {
    /// The day it names, `YYYY-MM-DD`.
    pub day: String,
    /// Where it ends: the code point offset in the paragraph just after it (before the dash).
    pub end: usize,
}

/// The dateline `paragraph` opens with, as [`text_dateline`] reads it, and where it ends; for
/// telling the dateline's own date from the dates the text reports.
pub fn paragraph_dateline(paragraph: &str) -> Option<Dateline> {
    let start = paragraph.len() - paragraph.trim_start().len();
    let first = paragraph.trim();
    let head = ["—", "–", "--", " - "]
        .iter()
        .filter_map(|dash| first.find(dash))
        .min()
        .map_or(first, |at| &first[..at])
        .trim();
    if head.is_empty() || head.chars().count() > MAX_DATELINE_CHARS {
        return None;
    }
    let end = paragraph[..start + head.len()].chars().count();
    // `PARIS, June 3, 2019 (Reuters)`: the agency is not part of the date.
    let head = match head
        .strip_suffix(')')
        .and_then(|h| h.rfind('(').map(|at| &h[..at]))
    {
        Some(before) => before.trim_end(),
        None => head,
    };
    let head = head.trim_end_matches([',', '.', ':', ';', ' ']);
    let ends_with_year = head.len() >= 4
        && head.is_char_boundary(head.len() - 4)
        && head[head.len() - 4..].bytes().all(|b| b.is_ascii_digit())
        && !head[..head.len() - 4].ends_with(|c: char| c.is_ascii_digit());
    let words_capitalized = head
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| word.starts_with(char::is_alphabetic))
        .all(|word| word.starts_with(char::is_uppercase));
    if !ends_with_year || !words_capitalized {
        return None;
    }
    named_month_day(head).map(|date| Dateline {
        // Written by hand: jiff's `Display` would bring its whole printer into the reading app.
        day: format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day()),
        end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dateline(first: &str) -> Option<String> {
        text_dateline(&[first.to_string(), "The second paragraph.".to_string()])
    }

    #[test]
    fn datelines_at_the_start_of_the_text() {
        for (text, day) in [
            (
                "WASHINGTON, Dec. 10, 2016 — The Senate voted.",
                "2016-12-10",
            ),
            (
                "WASHINGTON, Dec. 10, 2016 -- The Senate voted.",
                "2016-12-10",
            ),
            (
                "Washington, December 10, 2016 – The Senate voted.",
                "2016-12-10",
            ),
            ("Tuesday, September 1, 2015", "2015-09-01"),
            ("September 1, 2015", "2015-09-01"),
            ("LONDON, 3 June 2019 - Ministers met.", "2019-06-03"),
            (
                "PARIS, Sept. 3, 2019 (Reuters) — Ministers met.",
                "2019-09-03",
            ),
            ("SÃO PAULO, Jan. 2, 2020 — Markets fell.", "2020-01-02"),
        ] {
            assert_eq!(dateline(text).as_deref(), Some(day), "{text:?}");
        }
    }

    #[test]
    fn a_dateline_ends_before_its_dash() {
        let dateline =
            paragraph_dateline(" PARIS, Sept. 3, 2019 (Reuters) — Ministers met.").unwrap();
        assert_eq!(
            dateline.end,
            " PARIS, Sept. 3, 2019 (Reuters)".chars().count()
        );
        let alone = paragraph_dateline("Tuesday, September 1, 2015").unwrap();
        assert_eq!((alone.day.as_str(), alone.end), ("2015-09-01", 26));
        let accented = paragraph_dateline("SÃO PAULO, Jan. 2, 2020 — Markets fell.").unwrap();
        assert_eq!(accented.end, 23);
    }

    #[test]
    fn no_dateline_is_no_day() {
        for text in [
            "",
            "WASHINGTON (AP) — The Senate voted on Dec. 10, 2016.",
            "The Senate voted on Dec. 10, 2016, to pass the bill.",
            "Posted on December 10, 2016 — The Senate voted.",
            "WASHINGTON, Dec. 10 — The Senate voted.",
            "WASHINGTON, Feb. 30, 2016 — The Senate voted.",
            "Tuesday, September 1, 2015, was the day the council finally agreed to rebuild the bridge.",
            "WASHINGTON, Dec. 10, 20161 — The Senate voted.",
        ] {
            assert_eq!(dateline(text), None, "{text:?}");
        }
        assert_eq!(text_dateline(&[]), None);
    }
}

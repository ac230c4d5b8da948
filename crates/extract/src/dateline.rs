//! The date of a text's own dateline: `WASHINGTON, Dec. 10, 2016 — The council…`, or a first
//! paragraph that is only a date (`Tuesday, September 1, 2015`). For pages whose metadata gives
//! no publication day; the caller says where the date came from.

use crate::date::named_month_day;

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
/// use dateline_extract::text_dateline;
/// let text = ["WASHINGTON, Dec. 10, 2016 — The Senate voted on Friday.".to_string()];
/// assert_eq!(text_dateline(&text).as_deref(), Some("2016-12-10"));
/// ```
pub fn text_dateline(paragraphs: &[String]) -> Option<String> {
    let first = paragraphs.first()?.trim();
    let head = ["—", "–", "--", " - "]
        .iter()
        .filter_map(|dash| first.find(dash))
        .min()
        .map_or(first, |at| &first[..at])
        .trim();
    if head.is_empty() || head.chars().count() > MAX_DATELINE_CHARS {
        return None;
    }
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
    named_month_day(head).map(|date| date.to_string())
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

//! Reader-facing wording of dates and lengths.

use dateline_format::article::{Event, Granularity};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month_name(number: &str) -> Option<&'static str> {
    let index: usize = number.parse().ok()?;
    MONTHS.get(index.checked_sub(1)?).copied()
}

/// "18 June 2017", "November 2016", "week 27 of 2017", or plain words for values with no
/// calendar place ("the present").
pub fn display_date(value: &str) -> String {
    let part = |range: std::ops::Range<usize>| value.get(range).unwrap_or_default();
    let year = part(0..4);
    let day = || part(8..10).trim_start_matches('0').to_string();
    let shown = match Granularity::of_value(value) {
        Some(Granularity::Decade) => Some(format!("the {}0s", part(0..3))),
        Some(Granularity::Year) => Some(year.to_string()),
        Some(Granularity::Month) => month_name(part(5..7)).map(|m| format!("{m} {year}")),
        Some(Granularity::Day) => month_name(part(5..7)).map(|m| format!("{} {m} {year}", day())),
        Some(Granularity::Time) => month_name(part(5..7)).map(|m| {
            let time = match part(11..value.len()) {
                "MO" => "morning".to_string(),
                "AF" => "afternoon".to_string(),
                "EV" => "evening".to_string(),
                "NI" => "night".to_string(),
                "DT" => "daytime".to_string(),
                clock => clock.to_string(),
            };
            format!("{} {m} {year}, {time}", day())
        }),
        Some(Granularity::Week) => Some(format!(
            "week {} of {year}",
            part(6..value.len()).trim_start_matches('0')
        )),
        Some(Granularity::Quarter) => Some(format!(
            "{} quarter of {year}",
            ["first", "second", "third", "fourth"]
                [part(6..7).parse::<usize>().unwrap_or(1).clamp(1, 4) - 1]
        )),
        Some(Granularity::Season) => Some(format!(
            "{} {year}",
            match part(5..7) {
                "SP" => "spring",
                "SU" => "summer",
                "FA" => "autumn",
                _ => "winter",
            }
        )),
        None => None,
    };
    shown.unwrap_or_else(|| match value {
        "PRESENT_REF" => "the present".to_string(),
        "PAST_REF" => "the past".to_string(),
        "FUTURE_REF" => "the future".to_string(),
        other => other.to_string(),
    })
}

/// An article's publication date for the reader: "18 June 2017", "December 2016" when only the
/// month is known, "date unknown" when it is not known; "10 December 2016 (from the article's
/// dateline)" when the day was `inferred` from the text.
pub fn display_published(published: Option<&str>, inferred: bool) -> String {
    match published {
        None => "date unknown".to_string(),
        Some(date) if inferred => format!("{} (from the article's dateline)", display_date(date)),
        Some(date) => display_date(date),
    }
}

/// How an event's date reads: in words at its granularity ("18 June 2017"), or, when it has no
/// calendar place, the text's own words for it (“today”, from `body`, the article's body text),
/// which say more than `PRESENT_REF`. `body` is asked for only then.
pub fn event_when<S: AsRef<str>>(event: &Event, body: impl FnOnce() -> S) -> String {
    if event.granularity.is_some() {
        return display_date(&event.date);
    }
    let body = body();
    let words = dateline_format::span::slice(body.as_ref(), event.timex);
    if words.is_empty() {
        display_date(&event.date)
    } else {
        format!("“{words}”")
    }
}

/// Minutes an adult reads `words` words in, at 230 words a minute, at least one.
pub fn reading_minutes(words: usize) -> usize {
    words.div_ceil(230).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_naturally() {
        assert_eq!(display_date("2017-06-18"), "18 June 2017");
        assert_eq!(display_date("2016-11"), "November 2016");
        assert_eq!(display_date("2017"), "2017");
        assert_eq!(display_date("2017-W27"), "week 27 of 2017");
        assert_eq!(display_date("2017-07-07TAF"), "7 July 2017, afternoon");
        assert_eq!(display_date("201"), "the 2010s");
        assert_eq!(display_date("PRESENT_REF"), "the present");
        assert_eq!(display_date("2017-13"), "2017-13");
    }

    #[test]
    fn publication_dates_say_what_is_known() {
        assert_eq!(
            display_published(Some("2016-12-10"), false),
            "10 December 2016"
        );
        assert_eq!(display_published(Some("2016-12"), false), "December 2016");
        assert_eq!(display_published(None, false), "date unknown");
        assert_eq!(
            display_published(Some("2016-12-10"), true),
            "10 December 2016 (from the article's dateline)"
        );
    }

    #[test]
    fn undated_events_read_as_the_text_words_them() {
        let event = |date: &str| Event {
            id: "event-1".into(),
            date: date.into(),
            granularity: Granularity::of_value(date),
            label: "met".into(),
            sentence: dateline_format::article::Span::new(0, 20),
            timex: dateline_format::article::Span::new(14, 19),
            entities: vec![],
        };
        let body = || "Officials met today.".to_string();
        assert_eq!(event_when(&event("PRESENT_REF"), body), "“today”");
        assert_eq!(
            event_when(&event("2016-12-10"), || -> &str { unreachable!() }),
            "10 December 2016"
        );
    }

    #[test]
    fn reading_time_rounds_up() {
        assert_eq!(reading_minutes(0), 1);
        assert_eq!(reading_minutes(343), 2);
        assert_eq!(reading_minutes(460), 2);
    }
}

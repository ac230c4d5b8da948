//! The words time expressions are made of, and the short lists that tell a time expression from
//! a quantity, a rate or an age.
//!
//! Lists are compared against lowercased tokens. Month and weekday names also need a capital,
//! so "may" and "sun" stay words.

use super::value::{Holiday, Season, Unit};
use crate::analysis::segment::Token;

/// The month a capitalized token names: "June", "Aug.".
pub(super) fn month_of(token: &Token) -> Option<u8> {
    if !token.is_capitalized() {
        return None;
    }
    let m = match token.lower.as_str() {
        "january" | "jan." => 1,
        "february" | "feb." => 2,
        "march" | "mar." => 3,
        "april" | "apr." => 4,
        "may" => 5,
        "june" | "jun." => 6,
        "july" | "jul." => 7,
        "august" | "aug." => 8,
        "september" | "sept." | "sep." => 9,
        "october" | "oct." => 10,
        "november" | "nov." => 11,
        "december" | "dec." => 12,
        _ => return None,
    };
    Some(m)
}

/// Month names that are common words too: taken alone only after [`MONTH_PREPOSITIONS`].
pub(super) fn is_ambiguous_month(lower: &str) -> bool {
    matches!(lower, "may" | "march")
}

/// Words after which "May" and "March" are months ("in May", "since March").
pub(super) const MONTH_PREPOSITIONS: &[&str] = &[
    "in", "since", "until", "by", "last", "next", "this", "early", "late", "mid", "of", "from",
    "through", "before", "after", "during", "-", "between",
];

/// The ISO weekday (1 = Monday) a capitalized token names, and whether it is plural
/// ("Fridays", a recurrence).
pub(super) fn weekday_of(token: &Token) -> Option<(u8, bool)> {
    if !token.is_capitalized() {
        return None;
    }
    let word = token.lower.as_str();
    let plural = word.ends_with("days");
    let d = match word.trim_end_matches('s') {
        "monday" | "mon." => 1,
        "tuesday" | "tue." | "tues." => 2,
        "wednesday" | "wed." => 3,
        "thursday" | "thu." | "thur." | "thurs." => 4,
        "friday" | "fri." => 5,
        "saturday" | "sat." => 6,
        "sunday" | "sun." => 7,
        _ => return None,
    };
    Some((d, plural))
}

pub(super) fn season_of(word: &str) -> Option<Season> {
    match word {
        "spring" => Some(Season::Spring),
        "summer" => Some(Season::Summer),
        "fall" | "autumn" => Some(Season::Fall),
        "winter" => Some(Season::Winter),
        _ => None,
    }
}

/// "the nineties": the decade of the 1900s.
pub(super) fn decade_word(word: &str) -> Option<u8> {
    let d = match word {
        "twenties" => 2,
        "thirties" => 3,
        "forties" => 4,
        "fifties" => 5,
        "sixties" => 6,
        "seventies" => 7,
        "eighties" => 8,
        "nineties" => 9,
        _ => return None,
    };
    Some(d)
}

/// The TIMEX3 code of a part of the day.
pub(super) fn part_of_day(word: &str) -> Option<&'static str> {
    match word {
        "morning" => Some("MO"),
        "afternoon" => Some("AF"),
        "evening" => Some("EV"),
        "night" | "overnight" => Some("NI"),
        _ => None,
    }
}

/// A number in words. "a" and "an" count as one: "a year ago".
pub(super) fn number_word(word: &str) -> Option<u32> {
    let n = match word {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        "dozen" => 12,
        _ => return None,
    };
    Some(n)
}

/// An ordinal in words, up to "twelfth".
pub(super) fn ordinal_word(word: &str) -> Option<u8> {
    let n = match word {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        _ => return None,
    };
    Some(n)
}

/// The unit a word names, and whether it is plural.
pub(super) fn unit_of(word: &str) -> Option<(Unit, bool)> {
    let (unit, plural) = match word {
        "second" | "seconds" => (Unit::Second, word.ends_with('s')),
        "minute" | "minutes" => (Unit::Minute, word.ends_with('s')),
        "hour" | "hours" => (Unit::Hour, word.ends_with('s')),
        "day" | "days" => (Unit::Day, word.ends_with('s')),
        "week" | "weeks" => (Unit::Week, word.ends_with('s')),
        "weekend" | "weekends" => (Unit::Weekend, word.ends_with('s')),
        "month" | "months" => (Unit::Month, word.ends_with('s')),
        "quarter" | "quarters" => (Unit::Quarter, word.ends_with('s')),
        "year" | "years" => (Unit::Year, word.ends_with('s')),
        "decade" | "decades" => (Unit::Decade, word.ends_with('s')),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        _ => return None,
    };
    Some((unit, plural))
}

/// The offset a deictic day word counts from the publication date.
pub(super) fn day_word(word: &str) -> Option<i64> {
    match word {
        "today" => Some(0),
        "yesterday" => Some(-1),
        "tomorrow" => Some(1),
        _ => None,
    }
}

/// The step "this", "last", "next" and their synonyms take from the present one.
pub(super) fn step_word(word: &str) -> Option<i64> {
    match word {
        "this" | "current" => Some(0),
        "last" | "past" | "previous" | "preceding" => Some(-1),
        "next" | "coming" | "following" => Some(1),
        _ => None,
    }
}

/// The year offset of "this year", "last year", "next year".
pub(super) fn relative_year(first: &str, second: &str) -> Option<i64> {
    if second != "year" {
        return None;
    }
    match first {
        "this" => Some(0),
        "last" => Some(-1),
        "next" => Some(1),
        _ => None,
    }
}

/// Words that stand for the present: "now", "currently".
pub(super) const NOW: &[&str] = &["now", "currently", "presently", "nowadays"];

/// The TIMEX3 value of a recurrence adverb: "daily" is every day.
pub(super) fn recurrence_word(word: &str) -> Option<&'static str> {
    match word {
        "daily" => Some("P1D"),
        "nightly" => Some("P1N"),
        "weekly" => Some("P1W"),
        "monthly" => Some("P1M"),
        "yearly" => Some("P1Y"),
        "hourly" => Some("PT1H"),
        _ => None,
    }
}

/// Nouns after "today's" that make it the present age, not the day: "today's youth".
pub(super) const AGE_NOUNS: &[&str] = &[
    "youth",
    "world",
    "society",
    "generation",
    "children",
    "young",
    "modern",
    "personal",
];

/// Words whose "the" belongs to the time expression: "the past", "the third quarter".
pub(super) const TAKES_THE: &[&str] = &[
    "past",
    "future",
    "present",
    "near",
    "next",
    "last",
    "first",
    "coming",
    "previous",
    "latest",
    "current",
    "weekend",
    "quarter",
    "year",
    "fiscal",
    "full",
    "following",
    "same",
    "preceding",
    "latter",
    "short",
    "long",
];

/// Words after "the year" that make it no year of its own ("the year before", "the year he
/// left").
pub(super) const AFTER_ANOTHER_YEAR: &[&str] = &[
    "-", "before", "after", "earlier", "later", "when", "in", "of", "that", "he", "she", "it",
    "they",
];

/// Time zones after a clock time: "5 p.m. EST".
pub(super) const TIME_ZONES: &[&str] = &[
    "gmt", "utc", "est", "edt", "pst", "pdt", "cst", "cdt", "bst", "cet", "msk", "et",
];

/// Words after a four-digit number that make it a count, not a year: "1500 people".
pub(super) const COUNTED: &[&str] = &[
    "percent",
    "%",
    "million",
    "billion",
    "people",
    "shares",
    "troops",
    "members",
    "points",
    "votes",
    "dollars",
    "acres",
    "feet",
    "meters",
    "miles",
    "tons",
    "cars",
    "jobs",
    "units",
    "-",
    "+",
    "articles",
    "children",
    "schoolchildren",
    "students",
    "pupils",
    "patients",
    "residents",
    "workers",
    "soldiers",
    "employees",
    "visitors",
    "users",
    "editors",
    "homes",
    "households",
    "copies",
    "pages",
    "words",
    "deaths",
    "cases",
    "victims",
    "species",
    "km",
    "kilometres",
    "kilometers",
    "metres",
];

/// Words before a four-digit number that make it a count, not a year: "over 1000 articles",
/// "nearly 2000 people".
pub(super) const COUNT_LEADERS: &[&str] = &[
    "over",
    "under",
    "nearly",
    "almost",
    "approximately",
    "roughly",
    "least",
    "some",
];

/// Words before a four-digit number that make it the number of something, not a year:
/// "Security Council Resolution 2254", "Article 1441", "Flight 1549".
pub(super) const NUMBERED: &[&str] = &[
    "resolution",
    "resolutions",
    "number",
    "article",
    "section",
    "paragraph",
    "clause",
    "chapter",
    "decree",
    "flight",
    "route",
    "highway",
    "interstate",
];

/// Words around a four-digit number below 1500 that say it is a year ("in 1066", "1066 AD");
/// without one it is read as a count, as news text rarely names such early years bare.
pub(super) const EARLY_YEAR_LEADERS: &[&str] = &[
    "in", "since", "of", "from", "until", "till", "by", "year", "circa", "c.", "before", "after",
];
pub(super) const ERAS: &[&str] = &["ad", "bc", "bce", "ce"];

/// Amounts that "a week" or "a year" after them make a rate of: "700 seats a week".
pub(super) const RATE_AMOUNTS: &[&str] = &[
    "million", "billion", "trillion", "percent", "%", "cents", "dollars", "seats", "flights",
    "times", "shares",
];

/// Words before bare plural units that make them an unspecified number of units: "several
/// months", "recent years".
pub(super) const QUANTIFIERS: &[&str] = &[
    "few", "several", "many", "some", "recent", "coming", "next", "past", "last",
];

/// Prepositions that frame bare plural units as a stretch of time: "for years", "in decades".
pub(super) const DURATION_FRAMES: &[&str] = &[
    "for", "in", "over", "within", "of", "the", "after", "before", "than",
];

/// Expressions (without "the") that mean a year before the quarter a report is on: "profit
/// rose from a year earlier".
pub(super) const YEAR_BACK: &[&str] = &[
    "a year ago",
    "a year earlier",
    "one year ago",
    "one year earlier",
    "a year before",
    "year-ago",
    "year-earlier",
    "last year's",
];

/// When a holiday falls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum HolidayDate {
    /// On the same month and day every year.
    Fixed(u8, u8),
    /// On a weekday that moves from year to year.
    Moving(Holiday),
}

/// A holiday's name as tokens.
pub(super) struct HolidayName {
    pub words: &'static [&'static str],
    /// How many leading words must be capitalized: "labor day" is no holiday, "Labor Day" is.
    pub capitals: usize,
    pub date: HolidayDate,
}

/// Holiday names, a longer name before its prefix. The tokenizer splits "'s" off, but both
/// spellings of "New Year's" are listed.
pub(super) const HOLIDAYS: &[HolidayName] = &[
    HolidayName {
        words: &["christmas", "eve"],
        capitals: 1,
        date: HolidayDate::Fixed(12, 24),
    },
    HolidayName {
        words: &["christmas", "day"],
        capitals: 1,
        date: HolidayDate::Fixed(12, 25),
    },
    HolidayName {
        words: &["christmas"],
        capitals: 1,
        date: HolidayDate::Fixed(12, 25),
    },
    HolidayName {
        words: &["halloween"],
        capitals: 1,
        date: HolidayDate::Fixed(10, 31),
    },
    HolidayName {
        words: &["new", "year's", "eve"],
        capitals: 0,
        date: HolidayDate::Fixed(12, 31),
    },
    HolidayName {
        words: &["new", "year", "'s", "eve"],
        capitals: 0,
        date: HolidayDate::Fixed(12, 31),
    },
    HolidayName {
        words: &["new", "year's", "day"],
        capitals: 0,
        date: HolidayDate::Fixed(1, 1),
    },
    HolidayName {
        words: &["new", "year", "'s", "day"],
        capitals: 0,
        date: HolidayDate::Fixed(1, 1),
    },
    HolidayName {
        words: &["thanksgiving", "day"],
        capitals: 1,
        date: HolidayDate::Moving(Holiday::Thanksgiving),
    },
    HolidayName {
        words: &["thanksgiving"],
        capitals: 1,
        date: HolidayDate::Moving(Holiday::Thanksgiving),
    },
    HolidayName {
        words: &["labor", "day"],
        capitals: 2,
        date: HolidayDate::Moving(Holiday::LaborDay),
    },
    HolidayName {
        words: &["election", "day"],
        capitals: 2,
        date: HolidayDate::Moving(Holiday::ElectionDay),
    },
];

/// Words that put the time near them in the future: "will", "expected", "next".
pub(super) const FUTURE_CUES: &[&str] = &[
    "will",
    "'ll",
    "shall",
    "upcoming",
    "coming",
    "next",
    "expected",
    "expects",
    "scheduled",
    "plans",
    "planned",
    "plan",
    "due",
    "until",
    "till",
    "tomorrow",
    "going",
    "forthcoming",
    "intends",
    "later",
    "hope",
    "hopes",
    "aims",
    "set",
    "would",
    "payable",
    "effective",
    "soon",
    "planning",
    "tomorrow's",
];

/// Words that put the time near them in the past: auxiliaries, "since", "ago", irregular past
/// tenses (regular ones end in "-ed").
pub(super) const PAST_CUES: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "since",
    "after",
    "last",
    "ago",
    "earlier",
    "previous",
    "past",
    "yesterday",
    "said",
    "told",
    "met",
    "took",
    "made",
    "went",
    "came",
    "saw",
    "gave",
    "held",
    "won",
    "lost",
    "shot",
    "left",
    "began",
    "fell",
    "rose",
    "sold",
    "bought",
    "paid",
    "sent",
    "spent",
    "brought",
    "thought",
    "found",
    "got",
    "kept",
    "led",
    "ran",
    "struck",
    "stood",
    "became",
    "broke",
    "chose",
    "drew",
    "drove",
    "flew",
    "grew",
    "hit",
    "knew",
    "meant",
    "put",
    "quit",
    "shook",
    "spoke",
    "wrote",
    "won't've",
    "beat",
    "killed",
    "fled",
    "ended",
    "elected",
    "took office",
    "agreed",
    "signed",
];

/// Determiners: a word after one is a noun or an adjective ("the plan", "an unspecified date"),
/// not a verb.
pub(super) const DETERMINERS: &[&str] = &[
    "a", "an", "the", "its", "their", "his", "her", "our", "this", "these", "those",
];

/// Words ending in "-ed" that are no past tense.
pub(super) const NOT_PAST_ED: &[&str] = &[
    "need", "indeed", "speed", "hundred", "proceed", "succeed", "exceed",
];

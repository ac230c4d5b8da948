//! What a time expression means before the publication date places it on the calendar.
//!
//! The matcher reads a [`Value`] off the words alone: "last week" is
//! `Relative { unit: Week, offset: -1 }` whatever the date. [`super::resolve`] turns it into a
//! TIMEX3 string.

/// What a matched time expression means, before the publication date places it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Value {
    /// A TIMEX3 value the text gives in full: "1998-08-07", "P3D", "XXXX-WXX-1", "PRESENT_REF".
    Literal(String),
    /// `offset` units from the publication date: "yesterday", "next month", "two years ago".
    Relative { unit: Unit, offset: i64 },
    /// `offset` units from the time the text mentioned last at that unit ("the following year",
    /// "that day"), or from the publication date when it mentioned none.
    Anaphoric { unit: Unit, offset: i64 },
    /// A month without a year: "in June", "last March".
    Month { month: u8, which: Which },
    /// A month and day without a year, placed by the tense: "June 18th", "Christmas".
    MonthDay { month: u8, day: u8 },
    /// A month (and day) of a year counted from the publication year: "January this year".
    InRelativeYear {
        month: u8,
        day: Option<u8>,
        year_offset: i64,
    },
    /// A quarter of a year counted from the publication year: "next year's first quarter",
    /// "the year-ago third quarter".
    QuarterInRelativeYear { quarter: u8, year_offset: i64 },
    /// An ISO weekday, 1 (Monday) ..= 7: "Friday", "next Tuesday".
    Weekday { day: u8, which: Which },
    /// The weekday before (`Which::Last`) or after (`Which::Next`) the day the text mentioned
    /// last, or the publication date: "the previous Friday", "the following Monday".
    AnaphoricWeekday { day: u8, which: Which },
    /// The day `days` days from a day: "the day before last Tuesday", "the day after Christmas".
    DayShift { day: Box<Value>, days: i64 },
    /// The ISO week a day falls in: "the week of March 6".
    WeekOf(Box<Value>),
    /// A season without a year: "the summer", "last winter".
    Season { season: Season, which: Which },
    /// A quarter named by its number, placed by the tense: "the third quarter".
    NumberedQuarter(u8),
    /// A quarter named by its place: "the quarter", "last quarter".
    Quarter(Which),
    /// A half (1 or 2) of the publication year: "the first half".
    HalfYear(u8),
    /// The last day of the publication year ("by year-end") or, `previous`, of the year before
    /// ("since year-end").
    YearEnd { previous: bool },
    /// A holiday whose date moves from year to year, placed by the tense.
    Holiday(Holiday),
    /// "the weekend": the last one or the coming one, by the tense.
    Weekend,
    /// A part of a day, as a TIMEX3 code ("MO"): "tomorrow morning", "last Friday night".
    PartOfDay { day: Box<Value>, part: &'static str },
    /// A clock time on a day: "10 p.m. Wednesday", "at 3 p.m." (the day mentioned last, or the
    /// day of publication).
    ClockTime {
        day: Box<Value>,
        hour: u32,
        minute: u32,
    },
}

/// Which occurrence of a recurring time (a weekday, a month, a season, a quarter) is meant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Which {
    /// The one the tense around the expression points to: "Monday", "in March".
    ByTense,
    /// "last Monday", "past summer".
    Last,
    /// "this Monday", "current quarter".
    This,
    /// "next Monday", "coming winter".
    Next,
}

impl Which {
    /// The occurrence a step from "this" names: -1 is "last", 1 is "next".
    pub(super) fn from_step(step: i64) -> Which {
        match step {
            0 => Which::This,
            s if s < 0 => Which::Last,
            _ => Which::Next,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    /// The TIMEX3 code.
    pub(super) fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    /// The month it starts in, in the northern hemisphere.
    pub(super) fn start_month(self) -> i64 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Fall => 9,
            Season::Winter => 12,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Holiday {
    /// Fourth Thursday of November.
    Thanksgiving,
    /// First Monday of September.
    LaborDay,
    /// The Tuesday after the first Monday of November.
    ElectionDay,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// A TIMEX3 duration of `n` and a half units ("2 1/2 years" is P2Y6M), where the unit splits.
    pub(super) fn and_a_half(self, n: u32) -> Option<String> {
        Some(match self {
            Unit::Minute => format!("PT{n}M30S"),
            Unit::Hour => format!("PT{n}H30M"),
            Unit::Day => format!("P{n}DT12H"),
            Unit::Year => format!("P{n}Y6M"),
            _ => return None,
        })
    }

    /// A TIMEX3 duration of `n` units (`None` = unspecified, "X").
    pub(super) fn duration(self, n: Option<u32>) -> String {
        // TimeBank writes counted decades and centuries in years: "two decades" is P20Y.
        match (self, n) {
            (Unit::Decade, Some(n)) => return format!("P{}Y", u64::from(n) * 10),
            (Unit::Century, Some(n)) => return format!("P{}Y", u64::from(n) * 100),
            _ => {}
        }
        let n = n.map_or_else(|| "X".to_string(), |n| n.to_string());
        match self {
            Unit::Second => format!("PT{n}S"),
            Unit::Minute => format!("PT{n}M"),
            Unit::Hour => format!("PT{n}H"),
            Unit::Day => format!("P{n}D"),
            Unit::Week => format!("P{n}W"),
            Unit::Weekend => format!("P{n}WE"),
            Unit::Month => format!("P{n}M"),
            Unit::Quarter => format!("P{n}Q"),
            Unit::Year => format!("P{n}Y"),
            Unit::Decade => format!("P{n}DE"),
            Unit::Century => format!("P{n}CE"),
        }
    }
}

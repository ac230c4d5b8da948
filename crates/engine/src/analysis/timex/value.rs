//! What a time expression means before the publication date places it on the calendar.

/// A value that may still need the tense around it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Val {
    Fixed(String),
    Month(u8),
    MonthDay(u8, u8),
    /// ISO weekday 1 (Monday) ..= 7.
    Weekday(u8),
    Quarter(Option<u8>),
    /// A holiday whose date moves from year to year.
    Holiday(Holiday),
    /// "the weekend": the last one or the coming one, by the tense.
    Weekend,
    /// A season ("SU"): the nearest one by the tense.
    Season(&'static str),
    /// `n` units from the time the text last mentioned ("the following year", "that day"),
    /// or from the publication date when it mentioned none at that unit.
    Anaphor(Unit, i64),
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

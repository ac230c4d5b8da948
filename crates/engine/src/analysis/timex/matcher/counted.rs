//! Expressions that count: years and decades in digits ("1998", "1990s", "the 20th century")
//! and counted units ("two years", "two years ago", "16-hour", "2 1/2 years").

use dateline_format::article::TimexType;

use super::{relative, year_number, Match, Matcher};
use crate::analysis::segment::{Kind, Token};
use crate::analysis::timex::value::Unit;
use crate::analysis::timex::words::{
    number_word, ordinal_word, unit_of, COUNTED, COUNT_LEADERS, EARLY_YEAR_LEADERS, ERAS, NUMBERED,
    RATE_AMOUNTS,
};

impl Matcher<'_> {
    /// Expressions that start with a number: years, decades, "two years ago", "16-hour".
    pub(super) fn number_led(&self, i: usize) -> Option<Match> {
        let tok = self.tok(i)?;
        let before = self.w_before(i);
        // Decades: "1990s", "the 1990s".
        if tok.lower.len() == 5 && tok.lower.ends_with("0s") {
            let decade = &tok.lower[..3];
            if decade.bytes().all(|b| b.is_ascii_digit()) {
                return Some(Match::literal(i + 1, TimexType::Date, decade));
            }
        }
        // "the 20th century"
        if self.w(i + 1) == "century" {
            let n = tok
                .lower
                .trim_end_matches(|c: char| c.is_ascii_alphabetic())
                .parse::<u32>()
                .ok()
                .filter(|n| (1..=30).contains(n))?;
            if tok.lower.len() > 2 && !tok.lower.ends_with(|c: char| c.is_ascii_digit()) {
                return Some(Match::literal(
                    i + 2,
                    TimexType::Date,
                    format!("{:02}", n - 1),
                ));
            }
        }
        if let Some(year) = year_number(tok) {
            let after = self.w(i + 1);
            // "the 1988 third quarter"
            if let Some(q) = ordinal_word(after).filter(|q| *q <= 4) {
                let j = if self.w(i + 2) == "-" { i + 3 } else { i + 2 };
                if self.w(j) == "quarter" {
                    return Some(Match::literal(
                        j + 1,
                        TimexType::Date,
                        format!("{year:04}-Q{q}"),
                    ));
                }
            }
            // "the 1988 quarter", "the 1989 period": in a quarterly report, the quarter reported
            // on in that year (see `resolve::year_ago_quarters`); elsewhere the year.
            if matches!(after, "quarter" | "period") && before == "the" {
                return Some(Match::literal(i + 2, TimexType::Date, format!("{year:04}")));
            }
            let unit_follows = unit_of(after).is_some();
            let money =
                matches!(before, "$" | "€" | "£" | "¥" | "no." | "#") || before.ends_with('$');
            let numbered = NUMBERED.contains(&before);
            let quantity = COUNTED.contains(&after) || COUNT_LEADERS.contains(&before);
            let early_without_context =
                year < 1500 && !EARLY_YEAR_LEADERS.contains(&before) && !ERAS.contains(&after);
            let in_a_list = before == ","
                && self
                    .tok(i.wrapping_sub(2))
                    .is_some_and(|t| t.kind == Kind::Number);
            if !(unit_follows
                || money
                || numbered
                || quantity
                || in_a_list
                || early_without_context)
            {
                return Some(Match::literal(i + 1, TimexType::Date, format!("{year:04}")));
            }
        }
        let n = if tok.lower.bytes().all(|b| b.is_ascii_digit()) && tok.lower.len() <= 6 {
            tok.lower.parse::<u32>().ok()
        } else {
            None
        }?;
        self.count_units(i, Some(n))
    }

    /// "two years", "two years ago", "two-year", "a year earlier", "two to three weeks".
    pub(super) fn count_units(&self, i: usize, n: Option<u32>) -> Option<Match> {
        let (n, half, mut j) = self.amount(i, n);
        let hyphen = self.w(j) == "-";
        if hyphen {
            j += 1;
        }
        let (unit, _) = unit_of(self.w(j))?;
        if half {
            return Some(Match::literal(
                j + 1,
                TimexType::Duration,
                unit.and_a_half(n?).unwrap_or_else(|| unit.duration(n)),
            ));
        }
        // "a minute and a half"
        if matches!(self.w(j + 1), "and") && self.w(j + 2) == "a" && self.w(j + 3) == "half" {
            if let Some(value) = n.and_then(|n| unit.and_a_half(n)) {
                return Some(Match::literal(j + 4, TimexType::Duration, value));
            }
        }
        j += 1;
        if self.is_age_or_rate(i, j, hyphen) {
            return None;
        }
        if hyphen {
            // "two-year", "16-hour": adjectival durations; "year-ago" handled elsewhere.
            if matches!(self.w(j), "-") && self.w(j + 1) == "long" {
                j += 2;
            }
            return Some(Match::literal(j, TimexType::Duration, unit.duration(n)));
        }
        if let Some(m) = self.counted_from_now(j, unit, n) {
            return Some(m);
        }
        if matches!(self.w(j), "a" | "per") && unit_of(self.w(j + 1)).is_some() {
            // "twice a day" is a set; "three times a week" too.
            return None;
        }
        Some(Match::literal(j, TimexType::Duration, unit.duration(n)))
    }

    /// The amount counted from `i`, whose first number is `n`: the number (`None` for a range
    /// like "two to three"), whether it has a half ("2 1/2"), and the token after it.
    fn amount(&self, i: usize, n: Option<u32>) -> (Option<u32>, bool, usize) {
        let mut j = i + 1;
        let mut n = n;
        // "twenty-five", "a few", "a couple of", "one and a half"
        if self.w(j) == "-" && number_word(self.w(j + 1)).is_some_and(|d| d < 10) {
            n = n.zip(number_word(self.w(j + 1))).map(|(a, b)| a + b);
            j += 2;
        }
        if matches!(self.w(j), "to" | "or")
            && (number_word(self.w(j + 1)).is_some()
                || self.tok(j + 1).is_some_and(|t| t.kind == Kind::Number))
        {
            n = None;
            j += 2;
        }
        // "2 1/2 years"
        let half = n.is_some() && self.w(j) == "1" && self.w(j + 1) == "/" && self.w(j + 2) == "2";
        if half {
            j += 3;
        }
        (n, half, j)
    }

    /// Whether units counted from `i`, followed by token `j`, are an age ("52 years old", "a
    /// 6-year-old") or a rate ("$1.76 a year", "24 hours a day") rather than a time.
    fn is_age_or_rate(&self, i: usize, j: usize, hyphen: bool) -> bool {
        let age = if hyphen {
            self.w(j) == "-" && self.w(j + 1) == "old"
        } else {
            self.w(j) == "old"
        };
        let rate = matches!(self.w(i), "a" | "per")
            && self.is_rate_before(i)
            && !matches!(
                self.w(j),
                "ago" | "earlier" | "later" | "before" | "after" | "from" | "hence" | "-"
            );
        age || rate
    }

    /// Counted units before or after the publication date, from token `j` after them: "two
    /// years ago", "a week later", "four months from now".
    fn counted_from_now(&self, j: usize, unit: Unit, n: Option<u32>) -> Option<Match> {
        let count = n.map_or(1, i64::from);
        // "three days later", "a day earlier", "an hour later": counted from the event told
        // before, not from the publication date; TimeBank marks the duration ("three days").
        let short = matches!(
            unit,
            Unit::Second | Unit::Minute | Unit::Hour | Unit::Day | Unit::Week
        );
        if short && matches!(self.w(j), "later" | "earlier" | "before" | "hence") {
            return None;
        }
        let (end, offset) = match self.w(j) {
            "ago" | "earlier" | "before" if self.w(j) == "ago" || !self.after_reference(j + 1) => {
                (j + 1, -count)
            }
            "later" | "hence" if !self.after_reference(j + 1) => (j + 1, count),
            "from" if self.w(j + 1) == "now" => (j + 2, count),
            _ => return None,
        };
        Some(Match::new(end, TimexType::Date, relative(unit, offset)))
    }

    /// True when the token before `i` is an amount that "a week" or "a year" makes a rate of.
    fn is_rate_before(&self, i: usize) -> bool {
        let Some(before) = i.checked_sub(1).and_then(|p| self.tok(p)) else {
            return false;
        };
        before.kind == Kind::Number
            || RATE_AMOUNTS.contains(&before.lower.as_str())
            || unit_of(&before.lower).is_some_and(|(_, plural)| plural)
    }

    /// True when a time follows (as in "two days before the vote"): then "before"/"after" do
    /// not anchor to the publication date.
    pub(super) fn after_reference(&self, j: usize) -> bool {
        matches!(
            self.w(j),
            "the" | "his" | "her" | "their" | "its" | "a" | "an"
        ) || self.tok(j).is_some_and(Token::is_capitalized)
    }
}

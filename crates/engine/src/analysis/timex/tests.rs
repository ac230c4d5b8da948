use super::*;
use crate::analysis::segment::segment;
use jiff::civil::Date;

fn run(text: &str, published: &str) -> Vec<(String, TimexType, String)> {
    let doc = segment(text);
    let anchor: Date = published.parse().unwrap();
    find(&doc, anchor.into())
        .into_iter()
        .map(|f| (doc.slice(f.span), f.timex_type, f.value))
        .collect()
}

fn values(text: &str, published: &str) -> Vec<(String, String)> {
    run(text, published)
        .into_iter()
        .map(|(s, _, v)| (s, v))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn seed_expressions() {
    let text = "They met today. He entered office in January this year. The U.S. shot down a jet on June 18th. \
                After his election triumph in November, there were hopes. They will meet later today. \
                Relations are at their lowest point in decades.";
    assert_eq!(
        values(text, "2017-07-07"),
        pairs(&[
            ("today", "2017-07-07"),
            ("January this year", "2017-01"),
            ("June 18th", "2017-06-18"),
            ("November", "2016-11"),
            ("later today", "2017-07-07"),
            ("decades", "PXDE"),
        ])
    );
}

#[test]
fn relative_units() {
    let text =
        "Last week and next month, this year, last year, two years ago, the past two months, \
                yesterday, tomorrow morning, this afternoon, the 1990s and a year earlier.";
    assert_eq!(
        values(text, "2017-07-07"),
        pairs(&[
            ("Last week", "2017-W26"),
            ("next month", "2017-08"),
            ("this year", "2017"),
            ("last year", "2016"),
            ("two years ago", "2015"),
            ("the past two months", "P2M"),
            ("yesterday", "2017-07-06"),
            ("tomorrow morning", "2017-07-08TMO"),
            ("this afternoon", "2017-07-07TAF"),
            ("the 1990s", "199"),
            ("a year earlier", "2016"),
        ])
    );
}

#[test]
fn weekdays_and_months_follow_the_tense() {
    // 2017-07-07 is a Friday.
    assert_eq!(
        values("He said Monday it was done.", "2017-07-07"),
        pairs(&[("Monday", "2017-07-03")])
    );
    assert_eq!(
        values("They will meet Monday.", "2017-07-07"),
        pairs(&[("Monday", "2017-07-10")])
    );
    assert_eq!(
        values("The vote is expected in March.", "2017-07-07"),
        pairs(&[("March", "2018-03")])
    );
    assert_eq!(
        values("Sales rose in December.", "2017-07-07"),
        pairs(&[("December", "2016-12")])
    );
    assert_eq!(
        values("Last Friday and next Tuesday.", "2017-07-07"),
        pairs(&[
            ("Last Friday", "2017-06-30"),
            ("next Tuesday", "2017-07-11")
        ])
    );
}

#[test]
fn calendar_dates_and_types() {
    let got = run(
        "On Aug. 7, 1998, at 3 p.m. Friday, for three days, every Monday, since 1989.",
        "1998-08-11",
    );
    let expected = [
        ("Aug. 7, 1998", TimexType::Date, "1998-08-07"),
        ("3 p.m. Friday", TimexType::Time, "1998-08-07T15:00"),
        ("three days", TimexType::Duration, "P3D"),
        ("every Monday", TimexType::Set, "XXXX-WXX-1"),
        ("1989", TimexType::Date, "1989"),
    ];
    let expected: Vec<(String, TimexType, String)> = expected
        .iter()
        .map(|(a, b, c)| (a.to_string(), *b, c.to_string()))
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn not_dates() {
    assert!(values(
        "He may go. They march on. It cost $2000 and 1500 people came.",
        "2017-07-07"
    )
    .is_empty());
    // Counts that look like years: seen in bundled Wikinews texts.
    assert!(values(
        "We have over 1000 featured articles and 60 admins, compared to the 1000 + on Wikipedia. \
         A survey of 1709 schoolchildren was carried out.",
        "2017-07-07"
    )
    .is_empty());
    // The number of a resolution, an article, a flight: seen in a bundled State Department text,
    // whose "Resolution 2254" put an event in the year 2254 on the story timeline.
    assert_eq!(
        values(
            "UN Security Council Resolution 2254 and Article 1441 passed in 2015; Flight 1549 landed.",
            "2017-07-07"
        ),
        pairs(&[("2015", "2015")])
    );
}

#[test]
fn years_in_context() {
    assert_eq!(
        values(
            "It was built in 1066, lost in 1709 and rebuilt 1100 AD.",
            "2017-07-07"
        ),
        pairs(&[("1066", "1066"), ("1709", "1709"), ("1100", "1100")])
    );
}

#[test]
fn without_a_publication_date() {
    let doc = segment("He left yesterday, in June, on Friday.");
    let got: Vec<String> = find(&doc, PublicationDate::Unknown)
        .into_iter()
        .map(|f| f.value)
        .collect();
    assert_eq!(got, ["PAST_REF", "XXXX-06", "XXXX-WXX-5"]);
}

#[test]
fn quarters_and_decades() {
    assert_eq!(
        values(
            "Third-quarter profit fell from the third quarter of 1988, the fourth quarter.",
            "1989-10-26"
        ),
        pairs(&[
            ("Third-quarter", "1989-Q3"),
            ("the third quarter of 1988", "1988-Q3"),
            ("the fourth quarter", "1989-Q4")
        ])
    );
}

#[test]
fn clock_times_take_their_day() {
    // 1998-02-13 is a Friday.
    assert_eq!(
        values(
            "He was seized at 10 p.m. Wednesday and talks broke off at noon Thursday.",
            "1998-02-13"
        ),
        pairs(&[
            ("10 p.m. Wednesday", "1998-02-11T22:00"),
            ("noon Thursday", "1998-02-12T12:00")
        ])
    );
    assert_eq!(
        values("The offer runs until 5 p.m. EST, Nov. 6.", "1989-10-30"),
        pairs(&[("5 p.m. EST, Nov. 6", "1989-11-06T17:00")])
    );
    assert_eq!(
        values("They met at 3 p.m.", "1998-02-06"),
        pairs(&[("3 p.m.", "1998-02-06T15:00")])
    );
}

#[test]
fn weekday_tense_cues() {
    // 2000-04-05 is a Wednesday, 1998-08-08 a Saturday, 2000-01-07 a Friday.
    assert_eq!(
        values(
            "The father would be traveling to the United States Thursday.",
            "2000-04-05"
        ),
        pairs(&[("Thursday", "2000-04-06")])
    );
    assert_eq!(
        values(
            "A bomb ripped through a building next to the embassy Friday morning.",
            "1998-08-08"
        ),
        pairs(&[("Friday morning", "1998-08-07")])
    );
    assert_eq!(
        values(
            "They will look for ways to get around Wednesday's ruling.",
            "2000-01-07"
        ),
        pairs(&[("Wednesday", "2000-01-05")])
    );
    assert_eq!(
        values("They could come as early as Tuesday.", "2000-04-05"),
        pairs(&[("Tuesday", "2000-04-11")])
    );
    assert_eq!(
        values(
            "The offer had been scheduled to expire at midnight Friday.",
            "1989-10-30"
        ),
        pairs(&[("midnight Friday", "1989-10-27T24:00")])
    );
    assert_eq!(
        values(
            "They planned a demonstration on Saturday and were planning to drive around.",
            "2000-01-07"
        ),
        pairs(&[("Saturday", "2000-01-08")])
    );
}

#[test]
fn holidays_and_weekends_follow_the_tense() {
    // 1990-08-13 is a Monday.
    assert_eq!(
        values(
            "Elian was found Thanksgiving Day clinging to an inner tube.",
            "2000-01-07"
        ),
        pairs(&[("Thanksgiving Day", "1999-11-25")])
    );
    assert_eq!(
        values("The race runs from now to Election Day.", "1998-10-26"),
        pairs(&[("now", "PRESENT_REF"), ("Election Day", "1998-11-03")])
    );
    assert_eq!(
        values("Troops arrived over the weekend.", "1990-08-13"),
        pairs(&[("the weekend", "1990-W32-WE")])
    );
    assert_eq!(
        values("They will meet over the weekend.", "1990-08-13"),
        pairs(&[("the weekend", "1990-W33-WE")])
    );
}

#[test]
fn years_decades_centuries_and_seasons() {
    assert_eq!(
        values(
            "In nineteen ninety-one he was convicted. January nineteen ninety-seven. The approach of the year two thousand.",
            "1998-02-27"
        ),
        pairs(&[("nineteen ninety-one", "1991"), ("January nineteen ninety-seven", "1997-01"), ("the year two thousand", "2000")])
    );
    assert_eq!(
        values(
            "The level we saw in the winter of nineteen ninety-four.",
            "1998-02-05"
        ),
        pairs(&[("the winter of nineteen ninety-four", "1994-WI")])
    );
    assert_eq!(
        values("Competitors cut prices over the summer.", "1989-10-30"),
        pairs(&[("the summer", "1989-SU")])
    );
    assert_eq!(
        values("Numbers dropped through the nineties; a 20th century democrat; the lowest in two decades.", "1998-02-06"),
        pairs(&[("the nineties", "199"), ("20th century", "19"), ("two decades", "P20Y")])
    );
}

#[test]
fn reporting_periods_and_quarters() {
    assert_eq!(
        values(
            "Revenue was $76 million for the year ended March 31.",
            "1989-11-01"
        ),
        pairs(&[("the year", "P1Y"), ("March 31", "1989-03-31")])
    );
    assert_eq!(
        values("It earned $22.5 million in the 1988 third quarter and expects losses through the third quarter of 1990.", "1989-10-26"),
        pairs(&[("the 1988 third quarter", "1988-Q3"), ("the third quarter of 1990", "1990-Q3")])
    );
}

#[test]
fn anaphoric_times_count_from_the_last_mention() {
    assert_eq!(
        values(
            "In 1995 he was promoted, and the following year he left.",
            "1998-04-18"
        ),
        pairs(&[("1995", "1995"), ("the following year", "1996")])
    );
    assert_eq!(
        values("He fled in June 1998 and returned later that year. He was shot on Oct. 23. Two men came the day after his death.", "1999-04-10"),
        pairs(&[("June 1998", "1998-06"), ("later that year", "1998"), ("Oct. 23", "1998-10-23"), ("day", "1998-10-24")])
    );
    // Nothing mentioned before: the publication date.
    assert_eq!(
        values("That day, nobody spoke.", "2017-07-07"),
        pairs(&[("That day", "2017-07-07")])
    );
}

#[test]
fn vague_and_fractional_durations() {
    assert_eq!(
        values("Kidnappings rose in recent years. It may change in the future, not a rational approach to the future.", "1998-02-13"),
        pairs(&[("recent years", "PXY"), ("the future", "FUTURE_REF")])
    );
    assert_eq!(
        values(
            "They lived in camps for 2 1/2 years; a minute and a half later it fell.",
            "1998-02-27"
        ),
        pairs(&[("2 1/2 years", "P2Y6M"), ("a minute and a half", "PT1M30S")])
    );
}

#[test]
fn ages_rates_and_generic_today_are_not_times() {
    assert!(values(
        "Mr. Reupke, 52 years old, said it earns $1.76 a year and 700 seats a week, 24 hours a day, for today's youth.",
        "1989-10-26"
    )
    .is_empty());
    assert_eq!(
        values("Profit rose from 40% a year earlier.", "1989-10-26"),
        pairs(&[("a year earlier", "1988")])
    );
    assert_eq!(
        values(
            "The sale should close by year-end; the index is up since year-end.",
            "1989-10-26"
        ),
        pairs(&[("year-end", "1989-12-31"), ("year-end", "1988-12-31")])
    );
}

#[test]
fn odd_input_does_not_panic() {
    for text in [
        "nineteen",
        "the year two thousand and",
        "1/2",
        "9999th century",
        "the day before",
        "at 99 p.m. Friday",
        "that",
        "the",
    ] {
        let doc = segment(text);
        let _ = find(&doc, Date::constant(2017, 7, 7).into());
        let _ = find(&doc, PublicationDate::Unknown);
    }
}

#[test]
fn current_before_a_unit_steps_from_the_present() {
    assert_eq!(
        values(
            "Sales in the current fiscal year and the current quarter rose; the current system stays.",
            "1989-10-26"
        ),
        pairs(&[
            ("the current fiscal year", "1989"),
            ("the current quarter", "1989-Q4"),
            ("the current", "PRESENT_REF"),
        ])
    );
    assert_eq!(
        values(
            "Shares sold at the then current market price.",
            "1989-10-26"
        ),
        pairs(&[("then current", "PAST_REF")])
    );
    assert_eq!(
        values(
            "In the fiscal year ended Jan. 31, sales rose.",
            "1989-10-26"
        ),
        pairs(&[("the fiscal year", "P1Y"), ("Jan. 31", "1989-01-31")])
    );
}

#[test]
fn weekday_evenings_and_afternoons_are_times() {
    // 2000-03-29 is a Wednesday.
    let found = run(
        "As of Wednesday evening, talks went on. They met Tuesday afternoon and Monday night.",
        "2000-03-29",
    );
    let got: Vec<(&str, TimexType, &str)> = found
        .iter()
        .map(|(s, t, v)| (s.as_str(), *t, v.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("Wednesday evening", TimexType::Time, "2000-03-29TEV"),
            ("Tuesday afternoon", TimexType::Time, "2000-03-28TAF"),
            ("Monday night", TimexType::Date, "2000-03-27"),
        ]
    );
}

#[test]
fn a_year_qualifies_the_quarter_after_it() {
    let text = "Profit rose in the third quarter. In this year's third quarter sales rose; in the \
                year-ago third quarter they fell, and in the year-earlier period too. Sales for \
                last year's quarter were flat. A merger may close in next year's first quarter.";
    assert_eq!(
        values(text, "1989-11-01"),
        pairs(&[
            ("the third quarter", "1989-Q3"),
            ("this year's third quarter", "1989-Q3"),
            ("the year-ago third quarter", "1988-Q3"),
            ("the year-earlier period", "1988-Q3"),
            ("last year's quarter", "1988-Q3"),
            ("next year's first quarter", "1990-Q1"),
        ])
    );
}

#[test]
fn short_spans_before_or_after_an_event_are_durations() {
    assert_eq!(
        values(
            "Three days later, the index closed. A day earlier, trucks left. Banks must wait 30 days before closing.",
            "1989-10-30"
        ),
        pairs(&[("Three days", "P3D"), ("A day", "P1D"), ("30 days", "P30D")])
    );
    // Years and months still count from the publication date.
    assert_eq!(
        values(
            "Profit fell from a year earlier; two months later it rose.",
            "1989-10-30"
        ),
        pairs(&[("a year earlier", "1988"), ("two months later", "1989-12")])
    );
}

#[test]
fn the_day_before_a_clause_is_no_time() {
    assert_eq!(
        values(
            "He was last seen Nov. 3, the day before authorities issued a warrant.",
            "1999-05-07"
        ),
        pairs(&[("Nov. 3", "1998-11-03")])
    );
    assert_eq!(
        values("He was seen Nov. 3 and left the day after.", "1999-05-07"),
        pairs(&[("Nov. 3", "1998-11-03"), ("day after", "1998-11-04")])
    );
}

#[test]
fn a_stepped_month_takes_its_day() {
    assert_eq!(
        values(
            "He was shot last Oct. 23 and the trial opens next June 5.",
            "1999-04-19"
        ),
        pairs(&[
            ("last Oct. 23", "1998-10-23"),
            ("next June 5", "1999-06-05")
        ])
    );
}

#[test]
fn a_clock_time_without_a_day_is_on_the_day_told_last() {
    assert_eq!(
        values(
            "Slepian was killed on Oct. 23, 1998. He was shot at 10 p.m. in his kitchen.",
            "1999-04-19"
        ),
        pairs(&[
            ("Oct. 23, 1998", "1998-10-23"),
            ("10 p.m.", "1998-10-23T22:00")
        ])
    );
    assert_eq!(
        values("The meeting starts at 3 p.m.", "1999-04-19"),
        pairs(&[("3 p.m.", "1999-04-19T15:00")])
    );
}

#[test]
fn a_year_earlier_than_several_quarters_is_the_year_before() {
    let text = "Third-quarter profit rose from a year earlier. For the nine months, the company \
                earned $2 million, compared with $1 million a year earlier.";
    assert_eq!(
        values(text, "1989-10-26"),
        pairs(&[
            ("Third-quarter", "1989-Q3"),
            ("a year earlier", "1988-Q3"),
            ("the nine months", "P9M"),
            ("a year earlier", "1988"),
        ])
    );
}

#[test]
fn the_quarter_is_the_finished_quarter_named_last() {
    let text = "Sun had a loss in the first quarter. It shipped 28,000 systems in the quarter.";
    assert_eq!(
        values(text, "1989-10-26"),
        pairs(&[("the first quarter", "1989-Q1"), ("the quarter", "1989-Q1")])
    );
    // Nothing named: the current quarter, or in the past the last one.
    assert_eq!(
        values("Sales will rise in the quarter.", "1989-10-26"),
        pairs(&[("the quarter", "1989-Q4")])
    );
}

#[test]
fn a_quarter_to_come_is_not_the_quarter_reported_on() {
    let text = "Third-quarter profit fell. Losses may last through the third quarter of 1990. \
                In the year-ago period, it earned $1 million.";
    assert_eq!(
        values(text, "1989-10-26"),
        pairs(&[
            ("Third-quarter", "1989-Q3"),
            ("the third quarter of 1990", "1990-Q3"),
            ("the year-ago period", "1988-Q3"),
        ])
    );
}

#[test]
fn halves_of_a_named_year() {
    let text = "Losses will last through the first two quarters of 1990, after gains in the last \
                half of 1989. Sales rose in the first half.";
    assert_eq!(
        values(text, "1989-10-26"),
        pairs(&[
            ("the first two quarters of 1990", "1990-H1"),
            ("the last half of 1989", "1989-H2"),
            ("the first half", "1989-H1"),
        ])
    );
    // Without a year, "the last two quarters" is a stretch of time and "half an hour" no half.
    assert_eq!(
        values(
            "Sales fell in the last two quarters and the first half hour.",
            "1989-10-26"
        ),
        pairs(&[("the last two quarters", "P2Q")])
    );
}

#[test]
fn the_year_s_quarter_is_the_quarter_reported_on() {
    let text = "Third-quarter profit rose to $5 million from $3 million in the 1988 quarter.";
    assert_eq!(
        values(text, "1989-10-30"),
        pairs(&[
            ("Third-quarter", "1989-Q3"),
            ("the 1988 quarter", "1988-Q3")
        ])
    );
    assert_eq!(
        values("Sales in the 1988 period were flat.", "1989-10-30"),
        pairs(&[("the 1988 period", "1988")])
    );
}

#[test]
fn days_and_weeks_counted_from_a_day() {
    // 2000-02-24 is a Thursday.
    let text = "The day before last Tuesday's hearing, he left. They meet the week of March 6. \
                He came the day after Christmas.";
    assert_eq!(
        values(text, "2000-02-24"),
        pairs(&[
            ("day before last Tuesday", "2000-02-21"),
            ("the week of March 6", "2000-W10"),
            ("day after Christmas", "1999-12-26"),
        ])
    );
}

#[test]
fn the_previous_weekday_counts_from_the_day_told_last() {
    // 1989-10-27 is a Friday.
    let text = "The index fell 5% on Oct. 27, down from the previous Friday.";
    assert_eq!(
        values(text, "1989-10-30"),
        pairs(&[
            ("Oct. 27", "1989-10-27"),
            ("the previous Friday", "1989-10-20")
        ])
    );
}

#[test]
fn parts_of_days_after_mid_early_or_late() {
    // 1989-11-02 is a Thursday.
    assert_eq!(
        values(
            "In London at mid-afternoon yesterday, shares fell. They rose late Friday evening.",
            "1989-11-02"
        ),
        pairs(&[
            ("mid-afternoon yesterday", "1989-11-01TAF"),
            ("late Friday evening", "1989-10-27TEV"),
        ])
    );
    assert_eq!(
        values("By mid afternoon, sources said so.", "1998-03-06"),
        pairs(&[("mid afternoon", "1998-03-06TAF")])
    );
    // "early morning" alone is no particular morning.
    assert_eq!(
        values("The early morning raids went on.", "1998-03-06"),
        pairs(&[])
    );
}

#[test]
fn futures_not_placed_on_the_calendar() {
    let text = "It will hurt in the short term. Islam will one day be the second religion. \
                The rest will follow at a later date. We see challenges in the near term.";
    assert_eq!(
        values(text, "1998-03-03"),
        pairs(&[
            ("the short term", "FUTURE_REF"),
            ("one day", "FUTURE_REF"),
            ("a later date", "FUTURE_REF"),
            ("the near term", "FUTURE_REF"),
        ])
    );
    // A day long, still.
    assert_eq!(
        values("He had been in the job one day.", "1998-03-03"),
        pairs(&[("one day", "P1D")])
    );
}

#[test]
fn titles_in_quotes_are_no_times() {
    let text = "Baker said on ABC News' \"This Week\" that it was fine. He said on CBS's \
                ''60 Minutes'' he was sad. \"Last week I went home,\" he said.";
    assert_eq!(
        values(text, "1998-03-03"),
        pairs(&[("Last week", "1998-W09")])
    );
}

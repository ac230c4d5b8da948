//! The timeline: an overview strip drawn to scale and the list of events in date order.
//!
//! A day is drawn as a point and a longer period (week, month, year) as a band across its whole
//! length, so a reader sees how precise each date is. Events whose date names no calendar period
//! are listed apart, never placed on the axis.

use dateline_format::article::{Article, Event, Granularity};
use dateline_format::calendar::Period;
use jiff::civil::Date;
use yew::prelude::*;

use crate::data::Shared;
use crate::dates::{display_date, event_when};

/// Props of [`Timeline`].
#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    /// The article whose events are drawn.
    pub article: Shared<Article>,
    /// The selected event's id.
    pub selected_event: Option<AttrValue>,
    /// The selected entity's id: its events stand out.
    pub selected_entity: Option<AttrValue>,
    /// Asks to select (or, when already selected, clear) an event.
    pub on_select: Callback<String>,
}

const WIDTH: f64 = 340.0;
const MARGIN: f64 = 14.0;
const LANE_HEIGHT: f64 = 14.0;
const TOP: f64 = 22.0;

fn day_number(date: Date) -> f64 {
    // `duration_until` cannot fail; `until` and panicking span constructors would bring jiff's
    // error messages (and its time zone code) into the app.
    (Date::constant(1970, 1, 1).duration_until(date).as_secs() / 86_400) as f64
}

/// Maps days to x coordinates of the strip.
struct Scale {
    first: f64,
    last: f64,
}

impl Scale {
    fn x(&self, date: Date) -> f64 {
        let fraction = (day_number(date) - self.first) / (self.last - self.first).max(1.0);
        MARGIN + fraction * (WIDTH - 2.0 * MARGIN)
    }
}

/// Tick marks: months for spans up to two years, years beyond; at most about five labels.
fn ticks(first: Date, last: Date) -> Vec<(Date, String)> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let months = (i32::from(last.year()) - i32::from(first.year())) * 12 + i32::from(last.month())
        - i32::from(first.month());
    let (step_months, by_year) = if months <= 24 {
        (((months + 4) / 5).max(1), false)
    } else {
        (((months / 12 + 4) / 5).max(1) * 12, true)
    };
    let mut tick = if by_year {
        Date::new(first.year(), 1, 1)
    } else {
        Date::new(first.year(), first.month(), 1)
    }
    .ok();
    let mut out = Vec::new();
    let mut previous_year = None;
    while let Some(date) = tick {
        if date > last || out.len() > 12 {
            break;
        }
        if date >= first {
            let label = if by_year {
                date.year().to_string()
            } else if previous_year != Some(date.year()) {
                format!("{} {}", MONTHS[(date.month() - 1) as usize], date.year())
            } else {
                MONTHS[(date.month() - 1) as usize].to_string()
            };
            previous_year = Some(date.year());
            out.push((date, label));
        }
        tick = jiff::Span::new()
            .try_months(step_months)
            .and_then(|step| date.checked_add(step))
            .ok();
    }
    out
}

/// Assigns each placed event a lane so that marks never overlap on the strip.
fn lanes(extents: &[(f64, f64)]) -> Vec<usize> {
    let mut lane_ends: Vec<f64> = Vec::new();
    extents
        .iter()
        .map(|&(start, end)| {
            let lane = lane_ends
                .iter()
                .position(|&e| start > e + 4.0)
                .unwrap_or(lane_ends.len());
            if lane == lane_ends.len() {
                lane_ends.push(end);
            } else {
                lane_ends[lane] = end;
            }
            lane
        })
        .collect()
}

fn marker_class(granularity: Option<Granularity>) -> &'static str {
    match granularity {
        Some(Granularity::Day | Granularity::Time) => "point",
        Some(_) => "band",
        None => "undated",
    }
}

/// The timeline of the article's events.
impl TimelineProps {
    fn is_selected(&self, event: &Event) -> bool {
        self.selected_event.as_deref() == Some(event.id.as_str())
    }

    fn involves_selected_entity(&self, event: &Event) -> bool {
        self.selected_entity
            .as_deref()
            .is_some_and(|id| event.entities.iter().any(|e| e == id))
    }
}

#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let article = &props.article;
    let published = article
        .published
        .as_deref()
        .and_then(dateline_format::calendar::parse_date);
    let mut placed: Vec<(&Event, Period)> = Vec::new();
    let mut undated: Vec<&Event> = Vec::new();
    for event in &article.events {
        match Period::of_value(&event.date) {
            Some(period) => placed.push((event, period)),
            None => undated.push(event),
        }
    }

    // Events with no calendar date are named by the text's own words: the body, once.
    let body = if undated.is_empty() {
        String::new()
    } else {
        article.body_text()
    };
    let event_button = |event: &Event| {
        let selected = props.is_selected(event);
        let related = props.involves_selected_entity(event);
        let on_select = props.on_select.clone();
        let id = event.id.clone();
        let when = event_when(event, || body.clone());
        let precision = event
            .granularity
            .map(|g| g.label())
            .unwrap_or("no calendar date");
        html! {
            <li key={event.id.clone()}>
                <button
                    type="button"
                    class={classes!("event", marker_class(event.granularity), selected.then_some("selected"), related.then_some("related"))}
                    data-event-id={event.id.clone()}
                    data-date={event.date.clone()}
                    data-selected={selected.then_some("true")}
                    data-related={related.then_some("true")}
                    aria-pressed={selected.to_string()}
                    aria-label={format!("{when} ({precision}): {}. Show in the article.", event.label)}
                    onclick={move |_| on_select.emit(id.clone())}
                >
                    <span class="marker" aria-hidden="true"></span>
                    <span class="event-when">
                        <span class="event-date">{when}</span>
                        <span class="granularity">{precision}</span>
                    </span>
                    <span class="event-label">{&event.label}</span>
                </button>
            </li>
        }
    };

    let strip = strip(props, &placed, published);

    // The publication date sits in the list where it falls, so "before" and "after" read at a glance.
    let mut items: Vec<Html> = Vec::new();
    let mut published_shown = published.is_none();
    for (event, period) in &placed {
        if let Some(day) = published {
            if !published_shown && period.start > day {
                items.push(published_item(
                    article.published.as_deref().unwrap_or_default(),
                ));
                published_shown = true;
            }
        }
        items.push(event_button(event));
    }
    if !published_shown {
        items.push(published_item(
            article.published.as_deref().unwrap_or_default(),
        ));
    }

    html! {
        <div class="timeline">
            if placed.is_empty() {
                <p class="empty">{"The article gives no dates for its events."}</p>
            } else {
                { strip }
            }
            <ol class="event-list" aria-label="Events in date order">{ for items }</ol>
            if !undated.is_empty() {
                <h3 class="undated-title">{"Mentioned without a calendar date"}</h3>
                if let Some(why) = undated_reason(article.published.as_deref()) {
                    <p class="undated-reason">{why}</p>
                }
                <ul class="event-list undated-list">{ for undated.into_iter().map(event_button) }</ul>
            }
        </div>
    }
}

/// Why relative dates may be among the undated events: the publication day they count from is
/// not known.
fn undated_reason(published: Option<&str>) -> Option<&'static str> {
    match published {
        None => Some("The publication date is unknown, so relative dates such as “today” or “last year” cannot be placed."),
        Some(date) if date.len() == 7 => Some("Only the month of publication is known, so dates counted in days, such as “today” or “on Tuesday”, cannot be placed."),
        Some(_) => None,
    }
}

fn published_item(published: &str) -> Html {
    html! {
        <li key="published" class="published-item">
            <span class="marker" aria-hidden="true"></span>
            <span>{"Published "}<time datetime={published.to_string()}>{display_date(published)}</time></span>
        </li>
    }
}

/// The overview strip, drawn to scale. Decorative for assistive technology: the list says the same.
fn strip(props: &TimelineProps, placed: &[(&Event, Period)], published: Option<Date>) -> Html {
    let Some(first) = placed.iter().map(|(_, p)| p.start).chain(published).min() else {
        return html! {};
    };
    let Some(last) = placed
        .iter()
        .map(|(_, p)| p.end)
        .chain(published.and_then(|d| d.tomorrow().ok()))
        .max()
    else {
        return html! {};
    };
    let span_days = (day_number(last) - day_number(first)).max(1.0);
    let pad = (span_days * 0.04).max(2.0);
    let scale = Scale {
        first: day_number(first) - pad,
        last: day_number(last) + pad,
    };

    let extents: Vec<(f64, f64)> = placed
        .iter()
        .map(|(_, p)| {
            let (start, end) = (scale.x(p.start), scale.x(p.end));
            if p.granularity <= Granularity::Day {
                let middle = (start + end) / 2.0;
                (middle - 5.0, middle + 5.0)
            } else {
                (start, end.max(start + 6.0))
            }
        })
        .collect();
    let lane_of = lanes(&extents);
    let lane_count = lane_of.iter().max().map_or(1, |m| m + 1);
    let axis_y = TOP + lane_count as f64 * LANE_HEIGHT + 4.0;
    let height = axis_y + 20.0;

    let marks = placed.iter().zip(&extents).zip(&lane_of).map(|(((event, period), &(start, end)), &lane)| {
        let y = TOP + lane as f64 * LANE_HEIGHT + LANE_HEIGHT / 2.0;
        let selected = props.is_selected(event);
        let related = props.involves_selected_entity(event);
        let class = classes!("mark", marker_class(Some(period.granularity)), selected.then_some("selected"), related.then_some("related"));
        let on_select = props.on_select.clone();
        let id = event.id.clone();
        let onclick = move |_| on_select.emit(id.clone());
        let title = format!("{}: {}", display_date(&event.date), event.label);
        if period.granularity <= Granularity::Day {
            html! { <circle {class} cx={format!("{:.1}", (start + end) / 2.0)} cy={format!("{y:.1}")} r="5" {onclick}><title>{title}</title></circle> }
        } else {
            html! { <rect {class} x={format!("{start:.1}")} y={format!("{:.1}", y - 4.0)} width={format!("{:.1}", end - start)} height="8" rx="4" {onclick}><title>{title}</title></rect> }
        }
    });
    let tick_marks = ticks(first, last).into_iter().map(|(date, label)| {
        let x = scale.x(date);
        html! {
            <g class="tick">
                <line x1={format!("{x:.1}")} x2={format!("{x:.1}")} y1={format!("{axis_y:.1}")} y2={format!("{:.1}", axis_y + 4.0)} />
                <text x={format!("{x:.1}")} y={format!("{:.1}", axis_y + 15.0)}>{label}</text>
            </g>
        }
    });
    let published_mark = published.map(|day| {
        let x = scale.x(day) + (scale.x(day.tomorrow().unwrap_or(day)) - scale.x(day)) / 2.0;
        // Keep the label inside the strip when publication is at an edge.
        let anchor = if x > WIDTH - 50.0 { "end" } else if x < 50.0 { "start" } else { "middle" };
        html! {
            <g class="published">
                <line x1={format!("{x:.1}")} x2={format!("{x:.1}")} y1="14" y2={format!("{axis_y:.1}")} />
                <text x={format!("{x:.1}")} y="10" text-anchor={anchor}>{"Published"}</text>
            </g>
        }
    });
    html! {
        <svg class="timeline-strip" viewBox={format!("0 0 {WIDTH} {height:.0}")} role="img"
             aria-label="Overview of the events on a time axis; the list below gives each one">
            <line class="axis" x1={MARGIN.to_string()} x2={(WIDTH - MARGIN).to_string()} y1={format!("{axis_y:.1}")} y2={format!("{axis_y:.1}")} />
            { for tick_marks }
            { for published_mark }
            { for marks }
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_count_days_since_1970() {
        for (y, m, d) in [
            (1970, 1, 1),
            (1969, 12, 31),
            (2016, 11, 30),
            (2017, 7, 7),
            (2100, 3, 1),
        ] {
            let date = Date::new(y, m, d).unwrap();
            let days = Date::constant(1970, 1, 1).until(date).unwrap().get_days();
            assert_eq!(day_number(date), f64::from(days), "{date}");
        }
    }

    #[test]
    fn overlapping_marks_get_separate_lanes() {
        assert_eq!(
            lanes(&[(0.0, 10.0), (5.0, 15.0), (30.0, 40.0)]),
            vec![0, 1, 0]
        );
    }

    #[test]
    fn month_ticks_name_the_year_once() {
        let labels: Vec<String> = ticks(Date::constant(2016, 11, 1), Date::constant(2017, 7, 8))
            .into_iter()
            .map(|t| t.1)
            .collect();
        assert_eq!(labels.first().map(String::as_str), Some("Nov 2016"));
        assert!(labels.iter().any(|l| l == "Jan 2017"));
        assert!(labels.len() <= 9);
    }
}

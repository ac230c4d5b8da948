//! The timeline: an overview strip drawn to scale and the list of events in date order.
//!
//! A day is drawn as a point and a longer period (week, month, year) as a band across its whole
//! length, so a reader sees how precise each date is. Events whose date names no calendar period
//! are listed apart, never placed on the axis.

use std::fmt::Write;

use dateline_format::article::{Article, Event, Granularity};
use dateline_format::calendar::Period;
use gloo::timers::callback::Timeout;
use jiff::civil::Date;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use crate::components::elements;
use crate::data::Shared;
use crate::dates::{display_date, event_when};
use crate::markup::escape;
use crate::prerendered::Preloaded;

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
/// The strip's height in lanes, at most: past that, marks overlap (the list below has them all).
const MAX_LANES: usize = 8;
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
            let free = lane_ends.iter().position(|&e| start > e + 4.0);
            let lane = match free {
                Some(lane) => lane,
                None if lane_ends.len() < MAX_LANES => {
                    lane_ends.push(f64::NEG_INFINITY);
                    lane_ends.len() - 1
                }
                // All lanes taken: overlap in the lane that frees up first.
                None => (0..lane_ends.len())
                    .min_by(|&a, &b| lane_ends[a].total_cmp(&lane_ends[b]))
                    .unwrap_or(0),
            };
            lane_ends[lane] = lane_ends[lane].max(end);
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

/// How many entries of the timeline's lists a part holds: a long timeline is added part by part.
const ENTRIES_PART: usize = 250;

/// The lists' entries in order, computed once per article: the dated list (an event by index, or
/// the publication date where it falls, so "before" and "after" read at a glance) and the undated.
struct Entries {
    dated: Vec<Option<usize>>,
    undated: Vec<usize>,
    placed: usize,
}

impl Entries {
    fn new(article: &Article) -> Entries {
        let published = article
            .published
            .as_deref()
            .and_then(dateline_format::calendar::parse_date);
        let mut entries = Entries {
            dated: Vec::new(),
            undated: Vec::new(),
            placed: 0,
        };
        let mut published_shown = published.is_none();
        for (i, event) in article.events.iter().enumerate() {
            let Some(period) = Period::of_value(&event.date) else {
                entries.undated.push(i);
                continue;
            };
            if !published_shown && published.is_some_and(|day| period.start > day) {
                entries.dated.push(None);
                published_shown = true;
            }
            entries.dated.push(Some(i));
            entries.placed += 1;
        }
        if !published_shown {
            entries.dated.push(None);
        }
        entries
    }

    fn dated_parts(&self) -> usize {
        self.dated.len().div_ceil(ENTRIES_PART)
    }

    fn parts(&self) -> usize {
        self.dated_parts() + self.undated.len().div_ceil(ENTRIES_PART)
    }
}

/// Props of [`EntriesPart`].
#[derive(Properties, PartialEq)]
struct EntriesPartProps {
    article: Shared<Article>,
    entries: Shared<Entries>,
    index: usize,
    /// Told once the part is in the page, to bring it to the current state.
    on_mount: Callback<()>,
}

/// One part of the lists (dated parts first, then undated), rendered once per article.
#[function_component(EntriesPart)]
fn entries_part(props: &EntriesPartProps) -> Html {
    {
        let on_mount = props.on_mount.clone();
        use_effect_with((), move |_| on_mount.emit(()));
    }
    let html = entries_html(&props.article, &props.entries, props.index);
    Html::from_html_unchecked(html.into())
}

/// The HTML of part `index` of the lists (dated parts first, then undated), in its resting state.
fn entries_html(article: &Article, entries: &Entries, index: usize) -> String {
    let mut out = String::new();
    let dated_parts = entries.dated_parts();
    let range = |len: usize, part: usize| {
        (part * ENTRIES_PART).min(len)..((part + 1) * ENTRIES_PART).min(len)
    };
    if index < dated_parts {
        for entry in &entries.dated[range(entries.dated.len(), index)] {
            match entry {
                Some(i) => {
                    let event = &article.events[*i];
                    write_event_item(&mut out, event, &event_when(event, || ""));
                }
                None => {
                    write_published_item(&mut out, article.published.as_deref().unwrap_or_default())
                }
            }
        }
    } else {
        // Events with no calendar date are named by the text's own words: the body, once a part.
        let body = article.body_text();
        for &i in &entries.undated[range(entries.undated.len(), index - dated_parts)] {
            let event = &article.events[i];
            write_event_item(&mut out, event, &event_when(event, || body.as_str()));
        }
    }
    out
}

/// Props of [`TimelineStrip`].
#[derive(Properties, PartialEq)]
struct TimelineStripProps {
    article: Shared<Article>,
}

/// The overview strip, rendered once per article.
#[function_component(TimelineStrip)]
fn timeline_strip(props: &TimelineStripProps) -> Html {
    let published = props
        .article
        .published
        .as_deref()
        .and_then(dateline_format::calendar::parse_date);
    let placed: Vec<(&Event, Period)> = props
        .article
        .events
        .iter()
        .filter_map(|e| Some((e, Period::of_value(&e.date)?)))
        .collect();
    Html::from_html_unchecked(strip(&placed, published).into())
}

/// The timeline of the article's events: the strip and the lists, rendered once per article.
///
/// The selected event and the events of the selected entity are shown by `show`, which changes
/// only the elements concerned, so a long timeline is never re-rendered for a selection. Clicks
/// are handled once, on the container.
#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let root = use_node_ref();
    let shown = use_mut_ref(Shown::default);
    {
        let root = root.clone();
        let shown = shown.clone();
        let next = Shown {
            article: Some(props.article.clone()),
            event: props.selected_event.clone(),
            entity: props.selected_entity.clone(),
        };
        use_effect_with(next, move |next| {
            if let Some(root) = root.cast::<Element>() {
                let mut shown = shown.borrow_mut();
                show(&root, &shown, next);
                *shown = next.clone();
            }
        });
    }
    let onclick = {
        let on_select = props.on_select.clone();
        move |event: MouseEvent| {
            let target = event.target().and_then(|t| t.dyn_into::<Element>().ok());
            let id = target
                .and_then(|t| {
                    t.closest("[data-event-id], [data-strip-events]")
                        .ok()
                        .flatten()
                })
                .and_then(|e| {
                    e.get_attribute("data-event-id").or_else(|| {
                        // A mark stands for the events of one date: it selects the first.
                        let ids = e.get_attribute("data-strip-events")?;
                        ids.split(' ').next().map(str::to_string)
                    })
                });
            if let Some(id) = id {
                on_select.emit(id);
            }
        }
    };
    // A part added later starts in the resting state: bring it to what the rest shows.
    let on_part_mount = {
        let root = root.clone();
        use_callback((), move |(), _| {
            if let Some(root) = root.cast::<Element>() {
                let shown = shown.borrow();
                let resting = Shown {
                    article: shown.article.clone(),
                    ..Shown::default()
                };
                show(&root, &resting, &shown);
            }
        })
    };
    let entries = Shared(use_memo(props.article.clone(), |a| Entries::new(a)));
    let parts = entries.parts();
    // A prerendered page holds the whole timeline: its first render must too.
    let whole = use_context::<Preloaded>().is_some_and(|p| p.is_page());
    let rendered = use_state(|| if whole { parts } else { 1 });
    // A short timeline comes in one go, its undated list too.
    let short = entries.dated.len() + entries.undated.len() <= ENTRIES_PART;
    let upto = if short { parts } else { (*rendered).min(parts) };
    {
        let rendered = rendered.clone();
        use_effect_with(upto, move |&upto| {
            let next = (upto < parts).then(|| Timeout::new(0, move || rendered.set(upto + 1)));
            move || drop(next)
        });
    }
    let dated_parts = entries.dated_parts();
    let part = |index: usize| {
        html! {
            <EntriesPart key={index} {index} article={props.article.clone()} entries={entries.clone()}
                on_mount={on_part_mount.clone()} />
        }
    };
    html! {
        <div class="timeline" ref={root} {onclick} data-complete={(upto == parts).then_some("true")}>
            if entries.placed == 0 {
                <p class="empty">{"The article gives no dates for its events."}</p>
            } else {
                <TimelineStrip article={props.article.clone()} />
            }
            <ol class="event-list" aria-label="Events in date order">{ for (0..upto.min(dated_parts)).map(part) }</ol>
            if !entries.undated.is_empty() {
                <h3 class="undated-title">{"Mentioned without a calendar date"}</h3>
                if let Some(why) = undated_reason(props.article.published.as_deref()) {
                    <p class="undated-reason">{why}</p>
                }
                <ul class="event-list undated-list">{ for (dated_parts..upto).map(part) }</ul>
            }
        </div>
    }
}

/// What the timeline's DOM shows beyond its resting state.
#[derive(Clone, Default, PartialEq)]
struct Shown {
    article: Option<Shared<Article>>,
    event: Option<AttrValue>,
    entity: Option<AttrValue>,
}

/// Moves the marks of the selected event and of the selected entity's events.
fn show(root: &Element, was: &Shown, next: &Shown) {
    let fresh = was.article != next.article;
    if fresh || was.event != next.event {
        for element in elements::<Element>(root, "[data-selected]") {
            element.remove_attribute("data-selected").ok();
            if element.has_attribute("aria-pressed") {
                element.set_attribute("aria-pressed", "false").ok();
            }
        }
        if let Some(id) = &next.event {
            let selector = format!("[data-event-id=\"{id}\"], [data-strip-events~=\"{id}\"]");
            for element in elements::<Element>(root, &selector) {
                element.set_attribute("data-selected", "true").ok();
                if element.has_attribute("aria-pressed") {
                    element.set_attribute("aria-pressed", "true").ok();
                }
            }
        }
    }
    if fresh || was.entity != next.entity {
        for element in elements::<Element>(root, "[data-related]") {
            element.remove_attribute("data-related").ok();
        }
        if let Some(id) = &next.entity {
            for element in elements::<Element>(root, &format!("[data-entities~=\"{id}\"]")) {
                element.set_attribute("data-related", "true").ok();
            }
        }
    }
}

/// Writes one event of the lists, in its resting state.
fn write_event_item(out: &mut String, event: &Event, when: &str) {
    let precision = event
        .granularity
        .map(|g| g.label())
        .unwrap_or("no calendar date");
    let label = escape(&event.label);
    let when = escape(when);
    let _ = write!(
        out,
        "<li><button type=\"button\" class=\"event {}\" data-event-id=\"{}\" data-date=\"{}\" \
         data-entities=\"{}\" aria-pressed=\"false\" aria-label=\"{when} ({precision}): {label}. Show in the article.\">\
         <span class=\"marker\" aria-hidden=\"true\"></span><span class=\"event-when\">\
         <span class=\"event-date\">{when}</span><span class=\"granularity\">{precision}</span></span>\
         <span class=\"event-label\">{label}</span></button></li>",
        marker_class(event.granularity),
        escape(&event.id),
        escape(&event.date),
        escape(&event.entities.join(" ")),
    );
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

fn write_published_item(out: &mut String, published: &str) {
    let _ = write!(
        out,
        "<li class=\"published-item\"><span class=\"marker\" aria-hidden=\"true\"></span>\
         <span>Published <time datetime=\"{}\">{}</time></span></li>",
        escape(published),
        escape(&display_date(published)),
    );
}

/// The overview strip's SVG, drawn to scale (empty without dates). Decorative for assistive
/// technology: the list says the same.
fn strip(placed: &[(&Event, Period)], published: Option<Date>) -> String {
    let Some(first) = placed.iter().map(|(_, p)| p.start).chain(published).min() else {
        return String::new();
    };
    let Some(last) = placed
        .iter()
        .map(|(_, p)| p.end)
        .chain(published.and_then(|d| d.tomorrow().ok()))
        .max()
    else {
        return String::new();
    };
    let span_days = (day_number(last) - day_number(first)).max(1.0);
    let pad = (span_days * 0.04).max(2.0);
    let scale = Scale {
        first: day_number(first) - pad,
        last: day_number(last) + pad,
    };

    // One mark per period: a long text names the same day hundreds of times, and marks on one
    // spot would only stack up (the list below has every event).
    let mut by_period: Vec<(Period, Vec<&Event>)> = Vec::new();
    let mut order: Vec<&(&Event, Period)> = placed.iter().collect();
    order.sort_by_key(|(_, p)| (p.start, p.end, p.granularity));
    for &(event, period) in order {
        match by_period.last_mut() {
            Some((last, events)) if *last == period => events.push(event),
            _ => by_period.push((period, vec![event])),
        }
    }
    let extents: Vec<(f64, f64)> = by_period
        .iter()
        .map(|(p, _)| {
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

    let mut out = format!(
        "<svg class=\"timeline-strip\" viewBox=\"0 0 {WIDTH} {height:.0}\" role=\"img\" \
         aria-label=\"Overview of the events on a time axis; the list below gives each one\">\
         <line class=\"axis\" x1=\"{MARGIN}\" x2=\"{}\" y1=\"{axis_y:.1}\" y2=\"{axis_y:.1}\"></line>",
        WIDTH - MARGIN
    );
    for (date, label) in ticks(first, last) {
        let x = scale.x(date);
        let _ = write!(
            out,
            "<g class=\"tick\"><line x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{axis_y:.1}\" y2=\"{:.1}\"></line>\
             <text x=\"{x:.1}\" y=\"{:.1}\">{label}</text></g>",
            axis_y + 4.0,
            axis_y + 15.0
        );
    }
    if let Some(day) = published {
        let x = scale.x(day) + (scale.x(day.tomorrow().unwrap_or(day)) - scale.x(day)) / 2.0;
        // Keep the label inside the strip when publication is at an edge.
        let anchor = if x > WIDTH - 50.0 {
            "end"
        } else if x < 50.0 {
            "start"
        } else {
            "middle"
        };
        let _ = write!(
            out,
            "<g class=\"published\"><line x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"14\" y2=\"{axis_y:.1}\"></line>\
             <text x=\"{x:.1}\" y=\"10\" text-anchor=\"{anchor}\">Published</text></g>"
        );
    }
    for (((period, events), &(start, end)), &lane) in by_period.iter().zip(&extents).zip(&lane_of) {
        let y = TOP + lane as f64 * LANE_HEIGHT + LANE_HEIGHT / 2.0;
        let class = marker_class(Some(period.granularity));
        let ids: Vec<&str> = events.iter().map(|e| e.id.as_str()).collect();
        let mut entities: Vec<&str> = events
            .iter()
            .flat_map(|e| e.entities.iter().map(String::as_str))
            .collect();
        entities.sort_unstable();
        entities.dedup();
        let data = format!(
            "data-strip-events=\"{}\" data-entities=\"{}\" class=\"mark {class}\"",
            escape(&ids.join(" ")),
            escape(&entities.join(" "))
        );
        let title = escape(&mark_title(events));
        if period.granularity <= Granularity::Day {
            let _ = write!(
                out,
                "<circle cx=\"{:.1}\" cy=\"{y:.1}\" r=\"5\" {data}><title>{title}</title></circle>",
                (start + end) / 2.0
            );
        } else {
            let _ = write!(
                out,
                "<rect x=\"{start:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"8\" rx=\"4\" {data}><title>{title}</title></rect>",
                y - 4.0,
                end - start
            );
        }
    }
    out.push_str("</svg>");
    out
}

/// The tooltip of a strip mark: its date and what happened, the first few events of a crowded day.
fn mark_title(events: &[&Event]) -> String {
    const LISTED: usize = 3;
    let Some(first) = events.first() else {
        return String::new();
    };
    let when = display_date(&first.date);
    if events.len() == 1 {
        return format!("{when}: {}", first.label);
    }
    let labels: Vec<&str> = events
        .iter()
        .take(LISTED)
        .map(|e| e.label.as_str())
        .collect();
    let more = if events.len() > LISTED { "; …" } else { "" };
    format!(
        "{when}, {} events: {}{more}",
        events.len(),
        labels.join("; ")
    )
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
    fn the_strip_has_at_most_max_lanes() {
        // Marks all on one spot: past MAX_LANES they share lanes instead of growing the strip.
        let lane_of = lanes(&vec![(0.0, 10.0); MAX_LANES * 3]);
        assert_eq!(lane_of.iter().max(), Some(&(MAX_LANES - 1)));
        assert_eq!(&lane_of[..MAX_LANES], (0..MAX_LANES).collect::<Vec<_>>());
    }

    #[test]
    fn events_of_one_day_share_one_strip_mark() {
        use dateline_format::article::Span;
        let event = |id: &str, date: &str, entity: &str| Event {
            id: id.into(),
            date: date.into(),
            granularity: Granularity::of_value(date),
            label: format!("label {id}"),
            sentence: Span::new(0, 5),
            timex: Span::new(0, 5),
            entities: vec![entity.into()],
        };
        let events: Vec<Event> = (0..5)
            .map(|i| event(&format!("e{i}"), "2017-07-07", ["a", "b"][i % 2]))
            .chain([event("e5", "2017-07-01", "c")])
            .collect();
        let placed: Vec<(&Event, Period)> = events
            .iter()
            .filter_map(|e| Some((e, Period::of_value(&e.date)?)))
            .collect();
        let svg = strip(&placed, None);
        assert_eq!(svg.matches("<circle").count(), 2, "{svg}");
        assert!(svg.contains(
            "data-strip-events=\"e0 e1 e2 e3 e4\" data-entities=\"a b\" class=\"mark point\""
        ));
        assert!(
            svg.contains("<title>7 July 2017, 5 events: label e0; label e1; label e2; …</title>")
        );
        assert!(svg.contains("<title>1 July 2017: label e5</title>"));
    }

    #[test]
    fn the_lists_and_the_strip_are_written_escaped_with_their_data_attributes() {
        use dateline_format::article::Span;
        let event = |id: &str, date: &str, granularity, label: &str| Event {
            id: id.into(),
            date: date.into(),
            granularity,
            label: label.into(),
            sentence: Span::new(0, 5),
            timex: Span::new(0, 5),
            entities: vec!["a-b".into(), "c".into()],
        };
        let article = Article {
            events: vec![
                event("e1", "2017-06", Some(Granularity::Month), "<b>\"Q&A\"</b>"),
                event("e2", "2017-07-08", Some(Granularity::Day), "later"),
            ],
            ..crate::test_support::article(&["Today it rained."])
        };
        let entries = Entries::new(&article);
        let list = entries_html(&article, &entries, 0);
        assert!(list.starts_with(
            "<li><button type=\"button\" class=\"event band\" data-event-id=\"e1\" data-date=\"2017-06\" \
             data-entities=\"a-b c\" aria-pressed=\"false\" \
             aria-label=\"June 2017 (month): &lt;b&gt;&quot;Q&amp;A&quot;&lt;/b&gt;. Show in the article.\">"
        ), "{list}");
        let published = list.find("Published <time datetime=\"2017-07-07\">7 July 2017</time>");
        let later = list.find("data-event-id=\"e2\"");
        assert!(
            published.is_some() && published < later,
            "the publication day stands between"
        );
        let placed: Vec<(&Event, Period)> = article
            .events
            .iter()
            .filter_map(|e| Some((e, Period::of_value(&e.date)?)))
            .collect();
        let svg = strip(&placed, Some(Date::constant(2017, 7, 7)));
        assert!(svg.starts_with("<svg class=\"timeline-strip\""));
        assert!(svg.contains("<rect x=") && svg.contains("data-strip-events=\"e1\""));
        assert!(svg.contains("<circle cx=") && svg.contains("data-strip-events=\"e2\""));
        assert!(svg.contains("<title>June 2017: &lt;b&gt;&quot;Q&amp;A&quot;&lt;/b&gt;</title>"));
        assert!(svg.ends_with("</svg>"));
        assert_eq!(strip(&[], None), "", "nothing to draw");
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

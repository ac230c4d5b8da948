//! The story timeline (`#/timeline`): every dated event of the library, or of the articles a
//! query finds (`?q=…`, the library's filters) or of one name (`?entity=<id>`), drawn to scale on
//! a time axis that zooms from decades down to days, with the same events as an ordered list
//! below for screen readers and phones. An event opens its article at its sentence.
//!
//! The axis is SVG (the Content-Security-Policy allows no inline styles); each article's events
//! share one of eight colours and lanes keep overlapping events apart.

use std::cell::Cell;
use std::collections::HashSet;
use std::fmt::Write;

use dateline_format::calendar::Period;
use dateline_format::library::{LibraryEvent, LibraryEvents};
use jiff::civil::Date;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::status::{ErrorMessage, Loading};
use crate::data::{LoadError, Shared};
use crate::dates::display_date;
use crate::library::{Query, Shelf};
use crate::markup::escape;
use crate::prerendered::Preloaded;
use crate::route::{Route, Selection};

/// Zoom levels: pixels per day and the tick step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Zoom {
    Decades,
    Years,
    Months,
    Days,
}

impl Zoom {
    const ALL: [Zoom; 4] = [Zoom::Decades, Zoom::Years, Zoom::Months, Zoom::Days];

    fn pixels_per_day(self) -> f64 {
        match self {
            Zoom::Decades => 0.05,
            Zoom::Years => 0.6,
            Zoom::Months => 8.0,
            Zoom::Days => 48.0,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Zoom::Decades => "decades",
            Zoom::Years => "years",
            Zoom::Months => "months",
            Zoom::Days => "days",
        }
    }

    fn step(self, by: i32) -> Zoom {
        let at = Zoom::ALL.iter().position(|&z| z == self).unwrap_or(0) as i32;
        Zoom::ALL[(at + by).clamp(0, 3) as usize]
    }

    /// The closest zoom at which `days` fit in about `width` pixels.
    fn fitting(days: f64, width: f64) -> Zoom {
        Zoom::ALL
            .iter()
            .rev()
            .copied()
            .find(|z| days * z.pixels_per_day() <= width)
            .unwrap_or(Zoom::Decades)
    }
}

/// Days since 1970-01-01.
fn day_number(date: Date) -> f64 {
    (Date::constant(1970, 1, 1).duration_until(date).as_secs() / 86_400) as f64
}

/// An event placed on the axis.
struct Placed<'a> {
    event: &'a LibraryEvent,
    from: Date,
    start: f64,
    end: f64,
}

/// The events a query asks for, with their periods, in date order.
fn chosen<'a>(shelf: &Shelf, events: &'a LibraryEvents, query: &Query) -> Vec<Placed<'a>> {
    let entity = (!query.entity.is_empty())
        .then(|| shelf.index.entity(&query.entity).map(|(i, _)| i))
        .map(|found| found.unwrap_or(u32::MAX));
    let articles: Option<HashSet<u32>> = query
        .filters()
        .then(|| shelf.search(query).into_iter().collect());
    let mut placed: Vec<Placed> = events
        .events
        .iter()
        .filter(|e| entity.is_none_or(|i| e.entities.contains(&i)))
        .filter(|e| articles.as_ref().is_none_or(|a| a.contains(&e.article)))
        .filter_map(|event| {
            let period = Period::of_value(&event.date)?;
            Some(Placed {
                event,
                from: period.start,
                start: day_number(period.start),
                end: day_number(period.end),
            })
        })
        .collect();
    placed.sort_by(|a, b| a.start.total_cmp(&b.start).then(a.end.total_cmp(&b.end)));
    placed
}

const LANE: f64 = 16.0;
const LANES: usize = 16;
const AXIS: f64 = 22.0;
const PAD_DAYS: f64 = 10.0;
/// Marks drawn at most; the list below always holds every event.
const MAX_MARKS: usize = 3000;
/// Ticks drawn at most.
const MAX_TICKS: usize = 4000;
/// List items rendered at once.
const LIST_PAGE: usize = 200;

/// Tick marks (day, label) from the month of `start` to day `last` at this zoom, at most
/// [`MAX_TICKS`].
fn ticks(start: Date, last: f64, zoom: Zoom) -> Vec<(f64, String)> {
    let mut out = Vec::new();
    let (mut year, mut month) = (i32::from(start.year()), i32::from(start.month()));
    // Ticks cover the whole axis: when a step would need more than MAX_TICKS, it grows (every 2
    // or 3 years, months…) rather than the ticks stopping part way along. An outlier (a year
    // misread in an old text) can stretch the axis over centuries: a tick a month still fits.
    let last_year = 1970 + (last / 365.2425).floor() as i32;
    let widen = |count: i32| ((count + MAX_TICKS as i32 - 1) / MAX_TICKS as i32).max(1);
    match zoom {
        Zoom::Decades | Zoom::Years => {
            let step = if zoom == Zoom::Decades { 10 } else { 1 };
            let step = step * widen((last_year - year) / step + 1);
            year -= year.rem_euclid(step);
            while out.len() < MAX_TICKS {
                let Ok(date) = Date::new(year as i16, 1, 1) else {
                    break;
                };
                let day = day_number(date);
                if day > last {
                    break;
                }
                out.push((day, year.to_string()));
                year += step;
            }
        }
        Zoom::Months | Zoom::Days => {
            const MONTHS: [&str; 12] = [
                "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
            ];
            let step = widen((last_year - year + 1) * 12);
            while out.len() < MAX_TICKS {
                let Ok(date) = Date::new(year as i16, month as i8, 1) else {
                    break;
                };
                let day = day_number(date);
                if day > last {
                    break;
                }
                out.push((day, format!("{} {year}", MONTHS[(month - 1) as usize])));
                month += step;
                year += (month - 1) / 12;
                month = (month - 1) % 12 + 1;
            }
        }
    }
    out
}

/// The axis's SVG: ticks and a mark per event, in lanes. Like the list, one string of HTML
/// (`markup`): a library's axis holds thousands of elements, which the browser's parser builds
/// and hydration adopts far faster than Yew's element-by-element tree.
fn axis(shelf: &Shelf, placed: &[Placed], zoom: Zoom) -> String {
    let first = placed.iter().map(|p| p.start).fold(f64::MAX, f64::min) - PAD_DAYS;
    let first_date = placed
        .iter()
        .map(|p| p.from)
        .min()
        .unwrap_or(Date::constant(1970, 1, 1));
    let last = placed.iter().map(|p| p.end).fold(f64::MIN, f64::max) + PAD_DAYS;
    let scale = zoom.pixels_per_day();
    let x = |day: f64| (day - first) * scale;
    let width = x(last).max(320.0);
    let mut lane_ends = [f64::MIN; LANES];
    let mut lanes_used = 1;
    let mut marks = String::new();
    for p in placed.iter().take(MAX_MARKS) {
        let (left, right) = (x(p.start), x(p.end).max(x(p.start) + 8.0));
        let lane = lane_ends
            .iter()
            .position(|&end| end + 2.0 < left)
            .unwrap_or(LANES - 1);
        lane_ends[lane] = lane_ends[lane].max(right);
        lanes_used = lanes_used.max(lane + 1);
        let y = AXIS + 6.0 + lane as f64 * LANE;
        let entry = &shelf.index.articles[p.event.article as usize];
        let title = format!(
            "{} — {} ({})",
            display_date(&p.event.date),
            p.event.label,
            entry.title
        );
        let _ = write!(
            marks,
            "<a href=\"{}\" tabindex=\"-1\" class=\"story-mark hue-{}\" data-mark-event-id=\"{}\" \
             data-article-id=\"{}\"><title>{}</title><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"11\" rx=\"3\"></rect></a>",
            escape(&event_href(shelf, p)),
            p.event.article % 8,
            escape(&p.event.id),
            escape(&entry.id),
            escape(&title),
            left.round() as i64,
            y as i64,
            (right - left).round().max(4.0) as i64,
        );
    }
    let height = (AXIS + 16.0 + lanes_used.max(3) as f64 * LANE) as i64;
    let width = width.round() as i64;
    let mut out = format!(
        "<svg class=\"story-axis\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" \
         aria-hidden=\"true\" focusable=\"false\">"
    );
    for (day, label) in ticks(first_date, last, zoom)
        .into_iter()
        .filter(|(day, _)| *day >= first)
    {
        let at = x(day).round() as i64;
        let _ = write!(
            out,
            "<g class=\"tick\"><line x1=\"{at}\" x2=\"{at}\" y1=\"14\" y2=\"{height}\"></line>\
             <text x=\"{}\" y=\"12\">{}</text></g>",
            at + 3,
            escape(&label)
        );
    }
    out.push_str(&marks);
    out.push_str("</svg>");
    out
}

/// Where an event's link leads: its article at its sentence.
fn event_href(shelf: &Shelf, placed: &Placed) -> String {
    let entry = &shelf.index.articles[placed.event.article as usize];
    Route::to_article(
        shelf.collection(&entry.id),
        &entry.id,
        &Selection::Event(placed.event.id.clone()),
    )
    .href()
}

/// The ordered list's items (the accessible reading of the axis): the first `shown` events.
fn list_items(shelf: &Shelf, placed: &[Placed], shown: usize) -> String {
    let mut out = String::new();
    for p in placed.iter().take(shown) {
        let entry = &shelf.index.articles[p.event.article as usize];
        let date = escape(&p.event.date);
        let _ = write!(
            out,
            "<li class=\"story-event hue-{}\" data-event-id=\"{}\" data-date=\"{date}\" data-article-id=\"{}\">\
             <time datetime=\"{date}\">{}</time><a href=\"{}\">{}</a><span class=\"story-article\">{}</span></li>",
            p.event.article % 8,
            escape(&p.event.id),
            escape(&entry.id),
            escape(&display_date(&p.event.date)),
            escape(&event_href(shelf, p)),
            escape(&p.event.label),
            escape(&entry.title),
        );
    }
    out
}

/// The ordered list of the events, and "Show more".
fn list(shelf: &Shelf, placed: &[Placed], shown: &UseStateHandle<usize>) -> Html {
    let more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + LIST_PAGE))
    };
    html! {
        <>
        <ol class="story-list">{ Html::from_html_unchecked(list_items(shelf, placed, **shown).into()) }</ol>
        if placed.len() > **shown {
            <p class="show-more"><button type="button" class="tool" onclick={more}>
                {format!("Show more ({} left)", placed.len() - **shown)}
            </button></p>
        }
        </>
    }
}

/// The span in days of the middle 90% of the events (outliers, such as a year misread in an
/// old text, would otherwise squeeze the rest), and the middle event's day counted from the
/// axis's left end.
fn focus(placed: &[Placed]) -> (f64, Option<f64>) {
    if placed.is_empty() {
        return (0.0, None);
    }
    let n = placed.len();
    let middle = &placed[n / 20..n - n / 20];
    let start = middle.iter().map(|p| p.start).fold(f64::MAX, f64::min);
    let end = middle.iter().map(|p| p.end).fold(f64::MIN, f64::max);
    let first = placed.iter().map(|p| p.start).fold(f64::MAX, f64::min) - PAD_DAYS;
    (end - start, Some(placed[n / 2].start - first))
}

/// What the timeline shows, in words.
fn heading(shelf: &Shelf, query: &Query) -> String {
    if let Some((_, entity)) = shelf.index.entity(&query.entity) {
        return format!("Story timeline of {}", entity.name);
    }
    if query.filters() {
        return "Story timeline of the articles found".to_string();
    }
    "Story timeline".to_string()
}

/// The story timeline page: loads the library with its events, then shows [`StoryView`].
#[function_component(StoryPage)]
pub fn story_page() -> Html {
    let query: Query = use_location()
        .and_then(|l| l.query::<Query>().ok())
        .unwrap_or_default();
    // A prerendered story timeline starts with the bundled library and events it was rendered
    // from; the reader's own are added once read from storage.
    let preloaded = use_context::<Preloaded>().unwrap_or_default();
    let shelf = use_state(|| match &preloaded {
        Preloaded::Story(shelf) => Some(Ok::<_, LoadError>(shelf.clone())),
        _ => None,
    });
    {
        let shelf = shelf.clone();
        let hydrated = shelf.is_some();
        use_effect_with((), move |_| {
            gloo::utils::document().set_title("Story timeline — Dateline");
            if !hydrated {
                gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
            }
            wasm_bindgen_futures::spawn_local(async move {
                let loaded = match Shelf::load().await {
                    Ok(shelf) => shelf.load_events().await.map(|_| Shared(shelf)),
                    Err(error) => Err(error),
                };
                shelf.set(Some(loaded));
            });
        });
    }
    match &*shelf {
        None => html! { <Loading what="the story timeline" /> },
        Some(Err(error)) => {
            html! { <ErrorMessage title="The story timeline could not be opened" detail={error.to_string()} /> }
        }
        Some(Ok(shelf)) => html! { <StoryView shelf={shelf.clone()} {query} /> },
    }
}

/// Props of [`StoryView`].
#[derive(Properties, PartialEq)]
pub struct StoryProps {
    /// The library, with its events.
    pub shelf: Shared<Shelf>,
    /// Which events: the library's query or one name.
    pub query: Query,
}

/// The axis with its zoom and the ordered list of the events a query asks for.
#[function_component(StoryView)]
pub fn story_view(props: &StoryProps) -> Html {
    let (shelf, query) = (&props.shelf, &props.query);
    let zoom = use_state(|| None::<Zoom>);
    let shown = use_state(|| LIST_PAGE);
    let scroller = use_node_ref();
    // The day (from the axis's left end) to keep in the middle of the view after a render: the
    // middle event when a set of events opens, the day in the middle when the zoom changes.
    let centre = use_mut_ref(|| Cell::new(None::<f64>));
    let shown_for = use_mut_ref(|| None::<Query>);
    let events = shelf.events().unwrap_or_default();
    let placed = chosen(shelf, &events, query);
    let (focus_span, median) = focus(&placed);
    let zoom_now = zoom.unwrap_or_else(|| Zoom::fitting(focus_span + 2.0 * PAD_DAYS, 1100.0));
    {
        let (scroller, centre, shown_for) = (scroller.clone(), centre.clone(), shown_for.clone());
        let query = query.clone();
        use_effect_with((zoom_now, placed.len()), move |(zoom, _)| {
            if shown_for.borrow().as_ref() != Some(&query) {
                *shown_for.borrow_mut() = Some(query);
                centre.borrow().set(median);
            }
            let day = centre.borrow().take();
            if let (Some(day), Some(div)) = (day, scroller.cast::<web_sys::Element>()) {
                let left = day * zoom.pixels_per_day() - f64::from(div.client_width()) / 2.0;
                div.set_scroll_left(left.max(0.0) as i32);
            }
        });
    }
    let set_zoom = {
        let (zoom, scroller, centre) = (zoom.clone(), scroller.clone(), centre.clone());
        Callback::from(move |next: Zoom| {
            if let Some(div) = scroller.cast::<web_sys::Element>() {
                let middle = f64::from(div.scroll_left()) + f64::from(div.client_width()) / 2.0;
                centre
                    .borrow()
                    .set(Some(middle / zoom_now.pixels_per_day()));
            }
            zoom.set(Some(next));
        })
    };
    let on_key = {
        let set_zoom = set_zoom.clone();
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "+" | "=" => set_zoom.emit(zoom_now.step(1)),
            "-" | "_" => set_zoom.emit(zoom_now.step(-1)),
            _ => {}
        })
    };
    let articles: HashSet<u32> = placed.iter().map(|p| p.event.article).collect();
    let back = if query.entity.is_empty() {
        Route::Library.href_with_query(&serde_urlencoded::to_string(query).unwrap_or_default())
    } else {
        Route::Entity {
            id: query.entity.clone(),
        }
        .href()
    };
    html! {
        <section class="story" aria-labelledby="story-title">
            <p class="crumbs"><a href={back}>{if query.entity.is_empty() { "Library" } else { "Back to the name" }}</a></p>
            <h1 id="story-title">{heading(shelf, query)}</h1>
            <p class="lede" role="status">{format!("{} dated events from {} articles. Each opens its article at its sentence.", placed.len(), articles.len())}</p>
            if placed.is_empty() {
                <p class="empty">{"No dated event to show. Try another search in the library."}</p>
            } else {
                <div class="zoom" role="group" aria-label="Zoom">
                    <button type="button" class="tool" aria-label="Zoom out" disabled={zoom_now == Zoom::Decades}
                        onclick={let s = set_zoom.clone(); move |_| s.emit(zoom_now.step(-1))}>{"−"}</button>
                    { for Zoom::ALL.iter().map(|&z| {
                        let s = set_zoom.clone();
                        html! {
                            <button type="button" class="tool" aria-pressed={(z == zoom_now).to_string()}
                                data-zoom={z.label()} onclick={move |_| s.emit(z)}>{z.label()}</button>
                        }
                    }) }
                    <button type="button" class="tool" aria-label="Zoom in" disabled={zoom_now == Zoom::Days}
                        onclick={let s = set_zoom.clone(); move |_| s.emit(zoom_now.step(1))}>{"+"}</button>
                    <span class="hint">{"Scroll sideways; + and − zoom."}</span>
                </div>
                <div class="story-scroll" ref={scroller} tabindex="0" role="region"
                    aria-label={format!("Time axis by {}; the list below reads the same events in order", zoom_now.label())}
                    onkeydown={on_key}>
                    { Html::from_html_unchecked(axis(shelf, &placed, zoom_now).into()) }
                </div>
                <h2 class="story-list-title">{"In date order"}</h2>
                { list(shelf, &placed, &shown) }
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_cover_the_whole_axis_at_every_zoom_growing_their_step_past_the_most() {
        let (start, end) = (Date::constant(1700, 3, 5), Date::constant(2018, 7, 1));
        for zoom in Zoom::ALL {
            let ticks = ticks(start, day_number(end), zoom);
            assert!(ticks.len() <= MAX_TICKS, "{zoom:?}: {}", ticks.len());
            let last = ticks.last().unwrap();
            // The last tick is within one step of the end: never stopped part way along.
            let step_days = if zoom == Zoom::Decades { 3660.0 } else { 366.0 };
            assert!(
                day_number(end) - last.0 < step_days,
                "{zoom:?} ends at {}",
                last.1
            );
        }
        let months = ticks(start, day_number(end), Zoom::Months);
        assert_eq!(months[0].1, "Mar 1700");
        assert_eq!(months[1].1, "Apr 1700", "every month over 318 years");
        let longer = ticks(Date::constant(1000, 1, 1), day_number(end), Zoom::Months);
        assert_eq!(
            longer[1].1, "May 1000",
            "every fourth month over 1,018 years"
        );
        // A short axis has a tick every month.
        let short = ticks(
            Date::constant(2017, 11, 1),
            day_number(Date::constant(2018, 2, 1)),
            Zoom::Months,
        );
        let labels: Vec<&str> = short.iter().map(|t| t.1.as_str()).collect();
        assert_eq!(labels, ["Nov 2017", "Dec 2017", "Jan 2018", "Feb 2018"]);
    }
}

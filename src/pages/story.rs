//! The story timeline (`#/timeline`): every dated event of the library, or of the articles a
//! query finds (`?q=…`, the library's filters) or of one name (`?entity=<id>`), drawn to scale on
//! a time axis that zooms from decades down to days, with the same events as an ordered list
//! below for screen readers and phones. An event opens its article at its sentence.
//!
//! The axis is SVG (the Content-Security-Policy allows no inline styles); each article's events
//! share one of eight colours and lanes keep overlapping events apart.

use std::cell::Cell;
use std::collections::HashSet;

use dateline_format::calendar::Period;
use dateline_format::library::{LibraryEvent, LibraryEvents};
use jiff::civil::Date;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::status::{ErrorMessage, Loading};
use crate::data::{LoadError, Shared};
use crate::dates::display_date;
use crate::library::{Query, Shelf};
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
/// List items rendered at once.
const LIST_PAGE: usize = 200;

/// Tick marks (day, label) from the month of `start` to day `last` at this zoom, at most 400.
fn ticks(start: Date, last: f64, zoom: Zoom) -> Vec<(f64, String)> {
    let mut out = Vec::new();
    let (mut year, mut month) = (i32::from(start.year()), i32::from(start.month()));
    match zoom {
        Zoom::Decades | Zoom::Years => {
            let step = if zoom == Zoom::Decades { 10 } else { 1 };
            year -= year.rem_euclid(step);
            while out.len() < 400 {
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
            while out.len() < 400 {
                let Ok(date) = Date::new(year as i16, month as i8, 1) else {
                    break;
                };
                let day = day_number(date);
                if day > last {
                    break;
                }
                out.push((day, format!("{} {year}", MONTHS[(month - 1) as usize])));
                month += 1;
                if month > 12 {
                    month = 1;
                    year += 1;
                }
            }
        }
    }
    out
}

/// The axis: ticks and a mark per event, in lanes.
fn axis(shelf: &Shelf, placed: &[Placed], zoom: Zoom) -> Html {
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
    let marks: Vec<Html> = placed.iter().take(MAX_MARKS).map(|p| {
        let (left, right) = (x(p.start), x(p.end).max(x(p.start) + 8.0));
        let lane = lane_ends.iter().position(|&end| end + 2.0 < left).unwrap_or(LANES - 1);
        lane_ends[lane] = lane_ends[lane].max(right);
        lanes_used = lanes_used.max(lane + 1);
        let y = AXIS + 6.0 + lane as f64 * LANE;
        let entry = &shelf.index.articles[p.event.article as usize];
        let href = Route::to_article(shelf.collection(&entry.id), &entry.id, &Selection::Event(p.event.id.clone())).href();
        let hue = format!("story-mark hue-{}", p.event.article % 8);
        html! {
            <a {href} tabindex="-1" class={hue} data-mark-event-id={p.event.id.clone()} data-article-id={entry.id.clone()}>
                <title>{format!("{} — {} ({})", display_date(&p.event.date), p.event.label, entry.title)}</title>
                <rect x={format!("{}", left.round() as i64)} y={format!("{}", y as i64)} width={format!("{}", (right - left).round().max(4.0) as i64)} height="11" rx="3" />
            </a>
        }
    }).collect();
    let height = AXIS + 16.0 + lanes_used.max(3) as f64 * LANE;
    html! {
        <svg class="story-axis" width={format!("{}", width.round() as i64)} height={format!("{}", height as i64)}
            viewBox={format!("0 0 {} {}", width.round() as i64, height as i64)} aria-hidden="true" focusable="false">
            { for ticks(first_date, last, zoom).into_iter().filter(|(day, _)| *day >= first).map(|(day, label)| html! {
                <g class="tick">
                    <line x1={format!("{}", x(day).round() as i64)} x2={format!("{}", x(day).round() as i64)} y1="14" y2={format!("{}", height as i64)} />
                    <text x={format!("{}", x(day).round() as i64 + 3)} y="12">{label}</text>
                </g>
            }) }
            { for marks.into_iter() }
        </svg>
    }
}

/// The ordered list of the events (the accessible reading of the axis).
fn list(shelf: &Shelf, placed: &[Placed], shown: &UseStateHandle<usize>) -> Html {
    let more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + LIST_PAGE))
    };
    html! {
        <>
        <ol class="story-list">
            { for placed.iter().take(**shown).map(|p| {
                let entry = &shelf.index.articles[p.event.article as usize];
                let href = Route::to_article(shelf.collection(&entry.id), &entry.id, &Selection::Event(p.event.id.clone())).href();
                html! {
                    <li key={format!("{}/{}", entry.id, p.event.id)} class={classes!("story-event", format!("hue-{}", p.event.article % 8))}
                        data-event-id={p.event.id.clone()} data-date={p.event.date.clone()} data-article-id={entry.id.clone()}>
                        <time datetime={p.event.date.clone()}>{display_date(&p.event.date)}</time>
                        <a {href}>{&p.event.label}</a>
                        <span class="story-article">{&entry.title}</span>
                    </li>
                }
            }) }
        </ol>
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
                    { axis(shelf, &placed, zoom_now) }
                </div>
                <h2 class="story-list-title">{"In date order"}</h2>
                { list(shelf, &placed, &shown) }
            }
        </section>
    }
}

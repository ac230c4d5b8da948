//! Exports of an article: Dateline JSON (re-importable), TimelineJS JSON for its timeline, and a
//! standalone HTML page (inline CSS, no scripts) that opens without Dateline.

use std::fmt;

use dateline_format::article::{Article, Entity, EntityType, Event, Granularity, Span};
use dateline_format::span::slice;
use wasm_bindgen::JsCast;

use crate::dates::{display_date, display_published, event_when};
use crate::markup::escape;

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The article file, as bundled (re-importable on the Analyze page).
    Dateline,
    /// TimelineJS 3 JSON of the timeline.
    TimelineJs,
    /// A standalone HTML page.
    Html,
}

impl Format {
    /// Every format, in menu order.
    pub const ALL: [Format; 3] = [Format::Dateline, Format::TimelineJs, Format::Html];

    /// The `data-export` value and file name suffix.
    pub fn code(self) -> &'static str {
        match self {
            Format::Dateline => "dateline",
            Format::TimelineJs => "timelinejs",
            Format::Html => "html",
        }
    }

    /// A button label.
    pub fn label(self) -> &'static str {
        match self {
            Format::Dateline => "Dateline JSON",
            Format::TimelineJs => "TimelineJS JSON",
            Format::Html => "Standalone HTML",
        }
    }

    /// File name and MIME type of the export of `article`.
    pub fn file(self, article: &Article) -> (String, &'static str) {
        match self {
            Format::Dateline => (format!("{}.json", article.id), "application/json"),
            Format::TimelineJs => (format!("{}.timeline.json", article.id), "application/json"),
            Format::Html => (format!("{}.html", article.id), "text/html"),
        }
    }

    /// The exported file's contents.
    pub fn render(self, article: &Article) -> String {
        match self {
            Format::Dateline => article.to_json(),
            Format::TimelineJs => timelinejs(article),
            Format::Html => standalone_html(article),
        }
    }
}

/// TimelineJS 3 JSON: one slide per dated event. `start_date` holds the calendar fields as far as
/// the event's granularity goes (a month has no day), and `display_date` shows the date in words
/// at that granularity ("November 2016"), so a month is never shown as its first day. Each slide
/// is grouped under the name of its first person or organisation (else its first name), which
/// TimelineJS draws as a labelled row; a slide naming no one has no group.
pub fn timelinejs(article: &Article) -> String {
    let body = article.body_text();
    let events: Vec<Slide> = article
        .events
        .iter()
        .filter_map(|event| {
            let granularity = event.granularity?;
            let part = |range: std::ops::Range<usize>| {
                event
                    .date
                    .get(range)
                    .and_then(|s| s.parse::<u32>().ok())
                    .map(|n| n.to_string())
            };
            let start_date = match granularity {
                Granularity::Decade => TimelineDate {
                    year: format!("{}0", &event.date[0..3]),
                    ..TimelineDate::default()
                },
                Granularity::Year
                | Granularity::Season
                | Granularity::Quarter
                | Granularity::Week => TimelineDate {
                    year: part(0..4)?,
                    ..TimelineDate::default()
                },
                Granularity::Month => TimelineDate {
                    year: part(0..4)?,
                    month: Some(part(5..7)?),
                    day: None,
                },
                Granularity::Day | Granularity::Time => TimelineDate {
                    year: part(0..4)?,
                    month: Some(part(5..7)?),
                    day: Some(part(8..10)?),
                },
            };
            Some(Slide {
                display_date: display_date(&event.date),
                group: group_name(article, event),
                start_date,
                text: Text {
                    headline: event.label.clone(),
                    text: slice(&body, event.sentence),
                },
                unique_id: &event.id,
            })
        })
        .collect();
    let doc = Timeline {
        events,
        title: Title {
            text: Text {
                headline: article.title.clone(),
                text: format!(
                    "{} · {}",
                    article.source,
                    display_published(article.published.as_deref(), article.published_inferred)
                ),
            },
        },
    };
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}

/// The name an event's slide is grouped under: its first participant that is a person or an
/// organisation, else its first participant.
fn group_name<'a>(article: &'a Article, event: &Event) -> Option<&'a str> {
    let participants: Vec<&Entity> = event
        .entities
        .iter()
        .filter_map(|id| article.entities.iter().find(|e| &e.id == id))
        .collect();
    participants
        .iter()
        .find(|e| matches!(e.entity_type, EntityType::Person | EntityType::Organization))
        .or(participants.first())
        .map(|e| e.name.as_str())
}

// TimelineJS 3's JSON, with fields in alphabetical order as the format's examples write them.
// Derived structs rather than `serde_json::Value`: the same JSON with less code in the app.
#[derive(serde::Serialize)]
struct Timeline<'a> {
    events: Vec<Slide<'a>>,
    title: Title,
}

#[derive(serde::Serialize)]
struct Title {
    text: Text,
}

#[derive(serde::Serialize)]
struct Slide<'a> {
    display_date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<&'a str>,
    start_date: TimelineDate,
    text: Text,
    unique_id: &'a str,
}

#[derive(serde::Serialize, Default)]
struct TimelineDate {
    #[serde(skip_serializing_if = "Option::is_none")]
    day: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    month: Option<String>,
    year: String,
}

#[derive(serde::Serialize)]
struct Text {
    headline: String,
    text: String,
}

const HTML_STYLE: &str = "body{font:1.1rem/1.7 Georgia,'DejaVu Serif',serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1b1b1d;background:#fbfaf7}\
h1{line-height:1.2}.meta,.legend,footer{font:0.9rem system-ui,sans-serif;color:#52525b}\
mark{color:inherit;padding:0 .06em;border-radius:2px}mark.per{background:#dbeafe;border-bottom:2px solid #1d4ed8}\
mark.org{background:#fde5c8;border-bottom:3px double #a24a07}mark.loc{background:#d3f5e3;border-bottom:2px dashed #047857}\
mark.misc{background:#ece7fe;border-bottom:2px dotted #6d28d9}ol.timeline{font:0.95rem system-ui,sans-serif;padding-left:1.2rem}\
ol.timeline b{display:inline-block;min-width:9rem}\
@media (prefers-color-scheme:dark){body{background:#141619;color:#e9e7e3}.meta,.legend,footer{color:#b4b1ab}\
mark.per{background:#1e3355}mark.org{background:#4a2c10}mark.loc{background:#123d2c}mark.misc{background:#33265a}}";

/// A standalone page: the article with its names highlighted (as `<mark>` elements carrying the
/// same `data-entity-id`/`data-entity-type` as the app) and its timeline as a list. Inline CSS,
/// no scripts, every text escaped.
pub fn standalone_html(article: &Article) -> String {
    let mut mentions: Vec<(Span, &str, &str, &str)> = article
        .entities
        .iter()
        .flat_map(|e| {
            e.mentions
                .iter()
                .map(move |m| (*m, e.id.as_str(), e.entity_type.code(), e.name.as_str()))
        })
        .collect();
    mentions.sort_by_key(|m| m.0.start);
    let mut body = String::new();
    let mut next = mentions.iter().peekable();
    for (paragraph, span) in article.paragraphs.iter().zip(article.paragraph_spans()) {
        let chars: Vec<char> = paragraph.chars().collect();
        let mut at = 0;
        body.push_str("<p>");
        while let Some((m, id, code, name)) = next.peek().copied() {
            if m.start >= span.end {
                break;
            }
            next.next();
            let (start, end) = (m.start - span.start, m.end - span.start);
            body.push_str(&escape(&chars[at..start].iter().collect::<String>()));
            body.push_str(&format!(
                "<mark class=\"{}\" data-entity-id=\"{}\" data-entity-type=\"{code}\" title=\"{}\">{}</mark>",
                code.to_ascii_lowercase(),
                escape(id),
                escape(name),
                escape(&chars[start..end].iter().collect::<String>())
            ));
            at = end;
        }
        body.push_str(&escape(&chars[at..].iter().collect::<String>()));
        body.push_str("</p>\n");
    }
    let mut timeline = String::new();
    // The body text, made once and only if an event without a calendar date needs its words.
    let text = std::cell::OnceCell::new();
    for event in &article.events {
        timeline.push_str(&format!(
            "<li data-event-id=\"{}\" data-date=\"{}\"><b>{}</b> {}</li>\n",
            escape(&event.id),
            escape(&event.date),
            escape(&event_when(event, || text
                .get_or_init(|| article.body_text())
                .as_str())),
            escape(&event.label)
        ));
    }
    let standfirst = if article.standfirst.is_empty() {
        String::new()
    } else {
        format!("<p><em>{}</em></p>\n", escape(&article.standfirst))
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <title>{title}</title>\n<style>{HTML_STYLE}</style>\n</head>\n<body>\n<article>\n\
         <h1>{title}</h1>\n{standfirst}<p class=\"meta\">{source} · {published}</p>\n\
         <p class=\"legend\"><mark class=\"per\">people</mark> <mark class=\"org\">organisations</mark> \
         <mark class=\"loc\">places</mark> <mark class=\"misc\">other names</mark></p>\n{body}</article>\n\
         <section>\n<h2>Timeline</h2>\n<ol class=\"timeline\">\n{timeline}</ol>\n</section>\n\
         <footer>Exported from Dateline.</footer>\n</body>\n</html>\n",
        lang = escape(&article.language),
        title = escape(&article.title),
        source = escape(&article.source),
        published = escape(&display_published(article.published.as_deref(), article.published_inferred)),
    )
}

/// Why an export could not be downloaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportError {
    /// The browser would not make the file (a Blob and its URL).
    NoFile,
    /// The browser would not start the download.
    NoDownload,
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::NoFile => write!(
                f,
                "The file could not be made. Try again, or reload the page."
            ),
            ExportError::NoDownload => {
                write!(
                    f,
                    "The download could not start. Try again, or reload the page."
                )
            }
        }
    }
}

/// Offers `contents` as a download named `name`, through a Blob and an object URL.
pub fn download(name: &str, mime: &str, contents: &str) -> Result<(), ExportError> {
    let parts = js_sys::Array::of1(&contents.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(&format!("{mime};charset=utf-8"));
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| ExportError::NoFile)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| ExportError::NoFile)?;
    let document = gloo::utils::document();
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| ExportError::NoDownload)?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    web_sys::Url::revoke_object_url(&url).ok();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_format::article::{Entity, EntityType, Event, SCHEMA_VERSION};

    fn sample() -> Article {
        Article {
            schema_version: SCHEMA_VERSION,
            id: "t".into(),
            title: "A <b> & C".into(),
            standfirst: String::new(),
            source: "Src".into(),
            published: Some("2017-07-07".into()),
            published_inferred: false,
            credit: None,
            language: "en".into(),
            paragraphs: vec!["Putin met Trump in November.".into(), "Élan <x>.".into()],
            entities: vec![Entity {
                id: "putin".into(),
                name: "Putin".into(),
                entity_type: EntityType::Person,
                aliases: vec![],
                mentions: vec![Span::new(0, 5)],
            }],
            timexes: vec![],
            events: vec![Event {
                id: "event-1".into(),
                date: "2016-11".into(),
                granularity: Some(Granularity::Month),
                label: "Putin met Trump".into(),
                sentence: Span::new(0, 28),
                timex: Span::new(19, 27),
                entities: vec!["putin".into()],
            }],
        }
    }

    use serde_json::{json, Value};

    #[test]
    fn timelinejs_keeps_the_granularity() {
        let doc: Value = serde_json::from_str(&timelinejs(&sample())).unwrap();
        let event = &doc["events"][0];
        assert_eq!(event["start_date"], json!({"year": "2016", "month": "11"}));
        assert_eq!(event["display_date"], "November 2016");
        assert_eq!(event["text"]["text"], "Putin met Trump in November.");
        assert_eq!(
            event["group"], "Putin",
            "grouped by who takes part, not by granularity"
        );
    }

    #[test]
    fn timelinejs_slides_naming_no_one_have_no_group() {
        let mut article = sample();
        article.events[0].entities.clear();
        let doc: Value = serde_json::from_str(&timelinejs(&article)).unwrap();
        assert!(doc["events"][0].get("group").is_none());
    }

    #[test]
    fn standalone_html_escapes_and_highlights() {
        let html = standalone_html(&sample());
        assert!(html.contains("<title>A &lt;b&gt; &amp; C</title>"));
        assert!(html.contains("<mark class=\"per\" data-entity-id=\"putin\" data-entity-type=\"PER\" title=\"Putin\">Putin</mark> met Trump"));
        assert!(html.contains("<p>Élan &lt;x&gt;.</p>"));
        assert!(!html.contains("<script"));
    }
}

//! The publication day a page states about itself, from its metadata, in order of trust:
//!
//! 1. JSON-LD `datePublished` (also inside `@graph`, arrays and nested objects), an article's
//!    before any other object's;
//! 2. `<meta>` tags named by `property`, `name` or `itemprop`: Open Graph's
//!    `article:published_time`, Parse.ly, Dublin Core (`DC.date.issued`, `dcterms.created`,
//!    `DC.date`, …), and the common `date`, `pubdate`, `publish-date`, `sailthru.date`, …;
//! 3. elements marked `itemprop="datePublished"`, then `<time pubdate>`;
//! 4. the first `<time datetime>` of an `<article>`, then of the page.
//!
//! Modification dates are never read. The first value that names a real day wins.

use dom_query::{Document, NodeRef};
use serde_json::Value;

use crate::date::day_of;

/// `<meta>` names of a publication date, most specific first; compared in lowercase with `:`,
/// `_` and `-` read as `.`.
const META_KEYS: &[&str] = &[
    "article.published.time",
    "og.published.time",
    "og.article.published.time",
    "parsely.pub.date",
    "article.published",
    "datepublished",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "citation.publication.date",
    "citation.date",
    "publish.date",
    "publishdate",
    "publication.date",
    "pubdate",
    "sailthru.date",
    "date",
];

/// The page's publication day, `YYYY-MM-DD`, or `None` when it states none.
pub(crate) fn published_day(doc: &Document) -> Option<String> {
    json_ld_day(doc)
        .or_else(|| meta_day(doc))
        .or_else(|| marked_element_day(doc))
        .or_else(|| first_time_day(doc))
}

/// `datePublished` of the page's JSON-LD blocks.
fn json_ld_day(doc: &Document) -> Option<String> {
    let mut article_dates = Vec::new();
    let mut other_dates = Vec::new();
    for script in doc.select(r#"script[type="application/ld+json"]"#).nodes() {
        let text = script.text();
        // Some pages wrap the JSON in a CDATA section or an HTML comment.
        let text = text
            .trim()
            .trim_start_matches("<![CDATA[")
            .trim_end_matches("]]>")
            .trim_start_matches("<!--")
            .trim_end_matches("-->");
        if let Ok(value) = serde_json::from_str::<Value>(text) {
            collect_json_ld(&value, &mut article_dates, &mut other_dates, 0);
        }
    }
    article_dates
        .into_iter()
        .chain(other_dates)
        .find_map(|date| day_of(&date))
}

/// Whether a schema.org `@type` is a kind of article (`NewsArticle`, `BlogPosting`, …).
fn is_article_type(value: Option<&Value>) -> bool {
    let is_article = |t: &str| {
        let t = t.rsplit(['/', ':']).next().unwrap_or(t);
        t.ends_with("Article") || t == "BlogPosting" || t == "Report" || t == "LiveBlogPosting"
    };
    match value {
        Some(Value::String(t)) => is_article(t),
        Some(Value::Array(types)) => types.iter().filter_map(Value::as_str).any(is_article),
        _ => false,
    }
}

/// Walks a JSON-LD value depth first, collecting `datePublished` strings of articles and of
/// anything else.
fn collect_json_ld(
    value: &Value,
    articles: &mut Vec<String>,
    others: &mut Vec<String>,
    depth: usize,
) {
    // JSON-LD nests a few levels; a deeper value is not page metadata.
    if depth > 8 {
        return;
    }
    match value {
        Value::Array(items) => {
            for item in items {
                collect_json_ld(item, articles, others, depth + 1);
            }
        }
        Value::Object(object) => {
            if let Some(date) = object.get("datePublished").and_then(json_string) {
                if is_article_type(object.get("@type")) {
                    articles.push(date);
                } else {
                    others.push(date);
                }
            }
            for (key, child) in object {
                if key != "datePublished" && (child.is_object() || child.is_array()) {
                    collect_json_ld(child, articles, others, depth + 1);
                }
            }
        }
        _ => {}
    }
}

/// A JSON-LD date: a string, or the first string of an array, or an object's `@value`.
fn json_string(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Array(items) => items.iter().find_map(json_string),
        Value::Object(object) => object.get("@value").and_then(json_string),
        _ => None,
    }
}

/// A `<meta>` tag's name in the form [`META_KEYS`] lists.
fn meta_key(name: &str) -> String {
    name.trim()
        .to_ascii_lowercase()
        .replace([':', '_', '-'], ".")
}

/// The first `<meta>` date in [`META_KEYS`] order.
fn meta_day(doc: &Document) -> Option<String> {
    let mut found: Vec<(usize, String)> = Vec::new();
    for meta in doc.select("meta[content]").nodes() {
        let Some(content) = meta.attr("content") else {
            continue;
        };
        for attribute in ["property", "name", "itemprop", "http-equiv"] {
            let Some(name) = meta.attr(attribute) else {
                continue;
            };
            // `property` may hold several space-separated names (RDFa).
            for name in name.split_whitespace() {
                if let Some(rank) = META_KEYS.iter().position(|k| *k == meta_key(name)) {
                    found.push((rank, content.to_string()));
                }
            }
        }
    }
    // Stable: for one name, the first tag in the page wins.
    found.sort_by_key(|(rank, _)| *rank);
    found.into_iter().find_map(|(_, content)| day_of(&content))
}

/// The date an element states: its `datetime` or `content` attribute, else its text.
fn element_day(node: &NodeRef) -> Option<String> {
    ["datetime", "content"]
        .iter()
        .filter_map(|a| node.attr(a))
        .find_map(|v| day_of(&v))
        .or_else(|| day_of(&node.text()))
}

/// `itemprop="datePublished"` elements (microdata), then `<time pubdate>` (HTML5 drafts).
fn marked_element_day(doc: &Document) -> Option<String> {
    ["[itemprop~=datePublished]", "time[pubdate]"]
        .iter()
        .find_map(|selector| doc.select(selector).nodes().iter().find_map(element_day))
}

/// The first `<time datetime>` inside an `<article>`, else the first of the page.
fn first_time_day(doc: &Document) -> Option<String> {
    ["article time[datetime]", "time[datetime]"]
        .iter()
        .find_map(|selector| {
            let times = doc.select(selector);
            let first = times.nodes().first()?;
            first.attr("datetime").and_then(|v| day_of(&v))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(html: &str) -> Option<String> {
        published_day(&Document::from(html))
    }

    #[test]
    fn open_graph_and_parsely() {
        assert_eq!(
            day(r#"<meta property="article:published_time" content="2017-07-07T10:00:00+02:00">"#)
                .as_deref(),
            Some("2017-07-07")
        );
        assert_eq!(
            day(r#"<meta name="parsely-pub-date" content="2016-03-01T23:10:00Z">"#).as_deref(),
            Some("2016-03-01")
        );
    }

    #[test]
    fn json_ld_in_graphs_and_arrays() {
        let graph = r#"<script type="application/ld+json">{"@context": "https://schema.org",
            "@graph": [{"@type": "WebPage", "datePublished": "2020-01-01"},
                       {"@type": "NewsArticle", "datePublished": "2020-02-03T08:00:00-05:00"}]}
            </script>"#;
        assert_eq!(day(graph).as_deref(), Some("2020-02-03"));
        let array = r#"<script type="application/ld+json">[{"@type": "Organization"},
            {"@type": ["BlogPosting"], "datePublished": "March 4, 2019"}]</script>"#;
        assert_eq!(day(array).as_deref(), Some("2019-03-04"));
        let broken = r#"<script type="application/ld+json">{"datePublished": </script>
            <meta name="date" content="2018-05-06">"#;
        assert_eq!(day(broken).as_deref(), Some("2018-05-06"));
    }

    #[test]
    fn json_ld_comes_before_meta_tags() {
        let html = r#"<meta property="article:published_time" content="2001-01-01">
            <script type="application/ld+json">{"@type": "Article",
            "datePublished": "2002-02-02"}</script>"#;
        assert_eq!(day(html).as_deref(), Some("2002-02-02"));
    }

    #[test]
    fn dublin_core_and_plain_names() {
        for (name, expected) in [
            ("DC.date.issued", "2015-04-03"),
            ("dcterms.created", "2015-04-03"),
            ("DC.date", "2015-04-03"),
            ("dc:date", "2015-04-03"),
            ("date", "2015-04-03"),
            ("pubdate", "2015-04-03"),
            ("publish-date", "2015-04-03"),
            ("sailthru.date", "2015-04-03"),
        ] {
            let html = format!(r#"<meta name="{name}" content="2015-04-03 12:00">"#);
            assert_eq!(day(&html).as_deref(), Some(expected), "{name}");
        }
    }

    #[test]
    fn the_more_specific_meta_name_wins() {
        let html = r#"<meta name="date" content="2010-10-10">
            <meta name="DC.date.issued" content="2011-11-11">"#;
        assert_eq!(day(html).as_deref(), Some("2011-11-11"));
    }

    #[test]
    fn modification_dates_are_not_publication_dates() {
        let html = r#"<meta property="article:modified_time" content="2019-01-01">
            <meta name="last-modified" content="2019-01-01">"#;
        assert_eq!(day(html), None);
    }

    #[test]
    fn time_elements() {
        let html = r#"<body><time datetime="2012-12-12">x</time>
            <time pubdate datetime="2013-01-02T09:00">Jan 2</time></body>"#;
        assert_eq!(day(html).as_deref(), Some("2013-01-02"));
        let html = r#"<body><aside><time datetime="2012-12-12">x</time></aside>
            <article><time datetime="2014-05-06">May 6</time></article></body>"#;
        assert_eq!(day(html).as_deref(), Some("2014-05-06"));
        let html = r#"<p>Posted <span itemprop="datePublished">June 5, 2016</span></p>"#;
        assert_eq!(day(html).as_deref(), Some("2016-06-05"));
    }

    #[test]
    fn no_date_at_all() {
        assert_eq!(day("<p>Nothing here, 2017.</p>"), None);
        assert_eq!(day(r#"<meta name="date" content="soon">"#), None);
    }
}

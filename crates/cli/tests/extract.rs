//! `dateline extract` and saved pages as bundle sources, on pages made up for the tests.

mod common;

use std::path::{Path, PathBuf};

use dateline_cli::analyzer;
use dateline_cli::bundle::build_bundle;
use dateline_format::article::Article;

use common::dateline;

/// A fresh folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dateline-extract-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A saved news page with `head` in its head.
fn page(head: &str) -> String {
    format!(
        r#"<html lang="en"><head><title>Harbour bridge reopens after repairs | Example Gazette</title>
        <meta property="og:site_name" content="Example Gazette">{head}</head><body>
        <nav><a href="/">Home</a></nav><article><h1>Harbour bridge reopens after repairs</h1>
        <p>The harbour bridge reopened on Monday morning after eight months of repairs, and the
        first buses crossed it shortly after six o'clock, the city council said.</p>
        <p>Engineers replaced the cables and the deck, and the council said the bridge would
        carry trams again from next spring once the new rails have been tested.</p>
        </article></body></html>"#
    )
}

fn write(dir: &Path, name: &str, contents: impl AsRef<[u8]>) -> String {
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn json_output_has_every_field() {
    let dir = scratch("json");
    let head = r#"<meta property="article:published_time" content="2023-04-05T22:00:00-07:00">"#;
    let path = write(&dir, "page.html", page(head));
    let (ok, out, err) = dateline(&["extract", &path, "--json"]);
    assert!(ok, "{err}");
    assert_eq!(out.lines().count(), 1, "one JSON object: {out}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let keys = [
        "title",
        "byline",
        "site_name",
        "published",
        "lang",
        "paragraphs",
    ];
    assert_eq!(json.as_object().unwrap().len(), keys.len());
    let at: Vec<usize> = keys
        .iter()
        .map(|k| out.find(&format!("\"{k}\":")).unwrap())
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "keys in order: {out}");
    assert_eq!(json["title"], "Harbour bridge reopens after repairs");
    assert_eq!(json["site_name"], "Example Gazette");
    assert_eq!(json["published"], "2023-04-05");
    assert_eq!(json["byline"], serde_json::Value::Null);
    assert_eq!(json["lang"], "en");
    assert_eq!(json["paragraphs"].as_array().unwrap().len(), 2);

    let (ok, out, _) = dateline(&["extract", &path]);
    assert!(ok && out.contains("Published: 2023-04-05") && out.contains("\n\nEngineers"));
}

#[test]
fn pages_in_legacy_character_sets_are_decoded() {
    let dir = scratch("charset");
    let html =
        page(r#"<meta charset="windows-1252">"#).replace("six o'clock", "six o\u{2019}clock");
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&html);
    assert!(std::str::from_utf8(&bytes).is_err());
    let path = write(&dir, "page.html", bytes);
    let (ok, out, err) = dateline(&["extract", &path, "--json"]);
    assert!(ok, "{err}");
    assert!(out.contains("six o\u{2019}clock"), "{out}");
}

#[test]
fn refused_pages_are_clear_errors() {
    let dir = scratch("refused");
    let empty = write(
        &dir,
        "empty.html",
        "<html><body><script>x()</script></body></html>",
    );
    let (ok, _, err) = dateline(&["extract", &empty]);
    assert!(!ok && err.contains("no article text was found"), "{err}");
    assert!(err.contains("empty.html"), "{err}");

    let huge = dir.join("huge.html");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(17 * 1024 * 1024)
        .unwrap();
    let (ok, _, err) = dateline(&["extract", huge.to_str().unwrap(), "--json"]);
    assert!(
        !ok && err.contains("too large") && err.contains("at most 16 MB"),
        "{err}"
    );

    let binary = write(&dir, "image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    let (ok, _, err) = dateline(&["extract", &binary]);
    assert!(!ok && err.contains("not a web page"), "{err}");

    let (ok, _, err) = dateline(&["extract", dir.join("missing.html").to_str().unwrap()]);
    assert!(
        !ok && err.contains("opening") && !err.contains("panicked"),
        "{err}"
    );
}

#[test]
fn saved_pages_are_bundle_sources() {
    let dir = scratch("bundle");
    let head = r#"<script type="application/ld+json">{"@type": "NewsArticle",
        "datePublished": "2023-04-05"}</script>"#;
    write(&dir, "bridge.html", page(head));
    write(&dir, "bridge.meta.json", "{}");
    let files = build_bundle(&analyzer(false).unwrap(), &dir).unwrap();
    let (_, json) = files
        .iter()
        .find(|(name, _)| name == "bridge.json")
        .unwrap();
    let article = Article::from_json(json).unwrap();
    assert_eq!(article.title, "Harbour bridge reopens after repairs");
    assert_eq!(article.source, "Example Gazette");
    assert_eq!(article.published.as_deref(), Some("2023-04-05"));
    assert_eq!(article.language, "en");
    assert_eq!(article.paragraphs.len(), 2);

    // What the metadata says wins over the page.
    write(
        &dir,
        "bridge.meta.json",
        r#"{"published": "2023-04-06", "source": "Gazette", "title": "Bridge open"}"#,
    );
    let files = build_bundle(&analyzer(false).unwrap(), &dir).unwrap();
    let article = Article::from_json(&files[0].1).unwrap();
    assert_eq!(
        (
            article.title.as_str(),
            article.source.as_str(),
            article.published.as_deref().unwrap_or_default()
        ),
        ("Bridge open", "Gazette", "2023-04-06")
    );
}

#[test]
fn a_page_without_a_date_is_bundled_with_its_date_unknown() {
    let dir = scratch("undated");
    write(&dir, "bridge.html", page(""));
    write(&dir, "bridge.meta.json", "{}");
    let files = build_bundle(&analyzer(false).unwrap(), &dir).unwrap();
    let article = Article::from_json(&files[0].1).unwrap();
    assert_eq!(article.published, None);

    write(&dir, "bridge.meta.json", r#"{"published": "5 April"}"#);
    let err = build_bundle(&analyzer(false).unwrap(), &dir).unwrap_err();
    let message = format!("{err:#}");
    assert!(
        message.contains("building bridge") && message.contains("\"5 April\""),
        "{message}"
    );

    write(&dir, "bridge.txt", "Title\n\nText.");
    let err = build_bundle(&analyzer(false).unwrap(), &dir).unwrap_err();
    assert!(format!("{err:#}").contains("two sources for one article"));
}

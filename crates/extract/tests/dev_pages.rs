//! Extraction against Mozilla Readability's test pages (`shared/data/readability-pages/dev`,
//! beside the repository; see its PROVENANCE.md): the text's word F1, the headline and the
//! publication day must stay at the level measured when extraction was built. The pages belong to
//! their publishers and are never copied into the repository; without them the test says so and
//! passes.
//!
//! Scored as `shared/bench/score_extraction.py` scores: bags of lowercased words, macro average
//! over the pages Readability calls readerable whose language is English or unset.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use dom_query::Document;
use serde_json::Value;

/// Measured 0.998 (2026-11); a drop below this is a regression, not noise.
const MIN_WORD_F1: f64 = 0.99;
/// Measured 54 of 54; one headline may go.
const MIN_TITLE_RATE: f64 = 0.98;
/// Measured 16 of 16; one date may go.
const MIN_DATE_RATE: f64 = 0.93;

fn pages_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/readability-pages/dev")
}

/// Word counts of a text: runs of letters and digits, lowercased.
fn words(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *counts.entry(word.to_lowercase()).or_insert(0) += 1;
    }
    counts
}

fn f1(got: &HashMap<String, usize>, expected: &HashMap<String, usize>) -> f64 {
    let common: usize = got
        .iter()
        .map(|(w, n)| (*n).min(expected.get(w).copied().unwrap_or(0)))
        .sum();
    let (g, e) = (
        got.values().sum::<usize>(),
        expected.values().sum::<usize>(),
    );
    let p = if g > 0 { common as f64 / g as f64 } else { 0.0 };
    let r = if e > 0 { common as f64 / e as f64 } else { 0.0 };
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

/// The text of Readability's expected article: every text node, separated by spaces.
fn expected_text(html: &str) -> String {
    let doc = Document::from(html);
    let root = doc.root();
    root.descendants()
        .iter()
        .filter(|n| n.is_text())
        .map(|n| n.text().to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether the scorer counts a page: readerable, and English or of no stated language.
fn counted(meta: &Value) -> bool {
    meta["readerable"] != Value::Bool(false)
        && meta["lang"]
            .as_str()
            .is_none_or(|l| l.is_empty() || l.to_lowercase().starts_with("en"))
}

#[test]
fn extraction_stays_as_good_as_measured() {
    let dir = pages_dir();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!("skipped: {} is absent", dir.display());
        return;
    };
    let mut folders: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).collect();
    folders.sort();
    let (mut f1_sum, mut pages, mut titles, mut titles_ok, mut dates, mut dates_ok) =
        (0.0, 0, 0, 0, 0, 0);
    for folder in folders {
        let read = |name: &str| std::fs::read_to_string(folder.join(name));
        let (Ok(source), Ok(expected), Ok(meta)) = (
            read("source.html"),
            read("expected.html"),
            read("expected-metadata.json"),
        ) else {
            continue;
        };
        let meta: Value = serde_json::from_str(&meta).unwrap_or(Value::Null);
        if !counted(&meta) {
            continue;
        }
        let name = folder.file_name().unwrap().to_string_lossy().into_owned();
        let got = dateline_extract::extract(&source).unwrap_or_default();
        let score = f1(
            &words(&got.paragraphs.join(" ")),
            &words(&expected_text(&expected)),
        );
        println!("{name}: word F1 {score:.3}");
        f1_sum += score;
        pages += 1;
        if let Some(title) = meta["title"].as_str().filter(|t| !t.is_empty()) {
            titles += 1;
            titles_ok += usize::from(norm(title) == norm(&got.title));
        }
        if let Some(time) = meta["publishedTime"].as_str().filter(|t| !t.is_empty()) {
            dates += 1;
            dates_ok += usize::from(got.published.as_deref() == time.get(..10));
        }
    }
    assert!(
        pages >= 50,
        "only {pages} pages counted in {}",
        dir.display()
    );
    let word_f1 = f1_sum / pages as f64;
    let title_rate = titles_ok as f64 / titles as f64;
    let date_rate = dates_ok as f64 / dates as f64;
    println!(
        "{pages} pages: word F1 {word_f1:.3}, headline {titles_ok}/{titles}, day {dates_ok}/{dates}"
    );
    assert!(word_f1 >= MIN_WORD_F1, "word F1 {word_f1:.3}");
    assert!(title_rate >= MIN_TITLE_RATE, "headline {title_rate:.3}");
    assert!(date_rate >= MIN_DATE_RATE, "publication day {date_rate:.3}");
}

//! Bundled articles: `content/articles/<id>.txt` (or `<id>.html`, a saved web page) +
//! `<id>.meta.json` -> `static/articles/<id>.json` and the library index
//! `static/articles/index.json`.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use dateline_engine::analysis::Analyzer;
use dateline_engine::build::{build_article_with, split_plain_text, ArticleSource};
use dateline_extract::Extracted;
use dateline_format::article::Article;
use dateline_format::library::{LibraryBuilder, EVENTS_FILE, INDEX_FILE};
use serde::Deserialize;

use crate::page::extract_page;

/// What a source's `<id>.meta.json` says: the facts the text does not carry. A saved page
/// carries some of them itself; what the metadata file says wins.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceMeta {
    /// Publication date, `YYYY-MM-DD` (or `YYYY-MM` when only the month is known); unknown when
    /// absent and a saved page states none.
    pub published: Option<String>,
    /// Publisher; overrides a `Source:` line in the text or a page's site name.
    pub source: Option<String>,
    /// BCP 47 language tag; the page's language, or English when absent.
    pub language: Option<String>,
    /// Headline of a saved page, replacing the one found in it; a text's headline is its first
    /// line.
    pub title: Option<String>,
}

/// Builds one article from its plain text (the layout [`split_plain_text`] reads) and metadata.
pub fn article_from_text(
    analyzer: &Analyzer,
    id: &str,
    text: &str,
    meta: &SourceMeta,
) -> Result<Article> {
    if meta.title.is_some() {
        bail!("a text source's headline is its first line, not \"title\" in its metadata");
    }
    let published = meta.published.clone();
    let (title, standfirst, paragraphs, source_line) = split_plain_text(text);
    let source = meta.source.clone().or(source_line).unwrap_or_default();
    let source = ArticleSource {
        id: id.to_string(),
        title,
        standfirst,
        source,
        published,
        language: meta.language.clone().unwrap_or_else(|| "en".to_string()),
        paragraphs,
        credit: None,
    };
    Ok(build_article_with(&source, analyzer)?)
}

/// Builds one article from the article extracted from a saved page and its metadata, which
/// fills in or overrides what the page says.
pub fn article_from_page(
    analyzer: &Analyzer,
    id: &str,
    page: Extracted,
    meta: &SourceMeta,
) -> Result<Article> {
    let published = meta.published.clone().or(page.published);
    let language = meta
        .language
        .clone()
        .or_else(|| page.lang.map(|lang| lang.replace('_', "-")))
        .unwrap_or_else(|| "en".to_string());
    let source = ArticleSource {
        id: id.to_string(),
        title: meta.title.clone().unwrap_or(page.title),
        standfirst: String::new(),
        source: meta.source.clone().or(page.site_name).unwrap_or_default(),
        published,
        language,
        paragraphs: page.paragraphs,
        credit: None,
    };
    Ok(build_article_with(&source, analyzer)?)
}

/// Every `<id>.txt` or `<id>.html` with its `<id>.meta.json` in `sources`, sorted by id.
fn source_files(sources: &Path) -> Result<Vec<(String, PathBuf, PathBuf)>> {
    let mut found: Vec<(String, PathBuf, PathBuf)> = Vec::new();
    for entry in fs::read_dir(sources).with_context(|| format!("reading {}", sources.display()))? {
        let path = entry?.path();
        if !matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("txt" | "html")
        ) {
            continue;
        }
        let Some(id) = path
            .file_stem()
            .and_then(|s| s.to_str())
            .map(str::to_string)
        else {
            continue;
        };
        let meta = sources.join(format!("{id}.meta.json"));
        if !meta.exists() {
            bail!("{} has no {}", path.display(), meta.display());
        }
        found.push((id, path, meta));
    }
    found.sort();
    if let Some(pair) = found.windows(2).find(|pair| pair[0].0 == pair[1].0) {
        bail!(
            "{} and {} are two sources for one article",
            pair[0].1.display(),
            pair[1].1.display()
        );
    }
    Ok(found)
}

/// Builds one source: a text or a saved page, with its metadata.
fn build_source(analyzer: &Analyzer, id: &str, path: &Path, meta_path: &Path) -> Result<Article> {
    let meta: SourceMeta = serde_json::from_str(
        &fs::read_to_string(meta_path)
            .with_context(|| format!("reading {}", meta_path.display()))?,
    )
    .with_context(|| format!("reading {}", meta_path.display()))?;
    let article = if path.extension().and_then(|e| e.to_str()) == Some("html") {
        article_from_page(analyzer, id, extract_page(path)?, &meta)
    } else {
        let text =
            fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        article_from_text(analyzer, id, &text, &meta)
    };
    article.with_context(|| format!("building {id}"))
}

/// Builds every article in `sources` and the library index, as (file name, contents) pairs.
pub fn build_bundle(analyzer: &Analyzer, sources: &Path) -> Result<Vec<(String, String)>> {
    let mut articles = Vec::new();
    for (id, path, meta_path) in source_files(sources)? {
        articles.push(build_source(analyzer, &id, &path, &meta_path)?);
    }
    let mut library = LibraryBuilder::new();
    for article in &articles {
        library.add(article);
    }
    let (index, events) = library.finish();
    let mut files: Vec<(String, String)> = articles
        .iter()
        .map(|a| (format!("{}.json", a.id), a.to_json()))
        .collect();
    files.push((INDEX_FILE.to_string(), index.to_json()));
    files.push((EVENTS_FILE.to_string(), events.to_json()));
    Ok(files)
}

/// Writes the bundle into `out`, removing article files whose source is gone.
pub fn write_bundle(files: &[(String, String)], out: &Path) -> Result<()> {
    fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    for entry in fs::read_dir(out)? {
        let path = entry?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        if name.ends_with(".json") && !files.iter().any(|(f, _)| *f == name) {
            fs::remove_file(&path).with_context(|| format!("removing stale {}", path.display()))?;
        }
    }
    for (name, contents) in files {
        fs::write(out.join(name), contents).with_context(|| format!("writing {name}"))?;
    }
    Ok(())
}

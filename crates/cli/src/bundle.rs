//! Bundled articles: `content/articles/<id>.txt` (or `<id>.html`, a saved web page) +
//! `<id>.meta.json` -> `static/articles/<id>.json` and the library index
//! `static/articles/index.json`.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use dateline_engine::analysis::Analyzer;
use dateline_engine::build::{build_article_with, split_plain_text, ArticleSource};
use dateline_extract::Extracted;
use dateline_format::article::{Article, Credit, Library};
use serde::Deserialize;

use crate::page::extract_page;

/// File name of the library index inside the bundle folder.
pub const INDEX_FILE: &str = "index.json";

/// What a source's `<id>.meta.json` says: the facts the text does not carry. A saved page
/// carries some of them itself; what the metadata file says wins. `content/articles/README.md`
/// documents every key.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceMeta {
    /// Publication date, `YYYY-MM-DD` (or `YYYY-MM` when only the month is known); unknown when
    /// absent (or null) and a saved page states none.
    pub published: Option<String>,
    /// The month of publication, `YYYY-MM`, where only it is known (from a URL's `/2016/10/`).
    pub published_month: Option<String>,
    /// Publisher; overrides a `Source:` line in the text or a page's site name.
    pub source: Option<String>,
    /// BCP 47 language tag; the page's language, or English when absent.
    pub language: Option<String>,
    /// Headline of a saved page, replacing the one found in it. A text's headline is its first
    /// line; a title given for a text must name the same headline (see [`same_headline`]).
    pub title: Option<String>,
    /// The original's address; with `licence` and `attribution`, the article's credit.
    pub url: Option<String>,
    /// The licence's name.
    pub licence: Option<String>,
    /// The licence's address.
    pub licence_url: Option<String>,
    /// The licence's wording, kept with the source for the record; not part of the article.
    pub licence_text: Option<String>,
    /// The credit line the licence asks for.
    pub attribution: Option<String>,
    /// Provenance: the GUM corpus document the text was taken from.
    pub gum_id: Option<String>,
    /// Provenance: that document's GUM split (`train`, `dev`, `test`).
    pub gum_split: Option<String>,
    /// Provenance: the re3d dataset document the text was taken from.
    pub re3d_id: Option<String>,
}

impl SourceMeta {
    /// The publication date: `published`, else `published_month`; both must agree when both are
    /// given.
    fn publication_date(&self) -> Result<Option<String>> {
        match (&self.published, &self.published_month) {
            (Some(day), Some(month)) if !day.starts_with(month.as_str()) => {
                bail!("\"published\" {day:?} is not in \"published_month\" {month:?}")
            }
            (day, month) => Ok(day.clone().or_else(|| month.clone())),
        }
    }

    /// The credit: `url`, `licence` and `attribution` together (with `licence_url` if given), or
    /// none of them.
    fn credit(&self) -> Result<Option<Credit>> {
        match (&self.url, &self.licence, &self.attribution) {
            (Some(url), Some(licence), Some(attribution)) => Ok(Some(Credit {
                url: url.clone(),
                licence: licence.clone(),
                licence_url: self.licence_url.clone(),
                attribution: attribution.clone(),
            })),
            (None, None, None) if self.licence_url.is_none() => Ok(None),
            _ => bail!("a credit needs all of \"url\", \"licence\" and \"attribution\""),
        }
    }
}

/// Whether a metadata title names the same headline as a text's first line: the same letters and
/// digits in the same order, ignoring case, spacing and punctuation, and letting a letter outside
/// ASCII stand for any one letter (a source that wrote "Licen" for "Ličen").
pub fn same_headline(a: &str, b: &str) -> bool {
    let key = |s: &str| -> Vec<char> {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (a, b) = (key(a), key(b));
    a.len() == b.len()
        && a.iter()
            .zip(&b)
            .all(|(x, y)| x == y || !x.is_ascii() || !y.is_ascii())
}

/// Builds one article from its plain text (the layout [`split_plain_text`] reads) and metadata.
pub fn article_from_text(
    analyzer: &Analyzer,
    id: &str,
    text: &str,
    meta: &SourceMeta,
) -> Result<Article> {
    let (title, standfirst, paragraphs, source_line) = split_plain_text(text);
    if let Some(given) = meta.title.as_deref().filter(|t| !same_headline(t, &title)) {
        bail!(
            "the metadata's \"title\" {given:?} is not the text's headline (its first line) {title:?}"
        );
    }
    let source = meta.source.clone().or(source_line).unwrap_or_default();
    let source = ArticleSource {
        id: id.to_string(),
        title,
        standfirst,
        source,
        published: meta.publication_date()?,
        language: meta.language.clone().unwrap_or_else(|| "en".to_string()),
        paragraphs,
        credit: meta.credit()?,
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
    let published = meta.publication_date()?.or(page.published);
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
        credit: meta.credit()?,
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
    // Newest first, then by id, so the index order is stable.
    articles.sort_by(|a, b| b.published.cmp(&a.published).then_with(|| a.id.cmp(&b.id)));
    let library = Library {
        schema_version: dateline_format::article::SCHEMA_VERSION,
        articles: articles.iter().map(Article::library_entry).collect(),
    };
    let mut files: Vec<(String, String)> = articles
        .iter()
        .map(|a| (format!("{}.json", a.id), a.to_json()))
        .collect();
    files.push((INDEX_FILE.to_string(), library.to_json()));
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

//! Bundled articles: `content/articles/<id>.txt` (or `<id>.html`, a saved web page) +
//! `<id>.meta.json` -> `static/articles/<id>.json` and the library index
//! `static/articles/index.json` and `events.json`, on every core, reusing the files of unchanged
//! sources ([`crate::cache`]).

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use anyhow::{bail, Context, Result};
use dateline_engine::analysis::Analyzer;
use dateline_engine::build::{build_article_with, split_plain_text, ArticleSource};
use dateline_extract::Extracted;
use dateline_format::article::{Article, Credit};
use dateline_format::library::{LibraryBuilder, EVENTS_FILE, INDEX_FILE};
use serde::Deserialize;

use crate::cache::{digest, source_key, BundleCache, CacheEntry};
use crate::page::extract_page;

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

/// Runs `work` on `0..count` on every core (at most `jobs` threads), each index once; the
/// first error stops the others and is returned.
fn for_each_parallel(
    count: usize,
    jobs: usize,
    work: impl Fn(usize) -> Result<()> + Sync,
) -> Result<()> {
    let next = AtomicUsize::new(0);
    let failure: Mutex<Option<anyhow::Error>> = Mutex::new(None);
    let threads = jobs.clamp(1, count.max(1));
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= count
                    || failure
                        .lock()
                        .expect("no thread panics holding it")
                        .is_some()
                {
                    break;
                }
                if let Err(error) = work(i) {
                    failure
                        .lock()
                        .expect("no thread panics holding it")
                        .get_or_insert(error);
                }
            });
        }
    });
    match failure.into_inner().expect("no thread panics holding it") {
        Some(error) => Err(error),
        None => Ok(()),
    }
}

/// Threads to use: every core.
pub fn all_cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Builds every article in `sources` and the library index and events, as (file name,
/// contents) pairs, in memory and without a cache: what the bundle must hold (`--check` and the
/// drift test compare against it).
pub fn build_bundle(analyzer: &Analyzer, sources: &Path) -> Result<Vec<(String, String)>> {
    let found = source_files(sources)?;
    let built: Mutex<Vec<(String, String)>> = Mutex::new(Vec::with_capacity(found.len() + 2));
    let library = Mutex::new(LibraryBuilder::new());
    for_each_parallel(found.len(), all_cores(), |i| {
        let (id, path, meta_path) = &found[i];
        let article = build_source(analyzer, id, path, meta_path)?;
        let json = article.to_json();
        library.lock().expect("not poisoned").add(&article);
        built
            .lock()
            .expect("not poisoned")
            .push((format!("{id}.json"), json));
        Ok(())
    })?;
    let mut files = built.into_inner().expect("not poisoned");
    files.sort();
    let (index, events) = library.into_inner().expect("not poisoned").finish();
    files.push((INDEX_FILE.to_string(), index.to_json()));
    files.push((EVENTS_FILE.to_string(), events.to_json()));
    Ok(files)
}

/// How [`bundle_into`] reuses earlier work.
#[derive(Clone, Debug)]
pub struct BundleOptions {
    /// The cache file ([`crate::cache`]); `None` keeps none and builds every article.
    pub cache: Option<PathBuf>,
    /// [`analysis_key`](crate::cache::analysis_key) of the analyzer in use.
    pub analysis: String,
    /// Rebuild every article, whatever the cache says.
    pub force: bool,
    /// Threads to use.
    pub jobs: usize,
    /// Print a line a built article to standard error.
    pub progress: bool,
}

/// What [`bundle_into`] did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BundleReport {
    /// Articles analyzed.
    pub built: usize,
    /// Articles whose file was reused, source and analysis unchanged.
    pub unchanged: usize,
    /// Files removed because their source is gone.
    pub removed: usize,
}

/// One article's outcome, for the library and the cache.
struct Bundled {
    entry: CacheEntry,
    reused: bool,
}

/// Builds the bundle from `sources` straight into `out`, one article at a time on every core:
/// an unchanged source (see [`crate::cache`]) reuses its file, every other one is analyzed and
/// written (only when its file changes). Then the index and events are written and files whose
/// source is gone removed. Memory holds the library's names and events, never every article.
pub fn bundle_into(
    analyzer: &Analyzer,
    sources: &Path,
    out: &Path,
    options: &BundleOptions,
) -> Result<BundleReport> {
    let found = source_files(sources)?;
    fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    let cache = match (&options.cache, options.force) {
        (Some(path), false) => BundleCache::load(path, &options.analysis),
        _ => BundleCache::default(),
    };
    let total = found.len();
    let library = Mutex::new(LibraryBuilder::new());
    let outcomes: Mutex<BTreeMap<String, Bundled>> = Mutex::new(BTreeMap::new());
    let built = for_each_parallel(total, options.jobs, |i| {
        let (article, outcome) = bundle_one(analyzer, &cache, out, &found[i], |id| {
            if options.progress {
                eprintln!("[{}/{total}] building {id}", i + 1);
            }
        })?;
        library.lock().expect("not poisoned").add(&article);
        let id = found[i].0.clone();
        outcomes.lock().expect("not poisoned").insert(id, outcome);
        Ok(())
    });
    let outcomes = outcomes.into_inner().expect("not poisoned");
    // Saved even when a source failed, so the next run redoes only what is left.
    if let Some(path) = &options.cache {
        let cache = BundleCache {
            analysis: options.analysis.clone(),
            articles: (outcomes.iter())
                .map(|(id, o)| (id.clone(), o.entry.clone()))
                .collect(),
        };
        cache.save(path)?;
    }
    built?;
    let (index, events) = library.into_inner().expect("not poisoned").finish();
    write_if_changed(&out.join(INDEX_FILE), &index.to_json())?;
    write_if_changed(&out.join(EVENTS_FILE), &events.to_json())?;
    let mut keep: HashSet<String> = outcomes.keys().map(|id| format!("{id}.json")).collect();
    keep.extend([INDEX_FILE.to_string(), EVENTS_FILE.to_string()]);
    let removed = remove_stale(out, &keep.iter().map(String::as_str).collect())?;
    let unchanged = outcomes.values().filter(|o| o.reused).count();
    Ok(BundleReport {
        built: total - unchanged,
        unchanged,
        removed,
    })
}

/// One source into `out`: its file reused when [`reusable`], else built (`on_build` is told
/// first) and written.
fn bundle_one(
    analyzer: &Analyzer,
    cache: &BundleCache,
    out: &Path,
    (id, path, meta_path): &(String, PathBuf, PathBuf),
    on_build: impl Fn(&str),
) -> Result<(Article, Bundled)> {
    let file = out.join(format!("{id}.json"));
    let kind = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default();
    let source = source_key(
        kind,
        &fs::read(path).with_context(|| format!("reading {}", path.display()))?,
        &fs::read(meta_path).with_context(|| format!("reading {}", meta_path.display()))?,
    );
    if let Some((article, entry)) = reusable(cache, id, &source, &file) {
        let reused = Bundled {
            entry,
            reused: true,
        };
        return Ok((article, reused));
    }
    on_build(id);
    let article = build_source(analyzer, id, path, meta_path)?;
    let json = article.to_json();
    write_if_changed(&file, &json)?;
    let entry = CacheEntry {
        source,
        output: digest(&[json.as_bytes()]),
    };
    Ok((
        article,
        Bundled {
            entry,
            reused: false,
        },
    ))
}

/// The article in `file` and its cache entry, when the cache says it was made from `source`
/// by this analysis and the file is still what was written.
fn reusable(
    cache: &BundleCache,
    id: &str,
    source: &str,
    file: &Path,
) -> Option<(Article, CacheEntry)> {
    let entry = cache.articles.get(id).filter(|e| e.source == source)?;
    let json = fs::read_to_string(file).ok()?;
    if digest(&[json.as_bytes()]) != entry.output {
        return None;
    }
    // The file is byte for byte what this analysis wrote and validated, so it is read without
    // validating again.
    let article: Article = serde_json::from_str(&json).ok()?;
    Some((article, entry.clone()))
}

/// Writes `contents` to `path` unless it already holds exactly that, so unchanged files keep
/// their times and watchers (Trunk) see only real changes.
fn write_if_changed(path: &Path, contents: &str) -> Result<()> {
    if fs::read(path).is_ok_and(|old| old == contents.as_bytes()) {
        return Ok(());
    }
    fs::write(path, contents).with_context(|| format!("writing {}", path.display()))
}

/// Removes the `.json` files in `out` not named in `keep`; returns how many.
fn remove_stale(out: &Path, keep: &HashSet<&str>) -> Result<usize> {
    let mut removed = 0;
    for entry in fs::read_dir(out).with_context(|| format!("reading {}", out.display()))? {
        let path = entry?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if name.ends_with(".json") && !keep.contains(name) {
            fs::remove_file(&path).with_context(|| format!("removing stale {}", path.display()))?;
            removed += 1;
        }
    }
    Ok(removed)
}

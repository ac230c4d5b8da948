//! Dateline's article extraction: the article in a saved web page, as Firefox Reader View would
//! show it, laid out as Dateline's paragraphs, with the metadata a reading view needs.
//!
//! The article is found by [`dom_smoothie`], a port of Mozilla Readability (the extractor behind
//! Firefox Reader View); this crate turns what it finds into plain paragraphs and reads the
//! publication day from the page's metadata (JSON-LD, Open Graph, Dublin Core, `<time>`, …).
//! No I/O: the caller brings the page as text (see `decode_html` with the `decode` feature for
//! pages saved in a legacy character set).
//!
//! ```
//! let page = r#"<html lang="en"><head><title>Putin and Trump meet - Example News</title>
//!   <meta property="article:published_time" content="2017-07-07T18:30:00+02:00">
//!   <meta property="og:site_name" content="Example News"></head>
//!   <body><nav><a href="/">Home</a></nav><article>
//!   <h1>Putin and Trump meet</h1>
//!   <p>The much anticipated meeting between the two presidents took place today at the G20
//!   summit in Hamburg, Germany, where they spoke for more than two hours.</p>
//!   <p>Both sides described the talks as constructive, and agreed to meet again before the
//!   end of the year to discuss a ceasefire in south-western Syria.</p>
//!   <script>track()</script></article></body></html>"#;
//! let article = dateline_extract::extract(page).unwrap();
//! assert_eq!(article.published.as_deref(), Some("2017-07-07"));
//! assert_eq!(article.site_name.as_deref(), Some("Example News"));
//! assert_eq!(article.lang.as_deref(), Some("en"));
//! assert!(article.paragraphs[0].starts_with("The much anticipated meeting"));
//! assert!(article.paragraphs.iter().all(|p| !p.contains("track()")));
//! ```
#![deny(missing_docs)]

mod date;
#[cfg(feature = "decode")]
mod decode;
mod paragraphs;
mod published;

/// Moved to the format crate, so the analysis engine reads datelines without this crate.
pub use dateline_format::dateline::text_dateline;
pub use dateline_format::page::Extracted;
use dom_smoothie::{Config, Readability, ReadabilityError};

#[cfg(feature = "decode")]
pub use decode::{decode_html, Decoded};

/// The largest page [`extract`] reads, in bytes of UTF-8: a bit over the 10 MB a reader may
/// bring, which extraction handles in well under a second.
pub const MAX_HTML_BYTES: usize = 16 * 1024 * 1024;

/// The most elements a page may have; past that it is refused rather than analyzed slowly.
pub const MAX_ELEMENTS: usize = 500_000;

/// The deepest nesting of elements a page may have. Readability's work grows with the square of
/// the depth (a page of 4,000 nested `div`s takes seconds), and no real page comes near this
/// (Chromium's parser stops nesting at the same depth).
pub const MAX_DEPTH: usize = 512;

/// Why a page gave no article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExtractError {
    /// The page is larger than [`MAX_HTML_BYTES`].
    TooLarge {
        /// Size of the page in bytes.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// The page has more than [`MAX_ELEMENTS`] elements.
    TooManyElements {
        /// Elements found.
        found: usize,
        /// The limit.
        limit: usize,
    },
    /// The page nests elements deeper than [`MAX_DEPTH`].
    TooDeep {
        /// The limit, which the page exceeds.
        limit: usize,
    },
    /// Nothing in the page reads as an article's text.
    NoArticle,
}

impl std::fmt::Display for ExtractError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExtractError::TooLarge { bytes, limit } => write!(
                f,
                "the page is too large to read ({:.1} MB; at most {} MB)",
                *bytes as f64 / 1_048_576.0,
                limit / 1_048_576
            ),
            ExtractError::TooManyElements { found, limit } => write!(
                f,
                "the page has too many elements to read ({found}; at most {limit})"
            ),
            ExtractError::TooDeep { limit } => write!(
                f,
                "the page nests its elements too deeply to read (more than {limit} levels)"
            ),
            ExtractError::NoArticle => write!(f, "no article text was found in the page"),
        }
    }
}

impl std::error::Error for ExtractError {}

/// The text a metadata field holds, trimmed with white space collapsed, or `None` when empty.
fn clean(text: Option<&str>) -> Option<String> {
    let text = text?.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

/// Whether some element of the document lies deeper than `limit` levels.
fn deeper_than(doc: &dom_query::Document, limit: usize) -> bool {
    let mut stack = vec![(doc.root(), 0)];
    while let Some((node, depth)) = stack.pop() {
        if depth > limit {
            return true;
        }
        stack.extend(
            node.children_it(false)
                .filter(|child| child.is_element())
                .map(|child| (child, depth + 1)),
        );
    }
    false
}

/// Extracts the article from a web page: its text as paragraphs, headline, byline, site name,
/// language and publication day.
///
/// # Errors
///
/// [`ExtractError::TooLarge`], [`ExtractError::TooManyElements`] and [`ExtractError::TooDeep`]
/// for pages past the limits,
/// [`ExtractError::NoArticle`] when no text in the page reads as an article.
pub fn extract(html: &str) -> Result<Extracted, ExtractError> {
    if html.len() > MAX_HTML_BYTES {
        return Err(ExtractError::TooLarge {
            bytes: html.len(),
            limit: MAX_HTML_BYTES,
        });
    }
    let config = Config {
        max_elements_to_parse: MAX_ELEMENTS,
        ..Config::default()
    };
    let mut readability =
        Readability::new(html, None, Some(config)).map_err(|_| ExtractError::NoArticle)?;
    if deeper_than(&readability.doc, MAX_DEPTH) {
        return Err(ExtractError::TooDeep { limit: MAX_DEPTH });
    }
    // Read before Readability prunes the document.
    let published = published::published_day(&readability.doc);
    let article = readability.parse().map_err(|error| match error {
        ReadabilityError::TooManyElements(found, limit) => {
            ExtractError::TooManyElements { found, limit }
        }
        _ => ExtractError::NoArticle,
    })?;
    let paragraphs = paragraphs::paragraphs(&article.content);
    if paragraphs.is_empty() {
        return Err(ExtractError::NoArticle);
    }
    let published = published.or_else(|| article.published_time.as_deref().and_then(date::day_of));
    Ok(Extracted {
        title: clean(Some(&article.title)).unwrap_or_default(),
        byline: clean(article.byline.as_deref()),
        site_name: clean(article.site_name.as_deref()),
        published,
        lang: clean(article.lang.as_deref()),
        paragraphs,
    })
}

#[cfg(test)]
mod tests;

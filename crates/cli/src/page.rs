//! Saved web pages: reading one from a file (any character set) and extracting its article.

use std::fs;
use std::io::{Read, Write};
use std::path::Path;

use anyhow::{bail, Context, Result};
use dateline_extract::{decode_html, extract, Extracted, MAX_HTML_BYTES};

/// Reads a saved page as text. Its character set is the one it declares or implies (see
/// [`decode_html`]); a page larger than [`MAX_HTML_BYTES`] is refused before it is read.
pub fn read_page(path: &Path) -> Result<String> {
    let file = fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size > MAX_HTML_BYTES as u64 {
        bail!(
            "{} is too large to read as a web page ({:.1} MB; at most {} MB)",
            path.display(),
            size as f64 / 1_048_576.0,
            MAX_HTML_BYTES / 1_048_576
        );
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(MAX_HTML_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .with_context(|| format!("reading {}", path.display()))?;
    if bytes.contains(&0) && !bytes.starts_with(&[0xFF, 0xFE]) && !bytes.starts_with(&[0xFE, 0xFF])
    {
        bail!(
            "{} is not a web page (it holds binary data)",
            path.display()
        );
    }
    Ok(decode_html(&bytes).text)
}

/// Reads a saved page and extracts its article.
pub fn extract_page(path: &Path) -> Result<Extracted> {
    let html = read_page(path)?;
    extract(&html).with_context(|| format!("extracting the article from {}", path.display()))
}

/// Writes an extracted article for a person: the metadata, then the paragraphs separated by
/// blank lines.
pub fn write_extracted(article: &Extracted, mut out: impl Write) -> Result<()> {
    let field = |value: &Option<String>| value.clone().unwrap_or_else(|| "-".to_string());
    writeln!(out, "Title:     {}", article.title)?;
    writeln!(out, "Byline:    {}", field(&article.byline))?;
    writeln!(out, "Site:      {}", field(&article.site_name))?;
    writeln!(out, "Published: {}", field(&article.published))?;
    writeln!(out, "Language:  {}", field(&article.lang))?;
    for paragraph in &article.paragraphs {
        writeln!(out, "\n{paragraph}")?;
    }
    Ok(())
}

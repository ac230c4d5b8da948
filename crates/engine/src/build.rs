//! Turns an article's text and metadata into a bundled [`Article`] with Dateline's analysis.

use crate::analysis::Analyzer;
use dateline_format::article::{
    is_valid_id, is_valid_publication_date, Article, Credit, FormatError, PARAGRAPH_SEPARATOR,
    SCHEMA_VERSION,
};
use dateline_format::calendar::parse_date;
use dateline_format::text::paragraphs;

/// What a bundled article is made from: metadata plus body paragraphs, no annotations.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleSource {
    /// Stable id, `[a-z0-9-]+`.
    pub id: String,
    /// Headline.
    pub title: String,
    /// Dek; may be empty.
    pub standfirst: String,
    /// Publisher.
    pub source: String,
    /// Publication date: `YYYY-MM-DD`, `YYYY-MM` when only the month is known, `None` when
    /// unknown.
    pub published: Option<String>,
    /// BCP 47 language tag.
    pub language: String,
    /// Body paragraphs.
    pub paragraphs: Vec<String>,
    /// Where the text comes from and the credit its licence asks for.
    pub credit: Option<Credit>,
}

/// Analyzes the source with the rules alone and returns the validated article.
pub fn build_article(source: &ArticleSource) -> Result<Article, FormatError> {
    build_article_with(source, &Analyzer::default())
}

/// Analyzes the source with `analyzer` (the CLI's has the NER model) and returns the validated
/// article.
pub fn build_article_with(
    source: &ArticleSource,
    analyzer: &Analyzer,
) -> Result<Article, FormatError> {
    if !is_valid_id(&source.id) {
        return Err(FormatError::Invalid(format!(
            "id {:?} must be lowercase letters, digits and hyphens",
            source.id
        )));
    }
    if let Some(published) = source
        .published
        .as_deref()
        .filter(|p| !is_valid_publication_date(p))
    {
        return Err(FormatError::Invalid(format!(
            "published {published:?} is not a date written YYYY-MM-DD or a month YYYY-MM"
        )));
    }
    let published = source.published.as_deref().and_then(parse_date);
    let paragraphs: Vec<String> = source
        .paragraphs
        .iter()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty() && !p.contains(PARAGRAPH_SEPARATOR))
        .collect();
    let body = paragraphs.join(PARAGRAPH_SEPARATOR);
    let analysis = analyzer.analyze(&body, published);
    let article = Article {
        schema_version: SCHEMA_VERSION,
        id: source.id.clone(),
        title: source.title.trim().to_string(),
        standfirst: source.standfirst.trim().to_string(),
        source: source.source.trim().to_string(),
        published: source.published.clone(),
        published_inferred: false,
        credit: source.credit.clone(),
        language: source.language.clone(),
        paragraphs,
        entities: analysis.entities,
        timexes: analysis.timexes,
        events: analysis.events,
    };
    article.validate()?;
    Ok(article)
}

/// Splits the plain-text layout Dateline's article sources use: line 1 the headline, then an
/// optional standfirst paragraph, then body paragraphs separated by blank lines, and an optional
/// last line `Source: NAME`. Returns (title, standfirst, paragraphs, source).
pub fn split_plain_text(text: &str) -> (String, String, Vec<String>, Option<String>) {
    let mut blocks = paragraphs(text);
    let mut source = None;
    if let Some(last) = blocks.last() {
        if let Some(name) = last.strip_prefix("Source:") {
            source = Some(name.trim().to_string());
            blocks.pop();
        }
    }
    let mut blocks = blocks.into_iter();
    let title = blocks.next().unwrap_or_default();
    let rest: Vec<String> = blocks.collect();
    // A standfirst is a short block right after the headline; a long one is already body text.
    let (standfirst, paragraphs) = match rest.split_first() {
        Some((first, body)) if !body.is_empty() && first.split_whitespace().count() <= 40 => {
            (first.clone(), body.to_vec())
        }
        _ => (String::new(), rest),
    };
    (title, standfirst, paragraphs, source)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_headline_standfirst_body_and_source() {
        let text = "Headline here\n\nA short dek.\n\nFirst para.\n\nSecond\npara.\n\nSource: RT";
        let (title, standfirst, paragraphs, source) = split_plain_text(text);
        assert_eq!(title, "Headline here");
        assert_eq!(standfirst, "A short dek.");
        assert_eq!(paragraphs, vec!["First para.", "Second para."]);
        assert_eq!(source.as_deref(), Some("RT"));
    }

    #[test]
    fn a_lone_paragraph_is_body_not_standfirst() {
        let (_, standfirst, paragraphs, source) = split_plain_text("Title\n\nOnly paragraph.");
        assert_eq!(standfirst, "");
        assert_eq!(paragraphs, vec!["Only paragraph."]);
        assert_eq!(source, None);
    }

    #[test]
    fn refuses_bad_ids_and_dates() {
        let source = ArticleSource {
            id: "Bad Id".into(),
            title: "t".into(),
            standfirst: String::new(),
            source: "s".into(),
            published: Some("2017-07-07".into()),
            language: "en".into(),
            paragraphs: vec!["x".into()],
            credit: None,
        };
        assert!(build_article(&source).is_err());
        let source = ArticleSource {
            id: "ok".into(),
            published: Some("7 July".into()),
            ..source
        };
        assert!(build_article(&source).is_err());
    }
}

//! Turns an article's text and metadata into a bundled [`Article`] with Dateline's analysis.

use crate::analysis::{Analyzer, PublicationDate};
use dateline_format::article::{
    is_valid_id, is_valid_publication_date, Article, Credit, FormatError, PARAGRAPH_SEPARATOR,
    SCHEMA_VERSION,
};
use dateline_format::dateline::text_dateline;
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

/// The publication date to give the article, and whether it was read from the text's own
/// dateline: the metadata's date, unless it gives none, or only a month that the dateline's day
/// lies in; then the dateline's day, if the first paragraph opens with one.
pub fn publication_date(published: Option<&str>, paragraphs: &[String]) -> (Option<String>, bool) {
    let proposed = || text_dateline(paragraphs);
    match PublicationDate::parse(published) {
        PublicationDate::Day(_) => (published.map(str::to_string), false),
        PublicationDate::Month(_) => match proposed() {
            Some(day) if published.is_some_and(|month| day.starts_with(month)) => (Some(day), true),
            _ => (published.map(str::to_string), false),
        },
        PublicationDate::Unknown => match proposed() {
            Some(day) => (Some(day), true),
            None => (None, false),
        },
    }
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
    let paragraphs: Vec<String> = source
        .paragraphs
        .iter()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty() && !p.contains(PARAGRAPH_SEPARATOR))
        .collect();
    let (published, published_inferred) =
        publication_date(source.published.as_deref(), &paragraphs);
    let body = paragraphs.join(PARAGRAPH_SEPARATOR);
    let analysis = analyzer.analyze(&body, PublicationDate::parse(published.as_deref()));
    let article = Article {
        schema_version: SCHEMA_VERSION,
        id: source.id.clone(),
        title: source.title.trim().to_string(),
        standfirst: source.standfirst.trim().to_string(),
        source: source.source.trim().to_string(),
        published,
        published_inferred,
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
    let (standfirst, paragraphs) = match rest.split_first() {
        Some((first, body)) if !body.is_empty() && is_standfirst(first) => {
            (first.clone(), body.to_vec())
        }
        _ => (String::new(), rest),
    };
    (title, standfirst, paragraphs, source)
}

/// Whether the block right after a headline is a standfirst (a dek: "Russian and U.S. President
/// met for the first time in Hamburg, Germany"): a phrase of 5 to 40 words that ends without
/// punctuation, as deks do. A sentence is the body's first paragraph ("On Thursday, Dec. 15,
/// Coalition aircraft destroyed 14 tanks."), and so are a heading ("Interview"), a line that
/// leads into what follows ("released the following statement today:") and a dateline standing
/// alone ("Tuesday, September 1, 2015").
fn is_standfirst(block: &str) -> bool {
    let words = block.split_whitespace().count();
    let ends_as_phrase = block
        .trim_end_matches(['"', '\'', '”', '’', ')'])
        .ends_with(char::is_alphanumeric);
    (5..=40).contains(&words)
        && ends_as_phrase
        && text_dateline(std::slice::from_ref(&block.to_string())).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_headline_standfirst_body_and_source() {
        let text = "Headline here\n\nA short dek of a few words\n\nFirst para.\n\nSecond\npara.\n\nSource: RT";
        let (title, standfirst, paragraphs, source) = split_plain_text(text);
        assert_eq!(title, "Headline here");
        assert_eq!(standfirst, "A short dek of a few words");
        assert_eq!(paragraphs, vec!["First para.", "Second para."]);
        assert_eq!(source.as_deref(), Some("RT"));
    }

    #[test]
    fn sentences_headings_and_lead_ins_are_body_not_standfirst() {
        for first in [
            "On Thursday, Dec. 15, Coalition aircraft destroyed 14 tanks near Palmyra.",
            "Interview",
            "Gen. Joseph L. Votel released the following statement today:",
            "\"The future is only peace. How many victims will it call for?\"",
        ] {
            let (_, standfirst, paragraphs, _) =
                split_plain_text(&format!("Headline\n\n{first}\n\nMore."));
            assert_eq!(standfirst, "", "{first}");
            assert_eq!(paragraphs[0], first);
        }
    }

    #[test]
    fn a_dateline_alone_is_body_not_standfirst() {
        let text = "Headline\n\nTuesday, September 1, 2015\n\nFirst para.";
        let (_, standfirst, paragraphs, _) = split_plain_text(text);
        assert_eq!(standfirst, "");
        assert_eq!(
            paragraphs,
            vec!["Tuesday, September 1, 2015", "First para."]
        );
    }

    #[test]
    fn the_dateline_gives_the_day_the_metadata_does_not() {
        let text = |first: &str| vec![first.to_string(), "They met today.".to_string()];
        let dateline = text("WASHINGTON, Dec. 10, 2016 — The Senate voted.");
        let day = |d: &str| (Some(d.to_string()), true);
        assert_eq!(publication_date(None, &dateline), day("2016-12-10"));
        assert_eq!(
            publication_date(Some("2016-12"), &dateline),
            day("2016-12-10")
        );
        // The metadata wins: a day it gives, a month the dateline is not in.
        let given = |d: &str| (Some(d.to_string()), false);
        assert_eq!(
            publication_date(Some("2016-12-09"), &dateline),
            given("2016-12-09")
        );
        assert_eq!(
            publication_date(Some("2016-11"), &dateline),
            given("2016-11")
        );
        assert_eq!(
            publication_date(None, &text("The Senate voted.")),
            (None, false)
        );
        assert_eq!(publication_date(None, &[]), (None, false));
    }

    #[test]
    fn relative_dates_follow_what_is_known_of_the_publication_date() {
        let source = |published: Option<&str>, first: &str| ArticleSource {
            id: "x".into(),
            title: "t".into(),
            standfirst: String::new(),
            source: "s".into(),
            published: published.map(str::to_string),
            language: "en".into(),
            paragraphs: vec![
                first.into(),
                "Officials met today and again last year.".into(),
            ],
            credit: None,
        };
        let values = |article: &Article| -> Vec<String> {
            article.timexes.iter().map(|t| t.value.clone()).collect()
        };
        let unknown = build_article(&source(None, "Officials spoke.")).unwrap();
        assert_eq!(
            (unknown.published.as_deref(), unknown.published_inferred),
            (None, false)
        );
        assert_eq!(values(&unknown), ["PRESENT_REF", "PAST_REF"]);
        assert!(unknown.events.iter().all(|e| e.granularity.is_none()));
        let month = build_article(&source(Some("2016-12"), "Officials spoke.")).unwrap();
        assert_eq!(values(&month), ["PRESENT_REF", "2015"]);
        let inferred = build_article(&source(
            None,
            "WASHINGTON, Dec. 10, 2016 — Officials spoke.",
        ))
        .unwrap();
        assert_eq!(inferred.published.as_deref(), Some("2016-12-10"));
        assert!(inferred.published_inferred);
        assert_eq!(values(&inferred), ["2016-12-10", "2016-12-10", "2015"]);
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

//! The article extracted from a saved web page (`dateline-extract`), as the `dateline extract`
//! command prints it and the analysis worker returns it.

use serde::{Deserialize, Serialize};

/// The article in a page and what the page says about it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extracted {
    /// Headline, as Reader View shows it (the page title without the site's name where it can
    /// tell them apart); may be empty when the page has none.
    pub title: String,
    /// Author line, when the page gives one.
    pub byline: Option<String>,
    /// Name of the site or publisher, when the page gives one.
    pub site_name: Option<String>,
    /// Publication day, `YYYY-MM-DD`, from the page's metadata; the publisher's local day
    /// where a time with an offset is given.
    pub published: Option<String>,
    /// Language of the page (`<html lang>`), as written.
    pub lang: Option<String>,
    /// The article's text in reading order: paragraphs, headings and list items each on their
    /// own, white space collapsed, none empty.
    pub paragraphs: Vec<String>,
}

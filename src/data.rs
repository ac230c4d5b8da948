//! Loading the bundled library index and articles from the same origin.

use std::fmt;
use std::rc::Rc;

use dateline_format::article::{is_valid_id, Article, FormatError};
use gloo::net::http::Request;

use crate::message::sentence;
use crate::store::StoreError;

/// Folder of bundled articles, relative to the page so that the app works under any sub-path.
pub const ARTICLES_URL: &str = "articles";

/// Why something could not be shown.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// No such article.
    NotFound,
    /// The request failed (offline, server error).
    Network(String),
    /// The file arrived but is not a readable Dateline file.
    Format(FormatError),
    /// The browser's storage, where the reader's articles are kept, cannot be read.
    Store(StoreError),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::NotFound => write!(
                f,
                "There is no article with that name. Check the link, or open the article from the library."
            ),
            LoadError::Network(why) => write!(
                f,
                "The file could not be loaded ({why}). Check the connection and reload the page."
            ),
            LoadError::Format(why) => write!(f, "{}", sentence(&why.to_string())),
            LoadError::Store(why) => write!(f, "{why}"),
        }
    }
}

/// A cheaply cloned shared value whose props comparison is pointer identity, so that passing a
/// large article down the tree never compares it field by field.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

pub(crate) async fn fetch_text(url: &str) -> Result<String, LoadError> {
    let response = Request::get(url)
        .send()
        .await
        .map_err(|e| LoadError::Network(e.to_string()))?;
    match response.status() {
        // Bytes, not `text()`: a JavaScript string would be decoded to UTF-16 and copied back
        // into UTF-8 for Rust, which costs about as much as parsing a large index.
        200..=299 => response
            .binary()
            .await
            .map(|bytes| {
                String::from_utf8(bytes)
                    .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
            })
            .map_err(|e| LoadError::Network(e.to_string())),
        404 => Err(LoadError::NotFound),
        status => Err(LoadError::Network(format!("HTTP {status}"))),
    }
}

/// One bundled article, validated.
pub async fn load_article(id: &str) -> Result<Article, LoadError> {
    if !is_valid_id(id) {
        return Err(LoadError::NotFound);
    }
    let json = fetch_text(&format!("{ARTICLES_URL}/{id}.json")).await?;
    parse_article(&json)
}

/// Parses an article file's text, as loaded or as dropped by a reader.
pub fn parse_article(json: &str) -> Result<Article, LoadError> {
    Article::from_json(json).map_err(LoadError::Format)
}

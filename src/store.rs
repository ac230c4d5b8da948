//! The reader's articles ("mine"; "your articles" to the reader), kept in the browser's
//! `localStorage`.
//!
//! One key an article (`dateline.article.<id>`, compact article JSON, validated again on every
//! read) and one index key (`dateline.index`, the ids newest first). localStorage holds about
//! 5 MB per origin; an analyzed article takes roughly 3–6 times its text, so a few dozen long
//! articles fit. Writing past the quota fails with `QuotaExceededError`, which becomes
//! [`StoreError::Full`] and is shown to the reader; nothing is dropped silently.

use std::fmt;

use dateline_format::article::{is_valid_id, Article};
use dateline_format::library::LibraryEntry;
use wasm_bindgen::JsValue;

use crate::data::{parse_article, LoadError};

const INDEX_KEY: &str = "dateline.index";
const ARTICLE_PREFIX: &str = "dateline.article.";

/// Why the reader's articles could not be written.
#[derive(Clone, Debug, PartialEq)]
pub enum StoreError {
    /// The browser refuses storage (private mode, disabled site data).
    Unavailable,
    /// The storage quota is used up.
    Full,
    /// Anything else the browser reported.
    Other(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Unavailable => write!(
                f,
                "This browser does not let Dateline keep articles (site data may be disabled). \
                 Allow site data for this page and try again."
            ),
            StoreError::Full => write!(
                f,
                "The browser's storage for Dateline is full. Delete or export some of your \
                 articles and try again."
            ),
            StoreError::Other(why) => write!(
                f,
                "The browser's storage refused the change ({why}). Try again; if it keeps \
                 failing, reload the page."
            ),
        }
    }
}

fn storage() -> Result<web_sys::Storage, StoreError> {
    gloo::utils::window()
        .local_storage()
        .ok()
        .flatten()
        .ok_or(StoreError::Unavailable)
}

fn write_error(error: JsValue) -> StoreError {
    let name = js_sys::Reflect::get(&error, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    if name == "QuotaExceededError" {
        StoreError::Full
    } else {
        let message = js_sys::Reflect::get(&error, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .unwrap_or(name);
        StoreError::Other(message)
    }
}

/// The ids of the reader's articles, newest first.
pub fn ids() -> Vec<String> {
    let Ok(storage) = storage() else {
        return Vec::new();
    };
    storage
        .get_item(INDEX_KEY)
        .ok()
        .flatten()
        .and_then(|json| serde_json::from_str::<Vec<String>>(&json).ok())
        .unwrap_or_default()
        .into_iter()
        .filter(|id| is_valid_id(id))
        .collect()
}

fn write_ids(storage: &web_sys::Storage, ids: &[String]) -> Result<(), StoreError> {
    let json = serde_json::to_string(ids).map_err(|e| StoreError::Other(e.to_string()))?;
    storage.set_item(INDEX_KEY, &json).map_err(write_error)
}

/// One of the reader's articles, validated; `NotFound` when there is none by that id.
pub fn load(id: &str) -> Result<Article, LoadError> {
    if !is_valid_id(id) {
        return Err(LoadError::NotFound);
    }
    let storage = storage().map_err(LoadError::Store)?;
    match storage.get_item(&format!("{ARTICLE_PREFIX}{id}")) {
        Ok(Some(json)) => parse_article(&json),
        _ => Err(LoadError::NotFound),
    }
}

/// The library entries of the reader's readable articles, newest first. Each article is read
/// and validated, so call this once when the library opens, not on every render. A damaged
/// entry is skipped here (its own page explains what is wrong with it).
pub fn entries() -> Vec<LibraryEntry> {
    ids()
        .iter()
        .filter_map(|id| load(id).ok())
        .map(|article| article.library_entry())
        .collect()
}

/// Saves (or overwrites) an article under its id; a new one goes first in the list.
pub fn save(article: &Article) -> Result<(), StoreError> {
    let storage = storage()?;
    let json = serde_json::to_string(article).map_err(|e| StoreError::Other(e.to_string()))?;
    storage
        .set_item(&format!("{ARTICLE_PREFIX}{}", article.id), &json)
        .map_err(write_error)?;
    let mut ids = ids();
    if !ids.contains(&article.id) {
        ids.insert(0, article.id.clone());
        if let Err(error) = write_ids(&storage, &ids) {
            // Keep storage consistent: an article the index does not list would be invisible.
            storage
                .remove_item(&format!("{ARTICLE_PREFIX}{}", article.id))
                .ok();
            return Err(error);
        }
    }
    Ok(())
}

/// Removes an article.
pub fn delete(id: &str) -> Result<(), StoreError> {
    let storage = storage()?;
    let ids: Vec<String> = ids().into_iter().filter(|i| i != id).collect();
    write_ids(&storage, &ids)?;
    storage
        .remove_item(&format!("{ARTICLE_PREFIX}{id}"))
        .map_err(write_error)
}

/// True when an article with this id is kept.
pub fn contains(id: &str) -> bool {
    ids().iter().any(|i| i == id)
}

/// A fresh id for a new article of the reader's: `mine-` and the time in base 36, made unique.
pub fn new_id() -> String {
    let mut n = js_sys::Date::now() as u64;
    loop {
        let id = format!("mine-{}", base36(n));
        if !contains(&id) {
            return id;
        }
        n += 1;
    }
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base36_ids_are_valid_ids() {
        assert_eq!(base36(0), "0");
        assert_eq!(base36(35), "z");
        assert_eq!(base36(36), "10");
        assert!(is_valid_id(&format!("mine-{}", base36(1_732_000_000_000))));
    }
}

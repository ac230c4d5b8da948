//! The reader's articles ("mine"; "your articles" to the reader), kept in the browser's
//! IndexedDB.
//!
//! One database (`dateline`) with one object store (`articles`): the key is the article id, the
//! value `{ json, added }`: the compact article JSON, validated again on every read, and when it
//! was first kept (milliseconds), which orders the list newest first. IndexedDB holds far more
//! than the ~5 MB of localStorage (a share of the free disk); writing past the quota aborts the
//! transaction with `QuotaExceededError`, which becomes [`StoreError::Full`] and is shown to the
//! reader; nothing is dropped silently.
//!
//! Earlier versions kept articles in `localStorage` (`dateline.index` = ids newest first,
//! `dateline.article.<id>` = JSON). The first time the database is opened, [`crate::migrate`]
//! moves every such article, read back and compared before its key is removed, so nothing is
//! lost; an article that does not validate is moved as it is (its page says what is wrong).
//!
//! The requests are written against web-sys by hand: the IndexedDB wrapper crates (rexie, idb,
//! indexed_db_futures) bring their own futures and error layers, while the few calls needed here
//! fit in this file.

use std::cell::RefCell;
use std::fmt;

use dateline_format::article::{is_valid_id, Article};
use js_sys::{Object, Promise, Reflect};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode};

use crate::data::{parse_article, LoadError};

const DATABASE: &str = "dateline";
const VERSION: u32 = 1;
const ARTICLES: &str = "articles";

/// Why the reader's articles could not be read or written.
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

/// A browser error (a `DOMException` or an event carrying one) as a [`StoreError`].
pub(crate) fn store_error(error: &JsValue) -> StoreError {
    let field = |value: &JsValue, key: &str| {
        Reflect::get(value, &key.into())
            .ok()
            .and_then(|v| v.as_string())
    };
    // An error event carries the exception on its target's `error`.
    let exception = Reflect::get(error, &"target".into())
        .ok()
        .filter(|t| t.is_object())
        .and_then(|t| Reflect::get(&t, &"error".into()).ok())
        .filter(|e| e.is_object())
        .unwrap_or_else(|| error.clone());
    let name = field(&exception, "name").unwrap_or_default();
    match name.as_str() {
        "QuotaExceededError" => StoreError::Full,
        "SecurityError" | "InvalidStateError" => StoreError::Unavailable,
        _ => StoreError::Other(
            field(&exception, "message")
                .filter(|m| !m.is_empty())
                .unwrap_or(if name.is_empty() {
                    "unknown error".into()
                } else {
                    name
                }),
        ),
    }
}

/// Waits for a request: its result, or the error it failed with.
pub(crate) async fn request(request: &IdbRequest) -> Result<JsValue, StoreError> {
    // The promise's own resolve/reject are the handlers, so no closure outlives the request.
    let done = Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    let outcome = JsFuture::from(done).await;
    request.set_onsuccess(None);
    request.set_onerror(None);
    match outcome {
        Ok(_) => request.result().map_err(|e| store_error(&e)),
        Err(event) => Err(store_error(&event)),
    }
}

/// Waits until a read-write transaction is committed (written to disk), or why it was aborted.
pub(crate) async fn committed(transaction: &IdbTransaction) -> Result<(), StoreError> {
    let done = Promise::new(&mut |resolve, reject| {
        transaction.set_oncomplete(Some(&resolve));
        transaction.set_onabort(Some(&reject));
    });
    JsFuture::from(done).await.map(drop).map_err(|event| {
        transaction
            .error()
            .map(|e| store_error(&e))
            .unwrap_or_else(|| store_error(&event))
    })
}

thread_local! {
    static OPEN: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
    static GENERATION: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// A number that changes whenever this page changes the reader's articles, so what was built
/// from them (the library) knows to build again.
pub fn generation() -> u64 {
    GENERATION.with(std::cell::Cell::get)
}

fn changed() {
    GENERATION.with(|g| g.set(g.get() + 1));
}

/// The database, opened (and created, and filled from localStorage) on first use.
pub(crate) async fn database() -> Result<IdbDatabase, StoreError> {
    if let Some(db) = OPEN.with(|open| open.borrow().clone()) {
        return Ok(db);
    }
    let factory = gloo::utils::window()
        .indexed_db()
        .ok()
        .flatten()
        .ok_or(StoreError::Unavailable)?;
    let opening = factory
        .open_with_u32(DATABASE, VERSION)
        .map_err(|e| store_error(&e))?;
    let upgrade = Closure::<dyn FnMut(web_sys::Event)>::new(|event: web_sys::Event| {
        let db = event
            .target()
            .and_then(|t| t.dyn_into::<IdbRequest>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|r| r.dyn_into::<IdbDatabase>().ok());
        if let Some(db) = db {
            if !db.object_store_names().contains(ARTICLES) {
                db.create_object_store(ARTICLES).ok();
            }
        }
    });
    opening.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let opened = request(&opening).await;
    opening.set_onupgradeneeded(None);
    let db: IdbDatabase = opened?
        .dyn_into()
        .map_err(|_| StoreError::Other("the database did not open".into()))?;
    OPEN.with(|open| *open.borrow_mut() = Some(db.clone()));
    crate::migrate::from_local_storage(&db).await;
    Ok(db)
}

fn articles(
    db: &IdbDatabase,
    mode: IdbTransactionMode,
) -> Result<(IdbTransaction, IdbObjectStore), StoreError> {
    let transaction = db
        .transaction_with_str_and_mode(ARTICLES, mode)
        .map_err(|e| store_error(&e))?;
    let store = transaction
        .object_store(ARTICLES)
        .map_err(|e| store_error(&e))?;
    Ok((transaction, store))
}

/// One kept record: the article's JSON and when it was first kept.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Record {
    pub(crate) id: String,
    pub(crate) json: String,
    pub(crate) added: f64,
}

impl Record {
    fn to_js(&self) -> JsValue {
        let object = Object::new();
        Reflect::set(&object, &"json".into(), &self.json.as_str().into()).ok();
        Reflect::set(&object, &"added".into(), &self.added.into()).ok();
        object.into()
    }

    fn from_js(id: String, value: &JsValue) -> Option<Record> {
        Some(Record {
            id,
            json: Reflect::get(value, &"json".into()).ok()?.as_string()?,
            added: Reflect::get(value, &"added".into())
                .ok()?
                .as_f64()
                .unwrap_or(0.0),
        })
    }
}

/// The record kept under an id, if any.
pub(crate) async fn read_record(db: &IdbDatabase, id: &str) -> Result<Option<Record>, StoreError> {
    let (_, store) = articles(db, IdbTransactionMode::Readonly)?;
    let found = request(&store.get(&id.into()).map_err(|e| store_error(&e))?).await?;
    Ok(Record::from_js(id.to_string(), &found))
}

/// Writes records in one transaction and waits until it is committed.
pub(crate) async fn write_records(db: &IdbDatabase, records: &[Record]) -> Result<(), StoreError> {
    let (transaction, store) = articles(db, IdbTransactionMode::Readwrite)?;
    for record in records {
        store
            .put_with_key(&record.to_js(), &record.id.as_str().into())
            .map_err(|e| store_error(&e))?;
    }
    committed(&transaction).await
}

/// Every kept record, newest first.
async fn all_records() -> Result<Vec<Record>, StoreError> {
    let db = database().await?;
    let (_, store) = articles(&db, IdbTransactionMode::Readonly)?;
    let keys = request(&store.get_all_keys().map_err(|e| store_error(&e))?).await?;
    let values = request(&store.get_all().map_err(|e| store_error(&e))?).await?;
    let (keys, values) = (js_sys::Array::from(&keys), js_sys::Array::from(&values));
    let mut records: Vec<Record> = keys
        .iter()
        .zip(values.iter())
        .filter_map(|(key, value)| Record::from_js(key.as_string()?, &value))
        .collect();
    records.sort_by(|a, b| b.added.total_cmp(&a.added).then_with(|| a.id.cmp(&b.id)));
    Ok(records)
}

/// The reader's articles as read back: the readable ones, and the ids of those that are kept but
/// no longer validate (never dropped: their own page says what is wrong).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Kept {
    /// Readable articles, newest first.
    pub articles: Vec<Article>,
    /// Kept articles that do not validate, with the reason.
    pub damaged: Vec<(String, String)>,
}

/// Every kept article, read and validated: call once when a page opens, not on every render.
pub async fn kept() -> Result<Kept, StoreError> {
    let mut kept = Kept::default();
    for record in all_records().await? {
        match parse_article(&record.json) {
            Ok(article) => kept.articles.push(article),
            Err(error) => kept.damaged.push((record.id, error.to_string())),
        }
    }
    Ok(kept)
}

/// One of the reader's articles, validated; `NotFound` when there is none by that id.
pub async fn load(id: &str) -> Result<Article, LoadError> {
    if !is_valid_id(id) {
        return Err(LoadError::NotFound);
    }
    let db = database().await.map_err(LoadError::Store)?;
    match read_record(&db, id).await.map_err(LoadError::Store)? {
        Some(record) => parse_article(&record.json),
        None => Err(LoadError::NotFound),
    }
}

/// Saves (or overwrites) an article under its id; a new one goes first in the list, an
/// overwritten one keeps its place.
pub async fn save(article: &Article) -> Result<(), StoreError> {
    let db = database().await?;
    let added = match read_record(&db, &article.id).await? {
        Some(record) => record.added,
        None => js_sys::Date::now(),
    };
    let json = serde_json::to_string(article).map_err(|e| StoreError::Other(e.to_string()))?;
    let record = Record {
        id: article.id.clone(),
        json,
        added,
    };
    let written = write_records(&db, &[record]).await;
    changed();
    written
}

/// Removes an article.
pub async fn delete(id: &str) -> Result<(), StoreError> {
    let db = database().await?;
    let (transaction, store) = articles(&db, IdbTransactionMode::Readwrite)?;
    store.delete(&id.into()).map_err(|e| store_error(&e))?;
    let deleted = committed(&transaction).await;
    changed();
    deleted
}

/// True when an article with this id is kept (readable or not).
pub async fn contains(id: &str) -> bool {
    match database().await {
        Ok(db) => matches!(read_record(&db, id).await, Ok(Some(_))),
        Err(_) => false,
    }
}

/// A fresh id for a new article of the reader's: `mine-`, the time and a random part in base 36,
/// so two ids made in the same millisecond (or in two tabs) differ.
pub fn new_id() -> String {
    let now = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 36f64.powi(4)) as u64;
    format!("mine-{}{:0>4}", base36(now), base36(random))
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
        assert!(is_valid_id(&format!(
            "mine-{}{:0>4}",
            base36(1_732_000_000_000),
            base36(7)
        )));
    }
}

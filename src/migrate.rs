//! Moves the reader's articles from `localStorage`, where earlier versions kept them, into
//! IndexedDB ([`crate::store`]), the first time the database is opened.
//!
//! Every `dateline.article.<id>` key moves, whether or not `dateline.index` lists it, and
//! whether or not it still validates (a damaged article is kept as it is: its page says what is
//! wrong, and the library lists it). A key is removed only after its article has been written,
//! committed and read back equal; a failure leaves it in localStorage for the next start.
//! Nothing is lost: an id already kept in IndexedDB with different contents keeps both, the
//! localStorage copy staying where it is.

use web_sys::{IdbDatabase, Storage};

use crate::store::{read_record, write_records, Record};

const INDEX_KEY: &str = "dateline.index";
const ARTICLE_PREFIX: &str = "dateline.article.";

fn local_storage() -> Option<Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

/// The ids of the old layout's article keys, in the old index's order (newest first), then any
/// key the index did not list.
fn old_ids(storage: &Storage) -> Vec<String> {
    let mut ids: Vec<String> = storage
        .get_item(INDEX_KEY)
        .ok()
        .flatten()
        .and_then(|json| serde_json::from_str::<Vec<String>>(&json).ok())
        .unwrap_or_default();
    let length = storage.length().unwrap_or(0);
    for i in 0..length {
        if let Some(id) = storage
            .key(i)
            .ok()
            .flatten()
            .and_then(|key| key.strip_prefix(ARTICLE_PREFIX).map(str::to_string))
        {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    ids.retain(|id| {
        storage
            .get_item(&format!("{ARTICLE_PREFIX}{id}"))
            .ok()
            .flatten()
            .is_some()
    });
    ids
}

/// Moves what localStorage holds into the database; see the module docs.
pub(crate) async fn from_local_storage(db: &IdbDatabase) {
    let Some(storage) = local_storage() else {
        return;
    };
    let ids = old_ids(&storage);
    if ids.is_empty() {
        if storage.get_item(INDEX_KEY).ok().flatten().is_some() {
            storage.remove_item(INDEX_KEY).ok();
        }
        return;
    }
    // Kept before anything in the database, newest first as the old index had them.
    let oldest = js_sys::Date::now() - 1e12;
    let mut moved_all = true;
    for (rank, id) in ids.iter().enumerate() {
        let key = format!("{ARTICLE_PREFIX}{id}");
        let Some(json) = storage.get_item(&key).ok().flatten() else {
            continue;
        };
        let record = Record {
            id: id.clone(),
            json,
            added: oldest - rank as f64,
        };
        if move_one(db, &record).await {
            storage.remove_item(&key).ok();
        } else {
            moved_all = false;
        }
    }
    if moved_all {
        storage.remove_item(INDEX_KEY).ok();
    }
}

/// Writes one article unless the database already has it, then reads it back: true when the
/// database holds exactly this JSON under this id.
async fn move_one(db: &IdbDatabase, record: &Record) -> bool {
    match read_record(db, &record.id).await {
        Ok(Some(kept)) => return kept.json == record.json,
        Ok(None) => {}
        Err(_) => return false,
    }
    if write_records(db, std::slice::from_ref(record))
        .await
        .is_err()
    {
        return false;
    }
    matches!(read_record(db, &record.id).await, Ok(Some(kept)) if kept.json == record.json)
}

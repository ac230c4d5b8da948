//! How names and texts are compared across articles: the join key of a name, the slug of an id,
//! accent folding, and the search key that search as you type matches against.
//!
//! The engine slugs its per-article entity ids with [`slug`] too, so an entity's id in its
//! article and its library id are made the same way.

use std::collections::HashSet;
use std::hash::BuildHasher;

use crate::article::EntityType;

/// `[a-z0-9-]+` from a name: ASCII letters and digits kept, accents folded, dots and
/// apostrophes dropped, anything else a hyphen; `"entity"` when nothing is left ("東京").
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if let Some(folded) = fold_accent(c) {
            out.push_str(folded);
        } else if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if c != '.' && c != '\'' && c != '’' && !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "entity".to_string()
    } else {
        out
    }
}

/// `base`, or `base-2`, `base-3`… if taken; the result is marked `used` (a set with any hasher,
/// so the engine can keep its fast one).
pub fn unique_id<S: BuildHasher>(base: &str, used: &mut HashSet<String, S>) -> String {
    let mut id = base.to_string();
    let mut n = 1;
    while used.contains(&id) {
        n += 1;
        id = format!("{base}-{n}");
    }
    used.insert(id.clone());
    id
}

/// The ASCII letters a lower-case letter of the Latin alphabets folds to (`é` → `e`, `ß` →
/// `ss`), or `None` for a character without accent. Covers Latin-1 and Latin Extended-A, the
/// letters of European names in English news; a table, not Unicode decomposition, to keep the
/// reading app's wasm small.
pub fn fold_accent(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'č' | 'ć' | 'ĉ' | 'ċ' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ě' | 'ĕ' | 'ė' | 'ę' => "e",
        'ğ' | 'ĝ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ĩ' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ł' | 'ľ' | 'ĺ' | 'ļ' | 'ŀ' => "l",
        'ñ' | 'ń' | 'ň' | 'ņ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ř' | 'ŕ' | 'ŗ' => "r",
        'š' | 'ś' | 'ş' | 'ŝ' | 'ș' => "s",
        'ß' => "ss",
        'ť' | 'ţ' | 'ț' | 'ŧ' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ũ' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ž' | 'ź' | 'ż' => "z",
        _ => return None,
    })
}

/// Lower-case, accent-folded words of `text`, one space between them: the form search as you
/// type compares ("Zoë Ünal-Smith" → "zoe unal smith"). Punctuation separates words, except
/// dots and apostrophes, which are dropped ("U.S." → "us", "O'Neill" → "oneill"); letters of
/// other scripts are kept, lower-cased.
pub fn search_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        if c == '.' || c == '\'' || c == '’' || c == '‘' {
            continue;
        }
        if !c.is_alphanumeric() {
            gap = true;
            continue;
        }
        if gap && !out.is_empty() {
            out.push(' ');
        }
        gap = false;
        match fold_accent(c) {
            Some(folded) => out.push_str(folded),
            None => out.push(c),
        }
    }
    out
}

/// True when every word of `query` (a [`search_key`]) begins a word of `key` (a
/// [`search_key`]): "vla pu" finds "vladimir putin". An empty query matches everything.
pub fn matches_query(key: &str, query: &str) -> bool {
    query
        .split(' ')
        .filter(|w| !w.is_empty())
        .all(|word| key.split(' ').any(|candidate| candidate.starts_with(word)))
}

/// The key two names are joined by: the [`search_key`] without a leading "the" ("the
/// Kremlin" and "Kremlin", "U.S." and "US", "José" and "Jose" are one name).
pub fn name_key(name: &str) -> String {
    let key = search_key(name);
    match key.strip_prefix("the ") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => key,
    }
}

/// [`name_key`], or the lower-cased name itself for a name of punctuation alone: what the
/// library joins names by.
pub(crate) fn join_key(name: &str) -> String {
    let key = name_key(name);
    if key.is_empty() {
        name.trim().to_lowercase()
    } else {
        key
    }
}

/// The library id of an entity before clashes are told apart ([`unique_id`]): the type code
/// lower-cased and the slug of the name (`per-vladimir-putin`); a name the slug cannot spell in
/// ASCII ("Москва") also gets a hash of its key, so two such names differ.
pub fn entity_id(entity_type: EntityType, name: &str) -> String {
    let base = format!("{}-{}", entity_type.code().to_lowercase(), slug(name));
    let key = join_key(name);
    if key.is_ascii() {
        base
    } else {
        format!("{base}-{:08x}", fnv1a(&key))
    }
}

/// 32-bit FNV-1a: a fixed hash, so ids are the same on every machine and every run.
fn fnv1a(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    })
}

/// The words of a [`name_key`].
pub fn key_words(key: &str) -> impl Iterator<Item = &str> {
    key.split(' ').filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ids() {
        assert_eq!(slug("U.S."), "us");
        assert_eq!(slug("Côte d'Ivoire"), "cote-divoire");
        assert_eq!(slug("Straße"), "strasse");
        assert_eq!(slug("東京"), "entity");
        assert_eq!(slug("  Zoë  "), "zoe");
    }

    #[test]
    fn search_keys_fold_case_accents_and_punctuation() {
        assert_eq!(search_key("Zoë Ünal-Smith"), "zoe unal smith");
        assert_eq!(search_key("U.S. President"), "us president");
        assert_eq!(search_key("O’Neill’s  «book»"), "oneills book");
        assert_eq!(search_key("Москва 東京"), "москва 東京");
        assert_eq!(search_key(""), "");
        assert_eq!(search_key("  --  "), "");
    }

    #[test]
    fn queries_match_word_prefixes() {
        let key = search_key("Vladimir Putin meets Angela Merkel");
        assert!(matches_query(&key, &search_key("vla PU")));
        assert!(matches_query(&key, &search_key("Mérkel")));
        assert!(matches_query(&key, ""));
        assert!(!matches_query(&key, &search_key("utin")));
        assert!(!matches_query(&key, &search_key("putin trump")));
    }

    #[test]
    fn name_keys_ignore_the_and_dots() {
        assert_eq!(name_key("the Kremlin"), name_key("Kremlin"));
        assert_eq!(name_key("U.S."), name_key("US"));
        assert_eq!(name_key("José Mourinho"), name_key("Jose Mourinho"));
        assert_eq!(name_key("The"), "the");
    }
}

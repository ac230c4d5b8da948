//! A list of known names (lower-cased token sequences), each with the entity types it was seen as.
//!
//! The tagger does not trust the list blindly: a match is only a feature, and the training crate
//! builds the list for each part of the training data from the *other* parts, so that the model
//! learns how far a match can be trusted for names it has never seen.

use crate::fast_hash::StrMap;

/// Longest phrase (in tokens) kept in a gazetteer.
pub const MAX_PHRASE_TOKENS: usize = 6;

/// Known names: lower-cased phrases (tokens joined by one space) with a bit mask of entity types
/// (bit `t` = type index `t`, see [`super::tags::type_index`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Gazetteer {
    /// Every phrase and every shorter token prefix of one; prefixes that are not phrases map to 0,
    /// so matching can stop as soon as a prefix is unknown.
    phrases: StrMap<u8>,
    len: usize,
}

/// One gazetteer match in a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GazetteerMatch {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Entity type bit mask.
    pub types: u8,
}

impl Gazetteer {
    /// An empty gazetteer.
    pub fn new() -> Self {
        Gazetteer::default()
    }

    /// Adds `types` to the mask of `phrase` (lower-cased; tokens separated by single spaces).
    ///
    /// Phrases longer than [`MAX_PHRASE_TOKENS`] tokens, empty phrases and an empty mask are ignored.
    pub fn insert(&mut self, phrase: &str, types: u8) {
        let tokens = phrase.split(' ').count();
        if phrase.is_empty() || types & 0x0f == 0 || tokens > MAX_PHRASE_TOKENS {
            return;
        }
        let phrase = phrase.to_lowercase();
        for (i, _) in phrase.match_indices(' ') {
            self.phrases.entry(phrase[..i].to_string()).or_insert(0);
        }
        let mask = self.phrases.entry(phrase).or_insert(0);
        if *mask == 0 {
            self.len += 1;
        }
        *mask |= types & 0x0f;
    }

    /// The type mask of a phrase, if listed.
    pub fn get(&self, phrase: &str) -> Option<u8> {
        self.phrases.get(phrase).copied().filter(|&m| m != 0)
    }

    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when no phrase is listed.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// All phrases with their masks, sorted by phrase (stable order for serialization).
    pub fn entries(&self) -> Vec<(&str, u8)> {
        let mut all: Vec<(&str, u8)> = self
            .phrases
            .iter()
            .filter(|(_, &m)| m != 0)
            .map(|(p, &m)| (p.as_str(), m))
            .collect();
        all.sort_unstable();
        all
    }

    /// Every listed phrase in a sentence of lower-cased tokens, of any length, overlaps included.
    pub fn find_all(&self, lowered: &[impl AsRef<str>]) -> Vec<GazetteerMatch> {
        let mut found = Vec::new();
        if self.phrases.is_empty() {
            return found;
        }
        let mut key = String::new();
        for start in 0..lowered.len() {
            key.clear();
            for end in start + 1..=(start + MAX_PHRASE_TOKENS).min(lowered.len()) {
                if end > start + 1 {
                    key.push(' ');
                }
                key.push_str(lowered[end - 1].as_ref());
                match self.phrases.get(key.as_str()) {
                    None => break,
                    Some(0) => {}
                    Some(&types) => found.push(GazetteerMatch { start, end, types }),
                }
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lower(s: &str) -> Vec<String> {
        s.split(' ').map(str::to_lowercase).collect()
    }

    #[test]
    fn finds_overlapping_matches() {
        let mut g = Gazetteer::new();
        g.insert("New York", 0b0100);
        g.insert("new york stock exchange", 0b0010);
        g.insert("York", 0b0101);
        assert_eq!(g.len(), 3);
        assert_eq!(g.get("new york stock"), None);
        let m = g.find_all(&lower("the New York Stock Exchange rose"));
        assert_eq!(
            m,
            vec![
                GazetteerMatch {
                    start: 1,
                    end: 3,
                    types: 0b0100
                },
                GazetteerMatch {
                    start: 1,
                    end: 5,
                    types: 0b0010
                },
                GazetteerMatch {
                    start: 2,
                    end: 3,
                    types: 0b0101
                },
            ]
        );
    }

    #[test]
    fn ignores_bad_entries() {
        let mut g = Gazetteer::new();
        g.insert("", 1);
        g.insert("a", 0);
        g.insert("a b c d e f g", 1);
        assert!(g.is_empty());
        g.insert("Paris", 0b100);
        g.insert("paris", 0b001);
        assert_eq!(g.get("paris"), Some(0b101));
        assert_eq!(g.entries(), vec![("paris", 0b101)]);
        assert!(g.find_all(&[] as &[&str]).is_empty());
    }
}

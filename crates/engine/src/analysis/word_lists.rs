//! Word lists behind the rule-based entity typing (and the abbreviated titles the tokenizer keeps
//! whole), compiled into the binary with `include_str!`.
//!
//! The lists live in `crates/engine/data/` as plain text, small enough for the WebAssembly bundle
//! (a few thousand entries in all). They are parsed once, on first use.

use crate::fast_hash::{FastMap as HashMap, FastSet as HashSet};
use std::sync::OnceLock;

use dateline_format::article::EntityType;

const PLACES: &str = include_str!("../../data/places.txt");
const ORGANIZATIONS: &str = include_str!("../../data/organizations.txt");
const MISC: &str = include_str!("../../data/misc.txt");
const FIRST_NAMES: &str = include_str!("../../data/first_names.txt");
const TITLES: &str = include_str!("../../data/titles.txt");
const COMMON_WORDS: &str = include_str!("../../data/common_words.txt");
const NEVER_NAMES: &str = include_str!("../../data/never_names.txt");
const NAME_PARTICLES: &str = include_str!("../../data/name_particles.txt");
const TITLE_ABBREVIATIONS: &str = include_str!("../../data/title_abbreviations.txt");
const ORGANIZATION_HEADS: &str = include_str!("../../data/organization_heads.txt");
const PLACE_HEADS: &str = include_str!("../../data/place_heads.txt");
const MISC_HEADS: &str = include_str!("../../data/misc_heads.txt");
const OF_HEADS: &str = include_str!("../../data/of_heads.txt");
const SPEECH_VERBS: &str = include_str!("../../data/speech_verbs.txt");
const PLACE_PREPOSITIONS: &str = include_str!("../../data/place_prepositions.txt");
const ACRONYM_SKIPPED_WORDS: &str = include_str!("../../data/acronym_skipped_words.txt");
const HOUSE_STYLE_ORGANIZATIONS: &str = include_str!("../../data/house_style_organizations.txt");
const CURRENCIES: &str = include_str!("../../data/currencies.txt");

/// A known name: its class and the usual form of the entity it belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Known {
    pub entity_type: EntityType,
    /// The first form on the entity's line ("United States" for "U.S."); the merging key.
    pub group: String,
}

/// Dateline's own word lists, parsed: known names with their class and usual form, first names,
/// titles, common words and the words around names that the rules read. Written by hand; the
/// name lists are also part of the NER model's [`crate::ner::Gazetteer`] (with the names of the
/// model's open training data, see `models/MODEL_CARD.md`).
pub(crate) struct WordLists {
    names: HashMap<String, Known>,
    /// Every prefix of the leading run of ASCII letters and digits of every key of `names`: a
    /// word of ASCII letters and digits that is none of them starts no name.
    name_run_prefixes: HashSet<String>,
    /// Forms of three letters or fewer, exactly as listed ("US", "Fed"), so "us" is no country.
    short_forms: HashSet<String>,
    /// Longest known name, in words.
    pub max_words: usize,
    first_names: HashSet<String>,
    titles: HashSet<String>,
    /// The first word of every title.
    title_first_words: HashSet<String>,
    pub max_title_words: usize,
    common: HashSet<String>,
    /// Capitalized words that are never a name on their own (lower-case).
    pub never_names: HashSet<String>,
    /// "al", "de", "van": lower-case words inside names.
    pub name_particles: HashSet<String>,
    /// "Mr", "Gen", "St": abbreviations that keep their dot (written without it).
    pub title_abbreviations: HashSet<String>,
    /// Last words that make a name an organisation (lower-case).
    pub organization_heads: HashSet<String>,
    /// Last words that make a name a place (lower-case).
    pub place_heads: HashSet<String>,
    /// Last words that make a name an event or other name (lower-case).
    pub misc_heads: HashSet<String>,
    /// Words that let a name go on over "of" (lower-case).
    pub of_heads: HashSet<String>,
    /// Verbs of saying after a person's name (lower-case).
    pub speech_verbs: HashSet<String>,
    /// Prepositions before a place's name (lower-case).
    pub place_prepositions: HashSet<String>,
    /// Words an acronym leaves out (normalized).
    pub acronym_skipped_words: HashSet<String>,
    /// Seats of power that stand for an institution (normalized).
    pub house_style_organizations: HashSet<String>,
    /// Currency codes and prefixed dollar signs, as written ("USD", "US$").
    pub currencies: HashSet<String>,
}

/// The key names are looked up by: lowercase, no dots, straight apostrophes, single spaces,
/// hyphens as spaces.
pub(crate) fn normalize(name: &str) -> String {
    let mut normalizer = Normalizer::default();
    normalizer.extend(name.chars());
    normalizer.out
}

/// [`normalize`] as a stream: the output only grows, so the normalized form of every prefix of
/// the input is a prefix of `out`. Lookups over growing token windows normalize once into one
/// buffer instead of building two strings per window.
#[derive(Default)]
pub(crate) struct Normalizer {
    /// The normalized text so far (a pending space is written before the next character).
    pub out: String,
    space: bool,
}

impl Normalizer {
    pub fn extend(&mut self, chars: impl IntoIterator<Item = char>) {
        for c in chars {
            self.push(c);
        }
    }

    pub fn push(&mut self, c: char) {
        if c.is_ascii_alphanumeric() {
            // The common case, as the last arm below has it, without the Unicode tables.
            if self.space && !self.out.is_empty() {
                self.out.push(' ');
            }
            self.space = false;
            self.out.push(c.to_ascii_lowercase());
            return;
        }
        match c {
            '.' => {}
            '’' | '‘' => self.out.push('\''),
            c if c.is_whitespace() || c == '-' || c == '–' => self.space = true,
            c => {
                if self.space && !self.out.is_empty() {
                    self.out.push(' ');
                }
                self.space = false;
                self.out.extend(c.to_lowercase());
            }
        }
    }
}

/// The non-empty prefixes of the leading run of ASCII letters and digits of `key`.
fn run_prefixes(key: &str) -> impl Iterator<Item = String> + '_ {
    let run = key.bytes().take_while(u8::is_ascii_alphanumeric).count();
    (1..=run).map(move |end| key[..end].to_string())
}

fn entries(list: &str) -> impl Iterator<Item = &str> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn entry_set(list: &str) -> HashSet<String> {
    entries(list).map(str::to_string).collect()
}

impl WordLists {
    pub fn get() -> &'static WordLists {
        static WORD_LISTS: OnceLock<WordLists> = OnceLock::new();
        WORD_LISTS.get_or_init(WordLists::load)
    }

    fn load() -> WordLists {
        let mut names = HashMap::default();
        let mut short_forms = HashSet::default();
        let mut max_words = 1;
        // Later lists do not override earlier ones: a place stays a place.
        for (list, entity_type) in [
            (PLACES, EntityType::Location),
            (ORGANIZATIONS, EntityType::Organization),
            (MISC, EntityType::Miscellaneous),
        ] {
            for line in entries(list) {
                let mut forms = line.split('|').map(str::trim).filter(|f| !f.is_empty());
                let Some(group) = forms.next() else { continue };
                for form in std::iter::once(group).chain(forms) {
                    if form.chars().filter(|c| c.is_alphabetic()).count() <= 3 {
                        short_forms.insert(form.replace('.', ""));
                    }
                    max_words =
                        max_words.max(form.split(|c: char| c.is_whitespace() || c == '-').count());
                    names.entry(normalize(form)).or_insert_with(|| Known {
                        entity_type,
                        group: group.to_string(),
                    });
                }
            }
        }
        let first_names = entries(FIRST_NAMES)
            .flat_map(str::split_whitespace)
            .map(str::to_lowercase)
            .collect();
        let titles: HashSet<String> = entries(TITLES).map(normalize).collect();
        let max_title_words = titles
            .iter()
            .map(|t| t.split(' ').count())
            .max()
            .unwrap_or(1);
        let common = entries(COMMON_WORDS)
            .flat_map(str::split_whitespace)
            .map(str::to_lowercase)
            .collect();
        WordLists {
            name_run_prefixes: names.keys().flat_map(|k| run_prefixes(k)).collect(),
            title_first_words: titles
                .iter()
                .filter_map(|t| t.split(' ').next())
                .map(str::to_string)
                .collect(),
            names,
            short_forms,
            max_words,
            first_names,
            titles,
            max_title_words,
            common,
            never_names: entry_set(NEVER_NAMES),
            name_particles: entry_set(NAME_PARTICLES),
            title_abbreviations: entry_set(TITLE_ABBREVIATIONS),
            organization_heads: entry_set(ORGANIZATION_HEADS),
            place_heads: entry_set(PLACE_HEADS),
            misc_heads: entry_set(MISC_HEADS),
            of_heads: entry_set(OF_HEADS),
            speech_verbs: entry_set(SPEECH_VERBS),
            place_prepositions: entry_set(PLACE_PREPOSITIONS),
            acronym_skipped_words: entries(ACRONYM_SKIPPED_WORDS).map(normalize).collect(),
            house_style_organizations: entries(HOUSE_STYLE_ORGANIZATIONS).map(normalize).collect(),
            currencies: entries(CURRENCIES).map(str::to_string).collect(),
        }
    }

    /// For a word of ASCII letters and digits (lower-case, so its own normalized form): true
    /// when some listed name's key starts with it. A window of tokens that starts with another
    /// word cannot be a name.
    pub fn may_start_name(&self, word: &str) -> bool {
        self.name_run_prefixes.contains(word)
    }

    /// True when some title's first word is `word` (normalized).
    pub fn is_title_first_word(&self, word: &str) -> bool {
        self.title_first_words.contains(word)
    }

    /// Looks up a name as written. Short forms must be written in capitals ("US", not "Us").
    pub fn lookup(&self, name: &str) -> Option<&Known> {
        self.lookup_normalized(&normalize(name), || name.to_string())
    }

    /// [`WordLists::lookup`] of a name whose key (`normalize`) is `key`; `name` gives the name
    /// as written, needed only when the key is listed.
    pub fn lookup_normalized(&self, key: &str, name: impl FnOnce() -> String) -> Option<&Known> {
        let known = self.names.get(key)?;
        let name = name();
        let letters = name.chars().filter(|c| c.is_alphabetic()).count();
        if letters <= 3 && !self.short_forms.contains(&name.replace('.', "")) {
            return None;
        }
        Some(known)
    }

    /// Looks up a name whatever its case (for all-capitals headlines).
    /// `key` is the name's `normalize`d form.
    pub fn lookup_any_case_normalized(&self, key: &str) -> Option<&Known> {
        self.names.get(key)
    }

    pub fn is_first_name(&self, word: &str) -> bool {
        self.first_names.contains(&word.to_lowercase())
    }

    /// True when the words (already normalized, space-joined) name a role such as "president".
    pub fn is_title(&self, normalized: &str) -> bool {
        self.titles.contains(normalized)
    }

    pub fn is_common(&self, word: &str) -> bool {
        self.common.contains(&word.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_of_one_place_share_a_group() {
        let g = WordLists::get();
        for form in ["U.S.", "US", "United States", "America"] {
            let known = g.lookup(form).unwrap();
            assert_eq!(known.entity_type, EntityType::Location, "{form}");
            assert_eq!(known.group, "United States", "{form}");
        }
        assert!(g.lookup("us").is_none());
        assert!(g.lookup("Us").is_none());
    }

    #[test]
    fn classes_come_from_their_list() {
        let g = WordLists::get();
        assert_eq!(
            g.lookup("Kremlin").unwrap().entity_type,
            EntityType::Organization
        );
        assert_eq!(
            g.lookup("Twitter").unwrap().entity_type,
            EntityType::Organization
        );
        assert_eq!(
            g.lookup("G20").unwrap().entity_type,
            EntityType::Miscellaneous
        );
        assert_eq!(
            g.lookup("Russian").unwrap().entity_type,
            EntityType::Miscellaneous
        );
        assert_eq!(
            g.lookup("North Korea").unwrap().entity_type,
            EntityType::Location
        );
        assert_eq!(g.lookup("Putin’s"), None);
        assert!(g.is_first_name("Vladimir"));
        assert!(g.is_title("prime minister"));
        assert!(g.is_common("However"));
        assert!(g.may_start_name("united") && g.may_start_name("unit") && g.may_start_name("g20"));
        assert!(!g.may_start_name("unitedx") && !g.may_start_name("states"));
        assert!(g.is_title_first_word("prime") && !g.is_title_first_word("designate"));
    }

    #[test]
    fn rule_words_are_read_as_written() {
        let g = WordLists::get();
        assert!(g.organization_heads.contains("inc."));
        assert!(g.misc_heads.contains("grand prix"));
        assert!(g.of_heads.contains("people's"));
        assert!(g.never_names.contains("i'm"));
        assert!(g.title_abbreviations.contains("Gov't"));
        assert!(!g.title_abbreviations.contains("mr"));
        assert!(g.acronym_skipped_words.contains("&"));
        assert!(g.house_style_organizations.contains("white house"));
        assert_eq!(g.name_particles.len(), 19);
    }

    #[test]
    fn lists_stay_small() {
        let g = WordLists::get();
        assert!(g.names.len() + g.first_names.len() + g.titles.len() + g.common.len() < 5000);
    }
}

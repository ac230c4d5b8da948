//! Name lists from files whose origin is stated in their header (`--lexicon TYPE=PATH`): one
//! name a line, `|` between forms of one name, `#` starts a comment. Names are tokenized as the
//! tagger reads text, lower-cased and joined by one space, as [`Gazetteer`] phrases are.

use std::collections::{BTreeMap, HashSet};
use std::fs;

use anyhow::{anyhow, Context, Result};
use dateline_engine::analysis::gazetteer_phrase;
use dateline_engine::ner::tags::type_index;
use dateline_engine::ner::Gazetteer;
use dateline_format::article::EntityType;

/// Phrases with entity-type masks, sorted (stable order: reproducible models).
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    phrases: BTreeMap<String, u8>,
}

impl Lexicon {
    /// Reads `TYPE=PATH` specs (`PER`, `ORG`, `LOC`, `MISC`).
    pub fn read(specs: &[String]) -> Result<Lexicon> {
        let mut lexicon = Lexicon::default();
        for spec in specs {
            let (code, path) = spec
                .split_once('=')
                .ok_or_else(|| anyhow!("--lexicon {spec:?}: expected TYPE=PATH"))?;
            let ty = EntityType::from_code(code)
                .ok_or_else(|| anyhow!("--lexicon {spec:?}: unknown type {code:?}"))?;
            let text = fs::read_to_string(path).with_context(|| format!("reading {path}"))?;
            lexicon.add_text(&text, ty);
        }
        Ok(lexicon)
    }

    /// Adds every form of every line of a list of `ty` names.
    pub fn add_text(&mut self, text: &str, ty: EntityType) {
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("");
            for form in line.split('|').map(str::trim).filter(|f| !f.is_empty()) {
                let p = gazetteer_phrase(form);
                if !p.is_empty() {
                    *self.phrases.entry(p).or_insert(0) |= 1 << type_index(ty);
                }
            }
        }
    }

    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    /// Adds the phrases to a gazetteer.
    pub fn fill(&self, gazetteer: &mut Gazetteer) {
        for (p, &mask) in &self.phrases {
            gazetteer.insert(p, mask);
        }
    }

    /// One-word phrases listed as MISC (nationality adjectives and the like).
    pub fn misc_words(&self) -> HashSet<String> {
        let misc = 1 << type_index(EntityType::Miscellaneous);
        self.phrases
            .iter()
            .filter(|(p, &m)| m & misc != 0 && !p.contains(' '))
            .map(|(p, _)| p.clone())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_and_comments() {
        let mut l = Lexicon::default();
        l.add_text(
            "# header\nUnited States|U.S. # note\n\nGerman\n",
            EntityType::Location,
        );
        l.add_text("German", EntityType::Miscellaneous);
        assert_eq!(l.len(), 3);
        let mut g = Gazetteer::new();
        l.fill(&mut g);
        assert_eq!(g.get("u.s."), Some(0b100));
        assert_eq!(g.get("united states"), Some(0b100));
        assert_eq!(g.get("german"), Some(0b1100));
        assert_eq!(l.misc_words().into_iter().collect::<Vec<_>>(), ["german"]);
    }
}

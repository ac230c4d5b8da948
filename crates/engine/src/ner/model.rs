//! The trained model: quantized feature weights, tag transitions and the gazetteer, with its
//! binary format.
//!
//! Format (version 2; version 1 had the same layout for older features), all numbers little-endian, varints LEB128:
//!
//! ```text
//! magic    b"DLNERMDL"
//! version  u16
//! tags     u8 (= 17)
//! scale    f32             weight units per stored step (informational)
//! trans    17 * 17 f32     transition scores, in steps, [previous * 17 + current]
//! gazetteer: varint count, then per phrase (sorted): u8 type mask, varint bytes shared with the
//!            previous phrase, varint new bytes, the new bytes (UTF-8)
//! weights:   varint rows, then per row (keys ascending): varint key - previous key,
//!            varint 17-bit tag mask, one i8 per set bit
//! checksum u32             FNV-1a of every byte before it
//! ```

use std::fmt;

use super::codec::{checksum, Reader, Writer};
use super::features::{
    history_features, static_features, DocContext, FeatureKey, History, SentenceFeatures,
};
use super::gazetteer::Gazetteer;
use super::tags::{self, NUM_TAGS};
use dateline_format::article::EntityType;

/// First bytes of every model file.
pub const MAGIC: &[u8; 8] = b"DLNERMDL";

/// The format version this crate reads and writes.
pub const FORMAT_VERSION: u16 = 2;

/// Why a model file could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NerModelError {
    /// The file is empty.
    Empty,
    /// The file does not start with [`MAGIC`]: not a Dateline NER model.
    BadMagic,
    /// The file is a model of another format version.
    UnsupportedVersion {
        /// Version in the file.
        found: u16,
        /// Version this build reads.
        supported: u16,
    },
    /// The file ends in the middle of a section.
    Truncated {
        /// The section being read.
        what: &'static str,
    },
    /// A section holds impossible values.
    Corrupt {
        /// The section being read.
        what: &'static str,
    },
    /// The content does not match its checksum: the file was damaged.
    ChecksumMismatch,
}

impl fmt::Display for NerModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NerModelError::Empty => write!(f, "NER model file is empty"),
            NerModelError::BadMagic => write!(f, "not a Dateline NER model (bad magic bytes)"),
            NerModelError::UnsupportedVersion { found, supported } => write!(
                f,
                "NER model format version {found} is not supported (this build reads version {supported})"
            ),
            NerModelError::Truncated { what } => {
                write!(f, "NER model file is truncated (ended while reading {what})")
            }
            NerModelError::Corrupt { what } => write!(f, "NER model file is corrupt ({what})"),
            NerModelError::ChecksumMismatch => {
                write!(f, "NER model file is corrupt (checksum mismatch)")
            }
        }
    }
}

impl std::error::Error for NerModelError {}

/// Float weights straight from training, before quantization.
#[derive(Clone, Debug, Default)]
pub struct ModelParts {
    /// The gazetteer the features were computed with.
    pub gazetteer: Gazetteer,
    /// Transition scores, `[previous * NUM_TAGS + current]`; any other length counts as zeros.
    pub transitions: Vec<f32>,
    /// One weight per tag for each feature.
    pub weights: Vec<(FeatureKey, [f32; NUM_TAGS])>,
}

/// Feature weights in an open-addressing table: key -> row of `NUM_TAGS` i8 steps.
///
/// Most features of a token are not in the model, so the probe reads only `keys` (4 bytes a
/// slot, small enough to stay in cache); `rows` is read on a hit.
#[derive(Clone, Debug, Default)]
struct WeightTable {
    /// Key 0 marks an empty slot (keys are never 0).
    keys: Vec<FeatureKey>,
    /// For each slot, its row in `rows`.
    slot_rows: Vec<u32>,
    rows: Vec<[i8; NUM_TAGS]>,
}

impl WeightTable {
    fn from_rows(mut entries: Vec<(FeatureKey, [i8; NUM_TAGS])>) -> Self {
        entries.sort_unstable_by_key(|e| e.0);
        entries.dedup_by_key(|e| e.0);
        entries.retain(|e| e.0 != 0);
        let capacity = (entries.len() * 2).next_power_of_two().max(16);
        let mut keys = vec![0; capacity];
        let mut slot_rows = vec![0; capacity];
        let mut rows = Vec::with_capacity(entries.len());
        for (key, row) in entries {
            let mut i = key as usize & (capacity - 1);
            while keys[i] != 0 {
                i = (i + 1) & (capacity - 1);
            }
            keys[i] = key;
            slot_rows[i] = rows.len() as u32;
            rows.push(row);
        }
        WeightTable {
            keys,
            slot_rows,
            rows,
        }
    }

    /// The key in `key`'s home slot (0 for none). Reading the homes of all of a token's keys
    /// first, with no branch between the reads, lets the memory reads overlap instead of each
    /// waiting for the one before; [`WeightTable::get_from_home`] then rarely waits.
    fn home(&self, key: FeatureKey) -> FeatureKey {
        let mask = self.keys.len().wrapping_sub(1);
        self.keys.get(key as usize & mask).copied().unwrap_or(0)
    }

    /// [`WeightTable::get`], given what [`WeightTable::home`] read for `key`.
    fn get_from_home(&self, key: FeatureKey, home: FeatureKey) -> Option<&[i8; NUM_TAGS]> {
        if home == key {
            let slot = key as usize & self.keys.len().wrapping_sub(1);
            self.rows.get(*self.slot_rows.get(slot)? as usize)
        } else if home == 0 {
            None
        } else {
            self.get(key)
        }
    }

    fn get(&self, key: FeatureKey) -> Option<&[i8; NUM_TAGS]> {
        let mask = self.keys.len().checked_sub(1)?;
        let mut i = key as usize & mask;
        loop {
            let k = *self.keys.get(i)?;
            if k == key {
                return self.rows.get(*self.slot_rows.get(i)? as usize);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    fn sorted(&self) -> Vec<(FeatureKey, &[i8; NUM_TAGS])> {
        let mut all: Vec<_> = self
            .keys
            .iter()
            .zip(&self.slot_rows)
            .filter(|(&k, _)| k != 0)
            .filter_map(|(&k, &r)| self.rows.get(r as usize).map(|row| (k, row)))
            .collect();
        all.sort_unstable_by_key(|e| e.0);
        all
    }
}

/// A statistical named-entity tagger for English news (CoNLL-2003 types).
///
/// Load it with [`NerModel::from_bytes`]; tag a sentence with [`NerModel::tag`], or a whole
/// document with [`NerModel::tag_document`], which is better: the tagger uses how words are
/// written elsewhere in the document and what it tagged them as earlier.
#[derive(Clone, Debug)]
pub struct NerModel {
    gazetteer: Gazetteer,
    transitions: Vec<f32>,
    table: WeightTable,
    scale: f32,
}

/// Entities of one sentence: token ranges (end exclusive) with their types.
pub type SentenceEntities = Vec<(usize, usize, EntityType)>;

/// One entity the tagger found, with its per-type scores.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoredSpan {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The type the tagger chose.
    pub entity_type: EntityType,
    /// For each type in [`EntityType::ALL`] order: the summed emission scores (in quantization
    /// steps) of the span's tokens tagged as that type, same positions. The chosen type's score
    /// minus another's is how far the model is from changing its mind about the type, emissions
    /// only (transitions between same-shaped tags of one type hardly differ).
    pub type_scores: [f32; 4],
}

fn score_span(
    emissions: &[[f32; NUM_TAGS]],
    start: usize,
    end: usize,
    entity_type: EntityType,
) -> ScoredSpan {
    let mut type_scores = [0.0; 4];
    for (k, ty) in EntityType::ALL.into_iter().enumerate() {
        for i in start..end {
            let pos = match (i == start, i + 1 == end) {
                (true, true) => tags::Position::Unit,
                (true, false) => tags::Position::Begin,
                (false, true) => tags::Position::Last,
                (false, false) => tags::Position::Inside,
            };
            if let Some(row) = emissions.get(i) {
                type_scores[k] += row[usize::from(tags::tag(ty, pos))];
            }
        }
    }
    ScoredSpan {
        start,
        end,
        entity_type,
        type_scores,
    }
}

impl NerModel {
    /// Quantizes trained weights: each becomes `round(w / scale)` clamped to the i8 range; rows
    /// that round to all zeros are dropped.
    pub fn from_parts(parts: &ModelParts, scale: f32) -> NerModel {
        let scale = if scale.is_finite() && scale > 0.0 {
            scale
        } else {
            1.0
        };
        let q = |w: f32| (w / scale).round().clamp(-127.0, 127.0) as i8;
        let rows = parts
            .weights
            .iter()
            .map(|(key, ws)| (*key, ws.map(q)))
            .filter(|(_, row)| row.iter().any(|&w| w != 0))
            .collect();
        let transitions = if parts.transitions.len() == NUM_TAGS * NUM_TAGS {
            parts.transitions.iter().map(|t| t / scale).collect()
        } else {
            vec![0.0; NUM_TAGS * NUM_TAGS]
        };
        NerModel {
            gazetteer: parts.gazetteer.clone(),
            transitions,
            table: WeightTable::from_rows(rows),
            scale,
        }
    }

    /// Number of feature rows kept.
    pub fn feature_count(&self) -> usize {
        self.table.rows.len()
    }

    /// The gazetteer.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Serializes the model (see the module docs for the format).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.raw(MAGIC);
        w.u16(FORMAT_VERSION);
        w.u8(NUM_TAGS as u8);
        w.f32(self.scale);
        for &t in &self.transitions {
            w.f32(t);
        }
        let phrases = self.gazetteer.entries();
        w.varint(phrases.len() as u64);
        let mut prev: &[u8] = &[];
        for (phrase, mask) in phrases {
            let p = phrase.as_bytes();
            let shared = prev.iter().zip(p).take_while(|(a, b)| a == b).count();
            w.u8(mask);
            w.varint(shared as u64);
            w.varint((p.len() - shared) as u64);
            w.raw(&p[shared..]);
            prev = p;
        }
        let rows = self.table.sorted();
        w.varint(rows.len() as u64);
        let mut prev_key = 0u32;
        for (key, row) in rows {
            w.varint(u64::from(key - prev_key));
            prev_key = key;
            let mask = row
                .iter()
                .enumerate()
                .filter(|(_, &v)| v != 0)
                .fold(0u64, |m, (i, _)| m | 1 << i);
            w.varint(mask);
            for &v in row.iter().filter(|&&v| v != 0) {
                w.u8(v as u8);
            }
        }
        let sum = checksum(&w.bytes);
        w.u32(sum);
        w.bytes
    }

    /// Loads a model written by [`NerModel::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<NerModel, NerModelError> {
        if bytes.is_empty() {
            return Err(NerModelError::Empty);
        }
        if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
            return Err(NerModelError::BadMagic);
        }
        let mut r = Reader::new(&bytes[MAGIC.len()..]);
        let version = r.u16("version")?;
        if version != FORMAT_VERSION {
            return Err(NerModelError::UnsupportedVersion {
                found: version,
                supported: FORMAT_VERSION,
            });
        }
        // The body is everything but the trailing checksum.
        let body_len = bytes.len().checked_sub(4).filter(|&l| l >= MAGIC.len() + 2);
        let body_len = body_len.ok_or(NerModelError::Truncated { what: "header" })?;
        let mut r = Reader::new(&bytes[MAGIC.len() + 2..body_len]);
        let model = read_body(&mut r)?;
        if r.remaining() != 0 {
            return Err(NerModelError::Corrupt {
                what: "trailing bytes",
            });
        }
        let stored = u32::from_le_bytes([
            bytes[body_len],
            bytes[body_len + 1],
            bytes[body_len + 2],
            bytes[body_len + 3],
        ]);
        if stored != checksum(&bytes[..body_len]) {
            return Err(NerModelError::ChecksumMismatch);
        }
        Ok(model)
    }

    /// Tags one sentence on its own. Returns token ranges (end exclusive), in order.
    pub fn tag(&self, tokens: &[&str]) -> SentenceEntities {
        self.tag_document(&[tokens.to_vec()])
            .pop()
            .unwrap_or_default()
    }

    /// Tags every sentence of one document, in order; one entity list per sentence.
    pub fn tag_document(&self, sentences: &[Vec<&str>]) -> Vec<SentenceEntities> {
        self.tag_document_scored(sentences)
            .into_iter()
            .map(|sentence| {
                sentence
                    .into_iter()
                    .map(|s| (s.start, s.end, s.entity_type))
                    .collect()
            })
            .collect()
    }

    /// [`NerModel::tag_document`], with how strongly the model prefers each span's type.
    pub fn tag_document_scored(&self, sentences: &[Vec<&str>]) -> Vec<Vec<ScoredSpan>> {
        let doc = DocContext::new(sentences);
        let mut history = History::new();
        let mut fixed = SentenceFeatures::new();
        let mut dynamic = SentenceFeatures::new();
        let mut out = Vec::with_capacity(sentences.len());
        for tokens in sentences {
            static_features(tokens, &doc, &self.gazetteer, &mut fixed);
            history_features(tokens, &history, &mut dynamic);
            let emissions = self.emissions(&fixed, &dynamic);
            let predicted = tags::viterbi(&emissions, &self.transitions);
            history.record(tokens, &predicted);
            let spans = tags::tags_to_spans(&predicted);
            out.push(
                spans
                    .into_iter()
                    .map(|(start, end, entity_type)| {
                        score_span(&emissions, start, end, entity_type)
                    })
                    .collect(),
            );
        }
        out
    }

    /// Per-token tag scores: the summed weight rows of the token's features. Summed as integers
    /// (exactly what adding them one by one as f32 gives: the sums stay far below 2^24).
    fn emissions(
        &self,
        fixed: &SentenceFeatures,
        dynamic: &SentenceFeatures,
    ) -> Vec<[f32; NUM_TAGS]> {
        (0..fixed.len())
            .map(|i| {
                let mut sum = [0i32; NUM_TAGS];
                let mut homes = [0; 64];
                for keys in [fixed.token(i), dynamic.token(i)] {
                    for chunk in keys.chunks(homes.len()) {
                        for (home, &key) in homes.iter_mut().zip(chunk) {
                            *home = self.table.home(key);
                        }
                        for (&key, &home) in chunk.iter().zip(&homes) {
                            if let Some(row) = self.table.get_from_home(key, home) {
                                for (s, &w) in sum.iter_mut().zip(row) {
                                    *s += i32::from(w);
                                }
                            }
                        }
                    }
                }
                sum.map(|s| s as f32)
            })
            .collect()
    }
}

fn read_body(r: &mut Reader<'_>) -> Result<NerModel, NerModelError> {
    if usize::from(r.u8("tag count")?) != NUM_TAGS {
        return Err(NerModelError::Corrupt { what: "tag count" });
    }
    let scale = r.f32("scale")?;
    if !(scale.is_finite() && scale > 0.0) {
        return Err(NerModelError::Corrupt { what: "scale" });
    }
    let mut transitions = Vec::with_capacity(NUM_TAGS * NUM_TAGS);
    for _ in 0..NUM_TAGS * NUM_TAGS {
        let t = r.f32("transitions")?;
        if !t.is_finite() {
            return Err(NerModelError::Corrupt {
                what: "transitions",
            });
        }
        transitions.push(t);
    }

    // Counts are bounded by what the rest of the file could hold, so a corrupt count cannot
    // make us reserve huge amounts of memory.
    let phrases = r.count(r.remaining(), "gazetteer")?;
    let mut gazetteer = Gazetteer::new();
    let mut prev: Vec<u8> = Vec::new();
    for _ in 0..phrases {
        let mask = r.u8("gazetteer")?;
        let shared = r.count(prev.len(), "gazetteer")?;
        let fresh = r.count(r.remaining(), "gazetteer")?;
        prev.truncate(shared);
        prev.extend_from_slice(r.raw(fresh, "gazetteer")?);
        let phrase =
            std::str::from_utf8(&prev).map_err(|_| NerModelError::Corrupt { what: "gazetteer" })?;
        gazetteer.insert(phrase, mask);
    }

    let count = r.count(r.remaining(), "weights")?;
    let mut rows = Vec::with_capacity(count);
    let mut key = 0u32;
    for _ in 0..count {
        let delta = u32::try_from(r.varint("weights")?)
            .map_err(|_| NerModelError::Corrupt { what: "weights" })?;
        key = key
            .checked_add(delta)
            .ok_or(NerModelError::Corrupt { what: "weights" })?;
        let mask = r.varint("weights")?;
        if mask >> NUM_TAGS != 0 {
            return Err(NerModelError::Corrupt { what: "weights" });
        }
        let mut row = [0i8; NUM_TAGS];
        for (i, w) in row.iter_mut().enumerate() {
            if mask & (1 << i) != 0 {
                *w = r.u8("weights")? as i8;
            }
        }
        rows.push((key, row));
    }
    Ok(NerModel {
        gazetteer,
        transitions,
        table: WeightTable::from_rows(rows),
        scale,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::tags::{tag, Position};

    /// A toy model: "Paris" is a place, "Smith" a person, capitalised words after "Mr" people.
    fn toy() -> NerModel {
        let sentences = vec![vec!["Paris", "Smith", "Mr", "Jones"]];
        let doc = DocContext::new(&sentences);
        let mut gazetteer = Gazetteer::new();
        gazetteer.insert("smith", 0b0001);
        let mut f = SentenceFeatures::new();
        static_features(&sentences[0], &doc, &gazetteer, &mut f);
        let gold = [
            tag(EntityType::Location, Position::Unit),
            tag(EntityType::Person, Position::Unit),
            tags::OUTSIDE,
            tag(EntityType::Person, Position::Unit),
        ];
        let mut summed = std::collections::BTreeMap::new();
        for (i, &g) in gold.iter().enumerate() {
            for &key in f.token(i) {
                summed.entry(key).or_insert([0.0; NUM_TAGS])[g as usize] += 0.5;
            }
        }
        let weights = summed.into_iter().collect();
        let parts = ModelParts {
            gazetteer,
            transitions: vec![0.1; NUM_TAGS * NUM_TAGS],
            weights,
        };
        NerModel::from_parts(&parts, 0.01)
    }

    #[test]
    fn tags_and_round_trips() {
        let model = toy();
        let expected = vec![
            (0, 1, EntityType::Location),
            (1, 2, EntityType::Person),
            (3, 4, EntityType::Person),
        ];
        assert_eq!(model.tag(&["Paris", "Smith", "Mr", "Jones"]), expected);
        let bytes = model.to_bytes();
        let loaded = NerModel::from_bytes(&bytes).unwrap();
        assert_eq!(loaded.to_bytes(), bytes);
        assert_eq!(loaded.tag(&["Paris", "Smith", "Mr", "Jones"]), expected);
        assert_eq!(loaded.gazetteer().get("smith"), Some(1));
        assert!(loaded.tag(&[]).is_empty());
        assert_eq!(loaded.tag_document(&[vec![], vec!["Paris"]]).len(), 2);
    }

    #[test]
    fn bad_files_give_typed_errors() {
        let bytes = toy().to_bytes();
        assert_eq!(NerModel::from_bytes(&[]).unwrap_err(), NerModelError::Empty);
        assert_eq!(
            NerModel::from_bytes(b"PK\x03\x04zip").unwrap_err(),
            NerModelError::BadMagic
        );
        let mut other = bytes.clone();
        other[8] = 9;
        assert_eq!(
            NerModel::from_bytes(&other).unwrap_err(),
            NerModelError::UnsupportedVersion {
                found: 9,
                supported: FORMAT_VERSION
            }
        );
        // Every truncation fails cleanly.
        for len in 1..bytes.len() {
            let err = NerModel::from_bytes(&bytes[..len]).unwrap_err();
            assert!(
                matches!(
                    err,
                    NerModelError::BadMagic
                        | NerModelError::Truncated { .. }
                        | NerModelError::Corrupt { .. }
                        | NerModelError::ChecksumMismatch
                ),
                "{len}: {err}"
            );
        }
        assert!(matches!(
            NerModel::from_bytes(&bytes[..bytes.len() / 2]).unwrap_err(),
            NerModelError::Truncated { .. }
        ));
        // Every flipped byte after the header fails cleanly too; never a panic.
        for i in MAGIC.len() + 2..bytes.len() {
            let mut bad = bytes.clone();
            bad[i] ^= 0x5a;
            assert!(NerModel::from_bytes(&bad).is_err(), "byte {i}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(NerModel::from_bytes(&longer).is_err());
    }

    #[test]
    fn errors_read_well() {
        let e = NerModelError::Truncated { what: "weights" };
        assert_eq!(
            e.to_string(),
            "NER model file is truncated (ended while reading weights)"
        );
        let e = NerModelError::UnsupportedVersion {
            found: 3,
            supported: 1,
        };
        assert!(e.to_string().contains("version 3"));
        assert!(NerModelError::ChecksumMismatch
            .to_string()
            .contains("corrupt"));
    }

    #[test]
    fn quantization_drops_zero_rows() {
        let parts = ModelParts {
            weights: vec![(5, [0.001; NUM_TAGS]), (6, [1.0; NUM_TAGS])],
            ..ModelParts::default()
        };
        let model = NerModel::from_parts(&parts, 0.1);
        assert_eq!(model.feature_count(), 1);
        assert!(model.tag(&["x"]).is_empty());
    }
}

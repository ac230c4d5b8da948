//! Statistical named-entity recognition: an averaged perceptron trained on CoNLL-2003, GUM and
//! Wikigold (`models/MODEL_CARD.md`).
//!
//! The tagger reads tokenized sentences and marks people, organisations, places and other names
//! ([`EntityType`](dateline_format::article::EntityType)). It is a linear model over hashed features
//! ([`features`]) with BILOU tags decoded by Viterbi ([`tags`]); the weights live in a compact
//! binary file ([`model`]) that the caller loads. This module does no I/O: the CLI reads the file
//! from disk, the browser fetches it.
//!
//! ```
//! use dateline_format::article::EntityType;
//! use dateline_engine::ner::{ModelParts, NerModel, NerModelError};
//!
//! // A real model comes from `models/ner-news.bin`; an untrained one tags nothing.
//! let bytes = NerModel::from_parts(&ModelParts::default(), 1.0).to_bytes();
//! let model = NerModel::from_bytes(&bytes)?;
//! let entities: Vec<(usize, usize, EntityType)> = model.tag(&["Peter", "Blackburn", "said"]);
//! assert!(entities.is_empty());
//! assert_eq!(NerModel::from_bytes(&bytes[..20]).unwrap_err().to_string(),
//!            "NER model file is truncated (ended while reading transitions)");
//! # Ok::<(), NerModelError>(())
//! ```
//!
//! Architecture invariant: training (the `dateline-train` crate) and tagging compute features with
//! the same functions from [`features`], so a model always sees the features it was trained on.

mod codec;
pub mod features;
pub mod gazetteer;
pub mod model;
pub mod tags;

pub use gazetteer::Gazetteer;
pub use model::{ModelParts, NerModel, NerModelError, ScoredSpan, SentenceEntities};

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_format::article::EntityType::{Location, Miscellaneous, Organization, Person};

    /// The committed model (see `models/MODEL_CARD.md`).
    const MODEL: &[u8] = include_bytes!("../../../../models/ner-news.bin");

    fn words(s: &str) -> Vec<&str> {
        s.split(' ').collect()
    }

    #[test]
    fn committed_model_tags_news() {
        let model = NerModel::from_bytes(MODEL).unwrap();
        assert_eq!(
            model.tag(&words(
                "Vladimir Putin met Donald Trump in Hamburg on Friday ."
            )),
            vec![(0, 2, Person), (3, 5, Person), (6, 7, Location)]
        );
        let doc = vec![
            words("GERMANY BEAT ITALY IN WORLD CUP QUALIFIER"),
            words("Jurgen Klinsmann scored twice as Germany beat Italy 2-1 , Reuters reported ."),
        ];
        assert_eq!(
            model.tag_document(&doc),
            vec![
                vec![(0, 1, Location), (2, 3, Location), (4, 6, Miscellaneous)],
                vec![
                    (0, 2, Person),
                    (5, 6, Location),
                    (7, 8, Location),
                    (10, 11, Organization)
                ],
            ]
        );
        assert_eq!(model.to_bytes(), MODEL);
    }

    #[test]
    fn committed_model_rejects_damage() {
        for len in (0..MODEL.len()).step_by(MODEL.len() / 37) {
            assert!(NerModel::from_bytes(&MODEL[..len]).is_err(), "{len}");
        }
        let mut bad = MODEL.to_vec();
        let middle = bad.len() / 2;
        bad[middle] ^= 1;
        assert!(NerModel::from_bytes(&bad).is_err());
    }

    #[test]
    fn odd_input_does_not_panic() {
        let model = NerModel::from_bytes(MODEL).unwrap();
        let long = vec!["Paris"; 5000];
        let odd = vec![
            "",
            " ",
            "\u{0}",
            "ǅ",
            "日本",
            "\u{1F600}",
            "-DOCSTART-",
            "A.B.C.D.E.F.G.H",
        ];
        assert_eq!(model.tag(&long).len(), model.tag(&long).len());
        let _ = model.tag(&odd);
        assert!(model.tag_document(&[]).is_empty());
    }
}

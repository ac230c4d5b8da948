//! Statistical named-entity recognition: an averaged perceptron trained on CoNLL-2003.
//!
//! The tagger reads tokenized sentences and marks people, organisations, places and other names
//! ([`EntityType`](crate::article::EntityType)). It is a linear model over hashed features
//! ([`features`]) with BILOU tags decoded by Viterbi ([`tags`]); the weights live in a compact
//! binary file ([`model`]) that the caller loads. This module does no I/O: the CLI reads the file
//! from disk, the browser fetches it.
//!
//! ```
//! use dateline_core::article::EntityType;
//! use dateline_core::ner::{ModelParts, NerModel, NerModelError};
//!
//! // A real model comes from `models/ner-conll2003.bin`; an untrained one tags nothing.
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
pub use model::{ModelParts, NerModel, NerModelError, SentenceEntities};

//! Named entities: finding mentions, then merging them into entities.
//!
//! The two steps are independent. Mentions come from rules (`rules.rs`: capitalization, word
//! lists and context) or from a statistical tagger (`model.rs`: Dateline's NER model, or any
//! tagger's BIO labels through [`mentions_from_bio`]), all as the same [`Mention`]s. [`merge()`]
//! then groups mentions into [`Entity`](dateline_format::article::Entity)s whatever found them
//! (`merge.rs`).

mod merge;
mod model;
mod rules;

use dateline_format::article::{EntityType, Span};

pub use merge::merge;
pub(crate) use model::model_mentions;
pub use model::{gazetteer_phrase, mentions_from_bio, model_sentences};
pub(crate) use rules::rule_mentions;

/// One mention of a name, however it was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Where it stands (code points).
    pub span: Span,
    /// Its class as the finder saw it.
    pub entity_type: EntityType,
    /// How sure the finder is of the class: 0 a guess, 1 weak context, 2 a pattern, 3 a list or
    /// a title. Merging weighs votes by it.
    pub strength: u8,
}

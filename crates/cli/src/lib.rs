//! The `dateline` command's library: building bundled articles, annotating bench JSON Lines, and
//! reading saved web pages.
//!
//! Everything that reads or writes files lives here, around the pure `dateline-core`.
#![deny(missing_docs)]

pub mod annotate;
pub mod bundle;
pub mod cache;
pub mod page;

use anyhow::{Context, Result};
use dateline_engine::analysis::Analyzer;
use dateline_engine::ner::NerModel;

/// The NER model built into the binary (`models/ner-news.bin`, see `models/MODEL_CARD.md`).
pub const MODEL: &[u8] = include_bytes!("../../../models/ner-news.bin");

/// The analyzer the commands use: with the built-in model, or rules only when `with_model` is
/// false.
pub fn analyzer(with_model: bool) -> Result<Analyzer> {
    if !with_model {
        return Ok(Analyzer::new(None));
    }
    let model = NerModel::from_bytes(MODEL).context("loading the built-in NER model")?;
    Ok(Analyzer::new(Some(model)))
}

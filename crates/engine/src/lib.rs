//! Dateline's analysis engine: from text to an article with entities, time expressions and
//! events (the format itself is `dateline-format`).
//!
//! No I/O and no clock: the publication date is an input, so the CLI and the browser give the
//! same output for the same text. Builds for the host and for `wasm32-unknown-unknown`.
//!
//! ```
//! use dateline_engine::build::{build_article, ArticleSource};
//!
//! let source = ArticleSource {
//!     id: "example".into(),
//!     title: "Leaders meet".into(),
//!     standfirst: String::new(),
//!     source: "Wire".into(),
//!     published: Some("2017-07-07".into()),
//!     language: "en".into(),
//!     paragraphs: vec!["Vladimir Putin met Donald Trump in Hamburg today.".into()],
//!     credit: None,
//! };
//! let article = build_article(&source).unwrap();
//! assert!(article.entities.iter().any(|e| e.name == "Vladimir Putin"));
//! ```
#![deny(missing_docs)]

pub mod analysis;
pub mod build;
mod fast_hash;
pub mod ner;
pub mod rng;

//! Dateline's wire format: what the reading app, the analysis worker and the `dateline` CLI
//! exchange. It holds no analysis, so the reading app can depend on it without carrying the
//! engine.
//!
//! - [`article`]: the article file (`SCHEMA_VERSION`, serde types, the validator);
//! - [`library`]: the library index and its events, names joined across articles, search keys;
//! - [`span`]: code-point spans, slicing text by them, and the one checker of span layers;
//! - [`text`]: paragraphs and how a text is split into them;
//! - [`calendar`]: the calendar period a TIMEX3 value names, and strict `YYYY-MM-DD` dates and
//!   `YYYY-MM` months;
//! - [`dateline`]: dates as people write them, and the dateline a text opens with;
//! - [`page`]: the article extracted from a saved web page;
//! - [`protocol`]: the analysis worker's request and reply messages.
//!
//! ```
//! use dateline_format::article::Article;
//!
//! let json = r#"{"schema_version": 2, "id": "x", "title": "T", "standfirst": "",
//!   "source": "S", "published": "2017-07", "language": "en",
//!   "paragraphs": ["Putin spoke."], "entities": [], "timexes": [], "events": []}"#;
//! let article = Article::from_json(json).unwrap();
//! assert_eq!(article.body_text(), "Putin spoke.");
//! ```
#![deny(missing_docs)]

pub mod article;
pub mod calendar;
pub mod dateline;
pub mod library;
pub mod page;
pub mod protocol;
pub mod span;
pub mod text;

//! The analysis worker's protocol: the messages between the reading app and the analysis engine's
//! web worker (`crates/worker`), which loads the NER model from the same origin on first use and
//! analyzes text off the main thread. They cross the JavaScript boundary as plain objects
//! (serde-wasm-bindgen).
//!
//! The worker says [`AnalyzeReply::Ready`] first; a message posted before that would be lost.
//! Then, per request: `Loading` (first request only, while the model downloads), `Analyzing`,
//! and `Done` or `Failed`, each echoing the request's number.
//!
//! The page worker (`crates/page-worker`, its own wasm module) extracts the article from a saved
//! web page ([`ExtractRequest`]) with the same code as `dateline extract`, so the browser and the
//! CLI read a page alike. It says [`ExtractReply::Ready`] first, then answers each request with
//! one [`ExtractReply`].

use crate::article::Article;
use crate::page::Extracted;
use serde::{Deserialize, Serialize};

/// Where Trunk puts the analysis worker's loader script, relative to the page.
pub const WORKER_URL: &str = "dateline-worker_loader.js";

/// Where Trunk puts the page worker's loader script, relative to the page.
pub const PAGE_WORKER_URL: &str = "dateline-page-worker_loader.js";

/// Where the NER model is served, relative to the worker script.
pub const MODEL_URL: &str = "models/ner-news.bin";

/// A request to the worker: the article's metadata and text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnalyzeRequest {
    /// Echoed in the reply, so a late reply to an older request can be told apart.
    pub request: u32,
    /// Article id to give the result.
    pub id: String,
    /// Headline.
    pub title: String,
    /// Dek; may be empty.
    pub standfirst: String,
    /// Publisher.
    pub source: String,
    /// Publication date, `YYYY-MM-DD` (or `YYYY-MM`); `None` when the reader does not know it:
    /// the analysis then proposes the text's own dateline, if it has one
    /// (`Article::published_inferred`).
    #[serde(default)]
    pub published: Option<String>,
    /// True when `published` is only the app's guess (today on the reader's clock): a dateline
    /// at the start of the text then gives the day instead.
    #[serde(default)]
    pub published_guessed: bool,
    /// Body paragraphs.
    pub paragraphs: Vec<String>,
}

/// The worker's reply.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "lowercase")]
pub enum AnalyzeReply {
    /// The worker has started and listens; messages posted before this are lost, so wait for it.
    Ready,
    /// The worker is fetching the model (first request only).
    Loading {
        /// The request this is about.
        request: u32,
    },
    /// The model is in memory and the analysis of this request has started.
    Analyzing {
        /// The request this is about.
        request: u32,
    },
    /// The analyzed, validated article.
    Done {
        /// The request this answers.
        request: u32,
        /// The article with entities, time expressions and events.
        article: Box<Article>,
        /// Milliseconds the analysis call took, model loading excluded.
        analysis_ms: f64,
    },
    /// The text could not be analyzed (bad metadata) or the model could not be loaded.
    Failed {
        /// The request this answers.
        request: u32,
        /// A message for the reader.
        message: String,
    },
}

/// A request to extract the article from a saved web page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExtractRequest {
    /// Echoed in the reply.
    pub request: u32,
    /// The page, as text.
    pub html: String,
}

/// The page worker's reply to an [`ExtractRequest`]. Its `status` values (but `ready`) differ
/// from [`AnalyzeReply`]'s, so one is never mistaken for the other.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum ExtractReply {
    /// The worker has started and listens; messages posted before this are lost, so wait for it.
    Ready,
    /// The article found in the page.
    Extracted {
        /// The request this answers.
        request: u32,
        /// Headline, metadata and paragraphs.
        page: Extracted,
        /// The day (`YYYY-MM-DD`) the text's own dateline names at its start
        /// (`WASHINGTON, Dec. 10, 2016 —`), if it has one: for pages whose metadata gives none.
        #[serde(default)]
        dateline: Option<String>,
        /// Milliseconds the extraction took.
        extract_ms: f64,
    },
    /// The page gave no article (none found, or too large to read).
    ExtractFailed {
        /// The request this answers.
        request: u32,
        /// A message for the reader.
        message: String,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extract_requests_are_strict() {
        let extract = r#"{"request": 3, "html": "<p>x</p>"}"#;
        assert_eq!(
            serde_json::from_str::<ExtractRequest>(extract).unwrap(),
            ExtractRequest {
                request: 3,
                html: "<p>x</p>".into()
            }
        );
        let analyze = r#"{"request": 4, "id": "a", "title": "T", "standfirst": "",
            "source": "S", "published": "2017-07-07", "paragraphs": ["P."]}"#;
        assert!(serde_json::from_str::<ExtractRequest>(analyze).is_err());
        assert!(serde_json::from_str::<ExtractRequest>(r#"{"request": 5}"#).is_err());
    }

    #[test]
    fn extract_replies_carry_their_own_status() {
        let reply = ExtractReply::ExtractFailed {
            request: 1,
            message: "no article".into(),
        };
        let json = serde_json::to_string(&reply).unwrap();
        assert!(json.contains(r#""status":"extract_failed""#), "{json}");
        assert!(serde_json::from_str::<AnalyzeReply>(&json).is_err());
    }
}

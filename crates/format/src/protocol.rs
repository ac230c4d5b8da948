//! The analysis worker's protocol: the messages between the reading app and the analysis engine's
//! web worker (`crates/worker`), which loads the NER model from the same origin on first use and
//! analyzes text off the main thread. They cross the JavaScript boundary as plain objects
//! (serde-wasm-bindgen).
//!
//! The worker says [`AnalyzeReply::Ready`] first; a message posted before that would be lost.
//! Then, per request: `Loading` (first request only, while the model downloads), `Analyzing`,
//! and `Done` or `Failed`, each echoing the request's number.

use crate::article::Article;
use serde::{Deserialize, Serialize};

/// Where Trunk puts the worker's loader script, relative to the page.
pub const WORKER_URL: &str = "dateline-worker_loader.js";

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
    /// Publication date, `YYYY-MM-DD`.
    pub published: String,
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

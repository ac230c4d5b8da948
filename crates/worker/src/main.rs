//! The analysis web worker: receives [`AnalyzeRequest`]s, replies with [`AnalyzeReply`]s.
//! Messages cross the JavaScript boundary as plain objects (`dateline-worker-glue`). (Saved
//! pages are read by the page worker, `crates/page-worker`, so this module carries no extractor.)

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

use dateline_engine::analysis::Analyzer;
use dateline_engine::build::{build_article_with, ArticleSource};
use dateline_engine::ner::{NerModel, NerModelError};
use dateline_format::dateline::text_dateline;
use dateline_format::protocol::{AnalyzeReply, AnalyzeRequest, MODEL_URL};
use dateline_worker_glue::{now, post, scope};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

/// Why the analysis model could not be loaded.
#[derive(Debug)]
enum ModelLoadError {
    /// The request failed: offline, or the server is gone.
    Unreachable,
    /// The server answered with an error status.
    Http(u16),
    /// The response body could not be read.
    Unreadable,
    /// The bytes are not a model this engine reads.
    Damaged(NerModelError),
}

impl fmt::Display for ModelLoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelLoadError::Unreachable => f.write_str(
                "The analysis model could not be downloaded. Are you offline? Try again when connected.",
            ),
            ModelLoadError::Http(status) => write!(
                f,
                "The analysis model could not be downloaded (HTTP {status}). Try again later."
            ),
            ModelLoadError::Unreadable => {
                f.write_str("The analysis model could not be read. Try again.")
            }
            ModelLoadError::Damaged(error) => write!(
                f,
                "The analysis model is damaged ({error}). Reload the page to fetch it again."
            ),
        }
    }
}

async fn load_model() -> Result<NerModel, ModelLoadError> {
    let response: Response = JsFuture::from(scope().fetch_with_str(MODEL_URL))
        .await
        .map_err(|_| ModelLoadError::Unreachable)?
        .unchecked_into();
    if !response.ok() {
        return Err(ModelLoadError::Http(response.status()));
    }
    let buffer = response
        .array_buffer()
        .map_err(|_| ModelLoadError::Unreadable)?;
    let bytes = JsFuture::from(buffer)
        .await
        .map_err(|_| ModelLoadError::Unreadable)?;
    let bytes = js_sys::Uint8Array::new(&bytes).to_vec();
    NerModel::from_bytes(&bytes).map_err(ModelLoadError::Damaged)
}

async fn handle(request: AnalyzeRequest, analyzer: Rc<RefCell<Option<Rc<Analyzer>>>>) {
    let id = request.request;
    let existing = analyzer.borrow().clone();
    let ready = match existing {
        Some(ready) => ready,
        None => {
            post(&AnalyzeReply::Loading { request: id });
            match load_model().await {
                Ok(model) => {
                    let ready = Rc::new(Analyzer::new(Some(model)));
                    *analyzer.borrow_mut() = Some(Rc::clone(&ready));
                    ready
                }
                Err(error) => {
                    post(&AnalyzeReply::Failed {
                        request: id,
                        message: error.to_string(),
                    });
                    return;
                }
            }
        }
    };
    let source = ArticleSource {
        id: request.id,
        title: request.title,
        standfirst: request.standfirst,
        source: request.source,
        // A guessed date gives way to the text's own dateline, which the analysis then reads.
        published: if request.published_guessed && text_dateline(&request.paragraphs).is_some() {
            None
        } else {
            request.published
        },
        language: "en".to_string(),
        paragraphs: request.paragraphs,
        credit: None,
    };
    post(&AnalyzeReply::Analyzing { request: id });
    let started = now();
    let reply = match build_article_with(&source, &ready) {
        Ok(article) => AnalyzeReply::Done {
            request: id,
            article: Box::new(article),
            analysis_ms: now() - started,
        },
        Err(error) => AnalyzeReply::Failed {
            request: id,
            message: error.to_string(),
        },
    };
    post(&reply);
}

fn main() {
    let analyzer: Rc<RefCell<Option<Rc<Analyzer>>>> = Rc::default();
    dateline_worker_glue::serve(
        move |request| wasm_bindgen_futures::spawn_local(handle(request, Rc::clone(&analyzer))),
        |message| AnalyzeReply::Failed {
            request: 0,
            message,
        },
        &AnalyzeReply::Ready,
    );
}

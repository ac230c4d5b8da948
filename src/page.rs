//! Saved web pages as the Analyze page reads them: the page worker (`crates/page-worker`, its own
//! wasm module, loaded only when a reader brings a page) extracts the article with the same code
//! as `dateline extract`. The page's HTML is never put into the document: it is parsed in the
//! worker, so nothing in it runs or loads.
//!
//! One worker per page: it says `ready`, is sent one `ExtractRequest`, answers with one
//! `ExtractReply` (read field by field) and is terminated.

use std::fmt;

use dateline_format::page::Extracted;
use dateline_format::protocol::PAGE_WORKER_URL;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ErrorEvent, MessageEvent, Worker};

use crate::message::sentence;

/// The article of a page and the day its text's dateline names, if any.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    /// What the extractor found.
    pub page: Extracted,
    /// The day of the text's own dateline (`WASHINGTON, Dec. 10, 2016 —`), `YYYY-MM-DD`.
    pub dateline: Option<String>,
}

/// Why a page gave no article.
#[derive(Clone, Debug, PartialEq)]
pub enum PageError {
    /// The browser would not start the page worker.
    Unavailable,
    /// The page worker read the page and found no article in it (its reason).
    NoArticle(String),
    /// The worker stopped or sent something else than a reply.
    Stopped(String),
}

impl fmt::Display for PageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PageError::Unavailable => write!(
                f,
                "The page reader could not be started in this browser. Copy the article's text and paste it instead."
            ),
            PageError::NoArticle(why) => write!(
                f,
                "{} Copy the article's text and paste it instead.",
                sentence(why)
            ),
            PageError::Stopped(why) => write!(
                f,
                "The page reader stopped ({why}). Try again; if it keeps failing, paste the text instead."
            ),
        }
    }
}

/// Extracts the article from `html` in a new page worker, which is terminated afterwards.
pub async fn read_page(html: String) -> Result<Page, PageError> {
    let worker = Worker::new_with_options(PAGE_WORKER_URL, &web_sys::WorkerOptions::new())
        .map_err(|_| PageError::Unavailable)?;
    // An `ExtractRequest`, built by hand: serde's derive would weigh more in the reading app.
    let request = js_sys::Object::new();
    js_sys::Reflect::set(&request, &"request".into(), &1.into()).ok();
    js_sys::Reflect::set(&request, &"html".into(), &html.into()).ok();
    // The handlers must live until the promise settles: they are kept here, beyond the await.
    let mut handlers = None;
    let promise =
        js_sys::Promise::new(&mut |resolve: js_sys::Function, reject: js_sys::Function| {
            let (sender, request) = (worker.clone(), request.clone());
            let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let data = event.data();
                let status = js_sys::Reflect::get(&data, &"status".into()).ok();
                if status.and_then(|s| s.as_string()).as_deref() == Some("ready") {
                    // Messages posted before `ready` would be lost.
                    sender.post_message(&request).ok();
                } else {
                    resolve.call1(&JsValue::NULL, &data).ok();
                }
            });
            let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(move |event: ErrorEvent| {
                event.prevent_default();
                reject.call1(&JsValue::NULL, &event.message().into()).ok();
            });
            worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
            handlers = Some((on_message, on_error));
        });
    let settled = JsFuture::from(promise).await;
    worker.terminate();
    drop(handlers);
    let data = settled.map_err(|why| PageError::Stopped(why.as_string().unwrap_or_default()))?;
    // Read field by field: serde's derive for the reply would weigh more in the reading app.
    let text = |object: &JsValue, key: &str| {
        js_sys::Reflect::get(object, &key.into())
            .ok()
            .and_then(|v| v.as_string())
    };
    match text(&data, "status").as_deref() {
        Some("extracted") => {
            let page = js_sys::Reflect::get(&data, &"page".into()).unwrap_or_default();
            let paragraphs = js_sys::Reflect::get(&page, &"paragraphs".into())
                .ok()
                .and_then(|v| v.dyn_into::<js_sys::Array>().ok())
                .map(|a| a.iter().filter_map(|p| p.as_string()).collect())
                .unwrap_or_default();
            Ok(Page {
                page: Extracted {
                    title: text(&page, "title").unwrap_or_default(),
                    byline: text(&page, "byline"),
                    site_name: text(&page, "site_name"),
                    published: text(&page, "published"),
                    lang: text(&page, "lang"),
                    paragraphs,
                },
                dateline: text(&data, "dateline"),
            })
        }
        Some("extract_failed") => Err(PageError::NoArticle(
            text(&data, "message").unwrap_or_default(),
        )),
        _ => Err(PageError::Stopped("unreadable reply".into())),
    }
}

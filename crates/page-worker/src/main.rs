//! The page worker: extracts the article from a saved web page ([`ExtractRequest`] ->
//! [`ExtractReply`]) with the same code as `dateline extract`, off the main thread and in its own
//! WebAssembly module, so the page's HTML is never parsed by the document and neither the reading
//! app nor the analysis worker carries the extractor. Messages cross the JavaScript boundary as
//! plain objects through serde-wasm-bindgen.

use dateline_format::protocol::{ExtractReply, ExtractRequest};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn post(reply: &impl Serialize) {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    match reply.serialize(&serializer) {
        Ok(value) => {
            scope().post_message(&value).ok();
        }
        Err(error) => web_sys::console::error_1(&error.to_string().into()),
    }
}

fn now() -> f64 {
    scope().performance().map_or(0.0, |p| p.now())
}

/// Extracts the article from a page and answers at once.
fn extract(request: ExtractRequest) {
    let started = now();
    let reply = match dateline_extract::extract(&request.html) {
        Ok(page) => ExtractReply::Extracted {
            request: request.request,
            dateline: dateline_extract::text_dateline(&page.paragraphs),
            page,
            extract_ms: now() - started,
        },
        Err(error) => ExtractReply::ExtractFailed {
            request: request.request,
            message: error.to_string(),
        },
    };
    post(&reply);
}

fn main() {
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        match serde_wasm_bindgen::from_value::<ExtractRequest>(event.data()) {
            Ok(request) => extract(request),
            Err(error) => post(&ExtractReply::ExtractFailed {
                request: 0,
                message: format!("malformed request: {error}"),
            }),
        }
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page keeps it; so does its message handler.
    on_message.forget();
    post(&ExtractReply::Ready);
}

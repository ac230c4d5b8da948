//! What Dateline's two web workers (the analysis worker, `crates/worker`, and the page worker,
//! `crates/page-worker`) share: the worker's global scope, posting a reply, the clock, and the
//! message loop. Messages cross the JavaScript boundary as plain objects through
//! serde-wasm-bindgen.
#![deny(missing_docs)]

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// The worker's global scope.
pub fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// Posts `reply` to the page. Maps become plain objects, so the page reads
/// `reply.article.entities[0].name` directly.
pub fn post(reply: &impl Serialize) {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    match reply.serialize(&serializer) {
        Ok(value) => {
            scope().post_message(&value).ok();
        }
        Err(error) => web_sys::console::error_1(&error.to_string().into()),
    }
}

/// Milliseconds on the worker's clock.
pub fn now() -> f64 {
    scope().performance().map_or(0.0, |p| p.now())
}

/// Listens for requests for as long as the page keeps the worker: each message is read as an `R`
/// and given to `handle`; one that is not gets `malformed(why)` posted back. Then posts `ready`,
/// since a message the page posts before that would be lost.
pub fn serve<R, Reply>(
    handle: impl Fn(R) + 'static,
    malformed: impl Fn(String) -> Reply + 'static,
    ready: &impl Serialize,
) where
    R: DeserializeOwned,
    Reply: Serialize,
{
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        match serde_wasm_bindgen::from_value::<R>(event.data()) {
            Ok(request) => handle(request),
            Err(error) => post(&malformed(format!("malformed request: {error}"))),
        }
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page keeps it; so does its message handler.
    on_message.forget();
    post(ready);
}

//! Offline use: registers the service worker (`sw.js`, written at build time by
//! `scripts/service_worker.py`) that precaches the reading app, caches the analysis engine on
//! first use, and answers from the cache first.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Registers `sw.js` once the page has loaded, so precaching never competes with the first view.
///
/// The URL is relative, so the worker's scope is the directory `index.html` is served from and
/// sub-path hosting works. Where service workers are unavailable (an insecure origin, a browser
/// setting) the app simply stays online-only.
pub fn register_service_worker() {
    let window = gloo::utils::window();
    let navigator = window.navigator();
    let available = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker"))
        .map(|container| !container.is_undefined() && !container.is_null())
        .unwrap_or(false);
    if !available {
        return;
    }
    if gloo::utils::document().ready_state() == "complete" {
        register();
    } else {
        let on_load = Closure::once_into_js(register);
        window
            .add_event_listener_with_callback("load", on_load.unchecked_ref())
            .ok();
    }
}

fn register() {
    let promise = gloo::utils::window()
        .navigator()
        .service_worker()
        .register("sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(error) = wasm_bindgen_futures::JsFuture::from(promise).await {
            web_sys::console::warn_2(&"Dateline will not work offline:".into(), &error);
        }
    });
}

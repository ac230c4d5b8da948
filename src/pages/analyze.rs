//! The Analyze page: the reader pastes text or brings a file, the analysis worker reads it off the
//! main thread, and the result is kept in the browser and opened in the reading view.
//!
//! The form's fields are uncontrolled inputs read through `NodeRef`s, so nothing the reader typed
//! is ever reset by a re-render, and a 10 MB paste is not copied into Rust on every keystroke.

use std::cell::RefCell;
use std::rc::Rc;

use dateline_format::article::{is_valid_date, Article};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement, MessageEvent, Worker};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::article_view::ArticleView;
use crate::data::{parse_article, Shared};
use crate::engine::{AnalyzeReply, AnalyzeRequest, WORKER_URL};
use crate::import::{self, Imported, InputError};
use crate::route::{Route, Selection};
use crate::store;

/// Where an analysis stands.
#[derive(Clone, Debug, PartialEq)]
enum Status {
    Idle,
    /// The worker is starting.
    Starting,
    /// The worker is downloading the model.
    LoadingModel,
    /// The worker is analyzing.
    Analyzing,
    /// Reading a file.
    Reading,
    /// Refused input or a failed analysis; the form keeps its contents.
    Failed(String),
    /// Analyzed but not kept (the storage refused it): shown here so nothing is lost.
    Unsaved(Shared<Article>, String),
}

/// A running analysis: the worker and its handlers. Dropping it stops the worker (cancel, leaving
/// the page, a failure), unless `finish` has parked the worker for the next analysis.
struct Job {
    worker: Option<Worker>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::ErrorEvent)>,
}

impl Drop for Job {
    fn drop(&mut self) {
        if let Some(worker) = self.worker.take() {
            worker.terminate();
        }
    }
}

thread_local! {
    /// A worker that has answered its last request and has the model in memory: the next analysis
    /// in this page session uses it, so the model is downloaded and decoded once.
    static IDLE_WORKER: RefCell<Option<Worker>> = const { RefCell::new(None) };
    /// The last request number; replies to any other request are stale and ignored.
    static LAST_REQUEST: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// How a job ends: `Park` keeps its worker (which answered and is idle) for the next analysis.
#[derive(Clone, Copy)]
enum End {
    Park,
    Stop,
}

type JobSlot = Rc<RefCell<Option<Job>>>;

/// Today's date on the reader's clock, `YYYY-MM-DD`. Only the app reads the clock; the analysis
/// gets the date as an input.
fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// Keeps an article and opens it, or shows it here with the reason it could not be kept.
fn keep_and_open(article: Article, status: &UseStateHandle<Status>, navigator: &Option<Navigator>) {
    match store::save(&article) {
        Ok(()) => {
            status.set(Status::Idle);
            if let Some(navigator) = navigator {
                navigator.push(&Route::Mine { id: article.id });
            }
        }
        Err(error) => status.set(Status::Unsaved(
            Shared(Rc::new(article)),
            format!("The article was analyzed but not kept. {error} You can still read and export it below."),
        )),
    }
}

fn start_job(
    mut request: AnalyzeRequest,
    slot: JobSlot,
    status: UseStateHandle<Status>,
    navigator: Option<Navigator>,
) {
    let number = LAST_REQUEST.with(|last| {
        last.set(last.get().wrapping_add(1));
        last.get()
    });
    request.request = number;
    let idle = IDLE_WORKER.with(|idle| idle.borrow_mut().take());
    let reused = idle.is_some();
    let worker = match idle {
        Some(worker) => worker,
        None => match Worker::new_with_options(WORKER_URL, &web_sys::WorkerOptions::new()) {
            Ok(worker) => worker,
            Err(_) => {
                status.set(Status::Failed(
                    "The analysis engine could not be started in this browser.".into(),
                ));
                return;
            }
        },
    };
    let finish = {
        let slot = Rc::clone(&slot);
        // The handler that ends the job must not drop its own closure while it runs.
        move |end: End| {
            let slot = Rc::clone(&slot);
            wasm_bindgen_futures::spawn_local(async move {
                let Some(mut job) = slot.borrow_mut().take() else {
                    return;
                };
                if let (End::Park, Some(worker)) = (end, job.worker.take()) {
                    worker.set_onmessage(None);
                    worker.set_onerror(None);
                    IDLE_WORKER.with(|idle| *idle.borrow_mut() = Some(worker));
                }
            })
        }
    };
    let on_message = {
        let worker = worker.clone();
        let status = status.clone();
        let finish = finish.clone();
        let send = {
            let status = status.clone();
            let finish = finish.clone();
            move || match serde_wasm_bindgen::to_value(&request) {
                Ok(value) => {
                    worker.post_message(&value).ok();
                }
                Err(error) => {
                    status.set(Status::Failed(format!(
                        "The text could not be sent to the engine ({error})."
                    )));
                    finish(End::Stop);
                }
            }
        };
        if reused {
            send();
        }
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            match serde_wasm_bindgen::from_value::<AnalyzeReply>(event.data()) {
                Ok(AnalyzeReply::Ready) => send(),
                Ok(
                    AnalyzeReply::Loading { request }
                    | AnalyzeReply::Analyzing { request }
                    | AnalyzeReply::Done { request, .. }
                    | AnalyzeReply::Failed { request, .. },
                ) if request != number => {}
                Ok(AnalyzeReply::Loading { .. }) => status.set(Status::LoadingModel),
                Ok(AnalyzeReply::Analyzing { .. }) => status.set(Status::Analyzing),
                Ok(AnalyzeReply::Done { article, .. }) => {
                    finish(End::Park);
                    keep_and_open(*article, &status, &navigator.clone());
                }
                Ok(AnalyzeReply::Failed { message, .. }) => {
                    // The worker answered and stays usable (a model that failed to download is
                    // fetched again on its next request).
                    finish(End::Park);
                    status.set(Status::Failed(format!("The analysis failed: {message}.")));
                }
                Err(error) => {
                    finish(End::Stop);
                    status.set(Status::Failed(format!(
                        "The engine sent an unreadable reply ({error})."
                    )));
                }
            }
        })
    };
    let on_error = {
        let status = status.clone();
        Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(move |event: web_sys::ErrorEvent| {
            event.prevent_default();
            finish(End::Stop);
            status.set(Status::Failed(format!(
                "The analysis engine stopped ({}). Try again; if it keeps failing, reload the page.",
                event.message()
            )));
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    status.set(if reused {
        Status::Analyzing
    } else {
        Status::Starting
    });
    *slot.borrow_mut() = Some(Job {
        worker: Some(worker),
        _on_message: on_message,
        _on_error: on_error,
    });
}

/// Paste or bring a file, then analyze.
#[function_component(AnalyzePage)]
pub fn analyze_page() -> Html {
    let navigator = use_navigator();
    let status = use_state(|| Status::Idle);
    let job: JobSlot = use_mut_ref(|| None);
    let selection = use_state(|| Selection::None);
    let text_ref = use_node_ref();
    let title_ref = use_node_ref();
    let source_ref = use_node_ref();
    let date_ref = use_node_ref();
    let file_ref = use_node_ref();
    let dragging = use_state(|| false);

    {
        let date_ref = date_ref.clone();
        let job = Rc::clone(&job);
        use_effect_with((), move |_| {
            gloo::utils::document().set_title("Analyze your own article — Dateline");
            gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
            if let Some(input) = date_ref.cast::<HtmlInputElement>() {
                input.set_value(&today());
            }
            // Leaving the page stops an analysis in progress.
            move || drop(job.borrow_mut().take())
        });
    }

    let value = |node: &NodeRef| -> String {
        node.cast::<HtmlInputElement>()
            .map(|i| i.value())
            .or_else(|| node.cast::<HtmlTextAreaElement>().map(|t| t.value()))
            .unwrap_or_default()
    };

    let on_submit = {
        let (text_ref, title_ref, source_ref, date_ref) = (
            text_ref.clone(),
            title_ref.clone(),
            source_ref.clone(),
            date_ref.clone(),
        );
        let status = status.clone();
        let job = Rc::clone(&job);
        let navigator = navigator.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if job.borrow().is_some() {
                return;
            }
            let text = value(&text_ref);
            if let Err(error) = import::check_text(&text) {
                status.set(Status::Failed(error.to_string()));
                return;
            }
            let published = value(&date_ref);
            if !is_valid_date(&published) {
                status.set(Status::Failed(InputError::BadDate.to_string()));
                return;
            }
            let mut paragraphs = import::paragraphs(&text);
            let mut title = value(&title_ref).trim().to_string();
            if title.is_empty() {
                // A short first block of a paste is its headline.
                title = match paragraphs.first() {
                    Some(first)
                        if paragraphs.len() > 1 && first.split_whitespace().count() <= 20 =>
                    {
                        paragraphs.remove(0)
                    }
                    _ => "Untitled article".to_string(),
                };
            }
            let request = AnalyzeRequest {
                request: 0, // numbered by start_job
                id: store::new_id(),
                title,
                standfirst: String::new(),
                source: value(&source_ref).trim().to_string(),
                published,
                paragraphs,
            };
            start_job(request, Rc::clone(&job), status.clone(), navigator.clone());
        })
    };

    let on_cancel = {
        let job = Rc::clone(&job);
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            drop(job.borrow_mut().take());
            status.set(Status::Failed(
                "Analysis cancelled. Your text is still here.".into(),
            ));
        })
    };

    let load_file = {
        let (text_ref, title_ref) = (text_ref.clone(), title_ref.clone());
        let status = status.clone();
        let navigator = navigator.clone();
        Rc::new(move |file: web_sys::File| {
            let (text_ref, title_ref) = (text_ref.clone(), title_ref.clone());
            let status = status.clone();
            let navigator = navigator.clone();
            let name = file.name();
            status.set(Status::Reading);
            wasm_bindgen_futures::spawn_local(async move {
                let bytes = match import::read_file(file).await {
                    Ok(bytes) => bytes,
                    Err(error) => {
                        status.set(Status::Failed(error.to_string()));
                        return;
                    }
                };
                match import::import_file(&name, &bytes) {
                    Err(error) => status.set(Status::Failed(format!("{name}: {error}"))),
                    Ok(Imported::ArticleJson(json)) => match parse_article(&json) {
                        Err(error) => status.set(Status::Failed(format!("{name}: {error}"))),
                        Ok(mut article) => {
                            // Opening the same file twice opens the kept copy; a different article
                            // with a taken id is kept under a new one.
                            match store::load(&article.id) {
                                Ok(kept) if kept == article => {
                                    status.set(Status::Idle);
                                    if let Some(navigator) = &navigator {
                                        navigator.push(&Route::Mine { id: article.id });
                                    }
                                    return;
                                }
                                Err(_) if !store::contains(&article.id) => {}
                                _ => article.id = store::new_id(),
                            }
                            keep_and_open(article, &status, &navigator);
                        }
                    },
                    Ok(Imported::Text { title, text }) => {
                        if let Err(error) = import::check_text(&text) {
                            status.set(Status::Failed(format!("{name}: {error}")));
                            return;
                        }
                        if let Some(area) = text_ref.cast::<HtmlTextAreaElement>() {
                            area.set_value(&text);
                        }
                        if let (Some(title), Some(input)) =
                            (title, title_ref.cast::<HtmlInputElement>())
                        {
                            if input.value().trim().is_empty() {
                                input.set_value(&title);
                            }
                        }
                        status.set(Status::Idle);
                    }
                }
            });
        })
    };

    let on_file = {
        let load_file = Rc::clone(&load_file);
        Callback::from(move |event: Event| {
            let Some(input) = event.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                load_file(file);
            }
            // Choosing the same file again must fire `change` again.
            input.set_value("");
        })
    };
    let on_drop = {
        let load_file = Rc::clone(&load_file);
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(false);
            if let Some(file) = event
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0))
            {
                load_file(file);
            }
        })
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            if !*dragging {
                dragging.set(true);
            }
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };

    let busy = matches!(
        *status,
        Status::Starting | Status::LoadingModel | Status::Analyzing | Status::Reading
    );
    let progress = match &*status {
        Status::Starting => Some(("Starting the analysis engine…", None)),
        Status::LoadingModel => Some(("Loading the analysis model (first time only)…", Some("1"))),
        Status::Analyzing => Some(("Analyzing the text…", Some("2"))),
        Status::Reading => Some(("Reading the file…", None)),
        _ => None,
    };
    let message = match &*status {
        Status::Failed(message) => {
            html! { <p class="form-error" role="alert" data-analyze-error="true">{message}</p> }
        }
        Status::Unsaved(_, message) => {
            html! { <p class="form-error" role="alert" data-analyze-error="true">{message}</p> }
        }
        _ => html! {},
    };
    let unsaved = match &*status {
        Status::Unsaved(article, _) => {
            let selection_state = selection.clone();
            let on_select = Callback::from(move |next: Selection| selection_state.set(next));
            html! { <ArticleView article={article.clone()} selection={(*selection).clone()} {on_select} /> }
        }
        _ => html! {},
    };

    html! {
        <>
        <section class="analyze" aria-labelledby="analyze-title">
            <h1 id="analyze-title">{"Analyze your own article"}</h1>
            <p class="lede">{"Paste a news article or open a file. Dateline finds its names and dated events right here in your browser — the text never leaves this device — and keeps the result in this browser."}</p>
            <form class="analyze-form" onsubmit={on_submit} aria-busy={busy.to_string()}>
                <div class={classes!("drop-zone", dragging.then_some("dragging"))}
                    ondragover={on_drag_over} ondragleave={on_drag_leave} ondrop={on_drop}>
                    <label for="analyze-text">{"Article text"}</label>
                    <textarea id="analyze-text" ref={text_ref} rows="12" spellcheck="false"
                        placeholder="Paste the article here: paragraphs separated by blank lines. If you leave the title empty, a short first line is taken as the headline." />
                    <p class="file-line">
                        <label for="analyze-file" class="tool">{"Choose a file…"}</label>
                        <input id="analyze-file" class="visually-hidden" type="file" ref={file_ref}
                            accept=".txt,.md,.markdown,.html,.htm,.json,text/plain,text/markdown,text/html,application/json"
                            onchange={on_file} />
                        <span class="hint">{"or drop one here: .txt, .md, .html (its text is extracted), or a Dateline .json export (opened directly)."}</span>
                    </p>
                </div>
                <div class="fields">
                    <p>
                        <label for="analyze-title-input">{"Title"}</label>
                        <input id="analyze-title-input" type="text" ref={title_ref} maxlength="300" placeholder="Optional" />
                    </p>
                    <p>
                        <label for="analyze-source">{"Source"}</label>
                        <input id="analyze-source" type="text" ref={source_ref} maxlength="200" placeholder="Optional, e.g. the publication" />
                    </p>
                    <p>
                        <label for="analyze-date">{"Publication date"}</label>
                        <input id="analyze-date" type="date" ref={date_ref} required=true aria-describedby="date-note" />
                        <span id="date-note" class="hint">{"Relative dates in the text (“yesterday”, “in November”) are worked out from this date. It starts as today."}</span>
                    </p>
                </div>
                <p class="actions">
                    <button type="submit" class="tool primary" disabled={busy} data-action="analyze">{"Analyze"}</button>
                    if busy && *status != Status::Reading {
                        <button type="button" class="tool" data-action="cancel" onclick={on_cancel}>{"Cancel"}</button>
                    }
                </p>
                if let Some((label, step)) = progress {
                    <div class="progress" role="status" data-progress={step.unwrap_or("0")}>
                        <span class="spinner" aria-hidden="true"></span>{label}
                    </div>
                }
                { message }
                <p class="hint">{format!("Up to {} characters at a time. Articles are kept in this browser's storage (about 5 MB in all).", "1,000,000")}</p>
            </form>
        </section>
        { unsaved }
        </>
    }
}

//! The analysis engine as the reading app sees it: a web worker (`crates/worker`) that speaks
//! [`dateline_format::protocol`], behind the [`use_engine`] hook. The engine's code is never linked
//! into the reading app.
//!
//! The worker says `ready` first; a message posted before that would be lost. Then, per request:
//! `loading` (first request only, while the model downloads), `analyzing`, and `done` or `failed`.
//! One worker serves a page session: after a reply it is parked, model in memory, in the
//! [`EngineSession`] the app owns and hands down, so the model is downloaded once; cancelling, unmounting the
//! component mid-analysis or a worker error terminates it, and the next analysis starts a new one.
//! Requests are numbered and replies to another request are ignored.

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

use dateline_format::article::Article;
pub use dateline_format::protocol::{AnalyzeReply, AnalyzeRequest, WORKER_URL};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker};
use yew::prelude::*;

use crate::message::sentence;

/// How far the current analysis has got.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// No analysis is running.
    Idle,
    /// The worker is starting.
    Starting,
    /// The worker is downloading the model (first analysis of a page session only).
    LoadingModel,
    /// The worker is analyzing.
    Analyzing,
}

/// Why an analysis did not produce an article.
#[derive(Clone, Debug, PartialEq)]
pub enum EngineError {
    /// The browser would not start the worker.
    Unavailable,
    /// The request could not be handed to the worker.
    NotSent(String),
    /// The worker answered that the analysis failed (bad metadata, the model did not load), with
    /// its message for the reader.
    Failed(String),
    /// The worker's reply was not a reply of the protocol.
    UnreadableReply(String),
    /// The worker stopped with an error.
    Stopped(String),
}

impl fmt::Display for EngineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EngineError::Unavailable => write!(
                f,
                "The analysis engine could not be started in this browser. Reload the page and try again."
            ),
            EngineError::NotSent(why) => write!(
                f,
                "The text could not be sent to the engine ({why}). Try again; if it keeps failing, reload the page."
            ),
            EngineError::Failed(why) => write!(f, "The analysis failed. {}", sentence(why)),
            EngineError::UnreadableReply(why) => write!(
                f,
                "The engine sent an unreadable reply ({why}). Reload the page and try again."
            ),
            EngineError::Stopped(why) => write!(
                f,
                "The analysis engine stopped ({why}). Try again; if it keeps failing, reload the page."
            ),
        }
    }
}

/// What outlives one analysis in a page session: the idle worker (model in memory) and the last
/// request number. The app owns one and passes it down to the page that calls [`use_engine`].
#[derive(Clone, Default)]
pub struct EngineSession(Rc<RefCell<Session>>);

#[derive(Default)]
struct Session {
    idle: Option<Worker>,
    last_request: u32,
}

impl PartialEq for EngineSession {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// A running analysis: the worker and its handlers. Dropping it stops the worker (cancel,
/// unmounting), unless [`Engine::finish`] has parked or stopped the worker first.
struct Job {
    worker: Option<Worker>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(ErrorEvent)>,
}

impl Drop for Job {
    fn drop(&mut self) {
        if let Some(worker) = self.worker.take() {
            worker.terminate();
        }
    }
}

/// How a job ends: `Park` keeps its worker (which answered and is idle) for the next analysis.
#[derive(Clone, Copy)]
enum End {
    Park,
    Stop,
}

/// The analysis engine as one component uses it: [`Engine::analyze`], [`Engine::cancel`] and the
/// [`Engine::progress`] of the current analysis.
#[derive(Clone)]
pub struct Engine {
    session: EngineSession,
    job: Rc<RefCell<Option<Job>>>,
    progress: UseStateHandle<Progress>,
}

/// The analysis engine for this component, working in the page session's `session`. Leaving the
/// component mid-analysis stops the analysis; the idle worker stays with the session.
#[hook]
pub fn use_engine(session: &EngineSession) -> Engine {
    let session = session.clone();
    let job = use_mut_ref(|| None::<Job>);
    let progress = use_state(|| Progress::Idle);
    {
        let job = Rc::clone(&job);
        use_effect_with((), move |_| move || drop(job.borrow_mut().take()));
    }
    Engine {
        session,
        job,
        progress,
    }
}

impl Engine {
    /// How far the current analysis has got.
    pub fn progress(&self) -> Progress {
        *self.progress
    }

    /// True while an analysis runs (current even in a callback made at an earlier render).
    pub fn is_busy(&self) -> bool {
        self.job.borrow().is_some()
    }

    /// Stops the current analysis, if any; its worker is terminated.
    pub fn cancel(&self) {
        drop(self.job.borrow_mut().take());
        self.progress.set(Progress::Idle);
    }

    /// Analyzes a text in the worker (the parked one, or a new one) and reports the article or the
    /// error through `on_result`. The request is numbered here; a running analysis is replaced.
    pub fn analyze(
        &self,
        mut request: AnalyzeRequest,
        on_result: Callback<Result<Article, EngineError>>,
    ) {
        drop(self.job.borrow_mut().take());
        let number = {
            let mut session = self.session.0.borrow_mut();
            session.last_request = session.last_request.wrapping_add(1);
            session.last_request
        };
        request.request = number;
        let idle = self.session.0.borrow_mut().idle.take();
        let reused = idle.is_some();
        let worker = match idle {
            Some(worker) => worker,
            None => match Worker::new_with_options(WORKER_URL, &web_sys::WorkerOptions::new()) {
                Ok(worker) => worker,
                Err(_) => return on_result.emit(Err(EngineError::Unavailable)),
            },
        };
        let send = {
            let (engine, worker, on_result) = (self.clone(), worker.clone(), on_result.clone());
            move || match serde_wasm_bindgen::to_value(&request) {
                Ok(value) => {
                    worker.post_message(&value).ok();
                }
                Err(error) => engine.fail(EngineError::NotSent(error.to_string()), &on_result),
            }
        };
        let on_message = self.on_message(number, send.clone(), on_result.clone());
        let on_error = {
            let engine = self.clone();
            Closure::<dyn FnMut(ErrorEvent)>::new(move |event: ErrorEvent| {
                event.prevent_default();
                engine.fail(EngineError::Stopped(event.message()), &on_result);
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        self.progress.set(if reused {
            Progress::Analyzing
        } else {
            Progress::Starting
        });
        *self.job.borrow_mut() = Some(Job {
            worker: Some(worker),
            _on_message: on_message,
            _on_error: on_error,
        });
        // A parked worker is ready at once; a new one says so first.
        if reused {
            send();
        }
    }

    /// The worker's message handler for request `number`: sends the request once the worker is
    /// ready, follows its progress, and ends the job with its result.
    fn on_message(
        &self,
        number: u32,
        send: impl Fn() + 'static,
        on_result: Callback<Result<Article, EngineError>>,
    ) -> Closure<dyn FnMut(MessageEvent)> {
        let engine = self.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            match serde_wasm_bindgen::from_value::<AnalyzeReply>(event.data()) {
                Ok(AnalyzeReply::Ready) => send(),
                Ok(
                    AnalyzeReply::Loading { request }
                    | AnalyzeReply::Analyzing { request }
                    | AnalyzeReply::Done { request, .. }
                    | AnalyzeReply::Failed { request, .. },
                ) if request != number => {}
                Ok(AnalyzeReply::Loading { .. }) => engine.progress.set(Progress::LoadingModel),
                Ok(AnalyzeReply::Analyzing { .. }) => engine.progress.set(Progress::Analyzing),
                Ok(AnalyzeReply::Done { article, .. }) => {
                    engine.finish(End::Park);
                    on_result.emit(Ok(*article));
                }
                // The worker answered and stays usable (a model that failed to download is
                // fetched again on its next request).
                Ok(AnalyzeReply::Failed { message, .. }) => {
                    engine.finish(End::Park);
                    on_result.emit(Err(EngineError::Failed(message)));
                }
                Err(error) => {
                    engine.fail(EngineError::UnreadableReply(error.to_string()), &on_result)
                }
            }
        })
    }

    /// Ends the job, stopping its worker, and reports the error.
    fn fail(&self, error: EngineError, on_result: &Callback<Result<Article, EngineError>>) {
        self.finish(End::Stop);
        on_result.emit(Err(error));
    }

    /// Ends the job: parks its worker for the next analysis, or stops it. The worker is parked
    /// at once, so a component that unmounts right after (the article opens) cannot stop it.
    fn finish(&self, end: End) {
        self.progress.set(Progress::Idle);
        let Some(mut job) = self.job.borrow_mut().take() else {
            return;
        };
        match (end, job.worker.take()) {
            (End::Park, Some(worker)) => {
                worker.set_onmessage(None);
                worker.set_onerror(None);
                self.session.0.borrow_mut().idle = Some(worker);
            }
            (End::Stop, Some(worker)) => worker.terminate(),
            (_, None) => {}
        }
        // The handler that ends the job is one of its closures: drop them once it has returned.
        wasm_bindgen_futures::spawn_local(async move { drop(job) });
    }
}

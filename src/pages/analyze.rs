//! The Analyze page: the reader pastes text or brings a file, the analysis engine
//! ([`crate::engine`]) reads it off the main thread, and the result is kept in the browser with
//! the reader's articles and opened in the reading view.
//!
//! The form's fields are uncontrolled inputs read through `NodeRef`s, so nothing the reader typed
//! is ever reset by a re-render, and a 10 MB paste is not copied into Rust on every keystroke.

use std::rc::Rc;

use dateline_format::article::{is_valid_date, Article};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::article_view::ArticleView;
use crate::data::{parse_article, Shared};
use crate::engine::{use_engine, AnalyzeRequest, EngineError, EngineSession, Progress};
use crate::import::{self, Imported, InputError};
use crate::route::{Route, Selection};
use crate::store;

/// What the page shows besides the engine's progress.
#[derive(Clone, Debug, PartialEq)]
enum Status {
    Idle,
    /// Reading a file.
    Reading,
    /// Refused input, a failed or cancelled analysis; the form keeps its contents.
    Failed(String),
    /// Analyzed but not saved (the storage refused it): shown here so nothing is lost.
    Unsaved(Shared<Article>, String),
}

/// The form's fields.
#[derive(Clone)]
struct Fields {
    text: NodeRef,
    title: NodeRef,
    source: NodeRef,
    date: NodeRef,
}

impl Fields {
    fn value(node: &NodeRef) -> String {
        node.cast::<HtmlInputElement>()
            .map(|i| i.value())
            .or_else(|| node.cast::<HtmlTextAreaElement>().map(|t| t.value()))
            .unwrap_or_default()
    }

    /// The analysis the form asks for, or why it is refused.
    fn request(&self) -> Result<AnalyzeRequest, InputError> {
        let text = Self::value(&self.text);
        import::check_text(&text)?;
        let published = Self::value(&self.date);
        if !is_valid_date(&published) {
            return Err(InputError::BadDate);
        }
        let mut paragraphs = import::paragraphs(&text);
        let mut title = Self::value(&self.title).trim().to_string();
        if title.is_empty() {
            // A short first block of a paste is its headline.
            title = match paragraphs.first() {
                Some(first) if paragraphs.len() > 1 && first.split_whitespace().count() <= 20 => {
                    paragraphs.remove(0)
                }
                _ => "Untitled article".to_string(),
            };
        }
        Ok(AnalyzeRequest {
            request: 0, // numbered by the engine
            id: store::new_id(),
            title,
            standfirst: String::new(),
            source: Self::value(&self.source).trim().to_string(),
            published,
            paragraphs,
        })
    }

    /// Puts a file's text into the form, and its title unless the reader typed one.
    fn fill(&self, title: Option<String>, text: &str) {
        if let Some(area) = self.text.cast::<HtmlTextAreaElement>() {
            area.set_value(text);
        }
        if let (Some(title), Some(input)) = (title, self.title.cast::<HtmlInputElement>()) {
            if input.value().trim().is_empty() {
                input.set_value(&title);
            }
        }
    }
}

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

/// Saves an article with the reader's and opens it, or shows it here with the reason it could not
/// be saved.
fn save_and_open(article: Article, status: &UseStateHandle<Status>, navigator: &Option<Navigator>) {
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

/// Opens a Dateline article file: the stored copy when it is the same article, else it is saved
/// (under a new id when its id is taken by another article).
fn open_article_file(
    mut article: Article,
    status: &UseStateHandle<Status>,
    navigator: &Option<Navigator>,
) {
    match store::load(&article.id) {
        Ok(stored) if stored == article => {
            status.set(Status::Idle);
            if let Some(navigator) = navigator {
                navigator.push(&Route::Mine { id: article.id });
            }
            return;
        }
        Err(_) if !store::contains(&article.id) => {}
        _ => article.id = store::new_id(),
    }
    save_and_open(article, status, navigator);
}

/// Reads a file the reader chose or dropped: text goes into the form, an article file is opened.
fn open_file(
    file: web_sys::File,
    fields: Fields,
    status: UseStateHandle<Status>,
    navigator: Option<Navigator>,
) {
    let name = file.name();
    status.set(Status::Reading);
    wasm_bindgen_futures::spawn_local(async move {
        let imported = match import::read_file(file).await {
            Ok(bytes) => import::import_file(&name, &bytes),
            Err(error) => return status.set(Status::Failed(error.to_string())),
        };
        match imported {
            Err(error) => status.set(Status::Failed(format!("{name}: {error}"))),
            Ok(Imported::ArticleJson(json)) => match parse_article(&json) {
                Err(error) => status.set(Status::Failed(format!("{name}: {error}"))),
                Ok(article) => open_article_file(article, &status, &navigator),
            },
            Ok(Imported::Text { title, text }) => match import::check_text(&text) {
                Err(error) => status.set(Status::Failed(format!("{name}: {error}"))),
                Ok(()) => {
                    fields.fill(title, &text);
                    status.set(Status::Idle);
                }
            },
        }
    });
}

/// The progress line: the file being read, or how far the analysis has got.
fn progress_line(status: &Status, progress: Progress) -> Html {
    let (label, step) = match (status, progress) {
        (Status::Reading, _) => ("Reading the file…", "0"),
        (_, Progress::Idle) => return html! {},
        (_, Progress::Starting) => ("Starting the analysis engine…", "0"),
        (_, Progress::LoadingModel) => ("Loading the analysis model (first time only)…", "1"),
        (_, Progress::Analyzing) => ("Analyzing the text…", "2"),
    };
    html! {
        <div class="progress" role="status" data-progress={step}>
            <span class="spinner" aria-hidden="true"></span>{label}
        </div>
    }
}

/// The text box, which takes a dropped file, and the file chooser.
fn drop_zone(
    text: &NodeRef,
    dragging: &UseStateHandle<bool>,
    load_file: impl Fn(Option<web_sys::File>) + Clone + 'static,
) -> Html {
    let on_file = {
        let load_file = load_file.clone();
        Callback::from(move |event: Event| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                load_file(input.files().and_then(|files| files.get(0)));
                // Choosing the same file again must fire `change` again.
                input.set_value("");
            }
        })
    };
    let on_drop = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(false);
            let files = event.data_transfer().and_then(|d| d.files());
            load_file(files.and_then(|f| f.get(0)));
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
    html! {
        <div class={classes!("drop-zone", dragging.then_some("dragging"))}
            ondragover={on_drag_over} ondragleave={on_drag_leave} ondrop={on_drop}>
            <label for="analyze-text">{"Article text"}</label>
            <textarea id="analyze-text" ref={text} rows="12" spellcheck="false"
                placeholder="Paste the article here: paragraphs separated by blank lines. If you leave the title empty, a short first line is taken as the headline." />
            <p class="file-line">
                <label for="analyze-file" class="tool">{"Choose a file…"}</label>
                <input id="analyze-file" class="visually-hidden" type="file"
                    accept=".txt,.md,.markdown,.html,.htm,.json,text/plain,text/markdown,text/html,application/json"
                    onchange={on_file} />
                <span class="hint">{"or drop one here: .txt, .md, .html (its text is extracted), or a Dateline .json export (opened directly)."}</span>
            </p>
        </div>
    }
}

/// Title, source and publication date.
fn metadata_fields(fields: &Fields) -> Html {
    html! {
        <div class="fields">
            <p>
                <label for="analyze-title-input">{"Title"}</label>
                <input id="analyze-title-input" type="text" ref={fields.title.clone()} maxlength="300" placeholder="Optional" />
            </p>
            <p>
                <label for="analyze-source">{"Source"}</label>
                <input id="analyze-source" type="text" ref={fields.source.clone()} maxlength="200" placeholder="Optional, e.g. the publication" />
            </p>
            <p>
                <label for="analyze-date">{"Publication date"}</label>
                <input id="analyze-date" type="date" ref={fields.date.clone()} required=true aria-describedby="date-note" />
                <span id="date-note" class="hint">{"Relative dates in the text (“yesterday”, “in November”) are worked out from this date. It starts as today."}</span>
            </p>
        </div>
    }
}

/// Props of [`AnalyzePage`].
#[derive(Properties, PartialEq)]
pub struct AnalyzeProps {
    /// The page session's analysis engine, which outlives this page.
    pub engine: EngineSession,
}

/// Paste or bring a file, then analyze.
#[function_component(AnalyzePage)]
pub fn analyze_page(props: &AnalyzeProps) -> Html {
    let navigator = use_navigator();
    let engine = use_engine(&props.engine);
    let status = use_state(|| Status::Idle);
    let selection = use_state(|| Selection::None);
    let fields = Fields {
        text: use_node_ref(),
        title: use_node_ref(),
        source: use_node_ref(),
        date: use_node_ref(),
    };
    let dragging = use_state(|| false);

    {
        let date = fields.date.clone();
        use_effect_with((), move |_| {
            gloo::utils::document().set_title("Analyze your own article — Dateline");
            gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
            if let Some(input) = date.cast::<HtmlInputElement>() {
                input.set_value(&today());
            }
        });
    }

    let on_submit = {
        let (engine, fields, status) = (engine.clone(), fields.clone(), status.clone());
        let on_result = {
            let (status, navigator) = (status.clone(), navigator.clone());
            Callback::from(move |result: Result<Article, EngineError>| match result {
                Ok(article) => save_and_open(article, &status, &navigator),
                Err(error) => status.set(Status::Failed(error.to_string())),
            })
        };
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if engine.is_busy() {
                return;
            }
            match fields.request() {
                Ok(request) => {
                    status.set(Status::Idle);
                    engine.analyze(request, on_result.clone());
                }
                Err(error) => status.set(Status::Failed(error.to_string())),
            }
        })
    };
    let on_cancel = {
        let (engine, status) = (engine.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            engine.cancel();
            status.set(Status::Failed(
                "Analysis cancelled. Your text is still here.".into(),
            ));
        })
    };
    let load_file = {
        let (fields, status) = (fields.clone(), status.clone());
        // Text goes into the form, an article file is opened.
        move |file: Option<web_sys::File>| {
            if let Some(file) = file {
                open_file(file, fields.clone(), status.clone(), navigator.clone());
            }
        }
    };
    let reading = *status == Status::Reading;
    let analyzing = engine.progress() != Progress::Idle;
    let busy = reading || analyzing;
    let (message, unsaved) = match &*status {
        Status::Failed(message) => (Some(message), None),
        Status::Unsaved(article, message) => (Some(message), Some(article)),
        _ => (None, None),
    };
    let on_select = {
        let selection = selection.clone();
        Callback::from(move |next: Selection| selection.set(next))
    };

    html! {
        <>
        <section class="analyze" aria-labelledby="analyze-title">
            <h1 id="analyze-title">{"Analyze your own article"}</h1>
            <p class="lede">{"Paste a news article or open a file. Dateline finds its names and dated events right here in your browser — the text never leaves this device — and keeps the result in this browser."}</p>
            <form class="analyze-form" onsubmit={on_submit} aria-busy={busy.to_string()}>
                { drop_zone(&fields.text, &dragging, load_file) }
                { metadata_fields(&fields) }
                <p class="actions">
                    <button type="submit" class="tool primary" disabled={busy} data-action="analyze">{"Analyze"}</button>
                    if analyzing && !reading {
                        <button type="button" class="tool" data-action="cancel" onclick={on_cancel}>{"Cancel"}</button>
                    }
                </p>
                { progress_line(&status, engine.progress()) }
                if let Some(message) = message {
                    <p class="form-error" role="alert" data-analyze-error="true">{message}</p>
                }
                <p class="hint">{format!("Up to {} characters at a time. Articles are kept in this browser's storage (about 5 MB in all).", "1,000,000")}</p>
            </form>
        </section>
        if let Some(article) = unsaved {
            <ArticleView article={article.clone()} selection={(*selection).clone()} {on_select} />
        }
        </>
    }
}

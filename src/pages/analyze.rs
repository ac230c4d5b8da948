//! The Analyze page: the reader pastes text or brings a file, the analysis engine
//! ([`crate::engine`]) reads it off the main thread, and the result is kept in the browser with
//! the reader's articles and opened in the reading view.
//!
//! The form's fields are uncontrolled inputs read through `NodeRef`s, so nothing the reader typed
//! is ever reset by a re-render, and a 10 MB paste is not copied into Rust on every keystroke.

use std::rc::Rc;

use dateline_format::article::{is_valid_date, Article};
use dateline_format::page::Extracted;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::article_view::ArticleView;
use crate::data::{parse_article, Shared};
use crate::engine::{use_engine, AnalyzeRequest, EngineError, EngineSession, Progress};
use crate::import::{self, Imported, InputError};
use crate::page::{read_page, Page, PageError};
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

/// Where a value the page filled in came from, shown next to its field (`data-origin`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Origin {
    /// The page's own headline.
    Page,
    /// The page's metadata (site name, publication date).
    Metadata,
    /// The dateline at the start of the text.
    Dateline,
    /// Not in the page: today on the reader's clock.
    Today,
}

impl Origin {
    fn code(self) -> &'static str {
        match self {
            Origin::Page => "page",
            Origin::Metadata => "metadata",
            Origin::Dateline => "dateline",
            Origin::Today => "today",
        }
    }

    fn note(self) -> &'static str {
        match self {
            Origin::Page => "from the page",
            Origin::Metadata => "from the page's metadata",
            Origin::Dateline => "from the text's dateline",
            Origin::Today => "today — not in the page; check it",
        }
    }
}

/// Where each filled-in value came from; a field the reader edits loses its note.
#[derive(Clone, Debug, Default, PartialEq)]
struct Origins {
    title: Option<Origin>,
    source: Option<Origin>,
    date: Option<Origin>,
    /// The page's language, when it says it is not English.
    language: Option<String>,
}

/// A page's paragraphs without its headline when the text repeats it first.
pub(crate) fn body(page: &Extracted) -> &[String] {
    match page.paragraphs.split_first() {
        Some((first, rest)) if !rest.is_empty() && first.trim() == page.title.trim() => rest,
        _ => &page.paragraphs,
    }
}

/// Marks the date field while it holds the date the page filled in as a guess (today), not one
/// the reader or the page's metadata gave: a dateline in the text then wins over it.
const GUESSED_DATE: &str = "data-guessed";

impl Fields {
    /// Puts a guessed date (today) in the date field, or a given one.
    fn set_date(&self, value: &str, guessed: bool) {
        Self::set(&self.date, value);
        if let Some(input) = self.date.cast::<HtmlInputElement>() {
            if guessed {
                input.set_attribute(GUESSED_DATE, "today").ok();
            } else {
                input.remove_attribute(GUESSED_DATE).ok();
            }
        }
    }

    fn set(node: &NodeRef, value: &str) {
        if let Some(input) = node.cast::<HtmlInputElement>() {
            input.set_value(value);
        }
    }

    /// Fills the form from a page the reader opened: the text, and every value the page gives,
    /// saying where each came from. The form is left as it was if the text is refused.
    fn fill_from_page(&self, read: &Page) -> Result<Origins, InputError> {
        let page = &read.page;
        let text = body(page).join("\n\n");
        import::check_text(&text)?;
        if let Some(area) = self.text.cast::<HtmlTextAreaElement>() {
            area.set_value(&text);
        }
        let mut origins = Origins::default();
        if !page.title.trim().is_empty() {
            Self::set(&self.title, page.title.trim());
            origins.title = Some(Origin::Page);
        }
        if let Some(site) = page.site_name.as_deref().filter(|s| !s.trim().is_empty()) {
            Self::set(&self.source, site.trim());
            origins.source = Some(Origin::Metadata);
        }
        let (date, origin) = match (&page.published, &read.dateline) {
            (Some(date), _) if is_valid_date(date) => (date.clone(), Origin::Metadata),
            (_, Some(date)) if is_valid_date(date) => (date.clone(), Origin::Dateline),
            _ => (today(), Origin::Today),
        };
        // A date read from the dateline is re-read by the analysis, which marks it as inferred.
        self.set_date(&date, matches!(origin, Origin::Today | Origin::Dateline));
        origins.date = Some(origin);
        origins.language = page
            .lang
            .clone()
            .filter(|lang| !lang.trim().is_empty() && !lang.to_ascii_lowercase().starts_with("en"));
        Ok(origins)
    }

    /// Inserts a pasted page's article where the text box's selection is; its headline becomes
    /// the title when there is none yet, else it is kept as the first paragraph.
    fn insert_pasted(&self, page: &Page) -> bool {
        let Some(area) = self.text.cast::<HtmlTextAreaElement>() else {
            return false;
        };
        let headline = page.page.title.trim();
        let mut blocks: Vec<&str> = Vec::new();
        let title_empty = Self::value(&self.title).trim().is_empty();
        if !headline.is_empty() && !title_empty {
            blocks.push(headline);
        }
        blocks.extend(body(&page.page).iter().map(String::as_str));
        area.set_range_text(&blocks.join("\n\n")).ok();
        if title_empty && !headline.is_empty() {
            Self::set(&self.title, headline);
            return true;
        }
        false
    }

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
        // Empty: the reader does not know it; the analysis reads the text's dateline, if any.
        let published = Some(Self::value(&self.date)).filter(|date| !date.trim().is_empty());
        if published
            .as_deref()
            .is_some_and(|date| !is_valid_date(date))
        {
            return Err(InputError::BadDate);
        }
        let mut paragraphs = import::paragraphs(&text);
        // Today was only a guess: the analysis lets a dateline in the text win over it.
        let published_guessed = self
            .date
            .cast::<HtmlInputElement>()
            .is_some_and(|input| input.has_attribute(GUESSED_DATE));
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
            published_guessed,
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
async fn save_and_open(
    article: Article,
    status: &UseStateHandle<Status>,
    navigator: &Option<Navigator>,
) {
    match store::save(&article).await {
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
async fn open_article_file(
    mut article: Article,
    status: &UseStateHandle<Status>,
    navigator: &Option<Navigator>,
) {
    match store::load(&article.id).await {
        Ok(stored) if stored == article => {
            status.set(Status::Idle);
            if let Some(navigator) = navigator {
                navigator.push(&Route::Mine { id: article.id });
            }
            return;
        }
        Err(_) if !store::contains(&article.id).await => {}
        _ => article.id = store::new_id(),
    }
    save_and_open(article, status, navigator).await;
}

/// Reads a file the reader chose or dropped: text goes into the form, an article file is opened.
fn open_file(
    file: web_sys::File,
    fields: Fields,
    status: UseStateHandle<Status>,
    origins: UseStateHandle<Origins>,
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
                Ok(article) => open_article_file(article, &status, &navigator).await,
            },
            Ok(Imported::Text { title, text }) => match import::check_text(&text) {
                Err(error) => status.set(Status::Failed(format!("{name}: {error}"))),
                Ok(()) => {
                    fields.fill(title, &text);
                    origins.set(Origins::default());
                    status.set(Status::Idle);
                }
            },
            // The page is read in the page worker; the document never parses it.
            Ok(Imported::Html(html)) => match read_page(html).await {
                Err(error) => status.set(Status::Failed(format!("{name}: {error}"))),
                Ok(page) => match fields.fill_from_page(&page) {
                    Err(error) => status.set(Status::Failed(format!("{name}: {error}"))),
                    Ok(filled) => {
                        origins.set(filled);
                        status.set(Status::Idle);
                    }
                },
            },
        }
    });
}

/// The progress line: the file being read, or how far the analysis has got.
fn progress_line(status: &Status, progress: Progress) -> Html {
    let (label, step) = match (status, progress) {
        (Status::Reading, _) => ("Reading…", "0"),
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

/// The files of a file input or a drop, in order.
fn file_list(files: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    files
        .map(|files| (0..files.length()).filter_map(|i| files.get(i)).collect())
        .unwrap_or_default()
}

/// The text box, which takes dropped files, and the file chooser.
fn drop_zone(
    text: &NodeRef,
    dragging: &UseStateHandle<bool>,
    load_files: impl Fn(Vec<web_sys::File>) + Clone + 'static,
    on_paste: Callback<Event>,
) -> Html {
    let on_file = {
        let load_files = load_files.clone();
        Callback::from(move |event: Event| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                load_files(file_list(input.files()));
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
            load_files(file_list(event.data_transfer().and_then(|d| d.files())));
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
            <textarea id="analyze-text" ref={text} rows="12" spellcheck="false" onpaste={on_paste}
                placeholder="Paste the article here: paragraphs separated by blank lines. If you leave the title empty, a short first line is taken as the headline." />
            <p class="file-line">
                <label for="analyze-file" class="tool">{"Choose files…"}</label>
                <input id="analyze-file" class="visually-hidden" type="file" multiple=true
                    accept=".txt,.md,.markdown,.html,.htm,.json,text/plain,text/markdown,text/html,application/json"
                    onchange={on_file} />
                <span class="hint">{"or drop them here: .txt, .md, a saved web page (.html: its article, headline and date are read), or a Dateline .json export (opened directly). One file fills the form; several are each analyzed and kept."}</span>
            </p>
        </div>
    }
}

/// The note saying where a field's value came from.
fn origin_note(field: &'static str, origin: Option<Origin>) -> Html {
    match origin {
        Some(origin) => html! {
            <span class={classes!("value-source", (origin == Origin::Today).then_some("check"))}
                data-value-source={field} data-origin={origin.code()}>{origin.note()}</span>
        },
        None => html! {},
    }
}

/// Title, source and publication date, each with where a page's value came from; editing a field
/// drops its note.
fn metadata_fields(fields: &Fields, origins: &UseStateHandle<Origins>) -> Html {
    let edited = |clear: fn(&mut Origins)| {
        let origins = origins.clone();
        Callback::from(move |event: Event| {
            // A date the reader set is no longer a guess.
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                input.remove_attribute(GUESSED_DATE).ok();
            }
            let mut next = (*origins).clone();
            clear(&mut next);
            if next != *origins {
                origins.set(next);
            }
        })
    };
    html! {
        <div class="fields">
            <p>
                <label for="analyze-title-input">{"Title"}</label>
                <input id="analyze-title-input" type="text" ref={fields.title.clone()} maxlength="300" placeholder="Optional"
                    onchange={edited(|o| o.title = None)} />
                { origin_note("title", origins.title) }
            </p>
            <p>
                <label for="analyze-source">{"Source"}</label>
                <input id="analyze-source" type="text" ref={fields.source.clone()} maxlength="200" placeholder="Optional, e.g. the publication"
                    onchange={edited(|o| o.source = None)} />
                { origin_note("source", origins.source) }
            </p>
            <p>
                <label for="analyze-date">{"Publication date"}</label>
                <input id="analyze-date" type="date" ref={fields.date.clone()} aria-describedby="date-note"
                    onchange={edited(|o| o.date = None)} />
                { origin_note("date", origins.date) }
                <span id="date-note" class="hint">{"Relative dates in the text (“yesterday”, “in November”) are worked out from this date. Unless a saved page gives it, it starts as today — but a dateline at the start of the text (“WASHINGTON, Dec. 10, 2016 —”) wins over that guess. Clear it if you do not know the date: relative dates are then left unplaced unless the text has a dateline."}</span>
            </p>
            if let Some(lang) = &origins.language {
                <p class="hint" data-value-source="language">{format!("The page says its language is “{lang}”; Dateline's analysis reads English text.")}</p>
            }
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
    let origins = use_state(Origins::default);
    let batch = use_reducer(crate::batch::Batch::default);

    {
        let fields = fields.clone();
        use_effect_with((), move |_| {
            gloo::utils::document().set_title("Analyze your own article — Dateline");
            gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
            fields.set_date(&today(), true);
        });
    }

    let on_submit = {
        let (engine, fields, status) = (engine.clone(), fields.clone(), status.clone());
        let on_result = {
            let (status, navigator) = (status.clone(), navigator.clone());
            Callback::from(move |result: Result<Article, EngineError>| match result {
                Ok(article) => {
                    let (status, navigator) = (status.clone(), navigator.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        save_and_open(article, &status, &navigator).await;
                    });
                }
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
    let on_paste = {
        let (fields, status, origins) = (fields.clone(), status.clone(), origins.clone());
        // A paste from a web page carries its HTML: it is read like a saved page, in the page
        // worker. Plain text pastes as usual; so does HTML with no article in it.
        Callback::from(move |event: Event| {
            let Some(data) = event
                .dyn_ref::<web_sys::ClipboardEvent>()
                .and_then(|e| e.clipboard_data())
            else {
                return;
            };
            let html = data.get_data("text/html").unwrap_or_default();
            if html.trim().is_empty() || html.len() > import::MAX_FILE_BYTES {
                return;
            }
            event.prevent_default();
            let plain = data.get_data("text/plain").unwrap_or_default();
            let (fields, status, origins) = (fields.clone(), status.clone(), origins.clone());
            status.set(Status::Reading);
            wasm_bindgen_futures::spawn_local(async move {
                match read_page(html).await {
                    Ok(page) => {
                        if fields.insert_pasted(&page) {
                            origins.set(Origins {
                                title: Some(Origin::Page),
                                ..(*origins).clone()
                            });
                        }
                        status.set(Status::Idle);
                    }
                    Err(error) => {
                        if let Some(area) = fields.text.cast::<HtmlTextAreaElement>() {
                            area.set_range_text(&plain).ok();
                        }
                        status.set(match error {
                            PageError::NoArticle(_) => Status::Idle,
                            other => Status::Failed(format!(
                                "{other} The text was pasted without its layout."
                            )),
                        });
                    }
                }
            });
        })
    };
    let load_files = {
        let (fields, status, origins) = (fields.clone(), status.clone(), origins.clone());
        let (engine, batch) = (engine.clone(), batch.clone());
        // One file: text goes into the form, a page to the page worker, an article file is
        // opened. Several: each is analyzed (or validated) and kept, with a list of their states.
        move |mut files: Vec<web_sys::File>| {
            if files.len() > 1 {
                if batch.is_running() || engine.is_busy() {
                    return;
                }
                status.set(Status::Idle);
                // An empty date is unknown: the worker reads a dateline or leaves dates unplaced.
                let published = Some(Fields::value(&fields.date)).filter(|d| is_valid_date(d));
                let guessed = fields
                    .date
                    .cast::<HtmlInputElement>()
                    .is_some_and(|input| input.has_attribute(GUESSED_DATE));
                let (engine, batch) = (engine.clone(), batch.clone());
                wasm_bindgen_futures::spawn_local(crate::batch::run(
                    files,
                    (published, guessed),
                    engine,
                    batch,
                ));
            } else if let Some(file) = files.pop() {
                open_file(
                    file,
                    fields.clone(),
                    status.clone(),
                    origins.clone(),
                    navigator.clone(),
                );
            }
        }
    };
    let reading = *status == Status::Reading || batch.is_running();
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
                { drop_zone(&fields.text, &dragging, load_files, on_paste) }
                { metadata_fields(&fields, &origins) }
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
                <p class="hint">{format!("Up to {} characters at a time. Articles are kept in this browser's storage.", "1,000,000")}</p>
            </form>
            { crate::batch::view(&batch) }
        </section>
        if let Some(article) = unsaved {
            <ArticleView article={article.clone()} selection={(*selection).clone()} {on_select} />
        }
        </>
    }
}

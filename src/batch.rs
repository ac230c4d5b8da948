//! Several files brought to the Analyze page at once: each is read, checked, analyzed if it is a
//! text or a saved page (a Dateline article file is only validated) and kept with the reader's
//! articles, one after the other, with the state of each shown in a list. One bad file never
//! blocks the others: it is marked failed with the reason and the next one goes on.

use std::cell::RefCell;
use std::rc::Rc;

use dateline_format::article::{is_valid_date, Article};
use yew::prelude::*;

use crate::data::parse_article;
use crate::engine::{AnalyzeRequest, Engine, EngineError};
use crate::import::{self, Imported};
use crate::page::read_page;
use crate::route::Route;
use crate::store;

/// Where one file has got to.
#[derive(Clone, Debug, PartialEq)]
pub enum FileState {
    /// Not started yet.
    Waiting,
    /// Its bytes are being read.
    Reading,
    /// Being checked (decoded, validated, a page's article extracted).
    Checking,
    /// Being analyzed.
    Analyzing,
    /// Kept with the reader's articles, under this id and title.
    Saved(String, String),
    /// Refused or failed, with the reason.
    Failed(String),
}

impl FileState {
    fn code(&self) -> &'static str {
        match self {
            FileState::Waiting => "waiting",
            FileState::Reading => "reading",
            FileState::Checking => "checking",
            FileState::Analyzing => "analyzing",
            FileState::Saved(..) => "saved",
            FileState::Failed(_) => "failed",
        }
    }
}

/// The files of one import and their states, in the order they were given.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Batch {
    /// File name and state.
    pub files: Vec<(String, FileState)>,
}

impl Batch {
    /// True while a file is not finished.
    pub fn is_running(&self) -> bool {
        self.files
            .iter()
            .any(|(_, state)| !matches!(state, FileState::Saved(..) | FileState::Failed(_)))
    }
}

/// A change to a batch.
pub enum BatchAction {
    /// A new batch of these file names, all waiting.
    Start(Vec<String>),
    /// File `n` moves to a state.
    Set(usize, FileState),
}

impl Reducible for Batch {
    type Action = BatchAction;

    fn reduce(self: Rc<Self>, action: BatchAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            BatchAction::Start(names) => {
                next.files = names.into_iter().map(|n| (n, FileState::Waiting)).collect();
            }
            BatchAction::Set(n, state) => {
                if let Some(file) = next.files.get_mut(n) {
                    file.1 = state;
                }
            }
        }
        Rc::new(next)
    }
}

/// Runs an analysis and waits for its result.
async fn analyze(engine: &Engine, request: AnalyzeRequest) -> Result<Article, EngineError> {
    let result = Rc::new(RefCell::new(None));
    let done = js_sys::Promise::new(&mut |resolve, _| {
        let result = Rc::clone(&result);
        engine.analyze(
            request.clone(),
            Callback::from(move |outcome| {
                *result.borrow_mut() = Some(outcome);
                resolve.call0(&wasm_bindgen::JsValue::NULL).ok();
            }),
        );
    });
    wasm_bindgen_futures::JsFuture::from(done).await.ok();
    let outcome = result.borrow_mut().take();
    outcome.unwrap_or(Err(EngineError::Unavailable))
}

/// A file's name without its extension, as a title.
fn title_of(name: &str) -> String {
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let title = stem.replace(['_', '-'], " ").trim().to_string();
    if title.is_empty() {
        "Untitled article".into()
    } else {
        title
    }
}

/// Keeps an article file: the same article kept already is left as it is; an id taken by
/// another article gets a new one.
async fn keep_article_file(mut article: Article) -> Result<FileState, String> {
    match store::load(&article.id).await {
        Ok(stored) if stored == article => {
            return Ok(FileState::Saved(article.id, article.title));
        }
        Err(_) if !store::contains(&article.id).await => {}
        _ => article.id = store::new_id(),
    }
    keep(article).await
}

async fn keep(article: Article) -> Result<FileState, String> {
    store::save(&article)
        .await
        .map_err(|e| format!("Analyzed but not kept. {e}"))?;
    Ok(FileState::Saved(article.id, article.title))
}

/// The form's publication date (`None` when unknown), and whether it is only the app's guess
/// (today), which a dateline at the start of a text then overrides.
pub type Published = (Option<String>, bool);

/// What to analyze for a text or page file, or the article file to keep.
enum Work {
    Analyze(AnalyzeRequest),
    Keep(Article),
}

/// Reads and checks one file: an article file to keep, or the analysis to run.
async fn check(
    file: web_sys::File,
    published: &Published,
    set: &dyn Fn(FileState),
) -> Result<Work, String> {
    let name = file.name();
    set(FileState::Reading);
    let bytes = import::read_file(file).await.map_err(|e| e.to_string())?;
    set(FileState::Checking);
    let request = |title: String, source: String, (published, guessed): Published, text: &str| {
        import::check_text(text).map_err(|e| e.to_string())?;
        Ok(Work::Analyze(AnalyzeRequest {
            request: 0,
            id: store::new_id(),
            title,
            standfirst: String::new(),
            source,
            published,
            published_guessed: guessed,
            paragraphs: import::paragraphs(text),
        }))
    };
    match import::import_file(&name, &bytes).map_err(|e| e.to_string())? {
        Imported::ArticleJson(json) => parse_article(&json)
            .map(Work::Keep)
            .map_err(|e| e.to_string()),
        Imported::Text { title, text } => request(
            title.unwrap_or_else(|| title_of(&name)),
            String::new(),
            published.clone(),
            &text,
        ),
        Imported::Html(html) => {
            let read = read_page(html).await.map_err(|e| e.to_string())?;
            let page = &read.page;
            let date = [page.published.as_ref(), read.dateline.as_ref()]
                .into_iter()
                .flatten()
                .find(|d| is_valid_date(d))
                .map(|d| (Some(d.clone()), false))
                .unwrap_or_else(|| published.clone());
            let title = Some(page.title.trim().to_string())
                .filter(|t| !t.is_empty())
                .unwrap_or_else(|| title_of(&name));
            let source = page
                .site_name
                .clone()
                .unwrap_or_default()
                .trim()
                .to_string();
            let text = crate::pages::analyze::body(page).join("\n\n");
            request(title, source, date, &text)
        }
    }
}

/// Imports the files one after the other, reporting each one's state to `batch`. `published` is
/// the date used for texts that give none (the form's publication date; `None` when unknown).
pub async fn run(
    files: Vec<web_sys::File>,
    published: Published,
    engine: Engine,
    batch: UseReducerHandle<Batch>,
) {
    batch.dispatch(BatchAction::Start(files.iter().map(|f| f.name()).collect()));
    for (n, file) in files.into_iter().enumerate() {
        let set = |state: FileState| batch.dispatch(BatchAction::Set(n, state));
        let outcome = match check(file, &published, &set).await {
            Ok(Work::Keep(article)) => keep_article_file(article).await,
            Ok(Work::Analyze(request)) => {
                set(FileState::Analyzing);
                match analyze(&engine, request).await {
                    Ok(article) => keep(article).await,
                    Err(error) => Err(error.to_string()),
                }
            }
            Err(reason) => Err(reason),
        };
        set(outcome.unwrap_or_else(FileState::Failed));
    }
}

/// The list of a batch's files with their states (`data-file-state`).
pub fn view(batch: &Batch) -> Html {
    if batch.files.is_empty() {
        return html! {};
    }
    let done = batch
        .files
        .iter()
        .filter(|(_, s)| matches!(s, FileState::Saved(..) | FileState::Failed(_)))
        .count();
    html! {
        <section class="batch" aria-labelledby="batch-title">
            <h2 id="batch-title">{format!("Importing {} files: {done} done", batch.files.len())}</h2>
            <ol class="batch-list" aria-live="polite">
                { for batch.files.iter().enumerate().map(|(n, (name, state))| html! {
                    <li key={n} data-file-state={state.code()} data-file-name={name.clone()}>
                        <span class="batch-name">{name}</span>
                        <span class="batch-state">{ match state {
                            FileState::Waiting => html! {"waiting"},
                            FileState::Reading => html! {"reading…"},
                            FileState::Checking => html! {"checking…"},
                            FileState::Analyzing => html! {"analyzing…"},
                            FileState::Saved(id, title) => html! {
                                <>{"saved: "}<a href={Route::Mine { id: id.clone() }.href()}>{title}</a></>
                            },
                            FileState::Failed(reason) => html! {
                                <span class="form-error">{format!("failed: {reason}")}</span>
                            },
                        }}</span>
                    </li>
                }) }
            </ol>
        </section>
    }
}

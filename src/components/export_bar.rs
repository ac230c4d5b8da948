//! Buttons that download an article as Dateline JSON, TimelineJS JSON or standalone HTML.

use dateline_format::article::Article;
use yew::prelude::*;

use crate::data::Shared;
use crate::export::{download, ExportError, Format};

/// Props of [`ExportBar`].
#[derive(Properties, PartialEq)]
pub struct ExportBarProps {
    /// The article to export.
    pub article: Shared<Article>,
}

/// "Export:" and one button a format; each button carries `data-export`.
#[function_component(ExportBar)]
pub fn export_bar(props: &ExportBarProps) -> Html {
    let error = use_state(|| None::<ExportError>);
    html! {
        <div class="export-bar" role="group" aria-label="Export this article">
            <span class="export-label">{"Export:"}</span>
            { for Format::ALL.into_iter().map(|format| {
                let article = props.article.clone();
                let error = error.clone();
                let onclick = Callback::from(move |_: MouseEvent| {
                    let (name, mime) = format.file(&article);
                    error.set(download(&name, mime, &format.render(&article)).err());
                });
                html! {
                    <button key={format.code()} type="button" class="tool" data-export={format.code()} {onclick}>{format.label()}</button>
                }
            }) }
            if let Some(error) = *error { <p class="form-error" role="alert">{error.to_string()}</p> }
        </div>
    }
}

//! Loading and error states: the page is never blank.

use yew::prelude::*;

use crate::route::Route;

/// Props of [`Loading`].
#[derive(Properties, PartialEq)]
pub struct LoadingProps {
    /// What is loading, e.g. "the article".
    pub what: AttrValue,
}

/// A polite "loading" line for screen readers and eyes.
#[function_component(Loading)]
pub fn loading(props: &LoadingProps) -> Html {
    html! { <p class="loading" role="status">{format!("Loading {}…", props.what)}</p> }
}

/// Props of [`ErrorMessage`].
#[derive(Properties, PartialEq)]
pub struct ErrorMessageProps {
    /// Headline of the problem.
    pub title: AttrValue,
    /// What went wrong, in words a reader can act on: whole sentences (an error's `Display`).
    pub detail: AttrValue,
}

/// A readable error with the way back to the library.
#[function_component(ErrorMessage)]
pub fn error_message(props: &ErrorMessageProps) -> Html {
    html! {
        <section class="message-page error" role="alert">
            <h1>{&props.title}</h1>
            <p class="detail">{&props.detail}</p>
            <p><a href={Route::Library.href()}>{"Back to the library"}</a></p>
        </section>
    }
}

//! The screen for an unknown route or article id.

use yew::prelude::*;

use crate::route::Route;

/// Props of [`NotFound`].
#[derive(Properties, PartialEq)]
pub struct NotFoundProps {
    /// What was not found ("page", "article").
    pub what: AttrValue,
}

/// Says clearly that nothing is here, and offers the way back.
#[function_component(NotFound)]
pub fn not_found(props: &NotFoundProps) -> Html {
    html! {
        <section class="message-page not-found" aria-labelledby="not-found-title">
            <h1 id="not-found-title">{format!("No such {}", props.what)}</h1>
            <p>{format!("Dateline has no {} at this address. It may have been renamed, or the link may be mistyped.", props.what)}</p>
            <p><a href={Route::Library.href()}>{"Back to the library"}</a></p>
        </section>
    }
}

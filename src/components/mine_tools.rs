//! The tools of one of the reader's articles: rename it, or delete it after confirmation.

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`MineTools`].
#[derive(Properties, PartialEq)]
pub struct MineToolsProps {
    /// The article's title, the rename field's starting value.
    pub title: AttrValue,
    /// Asks to rename the article; answers whether the new title was saved.
    pub on_rename: Callback<String, bool>,
    /// Asks to delete the article (confirmed).
    pub on_delete: Callback<()>,
}

/// What the tools row is doing.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Mode {
    Idle,
    Renaming,
    ConfirmDelete,
}

/// Rename and delete buttons; renaming shows a form, deleting asks for confirmation first.
#[function_component(MineTools)]
pub fn mine_tools(props: &MineToolsProps) -> Html {
    let mode = use_state(|| Mode::Idle);
    let rename_ref = use_node_ref();
    {
        let rename_ref = rename_ref.clone();
        use_effect_with(*mode, move |mode| {
            if *mode == Mode::Renaming {
                if let Some(input) = rename_ref.cast::<HtmlInputElement>() {
                    input.focus().ok();
                    input.select();
                }
            }
        });
    }
    let set_mode = |next: Mode| {
        let mode = mode.clone();
        Callback::from(move |_: MouseEvent| mode.set(next))
    };
    match *mode {
        Mode::Idle => html! {
            <div class="mine-tools" role="group" aria-label="Your article">
                <span class="mine-badge">{"Yours · kept in this browser"}</span>
                <button type="button" class="tool" data-action="rename" onclick={set_mode(Mode::Renaming)}>{"Rename"}</button>
                <button type="button" class="tool danger" data-action="delete" onclick={set_mode(Mode::ConfirmDelete)}>{"Delete"}</button>
            </div>
        },
        Mode::Renaming => {
            let on_rename = {
                let on_rename = props.on_rename.clone();
                let mode = mode.clone();
                let rename_ref = rename_ref.clone();
                Callback::from(move |event: SubmitEvent| {
                    event.prevent_default();
                    if let Some(input) = rename_ref.cast::<HtmlInputElement>() {
                        if on_rename.emit(input.value()) {
                            mode.set(Mode::Idle);
                        }
                    }
                })
            };
            html! {
                <form class="mine-tools rename-form" onsubmit={on_rename}>
                    <label for="rename-title">{"New title"}</label>
                    <input id="rename-title" type="text" ref={rename_ref} value={props.title.clone()} maxlength="300" />
                    <button type="submit" class="tool primary" data-action="rename-save">{"Save title"}</button>
                    <button type="button" class="tool" onclick={set_mode(Mode::Idle)}>{"Cancel"}</button>
                </form>
            }
        }
        Mode::ConfirmDelete => {
            let on_delete = props.on_delete.reform(|_: MouseEvent| ());
            html! {
                <div class="mine-tools confirm" role="alertdialog" aria-label="Confirm deletion">
                    <span>{"Delete this article from this browser? This cannot be undone (export it first to keep a copy)."}</span>
                    <button type="button" class="tool danger" data-action="delete-confirm" onclick={on_delete}>{"Delete"}</button>
                    <button type="button" class="tool" data-action="delete-cancel" onclick={set_mode(Mode::Idle)}>{"Keep it"}</button>
                </div>
            }
        }
    }
}

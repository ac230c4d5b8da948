//! Reusable pieces of the reading view, one component a file.

use wasm_bindgen::JsCast;

pub mod article_body;
pub mod article_header;
pub mod article_view;
pub mod body_text;
pub mod correction_panel;
pub mod credit;
pub mod entity_panel;
pub mod export_bar;
pub mod header_names;
pub mod legend;
pub mod mine_tools;
pub mod status;
pub mod timeline;

/// True for the keys that activate a focused control that is not a native button.
pub fn is_activation_key(event: &web_sys::KeyboardEvent) -> bool {
    matches!(event.key().as_str(), "Enter" | " ")
}

/// The elements under `root` that match `selector`, in document order (none for a bad selector).
pub fn elements<T: JsCast>(root: &web_sys::Element, selector: &str) -> Vec<T> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect()
}

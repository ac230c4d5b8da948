//! Reusable pieces of the reading view, one component a file.

pub mod article_body;
pub mod entity_panel;
pub mod export_bar;
pub mod legend;
pub mod status;
pub mod timeline;

/// True for the keys that activate a focused control that is not a native button.
pub fn is_activation_key(event: &web_sys::KeyboardEvent) -> bool {
    matches!(event.key().as_str(), "Enter" | " ")
}

//! Reusable pieces of the reading view, one component a file.

pub mod article_body;
pub mod article_view;
pub mod correction_panel;
pub mod credit;
pub mod entity_panel;
pub mod export_bar;
pub mod legend;
pub mod mine_tools;
pub mod status;
pub mod timeline;

/// True for the keys that activate a focused control that is not a native button.
pub fn is_activation_key(event: &web_sys::KeyboardEvent) -> bool {
    matches!(event.key().as_str(), "Enter" | " ")
}

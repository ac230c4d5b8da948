//! One module a screen.

pub mod about;
pub mod analyze;
pub mod entity;
pub mod library;
pub mod mine;
pub mod not_found;
pub mod reader;
pub mod story;

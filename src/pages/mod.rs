//! One module a screen.

pub mod about;
pub mod analyze;
pub mod library;
pub mod mine;
pub mod not_found;
pub mod reader;

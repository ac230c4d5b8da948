//! One module a screen.

pub mod library;
pub mod not_found;
pub mod reader;

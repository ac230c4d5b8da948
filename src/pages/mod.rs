//! One module a screen.

pub mod analyze;
pub mod library;
pub mod mine;
pub mod not_found;
pub mod reader;

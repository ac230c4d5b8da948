//! The `dateline` command's library: building bundled articles and annotating bench JSON Lines.
//!
//! Everything that reads or writes files lives here, around the pure `dateline-core`.
#![deny(missing_docs)]

pub mod annotate;
pub mod bundle;

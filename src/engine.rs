//! The analysis engine as the reading app sees it: a web worker (`crates/worker`) that speaks
//! [`dateline_format::protocol`]. The engine's code is never linked into the reading app.

pub use dateline_format::protocol::{AnalyzeReply, AnalyzeRequest, WORKER_URL};

//! The page worker: extracts the article from a saved web page ([`ExtractRequest`] ->
//! [`ExtractReply`]) with the same code as `dateline extract`, off the main thread and in its own
//! WebAssembly module, so the page's HTML is never parsed by the document and neither the reading
//! app nor the analysis worker carries the extractor. Messages cross the JavaScript boundary as
//! plain objects (`dateline-worker-glue`).

use dateline_format::protocol::{ExtractReply, ExtractRequest};
use dateline_worker_glue::{now, post};

/// Extracts the article from a page and answers at once.
fn extract(request: ExtractRequest) {
    let started = now();
    let reply = match dateline_extract::extract(&request.html) {
        Ok(page) => ExtractReply::Extracted {
            request: request.request,
            dateline: dateline_extract::text_dateline(&page.paragraphs),
            page,
            extract_ms: now() - started,
        },
        Err(error) => ExtractReply::ExtractFailed {
            request: request.request,
            message: error.to_string(),
        },
    };
    post(&reply);
}

fn main() {
    dateline_worker_glue::serve(
        extract,
        |message| ExtractReply::ExtractFailed {
            request: 0,
            message,
        },
        &ExtractReply::Ready,
    );
}

//! Prints the whole analysis (`{:?}`: sentences, entities with names, aliases and ids, time
//! expressions, events) of every document of bench JSON Lines on standard input, with and
//! without the model, so that a change meant to be output-neutral (a speed change) can be
//! checked byte for byte against the analysis before it:
//!
//! ```text
//! cargo run --release -p dateline-engine --example analysis_dump -- models/ner-news.bin < dev.jsonl > after.txt
//! cmp before.txt after.txt
//! ```

use std::io::{BufRead, Write};

use dateline_engine::analysis::Analyzer;
use dateline_engine::ner::NerModel;

#[derive(serde::Deserialize)]
struct Doc {
    id: String,
    text: String,
    published: Option<String>,
}

fn main() {
    let model_path = std::env::args()
        .nth(1)
        .expect("usage: analysis_dump MODEL < docs.jsonl");
    let bytes = std::fs::read(&model_path).expect("reading the model");
    let model = NerModel::from_bytes(&bytes).expect("a valid model");
    let analyzers = [Analyzer::new(Some(model)), Analyzer::new(None)];
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for line in std::io::stdin().lock().lines() {
        let line = line.expect("reading standard input");
        if line.trim().is_empty() {
            continue;
        }
        let doc: Doc = serde_json::from_str(&line).expect("a bench document");
        let published = doc.published.as_deref().and_then(|p| p.parse().ok());
        for analyzer in &analyzers {
            let analysis = analyzer.analyze(&doc.text, published);
            writeln!(
                out,
                "{} model={} {:?}",
                doc.id,
                analyzer.model().is_some(),
                analysis
            )
            .expect("writing standard output");
        }
    }
}

//! Times the library index natively: parsing `index.json` and `events.json`, and folding them
//! back into a builder and finishing it (what the app does to add the reader's own articles).
//!
//! `cargo run --release -p dateline-format --example library_index -- DIR [RUNS]`, where DIR holds
//! the two files (`bench/library.mjs --keep` leaves a 10,000-article one in a temp folder).

use std::time::Instant;

use dateline_format::library::{LibraryBuilder, LibraryEvents, LibraryIndex};

fn median_ms(runs: usize, mut work: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().expect("usage: library_index DIR [RUNS]"));
    let runs: usize = args
        .next()
        .map_or(5, |r| r.parse().expect("RUNS is a number"));
    let index_json = std::fs::read_to_string(dir.join("index.json")).expect("index.json");
    let events_json = std::fs::read_to_string(dir.join("events.json")).expect("events.json");
    let index = LibraryIndex::from_json(&index_json).expect("a valid index");
    let events = LibraryEvents::from_json(&events_json, &index).expect("valid events");
    println!(
        "{} articles, {} entities, {} events (median of {runs})",
        index.articles.len(),
        index.entities.len(),
        events.events.len()
    );
    let parse = median_ms(runs, || {
        LibraryIndex::from_json(&index_json).unwrap();
    });
    println!("  LibraryIndex::from_json:  {parse:8.1} ms");
    let parse_events = median_ms(runs, || {
        LibraryEvents::from_json(&events_json, &index).unwrap();
    });
    println!("  LibraryEvents::from_json: {parse_events:8.1} ms");
    let fold = median_ms(runs, || {
        let builder = LibraryBuilder::from_index(index.clone(), events.clone());
        builder.finish();
    });
    println!("  from_index + finish:      {fold:8.1} ms (with cloning the index and events, as the app does)");
}

//! The bundled articles under `static/articles` must be exactly what the analysis produces from
//! `content/articles`: nothing in the bundle is written by hand, and nothing drifts.

use std::path::Path;

use dateline_cli::analyzer;
use dateline_cli::bundle::build_bundle;
use dateline_format::article::Article;
use dateline_format::library::{
    LibraryBuilder, LibraryEntry, LibraryEvents, LibraryIndex, EVENTS_FILE, INDEX_FILE,
};

fn repo_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .and_then(Path::parent)
        .expect("crates/cli sits two levels down")
}

#[test]
fn bundled_articles_match_a_fresh_build() {
    let files = build_bundle(
        &analyzer(true).unwrap(),
        &repo_root().join("content/articles"),
    )
    .expect("the sources build");
    assert!(files.len() >= 2, "at least one article and the index");
    for (name, fresh) in &files {
        let path = repo_root().join("static/articles").join(name);
        let committed =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(
            committed == *fresh,
            "{name} differs from what the analysis produces now; run `cargo run --release --bin dateline -- bundle`"
        );
    }
    let on_disk = std::fs::read_dir(repo_root().join("static/articles"))
        .unwrap()
        .count();
    assert_eq!(
        on_disk,
        files.len(),
        "static/articles holds files no source produces"
    );
}

#[test]
fn every_bundled_file_passes_the_validator() {
    let dir = repo_root().join("static/articles");
    let read = |name: &str| {
        std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    let index = LibraryIndex::from_json(&read(INDEX_FILE)).unwrap();
    let events = LibraryEvents::from_json(&read(EVENTS_FILE), &index).unwrap();
    let mut builder = LibraryBuilder::new();
    for entry in &index.articles {
        let article = Article::from_json(&read(&format!("{}.json", entry.id)))
            .unwrap_or_else(|e| panic!("{}: {e}", entry.id));
        let without_names = LibraryEntry {
            names: Vec::new(),
            ..entry.clone()
        };
        assert_eq!(article.library_entry(), without_names);
        builder.add(&article);
    }
    // The index and events on disk are what the builder makes of the committed articles.
    assert_eq!(builder.finish(), (index, events));
}

//! `dateline bundle` reuses the files of unchanged sources, rebuilds changed ones, rebuilds all
//! with `--force`, and writes what a fresh in-memory build makes.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::dateline;
use dateline_cli::analyzer;
use dateline_cli::bundle::build_bundle;

/// A sources folder with two articles, an output folder and a cache path, in a temp dir.
struct Fixture {
    _dir: tempfile::TempDir,
    sources: PathBuf,
    out: PathBuf,
    cache: PathBuf,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let sources = dir.path().join("sources");
    fs::create_dir(&sources).unwrap();
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/articles");
    for name in [
        "putin-trump-g20-hamburg.txt",
        "putin-trump-g20-hamburg.meta.json",
    ] {
        fs::copy(seed.join(name), sources.join(name)).unwrap();
    }
    fs::write(
        sources.join("merkel-visit.txt"),
        "Merkel visits Paris\n\nAngela Merkel met Emmanuel Macron in Paris on Monday. Merkel said the talks went well.\n",
    )
    .unwrap();
    fs::write(
        sources.join("merkel-visit.meta.json"),
        r#"{"published": "2017-07-10", "source": "Wire"}"#,
    )
    .unwrap();
    Fixture {
        out: dir.path().join("out"),
        cache: dir.path().join("cache/bundle.json"),
        sources,
        _dir: dir,
    }
}

/// Runs `dateline bundle` on the fixture with `extra` options.
fn run_bundle(f: &Fixture, extra: &[&str]) -> (bool, String, String) {
    let mut args = vec![
        "bundle",
        "--sources",
        f.sources.to_str().unwrap(),
        "--out",
        f.out.to_str().unwrap(),
        "--cache",
        f.cache.to_str().unwrap(),
    ];
    args.extend(extra);
    dateline(&args)
}

/// Runs `dateline bundle` on the fixture: the ids it built (from its progress lines) and its
/// summary line.
fn bundle(f: &Fixture, extra: &[&str]) -> (Vec<String>, String) {
    let (ok, stdout, stderr) = run_bundle(f, extra);
    assert!(ok, "{stderr}");
    let mut built: Vec<String> = stderr
        .lines()
        .filter_map(|l| l.split_once("] building ").map(|(_, id)| id.to_string()))
        .collect();
    built.sort();
    (built, stdout.trim().to_string())
}

fn read(f: &Fixture, name: &str) -> String {
    fs::read_to_string(f.out.join(name)).unwrap()
}

#[test]
fn unchanged_sources_are_reused_and_changed_ones_rebuilt() {
    let f = fixture();
    let (built, summary) = bundle(&f, &[]);
    assert_eq!(built, ["merkel-visit", "putin-trump-g20-hamburg"]);
    assert!(summary.contains("2 built, 0 unchanged"), "{summary}");
    let index = read(&f, "index.json");
    let article = read(&f, "merkel-visit.json");

    let (built, summary) = bundle(&f, &[]);
    assert!(built.is_empty(), "{built:?}");
    assert!(summary.contains("0 built, 2 unchanged"), "{summary}");
    assert_eq!(
        read(&f, "index.json"),
        index,
        "the index is rebuilt the same"
    );

    // A changed text is analyzed again; its neighbour is not.
    let text = f.sources.join("merkel-visit.txt");
    let changed = fs::read_to_string(&text)
        .unwrap()
        .replace("Monday", "Tuesday");
    fs::write(&text, changed).unwrap();
    let (built, _) = bundle(&f, &[]);
    assert_eq!(built, ["merkel-visit"]);
    assert_ne!(read(&f, "merkel-visit.json"), article);

    // So is changed metadata, and a bundled file edited by hand.
    fs::write(
        f.sources.join("merkel-visit.meta.json"),
        r#"{"published": "2017-07-11", "source": "Wire"}"#,
    )
    .unwrap();
    fs::write(f.out.join("putin-trump-g20-hamburg.json"), "{}").unwrap();
    let (built, _) = bundle(&f, &[]);
    assert_eq!(built, ["merkel-visit", "putin-trump-g20-hamburg"]);
}

#[test]
fn force_rebuilds_everything_and_the_result_equals_a_fresh_build() {
    let f = fixture();
    bundle(&f, &[]);
    let (built, summary) = bundle(&f, &["--force", "--jobs", "1"]);
    assert_eq!(built, ["merkel-visit", "putin-trump-g20-hamburg"]);
    assert!(summary.contains("2 built, 0 unchanged"), "{summary}");
    let fresh = build_bundle(&analyzer(true).unwrap(), &f.sources).unwrap();
    let on_disk = fs::read_dir(&f.out).unwrap().count();
    assert_eq!(on_disk, fresh.len(), "only the bundle's files");
    for (name, contents) in &fresh {
        assert_eq!(&read(&f, name), contents, "{name}");
    }
}

#[test]
fn a_removed_source_takes_its_file_and_names_with_it() {
    let f = fixture();
    bundle(&f, &[]);
    assert!(read(&f, "index.json").contains("Merkel"));
    fs::remove_file(f.sources.join("merkel-visit.txt")).unwrap();
    fs::remove_file(f.sources.join("merkel-visit.meta.json")).unwrap();
    let (built, summary) = bundle(&f, &[]);
    assert!(built.is_empty());
    assert!(summary.contains("1 removed"), "{summary}");
    assert!(!f.out.join("merkel-visit.json").exists());
    assert!(!read(&f, "index.json").contains("Merkel"));
}

#[test]
fn a_damaged_cache_only_costs_a_rebuild() {
    let f = fixture();
    bundle(&f, &[]);
    fs::write(&f.cache, "not json").unwrap();
    let (built, _) = bundle(&f, &[]);
    assert_eq!(built.len(), 2);
    let (built, _) = bundle(&f, &[]);
    assert!(built.is_empty());
}

#[test]
fn a_failing_source_fails_the_bundle_with_its_name() {
    let f = fixture();
    fs::write(f.sources.join("broken.txt"), "Headline\n\nText.\n").unwrap();
    fs::write(f.sources.join("broken.meta.json"), "{not json").unwrap();
    let (ok, _, stderr) = run_bundle(&f, &[]);
    assert!(!ok);
    assert!(stderr.contains("broken.meta.json"), "{stderr}");
}

//! A missing or damaged model file is a clear error message and a non-zero exit, never a panic.

mod common;

/// Runs `dateline ARGS`: (success, standard error).
fn dateline(args: &[&str]) -> (bool, String) {
    let (ok, _, err) = common::dateline(args);
    (ok, err)
}

#[test]
fn missing_and_corrupt_model_files_are_reported() {
    let dir = std::env::temp_dir().join(format!("dateline-cli-model-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = dir.join("text.txt");
    std::fs::write(&text, "Vladimir Putin met Donald Trump in Hamburg.").unwrap();
    let text = text.to_str().unwrap();

    let missing = dir.join("missing.bin");
    let (ok, err) = dateline(&["annotate", text, "--model", missing.to_str().unwrap()]);
    assert!(
        !ok && err.contains("reading the NER model") && err.contains("missing.bin"),
        "{err}"
    );

    let corrupt = dir.join("corrupt.bin");
    std::fs::write(&corrupt, b"DLNERMDL\x02\x00\x11").unwrap();
    let (ok, err) = dateline(&["annotate", text, "--model", corrupt.to_str().unwrap()]);
    assert!(
        !ok && err.contains("loading the NER model") && err.contains("truncated"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");

    let (ok, err) = dateline(&["annotate", text, "--no-model"]);
    assert!(ok, "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

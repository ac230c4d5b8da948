//! One style for the messages a reader sees when something goes wrong. Every error type of the
//! app (`InputError`, `StoreError`, `LoadError`, `CorrectionError`, `ExportError`, `EngineError`)
//! displays whole sentences: sentence case, ending with a full stop, saying what happened and then,
//! when the reader can do something about it, what to do ("… is full. Delete or export some of
//! your articles and try again."). Callers show them as they are, or after a short lead such as
//! the file's name (`notes.pdf: …`).

/// A clause from elsewhere (the article format's and the engine's messages, which are written to
/// follow a colon) as a sentence: its first letter capitalized, a full stop at the end. Those
/// messages are English and start with an ASCII letter, so ASCII case is enough (and keeps
/// Unicode's case tables out of the app).
pub fn sentence(clause: &str) -> String {
    let mut out = clause.trim_end().to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    if !out.is_empty() && !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clauses_become_sentences() {
        assert_eq!(
            sentence("the file is not a Dateline article: EOF"),
            "The file is not a Dateline article: EOF."
        );
        assert_eq!(
            sentence("Already one. Try again."),
            "Already one. Try again."
        );
        assert_eq!(sentence("élan"), "élan.");
        assert_eq!(sentence(""), "");
    }
}

//! Reading CoNLL-2003 files: documents of sentences of tokens with IOB1 entity tags.

use anyhow::{bail, Result};
use dateline_engine::ner::SentenceEntities;
use dateline_format::article::EntityType;

/// One sentence: tokens and gold entity spans (token ranges, end exclusive).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sentence {
    pub tokens: Vec<String>,
    pub entities: SentenceEntities,
    /// Tokens whose gold `O` is not evidence (the source does not mark what they may be, e.g.
    /// nationality adjectives in GUM); empty = none.
    pub unmarked: Vec<bool>,
}

impl Sentence {
    pub fn token_refs(&self) -> Vec<&str> {
        self.tokens.iter().map(String::as_str).collect()
    }
}

/// One document (text between `-DOCSTART-` lines).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    pub sentences: Vec<Sentence>,
    /// The source's licence lets its names ship in the model's gazetteer.
    pub open: bool,
}

impl Document {
    pub fn token_refs(&self) -> Vec<Vec<&str>> {
        self.sentences.iter().map(Sentence::token_refs).collect()
    }
}

/// Parses CoNLL-2003 text (`token POS chunk NE` per line, blank line between sentences).
pub fn parse(text: &str) -> Result<Vec<Document>> {
    let mut docs = Vec::new();
    let mut doc = Document::default();
    let mut tokens = Vec::new();
    let mut labels: Vec<String> = Vec::new();
    let flush = |doc: &mut Document, tokens: &mut Vec<String>, labels: &mut Vec<String>| {
        if !tokens.is_empty() {
            let entities = iob_to_spans(labels);
            doc.sentences.push(Sentence {
                tokens: std::mem::take(tokens),
                entities,
                unmarked: Vec::new(),
            });
            labels.clear();
        }
    };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() {
            flush(&mut doc, &mut tokens, &mut labels);
            continue;
        }
        let cols: Vec<&str> = line.split(' ').collect();
        if cols.len() < 2 {
            bail!("line {}: expected `token ... NE-tag`, got {line:?}", n + 1);
        }
        if cols[0] == "-DOCSTART-" {
            flush(&mut doc, &mut tokens, &mut labels);
            if !doc.sentences.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
            continue;
        }
        tokens.push(cols[0].to_string());
        labels.push(cols[cols.len() - 1].to_string());
    }
    flush(&mut doc, &mut tokens, &mut labels);
    if !doc.sentences.is_empty() {
        docs.push(doc);
    }
    Ok(docs)
}

/// Entity spans from IOB1 or IOB2 labels (`B-` starts a new entity, `I-` continues one of the same
/// type or starts one); unknown types count as `O`.
pub fn iob_to_spans<S: AsRef<str>>(labels: &[S]) -> SentenceEntities {
    let mut spans = Vec::new();
    let mut open: Option<(usize, EntityType)> = None;
    for (i, label) in labels.iter().enumerate() {
        let label = label.as_ref();
        let (prefix, ty) = match label.split_once('-') {
            Some((p, t)) => (p, EntityType::from_code(t)),
            None => ("O", None),
        };
        let continues = prefix == "I" && open.is_some_and(|(_, t)| Some(t) == ty);
        if !continues {
            if let Some((start, t)) = open.take() {
                spans.push((start, i, t));
            }
            open = ty.map(|t| (i, t));
        }
    }
    if let Some((start, t)) = open {
        spans.push((start, labels.len(), t));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_documents_and_iob1() {
        let text = "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\
                    German JJ I-NP I-MISC\n\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n\
                    Smith NNP I-NP B-PER\n\n-DOCSTART- -X- O O\n\nParis NNP I-NP I-LOC\n";
        let docs = parse(text).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences.len(), 2);
        assert_eq!(
            docs[0].sentences[0].entities,
            vec![
                (0, 1, EntityType::Organization),
                (2, 3, EntityType::Miscellaneous)
            ]
        );
        assert_eq!(
            docs[0].sentences[1].entities,
            vec![(0, 2, EntityType::Person), (2, 3, EntityType::Person)]
        );
        assert_eq!(
            docs[1].sentences[0].entities,
            vec![(0, 1, EntityType::Location)]
        );
    }

    #[test]
    fn rejects_malformed_lines() {
        assert!(parse("oneword\n").is_err());
    }

    #[test]
    fn iob2_too() {
        let spans = iob_to_spans(&["B-LOC", "I-LOC", "B-LOC", "I-PER", "O", "I-XYZ"]);
        assert_eq!(
            spans,
            vec![
                (0, 2, EntityType::Location),
                (2, 3, EntityType::Location),
                (3, 4, EntityType::Person)
            ]
        );
    }
}

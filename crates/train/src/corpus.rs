//! Bench JSON Lines (running text with code-point entity spans: GUM, Wikigold) as training and
//! dev documents, tokenized exactly as the pipeline feeds the tagger
//! ([`model_sentences`](dateline_engine::analysis::model_sentences)).

use anyhow::{Context, Result};
use dateline_engine::analysis::model_sentences;
use dateline_engine::ner::SentenceEntities;
use dateline_format::article::{EntityType, Span};
use serde_json::Value;

use crate::conll::{Document, Sentence};

/// One gold entity: code points and type.
type GoldSpan = (usize, usize, EntityType);

fn gold_spans(doc: &Value) -> Vec<GoldSpan> {
    let mut spans: Vec<GoldSpan> = doc
        .get("entities")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|e| {
            let start = e.get("start")?.as_u64()? as usize;
            let end = e.get("end")?.as_u64()? as usize;
            let ty = EntityType::from_code(e.get("label")?.as_str()?)?;
            Some((start, end, ty))
        })
        .collect();
    spans.sort_unstable_by_key(|s| (s.0, s.1));
    spans
}

/// Gold spans as token ranges: the tokens a span covers, when its edges fall on token edges
/// (a name cut inside a model token, rare, is left out).
fn token_entities(tokens: &[(String, Span)], gold: &[GoldSpan]) -> SentenceEntities {
    let mut out = Vec::new();
    for &(start, end, ty) in gold {
        let first = tokens.iter().position(|(_, s)| s.start == start);
        let last = tokens.iter().position(|(_, s)| s.end == end);
        if let (Some(a), Some(b)) = (first, last) {
            if a <= b {
                out.push((a, b + 1, ty));
            }
        }
    }
    out
}

/// Parses one bench JSON Lines file into documents.
pub fn parse(input: &str) -> Result<Vec<Document>> {
    let mut docs = Vec::new();
    for (n, line) in input.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let value: Value =
            serde_json::from_str(line).with_context(|| format!("line {}: not JSON", n + 1))?;
        let text = value.get("text").and_then(Value::as_str).unwrap_or("");
        let gold = gold_spans(&value);
        let sentences = model_sentences(text)
            .into_iter()
            .map(|tokens| {
                let (first, last) = match (tokens.first(), tokens.last()) {
                    (Some(a), Some(b)) => (a.1.start, b.1.end),
                    _ => (0, 0),
                };
                let inside: Vec<GoldSpan> = gold
                    .iter()
                    .copied()
                    .filter(|&(s, e, _)| s >= first && e <= last)
                    .collect();
                Sentence {
                    entities: token_entities(&tokens, &inside),
                    tokens: tokens.into_iter().map(|(t, _)| t).collect(),
                    unmarked: Vec::new(),
                }
            })
            .collect();
        docs.push(Document {
            sentences,
            open: true,
        });
    }
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_become_token_ranges() {
        let line = r#"{"id":"a","text":"Angela Merkel met Putin’s aides in Paris.\n\nThe U.S. said no.","entities":[{"start":0,"end":13,"label":"PER"},{"start":18,"end":23,"label":"PER"},{"start":35,"end":40,"label":"LOC"},{"start":47,"end":51,"label":"LOC"}]}"#;
        let docs = parse(line).unwrap();
        assert_eq!(docs.len(), 1);
        let s = &docs[0].sentences;
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].tokens[..4], ["Angela", "Merkel", "met", "Putin"]);
        assert_eq!(
            s[0].entities,
            vec![
                (0, 2, EntityType::Person),
                (3, 4, EntityType::Person),
                (7, 8, EntityType::Location)
            ]
        );
        assert_eq!(s[1].entities, vec![(1, 2, EntityType::Location)]);
    }
}

//! Bench JSON Lines in, prediction JSON Lines out (code-point offsets).

use std::time::Instant;

use anyhow::{Context, Result};
use dateline_engine::ner::NerModel;
use serde_json::{json, Value};

/// What a tagging run did; `seconds` times the tagger alone.
#[derive(Clone, Copy, Debug, Default)]
pub struct Stats {
    pub documents: usize,
    pub words: usize,
    pub seconds: f64,
}

/// A token with its code-point range in the text.
struct Token<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

/// Sentences (split on `\n`) of tokens (split on spaces), with code-point offsets.
fn tokenize(text: &str) -> Vec<Vec<Token<'_>>> {
    let mut sentences = Vec::new();
    let mut offset = 0; // code points before the current line
    for line in text.split('\n') {
        let mut tokens = Vec::new();
        let mut pos = offset;
        for word in line.split(' ') {
            let len = word.chars().count();
            if !word.is_empty() {
                tokens.push(Token {
                    text: word,
                    start: pos,
                    end: pos + len,
                });
            }
            pos += len + 1;
        }
        offset += line.chars().count() + 1;
        if !tokens.is_empty() {
            sentences.push(tokens);
        }
    }
    sentences
}

/// Tags every document of `input` and returns the prediction lines.
pub fn tag_jsonl(model: &NerModel, input: &str) -> Result<(String, Stats)> {
    let mut out = String::new();
    let mut stats = Stats::default();
    for (n, line) in input
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let doc: Value =
            serde_json::from_str(line).with_context(|| format!("line {}: not JSON", n + 1))?;
        let id = doc.get("id").cloned().unwrap_or(Value::Null);
        let text = doc.get("text").and_then(Value::as_str).unwrap_or("");
        let sentences = tokenize(text);
        let refs: Vec<Vec<&str>> = sentences
            .iter()
            .map(|s| s.iter().map(|t| t.text).collect())
            .collect();
        let started = Instant::now();
        let tagged = model.tag_document(&refs);
        stats.seconds += started.elapsed().as_secs_f64();
        stats.documents += 1;
        stats.words += text.split_whitespace().count();
        let mut entities = Vec::new();
        for (tokens, spans) in sentences.iter().zip(&tagged) {
            for &(first, last, ty) in spans {
                if let (Some(a), Some(b)) = (
                    tokens.get(first),
                    last.checked_sub(1).and_then(|l| tokens.get(l)),
                ) {
                    entities.push(json!({"start": a.start, "end": b.end, "label": ty.code()}));
                }
            }
        }
        out.push_str(&json!({"id": id, "entities": entities}).to_string());
        out.push('\n');
    }
    Ok((out, stats))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_code_points() {
        let text = "Zürich is in Switzerland .\nAnd  Köln ?";
        let sentences = tokenize(text);
        assert_eq!(sentences.len(), 2);
        for s in &sentences {
            for t in s {
                let span = dateline_format::article::Span::new(t.start, t.end);
                assert_eq!(dateline_format::span::slice(text, span), t.text);
            }
        }
    }

    #[test]
    fn writes_one_line_per_document() {
        let model = NerModel::from_parts(&Default::default(), 1.0);
        let input = "{\"id\":\"a\",\"text\":\"x y\"}\n\n{\"id\":\"b\",\"text\":\"\"}\n";
        let (out, stats) = tag_jsonl(&model, input).unwrap();
        assert_eq!(
            out,
            "{\"entities\":[],\"id\":\"a\"}\n{\"entities\":[],\"id\":\"b\"}\n"
        );
        assert_eq!(stats.words, 2);
        assert!(tag_jsonl(&model, "not json").is_err());
    }
}

//! Annotation of plain text: the bench's JSON Lines interchange format and a human-readable form.

use std::io::{BufRead, Write};

use anyhow::{Context, Result};
use dateline_engine::analysis::{Analysis, Analyzer};
use serde::Deserialize;
use serde_json::json;

/// One input document of the bench format; other keys (gold annotations) are ignored.
#[derive(Debug, Deserialize)]
pub struct BenchInput {
    /// Document id, echoed in the prediction.
    pub id: String,
    /// The text to analyze.
    pub text: String,
    /// Reference date for relative expressions, `YYYY-MM-DD`, or null.
    pub published: Option<String>,
}

/// Parses a publication date; `None` for a missing or unreadable one (relative dates then stay
/// unanchored rather than being pinned to a guess).
pub fn parse_published(published: Option<&str>) -> Option<jiff::civil::Date> {
    published.and_then(|p| p.parse().ok())
}

/// The bench's prediction line for one analyzed document.
pub fn prediction(id: &str, analysis: &Analysis) -> serde_json::Value {
    let mut mentions: Vec<_> = analysis
        .entities
        .iter()
        .flat_map(|e| {
            e.mentions
                .iter()
                .map(move |m| (m.start, m.end, e.entity_type.code()))
        })
        .collect();
    mentions.sort();
    let entities: Vec<_> = mentions
        .into_iter()
        .map(|(start, end, label)| json!({"start": start, "end": end, "label": label}))
        .collect();
    let timexes: Vec<_> = analysis
        .timexes
        .iter()
        .map(|t| json!({"start": t.span.start, "end": t.span.end, "type": t.timex_type, "value": t.value}))
        .collect();
    json!({"id": id, "entities": entities, "timexes": timexes, "events": analysis.events})
}

/// Reads bench JSON Lines from `input` and writes one prediction line per document to `output`.
/// Returns what it took: documents, whitespace-separated words and the time spent in the
/// analysis calls alone (not reading, parsing or writing).
pub fn annotate_jsonl(
    analyzer: &Analyzer,
    input: impl BufRead,
    mut output: impl Write,
) -> Result<Timing> {
    let mut timing = Timing::default();
    for (number, line) in input.lines().enumerate() {
        let line = line.context("reading standard input")?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: BenchInput = serde_json::from_str(&line)
            .with_context(|| format!("line {}: not a bench document", number + 1))?;
        let published = parse_published(doc.published.as_deref());
        let started = std::time::Instant::now();
        let analysis = analyzer.analyze(&doc.text, published);
        timing.analysis += started.elapsed();
        timing.documents += 1;
        timing.words += doc.text.split_whitespace().count();
        serde_json::to_writer(&mut output, &prediction(&doc.id, &analysis))?;
        output.write_all(b"\n")?;
    }
    output.flush()?;
    Ok(timing)
}

/// How long the analysis of a batch of documents took.
#[derive(Clone, Copy, Debug, Default)]
pub struct Timing {
    /// Documents analyzed.
    pub documents: usize,
    /// Whitespace-separated words in their texts.
    pub words: usize,
    /// Time spent in the analysis calls.
    pub analysis: std::time::Duration,
}

impl std::fmt::Display for Timing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let seconds = self.analysis.as_secs_f64();
        let rate = if seconds > 0.0 {
            self.words as f64 / seconds
        } else {
            0.0
        };
        write!(
            f,
            "analyzed {} documents, {} words in {seconds:.3} s: {rate:.0} words/s",
            self.documents, self.words
        )
    }
}

/// Writes entities, time expressions and events of `text` as an indented plain-text report.
pub fn write_report(text: &str, analysis: &Analysis, mut out: impl Write) -> Result<()> {
    let chars: Vec<char> = text.chars().collect();
    let slice = |s: dateline_format::article::Span| {
        chars
            .get(s.start..s.end)
            .map(|c| c.iter().collect::<String>())
            .unwrap_or_default()
    };
    writeln!(out, "Entities ({}):", analysis.entities.len())?;
    for entity in &analysis.entities {
        let aliases = if entity.aliases.is_empty() {
            String::new()
        } else {
            format!(" (also: {})", entity.aliases.join(", "))
        };
        writeln!(
            out,
            "  {:<4} {}{} — {} mention(s)",
            entity.entity_type.code(),
            entity.name,
            aliases,
            entity.mentions.len()
        )?;
    }
    writeln!(out, "Time expressions ({}):", analysis.timexes.len())?;
    for timex in &analysis.timexes {
        writeln!(
            out,
            "  {:<8} {:<14} {:?}",
            format!("{:?}", timex.timex_type).to_uppercase(),
            timex.value,
            slice(timex.span)
        )?;
    }
    writeln!(out, "Events ({}):", analysis.events.len())?;
    for event in &analysis.events {
        writeln!(
            out,
            "  {:<12} {} [{}]",
            event.date,
            event.label,
            event.entities.join(", ")
        )?;
    }
    Ok(())
}

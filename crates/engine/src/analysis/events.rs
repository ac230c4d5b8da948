//! Events for the timeline: one per dated time expression, labelled from its clause.
//!
//! Only time expressions whose value names a point on the calendar (`2017-06-18`, `2017-01`,
//! `2017-W27`) make events: nothing undated is ever placed at an invented date. The exception
//! are dates the publication day would have placed, when it is not known ("today" as
//! `PRESENT_REF`, "on Tuesday" as `XXXX-WXX-2`): their events have no granularity, and the
//! timeline lists them apart. "Now",
//! "currently", "recently", "in the future" are `PRESENT_REF`, `PAST_REF` and `FUTURE_REF`
//! in TIMEX3, times with no calendar date, so they make no events; nor do durations and sets. The label is
//! the clause that holds the time expression, without it: the clause runs between punctuation
//! and subordinating words ("after", "since", "while"), a reduced clause ("as shown ...") gives
//! way to the main one, and a long clause is cut down to its subject and verb phrase.

use crate::fast_hash::FastSet;

use super::segment::{Doc, Kind, Token};
use super::timex::Found;
use dateline_format::article::{Entity, Event, Granularity, Span, TimexType};
use dateline_format::calendar::Period;
use dateline_format::dateline::paragraph_dateline;

const MAX_LABEL: usize = 60;

/// Words that open a new clause.
const CLAUSE_OPENERS: &[&str] = &[
    "while",
    "after",
    "since",
    "because",
    "although",
    "though",
    "whereas",
    "when",
    "but",
    "before",
    "until",
    "unless",
    "whether",
    "where",
    "which",
    "who",
    "as",
    "once",
    "however",
    "meanwhile",
];
const PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "during", "by", "since", "until", "from", "of", "for", "over", "between",
    "with", "about", "against", "into", "through", "under", "among", "within", "to",
];
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these",
    "those",
];
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can",
    "could", "shall", "should", "may", "might", "must", "did", "does", "do",
];
const PAST_VERBS: &[&str] = &[
    "said", "told", "met", "took", "made", "went", "came", "saw", "gave", "held", "won", "lost",
    "shot", "left", "began", "fell", "rose", "sold", "bought", "paid", "sent", "spent", "brought",
    "found", "got", "kept", "led", "ran", "struck", "stood", "became", "broke", "chose", "drew",
    "drove", "flew", "grew", "hit", "knew", "put", "quit", "shook", "spoke", "wrote", "beat",
    "fled", "says", "meet", "meets", "take", "takes",
];
const TRAILING_JUNK: &[&str] = &[
    "and", "or", "but", "that", "which", "who", ",", ";", ":", "-", "—", "–", "“", "\"", "‘", "'",
    "(", "as",
];

fn is_verb(t: &Token) -> bool {
    let w = t.lower.as_str();
    AUXILIARIES.contains(&w)
        || PAST_VERBS.contains(&w)
        || (t.kind == Kind::Word && w.len() > 4 && w.ends_with("ed") && !t.is_capitalized())
}

fn is_boundary(toks: &[Token], i: usize) -> bool {
    let t = &toks[i];
    if t.kind == Kind::Punct {
        return matches!(
            t.text.as_str(),
            "," | ";" | ":" | "(" | ")" | "“" | "”" | "\"" | "—" | "–"
        ) || (t.text == "-" && t.space_before);
    }
    if CLAUSE_OPENERS.contains(&t.lower.as_str()) {
        return true;
    }
    // "... and it is expected", "... and they met"
    t.lower == "and"
        && toks.get(i + 1).is_some_and(|n| {
            matches!(
                n.lower.as_str(),
                "it" | "they" | "he" | "she" | "we" | "there" | "i"
            )
        })
}

/// Where the dateline the text opens with ends ("WASHINGTON, Dec. 10, 2016" before its dash, a
/// first paragraph "Tuesday, September 1, 2015"); 0 when it has none.
fn dateline_end(doc: &Doc) -> usize {
    let first: String = doc
        .chars
        .iter()
        .zip(doc.chars.iter().skip(1).chain(std::iter::once(&' ')))
        .take_while(|&(&c, &next)| !(c == '\n' && next == '\n'))
        .map(|(&c, _)| c)
        .collect();
    paragraph_dateline(&first).map_or(0, |dateline| dateline.end)
}

/// Builds the events of a text from its time expressions.
pub(crate) fn build(doc: &Doc, timexes: &[Found], entities: &[Entity]) -> Vec<Event> {
    let mut events: Vec<(Option<jiff::civil::Date>, usize, Event)> = Vec::new();
    // Every mention with its entity, by position: a sentence's participants are a range of it,
    // found by binary search, so the cost does not grow with events × mentions.
    let mut mentions: Vec<(Span, usize)> = entities
        .iter()
        .enumerate()
        .flat_map(|(e, entity)| entity.mentions.iter().map(move |m| (*m, e)))
        .collect();
    mentions.sort_unstable();
    let mut seen: FastSet<(Span, &str)> = FastSet::default();
    let mut first_in_sentence: Vec<Option<usize>> = vec![None; entities.len()];
    let dateline_end = dateline_end(doc);
    for found in timexes {
        if !matches!(found.timex_type, TimexType::Date | TimexType::Time) {
            continue;
        }
        // The dateline's date is when the text was filed, not something the text reports.
        if found.span.end <= dateline_end {
            continue;
        }
        if Granularity::of_value(&found.value).is_none() && !found.unanchored {
            continue;
        }
        let Some(s) = doc.sentence_of(found.tokens.start) else {
            continue;
        };
        let sentence = &doc.sentences[s];
        if !seen.insert((sentence.span, found.value.as_str())) {
            continue;
        }
        let date = found.value.clone();
        // Ordered by where the dated period starts.
        let comparable = Period::of_value(&date).map(|p| p.start);
        let label = label(doc, sentence.tokens.clone(), found.tokens.clone());
        let label = if label.is_empty() {
            doc.slice(found.span)
        } else {
            label
        };
        // Each entity with a mention inside the sentence, at its first such mention.
        let from = mentions.partition_point(|(m, _)| m.start < sentence.span.start);
        let mut participants: Vec<(usize, String)> = Vec::new();
        for &(m, e) in mentions[from..]
            .iter()
            .take_while(|(m, _)| m.start < sentence.span.end)
        {
            if sentence.span.contains(m) && first_in_sentence[e].is_none() {
                first_in_sentence[e] = Some(m.start);
                participants.push((m.start, entities[e].id.clone()));
            }
        }
        for &(_, e) in mentions[from..]
            .iter()
            .take_while(|(m, _)| m.start < sentence.span.end)
        {
            first_in_sentence[e] = None;
        }
        participants.sort();
        events.push((
            comparable,
            found.span.start,
            Event {
                id: String::new(),
                granularity: Granularity::of_value(&date),
                date,
                label,
                sentence: sentence.span,
                timex: found.span,
                entities: participants.into_iter().map(|(_, id)| id).collect(),
            },
        ));
    }
    // Dated first by date, then position; anything without a comparable date last.
    events.sort_by_key(|(key, position, _)| (key.is_none(), *key, *position));
    events
        .into_iter()
        .enumerate()
        .map(|(k, (_, _, mut e))| {
            e.id = format!("event-{}", k + 1);
            e
        })
        .collect()
}

/// A short label from the clause holding tokens `timex` of the sentence `sentence`.
fn label(doc: &Doc, sentence: std::ops::Range<usize>, timex: std::ops::Range<usize>) -> String {
    let toks = &doc.tokens;
    let mut start = timex.start;
    while start > sentence.start && !is_boundary(toks, start - 1) {
        start -= 1;
    }
    let mut end = timex.end;
    while end < sentence.end && !is_boundary(toks, end) {
        end += 1;
    }
    // "as shown on images released today": a reduced clause; the main clause says what happened.
    let reduced = start > sentence.start
        && matches!(toks[start - 1].lower.as_str(), "as" | "which" | "who")
        && !(start..end).any(|k| {
            k < timex.start && is_verb(&toks[k]) && AUXILIARIES.contains(&toks[k].lower.as_str())
        });
    if reduced || (start..end).all(|k| timex.contains(&k) || toks[k].kind != Kind::Word) {
        let mut main_end = start.saturating_sub(1);
        while main_end > sentence.start && is_boundary(toks, main_end - 1) {
            main_end -= 1;
        }
        let mut main_start = main_end;
        while main_start > sentence.start && !is_boundary(toks, main_start - 1) {
            main_start -= 1;
        }
        if main_start < main_end {
            return compose(toks, (main_start..main_end).collect());
        }
    }
    let mut words: Vec<usize> = (start..end).filter(|k| !timex.contains(k)).collect();
    // Drop the preposition that introduced the time expression: "in", "on", "at", "since".
    if let Some(pos) = words.iter().position(|&k| k + 1 == timex.start) {
        if PREPOSITIONS.contains(&toks[words[pos]].lower.as_str())
            || matches!(toks[words[pos]].lower.as_str(), "later" | "earlier")
        {
            words.remove(pos);
        }
    }
    // "it is expected (that) the two will meet": what is expected is the event.
    let lowers: Vec<&str> = words.iter().map(|&k| toks[k].lower.as_str()).collect();
    if lowers.len() > 3
        && lowers[0] == "it"
        && matches!(lowers[1], "is" | "was")
        && lowers[2].ends_with("ed")
    {
        let skip = if lowers.get(3) == Some(&"that") { 4 } else { 3 };
        words.drain(..skip);
    }
    compose(toks, words)
}

/// Joins tokens as written, trims edge words, and shortens a long clause to subject + verb phrase.
fn compose(toks: &[Token], mut words: Vec<usize>) -> String {
    while words.first().is_some_and(|&k| {
        DETERMINERS.contains(&toks[k].lower.as_str())
            || TRAILING_JUNK.contains(&toks[k].lower.as_str())
            || CLAUSE_OPENERS.contains(&toks[k].lower.as_str())
    }) {
        words.remove(0);
    }
    trim_end(toks, &mut words);
    if join(toks, &words).chars().count() > MAX_LABEL {
        // Subject head (up to the first preposition or verb) + verb phrase.
        // "much anticipated meeting between ... occurred at G20": the subject's head, then the
        // first verb after its first preposition.
        let cut = words
            .iter()
            .position(|&k| PREPOSITIONS.contains(&toks[k].lower.as_str()));
        if let Some(cut) = cut.filter(|&c| c > 0) {
            if let Some(verb) = words
                .iter()
                .skip(cut)
                .position(|&k| is_verb(&toks[k]))
                .map(|v| v + cut)
            {
                words.drain(cut..verb);
            }
        }
        // Still long: keep whole words up to the limit.
        let mut kept = Vec::new();
        for &k in &words {
            kept.push(k);
            if join(toks, &kept).chars().count() > MAX_LABEL - 1 {
                kept.pop();
                trim_end(toks, &mut kept);
                let mut label = join(toks, &kept);
                label.push('…');
                return label;
            }
        }
    }
    join(toks, &words)
}

fn trim_end(toks: &[Token], words: &mut Vec<usize>) {
    while words.last().is_some_and(|&k| {
        let w = toks[k].lower.as_str();
        TRAILING_JUNK.contains(&w)
            || PREPOSITIONS.contains(&w)
            || DETERMINERS.contains(&w)
            || toks[k].kind == Kind::Punct && w != ")"
            || toks[k].kind == Kind::Possessive
    }) {
        words.pop();
    }
}

fn join(toks: &[Token], words: &[usize]) -> String {
    let mut out = String::new();
    let mut previous: Option<usize> = None;
    for &k in words {
        if let Some(p) = previous {
            if toks[k].space_before || p + 1 != k {
                out.push(' ');
            }
        }
        out.push_str(&toks[k].text);
        previous = Some(k);
    }
    out
}

/// The span of a time expression's sentence; used by tests.
#[cfg(test)]
fn sentence_text(doc: &Doc, span: Span) -> String {
    doc.slice(span)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;

    #[test]
    fn seed_sentences_give_dated_labels() {
        let text = "The two leaders shook hands for the first time, as shown on images released today. \
                    Putin and Trump were expected to meet since Trump entered office in January this year.\n\n\
                    The relations remain strained, after the U.S. shot down Syrian government aircraft on June 18th. \
                    After his election triumph over Hillary Clinton in November, there were expectations.";
        let published = "2017-07-07".parse().ok();
        let analysis = analyze(text, published);
        let got: Vec<(&str, &str)> = analysis
            .events
            .iter()
            .map(|e| (e.date.as_str(), e.label.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("2016-11", "election triumph over Hillary Clinton"),
                ("2017-01", "Trump entered office"),
                ("2017-06-18", "U.S. shot down Syrian government aircraft"),
                ("2017-07-07", "two leaders shook hands for the first time"),
            ]
        );
        let chars: Vec<char> = text.chars().collect();
        let slice = |s: Span| chars[s.start..s.end].iter().collect::<String>();
        assert_eq!(slice(analysis.events[0].timex), "November");
        assert_eq!(slice(analysis.events[2].timex), "June 18th");
        assert!(slice(analysis.events[1].sentence).starts_with("Putin and Trump were expected"));
        let doc = crate::analysis::segment::segment(text);
        assert_eq!(
            sentence_text(&doc, analysis.events[3].sentence),
            "The two leaders shook hands for the first time, as shown on images released today."
        );
    }

    #[test]
    fn undated_expressions_make_no_events() {
        let analysis = analyze(
            "Prices are high now and will rise in the future.",
            "2017-07-07".parse().ok(),
        );
        assert!(analysis.events.is_empty());
        assert_eq!(analysis.timexes.len(), 2);
    }

    #[test]
    fn references_to_the_present_past_or_future_make_no_events() {
        let text = "Prices are now high. Sales are currently weak. He recently left. These days \
                    few buy. In recent years prices rose. In the past it was cheap. Right now it \
                    is dear. In the future it may fall. He met them yesterday.";
        let analysis = analyze(text, "2017-07-07".parse().ok());
        let values: Vec<&str> = analysis.timexes.iter().map(|t| t.value.as_str()).collect();
        assert_eq!(
            values,
            [
                "PRESENT_REF",
                "PRESENT_REF",
                "PAST_REF",
                "PRESENT_REF",
                "PXY",
                "PAST_REF",
                "PRESENT_REF",
                "FUTURE_REF",
                "2017-07-06"
            ]
        );
        let dates: Vec<&str> = analysis.events.iter().map(|e| e.date.as_str()).collect();
        assert_eq!(dates, ["2017-07-06"]);
    }

    #[test]
    fn relative_dates_without_a_publication_day_make_events_apart() {
        let text = "Officials met today. Prices are high now. The talks began on Tuesday. \
                    The deal was signed on Dec. 10, 2016.";
        let analysis = analyze(text, None);
        let got: Vec<(&str, Option<Granularity>)> = analysis
            .events
            .iter()
            .map(|e| (e.date.as_str(), e.granularity))
            .collect();
        assert_eq!(
            got,
            [
                ("2016-12-10", Some(Granularity::Day)),
                ("PRESENT_REF", None),
                ("XXXX-WXX-2", None)
            ]
        );
        analysis.check_invariants(text).unwrap();
    }

    #[test]
    fn the_dateline_is_no_event() {
        let text =
            "WASHINGTON, Dec. 10, 2016 — Kerry met Lavrov today.\n\nThey met on Dec. 9, 2016.";
        let analysis = analyze(text, "2016-12-10".parse().ok());
        let dates: Vec<(&str, &str)> = analysis
            .events
            .iter()
            .map(|e| (e.date.as_str(), e.label.as_str()))
            .collect();
        assert_eq!(
            dates,
            [
                ("2016-12-09", "They met"),
                ("2016-12-10", "Kerry met Lavrov")
            ]
        );
        let alone = analyze("Tuesday, September 1, 2015\n\nAnts were found.", None);
        assert!(alone.events.is_empty());
        assert_eq!(
            alone.timexes.len(),
            1,
            "the dateline is still a time expression"
        );
    }

    #[test]
    fn long_clauses_are_shortened() {
        let text = "The much anticipated meeting between U.S. President Donald Trump and his Russian counterpart Vladimir Putin occurred today at G20 summit in Hamburg, Germany.";
        let analysis = analyze(text, "2017-07-07".parse().ok());
        let label = &analysis.events[0].label;
        assert!(label.chars().count() <= MAX_LABEL + 1, "{label}");
        assert!(label.contains("occurred"), "{label}");
    }
}

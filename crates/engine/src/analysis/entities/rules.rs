//! Mentions found by rules: capitalized runs, split where they hold several names and typed by
//! Dateline's word lists and the words around them (titles, last words such as "Inc." or
//! "River", verbs of saying, prepositions of place).

use std::ops::Range;

use super::Mention;
use crate::analysis::segment::{is_title_abbreviation, Doc, Kind, Token};
use crate::analysis::word_lists::{Normalizer, WordLists};
use crate::fast_hash::FastSet;
use dateline_format::article::{EntityType, Span};

fn is_name_token(t: &Token, lists: &WordLists) -> bool {
    match t.kind {
        Kind::Word => {
            // A lone capital letter ("A", "C") is no name; initialisms ("U.S.") are.
            (t.text.chars().count() > 1)
                && t.is_capitalized()
                && !lists.never_names.contains(&t.lower)
        }
        _ => false,
    }
}

/// A token of ASCII letters and digits only: `Normalizer` turns it into its `lower`.
fn is_plain(t: &Token) -> bool {
    !t.text.is_empty() && t.text.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// A title over tokens `i..`: returns how many tokens it takes ("Prime Minister" → 2).
fn title_at(toks: &[Token], i: usize, end: usize, lists: &WordLists) -> usize {
    let max = lists.max_title_words.min(end.saturating_sub(i));
    // Most words start no title: for a plain word (its lower case is its normalized form), a
    // set lookup says so without normalizing anything (and a plain word has no abbreviation dot).
    let plain_non_title = |t: &Token| is_plain(t) && !lists.is_title_first_word(&t.lower);
    if max == 0 || toks.get(i).is_some_and(plain_non_title) {
        return 0;
    }
    // The words joined by spaces, normalized once; `ends[len]` is where the first `len` end.
    let mut words = Normalizer::default();
    let mut ends = vec![0];
    for (k, t) in toks.iter().skip(i).take(max).enumerate() {
        if k > 0 {
            words.push(' ');
        }
        words.extend(t.text.chars());
        ends.push(words.out.len());
    }
    for len in (1..=max).rev() {
        if len == 1 && toks[i].text == "-" {
            continue;
        }
        if lists.is_title(&words.out[..ends[len]])
            || is_title_abbreviation(&toks[i].text) && len == 1 && toks[i].text.ends_with('.')
        {
            return len;
        }
    }
    0
}

/// Finds entity mentions with capitalization, word lists and context rules. Tokens marked in
/// `blocked` (time expressions) are never part of a name.
pub(crate) fn rule_mentions(doc: &Doc, blocked: &[bool]) -> Vec<Mention> {
    let lists = WordLists::get();
    let toks = &doc.tokens;
    let mut mentions = Vec::new();
    let seen = Seen::of(doc);
    for sentence in &doc.sentences {
        let range = sentence.tokens.clone();
        let shouting = is_shouting(&toks[range.clone()]);
        let first_word = range
            .clone()
            .find(|&t| toks[t].kind == Kind::Word)
            .unwrap_or(range.start);
        let mut i = range.start;
        let mut per_next = false;
        while i < range.end {
            let t = &toks[i];
            if blocked.get(i).copied().unwrap_or(false) {
                per_next = false;
                i += 1;
                continue;
            }
            if shouting {
                // All-capitals headlines: only known names count.
                if let Some((len, known_type)) =
                    longest_known(doc, i, range.end, blocked, lists, true)
                {
                    mentions.push(Mention {
                        span: span_of(toks, i..i + len),
                        entity_type: known_type,
                        strength: 2,
                    });
                    i += len;
                } else {
                    i += 1;
                }
                continue;
            }
            // A role before a name: "President Donald Trump", "spokesman Peskov".
            let title = title_at(toks, i, range.end, lists);
            if title > 0
                && toks.get(i + title).is_some_and(|n| is_name_token(n, lists))
                && !blocked.get(i + title).copied().unwrap_or(false)
            {
                // Unless the title starts a known name ("General Motors").
                if longest_known(doc, i, range.end, blocked, lists, false)
                    .is_none_or(|(len, _)| len <= title)
                {
                    per_next = true;
                    i += title;
                    continue;
                }
            }
            let starts_name = is_name_token(t, lists)
                || (lists.name_particles.contains(&t.lower)
                    && longest_known(doc, i, range.end, blocked, lists, false).is_some());
            if !starts_name {
                per_next = false;
                i += 1;
                continue;
            }
            let end = chunk_end(toks, i, range.end, blocked, lists);
            let chunk_mentions = type_chunk(doc, i..end, first_word, per_next, lists, &seen);
            mentions.extend(chunk_mentions);
            per_next = false;
            i = end.max(i + 1);
        }
    }
    mentions
}

/// Words as the whole text uses them, to judge a capitalized word at a sentence start.
struct Seen<'a> {
    /// Capitalized words seen other than first in a sentence.
    inside: FastSet<&'a str>,
    /// Words seen in lowercase.
    lowercase: FastSet<&'a str>,
}

impl<'a> Seen<'a> {
    fn of(doc: &'a Doc) -> Seen<'a> {
        let starts: FastSet<usize> = doc.sentences.iter().map(|s| s.tokens.start).collect();
        let mut seen = Seen {
            inside: FastSet::default(),
            lowercase: FastSet::default(),
        };
        for (k, t) in doc.tokens.iter().enumerate() {
            if t.kind != Kind::Word {
                continue;
            }
            if t.text == t.lower {
                seen.lowercase.insert(&t.lower);
            } else if !starts.contains(&k) {
                seen.inside.insert(&t.text);
            }
        }
        seen
    }
}

/// True for a sentence written mostly in capitals (a headline).
fn is_shouting(toks: &[Token]) -> bool {
    let words: Vec<&Token> = toks
        .iter()
        .filter(|t| t.kind == Kind::Word && t.text.chars().count() > 1)
        .collect();
    words.len() >= 3 && words.iter().filter(|t| t.is_all_caps()).count() * 10 >= words.len() * 7
}

fn span_of(toks: &[Token], range: Range<usize>) -> Span {
    let start = toks.get(range.start).map_or(0, |t| t.start);
    let end = range
        .end
        .checked_sub(1)
        .and_then(|e| toks.get(e))
        .map_or(start, |t| t.end);
    Span::new(start, end)
}

/// The longest known name starting at token `i` (in tokens) and its class.
fn longest_known(
    doc: &Doc,
    i: usize,
    end: usize,
    blocked: &[bool],
    lists: &WordLists,
    any_case: bool,
) -> Option<(usize, EntityType)> {
    let toks = &doc.tokens;
    let max = (lists.max_words * 2).min(end.saturating_sub(i));
    // A plain first word that no name starts with: no window from here is a name.
    if toks
        .get(i)
        .is_some_and(|t| is_plain(t) && !lists.may_start_name(&t.lower))
    {
        return None;
    }
    // The text of tokens i..i+max normalized once: `ends[len]` is where the normalized text of
    // the first `len` tokens (`doc.token_text(i..i + len)`) ends.
    let mut key = Normalizer::default();
    let mut ends = vec![0];
    let mut at = toks.get(i).map_or(0, |t| t.start);
    for t in toks.iter().skip(i).take(max) {
        key.extend(doc.chars.get(at..t.end).unwrap_or_default().iter().copied());
        at = t.end;
        ends.push(key.out.len());
    }
    for len in (1..=max).rev() {
        let range = i..i + len;
        if range
            .clone()
            .any(|t| blocked.get(t).copied().unwrap_or(false))
        {
            continue;
        }
        let last = &toks[i + len - 1];
        if last.kind != Kind::Word && last.kind != Kind::Number {
            continue;
        }
        if len > 1
            && !range.clone().skip(1).all(|t| {
                toks[t].kind != Kind::Punct
                    || matches!(toks[t].text.as_str(), "-" | "&" | "'" | "’" | ",")
            })
        {
            continue;
        }
        let normalized = &key.out[..ends[len]];
        let known = if any_case {
            lists.lookup_any_case_normalized(normalized)
        } else {
            lists.lookup_normalized(normalized, || doc.token_text(range.clone()))
        };
        if let Some(known) = known {
            if !any_case
                || len > 1
                || doc.token_text(range).chars().count() > 2
                || toks[i].is_all_caps()
            {
                return Some((len, known.entity_type));
            }
        }
    }
    None
}

/// Where the capitalized run starting at `i` ends.
fn chunk_end(toks: &[Token], i: usize, end: usize, blocked: &[bool], lists: &WordLists) -> usize {
    let ok = |j: usize| j < end && !blocked.get(j).copied().unwrap_or(false);
    let mut j = i + 1;
    while ok(j) {
        let t = &toks[j];
        if is_name_token(t, lists) && !t.newline_before {
            // A title inside the run ends it: "U.S. President" | "Donald Trump".
            if title_at(toks, j, end, lists) > 0
                && !lists.organization_heads.contains(&toks[j].lower)
            {
                break;
            }
            j += 1;
            continue;
        }
        let prev = &toks[j - 1];
        let next_is_name = toks.get(j + 1).is_some_and(|n| is_name_token(n, lists)) && ok(j + 1);
        // "Rolls-Royce", "AT&T": glued punctuation inside a name.
        let both_known = lists.lookup(&prev.text).is_some()
            || toks
                .get(j + 1)
                .is_some_and(|n| lists.lookup(&n.text).is_some());
        if matches!(t.text.as_str(), "-" | "&")
            && !t.space_before
            && next_is_name
            && !toks[j + 1].space_before
            && !both_known
        {
            j += 2;
            continue;
        }
        // "Bank of England", "Democratic Republic of the Congo"
        if t.lower == "of" && lists.of_heads.contains(&prev.lower) {
            if next_is_name {
                j += 2;
                continue;
            }
            if toks.get(j + 1).is_some_and(|n| n.lower == "the")
                && toks.get(j + 2).is_some_and(|n| is_name_token(n, lists))
                && ok(j + 2)
            {
                j += 3;
                continue;
            }
        }
        if lists.name_particles.contains(&t.lower) && next_is_name {
            j += 2;
            continue;
        }
        break;
    }
    j
}

/// Types a capitalized run, splitting it where it holds several names.
fn type_chunk(
    doc: &Doc,
    range: Range<usize>,
    first_word: usize,
    per_evidence: bool,
    lists: &WordLists,
    seen: &Seen<'_>,
) -> Vec<Mention> {
    let toks = &doc.tokens;
    let mut start = range.start;
    let end = range.end;
    // Sentence starts: "However", "The", "Several" are not names.
    if start == first_word
        || (start > 0 && start == first_word + 1 && toks[first_word].kind == Kind::Punct)
    {
        while start < end
            && lists.is_common(&toks[start].text)
            && lists.lookup(&toks[start].text).is_none()
        {
            start += 1;
        }
        if start < end && end - start == 1 && start == first_word {
            let t = &toks[start];
            let known = lists.lookup(&t.text).is_some() || lists.is_first_name(&t.text);
            let seen_inside = seen.inside.contains(t.text.as_str());
            let looks_common = t.lower.ends_with("ly")
                || t.lower.ends_with("ing")
                || seen.lowercase.contains(t.lower.as_str());
            if !known && !seen_inside && (looks_common || !t.is_all_caps()) {
                return Vec::new();
            }
        }
    }
    if start >= end {
        return Vec::new();
    }
    let mut out = Vec::new();
    // Greedy: known names first, left to right; what remains is typed by its shape.
    let mut i = start;
    let mut rest_start = start;
    let blocked = vec![false; 0];
    let whole = doc.token_text(start..end);
    if let Some(known) = lists.lookup(&whole) {
        return vec![Mention {
            span: span_of(toks, start..end),
            entity_type: known.entity_type,
            strength: 3,
        }];
    }
    let last_lower = toks[end - 1].lower.trim_end_matches('.').to_string();
    if end - start > 1 && lists.organization_heads.contains(&last_lower) {
        return vec![Mention {
            span: span_of(toks, start..end),
            entity_type: EntityType::Organization,
            strength: 3,
        }];
    }
    while i < end {
        if let Some((len, known_type)) = longest_known(doc, i, end, &blocked, lists, false) {
            // A known first word followed by a person's name splits: "Russian Vladimir Putin".
            // A known word inside an unknown run ("New Hampshire Democrats") is left to the run.
            let splits = i == rest_start
                && (i + len == end
                    || toks.get(i + len).is_some_and(|n| {
                        lists.lookup(&n.text).is_some() || lists.is_first_name(&n.text)
                    }));
            if splits || i > rest_start {
                if i > rest_start {
                    out.extend(shape_type(
                        doc,
                        rest_start..i,
                        per_evidence && out.is_empty(),
                        lists,
                    ));
                }
                out.push(Mention {
                    span: span_of(toks, i..i + len),
                    entity_type: known_type,
                    strength: 3,
                });
                i += len;
                rest_start = i;
                continue;
            }
        }
        i += 1;
    }
    if rest_start < end {
        out.extend(shape_type(doc, rest_start..end, per_evidence, lists));
    }
    out
}

/// Types an unknown name by its words and context.
fn shape_type(
    doc: &Doc,
    range: Range<usize>,
    per_evidence: bool,
    lists: &WordLists,
) -> Option<Mention> {
    let toks = &doc.tokens;
    let (start, end) = (range.start, range.end);
    // Trim glue left at the edges.
    let (mut start, mut end) = (start, end);
    while start < end && toks[start].kind != Kind::Word {
        start += 1;
    }
    while end > start && toks[end - 1].kind != Kind::Word && toks[end - 1].kind != Kind::Number {
        end -= 1;
    }
    if start >= end {
        return None;
    }
    let span = span_of(toks, start..end);
    let last = toks[end - 1].lower.trim_end_matches('.');
    let words = end - start;
    let mention = |entity_type, strength| {
        Some(Mention {
            span,
            entity_type,
            strength,
        })
    };
    if per_evidence {
        return mention(EntityType::Person, 3);
    }
    if lists.organization_heads.contains(last) && words > 1 {
        return mention(EntityType::Organization, 3);
    }
    if lists.place_heads.contains(last) && words > 1 {
        return mention(EntityType::Location, 2);
    }
    if lists.misc_heads.contains(last) && words > 1 {
        return mention(EntityType::Miscellaneous, 2);
    }
    if lists.is_first_name(&toks[start].text) && words > 1 {
        return mention(EntityType::Person, 2);
    }
    let before = start
        .checked_sub(1)
        .map(|p| toks[p].lower.as_str())
        .unwrap_or("");
    let after = toks.get(end).map(|t| t.lower.as_str()).unwrap_or("");
    if words == 1 && toks[start].is_all_caps() && toks[start].text.chars().count() <= 6 {
        return mention(EntityType::Organization, 1);
    }
    if (2..=3).contains(&words) && toks[start..end].iter().all(|t| t.kind == Kind::Word) {
        return mention(EntityType::Person, 1);
    }
    // "Putin’s spokesman": whoever has a spokesman or a wife is most likely a person.
    let owns_a_role = toks.get(end).is_some_and(|t| t.kind == Kind::Possessive)
        && title_at(toks, end + 1, toks.len(), lists) > 0;
    if lists.speech_verbs.contains(after) || owns_a_role {
        return mention(EntityType::Person, 1);
    }
    if lists.place_prepositions.contains(before) {
        return mention(EntityType::Location, 0);
    }
    mention(EntityType::Organization, 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::segment::segment;

    fn found(text: &str) -> Vec<(String, EntityType)> {
        let doc = segment(text);
        let blocked = vec![false; doc.tokens.len()];
        rule_mentions(&doc, &blocked)
            .into_iter()
            .map(|m| (doc.slice(m.span), m.entity_type))
            .collect()
    }

    fn expect(list: &[(&str, EntityType)]) -> Vec<(String, EntityType)> {
        list.iter().map(|(s, t)| (s.to_string(), *t)).collect()
    }

    use EntityType::{Location as Loc, Miscellaneous as Misc, Organization as Org, Person as Per};

    #[test]
    fn titles_mark_people_and_stay_outside() {
        assert_eq!(
            found("The meeting between U.S. President Donald Trump and his Russian counterpart Vladimir Putin occurred."),
            expect(&[("U.S.", Loc), ("Donald Trump", Per), ("Russian", Misc), ("Vladimir Putin", Per)])
        );
        assert_eq!(
            found("“Soon,” Kremlin spokesman Peskov told reporters."),
            expect(&[("Kremlin", Org), ("Peskov", Per)])
        );
    }

    #[test]
    fn possessives_and_hyphens() {
        assert_eq!(
            found("He said Putin’s spokesman Dmitry Peskov agreed that Russia-U.S. relations are bad."),
            expect(&[("Putin", Per), ("Dmitry Peskov", Per), ("Russia", Loc), ("U.S.", Loc)])
        );
    }

    #[test]
    fn sentence_starts_and_suffixes() {
        assert_eq!(
            found("However, Acme Widgets Inc. and the Bank of England met at the G20 summit in Hamburg, Germany."),
            expect(&[("Acme Widgets Inc.", Org), ("Bank of England", Org), ("G20", Misc), ("Hamburg", Loc), ("Germany", Loc)])
        );
        assert_eq!(found("Several analysts agreed."), expect(&[]));
    }
}

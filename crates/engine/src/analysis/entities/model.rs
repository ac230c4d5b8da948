//! Mentions from a statistical tagger: Dateline's own ([`NerModel`]) over the pipeline's tokens,
//! or any tagger's BIO labels ([`mentions_from_bio`]).
//!
//! The model was trained on CoNLL-2003 tokens, which differ from the segmenter's
//! ([`segment`](crate::analysis::segment)) in one way that matters: CoNLL keeps hyphenated and
//! slashed compounds whole ("Russia-U.S.", "1996-08-22", "5-1/2", "S&P"), while the segmenter
//! splits them. So tokens glued together by `-`, `/` or `&` (no space on either side) are joined
//! into one model token, and a span the model finds over model tokens maps back to the first and
//! last of their pipeline tokens.
//! Typographic quotes and apostrophes need no mapping here: the model's features normalize them.

use std::ops::Range;

use super::{rule_mentions, Mention};
use crate::analysis::segment::{segment, Doc, Kind, Token};
use crate::analysis::word_lists::{normalize, WordLists};
use crate::ner::NerModel;
use dateline_format::article::{EntityType, Span};

/// How sure a tagger's mention is, on [`Mention::strength`]'s scale: a pattern's worth.
const MODEL_STRENGTH: u8 = 2;

/// Punctuation that CoNLL keeps inside a token when nothing separates it from its neighbours.
fn is_glue(t: &Token) -> bool {
    t.kind == Kind::Punct && matches!(t.text.as_str(), "-" | "/" | "&")
}

fn is_part(t: &Token) -> bool {
    matches!(t.kind, Kind::Word | Kind::Number)
}

/// Pieces CoNLL writes as one token that the segmenter splits: a currency prefix ("C$", "US$")
/// and a possessive written apart from its word ("Lord 's", as in CoNLL's own text).
fn glued_pair(a: &Token, b: &Token) -> bool {
    if b.space_before {
        return false;
    }
    let currency =
        a.kind == Kind::Word && a.is_capitalized() && a.text.chars().count() <= 3 && b.text == "$";
    let possessive = a.kind == Kind::Punct
        && matches!(a.text.as_str(), "'" | "’")
        && b.kind == Kind::Word
        && b.lower == "s";
    currency || possessive
}

/// The model tokens of one sentence: ranges of pipeline tokens.
fn model_tokens(toks: &[Token], sentence: Range<usize>) -> Vec<Range<usize>> {
    let mut units = Vec::with_capacity(sentence.len());
    let mut i = sentence.start;
    while i < sentence.end {
        if i + 1 < sentence.end && glued_pair(&toks[i], &toks[i + 1]) {
            units.push(i..i + 2);
            i += 2;
            continue;
        }
        let mut j = i + 1;
        while j + 1 < sentence.end
            && is_part(&toks[j - 1])
            && is_glue(&toks[j])
            && is_part(&toks[j + 1])
            && !toks[j].space_before
            && !toks[j + 1].space_before
        {
            j += 2;
        }
        units.push(i..j);
        i = j;
    }
    units
}

/// Finds entity mentions with `model`, one document at a time (the tagger uses document-wide
/// casing and what it tagged earlier), then lets Dateline's own word lists speak for names the
/// model's lexicon does not know (its gazetteer: open name lists and the GUM and Wikigold names):
/// such a name keeps the model's span but takes the list's type ("Pyongyang"); a listed name the
/// lexicon knows keeps the model's type unless the rule in the body says otherwise. A listed name
/// the model missed is added where it overlaps nothing ("Boeing delivered"; +0.03 CoNLL-2003 dev F1,
/// neutral on GUM and Wikigold dev). Then [`trim_mention`] fits each mention to Dateline's
/// conventions (no titles, no money).
///
/// Mentions that touch a token in `blocked` (a time expression) are dropped: the time layer has
/// the better claim on those words.
pub(crate) fn model_mentions(model: &NerModel, doc: &Doc, blocked: &[bool]) -> Vec<Mention> {
    let lists = WordLists::get();
    let listed = |surface: &str| model.gazetteer().get(&gazetteer_phrase(surface));
    // A listed company, agency, product or event the model calls a person or a place takes the
    // list's type when the model's own lexicon does not back the model's choice ("Ericsson said",
    // "the G20 summit"). Measured on CoNLL-2003 dev: places and people the other way round
    // ("Chicago" the team, "Jordan" the player) are better left to the model.
    let unbacked = |surface: &str, model_type: EntityType, list_type: EntityType| {
        let named_thing = matches!(
            list_type,
            EntityType::Organization | EntityType::Miscellaneous
        ) && matches!(model_type, EntityType::Person | EntityType::Location);
        listed(surface).is_none_or(|mask| named_thing && mask & type_bit(model_type) == 0)
    };
    let mut mentions = tag(model, doc, blocked);
    for m in &mut mentions {
        let surface = doc.slice(m.span);
        // CoNLL-2003, and so the model, reads "the Kremlin" as a place; Dateline as an organisation.
        if lists
            .house_style_organizations
            .contains(&normalize(&surface))
        {
            m.entity_type = EntityType::Organization;
        } else if let Some(known) = lists
            .lookup(&surface)
            .filter(|k| unbacked(&surface, m.entity_type, k.entity_type))
        {
            m.entity_type = known.entity_type;
        }
    }
    // The model's spans by start, with the furthest end reached so far: whether a rule mention
    // overlaps one of them is a binary search, not a scan of all of them.
    let mut model_spans: Vec<Span> = mentions.iter().map(|m| m.span).collect();
    model_spans.sort_unstable();
    let reach: Vec<usize> = model_spans
        .iter()
        .scan(0, |end, s| {
            *end = (*end).max(s.end);
            Some(*end)
        })
        .collect();
    let mut missed: Vec<Mention> = rule_mentions(doc, blocked)
        .into_iter()
        .filter(|r| !inside_compound(doc, r.span))
        .filter(|r| {
            let surface = doc.slice(r.span);
            lists
                .lookup(&surface)
                .is_some_and(|k| k.entity_type == r.entity_type)
        })
        .filter(|r| !overlaps_any(&model_spans, &reach, r.span))
        .collect();
    mentions.append(&mut missed);
    mentions.retain_mut(|m| trim_mention(doc, m));
    mentions.sort_by_key(|m| m.span.start);
    mentions
}

/// Titles that belong to a ruler's name ("Emperor Norton", "King Charles"), kept on a mention.
const NAME_TITLES: [&str; 11] = [
    "king", "queen", "emperor", "empress", "pope", "prince", "princess", "sultan", "emir", "tsar",
    "czar",
];

/// Currency symbols ("$", "€") and codes ("USD", "US$") are never names; a word with a symbol
/// in it ("Ke$ha") is not a currency.
fn is_currency(t: &Token) -> bool {
    const SYMBOLS: &str = "$€£¥₹₽₩₪₺₴₦₱฿¢₫";
    let symbol =
        t.text.chars().any(|c| SYMBOLS.contains(c)) && !t.text.chars().any(char::is_alphanumeric);
    symbol || WordLists::get().currencies.contains(&t.text)
}

/// Fits a tagged mention to Dateline's conventions; false when nothing of a name is left. A
/// person's title is not part of the name ("Justice [Scalia]", as in CoNLL, GUM and Wikigold), and
/// currency codes, symbols and amounts are never names ("US$ 5", "EUR").
fn trim_mention(doc: &Doc, m: &mut Mention) -> bool {
    let lists = WordLists::get();
    let first = doc.tokens.partition_point(|t| t.end <= m.span.start);
    let last = doc.tokens.partition_point(|t| t.start < m.span.end);
    let tokens = doc.tokens.get(first..last).unwrap_or(&[]);
    let mut start = 0;
    if m.entity_type == EntityType::Person {
        while start + 1 < tokens.len() {
            let word = normalize(&tokens[start].text);
            let is_title = lists.is_title(&word) && !NAME_TITLES.contains(&word.as_str());
            let dot = tokens[start + 1].text == ".";
            if !is_title || dot && start + 2 >= tokens.len() {
                break;
            }
            start += if dot { 2 } else { 1 };
        }
    }
    let mut money = false;
    loop {
        if tokens.get(start).is_some_and(is_currency) {
            start += 1;
        } else if tokens.get(start..start + 2).is_some_and(|p| {
            p[1].text == "$"
                && glued_pair(&p[0], &p[1])
                && tokens.get(start + 2).is_none_or(|next| next.space_before)
        }) {
            start += 2; // "US$", "C$": one currency written in two tokens (not "Ke$ha")
        } else {
            break;
        }
        money = true;
    }
    let rest = tokens.get(start..).unwrap_or(&[]);
    money |= rest.iter().any(is_currency);
    let amount = |t: &Token| matches!(t.kind, Kind::Number | Kind::Punct) || is_currency(t);
    if rest.is_empty() || money && rest.iter().all(amount) {
        return false;
    }
    m.span = Span::new(rest[0].start, m.span.end);
    true
}

/// A name as a gazetteer phrase: lower-case, tokens as the model reads them, one space apart (the
/// training crate lists names with it too).
pub fn gazetteer_phrase(name: &str) -> String {
    model_sentences(name)
        .into_iter()
        .flatten()
        .map(|(t, _)| t.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

fn type_bit(t: EntityType) -> u8 {
    1 << crate::ner::tags::type_index(t)
}

/// True when `span` shares a code point with one of `spans` (sorted; `reach[i]` is the largest
/// end among `spans[..=i]`).
fn overlaps_any(spans: &[Span], reach: &[usize], span: Span) -> bool {
    let before = spans.partition_point(|s| s.start < span.end);
    before > 0 && reach[before - 1] > span.start
}

/// True when `span` is a piece of a glued compound ("Arab" in "Arab-Israeli"): the model read
/// the compound as one token and judged it whole.
fn inside_compound(doc: &Doc, span: Span) -> bool {
    let glue = |c: Option<&char>| matches!(c, Some('-' | '/' | '&'));
    let before = span.start.checked_sub(1).and_then(|i| doc.chars.get(i));
    let after = doc.chars.get(span.end);
    let after_next = doc.chars.get(span.end + 1);
    glue(before) || glue(after) && after_next.is_some_and(|c| !c.is_whitespace())
}

/// The model tokens of `text`, sentence by sentence, with their code-point spans: what
/// [`model_mentions`] feeds the tagger (the training crate reads running text the same way).
pub fn model_sentences(text: &str) -> Vec<Vec<(String, Span)>> {
    let doc = segment(text);
    let toks = &doc.tokens;
    doc.sentences
        .iter()
        .map(|s| {
            model_tokens(toks, s.tokens.clone())
                .into_iter()
                .map(|u| {
                    let span = Span::new(toks[u.start].start, toks[u.end - 1].end);
                    (doc.token_text(u), span)
                })
                .collect()
        })
        .collect()
}

/// The model's own mentions, mapped back to code points.
fn tag(model: &NerModel, doc: &Doc, blocked: &[bool]) -> Vec<Mention> {
    let toks = &doc.tokens;
    let units: Vec<Vec<Range<usize>>> = doc
        .sentences
        .iter()
        .map(|s| model_tokens(toks, s.tokens.clone()))
        .collect();
    // Joined tokens need their own strings; single ones borrow the pipeline's.
    let joined: Vec<Vec<Option<String>>> = units
        .iter()
        .map(|sentence| {
            sentence
                .iter()
                .map(|u| {
                    (u.len() > 1).then(|| toks[u.clone()].iter().map(|t| t.text.as_str()).collect())
                })
                .collect()
        })
        .collect();
    let words: Vec<Vec<&str>> = units
        .iter()
        .zip(&joined)
        .map(|(sentence, joined)| {
            sentence
                .iter()
                .zip(joined)
                .map(|(u, j)| j.as_deref().unwrap_or(toks[u.start].text.as_str()))
                .collect()
        })
        .collect();
    let mut mentions = Vec::new();
    for (sentence, found) in units.iter().zip(model.tag_document(&words)) {
        for (a, b, entity_type) in found {
            let (Some(first), Some(last)) = (
                sentence.get(a),
                b.checked_sub(1).and_then(|b| sentence.get(b)),
            ) else {
                continue;
            };
            let range = first.start..last.end;
            if range
                .clone()
                .any(|t| blocked.get(t).copied().unwrap_or(false))
            {
                continue;
            }
            let (Some(s), Some(e)) = (toks.get(range.start), toks.get(range.end - 1)) else {
                continue;
            };
            if b == a + 1 && range.len() > 1 {
                if let Some(parts) = known_parts(model, toks, range.clone()) {
                    mentions.extend(parts);
                    continue;
                }
            }
            mentions.push(Mention {
                span: Span::new(s.start, e.end),
                entity_type,
                strength: MODEL_STRENGTH,
            });
        }
    }
    mentions
}

/// A compound of names the model tagged as one ("Russia-U.S." in "Russia-U.S. relations"):
/// its parts, when every word part is a capitalized name of a person, organisation or place that
/// Dateline's lists or the model's training know.
fn known_parts(model: &NerModel, toks: &[Token], range: Range<usize>) -> Option<Vec<Mention>> {
    let lists = WordLists::get();
    toks[range]
        .iter()
        .filter(|t| !is_glue(t))
        .map(|t| {
            if !t.is_capitalized() {
                return None;
            }
            let entity_type = match lists.lookup(&t.text) {
                Some(known) => known.entity_type,
                None => {
                    // Only a name seen as one type; an ambiguous part keeps the compound whole.
                    let types = model
                        .gazetteer()
                        .get(&t.lower)
                        .filter(|m| m.count_ones() == 1)?;
                    *EntityType::ALL.get(types.trailing_zeros() as usize)?
                }
            };
            // "Arab-Israeli", "German-born": CoNLL's one adjective, whole.
            if entity_type == EntityType::Miscellaneous {
                return None;
            }
            Some(Mention {
                span: t.span(),
                entity_type,
                strength: MODEL_STRENGTH,
            })
        })
        .collect()
}

/// Turns BIO labels over tokens ("B-PER", "I-PER", "O"; IOB1 "I-" after "O" opens a mention)
/// into mentions. `tokens` are code-point spans of the tokens the labels belong to.
pub fn mentions_from_bio(tokens: &[Span], labels: &[&str]) -> Vec<Mention> {
    let mut mentions: Vec<Mention> = Vec::new();
    let mut open: Option<(Span, EntityType)> = None;
    for (span, label) in tokens.iter().zip(labels) {
        let (prefix, code) = label.split_once('-').unwrap_or((label, ""));
        let entity_type = EntityType::from_code(code);
        match (prefix, entity_type, open) {
            ("I", Some(t), Some((s, ot))) if t == ot => {
                open = Some((Span::new(s.start, span.end), ot))
            }
            (_, Some(t), _) if prefix == "B" || prefix == "I" => {
                if let Some((s, ot)) = open.take() {
                    mentions.push(Mention {
                        span: s,
                        entity_type: ot,
                        strength: MODEL_STRENGTH,
                    });
                }
                open = Some((*span, t));
            }
            _ => {
                if let Some((s, ot)) = open.take() {
                    mentions.push(Mention {
                        span: s,
                        entity_type: ot,
                        strength: MODEL_STRENGTH,
                    });
                }
            }
        }
    }
    if let Some((s, ot)) = open {
        mentions.push(Mention {
            span: s,
            entity_type: ot,
            strength: MODEL_STRENGTH,
        });
    }
    mentions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::entities::merge;
    use EntityType::{Location as Loc, Person as Per};

    fn units(text: &str) -> Vec<String> {
        let doc = segment(text);
        doc.sentences
            .iter()
            .flat_map(|s| model_tokens(&doc.tokens, s.tokens.clone()))
            .map(|u| doc.token_text(u))
            .collect()
    }

    #[test]
    fn money_is_cut_from_names_but_names_with_a_sign_stay() {
        let text = "Ke$ha paid US$ 5, C$ 9 and 5 € to USD Corp";
        let doc = segment(text);
        let trimmed = |start: usize, end: usize| {
            let mut m = Mention {
                span: Span::new(start, end),
                entity_type: EntityType::Miscellaneous,
                strength: MODEL_STRENGTH,
            };
            trim_mention(&doc, &mut m).then(|| doc.slice(m.span))
        };
        assert_eq!(trimmed(0, 5).as_deref(), Some("Ke$ha"));
        assert_eq!(trimmed(11, 14), None); // "US$"
        assert_eq!(trimmed(11, 16), None); // "US$ 5"
        assert_eq!(trimmed(18, 20), None); // "C$"
        assert_eq!(trimmed(34, 42).as_deref(), Some("Corp")); // "USD Corp"
    }

    #[test]
    fn compounds_are_one_model_token() {
        assert_eq!(
            units("Russia-U.S. ties, S&P and 5-1/2 on 1996-08-22"),
            [
                "Russia-U.S.",
                "ties",
                ",",
                "S&P",
                "and",
                "5-1/2",
                "on",
                "1996-08-22"
            ]
        );
        assert_eq!(
            units("a - b -c d- e"),
            ["a", "-", "b", "-", "c", "d", "-", "e"]
        );
        assert_eq!(
            units("Putin’s (AP) at Lord 's for C$ 5"),
            ["Putin", "’s", "(", "AP", ")", "at", "Lord", "'s", "for", "C$", "5"]
        );
    }

    #[test]
    fn bio_labels_become_mentions() {
        let text = "Angela Merkel visited Paris";
        let spans = [
            Span::new(0, 6),
            Span::new(7, 13),
            Span::new(14, 21),
            Span::new(22, 27),
        ];
        let mentions = mentions_from_bio(&spans, &["B-PER", "I-PER", "O", "I-LOC"]);
        let entities = merge(text, mentions);
        let got: Vec<(&str, EntityType)> = entities
            .iter()
            .map(|e| (e.name.as_str(), e.entity_type))
            .collect();
        assert_eq!(got, [("Angela Merkel", Per), ("Paris", Loc)]);
    }
}

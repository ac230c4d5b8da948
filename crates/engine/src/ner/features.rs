//! Feature extraction: each token becomes a list of 32-bit feature keys.
//!
//! A key is a stable hash (FNV-1a, then a 64-bit finalizer; the same on every platform) of a
//! template id and its value, so the model stores no feature strings. Features come in two groups:
//!
//! - *static* ones, from the sentence, the whole document ([`DocContext`]) and the gazetteer;
//! - *history* ones, from what the tagger itself predicted for the same word earlier in the
//!   document ([`History`]); they change as the tagger goes through the document.
//!
//! Training and tagging call the same functions, so the two cannot drift apart.

use std::borrow::Cow;
use std::ops::Range;

use super::gazetteer::Gazetteer;
use super::tags;
use crate::fast_hash::StrMap;

/// A hashed feature (never 0).
pub type FeatureKey = u32;

// Template ids. Changing any of them, or what they hash, changes every model: bump the format
// version in `model.rs` when you do.
const T_BIAS: u8 = 1;
const T_WORD: u8 = 2;
const T_LOWER: u8 = 3;
const T_SHAPE: u8 = 4;
const T_LONG_SHAPE: u8 = 5;
const T_PREFIX: u8 = 6;
const T_SUFFIX: u8 = 7;
const T_LOWER_AT: u8 = 8;
const T_SHAPE_AT: u8 = 9;
const T_BIGRAM_LEFT: u8 = 10;
const T_BIGRAM_RIGHT: u8 = 11;
const T_SHAPE_LEFT: u8 = 12;
const T_SHAPE_RIGHT: u8 = 13;
const T_SHAPE_TRIGRAM: u8 = 14;
const T_FIRST: u8 = 15;
const T_UPPER_SENTENCE: u8 = 16;
const T_GAZETTEER: u8 = 17;
const T_GAZETTEER_NEXT: u8 = 18;
const T_GAZETTEER_PREV: u8 = 19;
const T_DOC_CASE: u8 = 20;
const T_HISTORY: u8 = 21;
const T_HISTORY_WORD: u8 = 22;
const T_TITLE_SENTENCE: u8 = 23;

/// Builds one key from a template id and its parts.
#[derive(Clone, Copy)]
struct Key(u64);

impl Key {
    fn new(template: u8) -> Self {
        Key(0xcbf2_9ce4_8422_2325).byte(template)
    }

    fn byte(mut self, b: u8) -> Self {
        self.0 ^= u64::from(b);
        self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        self
    }

    /// A string part; the 0xff separator never occurs in UTF-8, so parts cannot run together.
    fn str(mut self, s: &str) -> Self {
        for &b in s.as_bytes() {
            self = self.byte(b);
        }
        self.byte(0xff)
    }

    fn finish(self) -> FeatureKey {
        let mut x = self.0;
        x ^= x >> 33;
        x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
        x ^= x >> 33;
        x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        x ^= x >> 33;
        let k = (x >> 32) as u32;
        k.max(1)
    }
}

/// The features of each token of one sentence, stored flat.
#[derive(Clone, Debug, Default)]
pub struct SentenceFeatures {
    keys: Vec<FeatureKey>,
    ends: Vec<usize>,
}

impl SentenceFeatures {
    /// An empty buffer.
    pub fn new() -> Self {
        SentenceFeatures::default()
    }

    /// Empties the buffer, keeping its memory.
    pub fn clear(&mut self) {
        self.keys.clear();
        self.ends.clear();
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True when there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The keys of token `i` (empty when out of range).
    pub fn token(&self, i: usize) -> &[FeatureKey] {
        self.keys.get(self.token_range(i)).unwrap_or(&[])
    }

    /// Where the keys of token `i` lie in [`SentenceFeatures::keys`] (empty when out of range).
    pub fn token_range(&self, i: usize) -> Range<usize> {
        let start = if i == 0 {
            0
        } else {
            self.ends.get(i - 1).copied().unwrap_or(0)
        };
        let end = self.ends.get(i).copied().unwrap_or(start);
        start..end.max(start)
    }

    /// The keys of every token, one token after another.
    pub fn keys(&self) -> &[FeatureKey] {
        &self.keys
    }

    fn push(&mut self, key: Key) {
        self.keys.push(key.finish());
    }

    fn end_token(&mut self) {
        self.ends.push(self.keys.len());
    }
}

/// Typographic punctuation as CoNLL's ASCII writes it (`’s` -> `'s`, `“` -> `"`, `—` -> `--`),
/// so text from a modern tokenizer meets the features the model was trained on. ASCII tokens are
/// returned as they are (training data is ASCII, so this never changes a trained feature).
pub fn normalize(token: &str) -> Cow<'_, str> {
    if token.is_ascii() {
        return Cow::Borrowed(token);
    }
    let mut out = String::with_capacity(token.len());
    for c in token.chars() {
        match c {
            '‘' | '’' | '‚' | '‛' | '′' => out.push('\''),
            '“' | '”' | '„' | '‟' | '«' | '»' | '″' => out.push('"'),
            '‐' | '‑' | '‒' | '–' | '−' => out.push('-'),
            '—' | '―' => out.push_str("--"),
            '…' => out.push_str("..."),
            '\u{a0}' => out.push(' '),
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Puts `word.to_lowercase()` into `out` (emptied first), without allocating for ASCII words.
fn lowercase_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        out.push_str(&word.to_lowercase());
    }
}

/// Character class of `c` for word shapes.
fn class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        c
    }
}

/// Short shape: runs of one class collapsed ("Xx", "X.X.", "d.d", "Xx-Xx").
pub fn short_shape(word: &str) -> String {
    let mut out = String::new();
    short_shape_into(word, &mut out);
    out
}

/// [`short_shape`], appended to `out`.
fn short_shape_into(word: &str, out: &mut String) {
    let mut last = None;
    for c in word.chars().map(class) {
        if last != Some(c) {
            out.push(c);
            last = Some(c);
        }
    }
}

/// Long shape: runs of one class cut at four ("Xxxxx", "dddd", "XX"), at most 12 characters.
pub fn long_shape(word: &str) -> String {
    let mut out = String::new();
    long_shape_into(word, &mut out);
    out
}

fn long_shape_into(word: &str, out: &mut String) {
    out.clear();
    let mut last = None;
    let mut run = 0;
    for c in word.chars().map(class) {
        if last == Some(c) {
            run += 1;
        } else {
            run = 1;
            last = Some(c);
        }
        if run <= 4 {
            out.push(c);
        }
        if out.len() >= 12 {
            break;
        }
    }
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn has_letter(word: &str) -> bool {
    word.chars().any(char::is_alphabetic)
}

/// True when the sentence has letters but no lower-case letter (headlines, datelines, tables).
pub fn is_upper_sentence(tokens: &[&str]) -> bool {
    tokens.iter().any(|t| has_letter(t))
        && !tokens.iter().any(|t| t.chars().any(char::is_lowercase))
}

/// True when at least four words start with a capital and at most one word of four letters or
/// more does not (a headline or a title in Title Case: "Greek Court Rules Worship Is Legal").
pub fn is_title_sentence(tokens: &[&str]) -> bool {
    let words = tokens.iter().filter(|t| has_letter(t));
    let (mut capital, mut lower) = (0, 0);
    for w in words {
        if starts_upper(w) {
            capital += 1;
        } else if w.chars().count() >= 4 {
            lower += 1;
        }
    }
    capital >= 4 && lower <= 1
}

#[derive(Clone, Copy, Debug, Default)]
struct WordCase {
    /// Capitalised, not sentence-first, not in an upper-case sentence.
    capitalised_inside: u32,
    /// Starts with a lower-case letter.
    lower: u32,
}

/// Document-wide facts about words: how each one is written elsewhere in the same document.
#[derive(Clone, Debug, Default)]
pub struct DocContext {
    cases: StrMap<WordCase>,
    /// The first form each word takes inside an ordinary sentence (not first, not in a headline):
    /// how to read it in an all-capitals or Title Case headline.
    forms: StrMap<String>,
}

impl DocContext {
    /// Gathers the facts from all sentences of one document.
    pub fn new(sentences: &[Vec<&str>]) -> Self {
        let mut cases: StrMap<WordCase> = StrMap::default();
        let mut forms: StrMap<String> = StrMap::default();
        let mut lower = String::new();
        for sentence in sentences {
            let upper = is_upper_sentence(sentence);
            let ordinary = !upper && !is_title_sentence(sentence);
            for (i, token) in sentence.iter().enumerate() {
                if !has_letter(token) {
                    continue;
                }
                let form = normalize(token);
                lowercase_into(&form, &mut lower);
                if ordinary && i > 0 && !forms.contains_key(&lower) {
                    forms.insert(lower.clone(), form.into_owned());
                }
                let (inside, starts_lower) = case_of(token, i, upper);
                if inside || starts_lower {
                    let entry = match cases.get_mut(&lower) {
                        Some(entry) => entry,
                        None => cases.entry(lower.clone()).or_default(),
                    };
                    entry.capitalised_inside += u32::from(inside);
                    entry.lower += u32::from(starts_lower);
                }
            }
        }
        DocContext { cases, forms }
    }

    /// How `token` is written in the document's ordinary sentences, if it is.
    fn usual_form(&self, token: &str) -> Option<&str> {
        self.forms.get(&token.to_lowercase()).map(String::as_str)
    }
}

/// (capitalised inside a normal sentence, starts lower-case)
fn case_of(token: &str, i: usize, upper_sentence: bool) -> (bool, bool) {
    let first = token.chars().next();
    let lower = first.is_some_and(char::is_lowercase);
    let inside = i > 0 && !upper_sentence && first.is_some_and(char::is_uppercase);
    (inside, lower)
}

/// What the tagger predicted so far in a document: the last entity type (or none) given to each
/// capitalised word.
#[derive(Clone, Debug, Default)]
pub struct History {
    last: StrMap<u8>,
}

impl History {
    /// An empty history, for the start of a document.
    pub fn new() -> Self {
        History::default()
    }

    /// Remembers the tags predicted for one sentence (tags as in [`super::tags`]).
    pub fn record(&mut self, tokens: &[&str], predicted: &[u8]) {
        let mut lower = String::new();
        for (token, &tag) in tokens.iter().zip(predicted) {
            if !starts_upper(token) {
                continue;
            }
            let class = tags::split(tag).map_or(0, |(ty, _)| tags::type_index(ty) as u8 + 1);
            lowercase_into(&normalize(token), &mut lower);
            match self.last.get_mut(&lower) {
                Some(last) => *last = class,
                None => {
                    self.last.insert(lower.clone(), class);
                }
            }
        }
    }
}

/// History features of one sentence, one token list each (see the module docs).
pub fn history_features(tokens: &[&str], history: &History, out: &mut SentenceFeatures) {
    out.clear();
    let mut lower = String::new();
    for token in tokens {
        if has_letter(token) {
            lowercase_into(&normalize(token), &mut lower);
            if let Some(&class) = history.last.get(&lower) {
                let cap = u8::from(starts_upper(token));
                out.push(Key::new(T_HISTORY).byte(class).byte(cap));
                out.push(Key::new(T_HISTORY_WORD).byte(class).str(&lower));
            }
        }
        out.end_token();
    }
}

/// Per-token tag scores: `add(key, scores)` adds the weights of one feature of the token, for every
/// static and history feature.
pub fn emissions(
    fixed: &SentenceFeatures,
    dynamic: &SentenceFeatures,
    add: impl Fn(FeatureKey, &mut [f32; tags::NUM_TAGS]),
) -> Vec<[f32; tags::NUM_TAGS]> {
    (0..fixed.len())
        .map(|i| {
            let mut scores = [0.0; tags::NUM_TAGS];
            for &key in fixed.token(i).iter().chain(dynamic.token(i)) {
                add(key, &mut scores);
            }
            scores
        })
        .collect()
}

const BOUNDARY_BEFORE: &str = "<s>";
const BOUNDARY_AFTER: &str = "</s>";

/// Static features of one sentence of a document (see the module docs).
pub fn static_features(
    tokens: &[&str],
    doc: &DocContext,
    gazetteer: &Gazetteer,
    out: &mut SentenceFeatures,
) {
    out.clear();
    let normalized: Vec<Cow<'_, str>> = tokens.iter().map(|t| normalize(t)).collect();
    let tokens: Vec<&str> = normalized.iter().map(|t| t.as_ref()).collect();
    // A headline reads like the same words in the document's ordinary sentences.
    let upper = is_upper_sentence(&tokens);
    let title = !upper && is_title_sentence(&tokens);
    let tokens: Vec<&str> = if upper || title {
        tokens
            .iter()
            .map(|t| doc.usual_form(t).unwrap_or(t))
            .collect()
    } else {
        tokens
    };
    let words = SentenceWords::new(&tokens, upper, title);
    let lowered: Vec<&str> = (0..tokens.len()).map(|i| words.lower(i)).collect();
    let gazetteer_bits = gazetteer_positions(gazetteer, &lowered);
    let mut buffer = String::new();
    for (i, token) in tokens.iter().enumerate() {
        token_features(token, words.lower(i), words.shape(i), &mut buffer, out);
        context_features(&words, i, out);
        gazetteer_features(&gazetteer_bits, i, out);
        doc_case_feature(token, &words, i, doc, out);
        out.end_token();
    }
}

/// A sentence's lower-cased tokens and short shapes; past either end, a boundary marker. All of
/// them live end to end in one string, so a sentence costs a few allocations, not two a token.
struct SentenceWords {
    text: String,
    /// Byte ranges in `text` of each token's lower-cased form.
    lower: Vec<Range<usize>>,
    /// Byte ranges in `text` of each token's short shape.
    shapes: Vec<Range<usize>>,
    /// All upper-case (see [`is_upper_sentence`]).
    upper: bool,
    /// Title Case (see [`is_title_sentence`]).
    title: bool,
}

impl SentenceWords {
    fn new(tokens: &[&str], upper: bool, title: bool) -> Self {
        let mut text = String::new();
        let mut lower = Vec::with_capacity(tokens.len());
        let mut shapes = Vec::with_capacity(tokens.len());
        for token in tokens {
            let start = text.len();
            if token.is_ascii() {
                text.push_str(token);
                text[start..].make_ascii_lowercase();
            } else {
                text.push_str(&token.to_lowercase());
            }
            lower.push(start..text.len());
        }
        for token in tokens {
            let start = text.len();
            short_shape_into(token, &mut text);
            shapes.push(start..text.len());
        }
        SentenceWords {
            text,
            lower,
            shapes,
            upper,
            title,
        }
    }

    fn lower(&self, i: usize) -> &str {
        &self.text[self.lower[i].clone()]
    }

    fn shape(&self, i: usize) -> &str {
        &self.text[self.shapes[i].clone()]
    }

    fn lower_at(&self, j: isize) -> &str {
        match usize::try_from(j) {
            Err(_) => BOUNDARY_BEFORE,
            Ok(j) if j < self.lower.len() => self.lower(j),
            Ok(_) => BOUNDARY_AFTER,
        }
    }

    fn shape_at(&self, j: isize) -> &str {
        match usize::try_from(j) {
            Err(_) => BOUNDARY_BEFORE,
            Ok(j) if j < self.shapes.len() => self.shape(j),
            Ok(_) => BOUNDARY_AFTER,
        }
    }
}

/// Per token, the gazetteer matches it is part of as (type, position) bits: bit `type * 4 + pos`
/// with pos 0 first, 1 inside, 2 last, 3 a one-token match.
fn gazetteer_positions(gazetteer: &Gazetteer, lower: &[&str]) -> Vec<u16> {
    let mut positions: Vec<u16> = vec![0; lower.len()];
    for m in gazetteer.find_all(lower) {
        for (i, bits) in positions.iter_mut().enumerate().take(m.end).skip(m.start) {
            let pos = if m.end - m.start == 1 {
                3
            } else if i == m.start {
                0
            } else if i + 1 == m.end {
                2
            } else {
                1
            };
            for t in 0..4 {
                if m.types & (1 << t) != 0 {
                    *bits |= 1 << (t * 4 + pos);
                }
            }
        }
    }
    positions
}

/// The token on its own: as written and lower-cased, its shapes, prefixes and suffixes.
fn token_features(
    token: &str,
    lower: &str,
    shape: &str,
    buffer: &mut String,
    out: &mut SentenceFeatures,
) {
    out.push(Key::new(T_BIAS));
    out.push(Key::new(T_WORD).str(token));
    out.push(Key::new(T_LOWER).str(lower));
    out.push(Key::new(T_SHAPE).str(shape));
    long_shape_into(token, buffer);
    out.push(Key::new(T_LONG_SHAPE).str(buffer));

    let mut ends = lower
        .char_indices()
        .map(|(b, _)| b)
        .skip(1)
        .chain([lower.len()]);
    let mut starts = lower.char_indices().map(|(b, _)| b).rev();
    for k in 1..=4u8 {
        let (Some(end), Some(start)) = (ends.next(), starts.next()) else {
            break;
        };
        out.push(Key::new(T_PREFIX).byte(k).str(&lower[..end]));
        out.push(Key::new(T_SUFFIX).byte(k).str(&lower[start..]));
    }
}

/// Token `i` among its neighbours: words and shapes around it, and where it stands.
fn context_features(words: &SentenceWords, i: usize, out: &mut SentenceFeatures) {
    let lower = words.lower(i);
    let shape = words.shape(i);
    let at = i as isize;
    for offset in [-2isize, -1, 1, 2] {
        out.push(
            Key::new(T_LOWER_AT)
                .byte(offset as u8)
                .str(words.lower_at(at + offset)),
        );
        out.push(
            Key::new(T_SHAPE_AT)
                .byte(offset as u8)
                .str(words.shape_at(at + offset)),
        );
    }
    out.push(
        Key::new(T_BIGRAM_LEFT)
            .str(words.lower_at(at - 1))
            .str(lower),
    );
    out.push(
        Key::new(T_BIGRAM_RIGHT)
            .str(lower)
            .str(words.lower_at(at + 1)),
    );
    out.push(
        Key::new(T_SHAPE_LEFT)
            .str(words.shape_at(at - 1))
            .str(shape),
    );
    out.push(
        Key::new(T_SHAPE_RIGHT)
            .str(shape)
            .str(words.shape_at(at + 1)),
    );
    out.push(
        Key::new(T_SHAPE_TRIGRAM)
            .str(words.shape_at(at - 1))
            .str(shape)
            .str(words.shape_at(at + 1)),
    );
    if i == 0 {
        out.push(Key::new(T_FIRST).str(shape));
    }
    if words.upper {
        out.push(Key::new(T_UPPER_SENTENCE).str(shape));
    }
    if words.title {
        out.push(Key::new(T_TITLE_SENTENCE).str(shape));
    }
}

/// Gazetteer matches at token `i` and at its two neighbours.
fn gazetteer_features(positions: &[u16], i: usize, out: &mut SentenceFeatures) {
    for (template, bits) in [
        (T_GAZETTEER, positions[i]),
        (T_GAZETTEER_PREV, if i > 0 { positions[i - 1] } else { 0 }),
        (T_GAZETTEER_NEXT, positions.get(i + 1).copied().unwrap_or(0)),
    ] {
        for b in 0..16u8 {
            if bits & (1 << b) != 0 {
                out.push(Key::new(template).byte(b));
            }
        }
    }
}

/// How the token is written here against elsewhere in the document (see [`DocContext`]).
fn doc_case_feature(
    token: &str,
    words: &SentenceWords,
    i: usize,
    doc: &DocContext,
    out: &mut SentenceFeatures,
) {
    if !has_letter(token) {
        return;
    }
    let seen = doc.cases.get(words.lower(i)).copied().unwrap_or_default();
    let (inside, low) = case_of(token, i, words.upper || words.title);
    let other_inside = seen.capitalised_inside > u32::from(inside);
    let other_lower = seen.lower > u32::from(low);
    let weak_context = i == 0 || words.upper || words.title;
    let code = u8::from(starts_upper(token))
        | u8::from(other_inside) << 1
        | u8::from(other_lower) << 2
        | u8::from(weak_context) << 3;
    out.push(Key::new(T_DOC_CASE).byte(code));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(short_shape("Washington"), "Xx");
        assert_eq!(short_shape("U.S."), "X.X.");
        assert_eq!(short_shape("1996-08-22"), "d-d-d");
        assert_eq!(long_shape("Washington"), "Xxxxx");
        assert_eq!(long_shape("IBM"), "XXX");
        assert_eq!(long_shape(""), "");
        assert_eq!(short_shape("Zürich"), "Xx");
    }

    #[test]
    fn keys_are_stable_and_nonzero() {
        // Pinned: a change here silently invalidates every trained model.
        assert_eq!(
            Key::new(T_WORD).str("Paris").finish(),
            Key::new(T_WORD).str("Paris").finish()
        );
        assert_ne!(
            Key::new(T_WORD).str("ab").str("c").finish(),
            Key::new(T_WORD).str("a").str("bc").finish()
        );
        assert_eq!(Key::new(T_BIAS).finish(), 0x0d7c_ea42);
    }

    #[test]
    fn one_list_per_token() {
        let sentences = vec![vec!["Peter", "Blackburn", "met", "Blackburn", "."], vec![]];
        let doc = DocContext::new(&sentences);
        let mut g = Gazetteer::new();
        g.insert("peter blackburn", 1);
        let mut f = SentenceFeatures::new();
        static_features(&sentences[0], &doc, &g, &mut f);
        assert_eq!(f.len(), 5);
        assert!((0..5).all(|i| !f.token(i).is_empty()));
        assert!(f.token(9).is_empty());
        static_features(&sentences[1], &doc, &g, &mut f);
        assert!(f.is_empty());
    }

    #[test]
    fn odd_tokens_do_not_panic() {
        let tokens = vec!["", "ǅ", "é", "\u{200b}", "日本", "a b"];
        let doc = DocContext::new(std::slice::from_ref(&tokens));
        let mut f = SentenceFeatures::new();
        static_features(&tokens, &doc, &Gazetteer::new(), &mut f);
        assert_eq!(f.len(), tokens.len());
    }

    #[test]
    fn history_features_follow_predictions() {
        let tokens = vec!["Smith", "said"];
        let mut h = History::new();
        let mut f = SentenceFeatures::new();
        history_features(&tokens, &h, &mut f);
        assert!(f.token(0).is_empty());
        let per = tags::tag(
            dateline_format::article::EntityType::Person,
            tags::Position::Unit,
        );
        h.record(&tokens, &[per, tags::OUTSIDE]);
        history_features(&tokens, &h, &mut f);
        assert_eq!(f.token(0).len(), 2);
        assert!(f.token(1).is_empty());
    }

    #[test]
    fn typographic_punctuation_meets_ascii_features() {
        assert_eq!(normalize("’s"), "'s");
        assert_eq!(normalize("O’Brien"), "O'Brien");
        assert_eq!(normalize("—"), "--");
        assert!(matches!(normalize("Zürich"), Cow::Owned(_)));
        assert!(matches!(normalize("plain"), Cow::Borrowed("plain")));
        let doc = DocContext::default();
        let gaz = Gazetteer::new();
        let (mut a, mut b) = (SentenceFeatures::new(), SentenceFeatures::new());
        static_features(&["“", "Smith", "’s", "”"], &doc, &gaz, &mut a);
        static_features(&["\"", "Smith", "'s", "\""], &doc, &gaz, &mut b);
        assert_eq!(
            (0..4).map(|i| a.token(i)).collect::<Vec<_>>(),
            (0..4).map(|i| b.token(i)).collect::<Vec<_>>()
        );
    }

    #[test]
    fn headlines_read_like_ordinary_sentences() {
        let doc = DocContext::new(&[
            vec!["GERMANY", "BEAT", "NATO", "IN", "PARIS"],
            vec!["Germany", "beat", "NATO", "in", "Paris", "."],
        ]);
        assert_eq!(doc.usual_form("GERMANY"), None);
        assert_eq!(doc.usual_form("BEAT"), Some("beat"));
        assert_eq!(doc.usual_form("nato"), Some("NATO"));
        let gaz = Gazetteer::new();
        let (mut head, mut body) = (SentenceFeatures::new(), SentenceFeatures::new());
        static_features(&["PARIS", "BEAT"], &doc, &gaz, &mut head);
        static_features(&["Paris", "beat"], &doc, &gaz, &mut body);
        // The word's own features (word, lower, shapes, affixes) are the body's.
        assert_eq!(head.token(1)[..8], body.token(1)[..8]);
        assert!(is_title_sentence(&[
            "Greek", "Court", "Rules", "Worship", "of", "Gods", "Legal"
        ]));
        assert!(!is_title_sentence(&[
            "Greek", "court", "rules", "worship", "is", "legal"
        ]));
    }

    #[test]
    fn upper_sentences() {
        assert!(is_upper_sentence(&["BRUSSELS", "1996-08-22"]));
        assert!(!is_upper_sentence(&["1996-08-22"]));
        assert!(!is_upper_sentence(&["EU", "rejects"]));
    }
}

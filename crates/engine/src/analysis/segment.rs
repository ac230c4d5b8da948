//! Tokens and sentences, with spans in code points.
//!
//! The tokenizer is a hand-written scanner: words (letters and digits, with inner apostrophes as
//! in "O'Brien"), numbers (with inner `.,:` and ordinal/decade suffixes: "4,877", "18th",
//! "1990s"), dotted abbreviations ("U.S.", "p.m.", "Mr.", "Jan."), the possessive "'s" as its own
//! token, and one token per other character (punctuation, symbols, emoji). Hyphens always split,
//! so "Russia-U.S." gives "Russia", "-", "U.S.".
//!
//! Sentences end at `.`, `!`, `?` or `…` followed by something that can start a sentence, at a
//! newline, and always at a blank line (a paragraph break), which nothing crosses.

use std::ops::Range;

use super::word_lists::WordLists;
use dateline_format::article::Span;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters (and digits) — "Putin", "G20", "U.S.", "don't".
    Word,
    /// Starts with a digit — "2017", "4,877", "18th", "1990s".
    Number,
    /// The possessive "'s" / "’s".
    Possessive,
    /// One punctuation character.
    Punct,
    /// Any other single character: symbols, emoji.
    Symbol,
}

/// One token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The token's text.
    pub text: String,
    /// Lowercased text.
    pub lower: String,
    /// What it is made of.
    pub kind: Kind,
    /// Whitespace directly before it (or the start of the text).
    pub space_before: bool,
    /// A line break in the whitespace before it.
    pub newline_before: bool,
    /// A paragraph break (blank line) in the whitespace before it.
    pub paragraph_before: bool,
}

impl Token {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }

    /// First character is uppercase (or titlecase).
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Every letter is uppercase and there are at least two letters ("NATO", "U.S.").
    pub fn is_all_caps(&self) -> bool {
        let mut letters = 0;
        for c in self.text.chars().filter(|c| c.is_alphabetic()) {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        }
        letters >= 2
    }
}

/// One sentence: its span and the tokens in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Sentence {
    pub span: Span,
    pub tokens: Range<usize>,
}

/// A segmented text.
#[derive(Clone, Debug, Default)]
pub(crate) struct Doc {
    pub chars: Vec<char>,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
}

impl Doc {
    /// The text under a span (empty when the span is out of range).
    pub fn slice(&self, span: Span) -> String {
        self.chars
            .get(span.start..span.end)
            .map(|c| c.iter().collect())
            .unwrap_or_default()
    }

    /// The text from token `from` to token `to` (exclusive), as written.
    pub fn token_text(&self, tokens: Range<usize>) -> String {
        match (
            self.tokens.get(tokens.start),
            tokens.end.checked_sub(1).and_then(|i| self.tokens.get(i)),
        ) {
            (Some(a), Some(b)) if tokens.start < tokens.end => {
                self.slice(Span::new(a.start, b.end))
            }
            _ => String::new(),
        }
    }

    /// Index of the sentence holding token `t`.
    pub fn sentence_of(&self, t: usize) -> Option<usize> {
        // Sentences are ordered and do not overlap: binary search.
        let s = self.sentences.partition_point(|s| s.tokens.end <= t);
        self.sentences
            .get(s)
            .filter(|s| s.tokens.contains(&t))
            .map(|_| s)
    }
}

/// Abbreviations that keep their final dot, besides the titles of `data/title_abbreviations.txt`.
/// Unlike a title, one of these can end a sentence.
const OTHER_ABBREVIATIONS: &[&str] = &[
    "Inc", "Corp", "Ltd", "Co", "Bros", "Assn", "Dept", "Univ", "Ave", "Blvd", "Rd", "Jan", "Feb",
    "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Tues",
    "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun", "etc", "approx", "est", "Calif", "Fla",
    "Mass", "Penn", "Wash", "Ariz", "Ark", "Colo", "Conn", "Del", "Ga", "Ill", "Ind", "Kan", "Ky",
    "La", "Md", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn",
    "Tex", "Va", "Vt", "Wis", "Wyo", "plc", "Plc", "PLC", "Cos", "Intl", "cf", "ca", "al", "pp",
    "p",
];

pub(crate) fn is_title_abbreviation(word: &str) -> bool {
    WordLists::get()
        .title_abbreviations
        .contains(word.trim_end_matches('.'))
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Words that often start a sentence after an abbreviation such as "U.S." at the end of the one
/// before ("... with the U.S. The talks ...").
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "But",
    "And",
    "In",
    "On",
    "At",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "However",
    "Meanwhile",
    "After",
    "Before",
    "When",
    "While",
    "If",
    "As",
    "Some",
    "Many",
    "Most",
    "Officials",
    "Both",
];

/// Splits `text` into tokens and sentences.
pub(crate) fn segment(text: &str) -> Doc {
    let chars: Vec<char> = text.chars().collect();
    let tokens = tokenize(&chars);
    let sentences = split_sentences(&tokens);
    Doc {
        chars,
        tokens,
        sentences,
    }
}

fn tokenize(chars: &[char]) -> Vec<Token> {
    let mut tokens = Vec::new();
    let at = |i: usize| chars.get(i).copied().unwrap_or(' ');
    let mut i = 0;
    let (mut space, mut newlines, mut paragraph) = (true, false, false);
    let mut consecutive_newlines = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            space = true;
            if c == '\n' {
                newlines = true;
                consecutive_newlines += 1;
                if consecutive_newlines >= 2 {
                    paragraph = true;
                }
            } else if c != '\r' {
                consecutive_newlines = 0;
            }
            i += 1;
            continue;
        }
        consecutive_newlines = 0;
        let start = i;
        let kind;
        if c.is_alphabetic() {
            kind = Kind::Word;
            i = scan_word(chars, i);
        } else if c.is_ascii_digit() {
            kind = Kind::Number;
            i += 1;
            while i < chars.len() {
                let d = chars[i];
                if d.is_ascii_digit()
                    || (matches!(d, '.' | ',' | ':') && at(i + 1).is_ascii_digit())
                {
                    i += 1;
                } else {
                    break;
                }
            }
            // Ordinal and decade suffixes stay on the number: "18th", "1990s".
            let mut j = i;
            while j < chars.len() && chars[j].is_ascii_alphabetic() {
                j += 1;
            }
            let suffix: String = chars[i..j].iter().collect::<String>().to_ascii_lowercase();
            if matches!(suffix.as_str(), "st" | "nd" | "rd" | "th" | "s") {
                i = j;
            }
        } else if is_apostrophe(c)
            && matches!(at(i + 1), 's' | 'S')
            && !at(i + 2).is_alphanumeric()
            && tokens
                .last()
                .is_some_and(|t: &Token| t.end == i && t.kind == Kind::Word)
        {
            kind = Kind::Possessive;
            i += 2;
        } else if is_punctuation(c) {
            kind = Kind::Punct;
            i += 1;
        } else {
            kind = Kind::Symbol;
            i += 1;
        }
        let text: String = chars[start..i].iter().collect();
        tokens.push(Token {
            start,
            end: i,
            lower: text.to_lowercase(),
            text,
            kind,
            space_before: space,
            newline_before: newlines,
            paragraph_before: paragraph,
        });
        space = false;
        newlines = false;
        paragraph = false;
    }
    tokens
}

fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(
            c,
            '“' | '”'
                | '‘'
                | '’'
                | '«'
                | '»'
                | '–'
                | '—'
                | '…'
                | '‹'
                | '›'
                | '„'
                | '‚'
                | '¡'
                | '¿'
                | '·'
        )
        || ('\u{2010}'..='\u{2027}').contains(&c)
        || ('\u{3000}'..='\u{303F}').contains(&c)
}

/// Scans a word starting at `i`; returns its end.
fn scan_word(chars: &[char], mut i: usize) -> usize {
    let at = |i: usize| chars.get(i).copied().unwrap_or(' ');
    let start = i;
    // Dotted initialisms: "U.S.", "p.m.", "U.N.", "D.C."
    if at(i + 1) == '.' && at(i + 2).is_alphabetic() && at(i + 3) == '.' {
        let mut j = i;
        while at(j).is_alphabetic() && at(j + 1) == '.' {
            j += 2;
        }
        return j;
    }
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphanumeric() || is_mark(c) {
            i += 1;
        } else if is_apostrophe(c) && at(i + 1).is_alphabetic() && i > start {
            // "'s" followed by a non-letter is a possessive, split off; "n't", "O'Brien" stay.
            let next2 = at(i + 2);
            if matches!(at(i + 1), 's' | 'S') && !next2.is_alphanumeric() {
                break;
            }
            i += 1;
        } else {
            break;
        }
    }
    if at(i) == '.' {
        let word: String = chars[start..i].iter().collect();
        let single_capital = i - start == 1 && word.chars().all(char::is_uppercase);
        if WordLists::get().title_abbreviations.contains(&word)
            || OTHER_ABBREVIATIONS.contains(&word.as_str())
        {
            // "No." only before a number, "p." etc. only when lowercase-word context is unclear:
            // keep them simple and include the dot.
            if word != "No" || at(i + 1) == ' ' && at(i + 2).is_ascii_digit() {
                return i + 1;
            }
        } else if single_capital && at(i + 1) == ' ' && at(i + 2).is_uppercase() {
            // A middle initial: "George W. Bush".
            return i + 1;
        }
    }
    i
}

fn is_mark(c: char) -> bool {
    // Combining diacritics and joiners that sit inside words in many scripts.
    ('\u{0300}'..='\u{036F}').contains(&c)
        || ('\u{0900}'..='\u{0DFF}').contains(&c) && !c.is_whitespace()
        || c == '\u{200C}'
        || c == '\u{200D}'
}

fn is_closer(t: &Token) -> bool {
    t.kind == Kind::Punct
        && matches!(
            t.text.as_str(),
            "\"" | "”" | "’" | "'" | ")" | "]" | "»" | "›"
        )
}

fn split_sentences(tokens: &[Token]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let mut end_here = false;
        let mut last = i;
        let ends_with_stop = (t.kind == Kind::Punct
            && matches!(t.text.as_str(), "." | "!" | "?" | "…"))
            || (t.kind == Kind::Word && t.text.ends_with('.') && !is_title_abbreviation(&t.text));
        if ends_with_stop {
            while last + 1 < tokens.len()
                && is_closer(&tokens[last + 1])
                && !tokens[last + 1].newline_before
            {
                last += 1;
            }
            match tokens.get(last + 1) {
                None => end_here = true,
                Some(next) if next.newline_before => end_here = true,
                Some(next) if !next.space_before => {}
                Some(next) => {
                    let first = next.text.chars().next().unwrap_or(' ');
                    end_here = if t.kind == Kind::Word {
                        // An abbreviation ends a sentence only before a typical sentence opener.
                        SENTENCE_STARTERS.contains(&next.text.as_str())
                    } else {
                        first.is_uppercase()
                            || first.is_ascii_digit()
                            || next.kind == Kind::Punct && !is_closer(next)
                            || next.kind == Kind::Symbol
                            || matches!(first, '“' | '"' | '‘' | '\'')
                    };
                }
            }
        } else if tokens.get(i + 1).is_some_and(|n| n.newline_before) {
            end_here = true;
        }
        if end_here || last + 1 >= tokens.len() {
            push_sentence(&mut sentences, tokens, start..last + 1);
            start = last + 1;
        }
        i = last + 1;
    }
    sentences
}

fn push_sentence(sentences: &mut Vec<Sentence>, tokens: &[Token], range: Range<usize>) {
    if let (Some(a), Some(b)) = (
        tokens.get(range.start),
        range.end.checked_sub(1).and_then(|e| tokens.get(e)),
    ) {
        if range.start < range.end {
            sentences.push(Sentence {
                span: Span::new(a.start, b.end),
                tokens: range,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        let doc = segment(text);
        doc.tokens.iter().map(|t| doc.slice(t.span())).collect()
    }

    #[test]
    fn token_spans_slice_back_to_their_text() {
        let text = "Putin’s aide met Mr. Smith in the U.S. on Jan. 5th, 2017 — “really” 😀 東京 4,877 1990s.";
        let doc = segment(text);
        for t in &doc.tokens {
            assert_eq!(doc.slice(t.span()), t.text);
        }
        assert_eq!(
            texts(text),
            [
                "Putin", "’s", "aide", "met", "Mr.", "Smith", "in", "the", "U.S.", "on", "Jan.",
                "5th", ",", "2017", "—", "“", "really", "”", "😀", "東京", "4,877", "1990s", "."
            ]
        );
    }

    #[test]
    fn hyphens_split_names() {
        assert_eq!(
            texts("Russia-U.S. relations"),
            ["Russia", "-", "U.S.", "relations"]
        );
        assert_eq!(texts("O'Brien doesn't"), ["O'Brien", "doesn't"]);
        assert_eq!(
            texts("the Russians' view"),
            ["the", "Russians", "'", "view"]
        );
    }

    #[test]
    fn sentences_respect_abbreviations_and_paragraphs() {
        let text = "Mr. Smith went to the U.S. Embassy. He left.\n\nU.S. officials said so. The U.S. The end";
        let doc = segment(text);
        let got: Vec<String> = doc.sentences.iter().map(|s| doc.slice(s.span)).collect();
        assert_eq!(
            got,
            [
                "Mr. Smith went to the U.S. Embassy.",
                "He left.",
                "U.S. officials said so.",
                "The U.S.",
                "The end"
            ]
        );
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        let text = "“They met,” he said. “Soon.” Then Peskov spoke!";
        let doc = segment(text);
        let got: Vec<String> = doc.sentences.iter().map(|s| doc.slice(s.span)).collect();
        assert_eq!(
            got,
            ["“They met,” he said.", "“Soon.”", "Then Peskov spoke!"]
        );
    }

    #[test]
    fn paragraph_flags() {
        let doc = segment("a\nb\n\nc");
        let flags: Vec<(bool, bool)> = doc
            .tokens
            .iter()
            .map(|t| (t.newline_before, t.paragraph_before))
            .collect();
        assert_eq!(flags, [(false, false), (true, false), (true, true)]);
        assert_eq!(doc.sentences.len(), 3);
    }
}

//! Whole-pipeline tests: the seed article, and odd input that must never break an invariant.

use super::*;
use dateline_format::article::EntityType;
use dateline_format::span::slice;

use crate::rng::SeededRng;

const SEED: &str = include_str!("testdata/seed.txt");

/// The seed body as the build step joins it: paragraphs after headline and dek, no source line.
fn seed_body() -> String {
    let (_, _, paragraphs, _) = crate::build::split_plain_text(SEED);
    paragraphs.join("\n\n")
}

/// Checks every invariant of an analysis (see [`Analysis::check_invariants`]).
fn check_invariants(text: &str, analysis: &Analysis) {
    if let Err(broken) = analysis.check_invariants(text) {
        panic!("{broken}\nin text {text:?}");
    }
}

/// The committed NER model (see `models/MODEL_CARD.md`).
const MODEL: &[u8] = include_bytes!("../../../../models/ner-news.bin");

/// The analyzer with the committed model, loaded once for all tests.
fn with_model() -> &'static Analyzer {
    static ANALYZER: std::sync::OnceLock<Analyzer> = std::sync::OnceLock::new();
    ANALYZER.get_or_init(|| {
        Analyzer::new(Some(
            NerModel::from_bytes(MODEL).expect("the committed model loads"),
        ))
    })
}

/// Both entity finders: rules only, and the model.
fn analyzers() -> [&'static Analyzer; 2] {
    static RULES: Analyzer = Analyzer { model: None };
    [&RULES, with_model()]
}

#[test]
fn seed_floor_with_rules() {
    check_seed_floor(&Analyzer::new(None));
}

#[test]
fn seed_floor_with_model() {
    check_seed_floor(with_model());
}

/// Entities the reader and its browser tests (`tests/e2e/reader.test.mjs`) expect in the seed.
const SEED_FLOOR: &[(&str, EntityType)] = &[
    ("Vladimir Putin", EntityType::Person),
    ("Donald Trump", EntityType::Person),
    ("Dmitry Peskov", EntityType::Person),
    ("Hillary Clinton", EntityType::Person),
    ("Germany", EntityType::Location),
    ("Hamburg", EntityType::Location),
    ("Syria", EntityType::Location),
    ("Ukraine", EntityType::Location),
    ("North Korea", EntityType::Location),
    ("Russia", EntityType::Location),
    ("Moscow", EntityType::Location),
    ("Washington", EntityType::Location),
    ("Pyongyang", EntityType::Location),
    ("U.S.", EntityType::Location),
    ("Kremlin", EntityType::Organization),
    ("Twitter", EntityType::Organization),
    ("G20", EntityType::Miscellaneous),
    ("Russian", EntityType::Miscellaneous),
    ("Syrian", EntityType::Miscellaneous),
];

/// What the reader and its browser tests rely on in the seed article.
fn check_seed_floor(analyzer: &Analyzer) {
    let body = seed_body();
    let analysis = analyzer.analyze(&body, "2017-07-07".parse().ok());
    check_invariants(&body, &analysis);
    let list: Vec<(&str, EntityType)> = analysis
        .entities
        .iter()
        .map(|e| (e.name.as_str(), e.entity_type))
        .collect();
    let text = body.as_str();
    let mentions: Vec<(String, EntityType, &str)> = analysis
        .entities
        .iter()
        .flat_map(|e| {
            e.mentions
                .iter()
                .map(move |m| (slice(text, *m), e.entity_type, e.id.as_str()))
        })
        .collect();
    fn of_text<'a>(
        mentions: &'a [(String, EntityType, &'a str)],
        text: &'a str,
    ) -> impl Iterator<Item = &'a (String, EntityType, &'a str)> {
        mentions.iter().filter(move |m| m.0 == text)
    }
    let ids_of = |text: &'static str| {
        of_text(&mentions, text)
            .map(|m| m.2)
            .collect::<std::collections::BTreeSet<_>>()
    };
    for &(name, t) in SEED_FLOOR {
        assert!(list.contains(&(name, t)), "{name} {t:?} in {list:?}");
        // As the browser test reads the page: every mention with this text has this type
        // (adjectives such as "Russian" may be a plural's alias, so only names are checked).
        if t != EntityType::Miscellaneous && name != "U.S." {
            assert!(
                of_text(&mentions, name).all(|m| m.1 == t),
                "every mention {name:?} is {t:?}"
            );
        }
    }
    for (full, short) in [
        ("Vladimir Putin", "Putin"),
        ("Donald Trump", "Trump"),
        ("Dmitry Peskov", "Peskov"),
    ] {
        assert_eq!(
            ids_of(short),
            ids_of(full),
            "{short} and {full} are one entity"
        );
    }
    let putin = analysis
        .entities
        .iter()
        .find(|e| e.name == "Vladimir Putin")
        .unwrap();
    assert!(putin.mentions.len() >= 5);
    assert!(putin.aliases.contains(&"Putin".to_string()));
    for m in &putin.mentions {
        assert!(["Vladimir Putin", "Putin"].contains(&slice(&body, *m).as_str()));
    }
    let dates: Vec<&str> = analysis.events.iter().map(|e| e.date.as_str()).collect();
    for date in ["2016-11", "2017-01", "2017-06-18", "2017-07-07"] {
        assert!(dates.contains(&date), "{date} in {dates:?}");
    }
    let later = analysis
        .timexes
        .iter()
        .find(|t| {
            slice(&body, t.span).ends_with("today") && slice(&body, t.span).starts_with("later")
        })
        .unwrap();
    assert_eq!(later.value, "2017-07-07");
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
}

#[test]
fn empty_and_odd_input() {
    let long_run = "word ".repeat(3000);
    let cases = [
        String::new(),
        " ".into(),
        "\n\n\n".into(),
        "...!?;:—“”’'".into(),
        "'s".into(),
        "’s Putin’s ’".into(),
        "U.S.".into(),
        "U.S.A".into(),
        "A.".into(),
        "Mr.".into(),
        "May".into(),
        "June 31st, 2017 and February 30 and 99:99 p.m. and 1000000 years ago".into(),
        "the past 99999999999999999999 years".into(),
        "in 9999 and in 0001 and 3000 decades ago, 5000 centuries later".into(),
        "😀😀 🇺🇸 👨‍👩‍👧 Ünïcødé Москва Путин 東京 في القاهرة नमस्ते".into(),
        "\u{0301}\u{200D}\u{FEFF}x\u{0300}".into(),
        "Hello\r\n\r\nWorld\n\n\nAgain\n \nEnd".into(),
        long_run,
        "Last Friday next Monday this Tuesday every Sunday Fridays tonight the weekend".into(),
        "1990s '90s mid-1990s the 1980s 12:30 noon midnight Christmas New Year's Day Thanksgiving"
            .into(),
        "the end of the year, the third-quarter, Q3, first half".into(),
        "A-B-C-D U.S.-Russia-China-E.U. al-Qaeda bin Laden Bank of of of".into(),
        "\"\"\"“““”””".into(),
        "President President President. Mr. Mr. Mr.".into(),
    ];
    for text in &cases {
        for published in [
            None,
            "2017-07-07".parse().ok(),
            "0001-01-01".parse().ok(),
            "9999-12-31".parse().ok(),
        ] {
            for analyzer in analyzers() {
                check_invariants(text, &analyzer.analyze(text, published));
            }
        }
    }
}

#[test]
fn random_text_never_breaks_invariants() {
    let mut next = seeded(0x9E37_79B9_7F4A_7C15);
    let pieces = [
        "Putin",
        "Trump",
        "U.S.",
        "today",
        "June",
        "18th",
        ",",
        ".",
        " ",
        "\n",
        "\n\n",
        "’s",
        "-",
        "2017",
        "ago",
        "years",
        "last",
        "next",
        "Friday",
        "the",
        "President",
        "😀",
        "é",
        "Москва",
        "\u{0301}",
        "“",
        "”",
        "Mr.",
        "Inc.",
        "of",
        "Bank",
        "in",
        "will",
        "was",
        "3",
        "p.m.",
        "decades",
        "a",
        "'",
        "&",
        "Kremlin",
        "spokesman",
        "Peskov",
        "said",
    ];
    for _ in 0..400 {
        let len = (next() % 40) as usize;
        let mut text = String::new();
        for _ in 0..len {
            let piece = pieces[(next() % pieces.len() as u64) as usize];
            text.push_str(piece);
            if next() % 3 != 0 {
                text.push(' ');
            }
        }
        for analyzer in analyzers() {
            check_invariants(&text, &analyzer.analyze(&text, "2017-07-07".parse().ok()));
        }
    }
}

/// The next random number of the generator seeded with `seed`, as a closure.
fn seeded(seed: u64) -> impl FnMut() -> u64 {
    let mut rng = SeededRng::new(seed);
    move || rng.next_u64()
}

/// Any Unicode scalar value, weighted towards what trips text code: ASCII punctuation and
/// spacing, combining marks, joiners, right-to-left and CJK letters, astral symbols, controls.
pub(crate) fn arbitrary_char(next: &mut impl FnMut() -> u64) -> char {
    let pick = next();
    let ranges: &[(u32, u32)] = &[
        (0x20, 0x7E),
        (0x00, 0x1F),
        (0x41, 0x5A),
        (0x2D, 0x2F),
        (0x80, 0x2FF),
        (0x300, 0x36F),
        (0x590, 0x6FF),
        (0x900, 0xDFF),
        (0x2000, 0x206F),
        (0x3000, 0x30FF),
        (0x4E00, 0x9FFF),
        (0xFE00, 0xFFFF),
        (0x1F000, 0x1FAFF),
        (0x10000, 0x10FFFF),
    ];
    let (lo, hi) = ranges[(pick % ranges.len() as u64) as usize];
    let code = lo + ((pick >> 8) % u64::from(hi - lo + 1)) as u32;
    char::from_u32(code).unwrap_or('\u{FFFD}')
}

#[test]
fn arbitrary_unicode_never_breaks_invariants() {
    let mut next = seeded(0x5EED_DA7E_11E5);
    let words = [
        "Putin",
        "U.S.",
        "-",
        "/",
        "&",
        "$",
        "'",
        "s",
        "\n\n",
        ". ",
        "June 18th",
        "C",
        "Russia",
    ];
    for round in 0..300 {
        let mut text = String::new();
        for _ in 0..(next() % 60) {
            if next() % 4 == 0 {
                text.push_str(words[(next() % words.len() as u64) as usize]);
            } else {
                text.push(arbitrary_char(&mut next));
            }
        }
        if round % 3 == 0 {
            text = text.to_uppercase();
        }
        for analyzer in analyzers() {
            check_invariants(&text, &analyzer.analyze(&text, "2017-07-07".parse().ok()));
        }
    }
}

#[test]
fn headlines_and_unpunctuated_text_with_the_model() {
    let found = |text: &str| -> Vec<(String, EntityType)> {
        let analysis = with_model().analyze(text, None);
        check_invariants(text, &analysis);
        let mut all: Vec<(usize, String, EntityType)> = analysis
            .entities
            .iter()
            .flat_map(|e| {
                e.mentions
                    .iter()
                    .map(move |m| (m.start, slice(text, *m), e.entity_type))
            })
            .collect();
        all.sort();
        all.into_iter().map(|(_, s, t)| (s, t)).collect()
    };
    let own = |list: &[(&str, EntityType)]| -> Vec<(String, EntityType)> {
        list.iter().map(|(s, t)| (s.to_string(), *t)).collect()
    };
    use EntityType::{Location as Loc, Miscellaneous as Misc, Person as Per};
    // Headlines are the model's weak spot (its history features only look back): today it
    // reads "PUTIN" as an organisation and misses "TRUMP". The body and the place are right.
    let headline =
        found("PUTIN AND TRUMP MEET IN HAMBURG\n\nVladimir Putin met Donald Trump in Hamburg.");
    assert!(headline.contains(&("HAMBURG".to_string(), Loc)));
    assert!(headline.ends_with(&own(&[
        ("Vladimir Putin", Per),
        ("Donald Trump", Per),
        ("Hamburg", Loc)
    ])));
    // No sentence punctuation at all: one long sentence, still every name.
    let run_on = "vladimir putin met donald trump in hamburg and then Angela Merkel spoke to the G20 in Germany ".repeat(40);
    let names = found(&run_on);
    assert!(
        names.contains(&("Angela Merkel".to_string(), Per)),
        "{:?}",
        &names[..8]
    );
    assert!(names.contains(&("Germany".to_string(), Loc)));
    assert!(names.contains(&("G20".to_string(), Misc)));
    // Compounds of known names split; CoNLL-style adjectives stay whole.
    assert_eq!(
        found("Officials said that Russia-U.S. relations are at their lowest point, and Arab-Israeli talks stalled."),
        own(&[("Russia", Loc), ("U.S.", Loc), ("Arab-Israeli", Misc)])
    );
}

#[test]
fn tokenize_gives_code_point_spans() {
    let text = "Putin’s 😀 visit.\n\nNext";
    let sentences = tokenize(text);
    let words: Vec<Vec<String>> = sentences
        .iter()
        .map(|s| s.iter().map(|t| slice(text, *t)).collect())
        .collect();
    assert_eq!(
        words,
        [vec!["Putin", "’s", "😀", "visit", "."], vec!["Next"]]
    );
}

/// Names as Dateline writes them: a person's title is not part of the name, money is never one.
#[test]
fn model_mentions_leave_out_titles_and_money() {
    let text =
        "Justice Antonin Scalia and Miss Chaworth met in Paris. The deal is worth US$ 5 million, \
                or 4 million EUR, Gazprom said.";
    let analysis = with_model().analyze(text, None);
    let names: Vec<(String, EntityType)> = analysis
        .entities
        .iter()
        .flat_map(|e| {
            e.mentions.iter().map(move |m| {
                (
                    dateline_format::span::slice(text, *m).to_string(),
                    e.entity_type,
                )
            })
        })
        .collect();
    for (name, _) in &names {
        assert!(
            !name.starts_with("Justice") && !name.starts_with("Miss"),
            "{names:?}"
        );
        assert!(!name.contains('$') && !name.contains("EUR"), "{names:?}");
    }
    assert!(
        names.contains(&("Antonin Scalia".to_string(), EntityType::Person)),
        "{names:?}"
    );
    assert!(
        names.contains(&("Gazprom".to_string(), EntityType::Organization)),
        "{names:?}"
    );
}

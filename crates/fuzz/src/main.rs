//! `dateline-fuzz`: a mutation fuzzer for the analysis pipeline that runs on stable Rust
//! (cargo-fuzz needs a nightly toolchain).
//!
//! ```sh
//! cargo run --release -p dateline-fuzz -- [--iterations N] [--seconds T] [--seed S]
//! ```
//!
//! From a seeded generator it mutates seed inputs (the seed article, odd Unicode, random bytes
//! read as lossy UTF-8), runs the [`Analyzer`] with and without the NER model, and checks the
//! span invariants: every span inside the text and not crossing a paragraph break, each layer
//! ordered and non-overlapping, and the article built from the text valid. The first violation
//! (or panic) prints the seed, the iteration and the input, and exits non-zero; the same seed
//! replays the same inputs.
#![deny(missing_docs)]

use std::process::ExitCode;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use dateline_engine::analysis::{Analysis, Analyzer};
use dateline_engine::build::{build_article_with, ArticleSource};
use dateline_engine::ner::NerModel;
use dateline_engine::rng::SeededRng;

const MODEL: &[u8] = include_bytes!("../../../models/ner-news.bin");
const SEED_ARTICLE: &str = include_str!("../../../content/articles/putin-trump-g20-hamburg.txt");

/// Inputs the mutations start from.
const SEEDS: &[&str] = &[
    "",
    " ",
    "\n\n",
    "\n\n\n\nA.\n\n\n",
    "PUTIN AND TRUMP MEET IN HAMBURG ON JULY 7, 2017 AT 10 A.M.",
    "no punctuation at all just words and more words on tuesday in paris with angela merkel",
    "Dr. J. R. R. Tolkien (1892–1973) met U.S.-based co. on 1/2/03 at 12:01 a.m.; “quoted”—dashed.",
    "Café Zürich, São Paulo; Москва 7 июля; 東京 2017年7月7日; القاهرة; Ελλάδα.",
    "👩‍👩‍👧‍👦 Emoji 🇺🇸 flags 🏳️‍🌈 and e\u{301}\u{301} combining marks; zero\u{200b}width\u{feff}.",
    "\u{202e}RTL override\u{202c} \u{0} nul \t tab \r\n CRLF \u{2028} line sep \u{85} next line",
    "In November, Trump won. Since January this year, the two have met twice; next Tuesday again.",
    "2017 2018 1999-2000 Q3 the 1990s last week 3 years ago every Monday 24/7 10:30 p.m. EST",
    "A \"B\" 'C' (D) [E] {F} - – — … !!! ??? ... ''' \"\"\" -- ..",
];

/// Characters the mutations insert.
const ODD: &[char] = &[
    '.', ',', '\'', '’', '"', '“', '”', '-', '–', '—', '/', '&', '(', ')', ' ', ' ', '\n', '\t',
    '\r', '\u{0}', '\u{200b}', '\u{200d}', '\u{feff}', '\u{301}', '\u{202e}', '\u{2028}', '\u{85}',
    '\u{a0}', 'É', 'ß', 'İ', 'ﬁ', 'Ω', 'я', '東', 'ا', '😀', '🇺', '1', '9', ':', ';', '?', '!',
    '$', '%', 'A', 'a', 'Z', 'z',
];

/// Words the mutations insert: names, calendar words, titles.
const WORDS: &[&str] = &[
    "Putin",
    "Trump",
    "U.S.",
    "President",
    "Donald",
    "Hamburg",
    "Germany",
    "NATO",
    "today",
    "January",
    "Monday",
    "2017",
    "18th",
    "last",
    "next",
    "week",
    "ago",
    "St.",
    "Mr.",
    "the",
    "of",
    "and",
    "'s",
    "May",
    "March",
    "Washington",
    "Reuters",
    "noon",
    "a.m.",
    "years",
];

fn input(rng: &mut SeededRng) -> String {
    let base: String = match rng.below(8) {
        0 => SEED_ARTICLE.to_string(),
        1 => {
            let bytes: Vec<u8> = (0..rng.below(400)).map(|_| rng.next_u64() as u8).collect();
            String::from_utf8_lossy(&bytes).into_owned()
        }
        _ => rng.pick(SEEDS).to_string(),
    };
    let mut chars: Vec<char> = base.chars().collect();
    for _ in 0..=rng.below(12) {
        let at = rng.below(chars.len() + 1);
        match rng.below(9) {
            0 | 1 => chars.insert(at, *rng.pick(ODD)),
            2 | 3 => {
                let word = format!(" {} ", rng.pick(WORDS));
                chars.splice(at..at, word.chars());
            }
            4 => {
                let end = (at + rng.below(20)).min(chars.len());
                chars.drain(at..end);
            }
            5 => {
                let end = (at + rng.below(60)).min(chars.len());
                let copy: Vec<char> = chars[at..end].to_vec();
                let to = rng.below(chars.len() + 1);
                chars.splice(to..to, copy);
            }
            6 => {
                let other: Vec<char> = rng.pick(SEEDS).chars().collect();
                chars.splice(at..at, other);
            }
            7 => {
                let end = (at + rng.below(80)).min(chars.len());
                for c in &mut chars[at..end] {
                    *c = c.to_uppercase().next().unwrap_or(*c);
                }
            }
            _ => chars.truncate(at),
        }
    }
    chars.into_iter().collect()
}

fn check(text: &str, analysis: &Analysis, analyzer: &Analyzer) -> Result<(), String> {
    analysis.check_invariants(text)?;
    let source = ArticleSource {
        id: "fuzz".into(),
        title: "Fuzz".into(),
        standfirst: String::new(),
        source: "fuzz".into(),
        published: Some("2017-07-07".into()),
        language: "en".into(),
        paragraphs: text.split("\n\n").map(str::to_string).collect(),
        credit: None,
    };
    build_article_with(&source, analyzer)
        .map_err(|e| format!("the article does not validate: {e}"))?;
    Ok(())
}

/// The input being analyzed, for the panic message (a panic aborts in release builds).
static CURRENT: Mutex<String> = Mutex::new(String::new());

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse::<u64>().ok())
    };
    let iterations = arg("--iterations").unwrap_or(if args.contains(&"--seconds".to_string()) {
        u64::MAX
    } else {
        2000
    });
    let limit = arg("--seconds").map(Duration::from_secs);
    let seed = arg("--seed").unwrap_or(0xda7e_11e5_eed5);
    let model = match NerModel::from_bytes(MODEL) {
        Ok(model) => model,
        Err(error) => {
            eprintln!("dateline-fuzz: the built-in model does not load: {error}");
            return ExitCode::FAILURE;
        }
    };
    let analyzers = [
        ("model", Analyzer::new(Some(model))),
        ("rules", Analyzer::new(None)),
    ];
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let input = CURRENT.lock().map(|s| s.clone()).unwrap_or_default();
        eprintln!("dateline-fuzz: PANIC on input {input:?}");
        default_hook(info);
    }));
    let published: Option<jiff::civil::Date> = "2017-07-07".parse().ok();
    let started = Instant::now();
    let mut rng = SeededRng::new(seed);
    let mut done = 0u64;
    while done < iterations && limit.is_none_or(|l| started.elapsed() < l) {
        let text = input(&mut rng);
        if let Ok(mut current) = CURRENT.lock() {
            current.clone_from(&text);
        }
        for (name, analyzer) in &analyzers {
            let analysis = analyzer.analyze(&text, published);
            if let Err(violation) = check(&text, &analysis, analyzer) {
                eprintln!("dateline-fuzz: seed {seed}, iteration {done}, {name}: {violation}\ninput: {text:?}");
                return ExitCode::FAILURE;
            }
        }
        done += 1;
    }
    println!(
        "dateline-fuzz: {done} inputs, no violation (seed {seed}, {:.1} s)",
        started.elapsed().as_secs_f64()
    );
    ExitCode::SUCCESS
}

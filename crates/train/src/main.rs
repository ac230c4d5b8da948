//! `dateline-train`: trains Dateline's named-entity tagger (CoNLL-2003 files and bench JSON Lines)
//! and evaluates it. The reproducible command is in `models/MODEL_CARD.md`.
//!
//! ```text
//! dateline-train --train train.txt --train-jsonl gum/train.jsonl --dev dev.txt \
//!     --dev-jsonl gum/dev.jsonl --lexicon LOC=places.txt --out models/ner-news.bin
//! dateline-train eval --model models/ner-news.bin --input dev.jsonl --out pred.jsonl
//! ```

mod conll;
mod corpus;
mod jsonl;
mod lexicon;
mod perceptron;
mod score;

use std::fs;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};
use dateline_engine::ner::NerModel;

use perceptron::Settings;

#[derive(Parser)]
#[command(
    name = "dateline-train",
    version,
    about = "Train and evaluate Dateline's NER model"
)]
#[command(args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    train: Option<TrainArgs>,
}

#[derive(Subcommand)]
enum Command {
    /// Train a model (the default when no subcommand is given).
    Train(TrainArgs),
    /// Tag bench JSON Lines (tokens joined by spaces, sentences by newlines) and write predictions.
    Eval(EvalArgs),
}

#[derive(Args, Clone)]
struct TrainArgs {
    /// CoNLL-2003 training file (its names never enter the gazetteer).
    #[arg(long)]
    train: Option<PathBuf>,
    /// Bench JSON Lines training file (running text; its names may enter the gazetteer).
    #[arg(long)]
    train_jsonl: Vec<PathBuf>,
    /// Times each JSON Lines training document is seen per epoch.
    #[arg(long, default_value_t = 1)]
    repeat_jsonl: usize,
    /// A `--train-jsonl` file that does not mark nationality adjectives: its `O` on a one-word
    /// MISC lexicon entry is not evidence against MISC.
    #[arg(long)]
    unmarked_misc: Vec<PathBuf>,
    /// CoNLL-2003 development file.
    #[arg(long)]
    dev: Option<PathBuf>,
    /// Bench JSON Lines development file. The mean F1 over all dev sets picks the epoch.
    #[arg(long)]
    dev_jsonl: Vec<PathBuf>,
    /// A name list `TYPE=PATH` (PER, ORG, LOC, MISC) for the gazetteer.
    #[arg(long)]
    lexicon: Vec<String>,
    /// Where to write the model.
    #[arg(long)]
    out: PathBuf,
    /// Maximum passes over the training data.
    #[arg(long, default_value_t = 20)]
    epochs: usize,
    /// Stop after this many epochs without a better dev F1.
    #[arg(long, default_value_t = 4)]
    patience: usize,
    /// Shuffling seed.
    #[arg(long, default_value_t = 20030531)]
    seed: u64,
    /// Jackknife folds for gazetteer features.
    #[arg(long, default_value_t = 10)]
    folds: usize,
    /// Quantile of absolute weights that maps to the largest i8 step.
    #[arg(long, default_value_t = 1.0)]
    quantile: f64,
    /// Drop feature rows whose largest weight is below this many i8 steps (smaller model).
    #[arg(long, default_value_t = 4.0)]
    prune: f32,
    /// Set single weights below this many i8 steps to zero (smaller model).
    #[arg(long, default_value_t = 0.0)]
    zero: f32,
    /// Share of features left out of each training step (feature dropout).
    #[arg(long, default_value_t = 0.0)]
    dropout: f32,
}

#[derive(Args)]
struct EvalArgs {
    /// Model file.
    #[arg(long)]
    model: PathBuf,
    /// Bench JSON Lines (`id`, `text`).
    #[arg(long)]
    input: PathBuf,
    /// Prediction JSON Lines to write.
    #[arg(long)]
    out: PathBuf,
}

fn read_conll(path: &PathBuf) -> Result<Vec<conll::Document>> {
    let text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    conll::parse(&text).with_context(|| format!("parsing {}", path.display()))
}

fn read_jsonl(path: &PathBuf) -> Result<Vec<conll::Document>> {
    let text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    corpus::parse(&text).with_context(|| format!("parsing {}", path.display()))
}

/// Marks the `O` tokens of `docs` that are one-word MISC lexicon entries as unmarked.
fn mark_unmarked(docs: &mut [conll::Document], misc: &std::collections::HashSet<String>) {
    for s in docs.iter_mut().flat_map(|d| &mut d.sentences) {
        let tags = dateline_engine::ner::tags::spans_to_tags(s.tokens.len(), &s.entities);
        s.unmarked = s
            .tokens
            .iter()
            .zip(&tags)
            .map(|(t, &tag)| tag == 0 && misc.contains(&t.to_lowercase()))
            .collect();
    }
}

/// The training documents (CoNLL first, then each JSON Lines file) and their repeats.
fn read_training(
    args: &TrainArgs,
    lexicon: &lexicon::Lexicon,
) -> Result<(Vec<conll::Document>, Vec<usize>)> {
    let mut train = match &args.train {
        Some(path) => read_conll(path)?,
        None => Vec::new(),
    };
    let mut repeat = vec![1; train.len()];
    let misc = lexicon.misc_words();
    for path in &args.train_jsonl {
        let mut docs = read_jsonl(path)?;
        if args.unmarked_misc.contains(path) {
            mark_unmarked(&mut docs, &misc);
        }
        eprintln!("{}: {} documents", path.display(), docs.len());
        repeat.extend(std::iter::repeat_n(args.repeat_jsonl, docs.len()));
        train.append(&mut docs);
    }
    Ok((train, repeat))
}

fn read_devs(args: &TrainArgs) -> Result<Vec<perceptron::DevSet>> {
    let mut devs = Vec::new();
    if let Some(path) = &args.dev {
        devs.push(perceptron::DevSet {
            name: "conll".into(),
            docs: read_conll(path)?,
        });
    }
    for path in &args.dev_jsonl {
        let name = path
            .parent()
            .and_then(|p| p.file_name())
            .map_or("dev".into(), |n| n.to_string_lossy().into_owned());
        devs.push(perceptron::DevSet {
            name,
            docs: read_jsonl(path)?,
        });
    }
    Ok(devs)
}

fn run_train(args: &TrainArgs) -> Result<()> {
    let lexicon = lexicon::Lexicon::read(&args.lexicon)?;
    let (train, repeat) = read_training(args, &lexicon)?;
    let devs = read_devs(args)?;
    eprintln!(
        "train: {} documents; dev sets: {}; lexicons: {} phrases",
        train.len(),
        devs.len(),
        lexicon.len()
    );
    let settings = Settings {
        epochs: args.epochs,
        patience: args.patience,
        seed: args.seed,
        folds: args.folds,
        quantile: args.quantile,
        prune: args.prune,
        zero: args.zero,
        dropout: args.dropout,
    };
    let model = perceptron::train(&train, &repeat, &devs, &lexicon, &settings);
    let bytes = model.to_bytes();
    if let Some(dir) = args.out.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    fs::write(&args.out, &bytes).with_context(|| format!("writing {}", args.out.display()))?;
    let check = NerModel::from_bytes(&bytes).context("re-reading the written model")?;
    eprintln!(
        "wrote {} ({} bytes, {} feature rows, {} gazetteer phrases); dev {}",
        args.out.display(),
        bytes.len(),
        check.feature_count(),
        check.gazetteer().len(),
        perceptron::evaluate_all(&check, &devs).1
    );
    Ok(())
}

fn run_eval(args: &EvalArgs) -> Result<()> {
    let bytes =
        fs::read(&args.model).with_context(|| format!("reading {}", args.model.display()))?;
    let model = NerModel::from_bytes(&bytes)
        .with_context(|| format!("loading {}", args.model.display()))?;
    let input = fs::read_to_string(&args.input)
        .with_context(|| format!("reading {}", args.input.display()))?;
    let (output, stats) = jsonl::tag_jsonl(&model, &input)?;
    fs::write(&args.out, output).with_context(|| format!("writing {}", args.out.display()))?;
    eprintln!(
        "tagged {} documents, {} words in {:.3} s: {:.0} words/s",
        stats.documents,
        stats.words,
        stats.seconds,
        stats.words as f64 / stats.seconds.max(1e-9)
    );
    Ok(())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match (&cli.command, &cli.train) {
        (Some(Command::Train(args)), _) | (None, Some(args)) => run_train(args),
        (Some(Command::Eval(args)), _) => run_eval(args),
        (None, None) => Err(anyhow::anyhow!(
            "nothing to do: pass --train/--dev/--out, or `eval` (see --help)"
        )),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_and_corrupt_models_are_reported() {
        let dir = std::env::temp_dir().join(format!("dateline-train-test-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let input = dir.join("in.jsonl");
        fs::write(&input, "{\"id\":\"a\",\"text\":\"Paris\"}\n").unwrap();
        let args = |model: &str| EvalArgs {
            model: dir.join(model),
            input: input.clone(),
            out: dir.join("out.jsonl"),
        };

        let err = format!("{:#}", run_eval(&args("missing.bin")).unwrap_err());
        assert!(
            err.contains("reading") && err.contains("missing.bin"),
            "{err}"
        );

        fs::write(dir.join("bad.bin"), b"DLNERMDL\x01").unwrap();
        let err = format!("{:#}", run_eval(&args("bad.bin")).unwrap_err());
        assert!(
            err.contains("loading") && err.contains("truncated"),
            "{err}"
        );

        fs::write(
            dir.join("ok.bin"),
            NerModel::from_parts(&Default::default(), 1.0).to_bytes(),
        )
        .unwrap();
        run_eval(&args("ok.bin")).unwrap();
        assert_eq!(
            fs::read_to_string(dir.join("out.jsonl")).unwrap(),
            "{\"entities\":[],\"id\":\"a\"}\n"
        );
        fs::remove_dir_all(&dir).unwrap();
    }
}

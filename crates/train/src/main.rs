//! `dateline-train`: trains Dateline's named-entity tagger on CoNLL-2003 and evaluates it.
//!
//! ```text
//! dateline-train --train train.txt --dev dev.txt --out models/ner-conll2003.bin
//! dateline-train eval --model models/ner-conll2003.bin --input dev.jsonl --out pred.jsonl
//! ```

mod conll;
mod jsonl;
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
    /// CoNLL-2003 training file.
    #[arg(long)]
    train: PathBuf,
    /// CoNLL-2003 development file: picks the epoch.
    #[arg(long)]
    dev: PathBuf,
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
    /// Times a phrase must be seen as a type to be listed as that type.
    #[arg(long, default_value_t = 1)]
    min_gazetteer_count: u32,
    /// Quantile of absolute weights that maps to the largest i8 step.
    #[arg(long, default_value_t = 1.0)]
    quantile: f64,
    /// Drop feature rows whose largest weight is below this many i8 steps (smaller model).
    #[arg(long, default_value_t = 4.0)]
    prune: f32,
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

fn run_train(args: &TrainArgs) -> Result<()> {
    let train = read_conll(&args.train)?;
    let dev = read_conll(&args.dev)?;
    eprintln!(
        "train: {} documents; dev: {} documents",
        train.len(),
        dev.len()
    );
    let settings = Settings {
        epochs: args.epochs,
        patience: args.patience,
        seed: args.seed,
        folds: args.folds,
        min_gazetteer_count: args.min_gazetteer_count,
        quantile: args.quantile,
        prune: args.prune,
    };
    let model = perceptron::train(&train, &dev, &settings);
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
        perceptron::evaluate(&check, &dev)
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

//! `dateline`: builds Dateline's bundled articles, annotates text with its analysis, and extracts
//! the article from a saved web page.

use std::io::{self, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use dateline_cli::analyzer;
use dateline_cli::annotate::{annotate_jsonl, parse_published, prediction, write_report};
use dateline_cli::bundle::{all_cores, build_bundle, bundle_into, BundleOptions};
use dateline_cli::cache::analysis_key;
use dateline_cli::page::{extract_page, write_extracted};
use dateline_engine::analysis::Analyzer;
use dateline_engine::ner::NerModel;

#[derive(Parser)]
#[command(
    name = "dateline",
    version,
    about = "Dateline's analysis on the command line"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Find names with the rules alone, without the built-in NER model.
    #[arg(long, global = true)]
    no_model: bool,
    /// Load the NER model from this file instead of the built-in one.
    #[arg(long, global = true, value_name = "FILE", conflicts_with = "no_model")]
    model: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Analyze every article source and rewrite the bundled article JSON and library index.
    Bundle {
        /// Folder of `<id>.txt` or `<id>.html` (a saved web page) + `<id>.meta.json` sources.
        #[arg(long, default_value = "content/articles")]
        sources: PathBuf,
        /// Folder the app serves articles from.
        #[arg(long, default_value = "static/articles")]
        out: PathBuf,
        /// Only check that the bundle is up to date; exit 1 if not. Builds everything, uses no
        /// cache, writes nothing.
        #[arg(long)]
        check: bool,
        /// Rebuild every article, even those whose source and analysis did not change.
        #[arg(long)]
        force: bool,
        /// The cache of what each bundled file was made from: a source whose bytes, metadata and
        /// analysis (this executable, the model) are unchanged reuses its file.
        #[arg(
            long,
            value_name = "FILE",
            default_value = "target/dateline-bundle-cache.json"
        )]
        cache: PathBuf,
        /// Threads to analyze with; every core when absent.
        #[arg(long, value_name = "N")]
        jobs: Option<usize>,
    },
    /// Annotate text: a file (or `-`) as a readable report, or bench JSON Lines with --jsonl.
    Annotate {
        /// Text file to analyze; `-` or absent reads standard input.
        file: Option<PathBuf>,
        /// Read bench JSON Lines (`id`, `text`, `published`) and write prediction lines.
        #[arg(long)]
        jsonl: bool,
        /// Publication date (`YYYY-MM-DD`) that relative dates hang on.
        #[arg(long)]
        published: Option<String>,
        /// Print the analysis as JSON instead of a report.
        #[arg(long)]
        json: bool,
        /// With --jsonl: print the time spent analyzing (words per second) to standard error.
        #[arg(long)]
        timing: bool,
    },
    /// Extract the article from a saved web page: headline, byline, site, publication day,
    /// language and paragraphs.
    Extract {
        /// The saved page (HTML, in any character set it declares).
        page: PathBuf,
        /// Print one JSON object instead of a readable report.
        #[arg(long)]
        json: bool,
    },
}

/// The analyzer the options ask for: the built-in model, a model file, or rules only.
fn load_analyzer(model: Option<&Path>, no_model: bool) -> Result<Analyzer> {
    match model {
        Some(path) => {
            let bytes = std::fs::read(path)
                .with_context(|| format!("reading the NER model {}", path.display()))?;
            let model = NerModel::from_bytes(&bytes)
                .with_context(|| format!("loading the NER model {}", path.display()))?;
            Ok(Analyzer::new(Some(model)))
        }
        None => analyzer(!no_model),
    }
}

fn run(cli: Cli) -> Result<bool> {
    // Only the commands that analyze load the model.
    let load = || load_analyzer(cli.model.as_deref(), cli.no_model);
    match cli.command {
        Command::Extract { page, json } => {
            let article = extract_page(&page)?;
            if json {
                println!("{}", serde_json::to_string(&article)?);
            } else {
                write_extracted(&article, io::stdout().lock())?;
            }
        }
        Command::Bundle {
            sources,
            out,
            check,
            force,
            cache,
            jobs,
        } => {
            let analyzer = load()?;
            if !check {
                let model_file = match &cli.model {
                    Some(path) => Some(std::fs::read(path)?),
                    None => None,
                };
                let options = BundleOptions {
                    cache: Some(cache),
                    analysis: analysis_key(model_file.as_deref(), !cli.no_model)?,
                    force,
                    jobs: jobs.unwrap_or_else(all_cores),
                    progress: true,
                };
                let report = bundle_into(&analyzer, &sources, &out, &options)?;
                println!(
                    "bundled {} articles into {}: {} built, {} unchanged, {} removed",
                    report.built + report.unchanged,
                    out.display(),
                    report.built,
                    report.unchanged,
                    report.removed
                );
                return Ok(true);
            }
            let files = build_bundle(&analyzer, &sources)?;
            {
                let stale: Vec<_> = files
                    .iter()
                    .filter(|(name, contents)| {
                        std::fs::read_to_string(out.join(name)).ok().as_ref() != Some(contents)
                    })
                    .map(|(name, _)| name.as_str())
                    .collect();
                if !stale.is_empty() {
                    eprintln!(
                        "dateline: out of date: {} (run `dateline bundle`)",
                        stale.join(", ")
                    );
                    return Ok(false);
                }
                println!("bundle up to date: {} files", files.len());
            }
        }
        Command::Annotate {
            file,
            jsonl,
            published,
            json,
            timing,
        } => {
            let analyzer = load()?;
            let reader: Box<dyn Read> = match &file {
                Some(path) if path.as_os_str() != "-" => Box::new(
                    std::fs::File::open(path)
                        .with_context(|| format!("opening {}", path.display()))?,
                ),
                _ => Box::new(io::stdin()),
            };
            if jsonl {
                let spent = annotate_jsonl(&analyzer, BufReader::new(reader), io::stdout().lock())?;
                if timing {
                    eprintln!("{spent}");
                }
            } else {
                let mut text = String::new();
                BufReader::new(reader)
                    .read_to_string(&mut text)
                    .context("reading the text (is it UTF-8?)")?;
                let date = match published.as_deref() {
                    Some(p) => Some(
                        parse_published(Some(p))
                            .with_context(|| format!("--published {p:?} is not YYYY-MM-DD"))?,
                    ),
                    None => None,
                };
                let analysis = analyzer.analyze(&text, date);
                if json {
                    println!("{}", prediction("text", &analysis));
                } else {
                    write_report(&text, &analysis, io::stdout().lock())?;
                }
            }
        }
    }
    Ok(true)
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(err) => {
            eprintln!("dateline: {err:#}");
            ExitCode::FAILURE
        }
    }
}

//! The `anninh` command line: a thin layer over the library.

#![forbid(unsafe_code)]

use anninh::input::{ReadOptions, decode};
use anninh::normalize::{Encoding, EncodingChoice, Options, ToneStyle, fold, normalize};
use anninh::{Error, Extractor};
use clap::{Parser, Subcommand, ValueEnum};
use std::collections::HashSet;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "anninh",
    version,
    about = "Facts from Vietnamese public-security news"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract facts: one JSON object for one file, JSON Lines for several.
    Extract {
        /// Files or directories (searched for *.txt); none or `-` reads stdin.
        paths: Vec<PathBuf>,
        /// Output format (default: json for one input, jsonl for several).
        #[arg(long, value_enum)]
        format: Option<Format>,
        /// Indent JSON output.
        #[arg(long)]
        pretty: bool,
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Print the normalized (or folded) text.
    Normalize {
        /// A file, or `-` (or nothing) for stdin.
        path: Option<PathBuf>,
        /// Tone-mark placement.
        #[arg(long, value_enum, default_value = "old")]
        tone: ToneArg,
        /// Print the folded search key instead.
        #[arg(long)]
        fold: bool,
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Score extraction against gold records.
    Eval {
        /// Directory of gold records (NAME.json).
        #[arg(long)]
        gold: PathBuf,
        /// Directory of the texts (NAME.txt).
        #[arg(long)]
        texts: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: ReportFormat,
    },
}

#[derive(clap::Args)]
struct ReadArgs {
    /// Replace invalid UTF-8 instead of failing.
    #[arg(long)]
    lossy: bool,
    /// The encoding the text was typed in.
    #[arg(long, value_enum, default_value = "auto")]
    encoding: EncodingArg,
}

impl ReadArgs {
    fn options(&self) -> ReadOptions {
        ReadOptions {
            lossy: self.lossy,
            encoding: self.encoding.choice(),
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum)]
enum ReportFormat {
    Table,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ToneArg {
    Old,
    New,
}

#[derive(Clone, Copy, ValueEnum)]
enum EncodingArg {
    Auto,
    Utf8,
    Tcvn3,
    Vni,
}

impl EncodingArg {
    fn choice(self) -> EncodingChoice {
        match self {
            EncodingArg::Auto => EncodingChoice::Auto,
            EncodingArg::Utf8 => EncodingChoice::Fixed(Encoding::Utf8),
            EncodingArg::Tcvn3 => EncodingChoice::Fixed(Encoding::Tcvn3),
            EncodingArg::Vni => EncodingChoice::Fixed(Encoding::Vni),
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract {
            paths,
            format,
            pretty,
            read,
        } => extract(&paths, format, pretty, &read),
        Command::Normalize {
            path,
            tone,
            fold,
            read,
        } => normalize_cmd(path.as_deref(), tone, fold, &read),
        Command::Eval {
            gold,
            texts,
            format,
        } => eval(&gold, &texts, format),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("anninh: {e}");
            ExitCode::from(1)
        }
    }
}

/// One input to read: a file, or stdin.
enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    fn name(&self) -> &Path {
        match self {
            Input::Stdin => Path::new("-"),
            Input::File(p) => p,
        }
    }

    fn read(&self, options: &ReadOptions) -> Result<String, Error> {
        let path = self.name().to_path_buf();
        let bytes = match self {
            Input::Stdin => {
                let mut b = Vec::new();
                std::io::stdin()
                    .read_to_end(&mut b)
                    .map_err(|source| Error::Io {
                        path: path.clone(),
                        source,
                    })?;
                b
            }
            Input::File(p) => std::fs::read(p).map_err(|source| Error::Io {
                path: path.clone(),
                source,
            })?,
        };
        decode(bytes, &path, options)
    }
}

/// Expands the command-line paths into inputs: directories recursively
/// (`*.txt`, sorted by path, symlink loops visited once), errors for paths
/// that cannot be read.
fn collect_inputs(paths: &[PathBuf]) -> (Vec<Input>, Vec<Error>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    if paths.is_empty() {
        inputs.push(Input::Stdin);
    }
    for p in paths {
        if p.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if p.is_dir() {
            let mut files = Vec::new();
            let mut seen = HashSet::new();
            walk(p, &mut files, &mut errors, &mut seen);
            files.sort();
            inputs.extend(files.into_iter().map(Input::File));
        } else {
            inputs.push(Input::File(p.clone()));
        }
    }
    (inputs, errors)
}

fn walk(
    dir: &Path,
    files: &mut Vec<PathBuf>,
    errors: &mut Vec<Error>,
    seen: &mut HashSet<PathBuf>,
) {
    let Ok(canonical) = dir.canonicalize() else {
        return;
    };
    if !seen.insert(canonical) {
        return; // a symlink loop, or a directory reached twice
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(source) => {
            errors.push(Error::Io {
                path: dir.to_path_buf(),
                source,
            });
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, files, errors, seen);
        } else if path.extension().is_some_and(|e| e == "txt") {
            files.push(path);
        }
    }
}

fn extract(
    paths: &[PathBuf],
    format: Option<Format>,
    pretty: bool,
    read: &ReadArgs,
) -> Result<bool, Error> {
    let single = paths.len() <= 1 && !paths.iter().any(|p| p.is_dir());
    let format = format.unwrap_or(if single { Format::Json } else { Format::Jsonl });
    let (inputs, mut errors) = collect_inputs(paths);
    let options = read.options();
    let extractor = Extractor::new().with_options(Options {
        encoding: options.encoding,
        ..Options::default()
    });
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for input in &inputs {
        match input.read(&options) {
            Ok(text) => {
                let mut article = extractor.extract(&text);
                if let Input::File(p) = input {
                    article.source = Some(p.display().to_string());
                }
                let json = match (format, pretty) {
                    (Format::Json, true) => serde_json::to_string_pretty(&article),
                    _ => serde_json::to_string(&article),
                };
                let json = json.unwrap_or_default();
                if writeln!(out, "{json}").is_err() {
                    return Ok(errors.is_empty()); // stdout closed: stop quietly
                }
            }
            Err(e) => errors.push(e),
        }
    }
    let _ = out.flush();
    for e in &errors {
        eprintln!("{e}");
    }
    Ok(errors.is_empty())
}

fn normalize_cmd(
    path: Option<&Path>,
    tone: ToneArg,
    folded: bool,
    read: &ReadArgs,
) -> Result<bool, Error> {
    let input = match path {
        None => Input::Stdin,
        Some(p) if p.as_os_str() == "-" => Input::Stdin,
        Some(p) => Input::File(p.to_path_buf()),
    };
    let options = read.options();
    let text = input.read(&options)?;
    let opts = Options {
        tone: match tone {
            ToneArg::Old => ToneStyle::Old,
            ToneArg::New => ToneStyle::New,
        },
        encoding: options.encoding,
    };
    let n = normalize(&text, &opts);
    let out = if folded {
        fold(n.text())
    } else {
        n.text().to_string()
    };
    let _ = std::io::stdout().write_all(out.as_bytes());
    Ok(true)
}

fn eval(gold: &Path, texts: &Path, format: ReportFormat) -> Result<bool, Error> {
    let (report, errors) = anninh::eval::evaluate_dirs(&Extractor::new(), gold, texts)?;
    match format {
        ReportFormat::Table => print!("{}", report.table()),
        ReportFormat::Json => println!(
            "{}",
            serde_json::to_string_pretty(&report).unwrap_or_default()
        ),
    }
    for e in &errors {
        eprintln!("{e}");
    }
    Ok(errors.is_empty())
}

//! Command-line arguments and commands.

mod corpus;
mod csv_out;
mod stats;

use anninh::abbrev::{Dictionary, Style};
use anninh::input::ReadOptions;
use anninh::normalize::{Encoding, EncodingChoice, Options, ToneStyle, fold, normalize};
use anninh::{Error, Extractor};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

pub use corpus::Input;

/// Facts from Vietnamese public-security news.
#[derive(Parser)]
#[command(
    name = "anninh",
    version,
    about = "Facts from Vietnamese public-security news"
)]
pub struct Cli {
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
        /// Write to this file instead of stdout.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Only these fact types (comma-separated: counts, dates,
        /// localities, models, legal_documents, abbreviations, published,
        /// authors, title).
        #[arg(long, value_name = "TYPE,...", value_delimiter = ',')]
        types: Vec<anninh::FactType>,
        #[command(flatten)]
        corpus: CorpusArgs,
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
    /// Print the text with its abbreviations expanded.
    Expand {
        /// A file, or `-` (or nothing) for stdin.
        path: Option<PathBuf>,
        /// Keep each abbreviation and add its expansion in parentheses.
        #[arg(long)]
        annotate: bool,
        /// More abbreviations (TSV as data/abbreviations.tsv); they override.
        #[arg(long, value_name = "FILE")]
        abbreviations: Option<PathBuf>,
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
    /// Summarise a corpus: facts per type, models and their provinces,
    /// localities per province, documents cited, the largest counts.
    Stats {
        /// Article files or directories, or JSON Lines of extracted records.
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: ReportFormat,
        #[command(flatten)]
        corpus: CorpusArgs,
        #[command(flatten)]
        read: ReadArgs,
    },
}

/// Options for reading many articles.
#[derive(clap::Args, Clone)]
pub struct CorpusArgs {
    /// How inputs arrive: text files, or JSON Lines of `{"id": ..., "text": ...}`.
    #[arg(long, value_enum, default_value = "text")]
    input: InputKind,
    /// The id field of JSON Lines input.
    #[arg(long, default_value = "id")]
    id_field: String,
    /// The text field of JSON Lines input.
    #[arg(long, default_value = "text")]
    text_field: String,
    /// Skip files larger than this many bytes (an error for each).
    #[arg(long, value_name = "BYTES")]
    max_bytes: Option<u64>,
    /// No progress bar.
    #[arg(long, short)]
    quiet: bool,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    threads: Option<usize>,
    /// File extensions read in directories (any case), comma-separated.
    #[arg(
        long,
        value_name = "EXT,...",
        value_delimiter = ',',
        default_value = "txt"
    )]
    ext: Vec<String>,
    /// Say on stderr which legacy encoding each input was read in.
    #[arg(long, short)]
    verbose: bool,
    /// More abbreviations (TSV as data/abbreviations.tsv); they override.
    #[arg(long, value_name = "FILE")]
    abbreviations: Option<PathBuf>,
}

impl CorpusArgs {
    /// The extensions to read, lower case, without dots.
    pub(crate) fn extensions(&self) -> Vec<String> {
        self.ext
            .iter()
            .map(|e| e.trim().trim_start_matches('.').to_lowercase())
            .filter(|e| !e.is_empty())
            .collect()
    }

    /// The number of worker threads.
    pub(crate) fn threads(&self) -> usize {
        self.threads.unwrap_or_else(|| {
            std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
        })
    }
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum InputKind {
    Text,
    Jsonl,
}

/// Options for decoding input bytes.
#[derive(clap::Args, Clone)]
pub struct ReadArgs {
    /// Replace invalid UTF-8 instead of failing.
    #[arg(long)]
    lossy: bool,
    /// The encoding the text was typed in.
    #[arg(long, value_enum, default_value = "auto")]
    encoding: EncodingArg,
    /// Leave misspelt syllables as they are (`tạị`, `buớc`, `nghành`).
    #[arg(long)]
    no_repair: bool,
}

impl ReadArgs {
    fn options(&self) -> ReadOptions {
        ReadOptions {
            lossy: self.lossy,
            encoding: self.encoding.choice(),
        }
    }
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    Json,
    Jsonl,
    Csv,
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
    #[value(name = "windows-1258", alias = "cp1258")]
    Windows1258,
    Viscii,
}

impl EncodingArg {
    fn choice(self) -> EncodingChoice {
        match self {
            EncodingArg::Auto => EncodingChoice::Auto,
            EncodingArg::Utf8 => EncodingChoice::Fixed(Encoding::Utf8),
            EncodingArg::Tcvn3 => EncodingChoice::Fixed(Encoding::Tcvn3),
            EncodingArg::Vni => EncodingChoice::Fixed(Encoding::Vni),
            EncodingArg::Windows1258 => EncodingChoice::Fixed(Encoding::Windows1258),
            EncodingArg::Viscii => EncodingChoice::Fixed(Encoding::Viscii),
        }
    }
}

/// Runs a command. `Ok(false)` when some input failed.
pub fn run(cli: Cli) -> Result<bool, Error> {
    match cli.command {
        Command::Extract {
            paths,
            format,
            pretty,
            output,
            types,
            corpus,
            read,
        } => extract(
            &paths,
            Output {
                format,
                pretty,
                file: output,
                types,
            },
            &corpus,
            &read,
        ),
        Command::Normalize {
            path,
            tone,
            fold,
            read,
        } => normalize_cmd(path.as_deref(), tone, fold, &read),
        Command::Expand {
            path,
            annotate,
            abbreviations,
            read,
        } => expand_cmd(path.as_deref(), annotate, abbreviations.as_deref(), &read),
        Command::Eval {
            gold,
            texts,
            format,
        } => eval(&gold, &texts, format),
        Command::Stats {
            paths,
            format,
            corpus,
            read,
        } => stats::run(&paths, format, &corpus, &read),
    }
}

/// The extractor for a command, with the user's abbreviations if given.
/// (Inputs in legacy encodings are converted when read: the extractor
/// sees Unicode.)
fn extractor(abbreviations: Option<&Path>, read: &ReadArgs) -> Result<Extractor, Error> {
    // Start-up in three parts on three threads: the patterns and the
    // normalizer's automata there, the gazetteer here (the first article
    // waits for whatever is unfinished).
    std::thread::spawn(Extractor::prepare);
    std::thread::spawn(|| normalize("Thanh Hoá", &Options::default()).is_unchanged());
    anninh::gazetteer::Gazetteer::embedded();
    let mut e = Extractor::new().with_options(Options {
        repair: !read.no_repair,
        ..Options::default()
    });
    if let Some(path) = abbreviations {
        e = e.with_abbreviations(user_dictionary(path)?);
    }
    Ok(e)
}

/// The embedded dictionary with a user's TSV on top.
fn user_dictionary(path: &Path) -> Result<Dictionary, Error> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    Dictionary::embedded().with_tsv(&text).map_err(|e| match e {
        Error::Parse { message, .. } => Error::Parse {
            path: path.to_path_buf(),
            message,
        },
        other => other,
    })
}

/// Where and how `extract` writes.
struct Output {
    format: Option<Format>,
    pretty: bool,
    file: Option<PathBuf>,
    types: Vec<anninh::FactType>,
}

fn extract(
    paths: &[PathBuf],
    output: Output,
    corpus: &CorpusArgs,
    read: &ReadArgs,
) -> Result<bool, Error> {
    let single =
        corpus.input == InputKind::Text && paths.len() <= 1 && !paths.iter().any(|p| p.is_dir());
    let format = output
        .format
        .unwrap_or(if single { Format::Json } else { Format::Jsonl });
    let pretty = output.pretty;
    let mut extractor = extractor(corpus.abbreviations.as_deref(), read)?;
    if !output.types.is_empty() {
        extractor = extractor.with_types(output.types.iter().copied());
    }
    let sink: Box<dyn Write> = match &output.file {
        Some(path) => Box::new(std::fs::File::create(path).map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 16, sink);
    if format == Format::Csv && out.write_all(&csv_out::header()).is_err() {
        return Ok(false);
    }
    let json_line = |value: &dyn erased::Json| -> Vec<u8> {
        let mut bytes = if pretty && format == Format::Json {
            value.pretty()
        } else {
            value.compact()
        };
        bytes.push(b'\n');
        bytes
    };
    // Records are serialised on the workers; this thread only writes.
    let renderers = corpus::Renderers {
        article: |article: anninh::Article| -> Vec<u8> {
            match format {
                Format::Csv => csv_out::article_rows(&article),
                _ => json_line(&article),
            }
        },
        // JSON Lines in, JSON Lines out: line n of the output is line n of
        // the input, a failed line included.
        error: |source: &str, e: &Error| -> Option<Vec<u8>> {
            (corpus.input == InputKind::Jsonl && format != Format::Csv).then(|| {
                json_line(&serde_json::json!({
                    "source": source,
                    "error": describe(e),
                }))
            })
        },
    };
    let summary = corpus::process(paths, corpus, read, &extractor, renderers, |bytes| {
        out.write_all(&bytes).is_ok()
    })?;
    if let Err(source) = out.flush() {
        return Err(Error::Io {
            path: output.file.unwrap_or_else(|| PathBuf::from("-")),
            source,
        });
    }
    Ok(summary.failed == 0)
}

/// Serialisation of the two kinds of line `extract` writes.
mod erased {
    /// A value that serialises to JSON bytes.
    pub trait Json: Sync {
        fn compact(&self) -> Vec<u8>;
        fn pretty(&self) -> Vec<u8>;
    }

    impl<T: serde::Serialize + Sync> Json for T {
        fn compact(&self) -> Vec<u8> {
            serde_json::to_vec(self).unwrap_or_default()
        }
        fn pretty(&self) -> Vec<u8> {
            serde_json::to_vec_pretty(self).unwrap_or_default()
        }
    }
}

/// Reads one input for the single-text commands.
fn read_one(path: Option<&Path>, read: &ReadArgs) -> Result<String, Error> {
    let input = match path {
        None => Input::Stdin,
        Some(p) if p.as_os_str() == "-" => Input::Stdin,
        Some(p) => Input::File(p.to_path_buf()),
    };
    Ok(input.read(&read.options(), None)?.text)
}

/// How much `anninh normalize` reads before it writes: whole lines, about
/// this many bytes (a large file never sits in memory twice over).
const PIECE: usize = 1 << 20;

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
    let name = input.name();
    let options = read.options();
    let opts = Options {
        tone: match tone {
            ToneArg::Old => ToneStyle::Old,
            ToneArg::New => ToneStyle::New,
        },
        repair: !read.no_repair,
        ..Options::default()
    };
    let mut stdout = std::io::stdout().lock();
    let mut write = |text: &str| {
        let n = normalize(text, &opts);
        let _ = if folded {
            stdout.write_all(fold(n.text()).as_bytes())
        } else {
            stdout.write_all(n.text().as_bytes())
        };
    };
    let mut reader = input.reader()?;
    let io = |source| Error::Io {
        path: PathBuf::from(&name),
        source,
    };
    // Piece by piece, each a text of its own as a file of those lines
    // would be: plain UTF-8 is read in place, anything else decoded as the
    // library decodes a text (legacy encodings, errors with their offset).
    let mut buf: Vec<u8> = Vec::with_capacity(PIECE + PIECE / 8);
    let mut written = 0usize;
    loop {
        let mut eof = false;
        let mut cut = None;
        while cut.is_none() && !eof {
            let before = buf.len();
            let want = (before / PIECE + 1) * PIECE - before;
            let got = (&mut reader)
                .take(want as u64)
                .read_to_end(&mut buf)
                .map_err(io)?;
            eof = got == 0;
            // A piece ends after a line end (an endless line is one piece;
            // only what was just read is searched).
            cut = buf[before..]
                .iter()
                .rposition(|&b| b == b'\n')
                .map(|i| before + i + 1);
        }
        let cut = if eof {
            buf.len()
        } else {
            cut.unwrap_or(buf.len())
        };
        if let Some(text) = corpus::utf8_in_place(&buf[..cut], &options) {
            write(text);
        } else {
            let piece = buf[..cut].to_vec();
            let text = anninh::normalize::to_unicode(piece, &name, &options)
                .map_err(|e| match e {
                    Error::InvalidUtf8 { path, offset } => Error::InvalidUtf8 {
                        path,
                        offset: offset + written,
                    },
                    Error::Binary { path, offset } => Error::Binary {
                        path,
                        offset: offset + written,
                    },
                    other => other,
                })?
                .text;
            write(&text);
        }
        buf.drain(..cut);
        written += cut;
        if eof && buf.is_empty() {
            break;
        }
    }
    Ok(true)
}

fn expand_cmd(
    path: Option<&Path>,
    annotate: bool,
    abbreviations: Option<&Path>,
    read: &ReadArgs,
) -> Result<bool, Error> {
    let text = read_one(path, read)?;
    let style = if annotate {
        Style::Annotate
    } else {
        Style::Replace
    };
    let expanded = match abbreviations {
        Some(p) => user_dictionary(p)?.expand(&text, style),
        None => Dictionary::embedded().expand(&text, style),
    };
    let _ = std::io::stdout().write_all(expanded.text.as_bytes());
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

/// An error as the command line tells it: the library's message, with the
/// flag that helps where there is one.
pub fn describe(e: &Error) -> String {
    match e {
        Error::InvalidUtf8 { .. } => {
            format!("{e} (use --lossy to replace it, or --encoding)")
        }
        _ => e.to_string(),
    }
}

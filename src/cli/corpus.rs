//! Reading a corpus and extracting it in parallel, in input order, with
//! memory that does not grow with the corpus.
//!
//! One thread lists the inputs (or reads JSON Lines), worker threads read
//! each input, extract it and turn the record into its output bytes, and
//! the calling thread writes the results in input order as they arrive.
//! No stage waits for a whole batch: the lister may run only a bounded
//! number of inputs ahead of the writer, so the texts and records held at
//! once stay few, whatever the corpus.

use super::{CorpusArgs, InputKind, ReadArgs};
use anninh::input::{ReadOptions, decode};
use anninh::{Article, Error, Extractor};
use indicatif::{ProgressBar, ProgressStyle};
use std::collections::{BTreeMap, HashSet};
use std::io::{BufRead, IsTerminal, Read};
use std::path::{Path, PathBuf};

/// Inputs in flight per worker (listed, being extracted, or waiting to be
/// written): enough that no worker waits for the writer, few enough that
/// memory stays flat.
const IN_FLIGHT_PER_WORKER: usize = 16;

/// One article to read.
pub enum Input {
    /// Standard input.
    Stdin,
    /// A text file.
    File(PathBuf),
    /// A record of JSON Lines input.
    Record {
        /// Its id (becomes `source`).
        id: String,
        /// Its text.
        text: String,
    },
}

impl Input {
    /// How the input is named in records and errors.
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::File(p) => p.display().to_string(),
            Input::Record { id, .. } => id.clone(),
        }
    }

    /// The input's text.
    pub fn read(&self, options: &ReadOptions, max_bytes: Option<u64>) -> Result<String, Error> {
        let path = PathBuf::from(self.name());
        let io = |source| Error::Io {
            path: path.clone(),
            source,
        };
        let bytes = match self {
            Input::Record { text, .. } => return Ok(text.clone()),
            Input::Stdin => {
                let mut b = Vec::new();
                std::io::stdin().read_to_end(&mut b).map_err(io)?;
                b
            }
            Input::File(p) => {
                if let Some(limit) = max_bytes {
                    let size = std::fs::metadata(p).map_err(io)?.len();
                    if size > limit {
                        return Err(Error::TooLarge {
                            path: p.clone(),
                            size,
                            limit,
                        });
                    }
                }
                std::fs::read(p).map_err(io)?
            }
        };
        if let Some(limit) = max_bytes
            && bytes.len() as u64 > limit
        {
            return Err(Error::TooLarge {
                path,
                size: bytes.len() as u64,
                limit,
            });
        }
        decode(bytes, &path, options)
    }
}

/// What a run did.
pub struct Summary {
    /// Articles written.
    pub articles: usize,
    /// Inputs that failed.
    pub failed: usize,
}

/// Expands paths into text inputs: directories recursively (`*.txt`,
/// sorted by path, each directory visited once so that symlink loops end).
fn text_inputs(paths: &[PathBuf], errors: &mut Vec<Error>) -> Vec<Input> {
    let mut inputs = Vec::new();
    if paths.is_empty() {
        inputs.push(Input::Stdin);
    }
    for p in paths {
        if p.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if p.is_dir() {
            let mut files = Vec::new();
            walk(p, &mut files, errors, &mut HashSet::new());
            files.sort();
            inputs.extend(files.into_iter().map(Input::File));
        } else {
            inputs.push(Input::File(p.clone()));
        }
    }
    inputs
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
        return;
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

/// JSON Lines records, read lazily: one input or one error per line.
struct Records<'a> {
    sources: Vec<(String, Box<dyn BufRead + Send + 'a>)>,
    line_no: usize,
    id_field: &'a str,
    text_field: &'a str,
}

impl Iterator for Records<'_> {
    type Item = Result<Input, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let (name, reader) = self.sources.first_mut()?;
            let mut line = String::new();
            match reader.read_line(&mut line) {
                Ok(0) => {
                    self.sources.remove(0);
                    self.line_no = 0;
                    continue;
                }
                Ok(_) => {
                    self.line_no += 1;
                    if line.trim().is_empty() {
                        continue;
                    }
                    let place = format!("{name}:{}", self.line_no);
                    return Some(parse_record(&line, &place, self.id_field, self.text_field));
                }
                Err(source) => {
                    let path = PathBuf::from(name.clone());
                    self.sources.remove(0);
                    return Some(Err(Error::Io { path, source }));
                }
            }
        }
    }
}

fn parse_record(line: &str, place: &str, id_field: &str, text_field: &str) -> Result<Input, Error> {
    let bad = |message: String| Error::Parse {
        path: PathBuf::from(place),
        message,
    };
    let v: serde_json::Value =
        serde_json::from_str(line).map_err(|e| bad(format!("not JSON: {e}")))?;
    let text = v
        .get(text_field)
        .and_then(|t| t.as_str())
        .ok_or_else(|| bad(format!("no string field `{text_field}`")))?;
    let id = match v.get(id_field) {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Null) | None => place.to_string(),
        Some(other) => other.to_string(),
    };
    Ok(Input::Record {
        id,
        text: text.to_string(),
    })
}

fn progress(corpus: &CorpusArgs, len: Option<usize>) -> ProgressBar {
    if corpus.quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = match len {
        Some(n) => ProgressBar::new(n as u64),
        None => ProgressBar::new_spinner(),
    };
    let template = if len.is_some() {
        "{elapsed_precise} [{bar:30}] {pos}/{len} articles, {msg}"
    } else {
        "{elapsed_precise} {spinner} {pos} articles, {msg}"
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

/// Extracts every input named by `paths` on `threads` workers: `render`
/// turns each record into what is written (on the workers), and `emit`
/// receives those in input order (on the calling thread). Failures are
/// reported on stderr as `NAME: what went wrong` and counted; the others
/// are still processed. `emit` returning `false` (output closed) stops the
/// run.
#[allow(clippy::too_many_arguments)]
pub fn process<T: Send>(
    paths: &[PathBuf],
    corpus: &CorpusArgs,
    read: &ReadArgs,
    extractor: &Extractor,
    threads: usize,
    render: impl Fn(Article) -> T + Sync,
    mut emit: impl FnMut(T) -> bool,
) -> Result<Summary, Error> {
    let options = read.options();
    let mut errors = Vec::new();
    let (jobs, len): (
        Box<dyn Iterator<Item = Result<Input, Error>> + Send + '_>,
        Option<usize>,
    ) = match corpus.input {
        InputKind::Text => {
            let inputs = text_inputs(paths, &mut errors);
            let n = inputs.len();
            (Box::new(inputs.into_iter().map(Ok)), Some(n))
        }
        InputKind::Jsonl => {
            let mut sources: Vec<(String, Box<dyn BufRead + Send>)> = Vec::new();
            if paths.is_empty() || paths.iter().any(|p| p.as_os_str() == "-") {
                sources.push((
                    "-".to_string(),
                    Box::new(std::io::BufReader::new(std::io::stdin())),
                ));
            }
            for p in paths.iter().filter(|p| p.as_os_str() != "-") {
                match std::fs::File::open(p) {
                    Ok(f) => sources.push((
                        p.display().to_string(),
                        Box::new(std::io::BufReader::new(f)),
                    )),
                    Err(source) => errors.push(Error::Io {
                        path: p.clone(),
                        source,
                    }),
                }
            }
            let records = Records {
                sources,
                line_no: 0,
                id_field: &corpus.id_field,
                text_field: &corpus.text_field,
            };
            (Box::new(records), None)
        }
    };
    let bar = progress(corpus, len);
    let mut summary = Summary {
        articles: 0,
        failed: 0,
    };
    let report = |bar: &ProgressBar, e: &Error| bar.suspend(|| eprintln!("{}", super::describe(e)));
    for e in &errors {
        report(&bar, e);
    }
    summary.failed += errors.len();

    let threads = threads.max(1);
    // The embedded tables are built here, once, on the main thread (its
    // heap grows cheaply; a worker's arena would grow page by page).
    let _ = extractor.extract("");
    let in_flight = threads * IN_FLIGHT_PER_WORKER;
    let work = |job: Result<Input, Error>| -> Result<(T, usize), Error> {
        let input = job?;
        let text = input.read(&options, corpus.max_bytes)?;
        let mut article = extractor.extract(&text);
        if !matches!(input, Input::Stdin) {
            article.source = Some(input.name());
        }
        Ok((render(article), text.len()))
    };
    let mut bytes = 0u64;
    let stopped = std::sync::atomic::AtomicBool::new(false);
    // Jobs go out numbered; a credit comes back for every result written,
    // so the lister stays at most `in_flight` ahead.
    let (job_tx, job_rx) = std::sync::mpsc::sync_channel::<(usize, Result<Input, Error>)>(threads);
    let job_rx = std::sync::Mutex::new(job_rx);
    std::thread::scope(|scope| {
        let (done_tx, done_rx) = std::sync::mpsc::channel::<(usize, Result<(T, usize), Error>)>();
        let (credit_tx, credit_rx) = std::sync::mpsc::sync_channel::<()>(in_flight);
        for _ in 0..in_flight {
            let _ = credit_tx.send(());
        }
        let stopped = &stopped;
        scope.spawn(move || {
            for (i, job) in jobs.enumerate() {
                if credit_rx.recv().is_err() || stopped.load(std::sync::atomic::Ordering::Relaxed) {
                    break;
                }
                if job_tx.send((i, job)).is_err() {
                    break;
                }
            }
        });
        let job_rx = &job_rx;
        let work = &work;
        for _ in 0..threads {
            let done_tx = done_tx.clone();
            scope.spawn(move || {
                loop {
                    let next = match job_rx.lock() {
                        Ok(rx) => rx.recv(),
                        Err(_) => break,
                    };
                    let Ok((i, job)) = next else { break };
                    if done_tx.send((i, work(job))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        // Results arrive in any order; they are written in input order.
        let mut waiting: BTreeMap<usize, Result<(T, usize), Error>> = BTreeMap::new();
        let mut next = 0;
        for (i, result) in done_rx {
            waiting.insert(i, result);
            while let Some(result) = waiting.remove(&next) {
                next += 1;
                bar.inc(1);
                match result {
                    Ok((out, n)) => {
                        bytes += n as u64;
                        summary.articles += 1;
                        if !emit(out) {
                            stopped.store(true, std::sync::atomic::Ordering::Relaxed);
                            drop(credit_tx);
                            return;
                        }
                    }
                    Err(e) => {
                        summary.failed += 1;
                        report(&bar, &e);
                    }
                }
                let _ = credit_tx.try_send(());
                bar.set_message(format!(
                    "{} MB, {} errors",
                    bytes / 1_000_000,
                    summary.failed
                ));
            }
        }
    });
    bar.finish_and_clear();
    if summary.failed > 0 {
        eprintln!(
            "{} of {} inputs failed",
            summary.failed,
            summary.failed + summary.articles
        );
    }
    Ok(summary)
}

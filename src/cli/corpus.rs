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
use anninh::input::{Encoding, ReadOptions};
use anninh::{Article, Error, Extractor};
use indicatif::{ProgressBar, ProgressStyle};
use std::collections::{BTreeMap, HashSet};
use std::io::{BufRead, IsTerminal, Read};
use std::path::{Path, PathBuf};

/// Inputs in flight per worker (listed, being extracted, or waiting to be
/// written): enough that no worker waits for the writer, few enough that
/// memory stays flat.
const IN_FLIGHT_PER_WORKER: usize = 16;

/// Articles handed from thread to thread at a time.
const BATCH: usize = 8;

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

/// An input's text, readable, and the legacy encoding it came in.
pub struct Text {
    /// The text (legacy input converted to Unicode).
    pub text: String,
    /// The encoding the input was converted from, when not Unicode.
    pub encoding: Option<Encoding>,
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

    /// The input's text. A file must be a regular file (a FIFO or a device
    /// would stall or swamp the run), and `max_bytes` holds whatever its
    /// size says: it is counted while reading.
    pub fn read(&self, options: &ReadOptions, max_bytes: Option<u64>) -> Result<Text, Error> {
        if let Input::Record { text, .. } = self {
            return Ok(Text {
                text: text.clone(),
                encoding: None,
            });
        }
        let bytes = self.read_bytes(max_bytes)?;
        let decoded = anninh::normalize::to_unicode(bytes, &self.name(), options)?;
        Ok(Text {
            text: decoded.text,
            encoding: (decoded.encoding != Encoding::Utf8).then_some(decoded.encoding),
        })
    }

    /// A reader of the input's bytes (a file must be a regular file).
    pub fn reader(&self) -> Result<Box<dyn Read>, Error> {
        match self {
            Input::Record { text, .. } => Ok(Box::new(std::io::Cursor::new(text.clone()))),
            Input::Stdin => Ok(Box::new(std::io::stdin().lock())),
            Input::File(p) => {
                let io = |source| Error::Io {
                    path: p.clone(),
                    source,
                };
                if !std::fs::metadata(p).map_err(io)?.is_file() {
                    return Err(io(std::io::Error::other("not a regular file")));
                }
                Ok(Box::new(std::fs::File::open(p).map_err(io)?))
            }
        }
    }

    /// The input's bytes as stored (a record's text as UTF-8).
    pub fn read_bytes(&self, max_bytes: Option<u64>) -> Result<Vec<u8>, Error> {
        let name = self.name();
        let io = |source| Error::Io {
            path: PathBuf::from(&name),
            source,
        };
        Ok(match self {
            Input::Record { text, .. } => text.clone().into_bytes(),
            Input::Stdin => read_limited(std::io::stdin().lock(), &name, max_bytes, 0)?,
            Input::File(p) => {
                let meta = std::fs::metadata(p).map_err(io)?;
                if !meta.is_file() {
                    return Err(Error::Io {
                        path: p.clone(),
                        source: std::io::Error::other("not a regular file"),
                    });
                }
                let file = std::fs::File::open(p).map_err(io)?;
                let expected = usize::try_from(meta.len()).unwrap_or(0);
                read_limited(file, &name, max_bytes, expected)?
            }
        })
    }
}

/// `bytes` as text in place when they are what the library would return
/// unchanged (UTF-8 without NUL and not UTF-16, encoding left to
/// detection), checked by a vectorised validator: on one large file the
/// standard library's check was a third of `anninh normalize`.
pub fn utf8_in_place<'b>(bytes: &'b [u8], options: &ReadOptions) -> Option<&'b str> {
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    if options.encoding != anninh::normalize::EncodingChoice::Auto || utf16 || bytes.contains(&0) {
        return None;
    }
    simdutf8::basic::from_utf8(bytes).ok()
}

/// Reads at most `limit` bytes (and one more, to know that there are);
/// `expected` is what the file's size says (room is made for it, within
/// the limit, so that a large file is not copied as it grows).
fn read_limited(
    reader: impl Read,
    name: &str,
    limit: Option<u64>,
    expected: usize,
) -> Result<Vec<u8>, Error> {
    let room = limit.map_or(expected, |l| {
        expected.min(usize::try_from(l).unwrap_or(usize::MAX))
    });
    let mut bytes = Vec::with_capacity(room.saturating_add(1));
    let cap = limit.map_or(u64::MAX, |l| l.saturating_add(1));
    reader
        .take(cap)
        .read_to_end(&mut bytes)
        .map_err(|source| Error::Io {
            path: PathBuf::from(name),
            source,
        })?;
    if let Some(limit) = limit
        && bytes.len() as u64 > limit
    {
        return Err(Error::TooLarge {
            path: PathBuf::from(name),
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// One unit of work: an input to read, or what went wrong finding it;
/// `source` names it either way.
pub struct Job {
    /// The input's name, or its place (`file:line`) when it has none.
    pub source: String,
    /// The input.
    pub input: Result<Input, Error>,
}

/// What a run did.
pub struct Summary {
    /// Articles written.
    pub articles: usize,
    /// Inputs that failed.
    pub failed: usize,
}

/// What listing the paths found besides inputs.
#[derive(Default)]
struct Listing {
    /// Files in directories without one of the extensions.
    skipped: usize,
}

/// Expands paths into text inputs: directories recursively (files with one
/// of `extensions`, any case, sorted by path, each directory visited once
/// so that symlink loops end); named files whatever their extension.
fn text_inputs(paths: &[PathBuf], extensions: &[String], listing: &mut Listing) -> Vec<Job> {
    let mut jobs = Vec::new();
    if paths.is_empty() {
        jobs.push(Job {
            source: "-".to_string(),
            input: Ok(Input::Stdin),
        });
    }
    for p in paths {
        if p.as_os_str() == "-" {
            jobs.push(Job {
                source: "-".to_string(),
                input: Ok(Input::Stdin),
            });
        } else if p.is_dir() {
            let mut files = Vec::new();
            walk(p, extensions, &mut files, listing, &mut HashSet::new());
            files.sort_by(|a: &Job, b: &Job| a.source.cmp(&b.source));
            jobs.extend(files);
        } else {
            jobs.push(Job {
                source: p.display().to_string(),
                input: Ok(Input::File(p.clone())),
            });
        }
    }
    jobs
}

fn walk(
    dir: &Path,
    extensions: &[String],
    files: &mut Vec<Job>,
    listing: &mut Listing,
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
            files.push(Job {
                source: dir.display().to_string(),
                input: Err(Error::Io {
                    path: dir.to_path_buf(),
                    source,
                }),
            });
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, extensions, files, listing, seen);
            continue;
        }
        let wanted = path.extension().is_some_and(|e| {
            let e = e.to_string_lossy().to_lowercase();
            extensions.contains(&e)
        });
        if wanted {
            files.push(Job {
                source: path.display().to_string(),
                input: Ok(Input::File(path)),
            });
        } else {
            listing.skipped += 1;
        }
    }
}

/// JSON Lines records, read lazily as bytes: one job per line, so that
/// line n of the output is line n of the input. A line that is not a
/// record (not UTF-8, not JSON, no text) is that line's error.
struct Records<'a> {
    sources: Vec<(String, Box<dyn BufRead + Send + 'a>)>,
    line_no: usize,
    id_field: &'a str,
    text_field: &'a str,
    buf: Vec<u8>,
}

impl Iterator for Records<'_> {
    type Item = Job;

    fn next(&mut self) -> Option<Job> {
        loop {
            let (name, reader) = self.sources.first_mut()?;
            self.buf.clear();
            match reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => {
                    self.sources.remove(0);
                    self.line_no = 0;
                    continue;
                }
                Ok(_) => {
                    self.line_no += 1;
                    let place = format!("{name}:{}", self.line_no);
                    let mut line = self.buf.as_slice();
                    if self.line_no == 1 {
                        line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
                    }
                    let line = line.strip_suffix(b"\n").unwrap_or(line);
                    let line = line.strip_suffix(b"\r").unwrap_or(line);
                    return Some(parse_record(line, place, self.id_field, self.text_field));
                }
                Err(source) => {
                    let path = PathBuf::from(name.clone());
                    self.sources.remove(0);
                    return Some(Job {
                        source: path.display().to_string(),
                        input: Err(Error::Io { path, source }),
                    });
                }
            }
        }
    }
}

fn parse_record(line: &[u8], place: String, id_field: &str, text_field: &str) -> Job {
    let bad = |message: String| Error::Parse {
        path: PathBuf::from(&place),
        message,
    };
    let parsed = std::str::from_utf8(line)
        .map_err(|e| bad(format!("not UTF-8 at byte {}", e.valid_up_to())))
        .and_then(|l| {
            if l.trim().is_empty() {
                return Err(bad("an empty line".to_string()));
            }
            serde_json::from_str::<serde_json::Value>(l).map_err(|e| bad(format!("not JSON: {e}")))
        });
    let value = match parsed {
        Ok(v) => v,
        Err(e) => {
            return Job {
                source: place.clone(),
                input: Err(e),
            };
        }
    };
    let id = match value.get(id_field) {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Null) | None => place.clone(),
        Some(other) => other.to_string(),
    };
    let input = match value.get(text_field).and_then(|t| t.as_str()) {
        Some(text) => Ok(Input::Record {
            id: id.clone(),
            text: text.to_string(),
        }),
        None => Err(bad(format!("no string field `{text_field}`"))),
    };
    Job { source: id, input }
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

/// What a run writes for each input, made on the worker threads: a
/// record's output, and (for JSON Lines input, whose output lines must
/// stay aligned with its input lines) a failed input's error record.
pub struct Renderers<R, E> {
    /// An article's output.
    pub article: R,
    /// A failed input's output, if it has one: (source, error).
    pub error: E,
}

/// Extracts every input named by `paths` on `threads` workers, calling
/// `emit` (on the calling thread) with what the renderers made of each, in
/// input order. Failures are reported on stderr as `NAME: what went wrong`
/// and counted; the others are still processed. `emit` returning `false`
/// (output closed) stops the run. No input at all is an error.
pub fn process<T: Send, R, E>(
    paths: &[PathBuf],
    corpus: &CorpusArgs,
    read: &ReadArgs,
    extractor: &Extractor,
    renderers: Renderers<R, E>,
    mut emit: impl FnMut(T) -> bool,
) -> Result<Summary, Error>
where
    R: Fn(Article) -> T + Sync,
    E: Fn(&str, &Error) -> Option<T> + Sync,
{
    let options = read.options();
    let mut listing = Listing::default();
    let (jobs, len): (Box<dyn Iterator<Item = Job> + Send + '_>, Option<usize>) = match corpus.input
    {
        InputKind::Text => {
            let jobs = text_inputs(paths, &corpus.extensions(), &mut listing);
            if jobs.is_empty() {
                return Err(Error::Io {
                    path: paths.first().cloned().unwrap_or_default(),
                    source: std::io::Error::other(format!(
                        "no input: no file with the extension {} (choose others with --ext)",
                        corpus.extensions().join(", ")
                    )),
                });
            }
            let n = jobs.len();
            (Box::new(jobs.into_iter()), Some(n))
        }
        InputKind::Jsonl => {
            let mut sources: Vec<(String, Box<dyn BufRead + Send>)> = Vec::new();
            let mut failed_opens = Vec::new();
            if paths.is_empty() || paths.iter().any(|p| p.as_os_str() == "-") {
                sources.push((
                    "-".to_string(),
                    Box::new(std::io::BufReader::new(std::io::stdin())),
                ));
            }
            for p in paths.iter().filter(|p| p.as_os_str() != "-") {
                let opened = std::fs::metadata(p).and_then(|m| {
                    if m.is_file() {
                        std::fs::File::open(p)
                    } else {
                        Err(std::io::Error::other("not a regular file"))
                    }
                });
                match opened {
                    Ok(f) => sources.push((
                        p.display().to_string(),
                        Box::new(std::io::BufReader::new(f)),
                    )),
                    Err(source) => failed_opens.push(Job {
                        source: p.display().to_string(),
                        input: Err(Error::Io {
                            path: p.clone(),
                            source,
                        }),
                    }),
                }
            }
            let records = Records {
                sources,
                line_no: 0,
                id_field: &corpus.id_field,
                text_field: &corpus.text_field,
                buf: Vec::new(),
            };
            (Box::new(failed_opens.into_iter().chain(records)), None)
        }
    };
    if listing.skipped > 0 {
        eprintln!(
            "anninh: skipped {} file{} without the extension {} (choose others with --ext)",
            listing.skipped,
            if listing.skipped == 1 { "" } else { "s" },
            corpus.extensions().join(", ")
        );
    }
    let bar = progress(corpus, len);
    let mut summary = Summary {
        articles: 0,
        failed: 0,
    };
    let report = |bar: &ProgressBar, e: &Error| bar.suspend(|| eprintln!("{}", super::describe(e)));

    let threads = corpus.threads().max(1);
    // The embedded tables are built here, once, before the workers start.
    let _ = extractor.extract("");
    let in_flight = threads * IN_FLIGHT_PER_WORKER;
    // A worker's result: the output, the input's size, or the error and
    // its error record.
    type Done<T> = Result<(T, usize), (Error, Option<T>)>;
    let work = |job: Job| -> Done<T> {
        let attempt = || -> Result<(T, usize), Error> {
            let input = job.input?;
            let text = input.read(&options, corpus.max_bytes)?;
            let mut article = extractor.extract(&text.text);
            article.source = Some(input.name());
            article.encoding = text.encoding.map(|e| e.name().to_string());
            if corpus.verbose
                && let Some(e) = text.encoding
            {
                eprintln!("{}: read as {}", input.name(), e.name());
            }
            Ok(((renderers.article)(article), text.text.len()))
        };
        attempt().map_err(|e| {
            let record = (renderers.error)(&job.source, &e);
            (e, record)
        })
    };
    let mut bytes = 0u64;
    let stopped = std::sync::atomic::AtomicBool::new(false);
    // Jobs go out numbered, in batches (a thread woken for every article
    // spent a tenth of the time waking); a credit comes back for every
    // batch written, so the lister stays at most `in_flight` articles ahead.
    let batches_in_flight = in_flight.div_ceil(BATCH).max(2);
    let (job_tx, job_rx) = std::sync::mpsc::sync_channel::<Vec<(usize, Job)>>(threads);
    let job_rx = std::sync::Mutex::new(job_rx);
    std::thread::scope(|scope| {
        let (done_tx, done_rx) = std::sync::mpsc::channel::<Vec<(usize, Done<T>)>>();
        let (credit_tx, credit_rx) = std::sync::mpsc::sync_channel::<()>(batches_in_flight);
        for _ in 0..batches_in_flight {
            let _ = credit_tx.send(());
        }
        let stopped = &stopped;
        scope.spawn(move || {
            let mut jobs = jobs.enumerate().peekable();
            while jobs.peek().is_some() {
                if credit_rx.recv().is_err() || stopped.load(std::sync::atomic::Ordering::Relaxed) {
                    break;
                }
                let batch: Vec<(usize, Job)> = jobs.by_ref().take(BATCH).collect();
                if job_tx.send(batch).is_err() {
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
                    let Ok(batch) = next else { break };
                    let done = batch.into_iter().map(|(i, job)| (i, work(job))).collect();
                    if done_tx.send(done).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        // Results arrive in any order; they are written in input order.
        let mut waiting: BTreeMap<usize, Done<T>> = BTreeMap::new();
        let mut next = 0;
        for batch in done_rx {
            waiting.extend(batch);
            while let Some(result) = waiting.remove(&next) {
                next += 1;
                bar.inc(1);
                let out = match result {
                    Ok((out, n)) => {
                        bytes += n as u64;
                        summary.articles += 1;
                        Some(out)
                    }
                    Err((e, record)) => {
                        summary.failed += 1;
                        report(&bar, &e);
                        record
                    }
                };
                if let Some(out) = out
                    && !emit(out)
                {
                    stopped.store(true, std::sync::atomic::Ordering::Relaxed);
                    drop(credit_tx);
                    return;
                }
                if next % BATCH == 0 {
                    let _ = credit_tx.try_send(());
                    bar.set_message(format!(
                        "{} MB, {} errors",
                        bytes / 1_000_000,
                        summary.failed
                    ));
                }
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

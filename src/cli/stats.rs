//! `anninh stats`: what a researcher wants to see first about a corpus.

use super::{CorpusArgs, ReadArgs, ReportFormat, corpus};
use anninh::{Article, Error, FactType};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

/// The summary of a corpus.
#[derive(Default, Serialize)]
struct Stats {
    /// What was read: `article text`, `extracted records`, or both.
    input: String,
    articles: usize,
    facts: BTreeMap<&'static str, usize>,
    /// Articles extracted here (the others came as records).
    #[serde(skip)]
    articles_read: usize,
    /// Canonical model name → mentions, articles, provinces named alongside.
    models: BTreeMap<String, ModelStats>,
    /// Province → locality mentions, distinct places.
    provinces: BTreeMap<String, ProvinceStats>,
    /// `kind number` (or title) → articles citing it.
    documents: BTreeMap<String, usize>,
    /// Unit → the largest count with that unit.
    largest: BTreeMap<String, Largest>,
}

#[derive(Default, Serialize)]
struct ModelStats {
    kind: String,
    mentions: usize,
    articles: usize,
    provinces: BTreeSet<String>,
}

#[derive(Default, Serialize)]
struct ProvinceStats {
    mentions: usize,
    places: BTreeSet<String>,
}

#[derive(Serialize)]
struct Largest {
    value: f64,
    text: String,
    source: Option<String>,
    counts: usize,
}

impl Stats {
    fn add(&mut self, a: &Article) {
        self.articles += 1;
        for &t in FactType::ALL {
            *self.facts.entry(t.name()).or_default() += t.count_in(a);
        }
        let provinces: BTreeSet<String> = a
            .localities
            .iter()
            .filter_map(|l| l.province.clone())
            .collect();
        let mut seen = BTreeSet::new();
        for m in &a.models {
            let name = m.canonical.clone().unwrap_or_else(|| m.name.clone());
            let e = self.models.entry(name.clone()).or_default();
            e.kind = serde_json::to_value(m.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            e.mentions += 1;
            if seen.insert(name) {
                e.articles += 1;
                e.provinces.extend(provinces.iter().cloned());
            }
        }
        for l in &a.localities {
            let p = l
                .province
                .clone()
                .unwrap_or_else(|| "(unresolved)".to_string());
            let e = self.provinces.entry(p).or_default();
            e.mentions += 1;
            e.places.insert(
                format!("{} {}", l.unit.as_deref().unwrap_or(""), l.name)
                    .trim()
                    .to_string(),
            );
        }
        let docs: BTreeSet<String> = a
            .legal_documents
            .iter()
            .map(|d| {
                format!(
                    "{} {}",
                    d.kind,
                    d.number.as_deref().or(d.title.as_deref()).unwrap_or("")
                )
            })
            .collect();
        for d in docs {
            *self.documents.entry(d).or_default() += 1;
        }
        for c in &a.counts {
            let unit = c.unit.clone().unwrap_or_default();
            let e = self.largest.entry(unit).or_insert(Largest {
                value: f64::MIN,
                text: String::new(),
                source: None,
                counts: 0,
            });
            e.counts += 1;
            if c.value.0 > e.value {
                e.value = c.value.0;
                e.text = c.text.clone();
                e.source = a.source.clone();
            }
        }
    }

    fn table(&self) -> String {
        let mut s = format!(
            "articles: {}\ninput: {}\n\nfacts\n",
            self.articles, self.input
        );
        for (k, n) in &self.facts {
            s.push_str(&format!("  {k:<18} {n:>8}\n"));
        }
        s.push_str(
            "\nmodels (by canonical name)                     mentions articles  provinces\n",
        );
        let mut models: Vec<_> = self.models.iter().collect();
        models.sort_by(|a, b| b.1.mentions.cmp(&a.1.mentions).then(a.0.cmp(b.0)));
        for (name, m) in models.iter().take(30) {
            let provinces: Vec<&str> = m.provinces.iter().map(String::as_str).collect();
            s.push_str(&format!(
                "  {:<44} {:>8} {:>8}  {}\n",
                truncate(name, 44),
                m.mentions,
                m.articles,
                provinces.join(", ")
            ));
        }
        s.push_str("\nlocalities per province          mentions   places\n");
        let mut provinces: Vec<_> = self.provinces.iter().collect();
        provinces.sort_by(|a, b| b.1.mentions.cmp(&a.1.mentions).then(a.0.cmp(b.0)));
        for (p, v) in provinces {
            s.push_str(&format!(
                "  {:<30} {:>8} {:>8}\n",
                truncate(p, 30),
                v.mentions,
                v.places.len()
            ));
        }
        s.push_str("\ndocuments cited                  articles\n");
        let mut docs: Vec<_> = self.documents.iter().collect();
        docs.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        for (d, n) in docs.iter().take(30) {
            s.push_str(&format!("  {:<30} {:>8}\n", truncate(d, 30), n));
        }
        s.push_str("\nlargest count by unit              counts  largest\n");
        let mut units: Vec<_> = self.largest.iter().collect();
        units.sort_by(|a, b| b.1.counts.cmp(&a.1.counts).then(a.0.cmp(b.0)));
        for (u, l) in units.iter().take(30) {
            s.push_str(&format!(
                "  {:<30} {:>8}  {} ({})\n",
                truncate(u, 30),
                l.counts,
                l.text,
                l.source.as_deref().unwrap_or("-")
            ));
        }
        s
    }
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}

/// Runs `anninh stats`. Each input is read for what it holds, whatever its
/// name: JSON Lines of extracted records (a first line that is a record),
/// else article text to extract.
pub fn run(
    paths: &[PathBuf],
    format: ReportFormat,
    corpus: &CorpusArgs,
    read: &ReadArgs,
) -> Result<bool, Error> {
    let mut stats = Stats::default();
    let mut failed = 0;
    let mut texts: Vec<PathBuf> = Vec::new();
    let mut records = 0;
    let stdin_only = paths.is_empty();
    for path in paths
        .iter()
        .map(PathBuf::as_path)
        .chain(stdin_only.then(|| Path::new("-")))
    {
        if path.is_dir() {
            texts.push(path.to_path_buf());
            continue;
        }
        let name = path.display().to_string();
        let io = |source| Error::Io {
            path: path.to_path_buf(),
            source,
        };
        let mut reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
            Box::new(std::io::BufReader::new(std::io::stdin()))
        } else {
            match std::fs::File::open(path) {
                Ok(f) => Box::new(std::io::BufReader::new(f)),
                Err(e) => {
                    eprintln!("{}", super::describe(&io(e)));
                    failed += 1;
                    continue;
                }
            }
        };
        if !holds_records(&mut reader) {
            if path.as_os_str() == "-" {
                // Standard input is read once: extract what it holds here.
                let mut bytes = Vec::new();
                reader.read_to_end(&mut bytes).map_err(io)?;
                let text = anninh::normalize::to_unicode(bytes, &name, &read.options())?;
                let mut a =
                    super::extractor(corpus.abbreviations.as_deref(), read)?.extract(&text.text);
                a.source = Some(name);
                stats.articles_read += 1;
                stats.add(&a);
            } else {
                texts.push(path.to_path_buf());
            }
            continue;
        }
        let mut line = Vec::new();
        let mut n = 0;
        loop {
            line.clear();
            match reader.read_until(b'\n', &mut line) {
                Ok(0) => break,
                Ok(_) => n += 1,
                Err(e) => {
                    eprintln!("{name}:{}: {e}", n + 1);
                    failed += 1;
                    break;
                }
            }
            let body = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&line);
            if body.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            match serde_json::from_slice::<Article>(body) {
                Ok(a) => {
                    records += 1;
                    stats.add(&a);
                }
                Err(e) => {
                    failed += 1;
                    eprintln!("{name}:{n}: not a record: {e}");
                }
            }
        }
    }
    if !texts.is_empty() {
        let extractor = super::extractor(corpus.abbreviations.as_deref(), read)?;
        let renderers = corpus::Renderers {
            article: |a: Article| a,
            error: |_: &str, _: &Error| None,
        };
        let summary = corpus::process(&texts, corpus, read, &extractor, renderers, |a| {
            stats.articles_read += 1;
            stats.add(&a);
            true
        })?;
        failed += summary.failed;
    }
    stats.input = match (records > 0, stats.articles_read > 0) {
        (true, true) => "extracted records and article text",
        (true, false) => "extracted records",
        (false, true) => "article text",
        (false, false) => "nothing",
    }
    .to_string();
    match format {
        ReportFormat::Table => print!("{}", stats.table()),
        ReportFormat::Json => println!(
            "{}",
            serde_json::to_string_pretty(&stats).unwrap_or_default()
        ),
    }
    Ok(failed == 0)
}

/// Whether a reader holds JSON Lines of records: its first line, which
/// stays in the buffer, is a JSON object with the schema field.
fn holds_records(reader: &mut dyn BufRead) -> bool {
    let Ok(buf) = reader.fill_buf() else {
        return false;
    };
    let buf = buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(buf);
    let first = buf.split(|&b| b == b'\n').next().unwrap_or(buf);
    let start = first
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(first.len());
    first[start..].starts_with(b"{")
        && (first.windows(8).any(|w| w == b"\"schema\"")
            || serde_json::from_slice::<Article>(first).is_ok())
}

//! `anninh stats`: what a researcher wants to see first about a corpus.

use super::{CorpusArgs, ReadArgs, ReportFormat, corpus};
use anninh::{Article, Error, FactType};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::io::BufRead;
use std::path::PathBuf;

/// The summary of a corpus.
#[derive(Default, Serialize)]
struct Stats {
    articles: usize,
    facts: BTreeMap<&'static str, usize>,
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
        let mut s = format!("articles: {}\n\nfacts\n", self.articles);
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

/// Runs `anninh stats`. `.jsonl` paths are read as extracted records; other
/// paths are extracted first.
pub fn run(
    paths: &[PathBuf],
    format: ReportFormat,
    corpus: &CorpusArgs,
    read: &ReadArgs,
) -> Result<bool, Error> {
    let mut stats = Stats::default();
    let mut failed = 0;
    let (records, texts): (Vec<PathBuf>, Vec<PathBuf>) = paths
        .iter()
        .cloned()
        .partition(|p| p.extension().is_some_and(|e| e == "jsonl"));
    for path in &records {
        let file = std::fs::File::open(path).map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
        for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
            let parsed = line
                .map_err(|e| e.to_string())
                .and_then(|l| serde_json::from_str::<Article>(&l).map_err(|e| e.to_string()));
            match parsed {
                Ok(a) => stats.add(&a),
                Err(e) => {
                    failed += 1;
                    eprintln!("{}:{}: {e}", path.display(), n + 1);
                }
            }
        }
    }
    if !texts.is_empty() || records.is_empty() {
        let extractor = super::extractor(corpus.abbreviations.as_deref(), read)?;
        let summary = corpus::process(
            &texts,
            corpus,
            read,
            &extractor,
            corpus.threads(),
            |a| a,
            |a| {
                stats.add(&a);
                true
            },
        )?;
        failed += summary.failed;
    }
    match format {
        ReportFormat::Table => print!("{}", stats.table()),
        ReportFormat::Json => println!(
            "{}",
            serde_json::to_string_pretty(&stats).unwrap_or_default()
        ),
    }
    Ok(failed == 0)
}

//! Extraction throughput over the fixture articles repeated to 4 MB:
//! abbreviations, counts and dates, localities (each through an extractor
//! that finds only those), and the full `extract`; and the time to load the
//! gazetteer.

use anninh::abbrev::Dictionary;
use anninh::gazetteer::Gazetteer;
use anninh::{Extractor, FactType};
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

#[path = "common.rs"]
mod common;

fn bench(c: &mut Criterion) {
    // Articles of the usual size, as a corpus run sees them.
    let corpus = common::corpus(4 << 20);
    let articles: Vec<String> = corpus.split("\n\n\n").map(str::to_string).collect();
    let extractor = Extractor::new();
    // Warm the lazy tables so that their one-time build is not measured.
    let _ = extractor.extract(&articles[0]);

    let mut g = c.benchmark_group("extract");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(corpus.len() as u64));
    g.bench_function("abbrev_find", |b| {
        b.iter(|| Dictionary::embedded().find(black_box(&corpus)).len())
    });
    let counts_and_dates = Extractor::new().with_types([FactType::Counts, FactType::Dates]);
    g.bench_function("counts_and_dates", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| {
                    let r = counts_and_dates.extract(black_box(a));
                    r.counts.len() + r.dates.len()
                })
                .sum::<usize>()
        })
    });
    let localities = Extractor::new().with_types([FactType::Localities]);
    g.bench_function("localities", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| localities.extract(black_box(a)).localities.len())
                .sum::<usize>()
        })
    });
    g.bench_function("full_extract_per_article", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| extractor.extract(black_box(a)).counts.len())
                .sum::<usize>()
        })
    });
    g.finish();

    // Many short articles, as a corpus of news items is: what one article
    // costs beyond its bytes shows here.
    let short = common::short_articles(3000);
    let short_bytes: usize = short.iter().map(String::len).sum();
    let mut g = c.benchmark_group("short_articles");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(short_bytes as u64));
    g.bench_function("extract_3000", |b| {
        b.iter(|| {
            short
                .iter()
                .map(|a| extractor.extract(black_box(a)).counts.len())
                .sum::<usize>()
        })
    });
    g.bench_function("extract_and_serialize_3000", |b| {
        b.iter(|| {
            short
                .iter()
                .map(|a| {
                    serde_json::to_vec(&extractor.extract(black_box(a))).map_or(0, |v| v.len())
                })
                .sum::<usize>()
        })
    });
    g.finish();

    // Linear in input size: one text of 1, 4 and 16 MB.
    let mut g = c.benchmark_group("scaling");
    g.sample_size(10);
    // The articles' bodies only, without the lines that end a body (a
    // byline, furniture, a stamp), so that every megabyte is extracted in
    // full: checked below, as one such line would end the text early.
    let bodies: String = articles
        .iter()
        .map(|a| {
            let body = extractor.extract(a).body.map_or([0, a.len()], |b| b.0);
            a[body[0]..body[1]].to_string() + "\n\n"
        })
        .collect();
    // Twice over, so that each line is judged with text after it as in
    // the long texts, then one copy kept.
    let twice = uncut(&extractor, bodies.repeat(2));
    let bodies = twice[..twice.len() / 2]
        .rfind('\n')
        .map_or(twice.clone(), |i| twice[..=i].to_string());
    for mb in [1usize, 4, 16] {
        let mut text = String::with_capacity((mb << 20) + bodies.len());
        while text.len() < mb << 20 {
            text.push_str(&bodies);
        }
        let body = extractor.extract(&text).body.map_or([0, 0], |b| b.0);
        assert!(text[body[1]..].trim().is_empty(), "the body ends early");
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(format!("extract_{mb}mb"), |b| {
            b.iter(|| extractor.extract(black_box(&text)).counts.len())
        });
    }
    g.finish();

    let tsv = include_str!("../data/gazetteer.tsv");
    c.bench_function("gazetteer_load", |b| {
        b.iter_batched(
            || tsv,
            |t| Gazetteer::from_tsv(black_box(t)).map(|g| g.units().len()),
            BatchSize::SmallInput,
        )
    });
}

/// `text` without the lines at which its body ends, removed one after
/// another until the body runs to the end (repeated, the text would end
/// at the first of them).
fn uncut(extractor: &Extractor, mut text: String) -> String {
    for _ in 0..400 {
        let end = extractor.extract(&text).body.map_or(0, |b| b.0[1]);
        if text[end..].trim().is_empty() {
            return text;
        }
        let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
        let line = text[end..line_end].to_string();
        text = text
            .lines()
            .filter(|l| *l != line)
            .collect::<Vec<_>>()
            .join("\n");
    }
    text
}

criterion_group!(benches, bench);
criterion_main!(benches);

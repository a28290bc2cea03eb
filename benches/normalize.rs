//! Normalization throughput: clean NFC text (the borrow fast path), NFD
//! text, and text in the other tone style.

use anninh::normalize::{Options, ToneStyle, normalize};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use unicode_normalization::UnicodeNormalization;

#[path = "common.rs"]
mod common;

fn bench(c: &mut Criterion) {
    let clean = normalize(&common::corpus(4 << 20), &Options::default())
        .text()
        .to_string();
    let nfd: String = clean.nfd().collect();
    let new_style = normalize(
        &clean,
        &Options {
            tone: ToneStyle::New,
            ..Options::default()
        },
    )
    .text()
    .to_string();
    let options = Options::default();
    let mut group = c.benchmark_group("normalize");
    group.sample_size(20);
    for (name, text) in [
        ("clean_nfc", &clean),
        ("nfd", &nfd),
        ("new_style_to_old", &new_style),
    ] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| normalize(black_box(text), &options).text().len())
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

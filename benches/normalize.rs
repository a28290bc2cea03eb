//! Normalization throughput: clean NFC text (the borrow fast path), NFD
//! text, text in the other tone style, and text with one misspelt syllable
//! in twenty (repaired).

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
    // One word in twenty misspelt, in turn each kind the repair fixes.
    let broken: String = {
        let typos = ["tạị", "buớc", "nghành", "gìo", "chuơng", "ngỉ"];
        let mut out = String::with_capacity(clean.len());
        for (i, word) in clean.split(' ').enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(if i % 20 == 19 {
                typos[(i / 20) % typos.len()]
            } else {
                word
            });
        }
        out
    };
    let options = Options::default();
    let mut group = c.benchmark_group("normalize");
    group.sample_size(20);
    for (name, text) in [
        ("clean_nfc", &clean),
        ("nfd", &nfd),
        ("new_style_to_old", &new_style),
        ("one_broken_in_twenty", &broken),
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

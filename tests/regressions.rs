//! Inputs that once crashed anninh (`fuzz/regressions/`), replayed through
//! the checks of the fuzz targets.

use anninh::ByteSpan;
use anninh::normalize::{Options, ToneStyle, normalize};
use std::path::Path;

fn check(text: &str) {
    for tone in [ToneStyle::Old, ToneStyle::New] {
        let options = Options {
            tone,
            ..Options::default()
        };
        let n = normalize(text, &options);
        assert_eq!(normalize(n.text(), &options).text(), n.text(), "{text:?}");
    }
    for f in anninh::abbrev::find(text) {
        assert_eq!(&text[f.range.clone()], f.text);
    }
    let a = anninh::Extractor::new().extract(text);
    for fact in a.facts() {
        if let Some(ByteSpan([s, e])) = fact.bytes() {
            assert!(s <= e && e <= text.len(), "{fact:?}");
            assert_eq!(text.get(s..e), Some(fact.text()), "{fact:?}");
        }
    }
}

#[test]
fn replay_every_regression() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        check(&String::from_utf8_lossy(&bytes));
        n += 1;
    }
    assert!(n >= 5, "{n} regression files");
}

/// A date line above the body, then a year in the body: the date stands
/// before the body's start (it once underflowed a shift into the body).
#[test]
fn a_date_above_the_body() {
    let text = "Ngày: 17-12-2020 | 07:51\nTrong năm 2020";
    let a = anninh::Extractor::new().extract(text);
    let dates: Vec<&str> = a.dates.iter().map(|d| d.text.as_str()).collect();
    assert!(dates.contains(&"năm 2020"), "{dates:?}");
    check(text);
}

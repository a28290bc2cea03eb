//! Inputs that once crashed anninh (`fuzz/regressions/`), replayed through
//! the checks of the fuzz targets.

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
    for c in &a.counts {
        assert_eq!(&text[c.bytes[0]..c.bytes[1]], c.text);
    }
    for l in &a.localities {
        assert_eq!(&text[l.bytes[0]..l.bytes[1]], l.text);
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

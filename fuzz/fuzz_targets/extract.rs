#![no_main]
//! Full extraction on arbitrary bytes: no panic, every span slices the input.

use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<anninh::Extractor> = LazyLock::new(anninh::Extractor::new);

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let a = EXTRACTOR.extract(&text);
    for c in &a.counts {
        assert_eq!(&text[c.bytes[0]..c.bytes[1]], c.text);
    }
    for l in &a.localities {
        assert_eq!(&text[l.bytes[0]..l.bytes[1]], l.text);
    }
    for d in &a.legal_documents {
        assert_eq!(&text[d.bytes[0]..d.bytes[1]], d.text);
    }
});

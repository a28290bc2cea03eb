#![no_main]
//! Full extraction on arbitrary bytes: no panic, every fact's span slices
//! the input to the fact's text.

use libfuzzer_sys::fuzz_target;
use anninh::ByteSpan;
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<anninh::Extractor> = LazyLock::new(anninh::Extractor::new);

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let a = EXTRACTOR.extract(&text);
    for fact in a.facts() {
        if let Some(ByteSpan([s, e])) = fact.bytes() {
            assert_eq!(text.get(s..e), Some(fact.text()), "{fact:?}");
        }
    }
});

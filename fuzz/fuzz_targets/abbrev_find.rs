#![no_main]
//! Abbreviation detection on arbitrary bytes: no panic, spans slice the input.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for f in anninh::abbrev::find(&text) {
        assert_eq!(&text[f.range.clone()], f.text);
    }
});

#![no_main]
//! Normalization on arbitrary bytes: no panic, idempotent, and every range
//! maps back onto character boundaries of the input.

use anninh::normalize::{Options, ToneStyle, normalize};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for tone in [ToneStyle::Old, ToneStyle::New] {
        let options = Options { tone, ..Options::default() };
        let n = normalize(&text, &options);
        assert_eq!(normalize(n.text(), &options).text(), n.text());
        let t = n.text();
        for (i, _) in t.char_indices().step_by(7) {
            let r = n.to_original(i..t.len());
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
    }
});

//! Invariants of normalization on any input.

use anninh::normalize::{Options, ToneStyle, normalize};
use proptest::prelude::*;

fn vietnamese_like() -> impl Strategy<Value = String> {
    // Letters, marks, spaces and the characters normalization rewrites.
    let alphabet: Vec<char> = "aăâeêioôơuưydđqgnhkAĂÂĐQUOY áàảãạấầẩẫậếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ \u{300}\u{301}\u{303}\u{309}\u{323}\u{302}\u{306}\u{31b}ÐðĐ\u{a0}\u{200b}\u{ad}\u{feff}-/.,0123456789¸µ¶«¬ù"
        .chars()
        .collect();
    proptest::collection::vec(proptest::sample::select(alphabet), 0..60)
        .prop_map(|v| v.into_iter().collect())
}

fn check(s: &str, tone: ToneStyle) -> Result<(), TestCaseError> {
    let opts = Options {
        tone,
        ..Options::default()
    };
    let n = normalize(s, &opts);
    let twice = normalize(n.text(), &opts);
    prop_assert_eq!(
        twice.text(),
        n.text(),
        "not idempotent on {:?} {:?}",
        s,
        s.as_bytes()
    );
    let t = n.text();
    let bounds: Vec<usize> = t.char_indices().map(|(i, _)| i).chain([t.len()]).collect();
    for (k, &a) in bounds.iter().enumerate() {
        for &b in &bounds[k..bounds.len().min(k + 4)] {
            let r = n.to_original(a..b);
            prop_assert!(
                r.start <= r.end && r.end <= s.len(),
                "{:?} -> {:?} in {:?}",
                a..b,
                r,
                s
            );
            prop_assert!(
                s.is_char_boundary(r.start) && s.is_char_boundary(r.end),
                "{:?} -> {:?} not on boundaries of {:?}",
                a..b,
                r,
                s
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_string(s in any::<String>()) {
        check(&s, ToneStyle::Old)?;
    }

    #[test]
    fn vietnamese_strings(s in vietnamese_like()) {
        check(&s, ToneStyle::Old)?;
        check(&s, ToneStyle::New)?;
    }

    #[test]
    fn unchanged_text_maps_to_itself(s in "[a-zA-Z0-9 ,.]{0,40}") {
        let n = normalize(&s, &Options::default());
        prop_assert!(n.is_unchanged());
        prop_assert_eq!(n.text(), s.as_str());
    }
}

//! Invariants of normalization on any input.

use anninh::normalize::{Options, ToneStyle, normalize};
use proptest::prelude::*;

fn vietnamese_like() -> impl Strategy<Value = String> {
    // Letters, marks, spaces and the characters normalization rewrites;
    // marks that block composition (U+0334 of class 1, the grapheme joiner
    // U+034F of class 0) and a letter outside Vietnamese (w).
    let alphabet: Vec<char> = "aăâeêioôơuưydđqgnhkwAĂÂĐQUOY áàảãạấầẩẫậếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ \u{300}\u{301}\u{303}\u{309}\u{323}\u{302}\u{306}\u{31b}\u{334}\u{34f}ÐðĐ\u{a0}\u{200b}\u{ad}\u{feff}-/.,0123456789¸µ¶«¬ù"
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

/// Every mention's offsets slice the original input to its text.
fn check_extract(s: &str) -> Result<(), TestCaseError> {
    let a = anninh::Extractor::new().extract(s);
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let char_at = |b: usize| {
        chars
            .iter()
            .position(|&(i, _)| i == b)
            .unwrap_or(chars.len())
    };
    for fact in a.facts() {
        let (Some(span), Some(bytes)) = (fact.span(), fact.bytes()) else {
            continue;
        };
        prop_assert_eq!(bytes.slice(s), Some(fact.text()));
        prop_assert_eq!(span.slice(s), Some(fact.text()));
        prop_assert_eq!([char_at(bytes[0]), char_at(bytes[1])], *span);
    }
    Ok(())
}

fn article_like() -> impl Strategy<Value = String> {
    let pieces = vec![
        "Công an ",
        "xã ",
        "huyện ",
        "tỉnh ",
        "TP.",
        "TP ",
        "TDP",
        "Hà Nội",
        "Đắk Lắk",
        "Cẩm Thuỷ",
        "Buôn Hồ",
        "mô hình ",
        "phong trào ",
        "“",
        "”",
        "\"",
        "Toàn dân bảo vệ ANTQ",
        "ANTT",
        "KT-XH",
        "hơn ",
        "2.000 ",
        "tin",
        "vụ",
        "lượt ",
        "ngày ",
        "16/6/1967",
        "-",
        "năm 2020",
        "Nghị định số ",
        "06/2014/NĐ-CP",
        ", ",
        "của Chính phủ ",
        "về ",
        "Luật ",
        "Phòng, chống ",
        "\n",
        "(",
        ")",
        "Tác giả: ",
        "Hà Phương",
        "hàng ",
        "trăm ",
        "%",
        "Ð",
        "\u{a0}",
        "\u{200b}",
        "hoà",
        "1",
        "9",
        ":",
        "/",
        ".",
        "Ảnh: ",
        "Tin liên quan",
    ];
    proptest::collection::vec(proptest::sample::select(pieces), 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    #[test]
    fn extract_any_string(s in any::<String>()) {
        check_extract(&s)?;
    }

    #[test]
    fn extract_article_like(s in article_like()) {
        check_extract(&s)?;
    }
}

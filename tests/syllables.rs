//! Every Vietnamese syllable shape, in every tone, written in both tone
//! styles, composed and decomposed, with misplaced marks: normalization must
//! give the chosen style, be idempotent, and fold every spelling alike.

use anninh::normalize::{
    Encoding, EncodingChoice, Options, Tone, ToneStyle, fold, join, normalize,
};
use unicode_normalization::UnicodeNormalization;

const ONSETS: &[&str] = &[
    "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
    "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
];

/// Rhymes: vowel cluster and the finals it takes.
const OPEN: &[&str] = &[
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu", "ây",
    "eo", "êu", "ia", "iu", "oa", "oe", "oi", "ôi", "ơi", "ua", "uê", "ui", "uy", "ưa", "ưi", "ưu",
    "iêu", "oai", "oay", "oeo", "uây", "uôi", "uya", "uyu", "ươi", "ươu", "yêu",
];
const CLOSED: &[&str] = &[
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "iê", "oa", "oă", "oe", "uâ", "uê",
    "uô", "uy", "ươ", "yê", "uyê",
];
const FINALS: &[&str] = &["c", "ch", "m", "n", "ng", "nh", "p", "t"];

const TONED: [Tone; 5] = [Tone::Grave, Tone::Acute, Tone::Hook, Tone::Tilde, Tone::Dot];

fn has_diacritic(c: char) -> bool {
    "ăâêôơư".contains(c)
}

/// The placement rule, stated independently of the library's code: a vowel
/// with its own diacritic (the later one of ươ); else the last vowel of a
/// closed syllable; else the middle of three; else the first of two, except
/// oa/oe/uy, which follow the style.
fn expected_index(cluster: &[char], closed: bool, style: ToneStyle) -> usize {
    if let Some(i) = (0..cluster.len())
        .rev()
        .find(|&i| has_diacritic(cluster[i]))
    {
        return i;
    }
    let s: String = cluster.iter().collect();
    match (cluster.len(), closed) {
        (1, _) => 0,
        (_, true) => cluster.len() - 1,
        (3, false) => 1,
        _ if ["oa", "oe", "uy"].contains(&s.as_str()) => match style {
            ToneStyle::Old => 0,
            ToneStyle::New => 1,
        },
        _ => 0,
    }
}

fn render(onset: &str, cluster: &[char], fin: &str, tone: Tone, at: usize, upper: bool) -> String {
    let mut s = String::new();
    let cap = |c: char, first: bool| join(c, Tone::Level, upper && first);
    for (i, c) in onset.chars().enumerate() {
        s.push(cap(c, i == 0));
    }
    for (i, &c) in cluster.iter().enumerate() {
        let t = if i == at { tone } else { Tone::Level };
        s.push(join(c, t, upper && onset.is_empty() && i == 0));
    }
    s.push_str(fin);
    s
}

struct Case {
    old: String,
    new: String,
    variants: Vec<String>,
}

fn cases() -> Vec<Case> {
    let mut out = Vec::new();
    for &onset in ONSETS {
        let rhymes = OPEN.iter().map(|c| (*c, "")).chain(
            CLOSED
                .iter()
                .flat_map(|c| FINALS.iter().map(move |f| (*c, *f))),
        );
        for (cluster, fin) in rhymes {
            // gi + i… and qu + u/o… do not occur.
            // (g + ia… is written gi + a…, which the gi case covers.)
            if (onset == "gi" && cluster.starts_with(['i', 'y']))
                || (onset == "g" && cluster.starts_with('i') && cluster.chars().count() > 1)
                || (onset == "qu" && cluster.starts_with(['u', 'o', 'ư', 'ô']))
            {
                continue;
            }
            let cl: Vec<char> = cluster.chars().collect();
            let closed = !fin.is_empty();
            for tone in TONED {
                for upper in [false, true] {
                    let oi = expected_index(&cl, closed, ToneStyle::Old);
                    let ni = expected_index(&cl, closed, ToneStyle::New);
                    let old = render(onset, &cl, fin, tone, oi, upper);
                    let new = render(onset, &cl, fin, tone, ni, upper);
                    let mut variants = vec![old.clone(), new.clone()];
                    variants.push(old.nfd().collect());
                    variants.push(new.nfd().collect());
                    // Misplaced marks: on every other vowel of the cluster.
                    for i in 0..cl.len() {
                        variants.push(render(onset, &cl, fin, tone, i, upper));
                    }
                    out.push(Case { old, new, variants });
                }
            }
        }
    }
    out
}

fn opts(tone: ToneStyle) -> Options {
    Options {
        tone,
        encoding: EncodingChoice::Fixed(Encoding::Utf8),
    }
}

#[test]
fn every_syllable_in_every_spelling() {
    let cases = cases();
    assert!(
        cases.len() > 5000,
        "only {} syllables generated",
        cases.len()
    );
    let mut failures = Vec::new();
    for case in &cases {
        for (style, want) in [(ToneStyle::Old, &case.old), (ToneStyle::New, &case.new)] {
            for v in &case.variants {
                let got = normalize(v, &opts(style)).text().to_string();
                if &got != want {
                    failures.push(format!("{v:?} {style:?}: got {got:?}, want {want:?}"));
                }
                let again = normalize(&got, &opts(style)).text().to_string();
                if again != got {
                    failures.push(format!("{v:?} {style:?}: not idempotent: {again:?}"));
                }
            }
        }
        let key = fold(&case.old);
        for v in &case.variants {
            if fold(v) != key {
                failures.push(format!("{v:?}: fold {:?} != {key:?}", fold(v)));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures, first: {:#?}",
        failures.len(),
        &failures[..failures.len().min(20)]
    );
}

#[test]
fn in_running_text() {
    let text = "Thanh Hoá, Cẩm Thuỷ: baỏ vệ an ninh, qủa là nghịêm túc; GIỮ GÌN";
    let got = normalize(text, &opts(ToneStyle::Old));
    assert_eq!(
        got.text(),
        "Thanh Hóa, Cẩm Thủy: bảo vệ an ninh, quả là nghiệm túc; GIỮ GÌN"
    );
}

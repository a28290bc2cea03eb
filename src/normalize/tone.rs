//! Vietnamese letters, tones and syllables: where a tone mark belongs.
//!
//! A syllable is onset + vowel cluster + final consonant. The tone mark sits
//! on one vowel of the cluster; which one is a spelling convention, and two
//! conventions are in use (`hòa`/`hoà`, `thủy`/`thuỷ`). Everything here works
//! on lower-case base letters (tone removed, vowel diacritics kept: â ă ê ô ơ
//! ư) so that the same analysis serves checking, repairing and folding.

use std::collections::HashMap;
use std::sync::LazyLock;

/// Where tone marks go in the syllables whose placement is a convention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum ToneStyle {
    /// `hòa`, `hòe`, `thủy`: the mark on the first vowel of open `oa`, `oe`,
    /// `uy`. Most published text and the official place names use it.
    #[default]
    Old,
    /// `hoà`, `hoè`, `thuỷ`: the mark on the second vowel.
    New,
}

/// The six tones; `Level` carries no mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Tone {
    /// ngang: no mark.
    Level = 0,
    /// huyền: grave accent (à).
    Grave = 1,
    /// sắc: acute accent (á).
    Acute = 2,
    /// hỏi: hook above (ả).
    Hook = 3,
    /// ngã: tilde (ã).
    Tilde = 4,
    /// nặng: dot below (ạ).
    Dot = 5,
}

impl Tone {
    /// All six tones, level first.
    pub const ALL: [Tone; 6] = [
        Tone::Level,
        Tone::Grave,
        Tone::Acute,
        Tone::Hook,
        Tone::Tilde,
        Tone::Dot,
    ];

    /// The combining mark of this tone, `None` for the level tone.
    pub fn mark(self) -> Option<char> {
        match self {
            Tone::Level => None,
            Tone::Grave => Some('\u{300}'),
            Tone::Acute => Some('\u{301}'),
            Tone::Hook => Some('\u{309}'),
            Tone::Tilde => Some('\u{303}'),
            Tone::Dot => Some('\u{323}'),
        }
    }

    fn from_mark(c: char) -> Option<Tone> {
        Some(match c {
            '\u{300}' => Tone::Grave,
            '\u{301}' => Tone::Acute,
            '\u{309}' => Tone::Hook,
            '\u{303}' => Tone::Tilde,
            '\u{323}' => Tone::Dot,
            _ => return None,
        })
    }
}

/// A letter split into its lower-case base (vowel diacritics kept), tone and case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Letter {
    /// Lower-case letter without tone: `ấ` → `â`.
    pub base: char,
    /// The tone it carries.
    pub tone: Tone,
    /// Whether it was upper case.
    pub upper: bool,
}

const FIRST: u32 = 0xC0;
const LAST: u32 = 0x1EFF;

/// Precomposed letters U+00C0..=U+1EFF split into (base, tone, upper), built
/// once from the Unicode decompositions so no table is typed by hand.
static SPLIT: LazyLock<Vec<Option<Letter>>> = LazyLock::new(|| {
    (FIRST..=LAST)
        .map(|cp| char::from_u32(cp).and_then(split_slow))
        .collect()
});

fn split_slow(c: char) -> Option<Letter> {
    let mut base = None;
    let mut tone = Tone::Level;
    let mut marks: Vec<char> = Vec::new();
    let mut tones = 0;
    unicode_normalization::char::decompose_canonical(c, |d| {
        if let Some(t) = Tone::from_mark(d) {
            tone = t;
            tones += 1;
        } else if base.is_none() {
            base = Some(d);
        } else {
            marks.push(d);
        }
    });
    let mut b = base?;
    for m in marks {
        b = unicode_normalization::char::compose(b, m)?;
    }
    let upper = b.is_uppercase();
    let lower = b.to_lowercase().next()?;
    // Only Vietnamese toned vowels carry a tone here (not ṍ, ǘ, ...).
    if !lower.is_alphabetic() || tones > 1 || (tones == 1 && !is_vowel(lower)) {
        return None;
    }
    Some(Letter {
        base: lower,
        tone,
        upper,
    })
}

/// Splits a precomposed letter into base, tone and case (`Ấ` → `â`, acute, upper).
#[inline]
pub fn split(c: char) -> Option<Letter> {
    let cp = c as u32;
    if c.is_ascii_alphabetic() {
        return Some(Letter {
            base: c.to_ascii_lowercase(),
            tone: Tone::Level,
            upper: c.is_ascii_uppercase(),
        });
    }
    if (FIRST..=LAST).contains(&cp) {
        return SPLIT[(cp - FIRST) as usize];
    }
    None
}

/// The reverse of [`SPLIT`]: (base, tone, upper) → precomposed letter.
static JOIN: LazyLock<HashMap<(char, Tone, bool), char>> = LazyLock::new(|| {
    (FIRST..=LAST)
        .filter_map(char::from_u32)
        .filter_map(|c| split(c).map(|l| ((l.base, l.tone, l.upper), c)))
        .collect()
});

/// Builds the precomposed letter for a base, tone and case.
pub fn join(base: char, tone: Tone, upper: bool) -> char {
    if tone == Tone::Level {
        return if upper {
            base.to_uppercase().next().unwrap_or(base)
        } else {
            base
        };
    }
    JOIN.get(&(base, tone, upper)).copied().unwrap_or(base)
}

/// Whether a base letter is a Vietnamese vowel.
#[inline]
pub fn is_vowel(b: char) -> bool {
    matches!(
        b,
        'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y'
    )
}

#[inline]
fn has_diacritic(b: char) -> bool {
    matches!(b, 'ă' | 'â' | 'ê' | 'ô' | 'ơ' | 'ư')
}

/// Length of the onset consonant(s) at the start of a syllable.
fn onset_len(b: &[char]) -> usize {
    match b {
        ['n', 'g', 'h', ..] => 3,
        // `gi` and `qu` are onsets only when a vowel follows (gì, gìn: g + i).
        ['g', 'i', v, ..] | ['q', 'u', v, ..] if is_vowel(*v) => 2,
        ['n', 'g', ..]
        | ['n', 'h', ..]
        | ['c', 'h', ..]
        | ['g', 'h', ..]
        | ['k', 'h', ..]
        | ['p', 'h', ..]
        | ['t', 'h', ..]
        | ['t', 'r', ..] => 2,
        [c, ..] if is_onset_letter(*c) => 1,
        _ => 0,
    }
}

fn is_onset_letter(c: char) -> bool {
    matches!(
        c,
        'b' | 'c'
            | 'd'
            | 'đ'
            | 'g'
            | 'h'
            | 'k'
            | 'l'
            | 'm'
            | 'n'
            | 'p'
            | 'q'
            | 'r'
            | 's'
            | 't'
            | 'v'
            | 'x'
    )
}

const FINALS: &[&str] = &["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];

/// Vowel clusters that occur in Vietnamese syllables.
const CLUSTERS: &[&str] = &[
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu", "ây",
    "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "oo", "ôi", "ơi", "ua", "uâ", "uê", "ui",
    "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "yê", "iêu", "oai", "oao", "oay", "oeo", "uây",
    "uôi", "uya", "uyê", "uyu", "ươi", "ươu", "yêu",
];

/// Clusters that never take a final consonant.
const OPEN_ONLY: &[&str] = &[
    "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ui", "ưi", "ưu",
    "ưa", "iêu", "oai", "oao", "oay", "oeo", "uây", "uôi", "uya", "uyu", "ươi", "ươu", "yêu",
];

fn starts_with(bases: &[char], s: &str) -> bool {
    s.chars().enumerate().all(|(i, c)| bases.get(i) == Some(&c))
}

fn equals(bases: &[char], s: &str) -> bool {
    s.chars().count() == bases.len() && starts_with(bases, s)
}

/// The parts of a syllable, as index ranges into its base letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Syllable {
    /// Letters of the onset (`0..onset` of the word).
    pub onset: usize,
    /// End of the vowel cluster; the final consonant runs from here to the end.
    pub nucleus_end: usize,
}

/// Parses lower-case base letters as one Vietnamese syllable.
pub fn parse(bases: &[char]) -> Option<Syllable> {
    if bases.is_empty() || bases.len() > 8 {
        return None;
    }
    let onset = onset_len(bases);
    let mut end = onset;
    while end < bases.len() && is_vowel(bases[end]) {
        end += 1;
    }
    if end == onset {
        return None;
    }
    let cluster = &bases[onset..end];
    let fin = &bases[end..];
    if !CLUSTERS.iter().any(|c| equals(cluster, c)) || !FINALS.iter().any(|f| equals(fin, f)) {
        return None;
    }
    if !fin.is_empty() && OPEN_ONLY.iter().any(|c| equals(cluster, c)) {
        return None;
    }
    Some(Syllable {
        onset,
        nucleus_end: end,
    })
}

/// Index (into the letters) of the vowel that carries the tone mark.
pub fn tone_position(bases: &[char], syl: Syllable, style: ToneStyle) -> usize {
    let cluster = &bases[syl.onset..syl.nucleus_end];
    let closed = syl.nucleus_end < bases.len();
    // A vowel with its own diacritic takes the mark; of ươ, the ơ.
    if let Some(i) = cluster.iter().rposition(|&c| has_diacritic(c)) {
        return syl.onset + i;
    }
    let idx = match cluster.len() {
        1 => 0,
        _ if closed => cluster.len() - 1,
        3 => 1,
        _ => {
            let conventional =
                equals(cluster, "oa") || equals(cluster, "oe") || equals(cluster, "uy");
            if conventional && style == ToneStyle::New {
                1
            } else {
                0
            }
        }
    };
    syl.onset + idx
}

/// Re-places the tone mark of one word. `None` when the word is already
/// right or is not a Vietnamese syllable (then it is left as it is).
pub fn place_tone(word: &str, style: ToneStyle) -> Option<String> {
    let mut letters = [Letter {
        base: 'a',
        tone: Tone::Level,
        upper: false,
    }; 8];
    let mut n = 0;
    let mut toned: Option<(usize, Tone)> = None;
    for c in word.chars() {
        if n == 8 {
            return None;
        }
        let l = split(c)?;
        if l.tone != Tone::Level {
            if toned.is_some() {
                return None; // two marks: not a syllable we can repair
            }
            toned = Some((n, l.tone));
        }
        letters[n] = l;
        n += 1;
    }
    let (at, tone) = toned?;
    let mut bases = ['a'; 8];
    for (b, l) in bases.iter_mut().zip(&letters[..n]) {
        *b = l.base;
    }
    let bases = &bases[..n];
    // Cheap placement first: most words are already right and need no
    // validation; only a word about to be changed must be a real syllable.
    let onset = onset_len(bases);
    let mut end = onset;
    while end < n && is_vowel(bases[end]) {
        end += 1;
    }
    if end == onset {
        return None;
    }
    let quick = Syllable {
        onset,
        nucleus_end: end,
    };
    if tone_position(bases, quick, style) == at {
        return None;
    }
    let syl = parse(bases)?;
    let want = tone_position(bases, syl, style);
    if want == at {
        return None;
    }
    let mut out = String::with_capacity(word.len() + 2);
    for (i, l) in letters[..n].iter().enumerate() {
        let t = if i == want { tone } else { Tone::Level };
        out.push(join(l.base, t, l.upper));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_and_join_round_trip() {
        let l = split('Ấ').unwrap();
        assert_eq!((l.base, l.tone, l.upper), ('â', Tone::Acute, true));
        assert_eq!(join('â', Tone::Acute, true), 'Ấ');
        assert_eq!(split('đ').unwrap().base, 'đ');
        assert_eq!(split('Ư').unwrap().base, 'ư');
        assert!(split('1').is_none());
    }

    #[test]
    fn placement_examples() {
        let cases = [
            ("hoà", ToneStyle::Old, Some("hòa")),
            ("hòa", ToneStyle::New, Some("hoà")),
            ("thuỷ", ToneStyle::Old, Some("thủy")),
            ("hoè", ToneStyle::Old, Some("hòe")),
            ("quý", ToneStyle::Old, None),
            ("qủa", ToneStyle::Old, Some("quả")),
            ("giữ", ToneStyle::New, None),
            ("gìn", ToneStyle::Old, None),
            ("baỏ", ToneStyle::Old, Some("bảo")),
            ("lựơng", ToneStyle::Old, Some("lượng")),
            ("nghịêm", ToneStyle::Old, Some("nghiệm")),
            ("đaị", ToneStyle::Old, Some("đại")),
            ("Hoàng", ToneStyle::Old, None),
            ("HOÀ", ToneStyle::Old, Some("HÒA")),
            ("khoái", ToneStyle::Old, None),
            ("Krông", ToneStyle::Old, None),
            ("gìa", ToneStyle::Old, Some("già")),
        ];
        for (word, style, want) in cases {
            assert_eq!(place_tone(word, style).as_deref(), want, "{word} {style:?}");
        }
    }
}

//! The Vietnamese syllable as the orthography allows it, and the repair of
//! misspelt ones.
//!
//! A syllable is an onset, a medial and nucleus (the vowel cluster of
//! [`super::tone::parse`]), a coda and a tone. Beyond the clusters and
//! codas that `parse` knows, the spelling rules are: `k`, `gh`, `ngh` only
//! before the front vowels `i`, `e`, `ê` (`k` also before `y`), and `c`,
//! `g`, `ng` never before them (`g` + `i` is the `gi` of `gì`, `gìn`); `q`
//! only as `qu` before a vowel; the codas `c`, `ch`, `p`, `t` take only the
//! sắc or nặng tone; one tone mark, on a vowel.
//!
//! A word that is no syllable but has Vietnamese marks is repaired when
//! exactly one of these repairs makes a syllable of it (the tone then
//! placed as the style says): a tone mark typed twice (`tạị` → `tại`), the
//! horn on one half of `ươ` (`buớc`, `bưóc` → `bước`), `ngh`/`gh` before a
//! back vowel or `ng`/`g` before a front one (`nghành` → `ngành`, `ngỉ` →
//! `nghỉ`), the tone on the `i` of `gi-` (`gìo` → `giò`). Valid syllables,
//! rare ones included (`huơ`, `thuở`, `khuya`, `quých`, `ngoằn`), and words
//! without Vietnamese marks (English, names, codes) are never changed.

use super::tone::{Letter, Tone, ToneStyle, is_vowel, join, parse, split, tone_position};

/// Whether the letters spell a syllable (wherever the tone mark sits:
/// placing it is another step).
pub(crate) fn is_valid(letters: &[Letter]) -> bool {
    let n = letters.len();
    if n == 0 || n > 8 {
        return false;
    }
    let mut bases = ['a'; 8];
    let mut tone = Tone::Level;
    let mut toned = 0;
    for (b, l) in bases.iter_mut().zip(letters) {
        *b = l.base;
        if l.tone != Tone::Level {
            toned += 1;
            tone = l.tone;
        }
    }
    let bases = &bases[..n];
    if toned > 1 {
        return false;
    }
    let Some(syl) = parse(bases) else {
        return false;
    };
    // The tone sits on the nucleus (not on the `i` of `gi-`, the `u` of `qu`).
    if letters[..syl.onset].iter().any(|l| l.tone != Tone::Level) {
        return false;
    }
    let onset = &bases[..syl.onset];
    // The first vowel after the onset (`qu`, `gi` include their vowel).
    let vowel = bases[syl.onset];
    let front = matches!(vowel, 'i' | 'e' | 'ê');
    let onset_ok = match onset {
        ['k'] => front || vowel == 'y',
        ['c'] => !front && vowel != 'y',
        ['g', 'h'] | ['n', 'g', 'h'] => front,
        // `g` + `i`: the `gi` onset before no other vowel (`gì`, `gìn`).
        ['g'] => !matches!(vowel, 'e' | 'ê' | 'y'),
        ['n', 'g'] => !front && vowel != 'y',
        ['q'] => false,
        _ => true,
    };
    if !onset_ok {
        return false;
    }
    let coda = &bases[syl.nucleus_end..];
    let stop = matches!(coda, ['c'] | ['c', 'h'] | ['p'] | ['t']);
    !stop || matches!(tone, Tone::Acute | Tone::Dot)
}

/// Whether `word` is one Vietnamese syllable (any case, either tone
/// style).
///
/// ```
/// use anninh::normalize::is_syllable;
/// assert!(is_syllable("thuở") && is_syllable("Khuya") && is_syllable("quých"));
/// assert!(!is_syllable("tạị") && !is_syllable("buớc") && !is_syllable("nghành"));
/// ```
pub fn is_syllable(word: &str) -> bool {
    letters_of(word).is_some_and(|l| is_valid(&l))
}

/// The letters of a word of Vietnamese letters only.
fn letters_of(word: &str) -> Option<Vec<Letter>> {
    let mut out = Vec::with_capacity(8);
    for c in word.chars() {
        if out.len() == 8 {
            return None;
        }
        out.push(split(c).filter(|_| c != 'Ð' && c != 'ð')?);
    }
    Some(out)
}

/// Moves the one tone mark where `style` puts it (no change when the word
/// is no syllable shape or has no tone).
fn place(letters: &mut [Letter], style: ToneStyle) {
    let Some(at) = letters.iter().position(|l| l.tone != Tone::Level) else {
        return;
    };
    let bases: Vec<char> = letters.iter().map(|l| l.base).collect();
    let Some(syl) = parse(&bases) else {
        return;
    };
    let want = tone_position(&bases, syl, style);
    if want != at {
        letters[want].tone = letters[at].tone;
        letters[at].tone = Tone::Level;
    }
}

/// The repairs of a word that is no syllable, each a candidate spelling.
fn candidates(letters: &[Letter]) -> Vec<Vec<Letter>> {
    let mut out = Vec::new();
    let bases: Vec<char> = letters.iter().map(|l| l.base).collect();
    // A tone typed twice: keep one (both copies are tried).
    let toned: Vec<usize> = (0..letters.len())
        .filter(|&i| letters[i].tone != Tone::Level)
        .collect();
    if toned.len() >= 2 {
        for &keep in &toned {
            let mut c = letters.to_vec();
            for &i in &toned {
                if i != keep {
                    c[i].tone = Tone::Level;
                }
            }
            out.push(c);
        }
    }
    // The horn on one half of ươ.
    for i in 0..bases.len().saturating_sub(1) {
        if matches!(
            (bases[i], bases[i + 1]),
            ('ư', 'o') | ('u', 'ơ') | ('ư', 'ô')
        ) {
            let mut c = letters.to_vec();
            c[i].base = 'ư';
            c[i + 1].base = 'ơ';
            out.push(c);
        }
    }
    // `ngh`/`gh` before a back vowel, `ng`/`g` before a front one.
    let vowel_at = |i: usize| bases.get(i).copied().filter(|&b| is_vowel(b));
    let front = |v: Option<char>| matches!(v, Some('i' | 'e' | 'ê'));
    let (h_at, g_end) = match bases.as_slice() {
        ['n', 'g', 'h', ..] => (Some(2), 3),
        ['g', 'h', ..] => (Some(1), 2),
        ['n', 'g', ..] => (None, 2),
        ['g', ..] => (None, 1),
        _ => (None, 0),
    };
    match h_at {
        Some(h) if vowel_at(h + 1).is_some() && !front(vowel_at(h + 1)) => {
            let mut c = letters.to_vec();
            c.remove(h);
            out.push(c);
        }
        None if g_end > 0 && front(vowel_at(g_end)) && !(g_end == 1 && bases[1] == 'i') => {
            let mut c = letters.to_vec();
            let upper = letters[g_end - 1].upper && letters[g_end].upper;
            c.insert(
                g_end,
                Letter {
                    base: 'h',
                    tone: Tone::Level,
                    upper,
                },
            );
            out.push(c);
        }
        _ => {}
    }
    // The tone on the `i` of `gi-` before another vowel: off it (placement
    // puts it on the nucleus).
    if bases.len() > 2
        && bases[0] == 'g'
        && bases[1] == 'i'
        && is_vowel(bases[2])
        && letters[1].tone != Tone::Level
        && toned.len() == 1
    {
        let mut c = letters.to_vec();
        let tone = c[1].tone;
        c[1].tone = Tone::Level;
        c[2].tone = tone;
        out.push(c);
    }
    out
}

/// `word` repaired, when it is no syllable but has Vietnamese marks and
/// exactly one repair makes a syllable of it; the tone as `style` places
/// it, the letters' case kept.
pub(crate) fn repair_word(word: &str, style: ToneStyle) -> Option<String> {
    let letters = letters_of(word)?;
    let marked = letters
        .iter()
        .any(|l| l.tone != Tone::Level || !l.base.is_ascii());
    if !marked || is_valid(&letters) {
        return None;
    }
    let mut found: Vec<Vec<Letter>> = Vec::new();
    for mut c in candidates(&letters) {
        if c.is_empty() || c.len() > 8 {
            continue;
        }
        place(&mut c, style);
        if is_valid(&c) && !found.contains(&c) {
            found.push(c);
        }
    }
    match found.as_slice() {
        [one] => Some(one.iter().map(|l| join(l.base, l.tone, l.upper)).collect()),
        _ => None,
    }
}

/// The byte sequences after which a word may need repairing (lower case;
/// the normalizer's automaton matches ASCII letters in any case, and words
/// with non-ASCII capitals are looked at anyway): adjacent vowels of a
/// cluster both toned, the halves of `ươ`, `ngh`/`gh` before a marked
/// back vowel, `ng`/`g` before a marked front one, a toned `i` after `g`
/// before another vowel.
pub(crate) fn repair_triggers() -> Vec<String> {
    let toned = |b: char| Tone::ALL[1..].iter().map(move |&t| join(b, t, false));
    let any = |b: char| Tone::ALL.iter().map(move |&t| join(b, t, false));
    let mut out = Vec::new();
    // (Only the pairs that clusters have: a tone typed twice is typed on
    // the letters of one cluster, and fewer patterns build faster.)
    for (a, b) in super::tone::adjacent_vowels() {
        for x in toned(a) {
            for y in toned(b) {
                out.push(format!("{x}{y}"));
            }
        }
    }
    for (a, b) in [('ư', 'o'), ('u', 'ơ'), ('ư', 'ô')] {
        for x in any(a) {
            for y in any(b) {
                out.push(format!("{x}{y}"));
            }
        }
    }
    for onset in ["ngh", "gh"] {
        for v in ['a', 'ă', 'â', 'o', 'ô', 'ơ', 'u', 'ư', 'y'] {
            out.extend(any(v).map(|x| format!("{onset}{x}")));
        }
    }
    for onset in ["ng", "g"] {
        for v in ['e', 'ê', 'i', 'y'] {
            if onset == "g" && v == 'i' {
                continue;
            }
            out.extend(any(v).map(|x| format!("{onset}{x}")));
        }
    }
    for i in toned('i') {
        for v in ['a', 'ă', 'â', 'e', 'ê', 'o', 'ô', 'ơ', 'u', 'ư'] {
            out.push(format!("g{i}{v}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repairs_of_each_kind() {
        let cases = [
            ("tạị", "tại"),
            ("gíá", "giá"),
            ("đấú", "đấu"),
            ("chạỵ", "chạy"),
            ("buớc", "bước"),
            ("bưóc", "bước"),
            ("chuơng", "chương"),
            ("giuờng", "giường"),
            ("nghành", "ngành"),
            ("nghạch", "ngạch"),
            ("ngỉ", "nghỉ"),
            ("gìo", "giò"),
            ("gío", "gió"),
            ("gịong", "giọng"),
            ("TẠỊ", "TẠI"),
            ("Nghành", "Ngành"),
            ("NGỈ", "NGHỈ"),
        ];
        for (broken, fixed) in cases {
            assert_eq!(
                repair_word(broken, ToneStyle::Old).as_deref(),
                Some(fixed),
                "{broken}"
            );
        }
    }

    #[test]
    fn valid_and_foreign_words_stay() {
        for word in [
            "huơ", "thuở", "quơ", "khuya", "quých", "gìn", "gì", "ngoằn", "Krông", "K", "Long",
            "Drung", "PC", "m", "police", "nghe", "ghi", "kỳ", "xoong", "boong", "quốc",
        ] {
            assert_eq!(repair_word(word, ToneStyle::Old), None, "{word}");
        }
        // Two different tones: no single repair.
        assert_eq!(repair_word("tạí", ToneStyle::Old), None);
    }

    #[test]
    fn the_spelling_rules() {
        for w in [
            "kỳ", "kẻ", "cá", "ghế", "gà", "nghĩ", "ngà", "quá", "gìn", "tốt", "tộc",
        ] {
            assert!(is_syllable(w), "{w}");
        }
        for w in [
            "kà", "cé", "ghà", "gé", "nghà", "ngé", "qá", "tòt", "tổc", "buớc",
        ] {
            assert!(!is_syllable(w), "{w}");
        }
    }
}

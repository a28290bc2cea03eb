//! Vietnamese letters, tones and syllables: where a tone mark belongs.
//!
//! A syllable is onset + vowel cluster + final consonant. The tone mark sits
//! on one vowel of the cluster; which one is a spelling convention, and two
//! conventions are in use (`hòa`/`hoà`, `thủy`/`thuỷ`). Everything here works
//! on lower-case base letters (tone removed, vowel diacritics kept: â ă ê ô ơ
//! ư) so that the same analysis serves checking, repairing and folding.

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

pub(crate) fn split_slow(c: char) -> Option<Letter> {
    // Only characters that are already NFC: the fast path relies on it.
    if !unicode_normalization::is_nfc(c.encode_utf8(&mut [0; 4])) {
        return None;
    }
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
    // One letter in both cases (`İ` lowers to `i` and a combining dot: no
    // letter of this table).
    let mut lowered = b.to_lowercase();
    let lower = lowered.next()?;
    if lowered.next().is_some() {
        return None;
    }
    // A letter must be written back as it was, from its lower case: not so
    // the title-case `ǲ`, or `ϴ` (its lower case `θ` goes up to `Θ`).
    if tones == 0 {
        let mut cased = lower.to_uppercase();
        let back = if upper { cased.next() } else { Some(lower) };
        if back != Some(b) || (upper && cased.next().is_some()) {
            return None;
        }
    }
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
    Splitter::get().split(c)
}

/// A handle on the letter table, fetched once per text so that the hot loop
/// does not touch the lazy static for every character.
#[derive(Clone, Copy)]
pub(crate) struct Splitter(&'static [Option<Letter>]);

impl Splitter {
    pub(crate) fn get() -> Self {
        Splitter(&SPLIT)
    }

    #[inline]
    pub(crate) fn split(self, c: char) -> Option<Letter> {
        let cp = c as u32;
        if c.is_ascii_alphabetic() {
            return Some(Letter {
                base: c.to_ascii_lowercase(),
                tone: Tone::Level,
                upper: c.is_ascii_uppercase(),
            });
        }
        if (FIRST..=LAST).contains(&cp) {
            return self.0[(cp - FIRST) as usize];
        }
        None
    }
}

const VOWELS: [char; 12] = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];

/// The reverse of [`SPLIT`] for vowels: [vowel][tone][upper] → letter.
static JOIN: LazyLock<[[[char; 2]; 6]; 12]> = LazyLock::new(|| {
    let mut table = [[['a'; 2]; 6]; 12];
    for cp in FIRST..=LAST {
        let Some(c) = char::from_u32(cp) else {
            continue;
        };
        if let Some(l) = split(c)
            && let Some(v) = VOWELS.iter().position(|&b| b == l.base)
        {
            table[v][l.tone as usize][l.upper as usize] = c;
        }
    }
    for (v, &b) in VOWELS.iter().enumerate() {
        table[v][0][0] = b;
        table[v][0][1] = b.to_uppercase().next().unwrap_or(b);
    }
    table
});

/// Builds the precomposed letter for a base, tone and case.
pub fn join(base: char, tone: Tone, upper: bool) -> char {
    join_with(&JOIN, base, tone, upper)
}

/// [`join`] with the table fetched by the caller (once per word, not per letter).
#[inline]
fn join_with(table: &[[[char; 2]; 6]; 12], base: char, tone: Tone, upper: bool) -> char {
    let v = match base {
        'a' => Some(0),
        'ă' => Some(1),
        'â' => Some(2),
        'e' => Some(3),
        'ê' => Some(4),
        'i' => Some(5),
        'o' => Some(6),
        'ô' => Some(7),
        'ơ' => Some(8),
        'u' => Some(9),
        'ư' => Some(10),
        'y' => Some(11),
        _ => None,
    };
    match v {
        Some(v) => table[v][tone as usize][upper as usize],
        None if upper => base.to_uppercase().next().unwrap_or(base),
        None => base,
    }
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
    // `huơ`, `thuở`: with a final it is always `ươ` (`bước`, not `buớc`).
    "uơ",
];

/// The pairs of vowels that stand side by side in some cluster (`ai`,
/// `yê`, `ơu` of `ươu`).
pub(crate) fn adjacent_vowels() -> Vec<(char, char)> {
    let mut out: Vec<(char, char)> = Vec::new();
    for c in CLUSTERS {
        let v: Vec<char> = c.chars().collect();
        for w in v.windows(2) {
            if !out.contains(&(w[0], w[1])) {
                out.push((w[0], w[1]));
            }
        }
    }
    out
}

fn equals(bases: &[char], s: &str) -> bool {
    s.chars().eq(bases.iter().copied())
}

/// What [`CLUSTER_KINDS`] says of a vowel cluster.
const CLUSTER_VALID: u8 = 1;
const CLUSTER_OPEN_ONLY: u8 = 2;

/// The key of a cluster of up to three vowels: their places in [`VOWELS`]
/// (plus one) as digits in base 13. `None` for longer runs.
fn cluster_key(cluster: &[char]) -> Option<usize> {
    if cluster.len() > 3 {
        return None;
    }
    cluster.iter().try_fold(0usize, |key, &c| {
        let v = VOWELS.iter().position(|&b| b == c)?;
        Some(key * 13 + v + 1)
    })
}

/// [`CLUSTERS`] and [`OPEN_ONLY`] as a table by [`cluster_key`]: parsing
/// runs for a good part of all words, so it looks a cluster up rather than
/// comparing it with every spelling.
static CLUSTER_KINDS: LazyLock<Vec<u8>> = LazyLock::new(|| {
    let mut table = vec![0u8; 13 * 13 * 13];
    for c in CLUSTERS {
        let chars: Vec<char> = c.chars().collect();
        if let Some(key) = cluster_key(&chars) {
            table[key] = CLUSTER_VALID;
            if OPEN_ONLY.contains(c) {
                table[key] |= CLUSTER_OPEN_ONLY;
            }
        }
    }
    table
});

fn is_final(fin: &[char]) -> bool {
    matches!(
        fin,
        [] | ['c'] | ['c', 'h'] | ['m'] | ['n'] | ['n', 'g'] | ['n', 'h'] | ['p'] | ['t']
    )
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
    let fin = &bases[end..];
    let kind = cluster_key(&bases[onset..end]).map_or(0, |k| CLUSTER_KINDS[k]);
    if kind & CLUSTER_VALID == 0 || !is_final(fin) {
        return None;
    }
    if !fin.is_empty() && kind & CLUSTER_OPEN_ONLY != 0 {
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

/// Every spelling of a vowel cluster whose tone mark may sit on the wrong
/// vowel for `style` in some word: the cluster's lower-case letters with a
/// tone on one of them, each with the contexts in which it is wrong. (The
/// caller matches ASCII letters in any case and sends words with non-ASCII
/// capitals down the careful path.) A word that contains none of these needs no tone change
/// (the normalizer's fast path relies on it).
///
/// The contexts are those that change placement: the letter before the
/// cluster (none, a consonant, `q` or `g`, whose `u`/`i` then belong to the
/// onset) and whether a final consonant follows. Bit `2 * before + closed`
/// of the mask is set when that context makes a valid, misplaced word.
pub(crate) fn misplacement_triggers(style: ToneStyle) -> Vec<(String, u8)> {
    let mut out = Vec::new();
    for cluster in CLUSTERS.iter().filter(|c| c.chars().count() >= 2) {
        let cl: Vec<char> = cluster.chars().collect();
        for p in 0..cl.len() {
            let mut mask = 0u8;
            for (o, onset) in [&[][..], &['b'][..], &['q'][..], &['g'][..]]
                .iter()
                .enumerate()
            {
                for (f, fin) in [&[][..], &['n'][..]].iter().enumerate() {
                    let word: Vec<char> = onset.iter().chain(&cl).chain(*fin).copied().collect();
                    if let Some(syl) = parse(&word)
                        && tone_position(&word, syl, style) != onset.len() + p
                    {
                        mask |= 1 << (2 * o + f);
                    }
                }
            }
            if mask == 0 {
                continue;
            }
            for tone in &Tone::ALL[1..] {
                let s: String = cl
                    .iter()
                    .enumerate()
                    .map(|(k, &b)| {
                        let t = if k == p { *tone } else { Tone::Level };
                        join(b, t, false)
                    })
                    .collect();
                out.push((s, mask));
            }
        }
    }
    out
}

/// The letters of one word, gathered while scanning it.
#[derive(Clone, Copy)]
pub(crate) struct WordLetters {
    letters: [Letter; 8],
    n: usize,
    toned: Option<(usize, Tone)>,
    /// Too long, two tone marks, or a character that is not a letter: not
    /// a syllable whose tone can be placed.
    unplaceable: bool,
}

impl WordLetters {
    pub(crate) fn new() -> Self {
        WordLetters {
            letters: [Letter {
                base: 'a',
                tone: Tone::Level,
                upper: false,
            }; 8],
            n: 0,
            toned: None,
            unplaceable: false,
        }
    }

    /// Whether no more letters fit (longer words are not syllables).
    pub(crate) fn is_full(&self) -> bool {
        self.n == 8
    }

    /// Applies a combining mark typed after the last letter (NFD input, or
    /// a Windows keyboard's tone after â/ê/ô). `false` when it does not
    /// combine into a Vietnamese letter.
    pub(crate) fn apply_mark(&mut self, mark: char) -> bool {
        if self.n == 0 || self.n > 8 {
            return false;
        }
        let last = self.n - 1;
        let l = &mut self.letters[last];
        if let Some(t) = Tone::from_mark(mark) {
            if l.tone != Tone::Level || !is_vowel(l.base) {
                return false;
            }
            if self.toned.is_some() {
                self.unplaceable = true;
            }
            l.tone = t;
            self.toned = Some((last, t));
            return true;
        }
        // NFC composes a circumflex or breve only when no tone mark of the
        // same combining class (all but the dot below) came before it.
        if matches!(mark, '\u{302}' | '\u{306}') && !matches!(l.tone, Tone::Level | Tone::Dot) {
            return false;
        }
        let with = match (l.base, mark) {
            ('a', '\u{302}') => 'â',
            ('a', '\u{306}') => 'ă',
            ('e', '\u{302}') => 'ê',
            ('o', '\u{302}') => 'ô',
            ('o', '\u{31B}') => 'ơ',
            ('u', '\u{31B}') => 'ư',
            _ => return false,
        };
        l.base = with;
        true
    }

    /// The word written from its letters, with the tone where `style` puts
    /// it (or where it was, when the word is not a syllable).
    pub(crate) fn render(&self, style: ToneStyle, out: &mut String) {
        let want = self.target(style);
        let table = &*JOIN;
        for (i, l) in self.letters[..self.n].iter().enumerate() {
            let tone = match (want, self.toned) {
                (Some(w), Some((_, t))) => {
                    if i == w {
                        t
                    } else {
                        Tone::Level
                    }
                }
                _ => l.tone,
            };
            out.push(join_with(table, l.base, tone, l.upper));
        }
    }

    #[inline]
    pub(crate) fn push(&mut self, l: Option<Letter>) {
        let Some(l) = l else {
            self.unplaceable = true;
            return;
        };
        if self.n == 8 {
            self.unplaceable = true;
            return;
        }
        if l.tone != Tone::Level {
            if self.toned.is_some() {
                self.unplaceable = true;
            }
            self.toned = Some((self.n, l.tone));
        }
        self.letters[self.n] = l;
        self.n += 1;
    }

    /// The word with its tone re-placed, `None` when it is right already or
    /// is not a Vietnamese syllable.
    pub(crate) fn replaced(&self, style: ToneStyle) -> Option<String> {
        self.target(style)?;
        let mut out = String::with_capacity(4 * self.n);
        self.render(style, &mut out);
        Some(out)
    }

    /// Where the tone mark must move to, `None` when it is right already or
    /// the word is not a Vietnamese syllable.
    fn target(&self, style: ToneStyle) -> Option<usize> {
        if self.unplaceable {
            return None;
        }
        let (at, _) = self.toned?;
        let n = self.n;
        // Most words are settled by the neighbours of the marked vowel: a
        // lone vowel, or a vowel with its own diacritic and none after it.
        let vowel_at = |i: usize| i < n && is_vowel(self.letters[i].base);
        let prev = at > 0 && vowel_at(at - 1);
        if !prev && !vowel_at(at + 1) {
            return None;
        }
        if has_diacritic(self.letters[at].base) {
            let mut k = at + 1;
            while vowel_at(k) && !has_diacritic(self.letters[k].base) {
                k += 1;
            }
            if !vowel_at(k) {
                return None;
            }
        }
        let mut bases = ['a'; 8];
        for (b, l) in bases.iter_mut().zip(&self.letters[..n]) {
            *b = l.base;
        }
        let bases = &bases[..n];
        let syl = parse(bases)?;
        let want = tone_position(bases, syl, style);
        (want != at).then_some(want)
    }
}

/// Re-places the tone mark of one word. `None` when the word is already
/// right or is not a Vietnamese syllable (then it is left as it is).
pub fn place_tone(word: &str, style: ToneStyle) -> Option<String> {
    let splitter = Splitter::get();
    let mut w = WordLetters::new();
    for c in word.chars() {
        w.push(splitter.split(c));
        if w.unplaceable {
            return None;
        }
    }
    w.replaced(style)
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
        // Lowers to two characters: not a letter with a tone slot.
        assert!(split('İ').is_none());
        // Title case: neither of the two cases a letter is written back in.
        assert!(split('ǲ').is_none());
        // Lowers to θ, whose capital is Θ, not ϴ.
        assert!(split('ϴ').is_none());
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

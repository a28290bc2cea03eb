//! Normalization of Vietnamese text, with an alignment back to the original.
//!
//! [`normalize`] runs up to three passes:
//!
//! 1. legacy encodings (TCVN3, VNI read as Windows-1252) converted back to
//!    Unicode, when asked for or detected;
//! 2. combining marks composed with the letters before them, when the
//!    text has any;
//! 3. one pass over words and separators: Unicode NFC, one tone-mark
//!    placement ([`ToneStyle`]), misplaced marks repaired (`baỏ` → `bảo`),
//!    look-alike `Ð`/`ð` → `Đ`/`đ`, Unicode spaces → ` `, zero-width
//!    characters, soft hyphens and BOMs dropped.
//!
//! Clean text (NFC, marks already placed) is borrowed, not copied. Each pass
//! records only its replacements, so [`Normalized::to_original`] maps any
//! range of the normalized text back to the caller's bytes.
//!
//! ```
//! use anninh::normalize::{normalize, Options};
//! let input = "Thanh Hoá, baỏ vệ";
//! let n = normalize(input, &Options::default());
//! assert_eq!(n.text(), "Thanh Hóa, bảo vệ");
//! let start = n.text().find("bảo").unwrap();
//! assert_eq!(&input[n.to_original(start..start + "bảo".len())], "baỏ");
//! ```

mod alignment;
mod compose;
mod legacy;
mod syllable;
mod tone;

use crate::chars::decode_at;
pub use crate::input::{Encoding, EncodingChoice};
pub use alignment::Alignment;
pub(crate) use alignment::Pass;
pub use legacy::detect as detect_encoding;
pub use syllable::is_syllable;
pub use tone::{Letter, Tone, ToneStyle, join, place_tone, split};
use tone::{Splitter, WordLetters};

use std::borrow::Cow;
use std::ops::Range;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// How to normalize.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Tone-mark placement for `oa`, `oe`, `uy`.
    pub tone: ToneStyle,
    /// Legacy encoding handling.
    pub encoding: EncodingChoice,
    /// Repair misspelt syllables (`tạị` → `tại`, `buớc` → `bước`, `nghành`
    /// → `ngành`, `gìo` → `giò`; see [`is_syllable`]). On by default.
    pub repair: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            tone: ToneStyle::default(),
            encoding: EncodingChoice::default(),
            repair: true,
        }
    }
}

/// A normalized text and its alignment to the original.
#[derive(Debug, Clone)]
pub struct Normalized<'a> {
    text: Cow<'a, str>,
    alignment: Alignment,
}

impl<'a> Normalized<'a> {
    /// A text taken as it is, with no normalization (for text known to be
    /// normalized already).
    pub(crate) fn unchanged(text: &'a str) -> Self {
        Normalized {
            text: Cow::Borrowed(text),
            alignment: Alignment::default(),
        }
    }

    /// The normalized text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether normalization changed nothing (the text is borrowed).
    pub fn is_unchanged(&self) -> bool {
        self.alignment.is_identity()
    }

    /// The alignment to the original.
    pub fn alignment(&self) -> &Alignment {
        &self.alignment
    }

    /// Maps a byte range of [`Normalized::text`] to the original's bytes.
    pub fn to_original(&self, range: Range<usize>) -> Range<usize> {
        self.alignment.to_original(range)
    }

    /// The normalized text, owned.
    pub fn into_text(self) -> Cow<'a, str> {
        self.text
    }
}

/// Decodes input bytes into readable Unicode text: [`crate::input::decode`],
/// then, for text in a legacy font encoding, its letters in Unicode. The
/// font encodings are those named in `options`, or under
/// [`EncodingChoice::Auto`] those detected in bytes that are not UTF-8 (raw
/// TCVN3 or VNI files). Offsets of facts found in the result refer to the
/// converted text.
///
/// ```
/// use anninh::input::{Encoding, ReadOptions};
/// // `Công an` typed with a TCVN3 font and saved as bytes.
/// let tcvn3 = b"C\xabng an huy\xd6n \xae\xb7 x\xa9y d\xf9ng m\xab h\xd7nh".to_vec();
/// let d = anninh::normalize::to_unicode(tcvn3, "a.txt", &ReadOptions::default()).unwrap();
/// assert_eq!(d.text, "Công an huyện đã xây dựng mô hình");
/// assert_eq!(d.encoding, Encoding::Tcvn3);
/// ```
pub fn to_unicode(
    bytes: Vec<u8>,
    name: &str,
    options: &crate::input::ReadOptions,
) -> Result<crate::input::Decoded, crate::Error> {
    use crate::input::{Decoded, decode, decode_cp1252};
    let convert = |text: &str, encoding: Encoding| Decoded {
        text: legacy::convert(text, encoding, &mut Pass::default()),
        encoding,
    };
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    let bytes = if options.encoding == EncodingChoice::Auto && !utf16 && !bytes.contains(&0) {
        // UTF-8 is validated once here: most input is, and validating is
        // a good part of reading it.
        match String::from_utf8(bytes) {
            Ok(text) => {
                return Ok(Decoded {
                    text,
                    encoding: Encoding::Utf8,
                });
            }
            Err(e) => {
                let bytes = e.into_bytes();
                let read = decode_cp1252(&bytes);
                let detected = legacy::detect_raw(&read);
                if detected != Encoding::Utf8 {
                    return Ok(convert(&read, detected));
                }
                bytes
            }
        }
    } else {
        bytes
    };
    let decoded = decode(bytes, name, options)?;
    Ok(match options.encoding {
        EncodingChoice::Fixed(e @ (Encoding::Tcvn3 | Encoding::Vni)) => convert(&decoded.text, e),
        _ => decoded,
    })
}

/// Normalizes `text` (see the module docs).
pub fn normalize<'a>(text: &'a str, options: &Options) -> Normalized<'a> {
    let mut alignment = Alignment::default();
    let mut current: Cow<'a, str> = Cow::Borrowed(text);
    let mut encoding = match options.encoding {
        EncodingChoice::Auto => legacy::detect(text),
        EncodingChoice::Fixed(e) => e,
    };
    // Usually one round. Moving tone marks can make borderline text look
    // like a legacy encoding; then it is converted and normalized again, so
    // that normalizing the result changes nothing (at most a few rounds:
    // a conversion always yields letters only Vietnamese has).
    for _ in 0..3 {
        if encoding != Encoding::Utf8 {
            let mut pass = Pass::default();
            let out = legacy::convert(&current, encoding, &mut pass);
            alignment.push_pass(pass);
            current = Cow::Owned(out);
        }
        if compose::may_have_marks(current.as_bytes())
            && let Some((out, pass)) = compose::compose_marks(&current, &CLASSES)
        {
            alignment.push_pass(pass);
            current = Cow::Owned(out);
        }
        if let Some((out, pass)) = main_pass(&current, options.tone, options.repair) {
            alignment.push_pass(pass);
            current = Cow::Owned(out);
        }
        if options.encoding != EncodingChoice::Auto || alignment.is_identity() {
            break;
        }
        encoding = legacy::detect(&current);
        if encoding == Encoding::Utf8 {
            break;
        }
    }
    Normalized {
        text: current,
        alignment,
    }
}

/// Characters that are dropped. They count as part of a word so that the
/// word is normalized as it will read once they are gone (`a\u{200b}ý` is
/// the one word `aý`).
#[inline]
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// Unicode spaces that become a plain space.
#[inline]
fn is_odd_space(c: char) -> bool {
    matches!(
        c,
        '\u{00A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// Letters, combining marks and invisible characters make up words.
#[inline]
fn is_word_char(c: char) -> bool {
    match CLASSES.get(c as usize) {
        Some(&k) => k & (class::LETTER | class::SLOW_WORD) != 0,
        None => is_word_char_uncached(c),
    }
}

fn is_word_char_uncached(c: char) -> bool {
    // Not `chars::is_letter`: this fills a table, and that one would be
    // filled too.
    c.is_alphabetic() || unicode_normalization::char::is_combining_mark(c) || is_invisible(c)
}

/// The normalized form of a word that has marks, invisible or look-alike
/// characters (words of plain letters are handled where they are scanned).
fn fix_word(word: &str, style: ToneStyle) -> Option<String> {
    let mut fixed: Option<String> = None;
    if word.contains(is_invisible) {
        fixed = Some(word.chars().filter(|&c| !is_invisible(c)).collect());
    }
    let cur = fixed.as_deref().unwrap_or(word);
    if is_nfc_quick(cur.chars()) != IsNormalized::Yes {
        let nfc: String = cur.nfc().collect();
        if nfc != cur {
            fixed = Some(nfc);
        }
    }
    if word.contains(['Ð', 'ð']) {
        let cur = fixed.as_deref().unwrap_or(word);
        fixed = Some(cur.replace('Ð', "Đ").replace('ð', "đ"));
    }
    let cur = fixed.as_deref().unwrap_or(word);
    match place_tone(cur, style) {
        Some(placed) => Some(placed),
        None => fixed,
    }
}

/// Character classes for the fast scan, one byte per code point below
/// [`CLASS_END`] (8 KB: stays in the first-level cache).
mod class {
    /// A precomposed letter (ASCII or Latin with Vietnamese marks).
    pub const LETTER: u8 = 1;
    /// A vowel letter.
    pub const VOWEL: u8 = 2;
    /// â ă ê ô ơ ư (any case, any tone).
    pub const DIACRITIC: u8 = 4;
    /// Carries a tone mark.
    pub const TONED: u8 = 8;
    /// Part of a word but needs the careful path: combining marks,
    /// invisible characters, look-alikes, other scripts.
    pub const SLOW_WORD: u8 = 16;
    /// A space to replace.
    pub const SPACE: u8 = 32;
}

const CLASS_END: u32 = 0x1F00;

static CLASSES: std::sync::LazyLock<Vec<u8>> = std::sync::LazyLock::new(|| {
    (0..CLASS_END)
        .map(|cp| char::from_u32(cp).map_or(0, classify))
        .collect()
});

fn classify(c: char) -> u8 {
    if c == 'Ð' || c == 'ð' {
        return class::SLOW_WORD;
    }
    if let Some(l) = split(c) {
        let mut k = class::LETTER;
        if tone::is_vowel(l.base) {
            k |= class::VOWEL;
        }
        if matches!(l.base, 'â' | 'ă' | 'ê' | 'ô' | 'ơ' | 'ư') {
            k |= class::DIACRITIC;
        }
        if l.tone != Tone::Level {
            k |= class::TONED;
        }
        return k;
    }
    if is_word_char_uncached(c) {
        return class::SLOW_WORD;
    }
    if is_odd_space(c) {
        return class::SPACE;
    }
    0
}

/// What a word needs, as judged by the fast scan.
#[derive(PartialEq, Eq)]
enum Verdict {
    Clean,
    /// Its tone placement must be checked letter by letter.
    Tone,
    /// It has marks or characters that only the careful path handles.
    Careful,
}

/// The class and length of the character at `i` (on a boundary).
#[inline]
fn class_at(bytes: &[u8], classes: &[u8], i: usize) -> (u8, usize) {
    let b = bytes.get(i).copied().unwrap_or(0);
    let (cp, len) = decode_at(bytes, i, b);
    (class_of(classes, cp), len)
}

#[inline]
fn class_of(classes: &[u8], cp: u32) -> u8 {
    match classes.get(cp as usize) {
        Some(&k) => k,
        None => char::from_u32(cp).map_or(0, classify),
    }
}

/// Scans the word starting at `i`; returns its end and what it needs.
#[inline]
fn scan_word(bytes: &[u8], classes: &[u8], i: usize) -> (usize, Verdict) {
    let mut j = i;
    let mut n = 0u32; // letters so far
    let mut vowels = 0u32; // bit k: letter k is a vowel
    let mut diacritics = 0u32;
    let mut toned = 0u32;
    let mut careful = false;
    while j < bytes.len() {
        let b = bytes[j];
        let (k, len) = if b < 0x80 {
            (classes[b as usize], 1)
        } else {
            let (cp, len) = decode_at(bytes, j, b);
            (class_of(classes, cp), len)
        };
        if k & (class::LETTER | class::SLOW_WORD) == 0 {
            break;
        }
        if k & class::SLOW_WORD != 0 {
            careful = true;
        } else if n < 16 {
            let bit = 1 << n;
            if k & class::VOWEL != 0 {
                vowels |= bit;
            }
            if k & class::DIACRITIC != 0 {
                diacritics |= bit;
            }
            if k & class::TONED != 0 {
                toned |= bit;
            }
            n += 1;
        } else {
            n += 1;
        }
        j += len;
    }
    if careful {
        return (j, Verdict::Careful);
    }
    // Mirrors the quick part of `WordLetters::replaced`.
    if toned.count_ones() != 1 || n > 8 {
        return (j, Verdict::Clean);
    }
    let t = toned.trailing_zeros();
    let is_vowel = |k: u32| k < n && vowels & (1 << k) != 0;
    let lone = !is_vowel(t + 1) && (t == 0 || !is_vowel(t - 1));
    if lone {
        return (j, Verdict::Clean);
    }
    if diacritics & (1 << t) != 0 {
        let mut k = t + 1;
        while is_vowel(k) && diacritics & (1 << k) == 0 {
            k += 1;
        }
        if !is_vowel(k) {
            return (j, Verdict::Clean);
        }
    }
    (j, Verdict::Tone)
}

/// Byte sequences after which the text may need a change: every
/// misplaced-tone spelling, the characters the pass rewrites, and the lead
/// bytes of every block outside the Latin and Vietnamese letters and common
/// punctuation (where non-NFC characters and combining marks live). Text
/// without any of them is returned as it is: one automaton scan, no
/// decoding.
struct Triggers {
    automaton: aho_corasick::dfa::DFA,
    /// The longest pattern, in bytes.
    longest: usize,
    /// Per pattern: the contexts in which a tone pattern is wrong (see
    /// `tone::misplacement_triggers`); `ALWAYS` for the others.
    contexts: Vec<u8>,
}

const ALWAYS: u8 = 0xFF;
/// The context of a repair trigger: the word is always looked at.
const REPAIR: u8 = 0xFE;

impl Triggers {
    fn build(style: ToneStyle) -> Triggers {
        let (mut patterns, mut contexts): (Vec<Vec<u8>>, Vec<u8>) =
            tone::misplacement_triggers(style)
                .into_iter()
                .map(|(p, mask)| (p.into_bytes(), mask))
                .unzip();
        // Misspelt syllables (`tạị`, `buớc`, `nghành`, `gìo`): the word is
        // checked, and repaired when repair is on.
        let repairs = syllable::repair_triggers();
        let repair_from = patterns.len();
        patterns.extend(repairs.into_iter().map(String::into_bytes));
        contexts.resize(patterns.len(), REPAIR);
        debug_assert!(contexts[repair_from..].iter().all(|&c| c == REPAIR));
        // U+0300..U+07FF: combining marks, Greek, Cyrillic, ... (lead bytes CC..DF).
        patterns.extend((0xCC..=0xDF).map(|b| vec![b]));
        // Latin-1 characters the pass rewrites: nbsp, soft hyphen, Ð, ð.
        patterns.extend([
            vec![0xC2, 0xA0],
            vec![0xC2, 0xAD],
            vec![0xC3, 0x90],
            vec![0xC3, 0xB0],
        ]);
        // Three- and four-byte characters: all but U+1E00..U+1EFF (Vietnamese
        // letters) and U+2000..U+20CF (punctuation, currency) less its
        // spaces and invisible characters.
        patterns.push(vec![0xE0]);
        patterns.extend(
            (0x80..=0xBF)
                .filter(|b| !(0xB8..=0xBB).contains(b))
                .map(|b| vec![0xE1, b]),
        );
        patterns.extend((0x80..=0x8D).map(|b| vec![0xE2, 0x80, b]));
        patterns.push(vec![0xE2, 0x80, 0xAF]);
        patterns.extend([vec![0xE2, 0x81, 0x9F], vec![0xE2, 0x81, 0xA0]]);
        patterns.extend((0x90..=0xBF).map(|b| vec![0xE2, 0x83, b]));
        patterns.extend((0x84..=0xBF).map(|b| vec![0xE2, b]));
        patterns.extend((0xE3..=0xF4).map(|b| vec![b]));
        // Non-ASCII capital vowels (the tone patterns are lower case).
        for cp in 0xC0..=0x1EFF_u32 {
            if let Some(c) = char::from_u32(cp)
                && let Some(l) = split(c)
                && l.upper
                && !c.is_ascii()
                && tone::is_vowel(l.base)
            {
                patterns.push(c.to_string().into_bytes());
            }
        }
        contexts.resize(patterns.len(), ALWAYS);
        let automaton = aho_corasick::dfa::DFA::builder()
            .prefilter(false)
            .ascii_case_insensitive(true)
            .build(&patterns)
            .expect("trigger patterns are valid");
        Triggers {
            automaton,
            longest: patterns.iter().map(Vec::len).max().unwrap_or(1),
            contexts,
        }
    }

    /// Every trigger in `bytes`, left to right, each search going on after
    /// the last match (as `find_iter` does). The automaton reads a byte at
    /// a time, each step waiting for the one before; two halves of the
    /// text are read in lockstep so that the processor overlaps the two.
    /// The second half starts a pattern's length early, so that no match
    /// across the middle is lost; a match found twice is checked twice,
    /// which changes nothing.
    fn find_all(&self, bytes: &[u8]) -> Vec<aho_corasick::Match> {
        use aho_corasick::Anchored;
        use aho_corasick::automaton::Automaton;
        let dfa = &self.automaton;
        let Ok(start) = dfa.start_state(Anchored::No) else {
            return Vec::new();
        };
        let mid = bytes.len() / 2;
        let second_from = mid.saturating_sub(self.longest);
        let (first, second) = (&bytes[..mid], &bytes[second_from..]);
        let mut found_first = Vec::new();
        let mut found_second = Vec::new();
        let record = |sid, end: usize, offset: usize, out: &mut Vec<aho_corasick::Match>| {
            let pid = dfa.match_pattern(sid, 0);
            let len = dfa.pattern_len(pid);
            out.push(aho_corasick::Match::new(
                pid,
                offset + end - len..offset + end,
            ));
        };
        let (mut a, mut b) = (start, start);
        for (k, &next) in second.iter().enumerate() {
            if let Some(&byte) = first.get(k) {
                a = dfa.next_state(Anchored::No, a, byte);
                if dfa.is_special(a) && dfa.is_match(a) {
                    record(a, k + 1, 0, &mut found_first);
                    a = start;
                }
            }
            b = dfa.next_state(Anchored::No, b, next);
            if dfa.is_special(b) && dfa.is_match(b) {
                record(b, k + 1, second_from, &mut found_second);
                b = start;
            }
        }
        found_first.extend(found_second);
        found_first.sort_by_key(|m| (m.start(), m.end()));
        found_first.dedup();
        found_first
    }

    fn get(style: ToneStyle) -> &'static Triggers {
        static OLD: std::sync::LazyLock<Triggers> =
            std::sync::LazyLock::new(|| Triggers::build(ToneStyle::Old));
        static NEW: std::sync::LazyLock<Triggers> =
            std::sync::LazyLock::new(|| Triggers::build(ToneStyle::New));
        match style {
            ToneStyle::Old => &OLD,
            ToneStyle::New => &NEW,
        }
    }
}

/// Whether a tone trigger at `m` is wrong where it stands, judged from the
/// bytes around it. A vowel next to it means a longer cluster: then the
/// word is checked in full.
fn tone_trigger_applies(bytes: &[u8], m: &aho_corasick::Match, contexts: u8) -> bool {
    if contexts == ALWAYS || contexts == REPAIR {
        return true;
    }
    let is_ascii_vowel = |b: u8| {
        matches!(
            b.to_ascii_lowercase(),
            b'a' | b'e' | b'i' | b'o' | b'u' | b'y'
        )
    };
    let before = match m.start().checked_sub(1).map(|k| bytes[k]) {
        None => 0,
        // đ, Đ: a consonant like any other.
        Some(0x90 | 0x91) if m.start() >= 2 && bytes[m.start() - 2] == 0xC4 => 1,
        Some(b) if b >= 0x80 => return true, // a non-ASCII letter or mark: check in full
        Some(b) if is_ascii_vowel(b) => return true,
        Some(b'q' | b'Q') => 2,
        // `ng` + i… is no `gi` onset.
        Some(b'g' | b'G') if m.start() >= 2 && matches!(bytes[m.start() - 2], b'n' | b'N') => 1,
        Some(b'g' | b'G') => 3,
        Some(b) if b.is_ascii_alphabetic() => 1,
        Some(_) => 0,
    };
    let closed = match bytes.get(m.end()) {
        None => 0,
        Some(&b) if b >= 0x80 => return true,
        Some(&b) if is_ascii_vowel(b) => return true,
        Some(&b) if b.is_ascii_alphabetic() => 1,
        Some(_) => 0,
    };
    contexts & (1 << (2 * before + closed)) != 0
}

/// The word-level pass. `None` when nothing changes.
fn main_pass(text: &str, style: ToneStyle, repair: bool) -> Option<(String, Pass)> {
    let bytes = text.as_bytes();
    let classes: &[u8] = &CLASSES;
    let triggers = Triggers::get(style);
    let mut out = Rewriter {
        text,
        repair,
        out: None,
        pass: Pass::default(),
        copied: 0,
    };
    let mut pos = 0;
    // Triggers inside a word or character already handled are passed over.
    let mut search_from = 0;
    for m in triggers.find_all(bytes) {
        // Triggers start on character boundaries (a letter or a lead byte).
        let at = m.start();
        if at < search_from {
            continue;
        }
        search_from = m.end();
        if !tone_trigger_applies(bytes, &m, triggers.contexts[m.pattern().as_usize()]) {
            continue;
        }
        let Some(c) = text.get(at..).and_then(|t| t.chars().next()) else {
            continue;
        };
        if !is_word_char(c) {
            let mut end = at + c.len_utf8();
            if is_odd_space(c) {
                out.replace(at..end, " ");
            } else if is_nfc_quick(std::iter::once(c)) != IsNormalized::Yes {
                // With the marks that follow: NFC orders them together,
                // across the invisible characters that are dropped.
                end += text[end..]
                    .chars()
                    .take_while(|&m| {
                        unicode_normalization::char::is_combining_mark(m) || is_invisible(m)
                    })
                    .map(char::len_utf8)
                    .sum::<usize>();
                let nfc: String = text[at..end]
                    .chars()
                    .filter(|&m| !is_invisible(m))
                    .nfc()
                    .collect();
                if nfc != text[at..end] {
                    out.replace(at..end, &nfc);
                }
            }
            pos = end;
            search_from = end;
            continue;
        }
        let start = word_start(bytes, classes, pos, at);
        // A combining mark (NFD text, or a tone typed after â): compose the
        // word's letters while scanning it, the common case done in one go.
        if ('\u{300}'..='\u{36F}').contains(&c)
            && let Some((end, letters)) = compose_word(bytes, classes, start)
        {
            let mut word = String::new();
            letters.render(style, &mut word);
            if repair && let Some(w) = syllable::repair_word(&word, style) {
                word = w;
            }
            out.replace(start..end, &word);
            pos = end;
            search_from = end;
            continue;
        }
        let (end, verdict) = scan_word(bytes, classes, start);
        // A misspelt syllable is repaired first: the other paths leave a
        // word that is no syllable as it is.
        let repaired = if repair
            && (verdict != Verdict::Careful || triggers.contexts[m.pattern().as_usize()] == REPAIR)
        {
            syllable::repair_word(&text[start..end], style)
        } else {
            None
        };
        match (repaired, verdict) {
            (Some(w), _) => out.replace(start..end, &w),
            (None, Verdict::Clean) => {}
            (None, Verdict::Tone) => {
                if let Some(w) = place_tone(&text[start..end], style) {
                    out.replace(start..end, &w);
                }
            }
            (None, Verdict::Careful) => out.careful_word(start..end, style),
        }
        pos = end.max(at + c.len_utf8());
        search_from = pos;
    }
    let Rewriter {
        out, pass, copied, ..
    } = out;
    let mut o = out?;
    o.push_str(&text[copied..]);
    Some((o, pass))
}

/// The start of the word around `at`: the first of the word characters
/// that run back from it, looking no further back than `floor`.
#[inline]
fn word_start(bytes: &[u8], classes: &[u8], floor: usize, at: usize) -> usize {
    let mut start = at;
    while start > floor {
        let mut k = start - 1;
        while k > floor && bytes[k] & 0xC0 == 0x80 {
            k -= 1;
        }
        let (class, _) = class_at(bytes, classes, k);
        if class & (class::LETTER | class::SLOW_WORD) == 0 {
            break;
        }
        start = k;
    }
    start
}

/// [`gather`] for the word that starts at `start`, found while scanning
/// it: its end and letters. `None` when it has anything but Vietnamese
/// letters and marks that compose with them.
fn compose_word(bytes: &[u8], classes: &[u8], start: usize) -> Option<(usize, WordLetters)> {
    let splitter = Splitter::get();
    let mut letters = WordLetters::new();
    let mut j = start;
    while let Some(&b) = bytes.get(j) {
        let (cp, len) = decode_at(bytes, j, b);
        let class = class_of(classes, cp);
        if class & (class::LETTER | class::SLOW_WORD) == 0 {
            break;
        }
        let ch = char::from_u32(cp)?;
        if class & class::LETTER != 0 {
            if letters.is_full() {
                return None;
            }
            letters.push(splitter.split(ch));
        } else if !(('\u{300}'..='\u{36F}').contains(&ch) && letters.apply_mark(ch)) {
            return None;
        }
        j += len;
    }
    Some((j, letters))
}

/// Gathers a word's letters, composing Vietnamese marks typed as combining
/// characters. `None` when it has anything else (other marks, scripts,
/// look-alikes, invisible characters).
fn gather(word: &str) -> Option<WordLetters> {
    let splitter = Splitter::get();
    let mut letters = WordLetters::new();
    for ch in word.chars() {
        if let Some(l) = splitter.split(ch).filter(|_| ch != 'Ð' && ch != 'ð') {
            if letters.is_full() {
                return None;
            }
            letters.push(Some(l));
        } else if !(('\u{300}'..='\u{36F}').contains(&ch) && letters.apply_mark(ch)) {
            return None;
        }
    }
    Some(letters)
}

/// Copies the input lazily: nothing is allocated until the first change.
struct Rewriter<'t> {
    text: &'t str,
    /// Whether misspelt syllables are repaired.
    repair: bool,
    out: Option<String>,
    pass: Pass,
    /// How far the input has been copied into `out`.
    copied: usize,
}

impl Rewriter<'_> {
    fn replace(&mut self, range: Range<usize>, with: &str) {
        self.replace_with(range, |out| out.push_str(with));
    }

    /// Replaces `range` with what `write` appends to the output.
    #[inline]
    fn replace_with(&mut self, range: Range<usize>, write: impl FnOnce(&mut String)) {
        let text = self.text;
        let o = self
            .out
            .get_or_insert_with(|| String::with_capacity(text.len() + 16));
        o.push_str(&text[self.copied..range.start]);
        let start = o.len();
        write(o);
        self.pass.push(range.clone(), start..o.len());
        self.copied = range.end;
    }

    /// Normalizes a word that the fast scan could not settle. Invisible
    /// characters at its edges are dropped apart, so that the word's own
    /// span stays tight.
    fn careful_word(&mut self, mut range: Range<usize>, style: ToneStyle) {
        let text = self.text;
        let repair = self.repair;
        let repaired = |word: &str| repair.then(|| syllable::repair_word(word, style)).flatten();
        if let Some(letters) = gather(&text[range.clone()]) {
            // Vietnamese letters with combining marks: compose and place
            // (the word had a mark, so it always changes).
            let mut word = String::new();
            letters.render(style, &mut word);
            let word = repaired(&word).unwrap_or(word);
            self.replace(range, &word);
            return;
        }
        while let Some(c) = text[range.clone()]
            .chars()
            .next()
            .filter(|&c| is_invisible(c))
        {
            self.replace(range.start..range.start + c.len_utf8(), "");
            range.start += c.len_utf8();
        }
        let mut trailing = range.end;
        while let Some(c) = text[range.start..trailing]
            .chars()
            .next_back()
            .filter(|&c| is_invisible(c))
        {
            trailing -= c.len_utf8();
        }
        if range.start < trailing {
            let core = &text[range.start..trailing];
            let fixed = fix_word(core, style);
            let word = fixed.as_deref().unwrap_or(core);
            if let Some(w) = repaired(word).or(fixed) {
                self.replace(range.start..trailing, &w);
            }
        }
        let mut k = trailing;
        while k < range.end {
            let len = text[k..].chars().next().map_or(1, char::len_utf8);
            self.replace(k..k + len, "");
            k += len;
        }
    }
}

/// Whether `c` is a letter: a table lookup for Latin and Vietnamese
/// letters, the Unicode tables for the rest.
#[inline]
pub fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    match CLASSES.get(c as usize) {
        Some(&k) => {
            k & class::LETTER != 0 || (k & class::SLOW_WORD != 0 && crate::chars::is_letter(c))
        }
        None => crate::chars::is_letter(c),
    }
}

/// The matching key of a text: lower case, no diacritics, `đ` → `d`; spaces
/// and hyphens kept (`Đakrông` → `dakrong`, `Thừa Thiên - Huế` → `thua thien - hue`).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        fold_char(c, &mut out);
    }
    out
}

/// The folded letter of a letter split into base and tone (none when the
/// base is no Latin letter).
fn folded_base(l: Letter) -> Option<char> {
    match l.base {
        'â' | 'ă' => Some('a'),
        'ê' => Some('e'),
        'ô' | 'ơ' => Some('o'),
        'ư' => Some('u'),
        'đ' | 'ð' => Some('d'),
        b if b.is_ascii() => Some(b),
        _ => None,
    }
}

/// The two blocks that hold the Vietnamese letters: Latin-1 to Latin
/// Extended-B, and the toned vowels of Latin Extended Additional.
const FOLD_BLOCKS: [std::ops::RangeInclusive<u32>; 2] = [0xC0..=0x24F, 0x1EA0..=0x1EFF];

/// Their folded letters (0: not a letter that folds to one), split one by
/// one: a few hundred letters, where the whole letter table is thousands
/// (folding the gazetteer's names at start-up needs only these).
static FOLDED: std::sync::LazyLock<Vec<u8>> = std::sync::LazyLock::new(|| {
    FOLD_BLOCKS
        .into_iter()
        .flatten()
        .map(|cp| {
            char::from_u32(cp)
                .and_then(tone::split_slow)
                .and_then(folded_base)
                .map_or(0, |b| b as u8)
        })
        .collect()
});

fn fold_char(c: char, out: &mut String) {
    let cp = c as u32;
    let [first, second] = &FOLD_BLOCKS;
    let index = if first.contains(&cp) {
        Some((cp - first.start()) as usize)
    } else if second.contains(&cp) {
        Some(first.clone().count() + (cp - second.start()) as usize)
    } else {
        None
    };
    if let Some(&b) = index.and_then(|i| FOLDED.get(i))
        && b != 0
    {
        out.push(char::from(b));
        return;
    }
    // Other letters from the letter table; anything else by decomposition.
    match split(c).and_then(folded_base) {
        Some(b) => out.push(b),
        None => fold_decomposed(c, out),
    }
}

fn fold_decomposed(c: char, out: &mut String) {
    match c {
        'đ' | 'Đ' | 'ð' | 'Ð' => out.push('d'),
        _ => {
            for d in std::iter::once(c).nfd() {
                if unicode_normalization::char::is_combining_mark(d) {
                    continue;
                }
                for l in d.to_lowercase() {
                    out.push(if l == 'đ' { 'd' } else { l });
                }
            }
        }
    }
}

/// [`fold`] that also reads `&` as `và` and drops spaces, dots, commas,
/// hyphens, slashes, underscores, quote marks, apostrophes and invisible
/// characters: the key the accuracy scoring compares names with (`Đa
/// Krông` and `Đakrông` fold alike, and so do `PCCC&CNCH` and `PCCC và
/// CNCH`).
pub fn fold_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_key_into(text, &mut out);
    out
}

/// [`fold_key`] written at the end of `out` (keys built word by word).
pub(crate) fn fold_key_into(text: &str, out: &mut String) {
    for c in text.chars() {
        if c.is_whitespace()
            || matches!(
                c,
                '.' | ','
                    | '-'
                    | '/'
                    | '_'
                    | '\''
                    | '"'
                    | '‘'
                    | '’'
                    | '“'
                    | '”'
                    | '«'
                    | '»'
                    | '–'
                    | '—'
                    | '`'
                    | '´'
                    // Invisible: zero-width space, joiners, soft hyphen, BOM.
                    | '\u{200B}'
                    | '\u{200C}'
                    | '\u{200D}'
                    | '\u{2060}'
                    | '\u{00AD}'
                    | '\u{FEFF}'
            )
        {
            continue;
        }
        if c == '&' {
            out.push_str("va");
        } else if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            fold_char(c, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fold_table_folds_as_the_letter_table() {
        for cp in FOLD_BLOCKS.into_iter().flatten() {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let mut by_letter = String::new();
            match split(c).and_then(folded_base) {
                Some(b) => by_letter.push(b),
                None => fold_decomposed(c, &mut by_letter),
            }
            assert_eq!(fold(&c.to_string()), by_letter, "{c:?}");
        }
        assert_eq!(fold("Đakrông Ðồng HOÀ"), "dakrong dong hoa");
    }

    fn norm(s: &str) -> String {
        normalize(s, &Options::default()).text().to_string()
    }

    #[test]
    fn clean_text_is_borrowed() {
        let n = normalize("Công an tỉnh Thanh Hóa", &Options::default());
        assert!(n.is_unchanged());
        assert!(matches!(n.into_text(), Cow::Borrowed(_)));
    }

    #[test]
    fn nfd_and_windows_keyboard_marks() {
        assert_eq!(norm("Tra\u{300} Vinh"), "Trà Vinh");
        // Tone typed after a precomposed ê.
        assert_eq!(norm("nghiê\u{323}m"), "nghiệm");
    }

    #[test]
    fn lookalikes_spaces_and_invisible_characters() {
        assert_eq!(norm("521/2005/QÐ-TTg"), "521/2005/QĐ-TTg");
        assert_eq!(norm("phối hợp\u{a0}trong"), "phối hợp trong");
        assert_eq!(norm("\u{feff}an\u{200b}ninh\u{ad}"), "anninh");
    }

    #[test]
    fn tone_styles() {
        let new = Options {
            tone: ToneStyle::New,
            ..Options::default()
        };
        assert_eq!(normalize("hòa thủy", &new).text(), "hoà thuỷ");
        assert_eq!(norm("hoà thuỷ"), "hòa thủy");
        assert_eq!(norm("Ea Súp Krông"), "Ea Súp Krông");
    }

    #[test]
    fn spans_map_back() {
        let input = "x\u{a0}Hoà \u{200b}Bình";
        let n = normalize(input, &Options::default());
        assert_eq!(n.text(), "x Hòa Bình");
        let s = n.text().find("Bình").unwrap();
        assert_eq!(&input[n.to_original(s..s + "Bình".len())], "Bình");
        let s = n.text().find("Hòa").unwrap();
        assert_eq!(&input[n.to_original(s..s + "Hòa".len())], "Hoà");
    }

    #[test]
    fn legacy_input_maps_back() {
        let input = "C«ng an tØnh Qu¶ng TrÞ";
        let n = normalize(input, &Options::default());
        assert_eq!(n.text(), "Công an tỉnh Quảng Trị");
        let s = n.text().find("Quảng").unwrap();
        assert_eq!(&input[n.to_original(s..s + "Quảng".len())], "Qu¶ng");
    }

    #[test]
    fn folding() {
        assert_eq!(fold("Đakrông"), "dakrong");
        assert_eq!(fold("Thừa Thiên - Huế"), "thua thien - hue");
        assert_eq!(fold_key("Đắk N’Drung"), fold_key("Đắk N'Drung"));
        assert_eq!(fold_key("Đa Krông"), "dakrong");
        assert_eq!(
            fold_key("Phòng cháy & chữa cháy"),
            fold_key("phòng cháy và chữa cháy")
        );
        assert_eq!(fold_key("Ea\u{200B}Tu\u{00AD}"), "eatu");
        assert_eq!(fold_key("\u{FEFF}Hà\u{200D} Nội"), "hanoi");
    }
}

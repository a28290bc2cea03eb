//! The ground floor: characters. UTF-8 decoding at a byte offset, the
//! character classes shared by every scanner, word boundaries and bounded
//! look-arounds, and the places where a capitalised word may start (found
//! eight bytes at a time, so only those are decoded).

use std::sync::OnceLock;

/// [`char_kind`]: an upper-case letter.
pub(crate) const UPPER: u8 = 1;
/// [`char_kind`]: a letter or digit.
pub(crate) const ALPHANUMERIC: u8 = 2;
/// [`char_kind`]: a number.
pub(crate) const NUMERIC: u8 = 4;
/// [`char_kind`]: a letter.
pub(crate) const LETTER: u8 = 8;
/// [`char_kind`]: a lower-case letter.
pub(crate) const LOWER: u8 = 16;

/// Whether a code point is an upper-case letter ([`UPPER`]), a letter or
/// digit ([`ALPHANUMERIC`]), a number ([`NUMERIC`]), a letter ([`LETTER`]),
/// a lower-case letter ([`LOWER`]): tables of 256 code points below U+2100
/// (every Vietnamese letter and the general punctuation), each filled the
/// first time a text needs it (a text touches three or four), the Unicode
/// tables above.
#[inline]
pub(crate) fn char_kind(cp: u32) -> u8 {
    const BLOCKS: usize = 0x21;
    fn kind(c: char) -> u8 {
        (if c.is_uppercase() { UPPER } else { 0 })
            | (if c.is_alphanumeric() { ALPHANUMERIC } else { 0 })
            | (if c.is_numeric() { NUMERIC } else { 0 })
            | (if c.is_alphabetic() { LETTER } else { 0 })
            | (if c.is_lowercase() { LOWER } else { 0 })
    }
    static KINDS: [OnceLock<[u8; 256]>; BLOCKS] = [const { OnceLock::new() }; BLOCKS];
    let block = (cp >> 8) as usize;
    match KINDS.get(block) {
        Some(table) => table.get_or_init(|| {
            let first = (block as u32) << 8;
            std::array::from_fn(|i| char::from_u32(first + i as u32).map_or(0, kind))
        })[(cp & 0xFF) as usize],
        None => char::from_u32(cp).map_or(0, kind),
    }
}

/// `c` has the class `bit` of [`char_kind`] (ASCII by `ascii`, without a
/// look-up).
#[inline]
fn has(c: char, ascii: fn(&char) -> bool, bit: u8) -> bool {
    if c.is_ascii() {
        ascii(&c)
    } else {
        char_kind(c as u32) & bit != 0
    }
}

/// `char::is_alphabetic` from the table: the standard library searches
/// the Unicode tables for every letter above U+00FF, which is most
/// Vietnamese letters.
#[inline]
pub(crate) fn is_letter(c: char) -> bool {
    has(c, char::is_ascii_alphabetic, LETTER)
}

/// `char::is_uppercase` from the table.
#[inline]
pub(crate) fn is_upper(c: char) -> bool {
    has(c, char::is_ascii_uppercase, UPPER)
}

/// `char::is_lowercase` from the table.
#[inline]
pub(crate) fn is_lower(c: char) -> bool {
    has(c, char::is_ascii_lowercase, LOWER)
}

/// `char::is_alphanumeric` from the table.
#[inline]
pub(crate) fn is_alphanumeric(c: char) -> bool {
    has(c, char::is_ascii_alphanumeric, ALPHANUMERIC)
}

/// The letters that `keep` selects among those Vietnamese text is written
/// in (ASCII, Latin-1, Latin Extended-A and -B, Latin Extended
/// Additional), as the inside of a regex class (`a-zà-ã...`): a Unicode
/// `\p{L}` compiles to an automaton many times larger, and the names and
/// numbers the patterns read are written in these letters.
pub(crate) fn letter_class(keep: fn(char) -> bool) -> String {
    let mut out = String::new();
    let mut run: Option<(char, char)> = None;
    let blocks = [0x41..=0x7A_u32, 0xC0..=0x24F, 0x1E00..=0x1EFF];
    let letters = blocks
        .into_iter()
        .flatten()
        .filter_map(char::from_u32)
        .filter(|&c| c.is_alphabetic() && keep(c));
    let flush = |run: Option<(char, char)>, out: &mut String| {
        if let Some((a, b)) = run {
            out.push(a);
            if b != a {
                out.push('-');
                out.push(b);
            }
        }
    };
    for c in letters {
        run = match run {
            Some((a, b)) if b as u32 + 1 == c as u32 => Some((a, c)),
            r => {
                flush(r, &mut out);
                Some((c, c))
            }
        };
    }
    flush(run, &mut out);
    out
}

/// The words of `text`: runs of letters and digits, as byte ranges.
pub(crate) fn word_ranges(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = chars.find(|&(_, c)| is_alphanumeric(c))?;
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            if !is_alphanumeric(c) {
                end = i;
                break;
            }
            chars.next();
        }
        Some(start..end)
    })
}

/// Decodes the character at `i` of valid UTF-8 (`b = bytes[i]`, ASCII or
/// a lead byte): its code point and length.
#[inline]
pub(crate) fn decode_at(bytes: &[u8], i: usize, b: u8) -> (u32, usize) {
    let cont = |k: usize| (bytes.get(i + k).copied().unwrap_or(0x80) & 0x3F) as u32;
    if b < 0x80 {
        (b as u32, 1)
    } else if b < 0xE0 {
        ((((b & 0x1F) as u32) << 6) | cont(1), 2)
    } else if b < 0xF0 {
        ((((b & 0x0F) as u32) << 12) | (cont(1) << 6) | cont(2), 3)
    } else {
        (
            (((b & 0x07) as u32) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3),
            4,
        )
    }
}

/// The character at `i` of valid UTF-8, `i` on a character boundary.
#[inline]
pub(crate) fn decode_char(bytes: &[u8], i: usize) -> char {
    let b = bytes.get(i).copied().unwrap_or(0);
    char::from_u32(decode_at(bytes, i, b).0).unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// The char boundary at most `limit` bytes before `at`: look-backs stay
/// bounded, so no input (one endless line) makes a scan quadratic.
pub(crate) fn back(text: &str, at: usize, limit: usize) -> usize {
    let mut i = at.saturating_sub(limit);
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The char boundary at most `limit` bytes after `at`.
pub(crate) fn ahead(text: &str, at: usize, limit: usize) -> usize {
    let mut i = (at + limit).min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i.max(at)
}

/// Whether `i` starts a word: no letter or digit right before it. (Used
/// instead of `\b` in patterns: a Unicode `\b` keeps the regex engine off
/// its fast path.)
pub(crate) fn word_start(text: &str, i: usize) -> bool {
    !text[..i].chars().next_back().is_some_and(is_alphanumeric)
}

/// Whether `i` ends a word: no letter or digit right after it.
pub(crate) fn word_end(text: &str, i: usize) -> bool {
    !text[i..].chars().next().is_some_and(is_alphanumeric)
}

/// The starts of the words of `text` that begin with a capital, from
/// `from` on: the candidates of [`next_candidate`] that are capitals with
/// no letter or digit before them (`eKYC` has no word start at `K`).
pub(crate) fn capitalised_word_starts(text: &str, from: usize) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    let mut at = from;
    std::iter::from_fn(move || {
        while let Some(start) = next_candidate(bytes, at) {
            let (cp, len) = decode_at(bytes, start, bytes[start]);
            at = start + len;
            let after_word = text[..start]
                .chars()
                .next_back()
                .is_some_and(|c| char_kind(c as u32) & ALPHANUMERIC != 0);
            if char_kind(cp) & UPPER != 0 && !after_word {
                return Some(start);
            }
        }
        at = bytes.len();
        None
    })
}

/// The high bit of every byte of a word of eight.
const HIGH: u64 = 0x8080_8080_8080_8080;
/// One in every byte.
const ONES: u64 = 0x0101_0101_0101_0101;

/// The high bit set in each byte of `x` that is ASCII in `lo..=hi`
/// (eight bytes at once: no byte's sum carries into the next).
#[inline]
fn ascii_in(x: u64, lo: u8, hi: u8) -> u64 {
    let low7 = x & !HIGH;
    let at_least = low7 + ONES * u64::from(0x80 - lo);
    let above = low7 + ONES * u64::from(0x7F - hi);
    at_least & !above & !x & HIGH
}

/// The high bit set in each byte of `x` that may start a token: an ASCII
/// capital, or the lead byte of a character that follows an ASCII
/// separator or another non-ASCII character (`prev` holds the byte before
/// each byte). Lower-case words are passed eight bytes at a time.
#[inline]
fn candidates(x: u64, prev: u64) -> u64 {
    let upper = ascii_in(x, b'A', b'Z');
    let lead = x & (x << 1) & HIGH;
    let prev_alnum =
        ascii_in(prev, b'A', b'Z') | ascii_in(prev, b'a', b'z') | ascii_in(prev, b'0', b'9');
    // A separator (ASCII, not a letter or digit) or a continuation byte.
    let prev_ascii_separator = !prev & HIGH & !prev_alnum;
    let prev_continuation = prev & !(prev << 1) & HIGH;
    upper | (lead & (prev_ascii_separator | prev_continuation))
}

/// The first position from `from` on where a token may start (see
/// [`candidates`]); `from` itself when it starts a character that may.
pub(crate) fn next_candidate(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while i + 8 <= bytes.len() {
        let word: [u8; 8] = bytes[i..i + 8].try_into().ok()?;
        let x = u64::from_le_bytes(word);
        let before = if i == 0 { b' ' } else { bytes[i - 1] };
        let prev = (x << 8) | u64::from(before);
        let m = candidates(x, prev);
        if m != 0 {
            return Some(i + (m.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    if i < bytes.len() {
        let mut word = [b' '; 8];
        let n = (bytes.len() - i).min(8);
        word[..n].copy_from_slice(&bytes[i..i + n]);
        let x = u64::from_le_bytes(word);
        let before = if i == 0 { b' ' } else { bytes[i - 1] };
        let m = candidates(x, (x << 8) | u64::from(before));
        return (m != 0).then(|| i + (m.trailing_zeros() / 8) as usize);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letter_classes_hold_every_vietnamese_letter_of_their_case() {
        let lower = regex::Regex::new(&format!("^[{}]+$", letter_class(char::is_lowercase)))
            .expect("valid class");
        let upper = regex::Regex::new(&format!("^[{}]+$", letter_class(char::is_uppercase)))
            .expect("valid class");
        let vowels = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ";
        assert!(lower.is_match(vowels));
        assert!(lower.is_match("bcdfghjklmnpqrstvxzw"));
        assert!(upper.is_match(&vowels.to_uppercase()));
        for c in vowels.chars() {
            assert!(!upper.is_match(&c.to_string()), "{c}");
            assert!(!lower.is_match(&c.to_uppercase().to_string()), "{c}");
        }
        // Not letters: digits, punctuation, the signs among Latin-1.
        for c in ['1', '×', '÷', '_', '-', '“'] {
            let any =
                regex::Regex::new(&format!("^[{}]$", letter_class(|_| true))).expect("valid class");
            assert!(!any.is_match(&c.to_string()), "{c}");
        }
    }

    #[test]
    fn word_ranges_are_runs_of_letters_and_digits() {
        let text = "Luật Phòng, chống ma túy (2021)";
        let words: Vec<_> = word_ranges(text).map(|r| &text[r]).collect();
        assert_eq!(words, ["Luật", "Phòng", "chống", "ma", "túy", "2021"]);
        assert_eq!(word_ranges("ấp 3B").collect::<Vec<_>>(), [0..4, 5..7]);
        assert_eq!(word_ranges(" -- ").count(), 0);
    }

    #[test]
    fn the_table_answers_as_the_standard_library() {
        for cp in (0..0x2200).chain(0x1_0000..0x1_0100) {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_upper(c), c.is_uppercase(), "{c:?}");
            assert_eq!(is_lower(c), c.is_lowercase(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    /// [`next_candidate`] one byte at a time.
    fn naive(bytes: &[u8], from: usize) -> Option<usize> {
        (from..bytes.len()).find(|&i| {
            let b = bytes[i];
            let before = if i == 0 { b' ' } else { bytes[i - 1] };
            b.is_ascii_uppercase()
                || (b >= 0xC0
                    && (!before.is_ascii_alphanumeric() && before < 0x80
                        || (0x80..0xC0).contains(&before)))
        })
    }

    #[test]
    fn candidates_eight_bytes_at_once_as_one_by_one() {
        let texts = [
            "Công an xã Ea Siên, ANTT và “Đồng” ở TP.HCM; người được ưu tiên, eKYC 5A",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaÂ",
            "",
            "Đ",
            "\u{a0}Ê-Đê ~ [Z] `z` @A 9Đ zĐ",
        ];
        for text in texts {
            let bytes = text.as_bytes();
            for from in 0..=bytes.len() {
                assert_eq!(
                    next_candidate(bytes, from),
                    naive(bytes, from),
                    "{text:?} from {from}"
                );
            }
        }
    }

    #[test]
    fn capitalised_words_only_at_word_starts() {
        let text = "xã Ea Siên, eKYC và “Đồng” 5A";
        let starts: Vec<&str> = capitalised_word_starts(text, 0)
            .map(|i| &text[i..])
            .map(|s| s.split([' ', ',', '”']).next().unwrap_or(""))
            .collect();
        assert_eq!(starts, ["Ea", "Siên", "Đồng"]);
    }
}

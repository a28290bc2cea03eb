//! The ground floor: characters. UTF-8 decoding at a byte offset, the
//! character classes shared by every scanner, word boundaries and bounded
//! look-arounds, and the places where a capitalised word may start (found
//! eight bytes at a time, so only those are decoded).

use std::sync::LazyLock;

/// [`char_kind`]: an upper-case letter.
pub(crate) const UPPER: u8 = 1;
/// [`char_kind`]: a letter or digit.
pub(crate) const ALPHANUMERIC: u8 = 2;
/// [`char_kind`]: a number.
pub(crate) const NUMERIC: u8 = 4;

/// Whether a code point is an upper-case letter ([`UPPER`]), a letter or
/// digit ([`ALPHANUMERIC`]), a number ([`NUMERIC`]): a table below U+2100
/// (every Vietnamese letter and the general punctuation), the Unicode
/// tables above.
#[inline]
pub(crate) fn char_kind(cp: u32) -> u8 {
    const TABLE_END: u32 = 0x2100;
    fn kind(c: char) -> u8 {
        (if c.is_uppercase() { UPPER } else { 0 })
            | (if c.is_alphanumeric() { ALPHANUMERIC } else { 0 })
            | (if c.is_numeric() { NUMERIC } else { 0 })
    }
    static KINDS: LazyLock<Vec<u8>> = LazyLock::new(|| {
        (0..TABLE_END)
            .map(|cp| char::from_u32(cp).map_or(0, kind))
            .collect()
    });
    match KINDS.get(cp as usize) {
        Some(&k) => k,
        None => char::from_u32(cp).map_or(0, kind),
    }
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
    !text[..i]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

/// Whether `i` ends a word: no letter or digit right after it.
pub(crate) fn word_end(text: &str, i: usize) -> bool {
    !text[i..].chars().next().is_some_and(char::is_alphanumeric)
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

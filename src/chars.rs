//! Character tables shared by the scanners that look for capitalised
//! words (abbreviations, place names): a text is passed word by word, and
//! only the first character of a word is decoded and looked up.

use std::sync::LazyLock;

/// The rest of a word that starts in lower case: bytes of lower-case ASCII,
/// digits and letters of any script are passed by one lookup each. An ASCII
/// capital stops the skip (`eKYC`), and so does punctuation.
#[inline]
pub(crate) fn skip_word(bytes: &[u8], mut at: usize) -> usize {
    while let Some(&b) = bytes.get(at)
        && SKIP_IN_WORD[b as usize]
    {
        at += 1;
    }
    at
}

/// Bytes that never start a token inside a word: lower-case ASCII letters,
/// digits, continuation bytes, and lead bytes of the blocks of letters
/// (U+00C0..U+07FF, U+0800..U+1FFF, U+3000..U+FFFF). Not: ASCII capitals,
/// punctuation, the Latin-1 signs (`«`, no-break space, lead byte C2),
/// general punctuation (E2) and emoji (F0..).
static SKIP_IN_WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] =
            matches!(b as u8, b'a'..=b'z' | b'0'..=b'9' | 0x80..=0xBF | 0xC3..=0xE1 | 0xE3..=0xEF);
        b += 1;
    }
    table
};

/// [`char_kind`]: an upper-case letter.
pub(crate) const UPPER: u8 = 1;
/// [`char_kind`]: a letter or digit.
pub(crate) const ALPHANUMERIC: u8 = 2;
/// [`char_kind`]: a number.
pub(crate) const NUMERIC: u8 = 4;

/// Whether a code point is an upper-case letter ([`UPPER`]), a letter or
/// digit ([`ALPHANUMERIC`]), a number ([`NUMERIC`]): a table below U+2100 (every Vietnamese
/// letter and the general punctuation), the Unicode tables above.
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

/// The starts of the words of `text` that begin with a capital, from
/// `from` on. Lower-case words are skipped by [`skip_word`]; a capital
/// inside a word (`eKYC`) is not a word start.
pub(crate) fn capitalised_word_starts(text: &str, from: usize) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    let mut at = from;
    let mut word_start = at == 0
        || !text[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
    std::iter::from_fn(move || {
        while let Some(&b) = bytes.get(at) {
            if b < 0x80 && !b.is_ascii_alphanumeric() {
                at += 1;
                word_start = true;
                continue;
            }
            let start = at;
            let (cp, len) = crate::normalize::decode_at(bytes, at, b);
            at += len;
            let kind = char_kind(cp);
            let was_start = std::mem::replace(&mut word_start, kind & ALPHANUMERIC == 0);
            if kind & UPPER != 0 && was_start {
                return Some(start);
            }
            if kind & ALPHANUMERIC != 0 {
                at = skip_word(bytes, at);
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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

//! Normalization of Vietnamese text, with an alignment back to the original.
//!
//! [`normalize`] runs up to two passes:
//!
//! 1. legacy encodings (TCVN3, VNI read as Windows-1252) converted back to
//!    Unicode, when asked for or detected;
//! 2. one pass over words and separators: Unicode NFC, one tone-mark
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
mod legacy;
mod tone;

pub use alignment::{Alignment, Edit, Pass};
pub use legacy::{Encoding, cp1252_byte, decode_cp1252, detect as detect_encoding};
pub use tone::{Letter, Tone, ToneStyle, join, place_tone, split};

use std::borrow::Cow;
use std::ops::Range;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Which legacy encoding to undo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EncodingChoice {
    /// Detect TCVN3 or VNI text; leave Unicode text alone.
    #[default]
    Auto,
    /// Always convert from this encoding (`Utf8` converts nothing).
    Fixed(Encoding),
}

/// How to normalize.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    /// Tone-mark placement for `oa`, `oe`, `uy`.
    pub tone: ToneStyle,
    /// Legacy encoding handling.
    pub encoding: EncodingChoice,
}

/// A normalized text and its alignment to the original.
#[derive(Debug, Clone)]
pub struct Normalized<'a> {
    text: Cow<'a, str>,
    alignment: Alignment,
}

impl<'a> Normalized<'a> {
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

/// Normalizes `text` (see the module docs).
pub fn normalize<'a>(text: &'a str, options: &Options) -> Normalized<'a> {
    let encoding = match options.encoding {
        EncodingChoice::Auto => legacy::detect(text),
        EncodingChoice::Fixed(e) => e,
    };
    let mut alignment = Alignment::default();
    let converted: Cow<'a, str> = if encoding == Encoding::Utf8 {
        Cow::Borrowed(text)
    } else {
        let mut pass = Pass::default();
        let out = legacy::convert(text, encoding, &mut pass);
        alignment.push_pass(pass);
        Cow::Owned(out)
    };
    let text = match main_pass(&converted, options.tone) {
        None => converted,
        Some((out, pass)) => {
            alignment.push_pass(pass);
            Cow::Owned(out)
        }
    };
    Normalized { text, alignment }
}

/// What the main pass does with one non-word character.
enum CharFix {
    Keep,
    Replace(char),
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

#[inline]
fn char_fix(c: char) -> CharFix {
    match c {
        '\u{00A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}' => CharFix::Replace(' '),
        _ => CharFix::Keep,
    }
}

#[inline]
fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || unicode_normalization::char::is_combining_mark(c) || is_invisible(c)
}

/// The normalized form of one word, `None` when it is already normal.
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

/// The word-level pass. `None` when nothing changes.
fn main_pass(text: &str, style: ToneStyle) -> Option<(String, Pass)> {
    let bytes = text.as_bytes();
    let mut out = Rewriter {
        text,
        out: None,
        pass: Pass::default(),
        copied: 0,
    };
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 && !b.is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let c = if b < 0x80 {
            b as char
        } else {
            text[i..].chars().next().unwrap_or(' ')
        };
        if is_word_char(c) {
            // Scan the word; pure ASCII words need nothing.
            let mut j = i;
            let mut all_ascii = true;
            while j < bytes.len() {
                if bytes[j] < 0x80 {
                    if bytes[j].is_ascii_alphabetic() {
                        j += 1;
                        continue;
                    }
                    break;
                }
                let ch = text[j..].chars().next().unwrap_or(' ');
                if !is_word_char(ch) {
                    break;
                }
                all_ascii = false;
                j += ch.len_utf8();
            }
            if !all_ascii {
                out.word(i..j, style);
            }
            i = j;
            continue;
        }
        if let CharFix::Replace(r) = char_fix(c) {
            let mut buf = [0u8; 4];
            out.replace(i..i + c.len_utf8(), r.encode_utf8(&mut buf));
        }
        i += c.len_utf8();
    }
    let Rewriter {
        out, pass, copied, ..
    } = out;
    let mut o = out?;
    o.push_str(&text[copied..]);
    Some((o, pass))
}

/// Copies the input lazily: nothing is allocated until the first change.
struct Rewriter<'t> {
    text: &'t str,
    out: Option<String>,
    pass: Pass,
    /// How far the input has been copied into `out`.
    copied: usize,
}

impl Rewriter<'_> {
    fn replace(&mut self, range: Range<usize>, with: &str) {
        let text = self.text;
        let o = self
            .out
            .get_or_insert_with(|| String::with_capacity(text.len() + 16));
        o.push_str(&text[self.copied..range.start]);
        let start = o.len();
        o.push_str(with);
        self.pass.push(range.clone(), start..o.len());
        self.copied = range.end;
    }

    /// Normalizes one word. Invisible characters at its edges are dropped
    /// apart, so that the word's own span stays tight.
    fn word(&mut self, mut range: Range<usize>, style: ToneStyle) {
        let text = self.text;
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
        if range.start < trailing
            && let Some(w) = fix_word(&text[range.start..trailing], style)
        {
            self.replace(range.start..trailing, &w);
        }
        let mut k = trailing;
        while k < range.end {
            let len = text[k..].chars().next().map_or(1, char::len_utf8);
            self.replace(k..k + len, "");
            k += len;
        }
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

fn fold_char(c: char, out: &mut String) {
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

/// [`fold`] that also drops spaces, dots, commas, hyphens, slashes,
/// underscores, quote marks and apostrophes: the key the accuracy scoring
/// compares names with (`Đa Krông` and `Đakrông` fold alike).
pub fn fold_key(text: &str) -> String {
    fold(text)
        .chars()
        .filter(|c| {
            !(c.is_whitespace()
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
                ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }
}

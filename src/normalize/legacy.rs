//! Text typed with the legacy Vietnamese font encodings and read as
//! Windows-1252 (or Latin-1): TCVN3 (ABC, `.VnTime` fonts) and VNI-Windows.
//!
//! Sources of the code tables (facts, re-typed here): TCVN 5712:1993, table
//! VN3, as used by the ABC fonts (lower-case letters at 0xA8–0xFE, the
//! capitals Ă Â Ê Ô Ơ Ư Đ at 0xA1–0xA7; toned capitals are written with the
//! `H` fonts using the lower-case codes); the capitals that the VN1 variant
//! puts in otherwise unused positions are accepted too. VNI-Windows writes a
//! base letter followed by a mark character (`aù` = á, `aâ` = â, `aá` = ấ,
//! `oâ` = ô, `ô` = ơ, `ö` = ư, `ñ` = đ), as published by VNI Software.

use super::alignment::Pass;
use super::tone::{Tone, join};
use crate::chars::{is_letter, is_upper};
use crate::input::{Encoding, decode_cp1252};
use std::collections::HashMap;
use std::sync::LazyLock;

/// TCVN3 bytes 0xA1..=0xFE and the VN1 capitals, byte → letter.
const TCVN3: &[(u8, char)] = &[
    (0xA1, 'Ă'),
    (0xA2, 'Â'),
    (0xA3, 'Ê'),
    (0xA4, 'Ô'),
    (0xA5, 'Ơ'),
    (0xA6, 'Ư'),
    (0xA7, 'Đ'),
    (0xA8, 'ă'),
    (0xA9, 'â'),
    (0xAA, 'ê'),
    (0xAB, 'ô'),
    (0xAC, 'ơ'),
    (0xAD, 'ư'),
    (0xAE, 'đ'),
    (0xB5, 'à'),
    (0xB6, 'ả'),
    (0xB7, 'ã'),
    (0xB8, 'á'),
    (0xB9, 'ạ'),
    (0xBB, 'ằ'),
    (0xBC, 'ẳ'),
    (0xBD, 'ẵ'),
    (0xBE, 'ắ'),
    (0xC6, 'ặ'),
    (0xC7, 'ầ'),
    (0xC8, 'ẩ'),
    (0xC9, 'ẫ'),
    (0xCA, 'ấ'),
    (0xCB, 'ậ'),
    (0xCC, 'è'),
    (0xCE, 'ẻ'),
    (0xCF, 'ẽ'),
    (0xD0, 'é'),
    (0xD1, 'ẹ'),
    (0xD2, 'ề'),
    (0xD3, 'ể'),
    (0xD4, 'ễ'),
    (0xD5, 'ế'),
    (0xD6, 'ệ'),
    (0xD7, 'ì'),
    (0xD8, 'ỉ'),
    (0xDC, 'ĩ'),
    (0xDD, 'í'),
    (0xDE, 'ị'),
    (0xDF, 'ò'),
    (0xE1, 'ỏ'),
    (0xE2, 'õ'),
    (0xE3, 'ó'),
    (0xE4, 'ọ'),
    (0xE5, 'ồ'),
    (0xE6, 'ổ'),
    (0xE7, 'ỗ'),
    (0xE8, 'ố'),
    (0xE9, 'ộ'),
    (0xEA, 'ờ'),
    (0xEB, 'ở'),
    (0xEC, 'ỡ'),
    (0xED, 'ớ'),
    (0xEE, 'ợ'),
    (0xEF, 'ù'),
    (0xF1, 'ủ'),
    (0xF2, 'ũ'),
    (0xF3, 'ú'),
    (0xF4, 'ụ'),
    (0xF5, 'ừ'),
    (0xF6, 'ử'),
    (0xF7, 'ữ'),
    (0xF8, 'ứ'),
    (0xF9, 'ự'),
    (0xFA, 'ỳ'),
    (0xFB, 'ỷ'),
    (0xFC, 'ỹ'),
    (0xFD, 'ý'),
    (0xFE, 'ỵ'),
    // VN1 capitals in positions VN3 leaves free.
    (0x80, 'À'),
    (0x81, 'Ả'),
    (0x82, 'Ã'),
    (0x83, 'Á'),
    (0x84, 'Ạ'),
    (0x85, 'Ặ'),
    (0x86, 'Ậ'),
    (0x87, 'È'),
    (0x88, 'Ẻ'),
    (0x89, 'Ẽ'),
    (0x8A, 'É'),
    (0x8B, 'Ẹ'),
    (0x8C, 'Ệ'),
    (0x8D, 'Ì'),
    (0x8E, 'Ỉ'),
    (0x8F, 'Ĩ'),
    (0x90, 'Í'),
    (0x91, 'Ị'),
    (0x92, 'Ò'),
    (0x93, 'Ỏ'),
    (0x94, 'Õ'),
    (0x95, 'Ó'),
    (0x96, 'Ọ'),
    (0x97, 'Ộ'),
    (0x98, 'Ờ'),
    (0x99, 'Ở'),
    (0x9A, 'Ỡ'),
    (0x9B, 'Ớ'),
    (0x9C, 'Ợ'),
    (0x9D, 'Ù'),
    (0x9E, 'Ủ'),
    (0x9F, 'Ũ'),
    (0xBA, 'Ẳ'),
    (0xBF, 'Ẵ'),
    (0xC0, 'Ắ'),
    (0xC1, 'Ầ'),
    (0xC2, 'Ẩ'),
    (0xC3, 'Ẫ'),
    (0xC4, 'Ấ'),
    (0xC5, 'Ề'),
    (0xCD, 'Ể'),
    (0xD9, 'Ễ'),
    (0xDA, 'Ế'),
    (0xDB, 'Ồ'),
    (0xE0, 'Ổ'),
    (0xF0, 'Ỗ'),
    (0xFF, 'Ố'),
];

static TCVN3_MAP: LazyLock<HashMap<char, char>> = LazyLock::new(|| {
    TCVN3
        .iter()
        .filter_map(|&(b, c)| {
            let shown = decode_cp1252(&[b]).chars().next()?;
            Some((shown, c))
        })
        .collect()
});

/// VNI mark characters after a base letter: (mark, what it adds).
/// The vowel-diacritic marks come first in the table of each vowel.
fn vni_marks(base: char) -> &'static [(char, char, Tone)] {
    // (mark, resulting base, tone)
    match base {
        'a' => &[
            ('ù', 'a', Tone::Acute),
            ('ø', 'a', Tone::Grave),
            ('û', 'a', Tone::Hook),
            ('õ', 'a', Tone::Tilde),
            ('ï', 'a', Tone::Dot),
            ('â', 'â', Tone::Level),
            ('á', 'â', Tone::Acute),
            ('à', 'â', Tone::Grave),
            ('å', 'â', Tone::Hook),
            ('ã', 'â', Tone::Tilde),
            ('ä', 'â', Tone::Dot),
            ('ê', 'ă', Tone::Level),
            ('é', 'ă', Tone::Acute),
            ('è', 'ă', Tone::Grave),
            ('ú', 'ă', Tone::Hook),
            ('ü', 'ă', Tone::Tilde),
            ('ë', 'ă', Tone::Dot),
        ],
        'e' | 'o' => {
            if base == 'e' {
                &[
                    ('ù', 'e', Tone::Acute),
                    ('ø', 'e', Tone::Grave),
                    ('û', 'e', Tone::Hook),
                    ('õ', 'e', Tone::Tilde),
                    ('ï', 'e', Tone::Dot),
                    ('â', 'ê', Tone::Level),
                    ('á', 'ê', Tone::Acute),
                    ('à', 'ê', Tone::Grave),
                    ('å', 'ê', Tone::Hook),
                    ('ã', 'ê', Tone::Tilde),
                    ('ä', 'ê', Tone::Dot),
                ]
            } else {
                &[
                    ('ù', 'o', Tone::Acute),
                    ('ø', 'o', Tone::Grave),
                    ('û', 'o', Tone::Hook),
                    ('õ', 'o', Tone::Tilde),
                    ('ï', 'o', Tone::Dot),
                    ('â', 'ô', Tone::Level),
                    ('á', 'ô', Tone::Acute),
                    ('à', 'ô', Tone::Grave),
                    ('å', 'ô', Tone::Hook),
                    ('ã', 'ô', Tone::Tilde),
                    ('ä', 'ô', Tone::Dot),
                ]
            }
        }
        'ơ' => &[
            ('ù', 'ơ', Tone::Acute),
            ('ø', 'ơ', Tone::Grave),
            ('û', 'ơ', Tone::Hook),
            ('õ', 'ơ', Tone::Tilde),
            ('ï', 'ơ', Tone::Dot),
        ],
        'u' => &[
            ('ù', 'u', Tone::Acute),
            ('ø', 'u', Tone::Grave),
            ('û', 'u', Tone::Hook),
            ('õ', 'u', Tone::Tilde),
            ('ï', 'u', Tone::Dot),
        ],
        'ư' => &[
            ('ù', 'ư', Tone::Acute),
            ('ø', 'ư', Tone::Grave),
            ('û', 'ư', Tone::Hook),
            ('õ', 'ư', Tone::Tilde),
            ('ï', 'ư', Tone::Dot),
        ],
        'y' => &[
            ('ù', 'y', Tone::Acute),
            ('ø', 'y', Tone::Grave),
            ('û', 'y', Tone::Hook),
            ('õ', 'y', Tone::Tilde),
        ],
        _ => &[],
    }
}

/// VNI single characters: (shown, letter).
fn vni_single(c: char) -> Option<char> {
    let lower = c.to_lowercase().next()?;
    let upper = is_upper(c);
    let l = match lower {
        'ô' => 'ơ',
        'ö' => 'ư',
        'ñ' => 'đ',
        'í' => 'í',
        'ì' => 'ì',
        'æ' => 'ỉ',
        'ó' => 'ĩ',
        'ò' => 'ị',
        'î' => 'ỵ',
        _ => return None,
    };
    Some(if upper {
        l.to_uppercase().next().unwrap_or(l)
    } else {
        l
    })
}

/// Converts one legacy-encoded text, recording what was replaced.
pub fn convert(text: &str, encoding: Encoding, pass: &mut Pass) -> String {
    match encoding {
        // Code pages are decoded into Unicode when read: nothing to undo.
        Encoding::Utf8 | Encoding::Windows1258 | Encoding::Viscii => text.to_string(),
        Encoding::Tcvn3 => convert_tcvn3(text, pass),
        Encoding::Vni => convert_vni(text, pass),
    }
}

fn convert_tcvn3(text: &str, pass: &mut Pass) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    for (i, c) in text.char_indices() {
        match TCVN3_MAP.get(&c) {
            Some(&u) => {
                let start = out.len();
                out.push(u);
                pass.push(i..i + c.len_utf8(), start..out.len());
            }
            None => out.push(c),
        }
    }
    out
}

fn convert_vni(text: &str, pass: &mut Pass) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        let lower = c.to_lowercase().next().unwrap_or(c);
        let upper = is_upper(c);
        // `ô`/`ö` are ơ/ư themselves and may carry a tone mark after them.
        let base = match lower {
            'ô' => 'ơ',
            'ö' => 'ư',
            other => other,
        };
        if let Some(&(nj, next)) = chars.get(k + 1) {
            let next_lower = next.to_lowercase().next().unwrap_or(next);
            if let Some(&(_, b, t)) = vni_marks(base).iter().find(|m| m.0 == next_lower) {
                let start = out.len();
                out.push(join(b, t, upper));
                pass.push(i..nj + next.len_utf8(), start..out.len());
                k += 2;
                continue;
            }
        }
        match vni_single(c) {
            Some(u) => {
                let start = out.len();
                out.push(u);
                pass.push(i..i + c.len_utf8(), start..out.len());
            }
            None => out.push(c),
        }
        k += 1;
    }
    out
}

/// Guesses whether a text is TCVN3 or VNI read as Windows-1252. Unicode text
/// with Vietnamese letters, or text with too few tell-tale signs (a French
/// `café` is not TCVN3), is `Utf8`.
pub fn detect(text: &str) -> Encoding {
    let mut letters = 0usize;
    let mut legacy = 0usize;
    let mut vni = 0usize;
    let mut foreign = 0usize;
    let mut prev = ' ';
    for c in text.chars() {
        // Judge a character as NFC will leave it (U+0387 becomes U+00B7).
        let c = if (c as u32) >= 0x300 { singleton(c) } else { c };
        let cp = c as u32;
        // Characters normalization drops or rewrites must not sway the
        // verdict, or normalizing twice could decide differently.
        if matches!(c, '\u{AD}' | '\u{A0}' | '\u{D0}' | '\u{F0}')
            || (0x2000..=0x206F).contains(&cp)
            || c == '\u{FEFF}'
        {
            continue;
        }
        if is_vietnamese_only(c) {
            return Encoding::Utf8;
        }
        if is_letter(c) {
            letters += 1;
        }
        if cp >= 0x80 && TCVN3_MAP.contains_key(&c) {
            legacy += 1;
            if !is_vietnamese_latin1(c) {
                foreign += 1;
            }
        }
        let pl = prev.to_ascii_lowercase();
        if matches!(pl, 'a' | 'e' | 'o' | 'u' | 'y')
            && matches!(
                c.to_lowercase().next().unwrap_or(c),
                'ù' | 'ø' | 'û' | 'õ' | 'ï' | 'â' | 'á' | 'à' | 'å' | 'ä' | 'ê'
            )
        {
            vni += 1;
        }
        prev = c;
    }
    // Vietnamese has a marked letter in most words; other languages far fewer.
    if legacy < 3 || foreign < 2 || legacy * 12 < letters {
        return Encoding::Utf8;
    }
    let guess = if vni * 2 >= legacy {
        Encoding::Vni
    } else {
        Encoding::Tcvn3
    };
    // The conversion must give letters only Vietnamese has; then the
    // converted text is never taken for a legacy one again, and
    // normalization stays idempotent.
    let converted = convert(text, guess, &mut Pass::default());
    if converted.chars().any(is_vietnamese_only) {
        guess
    } else {
        Encoding::Utf8
    }
}

/// For bytes that are not UTF-8, read as Windows-1252: TCVN3, VNI, or
/// neither. VNI writes a mark character after a vowel (`aù`, `oâ`, `öù`);
/// TCVN3 writes whole letters, mostly after consonants (`C«ng`). Either way
/// the converted text must hold Vietnamese letters, a sentence's worth (a
/// few stray bytes in a UTF-8 file are no legacy text).
pub fn detect_raw(text: &str) -> Encoding {
    let mut high = 0usize;
    let mut marks_after_vowels = 0usize;
    let mut prev = ' ';
    for c in text.chars() {
        if (c as u32) >= 0x80 && is_letter(c) {
            high += 1;
            let pl = prev.to_lowercase().next().unwrap_or(prev);
            let mark = matches!(
                c.to_lowercase().next().unwrap_or(c),
                'ù' | 'ø'
                    | 'û'
                    | 'õ'
                    | 'ï'
                    | 'â'
                    | 'á'
                    | 'à'
                    | 'å'
                    | 'ã'
                    | 'ä'
                    | 'ê'
                    | 'é'
                    | 'è'
                    | 'ú'
                    | 'ü'
                    | 'ë'
            );
            if mark && matches!(pl, 'a' | 'e' | 'o' | 'u' | 'y' | 'ö' | 'ô') {
                marks_after_vowels += 1;
            }
        }
        prev = c;
    }
    let guess = if marks_after_vowels * 2 >= high {
        Encoding::Vni
    } else {
        Encoding::Tcvn3
    };
    let converted = convert(text, guess, &mut Pass::default());
    let only = converted.chars().filter(|&c| is_vietnamese_only(c)).count();
    let latin1 = converted
        .chars()
        .filter(|&c| is_vietnamese_latin1(c))
        .count();
    if only >= 2 && only + latin1 >= 5 {
        guess
    } else {
        Encoding::Utf8
    }
}

/// Letters that only Vietnamese text has (never a legacy code point).
fn is_vietnamese_only(c: char) -> bool {
    ('\u{1EA0}'..='\u{1EF9}').contains(&c)
        || matches!(
            c,
            'ă' | 'Ă' | 'ơ' | 'Ơ' | 'ư' | 'Ư' | 'đ' | 'Đ' | 'ĩ' | 'Ĩ' | 'ũ' | 'Ũ'
        )
}

/// The character a canonical singleton decomposes to, else `c` itself.
fn singleton(c: char) -> char {
    let mut parts = [c; 2];
    let mut n = 0;
    unicode_normalization::char::decompose_canonical(c, |d| {
        if n < 2 {
            parts[n] = d;
        }
        n += 1;
    });
    if n == 1 { parts[0] } else { c }
}

/// Latin-1 letters that are also Vietnamese letters in Unicode.
fn is_vietnamese_latin1(c: char) -> bool {
    matches!(
        c.to_lowercase().next().unwrap_or(c),
        'à' | 'á'
            | 'â'
            | 'ã'
            | 'è'
            | 'é'
            | 'ê'
            | 'ì'
            | 'í'
            | 'ò'
            | 'ó'
            | 'ô'
            | 'õ'
            | 'ù'
            | 'ú'
            | 'ý'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conv(s: &str, e: Encoding) -> String {
        convert(s, e, &mut Pass::default())
    }

    #[test]
    fn tcvn3_words() {
        assert_eq!(conv("B¶o Th¾ng", Encoding::Tcvn3), "Bảo Thắng");
        assert_eq!(
            conv("M\u{ad}êng Kh\u{ad}\u{ac}ng", Encoding::Tcvn3),
            "Mường Khương"
        );
        assert_eq!(detect("C«ng an tØnh Qu¶ng TrÞ"), Encoding::Tcvn3);
    }

    #[test]
    fn vni_words() {
        assert_eq!(
            conv("Xin chaøo caùc baïn", Encoding::Vni),
            "Xin chào các bạn"
        );
        assert_eq!(conv("Coâng an tænh", Encoding::Vni), "Công an tỉnh");
        assert_eq!(conv("ÑAÛNG", Encoding::Vni), "ĐẢNG");
        assert_eq!(detect("Xin chaøo caùc baïn Coâng an"), Encoding::Vni);
        assert_eq!(detect("Công an tỉnh"), Encoding::Utf8);
    }
}

//! Turning the bytes of an input into text.
//!
//! UTF-8 is expected. A UTF-8 byte-order mark stays in the text (offsets are
//! those of the file as given; normalization skips the mark). UTF-16 with a
//! byte-order mark is decoded. The single-byte Vietnamese code pages
//! Windows-1258 and VISCII are decoded when named. Bytes that are none of
//! these are an error naming the first bad offset, unless `lossy` replaces
//! them, or a legacy font encoding (TCVN3, VNI) was named: then they are
//! read as Windows-1252, as the fonts were; [`crate::normalize::to_unicode`]
//! goes on to detect and convert those. A file with NUL bytes is no text,
//! `lossy` or not.

use crate::error::Error;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// The encoding a text was typed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    /// Unicode; nothing to convert.
    #[default]
    Utf8,
    /// TCVN3 (ABC) read as Windows-1252.
    Tcvn3,
    /// VNI-Windows read as Windows-1252.
    Vni,
    /// The Windows-1258 code page (base letters and combining tone marks).
    Windows1258,
    /// The VISCII code page (RFC 1456).
    Viscii,
}

impl Encoding {
    /// The name used on the command line and in messages (`tcvn3`).
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf8",
            Encoding::Tcvn3 => "tcvn3",
            Encoding::Vni => "vni",
            Encoding::Windows1258 => "windows-1258",
            Encoding::Viscii => "viscii",
        }
    }
}

/// The single-byte code pages, byte → character (`data/codepages.tsv`).
static CODEPAGES: LazyLock<HashMap<&'static str, [char; 256]>> = LazyLock::new(|| {
    let mut pages: HashMap<&'static str, [char; 256]> = HashMap::new();
    for line in include_str!("../data/codepages.tsv").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(name), Some(byte), Some(cp)) = (cols.next(), cols.next(), cols.next()) else {
            continue;
        };
        let (Ok(byte), Some(c)) = (
            u8::from_str_radix(byte, 16),
            u32::from_str_radix(cp, 16).ok().and_then(char::from_u32),
        ) else {
            continue;
        };
        let page = pages
            .entry(name)
            .or_insert_with(|| std::array::from_fn(|b| b as u8 as char));
        page[byte as usize] = c;
    }
    pages
});

/// Decodes a single-byte code page of `data/codepages.tsv`.
fn decode_codepage(bytes: &[u8], name: &str) -> String {
    match CODEPAGES.get(name) {
        Some(page) => bytes.iter().map(|&b| page[b as usize]).collect(),
        None => bytes.iter().map(|&b| b as char).collect(),
    }
}

/// A decoded input and the encoding it was read in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// What it was typed in: `Utf8` for Unicode (UTF-8 or UTF-16);
    /// `Tcvn3` or `Vni` when [`Decoded::text`] holds their characters as
    /// Windows-1252 shows them.
    pub encoding: Encoding,
}

/// Windows-1252 characters of bytes 0x80–0x9F.
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// Decodes bytes as Windows-1252 (how legacy-encoded files were read).
pub fn decode_cp1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => CP1252_HIGH[(b - 0x80) as usize],
            _ => b as char,
        })
        .collect()
}

/// Which legacy encoding to undo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EncodingChoice {
    /// Detect TCVN3 or VNI text; leave Unicode text alone.
    #[default]
    Auto,
    /// Always convert from this encoding (`Utf8` converts nothing).
    Fixed(Encoding),
}

/// How to read input bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// Replace invalid UTF-8 with U+FFFD instead of failing.
    pub lossy: bool,
    /// The encoding the text was typed in.
    pub encoding: EncodingChoice,
}

/// Decodes the bytes of one input; `name` names it in errors (a path, an
/// id, `-`).
///
/// ```
/// use anninh::input::{Encoding, EncodingChoice, ReadOptions, decode};
/// let utf8 = decode("Công an".as_bytes().to_vec(), "a.txt", &ReadOptions::default()).unwrap();
/// assert_eq!(utf8.text, "Công an");
/// let viscii = ReadOptions { encoding: EncodingChoice::Fixed(Encoding::Viscii), ..ReadOptions::default() };
/// assert_eq!(decode(b"C\xf4ng an".to_vec(), "b.txt", &viscii).unwrap().text, "Công an");
/// ```
pub fn decode(bytes: Vec<u8>, name: &str, options: &ReadOptions) -> Result<Decoded, Error> {
    let utf8 = |text: String| Decoded {
        text,
        encoding: Encoding::Utf8,
    };
    if let Some(text) = decode_utf16(&bytes) {
        return Ok(utf8(text));
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::Binary {
            path: PathBuf::from(name),
            offset,
        });
    }
    if let EncodingChoice::Fixed(e @ (Encoding::Windows1258 | Encoding::Viscii)) = options.encoding
    {
        let text = if e == Encoding::Viscii {
            decode_codepage(&bytes, "viscii")
        } else {
            // Windows-1258 types tones as combining marks: composed, the
            // letters read as the other encodings give them.
            use unicode_normalization::UnicodeNormalization;
            decode_codepage(&bytes, "windows-1258").nfc().collect()
        };
        return Ok(Decoded { text, encoding: e });
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok(utf8(s)),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            match options.encoding {
                EncodingChoice::Fixed(enc @ (Encoding::Tcvn3 | Encoding::Vni)) => Ok(Decoded {
                    text: decode_cp1252(&bytes),
                    encoding: enc,
                }),
                _ if options.lossy => Ok(utf8(String::from_utf8_lossy(&bytes).into_owned())),
                _ => Err(Error::InvalidUtf8 {
                    path: PathBuf::from(name),
                    offset,
                }),
            }
        }
    }
}

fn decode_utf16(bytes: &[u8]) -> Option<String> {
    let le = match bytes {
        [0xFF, 0xFE, ..] => true,
        [0xFE, 0xFF, ..] => false,
        _ => return None,
    };
    let units = bytes[2..].chunks(2).map(|c| {
        let pair = [c[0], *c.get(1).unwrap_or(&0)];
        if le {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    Some(
        char::decode_utf16(units)
            .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect(),
    )
}

/// Reads all of a data file from a reader; `name` names it in errors.
pub(crate) fn read_all(mut reader: impl std::io::Read, name: &str) -> Result<String, Error> {
    let mut s = String::new();
    reader.read_to_string(&mut s).map_err(|source| Error::Io {
        path: Path::new(name).to_path_buf(),
        source,
    })?;
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_the_first_bad_byte() {
        let err = decode(b"an ninh \xff x".to_vec(), "a.txt", &ReadOptions::default()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "a.txt: not UTF-8: invalid byte sequence at byte 8"
        );
        let lossy = ReadOptions {
            lossy: true,
            ..ReadOptions::default()
        };
        assert_eq!(
            decode(b"a\xffb".to_vec(), "a", &lossy).unwrap().text,
            "a\u{fffd}b"
        );
    }

    #[test]
    fn decodes_utf16_and_legacy_bytes() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Trà Vinh".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        let o = ReadOptions::default();
        assert_eq!(decode(bytes, "a", &o).unwrap().text, "Trà Vinh");
        let tcvn = ReadOptions {
            encoding: EncodingChoice::Fixed(Encoding::Tcvn3),
            ..ReadOptions::default()
        };
        assert_eq!(
            decode(b"Qu\xb6ng".to_vec(), "a", &tcvn).unwrap().text,
            "Qu\u{b6}ng"
        );
    }
}

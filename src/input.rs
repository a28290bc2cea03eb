//! Turning the bytes of an input file into text.
//!
//! UTF-8 is expected. A UTF-8 byte-order mark stays in the text (offsets are
//! those of the file as given; normalization skips the mark). UTF-16 with a
//! byte-order mark is decoded. Bytes that are neither are an error naming
//! the first bad offset, unless `lossy` replaces them, or a legacy encoding
//! (TCVN3, VNI) was named: then the bytes are read as Windows-1252 and the
//! spans refer to that reading.

use crate::error::Error;
use std::path::Path;

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

/// Decodes one input. `path` only names the input in errors.
pub fn decode(bytes: Vec<u8>, path: &Path, options: &ReadOptions) -> Result<String, Error> {
    if let Some(text) = decode_utf16(&bytes) {
        return Ok(text);
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            match options.encoding {
                EncodingChoice::Fixed(Encoding::Tcvn3 | Encoding::Vni) => Ok(decode_cp1252(&bytes)),
                _ if options.lossy => Ok(String::from_utf8_lossy(&bytes).into_owned()),
                _ => Err(Error::InvalidUtf8 {
                    path: path.to_path_buf(),
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
        let err = decode(
            b"an ninh \xff x".to_vec(),
            Path::new("a.txt"),
            &ReadOptions::default(),
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "a.txt: not UTF-8: invalid byte sequence at byte 8"
        );
        let lossy = ReadOptions {
            lossy: true,
            ..ReadOptions::default()
        };
        assert_eq!(
            decode(b"a\xffb".to_vec(), Path::new("a"), &lossy).unwrap(),
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
        assert_eq!(decode(bytes, Path::new("a"), &o).unwrap(), "Trà Vinh");
        let tcvn = ReadOptions {
            encoding: EncodingChoice::Fixed(Encoding::Tcvn3),
            ..ReadOptions::default()
        };
        assert_eq!(
            decode(b"Qu\xb6ng".to_vec(), Path::new("a"), &tcvn).unwrap(),
            "Qu\u{b6}ng"
        );
    }
}

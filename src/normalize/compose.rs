//! Canonical composition of the combining marks typed after letters: NFD
//! text, or a tone typed after a precomposed `â` as some keyboards do.
//!
//! A text that has combining marks usually has them in most words. Composing
//! them first, in one pass over the bytes, leaves the word pass precomposed
//! letters, which it handles on its fast path. Only the common case is done
//! here (a letter followed by marks of U+0300..U+036F); anything else is
//! left for the word pass, which normalizes such words one by one.

use super::alignment::Pass;
use super::{class, class_at};
use crate::chars::decode_at;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{canonical_combining_class, compose};

/// Whether `bytes` may hold a mark of U+0300..U+036F (lead byte CC or CD).
/// Branch-free over blocks, so that clean text pays little for the check.
pub(super) fn may_have_marks(bytes: &[u8]) -> bool {
    bytes
        .chunks(64)
        .any(|block| block.iter().fold(false, |acc, &b| acc | (b & 0xFE == 0xCC)))
}

/// Whether a code point is one of the marks composed here.
#[inline]
fn is_mark(cp: u32) -> bool {
    (0x300..=0x36F).contains(&cp)
}

/// Composes every letter with the marks of U+0300..U+036F that follow it,
/// as NFC does. `None` when nothing changes.
///
/// The edits of one word are joined into one, so that the alignment holds
/// one edit per word rather than one per letter.
pub(super) fn compose_marks(text: &str, classes: &[u8]) -> Option<(String, Pass)> {
    let bytes = text.as_bytes();
    let mut out: Option<String> = None;
    let mut pass = Pass::default();
    let mut copied = 0;
    // End (in the input) of the last edit, if the text since is one word.
    let mut last_edit_end: Option<usize> = None;
    let mut i = 0;
    while let Some(offset) = bytes[i..].iter().position(|&b| b & 0xFE == 0xCC) {
        let p = i + offset;
        // The run of marks from `p`.
        let mut r = p;
        while let Some(&b) = bytes.get(r) {
            if b & 0xFE != 0xCC {
                break;
            }
            let (cp, len) = decode_at(bytes, r, b);
            if !is_mark(cp) {
                break;
            }
            r += len;
        }
        if r == p {
            // U+0370..U+037F: Greek, not a mark.
            i = p + 2;
            continue;
        }
        i = r;
        // The letter the marks follow.
        let Some(q) = (0..p).rev().find(|&k| bytes[k] & 0xC0 != 0x80) else {
            continue;
        };
        if class_at(bytes, classes, q).0 & class::LETTER == 0 {
            continue;
        }
        let o = out.get_or_insert_with(|| String::with_capacity(text.len()));
        o.push_str(&text[copied..q]);
        copied = q;
        let norm_start = o.len();
        if !compose_run(&text[q..r], o) {
            o.truncate(norm_start);
            continue;
        }
        if last_edit_end.is_some_and(|end| is_word_inside(bytes, classes, end..q)) {
            pass.extend_last(r, o.len());
        } else {
            pass.push(q..r, norm_start..o.len());
        }
        copied = r;
        last_edit_end = Some(r);
    }
    if pass.is_empty() {
        return None;
    }
    let mut o = out?;
    o.push_str(&text[copied..]);
    Some((o, pass))
}

/// Writes the NFC of one letter and the marks after it to `out`; `false`
/// when that is the run itself. Marks in canonical order are composed one
/// by one (a mark composes unless an earlier mark of the same or a higher
/// class stayed apart); others go through the full algorithm.
fn compose_run(run: &str, out: &mut String) -> bool {
    let mut chars = run.chars();
    let Some(mut starter) = chars.next() else {
        return false;
    };
    let mut composed = false;
    let mut apart: Vec<char> = Vec::new();
    let mut apart_class = 0;
    let mut previous_class = 0;
    for mark in chars {
        let class = mark_class(mark);
        // Out of canonical order, or a mark of class 0 (the grapheme
        // joiner U+034F), which blocks what follows: the full algorithm.
        if class < previous_class || class == 0 {
            let start = out.len();
            out.extend(run.nfc());
            return out[start..] != *run;
        }
        previous_class = class;
        match compose(starter, mark) {
            Some(c) if apart.is_empty() || apart_class < class => {
                starter = c;
                composed = true;
            }
            _ => {
                apart.push(mark);
                apart_class = class;
            }
        }
    }
    out.push(starter);
    out.extend(apart);
    composed
}

/// The canonical combining class of a mark of U+0300..U+036F, from a table.
#[inline]
fn mark_class(mark: char) -> u8 {
    static CLASSES: std::sync::LazyLock<[u8; 0x70]> = std::sync::LazyLock::new(|| {
        std::array::from_fn(|k| {
            char::from_u32(0x300 + k as u32).map_or(0, canonical_combining_class)
        })
    });
    CLASSES
        .get((mark as usize).wrapping_sub(0x300))
        .copied()
        .unwrap_or_else(|| canonical_combining_class(mark))
}

/// Whether `range` of the text holds only letters (the stretch between two
/// edits of one word).
fn is_word_inside(bytes: &[u8], classes: &[u8], range: std::ops::Range<usize>) -> bool {
    let mut k = range.start;
    while k < range.end {
        let (class, len) = class_at(bytes, classes, k);
        if class & class::LETTER == 0 {
            return false;
        }
        k += len;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compose_str(text: &str) -> Option<(String, Pass)> {
        compose_marks(text, &super::super::CLASSES)
    }

    #[test]
    fn composes_letters_and_joins_a_words_edits() {
        let (out, pass) = compose_str("Ngu\u{31b}o\u{31b}\u{300}i da\u{302}n").unwrap();
        assert_eq!(out, "Người dân");
        // One edit for `ư…ờ` (the `o` between is a letter), one for `â`.
        assert_eq!(pass.edits().len(), 2);
        assert_eq!(pass.edits()[0].orig, 2..10);
        assert_eq!(pass.edits()[0].norm, 2..7);
    }

    #[test]
    fn marks_in_any_order_compose_as_nfc_does() {
        let dot_first = "a\u{323}\u{302}";
        let dot_last = "a\u{302}\u{323}";
        assert_eq!(compose_str(dot_first).unwrap().0, "ậ");
        assert_eq!(compose_str(dot_last).unwrap().0, "ậ");
        // Windows keyboards: a tone typed after a precomposed â.
        assert_eq!(compose_str("nha\u{302}\u{301}t").unwrap().0, "nhất");
        assert_eq!(compose_str("nhâ\u{301}t").unwrap().0, "nhất");
    }

    #[test]
    fn leaves_what_it_does_not_handle() {
        assert!(compose_str("hòa bình").is_none());
        // A mark after a space or a digit, and Greek letters of U+037x.
        assert!(compose_str(" \u{301}1\u{301}").is_none());
        assert!(compose_str("\u{37b}").is_none());
        // Two tones on one letter: the second stays a combining mark.
        assert_eq!(compose_str("a\u{301}\u{300}").unwrap().0, "á\u{300}");
        // The grapheme joiner blocks composition.
        assert!(compose_str("w\u{34f}\u{300}").is_none());
    }
}

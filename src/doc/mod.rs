//! One article being read, built once and shared by every stage above it.
//!
//! A [`Doc`] holds the caller's text, its normalized form with the
//! alignment back, and the article's regions on the page (headline, body,
//! byline, the header lines that may hold a date line). Every scanner reads
//! the normalized text, or a [`Slice`] of it that remembers where it
//! starts, and every mention it reports is placed in the caller's text by
//! [`Doc::locate`]: no stage shifts ranges between coordinates by hand.

pub(crate) mod layout;

use crate::gazetteer::Gazetteer;
use crate::normalize::{Normalized, Options, normalize};
use crate::offsets::CharOffsets;
use crate::record::{ByteSpan, Span};
use layout::Layout;
use std::cell::OnceCell;
use std::ops::Range;

/// One article: the original, its normalized form, its regions.
pub(crate) struct Doc<'a> {
    /// The caller's text.
    original: &'a str,
    /// Its normalized form, which every scanner reads.
    norm: Normalized<'a>,
    /// Where the headline, body and byline are (normalized coordinates).
    layout: Layout,
    /// The normalized text with the body's holes blanked (spaces in place
    /// of their bytes, line ends kept), when it has any: scanners read
    /// nothing there, and every offset stays where it was.
    masked: Option<String>,
    /// Built on the first [`Doc::locate`]: finding abbreviations alone
    /// never needs it.
    offsets: OnceCell<CharOffsets<'a>>,
}

/// Where a mention stands in the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Located {
    /// The original text of the mention.
    pub text: String,
    /// Code-point range in the original.
    pub span: Span,
    /// Byte range in the original.
    pub bytes: ByteSpan,
}

/// A stretch of a document's normalized text that keeps its offset, so a
/// range found in it goes back to the document with [`Slice::doc_range`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Slice<'d> {
    text: &'d str,
    start: usize,
}

impl<'d> Slice<'d> {
    /// The text of the stretch.
    pub fn text(&self) -> &'d str {
        self.text
    }

    /// A range of this slice as a range of the document.
    pub fn doc_range(&self, r: Range<usize>) -> Range<usize> {
        r.start + self.start..r.end + self.start
    }

    /// A range of the document as a range of this slice, when it lies
    /// wholly inside it (a mention before or after the slice has none).
    pub fn local_range(&self, r: &Range<usize>) -> Option<Range<usize>> {
        let inside = self.start <= r.start && r.end <= self.start + self.text.len();
        inside.then(|| r.start - self.start..r.end - self.start)
    }
}

impl<'a> Doc<'a> {
    /// Reads `original`: normalizes it and finds its regions.
    pub fn new(original: &'a str, options: &Options, gazetteer: &Gazetteer) -> Self {
        Doc::with_normalized(original, normalize(original, options), gazetteer)
    }

    /// Reads `original` as a text already normalized (no pass over it).
    pub fn verbatim(original: &'a str, gazetteer: &Gazetteer) -> Self {
        Doc::with_normalized(original, Normalized::unchanged(original), gazetteer)
    }

    fn with_normalized(original: &'a str, norm: Normalized<'a>, gazetteer: &Gazetteer) -> Self {
        let layout = layout::layout(norm.text(), gazetteer);
        let masked = (!layout.holes.is_empty()).then(|| mask(norm.text(), &layout.holes));
        Doc {
            original,
            norm,
            layout,
            masked,
            offsets: OnceCell::new(),
        }
    }

    /// Reads `original` as one stretch of text, with no page regions: the
    /// whole text is the body (for finding abbreviations in any text).
    pub fn plain(original: &'a str, options: &Options) -> Self {
        let norm = normalize(original, options);
        let len = norm.text().len();
        Doc {
            original,
            norm,
            layout: Layout {
                body: 0..len,
                title: None,
                header: 0..0,
                authors: Vec::new(),
                stamp: None,
                holes: Vec::new(),
            },
            masked: None,
            offsets: OnceCell::new(),
        }
    }

    /// The normalized text (the body's holes blanked).
    pub fn text(&self) -> &str {
        self.masked.as_deref().unwrap_or(self.norm.text())
    }

    /// The article's regions.
    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    /// The body: headline to byline, page furniture left out. Facts come
    /// from here.
    pub fn body(&self) -> Slice<'_> {
        self.slice(self.layout.body.clone())
    }

    /// A stretch of the normalized text (clamped to it and to character
    /// boundaries).
    pub fn slice(&self, r: Range<usize>) -> Slice<'_> {
        let text = self.text();
        let mut end = r.end.min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let mut start = r.start.min(end);
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        Slice {
            text: &text[start..end],
            start,
        }
    }

    /// Whether a range of the normalized text lies in the body.
    pub fn in_body(&self, r: &Range<usize>) -> bool {
        self.layout.body.start <= r.start && r.end <= self.layout.body.end
    }

    /// A byte range of the normalized text as a byte range of the original.
    pub fn to_original(&self, range: Range<usize>) -> Range<usize> {
        self.norm.to_original(range)
    }

    /// The mention of the original text that a normalized range came from.
    pub fn locate(&self, range: Range<usize>) -> Located {
        let r = self.norm.to_original(range);
        let offsets = self.offsets.get_or_init(|| CharOffsets::new(self.original));
        Located {
            text: self.original[r.clone()].to_string(),
            span: Span([offsets.char_offset(r.start), offsets.char_offset(r.end)]),
            bytes: ByteSpan([r.start, r.end]),
        }
    }

    /// [`Doc::locate`] for a range of a slice.
    pub fn locate_in(&self, slice: &Slice<'_>, range: Range<usize>) -> Located {
        self.locate(slice.doc_range(range))
    }
}

/// `text` with the bytes of `holes` (ranges on character boundaries) made
/// spaces, line ends kept: the same length, the same character boundaries
/// outside them.
fn mask(text: &str, holes: &[Range<usize>]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for h in holes {
        for b in &mut bytes[h.clone()] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    }
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_keep_their_offset() {
        let text = "Tiêu đề bài báo\n\nCông an xã Ea Tu có 3 tổ.";
        let doc = Doc::new(text, &Options::default(), Gazetteer::embedded());
        let s = doc.slice(23..text.len());
        assert_eq!(s.text(), "Công an xã Ea Tu có 3 tổ.");
        let three = s.text().find('3').unwrap();
        assert_eq!(s.doc_range(three..three + 1), 46..47);
        assert_eq!(s.local_range(&(46..47)), Some(three..three + 1));
        // A mention before the slice has no place in it (no wrap-around).
        assert_eq!(s.local_range(&(0..5)), None);
        let at = doc.locate_in(&s, three..three + 1);
        assert_eq!(at.text, "3");
        assert_eq!(at.bytes, ByteSpan([46, 47]));
    }

    #[test]
    fn slices_stay_on_character_boundaries() {
        let doc = Doc::plain("Đắk Lắk", &Options::default());
        let s = doc.slice(1..100);
        assert_eq!(s.text(), "Đắk Lắk");
        assert_eq!(s.doc_range(0..s.text().len()), 0..doc.text().len());
    }
}

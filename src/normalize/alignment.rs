//! Mapping ranges of a normalized text back to the original.
//!
//! Each normalization pass records only what it replaced: a sorted, sparse
//! list of edits (`original range` → `normalized range`). Everything between
//! edits is copied unchanged, so a position there maps by a constant shift.
//! Several passes stack; mapping walks them back in reverse order.

use std::ops::Range;

/// One replacement made by a pass: `orig` bytes of its input became `norm`
/// bytes of its output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Edit {
    /// Byte range in the pass's input.
    pub orig: Range<usize>,
    /// Byte range in the pass's output.
    pub norm: Range<usize>,
}

/// The edits of one pass, sorted and non-overlapping.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Pass {
    edits: Vec<Edit>,
}

impl Pass {
    /// Records a replacement. Edits must arrive in order. Touching edits
    /// are kept apart so that each maps back on its own.
    pub fn push(&mut self, orig: Range<usize>, norm: Range<usize>) {
        self.edits.push(Edit { orig, norm });
    }

    /// Extends the last edit up to `orig_end` of the input and `norm_end`
    /// of the output (what lies between was copied): one edit for a word
    /// changed in several places.
    pub(crate) fn extend_last(&mut self, orig_end: usize, norm_end: usize) {
        if let Some(e) = self.edits.last_mut() {
            e.orig.end = orig_end;
            e.norm.end = norm_end;
        }
    }

    /// Whether the pass changed nothing.
    pub fn is_empty(&self) -> bool {
        self.edits.is_empty()
    }

    /// The recorded edits.
    #[cfg(test)]
    pub fn edits(&self) -> &[Edit] {
        &self.edits
    }

    /// Maps a position of the output back to the input. A position inside a
    /// replaced stretch snaps to its start (`end == false`) or end.
    fn map(&self, pos: usize, end: bool) -> usize {
        // Last edit that starts at or before `pos`.
        let i = self.edits.partition_point(|e| e.norm.start <= pos);
        if i == 0 {
            return pos;
        }
        let e = &self.edits[i - 1];
        if pos >= e.norm.end {
            // An empty replacement (a dropped character) sits exactly at `pos`:
            // a start maps after it, an end before it.
            if pos == e.norm.end && e.norm.is_empty() && end {
                return e.orig.start;
            }
            e.orig.end + (pos - e.norm.end)
        } else if pos == e.norm.start {
            e.orig.start
        } else if end {
            e.orig.end
        } else {
            e.orig.start
        }
    }

    fn map_range(&self, r: Range<usize>) -> Range<usize> {
        let start = self.map(r.start, false);
        let end = self.map(r.end, true).max(start);
        start..end
    }
}

/// The alignment from a normalized text back to the caller's original.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Alignment {
    passes: Vec<Pass>,
}

impl Alignment {
    /// Adds the next pass (applied after all earlier ones).
    pub(crate) fn push_pass(&mut self, pass: Pass) {
        if !pass.is_empty() {
            self.passes.push(pass);
        }
    }

    /// Whether the normalized text is byte-for-byte the original.
    pub fn is_identity(&self) -> bool {
        self.passes.is_empty()
    }

    /// Maps a byte range of the normalized text to the byte range of the
    /// original it came from. The result lies on character boundaries of the
    /// original when the input range lies on boundaries of the normalized text.
    pub fn to_original(&self, range: Range<usize>) -> Range<usize> {
        self.passes
            .iter()
            .rev()
            .fold(range, |r, pass| pass.map_range(r))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_through_one_pass() {
        // "xa\u{200b}b" -> "xab": the zero-width space (3 bytes) was dropped.
        let mut p = Pass::default();
        p.push(2..5, 2..2);
        let mut a = Alignment::default();
        a.push_pass(p);
        assert_eq!(a.to_original(0..2), 0..2);
        assert_eq!(a.to_original(2..3), 5..6);
        assert_eq!(a.to_original(0..3), 0..6);
    }

    #[test]
    fn snaps_inside_replacements() {
        // "hoà x" (hoà = 5 bytes) -> "hòa x" (5 bytes), whole word replaced.
        let mut p = Pass::default();
        p.push(0..5, 0..5);
        let mut a = Alignment::default();
        a.push_pass(p);
        assert_eq!(a.to_original(1..3), 0..5);
        assert_eq!(a.to_original(6..7), 6..7);
    }

    #[test]
    fn composes_passes_in_reverse() {
        let mut first = Pass::default();
        first.push(0..2, 0..1); // two bytes became one
        let mut second = Pass::default();
        second.push(3..3, 3..6); // three bytes inserted
        let mut a = Alignment::default();
        a.push_pass(first);
        a.push_pass(second);
        assert_eq!(a.to_original(6..7), 4..5);
        assert_eq!(a.to_original(0..1), 0..2);
    }
}

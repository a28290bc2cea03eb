//! Byte offsets to code-point offsets, for spans in the JSON output.

/// Converts byte offsets of one text to code-point offsets in O(1) amortised
/// per lookup: a checkpoint every `STRIDE` bytes, then a short count.
#[derive(Debug, Clone)]
pub struct CharOffsets<'a> {
    text: &'a str,
    /// Code points before byte `i * STRIDE` (rounded down to a boundary).
    checkpoints: Vec<(usize, usize)>,
}

const STRIDE: usize = 256;

impl<'a> CharOffsets<'a> {
    /// Indexes `text`.
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 2);
        let mut chars = 0;
        let mut start = 0;
        while start < bytes.len() {
            checkpoints.push((start, chars));
            let mut end = (start + STRIDE).min(bytes.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            // Characters are the bytes that are not UTF-8 continuation bytes.
            chars += bytes[start..end]
                .iter()
                .filter(|&&b| (b as i8) >= -0x40)
                .count();
            start = end;
        }
        checkpoints.push((text.len(), chars));
        CharOffsets { text, checkpoints }
    }

    /// The code-point offset of byte offset `byte` (clamped to the text and
    /// moved back to a character boundary).
    pub fn char_offset(&self, byte: usize) -> usize {
        let mut byte = byte.min(self.text.len());
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        let i = self.checkpoints.partition_point(|&(b, _)| b <= byte);
        let (b0, c0) = self.checkpoints[i.saturating_sub(1)];
        c0 + self.text[b0..byte].chars().count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_a_plain_count() {
        let text = "Công an ".repeat(100) + "Trà Vinh";
        let o = CharOffsets::new(&text);
        for (b, _) in text.char_indices().step_by(7) {
            assert_eq!(o.char_offset(b), text[..b].chars().count());
        }
        assert_eq!(o.char_offset(text.len()), text.chars().count());
    }
}

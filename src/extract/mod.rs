//! Fact extraction: one module per fact family, all run by [`Extractor`].
//!
//! Every extractor reads the normalized text (NFC, one tone style, clean
//! spaces) and reports byte ranges of it; [`Doc::locate`] turns those into
//! mentions of the caller's original text.

use crate::abbrev::Dictionary;
use crate::normalize::{Normalized, Options, normalize};
use crate::offsets::CharOffsets;
use crate::record::Abbreviation;
use crate::record::{Article, Range2};
use std::ops::Range;
use std::sync::Arc;

/// Runs every extractor over one article. Built once, immutable, shareable
/// across threads.
///
/// ```
/// let extractor = anninh::Extractor::new();
/// let article = extractor.extract("Công an tỉnh Trà Vinh");
/// assert_eq!(article.schema, "anninh/1");
/// ```
#[derive(Debug, Clone)]
pub struct Extractor {
    options: Options,
    abbreviations: Arc<Dictionary>,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

impl Extractor {
    /// An extractor with the embedded data and default normalization.
    pub fn new() -> Self {
        Extractor {
            options: Options::default(),
            abbreviations: Arc::new(Dictionary::embedded().clone()),
        }
    }

    /// The same extractor with other normalization options.
    pub fn with_options(mut self, options: Options) -> Self {
        self.options = options;
        self
    }

    /// The same extractor with another abbreviation dictionary.
    pub fn with_abbreviations(mut self, dictionary: Dictionary) -> Self {
        self.abbreviations = Arc::new(dictionary);
        self
    }

    /// Extracts the facts of one article. Never fails and never panics:
    /// text it cannot read yields fewer facts.
    pub fn extract(&self, text: &str) -> Article {
        let doc = Doc::new(text, &self.options);
        let mut article = Article::empty();
        let body = 0..doc.text().len();
        article.body = Some([0, text.len()]);
        article.abbreviations = self
            .abbreviations
            .find_in(&doc, body)
            .into_iter()
            .map(|m| {
                let at = doc.locate(m.range);
                Abbreviation {
                    text: at.text,
                    expansion: m.expansion,
                    span: at.span,
                    bytes: at.bytes,
                }
            })
            .collect();
        article
    }
}

/// One article being read: the original, its normalized form, and offsets.
pub(crate) struct Doc<'a> {
    /// The caller's text.
    pub original: &'a str,
    /// Its normalized form, which extractors read.
    pub norm: Normalized<'a>,
    offsets: CharOffsets<'a>,
}

/// Where a mention stands in the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Located {
    pub text: String,
    pub span: Range2,
    pub bytes: Range2,
}

impl<'a> Doc<'a> {
    pub fn new(original: &'a str, options: &Options) -> Self {
        Doc {
            original,
            norm: normalize(original, options),
            offsets: CharOffsets::new(original),
        }
    }

    /// The normalized text.
    pub fn text(&self) -> &str {
        self.norm.text()
    }

    /// The mention of the original text that a normalized range came from.
    pub fn locate(&self, range: Range<usize>) -> Located {
        let r = self.norm.to_original(range);
        Located {
            text: self.original[r.clone()].to_string(),
            span: [
                self.offsets.char_offset(r.start),
                self.offsets.char_offset(r.end),
            ],
            bytes: [r.start, r.end],
        }
    }
}

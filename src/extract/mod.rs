//! Fact extraction: one module per fact family, all run by [`Extractor`].
//!
//! Every extractor reads the normalized text (NFC, one tone style, clean
//! spaces) and reports byte ranges of it; `Doc::locate` turns those into
//! mentions of the caller's original text.

pub mod article;
pub mod count;
pub mod date;
pub mod legal;
pub mod locality;
pub mod model;
pub mod number;

use crate::abbrev::Dictionary;
use crate::gazetteer::{Era, Gazetteer};
use crate::normalize::{Normalized, Options, normalize};
use crate::offsets::CharOffsets;
use crate::record::{
    Abbreviation, Author, Count, DateKind, DateMention, DateValue, LegalDocument, Locality, Model,
    Published, Quantity,
};
use crate::record::{Article, Range2};
use regex::Regex;
use std::ops::Range;
use std::sync::Arc;
use std::sync::LazyLock;

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
    abbreviations: Shared<Dictionary>,
    gazetteer: Shared<Gazetteer>,
}

/// Data that is either the embedded static or the user's own.
#[derive(Debug, Clone)]
enum Shared<T: 'static> {
    Embedded(&'static T),
    Own(Arc<T>),
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        match self {
            Shared::Embedded(t) => t,
            Shared::Own(t) => t,
        }
    }
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
            abbreviations: Shared::Embedded(Dictionary::embedded()),
            gazetteer: Shared::Embedded(Gazetteer::embedded()),
        }
    }

    /// The same extractor with other normalization options.
    pub fn with_options(mut self, options: Options) -> Self {
        self.options = options;
        self
    }

    /// The same extractor with another abbreviation dictionary.
    pub fn with_abbreviations(mut self, dictionary: Dictionary) -> Self {
        self.abbreviations = Shared::Own(Arc::new(dictionary));
        self
    }

    /// The same extractor with another gazetteer.
    pub fn with_gazetteer(mut self, gazetteer: Gazetteer) -> Self {
        self.gazetteer = Shared::Own(Arc::new(gazetteer));
        self
    }

    /// Extracts the facts of one article. Never fails and never panics:
    /// text it cannot read yields fewer facts.
    pub fn extract(&self, text: &str) -> Article {
        let doc = Doc::new(text, &self.options);
        let norm = doc.text();
        let layout = article::layout(norm);
        let body = layout.body.clone();
        let in_body = |r: &Range<usize>| body.start <= r.start && r.end <= body.end;
        let mut article = Article::empty();
        let body_orig = doc.norm.to_original(body.clone());
        article.body = Some([body_orig.start, body_orig.end]);
        article.title = layout.title.clone().map(|t| doc.locate(t).text);

        let all_dates = date::find(norm);
        // A labelled date line above the body (`Cập nhật lúc ...`) is the
        // publication time, and a date mention with it.
        let (published, published_at) = published(&doc, &layout, &all_dates).unzip();
        article.published = published;
        let dates: Vec<date::DateFound> = all_dates
            .into_iter()
            .filter(|d| in_body(&d.range) || published_at.as_ref() == Some(&d.range))
            .collect();
        article.dates = dates
            .iter()
            .map(|d| {
                let at = doc.locate(d.range.clone());
                DateMention {
                    text: at.text,
                    kind: d.kind,
                    value: d.value.clone(),
                    span: at.span,
                    bytes: at.bytes,
                }
            })
            .collect();

        let mut excluded: Vec<Range<usize>> = dates.iter().map(|d| d.range.clone()).collect();
        excluded.extend(short_quotes(norm, body.clone()));
        let shifted: Vec<Range<usize>> = excluded
            .iter()
            .filter(|r| r.start >= body.start && r.end <= body.end)
            .map(|r| r.start - body.start..r.end - body.start)
            .collect();
        article.counts = count::find(&norm[body.clone()], &shifted)
            .into_iter()
            .map(|c| {
                let at = doc.locate(c.range.start + body.start..c.range.end + body.start);
                Count {
                    text: at.text,
                    value: Quantity(c.value),
                    approx: c.approx,
                    unit: c.unit,
                    subject: c.subject,
                    span: at.span,
                    bytes: at.bytes,
                }
            })
            .collect();

        article.abbreviations = self
            .abbreviations
            .find_in(&doc, body.clone())
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

        article.models = model::find(&norm[body.clone()])
            .into_iter()
            .map(|m| {
                let range = m.range.start + body.start..m.range.end + body.start;
                let at = doc.locate(range.clone());
                let canonical = self
                    .abbreviations
                    .expand(&norm[range], crate::abbrev::Style::Replace)
                    .text;
                Model {
                    // A name broken by a line end reads as one line.
                    name: model::display_name(
                        &at.text.split_whitespace().collect::<Vec<_>>().join(" "),
                    ),
                    text: at.text,
                    kind: m.kind,
                    trigger: m.trigger,
                    canonical: Some(model::display_name(&canonical)),
                    span: at.span,
                    bytes: at.bytes,
                }
            })
            .collect();

        let known: Vec<legal::KnownDate> = dates
            .iter()
            .map(|d| legal::KnownDate {
                range: d.range.start - body.start..d.range.end - body.start,
                value: d.value.clone(),
            })
            .collect();
        article.legal_documents = legal::find(&norm[body.clone()], &known)
            .into_iter()
            .map(|d| {
                let at = doc.locate(d.range.start + body.start..d.range.end + body.start);
                LegalDocument {
                    text: at.text,
                    kind: d.kind,
                    number: d.number,
                    issued: d.issued,
                    issuer: d.issuer,
                    title: d.title,
                    span: at.span,
                    bytes: at.bytes,
                }
            })
            .collect();

        let era = era_of(article.published.as_ref(), &dates);
        article.localities = locality::find(&norm[body.clone()], &self.gazetteer, era)
            .into_iter()
            .map(|l| {
                let at = doc.locate(l.range.start + body.start..l.range.end + body.start);
                Locality {
                    text: at.text,
                    unit: l.unit,
                    name: l.name,
                    level: l.level,
                    province: l.province,
                    code: l.code,
                    span: at.span,
                    bytes: at.bytes,
                }
            })
            .collect();

        article.authors = layout
            .authors
            .iter()
            .map(|r| {
                let at = doc.locate(r.clone());
                Author {
                    name: article::name_case(&norm[r.clone()]),
                    text: at.text,
                    span: at.span,
                    bytes: at.bytes,
                }
            })
            .collect();
        article
    }
}

/// The administrative structure in force when the article was written:
/// from its publication date, else from the latest full date it states.
fn era_of(published: Option<&Published>, dates: &[date::DateFound]) -> Option<Era> {
    const REFORM: &str = "2025-07-01";
    if let Some(p) = published {
        return Some(if p.value.as_str() >= REFORM {
            Era::From2025
        } else {
            Era::Before2025
        });
    }
    let latest = dates
        .iter()
        .filter(|d| matches!(d.kind, DateKind::Date | DateKind::Datetime))
        .map(|d| match &d.value {
            DateValue::Point(p) => p.as_str(),
            DateValue::Range { end, .. } => end.as_str(),
        })
        .max()?;
    (latest >= REFORM).then_some(Era::From2025)
}

/// Quoted stretches short enough to be names or slogans (`“3 giảm, 3 giữ”`),
/// whose numbers are no counts.
fn short_quotes(text: &str, within: Range<usize>) -> Vec<Range<usize>> {
    static QUOTE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"“[^”\n]{1,80}”|"[^"\n]{1,80}"|«[^»\n]{1,80}»"#).expect("valid regex")
    });
    QUOTE
        .find_iter(&text[within.clone()])
        .map(|m| m.start() + within.start..m.end() + within.start)
        .collect()
}

/// The publication time: a date-time (or date) on the headline's line or
/// the short lines after it, or on a line labelled as such.
fn published(
    doc: &Doc,
    layout: &article::Layout,
    dates: &[date::DateFound],
) -> Option<(Published, Range<usize>)> {
    let text = doc.text();
    let labelled = |r: &Range<usize>| {
        let from = back(text, r.start, 80);
        let line_start = text[from..r.start]
            .rfind('\n')
            .map_or(from, |i| from + i + 1);
        let f = crate::normalize::fold(&text[line_start..r.start]);
        [
            "cap nhat",
            "ngay dang",
            "dang ngay",
            "dang luc",
            "xuat ban",
            "ngay:",
        ]
        .iter()
        .any(|l| f.contains(l))
    };
    let pick = dates
        .iter()
        .filter(|d| matches!(d.kind, DateKind::Datetime | DateKind::Date))
        .filter(|d| {
            let in_header = layout.header.start <= d.range.start
                && d.range.end <= layout.header.end
                && layout.title.as_ref().is_none_or(|t| d.range.start >= t.end);
            let in_body = layout.body.start <= d.range.start && d.range.end <= layout.body.end;
            (in_header && (layout.title.is_some() || d.kind == DateKind::Datetime))
                || labelled(&d.range)
                    && d.range.start < layout.body.start + 2000
                    && (in_body || d.range.end <= layout.body.start)
        })
        .min_by_key(|d| (d.kind != DateKind::Datetime, d.range.start))?;
    let at = doc.locate(pick.range.clone());
    let value = match &pick.value {
        DateValue::Point(p) => p.clone(),
        DateValue::Range { start, .. } => start.clone(),
    };
    Some((
        Published {
            value,
            text: at.text,
            span: at.span,
            bytes: at.bytes,
        },
        pick.range.clone(),
    ))
}

/// The char boundary at most `limit` bytes before `at`: look-backs stay
/// bounded, so no input (one endless line) makes extraction quadratic.
pub(crate) fn back(text: &str, at: usize, limit: usize) -> usize {
    let mut i = at.saturating_sub(limit);
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The char boundary at most `limit` bytes after `at`.
pub(crate) fn ahead(text: &str, at: usize, limit: usize) -> usize {
    let mut i = (at + limit).min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i.max(at)
}

/// Whether `i` starts a word: no letter or digit right before it. (Used
/// instead of `\b` in patterns: a Unicode `\b` keeps the regex engine off
/// its fast path.)
pub(crate) fn word_start(text: &str, i: usize) -> bool {
    !text[..i]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

/// Whether `i` ends a word: no letter or digit right after it.
pub(crate) fn word_end(text: &str, i: usize) -> bool {
    !text[i..].chars().next().is_some_and(char::is_alphanumeric)
}

/// One article being read: the original, its normalized form, and offsets.
pub(crate) struct Doc<'a> {
    /// The caller's text.
    pub original: &'a str,
    /// Its normalized form, which extractors read.
    pub norm: Normalized<'a>,
    /// Built on the first [`Doc::locate`]: finding abbreviations alone
    /// never needs it.
    offsets: std::cell::OnceCell<CharOffsets<'a>>,
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
            offsets: std::cell::OnceCell::new(),
        }
    }

    /// The normalized text.
    pub fn text(&self) -> &str {
        self.norm.text()
    }

    /// The mention of the original text that a normalized range came from.
    pub fn locate(&self, range: Range<usize>) -> Located {
        let r = self.norm.to_original(range);
        let offsets = self.offsets.get_or_init(|| CharOffsets::new(self.original));
        Located {
            text: self.original[r.clone()].to_string(),
            span: [offsets.char_offset(r.start), offsets.char_offset(r.end)],
            bytes: [r.start, r.end],
        }
    }
}

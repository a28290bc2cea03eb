//! Fact extraction: one module per fact family, all run by [`Extractor`].
//!
//! Every family has the same shape, `fn find(doc: &Doc, ctx: &Context) ->
//! Vec<Record>`: it reads the document's normalized text (or its body, a
//! [`Slice`](crate::doc::Slice) that keeps its offset) and returns the
//! record type of its facts, each placed in the caller's text by
//! [`Doc::locate`]. What several families need (the dates of the text,
//! the publication date, the abbreviations) is worked out once per article
//! by the [`Context`], on first use.
//!
//! Adding a fact type: a module here with its `find`, a field of
//! [`Article`] and a [`FactType`] variant.

mod abbreviation;
mod article;
mod count;
mod date;
mod legal;
mod locality;
mod model;
mod number;

use crate::abbrev::{Dictionary, Match};
use crate::chars::is_upper;
use crate::doc::Doc;
use crate::gazetteer::{Era, Gazetteer};
use crate::normalize::Options;
use crate::record::{Article, DateKind, FactType};
use std::cell::OnceCell;
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
    abbreviations: Shared<Dictionary>,
    gazetteer: Shared<Gazetteer>,
    types: Vec<FactType>,
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

/// A composed article that reaches the patterns of every family, read by
/// [`Extractor::prepare`].
const PREPARE_TEXT: &str = "Công an xã Tân Lập ra mắt 5 mô hình tự quản
Thứ Hai, 14/03/2022 09:05 GMT+7
TTO - Sáng nay 9-4, từ 8 giờ đến 10 giờ ngày 2/3/2022, Công an tỉnh (CAT) và \
MTTQ tổ chức 12 đợt tuần tra theo Kế hoạch số 15/KH-CAT ngày 1-3-2022, Chỉ thị \
về phòng chống tội phạm, Luật Phòng, chống ma túy năm 2021, Nghị quyết Trung \
ương 6 (khóa XI), từ ngày 11 đến 16/9, từ năm 2019 - 2021, quý III/2018, tháng \
Giêng năm 2022, ngày 5/4/19, 2022-03-14; phong trào “Toàn dân bảo vệ an ninh \
Tổ quốc”, mô hình “Camera an ninh” thu 3,5kg ma túy, ba chục khẩu súng.
Nguyễn Văn An
";

impl Extractor {
    /// Builds, once per process, what every extractor shares (the
    /// patterns of each family, the normalizer's automata, the embedded
    /// dictionary), which the first article would otherwise build. The
    /// embedded gazetteer is loaded apart ([`Gazetteer::embedded`]): a
    /// program that starts often (a command line over one file, a mapper)
    /// calls this on a second thread while the first loads the gazetteer,
    /// and the two halves of start-up overlap (a third thread may build the
    /// normalizer's part: `normalize::normalize` of any Vietnamese text).
    pub fn prepare() {
        let no_places = Arc::new(Gazetteer::default());
        let without_places = Extractor {
            options: Options::default(),
            abbreviations: Shared::Embedded(Dictionary::embedded()),
            gazetteer: Shared::Own(Arc::clone(&no_places)),
            types: FactType::ALL.to_vec(),
        };
        // The composed text is normalized already: the patterns first,
        // then the normalizer's automata (the longest single part, which a
        // third thread may be building meanwhile).
        without_places.extract_doc(Doc::verbatim(PREPARE_TEXT, &no_places));
        crate::normalize::normalize(PREPARE_TEXT, &Options::default());
    }

    /// An extractor with the embedded data and default normalization,
    /// finding every fact type.
    pub fn new() -> Self {
        Extractor {
            options: Options::default(),
            abbreviations: Shared::Embedded(Dictionary::embedded()),
            gazetteer: Shared::Embedded(Gazetteer::embedded()),
            types: FactType::ALL.to_vec(),
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

    /// The same extractor finding only these fact types (the others stay
    /// empty, and the work they need is not done).
    ///
    /// ```
    /// use anninh::{Extractor, FactType};
    /// let only = Extractor::new().with_types([FactType::Counts]);
    /// let a = only.extract("Công an xã Ea Tu tổ chức 3 buổi tuyên truyền.");
    /// assert_eq!(a.counts.len(), 1);
    /// assert!(a.localities.is_empty());
    /// ```
    pub fn with_types(mut self, types: impl IntoIterator<Item = FactType>) -> Self {
        self.types = types.into_iter().collect();
        self
    }

    /// The normalization options in use.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Extracts the facts of one article. Never fails and never panics:
    /// text it cannot read yields fewer facts.
    pub fn extract(&self, text: &str) -> Article {
        self.extract_doc(Doc::new(text, &self.options, &self.gazetteer))
    }

    fn extract_doc(&self, doc: Doc<'_>) -> Article {
        let ctx = Context::new(&self.abbreviations, &self.gazetteer);
        let mut article = Article::empty();
        let body = doc.to_original(doc.layout().body.clone());
        article.body = Some(crate::record::ByteSpan([body.start, body.end]));
        for &t in FactType::ALL {
            if !self.types.contains(&t) {
                continue;
            }
            match t {
                FactType::Title => {
                    if let Some(t) = article::title(&doc, &ctx) {
                        article.title = Some(t.text);
                        article.title_span = Some(t.span);
                        article.title_bytes = Some(t.bytes);
                    }
                }
                FactType::Published => article.published = article::published(&doc, &ctx),
                FactType::Authors => article.authors = article::authors(&doc, &ctx),
                FactType::Counts => article.counts = count::find(&doc, &ctx),
                FactType::Dates => article.dates = date::find(&doc, &ctx),
                FactType::Localities => article.localities = locality::find(&doc, &ctx),
                FactType::Models => article.models = model::find(&doc, &ctx),
                FactType::LegalDocuments => {
                    article.legal_documents = legal::find(&doc, &ctx);
                }
                FactType::Abbreviations => {
                    article.abbreviations = abbreviation::find(&doc, &ctx);
                }
            }
        }
        article
    }
}

/// What the families of one article share: the data, and the findings
/// that several families need, each worked out once on first use.
pub(crate) struct Context<'e> {
    /// The abbreviation dictionary.
    pub dictionary: &'e Dictionary,
    /// The gazetteer.
    pub gazetteer: &'e Gazetteer,
    dates: OnceCell<Vec<date::DateFound>>,
    published: OnceCell<Option<Range<usize>>>,
    abbreviations: OnceCell<Vec<Match>>,
    localities: OnceCell<Vec<locality::LocalityFound>>,
}

impl<'e> Context<'e> {
    fn new(dictionary: &'e Dictionary, gazetteer: &'e Gazetteer) -> Self {
        Context {
            dictionary,
            gazetteer,
            dates: OnceCell::new(),
            published: OnceCell::new(),
            abbreviations: OnceCell::new(),
            localities: OnceCell::new(),
        }
    }

    /// Every calendar expression of the whole text (normalized
    /// coordinates), page furniture included: the publication date may
    /// stand above the body.
    pub fn all_dates(&self, doc: &Doc) -> &[date::DateFound] {
        self.dates.get_or_init(|| date::scan(doc.text()))
    }

    /// The range of the date that is the publication time, if any.
    pub fn published_at(&self, doc: &Doc) -> Option<Range<usize>> {
        self.published
            .get_or_init(|| article::published_range(doc, self.all_dates(doc)))
            .clone()
    }

    /// The dates that are facts: those of the body, and the publication
    /// date wherever it stands.
    pub fn dates<'c>(&'c self, doc: &'c Doc) -> impl Iterator<Item = &'c date::DateFound> + 'c {
        let published = self.published_at(doc);
        self.all_dates(doc)
            .iter()
            .filter(move |d| doc.in_body(&d.range) || published.as_ref() == Some(&d.range))
    }

    /// The abbreviations of the body (normalized coordinates). Tags after
    /// the byline's names are the author's unit, no abbreviation of the
    /// text (`Hữu Hùng - CATX`); the unit words of places written short
    /// are (`P. Hòa Khánh Nam`, which alone reads like an initial).
    pub fn abbreviations(&self, doc: &Doc) -> &[Match] {
        self.abbreviations.get_or_init(|| {
            let text = doc.text();
            let mut found = self.dictionary.find_in(doc, doc.layout().body.clone());
            if let Some(first) = doc.layout().authors.first() {
                let line_end = text[first.start..]
                    .find('\n')
                    .map_or(text.len(), |i| first.start + i);
                found.retain(|m| m.range.start < first.start || m.range.start > line_end);
            }
            // (`found` is in text order: whether a unit word is already
            // covered is a binary search.)
            let covered = |r: &Range<usize>| {
                let k = found.partition_point(|m| m.range.start < r.end);
                found[..k].last().is_some_and(|m| m.range.end > r.start)
            };
            let mut units = Vec::new();
            for l in self.localities(doc) {
                let Some(unit) = l.unit.as_deref() else {
                    continue;
                };
                let unit_range = l.range.start..l.range.start + unit.len();
                let written = text.get(unit_range.clone()) == Some(unit);
                let short = unit.starts_with(is_upper) && unit.chars().count() <= 3;
                if !written || !short || covered(&unit_range) {
                    continue;
                }
                if let Some(expansion) = self
                    .dictionary
                    .dictionary_expansion(text, unit_range.clone())
                {
                    units.push(Match {
                        range: unit_range,
                        expansion,
                    });
                }
            }
            found.extend(units);
            found.sort_by_key(|m| m.range.start);
            found
        })
    }

    /// The body's localities (normalized coordinates), resolved in the
    /// structure of the article's time.
    pub fn localities(&self, doc: &Doc) -> &[locality::LocalityFound] {
        self.localities.get_or_init(|| {
            let body = doc.body();
            let mut found: Vec<locality::LocalityFound> =
                locality::scan(body.text(), self.gazetteer, self.era(doc))
                    .into_iter()
                    .map(|mut l| {
                        l.range = body.doc_range(l.range);
                        l
                    })
                    .collect();
            locality::same_place_misspelt(&mut found);
            found
        })
    }

    /// The administrative structure in force when the article was written:
    /// from its publication date, else from the latest full date it states.
    pub fn era(&self, doc: &Doc) -> Option<Era> {
        const REFORM: &str = "2025-07-01";
        if let Some(at) = self.published_at(doc)
            && let Some(d) = self.all_dates(doc).iter().find(|d| d.range == at)
        {
            return Some(if d.value.start() >= REFORM {
                Era::From2025
            } else {
                Era::Before2025
            });
        }
        let latest = self
            .dates(doc)
            .filter(|d| matches!(d.kind, DateKind::Date | DateKind::Datetime))
            .map(|d| d.value.end())
            .max()?;
        (latest >= REFORM).then_some(Era::From2025)
    }
}

//! The output records of schema `anninh/1` (see `facts-spec.md`).
//!
//! Every mention carries `text` (the original input between its offsets),
//! `span` (code points, half-open) and `bytes` (UTF-8 bytes, half-open), both
//! in the text the caller passed in. Unknown values serialize as `null`;
//! arrays are always present.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The schema identifier written in every record.
pub const SCHEMA: &str = "anninh/1";

/// A half-open `[start, end)` range, serialized as a two-element array.
pub type Range2 = [usize; 2];

/// A mention's place in the caller's text in Unicode code points,
/// `[start, end)`: what Python's `s[start:end]` takes. Serialized as a
/// two-element array.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(transparent)]
pub struct Span(pub Range2);

/// A mention's place in the caller's text in UTF-8 bytes, `[start, end)`:
/// what Rust's `&s[start..end]` takes. Serialized as a two-element array.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(transparent)]
pub struct ByteSpan(pub Range2);

impl Span {
    /// The first code point.
    pub fn start(&self) -> usize {
        self.0[0]
    }

    /// One past the last code point.
    pub fn end(&self) -> usize {
        self.0[1]
    }

    /// The code points of `text` in this span (`None` when it lies outside).
    ///
    /// ```
    /// let text = "Công an xã Ea Tu tổ chức 3 buổi tuyên truyền.";
    /// let a = anninh::Extractor::new().extract(text);
    /// assert_eq!(a.counts[0].span.slice(text), Some("3 buổi"));
    /// ```
    pub fn slice<'t>(&self, text: &'t str) -> Option<&'t str> {
        let mut offsets = text.char_indices().map(|(i, _)| i).chain([text.len()]);
        let start = offsets.nth(self.start())?;
        let end = if self.end() == self.start() {
            start
        } else {
            offsets.nth(self.end().checked_sub(self.start() + 1)?)?
        };
        text.get(start..end)
    }
}

impl ByteSpan {
    /// The first byte.
    pub fn start(&self) -> usize {
        self.0[0]
    }

    /// One past the last byte.
    pub fn end(&self) -> usize {
        self.0[1]
    }

    /// The range, for slicing.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start()..self.end()
    }

    /// The bytes of `text` in this span (`None` when they are not a
    /// stretch of it on character boundaries).
    ///
    /// ```
    /// let text = "Công an xã Ea Tu tổ chức 3 buổi tuyên truyền.";
    /// let a = anninh::Extractor::new().extract(text);
    /// assert_eq!(a.counts[0].bytes.slice(text), Some("3 buổi"));
    /// ```
    pub fn slice<'t>(&self, text: &'t str) -> Option<&'t str> {
        text.get(self.range())
    }
}

impl std::ops::Deref for Span {
    type Target = Range2;
    fn deref(&self) -> &Range2 {
        &self.0
    }
}

impl std::ops::Deref for ByteSpan {
    type Target = Range2;
    fn deref(&self) -> &Range2 {
        &self.0
    }
}

/// Spans are written as sequences (`[start, end]`), not tuples, so that
/// every serde format shows them as lists, as JSON does.
fn serialize_range<S: Serializer>(r: &Range2, s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeSeq;
    let mut seq = s.serialize_seq(Some(2))?;
    seq.serialize_element(&r[0])?;
    seq.serialize_element(&r[1])?;
    seq.end()
}

impl Serialize for Span {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_range(&self.0, s)
    }
}

impl Serialize for ByteSpan {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_range(&self.0, s)
    }
}

impl From<Range2> for Span {
    fn from(r: Range2) -> Self {
        Span(r)
    }
}

impl From<Range2> for ByteSpan {
    fn from(r: Range2) -> Self {
        ByteSpan(r)
    }
}

/// One article's facts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// Where the article came from (a path or an id), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The headline, as written.
    #[serde(default)]
    pub title: Option<String>,
    /// Where the headline stands (code points), when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_span: Option<Span>,
    /// Where the headline stands (bytes), when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_bytes: Option<ByteSpan>,
    /// When the article was published or last updated.
    #[serde(default)]
    pub published: Option<Published>,
    /// Byline names.
    #[serde(default)]
    pub authors: Vec<Author>,
    /// Quantities.
    #[serde(default)]
    pub counts: Vec<Count>,
    /// Calendar expressions.
    #[serde(default)]
    pub dates: Vec<DateMention>,
    /// Administrative places.
    #[serde(default)]
    pub localities: Vec<Locality>,
    /// Named initiatives: models, movements, campaigns.
    #[serde(default)]
    pub models: Vec<Model>,
    /// Cited legal and party documents.
    #[serde(default)]
    pub legal_documents: Vec<LegalDocument>,
    /// Domain abbreviations and their expansions.
    #[serde(default)]
    pub abbreviations: Vec<Abbreviation>,
    /// The legacy encoding the input was converted from (`tcvn3`, `vni`,
    /// `windows-1258`, `viscii`), when it was not Unicode; offsets then
    /// refer to the converted text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// Byte range of the input that was read as the article body (header
    /// and byline included, page furniture excluded).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<ByteSpan>,
}

impl Article {
    /// An article with no facts yet.
    pub fn empty() -> Self {
        Article {
            schema: SCHEMA.to_string(),
            source: None,
            title: None,
            title_span: None,
            title_bytes: None,
            published: None,
            authors: Vec::new(),
            counts: Vec::new(),
            dates: Vec::new(),
            localities: Vec::new(),
            models: Vec::new(),
            legal_documents: Vec::new(),
            abbreviations: Vec::new(),
            encoding: None,
            body: None,
        }
    }
}

impl Article {
    /// Every fact of the article, type by type in the order of
    /// [`FactType::ALL`], each in text order.
    ///
    /// ```
    /// let a = anninh::Extractor::new().extract("Công an xã Ea Tu tổ chức 3 buổi tuyên truyền.");
    /// let texts: Vec<&str> = a.facts().map(|f| f.text()).collect();
    /// assert_eq!(texts, ["3 buổi", "xã Ea Tu"]);
    /// ```
    pub fn facts(&self) -> impl Iterator<Item = Fact<'_>> + '_ {
        FactType::ALL
            .iter()
            .flat_map(move |&t| -> Box<dyn Iterator<Item = Fact<'_>> + '_> {
                match t {
                    FactType::Counts => Box::new(self.counts.iter().map(Fact::Count)),
                    FactType::Dates => Box::new(self.dates.iter().map(Fact::Date)),
                    FactType::Localities => Box::new(self.localities.iter().map(Fact::Locality)),
                    FactType::Models => Box::new(self.models.iter().map(Fact::Model)),
                    FactType::LegalDocuments => {
                        Box::new(self.legal_documents.iter().map(Fact::LegalDocument))
                    }
                    FactType::Abbreviations => {
                        Box::new(self.abbreviations.iter().map(Fact::Abbreviation))
                    }
                    FactType::Published => Box::new(self.published.iter().map(Fact::Published)),
                    FactType::Authors => Box::new(self.authors.iter().map(Fact::Author)),
                    FactType::Title => Box::new(self.title.as_deref().into_iter().map(Fact::Title)),
                }
            })
    }
}

impl Default for Article {
    fn default() -> Self {
        Article::empty()
    }
}

/// Publication time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Published {
    /// ISO 8601: `2020-12-17T07:51:15+07:00`, `2022-06-21T23:44`, `2020-08-19`.
    pub value: String,
    /// The original text.
    pub text: String,
    /// Code-point range.
    #[serde(default)]
    pub span: Span,
    /// Byte range.
    #[serde(default)]
    pub bytes: ByteSpan,
}

/// A byline name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Author {
    /// The name in the usual capitalisation (`Hoàng Phương`).
    pub name: String,
    /// The name as it stands in the byline (`HOÀNG PHƯƠNG`).
    #[serde(default)]
    pub text: String,
    /// Code-point range.
    #[serde(default)]
    pub span: Span,
    /// Byte range.
    #[serde(default)]
    pub bytes: ByteSpan,
}

/// How a quantity is qualified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Approx {
    /// As stated.
    Exact,
    /// hơn, trên, ngoài.
    MoreThan,
    /// ít nhất, tối thiểu, từ ... trở lên.
    AtLeast,
    /// khoảng, chừng, xấp xỉ, ước tính.
    About,
    /// gần, suýt soát.
    Nearly,
    /// dưới, chưa đến.
    LessThan,
    /// tối đa, không quá.
    AtMost,
    /// hàng chục, hàng trăm, ...
    OrderOfMagnitude,
}

/// A number that serializes as a JSON integer when it is integral.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default)]
pub struct Quantity(pub f64);

impl Quantity {
    /// The number.
    pub fn as_f64(&self) -> f64 {
        self.0
    }
}

impl Serialize for Quantity {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let v = self.0;
        if v.fract() == 0.0 && v.abs() < 9.0e15 {
            s.serialize_i64(v as i64)
        } else {
            s.serialize_f64(v)
        }
    }
}

impl<'de> Deserialize<'de> for Quantity {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        f64::deserialize(d).map(Quantity)
    }
}

/// A cardinal quantity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Count {
    /// Qualifier + number + unit, as written.
    pub text: String,
    /// The number.
    pub value: Quantity,
    /// Its qualifier.
    pub approx: Approx,
    /// The counted noun, as written (`%` and `đồng` for shares and money).
    #[serde(default)]
    pub unit: Option<String>,
    /// The longer noun phrase that says what was counted.
    #[serde(default)]
    pub subject: Option<String>,
    /// Code-point range.
    #[serde(default)]
    pub span: Span,
    /// Byte range.
    #[serde(default)]
    pub bytes: ByteSpan,
}

/// The kind of a calendar expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateKind {
    /// `YYYY-MM-DD`.
    Date,
    /// `YYYY-MM-DDThh:mm[:ss][±hh:mm]`.
    Datetime,
    /// `YYYY-MM`.
    Month,
    /// `YYYY`.
    Year,
    /// `--MM-DD`.
    DayMonth,
    /// `{start, end}`.
    Range,
}

/// The value of a calendar expression: one point, or a range of two.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(untagged)]
pub enum DateValue {
    /// A point in any of the point forms.
    Point(String),
    /// A range.
    Range {
        /// First point.
        start: String,
        /// Last point.
        end: String,
    },
}

impl DateValue {
    /// The point, or the range's first point.
    pub fn start(&self) -> &str {
        match self {
            DateValue::Point(p) => p,
            DateValue::Range { start, .. } => start,
        }
    }

    /// The point, or the range's last point.
    pub fn end(&self) -> &str {
        match self {
            DateValue::Point(p) => p,
            DateValue::Range { end, .. } => end,
        }
    }
}

/// A calendar expression.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateMention {
    /// As written.
    pub text: String,
    /// Its kind.
    pub kind: DateKind,
    /// Its value.
    pub value: DateValue,
    /// Code-point range.
    #[serde(default)]
    pub span: Span,
    /// Byte range.
    #[serde(default)]
    pub bytes: ByteSpan,
}

/// The administrative level of a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// tỉnh.
    Province,
    /// Centrally run city.
    Municipality,
    /// City of a province.
    City,
    /// huyện.
    District,
    /// quận.
    UrbanDistrict,
    /// thị xã.
    Town,
    /// xã.
    Commune,
    /// phường.
    Ward,
    /// thị trấn.
    Township,
    /// đặc khu.
    SpecialZone,
    /// thôn, bản, buôn, ấp, làng, xóm, khóm, sóc, plei.
    Village,
    /// tổ dân phố, khu phố, tổ.
    ResidentialGroup,
}

impl Level {
    /// Every level, from the top.
    pub const ALL: &'static [Level] = &[
        Level::Province,
        Level::Municipality,
        Level::City,
        Level::District,
        Level::UrbanDistrict,
        Level::Town,
        Level::Commune,
        Level::Ward,
        Level::Township,
        Level::SpecialZone,
        Level::Village,
        Level::ResidentialGroup,
    ];
}

/// A named administrative place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Locality {
    /// As written.
    pub text: String,
    /// The unit word as written, `null` for a bare name.
    #[serde(default)]
    pub unit: Option<String>,
    /// The name without its unit word.
    pub name: String,
    /// The level.
    pub level: Level,
    /// The province or municipality it belongs to.
    #[serde(default)]
    pub province: Option<String>,
    /// Official code in the gazetteer.
    #[serde(default)]
    pub code: Option<String>,
    /// Code-point range.
    #[serde(default)]
    pub span: Span,
    /// Byte range.
    #[serde(default)]
    pub bytes: ByteSpan,
}

/// The kind of a named initiative, from its trigger word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ModelKind {
    /// mô hình.
    Model,
    /// phong trào, phong trào thi đua.
    Movement,
    /// cuộc vận động.
    Campaign,
    /// chuyên đề.
    Topic,
    /// chương trình, đề án.
    Program,
    /// câu lạc bộ.
    Club,
}

/// A named initiative.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Model {
    /// The name as written, without quotes.
    pub text: String,
    /// The name (first letter capitalised).
    pub name: String,
    /// Its kind.
    pub kind: ModelKind,
    /// The trigger word that governs it.
    pub trigger: String,
    /// Abbreviations expanded, tone style normalized: the grouping key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical: Option<String>,
    /// Code-point range.
    #[serde(default)]
    pub span: Span,
    /// Byte range.
    #[serde(default)]
    pub bytes: ByteSpan,
}

/// A cited legal or party document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LegalDocument {
    /// As written.
    pub text: String,
    /// luật, nghị định, quyết định, chỉ thị, ... (lower case).
    pub kind: String,
    /// The number, normalized (`06/2014/NĐ-CP`).
    #[serde(default)]
    pub number: Option<String>,
    /// Date or year of issue.
    #[serde(default)]
    pub issued: Option<String>,
    /// Issuing body.
    #[serde(default)]
    pub issuer: Option<String>,
    /// Subject, as written.
    #[serde(default)]
    pub title: Option<String>,
    /// Code-point range.
    #[serde(default)]
    pub span: Span,
    /// Byte range.
    #[serde(default)]
    pub bytes: ByteSpan,
}

/// A domain abbreviation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Abbreviation {
    /// As written.
    pub text: String,
    /// What it stands for.
    pub expansion: String,
    /// Code-point range.
    #[serde(default)]
    pub span: Span,
    /// Byte range.
    #[serde(default)]
    pub bytes: ByteSpan,
}

/// `as_str`: each variant's name as the records write it (snake case).
macro_rules! record_names {
    ($t:ident { $($v:ident => $s:literal),* $(,)? }) => {
        impl $t {
            /// The name as the records write it (`more_than`, `day_month`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $($t::$v => $s,)*
                }
            }
        }
    };
}

record_names!(Approx {
    Exact => "exact",
    MoreThan => "more_than",
    AtLeast => "at_least",
    About => "about",
    Nearly => "nearly",
    LessThan => "less_than",
    AtMost => "at_most",
    OrderOfMagnitude => "order_of_magnitude",
});

record_names!(DateKind {
    Date => "date",
    Datetime => "datetime",
    Month => "month",
    Year => "year",
    DayMonth => "day_month",
    Range => "range",
});

record_names!(Level {
    Province => "province",
    Municipality => "municipality",
    City => "city",
    District => "district",
    UrbanDistrict => "urban_district",
    Town => "town",
    Commune => "commune",
    Ward => "ward",
    Township => "township",
    SpecialZone => "special_zone",
    Village => "village",
    ResidentialGroup => "residential_group",
});

record_names!(ModelKind {
    Model => "model",
    Movement => "movement",
    Campaign => "campaign",
    Topic => "topic",
    Program => "program",
    Club => "club",
});

/// One fact of an article, borrowed: see [`Article::facts`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Fact<'a> {
    /// The headline (it has no span in the record).
    Title(&'a str),
    /// The publication time.
    Published(&'a Published),
    /// A byline name.
    Author(&'a Author),
    /// A quantity.
    Count(&'a Count),
    /// A calendar expression.
    Date(&'a DateMention),
    /// An administrative place.
    Locality(&'a Locality),
    /// A named initiative.
    Model(&'a Model),
    /// A cited document.
    LegalDocument(&'a LegalDocument),
    /// An abbreviation.
    Abbreviation(&'a Abbreviation),
}

impl<'a> Fact<'a> {
    /// The type of the fact.
    pub fn fact_type(&self) -> FactType {
        match self {
            Fact::Title(_) => FactType::Title,
            Fact::Published(_) => FactType::Published,
            Fact::Author(_) => FactType::Authors,
            Fact::Count(_) => FactType::Counts,
            Fact::Date(_) => FactType::Dates,
            Fact::Locality(_) => FactType::Localities,
            Fact::Model(_) => FactType::Models,
            Fact::LegalDocument(_) => FactType::LegalDocuments,
            Fact::Abbreviation(_) => FactType::Abbreviations,
        }
    }

    /// The fact's text as it stands in the input.
    pub fn text(&self) -> &'a str {
        match self {
            Fact::Title(t) => t,
            Fact::Published(x) => &x.text,
            Fact::Author(x) => &x.text,
            Fact::Count(x) => &x.text,
            Fact::Date(x) => &x.text,
            Fact::Locality(x) => &x.text,
            Fact::Model(x) => &x.text,
            Fact::LegalDocument(x) => &x.text,
            Fact::Abbreviation(x) => &x.text,
        }
    }

    /// Code-point range in the input (none for the title).
    pub fn span(&self) -> Option<Span> {
        self.ranges().map(|(span, _)| span)
    }

    /// Byte range in the input (none for the title).
    pub fn bytes(&self) -> Option<ByteSpan> {
        self.ranges().map(|(_, bytes)| bytes)
    }

    fn ranges(&self) -> Option<(Span, ByteSpan)> {
        Some(match self {
            Fact::Title(_) => return None,
            Fact::Published(x) => (x.span, x.bytes),
            Fact::Author(x) => (x.span, x.bytes),
            Fact::Count(x) => (x.span, x.bytes),
            Fact::Date(x) => (x.span, x.bytes),
            Fact::Locality(x) => (x.span, x.bytes),
            Fact::Model(x) => (x.span, x.bytes),
            Fact::LegalDocument(x) => (x.span, x.bytes),
            Fact::Abbreviation(x) => (x.span, x.bytes),
        })
    }
}

/// The kinds of fact of a record, each named as its field of [`Article`]
/// (`counts`, `legal_documents`, ...). Scoring, summaries and tables
/// iterate [`FactType::ALL`] rather than repeating the names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FactType {
    /// [`Article::counts`].
    Counts,
    /// [`Article::dates`].
    Dates,
    /// [`Article::localities`].
    Localities,
    /// [`Article::models`].
    Models,
    /// [`Article::legal_documents`].
    LegalDocuments,
    /// [`Article::abbreviations`].
    Abbreviations,
    /// [`Article::published`].
    Published,
    /// [`Article::authors`].
    Authors,
    /// [`Article::title`].
    Title,
}

impl FactType {
    /// Every fact type, in the order of the scoring table.
    pub const ALL: &'static [FactType] = &[
        FactType::Counts,
        FactType::Dates,
        FactType::Localities,
        FactType::Models,
        FactType::LegalDocuments,
        FactType::Abbreviations,
        FactType::Published,
        FactType::Authors,
        FactType::Title,
    ];

    /// The field name (`legal_documents`).
    pub fn name(self) -> &'static str {
        match self {
            FactType::Counts => "counts",
            FactType::Dates => "dates",
            FactType::Localities => "localities",
            FactType::Models => "models",
            FactType::LegalDocuments => "legal_documents",
            FactType::Abbreviations => "abbreviations",
            FactType::Published => "published",
            FactType::Authors => "authors",
            FactType::Title => "title",
        }
    }

    /// How many facts of this type an article holds.
    pub fn count_in(self, article: &Article) -> usize {
        match self {
            FactType::Counts => article.counts.len(),
            FactType::Dates => article.dates.len(),
            FactType::Localities => article.localities.len(),
            FactType::Models => article.models.len(),
            FactType::LegalDocuments => article.legal_documents.len(),
            FactType::Abbreviations => article.abbreviations.len(),
            FactType::Published => usize::from(article.published.is_some()),
            FactType::Authors => article.authors.len(),
            FactType::Title => usize::from(article.title.is_some()),
        }
    }
}

impl std::fmt::Display for FactType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A fact type name that is none of [`FactType::ALL`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown fact type `{0}` (one of: counts, dates, localities, models, legal_documents, abbreviations, published, authors, title)"
)]
pub struct UnknownFactType(pub String);

impl std::str::FromStr for FactType {
    type Err = UnknownFactType;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        FactType::ALL
            .iter()
            .copied()
            .find(|t| t.name() == s)
            .ok_or_else(|| UnknownFactType(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_article_has_every_field() {
        let json = serde_json::to_string(&Article::empty()).unwrap();
        assert_eq!(
            json,
            r#"{"schema":"anninh/1","title":null,"published":null,"authors":[],"counts":[],"dates":[],"localities":[],"models":[],"legal_documents":[],"abbreviations":[]}"#
        );
    }

    #[test]
    fn fact_types_are_named_as_their_fields() {
        let json = serde_json::to_value(Article::empty()).unwrap();
        for t in FactType::ALL {
            assert!(json.get(t.name()).is_some(), "{t}");
            assert_eq!(t.name().parse::<FactType>(), Ok(*t));
        }
        assert!("count".parse::<FactType>().is_err());
    }

    #[test]
    fn names_are_the_serde_names() {
        let name = |v: serde_json::Value| v.as_str().unwrap().to_string();
        for a in [
            Approx::Exact,
            Approx::MoreThan,
            Approx::AtLeast,
            Approx::About,
            Approx::Nearly,
            Approx::LessThan,
            Approx::AtMost,
            Approx::OrderOfMagnitude,
        ] {
            assert_eq!(a.as_str(), name(serde_json::to_value(a).unwrap()));
        }
        for k in [
            DateKind::Date,
            DateKind::Datetime,
            DateKind::Month,
            DateKind::Year,
            DateKind::DayMonth,
            DateKind::Range,
        ] {
            assert_eq!(k.as_str(), name(serde_json::to_value(k).unwrap()));
        }
        for &l in Level::ALL {
            assert_eq!(l.as_str(), name(serde_json::to_value(l).unwrap()));
        }
        for m in [
            ModelKind::Model,
            ModelKind::Movement,
            ModelKind::Campaign,
            ModelKind::Topic,
            ModelKind::Program,
            ModelKind::Club,
        ] {
            assert_eq!(m.as_str(), name(serde_json::to_value(m).unwrap()));
        }
    }

    #[test]
    fn quantities_are_integral_when_whole() {
        assert_eq!(serde_json::to_string(&Quantity(2000.0)).unwrap(), "2000");
        assert_eq!(serde_json::to_string(&Quantity(0.74)).unwrap(), "0.74");
    }

    #[test]
    fn date_values_round_trip() {
        let r: DateValue = serde_json::from_str(r#"{"start":"2014","end":"2024"}"#).unwrap();
        assert_eq!(
            r,
            DateValue::Range {
                start: "2014".into(),
                end: "2024".into()
            }
        );
        let p: DateValue = serde_json::from_str(r#""--06-16""#).unwrap();
        assert_eq!(p, DateValue::Point("--06-16".into()));
    }
}

//! One row per fact: the flat table of an article's facts, for CSV files
//! and data frames. The command line's `--format csv` writes these rows and
//! the Python package builds its data frames from them.
//!
//! Every row has the same columns ([`COLUMNS`]); a column a fact type does
//! not have is empty. Numbers stay numbers: `value` holds a count's value
//! only, dates and publication times go to `date_value`, and the offsets are
//! integers on every row (the title's too).

use crate::record::{Article, DateValue};
use serde::Serialize;

/// The columns, in order (the field names of [`FactRow`]).
pub const COLUMNS: [&str; 24] = [
    "source",
    "type",
    "text",
    "start",
    "end",
    "byte_start",
    "byte_end",
    "value",
    "date_value",
    "approx",
    "unit",
    "subject",
    "kind",
    "level",
    "name",
    "canonical",
    "province",
    "code",
    "number",
    "issued",
    "issuer",
    "title",
    "expansion",
    "trigger",
];

/// One fact as a row. `type` is the fact's kind in the singular (`count`,
/// `legal_document`, `title`); see [`rows`].
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct FactRow {
    /// Where the article came from.
    pub source: Option<String>,
    /// `title`, `published`, `author`, `count`, `date`, `locality`,
    /// `model`, `legal_document` or `abbreviation`.
    #[serde(rename = "type")]
    pub fact_type: &'static str,
    /// The fact's text as it stands in the input.
    pub text: String,
    /// First code point.
    pub start: Option<usize>,
    /// One past the last code point.
    pub end: Option<usize>,
    /// First byte.
    pub byte_start: Option<usize>,
    /// One past the last byte.
    pub byte_end: Option<usize>,
    /// A count's value (written without a fraction when it is whole).
    #[serde(serialize_with = "whole_when_integral")]
    pub value: Option<f64>,
    /// A date's value (`2020-12-17`, `--06-16`, a range as `start/end`) or
    /// the publication time.
    pub date_value: Option<String>,
    /// A count's qualifier (`exact`, `more_than`, ...).
    pub approx: Option<String>,
    /// A count's unit, or a locality's unit word.
    pub unit: Option<String>,
    /// A count's subject.
    pub subject: Option<String>,
    /// A date's, model's or document's kind.
    pub kind: Option<String>,
    /// A locality's level.
    pub level: Option<String>,
    /// An author's, locality's or model's name.
    pub name: Option<String>,
    /// A model's canonical name (what summaries group by).
    pub canonical: Option<String>,
    /// A locality's province.
    pub province: Option<String>,
    /// A locality's gazetteer code.
    pub code: Option<String>,
    /// A document's number.
    pub number: Option<String>,
    /// A document's date of issue.
    pub issued: Option<String>,
    /// A document's issuer.
    pub issuer: Option<String>,
    /// A document's title.
    pub title: Option<String>,
    /// An abbreviation's expansion.
    pub expansion: Option<String>,
    /// A model's trigger word.
    pub trigger: Option<String>,
}

impl FactRow {
    fn new(
        a: &Article,
        fact_type: &'static str,
        text: &str,
        span: [usize; 2],
        bytes: [usize; 2],
    ) -> Self {
        FactRow {
            source: a.source.clone(),
            fact_type,
            text: text.to_string(),
            start: Some(span[0]),
            end: Some(span[1]),
            byte_start: Some(bytes[0]),
            byte_end: Some(bytes[1]),
            ..FactRow::default()
        }
    }
}

/// `1700`, not `1700.0`: the value as the JSON records write it.
fn whole_when_integral<S: serde::Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(x) if x.fract() == 0.0 && x.abs() < 1e15 => s.serialize_some(&(*x as i64)),
        Some(x) => s.serialize_some(x),
        None => s.serialize_none(),
    }
}

/// The rows of one article: title, publication time, authors, then each
/// fact type in the record's order.
///
/// ```
/// let a = anninh::Extractor::new().extract("Công an xã Ea Tu tổ chức 3 buổi tuyên truyền.");
/// let rows = anninh::table::rows(&a);
/// let count = rows.iter().find(|r| r.fact_type == "count").unwrap();
/// assert_eq!((count.value, count.unit.as_deref()), (Some(3.0), Some("buổi")));
/// ```
pub fn rows(a: &Article) -> Vec<FactRow> {
    let mut out = Vec::new();
    if let Some(t) = &a.title {
        let mut r = FactRow {
            source: a.source.clone(),
            fact_type: "title",
            text: t.clone(),
            ..FactRow::default()
        };
        if let (Some(s), Some(b)) = (a.title_span, a.title_bytes) {
            (r.start, r.end, r.byte_start, r.byte_end) =
                (Some(s[0]), Some(s[1]), Some(b[0]), Some(b[1]));
        }
        out.push(r);
    }
    if let Some(p) = &a.published {
        let mut r = FactRow::new(a, "published", &p.text, *p.span, *p.bytes);
        r.date_value = Some(p.value.clone());
        out.push(r);
    }
    for x in &a.authors {
        let mut r = FactRow::new(a, "author", &x.text, *x.span, *x.bytes);
        r.name = Some(x.name.clone());
        out.push(r);
    }
    for x in &a.counts {
        let mut r = FactRow::new(a, "count", &x.text, *x.span, *x.bytes);
        r.value = Some(x.value.as_f64());
        r.approx = Some(x.approx.as_str().to_string());
        r.unit = x.unit.clone();
        r.subject = x.subject.clone();
        out.push(r);
    }
    for x in &a.dates {
        let mut r = FactRow::new(a, "date", &x.text, *x.span, *x.bytes);
        r.date_value = Some(match &x.value {
            DateValue::Point(p) => p.clone(),
            DateValue::Range { start, end } => format!("{start}/{end}"),
        });
        r.kind = Some(x.kind.as_str().to_string());
        out.push(r);
    }
    for x in &a.localities {
        let mut r = FactRow::new(a, "locality", &x.text, *x.span, *x.bytes);
        r.unit = x.unit.clone();
        r.name = Some(x.name.clone());
        r.level = Some(x.level.as_str().to_string());
        r.province = x.province.clone();
        r.code = x.code.clone();
        out.push(r);
    }
    for x in &a.models {
        let mut r = FactRow::new(a, "model", &x.text, *x.span, *x.bytes);
        r.name = Some(x.name.clone());
        r.canonical = x.canonical.clone();
        r.kind = Some(x.kind.as_str().to_string());
        r.trigger = Some(x.trigger.clone());
        out.push(r);
    }
    for x in &a.legal_documents {
        let mut r = FactRow::new(a, "legal_document", &x.text, *x.span, *x.bytes);
        r.kind = Some(x.kind.clone());
        r.number = x.number.clone();
        r.issued = x.issued.clone();
        r.issuer = x.issuer.clone();
        r.title = x.title.clone();
        out.push(r);
    }
    for x in &a.abbreviations {
        let mut r = FactRow::new(a, "abbreviation", &x.text, *x.span, *x.bytes);
        r.expansion = Some(x.expansion.clone());
        out.push(r);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_the_fields_in_order() {
        let row = serde_json::to_value(FactRow::default()).unwrap();
        let keys: Vec<&str> = row
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut sorted = COLUMNS.to_vec();
        sorted.sort_unstable();
        let mut got = keys.clone();
        got.sort_unstable();
        assert_eq!(got, sorted);
    }

    #[test]
    fn every_row_has_its_offsets_and_typed_values() {
        let text = "Xây dựng 5 mô hình tự quản\nNgày 16/6/2024, Công an xã Ea Tu có 12 mô hình “Camera an ninh”.";
        let a = crate::Extractor::new().extract(text);
        let rows = rows(&a);
        assert!(
            rows.iter()
                .all(|r| r.start.is_some() && r.byte_end.is_some()),
            "{rows:?}"
        );
        let title = &rows[0];
        assert_eq!(title.fact_type, "title");
        assert_eq!(
            &text[title.byte_start.unwrap()..title.byte_end.unwrap()],
            "Xây dựng 5 mô hình tự quản"
        );
        let date = rows.iter().find(|r| r.fact_type == "date").unwrap();
        assert_eq!(
            (date.value, date.date_value.as_deref()),
            (None, Some("2024-06-16"))
        );
        let model = rows.iter().find(|r| r.fact_type == "model").unwrap();
        assert_eq!(model.canonical.as_deref(), Some("Camera an ninh"));
    }
}

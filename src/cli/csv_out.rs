//! `--format csv`: one row per fact, for pandas and spreadsheets.

use anninh::Article;
use anninh::record::{DateValue, Range2};

/// The columns, in order.
const COLUMNS: [&str; 22] = [
    "source",
    "type",
    "text",
    "start",
    "end",
    "byte_start",
    "byte_end",
    "value",
    "approx",
    "unit",
    "subject",
    "kind",
    "level",
    "name",
    "province",
    "code",
    "number",
    "issued",
    "issuer",
    "title",
    "expansion",
    "trigger",
];

/// One row: the fields by column name.
#[derive(Default)]
struct Row {
    fields: Vec<(&'static str, String)>,
}

impl Row {
    fn new(source: &str, kind: &str, text: &str, span: Range2, bytes: Range2) -> Self {
        let mut r = Row::default();
        r.set("source", source);
        r.set("type", kind);
        r.set("text", text);
        r.set("start", span[0]);
        r.set("end", span[1]);
        r.set("byte_start", bytes[0]);
        r.set("byte_end", bytes[1]);
        r
    }

    fn set(&mut self, column: &'static str, value: impl ToString) -> &mut Self {
        self.fields.push((column, value.to_string()));
        self
    }

    fn opt(&mut self, column: &'static str, value: &Option<String>) -> &mut Self {
        if let Some(v) = value {
            self.set(column, v);
        }
        self
    }

    fn record(&self) -> Vec<&str> {
        COLUMNS
            .iter()
            .map(|c| {
                self.fields
                    .iter()
                    .find(|(k, _)| k == c)
                    .map_or("", |(_, v)| v.as_str())
            })
            .collect()
    }
}

fn json_value<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

/// The header line.
pub fn header() -> Vec<u8> {
    let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
    let _ = w.write_record(COLUMNS);
    w.into_inner().unwrap_or_default()
}

/// The rows of one article, without the header.
pub fn rows(a: &Article) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::with_capacity(4096));
    {
        let src = a.source.as_deref().unwrap_or("");
        let mut rows: Vec<Row> = Vec::new();
        if let Some(t) = &a.title {
            let mut r = Row::default();
            r.set("source", src).set("type", "title").set("text", t);
            rows.push(r);
        }
        if let Some(p) = &a.published {
            let mut r = Row::new(src, "published", &p.text, p.span, p.bytes);
            r.set("value", &p.value);
            rows.push(r);
        }
        for x in &a.authors {
            let mut r = Row::new(src, "author", &x.text, x.span, x.bytes);
            r.set("name", &x.name);
            rows.push(r);
        }
        for x in &a.counts {
            let mut r = Row::new(src, "count", &x.text, x.span, x.bytes);
            r.set("value", json_value(&x.value))
                .set("approx", json_value(&x.approx));
            r.opt("unit", &x.unit).opt("subject", &x.subject);
            rows.push(r);
        }
        for x in &a.dates {
            let mut r = Row::new(src, "date", &x.text, x.span, x.bytes);
            let value = match &x.value {
                DateValue::Point(p) => p.clone(),
                DateValue::Range { start, end } => format!("{start}/{end}"),
            };
            r.set("value", value).set("kind", json_value(&x.kind));
            rows.push(r);
        }
        for x in &a.localities {
            let mut r = Row::new(src, "locality", &x.text, x.span, x.bytes);
            r.opt("unit", &x.unit)
                .set("name", &x.name)
                .set("level", json_value(&x.level));
            r.opt("province", &x.province).opt("code", &x.code);
            rows.push(r);
        }
        for x in &a.models {
            let mut r = Row::new(src, "model", &x.text, x.span, x.bytes);
            r.set("name", &x.name)
                .set("kind", json_value(&x.kind))
                .set("trigger", &x.trigger);
            rows.push(r);
        }
        for x in &a.legal_documents {
            let mut r = Row::new(src, "legal_document", &x.text, x.span, x.bytes);
            r.set("kind", &x.kind)
                .opt("number", &x.number)
                .opt("issued", &x.issued);
            r.opt("issuer", &x.issuer).opt("title", &x.title);
            rows.push(r);
        }
        for x in &a.abbreviations {
            let mut r = Row::new(src, "abbreviation", &x.text, x.span, x.bytes);
            r.set("expansion", &x.expansion);
            rows.push(r);
        }
        for r in &rows {
            let _ = w.write_record(r.record());
        }
    }
    w.into_inner().unwrap_or_default()
}

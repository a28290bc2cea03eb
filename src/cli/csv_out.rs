//! `--format csv`: the library's table of facts ([`anninh::table`]), one
//! row per fact, for pandas and spreadsheets.

use anninh::Article;
use anninh::table::{COLUMNS, FactRow, rows};

/// The header line.
pub fn header() -> Vec<u8> {
    let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
    let _ = w.write_record(COLUMNS);
    w.into_inner().unwrap_or_default()
}

/// The rows of one article, without the header.
pub fn article_rows(a: &Article) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::with_capacity(4096));
    for r in rows(a) {
        let _ = w.serialize::<&FactRow>(&r);
    }
    w.into_inner().unwrap_or_default()
}

//! The article's own fields: headline, publication time, byline names.
//! Where they stand on the page is the document's layout; this module
//! turns those regions into records.

use super::Context;
use super::date::DateFound;
use crate::chars::back;
use crate::doc::layout::name_case;
use crate::doc::{Doc, Located};
use crate::normalize::fold;
use crate::record::{Author, DateKind, Published};
use std::ops::Range;

/// The headline, as written, and where it stands.
pub(crate) fn title(doc: &Doc, _ctx: &Context) -> Option<Located> {
    doc.layout().title.clone().map(|t| doc.locate(t))
}

/// Byline names.
pub(crate) fn authors(doc: &Doc, _ctx: &Context) -> Vec<Author> {
    doc.layout()
        .authors
        .iter()
        .map(|r| {
            let at = doc.locate(r.clone());
            Author {
                name: name_case(&doc.text()[r.clone()]),
                text: at.text,
                span: at.span,
                bytes: at.bytes,
            }
        })
        .collect()
}

/// The publication time.
pub(crate) fn published(doc: &Doc, ctx: &Context) -> Option<Published> {
    let at = ctx.published_at(doc)?;
    let d = ctx.all_dates(doc).iter().find(|d| d.range == at)?;
    let value = d.value.start().to_string();
    let at = doc.locate(at);
    Some(Published {
        value,
        text: at.text,
        span: at.span,
        bytes: at.bytes,
    })
}

/// Which date is the publication time: a date-time (or date) on the
/// headline's line or the short lines after it, or on a line labelled as
/// such near the top; else the stamp line at the foot.
pub(crate) fn published_range(doc: &Doc, dates: &[DateFound]) -> Option<Range<usize>> {
    let text = doc.text();
    let layout = doc.layout();
    let labelled = |r: &Range<usize>| {
        let from = back(text, r.start, 80);
        let line_start = text[from..r.start]
            .rfind('\n')
            .map_or(from, |i| from + i + 1);
        let f = fold(&text[line_start..r.start]);
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
    let dated = || {
        dates
            .iter()
            .filter(|d| matches!(d.kind, DateKind::Datetime | DateKind::Date))
    };
    // A stamp line at the foot, when the head has no date line.
    let stamp = layout.stamp.as_ref().and_then(|s| {
        dated()
            .find(|d| s.start <= d.range.start && d.range.end <= s.end)
            .map(|d| d.range.clone())
    });
    let head = dated()
        .filter(|d| {
            let in_header = layout.header.start <= d.range.start
                && d.range.end <= layout.header.end
                && layout.title.as_ref().is_none_or(|t| d.range.start >= t.end);
            let in_body = doc.in_body(&d.range);
            (in_header && (layout.title.is_some() || d.kind == DateKind::Datetime))
                || labelled(&d.range)
                    && d.range.start < layout.body.start + 2000
                    && (in_body || d.range.end <= layout.body.start)
        })
        .min_by_key(|d| (d.kind != DateKind::Datetime, d.range.start))
        .map(|d| d.range.clone());
    head.or(stamp)
}

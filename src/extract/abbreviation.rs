//! Abbreviations as facts: the body's abbreviations with their expansions.
//! Finding them is the [`abbrev`](crate::abbrev) stage's work; this family
//! places them in the caller's text.

use super::Context;
use crate::doc::Doc;
use crate::record::Abbreviation;

/// The body's abbreviations.
pub(crate) fn find(doc: &Doc, ctx: &Context) -> Vec<Abbreviation> {
    ctx.abbreviations(doc)
        .iter()
        .map(|m| {
            let at = doc.locate(m.range.clone());
            Abbreviation {
                text: at.text,
                expansion: m.expansion.clone(),
                span: at.span,
                bytes: at.bytes,
            }
        })
        .collect()
}

//! # anninh
//!
//! Mining Vietnamese public-security news: normalization of Vietnamese text
//! with an alignment back to the input, expansion of the domain's
//! abbreviations, and extraction of typed facts (counts, dates, localities,
//! named models and campaigns, legal documents, title, publication time,
//! authors) in the `anninh/1` schema.
//!
//! ## Overview
//!
//! - [`input`]: input bytes to text (UTF-8, UTF-16, Windows-1258, VISCII).
//! - [`normalize`]: NFC, one tone-mark placement, repaired marks and
//!   misspelt syllables, look-alike letters, legacy encodings
//!   ([`normalize::to_unicode`] for raw TCVN3/VNI bytes), and
//!   [`normalize::fold`] for matching keys.
//! - [`abbrev`]: the domain's abbreviations, found and expanded.
//! - [`gazetteer`]: Vietnam's administrative units before and after the
//!   2025 reorganisation, for resolving places.
//! - [`Extractor`]: built once, `extract(&str) -> Article`; every fact
//!   family reads one document (the text, its normalized form, its page
//!   regions) through one interface, and [`Extractor::with_types`] runs
//!   only some.
//! - [`record`]: the serde types of the output ([`Article::facts`] iterates
//!   them, [`Span::slice`] slices the input); [`table`]: one row per fact.
//! - [`eval`]: accuracy against gold records, as the schema's scoring says.
//!
//! ## Example
//!
//! ```
//! use anninh::Extractor;
//! let extractor = Extractor::new();
//! let article = extractor.extract("Công an tỉnh Trà Vinh");
//! let json = serde_json::to_string(&article).unwrap();
//! assert!(json.starts_with(r#"{"schema":"anninh/1""#));
//! ```
//!
//! ## Crate features
//!
//! - `cli` (default): the `anninh` command line. Library users set
//!   `default-features = false` and compile none of its crates.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod abbrev;
mod chars;
mod doc;
pub mod error;
pub mod eval;
mod extract;
pub mod gazetteer;
pub mod input;
pub mod normalize;
mod offsets;
pub mod record;
pub mod table;

pub use error::Error;
pub use extract::Extractor;
pub use record::{Article, ByteSpan, Fact, FactType, Span};

/// The README's Rust snippets, compiled and run by `cargo test`.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

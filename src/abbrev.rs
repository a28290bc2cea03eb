//! Abbreviations of public-security Vietnamese: dictionary, detection and
//! expansion.
//!
//! The embedded dictionary (`data/abbreviations.tsv`) lists each form with
//! its expansion and, for forms with several meanings, a context rule per
//! meaning. Detection takes whole tokens only: not inside a longer word, a
//! URL, an e-mail address or a document number (`06/2014/NĐ-CP`), not a
//! Roman numeral, and in an all-capitals line only forms of three letters or
//! more. A form glued to a number (`TDP4`) is found; a compound joined by a
//! hyphen or slash is one abbreviation when the dictionary has it (`KT-XH`),
//! else its parts are found separately. An article that spells a form out
//! (`an ninh trật tự (ANTT)`) defines it for the rest of that article.
//!
//! ```
//! let found = anninh::abbrev::find("Đảm bảo ANTT, phát triển KT-XH tại TDP4.");
//! let pairs: Vec<_> = found.iter().map(|f| (f.text.as_str(), f.expansion.as_str())).collect();
//! assert_eq!(pairs, [("ANTT", "an ninh trật tự"), ("KT-XH", "kinh tế - xã hội"), ("TDP", "tổ dân phố")]);
//! ```

use crate::chars::{
    ALPHANUMERIC, NUMERIC, UPPER, char_kind, is_alphanumeric, is_letter, is_lower, is_upper,
    next_candidate,
};
use crate::doc::Doc;
use crate::error::Error;
use crate::normalize::{Alignment, Options, Pass, fold};
use regex::Regex;
use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::LazyLock;

/// The field of an abbreviation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Domain {
    /// Police, security, order.
    Security,
    /// State administration and places.
    Administration,
    /// The Party.
    Party,
    /// Laws, documents, courts.
    Law,
    /// Ministries, mass organizations, bodies.
    Organization,
    /// Everything else.
    General,
}

impl Domain {
    fn parse(s: &str) -> Option<Domain> {
        Some(match s {
            "security" => Domain::Security,
            "administration" => Domain::Administration,
            "party" => Domain::Party,
            "law" => Domain::Law,
            "organization" => Domain::Organization,
            "general" => Domain::General,
            _ => return None,
        })
    }
}

/// When an expansion applies (for forms with several meanings).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContextRule {
    /// The following words start with one of these (folded) words.
    Next(Vec<String>),
    /// The preceding words end with one of these (folded) words.
    Prev(Vec<String>),
}

/// One dictionary row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The form as written (`ANTQ`, `KT-XH`, `TP.`).
    pub abbreviation: String,
    /// What it stands for, with Vietnamese capitals (`an ninh Tổ quốc`).
    pub expansion: String,
    /// Its field.
    pub domain: Domain,
    /// When it applies; `None`: always.
    pub rule: Option<ContextRule>,
}

/// An abbreviation dictionary. The embedded one is [`Dictionary::embedded`].
#[derive(Debug, Clone, Default)]
pub struct Dictionary {
    entries: HashMap<String, Vec<Entry>>,
    longest: usize,
    /// Lower-case letters that some form has second (`Tp`): they may follow
    /// a token's capital (see [`Tokens`]).
    second_lower: Vec<char>,
}

/// Candidate tokens: a capital, then a capital, digit or joiner (or one of
/// the lower-case letters that some form has second, as in `Tp`), then
/// letters and digits, with `-`, `/`, `&`, `.` joining further parts
/// (`KT-XH`, `TP.HCM`, `PCCC&CNCH`, `P.`). Requiring the second character
/// skips the ordinary capitalised words, which are most candidates.
///
/// Scanned by hand: the places where a token may start are found eight
/// bytes at a time ([`next_candidate`]), and only those are decoded. Tokens
/// are taken left to right and do not overlap, so a token that starts
/// inside a word hides what follows it in that word (the caller then skips
/// it as not starting a word).
struct Tokens<'t, 'd> {
    text: &'t str,
    at: usize,
    second_lower: &'d [char],
}

impl Iterator for Tokens<'_, '_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let text = self.text;
        let bytes = text.as_bytes();
        // Candidates come eight bytes at a time (`next_candidate`): a
        // lower-case word costs a few instructions, not a lookup per byte.
        let mut at = self.at;
        while let Some(start) = next_candidate(bytes, at) {
            let (cp, len) = crate::chars::decode_at(bytes, start, bytes[start]);
            at = start + len;
            if char_kind(cp) & UPPER == 0 {
                continue;
            }
            let Some(second) = text[at..].chars().next() else {
                break;
            };
            let second_fits = char_kind(second as u32) & (UPPER | NUMERIC) != 0
                || matches!(second, '.' | '&' | '/' | '-')
                || self.second_lower.contains(&second);
            if !second_fits {
                continue;
            }
            let mut end = alphanumeric_run(text, at + second.len_utf8());
            // Further parts: a joiner, then at least one letter or digit.
            while let Some(j) = text[end..].chars().next()
                && matches!(j, '-' | '/' | '&' | '.')
            {
                let after = alphanumeric_run(text, end + 1);
                if after == end + 1 {
                    break;
                }
                end = after;
            }
            self.at = end;
            return Some(start..end);
        }
        self.at = bytes.len();
        None
    }
}

/// The end of the letters and digits that start at `i`.
fn alphanumeric_run(text: &str, i: usize) -> usize {
    let bytes = text.as_bytes();
    let mut at = i;
    while let Some(&b) = bytes.get(at) {
        let (cp, len) = crate::chars::decode_at(bytes, at, b);
        if char_kind(cp) & ALPHANUMERIC == 0 {
            break;
        }
        at += len;
    }
    at
}

static EMBEDDED: LazyLock<Dictionary> = LazyLock::new(|| {
    Dictionary::from_tsv(include_str!("../data/abbreviations.tsv"))
        .expect("the embedded dictionary parses (tested)")
});

impl Dictionary {
    /// The dictionary shipped with anninh.
    pub fn embedded() -> &'static Dictionary {
        &EMBEDDED
    }

    /// Parses the TSV format of `data/abbreviations.tsv`. Errors name the line.
    pub fn from_tsv(text: &str) -> Result<Dictionary, Error> {
        let mut d = Dictionary::default();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = |message: String| Error::Parse {
                path: PathBuf::from("abbreviations"),
                message: format!("line {}: {message}", n + 1),
            };
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 2 || cols.len() > 4 {
                return Err(bad(format!(
                    "expected 2 to 4 tab-separated columns, found {}",
                    cols.len()
                )));
            }
            let abbreviation = cols[0].trim();
            let expansion = cols[1].trim();
            if abbreviation.is_empty() || expansion.is_empty() {
                return Err(bad("empty abbreviation or expansion".into()));
            }
            let domain = match cols.get(2).map(|s| s.trim()) {
                None | Some("") => Domain::General,
                Some(s) => Domain::parse(s).ok_or_else(|| bad(format!("unknown domain `{s}`")))?,
            };
            let rule = match cols.get(3).map(|s| s.trim()) {
                None | Some("") => None,
                Some(r) => {
                    Some(parse_rule(r).ok_or_else(|| bad(format!("bad context rule `{r}`")))?)
                }
            };
            d.insert(Entry {
                abbreviation: abbreviation.to_string(),
                expansion: expansion.to_string(),
                domain,
                rule,
            })
            .map_err(bad)?;
        }
        d.refresh_second_letters();
        Ok(d)
    }

    /// Reads a dictionary in the TSV format from any reader.
    pub fn from_reader(reader: impl std::io::Read) -> Result<Dictionary, Error> {
        Dictionary::from_tsv(&crate::input::read_all(reader, "abbreviations")?)
    }

    /// This dictionary with the entries of a user's TSV (the format of
    /// `data/abbreviations.tsv`) on top: a form the TSV has replaces all of
    /// this dictionary's rows for it. Errors name the TSV's line.
    pub fn with_tsv(&self, text: &str) -> Result<Dictionary, Error> {
        let user = Dictionary::from_tsv(text)?;
        let mut entries = Vec::new();
        for line in text.lines() {
            let form = line.split('\t').next().unwrap_or("").trim();
            if form.is_empty() || form.starts_with('#') {
                continue;
            }
            entries.extend(user.lookup(form).iter().cloned());
        }
        entries.dedup();
        Ok(self.with_entries(entries))
    }

    /// This dictionary with `entries` added; an entry for a form that is
    /// already present replaces all of that form's rows.
    pub fn with_entries(&self, entries: impl IntoIterator<Item = Entry>) -> Dictionary {
        let mut d = self.clone();
        let mut replaced = std::collections::HashSet::new();
        for e in entries {
            if replaced.insert(e.abbreviation.clone()) {
                d.entries.remove(&e.abbreviation);
            }
            d.longest = d.longest.max(e.abbreviation.len());
            d.entries.entry(e.abbreviation.clone()).or_default().push(e);
        }
        d.refresh_second_letters();
        d
    }

    /// Gathers the second letters of the current forms for [`Tokens`].
    fn refresh_second_letters(&mut self) {
        let mut lower: Vec<char> = self
            .entries
            .keys()
            .filter_map(|f| f.chars().nth(1))
            .filter(|c| is_lower(*c))
            .collect();
        lower.sort_unstable();
        lower.dedup();
        self.second_lower = lower;
    }

    fn insert(&mut self, e: Entry) -> Result<(), String> {
        let rows = self.entries.entry(e.abbreviation.clone()).or_default();
        if rows.iter().any(|r| r.expansion == e.expansion) {
            return Err(format!("duplicate entry `{}`", e.abbreviation));
        }
        if rows.iter().any(|r| r.rule.is_none()) || (!rows.is_empty() && e.rule.is_none()) {
            return Err(format!(
                "`{}` has several expansions: each needs a context rule",
                e.abbreviation
            ));
        }
        self.longest = self.longest.max(e.abbreviation.len());
        rows.push(e);
        Ok(())
    }

    /// The rows of one form.
    pub fn lookup(&self, abbreviation: &str) -> &[Entry] {
        self.entries.get(abbreviation).map_or(&[], Vec::as_slice)
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.entries.values().map(Vec::len).sum()
    }

    /// Whether the dictionary is empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every abbreviation in `text`, in order, with its span in `text`.
    pub fn find(&self, text: &str) -> Vec<Found> {
        let doc = Doc::plain(text, &Options::default());
        self.find_in(&doc, 0..doc.text().len())
            .into_iter()
            .map(|m| {
                let r = doc.to_original(m.range);
                Found {
                    text: text[r.clone()].to_string(),
                    expansion: m.expansion,
                    range: r,
                }
            })
            .collect()
    }

    /// `text` with its abbreviations expanded.
    pub fn expand(&self, text: &str, style: Style) -> Expanded {
        let found = self.find(text);
        let mut out = String::with_capacity(text.len() + found.len() * 16);
        let mut pass = Pass::default();
        let mut copied = 0;
        for f in found {
            if f.range.start < copied {
                continue;
            }
            out.push_str(&text[copied..f.range.start]);
            let start = out.len();
            match style {
                Style::Replace => out.push_str(&f.expansion),
                Style::Annotate => {
                    out.push_str(&text[f.range.clone()]);
                    out.push_str(" (");
                    out.push_str(&f.expansion);
                    out.push(')');
                }
            }
            pass.push(f.range.clone(), start..out.len());
            copied = f.range.end;
        }
        out.push_str(&text[copied..]);
        let mut alignment = Alignment::default();
        alignment.push_pass(pass);
        Expanded {
            text: out,
            alignment,
        }
    }

    /// Abbreviations in `range` of a document's normalized text.
    pub(crate) fn find_in(&self, doc: &Doc, range: Range<usize>) -> Vec<Match> {
        let text = &doc.text()[..range.end];
        let definitions = definitions(text);
        let mut lines = Lines::new(text);
        let mut out = Vec::new();
        let tokens = Tokens {
            text,
            at: range.start,
            second_lower: &self.second_lower,
        };
        for Range { start, end } in tokens {
            let token = &text[start..end];
            if !crate::chars::word_start(text, start) {
                continue;
            }
            // Dictionary forms in the token first: most capitalised words
            // are none, and need no further look.
            let forms = self.forms_in(text, start, end, token, &definitions);
            if forms.is_empty() {
                continue;
            }
            if excluded_chunk(text, start, end) {
                continue;
            }
            // People's initials (`P.L`, `T.P.`) and photo credits are no abbreviations.
            let initials = token.contains('.')
                && token
                    .split('.')
                    .all(|p| p.chars().count() <= 1 && p.chars().all(is_letter));
            if initials {
                continue;
            }
            // A credit is short: only the end of the line before the token counts.
            let line = lines.line(start);
            let from = floor_boundary(text, start.saturating_sub(120).max(line.start));
            let credit = lines.mentions_photo(start) && in_photo_credit(&text[from..start]);
            if credit || in_source_tag(text, line.clone(), start, end) {
                continue;
            }
            for r in forms {
                let form = &text[r.clone()];
                // Only short forms are doubted in a line of capitals (the
                // line's verdict is worked out once, and only if asked).
                if form.chars().filter(|c| is_letter(*c)).count() < 3 && lines.capitals(start) {
                    continue;
                }
                if is_roman(form) {
                    continue;
                }
                if let Some(expansion) = self.resolve(text, r.clone(), form, &definitions) {
                    out.push(Match {
                        range: r,
                        expansion,
                    });
                }
            }
        }
        merge_spaced_compounds(text, out)
    }

    /// The dictionary forms a token holds: itself (with a dot after it when
    /// the dictionary has that, `TP.`), else its parts (`ANTT-TTATGT`), each
    /// with a number glued to it stripped (`TDP4`).
    fn forms_in(
        &self,
        text: &str,
        start: usize,
        end: usize,
        token: &str,
        definitions: &HashMap<String, String>,
    ) -> Vec<Range<usize>> {
        let known = |f: &str| !self.lookup(f).is_empty() || definitions.contains_key(f);
        if text[end..].starts_with('.') && !self.lookup(&text[start..end + 1]).is_empty() {
            return std::iter::once(start..end + 1).collect();
        }
        if known(token) {
            return std::iter::once(start..end).collect();
        }
        let mut out = Vec::new();
        let mut offset = 0;
        for part in token.split(['-', '/', '&', '.']) {
            let p_start = start + offset;
            offset += part.len() + 1;
            // `TDP4`, `QL14B`: a number (with a letter after it) glued on.
            let letters = match part.trim_end_matches(|c: char| c.is_ascii_alphabetic()) {
                head if head.len() + 1 >= part.len()
                    && head.ends_with(|c: char| c.is_ascii_digit()) =>
                {
                    head
                }
                _ => part,
            }
            .trim_end_matches(|c: char| c.is_ascii_digit());
            if letters.is_empty() || letters.len() > self.longest {
                continue;
            }
            let p_end = p_start + letters.len();
            let glued_dot = letters.len() == part.len() && text[p_end..].starts_with('.');
            if glued_dot && !self.lookup(&text[p_start..p_end + 1]).is_empty() {
                out.push(p_start..p_end + 1);
            } else if known(letters) {
                out.push(p_start..p_end);
            }
        }
        out
    }

    /// The dictionary's expansion of the abbreviation at `range` of `text`,
    /// whatever the article itself defines: the same name reads the same
    /// in every article.
    pub(crate) fn dictionary_expansion(&self, text: &str, range: Range<usize>) -> Option<String> {
        let form = text.get(range.clone())?;
        self.resolve(text, range, form, &HashMap::new())
    }

    /// The expansion of `form` at `range`: the article's own definition, else
    /// the one dictionary row whose context rule holds.
    fn resolve(
        &self,
        text: &str,
        range: Range<usize>,
        form: &str,
        definitions: &HashMap<String, String>,
    ) -> Option<String> {
        if let Some(d) = definitions.get(form) {
            return Some(d.clone());
        }
        let rows = self.lookup(form);
        let applies = |e: &&Entry| match &e.rule {
            None => true,
            Some(ContextRule::Next(words)) => {
                let after = fold(
                    text[range.end..]
                        .get(..80.min(text.len() - range.end))
                        .unwrap_or(""),
                );
                let after = after.trim_start_matches(|c: char| !is_alphanumeric(c));
                words.iter().any(|w| after.starts_with(w.as_str()))
            }
            Some(ContextRule::Prev(words)) => {
                let from = floor_boundary(text, range.start.saturating_sub(80));
                let before = fold(&text[from..range.start]);
                let before = before.trim_end_matches(|c: char| !is_alphanumeric(c));
                words.iter().any(|w| before.ends_with(w.as_str()))
            }
        };
        let mut matching = rows.iter().filter(applies);
        let first = matching.next()?;
        // Two meanings both plausible: none is given.
        if matching.next().is_some() {
            return None;
        }
        Some(first.expansion.clone())
    }
}

/// One occurrence found in a normalized text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Match {
    pub range: Range<usize>,
    pub expansion: String,
}

/// One occurrence of an abbreviation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// As written.
    pub text: String,
    /// What it stands for here.
    pub expansion: String,
    /// Byte range in the text searched.
    pub range: Range<usize>,
}

/// How [`expand`] writes an expansion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Style {
    /// `ANTQ` → `an ninh Tổ quốc`.
    #[default]
    Replace,
    /// `ANTQ` → `ANTQ (an ninh Tổ quốc)`.
    Annotate,
}

/// A text with its abbreviations expanded.
#[derive(Debug, Clone)]
pub struct Expanded {
    /// The expanded text.
    pub text: String,
    alignment: Alignment,
}

impl Expanded {
    /// Maps a byte range of the expanded text to the original.
    pub fn to_original(&self, range: Range<usize>) -> Range<usize> {
        self.alignment.to_original(range)
    }
}

/// Every abbreviation in `text`, with the embedded dictionary.
pub fn find(text: &str) -> Vec<Found> {
    Dictionary::embedded().find(text)
}

/// `text` with its abbreviations expanded, with the embedded dictionary.
pub fn expand(text: &str, style: Style) -> Expanded {
    Dictionary::embedded().expand(text, style)
}

fn parse_rule(r: &str) -> Option<ContextRule> {
    let (kind, words) = r.split_once('=')?;
    let words: Vec<String> = words
        .split('|')
        .map(|w| fold(w.trim()))
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return None;
    }
    match kind.trim() {
        "next" => Some(ContextRule::Next(words)),
        "prev" => Some(ContextRule::Prev(words)),
        _ => None,
    }
}

/// `(ABBR)` after the words it stands for.
static DEFINITION: LazyLock<Regex> = LazyLock::new(|| {
    let upper = crate::chars::letter_class(char::is_uppercase);
    Regex::new(&format!(r"\(\s*([{upper}][{upper}0-9&\-]{{1,11}})\s*\)")).expect("valid regex")
});

/// In-article definitions: `an ninh, trật tự (ANTT)` gives ANTT its
/// expansion when the initials of the words before the parenthesis spell
/// the form (`Đ` counting as `D`).
fn definitions(text: &str) -> HashMap<String, String> {
    let mut out = HashMap::new();
    if !text.contains('(') {
        return out;
    }
    for c in DEFINITION.captures_iter(text) {
        let (Some(whole), Some(form)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let letters: Vec<char> = fold(form.as_str())
            .chars()
            .filter(|c| is_letter(*c))
            .collect();
        if letters.len() < 2 || out.contains_key(form.as_str()) {
            continue;
        }
        let from = floor_boundary(text, whole.start().saturating_sub(200));
        let before = &text[from..whole.start()];
        // Words before the parenthesis, last first, with their offsets.
        let mut words: Vec<(usize, &str)> = Vec::new();
        let mut end = before.len();
        for (i, ch) in before.char_indices().rev() {
            if ch.is_whitespace() {
                if i + ch.len_utf8() < end {
                    words.push((i + ch.len_utf8(), &before[i + ch.len_utf8()..end]));
                }
                end = i;
                if words.len() >= letters.len() {
                    break;
                }
            }
        }
        if words.len() < letters.len() && end > 0 {
            words.push((0, &before[..end]));
        }
        if words.len() < letters.len() {
            continue;
        }
        let initial = |w: &str| fold(w).chars().find(|c| is_letter(*c));
        let spells = |run: &[(usize, &str)]| {
            run.iter()
                .rev()
                .map(|(_, w)| initial(w))
                .collect::<Option<Vec<char>>>()
                == Some(letters.clone())
        };
        let phrase = if spells(&words[..letters.len()]) {
            let (first_at, _) = words[letters.len() - 1];
            before[first_at..].trim().trim_end_matches([',', ';', ':'])
        } else {
            // A name, then what the body does (`Ủy ban Quốc gia phòng,
            // chống AIDS ... (UBQG)`): the capitalised words whose initials
            // spell the form, further back in the same clause.
            let mut more = words.clone();
            let mut end = more.last().map_or(0, |&(at, _)| at);
            for (i, ch) in before[..end].char_indices().rev() {
                if more.len() >= 30 || matches!(ch, '.' | ';' | '\n' | '(' | ')') {
                    break;
                }
                if ch.is_whitespace() {
                    // After the space, which may be wider than a byte (U+0085).
                    let next = i + ch.len_utf8();
                    if next < end {
                        more.push((next, &before[next..end]));
                    }
                    end = i;
                }
            }
            let n = letters.len();
            let Some(start) = (n..=more.len()).find(|&k| {
                let run = &more[k - n..k];
                run.last().is_some_and(|(_, w)| w.starts_with(is_upper)) && spells(run)
            }) else {
                continue;
            };
            let (first_at, _) = more[start - 1];
            let (last_at, last) = more[start - n];
            before[first_at..last_at + last.len()].trim_end_matches([',', ';', ':'])
        };
        // A definition is a lower-case phrase or a proper name, not a sentence.
        if phrase.contains(['.', '(', ')', '“', '”', '"']) {
            continue;
        }
        out.insert(form.as_str().to_string(), phrase.to_string());
    }
    out
}

/// Two abbreviations joined by a dash with spaces are one compound, kept
/// as written (`PCMT - MD` → `phòng, chống ma túy - mại dâm`); glued ones
/// (`ANTT-TTATGT`) stay two.
fn merge_spaced_compounds(text: &str, found: Vec<Match>) -> Vec<Match> {
    let mut out: Vec<Match> = Vec::with_capacity(found.len());
    for m in found {
        if let Some(last) = out.last_mut()
            && let Some(between) = text.get(last.range.end..m.range.start)
            && matches!(between, " - " | " – ")
        {
            last.expansion = format!("{}{between}{}", last.expansion, m.expansion);
            last.range.end = m.range.end;
            continue;
        }
        out.push(m);
    }
    out
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The token sits in a URL, an e-mail address, or a document number.
fn excluded_chunk(text: &str, start: usize, end: usize) -> bool {
    // Chunks longer than this are no URLs or numbers anyone writes.
    let from = crate::chars::back(text, start, 200);
    let to = crate::chars::ahead(text, end, 200);
    // (After the whitespace character, which may be longer than a byte:
    // U+0085, U+2028.)
    let chunk_start = text[from..start]
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(from, |(i, c)| from + i + c.len_utf8());
    let chunk_end = text[end..to]
        .find(char::is_whitespace)
        .map_or(to, |i| end + i);
    let chunk = &text[chunk_start..chunk_end];
    if chunk.contains("://") || chunk.contains("www.") || chunk.contains('@') {
        return true;
    }
    // A site name written as a domain (`ANTD.VN`, `baothanhhoa.vn`).
    if chunk.contains('.') {
        let bare = chunk.trim_end_matches(|c: char| !is_alphanumeric(c));
        let has = |hay: &str, d: &str| {
            hay.len() >= d.len()
                && hay.is_char_boundary(hay.len() - d.len())
                && hay[hay.len() - d.len()..].eq_ignore_ascii_case(d)
        };
        if [".vn", ".com", ".net", ".org"]
            .iter()
            .any(|d| has(bare, d) || chunk.to_ascii_lowercase().contains(&format!("{d}/")))
        {
            return true;
        }
    }
    // Document numbers: digits then `/` or `-` before the token (`06/2014/NĐ-CP`,
    // `09-CT/TW`, `426/QĐ`).
    let before = &text[chunk_start..start];
    before.chars().any(|c| c.is_ascii_digit()) && before.ends_with(['/', '-'])
        || (before.ends_with(['/', '-']) && is_doc_suffix_context(before))
}

fn is_doc_suffix_context(before: &str) -> bool {
    // `.../CT-BCA-V28`: an earlier part of the same number holds a digit.
    before
        .split(['/', '-'])
        .any(|p| p.chars().next().is_some_and(|c| c.is_ascii_digit()))
}

/// Line boundaries of a text, and which lines are written in capitals,
/// found once so that each token costs no more than a lookup.
struct Lines<'t> {
    text: &'t str,
    starts: Vec<usize>,
    capitals: Vec<Option<bool>>,
    photos: Vec<Option<bool>>,
}

impl<'t> Lines<'t> {
    fn new(text: &'t str) -> Self {
        let starts: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let capitals = vec![None; starts.len()];
        let photos = vec![None; starts.len()];
        Lines {
            text,
            starts,
            capitals,
            photos,
        }
    }

    /// Whether the line around `at` has `Ảnh` (a photo credit) anywhere:
    /// one search per line, not one per token.
    fn mentions_photo(&mut self, at: usize) -> bool {
        let i = self.index(at);
        if let Some(v) = self.photos[i] {
            return v;
        }
        let v = self.text[self.line(at)].contains("Ảnh");
        self.photos[i] = Some(v);
        v
    }

    fn index(&self, at: usize) -> usize {
        self.starts.partition_point(|&s| s <= at).saturating_sub(1)
    }

    fn line(&self, at: usize) -> Range<usize> {
        let i = self.index(at);
        let end = self.starts.get(i + 1).map_or(self.text.len(), |&s| s - 1);
        self.starts[i]..end.max(self.starts[i])
    }

    /// Whether the line around `at` is written in capitals (a site header or
    /// a shouted headline): three words or more, most of them all capitals.
    fn capitals(&mut self, at: usize) -> bool {
        let i = self.index(at);
        if let Some(v) = self.capitals[i] {
            return v;
        }
        let r = self.line(at);
        let mut words = 0;
        let mut caps = 0;
        for w in self.text[r].split_ascii_whitespace() {
            // Most words have a lower-case ASCII letter: settled by bytes.
            let (lower, letters) = if w.bytes().any(|b| b.is_ascii_lowercase()) {
                (true, true)
            } else {
                let mut letters = w.chars().filter(|c| is_letter(*c)).peekable();
                let any = letters.peek().is_some();
                (!letters.all(is_upper), any)
            };
            if !letters {
                continue;
            }
            words += 1;
            if !lower {
                caps += 1;
            }
        }
        let v = words >= 3 && caps * 10 >= words * 7;
        self.capitals[i] = Some(v);
        v
    }
}

/// Whether a token is a publisher named as a source: a short line `Theo X`
/// or `Nguồn: X`, or a dateline tag `(X) - ` at the start of a line.
fn in_source_tag(text: &str, line: Range<usize>, start: usize, end: usize) -> bool {
    let line_text = text[line.clone()].trim();
    // (Bytes first: counting the characters of an endless line per token
    // would be quadratic.)
    let short = line_text.len() <= 160 && line_text.chars().count() <= 40;
    if short && (line_text.starts_with("Theo ") || line_text.starts_with("Nguồn")) {
        return true;
    }
    let before = text[line.start..start].trim_start();
    // `(PLO) - `, and a paper's tag opening the lead (`TP - `, `TTO - `).
    before == "("
        && text[end..].starts_with(')')
        && text[end + 1..].trim_start().starts_with(['-', '–'])
        // (A paper's tag is short; a longer form at the same place names the
        // publisher as the dictionary does: `CTTĐT - `.)
        || before.is_empty()
            && text[start..end].chars().count() <= 3
            && (text[end..].starts_with(" - ") || text[end..].starts_with(" – "))
}

/// Whether a token after `before` (its line up to it) is in a photo credit.
fn in_photo_credit(before: &str) -> bool {
    match before.rfind("Ảnh:").or_else(|| before.rfind("Ảnh :")) {
        Some(i) => !before[i..].contains([')', '.']) || before[i..].len() < 12,
        None => false,
    }
}

/// Roman numerals as this genre writes them (`khóa XII`, `Đại hội XIII`,
/// `Tổng cục An ninh II`): small ones, without `D` or `M` (`MD` is no 1500).
fn is_roman(form: &str) -> bool {
    form.len() >= 2
        && form
            .chars()
            .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(text: &str) -> Vec<(String, String)> {
        find(text)
            .into_iter()
            .map(|f| {
                assert_eq!(&text[f.range.clone()], f.text);
                (f.text, f.expansion)
            })
            .collect()
    }

    fn p(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
    }

    #[test]
    fn embedded_dictionary_is_large_and_clean() {
        let d = Dictionary::embedded();
        assert!(d.len() >= 250, "{} entries", d.len());
        for rows in d.entries.values() {
            for e in rows {
                assert!(!e.abbreviation.is_empty() && !e.expansion.is_empty());
            }
        }
    }

    #[test]
    fn duplicates_and_bad_rows_are_rejected() {
        let dup = Dictionary::from_tsv(
            "ANTT\tan ninh trật tự\tsecurity\nANTT\tan ninh trật tự\tsecurity\n",
        );
        assert!(
            dup.unwrap_err()
                .to_string()
                .contains("line 2: duplicate entry `ANTT`")
        );
        let empty = Dictionary::from_tsv("ANTT\t\tsecurity\n");
        assert!(empty.unwrap_err().to_string().contains("line 1: empty"));
        let unruled = Dictionary::from_tsv("BV\tbảo vệ\tsecurity\nBV\tbệnh viện\tgeneral\n");
        assert!(unruled.unwrap_err().to_string().contains("context rule"));
    }

    #[test]
    fn whole_tokens_only() {
        assert_eq!(pairs("Giữ gìn ANTT."), [p("ANTT", "an ninh trật tự")]);
        assert!(pairs("ANTTX và XANTT").is_empty());
        assert_eq!(
            pairs("phát triển KT-XH, bảo đảm QP-AN"),
            [
                p("KT-XH", "kinh tế - xã hội"),
                p("QP-AN", "quốc phòng - an ninh")
            ]
        );
        assert_eq!(
            pairs("ANTT-TTATGT"),
            [
                p("ANTT", "an ninh trật tự"),
                p("TTATGT", "trật tự an toàn giao thông")
            ]
        );
        assert_eq!(pairs("tại TDP4, phường An Lạc"), [p("TDP", "tổ dân phố")]);
    }

    #[test]
    fn urls_emails_and_document_numbers_are_skipped() {
        assert!(pairs("xem https://cand.com.vn/ANTT/bai-viet").is_empty());
        assert!(pairs("gửi về ANTT@congan.gov.vn").is_empty());
        assert!(pairs("Nghị định số 06/2014/NĐ-CP và Chỉ thị 09-CT/TW").is_empty());
        assert!(pairs("Quyết định 521/2005/QÐ-TTg").is_empty());
        assert!(pairs("Chỉ thị số 03/CT-BCA-V28").is_empty());
    }

    #[test]
    fn capitals_lines_and_roman_numerals() {
        assert!(pairs("CÔNG AN TRA VINH").is_empty());
        assert_eq!(
            pairs("ĐẢM BẢO ANTT TRÊN ĐỊA BÀN"),
            [p("ANTT", "an ninh trật tự")]
        );
        assert!(pairs("Đại hội XII, khóa IV").is_empty());
    }

    #[test]
    fn ambiguity_is_resolved_or_left_alone() {
        assert_eq!(
            pairs("XDPT toàn dân BV ANTQ"),
            [
                p("XDPT", "xây dựng phong trào"),
                p("BV", "bảo vệ"),
                p("ANTQ", "an ninh Tổ quốc")
            ]
        );
        assert_eq!(pairs("cấp cứu tại BV Đa khoa tỉnh"), [p("BV", "bệnh viện")]);
        assert!(pairs("ông BV cho biết").is_empty());
        assert_eq!(pairs("BCH Quân sự huyện"), [p("BCH", "Ban Chỉ huy")]);
        assert_eq!(pairs("BCH Đoàn xã"), [p("BCH", "Ban Chấp hành")]);
    }

    #[test]
    fn articles_define_their_own_forms() {
        let text = "giữ gìn an ninh, trật tự (ANTT) ở cơ sở. Tình hình ANTT ổn định.";
        assert_eq!(
            pairs(text),
            [p("ANTT", "an ninh, trật tự"), p("ANTT", "an ninh, trật tự")]
        );
        let text = "Hội đồng nhân dân (HĐND) xã";
        assert_eq!(pairs(text), [p("HĐND", "Hội đồng nhân dân")]);
    }

    #[test]
    fn initials_credits_and_site_names() {
        assert!(pairs("Ảnh: P.L").is_empty());
        assert!(pairs("Thứ trưởng (Ảnh: T.P.).").is_empty());
        assert!(pairs("ANTD.VN - Sau hơn 2 tháng").is_empty());
        assert_eq!(
            pairs("Ảnh minh họa về ANTT"),
            [p("ANTT", "an ninh trật tự")]
        );
    }

    #[test]
    fn publishers_as_sources() {
        assert!(pairs("Nội dung.\nTheo TTXVN").is_empty());
        assert!(pairs("(CAND) - Ngày 4/9, Ban Chỉ đạo").is_empty());
        assert_eq!(
            pairs("Như Báo CAND đã đưa tin"),
            [p("CAND", "Công an nhân dân")]
        );
        assert_eq!(
            pairs("CTTĐT - Thực hiện"),
            [p("CTTĐT", "Cổng thông tin điện tử")]
        );
        assert_eq!(
            pairs("tại P.Bến Nghé, Q.1"),
            [p("P.", "phường"), p("Q.", "quận")]
        );
    }

    #[test]
    fn dotted_forms() {
        assert_eq!(pairs("TP.Bà Rịa"), [p("TP.", "thành phố")]);
        assert_eq!(
            pairs("TP.HCM và TP Hà Nội"),
            [p("TP.HCM", "thành phố Hồ Chí Minh"), p("TP", "thành phố")]
        );
    }

    #[test]
    fn expansion_styles_map_back() {
        let text = "Bảo vệ ANTQ.";
        let r = expand(text, Style::Replace);
        assert_eq!(r.text, "Bảo vệ an ninh Tổ quốc.");
        let at = r.text.find("an ninh").unwrap();
        assert_eq!(
            &text[r.to_original(at..at + "an ninh Tổ quốc".len())],
            "ANTQ"
        );
        assert_eq!(
            expand(text, Style::Annotate).text,
            "Bảo vệ ANTQ (an ninh Tổ quốc)."
        );
    }

    #[test]
    fn user_entries_override() {
        let d = Dictionary::embedded().with_entries([Entry {
            abbreviation: "ANTT".into(),
            expansion: "an ninh, trật tự".into(),
            domain: Domain::Security,
            rule: None,
        }]);
        assert_eq!(d.find("ANTT")[0].expansion, "an ninh, trật tự");
    }

    #[test]
    fn company_types_roads_and_compounds() {
        assert_eq!(
            pairs("Công ty CP đầu tư và Công ty TNHH MTV Lavenue"),
            [
                p("CP", "cổ phần"),
                p("TNHH", "trách nhiệm hữu hạn"),
                p("MTV", "một thành viên"),
            ]
        );
        // `CP` is `cổ phần` only after `Công ty`.
        assert!(
            pairs("Nghị định 06/2014/NĐ-CP quy định")
                .iter()
                .all(|(f, _)| f != "CP")
        );
        assert_eq!(pairs("theo tuyến QL14B"), [p("QL", "quốc lộ")]);
        assert_eq!(
            pairs("phòng chống tội phạm, PCMT - MD, HIV/AIDS"),
            [p("PCMT - MD", "phòng, chống ma túy - mại dâm")]
        );
        assert_eq!(
            pairs("công tác PCMT-MD"),
            [p("PCMT", "phòng, chống ma túy"), p("MD", "mại dâm")]
        );
        assert_eq!(pairs("Tổng cục An ninh II"), []);
    }

    #[test]
    fn lead_tags_are_sources() {
        assert_eq!(pairs("TP - Sáng nay, cơ quan điều tra"), []);
        assert_eq!(
            pairs("CTTĐT - Thực hiện kế hoạch"),
            [p("CTTĐT", "Cổng thông tin điện tử")]
        );
    }

    #[test]
    fn definitions_by_the_initials_of_a_name() {
        assert_eq!(
            pairs(
                "Chủ tịch Ủy ban Quốc gia phòng, chống AIDS và phòng, chống tệ nạn ma túy, mại dâm (UBQG), về việc kiểm tra. Đoàn của UBQG đến"
            ),
            [p("UBQG", "Ủy ban Quốc gia"), p("UBQG", "Ủy ban Quốc gia")]
        );
    }
}

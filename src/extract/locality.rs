//! Localities: named administrative places, resolved against the gazetteer.
//!
//! A mention is a unit word (full or abbreviated: `tỉnh`, `TP.`, `H.`,
//! `TDP`, `thôn`, ...) followed by a name (`xã Ea Siên`, `Phường 3`,
//! `TDP4`, `TP.HCM`), a name in a list sharing that unit word (`các xã Cẩm
//! Yên, Cẩm Tân, Cẩm Liên`), or a bare province or municipality name
//! (`Công an Trà Vinh`, `Hà Nội`). The extent of a name is the longest run
//! of capitalised words the gazetteer knows, else the run itself.
//!
//! Resolution picks among the gazetteer's candidates by era (the one in
//! force when the article was written, falling back to the other), by the
//! address chain (`xã Ea Siên, thị xã Buôn Hồ`), and by the other places
//! the article names. When the choice stays open, `province` and `code`
//! are `null`: never a guess presented as fact.

use super::Context;
use crate::chars::{is_alphanumeric, is_letter, is_lower, is_upper};
use crate::doc::Doc;
use crate::gazetteer::{Era, Gazetteer, Unit, is_provincial};
use crate::normalize::fold_key;
use crate::record::{Level, Locality};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

/// A locality found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LocalityFound {
    /// Unit word and name, or the name alone (bare names, list items).
    pub range: Range<usize>,
    /// The unit word (lower case when written in full; abbreviations as written).
    pub unit: Option<String>,
    /// The name without its unit word (abbreviated names written out).
    pub name: String,
    /// The level.
    pub level: Level,
    /// Province or municipality.
    pub province: Option<String>,
    /// Gazetteer code.
    pub code: Option<String>,
    /// Whether the gazetteer knows the name at this level.
    pub known: bool,
}

/// Unit words: the full forms in lower case or capitalised; abbreviations
/// only as written. Leftmost-first, in this order, so that `Tổ dân phố`
/// wins over `Tổ` and `TP.` over `TP`. A DFA without a prefilter: the
/// words start with common letters (`t`, `h`, `x`), at which a prefilter
/// would stop nearly every time.
static UNIT: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    const FULL: &[&str] = &[
        "tổ dân phố",
        "khu phố",
        "thành phố",
        "thị xã",
        "thị trấn",
        "đặc khu",
        "tỉnh",
        "huyện",
        "quận",
        "xã",
        "phường",
        "thôn",
        "bản",
        "buôn",
        "ấp",
        "làng",
        "xóm",
        "khóm",
        "sóc",
        "plei",
        "tổ",
    ];
    const ABBREVIATED: &[&str] = &[
        "TP.", "TP", "Tp.", "Tp", "TX.", "TX", "TDP", "Q.", "H.", "P.",
    ];
    let mut patterns: Vec<String> = Vec::new();
    for w in FULL {
        let mut chars = w.chars();
        let capitalised: String = chars
            .next()
            .into_iter()
            .flat_map(char::to_uppercase)
            .chain(chars)
            .collect();
        patterns.push(w.to_string());
        patterns.push(capitalised);
    }
    patterns.extend(ABBREVIATED.iter().map(|a| a.to_string()));
    aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostFirst)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .prefilter(false)
        .build(&patterns)
        .expect("unit words are valid patterns")
});

/// Whether the words before a unit word make it plural: `các`, `những`,
/// a number (`3 thôn`, `hai bản`).
fn is_plural_before(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end();
    let last = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .to_lowercase();
    matches!(
        last.as_str(),
        "các" | "những" | "hai" | "ba" | "bốn" | "năm" | "sáu" | "bảy" | "tám" | "chín" | "mười"
    ) || (!last.is_empty() && last.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether a run of capitalised words reads as a place's name: each word a
/// capital and small letters (`Tân Hòa`, `Ea Knuếc`), the first none of the
/// words that start the names of bodies and people's titles (`Công an`,
/// `Ủy ban`, `Ông`).
fn plain_name(text: &str, run: &[Range<usize>]) -> bool {
    const NOT_A_PLACE: &[&str] = &[
        "Công",
        "Ủy",
        "Uỷ",
        "Ban",
        "Đảng",
        "Hội",
        "Mặt",
        "Đoàn",
        "Chi",
        "Tổ",
        "Đội",
        "Phòng",
        "Sở",
        "Bộ",
        "Ông",
        "Bà",
        "Anh",
        "Chị",
        "Đồng",
        "Trưởng",
        "Phó",
        "Trường",
        "Bệnh",
    ];
    let Some(first) = run.first() else {
        return false;
    };
    !NOT_A_PLACE.contains(&&text[first.clone()])
        && run.iter().take(4).all(|r| {
            let mut chars = text[r.clone()].chars();
            chars.next().is_some_and(is_upper) && chars.all(is_lower)
        })
}

/// The length of the name word at the start of `s`: a capitalised word
/// (with `’`-joined and `-Capitalised` parts: `N’Drung`, `Ê-Đê`) or a number
/// with at most one letter after it (`3`, `10A`).
fn name_word(s: &str) -> Option<usize> {
    let mut chars = s.char_indices().peekable();
    let (_, first) = *chars.peek()?;
    if first.is_ascii_digit() {
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        let letter = s[digits..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic())
            && !s[digits..].chars().nth(1).is_some_and(is_alphanumeric);
        return Some(digits + usize::from(letter));
    }
    if !is_upper(first) {
        return None;
    }
    let is_letter = |c: char| is_letter(c) || unicode_normalization::char::is_combining_mark(c);
    let mut end = 0;
    let mut prev_joiner: Option<char> = None;
    let mut prev_lower = false;
    for (i, c) in s.char_indices() {
        if is_letter(c) {
            if prev_joiner == Some('-') && !is_upper(c) {
                break;
            }
            // `Hòa BìnhTheo`: a capital after a small letter starts the next
            // word (crawled text drops spaces).
            if prev_lower && is_upper(c) {
                break;
            }
            prev_lower = is_lower(c);
            end = i + c.len_utf8();
            prev_joiner = None;
        } else if matches!(c, '\'' | '’' | 'ʼ' | '-') && prev_joiner.is_none() && i > 0 {
            prev_joiner = Some(c);
            prev_lower = false;
        } else {
            break;
        }
    }
    (end > 0).then_some(end)
}

/// The end of a village's name with the number written after it (` 2`,
/// ` 3B`), else `end`.
fn numbered_end(text: &str, end: usize) -> usize {
    let rest = &text[end..];
    let Some(num) = rest.strip_prefix(' ') else {
        return end;
    };
    let digits = num.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return end;
    }
    let letter = num[digits..]
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_uppercase())
        && !num[digits..].chars().nth(1).is_some_and(is_alphanumeric);
    let len = digits + usize::from(letter);
    if num[len..].chars().next().is_some_and(is_alphanumeric) {
        return end;
    }
    end + 1 + len
}

/// Levels a unit word admits.
fn levels_for(unit: &str) -> &'static [Level] {
    use Level::*;
    match unit.to_lowercase().trim_end_matches('.') {
        "tỉnh" => &[Province],
        "thành phố" | "tp" => &[Municipality, City],
        "quận" | "q" => &[UrbanDistrict],
        "huyện" | "h" => &[District],
        "thị xã" | "tx" => &[Town],
        "xã" => &[Commune],
        "phường" | "p" => &[Ward],
        "thị trấn" => &[Township],
        "đặc khu" => &[SpecialZone],
        "thôn" | "bản" | "buôn" | "ấp" | "làng" | "xóm" | "khóm" | "sóc" | "plei" => {
            &[Village]
        }
        _ => &[ResidentialGroup],
    }
}

fn in_gazetteer_level(level: Level) -> bool {
    !matches!(level, Level::Village | Level::ResidentialGroup)
}

/// Words that, before a bare name, make it part of a person's name.
const NAME_PARTS: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Văn", "Thị", "Đức", "Hữu", "Đình", "Công", "Quang", "Minh",
    "Ngọc",
];

/// Directions that end commune names (`Bình Định Bắc`).
const DIRECTIONS: &[&str] = &["Bắc", "Nam", "Đông", "Tây", "Trung", "Thượng", "Hạ"];

/// Words before a bare name that make it a street or something else.
const NOT_AFTER: &[&str] = &[
    "đường",
    "phố",
    "Đường",
    "Phố",
    "sông",
    "Sông",
    "núi",
    "Núi",
    "cầu",
    "Cầu",
];

/// Words before a capitalised unit word that make it part of the name of
/// a landmark or an event (`thác Bản Giốc`, `chiến thắng Ấp Bắc`).
const LANDMARKS: &[&str] = &[
    "đường",
    "phố",
    "sông",
    "núi",
    "cầu",
    "thác",
    "đèo",
    "hồ",
    "suối",
    "chùa",
    "đền",
    "đình",
    "chợ",
    "bến",
    "hang",
    "động",
    "đảo",
    "vịnh",
    "thắng",
    "trận",
    "quán",
    "hiệu",
];

struct Candidate<'g> {
    found: LocalityFound,
    units: Vec<&'g Unit>,
}

/// The name run after `at`: (range, words) of capitalised words and
/// numbers joined by single spaces or ` - `, at most `max` words.
fn name_run(text: &str, at: usize, max: usize) -> Vec<Range<usize>> {
    let mut words = Vec::new();
    let mut pos = at;
    // Each word is measured once: the look-ahead's length is the next word's.
    let mut next = name_word(&text[pos..]);
    while words.len() < max {
        let Some(len) = next else {
            break;
        };
        words.push(pos..pos + len);
        pos += len;
        // Next word: one space, or ` - ` inside a name (`Bà Rịa - Vũng Tàu`).
        let rest = &text[pos..];
        if rest.starts_with(' ')
            && let Some(l) = name_word(&rest[1..])
            && !rest[1..].starts_with(|c: char| c.is_ascii_digit())
        {
            pos += 1;
            next = Some(l);
        } else if rest.starts_with(is_upper)
            && let Some(l) = name_word(rest)
        {
            // A word glued on (`ĐắkLắk`, `Hòa BìnhTheo`): the gazetteer
            // decides how far the name runs.
            next = Some(l);
        } else if let Some(d) = [" - ", " – "].into_iter().find(|d| rest.starts_with(d))
            && let Some(l) = name_word(&rest[d.len()..])
        {
            pos += d.len();
            next = Some(l);
        } else {
            break;
        }
    }
    words
}

/// The longest prefix of a run that the gazetteer knows at one of `levels`.
fn known_prefix<'g>(
    gaz: &'g Gazetteer,
    text: &str,
    run: &[Range<usize>],
    levels: &[Level],
) -> Option<(usize, Vec<&'g Unit>)> {
    // Keys of the prefixes, built word by word (the key drops spaces and hyphens).
    let mut ends = Vec::with_capacity(run.len());
    let mut key = String::new();
    for w in run {
        crate::normalize::fold_key_into(&text[w.clone()], &mut key);
        ends.push(key.len());
    }
    for n in (1..=run.len()).rev() {
        let key = &key[..ends[n - 1]];
        // Most prefixes name nothing: asked before any list is built.
        if !gaz.knows_key(key) {
            continue;
        }
        let units: Vec<&Unit> = gaz
            .lookup_key(key)
            .into_iter()
            .filter(|u| levels.contains(&u.level))
            .collect();
        if !units.is_empty() {
            return Some((n, units));
        }
    }
    None
}

/// The words of the longest prefix of a run that is a place's name as the
/// gazetteer spells it, tones included (folded keys would take `Quận Hà
/// Đông` for a commune `Quan Hà`).
fn spelt_known(gaz: &Gazetteer, text: &str, run: &[Range<usize>]) -> Option<usize> {
    let (n, units) = known_prefix(gaz, text, run, Level::ALL)?;
    let written = text[run[0].start..run[n - 1].end].to_lowercase();
    units
        .iter()
        .any(|u| u.name.to_lowercase() == written)
        .then_some(n)
}

fn official(gaz: &Gazetteer, name: &str) -> String {
    gaz.official_name(name)
        .map_or_else(|| name.to_string(), str::to_string)
}

/// Every locality in `text`, resolved; `era` is the structure in force when
/// the article was written, when known.
pub(crate) fn scan(text: &str, gaz: &Gazetteer, era: Option<Era>) -> Vec<LocalityFound> {
    let mut cands: Vec<Candidate> = Vec::new();
    let mut covered: Vec<Range<usize>> = Vec::new();
    for m in UNIT.find_iter(text) {
        let unit_text = &text[m.range()];
        if !crate::chars::word_start(text, m.start()) {
            continue;
        }
        // Mentions come in order: only the latest ones can cover this one.
        if covered
            .iter()
            .rev()
            .take(16)
            .any(|c| c.start <= m.start() && m.start() < c.end)
        {
            continue;
        }
        let levels = levels_for(unit_text);
        let abbreviated = unit_text.chars().next().is_some_and(is_upper)
            && unit_text
                .chars()
                .nth(1)
                .is_some_and(|c| is_upper(c) || c == '.');
        // The name: right after (`TP.HCM`, `TDP4`) or after one space.
        let glued = abbreviated && !text[m.end()..].starts_with(' ');
        let mut name_at = if glued { m.end() } else { m.end() + 1 };
        if !glued && !text[m.end()..].starts_with(' ') {
            continue;
        }
        // `xã cũ là A, B`, `huyện miền núi như A, B`: a list introduced
        // after the unit word and a few lower-case words.
        let mut introduced = false;
        if !text[name_at.min(text.len())..].starts_with(|c: char| is_upper(c) || c.is_ascii_digit())
        {
            let window = &text
                [name_at.min(text.len())..crate::chars::ahead(text, name_at.min(text.len()), 40)];
            // Most unit words followed by lower case are common words
            // (`xã hội`, `tổ chức`): look for an introducing word only
            // when the window has one.
            let has_intro =
                window.contains("là ") || window.contains("như") || window.contains("gồm");
            let probe = if has_intro {
                format!(" {window}")
            } else {
                String::new()
            };
            for intro in [" như ", " gồm ", " là ", " như: ", " gồm: "] {
                if let Some(i) = probe.find(intro) {
                    let words = &probe[..i];
                    if words.split_whitespace().count() <= 3
                        && words.chars().all(|c| is_lower(c) || c == ' ')
                    {
                        name_at += i + intro.len() - 1;
                        introduced = true;
                        break;
                    }
                }
            }
        }
        if name_at > text.len() {
            continue;
        }
        let run = name_run(text, name_at, 6);
        if run.is_empty() {
            continue;
        }
        let numbered = text[run[0].clone()].starts_with(|c: char| c.is_ascii_digit());
        // Initials (`Ảnh: P.L`) are no places.
        if abbreviated && run.len() == 1 && text[run[0].clone()].chars().count() == 1 && !numbered {
            continue;
        }
        let lower_unit = if abbreviated {
            unit_text.to_string()
        } else {
            unit_text.to_lowercase()
        };
        // `tổ` names only numbers; `Tổ công tác` and the like are no places.
        if lower_unit == "tổ" && !numbered {
            continue;
        }
        // A unit word written with a capital may be the first syllable of
        // a name: of a place the gazetteer knows whole (`Sóc Trăng`, `Buôn
        // Ma Thuột`), read as a bare name if at all; of a person (`Quận Văn
        // Hùng`, `Làng Văn Thắng`, `Bản Nguyễn`) when what follows is not a
        // place's name and starts as people's names do.
        let capital_unit = !abbreviated && unit_text.starts_with(is_upper);
        if capital_unit && !numbered {
            let with_unit: Vec<Range<usize>> = std::iter::once(m.range())
                .chain(run.iter().cloned())
                .collect();
            if spelt_known(gaz, text, &with_unit).is_some_and(|n| n >= 2) {
                continue;
            }
            // `thác Bản Giốc`, `chiến thắng Ấp Bắc`: a landmark's or an
            // event's name.
            let before = text[..m.start()]
                .split_whitespace()
                .next_back()
                .unwrap_or("");
            if LANDMARKS.contains(&before.to_lowercase().as_str()) {
                continue;
            }
            let first = &text[run[0].clone()];
            if NAME_PARTS[..18].contains(&first) && spelt_known(gaz, text, &run).is_none() {
                continue;
            }
        }
        if numbered
            && !matches!(
                levels[0],
                Level::Ward | Level::UrbanDistrict | Level::Village | Level::ResidentialGroup
            )
        {
            continue;
        }
        let mut items: Vec<(Range<usize>, Range<usize>, Vec<&Unit>)> = Vec::new(); // (mention, name, units)
        let first_units;
        let first_len;
        if numbered {
            first_len = 1;
            first_units = if in_gazetteer_level(levels[0]) {
                gaz.lookup(&format!("{} {}", unit_text, &text[run[0].clone()]))
                    .into_iter()
                    .chain(gaz.lookup(&text[run[0].clone()]))
                    .filter(|u| levels.contains(&u.level))
                    .collect()
            } else {
                Vec::new()
            };
        } else if in_gazetteer_level(levels[0]) {
            match known_prefix(gaz, text, &run, levels) {
                // `xã Bình Định Bắc` when only `Bình Định` is listed: the
                // direction belongs to the name.
                Some((n, _))
                    if run
                        .get(n)
                        .is_some_and(|w| DIRECTIONS.contains(&&text[w.clone()])) =>
                {
                    first_len = (n + 1).min(run.len());
                    first_units = Vec::new();
                }
                Some((n, units)) => {
                    first_len = n;
                    first_units = units;
                }
                None if introduced => continue,
                // A person's name after a unit word (`MTTQ thành phố Trần Thị Mẫn`).
                None if NAME_PARTS[..16].contains(&&text[run[0].clone()]) => continue,
                None => {
                    first_len = run.len().min(4);
                    first_units = Vec::new();
                }
            }
        } else {
            first_len = run.len().min(4);
            first_units = Vec::new();
        }
        let mut name_range = run[0].start..run[first_len - 1].end;
        // Villages are numbered after their name (`bản Pá Khoang 2`, `thôn
        // Đông 3`): the number belongs to it.
        if !in_gazetteer_level(levels[0]) && !numbered {
            name_range.end = numbered_end(text, name_range.end);
        }
        // `TP.` ending a sentence before a capitalised word: an unknown
        // name after `TP. ` is the next sentence (`..., TP. Hội nghị ...`).
        if matches!(unit_text, "TP." | "Tp.") && !glued && first_units.is_empty() {
            continue;
        }
        let mention = if introduced {
            name_range.clone()
        } else {
            m.start()..name_range.end
        };
        items.push((mention, name_range.clone(), first_units));
        // List items sharing the unit word. After a plural (`các thôn`,
        // `3 bản`) longer unlisted names are items too (`các thôn Tân
        // Lập, Tân Hòa và Phú Xuân`); after a single unit word a second
        // name may be a place of another level.
        let plural = is_plural_before(text, m.start());
        let mut pos = name_range.end;
        let run_first_end = run[0].end;
        loop {
            let rest = &text[pos..];
            let sep = if let Some(r) = rest.strip_prefix(", ") {
                rest.len() - r.len()
            } else if let Some(r) = rest.strip_prefix(" và ") {
                rest.len() - r.len()
            } else if let Some(r) = rest.strip_prefix(",") {
                rest.len() - r.len()
            } else {
                break;
            };
            let at = pos + sep;
            let head = &text[at..crate::chars::ahead(text, at, 24)];
            if UNIT.find(head).is_some_and(|u| u.start() == 0) {
                break;
            }
            let run = name_run(text, at, 6);
            if run.is_empty() {
                break;
            }
            let is_num = text[run[0].clone()].starts_with(|c: char| c.is_ascii_digit());
            if is_num != numbered {
                break;
            }
            // Villages named by short codes share their unit word too
            // (`bản A 1, A 2 và B`): a letter or two, maybe numbered, as the
            // first one is. Longer unknown names after a comma are no list.
            let short = |r: &Range<usize>| text[r.clone()].chars().count() <= 2;
            let (len, units) = if is_num {
                (1, Vec::new())
            } else if in_gazetteer_level(levels[0]) {
                match known_prefix(gaz, text, &run, levels) {
                    Some(x) => x,
                    None => break,
                }
            } else if short(&run[0]) && short(&(name_range.start..run_first_end)) {
                (1, Vec::new())
            } else if plural
                && plain_name(text, &run)
                // A province after the list is the list's province.
                && known_prefix(gaz, text, &run, &[Level::Province, Level::Municipality]).is_none()
            {
                (run.len().min(4), Vec::new())
            } else {
                break;
            };
            let mut r = run[0].start..run[len - 1].end;
            if !in_gazetteer_level(levels[0]) && !is_num {
                r.end = numbered_end(text, r.end);
            }
            items.push((r.clone(), r.clone(), units));
            pos = r.end;
        }
        for (mention, name, units) in items {
            covered.push(mention.clone());
            let raw = &text[name.clone()];
            cands.push(Candidate {
                found: LocalityFound {
                    range: mention,
                    unit: Some(lower_unit.clone()),
                    name: official(gaz, raw),
                    level: levels[0],
                    province: None,
                    code: None,
                    known: !units.is_empty(),
                },
                units,
            });
        }
    }
    // Bare province and municipality names.
    covered.sort_by_key(|c| c.start);
    let covered_sorted = covered.clone();
    let overlaps_unit = |r: &Range<usize>| {
        let k = covered_sorted.partition_point(|c| c.start < r.end);
        covered_sorted[..k]
            .iter()
            .rev()
            .take(16)
            .any(|c| r.start < c.end)
    };
    for run_start in bare_run_starts(text) {
        let run = name_run(text, run_start, 8);
        let mut k = 0;
        while k < run.len() {
            let rest = &run[k..];
            let hit = known_prefix(
                gaz,
                text,
                &rest[..rest.len().min(5)],
                &[Level::Province, Level::Municipality],
            );
            let Some((n, units)) = hit else {
                k += 1;
                continue;
            };
            let r = rest[0].start..rest[n - 1].end;
            let before_word = text[..r.start].split_whitespace().next_back().unwrap_or("");
            let part_of_name = k > 0 && NAME_PARTS.contains(&&text[run[k - 1].clone()]);
            let followed = k + n < run.len();
            let overlaps = overlaps_unit(&r);
            // `Huế` alone is the city before 2025, not a province.
            let hue_city = fold_key(&text[r.clone()]) == "hue" && era != Some(Era::From2025);
            let excluded = part_of_name
                || followed
                || NOT_AFTER.contains(&before_word)
                || overlaps
                || hue_city;
            if !excluded {
                cands.push(Candidate {
                    found: LocalityFound {
                        range: r.clone(),
                        unit: None,
                        name: official(gaz, &text[r.clone()]),
                        level: units[0].level,
                        province: None,
                        code: None,
                        known: true,
                    },
                    units,
                });
            }
            k += n;
        }
    }
    cands.sort_by_key(|c| c.found.range.start);
    resolve(text, gaz, era, &mut cands);
    cands.into_iter().map(|c| c.found).collect()
}

/// Starts of capitalised runs not preceded by a unit word.
fn bare_run_starts(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut last_end = 0;
    for start in crate::chars::capitalised_word_starts(text, 0) {
        if start < last_end {
            continue;
        }
        let run = name_run(text, start, 8);
        if let Some(last) = run.last() {
            last_end = last.end;
            out.push(start);
        }
    }
    out
}

fn resolve(text: &str, gaz: &Gazetteer, era: Option<Era>, cands: &mut [Candidate]) {
    // Era first: the one in force, when known and when it has the place.
    if let Some(era) = era {
        for c in cands.iter_mut() {
            if c.units.iter().any(|u| u.era == era) {
                c.units.retain(|u| u.era == era);
            }
        }
    }
    // The address chain: a place followed by its parent (`xã A, huyện B`).
    for i in 0..cands.len().saturating_sub(1) {
        let gap = &text[cands[i].found.range.end
            ..cands[i + 1].found.range.start.max(cands[i].found.range.end)];
        if gap.len() > 4
            || !gap
                .chars()
                .all(|c| matches!(c, ',' | ' ' | '(' | '-' | '–'))
        {
            continue;
        }
        let parents: Vec<&Unit> = cands[i + 1].units.clone();
        if parents.is_empty() || cands[i].units.len() <= 1 {
            continue;
        }
        let narrowed: Vec<&Unit> = cands[i]
            .units
            .iter()
            .copied()
            .filter(|u| parents.iter().any(|p| is_ancestor(gaz, p, u)))
            .collect();
        if !narrowed.is_empty() {
            cands[i].units = narrowed;
        }
    }
    // The article's context: provinces and districts that are certain.
    let mut provinces: HashMap<String, usize> = HashMap::new();
    // A set: a long text names the same districts many times over.
    let mut districts: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for c in cands.iter() {
        if let Some(p) = shared_province(gaz, &c.units) {
            *provinces.entry(p).or_default() += 1;
        }
        if c.units.len() == 1
            && matches!(
                c.units[0].level,
                Level::District | Level::UrbanDistrict | Level::Town | Level::City
            )
        {
            districts.insert(&*c.units[0].code);
        }
    }
    for c in cands.iter_mut() {
        if c.units.len() > 1 {
            let by_district: Vec<&Unit> = c
                .units
                .iter()
                .copied()
                .filter(|u| {
                    u.era == Era::Before2025
                        && u.parent.as_ref().is_some_and(|p| districts.contains(&**p))
                })
                .collect();
            if !by_district.is_empty() {
                c.units = by_district;
            }
        }
        if shared_province(gaz, &c.units).is_none() && c.units.len() > 1 {
            let by_province: Vec<&Unit> = c
                .units
                .iter()
                .copied()
                .filter(|u| province_name(gaz, u).is_some_and(|p| provinces.contains_key(&p)))
                .collect();
            if !by_province.is_empty() {
                c.units = by_province;
            }
        }
        // Still both eras: the older structure, where most archives were written.
        if era.is_none()
            && c.units.iter().any(|u| u.era == Era::Before2025)
            && c.units.iter().any(|u| u.era == Era::From2025)
            && shared_province(gaz, &c.units).is_none()
        {
            c.units.retain(|u| u.era == Era::Before2025);
        }
    }
    // The dominant province, for places the gazetteer does not list.
    let dominant = {
        let mut v: Vec<(&String, &usize)> = provinces.iter().collect();
        v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        match v.as_slice() {
            [(name, _)] => Some((*name).clone()),
            [(name, n1), (_, n2), ..] if n1 > n2 => Some((*name).clone()),
            _ => None,
        }
    };
    for i in 0..cands.len() {
        let c = &cands[i];
        let listed = in_gazetteer_level(c.found.level) && !c.units.is_empty();
        let mut province = shared_province(gaz, &c.units);
        if province.is_none() && !listed {
            // A village, a group, or a place the gazetteer lacks: its
            // chain's province, else the article's.
            let next = cands.get(i + 1).filter(|n| {
                let gap = &text[c.found.range.end..n.found.range.start.max(c.found.range.end)];
                gap.len() <= 4 && gap.chars().all(|ch| matches!(ch, ',' | ' ' | '(' | '-'))
            });
            province = next
                .and_then(|n| shared_province(gaz, &n.units))
                .or_else(|| dominant.clone());
        }
        let code = (c.units.len() == 1).then(|| c.units[0].code.to_string());
        let level = match c.units.first() {
            Some(u) if c.units.iter().all(|x| x.level == u.level) => Some(u.level),
            _ => None,
        };
        let c = &mut cands[i];
        c.found.province = province;
        c.found.code = code;
        if matches!(c.found.level, Level::Municipality | Level::City) {
            c.found.level = match level {
                Some(l) => l,
                None if gaz
                    .lookup(&c.found.name)
                    .iter()
                    .any(|u| u.level == Level::Municipality) =>
                {
                    Level::Municipality
                }
                None => Level::City,
            };
        }
    }
}

/// The name of the province a unit belongs to.
fn province_name(gaz: &Gazetteer, u: &Unit) -> Option<String> {
    if is_provincial(u.level) {
        return Some(u.name.to_string());
    }
    gaz.province_of(u).map(|p| p.name.to_string())
}

/// The province all candidates share (by name, across eras), if they share one.
fn shared_province(gaz: &Gazetteer, units: &[&Unit]) -> Option<String> {
    let first = province_name(gaz, units.first()?)?;
    units
        .iter()
        .all(|u| province_name(gaz, u).as_deref() == Some(first.as_str()))
        .then_some(first)
}

/// Whether `p` contains `u` (its district or province).
fn is_ancestor(gaz: &Gazetteer, p: &Unit, u: &Unit) -> bool {
    if p.era != u.era {
        return false;
    }
    if is_provincial(p.level) {
        return u.province == p.code;
    }
    gaz.parent_of(u).is_some_and(|d| d.code == p.code)
}

/// A name the gazetteer does not know that differs by one letter from a
/// place of the same level the article names elsewhere is that place,
/// misspelt (`TP Tuy Hà` beside `TP Tuy Hòa`): it takes its name, province
/// and code, so the article names one city, not two.
pub(crate) fn same_place_misspelt(found: &mut Vec<LocalityFound>) {
    // Distinct places and distinct unknown names: a long text names the
    // same ones many times.
    let mut known: HashMap<(Level, String), LocalityFound> = HashMap::new();
    for l in found.iter().filter(|l| l.known) {
        known
            .entry((l.level, fold_key(&l.name)))
            .or_insert_with(|| l.clone());
    }
    let mut resolved: HashMap<(Level, String), Option<LocalityFound>> = HashMap::new();
    for l in found.iter_mut().filter(|l| !l.known) {
        let key = fold_key(&l.name);
        if key.chars().count() < 5 {
            continue;
        }
        let place = resolved
            .entry((l.level, key.clone()))
            .or_insert_with(|| {
                let near: Vec<&LocalityFound> = known
                    .iter()
                    .filter(|((level, k), _)| *level == l.level && one_edit_apart(&key, k))
                    .map(|(_, place)| place)
                    .collect();
                match near.as_slice() {
                    [one] => Some((*one).clone()),
                    _ => None,
                }
            })
            .clone();
        if let Some(place) = place {
            l.name = place.name;
            l.province = place.province;
            l.code = place.code;
            l.known = true;
        }
    }
    // Provinces and cities are a closed set, all in the gazetteer: one it
    // does not know is abroad (`tỉnh Quảng Tây (Trung Quốc)`), not a place
    // of Vietnam with a province to guess.
    found.retain(|l| {
        l.known || !matches!(l.level, Level::Province | Level::Municipality | Level::City)
    });
}

/// Whether two keys differ by exactly one inserted, deleted or changed
/// letter.
fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() - short.len() > 1 || a == b {
        return false;
    }
    let prefix = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    if short.len() == long.len() {
        short[prefix + 1..] == long[prefix + 1..]
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

/// The body's localities, resolved in the structure of the article's time.
pub(crate) fn find(doc: &Doc, ctx: &Context) -> Vec<Locality> {
    ctx.localities(doc)
        .iter()
        .cloned()
        .map(|l| {
            let at = doc.locate(l.range);
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
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    type Row = (String, Option<String>, String, Level, Option<String>);

    fn locs(text: &str, era: Option<Era>) -> Vec<Row> {
        scan(text, Gazetteer::embedded(), era)
            .into_iter()
            .map(|l| {
                (
                    text[l.range].to_string(),
                    l.unit,
                    l.name,
                    l.level,
                    l.province,
                )
            })
            .collect()
    }

    fn s(x: &str) -> String {
        x.to_string()
    }

    #[test]
    fn chains_and_numbered_groups() {
        let got = locs(
            "ông Thành (HKTT: TDP4, phường An Lạc, thị xã Buôn Hồ) nhặt được",
            None,
        );
        assert_eq!(
            got,
            [
                (
                    s("TDP4"),
                    Some(s("TDP")),
                    s("4"),
                    Level::ResidentialGroup,
                    Some(s("Đắk Lắk"))
                ),
                (
                    s("phường An Lạc"),
                    Some(s("phường")),
                    s("An Lạc"),
                    Level::Ward,
                    Some(s("Đắk Lắk"))
                ),
                (
                    s("thị xã Buôn Hồ"),
                    Some(s("thị xã")),
                    s("Buôn Hồ"),
                    Level::Town,
                    Some(s("Đắk Lắk"))
                ),
            ]
        );
    }

    #[test]
    fn lists_share_the_unit_word() {
        let got = locs(
            "huyện Cẩm Thuỷ. Tại các xã Cẩm Yên, Cẩm Tân, Cẩm Liên. Phối hợp",
            None,
        );
        let names: Vec<_> = got
            .iter()
            .map(|g| (g.0.as_str(), g.3, g.4.as_deref()))
            .collect();
        assert_eq!(
            names,
            [
                ("huyện Cẩm Thuỷ", Level::District, Some("Thanh Hóa")),
                ("xã Cẩm Yên", Level::Commune, Some("Thanh Hóa")),
                ("Cẩm Tân", Level::Commune, Some("Thanh Hóa")),
                ("Cẩm Liên", Level::Commune, Some("Thanh Hóa")),
            ]
        );
    }

    #[test]
    fn capitalised_unit_words_that_start_a_name() {
        let names =
            |text: &str| -> Vec<String> { locs(text, None).into_iter().map(|g| g.0).collect() };
        let cases: &[(&str, &[&str])] = &[
            // A place the gazetteer knows whole: a bare province, a city
            // (no bare locality).
            ("về Sóc Trăng công tác", &["Sóc Trăng"]),
            ("tại Buôn Ma Thuột hôm qua", &[]),
            // People.
            ("ông Quận Văn Hùng và Làng Văn Thắng", &[]),
            // Landmarks and events.
            ("thác Bản Giốc và chiến thắng Ấp Bắc", &[]),
            // Addresses written with capitals stay places, spelt as the
            // gazetteer spells them (`Quận Hà Đông` is no `Quan Hà`).
            (
                "Quận Hà Đông, Thành phố Hà Nội",
                &["Quận Hà Đông", "Thành phố Hà Nội"],
            ),
            ("Thôn Tân Lập, Xã Ea Kly", &["Thôn Tân Lập", "Xã Ea Kly"]),
        ];
        for (text, want) in cases {
            assert_eq!(names(text), *want, "{text}");
        }
    }

    #[test]
    fn plural_unit_words_list_unlisted_villages() {
        let names =
            |text: &str| -> Vec<String> { locs(text, None).into_iter().map(|g| g.0).collect() };
        let cases: &[(&str, &[&str])] = &[
            (
                "tuần tra tại các thôn Tân Lập, Tân Hòa và Phú Xuân của xã",
                &["thôn Tân Lập", "Tân Hòa", "Phú Xuân"],
            ),
            ("ở 2 thôn Đông, Tây", &["thôn Đông", "Tây"]),
            // One village and something else: no list.
            ("ở thôn Tân Lập, Tân Hòa", &["thôn Tân Lập"]),
            // A body or a province after the list is none of its items.
            ("các thôn Tân Lập, Công an xã", &["thôn Tân Lập"]),
            ("các thôn Tân Lập, Hà Nội", &["thôn Tân Lập", "Hà Nội"]),
        ];
        for (text, want) in cases {
            assert_eq!(names(text), *want, "{text}");
        }
    }

    #[test]
    fn abbreviations_and_bare_names() {
        let got = locs("Hà Nội, TP HCM, Đà Nẵng và TP.Bà Rịa", None);
        let names: Vec<_> = got
            .iter()
            .map(|g| (g.0.as_str(), g.2.as_str(), g.3))
            .collect();
        assert_eq!(
            names,
            [
                ("Hà Nội", "Hà Nội", Level::Municipality),
                ("TP HCM", "Hồ Chí Minh", Level::Municipality),
                ("Đà Nẵng", "Đà Nẵng", Level::Municipality),
                ("TP.Bà Rịa", "Bà Rịa", Level::City),
            ]
        );
        assert_eq!(
            locs("Công an Trà Vinh chú trọng", None)[0].4.as_deref(),
            Some("Trà Vinh")
        );
    }

    #[test]
    fn lists_after_a_description() {
        let got = locs(
            "các huyện miền núi như Nam Trà My, Bắc Trà My, Phước Sơn.",
            Some(Era::Before2025),
        );
        let names: Vec<_> = got
            .iter()
            .map(|g| (g.0.as_str(), g.3, g.4.as_deref()))
            .collect();
        assert_eq!(
            names,
            [
                ("Nam Trà My", Level::District, Some("Quảng Nam")),
                ("Bắc Trà My", Level::District, Some("Quảng Nam")),
                ("Phước Sơn", Level::District, Some("Quảng Nam")),
            ]
        );
        let got = locs(
            "sáp nhập từ 3 xã cũ là Lũng Niêm, Thành Lâm và Thành Sơn",
            None,
        );
        assert_eq!(got.len(), 3);
    }

    #[test]
    fn names_that_are_not_places() {
        assert!(locs("ông Nguyễn Hòa Bình phát biểu", None).is_empty());
        assert!(locs("các xã, thị trấn trên địa bàn huyện", None).is_empty());
        assert!(locs("Tổ công tác đã đến", None).is_empty());
        assert!(locs("đường Hà Nội kéo dài", None).is_empty());
    }

    #[test]
    fn ambiguity_stays_open() {
        // Sơn Tây: a town of Hà Nội and a district of Quảng Ngãi.
        let got = locs("huyện Sơn Tây", Some(Era::Before2025));
        assert_eq!(got[0].4.as_deref(), Some("Quảng Ngãi"));
        let got = locs("thị xã Sơn Tây", Some(Era::Before2025));
        assert_eq!(got[0].4.as_deref(), Some("Hà Nội"));
        // A commune name found in several provinces, with nothing to choose by.
        let got = locs("xã Bình Thuận", Some(Era::Before2025));
        assert_eq!(got[0].4, None);
        // ... and settled by its chain.
        let got = locs("xã Bình Thuận, thị xã Buôn Hồ", Some(Era::Before2025));
        assert_eq!(got[0].4.as_deref(), Some("Đắk Lắk"));
    }

    #[test]
    fn eras() {
        let got = locs("xã Pù Luông", None);
        assert_eq!(got[0].4.as_deref(), Some("Thanh Hóa"));
        let after = locs("xã Nghĩa Đàn, tỉnh Nghệ An", Some(Era::From2025));
        assert_eq!(after[0].4.as_deref(), Some("Nghệ An"));
    }

    #[test]
    fn names_glued_to_the_next_word() {
        let got = locs(
            "làm việc với tỉnh Hòa BìnhTheo tỉnh Hòa Bình, thời gian qua",
            None,
        );
        let names: Vec<&str> = got.iter().map(|r| r.0.as_str()).collect();
        assert_eq!(names, ["tỉnh Hòa Bình", "tỉnh Hòa Bình"]);
        let got = locs("Công an tỉnh ĐắkLắk cho biết", None);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "tỉnh ĐắkLắk");
        assert_eq!(got[0].4.as_deref(), Some("Đắk Lắk"));
    }

    #[test]
    fn a_misspelt_name_is_the_place_named_elsewhere() {
        let text = "Phó Công an TP Tuy Hà cho biết, TAND TP Tuy Hòa và Công an TP Tuy Hòa";
        let mut found = scan(text, Gazetteer::embedded(), None);
        same_place_misspelt(&mut found);
        let names: Vec<&str> = found.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["Tuy Hòa", "Tuy Hòa", "Tuy Hòa"]);
        assert!(one_edit_apart("tuyha", "tuyhoa"));
        assert!(!one_edit_apart("tuyhoa", "tuyhoa"));
        assert!(!one_edit_apart("haian", "hadong"));
    }

    #[test]
    fn numbered_villages_foreign_provinces_and_sentence_ends() {
        let names = |text: &str| -> Vec<String> {
            let mut found = scan(text, Gazetteer::embedded(), None);
            same_place_misspelt(&mut found);
            found
                .into_iter()
                .map(|l| text[l.range].to_string())
                .collect()
        };
        assert_eq!(
            names("tại ấp 3B và bản Pá Khoang 2, huyện Điện Biên"),
            ["ấp 3B", "bản Pá Khoang 2", "huyện Điện Biên"]
        );
        assert_eq!(
            names("ở bản A 1, A 2 và B tham gia"),
            ["bản A 1", "A 2", "B"]
        );
        assert_eq!(names("ở thôn Đông, Chủ tịch xã"), ["thôn Đông"]);
        assert_eq!(
            names("giáp tỉnh Quảng Tây (Trung Quốc) và tỉnh Cao Bằng"),
            ["tỉnh Cao Bằng"]
        );
        assert_eq!(
            names("ở đường Trần Hưng Đạo, TP. Hội nghị diễn ra"),
            Vec::<String>::new()
        );
        assert_eq!(names("đến TP. Hồ Chí Minh rồi về"), ["TP. Hồ Chí Minh"]);
    }
}

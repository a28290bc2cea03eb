//! Legal and party documents: kind, number, date of issue, issuer, title.
//!
//! A document is a kind word followed by a number (`Nghị định số
//! 06/2014/NĐ-CP`, `Chỉ thị 09-CT/TW`, `Quyết định 34/2013`), or a law
//! cited by name (`Luật Công an nhân dân (2018)`). Generic mentions without
//! a number, name or title (`các Nghị quyết liên tịch`) are not documents.
//! `issued` is the date right after the number, else a date or year earlier
//! in the same clause; `issuer` is the body named (`của Chính phủ`, `Bộ
//! Công an ban hành ...`), else the one the number's suffix implies
//! (`data/issuers.tsv`); `title` is the quoted subject, or what follows
//! `về` (`về việc ...` kept whole) or `quy định`.

use super::Context;
use crate::chars::{is_alphanumeric, is_upper};
use crate::doc::Doc;
use crate::record::{DateValue, LegalDocument};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A document found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DocumentFound {
    /// Kind word, number (or law name) and the law's year in parentheses.
    pub range: Range<usize>,
    /// `nghị định`, `chỉ thị`, ... (lower case).
    pub kind: String,
    /// The number, normalized.
    pub number: Option<String>,
    /// Date or year of issue.
    pub issued: Option<String>,
    /// Issuing body.
    pub issuer: Option<String>,
    /// Subject, as written.
    pub title: Option<String>,
}

/// A date already found in the same text (range and value).
#[derive(Debug, Clone)]
pub(crate) struct KnownDate {
    /// Where it is.
    pub range: Range<usize>,
    /// Its value.
    pub value: DateValue,
}

struct Issuers {
    suffixes: Vec<(String, String)>,
    names: Vec<String>,
}

static ISSUERS: LazyLock<Issuers> = LazyLock::new(|| {
    let mut suffixes = Vec::new();
    let mut names = Vec::new();
    for line in include_str!("../../data/issuers.tsv").lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        match cols.as_slice() {
            ["suffix", s, issuer] => suffixes.push((s.to_string(), issuer.to_string())),
            ["name", n] => names.push(n.to_string()),
            _ => {}
        }
    }
    suffixes.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    Issuers { suffixes, names }
});

const KINDS: &str = "nghị quyết liên tịch|thông tư liên tịch|nghị định|nghị quyết|quyết định|chỉ thị|thông tư|kết luận|kế hoạch|công văn|hướng dẫn|quy định";

/// A kind word, then its number: right after it (`Nghị định 71`, `Chỉ thị
/// số 09-CT/TW`), or after a few words that say what kind of decision it
/// is, with `số` (`Quyết định khởi tố vụ án hình sự số 42/QĐ-C01-P4`,
/// `kết luận thanh tra số 245/KL-TTCP`). Groups: kind, `số`, number.
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    let lower = crate::chars::letter_class(char::is_lowercase);
    let alnum = format!("0-9{}", crate::chars::letter_class(|_| true));
    Regex::new(&format!(
        r"(?i:({KINDS}))(?:(?:\s+[{lower}]+){{0,6}}?\s+(số)\s*|\s+)([0-9]+(?:[/\-][{alnum}]+(?:[\-.&][{alnum}]+)*)*)"
    ))
    .expect("valid regex")
});

/// A kind word and a subject, with no number: `Chỉ thị về năm trật tự ...`,
/// `kết luận thanh tra về việc ...` (at most two words between).
static SUBJECT_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    let lower = crate::chars::letter_class(char::is_lowercase);
    Regex::new(&format!(
        r"(?i:({KINDS}))((?:\s+[{lower}]+){{0,2}}?)\s+về\s"
    ))
    .expect("valid regex")
});

static LAW: LazyLock<Regex> = LazyLock::new(|| {
    let letter = crate::chars::letter_class(|_| true);
    Regex::new(&format!(
        r"Luật\s+([{letter}]+(?:(?:\s+|,\s+)[{letter}]+){{0,9}})(\s*\(([0-9]{{4}})\))?"
    ))
    .expect("valid regex")
});

/// A Party resolution cited by its plenum: `Nghị quyết Trung ương 6 (khóa
/// XI)`, `Nghị quyết Hội nghị Trung ương 4 khóa XII`. (A resolution cited by
/// its congress, `Nghị quyết đại hội XI`, is none: the number is the
/// congress's.)
static PLENUM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i:nghị quyết)\s+(?:[Hh]ội nghị\s+)?(?:lần thứ\s+)?(Trung ương\s+[0-9]{1,2}(?:\s*\(\s*[Kk]hóa\s+[IVXL]+\s*\)|\s*,?\s*[Kk]hóa\s+[IVXL]+)?)",
    )
    .expect("valid regex")
});

/// Words after `Luật` that make it no law's name: a lawyer (`Luật sư`),
/// the law in general (`Luật pháp`), a law already named (`Luật này`), or
/// the start of a clause (`Luật quy định`, `Luật cho phép`).
const NOT_A_LAW_NAME: &[&str] = &[
    "sư", "pháp", "này", "đó", "trên", "quy", "cho", "mới", "cũ", "đã", "được", "có", "không",
    "sửa", "hiện", "chưa", "vẫn", "và", "thì", "là", "của", "nêu", "ban", "nói", "gì", "nào",
    "chơi", "lệ", "rừng", "bất", "về", "cũng", "còn", "đang", "sẽ", "phải", "nên", "vừa",
];

/// Words that end a law's name (`Luật Cư trú năm 2020`, `Luật ... và ...`).
const NAME_STOPS: &[&str] = &[
    "năm", "số", "ngày", "của", "đã", "được", "có", "và", "với", "trong", "tại", "để", "về", "cho",
    "nhằm", "quy", "sửa", "này", "đó", "mới", "hiện", "đến", "từ", "là", "theo", "thì", "khi",
];

fn kind_lower(k: &str) -> String {
    k.to_lowercase()
}

/// The issuer implied by a number's suffix.
fn suffix_issuer(number: &str) -> Option<String> {
    let upper = number.to_uppercase();
    ISSUERS.suffixes.iter().find_map(|(s, issuer)| {
        let su = s.to_uppercase();
        let hit = upper.ends_with(&format!("/{su}"))
            || upper.ends_with(&format!("-{su}"))
            || upper.contains(&format!("/{su}-"))
            || upper.contains(&format!("-{su}-"))
            || upper.contains(&format!("/{su}/"));
        hit.then(|| issuer.clone())
    })
}

/// A known issuer name at the start of `s`.
fn issuer_at_start(s: &str) -> Option<&'static str> {
    ISSUERS
        .names
        .iter()
        .find(|n| {
            s.starts_with(n.as_str()) && !s[n.len()..].starts_with(|c: char| is_alphanumeric(c))
        })
        .map(String::as_str)
}

/// A known issuer name at the end of `s`.
fn issuer_at_end(s: &str) -> Option<&'static str> {
    ISSUERS
        .names
        .iter()
        .find(|n| {
            s.ends_with(n.as_str())
                && !s[..s.len() - n.len()].ends_with(|c: char| is_alphanumeric(c))
        })
        .map(String::as_str)
}

/// Where the clause of `at` starts (after a sentence end, `;` or a line end).
fn clause_start(text: &str, at: usize) -> usize {
    let from = crate::chars::back(text, at, 400);
    text[from..at]
        .rfind(['.', ';', '\n', '!', '?'])
        .map_or(from, |i| from + i + 1)
}

/// Words after a comma that start a new clause, not more of a title.
const CLAUSE_OPENERS: &[&str] = &[
    "tỉnh",
    "huyện",
    "xã",
    "phường",
    "thị",
    "quận",
    "thành",
    "các",
    "lực",
    "công",
    "đồng",
    "qua",
    "từ",
    "nhằm",
    "trong",
    "ngày",
    "được",
    "đã",
    "theo",
    "chúng",
    "bên",
    "trên",
];

/// The subject after a document: quoted, `về ...` or `quy định ...`.
fn title_after(text: &str, from: usize) -> Option<String> {
    // Titles are short: look no further than this.
    let rest = &text[from..crate::chars::ahead(text, from, 600)];
    let trimmed = rest.trim_start_matches([' ', ',']);
    // `về “...”`, `“...”`
    let (lead, body) = if let Some(r) = trimmed.strip_prefix("về ") {
        ("về", r.trim_start())
    } else if let Some(r) = trimmed.strip_prefix("quy định ") {
        ("quy định", r.trim_start())
    } else {
        ("", trimmed)
    };
    if let Some(q) = body.strip_prefix(['“', '"', '«']) {
        let end = q.find(['”', '"', '»', '\n'])?;
        let t = q[..end].trim();
        return (!t.is_empty()).then(|| t.to_string());
    }
    if lead.is_empty() {
        return None;
    }
    // `về việc ...` runs to the end of the sentence (a full stop before a
    // space or the line's end: `TP.HCM` holds one).
    if lead == "về" && body.starts_with("việc ") {
        let end = body
            .char_indices()
            .find(|&(i, ch)| {
                matches!(ch, ';' | '\n')
                    || ch == '.' && body[i + 1..].chars().next().is_none_or(char::is_whitespace)
            })
            .map_or(body.len(), |(i, _)| i);
        let t = body[..end].trim();
        return (!t.is_empty()).then(|| format!("về {t}"));
    }
    let mut end = body
        .find(['.', ';', '\n', '(', '“', '”'])
        .unwrap_or(body.len());
    // A comma before a new clause ends the title.
    let mut search = 0;
    while let Some(i) = body[search..end].find(", ") {
        let at = search + i;
        let next = body[at + 2..].split_whitespace().next().unwrap_or("");
        if next.starts_with(|c: char| is_upper(c)) || CLAUSE_OPENERS.contains(&next) {
            end = at;
            break;
        }
        search = at + 2;
    }
    let t = body[..end].trim().trim_end_matches(',');
    if t.is_empty() {
        return None;
    }
    // `về việc ...` is kept whole; `về X` gives X.
    Some(if lead == "về" && t.starts_with("việc ") {
        format!("về {t}")
    } else {
        t.to_string()
    })
}

/// Every document in `text`, in order. `dates` are the calendar expressions
/// already found in the same text.
pub(crate) fn scan(text: &str, dates: &[KnownDate]) -> Vec<DocumentFound> {
    let mut out = Vec::new();
    for c in NUMBERED.captures_iter(text) {
        let (Some(whole), Some(kind), Some(num)) = (c.get(0), c.get(1), c.get(3)) else {
            continue;
        };
        if !crate::chars::word_start(text, whole.start()) {
            continue;
        }
        let number_raw = num.as_str().trim_end_matches(['.', '-', '/']);
        let number = number_raw.replace(['Ð', 'ð'], "Đ");
        let number = number.as_str();
        // A bare number is a document with `số`, a slash or hyphen part,
        // or after a capitalised kind (`Chỉ thị 09`, `Nghị định 71`) when
        // no unit follows it (`Kế hoạch 3 năm` counts years).
        let bare_allowed = kind.as_str().starts_with(is_upper)
            && number.len() <= 3
            && !matches!(
                kind_lower(kind.as_str()).as_str(),
                "kế hoạch" | "hướng dẫn" | "quy định"
            )
            && !super::count::unit_at(&text[num.end()..]);
        if c.get(2).is_none() && !number.contains(['/', '-']) && !bare_allowed {
            continue;
        }
        // `Quyết định 2024` is a year, not a number.
        if !number.contains(['/', '-']) && number.len() == 4 && number.starts_with(['1', '2']) {
            continue;
        }
        let end = num.start() + number_raw.len();
        let range = whole.start()..end;
        let mut after = end;
        // `, ngày 21/1/2014` right after the number.
        let mut issued = None;
        let first_after = dates.partition_point(|d| d.range.start < end);
        for d in &dates[first_after..] {
            if d.range.start > end + 12 {
                break;
            }
            if d.range.start >= end && d.range.start <= end + 12 {
                let between = &text[end..d.range.start];
                if between.chars().all(|ch| matches!(ch, ',' | ' ' | '(')) {
                    issued = Some(d.value.start().to_string());
                    after = d.range.end;
                    break;
                }
            }
        }
        let clause = clause_start(text, range.start);
        if issued.is_none() {
            // An earlier date of the clause when the clause says it issued
            // the document (`Ngày 16-6-1967, Bộ Công an ban hành Quyết định`).
            issued = dates[..dates.partition_point(|d| d.range.start < range.start)]
                .iter()
                .rfind(|d| d.range.start >= clause && d.range.end <= range.start)
                .filter(|d| {
                    let between = &text[d.range.end..range.start];
                    between.contains("ban hành") || between.contains(" ký ")
                })
                .map(|d| d.value.start().to_string());
        }
        // `của Chính phủ`, else a body before `ban hành`, else the suffix.
        let rest = text[after..].trim_start_matches([',', ' ']);
        let mut issuer = None;
        let mut title_from = after;
        if let Some(r) = rest.strip_prefix("của ")
            && let Some(name) = issuer_at_start(r.trim_start())
        {
            issuer = Some(name.to_string());
            // Offsets from the end: `r` and its tail are suffixes of `text`.
            title_from = text.len() - (r.trim_start().len() - name.len());
        }
        if issuer.is_none() {
            let before = text[clause..range.start].trim_end();
            for verb in ["ban hành", "ký", "có", "đã ban hành", "đã có", "đã ký"] {
                if let Some(b) = before.strip_suffix(verb)
                    && let Some(name) = issuer_at_end(b.trim_end())
                {
                    issuer = Some(name.to_string());
                    break;
                }
            }
        }
        if issuer.is_none() {
            issuer = suffix_issuer(number);
        }
        let title = title_after(text, title_from);
        out.push(DocumentFound {
            range,
            kind: kind_lower(kind.as_str()),
            number: Some(number.to_string()),
            issued,
            issuer,
            title,
        });
    }
    // A match may run over the next law (`Luật đầu tư và Luật quản lý ...`):
    // the search goes on from where each name ended.
    let mut pos = 0;
    while let Some(c) = LAW.captures_at(text, pos) {
        let (Some(whole), Some(name)) = (c.get(0), c.get(1)) else {
            break;
        };
        pos = name.start();
        if !crate::chars::word_start(text, whole.start()) {
            continue;
        }
        // `Bộ luật` is a code, not counted here; `Luật sư` is a lawyer.
        if text[..whole.start()].ends_with("Bộ ") {
            continue;
        }
        // The name runs word by word until a stop word, or a comma not
        // followed by `chống` (`Luật Phòng, chống ma túy`).
        let mut name_end = name.start();
        let mut after_comma = false;
        let name_text = &text[name.range()];
        for (k, r) in crate::chars::word_ranges(name_text).enumerate() {
            let w = &name_text[r.clone()];
            if k > 0
                && (NAME_STOPS.contains(&w)
                    || after_comma && w != "chống"
                    || w.starts_with(|ch: char| ch.is_ascii_digit()))
            {
                break;
            }
            name_end = name.start() + r.end;
            after_comma = text[name_end..].starts_with(',');
        }
        let law = text[name.start()..name_end].trim_end_matches([',', ' ']);
        let first = law.split_whitespace().next().unwrap_or("");
        if law.chars().count() < 3 || NOT_A_LAW_NAME.contains(&first) {
            continue;
        }
        let (end, issued) = match (c.get(2), c.get(3)) {
            (Some(p), Some(y)) if text[name_end..p.start()].trim().is_empty() => {
                (p.end(), Some(y.as_str().to_string()))
            }
            // `Luật Cư trú năm 2020`, `Luật Giao thông đường bộ 2008`
            _ => {
                let end = name.start() + law.len();
                // An amended law is cited with the year of its amendment
                // (`Luật Xử lý vi phạm hành chính sửa đổi năm 2020`).
                let lead = [
                    " sửa đổi, bổ sung năm ",
                    " sửa đổi, bổ sung ",
                    " sửa đổi năm ",
                    " sửa đổi ",
                    " năm ",
                    " ",
                ]
                .into_iter()
                .find(|l| text[end..].starts_with(l))
                .unwrap_or(" ");
                let after_year = end + lead.len() + 4;
                let year = text[end..]
                    .strip_prefix(lead)
                    .and_then(|r| r.get(..4))
                    .filter(|y| {
                        y.bytes().all(|b| b.is_ascii_digit())
                            && crate::chars::word_end(text, after_year)
                    });
                match year {
                    Some(y) => (after_year, Some(y.to_string())),
                    None => (end, None),
                }
            }
        };
        pos = end;
        out.push(DocumentFound {
            range: whole.start()..end,
            kind: "luật".to_string(),
            number: None,
            issued,
            issuer: None,
            title: Some(law.to_string()),
        });
    }
    for c in PLENUM.captures_iter(text) {
        let (Some(whole), Some(number)) = (c.get(0), c.get(1)) else {
            continue;
        };
        if !crate::chars::word_start(text, whole.start())
            || !crate::chars::word_end(text, whole.end())
        {
            continue;
        }
        out.push(DocumentFound {
            range: whole.range(),
            kind: "nghị quyết".to_string(),
            number: Some(
                number
                    .as_str()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
            issued: None,
            issuer: Some("Ban Chấp hành Trung ương".to_string()),
            title: title_after(text, whole.end()),
        });
    }
    let numbered: std::collections::HashSet<usize> = out.iter().map(|d| d.range.start).collect();
    for c in SUBJECT_ONLY.captures_iter(text) {
        let (Some(whole), Some(kind)) = (c.get(0), c.get(1)) else {
            continue;
        };
        if !crate::chars::word_start(text, whole.start()) || numbered.contains(&whole.start()) {
            continue;
        }
        // A document, not the verb (`quy định về`, `kết luận về`): the kind
        // is capitalised, or a verb before it takes a document (`đã có
        // kết luận thanh tra về việc ...`). `các quyết định về ...` are
        // documents in general.
        let before =
            text[crate::chars::back(text, whole.start(), 24)..whole.start()].to_lowercase();
        let prev = before.split_whitespace().next_back().unwrap_or("");
        let capitalised = kind.as_str().starts_with(is_upper);
        let taken = matches!(
            prev,
            "có" | "hành" | "theo" | "hiện" | "khai" | "ký" | "bố" | "nhận" | "gửi" | "ra"
        );
        if !(capitalised || taken)
            || ["các ", "những ", "nhiều ", "số ", "mọi ", "từng "]
                .iter()
                .any(|w| before.ends_with(w))
        {
            continue;
        }
        let between = c.get(2).map_or("", |m| m.as_str());
        let range_end = whole.start() + kind.as_str().len() + between.len();
        let Some(title) = title_after(text, range_end) else {
            continue;
        };
        let clause = clause_start(text, whole.start());
        let before = text[clause..whole.start()].trim_end();
        let issuer = ["ban hành", "ký", "có", "đã ban hành", "đã có", "đã ký"]
            .iter()
            .find_map(|verb| issuer_at_end(before.strip_suffix(verb)?.trim_end()))
            .map(str::to_string);
        out.push(DocumentFound {
            range: whole.start()..range_end,
            kind: kind_lower(kind.as_str()),
            number: None,
            issued: None,
            issuer,
            title: Some(title),
        });
    }
    out.sort_by_key(|d| d.range.start);
    out
}

/// The body's legal documents; their dates of issue come from the dates
/// already found.
pub(crate) fn find(doc: &Doc, ctx: &Context) -> Vec<LegalDocument> {
    let body = doc.body();
    let known: Vec<KnownDate> = ctx
        .dates(doc)
        .filter_map(|d| {
            Some(KnownDate {
                range: body.local_range(&d.range)?,
                value: d.value.clone(),
            })
        })
        .collect();
    scan(body.text(), &known)
        .into_iter()
        .map(|d| {
            let at = doc.locate_in(&body, d.range);
            LegalDocument {
                text: at.text,
                kind: d.kind,
                number: d.number,
                issued: d.issued,
                issuer: d.issuer,
                title: d.title,
                span: at.span,
                bytes: at.bytes,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::date;

    fn docs(text: &str) -> Vec<DocumentFound> {
        let dates: Vec<KnownDate> = date::scan(text)
            .into_iter()
            .map(|d| KnownDate {
                range: d.range,
                value: d.value,
            })
            .collect();
        scan(text, &dates)
    }

    #[test]
    fn numbered_documents() {
        let text = "như: Chỉ thị số 09-CT/TW, ngày 01/12/2011 của Ban Bí thư về “Tăng cường sự lãnh đạo của Đảng”; Nghị định số 06/2014/NĐ-CP, ngày 21/01/2014 của Chính phủ “Về biện pháp vận động”; Quyết định 521/2005/QÐ-TTg.";
        let d = docs(text);
        assert_eq!(d.len(), 3);
        assert_eq!(&text[d[0].range.clone()], "Chỉ thị số 09-CT/TW");
        assert_eq!(
            (d[0].kind.as_str(), d[0].number.as_deref()),
            ("chỉ thị", Some("09-CT/TW"))
        );
        assert_eq!(d[0].issued.as_deref(), Some("2011-12-01"));
        assert_eq!(d[0].issuer.as_deref(), Some("Ban Bí thư"));
        assert_eq!(
            d[0].title.as_deref(),
            Some("Tăng cường sự lãnh đạo của Đảng")
        );
        assert_eq!(d[1].issuer.as_deref(), Some("Chính phủ"));
        assert_eq!(d[1].title.as_deref(), Some("Về biện pháp vận động"));
        assert_eq!(d[2].number.as_deref(), Some("521/2005/QĐ-TTg"));
        assert_eq!(d[2].issuer.as_deref(), Some("Thủ tướng Chính phủ"));
    }

    #[test]
    fn issued_and_issuer_before() {
        let text = "Ngày 16-6-1967, Bộ Công an ban hành Quyết định số 426/QĐ về việc thành lập Phòng Theo dõi phong trào. Sau đó";
        let d = docs(text);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].issued.as_deref(), Some("1967-06-16"));
        assert_eq!(d[0].issuer.as_deref(), Some("Bộ Công an"));
        assert_eq!(
            d[0].title.as_deref(),
            Some("về việc thành lập Phòng Theo dõi phong trào")
        );
    }

    #[test]
    fn title_after_quy_dinh_stops_at_a_new_clause() {
        let text = "Thực hiện Nghị định số 06/2014/NĐ-CP, ngày 21/1/2014 của Chính phủ quy định biện pháp vận động quần chúng bảo vệ an ninh quốc gia, giữ gìn trật tự, an toàn xã hội, UBND huyện chỉ đạo";
        let d = docs(text);
        assert_eq!(
            d[0].title.as_deref(),
            Some(
                "biện pháp vận động quần chúng bảo vệ an ninh quốc gia, giữ gìn trật tự, an toàn xã hội"
            )
        );
    }

    #[test]
    fn laws_by_name() {
        let cu_tru = &docs("theo Luật Cư trú năm 2020, công dân")[0];
        assert_eq!(
            (cu_tru.title.as_deref(), cu_tru.issued.as_deref()),
            (Some("Cư trú"), Some("2020"))
        );
        let d = docs(
            "thực hiện Luật Công an nhân dân (2018) và Luật Phòng chống ma túy, phòng chống tội phạm",
        );
        let got: Vec<_> = d
            .iter()
            .map(|x| (x.title.clone().unwrap(), x.issued.clone()))
            .collect();
        assert_eq!(
            got,
            [
                ("Công an nhân dân".to_string(), Some("2018".to_string())),
                ("Phòng chống ma túy".to_string(), None)
            ]
        );
        assert_eq!(
            docs("Luật Phòng, chống ma túy năm 2021")[0]
                .title
                .as_deref(),
            Some("Phòng, chống ma túy")
        );
    }

    #[test]
    fn amended_laws_and_local_police_issuers() {
        let cases: &[(&str, &str, Option<&str>, Option<&str>)] = &[
            (
                "theo Luật Xử lý vi phạm hành chính sửa đổi năm 2020, người",
                "Luật Xử lý vi phạm hành chính sửa đổi năm 2020",
                Some("2020"),
                None,
            ),
            (
                "Luật Đất đai sửa đổi, bổ sung năm 2013 và",
                "Luật Đất đai sửa đổi, bổ sung năm 2013",
                Some("2013"),
                None,
            ),
            // No year after the amendment: the name alone.
            (
                "Luật Cư trú sửa đổi được thông qua",
                "Luật Cư trú",
                None,
                None,
            ),
            (
                "Kế hoạch số 45/KH-CAH ngày 10/1/2024 của Công an huyện về đợt cao điểm",
                "Kế hoạch số 45/KH-CAH",
                Some("2024-01-10"),
                Some("Công an huyện"),
            ),
        ];
        for &(text, whole, issued, issuer) in cases {
            let d = &docs(text)[0];
            assert_eq!(&text[d.range.clone()], whole, "{text}");
            assert_eq!(d.issued.as_deref(), issued, "{text}");
            assert_eq!(d.issuer.as_deref(), issuer, "{text}");
        }
    }

    #[test]
    fn not_documents() {
        assert!(docs("thực hiện các Nghị quyết liên tịch, chương trình phối hợp").is_empty());
        assert!(docs("Bộ trưởng ký quyết định xác định ngày 16-6 hằng năm").is_empty());
        assert!(docs("theo Quyết định 2024 của").is_empty());
        assert!(docs("Bộ luật Hình sự").is_empty());
    }

    /// A document's kind, number, title and issuer.
    type Key = (String, Option<String>, Option<String>, Option<String>);

    /// The key of each document.
    fn keys(text: &str) -> Vec<Key> {
        docs(text)
            .into_iter()
            .map(|d| (d.kind, d.number, d.title, d.issuer))
            .collect()
    }

    fn k(kind: &str, number: Option<&str>, title: Option<&str>, issuer: Option<&str>) -> Key {
        (
            kind.to_string(),
            number.map(str::to_string),
            title.map(str::to_string),
            issuer.map(str::to_string),
        )
    }

    #[test]
    fn laws_named_in_lower_case() {
        assert_eq!(
            keys("là vi phạm Luật đầu tư và Luật quản lý tài sản nhà nước."),
            [
                k("luật", None, Some("đầu tư"), None),
                k("luật", None, Some("quản lý tài sản nhà nước"), None),
            ]
        );
        assert_eq!(
            keys("theo Luật Phòng, chống ma túy, người nghiện"),
            [k("luật", None, Some("Phòng, chống ma túy"), None)]
        );
        let d = docs("Luật giao thông đường bộ 2008 quy định, xe cứu hỏa");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].title.as_deref(), Some("giao thông đường bộ"));
        assert_eq!(d[0].issued.as_deref(), Some("2008"));
        for text in [
            "Luật sư Nguyễn Văn A cho biết",
            "Luật quy định rõ trách nhiệm",
            "Luật cho phép xe ưu tiên",
            "thượng tôn Luật pháp",
        ] {
            assert!(docs(text).is_empty(), "{text}: {:?}", docs(text));
        }
    }

    #[test]
    fn numbers_after_descriptive_words_or_bare() {
        assert_eq!(
            keys("theo Quyết định khởi tố vụ án hình sự số 42/QĐ-C01-P4 ngày 8-11"),
            [k("quyết định", Some("42/QĐ-C01-P4"), None, None)]
        );
        assert_eq!(
            keys("thực hiện kết luận thanh tra số 245/KL-TTCP của"),
            [k(
                "kết luận",
                Some("245/KL-TTCP"),
                None,
                Some("Thanh tra Chính phủ")
            )]
        );
        assert_eq!(
            keys("quán triệt Chỉ thị 09 của Ban Bí thư"),
            [k("chỉ thị", Some("09"), None, Some("Ban Bí thư"))]
        );
        assert_eq!(
            keys("thực hiện Nghị định 71, tỉnh"),
            [k("nghị định", Some("71"), None, None)]
        );
        assert!(docs("Kế hoạch 3 năm của tỉnh").is_empty());
    }

    #[test]
    fn documents_cited_by_their_subject() {
        assert_eq!(
            keys(
                "Thanh tra Chính phủ đã có kết luận thanh tra về việc thực hiện dự án tại số 8-12 Lê Duẩn, quận 1, TP.HCM. Sau đó"
            ),
            [k(
                "kết luận",
                None,
                Some("về việc thực hiện dự án tại số 8-12 Lê Duẩn, quận 1, TP.HCM"),
                Some("Thanh tra Chính phủ")
            )]
        );
        assert_eq!(
            keys(
                "triển khai thực hiện Chỉ thị về năm trật tự và văn minh đô thị 2014, Thiếu tướng"
            ),
            [k(
                "chỉ thị",
                None,
                Some("năm trật tự và văn minh đô thị 2014"),
                None
            )]
        );
        for text in [
            "Nghị định 46/2016 quy định về xử phạt vi phạm",
            "cơ quan điều tra kết luận về nguyên nhân",
            "ban hành các quyết định về việc thu hồi đất",
        ] {
            let d = docs(text);
            assert!(d.iter().all(|d| d.number.is_some()), "{text}: {d:?}");
        }
    }

    #[test]
    fn resolutions_cited_by_their_plenum() {
        assert_eq!(
            keys("quán triệt Nghị quyết Trung ương 6 (khóa XI) về công tác xây dựng Đảng."),
            [k(
                "nghị quyết",
                Some("Trung ương 6 (khóa XI)"),
                Some("công tác xây dựng Đảng"),
                Some("Ban Chấp hành Trung ương")
            )]
        );
        assert_eq!(
            keys("thực hiện Nghị quyết Hội nghị Trung ương 4 khóa XII, tỉnh"),
            [k(
                "nghị quyết",
                Some("Trung ương 4 khóa XII"),
                None,
                Some("Ban Chấp hành Trung ương")
            )]
        );
        // A congress's resolution is none.
        assert!(docs("Nghị quyết đại hội XI của Đảng về công tác").is_empty());
    }
}

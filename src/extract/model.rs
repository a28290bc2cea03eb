//! Named initiatives: self-management models, movements, campaigns, topics,
//! programmes and clubs.
//!
//! A name is taken when it is quoted and governed by a trigger word in the
//! same clause: right after it (`mô hình “Ba quản”`), through a list (`27 mô
//! hình ... như: “A”, “B”`), or through a naming phrase (`có tên là
//! “...”`). Quoted text that something else governs (a standard, a slogan,
//! an event, an object) is not a name. The movement `Toàn dân bảo vệ an
//! ninh Tổ quốc` / `Toàn dân bảo vệ ANTQ` counts unquoted too, after
//! `phong trào`. An opening quote that is never closed on its line names
//! nothing, so it cannot swallow the rest of the article.

use super::Context;
use crate::doc::Doc;
use crate::record::{Model, ModelKind};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A named initiative found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ModelFound {
    /// The name, without quotes or the spaces inside them.
    pub range: Range<usize>,
    /// Its kind.
    pub kind: ModelKind,
    /// The trigger as written.
    pub trigger: String,
}

static TRIGGER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:mô hình|phong trào thi đua|phong trào|cuộc vận động|chuyên đề|chương trình|đề án|câu lạc bộ)")
        .expect("valid regex")
});

static MOVEMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)phong trào\s*[“\x22«]?\s*(toàn dân bảo vệ (?:an ninh tổ quốc|antq))")
        .expect("valid regex")
});

fn kind_of(trigger: &str) -> ModelKind {
    match trigger.to_lowercase().as_str() {
        "mô hình" => ModelKind::Model,
        "phong trào" | "phong trào thi đua" => ModelKind::Movement,
        "cuộc vận động" => ModelKind::Campaign,
        "chuyên đề" => ModelKind::Topic,
        "câu lạc bộ" => ModelKind::Club,
        _ => ModelKind::Program,
    }
}

/// Quoted stretches on one line: (outer range with quotes, inner range).
fn quotes(text: &str) -> Vec<(Range<usize>, Range<usize>)> {
    // How far a quote left open at a line end may run into the next line:
    // a name broken by a line end, never the rest of the article.
    const CARRY: usize = 150;
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut line_start = 0;
    let mut open: Option<(usize, char)> = None;
    let mut at = 0;
    while at < bytes.len() {
        // Only quotes and line ends matter: `"`, the lead bytes of `«»`
        // (C2) and of `“”` (E2), `\n`; every other byte is passed over.
        let Some(skip) = bytes[at..]
            .iter()
            .position(|&b| matches!(b, b'"' | b'\n' | 0xC2 | 0xE2))
        else {
            break;
        };
        at += skip;
        let c = crate::chars::decode_char(bytes, at);
        let width = c.len_utf8();
        if c == '\n' {
            line_start = at + 1;
            // A quote left open runs into the next line only when it opened
            // near the end of this one.
            open = open.filter(|&(o, _)| o + CARRY >= line_start);
            at += 1;
            continue;
        }
        if let Some((o, _)) = open
            && o < line_start
            && at - line_start > CARRY
        {
            open = None; // the carried quote does not close soon: drop it
        }
        match (open, c) {
            (None, '“' | '«' | '"') => open = Some((at, c)),
            // A second opening quote: the first was never closed.
            (Some(_), '“' | '«') => open = Some((at, c)),
            (Some((o, oc)), '”' | '»' | '"')
                if matches!(
                    (oc, c),
                    ('“', '”') | ('«', '»') | ('"', '"') | ('“', '"') | ('"', '”')
                ) =>
            {
                let inner = o + oc.len_utf8()..at;
                if at - o < 400 {
                    out.push((o..at + width, inner));
                }
                open = None;
            }
            _ => {}
        }
        at += width;
    }
    out
}

/// What may stand between two quoted names of one list.
fn list_gap(gap: &str) -> bool {
    let g = gap.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '…' | '.'));
    g.is_empty() || matches!(g, "và" | "hoặc" | "hay" | "cùng")
}

/// Words that introduce the names of a list after its trigger.
const INTRO: &[&str] = &[
    "như",
    "là",
    "gồm",
    "bao gồm",
    "có tên",
    "có tên là",
    "mang tên",
    "tên là",
    "tên gọi",
    "với tên gọi",
    "sau",
    "sau đây",
    "điển hình",
    "tiêu biểu",
    "cụ thể",
];

/// Whether the text between a trigger and the first name of a list lets
/// the trigger govern it: nothing, or a short description ending with an
/// introducing word (`... như:`).
fn governs(between: &str) -> bool {
    let b = between.trim();
    if b.is_empty() {
        return true;
    }
    if b.contains(['.', '!', '?', ';', '(', ')']) || b.split_whitespace().count() > 25 {
        return false;
    }
    let b = b.trim_end_matches([':', ',', ' ', '…']);
    // `chuyên đề: "..."`: a colon joins the trigger to its name.
    if b.is_empty() {
        return true;
    }
    let lower = b.to_lowercase();
    INTRO
        .iter()
        .any(|w| lower == *w || lower.ends_with(&format!(" {w}")))
}

/// Names that are events or other non-initiatives even when a trigger
/// stands before them.
fn is_event(name: &str) -> bool {
    let lower = name.to_lowercase();
    lower.starts_with("ngày hội")
        || lower.starts_with("tháng hành động")
        || lower.starts_with("ngày ")
}

/// Every named initiative in `text`, in order.
pub(crate) fn scan(text: &str) -> Vec<ModelFound> {
    let mut out: Vec<ModelFound> = Vec::new();
    let qs = quotes(text);
    // The governing trigger of each list head, handed on along the list.
    let mut governing: Option<Range<usize>> = None;
    let mut prev_end: Option<usize> = None;
    for (outer, inner) in &qs {
        let chained = prev_end.is_some_and(|e| e <= outer.start && list_gap(&text[e..outer.start]));
        if !chained {
            // The clause before the quote: back to a sentence end or line end.
            let from = crate::chars::back(text, outer.start, 400);
            let clause_start = text[from..outer.start]
                .rfind(['.', '!', '?', '\n'])
                .map_or(from, |i| from + i + 1);
            // Triggers are read in the clause only: no quote, no search.
            governing = TRIGGER
                .find_iter(&text[clause_start..outer.start])
                .map(|m| clause_start + m.start()..clause_start + m.end())
                .filter(|t| {
                    crate::chars::word_start(text, t.start) && crate::chars::word_end(text, t.end)
                })
                .last()
                .filter(|t| governs(&text[t.end..outer.start]));
        }
        prev_end = Some(outer.end);
        let Some(trigger) = &governing else {
            continue;
        };
        // The name, without the spaces inside the quotes.
        let raw = &text[inner.clone()];
        let lead = raw.len() - raw.trim_start().len();
        let trail = raw.len() - raw.trim_end().len();
        let name = inner.start + lead..inner.end - trail;
        if name.is_empty()
            || is_event(&text[name.clone()])
            || text[name.clone()].chars().count() < 3
        {
            continue;
        }
        out.push(ModelFound {
            range: name,
            kind: kind_of(&text[trigger.clone()]),
            trigger: text[trigger.clone()].to_lowercase(),
        });
    }
    // `phong trào` in any case holds `rào` or `RÀO`: most texts are passed
    // over without running the pattern.
    let movements = if text.contains("rào") || text.contains("RÀO") {
        MOVEMENT.captures_iter(text).collect()
    } else {
        Vec::new()
    };
    for c in movements {
        let Some(name) = c.get(1) else { continue };
        let whole = c.get(0).map_or(0..0, |m| m.range());
        if !crate::chars::word_start(text, whole.start) || !crate::chars::word_end(text, name.end())
        {
            continue;
        }
        if out
            .iter()
            .any(|m| m.range.start < name.end() && name.start() < m.range.end)
        {
            continue;
        }
        out.push(ModelFound {
            range: name.range(),
            kind: ModelKind::Movement,
            trigger: "phong trào".to_string(),
        });
    }
    out.sort_by_key(|m| m.range.start);
    out
}

/// The name as the schema writes it: first letter capitalised.
pub(crate) fn display_name(text: &str) -> String {
    let mut cs = text.chars();
    match cs.next() {
        Some(first) => first.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

/// The body's named initiatives. The canonical name writes out the
/// abbreviations found in it.
pub(crate) fn find(doc: &Doc, ctx: &Context) -> Vec<Model> {
    let body = doc.body();
    let abbreviations = ctx.abbreviations(doc);
    scan(body.text())
        .into_iter()
        .map(|m| {
            let range = body.doc_range(m.range);
            let at = doc.locate(range.clone());
            let canonical = expanded(doc.text(), range, abbreviations, ctx);
            Model {
                // A name broken by a line end reads as one line.
                name: display_name(&at.text.split_whitespace().collect::<Vec<_>>().join(" ")),
                text: at.text,
                kind: m.kind,
                trigger: m.trigger,
                canonical: Some(display_name(&canonical)),
                span: at.span,
                bytes: at.bytes,
            }
        })
        .collect()
}

/// `text[range]` with the abbreviations inside it written out as the
/// dictionary has them (an article's own definition may word them
/// otherwise, and canonical names group mentions across articles).
fn expanded(
    text: &str,
    range: Range<usize>,
    abbreviations: &[crate::abbrev::Match],
    ctx: &Context,
) -> String {
    let first = abbreviations.partition_point(|m| m.range.start < range.start);
    let mut out = String::with_capacity(range.len() + 32);
    let mut copied = range.start;
    for m in &abbreviations[first..] {
        if m.range.start >= range.end {
            break;
        }
        if m.range.end > range.end || m.range.start < copied {
            continue;
        }
        out.push_str(&text[copied..m.range.start]);
        match ctx.dictionary.dictionary_expansion(text, m.range.clone()) {
            Some(e) => out.push_str(&e),
            None => out.push_str(&m.expansion),
        }
        copied = m.range.end;
    }
    out.push_str(&text[copied..range.end]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn models(text: &str) -> Vec<(String, ModelKind)> {
        scan(text)
            .into_iter()
            .map(|m| (text[m.range].to_string(), m.kind))
            .collect()
    }

    fn m(t: &str, k: ModelKind) -> (String, ModelKind) {
        (t.to_string(), k)
    }

    #[test]
    fn direct_and_listed_names() {
        use ModelKind::*;
        assert_eq!(
            models("ra mắt mô hình “Ba quản” tại thôn"),
            [m("Ba quản", Model)]
        );
        assert_eq!(
            models(
                "có 27 mô hình tự quản như: “Tiếng kẻng An ninh”, “Tiếng loa an ninh”; \"Camera giám sát\" và «Xóm bình yên»."
            ),
            [
                m("Tiếng kẻng An ninh", Model),
                m("Tiếng loa an ninh", Model),
                m("Camera giám sát", Model),
                m("Xóm bình yên", Model)
            ]
        );
        assert_eq!(
            models("phong trào thi đua “Dân vận khéo”"),
            [m("Dân vận khéo", Movement)]
        );
        assert_eq!(
            models("cuộc vận động “Toàn dân đoàn kết”"),
            [m("Toàn dân đoàn kết", Campaign)]
        );
        assert_eq!(
            models("đề án “Làng an toàn”, chuyên đề “Phòng cháy”"),
            [m("Làng an toàn", Program), m("Phòng cháy", Topic)]
        );
        assert_eq!(
            models("Mô hình lúc đầu có tên là “hiệp sĩ”"),
            [m("hiệp sĩ", Model)]
        );
        assert_eq!(
            models("mô hình “ Giáo viên tự quản ”"),
            [m("Giáo viên tự quản", Model)]
        );
    }

    #[test]
    fn nearer_trigger_wins() {
        assert_eq!(
            models("các cuộc vận động, phong trào thi đua khác như: “A B”, “C D”"),
            [m("A B", ModelKind::Movement), m("C D", ModelKind::Movement)]
        );
    }

    #[test]
    fn the_movement_unquoted() {
        assert_eq!(
            models("trong phong trào toàn dân bảo vệ an ninh Tổ quốc ở"),
            [m("toàn dân bảo vệ an ninh Tổ quốc", ModelKind::Movement)]
        );
        assert_eq!(
            models("phong trào “Toàn dân bảo vệ ANTQ”"),
            [m("Toàn dân bảo vệ ANTQ", ModelKind::Movement)]
        );
        assert!(models("vận động toàn dân bảo vệ ANTQ").is_empty());
        assert!(models("lực lượng Xây dựng phong trào bảo vệ ANTQ").is_empty());
    }

    #[test]
    fn quoted_text_that_is_no_name() {
        assert!(
            models("các mô hình thanh thiếu niên xung kích thực hiện \"tự phòng, tự quản\"")
                .is_empty()
        );
        assert!(models("đạt tiêu chuẩn “An toàn về ANTT”").is_empty());
        assert!(models("tổ chức tốt “Ngày hội toàn dân bảo vệ ANTQ”").is_empty());
        assert!(models("học tập gương “người tốt, việc tốt”").is_empty());
        assert!(models("mô hình toàn dân tham gia lắp “Camera an ninh”").is_empty());
        assert!(models("không để phát sinh “điểm nóng”").is_empty());
    }

    #[test]
    fn names_broken_by_a_line_end() {
        let text = "ra mắt mô hình “Tiếng kẻng\nan ninh” tại thôn";
        let got = scan(text);
        assert_eq!(got.len(), 1);
        assert_eq!(&text[got[0].range.clone()], "Tiếng kẻng\nan ninh");
    }

    #[test]
    fn unclosed_quotes_do_not_swallow() {
        let text = "mô hình “Ba quản\nĐoạn sau rất dài. mô hình “Bốn an” nữa";
        assert_eq!(models(text), [m("Bốn an", ModelKind::Model)]);
    }

    #[test]
    fn a_colon_between_the_trigger_and_its_name() {
        assert_eq!(
            models(
                "thực hiện hiệu quả chuyên đề: \"Phối hợp tuần tra đảm bảo an ninh trật tự\" của thành phố"
            ),
            [m(
                "Phối hợp tuần tra đảm bảo an ninh trật tự",
                ModelKind::Topic
            )]
        );
    }
}

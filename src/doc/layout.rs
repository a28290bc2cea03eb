//! The article's own fields, and where the article is on the page.
//!
//! News pages saved as text carry page furniture around the article: site
//! headers, weather boxes and clocks before the headline; related-article
//! teasers, comment forms and site footers after the byline. [`layout`]
//! finds the headline, the body (headline to byline) and the byline; facts
//! come only from the body.

use crate::chars::{is_letter, is_lower, is_upper};
use crate::gazetteer::{Gazetteer, is_provincial};
use crate::normalize::fold;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// Where the parts of an article are, as byte ranges of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Layout {
    /// Headline to the end of the article (byline included).
    pub body: Range<usize>,
    /// The headline, as written.
    pub title: Option<Range<usize>>,
    /// The lines after the headline that may hold its date line.
    pub header: Range<usize>,
    /// Byline names, as written.
    pub authors: Vec<Range<usize>>,
    /// A date-and-time line at the foot that ended the body (`31/05/13
    /// 17:28 GMT+7`): the page's publication stamp.
    pub stamp: Option<Range<usize>>,
    /// Boxes the site put inside the body (a statute quoted for the reader
    /// and the notice that ends it): no facts of the article.
    pub holes: Vec<Range<usize>>,
}

/// Lines (without their line end) with their byte ranges.
fn lines(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            out.push(start..i);
            start = i + 1;
        }
    }
    out.push(start..text.len());
    out
}

fn trimmed(text: &str, r: &Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    r.start + lead..(r.end - trail).max(r.start + lead)
}

/// Lines that end the article: teasers, comments, footers.
const END_MARKERS: &[&str] = &[
    "tin lien quan",
    "cac tin khac",
    "tin khac",
    "xem them",
    "doc them",
    "bai viet cung chuyen muc",
    "tin cung chuyen muc",
    "cung chuyen muc",
    "bai viet lien quan",
    "bai lien quan",
    "tin moi",
    "tin moi nhat",
    "tin doc nhieu",
    "y kien cua ban",
    "y kien ban doc",
    "y kien (",
    "binh luan",
    "gui binh luan",
    "0 binh luan",
    "{name}",
    "tham do y kien",
    "co quan chu quan",
    "tru so",
    "dia chi:",
    "dien thoai:",
    "ban quyen",
    "©",
    "copyright",
    "thuc hien boi",
    "giay phep",
    "tong bien tap",
    "chiu trach nhiem",
    "tags:",
    "tu khoa:",
    "chia se",
    "in bai",
    "goi y",
];

/// Lines before the headline that are page furniture.
const FURNITURE: &[&str] = &[
    "thoi tiet",
    "tat ca chuyen muc",
    "trang chu",
    "cap nhat",
    "ngay dang",
    "dang nhap",
    "dang ky",
    "tim kiem",
    "menu",
    "video",
    "podcast",
];

fn is_end_marker(line: &str, body_started: bool) -> bool {
    let line = line.trim();
    // Markers are read at the head of the line: fold only that much (a
    // paragraph is long, and most lines are paragraphs).
    let head = line
        .char_indices()
        .nth(64)
        .map_or(line, |(i, _)| &line[..i]);
    let f = fold(head);
    // Furniture is a short line, or a label with its value (`Trụ sở: ...`);
    // a paragraph may start with the same words (`Trụ sở UBND phường ...`).
    let short = line.chars().nth(40).is_none();
    let labelled = f.get(..48).unwrap_or(&f).contains(':');
    let legal = f.starts_with('©') || f.starts_with("copyright");
    if (short || labelled || legal) && END_MARKERS.iter().any(|m| f.starts_with(m)) {
        return true;
    }
    // A site name in capitals in the footer (`CỔNG THÔNG TIN ĐIỆN TỬ ...`).
    if body_started && !line.contains(" - ") {
        let mut words = 0;
        for w in line.split_whitespace() {
            if w.chars().any(is_lower) || !w.chars().any(is_letter) {
                return false;
            }
            words += 1;
        }
        return words >= 5;
    }
    false
}

fn starts_upper(s: &str) -> bool {
    s.chars()
        .find(|c| !matches!(c, '“' | '"' | '«' | '‘' | '\''))
        .is_some_and(|c| is_upper(c) || c.is_ascii_digit())
}

/// Whether a line is a breadcrumb trail (`Tin tức > Pháp luật > Hình sự`,
/// `Trang chủ » Xã hội`): short items joined by `>`, `»` or `›`.
fn is_breadcrumb(line: &str) -> bool {
    let items: Vec<&str> = line.split(['>', '»', '›']).map(str::trim).collect();
    items.len() >= 2
        && items
            .iter()
            .all(|i| !i.is_empty() && i.split_whitespace().count() <= 6)
}

/// Whether a line is a date and a clock time and nothing else (`31/05/13
/// 17:28 GMT+7`, `Thứ Ba, 04/02/2025 15:49`, `10:45 28/05/2013`): a
/// publication stamp.
fn is_stamp_line(line: &str) -> bool {
    static STAMP: LazyLock<Regex> = LazyLock::new(|| {
        let date = r"[0-9]{1,2}[/.-][0-9]{1,2}[/.-](?:[0-9]{4}|[0-9]{2})";
        let time = r"[0-9]{1,2}[:h][0-9]{2}(?::[0-9]{2})?";
        let zone = r"(?:\s*\(?\s*GMT\s*[+-]\s*[0-9]{1,2}(?::?[0-9]{2})?\s*\)?)?";
        Regex::new(&format!(
            r"^(?:[^0-9]{{0,16}}[,:]\s*)?(?:{date}\s*[|,-]?\s*(?:lúc\s*)?{time}|{time}\s*[|,-]?\s*(?:ngày\s*)?{date}){zone}\s*$"
        ))
        .expect("valid regex")
    });
    line.len() < 80 && STAMP.is_match(line.trim())
}

/// Whether a line is mostly a date or clock (`Thứ Ba, 04/02/2025 15:49`).
fn is_date_line(line: &str) -> bool {
    let digits = line.chars().filter(char::is_ascii_digit).count();
    let letters = line.chars().filter(|c| is_letter(*c)).count();
    digits >= 4 && letters <= 20 && line.contains(['/', ':'])
}

/// The headline: the first line near the top that reads like one.
fn find_title(text: &str, lines: &[Range<usize>]) -> (Option<Range<usize>>, usize) {
    for (k, r) in lines.iter().enumerate().take(40) {
        let t = trimmed(text, r);
        let line = &text[t.clone()];
        if line.is_empty() {
            continue;
        }
        let f = fold(line);
        let chars = line.chars().count();
        // A sentence: the lead has come, no headline above it.
        if line.ends_with('.') && line.split_whitespace().count() >= 4 {
            return (None, k);
        }
        if FURNITURE.iter().any(|m| f.starts_with(m))
            || is_breadcrumb(line)
            || is_date_line(line)
            || chars < 12
            || line.ends_with('|')
            || line.starts_with(['/', '•', '-', '*', '|'])
            || line.contains("°C")
            || !starts_upper(line) && chars < 120
            || line.split_whitespace().count() < 3
        {
            continue;
        }
        // Site headers in capitals, and short lines followed by more short
        // lines (menus, lists of cities), are no headline.
        let next = lines[k + 1..]
            .iter()
            .map(|r| text[r.clone()].trim())
            .find(|l| !l.is_empty());
        // A headline in capitals is long and followed by its date line or
        // the lead; a site name in capitals is short.
        if !line.chars().any(is_lower) {
            let leads = next.is_some_and(|l| is_date_line(l) || l.chars().count() > 120);
            if line.split_whitespace().count() < 6 || !leads {
                continue;
            }
        }
        if line.split_whitespace().count() < 6 && next.is_some_and(|l| l.chars().count() < 40) {
            continue;
        }
        // A paragraph (the lead) has come: no headline above it.
        if chars > 250 || line.ends_with(['.', ',', ';', ':']) || !starts_upper(line) {
            return (None, k);
        }
        let mut end = t.end;
        // `Headline (21/06/2022, 23:44)`: the date is not the headline's.
        if line.ends_with(')')
            && let Some(open) = line.rfind('(')
            && is_date_line(&line[open..])
        {
            end = t.start + line[..open].trim_end().len();
        }
        return (Some(t.start..end), k);
    }
    (None, 0)
}

/// Byline labels, folded, which are not part of the names.
const BYLINE_LABELS: &[&str] = &[
    "tac gia:",
    "thuc hien:",
    "bai va anh:",
    "bai, anh:",
    "bai anh:",
    "tin, anh:",
    "tin va anh:",
    "tin anh:",
    "bai:",
    "tin:",
    "nhom pv:",
    "nhom phong vien:",
    "pv:",
    "tong hop:",
    "tong hop ",
];

/// The names of a byline line, as byte ranges; empty when it is no byline.
fn byline_names(text: &str, r: Range<usize>, gazetteer: &Gazetteer) -> Vec<Range<usize>> {
    let t = trimmed(text, &r);
    let mut start = t.start;
    let mut end = t.end;
    let line = &text[t.clone()];
    if line.chars().count() > 90 || line.ends_with(['.', ';', ':', ',']) && !line.ends_with("./.") {
        return Vec::new();
    }
    let f = fold(line);
    if f.starts_with("anh:") || f.starts_with("theo ") || f.starts_with("nguon") {
        return Vec::new();
    }
    for label in BYLINE_LABELS {
        if f.starts_with(label) {
            // Skip the label: same number of characters in the original.
            let n = label.chars().count();
            let off: usize = line.chars().take(n).map(char::len_utf8).sum();
            start += off;
            break;
        }
    }
    // `-----Xuân Thảo-----`
    while text[start..end].starts_with(['-', '–', '—', ' ']) {
        start += text[start..end].chars().next().map_or(1, char::len_utf8);
    }
    while text[start..end].ends_with(['-', '–', '—', ' ']) {
        end -= text[start..end]
            .chars()
            .next_back()
            .map_or(1, char::len_utf8);
    }
    let mut names = Vec::new();
    let mut part_start = start;
    let body = &text[start..end];
    let mut cuts: Vec<(usize, usize)> = Vec::new(); // (at, len) of separators
    for sep in [" - ", " – ", " — ", "- ", " -", ", ", " và ", "; "] {
        let mut from = 0;
        while let Some(i) = body[from..].find(sep) {
            cuts.push((start + from + i, sep.len()));
            from += i + sep.len();
        }
    }
    cuts.sort();
    cuts.push((end, 0));
    for (at, len) in cuts {
        // Separators can overlap (`, - `): one inside the last is no cut.
        if at < part_start {
            continue;
        }
        let part = part_start..at;
        part_start = at + len;
        let mut p = trimmed(text, &part);
        // `Kim Há (TTXVN)`, `Ngọc Lan/Báo Tin tức`: the source goes.
        if let Some(open) = text[p.clone()]
            .find(" (")
            .or_else(|| text[p.clone()].find('/'))
        {
            p.end = p.start + open;
            p = trimmed(text, &p);
        }
        // `Đại úy Nguyễn Văn Hùng`: the rank goes.
        let folded = fold(&text[p.clone()]);
        if let Some(rank) = RANKS.iter().find(|r| folded.starts_with(&format!("{r} "))) {
            let skip: usize = text[p.clone()]
                .chars()
                .take(rank.chars().count() + 1)
                .map(char::len_utf8)
                .sum();
            p.start += skip;
        }
        // `Nguyễn Văn Hùng - Công an huyện Đồng Xuân`: the unit after the
        // names ends the byline.
        if !names.is_empty()
            && UNIT_STARTS
                .iter()
                .any(|u| fold(&text[p.clone()]).starts_with(u))
        {
            break;
        }
        let words: Vec<&str> = text[p.clone()].split_whitespace().collect();
        if words.is_empty() {
            continue;
        }
        // A unit or source tag (`CATX`, `TTXVN`) after the names.
        if words.len() == 1 && words[0].chars().all(|c| is_upper(c) || c.is_ascii_digit()) {
            continue;
        }
        // Names of two to four capitalised words; an initial counts as a
        // word (`H.Yến`, `N. Lê`).
        let initials = words.iter().map(|w| w.matches('.').count()).sum::<usize>();
        // A short word in capitals among small letters is an abbreviation
        // (`Nhóm PV`), no part of a name.
        let caps = |w: &&str| w.chars().all(is_upper) && (2..=3).contains(&w.chars().count());
        let mixed = words.iter().any(|w| w.chars().any(is_lower));
        let name_like = (2..=4).contains(&(words.len() + initials))
            && !(mixed && words.iter().any(caps))
            && words.iter().all(|w| {
                w.split('.')
                    .filter(|x| !x.is_empty())
                    .all(|x| x.chars().next().is_some_and(is_upper) && x.chars().all(is_letter))
                    && !w.starts_with('.')
            });
        // A place on a line of its own (`Hà Nội`) is a dateline, not a name.
        let place = gazetteer
            .lookup(&text[p.clone()])
            .iter()
            .any(|u| is_provincial(u.level));
        if !name_like || place {
            return Vec::new();
        }
        names.push(p);
    }
    names
}

/// Ranks before a name in a byline (folded): not part of the name.
const RANKS: &[&str] = &[
    "thieu uy",
    "trung uy",
    "thuong uy",
    "dai uy",
    "thieu ta",
    "trung ta",
    "thuong ta",
    "dai ta",
    "thieu tuong",
    "trung tuong",
    "thuong tuong",
    "dai tuong",
];

/// How the name of a body starts (folded): after the names in a byline, the
/// writers' unit (`Nguyễn Văn Hùng - Công an huyện Đồng Xuân`).
const UNIT_STARTS: &[&str] = &[
    "cong an",
    "ca ",
    "bao ",
    "dai ",
    "phong ",
    "ban ",
    "doi ",
    "don ",
    "tram ",
    "trung tam",
    "cong thong tin",
    "tap chi",
    "truyen hinh",
    "thong tan",
    "van phong",
    "so ",
    "bo ",
];

/// Words that start a sentence about a person, never a byline (lower case).
const HONORIFICS: &[&str] = &[
    "ông",
    "bà",
    "chị",
    "cô",
    "chú",
    "bác",
    "cụ",
    "em",
    "đồng",
    "thượng",
    "thiếu",
    "các",
    "những",
    "theo",
    "nguồn",
];

/// The names glued after the last sentence of a paragraph (see
/// [`layout`]); empty when the paragraph ends with a sentence.
fn glued_byline(text: &str, r: Range<usize>, gazetteer: &Gazetteer) -> Vec<Range<usize>> {
    const TAIL: usize = 60;
    let line = text[r.clone()].trim_end();
    if line.ends_with(['.', '!', '?', ';', ':', ',', '…', '"', '”']) && !line.ends_with("./.") {
        return Vec::new();
    }
    let from = crate::chars::back(line, line.len(), TAIL);
    let ends = line[from..]
        .char_indices()
        .filter(|&(_, c)| matches!(c, '.' | '!' | '?' | '…'))
        .map(|(i, c)| from + i + c.len_utf8());
    for cut in ends {
        let tail = &line[cut..];
        // The sentence's own end: the name starts with a capital right
        // after it, or after one space.
        let lead = tail.len() - tail.trim_start().len();
        if lead > 1 || !tail.trim_start().starts_with(is_upper) {
            continue;
        }
        // A last sentence left without its full stop (`... an ninh. Ông
        // Nguyễn`) starts with a title or a rank, which no byline does.
        let first = tail.split_whitespace().next().unwrap_or("").to_lowercase();
        if HONORIFICS.contains(&first.as_str()) {
            continue;
        }
        let names = byline_names(text, r.start + cut..r.start + line.len(), gazetteer);
        if !names.is_empty() {
            return names;
        }
    }
    Vec::new()
}

/// Capitalises a name written in capitals (`HOÀNG PHƯƠNG` → `Hoàng Phương`).
pub(crate) fn name_case(name: &str) -> String {
    if name.chars().any(is_lower) {
        return name.to_string();
    }
    name.split_whitespace()
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(first) => first
                    .to_uppercase()
                    .chain(cs.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// Finds the parts of the article in a (normalized) text.
pub(crate) fn layout(text: &str, gazetteer: &Gazetteer) -> Layout {
    let lines = lines(text);
    let (title, first_line) = find_title(text, &lines);
    let body_start = match &title {
        Some(t) => lines
            .iter()
            .find(|l| l.contains(&t.start))
            .map_or(t.start, |l| l.start),
        None => lines
            .iter()
            .skip(first_line)
            .find(|l| !text[(*l).clone()].trim().is_empty())
            .map_or(0, |l| l.start),
    };
    let start_line = lines
        .iter()
        .position(|l| l.start >= body_start)
        .unwrap_or(0);
    // The body ends at the first end marker after some content.
    let mut body_end = text.len();
    let mut end_line = lines.len();
    let mut content = 0;
    let mut stamp = None;
    for (k, r) in lines.iter().enumerate().skip(start_line + 1) {
        let line = &text[r.clone()];
        // A stamp line after the text ends it: what follows is the
        // section, the keywords and the source.
        if content > 200 && is_stamp_line(line) {
            body_end = r.start;
            end_line = k;
            stamp = Some(trimmed(text, r));
            break;
        }
        if is_end_marker(line, content > 200) {
            body_end = r.start;
            end_line = k;
            break;
        }
        content += line.trim().len();
    }
    // The header: the headline's line and up to two short lines after it.
    let mut header_end = lines.get(start_line).map_or(body_start, |l| l.end);
    let mut seen = 0;
    for r in lines.iter().skip(start_line + 1).take(6) {
        let line = text[r.clone()].trim();
        if line.is_empty() {
            continue;
        }
        if line.chars().count() > 120 || seen == 2 {
            break;
        }
        header_end = r.end;
        seen += 1;
    }
    // The byline: one of the last two non-empty lines of the body.
    let mut authors = Vec::new();
    let mut checked = 0;
    for r in lines[start_line..end_line.min(lines.len())].iter().rev() {
        if text[r.clone()].trim().is_empty() {
            continue;
        }
        if Some(r.start) == title.as_ref().map(|t| t.start) {
            break;
        }
        let names = byline_names(text, r.clone(), gazetteer);
        if !names.is_empty() {
            authors = names;
            break;
        }
        // A byline glued to the end of the last paragraph: `... trong
        // tình hình mới. Kim Há (TTXVN)`, `... trên địa bàn./.Ngọc Lan`,
        // `... chỉ đạo.T.Hà- Minh Quân`. The names follow the last
        // sentence's end; the earliest end whose tail reads as names wins
        // (initials hold dots of their own).
        if checked == 0 {
            let names = glued_byline(text, r.clone(), gazetteer);
            if !names.is_empty() {
                authors = names;
                break;
            }
        }
        checked += 1;
        if checked == 2 {
            break;
        }
    }
    let body = body_start..body_end.max(body_start);
    let holes = statute_boxes(text, &lines, &body);
    Layout {
        body,
        title,
        header: body_start..header_end.max(body_start),
        authors,
        stamp,
        holes,
    }
}

/// Whether a line is the notice that ends a box of legal information
/// (`Thông tin pháp luật trên chỉ mang tính chất tham khảo`): a short line
/// saying that what it follows is only for reference.
fn is_reference_notice(line: &str) -> bool {
    let line = line.trim();
    // Folded only when it may hold the word (most lines do not).
    if line.is_empty()
        || line.chars().nth(250).is_some()
        || !["khảo", "Khảo", "KHẢO"].iter().any(|w| line.contains(w))
    {
        return false;
    }
    let f = fold(line);
    f.contains("tham khao")
        && [
            "thong tin",
            "phap luat",
            "phap ly",
            "van ban",
            "noi dung",
            "quy dinh",
        ]
        .iter()
        .any(|w| f.contains(w))
        && [
            "chi mang tinh",
            "mang tinh chat",
            "co tinh chat",
            "chi de",
            "chi co gia tri",
        ]
        .iter()
        .any(|w| f.contains(w))
}

/// Whether a line belongs to a quoted statute: `Some(true)` for its
/// heading (`Điều 249. Tội tàng trữ trái phép chất ma túy`), `Some(false)`
/// for a numbered clause (`1. Người nào ...`) or a lettered point (`a) Có
/// tổ chức;`), `None` for any other line.
fn is_statute_line(line: &str) -> Option<bool> {
    let line = line.trim();
    let heading = line
        .strip_prefix("Điều ")
        .map(|r| r.trim_start_matches(|c: char| c.is_ascii_digit()))
        .is_some_and(|r| r.len() < line.len() - "Điều ".len() && r.starts_with(['.', ':']));
    if heading {
        return Some(true);
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let clause = (1..=2).contains(&digits) && line[digits..].starts_with(". ");
    let mut chars = line.chars();
    let point = chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c == 'đ')
        && chars.next() == Some(')');
    (clause || point).then_some(false)
}

/// The boxes a site inserts into the body: a notice that legal
/// information is for reference only, and above it the statute it quotes
/// (heading, clauses and points, back to the first heading). A notice with
/// no statute above it is a hole of its own.
fn statute_boxes(text: &str, lines: &[Range<usize>], body: &Range<usize>) -> Vec<Range<usize>> {
    let mut holes: Vec<Range<usize>> = Vec::new();
    for (k, r) in lines.iter().enumerate() {
        if r.start < body.start || r.end > body.end || !is_reference_notice(&text[r.clone()]) {
            continue;
        }
        let mut start = r.start;
        for above in lines[..k].iter().rev() {
            if above.start < body.start || holes.last().is_some_and(|h| h.end > above.start) {
                break;
            }
            let line = &text[above.clone()];
            if line.trim().is_empty() {
                continue;
            }
            match is_statute_line(line) {
                Some(true) => start = above.start,
                Some(false) => {}
                None => break,
            }
        }
        holes.push(start..r.end);
    }
    holes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> (Option<String>, String, Vec<String>) {
        let l = layout(text, Gazetteer::embedded());
        (
            l.title.map(|t| text[t].to_string()),
            text[l.body].to_string(),
            l.authors.into_iter().map(|a| text[a].to_string()).collect(),
        )
    }

    #[test]
    fn headline_after_furniture() {
        let text = "thời tiết các vùng\n\nHà Nội\nĐà Nẵng\n\nnội chính an ninh quốc phòng\n\nSơn Tây quan tâm đẩy mạnh phong trào\nNgày đăng 19/08/2020 | 14:17\n\nTrong những năm gần đây, thị xã luôn quan tâm.\n\nHOÀNG PHƯƠNG - PHẠM HẢO";
        let (title, body, authors) = parts(text);
        assert_eq!(
            title.as_deref(),
            Some("Sơn Tây quan tâm đẩy mạnh phong trào")
        );
        assert!(body.starts_with("Sơn Tây"));
        assert_eq!(authors, ["HOÀNG PHƯƠNG", "PHẠM HẢO"]);
        assert_eq!(name_case("HOÀNG PHƯƠNG"), "Hoàng Phương");
    }

    #[test]
    fn bylines_without_ranks_sources_and_units() {
        let body = "Tuần tra bảo đảm an ninh\nNgày 12/3/2024, Công an xã Tân Lập tổ chức tuần tra bảo đảm an ninh trật tự trên địa bàn, góp phần giữ vững ổn định tình hình.\n";
        let cases: &[(&str, &[&str])] = &[
            ("Hoàng Anh/VOV-Tây Bắc", &["Hoàng Anh"]),
            ("Ngọc Lan/Báo Tin tức", &["Ngọc Lan"]),
            ("Đại úy Nguyễn Văn Hùng", &["Nguyễn Văn Hùng"]),
            (
                "Thượng úy Lê Văn Tám (Công an huyện Phú Hòa)",
                &["Lê Văn Tám"],
            ),
            (
                "Nguyễn Văn Hùng - Công an huyện Đồng Xuân",
                &["Nguyễn Văn Hùng"],
            ),
            (
                "THƯỢNG TÁ NGUYỄN AN - TRẦN BÌNH",
                &["NGUYỄN AN", "TRẦN BÌNH"],
            ),
            ("Thanh Hà - Ngọc Minh", &["Thanh Hà", "Ngọc Minh"]),
            // A group of reporters is no name; nor is a unit alone.
            ("Nhóm PV", &[]),
            ("Công an huyện Đồng Xuân", &[]),
        ];
        for (byline, want) in cases {
            let (_, _, authors) = parts(&format!("{body}{byline}"));
            assert_eq!(authors, *want, "{byline}");
        }
    }

    #[test]
    fn headline_with_its_date() {
        let text = "Công an huyện phát huy truyền thống (16/6/1967-16/6/2022) (21/06/2022, 23:44)\n\nNgày 16-6-1967, Bộ Công an ban hành quyết định.";
        assert_eq!(
            parts(text).0.as_deref(),
            Some("Công an huyện phát huy truyền thống (16/6/1967-16/6/2022)")
        );
    }

    #[test]
    fn headlines_in_capitals() {
        let text = "CÔNG AN TRA VINH\nCông an Trà Vinh chú trọng phát huy vai trò quần chúng\nCập nhật ngày: 17-12-2020 | 07:51:15 GMT +7\nNội dung.";
        assert_eq!(
            parts(text).0.as_deref(),
            Some("Công an Trà Vinh chú trọng phát huy vai trò quần chúng")
        );
        let text = "XÂY DỰNG PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC VỮNG MẠNH\nCập nhật lúc 14:30, 05/09/2024\nNội dung.";
        assert_eq!(
            parts(text).0.as_deref(),
            Some("XÂY DỰNG PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC VỮNG MẠNH")
        );
    }

    #[test]
    fn no_headline_when_the_lead_comes_first() {
        let text = "(QNO) - Từ khi mô hình đi vào hoạt động, tình hình ổn định.\n\nẢnh: P.L";
        assert_eq!(parts(text).0, None);
        let text = "Sáng 2/7, Ban Chỉ đạo tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc.";
        assert_eq!(parts(text).0, None);
    }

    #[test]
    fn bylines_and_page_ends() {
        let cases = [
            (
                "Nội dung bài viết về công tác bảo đảm an ninh.\n\n-----Xuân Thảo-----\nCác tin khác\n • Tin ảnh",
                vec!["Xuân Thảo"],
            ),
            (
                "Nội dung bài viết về công tác bảo đảm an ninh.\n\nHữu Hùng - CATX\n\nCỔNG THÔNG TIN ĐIỆN TỬ THỊ XÃ BUÔN HỒ\n\nTrụ sở: Số 02",
                vec!["Hữu Hùng"],
            ),
            (
                "Nội dung bài viết về công tác bảo đảm an ninh.\n\nTác giả: Hà Phương\nThăm dò ý kiến",
                vec!["Hà Phương"],
            ),
            (
                "Nội dung bài viết về công tác bảo đảm an ninh.\nThực hiện: Quang Trung - Tuấn Anh",
                vec!["Quang Trung", "Tuấn Anh"],
            ),
            (
                "Nội dung bài viết về công tác bảo đảm an ninh./.\n\nThiên Thanh, Duy Linh\n\n",
                vec!["Thiên Thanh", "Duy Linh"],
            ),
            (
                "Nội dung bài viết về công tác bảo đảm an ninh.\n\nTin, ảnh: TRÍ HẢI",
                vec!["TRÍ HẢI"],
            ),
            (
                "Nội dung bài viết về công tác bảo đảm an ninh.\n\nKim Há (TTXVN)",
                vec!["Kim Há"],
            ),
            (
                "Nội dung bài viết về công tác bảo đảm an ninh.\n\nẢnh: Minh Long",
                vec![],
            ),
            (
                "Nội dung bài viết về công tác bảo đảm an ninh.\n\nTheo TTXVN",
                vec![],
            ),
            (
                "Nội dung bài viết về công tác bảo đảm an ninh.\n\nHà Nội",
                vec![],
            ),
            (
                "Nội dung bài viết về công tác bảo đảm an ninh.\n\nH.Yến - N. Lê",
                vec!["H.Yến", "N. Lê"],
            ),
            (
                "Nội dung bài viết về công tác bảo đảm an ninh.\n\nTổng hợp Minh Anh",
                vec!["Minh Anh"],
            ),
            (
                "Tiêu đề của bài viết về an ninh trật tự\n\nNội dung bài viết về công tác bảo đảm an ninh. Kim Há (TTXVN)",
                vec!["Kim Há"],
            ),
            (
                "Tiêu đề của bài viết về an ninh trật tự\n\nNội dung bài viết về công tác bảo đảm an ninh. Ông Nguyễn",
                vec![],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(parts(text).2, want, "{text}");
        }
        let (_, body, _) = parts(
            "Tiêu đề bài viết về an ninh\n\nNội dung bài viết rất dài và đầy đủ.\nMinh Long\nTin liên quan:\nSư đoàn 308",
        );
        assert!(body.ends_with("Minh Long\n"), "{body:?}");
    }

    #[test]
    fn a_breadcrumb_is_no_headline() {
        let text = "Tin tức > Pháp luật > Hình sự\nCông an xã Ea Tu bắt nhóm trộm xe máy liên tỉnh\n04/04/2014 03:00\nChiều 3-4, Công an xã Ea Tu đã bắt giữ ba đối tượng.";
        let (title, body, _) = parts(text);
        assert_eq!(
            title.as_deref(),
            Some("Công an xã Ea Tu bắt nhóm trộm xe máy liên tỉnh")
        );
        assert!(body.starts_with("Công an xã"));
        assert!(is_breadcrumb("Trang chủ » Xã hội » Pháp luật"));
        assert!(!is_breadcrumb(
            "Số vụ tăng > 10% so với cùng kỳ năm trước và còn tăng nữa"
        ));
    }

    #[test]
    fn a_stamp_at_the_foot_ends_the_body() {
        let body = "Ngày 27/5, Công an tỉnh tổ chức hội nghị tổng kết phong trào toàn dân bảo vệ an ninh Tổ quốc, với sự tham gia của đại diện các sở, ban, ngành và lực lượng công an các huyện, thị xã trong tỉnh.Minh Anh";
        let text = format!(
            "Hội nghị tổng kết phong trào bảo vệ an ninh Tổ quốc\n{body}\n28/05/13 10:45 GMT+7\nXã hội\nAn ninh,Công tác,Hòa Bình\nCAND"
        );
        let l = layout(&text, Gazetteer::embedded());
        let stamp = l.stamp.clone().map(|s| &text[s]);
        assert_eq!(stamp, Some("28/05/13 10:45 GMT+7"));
        assert!(!text[l.body.clone()].contains("Hòa Bình"));
        let authors: Vec<&str> = l.authors.iter().map(|a| &text[a.clone()]).collect();
        assert_eq!(authors, ["Minh Anh"]);
        assert!(is_stamp_line("Thứ Ba, 04/02/2025 15:49"));
        assert!(is_stamp_line("10:45 28/05/2013"));
        assert!(!is_stamp_line("10:30"));
        assert!(!is_stamp_line("Ngày 28/05/2013, tại Hà Nội"));
    }

    #[test]
    fn bylines_glued_to_the_last_sentence() {
        let gaz = Gazetteer::embedded();
        let names = |line: &str| -> Vec<String> {
            glued_byline(line, 0..line.len(), gaz)
                .into_iter()
                .map(|r| line[r].to_string())
                .collect()
        };
        assert_eq!(
            names("Lực lượng chức năng đang điều tra.Lập Phương"),
            ["Lập Phương"]
        );
        assert_eq!(
            names("giữ vững an ninh trên địa bàn./.Ngọc Lan (TTXVN)"),
            ["Ngọc Lan"]
        );
        assert_eq!(
            names("theo sự chỉ đạo.T.Hà- Minh Quân"),
            ["T.Hà", "Minh Quân"]
        );
        assert_eq!(
            names("Ông cho biết đã báo cáo lên Công an tỉnh Gia Lai"),
            Vec::<String>::new()
        );
        assert_eq!(
            names("Vụ việc đang được điều tra. Công an huyện"),
            Vec::<String>::new()
        );
        assert_eq!(names("Vụ việc đang được điều tra."), Vec::<String>::new());
    }

    #[test]
    fn a_paragraph_that_starts_like_furniture_stays() {
        let text = "Nghi phạm trộm súng tại trụ sở phường đội\nLợi dụng trụ sở phường đội không có người, nghi phạm đã cưa hai ổ khóa để lấy súng và đạn gây án.\nTrụ sở UBND phường đã mở cửa tiếp dân trở lại. Tuy nhiên, hội trường phường vẫn khóa.\nPhước Tuấn\nTrụ sở: 71 Nguyễn Chí Thanh, Hà Nội";
        let (_, body, authors) = parts(text);
        assert!(body.contains("Trụ sở UBND"));
        assert!(!body.contains("71 Nguyễn Chí Thanh"));
        assert_eq!(authors, ["Phước Tuấn"]);
    }
}

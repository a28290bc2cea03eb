//! Counts: cardinal numbers that quantify something, with their qualifier,
//! unit and subject.
//!
//! In Vietnamese a count is a number followed by a noun phrase: a
//! classifier and its noun (`7 khẩu súng`, `22 thanh kiếm`), a noun (`18
//! bị hại`, `6 băng nhóm`), or a measure (`3,5kg`, `2.500 USD`, `95%`). So
//! the vocabulary is open: whatever noun follows the number is the unit,
//! named as `data/units.tsv` names it when listed there (longest entry
//! first, so `khẩu súng` before `khẩu`). What is closed is the list of
//! numbers that count nothing: names and codes (`Sư đoàn 308`, `PC45`,
//! `Điều 249`), clock times (`21 giờ`, `7h45`), dates (found first and
//! skipped), ordinals, house and road numbers, and number words used as
//! words (`một` meaning "a", `vài`, `hàng loạt`, `năm nay`). Decisions
//! where the spec is silent: a ratio `91/91 xã` is one count of its first
//! number; a range `3-5 người` or `từ 10 đến 15 vụ` is two exact counts,
//! the scale and unit written once covering both ends.

use super::Context;
use super::number::{parse_digits, parse_words, scale};
use crate::chars::{is_alphanumeric, is_lower, is_upper};
use crate::doc::Doc;
use crate::normalize::is_letter;
use crate::record::{Approx, Count, Quantity};
use regex::Regex;
use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

/// A count found in a text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CountFound {
    /// Byte range: qualifier, number, unit.
    pub range: Range<usize>,
    /// The value.
    pub value: f64,
    /// The qualifier.
    pub approx: Approx,
    /// The unit as written.
    pub unit: Option<String>,
    /// The noun phrase counted, when longer than the unit.
    pub subject: Option<String>,
}

/// The unit lexicon: lower-cased units by their number of words.
struct Units {
    by_words: HashMap<String, usize>,
    longest: usize,
}

static UNITS: LazyLock<Units> = LazyLock::new(|| {
    let mut by_words = HashMap::new();
    let mut longest = 1;
    for line in include_str!("../../data/units.tsv").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let unit = line.split('\t').next().unwrap_or("").trim();
        let n = unit.split_whitespace().count();
        longest = longest.max(n);
        by_words.insert(unit.to_lowercase(), n);
    }
    Units { by_words, longest }
});

/// Whether `text` (what follows a number) starts with a unit of the
/// lexicon (`người`, `vụ`, `khẩu súng`): the number counts something.
pub(crate) fn unit_at(text: &str) -> bool {
    let words: Vec<&str> = text
        .split_whitespace()
        .take(UNITS.longest)
        .map(|w| w.trim_end_matches([',', '.', ';', ':', ')']))
        .collect();
    (1..=words.len()).rev().any(|n| {
        let phrase = words[..n].join(" ").to_lowercase();
        UNITS.by_words.contains_key(&phrase)
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Number,
    Word,
    Punct,
}

#[derive(Debug, Clone)]
struct Token {
    range: Range<usize>,
    kind: Kind,
    /// Whitespace (not a newline) before it; `newline` when a line starts.
    spaced: bool,
    newline: bool,
}

/// Splits a text into numbers (`16.300`, `1,5`), words (letters, marks and
/// digits after a letter: `km2`, `TDP4`) and single other characters.
fn tokens(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut spaced = true;
    let mut newline = true;
    while let Some(&b) = bytes.get(i) {
        // ASCII first: most characters are, and need no decoding.
        let c = if b < 0x80 {
            b as char
        } else {
            crate::chars::decode_char(bytes, i)
        };
        if c.is_whitespace() {
            spaced = true;
            newline |= c == '\n';
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let kind = if c.is_ascii_digit() {
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            // `16.300`, `1,5`: a separator counts only between digits.
            while i + 1 < bytes.len()
                && matches!(bytes[i], b'.' | b',')
                && bytes[i + 1].is_ascii_digit()
            {
                i += 1;
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
            }
            Kind::Number
        } else if is_letter(c) {
            while let Some(&b) = bytes.get(i) {
                if b < 0x80 {
                    if !b.is_ascii_alphanumeric() {
                        break;
                    }
                    i += 1;
                    continue;
                }
                let ch = crate::chars::decode_char(bytes, i);
                if is_letter(ch)
                    || is_alphanumeric(ch)
                    || unicode_normalization::char::is_combining_mark(ch)
                {
                    i += ch.len_utf8();
                } else {
                    break;
                }
            }
            Kind::Word
        } else {
            i += c.len_utf8();
            Kind::Punct
        };
        out.push(Token {
            range: start..i,
            kind,
            spaced,
            newline,
        });
        spaced = false;
        newline = false;
    }
    out
}

const QUALIFIERS: &[(&str, Approx)] = &[
    ("ít nhất", Approx::AtLeast),
    ("tối thiểu", Approx::AtLeast),
    ("xấp xỉ", Approx::About),
    ("ước tính", Approx::About),
    ("ước khoảng", Approx::About),
    ("suýt soát", Approx::Nearly),
    ("chưa đến", Approx::LessThan),
    ("chưa tới", Approx::LessThan),
    ("không đến", Approx::LessThan),
    ("không tới", Approx::LessThan),
    ("tối đa", Approx::AtMost),
    ("không quá", Approx::AtMost),
    ("hơn", Approx::MoreThan),
    ("trên", Approx::MoreThan),
    ("ngoài", Approx::MoreThan),
    ("khoảng", Approx::About),
    ("chừng", Approx::About),
    ("độ", Approx::About),
    ("gần", Approx::Nearly),
    ("dưới", Approx::LessThan),
];

/// Words after which a number is an ordinal, a code or a reference
/// (folded; matched against the end of the preceding words).
const NOT_AFTER: &[&str] = &[
    "thứ",
    "số",
    "hạng",
    "khóa",
    "điều",
    "khoản",
    "mục",
    "chương",
    "trang",
    "tầng",
    "đợt",
    "lô",
    "kỳ",
    "ảnh",
    "hình",
    "phòng",
    "tổ",
    "đội",
    "ấp",
    "thôn",
    "xóm",
    "khu",
    "phố",
    "phường",
    "quận",
    "bản",
    "giờ",
    "tuyến",
    "quốc lộ",
    "tỉnh lộ",
    "đường",
    "ban chỉ đạo",
    "đề án",
    "chương trình",
    "kế hoạch",
    "chỉ thị",
    "nghị quyết",
    "quyết định",
    "công văn",
    "thông tư",
    "nghị định",
    "luật",
    "kết luận",
    "quy định",
    "sư đoàn",
    "trung đoàn",
    "lữ đoàn",
    "tiểu đoàn",
    "bệnh viện",
    "công ty",
    "quân khu",
    "số nhà",
    "hẻm",
    "ngõ",
    "ngách",
    "kiệt",
    "quân y",
    "covid",
];

/// Words that follow a number without being what it counts: function
/// words, deictics of time (`năm nay`, `năm qua`), verbs and adjectives
/// that may follow a bare number.
const NOT_A_UNIT: &[&str] = &[
    "và", "hoặc", "hay", "với", "của", "cho", "là", "thì", "mà", "để", "đến", "tới", "trong",
    "ngoài", "trên", "dưới", "tại", "ở", "từ", "so", "như", "nhưng", "nên", "vì", "do", "bởi",
    "theo", "đã", "đang", "sẽ", "được", "bị", "cũng", "vẫn", "còn", "đều", "chỉ", "lại", "ra",
    "vào", "lên", "xuống", "về", "qua", "nay", "này", "đó", "ấy", "kia", "nào", "trước", "sau",
    "ngoái", "rồi", "nữa", "thôi", "độ", "học", "tăng", "giảm", "đạt", "chiếm", "có", "không",
    "chưa", "các", "những", "mỗi", "từng", "cả", "mọi", "rưỡi", "mươi", "mốt", "lăm", "tư", "linh",
    "lẻ", "trăm", "nghìn", "ngàn", "triệu", "tỷ", "tỉ", "chục", "vạn", "hơn", "gần", "khoảng",
    "chừng", "đầu", "cuối", "giữa", "thứ", "số",
];

/// First syllables of the verbs that most often follow a counted noun
/// (`3 kẻ bỏ chạy`, `120 người tham gia`): no part of the unit.
const VERB_STARTS: &[&str] = &[
    "tham", "bỏ", "chạy", "tử", "thiệt", "phải", "cần", "gây", "đi", "trốn", "tự", "cùng", "làm",
    "xảy", "thực", "tổ", "tiến", "phối", "hỗ", "liên", "nhận", "tiếp", "dự", "đề", "bắt", "thu",
    "phát", "khởi", "truy", "xử", "vi", "mang", "sử", "đưa", "đánh", "bảo",
];

/// Classifiers that name their noun only with it (`thanh kiếm`, `ổ
/// khóa`, `chiếc xe`): the unit takes both words.
const CLASSIFIERS: &[&str] = &[
    "con", "cái", "chiếc", "ngôi", "căn", "ổ", "quả", "khẩu", "viên", "tấm", "bức", "cuốn",
    "quyển", "tờ", "bộ", "đôi", "cặp", "chai", "hộp", "bao", "túi", "gói", "thanh", "bình", "lọ",
    "cây", "sợi", "mảnh", "miếng", "hạt", "lá", "chìa", "băng", "thùng", "can", "vỉ", "bánh",
    "tép", "khối", "đầu", "mũi", "vết", "ngọn", "chuyến", "toà", "tòa", "cơ",
];

/// Nouns of two syllables that a classifier counts (`gói ma túy`, `bao
/// thuốc lá`, `quả lựu đạn`): after a classifier the unit takes all three
/// words. Elsewhere the second syllable of a noun is taken anyway; after a
/// classifier only these, as the word after the noun usually describes it
/// (`khẩu súng hoa cải` is a `khẩu súng`).
const TWO_SYLLABLE_NOUNS: &[&str] = &[
    "ma túy",
    "cần sa",
    "thuốc lá",
    "thuốc lào",
    "thuốc nổ",
    "thuốc lắc",
    "thuốc phiện",
    "lựu đạn",
    "kíp nổ",
    "đạn dược",
    "vũ khí",
    "pháo nổ",
    "pháo hoa",
    "xe máy",
    "ô tô",
    "điện thoại",
    "máy tính",
    "tiền giả",
    "hàng hóa",
    "tài liệu",
    "băng rôn",
    "khẩu hiệu",
    "áp phích",
    "tờ rơi",
    "pa nô",
    "rượu lậu",
    "gỗ lậu",
];

/// Words after `N giờ` that make it a time of day.
const CLOCK_AFTER: &[&str] = &[
    "ngày", "sáng", "chiều", "tối", "trưa", "đêm", "khuya", "cùng", "hôm", "hằng", "hàng", "kém",
    "đúng", "thì", "tại", "lúc", ",",
];

/// Verbs after which `trên` is the preposition "on". Only whole verbs of
/// placing and moving: a last syllable shared with verbs of quantity
/// (`tuần tra` / `kiểm tra trên 300 cơ sở`, `thực hiện trên 200 cuộc`,
/// `vận động`) would turn "more than" into "on".
const LOCATIVE_VERBS: &[&str] = &[
    "đặt", "để", "chở", "ngồi", "nằm", "đứng", "đi", "lái", "treo", "dán", "in", "ghi", "đăng",
    "đỗ", "đậu", "chạy", "bày", "giấu", "cất", "xếp", "lắp", "gắn", "cắm", "vẽ", "viết",
];

/// Words before a number of hours that make them a duration.
const DURATION_BEFORE: &[&str] = &[
    "trong", "mất", "suốt", "sau", "gần", "hơn", "trên", "chừng", "tròn", "hàng", "vòng", "cả",
    "thêm", "mấy", "những",
];

/// Phrases ending in a `NOT_AFTER` word that still take a count.
const STILL_COUNT_AFTER: &[&str] = &["dân số", "tổng số", "hơn", "trong số"];

/// Words that stop a subject phrase.
const SUBJECT_STOPS: &[&str] = &[
    "và", "với", "so", "trong", "tại", "của", "đã", "được", "là", "cho", "nhưng", "thì", "để",
];

struct Scanner<'t> {
    text: &'t str,
    toks: Vec<Token>,
    /// Tokens in lower case (borrowed when already lower case), worked
    /// out when first asked for: only the words near numbers ever are.
    lower: Vec<OnceCell<Cow<'t, str>>>,
}

impl<'t> Scanner<'t> {
    fn word(&self, i: usize) -> &str {
        match self.lower.get(i) {
            Some(cell) => cell.get_or_init(|| lower_case(self.raw(i))),
            None => "",
        }
    }

    fn raw(&self, i: usize) -> &'t str {
        &self.text[self.toks[i].range.clone()]
    }

    /// The longest unit starting at token `i`: (tokens used, unit text).
    fn unit_at(&self, i: usize) -> Option<(usize, String)> {
        let units = &*UNITS;
        let mut joined = String::new();
        for n in (1..=units.longest).rev() {
            if i + n > self.toks.len() {
                continue;
            }
            if (i..i + n).any(|k| self.toks[k].kind != Kind::Word && self.word(k) != "%")
                || (i + 1..i + n).any(|k| !self.toks[k].spaced || self.toks[k].newline)
            {
                continue;
            }
            joined.clear();
            for k in i..i + n {
                if k > i {
                    joined.push(' ');
                }
                joined.push_str(self.word(k));
            }
            if units.by_words.contains_key(&joined) {
                let r = self.toks[i].range.start..self.toks[i + n - 1].range.end;
                return Some((n, self.text[r].to_string()));
            }
        }
        None
    }

    /// A unit that no list names: the noun phrase after a number. Its
    /// first word is a plain lower-case word that is no function word;
    /// a classifier takes its noun along (`thanh kiếm`, `ổ khóa`). Units
    /// of one ASCII letter (`2h`, `5 m`) must be listed. After a number
    /// written in words only a classifier opens a unit: `năm`, `ba`, `hai`
    /// are words of their own too (`năm trật tự`, `ba mẹ`, `hai ngược`),
    /// so a noun after them counts when the list has it.
    fn open_unit_at(&self, i: usize, after_digits: bool) -> Option<(usize, String)> {
        let plain = |k: usize| {
            k < self.toks.len()
                && self.toks[k].kind == Kind::Word
                && self.toks[k].spaced
                && !self.toks[k].newline
                && self.raw(k).chars().all(is_letter)
                && self.raw(k).chars().next().is_some_and(is_lower)
        };
        if !plain(i) || self.raw(i).len() < 2 {
            return None;
        }
        let first = self.word(i);
        if NOT_A_UNIT.contains(&first) || !after_digits && !CLASSIFIERS.contains(&first) {
            return None;
        }
        // Most nouns have two syllables (`điện thoại`, `học viên`): the
        // next word joins unless it starts a clause of its own.
        let second = plain(i + 1)
            && !NOT_A_UNIT.contains(&self.word(i + 1))
            && !VERB_STARTS.contains(&self.word(i + 1));
        let classifier = CLASSIFIERS.contains(&first);
        let noun_of_two = classifier
            && second
            && plain(i + 2)
            && TWO_SYLLABLE_NOUNS
                .contains(&format!("{} {}", self.word(i + 1), self.word(i + 2)).as_str());
        let n = if noun_of_two {
            3
        } else if second && (after_digits || classifier) {
            2
        } else {
            1
        };
        let r = self.toks[i].range.start..self.toks[i + n - 1].range.end;
        Some((n, self.text[r].to_string()))
    }

    /// Whether `N giờ` at `number`..`unit` tells the time of day rather
    /// than a duration: digits with minutes, a day or a part of the day
    /// after them, or no duration word before them.
    fn clock_time(&self, number: usize, unit: usize, digits: bool) -> bool {
        let after = unit + 1;
        let before = number.checked_sub(1).map_or("", |k| self.word(k));
        // `trong vòng 24 giờ,`: a comma after a length of time ends the
        // phrase, as it ends `lúc 21 giờ, ...`.
        let lasting = matches!(before, "vòng" | "suốt" | "mất" | "trong")
            && after < self.toks.len()
            && self.word(after) == ",";
        let timed_after = after < self.toks.len()
            && !self.toks[after].newline
            && !lasting
            && (self.toks[after].kind == Kind::Number || CLOCK_AFTER.contains(&self.word(after)));
        if timed_after {
            return true;
        }
        let before2 = number.checked_sub(2).map_or("", |k| self.word(k));
        let duration_before = DURATION_BEFORE.contains(&before)
            || before2 == "kéo" && before == "dài"
            || QUALIFIERS.iter().any(|(q, _)| *q == before) && !digits;
        digits && !duration_before
    }

    /// Whether `một` at token `i`, before `unit`, states a quantity.
    fn one_is_a_count(&self, i: usize, unit: &str, found: &[CountFound]) -> bool {
        let before = i.checked_sub(1).map_or("", |k| self.word(k));
        if before == "cùng" {
            return false;
        }
        if matches!(
            unit,
            "ngày" | "tuần" | "tháng" | "năm" | "giờ" | "phút" | "giây" | "thập kỷ" | "đêm"
        ) {
            // `Một ngày tháng 8`, `một ngày cuối năm`: some day, no length.
            let after = self.toks.iter().skip(i + 2).find(|t| t.kind == Kind::Word);
            let after = after.map_or("", |t| &self.text[t.range.clone()]);
            return !matches!(
                after,
                "tháng" | "cuối" | "đầu" | "giữa" | "đẹp" | "nọ" | "kia"
            );
        }
        if before == "nhất" && i > 1 && self.word(i - 2) == "duy"
            || matches!(before, "chỉ" | "chọn")
        {
            return true;
        }
        // An item of a list that splits a stated total: `5 bị can gồm:
        // hai sĩ quan, ..., một cán bộ và một doanh nghiệp`.
        if matches!(before, "," | "và" | ":" | "gồm") {
            // (Within a bounded look-back: one endless line stays linear.)
            let at = self.toks[i].range.start;
            let from = crate::chars::back(self.text, at, 300);
            let sentence_start = self.text[from..at]
                .rfind(['.', '!', '?', '\n'])
                .map_or(from, |k| from + k + 1);
            let listed = self.text[sentence_start..self.toks[i].range.start].contains("gồm")
                || self.text[sentence_start..self.toks[i].range.start].contains(':');
            return listed
                && found
                    .last()
                    .is_some_and(|c| c.range.start >= sentence_start);
        }
        false
    }

    /// The qualifier ending right before token `i`: (first token, approx).
    fn qualifier_before(&self, i: usize) -> Option<(usize, Approx)> {
        for (q, approx) in QUALIFIERS {
            let n = q.split(' ').count();
            if i < n || self.toks[i].newline {
                continue;
            }
            // Word by word: this runs for every number, so nothing is joined.
            let same = (i - n..i).zip(q.split(' ')).all(|(k, w)| self.word(k) == w);
            if same && (i - n + 1..=i).all(|k| !self.toks[k].newline || k == i - n) {
                // `trên` after a verb of placing or moving means "on"
                // (`chở trên 2 xe máy`), not "more than".
                let on = *q == "trên"
                    && (i - n)
                        .checked_sub(1)
                        .is_some_and(|k| LOCATIVE_VERBS.contains(&self.word(k)));
                if on {
                    return None;
                }
                return Some((i - n, *approx));
            }
        }
        None
    }

    /// Whether digits at token `i` are part of a name or a code: right after
    /// a capitalised word inside a sentence (`Tổng công ty 319`, `Quân khu
    /// 7`), or after a code with digits (`29R8 9331`).
    fn named_before(&self, i: usize) -> bool {
        let Some(p) = i.checked_sub(1) else {
            return false;
        };
        let prev = &self.toks[p];
        if prev.kind != Kind::Word || self.toks[i].newline {
            return false;
        }
        let raw = self.raw(p);
        if raw.bytes().any(|b| b.is_ascii_digit()) {
            return true;
        }
        if !raw.chars().next().is_some_and(is_upper) {
            return false;
        }
        // A capital that starts a sentence or a line says nothing.
        let sentence_start = prev.newline
            || p.checked_sub(1).is_none_or(|q| {
                matches!(
                    self.raw(q),
                    "." | "!" | "?" | ":" | "\"" | "“" | "(" | "-" | "–"
                )
            });
        !sentence_start && QUALIFIERS.iter().all(|(q, _)| *q != self.word(p))
    }

    /// Whether the words before token `i` make a number there an ordinal,
    /// a code or a reference (`lần thứ 2`, `Ban Chỉ đạo 138`, `tổ dân phố 10`).
    fn code_context(&self, i: usize) -> bool {
        let from = i.saturating_sub(3);
        let before: Vec<&str> = (from..i)
            .filter(|&k| self.toks[k].kind == Kind::Word)
            .map(|k| self.word(k))
            .collect();
        if before.is_empty() || i == 0 || self.toks[i - 1].kind != Kind::Word {
            return false;
        }
        let phrase = before.join(" ");
        let ends = |p: &str| {
            phrase.ends_with(p)
                && (phrase.len() == p.len() || phrase[..phrase.len() - p.len()].ends_with(' '))
        };
        NOT_AFTER.iter().any(|p| ends(p)) && !STILL_COUNT_AFTER.iter().any(|p| ends(p))
    }

    /// The subject: unit and the words after it up to a clause boundary.
    fn subject(&self, unit_start: usize, unit_len: usize) -> Option<String> {
        let mut end = unit_start + unit_len;
        let mut k = end;
        let mut words = 0;
        while k < self.toks.len() && words < 14 {
            let t = &self.toks[k];
            if t.newline || t.kind != Kind::Word || SUBJECT_STOPS.contains(&self.word(k)) {
                break;
            }
            words += 1;
            k += 1;
            end = k;
        }
        if end == unit_start + unit_len {
            return None;
        }
        let r = self.toks[unit_start].range.start..self.toks[end - 1].range.end;
        Some(self.text[r].to_string())
    }
}

/// A token in lower case, borrowed when it is already.
fn lower_case(w: &str) -> Cow<'_, str> {
    let upper = if w.is_ascii() {
        w.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        w.chars()
            .any(|c| crate::chars::char_kind(c as u32) & crate::chars::UPPER != 0)
    };
    if upper {
        Cow::Owned(w.to_lowercase())
    } else {
        Cow::Borrowed(w)
    }
}

/// The number word `raw` is, written in lower case, capitalised or in
/// capitals: the words a count written in words starts with, and `hàng`
/// and `mấy` (`hàng trăm`, `mấy chục`). Checked for every word, so it compares bytes and lower-cases
/// nothing: most words are not number words.
fn number_word(raw: &str) -> Option<&'static str> {
    // Spelled out in full: a `match` on string literals compiles to a
    // switch on the length and a few comparisons of bytes.
    match raw {
        "hai" | "Hai" | "HAI" => Some("hai"),
        "ba" | "Ba" | "BA" => Some("ba"),
        "bốn" | "Bốn" | "BỐN" => Some("bốn"),
        "năm" | "Năm" | "NĂM" => Some("năm"),
        "sáu" | "Sáu" | "SÁU" => Some("sáu"),
        "bảy" | "Bảy" | "BẢY" => Some("bảy"),
        "tám" | "Tám" | "TÁM" => Some("tám"),
        "chín" | "Chín" | "CHÍN" => Some("chín"),
        "mười" | "Mười" | "MƯỜI" => Some("mười"),
        "một" | "Một" | "MỘT" => Some("một"),
        "mấy" | "Mấy" | "MẤY" => Some("mấy"),
        "nửa" | "Nửa" | "NỬA" => Some("nửa"),
        "chục" | "Chục" | "CHỤC" => Some("chục"),
        "hàng" | "Hàng" | "HÀNG" => Some("hàng"),
        _ => None,
    }
}

/// Every count in `text`, skipping numbers inside `excluded` ranges
/// (dates, document numbers, quoted names).
pub(crate) fn scan(text: &str, excluded: &[Range<usize>]) -> Vec<CountFound> {
    let toks = tokens(text);
    let lower = toks.iter().map(|_| OnceCell::new()).collect();
    let s = Scanner { text, toks, lower };
    let n = s.toks.len();
    let mut sorted: Vec<Range<usize>> = excluded.to_vec();
    sorted.sort_by_key(|r| r.start);
    // Whether a range overlaps an excluded one (sorted by start; binary search).
    let inside = |r: &Range<usize>| {
        let k = sorted.partition_point(|e| e.start < r.end);
        sorted[..k].iter().rev().take(8).any(|e| r.start < e.end)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let t = &s.toks[i];
        let start_i = i;
        // Numbers in words inside a date (`Tháng mười hai năm 2020`) too
        // (most words are no number word: that is checked first).
        if t.kind == Kind::Word && (number_word(s.raw(i)).is_none() || inside(&t.range)) {
            i += 1;
            continue;
        }
        // The number: digits, `hàng` + scale, or words.
        let (mut value, mut approx, mut next) = match t.kind {
            Kind::Number => {
                if inside(&t.range) {
                    i += 1;
                    continue;
                }
                let Some(v) = parse_digits(s.raw(i)) else {
                    i += 1;
                    continue;
                };
                (v, Approx::Exact, i + 1)
            }
            Kind::Word if number_word(s.raw(i)).is_none() => {
                i += 1;
                continue;
            }
            Kind::Word
                if matches!(s.word(i), "hàng" | "mấy")
                    && i + 1 < n
                    && scale(s.word(i + 1)).is_some() =>
            {
                let mut v = scale(s.word(i + 1)).unwrap_or(1.0);
                let mut k = i + 2;
                while k < n
                    && s.toks[k].kind == Kind::Word
                    && let Some(m) = scale(s.word(k))
                {
                    v *= m;
                    k += 1;
                }
                (v, Approx::OrderOfMagnitude, k)
            }
            Kind::Word if !matches!(s.word(i), "hàng" | "mấy") => {
                let words: Vec<&str> = (i..n.min(i + 8)).map(|k| s.word(k)).collect();
                match (s.word(i), parse_words(&words)) {
                    ("chục", _) => (10.0, Approx::Exact, i + 1),
                    (_, Some((v, used))) => (v, Approx::Exact, i + used),
                    _ => {
                        i += 1;
                        continue;
                    }
                }
            }
            _ => {
                i += 1;
                continue;
            }
        };
        let is_digits = t.kind == Kind::Number;
        if is_digits {
            // Glued to a word or code before it (`TDP4`, `Covid-19`), or a time.
            let prev = i.checked_sub(1).map(|k| &s.toks[k]);
            if let Some(p) = prev
                && !t.spaced
                && (p.kind == Kind::Word
                    || matches!(s.word(i - 1), "-" | "/" | ":" | "." | ",")
                        && i >= 2
                        && !s.toks[i - 1].spaced
                        && s.toks[i - 2].kind != Kind::Punct)
            {
                i += 1;
                continue;
            }
            if next < n
                && !s.toks[next].spaced
                && matches!(s.word(next), ":" | "/")
                && next + 1 < n
                && s.toks[next + 1].kind == Kind::Number
            {
                if s.word(next) == ":" {
                    i = next + 2;
                    continue;
                }
                // `91/91 xã`: a ratio, unless more follows (`06/2014/NĐ-CP`).
                let after = next + 2;
                let more = after < n
                    && !s.toks[after].spaced
                    && (s.toks[after].kind != Kind::Punct || matches!(s.word(after), "/" | "-"));
                if more {
                    i = after;
                    continue;
                }
                next = after;
            }
            // A list numeral at the start of a line (`2.`, `3)`).
            if t.newline && next < n && matches!(s.word(next), "." | ")") {
                i = next;
                continue;
            }
            // Phone numbers and other long codes with a leading zero (a
            // decimal comma makes it a quantity: `02,50 tấn`).
            if s.raw(i).starts_with('0')
                && !s.raw(i).contains(',')
                && s.raw(i).chars().filter(char::is_ascii_digit).count() >= 4
            {
                i += 1;
                continue;
            }
        }
        if s.code_context(start_i) {
            i = next;
            continue;
        }
        // A range: `3-5 người`, `130-150 nghìn đồng`, `từ 10 đến 15 vụ`.
        let mut range_end: Option<(usize, f64)> = None;
        if is_digits && next + 1 < n {
            let sep = s.word(next);
            if (sep == "-" || sep == "–" || sep == "đến" || sep == "tới")
                && s.toks[next + 1].kind == Kind::Number
                && let Some(v2) = parse_digits(s.raw(next + 1))
                && v2 > value
            {
                range_end = Some((next + 1, v2));
                next += 2;
            }
        }
        // Scale words: `2 triệu`, `3 triệu 500 nghìn`, `1,2 tỷ`.
        if approx != Approx::OrderOfMagnitude {
            let mut k = next;
            let mut v = value;
            let mut v2 = range_end.map(|r| r.1);
            while k < n
                && s.toks[k].kind == Kind::Word
                && let Some(m) = scale(s.word(k))
            {
                if m < 1000.0 && k > next {
                    break;
                }
                v *= m;
                v2 = v2.map(|x| x * m);
                k += 1;
                // `3 triệu 500 nghìn`
                if k + 1 < n
                    && s.toks[k].kind == Kind::Number
                    && let (Some(extra), Some(m2)) = (parse_digits(s.raw(k)), scale(s.word(k + 1)))
                    && m2 < m
                {
                    v += extra * m2;
                    k += 2;
                }
            }
            // (`chục` after a number multiplies it: `ba chục` is 30; alone
            // it is the number itself, `hơn chục` is 10.)
            if k > next && (s.word(next) != "chục" || start_i < next) {
                value = v;
                if let (Some(r), Some(x)) = (range_end.as_mut(), v2) {
                    r.1 = x;
                }
                next = k;
            }
        }
        // The unit: a listed one, `%`, else the noun that follows.
        let listed = s.unit_at(next).or_else(|| {
            // `95%` glued to the number.
            (next < n && s.word(next) == "%").then(|| (1, "%".to_string()))
        });
        // Digits in a name take no listed unit after them either, but a
        // name may stand before a count (`Quang 15 tháng tù treo`): only
        // an unlisted word after them is doubted (`Tổng công ty 319 quản
        // lý`).
        let open = || {
            (!is_digits || !s.named_before(start_i))
                .then(|| s.open_unit_at(next, is_digits))
                .flatten()
        };
        let Some((unit_len, unit)) = listed.or_else(open) else {
            i = next.max(i + 1);
            continue;
        };
        let unit_word = s.word(next).to_string();
        // A clock time is no count (`13 giờ`, `khoảng 21 giờ`, `12 giờ 30`);
        // a duration is (`trong 2 giờ`, `Gần một giờ sau`).
        if unit_word == "giờ" && s.clock_time(start_i, next, is_digits) {
            i = next + unit_len;
            continue;
        }
        // `một` is a count when it states a quantity: a duration, the one
        // item of a list that splits a total, `chỉ (duy nhất) một`; not
        // when it means "a" or "the same".
        if s.word(start_i) == "một" && !s.one_is_a_count(start_i, &unit_word, &out) {
            i = next.max(i + 1);
            continue;
        }
        // The qualifier.
        let mut first = start_i;
        if approx == Approx::Exact {
            if let Some((q, a)) = s.qualifier_before(start_i) {
                approx = a;
                first = q;
            } else if start_i > 0
                && s.word(start_i - 1) == "từ"
                && (next + unit_len + 1 < n)
                && s.word(next + unit_len) == "trở"
                && s.word(next + unit_len + 1) == "lên"
            {
                approx = Approx::AtLeast;
            }
        }
        let mut unit_end = s.toks[next + unit_len - 1].range.end;
        // `ba ngày rưỡi`: a half more.
        let mut after_unit = next + unit_len;
        if after_unit < n && s.word(after_unit) == "rưỡi" && s.toks[after_unit].spaced {
            value += 0.5;
            unit_end = s.toks[after_unit].range.end;
            after_unit += 1;
        }
        // `một năm mấy`: a little more.
        if after_unit < n && s.word(after_unit) == "mấy" && approx == Approx::Exact {
            approx = Approx::MoreThan;
            unit_end = s.toks[after_unit].range.end;
        }
        let subject = if unit == "%" {
            s.subject(next + unit_len, 0).filter(|x| !x.is_empty())
        } else {
            s.subject(next, unit_len)
        };
        let unit_text = if unit == "%" {
            "%".to_string()
        } else {
            unit.clone()
        };
        match range_end {
            Some((k2, v2)) => {
                let r1 = s.toks[first].range.start..s.toks[start_i].range.end;
                out.push(CountFound {
                    range: r1,
                    value,
                    approx: Approx::Exact,
                    unit: Some(unit_text.clone()),
                    subject: subject.clone(),
                });
                out.push(CountFound {
                    range: s.toks[k2].range.start..unit_end,
                    value: v2,
                    approx: Approx::Exact,
                    unit: Some(unit_text),
                    subject,
                });
            }
            None => out.push(CountFound {
                range: s.toks[first].range.start..unit_end,
                value,
                approx,
                unit: Some(unit_text),
                subject,
            }),
        }
        i = next + unit_len;
    }
    out
}

/// The body's counts. Numbers in dates and in short quotations (names and
/// slogans, `“3 giảm, 3 giữ”`) are none.
pub(crate) fn find(doc: &Doc, ctx: &Context) -> Vec<Count> {
    let body = doc.body();
    let mut excluded: Vec<Range<usize>> = ctx
        .dates(doc)
        .filter_map(|d| body.local_range(&d.range))
        .collect();
    excluded.extend(short_quotes(body.text()));
    scan(body.text(), &excluded)
        .into_iter()
        .map(|c| {
            let at = doc.locate_in(&body, c.range);
            Count {
                text: at.text,
                value: Quantity(c.value),
                approx: c.approx,
                unit: c.unit,
                subject: c.subject,
                span: at.span,
                bytes: at.bytes,
            }
        })
        .collect()
}

/// Quoted stretches short enough to be names or slogans.
fn short_quotes(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    static QUOTE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"“[^”\n]{1,80}”|"[^"\n]{1,80}"|«[^»\n]{1,80}»"#).expect("valid regex")
    });
    QUOTE.find_iter(text).map(|m| m.range())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words a count written in words starts with (`một` never does: see
    /// docs/decisions.md), and `hàng` (`hàng trăm`).
    const NUMBER_WORDS: &[&str] = &[
        "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "nửa", "chục", "hàng",
    ];

    #[test]
    fn number_words_in_any_of_three_cases() {
        assert_eq!(number_word("mười"), Some("mười"));
        assert_eq!(number_word("Mười"), Some("mười"));
        assert_eq!(number_word("MƯỜI"), Some("mười"));
        assert_eq!(number_word("Hàng"), Some("hàng"));
        assert_eq!(number_word("mươi"), None);
        assert_eq!(number_word("Một"), Some("một"));
        // Every number word in its three spellings.
        for w in NUMBER_WORDS {
            assert_eq!(number_word(w), Some(*w));
            assert_eq!(number_word(&w.to_uppercase()), Some(*w));
        }
    }

    fn counts(text: &str) -> Vec<(String, f64, Approx, String)> {
        scan(text, &[])
            .into_iter()
            .map(|c| {
                (
                    text[c.range].to_string(),
                    c.value,
                    c.approx,
                    c.unit.unwrap_or_default(),
                )
            })
            .collect()
    }

    fn c(t: &str, v: f64, a: Approx, u: &str) -> (String, f64, Approx, String) {
        (t.to_string(), v, a, u.to_string())
    }

    #[test]
    fn digits_with_qualifiers_and_units() {
        use Approx::*;
        assert_eq!(
            counts("cung cấp hơn 2.000 tin có giá trị"),
            [c("hơn 2.000 tin", 2000.0, MoreThan, "tin")]
        );
        assert_eq!(
            counts("có gần 16.300 lượt CBCS tham gia"),
            [c("gần 16.300 lượt", 16300.0, Nearly, "lượt")]
        );
        assert_eq!(
            counts("nhân rộng 05 mô hình, với 29 câu lạc bộ"),
            [
                c("05 mô hình", 5.0, Exact, "mô hình"),
                c("29 câu lạc bộ", 29.0, Exact, "câu lạc bộ")
            ]
        );
        assert_eq!(
            counts("thu 256 khẩu súng, 164 viên đạn"),
            [
                c("256 khẩu súng", 256.0, Exact, "khẩu súng"),
                c("164 viên đạn", 164.0, Exact, "viên đạn")
            ]
        );
        assert_eq!(
            counts("khoảng 204.000 lượt"),
            [c("khoảng 204.000 lượt", 204000.0, About, "lượt")]
        );
        assert_eq!(counts("trên 95% xã"), [c("trên 95%", 95.0, MoreThan, "%")]);
        assert_eq!(
            counts("diện tích 56,52km2"),
            [c("56,52km2", 56.52, Exact, "km2")]
        );
    }

    #[test]
    fn magnitudes_money_words() {
        use Approx::*;
        assert_eq!(
            counts("thiệt hại hàng tỉ đồng"),
            [c("hàng tỉ đồng", 1e9, OrderOfMagnitude, "đồng")]
        );
        assert_eq!(
            counts("hàng chục ngàn lượt"),
            [c("hàng chục ngàn lượt", 1e4, OrderOfMagnitude, "lượt")]
        );
        assert_eq!(
            counts("gần 35 tỷ đồng"),
            [c("gần 35 tỷ đồng", 35e9, Nearly, "đồng")]
        );
        assert_eq!(
            counts("1,2 tỷ đồng"),
            [c("1,2 tỷ đồng", 1.2e9, Exact, "đồng")]
        );
        assert_eq!(
            counts("gần nửa triệu lượt"),
            [c("gần nửa triệu lượt", 5e5, Nearly, "lượt")]
        );
        assert_eq!(
            counts("thành lập hai đội"),
            [c("hai đội", 2.0, Exact, "đội")]
        );
        assert_eq!(
            counts("trong năm năm qua"),
            [c("năm năm", 5.0, Exact, "năm")]
        );
        assert_eq!(counts("55 năm xây dựng"), [c("55 năm", 55.0, Exact, "năm")]);
    }

    #[test]
    fn ratios_and_ranges() {
        use Approx::*;
        assert_eq!(
            counts("91/91 xã đạt chuẩn"),
            [c("91/91 xã", 91.0, Exact, "xã")]
        );
        assert_eq!(
            counts("từ 3-5 người"),
            [
                c("3", 3.0, Exact, "người"),
                c("5 người", 5.0, Exact, "người")
            ]
        );
        assert_eq!(
            counts("130-150 nghìn đồng"),
            [
                c("130", 130000.0, Exact, "đồng"),
                c("150 nghìn đồng", 150000.0, Exact, "đồng")
            ]
        );
    }

    #[test]
    fn not_counts() {
        for text in [
            "Sư đoàn 308 hay Đại đoàn",
            "Bệnh viện Quân y 105 duy trì",
            "Ban Chỉ đạo 138 TP Hà Nội",
            "tại TDP4, phường An Lạc",
            "lần thứ 2 trong năm",
            "Covid-19 lan rộng",
            "số 06/2014/NĐ-CP",
            "Điện thoại: 0262 3.871.630",
            "Đội Cảnh sát đường thủy số 1",
            "hằng năm, một số, một trong những",
            "07:51:15",
        ] {
            assert!(counts(text).is_empty(), "{text}: {:?}", counts(text));
        }
        assert_eq!(counts("\n2. Tăng cường 3 buổi").len(), 1);
    }

    /// A text and its counts: text, value, qualifier, unit.
    type Case<'a> = (&'a str, &'a [(&'a str, f64, Approx, &'a str)]);

    /// Counts with their exact text, value, qualifier and unit.
    fn check(cases: &[Case]) {
        for (text, want) in cases {
            let want: Vec<_> = want.iter().map(|&(t, v, a, u)| c(t, v, a, u)).collect();
            assert_eq!(counts(text), want, "{text}");
        }
    }

    #[test]
    fn any_noun_after_a_number_is_counted() {
        use Approx::*;
        check(&[
            (
                "thu giữ 7 khẩu súng hoa cải",
                &[("7 khẩu súng", 7.0, Exact, "khẩu súng")],
            ),
            (
                "cùng 22 thanh kiếm, 9 bình xịt hơi cay",
                &[
                    ("22 thanh kiếm", 22.0, Exact, "thanh kiếm"),
                    ("9 bình xịt", 9.0, Exact, "bình xịt"),
                ],
            ),
            // A classifier with a noun of two syllables: all three words.
            (
                "thu 3 gói ma túy, 12 viên ma túy tổng hợp và 2 bao thuốc lá",
                &[
                    ("3 gói ma túy", 3.0, Exact, "gói ma túy"),
                    ("12 viên ma túy", 12.0, Exact, "viên ma túy"),
                    ("2 bao thuốc lá", 2.0, Exact, "bao thuốc lá"),
                ],
            ),
            (
                "giao nộp 2 quả lựu đạn và 5 viên đạn",
                &[
                    ("2 quả lựu đạn", 2.0, Exact, "quả lựu đạn"),
                    ("5 viên đạn", 5.0, Exact, "viên đạn"),
                ],
            ),
            (
                "gây thương tích cho 18 bị hại",
                &[("18 bị hại", 18.0, Exact, "bị hại")],
            ),
            (
                "triệt phá 6 băng nhóm",
                &[("6 băng nhóm", 6.0, Exact, "băng nhóm")],
            ),
            ("kiểm tra 13 lượt xe", &[("13 lượt", 13.0, Exact, "lượt")]),
            (
                "đối tượng có 2 tiền sự",
                &[("2 tiền sự", 2.0, Exact, "tiền sự")],
            ),
            (
                "thu 14 bánh heroin",
                &[("14 bánh heroin", 14.0, Exact, "bánh heroin")],
            ),
            (
                "bắt 4 đối tượng, thu 12 điện thoại",
                &[
                    ("4 đối tượng", 4.0, Exact, "đối tượng"),
                    ("12 điện thoại", 12.0, Exact, "điện thoại"),
                ],
            ),
        ]);
    }

    #[test]
    fn measures_glued_or_spaced() {
        use Approx::*;
        check(&[
            ("thu 3,5kg ma túy", &[("3,5kg", 3.5, Exact, "kg")]),
            ("còn 0,25 gam", &[("0,25 gam", 0.25, Exact, "gam")]),
            ("rộng 120m2", &[("120m2", 120.0, Exact, "m2")]),
            ("đổ 1.200m³ đất", &[("1.200m³", 1200.0, Exact, "m³")]),
            (
                "số tiền 2.500 USD và 10.000 bạt",
                &[
                    ("2.500 USD", 2500.0, Exact, "USD"),
                    ("10.000 bạt", 10000.0, Exact, "bạt"),
                ],
            ),
            ("Nguyễn Văn A, 41 tuổi", &[("41 tuổi", 41.0, Exact, "tuổi")]),
        ]);
    }

    #[test]
    fn numbers_in_words() {
        use Approx::*;
        check(&[
            (
                "ba bị hại đã trình báo",
                &[("ba bị hại", 3.0, Exact, "bị hại")],
            ),
            (
                "xử phạt hai năm ba tháng tù",
                &[
                    ("hai năm", 2.0, Exact, "năm"),
                    ("ba tháng", 3.0, Exact, "tháng"),
                ],
            ),
            (
                "sau bốn ngày rưỡi xét xử",
                &[("bốn ngày rưỡi", 4.5, Exact, "ngày")],
            ),
            (
                "gây mấy chục vết thương",
                &[("mấy chục vết thương", 10.0, OrderOfMagnitude, "vết thương")],
            ),
            (
                "thu giữ gồm: 2 xe máy, một con dao và 3 điện thoại",
                &[
                    ("2 xe máy", 2.0, Exact, "xe máy"),
                    ("một con dao", 1.0, Exact, "con dao"),
                    ("3 điện thoại", 3.0, Exact, "điện thoại"),
                ],
            ),
            (
                "Gần một giờ sau, lực lượng chức năng có mặt",
                &[("Gần một giờ", 1.0, Nearly, "giờ")],
            ),
            (
                "Huy một năm mấy tù treo",
                &[("một năm mấy", 1.0, MoreThan, "năm")],
            ),
            // A length of time before a comma (a clock time keeps its
            // comma: `khoảng 21 giờ, đối tượng` counts nothing).
            (
                "Trong vòng 24 giờ, đối tượng bị bắt",
                &[("24 giờ", 24.0, Exact, "giờ")],
            ),
        ]);
    }

    #[test]
    fn numbers_that_count_nothing() {
        for text in [
            "khoảng 21 giờ, đối tượng đột nhập",
            "5 giờ sáng hôm sau",
            "lúc 7h45 ngày hôm đó",
            "13 giờ cùng ngày, các đối tượng",
            "số nhà 17 đường Lê Lợi",
            "trên tuyến QL1A đoạn qua huyện",
            "vi phạm Điều 249 Bộ luật Hình sự",
            "theo khoản 3 Điều 5",
            "cán bộ Phòng PC02 Công an tỉnh",
            "Trung đoàn 1 tổ chức",
            "Tổng công ty 319 quản lý khu đất",
            "lần thứ 2 trong năm",
            "phát hiện một vụ trộm",
            "đi trên cùng một xe",
            "chỉ bị vài năm tù",
            "hàng loạt vụ đột nhập",
            "năm trật tự và văn minh đô thị",
            "cả hai ngược đường ra vùng ven",
            "ba mẹ em đi làm xa",
            "biển số 29R8 9331 đỗ trước nhà",
        ] {
            assert!(counts(text).is_empty(), "{text}: {:?}", counts(text));
        }
    }
}

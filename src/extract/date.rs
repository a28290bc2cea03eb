//! Calendar expressions: dates, date-times, months, years, day-months and
//! ranges of them, day first always.
//!
//! Each rule family is one regex whose matches are checked in code
//! (calendar validity, what stands around the match). Overlapping candidates
//! are settled by preferring the longer one, so `ngày 15 tháng 3 năm 2013`
//! is one date, not a day-month and a year. Relative expressions (`năm
//! nay`, `hôm qua`) are out of scope of schema v1: [`DatePoint`] keeps the
//! parts, so that a later version can resolve them against the publication
//! date.

use super::Context;
use crate::chars::{is_alphanumeric, is_upper};
use crate::doc::Doc;
use crate::record::{DateKind, DateMention, DateValue};
use regex::{Captures, Regex};
use std::ops::Range;
use std::sync::LazyLock;

/// One point in time, as precise as the text says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DatePoint {
    /// Year, when stated.
    pub year: Option<i32>,
    /// Month 1–12, when stated.
    pub month: Option<u32>,
    /// Day 1–31, when stated.
    pub day: Option<u32>,
    /// Hour, minute and second, when stated.
    pub time: Option<(u32, u32, Option<u32>)>,
    /// UTC offset in minutes, when stated.
    pub offset: Option<i32>,
}

impl DatePoint {
    fn ymd(year: Option<i32>, month: Option<u32>, day: Option<u32>) -> Self {
        DatePoint {
            year,
            month,
            day,
            time: None,
            offset: None,
        }
    }

    /// The kind of a point with these parts.
    pub fn kind(&self) -> Option<DateKind> {
        Some(match (self.year, self.month, self.day, self.time) {
            (Some(_), Some(_), Some(_), Some(_)) => DateKind::Datetime,
            (Some(_), Some(_), Some(_), None) => DateKind::Date,
            (Some(_), Some(_), None, None) => DateKind::Month,
            (Some(_), None, None, None) => DateKind::Year,
            (None, Some(_), Some(_), None) => DateKind::DayMonth,
            _ => return None,
        })
    }

    /// ISO 8601 text: `2020-12-17T07:51:15+07:00`, `2014-01`, `--06-16`.
    pub fn iso(&self) -> String {
        let mut s = match (self.year, self.month, self.day) {
            (Some(y), Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
            (Some(y), Some(m), None) => format!("{y:04}-{m:02}"),
            (Some(y), None, _) => format!("{y:04}"),
            (None, Some(m), Some(d)) => format!("--{m:02}-{d:02}"),
            (None, Some(m), None) => format!("--{m:02}"),
            (None, None, _) => String::new(),
        };
        if let Some((h, mi, sec)) = self.time {
            s.push_str(&format!("T{h:02}:{mi:02}"));
            if let Some(sec) = sec {
                s.push_str(&format!(":{sec:02}"));
            }
            if let Some(off) = self.offset {
                let sign = if off < 0 { '-' } else { '+' };
                s.push_str(&format!(
                    "{sign}{:02}:{:02}",
                    off.abs() / 60,
                    off.abs() % 60
                ));
            }
        }
        s
    }

    fn valid(&self) -> bool {
        if let Some(y) = self.year
            && !(1800..=2200).contains(&y)
        {
            return false;
        }
        if let Some(m) = self.month
            && !(1..=12).contains(&m)
        {
            return false;
        }
        if let Some(d) = self.day {
            let max = match self.month {
                Some(2) => match self.year {
                    Some(y) if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
                    Some(_) => 28,
                    None => 29,
                },
                Some(4 | 6 | 9 | 11) => 30,
                _ => 31,
            };
            if d == 0 || d > max {
                return false;
            }
        }
        if let Some((h, m, s)) = self.time
            && (h > 23 || m > 59 || s.is_some_and(|s| s > 59))
        {
            return false;
        }
        true
    }
}

/// A calendar expression found in a text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DateFound {
    /// Byte range in the text searched.
    pub range: Range<usize>,
    /// Its kind.
    pub kind: DateKind,
    /// Its value.
    pub value: DateValue,
    /// The point (the start, for a range).
    pub point: DatePoint,
}

const WEEKDAY: &str = r"(?:(?:[Tt]hứ\s*(?:[2-7]|[Hh]ai|[Bb]a|[Tt]ư|[Nn]ăm|[Ss]áu|[Bb]ảy)|[Cc]hủ\s+[Nn]hật|CN)\s*,?\s*)?";
const GMT: &str = r"(?:\s*[\[(]?\s*GMT\s*([+-])\s*([0-9]{1,2})(?::?([0-9]{2}))?\s*[\])]?)?";

static HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"{WEEKDAY}([0-9]{{1,2}})([/.-])([0-9]{{1,2}})[/.-]([0-9]{{4}}|[0-9]{{2}})\s*(?:\||,|-|lúc)?\s*([0-9]{{1,2}})[:h]([0-9]{{2}})(?::([0-9]{{2}}))?{GMT}"
    ))
    .expect("valid regex")
});

static TIME_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"([0-9]{{1,2}})(?::([0-9]{{2}})(?::([0-9]{{2}}))?|\s*giờ(?:\s*([0-9]{{1,2}})\s*phút)?|h([0-9]{{2}})?)\s*(?:,|\||-|–)?\s*(?:(?:ngày|[Nn]gày)\s+)?([0-9]{{1,2}})([/.-])([0-9]{{1,2}})[/.-]([0-9]{{4}}){GMT}"
    ))
    .expect("valid regex")
});

/// A clock time in words or digits: `12 giờ 30`, `8 giờ`, `12 giờ 30 phút`,
/// `8h30`, `8:30`.
const CLOCK: &str =
    r"([0-9]{1,2})(?:\s*giờ(?:\s*([0-9]{1,2})(?:\s*phút)?)?|h([0-9]{2})?|:([0-9]{2}))";

/// A span of clock times before a dated day: `từ 12 giờ 30 đến 13 giờ 30
/// ngày 13-5-2012`, one range of datetimes.
static CLOCK_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"[Tt]ừ\s+{CLOCK}\s*(?:đến|tới|-|–)\s*{CLOCK}\s*,?\s*(?:ngày\s+)?([0-9]{{1,2}})([/.-])([0-9]{{1,2}})[/.-]([0-9]{{4}})"
    ))
    .expect("valid regex")
});

static BARE_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[12][0-9]{3}").expect("valid regex"));

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[ T]([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?(?:Z|([+-])([0-9]{2}):?([0-9]{2}))?)?")
        .expect("valid regex")
});

/// A numeric date or day-month: `D/M/Y`, `D-M-Y`, `D.M.Y`, `D/M`.
const DMY: &str = r"([0-9]{1,2})([/.-])([0-9]{1,2})(?:([/.-])([0-9]{4}))?";

static RANGE_DATES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:(?:[Tt]ừ\s+)?(?:[Nn]gày\s+)?){DMY}\s*(?:[-–—]|đến(?:\s+ngày)?|tới(?:\s+ngày)?)\s*{DMY}"
    ))
    .expect("valid regex")
});

static RANGE_YEARS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(?:[Tt]ừ\s+)?(?:[Nn]ăm\s+))?([0-9]{4})\s*(?:[-–—]|đến(?:\s+năm)?|tới(?:\s+năm)?)\s*([0-9]{4})")
        .expect("valid regex")
});

static LONG_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:(?:[Nn]gày|[Mm]ồng|[Mm]ùng)\s+)?([0-9]{1,2})\s+tháng\s+([0-9]{1,2}|[Gg]iêng|[Mm]ười\s+[Mm]ột|[Mm]ười\s+[Hh]ai|[Mm]ười|[Cc]hạp)(?:\s*(?:năm|,|/)\s*([0-9]{4}))?",
    )
    .expect("valid regex")
});

static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:(?:[Nn]gày|[Mm]ồng|[Mm]ùng)\s+)?{DMY}(\s+h[ằà]ng\s+năm)?"
    ))
    .expect("valid regex")
});

static MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"[Tt]háng\s+([0-9]{1,2}|[Gg]iêng|[Mm]ười\s+[Mm]ột|[Mm]ười\s+[Hh]ai|[Mm]ười|[Cc]hạp|[Hh]ai|[Bb]a|[Tt]ư|[Bb]ốn|[Nn]ăm|[Ss]áu|[Bb]ảy|[Tt]ám|[Cc]hín)\s*(?:/|-|\.|năm|,)\s*([0-9]{4})",
    )
    .expect("valid regex")
});

/// A date with a two-digit year after `ngày` (`ngày 5/4/19`): 20YY up to
/// 2040, 19YY after.
static SHORT_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[Nn]gày|[Mm]ồng|[Mm]ùng)\s+([0-9]{1,2})/([0-9]{1,2})/([0-9]{2})")
        .expect("valid regex")
});

/// Days that share the month (and year) written once after the last:
/// `từ ngày 11 đến 16/9/2021`, `từ 3-5/10/2021`, `ngày 2-3/6`.
static SHARED_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:[Tt]ừ\s+)?(?:[Nn]gày\s+)?([0-9]{1,2})\s*(?:-|–|đến|tới)\s*(?:ngày\s+)?([0-9]{1,2})([/.-])([0-9]{1,2})(?:([/.-])([0-9]{4}))?",
    )
    .expect("valid regex")
});

static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:[Nn]ăm|SN|[Ss]inh\s+năm|[Qq]uý\s+(?:IV|I{1,3}|[1-4])\s*/)\s*([0-9]{4})|(?:Giáp|Ất|Bính|Đinh|Mậu|Kỷ|Canh|Tân|Nhâm|Quý)\s+(?:Tý|Sửu|Dần|Mão|Mẹo|Thìn|Tỵ|Tị|Ngọ|Mùi|Thân|Dậu|Tuất|Hợi)\s+([0-9]{4})|\(([0-9]{4})\)",
    )
    .expect("valid regex")
});

/// Whether the words around a bare `d/m` make it a date: `sáng nay 8-12`,
/// `hôm 3-4`, `vào 20/5`, `từ 18/10 nếu ...`, `đến 17/8`, or an
/// observance's day after its name (`Ngày toàn dân phòng, chống ma túy –
/// 26/6`). A fraction after `từ`/`đến` (`từ 1/3 diện tích`) is none.
fn dated_by_context(text: &str, word: &str, r: Range<usize>) -> bool {
    let word = word.trim_end_matches(',');
    let lower = word.to_lowercase();
    if matches!(
        lower.as_str(),
        "nay" | "hôm" | "vào" | "trước" | "sau" | "qua"
    ) {
        return true;
    }
    if matches!(lower.as_str(), "từ" | "đến" | "tới") {
        let next = text[r.end..].split_whitespace().next().unwrap_or("");
        let next = next.trim_end_matches([',', '.', ';', ':']).to_lowercase();
        const FRACTION_OF: &[&str] = &[
            "số", "diện", "dân", "tổng", "lượng", "giá", "thời", "khối", "quỹ", "kinh", "ngân",
        ];
        return !FRACTION_OF.contains(&next.as_str());
    }
    if matches!(word, "–" | "—" | "-") {
        let from = crate::chars::back(text, r.start, 120);
        let line = &text[from..r.start];
        let line = &line[line.rfind('\n').map_or(0, |i| i + 1)..];
        return line.contains("Ngày ");
    }
    false
}

/// A bare year (`Luật Giao thông đường bộ 2008`, `Lê Anh Tiến (1989, trú
/// ...)`, `văn minh đô thị 2014`): counts of a thousand and more are written
/// with a dot (`2.014 vụ`), so four digits from 1900 to 2100 standing alone
/// are a year, unless a word before makes them a number of something else
/// (`số 2014`, `Điều 2012`, `QL 1945`) or a unit after makes them a count.
fn bare_year(text: &str, r: Range<usize>) -> Option<i32> {
    let y: i32 = text[r.clone()].parse().ok()?;
    if !(1900..=2100).contains(&y) || glued_before(text, r.start) || glued_after(text, r.end) {
        return None;
    }
    let before = text[crate::chars::back(text, r.start, 40)..r.start].trim_end();
    if before.ends_with(|c: char| c.is_ascii_digit() || matches!(c, '/' | '-' | '.' | ':' | '+')) {
        return None;
    }
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("")
        .to_lowercase();
    const NAMING: &[&str] = &[
        "số",
        "điều",
        "khoản",
        "mục",
        "điểm",
        "đường",
        "ql",
        "quốc",
        "lộ",
        "tỉnh",
        "phòng",
        "nhà",
        "xe",
        "biển",
        "mã",
        "hiệu",
        "kiểu",
        "model",
        "đoàn",
        "đội",
        "tiểu",
        "khu",
        "lô",
        "ô",
        "km",
        "tổ",
        "ấp",
        "thôn",
        "xóm",
        "bản",
        "hẻm",
        "ngõ",
        "ngách",
        "kiệt",
        "phố",
        "lần",
        "thứ",
        "top",
        "hotline",
        "tuyến",
        "chuyến",
        "cổng",
        "phường",
        "quận",
        "trạm",
        "giá",
        "là",
        "gồm",
        "có",
        "được",
        "với",
        "hơn",
        "trên",
        "gần",
        "khoảng",
        "tới",
        "đến",
    ];
    if NAMING.contains(&word.as_str()) {
        return None;
    }
    if super::count::unit_at(&text[r.end..]) {
        return None;
    }
    Some(y)
}

/// Words for the time of day, which stay outside a date's text.
const TIME_OF_DAY: &[&str] = &[
    "sáng", "chiều", "tối", "trưa", "đêm", "khuya", "rạng", "hôm", "Sáng", "Chiều", "Tối", "Trưa",
    "Đêm", "Khuya", "Rạng", "Hôm",
];

fn num(c: &Captures, i: usize) -> Option<u32> {
    c.get(i).and_then(|m| m.as_str().parse().ok())
}

fn month_word(s: &str) -> Option<u32> {
    if let Ok(n) = s.parse() {
        return Some(n);
    }
    let f = crate::normalize::fold(s);
    Some(
        match f.split_whitespace().collect::<Vec<_>>().join(" ").as_str() {
            "gieng" => 1,
            "hai" => 2,
            "ba" => 3,
            "tu" | "bon" => 4,
            "nam" => 5,
            "sau" => 6,
            "bay" => 7,
            "tam" => 8,
            "chin" => 9,
            "muoi" => 10,
            "muoi mot" => 11,
            "muoi hai" | "chap" => 12,
            _ => return None,
        },
    )
}

fn offset(c: &Captures, sign: usize) -> Option<i32> {
    let s = c.get(sign)?.as_str();
    let h: i32 = c.get(sign + 1)?.as_str().parse().ok()?;
    let m: i32 = c
        .get(sign + 2)
        .and_then(|m| m.as_str().parse().ok())
        .unwrap_or(0);
    let v = h * 60 + m;
    Some(if s == "-" { -v } else { v })
}

/// Whether the text before `start` makes a match part of a longer token
/// (a document number `06/2014/NĐ-CP`, a fraction, a code).
fn glued_before(text: &str, start: usize) -> bool {
    let mut rev = text[..start].chars().rev();
    match rev.next() {
        Some(c) if is_alphanumeric(c) || c == '/' => true,
        Some('.' | '-') => rev.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    }
}

/// Whether the text after `end` makes a match part of a longer token.
fn glued_after(text: &str, end: usize) -> bool {
    let mut fwd = text[end..].chars();
    match fwd.next() {
        Some(c) if is_alphanumeric(c) || c == '/' => true,
        Some('-') => fwd.next().is_some_and(is_alphanumeric),
        // `2015.Trong đó`: crawled text drops the space after a full stop.
        Some('.') => fwd
            .next()
            .is_some_and(|c| is_alphanumeric(c) && !is_upper(c)),
        _ => false,
    }
}

fn glued(text: &str, range: &Range<usize>) -> bool {
    glued_before(text, range.start) || glued_after(text, range.end)
}

/// Every calendar expression in `text`, in order.
///
/// Every expression holds digits, so the patterns run only on windows
/// around the digits, not over the whole text.
pub(crate) fn scan(text: &str) -> Vec<DateFound> {
    const MARGIN: usize = 64;
    let bytes = text.as_bytes();
    let mut windows: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let mut lo = start.saturating_sub(MARGIN);
        while !text.is_char_boundary(lo) {
            lo -= 1;
        }
        let mut hi = (i + MARGIN).min(bytes.len());
        while !text.is_char_boundary(hi) {
            hi += 1;
        }
        match windows.last_mut() {
            Some(w) if lo <= w.end => w.end = w.end.max(hi),
            _ => windows.push(lo..hi),
        }
    }
    let mut out = Vec::new();
    for w in windows {
        out.extend(find_in_window(&text[w.clone()]).into_iter().map(|mut d| {
            d.range = d.range.start + w.start..d.range.end + w.start;
            d
        }));
    }
    out
}

/// What a window holds that some pattern needs: each pattern is run only
/// where its cue is (one pass over the bytes instead of a pass per
/// pattern; a cue is necessary for a match, so nothing is lost).
struct Cues {
    /// A digit, a date separator, a digit (`2/3`, `1-3`, `14.2`).
    separated: bool,
    /// Four digits in a row (a year).
    year: bool,
    /// A digit before `:` or `h` (a clock time).
    clock: bool,
}

impl Cues {
    fn of(text: &str) -> Cues {
        let b = text.as_bytes();
        let mut cues = Cues {
            separated: false,
            year: false,
            clock: false,
        };
        let mut run = 0;
        for (i, &c) in b.iter().enumerate() {
            if !c.is_ascii_digit() {
                run = 0;
                continue;
            }
            run += 1;
            cues.year |= run >= 4;
            match b.get(i + 1) {
                Some(b'/' | b'.' | b'-') => {
                    cues.separated |= b.get(i + 2).is_some_and(u8::is_ascii_digit);
                }
                Some(b':' | b'h') => cues.clock = true,
                _ => {}
            }
        }
        cues
    }
}

/// The captures of `re` in `text` when `cue` says it may match.
fn captures_if<'t>(
    cue: bool,
    re: &'static Regex,
    text: &'t str,
) -> impl Iterator<Item = regex::Captures<'t>> {
    cue.then(|| re.captures_iter(text)).into_iter().flatten()
}

fn find_in_window(text: &str) -> Vec<DateFound> {
    let mut cands: Vec<DateFound> = Vec::new();
    let mut add = |range: Range<usize>, start: DatePoint, end: Option<DatePoint>| {
        if !start.valid() || end.is_some_and(|e| !e.valid()) {
            return;
        }
        let (kind, value) = match end {
            None => match start.kind() {
                Some(k) => (k, DateValue::Point(start.iso())),
                None => return,
            },
            Some(e) => {
                if start.kind().is_none() || e.kind().is_none() {
                    return;
                }
                (
                    DateKind::Range,
                    DateValue::Range {
                        start: start.iso(),
                        end: e.iso(),
                    },
                )
            }
        };
        cands.push(DateFound {
            range,
            kind,
            value,
            point: start,
        });
    };
    let has_digit = text.bytes().any(|b| b.is_ascii_digit());
    if !has_digit {
        return Vec::new();
    }
    let cues = Cues::of(text);
    let month = text.contains("háng");
    for c in captures_if(cues.separated && cues.clock, &HEADER, text) {
        let m = c.get(0).expect("match");
        let mut r = m.range();
        if glued_before(text, r.start) {
            continue;
        }
        let year = c.get(4).map(|y| {
            let v: i32 = y.as_str().parse().unwrap_or(0);
            if y.as_str().len() == 2 { 2000 + v } else { v }
        });
        let two_digit = c.get(4).is_some_and(|y| y.as_str().len() == 2);
        let mut p = DatePoint::ymd(year, num(&c, 3), num(&c, 1));
        p.time = Some((
            num(&c, 5).unwrap_or(99),
            num(&c, 6).unwrap_or(99),
            num(&c, 7),
        ));
        p.offset = offset(&c, 8).or(if two_digit { Some(7 * 60) } else { None });
        // Trailing spaces the optional parts may have taken.
        while text[..r.end].ends_with(char::is_whitespace) {
            r.end -= 1;
        }
        add(r, p, None);
    }
    for c in captures_if(
        cues.separated && (cues.clock || text.contains("giờ")),
        &TIME_FIRST,
        text,
    ) {
        let r = c.get(0).expect("match").range();
        if glued(text, &r) {
            continue;
        }
        let h = num(&c, 1).unwrap_or(99);
        // Minutes after `:`, `giờ ... phút` or `h` (`8h30`).
        let mi = num(&c, 2).or(num(&c, 4)).or(num(&c, 5)).unwrap_or(0);
        let mut p = DatePoint::ymd(
            c.get(9).and_then(|m| m.as_str().parse().ok()),
            num(&c, 8),
            num(&c, 6),
        );
        p.time = Some((h, mi, num(&c, 3)));
        p.offset = offset(&c, 10);
        add(r, p, None);
    }
    for c in captures_if(cues.separated && text.contains("ừ"), &CLOCK_RANGE, text) {
        let r = c.get(0).expect("match").range();
        if glued(text, &r) {
            continue;
        }
        let minutes =
            |a: usize, b: usize, d: usize| num(&c, a).or(num(&c, b)).or(num(&c, d)).unwrap_or(0);
        let day = |time: (u32, u32, Option<u32>)| {
            let mut p = DatePoint::ymd(c[12].parse().ok(), num(&c, 11), num(&c, 9));
            p.time = Some(time);
            p
        };
        let start = day((num(&c, 1).unwrap_or(99), minutes(2, 3, 4), None));
        let end = day((num(&c, 5).unwrap_or(99), minutes(6, 7, 8), None));
        add(r, start, Some(end));
    }
    let bare_years = cues.year.then(|| BARE_YEAR.find_iter(text));
    for m in bare_years.into_iter().flatten() {
        if let Some(y) = bare_year(text, m.range()) {
            add(m.range(), DatePoint::ymd(Some(y), None, None), None);
        }
    }
    for c in captures_if(cues.year, &ISO, text) {
        let r = c.get(0).expect("match").range();
        if glued(text, &r) {
            continue;
        }
        let mut p = DatePoint::ymd(
            c.get(1).and_then(|m| m.as_str().parse().ok()),
            num(&c, 2),
            num(&c, 3),
        );
        if c.get(4).is_some() {
            p.time = Some((
                num(&c, 4).unwrap_or(99),
                num(&c, 5).unwrap_or(99),
                num(&c, 6),
            ));
            // `Z` or `+07:00` after the time.
            p.offset = offset(&c, 7).or(r
                .end
                .checked_sub(1)
                .and_then(|e| (text.as_bytes().get(e) == Some(&b'Z')).then_some(0)));
        }
        add(r, p, None);
    }
    for c in captures_if(cues.separated, &RANGE_DATES, text) {
        let r = c.get(0).expect("match").range();
        if glued(text, &r) {
            continue;
        }
        // Same separator within each end; the start may lack its year.
        let (s1, s2) = (c.get(2).map(|m| m.as_str()), c.get(4).map(|m| m.as_str()));
        let (e1, e2) = (c.get(7).map(|m| m.as_str()), c.get(9).map(|m| m.as_str()));
        if s2.is_some_and(|s| Some(s) != s1) || e2.is_some_and(|e| Some(e) != e1) {
            continue;
        }
        let start = DatePoint::ymd(
            c.get(5).and_then(|m| m.as_str().parse().ok()),
            num(&c, 3),
            num(&c, 1),
        );
        let end = DatePoint::ymd(
            c.get(10).and_then(|m| m.as_str().parse().ok()),
            num(&c, 8),
            num(&c, 6),
        );
        if end.year.is_none() {
            continue;
        }
        add(r, start, Some(end));
    }
    for c in captures_if(cues.year, &RANGE_YEARS, text) {
        let r = c.get(0).expect("match").range();
        if glued(text, &r) {
            continue;
        }
        let (a, b): (i32, i32) = (c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0));
        if !(1800..=2200).contains(&a) || b < a || b > 2200 {
            continue;
        }
        add(
            r,
            DatePoint::ymd(Some(a), None, None),
            Some(DatePoint::ymd(Some(b), None, None)),
        );
    }
    for c in captures_if(cues.separated, &SHORT_YEAR, text) {
        let r = c.get(0).expect("match").range();
        if glued(text, &r) {
            continue;
        }
        let yy: i32 = c[3].parse().unwrap_or(0);
        let year = if yy <= 40 { 2000 + yy } else { 1900 + yy };
        add(r, DatePoint::ymd(Some(year), num(&c, 2), num(&c, 1)), None);
    }
    for c in captures_if(cues.separated, &SHARED_MONTH, text) {
        let r = c.get(0).expect("match").range();
        if glued(text, &r) || c.get(5).is_some_and(|s| s.as_str() != &c[3]) {
            continue;
        }
        // `2-3/6`, `11 đến 16/9`: a start day after the end is no range.
        let (d1, d2) = (num(&c, 1).unwrap_or(0), num(&c, 2).unwrap_or(0));
        if d1 >= d2 {
            continue;
        }
        let year = c.get(6).and_then(|m| m.as_str().parse().ok());
        let with_day = r.len()
            > c[0]
                .trim_start_matches(|ch: char| !ch.is_ascii_digit())
                .len();
        if year.is_none() && !with_day && &c[3] != "/" {
            continue;
        }
        add(
            r,
            DatePoint::ymd(year, num(&c, 4), Some(d1)),
            Some(DatePoint::ymd(year, num(&c, 4), Some(d2))),
        );
    }
    for c in captures_if(month, &LONG_DATE, text) {
        let r = c.get(0).expect("match").range();
        if glued(text, &r) {
            continue;
        }
        let month = c.get(2).and_then(|m| month_word(m.as_str()));
        let year = c.get(3).and_then(|m| m.as_str().parse().ok());
        // `ngày 15 tháng 3` needs `ngày`/`mồng` or a year to be a date.
        let lead = c.get(0).expect("match").as_str();
        if year.is_none() && lead.starts_with(|ch: char| ch.is_ascii_digit()) {
            continue;
        }
        add(r, DatePoint::ymd(year, month, num(&c, 1)), None);
    }
    for c in captures_if(cues.separated, &NUMERIC, text) {
        let m = c.get(0).expect("match");
        let mut r = m.range();
        if glued(text, &r) {
            continue;
        }
        // Two parts joined by one separator; a year needs the same separator.
        if c.get(4).is_some_and(|s| s.as_str() != &c[2]) {
            continue;
        }
        let with_ngay = !m.as_str().starts_with(|ch: char| ch.is_ascii_digit());
        let year = c.get(5).and_then(|y| y.as_str().parse().ok());
        if year.is_none() {
            // A bare day-month needs `ngày`, a time-of-day word, or `-`/`/` only.
            let before = text[..r.start].trim_end();
            // `Hôm qua (12/6)`, `Sáng nay (15/3)`: the day in parentheses
            // after the word that dates it.
            let before = match before.strip_suffix('(') {
                Some(b) if text[r.end..].starts_with(')') => b.trim_end(),
                _ => before,
            };
            let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
            let timed = TIME_OF_DAY.contains(&word)
                || word.ends_with(',')
                    && TIME_OF_DAY.iter().any(|t| word.trim_end_matches(',') == *t);
            if !with_ngay && !timed && !dated_by_context(text, word, r.clone()) {
                continue;
            }
            if &c[2] == "." && !with_ngay {
                continue;
            }
        } else if c.get(6).is_some() {
            // `hằng năm` belongs to day-months only.
            r.end = c.get(5).expect("year").end();
        }
        add(r, DatePoint::ymd(year, num(&c, 3), num(&c, 1)), None);
    }
    for c in captures_if(month, &MONTH, text) {
        let r = c.get(0).expect("match").range();
        if glued_after(text, r.end) {
            continue;
        }
        let month = c.get(1).and_then(|m| month_word(m.as_str()));
        add(r, DatePoint::ymd(c[2].parse().ok(), month, None), None);
    }
    for c in captures_if(cues.year, &YEAR, text) {
        let r = c.get(0).expect("match").range();
        if glued_after(text, r.end) {
            continue;
        }
        let y = c
            .get(1)
            .or(c.get(2))
            .or(c.get(3))
            .and_then(|m| m.as_str().parse().ok());
        if c.get(3).is_some() {
            // `(2018)` only right after a law's name.
            let before = &text[..r.start];
            let before = &before[crate::chars::back(before, before.len(), 200)..];
            let line = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
            if line.rfind("Luật").is_none_or(|i| line.len() - i >= 120) {
                continue;
            }
        }
        add(r, DatePoint::ymd(y, None, None), None);
    }
    // Longer candidates win; then keep those that overlap nothing kept.
    cands.sort_by(|a, b| (b.range.len(), a.range.start).cmp(&(a.range.len(), b.range.start)));
    // Kept ranges are disjoint: the one starting last before a candidate's
    // end is the only one that can overlap it.
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let mut kept: Vec<DateFound> = Vec::new();
    for c in cands {
        let clash = taken
            .range(..c.range.end)
            .next_back()
            .is_some_and(|(_, &end)| end > c.range.start);
        if !clash {
            taken.insert(c.range.start, c.range.end);
            kept.push(c);
        }
    }
    kept.sort_by_key(|c| c.range.start);
    kept
}

/// The dates that are facts: the body's, and the publication date.
pub(crate) fn find(doc: &Doc, ctx: &Context) -> Vec<DateMention> {
    ctx.dates(doc)
        .map(|d| {
            let at = doc.locate(d.range.clone());
            DateMention {
                text: at.text,
                kind: d.kind,
                value: d.value.clone(),
                span: at.span,
                bytes: at.bytes,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str) -> Vec<(String, String)> {
        scan(text)
            .into_iter()
            .map(|d| {
                let v = match d.value {
                    DateValue::Point(p) => p,
                    DateValue::Range { start, end } => format!("{start}/{end}"),
                };
                (text[d.range].to_string(), v)
            })
            .collect()
    }

    fn d(t: &str, v: &str) -> (String, String) {
        (t.to_string(), v.to_string())
    }

    #[test]
    fn header_datetimes() {
        let cases = [
            (
                "Cập nhật ngày: 17-12-2020 | 07:51:15 GMT +7",
                "17-12-2020 | 07:51:15 GMT +7",
                "2020-12-17T07:51:15+07:00",
            ),
            (
                "(21/06/2022, 23:44)",
                "21/06/2022, 23:44",
                "2022-06-21T23:44",
            ),
            // The time first, then `|` or a dash.
            (
                "Cập nhật: 08:30 | 12/03/2024",
                "08:30 | 12/03/2024",
                "2024-03-12T08:30",
            ),
            (
                "12:15 - 05/06/2023",
                "12:15 - 05/06/2023",
                "2023-06-05T12:15",
            ),
            // ISO 8601 with its offset.
            (
                "2024-03-12T08:30:00+07:00",
                "2024-03-12T08:30:00+07:00",
                "2024-03-12T08:30:00+07:00",
            ),
            (
                "2024-03-12T01:30:00Z",
                "2024-03-12T01:30:00Z",
                "2024-03-12T01:30:00+00:00",
            ),
            (
                "Ngày đăng 19/08/2020 | 14:17  | View",
                "19/08/2020 | 14:17",
                "2020-08-19T14:17",
            ),
            (
                "Thứ 2, 15/08/2022 | 10:03:05 [GMT +7] A A",
                "Thứ 2, 15/08/2022 | 10:03:05 [GMT +7]",
                "2022-08-15T10:03:05+07:00",
            ),
            (
                "Thứ Năm, 17/12/2020 07:51 (GMT+7)",
                "Thứ Năm, 17/12/2020 07:51 (GMT+7)",
                "2020-12-17T07:51+07:00",
            ),
            (
                "29/05/13 18:20 GMT+7",
                "29/05/13 18:20 GMT+7",
                "2013-05-29T18:20+07:00",
            ),
            ("10:21 07/08/2025", "10:21 07/08/2025", "2025-08-07T10:21"),
            (
                "vào lúc 8h30 ngày 12/3/2024,",
                "8h30 ngày 12/3/2024",
                "2024-03-12T08:30",
            ),
            (
                "lúc 20 giờ 30 phút, ngày 25-2-2013",
                "20 giờ 30 phút, ngày 25-2-2013",
                "2013-02-25T20:30",
            ),
        ];
        for (text, t, v) in cases {
            assert_eq!(dates(text), [d(t, v)], "{text}");
        }
    }

    #[test]
    fn dates_months_years() {
        assert_eq!(
            dates("Ngày 16-6-1967, Bộ"),
            [d("Ngày 16-6-1967", "1967-06-16")]
        );
        assert_eq!(
            dates("ngày 15 tháng 3 năm 2013"),
            [d("ngày 15 tháng 3 năm 2013", "2013-03-15")]
        );
        assert_eq!(dates("ngày 1.6.1997"), [d("ngày 1.6.1997", "1997-06-01")]);
        assert_eq!(
            dates("tháng 6/2022 và tháng 09 năm 2024"),
            [
                d("tháng 6/2022", "2022-06"),
                d("tháng 09 năm 2024", "2024-09")
            ]
        );
        assert_eq!(dates("so với năm 2021"), [d("năm 2021", "2021")]);
        assert_eq!(dates("Tết Nhâm Dần 2022"), [d("Nhâm Dần 2022", "2022")]);
        assert_eq!(dates("Luật Công an nhân dân (2018)"), [d("(2018)", "2018")]);
        assert_eq!(dates("SN 1978"), [d("SN 1978", "1978")]);
    }

    #[test]
    fn day_months() {
        assert_eq!(
            dates("ngày 16-6 hằng năm là"),
            [d("ngày 16-6 hằng năm", "--06-16")]
        );
        assert_eq!(dates("Sáng 2/7, Ban"), [d("2/7", "--07-02")]);
        assert_eq!(dates("ngày 22.6, Bộ"), [d("ngày 22.6", "--06-22")]);
        assert_eq!(
            dates("Chiều 29/7/2025, Đại tá"),
            [d("29/7/2025", "2025-07-29")]
        );
        assert_eq!(dates("đêm 27 và ngày 28/5"), [d("ngày 28/5", "--05-28")]);
        assert_eq!(dates("mồng 2 tháng 9"), [d("mồng 2 tháng 9", "--09-02")]);
    }

    #[test]
    fn ranges() {
        assert_eq!(
            dates("(16/6/1967-16/6/2022)"),
            [d("16/6/1967-16/6/2022", "1967-06-16/2022-06-16")]
        );
        assert_eq!(
            dates("từ năm 2014-2024"),
            [d("từ năm 2014-2024", "2014/2024")]
        );
        assert_eq!(
            dates("từ năm 2005 đến năm 2020"),
            [d("từ năm 2005 đến năm 2020", "2005/2020")]
        );
        assert_eq!(
            dates("(19/8/1945 - 19/8/2024)"),
            [d("19/8/1945 - 19/8/2024", "1945-08-19/2024-08-19")]
        );
        assert_eq!(
            dates("từ ngày 15/12 đến 16/3/2026"),
            [d("từ ngày 15/12 đến 16/3/2026", "--12-15/2026-03-16")]
        );
        assert_eq!(dates("nhiệm kỳ 2026-2031"), [d("2026-2031", "2026/2031")]);
    }

    #[test]
    fn not_dates() {
        assert!(dates("Nghị định số 06/2014/NĐ-CP").is_empty());
        assert!(dates("91/91 xã").is_empty());
        assert!(dates("ngày 31/02/2020").is_empty());
        assert!(dates("Quyết định 34/2013").is_empty());
        assert!(dates("năm nay, hôm qua, năm qua").is_empty());
        assert!(dates("3/5 xã đạt chuẩn").is_empty());
        assert!(dates("Điện thoại: 0262 3.871.630").is_empty());
    }

    #[test]
    fn day_months_that_the_sentence_dates() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "TTO - Sáng nay 8-12, cơ quan điều tra",
                &[("8-12", "--12-08")],
            ),
            (
                "14 giờ 00 ngày hôm nay 3-4, tòa tuyên án",
                &[("3-4", "--04-03")],
            ),
            (
                "từ 18/10 nếu còn xây dựng trái phép",
                &[("18/10", "--10-18")],
            ),
            ("kéo dài đến 17/8.", &[("17/8", "--08-17")]),
            (
                "Ngày toàn dân phòng, chống ma túy – 26/6”, Bộ đề nghị",
                &[("26/6", "--06-26")],
            ),
            // The day in parentheses after the word that dates it.
            ("Hôm qua (12/6), Công an huyện", &[("12/6", "--06-12")]),
            ("Sáng nay (15/3), đoàn đến", &[("15/3", "--03-15")]),
            ("tỷ lệ đạt (12/6) là cao", &[]),
            // Fractions and bare pairs are no dates.
            ("giảm từ 1/3 diện tích xuống", &[]),
            ("tỷ số 2-1 nghiêng về đội khách", &[]),
            ("chiếm 2/3 số vụ", &[]),
        ];
        for (text, want) in cases {
            let want: Vec<_> = want.iter().map(|(t, v)| d(t, v)).collect();
            assert_eq!(dates(text), want, "{text}");
        }
    }

    #[test]
    fn bare_years() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "Luật Giao thông đường bộ 2008, điều 22",
                &[("2008", "2008")],
            ),
            (
                "bắt Lê Anh Tiến (1989, trú P. Hòa Khánh Nam)",
                &[("1989", "1989")],
            ),
            (
                "Chỉ thị về năm trật tự và văn minh đô thị 2014, Thiếu tướng",
                &[("2014", "2014")],
            ),
            (
                "giữ gìn trật tự xã hội đến năm 2015.Trong đó",
                &[("năm 2015", "2015")],
            ),
            (
                "đầu năm học 2013-2014.Đồng thời",
                &[("2013-2014", "2013/2014")],
            ),
            // Numbers of things and counts stay out.
            ("nhà số 2014 đường Lê Lợi", &[]),
            ("theo Điều 2012 của bộ luật", &[]),
            ("có 1500 người tham gia", &[]),
            ("mã 2019/QĐ", &[]),
        ];
        for (text, want) in cases {
            let want: Vec<_> = want.iter().map(|(t, v)| d(t, v)).collect();
            assert_eq!(dates(text), want, "{text}");
        }
    }

    #[test]
    fn clock_spans_before_a_day() {
        assert_eq!(
            dates("trong khoảng thời gian từ 12 giờ 30 đến 13 giờ 30 ngày 13-5-2012, Thành"),
            [d(
                "từ 12 giờ 30 đến 13 giờ 30 ngày 13-5-2012",
                "2012-05-13T12:30/2012-05-13T13:30"
            )]
        );
        assert_eq!(
            dates("từ 8 giờ đến 12 giờ 30 phút ngày 13-5-2012"),
            [d(
                "từ 8 giờ đến 12 giờ 30 phút ngày 13-5-2012",
                "2012-05-13T08:00/2012-05-13T12:30"
            )]
        );
        assert_eq!(
            dates("trước ngày 5/10/2013.Lập Phương"),
            [d("ngày 5/10/2013", "2013-10-05")]
        );
    }

    #[test]
    fn months_in_words_quarters_and_shared_months() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "hồi tháng tư năm 2019, đoàn",
                &[("tháng tư năm 2019", "2019-04")],
            ),
            (
                "Tháng mười hai năm 2020",
                &[("Tháng mười hai năm 2020", "2020-12")],
            ),
            (
                "trong tháng 11.2019, xã họp",
                &[("tháng 11.2019", "2019-11")],
            ),
            ("trong quý III/2018, xã có", &[("quý III/2018", "2018")]),
            (
                "từ ngày 11 đến 16/9/2021, đoàn",
                &[("từ ngày 11 đến 16/9/2021", "2021-09-11/2021-09-16")],
            ),
            (
                "Từ 3-5/10/2021, đoàn",
                &[("Từ 3-5/10/2021", "2021-10-03/2021-10-05")],
            ),
            ("Ngày 2-3/6, đoàn", &[("Ngày 2-3/6", "--06-02/--06-03")]),
            // A start day after the end, or a count range, is none.
            ("có 3-5 người", &[]),
        ];
        for (text, want) in cases {
            let want: Vec<_> = want.iter().map(|(t, v)| d(t, v)).collect();
            assert_eq!(dates(text), want, "{text}");
        }
    }

    #[test]
    fn two_digit_years_after_ngay() {
        assert_eq!(
            dates("Ngày 5/4/19, công an xã họp"),
            [d("Ngày 5/4/19", "2019-04-05")]
        );
        assert_eq!(dates("ngày 1/2/98"), [d("ngày 1/2/98", "1998-02-01")]);
        // Without `ngày`, three numbers are no date.
        assert_eq!(dates("tỷ lệ 5/4/19 phiếu"), []);
    }
}

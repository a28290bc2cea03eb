//! Input built to break things: huge lines, floods of quotes, digits and
//! separators. Nothing may panic, and the work must finish.

use anninh::Extractor;
use anninh::normalize::{Options, normalize};

fn extract(text: &str) -> anninh::Article {
    let a = Extractor::new().extract(text);
    // Offsets stay inside the input and on character boundaries.
    for c in &a.counts {
        assert_eq!(&text[c.bytes[0]..c.bytes[1]], c.text);
    }
    for m in &a.models {
        assert_eq!(&text[m.bytes[0]..m.bytes[1]], m.text);
    }
    a
}

#[test]
fn ten_megabytes_on_one_line() {
    let line = "Công an xã Ea Siên tuần tra 12 lượt, bảo đảm ANTT ngày 16/6/2022; "
        .repeat(10 * 1024 * 1024 / 70);
    let a = extract(&line);
    assert!(a.counts.len() > 100_000);
}

#[test]
fn a_megabyte_of_quote_marks() {
    for q in ["“", "”", "\"", "«", "'"] {
        extract(&q.repeat(1 << 20));
    }
    extract(&"mô hình “".repeat((1 << 20) / 12));
    extract(&"phong trào \"A\" ".repeat((1 << 20) / 16));
}

#[test]
fn a_megabyte_of_digits_dots_and_slashes() {
    extract(&"1/2.3-4,5:6/".repeat((1 << 20) / 12));
    extract(&"9".repeat(1 << 20));
    extract(&"ngày 1/1/".repeat((1 << 20) / 9));
}

#[test]
fn repeated_list_separators() {
    extract(&"các xã Cẩm Yên, ".repeat(50_000));
    extract(&", , ; ; và và ".repeat(100_000));
    extract(&"“A”, ".repeat(100_000));
}

#[test]
fn empty_blank_and_crlf() {
    assert_eq!(extract("").counts.len(), 0);
    assert_eq!(extract(" \n\t \r\n ").counts.len(), 0);
    let crlf =
        "Tiêu đề về an ninh trật tự\r\n\r\nCông an xã Ea Siên tổ chức 12 buổi tuyên truyền.\r\n";
    let a = extract(crlf);
    assert_eq!(a.counts.len(), 1);
    assert_eq!(a.counts[0].text, "12 buổi");
}

#[test]
fn normalization_of_floods() {
    for s in [
        "\u{301}".repeat(1 << 20),
        "a\u{301}\u{302}".repeat(1 << 18),
        "\u{200b}".repeat(1 << 20),
    ] {
        let n = normalize(&s, &Options::default());
        let again = normalize(n.text(), &Options::default());
        assert_eq!(again.text(), n.text());
    }
}

#[test]
fn a_megabyte_of_the_new_rules_triggers() {
    // Lists of `một`, misspelt and unknown places, subject-only documents,
    // glued sentences and stamps, on one line and on many.
    for piece in [
        "gồm: hai sĩ quan, một cán bộ, một doanh nghiệp, ",
        "TP Tuy Hà, TP Tuy Hòa, TP Tuy Hoà, xã Bình Minh Tây, ",
        "Chỉ thị về năm trật tự và văn minh đô thị 2014, ",
        "an ninh.Lập Phương tỉnh Hòa BìnhTheo ",
        "31/05/13 17:28 GMT+7\n",
        "PCMT - MD - PCMT - MD ",
        "tạị buớc nghành gìo ",
    ] {
        let text = piece.repeat((1 << 20) / piece.len());
        let a = extract(&text);
        for l in &a.localities {
            assert_eq!(&text[l.bytes[0]..l.bytes[1]], l.text);
        }
    }
}

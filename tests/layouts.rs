//! Whole composed articles in the page layouts news sites use: what the
//! families find together (the layout decides the body, the byline and the
//! publication time; localities name abbreviated unit words).

use anninh::Extractor;

fn texts<T>(items: &[T], text: impl Fn(&T) -> &str) -> Vec<String> {
    items.iter().map(|x| text(x).to_string()).collect()
}

#[test]
fn an_aggregator_page_with_a_breadcrumb_and_a_date_line() {
    let page = "Tin tức > Pháp luật > An ninh - Trật tự\n\
        Cảnh giác với tội phạm trộm xe máy ở vùng ven\n\
        01/04/2014 13:21\n\
        (Cadn.com.vn) - Cơ quan CSĐT CAH Hòa Vang vừa bắt Lê Văn Tý (1989, trú P. Hòa Khánh Nam, Q. Liên Chiểu) về hành vi trộm cắp 2 xe máy.\n\
        \n\
        Lực lượng CA đã thu hồi toàn bộ tài sản và trả lại cho người bị hại.\n\
        An Dương\n";
    let a = Extractor::new().extract(page);
    assert_eq!(
        a.title.as_deref(),
        Some("Cảnh giác với tội phạm trộm xe máy ở vùng ven")
    );
    assert_eq!(
        a.published.as_ref().map(|p| p.value.as_str()),
        Some("2014-04-01T13:21")
    );
    assert_eq!(texts(&a.authors, |x| &x.name), ["An Dương"]);
    let abbreviations = texts(&a.abbreviations, |x| &x.text);
    for form in ["CSĐT", "CAH", "P.", "Q.", "CA"] {
        assert!(
            abbreviations.iter().any(|f| f == form),
            "{form}: {abbreviations:?}"
        );
    }
    assert!(
        !abbreviations.iter().any(|f| f == "Cadn"),
        "{abbreviations:?}"
    );
    assert_eq!(texts(&a.counts, |x| &x.text), ["2 xe máy"]);
    assert!(a.dates.iter().any(|d| d.text == "1989"));
}

#[test]
fn a_crawled_page_with_its_stamp_at_the_foot() {
    let page = "Hội nghị triển khai phong trào bảo vệ an ninh Tổ quốc năm 2013\n\
        Sáng 27/5, Công an tỉnh Hòa Bình tổ chức hội nghị triển khai phong trào toàn dân bảo vệ an ninh Tổ quốc.\n\
        Hội nghị đã đánh giá kết quả 5 năm thực hiện phong trào, biểu dương 30 tập thể và 45 cá nhân có thành tích xuất sắc, đồng thời đề ra nhiệm vụ năm 2013.Minh Anh\n\
        28/05/13 10:45 GMT+7\n\
        Xã hội\n\
        An ninh,Hòa Bình,Thanh Xuân,Công an\n\
        CAND\n";
    let a = Extractor::new().extract(page);
    let published = a.published.as_ref().map(|p| p.value.as_str());
    assert_eq!(published, Some("2013-05-28T10:45+07:00"));
    assert_eq!(texts(&a.authors, |x| &x.name), ["Minh Anh"]);
    // The keyword line is no article text.
    assert!(!a.localities.iter().any(|l| l.name == "Thanh Xuân"));
    assert!(a.dates.iter().any(|d| d.text == "28/05/13 10:45 GMT+7"));
    assert!(a.dates.iter().any(|d| d.text == "năm 2013"));
    assert_eq!(
        texts(&a.counts, |x| &x.text),
        ["5 năm", "30 tập thể", "45 cá nhân"]
    );
}

#[test]
fn a_byline_with_the_author_s_unit() {
    let page = "Xây dựng mô hình tự quản về an ninh trật tự\n\
        Công an thị xã đã xây dựng 12 mô hình tự quản về ANTT trên địa bàn.\n\
        Hữu Hùng - CATX\n";
    let a = Extractor::new().extract(page);
    assert_eq!(texts(&a.authors, |x| &x.name), ["Hữu Hùng"]);
    assert_eq!(texts(&a.abbreviations, |x| &x.text), ["ANTT"]);
}

#[test]
fn facts_in_repaired_words_point_at_the_original() {
    let text = "Công an xã tạị Ea Tu bắt 2 bị cáo, thu 3 khẩu súng ngắn và 1 buớc súng.";
    let a = Extractor::new().extract(text);
    for fact in a.facts() {
        if let Some(b) = fact.bytes() {
            assert_eq!(b.slice(text), Some(fact.text()), "{fact:?}");
        }
    }
    // The count is read in the repaired text, reported as written.
    assert_eq!(
        texts(&a.counts, |x| &x.text),
        ["2 bị cáo", "3 khẩu súng", "1 buớc súng"]
    );
    assert_eq!(a.counts[2].unit.as_deref(), Some("bước súng"));
    // The normalized text the families read has the repaired words.
    let n = anninh::normalize::normalize(text, &Default::default());
    assert!(n.text().contains("tại Ea Tu") && n.text().contains("bước súng"));
}

/// A statute box the site inserted, then the notice that ends it: nothing
/// of the box is a fact of the article. The same clauses with no notice are
/// the article's own text, and a notice alone hides only itself.
#[test]
fn a_statute_box_inserted_by_the_site_gives_no_facts() {
    let lead = "Bắt đối tượng tàng trữ ma túy\n\
        Ngày 12/3/2024, Công an huyện Đồng Xuân bắt Nguyễn Văn A đang tàng trữ 3 gói ma túy.\n";
    let statute = "Điều 249. Tội tàng trữ trái phép chất ma túy\n\
        1. Người nào tàng trữ trái phép chất ma túy thì bị phạt tù từ 01 năm đến 05 năm:\n\
        b) Nhựa cần sa có khối lượng từ 01 gam đến dưới 500 gam;\n\
        2. Phạm tội có tổ chức, thì bị phạt tù từ 05 năm đến 10 năm.\n";
    let notice = "Thông tin pháp luật trên chỉ mang tính chất tham khảo.\n";
    let tail = "Vụ việc đang được điều tra, thu giữ 2 xe máy.\nMinh Anh\n";
    let counts = |text: &str| texts(&Extractor::new().extract(text).counts, |c| &c.text);
    // The article's own counts, with what the statute holds when it is the
    // article's text.
    const STATUTE: &[&str] = &[
        "01 năm",
        "05 năm",
        "01 gam",
        "dưới 500 gam",
        "05 năm",
        "10 năm",
    ];
    fn article(counts: &[&'static str]) -> Vec<&'static str> {
        let mut all = vec!["3 gói ma túy"];
        all.extend(counts);
        all.push("2 xe máy");
        all
    }
    let with_paragraph = [STATUTE, &["4 gói"]].concat();
    let cases: [(String, Vec<&str>); 4] = [
        (format!("{lead}{statute}{notice}{tail}"), article(&[])),
        (format!("{lead}{statute}{tail}"), article(STATUTE)),
        // A paragraph of the article between the statute and the notice:
        // the statute is the article's.
        (
            format!("{lead}{statute}Tháng trước, A đã bán 4 gói.\n{notice}{tail}"),
            article(&with_paragraph),
        ),
        (format!("{lead}{notice}{tail}"), article(&[])),
    ];
    for (text, want) in cases {
        assert_eq!(counts(&text), want, "{text}");
    }
    // Spans still point into the caller's text after the box.
    let text = format!("{lead}{statute}{notice}{tail}");
    let a = Extractor::new().extract(&text);
    let last = a.counts.last().expect("a count after the box");
    assert_eq!(&text[last.bytes.0[0]..last.bytes.0[1]], "2 xe máy");
    assert_eq!(texts(&a.authors, |x| &x.name), ["Minh Anh"]);
}

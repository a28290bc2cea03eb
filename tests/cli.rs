//! The command line, run as a user runs it.

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn anninh(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_anninh"));
    cmd.args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.unwrap_or_default().to_vec();
    // Written from a thread, as a pipeline does: a command that streams
    // writes output before it has read all of its input.
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        // A command that fails early (a usage error) closes its input.
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("anninh-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn extract_one_file_prints_one_object() {
    let out = anninh(
        &["extract", "fixtures/articles/000_b0a4e75ca4faa4c0.txt"],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema"], "anninh/1");
    assert_eq!(v["source"], "fixtures/articles/000_b0a4e75ca4faa4c0.txt");
    for key in [
        "counts",
        "dates",
        "localities",
        "models",
        "legal_documents",
        "abbreviations",
        "authors",
    ] {
        assert!(v[key].is_array(), "{key} missing");
    }
}

#[test]
fn extract_directory_prints_sorted_json_lines() {
    let out = anninh(&["extract", "fixtures/articles"], None);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let sources: Vec<String> = text
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["source"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(sources.len(), 5);
    let mut sorted = sources.clone();
    sorted.sort();
    assert_eq!(sources, sorted);
}

#[test]
fn stdin_is_read_without_a_path() {
    let out = anninh(&["extract"], Some("Công an tỉnh Trà Vinh".as_bytes()));
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["source"], "-");
}

#[test]
fn a_bad_file_is_named_and_the_others_still_processed() {
    let dir = temp_dir("bad");
    std::fs::write(dir.join("a.txt"), "Công an xã").unwrap();
    std::fs::write(dir.join("b.txt"), b"an ninh \xff\xfe tr\xe0").unwrap();
    std::fs::write(dir.join("c.txt"), "Trật tự").unwrap();
    let out = anninh(&["extract", dir.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 2);
    let err = String::from_utf8(out.stderr).unwrap();
    let bad = dir.join("b.txt");
    assert!(
        err.contains(&format!(
            "{}: not UTF-8: invalid byte sequence at byte 8",
            bad.display()
        )),
        "{err}"
    );
    // --lossy reads it.
    let out = anninh(&["extract", "--lossy", dir.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 3);
}

#[test]
fn missing_file_fails_with_its_name() {
    let out = anninh(&["extract", "no/such/file.txt"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("no/such/file.txt: "));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(
        anninh(&["extract", "--format", "xml"], None).status.code(),
        Some(2)
    );
    assert_eq!(anninh(&["frobnicate"], None).status.code(), Some(2));
}

#[test]
fn normalize_prints_only_the_text() {
    let out = anninh(&["normalize"], Some("Thanh Hoá baỏ vệ".as_bytes()));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "Thanh Hóa bảo vệ");
    let out = anninh(
        &["normalize", "-", "--tone", "new"],
        Some("Thanh Hóa".as_bytes()),
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "Thanh Hoá");
    let out = anninh(&["normalize"], Some("Tạị xã, bưóc vào nghành".as_bytes()));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "Tại xã, bước vào ngành"
    );
    let out = anninh(&["normalize", "--no-repair"], Some("Tạị xã".as_bytes()));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "Tạị xã");
    let out = anninh(&["normalize", "--fold"], Some("Đakrông".as_bytes()));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "dakrong");
    let out = anninh(
        &["normalize", "--encoding", "vni"],
        Some("Coâng an".as_bytes()),
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "Công an");
}

/// A large input is normalized in pieces of whole lines: the output is the
/// library's for the whole text, a legacy piece is decoded on its own, and
/// an error names its offset in the whole input.
#[test]
fn normalize_reads_large_input_in_pieces() {
    let line = "Thanh Hoá baỏ vệ an ninh, tạị xã Hoà Bình.\n";
    let text = line.repeat(3 << 20 >> 5);
    assert!(text.len() > 2 << 20);
    let out = anninh(&["normalize"], Some(text.as_bytes()));
    let want = anninh::normalize::normalize(&text, &Default::default());
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), want.text());
    // One endless line is one piece.
    let endless = line.trim_end().repeat(40_000);
    let out = anninh(&["normalize"], Some(endless.as_bytes()));
    let want = anninh::normalize::normalize(&endless, &Default::default());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), want.text());
    // A piece typed in TCVN3 after the first megabyte of UTF-8.
    let mut mixed = text.clone().into_bytes();
    mixed.extend_from_slice(b"C\xabng an huy\xd6n \xae\xb7 x\xa9y d\xf9ng m\xab h\xd7nh\n");
    let out = anninh(&["normalize"], Some(&mixed));
    let got = String::from_utf8(out.stdout).unwrap();
    assert!(
        got.ends_with("Công an huyện đã xây dựng mô hình\n"),
        "{}",
        &got[got.len() - 80..]
    );
    assert!(got.starts_with(want_prefix(&text)));
    // Invalid UTF-8 that no legacy encoding reads: its offset in the input.
    let dir = temp_dir("normalize_pieces");
    let path = dir.join("bad.txt");
    let mut bad = text.clone().into_bytes();
    let at = bad.len();
    bad.extend_from_slice(b"abc \x00");
    std::fs::write(&path, &bad).unwrap();
    let out = anninh(&["normalize", path.to_str().unwrap()], None);
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("bad.txt"), "{err}");
    assert!(
        err.contains(&format!("NUL byte at byte {}", at + 4)),
        "{err}"
    );
}

/// The first line of `text`, normalized.
fn want_prefix(text: &str) -> &'static str {
    assert!(text.starts_with("Thanh Hoá"));
    "Thanh Hóa bảo vệ an ninh, tại xã Hòa Bình.\n"
}

#[test]
fn eval_prints_a_table_and_json() {
    let out = anninh(
        &[
            "eval",
            "--gold",
            "fixtures/gold",
            "--texts",
            "fixtures/articles",
        ],
        None,
    );
    assert!(out.status.success());
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.starts_with("type "), "{table}");
    assert!(table.contains("articles: 5"));
    let out = anninh(
        &[
            "eval",
            "--gold",
            "fixtures/gold",
            "--texts",
            "fixtures/articles",
            "--format",
            "json",
        ],
        None,
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["articles"], 5);
}

#[test]
fn symlink_loops_do_not_hang() {
    let dir = temp_dir("loop");
    std::fs::write(dir.join("a.txt"), "Hà Nội").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&dir, dir.join("again")).unwrap();
    let out = anninh(&["extract", dir.to_str().unwrap()], None);
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 1);
}

#[test]
fn expand_replaces_or_annotates() {
    let out = anninh(&["expand"], Some("Bảo đảm ANTT.".as_bytes()));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "Bảo đảm an ninh trật tự."
    );
    let out = anninh(&["expand", "--annotate"], Some("Bảo đảm ANTT.".as_bytes()));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "Bảo đảm ANTT (an ninh trật tự)."
    );
}

#[test]
fn user_abbreviations_override() {
    let dir = temp_dir("abbr");
    let tsv = dir.join("mine.tsv");
    std::fs::write(
        &tsv,
        "ANTT\tan ninh, trật tự\tsecurity\nXYZ\txin yêu zô\tgeneral\n",
    )
    .unwrap();
    let out = anninh(
        &["expand", "--abbreviations", tsv.to_str().unwrap()],
        Some("ANTT và XYZ".as_bytes()),
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "an ninh, trật tự và xin yêu zô"
    );
    let out = anninh(
        &["extract", "--abbreviations", tsv.to_str().unwrap()],
        Some("XYZ".as_bytes()),
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["abbreviations"][0]["expansion"], "xin yêu zô");
    std::fs::write(&tsv, "ANTT\n").unwrap();
    let out = anninh(
        &["expand", "--abbreviations", tsv.to_str().unwrap()],
        Some("ANTT".as_bytes()),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("mine.tsv: line 1"));
}

#[test]
fn csv_has_one_row_per_fact() {
    let out = anninh(
        &[
            "extract",
            "--format",
            "csv",
            "fixtures/articles/002_c686644a2d7c7630.txt",
        ],
        None,
    );
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some(
            "source,type,text,start,end,byte_start,byte_end,value,date_value,approx,unit,subject,kind,level,name,canonical,province,code,number,issued,issuer,title,expansion,trigger"
        )
    );
    assert!(text.contains(",count,12.397 hộ gia đình,"), "{text}");
    assert!(text.contains(",locality,huyện Cẩm Thuỷ,"));
    // Numbers only in `value`, dates in `date_value`, offsets on every row.
    let mut csv = csv_rows(&text);
    let header = csv.remove(0);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    for row in &csv {
        let value = &row[col("value")];
        assert!(value.is_empty() || value.parse::<f64>().is_ok(), "{row:?}");
        assert!(row[col("start")].parse::<usize>().is_ok(), "{row:?}");
        if row[col("type")] == "date" {
            assert!(!row[col("date_value")].is_empty(), "{row:?}");
        }
    }
    assert!(
        csv.iter()
            .any(|r| r[col("type")] == "model" && !r[col("canonical")].is_empty())
    );
}

#[test]
fn json_lines_input_keeps_ids_and_order() {
    let input = "{\"id\": \"a\", \"text\": \"Công an xã Ea Siên, thị xã Buôn Hồ\"}\n{\"id\": 7, \"text\": \"ANTT\"}\nnot json\n{\"id\": \"c\", \"body\": \"x\"}\n";
    let out = anninh(&["extract", "--input", "jsonl"], Some(input.as_bytes()));
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // One output line per input line, failed ones as error records.
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["source"], "a");
    assert_eq!(lines[1]["source"], "7");
    assert_eq!(lines[2]["source"], "-:3");
    assert!(
        lines[2]["error"]
            .as_str()
            .unwrap()
            .starts_with("-:3: not JSON")
    );
    assert_eq!(lines[3]["source"], "c");
    assert_eq!(lines[3]["error"], "-:4: no string field `text`");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("-:3: not JSON"), "{err}");
    assert!(err.contains("-:4: no string field `text`"), "{err}");
    let out = anninh(
        &["extract", "--input", "jsonl", "--text-field", "body"],
        Some(b"{\"id\":\"c\",\"body\":\"ANTT\"}\n"),
    );
    assert!(out.status.success());
}

#[test]
fn max_bytes_empty_and_utf16_files() {
    let dir = temp_dir("sizes");
    std::fs::write(dir.join("big.txt"), "Công an ".repeat(100)).unwrap();
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "Công an tỉnh Trà Vinh".encode_utf16() {
        utf16.extend(u.to_le_bytes());
    }
    std::fs::write(dir.join("utf16.txt"), utf16).unwrap();
    let out = anninh(
        &["extract", "--max-bytes", "500", dir.to_str().unwrap()],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 2);
    assert!(text.contains("Trà Vinh"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("larger than the limit of 500"));
}

#[test]
fn stats_summarise_a_corpus() {
    let out = anninh(&["stats", "fixtures/articles"], None);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("articles: 5"), "{text}");
    assert!(text.contains("Toàn dân bảo vệ an ninh Tổ quốc"));
    let out = anninh(&["stats", "fixtures/articles", "--format", "json"], None);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["articles"], 5);
    assert_eq!(v["documents"]["nghị định 06/2014/NĐ-CP"], 2);
    // From extracted records too.
    let dir = temp_dir("stats");
    let records = anninh(&["extract", "fixtures/articles"], None).stdout;
    std::fs::write(dir.join("r.jsonl"), records).unwrap();
    let out = anninh(
        &[
            "stats",
            dir.join("r.jsonl").to_str().unwrap(),
            "--format",
            "json",
        ],
        None,
    );
    let w: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(w["facts"], v["facts"]);
}

/// A CSV text's records (quoted fields with commas and doubled quotes).
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            _ => field.push(c),
        }
    }
    rows
}

/// pandas reads the CSV with numbers as numbers (skipped without pandas).
#[test]
fn pandas_reads_numbers_as_numbers() {
    let has_pandas = Command::new("python3")
        .args(["-c", "import pandas"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_pandas {
        eprintln!("pandas is not installed: skipped");
        return;
    }
    let csv = anninh(&["extract", "fixtures/articles", "--format", "csv"], None).stdout;
    let dir = temp_dir("pandas");
    let path = dir.join("facts.csv");
    std::fs::write(&path, csv).unwrap();
    let script = format!(
        "import pandas as pd\n\
         df = pd.read_csv({path:?})\n\
         assert str(df['value'].dtype) == 'float64', df['value'].dtype\n\
         for c in ['start', 'end', 'byte_start', 'byte_end']:\n    assert str(df[c].dtype) == 'int64', (c, df[c].dtype)\n\
         print(df[df.type == 'count'].groupby('unit')['value'].sum()['lượt'])\n",
        path = path.to_str().unwrap()
    );
    let out = Command::new("python3")
        .args(["-c", &script])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

//! The command line in pipelines: what it reads, what it skips and says,
//! and output that lines up with its input.

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn anninh(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_anninh"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut pipe = child.stdin.take().unwrap();
        if let Some(input) = stdin {
            // A command that fails early (a usage error) closes its input.
            let _ = pipe.write_all(input);
        }
    }
    child.wait_with_output().unwrap()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("anninh-pipe-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

fn records() -> Vec<u8> {
    anninh(&["extract", "fixtures/articles"], None).stdout
}

#[test]
fn stats_reads_records_by_content_whatever_the_name() {
    let dir = temp_dir("stats");
    for name in ["out.json", "out.ndjson", "records"] {
        std::fs::write(dir.join(name), records()).unwrap();
        let out = anninh(&["stats", dir.join(name).to_str().unwrap()], None);
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(
            stdout(&out).starts_with("articles: 5\ninput: extracted records\n"),
            "{name}: {}",
            stdout(&out)
        );
    }
    let out = anninh(&["stats", "-"], Some(&records()));
    assert!(stdout(&out).starts_with("articles: 5\ninput: extracted records\n"));
    let out = anninh(&["stats", "fixtures/articles"], None);
    assert!(stdout(&out).starts_with("articles: 5\ninput: article text\n"));
    let out = anninh(&["stats"], Some("Công an xã Ea Tu có 3 tổ.".as_bytes()));
    assert!(stdout(&out).starts_with("articles: 1\ninput: article text\n"));
}

#[test]
fn json_lines_out_line_up_with_json_lines_in() {
    let mut input =
        b"\xEF\xBB\xBF{\"id\": \"a\", \"text\": \"C\xC3\xB4ng an x\xC3\xA3 Ea Tu\"}\n".to_vec();
    input.extend_from_slice(b"{\"id\": \"b\", \"text\": \"bad \xFF byte\"}\n");
    input.extend_from_slice(b"\n");
    input.extend_from_slice(b"{\"id\": \"d\", \"text\": \"ANTT\"}\r\n");
    let out = anninh(&["extract", "--input", "jsonl"], Some(&input));
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4, "{}", stdout(&out));
    assert_eq!(lines[0]["source"], "a");
    assert_eq!(lines[0]["localities"][0]["text"], "xã Ea Tu");
    assert_eq!(lines[1]["source"], "-:2");
    assert_eq!(lines[1]["error"], "-:2: not UTF-8 at byte 25");
    assert_eq!(lines[2]["error"], "-:3: an empty line");
    assert_eq!(lines[3]["source"], "d");
    assert_eq!(lines[3]["abbreviations"][0]["text"], "ANTT");
    assert!(
        stderr(&out).contains("2 of 4 inputs failed"),
        "{}",
        stderr(&out)
    );
}

/// `Công an xã tổ chức 3 buổi tuyên truyền ...` in each legacy encoding.
const TCVN3: &[u8] =
    b"C\xabng an x\xb7 t\xe6 ch\xf8c 3 bu\xe6i tuy\xaan truy\xd2n v\xd2 an ninh tr\xcbt t\xf9.";
const VNI: &[u8] = b"Co\xe2ng an xa\xf5 to\xe5 ch\xf6\xf9c 3 buo\xe5i tuye\xe2n truye\xe0n.";
const VISCII: &[u8] = b"C\xf4ng an x\xe3 t\xb1 ch\xd1c 3 bu\xb1i tuy\xean truy\xabn.";
const WINDOWS_1258: &[u8] =
    b"C\xf4ng an xa\xde t\xf4\xd2 ch\xfd\xecc 3 bu\xf4\xd2i tuy\xean truy\xea\xccn.";

#[test]
fn legacy_encodings_come_out_readable() {
    let dir = temp_dir("legacy");
    let cases: [(&str, &[u8], &[&str], &str); 4] = [
        ("tcvn3.txt", TCVN3, &[], "tcvn3"),
        ("vni.txt", VNI, &[], "vni"),
        ("viscii.txt", VISCII, &["--encoding", "viscii"], "viscii"),
        (
            "cp1258.txt",
            WINDOWS_1258,
            &["--encoding", "windows-1258"],
            "windows-1258",
        ),
    ];
    for (name, bytes, flags, encoding) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let mut args = vec!["extract", "--verbose", path.to_str().unwrap()];
        args.extend_from_slice(flags);
        let out = anninh(&args, None);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        let a: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(a["encoding"], encoding, "{name}");
        let count = &a["counts"][0];
        assert_eq!(count["text"], "3 buổi", "{name}");
        assert!(
            stderr(&out).contains(&format!("read as {encoding}")),
            "{name}"
        );
    }
    // A one-line VNI sentence on stdin is VNI, not TCVN3.
    let out = anninh(&["normalize"], Some(VNI));
    assert_eq!(stdout(&out), "Công an xã tổ chức 3 buổi tuyên truyền.");
    let out = anninh(&["normalize"], Some(TCVN3));
    assert_eq!(
        stdout(&out),
        "Công an xã tổ chức 3 buổi tuyên truyền về an ninh trật tự."
    );
}

#[test]
fn skipped_and_unreadable_inputs_are_said() {
    let dir = temp_dir("skips");
    std::fs::write(dir.join("a.txt"), "Công an xã Ea Tu có 3 tổ.").unwrap();
    std::fs::write(dir.join("B.TXT"), "Công an xã Ea Tu có 4 tổ.").unwrap();
    std::fs::write(dir.join("notes.md"), "# notes").unwrap();
    std::fs::write(dir.join("page.html"), "<p>x</p>").unwrap();
    let out = anninh(&["extract", dir.to_str().unwrap()], None);
    assert!(out.status.success());
    assert_eq!(stdout(&out).lines().count(), 2);
    assert!(
        stderr(&out).contains(
            "anninh: skipped 2 files without the extension txt (choose others with --ext)"
        ),
        "{}",
        stderr(&out)
    );
    let out = anninh(&["extract", "--ext", "txt,md", dir.to_str().unwrap()], None);
    assert_eq!(stdout(&out).lines().count(), 3);
    assert!(stderr(&out).contains("skipped 1 file without the extension txt, md"));

    let empty = temp_dir("empty");
    let out = anninh(&["extract", empty.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).is_empty());
    assert!(
        stderr(&out).contains("no input: no file with the extension txt"),
        "{}",
        stderr(&out)
    );

    // A binary file is no empty record, --lossy or not.
    std::fs::write(dir.join("c.txt"), b"\x7fELF\x02\x01\x01\x00\x00\x00").unwrap();
    let out = anninh(&["extract", "--lossy", dir.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out).lines().count(), 2);
    assert!(
        stderr(&out).contains("c.txt: not text: a NUL byte at byte 7"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn inputs_that_would_stall_or_swamp_the_run() {
    let dir = temp_dir("stall");
    std::fs::write(dir.join("a.txt"), "Công an xã Ea Tu có 3 tổ.").unwrap();
    let fifo = dir.join("fifo.txt");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    std::os::unix::fs::symlink("/dev/zero", dir.join("zero.txt")).unwrap();
    let out = anninh(
        &["extract", "--max-bytes", "1000000", dir.to_str().unwrap()],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out).lines().count(), 1);
    let err = stderr(&out);
    assert!(err.contains("zero.txt: not a regular file"), "{err}");
    if made {
        assert!(err.contains("fifo.txt: not a regular file"), "{err}");
    }
    // The limit holds while reading, whatever the size says.
    let out = anninh(&["extract", "--max-bytes", "10"], Some(&[b'a'; 100]));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("-: 11 bytes, larger than the limit of 10"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn output_file_and_chosen_types() {
    let dir = temp_dir("output");
    let file = dir.join("out.jsonl");
    let out = anninh(
        &[
            "extract",
            "fixtures/articles",
            "--types",
            "counts,dates",
            "-o",
            file.to_str().unwrap(),
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let text = std::fs::read_to_string(&file).unwrap();
    assert_eq!(text.lines().count(), 5);
    for line in text.lines() {
        let a: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(!a["counts"].as_array().unwrap().is_empty());
        assert!(a["localities"].as_array().unwrap().is_empty());
        assert!(a["title"].is_null());
    }
    let out = anninh(&["extract", "--types", "count"], Some(b"x"));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("unknown fact type `count`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn preparing_changes_no_record() {
    let text = "Công an xã Tân Lập (huyện Đồng Xuân) tổ chức 12 đợt tuần tra ngày 2/3/2022.";
    let before = anninh::Extractor::new().extract(text);
    anninh::Extractor::prepare();
    anninh::Extractor::prepare();
    assert_eq!(anninh::Extractor::new().extract(text), before);
    assert_eq!(before.counts.len(), 1);
}

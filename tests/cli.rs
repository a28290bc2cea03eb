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
    {
        use std::io::Write;
        let mut pipe = child.stdin.take().unwrap();
        if let Some(input) = stdin {
            pipe.write_all(input).unwrap();
        }
    }
    child.wait_with_output().unwrap()
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
    assert!(v.get("source").is_none());
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
    let out = anninh(&["normalize", "--fold"], Some("Đakrông".as_bytes()));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "dakrong");
    let out = anninh(
        &["normalize", "--encoding", "vni"],
        Some("Coâng an".as_bytes()),
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "Công an");
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

//! Shared bench input: the fixture articles repeated to at least 4 MB.

use std::path::Path;

/// The fixture articles, concatenated and repeated to `min_bytes` or more.
pub fn corpus(min_bytes: usize) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/articles");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("fixtures/articles")
        .map(|e| e.expect("entry").path())
        .collect();
    paths.sort();
    let one: String = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("fixture") + "\n\n")
        .collect();
    let mut all = String::with_capacity(min_bytes + one.len());
    while all.len() < min_bytes {
        all.push_str(&one);
    }
    all
}

//! Shared bench input: the fixture articles repeated to at least 4 MB, and
//! many short articles cut from them (and from `../shared/dev`, when present).

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

/// Articles of 2, 3.5 and 5 KB in turn, cut at line ends from the fixture
/// articles and the `../shared/dev` texts (when present), `count` of them:
/// a corpus of news items as crawlers save them.
#[allow(dead_code)]
pub fn short_articles(count: usize) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut lines: Vec<String> = Vec::new();
    for dir in [root.join("fixtures/articles"), root.join("../shared/dev")] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<_> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        for p in paths {
            let text = std::fs::read_to_string(p).expect("article");
            lines.extend(
                text.lines()
                    .filter(|l| !l.trim().is_empty())
                    .map(str::to_string),
            );
        }
    }
    let sizes = [2000, 3500, 5000];
    let mut next = lines.iter().cycle();
    (0..count)
        .map(|n| {
            let mut article = String::new();
            while article.len() < sizes[n % sizes.len()] {
                article.push_str(next.next().expect("lines"));
                article.push('\n');
            }
            article
        })
        .collect()
}

//! Accuracy on the fixture articles, scored as `facts-spec.md` says. The
//! thresholds only go up: each extraction stage raises its own.

use anninh::Extractor;
use anninh::eval::evaluate_dirs;
use std::path::Path;

/// Minimum F1 per fact type on the fixtures.
const THRESHOLDS: &[(&str, f64)] = &[
    ("counts", 1.0),
    ("dates", 1.0),
    ("localities", 1.0),
    ("models", 1.0),
    ("legal_documents", 1.0),
    ("abbreviations", 1.0),
    ("published", 1.0),
    ("authors", 1.0),
    ("title", 1.0),
];

#[test]
fn fixtures_reach_the_thresholds() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let (report, errors) = evaluate_dirs(
        &Extractor::new(),
        &root.join("gold"),
        &root.join("articles"),
    )
    .unwrap();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(report.articles, 5);
    println!("{}", report.table());
    for &(name, min) in THRESHOLDS {
        let f1 = report.get(name).score.f1();
        assert!(
            f1 >= min,
            "{name}: F1 {f1:.3} below {min}\n{}",
            report.table()
        );
    }
}

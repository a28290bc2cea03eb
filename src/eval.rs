//! Accuracy against gold records, exactly as `facts-spec.md` scores it.
//!
//! For each article and fact type, predicted and gold facts are matched on a
//! key and the counts are summed over articles (micro average):
//!
//! | type | key | also reported |
//! |---|---|---|
//! | counts | value, approx, overlapping spans | unit agreement |
//! | dates | kind, value, overlapping spans | |
//! | localities | level and folded name, once per article | province, code |
//! | models | kind and folded name, once per article | |
//! | legal_documents | kind and folded number (else title), once per article | issued, issuer |
//! | abbreviations | abbreviation and folded expansion, once per article | wrong expansions |
//! | published | date part | time part |
//! | authors | folded names | |
//!
//! `title` is scored too (folded text), as an extra line.

use crate::normalize::fold_key;
use crate::record::{Article, FactType, Span};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// True positives, false positives and false negatives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Score {
    /// Predicted and in gold.
    pub tp: usize,
    /// Predicted, not in gold.
    pub fp: usize,
    /// In gold, not predicted.
    pub fn_: usize,
}

impl Score {
    /// tp / (tp + fp); 1 when nothing was predicted or expected.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    /// tp / (tp + fn).
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: Score) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// A secondary figure: how many of `total` agree.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Agreement {
    /// Agreeing cases.
    pub agree: usize,
    /// Cases looked at.
    pub total: usize,
}

impl Agreement {
    fn add(&mut self, ok: bool) {
        self.total += 1;
        if ok {
            self.agree += 1;
        }
    }
    /// agree / total (1 when there were none).
    pub fn rate(&self) -> f64 {
        ratio(self.agree, self.total)
    }
}

/// Scores of one fact type.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct TypeScore {
    /// The main score.
    pub score: Score,
    /// The "also reported" figures, by name.
    pub also: BTreeMap<String, Agreement>,
}

impl TypeScore {
    fn merge(&mut self, o: &TypeScore) {
        self.score.add(o.score);
        for (k, v) in &o.also {
            let e = self.also.entry(k.clone()).or_default();
            e.agree += v.agree;
            e.total += v.total;
        }
    }
    fn also(&mut self, name: &str, ok: bool) {
        self.also.entry(name.to_string()).or_default().add(ok);
    }
}

/// Scores of every type, summed over articles.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    /// Articles scored.
    pub articles: usize,
    /// Per type, keyed by [`FactType::name`].
    pub types: BTreeMap<String, TypeScore>,
}

impl Report {
    /// Adds one article's prediction and gold.
    pub fn add(&mut self, predicted: &Article, gold: &Article) {
        self.articles += 1;
        for (name, s) in score_article(predicted, gold) {
            self.types.entry(name).or_default().merge(&s);
        }
    }

    /// The score of one type.
    pub fn get(&self, name: &str) -> TypeScore {
        self.types.get(name).cloned().unwrap_or_default()
    }

    /// An aligned plain-text table.
    pub fn table(&self) -> String {
        let mut out = format!(
            "{:<16} {:>5} {:>5} {:>5} {:>6} {:>6} {:>6}  also\n",
            "type", "tp", "fp", "fn", "P", "R", "F1"
        );
        for name in FactType::ALL.iter().map(|t| t.name()) {
            let t = self.get(name);
            let also: Vec<String> = t
                .also
                .iter()
                .map(|(k, a)| format!("{k} {}/{} ({:.2})", a.agree, a.total, a.rate()))
                .collect();
            out.push_str(&format!(
                "{:<16} {:>5} {:>5} {:>5} {:>6.3} {:>6.3} {:>6.3}  {}\n",
                name,
                t.score.tp,
                t.score.fp,
                t.score.fn_,
                t.score.precision(),
                t.score.recall(),
                t.score.f1(),
                also.join(", ")
            ));
        }
        out.push_str(&format!("articles: {}\n", self.articles));
        out
    }
}

fn overlaps(a: Span, b: Span) -> bool {
    a[0] < b[1] && b[0] < a[1]
}

fn opt_key(s: &Option<String>) -> String {
    s.as_deref().map(fold_key).unwrap_or_default()
}

/// Greedy one-to-one matching of mentions scored per occurrence.
fn match_mentions<P, G>(
    pred: &[P],
    gold: &[G],
    same: impl Fn(&P, &G) -> bool,
    mut on_match: impl FnMut(&P, &G),
) -> Score {
    let mut used = vec![false; pred.len()];
    let mut s = Score::default();
    for g in gold {
        match (0..pred.len()).find(|&i| !used[i] && same(&pred[i], g)) {
            Some(i) => {
                used[i] = true;
                s.tp += 1;
                on_match(&pred[i], g);
            }
            None => s.fn_ += 1,
        }
    }
    s.fp = used.iter().filter(|u| !**u).count();
    s
}

/// Matching of facts scored once per article: keys as sets, with the first
/// occurrence of each key kept for the secondary figures.
fn match_keys<T>(
    pred: &[T],
    gold: &[T],
    key: impl Fn(&T) -> String,
    mut on_match: impl FnMut(&T, &T),
) -> Score {
    let firsts = |xs: &[T]| -> BTreeMap<String, usize> {
        let mut m = BTreeMap::new();
        for (i, x) in xs.iter().enumerate() {
            m.entry(key(x)).or_insert(i);
        }
        m
    };
    let p = firsts(pred);
    let g = firsts(gold);
    let mut s = Score::default();
    for (k, &gi) in &g {
        match p.get(k) {
            Some(&pi) => {
                s.tp += 1;
                on_match(&pred[pi], &gold[gi]);
            }
            None => s.fn_ += 1,
        }
    }
    s.fp = p.keys().filter(|k| !g.contains_key(*k)).count();
    s
}

/// Scores one article, type by type (keyed by [`FactType::name`]).
pub fn score_article(pred: &Article, gold: &Article) -> BTreeMap<String, TypeScore> {
    FactType::ALL
        .iter()
        .map(|&t| (t.name().to_string(), score_type(t, pred, gold)))
        .collect()
}

/// Scores one fact type of one article.
pub fn score_type(ty: FactType, pred: &Article, gold: &Article) -> TypeScore {
    match ty {
        FactType::Counts => {
            let mut t = TypeScore::default();
            let mut units = Vec::new();
            t.score = match_mentions(
                &pred.counts,
                &gold.counts,
                |p, g| {
                    p.approx == g.approx
                        && (p.value.0 - g.value.0).abs() <= 1e-9 * g.value.0.abs().max(1.0)
                        && overlaps(p.span, g.span)
                },
                |p, g| {
                    let (a, b) = (opt_key(&p.unit), opt_key(&g.unit));
                    units.push(a.starts_with(&b) || b.starts_with(&a));
                },
            );
            for ok in units {
                t.also("unit", ok);
            }
            t
        }
        FactType::Dates => {
            let score = match_mentions(
                &pred.dates,
                &gold.dates,
                |p, g| p.kind == g.kind && p.value == g.value && overlaps(p.span, g.span),
                |_, _| {},
            );
            TypeScore {
                score,
                ..Default::default()
            }
        }
        FactType::Localities => {
            let mut t = TypeScore::default();
            let mut checks = Vec::new();
            t.score = match_keys(
                &pred.localities,
                &gold.localities,
                |l| format!("{:?}|{}", l.level, fold_key(&l.name)),
                |p, g| {
                    checks.push(("province", opt_key(&p.province) == opt_key(&g.province)));
                    if g.code.is_some() {
                        checks.push(("code", p.code == g.code));
                    }
                },
            );
            for (k, ok) in checks {
                t.also(k, ok);
            }
            t
        }
        FactType::Models => {
            let score = match_keys(
                &pred.models,
                &gold.models,
                |m| format!("{:?}|{}", m.kind, fold_key(&m.name)),
                |_, _| {},
            );
            TypeScore {
                score,
                ..Default::default()
            }
        }
        FactType::LegalDocuments => {
            let mut t = TypeScore::default();
            let mut checks = Vec::new();
            t.score = match_keys(
                &pred.legal_documents,
                &gold.legal_documents,
                |d| {
                    let id = d.number.as_ref().or(d.title.as_ref());
                    format!("{}|{}", fold_key(&d.kind), opt_key(&id.cloned()))
                },
                |p, g| {
                    checks.push(("issued", p.issued == g.issued));
                    checks.push(("issuer", opt_key(&p.issuer) == opt_key(&g.issuer)));
                },
            );
            for (k, ok) in checks {
                t.also(k, ok);
            }
            t
        }
        FactType::Abbreviations => {
            let mut t = TypeScore {
                score: match_keys(
                    &pred.abbreviations,
                    &gold.abbreviations,
                    |a| format!("{}|{}", fold_key(&a.text), fold_key(&a.expansion)),
                    |_, _| {},
                ),
                ..Default::default()
            };
            // Per occurrence: an abbreviation that gold knows, expanded otherwise.
            let gold_exp: BTreeMap<String, BTreeSet<String>> =
                gold.abbreviations.iter().fold(BTreeMap::new(), |mut m, a| {
                    m.entry(fold_key(&a.text))
                        .or_insert_with(BTreeSet::new)
                        .insert(fold_key(&a.expansion));
                    m
                });
            for a in &pred.abbreviations {
                if let Some(exps) = gold_exp.get(&fold_key(&a.text)) {
                    t.also("right_expansion", exps.contains(&fold_key(&a.expansion)));
                }
            }
            t
        }
        FactType::Published => {
            let mut t = TypeScore::default();
            let date = |v: &str| v.get(..10).unwrap_or(v).to_string();
            let time = |v: &str| v.get(10..).unwrap_or("").to_string();
            match (&pred.published, &gold.published) {
                (Some(p), Some(g)) if date(&p.value) == date(&g.value) => {
                    t.score.tp += 1;
                    t.also("time", time(&p.value) == time(&g.value));
                }
                (Some(_), Some(_)) => {
                    t.score.fp += 1;
                    t.score.fn_ += 1;
                }
                (Some(_), None) => t.score.fp += 1,
                (None, Some(_)) => t.score.fn_ += 1,
                (None, None) => {}
            }
            t
        }
        FactType::Authors => {
            let score = match_keys(
                &pred.authors,
                &gold.authors,
                |a| fold_key(&a.name),
                |_, _| {},
            );
            TypeScore {
                score,
                ..Default::default()
            }
        }
        FactType::Title => {
            let mut t = TypeScore::default();
            match (&pred.title, &gold.title) {
                (Some(p), Some(g)) if fold_key(p) == fold_key(g) => t.score.tp += 1,
                (Some(_), Some(_)) => {
                    t.score.fp += 1;
                    t.score.fn_ += 1;
                }
                (Some(_), None) => t.score.fp += 1,
                (None, Some(_)) => t.score.fn_ += 1,
                (None, None) => {}
            }
            t
        }
    }
}

/// Scores `extractor` on every `NAME.json` of `gold_dir` against the text
/// `NAME.txt` of `texts_dir`. Files that cannot be read or parsed are
/// returned as errors; the others are still scored.
pub fn evaluate_dirs(
    extractor: &crate::Extractor,
    gold_dir: &std::path::Path,
    texts_dir: &std::path::Path,
) -> Result<(Report, Vec<crate::Error>), crate::Error> {
    use crate::Error;
    let io = |path: &std::path::Path| {
        let path = path.to_path_buf();
        move |source| Error::Io { path, source }
    };
    let mut golds: Vec<_> = std::fs::read_dir(gold_dir)
        .map_err(io(gold_dir))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    golds.sort();
    let mut report = Report::default();
    let mut errors = Vec::new();
    for gold_path in golds {
        let stem = gold_path.file_stem().unwrap_or_default();
        let text_path = texts_dir.join(stem).with_extension("txt");
        let gold = std::fs::read_to_string(&gold_path)
            .map_err(io(&gold_path))
            .and_then(|s| {
                serde_json::from_str::<Article>(&s).map_err(|e| Error::Parse {
                    path: gold_path.clone(),
                    message: format!("line {}, column {}: {e}", e.line(), e.column()),
                })
            });
        let text = std::fs::read(&text_path)
            .map_err(io(&text_path))
            .and_then(|b| {
                crate::normalize::to_unicode(
                    b,
                    &text_path.display().to_string(),
                    &Default::default(),
                )
            });
        match (gold, text) {
            (Ok(gold), Ok(text)) => report.add(&extractor.extract(&text.text), &gold),
            (Err(e), _) | (_, Err(e)) => errors.push(e),
        }
    }
    Ok((report, errors))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::*;

    fn count(v: f64, span: Range2) -> Count {
        Count {
            text: String::new(),
            value: Quantity(v),
            approx: Approx::Exact,
            unit: Some("vụ".into()),
            subject: None,
            span: Span(span),
            bytes: ByteSpan(span),
        }
    }

    #[test]
    fn counts_need_overlap_and_value() {
        let mut p = Article::empty();
        let mut g = Article::empty();
        p.counts = vec![count(5.0, [0, 4]), count(7.0, [10, 14])];
        g.counts = vec![count(5.0, [2, 6]), count(7.0, [20, 24])];
        let s = &score_article(&p, &g)["counts"];
        assert_eq!(
            s.score,
            Score {
                tp: 1,
                fp: 1,
                fn_: 1
            }
        );
        assert_eq!(s.also["unit"], Agreement { agree: 1, total: 1 });
    }

    #[test]
    fn localities_fold_names_once_per_article() {
        let loc = |name: &str, span: Range2| Locality {
            text: name.into(),
            unit: Some("huyện".into()),
            name: name.into(),
            level: Level::District,
            province: Some("Quảng Trị".into()),
            code: None,
            span: Span(span),
            bytes: ByteSpan(span),
        };
        let mut p = Article::empty();
        let mut g = Article::empty();
        p.localities = vec![loc("Đa Krông", [0, 8]), loc("Đakrông", [20, 27])];
        g.localities = vec![loc("Đakrông", [50, 57])];
        let s = &score_article(&p, &g)["localities"];
        assert_eq!(
            s.score,
            Score {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
        assert_eq!(s.also["province"].rate(), 1.0);
    }
}

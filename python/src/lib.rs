//! The `anninh` Python package's native module: the library's extractor,
//! normalizer and table of facts, with records converted to Python objects
//! directly from the Rust records (no JSON in between).

#![forbid(unsafe_code)]

use anninh::abbrev::{Dictionary, Style};
use anninh::normalize::{Options, ToneStyle};
use anninh::{Article, Extractor};
use pyo3::exceptions::{PyOSError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use std::collections::BTreeMap;
use std::sync::LazyLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The text of a Python `str`, or a clear `TypeError` (bytes are not
/// guessed at: the caller knows their encoding).
fn text_of(obj: &Bound<'_, PyAny>) -> PyResult<String> {
    match obj.cast::<PyString>() {
        Ok(s) => Ok(s.to_cow()?.into_owned()),
        Err(_) => {
            let kind = obj.get_type().name()?.to_string();
            let hint = if kind == "bytes" || kind == "bytearray" {
                " (decode it first, e.g. data.decode(\"utf-8\"): bytes are not guessed at)"
            } else {
                ""
            };
            Err(PyTypeError::new_err(format!(
                "a str is required, not {kind}{hint}"
            )))
        }
    }
}

fn error(e: anninh::Error) -> PyErr {
    match e {
        anninh::Error::Io { .. } => PyOSError::new_err(e.to_string()),
        _ => PyValueError::new_err(e.to_string()),
    }
}

/// Extracts facts from articles. Build once, reuse: `extract` for one
/// text, `extract_many` for many on several threads.
#[pyclass(name = "Extractor", module = "anninh", frozen)]
struct PyExtractor {
    inner: Extractor,
}

impl PyExtractor {
    fn record<'py>(&self, py: Python<'py>, article: &Article) -> PyResult<Bound<'py, PyAny>> {
        Ok(convert::article(py, article)?.into_any())
    }
}

/// Records to Python objects, field by field as their serde form has
/// them (the tests compare with the command line's JSON): keys interned,
/// the names of enums shared, so that a corpus's millions of facts cost as
/// few allocations as possible.
mod convert {
    use anninh::record::*;
    use pyo3::intern;
    use pyo3::prelude::*;
    use pyo3::types::{PyDict, PyList, PyString};

    fn span<'py>(py: Python<'py>, r: [usize; 2]) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, r)
    }

    fn opt_str<'py>(py: Python<'py>, s: &Option<String>) -> Bound<'py, PyAny> {
        match s {
            Some(s) => PyString::new(py, s).into_any(),
            None => py.None().into_bound(py),
        }
    }

    fn name<'py>(py: Python<'py>, s: &'static str) -> Bound<'py, PyString> {
        PyString::intern(py, s)
    }

    fn mention<'py>(
        py: Python<'py>,
        d: &Bound<'py, PyDict>,
        text: &str,
        s: Span,
        b: ByteSpan,
    ) -> PyResult<()> {
        d.set_item(intern!(py, "text"), text)?;
        d.set_item(intern!(py, "span"), span(py, s.0)?)?;
        d.set_item(intern!(py, "bytes"), span(py, b.0)?)?;
        Ok(())
    }

    fn quantity<'py>(py: Python<'py>, q: Quantity) -> PyResult<Bound<'py, PyAny>> {
        let x = q.as_f64();
        Ok(if x.fract() == 0.0 && x.abs() < 9.0e15 {
            (x as i64).into_pyobject(py)?.into_any()
        } else {
            x.into_pyobject(py)?.into_any()
        })
    }

    fn date_value<'py>(py: Python<'py>, v: &DateValue) -> PyResult<Bound<'py, PyAny>> {
        Ok(match v {
            DateValue::Point(p) => PyString::new(py, p).into_any(),
            DateValue::Range { start, end } => {
                let d = PyDict::new(py);
                d.set_item(intern!(py, "start"), start)?;
                d.set_item(intern!(py, "end"), end)?;
                d.into_any()
            }
        })
    }

    fn list<'py, T>(
        py: Python<'py>,
        items: &[T],
        one: impl Fn(&Bound<'py, PyDict>, &T) -> PyResult<()>,
    ) -> PyResult<Bound<'py, PyList>> {
        let out = PyList::empty(py);
        for x in items {
            let d = PyDict::new(py);
            one(&d, x)?;
            out.append(d)?;
        }
        Ok(out)
    }

    /// One article's record as a dict.
    pub fn article<'py>(py: Python<'py>, a: &Article) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item(intern!(py, "schema"), &a.schema)?;
        if let Some(s) = &a.source {
            d.set_item(intern!(py, "source"), s)?;
        }
        d.set_item(intern!(py, "title"), opt_str(py, &a.title))?;
        if let Some(s) = a.title_span {
            d.set_item(intern!(py, "title_span"), span(py, s.0)?)?;
        }
        if let Some(b) = a.title_bytes {
            d.set_item(intern!(py, "title_bytes"), span(py, b.0)?)?;
        }
        match &a.published {
            Some(p) => {
                let pd = PyDict::new(py);
                pd.set_item(intern!(py, "value"), &p.value)?;
                mention(py, &pd, &p.text, p.span, p.bytes)?;
                d.set_item(intern!(py, "published"), pd)?;
            }
            None => d.set_item(intern!(py, "published"), py.None())?,
        }
        d.set_item(
            intern!(py, "authors"),
            list(py, &a.authors, |x, v| {
                x.set_item(intern!(py, "name"), &v.name)?;
                mention(py, x, &v.text, v.span, v.bytes)
            })?,
        )?;
        d.set_item(
            intern!(py, "counts"),
            list(py, &a.counts, |x, v| {
                x.set_item(intern!(py, "text"), &v.text)?;
                x.set_item(intern!(py, "value"), quantity(py, v.value)?)?;
                x.set_item(intern!(py, "approx"), name(py, v.approx.as_str()))?;
                x.set_item(intern!(py, "unit"), opt_str(py, &v.unit))?;
                x.set_item(intern!(py, "subject"), opt_str(py, &v.subject))?;
                x.set_item(intern!(py, "span"), span(py, v.span.0)?)?;
                x.set_item(intern!(py, "bytes"), span(py, v.bytes.0)?)
            })?,
        )?;
        d.set_item(
            intern!(py, "dates"),
            list(py, &a.dates, |x, v| {
                x.set_item(intern!(py, "kind"), name(py, v.kind.as_str()))?;
                x.set_item(intern!(py, "value"), date_value(py, &v.value)?)?;
                mention(py, x, &v.text, v.span, v.bytes)
            })?,
        )?;
        d.set_item(
            intern!(py, "localities"),
            list(py, &a.localities, |x, v| {
                x.set_item(intern!(py, "unit"), opt_str(py, &v.unit))?;
                x.set_item(intern!(py, "name"), &v.name)?;
                x.set_item(intern!(py, "level"), name(py, v.level.as_str()))?;
                x.set_item(intern!(py, "province"), opt_str(py, &v.province))?;
                x.set_item(intern!(py, "code"), opt_str(py, &v.code))?;
                mention(py, x, &v.text, v.span, v.bytes)
            })?,
        )?;
        d.set_item(
            intern!(py, "models"),
            list(py, &a.models, |x, v| {
                x.set_item(intern!(py, "name"), &v.name)?;
                x.set_item(intern!(py, "kind"), name(py, v.kind.as_str()))?;
                x.set_item(intern!(py, "trigger"), &v.trigger)?;
                if let Some(c) = &v.canonical {
                    x.set_item(intern!(py, "canonical"), c)?;
                }
                mention(py, x, &v.text, v.span, v.bytes)
            })?,
        )?;
        d.set_item(
            intern!(py, "legal_documents"),
            list(py, &a.legal_documents, |x, v| {
                x.set_item(intern!(py, "kind"), &v.kind)?;
                x.set_item(intern!(py, "number"), opt_str(py, &v.number))?;
                x.set_item(intern!(py, "issued"), opt_str(py, &v.issued))?;
                x.set_item(intern!(py, "issuer"), opt_str(py, &v.issuer))?;
                x.set_item(intern!(py, "title"), opt_str(py, &v.title))?;
                mention(py, x, &v.text, v.span, v.bytes)
            })?,
        )?;
        d.set_item(
            intern!(py, "abbreviations"),
            list(py, &a.abbreviations, |x, v| {
                x.set_item(intern!(py, "expansion"), &v.expansion)?;
                mention(py, x, &v.text, v.span, v.bytes)
            })?,
        )?;
        if let Some(e) = &a.encoding {
            d.set_item(intern!(py, "encoding"), e)?;
        }
        if let Some(b) = a.body {
            d.set_item(intern!(py, "body"), span(py, b.0)?)?;
        }
        Ok(d)
    }
}

#[pymethods]
impl PyExtractor {
    /// An extractor with the embedded data; `abbreviations` is the path of
    /// a TSV file of more abbreviations (the format of the command line's
    /// `--abbreviations`), which override the embedded ones.
    #[new]
    #[pyo3(signature = (abbreviations = None))]
    fn new(abbreviations: Option<std::path::PathBuf>) -> PyResult<Self> {
        let mut inner = Extractor::new();
        if let Some(path) = abbreviations {
            let text = std::fs::read_to_string(&path)
                .map_err(|e| PyOSError::new_err(format!("{}: {e}", path.display())))?;
            let dictionary = Dictionary::embedded()
                .with_tsv(&text)
                .map_err(|e| PyValueError::new_err(format!("{}: {}", path.display(), e)))?;
            inner = inner.with_abbreviations(dictionary);
        }
        Ok(PyExtractor { inner })
    }

    /// The facts of one article, as the command line's JSON record (a
    /// dict). `source` names the article in the record.
    #[pyo3(signature = (text, source = None))]
    fn extract<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        source: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let text = text_of(text)?;
        let mut article = py.detach(|| self.inner.extract(&text));
        article.source = source;
        self.record(py, &article)
    }

    /// The records of many articles, in input order, extracted on
    /// `threads` threads (default: one per core) with the GIL released.
    #[pyo3(signature = (texts, threads = None))]
    fn extract_many<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        threads: Option<usize>,
    ) -> PyResult<Bound<'py, PyList>> {
        let mut owned = Vec::new();
        for item in texts.try_iter()? {
            owned.push(text_of(&item?)?);
        }
        let threads = threads
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
            .clamp(1, owned.len().max(1));
        let extractor = &self.inner;
        let out = PyList::empty(py);
        // The records are millions of new containers: the cyclic garbage
        // collector would walk them again and again while they are built
        // (they hold no cycles), so it pauses until the list is done.
        let gc = py.import("gc")?;
        let was_enabled: bool = gc.call_method0("isenabled")?.extract()?;
        if was_enabled {
            gc.call_method0("disable")?;
        }
        let result = self.convert_many(py, &owned, threads, extractor, &out);
        if was_enabled {
            gc.call_method0("enable")?;
        }
        result?;
        Ok(out)
    }
}

impl PyExtractor {
    /// `extract_many`'s work: the workers extract, this thread converts.
    fn convert_many<'py>(
        &self,
        py: Python<'py>,
        owned: &[String],
        threads: usize,
        extractor: &Extractor,
        out: &Bound<'py, PyList>,
    ) -> PyResult<()> {
        // Workers extract while this thread turns finished records into
        // Python objects, in input order, releasing the GIL while it waits.
        // Articles are taken and handed over eight at a time: a wake-up of
        // this thread for every article costs a tenth of the run.
        const BATCH: usize = 8;
        let next = AtomicUsize::new(0);
        std::thread::scope(|scope| -> PyResult<()> {
            let (tx, rx) = std::sync::mpsc::channel::<Vec<(usize, Article)>>();
            for _ in 0..threads {
                let tx = tx.clone();
                let next = &next;
                scope.spawn(move || {
                    loop {
                        let first = next.fetch_add(BATCH, Ordering::Relaxed);
                        let Some(texts) = owned.get(first..owned.len().min(first + BATCH)) else {
                            break;
                        };
                        if texts.is_empty() {
                            break;
                        }
                        let done = texts
                            .iter()
                            .enumerate()
                            .map(|(k, text)| (first + k, extractor.extract(text)))
                            .collect();
                        if tx.send(done).is_err() {
                            break;
                        }
                    }
                });
            }
            drop(tx);
            // (In a mutex only so that the wait can leave the GIL behind.)
            let rx = std::sync::Mutex::new(rx);
            let receive = |block: bool| -> Option<Vec<(usize, Article)>> {
                let rx = rx.lock().ok()?;
                if block {
                    rx.recv().ok()
                } else {
                    rx.try_recv().ok()
                }
            };
            let mut waiting: BTreeMap<usize, Article> = BTreeMap::new();
            let mut wanted = 0;
            while wanted < owned.len() {
                let received = receive(false).or_else(|| py.detach(|| receive(true)));
                let Some(batch) = received else {
                    return Err(PyValueError::new_err("an extraction thread failed"));
                };
                waiting.extend(batch);
                while let Some(article) = waiting.remove(&wanted) {
                    out.append(self.record(py, &article)?)?;
                    wanted += 1;
                }
            }
            Ok(())
        })
    }
}

/// The facts of one article with the embedded data (see `Extractor`).
#[pyfunction]
#[pyo3(signature = (text, source = None))]
fn extract<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    source: Option<String>,
) -> PyResult<Bound<'py, PyAny>> {
    static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);
    let text = text_of(text)?;
    let mut article = py.detach(|| EXTRACTOR.extract(&text));
    article.source = source;
    Ok(convert::article(py, &article)?.into_any())
}

/// The text normalized: NFC, one tone-mark placement (`"old"`: hòa,
/// thủy; `"new"`: hoà, thuỷ), repaired marks and misspelt syllables
/// (`repair`), look-alike letters, legacy encodings undone.
#[pyfunction]
#[pyo3(signature = (text, tone = "old", repair = true))]
fn normalize(text: &Bound<'_, PyAny>, tone: &str, repair: bool) -> PyResult<String> {
    let tone = match tone {
        "old" => ToneStyle::Old,
        "new" => ToneStyle::New,
        other => {
            return Err(PyValueError::new_err(format!(
                "tone must be \"old\" or \"new\", not {other:?}"
            )));
        }
    };
    let text = text_of(text)?;
    let options = Options {
        tone,
        repair,
        ..Options::default()
    };
    Ok(anninh::normalize::normalize(&text, &options)
        .text()
        .to_string())
}

/// The folded search key: lower case, no diacritics, đ → d.
#[pyfunction]
fn fold(text: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(anninh::normalize::fold(&text_of(text)?))
}

/// The text with its abbreviations written out (`annotate`: kept, with
/// the expansion in parentheses after each).
#[pyfunction]
#[pyo3(signature = (text, annotate = false))]
fn expand(text: &Bound<'_, PyAny>, annotate: bool) -> PyResult<String> {
    let style = if annotate {
        Style::Annotate
    } else {
        Style::Replace
    };
    Ok(Dictionary::embedded().expand(&text_of(text)?, style).text)
}

/// The table of facts of some records (dicts as `extract` returns them):
/// a dict of columns (`anninh::table::COLUMNS`), one row per fact.
#[pyfunction]
fn table_columns<'py>(
    py: Python<'py>,
    records: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyDict>> {
    let mut rows = Vec::new();
    for (i, record) in records.try_iter()?.enumerate() {
        let record = record?;
        let article: Article = pythonize::depythonize(&record).map_err(|e| {
            PyValueError::new_err(format!("record {i} is not an anninh record: {e}"))
        })?;
        rows.extend(anninh::table::rows(&article));
    }
    let value = pythonize::pythonize(py, &rows)?;
    let out = PyDict::new(py);
    let columns: Vec<Bound<'py, PyList>> = anninh::table::COLUMNS
        .iter()
        .map(|_| PyList::empty(py))
        .collect();
    for row in value.try_iter()? {
        let row = row?;
        let row = row.cast::<PyDict>()?;
        for (name, column) in anninh::table::COLUMNS.iter().zip(&columns) {
            column.append(
                row.get_item(name)?
                    .unwrap_or_else(|| py.None().into_bound(py)),
            )?;
        }
    }
    for (name, column) in anninh::table::COLUMNS.iter().zip(columns) {
        out.set_item(name, column)?;
    }
    Ok(out)
}

/// Decodes the bytes of an article (UTF-8, UTF-16 with a BOM, or raw TCVN3
/// or VNI, detected) into text; `name` names it in errors.
#[pyfunction]
#[pyo3(signature = (data, name = "<bytes>"))]
fn decode(data: Vec<u8>, name: &str) -> PyResult<String> {
    anninh::normalize::to_unicode(data, name, &Default::default())
        .map(|d| d.text)
        .map_err(error)
}

/// The native part of the `anninh` package.
#[pymodule]
fn _anninh(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyExtractor>()?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(normalize, m)?)?;
    m.add_function(wrap_pyfunction!(fold, m)?)?;
    m.add_function(wrap_pyfunction!(expand, m)?)?;
    m.add_function(wrap_pyfunction!(table_columns, m)?)?;
    m.add_function(wrap_pyfunction!(decode, m)?)?;
    m.add("COLUMNS", anninh::table::COLUMNS.to_vec())?;
    m.add("SCHEMA", anninh::record::SCHEMA)?;
    Ok(())
}

"""Facts from Vietnamese public-security news.

anninh reads articles about local police work and the "Toàn dân bảo vệ an
ninh Tổ quốc" movement and returns typed facts: counts, dates, localities
resolved against Vietnam's administrative units, named models and
campaigns, legal documents, abbreviations, and each article's title,
publication time and authors. Every fact carries its place in the text you
passed in: ``text[fact["span"][0]:fact["span"][1]] == fact["text"]``.

    >>> import anninh
    >>> r = anninh.extract("Công an xã Ea Tu tổ chức 3 buổi tuyên truyền.")
    >>> r["counts"][0]["value"], r["counts"][0]["unit"]
    (3, 'buổi')

The records are those of the command line's JSON output (schema
``anninh/1``); ``facts_frame`` turns many of them into a pandas DataFrame
with one row per fact.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from ._anninh import (
    COLUMNS,
    SCHEMA,
    Extractor,
    decode,
    expand,
    extract,
    fold,
    normalize,
    table_columns,
)

__all__ = [
    "COLUMNS",
    "SCHEMA",
    "Extractor",
    "decode",
    "expand",
    "extract",
    "facts_frame",
    "fold",
    "normalize",
]

# Columns that hold integers (nullable: a title without offsets).
_INTEGER_COLUMNS = ("start", "end", "byte_start", "byte_end")


def facts_frame(records: Iterable[Mapping[str, Any]]) -> "pandas.DataFrame":  # noqa: F821
    """One row per fact of ``records`` (dicts as ``extract`` returns them).

    The columns are those of the command line's CSV output (``COLUMNS``):
    ``value`` is float64 (a count's number; empty for other facts),
    ``start``, ``end``, ``byte_start`` and ``byte_end`` are nullable
    integers (Int64), the others text. pandas is an optional dependency:
    ``pip install pandas``.
    """
    try:
        import pandas as pd
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError(
            "anninh.facts_frame needs pandas, which is not installed: pip install pandas"
        ) from e
    columns = table_columns(list(records))
    frame = pd.DataFrame({name: columns[name] for name in COLUMNS}, columns=list(COLUMNS))
    frame["value"] = pd.to_numeric(frame["value"], errors="coerce").astype("float64")
    for name in _INTEGER_COLUMNS:
        frame[name] = frame[name].astype("Int64")
    return frame

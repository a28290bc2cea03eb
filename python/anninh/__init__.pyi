"""Type stubs of the anninh package (see its docstrings)."""

from typing import Any, Dict, Iterable, List, Mapping, Optional, Tuple

import pandas

#: The columns of ``facts_frame`` and of the command line's CSV output.
COLUMNS: List[str]
#: The schema identifier every record carries (``"anninh/1"``).
SCHEMA: str

#: A record: the command line's JSON object for one article.
Record = Dict[str, Any]

class Extractor:
    """Extracts facts from articles; build once, reuse."""

    def __init__(self, abbreviations: Optional[str] = None) -> None:
        """``abbreviations``: path of a TSV file of more abbreviations."""
    def extract(self, text: str, source: Optional[str] = None) -> Record:
        """The record of one article."""
    def extract_many(self, texts: Iterable[str], threads: Optional[int] = None) -> List[Record]:
        """The records of many articles, in input order, on several threads."""

def extract(text: str, source: Optional[str] = None) -> Record:
    """The record of one article, with the embedded data."""

def normalize(text: str, tone: str = "old", repair: bool = True) -> str:
    """The text normalized (NFC, one tone placement: ``"old"`` or ``"new"``;
    misspelt syllables repaired unless ``repair`` is false)."""

def fold(text: str) -> str:
    """The folded search key (lower case, no diacritics, đ → d)."""

def expand(text: str, annotate: bool = False) -> str:
    """The text with its abbreviations written out."""

def decode(data: bytes, name: str = "<bytes>") -> str:
    """Bytes of an article as text (UTF-8, UTF-16 with a BOM, raw TCVN3/VNI)."""

def table_columns(records: Iterable[Mapping[str, Any]]) -> Dict[str, List[Any]]:
    """The table of facts of some records, by column."""

def facts_frame(records: Iterable[Mapping[str, Any]]) -> pandas.DataFrame:
    """One row per fact; ``value`` float64, offsets Int64."""

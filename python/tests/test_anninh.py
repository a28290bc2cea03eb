"""The Python package, checked against the command line it mirrors."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

import anninh

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = sorted((ROOT / "fixtures" / "articles").glob("*.txt"))
DEV = sorted((ROOT.parent / "shared" / "dev").glob("*.txt")) + sorted(
    (ROOT.parent / "shared" / "dev-full").glob("*.txt")
)


def cli() -> Path:
    """The command line built beside this package."""
    named = os.environ.get("ANNINH_BIN")
    for path in [named] if named else [ROOT / "target" / p / "anninh" for p in ("release", "debug")]:
        if path and Path(path).exists():
            return Path(path)
    pytest.skip("the anninh command line is not built (cargo build --release)")


def cli_record(path: Path) -> dict:
    out = subprocess.run([str(cli()), "extract", str(path)], capture_output=True, check=True)
    return json.loads(out.stdout)


@pytest.mark.parametrize("path", FIXTURES + DEV, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_records_equal_the_command_line(path: Path) -> None:
    text = path.read_bytes().decode("utf-8")  # no newline translation: offsets as in the file
    assert anninh.extract(text, source=str(path)) == cli_record(path)


def test_spans_slice_the_callers_str() -> None:
    text = "🚔 Công an xã Ea Tu tổ chức 3 buổi tuyên truyền ngày 16/6/2024 về ANTT."
    record = anninh.extract(text)
    facts = [f for key in ("counts", "dates", "localities", "abbreviations") for f in record[key]]
    assert len(facts) == 4
    for fact in facts:
        start, end = fact["span"]
        assert text[start:end] == fact["text"]
        b_start, b_end = fact["bytes"]
        assert text.encode()[b_start:b_end].decode() == fact["text"]


def test_extract_many_keeps_order_on_any_number_of_threads() -> None:
    texts = [f"Công an xã Ea Tu có {n} tổ tự quản." for n in range(1, 60)]
    for threads in (None, 1, 2, 7):
        records = anninh.Extractor().extract_many(texts, threads=threads)
        assert [r["counts"][0]["value"] for r in records] == list(range(1, 60))
    assert anninh.Extractor().extract_many([]) == []
    assert anninh.Extractor().extract_many(iter(["ANTT"]))[0]["abbreviations"][0]["text"] == "ANTT"


def test_text_functions_match_the_command_line() -> None:
    assert anninh.normalize("Thanh Hoá baỏ vệ") == "Thanh Hóa bảo vệ"
    assert anninh.normalize("Thanh Hóa", tone="new") == "Thanh Hoá"
    assert anninh.fold("Đakrông") == "dakrong"
    assert anninh.normalize("tạị xã, nghành") == "tại xã, ngành"
    assert anninh.normalize("tạị xã", repair=False) == "tạị xã"
    assert anninh.expand("Bảo đảm ANTT.") == "Bảo đảm an ninh trật tự."
    assert anninh.expand("ANTT", annotate=True) == "ANTT (an ninh trật tự)"
    tcvn3 = b"C\xabng an huy\xd6n \xae\xb7 x\xa9y d\xf9ng m\xab h\xd7nh"
    assert anninh.decode(tcvn3) == "Công an huyện đã xây dựng mô hình"


def test_user_abbreviations(tmp_path: Path) -> None:
    tsv = tmp_path / "mine.tsv"
    tsv.write_text("XYZT\tx y z t\tgeneral\n", encoding="utf-8")
    record = anninh.Extractor(abbreviations=str(tsv)).extract("Đội XYZT ra quân.")
    assert [(a["text"], a["expansion"]) for a in record["abbreviations"]] == [("XYZT", "x y z t")]


def test_bad_input_raises_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="a str is required, not bytes"):
        anninh.extract(b"C\xc3\xb4ng an")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="a str is required, not int"):
        anninh.Extractor().extract_many(["ok", 3])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="tone must be"):
        anninh.normalize("x", tone="modern")
    with pytest.raises(OSError, match="nothing.tsv"):
        anninh.Extractor(abbreviations=str(tmp_path / "nothing.tsv"))
    with pytest.raises(ValueError, match="not an anninh record"):
        anninh.table_columns([{"schema": 1}])
    with pytest.raises(ValueError, match="not UTF-8"):
        anninh.decode(b"an \xff")


def test_facts_frame_types_its_columns() -> None:
    pd = pytest.importorskip("pandas")
    records = [anninh.extract(p.read_text(encoding="utf-8"), source=p.name) for p in FIXTURES]
    frame = anninh.facts_frame(records)
    assert list(frame.columns) == anninh.COLUMNS
    assert str(frame["value"].dtype) == "float64"
    for column in ("start", "end", "byte_start", "byte_end"):
        assert str(frame[column].dtype) == "Int64"
    counts = frame[frame["type"] == "count"]
    assert counts["value"].notna().all()
    assert len(frame) == sum(
        len(r[k]) for r in records for k in ("counts", "dates", "localities", "models",
                                             "legal_documents", "abbreviations", "authors")
    ) + sum(1 for r in records if r["title"]) + sum(1 for r in records if r["published"])
    assert counts.groupby("unit")["value"].sum()["lượt"] > 0
    assert isinstance(frame, pd.DataFrame)

"""Throughput of Extractor.extract_many against the command line.

The sample articles and the dev texts (../shared/dev, ../shared/dev-full
when present) are repeated to 20 MB; the same texts are extracted by
``extract_many`` and by ``anninh extract DIR --quiet -j N`` (the texts
written as files), on 1 and 2 threads.

    python python/benches/extract_many.py [MB]   # after
                                    # pip install ./python and cargo build --release
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

import anninh

ROOT = Path(__file__).resolve().parents[2]


def corpus(megabytes: int) -> list[str]:
    sources = sorted((ROOT / "fixtures" / "articles").glob("*.txt"))
    for d in ("dev", "dev-full"):
        sources += sorted((ROOT.parent / "shared" / d).glob("*.txt"))
    one = [p.read_bytes().decode("utf-8") for p in sources]
    texts: list[str] = []
    size = 0
    while size < megabytes << 20:
        for t in one:
            texts.append(t)
            size += len(t.encode())
    return texts


def main() -> None:
    megabytes = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    texts = corpus(megabytes)
    total = sum(len(t.encode()) for t in texts)
    binary = ROOT / "target" / "release" / "anninh"
    extractor = anninh.Extractor()
    extractor.extract(texts[0])  # the embedded tables, built once
    with tempfile.TemporaryDirectory() as tmp:
        for i, t in enumerate(texts):
            (Path(tmp) / f"{i:06}.txt").write_bytes(t.encode())
        print(f"{len(texts)} articles, {total / 1e6:.1f} MB")
        for threads in (1, 2):
            start = time.perf_counter()
            records = extractor.extract_many(texts, threads=threads)
            python = time.perf_counter() - start
            assert len(records) == len(texts)
            start = time.perf_counter()
            subprocess.run(
                [str(binary), "extract", tmp, "--quiet", "-j", str(threads)],
                check=True,
                stdout=subprocess.DEVNULL,
            )
            command = time.perf_counter() - start
            print(
                f"{threads} thread(s): extract_many {total / python / 1e6:.1f} MB/s, "
                f"command line {total / command / 1e6:.1f} MB/s: "
                f"{command / python:.0%} of the command line's throughput"
            )


if __name__ == "__main__":
    main()

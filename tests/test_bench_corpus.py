"""The benchmark corpus generator: deterministic, varied, and readable by the build."""

from __future__ import annotations

import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCH))

from gen_corpus import write_corpus  # noqa: E402

from qgraph.pipeline import read_documents  # noqa: E402


def test_same_seed_same_corpus(tmp_path: Path) -> None:
    a = write_corpus(6, tmp_path / "a", seed=7)
    b = write_corpus(6, tmp_path / "b", seed=7)
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    c = write_corpus(6, tmp_path / "c", seed=8)
    assert [p.read_bytes() for p in a] != [p.read_bytes() for p in c]


def test_documents_are_varied_and_read(tmp_path: Path) -> None:
    paths = write_corpus(12, tmp_path, seed=1)
    docs, errors = read_documents([tmp_path])
    assert not errors and len(docs) == 12
    assert len({d.place for d in docs}) > 3
    sample = next(d for d in docs if "zaozhuang" in d.source)
    assert sample.place and sample.place[:-1] in sample.text   # the home city was replaced everywhere
    assert sample.place == "枣庄市" or "枣庄" not in sample.text


def test_percentages_stay_percentages(tmp_path: Path) -> None:
    import re

    for path in write_corpus(40, tmp_path, seed=3):
        for value in re.findall(r"(\d+(?:\.\d+)?)\s*[%％]", path.read_text(encoding="utf-8")):
            assert float(value) <= 100, path.name

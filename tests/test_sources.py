"""Tests of the ``sources`` stage: reading documents, bad input, sentence splitting."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from qgraph.sources import read_document

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "corpus" / "zaozhuang-quality-2025-09-19.txt"


def test_sample_metadata_and_spans() -> None:
    doc = read_document(SAMPLE)
    assert doc.date == dt.date(2025, 9, 19)
    assert doc.publisher == "齐鲁网·闪电新闻"
    assert doc.place == "枣庄市"
    assert doc.doc_id == "zaozhuang-quality-2025-09-19"
    for s in doc.sentences:
        assert doc.text[s.span.start:s.span.end] == s.span.text

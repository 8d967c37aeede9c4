"""The steps of a procedure are no stock of the place (our own sentences)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from qgraph.extract import extract
from qgraph.model import Document, Extraction
from qgraph.sources import split_sentences


def read(text: str, place: str | None = None) -> Extraction:
    return extract(Document("g", "g.txt", text, place=place, date=dt.date(2025, 6, 1),
                            sentences=split_sentences(text)))


def figure(ex: Extraction, value: int):
    return next((o for o in ex.observations if o.value == Decimal(value)), None)


def test_steps_of_a_selection():
    o = figure(read("今年评选工作按照企业申报、县区审核、专家评审、结果公示5个环节进行。", "某省"), 5)
    assert o is None or o.subject_inferred or o.subject.kind.value != "Place"


def test_stock_stays():
    o = figure(read("全省今年新增省级质量标杆企业5家。", "湖南省"), 5)
    assert o is not None and not o.subject_inferred

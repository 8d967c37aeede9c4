"""The end of a rank range (第四至十名企业) is no count (our own sentences)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from qgraph.extract import extract
from qgraph.model import Document, Extraction
from qgraph.sources import split_sentences


def read(text: str, place: str | None = None) -> Extraction:
    return extract(Document("g", "g.txt", text, place=place, date=dt.date(2025, 6, 1),
                            sentences=split_sentences(text)))


def values(ex: Extraction) -> set[Decimal]:
    return {o.value for o in ex.observations}


def test_rank_range_end_is_no_count():
    ex = read("评选结果中,第一名和第四至八名企业将分别获得50万元及20万元奖励。", "某省")
    assert Decimal(8) not in values(ex)


def test_a_count_of_people_stays():
    ex = read("全市今年共培训质量管理人员八名。", "某市")
    assert Decimal(8) in values(ex)

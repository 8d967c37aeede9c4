"""Extractor bugs found while writing the graph tests, each pinned on its exact input sentence.

Each was ``xfail(strict=True)`` until the extractor got it right; they stay as regression tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from qgraph.extract import extract
from qgraph.model import Document, Extraction, Kind
from qgraph.sources import split_sentences


def read(text: str, place: str = "潍坊市") -> Extraction:
    doc = Document("d", "d.txt", text, place=place, date=dt.date(2025, 6, 12), sentences=split_sentences(text))
    return extract(doc)


def test_newly_added_centres_are_not_a_stock_count() -> None:
    ex = read("全市新增省级企业技术中心6家，3家企业入选第五批“好品山东”名单。")
    assert not [o for o in ex.observations if o.measure == "企业技术中心" and o.value == 6]


@pytest.mark.parametrize("text", [
    "按照山东省市场监督管理局统一部署，今年一季度共抽查食品相关产品210批次，合格率为97.1%。",
    "枣庄市市场监督管理局汇报，全市今年共抽查工业产品530批次，合格率为95.8%。",
])
def test_spot_check_name_holds_no_time_phrase(text: str) -> None:
    names = [e.name for e in read(text).entities if e.kind is Kind.PRODUCT_SPOT_CHECK]
    assert names and not [n for n in names if n.startswith(("一季度", "共", "今年"))], names


def test_batches_measure_with_product_as_category() -> None:
    ex = read("按照山东省市场监督管理局统一部署，今年一季度共抽查食品相关产品210批次，合格率为97.1%。")
    (batches,) = [o for o in ex.observations if o.unit == "Pici"]
    assert batches.measure == "批次"
    assert [c.name for c in batches.categories] == ["食品相关产品"]

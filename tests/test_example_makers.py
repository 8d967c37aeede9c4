"""The maker of one example listed before 等 and a count is not the count's holder (our own sentences)."""

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
    return next(o for o in ex.observations if o.value == Decimal(value))


def test_maker_of_an_example_is_no_subject():
    ex = read("今年评审工作顺利完成,甲乙机械有限公司创建的精益协同管理体系等12个项目获先进质量管理成果。", "某市")
    o = next((o for o in ex.observations if o.value == Decimal(12)), None)
    assert o is None or o.subject_inferred or o.subject.name != "甲乙机械有限公司"


def test_company_own_count_stays():
    ex = read("甲乙机械有限公司今年研发新产品12项。", "某市")
    o = figure(ex, 12)
    assert o.subject.name == "甲乙机械有限公司" and not o.subject_inferred

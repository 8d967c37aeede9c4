"""A count of an award's and its grade's winners together is not the award's alone (our own sentences)."""

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


def test_award_alone_stays():
    o = figure(read("截至目前,全省共有27家组织获湖南省人民政府质量奖。", "湖南省"), 27)
    assert o is not None and o.subject.name == "湖南省人民政府质量奖" and not o.subject_inferred


def test_own_place_holds_the_joined_count():
    o = figure(read("截至目前,全省共有27家组织获湖南省人民政府质量奖和提名奖。", "湖南省"), 27)
    assert o.subject.name == "湖南省" and o.qualifier == "湖南省人民政府质量奖和提名奖"


def test_no_place_spoken_of_is_inferred():
    o = figure(read("此前已有27家组织获湖南省人民政府质量奖和提名奖。", "湖南省"), 27)
    assert o is None or o.subject_inferred


def test_place_spoken_of_earlier_in_the_sentence():
    o = figure(read("全省共有3家企业获中国质量奖提名奖,27家组织获湖南省人民政府质量奖和提名奖。", "湖南省"), 27)
    assert o.subject.name == "湖南省" and not o.subject_inferred

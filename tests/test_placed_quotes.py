"""A quoted honour written once after a place and a short sector is that place's programme wherever
the report quotes it alone (our own sentences)."""

from __future__ import annotations

import datetime as dt

from qgraph.extract import extract
from qgraph.model import Document, Extraction
from qgraph.sources import split_sentences


def read(text: str, place: str | None = None) -> Extraction:
    return extract(Document("g", "g.txt", text, place=place, date=dt.date(2025, 6, 1),
                            sentences=split_sentences(text)))


def programmes(ex: Extraction) -> set[str]:
    return {e.name for e in ex.entities if e.kind.is_programme}


TEXT = ("昨日,2024年湖南省“8大名品”和特色农业“8强企业”“16佳新锐企业”表彰会召开。甲乙农业有限公司等40家企业被授予"
        "“8大名品”和特色农业“8强企业”“16佳新锐企业”称号。“8强企业”各获得50万元奖励。")


def test_placed_once_named_in_full():
    got = programmes(read(TEXT, "湖南省"))
    assert {"湖南省8大名品", "湖南省特色农业8强企业", "湖南省特色农业16佳新锐企业"} <= got
    assert not got & {"8大名品", "8强企业", "16佳新锐企业"}


def test_listing_follows_the_full_name():
    ex = read(TEXT, "湖南省")
    assert ("甲乙农业有限公司", "湖南省8大名品") in {(r.name, x.programme.name) for x in ex.listings for r in x.recipients}


def test_never_placed_stays_as_written():
    ex = read("甲乙农业有限公司等40家企业被授予“8大名品”称号。", "湖南省")
    assert programmes(ex) == {"8大名品"}


def test_placed_two_ways_stays_as_written():
    ex = read("湖南省“8大名品”与湖北省“8大名品”同日揭晓。甲乙农业有限公司被授予“8大名品”称号。", "湖南省")
    assert programmes(ex) == {"8大名品"}

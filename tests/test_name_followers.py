"""An adverb right after a person's name (分别, 亲自) ends the name (our own sentences)."""

from __future__ import annotations

import datetime as dt

from qgraph.extract import extract
from qgraph.model import Document, Extraction
from qgraph.sources import split_sentences


def read(text: str, place: str | None = None) -> Extraction:
    return extract(Document("g", "g.txt", text, place=place, date=dt.date(2025, 6, 1),
                            sentences=split_sentences(text)))


def posts(ex: Extraction) -> set[tuple[str, str, str | None]]:
    return {(p.person.name, p.role, p.organization.name if p.organization else None) for p in ex.posts}


def test_name_before_fenbie():
    got = posts(read("滨州市委副书记、市长李明分别为获奖企业代表颁奖。", "滨州市"))
    assert got == {("李明", "副书记", "中共滨州市委员会"), ("李明", "市长", "滨州市人民政府")}


def test_name_before_qinzi():
    assert ("王小红", "副市长", "滨州市人民政府") in posts(read("副市长王小红亲自为企业授牌。", "滨州市"))

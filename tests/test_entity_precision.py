"""One regression test per entity-precision mechanism (and its negatives): credit lines, addressee
lines, places inside meeting names, back-references to a programme, elided county bureaus in a list,
short firm names. Every sentence is our own, of the shape real reports of the genre use.
"""

from __future__ import annotations

import datetime as dt

from qgraph.extract import extract
from qgraph.model import Document, Extraction, Kind
from qgraph.sources import split_sentences


def read(text: str, place: str | None = "枣庄市", publisher: str | None = None) -> Extraction:
    return extract(Document("p", "p.txt", text, place=place, date=dt.date(2025, 6, 1), publisher=publisher,
                            sentences=split_sentences(text)))


def names(ex: Extraction, *kinds: Kind) -> set[str]:
    return {e.name for e in ex.entities if not kinds or e.kind in kinds}


def posts(ex: Extraction) -> set[tuple[str, str]]:
    return {(p.person.name, p.role) for p in ex.posts}


# -- credit lines ------------------------------------------------------------------------------

def test_credit_lines_name_people_with_their_role_and_nothing_else() -> None:
    ex = read("全市质量工作稳步推进。（文 张明）【责任编辑：李华】（作者：王强 赵亮）")
    assert names(ex, Kind.PERSON) == {"张明", "李华", "王强", "赵亮"}
    assert {("张明", "作者"), ("李华", "责任编辑"), ("王强", "作者")} <= posts(ex)
    assert not names(ex, Kind.ORGANIZATION, Kind.PLACE, Kind.MEDIA)


def test_a_bracket_not_opening_with_a_credit_word_is_no_credit_line() -> None:
    ex = read("全市开展创建活动（文明城市创建）。（图为张明在现场）")
    assert not names(ex, Kind.PERSON)

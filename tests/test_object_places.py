"""A place a figure is done for or to (:mod:`qgraph.extract.object_places`), on our own sentences: after
为 / 向 with a place heading the clause, the figure is the heading place's; a place heading its own clause,
or after 为 with no place before it, is left to the other rules."""

from __future__ import annotations

import datetime as dt

from extraction_helpers import fig, read

DATE = dt.date(2024, 5, 1)


def _subject(text: str, value: str) -> str | None:
    o = fig(read(text, place="南宁市", date=DATE), value)
    return o.subject.name if o.subject else None


def test_the_place_done_for_or_to_is_not_the_figures() -> None:
    assert _subject("以汽车产业链为例，南宁为柳州整车配套的重点企业超过120家。", "120") == "南宁市"
    assert _subject("南宁向桂林输送技术人员300人。", "300") == "南宁市"


def test_a_place_heading_its_clause_keeps_its_figure() -> None:
    assert _subject("柳州新增企业40家。", "40") == "柳州市"
    assert _subject("某协会为柳州企业培训人员300人次。", "300") != "南宁市"  # no place before 为: not the home's

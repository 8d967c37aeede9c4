"""A system's name does not reach past its clause (:mod:`qgraph.extract.system_scope`), on our own
sentences: firms or people counted after a system named in an earlier clause, or after the report's own
place word, are not vouched for as the system's; a system named in the figure's own clause keeps it."""

from __future__ import annotations

import datetime as dt

from extraction_helpers import fig, low, read

DATE = dt.date(2024, 7, 1)


def _system(o) -> bool:
    return o.subject is not None and o.subject.kind.value in ("QualitySystem", "WorkModel", "Facility")


def test_a_system_named_in_an_earlier_clause_does_not_own_the_counts_after_it() -> None:
    ex = read("不断推行首席质量官制度，全区四个园区近90家企业参加专题培训，新增首席质量官15人，总人数达212人。",
              place="南宁市", date=DATE)
    for value in ("90", "15", "212"):
        o = fig(ex, value)
        assert not _system(o) or low(o), o


def test_the_own_place_between_the_system_and_the_figure() -> None:
    o = fig(read("“一站式”服务平台整合全市37个服务站窗口。", place="南宁市", date=DATE), "37")
    assert not _system(o) or low(o), o


def test_a_system_named_in_the_figures_clause_keeps_it() -> None:
    o = fig(read("全市已有88家企业建立首席质量官制度。", place="南宁市", date=DATE), "88")
    assert not low(o), o

"""A count of a wider whole inside a place's clause (:mod:`qgraph.extract.wider_wholes`), on our own
sentences: the cities of a national ranking or the counties of a province are not the place's figure; the
place's own word (全市 of a city) keeps it."""

from __future__ import annotations

import datetime as dt

from extraction_helpers import fig, low, read

DATE = dt.date(2024, 3, 1)


def test_the_members_of_a_wider_whole_are_not_the_places() -> None:
    o = fig(read("2023年度全国某项服务监测情况通报中，南宁在全国113个城市满意度得分排名位列第22位。",
                 place="南宁市", date=DATE), "113")
    assert low(o) or o.subject is None or o.subject.name != "南宁市", o  # (read 0.9 for the city before)
    o = fig(read("南宁市在全省14个设区市中排名第一。", place="南宁市", date=DATE), "14")
    assert low(o) or o.subject is None or o.subject.name != "南宁市", o
    o = fig(read("甲县在全市9个县区质量工作考核中位列第2名。", place="南宁市", date=DATE), "9")
    assert low(o) or o.subject is None or o.subject.name != "南宁市", o


def test_the_places_own_whole_and_a_figure_not_right_after_the_word_stay() -> None:
    o = fig(read("南宁市在全国率先建成检测平台3个。", place="南宁市", date=DATE), "3")
    assert o.subject is not None and o.subject.name == "南宁市" and not low(o), o


def test_a_figure_after_a_region_of_several_places_is_not_one_members() -> None:
    o = fig(read("记者从南宁市人民政府新闻办公室获悉，粤桂两地共同培育的5条重点产业链已见成效。",
                 place="南宁市", date=DATE), "5")
    assert low(o) or o.subject is None or o.subject.name != "南宁市", o
    o = fig(read("在长三角质量合作中，全市签约项目12个。", place="南宁市", date=DATE), "12")
    assert o.subject is not None and o.subject.name == "南宁市" and not low(o), o  # named again: its own

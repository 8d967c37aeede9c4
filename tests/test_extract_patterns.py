"""Patterns made once (``extract.patterns``, the per-lexicon patterns of the figures' rules): the
readings that go through them, on invented sentences, are the ones the per-call patterns gave."""

from __future__ import annotations

import datetime as dt
import re

from qgraph.extract.patterns import compiled

from tests.extraction_helpers import fig, read

DATE = dt.date(2024, 6, 1)


def test_compiled_once_and_same_as_re():
    pattern = r"(?P<noun>[\u4e00-\u9fff]{2,14}?)20\d{2}年度?" + re.escape("得分") + r"$"
    assert compiled(pattern) is compiled(pattern)
    text = "某县满意度2023年得分"
    assert compiled(pattern).search(text).group("noun") == re.search(pattern, text).group("noun") == "某县满意度"


def test_year_inside_a_short_measure():
    # the measure's head is before the year; a clause without the measure words compiles nothing
    ex = read("济宁市公共服务满意度2023年得分81.2分，位居全省前列。", place="济宁市", date=DATE)
    assert fig(ex, "81.2").measure == "公共服务满意度得分"
    ex = read("济宁市2023年新增企业12家。", place="济宁市", date=DATE)
    assert fig(ex, "12").measure == "新增企业"


def test_adverb_before_the_verb_is_no_part_of_the_measure():
    ex = read("济宁市食品抽检合格率逐年升至98.5%。", place="济宁市", date=DATE)
    assert fig(ex, "98.5").measure.endswith("食品抽检合格率")


def test_registered_object_before_youxiao_zhuce():
    ex = read("济宁市商标有效注册量达到1.2万件。", place="济宁市", date=DATE)
    assert fig(ex, "12000").measure == "商标有效注册量"


def test_holder_noun_shared_by_two_counts():
    ex = read("济宁市评出5家质量奖和10家提名奖获奖组织。", place="济宁市", date=DATE)
    assert fig(ex, "5").measure == "质量奖获奖组织"
    assert fig(ex, "10").measure == "提名奖获奖组织"


def test_chain_topic_needs_chanye_in_the_sentence():
    ex = read("济宁市新材料产业链入选省级重点产业链，新材料产业已集聚企业120家。", place="济宁市", date=DATE)
    assert fig(ex, "120").measure == "新材料产业已集聚企业"

"""Qualifiers and periods of report figures: a category sampled after the batch count, levels before a
count, carried periods. One regression test per mechanism, on our own minimal sentences."""

from __future__ import annotations

import datetime as dt

from tests.extraction_helpers import fig, low, read


# -- a category written after the check's batch count ------------------------------------------------

def test_category_after_the_batch_count_qualifies_its_part_of_the_check() -> None:
    ex = read("近日，某市市场监管局开展了产品质量监督抽查。其中，抽查12家生产企业的30批次电线电缆产品，2批次不合格；"
              "抽查6家生产企业的9批次插座产品，4批次不合格。", place="某市", date=dt.date(2024, 5, 1))
    for value, unit in (("12", "Jia"), ("30", "Pici"), ("2", "Pici")):
        assert fig(ex, value, unit).breakdown == "电线电缆"
    for value, unit in (("6", "Jia"), ("9", "Pici"), ("4", "Pici")):
        assert fig(ex, value, unit).breakdown == "插座"
        assert not low(fig(ex, value, unit))


def test_a_generic_word_before_products_is_no_category() -> None:
    ex = read("近日，某市开展了产品质量监督抽查，抽查35批次各类产品，3批次不合格。", date=dt.date(2024, 5, 1))
    assert fig(ex, "35", "Pici").breakdown is None


# -- a level written before each count ------------------------------------------------------------------

def test_level_before_each_count_of_a_list_is_that_count_s_level() -> None:
    ex = read("省级30个部门、市级210个部门、县级900个部门的涉企信息实现归集。", place="某省", date=dt.date(2024, 5, 1))
    levels = {v: fig(ex, v, "Ge").level for v in ("30", "210", "900")}
    assert {v: lv.value if lv else None for v, lv in levels.items()} == {
        "30": "Provincial", "210": "Municipal", "900": "County"}


def test_a_level_word_inside_a_longer_word_is_no_lead() -> None:
    ex = read("全市有县级以上部门共12个部门参与。", date=dt.date(2024, 5, 1))
    assert fig(ex, "12", "Ge").level is None


# -- a city's time-honoured brands ------------------------------------------------------------------------

def test_a_city_s_time_honoured_brand_list_is_a_programme() -> None:
    from qgraph.model import Kind
    ex = read("某协会组织开展了第五批济南老字号认定工作，共有8家企业参加申报。", place="济南市", date=dt.date(2024, 5, 1))
    assert any(e.kind is Kind.HONOUR and e.name == "济南老字号" for e in ex.entities)

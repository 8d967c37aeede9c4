"""A paragraph opened by a product category and a comma, after a paragraph reporting a check: its
figures are that category's part of the check (section_categories.opening_category, stats)."""

from __future__ import annotations

from tests.extraction_helpers import fig, low, read

CHECK = "上半年，甲市质监局组织产品质量定期监督检查，共检查120家企业的20类150批次产品，合格140批次，合格率为93.33%。\n"


def test_the_paragraphs_figures_are_the_categorys_part_of_the_check_before() -> None:
    ex = read(CHECK + "日用消费品，主要检查了毛巾、卫生纸等6类50家企业生产的60批次产品，合格57批次，合格率为95%。\n"
              "农业生产资料，主要检查了化肥等4类12家企业生产的24批次产品，合格率为100%。", place="洛阳市")
    for value, category in (("60", "日用消费品"), ("57", "日用消费品"), ("95", "日用消费品"),
                            ("24", "农业生产资料"), ("100", "农业生产资料")):
        o = fig(ex, value)
        assert o.subject is not None and o.subject.name == "产品质量定期监督检查", value
        assert o.breakdown == category and not low(o), value


def test_a_clause_that_is_no_figure_of_the_check_or_a_part_after_其中_stays_unsure() -> None:
    ex = read(CHECK + "工业生产资料，主要检查了19类80家企业生产的90批次产品，合格率为96%，其中水泥等7类产品合格率为100%，"
              "3家门店标签不符合要求。", place="洛阳市")
    assert fig(ex, "90").breakdown == "工业生产资料" and not low(fig(ex, "90"))
    # 7类产品合格率为100%: the count of kinds with the rate as its condition, unsure; the rate no figure of its own
    assert low(fig(ex, "7")) and fig(ex, "7").breakdown == "合格率为100%" and low(fig(ex, "3"))
    assert not any(o.value == 100 and not low(o) for o in ex.observations)


def test_no_category_without_a_check_before_or_a_check_word_after() -> None:
    ex = read("日用消费品，主要检查了6类50家企业生产的60批次产品。", place="洛阳市")
    assert fig(ex, "60").breakdown != "日用消费品"
    ex = read(CHECK + "日用消费品，全市新增销售网点12家。", place="洛阳市")
    assert fig(ex, "12").breakdown != "日用消费品"


# -- the failed items of a check, listed with their counts (failed_items) ----------------------------------

def test_listed_failed_items_are_the_checks_failed_batches_of_each_item() -> None:
    ex = read("全年随机抽查40种日用品600批次，合格585批次。不合格产品包括6批雨伞、5批拖鞋、3批水杯和茶壶。", place="洛阳市")
    for value, item in (("6", "雨伞"), ("5", "拖鞋")):
        o = fig(ex, value)
        assert o.subject is not None and o.subject.name == fig(ex, "600").subject.name and o.subject.name != "洛阳市"
        assert o.measure == "不合格" and o.breakdown == item and not low(o)
    assert fig(ex, "3").breakdown != "水杯和茶壶"  # one count for two items: left alone


def test_no_failed_items_without_a_check_before_in_the_paragraph() -> None:
    ex = read("不合格产品包括6批雨伞、5批拖鞋。", place="洛阳市")
    assert all(o.measure != "不合格" for o in ex.observations)

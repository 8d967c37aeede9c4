"""Figures achieved by an activity or a system, driven measures, and the size of a ranking's field."""

from __future__ import annotations

from extraction_helpers import fig, low, read


def test_driven_measure_keeps_its_verb() -> None:
    ex = read("常州市特色产业年产值达100亿元，带动就业3.5万人。", place="常州市")
    assert fig(ex, "35000").measure == "带动就业"


def test_an_activitys_figure_is_not_surely_the_places() -> None:
    ex = read("今年以来，常州市各类惠民活动带动消费8.2亿元。", place="常州市")
    f = fig(ex, "820000000")
    assert f.measure == "带动消费" and (f.subject.name != "常州市" or low(f))


def test_a_systems_figure_is_not_surely_the_places() -> None:
    ex = read("“某某办”服务体系实现120个事项全程网办。", place="常州市")
    f = fig(ex, "120")
    assert f.subject.name != "常州市" or low(f)


def test_the_places_own_figure_stays_sure() -> None:
    ex = read("常州市实现120个事项全程网办。", place="常州市")
    assert fig(ex, "120").subject.name == "常州市" and not low(fig(ex, "120"))


def test_size_of_a_ranking_field_after_the_verb() -> None:
    ex = read("常州市群众满意度位列华东地区12座城市首位。", place="常州市")
    assert low(fig(ex, "12"))


def test_a_list_named_for_candidates_is_entered_not_shortlisted() -> None:
    ex = read("甲乙坚果、丙丁火腿等2个产品入选第二批中欧“175+175”地理标志互认互保候选名录。", place="常州市")
    assert [(x.programme.name, len(x.recipients)) for x in ex.listings] == [("中欧175+175地理标志互认互保候选名录", 2)]


def test_a_shortlist_notice_still_names_no_winners() -> None:
    ex = read("拟授予甲乙公司、丙丁公司等2家企业“某某市长质量奖”，现予以公示。", place="常州市")
    assert not ex.listings


def test_size_of_a_valued_group_is_no_stock() -> None:
    ex = read("甲乙米、丙丁茶等5个地理标志产品品牌评估价值30.5亿元。", place="常州市")
    assert low(fig(ex, "5"))


def test_a_count_before_its_own_sales_stays() -> None:
    ex = read("常州市培育龙头企业5家，销售额达10亿元。", place="常州市")
    assert not low(fig(ex, "5"))


def test_objects_a_check_covered_are_no_stock_of_the_place() -> None:
    ex = read("开展专项整治，对全市30家企业进行检查。", place="常州市")
    assert low(fig(ex, "30"))
    ex = read("开展专项整治，对苏南30家企业进行检查。", place="常州市")
    assert low(fig(ex, "30"))


def test_a_place_stock_without_a_check_stays() -> None:
    ex = read("全市共有规模以上企业30家。", place="常州市")
    assert not low(fig(ex, "30"))


def test_a_year_after_a_reporters_lead_heads_the_sentence() -> None:
    import datetime as dt
    ex = read("记者昨天从常州市某局了解到，2023年常州市相关产业年产值达100亿元，带动就业5万人。",
              place="常州市", date=dt.date(2024, 4, 26))
    assert str(fig(ex, "10000000000").period) == "2023" and str(fig(ex, "50000").period) == "2023"


def test_a_use_verb_heads_the_measure_after_new() -> None:
    ex = read("2023年常州市新增使用地理标志专用标志经营主体20家。", place="常州市")
    assert fig(ex, "20").measure.startswith("使用地理标志专用标志")


def test_a_user_noun_keeps_its_object() -> None:
    ex = read("全市共有特种设备使用单位300余家。", place="常州市")
    assert "特种设备" in fig(ex, "300").measure

"""Qualifiers read from a figure's own clause (extract/figure_qualifiers.py) and a plan's targets
(extract/periods.py is_target). One regression test per mechanism, on our own minimal sentences."""

from __future__ import annotations

import datetime as dt

from extraction_helpers import fig, read


def test_way_of_taking_part_qualifies_the_count() -> None:
    ex = read("2023年，甲乙市主持制定国际标准2项，发布地方标准30项。", place="甲乙市")
    assert fig(ex, "2").breakdown == "主持制定"
    assert fig(ex, "2").measure == "国际标准"
    assert fig(ex, "30").breakdown is None


def test_stage_of_application_qualifies_the_count() -> None:
    ex = read("2023年，甲乙市新增注册商标800件。该市正在申报地理标志产品3件。", place="甲乙市")
    assert fig(ex, "3").breakdown == "申报中"
    assert fig(ex, "800").breakdown == "新增"


def test_kind_of_the_whole_after_qizhong_keeps_the_whole_measure() -> None:
    ex = read("2023年第一季度，全市授权专利500件，同比增长12%；其中发明专利40件，增长9%。", place="甲乙市")
    part = fig(ex, "40", "Jian")
    assert (part.measure, part.breakdown) == (fig(ex, "500").measure, "发明专利")


def test_part_with_another_head_is_no_kind_of_the_whole() -> None:
    ex = read("2023年，全市授权专利500件；其中企业200家。", place="甲乙市")
    assert fig(ex, "200").breakdown != "企业"


def test_plan_lead_governs_the_rest_of_its_sentence() -> None:
    ex = read("今年甲乙市计划研制团体标准25个，扶持企业150家，示范企业达到45家。", place="甲乙市",
              date=dt.date(2023, 5, 1))
    assert {fig(ex, v).breakdown for v in ("25", "150", "45")} == {"目标"}


def test_next_step_paragraph_makes_targets_not_vouched() -> None:
    ex = read("2023年，甲乙市发布认证标准100项。\n下一步，要做好两件事：一是强化标准。新增30项团体标准。"
              "二是扩大认证，获证企业30家。", place="甲乙市", date=dt.date(2023, 5, 1))
    assert fig(ex, "100").breakdown is None
    for o in (fig(ex, "30", "Xiang"), fig(ex, "30", "Jia")):
        assert o.breakdown == "目标" and o.confidence < 0.5  # whose targets they are is not told


def test_ways_joined_by_huo_are_the_whole_count() -> None:
    ex = read("2023年，甲乙县各企业主导或参与制定团体标准12项。", place="甲乙市")
    assert fig(ex, "12").breakdown is None


def test_running_total_of_a_measure_saying_youxiao() -> None:
    ex = read("2023年，甲乙市有效注册商标9000件；累计有效集体商标60件。", place="甲乙市")
    assert fig(ex, "60").breakdown == "累计"
    assert fig(ex, "9000").breakdown == "有效"


def test_honour_after_qizhong_is_counted_as_itself() -> None:
    ex = read("目前，全县现有注册商标900件，其中中国驰名商标3件。", place="甲乙县", date=dt.date(2023, 5, 1))
    assert fig(ex, "3").measure == "中国驰名商标"


def test_way_governs_every_counted_item_of_its_list() -> None:
    ex = read("2023年，甲乙公司主导制定国家标准3项、行业标准5项，参与制定团体标准7项。", place="甲乙市")
    assert [fig(ex, v).breakdown for v in ("3", "5", "7")] == ["主导制定", "主导制定", "参与制定"]


def test_done_as_planned_is_no_target() -> None:
    ex = read("2023年，甲乙市按计划完成食品抽检300批次，合格率98%。", place="甲乙市")
    assert fig(ex, "300").breakdown is None and fig(ex, "98").breakdown is None


def test_plan_then_a_word_of_having_reached_it_ends_the_plan() -> None:
    ex = read("2023年，甲乙市计划完成食品抽检300批次，截至6月底已完成180批次，合格率98%。", place="甲乙市")
    assert fig(ex, "300").breakdown == "目标"
    assert fig(ex, "180").breakdown is None and fig(ex, "98").breakdown is None


def test_named_campaign_goals_are_its_targets() -> None:
    ex = read("2022年，甲乙省开展“百千万”质量提升行动，在全省推动5000家小微企业对标达标，"
              "支持800家骨干企业建立卓越绩效体系，培育60家标杆企业，探索建设8个检测平台。", place="甲乙省")
    for v in ("5000", "800", "60", "8"):
        o = fig(ex, v)
        assert (o.subject.name, o.breakdown) == ("百千万质量提升行动", "目标"), v


def test_campaign_scope_ends_at_a_clause_of_another_verb() -> None:
    ex = read("2022年，江西省开展“百千万”质量提升行动，推动5000家企业开展质量提升，全省新增注册商标900件。", place="江西省")
    assert fig(ex, "5000").breakdown == "目标"
    assert fig(ex, "900").breakdown == "新增" and fig(ex, "900").subject.name == "江西省"

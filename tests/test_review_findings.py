"""Regression tests of false facts found in review, on our own minimal sentences: each with the shape the
rule was written for (still read as before) and the shape it wrongly stated a fact of."""

from __future__ import annotations

import datetime as dt

from extraction_helpers import fig, low, read

DATE = dt.date(2024, 9, 20)


def _read(text: str, place: str = "南宁市"):
    return read(text, place=place, date=DATE)


def _home(o, place: str = "南宁市") -> bool:
    return o.subject is not None and o.subject.name == place


def _vouched_home(o, place: str = "南宁市") -> bool:
    return _home(o, place) and not low(o)


# 1. a firm's figures after a period lead or as a stock are not the place's

def test_a_clause_opening_with_this_firm_is_an_actor() -> None:
    ex = _read("2023年，该企业实现产值12亿元，纳税8000万元。")
    assert not _vouched_home(fig(ex, "1200000000")) and not _vouched_home(fig(ex, "80000000"))
    ex = _read("甲集团始建于1998年。目前，集团拥有高新技术企业5家，年产值30亿元。")
    assert not _vouched_home(fig(ex, "5")) and not _vouched_home(fig(ex, "3000000000"))
    ex = _read("全市新增注册商标5200件。龙头企业甲公司拥有发明专利86件。")
    assert not _vouched_home(fig(ex, "86"))
    # the shapes the period and stock rules were written for
    assert _vouched_home(fig(_read("2022年，兑现质量奖励资金2.3亿元。"), "230000000"))
    assert _vouched_home(fig(_read("2023年，本市新增注册商标5200件。"), "5200"))
    assert _vouched_home(fig(_read("其中，有效注册商标累计达70506件。"), "70506"))


# 2. a town's or a zone's figures are not the district's

def test_a_town_or_zone_heading_the_clause_is_an_actor() -> None:
    for text, value in (("今年以来，城厢镇开展质量帮扶，服务企业120家。", "120"),
                        ("今年以来，城厢镇新增市场主体300户。", "300"),
                        ("全年，东盟经济开发区新增高新技术企业15家。", "15")):
        assert not _vouched_home(fig(_read(text, "武鸣区"), value), "武鸣区"), text
    assert _vouched_home(fig(_read("今年以来，新增市场主体300户。", "武鸣区"), "300"), "武鸣区")
    assert _vouched_home(fig(_read("全年，新增高新技术企业15家。", "武鸣区"), "15"), "武鸣区")


# 3. a project's expected output is not the place's target

def test_a_projects_expected_output_is_not_the_places_target() -> None:
    o = fig(_read("该项目建成后，预计年产值可达50亿元。"), "5000000000")
    assert not _vouched_home(o)
    assert not _vouched_home(fig(_read("甲项目全部达产后，预计年产值可达50亿元。"), "5000000000"))
    o = fig(_read("会议要求，今年要力争新增省级企业技术中心10家。"), "10")
    assert _vouched_home(o)


# 4. a chain's leading firm is an actor; a single firm's most is no figure of the place

def test_a_chain_leader_firm_is_an_actor_and_a_single_firms_most_is_not_the_places() -> None:
    assert not _vouched_home(fig(_read("链主企业带动上下游配套企业120家。"), "120"))
    assert not _vouched_home(fig(_read("围绕产业链帮扶企业120家。"), "120"))
    assert _vouched_home(fig(_read("重点培育产业链8条。"), "8"))
    assert _vouched_home(fig(_read("实施强链项目25个。"), "25"))
    ex = _read("全市新增注册商标5200件，其中单个企业最多申请注册商标86件。")
    assert _vouched_home(fig(ex, "5200")) and not _vouched_home(fig(ex, "86"))
    ex = _read("甲、乙两条产业链入选省级项目，另确定八个市级项目。")
    assert _vouched_home(fig(ex, "2")) and not low(fig(ex, "8"))
    ex = _read("全市已建成质量服务站群，在青秀区布局机械、食品等5个产业服务站。")
    assert _vouched_home(fig(ex, "5"))


# 5. flows over months end no stock period

def test_flows_counted_over_months_keep_their_span() -> None:
    ex = _read("1-10月，全市累计抽检食品3000批次，累计查处案件320件。")
    for value in ("3000", "320"):
        assert fig(ex, value).period != "2024-10-31", fig(ex, value).period
    assert fig(_read("1-10月，全市有效注册商标累计达17906件。"), "17906").period == "2024-10-31"
    assert fig(_read("1-10月，全市质量服务站累计达50个。"), "50").period == "2024-10-31"
    assert fig(_read("1-10月，全市检验检测机构累计达350家。"), "350").period == "2024-10-31"


# 6. a level followed by 以上 is no exact level

def test_a_level_or_above_is_not_exactly_that_level() -> None:
    o = fig(_read("全市拥有市级以上企业技术中心86家。"), "86")
    assert o.level is None or o.level.name != "MUNICIPAL"
    o = fig(_read("全市拥有国家级企业技术中心6家、省级以上企业技术中心86家。"), "86")
    assert o.level is None or o.level.name not in ("NATIONAL", "PROVINCIAL")
    o = fig(_read("全市拥有市级企业技术中心86家。"), "86")
    assert o.level is not None and o.level.name == "MUNICIPAL"


# 8. a rounded figure is restated only by the same subject's same measure

def test_a_rounded_figure_is_restated_only_by_its_own_measure_and_subject() -> None:
    ex = _read("全市开展计量培训，培训人员500余人，为520人颁发证书。")
    assert not any(o.measure == "培训人员" and str(o.value) == "520" for o in ex.observations)
    ex = _read("南宁市注册商标超5万件\n甲集团拥有注册商标5.2万件。")
    assert not any(str(o.value) == "52000" and _vouched_home(o) for o in ex.observations)
    ex = _read("全市有效注册商标突破11万件，达113233件。")
    assert _vouched_home(fig(ex, "113233")) and not any(str(o.value) == "110000" for o in ex.observations)
    ex = _read("南宁市注册商标超5万件\n全市拥有注册商标5.2万件。")
    assert _vouched_home(fig(ex, "52000")) and not any(str(o.value) == "50000" for o in ex.observations)


# 9. a domain lead names a breakdown only with a category word

def test_a_domain_lead_without_a_category_is_no_breakdown() -> None:
    for text in ("在市场监管领域，全年共抽查产品2000批次，合格率96.5%。",
                 "在全市重点行业中，共抽查产品2000批次，合格率96.5%。"):
        assert all(o.breakdown not in ("市场监管", "全市重点") for o in _read(text).observations), text
    ex = _read("2024年，某市开展产品质量监督抽查。在电子电器领域，抽查85批次，合格率为93.2%。")
    assert fig(ex, "85").breakdown == "电子电器" and fig(ex, "93.2").breakdown == "电子电器"


# 10. an outcomes label after a target paragraph is no target

def test_an_outcomes_label_ends_the_targets() -> None:
    ex = _read("到2025年，全市质量总体水平显著提升。\n主要成效：全市新增注册商标5200件，抽检合格率达98%。")
    assert fig(ex, "5200").breakdown != "目标" and fig(ex, "98").breakdown != "目标"
    ex = _read("到2025年，全市质量整体水平稳步提升。\n产品质量：制造业产品质量合格率达到95%以上。")
    assert (fig(ex, "95").breakdown, fig(ex, "95").period) == ("目标", "2025")

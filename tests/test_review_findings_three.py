"""False facts a third review reproduced, each on our own minimal sentence, with a case showing the rule
still does its job on the shape it was written for."""

from __future__ import annotations

import datetime as dt

from extraction_helpers import fig, low, read

from qgraph.model import Kind

CITY = dict(place="柳州市", title="柳州市质量工作总结")


# -- 1. a count of what a group's members did is no count of its members --------------------------------

def test_1_what_the_members_checked_is_not_the_groups_membership() -> None:
    o = fig(read("柳州市质量强市工作领导小组各成员单位共检查企业320家。", **CITY), "320")
    assert o.subject is None or o.subject.kind is not Kind.GOVERNMENT_BODY
    assert o.measure != "成员单位"


def test_1_the_count_of_member_units_is_still_the_groups() -> None:
    o = fig(read("市场监管局等37个单位调整充实为柳州市质量强市工作领导小组成员。", **CITY), "37")
    assert o.subject.kind is Kind.GOVERNMENT_BODY and o.measure == "成员单位"
    o = fig(read("柳州市质量强市工作领导小组有成员单位32家。", **CITY), "32")
    assert o.subject.kind is Kind.GOVERNMENT_BODY


# -- 2. a verb between a place and a group's ending is a sentence's lead, no part of the name -----------

def _groups(text: str) -> list[str]:
    return [e.name for e in read(text, **CITY).entities if e.kind is Kind.GOVERNMENT_BODY]


def test_2_a_place_acting_on_a_group_names_no_group_of_that_name() -> None:
    assert not any("调整" in n for n in _groups("柳州市调整质量强市工作领导小组。"))
    assert not any("推动" in n for n in _groups("柳州市推动各县建立质量强县工作领导小组。"))


def test_2_a_placed_group_is_still_read() -> None:
    assert "柳州市质量强市工作领导小组" in _groups("柳州市质量强市工作领导小组召开会议。")


# -- 3. 此次抽查 after several checks points to none the rules can tell ----------------------------------

REPORT = dict(place="柳州市", title="柳州市2017年产品质量监督抽查情况", date=dt.date(2018, 1, 20))
FOLLOW = "此次抽查中，跟踪抽查上年不合格企业10家。"


def test_3_a_follow_up_after_two_checks_is_not_given_to_the_first() -> None:
    text = "2017年，全市接受国家监督抽查产品120批次。自治区监督抽查产品300批次。" + FOLLOW
    o = fig(read(text, **REPORT), "10")
    assert low(o) or "国家" not in o.subject.name


def test_3_a_follow_up_inside_the_one_check_is_still_its() -> None:
    text = "2017年，柳州市产品质量监督抽查共抽查300批次。" + FOLLOW
    o = fig(read(text, **REPORT), "10")
    assert o.subject.name == "产品质量监督抽查" and o.breakdown == "跟踪抽查" and not low(o)


# -- 4. the last of bare numbers after 分别 is no figure of the whole -----------------------------------

def test_4_the_last_of_a_bare_number_run_is_not_the_checks() -> None:
    ex = read("柳州市食品和药品抽检合格率较上年分别提高1和2个百分点。", **CITY)
    assert low(fig(ex, "2"))
    assert low(fig(read("全市食品、药品分别抽检1200、800批次。", **CITY), "800"))


def test_4_a_change_of_its_own_is_still_read() -> None:
    assert not low(fig(read("全市抽检合格率为97%，较上年提高1.2个百分点。", **CITY), "97"))
    o = fig(read("柳州市、桂林市分别新增注册商标1200件、800件。", **CITY), "800")
    assert o.subject.name == "桂林市" and not low(o)


# -- 5. sizes of firms listed one after another are peers, none the whole of the next --------------------

def test_5_each_size_of_firm_keeps_its_own_measure_and_breakdown() -> None:
    ex = read("全市大型企业12家，中型企业30家，小微企业500家。", **CITY)
    for value, size in (("12", "大型企业"), ("30", "中型企业")):
        o = fig(ex, value)
        assert o.measure == size and o.breakdown == size, o
    o = fig(ex, "500")
    assert o.measure == "小微企业" and o.breakdown in (None, "小微企业"), o


def test_5_a_sector_after_its_total_still_takes_the_totals_measure() -> None:
    o = fig(read("全市地理标志商标500件，其中，种植业390件。", **CITY), "390")
    assert o.measure == "地理标志商标" and o.breakdown == "种植业"


# -- 6. an item marker (一是) is no part of a check's name ---------------------------------------------

def test_6_an_item_marker_names_no_check() -> None:
    ex = read("一是抽检合格率提高。全市抽检合格率为97.5%。", **CITY)
    assert not any(e.name.startswith("一是") for e in ex.entities)
    assert fig(ex, "97.5").subject.kind is Kind.PRODUCT_SPOT_CHECK


def test_6_a_check_without_a_marker_is_still_named() -> None:
    ex = read("全市产品质量监督抽查合格率为97.5%。", **CITY)
    assert fig(ex, "97.5").subject.name == "产品质量监督抽查"


# -- 7. 去年以来 is a span up to the year of writing, not last year ---------------------------------------

def test_7_since_last_year_is_not_last_years() -> None:
    o = fig(read("去年以来，全市共培训企业300家。", place="柳州市", date=dt.date(2018, 11, 20)), "300")
    assert o.period != "2017"


def test_7_last_year_alone_is_still_last_years() -> None:
    o = fig(read("去年，全市共培训企业300家。", place="柳州市", date=dt.date(2018, 11, 20)), "300")
    assert o.period == "2017"


# -- 8. two firms joined by 和 are two names, never one firm holding both figures ------------------------

def test_8_two_firms_joined_are_no_one_firm() -> None:
    for text in ("甲公司和乙公司分别获得专利12项、8项。", "甲公司和乙公司分别获得专利12项。"):
        ex = read(text, **CITY)
        assert not any("和" in e.name for e in ex.entities if e.kind is Kind.ENTERPRISE), text
        o = fig(ex, "12")
        assert o.subject is None or "和" not in o.subject.name, o


def test_8_two_long_firm_names_still_take_their_own_figures() -> None:
    ex = read("柳州甲机械有限公司和柳州乙汽车有限公司分别获得专利12项、8项。", **CITY)
    assert fig(ex, "12").subject.name == "柳州甲机械有限公司"
    assert fig(ex, "8").subject.name == "柳州乙汽车有限公司"


# -- 9. places and numbers after 分别 that count differently pair with nothing -----------------------------

def test_9_two_places_three_numbers_pair_with_nothing() -> None:
    ex = read("柳州市和桂林市分别新增注册商标1200件、800件和300件。", **CITY)
    for value in ("1200", "800", "300"):
        o = fig(ex, value)
        assert o.subject is None or o.subject_inferred or o.confidence <= 0.45, o


def test_9_two_places_two_numbers_still_pair() -> None:
    ex = read("柳州市、桂林市分别新增注册商标1200件、800件。", **CITY)
    assert fig(ex, "1200").subject.name == "柳州市" and not fig(ex, "1200").subject_inferred
    assert fig(ex, "800").subject.name == "桂林市"


# -- 10. a year in a relative clause describing the counted firms is not the count's period --------------

def test_10_the_year_of_an_earlier_failure_is_no_period() -> None:
    o = fig(read("本次抽查中，2016年抽查不合格的企业有15家。", place="柳州市", date=dt.date(2018, 3, 1)), "15")
    assert o.period != "2016", o


def test_10_a_year_heading_the_clause_is_still_the_period() -> None:
    for text in ("2016年，全市抽查不合格的企业有15家。", "2016年抽查不合格企业有15家。"):
        o = fig(read(text, place="柳州市", date=dt.date(2018, 3, 1)), "15")
        assert o.period == "2016", (text, o)


# -- 11. the checked firms and 接受 are no part of a check's name ------------------------------------------

def test_11_a_check_name_does_not_begin_with_its_checked_firms() -> None:
    ex = read("全市企业接受国家监督抽查120批次。", **CITY)
    assert not any("接受" in e.name for e in ex.entities)
    assert fig(ex, "120").subject.name == "国家监督抽查"


def test_11_a_check_named_alone_keeps_its_name() -> None:
    assert fig(read("全市国家监督抽查120批次。", **CITY), "120").subject.name == "国家监督抽查"

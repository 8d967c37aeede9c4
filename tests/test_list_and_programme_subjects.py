"""Figures of lists, programmes and consortiums, measures that are not measures, a bureau's share of a
sampling, a meeting's attendance: one test per class, on our own minimal sentences, with negatives."""

from __future__ import annotations

import datetime as dt

from extraction_helpers import fig, low, read
from qgraph.model import Kind

DATE = dt.date(2024, 9, 20)


def _read(text: str, place: str = "福建省"):
    return read(text, place=place, date=DATE)


# 1. a named list's sections


def test_a_lists_total_and_sections_are_the_lists_and_the_verb_is_no_measure() -> None:
    ex = _read("首届“闽江名品”评选结果揭晓，共评出73个，其中工业品58个、农产品7个、服务8个。")
    for v in ("73", "58", "7", "8"):
        o = fig(ex, v)
        assert o.subject is not None and o.subject.name == "闽江名品", v
        assert o.measure != "共评出"
    assert [fig(ex, v).breakdown for v in ("58", "7", "8")] == ["工业品", "农产品", "服务"]


def test_a_list_named_after_its_first_edition_owns_its_sections() -> None:
    ex = _read("首届“闽江名品”共评出名品73个，其中工业品58个、农产品7个、服务8个。")
    assert {(fig(ex, v).subject.name, fig(ex, v).measure) for v in ("73", "58", "7", "8")} == {("闽江名品", "名品")}


def test_a_quoted_name_after_shoujie_is_a_list_whatever_its_ending_and_its_applicants_are_its() -> None:
    ex = _read("2019年，首届“闽江优选”共评出73个，其中工业品58个、农产品7个、服务8个；共有707家企业申报。")
    for v in ("73", "58", "7", "8", "707"):
        o = fig(ex, v)
        assert o.subject is not None and o.subject.kind is Kind.HONOUR and o.subject.name == "闽江优选", v
    assert fig(ex, "707").measure == "申报企业"


def test_a_quoted_name_without_a_selection_verb_takes_no_figure() -> None:
    o = fig(_read("首批“闽江优选”名单公布，全省新增市场主体1200户。"), "1200")
    assert o.subject is not None and o.subject.kind is Kind.PLACE


def test_sections_separated_by_commas_or_opened_by_baokuo_are_the_lists() -> None:
    for text in ("首届“闽江名品”共评出73个，其中工业品58个，农产品7个，服务8个。",
                 "首届“闽江名品”共评出73个，包括工业品58个、农产品7个、服务8个。"):
        ex = _read(text)
        got = [(fig(ex, v).subject.name, fig(ex, v).measure, fig(ex, v).breakdown) for v in ("58", "7", "8")]
        assert got == [("闽江名品", "闽江名品", "工业品"), ("闽江名品", "闽江名品", "农产品"), ("闽江名品", "闽江名品", "服务")], text


def test_sections_do_not_run_into_the_next_sentence() -> None:
    o = fig(_read("首届“闽江名品”共评出73个，其中工业品58个。全省新增市场主体1200户，农产品7个。"), "7")
    assert o.subject is not None and o.subject.kind is not Kind.HONOUR


# 2. a programme's, a pilot's, a consortium's counts


def test_a_consortiums_members_are_not_vouched_for_the_province() -> None:
    ex = _read("组建新材料质量创新联合体，吸纳企业3家、科研机构1家。")
    assert low(fig(ex, "3")) and low(fig(ex, "1"))
    assert fig(ex, "3").measure == "企业"


def test_a_consortium_set_up_by_a_named_city_does_not_give_its_members_to_the_city() -> None:
    ex = _read("福州市组建新能源质量创新联合体，吸纳企业3家、科研机构1家。", place="福州市")
    assert low(fig(ex, "3")) and low(fig(ex, "1"))


def test_firms_selected_by_a_programme_are_not_vouched_for_the_province() -> None:
    assert low(fig(_read("质量基础设施集成服务基地建设中，有4家企业入选。"), "4"))


def test_pilots_and_demonstration_projects_are_not_vouched_for_the_province() -> None:
    assert low(fig(_read("全省获批国家质量提升行动区域试点13个。"), "13"))
    assert low(fig(_read("全省长三角质量提升示范项目5个。"), "5"))


def test_a_place_s_own_projects_after_a_chain_was_selected_stay_the_places() -> None:
    ex = _read("全省有3条产业链入选质量联动提升项目，另有省级项目9个。")
    o = fig(ex, "9")
    assert o.subject is not None and o.subject.kind is Kind.PLACE and not low(o)


# 3. measures that are not measures


def test_shuliang_closing_a_measure_is_cut() -> None:
    assert fig(_read("全省标准创新型企业数量156家。"), "156").measure == "标准创新型企业"
    assert fig(_read("全省地理标志保护产品数量达9个。"), "9").measure == "地理标志保护产品"


def test_each_winners_prize_money_is_no_sum_of_the_province() -> None:
    assert low(fig(_read("对获奖企业分别给予人民币100万元奖励。"), "1000000"))
    o = fig(_read("对获奖企业分别给予人民币100万元。"), "1000000")
    assert low(o) and o.measure == "奖励"


def test_a_measure_that_holds_shuliang_inside_keeps_it() -> None:
    o = fig(_read("全省有效注册商标数量增长率为12%。"), "12")
    assert o.measure is not None and "数量" in o.measure


# 4. a bureau's own share of a sampling


def test_parts_of_a_short_named_bureaus_share_are_the_checks_at_the_city_tier() -> None:
    ex = _read("市局完成的4068批次抽检中，普通食品3108批次，检出不合格158批次。", place="福州市")
    assert low(fig(ex, "4068")) or fig(ex, "4068").subject.kind is Kind.DEPARTMENT
    for v in ("3108", "158"):
        o = fig(ex, v)
        assert o.subject is not None and o.subject.kind is not Kind.PLACE and o.breakdown == "市级", v


def test_a_short_named_bureaus_share_is_the_bureaus_when_the_report_names_it_in_full() -> None:
    ex = _read("福州市市场监督管理局发布抽检情况。市局完成的4068批次抽检中，普通食品3108批次，检出不合格158批次。",
               place="福州市")
    o = fig(ex, "4068")
    assert o.subject is not None and o.subject.name == "福州市市场监督管理局" and not low(o)
    assert fig(ex, "3108").subject == o.subject and fig(ex, "3108").breakdown == "普通食品"


def test_a_full_named_bureaus_share_total_is_the_bureaus_not_the_checks() -> None:
    ex = _read("福州市市场监督管理局发布抽检情况。市市场监督管理局完成的4068批次抽检中，普通食品3108批次。",
               place="福州市")
    assert fig(ex, "4068").subject.kind is Kind.DEPARTMENT


def test_a_short_named_bureau_of_another_tier_leaves_the_share_total_unvouched() -> None:
    ex = _read("福建省市场监督管理局发布抽检情况。市局完成的4068批次抽检中，普通食品3108批次。", place="福州市")
    o = fig(ex, "4068")
    assert low(o)


# 5. a county meeting's attendance


def test_a_meetings_attendance_is_the_meetings() -> None:
    o = fig(_read("县委召开质量工作会议，29个单位参加会议。", place="闽清县"), "29")
    assert o.subject is not None and o.subject.kind is Kind.MEETING and o.measure == "参会单位"


def test_attendance_closing_a_sentence_about_a_meeting_is_not_vouched_for_the_county() -> None:
    o = fig(_read("近日，我县召开质量工作联席会议，县委常委出席，29个成员单位负责人参加。", place="闽清县"), "29")
    assert o.subject is None or o.subject.kind is not Kind.PLACE or low(o)


def test_people_attending_stay_a_head_count() -> None:
    o = fig(_read("近日，闽清县召开质量强县工作推进会，120余人参加会议。", place="闽清县"), "120")
    assert o.measure == "参加人数"

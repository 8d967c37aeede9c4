"""One regression test per rule of :mod:`qgraph.extract.vouching` — a figure fallen back to the document's
place keeps it only when the text vouches for it — and for comparison baselines, on our own minimal
sentences: each rule with a vouched case and a case where nothing vouches (the figure is marked inferred)."""

from __future__ import annotations

import datetime as dt

from extraction_helpers import fig, low, read

DATE = dt.date(2024, 9, 20)


def _read(text: str, place: str = "南宁市"):
    return read(text, place=place, date=DATE)


def _home(o, place: str = "南宁市") -> bool:
    return o.subject is not None and o.subject.name == place


def test_nothing_vouches_for_a_platforms_or_a_services_counts() -> None:
    ex = _read("依托“青禾通”服务平台为企业开展检验服务30余起，免费检定计量器具100余台次。\n"
               "相继建成甲检测中心等公共服务平台，实施精准帮扶，惠及企业150余家，为企业减负1200多万元。")
    assert low(fig(ex, "100")) and low(fig(ex, "150")) and low(fig(ex, "12000000"))


def test_an_office_setting_its_own_work_is_not_the_places_target() -> None:
    o = fig(_read("2025年，南宁市市场监管局继续围绕六大方面，牵头设定重点质量工作实事项目128项。"), "128")
    assert _home(o) and low(o)


def test_1_the_sentence_naming_the_place_vouches_when_no_actor_stands_between() -> None:
    ex = _read("全市已建成质量服务站群，在青秀区布局机械、食品等5个产业服务站。")
    assert _home(fig(ex, "5")) and not low(fig(ex, "5"))
    ex = _read("全市开展质量提升，甲质量联盟组织，培训企业骨干300人。")
    assert low(fig(ex, "300"))


def test_2_a_vouched_figure_of_the_sentence_carries_on_until_an_actor() -> None:
    ex = _read("全年立案查处质量违法案件53件，罚没款68.4万元。")
    assert not low(fig(ex, "53")) and not low(fig(ex, "684000"))
    ex = _read("全年立案查处质量违法案件53件，甲检测中心开展检测，出具报告800份。")
    assert not low(fig(ex, "53")) and low(fig(ex, "800"))


def test_3_a_stock_of_the_place_is_vouched_but_not_a_lists_count() -> None:
    ex = _read("其中，种植业地理标志商标120件，养殖业45件。")
    assert _home(fig(ex, "120")) and not low(fig(ex, "120")) and not low(fig(ex, "45"))
    o = fig(_read("甲茶、乙米、丙柑等15个地理标志纳入互认互保清单。"), "15")
    assert low(o)


def test_3_a_measure_opening_with_another_place_is_that_places() -> None:
    o = fig(_read("2024年，全市新增注册商标5200件。西乡塘区新增注册商标1743件。"), "1743")
    assert not (_home(o) and not low(o))


def test_4_industry_chain_counts_are_the_places() -> None:
    ex = _read("甲、乙两条产业链入选省级项目，另确定八个市级项目。")
    assert _home(fig(ex, "2")) and not low(fig(ex, "2")) and not low(fig(ex, "8"))


def test_5_a_target_said_by_the_places_own_people_is_vouched() -> None:
    o = fig(_read("会议要求，今年要力争新增省级企业技术中心10家。"), "10")
    assert _home(o) and not low(o)


def test_6_a_sentence_opening_with_a_whole_period_tells_the_places_work() -> None:
    o = fig(_read("全年完成强制检定计量器具18.6万台。"), "186000")
    assert _home(o) and not low(o)
    o = fig(_read("活动当天，共发放宣传资料4500余份。"), "4500")
    assert low(o)


def test_7_a_back_reference_to_the_places_figure_is_vouched() -> None:
    ex = _read("全市制造业产品质量合格率为95.1%。2023年，该指标为94.2%。")
    assert not low(fig(ex, "94.2"))


def test_8_the_paragraphs_place_goes_on_into_a_sentence_with_no_actor() -> None:
    ex = _read("全年全市注册商标4380件。完成商标异议审查153件。")
    assert not low(fig(ex, "153"))
    ex = _read("南宁市召开质量大会。甲平台为企业开展服务，服务企业153家。")
    assert low(fig(ex, "153"))


def test_comparison_baselines_are_never_the_subjects_figures() -> None:
    for text in ("全市产品质量监督抽查合格率为95.2%，高于全区平均水平（93.1%）。",
                 "全市食品抽检合格率95.2%，高于柳州市平均水平（93.1%）。",
                 "全市食品抽检合格率95.2%，较全省平均水平（93.1%）高2.1个百分点。",
                 "全市食品抽检合格率95.2%，高于全国平均水平(93.1%)。"):
        assert not any(str(o.value) == "93.1" for o in _read(text).observations), text


def test_the_places_own_average_is_no_baseline() -> None:
    o = fig(_read("全市平均合格率为96.5%。"), "96.5")
    assert _home(o)


def test_a_place_inside_a_name_the_lexicon_does_not_know_names_no_subject() -> None:
    o = fig(_read("甲农信联社、乙银行、丙银行南宁分行等4家合作银行负责人参加会议。"), "4")
    assert low(o)


def test_a_clause_opening_with_qi_speaks_of_what_came_before() -> None:
    ex = _read("四是城区两个功能区商标量较大，其有效注册商标累计达70506件。")
    assert low(fig(ex, "70506"))
    ex = _read("其中，有效注册商标累计达70506件。")
    assert not low(fig(ex, "70506"))


def test_3_a_place_indicator_after_checks_rates_is_the_places() -> None:
    ex = _read("食品安全监督抽检合格率达到98%以上，制造业产品质量合格率达到94%以上。")
    o = fig(ex, "94")
    assert _home(o) and not low(o)


def test_another_wholes_average_alone_is_a_baseline() -> None:
    ex = _read("全市产品质量监督抽查合格率95.2%（全区平均水平为93.1%）。")
    assert not any(str(o.value) == "93.1" for o in ex.observations)

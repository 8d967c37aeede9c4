"""One regression test per case of :mod:`qgraph.extract.topics` — a figure whose clause or sentence
speaks of a topic that is no place goes to the topic, or is marked inferred — on our own minimal
sentences, plus the place's own figures that stay vouched."""

from __future__ import annotations

import datetime as dt

from extraction_helpers import fig, low, read

DATE = dt.date(2025, 7, 20)


def _read(text: str, place: str = "柳州市"):
    return read(text, place=place, date=DATE)


def test_1_a_quoted_platform_opening_the_clause_owns_its_count() -> None:
    # (with the report's place between, 整合全市48个…, the count is unsure: tests/test_system_scope.py)
    ex = _read("“青禾质量云”服务平台整合48个检测窗口。\n“青禾计量在线监测平台”成功采集320万条计量数据。")
    assert fig(ex, "48").subject.name == "青禾质量云服务平台" and not low(fig(ex, "48"))  # the platform, a Facility
    assert fig(ex, "3200000").subject.name == "青禾计量在线监测平台" and not low(fig(ex, "3200000"))


def test_1_a_centre_of_a_programme_word_is_no_platform() -> None:
    o = fig(_read("截至目前，柳州市共有国家级企业技术中心8家、国家级工程研究中心5家。"), "5")
    assert o.subject is not None and o.subject.name == "柳州市" and not low(o)


def test_2_a_sentence_carrying_on_a_system_gives_its_counts_to_no_one_it_can_vouch_for() -> None:
    # the firms and people the system touches in the place: the system's or the place's, the rules cannot tell
    # (tests/test_system_scope.py); never vouched as the place's own
    ex = _read("柳州市推行首席质量官制度。持续深化首席质量官制度，全市企业参加培训90家，新增首席质量官12人，总人数达140人。")
    for value in ("90", "12", "140"):
        o = fig(ex, value)
        assert o.subject is not None and o.subject.name == "首席质量官制度" and low(o), o


def test_3_a_places_share_of_an_award_is_not_the_places() -> None:
    ex = _read("据悉，广西壮族自治区共9家获奖，柳州市共2家获奖。")
    assert low(fig(ex, "9")) and low(fig(ex, "2"))


def test_3_a_places_share_of_a_mark_is_not_the_places() -> None:
    o = fig(_read("柳州市生产“甲茶”“乙果”等4个产品的11家企业获准使用某某专用标志。"), "11")
    assert low(o)
    o = fig(_read("柳州市首批14家企业获批使用“丙果”地理标志。"), "14")  # another verb of the same kind
    assert low(o)


def test_3_a_plans_first_intake_is_not_the_places_stock() -> None:
    o = fig(_read("全市梳理产业链20个，首批纳入三年行动计划的共有甲、乙、丙等6条产业链。"), "6")
    assert low(o)


def test_3_chains_the_place_holds_stay_the_places() -> None:
    ex = _read("目前，全市共有3条产业链入选省级重点产业链。两条产业链入选省级质量提升项目。")
    assert not low(fig(ex, "3")) and fig(ex, "3").subject.name == "柳州市"


def test_4_a_count_of_representatives_is_a_gatherings() -> None:
    o = fig(_read("9月3日，柳州市举行质量月启动仪式。全市45家质量先进企业代表参加。"), "45")
    assert low(o)


def test_5_a_quoted_list_written_into_the_measure_is_the_lists() -> None:
    o = fig(_read("该局持续优化服务；走访并入库“青禾优品”个体工商户85户。"), "85")
    assert o.subject.name == "青禾优品" and o.subject.kind.value == "CultivationPool" and not low(o)


def test_5_a_quoted_item_in_a_sentence_of_the_place_stays_the_places() -> None:
    o = fig(_read("柳州市现有专精特新“小巨人”企业14家。"), "14")
    assert o.subject is not None and o.subject.name == "柳州市" and not low(o)


def test_6_what_a_department_did_is_the_departments() -> None:
    ex = _read("柳州市市场监督管理局推进质量提升。该局优化企业开办流程，上半年新登记经营主体3200户，帮扶150户个体工商户减免租金40万元。")
    o = fig(ex, "150")
    assert o.subject is not None and o.subject.name == "柳州市市场监督管理局"
    new = fig(ex, "3200")  # what was registered in the city is still the city's
    assert new.subject is not None and new.subject.name == "柳州市" and not low(new)


def test_4_what_took_part_in_a_pilot_is_the_pilots() -> None:
    o = fig(_read("召开了全市质量观摩会，组织5项工程项目开展了智慧工地试点工作。"), "5")
    assert low(o)


def test_a_place_name_glued_to_a_list_before_a_will_verb_is_no_subject() -> None:
    o = fig(_read("公示通过后，南宁老字号品牌将增至96家。", place="南宁市"), "96")
    assert o.subject.name == "南宁老字号" and o.breakdown == "累计"  # the list's running total, not the city's


def test_a_plans_parts_in_the_clause_after_its_title_are_the_plans() -> None:
    o = fig(_read("市局牵头起草《2031年质量强市工作要点》，明确五大方面21项重点任务。"), "21")
    assert o.subject is not None and o.subject.name == "2031年质量强市工作要点" and not low(o)


def test_2_what_a_launched_campaign_did_is_the_campaigns_but_the_places_new_stock_stays() -> None:
    ex = _read("全市18个部门联合开展了2031年“质量月”活动，唱响五支“质量之歌”，新增地理标志商标3件。")
    for value in ("18", "5"):
        o = fig(ex, value)
        assert o.subject is not None and o.subject.name == "质量月" and not low(o), (value, o)
    o = fig(ex, "3")
    assert o.subject is None or o.subject.name != "质量月"


def test_6_what_a_department_named_first_did_for_others_is_the_departments() -> None:
    ex = _read("柳州市市场监督管理局开展质量提升行动，打通关键堵点；走访某某园区9家上游企业。")
    o = fig(ex, "9")
    assert o.subject is not None and o.subject.name == "柳州市市场监督管理局" and not low(o)


def test_6_enforcement_after_a_check_is_not_the_departments() -> None:
    ex = _read("柳州市市场监督管理局已将不合格产品信息移交属地，立案查处31件。")
    o = fig(ex, "31")
    assert o.subject is None or o.subject.name != "柳州市市场监督管理局" or low(o)


def test_3_a_count_of_a_policys_adopters_is_the_policys() -> None:
    ex = _read("柳州市推进质量强市建设。\n柳州等5个市政府出台了《质量强国建设纲要》实施方案。", place="广西壮族自治区")
    o = fig(ex, "5")
    assert o.subject is None or o.subject.name != "广西壮族自治区" or low(o)


def test_a_report_on_a_campaign_gives_what_was_done_later_to_the_campaign() -> None:
    text = ("记者 某某\n金秋九月，柳州市市场监管局等15个部门联合组织开展了全市2031年“质量月”活动，推动质量提升。\n"
            "质量提升方面，相关部门组织开展质量诊断、质量攻关等活动42次，制作宣传视频5个。")
    ex = _read(text)
    for value in ("42", "5"):
        o = fig(ex, value)
        assert o.subject is not None and o.subject.name == "质量月", (value, o)


def test_a_checks_outcome_written_again_without_the_check_is_the_checks() -> None:
    text = ("2月3日，记者从柳州市市场监督管理局了解到，2030年全市食品抽检合格率为98.2%。\n"
            "2030年，全市共完成食品抽检9800批次。检出不合格食品176批次，总体不合格率1.8%，合格率为98.2%。")
    ex = read(text, place="柳州市", date=dt.date(2031, 2, 3))
    check = fig(ex, "9800").subject
    assert check is not None and check.kind.value == "ProductSpotCheck"
    for value in ("176", "1.8"):
        o = fig(ex, value)
        assert o.subject == check and not low(o), (value, o)


def test_counts_of_categories_whose_rate_moved_are_no_outcome_of_the_check() -> None:
    text = ("2030年，全市完成食品抽检9800批次，不合格率为1.8%。"
            "与上年相比，甲类、乙类等12大类食品抽检不合格率有所降低。")
    o = fig(read(text, place="柳州市", date=dt.date(2031, 2, 3)), "12")
    assert low(o) or o.subject is None or o.subject.kind.value != "ProductSpotCheck"

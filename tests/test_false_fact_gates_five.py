"""False figures refused by general gates, on our own minimal sentences: a list's applicants written with an
approximate count, a place's share of a list read as the list's size, holdings read as new awards, exclusions,
restated counts, recommended candidates read as winners."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from extraction_helpers import fig, low, read

DATE = dt.date(2024, 7, 20)


def test_an_approximate_count_of_applicants_before_a_selection_does_not_break_the_list_frame() -> None:
    ex = read("从近300家申报单位中评选出24家单位入选青禾市质量标杆。", place="青禾市", date=DATE)
    assert fig(ex, "24") is not None


def test_a_count_inside_a_frame_setting_things_apart_is_no_figure_of_the_place() -> None:
    ex = read("青岛市（除经开区和2个县（市）外）共有9家企业自愿提出申报。", place="青岛市", date=DATE)
    assert low(fig(ex, "2")), fig(ex, "2")
    assert not low(fig(ex, "9")), fig(ex, "9")  # the area set apart is no area of the figure


def test_a_count_outside_the_frame_is_still_read() -> None:
    ex = read("全市共有9家企业通过审核，其中2个县（市）完成培育任务。", place="青岛市", date=DATE)
    assert not low(fig(ex, "9")), fig(ex, "9")


def test_a_count_pointing_back_at_counted_firms_is_read_once() -> None:
    ex = read("青岛市共有4家组织自愿提出申报2024年度山东省省长质量奖评选，分别是：甲公司、乙公司、丙公司、丁公司。"
              "目前，已征求相关部门意见，同意推荐以上4家组织申报2024年度山东省省长质量奖评选。", place="青岛市", date=DATE)
    assert len([o for o in ex.observations if o.value == 4]) == 1


def test_a_count_pointing_back_with_no_earlier_count_is_kept() -> None:
    ex = read("经征求意见，同意推荐上述4家企业参评。", place="青岛市", date=DATE)
    assert len([o for o in ex.observations if o.value == 4]) == 1


def test_a_size_class_numeral_is_no_count() -> None:
    ex = read("全市规上工业增加值连续三年保持两位数增长。", place="青岛市", date=DATE)
    assert not [o for o in ex.observations if o.value == 2]


def test_a_quota_is_no_award_won() -> None:
    ex = read("今年分配给全市的省长质量奖推荐名额4个。", place="青岛市", date=DATE)
    assert low(fig(ex, "4")), fig(ex, "4")


def test_applicants_of_an_award_keep_the_verb_in_their_measure() -> None:
    ex = read("全市共有7家企业申报山东省省长质量奖。", place="青岛市", date=DATE)
    o = fig(ex, "7")
    assert "申报" in o.measure, o.measure


def test_a_district_s_holdings_in_a_city_report_are_not_the_city_s() -> None:
    ex = read("近年来，全区已培育出山东省省长质量奖企业2家、青岛市市长质量奖企业7家。", place="青岛市", date=DATE)
    assert low(fig(ex, "2")) and low(fig(ex, "7")), (fig(ex, "2"), fig(ex, "7"))


def test_the_city_s_own_word_keeps_the_city_s_holdings() -> None:
    ex = read("近年来，全市已培育出山东省省长质量奖企业2家、青岛市市长质量奖企业7家。", place="青岛市", date=DATE)
    assert not low(fig(ex, "7")), fig(ex, "7")


def test_a_pass_rate_of_two_levels_of_checks_is_not_the_second_check_s() -> None:
    ex = read("全市主要工业产品国家、省级监督抽查合格率稳定在93%以上。", place="青岛市", date=DATE)
    o = fig(ex, "93")
    assert low(o) or o.subject is None or o.subject.name != "省级监督抽查", (o.subject, o.confidence)


def test_a_bare_check_verb_inside_a_named_check_is_part_of_its_scope() -> None:
    ex = read("今年全市开展电动车头盔专项监督检查，共检查企业52家，其中抽查6家企业产品18批次。", place="青岛市", date=DATE)
    assert low(fig(ex, "6")) and low(fig(ex, "18")), (fig(ex, "6"), fig(ex, "18"))
    assert not low(fig(ex, "52")), fig(ex, "52")


def test_a_bare_check_verb_alone_still_names_its_check() -> None:
    ex = read("全市开展产品质量监督抽查，共抽查企业130家。", place="青岛市", date=DATE)
    assert not low(fig(ex, "130")), fig(ex, "130")


def test_a_fraction_s_denominator_is_no_count() -> None:
    ex = read("全市有5家企业获评省长质量奖，占全省获奖总数的三分之一。", place="青岛市", date=DATE)
    assert not [o for o in ex.observations if o.value == 3]


def test_its_area_under_a_title_naming_a_zone_is_not_the_city() -> None:
    ex = read("辖区内甲公司、乙公司2家企业上榜山东省省长质量奖名单。", place="青岛市", date=DATE,
              title="青岛高新区两家企业上榜省长质量奖")
    assert low(fig(ex, "2")), fig(ex, "2")
    ex = read("辖区内甲公司、乙公司2家企业上榜山东省省长质量奖名单。", place="青岛市", date=DATE,
              title="青岛两家企业上榜省长质量奖")
    assert not low(fig(ex, "2")), fig(ex, "2")


def test_another_place_s_figure_after_a_comparing_word_is_a_baseline() -> None:
    ex = read("全市产品抽查合格率达96.4%，远高于江苏省的92.8%。", place="青岛市", date=DATE)
    assert not [o for o in ex.observations if o.value == Decimal("92.8")]
    assert not low(fig(ex, "96.4")), fig(ex, "96.4")


def test_an_award_count_pointed_back_at_with_a_demonstrative_is_read_once() -> None:
    ex = read("会上对8家2023年度山东省省长质量奖获奖企业进行了表彰。这8家获奖企业分别为：甲公司、乙公司等。",
              place="山东省", date=DATE)
    assert len([o for o in ex.observations if o.value == 8]) == 1, [(o.measure, o.subject) for o in ex.observations]


def test_a_carried_programme_is_not_given_a_share_of_another_set_named_in_the_sentence() -> None:
    ex = read("青岛市有136项产品标准成为“企业标准领跑者”。近期，省里确定了全省40家标准化试点企业，青岛12家企业入选。",
              place="青岛市", date=DATE)
    o = fig(ex, "12")
    assert low(o) or o.subject is None or o.subject.name != "企业标准领跑者", (o.subject, o.confidence)


def test_a_subject_named_with_a_measure_s_ending_is_unsure() -> None:
    ex = read("全省制造业产品质量合格率、药品评价性抽检合格率分别达93.15%、99.6%。", place="山东省", date=DATE)
    for v in ("93.15", "99.6"):
        o = fig(ex, v)
        assert low(o) or o.subject is None or not o.subject.name.endswith("率"), (o.subject, o.confidence)


def test_a_group_s_size_and_share_are_not_the_place_s() -> None:
    ex = read("全市组建品牌建设联盟，成员单位由27家企业组成，占全市规上企业的12%。", place="青岛市", date=DATE)
    assert low(fig(ex, "27")) and low(fig(ex, "12")), (fig(ex, "27"), fig(ex, "12"))


def test_a_place_s_share_with_no_group_stays_the_place_s() -> None:
    ex = read("全市新增规上企业130家，占全省的14%。", place="青岛市", date=DATE)
    assert not low(fig(ex, "14")), fig(ex, "14")


def test_a_count_of_checks_is_no_figure_of_a_check_named_by_its_kind() -> None:
    ex = read("今年重点开展11个专项监督检查。", place="青岛市", date=DATE)
    o = fig(ex, "11")
    assert low(o) or o.subject is None or o.subject.name != "专项监督检查", (o.subject, o.confidence)


def test_a_figure_after_second_only_to_another_place_is_a_baseline() -> None:
    ex = read("浙江省全国质量标杆数量达到24个，仅次于广东省的30个。", place="浙江省", date=DATE)
    assert not [o for o in ex.observations if o.value == 30]


def test_a_figure_after_fenbie_in_a_list_of_places_is_not_the_report_s_place_s() -> None:
    ex = read("济南、青岛和烟台的有效注册商标数量位居全省前三，分别拥有25万件、31万件和12万件。", place="山东省", date=DATE)
    for v in ("250000", "310000", "120000"):
        o = fig(ex, v)
        assert low(o) or (o.subject is not None and o.subject.name != "山东省"), (o.subject, o.confidence)


def test_a_figure_after_fenbie_with_no_listed_places_stays_the_place_s() -> None:
    ex = read("全省新增省长质量奖企业8家，分别为甲公司、乙公司等。", place="山东省", date=DATE)
    assert not low(fig(ex, "8")), fig(ex, "8")


def test_figures_of_a_sentence_headed_by_a_counted_group_are_the_group_s() -> None:
    ex = read("全省共有8家企业获山东省省长质量奖。这8家获奖企业中，获得国家和省部级科技奖420项。", place="山东省", date=DATE)
    o = fig(ex, "420")
    assert low(o), (o.subject, o.confidence)


def test_a_figure_of_a_sentence_with_no_group_head_is_kept() -> None:
    ex = read("全省企业获得国家和省部级科技奖420项。", place="山东省", date=DATE)
    assert [o for o in ex.observations if o.value == 420 and not low(o)], [(o.subject, o.confidence) for o in ex.observations]


def test_last_year_s_level_after_a_comparing_word_is_not_this_year_s() -> None:
    ex = read("全市专精特新企业达到310家，比上年的250家增加60家。", place="青岛市", date=DATE)
    o = fig(ex, "250")
    assert low(o) or (o.period or "").startswith("2023"), (o.period, o.measure, o.confidence)


def test_last_year_s_level_read_with_last_year_is_kept() -> None:
    ex = read("全市抽检合格率98.3%，较去年同期的97.2%提高1.1个百分点。", place="青岛市", date=DATE)
    o = fig(ex, "97.2")
    assert not low(o) and o.period == "2023", (o.period, o.confidence)


def test_how_many_parts_a_plan_has_is_no_figure_of_the_place() -> None:
    ex = read("2024年，全市市场监管部门将重点做好六个方面工作。", place="青岛市", date=DATE)
    assert low(fig(ex, "6")), fig(ex, "6")


def test_a_province_naming_an_honour_is_not_the_city_s_figure_s_subject() -> None:
    ex = read("目前我市拥有省政府质量奖9项；山东省名牌产品118项，有效注册商标14500件。", place="青岛市", date=DATE)
    for v in ("118", "14500"):
        o = fig(ex, v)
        assert low(o) or o.subject is None or o.subject.name != "山东省", (v, o.subject, o.confidence)


def test_a_province_s_own_figure_in_a_city_report_stays_the_province_s() -> None:
    ex = read("山东省有效注册商标达到300万件。", place="青岛市", date=DATE)
    o = fig(ex, "3000000")
    assert not low(o) and o.subject is not None and o.subject.name == "山东省", (o.subject, o.confidence)


def test_a_higher_place_s_award_total_in_a_city_report_is_not_the_city_s_share() -> None:
    ex = read("第六届山东省省长质量奖共评出12家企业，我市甲公司、乙公司2家企业获奖。", place="青岛市", date=DATE)
    whole = fig(ex, "12")
    assert whole.place == "山东省", (whole.subject, whole.place)


def test_a_city_s_share_of_a_higher_place_s_award_keeps_the_city() -> None:
    ex = read("全市共有9家企业获山东省省长质量奖。", place="青岛市", date=DATE)
    o = fig(ex, "9")
    assert o.place == "青岛市", (o.subject, o.place)


def test_a_city_report_s_count_with_gongyou_stays_the_city_s_share() -> None:
    ex = read("全市新增品牌企业21家，近三年共有四家企业获得山东省省长质量奖。", place="青岛市", date=DATE)
    o = fig(ex, "4")
    assert o.place == "青岛市", (o.subject, o.place)


def test_a_figure_reached_after_a_planned_one_is_no_target() -> None:
    ex = read("今年全市计划抽查产品400批次，截至6月底已完成230批次。", place="青岛市", date=DATE)
    assert fig(ex, "230").breakdown != "目标", fig(ex, "230")
    assert fig(ex, "400").breakdown == "目标", fig(ex, "400")


def test_a_plan_with_words_between_its_lead_and_verb_is_a_target() -> None:
    ex = read("我市将构建育苗体系，计划全年新培育市级专精特新企业260家。", place="青岛市", date=DATE)
    assert fig(ex, "260").breakdown == "目标", fig(ex, "260")


def test_a_result_after_a_plan_word_far_before_stays_a_result() -> None:
    ex = read("全市按照年度计划，新培育市级专精特新企业260家。", place="青岛市", date=DATE)
    assert fig(ex, "260").breakdown != "目标", fig(ex, "260")


def test_a_province_naming_a_standard_after_the_report_s_place_gives_the_figure_to_that_place() -> None:
    ex = read("截至2024年底，长兴县已培育市级企业技术中心6家；共制修订国家标准3项，浙江省地方标准4项，"
              "获批“浙江标准”项目5个。", place="长兴县", date=DATE)
    for v in ("4", "5"):
        o = fig(ex, v)
        assert o.subject is not None and o.subject.name == "长兴县" and not low(o), (v, o.subject, o.confidence)


def test_a_province_naming_a_standard_with_no_owner_named_is_inferred() -> None:
    ex = read("会上通报，浙江省地方标准4项通过审定。", place="长兴县", date=DATE)
    o = fig(ex, "4")
    assert low(o) or o.subject is None or o.subject.name != "浙江省", (o.subject, o.confidence)


def test_a_count_of_parts_closing_a_list_of_them_is_no_figure() -> None:
    ex = read("报告通过汇总市场主体概况、产品质量监督抽查、投诉处理6个方面的数据，对本市质量状况作了分析。", place="青岛市", date=DATE)
    assert low(fig(ex, "6")), fig(ex, "6")


def test_a_count_of_things_after_a_list_stays_a_figure() -> None:
    ex = read("全市新培育甲、乙两个区的企业技术中心6个。", place="青岛市", date=DATE)
    assert not low(fig(ex, "6")), fig(ex, "6")


def test_a_count_framing_what_follows_restates_the_earlier_figure() -> None:
    ex = read("本次抽查发现30批次产品不合格。在抽查发现的30批次不合格产品中，12批次属安全指标问题。",
              place="青岛市", date=DATE)
    assert len([o for o in ex.observations if o.value == 30]) == 1
    assert fig(ex, "12")


def test_a_figure_in_brackets_is_no_surer_than_the_figure_it_qualifies() -> None:
    ex = read("2024年，某市对流通领域产品组织实施了市级产品质量监督抽查，共抽查200批次。从产品看，电热毯等5个种类产品"
              "110批次，全部合格。合格率不足80%的有电暖器1类产品8批次（不合格4批次）。", place="丽水市", date=DATE)
    whole, part = fig(ex, "8"), fig(ex, "4", "Pici")
    assert low(whole) and low(part), (whole, part)


def test_a_count_an_assessment_covers_is_not_the_place_s_figure() -> None:
    ex = read("2024年度的省级考核涉及具体工作90项，涵盖产品质量、工程质量等领域。", place="青岛市", date=DATE)
    assert low(fig(ex, "90")), fig(ex, "90")

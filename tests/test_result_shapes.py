"""One regression test per mechanism that keeps a report's done results from reading as something
else: basis phrases, checks named by their level, listed names at a clause head, place chains,
event names, measures cut at the right place, shared values and relative periods — on our own
minimal sentences."""

from __future__ import annotations

import datetime as dt

from qgraph.model import Kind, Level

from extraction_helpers import fig, low, read


def test_basis_phrase_makes_no_target_and_no_period():
    ex = read("根据年度产品质量抽查计划安排，二季度共对6类产品市级监督抽查90批次，合格85批次，抽样合格率94.4%。",
              place="宜昌市", date=dt.date(2023, 8, 1))
    for value in ("90", "85", "94.4"):
        o = fig(ex, value)
        assert o.breakdown != "目标", o
        assert o.period == "2023-Q2", o
    assert fig(ex, "94.4").level is Level.MUNICIPAL  # the check's level, named inside its label


def test_plan_that_sets_a_target_still_does():
    ex = read("按照计划，今年将开展监督抽查200批次。", place="宜昌市", date=dt.date(2023, 3, 1))
    assert fig(ex, "200").breakdown == "目标"


def test_service_quality_phrase_names_no_check():
    ex = read("全县在标准化、检验检测服务水平等方面取得新突破，累计建设社会公用计量标准12个。",
              place="枝江市", date=dt.date(2024, 4, 1))
    o = fig(ex, "12")
    assert o.subject is None or o.subject.kind not in (Kind.TESTING_SERVICE, Kind.PRODUCT_SPOT_CHECK)


def test_listed_quoted_names_are_no_subject():
    ex = read("近日，“枝江柑橘”“枝江白茶”和“枝江米酒”3件地理标志证明商标由国家知识产权局核准注册。",
              place="宜昌市", date=dt.date(2022, 3, 1))
    o = fig(ex, "3")
    assert o.subject is None or o.subject.kind is not Kind.GEOGRAPHICAL_INDICATION


def test_place_chain_is_the_narrowest_place():
    ex = read("截至目前，湖北省宜昌市拥有地理标志证明商标21件。", place="宜昌市", date=dt.date(2022, 3, 1))
    assert fig(ex, "21").subject.name == "宜昌市"


def test_event_named_with_its_place_and_year():
    ex = read("9月10日，以“质量强国”为主题的宜昌市2024年“质量月”宣传活动启动。此次活动由市场监管局牵头，12家单位共同举办。",
              place="宜昌市", date=dt.date(2024, 9, 11))
    events = {e.name for e in ex.entities if e.kind is Kind.EVENT}
    assert "宜昌市2024年“质量月”宣传活动" in events
    assert "“质量月”宣传活动" not in events
    o = fig(ex, "12")
    assert o.subject.name == "宜昌市2024年“质量月”宣传活动"


def test_whole_city_meeting_keeps_its_words_and_takes_its_figures():
    ex = read("12月20日下午，宜昌市召开全市质量大会。各县区负责同志及企业代表共150余人参加了会议。",
              place="宜昌市", date=dt.date(2023, 12, 22))
    assert "全市质量大会" in {e.name for e in ex.entities if e.kind is Kind.MEETING}  # as written
    o = fig(ex, "150")
    assert o.subject.name == "全市质量大会"


def test_measures_not_cut_inside_the_counted_noun():
    ex = read("目前，全市实施卓越绩效管理的组织达到900家。全市每万人口发明专利拥有量为3.1件，发明专利拥有量达800件。"
              "全市拥有中国驰名商标6件、马德里国际注册商标30件，有效发明专利拥有量达到2.5件/万人。",
              place="宜昌市", date=dt.date(2023, 3, 5))
    assert fig(ex, "900").measure == "实施卓越绩效管理的组织"
    assert fig(ex, "3.1").measure == "每万人口发明专利拥有量"
    assert fig(ex, "800").measure == "发明专利拥有量"
    assert fig(ex, "30").measure == "马德里国际注册商标"
    assert fig(ex, "2.5").measure == "每万人口有效发明专利拥有量"


def test_sum_named_after_it_is_that_money():
    ex = read("根据《某县县长质量奖管理办法》，获得县长质量奖的组织将获得8万元的奖励。", place="枝江市", date=dt.date(2019, 5, 1))
    assert fig(ex, "80000").measure == "奖励"


def test_rate_per_head_of_a_check_is_an_indicator_per_1000_people():
    ex = read("全市抽检量达到5.36批次/千人。", place="宜昌市", date=dt.date(2023, 3, 5))
    assert [o.measure for o in ex.observations] == ["每千人抽检量"]  # no count of 5.36 batches


def test_one_value_shared_by_listed_indicators_is_each_ones():
    ex = read("宜昌市地表水环境质量优良比例、市级集中式水源地水质优良比例均为100%。"
              "全市农产品、制造业产品质量合格率达到96%以上。",
              place="宜昌市", date=dt.date(2022, 5, 1))
    measures = {o.measure for o in ex.observations if str(o.value) == "100"}
    assert {"地表水环境质量优良比例", "市级集中式水源地水质优良比例"} <= measures
    assert {o.measure for o in ex.observations if str(o.value) == "96"} == {"农产品质量合格率", "制造业产品质量合格率"}


def test_examples_closed_by_deng_share_no_value_here():
    ex = read("钢筋、水泥等建筑材料合格率均为100%。", place="宜昌市", date=dt.date(2022, 5, 1))
    assert len(ex.observations) == 1


def test_month_only_date_line_is_the_time_of_writing():
    text = "2022年度某奖揭晓\n2023年3月\n目前，全市实施卓越绩效管理的组织达到900家。某公司去年销售收入12亿元。"
    ex = read(text, place="宜昌市", title="2022年度某奖揭晓")
    assert fig(ex, "900").period == "2023-03"
    assert fig(ex, "1200000000").period == "2022"


def test_class_of_programmes_is_no_programme_subject():
    ex = read("全市县级以上政府质量奖组织数量达到300家；其中，获省政府质量奖4家。", place="宜昌市", date=dt.date(2023, 3, 5))
    assert not fig(ex, "300").subject.kind.is_programme


def test_month_window_dates_its_own_sentence_only():
    text = "今年1~10月，全市主要农产品质量安全监测合格率保持在97%以上。全市优良天数比例为95.5%，发明专利拥有量达900件。"
    ex = read(text, place="宜昌市", date=dt.date(2020, 11, 27))
    assert fig(ex, "97").period == "2020-01/2020-10"
    assert fig(ex, "95.5").period == "2020"
    assert fig(ex, "900").period == "2020"


def test_half_year_heading_a_paragraph_still_carries():
    text = "今年上半年，全市抽查产品300批次。全市发明专利拥有量达900件。"
    ex = read(text, place="宜昌市", date=dt.date(2020, 7, 27))
    assert fig(ex, "900").period == "2020-06-30"  # a stock (拥有量) under the half-year: at the window's end
    assert fig(ex, "300").period == "2020-H1"


def test_count_glued_to_a_check_label_is_the_checks():
    ex = read("2023年，全市共对电线电缆、化肥等6类产品质量市级监督抽查120批次，合格率95%。", place="宜昌市", date=dt.date(2023, 8, 1))
    o = fig(ex, "6")
    assert o.subject.kind is Kind.PRODUCT_SPOT_CHECK and o.measure == "产品" and not low(o)


def test_applicants_verb_after_the_noun():
    ex = read("第三届某县县长质量奖申报工作启动后，共有9家单位申报评选。", place="枝江市", date=dt.date(2019, 5, 1))
    assert fig(ex, "9").measure == "申报单位"


def test_approved_items_are_new_ones_without_the_approving_body():
    ex = read("近日，3件地理标志证明商标由国家知识产权局核准注册。", place="宜昌市", date=dt.date(2022, 2, 18))
    o = fig(ex, "3")
    assert o.measure == "地理标志证明商标" and o.breakdown == "新增"
    ex = read("全县有2件地理标志证明商标新获核准。", place="枝江市", date=dt.date(2023, 5, 1))
    assert fig(ex, "2").measure == "地理标志证明商标"


def test_classes_compared_before_a_check_word_stay_as_they_were():
    ex = read("从品种看，粮食加工品、肉制品等2大类食品监督抽检不合格率分别为0.4%、0.6%。", place="宜昌市", date=dt.date(2024, 8, 1))
    assert fig(ex, "2").measure != "大类食品"


def test_one_category_holding_a_list_mark_is_not_split():
    ex = read("全市食用油、油脂及其制品合格率为97.2%。", place="宜昌市", date=dt.date(2024, 8, 1))
    assert len([o for o in ex.observations if str(o.value) == "97.2"]) == 1

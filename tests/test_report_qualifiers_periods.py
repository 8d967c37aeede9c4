"""Qualifiers and periods of report figures: a category sampled after the batch count, levels before a
count, carried periods. One regression test per mechanism, on our own minimal sentences."""

from __future__ import annotations

import datetime as dt

from tests.extraction_helpers import fig, low, read


# -- a category written after the check's batch count ------------------------------------------------

def test_category_after_the_batch_count_qualifies_its_part_of_the_check() -> None:
    ex = read("近日，某市市场监管局开展了产品质量监督抽查。其中，抽查12家生产企业的30批次电线电缆产品，2批次不合格；"
              "抽查6家生产企业的9批次插座产品，4批次不合格。", place="某市", date=dt.date(2024, 5, 1))
    for value, unit in (("12", "Jia"), ("30", "Pici"), ("2", "Pici")):
        assert fig(ex, value, unit).breakdown == "电线电缆"
    for value, unit in (("6", "Jia"), ("9", "Pici"), ("4", "Pici")):
        assert fig(ex, value, unit).breakdown == "插座"
        assert not low(fig(ex, value, unit))


def test_a_generic_word_before_products_is_no_category() -> None:
    ex = read("近日，某市开展了产品质量监督抽查，抽查35批次各类产品，3批次不合格。", date=dt.date(2024, 5, 1))
    assert fig(ex, "35", "Pici").breakdown is None


# -- a level written before each count ------------------------------------------------------------------

def test_level_before_each_count_of_a_list_is_that_count_s_level() -> None:
    ex = read("省级30个部门、市级210个部门、县级900个部门的涉企信息实现归集。", place="某省", date=dt.date(2024, 5, 1))
    levels = {v: fig(ex, v, "Ge").level for v in ("30", "210", "900")}
    assert {v: lv.value if lv else None for v, lv in levels.items()} == {
        "30": "Provincial", "210": "Municipal", "900": "County"}


def test_a_level_word_inside_a_longer_word_is_no_lead() -> None:
    ex = read("全市有县级以上部门共12个部门参与。", date=dt.date(2024, 5, 1))
    assert fig(ex, "12", "Ge").level is None


# -- a city's time-honoured brands ------------------------------------------------------------------------

def test_a_city_s_time_honoured_brand_list_is_a_programme() -> None:
    from qgraph.model import Kind
    ex = read("某协会组织开展了第五批济南老字号认定工作，共有8家企业参加申报。", place="济南市", date=dt.date(2024, 5, 1))
    assert any(e.kind is Kind.HONOUR and e.name == "济南老字号" for e in ex.entities)


# -- counted lists of geographical indications ---------------------------------------------------------------

def test_a_counted_list_registered_as_indications_gives_each_item_its_county_stays_a_place() -> None:
    from qgraph.model import Kind
    ex = read("去年，相继有沂河粉条(沂南县)、蒙山蜂蜜、岱崮小米(蒙阴县)等3个产品，在国家知识产权局成功注册为地理标志证明商标。",
              place="临沂市", date=dt.date(2024, 5, 1))
    gis = {e.name for e in ex.entities if e.kind is Kind.GEOGRAPHICAL_INDICATION}
    assert gis == {"沂河粉条", "蒙山蜂蜜", "岱崮小米"}
    assert {"沂南县", "蒙阴县"} <= {e.name for e in ex.entities if e.kind is Kind.PLACE}


def test_quoted_indications_written_one_after_another_with_their_count() -> None:
    from qgraph.model import Kind
    ex = read("全省生产“沂河粉条” “蒙山蜂蜜”等2个产品的6家企业获准使用地理标志专用标志。", place="山东省",
              date=dt.date(2024, 5, 1))
    assert {"沂河粉条", "蒙山蜂蜜"} <= {e.name for e in ex.entities if e.kind is Kind.GEOGRAPHICAL_INDICATION}


def test_a_list_with_another_count_than_its_items_gives_no_indications() -> None:
    from qgraph.model import Kind
    ex = read("相继有沂河粉条、蒙山蜂蜜等5个产品注册为地理标志证明商标。", place="临沂市", date=dt.date(2024, 5, 1))
    assert not {"沂河粉条", "蒙山蜂蜜"} & {e.name for e in ex.entities if e.kind is Kind.GEOGRAPHICAL_INDICATION}


def test_a_doer_before_the_national_mark_is_no_indication() -> None:
    from qgraph.model import Kind
    ex = read("近年来，某市广泛宣传国家地理标志证明商标扶持政策，提高地理标志产品知名度。", place="临沂市", date=dt.date(2024, 5, 1))
    assert not [e for e in ex.entities if e.kind is Kind.GEOGRAPHICAL_INDICATION]


# -- bylines of print layouts and datelines ----------------------------------------------------------------------

def _doc(text: str, publisher: str | None = None):
    from qgraph.extract import extract
    from qgraph.model import Document
    from qgraph.sources import split_sentences
    return extract(Document("t", "t.txt", text, date=dt.date(2024, 5, 1), place="某市", publisher=publisher,
                            sentences=split_sentences(text)))


def _names(ex, kind_name: str) -> set[str]:
    return {e.name for e in ex.entities if e.kind.name == kind_name}


def test_a_marked_byline_line_names_its_people_and_the_house_outlet() -> None:
    ex = _doc("□赵明远 本报记者 钱小雨\n5月1日，某市召开质量工作会议。", publisher="某市日报")
    assert {"赵明远", "钱小雨"} <= _names(ex, "PERSON")
    assert "某市日报" in _names(ex, "MEDIA")


def test_dateline_brackets_with_only_names_name_people() -> None:
    ex = _doc("本报讯 (孙明亮)5月1日，某市召开质量工作会议。", publisher="某省质量报")
    assert "孙明亮" in _names(ex, "PERSON") and "某省质量报" in _names(ex, "MEDIA")
    ex = _doc("某某网讯(沂水县市场监督管理局 孙明亮 周小红) 5月1日，某市召开质量工作会议。")
    assert {"孙明亮", "周小红"} <= _names(ex, "PERSON")


def test_no_house_outlet_when_the_publisher_is_no_outlet() -> None:
    ex = _doc("本报讯 (孙明亮)5月1日，某市召开质量工作会议。", publisher="某市市场监督管理局")
    assert "某市市场监督管理局" not in _names(ex, "MEDIA")


def test_a_platform_and_its_paper_are_two_outlets() -> None:
    ex = _doc("本报讯(新某省·某省经济日报记者孙明亮)日前，某市召开质量工作会议。")
    assert {"新某省", "某省经济日报"} <= _names(ex, "MEDIA") and "孙明亮" in _names(ex, "PERSON")


# -- periods ----------------------------------------------------------------------------------------------------

def test_consecutive_years_are_one_period_and_no_count_of_years() -> None:
    ex = read("某局于2022年、2023年连续两年组织实施36项质量提升项目。", place="某省", date=dt.date(2024, 3, 1))
    assert fig(ex, "36", "Xiang").period == "2022/2023"
    assert not [o for o in ex.observations if o.unit == "Nian"]


def test_since_doing_a_thing_carries_the_period_it_was_done_in() -> None:
    ex = read("某局于2022年、2023年连续两年组织实施36项质量提升项目。\n实施提升项目以来，全省新增省级标准化试点项目15个。",
              place="某省", date=dt.date(2024, 3, 1))
    assert fig(ex, "15", "Ge").period == "2022/2023"


def test_a_half_year_window_carries_across_semicolons_of_its_sentence() -> None:
    ex = read("某局推动企业开办提速，今年上半年新登记经营主体4200户；发放惠企贷款1200万元；帮扶88户个体工商户。",
              place="某市", date=dt.date(2024, 7, 20))
    assert fig(ex, "4200", "Hu").period == "2024-H1"
    assert fig(ex, "12000000", "Yuan").period == "2024-H1"


def test_a_year_does_not_carry_across_a_semicolon() -> None:
    ex = read("某局推动企业开办提速，去年新登记经营主体4200户；全市发放惠企贷款1200万元。",
              place="某市", date=dt.date(2024, 7, 20))
    assert fig(ex, "4200", "Hu").period == "2023"
    assert fig(ex, "12000000", "Yuan").period == "2024"


def test_zhici_dates_a_running_total_at_the_report() -> None:
    ex = read("12月15日，某局核准5家企业使用专用标志。至此，全省专用标志使用企业累计已达60家。",
              place="某省", date=dt.date(2023, 12, 16))
    assert fig(ex, "60", "Jia").period == "2023-12-16"


# -- several checks' rates sharing one value ------------------------------------------------------------------------

def test_two_checks_rates_joined_by_he_are_each_check_s_figure() -> None:
    ex = read("2023年，全市蔬菜例行监测合格率和食品抽检合格率均保持在97%以上。", place="某市", date=dt.date(2024, 2, 1))
    got = {(o.subject.name, o.measure) for o in ex.observations if o.unit == "Percent"}
    assert got == {("蔬菜例行监测", "蔬菜例行监测合格率"), ("食品抽检", "食品抽检合格率")}
    assert all(o.period == "2023" and not low(o) for o in ex.observations)


def test_acceptance_rates_listed_with_a_pause_mark_share_the_value() -> None:
    ex = read("2023年，全市房屋工程竣工验收合格率、桥梁项目交工合格率保持100%。", place="某市", date=dt.date(2024, 2, 1))
    assert {o.subject.name for o in ex.observations} == {"房屋工程竣工验收", "桥梁项目交工"}


def test_rates_that_are_no_check_s_stay_one_list_of_indicators() -> None:
    ex = read("2023年，全市制造业产品质量合格率和服务质量满意度合格率均为95%。", place="某市", date=dt.date(2024, 2, 1))
    assert not any(o.subject is not None and o.subject.name.startswith("制造业") for o in ex.observations)


# -- figures that were missed ------------------------------------------------------------------------------------------

def test_a_sampling_rate_per_thousand_people_and_its_baseline_year() -> None:
    ex = read("2023年，全市食品安全监督抽检完成9000批次，抽检量达到4.2批次/千人，比2022年的3.1批次/千人增加了1.1批次/千人。",
              place="某市", date=dt.date(2024, 2, 1))
    now, then = fig(ex, "4.2", "Pici"), fig(ex, "3.1", "Pici")
    assert now.measure == then.measure == "每千人抽检量"
    assert (now.period, then.period) == ("2023", "2022")
    assert not [o for o in ex.observations if str(o.value) == "1.1"]  # a change, no figure


def test_firms_checked_and_firms_passing_of_one_value_are_two_figures() -> None:
    ex = read("2023年上半年，某市共抽查企业18个，合格企业数18个。", place="某市", date=dt.date(2023, 8, 1))
    assert sorted(o.measure for o in ex.observations if o.value == 18) == ["企业", "合格企业数"]


# -- posts ------------------------------------------------------------------------------------------------------------

def _held(ex) -> set[tuple[str, str, str | None]]:
    return {(p.person.name, p.role, p.organization.name if p.organization else None) for p in ex.posts}


def test_posts_opening_a_clause_with_ju_are_the_bureau_s_named_before() -> None:
    ex = read("沂水县市场监督管理局党组书记、局长王明出席，局党组成员、副局长、县知识产权局局长赵强参加活动。",
              place="沂水县", date=dt.date(2024, 5, 1))
    assert {("赵强", "副局长", "沂水县市场监督管理局"), ("赵强", "局长", "沂水县知识产权局")} <= _held(ex)


def test_a_former_post_in_an_international_body_keeps_its_mark() -> None:
    ex = read("会议由某市主办，国际标准化组织原主席孙立新出席会议。", place="沂水县", date=dt.date(2024, 5, 1))
    assert ("孙立新", "原主席", "国际标准化组织") in _held(ex)


# -- events, marks and awards of a trade-mark festival ---------------------------------------------------------------------

def test_an_event_named_with_its_ordinal_and_its_listed_parts() -> None:
    ex = read("12月5日，第八届某某国际茶叶博览节在某地隆重开幕。本届博览节由某某茶业年会、某某茶叶交易会等部分组成。",
              place="沂水县", date=dt.date(2024, 12, 9))
    events = {e.name for e in ex.entities if e.kind.name == "EVENT"}
    assert {"第八届某某国际茶叶博览节", "某某茶业年会", "某某茶叶交易会"} <= events


def test_no_event_from_a_bare_ending_without_ordinal() -> None:
    ex = read("各环节严格把关，春节期间开展抽检。", place="沂水县", date=dt.date(2024, 12, 9))
    assert not [e for e in ex.entities if e.kind.name == "EVENT"]


def test_a_quoted_mark_heading_its_clause_wins_the_award_with_the_year_glued() -> None:
    ex = read("“沂水红薯”地理标志商标以高品质荣获“2020某某品牌博览会金奖”殊荣。", place="沂水县", date=dt.date(2020, 12, 9))
    assert any(x.programme.name == "某某品牌博览会金奖" and [r.name for r in x.recipients] == ["沂水红薯"]
               for x in ex.listings)


def test_quoted_names_closed_by_deng_before_a_kind_word_are_of_that_kind() -> None:
    ex = read("全县重点培育出“沂水红薯”、“沂水板栗”、“沂水蜜桃”等为代表的一批特色商标。", place="沂水县", date=dt.date(2024, 5, 1))
    assert {"沂水红薯", "沂水板栗", "沂水蜜桃"} <= {e.name for e in ex.entities if e.kind.name == "TRADEMARK"}


# -- running totals to come and targets set ------------------------------------------------------------------------------

def test_a_total_the_list_will_reach_is_a_running_total() -> None:
    ex = read("某协会公布了第五批济南老字号名单。公示通过后，济南老字号品牌将增至86家。", place="济南市", date=dt.date(2024, 5, 1))
    o = fig(ex, "86", "Jia")
    assert o.breakdown == "累计" and o.measure == "老字号品牌"


def test_a_rise_from_one_count_to_another_is_no_running_total_to_come() -> None:
    ex = read("全市老字号品牌从40家将增至86家。", place="济南市", date=dt.date(2024, 5, 1))
    assert fig(ex, "86", "Jia").breakdown != "累计"


def test_items_set_for_the_year_are_a_target() -> None:
    ex = read("2025年，某局牵头设定96项重点质量工作实事项目。", place="某省", date=dt.date(2025, 5, 1))
    assert fig(ex, "96", "Xiang").breakdown == "目标"


# -- two measures changing together ------------------------------------------------------------------------------------

def test_a_count_and_a_value_changing_together_give_four_figures_with_their_years() -> None:
    ex = read("全省上榜某某品牌价值评价榜单的企业和品牌总价值分别从2020年的12家、800亿元上升到2023年的20家、1500亿元。",
              place="某省", date=dt.date(2024, 3, 1))
    got = {(int(o.value), o.measure, o.period, o.subject.name if o.subject else None) for o in ex.observations}
    assert got == {(12, "企业和品牌", "2020", "某某品牌价值评价榜单"), (80000000000, "总价值", "2020", "某某品牌价值评价榜单"),
                   (20, "企业和品牌", "2023", "某某品牌价值评价榜单"), (150000000000, "总价值", "2023", "某某品牌价值评价榜单")}
    assert any(e.kind.name == "HONOUR" and e.name == "某某品牌价值评价榜单" for e in ex.entities)


def test_a_quoted_title_before_pingxuan_is_an_honour_and_no_event() -> None:
    ex = read("全省组织进行了“某省质量品牌优秀民营企业30强”评选活动。", place="山东省", date=dt.date(2024, 10, 1))
    assert any(e.kind.name == "HONOUR" and e.name == "某省质量品牌优秀民营企业30强" for e in ex.entities)
    assert not [e for e in ex.entities if e.kind.name == "EVENT"]


def test_a_quality_month_of_another_year_keeps_that_year_and_is_no_target_after_it() -> None:
    ex = read("2022年“质量月”期间，全省共开展质量宣传活动56次。", place="山东省", date=dt.date(2023, 10, 12))
    o = fig(ex, "56", "Ci")
    assert (o.period, o.breakdown) == ("2022-09", None)
    ex = read("“质量月”期间，全市将开展主题活动40项。", place="柳州市", date=dt.date(2025, 9, 2))
    assert (fig(ex, "40").period, fig(ex, "40").breakdown) == ("2025-09", "目标")


def test_nearly_ten_thousand_written_with_the_scale_alone_is_an_approximate_figure() -> None:
    ex = read("通过培训帮助企业解决技术难题，企业年均节省成本近万元。", place="沂水县", date=dt.date(2025, 7, 1))
    o = fig(ex, "10000", "Yuan")
    assert o.qualifier is not None
    ex = read("全县共有万家企业参与。", place="沂水县", date=dt.date(2025, 7, 1))
    assert not [x for x in ex.observations if x.value == 10000]


# -- entity false positives ------------------------------------------------------------------------------------------------

def test_a_half_width_comma_ends_a_list_of_organisations() -> None:
    ex = read("相关部门开展质量改进、质量攻关、质量诊断等活动56次,沂水华通机械有限公司等企业积极参与。", place="沂水县",
              date=dt.date(2024, 5, 1))
    assert not {"质量改进", "质量攻关"} & {e.name for e in ex.entities}


def test_an_act_on_chains_names_no_chain() -> None:
    ex = read("新春伊始，沂水县推出产业链供应链三年行动计划，全面谋划产业链供应链项目。", place="沂水县", date=dt.date(2024, 5, 1))
    assert not [e for e in ex.entities if e.kind.name == "INDUSTRY_CHAIN"]


def test_working_days_are_a_span_of_time_no_figure() -> None:
    ex = read("某协会公布了拟认定名单，公示时间为10个工作日。", place="北京市", date=dt.date(2024, 5, 1))
    assert not ex.observations


def test_a_province_short_form_before_dali_and_a_dateline_city_are_places() -> None:
    ex = read("实施提升项目以来，山东大力推进标准化建设。", place="山东省", date=dt.date(2025, 5, 27))
    assert "山东省" in {e.name for e in ex.entities if e.kind.name == "PLACE"}
    ex = read("本报济南讯(记者张明)日前，某公司获准使用专用标志。", place="山东省", date=dt.date(2025, 5, 27))
    assert "济南市" in {e.name for e in ex.entities if e.kind.name == "PLACE"}


def test_a_province_before_a_level_word_leaves_the_level_to_the_check() -> None:
    ex = read("2017年上半年陕西省级监督抽查覆盖全省12个地市。", place="陕西省", date=dt.date(2017, 7, 31))
    place = next(e for e in ex.entities if e.kind.name == "PLACE" and e.name == "陕西省")
    assert place.span.text == "陕西"
    assert fig(ex, "12", "Ge").subject.name == "省级监督抽查"


def test_a_party_congress_of_the_province_and_an_observation_meeting() -> None:
    ex = read("按照省第十三次党代会的部署，全省召开了全省工程质量数字工地观摩会。", place="山东省", date=dt.date(2022, 10, 12))
    meetings = {e.name for e in ex.entities if e.kind.name == "MEETING"}
    assert "中国共产党山东省第十三次代表大会" in meetings
    assert any(name.endswith("数字工地观摩会") for name in meetings)


def test_a_quoted_means_after_tongguo_is_no_programme_but_a_certification_still_is() -> None:
    ex = read("在某园区，通过“培训+调研”帮助企业解决技术难题。", place="沂水县", date=dt.date(2024, 5, 1))
    assert not [e for e in ex.entities if e.kind.is_programme]
    ex = read("沂水华通机械有限公司通过“泰山品质”认证。", place="沂水县", date=dt.date(2024, 5, 1))
    assert any(x.programme.name == "泰山品质" for x in ex.listings)


def test_an_honour_described_without_a_name_is_no_programme() -> None:
    ex = read("“沂水红薯”是全市唯一获得特色农业商标品牌殊荣的县。", place="沂水县", date=dt.date(2024, 5, 1))
    assert not [e for e in ex.entities if e.kind.is_programme]


def test_a_quoted_contest_is_an_event() -> None:
    ex = read("发挥品牌带动作用，开展“沂蒙品牌故事”微视频比赛。", place="沂水县", date=dt.date(2024, 5, 1))
    assert any(e.kind.name == "EVENT" and "沂蒙品牌故事" in e.name and e.name.endswith("比赛") for e in ex.entities)


def test_a_figure_after_an_area_frame_is_not_the_place_s() -> None:
    ex = read("在某某乳业园区，通过培训帮助企业解决技术难题，年均节省成本近万元。", place="沂水县", date=dt.date(2025, 7, 1))
    assert low(fig(ex, "10000", "Yuan"))
    ex = read("全县通过培训帮助企业年均节省成本近万元。", place="沂水县", date=dt.date(2025, 7, 1))
    assert not low(fig(ex, "10000", "Yuan"))

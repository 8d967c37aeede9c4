"""Statistics-heavy year reviews and trademark reports: one regression test per mechanism, on our own
minimal sentences, each with a negative case."""

from __future__ import annotations

import datetime as dt

from extraction_helpers import fig, low, read
from qgraph.model import Kind, Level


def _read(text: str, place: str = "某省", date: dt.date = dt.date(2024, 5, 10), title: str | None = None):
    return read(text, place=place, date=date, title=title)


# periods: a January review of the past year with no year in its title


def test_a_january_review_with_no_title_year_speaks_of_the_year_before() -> None:
    ex = read("全年共成功发布团体标准7项。本年度新增小微企业120家。", place="兰溪市", date=dt.date(2020, 1, 15), title="这一年")
    assert fig(ex, "7").period == "2019"
    assert fig(ex, "120").period == "2019"


def test_a_review_dated_later_in_the_year_or_with_a_title_year_keeps_its_year() -> None:
    ex = read("全年共成功发布团体标准7项。", place="兰溪市", date=dt.date(2020, 6, 15), title="这一年")
    assert fig(ex, "7").period == "2020"
    ex = read("全年共成功发布团体标准7项。", place="兰溪市", date=dt.date(2020, 1, 15), title="2020年工作要点")
    assert fig(ex, "7").period == "2020"
    ex = read("今年将新增小微企业120家。全年共成功发布团体标准7项。", place="兰溪市", date=dt.date(2020, 1, 15), title="这一年")
    assert fig(ex, "7").period == "2020"  # 今年 in a January text: the year of writing is spoken of too


# respective: places named in one clause, their figures in the next


def test_places_ranked_in_one_clause_take_the_figures_of_the_next_in_order() -> None:
    ex = _read("各设区市有效商标数量位居前三位的分别是泉州、漳州和南平，分别拥有300件、120件和80件。", place="福建省")
    assert [(fig(ex, v).subject.name, fig(ex, v).measure) for v in ("300", "120", "80")] == [
        ("泉州市", "有效商标"), ("漳州市", "有效商标"), ("南平市", "有效商标")]
    assert not any(low(fig(ex, v)) for v in ("300", "120", "80"))


def test_a_paired_list_whose_counts_disagree_pairs_nothing() -> None:
    ex = _read("各设区市有效商标数量位居前三位的分别是泉州、漳州和南平，分别拥有300件和120件。", place="福建省")
    assert fig(ex, "300").subject.name != "泉州市" or low(fig(ex, "300"))


# measures: 商标 opens 商标注册申请 / 商标注册总量


def test_trademark_opens_a_registration_measure() -> None:
    ex = _read("一季度，全省新增商标注册申请900件，商标注册总量达12000件，有效注册商标8000件。")
    assert fig(ex, "900").measure.endswith("商标注册申请")
    assert fig(ex, "12000").measure == "商标注册总量"
    assert fig(ex, "8000").measure == "有效注册商标"


# statistics_shapes: a plan's span of years, a list of programmes, 其中 parts


def test_years_naming_a_plan_are_no_figure() -> None:
    ex = _read("小微企业三年成长计划扎实推进。全省连续3年获评优秀。")
    assert not [o for o in ex.observations if o.unit == "Nian" and o.value == 3 and "计划" in o.measure]
    assert not [o for o in ex.observations if o.unit == "Nian" and o.value == 3]  # a streak is no figure either (连续3年)


def test_money_of_a_list_of_programmes_is_no_single_programmes() -> None:
    ex = _read("兑现驰名商标、某市著名商标奖励资金90万元。", place="兰溪市")
    o = fig(ex, "900000")
    assert low(o) or o.subject.kind is Kind.PLACE


def test_a_part_after_qizhong_is_the_breakdown_of_the_figure_before() -> None:
    ex = _read("全年新增小微企业900家，同比增长20%；其中先进制造业小微企业300家。", place="兰溪市")
    assert fig(ex, "300").breakdown == "先进制造业"
    assert fig(ex, "900").breakdown in (None, "新增")


def test_a_new_count_after_qizhong_or_another_noun_is_no_part() -> None:
    ex = _read("全年授权专利900件；其中发明专利300件。", place="兰溪市")
    part = fig(ex, "300")  # 发明: two characters, no part named; the kind of patent is (figure_qualifiers.py)
    assert part.breakdown != "发明" and (part.measure, part.breakdown) == ("授权专利", "发明专利")
    ex = _read("全年新增小微企业900家；其中新增规上工业企业30家。", place="兰溪市")
    assert fig(ex, "30").breakdown != "新增规上工业"


def test_a_number_with_no_noun_counts_the_quoted_words_or_the_list_before_deng() -> None:
    ex = _read("全年实现“小升规”80家。去年受理续展、转让、变更等5200件。全省发布地方标准12项。")
    assert fig(ex, "80").measure == "小升规"
    assert fig(ex, "5200").measure == "受理续展、转让、变更"
    assert fig(ex, "12").measure == "地方标准"


def test_describing_words_before_de_are_no_counted_noun_nor_a_name() -> None:
    ex = _read("全省建成60个各具特色的商标品牌指导站。")
    assert fig(ex, "60").measure == "商标品牌指导站"
    assert not [e for e in ex.entities if "各具特色" in e.name]


def test_a_share_of_a_whole_is_measured_as_a_share() -> None:
    ex = _read("其中，种植业200件地理标志商标，占全省地理标志商标总量的40.5%。")
    assert fig(ex, "40.5").measure == "地理标志商标占比"
    assert fig(ex, "200").measure == "地理标志商标"


def test_a_share_of_the_whole_place_names_no_measure() -> None:
    ex = _read("三市分别拥有50件、40件和30件，总数占全省55%。")
    assert fig(ex, "55").measure != "占全省"


def test_words_of_applying_are_no_geographical_indication() -> None:
    ex = _read("目前正在申报地理标志保护产品1件。某地莲藕地理标志证明商标获准注册。")
    names = {e.name for e in ex.entities if e.kind is Kind.GEOGRAPHICAL_INDICATION}
    assert "正在申报" not in names and "某地莲藕" in names


def test_an_honour_named_with_its_issuing_place_keeps_the_place_in_its_measure() -> None:
    ex = _read("截至去年底，全市共有驰名商标12件，江苏省著名商标80件，镇江市知名商标150件。", place="镇江市")
    assert fig(ex, "80").measure == "江苏省著名商标" and fig(ex, "80").subject.name == "镇江市"
    assert fig(ex, "150").measure == "镇江市知名商标"
    ex = _read("截至去年底，全市共有省级企业技术中心12家。", place="镇江市")
    assert fig(ex, "12").measure == "企业技术中心"


# periods: the years of a five-year plan


def test_a_five_year_plan_is_its_span_of_years_and_no_campaign() -> None:
    ex = _read("十三五期间，全市主导制定国家标准36项、行业标准52项。", place="泰安市")
    assert fig(ex, "36").period == "2016/2020" and fig(ex, "36").subject.name == "泰安市" and not low(fig(ex, "36"))
    assert fig(ex, "52").level is None  # 行业标准 is its own kind, no national level carried
    ex = _read("“十四五”以来，全市新增地理标志商标5件。", place="泰安市")
    assert fig(ex, "5").period == "2021/2024" and fig(ex, "5").measure == "新增地理标志商标"


def test_a_plan_named_with_its_five_year_period_gives_no_period() -> None:
    ex = _read("2023年，全市印发《“十四五”质量发展规划》，明确任务12项。", place="泰安市")
    assert fig(ex, "12").period == "2023"


# levels vs changes; long per-head measures


def test_a_change_against_an_earlier_time_is_no_figure_but_the_level_is() -> None:
    ex = _read("今年上半年，全省新增驰名商标5件，比去年同期多2件；全省企业300家，较上年增加50家。")
    assert not [o for o in ex.observations if o.value in (2, 50)]
    assert fig(ex, "5").period == "2024-H1"
    ex = _read("较上年同期核准的11家，今年核准18家。")
    assert [o for o in ex.observations if o.value == 11]  # last year's level, no change


def test_a_long_per_head_measure_is_read_whole() -> None:
    ex = _read("全省每万人高价值发明专利拥有量达到12.3件。")
    assert fig(ex, "12.3").measure == "每万人高价值发明专利拥有量"


def test_the_value_risen_to_is_not_of_the_starts_year() -> None:
    ex = _read("全市有效发明专利由2020年的3200件增至5600件。", place="泰安市")
    assert fig(ex, "3200").period == "2020" and fig(ex, "5600").period == "2024"
    ex = _read("截至2023年底，全市有效发明专利由2020年的3200件增至5600件。", place="泰安市")
    assert fig(ex, "5600").period == "2023-12-31"
    ex = _read("全市商标年申请量从2020年的8100件增至2023年的10600件。", place="泰安市")
    assert fig(ex, "10600").period == "2023"


# subjects: what a place holds in total; a firm is no part of its own measure


def test_marks_a_place_holds_in_total_are_its_stock() -> None:
    ex = _read("全市共有驰名商标18件，省著名商标126件。", place="泰安市")
    assert fig(ex, "18").subject.name == "泰安市"
    ex = _read("全市共有12家企业入选好品山东。", place="泰安市")
    assert fig(ex, "12").subject.name == "好品山东"


def test_a_firms_name_is_no_part_of_its_measure() -> None:
    ex = _read("某某集团有限公司现有有效发明专利420件。", place="泰安市")
    assert (fig(ex, "420").subject.name, fig(ex, "420").measure) == ("某某集团有限公司", "有效发明专利")


def test_a_total_of_listed_firms_is_no_stock_held() -> None:
    ex = _read("某局公布第四批“好品山东”品牌名单。全省共有80家企业的90个产品（服务）入选，其中制造业产品50个。", place="山东省")
    assert fig(ex, "80").subject.name == "好品山东"


# entities: the bureau an application is addressed to; a scheme's other spelling


def test_the_provincial_bureau_addressed_by_an_application_is_the_market_regulation_bureau() -> None:
    ex = _read("市市场监管局向省局申报某地青砖茶授权8家企业使用地理标志专用标志。", place="咸宁市")
    assert "湖北省市场监督管理局" in {e.name for e in ex.entities}
    ex = _read("向省局申报某地青砖茶授权8家企业使用地理标志专用标志。", place="咸宁市")
    assert "湖北省市场监督管理局" not in {e.name for e in ex.entities}  # no word of the system: unsure whose bureau
    ex = _read("市市场监管局加强格局。", place="咸宁市")
    assert "湖北省市场监督管理局" not in {e.name for e in ex.entities}


def test_a_scheme_written_with_its_mark_after_it_is_the_scheme() -> None:
    ex = _read("甲纺织等3家企业获得“浙江制造品字标”认证。", place="兰溪市")
    assert "浙江制造" in {e.name for e in ex.entities if e.kind is Kind.CERTIFICATION_SCHEME}
    assert "浙江制造品字标" not in {e.name for e in ex.entities}


# places: listed with a shared measure, a group not named, a share of the whole


def test_places_listed_before_a_shared_measure_take_their_own_figures() -> None:
    ex = _read("丰城市、樟树市有效注册商标分别达到2.1万件、1.5万件。", place="宜春市")
    assert [(fig(ex, v).subject.name, fig(ex, v).measure) for v in ("21000", "15000")] == [
        ("丰城市", "有效注册商标"), ("樟树市", "有效注册商标")]
    ex = _read("种植业、养殖业产品合格率分别为98%、99%。", place="宜春市")
    assert fig(ex, "98").breakdown == "种植业"  # no places: breakdowns as before


def test_figures_of_a_group_of_places_not_named_are_no_figures_of_the_home() -> None:
    ex = _read("三市分别拥有50件、40件和30件。", place="宜春市")
    assert all(low(fig(ex, v)) for v in ("50", "40", "30"))
    ex = _read("全市拥有地理标志商标50件。", place="宜春市")
    assert not low(fig(ex, "50"))


def test_a_districts_share_of_the_whole_city_is_measured_as_a_share() -> None:
    ex = _read("全市有效注册商标12.8万件。其中，袁州区有效注册商标3.2万件，占全市的25%。", place="宜春市")
    assert (fig(ex, "25").subject.name, fig(ex, "25").measure) == ("袁州区", "占全市")


def test_an_adverb_opening_the_verb_ends_the_counted_noun() -> None:
    ex = _read("今年以来，某某电气股份有限公司主导制定的3项国家标准正式发布。", place="温州市")
    assert (fig(ex, "3").subject.name, fig(ex, "3").measure) == ("某某电气股份有限公司", "国家标准")


def test_holders_of_a_title_are_the_titles_count_in_the_place_not_the_places_own() -> None:
    ex = _read("全市有12家企业获评省级知识产权示范企业。", place="湖州市")
    o = fig(ex, "12")  # the title is read as a programme (an unquoted …示范企业): its holders, the city as area
    assert o.subject.kind.is_programme and o.subject.name == "省级知识产权示范企业" and o.place == "湖州市"
    ex = _read("全市拥有省级知识产权示范企业12家。", place="湖州市")
    assert not low(fig(ex, "12"))


def test_a_company_pointed_back_at_keeps_its_figures() -> None:
    ex = _read("某某科技股份有限公司是国家级专精特新企业。该公司拥有有效发明专利86件，主导制定国家标准3项。", place="台州市")
    assert {fig(ex, v).subject.name for v in ("86", "3")} == {"某某科技股份有限公司"}
    ex = _read("该公司拥有有效发明专利86件。", place="台州市")
    assert low(fig(ex, "86"))  # no company named before: whose it is cannot be told


def test_a_gap_to_a_wider_place_is_no_figure() -> None:
    ex = _read("全市制造业产品质量合格率为92.3%，比全省高1.1个百分点。", place="台州市")
    assert [o.value for o in ex.observations] == [fig(ex, "92.3").value]


def test_a_part_of_an_unsure_figure_is_as_unsure() -> None:
    ex = _read("全市新认定市级知识产权示范企业20家，其中制造业企业15家。", place="南城县")
    assert low(fig(ex, "20")) and low(fig(ex, "15"))
    ex = _read("全县新认定市级知识产权示范企业20家，其中制造业企业15家。", place="南城县")
    assert not low(fig(ex, "15"))


def test_a_milestone_word_is_no_counted_noun() -> None:
    ex = _read("全县有效注册商标量突破1万件大关。", place="南城县")
    assert fig(ex, "10000").measure == "有效注册商标量"


# companies: items of a list after 其中, and listed with 分别


def test_companies_listed_after_qizhong_take_their_own_figures() -> None:
    ex = _read("全市企业主导制定国家标准12项，其中甲乙电器有限公司4项、丙丁机械股份有限公司3项。", place="宁波市")
    assert [(fig(ex, v).subject.name, fig(ex, v).measure) for v in ("4", "3")] == [
        ("甲乙电器有限公司", "标准"), ("丙丁机械股份有限公司", "标准")]
    assert fig(ex, "12").subject.name == "宁波市"


def test_companies_listed_with_fenbie_take_their_figures_in_order() -> None:
    ex = _read("甲乙电器有限公司、丙丁机械股份有限公司分别主导制定国家标准4项、3项。", place="宁波市")
    assert [(fig(ex, v).subject.name, fig(ex, v).measure) for v in ("4", "3")] == [
        ("甲乙电器有限公司", "国家标准"), ("丙丁机械股份有限公司", "国家标准")]
    ex = _read("甲乙电器有限公司、丙丁机械股份有限公司分别主导制定国家标准4项。", place="宁波市")
    assert fig(ex, "4").subject.name != "丙丁机械股份有限公司"  # the counts disagree: no pairing


def test_cases_counted_in_qi_are_figures_and_qi_starting_a_word_is_none() -> None:
    ex = _read("全市共查办商标侵权假冒案件156起，移送公安机关9起。", place="衢州市")
    assert fig(ex, "156").unit == "Jian" and fig(ex, "9").unit == "Jian"
    ex = _read("各部门一起开展检查。全市12起草案。", place="衢州市")
    assert not ex.observations


def test_a_part_of_a_year_with_no_year_in_a_report_on_a_past_year_is_that_years() -> None:
    ex = read("一季度，全县新增市场主体2100户。", place="湖州市", date=dt.date(2024, 1, 20), title="湖州市2023年度市场监管工作情况")
    assert fig(ex, "2100").period == "2023-Q1"
    ex = read("今年一季度，全县新增市场主体2100户。", place="湖州市", date=dt.date(2024, 4, 20), title="湖州市2023年度市场监管工作情况")
    assert fig(ex, "2100").period == "2024-Q1"
    ex = read("一季度，全县新增市场主体2100户。", place="湖州市", date=dt.date(2024, 4, 20), title="湖州市一季度市场监管工作")
    assert fig(ex, "2100").period == "2024-Q1"


def test_a_group_of_places_together_or_a_short_place_name_heading_the_clause_is_no_figure_of_the_home() -> None:
    ex = _read("全省有效注册商标246万件，其中福州、厦门、泉州三市占全省的62%。", place="福建省")
    assert low(fig(ex, "62"))
    assert low(fig(_read("晋江有效注册商标12万件。", place="福建省"), "120000"))
    assert not low(fig(_read("全省有效注册商标246万件。", place="福建省"), "2460000"))


def test_a_level_alone_after_qizhong_is_the_measure_before_at_that_level() -> None:
    ex = _read("全省企业技术中心300家，其中国家级20家、省级120家。", place="浙江省")
    assert [(fig(ex, v).measure, fig(ex, v).level) for v in ("20", "120")] == [
        ("企业技术中心", Level.NATIONAL), ("企业技术中心", Level.PROVINCIAL)]


def test_a_quoted_scheme_with_a_verb_of_publishing_gives_a_clean_measure() -> None:
    ex = _read("全省“浙江制造”标准累计发布3200余项。", place="浙江省")
    assert fig(ex, "3200").measure == "浙江制造标准" and fig(ex, "3200").breakdown == "累计"

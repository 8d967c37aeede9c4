"""Patterns found when running the extractor over real reports of the genre it had not seen.

Each sentence is our own minimal version of a structure that broke a rule; the articles themselves
are not part of the project.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from qgraph.extract import extract
from qgraph.model import Document, Extraction, Kind
from qgraph.sources import split_sentences


def read(text: str, place: str | None = None) -> Extraction:
    return extract(Document("g", "g.txt", text, place=place, date=dt.date(2025, 6, 1),
                            sentences=split_sentences(text)))


def names(ex: Extraction, *kinds: Kind) -> set[str]:
    return {e.name for e in ex.entities if e.kind in kinds}


def posts(ex: Extraction) -> set[tuple[str, str, str | None]]:
    return {(p.person.name, p.role, p.organization.name if p.organization else None) for p in ex.posts}


def figures(ex: Extraction) -> dict[Decimal, object]:
    return {o.value: o for o in ex.observations}


# -- people -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "place", "expected"), [
    ("江西省市场监管局党组成员、副局长吴强先生出席发布会。", "南昌市", ("吴强", "副局长", "江西省市场监督管理局")),
    ("市市场监管局副局长李明为企业授牌。", "滨州市", ("李明", "副局长", "滨州市市场监督管理局")),
    ("市市场监管局副局长李明华宣读决定。", "滨州市", ("李明华", "副局长", "滨州市市场监督管理局")),
    ("市市场监管局党组成员、食品安全总监周平介绍有关情况。", "开封市", ("周平", "食品安全总监", "开封市市场监督管理局")),
    ("开封市市场监管局党组成员、副局长(正县级)、新闻发言人刘峰介绍。", "开封市", ("刘峰", "新闻发言人", "开封市市场监督管理局")),
])
def test_people_after_many_kinds_of_words(text: str, place: str, expected: tuple[str, str, str]) -> None:
    assert expected in posts(read(text, place))


def test_mayors_hold_their_post_in_the_government() -> None:
    assert ("杨波", "市长", "凯里市人民政府") in posts(read("凯里市委副书记、市长杨波讲话。", "凯里市"))
    assert ("陈立", "副市长", "都匀市人民政府") in posts(read("都匀市副市长陈立主持仪式。", "都匀市"))


# -- listings ---------------------------------------------------------------------------------

def test_granted_honour_with_ordinal() -> None:
    ex = read("决定授予江州机械有限公司、庐山茶业有限公司“九江市第三届市长质量奖”。", "九江市")
    (listing,) = ex.listings
    assert listing.programme.name == "九江市市长质量奖" and listing.batch == 3
    assert {r.name for r in listing.recipients} == {"江州机械有限公司", "庐山茶业有限公司"}
    assert "江州机械有限公司" in names(ex, Kind.ENTERPRISE)


def test_listing_with_examples_and_count() -> None:
    ex = read("临沂市金锣肉制品、沂南黄瓜、蒙阴蜜桃等6个品牌上榜“好品山东”品牌。", "临沂市")
    (listing,) = ex.listings
    assert listing.programme.name == "好品山东" and listing.count == 6
    assert {"沂南黄瓜", "蒙阴蜜桃"} <= {r.name for r in listing.recipients}


def test_places_selected_after_the_pool_is_named() -> None:
    ex = read("市场监管总局公布首批纳入全国质量强县(区、镇)培育库名单,我市繁昌区、无为市顺利入围。", "芜湖市")
    assert [{r.name for r in x.recipients} for x in ex.listings] == [{"繁昌区", "无为市"}]


# -- organisations and places -----------------------------------------------------------------

def test_enterprise_with_a_bracketed_place_and_counted_centres() -> None:
    ex = read("近日,省经信委认定绿能科技(中国)有限公司等120家企业技术中心为省级企业技术中心。", "南昌市")
    assert "绿能科技(中国)有限公司" in names(ex, Kind.ENTERPRISE)
    assert not names(ex, Kind.RESEARCH_CENTRE)
    assert figures(ex)[Decimal(120)].measure == "企业技术中心"


def test_counted_inspection_centres_are_counts() -> None:
    ex = read("我市已累计建成4个国家质检中心、3个省级质检中心。", "芜湖市")
    assert not names(ex, Kind.INSPECTION_BODY)
    assert {Decimal(4), Decimal(3)} <= set(figures(ex))


def test_elided_district_prefix_is_not_the_city() -> None:
    ex = read("区市场监管局局长王林表示。", "东莞市")
    assert "东莞市市场监督管理局" not in names(ex, Kind.DEPARTMENT)


def test_county_level_city_is_the_home_of_shi() -> None:
    ex = read("市市场监管局副局长李明向企业授牌。", "凯里市")
    assert "凯里市市场监督管理局" in names(ex, Kind.DEPARTMENT)


def test_district_bodies_have_one_name() -> None:
    ex = read("宜宾市叙州区人民政府召开会议,叙州区人民政府副区长胡峰介绍。", "宜宾市")
    assert names(ex, Kind.GOVERNMENT_BODY) == {"宜宾市叙州区人民政府"}


def test_far_away_namesakes_are_not_places() -> None:
    ex = read("东城区管委会,市人民政府各部门:", "许昌市")
    assert "东城区" not in names(ex, Kind.PLACE)


def test_home_place_is_not_taken_from_brand_names() -> None:
    ex = read("临沂市山东金锣食品、山东鲁南制药等3个品牌上榜“好品山东”。市市场监管局副局长王伟介绍,"
              "本市拥有“好品山东”品牌12个。")
    assert ("王伟", "副局长", "临沂市市场监督管理局") in posts(ex)
    assert figures(ex)[Decimal(12)].place == "临沂市"


def test_abbreviated_national_bodies() -> None:
    ex = read("国新办举行新闻发布会,央行、金融监管总局有关负责人出席。")
    assert {"国务院新闻办公室", "中国人民银行", "国家金融监督管理总局"} <= names(
        ex, Kind.GOVERNMENT_BODY, Kind.DEPARTMENT)


# -- figures ----------------------------------------------------------------------------------

def test_spot_check_wording_with_enterprises_and_batches() -> None:
    ex = read("2023年,省市场监管局共抽查1200家企业生产的1350批次产品,抽查合格率为93.1%。", "石家庄市")
    f = figures(ex)
    assert f[Decimal(1200)].measure == "企业" and f[Decimal(1350)].measure == "批次"
    assert not f[Decimal(1350)].categories
    assert f[Decimal("93.1")].subject == f[Decimal(1350)].subject


def test_inspection_name_has_no_year() -> None:
    ex = read("质检总局公布了2019年国家监督抽查产品质量状况。")
    assert names(ex, Kind.PRODUCT_SPOT_CHECK) == {"国家监督抽查"}


def test_comparison_clauses() -> None:
    ex = read("2024年,全市共完成食品抽检8200批次,比2023年的7100批次增加了1100批次。", "保定市")
    f = figures(ex)
    assert f[Decimal(8200)].period == "2024" and f[Decimal(7100)].period == "2023"
    assert Decimal(1100) not in f


def test_respective_values_share_the_measure() -> None:
    ex = read("近3年产品抽查合格率分别为90.1%、91.4%和92.0%。", "合肥市")
    f = figures(ex)
    assert Decimal(3) not in f
    assert {f[Decimal(v)].measure for v in ("90.1", "91.4", "92")} == {"合格率"}


def test_measure_edges() -> None:
    f = figures(read("支持组建质量创新联合体620个,为超过3万家企业授信约1500亿元。", "合肥市"))
    assert f[Decimal(620)].measure == "质量创新联合体"
    assert f[Decimal(150000000000)].measure == "企业授信"


def test_durations_are_not_counts() -> None:
    ex = read("省工信厅将每三年进行一次评价考核,创下该认定开展15年以来的年度纪录,项目建设周期2-3年。", "济南市")
    assert not ex.observations


def test_more_units() -> None:
    f = figures(read("发出整改通知书25份,认证证书310张,执法车辆120台次。", "保定市"))
    assert (f[Decimal(25)].unit, f[Decimal(310)].unit, f[Decimal(120)].unit) == ("Copy", "Zhang", "Ci")


def test_national_report_figures_are_about_china() -> None:
    ex = read("2023年,市场监管总局共抽查5000家企业生产的5200批次产品,抽查合格率为92.4%。")
    assert all(o.subject is not None for o in ex.observations)


# -- chains, events, lists --------------------------------------------------------------------

def test_chain_lists_and_chain_project_wordings() -> None:
    ex = read("围绕机器人、低空经济、商业航天等新兴和未来产业链开展质量强链。锂电池产业链获批国家级质量强链项目。"
              "全市共有3个省级、5个市级产业链质量联动提升项目。", "宜春市")
    assert names(ex, Kind.INDUSTRY_CHAIN) == {"机器人产业链", "低空经济产业链", "商业航天产业链", "锂电池产业链"}
    assert [(c.chain.name, c.level.value) for c in ex.chain_projects] == [("锂电池产业链", "National")]
    assert {(o.value, o.level.value) for o in ex.observations} == {(Decimal(3), "Provincial"), (Decimal(5), "Municipal")}


def test_event_names_start_after_their_context() -> None:
    ex = read("市场监管总局在武汉市召开的全国质量强链经验交流现场推进会上,各地交流经验。"
              "长三角质量提升示范试点建设阶段性评估工作座谈会召开。")
    assert names(ex, Kind.MEETING) == {"全国质量强链经验交流现场推进会", "长三角质量提升示范试点建设阶段性评估工作座谈会"}


def test_a_ranking_in_book_brackets_is_no_policy() -> None:
    ex = read("全省有38个品牌上榜《中国500最具价值品牌》。", "济南市")
    assert not names(ex, Kind.POLICY)
    assert "中国500最具价值品牌" in names(ex, Kind.HONOUR)


# -- a second round over real reports of other provinces --------------------------------------

def test_provincial_bureaus_named_ting_or_wei() -> None:
    assert ("张建国", "厅长", "吉林省市场监督管理厅") in posts(read("吉林省市场监管厅党组书记、厅长张建国告诉记者。", "吉林省"))
    assert "天津市市场监督管理委员会" in names(read("天津市市场监管委对15种工业品开展了质量监督抽查。", "天津市"), Kind.DEPARTMENT)


def test_national_ministries_in_a_list() -> None:
    ex = read("国家发展改革委、教育部、住房城乡建设部、文化和旅游部、国务院国资委等部门联合印发通知。")
    assert {"国家发展和改革委员会", "教育部", "住房和城乡建设部", "文化和旅游部", "国务院国有资产监督管理委员会"} <= names(
        ex, Kind.DEPARTMENT)


def test_regional_prefix_and_prefecture_short_forms() -> None:
    ex = read("积极协调自治区特种设备检验所开展检验。", "西藏自治区")
    assert "西藏自治区特种设备检验所" in names(ex, Kind.INSPECTION_BODY)
    places = names(read("海西州、海北州、果洛州等五州两市。", "青海省"), Kind.PLACE)
    assert {"海西蒙古族藏族自治州", "海北藏族自治州", "果洛藏族自治州"} <= places


def test_paragraph_year_carries_to_the_next_sentence() -> None:
    f = figures(read("2022年,某市深入实施知识产权战略。全市有效注册商标达18000件,同比增长15.5%。", "曲靖市"))
    assert f[Decimal(18000)].period == "2022" and Decimal("15.5") not in f


def test_until_the_end_of_a_year() -> None:
    f = figures(read("截至2024年底,全区共有5家企业获中国质量奖提名奖。", "宁夏回族自治区"))
    assert f[Decimal(5)].period == "2024-12-31"


def test_sub_results_stay_with_their_spot_check() -> None:
    ex = read("共抽查产品300批次,合格率96%。其中,抽查该市30家生产企业的70批次铝合金建筑型材产品,2批次不合格。", "天津市")
    f = figures(ex)
    assert len({f[Decimal(v)].subject for v in (300, 70, 2)}) == 1
    assert not names(ex, Kind.CONSTRUCTION_CHECK)


def test_a_rule_named_after_checks_is_no_check() -> None:
    assert not names(read("制定完善行政许可监督抽查制度、事故调查制度。", "天津市"), Kind.PRODUCT_SPOT_CHECK)


def test_posts_after_an_alias_and_in_a_sub_department() -> None:
    ex = read("新疆维吾尔自治区市场监管局(以下简称“新疆市场监管局”)党组书记、副局长朱建华介绍。", "新疆维吾尔自治区")
    assert ("朱建华", "副局长", "新疆维吾尔自治区市场监督管理局") in posts(ex)
    ex = read("市场监管总局新闻发言人、新闻宣传司司长王建国:各位记者朋友,上午好。")
    assert ("王建国", "新闻宣传司司长", "国家市场监督管理总局") in posts(ex)


def test_a_press_conference_named_by_its_organiser() -> None:
    ex = read("国务院新闻办公室举行新闻发布会,国家市场监督管理总局副局长孙梅君介绍情况。")
    assert ("孙梅君", "副局长", "国家市场监督管理总局") in posts(ex)
    assert [r.object.name for r in ex.relations if r.predicate.value == "qg:speaker"] == ["孙梅君"]


def test_issuer_of_a_later_title_is_its_own() -> None:
    ex = read("根据市场监管总局印发的《质量提升工作方案》,自治区质量办印发《自治区质量提升实施指南》。", "新疆维吾尔自治区")
    issued = {(r.subject.name, r.object.name) for r in ex.relations if r.predicate.value == "eli:passed_by"}
    assert ("自治区质量提升实施指南", "国家市场监督管理总局") not in issued


def test_quoted_codes_and_lists_of_geographical_indications() -> None:
    ex = read("德宏小粒咖啡、滇红茶、弥勒小黄姜等3个地理标志产品入选第一批中欧“100+100”地理标志互认互保名录。", "云南省")
    assert "100+100" not in names(ex, Kind.GEOGRAPHICAL_INDICATION)
    (listing,) = ex.listings
    assert listing.batch == 1 and {r.name for r in listing.recipients} == {"德宏小粒咖啡", "滇红茶", "弥勒小黄姜"}


def test_a_newspaper_in_book_brackets() -> None:
    ex = read("订阅《中国质量报》。")
    assert not names(ex, Kind.POLICY) and "中国质量报" in names(ex, Kind.MEDIA)


# -- a third round: typical city reports of 2023–2025 ---------------------------------------------

def test_new_additions_and_totals_are_figures() -> None:
    f = figures(read("全市新增512项地方标准。全市商标总数增至3800件。", "黄冈市"))
    assert f[Decimal(512)].measure == "新增地方标准"
    assert f[Decimal(3800)].measure == "商标"


def test_a_notice_titled_tongbao_is_a_policy() -> None:
    ex = read("市市场监管局局长李明宣读了《关于2024年度泰州质量奖获奖组织的通报》。", "泰州市")
    assert "关于2024年度泰州质量奖获奖组织的通报" in names(ex, Kind.POLICY) and not names(ex, Kind.MEDIA)


@pytest.mark.parametrize(("text", "place"), [
    ("召开第六届市政府质量奖申报工作新闻通气会。", "内江市"),
    ("省政府通报了2023年度地级以上市人民政府质量工作考核结果。", "惠州市"),
    ("会同省委宣传部开展活动。", "南京市"),
])
def test_no_government_or_committee_from_awards_and_generic_names(text: str, place: str) -> None:
    ex = read(text, place)
    assert not [n for n in names(ex, Kind.GOVERNMENT_BODY) if n.startswith(("中共", place))], names(ex, Kind.GOVERNMENT_BODY)


def test_counted_national_centres_of_a_province() -> None:
    ex = read("截至目前,浙江省国家级质检中心数量达到47家(含批筹)。", "杭州市")
    assert not names(ex, Kind.INSPECTION_BODY)
    assert figures(ex)[Decimal(47)].measure == "质检中心"


def test_honour_title_conferred_with_its_year() -> None:
    ex = read("其中,泰州甲乙电气股份有限公司被授予“2023年度泰州市市长质量奖”荣誉称号。", "泰州市")
    assert names(ex, Kind.HONOUR) == {"泰州市市长质量奖"}
    (listing,) = ex.listings
    assert listing.year == "2023" and [r.name for r in listing.recipients] == ["泰州甲乙电气股份有限公司"]
    ex = read("市政府决定授予4个组织“2023年度泰州市政府质量奖”称号。", "泰州市")
    assert [(x.programme.name, x.count, x.year) for x in ex.listings] == [("泰州市政府质量奖", 4, "2023")]


def test_quoted_brand_after_a_count_is_the_measure() -> None:
    f = figures(read("现场向社会推介首批80个“泰州好品”质量公共品牌。", "泰州市"))
    assert f[Decimal(80)].measure == "泰州好品质量公共品牌"


def test_prize_money_is_no_programme_and_eight_departments_no_count() -> None:
    ex = read("6家企业获得奖牌、证书及各50万元奖励金。八部门联合发布通知。", "龙岩市")
    assert not names(ex, Kind.HONOUR)
    assert figures(ex)[Decimal(500000)].unit == "Yuan" and Decimal(8) not in figures(ex)


def test_issuers_written_right_before_the_title() -> None:
    ex = read("全市深入贯彻党中央、国务院《质量强国建设纲要》和省委、省政府《关于深化质量强省建设的实施意见》。", "南京市")
    issued = {(r.subject.name, r.object.name) for r in ex.relations if r.predicate.value == "eli:passed_by"}
    assert issued == {("质量强国建设纲要", "中共中央"), ("质量强国建设纲要", "国务院"),
                      ("关于深化质量强省建设的实施意见", "中共江苏省委员会"),
                      ("关于深化质量强省建设的实施意见", "江苏省人民政府")}


def test_winners_named_after_the_award() -> None:
    ex = read("获得第八届泰州市政府质量奖的企业分别是:泰州甲乙科技有限公司、泰州丙丁食品有限公司。", "泰州市")
    (listing,) = ex.listings
    assert listing.batch == 8 and len(listing.recipients) == 2


def test_chain_projects_selected_later_in_the_sentence() -> None:
    ex = read("光伏、新材料2条产业链入选全国首批百个质量强链重点项目。", "宜春市")
    assert {(c.chain.name, c.level.value) for c in ex.chain_projects} == {("光伏产业链", "National"), ("新材料产业链", "National")}


@pytest.mark.parametrize(("text", "home"), [
    ("天长市市场监督管理局开展实验室开放日活动。安徽省热工仪表检验检测中心派员参加。近50名代表参加了活动。", "天长市"),
    ("近日,43家苏州企业相关产品上榜“江苏精品”。截至目前,我市累计获“江苏精品”认证156个。", "苏州市"),
    ("7月8日,潍坊市产业链供应链质量联动提升工作推进会在寿光市召开。全市共有市级产业链项目12个。", "潍坊市"),
])
def test_home_place_of_a_report_without_metadata(text: str, home: str) -> None:
    from qgraph.extract import document_place
    from qgraph.lexicon import load_lexicon

    doc = Document("g", "g.txt", text, sentences=split_sentences(text))
    assert document_place(doc, load_lexicon()).name == home


def test_measures_paired_with_respective_values() -> None:
    f = figures(read("全省工业产品合格率、药品评价性抽检合格率分别达93.51%、99.6%。", "山东省"))
    assert (f[Decimal("93.51")].measure, f[Decimal("99.6")].measure) == ("工业产品合格率", "药品评价性抽检合格率")
    f = figures(read("累计主导及参与制定国际、国家标准数量分别为150项、6200项。", "合肥市"))
    assert (f[Decimal(150)].measure, f[Decimal(6200)].measure) == ("国际标准", "国家标准")


def test_pass_rates_per_category_after_fen_bie() -> None:
    f = figures(read("其中化工产品、建筑用钢材、陶瓷砖的合格率分别为97.2%、98.5%、93.6%。", "淄博市"))
    assert [f[Decimal(v)].measure for v in ("97.2", "98.5", "93.6")] == ["化工产品合格率", "建筑用钢材合格率", "陶瓷砖合格率"]


def test_spot_check_outcomes() -> None:
    ex = read("本次监督抽查共抽取185家企业生产、销售的240批次产品,有9家企业的11批次产品不合格。", "潍坊市")
    f = figures(ex)
    assert [f[Decimal(v)].measure for v in (185, 240, 9, 11)] == ["企业", "批次", "不合格企业", "不合格批次"]
    assert names(ex, Kind.PRODUCT_SPOT_CHECK) == {"产品质量监督抽查"} and not names(ex, Kind.PRODUCT_CATEGORY)


def test_coordinated_counts_share_the_award() -> None:
    ex = read("目前,全市5家企业、2名个人获省长质量奖提名奖。", "泰安市")
    assert sorted((x.count, x.recipient_type) for x in ex.listings) == [(2, "个人"), (5, "企业")]
    assert not [e for e in ex.entities if e.name.endswith("名单")]

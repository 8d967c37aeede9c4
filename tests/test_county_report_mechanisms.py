"""One regression test per mechanism of county reports and chain reports, on our own minimal sentences:
levels written after a count, growth rates, estimated results, breakdown words inside a phrase, a field's
indicator after a check, county programmes by pattern."""

from __future__ import annotations

import datetime as dt

from qgraph.model import Level

from extraction_helpers import fig, low, read, listed as _listed, programmes as _programmes

DATE = dt.date(2023, 12, 20)


def test_level_written_after_the_count_is_the_figure_s_level():
    ex = read("目前，全县拥有2家国家级生态农场、6家省级生态农场。", place="甲县", date=DATE)
    two, six = fig(ex, "2", "Jia"), fig(ex, "6", "Jia")
    assert (two.measure, two.level) == ("生态农场", Level.NATIONAL)
    assert (six.measure, six.level) == ("生态农场", Level.PROVINCIAL)
    plain = read("某公司主导制定3项国家标准。", date=DATE)
    assert fig(plain, "3", "Xiang").level is None  # 国家 alone stays in the noun


def test_a_growth_rate_written_before_its_number_is_no_figure():
    ex = read("全年规模以上工业产值88亿元，规模以上工业增加值增速12.5%。", place="甲县", date=DATE)
    assert not [o for o in ex.observations if o.unit == "Percent"]
    assert fig(ex, "8800000000", "Yuan")


def test_estimated_results_of_the_year_are_no_targets():
    ex = read("2023年，预计（下同），全县实现地区生产总值210亿元，社会消费品零售总额96亿元。", place="甲县", date=DATE)
    assert fig(ex, "21000000000", "Yuan").breakdown != "目标"
    plan = read("预计到2025年，全县地区生产总值达到260亿元。", place="甲县", date=DATE)
    assert fig(plan, "26000000000", "Yuan").breakdown == "目标"


def test_a_breakdown_word_inside_a_phrase_heads_no_breakdown():
    ex = read("全县开展“上门式、订单式”线下质量帮扶，服务企业120余家。", place="甲县", date=DATE)
    assert fig(ex, "120", "Jia").breakdown is None
    split = read("全县抽检食品800批次，其中线下抽检500批次。", place="甲县", date=DATE)
    assert fig(split, "500", "Pici").breakdown == "线下"


def test_a_field_s_indicator_after_a_check_is_not_the_check_s():
    ex = read("全县食用农产品监督抽检合格率达到98%，房屋建筑工程质量验收合格率达100%。", place="甲县", date=DATE)
    assert fig(ex, "98", "Percent").subject.name == "食用农产品监督抽检"
    assert fig(ex, "100", "Percent").subject.name != "食用农产品监督抽检"
    part = read("全县食用农产品监督抽检合格率达到98%，其中蔬菜质量合格率为97%。", place="甲县", date=DATE)
    assert fig(part, "97", "Percent").subject.name != "甲县"  # a part of the check stays with it


def test_county_programmes_by_their_endings():
    ex = read("日前，乙县被命名为“河南省质量强县示范县”。省工信厅发布山东省工业强县名单。", date=DATE)
    assert {"河南省质量强县示范县", "山东省工业强县"} <= _programmes(ex)


def test_a_place_named_to_a_programme_is_its_recipient():
    active = read("省质量工作领导小组命名长兴县为“浙江省质量强县”。", place="长兴县", date=DATE)
    assert ("长兴县", "浙江省质量强县") in _listed(active)
    passive = read("3月5日，浙江省长兴县被省质量强省工作领导小组办公室正式命名为“浙江省质量强县示范县”。",
                   place="长兴县", date=DATE)
    assert ("长兴县", "浙江省质量强县示范县") in _listed(passive)
    assert ("浙江省", "浙江省质量强县示范县") not in _listed(passive)


def test_a_place_among_a_list_and_the_list_s_count():
    ex = read("省工信厅发布2022年度浙江省工业强县名单，全省共8个，长兴县位列其中。", place="长兴县", date=DATE)
    assert ("长兴县", "浙江省工业强县") in _listed(ex)
    eight = fig(ex, "8", "Ge")
    assert eight.subject.name == "浙江省工业强县" and eight.period == "2022"


def test_a_count_of_the_group_a_place_is_one_of_is_the_higher_level_s():
    ex = read("作为全省5个质量工作成效突出地方之一，长兴县获通报表扬。", place="长兴县", date=DATE)
    five = fig(ex, "5", "Ge")
    assert five.subject.name == "浙江省" and five.measure == "质量工作成效突出地方"
    own = read("全县5家企业入选省级绿色工厂。", place="长兴县", date=DATE)
    assert fig(own, "5", "Jia").subject.name != "浙江省"


def test_a_space_before_the_number_ends_no_measure():
    ex = read("目前，全县现有地理标志保护产品 2个。", place="长兴县", date=DATE)
    assert fig(ex, "2", "Ge").measure == "地理标志保护产品"


def test_a_flow_under_an_as_of_date_is_about_the_months_up_to_it():
    ex = read("截至去年底，全县规模以上工业企业98家，实现营业收入62.3亿元。", place="长兴县", date=DATE)
    assert fig(ex, "98", "Jia").period == "2022-12-31"  # a stock on the day
    assert fig(ex, "6230000000", "Yuan").period == "2022"  # the year's income
    half = read("截至今年6月底，全县实现规上工业产值45亿元，累计实现利税3亿元。", place="长兴县", date=DATE)
    assert fig(half, "4500000000", "Yuan").period == "2023-01/2023-06"
    assert fig(half, "300000000", "Yuan").period == "2023-06-30"  # a running total stays as of
    rate = read("截至今年4月底，全县相关产业年产值超30亿元。", place="长兴县", date=DATE)
    assert fig(rate, "3000000000", "Yuan").period == "2023-04-30"  # a yearly rate as of the day


def test_consecutive_years_are_no_sure_count():
    ex = read("全县质量工作考核连续三年获评全市A级等次。", place="长兴县", date=DATE)
    assert all(low(o) for o in ex.observations if o.unit == "Nian")  # a streak: read, but unsure


def test_elided_province_and_city_before_a_programme_ending():
    ex = read("目前，全县现有注册商标300件；省名牌产品6个，市名牌产品3个。", place="长兴县", date=DATE)
    assert {"浙江省名牌产品", "湖州市名牌产品"} <= _programmes(ex)
    assert fig(ex, "6", "Ge").subject.name == "长兴县"  # the county's stock, past the ；


def test_a_stock_past_a_semicolon_after_a_listing_clause_is_the_place_s():
    ex = read("全县有14家企业获评县长质量奖、4家企业获评市长质量奖；省级质量标杆2家，市级质量标杆7家。",
              place="长兴县", date=DATE)
    assert fig(ex, "14", "Jia").subject.name == "长兴县县长质量奖"
    two = fig(ex, "2", "Jia")
    assert two.subject.name == "长兴县" and two.level == Level.PROVINCIAL and two.confidence >= 0.7


def test_a_county_s_bureau_and_departments_make_the_report_the_county_s():
    ex2 = read("石城县市场监管局开展宣传活动\n日前，石城县市场监管局联合县卫健委、县农业农村局开展活动。", date=DATE)
    names = {e.name for e in ex2.entities}
    assert "石城县农业农村局" in names and "石城县卫生健康委员会" in names


def test_an_honour_in_general_is_no_programme():
    ex = read("这是我市质量发展工作获得的又一殊荣。", place="威海市", date=DATE)
    assert not _programmes(ex)


def test_places_listed_before_a_word_of_being_among():
    ex = read("日前，2023年度山东省质量强县(市、区)榜单公布，威海市环翠区、荣成市榜上有名！", place="威海市", date=DATE)
    listed = _listed(ex)
    title = "山东省质量强县(市、区)"  # the divisions in brackets are part of the title's name
    assert {("环翠区", title), ("荣成市", title)} <= listed
    assert ("威海市", title) not in listed


def test_a_place_entering_a_pool_after_an_own_place_word():
    ex = read("其中，我州吉首市进入全国质量强县(区、镇)培育建设库名单。", place="吉首市", date=DATE)
    assert ("吉首市", "国家质量强县（区、镇）培育库") in _listed(ex)
    rank = read("全市质量工作考核进入全省前三名。", place="吉首市", date=DATE)
    assert not rank.listings


def _chains(ex):
    return {e.name for e in ex.entities if e.kind.value == "IndustryChain"}


def test_chains_listed_before_a_count_with_a_modifier():
    ex = read("7月，市里出台行动方案，聚焦电子信息、健康食品及饮料、节能环保3条重点产业链，实施链长制。",
              place="咸宁市", date=DATE)
    assert _chains(ex) == {"电子信息产业链", "健康食品及饮料产业链", "节能环保产业链"}
    assert fig(ex, "3", "Tiao").subject.name == "咸宁市"


def test_chains_listed_with_yiji_and_a_count_in_ge():
    ex = read("目前，全县成立了大地、新型碳材料、食用菌以及地坪磨片等12个产业链，培育拓展产业链，保障产业链稳定。",
              place="长兴县", date=DATE)
    assert _chains(ex) == {"大地产业链", "新型碳材料产业链", "食用菌产业链", "地坪磨片产业链"}


def test_a_count_of_chains_before_their_output_is_no_figure():
    ex = read("到2023年，8条重点产业链总产值达到2100亿元。", place="咸宁市", date=DATE)
    assert not [o for o in ex.observations if o.unit == "Tiao"]
    assert fig(ex, "210000000000", "Yuan")


def test_the_size_of_a_higher_level_s_list_the_place_is_in():
    ex = read("近日，2024年度省级特色集群名单公布，在全省40个上榜集群中，常州市入选4个。", place="常州市", date=DATE)
    assert fig(ex, "40", "Ge").subject.name != "常州市"


def test_a_national_list_s_name_after_a_lower_level_is_not_the_national_list():
    ex = read("工业和信息化部发布2025年度中小企业特色产业集群名单，江苏省中小企业特色产业集群另行认定。", date=DATE)
    progs = [e for e in ex.entities if e.kind.is_programme and e.name == "中小企业特色产业集群"]
    assert len(progs) == 1 and progs[0].span.start < 20


def test_a_kind_of_organisation_after_a_conjunction_is_no_enterprise():
    ex = read("精准服务全县主导、特色产业和企业集团。", place="长兴县", date=DATE)
    assert not [e for e in ex.entities if e.kind.value == "Enterprise"]


def test_places_inside_listed_cluster_names_are_no_places():
    ex = read("其中，吉安县视听设备制造产业集群、芦溪县绝缘子产业集群上榜。", place="江西省", date=DATE)
    assert not [e for e in ex.entities if e.kind.value == "Place" and e.name in ("吉安县", "芦溪县")]
    kept = read("清徐县老陈醋产业集群规模以上企业达到36家。", place="山西省", date=DATE)
    assert fig(kept, "36", "Jia").subject.name == "清徐县"


def test_a_latin_lead_is_part_of_an_outlet_s_name():
    ex = read("Hi威海客户端讯7月28日，省工信厅发布名单。", place="威海市", date=DATE)
    assert "Hi威海客户端" in {e.name for e in ex.entities if e.kind.value == "MediaOrganization"}


def test_what_counted_firms_set_up_is_in_the_measure():
    ex = read("目前，全县4家企业建立了院士工作站。", place="长兴县", date=DATE)
    assert "工作站" in fig(ex, "4", "Jia").measure


def test_a_paper_naming_itself_is_the_header_s_publisher():
    from qgraph.extract import extract
    from qgraph.model import Document
    from qgraph.sources import split_sentences

    text = "本报讯 记者 张三 近日，甲县入选名单。"
    ex = extract(Document("t", "t.txt", text, title="甲县入选", date=DATE, place="河源市", publisher="河源日报",
                          sentences=split_sentences(text)))
    assert "河源日报" in {e.name for e in ex.entities if e.kind.value == "MediaOrganization"}

"""Entity class, span and post mechanisms found on a fifth round of real news (work meetings, 质量月
launches, press conferences, county notes with credit lines). Every sentence is our own, with invented
people and firms; each mechanism has a negative case where one fits.
"""

from __future__ import annotations

import datetime as dt

from qgraph.extract import extract
from qgraph.model import Document, Extraction, Kind
from qgraph.sources import split_sentences


def read(text: str, place: str | None = "资中县") -> Extraction:
    return extract(Document("p", "p.txt", text, place=place, date=dt.date(2024, 6, 1),
                            sentences=split_sentences(text)))


def names(ex: Extraction, *kinds: Kind) -> set[str]:
    return {e.name for e in ex.entities if not kinds or e.kind in kinds}


def posts(ex: Extraction) -> set[tuple[str, str, str]]:
    return {(x.person.name, x.role, x.organization.name if x.organization else "") for x in ex.posts}


# -- bodies the lexicon lacked ---------------------------------------------------------------------

def test_placed_research_centres_and_innovation_consortia_are_bodies() -> None:
    ex = read("中国质量测评创新联合体主席张立东、内江发展研究中心主任陈晓梅出席会议。", place="内江市")
    assert "中国质量测评创新联合体" in names(ex, Kind.ASSOCIATION)
    assert "内江发展研究中心" in names(ex, Kind.RESEARCH_INSTITUTE)
    assert ("张立东", "主席", "中国质量测评创新联合体") in posts(ex)
    assert ("陈晓梅", "主任", "内江发展研究中心") in posts(ex)


def test_a_place_before_a_verb_of_building_starts_no_body() -> None:
    ex = read("某大学已与甲县、资中县共建质量技术创新联合体两家。")
    assert not any(n.endswith("创新联合体") for n in names(ex))


def test_an_unplaced_consortium_is_none() -> None:
    ex = read("组建质量创新联合体，吸纳企业12家。")
    assert not any(n.endswith("创新联合体") for n in names(ex))


def test_the_state_councils_research_centre() -> None:
    ex = read("国务院发展研究中心副主任周建平作主题报告。", place="内江市")
    assert "国务院发展研究中心" in names(ex, Kind.RESEARCH_INSTITUTE)
    assert ("周建平", "副主任", "国务院发展研究中心") in posts(ex)
    assert "国务院" not in names(ex)


def test_an_honorary_post_is_read_whole() -> None:
    ex = read("内江发展研究中心名誉主任刘建国出席。", place="内江市")
    assert ("刘建国", "名誉主任", "内江发展研究中心") in posts(ex)


# -- departments written short -----------------------------------------------------------------------

def test_county_departments_written_short() -> None:
    ex = read("县市场监管局联合县卫健局、县文新旅局、县水利局等单位开展宣传。")
    got = names(ex, Kind.DEPARTMENT)
    assert {"资中县卫生健康局", "资中县文化广电新闻出版旅游局", "资中县水利局"} <= got


def test_a_municipal_economy_commission_written_short() -> None:
    ex = read("市经济信息委副主任王海涛介绍了有关情况。", place="重庆市")
    assert "重庆市经济和信息化委员会" in names(ex, Kind.DEPARTMENT)


# -- outlets and credit lines ------------------------------------------------------------------------

def test_a_district_bureaus_note_names_its_outlets_in_full() -> None:
    text = ("甲报记者 李明 内江报道\n近日，东兴区市场监督管理局召开新闻发布会。某某网、市新闻传媒中心、区融媒体中心等新闻媒体参加。"
            "区市场监督管理局有关负责人回答了记者提问。")
    ex = read(text, place=None)
    media = names(ex, Kind.MEDIA)
    assert "东兴区融媒体中心" in media and "内江市新闻传媒中心" in media
    assert "区融媒体中心" not in media and "市新闻传媒中心" not in media


def test_a_sign_off_line_names_a_person() -> None:
    ex = read("县市场监管局开展质量宣传。\n责编：王小红\n审签：赵大勇")
    assert {"王小红", "赵大勇"} <= names(ex, Kind.PERSON)
    assert not any("审签" in n for n in names(ex))


# -- posts: 省局 of an older system, 暨 between posts and as a surname, the government's assessment ------

def test_the_provinces_bureau_is_the_system_the_report_named() -> None:
    ex = read("从四川省质量技术监督局获悉，内江召开质量大会。会议宣读了省局局长钱立新的贺信。", place="内江市")
    assert ("钱立新", "局长", "四川省质量技术监督局") in posts(ex)


def test_the_provinces_bureau_defaults_to_market_regulation() -> None:
    ex = read("会议传达了省局局长钱立新的讲话精神。", place="内江市")
    assert ("钱立新", "局长", "四川省市场监督管理局") in posts(ex)


def test_zan_as_a_surname_only_before_a_stop() -> None:
    ex = read("内江市委副书记、市长暨立军，副市长孙红出席会议。", place="内江市")
    assert "暨立军" in names(ex, Kind.PERSON)
    assert ("暨立军", "市长", "内江市人民政府") in posts(ex)
    ex = read("市市场监管局局长暨新闻发言人孙红出席。", place="内江市")
    assert "孙红" in names(ex, Kind.PERSON)
    assert not any(n.startswith("暨") for n in names(ex, Kind.PERSON))
    assert ("孙红", "局长", "内江市市场监督管理局") in posts(ex)


def test_a_provincial_governments_assessment_names_the_government() -> None:
    ex = read("我市连续三年在省政府质量工作考核中获评A级。", place="内江市")
    assert "四川省人民政府" in names(ex, Kind.GOVERNMENT_BODY)
    ex = read("市政府质量奖评审结果公布。", place="内江市")
    assert "内江市人民政府" not in names(ex, Kind.GOVERNMENT_BODY)


# -- datelines, bylines and committee offices ----------------------------------------------------------

def test_two_outlets_of_one_dateline_are_two() -> None:
    text = "甲城新闻网-甲城侨乡报3月2日讯(记者:吴小兵) 3月1日，全省质量工作视频会议召开。"
    doc = Document("p", "p.txt", text, publisher="甲城新闻网-甲城侨乡报", date=dt.date(2024, 3, 2),
                   sentences=split_sentences(text))
    media = names(extract(doc), Kind.MEDIA)
    assert {"甲城新闻网", "甲城侨乡报"} <= media and "甲城新闻网-甲城侨乡报" not in media


def test_the_place_a_reporter_filed_from_is_a_place() -> None:
    ex = read("某某网记者 李新民 内江报道\n近日，东兴区市场监督管理局召开发布会。", place=None)
    assert "内江市" in names(ex, Kind.PLACE)
    assert "李新民" in names(ex, Kind.PERSON)


def test_a_committee_office_as_organiser_is_a_body_of_the_report_place() -> None:
    ex = read("隆昌市举行征文活动。此次活动由市质量发展委员会办公室主办。", place="隆昌市")
    assert "隆昌市质量发展委员会办公室" in names(ex, Kind.GOVERNMENT_BODY)


def test_a_place_in_a_ranking_frame_is_no_report_place() -> None:
    text = ("市委、市政府高度重视质量工作，各项工作持续走在内江市、全省乃至全国前列。"
            "大会向甲公司等3个单位颁发了第二届隆昌市市长质量奖。")
    ex = read(text, place=None)
    bodies = names(ex, Kind.GOVERNMENT_BODY)
    assert "隆昌市人民政府" in bodies and "中共隆昌市委员会" in bodies
    assert "内江市人民政府" not in bodies


def test_a_county_report_after_its_citys_meeting_is_the_countys() -> None:
    text = ("9月4日，内江市质量强市工作视频会议后，资中县立即召开质量强县工作会议。县政府副县长钱立新出席会议，"
            "县市场监督管理局、县公安局、县财政局等单位负责同志参加。")
    ex = read(text, place=None)
    assert ("钱立新", "副县长", "资中县人民政府") in posts(ex)
    assert {"资中县公安局", "资中县财政局"} <= names(ex, Kind.DEPARTMENT)


def test_a_county_level_city_named_more_than_its_city_is_the_reports() -> None:
    text = ("隆昌市举行质量月启动仪式，隆昌市委常委、副市长钱立新，内江市场监管局四级调研员孙红出席。"
            "隆昌市质量发展委员会于4月启动征文活动，由市质量发展委员会办公室主办。")
    ex = read(text, place=None)
    assert "隆昌市质量发展委员会办公室" in names(ex, Kind.GOVERNMENT_BODY)
    assert "内江市质量发展委员会办公室" not in names(ex)
    assert ("钱立新", "副市长", "隆昌市人民政府") in posts(ex)


def test_a_citys_titled_report_stays_the_citys() -> None:
    text = "内江12个品牌入选“某省名品”\n隆昌市甲米业有限公司、隆昌市乙食品有限公司入选。隆昌市深入实施质量强市战略。市市场监管局表示将继续培育。"
    doc = Document("p", "p.txt", text, title="内江12个品牌入选“某省名品”", date=dt.date(2024, 11, 19),
                   sentences=split_sentences(text))
    assert "内江市市场监督管理局" in names(extract(doc), Kind.DEPARTMENT)


# -- events: the year before the place, and gatherings of a kind -----------------------------------------

def test_an_events_year_before_its_place_is_part_of_its_name() -> None:
    ex = read("9月17日上午，由内江市市场监督管理局和甲区市场监督管理局共同主办的2021年内江市“质量月”活动启动仪式，"
              "在内江市某中心举行。", place="内江市")
    assert "2021年内江市“质量月”活动启动仪式" in names(ex, Kind.EVENT)
    assert "内江市“质量月”活动启动仪式" not in names(ex)


def test_counted_or_described_gatherings_are_no_events() -> None:
    ex = read("质量月里，各部门计划开展18项质量宣传相关活动，各街道也将组织内容丰富的系列质量月活动。")
    assert not any(n.endswith("活动") for n in names(ex, Kind.EVENT, Kind.MEETING))


# -- firms: a bare word before 公司, a bank's branch ------------------------------------------------------

def test_a_bare_firm_word_is_the_one_company_named_in_full() -> None:
    ex = read("鹭帆公司等重点企业负责人参加活动。会上，内江鹭帆电缆有限公司负责人作质量诚信倡议。", place="内江市")
    firms = names(ex, Kind.ENTERPRISE)
    assert "内江鹭帆电缆有限公司" in firms and "鹭帆公司" not in firms


def test_a_bare_firm_word_shared_by_two_names_neither() -> None:
    ex = read("鹭帆公司参加活动。内江鹭帆电缆有限公司、资中鹭帆食品有限公司作倡议。", place="内江市")
    assert "鹭帆公司" in names(ex, Kind.ENTERPRISE)


def test_a_banks_county_branch_is_one_firm() -> None:
    ex = read("活动由市质量发展委员会办公室主办，甲城农村商业银行隆昌支行、隆昌市安全生产协会协办并设咨询台。", place="隆昌市")
    firms = names(ex, Kind.ENTERPRISE)
    assert "甲城农村商业银行隆昌支行" in firms and "甲城农村商业银行" not in firms
    assert "隆昌市安全生产协会" in names(ex, Kind.ASSOCIATION)


def test_a_zones_party_and_management_committees() -> None:
    ex = read("发布会上，内江高新区党工委委员、管委会副主任周明远先生通报有关情况。", place="内江市")
    bodies = names(ex, Kind.GOVERNMENT_BODY)
    assert {"中共内江高新区工作委员会", "内江高新区管理委员会"} <= bodies
    assert ("周明远", "副主任", "内江高新区管理委员会") in posts(ex)
    ex = read("会议要求各开发区党工委落实责任。", place="内江市")
    assert not any("工作委员会" in n for n in names(ex))


def test_the_last_town_of_a_list_before_a_verb() -> None:
    ex = read("在椑木镇、高桥街道开展质量宣传。", place="内江市")
    assert {"椑木镇", "高桥街道"} <= names(ex, Kind.PLACE)
    ex = read("在椑木镇、高桥镇长陪同下参观。", place="内江市")
    assert "高桥镇" not in names(ex, Kind.PLACE)


# -- a third look: dateline credits, verbs before firms, committees written short -------------------------

def test_a_dateline_bracket_with_a_glued_role_names_both_people() -> None:
    ex = read("本报讯 (陈小杰 记者张文礼) 12月10日，资中县第一届政府质量奖颁奖大会举行。")
    assert {"陈小杰", "张文礼"} <= names(ex, Kind.PERSON)
    assert not any("记者" in n for n in names(ex))


def test_a_datelines_credits_open_no_meeting_name() -> None:
    ex = read("本报讯（记者 李四 通讯员 王五）资中县质量工作会议召开。")
    assert not any("本报讯" in n or "记者" in n for n in names(ex, Kind.MEETING, Kind.EVENT))


def test_a_verb_of_selection_is_no_part_of_a_firm() -> None:
    ex = read("会议决定，评选甲乙汽车股份有限公司、丙丁机床有限公司为区长质量管理奖。", place="九龙坡区")
    firms = names(ex, Kind.ENTERPRISE)
    assert "甲乙汽车股份有限公司" in firms and not any(n.startswith("评选") for n in firms)


def test_commissions_written_short() -> None:
    ex = read("延庆区质监局、区科委、区旅游委等部门负责同志出席。", place="延庆区")
    assert {"北京市延庆区科学技术委员会", "北京市延庆区旅游发展委员会"} <= names(ex, Kind.DEPARTMENT)


def test_a_short_place_before_a_venue_is_the_place() -> None:
    ex = read("全省质量工作视频会议召开，副市长刘必建在隆昌分会场收听收看。", place=None)
    assert "隆昌市" in names(ex, Kind.PLACE)
    assert ("刘必建", "副市长", "隆昌市人民政府") in posts(ex)


def test_a_regions_words_do_not_make_a_citys_report_a_countys() -> None:
    text = "南宁市召开质量工作会议，会议传达了全区质量工作会议精神，要求全区各市抓好落实。宾阳县作了交流发言。市市场监管局负责人参加。"
    ex = read(text, place=None)
    assert "南宁市市场监督管理局" in names(ex, Kind.DEPARTMENT)

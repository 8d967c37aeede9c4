"""One regression test per mechanism of the fourth entity round (deference formulas, chain names and
chain posts, people of award lines, names inside names, titles a place is given, lines of bare names).
Every sentence is our own, of the shapes real reports of the genre use.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from extraction_helpers import listed, names, posts
from qgraph.extract import extract
from qgraph.model import Document, Extraction, Kind
from qgraph.sources import read_document, split_sentences


def read(text: str, place: str | None = "南京市") -> Extraction:
    return extract(Document("e", "e.txt", text, place=place, date=dt.date(2025, 6, 1),
                            sentences=split_sentences(text)))


# -- deference formulas ----------------------------------------------------------------------------

def test_bodies_a_report_says_it_follows_are_no_actors() -> None:
    ex = read("为认真落实党中央、国务院部署要求和省委、省政府有关安排，我市召开质量大会。")
    assert not names(ex, Kind.GOVERNMENT_BODY)


def test_a_deference_formula_with_guanyu_and_a_party_core_formula() -> None:
    ex = read("根据国务院、省政府关于标准化工作的部署。以某某同志为核心的党中央高度重视质量。")
    assert not names(ex, Kind.GOVERNMENT_BODY)


def test_bodies_that_issue_a_document_or_act_stay() -> None:
    ex = read("我市深入贯彻中共中央、国务院印发的《质量强国建设纲要》。市政府召开常务会议。")
    assert {"中共中央", "国务院", "南京市人民政府"} <= names(ex, Kind.GOVERNMENT_BODY)


def test_a_body_of_a_formula_named_elsewhere_keeps_its_other_mention() -> None:
    ex = read("按照省委、省政府部署，南京市人民政府印发实施方案。")
    assert names(ex, Kind.GOVERNMENT_BODY) == {"南京市人民政府"}


def test_the_reports_own_bodies_in_a_formula_stay() -> None:
    ex = read("按照市委、市政府关于质量工作的部署，全市开展质量提升行动。")  # they deploy the work told of
    assert names(ex, Kind.GOVERNMENT_BODY) == {"中共南京市委员会", "南京市人民政府"}


# -- chain names -----------------------------------------------------------------------------------

def test_a_verb_before_a_chain_is_no_part_of_its_name() -> None:
    ex = read("要进一步完善茶叶产业链工作台账，精准帮扶产业链企业。")
    assert names(ex, Kind.INDUSTRY_CHAIN) == {"茶叶产业链"}


def test_generic_chain_phrases_name_no_chain() -> None:
    ex = read("会上听取了产业链牵头部门发言，要抓好产业链延链工作，梳理关系全局的产业链，完善制造业产业链。")
    assert not names(ex, Kind.INDUSTRY_CHAIN)


def test_xiandai_opens_a_chain_name() -> None:
    ex = read("我市确定现代家具产业链为重点产业链。")
    assert "现代家具产业链" in names(ex, Kind.INDUSTRY_CHAIN)


# -- chain chiefs ----------------------------------------------------------------------------------

def test_a_chain_chief_holds_the_post_in_the_chain() -> None:
    ex = read("市政协主席、市委常委、茶叶产业链链长王大明出席会议，副市长、茶叶产业链副链长李小红主持会议。")
    assert {("王大明", "链长", "茶叶产业链"), ("王大明", "主席", "中国人民政治协商会议南京市委员会"),
            ("王大明", "常委", "中共南京市委员会"), ("李小红", "副链长", "茶叶产业链"),
            ("李小红", "副市长", "南京市人民政府")} <= posts(ex)


def test_a_new_identity_as_chain_chief_is_a_post() -> None:
    ex = read("省委常委、南京市委书记王大明的新身份是：智能网联汽车产业链链长。", place="江苏省")
    assert ("王大明", "链长", "智能网联汽车产业链") in posts(ex)
    assert ("王大明", "书记", "中共南京市委员会") in posts(ex)


# -- people of award lines ---------------------------------------------------------------------------

def test_people_after_their_employers_before_a_verb_of_winning() -> None:
    ex = read("甲乙丙有限公司、丁戊有限公司等2家组织和云帆电力有限公司南通供电公司王大明、"
              "国营星海电子厂李红等2名个人荣获第三届江苏省人民政府质量奖提名奖。", place="江苏省")
    assert {"王大明", "李红"} <= names(ex, Kind.PERSON)
    assert {"云帆电力有限公司南通供电公司", "国营星海电子厂"} <= names(ex, Kind.ENTERPRISE)


def test_one_person_after_an_employer_and_a_count_without_deng() -> None:
    ex = read("甲乙丙有限公司等1家组织和星海科技有限公司王大明1名个人荣获第三届江苏省人民政府质量奖。", place="江苏省")
    assert "王大明" in names(ex, Kind.PERSON)


# -- names inside names ------------------------------------------------------------------------------

def test_deng_of_a_word_inside_a_name_lists_nothing() -> None:
    ex = read("中科院某某研究院等离子体应用研究所获奖。")
    assert names(ex, Kind.RESEARCH_INSTITUTE) == {"中科院某某研究院等离子体应用研究所"}


def test_a_numbered_unit_and_a_former_name_stay_whole() -> None:
    ex = read("星海建筑集团有限公司（原星海能建集团江苏火电第一工程有限公司）获奖。", place="江苏省")
    assert "星海能建集团江苏火电第一工程有限公司" in names(ex, Kind.ENTERPRISE)
    assert "第一工程有限公司" not in names(ex)


def test_a_placed_subsidiary_is_one_name_but_glued_companies_are_two() -> None:
    assert "云帆电力有限公司南通供电公司" in names(read("云帆电力有限公司南通供电公司获奖。"), Kind.ENTERPRISE)
    glued = names(read("公示名单：星海酒业有限公司南通市云帆农业集团有限公司。"), Kind.ENTERPRISE)
    assert not any("星海" in n and "云帆" in n for n in glued)


def test_an_administrative_school_is_no_university() -> None:
    ex = read("会议在市委党校（南京行政学院）召开。")
    assert not names(ex, Kind.UNIVERSITY)


# -- titles a place is given -------------------------------------------------------------------------

def test_titles_a_place_became_or_created_are_programmes_with_the_place_listed() -> None:
    ex = read("江苏省成为全国药品追溯工作试点省份，南京市、苏州市成功创建国家食品质量示范城市。", place="江苏省")
    assert {"全国药品追溯工作试点省份", "国家食品质量示范城市"} <= names(ex, Kind.HONOUR)
    assert {("南京市", "国家食品质量示范城市"), ("苏州市", "国家食品质量示范城市")} <= listed(ex)


def test_a_title_a_place_strives_for_is_no_title_held() -> None:
    ex = read("无锡市力争成为国家食品质量示范城市。", place="无锡市")
    assert not listed(ex)


def test_a_quoted_designation_is_a_programme_unless_an_event_follows() -> None:
    assert "国家商标品牌建设工程（示范类）试点县" in names(
        read("本县借创建“国家商标品牌建设工程（示范类）试点县”契机推进工作。", place=None), Kind.HONOUR)
    assert not names(read("某市召开创建“全国物流标准化工作示范城市”动员会。"), Kind.HONOUR)


def test_an_edition_and_a_place_open_a_cultivation_title() -> None:
    ex = read("首届江苏省制造业卓越品牌培育企业的代表到场。", place="江苏省")
    assert "江苏省制造业卓越品牌培育企业" in names(ex, Kind.HONOUR)


def test_a_districts_own_drive_is_no_title() -> None:
    assert not names(read("南京市玄武区质量强区大会召开。"), Kind.HONOUR)
    assert "江苏省质量强区" in names(read("玄武区获评江苏省质量强区。"), Kind.HONOUR)


# -- people, outlets, meetings -----------------------------------------------------------------------

def test_a_line_of_bare_names_lists_people() -> None:
    ex = read("会议召开。\n王大明、李小红、赵刚、孙丽丽\n")
    assert {"王大明", "李小红", "赵刚", "孙丽丽"} <= names(ex, Kind.PERSON)


def test_a_line_of_words_is_no_list_of_names() -> None:
    ex = read("主要产业：\n电子信息、生物医药、有色金属、现代家具\n")
    assert not names(ex, Kind.PERSON)


def test_xiangguan_starts_no_name_and_youguan_huiyi_names_no_meeting() -> None:
    ex = read("南京市市场监管局相关负责人说，会上传达了南京市有关会议精神。")
    assert not names(ex, Kind.PERSON)
    assert not names(ex, Kind.MEETING)


def test_a_paper_and_its_news_app_in_one_dateline_are_two_outlets(tmp_path: Path) -> None:
    path = tmp_path / "d.txt"
    path.write_text("江城都市报云帆新闻讯(记者王明)3月1日，会议召开。\n", encoding="utf-8")
    ex = extract(read_document(path))
    assert {"江城都市报", "云帆新闻"} <= names(ex, Kind.MEDIA)


def test_a_page_stamp_date_is_no_outlet() -> None:
    ex = read("某某发布会\n来源:   2030-11-28 10:00:00\n今天发布获奖情况。")
    assert not names(ex, Kind.MEDIA)


# -- an award's parts ----------------------------------------------------------------------------

def test_an_awards_parts_written_short_are_its_grades_and_their_count_no_figure() -> None:
    ex = read("江苏省人民政府质量奖分为质量奖、质量奖提名奖2个奖项。", place="江苏省")
    assert "江苏省人民政府质量奖提名奖" in names(ex, Kind.HONOUR)
    assert all(o.confidence < 0.5 or o.subject_inferred for o in ex.observations if o.value == 2)


def test_a_quoted_elided_award_before_its_selection_is_the_citys() -> None:
    ex = read("自2009年举办第一届“市长质量奖”评选以来，全市共有15家组织获奖。", place="马鞍山市")
    assert names(ex, Kind.HONOUR) == {"马鞍山市市长质量奖"}


def test_a_quality_chief_engineer_of_a_company_wins_a_personal_award() -> None:
    ex = read("确定星海汽车股份有限公司副总裁王大明、云帆酒业有限公司质量总工李小红获第四届南京市市长质量奖个人奖。")
    assert ("李小红", "质量总工", "云帆酒业有限公司") in posts(ex)
    assert {("王大明", "南京市市长质量奖个人奖"), ("李小红", "南京市市长质量奖个人奖")} <= listed(ex)


def test_a_county_level_citys_own_site_makes_its_quanshi_its_own(tmp_path: Path) -> None:
    path = tmp_path / "q.txt"
    path.write_text("全市茶叶产业链推进会召开\n5月9日，全市茶叶产业链推进会召开。市政协主席王大明出席会议，"
                    "副市长李小红主持会议。\nCopyright © 2002-2030 政协宜兴市委员会 地址：某路1号\n", encoding="utf-8")
    doc = read_document(path)
    assert doc.publisher == "政协宜兴市委员会"
    ex = extract(doc)
    assert ("李小红", "副市长", "宜兴市人民政府") in posts(ex)
    assert ("王大明", "主席", "中国人民政治协商会议宜兴市委员会") in posts(ex)


def test_a_paper_and_its_app_in_one_dateline_are_two_outlets(tmp_path: Path) -> None:
    path = tmp_path / "d.txt"
    path.write_text("江城晚报掌上江城9月6日讯(记者王明)会议召开。\n", encoding="utf-8")
    assert {"江城晚报", "掌上江城"} <= names(extract(read_document(path)), Kind.MEDIA)

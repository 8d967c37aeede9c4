"""Organisations, places and policies as real reports write them: draft titles, an issuer's letter in 《》,
short place forms that are common words, a province and its city glued at a phrase's start, bare units listed
before a placed one, plans named without 《》. Every sentence is our own, with invented firms and people.
"""

from __future__ import annotations

import datetime as dt

from qgraph.extract import extract
from qgraph.model import Document, Extraction, Kind
from qgraph.sources import split_sentences


def read(text: str, place: str | None = "内江市") -> Extraction:
    return extract(Document("p", "p.txt", text, place=place, date=dt.date(2024, 6, 1),
                            sentences=split_sentences(text)))


def names(ex: Extraction, *kinds: Kind) -> set[str]:
    return {e.name for e in ex.entities if not kinds or e.kind in kinds}


# -- policies -------------------------------------------------------------------------------------

def test_a_draft_marker_is_no_part_of_the_policy_name() -> None:
    ex = read("局里起草了《内江市质量提升实施方案（征求意见稿）》，后形成《内江市质量提升实施方案（送审稿）》。")
    assert names(ex, Kind.POLICY) == {"内江市质量提升实施方案"}


def test_a_provisional_marker_stays() -> None:
    ex = read("市政府印发《内江市质量奖管理办法（试行）》。")
    assert names(ex, Kind.POLICY) == {"内江市质量奖管理办法（试行）"}


def test_an_issuers_letter_in_title_marks_is_a_policy() -> None:
    ex = read("根据《某总局关于同意甲市等5个城市创建质量示范城市的函》要求，开展工作。")
    assert "某总局关于同意甲市等5个城市创建质量示范城市的函" in names(ex, Kind.POLICY)
    assert not names(read("他写了《我的家乡》一文。"), Kind.POLICY)


# -- places ---------------------------------------------------------------------------------------

def test_a_short_place_form_that_is_a_common_word_needs_a_place_context() -> None:
    for text in ("主持人请来宾共同为展板揭幕。", "各位领导、来宾出席活动。", "祝愿大家幸福安康。"):
        assert not names(read(text), Kind.PLACE), text
    assert names(read("活动在来宾举行。"), Kind.PLACE) == {"来宾市"}
    assert {"来宾市", "柳州市"} <= names(read("柳州、来宾等地企业参加。"), Kind.PLACE)


def test_a_province_and_its_city_glued_at_a_phrase_start_are_both_places() -> None:
    assert {"湖南省", "长沙市"} <= names(read("湖南长沙举办质量论坛。"), Kind.PLACE)
    assert {"江苏省", "常州市", "浙江省", "湖州市"} <= names(read("江苏常州、浙江湖州两地企业参加。"), Kind.PLACE)
    assert not names(read("甲公司生产的云南白药畅销。"), Kind.PLACE)


# -- departments ----------------------------------------------------------------------------------

def test_bare_departments_listed_before_a_placed_one_are_its_places() -> None:
    ex = read("草案送发改委、住建局、县科工信局等单位会签。", place="资中县")
    assert names(ex, Kind.DEPARTMENT) == {"资中县发展和改革委员会", "资中县住房和城乡建设局",
                                          "资中县科技和工业信息化局"}
    assert not names(ex, Kind.ORGANIZATION)


def test_an_item_with_a_place_or_a_firm_of_its_own_is_not_taken() -> None:
    ex = read("市发改委、县住建局等单位参加。", place="资中县")
    assert names(ex, Kind.DEPARTMENT) == {"内江市发展和改革委员会", "资中县住房和城乡建设局"}
    ex = read("甲公司质量办、县市场监管局参加。", place="资中县")
    assert names(ex, Kind.DEPARTMENT) == {"资中县市场监督管理局"}


def test_a_policy_named_without_title_marks_after_an_issuing_verb() -> None:
    ex = read("市政府出台了内江市质量强市建设实施方案，制定内江市质量奖管理办法。")
    assert {"内江市质量强市建设实施方案", "内江市质量奖管理办法"} <= names(ex, Kind.POLICY)
    assert "内江市质量奖" not in names(ex, Kind.HONOUR)
    assert names(read("市委市政府印发关于加快建设质量强市的意见。"), Kind.POLICY) == {"关于加快建设质量强市的意见"}


def test_a_plan_named_by_its_kind_alone_is_no_policy() -> None:
    for text in ("市政府出台了质量强市建设实施方案。", "全市出台实施方案。", "各地制定了工作方案，推动落实。"):
        assert not names(read(text), Kind.POLICY), text


def test_a_municipalitys_departments_are_bureaus_a_provinces_are_not() -> None:
    ex = read("天津市工业和信息化局副局长王某介绍情况，市科技局参加。", place="天津市")
    assert names(ex, Kind.DEPARTMENT) == {"天津市工业和信息化局", "天津市科学技术局"}
    assert names(read("河北省工信厅参加。", place="河北省"), Kind.DEPARTMENT) == {"河北省工业和信息化厅"}


def test_a_draft_named_alone_keeps_its_title() -> None:
    ex = read("会议审议了《关于开展甲品牌创建工作的实施意见（送审稿）》。")
    assert names(ex, Kind.POLICY) == {"关于开展甲品牌创建工作的实施意见（送审稿）"}


# -- leading groups' offices ----------------------------------------------------------------------

def test_a_drive_groups_office_after_a_function_word_is_the_reports_place() -> None:
    ex = read("会议由质量强市工作领导小组办公室主持。")
    assert names(ex, Kind.GOVERNMENT_BODY) == {"内江市质量强市工作领导小组办公室"}
    ex = read("会议由质量强县工作领导小组办公室主持。", place="资中县")
    assert names(ex, Kind.GOVERNMENT_BODY) == {"资中县质量强县工作领导小组办公室"}


def test_a_group_office_of_no_level_or_another_level_names_none() -> None:
    assert not names(read("会议由质量工作领导小组办公室主持。"), Kind.GOVERNMENT_BODY)
    assert not names(read("会议由质量强县工作领导小组办公室主持。"), Kind.GOVERNMENT_BODY)


# -- associations and offices written short --------------------------------------------------------

def test_short_forms_of_federations_and_offices_after_their_place() -> None:
    ex = read("市文明办、市工商联、市消协、市妇联参加活动。")
    assert names(ex, Kind.ASSOCIATION) == {"内江市工商业联合会", "内江市消费者协会", "内江市妇女联合会"}
    assert names(ex, Kind.DEPARTMENT) == {"内江市精神文明建设委员会办公室"}
    assert names(read("全国工商联发布榜单。"), Kind.ASSOCIATION) == {"中华全国工商业联合会"}


def test_a_federations_short_form_with_no_place_names_none() -> None:
    assert not names(read("各地妇联积极参与，工商联会员企业踊跃报名。"), Kind.ASSOCIATION)


# -- towns ----------------------------------------------------------------------------------------

def test_towns_after_a_word_of_location_or_in_a_list_of_towns() -> None:
    assert names(read("活动在甲亭镇乙才社区举行。", place="资中县"), Kind.PLACE) == {"甲亭镇"}
    ex = read("基地覆盖甲井镇、乙口镇、丙桥镇等主产镇。", place="资中县")
    assert names(ex, Kind.PLACE) == {"甲井镇", "乙口镇", "丙桥镇"}


def test_generic_words_ending_like_a_town_are_none() -> None:
    for text in ("各乡镇积极参与，特色小镇建设加快，在城乡之间流动。", "在全乡推广，在小城镇建设中。"):
        assert not names(read(text, place=None), Kind.PLACE), text


def test_a_town_first_in_a_list_of_units_is_a_place() -> None:
    ex = read("座谈中，甲下镇、县经信局、县甲行业协会等单位先后发言。", place="资中县")
    assert "甲下镇" in names(ex, Kind.PLACE)
    assert "甲下镇" not in names(ex, Kind.ORGANIZATION)
    assert not names(read("会上，各乡镇、县直各部门负责人参加。", place="资中县"), Kind.PLACE) - {"资中县"}


# -- a drive's bodies written without their place -------------------------------------------------

def test_a_drives_committee_without_its_place_is_the_reports_place() -> None:
    ex = read("请质量强县工作委员会成员单位于月底前报送材料。", place="资中县")
    assert names(ex, Kind.GOVERNMENT_BODY) == {"资中县质量强县工作委员会"}


def test_a_committee_after_a_drive_joined_by_ji_is_named_without_the_drive() -> None:
    ex = read("上周我县召开质量强县暨质量发展委员会全体会议。", place="资中县")
    assert names(ex, Kind.GOVERNMENT_BODY) == {"资中县质量发展委员会"}
    ex = read("县里学习了内江市质量强市暨质量发展委员会全体会议的部署。", place="资中县")
    assert names(ex, Kind.GOVERNMENT_BODY) == {"内江市质量发展委员会"}


def test_a_drive_of_no_level_of_the_report_names_no_body() -> None:
    assert not names(read("请质量强县工作委员会成员单位报送材料。", place=None), Kind.GOVERNMENT_BODY)
    assert not names(read("甲地质量强县工作委员会召开会议。", place="资中县"), Kind.GOVERNMENT_BODY)


# -- institutes -----------------------------------------------------------------------------------

def test_a_metrology_station_with_a_name_and_the_metrology_institutes_short_name() -> None:
    ex = read("国家甲电压计量站、中国计量科学院和甲公司签署协议。", place="湖北省")
    assert "国家甲电压计量站" in names(ex, Kind.INSPECTION_BODY)
    assert "中国计量科学研究院" in names(ex, Kind.RESEARCH_INSTITUTE)
    assert not names(read("县里建立了乡镇计量站。", place="资中县"), Kind.INSPECTION_BODY)


# -- places sharing one department's name ---------------------------------------------------------

def test_places_listed_before_a_placed_department_each_have_that_department() -> None:
    ex = read("资中县、威远县和隆昌市市场监管局分别通报了抽查进展。", place="内江市")
    assert names(ex, Kind.DEPARTMENT) == {"资中县市场监督管理局", "威远县市场监督管理局", "隆昌市市场监督管理局"}


def test_a_place_of_another_level_before_a_department_keeps_its_own() -> None:
    ex = read("会上，内江市、资中县市场监管局发言。", place="内江市")
    assert names(ex, Kind.DEPARTMENT) == {"资中县市场监督管理局"}


def test_a_unique_county_name_of_another_province_is_a_place() -> None:
    assert "溧阳市" in names(read("甲公司代表赴溧阳市参观学习。", place="广德市"), Kind.PLACE)

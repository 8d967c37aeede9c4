"""Entity spans, classes and generic words seen on a third batch of real reports: one mechanism per
section, each on our own minimal sentences, with negatives."""

from __future__ import annotations

import datetime as dt

from extraction_helpers import read
from qgraph.extract import extract
from qgraph.model import Document, Kind
from qgraph.sources import split_sentences

DATE = dt.date(2024, 5, 20)


def _names(text: str, kind: Kind, place: str | None = None) -> set[str]:
    ex = read(text, place=place, date=DATE)
    return {e.name for e in ex.entities if e.kind is kind and dict(e.attributes).get("implicit") != "true"}


def _all(text: str, place: str | None = None, publisher: str | None = None) -> set[tuple[str, str]]:
    doc = Document("t", "t.txt", text, date=DATE, place=place, publisher=publisher, sentences=split_sentences(text))
    return {(e.kind.value, e.name) for e in extract(doc).entities if dict(e.attributes).get("implicit") != "true"}


# 1. 和 joining two bodies before an elided 县 is no county 和县


def test_a_joiner_before_an_elided_county_body_is_no_county() -> None:
    text = "县市场监管局召开培训会，镇政府和县品牌工作委员会成员参加，县政府高度重视。"
    found = _all(text)
    assert not any(n.startswith(("和县", "中共和县")) for _, n in found), found
    assert ("Place", "和县") not in found


def test_the_county_written_after_its_city_or_at_a_boundary_stays() -> None:
    assert _names("马鞍山市和县市场监管局召开会议。", Kind.DEPARTMENT) == {"和县市场监督管理局"}
    assert _names("和县市场监管局召开会议。", Kind.DEPARTMENT) == {"和县市场监督管理局"}


# 2. a verb of visiting or discussing ends what runs before a chain's name; 企业 names no chain


def test_a_visit_verb_is_no_part_of_a_chains_name() -> None:
    text = "工作组到甲山镇调研光伏产业链情况，并探讨企业产业链配套等问题。"
    assert _names(text, Kind.INDUSTRY_CHAIN) == {"光伏产业链"}


# 3. a 来源： line's outlet stops before the stamp running on after it; 本网 is no outlet


def test_a_source_lines_outlet_stops_before_a_stamp() -> None:
    found = _all("来源:甲乙食安收集编辑:甲乙食安\n近日，乐至县召开质量工作会议。")
    assert ("MediaOrganization", "甲乙食安") in found
    assert not any(k == "MediaOrganization" and n != "甲乙食安" for k, n in found), found


def test_the_pages_own_site_is_no_outlet() -> None:
    found = _all("发布日期:2023-09-04 来源:本网\n近日，我市召开质量强市工作会议。", publisher="本网")
    assert not any(k == "MediaOrganization" for k, _ in found), found


# 4. a product that only applies for an indication is none yet


def test_a_product_applying_for_an_indication_is_none() -> None:
    assert _names("今年把甲山杨梅申请地理标志证明商标列为重点。", Kind.GEOGRAPHICAL_INDICATION) == set()
    assert _names("今年将甲山蓝莓申报地理标志证明商标。", Kind.GEOGRAPHICAL_INDICATION) == set()
    assert _names("甲山蓝莓地理标志证明商标正式启用。", Kind.GEOGRAPHICAL_INDICATION) == {"甲山蓝莓"}


# 5. a meeting's name starts after the relative clause of who drafted what it is about


def test_a_meetings_name_starts_after_a_drafting_clause() -> None:
    text = "甲乙泵业有限公司牵头起草的《水泵》团体标准研讨会暨启动会在丙市召开。"
    names = _names(text, Kind.MEETING)
    assert names and not any("起草" in n or "有限公司" in n for n in names), names


# 6. a province written right before one of its cities or counties is no mention of its own


def test_a_province_before_its_county_is_no_place_mention() -> None:
    assert _names("2月7日，四川省乐至县召开质量强县工作会议。", Kind.PLACE) == {"乐至县"}
    assert _names("市场监管总局在湖北省武汉市召开推进会。", Kind.PLACE) == {"武汉市"}


def test_a_province_also_named_alone_keeps_that_mention() -> None:
    text = "市场监管总局在湖北省武汉市召开推进会。湖北省质量工作成效明显。"
    assert _names(text, Kind.PLACE) == {"湖北省", "武汉市"}
    assert _names("浙江省制造业质量提升，浙江省平湖市积极推进。", Kind.PLACE) == {"浙江省", "平湖市"}


# 7. a person's name ends before 带领


def test_a_name_ends_before_leading_a_group() -> None:
    assert _names("市工商联主席张三带领调研组到甲山镇调研。", Kind.PERSON) == {"张三"}


# 8. Party offices chained after a committee post are all that committee's


def _posts(text: str, place: str) -> set[tuple[str, str, str]]:
    ex = read(text, place=place, date=DATE)
    return {(p.person.name, p.role, p.organization.name if p.organization else "") for p in ex.posts}


def test_chained_party_offices_after_a_committee_post() -> None:
    text = "乐至县委常委、组织部部长、统战部部长张三出席会议。"
    assert {"中共乐至县委员会组织部", "中共乐至县委员会统战部"} <= _names(text, Kind.DEPARTMENT, place="乐至县")
    assert ("张三", "部长", "中共乐至县委员会组织部") in _posts(text, "乐至县")
    assert ("张三", "部长", "中共乐至县委员会宣传部") in _posts("县委常委、宣传部部长张三出席。", "乐至县")


# 9. a town's Party committee and government written after the town's name


def test_a_towns_party_committee_and_government() -> None:
    text = "调研组到甲井镇调研;甲井镇党委书记张三陪同。"
    assert _names(text, Kind.GOVERNMENT_BODY, place="乐至县") == {"中共甲井镇委员会"}
    assert ("张三", "书记", "中共甲井镇委员会") in _posts(text, "乐至县")
    assert _names("会上，乙口镇人民政府作交流发言。", Kind.GOVERNMENT_BODY, place="乐至县") == {"乙口镇人民政府"}


def test_generic_towns_have_no_bodies() -> None:
    assert _names("各乡镇党委书记参加会议。", Kind.GOVERNMENT_BODY, place="乐至县") == set()
    assert _names("城乡政府共同推进。", Kind.GOVERNMENT_BODY, place="乐至县") == set()


# 10. a policy written without the place opening its full name is that policy


def test_a_policy_written_short_and_in_full_is_one() -> None:
    text = "传达学习《质量强国建设纲要》《质量强省建设纲要》。会议强调《质量强国建设纲要》和《广东省质量强省建设纲要》作出部署。"
    assert _names(text, Kind.POLICY, place="河源市") == {"质量强国建设纲要", "广东省质量强省建设纲要"}


def test_a_national_policy_is_no_provinces() -> None:
    text = "学习《质量强国建设纲要》和《广东省质量强国建设纲要》。"
    assert _names(text, Kind.POLICY, place="河源市") == {"质量强国建设纲要", "广东省质量强国建设纲要"}


# 11. 品字标 is the mark of the 浙江制造 scheme


def test_the_mark_names_its_scheme() -> None:
    text = "甲乙机械股份有限公司的“品字标”团体标准启动。平湖市通过“品字标”认证企业14家，发布“浙江制造”标准12项。"
    found = _all(text, place="平湖市")
    assert ("CertificationScheme", "浙江制造") in found
    assert not any(n == "品字标" for _, n in found), found


# 12. a meeting held in each of several places is no named event


def test_a_meeting_held_in_each_town_is_no_event() -> None:
    assert _names("市场监管局在各乡镇召开质量提升推进会，请来专家。", Kind.MEETING, place="平湖市") == set()
    assert _names("市场监管局在甲镇召开质量提升推进会，请来专家。", Kind.MEETING, place="平湖市") == {"质量提升推进会"}
    assert _names("各县区分别召开2024年质量工作会议。", Kind.MEETING, place="平湖市") == {"2024年质量工作会议"}


# 13. systems joined under one head 制度; a 联席会 is a meeting; metrology centres and laboratories


def test_systems_joined_under_one_head() -> None:
    assert _names("推行首席质量官及质量追溯制度，开展培训。", Kind.QUALITY_SYSTEM) == {"首席质量官制度", "质量追溯制度"}
    assert _names("完善考核和奖惩制度。", Kind.QUALITY_SYSTEM) == set()  # no system of the lexicon first


def test_a_joint_meeting_is_a_meeting() -> None:
    text = "3月5日，甲山县召开2024年质量强县第二次联席会，副县长张三出席会议。"
    assert _names(text, Kind.MEETING, place="甲山县") == {"2024年质量强县第二次联席会"}


def test_metrology_centres_and_laboratories_are_inspection_bodies() -> None:
    text = "批复同意筹建甲湾计量区域中心，该中心与乙市政署化验处等单位开展合作。"
    assert {"甲湾计量区域中心", "乙市政署化验处"} <= _names(text, Kind.INSPECTION_BODY)


# 14. the outlet of a page's stamp line; 曾多次 after a post is no name


def test_the_outlet_of_a_stamp_line() -> None:
    assert ("MediaOrganization", "甲方网") in _all("某区召开会议\n2024-07-22 11:17:52 - 甲方网\n7月18日，某区召开会议。")
    assert ("MediaOrganization", "乙鲁晚报") in _all("某局召开会议\n乙鲁晚报     2024年03月01日\n2月27日，某局召开会议。")
    found = _all("某局召开会议\n2024-07-22 市场监管局\n2月27日，某局召开会议。")
    assert not any(k == "MediaOrganization" for k, _ in found), found


def test_an_adverb_after_a_post_is_no_name() -> None:
    assert _names("总书记曾多次作出重要指示。", Kind.PERSON) == set()


# 15. names closing a report after its last sentence are its authors


def test_names_closing_a_report_are_people() -> None:
    assert _names("多途径推进标准项目立项申报。王雷君 蒋慧", Kind.PERSON) == {"王雷君", "蒋慧"}
    assert _names("多途径推进标准项目立项申报。全文完", Kind.PERSON) == set()
    assert _names("多途径推进标准项目立项申报。责任编辑", Kind.PERSON) == set()


def test_a_province_written_again_inside_a_name_keeps_the_mention() -> None:
    text = "甲月1日，河南省虞城县被命名为“河南省质量强县示范县”。"
    assert "河南省" in _names(text, Kind.PLACE)


# 16. a county's report that writes its county only short, before a product, is that county's


def test_a_county_report_writing_only_its_short_name() -> None:
    text = "县市场监管局召开会议，推动怀宁杨梅品牌建设，全县企业参加，县政府高度重视。"
    assert _names(text, Kind.DEPARTMENT) == {"怀宁县市场监督管理局"}
    two = "县市场监管局召开会议，推动怀宁杨梅和潜山茶叶品牌建设，全县企业参加。"
    assert not any(n.startswith(("怀宁县", "潜山")) for n in _names(two, Kind.DEPARTMENT))

"""Posts of leading groups and committees, lists of attendees, posts written after the name, and credit
lines: one regression test per mechanism, on our own minimal sentences."""

from __future__ import annotations

import datetime as dt

from qgraph.extract import extract
from qgraph.model import Document, Extraction, Kind
from qgraph.sources import split_sentences


def read(text: str, place: str | None = "德清县") -> Extraction:
    return extract(Document("g", "g.txt", text, place=place, date=dt.date(2024, 5, 1),
                            sentences=split_sentences(text)))


def held(ex: Extraction) -> set[tuple[str, str, str | None]]:
    return {(p.person.name, p.role, p.organization.name if p.organization else None) for p in ex.posts}


def people(ex: Extraction) -> set[str]:
    return {e.name for e in ex.entities if e.kind is Kind.PERSON}


# -- a leading group written bare (bare_groups) ------------------------------------------------------

def test_bare_group_office_is_the_office_of_the_group_named_before() -> None:
    ex = read("县质量强县工作领导小组召开全体会议。县政府副县长、领导小组办公室主任孙伟主持会议。")
    assert {("孙伟", "副县长", "德清县人民政府"),
            ("孙伟", "主任", "德清县质量强县工作领导小组办公室")} <= held(ex)


def test_bare_group_office_without_a_group_named_before_is_left_open() -> None:
    ex = read("县政府副县长、领导小组办公室主任孙伟主持会议。")
    assert not any(e.name.endswith("领导小组办公室") for e in ex.entities)
    assert held(ex) == {("孙伟", "主任", None)}  # the person and the post are read, the office is open
    ex = read("县食品安全工作领导小组召开会议。领导小组办公室主任孙伟讲话。")  # one group named before
    assert held(ex) == {("孙伟", "主任", "德清县食品安全工作领导小组办公室")}


def test_bare_group_with_two_groups_named_before_is_left_open() -> None:
    ex = read("县质量强县工作领导小组、县食品安全工作领导小组联合召开会议。领导小组办公室主任孙伟讲话。")
    assert not any(e.name.endswith("领导小组办公室") for e in ex.entities)
    assert {"德清县质量强县工作领导小组", "德清县食品安全工作领导小组"} <= {e.name for e in ex.entities}
    assert held(ex) == {("孙伟", "主任", None)}  # the two groups and the person are read, the office is open


# -- lists of attendees and leaders (attendees) -------------------------------------------------------

def test_elided_body_after_a_list_opener_is_the_reports_own() -> None:
    ex = read("参加会议的有县人大常委会副主任李强、县政协副主席赵芳。")
    assert {("李强", "副主任", "德清县人民代表大会常务委员会"),
            ("赵芳", "副主席", "中国人民政治协商会议德清县委员会")} <= held(ex)


def test_leaders_listed_by_name_are_people_without_posts() -> None:
    ex = read("县领导陈刚、刘燕等出席启动仪式。")
    assert {"陈刚", "刘燕"} <= people(ex)
    assert not any(p in ("陈刚", "刘燕") for p, _, _ in held(ex))


def test_leaders_word_without_names_gives_no_people() -> None:
    ex = read("县领导班子成员出席会议，各级领导高度重视，市领导干部出席。")
    assert not people(ex)


# -- posts written after the name, in brackets (bracketed_posts) -------------------------------------

def test_post_in_brackets_after_the_name() -> None:
    ex = read("会议由郑华（县质量发展委员会副主任）主持，陈立（县人大常委会副主任、县总工会主席）出席。")
    assert {("郑华", "副主任", "德清县质量发展委员会"),
            ("陈立", "副主任", "德清县人民代表大会常务委员会"),
            ("陈立", "主席", "德清县总工会")} <= held(ex)


def test_government_head_in_brackets_holds_the_post_in_the_government() -> None:
    ex = read("企业代表刘强（德清甲乙科技有限公司总经理）发言，陈立（副县长）出席。")
    assert {("刘强", "总经理", "德清甲乙科技有限公司"), ("陈立", "副县长", "德清县人民政府")} <= held(ex)


def test_a_bracket_that_is_no_post_gives_no_person() -> None:
    ex = read("王明（2023年）获奖，德清甲乙科技有限公司（以下简称甲乙科技）参加。")
    assert not people(ex) and not ex.posts


# -- credit lines (credits, bylines) ------------------------------------------------------------------

def test_each_name_of_a_credit_line_takes_its_own_credit_word() -> None:
    ex = read("县市场监管局召开质量工作会议。\n编辑 李敏 审核 徐卫东\n文字：张明 摄影：李华 终审：周强")
    assert {("李敏", "编辑", None), ("徐卫东", "审核", None), ("张明", "作者", None),
            ("李华", "摄影", None), ("周强", "审核", None)} <= held(ex)


def test_a_source_line_holding_a_credit_names_the_author_and_no_post_in_the_source() -> None:
    ex = read("县市场监管局召开质量工作会议。\n来源：县市场监管局 作者：孙丽")
    assert ("孙丽", "作者", None) in held(ex)
    assert not any(org for p, _, org in held(ex) if p == "孙丽")


# -- chains of posts (people: earlier posts) ----------------------------------------------------------

def test_a_chain_of_one_bureaus_posts_before_a_comma_keeps_the_bureau() -> None:
    ex = read("市市场监管局党组书记、局长，市质量强市工作领导小组办公室主任吴国平通报情况。", place="湖州市")
    assert {("吴国平", "党组书记", "湖州市市场监督管理局"), ("吴国平", "局长", "湖州市市场监督管理局"),
            ("吴国平", "主任", "湖州市质量强市工作领导小组办公室")} <= held(ex)


def test_committee_member_and_executive_deputy_head_before_a_group_post() -> None:
    ex = read("县委常委、常务副县长、县质量发展委员会主任杨帆讲话。")
    assert {("杨帆", "常委", "中共德清县委员会"), ("杨帆", "常务副县长", "德清县人民政府"),
            ("杨帆", "主任", "德清县质量发展委员会")} <= held(ex)
    assert "常务副" not in people(ex)


def test_a_name_before_the_comma_ends_the_chain() -> None:
    ex = read("县长李华，县委常委、副县长杨帆出席。")
    assert ("李华", "县长", "德清县人民政府") in held(ex)
    assert not any(p == "杨帆" and role == "县长" for p, role, _ in held(ex))


# -- a department written bare inside a chain of posts (chain_departments) -----------------------------

def test_a_bare_department_inside_a_chain_of_posts_is_the_reports_places() -> None:
    ex = read("县市场监管局局长、质量发展委员会办公室主任杨策出席，县政府副县长、质量发展委员会副主任高同主持。")
    assert {("杨策", "局长", "德清县市场监督管理局"), ("杨策", "主任", "德清县质量发展委员会办公室"),
            ("高同", "副县长", "德清县人民政府"), ("高同", "副主任", "德清县质量发展委员会")} <= held(ex)


def test_a_bare_department_outside_a_chain_of_posts_is_left_alone() -> None:
    ex = read("质量发展委员会成员单位负责人参加会议。县市场监管局局长孙伟讲话。")
    assert not any(e.name.endswith("质量发展委员会") for e in ex.entities)
    assert held(ex) == {("孙伟", "局长", "德清县市场监督管理局")}  # the sentence after it is read
    ex = read("县政府副县长、质量发展委员会主任孙伟参加会议。")  # in a chain of posts: the report's place's
    assert ("孙伟", "主任", "德清县质量发展委员会") in held(ex)


def test_names_alone_in_brackets_closing_the_report_are_its_authors() -> None:
    ex = read("活动正式拉开序幕。（祝萍 胡新平）\n责任编辑：王芳")
    assert {("祝萍", "作者", None), ("胡新平", "作者", None), ("王芳", "责任编辑", None)} <= held(ex)


def test_names_in_brackets_followed_by_more_prose_are_no_credit() -> None:
    ex = read("活动正式拉开序幕。（祝萍 胡新平）\n下一步，县市场监管局将继续推进。")
    assert not people(ex)
    assert {e.name for e in ex.entities} == {"德清县市场监督管理局", "德清县"}  # the prose after it is read
    ex = read("活动正式拉开序幕。（祝萍 胡新平）")  # closing the report: its authors
    assert held(ex) == {("祝萍", "作者", None), ("胡新平", "作者", None)}


def test_a_meeting_named_again_by_its_year_and_its_end_is_the_same_meeting() -> None:
    ex = read("德清县召开2024年质量强县工作领导小组全体会议\n4月11日，县质量强县工作领导小组召开2024年全体会议。")
    meetings = {e.name for e in ex.entities if e.kind is Kind.MEETING}
    assert meetings == {"2024年质量强县工作领导小组全体会议"}
    ex = read("德清县召开2024年质量工作会议\n全县召开2023年全体会议。")
    assert "2023年全体会议" in {e.name for e in ex.entities if e.kind is Kind.MEETING}


def test_a_head_after_you_is_the_reports_places() -> None:
    assert ("张丙飞", "副县长", "德清县人民政府") in held(read("会议由副县长张丙飞主持。"))
    assert ("张丙飞", "副县长", "德清县人民政府") in held(read("会议由张丙飞副县长主持。"))
    assert ("张丙飞", "副县长", "德清县人民政府") in held(read("县政府决定成立由张丙飞副县长任组长的县质量强县工作领导小组。"))
    assert not people(read("由于张三市长出差，会议延期。", place="湖州市"))

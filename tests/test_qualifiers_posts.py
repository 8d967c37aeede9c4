"""Posts, award counts, bylines, short office names and shares by cause: one regression test per
mechanism, on our own minimal sentences of the shape real reports of the genre use."""

from __future__ import annotations

import datetime as dt

from qgraph.extract import extract
from qgraph.model import Document, Extraction, Kind
from qgraph.sources import split_sentences


def read(text: str, place: str | None = "沂水县") -> Extraction:
    return extract(Document("q", "q.txt", text, place=place, date=dt.date(2025, 6, 1),
                            sentences=split_sentences(text)))


def held(ex: Extraction) -> set[tuple[str, str, str | None]]:
    return {(p.person.name, p.role, p.organization.name if p.organization else None) for p in ex.posts}


# -- posts of a Party committee --------------------------------------------------------------------

def test_committee_posts_keep_the_committee() -> None:
    ex = read("会上，县委副书记王小明讲话，县委常委、副县长李大强出席。")
    assert ("王小明", "副书记", "中共沂水县委员会") in held(ex)
    assert {("李大强", "常委", "中共沂水县委员会"), ("李大强", "副县长", "沂水县人民政府")} <= held(ex)


def test_city_committee_member_named_in_a_county_report_keeps_the_city_committee() -> None:
    ex = read("临沂市委常委张明出席。")
    assert ("张明", "常委", "中共临沂市委员会") in held(ex)


def test_an_unknown_county_committee_is_left_open() -> None:
    ex = read("县委副书记王芳出席。", place="临沂市")
    assert ("王芳", "副书记", None) in held(ex)  # which county is not said: no guess


def test_a_department_after_a_committee_post_is_the_committee_department() -> None:
    ex = read("县委常委、宣传部部长刘洋出席。")
    assert {("刘洋", "常委", "中共沂水县委员会"), ("刘洋", "部长", "中共沂水县委员会宣传部")} <= held(ex)
    assert any(e.kind is Kind.DEPARTMENT and e.name == "中共沂水县委员会宣传部" for e in ex.entities)


def test_government_post_and_leading_group_post_are_both_kept() -> None:
    ex = read("县政府副县长、县质量强县工作领导小组副组长赵敏主持会议。")
    assert {("赵敏", "副县长", "沂水县人民政府"), ("赵敏", "副组长", "沂水县质量强县工作领导小组")} <= held(ex)


# -- award counts --------------------------------------------------------------------------------

def test_count_after_the_first_winner_belongs_to_the_award() -> None:
    ex = read("县政府决定，授予沂水华通机械有限公司等7家企业“沂水县县长质量奖”，"
              "授予王建国等3名个人“沂水县质量工匠”称号。")
    by_value = {int(o.value): o for o in ex.observations}
    assert by_value[7].subject.name == "沂水县县长质量奖" and by_value[7].measure.endswith("企业")
    assert by_value[3].subject.name == "沂水县质量工匠" and by_value[3].measure.endswith("个人")
    assert not any(o.subject and o.subject.name in ("沂水华通机械有限公司", "王建国") for o in ex.observations)
    people = next(li for li in ex.listings if li.programme.name == "沂水县质量工匠")
    assert people.count == 3 and [r.name for r in people.recipients] == ["王建国"]


# -- bylines in brackets ---------------------------------------------------------------------------

def test_bracketed_byline_names_people_with_their_roles() -> None:
    ex = read("本报讯（记者 张三 通讯员 李四）近日，沂水县召开质量工作会议。")
    assert {("张三", "记者", None), ("李四", "通讯员", None)} <= held(ex)
    assert {e.name for e in ex.entities if e.kind is not Kind.PERSON} & {"张三", "李四", "记者 张三"} == set()


def test_photo_credit_names_the_photographer_and_no_organisation() -> None:
    ex = read("会议现场。（张三 摄）图为检测现场。（县市场监管局供图 李华 摄）")
    assert {("张三", "摄影", None), ("李华", "摄影", None)} <= held(ex)
    kinds = {e.name: e.kind for e in ex.entities}
    assert kinds["张三"] is Kind.PERSON and kinds["李华"] is Kind.PERSON
    assert not any(e.kind.is_organization and "李华" in e.name for e in ex.entities)


def test_a_bracket_without_a_name_is_no_credit() -> None:
    ex = read("产品抽检（按批次计摄）合格。")
    assert not ex.posts


# -- abbreviated offices ---------------------------------------------------------------------------

def test_abbreviated_offices_are_the_place_offices() -> None:
    ex = read("县质量强县办、县食药安办联合开展检查，临沂市质量强市办印发通知。")
    bodies = {e.name: e.kind for e in ex.entities}
    assert bodies["沂水县质量强县工作领导小组办公室"] is Kind.GOVERNMENT_BODY
    assert bodies["沂水县食品药品安全委员会办公室"] is Kind.GOVERNMENT_BODY
    assert bodies["临沂市质量强市工作领导小组办公室"] is Kind.GOVERNMENT_BODY


# -- shares by cause -------------------------------------------------------------------------------

def test_share_of_each_cause_is_one_measure_broken_down_by_cause() -> None:
    ex = read("本次抽检食品500批次，不合格12批次，不合格项目主要为微生物污染（占38.8%）、农兽药残留（占20.1%）。")
    shares = {o.breakdown: o for o in ex.observations if o.unit == "Percent"}
    assert set(shares) == {"微生物污染", "农兽药残留"}
    assert {o.measure for o in shares.values()} == {"不合格项目占比"}


def test_cause_written_before_zhan_is_no_part_of_the_measure() -> None:
    ex = read("不合格原因主要是微生物污染，占不合格批次的38.8%；农兽药残留占20.1%。")
    shares = {o.breakdown: o.measure for o in ex.observations if o.unit == "Percent"}
    assert shares == {"微生物污染": "不合格项目占比", "农兽药残留": "不合格项目占比"}


def test_causes_listed_after_fenbiewei_each_break_down_the_share() -> None:
    ex = read("从不合格项目类别看，不合格项目占不合格样品总量分别为：微生物污染26.2%，农药残留超标20.1%，重金属等元素污染7.0%。")
    shares = {o.breakdown: o.measure for o in ex.observations if o.unit == "Percent"}
    assert shares == {"微生物污染": "不合格项目占比", "农药残留超标": "不合格项目占比", "重金属等元素污染": "不合格项目占比"}


def test_rates_listed_after_fenbiewei_without_a_cause_head_are_left_alone() -> None:
    ex = read("乳制品、肉制品的抽检不合格率分别为0.5%、1.7%。")
    assert ex.observations
    assert all("占比" not in o.measure for o in ex.observations)


def test_a_share_without_a_cause_clause_is_left_alone() -> None:
    ex = read("全县产品抽检合格率达98.5%。")
    assert ex.observations
    assert all(o.breakdown is None and "占比" not in o.measure for o in ex.observations)


def test_a_reporter_who_took_the_photo_keeps_the_reporter_role() -> None:
    ex = read("（记者 王明明 摄）沂水县举行质量月活动。")
    assert ("王明明", "记者", None) in held(ex)

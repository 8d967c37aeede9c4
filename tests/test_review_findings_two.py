"""False facts a review reproduced, each on our own minimal sentence, with a case showing the rule still
does its job on the shape it was written for."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from extraction_helpers import fig, low, read


def periods(ex) -> dict[Decimal, str | None]:
    return {o.value: o.period for o in ex.observations}


# -- 1. 今年 after a plan word in a January report is the year of writing -------------------------------

def test_1_this_year_after_a_plan_word_is_the_year_of_writing() -> None:
    text = "1月10日，甲市召开质量工作会议。会议要求，今年完成抽检5000批次，全市新增注册商标1000件。"
    got = periods(read(text, place="甲市", date=dt.date(2019, 1, 10), title="甲市召开质量工作会议"))
    assert got[Decimal(5000)] == "2019" and got[Decimal(1000)] == "2019"


def test_1_this_year_telling_results_in_january_is_still_the_year_just_ended() -> None:
    text = "1月8日，甲市市场监管局召开新闻发布会。今年，全市共查处各类案件560件，抽检食品2300批次。"
    got = periods(read(text, place="甲市", date=dt.date(2019, 1, 8)))
    assert got[Decimal(560)] == "2018" and got[Decimal(2300)] == "2018"


# -- 2. a year framed in the lead does not date this year's months in a later paragraph -----------------

FRAMED = "记者从甲市市场监管局获悉，2018年，全市完成抽检500批次。\n"


def test_2_a_later_paragraphs_months_so_far_are_this_years() -> None:
    text = FRAMED + "1-2月，全市新增注册商标200件。全市有效注册商标达到5万件。"
    got = periods(read(text, place="甲市", date=dt.date(2019, 3, 5), title="甲市质量工作成效显著"))
    assert got[Decimal(500)] == "2018"
    assert got[Decimal(200)] == "2019-01/2019-02" and got[Decimal(50000)] == "2019"


def test_2_a_year_framed_in_the_lead_still_governs_a_later_paragraph_without_months() -> None:
    text = FRAMED + "抽检数据还显示，食品抽检不合格率为2.83%。"
    got = periods(read(text, place="甲市", date=dt.date(2019, 3, 5)))
    assert got[Decimal(500)] == "2018" and got[Decimal("2.83")] == "2018"


# -- 3. a year heading a history sentence with no figure is no period of the paragraph ------------------

def test_3_a_history_sentences_year_does_not_date_the_figure_after_it() -> None:
    text = "质量是发展之基。2015年，甲市被确定为质量强市示范城市创建单位。全市产品质量监督抽查合格率为96.5%。"
    got = periods(read(text, place="甲市", date=dt.date(2019, 6, 5)))
    assert got[Decimal("96.5")] == "2019"


def test_3_a_year_heading_a_results_sentence_still_goes_on() -> None:
    text = "质量是发展之基。2015年，甲市质量工作财政投入1043万元。全市产品质量监督抽查合格率为96.5%。"
    got = periods(read(text, place="甲市", date=dt.date(2019, 6, 5)))
    assert got[Decimal(10430000)] == "2015" and got[Decimal("96.5")] == "2015"


# -- 4. bare departments before another place's bureau are not that place's ----------------------------

def _depts(ex) -> set[str]:
    return {e.name for e in ex.entities if e.kind.name == "DEPARTMENT"}


def test_4_bare_items_before_another_places_bureau_are_not_its() -> None:
    got = _depts(read("会上，财政局、教育局、长葛市市场监管局作典型发言。", place="许昌市"))
    assert not {"长葛市财政局", "长葛市教育局"} & got
    got = _depts(read("会上，发改委、长葛市市场监管局作典型发言。", place="许昌市"))
    assert "长葛市发展和改革委员会" not in got


def test_4_bare_items_before_the_reports_own_placed_bureau_are_its() -> None:
    got = _depts(read("草案送发改委、住建局、县科工信局等单位会签。", place="资中县"))
    assert {"资中县发展和改革委员会", "资中县住房和城乡建设局"} <= got


# -- 5. a meeting relayed (传达学习…精神) gets no date of relaying; a nationwide name needs its year -------

def _meetings(ex) -> dict[str, dict]:
    return {e.name: dict(e.attributes) for e in ex.entities if e.kind.name == "MEETING"}


def test_5_a_relayed_meeting_is_not_dated_with_the_day_of_relaying() -> None:
    text = "3月5日，许昌市召开会议，传达学习了全国市场监管工作会议精神。"
    assert _meetings(read(text, place="许昌市", date=dt.date(2019, 3, 5))) == {}
    text = "3月5日，许昌市召开会议，传达学习了2019年全国市场监管工作会议精神。"
    got = _meetings(read(text, place="许昌市", date=dt.date(2019, 3, 5)))
    assert got == {"2019年全国市场监管工作会议": {}}


def test_5_a_meeting_attended_is_dated_and_the_reports_own_level_needs_no_year() -> None:
    got = _meetings(read("3月5日，在许昌市质量工作会议上，李华作讲话。", place="许昌市", date=dt.date(2019, 3, 5)))
    assert got == {"许昌市质量工作会议": {"date": "2019-03-05"}}
    got = _meetings(read("长葛市召开会议，传达学习了全市质量工作推进会议精神。", place="长葛市", date=dt.date(2019, 3, 5)))
    assert "全市质量工作推进会议" in got


# -- 6. a place named a candidate for a title (争创单位, 创建试点) is no holder of it -----------------------

def _listed(ex) -> set[tuple[str, str]]:
    return {(x.programme.name, p.name) for x in ex.listings for p in x.recipients}


def test_6_candidates_for_a_title_are_not_listed_in_it() -> None:
    assert not _listed(read("会议确定长葛市、禹州市为“河南省质量强县”争创单位。", place="许昌市"))
    assert not _listed(read("2015年，许昌市被确定为全国质量强市示范城市创建试点城市。", place="许昌市"))
    assert not _listed(read("许昌市被确定为“全国质量强市示范城市”创建试点。", place="许昌市"))


def test_6_places_named_to_a_title_are_still_listed() -> None:
    assert _listed(read("长葛市、禹州市被评为“河南省质量强县”。", place="许昌市")) == {
        ("河南省质量强县", "长葛市"), ("河南省质量强县", "禹州市")}
    assert _listed(read("授予长葛市、禹州市“河南省质量强县”称号。", place="许昌市")) == {
        ("河南省质量强县", "长葛市"), ("河南省质量强县", "禹州市")}


# -- 7. 乡 before 镇, and words describing towns, name no town -------------------------------------------

def _places(ex) -> set[str]:
    return {e.name for e in ex.entities if e.kind.name == "PLACE"}


def test_7_words_describing_towns_are_no_town() -> None:
    assert not _places(read("质量技术服务延伸到农村乡镇和重点乡镇。", place="许昌市")) - {"许昌市"}
    assert not _places(read("深入到偏远乡镇、边远山乡开展服务。", place="许昌市")) - {"许昌市"}
    assert not _places(read("会上，先进乡、县市场监管局作了交流发言。", place="许昌市")) - {"许昌市"}


def test_7_a_named_town_after_a_location_word_or_first_in_a_list_is_still_read() -> None:
    assert "甲亭镇" in _places(read("活动在甲亭镇乙才社区举行。", place="许昌市"))
    assert "甲岭乡" in _places(read("会上，甲岭乡、县市场监管局作了交流发言。", place="许昌市"))


# -- 8. a place backed by another (支持, 帮助) is no object of a giving verb -------------------------------

def test_8_a_figure_after_a_backed_place_is_not_the_backers() -> None:
    o = fig(read("河南省支持许昌市新增规上工业企业300家。", place="河南省", date=dt.date(2019, 3, 5)), "300")
    assert o.subject.name == "许昌市" and low(o)


def test_8_the_place_served_by_a_giving_verb_still_gives_the_figure_to_the_heading_place() -> None:
    o = fig(read("南宁向桂林输送技术人员300人。", place="南宁市", date=dt.date(2024, 5, 1)), "300")
    assert o.subject.name == "南宁市"


# -- 9. two documents joined after an issuing verb are no one policy ----------------------------------------

def _policies(ex) -> set[str]:
    return {e.name for e in ex.entities if e.kind.name == "POLICY"}


def test_9_a_plan_and_other_documents_joined_are_not_one_policy() -> None:
    got = _policies(read("市政府印发了甲市质量强市建设实施方案和相关意见。", place="甲市"))
    assert not any("和" in n for n in got)


def test_9_a_plan_named_without_title_marks_is_still_a_policy() -> None:
    got = _policies(read("市政府出台了内江市质量强市建设实施方案，制定内江市质量奖管理办法。", place="内江市"))
    assert {"内江市质量强市建设实施方案", "内江市质量奖管理办法"} <= got
    got = _policies(read("市政府印发了内江市质量强市建设实施方案和相关意见。", place="内江市"))
    assert got == {"内江市质量强市建设实施方案"}


# -- 10. an award round's year dates the award's own figures only ---------------------------------------

def test_10_an_award_rounds_year_does_not_date_the_reports_other_figures() -> None:
    text = "11月20日，甲市召开质量大会，表彰2018年度市长质量奖获奖企业。全市产品质量监督抽查合格率达到96.5%。"
    got = periods(read(text, place="甲市", date=dt.date(2019, 11, 20)))
    assert got[Decimal("96.5")] == "2019"


def test_10_the_awards_own_figures_keep_the_rounds_year() -> None:
    text = "11月20日，甲市召开质量大会，表彰2018年度市长质量奖获奖企业。3家企业获市长质量奖，各奖励50万元。"
    got = periods(read(text, place="甲市", date=dt.date(2019, 11, 20)))
    assert got[Decimal(3)] == "2018" and got[Decimal(500000)] == "2018"

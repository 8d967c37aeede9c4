"""Rules that stated false facts on sentences they were not written for: one regression test per cause,
on our own minimal sentences, each with the reading the rule was written for."""

from __future__ import annotations

import datetime as dt

from tests.extraction_helpers import fig, read


# -- a county name inside the words around it (award_places, places) ----------------------------------

def test_county_name_inside_an_award_head_is_no_place() -> None:
    ex = read("2024年度市长质量奖和县长质量奖评选结果公布，共有5家企业获得县长质量奖。")
    names = {e.name for e in ex.entities}
    assert "和县" not in names and not any(n.startswith("马鞍山") or n.startswith("和县") for n in names)
    assert fig(ex, "5").subject.name == "县长质量奖"
    ex = read("张三曾担任县长多年。全县3家企业获得县长质量奖。")
    assert not any(e.name.startswith("任县") for e in ex.entities)


def test_county_named_with_its_government_still_owns_the_elided_award() -> None:
    ex = read("德清县人民政府关于表彰2023年度县长质量奖获奖企业的决定。共有3家企业获得县长质量奖。")
    assert fig(ex, "3").subject.name == "德清县县长质量奖"


# -- a table whose lead says its rows are no winners (table_rows) -------------------------------------

def _listed(text: str, place: str | None = None) -> set[tuple[str, str]]:
    return {(r.name, x.programme.name) for x in read(text, place=place).listings for r in x.recipients}


ROWS = "\n序号 企业名称 所在区县\n1 湖州甲机械有限公司 吴兴区\n2 湖州乙纺织有限公司 南浔区\n"


def test_table_after_a_withdrawal_lists_no_winners() -> None:
    assert not _listed("以下企业因发生重大质量安全事故，撤销其湖州市市长质量奖称号：" + ROWS)
    assert not _listed("2024年度湖州市市长质量奖拟授予企业名单公示如下：" + ROWS)


def test_table_after_a_result_still_lists_its_winners() -> None:
    assert ("湖州乙纺织有限公司", "湖州市市长质量奖") in _listed("2024年度湖州市市长质量奖获奖企业名单如下：" + ROWS)


# -- a bare department in a chain of posts takes the chain's first organisation's place (chain_departments)

def _held(text: str, place: str) -> set[tuple[str, str, str]]:
    return {(p.person.name, p.role, p.organization.name) for p in read(text, place=place).posts if p.organization}


def test_bare_department_in_a_chain_of_another_place_is_that_places() -> None:
    held = _held("湖州市市场监管局局长、质量发展委员会办公室主任张三出席会议。", "德清县")
    assert ("张三", "主任", "湖州市质量发展委员会办公室") in held
    assert not any(org.startswith("德清县") for _, _, org in held)


def test_bare_department_in_a_chain_of_the_reports_place_is_still_its_own() -> None:
    held = _held("县市场监管局局长、质量发展委员会办公室主任李四出席会议。", "德清县")
    assert ("李四", "主任", "德清县质量发展委员会办公室") in held


# -- a common word after a leaders' word is no name (attendees) ----------------------------------------

def _persons(text: str) -> set[str]:
    return {e.name for e in read(text, place="德清县").entities if e.kind.name == "PERSON"}


def test_common_words_after_a_leaders_word_are_no_names() -> None:
    for text in ("县领导应邀出席。", "县领导全程参加。", "县领导于会前出席。", "县领导单独参加。"):
        assert not _persons(text), text


def test_names_after_a_leaders_word_are_still_persons() -> None:
    assert _persons("县领导张三、应勇出席启动仪式。") == {"张三", "应勇"}


# -- a category part needs the category in the check's own list (category_checks) ---------------------

def test_category_named_by_another_activity_is_no_part_of_the_check() -> None:
    ex = read("2024年，区市场监管局开展电动自行车产品质量监督抽查，共抽查30批次。同时开展燃气灶安全宣传进社区活动。"
              "燃气灶抽查20批次，不合格3批次。", place="婺城区")
    for value in ("20", "3"):
        assert fig(ex, value).subject.name != "电动自行车产品质量监督抽查"


def test_category_listed_by_the_check_is_still_its_part() -> None:
    ex = read("2024年，区市场监管局开展儿童用品质量监督抽查，共抽查童车、玩具和童装3类产品50批次。"
              "其中，童装抽查20批次，不合格3批次。", place="婺城区")
    o = fig(ex, "20")
    assert o.subject.name == "儿童用品质量监督抽查" and o.breakdown == "童装"


# -- quoted items take their kind from the programme's head (quoted_items) ---------------------------

def test_quoted_campaigns_in_a_list_of_cases_are_no_brands() -> None:
    ex = read("“湖州制造提升行动”“德清质量月活动”入选浙江省品牌建设典型案例名单。")
    assert not any(e.kind.name == "BRAND" for e in ex.entities)


def test_quoted_names_in_a_list_of_brands_are_still_brands() -> None:
    ex = read("“安吉白茶”“德清早园笋”入选第二批浙江省区域公用品牌名单。")
    brands = {e.name for e in ex.entities if e.kind.name == "BRAND"}
    assert {"安吉白茶", "德清早园笋"} <= brands
    assert {r.name for x in ex.listings for r in x.recipients} >= {"安吉白茶", "德清早园笋"}


# -- a bare mayor's post in a sentence naming another place of its level (people, bodies) -----------------

def _posts(text: str, place: str) -> set[tuple[str, str, str | None]]:
    return {(p.person.name, p.role, p.organization.name if p.organization else None)
            for p in read(text, place=place).posts}


def test_bare_deputy_head_while_visiting_another_county_gets_no_government() -> None:
    posts = _posts("德清县赴长兴县考察学习，座谈会由副县长王五主持。", "德清县")
    assert not any(org and org.endswith("人民政府") for _, _, org in posts)
    posts = _posts("德清县赴长兴县考察学习，座谈会由王五副县长主持。", "德清县")
    assert not any(org and org.endswith("人民政府") for _, _, org in posts)


def test_bare_deputy_head_of_the_reports_own_county_is_still_its_government() -> None:
    assert ("王五", "副县长", "德清县人民政府") in _posts("德清县召开质量大会，会议由副县长王五主持。", "德清县")


# -- a word of one round in the count's clause blocks a running total (running_totals) -----------------

def test_this_rounds_count_after_a_word_of_now_is_no_running_total() -> None:
    ex = read("目前，2024年度湖州市市长质量奖评审工作已结束，本次共评出获奖企业5家。", place="湖州市")
    assert fig(ex, "5").breakdown != "累计"


def test_count_after_a_word_of_now_is_still_a_running_total() -> None:
    ex = read("目前，全市共有21家企业获得湖州市市长质量奖。", place="湖州市")
    assert fig(ex, "21").breakdown == "累计"


# -- winners of another contest are not the earlier award's (other_contests) --------------------------

AWARD = "湖州市市长质量奖"


def test_winners_of_another_contest_are_not_the_award_named_before() -> None:
    ex = read("2024年度湖州市市长质量奖评选结果揭晓。在全国职业技能大赛中，全市共有3家企业、8名个人获奖。", place="湖州市")
    assert fig(ex, "3").subject.name != AWARD and fig(ex, "8").subject.name != AWARD
    assert not any(x.programme.name == AWARD for x in ex.listings)
    ex = read("2024年度湖州市市长质量奖评选结果揭晓。在全省科技创新大赛中，获奖企业共计12家。", place="湖州市")
    assert fig(ex, "12").subject.name != AWARD


def test_winners_after_the_award_are_still_its_own() -> None:
    ex = read("2024年度湖州市市长质量奖评选结果揭晓。全市共有3家企业、8名个人获奖。", place="湖州市")
    assert fig(ex, "3").subject.name == AWARD and fig(ex, "8").subject.name == AWARD
    ex = read("2024年度湖州市市长质量奖评选结果揭晓。本次评选中，获奖企业共计12家。", place="湖州市")
    assert fig(ex, "12").subject.name == AWARD


def test_a_whole_province_word_in_a_citys_report_is_not_the_citys_figure() -> None:
    ex = read("2024年度湖州市市长质量奖评选结果揭晓。在全省科技创新大赛中，获奖企业共计12家。", place="湖州市")
    o = fig(ex, "12")
    assert o.subject_inferred and o.confidence < 0.7  # the province's contest: not the city's 12


def test_the_citys_own_whole_word_still_carries_the_city() -> None:
    o = fig(read("全市共有规上企业41家。", place="湖州市"), "41")
    assert o.subject.name == "湖州市" and not o.subject_inferred
    o = fig(read("全省共有规上企业41家。", place="浙江省"), "41")
    assert o.subject.name == "浙江省" and not o.subject_inferred


def test_the_count_after_the_last_firm_of_a_list_is_the_lists_not_the_firms() -> None:
    ex = read("决定授予甲机件制造有限公司、乙电子材料股份有限公司、丙橡塑制品有限公司3家企业为第三届“某县县长质量奖”。",
              place="来安县")
    assert all(o.subject is None or o.subject.name != "丙橡塑制品有限公司" for o in ex.observations)
    ex = read("全市主导制定国家标准7项，其中甲乙电器有限公司4项、丙丁机械股份有限公司3项。", place="宁波市")
    assert fig(ex, "3").subject.name == "丙丁机械股份有限公司"  # a firm alone before its own count keeps it


def test_a_numbered_heading_names_no_list_of_programmes() -> None:
    ex = read("江苏省人民政府关于2020年度江苏省省长质量奖的决定\n一、江苏省省长质量奖（共10个）\n甲机械有限公司\n"
              "二、江苏省省长质量奖提名奖（共10个）\n丙科技有限公司\n", place="江苏省")
    tens = [o for o in ex.observations if o.value == 10]
    assert len(tens) == 2 and not any(o.subject_inferred for o in tens), tens


# -- a clause topic carried over a clause naming the place (topics: opener, launch) -------------------

def test_a_clause_naming_the_whole_city_keeps_its_stock_after_a_carried_topic() -> None:
    o = fig(read("持续深化首席质量官制度，全市有效注册商标达到8万件。", place="扬州市"), "80000")
    assert o.subject.name == "扬州市"
    ex = read("扬州市市场监管局开展质量帮扶行动，帮扶企业86家，全市规上工业企业达到2300家。", place="扬州市")
    assert fig(ex, "2300").subject.name == "扬州市"
    assert fig(ex, "86").subject.name == "质量帮扶行动"  # what the campaign did stays the campaign's
    o = fig(read("持续深化首席质量官制度，全市企业参加培训90家。", place="扬州市"), "90")
    assert o.subject.name == "首席质量官制度"  # the city's firms taking part in the system: the system's
    o = fig(read("持续深化首席质量官制度，全市2300家企业接受培训。", place="扬州市"), "2300")
    assert o.subject.name == "首席质量官制度"
    o = fig(read("持续推进“质量强市”工程，全市主导制定国家标准12项。", place="扬州市"), "12")
    assert o.subject_inferred  # the city's or the programme's: cannot be told


# -- a bureau's share of the checks ends at the whole place or another level (bureaus) ---------------

def test_a_bureaus_share_ends_at_a_clause_of_the_whole_city_or_another_level() -> None:
    bureau = "扬州市市场监督管理局"
    ex = read("扬州市市场监管局完成的4068批次抽检中，不合格样品82批次，全市食品抽检总体合格率为97.9%。", place="扬州市")
    assert fig(ex, "82").subject.name == bureau  # what the share was written for
    o = fig(ex, "97.9")
    assert o.subject.name != bureau and o.breakdown is None
    ex = read("扬州市市场监管局在全市开展抽检。市局完成的1200批次抽检中，检出不合格30批次，县级完成抽检5600批次，"
              "合格率96.5%。", place="扬州市")
    assert fig(ex, "30").subject.name == bureau
    assert fig(ex, "96.5").subject.name != bureau and fig(ex, "96.5").breakdown == "县级"
    ex = read("扬州市市场监管局完成的4068批次抽检中，市级抽检3000批次，合格率97.9%。", place="扬州市")
    assert fig(ex, "97.9").subject.name == bureau  # the bureau's own level goes on
    ex = read("扬州市市场监管局完成的4068批次抽检中，不合格样品82批次，各县区共完成抽检8200批次。", place="扬州市")
    o = fig(ex, "8200")
    assert o.subject_inferred or o.confidence < 0.5  # the districts' shares together: no one's stated total


# -- a January review moves no news of the month it is written in (periods) --------------------------

def test_a_january_report_keeps_its_own_months_news_and_plans_in_its_own_year() -> None:
    ex = read("1月15日，扬州市市场监管局组织开展春节食品安全专项抽检。此次抽检食品120批次，合格率98%。"
              "全年抽检计划已经下达。", place="扬州市", date=dt.date(2026, 1, 20))
    assert fig(ex, "120").period == "2026"  # a plan handed down is no year's results told as done
    ex = read("全年共完成抽检5000批次。1月份以来新增市场主体3000户。", place="扬州市", date=dt.date(2026, 1, 20))
    assert fig(ex, "5000").period == "2025"  # what the review was written for
    assert fig(ex, "3000").period == "2026-01"
    ex = read("全年共新增注册商标1.2万件。一季度，全市计划抽检食品800批次。", place="扬州市", date=dt.date(2026, 2, 10))
    assert fig(ex, "12000").period == "2025" and fig(ex, "800").period == "2026-Q1"
    ex = read("全年共完成抽检5000批次。3月份，全市抽检食品400批次。", place="扬州市", date=dt.date(2026, 1, 20))
    assert fig(ex, "400").period == "2025-03"  # a month not yet come when written: the year reviewed


# -- the gathering that honoured: the one its clause speaks of, in its paragraph (owners) ------------

def test_a_ceremony_honouring_firms_is_not_the_meeting_held_before_it() -> None:
    ex = read("9月1日上午，扬州市召开全市质量大会。当天下午，扬州市“质量月”启动仪式举行，仪式上向12家企业授牌。",
              place="扬州市")
    assert fig(ex, "12").subject.name == "扬州市“质量月”启动仪式"
    ex = read("9月1日上午，扬州市召开全市质量大会。大会为15家企业颁奖。", place="扬州市")
    assert fig(ex, "15").subject.name == "全市质量大会"  # what the rule was written for
    o = fig(read("9月1日上午，扬州市召开全市质量大会。\n当天下午，仪式上向12家企业授牌。", place="扬州市"), "12")
    assert o.subject_inferred  # no ceremony named in its paragraph: whose, cannot be told


# -- a time word before 的 is no product category of a check's rate (category_rates) ----------------

def test_last_years_rate_of_a_check_names_no_category() -> None:
    ex = read("本次产品质量监督抽查的合格率为96.5%，去年同期的合格率为95.1%。", place="扬州市", date=dt.date(2025, 7, 10),
              title="2025年上半年扬州市产品质量监督抽查情况通报")
    o = fig(ex, "95.1")
    assert o.breakdown is None and o.measure == "合格率" and o.period == "2024-H1"
    ex = read("本次抽查中，女式服装产品的不合格产品检出率为4.5%。", place="扬州市", date=dt.date(2025, 7, 10))
    assert fig(ex, "4.5").breakdown == "女式服装"  # what the rule was written for

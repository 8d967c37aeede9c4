"""The period a document reports on, and stocks and running totals inside it: a report on one year released
the next (``《2023年某省质量发展状况报告》发布``), a year heading the list after a colon, stocks named by their
measure under a quarter (``商标注册总量``), several rounds' years together (``2012年和2014年分别…``) and an award's
winners counted as of a year (累计). Our own minimal sentences."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from qgraph.extract import extract
from qgraph.model import Document, Extraction
from qgraph.sources import split_sentences


def read(text: str, date: dt.date | None = dt.date(2024, 4, 18), title: str | None = None) -> Extraction:
    return extract(Document("q", "q.txt", text, title=title, place="某省", date=date, sentences=split_sentences(text)))


def periods(ex: Extraction) -> dict[Decimal, str | None]:
    return {o.value: o.period for o in ex.observations}


# -- a report on one year, released the next ---------------------------------------------------------

REPORT_BODY = "4月18日，某省政府新闻办举行新闻发布会。\n产品质量方面，某省工业产品不合格率4.7%、食品合格率98.12%。\n"


def test_report_on_a_year_released_in_the_title_gives_that_year() -> None:
    got = periods(read(REPORT_BODY, title="《2023年某省质量发展状况报告》发布"))
    assert got[Decimal("4.7")] == "2023"
    assert got[Decimal("98.12")] == "2023"


def test_report_released_in_the_first_paragraph_gives_its_year() -> None:
    text = "4月18日，某省政府新闻办发布了《2023年某省质量白皮书》。\n产品质量方面，某省食品合格率98.12%。\n"
    assert periods(read(text, title="某省质量总体状况保持平稳"))[Decimal("98.12")] == "2023"


def test_a_plan_in_quotes_is_no_reported_year() -> None:
    text = "某省印发《2024年某省质量工作要点》。\n某省食品合格率98.12%。\n"
    assert periods(read(text, title="某省印发《2024年某省质量工作要点》"))[Decimal("98.12")] == "2024"


def test_a_report_of_the_year_of_writing_keeps_it() -> None:
    assert periods(read(REPORT_BODY, title="《2024年某省质量状况报告》发布"))[Decimal("4.7")] == "2024"


# -- a year heading the list after a colon ----------------------------------------------------------

def test_year_after_a_colon_governs_the_whole_list() -> None:
    text = ("某市召开质量工作会议。\n近年来，某省质量工作取得显著成效：2023年全省制造业产品质量合格率93.5%，"
            "消费品合格率91.2%；农产品质量合格率达98%；工程质量验收合格率99.1%。\n")
    got = periods(read(text, date=None, title="某省质量水平稳步提升"))
    assert got[Decimal("93.5")] == "2023"
    assert got[Decimal("91.2")] == "2023"
    assert got[Decimal("98")] == "2023"
    assert got[Decimal("99.1")] == "2023"


def test_a_later_item_with_a_year_of_its_own_keeps_it() -> None:
    text = ("某市召开质量工作会议。\n近年来，某省质量工作取得显著成效：2023年全省制造业产品质量合格率93.5%；"
            "2022年农产品质量合格率达98%。\n")
    got = periods(read(text, date=None, title="某省质量水平稳步提升"))
    assert got[Decimal("98")] == "2022"


def test_a_colon_list_without_a_year_heading_it_stays_undated() -> None:
    text = "某市召开质量工作会议。\n近年来，某省质量工作取得显著成效：全省制造业产品质量合格率93.5%；农产品质量合格率达98%。\n"
    got = periods(read(text, date=None, title="某省质量水平稳步提升"))
    assert got[Decimal("98")] is None


# -- stocks under a quarter -------------------------------------------------------------------------

def test_stock_measures_under_a_quarter_are_as_of_its_last_day() -> None:
    text = ("2022年第一季度，某市新增注册商标1272件，商标注册总量达31853件。\n"
            "一季度，全市共授权专利1188件。有效发明专利618件，万人发明专利拥有量达到2.37件。\n")
    got = periods(read(text, date=dt.date(2022, 4, 28), title="2022年一季度全市商标、专利统计情况"))
    assert got[Decimal(1272)] == "2022-Q1"
    assert got[Decimal(1188)] == "2022-Q1"
    assert got[Decimal(31853)] == "2022-03-31"
    assert got[Decimal(618)] == "2022-03-31"
    assert got[Decimal("2.37")] == "2022-03-31"


def test_stock_under_a_half_year_is_as_of_june_end() -> None:
    text = "2023年上半年，某县新增注册商标386件，有效注册商标达到5216件。\n"
    got = periods(read(text, date=dt.date(2023, 7, 10)))
    assert got[Decimal(386)] == "2023-H1"
    assert got[Decimal(5216)] == "2023-06-30"


# -- an award's running total -----------------------------------------------------------------------

def test_years_of_two_rounds_together_are_the_span_and_the_total() -> None:
    text = ("某省于2012年和2014年分别开展了第一届和第二届某省人民政府质量奖评审工作，"
            "共有甲公司、乙公司等10家企业荣获“某省人民政府质量奖”。\n")
    ex = read(text, date=dt.date(2017, 11, 28), title="第三届某省人民政府质量奖发布会")
    ten = next(o for o in ex.observations if o.value == 10)
    assert ten.period == "2012/2014"
    assert ten.breakdown == "累计"


def test_winners_counted_as_of_a_year_are_the_running_total() -> None:
    text = "自2009年举办第一届“某市市长质量奖”评选以来，截至2018年，全市共有15家组织荣获“某市市长质量奖”。\n"
    ex = read(text, date=dt.date(2020, 4, 27), title="第九届某市市长质量奖开评")
    fifteen = next(o for o in ex.observations if o.value == 15)
    assert fifteen.period == "2018"
    assert fifteen.breakdown == "累计"


# -- 至 heading a month's end; an undated text on a released report; a baseline's half-year -----------

def test_zhi_heading_a_month_end_is_as_of_that_day() -> None:
    text = "某省商标申请量较快增长。至3月底，某省商标有效注册量129.3万件。\n"
    assert periods(read(text, date=dt.date(2017, 4, 12)))[Decimal(1293000)] == "2017-03-31"


def test_zhi_after_a_verb_is_no_as_of_date() -> None:
    text = "2017年，某省抽查产品1200批次，完成时间延至3月底，合格率为95.1%。\n"
    assert periods(read(text, date=None))[Decimal("95.1")] == "2017"


def test_last_year_in_an_undated_text_on_a_released_report_is_the_reports_year() -> None:
    text = ("某局最近发布的《某省2017年质量状况公报》中，首次纳入该指标，统计显示，某省去年全年制造业产品质量合格率为93.6%。\n"
            "2008年，某局建立了该指标。\n")
    assert periods(read(text, date=None))[Decimal("93.6")] == "2017"


def test_a_half_year_after_a_comparison_word_is_no_period() -> None:
    text = "某局发布了2008年上半年抽查结果，抽查企业数量和产品数量比2007年上半年分别增加了63%和58%。\n"
    got = periods(read(text, date=dt.date(2008, 7, 30)))
    assert got[Decimal(58)] == "2008-H1"


def test_white_paper_released_in_the_first_sentence_without_quotes_gives_its_year() -> None:
    text = ("9月5日，某省质量月活动启动仪式举行。启动仪式上发布了2022年某省质量状况白皮书。\n"
            "某省制造业产品质量合格率为93.58%。\n")
    assert periods(read(text, date=dt.date(2023, 9, 6), title="某省质量水平稳步提升"))[Decimal("93.58")] == "2022"


# -- a review section's year ------------------------------------------------------------------------

WORK_REPORT = ("各位代表：\n一、2022年工作回顾\n2022年，是极不平凡的一年。\n"
               "——发展后劲更足。某县获评全省示范县。全县荣获某质量奖提名奖2个。\n"
               "二、2023年工作安排\n——质量强县。全县新培育品牌企业5家。\n")


def test_review_heading_dates_the_paragraphs_under_it() -> None:
    got = periods(read(WORK_REPORT, date=dt.date(2023, 2, 2), title="政府工作报告"))
    assert got[Decimal(2)] == "2022"


def test_next_numbered_heading_ends_the_review_section() -> None:
    got = periods(read(WORK_REPORT, date=dt.date(2023, 2, 2), title="政府工作报告"))
    assert got[Decimal(5)] == "2023"


def test_a_heading_without_a_review_word_dates_nothing() -> None:
    text = WORK_REPORT.replace("2022年工作回顾", "2022年某县概况")
    got = periods(read(text, date=dt.date(2023, 2, 2), title="政府工作报告"))
    assert got[Decimal(2)] == "2023"


def test_report_with_its_year_in_brackets_gives_that_year() -> None:
    text = ("本报讯 近日发布的《某省农业知识产权指数报告(2010年)》显示，截至2010年，某省累计登记农产品地理标志249件。\n"
            "其中，初级农产品216件。\n")
    got = periods(read(text, date=dt.date(2011, 5, 30), title="某省农产品地理标志已达249件"))
    assert got[Decimal(216)] == "2010"


# -- an undated text whose year is only guessed from a later line -----------------------------------

GUESSED = ("某网讯 近日，某市市场监管局开展地理标志年度报告填报。\n"
           "某市重视地理标志工作。2023年新增甲米、乙草2件地理标志商标。目前，全市地理标志商标达到20件。"
           "该市使用专用标志的经营主体已达84家。\n")


def test_now_in_an_undated_text_with_a_guessed_year_is_unknown() -> None:
    got = periods(read(GUESSED, date=None, title=None))
    assert got[Decimal(2)] == "2023"
    assert got[Decimal(20)] is None
    assert got[Decimal(84)] is None


def test_a_year_in_the_lead_is_no_guess() -> None:
    text = GUESSED.replace("近日，", "2023年12月，")
    got = periods(read(text, date=None, title=None))
    assert got[Decimal(20)] == "2023"


def test_an_as_of_year_further_down_is_no_guess() -> None:
    text = ("某网讯 近日，某区市场监管局在推进会上作经验分享。\n今年以来，该局开展第七届某区质量奖评选，评选出5家获奖组织。\n"
            "截至2025年底，某区共有4家企业获某质量奖提名奖。\n")
    assert periods(read(text, date=None, title=None))[Decimal(5)] == "2025"


# -- 现 heading a clause --------------------------------------------------------------------------

def test_xian_heading_a_clause_is_now_not_the_start_year() -> None:
    text = "某市于2016年启动首届某市市长质量奖评定活动，现全市拥有某市市长质量奖企业15家。\n"
    assert periods(read(text, date=dt.date(2022, 11, 23)))[Decimal(15)] == "2022-11-23"


def test_xian_inside_a_word_is_no_time() -> None:
    text = "2022年，某市举办现场观摩会，现场展示产品120种。\n"
    assert periods(read(text, date=dt.date(2023, 1, 5)))[Decimal(120)] == "2022"


# -- 目前 in a January review that calls the past year 今年 -----------------------------------------

def test_now_in_a_january_year_end_review_is_the_year_reviewed() -> None:
    text = "记者从某省市场监管局新闻发布会上获悉，今年某省新增注册商标4.9万件。目前，某省驰名商标累计达到63件。\n"
    got = periods(read(text, date=dt.date(2021, 1, 14), title="某省今年新增注册商标4.9万件"))
    assert got[Decimal(49000)] == "2020"
    assert got[Decimal(63)] == "2020"


def test_now_in_a_january_report_with_plans_is_the_day() -> None:
    text = "今年某省新增注册商标4.9万件。今年将新培育品牌企业20家。目前，某省驰名商标累计达到63件。\n"
    assert periods(read(text, date=dt.date(2021, 1, 14)))[Decimal(63)] == "2021-01-14"

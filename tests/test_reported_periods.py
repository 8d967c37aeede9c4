"""The period a document reports on, and stocks and running totals inside it: a report on one year released
the next (``《2023年某省质量状况报告》发布``), a year heading the list after a colon, stocks named by their measure
under a quarter (``商标注册总量``), several rounds' years together (``2011年和2013年分别…``), an award's winners
counted as of a year (累计), review headings, undated texts and 目前 / 现 / 至. Our own minimal sentences."""

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

REPORT_BODY = "4月16日，某省召开发布会。\n产品方面，某省工业产品不合格率4.1%、食品合格率98.12%。\n"


def test_report_on_a_year_released_in_the_title_gives_that_year() -> None:
    got = periods(read(REPORT_BODY, title="《2023年某省质量状况报告》发布"))
    assert got[Decimal("4.1")] == "2023"
    assert got[Decimal("98.12")] == "2023"


def test_report_released_in_the_first_paragraph_gives_its_year() -> None:
    text = "4月16日，某省在发布会上发布了《2023年某省质量白皮书》。\n产品方面，某省食品合格率98.12%。\n"
    assert periods(read(text, title="某省质量总体平稳"))[Decimal("98.12")] == "2023"


def test_a_plan_in_quotes_is_no_reported_year() -> None:
    text = "某省印发《2024年某省质量工作要点》。\n某省食品合格率98.12%。\n"
    assert periods(read(text, title="某省印发《2024年某省质量工作要点》"))[Decimal("98.12")] == "2024"


def test_a_report_of_the_year_of_writing_keeps_it() -> None:
    assert periods(read(REPORT_BODY, title="《2024年某省质量状况报告》发布"))[Decimal("4.1")] == "2024"


def test_white_paper_released_in_the_first_sentence_without_quotes_gives_its_year() -> None:
    text = "9月4日，某省召开质量大会，会上发布了2021年某省质量状况白皮书。\n某省工业品合格率为92.75%。\n"
    assert periods(read(text, date=dt.date(2022, 9, 5), title="某省质量水平稳中有升"))[Decimal("92.75")] == "2021"


def test_report_with_its_year_in_brackets_gives_that_year() -> None:
    text = ("本报讯 近日公布的《某省农业品牌指数报告(2012年)》显示，截至2012年，某省共登记地理标志农产品318件。\n"
            "其中，种植类产品204件。\n")
    got = periods(read(text, date=dt.date(2013, 6, 2), title="某省地理标志数量稳步增长"))
    assert got[Decimal(204)] == "2012"


def test_last_year_in_an_undated_text_on_a_released_report_is_the_reports_year() -> None:
    text = "某局近日发布的《某省2017年质量状况公报》显示，某省去年工业品抽样合格率为92.4%。\n2008年，某局建立了该指标。\n"
    assert periods(read(text, date=None))[Decimal("92.4")] == "2017"


# -- a year heading the list after a colon ----------------------------------------------------------

COLON = ("某市召开质量工作会议。\n近年来，某省着力推进质量强省，成绩明显：2023年某省制造业合格率93.5%，"
         "消费品合格率91.2%；农产品合格率达98%；工程验收合格率99.1%。\n")


def test_year_after_a_colon_governs_the_whole_list() -> None:
    got = periods(read(COLON, date=None, title="某省质量稳步提升"))
    assert [got[Decimal(v)] for v in ("93.5", "91.2", "98", "99.1")] == ["2023"] * 4


def test_a_later_item_with_a_year_of_its_own_keeps_it() -> None:
    text = COLON.replace("农产品合格率达98%", "2022年农产品合格率达98%")
    assert periods(read(text, date=None, title="某省质量稳步提升"))[Decimal("98")] == "2022"


def test_a_colon_list_without_a_year_heading_it_stays_undated() -> None:
    text = COLON.replace("2023年某省制造业", "某省制造业")
    assert periods(read(text, date=None, title="某省质量稳步提升"))[Decimal("98")] is None


# -- stocks under a quarter or a half-year, 至 a month's end -----------------------------------------

def test_stock_measures_under_a_quarter_are_as_of_its_last_day() -> None:
    text = ("2021年第二季度，某市新增注册商标830件，某市商标注册总量为20417件。\n"
            "二季度，某市授权专利960件。某市有效发明专利405件，万人发明专利拥有量为1.92件。\n")
    got = periods(read(text, date=dt.date(2021, 7, 20), title="2021年二季度某市知识产权统计"))
    assert got[Decimal(830)] == "2021-Q2"
    assert got[Decimal(960)] == "2021-Q2"
    assert got[Decimal(20417)] == "2021-06-30"
    assert got[Decimal(405)] == "2021-06-30"
    assert got[Decimal("1.92")] == "2021-06-30"


def test_stock_under_a_half_year_is_as_of_june_end() -> None:
    got = periods(read("2023年上半年，某县新注册商标240件，某县有效注册商标共计4310件。\n", date=dt.date(2023, 7, 12)))
    assert got[Decimal(240)] == "2023-H1"
    assert got[Decimal(4310)] == "2023-06-30"


def test_zhi_heading_a_month_end_is_as_of_that_day() -> None:
    text = "某省商标申请量明显增长。至5月底，某省有效商标注册量达到88.6万件。\n"
    assert periods(read(text, date=dt.date(2017, 6, 12)))[Decimal(886000)] == "2017-05-31"


def test_zhi_after_a_verb_is_no_as_of_date() -> None:
    text = "2017年，某省抽查产品1200批次，完成时间延至3月底，合格率为95.1%。\n"
    assert periods(read(text, date=None))[Decimal("95.1")] == "2017"


def test_a_half_year_after_a_comparison_word_is_no_period() -> None:
    text = "某局公布了2010年上半年抽查情况，受检企业数和产品数比2009年上半年分别多了41%和37%。\n"
    assert periods(read(text, date=dt.date(2010, 7, 28)))[Decimal(37)] == "2010-H1"


# -- an award's running total -----------------------------------------------------------------------

def test_years_of_two_rounds_together_are_the_span_and_the_total() -> None:
    text = "某省在2011年和2013年分别组织了两届某省质量奖评审，甲公司、乙公司等8家企业先后获得“某省质量奖”。\n"
    eight = next(o for o in read(text, date=dt.date(2016, 10, 9), title="第三届某省质量奖启动").observations if o.value == 8)
    assert eight.period == "2011/2013"
    assert eight.breakdown == "累计"


def test_winners_counted_as_of_a_year_are_the_running_total() -> None:
    text = "某市市长质量奖从2008年起每两年评选一次，截至2019年，某市先后有12家单位获得“某市市长质量奖”。\n"
    twelve = next(o for o in read(text, date=dt.date(2020, 5, 6), title="第八届某市市长质量奖启动").observations
                  if o.value == 12)
    assert twelve.period == "2019"
    assert twelve.breakdown == "累计"


# -- a review section's year ------------------------------------------------------------------------

WORK_REPORT = ("各位代表：\n一、2021年工作回顾\n过去的2021年，某县经受住了考验。\n"
               "——后劲增强。某县获评全省示范县。某县获某质量奖提名奖2个。\n"
               "二、2022年工作安排\n——质量强县。全县新培育品牌企业5家。\n")


def test_review_heading_dates_the_paragraphs_under_it() -> None:
    assert periods(read(WORK_REPORT, date=dt.date(2022, 2, 10), title="政府工作报告"))[Decimal(2)] == "2021"


def test_next_numbered_heading_ends_the_review_section() -> None:
    assert periods(read(WORK_REPORT, date=dt.date(2022, 2, 10), title="政府工作报告"))[Decimal(5)] == "2022"


def test_a_heading_without_a_review_word_dates_nothing() -> None:
    text = WORK_REPORT.replace("2021年工作回顾", "2021年某县概况")
    assert periods(read(text, date=dt.date(2022, 2, 10), title="政府工作报告"))[Decimal(2)] == "2022"


# -- an undated text whose year is only guessed from a later line -----------------------------------

GUESSED = ("某网讯 近日，某市市场监管局开展地理标志年度报告填报。\n"
           "某市重视地理标志工作，2022年新注册甲米、乙茶2件地理标志商标。目前，某市共有地理标志商标17件。"
           "全市使用专用标志的企业为61家。\n")


def test_now_in_an_undated_text_with_a_guessed_year_is_unknown() -> None:
    got = periods(read(GUESSED, date=None, title=None))
    assert got[Decimal(2)] == "2022"
    assert got[Decimal(17)] is None
    assert got[Decimal(61)] is None


def test_a_year_in_the_lead_is_no_guess() -> None:
    got = periods(read(GUESSED.replace("近日，", "2022年12月，"), date=None, title=None))
    assert got[Decimal(17)] == "2022"


def test_an_as_of_year_further_down_is_no_guess() -> None:
    text = ("某网讯 近日，某区市场监管局在交流会上介绍经验。\n今年以来，该局组织第六届某区质量奖评审，选出6家获奖单位。\n"
            "截至2024年底，某区共有3家企业获某质量奖提名奖。\n")
    assert periods(read(text, date=None, title=None))[Decimal(6)] == "2024"


# -- 现 heading a clause; 目前 in a January review --------------------------------------------------

def test_xian_heading_a_clause_is_now_not_the_start_year() -> None:
    text = "某市自2015年开展首届某市质量奖评审，现全市共有某市质量奖企业13家。\n"
    assert periods(read(text, date=dt.date(2022, 11, 23)))[Decimal(13)] == "2022-11-23"


def test_xian_inside_a_word_is_no_time() -> None:
    text = "2022年，某市举办现场观摩会，现场展示产品120种。\n"
    assert periods(read(text, date=dt.date(2023, 1, 5)))[Decimal(120)] == "2022"


def test_now_in_a_january_year_end_review_is_the_year_reviewed() -> None:
    text = "某省市场监管局通报，今年某省新增注册商标3.6万件。目前，某省驰名商标累计为58件。\n"
    got = periods(read(text, date=dt.date(2021, 1, 12), title="某省今年新增注册商标3.6万件"))
    assert got[Decimal(36000)] == "2020"
    assert got[Decimal(58)] == "2020"


def test_now_in_a_january_report_with_plans_is_the_day() -> None:
    text = "今年某省新增注册商标3.6万件。今年将新培育品牌企业20家。目前，某省驰名商标累计为58件。\n"
    assert periods(read(text, date=dt.date(2021, 1, 12)))[Decimal(58)] == "2021-01-12"

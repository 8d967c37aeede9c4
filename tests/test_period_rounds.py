"""Periods a document speaks of though it is written later: an award round named in a decision's body
(``授予…“2015—2016年度某奖”``), the year of a document number when no date is written (``某政发〔2018〕8号``),
a check a bulletin says was done in an earlier year (``开展了2019年…监督抽查``), a January year-end report
whose ``今年`` tells done results, and ``发现有`` that is no ``现有``. Our own minimal sentences."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from qgraph.extract import extract
from qgraph.model import Document, Extraction
from qgraph.sources import split_sentences


def read(text: str, date: dt.date | None = dt.date(2017, 2, 13), title: str | None = None) -> Extraction:
    return extract(Document("q", "q.txt", text, title=title, place="某市", date=date, sentences=split_sentences(text)))


def periods(ex: Extraction) -> dict[Decimal, str | None]:
    return {o.value: o.period for o in ex.observations}


# -- an award's round named in a decision's body ---------------------------------------------------

DECISION = ("某政〔2017〕3号\n各县（市、区）人民政府：\n"
            "经评审委员会评审、市政府常务会议研究，市政府决定授予甲公司、乙公司等2家企业“{round}某市市长质量奖”，"
            "各奖励50万元。\n")


def test_two_year_round_granted_in_the_body_is_the_period() -> None:
    got = periods(read(DECISION.format(round="2015—2016年度")))
    assert got[Decimal(2)] == "2015/2016"
    assert got[Decimal(500000)] == "2015/2016"


def test_two_year_round_written_with_both_years_is_the_period() -> None:
    got = periods(read(DECISION.format(round="2015年—2016年度")))
    assert got[Decimal(2)] == "2015/2016"


def test_past_year_round_granted_in_the_body_is_its_year() -> None:
    got = periods(read(DECISION.format(round="2016年度"), date=dt.date(2017, 3, 1)))
    assert got[Decimal(2)] == "2016"


def test_a_round_named_without_granting_keeps_the_year_of_writing() -> None:
    text = "甲公司曾获“2015—2016年度某市市长质量奖”。今年全市新培育品牌企业12家。\n"
    got = periods(read(text, date=dt.date(2017, 6, 1)))
    assert got[Decimal(12)] == "2017"


def test_a_round_ending_after_the_year_of_writing_is_no_period() -> None:
    got = periods(read(DECISION.format(round="2017—2018年度"), date=dt.date(2017, 2, 13)))
    assert got[Decimal(2)] == "2017"


# -- a document number's year when no date is written ---------------------------------------------

NUMBERED = ("某市人民政府关于表彰第二届某市市长质量奖获奖企业的决定\n某政发〔2018〕8号\n各县（区）人民政府：\n"
            "按照评审程序，经2017年9月26日市政府常务会议研究同意，授予甲公司第二届“某市市长质量奖”荣誉称号，并奖励人民币100万元。\n")


def test_number_line_year_over_a_meeting_date_in_the_body() -> None:
    got = periods(read(NUMBERED, date=dt.date(2017, 9, 26), title="某市人民政府关于表彰第二届某市市长质量奖获奖企业的决定"))
    assert got[Decimal(1000000)] == "2018"


def test_number_line_year_when_no_date_is_known() -> None:
    got = periods(read(NUMBERED, date=None, title="某市人民政府关于表彰第二届某市市长质量奖获奖企业的决定"))
    assert got[Decimal(1000000)] == "2018"


def test_a_number_cited_in_a_sentence_gives_no_year() -> None:
    text = "根据《某市市长质量奖管理办法》（某政〔2019〕46号），2018年度全市新培育品牌企业12家。\n"
    got = periods(read(text, date=None))
    assert got[Decimal(12)] == "2018"


# -- a bulletin on checks of an earlier year ------------------------------------------------------

CHECKED = ("我局开展了{year}年某区建材产品等6类产品质量监督抽查，现将抽查结果予以公告。\n"
           "本次抽查了79家企业生产的94批次产品，不合格产品1批次。\n")


def test_checks_of_an_earlier_year_announced_later_are_that_year() -> None:
    got = periods(read(CHECKED.format(year="2019"), date=dt.date(2020, 4, 16)))
    assert got[Decimal(94)] == "2019"
    assert got[Decimal(79)] == "2019"


def test_checks_of_the_year_of_writing_stay_that_year() -> None:
    got = periods(read(CHECKED.format(year="2020"), date=dt.date(2020, 9, 16)))
    assert got[Decimal(94)] == "2020"


# -- 今年 in a January year-end report --------------------------------------------------------------

def test_this_year_of_done_results_in_january_is_the_year_ended() -> None:
    text = "记者从某省市场监管局新闻发布会上获悉，今年某省新增注册商标4.9万件，新增地理标志证明商标15件。\n"
    got = periods(read(text, date=dt.date(2021, 1, 14), title="某省今年新增注册商标4.9万件"))
    assert got[Decimal(49000)] == "2020"
    assert got[Decimal(15)] == "2020"


def test_this_year_with_a_plan_in_january_is_the_new_year() -> None:
    text = "今年某省新增注册商标4.9万件。今年将新培育品牌企业20家。\n"
    got = periods(read(text, date=dt.date(2021, 1, 14)))
    assert got[Decimal(49000)] == "2021"


def test_this_year_so_far_in_january_is_the_new_year() -> None:
    text = "今年以来，某省新增注册商标1200件。\n"
    got = periods(read(text, date=dt.date(2021, 1, 28)))
    assert got[Decimal(1200)] == "2021"


def test_this_year_of_done_results_in_march_is_the_year_of_writing() -> None:
    text = "今年某省新增注册商标4900件。\n"
    got = periods(read(text, date=dt.date(2021, 3, 14)))
    assert got[Decimal(4900)] == "2021"


# -- 发现有 is no 现有 ---------------------------------------------------------------------------

def test_found_failing_batches_are_no_stock_of_the_day() -> None:
    text = "某局抽查了甲区、乙区等地区104家经营户销售的电动自行车等产品共135批次，发现有27批次不合格。\n"
    got = periods(read(text, date=dt.date(2024, 2, 6), title="某局关于2023年流通领域车辆相关产品质量监督抽查结果通报"))
    assert got[Decimal(27)] == "2023"


def test_a_held_stock_is_of_the_day() -> None:
    got = periods(read("某市现有有效注册商标3200件。\n", date=dt.date(2024, 2, 6)))
    assert got[Decimal(3200)] == "2024-02-06"


# -- a year written at a later sentence's head goes on in its paragraph -----------------------------

def test_a_year_heading_the_second_sentence_goes_on_in_its_paragraph() -> None:
    text = ("质量正成为发展的新动能。2021年，甲市质量工作财政投入1043万元。产品质量监督抽查合格率96.85%，"
            "全市完成专利授权5002件。\n")
    got = periods(read(text, date=dt.date(2022, 3, 25)))
    assert got[Decimal(10430000)] == "2021"
    assert got[Decimal(5002)] == "2021"


def test_the_year_does_not_cross_into_the_next_paragraph() -> None:
    text = "质量正成为发展的新动能。2021年，甲市质量工作财政投入1043万元。\n全市完成专利授权5002件。\n"
    got = periods(read(text, date=dt.date(2022, 3, 25)))
    assert got[Decimal(5002)] == "2022"


def test_a_target_year_at_a_later_head_does_not_go_on() -> None:
    text = "质量正成为发展的新动能。到2025年，甲市力争培育品牌企业30家。全市完成专利授权5002件。\n"
    got = periods(read(text, date=dt.date(2022, 3, 25)))
    assert got[Decimal(5002)] == "2022"


def test_a_year_glued_to_its_measure_dates_its_sentence_only() -> None:
    text = "全区质量水平稳步提升。2020年地区生产总值265.4亿元。全区拥有高新技术企业30家。\n"
    got = periods(read(text, date=dt.date(2021, 12, 3)))
    assert got[Decimal(30)] == "2021"


def test_this_year_before_a_comma_in_january_is_the_year_ended() -> None:
    text = "1月8日，某市市场监管局召开新闻发布会。今年，全市共查处各类案件560件，抽检食品2300批次。\n"
    got = periods(read(text, date=dt.date(2021, 1, 8)))
    assert got[Decimal(2300)] == "2020"


def test_this_year_beside_last_year_in_january_is_the_new_year() -> None:
    text = "今年，全市共查处各类案件60件。去年全市共查处案件560件。\n"
    got = periods(read(text, date=dt.date(2021, 1, 28)))
    assert got[Decimal(60)] == "2021"
    assert got[Decimal(560)] == "2020"


def test_a_check_window_before_the_verb_in_a_later_bulletin() -> None:
    text = ("根据有关规定，我局于2019年10月至12月组织开展了某区电线电缆产品质量监督抽查，现将结果公告如下。\n"
            "本次共抽查30家企业的45批次产品，不合格3批次。\n")
    got = periods(read(text, date=dt.date(2020, 3, 2)))
    assert got[Decimal(45)] in ("2019", "2019-10/2019-12")


# -- a report of the first half of a year on the year before, framed once in its lead ----------------

LAST_YEAR = ("4月21日，某局副局长张某在新闻发布会上介绍说，2020年，全省完成食品安全监督抽检6380批次，不合格率为2.31%。"
             "全年罚没金额1093万元。\n抽检数据还显示，食品因微生物污染超标抽检不合格率为2.83%。\n")


def test_a_year_framed_after_a_speaker_governs_the_report() -> None:
    got = periods(read(LAST_YEAR, date=dt.date(2021, 4, 23)))
    assert got[Decimal(6380)] == "2020"
    assert got[Decimal(10930000)] == "2020"  # 全年 of the sentence after
    assert got[Decimal("2.83")] == "2020"  # the next paragraph


def test_a_report_that_names_this_year_keeps_its_own_year() -> None:
    text = LAST_YEAR + "今年，全省新增抽检任务1200批次。\n"
    got = periods(read(text, date=dt.date(2021, 4, 23)))
    assert got[Decimal(6380)] == "2020"
    assert got[Decimal("2.83")] == "2021"


def test_a_report_of_the_second_half_keeps_its_own_year() -> None:
    got = periods(read(LAST_YEAR, date=dt.date(2021, 10, 23)))
    assert got[Decimal("2.83")] == "2021"


# -- a year after a resultative 到 --------------------------------------------------------------------

def test_a_year_after_a_verb_with_dao_qualifies_its_object() -> None:
    text = "本次抽查中，跟踪抽查到2019年抽查不合格生产企业7家，有2家企业本次抽查仍不合格。\n"
    ex = read(text, date=dt.date(2021, 7, 2), title="某省通报2021年第一季度服装等7种产品质量监督抽查情况")
    got = {o.value: (o.period, o.breakdown) for o in ex.observations}
    assert got[Decimal(7)][0] != "2019" and got[Decimal(7)][1] != "目标"


def test_a_year_after_dao_alone_is_a_target() -> None:
    ex = read("到2025年，甲市力争培育品牌企业30家。\n", date=dt.date(2022, 7, 2))
    got = {o.value: (o.period, o.breakdown) for o in ex.observations}
    assert got[Decimal(30)] == ("2025", "目标")


# -- an undated document's year is no founding year ---------------------------------------------------

def test_an_undated_document_takes_no_founding_year() -> None:
    text = "7个单位荣获第六届某省省长质量奖。\n某省省长质量奖于2010年设立，是省政府设立的最高质量荣誉。\n"
    got = periods(read(text, date=None))
    assert got[Decimal(7)] != "2010"


def test_an_undated_document_takes_its_first_plain_year() -> None:
    text = "2019年，甲市共有7家企业荣获某奖。\n某奖于2010年设立。\n"
    got = periods(read(text, date=None))
    assert got[Decimal(7)] == "2019"


def test_two_year_round_in_the_title_written_with_both_years() -> None:
    title = "某市人民政府关于表彰2015年—2016年度某市市长质量奖获奖企业的决定"
    text = title + "\n经评审，市政府决定授予甲公司、乙公司等2家企业某市市长质量奖，各奖励50万元。\n"
    got = periods(read(text, title=title))
    assert got[Decimal(2)] == "2015/2016"


def test_last_years_results_beside_this_years_plans_in_january() -> None:
    text = "1月12日，某市召开市场监管工作会议。会议指出，全年共抽检食品3200批次，查处案件560件。今年要继续抓好食品安全，今年计划抽检4000批次。\n"
    got = periods(read(text, date=dt.date(2021, 1, 12)))
    assert got[Decimal(3200)] == "2020"
    assert got[Decimal(4000)] == "2021"


def test_this_year_of_done_results_blocks_the_whole_year_review() -> None:
    text = "2月12日，某市召开会议。会议指出，全年共抽检食品3200批次。今年以来，全市查处案件56件。\n"
    got = periods(read(text, date=dt.date(2021, 2, 12)))
    assert got[Decimal(56)] == "2021"

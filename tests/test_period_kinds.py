"""Periods of counts by their kind: what was added under 截至X月底 is counted over the months up to it,
a running or held total under a window of months is the stock on its last day, and a line ending with a
colon gives its period to the enumerated paragraphs it introduces. Our own minimal sentences."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from qgraph.extract import extract
from qgraph.model import Document, Extraction
from qgraph.sources import split_sentences


def read(text: str, date: dt.date = dt.date(2024, 11, 5)) -> Extraction:
    return extract(Document("q", "q.txt", text, place="某市", date=date, sentences=split_sentences(text)))


def periods(ex: Extraction) -> dict[Decimal, str | None]:
    return {o.value: o.period for o in ex.observations}


# -- 新增 under 截至X月底 ---------------------------------------------------------------------------

def test_added_count_under_a_month_end_is_over_the_months() -> None:
    ex = read("截至10月底，甲市新增注册商标2117件，有效注册商标达11323件。")
    assert periods(ex)[Decimal(2117)] == "2024-01/2024-10"
    assert periods(ex)[Decimal(11323)] == "2024-10-31"  # the stock stays as of the day


def test_added_count_under_a_year_end_is_the_year() -> None:
    ex = read("截至去年底，甲市新增注册商标2117件，有效注册商标达11323件。")
    assert periods(ex)[Decimal(2117)] == "2023"
    assert periods(ex)[Decimal(11323)] == "2023-12-31"


def test_running_total_of_added_under_a_month_end_stays_as_of() -> None:
    ex = read("截至10月底，甲市累计新增注册商标2117件。")
    assert periods(ex)[Decimal(2117)] == "2024-10-31"


# -- a lead line's period over the items it introduces --------------------------------------------

LEAD = ("甲市商标工作呈现新气象。1-10月，甲市注册商标呈现两个特点：\n"
        "一是农产品商标大幅上升。新增农产品商标348件，累计达1790件。\n"
        "二是服务商标增长较快。新增服务商标805件。\n")


def test_items_under_a_lead_take_its_window() -> None:
    got = periods(read(LEAD))
    assert got[Decimal(348)] == "2024-01/2024-10"
    assert got[Decimal(805)] == "2024-01/2024-10"


def test_running_total_under_a_window_is_the_stock_on_its_last_day() -> None:
    assert periods(read(LEAD))[Decimal(1790)] == "2024-10-31"


def test_a_paragraph_that_is_no_item_ends_the_list() -> None:
    got = periods(read(LEAD + "甲市还新增地理标志商标6件。\n"))
    assert got[Decimal(6)] == "2024"


def test_items_without_a_lead_keep_the_documents_year() -> None:
    got = periods(read("甲市商标工作呈现新气象。\n一是农产品商标大幅上升。新增农产品商标348件。\n"))
    assert got[Decimal(348)] == "2024"


def test_a_whole_year_total_stays_a_year() -> None:
    got = periods(read("2023年，甲市累计培育品牌企业56家。", date=dt.date(2024, 2, 1)))
    assert got[Decimal(56)] == "2023"


# -- a stock's value after its change ---------------------------------------------------------------

def test_stock_after_its_growth_keeps_the_stock_as_measure() -> None:
    ex = read("去年，甲市产品质量监督抽查合格率为95.2%，有效注册商标同比增长12.3%，达到3.2万件。")
    got = {o.value: (o.measure, o.breakdown) for o in ex.observations}
    assert got[Decimal(32000)] == ("有效注册商标", "有效")
    assert Decimal("12.3") not in got  # the growth is no figure of the stock


def test_stock_after_a_round_figure_it_passed_keeps_the_stock_as_measure() -> None:
    ex = read("截至10月底，全市有效注册商标突破11万件，达113233件。")
    got = {o.value: o.measure for o in ex.observations}
    assert got[Decimal(113233)] == "有效注册商标"


def test_a_value_after_da_with_no_stock_before_gets_none_of_it() -> None:
    ex = read("去年，甲市全年开展执法检查，共计达到320次。")
    assert all(o.measure != "有效注册商标" for o in ex.observations)


def test_running_total_after_a_change_keeps_the_added_measure() -> None:
    ex = read("2024年，甲市新增农产品商标348件，比去年同期增长14.8%，累计达1790件。")
    got = {o.value: (o.measure, o.breakdown) for o in ex.observations}
    assert got[Decimal(1790)] == ("农产品商标", "累计")
    assert got[Decimal(348)] == ("新增农产品商标", "新增")


def test_a_total_after_a_change_of_another_figure_kind_is_not_carried() -> None:
    ex = read("2024年，甲市抽检合格率为96.1%，比去年同期提高1.8个百分点，累计达1790批次。")
    assert all(o.measure != "抽检合格率" for o in ex.observations if o.value == Decimal(1790))


# -- a share right after a count --------------------------------------------------------------------

def test_share_after_an_added_count_is_a_share_of_the_added() -> None:
    ex = read("2024年，甲市新增高新技术企业120家，占全市企业总数的35%。")
    assert {o.value: o.breakdown for o in ex.observations}[Decimal(35)] == "新增"


def test_share_after_a_stock_takes_its_breakdown_and_day() -> None:
    ex = read("截至10月底，甲市商品商标累计达7598件，占比67.1%。")
    got = {o.value: (o.breakdown, o.period) for o in ex.observations}
    assert got[Decimal("67.1")] == got[Decimal(7598)] == ("累计", "2024-10-31")


def test_share_after_a_plain_count_gets_no_breakdown() -> None:
    ex = read("2024年，甲市规上工业企业120家，占全省的3.5%。")
    assert {o.value: o.breakdown for o in ex.observations}[Decimal("3.5")] is None


# -- as-of days and the year they close ------------------------------------------------------------

def test_a_bare_month_end_after_the_date_of_writing_is_last_years() -> None:
    ex = read("全年完成强制检定计量器具1.8万台；截至12月底，甲市有效认证证书覆盖组织438家。", date=dt.date(2025, 1, 20))
    assert periods(ex)[Decimal(438)] == "2024-12-31"


def test_time_words_opening_a_segment_after_a_semicolon_govern_it() -> None:
    ex = read("全年完成强制检定计量器具1.8万台；截至6月底，甲市有效认证证书覆盖组织438家。", date=dt.date(2024, 7, 20))
    got = periods(ex)
    assert got[Decimal(438)] == "2024-06-30" and got[Decimal(18000)] == "2024"


def test_the_whole_year_after_its_end_day_is_that_year() -> None:
    ex = read("截至2024年底，甲市共有检验检测机构286家，全年实现营业收入24.6亿元。", date=dt.date(2025, 2, 18))
    got = periods(ex)
    assert got[Decimal(286)] == "2024-12-31" and got[Decimal(2460000000)] == "2024"


def test_a_bare_month_end_before_the_date_of_writing_is_this_years() -> None:
    ex = read("截至6月底，甲市有效注册商标5216件。", date=dt.date(2025, 7, 10))
    assert periods(ex)[Decimal(5216)] == "2025-06-30"


def test_as_of_a_year_with_no_end_named_is_that_year() -> None:
    ex = read("截至2024年，某奖累计表彰组织31家。截至2024年底，甲市有效注册商标5216件。", date=dt.date(2025, 1, 10))
    got = periods(ex)
    assert got[Decimal(31)] == "2024" and got[Decimal(5216)] == "2024-12-31"


def test_stock_after_a_counted_change_keeps_the_stock_as_measure() -> None:
    ex = read("2024年，兰州市规上企业比上年增加120家，达到560家。")
    assert {o.value: o.measure for o in ex.observations}[Decimal(560)] == "规上企业"
    assert Decimal(120) not in {o.value for o in ex.observations}  # the change is no figure of the stock


def test_total_after_an_added_count_and_its_change_is_the_running_total() -> None:
    ex = read("2024年，甲市新增注册商标2117件，比上年增加320件，总数达到11323件。")
    assert {o.value: (o.measure, o.breakdown) for o in ex.observations}[Decimal(11323)] == ("注册商标", "累计")


def test_rate_after_its_change_keeps_the_rate_as_measure() -> None:
    ex = read("2024年，甲市产品抽查合格率提高了2个百分点，达到97.1%。")
    assert {o.value: o.measure for o in ex.observations}[Decimal("97.1")].endswith("合格率")


# -- a range of years written with 年 after both ends ---------------------------------------------------

def test_a_range_of_years_with_year_after_each_end_is_the_range() -> None:
    assert periods(read("根据方案，2024年-2026年，全市每年新建服务站12个。"))[Decimal(12)] == "2024/2026"
    assert periods(read("根据方案，2024-2026年，全市每年新建服务站12个。"))[Decimal(12)] == "2024/2026"


def test_a_single_year_before_a_dash_is_no_range() -> None:
    assert periods(read("2024年，全市新建服务站12个。"))[Decimal(12)] == "2024"

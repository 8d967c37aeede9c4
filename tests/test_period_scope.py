"""A document's reported period governs its undated figures: the notice's month, the period a
publication reports on, the year an award is named with; a figure's own time words still win."""

from __future__ import annotations

import datetime as dt

from tests.extraction_helpers import fig, read

BODY = "7月，全省共完成食品安全监督抽检5000批次，合格率98.1%。\n各地市共抽检肉制品260批次。"


def test_a_monthly_notice_keeps_its_month_in_later_paragraphs() -> None:
    ex = read(BODY, place="某省", date=dt.date(2022, 8, 20), title="某省市场监管局关于2022年7月食品安全监督抽检情况的通告")
    assert fig(ex, "5000").period == "2022-07"
    assert fig(ex, "260").period == "2022-07"


def test_a_bulletins_first_sentence_month_governs_without_a_title_period() -> None:
    ex = read(BODY, place="某省", date=dt.date(2022, 8, 20), title="某省市场监管局关于食品安全监督抽检情况的通告")
    assert fig(ex, "260").period == "2022-07"


def test_the_reported_period_not_the_publication_date() -> None:
    text = "2023年3月20日，某市市场监管局发布2022年第四季度食品安全抽检情况。全市共抽检食品1200批次。"
    ex = read(text, place="某市", date=dt.date(2023, 3, 20), title="某市发布食品安全抽检情况")
    assert fig(ex, "1200").period == "2022-Q4"


def test_an_award_year_not_the_ceremony_year() -> None:
    text = ("2018年2月6日，某县召开质量大会，为2017年度县长质量奖获奖企业颁奖。"
            "甲机械有限公司、乙食品有限公司等3家企业获得县长质量奖。\n获奖企业年产值15亿元。")
    ex = read(text, place="某县", date=dt.date(2018, 2, 6), title="某县召开质量大会")
    assert fig(ex, "1500000000").period == "2017"
    assert fig(ex, "3").period == "2017"


def test_a_figure_with_its_own_year_keeps_it() -> None:
    text = BODY + "\n2021年全省共抽检食品9000批次。"
    ex = read(text, place="某省", date=dt.date(2022, 8, 20), title="某省市场监管局关于2022年7月食品安全监督抽检情况的通告")
    assert fig(ex, "9000").period == "2021"


def test_no_title_period_keeps_the_document_year() -> None:
    text = "7月，全市开展质量提升行动。\n全市新增注册商标3000件。"
    ex = read(text, place="某市", date=dt.date(2022, 8, 20), title="某市推进质量强市工作")
    assert fig(ex, "3000").period == "2022"


def test_a_later_dated_action_keeps_its_own_year() -> None:
    text = ("2018年2月6日，某县召开质量大会，为2017年度县长质量奖获奖企业颁奖。\n"
            "2018年3月1日起，全县开展产品质量抽查，抽检200批次。")
    ex = read(text, place="某县", date=dt.date(2018, 2, 6), title="某县召开质量大会")
    assert fig(ex, "200").period == "2018"


def test_a_title_month_after_guanyu_is_the_notices_period() -> None:
    text = "全省共完成食品安全监督抽检5000批次。\n各地市共抽检肉制品260批次。"
    ex = read(text, place="某省", date=dt.date(2022, 8, 20), title="某省市场监管局关于2022年7月食品安全监督抽检情况的通告")
    assert fig(ex, "260").period == "2022-07"


def test_a_body_repeating_the_title_and_its_number_line() -> None:
    title = "某省市场监管局关于食品安全监督抽检情况的通告"
    text = f"{title}\n2022年第88号\n2022年7月，全省共完成食品安全监督抽检5000批次。\n各地市共抽检肉制品260批次。"
    ex = read(text, place="某省", date=dt.date(2022, 9, 5), title=title)
    assert fig(ex, "260").period == "2022-07"

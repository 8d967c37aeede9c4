"""Figures read with the wrong meaning, on our own minimal sentences: a span of time counted in 个, and
a check's level word whose first character a place's name took."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from extraction_helpers import fig, read

DATE = dt.date(2024, 7, 20)


def test_a_span_of_working_days_is_no_figure() -> None:
    ex = read("青禾老字号协会公布了拟认定名单，公示时间为7个工作日，遴选出9家企业。", place="柳州市", date=DATE)
    assert not [o for o in ex.observations if o.value == Decimal(7)]
    assert fig(ex, "9")


def test_a_span_of_months_is_no_figure() -> None:
    ex = read("全市用3个月完成抽查产品860批次。", place="柳州市", date=DATE)
    assert not [o for o in ex.observations if o.value == Decimal(3)]


def test_a_level_word_cut_by_the_place_before_it_stays_whole() -> None:
    ex = read("2024年上半年广西壮族自治区级监督抽查覆盖全区14个地市，抽查产品620批次。", place="广西壮族自治区", date=DATE)
    o = fig(ex, "620")
    assert o.subject is not None and o.subject.name.startswith("区级"), o.subject


def test_a_category_written_after_the_counts_is_the_parts_qualifier() -> None:
    text = ("近期，柳州市市场监管局对电线电缆等8种工业品开展了质量监督抽查，共抽查产品210批次，不合格6批次。"
            "其中，抽查该市12家生产企业的30批次电线电缆产品，2批次不合格；抽查该市5家生产企业的9批次插头插座产品，4批次不合格。")
    ex = read(text, place="柳州市", date=DATE)
    assert fig(ex, "210").breakdown is None
    assert (fig(ex, "12").breakdown, fig(ex, "30").breakdown, fig(ex, "2").breakdown) == ("电线电缆",) * 3
    assert (fig(ex, "5").breakdown, fig(ex, "9").breakdown, fig(ex, "4").breakdown) == ("插头插座",) * 3
    assert fig(ex, "30").subject == fig(ex, "210").subject


def test_a_check_named_after_another_rate_and_he_starts_after_it() -> None:
    ex = read("全市农产品例行监测合格率和食品抽检合格率保持在97%以上，建筑工程竣工验收合格率保持100%。",
              place="柳州市", date=DATE)
    checks = [e.name for e in ex.entities if e.kind.value == "ProductSpotCheck"]
    assert checks == ["食品抽检"], checks
    other = fig(ex, "100")  # another thing's rate, in a clause of its own: not the check's
    assert other.subject is None or other.subject.name != "食品抽检" or other.confidence < 0.5


def test_two_checks_pass_rates_sharing_one_value_are_both_read() -> None:
    ex = read("全市农产品例行监测合格率和食品抽检合格率保持在97%以上。", place="柳州市", date=DATE)
    rates = sorted((o.subject.name, o.measure) for o in ex.observations if o.value == Decimal(97))
    assert rates == [("农产品例行监测", "农产品例行监测合格率"), ("食品抽检", "食品抽检合格率")], rates

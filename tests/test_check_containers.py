"""Parts of the report's own check (:mod:`qgraph.extract.check_containers`), on our own sentences: a
follow-up written inside ``在本次抽查的产品中`` is the report's check's, by part; without the container the
follow-up stays a check of its own."""

from __future__ import annotations

import datetime as dt

from extraction_helpers import fig, read

DATE = dt.date(2024, 7, 1)
CHECK = "某省市场监管局发布2024年第一季度某省产品质量监督抽查情况。本次共抽查甲类产品120批次。\n"
REPORT = "某省产品质量监督抽查"


def _read(text: str):
    return read(CHECK + text, place="某省", date=DATE)


def test_a_follow_up_inside_the_report_check_is_its_part() -> None:
    ex = _read("此外，在本次抽查的产品中，跟踪抽查上年抽查不合格企业12家，有3家企业本次抽查仍不合格，9家企业本次抽查合格。")
    for value in ("12", "3", "9"):
        o = fig(ex, value)
        assert o.subject is not None and o.subject.name == REPORT and o.breakdown == "跟踪抽查", o
    assert fig(ex, "3").measure == "仍不合格"


def test_a_variant_with_another_container_and_a_years_round() -> None:
    o = fig(_read("此次抽检中，对2023年抽检不合格的企业跟踪抽检企业12家。"), "12")
    assert o.subject is not None and o.subject.name == REPORT and o.breakdown == "跟踪抽查", o


def test_a_follow_up_without_the_container_stays_its_own_check() -> None:
    ex = _read("针对抽查发现的不合格产品，全省对上次抽查不合格的15家企业开展跟踪抽查，复查合格率为86.7%。")
    for value in ("15", "86.7"):
        o = fig(ex, value)
        assert o.subject is not None and o.subject.name == "跟踪抽查", o


def test_a_view_from_the_follow_ups_is_the_report_checks_whole_or_its_named_part() -> None:
    ex = _read("从跟踪抽查情况看，跟踪抽查企业50家，合格率为90.0%。")
    for value in ("50", "90.0"):
        o = fig(ex, value)
        assert o.subject is not None and o.subject.name == REPORT and o.breakdown == "跟踪抽查", o
    o = fig(_read("从跟踪抽查情况看，今年抽查产品中，连续3年抽查的产品有40种，占全年抽查产品总数的52.0%。"), "40")
    assert o.subject is not None and o.subject.name != "跟踪抽查" and o.breakdown != "跟踪抽查", o


def test_a_year_after_到_in_the_reports_own_results_is_no_target() -> None:
    o = fig(_read("此外，在本次抽查的产品中，跟踪抽查到2023年抽查不合格生产企业10家，有2家企业本次抽查仍不合格。"), "10")
    assert o.subject is not None and o.subject.name == REPORT and o.breakdown == "跟踪抽查", o

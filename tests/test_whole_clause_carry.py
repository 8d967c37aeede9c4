"""A clause opening with a whole (全市…) or another period (今年以来…) ends the carry of an event, meeting or
firm from the sentence's lead: its figure is the whole's, or the report's place, unsure."""

from __future__ import annotations

import datetime as dt

from extraction_helpers import fig, low, read
from qgraph.model import Kind

DAY = dt.date(2024, 9, 6)
EVENT = "9月5日，某市举行质量月启动仪式。"


def test_a_whole_after_the_event_site_takes_the_citys_figure() -> None:
    ex = read(EVENT + "活动现场，发放宣传资料500份，全市受理投诉1200件。", place="泰州市", date=DAY)
    assert fig(ex, "500").subject.kind is Kind.EVENT  # the event's own doing on the spot
    o = fig(ex, "1200")
    assert o.subject.kind is Kind.PLACE and o.subject.name == "泰州市" and not low(o)


def test_a_period_and_a_whole_after_the_event_site() -> None:
    o = fig(read(EVENT + "活动现场，发放宣传资料500份，今年以来全市受理投诉1200件。", place="泰州市", date=DAY), "1200")
    assert o.subject.kind is Kind.PLACE and o.subject.name == "泰州市" and not low(o)


def test_a_period_alone_ends_the_carry_unsure() -> None:
    o = fig(read(EVENT + "活动现场，发放宣传资料500份，今年以来受理投诉1200件。", place="泰州市", date=DAY), "1200")
    assert o.subject.kind is Kind.PLACE and low(o)


def test_a_whole_of_another_level_is_unsure() -> None:
    o = fig(read(EVENT + "活动现场，发放宣传资料500份，全省受理投诉1200件。", place="泰州市", date=DAY), "1200")
    assert o.subject.kind is Kind.PLACE and low(o)


def test_a_whole_after_a_meeting_lead() -> None:
    text = "9月5日，某市召开质量工作会议。会上，通报了抽查情况；全市共认定企业30家。"
    o = fig(read(text, place="泰州市", date=DAY), "30")
    assert o.subject.kind is Kind.PLACE and o.subject.name == "泰州市"


def test_a_whole_in_another_places_report_is_unsure() -> None:
    text = "某市举办质量月活动。活动期间，开展咨询20场，全县受理投诉300件。"
    o = fig(read(text, place="泰州市", date=DAY), "300")
    assert o.subject.kind is not Kind.EVENT and low(o)


def test_the_event_keeps_a_whole_right_after_its_lead() -> None:
    # the clause right after the lead tells what the event did across the whole
    o = fig(read("质量月期间，全市组织主题活动40余项。", place="泰州市", date=DAY), "40")
    assert o.subject.kind is Kind.EVENT
    o = fig(read(EVENT + "活动现场，全市30家企业参展。", place="泰州市", date=DAY), "30")
    assert o.subject.kind is Kind.EVENT


def test_no_whole_no_end_of_the_carry() -> None:
    ex = read(EVENT + "活动现场，发放宣传资料500份，接受群众咨询300人次。", place="泰州市", date=DAY)
    assert fig(ex, "500").subject.kind is Kind.EVENT
    assert fig(ex, "300").subject.kind is Kind.EVENT


def test_a_firms_period_keeps_the_firm() -> None:
    # a firm's figures keep their own periods: only a whole ends a firm's carry
    ex = read("丙丁科技有限公司拥有发明专利20件，全年新增专利5件。", place="泰州市", date=DAY)
    assert fig(ex, "5").subject.kind is Kind.ENTERPRISE
    ex = read("丙丁科技有限公司拥有发明专利20件，全市拥有发明专利3000件。", place="泰州市", date=DAY)
    assert fig(ex, "3000").subject.kind is Kind.PLACE


def test_hearsay_before_the_lead_is_no_clause_of_its_own() -> None:
    o = fig(read("据了解，质量月期间，全市组织主题活动40余项。", place="泰州市", date=DAY), "40")
    assert o.subject.kind is Kind.EVENT

"""A rise against a baseline (``比去年提升3个位次``) is a change, not a figure of the subject, on our own
sentences; a count in the same sentence stays."""

from __future__ import annotations

import datetime as dt

from extraction_helpers import read

DATE = dt.date(2024, 3, 1)


def test_a_rise_in_places_against_last_year_is_no_figure() -> None:
    ex = read("2023年，某县在全省县域经济排名中比去年提升3个位次，新建检测平台4个。", place="南宁市", date=DATE)
    values = {int(o.value) for o in ex.observations}
    assert 3 not in values and 4 in values, ex.observations
    ex = read("2023年，某县质量工作考核得分比上年上升2个名次。", place="南宁市", date=DATE)
    assert not ex.observations, ex.observations

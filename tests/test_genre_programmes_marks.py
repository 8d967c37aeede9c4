"""Programmes, marks and occasions of the genre the figures of a report belong to: the month of a
month-long occasion, a certification mark firms are authorised to use."""

from __future__ import annotations

import datetime as dt

from tests.extraction_helpers import fig, read

MONTH = ("金秋时节，吉林省市场监管局等12个部门按照部署，联合开展了全省2023年“质量月”活动，推动质量提升。\n"
         "质量提升篇。相关部门组织开展质量诊断、质量攻关等活动48次，制作企业质量经验宣传片9个。")


def test_a_figure_of_the_quality_month_itself_is_of_september() -> None:
    ex = read(MONTH, place="吉林省", date=dt.date(2023, 10, 20))
    o = fig(ex, "48")
    assert o.subject is not None and o.subject.name == "质量月"
    assert o.period == "2023-09"


def test_a_launch_ceremony_of_the_month_keeps_its_year() -> None:
    text = "9月1日，长春市2023年“质量月”活动启动仪式举行。\n启动仪式上，共有30家企业参展。"
    ex = read(text, place="长春市", date=dt.date(2023, 9, 2))
    assert fig(ex, "30").period_words != "质量月"


def test_a_figure_with_time_words_of_its_own_keeps_them() -> None:
    text = MONTH + "\n上半年，全省组织开展质量诊断活动20次。"
    ex = read(text, place="吉林省", date=dt.date(2023, 10, 20))
    assert fig(ex, "20").period == "2023-H1"

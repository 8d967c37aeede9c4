"""False facts a review reproduced, each on our own minimal sentence, with a case showing the rule still
does its job on the shape it was written for."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from extraction_helpers import read


def periods(ex) -> dict[Decimal, str | None]:
    return {o.value: o.period for o in ex.observations}


# -- 1. 今年 after a plan word in a January report is the year of writing -------------------------------

def test_1_this_year_after_a_plan_word_is_the_year_of_writing() -> None:
    text = "1月10日，甲市召开质量工作会议。会议要求，今年完成抽检5000批次，全市新增注册商标1000件。"
    got = periods(read(text, place="甲市", date=dt.date(2019, 1, 10), title="甲市召开质量工作会议"))
    assert got[Decimal(5000)] == "2019" and got[Decimal(1000)] == "2019"


def test_1_this_year_telling_results_in_january_is_still_the_year_just_ended() -> None:
    text = "1月8日，甲市市场监管局召开新闻发布会。今年，全市共查处各类案件560件，抽检食品2300批次。"
    got = periods(read(text, place="甲市", date=dt.date(2019, 1, 8)))
    assert got[Decimal(560)] == "2018" and got[Decimal(2300)] == "2018"

"""A check whose name the rules composed from the words around a count (``四大行业共监督抽查…`` read as
``四大行业监督抽查``) is written nowhere as such: whether a past count is that check's or the place's cannot
be told, so it is not vouched. A check written by its name keeps its figures, and so does a goal."""

from __future__ import annotations

import datetime as dt

from extraction_helpers import fig, low, read

DATE = dt.date(2024, 3, 1)


def test_a_count_of_a_check_composed_from_a_verb_phrase_is_not_vouched() -> None:
    ex = read("2023年，青禾市纺织、五金、化工、建材等四大行业共监督抽查860批52种产品，合格842批，合格率97.91%。",
              place="青禾市", date=DATE)
    for value in ("860", "842"):
        o = fig(ex, value)
        assert o is not None and low(o), o


def test_a_check_written_by_its_name_keeps_its_figures() -> None:
    ex = read("2023年，青禾市开展产品质量市级监督抽查，共抽查860批次，合格842批次。", place="青禾市", date=DATE)
    o = fig(ex, "860")
    assert o is not None and not low(o), o


def test_a_goal_of_a_check_keeps_its_figure() -> None:
    ex = read("今年，全市将完成市级监督抽查1500批次以上。", place="青禾市", date=DATE)
    o = fig(ex, "1500")
    assert o is not None and not low(o), o


def test_a_rate_of_an_unnamed_check_is_not_vouched_as_the_default_check_s() -> None:
    ex = read("全市抽检合格率98.3%。", place="青禾市", date=DATE)  # the rules' default name, written nowhere
    o = fig(ex, "98.3")
    assert o is not None and low(o), o

"""False figures refused by general gates, on our own minimal sentences: a list's applicants written with an
approximate count, a place's share of a list read as the list's size, holdings read as new awards, exclusions,
restated counts, recommended candidates read as winners."""

from __future__ import annotations

import datetime as dt

from extraction_helpers import fig, low, read

DATE = dt.date(2024, 7, 20)


def test_an_approximate_count_of_applicants_before_a_selection_does_not_break_the_list_frame() -> None:
    ex = read("从近300家申报单位中评选出24家单位入选青禾市质量标杆。", place="青禾市", date=DATE)
    assert fig(ex, "24") is not None

"""A window of months heading a paragraph (``今年1~10月，全市主要农产品…合格率保持在97%以上``) dates
the figures of its own sentence: the monitoring results counted over those months. The sentences after
it report the year's other results (air quality days, patents held), so the window does not carry on
through the paragraph as a year or a half-year heading it does."""

from __future__ import annotations

import re

from .periods import Period

WINDOW_RE = re.compile(r"(?P<y>\d{4})-(?P<a>\d{2})/(?P=y)-(?P<b>\d{2})")


def sentence_only(period: Period | None) -> bool:
    """``period`` is a window of months within one year, short of the whole year."""
    if period is None or period.value is None or period.target:
        return False
    m = WINDOW_RE.fullmatch(period.value)
    return m is not None and not (m.group("a") == "01" and m.group("b") == "12")

"""Series over years: ``近5年…合格率分别为88.9%、92.3%、91.1%、91.6%和91.5%`` or ``2020—2024年…分别为…`` —
one figure per year, oldest first, ending with the range's last year or, for ``近N年``, the year the
report speaks of — the year before when the report is written within that year before December (its
last complete year; the years are then marked inferred). When the numbers and the years do not pair,
each figure keeps no period (which year is whose cannot be told), rather than all taking the report's year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Sentence
from .breakdown_lists import NUMBER_RE, VALUES_RE
from .context import Ctx
from .numbers import small_count
from .periods import Reference

LAST_YEARS_RE = re.compile(r"(?:近|最近|过去)(?P<n>10|[2-9]|[两二三四五六七八九十])年")
YEAR_RANGE_RE = re.compile(r"(?P<a>20\d{2})\s*(?:年)?\s*[—―–－\-~～至到]\s*(?P<b>20\d{2})年")


@dataclass(frozen=True, slots=True)
class SeriesYear:
    year: str | None
    """The figure's year; None when the series and its numbers do not pair."""
    words: str
    start: int
    inferred: bool = False
    """The series' last year was taken as the last complete one (a report written within its year)."""


def series_years(ctx: Ctx, ref: Reference, sent: Sentence) -> dict[int, SeriesYear]:
    """Number start → its year, for the sentence's runs of figures after 分别 that a series names."""
    key = ("series_years", sent.span.start)
    if key in ctx.memo:
        return ctx.memo[key]  # type: ignore[return-value]
    out: dict[int, SeriesYear] = {}
    for m in VALUES_RE.finditer(ctx.text, sent.span.start, sent.span.end):
        before = ctx.text[sent.span.start:m.start()]
        spans = [(w.start(), w) for w in LAST_YEARS_RE.finditer(before)] + [(w.start(), w) for w in YEAR_RANGE_RE.finditer(before)]
        if not spans:
            continue
        _, w = max(spans, key=lambda t: t[0])
        inferred = False
        if w.re is YEAR_RANGE_RE:
            first, last = int(w.group("a")), int(w.group("b"))
        else:
            if ref.year is None:
                continue
            n = w.group("n")
            last = int(ref.year)
            if ref.date is not None and ref.now == ref.year and ref.date.month < 12:
                last, inferred = last - 1, True  # 近5年 in a mid-year report: up to the last complete year
            first = last - small_count(n) + 1  # type: ignore[operator]
        numbers = list(NUMBER_RE.finditer(m.group()))
        years = list(range(first, last + 1))
        pairs = len(years) == len(numbers) and len(years) >= 2
        for k, num in enumerate(numbers):
            out[m.start() + num.start()] = SeriesYear(str(years[k]) if pairs else None, w.group(),
                                                      sent.span.start + w.start(), inferred)
    ctx.memo[key] = out
    return out

"""A gathering's figures (``200余人参加会议``, ``由16家单位共同举办``) are of the month it was held: the
date written in the sentence naming the gathering (``12月27日下午，某市召开全市质量大会``), in the year
the document is written, when the figure's own clause names no time."""

from __future__ import annotations

import re

from ..model import Ref
from .context import Ctx
from .periods import Period, Reference

DAY_RE = re.compile(r"(?:(?P<y>20\d{2})年)?(?P<m>\d{1,2})月(?P<d>\d{1,2})日")


def gathering_month(ctx: Ctx, ref: Reference, gathering: Ref) -> Period | None:
    """The month the gathering ``gathering`` was held, from the date in the sentence first naming it
    with one (before its name), or None."""
    for e in sorted((e for e in ctx.entities if e.ref == gathering), key=lambda e: e.span.start):
        sent = ctx.sentence_of(e.span.start)
        if sent is None:
            continue
        days = list(DAY_RE.finditer(ctx.text, sent.span.start, e.span.start))
        if not days:
            continue
        day = days[-1]
        year = day.group("y") or ref.now or ref.year
        month = int(day.group("m"))
        if year is None or not 1 <= month <= 12:
            return None
        return Period(f"{year}-{month:02d}", day.group(), day.start())
    return None

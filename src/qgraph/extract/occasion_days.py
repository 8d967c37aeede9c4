"""Figures of the day of an event: ``活动当天，发放宣传资料2000余份`` / ``活动现场，20家企业进行了展示``.

A sentence opening with a word of the event's day or site (``活动当天``, ``仪式现场``, ``启动仪式上``) speaks
of the event the report named last before it (an event or a meeting): its figures are that event's, not the
place's. (Their period stays the year, as the annotations of such reports have it.)
"""

from __future__ import annotations

import re

from ..model import Kind, Ref, Sentence
from .context import Ctx

__all__ = ["occasion_day"]

DAY_LEAD_RE = re.compile(r"\s*(?:(?:此次|本次)?(?:活动|仪式|启动仪式|宣传活动|大会|会议)(?:当天|当日|现场)|(?:启动)?仪式上)[，,：:]")


def occasion_day(ctx: Ctx, sent: Sentence, pos: int) -> Ref | None:
    """The event whose day or site the sentence of ``pos`` opens with; None when the sentence opens with no
    such word or no event is named before it."""
    lead = DAY_LEAD_RE.match(ctx.text, sent.span.start)
    if lead is None or lead.end() > pos:
        return None
    before = [e for e in ctx.entities if e.kind in (Kind.EVENT, Kind.MEETING) and e.span.end <= sent.span.start]
    return max(before, key=lambda e: e.span.end).ref if before else None

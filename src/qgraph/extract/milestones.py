"""Figures of a year still to come: a plan's milestones, not results.

``某产业链方面，2025年签约投资额2亿元，落地项目1个；2027年末签约投资额6.6亿元，落地项目3个`` in a text written in
2025: a figure dated after the year of writing cannot have been reached — it is a target, even with no word
of planning in its clause (its year written in its own sentence). The figures of the year of writing that the same sentence sets out with the same
measures before it (2025年签约投资额…) are the first milestones of that plan, targets too. A text whose year
of writing is unknown or only guessed marks nothing.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Observation
from .context import Ctx
from .periods import reference

__all__ = ["mark_future_milestones"]

YEAR_RE = re.compile(r"(20\d{2})(?:-12-31)?$")
"""A figure's period that is a whole year or a year's last day."""


def _year(o: Observation) -> int | None:
    m = YEAR_RE.match(o.period or "")
    return int(m.group(1)) if m and not o.period_inferred and o.period_words else None


def _dated_in_sentence(ctx: Ctx, o: Observation) -> bool:
    """The figure's time words are written in its own sentence before it (not carried from a paragraph's head)."""
    sent = ctx.sentence_of(o.span.start)
    return sent is not None and bool(o.period_words) and o.period_words in ctx.text[sent.span.start:o.span.start]


def mark_future_milestones(ctx: Ctx) -> None:
    ref = reference(ctx)
    if ref.now is None or ref.guessed:
        return
    now = int(ref.now)
    future = [o for o in ctx.observations if (y := _year(o)) is not None and y > now and o.breakdown is None
              and _dated_in_sentence(ctx, o)]
    if not future:
        return
    by_sentence: dict[int, list[Observation]] = {}
    for o in future:
        sent = ctx.sentence_of(o.span.start)
        if sent is not None:
            by_sentence.setdefault(sent.span.start, []).append(o)
    marked: set[int] = set()
    for start, later in by_sentence.items():
        measures = {o.measure for o in later}
        first = min(o.span.start for o in later)
        for i, o in enumerate(ctx.observations):
            if o.breakdown is not None or ctx.sentence_of(o.span.start) is None \
                    or ctx.sentence_of(o.span.start).span.start != start:
                continue
            if o in later or (o.span.start < first and _year(o) == now and o.measure in measures):
                marked.add(i)
    ctx.observations[:] = [replace(o, breakdown="目标") if i in marked else o for i, o in enumerate(ctx.observations)]

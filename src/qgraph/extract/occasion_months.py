"""Figures of a month-long occasion: ``联合开展了全省“质量月”活动…；组织开展…活动56次`` — a count the rules
give to the occasion itself (the event ``质量月``) while no time words govern it (its period was the
document's or paragraph's year) is of the occasion's month (``2022-09``), as ``质量月期间`` is.

Only the occasion itself: its launch ceremony or another gathering of the month (``某市“质量月”活动启动
仪式``) is a day's event, and keeps the period the rules gave it. Targets keep their period. The months
are ``data/lexicon/occasion_months.tsv``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Kind
from .context import Ctx

YEAR_RE = re.compile(r"^20\d{2}$")


def occasion_months(ctx: Ctx) -> None:
    months = {row[0]: int(row[1]) for row in ctx.lex.table("occasion_months.tsv", columns=2, header="name")}
    for i, o in enumerate(ctx.observations):
        if o.subject is None or o.subject.kind is not Kind.EVENT or o.subject.name not in months:
            continue
        if not o.period_inferred or o.period_words or not YEAR_RE.match(o.period or "") or o.breakdown == "目标":
            continue
        ctx.observations[i] = replace(o, period=f"{o.period}-{months[o.subject.name]:02d}", period_words=o.subject.name,
                                     period_inferred=False)

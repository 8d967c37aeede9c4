"""Figures of a month-long occasion: ``联合开展了全省“质量月”活动…；组织开展质量诊断等活动48次`` — a count the rules
give to the occasion itself (the event ``质量月``) while no time words govern it (its period was the
document's or paragraph's year) is of the occasion's month (``2022-09``), as ``质量月期间`` is. So is a
count of a contest or activity in a report whose lead launches the occasion (``开展“某某故事”微视频比赛，
发布微视频25个``): it runs in that month.

A launch ceremony or another gathering of the month (``某市“质量月”活动启动仪式``) is a day's event and
keeps the period the rules gave it; targets keep theirs. The months are
``data/lexicon/occasion_months.tsv``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Kind
from .context import Ctx
from .topics import lead_campaign

YEAR_RE = re.compile(r"^20\d{2}$")
GATHERING_RE = re.compile(r"仪式|会$|典礼|论坛")


def occasion_months(ctx: Ctx) -> None:
    months = {row[0]: int(row[1]) for row in ctx.lex.table("occasion_months.tsv", columns=2, header="name")}
    campaign, lead_end = lead_campaign(ctx)
    for i, o in enumerate(ctx.observations):
        if o.subject is None or o.subject.kind is not Kind.EVENT:
            continue
        month = months.get(o.subject.name)
        if month is None and campaign is not None and campaign.name in months and o.span.start >= lead_end \
                and not GATHERING_RE.search(o.subject.name):
            month = months[campaign.name]  # a contest of the month the lead launched (…微视频比赛，发布微视频25个)
        if month is None:
            continue
        if not o.period_inferred or o.period_words or not YEAR_RE.match(o.period or "") or o.breakdown == "目标":
            continue
        ctx.observations[i] = replace(o, period=f"{o.period}-{month:02d}", period_words=o.subject.name,
                                     period_inferred=False)

"""Flows under an "as of" date: ``截至去年底，全县规上工业企业98家，实现营业收入62.3亿元``.

The date (``2022-12-31``) is right for the count of enterprises, a stock; the income is a flow over the
months up to it: the whole year (``2022``) when the date is a year's end, else its first months
(``2023-01/2023-06`` for 截至6月底). The flow measures are ``data/lexicon/flow_measures.txt``; a running total
(累计) and a yearly rate (年产值) stay as of their date.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .context import Ctx

AS_OF_RE = re.compile(r"^截[至止]")
DATE_RE = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})$")


def flow_periods(ctx: Ctx) -> None:
    flows = ctx.lex.words("flow_measures.txt", longest_first=True)
    for i, o in enumerate(ctx.observations):
        d = DATE_RE.match(o.period or "")
        if d is None or not AS_OF_RE.match(o.period_words or "") or not any(w in o.measure for w in flows):
            continue
        clause = ctx.text[ctx.last_of("，,；;。\n", 0, o.span.start) + 1:o.span.start]
        if "累计" in clause or "累计" in o.measure or re.search(r"年(?:" + "|".join(map(re.escape, flows)) + ")", o.measure):
            continue  # 截至4月底…相关产业年产值: a yearly rate as of the day
        y, m = d.group("y"), int(d.group("m"))
        period = y if m == 12 else f"{y}-01/{y}-{m:02d}"
        ctx.observations[i] = replace(o, period=period)

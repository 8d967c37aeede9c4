"""Flows under an "as of" date: ``截至去年底，全县规上工业企业98家，实现营业收入62.3亿元``.

The date (``2022-12-31``) is right for the count of enterprises, a stock; the income is a flow over the
months up to it: the whole year (``2022``) when the date is a year's end, else its first months
(``2023-01/2023-06`` for 截至6月底). The flow measures are ``data/lexicon/flow_measures.txt``; counts of what
was added (``新增注册商标…件``, words of ``data/lexicon/flow_count_words.txt``) are flows too under a month's end
(``截至10月底``). A running total (累计) and a yearly rate (年产值) stay as of their date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from ..model import Kind
from .context import Ctx

AS_OF_RE = re.compile(r"^(?:截[至止]|(?:20\d{2}年|今年|去年|上年|本年)?\d{1,2}月(?:份)?[底末]$)")
"""截至6月底, and a month's end written alone at a clause's head (2024年3月底，…): an as-of date."""
DATE_RE = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})$")


MONTH_END_RE = re.compile(r"[底末]$")


def flow_periods(ctx: Ctx) -> None:
    flows = ctx.lex.words("flow_measures.txt", longest_first=True)
    counts = ctx.lex.words("flow_count_words.txt", longest_first=True)
    for i, o in enumerate(ctx.observations):
        d = DATE_RE.match(o.period or "")
        if d is None or not AS_OF_RE.match(o.period_words or ""):
            continue
        # 截至10月底，新增注册商标…件: a count of what was added (flow_count_words.txt), at a month's end only
        added = MONTH_END_RE.search(o.period_words or "") is not None \
            and (o.measure.startswith(counts) or o.breakdown in counts)
        if not added and not any(w in o.measure for w in flows):
            continue
        clause = ctx.text[ctx.last_of("，,；;。\n", 0, o.span.start) + 1:o.span.start]
        if "累计" in clause or "累计" in o.measure or re.search(r"年(?:" + "|".join(map(re.escape, flows)) + ")", o.measure):
            continue  # 截至4月底…相关产业年产值: a yearly rate as of the day
        y, m = d.group("y"), int(d.group("m"))
        period = y if m == 12 else f"{y}-01/{y}-{m:02d}"
        ctx.observations[i] = replace(o, period=period)


WINDOW_RE = re.compile(r"^(?P<y>\d{4})-(?:01/(?P=y)-(?P<m>\d{2})|Q(?P<q>[1-4])|H(?P<h>[12]))$")
"""A window of a year: its first months (``2013-01/2013-10``), a quarter (``2022-Q1``) or a half (``2022-H1``)."""


def stock_periods(ctx: Ctx) -> None:
    """Stocks under a window of months, a quarter or a half-year: ``1-10月，…累计达17906件`` is the count on the
    window's last day (``2013-10-31``), not a count over the months; the breakdowns that make a stock are
    ``data/lexicon/stock_breakdowns.txt``, and so does a measure holding a word of
    ``data/lexicon/stock_measure_marks.txt`` (``一季度…商标注册总量…`` → ``2022-03-31``) unless a count of what was added. A whole year stays a year (``2024年…累计…`` → ``2024``). Work done
(``1-10月，累计抽检…3000批次``: a verb of ``flow_action_verbs.txt`` in its clause) and flow measures
(``flow_measures.txt``) stay counts over the months."""
    stocks = ctx.lex.words("stock_breakdowns.txt")
    marks = ctx.lex.words("stock_measure_marks.txt")
    added = ctx.lex.words("flow_count_words.txt", longest_first=True)
    doings = tuple(ctx.lex.words("flow_action_verbs.txt")) + tuple(ctx.lex.words("flow_measures.txt"))
    for i, o in enumerate(ctx.observations):
        w = WINDOW_RE.match(o.period or "")
        if w is None or w.group("m") == "12" or o.unit == "Percent":
            continue
        stock = o.breakdown in stocks or (  # 一季度，…商标注册总量达…件: a measure naming a stock (stock_measure_marks.txt)
            o.breakdown not in added and not o.measure.startswith(added) and any(k in o.measure for k in marks))
        if not stock:
            continue
        clause = ctx.text[ctx.last_of("，,；;。\n", 0, o.span.start) + 1:o.span.start]
        if any(v in clause or v in o.measure for v in doings):
            continue  # 1-10月，累计查处案件320件: cases handled over the months
        y = int(w.group("y"))
        m = int(w.group("m")) if w.group("m") else 3 * int(w.group("q")) if w.group("q") else 6 * int(w.group("h"))
        last = (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)).isoformat()
        ctx.observations[i] = replace(o, period=last)


DAY_RE = re.compile(r"\d{4}(?:-\d{2}-\d{2})?$")
ROUND_YEARS_RE = re.compile(r"20\d{2}年(?:[、和及]20\d{2}年)+")
"""Years of several rounds named together (``在2011年和2013年分别组织了…评审``)."""


def as_of_programme_totals(ctx: Ctx) -> None:
    """A programme's count of winners as of a date or a year (``截至2025年底，共有4家企业获某奖``, ``截至2019年，
    先后有12家单位获得…``) or over several rounds named by their years (``2011年和2013年分别组织…评审，…8家企业先后获得…``)
    is its running total (breakdown 累计), told from one round's count; only when no other breakdown was read."""
    for i, o in enumerate(ctx.observations):
        if o.breakdown is not None or o.subject is None or o.subject.kind is not Kind.HONOUR:
            continue
        words = o.period_words or ""
        if (DAY_RE.match(o.period or "") and words.startswith(("截至", "截止"))) or ROUND_YEARS_RE.fullmatch(words):
            ctx.observations[i] = replace(o, breakdown="累计")

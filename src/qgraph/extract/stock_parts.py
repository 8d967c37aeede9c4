"""The parts of a stock named after ``其中``: ``全省累计获批地理标志300个，其中，90个保护产品居全国前列，
80件地理标志商标…`` — each part is a part of the running total, counted on the same day: it takes the whole's
stock breakdown (``stock_breakdowns.txt``: 累计, 有效 …) and the whole's period; a part told with time words
of another period (``其中2023年…``) is left alone. The whole is a count of the same subject stated before ``其中`` in the same sentence (or
restated there); a money or percent figure is no part of a count.
"""

from __future__ import annotations

from dataclasses import replace

from .context import Ctx

__all__ = ["stock_parts"]

_NOT_COUNTS = ("Percent", "Yuan", "PercentagePoint", "Permille")


def _whole(ctx: Ctx, o, start: int, among: int, stocks: tuple[str, ...]):
    for p in ctx.observations:
        if p is o or p.breakdown not in stocks or p.unit in _NOT_COUNTS or p.subject != o.subject:
            continue
        if any(start <= s.start < among for s in (p.span, *p.restated)):
            return p
    return None


def stock_parts(ctx: Ctx) -> None:
    stocks = tuple(ctx.lex.words("stock_breakdowns.txt"))
    if not stocks:
        return
    for i, o in enumerate(ctx.observations):
        if o.breakdown is not None or o.unit in _NOT_COUNTS or o.subject is None:
            continue
        sent = ctx.sentence_of(o.span.start)
        if sent is None:
            continue
        among = ctx.text.rfind("其中", sent.span.start, o.span.start)
        if among < 0 or any(c in ctx.text[among:o.span.start] for c in "；;"):
            continue  # …，其中…；有效证书覆盖企业5140家: past a semicolon, no part of the whole before 其中
        whole = _whole(ctx, o, sent.span.start, among, stocks)
        if whole is None:
            continue
        if o.period_words and o.period != whole.period:  # 其中2023年新增…: a part of its own time is no part of the total
            continue
        ctx.observations[i] = replace(o, breakdown=whole.breakdown, period=whole.period,
                                      period_inferred=whole.period_inferred)

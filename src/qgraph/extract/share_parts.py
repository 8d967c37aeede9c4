"""A share written right after a count (``新增高新技术企业120家，占全市企业总数的35%``, ``商品商标累计达7598件，
占比67.1%``) is the share of what that count counts: it takes the count's breakdown (新增, 累计, 有效) and,
for a stock as of a day, that day — so that the share of the new ones and the share of the stock stay apart."""

from __future__ import annotations

import dataclasses
import re

from .context import Ctx

GAP_RE = re.compile(r"[，,]\s*占[^，,。；;：:\d]{0,14}$")
"""Between the count and the share: one comma, then 占 and what the share is of."""
DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}$")


def share_parts(ctx: Ctx) -> None:
    obs = ctx.observations
    for i, o in enumerate(obs):
        if o.unit != "Percent" or o.breakdown is not None or not (
                o.measure.startswith("占") or o.measure.endswith(("占比", "比重", "比例"))):  # 占…的35%, 产品种类占比
            continue
        before = [p for p in obs if p.unit != "Percent" and p.span.end <= o.span.start
                  and GAP_RE.fullmatch(ctx.text, p.span.end, o.span.start)]
        if not before or before[-1].breakdown is None:
            continue
        count = before[-1]
        period = count.period if DATE_RE.match(count.period or "") else o.period
        obs[i] = dataclasses.replace(o, breakdown=count.breakdown, period=period)

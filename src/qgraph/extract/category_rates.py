"""A check's rate owned by a product category before 的: the category's part of the check.

``其中，女式服装产品的不合格产品检出率为4.5%；塑料购物袋产品的…为28%``: the rates are the check's
figures for 女式服装 and 塑料购物袋, not the check's own. The possessor (without a closing 产品 / 商品)
becomes the figure's breakdown and the measure keeps what follows 的. A possessor naming a scope or
the check itself (全省的, 本次抽查的, 企业的; ``possessor_non_categories.txt``) is no category; nor is a
time (去年同期的合格率; ``possessor_times.txt``), which leaves the measure the rate alone.
"""

from __future__ import annotations

import dataclasses
import re

from ..model import INSPECTION_KINDS, Observation
from .context import Ctx

POSSESSED_RATE_RE = re.compile(r"(?P<cat>[\u4e00-\u9fff]{2,10}?)(?:产品|商品)?的(?P<rate>[\u4e00-\u9fff]*率)")


def category_rate(ctx: Ctx, obs: Observation) -> Observation:
    """``obs`` with the product category its measure's possessor names as breakdown, when it is a
    check's rate with none."""
    if obs.subject is None or obs.subject.kind not in INSPECTION_KINDS or obs.breakdown or not obs.measure:
        return obs
    m = POSSESSED_RATE_RE.fullmatch(obs.measure)
    if m is not None and any(w in m.group("cat") for w in ctx.lex.words("possessor_times.txt")):
        return dataclasses.replace(obs, measure=m.group("rate"))  # 去年同期的合格率: a time, no category
    if m is None or any(w in m.group("cat") for w in ctx.lex.words("possessor_non_categories.txt")):
        return obs
    return dataclasses.replace(obs, breakdown=m.group("cat"), measure=m.group("rate"))

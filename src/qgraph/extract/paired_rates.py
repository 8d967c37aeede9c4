"""Paired rates: two checks' pass rates sharing one value (``某某例行监测合格率和食品抽检合格率保持在98%以上``).

The check rules read the value once, as the check named last; the check named first, before 和, had its
rate too. Its figure is added, the same value read again on purpose (the repeat rules leave the two
apart), when the first name ends with a check word and the value's figure is the second check's.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import INSPECTION_KINDS, Kind
from .context import Ctx
from .shared_values import keep_apart

PAIRED_RE = re.compile(r"(?:^|(?<=[，,；;。：:\n]))(?:全市|全省|全县|全区)?(?P<x>[\u4e00-\u9fff]{2,20}?(?:监测|抽检|抽查|检测|检验))合格率和"
                       r"(?P<y>[\u4e00-\u9fff]{2,20}?)合格率[^，,；;。\d]{0,10}?(?=\d)")


def find_paired_rates(ctx: Ctx) -> None:
    """Add the first check's figure of every pair of pass rates sharing one value."""
    for m in PAIRED_RE.finditer(ctx.text):
        o = next((o for o in ctx.observations if o.span.start == m.end() and o.unit == "Percent"), None)
        if o is None or o.subject is None or o.subject.kind not in INSPECTION_KINDS or o.subject.name == m.group("x"):
            continue
        kind = o.subject.kind if o.subject.kind is not Kind.PRODUCT_SPOT_CHECK else Kind.INSPECTION
        first = ctx.add(kind, m.group("x"), m.start("x"), m.end("x"))
        twin = replace(o, subject=first.ref, measure="合格率", breakdown=None, categories=())
        i = ctx.observations.index(o)
        ctx.observations[i] = o = replace(o, measure="合格率")  # not the run of both names
        keep_apart(ctx, o)
        keep_apart(ctx, twin)
        ctx.observations.insert(i, twin)  # in the order the text names them

"""One rate said of every check before it: ``食品抽检1.2万批次，药品抽检3000批次，合格率均在98%以上``.

The figure rules give the rate to the check read last; 均 (``均为``, ``均在``, ``均达``) in a clause that names
nothing but the rate says it is each check's. Every other check whose figure stands earlier in the sentence gets
the same rate, no surer than the figure read (and carried at most).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import CONFIDENCE, INSPECTION_KINDS
from .context import Ctx
from .periods import clause_start

__all__ = ["share_rates_among_checks"]

SHARED_RATE_RE = re.compile(r"\s*(?:[\u4e00-\u9fff]{0,6}合格率)均(?:为|在|达到|达|保持在|稳定在)?$")


def share_rates_among_checks(ctx: Ctx) -> None:
    """Give a rate said with 均 to every check of its sentence (see the module)."""
    out = []
    for o in ctx.observations:
        out.append(o)
        if o.unit != "Percent" or o.subject is None or o.subject.kind not in INSPECTION_KINDS:
            continue
        sent = ctx.sentence_of(o.span.start)
        if sent is None or not SHARED_RATE_RE.fullmatch(ctx.text, clause_start(ctx, sent, o.span.start), o.span.start):
            continue
        others = []
        for p in ctx.observations:
            if sent.span.start <= p.span.start < o.span.start and p.subject is not None \
                    and p.subject.kind in INSPECTION_KINDS and p.subject != o.subject and p.subject not in others:
                others.append(p.subject)
        rated = {p.subject for p in ctx.observations if p.span == o.span}
        for check in others:
            if check not in rated:
                out.append(replace(o, subject=check, confidence=min(o.confidence, CONFIDENCE["carried"])))
    ctx.observations[:] = out

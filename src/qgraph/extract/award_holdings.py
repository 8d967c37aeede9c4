"""A place's holdings of awards, broken down after 其中: ``县级以上政府质量奖获奖组织达到120家；其中，获得
中国质量奖提名奖1家，获省政府质量奖2家，省政府质量管理创新奖1家``.

Each item after 其中 that names a programme counts that programme's holders, in the noun the total counted
(组织, 企业 …, ``data/lexicon/award_holder_nouns.txt``): the measure is that noun, not the award's name
or the verb before it. The total stays the place's: a class of awards (县级以上政府质量奖) is no programme.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import CONFIDENCE
from .context import Ctx
from .running_totals import COUNT_UNITS, holder_nouns

__all__ = ["find_award_holdings"]

LEAD = "其中"


def find_award_holdings(ctx: Ctx) -> None:
    for i, o in enumerate(ctx.observations):
        if o.unit not in COUNT_UNITS or o.subject is None or not o.subject.kind.is_programme:
            continue
        sent = ctx.sentence_of(o.span.start)
        if sent is None:
            continue
        lead = ctx.text.rfind(LEAD, sent.span.start, o.span.start)
        if lead == -1:
            continue
        totals = [t for t in ctx.observations if sent.span.start <= t.span.start < lead and t.unit == o.unit
                  and (t.subject is None or not t.subject.kind.is_programme)]
        noun = next((n for n in holder_nouns(ctx.lex) if totals and totals[-1].measure.endswith(n)), None)
        if noun is None or "奖" not in ctx.text[max(sent.span.start, totals[-1].span.start - 24):totals[-1].span.start]:
            continue  # the total must count an award's holders
        item = ctx.last_of("，,；;、", lead, o.span.start) + 1
        if not any(e.ref == o.subject for e in ctx.entities_in(max(item, lead), o.span.start)):
            continue  # the item must name its programme
        ctx.observations[i] = replace(o, measure=noun, subject_inferred=False,
                                      confidence=max(o.confidence, CONFIDENCE["named"]))
